"""The one parser: bodies rendered with the site's own Markdown configuration, with
observers that change nothing, links to items resolved, and a budget."""

from __future__ import annotations

import threading
import time

import markdown
import pytest

from conftest import REPOSITORY_ROOT
from kirjasto.content.markdown_config import MarkdownConfig
from kirjasto.content.render import BodyRenderer, RenderError

CONFIG = MarkdownConfig.from_file(REPOSITORY_ROOT / "mkdocs.yml")
BODY = """## Tavoitteet

Teksti, jossa on *korostus*, `koodi`, [linkki](https://www.oph.fi/) ja <https://www.pori.fi/>.

| Vuosi | Määrä |
|:---|---:|
| 2019 | 12 |

!!! note "Huomaa"
    Laatikon teksti.

<b>raaka</b> ja {: .luokka } ja lopuksi

Kappale, jolla on määre.
{: #oma .md-button }
"""


def test_the_configuration_is_the_one_mkdocs_resolves():
    from mkdocs.config import load_config

    resolved = load_config(str(REPOSITORY_ROOT / "mkdocs.yml"))
    assert MarkdownConfig.from_mkdocs(resolved.markdown_extensions, resolved.mdx_configs) == CONFIG


def test_observers_change_nothing_in_the_output():
    plain = markdown.Markdown(extensions=list(CONFIG.extensions), extension_configs=CONFIG.configs).convert(BODY)
    rendered = BodyRenderer(CONFIG).render(BODY, src_uri="kaytannot/x.md")
    assert rendered.html == plain
    assert rendered.raw_html == ["<b>", "</b>"]
    assert ("p", "id", "oma") in rendered.attribute_lists and ("p", "class", "md-button") in rendered.attribute_lists


def test_links_to_items_become_page_addresses():
    rendered = BodyRenderer(CONFIG).render(
        "[a](../verkostot/nimi.md#kohta) [b](toinen.md) [c](../../docs/sivu.md) [d](https://x.fi/y.md)", src_uri="kaytannot/x.md"
    )
    assert 'href="../../verkostot/nimi/#kohta"' in rendered.html and 'href="../../kaytannot/toinen/"' in rendered.html
    assert [(link.slug, link.folder) for link in rendered.item_links] == [("nimi", "verkostot"), ("toinen", "kaytannot")]
    assert 'href="../../docs/sivu.md"' in rendered.html and 'href="https://x.fi/y.md"' in rendered.html


@pytest.mark.parametrize("body", ["[" * 16_000, "*_" * 60_000, "".join("    " * i + "- x\n" for i in range(150))])
def test_a_body_that_would_take_too_long_is_stopped(body):
    started = time.process_time()
    with pytest.raises(RenderError):
        BodyRenderer(CONFIG).render(body, src_uri="kaytannot/x.md")
    assert time.process_time() - started < 5, "stopped by the budget, not run to the end"


def test_the_budget_holds_outside_the_main_thread_too():
    """mkdocs serve or a caller's thread cannot receive the timer signal: the body is
    rendered in a child process that is stopped instead."""
    outcome: list = []

    def render() -> None:
        renderer = BodyRenderer(CONFIG)
        try:
            renderer.render("[" * 16_000, src_uri="kaytannot/x.md")
        except RenderError as error:
            outcome.append(error.reason)
        outcome.append(renderer.render("## Otsikko\n\nTeksti.", src_uri="kaytannot/x.md").html)

    worker = threading.Thread(target=render)
    worker.start()
    worker.join(timeout=60)
    assert outcome[0] == "slow" and outcome[1].startswith('<h2 id="otsikko">')
