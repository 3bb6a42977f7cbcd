"""Finnish for argparse's own words ("usage:", "options", its error messages).

argparse takes its messages from gettext; the catalogue is a standard .po file
beside this module (a translator's format, ready for Swedish), compiled in memory
with Babel, which the site's theme already depends on. Only the `kirjasto`
command line calls this, before it builds its parser.
"""

from __future__ import annotations

import argparse
import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent.parent / "locale"


def argparse_translations(language: str = "fi") -> gettext.GNUTranslations:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "argparse.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def speak_finnish() -> None:
    """argparse looks its messages up through the module-level names it imported
    from gettext; point those at the Finnish catalogue."""
    translations = argparse_translations()
    # typeshed does not declare the names argparse imports from gettext.
    argparse._ = translations.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translations.ngettext  # type: ignore[attr-defined]
