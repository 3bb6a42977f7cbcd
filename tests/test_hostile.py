"""The hostile corpus (tests/hostile/): every file is refused by `kirjasto validate`
and by the build with the expected Finnish message, never with a traceback."""

from __future__ import annotations

import os
import shutil
import time
import tracemalloc
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import REPOSITORY_ROOT, copy_repository, front_matter, mkdocs_build
from kirjasto.library import MAX_FILE_BYTES
from kirjasto.problems import Severity

CORPUS = Path(__file__).parent / "hostile"
EXPECTATIONS = yaml.safe_load((CORPUS / "odotukset.yml").read_text("utf-8"))
LEVELS = {"virhe": Severity.ERROR, "varoitus": Severity.WARNING}


def plant(root: Path, case: dict) -> Path:
    target = root / "practices" / case["kohde"]
    shutil.copy(CORPUS / case["tiedosto"], target)
    return target


def matching(problems, path: str, message: str):
    return [p for p in problems if p.path == path and message in p.message]


@pytest.mark.parametrize("case", EXPECTATIONS, ids=[case["tiedosto"] for case in EXPECTATIONS])
def test_corpus_file_is_refused_with_its_message(library, case):
    plant(library.root, case)
    loaded = library.load()
    found = matching(loaded.problems, f"practices/{case['kohde']}", case["viesti"])
    assert found, [p.format() for p in loaded.problems]
    assert found[0].severity is LEVELS[case["taso"]]
    assert loaded.is_valid is (case["taso"] == "varoitus")


def test_every_corpus_file_is_listed():
    listed = {case["tiedosto"] for case in EXPECTATIONS}
    assert {p.name for p in CORPUS.iterdir()} - {"odotukset.yml"} == listed


def test_alias_bomb_is_refused_quickly_with_bounded_memory(library):
    plant(library.root, next(c for c in EXPECTATIONS if c["tiedosto"] == "alias-pommi.md"))
    tracemalloc.start()
    started = time.perf_counter()
    problems = library.problems()
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "YAML-ankkurit" in problems[0]
    # Generous bounds: a hang or an expansion would take minutes and gigabytes.
    assert elapsed < 2 and peak < 20 * 1024 * 1024


# --- cases git cannot hold portably ---------------------------------------

def test_symlinked_file_is_refused(library):
    outside = library.root / "salaisuus.md"
    outside.write_text("salainen", encoding="utf-8")
    os.symlink(outside, library.root / "practices/kaytannot/linkki.md")
    assert library.problems()[0].startswith("practices/kaytannot/linkki.md: tiedosto: Symbolinen linkki")


def test_symlinked_folder_is_refused(library):
    (library.root / "muualla").mkdir()
    shutil.rmtree(library.root / "practices/verkostot")
    os.symlink(library.root / "muualla", library.root / "practices/verkostot")
    assert library.problems()[0].startswith("practices/verkostot: tiedosto: Symbolinen linkki")


def test_symlinked_vocabulary_is_refused(library):
    (library.root / "practices/kohderyhmat.yml").unlink()
    os.symlink("/etc/passwd", library.root / "practices/kohderyhmat.yml")
    assert any(p.startswith("practices/kohderyhmat.yml: tiedosto: Symbolinen linkki") for p in library.problems())


def test_symlinked_content_folder_is_refused(tmp_path):
    from conftest import LibraryFolder

    real = LibraryFolder(tmp_path / "oikea")
    real.write("kaytannot/tutorit.md")
    (tmp_path / "repo").mkdir()
    os.symlink(real.root / "practices", tmp_path / "repo/practices")
    from kirjasto import load_library

    problems = [p.format() for p in load_library(tmp_path / "repo").problems]
    assert any(p.startswith("practices: tiedosto: Sisältökansio on symbolinen linkki") for p in problems)


def test_file_name_not_in_nfc_is_refused(library):
    name = unicodedata.normalize("NFD", "hämeenlinna.md")
    library.write(f"kaytannot/{name}")
    assert "ei ole NFC-muodossa" in library.problems()[0]


def test_names_differing_only_in_case_are_refused(library):
    library.write("kaytannot/tutorit.md")
    library.write("kaytannot/TUTORIT.md")
    problems = library.problems()
    assert any("vain kirjainkooltaan" in p for p in problems)


def test_two_sources_for_one_url_are_refused(library):
    library.write("kaytannot/tutorit.md")
    library.write("materiaalit/tutorit.md")
    assert "Tunniste 'tutorit' on jo käytössä" in library.problems()[0]


def test_oversized_file_is_refused_without_reading_it_all(library):
    library.write("kaytannot/tutorit.md", body="Tekstiä. " * (MAX_FILE_BYTES // 8))
    assert library.problems() == [f"practices/kaytannot/tutorit.md: tiedosto: Tiedosto on liian suuri (yli {MAX_FILE_BYTES // 1024} KiB). Kuvaus on tekstiä: lyhennä sitä tai jaa se useaksi kuvaukseksi, ja linkitä liitteisiin."]


def test_oversized_front_matter_is_refused(library):
    library.write("kaytannot/tutorit.md", front_matter() + "funding:\n" + "  - Rahoittaja\n" * 2000)
    assert "Front matter on liian pitkä" in library.problems()[0]


def test_allowed_personal_address_stays_quiet(library):
    library.write("kaytannot/tutorit.md", body="## Yhteystiedot\n\netunimi.sukunimi@kunta.fi, 040 123 4567 ja opetus@kunta.fi\n")
    assert len(library.problems()) == 2
    (library.root / "practices/sallitut-yhteystiedot.yml").write_text("- Etunimi.Sukunimi@kunta.fi\n- 040-1234567\n", encoding="utf-8")
    assert library.problems() == []


# --- the same corpus through the real build -----------------------------------

def test_build_fails_on_the_corpus_with_every_message(tmp_path):
    root = copy_repository(tmp_path / "repo")
    errors = [case for case in EXPECTATIONS if case["taso"] == "virhe"]
    for case in errors:
        plant(root, case)
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    missing = [case["tiedosto"] for case in errors if f"practices/{case['kohde']}" not in result.stderr or case["viesti"] not in result.stderr]
    assert missing == []
    assert not (tmp_path / "site").exists(), "nothing was written"


def test_warnings_alone_do_not_fail_the_strict_build(tmp_path):
    root = copy_repository(tmp_path / "repo")
    for case in EXPECTATIONS:
        if case["taso"] == "varoitus":
            plant(root, case)
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "varoitus: 'etunimi.sukunimi@kunta.fi' näyttää henkilökohtaiselta" in result.stderr
