"""The built site stays safe: escaped values, sanitised bodies, a CSP, no
third-party requests, nothing from outside practices/ published."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import REPOSITORY_ROOT, copy_repository, front_matter, mkdocs_build
from kirjasto.content import load_library
from kirjasto.content.body_sections import body_sections
from kirjasto.content.markdown_config import MarkdownConfig
from kirjasto.content.render import BodyRenderer
from kirjasto.content.sanitise import Sanitiser, is_unchanged
from kirjasto.site.csp import check_page, known_scripts, script_hash, site_policy, theme_script_dirs, with_noopener
from site_html import html_files, parse

SAFE_EXTENSIONS = {"toc", "attr_list", "def_list", "fenced_code", "md_in_html", "admonition", "tables"}
# The theme's bundle also names unpkg.com, for a ResizeObserver polyfill (every
# current browser has ResizeObserver) and for Mermaid (not enabled here); the
# CSP's script-src 'self' would block both. It names api.github.com for repository
# facts, used only when repo_url is set (test_config_makes_no_third_party_requests)
# and blocked by connect-src 'self' anyway.
THIRD_PARTY_HOSTS = re.compile(
    r"fonts\.googleapis|fonts\.gstatic|googletagmanager|google-analytics|plausible\.io|matomo",
)
HTML_CSS_THIRD_PARTY = re.compile(r"(?:src|href)=[\"']?(?:https?:)?//(?!127\.0\.0\.1)|url\(\s*['\"]?(?:https?:)?//|@import")


# --- sanitiser ------------------------------------------------------------------


@pytest.mark.parametrize(
    "planted",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)" alt="a">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href="java&#9;script:alert(1)">x</a>',
        '<a href="//seuranta.example/p">x</a>',
        '<img src="https://seuranta.example/p.png" alt="p">',
        '<iframe src="https://example.com"></iframe>',
        '<p style="background:url(https://x)">x</p>',
        '<meta http-equiv="refresh" content="0;url=https://x">',
        '<base href="https://x/">',
        '<div class="md-button" id="__search">x</div>',
        '<h2 id="__config">x</h2>',
        '<div id="__config">{}</div>',
        '<pre><code class="language-python md-typeset">x</code></pre>',
    ],
)
def test_sanitiser_removes_what_no_body_may_publish(planted):
    sanitiser = Sanitiser()
    cleaned = sanitiser.clean(f"<p>Alku</p>{planted}<p>Loppu</p>")
    assert not is_unchanged(f"<p>Alku</p>{planted}<p>Loppu</p>", cleaned)
    for forbidden in (
        "<script",
        "onerror",
        "javascript:",
        "seuranta.example",
        "<iframe",
        "style=",
        "<meta",
        "<base",
        "md-",
        "__",
    ):
        assert forbidden not in cleaned.replace("&#106;", "j"), (planted, cleaned)
    assert "<p>Alku</p>" in cleaned and "<p>Loppu</p>" in cleaned


def test_sanitiser_changes_nothing_in_the_real_items():
    library = load_library(REPOSITORY_ROOT).library
    renderer = BodyRenderer(MarkdownConfig.from_file(REPOSITORY_ROOT / "mkdocs.yml"))
    for item in library.items:
        rendered = renderer.render(item.body, src_uri=item.src_uri).html
        assert is_unchanged(rendered, Sanitiser().clean(rendered)), item.slug


def test_item_pages_show_the_sanitised_body(site):
    library = load_library(REPOSITORY_ROOT).library
    for item in library.items:
        page = (site / item.kind.folder / item.slug / "index.html").read_text("utf-8")
        for section in body_sections(item.body_html):
            assert section.html in page, item.slug


# --- Content-Security-Policy ---------------------------------------------------


def test_policy_lists_only_the_themes_known_scripts():
    scripts = known_scripts(theme_script_dirs(REPOSITORY_ROOT / "overrides"))
    sources = {script.template for script in scripts}
    assert {"base.html", "content.html", "palette.html"} <= sources
    policy = site_policy(scripts, {".", "..", "/"})
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    page = '<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="' + policy + '"></head>'
    assert check_page(page + "<body></body></html>", policy) == []
    problems = check_page(page + "<body><script>alert(1)</script></body></html>", policy)
    assert [p.message for p in problems if "ei ole teeman eikä kirjaston oma (alert(1))" in p.message]
    assert check_page(page.replace("Content-Security-Policy", "X") + "</html>", policy), "a page without the policy is refused"


def test_a_script_in_a_hand_written_page_fails_the_build(tmp_path):
    root = copy_repository(tmp_path / "repo")
    page = root / "docs" / "tietoa.md"
    page.write_text(page.read_text("utf-8") + "\n<script>document.title = 'x'</script>\n", encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    assert "docs/tietoa.md: Sivulla on skripti, joka ei ole teeman eikä kirjaston oma (document.title = 'x')" in result.stderr
    assert "Traceback" not in result.stderr


def test_with_noopener_marks_links_that_open_new_windows():
    page = '<a href="https://x" target="_blank">x</a><a href="https://y" target="_blank" rel="external">y</a>'
    assert (
        with_noopener(page)
        == '<a href="https://x" target="_blank" rel="noopener">x</a><a href="https://y" target="_blank" rel="noopener external">y</a>'
    )


# --- configuration ----------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for our purpose: `!ENV [NAME, default]` gives the default."""


_ConfigLoader.add_constructor(
    "!ENV", lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None
)


