"""The `kirjasto` commands that read or write the library and its site:
`validate`, `new`, `schema`, `preview`, `generate`, `zensical` and `bench`. Each takes the
parsed arguments and returns the exit status; what it says itself is in `args.language`
(the maintainers' `zensical` and `bench` report in Finnish)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from kirjasto.content.item_skeleton import new_item_text
from kirjasto.content.library import load_library
from kirjasto.content.library_files import SLUG_FILE_NAME
from kirjasto.content.markdown_config import MarkdownConfig, MarkdownConfigError
from kirjasto.content.messages import _
from kirjasto.content.model import Kind
from kirjasto.content.problems import Problem, errors, format_report
from kirjasto.content.text import slugify
from kirjasto.content.validation_store import ValidationCache
from kirjasto.content.vocabularies import load_vocabularies
from kirjasto.tools.editor import SNIPPETS_PATH, snippets_text
from kirjasto.tools.reporting import format_github_annotations
from kirjasto.tools.repository import in_library, messages_of
from kirjasto.tools.schema import SCHEMA_PATH, schema_text

KIND_NAMES = {
    "practice": Kind.PRACTICE,
    "network": Kind.NETWORK,
    "material": Kind.TOOLKIT,
    "kaytanto": Kind.PRACTICE,
    "verkosto": Kind.NETWORK,
    "materiaali": Kind.TOOLKIT,
}


def _problems_under(problems: list[Problem], root: Path, paths: list[str]) -> list[Problem]:
    """Only the problems of the files the user asked about."""
    wanted = []
    for given in paths:
        absolute = Path(given).resolve()
        wanted.append(absolute.relative_to(root).as_posix() if absolute.is_relative_to(root) else given)
    return [p for p in problems if any(p.path == w or p.path.startswith(w.rstrip("/") + "/") for w in wanted)]


@in_library
def validate_command(args: argparse.Namespace, root: Path) -> int:
    """Every problem in the language asked for (`args.asked_language`), else each in its
    file's own; the summary and the command's own lines in `args.language`."""
    messages = messages_of(args)
    try:
        markdown = MarkdownConfig.from_file(root / args.config)
    except (OSError, MarkdownConfigError) as error:
        unreadable = _("{config}: asetuksia ei voi lukea ({error}). Anna sivuston asetustiedosto: --config mkdocs.yml.")
        print(messages.say(unreadable, config=args.config, error=error), file=sys.stderr)
        return 2
    # Results of unchanged files are kept between runs (outside the repository).
    cache = ValidationCache.stored(root)
    loaded = load_library(
        root,
        content_dir=args.content,
        today=args.today,
        markdown=markdown,
        cache=cache,
        language=getattr(args, "asked_language", None),
    )
    problems = _problems_under(loaded.problems, root, args.paths) if args.paths else loaded.problems
    if problems and args.format == "github":
        print(format_github_annotations(problems))
        print(format_report(problems, messages.language).splitlines()[-1])
    elif problems:
        print(format_report(problems, messages.language))
    if errors(problems):
        return 1
    if args.paths:
        print(messages.say(_("Annetut tiedostot ovat kunnossa.")))
    else:
        count = len(loaded.library.items)
        print(
            messages.plural(
                "Kirjasto on kunnossa: {count} kuvaus tarkistettu.", "Kirjasto on kunnossa: {count} kuvausta tarkistettu.", count
            )
        )
    return 0


@in_library
def new_command(args: argparse.Namespace, root: Path) -> int:
    say = messages_of(args).say
    kind = KIND_NAMES[args.kind]
    slug = args.name or slugify(args.title)
    if not SLUG_FILE_NAME.match(f"{slug}.md"):
        no_name = _("Tiedostonimeä ei voi muodostaa otsikosta '{title}'. Anna nimi itse: --name esimerkki-nimi.")
        print(say(no_name, title=args.title), file=sys.stderr)
        return 2
    path = root / args.content / kind.folder / f"{slug}.md"
    shown = path.relative_to(root).as_posix()
    if path.exists():
        exists = _("Tiedosto {path} on jo olemassa, eikä sitä korvata. Valitse toinen otsikko tai anna nimi: --name {slug}-2.")
        print(say(exists, path=shown, slug=slug), file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new_item_text(kind, args.title, args.today, messages_of(args).language), encoding="utf-8")
    print(say(_("Luotiin {path}. Täytä tyhjät kentät ja kirjoita teksti, sitten aja: kirjasto validate {path}"), path=shown))
    return 0


@in_library
def schema_command(args: argparse.Namespace, root: Path) -> int:
    vocabularies, problems = load_vocabularies(root / args.content, root)
    if errors(problems):
        print(format_report(problems, messages_of(args).language))
        return 1
    # The files are committed and shared: always Finnish, whoever runs the command.
    for relative, text in ((SCHEMA_PATH, schema_text(vocabularies)), (SNIPPETS_PATH, snippets_text(vocabularies))):
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(messages_of(args).say(_("Kirjoitettiin {path}."), path=relative))
    return 0


@in_library
def bench_command(args: argparse.Namespace, root: Path) -> int:
    from kirjasto.tools.bench import run_bench

    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kirjasto-bench-"))
    run_bench(root, args.sizes, args.repeat, workdir, Path(args.output), args.today)
    return 0


@in_library
def preview_command(args: argparse.Namespace, root: Path) -> int:
    from kirjasto.tools.preview import PREVIEW_CONFIG, preview_config

    say = messages_of(args).say
    source = Path(args.file).resolve()
    if not source.is_file() or not source.is_relative_to(root):
        missing = _("Tiedostoa {file} ei löydy tästä kirjastosta. Anna kuvauksen polku, esim. practices/kaytannot/nimi.md.")
        print(say(missing, file=args.file), file=sys.stderr)
        return 2
    config = root / PREVIEW_CONFIG
    config.write_text(preview_config(args.config, source.relative_to(root).as_posix()), encoding="utf-8")
    serving = _("Esikatselu: {path} osoitteessa http://{address}/ (Ctrl+C lopettaa). Koko kirjasto tarkistetaan silti.")
    print(say(serving, path=source.relative_to(root), address=args.addr))
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", args.addr]
    try:
        return subprocess.call(command, cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    except KeyboardInterrupt:
        return 0
    finally:
        config.unlink(missing_ok=True)


@in_library
def generate_command(args: argparse.Namespace, root: Path) -> int:
    from kirjasto.site.tree import generate_tree

    tree = generate_tree(root, args.config, Path(args.outdir).resolve(), today=args.today, engine=args.engine)
    if errors(tree.problems):
        print(format_report(tree.problems, messages_of(args).language))
        return 1
    written = messages_of(args).plural(
        "Kirjoitettiin {count} sivu ja sivuston asetukset kansioon {folder}. Rakenna: cd {folder} && mkdocs build",
        "Kirjoitettiin {count} sivua ja sivuston asetukset kansioon {folder}. Rakenna: cd {folder} && mkdocs build",
        tree.pages,
        folder=args.outdir,
    )
    print(written)
    return 0


@in_library
def zensical_command(args: argparse.Namespace, root: Path) -> int:
    from kirjasto.tools.zensical_build import build_with_zensical

    built = build_with_zensical(root, args.config, root / args.site_dir, today=args.today)
    print(built.report, file=sys.stderr if built.status else sys.stdout)
    return built.status
