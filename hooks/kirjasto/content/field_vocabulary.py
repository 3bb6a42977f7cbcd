"""Front-matter rules for the fields whose values come from a vocabulary: places
(municipalities, regions), education levels, themes and audience."""

from __future__ import annotations

from collections.abc import Mapping as MappingOf
from typing import TypeVar

from kirjasto.content.field_checker import Checker
from kirjasto.content.field_rules import MAX_THEMES
from kirjasto.content.messages import _
from kirjasto.content.vocabularies import Audience, Level, Municipality, Named, Region, Theme, Vocabularies

_Entry = TypeVar("_Entry")


def _read_list(
    check: Checker,
    name: str,
    known: MappingOf[str, _Entry],
    unknown: str,
    *,
    required: bool,
    names: MappingOf[str, str] | None = None,
    aliases: MappingOf[str, str] | None = None,
) -> tuple[_Entry, ...]:
    entry = check.entry(name, required=required)
    return tuple(check.vocabulary_list(entry, name, known=known, unknown=unknown, names=names, aliases=aliases)) if entry else ()


def _display_names(known: MappingOf[str, Named]) -> dict[str, str]:
    """Each slug's display name: a contributor may type `Perusopetus` for `perusopetus`."""
    return {key: entry.name for key, entry in known.items()}


def read_places(check: Checker, vocabularies: Vocabularies) -> tuple[tuple[Municipality, ...], tuple[Region, ...]]:
    """Municipalities and the regions named besides them (never a municipality's own
    region), by their Finnish or Swedish names."""
    municipalities = _read_list(
        check,
        "municipalities",
        vocabularies.municipalities,
        _("Tuntematon kunta '{text}'."),
        required=False,
        aliases=vocabularies.municipality_aliases,
    )
    regions = _read_list(
        check,
        "regions",
        vocabularies.regions,
        _("Tuntematon maakunta '{text}'."),
        required=False,
        aliases=vocabularies.region_aliases,
    )
    derived = {m.region.name: m.name for m in municipalities}
    for region in regions:
        if region.name in derived:
            check.report(
                check.tree.entries["regions"].key_line,
                "regions",
                check.say(
                    _(
                        "Maakunta '{region}' päätellään jo kunnasta '{municipality}'. Poista se regions-listasta; maakuntaa ei kirjoiteta kahdesti."
                    ),
                    region=region.name_in(check.messages.language),
                    municipality=_named_in(derived[region.name], vocabularies, check.messages.language),
                ),
            )
    return municipalities, regions


def read_levels(check: Checker, vocabularies: Vocabularies) -> tuple[Level, ...]:
    known = vocabularies.levels
    return _read_list(check, "levels", known, _("Tuntematon koulutusaste '{text}'."), required=True, names=_display_names(known))


def read_themes(check: Checker, vocabularies: Vocabularies) -> tuple[Theme, ...]:
    known = vocabularies.themes
    themes = _read_list(check, "themes", known, _("Tuntematon teema '{text}'."), required=True, names=_display_names(known))
    if len(themes) > MAX_THEMES:
        check.report(
            check.tree.entries["themes"].key_line,
            "themes",
            check.say(
                _("Teemoja on {count}; enintään {most} on sallittu. Valitse kuvausta parhaiten vastaavat."),
                count=len(themes),
                most=MAX_THEMES,
            ),
        )
    return themes


def read_audience(check: Checker, vocabularies: Vocabularies) -> tuple[Audience, ...]:
    known = vocabularies.audiences
    return _read_list(check, "audience", known, _("Tuntematon kohderyhmä '{text}'."), required=False, names=_display_names(known))


def _named_in(finnish_name: str, vocabularies: Vocabularies, language: str) -> str:
    return vocabularies.municipalities[finnish_name].name_in(language)
