"""The language `kirjasto` speaks, and argparse's own words in it ("usage:",
"options", its error messages).

argparse takes its messages from gettext; the catalogues are standard .po files
(`locale/fi` and `locale/sv`, `argparse.po`), compiled in memory with Babel, which
the site's theme already depends on. Only the command lines call this, before they
build their parsers.

The language is chosen before the parser is built, because the parser's help and
argparse's words are in it: `--kieli fi|sv` anywhere on the command line (read by
`requested_language`, a small pre-scan that knows argparse's `--kieli=sv` and its
abbreviations such as `--kie sv`), else the user's locale (`LANG=sv_FI.UTF-8`).
"""

from __future__ import annotations

import argparse
import gettext
import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from kirjasto.content.messages import LANGUAGES, SOURCE_LANGUAGE, language_from_environment

LOCALE_DIR = Path(__file__).parent.parent / "locale"
LANGUAGE_OPTION = "--kieli"


def argparse_translations(language: str = SOURCE_LANGUAGE) -> gettext.GNUTranslations:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "argparse.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def speak(language: str) -> None:
    """argparse looks its messages up through the module-level names it imported
    from gettext; point those at the catalogue of `language` ('fi' or 'sv')."""
    translations = argparse_translations(language if language in LANGUAGES else SOURCE_LANGUAGE)
    # typeshed does not declare the names argparse imports from gettext.
    argparse._ = translations.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translations.ngettext  # type: ignore[attr-defined]


def speak_finnish() -> None:
    speak(SOURCE_LANGUAGE)


def requested_language(argv: list[str]) -> str | None:
    """The language `--kieli` asks for in `argv` (the last one wins, as in argparse),
    or None. A value that is not a language is left for the parser to refuse."""
    found = None
    for index, token in enumerate(argv):
        if token == "--":
            break
        name, equals, value = token.partition("=")
        # argparse accepts any unambiguous prefix of a long option; none other starts `--k`.
        if len(name) < 3 or not LANGUAGE_OPTION.startswith(name):
            continue
        if not equals:
            value = argv[index + 1] if index + 1 < len(argv) else ""
        found = value if value in LANGUAGES else None
    return found


@dataclass(frozen=True)
class Language:
    """What a command says and in which language."""

    own: str
    """The command line's own lines, its help and argparse's words: 'fi' or 'sv'."""
    problems: str | None
    """The language asked for, in which every problem is told; None: each file's own."""


def choose_language(requested: str | None) -> Language:
    """`--kieli` if given, else the locale. Only an explicit choice (`--kieli`, or a
    Swedish locale) tells every problem in one language; a Finnish (or unknown) locale
    leaves each file's problems in that file's language and the rest in Finnish."""
    environment = language_from_environment()
    asked = requested or (environment if environment != SOURCE_LANGUAGE else None)
    return Language(own=asked or SOURCE_LANGUAGE, problems=asked)
