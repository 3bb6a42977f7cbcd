"""Working at scale: listing pages stay small, unchanged files are not checked
again during `mkdocs serve`, a preview builds one item, synthetic libraries
are valid, and the benchmark reports its table."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPOSITORY_ROOT, TODAY, front_matter, mkdocs_build
from kirjasto.content import library as library_module
from kirjasto.content import load_library
from kirjasto.content.library import ValidationCache
from kirjasto.tools.bench_table import format_table, goals
from kirjasto.tools.preview import PREVIEW_CONFIG, preview_config, preview_library
from kirjasto.tools.synthetic import write_synthetic_library


def test_unchanged_files_are_not_checked_again(library, monkeypatch):
    for number in range(5):
        library.write(f"kaytannot/tutorit-{number}.md", front_matter(title=f"Tutorit koulussa {number}"))
    cache = ValidationCache()
    checked: list[str] = []
    original = library_module._check_file
    monkeypatch.setattr(
        library_module, "_check_file", lambda file, *a, **k: checked.append(file.path.name) or original(file, *a, **k)
    )
    assert load_library(library.root, today=TODAY, cache=cache).is_valid
    assert len(checked) == 5
    checked.clear()
    library.write("kaytannot/tutorit-3.md", front_matter(title="Tutorit koulussa, muokattu"))
    loaded = load_library(library.root, today=TODAY, cache=cache)
    assert checked == ["tutorit-3.md"]
    assert loaded.library.by_slug["tutorit-3"].title == "Tutorit koulussa, muokattu"
    assert len(loaded.library.items) == 5


def test_editing_a_vocabulary_checks_everything_again(library, monkeypatch):
    library.write("kaytannot/tutorit.md")
    cache = ValidationCache()
    load_library(library.root, today=TODAY, cache=cache)
    teemat = library.root / "practices/teemat.yml"
    teemat.write_text(
        teemat.read_text("utf-8") + "\n- slug: uusi-teema\n  name: Uusi teema\n  description: Kuvaus.\n", encoding="utf-8"
    )
    checked: list[str] = []
    original = library_module._check_file
    monkeypatch.setattr(
        library_module, "_check_file", lambda file, *a, **k: checked.append(file.path.name) or original(file, *a, **k)
    )
    load_library(library.root, today=TODAY, cache=cache)
    assert checked == ["tutorit.md"]


def test_preview_keeps_the_item_and_its_related_items():
    library = load_library(REPOSITORY_ROOT).library
    previewed = preview_library(library, "practices/verkostot/hameenlinna-konsultoivien-verkosto.md")
    slugs = [item.slug for item in previewed.items]
    assert slugs[0] == "hameenlinna-konsultoivien-verkosto" and 4 <= len(slugs) <= 6
    assert "helsinki-asiantuntijaopettajat" in previewed.out_of_scope or "helsinki-asiantuntijaopettajat" in slugs
    assert preview_library(library, "practices/kaytannot/ei-ole.md") is None


def test_preview_build_has_only_the_item_and_what_it_needs(tmp_path):
    root = write_synthetic_library(REPOSITORY_ROOT, tmp_path / "kirjasto", 300, today=TODAY, other_languages=False).root
    target = "practices/kaytannot/" + sorted(p.name for p in (root / "practices/kaytannot").glob("*.md"))[0]
    (root / PREVIEW_CONFIG).write_text(preview_config("mkdocs.yml", target), encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site", PREVIEW_CONFIG)
    assert result.returncode == 0, result.stderr
    built = [
        p
        for folder in ("kaytannot", "verkostot", "materiaalit")
        for p in (tmp_path / "site" / folder).glob("synteettinen-*/index.html")
    ]
    assert 1 <= len(built) <= 6
    assert (tmp_path / "site" / "kaytannot" / Path(target).stem / "index.html").is_file()
    assert not (tmp_path / "site" / "haku-indeksi").exists(), "no search index in a preview"


def test_synthetic_library_is_valid_and_varied(tmp_path):
    root = write_synthetic_library(REPOSITORY_ROOT, tmp_path / "kirjasto", 400, today=TODAY, other_languages=False).root
    loaded = load_library(root)
    assert loaded.is_valid, [p.format() for p in loaded.problems][:5]
    items = loaded.library.items
    assert len(items) == 400
    assert {item.kind.folder for item in items} == {"kaytannot", "verkostot", "materiaalit"}
    assert len({m.name for item in items for m in item.municipalities}) > 100
    assert sum(item.is_national for item in items) > 10


def test_bench_table_reports_ratios_and_goals():
    def run(seconds: float, peak: float) -> dict:
        return {"median_s": seconds, "min_s": seconds, "max_s": seconds, "peak_mb": peak, "runs": 1, "ok": True}

    def result(baseline: float, ours: float, warm: float, peak: float) -> dict:
        return {
            "baseline": run(baseline, 200),
            "ours": run(ours, peak),
            "ours_warm": run(warm, peak),
            "validate": run(9.0, 60),
            "validate_warm": run(0.8, 60),
            "ratio": round(ours / baseline, 2),
            "ratio_warm": round(warm / baseline, 2),
            "memory_ratio": round(peak / 200, 2),
            "site_ours": {"largest_listing": ["teemat/x/index.html", 200_000], "item_page_bytes": 30_000},
        }

    results = {1000: result(3.0, 3.2, 3.0, 250), 10000: result(30.0, 32.0, 31.0, 290)}
    results[1000]["serve"] = {"first_served_s": 7.0, "save_to_reload_s": [0.8, 0.9, 1.0]}
    results[10000]["preview_s"] = 1.6
    real = result(1.0, 1.9, 1.5, 100) | {"pages": {"ours": 117, "baseline": 117}}
    real["serve"] = {"first_served_s": 1.5, "save_to_reload_s": [0.3, 0.3, 0.4]}
    table = format_table(results, real)
    assert "| 10000 | 30.0 (30.0–30.0) | 32.0 (32.0–32.0) | **1.07 ×** | 31.0 (31.0–31.0) | **1.03 ×** |" in table
    assert "| oikea (117 / 117 sivua) |" in table
    assert "tallennuksesta uuteen sivuun 0.8, 0.9, 1 s" in table
    checked = goals(results, real)
    assert len(checked) == 8 and all(met for _, met, _ in checked)
    results[10000]["preview_s"] = 2.5
    assert [goal for goal, met, _ in goals(results, real) if not met] == ["kirjasto preview ≤ 2 s (10000 kuvausta)"]
    json.dumps(results)
