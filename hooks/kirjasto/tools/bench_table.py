"""The benchmark's figures as Finnish tables and the goals of issue 18 as a checklist."""

from __future__ import annotations

import statistics
from typing import Any

Metrics = dict[str, Any]

BUILD_GOAL = 1.10
"""Our full build at most this many times the baseline (3,000 and 10,000 items)."""
MEMORY_GOAL = 1.5
REAL_BUILD_GOAL = 2.0
REAL_RELOAD_GOAL_S = 1.0
RELOAD_GOAL_S = 1.5
PREVIEW_GOAL_S = 2.0
VALIDATION_GOAL_S = 1.0


def _spread(s: Metrics) -> str:
    return f"{s['median_s']} ({s['min_s']}–{s['max_s']})"


def _reload(r: Metrics) -> float | None:
    serve = r.get("serve")
    return round(statistics.median(serve["save_to_reload_s"]), 2) if serve else None


def goals(results: dict[int, Metrics], real: Metrics | None = None) -> list[tuple[str, bool, str]]:
    """(goal, met?, the measured figure) for the checklist."""
    checks: list[tuple[str, bool, str]] = []
    for size in sorted(results):
        r = results[size]
        if size >= 3000:
            for key, label in (("ratio", "kylmänä"), ("ratio_warm", "lämpimänä")):
                checks.append(
                    (
                        f"koko rakentaminen {label} ≤ {BUILD_GOAL:g} × vertailu ({size} kuvausta)",
                        r[key] <= BUILD_GOAL,
                        f"{r[key]} ×",
                    )
                )
    largest = results[max(results)] if results else None
    if largest is not None:
        checks.append(
            (
                f"muistin huippu ≤ {MEMORY_GOAL:g} × vertailu ({max(results)} kuvausta)",
                largest["memory_ratio"] <= MEMORY_GOAL,
                f"{largest['memory_ratio']} ×",
            )
        )
        warm = largest["validate_warm"]["median_s"]
        checks.append(
            (
                f"validointi ≤ {VALIDATION_GOAL_S:g} s ({max(results)} kuvausta, tallennetut tulokset)",
                warm <= VALIDATION_GOAL_S,
                f"{warm} s (kylmänä {largest['validate']['median_s']} s)",
            )
        )
        if "preview_s" in largest:
            checks.append(
                (
                    f"kirjasto preview ≤ {PREVIEW_GOAL_S:g} s ({max(results)} kuvausta)",
                    largest["preview_s"] <= PREVIEW_GOAL_S,
                    f"{largest['preview_s']} s",
                )
            )
    for size in sorted(results):
        reload = _reload(results[size])
        if reload is not None:
            checks.append(
                (f"tallennuksesta uuteen sivuun ≤ {RELOAD_GOAL_S:g} s ({size} kuvausta)", reload <= RELOAD_GOAL_S, f"{reload} s")
            )
    if real:
        checks.append(
            (
                f"oikea kirjasto: make build ≤ {REAL_BUILD_GOAL:g} × vertailu",
                real["ratio"] <= REAL_BUILD_GOAL,
                f"{real['ratio']} × (lämpimänä {real['ratio_warm']} ×)",
            )
        )
        reload = _reload(real)
        if reload is not None:
            checks.append(
                (
                    f"oikea kirjasto: tallennuksesta uuteen sivuun ≤ {REAL_RELOAD_GOAL_S:g} s",
                    reload <= REAL_RELOAD_GOAL_S,
                    f"{reload} s",
                )
            )
    return checks


ENGINE_NAMES = {"properdocs": "ProperDocs", "zensical": "Zensical"}


def format_table(results: dict[int, Metrics], real: Metrics | None = None) -> str:
    rows = [
        "| kuvauksia | vertailu (s) | oma kylmänä (s) | suhde | oma lämpimänä (s) | suhde | validointi kylmänä / lämpimänä (s) | muisti vertailu / oma (Mt) | suurin luettelosivu (kt) | kuvaussivu (kt) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    if real:
        rows.append(_row(f"oikea ({real['pages']['ours']} / {real['pages']['baseline']} sivua)", real, None))
    for size in sorted(results):
        rows.append(_row(str(size), results[size], results[size].get("site_ours")))
    lines = ["\n".join(rows), ""]
    live = [
        f"- {name}: tallennuksesta uuteen sivuun {', '.join(f'{s:g}' for s in r['serve']['save_to_reload_s'])} s "
        f"(ensimmäinen sivu {r['serve']['first_served_s']} s palvelimen käynnistyksestä)"
        for name, r in ([("oikea kirjasto", real)] if real else [])
        + [(f"{size} kuvausta", results[size]) for size in sorted(results)]
        if r and r.get("serve")
    ]
    live += [
        f"- kirjasto preview, {size} kuvausta: {results[size]['preview_s']} s"
        for size in sorted(results)
        if "preview_s" in results[size]
    ]
    if live:
        lines += ["make serve ja kirjasto preview:", *live, ""]
    lines += [
        f"Julkaisumoottorit, {size} kuvausta (tallennetuin tarkistustuloksin): MkDocs {_spread(r['ours_warm'])} s, "
        + ", ".join(f"{ENGINE_NAMES[name]} {_spread(found)} s" for name, found in r["engines"].items())
        + "\n"
        for size, r in sorted(results.items())
        if r.get("engines")
    ]
    lines.append("Tavoitteet:")
    lines += [f"- [{'x' if met else ' '}] {goal}: {figure}" for goal, met, figure in goals(results, real)]
    return "\n".join(lines)


def _row(name: str, r: Metrics, site: Metrics | None) -> str:
    listing = f"{site.get('largest_listing', ['', 0])[1] // 1024}" if site else "–"
    item = f"{(site.get('item_page_bytes') or 0) // 1024}" if site else "–"
    return (
        f"| {name} | {_spread(r['baseline'])} | {_spread(r['ours'])} | **{r['ratio']} ×** | {_spread(r['ours_warm'])} "
        f"| **{r['ratio_warm']} ×** | {r['validate']['median_s']} / {r['validate_warm']['median_s']} "
        f"| {r['baseline']['peak_mb']} / {max(r['ours']['peak_mb'], r['ours_warm']['peak_mb'])} | {listing} | {item} |"
    )
