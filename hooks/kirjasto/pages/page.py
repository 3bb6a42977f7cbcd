from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Page:
    """One generated page, as an engine would find it in a docs folder."""

    src_uri: str
    """Path in the docs tree, e.g. `teemat/steam.md`."""
    title: str
    markdown: str
    """Complete Markdown including a front matter with title and description."""

    @property
    def url(self) -> str:
        """Directory-style URL path: `teemat/steam/`, `teemat/` for an index."""
        stem = self.src_uri.removesuffix(".md")
        if stem == "index":
            return ""
        return stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"


def link(from_src_uri: str, to_src_uri: str) -> str:
    """Relative link between two docs-tree files, as Markdown writes it."""
    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")


def with_front_matter(title: str, description: str | None, body: str) -> str:
    """Prefix Markdown with a front matter holding only title and description.

    Both are HTML-escaped: MkDocs renders templates without autoescaping, and
    the theme puts them inside `<title>` and a `content="..."` attribute.
    """
    meta = {"title": html.escape(title)}
    if description:
        meta["description"] = html.escape(description)
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{dumped}---\n\n{body.rstrip()}\n"
