"""When each hand-written page last changed, from the repository's history.

The sitemap gives every page a date; for hand-written pages the honest date is
that of their last commit (a file's modification time is the day of the clone).
Without git or history the pages get no date rather than a wrong one.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path


def last_commit_dates(site_root: Path, docs_dir: Path) -> dict[str, datetime.date]:
    """`{path relative to docs_dir: date of its last commit}`; empty when git cannot tell."""
    try:
        folder = docs_dir.resolve().relative_to(site_root.resolve()).as_posix()
    except ValueError:
        return {}
    try:
        # --relative: paths relative to site_root even when it is a subfolder of the repository.
        log = subprocess.run(
            ["git", "-C", str(site_root), "log", "--relative", "--format=%x00%cs", "--name-only", "--", folder],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, datetime.date] = {}
    prefix = folder.rstrip("/") + "/"
    for commit in log.split("\x00")[1:]:
        day, *paths = commit.strip().split("\n")
        try:
            date = datetime.date.fromisoformat(day.strip())
        except ValueError:
            continue
        for path in paths:
            # The log is newest first: the first date seen is the last change.
            if path.startswith(prefix):
                dates.setdefault(path[len(prefix) :], date)
    return dates
