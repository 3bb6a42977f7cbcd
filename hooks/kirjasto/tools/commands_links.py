"""The maintainers' `kirjasto` commands: `linkit` (every external link, checked
over the network) and `tarkista` (how old each item's facts are, then the links).
Each takes the parsed arguments and returns the exit status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kirjasto.content.library import LoadedLibrary, load_library
from kirjasto.content.text import count_phrase, format_date_fi
from kirjasto.tools.repository import in_library


@in_library
def check_command(args: argparse.Namespace, root: Path) -> int:
    """The maintainers' check: how old each item's facts are, then every external link."""
    from kirjasto.content.config_file import read_config
    from kirjasto.content.freshness import Freshness, age_report, basis_label
    from kirjasto.content.settings import SettingsError, settings_of_config

    loaded = load_library(root, content_dir=args.content, today=args.today)
    try:
        settings = settings_of_config(read_config(root / "mkdocs.yml"))
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    freshness = Freshness(today=args.today, months=settings.freshness_months)
    rows = age_report(loaded.library, freshness)
    print(
        f"Kuvausten tietojen ikä {format_date_fi(args.today)} (vanhimmat ensin; huomautus, kun ikä on vähintään "
        f"{count_phrase(freshness.months, 'kuukausi', 'kuukautta')} tai ei tiedossa):"
    )
    for row in rows:
        age = count_phrase(row.age_months, "kuukausi", "kuukautta") if row.age_months is not None else "ikä ei tiedossa"
        basis = f"{basis_label(row.item)} {format_date_fi(row.facts_date)}" if row.facts_date else basis_label(row.item)
        print(f"{row.item.source_path.as_posix()}: {age} ({basis}){' – huomautus näkyy' if row.stale else ''}")
    stale = sum(1 for row in rows if row.stale)
    print(f"Huomautus vanhentuneista tiedoista näkyy {stale}/{len(rows)} kuvauksessa.\n")
    return _check_links(args, root, loaded)


@in_library
def links_command(args: argparse.Namespace, root: Path) -> int:
    return _check_links(args, root, None)


def _check_links(args: argparse.Namespace, root: Path, loaded: LoadedLibrary | None) -> int:
    """Check the links (of `loaded`, else of the library loaded now), print the report and
    write the Markdown one if asked; the exit status: 2 offline, 1 something to fix, else 0."""
    from kirjasto.tools import links

    options = links.command_options(
        timeout=args.aikakatkaisu,
        use_cache=not args.ei_valimuistia,
        cache_path=Path(args.valimuisti) if args.valimuisti else None,
        max_age_hours=args.enintaan_ika,
    )
    report = links.run_link_check(root, options=options, content_dir=args.content, today=args.today, loaded=loaded)
    for note in report.notes:
        print(note, file=sys.stderr)
    for line in links.format_findings(report):
        print(line)
    print(links.summary_line(report))
    if args.markdown:
        links.write_markdown_report(report, Path(args.markdown))
    return 2 if report.offline else 1 if report.has_problems else 0
