"""Page planning without MkDocs: which pages exist and what a reader sees on them."""

from __future__ import annotations

import dataclasses
import html

import pytest

from conftest import front_matter
from kirjasto.content import Library
from kirjasto.site import expand_markers, plan_pages


def pages_of(library) -> dict[str, str]:
    loaded = library.load()
    assert loaded.problems == []
    return {page.src_uri: page.with_html_parts() for page in plan_pages(loaded.library)}


@pytest.fixture
def small_library(library):
    library.write("kaytannot/tutorit.md")
    library.write(
        "verkostot/satakunta.md",
        front_matter(
            title="Satakunnan tutoryhteistyö",
            municipalities="[]",
            status="kaytossa",
            updated="2026-10-01",
        )
        + "regions: [Satakunta]\n",
    )
    library.write(
        "verkostot/porin-tutorit.md",
        front_matter(
            title="Porin tutoropettajat",
            municipalities="[Pori]",
            updated="2025-01-01",
        ),
    )
    library.write(
        "materiaalit/muistio.md",
        front_matter(
            title="Ääkkösillä alkava muistio",
            municipalities="[]",
            status=None,
            themes="[tutoropettajatoiminta, johtaminen]",
        ),
    )
    library.write(
        "materiaalit/zeta.md",
        front_matter(
            title="Zeta-materiaali tutoreille",
            municipalities="[]",
            status=None,
            levels="[lukiokoulutus]",
        ),
    )
    return library


def test_every_index_page_is_planned(small_library):
    pages = pages_of(small_library)
    expected = {
        "kaytannot/index.md",
        "verkostot/index.md",
        "materiaalit/index.md",
        "teemat/index.md",
        "teemat/tutoropettajatoiminta.md",
        "teemat/steam.md",
        "kunnat/index.md",
        "kunnat/hameenlinna.md",
        "kunnat/pori.md",
        "kunnat/valtakunnalliset.md",
        "maakunnat/index.md",
        "maakunnat/satakunta.md",
        "maakunnat/kanta-hame.md",
        "maakunnat/lappi.md",
        "asteet/index.md",
        "asteet/perusopetus.md",
        "asteet/varhaiskasvatus.md",
        "kaytannot/tutorit.md",
        "verkostot/satakunta.md",
        "materiaalit/muistio.md",
    }
    assert expected <= set(pages)
    assert "kunnat/helsinki.md" not in pages, "municipalities without items get no page"


def test_region_page_holds_municipal_and_region_wide_items(small_library):
    page = pages_of(small_library)["maakunnat/satakunta.md"]
    assert '<a href="../../verkostot/porin-tutorit/">Porin tutoropettajat</a>' in page
    assert '<a href="../../verkostot/satakunta/">Satakunnan tutoryhteistyö</a>' in page
    assert "## Verkostot (2)" in page
    assert "[Pori](../kunnat/pori.md) (1)" in page


def test_municipalities_index_groups_by_region_with_counts(small_library):
    page = pages_of(small_library)["kunnat/index.md"]
    assert "## [Satakunta](../maakunnat/satakunta.md) (2 kuvausta)" in page
    assert "- [Pori](pori.md) (1 kuvaus)" in page
    assert "- [Koko maakuntaa koskevat](../maakunnat/satakunta.md) (1 kuvaus)" in page
    assert "## [Valtakunnalliset](valtakunnalliset.md) (2 kuvausta)" in page
    assert page.index("## [Kanta-Häme]") < page.index("## [Satakunta]")


def test_national_items_are_listed_from_municipalities(small_library):
    page = pages_of(small_library)["kunnat/valtakunnalliset.md"]
    assert '<a href="../../materiaalit/muistio/">Ääkkösillä alkava muistio</a>' in page


def test_listing_uses_finnish_alphabetical_order(small_library):
    page = pages_of(small_library)["teemat/tutoropettajatoiminta.md"]
    assert page.index("Zeta-materiaali") < page.index("Ääkkösillä alkava muistio")


def test_listing_entry_shows_summary_kind_place_level_status_and_date(small_library):
    page = pages_of(small_library)["teemat/tutoropettajatoiminta.md"]
    assert '<h3><a href="../../kaytannot/tutorit/">Tutoropettajat tukevat kollegoitaan</a></h3>' in page
    assert "<p>Tutoropettajat auttavat kollegoitaan digitaalisen pedagogiikan käytössä.</p>" in page
    # The date says what it is: written here (no check, no source), never "checked".
    assert '<p class="kk-meta">Hyvä käytäntö · Hämeenlinna · Perusopetus · Käytössä · Kirjoitettu 1.11.2026</p>' in page
    assert "Verkosto · Satakunta (maakunta) ·" in page
    assert "Materiaali · Valtakunnallinen · Lukiokoulutus · Kirjoitettu" in page


