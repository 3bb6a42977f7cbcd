"""Where a site in a language other than Finnish finds what every language shares.

Its hand-written pages are in their own folder, by convention the Finnish folder's name
with the language after it (`docs-sv`); the scripts and stylesheets stay in the Finnish
folder (`docs/javascripts`, `docs/stylesheets`), and the site adds the table of the
scripts' texts in its language (`javascripts/kaannokset-sv.js`, read by `tekstit.js`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from kirjasto.content.messages import SOURCE_LANGUAGE
from kirjasto.content.urls import url_of
from kirjasto.site.script_texts import script_translations, script_translations_path

if TYPE_CHECKING:
    from kirjasto.content.model import Item, Library

SHARED_FOLDERS = ("javascripts", "stylesheets")
LANGUAGE_NAMES = {"fi": "Suomeksi", "sv": "På svenska"}
"""The language switch's link text, in the language it leads to."""
SWITCH_KEY = "kirjasto_kielet"
"""Page metadata the theme overrides read the language switch from (header.html, main.html)."""


def docs_dir_in(docs_dir: Path, language: str, other: str) -> Path:
    """The hand-written pages' folder of the `other` language beside `docs_dir`, which is
    `language`'s: `docs` for Finnish, `docs-sv` for Swedish."""
    source = docs_dir.with_name(docs_dir.name.removesuffix(f"-{language}"))
    return source if other == SOURCE_LANGUAGE else source.with_name(f"{source.name}-{other}")


def shared_files(docs_dir: Path, language: str) -> list[tuple[Path, str]]:
    """(folder, site path) of each shared file a `language` site takes from the Finnish
    docs folder beside its own; none for Finnish, or when there is no such folder."""
    source = docs_dir_in(docs_dir, language, SOURCE_LANGUAGE)
    if language == SOURCE_LANGUAGE or source == docs_dir or not source.is_dir():
        return []
    return [
        (source, path.relative_to(source).as_posix())
        for folder in SHARED_FOLDERS
        for path in sorted((source / folder).rglob("*"))
        if path.is_file()
    ]


def language_data_files(language: str) -> dict[str, str]:
    """Generated files a `language` site needs: the scripts' texts (none for Finnish)."""
    return {} if language == SOURCE_LANGUAGE else {script_translations_path(language): script_translations(language)}


def switch_sides(language: str, other_languages: tuple[tuple[str, str], ...], root_language: str | None) -> list[tuple[str, str]]:
    """(language, its site's address from this site's root) of each other side: the
    other languages' folders, or, for a site built by another language's build
    (`root_language`), that site one folder up."""
    if root_language:
        return [(root_language, "../")]
    return [(other, f"{other}/") for other, _ in other_languages if other != language]


def language_switch(
    url: str,
    sides: list[tuple[str, str]],
    *,
    item: Item | None,
    library: Library | None,
    hand_written: tuple[Path, str, str] | None,
    site_url: str | None = None,
) -> list[dict[str, str]]:
    """For the page at `url`: a link to the same page on each other side. An item leads
    to its translation, or to the other side's listing of its kind when it has none; a
    hand-written page (`hand_written`: this side's docs folder, language and the page's
    file) leads to the other side's page of the same file, or to its front page when that
    side has none. Every generated page is on both sides. With the site's address
    (`site_url`), a link to the page's real counterpart (not to a listing or a front
    page in its stead) also has its `absolute` address: the sitemap's hreflang alternate."""
    links = []
    depth = "../" * url.count("/")
    for other, side in sides:
        target, counterpart = _other_side(url, other, item, library, hand_written)
        link = depth + side + target
        absolute = urljoin(site_url.rstrip("/") + "/" + url, link) if site_url and counterpart else ""
        links.append({"lang": other, "name": LANGUAGE_NAMES[other], "link": link, "absolute": absolute})
    return links


def _other_side(
    url: str, other: str, item: Item | None, library: Library | None, hand_written: tuple[Path, str, str] | None
) -> tuple[str, bool]:
    """(the address the switch leads to on the `other` side, from its root; whether that
    is the page's own counterpart)."""
    if item is not None:
        translations = library.by_slug if library is not None else {}
        translation = next((translations[slug] for slug in item.translations if slug in translations), None)
        return (url_of(translation.src_uri), True) if translation is not None else (f"{item.kind.folder}/", False)
    if hand_written is not None:
        docs_dir, language, src_uri = hand_written
        if not (docs_dir_in(docs_dir, language, other) / src_uri).is_file():
            return "", False
    return url, True


def with_switch(markdown: str, links: list[dict[str, str]]) -> str:
    """A page's Markdown with the language switch in its front matter (for engines that
    run no hooks: the theme overrides read it as page metadata)."""
    if not links:
        return markdown
    line = f"{SWITCH_KEY}: {json.dumps(links, ensure_ascii=False)}\n"
    if markdown.startswith("---\n"):
        return "---\n" + line + markdown[4:]
    return f"---\n{line}---\n\n{markdown}"
