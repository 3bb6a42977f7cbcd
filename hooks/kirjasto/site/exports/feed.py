"""The Atom feed of new and updated items (`feed.xml`)."""

from __future__ import annotations

import datetime
import re
import uuid
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr as _xml_quoteattr

from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.content.model import Library
from kirjasto.content.settings import LibrarySettings
from kirjasto.site.exports.records import absolute_url, item_url
from kirjasto.site.pages.listing import newest_first

FEED_PATH = "feed.xml"
FEED_SIZE = 50
_FINNISH = messages_in()

# Characters XML 1.0 cannot hold at all. Validation refuses them in every field, so
# this only keeps the feed well-formed should one ever get through.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    return _xml_escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    return _xml_quoteattr(_NOT_XML.sub("\ufffd", text))


def stable_id(name: str) -> str:
    """An Atom id that never changes: not the address (SITE_URL, a move of folders or a
    fork's own domain would change it) but a name-based UUID of what it identifies."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'kaytantokirjasto:' + name)}"


def _timestamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(library: Library, settings: LibrarySettings, site_name: str, *, messages: Messages = _FINNISH) -> str:
    """The newest items by `updated` as an Atom 1.0 feed (RFC 4287), its own texts in
    the language of `messages`."""
    say = messages.say
    language = messages.language
    items = newest_first(library.items, messages=messages)[:FEED_SIZE]
    updated = max((item.updated for item in items), default=datetime.date(2000, 1, 1))
    author = settings.publisher.name if settings.publisher else site_name
    home = absolute_url(settings, "") or "./"
    feed_self = absolute_url(settings, FEED_PATH) or FEED_PATH
    title = say(_("{site}: uudet ja päivitetyt kuvaukset"), site=site_name)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{messages.language}">',
        f"  <id>{escape(stable_id('feed:' + site_name))}</id>",
        f"  <title>{escape(title)}</title>",
        f"  <updated>{_timestamp(updated)}</updated>",
        f"  <author><name>{escape(author)}</name></author>",
        f"  <rights>{escape(_rights(settings, messages))}</rights>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(home)}/>',
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(feed_self)}/>',
    ]
    for item in items:
        url = absolute_url(settings, item_url(item)) or item_url(item)
        categories = "".join(
            f"\n    <category term={quoteattr(t.slug)} label={quoteattr(t.name_in(language))}/>" for t in item.themes
        )
        places = (
            ", ".join(m.shown_in(language) for m in item.municipalities)
            or ", ".join(r.name_in(language) for r in item.regions)
            or say(_("Valtakunnallinen"))
        )
        lines += [
            "  <entry>",
            f"    <id>{escape(stable_id('item:' + item.slug))}</id>",
            f"    <published>{_timestamp(item.written or item.updated)}</published>",
            f"    <title>{escape(item.title)}</title>",
            f"    <updated>{_timestamp(item.updated)}</updated>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f"    <summary>{escape(say(item.kind.label) + ' · ' + places + ': ' + item.summary)}</summary>{categories}",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _rights(settings: LibrarySettings, messages: Messages) -> str:
    licence = settings.licence
    return messages.say(_("Lisenssi {name} ({spdx}): {url}"), name=messages.say(licence.name), spdx=licence.spdx, url=licence.url)
