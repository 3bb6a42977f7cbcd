"""Tools: the `kirjasto` command line and what only it runs (benchmark,
synthetic libraries, one-item preview, JSON Schema, editor snippets, link
check). The top layer: may import from `kirjasto.content` and `kirjasto.site`.
"""

from kirjasto.tools.preview import preview_library

__all__ = ["preview_library"]
