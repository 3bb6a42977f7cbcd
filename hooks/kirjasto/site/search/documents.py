"""Pages as the search sees them: items from their rendered, sanitised HTML;
hand-written and index pages from their Markdown."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from kirjasto.content.body_sections import body_sections
from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.site.search.postings import SearchDocument

if TYPE_CHECKING:
    from kirjasto.content.model import Library

_FINNISH = messages_in()
PAGE_KIND = _("Sivu")
"""What a result that is not an item is called (an item by its kind: 'Hyvä käytäntö')."""


def markdown_to_text(markdown: str) -> str:
    """Plain words of a hand-written page's Markdown: no links' targets, markup or code
    fences. (Items are indexed from their rendered HTML, `html_to_text`.) Every
    expression is bounded, so no text makes it quadratic."""
    text = re.sub(r"```.{0,20000}?```", " ", markdown, flags=re.DOTALL)
    text = re.sub(r"!?\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)", r"\1", text)
    text = re.sub(r"<[^<>\n]{1,300}>", " ", text)
    return re.sub(r"[#*_`>|{}\[\]()]", " ", text)


def html_to_text(sanitised_html: str) -> str:
    """The words of sanitised HTML (an item's body as the page shows it)."""
    return html.unescape(re.sub(r"<[^>]*>", " ", sanitised_html))


def headings_of(markdown: str) -> tuple[str, ...]:
    return tuple(m.group(1).strip() for m in re.finditer(r"^#{2,6}\s+(.+)$", markdown, re.MULTILINE))


def item_documents(library: Library, *, messages: Messages = _FINNISH) -> list[SearchDocument]:
    """Search documents for every published item, newest first; what the results show
    of them (kind, place, status) in the language of `messages`."""
    from kirjasto.site.pages.listing import newest_first, places_label
    from kirjasto.site.pages.page import url_of

    say = messages.say
    documents = []
    for item in newest_first(library.items, messages=messages):
        kind = say(item.kind.label)
        # Both names of a place, a theme, a level and a target group, whatever the site's
        # language: a search for `Helsingfors` finds Helsinki's items, one for
        # `digital pedagogik` those of Digitaalinen pedagogiikka.
        keywords = (
            kind,
            *(name for t in item.themes for name in dict.fromkeys((t.name, t.name_sv)) if name),
            *(name for m in item.municipalities for name in dict.fromkeys((m.name, m.name_sv)) if name),
            *(name for r in item.all_regions for name in dict.fromkeys((r.name, r.name_sv)) if name),
            *(name for level in item.levels for name in dict.fromkeys((level.name, level.name_sv)) if name),
            *(name for a in item.audience for name in dict.fromkeys((a.name, a.name_sv)) if name),
            *item.organisations,
            *(team.name for team in item.teams),
        )
        documents.append(
            SearchDocument(
                url=url_of(item.src_uri),
                title=item.title,
                summary=item.summary,
                kind=kind,
                place=places_label(item, messages=messages),
                status=say(item.status_label) if item.status_label else "",
                language=item.language,
                headings=tuple(section.heading_text for section in body_sections(item.body_html) if section.level),
                keywords=keywords,
                # The year wheel's rows are on the page too, and found like its text.
                body=" ".join(
                    [
                        html_to_text(item.body_html),
                        *(f"{row.label} {row.title} {row.role or ''} {row.description or ''}" for row in item.vuosikello),
                    ]
                ),
            )
        )
    return documents


_EXCLUDED_HEADING = re.compile(r"^(#{1,6})\s.*\{[^}\n]*data-search-exclude[^}\n]*\}\s*$")


def without_excluded_sections(markdown: str) -> str:
    """The Markdown without the sections whose heading carries `{ data-search-exclude }`
    (mkdocs-material's convention, with attr_list): e.g. search help that quotes typos,
    which would otherwise be found by those very typos."""
    kept: list[str] = []
    skipping = 0
    for line in markdown.splitlines():
        heading = re.match(r"^(#{1,6})\s", line)
        if skipping and heading and len(heading.group(1)) <= skipping:
            skipping = 0
        excluded = _EXCLUDED_HEADING.match(line)
        if excluded:
            skipping = len(excluded.group(1))
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def search_documents(library: Library, pages: list[SearchDocument], *, messages: Messages = _FINNISH) -> list[SearchDocument]:
    """What the index numbers: the items newest first (document N is catalogue item N,
    for the same `messages`), then the other pages by address, so that every engine
    writes the same index."""
    return with_pages(item_documents(library, messages=messages), pages)


def with_pages(items: list[SearchDocument], pages: list[SearchDocument]) -> list[SearchDocument]:
    """The items' documents, then the other pages by address (`search_documents`)."""
    return items + sorted(pages, key=lambda page: page.url)


def own_title(front_matter_title: object, body: str, fallback: str) -> str:
    """A page's own title as every engine sees it: its front matter's `title`, else its
    first `# ` heading (never the nav's shorter label, which only MkDocs applies)."""
    if front_matter_title:
        return str(front_matter_title)
    return next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), fallback)


def page_document(
    url: str, title: str, markdown: str, description: str | None, *, messages: Messages = _FINNISH
) -> SearchDocument:
    """A hand-written or index page: its description (or first paragraph) is the snippet;
    the results call it a page in the language of `messages`."""
    markdown = without_excluded_sections(markdown)
    text = markdown_to_text(re.sub(r"<!--.*?-->", " ", markdown, flags=re.DOTALL))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip() and not p.lstrip().startswith(("-", "|", ":"))]
    summary = description or (" ".join(paragraphs[1].split())[:240] if len(paragraphs) > 1 else "")
    return SearchDocument(
        url=url, title=title, summary=summary, kind=messages.say(PAGE_KIND), headings=headings_of(markdown), body=text
    )
