"""The search part of `kirjasto bench`: recall@5 of the teachers' queries
(tests/search/opettajien-haut.yml) in the real search box of the real library,
and the first query's download (median and worst, gzip) over a fixed list of
queries at every benchmarked size. When Pagefind is installed (optional, never in
the default install: `pip install pagefind[extended]`), the same measurements of
Pagefind on the same sites are printed beside ours.

Needs Chromium (Debian's package) and Playwright, the test tools."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from kirjasto.tools.search_quality import (
    Outcome,
    Query,
    first_query_bytes,
    load_queries,
    pagefind_available,
    pagefind_measure,
    pagefind_site,
    recall,
    serve,
)
from kirjasto.tools.static_site import find_chromium

QUERY_FILE = Path("tests/search/opettajien-haut.yml")
COMMON_WORDS = ("opettaja", "kunta", "koulu", "digi", "tutoropettaja", "varhaiskasvatus", "di", "ke")
"""Besides the teachers' queries: the library's most common words and the shortest
prefixes, whose shards are the largest."""

Metrics = dict[str, Any]


def bench_search(repository: Path, workdir: Path, sites: dict[int, Path]) -> Metrics:
    """{"recall": ..., "sizes": {size: {"median_gzip", "worst_gzip"}}, "pagefind": ... or None}."""
    chromium = find_chromium()
    if chromium is None:
        return {"skipped": "Chromium puuttuu (apt-get install chromium)"}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "Playwright puuttuu: aja make install-test (requirements-test.lock)"}

    queries = load_queries(repository / QUERY_FILE)
    texts = [query.text for query in queries] + list(COMMON_WORDS)
    real_site = _build_real_site(repository, workdir)
    result: Metrics = {"queries": len(queries), "sizes": {}, "pagefind": None}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        with serve(real_site) as origin:
            result["recall"] = _recall_figures(recall(browser, origin, queries))
            result["real_bytes"] = _spread(first_query_bytes(browser, origin, texts))
        for size, site in sorted(sites.items()):
            with serve(site) as origin:
                result["sizes"][size] = _spread(first_query_bytes(browser, origin, texts))
        if pagefind_available():
            common = [Query(word, "") for word in COMMON_WORDS]
            result["pagefind"] = _pagefind(browser, queries, common, real_site, sites, workdir)
        browser.close()
    return result


def _build_real_site(repository: Path, workdir: Path) -> Path:
    target = workdir / "kirjasto-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target)]
    subprocess.run(command, cwd=repository, env=env, check=True, capture_output=True)
    return target


def _pagefind(
    browser: Any, queries: list[Query], common: list[Query], real_site: Path, sites: dict[int, Path], workdir: Path
) -> Metrics:
    """Pagefind on the same sites, with the same queries (and the same common words)."""
    indexed = pagefind_site(real_site, workdir / "pagefind-kirjasto")
    with serve(indexed) as origin:
        outcomes, sizes = pagefind_measure(browser, origin, queries + common)
    outcomes = outcomes[: len(queries)]
    figures: Metrics = {"recall": _recall_figures(outcomes), "real_bytes": _spread(sizes), "sizes": {}}
    for size, site in sorted(sites.items()):
        copy = pagefind_site(site, workdir / f"pagefind-{size}")
        with serve(copy) as origin:
            figures["sizes"][size] = _spread(pagefind_measure(browser, origin, queries + common)[1])
    return figures


def _recall_figures(outcomes: list[Outcome]) -> Metrics:
    by_kind: dict[str, list[bool]] = {}
    for outcome in outcomes:
        by_kind.setdefault(outcome.query.kind, []).append(outcome.found)
    return {
        "recall_at_5": round(sum(o.found for o in outcomes) / len(outcomes), 3),
        "by_kind": {kind: f"{sum(found)}/{len(found)}" for kind, found in by_kind.items()},
        "missed": [o.query.text for o in outcomes if not o.found],
    }


def _spread(sizes: dict[str, int]) -> Metrics:
    worst = max(sizes, key=sizes.__getitem__)
    return {"median_gzip": round(statistics.median(sizes.values())), "worst_gzip": sizes[worst], "worst_query": worst}


def format_search(figures: Metrics) -> str:
    """The search figures as Finnish lines under the benchmark's table."""
    if "skipped" in figures:
        return f"Haun mittaus ohitettiin: {figures['skipped']}."
    ours, theirs = figures, figures.get("pagefind")
    lines = [
        f"Haku ({figures['queries']} opettajien hakua, tests/search/opettajien-haut.yml, Chromium):",
        f"- recall@5, oma haku: {ours['recall']['recall_at_5']:.1%} "
        + ", ".join(f"{kind} {share}" for kind, share in ours["recall"]["by_kind"].items()),
    ]
    if theirs:
        lines.append(f"- recall@5, Pagefind: {theirs['recall']['recall_at_5']:.1%}")
    else:
        lines.append("- Pagefind ei ole asennettu; vertailu ohitettiin (pip install 'pagefind[extended]').")
    rows = [("oikea kirjasto", ours["real_bytes"], theirs["real_bytes"] if theirs else None)]
    rows += [
        (f"{size} kuvausta", spread, theirs["sizes"].get(size) if theirs else None) for size, spread in ours["sizes"].items()
    ]
    lines.append("- ensimmäisen haun lataus gzip, mediaani / pahin (kt):")
    for name, own, other in rows:
        line = f"  - {name}: oma {own['median_gzip'] / 1024:.1f} / {own['worst_gzip'] / 1024:.1f} (pahin: {own['worst_query']})"
        if other:
            line += f"; Pagefind {other['median_gzip'] / 1024:.1f} / {other['worst_gzip'] / 1024:.1f}"
        lines.append(line)
    largest = ours["sizes"][max(ours["sizes"])] if ours["sizes"] else ours["real_bytes"]
    goals = [
        ("recall@5 ≥ 95 %", ours["recall"]["recall_at_5"] >= 0.95),
        ("pahin ensimmäinen haku ≤ 150 kt gzip (suurin koko)", largest["worst_gzip"] <= 150_000),
        ("ensimmäisen haun mediaani ≤ 60 kt gzip (suurin koko)", largest["median_gzip"] <= 60_000),
    ]
    lines += [f"- [{'x' if met else ' '}] {goal}" for goal, met in goals]
    return "\n".join(lines)
