"""`kirjasto`: the command line over the same core the MkDocs hook uses. This
module builds the parser and runs the chosen command; the commands themselves
are in `commands_library` and `commands_links`. It speaks the language
`cli_language` chooses (`--kieli`, else the locale); `main` gives the command that
language as `args.language` and the one asked for as `args.asked_language`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from kirjasto.content.clock import ClockError, today_in_finland
from kirjasto.content.library import CONTENT_DIR
from kirjasto.content.messages import LANGUAGES, SOURCE_LANGUAGE, Messages, _, messages_in
from kirjasto.tools.cli_language import LANGUAGE_OPTION, choose_language, requested_language, speak
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


def _number_type(messages: Messages, *, zero_allowed: bool) -> Callable[[str], float]:
    def number(text: str) -> float:
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            value = float("nan")
        if not (0 <= value < float("inf")) or (value == 0 and not zero_allowed):
            if zero_allowed:
                message = messages.say(_("'{text}' ei kelpaa: anna luku, joka on vähintään 0"), text=text)
            else:
                message = messages.say(_("'{text}' ei kelpaa: anna luku, joka on suurempi kuin 0"), text=text)
            raise argparse.ArgumentTypeError(message)
        return value

    return number


def _add_location_options(parser: argparse.ArgumentParser, messages: Messages) -> None:
    say = messages.say
    parser.add_argument("--root", help=say(_("kirjaston kansio (oletus: lähin kansio, jossa on mkdocs.yml)")))
    parser.add_argument(
        "--content",
        default=CONTENT_DIR,
        help=say(_("sisältökansio kirjaston kansion sisällä (oletus: {folder})"), folder=CONTENT_DIR),
    )


def _add_config_option(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--config", default="mkdocs.yml", help=help)


def _add_language_option(parser: argparse.ArgumentParser, messages: Messages) -> None:
    help = _("kieli, jolla komento kertoo tuloksensa: fi (suomi) tai sv (ruotsi) (oletus: käyttäjän kieliasetus, LANG)")
    parser.add_argument(LANGUAGE_OPTION, choices=LANGUAGES, help=messages.say(help))


_DESCRIPTIONS = {
    "validate": _("Tarkistaa koko kirjaston ja raportoi jokaisen virheen muodossa polku:rivi: kenttä: viesti."),
    "new": _(
        "Luo uuden kuvaustiedoston oikeaan kansioon suositelluin väliotsikoin. Ei koskaan korvaa olemassa olevaa tiedostoa."
    ),
    "schema": _(
        "Kirjoittaa front matterin JSON Scheman ja VS Coden koodipohjat sanastoista. Aja, kun teemoja tai kohderyhmiä on muutettu."
    ),
    "preview": _(
        "Näyttää yhden kuvauksen, siihen liittyvät kuvaukset ja niiden luettelosivut selaimessa ja päivittää ne tallennettaessa. Koko kirjasto tarkistetaan silti."
    ),
    "generate": _(
        "Kirjoittaa sivuston täydellisen Markdown-puun (käsin kirjoitetut sivut, kuvaukset, luettelot, avoin data, haku) ja koukuttoman mkdocs.yml:n, jonka mikä tahansa MkDocs-puuta lukeva työkalu voi rakentaa."
    ),
    "zensical": _(
        "Rakentaa sivuston Zensicalilla (mkdocs-materialin seuraaja, ei aja koukkuja): tarkistaa kirjaston, kirjoittaa koukuttoman puun kansioon build/zensical, rakentaa sen, viimeistelee sivut kuten MkDocs-koukku ja vaihtaa valmiin sivuston kansioon site/ vasta lopuksi."
    ),
    "bench": _(
        "Tekee synteettiset kirjastot, rakentaa niistä sivuston sekä kirjaston omalla tavalla että tavallisella mkdocs-materialilla ja tulostaa taulukon ja suhdeluvut."
    ),
    "tarkista": _(
        "Tulostaa kuvaukset tietojen iän mukaan (kuten sivu Tietojen ajantasaisuus) ja tarkistaa sitten linkit kuten komento linkit. Paluuarvot kuten komennolla linkit."
    ),
    "linkit": _(
        "Tarkistaa kuvausten tekstien ja metatietojen http(s)-linkit verkon yli ja raportoi rikkinäiset ja pysyvästi siirtyneet muodossa polku:rivi: linkki: viesti. Paluuarvo 1, jos jokin linkki ei toimi tai on siirtynyt pysyvästi, ja 2, jos yksikään palvelin ei vastannut."
    ),
}
"""What each command's own --help says first, by command name (in Finnish; said in
the command line's language)."""


