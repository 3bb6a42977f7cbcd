"""Lists of small records in front matter (contacts, links, year-wheel rows): each
element a group of `key: value` fields, every problem reported on its line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kirjasto.content.field_checker import Checker
from kirjasto.content.frontmatter_tree import Mapping, Sequence, YamlNode
from kirjasto.content.messages import _

ValueReader = Callable[[YamlNode, str], Any]
"""Reads one value (node, field name for reports); None when it reported a problem."""


def read_records(
    check: Checker,
    name: str,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    *,
    readers: dict[str, ValueReader] | None = None,
) -> list[tuple[dict[str, Any], Mapping]]:
    """Only complete records are returned, each with its group for the lines. A key
    without its own reader is one piece of text."""
    entry = check.entry(name, required=False)
    if entry is None:
        return []
    if not isinstance(entry.value, Sequence):
        example = ", ".join(f"{key}: ..." for key in required)
        check.report(
            entry.value.line,
            name,
            check.say(_("Arvon pitää olla lista, jonka jokainen kohta alkaa viivalla: '- {example}'."), example=example),
        )
        return []
    records = []
    for position, element in enumerate(entry.value.items, start=1):
        if not isinstance(element, Mapping):
            check.report(element.line, f"{name}[{position}]", _not_a_group(check, required))
            continue
        record = _read_record(check, f"{name}[{position}]", element, required, optional, readers or {})
        if record is not None:
            records.append((record, element))
    return records


def _read_record(
    check: Checker,
    where: str,
    element: YamlNode,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    readers: dict[str, ValueReader],
) -> dict[str, Any] | None:
    if not isinstance(element, Mapping):
        check.report(element.line, where, _not_a_group(check, required))
        return None
    record: dict[str, Any] = {}
    complete = True
    for key, sub in element.entries.items():
        if key not in required + optional:
            check.report(sub.key_line, f"{where}.{key}", unknown_field(check, key, required + optional))
            complete = False
            continue
        value = readers.get(key, check.text)(sub.value, f"{where}.{key}")
        if value is None:
            complete = False
        else:
            record[key] = value
    for key in required:
        if key not in element.entries:
            check.report(element.line, f"{where}.{key}", check.say(_("Pakollinen kenttä '{key}' puuttuu."), key=key))
            complete = False
    return record if complete else None


def _not_a_group(check: Checker, required: tuple[str, ...]) -> str:
    return check.say(_("Kohdan pitää olla kenttäryhmä, jossa on {fields}."), fields=", ".join(required))


def unknown_field(check: Checker, key: str, allowed: tuple[str, ...], *, closest: str | None = None) -> str:
    """The message for a key that does not belong where it was written: a suggestion
    when one is close, and the keys allowed there (each a sentence of its own)."""
    return " ".join(
        filter(
            None,
            [
                check.say(_("Tuntematon kenttä '{key}'."), key=key),
                check.say(_("Tarkoititko '{value}'?"), value=closest) if closest else "",
                check.say(_("Sallitut kentät: {fields}."), fields=", ".join(allowed)),
            ],
        )
    )
