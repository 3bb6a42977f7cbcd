"""The site search measured as a teacher meets it: queries typed into the real
search box of a built site in Chromium (recall@5), and the bytes a first query
downloads (gzip, as a web server would send them). Used by tests/test_search.py
and `kirjasto bench`; Pagefind, when installed, is measured on the same site.

Playwright is a test tool: it is imported only inside these functions.
"""

from __future__ import annotations

import contextlib
import gzip
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kirjasto.tools.static_site import StaticServer

INDEX_PATH = "/haku-indeksi/"


@dataclass(frozen=True)
class Query:
    text: str
    wanted: str
    """Slug of the item that must be in the first five results."""
    kind: str = ""
    found_before: bool = False


@dataclass(frozen=True)
class Outcome:
    query: Query
    top: tuple[str, ...]
    """Slugs of the first five results."""

    @property
    def found(self) -> bool:
        return self.query.wanted in self.top


def load_queries(path: Path) -> list[Query]:
    return [
        Query(str(case["kysely"]), str(case["kuvaus"]), str(case.get("laji", "")), bool(case.get("ennen", False)))
        for case in yaml.safe_load(path.read_text("utf-8"))
    ]


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serves a built site on 127.0.0.1 at a free port; yields its origin."""
    with StaticServer(folder) as server:
        yield server.origin


def _slug(href: str) -> str:
    return re.sub(r"#.*$", "", href).rstrip("/").split("/")[-1]


def search_box_results(page: Any, text: str) -> list[str]:
    """Slugs of the results the header search shows for `text`, in order."""
    page.fill("#kk-haku-kentta", "")
    page.fill("#kk-haku-kentta", text)
    page.wait_for_function("q => document.querySelector('.kk-haku').dataset.kkHaettu === q", arg=text)
    slugs: list[str] = []
    for link in page.locator("#kk-haku-tulokset a").all():
        slug = _slug(link.get_attribute("href") or "")
        if slug not in slugs:
            slugs.append(slug)
    return slugs


def recall(browser: Any, origin: str, queries: list[Query]) -> list[Outcome]:
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(f"{origin}/")
    page.wait_for_load_state("networkidle")
    outcomes = [Outcome(query, tuple(search_box_results(page, query.text)[:5])) for query in queries]
    page.close()
    return outcomes


def first_query_bytes(
    browser: Any, origin: str, texts: list[str], route: Callable[[Any], None] | None = None, path: str = INDEX_PATH
) -> dict[str, int]:
    """{query: gzip bytes of the index files its first search downloads}, each
    query in a fresh browser context (nothing cached). `route` may serve the index
    files from memory (a 10,000-item index over a small site)."""
    measured = {}
    for text in texts:
        context = browser.new_context()
        page = context.new_page()
        if route:
            page.route(f"**{path}**", route)
        page.goto(f"{origin}/")
        page.wait_for_load_state("networkidle")
        measured[text], _ = _downloaded(page, path, "q => window.kirjastoHaku(q)", text)
        context.close()
    return measured


def _downloaded(page: Any, part: str, script: str, text: str) -> tuple[int, Any]:
    """Runs `script` with `text` on the page; (gzip bytes of the responses whose
    address contains `part`, the script's result)."""
    responses: list[Any] = []

    def keep(response: Any) -> None:
        if part in response.url:
            responses.append(response)

    page.on("response", keep)
    result = page.evaluate(script, text)
    page.remove_listener("response", keep)
    return sum(_gzip_size(response) for response in responses), result


ENGINE_FIRST_QUERY = """async (q) => {
  const { openIndex } = await import("./javascripts/haku-moottori.js");
  const index = openIndex(document.querySelector(".kk-haku").dataset.kkIndeksi);
  const found = await index.search(q);
  const shown = found.full.concat(found.partial).slice(0, 10);
  await Promise.all(shown.map((result) => index.details(result.doc)));
}"""


def engine_first_query_bytes(page: Any, texts: list[str], path: str = INDEX_PATH) -> dict[str, int]:
    """{query: gzip bytes} of each query's first search with a fresh index reader on
    one open page: what the header search downloads for it (meta, shards, the ten
    shown results' details), without a page load per query. The browser's HTTP
    cache must not serve the files (tests serve them from memory with `page.route`)."""
    return {text: _downloaded(page, path, ENGINE_FIRST_QUERY, text)[0] for text in texts}


def _gzip_size(response: Any) -> int:
    try:
        return len(gzip.compress(response.body(), 6))
    except Exception:  # a failed request downloads nothing
        return 0


# --- Pagefind on the same site (optional; never in the default install) --------------


def pagefind_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("pagefind") is not None


PAGEFIND_PAGE = """<!doctype html><html lang="fi"><meta charset="utf-8"><title>Pagefind</title>
<script type="module">
window.pagefindSearch = async (q) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const found = await pagefind.search(q);
  const data = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  return data.map((d) => d.url);
};
</script></html>"""


def pagefind_site(site: Path, workdir: Path) -> Path:
    """A copy of the site indexed by Pagefind (Finnish), with a page without the
    site's CSP to run it from (Pagefind needs WebAssembly, which the CSP blocks)."""
    copy = workdir / "pagefind-site"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy)
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(copy), "--force-language", "fi"],
        check=True,
        capture_output=True,
    )
    (copy / "pagefind-vertailu.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    return copy


def pagefind_measure(browser: Any, origin: str, queries: list[Query]) -> tuple[list[Outcome], dict[str, int]]:
    outcomes = []
    sizes: dict[str, int] = {}
    for query in queries:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{origin}/pagefind-vertailu.html")
        sizes[query.text], urls = _downloaded(page, "/pagefind/", "q => window.pagefindSearch(q)", query.text)
        outcomes.append(Outcome(query, tuple(_slug(url) for url in urls)))
        context.close()
    return outcomes, sizes
