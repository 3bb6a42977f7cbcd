"""`kirjasto generate`: the engine-neutral tree builds with no hooks at all into
the same set of pages, with the same text, as the hook build."""

from __future__ import annotations

import pytest

from kirjasto.tools.cli import main
from site_html import article_parts
from site_html import html_pages as pages


def article_text(html: str) -> str:
    return " ".join(" ".join(article_parts(html)).split())


def test_hook_free_build_has_the_same_pages(site, tree_site):
    # One tree is one language's site: the Swedish side (sv/) is the tree of mkdocs.sv.yml,
    # which `kirjasto zensical` builds the same way (tests/test_engines.py).
    assert pages(tree_site) == {page for page in pages(site) if not page.startswith("sv/")}


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "verkostot/hameenlinna-konsultoivien-verkosto/index.html",
        "teemat/tutoropettajatoiminta/index.html",
        "kunnat/index.html",
        "maakunnat/satakunta/index.html",
        "saavutettavuusseloste/index.html",
    ],
)
def test_hook_free_pages_have_the_same_text(site, tree_site, page):
    assert article_text((tree_site / page).read_text("utf-8")) == article_text((site / page).read_text("utf-8"))


def test_tree_holds_the_data_files_and_search_index(tree_site, site):
    for data in (
        "data/kirjasto.json",
        "data/kirjasto.csv",
        "data/luettelo.json",
        "data/lomake.json",
        "feed.xml",
        "haku-indeksi/meta.json",
    ):
        assert (tree_site / data).read_bytes() == (site / data).read_bytes(), data
    # Every search index file, byte for byte: the same documents in the same order.
    index = sorted(path.relative_to(site) for path in (site / "haku-indeksi").iterdir())
    assert index == sorted(path.relative_to(tree_site) for path in (tree_site / "haku-indeksi").iterdir())
    different = [path for path in index if (tree_site / path).read_bytes() != (site / path).read_bytes()]
    assert different == []


def test_generate_refuses_an_invalid_library(library, capsys):
    library.write("kaytannot/rikki.md", "title: Rik\n")
    (library.root / "mkdocs.yml").write_text("site_name: Testi\n", encoding="utf-8")
    out = library.root / "puu"
    assert main(["generate", str(out), "--root", str(library.root)]) == 1
    assert "practices/kaytannot/rikki.md" in capsys.readouterr().out
    assert not out.exists()
