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

    def edit_url(self, path: str) -> str:
        """GitHub's editor for one file (it forks for people without write access)."""
        return f"https://github.com/{self.owner}/{self.name}/edit/{self.branch}/{path}"


@dataclass(frozen=True)
class Scope:
    """What a copy publishes. Empty municipalities and regions mean everything."""

    municipalities: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    include_national: bool = False

    @property
    def is_limited(self) -> bool:
        return bool(self.municipalities or self.regions)


@dataclass(frozen=True)
class Publisher:
    """The organisation that publishes this copy of the library."""

    name: str
    contact: str | None = None
    """A web address or an e-mail address for general contact."""
    feedback: str | None = None
    """Where readers send feedback, e.g. on accessibility: e-mail or web address."""

    @staticmethod
    def href(value: str) -> str:
        return value if value.startswith(("http://", "https://")) else f"mailto:{value}"


@dataclass(frozen=True)
class LibrarySettings:
    content_dir: str = "practices"
    """Folder of the content, relative to the configuration file."""
    repository: Repository | None = None
    scope: Scope = Scope()
    publisher: Publisher | None = None
    site_url: str = ""
    """The published address (mkdocs.yml `site_url`), for feeds and structured data."""
    site_name: str = "Käytäntökirjasto"
    preview: str | None = None
    """Set by `kirjasto preview`: the one item file to build (the rest is still validated)."""


KNOWN_KEYS = ("content_dir", "repository", "scope", "publisher", "search", "preview")


def read_settings(extra: dict[str, Any] | None, site_url: str | None = None, site_name: str | None = None) -> LibrarySettings:
    """Settings from the `extra.kirjasto` mapping (missing keys take defaults)."""
    raw = dict(extra or {})
    unknown = sorted(set(raw) - set(KNOWN_KEYS))
    if unknown:
        raise SettingsError(f"extra.kirjasto: tuntematon asetus '{unknown[0]}'. Sallitut asetukset: {', '.join(KNOWN_KEYS)}.")
    if raw.get("search", "kirjasto") not in ("kirjasto", "theme"):
        raise SettingsError("extra.kirjasto.search: anna 'kirjasto' (suomea ymmärtävä haku, oletus) tai 'theme' (teeman oma haku).")
    content_dir = raw.get("content_dir", "practices")
    if not isinstance(content_dir, str) or not content_dir.strip() or ".." in content_dir.split("/"):
        raise SettingsError("extra.kirjasto.content_dir: anna sisältökansio kirjaston kansion sisältä, esim. 'practices'.")
    return LibrarySettings(
        content_dir=content_dir,
        repository=_read_repository(raw.get("repository")),
        scope=_read_scope(raw.get("scope")),
        publisher=_read_publisher(raw.get("publisher")),
        site_url=(site_url or "").strip(),
        site_name=(site_name or "Käytäntökirjasto").strip(),
        preview=raw.get("preview") if isinstance(raw.get("preview"), str) else None,
    )


def _text_list(value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SettingsError(f"extra.kirjasto.scope.{key}: anna lista nimiä, esim. [Satakunta].")
    return tuple(v.strip() for v in value)


def _read_scope(raw: Any) -> Scope:
    if raw is None:
        return Scope()
    if not isinstance(raw, dict):
        raise SettingsError("extra.kirjasto.scope: anna kentät municipalities, regions ja include_national.")
    unknown = sorted(set(raw) - {"municipalities", "regions", "include_national"})
    if unknown:
        raise SettingsError(f"extra.kirjasto.scope: tuntematon kenttä '{unknown[0]}'. Sallitut: municipalities, regions, include_national.")
    include_national = raw.get("include_national", False)
    if not isinstance(include_national, bool):
        raise SettingsError("extra.kirjasto.scope.include_national: anna true tai false.")
    return Scope(municipalities=_text_list(raw.get("municipalities"), "municipalities"),
                 regions=_text_list(raw.get("regions"), "regions"), include_national=include_national)


def _read_publisher(raw: Any) -> Publisher | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
        raise SettingsError("extra.kirjasto.publisher: anna vähintään julkaisijan nimi (name), esim. {name: Porin kaupunki, contact: https://www.pori.fi/, feedback: palaute@pori.fi}.")
    unknown = sorted(set(raw) - {"name", "contact", "feedback"})
    if unknown:
        raise SettingsError(f"extra.kirjasto.publisher: tuntematon kenttä '{unknown[0]}'. Sallitut: name, contact, feedback.")
    for key in ("contact", "feedback"):
        value = raw.get(key)
        if value is not None and not (isinstance(value, str) and re.match(r"^(https?://\S+|[^@\s]+@[^@\s]+\.\w+)$", value)):
            raise SettingsError(f"extra.kirjasto.publisher.{key}: anna www-osoite (https://...) tai sähköpostiosoite.")
    return Publisher(name=raw["name"].strip(), contact=raw.get("contact"), feedback=raw.get("feedback"))


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
