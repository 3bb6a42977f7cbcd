"""The Content-Security-Policy of every page, from a known list of inline scripts.

The only inline scripts a page may run are the ones the theme's templates (and a
copy's own template overrides) emit; they are read from the template files
themselves, so the list follows the installed theme. Each may differ only in the
base URL the theme writes into it, so the policy carries their SHA-256 hashes
for every base URL the site uses. A script anywhere else, a hand-written page
included, has no hash: the MkDocs hook refuses to build such a page, and a
browser would refuse to run it.

The policy is one string for the whole site, written by the templates
(`overrides/main.html`) from `extra.kirjasto_csp`, so that a build without the
hook (`kirjasto generate`) carries exactly the same policy.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kirjasto.content.messages import Messages, _, messages_in

CONFIG_KEY = "kirjasto_csp"
"""`extra.kirjasto_csp` in the site configuration: the policy the templates write."""

POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
BASE_URL_MARK = "\x00base\x00"

_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
# mkdocs-material writes `config.extra.scope | d(base_url)`, Zensical `d(base_url, true)`.
_BASE_URL_EXPRESSION = re.compile(r"^\s*(config\.extra\.scope\s*\|\s*d\(\s*base_url\s*(,\s*true\s*)?\)|base_url)\s*$")
_PAGE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<code>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_NOT_RUN = re.compile(r"""\btype\s*=\s*["']?(application/(ld\+)?json|text/template)""", re.IGNORECASE)
_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


@dataclass(frozen=True)
class KnownScript:
    """An inline script as a template writes it; the base URL may vary."""

    template: str
    """Path of the template file it comes from, for messages."""
    text: str
    """The script, with `BASE_URL_MARK` where the template writes the base URL."""

    def rendered(self, base_url: str) -> str:
        return self.text.replace(BASE_URL_MARK, base_url)


THEME_PACKAGES = {"mkdocs": "material", "properdocs": "material", "zensical": "zensical"}
"""The package whose templates each engine renders the site with."""


def theme_script_dirs(custom_dir: Path | None = None, engine: str = "mkdocs") -> list[Path]:
    """Where inline scripts come from: the copy's template overrides (if any) and the
    engine's theme's `partials/javascripts/` (mkdocs-material's, or Zensical's own
    copy of it; the other templates' inline scripts serve analytics and redirects,
    which this site does not use)."""
    spec = importlib.util.find_spec(THEME_PACKAGES[engine])
    dirs = [custom_dir] if custom_dir else []
    if spec and spec.submodule_search_locations:
        dirs.append(Path(next(iter(spec.submodule_search_locations))) / "templates" / "partials" / "javascripts")
    return dirs


def known_scripts(template_dirs: Iterable[Path]) -> list[KnownScript]:
    """Every inline script in the theme's templates whose only variable part is the
    base URL. (Scripts that write other values, e.g. a redirect page's target,
    are not known and cannot run.)"""
    found: list[KnownScript] = []
    for directory in template_dirs:
        for template in sorted(Path(directory).rglob("*.html")):
            for match in _TEMPLATE_SCRIPT.finditer(template.read_text("utf-8")):
                text = _with_base_mark(match.group(1))
                if text is not None and all(known.text != text for known in found):
                    found.append(KnownScript(template.relative_to(directory).as_posix(), text))
    return found


def _with_base_mark(script: str) -> str | None:
    unknown = False

    def replace(match: re.Match[str]) -> str:
        nonlocal unknown
        if _BASE_URL_EXPRESSION.match(match.group(1)):
            return BASE_URL_MARK
        unknown = True
        return ""

    text = _EXPRESSION.sub(replace, script)
    return None if unknown or "{%" in text else text


def base_urls(page_urls: Iterable[str], site_url: str | None, scope: str | None = None, engine: str = "mkdocs") -> set[str]:
    """The base URLs the engine writes into pages: relative to each page's directory
    (`.`, `..`, `../..`), and for the error page the site's path (`/kaytannot/`;
    Zensical writes it without the final slash)."""
    if scope:
        return {scope}
    found = {"."}
    for url in page_urls:
        depth = url.strip("/").count("/") + 1 if url.strip("/") else 0
        found.add("/".join([".."] * depth) if depth else ".")
    site_path = urlsplit(site_url or "/").path or "/"
    found.add(site_path)
    if engine == "zensical":
        found.add(site_path.rstrip("/") or "/")
    return found


def script_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_policy(scripts: Iterable[KnownScript], bases: Iterable[str]) -> str:
    """The policy for the whole site: the known scripts for every base URL."""
    hashes: list[str] = []
    for script in scripts:
        for base in sorted(bases) if BASE_URL_MARK in script.text else [""]:
            source = script_hash(script.rendered(base))
            if source not in hashes:
                hashes.append(source)
    return POLICY.format(hashes="".join(f" {source}" for source in hashes))


@dataclass(frozen=True)
class PageScriptProblem:
    message: str
    """What is wrong with the page and how to fix it, in the language asked for."""


POLICY_MISSING = _(
    "Sivulta puuttuu sivuston Content-Security-Policy, tai se poikkeaa sivuston omasta. Sen kirjoittaa lohko site_meta "
    "sivupohjassa overrides/main.html: jos sivulla on oma sivupohja, sen pitää laajentaa main.html-pohjaa, eikä se saa "
    "korvata lohkon site_meta sisältöä."
)
UNKNOWN_SCRIPT = _(
    "Sivulla on skripti, joka ei ole teeman eikä kirjaston oma ({shown}). Sivuille ei saa kirjoittaa skriptejä: "
    "siirrä koodi omaan tiedostoonsa kansioon docs/javascripts/ ja liitä se mkdocs.yml-tiedoston asetuksella extra_javascript."
)


def check_page(page: str, policy: str, messages: Messages | None = None) -> list[PageScriptProblem]:
    """The finished page carries the policy, and every inline script it would run is
    allowed by it (a known script). The problems are told in the language of
    `messages` (Finnish unless given)."""
    say = (messages or messages_in()).say
    problems = []
    meta = _CSP_META.search(page)
    if meta is None or meta.group(1) != policy:
        problems.append(PageScriptProblem(say(POLICY_MISSING)))
    allowed = set(re.findall(r"'sha256-[^']+'", policy))
    for script in _PAGE_SCRIPT.finditer(page):
        attributes = script.group("attributes")
        if re.search(r"\bsrc\s*=", attributes, re.IGNORECASE) or _NOT_RUN.search(attributes):
            continue
        if script_hash(script.group("code")) not in allowed:
            shown = " ".join(script.group("code").split())[:60]
            problems.append(PageScriptProblem(say(UNKNOWN_SCRIPT, shown=shown)))
    return problems


_TARGETED_LINK = re.compile(r"<a\s(?=[^>]*\btarget=)[^>]*>", re.IGNORECASE)


def with_noopener(page: str) -> str:
    """`rel="noopener"` on every link that opens a new window."""
    return _TARGETED_LINK.sub(_add_noopener, page)


def _add_noopener(match: re.Match[str]) -> str:
    tag = match.group(0)
    if re.search(r"\brel=\"[^\"]*noopener", tag, re.IGNORECASE):
        return tag
    if re.search(r"\brel=\"", tag, re.IGNORECASE):
        return re.sub(r"\brel=\"", 'rel="noopener ', tag, count=1, flags=re.IGNORECASE)
    return tag[:-1] + ' rel="noopener">'
