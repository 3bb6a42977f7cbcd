"""The header search's look for an engine whose theme no longer styles it (Zensical).

The library's search box (`overrides/partials/kk-haku.html`) wears mkdocs-material's
search classes, so that it looks and behaves like the theme's own. Zensical's theme
replaced that search with a dialog and dropped those rules, which left the box
unstyled (and its status text below the contrast minimum). For a Zensical build the
rules are taken from the installed mkdocs-material's stylesheet (MIT licence), every
rule whose selector names the search, inside the same media queries, and written
beside the site's own stylesheet.

Written here rather than with a CSS library: the stylesheet is mkdocs-material's own
minified output, whose only nesting is `@media`/`@supports` blocks around plain rules,
and the selection needs nothing but the selector text.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

SEARCH_STYLESHEET = "stylesheets/kk-haku-teema.css"
"""Where the Zensical tree gets the rules (added to its `extra_css`)."""

_SEARCH_PROPERTY = re.compile(r"--md-search-[a-z-]+:(?:\"[^\"]*\"|[^;}\"])+")
_SEARCH_SELECTORS = (".md-search", "__search", 'data-md-toggle="search"', "data-md-toggle=search")


def theme_search_rules() -> str:
    """mkdocs-material's rules for its header search, or "" if it is not installed."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return ""
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / "assets" / "stylesheets"
    sheets = sorted(folder.glob("main.*.min.css"))
    if not sheets:
        return ""
    css = sheets[0].read_text("utf-8")
    # The icons the rules draw are custom properties of the theme's :root.
    icons = "".join(f"{match.group(0)};" for match in _SEARCH_PROPERTY.finditer(css))
    rules = (f":root{{{icons}}}" if icons else "") + _search_rules(css)
    return (
        "/* From mkdocs-material's stylesheet (MIT licence): its header search, which\n   the library's search box uses (kirjasto/site/search_style.py). */\n"
        + rules
        + "\n"
    )


def _search_rules(css: str) -> str:
    kept: list[str] = []
    for prelude, body in _blocks(css):
        if prelude.startswith(("@media", "@supports")):
            inner = _search_rules(body)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif not prelude.startswith("@") and any(mark in prelude for mark in _SEARCH_SELECTORS):
            kept.append(f"{prelude}{{{body}}}")
    return "".join(kept)


def _blocks(css: str) -> list[tuple[str, str]]:
    """Top-level `prelude{body}` pairs (comments and `@charset`-like statements skipped)."""
    found: list[tuple[str, str]] = []
    position = 0
    while True:
        while css.startswith("/*", position):
            position = css.index("*/", position) + 2
        opening = css.find("{", position)
        if opening < 0:
            return found
        prelude = css[position:opening].strip()
        if ";" in prelude:  # a statement such as @charset "UTF-8"; before the block
            prelude = prelude.rsplit(";", 1)[1].strip()
        depth, cursor = 1, opening + 1
        while depth:
            character = css[cursor]
            depth += character == "{"
            depth -= character == "}"
            cursor += 1
        found.append((prelude, css[opening + 1 : cursor - 1]))
        position = cursor
