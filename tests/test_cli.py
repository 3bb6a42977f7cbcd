"""`kirjasto validate` as contributors and CI run it, in Finnish or in Swedish."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPOSITORY_ROOT, front_matter
from kirjasto.tools.cli import main
from kirjasto.tools.cli_language import requested_language

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def finnish_locale(monkeypatch):
    """Without --kieli the user's locale decides the language: a Finnish one here,
    whatever the machine running the tests has (a test may set another)."""
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")


def run_validate(library, *args: str, capsys) -> tuple[int, str]:
    (library.root / "mkdocs.yml").write_text("site_name: Testi\n", encoding="utf-8")
    code = main(["validate", "--root", str(library.root), *args])
    return code, capsys.readouterr().out


def test_valid_library_exits_zero(library, capsys):
    library.write("kaytannot/tutorit.md")
    code, out = run_validate(library, capsys=capsys)
    assert code == 0
    assert out.strip() == "Kirjasto on kunnossa: 1 kuvaus tarkistettu."


def test_invalid_library_exits_one_and_reports_every_problem(library, capsys):
    library.write("kaytannot/tutorit.md", front_matter(municipalities="[Hämenlinna]", levels="perusopetus"))
    code, out = run_validate(library, capsys=capsys)
    assert code == 1
    lines = out.strip().split("\n")
    assert (
        lines[0] == "practices/kaytannot/tutorit.md:4: municipalities: Tuntematon kunta 'Hämenlinna'. Tarkoititko 'Hämeenlinna'?"
    )
    assert lines[1].startswith("practices/kaytannot/tutorit.md:5: levels: Arvon pitää olla lista.")
    assert lines[-1] == "Kirjastossa on 2 virhettä. Korjaa virheet ja aja 'kirjasto validate' uudelleen."


def test_paths_limit_the_report_to_those_files(library, capsys):
    library.write("kaytannot/tutorit.md")
    library.write("verkostot/rikki.md", front_matter(title="Rik"))
    code, out = run_validate(library, str(library.root / "practices/kaytannot/tutorit.md"), capsys=capsys)
    assert (code, out.strip()) == (0, "Annetut tiedostot ovat kunnossa.")
    code, out = run_validate(library, str(library.root / "practices/verkostot"), capsys=capsys)
    assert code == 1 and "practices/verkostot/rikki.md:2: title:" in out


def test_console_script_validates_the_repository_without_traceback(tmp_path: Path):
    script = Path(sys.executable).with_name("kirjasto")
    result = subprocess.run([str(script), "validate"], cwd=REPOSITORY_ROOT / "practices", capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Kirjasto on kunnossa:")


def test_outside_a_library_the_command_says_where_to_run_it(tmp_path: Path):
    script = Path(sys.executable).with_name("kirjasto")
    result = subprocess.run([str(script), "validate"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2
    assert "aja komento kirjaston kansiossa" in result.stderr
    assert "Traceback" not in result.stderr


SWEDISH_BODY = "## Mål\n\nKolleger lär sig av varandra.\n"


def write_one_item_in_each_language(library) -> None:
    """A Finnish item and a Swedish one, each with an unknown municipality."""
    library.write("kaytannot/tutorit.md", front_matter(municipalities="[Hämenlinna]"))
    swedish = front_matter(
        title="Tutorlärare stöder sina kolleger",
        summary="Tutorlärare hjälper kolleger med digital pedagogik.",
        municipalities="[Hämenlinna]",
        language="sv",
    )
    library.write("kaytannot/tutorlarare.md", swedish, SWEDISH_BODY)


FINNISH_PROBLEM = "municipalities: Tuntematon kunta 'Hämenlinna'."
SWEDISH_PROBLEM = "municipalities: Okänd kommun 'Hämenlinna'."


def test_validate_speaks_swedish_when_asked(library, capsys):
    library.write("kaytannot/tutorit.md", front_matter(municipalities="[Hämenlinna]"))
    code, out = run_validate(library, "--kieli", "sv", capsys=capsys)
    assert code == 1
    problem, summary = out.strip().split("\n")
    assert problem.startswith(f"practices/kaytannot/tutorit.md:4: {SWEDISH_PROBLEM}")
    assert "Tarkoititko" not in problem
    assert "'kirjasto validate'" in summary and "Kirjastossa" not in summary


def test_validate_says_in_swedish_that_the_library_is_in_order(library, capsys):
    library.write("kaytannot/tutorit.md")
    code, out = run_validate(library, "--kieli=sv", capsys=capsys)
    assert (code, out.strip()) == (0, "Biblioteket är i ordning: 1 beskrivning kontrollerad.")
    code, out = run_validate(library, "--kie", "sv", str(library.root / "practices/kaytannot"), capsys=capsys)
    assert (code, out.strip()) == (0, "De angivna filerna är i ordning.")


def test_a_swedish_locale_gives_swedish(library, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "sv_FI.UTF-8")
    write_one_item_in_each_language(library)
    code, out = run_validate(library, capsys=capsys)
    assert code == 1
    assert out.count(SWEDISH_PROBLEM) == 2 and FINNISH_PROBLEM not in out
    assert not out.strip().split("\n")[-1].startswith("Kirjastossa")


def test_kieli_fi_tells_every_problem_in_finnish_even_in_a_swedish_locale(library, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "sv_FI.UTF-8")
    write_one_item_in_each_language(library)
    code, out = run_validate(library, "--kieli", "fi", capsys=capsys)
    assert code == 1
    assert out.count(FINNISH_PROBLEM) == 2 and SWEDISH_PROBLEM not in out
    assert out.strip().split("\n")[-1] == "Kirjastossa on 2 virhettä. Korjaa virheet ja aja 'kirjasto validate' uudelleen."


def test_by_default_each_item_is_reported_in_its_own_language_and_the_rest_in_finnish(library, capsys):
    write_one_item_in_each_language(library)
    code, out = run_validate(library, capsys=capsys)
    assert code == 1
    lines = out.strip().split("\n")
    assert lines[0].startswith(f"practices/kaytannot/tutorit.md:4: {FINNISH_PROBLEM}")
    assert lines[1].startswith(f"practices/kaytannot/tutorlarare.md:4: {SWEDISH_PROBLEM}")
    assert lines[-1] == "Kirjastossa on 2 virhettä. Korjaa virheet ja aja 'kirjasto validate' uudelleen."


def test_the_command_line_itself_speaks_the_language_asked_for(capsys):
    with pytest.raises(SystemExit) as finished:
        main(["validate", "--kieli", "sv", "--format", "xml"])
    assert finished.value.code == 2
    assert "kirjasto validate: fel: argument --format: ogiltigt val: 'xml'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["validate", "--kieli", "sv", "--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("användning: kirjasto validate")
    assert "Kontrollerar hela biblioteket" in shown and "--kieli {fi,sv}" in shown
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("käyttö: kirjasto validate")
    assert "kieli, jolla komento kertoo tuloksensa" in shown


def test_outside_a_library_a_swedish_locale_gets_swedish(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "sv_FI.UTF-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "practice", "Tutorer"]) == 2
    assert capsys.readouterr().err.startswith("Biblioteket hittas inte: kör kommandot i bibliotekets mapp")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["validate", "--kieli", "sv"], "sv"),
        (["validate", "--kieli=sv", "POLKU"], "sv"),
        (["validate", "--kie", "sv"], "sv"),
        (["validate", "--kieli", "sv", "--kieli", "fi"], "fi"),
        (["validate", "--kieli", "en"], None),
        (["validate", "--kieli"], None),
        (["validate", "--", "--kieli", "sv"], None),
        (["validate", "--k"], None),
        (["validate"], None),
    ],
)
def test_the_language_is_read_before_the_parser_is_built(argv, expected):
    assert requested_language(argv) == expected
