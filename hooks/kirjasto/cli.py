"""`kirjasto`: the command line over the same core the MkDocs hook uses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .library import CONTENT_DIR, load_library
from .problems import Problem, errors, format_report
from .text import count_phrase


def find_repository_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that has a `mkdocs.yml`."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return None


def _problems_under(problems: list[Problem], root: Path, paths: list[str]) -> list[Problem]:
    """Only the problems of the files the user asked about."""
    wanted = []
    for given in paths:
        absolute = Path(given).resolve()
        wanted.append(absolute.relative_to(root).as_posix() if absolute.is_relative_to(root) else given)
    return [p for p in problems if any(p.path == w or p.path.startswith(w.rstrip("/") + "/") for w in wanted)]


def validate_command(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve() if args.root else find_repository_root(Path.cwd().resolve())
    if root is None:
        print("Kirjastoa ei löydy: aja komento kirjaston kansiossa (siinä, jossa on mkdocs.yml) tai anna --root.", file=sys.stderr)
        return 2
    loaded = load_library(root, content_dir=args.content)
    problems = _problems_under(loaded.problems, root, args.paths) if args.paths else loaded.problems
    if problems:
        print(format_report(problems))
    if errors(problems):
        return 1
    checked = count_phrase(len(loaded.library.items), "kuvaus", "kuvausta")
    print(f"Kirjasto on kunnossa: {checked} tarkistettu." if not args.paths else "Annetut tiedostot ovat kunnossa.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kirjasto", description="Käytäntökirjaston työkalut.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMENTO")
    validate = commands.add_parser("validate", help="tarkista kuvausten metatiedot", description="Tarkistaa koko kirjaston ja raportoi jokaisen virheen muodossa polku:rivi: kenttä: viesti.")
    validate.add_argument("paths", nargs="*", metavar="POLKU", help="raportoi vain näiden tiedostojen tai kansioiden virheet (oletus: kaikki)")
    validate.add_argument("--root", help="kirjaston kansio (oletus: lähin kansio, jossa on mkdocs.yml)")
    validate.add_argument("--content", default=CONTENT_DIR, help=f"sisältökansio kirjaston kansion sisällä (oletus: {CONTENT_DIR})")
    validate.set_defaults(run=validate_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