def test_kind_page_lists_newest_first_with_count(small_library):
    page = pages_of(small_library)["verkostot/index.md"]
    assert "## 2 kuvausta, uusimmat ensin" in page
    assert page.index("Satakunnan tutoryhteistyö") < page.index("Porin tutoropettajat")


def test_theme_index_counts_every_theme(small_library):
    page = pages_of(small_library)["teemat/index.md"]
    assert "- [Tutoropettajatoiminta](tutoropettajatoiminta.md) (5 kuvausta):" in page
    assert "- [STEAM](steam.md) (0 kuvausta):" in page


def test_empty_theme_page_invites_contributions(small_library):
    page = pages_of(small_library)["teemat/steam.md"]
    assert "Täällä ei ole vielä yhtään kuvausta. [Ehdota omaa kuvausta](../ehdota.md)." in page


def test_item_page_card_links_every_vocabulary_value(small_library):
    page = pages_of(small_library)["kaytannot/tutorit.md"]
    assert page.startswith('---\ntitle: "Tutoropettajat tukevat kollegoitaan"\ndescription: "Tutoropettajat auttavat')
    assert '<a href="../../teemat/tutoropettajatoiminta/">Tutoropettajatoiminta</a>' in page
    assert '<a href="../../kunnat/hameenlinna/">Hämeenlinna</a>' in page
    assert '<a href="../../maakunnat/kanta-hame/">Kanta-Häme</a>' in page
    assert '<a href="../../asteet/perusopetus/">Perusopetus</a>' in page
    assert "<dt>Tila</dt><dd>Käytössä</dd>" in page
    assert page.index("kk-kortti") < page.index("## Tavoitteet")


def test_item_page_shows_three_to_five_related_items(small_library):
    page = pages_of(small_library)["kaytannot/tutorit.md"]
    related = page.split("## Katso myös", 1)[1]
    assert 3 <= related.count("<li>") <= 5


def test_explicit_related_comes_first(library):
    library.write("kaytannot/tutorit.md", front_matter() + "related: [kaukainen]\n")
    library.write("kaytannot/lahella.md", front_matter(title="Lähellä oleva tutorointi"))
    library.write(
        "materiaalit/kaukainen.md",
        front_matter(
            title="Kaukainen materiaali",
            municipalities="[Inari]",
            themes="[steam]",
            levels="[lukiokoulutus]",
            status=None,
        ),
    )
    related = pages_of(library)["kaytannot/tutorit.md"].split("## Katso myös", 1)[1]
    assert related.index("Kaukainen materiaali") < related.index("Lähellä oleva tutorointi")


def test_contacts_and_links_are_rendered(library):
    library.write(
        "kaytannot/tutorit.md",
        front_matter()
        + (
            "contacts:\n  - role: Koordinaattori\n    organisation: Hämeenlinnan kaupunki\n    email: opetus@hameenlinna.fi\n"
            "links:\n  - title: Kaupungin sivut\n    url: https://www.hameenlinna.fi/\n"
        ),
    )
    page = pages_of(library)["kaytannot/tutorit.md"]
    assert (
        '<strong>Koordinaattori</strong>, Hämeenlinnan kaupunki: <a href="mailto:opetus@hameenlinna.fi">opetus@hameenlinna.fi</a>'
        in page
    )
    assert '<a href="https://www.hameenlinna.fi/">Kaupungin sivut</a>' in page


def test_front_matter_text_cannot_inject_markup(library):
    """Even values validation would refuse are escaped when they reach a page."""
    library.write("kaytannot/tutorit.md", front_matter() + "organisations: ['<script>alert(1)</script>']\n")
    loaded = library.load()
    planted = dataclasses.replace(
        loaded.library.items[0],
        title="Tutorit [klikkaa](javascript:x) *ja* `koodi` {: onclick=x }",
        summary='Tiivistelmä & <b>lihava</b> # ei otsikko "lainaus"',
    )
    page = plan_pages(Library(items=(planted,), vocabularies=loaded.library.vocabularies))[0].with_html_parts()
    assert "# Tutorit \\[klikkaa\\](javascript:x) \\*ja\\* \\`koodi\\` \\{: onclick=x \\}" in page
    assert "Tiivistelmä &amp; &lt;b&gt;lihava&lt;/b&gt; \\# ei otsikko" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'description: "Tiivistelmä &amp; &lt;b&gt;lihava&lt;/b&gt; # ei otsikko &quot;lainaus&quot;"' in page, (
        "template attributes are not escaped by MkDocs"
    )


