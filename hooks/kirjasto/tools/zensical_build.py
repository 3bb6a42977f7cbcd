"""`kirjasto zensical` (`make build ENGINE=zensical`): the site built with Zensical.

Zensical runs no MkDocs hooks, so the library's work happens around it:
1. `kirjasto generate` writes the hook-free tree into `build/zensical/` (validation
   first: an invalid library writes nothing), with the Content-Security-Policy for
   Zensical's own theme scripts;
2. `zensical build --strict` builds the tree;
3. every page gets what the MkDocs hook adds after the theme (`site.finish`), and a
   page with an unknown inline script refuses the build;
4. each other language the site publishes (`extra.kirjasto.other_languages`) is built
   the same way from its configuration, into the site's `<language>/` folder;
5. only then does the finished site replace the site folder, so nothing half-built
   is ever published.
"""

from __future__ import annotations

import datetime
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kirjasto.content.config_file import other_language_config
from kirjasto.content.messages import messages_in
from kirjasto.content.problems import REFUSED_BUILD, errors, format_report
from kirjasto.content.settings import LibrarySettings
from kirjasto.site.finish import finish_pages
from kirjasto.site.tree import generate_tree

TREE_DIR = Path("build") / "zensical"
"""Where the tree is generated, under the repository (ignored by Git)."""

NOT_INSTALLED = "Zensical ei ole asennettu tähän ympäristöön. Asenna se komennolla make install-zensical (tai rakenna: make build ENGINE=zensical)."
REFUSED = messages_in().say(REFUSED_BUILD)


@dataclass(frozen=True)
class ZensicalBuild:
    status: int
    """0: the site was built; 1: refused (the report says why)."""
    report: str
    """What the contributor reads, in Finnish."""


def build_with_zensical(root: Path, config_name: str, site_dir: Path, *, today: datetime.date) -> ZensicalBuild:
    """Build the library at `root` with Zensical into `site_dir`, with its other languages."""
    if importlib.util.find_spec("zensical") is None:
        return ZensicalBuild(1, NOT_INSTALLED)
    tree_dir = root / TREE_DIR
    built = _build_side(root, config_name, tree_dir, today, root_language=None)
    if isinstance(built, ZensicalBuild):
        return built
    site, settings = built
    for language, other_config in settings.other_languages:
        if language == settings.language:
            continue
        other_name = other_language_config(root, config_name, language, other_config)
        other = _build_side(root, other_name, tree_dir.with_name(f"{tree_dir.name}-{language}"), today, settings.language)
        if isinstance(other, ZensicalBuild):
            return other
        shutil.move(str(other[0]), str(site / language))
    _publish(site, site_dir)
    return ZensicalBuild(0, f"Sivusto rakennettiin Zensicalilla kansioon {site_dir}.")


def _build_side(
    root: Path, config_name: str, tree_dir: Path, today: datetime.date, root_language: str | None
) -> ZensicalBuild | tuple[Path, LibrarySettings]:
    """One language's finished site (its folder and settings), or why it was refused."""
    tree = generate_tree(root, config_name, tree_dir, today=today, engine="zensical", root_language=root_language)
    if errors(tree.problems):
        return ZensicalBuild(1, format_report(tree.problems) + "\n" + REFUSED)
    assert tree.library is not None and tree.settings is not None, "a tree without errors was written"
    built = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(tree_dir / "mkdocs.yml")],
        cwd=tree_dir,
        capture_output=True,
        text=True,
    )
    if built.returncode != 0:
        # Zensical's own report is English; it is shown as it is, then the Finnish line.
        return ZensicalBuild(1, f"Zensical ei rakentanut sivustoa:\n{built.stdout}{built.stderr}\n{REFUSED}")
    problems = finish_pages(tree_dir / "site", tree.library, tree.settings, tree.policy)
    if problems:
        return ZensicalBuild(1, "\n".join(problems) + "\n" + REFUSED)
    return tree_dir / "site", tree.settings


def _publish(built: Path, site_dir: Path) -> None:
    """Put the finished site where the old one was, the old one removed only after."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    old = Path(tempfile.mkdtemp(prefix=".kirjasto-vanha-", dir=site_dir.parent))
    if site_dir.exists():
        site_dir.rename(old / "site")
    shutil.move(str(built), str(site_dir))
    shutil.rmtree(old, ignore_errors=True)
