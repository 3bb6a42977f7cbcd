"""Output safety, the second line of defence behind validation.

- `sanitise_item_html`: the rendered content of an item page keeps only an
  allow-list of tags and attributes, with safe link targets. Validation already
  refuses raw HTML; if anything slips past it, it is neutralised here and
  reported.
- `secure_page`: every finished page gets a Content-Security-Policy that allows
  only the site's own scripts (plus the hashes of the theme's inline scripts)
  and styles, and `rel="noopener"` on links that open a new window.

Both work on HTML text with regular expressions: they run on every page, and
the full HTML parser in the standard library is about ten times slower.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass, field

from .body import SAFE_SCHEMES, normalised_target

ALLOWED_TAGS = frozenset({
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "section", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
})
_GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title"})
_TAG_ATTRIBUTES = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt"}),
    "section": frozenset({"aria-label"}),
    "th": frozenset({"style", "align"}),
    "td": frozenset({"style", "align"}),
}
_URL_ATTRIBUTES = frozenset({"href", "src"})
_SAFE_STYLE = re.compile(r"^text-align:\s*(left|right|center);?$")

_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s=>/\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"'=<`]+))?)*)\s*(/?)>"
    r"|<!--.*?-->",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"([^\s=>/\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"'=<`]+))?")


@dataclass
class SanitisedHtml:
    html: str
    removed: list[str] = field(default_factory=list)
    """What was taken out, e.g. `<script>` or `onclick` on `<a>`: empty for valid content."""


def sanitise_item_html(content: str, keep: list[str] | tuple[str, ...] = ()) -> SanitisedHtml:
    """Keep allowed tags and attributes; escape everything else. Exact strings in
    `keep` (the library's own placeholders) pass through untouched."""
    if keep:
        pattern = "(" + "|".join(re.escape(text) for text in keep) + ")"
        segments = re.split(pattern, content)
        results = [SanitisedHtml(html=s) if s in keep else sanitise_item_html(s) for s in segments]
        return SanitisedHtml(html="".join(r.html for r in results), removed=[x for r in results for x in r.removed])
    result = SanitisedHtml(html="")
    pieces = []
    position = 0
    for match in _TAG.finditer(content):
        pieces.append(_escape_text(content[position:match.start()]))
        pieces.append(_clean_tag(match, result.removed))
        position = match.end()
    pieces.append(_escape_text(content[position:]))
    result.html = "".join(pieces)
    return result


def _escape_text(text: str) -> str:
    """Text between tags cannot open a tag: a stray `<` is only ever text."""
    return text.replace("<", "&lt;")


def _clean_tag(match: re.Match, removed: list[str]) -> str:
    if match.group(0).startswith("<!--"):
        return ""
    closing, name, attributes, self_closing = match.group(1), match.group(2).lower(), match.group(3), match.group(4)
    if name not in ALLOWED_TAGS:
        removed.append(f"<{name}>")
        return html.escape(match.group(0))
    if closing:
        return f"</{name}>"
    kept = []
    for attribute in _ATTRIBUTE.finditer(attributes):
        key = attribute.group(1).lower()
        value = html.unescape((attribute.group(2) or "").strip("\"'"))
        if _attribute_is_safe(name, key, value):
            kept.append(f' {key}="{html.escape(value)}"')
        else:
            removed.append(f"{key} <{name}>-tagissa")
    return f"<{name}{''.join(kept)}{' /' if self_closing else ''}>"


def _attribute_is_safe(tag: str, key: str, value: str) -> bool:
    if key not in _GLOBAL_ATTRIBUTES and key not in _TAG_ATTRIBUTES.get(tag, ()):
        return False
    if key == "style":
        return bool(_SAFE_STYLE.match(value.strip()))
    if key in _URL_ATTRIBUTES:
        target = normalised_target(value)
        scheme = re.match(r"^([a-z][a-z0-9+.-]*):", target)
        if scheme:
            return scheme.group(1) in SAFE_SCHEMES and not (tag == "img")
        return not target.startswith("//")
    return True


# --- whole pages ---------------------------------------------------------

_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<code>.*?)</script>", re.DOTALL | re.IGNORECASE)
_CHARSET_META = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_TARGETED_LINK = re.compile(r"<a\s(?=[^>]*\btarget=)[^>]*>", re.IGNORECASE)

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def inline_script_hashes(page: str) -> list[str]:
    """CSP source expressions for each inline script the browser would run."""
    hashes = []
    for script in _INLINE_SCRIPT.finditer(page):
        attributes = script.group("attributes").lower()
        if "src=" in attributes or "application/json" in attributes:
            continue
        digest = hashlib.sha256(script.group("code").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def content_security_policy(page: str) -> str:
    hashes = "".join(f" {source}" for source in inline_script_hashes(page))
    return CONTENT_SECURITY_POLICY.format(hashes=hashes)


def secure_page(page: str) -> str:
    """Add the CSP meta tag first in <head> and noopener to links that open new windows."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(page)}">'
    charset = _CHARSET_META.search(page)
    if charset:
        page = page[: charset.end()] + meta + page[charset.end():]
    else:
        page = page.replace("<head>", "<head>" + meta, 1)
    return _TARGETED_LINK.sub(_with_noopener, page)


def _with_noopener(match: re.Match) -> str:
    tag = match.group(0)
    if re.search(r"\brel=\"[^\"]*noopener", tag, re.IGNORECASE):
        return tag
    if re.search(r"\brel=\"", tag, re.IGNORECASE):
        return re.sub(r"\brel=\"", 'rel="noopener ', tag, count=1, flags=re.IGNORECASE)
    return tag[:-1] + ' rel="noopener">'
