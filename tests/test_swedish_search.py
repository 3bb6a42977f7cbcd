"""Search in Swedish (issue 20): Swedish text is indexed with Swedish base forms and
compound parts, each site has an index in its own language, and the Swedish side's
search box finds the Swedish items by what teachers type, measured with the same
kinds of query sets as the Finnish search (tests/search/fragor.yml,
tests/search/larares-sokningar.yml).

Swedish queries are stemmed in the browser by docs/javascripts/haku-vartalo-sv.js,
a port of the Swedish Snowball stemmer of the Python package snowballstemmer 3.1.1; it must
give exactly Python's stem, or a query would miss the words indexed under that stem."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import snowballstemmer

from browser import StaticServer, browser_stems, dictionary_words
from conftest import REPOSITORY_ROOT
from kirjasto.content import load_library
from kirjasto.site.search import Analyser, markdown_to_text, rank_query
from kirjasto.tools.search_quality import load_queries, recall

SEARCH_DIR = Path(__file__).parent / "search"
BASE_FORM_QUERIES = load_queries(SEARCH_DIR / "fragor.yml")
TEACHER_QUERIES = load_queries(SEARCH_DIR / "larares-sokningar.yml")

# Words that exercise each rule: the "et" condition and its exceptions ("paket", "budget"),
# "-ets", "-s" after an s-ending letter, "öst" -> "ös", "fullt" -> "full", consonant pairs.
TRICKY_WORDS = [
    "nätverket", "nätverkets", "tutorlärarna", "skolornas", "fullt", "kompetensutveckling", "högst", "hälsans", "paket",
    "paketets", "budget", "budgets", "raket", "kommunikationer", "möjligheterna", "skolans", "elevens", "storleken",
    "kvalitet", "kvalitets", "aktivitet", "societet", "kvittot", "kvitt", "grönt", "trött", "stödd", "vägledningen",
    "undervisning", "anmäld", "lärande", "lärares", "stadiet", "stadiets", "huset", "husets", "barnet", "ämnets",
    "mest", "nyast", "tjuvöst", "glöst", "lös", "farligt", "härligt", "personligt", "dagens", "ikkes", "a", "as", "et",
    "ets", "s", "",
]  # fmt: skip


def test_browser_swedish_stemmer_gives_the_python_stem(browser, site):
    # Every 5th word form of simplemma's Swedish dictionary, and the hand-picked words.
    words = sorted(dictionary_words("sv", 5) | set(TRICKY_WORDS))
    stems = browser_stems(browser, site, "haku-vartalo-sv.js", words)
    python = snowballstemmer.stemmer("swedish").stemWords(words)
    different = [(w, p, s) for w, p, s in zip(words, python, stems, strict=True) if p != s]
    print(f"\nSwedish stems compared: {len(words)}, different: {len(different)}")
    assert len(words) > 100_000 and different == []


# --- the analyser ----------------------------------------------------------------------


def terms(word: str, language: str = "sv") -> set[str]:
    return {term for term, _ in Analyser(language).terms(word)}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("tutorlärarna", {"tutorlärarna", "tutorlärare", "lärare"}),
        ("nätverken", {"nätverk"}),
        ("kommunernas", {"kommun"}),
        ("utvecklingsarbetet", {"utvecklingsarbete", "arbete", "utveckling"}),
        ("lärarnätverken", {"lärarnätverk", "nätverk"}),
        ("handledningen", {"handledning", "ledning"}),
        ("lärmiljöer", {"lärmiljö", "miljö"}),
    ],
)
def test_swedish_words_are_indexed_with_base_forms_and_compound_parts(word, expected):
    assert expected <= terms(word)


def test_swedish_stop_words_are_not_indexed_and_finnish_analysis_is_unchanged():
    assert terms("och") == set() and terms("att") == set() and terms("också") == set()
    assert {"kunta"} <= terms("kunnissa", "fi") and {"opettaja"} <= terms("tutoropettajien", "fi")


# --- the query sets ----------------------------------------------------------------------


def item_words(slug: str) -> str:
    item = load_library(REPOSITORY_ROOT).library.by_slug[slug]
    names = [name for theme in item.themes for name in (theme.name, theme.name_sv or "")]
    return " ".join([item.title, item.summary, markdown_to_text(item.body), *names]).lower()


def test_swedish_query_sets_cover_every_kind_of_difficulty_and_ask_for_swedish_items():
    library = load_library(REPOSITORY_ROOT).library
    kinds = [query.kind for query in TEACHER_QUERIES]
    assert len(BASE_FORM_QUERIES) >= 20 and len(TEACHER_QUERIES) >= 35
    for kind in ("taivutus", "yhdyssana", "kirjoitusvirhe", "osittainen", "synonyymi"):
        assert kinds.count(kind) >= 6, kind
    wanted = {query.wanted for query in BASE_FORM_QUERIES + TEACHER_QUERIES}
    assert {library.by_slug[slug].language for slug in wanted} == {"sv"}
    assert len({query.text for query in TEACHER_QUERIES}) == len(TEACHER_QUERIES)


def test_swedish_base_form_queries_are_only_inflected_in_their_items():
    for query in BASE_FORM_QUERIES:
        assert not re.search(rf"(?<![a-zåäö]){re.escape(query.text)}(?![a-zåäö])", item_words(query.wanted)), query


# --- the Swedish side's index -------------------------------------------------------------


@pytest.fixture(scope="module")
def swedish_site(swedish_build) -> Path:
    return swedish_build[1]


def index_files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in (site / "haku-indeksi").rglob("*.json")}


def found_urls(site: Path, query: str) -> list[str]:
    items = json.loads((site / "data/luettelo.json").read_text("utf-8"))["items"]  # document N is catalogue item N
    top, _ = rank_query(index_files(site), query, 5)
    return [items[n][2] for n in top if n < len(items)]


def test_each_side_has_an_index_in_its_own_language(site, swedish_site):
    finnish = json.loads((site / "haku-indeksi/meta.json").read_text("utf-8"))
    swedish = json.loads((swedish_site / "haku-indeksi/meta.json").read_text("utf-8"))
    assert finnish["language"] == "fi" and swedish["language"] == "sv"
    assert {"och", "att"} <= set(swedish["stop"]) and "ja" in finnish["stop"]


def test_every_text_is_analysed_in_its_own_language_on_either_side(site, swedish_site):
    # A Finnish item on the Swedish side keeps its Finnish base forms, and a Swedish
    # item on the Finnish side its Swedish ones.
    assert "kaytannot/satakunnan-tutoryhteistyo/" in found_urls(swedish_site, "kunta")
    assert "verkostot/helsingfors-tutorlarare-i-grundlaggande-utbildningen/" in found_urls(site, "tutorlärare")
    assert "kaytannot/helsingfors-natverk-for-utvecklarlarare/" in found_urls(site, "nätverk")


# --- in the browser: the real search box on the Swedish side ---------------------------


@pytest.mark.parametrize("queries", [BASE_FORM_QUERIES, TEACHER_QUERIES], ids=["base-forms", "teachers"])
def test_swedish_queries_find_their_item_in_the_first_five(browser, swedish_site, queries):
    with StaticServer(swedish_site) as server:
        outcomes = recall(browser, server.origin, queries)
    missed = [(o.query.kind, o.query.text, o.top) for o in outcomes if not o.found]
    share = 1 - len(missed) / len(outcomes)
    print(f"\nSwedish recall@5 over {len(outcomes)} queries: {share:.0%}")
    assert share >= 0.95, missed


def test_swedish_results_mark_the_inflected_words_they_were_found_by(browser, swedish_site):
    with StaticServer(swedish_site) as server:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(f"{server.origin}/")
        page.fill("#kk-haku-kentta", "tutorlärarnas")
        page.wait_for_function("() => document.querySelector('.kk-haku').dataset.kkHaettu === 'tutorlärarnas'")
        marks = {text.lower() for text in page.locator("#kk-haku-tulokset mark").all_inner_texts()}
        page.close()
    assert marks & {"tutorlärarna", "tutorläraren", "tutorlärare"}, marks
