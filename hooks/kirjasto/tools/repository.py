"""Which library a `kirjasto` command works on: `--root`, else the nearest folder
with a `mkdocs.yml` at or above the current one; `in_library` gives it to a command."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path

from kirjasto.content.messages import SOURCE_LANGUAGE, Messages, _, messages_in

Command = Callable[[argparse.Namespace], int]
"""A command: the parsed arguments in, the exit status out."""


def find_repository_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that has a `mkdocs.yml`."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return None


def messages_of(args: argparse.Namespace) -> Messages:
    """The messages of the language the command line speaks (`args.language`, which
    `cli.main` sets; Finnish when it is not set)."""
    return messages_in(getattr(args, "language", SOURCE_LANGUAGE))


def repository_root(args: argparse.Namespace) -> Path | None:
    """The library's folder, or None after telling the user where to run the command."""
    root = Path(args.root).resolve() if args.root else find_repository_root(Path.cwd().resolve())
    if root is None:
        no_library = _("Kirjastoa ei löydy: aja komento kirjaston kansiossa (siinä, jossa on mkdocs.yml) tai anna --root.")
        print(messages_of(args).say(no_library), file=sys.stderr)
    return root


def in_library(command: Callable[[argparse.Namespace, Path], int]) -> Command:
    """A command that works on a library, given its folder as the second argument.
    Where there is no library, the command does not run and the exit status is 2."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        root = repository_root(args)
        return 2 if root is None else command(args, root)

    return run
