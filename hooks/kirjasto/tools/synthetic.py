"""Synthetic libraries for the benchmark and scale tests: valid items with
realistic Finnish text (the repository's own sentences, shuffled) and realistic
metadata (many municipalities, skewed themes and levels, every kind)."""

from __future__ import annotations

import datetime
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from kirjasto.content.item_skeleton import RECOMMENDED_SECTIONS
from kirjasto.content.library import load_library
from kirjasto.content.model import STATUSES, Kind
from kirjasto.site.search import markdown_to_text

KIND_SHARES = ((Kind.PRACTICE, 0.6), (Kind.NETWORK, 0.25), (Kind.TOOLKIT, 0.15))
REPOSITORY_PARTS = ("mkdocs.yml", "mkdocs.sv.yml", "docs", "docs-sv", "overrides")


@dataclass(frozen=True)
class SyntheticLibrary:
    root: Path
    size: int


def _sentences(repository: Path) -> list[str]:
    library = load_library(repository).library
    text = " ".join(markdown_to_text(item.body) for item in library.items)
    found = [" ".join(s.split()) for s in re.split(r"(?<=[.!?])\s+", text)]
    return [s for s in found if 40 <= len(s) <= 240 and s[0].isupper() and "<" not in s and ">" not in s]


_Value = TypeVar("_Value")


def _skewed(rng: random.Random, values: list[_Value], count: int) -> list[_Value]:
    """`count` distinct values, the first ones far more likely (a Zipf-like skew)."""
    weights = [1 / (rank + 1) for rank in range(len(values))]
    chosen: list[_Value] = []
    while len(chosen) < min(count, len(values)):
        pick = rng.choices(values, weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def copy_parts(repository: Path, target: Path, parts: tuple[str, ...]) -> Path:
    """`target` emptied, then the named files and folders of the repository copied into it."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in parts:
        source = repository / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif source.is_file():
            shutil.copy(source, target / part)
    return target


def in_one_language(config: Path) -> None:
    """A copied site configuration without its other languages (`other_languages`): for a
    test of something else, which need not build the other side too."""
    text = re.sub(r"^ +other_languages:.*\n", "", config.read_text("utf-8"), flags=re.MULTILINE)
    config.write_text(text, encoding="utf-8")


def write_synthetic_library(
    repository: Path, target: Path, size: int, *, today: datetime.date, seed: int = 1, other_languages: bool = True
) -> SyntheticLibrary:
    """A copy of the repository's site configuration with `size` generated items in `target`,
    published in its other languages too unless `other_languages` is False."""
    rng = random.Random(seed)
    copy_parts(repository, target, REPOSITORY_PARTS)
    if not other_languages:
        in_one_language(target / "mkdocs.yml")
    (target / "hooks").mkdir()
    shutil.copy(repository / "hooks" / "kirjasto_hook.py", target / "hooks" / "kirjasto_hook.py")
    content = target / "practices"
    for kind in Kind:
        (content / kind.folder).mkdir(parents=True)
    for vocabulary in ("teemat.yml", "kohderyhmat.yml", "sallitut-yhteystiedot.yml"):
        shutil.copy(repository / "practices" / vocabulary, content / vocabulary)

    library = load_library(repository, today=today).library
    vocabularies = library.vocabularies
    sentences = _sentences(repository)
    municipalities = sorted(vocabularies.municipalities)
    rng.shuffle(municipalities)
    regions = sorted(vocabularies.regions)
    themes = list(vocabularies.themes)
    levels = [
        "perusopetus",
        "varhaiskasvatus",
        "lukiokoulutus",
        "esiopetus",
        "ammatillinen-koulutus",
        "aikuiskoulutus",
        "tuva",
        "vapaa-sivistystyo",
        "taiteen-perusopetus",
        "korkeakoulutus",
    ]
    audiences = list(vocabularies.audiences)
    for number in range(size):
        kind = rng.choices([k for k, _ in KIND_SHARES], [w for _, w in KIND_SHARES])[0]
        place = rng.random()
        chosen_municipalities = _skewed(rng, municipalities, rng.choice([1, 1, 1, 2])) if place < 0.8 else []
        chosen_regions = [rng.choice(regions)] if 0.8 <= place < 0.92 else []
        first = rng.choice(sentences)
        title = " ".join(first.split()[: rng.randint(4, 9)]).rstrip(".,;:") + f" {number}"
        summary = first if len(first) <= 300 else first[:290].rsplit(" ", 1)[0] + "."
        fields = [
            f"title: {_quote(title[:120])}",
            f"summary: {_quote(summary)}",
            f"municipalities: [{', '.join(_quote(m) for m in chosen_municipalities)}]",
            f"regions: [{', '.join(_quote(r) for r in chosen_regions)}]",
            f"levels: [{', '.join(_skewed(rng, levels, rng.choice([1, 1, 2, 3])))}]",
            f"themes: [{', '.join(_skewed(rng, themes, rng.randint(1, 4)))}]",
        ]
        if kind is not Kind.TOOLKIT or rng.random() < 0.5:
            fields.append(f"status: {rng.choice(list(STATUSES))}")
        fields.append(f"updated: {(today - datetime.timedelta(days=rng.randint(0, 1100))).isoformat()}")
        if rng.random() < 0.5:
            fields.append(f"audience: [{', '.join(_skewed(rng, audiences, rng.randint(1, 3)))}]")
        if rng.random() < 0.6:
            fields.append(f"started: {rng.randint(2010, today.year)}")
        body = "\n".join(
            f"## {section.heading}\n\n" + " ".join(rng.sample(sentences, rng.randint(2, 5))) + "\n"
            for section in RECOMMENDED_SECTIONS[kind]
        )
        path = content / kind.folder / f"synteettinen-{number}.md"
        path.write_text("---\n" + "\n".join(fields) + "\n---\n\n" + body, encoding="utf-8")
    return SyntheticLibrary(root=target, size=size)
