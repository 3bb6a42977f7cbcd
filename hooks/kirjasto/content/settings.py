"""The library's settings from `extra.kirjasto` in mkdocs.yml, checked once; what
is wrong is told to the maintainer in the language asked for (Finnish by default)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kirjasto.content.licences import DEFAULT_LICENCE, LICENCES, Licence
from kirjasto.content.messages import LANGUAGES, SOURCE_LANGUAGE, _, messages_in

_Say = Callable[..., str]

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


LICENCE_CONFIG_KEY = "kirjasto_lisenssi"
"""Key in the theme's `extra` under which the build puts the content licence for the footer."""
DEFAULT_FRESHNESS_MONTHS = 24


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
    licence: Licence = LICENCES[DEFAULT_LICENCE]
    freshness_months: int = DEFAULT_FRESHNESS_MONTHS
    """After this many months without a check, an item's page says its facts may be out of date."""
    language: str = SOURCE_LANGUAGE
    """The language the site is published in (`extra.kirjasto.language`, `fi` or `sv`): every
    generated text, and the theme's `language`, which must be the same."""
    other_languages: tuple[tuple[str, str], ...] = ()
    """(language, configuration file) of the same library in the other language
    (`extra.kirjasto.other_languages`), built into `site/<language>/` by the same build."""

    @property
    def other_language_folders(self) -> tuple[str, ...]:
        """The site's folders of the other languages' sites (`sv`)."""
        return tuple(language for language, _ in self.other_languages if language != self.language)


KNOWN_KEYS = (
    "content_dir",
    "repository",
    "scope",
    "publisher",
    "search",
    "preview",
    "licence",
    "freshness_months",
    "language",
    "other_languages",
)


def settings_of_config(config: dict[str, Any], language: str = SOURCE_LANGUAGE) -> LibrarySettings:
    """The settings of a site configuration read as a plain mapping (mkdocs.yml)."""
    return read_settings(
        (config.get("extra") or {}).get("kirjasto"), config.get("site_url"), config.get("site_name"), language=language
    )


def read_settings(
    extra: dict[str, Any] | None, site_url: str | None = None, site_name: str | None = None, *, language: str = SOURCE_LANGUAGE
) -> LibrarySettings:
    """Settings from the `extra.kirjasto` mapping (missing keys take defaults); a
    `SettingsError` says in `language` what is wrong."""
    say = messages_in(language).say
    raw = dict(extra or {})
    unknown = sorted(set(raw) - set(KNOWN_KEYS))
    if unknown:
        raise SettingsError(
            say(
                _("extra.kirjasto: tuntematon asetus '{key}'. Sallitut asetukset: {allowed}."),
                key=unknown[0],
                allowed=", ".join(KNOWN_KEYS),
            )
        )
    if raw.get("search", "kirjasto") not in ("kirjasto", "theme"):
        raise SettingsError(
            say(_("extra.kirjasto.search: anna 'kirjasto' (suomea ymmärtävä haku, oletus) tai 'theme' (teeman oma haku)."))
        )
    content_dir = raw.get("content_dir", "practices")
    if not isinstance(content_dir, str) or not content_dir.strip() or ".." in content_dir.split("/"):
        raise SettingsError(
            say(_("extra.kirjasto.content_dir: anna sisältökansio kirjaston kansion sisältä, esim. 'practices'."))
        )
    return LibrarySettings(
        content_dir=content_dir,
        repository=_read_repository(raw.get("repository"), say),
        scope=_read_scope(raw.get("scope"), say),
        publisher=_read_publisher(raw.get("publisher"), say),
        site_url=(site_url or "").strip(),
        site_name=(site_name or "Käytäntökirjasto").strip(),
        preview=raw.get("preview") if isinstance(raw.get("preview"), str) else None,
        licence=_read_licence(raw.get("licence", DEFAULT_LICENCE), say),
        freshness_months=_read_freshness(raw.get("freshness_months", DEFAULT_FRESHNESS_MONTHS), say),
        language=_read_language(raw.get("language", SOURCE_LANGUAGE), say),
        other_languages=_read_other_languages(raw.get("other_languages") or {}, say),
    )


def _read_other_languages(raw: Any, say: _Say) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, dict) or not all(key in LANGUAGES and isinstance(value, str) and value for key, value in raw.items()):
        raise SettingsError(
            say(_("extra.kirjasto.other_languages: anna kieli ja sen asetustiedosto, esim. {sv: mkdocs.sv.yml}."))
        )
    return tuple(sorted(raw.items()))


