"""Generated parts come from Jinja2 templates a copy can override, with
autoescaping: a title can never become markup."""

from __future__ import annotations

from pathlib import Path

from kirjasto.site import part_templates
from kirjasto.site.parts import PartTemplates, trusted_html

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "hooks/kirjasto/site/templates/kirjasto"


def test_every_generated_part_has_a_template():
    names = {path.stem for path in PACKAGE_TEMPLATES.glob("*.html")}
    assert {"kortti", "listaus", "luettelo", "kartta", "lomake", "liittyvat", "vanhentunut", "teksti"} <= names


def test_values_are_escaped_and_only_trusted_html_is_not():
    templates = PartTemplates()
    html = templates.render("teksti", body="<script>alert(1)</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert templates.render("teksti", body=trusted_html("<p>ok</p>")) == '<div class="kk-teksti"><p>ok</p></div>'


def test_a_copy_overrides_a_template_from_its_theme_folder(tmp_path: Path):
    (tmp_path / "kirjasto").mkdir()
    (tmp_path / "kirjasto" / "teksti.html").write_text('<article class="oma">{{ body }}</article>', "utf-8")
    templates = PartTemplates(tmp_path)
    assert templates.render("teksti", body="x") == '<article class="oma">x</article>'
    # The others still come from the package.
    assert "kk-luettelo" in templates.render("listaus", entries=[], notice="", action="")


def test_templates_are_compiled_once_per_override_folder(tmp_path: Path):
    assert part_templates(tmp_path) is part_templates(tmp_path)
    first = part_templates(tmp_path).template("teksti")
    assert part_templates(tmp_path).template("teksti") is first
