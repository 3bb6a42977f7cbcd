"""What the library says to people, in Finnish or Swedish, through gettext.

Finnish is the source language: every message is written in Finnish in the code,
marked with `_()` so that `pybabel extract` finds it (`make messages`), and
`locale/sv/LC_MESSAGES/kirjasto.po` translates it into Swedish. A message with values
is marked with named placeholders and filled in after the translation, so the
translator sees and may move them: `say(_("Tuntematon kunta '{name}'."), name=text)`.

A catalogue is read once per process (Babel compiles the `.po` file in memory, as
`tools/cli_language.py` does for argparse); `Messages` is that catalogue in use.
"""

from __future__ import annotations

import functools
import gettext
import io
import locale
import os
from dataclasses import dataclass
from pathlib import Path

from kirjasto.content.text import format_number_fi

LANGUAGES = ("fi", "sv")
"""The site's languages: the two national languages, Finnish first (the source)."""
SOURCE_LANGUAGE = "fi"
DOMAIN = "kirjasto"
LOCALE_DIR = Path(__file__).parent.parent / "locale"


def _(message: str) -> str:
    """Marks a Finnish message for extraction; `Messages` translates it where it is said."""
    return message


@dataclass(frozen=True)
class Messages:
    """The messages of one language: `say(_("..."), **values)` gives the translation
    with its placeholders filled in. A message the catalogue lacks stays Finnish."""

    language: str

    def say(self, message: str, /, **values: object) -> str:
        translated = _catalogue(self.language).gettext(message)
        return translated.format(**values) if values else translated

    def plural(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """The form for `count` (written as both languages write numbers: `10 000`)."""
        translated = _catalogue(self.language).ngettext(singular, plural, count)
        return translated.format(count=format_number_fi(count), **values)


def messages_in(language: str = SOURCE_LANGUAGE) -> Messages:
    """The messages of `language` ('fi' or 'sv'); anything else is Finnish."""
    return Messages(language if language in LANGUAGES else SOURCE_LANGUAGE)


def language_from_environment() -> str:
    """'sv' when the user's locale is Swedish (`LANG=sv_FI.UTF-8`), else Finnish."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return "sv" if value.split(":")[0].lower().startswith("sv") else SOURCE_LANGUAGE
    found = locale.getlocale(locale.LC_CTYPE)[0] or ""
    return "sv" if found.lower().startswith("sv") else SOURCE_LANGUAGE


def translations(language: str = SOURCE_LANGUAGE) -> gettext.NullTranslations:
    """The gettext translations of `language` ('fi' or 'sv'; anything else is Finnish),
    e.g. for Jinja2's i18n extension: Finnish, the source, has none (`NullTranslations`)."""
    return _catalogue(messages_in(language).language)


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def _catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue; Finnish (the source) needs none. Read once per process:
    the messages never change while it runs."""
    path = catalogue_path(language)
    if language == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    # Imported here: only a process that speaks Swedish pays for Babel.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)
