"""A built site served on 127.0.0.1 as a static host serves it, and the local
Chromium: for `kirjasto bench` (the search measured in the browser) and the tests.
Playwright drives Debian's Chromium through `executable_path`; it never downloads
a browser."""

from __future__ import annotations

import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium")


def find_chromium() -> str | None:
    """The path of the first Chromium found, or None."""
    return next((found for name in CHROMIUM_CANDIDATES if (found := shutil.which(name))), None)


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the site as a static host does: quietly, with the site's own 404 page,
    optionally under a sub-path (`prefix`, e.g. '/kaytannot') as GitHub Pages does."""

    prefix = ""

    def translate_path(self, path: str) -> str:
        if self.prefix:
            if not (path == self.prefix or path.startswith(self.prefix + "/")):
                return str(Path(self.directory) / "__ei_tata_polkua__")
            path = path[len(self.prefix) :] or "/"
        return super().translate_path(path)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found_page = Path(self.directory) / "404.html"
        if code != 404 or not not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class StaticServer:
    """Serves a folder on 127.0.0.1 at a free port for the duration of a with-block."""

    def __init__(self, folder: Path, prefix: str = "") -> None:
        handler = type("PrefixedSiteHandler", (SiteHandler,), {"prefix": prefix.rstrip("/")})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> StaticServer:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
