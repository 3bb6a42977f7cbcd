"""The MkDocs adapter's own duties (its pages are tested through real builds)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import ClassVar

from conftest import REPOSITORY_ROOT


def test_serve_watches_the_content_folder(tmp_path: Path):
    """`make serve` rebuilds when a contributor edits practices/, not only docs/."""
    sys.path.insert(0, str(REPOSITORY_ROOT / "hooks"))
    import kirjasto_hook

    class Theme(dict):
        custom_dir = None

    class Config(dict):
        config_file_path = str(tmp_path / "mkdocs.yml")
        extra: ClassVar[dict[str, object]] = {"kirjasto": {"content_dir": "practices"}}
        site_url = ""
        site_name = "Testi"
        theme = Theme()
        markdown_extensions: ClassVar[list[str]] = ["toc", "tables", "fenced_code"]
        mdx_configs: ClassVar[dict[str, object]] = {}

    class Server:
        """What kirjasto_mkdocs.live uses of MkDocs' LiveReloadServer."""

        mount_path = "/"
        _rebuild_cond = threading.Condition()
        _want_rebuild = False

        def serve_request(self, environ: object, start_response: object) -> list[bytes]:
            return []

        def set_app(self, app: object) -> None:
            self.app = app

        def watch(self, path: str) -> None:
            raise AssertionError("the content folder has a watcher of its own")

    (tmp_path / "practices" / "kaytannot").mkdir(parents=True)
    config = Config()
    kirjasto_hook.on_config(config)
    server = kirjasto_hook.on_serve(Server(), config, builder=None)
    (tmp_path / "practices" / "kaytannot" / "uusi.md").write_text("---\ntitle: Uusi\n---\n", encoding="utf-8")
    with server._rebuild_cond:
        assert server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=10)
