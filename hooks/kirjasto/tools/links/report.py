"""The link check's findings in Finnish for the terminal: one printable line
`path:line: linkki: message` for each finding and a closing summary line."""

from __future__ import annotations

import http
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import urlsplit

from kirjasto.content.characters import printable
from kirjasto.content.text import count_phrase
from kirjasto.tools.links.results import TOO_MANY_REQUESTS, Failure, LinkFinding, LinkReport, LinkResult, Outcome

FINDING_LABEL = "linkki"
"""The middle part of `path:line: linkki: message`."""


def _seconds(value: float | None) -> str:
    text = f"{value:g}" if value is not None else "?"
    return text.replace(".", ",")


def _status_text(status: int) -> str:
    try:
        return f"{status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


_FAILURE_TEXT: dict[Failure | None, str] = {
    Failure.CONNECTION: "palvelimeen ei saatu yhteyttä",
    Failure.CERTIFICATE: "suojattua yhteyttä ei saatu, koska palvelimen varmenne ei kelpaa",
    Failure.REDIRECTS: "uudelleenohjauksia on liikaa (ne kiertävät kehää tai ketju on liian pitkä)",
    Failure.INVALID: "osoitetta ei voi avata, koska se ei ole kelvollinen",
}
_FIX = "Korjaa osoite tai poista linkki."
_CHECK_BY_HAND = "Tarkista osoite selaimella ja korjaa tai poista linkki, jos se ei toimi."


def describe(result: LinkResult, show_url: Callable[[str], str]) -> tuple[str, str]:
    """What is wrong (to follow 'Linkki <osoite>') and what to do, in Finnish."""
    if result.outcome is Outcome.REDIRECTED:
        return f"ohjautuu pysyvästi osoitteeseen {show_url(result.target or '')}", "Päivitä osoite."
    if result.outcome is Outcome.NOT_CHECKED:
        return (
            f"jäi tarkistamatta: palvelin pyysi hidastamaan ({_status_text(result.status or TOO_MANY_REQUESTS)})",
            "Se tarkistetaan uudelleen seuraavalla kerralla.",
        )
    if result.failure is Failure.STATUS and result.status is not None:
        return f"ei toimi ({_status_text(result.status)})", _FIX
    if result.failure is Failure.TIMEOUT:
        return f"ei toimi: palvelin ei vastannut {_seconds(result.seconds)} sekunnissa", _CHECK_BY_HAND
    return f"ei toimi: {_FAILURE_TEXT.get(result.failure, 'tarkistus epäonnistui')}", _CHECK_BY_HAND


def _with_fragment(target: str | None, written: str) -> str | None:
    """A suggested address keeps the #fragment the contributor wrote."""
    fragment = urlsplit(written).fragment
    if target is None or not fragment or urlsplit(target).fragment:
        return target
    return f"{target}#{fragment}"


def shown_result(finding: LinkFinding) -> LinkResult:
    """The finding's result as a report shows it: a suggested address keeps the #fragment."""
    return replace(finding.result, target=_with_fragment(finding.result.target, finding.use.url))


def format_finding(finding: LinkFinding) -> str:
    """`path:line: linkki: message`, one printable line."""
    problem, advice = describe(shown_result(finding), printable)
    return printable(f"{finding.use.path}:{finding.use.line}: {FINDING_LABEL}: Linkki {finding.use.url} {problem}. {advice}")


def format_findings(report: LinkReport) -> list[str]:
    """Every finding (not the summary), sorted by path and line."""
    return [format_finding(finding) for finding in report.findings]


def summary_line(report: LinkReport) -> str:
    """The closing line: how many addresses were checked and what was found."""
    total = report.checked_count
    if total == 0:
        return "Kuvauksissa ei ole ulkoisia linkkejä."
    if report.offline:
        return (
            "Linkkejä ei voitu tarkistaa, koska yksikään palvelin ei vastannut. Tarkista verkkoyhteys ja "
            "aja tarkistus uudelleen (tuloksia ei tallennettu välimuistiin)."
        )
    parts = [
        count_phrase(count, text, text)
        for count, text in (
            (report.broken_count, "ei toimi"),
            (report.redirected_count, "ohjautuu"),
            (report.not_checked_count, "jäi tarkistamatta"),
        )
        if count
    ]
    if parts:
        line = f"Tarkistettiin {count_phrase(total, 'linkki', 'linkkiä')}: {', '.join(parts)}."
    else:
        line = "Ainoa linkki toimii." if total == 1 else f"Kaikki {count_phrase(total, 'linkki', 'linkkiä')} toimivat."
    if report.cached_count:
        line += f" Välimuistista käytettiin {count_phrase(report.cached_count, 'tulos', 'tulosta')} (--ei-valimuistia tarkistaa kaikki uudelleen)."
    return line
