"""The open licences a copy of the library may choose for its content."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    """The licence of the content and the open data (code is MIT, see LICENSE)."""

    spdx: str
    name: str
    """Its Finnish name."""
    url: str
    """The licence's own page, in Finnish where one exists."""
    terms: str
    """What it allows, in plain Finnish, to end a sentence 'kuka tahansa saa ...'."""

    def as_record(self) -> dict[str, str]:
        """What the footer and the open data show of it."""
        return {"spdx": self.spdx, "name": self.name, "url": self.url}


LICENCES = {
    "CC-BY-4.0": Licence(
        "CC-BY-4.0",
        "Creative Commons Nimeä 4.0 Kansainvälinen",
        "https://creativecommons.org/licenses/by/4.0/deed.fi",
        "käyttää, muokata ja jakaa sitä, kunhan mainitsee lähteen",
    ),
    "CC-BY-SA-4.0": Licence(
        "CC-BY-SA-4.0",
        "Creative Commons Nimeä-JaaSamoin 4.0 Kansainvälinen",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.fi",
        "käyttää, muokata ja jakaa sitä, kunhan mainitsee lähteen ja jakaa muokatun version samalla lisenssillä",
    ),
    "CC0-1.0": Licence(
        "CC0-1.0",
        "CC0 1.0 Yleismaailmallinen (ei pidätettyjä oikeuksia)",
        "https://creativecommons.org/publicdomain/zero/1.0/deed.fi",
        "käyttää, muokata ja jakaa sitä vapaasti, lähdettä mainitsematta",
    ),
}
"""Open licences a copy may choose for its content (SPDX identifiers). CC BY 4.0 is what
the Finnish public sector's open data recommendations point to."""
DEFAULT_LICENCE = "CC-BY-4.0"
