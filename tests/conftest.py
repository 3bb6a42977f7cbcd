"""Fixtures that write small libraries into tmp_path."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from kirjasto.content import load_library
from kirjasto.tools.synthetic import in_one_language

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
# One "today" for the whole suite and for every build it starts (they inherit the
# environment): nothing depends on the wall clock. tests/test_clock.py runs the
# date logic again with a "today" years ahead.
os.environ.setdefault("KIRJASTO_TODAY", "2026-11-30")
TODAY = datetime.date.fromisoformat(os.environ["KIRJASTO_TODAY"])
# Stored validation results of the test run's libraries stay in a folder of their own,
# not in the user's cache folder (kirjasto/content/validation_store.py).
os.environ.setdefault("KIRJASTO_VALIMUISTI", tempfile.mkdtemp(prefix="kirjasto-valimuisti-"))
# The command line speaks Swedish under a Swedish locale (kirjasto.content.messages);
# the suite's expectations are Finnish unless a test asks for Swedish itself.
for _variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
    if os.environ.get(_variable, "").lower().startswith("sv"):
        os.environ[_variable] = "C.UTF-8"

VALID_FRONT_MATTER = """\
title: Tutoropettajat tukevat kollegoitaan
summary: Tutoropettajat auttavat kollegoitaan digitaalisen pedagogiikan käytössä.
municipalities: [Hämeenlinna]
levels: [perusopetus]
themes: [tutoropettajatoiminta]
status: kaytossa
updated: 2026-11-01
"""
VALID_BODY = "## Tavoitteet\n\nKollegat oppivat toisiltaan.\n"


class LibraryFolder:
    """A throw-away repository with the real vocabularies and chosen items."""

    def __init__(self, root: Path) -> None:
        self.root = root
        content = root / "practices"
        for folder in ("kaytannot", "verkostot", "materiaalit"):
            (content / folder).mkdir(parents=True)
        for vocabulary in ("teemat.yml", "kohderyhmat.yml"):
            shutil.copy(REPOSITORY_ROOT / "practices" / vocabulary, content / vocabulary)
        # The site's configuration: bodies are rendered with its Markdown settings.
        shutil.copy(REPOSITORY_ROOT / "mkdocs.yml", root / "mkdocs.yml")

    def write(self, relative: str, front_matter: str = VALID_FRONT_MATTER, body: str = VALID_BODY) -> Path:
        """Write `practices/<relative>` with the given front matter (dedented) and body."""
        path = self.root / "practices" / relative
        path.write_text(f"---\n{textwrap.dedent(front_matter)}---\n\n{body}", encoding="utf-8")
        return path

    def write_raw(self, relative: str, text: str | bytes) -> Path:
        path = self.root / "practices" / relative
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def load(self):
        return load_library(self.root, today=TODAY)

    def problems(self) -> list[str]:
        return [problem.format() for problem in self.load().problems]


@pytest.fixture
def library(tmp_path: Path) -> LibraryFolder:
    return LibraryFolder(tmp_path)


def front_matter(**changes: str | None) -> str:
    """The valid front matter with fields replaced (value is the YAML text) or removed (None)."""
    lines = dict(line.split(":", 1) for line in VALID_FRONT_MATTER.strip().split("\n"))
    for key, value in changes.items():
        if value is None:
            lines.pop(key, None)
        else:
            lines[key] = " " + value
    return "\n".join(f"{key}:{value}" for key, value in lines.items()) + "\n"


BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def command_or_skip(candidates: tuple[str, ...], missing: str) -> str:
    """The path of the first installed command of `candidates`; when there is none, a skip
    locally and a failure in CI (CI=true), both saying `missing` (how to install it)."""
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail(missing)
    pytest.skip(missing)


def mkdocs_build(root: Path, site: Path, config: str = "mkdocs.yml", **environment: str) -> subprocess.CompletedProcess:
    """The real `mkdocs build --strict`, as `make build CONFIG=...` runs it (e.g. SITE_URL=...)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**BUILD_ENV, **environment},
        timeout=300,
    )


def copy_repository(destination: Path, *, both_languages: bool = False) -> Path:
    """The parts of the repository a build reads, copied to `destination`. Unless
    `both_languages`, its site is Finnish only (no `other_languages`): a test of something
    else need not build the Swedish side too, which would double its build time."""
    destination.mkdir(parents=True)
    for name in ("mkdocs.yml", "mkdocs.sv.yml", "docs", "docs-sv", "overrides", "practices", "hooks"):
        source = REPOSITORY_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(source, destination / name)
    if not both_languages:
        in_one_language(destination / "mkdocs.yml")
    return destination


@pytest.fixture(scope="session")
def repository_site(tmp_path_factory) -> Path:
    """The repository's own site, built once per test run (both languages; in the
    years-ahead run of tests/test_clock.py, whose modules check no Swedish page, the
    Finnish side only)."""
    site_dir = tmp_path_factory.mktemp("site")
    root = REPOSITORY_ROOT
    if os.environ.get("KIRJASTO_AHEAD") == "1":
        root = copy_repository(tmp_path_factory.mktemp("yksikielinen") / "repo")
    result = mkdocs_build(root, site_dir)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site(repository_site) -> Path:
    """The repository's own site (a test module may mean another site by this name)."""
    return repository_site


@pytest.fixture(scope="module")
def server(site):
    """The built site served on 127.0.0.1 (tests that need another site override it)."""
    from kirjasto.tools.static_site import StaticServer

    with StaticServer(site) as running:
        yield running


@pytest.fixture(scope="session")
def tree_site(tmp_path_factory) -> Path:
    """The hook-free tree (`kirjasto generate`) of the repository, built once per test run
    (tests/test_tree.py compares it with the hook build; tests/test_html_validity.py checks it)."""
    from kirjasto.tools.cli import main

    out = tmp_path_factory.mktemp("puu") / "tree"
    assert main(["generate", str(out), "--root", str(REPOSITORY_ROOT)]) == 0
    assert "\nhooks:" not in (out / "mkdocs.yml").read_text("utf-8")
    site = out / "site"
    result = mkdocs_build(out, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def swedish_build(repository_site) -> tuple[Path, Path]:
    """The repository's Swedish side (`sv/` of its own site, built from mkdocs.sv.yml):
    (the repository, the Swedish site)."""
    assert (repository_site / "sv/index.html").is_file(), "the repository publishes both languages"
    return REPOSITORY_ROOT, repository_site / "sv"


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The repository built with Zensical (`make build ENGINE=zensical`), once per test
    run, from a copy (the command writes its tree into the repository's build/)."""
    from kirjasto.tools.cli import main

    root = copy_repository(tmp_path_factory.mktemp("zensical") / "kirjasto", both_languages=True)
    site = root / "site"
    assert main(["zensical", "--root", str(root)]) == 0
    return site


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium under Playwright, shared by the browser tests."""
    from browser import chromium_or_skip, playwright_chromium

    with playwright_chromium(chromium_or_skip()) as launched:
        yield launched
