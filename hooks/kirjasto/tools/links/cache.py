"""The cache of link results: a JSON file (`.cache/linkit.json` by default) read
for results younger than the allowed age and rewritten atomically after a check."""

from __future__ import annotations

import datetime
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from kirjasto.content.characters import printable
from kirjasto.tools.links.results import Failure, LinkResult, Outcome

DEFAULT_CACHE = Path(".cache") / "linkit.json"
"""Under the repository root; `.cache/` is ignored by git."""
CACHE_VERSION = 1


def _iso(seconds: float) -> str:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).isoformat(timespec="seconds")


def _result_from_json(entry: Any) -> LinkResult:
    """One cached result; raises on anything that is not exactly what `save_cache` writes.
    `entry` is whatever the file held (parsed JSON, any type)."""
    checked = datetime.datetime.fromisoformat(entry["checked"])
    if checked.tzinfo is None:
        raise ValueError("naive time")
    status, target, seconds = entry.get("status"), entry.get("target"), entry.get("seconds")
    failure = entry.get("failure")
    if not (status is None or type(status) is int) or not (target is None or isinstance(target, str)):
        raise ValueError("bad field")
    if not (seconds is None or (isinstance(seconds, (int, float)) and not isinstance(seconds, bool))):
        raise ValueError("bad field")
    return LinkResult(
        Outcome(entry["outcome"]),
        status=status,
        target=target,
        failure=Failure(failure) if failure is not None else None,
        seconds=seconds,
        checked=checked.timestamp(),
        from_cache=True,
    )


def load_cache(path: Path, max_age_hours: float, now: float) -> tuple[dict[str, LinkResult], str | None]:
    """Fresh results by address, and a Finnish note if the file could not be used.
    A missing file is normal; a damaged one is ignored (and rewritten after the check)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["links"] if data.get("version") == CACHE_VERSION else {}
        if not isinstance(entries, dict):
            raise TypeError("links is not an object")
    except FileNotFoundError:
        return {}, None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return {}, f"Välimuistia {printable(str(path))} ei voitu lukea, joten kaikki linkit tarkistettiin uudelleen."
    fresh = {}
    for url, entry in entries.items():
        try:
            result = _result_from_json(entry)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
            continue
        age = now - result.checked
        # A time in the future (a changed clock, an edited file) is not trusted.
        if 0 <= age <= max_age_hours * 3600 and result.outcome is not Outcome.NOT_CHECKED:
            fresh[url] = result
    return fresh, None


def save_cache(path: Path, results: dict[str, LinkResult]) -> str | None:
    """Write the results atomically; a Finnish note if that failed."""
    entries = {
        url: {
            "outcome": result.outcome.value,
            "status": result.status,
            "target": result.target,
            "failure": result.failure.value if result.failure else None,
            "seconds": result.seconds,
            "checked": _iso(result.checked),
        }
        for url, result in sorted(results.items())
        if result.outcome is not Outcome.NOT_CHECKED
    }
    text = json.dumps({"version": CACHE_VERSION, "links": entries}, ensure_ascii=False, indent=1)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=".linkit-", delete=False) as handle:
            temporary = Path(handle.name)
            handle.write(text)
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return f"Välimuistia {printable(str(path))} ei voitu kirjoittaa ({printable(error.strerror or str(error))})."
    return None
