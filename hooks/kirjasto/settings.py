"""The library's settings from `extra.kirjasto` in mkdocs.yml, checked once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_GITHUB_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


class SettingsError(ValueError):
    """A setting a maintainer wrote is not usable; the message says how to fix it."""


@dataclass(frozen=True)
class Repository:
    """Where contributions are sent: a GitHub repository and branch."""

    owner: str
    name: str
    branch: str = "main"

    @property
    def new_file_url(self) -> str:
        """GitHub's 'new file' page; it forks for people without write access."""
        return f"https://github.com/{self.owner}/{self.name}/new/{self.branch}"

    @property
    def web_url(self) -> str:
        return f"https://github.com/{self.owner}/{self.name}"


@dataclass(frozen=True)
class LibrarySettings:
    content_dir: str = "practices"
    """Folder of the content, relative to the configuration file."""
    repository: Repository | None = None


def read_settings(extra: dict[str, Any] | None) -> LibrarySettings:
    """Settings from the `extra.kirjasto` mapping (missing keys take defaults)."""
    raw = dict(extra or {})
    content_dir = raw.get("content_dir", "practices")
    if not isinstance(content_dir, str) or not content_dir.strip() or ".." in content_dir.split("/"):
        raise SettingsError("extra.kirjasto.content_dir: anna sisältökansio kirjaston kansion sisältä, esim. 'practices'.")
    return LibrarySettings(content_dir=content_dir, repository=_read_repository(raw.get("repository")))


def _read_repository(raw: Any) -> Repository | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise SettingsError("extra.kirjasto.repository: anna kentät owner, name ja branch, esim. {owner: kunta, name: kaytantokirjasto, branch: main}.")
    values = {key: raw.get(key) for key in ("owner", "name", "branch") if raw.get(key) is not None}
    for key in ("owner", "name"):
        if key not in values:
            raise SettingsError(f"extra.kirjasto.repository.{key} puuttuu. Anna GitHub-repositorion {'omistaja' if key == 'owner' else 'nimi'}.")
    for key, value in values.items():
        if not isinstance(value, str) or not _GITHUB_NAME.match(value):
            raise SettingsError(f"extra.kirjasto.repository.{key}: '{value}' ei kelpaa. Käytä GitHubin nimeä sellaisenaan (kirjaimet, numerot, - _ .).")
    return Repository(**values)
