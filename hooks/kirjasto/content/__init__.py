"""Content: read the library's files, validate them and model them as data.

The first layer: imports nothing from `kirjasto.site` or `kirjasto.tools`.
"""

from kirjasto.content.clock import ClockError, today_in_finland
from kirjasto.content.config_file import other_language_config
from kirjasto.content.freshness import with_freshness
from kirjasto.content.library import LoadedLibrary, load_library
from kirjasto.content.markdown_config import MarkdownConfig
from kirjasto.content.messages import SOURCE_LANGUAGE, Messages, _, messages_in
from kirjasto.content.model import Item, Kind, Library
from kirjasto.content.problems import LIBRARY_HAS_ERRORS, REFUSED_BUILD, Problem, Severity, errors, format_report
from kirjasto.content.render import BUILD_RENDER_BUDGET_SECONDS
from kirjasto.content.scope import apply_scope, scope_problems
from kirjasto.content.settings import LICENCE_CONFIG_KEY, LibrarySettings, SettingsError, read_settings
from kirjasto.content.urls import url_of
from kirjasto.content.validation_store import ValidationCache, cache_folder

__all__ = [
    "BUILD_RENDER_BUDGET_SECONDS",
    "LIBRARY_HAS_ERRORS",
    "LICENCE_CONFIG_KEY",
    "REFUSED_BUILD",
    "SOURCE_LANGUAGE",
    "ClockError",
    "Item",
    "Kind",
    "Library",
    "LibrarySettings",
    "LoadedLibrary",
    "MarkdownConfig",
    "Messages",
    "Problem",
    "SettingsError",
    "Severity",
    "ValidationCache",
    "_",
    "apply_scope",
    "cache_folder",
    "errors",
    "format_report",
    "load_library",
    "messages_in",
    "other_language_config",
    "read_settings",
    "scope_problems",
    "today_in_finland",
    "url_of",
    "with_freshness",
]
