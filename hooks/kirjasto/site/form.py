"""The submission form ("Ehdota kuvausta"): its HTML and the data its script
needs, both generated from the same vocabularies and limits the validator uses.

The form is plain HTML with labelled fields (`form_fields.py`, written by the
template `kirjasto/lomake.html`); `docs/javascripts/lomake.js` and its parts
`lomake-*.js` check it, write the item file and offer the ways to send it. Without
JavaScript the form stays hidden and the page's own text explains the other ways to
contribute.
"""

from __future__ import annotations

import hashlib
from typing import Any

from kirjasto.content.field_rules import (
    EARLIEST_YEAR,
    MAX_THEMES,
    PHONE_DIGITS,
    PHONE_NUMBER,
    SUMMARY_MAX_LENGTH,
    SUMMARY_MAX_SENTENCES,
    TITLE_LENGTH,
    WEB_URL,
)
from kirjasto.content.item_skeleton import all_hints, body_template
from kirjasto.content.library import items_sorted
from kirjasto.content.library_files import RESERVED_PAGE, RESERVED_SLUGS
from kirjasto.content.messages import Messages, messages_in
from kirjasto.content.model import KINDS_WITH_STATUS, UNKNOWN_STATUS, Kind, Library
from kirjasto.content.settings import LibrarySettings
from kirjasto.content.year_wheel import MAX_WHEEL_ROWS
from kirjasto.site.form_fields import KIND_KEYS, form_fields
from kirjasto.site.parts import PartTemplates, script_json

GITHUB_URL_LIMIT = 7500
"""Characters; GitHub and browsers refuse much longer addresses, so longer files are copied instead."""


FORM_ITEMS_PATH = "data/lomake.json"


HIDDEN_HASH_LENGTH = 16
"""Hex digits kept of each hidden name's SHA-256: 64 bits, no collisions among thousands."""

_FINNISH = messages_in()


def form_items(library: Library) -> dict[str, Any]:
    """The existing items for the form (related-item choices, names already taken), in a
    file of their own so that the form page stays small in a big library.

    A copy that publishes only part of the library must still refuse names taken by
    the items it leaves out, without publishing anything readable about them: those
    names are listed only as salted SHA-256 hashes, which the form compares with the
    hash of the name a contributor chose."""
    salt = "kaytantokirjasto:" + hashlib.sha256(repr(library.scope).encode("utf-8")).hexdigest()[:16] + ":"
    hidden = sorted(
        hashlib.sha256((salt + slug).encode("utf-8")).hexdigest()[:HIDDEN_HASH_LENGTH] for slug in library.out_of_scope
    )
    return {
        "items": [[item.slug, item.title] for item in items_sorted(library.items)],
        "taken": sorted(item.slug for item in library.items),
        "hidden": {"salt": salt, "length": HIDDEN_HASH_LENGTH, "hashes": hidden},
    }


def form_data(
    library: Library, settings: LibrarySettings, items_url: str = FORM_ITEMS_PATH, *, messages: Messages = _FINNISH
) -> dict[str, Any]:
    """Everything the script needs that the HTML does not carry (kinds named in the
    language of `messages`)."""
    repository = settings.repository
    return {
        "kinds": {
            KIND_KEYS[kind]: {
                "folder": kind.folder,
                "label": messages.say(kind.label),
                "body": body_template(kind, messages),
                "hasStatus": kind in KINDS_WITH_STATUS,
            }
            for kind in Kind
        },
        "unknownStatus": UNKNOWN_STATUS,
        "limits": {
            "titleMin": TITLE_LENGTH[0],
            "titleMax": TITLE_LENGTH[1],
            "summaryMax": SUMMARY_MAX_LENGTH,
            "summarySentences": SUMMARY_MAX_SENTENCES,
            "themesMax": MAX_THEMES,
            "earliestYear": EARLIEST_YEAR,
            "githubUrlMax": GITHUB_URL_LIMIT,
            "wheelRowsMax": MAX_WHEEL_ROWS,
            "phoneDigitsMin": PHONE_DIGITS[0],
            "phoneDigitsMax": PHONE_DIGITS[1],
        },
        # The validator's own expressions (the same syntax in JavaScript), not copies of them.
        "patterns": {"webUrl": WEB_URL.pattern, "phone": PHONE_NUMBER.pattern, "reservedPage": RESERVED_PAGE.pattern},
        "reserved": sorted(RESERVED_SLUGS),
        "hints": sorted(all_hints()),
        "municipalities": {m.name: m.region.name for m in library.vocabularies.municipalities.values()},
        "itemsUrl": items_url,
        "repository": {"newFileUrl": repository.new_file_url} if repository else None,
    }


def form_html(
    library: Library,
    settings: LibrarySettings,
    script_url: str,
    items_url: str = FORM_ITEMS_PATH,
    *,
    templates: PartTemplates,
    messages: Messages | None = None,
) -> str:
    """The whole form as one HTML block (a hand-written page includes it with a marker),
    in the language of `messages` (by default the templates' own)."""
    messages = messages or templates.messages
    return templates.render(
        "lomake",
        fields=form_fields(library, messages=messages),
        data_json=script_json(form_data(library, settings, items_url, messages=messages)),
        licence=settings.licence,
        has_repository=settings.repository is not None,
        script_url=script_url,
    )
