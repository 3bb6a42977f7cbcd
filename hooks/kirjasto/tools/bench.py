"""`kirjasto bench`: our build against a plain mkdocs-material build of the same
bodies, measured side by side in one run on one machine, with ratios.

For each size: (a) baseline: the items as plain Markdown pages, mkdocs-material
with its search plugin (`lang: fi`), no hooks, a small nav, and the same pages in
each other language the repository publishes (`bench_sites`); (b) our full build
(`mkdocs build --strict`) cold, with no stored validation results or compiled
templates, and warm, with those of the previous run; (c) `kirjasto validate`
alone, cold and warm; (d) peak memory of each (the largest resident set of the
process and its children); (e) site size, the largest listing page, one item
page's size. The smallest size also measures `mkdocs serve` from a saved item to
the new page served, and the largest `kirjasto preview`. The real library is
measured against plain mkdocs-material building the same pages (`kirjasto
generate`), with its own save-to-reload time.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kirjasto.tools.bench_sites import (
    baseline_command,
    copy_library,
    other_languages,
    site_metrics,
    write_baseline,
    write_real_baseline,
)
from kirjasto.tools.bench_table import format_table
from kirjasto.tools.live_bench import measured_environment, preview_seconds, save_to_reload
from kirjasto.tools.synthetic import write_synthetic_library

Metrics = dict[str, Any]
CACHE_VARIABLE = "KIRJASTO_VALIMUISTI"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_kb: int
    returncode: int


LAUNCHER = (
    "import os, subprocess, sys\n"
    "process = subprocess.Popen(sys.argv[2:])\n"
    "_, status, usage = os.wait4(process.pid, 0)\n"
    "open(sys.argv[1], 'w').write(str(usage.ru_maxrss))\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)
"""Starts the measured command from a small process. A process forked from the bench
(which grows to hundreds of megabytes) would count the bench's resident memory as its
own peak (Linux keeps the largest resident set across exec), so the bench's size would
set a floor under every figure, ours and the baseline's alike."""


def measure(command: list[str], cwd: Path, quiet: bool = False, environment: dict[str, str] | None = None) -> Run:
    """Wall time and peak memory of one command (os.wait4 gives its rusage, whose maximum
    resident set covers the processes it waited for too). A failing command's error
    output is shown unless `quiet` (an expected failure)."""
    env = measured_environment(environment)
    # The error output goes to a file: a pipe read only at the end would fill up and
    # stop a talkative build.
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryDirectory() as folder:
        peak = Path(folder) / "peak"
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-S", "-c", LAUNCHER, str(peak), *command],
            cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors,
        )  # fmt: skip
        returncode = process.wait()
        seconds = time.perf_counter() - started
        if returncode != 0 and not quiet:
            errors.seek(0)
            sys.stderr.write(errors.read().decode("utf-8", "replace")[-2000:])
        peak_kb = int(peak.read_text()) if peak.is_file() else 0
    return Run(seconds=seconds, peak_kb=peak_kb, returncode=returncode)


def _summary(runs: list[Run]) -> Metrics:
    seconds = [r.seconds for r in runs]
    return {
        "median_s": round(statistics.median(seconds), 2),
        "min_s": round(min(seconds), 2),
        "max_s": round(max(seconds), 2),
        "peak_mb": round(max(r.peak_kb for r in runs) / 1024, 1),
        "runs": len(runs),
        "ok": all(r.returncode == 0 for r in runs),
    }


class _Caches:
    """A fresh, empty cache folder for each cold run; one kept folder for the warm runs."""

    def __init__(self, workdir: Path, name: str) -> None:
        self.workdir, self.name, self.count = workdir, name, 0
        self.warm = {CACHE_VARIABLE: str(workdir / f"valimuisti-{name}")}

    def cold(self) -> dict[str, str]:
        self.count += 1
        return {CACHE_VARIABLE: str(self.workdir / f"valimuisti-{self.name}-kylma-{self.count}")}


def _compare(library: Path, baseline: Path, repeat: int, caches: _Caches) -> dict[str, list[Run]]:
    python = sys.executable
    build = [python, "-m", "mkdocs", "build", "--strict", "-d", str(library / "site")]
    validate = [python, "-m", "kirjasto.tools.cli", "validate", "--root", str(library)]
    runs: dict[str, list[Run]] = {"baseline": [], "ours": [], "ours_warm": [], "validate": [], "validate_warm": []}
    measure(validate, library, environment=caches.warm)  # the warm runs start from a previous run's results
    for _ in range(repeat):
        # Interleaved, so that a slow moment of a shared machine hits every kind of run.
        # No -q: with it MkDocs does not count warnings, and --strict would not fail.
        runs["baseline"].append(measure(baseline_command(baseline), baseline))
        runs["ours"].append(measure(build, library, environment=caches.cold()))
        runs["ours_warm"].append(measure(build, library, environment=caches.warm))
        runs["validate"].append(measure(validate, library, environment=caches.cold()))
        runs["validate_warm"].append(measure(validate, library, environment=caches.warm))
    return runs


def _ratios(runs: dict[str, list[Run]]) -> Metrics:
    result: Metrics = {name: _summary(found) for name, found in runs.items()}
    base = result["baseline"]
    result["ratio"] = round(result["ours"]["median_s"] / base["median_s"], 2)
    result["ratio_warm"] = round(result["ours_warm"]["median_s"] / base["median_s"], 2)
    result["memory_ratio"] = round(max(result["ours"]["peak_mb"], result["ours_warm"]["peak_mb"]) / base["peak_mb"], 2)
    return result


