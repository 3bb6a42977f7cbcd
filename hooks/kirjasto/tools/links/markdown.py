"""The link check's findings as a GitHub issue body: a Markdown table of what to
fix, which no address can break out of, written to a file for the weekly workflow."""

from __future__ import annotations

from pathlib import Path

from kirjasto.content.text import count_phrase
from kirjasto.tools.links.report import describe, shown_result, summary_line
from kirjasto.tools.links.results import LinkFinding, LinkReport, Outcome

MARKDOWN_MAX_ROWS = 200
"""An issue body holds at most 65,536 characters; the rest is left to `kirjasto linkit`."""
_MARKDOWN_SAFE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%")


def markdown_url(url: str) -> str:
    """An autolink that cannot break out of a table cell or become other Markdown:
    every character that could (space, |, <, >, `, \\, controls, invisible ones) is
    percent-encoded, which leaves the address the same."""
    encoded = []
    for char in url:
        safe = char in _MARKDOWN_SAFE_ASCII if char.isascii() else char.isprintable() and not char.isspace()
        encoded.append(char if safe else "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass")))
    return f"<{''.join(encoded)}>"


def _markdown_row(finding: LinkFinding) -> str:
    problem, advice = describe(shown_result(finding), markdown_url)
    location = f"`{finding.use.path}:{finding.use.line}`"
    return f"| {location} | {markdown_url(finding.use.url)} | {problem[0].upper()}{problem[1:]}. {advice} |"


def markdown_report(report: LinkReport) -> str:
    """A GitHub issue body listing what to fix; empty when nothing needs fixing."""
    findings = [finding for finding in report.findings if finding.result.outcome is not Outcome.NOT_CHECKED]
    if not findings:
        return ""
    rows = [_markdown_row(finding) for finding in findings[:MARKDOWN_MAX_ROWS]]
    left_out = len(findings) - len(rows)
    lines = [
        (
            "Linkkien tarkistus (`kirjasto linkit`) löysi kuvauksista linkkejä, jotka eivät toimi "
            "tai jotka ovat siirtyneet pysyvästi uuteen osoitteeseen."
        ),
        "",
        "| Kohta | Linkki | Ongelma |",
        "|---|---|---|",
        *rows,
    ]
    if left_out:
        lines += ["", f"Lisäksi {count_phrase(left_out, 'kohta', 'kohtaa')}: aja `kirjasto linkit` nähdäksesi kaikki."]
    lines += [
        "",
        summary_line(report),
        "",
        (
            "Korjaa osoitteet kuvausten tiedostoihin tai poista linkit. Tämä viesti päivittyy jokaisella "
            "tarkistuksella, ja tehtävä suljetaan, kun kaikki linkit toimivat. Tarkistuksen voi ajaa myös "
            "omalla koneella: `make install` ja sitten `.venv/bin/kirjasto linkit`."
        ),
    ]
    return "\n".join(lines) + "\n"


def write_markdown_report(report: LinkReport, path: Path) -> bool:
    """Write the issue body to `path`, or remove `path` when there is nothing to fix
    (the workflow decides by the file's existence). True if a file was written.
    Offline, nothing is known: the file is left as it was and the command exits with 2."""
    if report.offline:
        return False
    text = markdown_report(report)
    if not text:
        path.unlink(missing_ok=True)
        return False
    path.write_text(text, encoding="utf-8")
    return True
