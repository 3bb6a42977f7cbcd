"""Read answers of the Statistics Finland classification API, saved as JSON files.

The API is https://data.stat.fi/api/classifications/v2 (documented at
https://www.stat.fi/en/luokitukset/info/). Two kinds of answer are read:

- classificationItems of a classification, e.g.
  classifications/kunta_1_20250101/classificationItems?content=data&meta=max&lang=fi:
  a JSON list of {"code": "091", "classificationItemNames": [{"lang": "fi",
  "name": "Helsinki", ...}], "classification": {"localId": "kunta_1_20250101", ...},
  "localId": "kunta_1_20250101/091", "order": ..., ...}, one per item, in the
  order of the Finnish names. One answer has the names of one language.
- maps of a correspondence table, e.g.
  correspondenceTables/kunta_1_20250101%23maakunta_1_20250101/maps?content=data&meta=max&lang=fi:
  a JSON list of {"sourceItem": {"code": "091", "classificationItemNames": [...]},
  "targetItem": {"code": "01", "classificationItemNames": [...]},
  "correspondenceTable": {...}}, one per source item.

Every problem is an InputError whose Finnish message names the file and the entry.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

API = "https://data.stat.fi/api/classifications/v2"
QUERY = "content=data&meta=max&lang="


class InputError(Exception):
    """Something in a file a maintainer must fix; the message is Finnish."""


def items_url(classification: str, year: str, lang: str) -> str:
    path = f"classifications/{classification}_1_{year}0101/classificationItems"
    return f"{API}/{path}?{QUERY}{lang}"


def map_url(target: str, year: str) -> str:
    table = f"kunta_1_{year}0101%23{target}_1_{year}0101"
    return f"{API}/correspondenceTables/{table}/maps?{QUERY}fi"


def source_files(groupings: tuple[str, ...]) -> dict[str, str]:
    """Input file name -> the API address it is saved from (YYYY for the year)."""
    files = {f"kunta_{lang}.json": items_url("kunta", "YYYY", lang) for lang in ("fi", "sv")}
    for name in groupings:
        for lang in ("fi", "sv"):
            files[f"{name}_{lang}.json"] = items_url(name, "YYYY", lang)
        files[f"kunta_{name}.json"] = map_url(name, "YYYY")
    return files


def read_entries(path: Path) -> list[dict[str, object]]:
    """The JSON list of objects in `path`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: tiedostoa ei ole") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: tiedosto ei ole UTF-8-tekstiä") from None
    except json.JSONDecodeError as error:
        where = f"rivi {error.lineno}, sarake {error.colno}"
        raise InputError(f"{path}: ei kelvollista JSONia ({where}: {error.msg})") from None
    except OSError as error:
        raise InputError(f"{path}: tiedostoa ei voi lukea ({error.strerror})") from None
    if not isinstance(data, list) or not data or not all(isinstance(entry, dict) for entry in data):
        raise InputError(f"{path}: odotettiin rajapinnan vastausta eli ei-tyhjää JSON-listaa olioita")
    return data


def text_at(entry: dict[str, object], keys: tuple[str | int, ...], where: str) -> str:
    """The non-empty string at entry[k1][k2]..., whitespace trimmed."""
    value: object = entry
    for key in keys:
        if isinstance(key, int):
            value = value[key] if isinstance(value, list) and len(value) > key else None
        else:
            value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, str) or not value.strip():
        field = ".".join(str(key) for key in keys)
        raise InputError(f"{where}: kenttä {field} puuttuu tai on tyhjä")
    return value.strip()


def read_items(path: Path, code_pattern: str) -> dict[str, str]:
    """Code -> name from a classificationItems answer; codes must be unique."""
    names: dict[str, str] = {}
    for number, entry in enumerate(read_entries(path), start=1):
        where = f"{path}: kohde {number}"
        code = text_at(entry, ("code",), where)
        if not re.fullmatch(code_pattern, code):
            raise InputError(f"{where}: koodi {code!r} on väärää muotoa")
        if code in names:
            raise InputError(f"{path}: koodi {code} on tiedostossa kahdesti")
        names[code] = text_at(entry, ("classificationItemNames", 0, "name"), where)
    return names


def read_map(path: Path) -> dict[str, str]:
    """Source code -> target code from a correspondence table's maps."""
    mapping: dict[str, str] = {}
    for number, entry in enumerate(read_entries(path), start=1):
        where = f"{path}: kohde {number}"
        source = text_at(entry, ("sourceItem", "code"), where)
        target = text_at(entry, ("targetItem", "code"), where)
        if mapping.setdefault(source, target) != target:
            raise InputError(f"{path}: koodi {source} kuuluu kahteen luokkaan ({mapping[source]} ja {target})")
    return mapping


def bilingual(folder: Path, name: str, code_pattern: str) -> dict[str, tuple[str, str]]:
    """Code -> (Finnish, Swedish) from <name>_fi.json and <name>_sv.json."""
    finnish = read_items(folder / f"{name}_fi.json", code_pattern)
    swedish = read_items(folder / f"{name}_sv.json", code_pattern)
    for lang, codes, other in (("sv", finnish, swedish), ("fi", swedish, finnish)):
        lacking = ", ".join(sorted(set(codes) - set(other)))
        if lacking:
            raise InputError(f"{folder / f'{name}_{lang}.json'}: koodit puuttuvat: {lacking}")
    return {code: (finnish[code], swedish[code]) for code in finnish}


def classification_year(path: Path) -> int:
    """2025 from the items' classification.localId "kunta_1_20250101"."""
    local_id = text_at(read_entries(path)[0], ("classification", "localId"), f"{path}: kohde 1")
    match = re.fullmatch(r"[a-z_]+_\d+_(\d{4})\d{4}", local_id)
    if not match:
        raise InputError(f"{path}: vuotta ei voi päätellä tunnuksesta {local_id!r}; anna --vuosi")
    return int(match.group(1))
