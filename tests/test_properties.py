"""Property-based: whatever a contributor writes, loading and validation end in
problems naming the file, never in an exception, and within bounded time."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPOSITORY_ROOT, TODAY, VALID_BODY, VALID_FRONT_MATTER
from kirjasto.content import load_library
from kirjasto.content.characters import printable
from kirjasto.content.field_rules import KNOWN_FIELDS
from kirjasto.content.markdown_config import MarkdownConfig
from kirjasto.content.sanitise import Sanitiser, is_unchanged
from kirjasto.content.settings import LibrarySettings
from kirjasto.site.exports import export_files

PATH = "practices/kaytannot/satunnainen.md"
# A deadline per example: a hang or blow-up fails, a slow shared machine does not.
BOUNDED = settings(max_examples=150, deadline=datetime.timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])

# Every field the validator knows, and two it does not (a theme setting, a typo).
KEYS = [*KNOWN_FIELDS, "template", "x"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(max_size=40),
    st.sampled_from(["Pori", "perusopetus", "steam", "kaytossa", "2026-02-30", "<b>", "javascript:x"]),
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=12
)
front_matters = st.dictionaries(st.sampled_from(KEYS), values, max_size=10)
markdown_bits = st.sampled_from(
    [
        "## Otsikko\n",
        "<b>x</b>",
        "`<i>`",
        "```\n<script>\n```\n",
        "[a](javascript:x)",
        "![](k.png)",
        "![a](data:x)",
        "{: .x }",
        "&#106;",
        "\u202e",
        "\x07",
        "<!--",
        "\\`",
        "[x]: file:///etc",
        "etu.suku@kunta.fi",
        "040 123 4567",
        "\n\n",
        "Teksti. ",
    ]
)
bodies = st.lists(st.one_of(markdown_bits, st.text(max_size=30)), max_size=25).map("".join)


MARKDOWN = MarkdownConfig.from_file(REPOSITORY_ROOT / "mkdocs.yml")


def load_whole(raw: bytes):
    root = Path(tempfile.mkdtemp())
    try:
        content = root / "practices"
        for folder in ("kaytannot", "verkostot", "materiaalit"):
            (content / folder).mkdir(parents=True)
        for vocabulary in ("teemat.yml", "kohderyhmat.yml"):
            shutil.copy(REPOSITORY_ROOT / "practices" / vocabulary, content / vocabulary)
        (content / "kaytannot/satunnainen.md").write_bytes(raw)
        return load_library(root, today=TODAY, markdown=MARKDOWN)
    finally:
        shutil.rmtree(root)


def load_single(raw: bytes) -> list:
    return load_whole(raw).problems


def assert_problems_name_the_file(problems) -> None:
    for problem in problems:
        assert problem.path == PATH
        assert problem.message.strip()
        assert problem.line is not None and problem.line >= 1
        shown = problem.format()
        assert "\n" not in shown and printable(shown) == shown, shown


@BOUNDED
@given(front_matters, bodies)
def test_random_front_matter_and_body(data, body):
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True, default_flow_style=False) + "---\n\n" + body
    assert_problems_name_the_file(load_single(text.encode("utf-8")))


@BOUNDED
@given(st.binary(max_size=600))
def test_random_bytes(raw):
    assert_problems_name_the_file(load_single(raw))


@BOUNDED
@given(st.data())
def test_mutated_valid_file(data):
    valid = f"---\n{VALID_FRONT_MATTER}---\n\n{VALID_BODY}".encode()
    mutated = bytearray(valid)
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(mutated)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        byte = data.draw(st.sampled_from(list(b":-[]{}&*!|>'\"#\n\t <`\\\x00\xc3\xa4\xe2\x80\xae")))
        if action == "insert":
            mutated.insert(position, byte)
        elif position < len(mutated):
            if action == "delete":
                del mutated[position]
            else:
                mutated[position] = byte
    assert_problems_name_the_file(load_single(bytes(mutated)))


# --- whatever validation accepts stays well-formed in every output ------------------

any_text = st.text(min_size=1, max_size=60)


@BOUNDED
@given(any_text, any_text, st.lists(any_text, max_size=3), bodies)
def test_accepted_input_gives_well_formed_exports_and_clean_html(title, summary, organisations, body):
    front = yaml.safe_dump(
        {
            "title": "Otsikko " + title,
            "summary": summary,
            "organisations": organisations,
            "municipalities": ["Pori"],
            "levels": ["perusopetus"],
            "themes": ["steam"],
            "status": "kaytossa",
            "updated": TODAY.isoformat(),
        },
        allow_unicode=True,
    )
    loaded = load_whole(f"---\n{front}---\n\n## Teksti\n\n{body}\n".encode())
    if not loaded.is_valid:
        return
    item = loaded.library.items[0]
    assert Sanitiser().clean(item.body_html) == item.body_html or is_unchanged(item.body_html, Sanitiser().clean(item.body_html))
    assert "<script" not in item.body_html and "<img" not in item.body_html
    files = export_files(loaded.library, LibrarySettings(), "Käytäntökirjasto")
    ElementTree.fromstring(files["feed.xml"].encode("utf-8"))
    assert json.loads(files["data/kirjasto.json"])["items"][0]["title"] == item.title
    for row in list(csv.reader(io.StringIO(files["data/kirjasto.csv"].lstrip("\ufeff"))))[1:]:
        for cell in row:
            for piece in re.split(r"[,;\t]", cell):
                assert not re.match(r"\s*[=+\-@\uff1d\uff0b\uff0d\uff20]", piece), cell
