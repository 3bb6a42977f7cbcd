"""The open licences a copy of the library may choose for its content."""

from __future__ import annotations

from dataclasses import dataclass

from kirjasto.content.messages import Messages, _


@dataclass(frozen=True)
class Licence:
    """The licence of the content and the open data (code is MIT, see LICENSE)."""

    spdx: str
    name: str
    """Its Finnish name (a message: `say(licence.name)` gives it in a site's language)."""
    url: str
    """The licence's own page, in Finnish where one exists."""
    terms: str
    """What it allows, in plain Finnish, to end a sentence 'kuka tahansa saa ...' (a message)."""

    def as_record(self, messages: Messages | None = None) -> dict[str, str]:
        """What the footer and the open data show of it: the name in the language of
        `messages` (the footer), or Finnish (the open data, the same in every language)."""
        name = messages.say(self.name) if messages else self.name
        return {"spdx": self.spdx, "name": name, "url": self.url}


LICENCES = {
    "CC-BY-4.0": Licence(
        "CC-BY-4.0",
        _("Creative Commons Nimeä 4.0 Kansainvälinen"),
        "https://creativecommons.org/licenses/by/4.0/deed.fi",
        _("käyttää, muokata ja jakaa sitä, kunhan mainitsee lähteen"),
    ),
    "CC-BY-SA-4.0": Licence(
        "CC-BY-SA-4.0",
        _("Creative Commons Nimeä-JaaSamoin 4.0 Kansainvälinen"),
        "https://creativecommons.org/licenses/by-sa/4.0/deed.fi",
        _("käyttää, muokata ja jakaa sitä, kunhan mainitsee lähteen ja jakaa muokatun version samalla lisenssillä"),
    ),
    "CC0-1.0": Licence(
        "CC0-1.0",
        _("CC0 1.0 Yleismaailmallinen (ei pidätettyjä oikeuksia)"),
        "https://creativecommons.org/publicdomain/zero/1.0/deed.fi",
        _("käyttää, muokata ja jakaa sitä vapaasti, lähdettä mainitsematta"),
    ),
}
"""Open licences a copy may choose for its content (SPDX identifiers). CC BY 4.0 is what
the Finnish public sector's open data recommendations point to."""
DEFAULT_LICENCE = "CC-BY-4.0"
