"""Pages' words to index terms: each word once per page, at the weight of the most
important field it is in (`WEIGHTS`), under every term the analyser of the text's
language gives it (index.py writes the terms into the index files)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kirjasto.site.search.analysis import _WORD, Analyser, language_of, stem_of

WEIGHTS = {"title": 10, "keywords": 6, "summary": 5, "headings": 4, "body": 1}


@dataclass(frozen=True)
class SearchDocument:
    """One page as the search sees it."""

    url: str
    """Site-relative URL, e.g. `kaytannot/nimi/`."""
    title: str
    summary: str
    """Shown under the title in the results, unless a snippet of the text is better."""
    kind: str = ""
    """Shown in the results: 'Hyvä käytäntö', 'Sivu' ..."""
    headings: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    """Metadata names: themes, places, levels, kind."""
    body: str = ""
    place: str = ""
    """Where the item is from, as the results show it ('Hämeenlinna', 'Koko Suomi')."""
    status: str = ""
    """The item's status label ('Käynnissä'); empty for pages."""
    language: str = ""
    """The language of the text (`fi`, `sv`); empty: the index's own."""


Postings = dict[str, dict[int, float]]
"""{term: {document number: best score}}."""


@dataclass
class TermTable:
    """What the documents' words became: the terms' postings, and each term's base form
    in the language of the text it came from (the related table links the two)."""

    postings: Postings = field(default_factory=dict)
    base_forms: dict[str, str] = field(default_factory=dict)
    languages: set[str] = field(default_factory=set)
    """The languages analysed."""


def document_postings(
    documents: list[SearchDocument], language: str = "fi", first: int = 0, into: TermTable | None = None
) -> TermTable:
    """The terms of `documents`, numbered from `first`, added to `into`: a word counts
    once per document, at the weight of the most important field it is in. Each text
    is analysed in its own language (`language`, the index's, when it names none).
    Also computes every new term's stem in the index's language, which it needs next."""
    table = into if into is not None else TermTable()
    postings = table.postings
    scorers: dict[str, _ScoredTerms] = {}
    for number, document in enumerate(documents, start=first):
        text_language = language_of(document.language or language)
        scored = scorers.get(text_language)
        if scored is None:
            scored = scorers[text_language] = _ScoredTerms(Analyser(text_language))
            table.languages.add(text_language)
        # Each word once, at the weight of the most important field it is in (a term's
        # score is that weight times the term's factor, so the best field decides).
        best: dict[str, int] = {}
        for name in FIELD_ORDER:
            weight = WEIGHTS[name]
            for word in _WORD.findall(_field_text(document, name)):
                if best.get(word, 0) < weight:
                    best[word] = weight
        for word, weight in best.items():
            for term, score in scored.of(word, weight):
                found = postings.get(term)
                if found is None:
                    found = postings[term] = {}
                    stem_of(term, language)
                    table.base_forms[term] = scored.analyser.base_form(term)
                if found.get(number, 0) < score:
                    found[number] = score
    return table


FIELD_ORDER = ("title", "keywords", "summary", "headings", "body")


def _field_text(document: SearchDocument, name: str) -> str:
    if name == "keywords":
        return " ".join(document.keywords)
    if name == "headings":
        return " ".join(document.headings)
    return str(getattr(document, name))


class _ScoredTerms:
    """A word's index terms with their scores at one field weight, worked out once per
    (word, weight): a library repeats the same words thousands of times."""

    def __init__(self, analyser: Analyser) -> None:
        self.analyser = analyser
        self.known: dict[tuple[str, int], tuple[tuple[str, float], ...]] = {}

    def of(self, word: str, weight: int) -> tuple[tuple[str, float], ...]:
        found = self.known.get((word, weight))
        if found is None:
            found = self.known[(word, weight)] = tuple(
                (term, round(weight * factor, 1)) for term, factor in self.analyser.terms(word)
            )
        return found
