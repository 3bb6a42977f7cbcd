"""The front-matter rules that contributors meet in more than one place: which
fields exist, how long texts may be and what addresses and numbers look like.

Validation enforces them; the submission form and the JSON schema show the same
limits, so they read them from here.
"""

from __future__ import annotations

import re

REQUIRED_FIELDS = ("title", "summary", "levels", "themes", "updated")
OPTIONAL_FIELDS = (
    "municipalities",
    "regions",
    "status",
    "written",
    "checked",
    "started",
    "organisations",
    "audience",
    "contacts",
    "links",
    "funding",
    "source",
    "related",
    "vuosikello",
    "vuosikello_selite",
    "teams",
    "join",
    "meets",
    "members",
    "language",
    "translations",
)
KNOWN_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
SOURCE_FIELDS = ("title", "publisher", "published", "url")
CONTACT_FIELDS = ("organisation", "role", "name", "email", "phone", "url")
"""The organisation is required; a role only when someone knows it."""

TITLE_LENGTH = (5, 120)
SUMMARY_MAX_LENGTH = 300
SUMMARY_MAX_SENTENCES = 3
MAX_THEMES = 5
EARLIEST_YEAR = 1900

# The host as dot-separated labels, each without dots: one way to match, so no backtracking.
WEB_URL = re.compile(r"^https?://[^\s/?#<>\"'().]+(?:\.[^\s/?#<>\"'().]+)+\.?(?:[/?#][^\s<>\"']*)?$", re.IGNORECASE)
# A service or switchboard number as people write it: digits in groups, an optional
# +358 and parentheses around an area code.
EMAIL_ADDRESS = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$", re.IGNORECASE)
PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 ()-]{4,22}$")
PHONE_DIGITS = (5, 15)
"""How many digits a phone number has (E.164 allows at most 15)."""
