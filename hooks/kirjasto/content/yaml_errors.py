"""YAML's error messages in Finnish or Swedish, with the line where the mistake is.

PyYAML reports errors in English, and its two loaders word them differently
(libyaml, the C loader used here, and the pure-Python one). Each error is matched
by the part of its wording that both loaders share, and told in Finnish or
Swedish with how to fix it. Anything unmatched gets a general message: no English
reaches a contributor. The table covers every scanner, parser and reader error of
libyaml 0.2.5 and of PyYAML's pure-Python loader.

The line: YAML marks both where it noticed the error and where the construct
began. For an unclosed quote or bracket or a line without a colon, the start is
where the contributor has to look; otherwise the place of the error is.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from kirjasto.content.characters import RETYPE_ADVICE
from kirjasto.content.messages import Messages, _, messages_in

_FINNISH = messages_in()

_QUOTE_IT = _('Kirjoita arvo lainausmerkkeihin, esim. title: "Vinkki: näin onnistut".')


@dataclass(frozen=True)
class _Known:
    wording: tuple[str, ...]
    """Parts of the English problem text (either loader) that identify the error."""
    message: str
    """In Finnish (marked for translation): what is wrong and how to fix it."""
    at_start: bool = False
    """Report the line where the construct began (the context mark)."""
    hint: str | None = None
    """A sentence shared by several messages, told after the message."""


_KNOWN = (
    _Known(
        ("mapping values are not allowed",),
        _(
            "Virhe front matterissa: arvossa on kaksoispiste ja välilyönti (': ') ilman lainausmerkkejä, tai kenttä on vahingossa sisennetty. "
            'Aloita kentät rivin alusta ja kirjoita kaksoispisteen sisältävä arvo lainausmerkkeihin, esim. title: "Vinkki: näin onnistut".'
        ),
    ),
    _Known(
        ("could not find expected ':'",),
        _(
            "Virhe front matterissa: riviltä puuttuu kaksoispiste kentän nimen perästä tai pitkä arvo jatkuu seuraavalle riville ilman sisennystä. "
            "Kirjoita 'kenttä: arvo' yhdelle riville tai sisennä jatkorivi kahdella välilyönnillä."
        ),
        at_start=True,
    ),
    _Known(
        ("found character that cannot start any token", "cannot start any token"),
        _(
            "Virhe front matterissa: rivillä on sarkainmerkki (tab) sisennyksenä tai arvo alkaa merkillä @, ` tai %, joilla YAML-arvo ei voi alkaa. "
            'Sisennä vain välilyönneillä ja kirjoita tällainen arvo lainausmerkkeihin, esim. title: "@kirjasto".'
        ),
    ),
    _Known(
        ("tab character",),
        _("Virhe front matterissa: rivi on sisennetty sarkainmerkillä (tab). Käytä sisennyksessä välilyöntejä."),
    ),
    _Known(
        ("block sequence entries are not allowed", "sequence entries are not allowed"),
        _(
            "Virhe front matterissa: listan kohta (- ...) on samalla rivillä kuin kentän nimi. Kirjoita kohdat omille riveilleen sisennettyinä "
            "tai muodossa themes: [steam, kielet]."
        ),
    ),
    _Known(
        ("mapping keys are not allowed",),
        _("Virhe front matterissa: arvo alkaa kysymysmerkillä ja välilyönnillä ('? ')."),
        hint=_QUOTE_IT,
    ),
    _Known(
        ("unexpected end of stream", "unexpected document indicator", "unexpected document separator"),
        _(
            "Virhe front matterissa: lainausmerkki avataan tällä rivillä, mutta sitä ei suljeta. "
            "Lisää arvon loppuun sama lainausmerkki (\" tai ')."
        ),
        at_start=True,
    ),
    _Known(
        ("unknown escape character", "hexdecimal", "hexadecimal", "invalid Unicode character escape"),
        _(
            'Virhe front matterissa: kenoviiva (\\) lainausmerkkien " " sisällä aloittaa erikoismerkin, eikä sen perässä oleva merkki kelpaa. '
            "Kirjoita arvo heittomerkkeihin ('C:\\kansio') tai kahdenna kenoviiva (\"C:\\\\kansio\")."
        ),
    ),
    _Known(
        (
            "did not find expected key",
            "expected <block end>, but found '<scalar>'",
            "expected <block end>, but found '<block mapping start>'",
            "expected <block end>, but found '-'",
        ),
        _(
            "Virhe front matterissa: rivillä on jotain, mitä YAML ei odota: tekstiä sulkevan lainausmerkin tai hakasulkeen jälkeen, heittomerkki "
            "heittomerkeillä rajatun arvon sisällä tai sisennys, joka poikkeaa viereisistä kentistä. Kirjoita koko arvo "
            "lainausmerkkeihin, esim. title: \"Opettajan 'vinkki' luokkaan\", ja aloita kentät rivin alusta."
        ),
    ),
    _Known(
        ("did not find expected '-' indicator", "expected <block end>, but found '?'"),
        _(
            "Virhe front matterissa: rivi on sisennetty samalle kohdalle kuin edellisen listan viivat (-). Jos rivi on uusi kenttä, aloita se rivin "
            "alusta. Jos se kuuluu samaan listan kohtaan kuin edellinen rivi (esim. yhteystiedon organisation: rivin role: "
            "alla), sisennä se samalle kohdalle kuin edellisen rivin kentän nimi."
        ),
    ),
    _Known(
        ("expected node content", "expected the node content"),
        _(
            "Virhe front matterissa: listassa on tyhjä kohta (kaksi pilkkua peräkkäin) tai arvo alkaa merkillä ], } tai pilkulla. Poista "
            'ylimääräinen pilkku tai kirjoita arvo lainausmerkkeihin, esim. title: "Vinkki: näin onnistut".'
        ),
    ),
    _Known(
        ("expected ',' or ']'",),
        _(
            "Virhe front matterissa: hakasulkeella [ alkava lista jää sulkematta tai kohtien välistä puuttuu pilkku. "
            "Kirjoita esim. themes: [steam, kielet]."
        ),
        at_start=True,
    ),
    _Known(
        ("expected ',' or '}'",),
        _("Virhe front matterissa: aaltosulkeella { alkava arvo jää sulkematta tai kohtien välistä puuttuu pilkku."),
        at_start=True,
        hint=_QUOTE_IT,
    ),
    _Known(
        ("found unexpected ':'",),
        _('Virhe front matterissa: listan kohdassa on kaksoispiste. Kirjoita kohta lainausmerkkeihin, esim. ["Vinkki: näin"].'),
    ),
    _Known(
        ("expected <document start>", "expected '<document start>'", "expected a single document"),
        _(
            "Virhe front matterissa: front matterissa on ylimääräinen rivi '---' tai '...'. Poista se. Jos taas ensimmäinen rivi alkaa merkillä "
            '[, { tai ", kirjoita se muotoon kenttä: arvo.'
        ),
    ),
    _Known(
        ("while scanning an alias", "while scanning an anchor", "undefined alias", "duplicate anchor"),
        _(
            "Virhe front matterissa: arvo alkaa merkillä * tai &, joilla YAML merkitsee viittauksia. Kirjoita arvo lainausmerkkeihin, esim. "
            'title: "Uusi malli" (kentissä ei voi käyttää Markdown-muotoilua, kuten *kursiivia*).'
        ),
    ),
    _Known(
        ("block scalar", "indentation indicator", "chomping"),
        _(
            "Virhe front matterissa: merkin | tai > jälkeen teksti kirjoitetaan vasta seuraavalle riville sisennettynä. Siirrä teksti seuraavalle "
            "riville tai kirjoita arvo lainausmerkkeihin."
        ),
    ),
    _Known(
        ("directive",),
        _("Virhe front matterissa: rivi alkaa %-merkillä, jonka YAML tulkitsee omaksi ohjauskomennokseen."),
        hint=_QUOTE_IT,
    ),
    _Known(
        ("tag",),
        _("Virhe front matterissa: arvo alkaa huutomerkillä (!), jonka YAML tulkitsee tyyppimerkinnäksi."),
        hint=_QUOTE_IT,
    ),
    _Known(
        ("control characters", "special characters"),
        _("Virhe front matterissa: arvossa on näkymätön ohjausmerkki."),
        hint=RETYPE_ADVICE,
    ),
)
"""Every message is a whole sentence: the first names what is wrong, after `PREFIX`."""

_GENERAL = _(
    "Virhe front matterissa: tarkista tämän ja edellisen rivin sisennykset (vain välilyöntejä, ei sarkaimia), kaksoispisteet ja "
    "lainausmerkit. Jos arvossa on kaksoispiste, kirjoita arvo lainausmerkkeihin."
)
PREFIX = "Virhe front matterissa: "
"""How every Finnish message begins."""


@dataclass(frozen=True)
class TranslatedError:
    line_index: int
    """0-based line in the YAML text."""
    message: str
    """In the language asked for; in Finnish, starting with `PREFIX`."""


def translate(error: yaml.YAMLError, text: str, messages: Messages = _FINNISH) -> TranslatedError:
    """The message (in the language of `messages`, Finnish unless given) and the line of
    a YAML error raised while reading `text`."""
    wording = " ".join(
        filter(None, (getattr(error, "problem", None), getattr(error, "context", None), getattr(error, "reason", None)))
    )
    known = next((entry for entry in _KNOWN if any(part in wording for part in entry.wording)), None)
    message = messages.say(known.message if known else _GENERAL)
    if known and known.hint:
        message += " " + messages.say(known.hint)
    return TranslatedError(_line_index(error, text, known), message)


def _line_index(error: yaml.YAMLError, text: str, known: _Known | None) -> int:
    context_mark = getattr(error, "context_mark", None)
    problem_mark = getattr(error, "problem_mark", None)
    mark = (context_mark or problem_mark) if known is not None and known.at_start else (problem_mark or context_mark)
    if mark is not None:
        line: int = mark.line
        return line
    position = getattr(error, "position", None)
    if isinstance(position, int):
        # A reader error counts bytes of the UTF-8 text (libyaml) or characters (pure Python).
        encoded = text.encode("utf-8")
        prefix = encoded[:position].decode("utf-8", "ignore") if getattr(error, "encoding", None) == "?" else text[:position]
        return prefix.count("\n")
    return 0
