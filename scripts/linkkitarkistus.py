"""The weekly link check of .github/workflows/linkit.yml, as two steps.

`tarkista` runs `kirjasto tarkista --ei-valimuistia --markdown REPORT`. Its exit
code 0 (every link works) and 1 (findings, written to REPORT) both let the workflow
go on; anything else (no server answered, no library) is passed on, so the run
fails before the issue is touched.

`tehtava` keeps one open GitHub issue labelled "linkkitarkistus" in step with
REPORT through the gh CLI (GH_TOKEN and GH_REPO come from the environment):
REPORT exists and an issue is open: its body is replaced; REPORT exists and no
issue is open: one is created; no REPORT and an issue is open: it is closed with a
comment. The label is created first if it is missing. A link to the run's log
(RUN_URL, or --ajo) ends the body. Only this step needs the token.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from kirjasto.tools.cli_language import speak_finnish

LABEL = "linkkitarkistus"
LABEL_COLOR = "D93F0B"
LABEL_DESCRIPTION = "Rikkinäiset tai siirtyneet linkit (linkit.yml)"
TITLE = "Rikkinäisiä tai siirtyneitä linkkejä"
# GitHub refuses an issue body longer than 65,536 characters.
BODY_LIMIT = 60_000


class StepError(Exception):
    """A gh command failed, or the report cannot be read (Finnish message)."""


def run_check(kirjasto: str, report: Path) -> int:
    command = [kirjasto, "tarkista", "--ei-valimuistia", "--markdown", str(report)]
    try:
        status = subprocess.run(command, check=False).returncode
    except OSError as error:
        print(f"linkkitarkistus.py: komentoa {kirjasto} ei voi ajaa ({error.strerror})", file=sys.stderr)
        return 2
    return 0 if status in (0, 1) else status


def gh(executable: str, *arguments: str, capture: bool = False, quiet: bool = False) -> str:
    """Run gh; its standard output when captured (else it goes to the log), StepError when it fails."""
    command = [executable, *arguments]
    try:
        result = subprocess.run(
            command,
            check=False,
            stdout=subprocess.PIPE if capture else None,
            stderr=subprocess.PIPE if quiet else None,
            text=True,
        )
    except OSError as error:
        raise StepError(f"komentoa {executable} ei voi ajaa ({error.strerror})") from None
    if result.returncode != 0:
        raise StepError(f"komento {' '.join(command[:3])} epäonnistui (paluuarvo {result.returncode})")
    return result.stdout or ""


def open_issue(executable: str) -> int | None:
    """The number of the open issue with the label, if there is one."""
    arguments = ("issue", "list", "--label", LABEL, "--state", "open", "--limit", "1", "--json", "number")
    output = gh(executable, *arguments, capture=True)
    try:
        issues = json.loads(output)
        return int(issues[0]["number"]) if issues else None
    except (ValueError, TypeError, KeyError, IndexError):
        raise StepError(f"gh issue list antoi odottamatonta tulostetta: {output[:200]!r}") from None


def issue_body(report: Path, run_url: str) -> str:
    try:
        text = report.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise StepError(f"{report}: raporttia ei voi lukea ({error})") from None
    if len(text) > BODY_LIMIT:
        text = text[:BODY_LIMIT] + "\n\n… Raportti katkaistiin; koko raportti on tarkistuksen lokissa.\n"
    return text + (f"\n[Tarkistuksen loki]({run_url})\n" if run_url else "")


def update_issue(executable: str, report: Path, run_url: str) -> str:
    """Create, edit or close the tracking issue; a Finnish line of what was done."""
    # The label may exist already; if it cannot be made, creating the issue will say so.
    with contextlib.suppress(StepError):
        gh(
            executable,
            "label",
            "create",
            LABEL,
            "--color",
            LABEL_COLOR,
            "--description",
            LABEL_DESCRIPTION,
            capture=True,
            quiet=True,
        )
    number = open_issue(executable)
    if not report.exists():
        if number is None:
            return "Kaikki linkit toimivat, eikä avointa tehtävää ole."
        comment = "Kaikki linkit toimivat taas." + (f" Tarkistus: {run_url}" if run_url else "")
        gh(executable, "issue", "close", str(number), "--comment", comment)
        return f"Kaikki linkit toimivat: tehtävä #{number} suljettiin."
    with tempfile.TemporaryDirectory() as folder:
        body = Path(folder) / "body.md"
        body.write_text(issue_body(report, run_url), encoding="utf-8")
        if number is not None:
            gh(executable, "issue", "edit", str(number), "--body-file", str(body))
            return f"Tehtävän #{number} kuvaus päivitettiin."
        gh(executable, "issue", "create", "--title", TITLE, "--label", LABEL, "--body-file", str(body))
        return "Linkkitarkistukselle luotiin uusi tehtävä."


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="linkkitarkistus.py",
        description="Viikoittaisen linkkitarkistuksen vaiheet (työnkulku .github/workflows/linkit.yml).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="VAIHE")
    check = commands.add_parser(
        "tarkista",
        help="tarkista linkit ja kirjoita raportti",
        description="Ajaa komennon kirjasto tarkista --ei-valimuistia --markdown RAPORTTI. Paluuarvo on 0, "
        "kun linkit toimivat tai löydökset kirjoitettiin raporttiin, muuten komennon oma paluuarvo "
        "(esimerkiksi 2, kun yksikään palvelin ei vastannut).",
    )
    check.add_argument(
        "--kirjasto",
        default=str(Path(sys.executable).with_name("kirjasto")),
        help="kirjasto-komento (oletus: saman virtuaaliympäristön kirjasto)",
    )
    issue = commands.add_parser(
        "tehtava",
        help="luo, päivitä tai sulje linkkitarkistuksen GitHub-tehtävä",
        description=f"Pitää yhden avoimen, tunnisteella {LABEL} merkityn GitHub-tehtävän ajan tasalla gh-komennolla: "
        "jos raportti on, tehtävän kuvaus korvataan sillä tai tehtävä luodaan; jos raporttia ei ole, avoin "
        "tehtävä suljetaan. gh lukee tunnuksen ja tietovaraston ympäristömuuttujista GH_TOKEN ja GH_REPO. "
        "Paluuarvo 1, jos gh-komento epäonnistuu.",
    )
    issue.add_argument(
        "--ajo",
        default=os.environ.get("RUN_URL", ""),
        metavar="OSOITE",
        help="tarkistusajon lokin osoite kuvauksen loppuun (oletus: ympäristömuuttuja RUN_URL)",
    )
    issue.add_argument("--gh", default="gh", metavar="KOMENTO", help="GitHubin komentorivityökalu (oletus: gh)")
    for command in (check, issue):
        command.add_argument(
            "--raportti",
            type=Path,
            default=Path("linkit.md"),
            metavar="TIEDOSTO",
            help="linkkiraportti Markdownina (oletus: linkit.md)",
        )
    return parser


def issue_step(executable: str, report: Path, run_url: str) -> int:
    """Exit code 1 with a Finnish message when gh fails or the report cannot be read."""
    try:
        print(update_issue(executable, report, run_url))
        return 0
    except StepError as error:
        print(f"linkkitarkistus.py: virhe: {error}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    speak_finnish()
    args = build_parser().parse_args(argv)
    if args.command == "tarkista":
        return run_check(args.kirjasto, args.raportti)
    return issue_step(args.gh, args.raportti, args.ajo)


if __name__ == "__main__":
    sys.exit(main())
