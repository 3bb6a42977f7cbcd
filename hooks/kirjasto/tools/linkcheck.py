"""External link check (`kirjasto linkit`): every http(s) address in the items'
bodies and front matter, checked over the network, reported in Finnish.

Policy, chosen so that a report lists only what a maintainer can and should fix:

- broken: the final answer is 4xx or 5xx (429 excepted), no answer within the
  timeout, no connection (also a certificate that does not verify), too many
  redirects, or an address that cannot be requested at all;
- redirected: the first hop is a permanent redirect (301, 308). The address to
  write instead is the one reached after the leading permanent hops. Temporary
  redirects (302, 303, 307) are not reported: sites use them for logins,
  language choice and load balancing, and the written address is still right;
- not checked: the server answered 429 Too Many Requests even after retries. It is
  shown but is not a finding, does not fail the command and is not cached.

Each address (without its #fragment) is checked once however many items use it:
HEAD first, GET (headers only) when HEAD is refused or fails. Requests to one
host are limited and spaced out; results are cached in a JSON file.
"""

from __future__ import annotations

import datetime
import enum
import http
import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from kirjasto.content import frontmatter
from kirjasto.content.characters import printable
from kirjasto.content.library import CONTENT_DIR, LoadedLibrary, load_library
from kirjasto.content.model import Item
from kirjasto.content.problems import errors
from kirjasto.content.text import count_phrase

USER_AGENT = "Kaytantokirjasto-linkkitarkistin/1.0 (Kaytantokirjasto link checker; python-requests)"
"""Says who is asking, so that a site's administrator can tell the checker from a bot."""
DEFAULT_CACHE = Path(".cache") / "linkit.json"
"""Under the repository root; `.cache/` is ignored by git."""
CACHE_VERSION = 1
PERMANENT_REDIRECTS = frozenset({301, 308})
HEAD_REFUSED = frozenset({403, 405, 501})
"""Answers to HEAD that say nothing about the page: ask again with GET."""
RETRY_STATUSES = frozenset({429, 502, 503, 504})
TOO_MANY_REQUESTS = 429
FINDING_LABEL = "linkki"
"""The middle part of `path:line: linkki: message`."""
OFFLINE_MINIMUM = 3
"""When at least this many addresses were asked and not one server answered, the
checker's own network is the likelier culprit: nothing is reported as broken."""
MARKDOWN_MAX_ROWS = 200
"""An issue body holds at most 65,536 characters; the rest is left to `kirjasto linkit`."""


@dataclass(frozen=True)
class LinkCheckOptions:
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    retries: int = 2
    """Retries after a connection error or a 429/502/503/504 answer."""
    backoff: float = 1.0
    """urllib3's backoff factor: the second retry waits this long, each further one twice as long."""
    workers: int = 8
    per_host: int = 2
    """Requests to one host at a time."""
    host_pause: float = 0.5
    """Seconds between the starts of two requests to one host."""
    max_redirects: int = 10
    use_cache: bool = True
    cache_path: Path | None = None
    """None: `.cache/linkit.json` under the repository root."""
    max_age_hours: float = 24.0
    """Cached results younger than this are used instead of asking again."""


DEFAULT_OPTIONS = LinkCheckOptions()
"""What `kirjasto linkit` starts from; the command line changes only some fields."""


def command_options(
    *, timeout: float | None = None, use_cache: bool = True, cache_path: Path | None = None, max_age_hours: float | None = None
) -> LinkCheckOptions:
    """`DEFAULT_OPTIONS` with what a command line may change. `timeout` is the read
    timeout; opening a connection waits at most the default connect timeout."""
    changes: dict = {"use_cache": use_cache, "cache_path": cache_path}
    if timeout is not None:
        changes |= {"read_timeout": timeout, "connect_timeout": min(timeout, DEFAULT_OPTIONS.connect_timeout)}
    if max_age_hours is not None:
        changes["max_age_hours"] = max_age_hours
    return replace(DEFAULT_OPTIONS, **changes)


class Outcome(enum.Enum):
    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    NOT_CHECKED = "not-checked"


class Failure(enum.Enum):
    """Why a link is broken (or not checked)."""

    STATUS = "status"
    TIMEOUT = "timeout"
    CONNECTION = "connection"
    CERTIFICATE = "certificate"
    REDIRECTS = "redirects"
    INVALID = "invalid"
    RATE_LIMITED = "rate-limited"


@dataclass(frozen=True)
class LinkUse:
    """One address written in one file; the line is where it first appears."""

    path: str
    line: int
    url: str


