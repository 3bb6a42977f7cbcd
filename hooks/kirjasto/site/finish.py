"""What every finished page gets after the theme: the item's JSON-LD in its page's
head, `rel="noopener"` on links that open a new window, and the check that it runs no
inline script the Content-Security-Policy does not allow. The MkDocs hook calls
`finish_page` for each page it writes (`on_post_page`); for a site an engine without
hooks built from the generated tree (Zensical), `finish_pages` does the same afterwards."""

from __future__ import annotations

from pathlib import Path

from kirjasto.content.messages import Messages, messages_in
from kirjasto.content.model import Item, Library
from kirjasto.content.settings import LibrarySettings
from kirjasto.content.urls import url_of
from kirjasto.site.csp import PageScriptProblem, check_page, with_noopener
from kirjasto.site.exports.json_ld import json_ld_script


def finish_page(
    page: str, item: Item | None, settings: LibrarySettings, policy: str, *, messages: Messages | None = None
) -> tuple[str, list[PageScriptProblem]]:
    """The finished page (`item`: the item it shows, if any) and its script problems;
    a page with problems must not be published. `messages`: the page's language (the
    JSON-LD's names), by default the site's (`settings.language`)."""
    messages = messages or messages_in(settings.language)
    if item is not None:
        page = page.replace("</head>", json_ld_script(item, settings, messages=messages) + "</head>", 1)
    problems = check_page(page, policy, messages)
    return (page if problems else with_noopener(page)), problems


def finish_pages(
    site_dir: Path, library: Library, settings: LibrarySettings, policy: str, *, messages: Messages | None = None
) -> list[str]:
    """Finish every HTML page under `site_dir` in place (pages in the language of
    `messages`). Returns the problems found ('path: message', in that language); a page with
    a problem is left as it was."""
    items = {url_of(item.src_uri): item for item in library.items}
    problems: list[str] = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        item = items.get(relative.removesuffix("index.html"))
        finished, found = finish_page(path.read_text("utf-8"), item, settings, policy, messages=messages)
        if found:
            problems += [f"{relative}: {problem.message}" for problem in found]
        else:
            path.write_text(finished, encoding="utf-8")
    return problems
