"""The "Tee oma vuosikello" page (`<!-- kirjasto:oma-vuosikello -->`): a form in the
browser where a school writes its year wheel, sees it drawn and downloads its
iCalendar file and an item file that `kirjasto validate` accepts as it is. The page
carries the vocabularies and the validator's limits; `docs/javascripts/vuosikello.js`
does the rest, with no server and no third party."""

from __future__ import annotations

from kirjasto.content.field_rules import SUMMARY_MAX_LENGTH, SUMMARY_MAX_SENTENCES, TITLE_LENGTH
from kirjasto.content.messages import SOURCE_LANGUAGE, Messages
from kirjasto.content.model import Kind, Library
from kirjasto.content.vocabularies import Municipality, sorted_by_name
from kirjasto.content.year_wheel import MAX_WHEEL_ROWS, MONTH_NAMES
from kirjasto.site.parts import PartTemplates, script_json

OWN_WHEEL_SCRIPT = "javascripts/vuosikello.js"


def own_wheel_html(library: Library, script_url: str, *, templates: PartTemplates, messages: Messages | None = None) -> str:
    """The page's form and preview, in the language of `messages` (by default the templates' own)."""
    messages = messages or templates.messages
    language = messages.language
    vocabularies = library.vocabularies
    data = {
        "folder": Kind.TOOLKIT.folder,
        "limits": {"titleMin": TITLE_LENGTH[0], "titleMax": TITLE_LENGTH[1], "summaryMax": SUMMARY_MAX_LENGTH,
                   "summarySentences": SUMMARY_MAX_SENTENCES, "rowsMax": MAX_WHEEL_ROWS},
    }  # fmt: skip
    return templates.render(
        "oma-vuosikello",
        data_json=script_json(data),
        levels=[(level.slug, level.name_in(language)) for level in vocabularies.levels.values()],
        themes=[(theme.slug, theme.name_in(language)) for theme in sorted_by_name(vocabularies.themes.values(), language)],
        municipalities=[
            (m.name, _municipality(m, language)) for m in sorted_by_name(vocabularies.municipalities.values(), language)
        ],
        months=[((index + 7) % 12 + 1, messages.say(MONTH_NAMES[(index + 7) % 12])) for index in range(12)],
        title_min=TITLE_LENGTH[0],
        title_max=TITLE_LENGTH[1],
        summary_max=SUMMARY_MAX_LENGTH,
        summary_sentences=SUMMARY_MAX_SENTENCES,
        max_rows=MAX_WHEEL_ROWS,
        script_url=script_url,
    )


def _municipality(municipality: Municipality, language: str) -> str:
    """A municipality as the page's list shows it: by its Finnish name on Finnish pages
    (the value the file gets), as Swedish pages show it on those (`Municipality.shown_in`)."""
    return municipality.name if language == SOURCE_LANGUAGE else municipality.shown_in(language)
