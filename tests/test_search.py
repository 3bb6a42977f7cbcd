"""Search that understands what teachers type (issues 9 and 17): base forms and
compound parts are indexed, queries are stemmed in the browser with the same
Snowball algorithm as the index, typos and unfinished words are forgiven, and a
first query stays light at 10,000 items. Two query sets are measured in the real
search box: tests/search/kyselyt.yml (base forms, also against the theme's own
search) and tests/search/opettajien-haut.yml (what teachers type)."""

from __future__ import annotations

import dataclasses
import json
import random
import re
import statistics
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from browser import StaticServer, browser_stems, dictionary_words
from conftest import REPOSITORY_ROOT, copy_repository, mkdocs_build
from kirjasto.content import Library, load_library
from kirjasto.site.search import (
    Analyser,
    build_search_index,
    item_documents,
    markdown_to_text,
    stem_of,
    term_postings,
)
from kirjasto.tools.search_quality import (
    engine_first_query_bytes,
    first_query_bytes,
    load_queries,
    recall,
    search_box_results,
)

SEARCH_DIR = Path(__file__).parent / "search"
QUERIES = yaml.safe_load((SEARCH_DIR / "kyselyt.yml").read_text("utf-8"))
TEACHER_QUERIES = load_queries(SEARCH_DIR / "opettajien-haut.yml")
ARTIFACTS = REPOSITORY_ROOT / "test-artifacts"
THEME_SEARCH_CONFIG = """\
INHERIT: mkdocs.yml
plugins:
  - search:
      lang: fi
extra:
  kirjasto:
    search: theme
"""
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def terms(word: str) -> set[str]:
    return {term for term, _ in Analyser("fi").terms(word)}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("kunnissa", {"kunnissa", "kunta"}),
        ("tutoropettajien", {"tutoropettaja", "opettaja"}),
        ("varhaiskasvatuksen", {"varhaiskasvatus", "kasvatus"}),
        ("kehittäjäopettajaverkostot", {"kehittäjäopettajaverkosto", "verkosto"}),
        ("Hämeenlinnassa", {"hämeenlinna"}),
    ],
)
def test_words_are_indexed_with_base_forms_and_compound_parts(word, expected):
    assert expected <= terms(word)


def test_stop_words_are_not_indexed():
    assert terms("ja") == set() and terms("että") == set()


def test_query_set_has_only_inflected_forms_in_the_items():
    library = load_library(REPOSITORY_ROOT).library
    assert len(QUERIES) >= 40
    for case in QUERIES:
        item = library.by_slug[case["kuvaus"]]
        text = " ".join([item.title, item.summary, markdown_to_text(item.body), *(t.name for t in item.themes)]).lower()
        assert not re.search(rf"(?<![a-zåäö]){re.escape(case['kysely'])}(?![a-zåäö])", text), case


def test_teachers_query_set_covers_every_kind_of_difficulty():
    library = load_library(REPOSITORY_ROOT).library
    kinds = [query.kind for query in TEACHER_QUERIES]
    assert len(TEACHER_QUERIES) >= 60
    for kind in ("taivutus", "yhdyssana", "kirjoitusvirhe", "osittainen", "synonyymi"):
        assert kinds.count(kind) >= 8, kind
    assert {query.wanted for query in TEACHER_QUERIES} <= set(library.by_slug)
    assert len({query.text for query in TEACHER_QUERIES}) == len(TEACHER_QUERIES)


def test_sections_marked_data_search_exclude_are_left_out_of_the_index():
    from kirjasto.site.search import page_document

    markdown = "# Haku\n\nRajaa kuvauksia.\n\n## Ohje { data-search-exclude }\n\nvuosikelo\n\n### Alakohta\n\ntutoropetaja\n\n## Lopuksi\n\nPalaute."
    document = page_document("haku/", "Haku", markdown, None)
    assert "vuosikelo" not in document.body and "tutoropetaja" not in document.body
    assert "Rajaa kuvauksia" in document.body and "Palaute" in document.body


# --- the index files ------------------------------------------------------------------


