"""The browser scripts' texts in Swedish: the module kaannokset-sv.js that the build
writes from the message catalogue (kirjasto/site/script_texts.py), and tekstit.js,
which reads it in the browser and falls back to Finnish without it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPOSITORY_ROOT
from kirjasto.site import script_texts
from kirjasto.site.script_texts import script_messages, script_table, script_translations, script_translations_path

SCRIPTS = REPOSITORY_ROOT / "docs" / "javascripts"


def table_of(module: str) -> dict[str, object]:
    """The default export of a written module, which is JSON."""
    assert module.rstrip().endswith(";")
    return json.loads(module.split("export default ", 1)[1].rstrip().removesuffix(";"))


def test_the_scripts_messages_are_extracted_as_make_messages_does():
    messages = script_messages(SCRIPTS)
    assert "Valikko" in messages
    assert ("{count} tulos", "{count} tulosta") in messages
    assert "Tiedostonimi '{name}' on varattu luettelosivulle. Anna kuvaukselle sen sisältöä kuvaava nimi." in messages
    assert len(messages) == len(set(messages))
    # Named placeholders only: a value is never glued onto a message in the scripts.
    for message in messages:
        for text in message if isinstance(message, tuple) else (message,):
            assert text.strip() == text and "{}" not in text, text


def test_the_swedish_module_has_the_swedish_of_the_scripts_messages():
    table = table_of(script_translations("sv", SCRIPTS))
    assert table["tammikuu"] == "januari"
    assert table["Otsikko"] == "Rubrik"
    assert table["Tuntematon kunta '{text}'."] == "Okänd kommun '{text}'."
    # Only what the scripts say: the command line's and the pages' messages stay out.
    assert "Kirjastossa ei ole virheitä eikä varoituksia." not in table
    assert set(table) <= {m[0] if isinstance(m, tuple) else m for m in script_messages(SCRIPTS)}


def test_the_module_is_valid_javascript(tmp_path: Path):
    module = script_translations("sv", SCRIPTS)
    assert isinstance(table_of(module), dict)
    node = shutil.which("node")
    if node is None:
        return  # parsed as JSON above
    path = tmp_path / "kaannokset-sv.mjs"
    path.write_text(module, encoding="utf-8")
    result = subprocess.run([node, "--check", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_finnish_needs_no_table():
    assert table_of(script_translations("fi", SCRIPTS)) == {}
    assert script_translations_path("sv") == "javascripts/kaannokset-sv.js"


CATALOGUE = """\
msgid ""
msgstr ""
"Language: sv\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Tulosta"
msgstr "Skriv ut"

msgid "{count} tulos"
msgid_plural "{count} tulosta"
msgstr[0] "{count} resultat"
msgstr[1] "{count} resultat totalt"

#, fuzzy
msgid "Valikko"
msgstr "Meny"

msgid "Poista"
msgstr ""

msgid "Ei skripteissä"
msgstr "Inte i skripten"
"""


def test_plurals_get_every_form_and_unfinished_translations_stay_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "sivu.js").write_text(
        'import { _, plural } from "./tekstit.js";\n'
        '_("Tulosta"); _("Valikko"); _("Poista"); _("Puuttuu luettelosta");\n'
        'plural("{count} tulos", "{count} tulosta", 3);\n',
        encoding="utf-8",
    )
    catalogue = tmp_path / "kirjasto.po"
    catalogue.write_text(CATALOGUE, encoding="utf-8")
    monkeypatch.setattr(script_texts, "catalogue_path", lambda language: catalogue)
    assert script_table("sv", tmp_path) == {
        "Tulosta": "Skriv ut",
        "{count} tulos": ["{count} resultat", "{count} resultat totalt"],
    }


# --- tekstit.js in the browser --------------------------------------------------------

PAGE = '<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title></head><body></body></html>'
TABLE = {
    "Lisättiin {name}.": "Lade till {name}.",
    "{count} tulos": ["{count} resultat (ett)", "{count} resultat"],
}
SAYINGS = """async () => {
  const { _, plural } = await import("../javascripts/tekstit.js");
  return [
    _("Lisättiin {name}.", { name: "Borgå" }),
    _("Tulosta"),
    plural("{count} tulos", "{count} tulosta", 1),
    plural("{count} tulos", "{count} tulosta", 10000),
    _("Tiedosto {name} ladattiin.", { name: "{x}" }),
  ];
}"""


@pytest.fixture
def script_site(tmp_path: Path):
    from kirjasto.tools.static_site import StaticServer

    folder = tmp_path / "sivusto"
    (folder / "javascripts").mkdir(parents=True)
    shutil.copy(SCRIPTS / "tekstit.js", folder / "javascripts" / "tekstit.js")
    for name, lang in (("fi", "fi"), ("sv", "sv"), ("sv-ilman", "sv")):
        (folder / name).mkdir()
        (folder / name / "index.html").write_text(PAGE.format(lang=lang), encoding="utf-8")
    with StaticServer(folder) as running:
        yield folder, running


def say_on(browser, url: str) -> list[str]:
    """What the texts of SAYINGS are on the page at `url` (a new browser context each time)."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    said = page.evaluate(SAYINGS)
    page.close()
    assert errors == []
    return said


def test_the_browser_says_finnish_swedish_and_falls_back_to_finnish(browser, script_site):
    folder, server = script_site
    finnish = ["Lisättiin Borgå.", "Tulosta", "1 tulos", "10\u00a0000 tulosta", "Tiedosto {x} ladattiin."]
    assert say_on(browser, f"{server.origin}/fi/") == finnish
    # Without kaannokset-sv.js a Swedish page still works, in Finnish.
    assert say_on(browser, f"{server.origin}/sv-ilman/") == finnish
    (folder / "javascripts" / "kaannokset-sv.js").write_text(f"export default {json.dumps(TABLE)};\n", encoding="utf-8")
    assert say_on(browser, f"{server.origin}/sv/") == [
        "Lade till Borgå.",
        "Tulosta",
        "1 resultat (ett)",
        "10\u00a0000 resultat",
        "Tiedosto {x} ladattiin.",
    ]
