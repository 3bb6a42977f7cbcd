"""Käytäntökirjasto's core: load and validate the library, plan its pages.

Knows nothing of MkDocs; the MkDocs hook (`hooks/kirjasto_hook.py`) and the
`kirjasto` command are thin adapters over these functions.
"""

from .library import LoadedLibrary, load_library
from .model import Item, Kind, Library
from .pages import Page, expand_markers, plan_pages
from .problems import Problem, Severity, format_report

__all__ = [
    "Item", "Kind", "Library", "LoadedLibrary", "Page", "Problem", "Severity",
    "expand_markers", "format_report", "load_library", "plan_pages",
]
