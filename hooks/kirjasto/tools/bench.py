"""`kirjasto bench`: our build against a plain mkdocs-material build of the same
item pages, measured in one run on one machine, with ratios.

For each size: (a) baseline: the items as plain Markdown pages, mkdocs-material
with its default search and no hooks, a small nav; (b) our full build;
(c) `kirjasto validate` alone; (d) peak memory of each (the child process's
maximum resident set); (e) site size, the largest HTML page, the largest
listing page, one item page's HTML size and the search payload.
"""

from __future__ import annotations

import datetime
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kirjasto.content.library import load_library
from kirjasto.tools.synthetic import write_synthetic_library

BASELINE_CONFIG = """\
site_name: Vertailu
theme:
  name: material
  language: fi
  font: false
nav:
  - index.md
not_in_nav: |
  /*/*.md
"""
SAMPLE_ITEM = "synteettinen-0"

Metrics = dict[str, Any]
"""Figures of one measurement by name, as written to the JSON results file."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_kb: int
    returncode: int


def measure(command: list[str], cwd: Path, quiet: bool = False) -> Run:
    """Wall time and peak memory of one child process (os.wait4 gives its rusage).
    A failing command's error output is shown unless `quiet` (an expected failure)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr
    assert errors is not None, "stderr=PIPE"
    if process.returncode != 0 and not quiet:
        sys.stderr.write(errors.read().decode("utf-8", "replace")[-2000:])
    errors.close()
    return Run(seconds=seconds, peak_kb=usage.ru_maxrss, returncode=process.returncode)


def write_baseline(library_root: Path, target: Path) -> None:
    """The same items as plain Markdown pages (title, summary, body) in a plain site."""
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    docs.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Vertailu\n\nSama sisältö ilman kirjaston laajennuksia.\n", encoding="utf-8")
    for item in load_library(library_root).library.items:
        folder = docs / item.kind.folder
        folder.mkdir(exist_ok=True)
        (folder / f"{item.slug}.md").write_text(f"# {item.title}\n\n{item.summary}\n\n{item.body}", encoding="utf-8")


def _site_metrics(site: Path, ours: bool) -> Metrics:
    pages = list(site.rglob("*.html"))
    sizes = {p: p.stat().st_size for p in pages}
    largest = max(sizes, key=sizes.__getitem__)
    item_page = re.compile(r"^(kaytannot|verkostot|materiaalit)/(?!sivu-\d+/)[^/]+/index\.html$")
    listings = {
        p: s
        for p, s in sizes.items()
        if not item_page.match(p.relative_to(site).as_posix()) and p.relative_to(site).parts[0] not in ("assets",)
    }
    sample = next((p for p in pages if p.parent.name == SAMPLE_ITEM), None)
    metrics: Metrics = {
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "html_pages": len(pages),
        "largest_page": [str(largest.relative_to(site)), sizes[largest]],
        "item_page_bytes": sample.stat().st_size if sample else None,
    }
    if listings:
        biggest = max(listings, key=listings.__getitem__)
        metrics["largest_listing"] = [str(biggest.relative_to(site)), listings[biggest]]
    # Our search is measured in the browser by search_bench (first query, median and worst).
    metrics["search"] = {} if ours else _theme_search_payload(site)
    return metrics


def _theme_search_payload(site: Path) -> Metrics:
    index = site / "search" / "search_index.json"
    if not index.exists():
        return {}
    raw = index.read_bytes()
    return {"first_search_raw": len(raw), "first_search_gzip": len(gzip.compress(raw))}


def _summary(runs: list[Run]) -> Metrics:
    seconds = [r.seconds for r in runs]
    return {
        "median_s": round(statistics.median(seconds), 2),
        "min_s": round(min(seconds), 2),
        "max_s": round(max(seconds), 2),
        "peak_mb": round(max(r.peak_kb for r in runs) / 1024, 1),
        "runs": len(runs),
        "ok": all(r.returncode == 0 for r in runs),
    }


def bench_size(repository: Path, workdir: Path, size: int, repeat: int, today: datetime.date) -> Metrics:
    library = write_synthetic_library(repository, workdir / f"{size}-kirjasto", size, today=today)
    baseline = workdir / f"{size}-vertailu"
    write_baseline(library.root, baseline)
    python = sys.executable
    runs: dict[str, list[Run]] = {"baseline": [], "ours": [], "validate": []}
    for _ in range(repeat):
        # Interleaved, so that a slow moment of a shared machine hits both builds.
        # No -q: with it MkDocs does not count warnings, and --strict would not fail.
        runs["baseline"].append(measure([python, "-m", "mkdocs", "build", "-d", str(baseline / "site")], baseline))
        runs["ours"].append(
            measure([python, "-m", "mkdocs", "build", "--strict", "-d", str(library.root / "site")], library.root)
        )
        runs["validate"].append(
            measure([python, "-m", "kirjasto.tools.cli", "validate", "--root", str(library.root)], library.root)
        )
    result: Metrics = {name: _summary(found) for name, found in runs.items()}
    result["ratio"] = round(result["ours"]["median_s"] / result["baseline"]["median_s"], 2)
    result["memory_ratio"] = round(result["ours"]["peak_mb"] / result["baseline"]["peak_mb"], 2)
    result["site_ours"] = _site_metrics(library.root / "site", ours=True)
    result["site_baseline"] = _site_metrics(baseline / "site", ours=False)
    result["site_dir"] = str(library.root / "site")
    return result


