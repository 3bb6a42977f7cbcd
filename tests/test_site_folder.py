"""site/ is updated in place (kirjasto_mkdocs.site_folder): a build over an older
site leaves exactly what a build into an empty folder would, and a build that fails
before writing leaves the older site as it was. (tests/test_build_speed.py builds
over an older site and compares every file with a build into an empty folder.)"""

from __future__ import annotations

from pathlib import Path

from kirjasto_mkdocs.site_folder import ASIDE, SiteFolder


def _tree(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): path.read_text("utf-8") for path in sorted(root.rglob("*")) if path.is_file()}


def _older_site(site: Path) -> None:
    for name, text in {
        "index.html": "etusivu",
        "kaytannot/a/index.html": "a",
        "kaytannot/b/index.html": "b",
        "haku-indeksi/d-0.json": "[0]",
        "haku-indeksi/d-1.json": "[1]",
        ".nojekyll": "",
    }.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")


def _clean_as_mkdocs_does(site: Path) -> None:
    for entry in site.iterdir():
        if not entry.name.startswith(".") and entry.is_file():
            entry.unlink()


def test_files_written_again_stay_and_the_others_go(tmp_path):
    site = tmp_path / "site"
    _older_site(site)
    folder = SiteFolder.set_aside(site)
    assert sorted(entry.name for entry in site.iterdir()) == sorted([".nojekyll", ASIDE, "index.html"])
    _clean_as_mkdocs_does(site)
    folder.put_back(["index.html", "kaytannot/a/index.html", "haku-indeksi/d-0.json"])
    for name, text in {"index.html": "uusi", "kaytannot/a/index.html": "uusi a", "haku-indeksi/d-0.json": "[9]"}.items():
        (site / name).write_text(text, encoding="utf-8")
    assert folder.remove_stale() == 2
    assert _tree(site) == {
        ".nojekyll": "",
        "index.html": "uusi",
        "kaytannot/a/index.html": "uusi a",
        "haku-indeksi/d-0.json": "[9]",
    }
    assert not (site / "kaytannot" / "b").exists()


def test_the_way_is_cleared_where_a_folder_becomes_a_file_and_back(tmp_path):
    site = tmp_path / "site"
    _older_site(site)
    (site / "kaytannot" / "c").write_text("tiedosto", encoding="utf-8")
    (site / "haku-indeksi" / "meta.json").mkdir()
    folder = SiteFolder.set_aside(site)
    _clean_as_mkdocs_does(site)
    folder.put_back(["kaytannot/c/index.html", "haku-indeksi/meta.json"])
    assert not (site / "kaytannot" / "c").exists()
    assert not (site / "haku-indeksi" / "meta.json").exists()
    (site / "kaytannot" / "c").mkdir()
    (site / "kaytannot" / "c" / "index.html").write_text("c", encoding="utf-8")
    (site / "haku-indeksi" / "meta.json").write_text("{}", encoding="utf-8")
    folder.remove_stale()
    assert _tree(site) == {".nojekyll": "", "kaytannot/c/index.html": "c", "haku-indeksi/meta.json": "{}"}


def test_a_build_that_fails_before_writing_leaves_the_older_site(tmp_path):
    site = tmp_path / "site"
    _older_site(site)
    before = _tree(site)
    SiteFolder.set_aside(site).restore()
    assert _tree(site) == before
    assert not (site / ASIDE).exists()


def test_a_build_stopped_while_the_folders_were_aside_loses_nothing(tmp_path):
    site = tmp_path / "site"
    _older_site(site)
    before = _tree(site)
    SiteFolder.set_aside(site)  # and the process is killed here
    folder = SiteFolder.set_aside(site)
    folder.restore()
    assert _tree(site) == before


def test_an_empty_or_missing_site_folder_is_left_to_mkdocs(tmp_path):
    folder = SiteFolder.set_aside(tmp_path / "site")
    folder.put_back(["index.html"])
    assert folder.remove_stale() == 0
    assert not (tmp_path / "site").exists()
