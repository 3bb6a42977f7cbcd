"""The browser scripts' texts in another language: the module `kaannokset-<lang>.js`
that `docs/javascripts/tekstit.js` reads beside itself.

The scripts are written in Finnish, the source language, and mark their texts as the
Python code does: `_("...")` and `plural("...", "...", n)`. `make messages` extracts
them into the one catalogue (babel.cfg), so they are translated with everything else;
this module takes from that catalogue only the messages the scripts use (extracted
from the scripts themselves, as `make messages` does) and writes them as
`export default {"Finnish": "translation", "singular": ["form 0", "form 1"]};`.
A message the catalogue lacks is left out: the script shows it in Finnish.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from kirjasto.content.messages import DOMAIN, SOURCE_LANGUAGE, catalogue_path
from kirjasto.content.validation_store import cache_folder

SCRIPTS_DIR = Path(__file__).resolve().parents[3] / "docs" / "javascripts"
"""The repository's browser scripts (the site publishes the docs folder's `javascripts/`)."""
KEYWORDS: dict[str, tuple[int, ...] | None] = {"_": None, "plural": (1, 2)}
"""The marking functions of tekstit.js, as `make messages` names them (-k _ -k plural:1,2)."""

Table = dict[str, str | list[str]]


def script_translations_path(language: str) -> str:
    """Where the module goes in the site, beside tekstit.js: `javascripts/kaannokset-sv.js`."""
    return f"javascripts/kaannokset-{language}.js"


def script_messages(scripts_dir: Path = SCRIPTS_DIR) -> list[str | tuple[str, ...]]:
    """Every message the scripts in `scripts_dir` mark, in file order without repeats
    (a plural message as its (singular, plural) pair). Babel's extraction takes a
    quarter of a second, a fifth of a small site's build in another language, so its
    result is kept in the cache folder by the digest of the scripts' text."""
    paths = sorted(scripts_dir.glob("*.js"))
    hasher = hashlib.sha256()
    for path in paths:
        hasher.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    folder = cache_folder()
    kept = folder / f"skriptien-viestit-{hasher.hexdigest()[:16]}.json" if folder else None
    try:
        if kept is not None and kept.is_file():
            return [tuple(m) if isinstance(m, list) else m for m in json.loads(kept.read_text("utf-8"))]
    except (OSError, ValueError):
        pass
    # Imported here, as in kirjasto.content.messages: only a build in another language needs Babel.
    from babel.messages.extract import extract_from_file

    found: dict[str | tuple[str, ...], None] = {}
    for path in paths:
        for _line, message, _comments, _context in extract_from_file("javascript", str(path), keywords=KEYWORDS):
            found.setdefault(message, None)
    if kept is not None:
        with contextlib.suppress(OSError):
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_text(json.dumps(list(found), ensure_ascii=False), encoding="utf-8")
    return list(found)


def script_table(language: str, scripts_dir: Path = SCRIPTS_DIR) -> Table:
    """The translations of the scripts' messages into `language`: {Finnish: translation}
    and, for a plural message, {singular: [every form]}. Empty for Finnish (the scripts'
    own language) and for a language without a catalogue; untranslated and fuzzy
    messages are left out."""
    path = catalogue_path(language)
    if language == SOURCE_LANGUAGE or not path.is_file():
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language, domain=DOMAIN)
    table: Table = {}
    for message in script_messages(scripts_dir):
        key = message[0] if isinstance(message, tuple) else message
        entry = catalogue.get(key)
        if entry is None or entry.fuzzy:
            continue
        strings = entry.string
        if isinstance(message, tuple):
            if isinstance(strings, (tuple, list)) and len(strings) >= 2 and all(strings):
                table[key] = [str(form) for form in strings]
        elif isinstance(strings, str) and strings:
            table[key] = strings
    return table


def script_translations(language: str, scripts_dir: Path = SCRIPTS_DIR) -> str:
    """The text of `kaannokset-<language>.js` (script_translations_path): an ES module
    whose default export is the table of script_table."""
    table = json.dumps(script_table(language, scripts_dir), ensure_ascii=False, indent=1, sort_keys=True)
    # JSON is JavaScript, but for these two line separators in older engines.
    table = table.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return (
        f"// Käytäntökirjasto: the browser scripts' texts in language '{language}', written by the build\n"
        "// from the message catalogue (kirjasto/site/script_texts.py) for tekstit.js. Do not edit.\n"
        f"export default {table};\n"
    )