def _first_item(library: Path) -> tuple[Path, str]:
    item = sorted((library / "practices" / "kaytannot").glob("*.md"))[0]
    return item, f"kaytannot/{item.stem}/"


def bench_size(repository: Path, workdir: Path, size: int, repeat: int, today: datetime.date, live: set[str]) -> Metrics:
    library = write_synthetic_library(repository, workdir / f"{size}-kirjasto", size, today=today).root
    baseline = workdir / f"{size}-vertailu"
    write_baseline(library, baseline)
    caches = _Caches(workdir, str(size))
    result = _ratios(_compare(library, baseline, repeat, caches))
    result["site_ours"] = site_metrics(library / "site", ours=True)
    result["site_baseline"] = site_metrics(baseline / "site", ours=False)
    result["site_dir"] = str(library / "site")
    item, url = _first_item(library)
    if "serve" in live:
        figures = save_to_reload(library, item, url, caches.warm)
        result["serve"] = {"first_served_s": figures.first_served_s, "save_to_reload_s": figures.save_to_reload_s}
    if "engines" in live:
        result["engines"] = _engines(library, repeat, caches)
    if "preview" in live:
        # Three previews (the median is the figure): the first time also fills the
        # operating system's file cache.
        result["previews_s"] = [preview_seconds(library, item, url, caches.warm) for _ in range(3)]
        result["preview_s"] = round(statistics.median(result["previews_s"]), 2)
    return result


def _engines(library: Path, repeat: int, caches: _Caches) -> Metrics:
    """The same library with ProperDocs (the same hook) and with Zensical (`make build
    ENGINE=zensical`: validation, the generated tree, Zensical, the finishing pass),
    with stored validation results, like the warm MkDocs build beside them."""
    python = sys.executable
    commands = {
        "properdocs": [str(Path(python).with_name("properdocs")), "build", "--strict", "-d", str(library / "site-properdocs")],
        "zensical": [python, "-m", "kirjasto.tools.cli", "zensical", "--root", str(library), "--site-dir", "site-zensical"],
    }
    if importlib.util.find_spec("zensical") is None:
        del commands["zensical"]
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(measure(command, library, environment=caches.warm))
    return {name: _summary(found) for name, found in runs.items()}


def bench_real(repository: Path, workdir: Path, repeat: int, today: datetime.date) -> Metrics:
    """The real library: our build of a copy of the repository against plain
    mkdocs-material building the same pages, and its save-to-reload time."""
    library = copy_library(repository, workdir / "oikea-kirjasto")
    baseline = workdir / "oikea-vertailu"
    write_real_baseline(library, baseline, today)
    caches = _Caches(workdir, "oikea")
    result = _ratios(_compare(library, baseline, repeat, caches))
    result["pages"] = {"ours": site_metrics(library / "site", ours=True)["html_pages"]}
    result["pages"]["baseline"] = site_metrics(baseline / "site", ours=False)["html_pages"]
    item = library / "practices" / "kaytannot" / "satakunnan-tutoryhteistyo.md"
    figures = save_to_reload(library, item, "kaytannot/satakunnan-tutoryhteistyo/", caches.warm)
    result["serve"] = {"first_served_s": figures.first_served_s, "save_to_reload_s": figures.save_to_reload_s}
    return result


def run_bench(
    repository: Path, sizes: list[int], repeat: int, workdir: Path, output: Path, today: datetime.date
) -> dict[int, Metrics]:
    from kirjasto.tools.hostile_bench import bench_hostile, format_hostile
    from kirjasto.tools.search_bench import bench_search, format_search

    workdir.mkdir(parents=True, exist_ok=True)
    # Runs that set no cache folder of their own (the hostile inputs, the search sites)
    # keep their results in the work folder, not in the user's cache folder.
    os.environ.setdefault(CACHE_VARIABLE, str(workdir / "valimuisti-muut"))
    print("Mitataan oikea kirjasto ...", flush=True)
    real = bench_real(repository, workdir, repeat, today)
    results: dict[int, Metrics] = {}
    ordered = sorted(sizes)
    for size in ordered:
        print(f"Mitataan {size} kuvausta ({repeat} kierrosta) ...", flush=True)
        live = ({"serve", "engines"} if size == ordered[0] else set()) | ({"preview"} if size == ordered[-1] else set())
        results[size] = bench_size(repository, workdir, size, repeat, today, live)
    print("Mitataan haku selaimessa ...", flush=True)
    search = bench_search(repository, workdir, {size: Path(r["site_dir"]) for size, r in results.items()})
    for size, spread in search.get("sizes", {}).items():
        results[size]["search_worst_gzip"] = spread["worst_gzip"]
    languages = ["fi", *other_languages(repository)]
    if len(languages) > 1:
        print(f"Kielet: {', '.join(languages)}: sekä oma rakentaminen että vertailu tekevät samat sivut jokaisella kielellä.")
    print(format_table(results, real))
    print()
    print(format_search(search))
    print("\nMitataan vihamieliset syötteet (yksi 256 KiB:n kuvaus kerrallaan) ...", flush=True)
    hostile = bench_hostile(repository, workdir)
    print(format_hostile(hostile))
    machine = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    report = {
        "machine": machine,
        "languages": languages,
        "real": real,
        "results": results,
        "search": search,
        "hostile": [vars(r) for r in hostile],
    }
    output.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nTulokset: {output}")
    return results
