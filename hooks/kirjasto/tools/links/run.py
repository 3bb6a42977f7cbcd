"""Running the link check: each address of the uses once, cached results first,
the rest over the network; and `run_link_check`, which does it for every valid
item of a library. When no server answers at all, nothing is called broken."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from kirjasto.content.library import CONTENT_DIR, LoadedLibrary, load_library
from kirjasto.content.problems import errors
from kirjasto.content.text import count_phrase
from kirjasto.tools.links import options as link_options
from kirjasto.tools.links.cache import DEFAULT_CACHE, load_cache, save_cache
from kirjasto.tools.links.collect import collect_links
from kirjasto.tools.links.fetch import LinkChecker
from kirjasto.tools.links.options import LinkCheckOptions
from kirjasto.tools.links.results import Failure, LinkReport, LinkResult, LinkUse, check_key

OFFLINE_MINIMUM = 3
"""When at least this many addresses were asked and not one server answered, the
checker's own network is the likelier culprit: nothing is reported as broken."""
_NO_ANSWER = frozenset({Failure.CONNECTION, Failure.TIMEOUT})


def check_links(
    uses: list[LinkUse], root: Path, options: LinkCheckOptions | None = None, *, clock: Callable[[], float] = time.time
) -> LinkReport:
    """Check the addresses of `uses`, each once, using and updating the cache.
    `options` default to `DEFAULT_OPTIONS` as it is when called."""
    options = options or link_options.DEFAULT_OPTIONS
    keys = {check_key(use.url) for use in uses}
    cache_path = options.cache_path or root / DEFAULT_CACHE
    notes = []
    cached: dict[str, LinkResult] = {}
    if options.use_cache:
        cached, note = load_cache(cache_path, options.max_age_hours, clock())
        notes.append(note)
    results = {key: cached[key] for key in keys if key in cached}
    checker = LinkChecker(options, clock)
    try:
        fresh = checker.check_all(key for key in keys if key not in results)
    finally:
        checker.close()
    results.update(fresh)
    offline = _looks_offline(fresh)
    if options.use_cache and not offline:
        notes.append(save_cache(cache_path, results))
    return LinkReport(uses=tuple(uses), results=results, notes=tuple(note for note in notes if note), offline=offline)


def _looks_offline(fresh: dict[str, LinkResult]) -> bool:
    return len(fresh) >= OFFLINE_MINIMUM and all(result.failure in _NO_ANSWER for result in fresh.values())


def run_link_check(
    root: Path,
    *,
    options: LinkCheckOptions | None = None,
    content_dir: str = CONTENT_DIR,
    today: datetime.date | None = None,
    loaded: LoadedLibrary | None = None,
    clock: Callable[[], float] = time.time,
) -> LinkReport:
    """Load the library (unless `loaded` is given) and check every valid item's links.
    Items with errors are not in the library; a note says how many files were skipped."""
    if loaded is None:
        loaded = load_library(root, content_dir=content_dir, today=today)
    report = check_links(collect_links(loaded.library.items, root), root, options, clock=clock)
    skipped = len({problem.path for problem in errors(loaded.problems)})
    if skipped:
        note = (
            f"{count_phrase(skipped, 'tiedosto', 'tiedostoa')} jätettiin tarkistamatta virheiden vuoksi. "
            "Aja 'kirjasto validate' ja korjaa virheet."
        )
        report = replace(report, notes=(note, *report.notes))
    return report