def build_parser(language: str = SOURCE_LANGUAGE) -> argparse.ArgumentParser:
    """The parser, its help and argparse's own words in `language` ('fi' or 'sv')."""
    speak(language)
    messages = messages_in(language)
    say = messages.say
    parser = argparse.ArgumentParser(prog="kirjasto", description=say(_("Käytäntökirjaston työkalut.")))
    commands = parser.add_subparsers(dest="command", required=True, metavar=say(_("KOMENTO")))
    site_config = say(_("sivuston asetustiedosto (oletus: mkdocs.yml)"))

    def command(name: str, run: Command, help: str) -> argparse.ArgumentParser:
        """A subcommand (`help` is its line in the command list); its own options are
        added next, the location options last (below)."""
        subparser = commands.add_parser(name, help=help, description=say(_DESCRIPTIONS[name]))
        subparser.set_defaults(run=run)
        return subparser

    validate = command("validate", validate_command, say(_("tarkista kuvausten metatiedot")))
    validate.add_argument(
        "paths",
        nargs="*",
        metavar=say(_("POLKU")),
        help=say(_("raportoi vain näiden tiedostojen tai kansioiden virheet (oletus: kaikki)")),
    )
    validate.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help=say(_("'github' tulostaa GitHubin tarkistusmerkinnät (::error file=...)")),
    )
    _add_config_option(
        validate, say(_("sivuston asetustiedosto, jonka Markdown-asetuksin tekstit tarkistetaan (oletus: mkdocs.yml)"))
    )

    new = command("new", new_command, say(_("luo uusi kuvaus")))
    new.add_argument(
        "kind",
        choices=("practice", "network", "material", "kaytanto", "verkosto", "materiaali"),
        metavar=say(_("TYYPPI")),
        help=say(_("practice (käytäntö), network (verkosto) tai material (materiaali)")),
    )
    new.add_argument("title", metavar=say(_("OTSIKKO")), help=say(_("kuvauksen otsikko; tiedostonimi muodostetaan siitä")))
    new.add_argument("--name", help=say(_("tiedostonimi ilman .md-päätettä (oletus: otsikosta)")))

    schema = command(
        "schema", schema_command, say(_("kirjoita {schema} ja {snippets}"), schema=SCHEMA_PATH, snippets=SNIPPETS_PATH)
    )

    preview = command("preview", preview_command, say(_("esikatsele yhtä kuvausta nopeasti")))
    preview.add_argument("file", metavar=say(_("TIEDOSTO")), help=say(_("kuvauksen polku, esim. practices/kaytannot/nimi.md")))
    preview.add_argument("--addr", default="127.0.0.1:8000", help=say(_("osoite (oletus: 127.0.0.1:8000)")))
    _add_config_option(preview, site_config)

    generate = command("generate", generate_command, say(_("kirjoita koko Markdown-puu ilman koukkuja")))
    generate.add_argument("outdir", metavar=say(_("KANSIO")), help=say(_("kohdekansio (tyhjennetään)")))
    generate.add_argument(
        "--engine",
        choices=["mkdocs", "zensical"],
        default="mkdocs",
        help=say(_("kenen teema puun rakentaa: sisältöturvallisuuskäytäntö sallii sen teeman skriptit (oletus: mkdocs)")),
    )
    _add_config_option(generate, site_config)

    zensical = command("zensical", zensical_command, say(_("rakenna sivusto Zensicalilla kansioon site/")))
    zensical.add_argument("--site-dir", default="site", help=say(_("kohdekansio kirjaston kansiossa (oletus: site)")))
    _add_config_option(zensical, site_config)

    bench = command("bench", bench_command, say(_("mittaa sivuston rakentamisen nopeus vertailuun nähden")))
    bench.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        default=[1000, 10000],
        help=say(_("kirjastojen koot (oletus: 1000 10000; tyhjä: vain vihamieliset syötteet)")),
    )
    bench.add_argument("--repeat", type=int, default=3, help=say(_("toistot kokoa kohden (oletus: 3)")))
    bench.add_argument("--output", default="bench-tulokset.json", help=say(_("tulostiedosto (JSON)")))
    bench.add_argument("--workdir", help=say(_("työkansio (oletus: väliaikainen)")))

    check = command("tarkista", check_command, say(_("listaa kuvaukset tietojen iän mukaan ja tarkista ulkoiset linkit")))
    links = command("linkit", links_command, say(_("tarkista kuvausten ulkoiset linkit")))
    for parser_of_links in (check, links):
        _add_link_options(parser_of_links, messages)

    # The commands whose own output is translated choose its language; the maintainers'
    # (zensical, bench, tarkista, linkit) report in Finnish.
    for subparser in (validate, new, schema, preview, generate):
        _add_language_option(subparser, messages)
    for subparser in (validate, new, schema, preview, generate, zensical, bench, check, links):
        _add_location_options(subparser, messages)
    return parser


def _add_link_options(links: argparse.ArgumentParser, messages: Messages) -> None:
    say = messages.say
    links.add_argument(
        "--aikakatkaisu",
        type=_number_type(messages, zero_allowed=False),
        metavar=say(_("SEKUNTIA")),
        help=say(_("kauanko kunkin palvelimen vastausta odotetaan (oletus: 15; yhteyden avaamista enintään 5)")),
    )
    links.add_argument(
        "--valimuisti",
        metavar=say(_("POLKU")),
        help=say(_("välimuistitiedosto (oletus: .cache/linkit.json kirjaston kansiossa)")),
    )
    links.add_argument(
        "--ei-valimuistia",
        action="store_true",
        help=say(_("tarkista kaikki linkit uudelleen, älä lue äläkä kirjoita välimuistia")),
    )
    links.add_argument(
        "--enintaan-ika",
        type=_number_type(messages, zero_allowed=True),
        metavar=say(_("TUNTIA")),
        help=say(_("välimuistin tulosta käytetään, jos se on tätä nuorempi (oletus: 24)")),
    )
    links.add_argument(
        "--markdown",
        metavar=say(_("TIEDOSTO")),
        help=say(_("kirjoita raportti Markdownina (GitHubin tehtävään); tiedosto poistetaan, jos korjattavaa ei ole")),
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # The parser speaks the language asked for before it parses (cli_language.py).
    args = build_parser(choose_language(requested_language(argv)).own).parse_args(argv)
    language = choose_language(getattr(args, "kieli", None))
    args.language, args.asked_language = language.own, language.problems
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
