"""The package's shape, as a maintainer relies on it: data flows one way
(content → site → tools), the hook uses only what each layer publishes, and no
module grows past the size one can read in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
PACKAGE = HOOKS / "kirjasto"
LAYERS = ("content", "site", "tools")
MAX_LINES = 300


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(HOOKS).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_modules(path: Path) -> set[str]:
    return _imports_in(path.read_text("utf-8"), _module_name(path), is_package=path.name == "__init__.py")


def _imports_in(source: str, name: str, *, is_package: bool) -> set[str]:
    """Every module the source imports, relative imports resolved, function-level
    (lazy) imports included: a late import is still a dependency."""
    tree = ast.parse(source)
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "kirjasto" or len(parts) < 2 or parts[1] not in LAYERS:
        return None
    return LAYERS.index(parts[1])


PACKAGE_FILES = sorted(PACKAGE.rglob("*.py"))
ADAPTER_FILES = sorted((HOOKS / "kirjasto_mkdocs").glob("*.py"))
"""The MkDocs adapter's own modules, beside the hook."""


def test_every_module_lives_in_a_layer():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert loose == [], f"Move these into kirjasto/content, kirjasto/site or kirjasto/tools: {loose}"


@pytest.mark.parametrize("path", PACKAGE_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_only_from_its_own_layer_or_below(path: Path):
    own = _layer(_module_name(path))
    if own is None:
        return
    upward = sorted(m for m in _imported_modules(path) if (layer := _layer(m)) is not None and layer > own)
    assert upward == [], f"{path.relative_to(HOOKS)} ({LAYERS[own]}) imports from a later layer: {upward}"


def test_the_package_root_imports_nothing():
    """`import kirjasto.content` must not drag in the site or the tools."""
    assert _imported_modules(PACKAGE / "__init__.py") == set()


def test_the_hook_imports_only_what_the_layers_publish():
    imported = {m for m in _imported_modules(HOOKS / "kirjasto_hook.py") if m.startswith("kirjasto")}
    deep = sorted(
        m for m in imported if m.count(".") > 1 and m.rpartition(".")[0] not in {f"kirjasto.{layer}" for layer in LAYERS}
    )
    assert deep == [], f"kirjasto_hook.py reaches past a layer's __init__: {deep}"
    for module in imported:
        if module.count(".") == 2:
            layer, _, name = module.removeprefix("kirjasto.").partition(".")
            init = (PACKAGE / layer / "__init__.py").read_text("utf-8")
            assert f'"{name}"' in init, f"kirjasto.{layer} does not list {name} in __all__"


@pytest.mark.parametrize("path", ADAPTER_FILES, ids=lambda p: str(p.relative_to(HOOKS)))
def test_the_adapter_modules_use_only_what_the_layers_publish(path: Path):
    layers = {f"kirjasto.{layer}" for layer in LAYERS}
    imported = {m for m in _imported_modules(path) if m.startswith("kirjasto.") and m not in layers}
    deep = sorted(m for m in imported if m.rpartition(".")[0] not in layers)
    assert deep == [], f"{path.name} reaches past a layer's __init__: {deep}"


@pytest.mark.parametrize(
    "path", [*PACKAGE_FILES, HOOKS / "kirjasto_hook.py", *ADAPTER_FILES], ids=lambda p: str(p.relative_to(HOOKS))
)
def test_no_module_is_longer_than_a_reader_can_hold(path: Path):
    lines = len(path.read_text("utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(HOOKS)} has {lines} lines; split it by concern (at most {MAX_LINES})."


def test_the_direction_test_sees_a_lazy_relative_import_upwards():
    source = "def f():\n    from ..site.search import query_files\n"
    imported = _imports_in(source, "kirjasto.content.model", is_package=False)
    assert "kirjasto.site.search" in imported
    assert _layer("kirjasto.site.search") > _layer("kirjasto.content.model")


BROWSER_MODULES = sorted((HOOKS.parent / "docs" / "javascripts").glob("*.js"))


@pytest.mark.parametrize("path", BROWSER_MODULES, ids=lambda p: p.name)
def test_no_browser_module_is_longer_than_a_reader_can_hold(path: Path):
    lines = len(path.read_text("utf-8").splitlines())
    assert lines <= MAX_LINES, f"docs/javascripts/{path.name} has {lines} lines; split it into modules (at most {MAX_LINES})."