@dataclass(frozen=True)
class LinkResult:
    """The outcome for one address (checked without its #fragment)."""

    outcome: Outcome
    status: int | None = None
    target: str | None = None
    """For a redirect: the address to write instead."""
    failure: Failure | None = None
    seconds: float | None = None
    """For a timeout: how long was waited."""
    checked: float = 0.0
    """When it was checked, seconds since the epoch."""
    from_cache: bool = False


@dataclass(frozen=True)
class LinkFinding:
    use: LinkUse
    result: LinkResult


@dataclass(frozen=True)
class LinkReport:
    uses: tuple[LinkUse, ...]
    results: dict[str, LinkResult]
    """By checked address: `check_key(use.url)`."""
    notes: tuple[str, ...] = ()
    """Finnish notes for stderr: skipped files, an unreadable or unwritable cache."""
    offline: bool = False
    """No server answered at all (see `OFFLINE_MINIMUM`): the results say nothing about the links."""

    @property
    def findings(self) -> list[LinkFinding]:
        """Every use whose address is broken, redirected or not checked, by path and line
        (none when offline: then no link is known to be broken)."""
        if self.offline:
            return []
        found = [LinkFinding(use, self.results[check_key(use.url)]) for use in self.uses]
        found = [finding for finding in found if finding.result.outcome is not Outcome.OK]
        return sorted(found, key=lambda finding: (finding.use.path, finding.use.line, finding.use.url))

    def _count(self, outcome: Outcome) -> int:
        return sum(result.outcome is outcome for result in self.results.values())

    @property
    def checked_count(self) -> int:
        return len(self.results)

    @property
    def broken_count(self) -> int:
        return self._count(Outcome.BROKEN)

    @property
    def redirected_count(self) -> int:
        return self._count(Outcome.REDIRECTED)

    @property
    def not_checked_count(self) -> int:
        return self._count(Outcome.NOT_CHECKED)

    @property
    def cached_count(self) -> int:
        return sum(result.from_cache for result in self.results.values())

    @property
    def has_problems(self) -> bool:
        """Something to fix: the command exits with 1."""
        return not self.offline and bool(self.broken_count or self.redirected_count)


# --- Collecting links ---------------------------------------------------------

_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_WHOLE_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def check_key(url: str) -> str:
    """The address as requested: a #fragment never reaches the server."""
    return urldefrag(url).url


