"""Characters that have no place in contributed text, and how to show any text
safely in a report.

Refused everywhere (front matter and body): control characters other than tab
and line feed, the bidirectional controls that make text display differently
from what it is ("Trojan Source"), and every other invisible or undefined
character: format characters (Unicode category Cf, e.g. U+200B ZERO WIDTH SPACE,
U+2060 WORD JOINER, U+FEFF, the TAG characters U+E0000-U+E007F), private-use
characters (Co), unassigned code points and noncharacters such as U+FFFF (Cn),
surrogates (Cs) and the line and paragraph separators U+2028/U+2029 (Zl, Zp).

Exceptions, because languages need them: U+200C ZERO WIDTH NON-JOINER and
U+200D ZERO WIDTH JOINER (Persian and Indic scripts; emoji sequences). And code
points in the emoji and pictograph blocks (U+1F000-U+1FAFF) that this Python's
Unicode database does not know yet: new emoji are assigned there every year, a
phone already has them, and Python 3.11 knows Unicode 14 only.
"""

from __future__ import annotations

import re
import unicodedata

from kirjasto.content.messages import Messages, _, messages_in

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LANGUAGE_FORMAT_CHARACTERS = frozenset("\u200c\u200d")
"""Format characters that a language needs and that are therefore allowed."""
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"})
_TAGS = range(0xE0000, 0xE0080)
_EMOJI_BLOCKS = range(0x1F000, 0x1FB00)
RETYPE_ADVICE = _(
    "Merkki ei näy, joten kirjoita kohta uudelleen näppäimistöllä: liittäminen ilman muotoiluja "
    "(esim. Muistion kautta) ei yleensä poista sitä."
)
"""What to do about a refused character: it came with copied text and cannot be seen."""
# Only characters outside printable ASCII can be refused: the loop visits those alone.
_CANDIDATE = re.compile(r"[^\t\n\x20-\x7e]")


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


_FINNISH = messages_in()


def describe(char: str, messages: Messages = _FINNISH) -> str:
    """Description of a refused character, with its code point, in the language of
    `messages` (Finnish unless given): a noun phrase for "Tekstissä on {what}."."""
    code = ord(char)
    point = f"U+{code:04X}"
    category = unicodedata.category(char)
    say = messages.say
    if char in BIDI_CONTROLS:
        return say(_("tekstin suuntaa muuttava näkymätön merkki {point}"), point=point)
    if category == "Cc":
        return say(_("näkymätön ohjausmerkki {point}"), point=point)
    if code in _TAGS:
        return say(_("näkymätön Unicode-tagimerkki {point} (niitä on esim. Skotlannin ja Walesin lippuemojeissa)"), point=point)
    if category == "Cf":
        return say(_("näkymätön muotoilumerkki {point}"), point=point)
    if _is_noncharacter(code):
        return say(_("merkki {point}, joka ei ole tekstiä (Unicoden ei-merkki)"), point=point)
    if category == "Co":
        return say(
            _(
                "yksityiskäyttöön varattu merkki {point} (esim. Wordin Symbol- tai Wingdings-fontin merkki), joka näkyy eri laitteilla eri tavalla tai ei lainkaan"
            ),
            point=point,
        )
    if category in ("Zl", "Zp"):
        return say(_("näkymätön rivin- tai kappaleenerotin {point}"), point=point)
    return say(_("merkki {point}, jota tarkistus ei tunnista"), point=point)


def _refused(char: str) -> bool:
    if char in LANGUAGE_FORMAT_CHARACTERS:
        return False
    category = unicodedata.category(char)
    if category == "Cn" and ord(char) in _EMOJI_BLOCKS and not _is_noncharacter(ord(char)):
        return False
    return category in REFUSED_CATEGORIES


def unsafe_character(text: str, messages: Messages = _FINNISH) -> tuple[int, str] | None:
    """Index and description (`describe`, in the language of `messages`) of the first
    refused character, if any."""
    # Fast path: most texts are plain, and printable text holds no refused character.
    if text.replace("\n", "").replace("\t", "").isprintable():
        return None
    for match in _CANDIDATE.finditer(text):
        if _refused(match.group(0)):
            return match.start(), describe(match.group(0), messages)
    return None


def has_unsafe_characters(text: str) -> bool:
    return unsafe_character(text) is not None


def printable(text: str) -> str:
    """Text safe to echo on one line of a terminal, a log or a report: every control,
    format, bidi, separator or undefined character is shown as an escape (`\\x1b`,
    `\\u202e`, `\\n`), so that a file cannot clear a screen, recolour it, reorder
    what is shown or start a line of its own."""
    if text.isprintable():
        return text
    return "".join(_escaped(char) for char in text)


def _escaped(char: str) -> str:
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if char == "\r":
        return "\\r"
    if unicodedata.category(char) not in REFUSED_CATEGORIES:
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
