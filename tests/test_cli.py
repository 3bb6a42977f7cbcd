"""`kirjasto validate` as contributors and CI run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPOSITORY_ROOT, front_matter
from kirjasto.tools.cli import main


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