def is_web_address(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


class _AnchorCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [value.strip() for name, value in attrs if name == "href" and value]


def links_in_html(html: str) -> list[str]:
    """http(s) addresses of the `<a href>` elements, entities decoded."""
    collector = _AnchorCollector()
    collector.feed(html)
    collector.close()
    return [href for href in collector.hrefs if is_web_address(href)]


def _trim_text_url(url: str) -> str:
    """An address found inside text loses the punctuation of the sentence around it."""
    url = url.rstrip(".,;:!?")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(".,;:!?")
    return url


def _urls_in_value(value: str) -> list[str]:
    stripped = value.strip()
    if _WHOLE_URL.fullmatch(stripped):
        return [stripped]
    return [_trim_text_url(match.group(0)) for match in _URL_IN_TEXT.finditer(value)]


def _scalars(node) -> Iterator[frontmatter.Scalar]:
    if isinstance(node, frontmatter.Scalar):
        yield node
    elif isinstance(node, frontmatter.Sequence):
        for child in node.items:
            yield from _scalars(child)
    elif isinstance(node, frontmatter.Mapping):
        for entry in node.entries.values():
            yield from _scalars(entry.value)


def links_in_front_matter(text: str) -> list[tuple[str, int]]:
    """Every http(s) address in any front-matter value, with the value's line.
    Walks the parsed YAML rather than a list of fields, so that new fields with
    addresses are checked without a change here, and quoting is undone exactly."""
    try:
        tree = frontmatter.parse(frontmatter.split(text))
    except frontmatter.FrontMatterError:
        return []
    found = []
    for scalar in _scalars(tree):
        if isinstance(scalar.value, str):
            found += [(url, scalar.line) for url in _urls_in_value(scalar.value) if is_web_address(url)]
    return found


# Where a written address ends: `https://a.fi/` is not the start of `https://a.fi/x`,
# but a sentence's full stop after it is not part of it either.
_URL_END = r"(?=$|[\s\"'<>)\]`|]|[.,;:!?](?:$|\s))"


def _first_line_with(lines: list[str], url: str, fallback: int) -> int:
    """The first line that shows the whole address, else the first that contains it."""
    whole = re.compile(re.escape(url) + _URL_END)
    for matches in (whole.search, lambda line: url in line):
        number = next((number for number, line in enumerate(lines, start=1) if matches(line)), None)
        if number is not None:
            return number
    return fallback


def links_of_item(item: Item, root: Path) -> list[LinkUse]:
    """The item's external addresses, once each, on the first line that shows them."""
    path = item.source_path.as_posix()
    try:
        text = frontmatter.normalise_text((root / item.source_path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        text = ""
    lines = text.split("\n")
    body_line = _body_line(text)
    candidates = [*links_in_front_matter(text), *((url, body_line) for url in links_in_html(item.body_html))]
    uses: dict[str, LinkUse] = {}
    for url, fallback in candidates:
        if url not in uses:
            uses[url] = LinkUse(path, _first_line_with(lines, url, fallback), url)
    return list(uses.values())


def _body_line(text: str) -> int:
    try:
        return frontmatter.split(text).body_line
    except frontmatter.FrontMatterError:
        return 1


def collect_links(items: Iterable[Item], root: Path) -> list[LinkUse]:
    return [use for item in items for use in links_of_item(item, root)]


# --- Checking -------------------------------------------------------------------


class _HostGate:
    """At most `concurrent` requests to one host at once, their starts `pause` apart."""

    def __init__(self, concurrent: int, pause: float) -> None:
        self._slots = threading.BoundedSemaphore(max(1, concurrent))
        self._lock = threading.Lock()
        self._next_start = 0.0
        self._pause = pause

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._slots:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start)
                self._next_start = start + self._pause
            if start > now:
                time.sleep(start - now)
            yield


def _host(url: str) -> str:
    return urlsplit(url).netloc.rpartition("@")[2].lower()


def make_session(options: LinkCheckOptions) -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    session.max_redirects = options.max_redirects
    retry = Retry(
        total=options.retries,
        connect=options.retries,
        status=options.retries,
        other=0,
        # A read timeout is not retried: it would only multiply the wait.
        read=False,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"HEAD", "GET"}),
        backoff_factor=options.backoff,
        raise_on_status=False,
        # A Retry-After of an hour would stall the whole check; the backoff is enough.
        respect_retry_after_header=False,
    )
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=max(1, options.workers))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


# What can go wrong with one address; anything else is a bug and should show.
_NETWORK_ERRORS = (requests.RequestException, urllib3.exceptions.HTTPError, ValueError, UnicodeError, OSError)
_INVALID_ADDRESS = (
    requests.exceptions.InvalidURL,
    requests.exceptions.InvalidSchema,
    requests.exceptions.MissingSchema,
    requests.exceptions.URLRequired,
    urllib3.exceptions.LocationParseError,
    ValueError,
    UnicodeError,
)
# After these a GET would only wait or fail the same way.
_GET_WOULD_FAIL_TOO = (requests.ConnectTimeout, requests.exceptions.SSLError, requests.exceptions.ProxyError)


