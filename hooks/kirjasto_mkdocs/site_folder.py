"""Update site/ in place instead of emptying it and writing every file anew.

MkDocs empties `site_dir` before each build, so every file of the site is created
again. Overwriting a file that exists is much cheaper than deleting it and creating
a new one: on the project's 2-core machines (ext4 without a journal), creating the
~10,000 files of a 3,000-item site cost about 4 CPU-seconds, most of them in the
kernel's inode allocator (measured with perf), and overwriting them almost nothing.

So, before MkDocs cleans, the previous build's folders move into a hidden folder
(MkDocs' cleaning leaves names that start with a dot alone); before anything is
written they move back, and whatever the build needs as a folder where a file was,
or the other way round, goes. MkDocs then overwrites the files it writes again. At
the end, every file the build did not write is removed: its status-change time
(ctime, which no program can set back, unlike the modification time) is older than
a probe file written after the folders came back. The finished folder holds exactly
what a build into an empty folder would hold; `tests/test_site_folder.py` compares.

MkDocs' cleaning still removes the top-level files (a handful); a `--dirty` build,
which writes only changed pages, is left to MkDocs.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ASIDE = ".kirjasto-edellinen"
"""Where the previous build's folders wait while MkDocs cleans the site folder."""


@dataclass
class SiteFolder:
    site_dir: Path
    aside: bool = False
    """The previous build's folders are in `ASIDE`."""
    written_since_ns: int | None = None
    """The probe's ctime: files the build writes are at least this new."""
    kept: tuple[str, ...] = ()
    """Folders another build writes (the other languages' sites, `sv/`): kept as they are."""

    @classmethod
    def set_aside(cls, site_dir: str | Path, kept: tuple[str, ...] = ()) -> SiteFolder:
        """Move the previous build's folders where MkDocs' cleaning leaves them alone."""
        folder = cls(Path(site_dir), kept=kept)
        aside = folder.site_dir / ASIDE
        if not folder.site_dir.is_dir():
            return folder
        previous = [entry for entry in folder.site_dir.iterdir() if not entry.name.startswith(".")]
        if aside.exists():
            if not any(entry.is_dir() and not entry.is_symlink() for entry in previous):
                # A build stopped after setting the folders aside: they are the previous site.
                folder.aside = True
                return folder
            shutil.rmtree(aside, ignore_errors=True)
        folders = [entry for entry in previous if entry.is_dir() and not entry.is_symlink()]
        if folders:
            aside.mkdir()
            for entry in folders:
                entry.rename(aside / entry.name)
            folder.aside = True
        return folder

    def put_back(self, destinations: Iterable[str]) -> None:
        """Return the folders (after MkDocs cleaned) and clear the way for every file the
        build will write (`destinations`, relative to the site folder)."""
        if not self.aside:
            return
        aside = self.site_dir / ASIDE
        # Another build into the same folder at the same time may have taken them back.
        for entry in aside.iterdir() if aside.is_dir() else ():
            target = self.site_dir / entry.name
            if not target.exists() and not target.is_symlink():
                entry.rename(target)
        shutil.rmtree(aside, ignore_errors=True)
        self.aside = False
        self._clear_the_way(destinations)
        self.written_since_ns = _probe_ctime_ns(self.site_dir)

    def _clear_the_way(self, destinations: Iterable[str]) -> None:
        checked: set[Path] = set()
        for destination in destinations:
            path = self.site_dir / destination
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            for parent in path.parents:
                if parent == self.site_dir or parent in checked:
                    break
                checked.add(parent)
                if parent.is_symlink() or (parent.exists() and not parent.is_dir()):
                    parent.unlink()

    def restore(self) -> None:
        """A build that failed before writing anything leaves the previous site as it was."""
        if self.aside:
            self.put_back(())

    def remove_stale(self) -> int:
        """Remove every file this build did not write, then the folders left empty.
        Returns how many files went."""
        since = self.written_since_ns
        if since is None:
            return 0
        removed = 0
        for entry in os.scandir(self.site_dir):
            if entry.name.startswith(".") or entry.name in self.kept or not entry.is_dir(follow_symlinks=False):
                continue
            for folder, _subfolders, names in os.walk(entry.path, topdown=False):
                for name in names:
                    path = os.path.join(folder, name)
                    if os.lstat(path).st_ctime_ns < since:
                        os.unlink(path)
                        removed += 1
                if not os.listdir(folder):
                    os.rmdir(folder)
        return removed


def _probe_ctime_ns(site_dir: Path) -> int:
    """The file system's own clock, read where the files live (a network drive's may differ)."""
    descriptor, name = tempfile.mkstemp(prefix=".kirjasto-aika-", dir=site_dir)
    try:
        return os.fstat(descriptor).st_ctime_ns
    finally:
        os.close(descriptor)
        os.unlink(name)
