"""Property-based: whatever a contributor writes, loading and validation end in
problems naming the file, never in an exception, and within bounded time."""

from __future__ import annotations

import datetime
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPOSITORY_ROOT, TODAY, VALID_BODY, VALID_FRONT_MATTER
from kirjasto import load_library

PATH = "practices/kaytannot/satunnainen.md"
# A deadline per example: a hang or blow-up fails, a slow shared machine does not.
BOUNDED = settings(max_examples=150, deadline=datetime.timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])

KEYS = ["title", "summary", "municipalities", "regions", "levels", "themes", "status", "updated", "started",
        "organisations", "audience", "contacts", "links", "funding", "source", "related", "template", "x"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.dates(),
    st.text(max_size=40), st.sampled_from(["Pori", "perusopetus", "steam", "kaytossa", "2026-02-30", "<b>", "javascript:x"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=12)
front_matters = st.dictionaries(st.sampled_from(KEYS), values, max_size=10)
markdown_bits = st.sampled_from([
    "## Otsikko\n", "<b>x</b>", "`<i>`", "```\n<script>\n```\n", "[a](javascript:x)", "![](k.png)", "![a](data:x)",
    "{: .x }", "&#106;", "\u202e", "\x07", "<!--", "\\`", "[x]: file:///etc", "etu.suku@kunta.fi", "040 123 4567", "\n\n", "Teksti. ",
])
bodies = st.lists(st.one_of(markdown_bits, st.text(max_size=30)), max_size=25).map("".join)


def load_single(raw: bytes) -> list:
    root = Path(tempfile.mkdtemp())
    try:
        content = root / "practices"
        for folder in ("kaytannot", "verkostot", "materiaalit"):
            (content / folder).mkdir(parents=True)
        for vocabulary in ("teemat.yml", "kohderyhmat.yml"):
            shutil.copy(REPOSITORY_ROOT / "practices" / vocabulary, content / vocabulary)
        (content / "kaytannot/satunnainen.md").write_bytes(raw)
        return load_library(root, today=TODAY).problems
    finally:
        shutil.rmtree(root)


def assert_problems_name_the_file(problems) -> None:
    for problem in problems:
        assert problem.path == PATH
        assert problem.message.strip()
        assert problem.line is None or problem.line >= 1


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
    valid = f"---\n{VALID_FRONT_MATTER}---\n\n{VALID_BODY}".encode("utf-8")
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
