"""`mkdocs serve` for contributors: a save is shown in about a second, and a save
that breaks the library shows the Finnish report in the browser instead of a
server that "will appear stuck".

`LiveSite.attach` takes over MkDocs' development server (`LiveReloadServer`):
- its builder: a change under the content folder alone is rebuilt incrementally
  (`kirjasto_mkdocs.incremental`); anything else (docs, mkdocs.yml, the theme
  overrides, the vocabularies) runs MkDocs' own full build;
- a builder that fails no longer raises: the report becomes the page every HTML
  request gets (`kirjasto-virhe.html` in the theme's overrides, in the site's look),
  and the browser reloads to show it; the next good build brings the pages back;
- its live-reload script: MkDocs writes it inline into every page, which the
  site's Content-Security-Policy (script-src 'self' and known hashes) refuses, so the
  browser never reloaded. The same script is served as a file from the site's own
  address (`LIVE_RELOAD_PATH`), which the policy allows;
- its watcher for the content folder: the operating system's notifications (watchdog's
  native observer) instead of MkDocs' polling every half second;
- the other languages' sites (`extra.kirjasto.other_languages`): rebuilt after every
  full build and every save, in the background (`OtherLanguages`), so that the changed
  page is shown first; the browsers reload again when they are done.

This module is imported once per `mkdocs serve` and outlives the hook module, which
MkDocs executes again for every full rebuild; `serving()` is the running site.
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kirjasto.content import Problem, errors, format_report
from kirjasto_mkdocs.incremental import Snapshot
from kirjasto_mkdocs.languages import OtherLanguageBuild

log = logging.getLogger("mkdocs.hooks.kirjasto")

LIVE_RELOAD_PATH = ".kirjasto/uudelleenlataus.js"
ERROR_TEMPLATE = "kirjasto-virhe.html"
_SCRIPT = (Path(__file__).parent / "uudelleenlataus.js").read_text("utf-8")

_sessions: list[LiveSite] = []
"""The site `mkdocs serve` runs in this process (created by its first build)."""


def serving() -> LiveSite:
    """The running site, created by the first build of `mkdocs serve`."""
    if not _sessions:
        _sessions.append(LiveSite())
    return _sessions[0]


class LiveSite:
    def __init__(self) -> None:
        self.server: Any = None
        self.full_build: Callable[[], None] = lambda: None
        self.snapshot: Snapshot | None = None
        """The last full build, which a save of an item updates."""
        self.error_page: bytes | None = None
        self._serve_request: Callable[..., Iterable[bytes]] = lambda environ, start_response: []
        self.other_languages = OtherLanguages(self.reload_browsers)

    def remember(self, snapshot: Snapshot, problems: list[Problem], languages: list[OtherLanguageBuild]) -> None:
        """A full build finished: keep it, show its errors if it has any, and the other
        languages' builds (started once it has written all its files)."""
        self.snapshot = snapshot
        self.show(problems)
        self.other_languages.builds = [] if self.error_page is not None else languages

    def attach(self, server: Any, full_build: Callable[[], None], content_dir: Path) -> None:
        """Take over MkDocs' development server (see the module's description)."""
        self.server, self.full_build = server, full_build
        self._serve_request = server.serve_request
        server.builder = self.build
        server.set_app(self.app)
        # MkDocs' inline script would be refused by the page's policy (see above).
        server._inject_js_into_html = self.inject_script
        for build in self.other_languages.builds:
            for path in build.watched:
                server.watch(path)
        self.other_languages.build_again()  # after the first build
        self._watch(content_dir)

    def rebuild(self) -> bool:
        """What changed under the content folder alone; False when a full build is needed."""
        if self.snapshot is None or not self.snapshot.rebuild(self.show):
            return False
        if self.error_page is None:
            self.other_languages.build_again()
        return True

    def reload_browsers(self) -> None:
        """Tell the open pages to reload, as MkDocs' build loop does after a build."""
        from mkdocs.livereload import _timestamp

        server = self.server
        if server is None:
            return
        with server._epoch_cond:
            if server._wanted_epoch != server._visible_epoch:
                return  # a build of this site is running; its end reloads them
            server._wanted_epoch = server._visible_epoch = max(_timestamp(), server._visible_epoch + 1)
            server._epoch_cond.notify_all()

    def show(self, problems: list[Problem]) -> None:
        """The report page instead of every page while the library has errors."""
        if not errors(problems) or self.snapshot is None:
            self.error_page = None
            return
        log.info(format_report(problems))
        self.error_page = self.snapshot.report_page(ERROR_TEMPLATE, problems)

    def _watch(self, folder: Path) -> None:
        """Notifications from the operating system for the content folder; MkDocs' own
        polling watcher if they are not available."""
        try:
            from watchdog.events import FileSystemEvent, FileSystemEventHandler
            from watchdog.observers import Observer

            server = self.server

            class Changed(FileSystemEventHandler):
                def on_any_event(self, event: FileSystemEvent) -> None:
                    if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                        return
                    with server._rebuild_cond:
                        server._want_rebuild = True
                        server._rebuild_cond.notify_all()

            observer = Observer()
            observer.schedule(Changed(), str(folder), recursive=True)
            observer.daemon = True
            observer.start()
        except (ImportError, OSError, AttributeError):
            self.server.watch(str(folder))

    def build(self) -> None:
        """MkDocs' build loop calls this after a change; it never raises, so that the
        browsers always reload (to the changed page or to the report)."""
        try:
            if not self.rebuild():
                self.other_languages.wait()
                self.full_build()
                self.other_languages.build_again()
        except Exception as error:  # shown in the browser; the terminal has MkDocs' own lines
            self.show_message(str(error) or type(error).__name__)

    def show_message(self, message: str) -> None:
        """A failure without a rendered report (a broken configuration or theme): plain HTML."""
        log.info(message)
        self.error_page = (
            '<!doctype html><html lang="fi"><meta charset="utf-8"><title>Sivustoa ei voitu rakentaa</title>'
            f"<h1>Sivustoa ei voitu rakentaa</h1><pre>{html.escape(message)}</pre>"
            "<p>Korjaa virhe ja tallenna tiedosto: sivu latautuu uudelleen itsestään.</p></html>"
        ).encode()

    def inject_script(self, content: bytes, epoch: int) -> bytes:
        tag = f'<script src="{self.server.mount_path}{LIVE_RELOAD_PATH}" data-epoch="{epoch}" defer></script>'.encode()
        end = content.rfind(b"</body>")
        return content + tag if end < 0 else content[:end] + tag + content[end:]

    def app(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == f"{self.server.mount_path}{LIVE_RELOAD_PATH}":
            script = _SCRIPT.encode()
            start_response("200 OK", [("Content-Type", "text/javascript"), ("Content-Length", str(len(script)))])
            return [script]
        page = self.error_page
        if page is not None and path.endswith(("/", ".html")):
            content = self.inject_script(page, self.server._visible_epoch)
            # 200, not 500: MkDocs logs every error status as a warning line, once per poll.
            start_response(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content)))],
            )
            return [content]
        result: Iterable[bytes] = self._serve_request(environ, start_response)
        return result


class OtherLanguages:
    """The other languages' sites during `mkdocs serve`: built one at a time in a
    thread, after this site's full build or save; saves made meanwhile are built once,
    after it (only the latest matters). While the library has errors, none is built."""

    def __init__(self, built: Callable[[], None]) -> None:
        self.builds: list[OtherLanguageBuild] = []
        self._built = built
        self._lock = threading.Lock()
        self._wanted = False
        self._thread: threading.Thread | None = None

    def build_again(self) -> None:
        with self._lock:
            if not self.builds:
                return
            self._wanted = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True)
                self._thread.start()

    def wait(self) -> None:
        """Until no other language is being built (a full build moves the site's folders)."""
        with self._lock:
            self._wanted = False
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    if not self._wanted:
                        return
                    self._wanted = False
                    builds = list(self.builds)
                for build in builds:
                    report = build.run(background=True)
                    if report is not None:
                        log.info(report)
                self._built()
        except Exception as error:  # the next save tries again; serving goes on
            log.info(f"{type(error).__name__}: {error}")
        finally:
            with self._lock:
                self._thread = None
