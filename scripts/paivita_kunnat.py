"""Refresh the municipality, region and language reference data.

Offline: the script never downloads anything. A maintainer saves these answers of
the Statistics Finland classification API into one folder (YYYY = the year; the
addresses are under https://data.stat.fi/api/classifications/v2/, and
`--help` prints them in full):

- kunta_fi.json, kunta_sv.json: classifications/kunta_1_YYYY0101/
  classificationItems?content=data&meta=max&lang=fi (and lang=sv)
- maakunta_fi.json, maakunta_sv.json: the same for maakunta_1_YYYY0101
- kunta_maakunta.json: correspondenceTables/kunta_1_YYYY0101%23maakunta_1_YYYY0101/
  maps?content=data&meta=max&lang=fi
- kielisuhde_fi.json, kielisuhde_sv.json, kunta_kielisuhde.json (all or none):
  the same for the municipalities' language division kielisuhde_1_YYYY0101

The JSON shapes are described in tilastokeskus/__init__.py (a module, not a script). The script writes
municipalities-YYYY.csv (and municipality-languages-YYYY.csv) as described in
hooks/kirjasto/data/SOURCE.md: sorted by code, names trimmed, a Finnish name
"Maarianhamina - Mariehamn" shortened to its Finnish part, region codes "MK" + two
digits. Nothing is written unless every file is valid. It prints the counts and
what changed against the newest earlier file of the same kind (added, removed and
renamed municipalities, region or language changes), for reviewing a yearly merger.
Wrong input ends with a Finnish message naming the file, exit code 2.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kirjasto.tools.cli_language import speak_finnish
from tilastokeskus import InputError, bilingual, classification_year, read_map, source_files

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "hooks" / "kirjasto" / "data"

Row = tuple[str, ...]
Baseline = tuple[Path, dict[str, Row]] | None  # an earlier file and its rows by code


@dataclass(frozen=True)
class Grouping:
    """A classification in which every municipality has exactly one class."""

    name: str  # Statistics Finland's classification: maakunta, kielisuhde
    code_pattern: str
    prefix: str  # put in front of the class code in the CSV
    output: str  # the CSV's name before the year
    column: str  # the CSV's class columns are <column>_code, <column>_fi, <column>_sv
    partitive: str  # "kunnalla 091 ei ole maakuntaa"
    change: str  # the summary line of a municipality that moved to another class

    @property
    def columns(self) -> Row:
        return ("code", "name_fi", "name_sv", f"{self.column}_code", f"{self.column}_fi", f"{self.column}_sv")


REGIONS = Grouping("maakunta", r"\d{2}", "MK", "municipalities-", "region", "maakuntaa", "Maakunta muuttui")
LANGUAGES = Grouping("kielisuhde", r"\d", "", "municipality-languages-", "language", "kielisuhdetta", "Kielisuhde muuttui")
SOURCES = source_files((REGIONS.name, LANGUAGES.name))


def municipality_names(folder: Path) -> dict[str, tuple[str, str]]:
    """Code -> (Finnish, Swedish); "Maarianhamina - Mariehamn" keeps the Finnish part."""
    names = bilingual(folder, "kunta", r"\d{3}")
    return {code: (fi.removesuffix(f" - {sv}"), sv) for code, (fi, sv) in names.items()}


def grouped_rows(folder: Path, municipalities: dict[str, tuple[str, str]], grouping: Grouping) -> list[Row]:
    """One CSV row per municipality, with its class; every municipality must have one."""
    classes = bilingual(folder, grouping.name, grouping.code_pattern)
    map_path = folder / f"kunta_{grouping.name}.json"
    mapping = read_map(map_path)
    unknown = ", ".join(sorted(set(mapping) - set(municipalities)))
    if unknown:
        raise InputError(f"{map_path}: kuntia ei ole tiedostossa kunta_fi.json: {unknown}")
    rows: list[Row] = []
    for code, names in sorted(municipalities.items()):
        target = mapping.get(code)
        if target is None:
            raise InputError(f"{map_path}: kunnalla {code} {names[0]} ei ole {grouping.partitive}")
        if target not in classes:
            raise InputError(f"{map_path}: kunnan {code} luokkaa {target} ei ole tiedostossa {grouping.name}_fi.json")
        rows.append((code, *names, grouping.prefix + target, *classes[target]))
    return rows


def language_files_given(folder: Path) -> bool:
    names = [name for name in SOURCES if LANGUAGES.name in name]
    present = [name for name in names if (folder / name).exists()]
    if present and len(present) < len(names):
        missing = ", ".join(name for name in names if name not in present)
        raise InputError(f"{folder}: kielisuhdetiedostoista puuttuu {missing} (anna kaikki tai ei yhtään)")
    return bool(present)


def csv_text(columns: Row, rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def previous_file(folder: Path, grouping: Grouping, year: int) -> Path | None:
    """The newest existing CSV of this kind for `year` or an earlier year."""
    found: dict[int, Path] = {}
    for path in folder.glob(f"{grouping.output}*.csv"):
        stem = path.stem.removeprefix(grouping.output)
        if stem.isdigit() and int(stem) <= year:
            found[int(stem)] = path
    return found[max(found)] if found else None


def baseline(folder: Path, grouping: Grouping, year: int) -> Baseline:
    path = previous_file(folder, grouping, year)
    if path is None:
        return None
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            table = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(f"{path}: aiempaa tiedostoa ei voi lukea ({error})") from None
    if not table or tuple(table[0]) != grouping.columns or any(len(row) != len(table[0]) for row in table):
        raise InputError(f"{path}: aiemman tiedoston sarakkeet eivät ole {','.join(grouping.columns)}")
    return path, {row[0]: tuple(row) for row in table[1:]}


def describe(row: Row) -> str:
    return f"{row[0]} {row[1]} ({row[3]} {row[4]})"


def changes(old: dict[str, Row], new: dict[str, Row], grouping: Grouping) -> list[str]:
    """Finnish lines: added, removed and renamed municipalities, class changes."""
    lines = [f"  Uusi kunta: {describe(new[code])}" for code in sorted(new.keys() - old.keys())]
    lines += [f"  Poistunut kunta: {describe(old[code])}" for code in sorted(old.keys() - new.keys())]
    for code in sorted(old.keys() & new.keys()):
        before, after = old[code], new[code]
        if before[1:3] != after[1:3]:
            lines.append(f"  Nimi muuttui: {code} {' / '.join(before[1:3])} → {' / '.join(after[1:3])}")
        if before[3:] != after[3:]:
            was, now = " ".join(before[3:5]), " ".join(after[3:5])
            lines.append(f"  {grouping.change}: {code} {after[1]}: {was} → {now}")
    return lines


def report(target: Path, rows: list[Row], grouping: Grouping, before: Baseline) -> None:
    counts = Counter(row[3] for row in rows)
    print(f"Kirjoitettiin {target}: {len(rows)} kuntaa, {len(counts)} luokkaa ({grouping.name}).")
    print("  Kuntia luokittain: " + ", ".join(f"{code} {count}" for code, count in sorted(counts.items())))
    if before is None:
        print("  Aiempaa tiedostoa ei ole, joten muutoksia ei verrattu.")
        return
    path, old = before
    lines = changes(old, {row[0]: row for row in rows}, grouping)
    print(f"  Muutokset tiedostoon {path} verrattuna: {len(lines) or 'ei muutoksia'}")
    for line in lines:
        print(line)


def write(target: Path, text: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    except OSError as error:
        raise InputError(f"{target}: tiedostoa ei voi kirjoittaa ({error.strerror})") from None


def refresh(source: Path, output: Path, compare: Path, year: int | None) -> None:
    """Read and check everything first; write only when all of it is valid."""
    if not source.is_dir():
        raise InputError(f"{source}: lähdekansiota ei ole")
    year = year or classification_year(source / "kunta_fi.json")
    municipalities = municipality_names(source)
    groupings = [REGIONS, LANGUAGES] if language_files_given(source) else [REGIONS]
    plans = [(g, grouped_rows(source, municipalities, g), baseline(compare, g, year)) for g in groupings]
    for grouping, rows, before in plans:
        target = output / f"{grouping.output}{year}.csv"
        write(target, csv_text(grouping.columns, rows))
        report(target, rows, grouping, before)
    if len(plans) == 1:
        print("Kielisuhdetiedostoja ei annettu, joten kielitiedostoa ei kirjoitettu.")


def build_parser() -> argparse.ArgumentParser:
    files = "\n".join(f"  {name}\n    {url}" for name, url in SOURCES.items())
    parser = argparse.ArgumentParser(
        prog="paivita_kunnat.py",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Päivittää kuntien, maakuntien ja kielisuhteiden viitetiedot Tilastokeskuksen\n"
            "luokitustiedostoista. Ei lataa mitään: tallenna ensin alla luetellut\n"
            "rajapinnan vastaukset samaan kansioon (YYYY = vuosi). Kirjoittaa tiedostot\n"
            "municipalities-YYYY.csv ja municipality-languages-YYYY.csv vasta, kun kaikki\n"
            "lähteet ovat kunnossa, ja tulostaa, mikä muuttui edelliseen tiedostoon\n"
            "verrattuna (uudet, poistuneet ja uudelleen nimetyt kunnat, maakunnan ja\n"
            "kielisuhteen muutokset). Virheellinen lähde: paluuarvo 2."
        ),
        epilog=f"Lähdetiedostot (kielisuhdetiedostot ovat valinnaisia: kaikki tai ei yhtään):\n{files}",
    )
    default = DATA_DIR.relative_to(ROOT)
    parser.add_argument("lahde", type=Path, metavar="LÄHDEKANSIO", help="kansio, jossa JSON-tiedostot ovat")
    parser.add_argument(
        "--kohde", type=Path, default=DATA_DIR, metavar="KANSIO", help=f"mihin CSV-tiedostot kirjoitetaan (oletus: {default})"
    )
    parser.add_argument(
        "--vertaa", type=Path, metavar="KANSIO", help="kansio, jonka aiempiin tiedostoihin verrataan (oletus: kohdekansio)"
    )
    parser.add_argument(
        "--vuosi", type=int, help="vuosi tiedostonimiin (oletus: luokituksen tunnuksesta, kuten kunta_1_20250101)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    speak_finnish()
    args = build_parser().parse_args(argv)
    try:
        refresh(args.lahde, args.kohde, args.vertaa or args.kohde, args.vuosi)
    except InputError as error:
        print(f"paivita_kunnat.py: virhe: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
