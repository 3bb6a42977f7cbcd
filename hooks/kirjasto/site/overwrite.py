"""Write a file of the site over the previous build's file of the same name.

`open(path, "wb")` (what MkDocs and `Path.write_text` do) first truncates the old
file to nothing, which frees every block it had, and the write then allocates them
again. On the project's machines (ext4 mounted with `discard`, so freed blocks are
trimmed on the virtual disk) that cost about 1 ms for each page of a rebuilt site:
4.3 of the 28 seconds of a one-process build of 3,000 items (cProfile: 3,430 calls
to MkDocs' `write_file`). Writing the new bytes over the old ones and then cutting
off whatever is left over frees only a shorter page's tail: 0.02 ms a file
(3,000 pages of 26 kB overwritten in 0.06 s, against 0.66 to 1.45 s truncated first).
No library does this; it is a few system calls.

Like a truncating write, this changes the file's modification and status-change
times (`kirjasto_mkdocs.site_folder` tells written files from stale ones by the
latter) and writes through a symbolic link.
"""

from __future__ import annotations

import os

_FLAGS = os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def write_over(path: str | os.PathLike[str], data: bytes) -> None:
    """Make the file at `path` hold exactly `data`, creating it and its folders if needed."""
    try:
        descriptor = os.open(path, _FLAGS, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        descriptor = os.open(path, _FLAGS, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.ftruncate(descriptor, len(data))
    finally:
        os.close(descriptor)


def write_text_over(path: str | os.PathLike[str], text: str) -> None:
    """`write_over` for text, in UTF-8."""
    write_over(path, text.encode("utf-8"))
