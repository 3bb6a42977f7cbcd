"""The worst case a contributed file can cost: `kirjasto bench` writes each of a set
of pathological bodies of the largest allowed size (256 KiB) as one item into a
copy of the repository and times `kirjasto validate` and `mkdocs build --strict`.

The inputs are the known ways to make Python-Markdown slow or deep (thousands of
`[`, nested lists, emphasis and backtick runs, `<` runs, definition lists ...) and
the largest ordinary description that passes. The rendering budget
(`render.RENDER_BUDGET_SECONDS`, in a build `BUILD_RENDER_BUDGET_SECONDS`) is what
keeps each of them short.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kirjasto.content.library import MAX_FILE_BYTES
from kirjasto.tools.bench import measure
from kirjasto.tools.synthetic import in_one_language

FRONT_MATTER = """---
title: Suurin mahdollinen kuvaus
summary: Mittaa, kauanko yksi suurin sallittu tiedosto vie.
municipalities: [Pori]
levels: [perusopetus]
themes: [steam]
status: kaytossa
updated: 2026-01-01
---

"""


def _fill(unit: str, prefix: str = "## Teksti\n\n") -> str:
    room = MAX_FILE_BYTES - len(FRONT_MATTER.encode("utf-8")) - len(prefix.encode("utf-8")) - 16
    return prefix + unit * (room // len(unit.encode("utf-8")))


def _nested_list(levels: int) -> str:
    return "## Teksti\n\n" + "".join("    " * level + "- kohta\n" for level in range(levels))


def _ordinary() -> str:
    section = (
        "## Osio\n\nOpettajat *suunnittelevat* yhdessä **viikoittain** ja [jakavat](https://www.oph.fi/) "
        "kokemuksiaan. `Koodi` ja lainaukset kuuluvat tekstiin.\n\n- kohta yksi\n- kohta kaksi\n\n"
        "| Vuosi | Määrä |\n|---|---:|\n| 2019 | 12 |\n\n"
    )
    return _fill(section, prefix="")


INPUTS: dict[str, Callable[[], str]] = {
    "tavallinen teksti, 256 KiB": _ordinary,
    "[ × 16 000": lambda: "## Teksti\n\n" + "[" * 16_000 + "\n",
    "[ täyteen": lambda: _fill("["),
    "[[ ]] sisäkkäin": lambda: _fill("[" * 4000 + "]" * 4000 + "\n"),
    "![ täyteen": lambda: _fill("!["),
    "[ ja rivinvaihto": lambda: _fill("[\n"),
    "*_ täyteen": lambda: _fill("*_"),
    "*a täyteen": lambda: _fill("*a"),
    "`a täyteen": lambda: _fill("`a"),
    "<a täyteen": lambda: _fill("<a"),
    "\\ täyteen": lambda: _fill("\\"),
    "määritelmälistat": lambda: _fill(": b\n", prefix="## Teksti\n\na\n"),
    "pelkkiä otsikoita": lambda: _fill("#\n"),
    "huomautuslaatikoita": lambda: _fill("!!! note\n"),
    "lista 200 tasoa": lambda: _nested_list(200),
    "lista 30 tasoa": lambda: _nested_list(30),
    "lainaus 5 000 tasoa": lambda: "## Teksti\n\n" + ">" * 5000 + " x\n",
    "\\![ tekstinä kappaleina": lambda: _fill("\\!\\[" * 100 + "\n\n"),
    "a@ täyteen (sähköpostin haku)": lambda: _fill("aaaaaaaaa@"),
    "yksi pitkä sana (hakuhakemisto)": lambda: "## Teksti\n\nSana: " + "q" * 250_000 + "\n",
    "väliotsikoita täyteen": lambda: _fill("## Väliotsikko *korostettu* ja `koodi`\n\nLyhyt kappale.\n\n", prefix=""),
    "yksi pitkä väliotsikko": lambda: "## " + "sana *x* " * 25_000 + "\n\nKappale.\n",
    "linkin otsikko väliotsikossa": lambda: '## [b](https://example.fi/ "' + "![" * 100_000 + '")\n',
}


@dataclass(frozen=True)
class HostileRun:
    name: str
    validate_s: float
    build_s: float
    accepted: bool
    """By `kirjasto validate` (1 s rendering budget)."""
    build_accepted: bool
    """By the build (3 s budget): it may accept what validation refused, never the reverse."""


def bench_hostile(repository: Path, workdir: Path) -> list[HostileRun]:
    """Each input as the one extra item of a copy of the repository."""
    python = sys.executable
    runs = []
    for name, make in INPUTS.items():
        root = _copy_repository(repository, workdir / "pahin-syote")
        (root / "practices/kaytannot/suurin.md").write_text(FRONT_MATTER + make(), encoding="utf-8")
        validate = measure([python, "-m", "kirjasto.tools.cli", "validate", "--root", str(root)], root, quiet=True)
        build = measure([python, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")], root, quiet=True)
        accepted, build_accepted = validate.returncode == 0, build.returncode == 0
        runs.append(HostileRun(name, round(validate.seconds, 2), round(build.seconds, 2), accepted, build_accepted))
        if accepted and not build_accepted:
            raise RuntimeError(f"{name}: the build refused what validation accepted")
    return runs


def _copy_repository(repository: Path, root: Path) -> Path:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy(repository / "mkdocs.yml", root / "mkdocs.yml")
    # One language: what is measured is how validation and the build meet the input.
    in_one_language(root / "mkdocs.yml")
    for folder in ("docs", "overrides", "practices", "hooks"):
        shutil.copytree(repository / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return root


def _outcome(run: HostileRun) -> str:
    if run.accepted:
        return "hyväksytty"
    return "hylätty (rakentaminen, 3 s:n raja, hyväksyisi)" if run.build_accepted else "hylätty"


def format_hostile(runs: list[HostileRun]) -> str:
    rows = ["| syöte (256 KiB) | tarkistus (s) | rakentaminen (s) | yhteensä (s) | tulos |", "|---|---|---|---|---|"]
    for run in runs:
        rows.append(f"| {run.name} | {run.validate_s} | {run.build_s} | {run.validate_s + run.build_s:.2f} | {_outcome(run)} |")
    worst = max(runs, key=lambda run: run.validate_s + run.build_s)
    rows.append("")
    rows.append(f"Pahin syöte: {worst.name}, tarkistus + rakentaminen {worst.validate_s + worst.build_s:.2f} s (raja 10 s).")
    return "\n".join(rows)