class LinkChecker:
    """Checks addresses with one session, a thread pool and a gate per host."""

    def __init__(self, options: LinkCheckOptions, clock: Callable[[], float] = time.time) -> None:
        self.options = options
        self.clock = clock
        self._session = make_session(options)
        self._gates: dict[str, _HostGate] = {}
        self._gates_lock = threading.Lock()

    def close(self) -> None:
        self._session.close()

    def check_all(self, urls: Iterable[str]) -> dict[str, LinkResult]:
        ordered = _interleaved_by_host(sorted(set(urls)))
        if not ordered:
            return {}
        with ThreadPoolExecutor(max_workers=max(1, self.options.workers)) as pool:
            return dict(zip(ordered, pool.map(self.check, ordered), strict=False))

    def check(self, url: str) -> LinkResult:
        try:
            response = self._head_then_get(url)
        except _NETWORK_ERRORS as error:
            return self._failed(error)
        return self._classify(response)

    def _head_then_get(self, url: str) -> requests.Response:
        try:
            response = self._request("HEAD", url)
        except _GET_WOULD_FAIL_TOO:
            raise
        except (requests.ConnectionError, requests.ReadTimeout):
            response = None  # some servers drop or stall HEAD requests; GET decides
        if response is None or response.status_code in HEAD_REFUSED:
            response = self._request("GET", url)
        return response

    def _gate(self, url: str) -> _HostGate:
        with self._gates_lock:
            return self._gates.setdefault(_host(url), _HostGate(self.options.per_host, self.options.host_pause))

    def _request(self, method: str, url: str) -> requests.Response:
        with self._gate(url).turn():
            response = self._session.request(
                method,
                url,
                allow_redirects=True,
                stream=method == "GET",
                timeout=(self.options.connect_timeout, self.options.read_timeout),
            )
            # Only the status matters: never download a body.
            response.close()
        return response

    def _classify(self, response: requests.Response) -> LinkResult:
        status, now = response.status_code, self.clock()
        if status == TOO_MANY_REQUESTS:
            return LinkResult(Outcome.NOT_CHECKED, status=status, failure=Failure.RATE_LIMITED, checked=now)
        if status >= 400:
            return LinkResult(Outcome.BROKEN, status=status, failure=Failure.STATUS, checked=now)
        target = permanent_target(response)
        if target is not None:
            return LinkResult(Outcome.REDIRECTED, status=status, target=target, checked=now)
        return LinkResult(Outcome.OK, status=status, checked=now)

    def _failed(self, error: Exception) -> LinkResult:
        now = self.clock()
        if isinstance(error, requests.TooManyRedirects):
            return LinkResult(Outcome.BROKEN, failure=Failure.REDIRECTS, checked=now)
        if isinstance(error, requests.ConnectTimeout):
            return LinkResult(Outcome.BROKEN, failure=Failure.TIMEOUT, seconds=self.options.connect_timeout, checked=now)
        if isinstance(error, requests.Timeout):
            return LinkResult(Outcome.BROKEN, failure=Failure.TIMEOUT, seconds=self.options.read_timeout, checked=now)
        if isinstance(error, requests.exceptions.SSLError):
            return LinkResult(Outcome.BROKEN, failure=Failure.CERTIFICATE, checked=now)
        if isinstance(error, _INVALID_ADDRESS):
            return LinkResult(Outcome.BROKEN, failure=Failure.INVALID, checked=now)
        return LinkResult(Outcome.BROKEN, failure=Failure.CONNECTION, checked=now)


def permanent_target(response: requests.Response) -> str | None:
    """The address after the leading permanent redirects, if the first hop is one."""
    hops = response.history
    if not hops or hops[0].status_code not in PERMANENT_REDIRECTS:
        return None
    next_urls = [hop.url for hop in hops[1:]] + [response.url]
    target = None
    for hop, next_url in zip(hops, next_urls, strict=False):
        if hop.status_code not in PERMANENT_REDIRECTS:
            break
        target = next_url
    return target if target != hops[0].url else None


def _interleaved_by_host(urls: list[str]) -> list[str]:
    """One address per host in turn, so that the pool is not filled by one slow host."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(_host(url), []).append(url)
    queues = list(by_host.values())
    longest = max(map(len, queues), default=0)
    return [queue[index] for index in range(longest) for queue in queues if index < len(queue)]


# --- Cache ---------------------------------------------------------------------


def _iso(seconds: float) -> str:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).isoformat(timespec="seconds")


def _result_from_json(entry) -> LinkResult:
    """One cached result; raises on anything that is not exactly what `save_cache` writes."""
    checked = datetime.datetime.fromisoformat(entry["checked"])
    if checked.tzinfo is None:
        raise ValueError("naive time")
    status, target, seconds = entry.get("status"), entry.get("target"), entry.get("seconds")
    failure = entry.get("failure")
    if not (status is None or type(status) is int) or not (target is None or isinstance(target, str)):
        raise ValueError("bad field")
    if not (seconds is None or (isinstance(seconds, (int, float)) and not isinstance(seconds, bool))):
        raise ValueError("bad field")
    return LinkResult(
        Outcome(entry["outcome"]),
        status=status,
        target=target,
        failure=Failure(failure) if failure is not None else None,
        seconds=seconds,
        checked=checked.timestamp(),
        from_cache=True,
    )


def load_cache(path: Path, max_age_hours: float, now: float) -> tuple[dict[str, LinkResult], str | None]:
    """Fresh results by address, and a Finnish note if the file could not be used.
    A missing file is normal; a damaged one is ignored (and rewritten after the check)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["links"] if data.get("version") == CACHE_VERSION else {}
        if not isinstance(entries, dict):
            raise TypeError("links is not an object")
    except FileNotFoundError:
        return {}, None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return {}, f"Välimuistia {printable(str(path))} ei voitu lukea, joten kaikki linkit tarkistettiin uudelleen."
    fresh = {}
    for url, entry in entries.items():
        try:
            result = _result_from_json(entry)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
            continue
        age = now - result.checked
        # A time in the future (a changed clock, an edited file) is not trusted.
        if 0 <= age <= max_age_hours * 3600 and result.outcome is not Outcome.NOT_CHECKED:
            fresh[url] = result
    return fresh, None


