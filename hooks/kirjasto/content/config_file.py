"""A site configuration file (mkdocs.yml) read as MkDocs reads it, for the tools
that run without MkDocs: `INHERIT` followed (dictionaries merged deeply) and
`!ENV [NAME, default]` resolved."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """YAML with MkDocs' `!ENV` tag and nothing else beyond the safe loader."""


def _env(loader: yaml.SafeLoader, node: yaml.ScalarNode | yaml.SequenceNode | yaml.MappingNode) -> Any:
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in values[:-1] if len(values) > 1 else values:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return values[-1] if len(values) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def read_config(path: Path) -> dict[str, Any]:
    """A MkDocs configuration file, with INHERIT followed."""
    data = yaml.load(path.read_text("utf-8"), Loader=_ConfigLoader) or {}
    parent = data.pop("INHERIT", None)
    return _merge(read_config(path.parent / parent), data) if parent else data
