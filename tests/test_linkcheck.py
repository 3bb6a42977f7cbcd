"""`kirjasto linkit`: the external link check, run against a local HTTP server only.
Every test here is refused any connection or name lookup outside this machine."""

from __future__ import annotations

import http.server
import itertools
import json
import socket
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from conftest import REPOSITORY_ROOT, TODAY, front_matter
from kirjasto.tools.cli import main
from kirjasto.tools.links import (
    Failure,
    LinkChecker,
    LinkCheckOptions,
    LinkFinding,
    LinkReport,
    LinkResult,
    LinkUse,
    Outcome,
    format_finding,
    format_findings,
    links_in_front_matter,
    links_in_html,
    markdown_report,
    markdown_url,
    run_link_check,
    summary_line,
)
from kirjasto.tools.links import options as link_options

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
FAST = LinkCheckOptions(connect_timeout=0.5, read_timeout=0.3, retries=1, backoff=0, host_pause=0, workers=8)
"""Timeouts, retries and pauses that keep every test well under a second or two."""


@pytest.fixture(autouse=True)
def no_internet(monkeypatch):
    """Any address but this machine's fails the test loudly (not as a 'broken link')."""
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOCAL_HOSTS:
            raise AssertionError(f"test tried to reach {address!r}")
        return real_connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in LOCAL_HOSTS:
            raise AssertionError(f"test tried to look up {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


class _Server(http.server.ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.log: list[tuple[str, str, float]] = []
        self.active = 0
        self.peak = 0
        self.stop = threading.Event()
        self.overloaded_once = False

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def requests_to(self, path: str) -> list[str]:
        with self.lock:
            return [method for method, logged, _ in self.log if logged == path]

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up on /hidas is expected


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def do_HEAD(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def log_message(self, format, *args) -> None:
        pass

    def _answer(self) -> None:
        server = self.server
        with server.lock:
            server.log.append((self.command, self.path, time.monotonic()))
            server.active += 1
            server.peak = max(server.peak, server.active)
        try:
            status, location = self._route()
        finally:
            # Before the answer goes out: the client may start its next request at once.
            with server.lock:
                server.active -= 1
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _route(self) -> tuple[int, str | None]:
        path = self.path
        if path == "/vanha":
            return 301, "/ok"
        if path == "/ketju":
            return 301, "/valiaikainen"
        if path == "/valiaikainen":
            return 302, "/ok"
        if path == "/puuttuu":
            return 404, None
        if path == "/hidasta":
            return 429, None
        if path == "/rikki":
            return 500, None
        if path == "/hidas":
            self.server.stop.wait(3)
            return 200, None
        if path == "/ei-headia":
            return (405 if self.command == "HEAD" else 200), None
        if path == "/kuormitettu":
            with self.server.lock:
                first, self.server.overloaded_once = not self.server.overloaded_once, True
            return (503 if first else 200), None
        if path.startswith("/viive/"):
            time.sleep(0.1)
            return 200, None
        return (200, None) if path == "/ok" else (404, None)


@pytest.fixture
def server():
    running = _Server()
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield running
    running.stop.set()
    running.shutdown()
    running.server_close()


def _with_links(*urls: str) -> str:
    """The valid front matter with a `links:` entry per address (url on its own line)."""
    entries = "".join(f'  - title: Linkki {number}\n    url: "{url}"\n' for number, url in enumerate(urls, start=1))
    return front_matter() + "links:\n" + entries


def _options(tmp_path: Path, **changes) -> LinkCheckOptions:
    return replace(FAST, cache_path=tmp_path / "valimuisti" / "linkit.json", **changes)


@pytest.fixture
def two_items(library, server):
    """Two items whose links cover every answer; line numbers are fixed by the layout:
    front matter lines 2-8, `links:` on 9, urls on 11 and 13, the body from line 16."""
    base = server.base
    library.write(
        "kaytannot/linkit.md",
        _with_links(f"{base}/ok", f"{base}/vanha"),
        f"## Tavoitteet\n\nKatso [puuttuva]({base}/puuttuu) ja [rikki]({base}/rikki).\n\n"
        f"Hidas [palvelin]({base}/hidas) ja [sama kohta]({base}/ok#kohta).\n",
    )
    library.write(
        "verkostot/toinen.md",
        front_matter(title="Toinen verkosto kokoontuu"),
        f"## Tavoitteet\n\n[Siirretty hetkeksi]({base}/valiaikainen), [vain GET]({base}/ei-headia).\n\n"
        f"Sama rikkinäinen linkki: <{base}/puuttuu>\n",
    )
    assert [problem.format() for problem in library.load().problems] == []
    return library


def test_broken_and_redirected_links_are_reported_on_their_lines(two_items, server, tmp_path):
    base = server.base
    report = run_link_check(two_items.root, options=_options(tmp_path), today=TODAY)
    assert format_findings(report) == [
        f"practices/kaytannot/linkit.md:13: linkki: Linkki {base}/vanha ohjautuu pysyvästi osoitteeseen {base}/ok. Päivitä osoite.",
        f"practices/kaytannot/linkit.md:18: linkki: Linkki {base}/puuttuu ei toimi (404 Not Found). Korjaa osoite tai poista linkki.",
        f"practices/kaytannot/linkit.md:18: linkki: Linkki {base}/rikki ei toimi (500 Internal Server Error). Korjaa osoite tai poista linkki.",
        (
            f"practices/kaytannot/linkit.md:20: linkki: Linkki {base}/hidas ei toimi: palvelin ei vastannut 0,3 sekunnissa. "
            "Tarkista osoite selaimella ja korjaa tai poista linkki, jos se ei toimi."
        ),
        f"practices/verkostot/toinen.md:15: linkki: Linkki {base}/puuttuu ei toimi (404 Not Found). Korjaa osoite tai poista linkki.",
    ]
    # /ok, /ok#kohta, /vanha, /puuttuu (two files), /rikki, /hidas, /valiaikainen, /ei-headia
    assert summary_line(report) == "Tarkistettiin 7 linkkiä: 3 ei toimi, 1 ohjautuu."
    assert report.has_problems
    assert server.requests_to("/puuttuu") == ["HEAD"], "one request per address, however many files use it"
    assert server.requests_to("/ei-headia") == ["HEAD", "GET"]
    assert server.requests_to("/hidas") == ["HEAD", "GET"]


def test_nothing_is_reported_when_every_link_works(library, server, tmp_path):
    library.write(
        "kaytannot/hyva.md",
        _with_links(f"{server.base}/ok"),
        f"## Tavoitteet\n\n[Siirretty hetkeksi]({server.base}/valiaikainen)\n",
    )
    report = run_link_check(library.root, options=_options(tmp_path), today=TODAY)
    assert (format_findings(report), report.has_problems) == ([], False)
    assert summary_line(report) == "Kaikki 2 linkkiä toimivat."
    assert markdown_report(report) == ""


def test_summary_counts_in_finnish():
    def report(*outcomes: Outcome) -> LinkReport:
        return LinkReport(uses=(), results={f"https://a.example/{n}": LinkResult(o) for n, o in enumerate(outcomes)})

    assert summary_line(report()) == "Kuvauksissa ei ole ulkoisia linkkejä."
    assert summary_line(report(Outcome.OK)) == "Ainoa linkki toimii."
    assert summary_line(report(Outcome.BROKEN)) == "Tarkistettiin 1 linkki: 1 ei toimi."
    assert (
        summary_line(report(Outcome.OK, Outcome.REDIRECTED, Outcome.NOT_CHECKED))
        == "Tarkistettiin 3 linkkiä: 1 ohjautuu, 1 jäi tarkistamatta."
    )


def test_results_are_cached_and_reused_within_the_max_age(library, server, tmp_path):
    library.write("kaytannot/linkit.md", _with_links(f"{server.base}/ok", f"{server.base}/puuttuu"))
    options = _options(tmp_path)
    first = run_link_check(library.root, options=options, today=TODAY)
    asked = len(server.log)
    assert asked == 2
    cached = json.loads(options.cache_path.read_text(encoding="utf-8"))
    assert cached["links"][f"{server.base}/puuttuu"]["status"] == 404
    assert cached["links"][f"{server.base}/ok"]["checked"].endswith("+00:00")

    second = run_link_check(library.root, options=options, today=TODAY)
    assert len(server.log) == asked, "a fresh cache answers without asking the server"
    assert format_findings(second) == format_findings(first)
    assert summary_line(second).endswith("Välimuistista käytettiin 2 tulosta (--ei-valimuistia tarkistaa kaikki uudelleen).")

    later = time.time() + 25 * 3600
    run_link_check(library.root, options=options, today=TODAY, clock=lambda: later)
    assert len(server.log) == 2 * asked, "results older than the max age are checked again"
    run_link_check(library.root, options=replace(options, use_cache=False), today=TODAY)
    assert len(server.log) == 3 * asked


def test_a_damaged_cache_is_ignored_and_rewritten(library, server, tmp_path):
    library.write("kaytannot/linkit.md", _with_links(f"{server.base}/ok"))
    options = _options(tmp_path)
    options.cache_path.parent.mkdir()
    for damaged in ("{ei jsonia", "[]", '{"version": 1, "links": {"x": {"outcome": "ok", "checked": 5}}}', "\udcff"):
        options.cache_path.write_text(damaged, encoding="utf-8", errors="surrogateescape")
        report = run_link_check(library.root, options=options, today=TODAY)
        assert report.cached_count == 0 and summary_line(report) == "Ainoa linkki toimii."
        assert json.loads(options.cache_path.read_text(encoding="utf-8"))["version"] == 1
    assert any(
        "ei voitu lukea" in note
        for note in run_link_check(
            library.root, options=replace(options, cache_path=options.cache_path.parent), today=TODAY
        ).notes
    )


def test_the_command_line_exit_status_and_markdown_report(library, server, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(link_options, "DEFAULT_OPTIONS", FAST)
    base = server.base
    path = library.write("kaytannot/linkit.md", _with_links(f"{base}/ok", f"{base}/puuttuu", f"{base}/vanha"))
    markdown = tmp_path / "linkit.md"
    arguments = ["linkit", "--root", str(library.root), "--ei-valimuistia", "--aikakatkaisu", "0,3", "--markdown", str(markdown)]

    assert main(arguments) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"practices/kaytannot/linkit.md:13: linkki: Linkki {base}/puuttuu ei toimi (404 Not Found). Korjaa osoite tai poista linkki.",
        f"practices/kaytannot/linkit.md:15: linkki: Linkki {base}/vanha ohjautuu pysyvästi osoitteeseen {base}/ok. Päivitä osoite.",
        "Tarkistettiin 3 linkkiä: 1 ei toimi, 1 ohjautuu.",
    ]
    text = markdown.read_text(encoding="utf-8")
    assert "| Kohta | Linkki | Ongelma |" in text
    assert (
        f"| `practices/kaytannot/linkit.md:13` | <{base}/puuttuu> | Ei toimi (404 Not Found). Korjaa osoite tai poista linkki. |"
        in text
    )
    assert (
        f"| `practices/kaytannot/linkit.md:15` | <{base}/vanha> | Ohjautuu pysyvästi osoitteeseen <{base}/ok>. Päivitä osoite. |"
        in text
    )
    assert not (library.root / ".cache").exists(), "--ei-valimuistia writes no cache"

    path.write_text(path.read_text(encoding="utf-8").replace("/puuttuu", "/ok").replace("/vanha", "/ok"), encoding="utf-8")
    assert main(arguments) == 0
    assert capsys.readouterr().out.splitlines() == ["Ainoa linkki toimii."]
    assert not markdown.exists(), "no findings: the report file is removed"


def test_the_command_line_caches_under_the_repository_root(library, server, capsys, monkeypatch):
    monkeypatch.setattr(link_options, "DEFAULT_OPTIONS", FAST)
    library.write("kaytannot/linkit.md", _with_links(f"{server.base}/ok"))
    assert main(["linkit", "--root", str(library.root)]) == 0
    assert (library.root / ".cache" / "linkit.json").is_file()
    assert main(["linkit", "--root", str(library.root), "--enintaan-ika", "1"]) == 0
    assert len(server.log) == 1
    assert "Välimuistista käytettiin 1 tulos" in capsys.readouterr().out


def test_checker_answers_one_address_at_a_time(server):
    base = server.base
    checker = LinkChecker(FAST)
    try:
        chain = checker.check(f"{base}/ketju")
        assert (chain.outcome, chain.target) == (Outcome.REDIRECTED, f"{base}/valiaikainen"), (
            "301 then 302: the address after the 301"
        )
        assert checker.check(f"{base}/valiaikainen").outcome is Outcome.OK, "temporary redirects are not reported"
        assert checker.check(f"{base}/kuormitettu").outcome is Outcome.OK, "a 503 is retried"
        assert server.requests_to("/kuormitettu") == ["HEAD", "HEAD"]
        refused = checker.check(f"http://127.0.0.1:{_closed_port()}/")
        assert (refused.outcome, refused.failure) == (Outcome.BROKEN, Failure.CONNECTION)
    finally:
        checker.close()


def test_at_most_two_requests_to_one_host_at_once_and_spaced_out(server):
    checker = LinkChecker(FAST)
    try:
        results = checker.check_all(f"{server.base}/viive/{n}" for n in range(6))
    finally:
        checker.close()
    assert {result.outcome for result in results.values()} == {Outcome.OK}
    assert server.peak == 2
    server.log.clear()
    checker = LinkChecker(replace(FAST, host_pause=0.1))
    try:
        checker.check_all(f"{server.base}/ok?{n}" for n in range(3))
    finally:
        checker.close()
    starts = sorted(started for _, _, started in server.log)
    assert all(later - earlier >= 0.08 for earlier, later in itertools.pairwise(starts))


def test_links_are_found_in_any_front_matter_value_and_in_body_anchors():
    text = (
        "---\ntitle: \"X\"\nsource:\n  title: Lähde\n  url: 'https://a.example/lahde'\ncontacts:\n"
        '  - url: "https://b.example/yhteys?a=1&b=2"\nsummary: Katso https://c.example/sivu.\n---\n\nTeksti\n'
    )
    assert links_in_front_matter(text) == [
        ("https://a.example/lahde", 5),
        ("https://b.example/yhteys?a=1&b=2", 7),
        ("https://c.example/sivu", 8),
    ]
    html = (
        '<p><a href="https://a.example/?a=1&amp;b=2">x</a> <a href="mailto:x@a.example">m</a> '
        '<a href="../../verkostot/nimi/">n</a> <a href="HTTP://B.example/">b</a></p>'
    )
    assert links_in_html(html) == ["https://a.example/?a=1&b=2", "HTTP://B.example/"]


def test_reports_show_no_control_characters_and_markdown_cannot_break_out():
    hostile = "https://a.example/x|y <b>`c`\x1b[31m\u202e"
    finding = LinkFinding(
        LinkUse("practices/kaytannot/x.md", 3, "https://a.example/ok#kohta"),
        LinkResult(Outcome.REDIRECTED, status=200, target=hostile),
    )
    line = format_finding(finding)
    assert "\x1b" not in line and "\u202e" not in line and "\\x1b[31m\\u202e#kohta. Päivitä osoite." in line
    shown = markdown_url(hostile)
    assert shown == "<https://a.example/x%7Cy%20%3Cb%3E%60c%60%1B[31m%E2%80%AE>"
    report = LinkReport(uses=(finding.use,), results={"https://a.example/ok": finding.result})
    assert markdown_report(report).count("|") == 3 * 4, "the table has exactly its own cell borders"


def _closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def test_when_no_server_answers_nothing_is_called_broken(library, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(link_options, "DEFAULT_OPTIONS", replace(FAST, retries=0))
    library.write("kaytannot/linkit.md", _with_links(*(f"http://127.0.0.1:{_closed_port()}/" for _ in range(3))))
    markdown = tmp_path / "linkit.md"
    markdown.write_text("edellinen raportti\n", encoding="utf-8")
    assert main(["linkit", "--root", str(library.root), "--markdown", str(markdown)]) == 2
    assert capsys.readouterr().out.startswith("Linkkejä ei voitu tarkistaa, koska yksikään palvelin ei vastannut.")
    assert markdown.read_text(encoding="utf-8") == "edellinen raportti\n", "the open issue is left as it is"
    assert not (library.root / ".cache").exists()


def test_weekly_workflow_gives_the_token_only_to_the_issue_step():
    workflow = yaml.load((REPOSITORY_ROOT / ".github/workflows/linkit.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    steps = workflow["jobs"]["linkit"]["steps"]
    assert steps[0]["with"]["persist-credentials"] == "false"
    with_token = [step["name"] for step in steps if "github.token" in str(step.get("env", ""))]
    assert with_token == ["Päivitä linkkitarkistuksen tehtävä"]
    runs = "\n".join(step.get("run", "") for step in steps)
    # The steps' logic lives in scripts/linkkitarkistus.py (tested in tests/test_scripts.py).
    assert "scripts/linkkitarkistus.py tarkista --raportti linkit.md" in runs and "${{" not in runs
    assert "scripts/linkkitarkistus.py tehtava --raportti linkit.md" in runs


def test_a_server_that_asks_to_slow_down_is_shown_but_fails_nothing(library, server, tmp_path):
    library.write("kaytannot/linkit.md", _with_links(f"{server.base}/hidasta"))
    options = _options(tmp_path)
    report = run_link_check(library.root, options=options, today=TODAY)
    assert format_findings(report) == [
        (
            f"practices/kaytannot/linkit.md:11: linkki: Linkki {server.base}/hidasta jäi tarkistamatta: palvelin pyysi "
            "hidastamaan (429 Too Many Requests). Se tarkistetaan uudelleen seuraavalla kerralla."
        ),
    ]
    assert summary_line(report) == "Tarkistettiin 1 linkki: 1 jäi tarkistamatta."
    assert not report.has_problems and markdown_report(report) == ""
    assert server.requests_to("/hidasta") == ["HEAD", "HEAD"], "retried once, Retry-After or not"
    assert json.loads(options.cache_path.read_text(encoding="utf-8"))["links"] == {}, "asked again next time"
