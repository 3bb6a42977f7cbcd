"""The HTML of generated parts (item card, listings, catalogue, map, form,
related items) from Jinja2 templates, with autoescaping on: Python passes data.

The defaults ship in this package (`templates/kirjasto/*.html`). A copy of the
library overrides one the way it overrides a theme partial: a file of the same
name in its theme's `custom_dir` (`overrides/kirjasto/kortti.html`) comes first.
Each template is compiled once per environment; `part_templates` keeps one
environment per override folder and language, so a build (and every rebuild of
`mkdocs serve`) reuses the compiled templates while Jinja2 still notices an edited file.

The templates speak through gettext (`jinja2.ext.i18n`; `make messages` extracts
them, babel.cfg), Finnish being the source, in the language of their environment:

- a fixed text: `{{ _("Kunnat") }}`;
- a text with values, filled in after the translation as in the Python code:
  `{{ _("Vuosikello: {title}").format(title=title) }}`;
- a count: `{{ plural("{count} rivi", "{count} riviä", n) }}` (`Messages.plural`);
- a text around HTML (kept out of the message): the translation escaped first, the
  HTML (a `{% set %}` block, which is markup) put in by `Markup.format`, which
  escapes any other value: `{{ (_("Lisenssi {link}.")|e).format(link=link) }}`.

`_` gives plain text, which autoescaping escapes on output like any value.

A vocabulary entry is named in the templates' language, which every template knows
as `language`: `{{ theme.name_in(language) }}` ('Digitaalinen pedagogiikka' on
Finnish pages, 'Digital pedagogik' on Swedish ones); a municipality by
`{{ municipality.shown_in(language) }}`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from kirjasto.content.messages import SOURCE_LANGUAGE, Messages, messages_in, translations
from kirjasto.content.model import Item, Kind
from kirjasto.content.text import count_phrase, format_date_fi, format_number_fi
from kirjasto.content.urls import url_link
from kirjasto.site.pages import paths

_SLOT = "\x00kirjasto-slot\x00"
"""Stands for a part's content while its wrapper is rendered (a NUL never occurs in HTML we write)."""

TEMPLATE_FOLDER = "kirjasto"
"""Templates are named `kirjasto/NAME.html`, in the package and in an override folder alike."""


class PartTemplates:
    """One Jinja2 environment: the override folder (if any) first, then the package's
    defaults, speaking `language` ('fi', the default, or 'sv')."""

    def __init__(self, override_dir: Path | None = None, language: str = SOURCE_LANGUAGE) -> None:
        self.messages: Messages = messages_in(language)
        """The messages of the templates' language, for the Python code that fills them."""
        self.language = self.messages.language
        loaders: list[Any] = [FileSystemLoader(str(override_dir))] if override_dir else []
        loaders.append(PackageLoader("kirjasto.site", "templates"))
        self.environment = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.i18n"],
        )
        # Old-style gettext: `_()` gives plain text, escaped on output like any value.
        self.environment.install_gettext_translations(translations(self.language), newstyle=False)  # type: ignore[attr-defined]
        self.environment.filters.update(date_fi=format_date_fi, number_fi=format_number_fi)
        self.environment.globals.update(count_phrase=count_phrase, Kind=Kind, plural=self.messages.plural, language=self.language)
        self._wrappers: dict[tuple[object, ...], tuple[str, str]] = {}

    def template(self, name: str) -> Template:
        return self.environment.get_template(f"{TEMPLATE_FOLDER}/{name}.html")

    def render(self, name: str, /, **data: Any) -> str:
        """The part as HTML; `data` values are escaped unless they are `Markup`."""
        return self.template(name).render(**data).strip()

    def wrap(self, name: str, slot: str, html: str, **values: str | None) -> str:
        """`html` (already safe) put into the part's `slot`, with `values` for the rest.
        The template is rendered once around a placeholder for each set of values and
        its two halves reused: a large library has thousands of body sections, each in
        the same wrapper."""
        key: tuple[object, ...] = (name, slot, *sorted(values.items()))
        halves = self._wrappers.get(key)
        if halves is None:
            before, _, after = self.render(name, **{slot: Markup(_SLOT)}, **values).partition(_SLOT)
            halves = self._wrappers[key] = (before, after)
        return halves[0] + html + halves[1]


def part_templates(override_dir: Path | None = None, language: str = SOURCE_LANGUAGE) -> PartTemplates:
    """The environment for a copy's override folder (None: the package's defaults only)
    in `language` ('fi' or 'sv'; anything else is Finnish), one per folder and language."""
    return _part_templates(override_dir, messages_in(language).language)


@lru_cache(maxsize=8)
def _part_templates(override_dir: Path | None, language: str) -> PartTemplates:
    return PartTemplates(override_dir, language)


def override_dir_of(custom_dir: Path | str | None) -> Path | None:
    """The folder that may hold a copy's own part templates: its theme `custom_dir`."""
    return Path(custom_dir) if custom_dir else None


def script_json(data: object) -> Markup:
    """JSON to place inside a <script> element: `<` escaped, so that no `</script>`
    in the data can end the element early."""
    return Markup(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))


def trusted_html(text: str) -> Markup:
    """HTML the library has already made safe (an item body judged by the sanitiser),
    passed to a template as it is."""
    return Markup(text)


class LinksFrom:
    """Relative links from one generated page to the others, for templates:
    `links.to("teemat/arviointi.md")` from `teemat/steam.md` is `../arviointi/`."""

    def __init__(self, src_uri: str) -> None:
        self.src_uri = src_uri

    def to(self, target_src: str) -> str:
        return url_link(self.src_uri, target_src)

    def item(self, item: Item) -> str:
        return self.to(paths.item_src(item))
