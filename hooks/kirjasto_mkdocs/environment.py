"""The theme's template environment as the library's builds use it."""

from __future__ import annotations

from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemBytecodeCache

from kirjasto.content import cache_folder
from kirjasto_mkdocs.parallel import ELSEWHERE_TEMPLATE


def prepared(env: Environment) -> Environment:
    """`env` with the empty template of pages the other process builds, and with its
    compiled templates kept between runs (outside the repository, like the validation
    results): a preview or a small build no longer compiles them each time."""
    folder = cache_folder()
    if folder is not None:
        (folder / "jinja").mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder / "jinja"))
    if env.loader is not None:
        env.loader = ChoiceLoader([DictLoader({ELSEWHERE_TEMPLATE: ""}), env.loader])
    return env