def test_index_holds_base_forms_compound_parts_and_real_text():
    library = load_library(REPOSITORY_ROOT).library
    documents = item_documents(library)
    files = build_search_index(documents)
    slugs = [d.url.split("/")[1] for d in documents]
    for term, slug in (
        ("kunta", "satakunnan-tutoryhteistyo"),
        ("opettaja", "helsinki-perusopetuksen-tutoropettajat"),
        ("erityisopettaja", "hameenlinna-konsultoivien-verkosto"),
    ):
        assert slug in [slugs[n] for n in term_postings(files, term)], term
    details = json.loads(files["haku-indeksi/d-0.json"])[0]
    assert details[0] == documents[0].url and details[2] == documents[0].summary, "snippets come from the real text"
    assert details[3:6] == [documents[0].kind, documents[0].place, documents[0].status]


def test_search_documents_are_the_catalogue_items_in_the_same_order():
    """The catalogue's text field uses the search: document N must be catalogue item N."""
    from kirjasto.site.catalogue import catalogue_json

    library = load_library(REPOSITORY_ROOT).library
    items = catalogue_json(library)["items"]
    assert [row[2] for row in items] == [d.url for d in item_documents(library)][: len(items)]


def test_synonyms_find_pages_that_use_the_other_word():
    library = load_library(REPOSITORY_ROOT).library
    documents = item_documents(library)
    files = build_search_index(documents)
    assert term_postings(files, "ekaluokkalainen") == {}, "the word itself is not in the text"
    synonym = term_postings(files, "~ekaluokkalainen")
    slugs = {documents[n].url.split("/")[1] for n in synonym}
    assert "hameenlinna-katseet-koulutulokkaisiin" in slugs
    own = term_postings(files, "koulutulokas")
    assert set(synonym) == set(own) and all(synonym[n] < own[n] for n in own), "a synonym ranks below the word"


def synthetic_library(size: int) -> Library:
    real = load_library(REPOSITORY_ROOT).library
    rng = random.Random(7)
    municipalities = list(real.vocabularies.municipalities.values())
    sentences = [s for item in real.items for s in re.split(r"(?<=[.!?])\s+", markdown_to_text(item.body)) if len(s) > 40]
    items = []
    for number in range(size):
        base = real.items[number % len(real.items)]
        body = (
            "## Tavoitteet\n\n"
            + " ".join(rng.sample(sentences, 12))
            + "\n\n## Toteutus\n\n"
            + " ".join(rng.sample(sentences, 12))
        )
        items.append(
            dataclasses.replace(
                base,
                slug=f"{base.slug}-{number}",
                title=f"{base.title} {number}",
                municipalities=(rng.choice(municipalities),),
                regions=(),
                body=body,
            )
        )
    return Library(items=tuple(items), vocabularies=real.vocabularies)


@pytest.fixture(scope="module")
def index_10000():
    return build_search_index(item_documents(synthetic_library(10_000)))


def test_no_index_file_is_over_200_kb_at_10000_items(index_10000):
    sizes = {path: len(text.encode()) for path, text in index_10000.items()}
    assert max(sizes.values()) <= 200_000, max(sizes, key=sizes.__getitem__)


def test_first_query_downloads_little_at_10000_items(browser, site, index_10000):
    """Median and worst first-query download (gzip) over the teachers' queries and a
    few of the most common words, in the browser, nothing cached."""
    texts = [query.text for query in TEACHER_QUERIES] + ["opettaja", "kunta", "koulu", "digi", "ke", "di"]

    def from_memory(route):
        path = "haku-indeksi/" + route.request.url.split("haku-indeksi/", 1)[1].split("?", 1)[0]
        route.fulfill(body=index_10000.get(path, "{}"), content_type="application/json")

    with StaticServer(site) as server:
        page = browser.new_page()
        page.route("**/haku-indeksi/**", from_memory)
        page.goto(f"{server.origin}/")
        sizes = engine_first_query_bytes(page, texts)
        # The real search box, nothing cached, agrees for the heaviest query.
        heaviest = max(sizes, key=sizes.__getitem__)
        assert first_query_bytes(browser, server.origin, [heaviest], route=from_memory)[heaviest] == sizes[heaviest]
        page.close()
    median, worst = statistics.median(sizes.values()), max(sizes.values())
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "haku-10000.json").write_text(
        json.dumps({"median_gzip": median, "worst_gzip": worst, "queries": sizes}, indent=1, ensure_ascii=False),
        encoding="utf-8",
    )
    print(f"\nfirst query at 10,000 items: median {median / 1024:.1f} KB, worst {worst / 1024:.1f} KB gzip")
    assert worst <= 150_000, max(sizes, key=sizes.__getitem__)
    assert median <= 60_000


