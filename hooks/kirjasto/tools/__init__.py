"""Tools: the `kirjasto` command line and what only it runs (benchmark,
synthetic libraries, one-item preview, JSON Schema, editor snippets, link
check). The top layer: may import from `kirjasto.content` and `kirjasto.site`.

`preview_library` is loaded on first use: `python -m kirjasto.tools.cli` imports
this package first, and a command that needs no pages (`validate`, `--help`)
should not pay for importing the site layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kirjasto.tools.preview import preview_library

__all__ = ["preview_library"]


def __getattr__(name: str) -> Any:
    if name == "preview_library":
        from kirjasto.tools.preview import preview_library

        return preview_library
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
