"""The contributor's loop in `kirjasto bench`: how long after saving an item the
changed page is served by `mkdocs serve` (measured from the file write until the
new HTML is served, as a browser polling the page would see it), and how long
`kirjasto preview FILE` takes until the item's page is served."""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SAVES = 3
TIMEOUT_SECONDS = 300.0


@dataclass(frozen=True)
class LiveFigures:
    first_served_s: float
    """From starting the server until the item's page is served."""
    save_to_reload_s: list[float]
    """Each saved title change until the new HTML is served."""

    @property
    def median_s(self) -> float:
        return round(statistics.median(self.save_to_reload_s), 3)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            return str(response.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8", "replace"))
    except OSError:
        return ""


def _wait_for(url: str, text: str, started: float) -> float:
    while time.perf_counter() - started < TIMEOUT_SECONDS:
        if text in _page(url):
            return time.perf_counter() - started
        time.sleep(0.01)
    raise TimeoutError(f"{url}: '{text}' ei näkynyt {TIMEOUT_SECONDS:g} sekunnissa")


def measured_environment(environment: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a measured command: this one's, with `environment` on top."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(environment or {})}
    # As on a contributor's machine, Python keeps the modules it compiles: pip compiled
    # both sides' installed packages, and only the library's own code (not installed)
    # would be compiled anew on every run if the caller's shell forbids writing them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class _Server:
    """A server process (and its children) in a process group of its own."""

    def __init__(self, command: list[str], root: Path, environment: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            command,
            cwd=root,
            env=measured_environment(environment),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def __enter__(self) -> _Server:
        return self

    def __exit__(self, *exc: object) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)


def _title_line(text: str) -> str:
    match = re.search(r"^title: .*$", text, re.MULTILINE)
    if match is None:
        raise ValueError("kuvauksella ei ole title-riviä")
    return match.group(0)


def save_to_reload(root: Path, item: Path, url_path: str, environment: dict[str, str] | None = None) -> LiveFigures:
    """`mkdocs serve` in `root`: SAVES title changes of `item`, each timed from the write
    until its page (`url_path`) serves the new title. The file is restored afterwards."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{url_path}"
    original = item.read_text("utf-8")
    started = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    with _Server(command, root, environment or {}):
        first = _wait_for(url, "</html>", started)
        times = []
        try:
            for number in range(SAVES):
                title = f"Tallennettu otsikko {number} {time.time_ns()}"
                changed = original.replace(_title_line(original), f'title: "{title}"', 1)
                written = time.perf_counter()
                item.write_text(changed, encoding="utf-8")
                times.append(round(_wait_for(url, title, written), 3))
                time.sleep(0.5)  # the search index and data files follow in the background
        finally:
            item.write_text(original, encoding="utf-8")
    return LiveFigures(first_served_s=round(first, 2), save_to_reload_s=times)


def preview_seconds(root: Path, item: Path, url_path: str, environment: dict[str, str] | None = None) -> float:
    """`kirjasto preview FILE` until the item's page is served."""
    port = free_port()
    started = time.perf_counter()
    command = [sys.executable, "-m", "kirjasto.tools.cli", "preview", str(item), "--addr", f"127.0.0.1:{port}"]
    with _Server(command, root, environment or {}):
        return round(_wait_for(f"http://127.0.0.1:{port}/{url_path}", "</html>", started), 2)
