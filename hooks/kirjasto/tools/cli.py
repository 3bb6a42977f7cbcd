"""`kirjasto`: the command line over the same core the MkDocs hook uses."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from kirjasto.content.clock import ClockError, today_in_finland
from kirjasto.content.item_skeleton import new_item_text
from kirjasto.content.library import CONTENT_DIR, SLUG_FILE_NAME, load_library
from kirjasto.content.markdown_config import MarkdownConfig, MarkdownConfigError
from kirjasto.content.model import Kind
from kirjasto.content.problems import Problem, errors, format_report
from kirjasto.content.text import count_phrase, format_date_fi, slugify
from kirjasto.content.vocabularies import load_vocabularies
from kirjasto.tools.cli_language import speak_finnish
from kirjasto.tools.editor import SNIPPETS_PATH, snippets_text
from kirjasto.tools.reporting import format_github_annotations
from kirjasto.tools.schema import SCHEMA_PATH, schema_text

KIND_NAMES = {
    "practice": Kind.PRACTICE,
    "network": Kind.NETWORK,
    "material": Kind.TOOLKIT,
    "kaytanto": Kind.PRACTICE,
    "verkosto": Kind.NETWORK,
    "materiaali": Kind.TOOLKIT,
}


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


def _repository_root(args: argparse.Namespace) -> Path | None:
    root = Path(args.root).resolve() if args.root else find_repository_root(Path.cwd().resolve())
    if root is None:
        print(
            "Kirjastoa ei löydy: aja komento kirjaston kansiossa (siinä, jossa on mkdocs.yml) tai anna --root.", file=sys.stderr
        )
    return root


def validate_command(args: argparse.Namespace) -> int:
    root = _repository_root(args)
    if root is None:
        return 2
    try:
        markdown = MarkdownConfig.from_file(root / args.config)
    except (OSError, MarkdownConfigError) as error:
        print(
            f"{args.config}: asetuksia ei voi lukea ({error}). Anna sivuston asetustiedosto: --config mkdocs.yml.",
            file=sys.stderr,
        )
        return 2
    loaded = load_library(root, content_dir=args.content, today=args.today, markdown=markdown)
    problems = _problems_under(loaded.problems, root, args.paths) if args.paths else loaded.problems
    if problems and args.format == "github":
        print(format_github_annotations(problems))
        print(format_report(problems).splitlines()[-1])
    elif problems:
        print(format_report(problems))
    if errors(problems):
        return 1
    checked = count_phrase(len(loaded.library.items), "kuvaus", "kuvausta")
    print(f"Kirjasto on kunnossa: {checked} tarkistettu." if not args.paths else "Annetut tiedostot ovat kunnossa.")
    return 0


def new_command(args: argparse.Namespace) -> int:
    root = _repository_root(args)
    if root is None:
        return 2
    kind = KIND_NAMES[args.kind]
    slug = args.name or slugify(args.title)
    if not SLUG_FILE_NAME.match(f"{slug}.md"):
        print(f"Tiedostonimeä ei voi muodostaa otsikosta '{args.title}'. Anna nimi itse: --name esimerkki-nimi.", file=sys.stderr)
        return 2
    path = root / args.content / kind.folder / f"{slug}.md"
    shown = path.relative_to(root).as_posix()
    if path.exists():
        print(
            f"Tiedosto {shown} on jo olemassa, eikä sitä korvata. Valitse toinen otsikko tai anna nimi: --name {slug}-2.",
            file=sys.stderr,
        )
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new_item_text(kind, args.title, args.today), encoding="utf-8")
    print(f"Luotiin {shown}. Täytä tyhjät kentät ja kirjoita teksti, sitten aja: kirjasto validate {shown}")
    return 0


def schema_command(args: argparse.Namespace) -> int:
    root = _repository_root(args)
    if root is None:
        return 2
    vocabularies, problems = load_vocabularies(root / args.content, root)
    if errors(problems):
        print(format_report(problems))
        return 1
    for relative, text in ((SCHEMA_PATH, schema_text(vocabularies)), (SNIPPETS_PATH, snippets_text(vocabularies))):
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"Kirjoitettiin {relative}.")
    return 0


def bench_command(args: argparse.Namespace) -> int:
    from kirjasto.tools.bench import run_bench

    root = _repository_root(args)
    if root is None:
        return 2
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kirjasto-bench-"))
    run_bench(root, args.sizes, args.repeat, workdir, Path(args.output), args.today)
    return 0


def preview_command(args: argparse.Namespace) -> int:
    from kirjasto.tools.preview import PREVIEW_CONFIG, preview_config

    root = _repository_root(args)
    if root is None:
        return 2
    source = Path(args.file).resolve()
    if not source.is_file() or not source.is_relative_to(root):
        print(
            f"Tiedostoa {args.file} ei löydy tästä kirjastosta. Anna kuvauksen polku, esim. practices/kaytannot/nimi.md.",
            file=sys.stderr,
        )
        return 2
    config = root / PREVIEW_CONFIG
    config.write_text(preview_config(args.config, source.relative_to(root).as_posix()), encoding="utf-8")
    print(
        f"Esikatselu: {source.relative_to(root)} osoitteessa http://{args.addr}/ (Ctrl+C lopettaa). Koko kirjasto tarkistetaan silti."
    )
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", args.addr]
    try:
        return subprocess.call(command, cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    except KeyboardInterrupt:
        return 0
    finally:
        config.unlink(missing_ok=True)


def generate_command(args: argparse.Namespace) -> int:
    from kirjasto.site.tree import generate_tree

    root = _repository_root(args)
    if root is None:
        return 2
    tree = generate_tree(root, args.config, Path(args.outdir).resolve(), today=args.today)
    if errors(tree.problems):
        print(format_report(tree.problems))
        return 1
    print(
        f"Kirjoitettiin {count_phrase(tree.pages, 'sivu', 'sivua')} ja sivuston asetukset kansioon {args.outdir}. Rakenna: cd {args.outdir} && mkdocs build"
    )
    return 0


def check_command(args: argparse.Namespace) -> int:
    """The maintainers' check: how old each item's facts are, then every external link."""
    from kirjasto.content.freshness import Freshness, age_report, basis_label
    from kirjasto.content.markdown_config import read_config
    from kirjasto.content.settings import SettingsError, settings_of_config

    root = _repository_root(args)
    if root is None:
        return 2
    loaded = load_library(root, content_dir=args.content, today=args.today)
    try:
        settings = settings_of_config(read_config(root / "mkdocs.yml"))
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    freshness = Freshness(today=args.today, months=settings.freshness_months)
    rows = age_report(loaded.library, freshness)
    print(
        f"Kuvausten tietojen ikä {format_date_fi(args.today)} (vanhimmat ensin; huomautus, kun ikä on vähintään "
        f"{count_phrase(freshness.months, 'kuukausi', 'kuukautta')} tai ei tiedossa):"
    )
    for row in rows:
        age = count_phrase(row.age_months, "kuukausi", "kuukautta") if row.age_months is not None else "ikä ei tiedossa"
        basis = f"{basis_label(row.item)} {format_date_fi(row.facts_date)}" if row.facts_date else basis_label(row.item)
        print(f"{row.item.source_path.as_posix()}: {age} ({basis}){' – huomautus näkyy' if row.stale else ''}")
    stale = sum(1 for row in rows if row.stale)
    print(f"Huomautus vanhentuneista tiedoista näkyy {stale}/{len(rows)} kuvauksessa.\n")
    return links_command(args, loaded=loaded)


def links_command(args: argparse.Namespace, loaded=None) -> int:
    from kirjasto.tools import linkcheck

    root = _repository_root(args)
    if root is None:
        return 2
    options = linkcheck.command_options(
        timeout=args.aikakatkaisu,
        use_cache=not args.ei_valimuistia,
        cache_path=Path(args.valimuisti) if args.valimuisti else None,
        max_age_hours=args.enintaan_ika,
    )
    report = linkcheck.run_link_check(root, options=options, content_dir=args.content, today=args.today, loaded=loaded)
    for note in report.notes:
        print(note, file=sys.stderr)
    for line in linkcheck.format_findings(report):
        print(line)
    print(linkcheck.summary_line(report))
    if args.markdown:
        linkcheck.write_markdown_report(report, Path(args.markdown))
    return 2 if report.offline else 1 if report.has_problems else 0


def _number(text: str, *, zero_allowed: bool) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = float("nan")
    if not (0 <= value < float("inf")) or (value == 0 and not zero_allowed):
        raise argparse.ArgumentTypeError(
            f"'{text}' ei kelpaa: anna luku, joka on {'vähintään' if zero_allowed else 'suurempi kuin'} 0"
        )
    return value


def _seconds(text: str) -> float:
    return _number(text, zero_allowed=False)


def _hours(text: str) -> float:
    return _number(text, zero_allowed=True)


def _add_location_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", help="kirjaston kansio (oletus: lähin kansio, jossa on mkdocs.yml)")
    parser.add_argument("--content", default=CONTENT_DIR, help=f"sisältökansio kirjaston kansion sisällä (oletus: {CONTENT_DIR})")


def build_parser() -> argparse.ArgumentParser:
    speak_finnish()
    parser = argparse.ArgumentParser(prog="kirjasto", description="Käytäntökirjaston työkalut.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMENTO")
    validate = commands.add_parser(
        "validate",
        help="tarkista kuvausten metatiedot",
        description="Tarkistaa koko kirjaston ja raportoi jokaisen virheen muodossa polku:rivi: kenttä: viesti.",
    )
    validate.add_argument(
        "paths", nargs="*", metavar="POLKU", help="raportoi vain näiden tiedostojen tai kansioiden virheet (oletus: kaikki)"
    )
    validate.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="'github' tulostaa GitHubin tarkistusmerkinnät (::error file=...)",
    )
    validate.add_argument(
        "--config",
        default="mkdocs.yml",
        help="sivuston asetustiedosto, jonka Markdown-asetuksin tekstit tarkistetaan (oletus: mkdocs.yml)",
    )
    _add_location_options(validate)
    validate.set_defaults(run=validate_command)

    new = commands.add_parser(
        "new",
        help="luo uusi kuvaus",
        description="Luo uuden kuvaustiedoston oikeaan kansioon suositelluin väliotsikoin. Ei koskaan korvaa olemassa olevaa tiedostoa.",
    )
    new.add_argument(
        "kind",
        choices=("practice", "network", "material", "kaytanto", "verkosto", "materiaali"),
        metavar="TYYPPI",
        help="practice (käytäntö), network (verkosto) tai material (materiaali)",
    )
    new.add_argument("title", metavar="OTSIKKO", help="kuvauksen otsikko; tiedostonimi muodostetaan siitä")
    new.add_argument("--name", help="tiedostonimi ilman .md-päätettä (oletus: otsikosta)")
    _add_location_options(new)
    new.set_defaults(run=new_command)

    schema = commands.add_parser(
        "schema",
        help=f"kirjoita {SCHEMA_PATH} ja {SNIPPETS_PATH}",
        description="Kirjoittaa front matterin JSON Scheman ja VS Coden koodipohjat sanastoista. Aja, kun teemoja tai kohderyhmiä on muutettu.",
    )
    _add_location_options(schema)
    schema.set_defaults(run=schema_command)

    preview = commands.add_parser(
        "preview",
        help="esikatsele yhtä kuvausta nopeasti",
        description="Näyttää yhden kuvauksen, siihen liittyvät kuvaukset ja niiden luettelosivut selaimessa ja päivittää ne tallennettaessa. Koko kirjasto tarkistetaan silti.",
    )
    preview.add_argument("file", metavar="TIEDOSTO", help="kuvauksen polku, esim. practices/kaytannot/nimi.md")
    preview.add_argument("--addr", default="127.0.0.1:8000", help="osoite (oletus: 127.0.0.1:8000)")
    preview.add_argument("--config", default="mkdocs.yml", help="sivuston asetustiedosto (oletus: mkdocs.yml)")
    _add_location_options(preview)
    preview.set_defaults(run=preview_command)

    generate = commands.add_parser(
        "generate",
        help="kirjoita koko Markdown-puu ilman koukkuja",
        description="Kirjoittaa sivuston täydellisen Markdown-puun (käsin kirjoitetut sivut, kuvaukset, luettelot, avoin data, haku) ja koukuttoman mkdocs.yml:n, jonka mikä tahansa MkDocs-puuta lukeva työkalu voi rakentaa.",
    )
    generate.add_argument("outdir", metavar="KANSIO", help="kohdekansio (tyhjennetään)")
    generate.add_argument("--config", default="mkdocs.yml", help="sivuston asetustiedosto (oletus: mkdocs.yml)")
    _add_location_options(generate)
    generate.set_defaults(run=generate_command)

    bench = commands.add_parser(
        "bench",
        help="mittaa sivuston rakentamisen nopeus vertailuun nähden",
        description="Tekee synteettiset kirjastot, rakentaa niistä sivuston sekä kirjaston omalla tavalla että tavallisella mkdocs-materialilla ja tulostaa taulukon ja suhdeluvut.",
    )
    bench.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        default=[1000, 10000],
        help="kirjastojen koot (oletus: 1000 10000; tyhjä: vain vihamieliset syötteet)",
    )
    bench.add_argument("--repeat", type=int, default=3, help="toistot kokoa kohden (oletus: 3)")
    bench.add_argument("--output", default="bench-tulokset.json", help="tulostiedosto (JSON)")
    bench.add_argument("--workdir", help="työkansio (oletus: väliaikainen)")
    _add_location_options(bench)
    bench.set_defaults(run=bench_command)

    check = commands.add_parser(
        "tarkista",
        help="listaa kuvaukset tietojen iän mukaan ja tarkista ulkoiset linkit",
        description="Tulostaa kuvaukset tietojen iän mukaan (kuten sivu Tietojen ajantasaisuus) ja tarkistaa sitten linkit kuten komento linkit. Paluuarvot kuten komennolla linkit.",
    )
    links = commands.add_parser(
        "linkit",
        help="tarkista kuvausten ulkoiset linkit",
        description="Tarkistaa kuvausten tekstien ja metatietojen http(s)-linkit verkon yli ja raportoi rikkinäiset ja pysyvästi siirtyneet muodossa polku:rivi: linkki: viesti. Paluuarvo 1, jos jokin linkki ei toimi tai on siirtynyt pysyvästi, ja 2, jos yksikään palvelin ei vastannut.",
    )
    for parser_of_links in (check, links):
        _add_link_options(parser_of_links)
    check.set_defaults(run=check_command)
    links.set_defaults(run=links_command)
    return parser


def _add_link_options(links: argparse.ArgumentParser) -> None:
    links.add_argument(
        "--aikakatkaisu",
        type=_seconds,
        metavar="SEKUNTIA",
        help="kauanko kunkin palvelimen vastausta odotetaan (oletus: 15; yhteyden avaamista enintään 5)",
    )
    links.add_argument(
        "--valimuisti", metavar="POLKU", help="välimuistitiedosto (oletus: .cache/linkit.json kirjaston kansiossa)"
    )
    links.add_argument(
        "--ei-valimuistia", action="store_true", help="tarkista kaikki linkit uudelleen, älä lue äläkä kirjoita välimuistia"
    )
    links.add_argument(
        "--enintaan-ika",
        type=_hours,
        metavar="TUNTIA",
        help="välimuistin tulosta käytetään, jos se on tätä nuorempi (oletus: 24)",
    )
    links.add_argument(
        "--markdown",
        metavar="TIEDOSTO",
        help="kirjoita raportti Markdownina (GitHubin tehtävään); tiedosto poistetaan, jos korjattavaa ei ole",
    )
    _add_location_options(links)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        # One clock for the whole command: today in Finland (or KIRJASTO_TODAY).
        args.today = today_in_finland()
    except ClockError as error:
        print(error, file=sys.stderr)
        return 2
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
