"""How the link check asks: timeouts, retries, pacing and the cache, as
`LinkCheckOptions`, and the defaults a command line starts from."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class LinkCheckOptions:
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    retries: int = 2
    """Retries after a connection error or a 429/502/503/504 answer."""
    backoff: float = 1.0
    """urllib3's backoff factor: the second retry waits this long, each further one twice as long."""
    workers: int = 8
    per_host: int = 2
    """Requests to one host at a time."""
    host_pause: float = 0.5
    """Seconds between the starts of two requests to one host."""
    max_redirects: int = 10
    use_cache: bool = True
    cache_path: Path | None = None
    """None: `.cache/linkit.json` under the repository root."""
    max_age_hours: float = 24.0
    """Cached results younger than this are used instead of asking again."""


DEFAULT_OPTIONS = LinkCheckOptions()
"""What `kirjasto linkit` starts from; the command line changes only some fields.
Read when called (by `command_options` and `check_links`), so a test may replace it."""


def command_options(
    *, timeout: float | None = None, use_cache: bool = True, cache_path: Path | None = None, max_age_hours: float | None = None
) -> LinkCheckOptions:
    """`DEFAULT_OPTIONS` with what a command line may change. `timeout` is the read
    timeout; opening a connection waits at most the default connect timeout."""
    options = replace(DEFAULT_OPTIONS, use_cache=use_cache, cache_path=cache_path)
    if timeout is not None:
        options = replace(options, read_timeout=timeout, connect_timeout=min(timeout, DEFAULT_OPTIONS.connect_timeout))
    if max_age_hours is not None:
        options = replace(options, max_age_hours=max_age_hours)
    return options
