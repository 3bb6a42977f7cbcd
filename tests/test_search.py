"""Search that understands Finnish: base forms and compound parts are indexed,
snippets stay real text, a 50-query set is measured in the real search box
against the theme's own search, and a first search stays under 1 MB at 10,000
items."""

from __future__ import annotations

import dataclasses
import gzip
import json
import random
import re
from pathlib import Path

import pytest
import yaml

from browser import StaticServer
from conftest import REPOSITORY_ROOT, copy_repository, mkdocs_build
from kirjasto.content import Library, load_library
from kirjasto.site.search import FinnishAnalyser, build_search_index, item_documents, markdown_to_text, rank_query

QUERIES = yaml.safe_load((Path(__file__).parent / "search/kyselyt.yml").read_text("utf-8"))
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


def terms(word: str) -> set[str]:
    return {term for term, _ in FinnishAnalyser().terms(word)}


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


# --- the sharded index, read the way docs/javascripts/haku.js reads it -------------


def test_index_finds_base_forms_compound_parts_and_shows_real_text():
    library = load_library(REPOSITORY_ROOT).library
    documents = item_documents(library)
    files = build_search_index(documents)
    for query, slug in (
        ("kunta", "satakunnan-tutoryhteistyo"),
        ("opettaja", "helsinki-perusopetuksen-tutoropettajat"),
        ("konsultoiva erityisopettaja", "hameenlinna-konsultoivien-verkosto"),
    ):
        ranked, _ = rank_query(files, query)
        assert slug in [documents[d].url.split("/")[1] for d in ranked], query
    chunk = json.loads(files["haku-indeksi/d-0.json"])
    assert [row[2] for row in chunk] == [d.summary for d in documents[: len(chunk)]], "snippets are the real summaries"


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


def test_first_search_downloads_under_1_mb_at_10000_items():
    files = build_search_index(item_documents(synthetic_library(10_000)))
    gzipped = {path: len(gzip.compress(text.encode("utf-8"))) for path, text in files.items()}
    report = {
        "files": len(files),
        "total_raw": sum(len(t.encode()) for t in files.values()),
        "total_gzip": sum(gzipped.values()),
        "queries": {},
    }
    for query in ("tutoropettaja", "kunta", "vuosikello", "varhaiskasvatus", "konsultoiva erityisopettaja", "opettaja"):
        _, fetched = rank_query(files, query)
        raw = sum(len(files[p].encode()) for p in fetched if p in files)
        report["queries"][query] = {"raw": raw, "gzip": sum(gzipped[p] for p in fetched if p in gzipped)}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "haku-10000.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    print("\nsearch payload at 10,000 items:", json.dumps(report["queries"]), "whole index gzip:", report["total_gzip"])
    assert max(q["gzip"] for q in report["queries"].values()) < 1_000_000


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


def top_pages(page, query: str, input_selector: str, results_selector: str, limit: int = 5) -> list[str]:
    page.fill(input_selector, "")
    page.fill(input_selector, query)
    if input_selector == "#kk-haku-kentta":
        # Our search says which text its results answer; the theme's gets a fixed wait.
        page.wait_for_function("q => document.querySelector('.kk-haku').dataset.kkHaettu === q", arg=query)
    else:
        page.wait_for_timeout(400)
    hrefs = []
    for link in page.locator(results_selector).all():
        href = re.sub(r"#.*$", "", link.get_attribute("href") or "")
        if href and href not in hrefs:
            hrefs.append(href)
    return hrefs[:limit]


def recall(browser, site: Path, input_selector: str, results_selector: str) -> tuple[float, list[str]]:
    with StaticServer(site) as server:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(f"{server.origin}/")
        page.wait_for_load_state("networkidle")
        missed = []
        for case in QUERIES:
            pages = top_pages(page, case["kysely"], input_selector, results_selector)
            if not any(f"/{case['kuvaus']}/" in href for href in pages):
                missed.append(case["kysely"])
        page.close()
    return 1 - len(missed) / len(QUERIES), missed


def test_recall_of_base_form_queries_in_the_real_search_box(browser, site, theme_search_site):
    ours, missed = recall(browser, site, "#kk-haku-kentta", "#kk-haku-tulokset a")
    theirs, theirs_missed = recall(browser, theme_search_site, ".md-search__input", ".md-search-result__item > a")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "haku-recall.json").write_text(
        json.dumps(
            {
                "queries": len(QUERIES),
                "kirjasto": ours,
                "kirjasto_missed": missed,
                "theme": theirs,
                "theme_missed": theirs_missed,
            },
            indent=1,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    print(f"\nrecall@5 over {len(QUERIES)} base-form queries: kirjasto {ours:.0%}, theme search {theirs:.0%}")
    assert ours >= 0.95, missed


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
        found = top_pages(page, query, "#kk-haku-kentta", "#kk-haku-tulokset a", limit=10)
        page.close()
    slugs = {href.rstrip("/").split("/")[-1] for href in found}
    assert expected <= slugs, found


def test_results_appear_within_300_ms_at_10000_items(browser, site):
    """The first search of a visit (nothing cached) against a 10,000-item index, served locally."""
    files = build_search_index(item_documents(synthetic_library(10_000)))
    timings = {}
    with StaticServer(site) as server:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.route(
            "**/haku-indeksi/**",
            lambda route: route.fulfill(
                body=files.get("haku-indeksi/" + route.request.url.split("haku-indeksi/", 1)[1], "{}"),
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
