"""The Python-Markdown configuration a site is built with.

Validation renders every body with exactly this configuration: in the MkDocs
hook from MkDocs' own resolved settings, elsewhere from the configuration file
resolved the same way MkDocs resolves it (its built-in extensions first, then
the file's list; a one-item mapping gives an extension its settings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kirjasto.content.config_file import read_config

MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
"""Extensions MkDocs always loads (`mkdocs.config.defaults`, `markdown_extensions`)."""


class MarkdownConfigError(ValueError):
    """The configuration file's `markdown_extensions` cannot be read; the message says why."""


@dataclass(frozen=True)
class MarkdownConfig:
    extensions: tuple[str, ...] = MKDOCS_BUILTIN_EXTENSIONS
    """Extension names in the order MkDocs passes them to Python-Markdown."""
    configs: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False)
    """Settings of each extension that has any."""

    @classmethod
    def from_mkdocs(cls, extensions: list[str], configs: dict[str, dict[str, Any]] | None) -> MarkdownConfig:
        """From MkDocs' resolved `config.markdown_extensions` and `config.mdx_configs`."""
        return cls(extensions=tuple(extensions), configs=dict(configs or {}))

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> MarkdownConfig:
        """From a configuration as written in mkdocs.yml (MkDocs' `MarkdownExtensions` rules)."""
        written = config.get("markdown_extensions") or []
        names: list[str] = []
        configs: dict[str, dict[str, Any]] = {}
        entries = written.items() if isinstance(written, dict) else [_entry(item) for item in written]
        for name, settings in entries:
            if not isinstance(name, str):
                raise MarkdownConfigError(f"markdown_extensions: '{name}' ei ole laajennuksen nimi.")
            if settings:
                if not isinstance(settings, dict):
                    raise MarkdownConfigError(f"markdown_extensions: laajennuksen '{name}' asetusten pitää olla kenttiä.")
                configs[name] = settings
            names.append(name)
        ordered = list(dict.fromkeys([*MKDOCS_BUILTIN_EXTENSIONS, *names]))
        return cls(extensions=tuple(ordered), configs=configs)

    @classmethod
    def from_file(cls, path: Path) -> MarkdownConfig:
        return cls.from_config(read_config(path))


def _entry(item: Any) -> tuple[Any, Any]:
    if isinstance(item, dict):
        if len(item) != 1:
            raise MarkdownConfigError("markdown_extensions: jokaisessa kohdassa saa olla yksi laajennus.")
        return next(iter(item.items()))
    return item, None