def goals(results: dict[int, Metrics]) -> list[tuple[str, bool, str]]:
    """(goal, met?, the measured figure) for the table."""
    sizes = sorted(results)
    largest = results[sizes[-1]]
    checks = [
        (f"oma rakentaminen ≤ 1,10 × vertailu ({sizes[-1]} kuvausta)", largest["ratio"] <= 1.10, f"{largest['ratio']} ×"),
        (f"validointi < 2 s ({sizes[-1]} kuvausta)", largest["validate"]["median_s"] < 2, f"{largest['validate']['median_s']} s"),
        (
            "ei luettelosivua yli 1 Mt",
            all(r["site_ours"].get("largest_listing", ["", 0])[1] <= 1_000_000 for r in results.values()),
            ", ".join(f"{s}: {results[s]['site_ours'].get('largest_listing', ['', 0])[1] // 1024} kt" for s in sizes),
        ),
    ]
    if len(sizes) > 1:
        small, large = results[sizes[0]]["site_ours"]["item_page_bytes"], largest["site_ours"]["item_page_bytes"]
        change = abs(large - small) / small
        checks.append(
            ("kuvaussivun koko ei riipu kirjaston koosta (±5 %)", change <= 0.05, f"{small} → {large} tavua ({change:.1%})")
        )
        per_item_small = results[sizes[0]]["ours"]["peak_mb"] / sizes[0]
        per_item_large = largest["ours"]["peak_mb"] / sizes[-1]
        checks.append(
            (
                "muisti kasvaa korkeintaan lineaarisesti",
                per_item_large <= per_item_small * 1.1,
                f"{results[sizes[0]]['ours']['peak_mb']} → {largest['ours']['peak_mb']} Mt",
            )
        )
    return checks


def format_table(results: dict[int, Metrics]) -> str:
    rows = [
        "| kuvauksia | vertailu (s) | oma (s) | suhde | validointi (s) | muisti vertailu / oma (Mt) | sivusto (Mt) | suurin luettelosivu (kt) | kuvaussivu (kt) | ensimmäinen haku gzip (kt): vertailu / oma pahin |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size in sorted(results):
        r = results[size]

        def spread(s: Metrics) -> str:
            return f"{s['median_s']} ({s['min_s']}–{s['max_s']})"

        rows.append(
            f"| {size} | {spread(r['baseline'])} | {spread(r['ours'])} | **{r['ratio']} ×** | {spread(r['validate'])} "
            f"| {r['baseline']['peak_mb']} / {r['ours']['peak_mb']} | {r['site_ours']['site_bytes'] / 1e6:.1f} "
            f"| {r['site_ours'].get('largest_listing', ['', 0])[1] // 1024} | {(r['site_ours']['item_page_bytes'] or 0) // 1024} "
            f"| {r['site_baseline']['search'].get('first_search_gzip', 0) // 1024} / {r.get('search_worst_gzip', 0) // 1024} |"
        )
    lines = ["\n".join(rows), "", "Tavoitteet:"]
    lines += [f"- [{'x' if met else ' '}] {goal}: {figure}" for goal, met, figure in goals(results)]
    return "\n".join(lines)


def run_bench(
    repository: Path, sizes: list[int], repeat: int, workdir: Path, output: Path, today: datetime.date
) -> dict[int, Metrics]:
    from kirjasto.tools.hostile_bench import bench_hostile, format_hostile
    from kirjasto.tools.search_bench import bench_search, format_search

    workdir.mkdir(parents=True, exist_ok=True)
    results: dict[int, Metrics] = {}
    for size in sizes:
        print(f"Mitataan {size} kuvausta ({repeat} kierrosta) ...", flush=True)
        results[size] = bench_size(repository, workdir, size, repeat, today)
    print("Mitataan haku selaimessa ...", flush=True)
    search = bench_search(repository, workdir, {size: Path(r["site_dir"]) for size, r in results.items()})
    for size, spread in search.get("sizes", {}).items():
        results[size]["search_worst_gzip"] = spread["worst_gzip"]
    if results:
        print(format_table(results))
    print()
    print(format_search(search))
    print("\nMitataan vihamieliset syötteet (yksi 256 KiB:n kuvaus kerrallaan) ...", flush=True)
    hostile = bench_hostile(repository, workdir)
    print(format_hostile(hostile))
    output.write_text(
        json.dumps(
            {
                "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
                "results": results,
                "search": search,
                "hostile": [vars(run) for run in hostile],
            },
            indent=1,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    print(f"\nTulokset: {output}")
    return results
