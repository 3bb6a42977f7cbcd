"""The maintainers' scripts in scripts/: run as a maintainer or a workflow runs them."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPOSITORY_ROOT

SCRIPTS = REPOSITORY_ROOT / "scripts"
MUNICIPALITIES_2025 = REPOSITORY_ROOT / "hooks" / "kirjasto" / "data" / "municipalities-2025.csv"
RUN_URL = "https://github.com/omistaja/kirjasto/actions/runs/42"


def run(script: str, *arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPTS / script), *arguments]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


# --- paivita_kunnat.py: Statistics Finland classification files -> CSV -----------------------


def items(classification: str, year: int, lang: str, names: dict[str, str]) -> list[dict[str, object]]:
    """A classificationItems answer of the API, in its order (by name, not by code)."""
    local_id = f"{classification}_1_{year}0101"
    return [
        {
            "classification": {"localId": local_id, "classificationName": [{"lang": lang, "name": classification}]},
            "localId": f"{local_id}/{code}",
            "level": 1,
            "code": code,
            "order": order * 10,
            "parentCode": None,
            "classificationItemNames": [{"langName": {"fi": "suomi", "sv": "ruotsi"}[lang], "lang": lang, "name": name}],
            "explanatoryNotes": [],
        }
        for order, (code, name) in enumerate(sorted(names.items(), key=lambda pair: pair[1]), start=1)
    ]


def maps(target: str, year: int, pairs: dict[str, str]) -> list[dict[str, object]]:
    """A correspondenceTables/kunta_1_Y#<target>_1_Y/maps answer."""
    table = {"localId": f"kunta_1_{year}0101#{target}_1_{year}0101", "correspondenceTableTexts": []}
    return [
        {
            "sourceItem": {"code": source, "classificationItemNames": []},
            "targetItem": {"code": code},
            "correspondenceTable": table,
        }
        for source, code in pairs.items()
    ]


