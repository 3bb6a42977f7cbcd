"""Reading a built site: pages, their links and the resources they load."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit


class Collector(HTMLParser):
    """Links (a href) and loaded resources (script src, link href, img src) of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag in ("script", "img", "iframe", "source") and attributes.get("src"):
            self.resources.append(attributes["src"])
        if tag == "link" and attributes.get("href") and attributes.get("rel") not in ("canonical", "alternate"):
            self.resources.append(attributes["href"])


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(path: Path) -> Collector:
    collector = Collector()
    collector.feed(path.read_text("utf-8"))
    return collector


def page_url(site: Path, html: Path) -> str:
    """Site-relative directory URL of a built page: 'teemat/steam/'."""
    relative = html.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def resolve(site: Path, from_url: str, href: str) -> Path | None:
    """The file a relative link points to, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("#"):
        return None
    target = PurePosixPath("/" + from_url) / parts.path if parts.path else PurePosixPath("/" + from_url)
    normalised = os.path.normpath(str(target)).lstrip("/")
    path = site / normalised
    return path / "index.html" if path.is_dir() or parts.path.endswith("/") else path


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def article_parts(html: str) -> list[str]:
    """The text pieces of a page's article (the main text, without header, navigation or footer)."""
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    parser = _Text()
    parser.feed(article)
    return parser.parts


def html_pages(site: Path) -> set[str]:
    """Every HTML page of a built site, relative to it."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}
