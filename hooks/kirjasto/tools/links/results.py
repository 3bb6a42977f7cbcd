"""What the link check found: the outcome for each address (`LinkResult`), where
each address is written (`LinkUse`) and the whole `LinkReport` with its counts.

Policy, chosen so that a report lists only what a maintainer can and should fix:

- broken: the final answer is 4xx or 5xx (429 excepted), no answer within the
  timeout, no connection (also a certificate that does not verify), too many
  redirects, or an address that cannot be requested at all;
- redirected: the first hop is a permanent redirect (301, 308). The address to
  write instead is the one reached after the leading permanent hops. Temporary
  redirects (302, 303, 307) are not reported: sites use them for logins,
  language choice and load balancing, and the written address is still right;
- not checked: the server answered 429 Too Many Requests even after retries. It is
  shown but is not a finding, does not fail the command and is not cached.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urldefrag

TOO_MANY_REQUESTS = 429


class Outcome(enum.Enum):
    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    NOT_CHECKED = "not-checked"


class Failure(enum.StrEnum):
    """Why a link is broken (or not checked). The values are stored in the cache."""

    STATUS = enum.auto()
    TIMEOUT = enum.auto()
    CONNECTION = enum.auto()
    CERTIFICATE = enum.auto()
    REDIRECTS = enum.auto()
    INVALID = enum.auto()
    RATE_LIMITED = "rate-limited"


def check_key(url: str) -> str:
    """The address as requested: a #fragment never reaches the server."""
    return urldefrag(url).url


class LinkUse(NamedTuple):
    """One address written in one file; the line is where it first appears."""

    path: str
    line: int
    url: str


@dataclass(frozen=True)
class LinkResult:
    """The outcome for one address (checked without its #fragment)."""

    outcome: Outcome
    status: int | None = None
    target: str | None = None
    """For a redirect: the address to write instead."""
    failure: Failure | None = None
    seconds: float | None = None
    """For a timeout: how long was waited."""
    checked: float = 0.0
    """When it was checked, seconds since the epoch."""
    from_cache: bool = False


class LinkFinding(NamedTuple):
    """A use whose address is broken, redirected or not checked."""

    use: LinkUse
    result: LinkResult


@dataclass(frozen=True)
class LinkReport:
    uses: tuple[LinkUse, ...]
    results: dict[str, LinkResult]
    """By checked address: `check_key(use.url)`."""
    notes: tuple[str, ...] = ()
    """Finnish notes for stderr: skipped files, an unreadable or unwritable cache."""
    offline: bool = False
    """No server answered at all (see `run.OFFLINE_MINIMUM`): the results say nothing about the links."""

    @property
    def findings(self) -> list[LinkFinding]:
        """Every use whose address is broken, redirected or not checked, by path and line
        (none when offline: then no link is known to be broken)."""
        if self.offline:
            return []
        found = [LinkFinding(use, self.results[check_key(use.url)]) for use in self.uses]
        found = [finding for finding in found if finding.result.outcome is not Outcome.OK]
        return sorted(found, key=lambda finding: (finding.use.path, finding.use.line, finding.use.url))

    def _count(self, outcome: Outcome) -> int:
        return sum(result.outcome is outcome for result in self.results.values())

    @property
    def checked_count(self) -> int:
        return len(self.results)

    @property
    def broken_count(self) -> int:
        return self._count(Outcome.BROKEN)

    @property
    def redirected_count(self) -> int:
        return self._count(Outcome.REDIRECTED)

    @property
    def not_checked_count(self) -> int:
        return self._count(Outcome.NOT_CHECKED)

    @property
    def cached_count(self) -> int:
        return sum(result.from_cache for result in self.results.values())

    @property
    def has_problems(self) -> bool:
        """Something to fix: the command exits with 1."""
        return not self.offline and bool(self.broken_count or self.redirected_count)