# --- the stemmer: the browser's equals Python's --------------------------------------


def test_browser_stemmer_gives_the_python_stem_for_every_indexed_word(browser, site):
    # The whole vocabulary of the built site's index (items and pages; not the "~" synonym entries).
    shards = (site / "haku-indeksi").glob("t-*.json")
    vocabulary = {term for shard in shards for term, _ in json.loads(shard.read_text("utf-8"))["t"] if term[0] != "~"}
    # Beyond the index: every 20th word form of simplemma's Finnish dictionary.
    words = sorted(vocabulary | dictionary_words("fi", 20))
    stems = browser_stems(browser, site, "haku-vartalo.js", words)
    different = [(w, stem_of(w), s) for w, s in zip(words, stems, strict=True) if stem_of(w) != s]
    print(f"\nstems compared: {len(words)}, different: {len(different)}")
    assert len(words) > 100_000 and different == []


# --- in the browser: the real search box ---------------------------------------------


@pytest.fixture(scope="module")
def theme_search_site(tmp_path_factory):
    """The same repository built with the theme's own search (the change switched off)."""
    root = copy_repository(tmp_path_factory.mktemp("teemahaku") / "repo")
    (root / "teemahaku.yml").write_text(THEME_SEARCH_CONFIG, encoding="utf-8")
    site = root / "site"
    result = mkdocs_build(root, site, "teemahaku.yml")
    assert result.returncode == 0, result.stderr
    return site


def test_teachers_queries_find_their_item_in_the_first_five(browser, site):
    with StaticServer(site) as server:
        outcomes = recall(browser, server.origin, TEACHER_QUERIES)
    missed = [(o.query.kind, o.query.text, o.top) for o in outcomes if not o.found]
    share = 1 - len(missed) / len(outcomes)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "haku-opettajat.json").write_text(
        json.dumps({"queries": len(outcomes), "recall_at_5": share, "missed": missed}, indent=1, ensure_ascii=False),
        encoding="utf-8",
    )
    print(f"\nrecall@5 over {len(outcomes)} teachers' queries: {share:.0%}")
    lost = [o.query.text for o in outcomes if o.query.found_before and not o.found]
    assert lost == [], "found before issue 17, not now"
    assert share >= 0.95, missed


def test_recall_of_base_form_queries_in_the_real_search_box(browser, site):
    queries = load_queries(SEARCH_DIR / "kyselyt.yml")
    with StaticServer(site) as server:
        ours = recall(browser, server.origin, queries)
    share = sum(o.found for o in ours) / len(ours)
    print(f"\nrecall@5 over {len(ours)} base-form queries: {share:.0%}")
    assert share >= 0.95, [o.query.text for o in ours if not o.found]


def test_a_fork_can_keep_the_themes_own_search(browser, theme_search_site):
    """`search: theme`: the theme's search box and index, which find an item by its title's word."""
    with StaticServer(theme_search_site) as server:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(f"{server.origin}/")
        page.wait_for_load_state("networkidle")
        page.fill(".md-search__input", "työkalupaketti")
        found = page.locator('.md-search-result__item > a[href*="/kuopio-digitaalisen-kehittamisen-tyokalupaketti/"]')
        found.first.wait_for(timeout=10_000)
        page.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "tutoropettaja",
            {"helsinki-perusopetuksen-tutoropettajat", "satakunnan-tutoryhteistyo", "tutoropettajuuden-hyvat-kaytannot-muistio"},
        ),
        ("kunta", {"satakunnan-tutoryhteistyo", "tutoropettajuuden-hyvat-kaytannot-muistio"}),
        ("vuosikello", {"kuopio-digitaalisen-kehittamisen-tyokalupaketti"}),
        ("konsultoiva erityisopettaja", {"hameenlinna-konsultoivien-verkosto"}),
        (
            "varhaiskasvatus",
            {"helsinki-asiantuntijaopettajat", "hameenlinna-konsultoivien-verkosto", "helsinki-kehittajaopettajaverkostot"},
        ),
    ],
)
def test_a_teachers_searches_find_the_items_that_talk_about_them(browser, site, query, expected):
    with StaticServer(site) as server:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(f"{server.origin}/kunnat/")
        found = search_box_results(page, query)[:10]
        page.close()
    assert expected <= set(found), found