def _read_language(raw: Any, say: _Say) -> str:
    if raw not in LANGUAGES:
        raise SettingsError(say(_("extra.kirjasto.language: anna sivuston kieli, fi (suomi) tai sv (ruotsi).")))
    return str(raw)


def _read_licence(raw: Any, say: _Say) -> Licence:
    if raw not in LICENCES:
        raise SettingsError(
            say(
                _("extra.kirjasto.licence: '{value}' ei ole tuettu lisenssi. Anna jokin näistä SPDX-tunnisteista: {allowed}."),
                value=raw,
                allowed=", ".join(LICENCES),
            )
        )
    return LICENCES[raw]


def _read_freshness(raw: Any, say: _Say) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= 240:
        raise SettingsError(
            say(
                _("extra.kirjasto.freshness_months: anna kuukausien määrä kokonaislukuna väliltä 1–240 (oletus {default})."),
                default=DEFAULT_FRESHNESS_MONTHS,
            )
        )
    return raw


def _text_list(value: Any, key: str, say: _Say) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SettingsError(say(_("extra.kirjasto.scope.{key}: anna lista nimiä, esim. [Satakunta]."), key=key))
    return tuple(v.strip() for v in value)


def _read_scope(raw: Any, say: _Say) -> Scope:
    if raw is None:
        return Scope()
    if not isinstance(raw, dict):
        raise SettingsError(say(_("extra.kirjasto.scope: anna kentät municipalities, regions ja include_national.")))
    unknown = sorted(set(raw) - {"municipalities", "regions", "include_national"})
    if unknown:
        raise SettingsError(
            say(
                _("extra.kirjasto.scope: tuntematon kenttä '{key}'. Sallitut: municipalities, regions, include_national."),
                key=unknown[0],
            )
        )
    include_national = raw.get("include_national", False)
    if not isinstance(include_national, bool):
        raise SettingsError(say(_("extra.kirjasto.scope.include_national: anna true tai false.")))
    return Scope(
        municipalities=_text_list(raw.get("municipalities"), "municipalities", say),
        regions=_text_list(raw.get("regions"), "regions", say),
        include_national=include_national,
    )


def _read_publisher(raw: Any, say: _Say) -> Publisher | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
        # No values: the braces are the message's own.
        raise SettingsError(
            say(
                _(
                    "extra.kirjasto.publisher: anna vähintään julkaisijan nimi (name), esim. {name: Esimerkkikunta, contact: https://www.kunta.example/, feedback: palaute@kunta.example}."
                )
            )
        )
    unknown = sorted(set(raw) - {"name", "contact", "feedback"})
    if unknown:
        raise SettingsError(
            say(_("extra.kirjasto.publisher: tuntematon kenttä '{key}'. Sallitut: name, contact, feedback."), key=unknown[0])
        )
    for key in ("contact", "feedback"):
        value = raw.get(key)
        if value is not None and not (isinstance(value, str) and re.match(r"^(https?://\S+|[^@\s]+@[^@\s]+\.\w+)$", value)):
            raise SettingsError(
                say(_("extra.kirjasto.publisher.{key}: anna www-osoite (https://...) tai sähköpostiosoite."), key=key)
            )
    return Publisher(name=raw["name"].strip(), contact=raw.get("contact"), feedback=raw.get("feedback"))


_MISSING_REPOSITORY = {
    "owner": _("extra.kirjasto.repository.owner puuttuu. Anna GitHub-repositorion omistaja."),
    "name": _("extra.kirjasto.repository.name puuttuu. Anna GitHub-repositorion nimi."),
}


def _read_repository(raw: Any, say: _Say) -> Repository | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        # No values: the braces are the message's own.
        raise SettingsError(
            say(
                _(
                    "extra.kirjasto.repository: anna kentät owner, name ja branch, esim. {owner: kunta, name: kaytantokirjasto, branch: main}."
                )
            )
        )
    values = {key: raw.get(key) for key in ("owner", "name", "branch") if raw.get(key) is not None}
    for key, missing in _MISSING_REPOSITORY.items():
        if key not in values:
            raise SettingsError(say(missing))
    names: dict[str, str] = {}
    for key, value in values.items():
        if not isinstance(value, str) or not _GITHUB_NAME.match(value):
            raise SettingsError(
                say(
                    _(
                        "extra.kirjasto.repository.{key}: '{value}' ei kelpaa. Käytä GitHubin nimeä sellaisenaan (kirjaimet, numerot, - _ .)."
                    ),
                    key=key,
                    value=value,
                )
            )
        names[key] = value
    return Repository(**names)
