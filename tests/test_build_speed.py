"""What the build does to be fast must not change what it builds: a large library
built with the navigation rendered once per folder and with half of the item pages
built by a second process equals, byte for byte, the same library built the plain
way (the theme's own navigation block on every page, one process)."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPOSITORY_ROOT, TODAY, mkdocs_build
from kirjasto.tools.synthetic import write_synthetic_library
from kirjasto_mkdocs.parallel import MIN_PAGES_TO_SPLIT, ONE_PROCESS_VARIABLE

SIZE = MIN_PAGES_TO_SPLIT + 40
_OUR_NAV_BLOCK = re.compile(r"\{% block site_nav %\}.*?\{% endblock %\}\n?", re.DOTALL)


def _site_files(site: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            # gzip writes the time of writing into its header: compare what it holds
            files[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


@pytest.fixture(scope="module")
def fast_and_plain(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    work = tmp_path_factory.mktemp("nopeus")
    root = write_synthetic_library(REPOSITORY_ROOT, work / "kirjasto", SIZE, today=TODAY, other_languages=False).root
    fast = mkdocs_build(root, work / "nopea")
    assert fast.returncode == 0, fast.stderr
    main = root / "overrides" / "main.html"
    template = main.read_text("utf-8")
    assert "kirjasto_nav" in template
    main.write_text(_OUR_NAV_BLOCK.sub("", template), encoding="utf-8")
    # The plain build goes over an older site, which it updates in place
    # (kirjasto_mkdocs.site_folder): what is left of the older site must not show.
    _older_site(work / "nopea", work / "tavallinen")
    plain = mkdocs_build(root, work / "tavallinen", **{ONE_PROCESS_VARIABLE: "1"})
    assert plain.returncode == 0, plain.stderr
    return _site_files(work / "nopea"), _site_files(work / "tavallinen")


def _older_site(site: Path, older: Path) -> None:
    """A copy of `site` with what an earlier build of another library would have left:
    pages and index files this library has not, and a folder where a file goes and
    the other way round."""
    shutil.copytree(site, older)
    (older / "kaytannot" / "poistettu-kuvaus").mkdir()
    (older / "kaytannot" / "poistettu-kuvaus" / "index.html").write_text("vanha", encoding="utf-8")
    (older / "haku-indeksi" / "d-999999.json").write_text("[]", encoding="utf-8")
    (older / "vanha-kansio" / "syvemmalla").mkdir(parents=True)
    (older / "vanha-kansio" / "syvemmalla" / "sivu.html").write_text("vanha", encoding="utf-8")
    page = next((older / "kaytannot").glob("synteettinen-*/index.html"))
    page.unlink()
    (page / "kansio").mkdir(parents=True)
    shutil.rmtree(older / "teemat")
    (older / "teemat").write_text("tiedosto kansion paikalla", encoding="utf-8")


def test_the_fast_build_writes_the_same_files(fast_and_plain):
    fast, plain = fast_and_plain
    assert sorted(fast) == sorted(plain)
    assert sum(1 for name in fast if re.match(r"(kaytannot|verkostot|materiaalit)/synteettinen-\d+/index\.html$", name)) == SIZE


def test_every_page_is_byte_for_byte_the_same(fast_and_plain):
    fast, plain = fast_and_plain
    different = [name for name in fast if fast[name] != plain.get(name)]
    assert different == []


def test_item_pages_still_show_the_full_navigation(fast_and_plain):
    fast, _ = fast_and_plain
    page = next(data for name, data in fast.items() if name.startswith("kaytannot/synteettinen-")).decode()
    navigation = page.split('data-md-type="navigation"', 1)[1].split('data-md-type="toc"', 1)[0]
    for entry in ("Hae ja rajaa", "Hyvät käytännöt", "Saavutettavuusseloste", "../../haku/"):
        assert entry in navigation