@pytest.fixture()
def search_page(browser, site):
    with StaticServer(site) as server:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(f"{server.origin}/")
        page.wait_for_load_state("networkidle")
        yield page
        page.close()


def test_results_show_kind_place_status_and_a_marked_snippet(search_page):
    search_box_results(search_page, "kunnissa")
    every = [f.text_content() for f in search_page.locator("#kk-haku-tulokset .kk-haku-tyyppi").all()]
    facts = next(f for f in every if f.startswith(("Hyvä käytäntö", "Verkosto")))
    assert re.match(r"(Hyvä käytäntö|Verkosto|Materiaali) · .+ · .+", facts), facts
    marked = [m.text_content().lower() for m in search_page.locator("#kk-haku-tulokset mark").all()]
    assert marked and all("kun" in word for word in marked), marked
    # The snippet is cut from the text around the match, not always the summary.
    search_box_results(search_page, "keskussairaala")
    snippet = search_page.locator("#kk-haku-tulokset li.md-search-result__item p").nth(1).inner_html()
    assert "<mark>" in snippet and snippet.startswith("…"), snippet


def test_marking_never_breaks_the_escaping(search_page):
    html = search_page.evaluate(
        """async () => { const k = await import("./javascripts/haku-katkelma.js");
        const { stem } = await import("./javascripts/haku-vartalo.js");
        const test = k.matcher(["amp", "lt", "tutor"], [], stem);
        return [k.highlight('AT&T <b>tutor</b> "lt" amp', test), k.snippet("x &amp; tutorit <i>", test, 50)]; }"""
    )
    assert html[0] == "AT&amp;T &lt;b&gt;<mark>tutor</mark>&lt;/b&gt; &quot;<mark>lt</mark>&quot; <mark>amp</mark>"
    # "&amp;" in the text is the text's own: its "amp" is marked after the escaped "&".
    assert html[1] == "x &amp;<mark>amp</mark>; <mark>tutorit</mark> &lt;i&gt;"


def test_partial_matches_are_shown_and_named(search_page):
    search_box_results(search_page, "tutoropettaja qxzyvw")
    assert search_page.locator(".kk-haku-osittaiset h2").text_content() == "Osittaiset osumat"
    assert "osalla hakusanoista" in search_page.text_content("#kk-haku-tila")
    assert "Ei sanaa: qxzyvw" in search_page.text_content("#kk-haku-tulokset")


def test_typos_and_unfinished_words_are_forgiven(search_page):
    assert "kuopio-digitaalisen-kehittamisen-tyokalupaketti" in search_box_results(search_page, "vuosikelo")[:3]
    assert "hameenlinna-katseet-koulutulokkaisiin" in search_box_results(search_page, "koulutulok")[:3]
    # The longest indexed prefix of five letters or more.
    assert "hameenlinna-konsultoivien-verkosto" in search_box_results(search_page, "konsultoivuudesta")[:5]
    # A compound the text does not have, split into words it has.
    assert "hameenlinna-katseet-koulutulokkaisiin" in search_box_results(search_page, "verkostomessut")[:5]


def test_the_search_links_to_its_help(search_page):
    search_box_results(search_page, "tutor")
    help_link = search_page.locator(".kk-haku-ohje a")
    assert help_link.get_attribute("href").endswith("haku/#mita-haku-ymmartaa")
    help_link.click()
    assert search_page.locator("#mita-haku-ymmartaa").text_content().startswith("Mitä haku ymmärtää")