def test_front_page_markers_show_live_counts_and_newest(small_library):
    loaded = small_library.load()
    text = expand_markers(
        "<!-- kirjasto:luvut -->\n\n<!-- kirjasto:uusimmat -->\n<!-- kirjasto:tuntematon -->", loaded.library, "index.md"
    )
    assert "Kirjastossa on nyt **5 kuvausta**: [Hyvät käytännöt](kaytannot/index.md): 1" in text
    assert "### [Satakunnan tutoryhteistyö](verkostot/satakunta.md)" in text
    assert text.index("Tutoropettajat tukevat") < text.index("Satakunnan tutoryhteistyö"), "newest first"
    assert "<!-- kirjasto:tuntematon -->" in text


def test_generated_pages_carry_only_title_and_description(small_library):
    """Nothing else reaches MkDocs: no contributor-chosen template, hiding or search settings."""
    import frontmatter

    for src, markdown in pages_of(small_library).items():
        meta = frontmatter.loads(markdown).metadata
        assert set(meta) <= {"title", "description"}, src


def test_long_listings_are_split_into_linked_pages(small_library, monkeypatch):
    from kirjasto.site.pages import listing_pages as index_pages

    monkeypatch.setattr(index_pages, "LISTING_PAGE_SIZE", 2)
    pages = pages_of(small_library)
    assert {
        "teemat/tutoropettajatoiminta.md",
        "teemat/tutoropettajatoiminta/sivu-2.md",
        "teemat/tutoropettajatoiminta/sivu-3.md",
    } <= set(pages)
    assert {"verkostot/index.md", "materiaalit/index.md"} <= set(pages) and "verkostot/sivu-2.md" not in pages
    first, second = pages["teemat/tutoropettajatoiminta.md"], pages["teemat/tutoropettajatoiminta/sivu-2.md"]
    assert "**Sivu 1 / 3** · [Seuraava ›](tutoropettajatoiminta/sivu-2.md)" in first
    assert "[‹ Edellinen](../tutoropettajatoiminta.md)" in second and 'title: "Tutoropettajatoiminta (sivu 2)"' in second
    assert "## Materiaalit (2)" in pages["teemat/tutoropettajatoiminta/sivu-3.md"], "headings count the whole listing"


def test_links_on_later_listing_pages_are_relative_to_those_pages(small_library, monkeypatch):
    from kirjasto.site.pages import listing_pages as index_pages

    monkeypatch.setattr(index_pages, "LISTING_PAGE_SIZE", 1)
    pages = pages_of(small_library)
    assert "[Pori](../../kunnat/pori.md)" in pages["maakunnat/satakunta/sivu-2.md"]
    assert "[Pori](../kunnat/pori.md)" in pages["maakunnat/satakunta.md"]


def test_page_slugs_are_reserved(library):
    library.write("kaytannot/sivu-2.md")
    assert "on varattu luettelosivulle" in library.problems()[0]


DOCS_PATHS = [
    "index.md",
    "haku.md",
    "teemat/index.md",
    "teemat/steam.md",
    "teemat/steam/sivu-2.md",
    "kaytannot/index.md",
    "kaytannot/sivu-3.md",
    "kaytannot/tutorit.md",
    "kunnat/pori.md",
    "a/b/c/d.md",
    "a/b/index.md",
]


def test_links_between_pages_are_what_the_browser_resolves():
    """Relative links are computed without posixpath.relpath (for speed); they must
    agree with it for every pair of directory-style pages."""
    import posixpath

    from kirjasto.content.urls import url_link, url_of

    for here in DOCS_PATHS:
        for there in DOCS_PATHS:
            expected = posixpath.relpath(url_of(there) or ".", url_of(here) or ".")
            assert url_link(here, there) == ("./" if expected == "." else expected + "/"), (here, there)


@pytest.mark.parametrize(
    "text",
    [
        'Tutor: "opettajat" # ja \\ muut',
        "- alku",
        "x\u2028y\u0085z\u2029",
        "Ää – ×",
        "null",
        "yes",
        "123",
        "\t sarkain",
        "\x7f\x80\x9f\ufffe",
        "\U0001f600",
        "@{}[]&*!|>%",
    ],
)
def test_generated_front_matter_reads_back_exactly(text):
    """Titles reach MkDocs through front matter written without a YAML dumper."""
    import frontmatter

    from kirjasto.site.pages.page import with_front_matter

    page = frontmatter.loads(with_front_matter(text, text, "Teksti."))
    assert page["title"] == page["description"] == html.escape(text)
