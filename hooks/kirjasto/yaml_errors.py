"""YAML's error messages in Finnish, with the line where the mistake is.

PyYAML reports errors in English, and its two loaders word them differently
(libyaml, the C loader used here, and the pure-Python one). Each error is matched
by the part of its wording that both loaders share, and told in Finnish with how
to fix it. Anything unmatched gets a general Finnish message: no English reaches
a contributor. The table covers every scanner, parser and reader error of
libyaml 0.2.5 and of PyYAML's pure-Python loader.

The line: YAML marks both where it noticed the error and where the construct
began. For an unclosed quote or bracket or a line without a colon, the start is
where the contributor has to look; otherwise the place of the error is.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

_QUOTE_IT = "Kirjoita arvo lainausmerkkeihin, esim. title: \"Vinkki: näin onnistut\"."


@dataclass(frozen=True)
class _Known:
    wording: tuple[str, ...]
    """Parts of the English problem text (either loader) that identify the error."""
    message: str
    """Finnish: what is wrong and how to fix it."""
    at_start: bool = False
    """Report the line where the construct began (the context mark)."""


_KNOWN = (
    _Known(("mapping values are not allowed",),
           "arvossa on kaksoispiste ja välilyönti (': '), jota YAML ei hyväksy lainausmerkkien ulkopuolella. " + _QUOTE_IT),
    _Known(("could not find expected ':'",),
           "riviltä puuttuu kaksoispiste kentän nimen perästä, tai pitkä arvo jatkuu seuraavalle riville ilman sisennystä. "
           "Kirjoita 'kenttä: arvo' yhdelle riville tai sisennä jatkorivi kahdella välilyönnillä.", at_start=True),
    _Known(("found character that cannot start any token", "cannot start any token"),
           "rivillä on sarkainmerkki (tab) sisennyksenä tai arvo alkaa merkillä @, ` tai %, jolla YAML-arvo ei voi alkaa. "
           "Sisennä välilyönneillä, ja kirjoita tällainen arvo lainausmerkkeihin, esim. title: \"@kirjasto\"."),
    _Known(("tab character",),
           "rivi on sisennetty sarkainmerkillä (tab). Käytä sisennyksessä välilyöntejä."),
    _Known(("block sequence entries are not allowed", "sequence entries are not allowed"),
           "luettelon kohta (- ...) on samalla rivillä kuin kentän nimi. Kirjoita kohdat omille riveilleen sisennettyinä "
           "tai muodossa themes: [steam, kielet]."),
    _Known(("mapping keys are not allowed",),
           "arvo alkaa kysymysmerkillä ja välilyönnillä ('? '). " + _QUOTE_IT),
    _Known(("unexpected end of stream", "unexpected document indicator", "unexpected document separator"),
           "lainausmerkki avataan tällä rivillä, mutta sitä ei suljeta. Lisää arvon loppuun sama lainausmerkki (\" tai ').",
           at_start=True),
    _Known(("unknown escape character", "hexdecimal", "hexadecimal", "invalid Unicode character escape"),
           "kenoviiva (\\) lainausmerkkien \" \" sisällä aloittaa erikoismerkin, eikä sen perässä oleva kirjain kelpaa. "
           "Kirjoita arvo heittomerkkeihin ('C:\\kansio') tai kahdenna kenoviiva (\"C:\\\\kansio\")."),
    _Known(("did not find expected key", "expected <block end>, but found '<scalar>'",
            "expected <block end>, but found '<block mapping start>'", "expected <block end>, but found '-'"),
           "rivin rakenne ei täsmää: lainausmerkkien tai hakasulkeiden perässä on tekstiä, heittomerkkien sisällä on "
           "heittomerkki tai rivi on sisennetty eri tavalla kuin viereiset kentät. Kirjoita koko arvo lainausmerkkeihin "
           "ja aloita kentät rivin alusta."),
    _Known(("did not find expected '-' indicator", "expected <block end>, but found '?'"),
           "kenttä on sisennetty samalle tasolle kuin edellisen listan kohdat. Aloita kenttä rivin alusta.", at_start=False),
    _Known(("expected node content", "expected the node content"),
           "arvo alkaa merkillä ], } tai , tai listassa on tyhjä kohta (kaksi pilkkua peräkkäin). " + _QUOTE_IT),
    _Known(("expected ',' or ']'",),
           "hakasulkeilla [ alkava lista jää sulkematta tai kohtien välistä puuttuu pilkku. Kirjoita esim. themes: [steam, kielet].",
           at_start=True),
    _Known(("expected ',' or '}'",),
           "aaltosulkeilla { alkava arvo jää sulkematta tai kohtien välistä puuttuu pilkku. " + _QUOTE_IT, at_start=True),
    _Known(("found unexpected ':'",),
           "listan kohdassa on kaksoispiste. Kirjoita kohta lainausmerkkeihin, esim. [\"Vinkki: näin\"]."),
    _Known(("expected <document start>", "expected '<document start>'", "expected a single document"),
           "front matterissa saa olla vain yksi YAML-dokumentti. Poista ylimääräinen '---'- tai '...'-rivi, tai jos "
           "ensimmäinen arvo alkaa merkillä [, { tai \", kirjoita se kentäksi (kenttä: arvo)."),
    _Known(("while scanning an alias", "while scanning an anchor", "undefined alias", "duplicate anchor"),
           "arvo alkaa merkillä * tai &, jotka YAML lukee viittaukseksi (esim. Markdownin *kursiivi*). " + _QUOTE_IT),
    _Known(("block scalar", "indentation indicator", "chomping"),
           "merkkien | tai > jälkeen teksti kirjoitetaan vasta seuraavalle riville sisennettynä. Siirrä teksti seuraavalle "
           "riville tai kirjoita arvo lainausmerkkeihin."),
    _Known(("directive",),
           "rivi alkaa %-merkillä, jonka YAML lukee ohjeeksi itselleen. " + _QUOTE_IT),
    _Known(("tag",),
           "arvo alkaa huutomerkillä (!), jonka YAML lukee tunnisteeksi. " + _QUOTE_IT),
    _Known(("control characters", "special characters"),
           "arvossa on näkymätön ohjausmerkki. Kirjoita arvo uudelleen tai liitä se ilman muotoiluja (esim. Muistion kautta)."),
)

_GENERAL = ("YAML-rakenne ei ole kelvollinen. Tarkista sisennykset (välilyönnit, ei tabeja), kaksoispisteet ja "
            "lainausmerkit; tekstiarvo, jossa on kaksoispiste, kirjoitetaan lainausmerkkeihin.")


@dataclass(frozen=True)
class TranslatedError:
    line_index: int
    """0-based line in the YAML text."""
    message: str
    """Finnish, starting with 'YAML ei ole kelvollista: '."""


def translate(error: yaml.YAMLError, text: str) -> TranslatedError:
    """The Finnish message and the line of a YAML error raised while reading `text`."""
    wording = " ".join(filter(None, (getattr(error, "problem", None), getattr(error, "context", None), getattr(error, "reason", None))))
    known = next((entry for entry in _KNOWN if any(part in wording for part in entry.wording)), None)
    return TranslatedError(_line_index(error, text, known), "YAML ei ole kelvollista: " + (known.message if known else _GENERAL))


def _line_index(error: yaml.YAMLError, text: str, known: _Known | None) -> int:
    context_mark = getattr(error, "context_mark", None)
    problem_mark = getattr(error, "problem_mark", None)
    mark = (context_mark or problem_mark) if known is not None and known.at_start else (problem_mark or context_mark)
    if mark is not None:
        return mark.line
    position = getattr(error, "position", None)
    if isinstance(position, int):
        # A reader error counts bytes of the UTF-8 text (libyaml) or characters (pure Python).
        encoded = text.encode("utf-8")
        prefix = encoded[:position].decode("utf-8", "ignore") if getattr(error, "encoding", None) == "?" else text[:position]
        return prefix.count("\n")
    return 0
