"""A site configuration file (mkdocs.yml) read as MkDocs reads it, for the tools
that run without MkDocs: `INHERIT` followed (dictionaries merged deeply) and
`!ENV [NAME, default]` resolved."""

from __future__ import annotations

import os
import re
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


OTHER_LANGUAGE_PREFIX = ".kirjasto-kieli-"
"""Name of a written configuration of another language (ignored by Git)."""


def other_language_config(root: Path, config_name: str, language: str, other_config: str) -> str:
    """The configuration file to build `language`'s side of the site that `config_name`
    configures. `other_config` (e.g. mkdocs.sv.yml) holds what differs in that language
    and inherits the base configuration. When this site's configuration is another file
    (a copy's `kunta.yml`), the other language inherits this site's file instead, so that
    the copy's settings (scope, publisher, address) hold on both sides: a file beside it,
    `.kirjasto-kieli-kunta-sv.yml`, is written for that."""
    own, other = root / config_name, root / other_config
    other_base = _inherited(other)
    if other_base is None or other_base == own.resolve():
        return other_config
    text = _INHERIT.sub(f"INHERIT: {config_name}", other.read_text("utf-8"), count=1)
    written = root / f"{OTHER_LANGUAGE_PREFIX}{own.stem}-{language}.yml"
    if not written.is_file() or written.read_text("utf-8") != text:
        written.write_text(text, encoding="utf-8")
    return written.name


_INHERIT = re.compile(r"""^INHERIT:[ \t]*['"]?([^'"#\s]+)['"]?[ \t]*(?:#.*)?$""", re.MULTILINE)


def _inherited(path: Path) -> Path | None:
    """The file a configuration file inherits (`INHERIT`), if any."""
    if not path.is_file():
        return None
    found = _INHERIT.search(path.read_text("utf-8"))
    return (path.parent / found.group(1)).resolve() if found else None
