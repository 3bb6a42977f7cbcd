"""The JSON Schema of the open-data JSON file (`data/kirjasto.schema.json`)."""

from __future__ import annotations

from typing import Any

from kirjasto.content.model import STATUSES, Kind


def _string(**extra: Any) -> dict[str, Any]:
    return {"type": "string", **extra}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "required": list(properties) if required is None else required,
    }


def _month() -> dict[str, Any]:
    return {"type": "integer", "minimum": 1, "maximum": 12}


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def library_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `data/kirjasto.json`, published beside it."""
    named = _object({"slug": _string(), "name": _string()})
    code_name = _object({"code": _string(pattern="^MK\\d{2}$"), "name": _string()})
    item = _object(
        {
            "slug": _string(pattern="^[a-z0-9]+(-[a-z0-9]+)*$"),
            "kind": {"enum": [kind.folder for kind in Kind]},
            "kind_label": _string(),
            "url": _string(description="Sivun osoite sivuston juuresta, esim. kaytannot/nimi/"),
            "absolute_url": _nullable(_string(format="uri")),
            "title": _string(minLength=1),
            "summary": _string(minLength=1),
            "municipalities": _array(
                _object(
                    {"code": _string(pattern="^\\d{3}$"), "name": _string(), "region_code": _string(), "region_name": _string()}
                )
            ),
            "regions": _array(code_name),
            "region_wide": _array(_string()),
            "national": {"type": "boolean"},
            "levels": _array(named),
            "themes": _array(named),
            "audience": _array(named),
            "status": _nullable({"enum": list(STATUSES)}),
            "status_label": _nullable(_string()),
            "written": _nullable(_string(format="date", description="Päivä, jolloin kuvaus kirjoitettiin.")),
            "updated": _string(format="date", description="Kuvauksen viimeisin muokkaus."),
            "checked": _nullable(
                _string(format="date", description="Päivä, jolloin joku viimeksi varmisti tiedot; null, jos kukaan ei ole.")
            ),
            "started": _nullable({"type": "integer"}),
            "organisations": _array(_string()),
            "contacts": _array(
                _object(
                    {
                        "role": _string(),
                        "organisation": _string(),
                        "name": _string(),
                        "email": _string(),
                        "phone": _string(),
                        "url": _string(format="uri"),
                    },
                    required=["organisation"],
                )
            ),
            "links": _array(_object({"title": _string(), "url": _string(format="uri")})),
            "funding": _array(_string()),
            "source": _nullable(
                _object(
                    {
                        "title": _string(),
                        "publisher": _nullable(_string()),
                        "published": _nullable(
                            _string(
                                pattern="^\\d{4}(-\\d{2}-\\d{2})?$", description="Päivä tai pelkkä vuosi, jos päivää ei tiedetä."
                            )
                        ),
                        "url": _nullable(_string(format="uri")),
                    }
                )
            ),
            "related": _array(_string()),
            "vuosikello": _array(
                _object(
                    {
                        "first": _month(),
                        "last": _month(),
                        "months": _array(_month()),
                        "label": _string(),
                        "title": _string(),
                        "role": _nullable(_string()),
                        "description": _nullable(_string()),
                    }
                )
            ),
            "vuosikello_selite": _nullable(_string()),
            "teams": _array(
                _object(
                    {
                        "name": _string(),
                        "themes": _array(_object({"slug": _string(), "name": _string()})),
                        "description": _nullable(_string()),
                        "coordinator": _nullable(_string()),
                    }
                )
            ),
            "join": _nullable(
                _object(
                    {
                        "who": _nullable(_string()),
                        "how": _nullable(_string()),
                        "when": _nullable(_string()),
                        "channel": _nullable(_string()),
                    }
                )
            ),
            "meets": _nullable(_string()),
            "members": _array(
                _object(
                    {
                        "group": _nullable(_object({"slug": _string(), "name": _string()})),
                        "description": _nullable(_string()),
                        "rule": _nullable(_string()),
                        "where": _nullable(_string()),
                    }
                )
            ),
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "kirjasto.schema.json",
        "title": "Käytäntökirjaston avoin data",
        "description": "Kaikki julkaistut kuvaukset metatietoineen sekä sanastot. Kentät on kuvattu sivulla Avoin data.",
        **_object(
            {
                "$schema": _string(),
                "license": _object(
                    {
                        "spdx": _string(description="Lisenssin SPDX-tunniste, esim. CC-BY-4.0."),
                        "name": _string(),
                        "url": _string(format="uri"),
                    }
                )
                | {
                    "description": "Lisenssi, jolla kuvaukset ja tämä data julkaistaan. Käyttäjän pitää noudattaa sen ehtoja (CC BY: mainitse lähde)."
                },
                "publisher": _nullable(
                    _object({"name": _string(), "contact": _nullable(_string()), "feedback": _nullable(_string())})
                ),
                "scope": _nullable(
                    _object(
                        {
                            "municipalities": _array(_string()),
                            "regions": _array(_string()),
                            "include_national": {"type": "boolean"},
                        }
                    )
                ),
                "updated": _string(format="date"),
                "count": {"type": "integer", "minimum": 0},
                "items": _array(item),
                "vocabularies": _object(
                    {
                        "kinds": _array(named),
                        "statuses": _array(named),
                        "levels": _array(named),
                        "themes": _array(_object({"slug": _string(), "name": _string(), "description": _string()})),
                        "audiences": _array(named),
                        "regions": _array(code_name),
                        "municipalities": _array(_object({"code": _string(), "name": _string(), "region_code": _string()})),
                    }
                ),
            }
        ),
    }
