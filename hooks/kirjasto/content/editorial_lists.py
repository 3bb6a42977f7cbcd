"""The editors' lists that live with the content (`practices/teemat.yml`,
`practices/kohderyhmat.yml`), read entry by entry with a problem for each one that
cannot be used."""

from __future__ import annotations

from pathlib import Path

import yaml

from kirjasto.content.messages import SOURCE_LANGUAGE, _, messages_in
from kirjasto.content.problems import Problem
from kirjasto.content.text import slugify
from kirjasto.content.yaml_data import load_yaml


def load_editorial_list(
    path: Path, root: Path, fields: tuple[str, ...], language: str = SOURCE_LANGUAGE, optional: tuple[str, ...] = ()
) -> tuple[list[dict[str, str]], list[Problem]]:
    """Read a list of `slug` + `name` (+ more) entries such as `teemat.yml`; the
    `optional` fields (the Swedish names) may be left out, but one that is given must
    be a text.

    Returns the entries that are complete and a problem (told in `language`) for each
    one that is not. An entry whose optional field is empty or not a text is kept
    without that field (the site shows the Finnish in its place), and the field is
    reported.
    """
    say = messages_in(language).say
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not path.is_file():
        message = say(
            _("Tiedosto puuttuu. Luo se: lista, jonka jokaisella rivillä on kentät {fields}."), fields=", ".join(fields)
        )
        return [], [Problem(shown, 1, None, message, language=language)]
    try:
        entries = load_yaml(path.read_text("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        message = say(
            _("Tiedosto ei ole kelvollista YAMLia ({kind}). Korjaa rivin {line} tienoilta."),
            kind=error.__class__.__name__,
            line=line,
        )
        return [], [Problem(shown, line, None, message, language=language)]
    if not isinstance(entries, list):
        message = say(_("Tiedoston pitää olla lista (jokainen kohta alkaa viivalla '- slug: ...')."))
        return [], [Problem(shown, 1, None, message, language=language)]
    complete: list[dict[str, str]] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        missing = [
            name
            for name in fields
            if not isinstance(entry, dict) or not isinstance(entry.get(name), str) or not entry[name].strip()
        ]
        if missing:
            message = say(
                _("Kohdasta {position} puuttuu {missing}. Anna jokaiselle kohdalle kentät {fields}."),
                position=position,
                missing=", ".join(missing),
                fields=", ".join(fields),
            )
            problems.append(Problem(shown, None, None, message, language=language))
        elif entry["slug"] in seen:
            message = say(_("Tunniste '{slug}' on listalla kahdesti. Poista toinen."), slug=entry["slug"])
            problems.append(Problem(shown, None, "slug", message, language=language))
        elif slugify(entry["slug"]) != entry["slug"]:
            message = say(
                _("Tunniste '{slug}' ei kelpaa. Käytä pieniä kirjaimia a-z, numeroita ja viivoja, esim. '{suggestion}'."),
                slug=entry["slug"],
                suggestion=slugify(entry["slug"]),
            )
            problems.append(Problem(shown, None, "slug", message, language=language))
        else:
            seen.add(entry["slug"])
            unusable = [name for name in optional if name in entry and not _is_text(entry[name])]
            for name in unusable:
                message = say(
                    _("Kohdan {position} kenttä {field} on tyhjä tai ei ole tekstiä. Kirjoita siihen teksti tai poista kenttä."),
                    position=position,
                    field=name,
                )
                problems.append(Problem(shown, None, name, message, language=language))
            complete.append({key: value for key, value in entry.items() if key not in unusable})
    return complete, problems


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
