"""Front-matter rules for the item's language and its translation into the other one."""

from __future__ import annotations

from kirjasto.content.field_checker import Checker
from kirjasto.content.frontmatter_tree import Mapping, Scalar
from kirjasto.content.messages import LANGUAGES, SOURCE_LANGUAGE, _

LANGUAGE_NAMES = {"fi": _("suomi"), "sv": _("ruotsi")}
"""Each item language by name, as messages and the form show it."""


def written_language(tree: Mapping) -> str | None:
    """The item's `language`, when it is one of the site's: read before anything else,
    so that every message about the file is told in the language it is written in."""
    entry = tree.entries.get("language")
    value = entry.value if entry else None
    if isinstance(value, Scalar) and value.type == "str" and isinstance(value.value, str) and value.value.strip() in LANGUAGES:
        return value.value.strip()
    return None


def read_language(check: Checker) -> str:
    """`fi` (also when the field is left out) or `sv`."""
    entry = check.entry("language", required=False)
    if entry is None:
        return SOURCE_LANGUAGE
    text = check.text(entry.value, "language")
    if text is None:
        return SOURCE_LANGUAGE
    if text not in LANGUAGES:
        check.report(
            entry.value.line,
            "language",
            check.say(
                _("Tuntematon kieli '{text}'. Kirjoita fi (suomeksi kirjoitettu kuvaus) tai sv (ruotsiksi kirjoitettu)."),
                text=text,
            ),
        )
        return SOURCE_LANGUAGE
    return text


def read_translations(check: Checker, slug: str) -> dict[str, int]:
    """Slug -> line of the items that are this one in the other language; whether they
    exist and point back is checked across the library (`library_references`)."""
    lines = check.other_items(
        "translations", slug, _("Kuvaus ei voi olla oma käännöksensä ('{slug}'). Poista se translations-listasta.")
    )
    if len(lines) > len(LANGUAGES) - 1:
        check.report(
            check.tree.entries["translations"].key_line,
            "translations",
            check.say(
                _("Kuvauksella voi olla yksi käännös toiselle kielelle; listassa on {count}. Jätä vain käännös."),
                count=len(lines),
            ),
        )
    return lines
