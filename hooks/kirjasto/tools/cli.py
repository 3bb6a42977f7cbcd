"""`kirjasto`: the command line over the same core the MkDocs hook uses. This
module builds the parser and runs the chosen command; the commands themselves
are in `commands_library` and `commands_links`."""

from __future__ import annotations

import argparse
import sys

from kirjasto.content.clock import ClockError, today_in_finland
from kirjasto.content.library import CONTENT_DIR
from kirjasto.tools.cli_language import speak_finnish
from kirjasto.tools.commands_library import (
    bench_command,
    generate_command,
    new_command,
    preview_command,
    schema_command,
    validate_command,
    zensical_command,
)
from kirjasto.tools.commands_links import check_command, links_command
from kirjasto.tools.editor import SNIPPETS_PATH
from kirjasto.tools.repository import Command
from kirjasto.tools.schema import SCHEMA_PATH

__all__ = ["build_parser", "main"]


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


def _add_config_option(parser: argparse.ArgumentParser, help: str = "sivuston asetustiedosto (oletus: mkdocs.yml)") -> None:
    parser.add_argument("--config", default="mkdocs.yml", help=help)


_DESCRIPTIONS = {
    "validate": "Tarkistaa koko kirjaston ja raportoi jokaisen virheen muodossa polku:rivi: kenttä: viesti.",
    "new": "Luo uuden kuvaustiedoston oikeaan kansioon suositelluin väliotsikoin. Ei koskaan korvaa olemassa olevaa tiedostoa.",
    "schema": "Kirjoittaa front matterin JSON Scheman ja VS Coden koodipohjat sanastoista. Aja, kun teemoja tai kohderyhmiä on muutettu.",
    "preview": "Näyttää yhden kuvauksen, siihen liittyvät kuvaukset ja niiden luettelosivut selaimessa ja päivittää ne tallennettaessa. Koko kirjasto tarkistetaan silti.",
    "generate": "Kirjoittaa sivuston täydellisen Markdown-puun (käsin kirjoitetut sivut, kuvaukset, luettelot, avoin data, haku) ja koukuttoman mkdocs.yml:n, jonka mikä tahansa MkDocs-puuta lukeva työkalu voi rakentaa.",
    "zensical": "Rakentaa sivuston Zensicalilla (mkdocs-materialin seuraaja, ei aja koukkuja): tarkistaa kirjaston, kirjoittaa koukuttoman puun kansioon build/zensical, rakentaa sen, viimeistelee sivut kuten MkDocs-koukku ja vaihtaa valmiin sivuston kansioon site/ vasta lopuksi.",
    "bench": "Tekee synteettiset kirjastot, rakentaa niistä sivuston sekä kirjaston omalla tavalla että tavallisella mkdocs-materialilla ja tulostaa taulukon ja suhdeluvut.",
    "tarkista": "Tulostaa kuvaukset tietojen iän mukaan (kuten sivu Tietojen ajantasaisuus) ja tarkistaa sitten linkit kuten komento linkit. Paluuarvot kuten komennolla linkit.",
    "linkit": "Tarkistaa kuvausten tekstien ja metatietojen http(s)-linkit verkon yli ja raportoi rikkinäiset ja pysyvästi siirtyneet muodossa polku:rivi: linkki: viesti. Paluuarvo 1, jos jokin linkki ei toimi tai on siirtynyt pysyvästi, ja 2, jos yksikään palvelin ei vastannut.",
}
"""What each command's own --help says first, by command name."""


def build_parser() -> argparse.ArgumentParser:
    speak_finnish()
    parser = argparse.ArgumentParser(prog="kirjasto", description="Käytäntökirjaston työkalut.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMENTO")

    def command(name: str, run: Command, help: str) -> argparse.ArgumentParser:
        """A subcommand (`help` is its line in the command list); its own options are
        added next, the location options last (below)."""
        subparser = commands.add_parser(name, help=help, description=_DESCRIPTIONS[name])
        subparser.set_defaults(run=run)
        return subparser

    validate = command("validate", validate_command, "tarkista kuvausten metatiedot")
    validate.add_argument(
        "paths", nargs="*", metavar="POLKU", help="raportoi vain näiden tiedostojen tai kansioiden virheet (oletus: kaikki)"
    )
    validate.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="'github' tulostaa GitHubin tarkistusmerkinnät (::error file=...)",
    )
    _add_config_option(validate, "sivuston asetustiedosto, jonka Markdown-asetuksin tekstit tarkistetaan (oletus: mkdocs.yml)")

    new = command("new", new_command, "luo uusi kuvaus")
    new.add_argument(
        "kind",
        choices=("practice", "network", "material", "kaytanto", "verkosto", "materiaali"),
        metavar="TYYPPI",
        help="practice (käytäntö), network (verkosto) tai material (materiaali)",
    )
    new.add_argument("title", metavar="OTSIKKO", help="kuvauksen otsikko; tiedostonimi muodostetaan siitä")
    new.add_argument("--name", help="tiedostonimi ilman .md-päätettä (oletus: otsikosta)")

    schema = command("schema", schema_command, f"kirjoita {SCHEMA_PATH} ja {SNIPPETS_PATH}")

    preview = command("preview", preview_command, "esikatsele yhtä kuvausta nopeasti")
    preview.add_argument("file", metavar="TIEDOSTO", help="kuvauksen polku, esim. practices/kaytannot/nimi.md")
    preview.add_argument("--addr", default="127.0.0.1:8000", help="osoite (oletus: 127.0.0.1:8000)")
    _add_config_option(preview)

    generate = command("generate", generate_command, "kirjoita koko Markdown-puu ilman koukkuja")
    generate.add_argument("outdir", metavar="KANSIO", help="kohdekansio (tyhjennetään)")
    generate.add_argument(
        "--engine",
        choices=["mkdocs", "zensical"],
        default="mkdocs",
        help="kenen teema puun rakentaa: sisältöturvallisuuskäytäntö sallii sen teeman skriptit (oletus: mkdocs)",
    )
    _add_config_option(generate)

    zensical = command("zensical", zensical_command, "rakenna sivusto Zensicalilla kansioon site/")
    zensical.add_argument("--site-dir", default="site", help="kohdekansio kirjaston kansiossa (oletus: site)")
    _add_config_option(zensical)

    bench = command("bench", bench_command, "mittaa sivuston rakentamisen nopeus vertailuun nähden")
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

    check = command("tarkista", check_command, "listaa kuvaukset tietojen iän mukaan ja tarkista ulkoiset linkit")
    links = command("linkit", links_command, "tarkista kuvausten ulkoiset linkit")
    for parser_of_links in (check, links):
        _add_link_options(parser_of_links)

    for subparser in (validate, new, schema, preview, generate, zensical, bench, check, links):
        _add_location_options(subparser)
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


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        # One clock for the whole command: today in Finland (or KIRJASTO_TODAY).
        args.today = today_in_finland()
    except ClockError as error:
        print(error, file=sys.stderr)
        return 2
    run: Command = args.run
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
