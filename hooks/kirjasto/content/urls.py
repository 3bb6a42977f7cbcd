"""Where a docs-tree file ends up as a page, and relative URLs between pages
(directory-style URLs, as `use_directory_urls: true` builds them)."""

from __future__ import annotations

import posixpath


def url_of(src_uri: str) -> str:
    """Directory-style URL path of the page built from a docs file: `teemat/steam/`,
    `teemat/` for an index, `` for the front page."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"


def url_link(from_src_uri: str, to_src_uri: str) -> str:
    """Relative URL between the directory-style pages built from two docs files."""
    here, there = url_of(from_src_uri), url_of(to_src_uri)
    relative = posixpath.relpath(there or ".", here or ".")
    return "./" if relative == "." else relative + "/"
