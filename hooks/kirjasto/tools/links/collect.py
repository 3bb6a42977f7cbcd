"""Collecting the external links of items: every http(s) address in the rendered
body's `<a href>` elements and in any front-matter value, with the file line
that shows it first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from kirjasto.content import frontmatter
from kirjasto.content.model import Item
from kirjasto.tools.links.results import LinkUse

_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_WHOLE_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def is_web_address(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


class _AnchorCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [value.strip() for name, value in attrs if name == "href" and value]


def links_in_html(html: str) -> list[str]:
    """http(s) addresses of the `<a href>` elements, entities decoded."""
    collector = _AnchorCollector()
    collector.feed(html)
    collector.close()
    return [href for href in collector.hrefs if is_web_address(href)]


def _trim_text_url(url: str) -> str:
    """An address found inside text loses the punctuation of the sentence around it."""
    url = url.rstrip(".,;:!?")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(".,;:!?")
    return url


def _urls_in_value(value: str) -> list[str]:
    stripped = value.strip()
    if _WHOLE_URL.fullmatch(stripped):
        return [stripped]
    return [_trim_text_url(match.group(0)) for match in _URL_IN_TEXT.finditer(value)]


def _scalars(node: frontmatter.YamlNode) -> Iterator[frontmatter.Scalar]:
    if isinstance(node, frontmatter.Scalar):
        yield node
    elif isinstance(node, frontmatter.Sequence):
        for child in node.items:
            yield from _scalars(child)
    elif isinstance(node, frontmatter.Mapping):
        for entry in node.entries.values():
            yield from _scalars(entry.value)


def links_in_front_matter(text: str) -> list[tuple[str, int]]:
    """Every http(s) address in any front-matter value, with the value's line.
    Walks the parsed YAML rather than a list of fields, so that new fields with
    addresses are checked without a change here, and quoting is undone exactly."""
    try:
        tree = frontmatter.parse(frontmatter.split(text))
    except frontmatter.FrontMatterError:
        return []
    found: list[tuple[str, int]] = []
    for scalar in _scalars(tree):
        if isinstance(scalar.value, str):
            found += [(url, scalar.line) for url in _urls_in_value(scalar.value) if is_web_address(url)]
    return found


# Where a written address ends: `https://a.fi/` is not the start of `https://a.fi/x`,
# but a sentence's full stop after it is not part of it either.
_URL_END = r"(?=$|[\s\"'<>)\]`|]|[.,;:!?](?:$|\s))"


def _first_line_with(lines: list[str], url: str, fallback: int) -> int:
    """The first line that shows the whole address, else the first that contains it."""
    whole = re.compile(re.escape(url) + _URL_END)
    for matches in (whole.search, lambda line: url in line):
        number = next((number for number, line in enumerate(lines, start=1) if matches(line)), None)
        if number is not None:
            return number
    return fallback


def links_of_item(item: Item, root: Path) -> list[LinkUse]:
    """The item's external addresses, once each, on the first line that shows them."""
    path = item.source_path.as_posix()
    try:
        text = frontmatter.normalise_text((root / item.source_path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        text = ""
    lines = text.split("\n")
    body_line = _body_line(text)
    candidates = [*links_in_front_matter(text), *((url, body_line) for url in links_in_html(item.body_html))]
    uses: dict[str, LinkUse] = {}
    for url, fallback in candidates:
        if url not in uses:
            uses[url] = LinkUse(path, _first_line_with(lines, url, fallback), url)
    return list(uses.values())


def _body_line(text: str) -> int:
    try:
        return frontmatter.split(text).body_line
    except frontmatter.FrontMatterError:
        return 1


def collect_links(items: Iterable[Item], root: Path) -> list[LinkUse]:
    return [use for item in items for use in links_of_item(item, root)]