def save_cache(path: Path, results: dict[str, LinkResult]) -> str | None:
    """Write the results atomically; a Finnish note if that failed."""
    entries = {
        url: {
            "outcome": result.outcome.value,
            "status": result.status,
            "target": result.target,
            "failure": result.failure.value if result.failure else None,
            "seconds": result.seconds,
            "checked": _iso(result.checked),
        }
        for url, result in sorted(results.items())
        if result.outcome is not Outcome.NOT_CHECKED
    }
    text = json.dumps({"version": CACHE_VERSION, "links": entries}, ensure_ascii=False, indent=1)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=".linkit-", delete=False) as handle:
            temporary = Path(handle.name)
            handle.write(text)
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return f"Välimuistia {printable(str(path))} ei voitu kirjoittaa ({printable(error.strerror or str(error))})."
    return None


# --- Running --------------------------------------------------------------------


def check_links(
    uses: list[LinkUse], root: Path, options: LinkCheckOptions | None = None, *, clock: Callable[[], float] = time.time
) -> LinkReport:
    """Check the addresses of `uses`, each once, using and updating the cache.
    `options` default to `DEFAULT_OPTIONS` as it is when called."""
    options = options or DEFAULT_OPTIONS
    keys = {check_key(use.url) for use in uses}
    cache_path = options.cache_path or root / DEFAULT_CACHE
    notes = []
    cached: dict[str, LinkResult] = {}
    if options.use_cache:
        cached, note = load_cache(cache_path, options.max_age_hours, clock())
        notes.append(note)
    results = {key: cached[key] for key in keys if key in cached}
    checker = LinkChecker(options, clock)
    try:
        fresh = checker.check_all(key for key in keys if key not in results)
    finally:
        checker.close()
    results.update(fresh)
    offline = _looks_offline(fresh)
    if options.use_cache and not offline:
        notes.append(save_cache(cache_path, results))
    return LinkReport(uses=tuple(uses), results=results, notes=tuple(note for note in notes if note), offline=offline)


_NO_ANSWER = frozenset({Failure.CONNECTION, Failure.TIMEOUT})


def _looks_offline(fresh: dict[str, LinkResult]) -> bool:
    return len(fresh) >= OFFLINE_MINIMUM and all(result.failure in _NO_ANSWER for result in fresh.values())


def run_link_check(
    root: Path,
    *,
    options: LinkCheckOptions | None = None,
    content_dir: str = CONTENT_DIR,
    today: datetime.date | None = None,
    loaded: LoadedLibrary | None = None,
    clock: Callable[[], float] = time.time,
) -> LinkReport:
    """Load the library (unless `loaded` is given) and check every valid item's links.
    Items with errors are not in the library; a note says how many files were skipped."""
    if loaded is None:
        loaded = load_library(root, content_dir=content_dir, today=today)
    report = check_links(collect_links(loaded.library.items, root), root, options, clock=clock)
    skipped = len({problem.path for problem in errors(loaded.problems)})
    if skipped:
        note = (
            f"{count_phrase(skipped, 'tiedosto', 'tiedostoa')} jätettiin tarkistamatta virheiden vuoksi. "
            "Aja 'kirjasto validate' ja korjaa virheet."
        )
        report = replace(report, notes=(note, *report.notes))
    return report


# --- Reporting ------------------------------------------------------------------


def _seconds(value: float | None) -> str:
    text = f"{value:g}" if value is not None else "?"
    return text.replace(".", ",")


def _status_text(status: int) -> str:
    try:
        return f"{status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


_FAILURE_TEXT = {
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


def _shown_result(finding: LinkFinding) -> LinkResult:
    return replace(finding.result, target=_with_fragment(finding.result.target, finding.use.url))


def format_finding(finding: LinkFinding) -> str:
    """`path:line: linkki: message`, one printable line."""
    problem, advice = describe(_shown_result(finding), printable)
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
    problem, advice = describe(_shown_result(finding), markdown_url)
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


__all__ = [
    "DEFAULT_OPTIONS",
    "Failure",
    "LinkCheckOptions",
    "LinkChecker",
    "LinkFinding",
    "LinkReport",
    "LinkResult",
    "LinkUse",
    "Outcome",
    "check_links",
    "collect_links",
    "command_options",
    "format_findings",
    "markdown_report",
    "run_link_check",
    "summary_line",
    "write_markdown_report",
]
