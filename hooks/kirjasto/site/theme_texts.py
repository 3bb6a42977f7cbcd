"""The words of the theme overrides (`overrides/*.html`) in the site's language.

The overrides are rendered by the engine's own template language, MkDocs' Jinja2 or
Zensical's MiniJinja, and only Jinja2 could call gettext; both read the site's
configuration. So the build puts these texts, translated through the one message
catalogue, into `config.extra.kirjasto_tekstit`, and the templates read them there.
"""

from __future__ import annotations

from typing import Any

from kirjasto.content.messages import Messages, _, messages_in

THEME_TEXTS_KEY = "kirjasto_tekstit"
THEME_LANGUAGE_MESSAGE = _(
    "theme.language pitää olla sama kuin sivuston kieli extra.kirjasto.language ('{language}'), jotta teeman omat sanat ja <html lang> ovat sivuston kieltä. Kirjoita theme-kohtaan language: {language}."
)

_TEXTS = {
    # main.html: the Atom feed's title after the site's name.
    "syote_otsikko": _("uudet ja päivitetyt kuvaukset"),
    # partials/kk-haku.html: the search box and its panel.
    "haku": _("Haku"),
    "hae_kirjastosta": _("Hae kirjastosta"),
    "hae": _("Hae"),
    "tyhjenna_haku": _("Tyhjennä haku"),
    "hakutulokset": _("Hakutulokset"),
    "hakuohje": _("Kirjoita hakusana, esim. tutoropettaja tai vuosikello."),
    "rajaa_tuloksia": _("Rajaa tuloksia"),
    "rajaa_miten": _("tyypin, teeman, paikan, asteen tai tilan mukaan"),
    "mita_haku_ymmartaa": _("Mitä haku ymmärtää?"),
    "haku_ymmartaa": _("Taivutusmuodot, yhdyssanat ja kirjoitusvirheet"),
    # 404.html
    "ei_loytynyt": _("Sivua ei löytynyt"),
    "ei_loytynyt_selitys": _("Etsimääsi sivua ei ole tässä osoitteessa. Kuvaus on ehkä nimetty uudelleen tai poistettu."),
    "etusivulle": _("Etusivulle"),
    "selaa_teemoittain": _("Selaa teemoittain"),
    "selaa_paikoittain": _("Selaa kunnittain ja maakunnittain"),
    "hae_ylareunasta": _("Voit myös hakea sanalla sivun yläreunan hakukentästä."),
    # partials/copyright.html: the footer.
    "julkaisija": _("Julkaisija:"),
    "palaute": _("Palaute"),
    "kuvaukset_ja_data": _("Kuvaukset ja avoin data:"),
    "koodin_lisenssi": _("Ohjelmakoodi: MIT-lisenssi."),
    "saavutettavuusseloste": _("Saavutettavuusseloste"),
    "avoin_data": _("Avoin data"),
    "syote": _("Syöte (Atom)"),
    "tietosuoja": _("Tietosuoja"),
}


MARKDOWN_WORDS = (_("Linkki tähän kohtaan"),)
"""Words the site's Markdown configuration writes into pages (mkdocs.yml: the headings'
`toc.permalink_title`), which a site in another language says in its own."""


def markdown_configs_in(configs: dict[str, Any], messages: Messages) -> dict[str, Any]:
    """The Markdown extensions' configuration with its words (`MARKDOWN_WORDS`) in the
    language of `messages`."""
    toc = configs.get("toc")
    title = toc.get("permalink_title") if isinstance(toc, dict) else None
    if not isinstance(toc, dict) or not isinstance(title, str) or title not in MARKDOWN_WORDS:
        return configs
    return {**configs, "toc": {**toc, "permalink_title": messages.say(title)}}


def theme_texts(messages: Messages | None = None) -> dict[str, str]:
    """Every override text in the language of `messages` (Finnish unless given)."""
    say = (messages or messages_in()).say
    return {key: say(text) for key, text in _TEXTS.items()}
