"""The MkDocs-specific parts of the adapter that are more than a line in the hook:
building item pages in a second process (`parallel`), the build's state (`state`),
site/ updated in place (`site_folder`),
and `mkdocs serve` that rebuilds only what a save changed (`incremental`) and shows
errors in the browser (`live`). The `kirjasto` package
itself knows nothing of MkDocs; like the hook, this package uses only what the
library's layers publish."""

from kirjasto_mkdocs.environment import prepared as prepared_environment
from kirjasto_mkdocs.incremental import Snapshot
from kirjasto_mkdocs.languages import (
    OtherLanguages,
    language_files,
    other_language_builds,
    page_language_switch,
    root_language,
    speak_site_language,
)
from kirjasto_mkdocs.live import LiveSite, serving
from kirjasto_mkdocs.parallel import ELSEWHERE_TEMPLATE, PageSplit
from kirjasto_mkdocs.site_folder import SiteFolder
from kirjasto_mkdocs.state import BuildState, validation_cache
from kirjasto_mkdocs.writing import PageWriter

__all__ = [
    "ELSEWHERE_TEMPLATE",
    "BuildState",
    "LiveSite",
    "OtherLanguages",
    "PageSplit",
    "PageWriter",
    "SiteFolder",
    "Snapshot",
    "language_files",
    "other_language_builds",
    "page_language_switch",
    "prepared_environment",
    "root_language",
    "serving",
    "speak_site_language",
    "validation_cache",
]