def mkdocs_config() -> dict:
    return yaml.load((REPOSITORY_ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader)


def test_only_extensions_that_cannot_read_files():
    extensions = {next(iter(e)) if isinstance(e, dict) else e for e in mkdocs_config()["markdown_extensions"]}
    assert extensions <= SAFE_EXTENSIONS
    assert not any("snippets" in e or "include" in e or "macros" in e for e in extensions)


def test_config_makes_no_third_party_requests():
    config = mkdocs_config()
    assert config["theme"]["font"] is False
    assert "repo_url" not in config and "repo_name" not in config
    assert "analytics" not in (config.get("extra") or {})
    assert config["plugins"] == [], "the theme's search index is replaced by the library's own (hooks/kirjasto/site/search/)"


# --- the whole real site ----------------------------------------------------


def test_only_the_themes_and_the_sites_own_scripts(site):
    for html in html_files(site):
        text = html.read_text("utf-8")
        for match in re.finditer(r"<script([^>]*)>(.*?)</script>", text, re.DOTALL):
            source = re.search(r'src="([^"]*)"', match.group(1))
            if source:
                path = urlsplit(source.group(1))
                assert not path.netloc and re.search(
                    r"(^|/)(assets/javascripts/[^/]+\.min\.js|javascripts/(lomake|luettelo|kirjasto|haku|vuosikello)\.js)$",
                    path.path,
                ), html
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
        assert policy, html
        assert text.index("Content-Security-Policy") < text.index("<script"), "the policy comes before every script"
        for match in re.finditer(r"<script([^>]*)>(.*?)</script>", text, re.DOTALL):
            if "src=" not in match.group(1) and "json" not in match.group(1):
                assert script_hash(match.group(2)) in policy.group(1), html


def test_no_event_handlers_or_dangerous_elements_in_any_page(site):
    for html in html_files(site):
        text = html.read_text("utf-8")
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", text, re.IGNORECASE), html
        content = text.split('class="md-content"', 1)[1]
        assert not re.search(r"<(iframe|object|embed|base)\b", content, re.IGNORECASE), html
        assert not re.search(r'http-equiv="refresh"', text, re.IGNORECASE), html


def test_every_href_and_src_is_web_mail_or_relative(site):
    for html in html_files(site):
        collector = parse(html)
        for target in collector.links + collector.resources:
            scheme = urlsplit(target).scheme
            assert scheme in ("", "http", "https", "mailto"), f"{html}: {target}"


def test_no_file_requests_a_third_party(site):
    for path in [*site.rglob("*.html"), *site.rglob("*.css"), *site.rglob("*.js")]:
        text = path.read_text("utf-8", errors="replace")
        assert not THIRD_PARTY_HOSTS.search(text), path
        if path.suffix == ".css":
            assert not HTML_CSS_THIRD_PARTY.search(text), path
    for html in html_files(site):
        assert [r for r in parse(html).resources if urlsplit(r).netloc] == [], html


def test_item_pages_equal_items(site):
    library = load_library(REPOSITORY_ROOT).library
    for kind_folder in ("kaytannot", "verkostot", "materiaalit"):
        built = {p.parent.name for p in (site / kind_folder).glob("*/index.html")}
        assert built == {i.slug for i in library.items if i.kind.folder == kind_folder}


# --- planted payloads and canaries through a real build ---------------------

PAYLOAD_ITEM = front_matter(
    title="'Tutorit & \"lainaus\" {: onclick=x }'",
    summary="'Tiivistelmä, jossa on \"lainaus\" & heittomerkki.'",
) + (
    "organisations: ['<script>alert(1)</script>', '\"><img src=x onerror=alert(2)>']\n"
    "contacts:\n  - role: '<img src=x onerror=alert(3)>'\n    organisation: \"Porin kaupunki\"\n"
    "links:\n  - title: '<b>lihava</b>'\n    url: 'https://www.pori.fi/?a=1&b=2'\n"
)
CANARY = "KANARIALINTU-7f3a9c"


def test_planted_payloads_are_escaped_and_canaries_stay_out(tmp_path):
    root = copy_repository(tmp_path / "repo")
    (root / "salaisuus.txt").write_text(CANARY, encoding="utf-8")
    (root / "hooks" / "salaisuus.md").write_text(CANARY, encoding="utf-8")
    body = (
        "## Tavoitteet\n\n--8<-- \"salaisuus.txt\"\n\n{% include 'salaisuus.txt' %}\n\n`<script>alert(4)</script>` on koodia.\n"
    )
    (root / "practices/kaytannot/hyokkays.md").write_text(f"---\n{PAYLOAD_ITEM}---\n\n{body}", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr

    page = (site / "kaytannot/hyokkays/index.html").read_text("utf-8")
    assert "<script>alert" not in page
    assert not re.search(r"<img[^>]*onerror", page)
    assert "&lt;img src=x onerror=alert(3)&gt;" in page, "shown as text"
    assert '<meta name="description" content="Tiivistelmä, jossa on &quot;lainaus&quot; &amp; heittomerkki.">' in page
    assert "<title>Tutorit &amp; &quot;lainaus&quot; {: onclick=x } - Käytäntökirjasto</title>" in page
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page
    index = " ".join(p.read_text("utf-8") for p in (site / "haku-indeksi").glob("*.json"))
    assert "kaytannot/hyokkays/" in index, "the page is in the search index"
    for path in site.rglob("*"):
        if path.is_file():
            assert CANARY not in path.read_text("utf-8", errors="replace"), path
    assert not list(site.rglob("salaisuus*"))


def test_links_opening_new_windows_have_noopener(site):
    for html in html_files(site):
        for tag in re.findall(r"<a\s[^>]*\btarget=[^>]*>", html.read_text("utf-8")):
            assert "noopener" in tag, f"{html}: {tag}"
