"""What the MkDocs hook does to every finished page (`on_post_page`), for a site that
an engine without hooks built from the generated tree (Zensical): the item's JSON-LD
in its page's head, `rel="noopener"` on links that open a new window, and the check
that no page runs an inline script the Content-Security-Policy does not allow."""

from __future__ import annotations

from pathlib import Path

from kirjasto.content.model import Library
from kirjasto.content.settings import LibrarySettings
from kirjasto.content.urls import url_of
from kirjasto.site.csp import check_page, with_noopener
from kirjasto.site.exports.json_ld import json_ld_script


def finish_pages(site_dir: Path, library: Library, settings: LibrarySettings, policy: str) -> list[str]:
    """Finish every HTML page under `site_dir` in place. Returns the problems found
    ('path: message', in Finnish); a page with a problem is left as it was."""
    items = {url_of(item.src_uri): item for item in library.items}
    problems: list[str] = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        page = path.read_text("utf-8")
        item = items.get(relative.removesuffix("index.html"))
        if item is not None:
            page = page.replace("</head>", json_ld_script(item, settings) + "</head>", 1)
        found = check_page(page, policy)
        if found:
            problems += [f"{relative}: {problem.message}" for problem in found]
            continue
        path.write_text(with_noopener(page), encoding="utf-8")
    return problems
