"""`make serve` as a contributor uses it: a saved change shows on every page that
shows the item, exactly as a full build would write them; a save that breaks the
library shows the Finnish report in the browser in the site's look; the next good
save brings the pages back; and the browser reloads by itself under the site's
Content-Security-Policy."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import BUILD_ENV, copy_repository, mkdocs_build
from kirjasto.tools.live_bench import free_port

ITEM = "practices/kaytannot/satakunnan-tutoryhteistyo.md"
ITEM_URL = "kaytannot/satakunnan-tutoryhteistyo/"
_LIVE_RELOAD_TAG = re.compile(rb'<script src="/\.kirjasto/uudelleenlataus\.js" data-epoch="\d+" defer></script>')


@dataclass
class Served:
    root: Path
    base: str
    process: subprocess.Popen[bytes]

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def wait_for(self, path: str, text: str, present: bool = True, timeout: float = 60) -> bytes:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            body = self.get(path)[1]
            if (text.encode() in body) == present:
                return body
            time.sleep(0.05)
        raise AssertionError(f"{path}: {'no' if present else 'still'} {text!r} after {timeout} s")

    def edit(self, old: str, new: str) -> None:
        item = self.root / ITEM
        text = item.read_text("utf-8")
        assert old in text
        item.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    root = copy_repository(tmp_path_factory.mktemp("serve") / "kirjasto", both_languages=True)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=BUILD_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    site = Served(root, f"http://127.0.0.1:{port}/", process)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if site.get(ITEM_URL)[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("mkdocs serve did not start")
        yield site
    finally:
        process.terminate()
        process.wait(timeout=30)


def _title_line(root: Path) -> str:
    match = re.search(r"^title: .*$", (root / ITEM).read_text("utf-8"), re.MULTILINE)
    assert match
    return match.group(0)


def test_a_saved_title_shows_on_every_page_exactly_as_a_full_build_writes_it(served, tmp_path):
    old = "Satakunnan tutoryhteistyö: tutoropettajatoimintaa koko maakuntaan"
    new = "Satakunnan tutoropettajien yhteinen verkko"
    served.edit(_title_line(served.root), f"title: {new}")
    served.wait_for(ITEM_URL, new)
    served.wait_for("sv/" + ITEM_URL, new)  # the Swedish side follows in the background
    full = mkdocs_build(served.root, tmp_path / "site", SITE_URL=served.base)
    assert full.returncode == 0, full.stderr
    showing = [page for page in (tmp_path / "site").rglob("*.html") if new.encode() in page.read_bytes()]
    assert len(showing) >= 5, "the item, its listings and the items that show it as related"
    pages = sorted((tmp_path / "site").rglob("*.html"))

    def different() -> list[str]:
        found = []
        for page in pages:
            relative = page.relative_to(tmp_path / "site").as_posix()
            status, body = served.get(relative.removesuffix("index.html"))
            if status != 200 or _LIVE_RELOAD_TAG.sub(b"", body) != page.read_bytes():
                found.append(relative)
        return found

    # The Swedish side is rebuilt whole in the background; its pages may still be being written.
    deadline = time.monotonic() + 60
    while (left := different()) and time.monotonic() < deadline:
        time.sleep(1)
    assert left == []
    assert not any(old.encode() in page.read_bytes() for page in showing)


def test_a_broken_save_shows_the_report_in_the_site_look_and_a_good_save_brings_the_page_back(served):
    served.edit("\nsummary:", "\nsummary: \nyhteenveto:")
    try:
        page = served.wait_for(ITEM_URL, "Kirjastossa on virheitä").decode()
        assert ITEM in page and "rivi" in page
        assert 'class="md-header' in page and 'http-equiv="Content-Security-Policy"' in page, "the site's look and policy"
        assert '<html lang="fi"' in page
        assert _LIVE_RELOAD_TAG.search(page.encode()), "reloads by itself"
        assert "Kirjastossa on virheitä" in served.get("")[1].decode(), "every page shows the report"
    finally:
        served.edit("\nsummary: \nyhteenveto:", "\nsummary:")
    served.wait_for(ITEM_URL, "Kirjastossa on virheitä", present=False)
    assert served.get(ITEM_URL)[0] == 200


def test_the_browser_reloads_by_itself_after_a_save(served, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(served.base + ITEM_URL)
    page.wait_for_load_state("load")
    before = page.locator("h1").first.inner_text()
    served.edit(_title_line(served.root), "title: Tallennus näkyy selaimessa itsestään")
    page.wait_for_function("() => document.querySelector('h1').innerText.includes('Tallennus näkyy')", timeout=60_000)
    assert before != page.locator("h1").first.inner_text()
    assert not [e for e in errors if "Content Security Policy" in e]
    page.close()
