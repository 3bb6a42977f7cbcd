"""The primary navigation rendered once per folder and reused.

mkdocs-material renders the whole navigation into every page: a third of the
template time of a large build, although every page outside the nav shows the same
navigation. Its HTML depends only on the nav itself (the same for the whole build),
on which entry is active (none, for a page outside the nav) and on the page's
address, because links are written relative to it: pages in the same folder
(`kaytannot/a/`, `kaytannot/b/`) get the same links. The theme override
(`overrides/main.html`, block `site_nav`) calls `kirjasto_nav(page)` around the
theme's own `partials/nav.html`; pages in the nav are rendered as before.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection
from typing import Any


class NavigationCache:
    """`{% call kirjasto_nav(page) %}...{% endcall %}`: the block's HTML, rendered by
    the theme the first time for each folder and reused for the rest of the build."""

    def __init__(self, pages_in_nav: Collection[str]) -> None:
        self._in_nav = frozenset(pages_in_nav)
        self._html: dict[str, str] = {}

    def key(self, page: Any) -> str | None:
        """The folder of a page outside the nav (`kaytannot` for `kaytannot/a/`),
        None for a page in the nav or no page (a theme template such as 404.html)."""
        if page is None or page.file.src_uri in self._in_nav:
            return None
        return posixpath.dirname(str(page.url).rstrip("/"))

    def __call__(self, page: Any, caller: Callable[[], str]) -> str:
        key = self.key(page)
        if key is None:
            return caller()
        html = self._html.get(key)
        if html is None:
            html = self._html[key] = caller()
        return html
