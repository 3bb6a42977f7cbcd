"""Lists of small records in front matter (contacts, links, year-wheel rows): each
element a group of `key: value` fields, every problem reported on its line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kirjasto.content.field_checker import Checker
from kirjasto.content.frontmatter_tree import Mapping, Sequence, YamlNode

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
        check.report(entry.value.line, name, f"Arvon pitää olla lista, jonka jokainen kohta alkaa viivalla: '- {example}'.")
        return []
    records = []
    for position, element in enumerate(entry.value.items, start=1):
        if not isinstance(element, Mapping):
            check.report(element.line, f"{name}[{position}]", f"Kohdan pitää olla kenttäryhmä, jossa on {', '.join(required)}.")
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
        check.report(element.line, where, f"Kohdan pitää olla kenttäryhmä, jossa on {', '.join(required)}.")
        return None
    record: dict[str, Any] = {}
    complete = True
    for key, sub in element.entries.items():
        if key not in required + optional:
            check.report(
                sub.key_line, f"{where}.{key}", f"Tuntematon kenttä '{key}'. Sallitut kentät: {', '.join(required + optional)}."
            )
            complete = False
            continue
        value = readers.get(key, check.text)(sub.value, f"{where}.{key}")
        if value is None:
            complete = False
        else:
            record[key] = value
    for key in required:
        if key not in element.entries:
            check.report(element.line, f"{where}.{key}", f"Pakollinen kenttä '{key}' puuttuu.")
            complete = False
    return record if complete else None
