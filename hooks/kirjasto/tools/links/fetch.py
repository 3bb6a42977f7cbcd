"""Asking the servers: one `requests` session with retries, a thread pool, and a
gate per host that limits and spaces out the requests to it. Each address is
asked with HEAD first, GET (headers only) when HEAD is refused or fails; the
answer becomes a `LinkResult`."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from kirjasto.tools.links.options import LinkCheckOptions
from kirjasto.tools.links.results import TOO_MANY_REQUESTS, Failure, LinkResult, Outcome

USER_AGENT = "Kaytantokirjasto-linkkitarkistin/1.0 (Kaytantokirjasto link checker; python-requests)"
"""Says who is asking, so that a site's administrator can tell the checker from a bot."""
PERMANENT_REDIRECTS = frozenset({301, 308})
HEAD_REFUSED = frozenset({403, 405, 501})
"""Answers to HEAD that say nothing about the page: ask again with GET."""
RETRY_STATUSES = frozenset({429, 502, 503, 504})


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
