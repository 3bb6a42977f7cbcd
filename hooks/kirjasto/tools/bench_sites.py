"""What `kirjasto bench` builds and measures besides our own build: the baselines
(plain mkdocs-material, its search plugin on, `lang: fi`, no hooks) and the
figures read from a built site.

A library that publishes other languages too (`extra.kirjasto.other_languages`)
is compared with a baseline that builds the same pages in each of them: a folder
per language (`sv/mkdocs.yml`, its theme and search in that language), built
after the first into `site/<language>/`, as ours are."""

from __future__ import annotations

import datetime
import gzip
import re
import shlex
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from kirjasto.content.config_file import read_config
from kirjasto.content.library import load_library
from kirjasto.content.settings import settings_of_config
from kirjasto.site.tree import generate_tree
from kirjasto.tools.synthetic import copy_parts

BASELINE_CONFIG = """\
site_name: Vertailu
theme:
  name: material
  language: fi
  font: false
plugins:
  - search:
      lang: fi
nav:
  - index.md
not_in_nav: |
  /*/*.md
"""
SAMPLE_ITEM = "synteettinen-0"
REPOSITORY_PARTS = ("mkdocs.yml", "mkdocs.sv.yml", "docs", "docs-sv", "overrides", "practices", "hooks")

Metrics = dict[str, Any]


def other_languages(library_root: Path) -> list[str]:
    """The languages the library's site publishes besides its own."""
    return list(settings_of_config(read_config(library_root / "mkdocs.yml")).other_language_folders)


def baseline_command(baseline: Path) -> list[str]:
    """The baseline's builds: its site, then each other language's into `site/<language>/`."""
    python = shlex.quote(sys.executable)
    site = baseline / "site"
    builds = [f"{python} -m mkdocs build -d {shlex.quote(str(site))}"] + [
        f"{python} -m mkdocs build -f {shlex.quote(str(config))} -d {shlex.quote(str(site / config.parent.name))}"
        for config in sorted(baseline.glob("*/mkdocs.yml"))
    ]
    return ["sh", "-c", " && ".join(builds)]


def _in_language(config: dict[str, Any], language: str) -> dict[str, Any]:
    """A baseline configuration's theme and search in `language`."""
    return {**config, "theme": {**config["theme"], "language": language}, "plugins": [{"search": {"lang": language}}]}


def write_baseline(library_root: Path, target: Path) -> None:
    """The same items as plain Markdown pages (title, summary, body) in a plain site, and
    in each other language the library publishes."""
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    docs.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    for language in other_languages(library_root):
        config = _in_language(yaml.safe_load(BASELINE_CONFIG), language) | {"docs_dir": "../docs"}
        (target / language).mkdir()
        (target / language / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (docs / "index.md").write_text("# Vertailu\n\nSama sisältö ilman kirjaston laajennuksia.\n", encoding="utf-8")
    for item in load_library(library_root).library.items:
        folder = docs / item.kind.folder
        folder.mkdir(exist_ok=True)
        (folder / f"{item.slug}.md").write_text(f"# {item.title}\n\n{item.summary}\n\n{item.body}", encoding="utf-8")


def copy_library(repository: Path, target: Path) -> Path:
    """The parts of the repository a build reads, copied (the real library's own bench)."""
    return copy_parts(repository, target, REPOSITORY_PARTS)


def write_real_baseline(library_root: Path, target: Path, today: datetime.date) -> None:
    """The same pages as the real library's site (every hand-written and generated page,
    from `kirjasto generate`, in each language it publishes), built by plain
    mkdocs-material: no hooks, no theme overrides, the theme's search plugin on."""
    if target.exists():
        shutil.rmtree(target)
    settings = settings_of_config(read_config(library_root / "mkdocs.yml"))
    _write_real_tree(library_root, "mkdocs.yml", target, today, settings.language)
    for language, config_file in settings.other_languages:
        if language in settings.other_language_folders:
            _write_real_tree(library_root, config_file, target / language, today, language)


def _write_real_tree(library_root: Path, config_name: str, target: Path, today: datetime.date, language: str) -> None:
    tree = generate_tree(library_root, config_name, target, today=today)
    if tree.problems:
        raise RuntimeError("kirjasto generate epäonnistui vertailua varten")
    config = _in_language(yaml.safe_load((target / "mkdocs.yml").read_text("utf-8")), language)
    config["theme"].pop("custom_dir", None)
    config["strict"] = False
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.rmtree(target / "overrides", ignore_errors=True)


def site_metrics(site: Path, ours: bool) -> Metrics:
    pages = list(site.rglob("*.html"))
    sizes = {p: p.stat().st_size for p in pages}
    largest = max(sizes, key=sizes.__getitem__)
    item_page = re.compile(r"^(kaytannot|verkostot|materiaalit)/(?!sivu-\d+/)[^/]+/index\.html$")
    listings = {
        p: s
        for p, s in sizes.items()
        if not item_page.match(p.relative_to(site).as_posix()) and p.relative_to(site).parts[0] not in ("assets",)
    }
    sample = next((p for p in pages if p.parent.name == SAMPLE_ITEM), None)
    metrics: Metrics = {
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "html_pages": len(pages),
        "largest_page": [str(largest.relative_to(site)), sizes[largest]],
        "item_page_bytes": sample.stat().st_size if sample else None,
    }
    if listings:
        biggest = max(listings, key=listings.__getitem__)
        metrics["largest_listing"] = [str(biggest.relative_to(site)), listings[biggest]]
    # Our search is measured in the browser by search_bench (first query, median and worst).
    metrics["search"] = {} if ours else _theme_search_payload(site)
    return metrics


def _theme_search_payload(site: Path) -> Metrics:
    index = site / "search" / "search_index.json"
    if not index.exists():
        return {}
    raw = index.read_bytes()
    return {"first_search_raw": len(raw), "first_search_gzip": len(gzip.compress(raw))}
