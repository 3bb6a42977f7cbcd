"""Where a docs-tree file ends up as a page, and relative URLs between pages
(directory-style URLs, as `use_directory_urls: true` builds them)."""

from __future__ import annotations


def url_of(src_uri: str) -> str:
    """Directory-style URL path of the page built from a docs file: `teemat/steam/`,
    `teemat/` for an index, `` for the front page."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"


def url_link(from_src_uri: str, to_src_uri: str) -> str:
    """Relative URL between the directory-style pages built from two docs files."""
    # The same as posixpath.relpath for these paths (no `.` or `..` segments), without
    # its two abspath calls: a large build makes tens of thousands of these links.
    here = url_of(from_src_uri).split("/")[:-1]
    there = url_of(to_src_uri).split("/")[:-1]
    common = 0
    for own, other in zip(here, there, strict=False):
        if own != other:
            break
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:])
    return relative + "/" if relative else "./"