def test_refine_link_opens_the_same_search_in_the_catalogue(search_page):
    found = search_box_results(search_page, "tutoropettajille")
    link = search_page.locator("#kk-haku-rajaa a")
    assert link.is_visible() and link.text_content() == "Rajaa tuloksia"
    link.click()
    search_page.wait_for_selector("#kk-luettelo[data-valmis]")
    assert search_page.input_value("#kk-haku-teksti") == "tutoropettajille"
    listed = [a.get_attribute("href").rstrip("/").split("/")[-1] for a in search_page.locator("#kk-tulos-lista a").all()]
    items = [slug for slug in found if slug in listed]
    assert items and listed[: len(items)] == items, (found, listed)
    search_page.locator(".kk-fasetti summary", has_text="Tyyppi").click()
    search_page.check("input[name=tyyppi][value=verkostot]")
    narrowed = [a.get_attribute("href") for a in search_page.locator("#kk-tulos-lista a").all()]
    assert narrowed and all("/verkostot/" in href for href in narrowed)


def test_search_works_under_the_sites_csp_without_webassembly(search_page):
    policy = search_page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "wasm-unsafe-eval" not in policy and "unsafe-eval" not in policy
    errors: list[str] = []
    search_page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    assert search_box_results(search_page, "opettajille")
    assert errors == []


def test_results_list_passes_axe(search_page):
    search_box_results(search_page, "tutoropettaja qxzyvw")
    results = Axe().run(search_page, context=".kk-haku", options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = results.response["violations"]
    assert violations == [], [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in violations]


def test_results_appear_within_300_ms_at_10000_items(browser, site, index_10000):
    """The first search of a visit (nothing cached) against a 10,000-item index, served locally."""
    files = index_10000
    timings = {}
    with StaticServer(site) as server:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.route(
            "**/haku-indeksi/**",
            lambda route: route.fulfill(
                body=files.get("haku-indeksi/" + route.request.url.split("haku-indeksi/", 1)[1].split("?", 1)[0], "{}"),
                content_type="application/json",
            ),
        )
        for query in ("tutoropettaja", "kunta", "konsultoiva erityisopettaja"):
            page.goto(f"{server.origin}/")
            page.wait_for_load_state("networkidle")
            timings[query] = page.evaluate(
                """async (q) => { const t = performance.now(); await window.kirjastoHaku(q);
                return performance.now() - t; }""",
                query,
            )
            assert page.locator("#kk-haku-tulokset li").count() == 10
        page.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "haku-aika-10000.json").write_text(json.dumps(timings), encoding="utf-8")
    print("\nfirst search at 10,000 items, ms:", {q: round(t) for q, t in timings.items()})
    # The goal is 300 ms (reported above and in the artifact); the assertion only
    # guards against a hang, because CI machines are shared and noisy.
    assert max(timings.values()) < 1500


def test_a_pasted_paragraph_fetches_a_bounded_part_of_the_index(search_page):
    requested: list[str] = []
    search_page.on("request", lambda request: requested.append(request.url) if "haku-indeksi" in request.url else None)
    paragraph = " ".join(["tutoropettajat kunnissa vuosikello", "x" * 5000, *(f"sana{n}" for n in range(300))])
    search_box_results(search_page, paragraph)
    shards = {url for url in requested if "/t-" in url}
    assert len(shards) <= 40, len(shards)


def test_index_prepared_from_the_items_early_equals_the_index_built_at_once():
    """The build prepares the items' postings while pages render, then adds the pages."""
    from kirjasto.site.search import _finish, _prepare, page_document

    library = load_library(REPOSITORY_ROOT).library
    items = item_documents(library)
    pages = [page_document("sivu/", "Sivu", "# Sivu\n\nKunnissa tutoroidaan.", None)]
    _prepare(items, "fi")
    assert _finish(items + pages) == build_search_index(items + pages)
    _prepare(items[1:], "fi")
    assert _finish(items + pages) == build_search_index(items + pages), "different items: built from scratch"
