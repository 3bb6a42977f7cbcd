"""Headless Chromium (Debian's package) driven from the command line: load a
page, keep its DOM, its console messages and a network log of every request."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from conftest import command_or_skip

# The server and the browser list live in the package (kirjasto bench uses them too).
from kirjasto.tools.static_site import CHROMIUM_CANDIDATES
from kirjasto.tools.static_site import StaticServer as StaticServer

# Without these, Chromium itself calls Google services; the network log marks those
# as not initiated by the page, and the flags keep the log small.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-features=AutofillServerCommunication,NetworkTimeServiceQuerying,MediaRouter",
    "--enable-logging=stderr",
    "--v=0",
    "--virtual-time-budget=4000",
)


def chromium_or_skip() -> str:
    """The browser's path; a clear skip locally, a failure in CI, when there is none."""
    return command_or_skip(
        CHROMIUM_CANDIDATES,
        "Chromium puuttuu: asenna se komennolla 'apt-get install chromium' (CI asentaa sen .ci/run-skriptissä).",
    )


@contextmanager
def playwright_chromium(chromium: str):
    """Playwright driving the given Chromium binary; Playwright's own browser download is never used."""
    from playwright.sync_api import sync_playwright  # imported here: only when a browser exists

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        try:
            yield launched
        finally:
            launched.close()


FINNISH_NOON_UTC = datetime.time(10, 0)
"""Noon in Finland in winter: the same date in every time zone of Europe."""


def dictionary_words(language: str, every: int) -> set[str]:
    """Every `every`-th word form of simplemma's dictionary of `language`, lowercase letters only."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    dictionary = sorted(DefaultDictionaryFactory().get_dictionary(language))
    return {w.lower() for w in dictionary[::every] if re.fullmatch(r"[a-zåäöüé]+", w.lower())}


def browser_stems(browser, site: Path, script: str, words: list[str]) -> list[str]:
    """The stems the browser's stemmer module `script` (under javascripts/) gives `words`."""
    with StaticServer(site) as server:
        page = browser.new_page()
        page.goto(f"{server.origin}/")
        stems = page.evaluate(
            f"""async (words) => {{ const {{ stem }} = await import("./javascripts/{script}");
            return words.map(stem); }}""",
            words,
        )
        page.close()
    return list(stems)


def new_page_on(opener, day: datetime.date, at: datetime.time = FINNISH_NOON_UTC):
    """A new page (from a browser or a context) whose clock reads `day` at `at` UTC, so
    that the scripts' "today" is the test suite's, not the machine's."""
    page = opener.new_page()
    page.clock.set_fixed_time(datetime.datetime.combine(day, at, tzinfo=datetime.UTC))
    return page


@dataclass(frozen=True)
class LoadedPage:
    dom: str
    console: list[str]
    requests_by_page: list[str]
    """URLs of every request the page itself started (its origin as initiator)."""


def load(chromium: str, url: str, origin: str) -> LoadedPage:
    with tempfile.TemporaryDirectory() as scratch:
        net_log = Path(scratch) / "net.json"
        result = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={scratch}/profile", f"--log-net-log={net_log}", "--dump-dom", url],
            capture_output=True,
            text=True,
            timeout=120,
        )
        console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
        return LoadedPage(dom=result.stdout, console=console, requests_by_page=_page_requests(net_log, origin))


def _page_requests(net_log: Path, origin: str) -> list[str]:
    log = json.loads(net_log.read_text("utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start_job and event.get("params", {}).get("initiator") == origin
    ]
