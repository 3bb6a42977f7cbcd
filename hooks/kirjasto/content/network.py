"""How a network (or a practice run by one) is organised, as data: its teams and
their themes, how to join it and how often it meets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from kirjasto.content.vocabularies import Audience, Theme


@dataclass(frozen=True)
class Team:
    """One team of a network, working on themes of the library's vocabulary."""

    name: str
    themes: tuple[Theme, ...]
    """The theme pages list the team (at least one)."""
    description: str | None = None
    """One sentence on what the team does."""
    coordinator: str | None = None
    """Who coordinates it, as a role (never a person)."""


class MemberGroup(NamedTuple):
    """Who belongs to a network: a group from the editors' vocabulary of target groups
    (practices/kohderyhmat.yml) and/or the source's own words, with a count or a rule."""

    group: Audience | None = None
    description: str | None = None
    """The source's own words for the group, e.g. 'laaja-alaiset erityisopettajat'."""
    rule: str | None = None
    """How many or who, e.g. 'kaksi opettajaa jokaisesta suomenkielisestä lukiosta'."""
    where: str | None = None
    """The municipalities or schools involved, e.g. 'Helsingin suomenkieliset lukiot'."""


@dataclass(frozen=True)
class JoinInfo:
    """How to join, as far as a source says: each part is left out where it does not."""

    who: str | None = None
    """Who can join, e.g. 'kaksi opettajaa jokaisesta lukiosta'."""
    how: str | None = None
    when: str | None = None
    """E.g. the application period."""
    channel: str | None = None
    """A public web address (https://...) or a service e-mail address."""

    @property
    def channel_href(self) -> str | None:
        if self.channel is None:
            return None
        return f"mailto:{self.channel}" if "@" in self.channel and "://" not in self.channel else self.channel