def write_inputs(folder: Path, rows: list[dict[str, str]], year: int = 2025, languages: bool = True) -> Path:
    """The API answers that produce `rows` (municipalities-style, plus language_* keys)."""
    folder.mkdir(parents=True, exist_ok=True)
    answers: dict[str, object] = {}
    for lang in ("fi", "sv"):
        answers[f"kunta_{lang}.json"] = items("kunta", year, lang, {row["code"]: row[f"source_{lang}"] for row in rows})
        regions = {row["region_code"].removeprefix("MK"): row[f"region_{lang}"] for row in rows}
        answers[f"maakunta_{lang}.json"] = items("maakunta", year, lang, regions)
        if languages:
            statuses = {row["language_code"]: row[f"language_{lang}"] for row in rows}
            answers[f"kielisuhde_{lang}.json"] = items("kielisuhde", year, lang, statuses)
    answers["kunta_maakunta.json"] = maps("maakunta", year, {row["code"]: row["region_code"][2:] for row in rows})
    if languages:
        answers["kunta_kielisuhde.json"] = maps("kielisuhde", year, {row["code"]: row["language_code"] for row in rows})
    for name, answer in answers.items():
        (folder / name).write_text(json.dumps(answer, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


def municipality(
    code: str, fi: str, sv: str, region: str, language: str = "0", source_fi: str = "", source_sv: str = ""
) -> dict[str, str]:
    region_names = {"MK01": ("Uusimaa", "Nyland"), "MK10": ("Etelä-Savo", "Södra Savolax"), "MK21": ("Ahvenanmaa", "Åland")}
    language_names = {
        "0": ("Yksikielinen suomenkielinen kunta", "Enspråkig finsk kommun"),
        "1": ("Kaksikielinen kunta, jossa enemmistön kieli on suomi", "Tvåspråkig kommun med finska som flertalets språk"),
        "2": ("Yksikielinen ruotsinkielinen kunta", "Enspråkig svensk kommun"),
    }
    return {
        "code": code, "name_fi": fi, "name_sv": sv, "source_fi": source_fi or fi, "source_sv": source_sv or sv,
        "region_code": region, "region_fi": region_names[region][0], "region_sv": region_names[region][1],
        "language_code": language, "language_fi": language_names[language][0], "language_sv": language_names[language][1],
    }  # fmt: skip


SMALL = [
    municipality("091", "Helsinki", "Helsingfors", "MK01", "1"),
    municipality("049", "Espoo", "Esbo", "MK01", "1", source_sv=" Esbo  "),
    municipality("478", "Maarianhamina", "Mariehamn", "MK21", "2", source_fi="Maarianhamina - Mariehamn"),
    municipality("588", "Pertunmaa", "Pertunmaa", "MK10"),
]


def test_writes_both_files_byte_for_byte(tmp_path):
    source = write_inputs(tmp_path / "lahde", SMALL)
    result = run("paivita_kunnat.py", str(source), "--kohde", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "municipalities-2025.csv").read_bytes() == (
        "code,name_fi,name_sv,region_code,region_fi,region_sv\n"
        "049,Espoo,Esbo,MK01,Uusimaa,Nyland\n"
        "091,Helsinki,Helsingfors,MK01,Uusimaa,Nyland\n"
        "478,Maarianhamina,Mariehamn,MK21,Ahvenanmaa,Åland\n"
        "588,Pertunmaa,Pertunmaa,MK10,Etelä-Savo,Södra Savolax\n"
    ).encode()
    assert (tmp_path / "data" / "municipality-languages-2025.csv").read_bytes() == (
        "code,name_fi,name_sv,language_code,language_fi,language_sv\n"
        '049,Espoo,Esbo,1,"Kaksikielinen kunta, jossa enemmistön kieli on suomi",Tvåspråkig kommun med finska som flertalets språk\n'
        '091,Helsinki,Helsingfors,1,"Kaksikielinen kunta, jossa enemmistön kieli on suomi",Tvåspråkig kommun med finska som flertalets språk\n'
        "478,Maarianhamina,Mariehamn,2,Yksikielinen ruotsinkielinen kunta,Enspråkig svensk kommun\n"
        "588,Pertunmaa,Pertunmaa,0,Yksikielinen suomenkielinen kunta,Enspråkig finsk kommun\n"
    ).encode()
    assert "municipalities-2025.csv: 4 kuntaa, 3 luokkaa (maakunta)." in result.stdout
    assert "Kuntia luokittain: MK01 2, MK10 1, MK21 1" in result.stdout
    assert "Kuntia luokittain: 0 1, 1 2, 2 1" in result.stdout
    assert result.stdout.count("Aiempaa tiedostoa ei ole, joten muutoksia ei verrattu.") == 2


def test_reproduces_the_shipped_municipalities_file(tmp_path):
    """Inputs shaped like the API's (Maarianhamina's long Finnish name, two Swedish names with
    trailing spaces as geofi had them) give back municipalities-2025.csv to the byte."""
    with MUNICIPALITIES_2025.open(encoding="utf-8", newline="") as handle:
        rows = [dict(row, source_fi=row["name_fi"], source_sv=row["name_sv"]) for row in csv.DictReader(handle)]
    for row in rows:
        if row["code"] == "478":
            row["source_fi"] = "Maarianhamina - Mariehamn"
        if row["code"] in ("081", "480"):
            row["source_sv"] += "  "
    source = write_inputs(tmp_path / "lahde", rows, languages=False)
    result = run("paivita_kunnat.py", str(source), "--kohde", str(tmp_path), "--vertaa", str(MUNICIPALITIES_2025.parent))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "municipalities-2025.csv").read_bytes() == MUNICIPALITIES_2025.read_bytes()
    assert f"Muutokset tiedostoon {MUNICIPALITIES_2025} verrattuna: ei muutoksia" in result.stdout
    assert "Kielisuhdetiedostoja ei annettu, joten kielitiedostoa ei kirjoitettu." in result.stdout
    assert not (tmp_path / "municipality-languages-2025.csv").exists()


def test_prints_what_a_yearly_merger_changed(tmp_path):
    previous = write_inputs(tmp_path / "lahde-2025", SMALL)
    assert run("paivita_kunnat.py", str(previous), "--kohde", str(tmp_path / "data")).returncode == 0
    merged = [
        municipality("091", "Helsinki", "Helsingfors", "MK01", "1"),
        municipality("049", "Espoo", "Esbo", "MK10", "0"),
        municipality("478", "Maarianhamina", "Mariehamn", "MK21", "2"),
        municipality("507", "Mäntyharju", "Mäntyharju", "MK10"),
        municipality("999", "Uusikunta", "Nykommun", "MK01"),
    ]
    merged[0]["source_fi"] = "Helsinki uusi"
    source = write_inputs(tmp_path / "lahde-2026", merged, year=2026)
    result = run("paivita_kunnat.py", str(source), "--kohde", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    regions, languages = result.stdout.split("Kirjoitettiin ")[1:]
    assert regions.splitlines()[2:] == [
        f"  Muutokset tiedostoon {tmp_path / 'data' / 'municipalities-2025.csv'} verrattuna: 5",
        "  Uusi kunta: 507 Mäntyharju (MK10 Etelä-Savo)",
        "  Uusi kunta: 999 Uusikunta (MK01 Uusimaa)",
        "  Poistunut kunta: 588 Pertunmaa (MK10 Etelä-Savo)",
        "  Maakunta muuttui: 049 Espoo: MK01 Uusimaa → MK10 Etelä-Savo",
        "  Nimi muuttui: 091 Helsinki / Helsingfors → Helsinki uusi / Helsingfors",
    ]
    assert "  Kielisuhde muuttui: 049 Espoo: 1 Kaksikielinen kunta, jossa enemmistön kieli on suomi → 0 Yksikielinen" in languages
    assert (tmp_path / "data" / "municipalities-2026.csv").exists() and (tmp_path / "data" / "municipalities-2025.csv").exists()


def _remove(folder: Path, name: str) -> None:
    (folder / name).unlink()


def _replace(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda folder: _remove(folder, "kunta_sv.json"), "kunta_sv.json: tiedostoa ei ole"),
        (lambda folder: (folder / "maakunta_fi.json").write_text("[{", encoding="utf-8"), "maakunta_fi.json: ei kelvollista JSONia (rivi 1, sarake 3"),
        (lambda folder: (folder / "kunta_fi.json").write_text("{}", encoding="utf-8"), "kunta_fi.json: odotettiin rajapinnan vastausta"),
        (lambda folder: _replace(folder, "kunta_maakunta.json", '"code": "091"', '"code": "092"'), "kunta_maakunta.json: kuntia ei ole tiedostossa kunta_fi.json: 092"),
        (lambda folder: _replace(folder, "kunta_fi.json", '"code": "049"', '"code": "091"'), "kunta_fi.json: koodi 091 on tiedostossa kahdesti"),
        (lambda folder: _replace(folder, "kunta_sv.json", '"name": " Esbo  "', '"name": " "'), "kunta_sv.json: kohde 1: kenttä classificationItemNames.0.name puuttuu tai on tyhjä"),
        (lambda folder: _replace(folder, "kunta_maakunta.json", '"code": "01"', '"code": "02"'), "kunta_maakunta.json: kunnan 091 luokkaa 02 ei ole tiedostossa maakunta_fi.json"),
        (lambda folder: _remove(folder, "kunta_kielisuhde.json"), "kielisuhdetiedostoista puuttuu kunta_kielisuhde.json"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_in_finnish_and_nothing_is_written(tmp_path, spoil, message):
    source = write_inputs(tmp_path / "lahde", SMALL)
    spoil(source)
    result = run("paivita_kunnat.py", str(source), "--kohde", str(tmp_path / "data"))
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.startswith("paivita_kunnat.py: virhe: ")
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (tmp_path / "data").exists()


def test_a_municipality_without_a_region_is_refused(tmp_path):
    source = write_inputs(tmp_path / "lahde", SMALL)
    answer = json.loads((source / "kunta_maakunta.json").read_text(encoding="utf-8"))
    (source / "kunta_maakunta.json").write_text(json.dumps(answer[1:]), encoding="utf-8")
    result = run("paivita_kunnat.py", str(source), "--kohde", str(tmp_path / "data"))
    assert result.returncode == 2
    assert "kunta_maakunta.json: kunnalla 091 Helsinki ei ole maakuntaa" in result.stderr


@pytest.mark.parametrize("arguments", [("paivita_kunnat.py",), ("linkkitarkistus.py",), ("linkkitarkistus.py", "tehtava")])
def test_help_is_finnish(arguments):
    result = run(*arguments, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("käyttö: ") and "valitsimet:" in result.stdout and "usage:" not in result.stdout


def test_help_says_where_the_files_come_from():
    text = run("paivita_kunnat.py", "--help").stdout
    api = "https://data.stat.fi/api/classifications/v2/"
    assert f"{api}classifications/kunta_1_YYYY0101/classificationItems?content=data&meta=max&lang=sv" in text
    assert f"{api}correspondenceTables/kunta_1_YYYY0101%23maakunta_1_YYYY0101/maps?content=data&meta=max&lang=fi" in text
    assert "kielisuhde_1_YYYY0101" in text


# --- linkkitarkistus.py: the weekly link check and its issue ------------------------------------

FAKE = """#!{python}
import json, os, sys
arguments = sys.argv[1:]
body = arguments[arguments.index("--body-file") + 1] if "--body-file" in arguments else None
record = {{"args": arguments, "body": open(body, encoding="utf-8").read() if body else None}}
with open(os.environ["FAKE_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(record) + "\\n")
if arguments[:2] == ["issue", "list"]:
    print(os.environ.get("FAKE_OPEN", "[]"))
sys.exit(json.loads(os.environ.get("FAKE_EXITS", "{{}}")).get(" ".join(arguments[:2]), 0))
"""


def fake_command(tmp_path: Path, name: str) -> dict[str, str]:
    """An executable `name` first on PATH that records its arguments; the environment to use."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    (folder / name).chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", "FAKE_LOG": str(tmp_path / "log")}


def calls(tmp_path: Path) -> list[dict[str, object]]:
    log = tmp_path / "log"
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []


LABEL_AND_LIST = [
    [
        "label",
        "create",
        "linkkitarkistus",
        "--color",
        "D93F0B",
        "--description",
        "Rikkinäiset tai siirtyneet linkit (linkit.yml)",
    ],
    ["issue", "list", "--label", "linkkitarkistus", "--state", "open", "--limit", "1", "--json", "number"],
]
REPORT = "# Linkkitarkistus\n\n- practices/a.md:3: https://example.org/ (404)\n"
BODY = f"{REPORT}\n[Tarkistuksen loki]({RUN_URL})\n"


@pytest.mark.parametrize(
    ("report", "open_issues", "last_call", "body", "said"),
    [
        (True, "[]", ["issue", "create", "--title", "Rikkinäisiä tai siirtyneitä linkkejä", "--label", "linkkitarkistus", "--body-file"], BODY, "Linkkitarkistukselle luotiin uusi tehtävä."),
        (True, '[{"number": 7}]', ["issue", "edit", "7", "--body-file"], BODY, "Tehtävän #7 kuvaus päivitettiin."),
        (False, '[{"number": 7}]', ["issue", "close", "7", "--comment", f"Kaikki linkit toimivat taas. Tarkistus: {RUN_URL}"], None, "Kaikki linkit toimivat: tehtävä #7 suljettiin."),
        (False, "[]", None, None, "Kaikki linkit toimivat, eikä avointa tehtävää ole."),
    ],
)  # fmt: skip
def test_issue_is_created_edited_or_closed(tmp_path, report, open_issues, last_call, body, said):
    env = fake_command(tmp_path, "gh") | {"RUN_URL": RUN_URL, "FAKE_OPEN": open_issues, "FAKE_EXITS": '{"label create": 1}'}
    path = tmp_path / "linkit.md"
    if report:
        path.write_text(REPORT, encoding="utf-8")
    result = run("linkkitarkistus.py", "tehtava", "--raportti", str(path), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == said + "\n"
    recorded = calls(tmp_path)
    assert [call["args"] for call in recorded[:2]] == LABEL_AND_LIST, "an existing label (gh fails) is fine"
    if last_call is None:
        assert len(recorded) == 2
    else:
        assert len(recorded) == 3 and recorded[2]["args"][: len(last_call)] == last_call and recorded[2]["body"] == body
    assert not report or path.read_text(encoding="utf-8") == REPORT, "the report itself is left as it is"


def test_a_failing_gh_is_reported_in_finnish(tmp_path):
    env = fake_command(tmp_path, "gh") | {"FAKE_EXITS": '{"issue create": 1}'}
    (tmp_path / "linkit.md").write_text(REPORT, encoding="utf-8")
    result = run("linkkitarkistus.py", "tehtava", "--raportti", str(tmp_path / "linkit.md"), env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "linkkitarkistus.py: virhe: komento gh issue create epäonnistui (paluuarvo 1)" in result.stderr


@pytest.mark.parametrize(("status", "expected"), [(0, 0), (1, 0), (2, 2)])
def test_check_passes_findings_and_stops_on_no_network(tmp_path, status, expected):
    env = fake_command(tmp_path, "kirjasto") | {"FAKE_EXITS": json.dumps({"tarkista --ei-valimuistia": status})}
    kirjasto = str(tmp_path / "bin" / "kirjasto")
    result = run("linkkitarkistus.py", "tarkista", "--kirjasto", kirjasto, "--raportti", "linkit.md", env=env)
    assert result.returncode == expected
    assert [call["args"] for call in calls(tmp_path)] == [["tarkista", "--ei-valimuistia", "--markdown", "linkit.md"]]
