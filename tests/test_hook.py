"""The MkDocs adapter's own duties (its pages are tested through real builds)."""

from __future__ import annotations

import sys
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
        watched: ClassVar[list[str]] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    config = Config()
    kirjasto_hook.on_config(config)
    server = kirjasto_hook.on_serve(Server(), config, builder=None)
    assert server.watched == [str(tmp_path / "practices")]
