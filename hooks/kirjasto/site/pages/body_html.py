"""An item's sanitised body on its page.

The body was rendered and sanitised once, in validation; the page shows that
HTML. Its top-level headings go back to the engine as Markdown headings
(`body_sections.py`), the HTML between them as HTML parts. Links to items this
copy does not publish become text with a note.
"""

from __future__ import annotations

import html
import re

from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.content.model import Item, Library
from kirjasto.site.theme_texts import MARKDOWN_WORDS

UNPUBLISHED_NOTE = _("kuvaus ei ole tässä kirjastossa")
"""The note after a link to an item this copy does not publish, in parentheses."""
FINNISH = messages_in()
_LINK = re.compile(r'<a href="(?P<href>[^"]*)"[^>]*>(?P<text>.*?)</a>', re.DOTALL)


def published_body_html(item: Item, library: Library, *, messages: Messages = FINNISH) -> str:
    """The item's body with links to items this copy does not publish turned into
    plain text and a note (a scoped fork or a preview leaves some items out), and the
    Markdown configuration's words in it (headings' link titles) in the page's language."""
    body = _in_language(item.body_html, messages)
    # The page address of an item (../../verkostot/nimi/) has no characters to escape;
    # whatever follows `#` does not matter.
    hidden = {link.href.split("#", 1)[0] for link in item.item_links if link.slug not in library.by_slug}
    if not hidden:
        return body
    note = messages.say(UNPUBLISHED_NOTE)

    def replace(match: re.Match[str]) -> str:
        # Compared as the browser reads the address, whatever nh3 escaped in it.
        if html.unescape(match.group("href")).split("#", 1)[0] in hidden:
            return f'{match.group("text")} <span class="kk-ei-julkaistu">({note})</span>'
        return match.group(0)

    return _LINK.sub(replace, body)


def _in_language(body: str, messages: Messages) -> str:
    """Bodies are validated once, with the Markdown configuration as written (in Finnish);
    a page in another language says its words (`MARKDOWN_WORDS`) in its own."""
    for word in MARKDOWN_WORDS:
        said = messages.say(word)
        if said != word:
            body = body.replace(f'title="{html.escape(word)}"', f'title="{html.escape(said)}"')
    return body
