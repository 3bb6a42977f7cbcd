"""Front-matter rules for who to ask and where to read more: `contacts` and
`links`, each a list of small groups of texts, and the warnings about personal
details in the contacts and the body."""

from __future__ import annotations

import re

from kirjasto.content.body import FIELD as BODY_FIELD
from kirjasto.content.field_checker import Checker
from kirjasto.content.field_records import read_records
from kirjasto.content.field_rules import CONTACT_FIELDS, EMAIL_ADDRESS, PHONE_DIGITS, PHONE_NUMBER, WEB_URL
from kirjasto.content.messages import _
from kirjasto.content.model import Contact, Link
from kirjasto.content.privacy import find_personal_details, warning_message
from kirjasto.content.text import LineMap

# Finnish mobile numbers (04x, 050) belong to a person far more often than to a service.
_MOBILE_NUMBER = re.compile(r"^(?:\+358|00358|0)(?:4\d|50)")


def read_contacts(check: Checker) -> tuple[Contact, ...]:
    contacts = []
    for record, element in read_records(check, "contacts", CONTACT_FIELDS[:1], CONTACT_FIELDS[1:]):
        problems = _contact_channel_problems(check, record)
        for key, message in problems:
            check.report(element.entries[key].value.line, f"contacts.{key}", message)
        if not problems:
            contacts.append(Contact(**record))
    return tuple(contacts)


def _contact_channel_problems(check: Checker, record: dict[str, str]) -> list[tuple[str, str]]:
    problems = []
    email, phone, url = record.get("email"), record.get("phone"), record.get("url")
    if email and not EMAIL_ADDRESS.match(email):
        problems.append(
            (
                "email",
                check.say(
                    _("'{email}' ei ole sähköpostiosoite. Kirjoita se muodossa palvelu@organisaatio.fi tai poista kenttä."),
                    email=email,
                ),
            )
        )
    if phone and not (PHONE_NUMBER.match(phone) and PHONE_DIGITS[0] <= sum(c.isdigit() for c in phone) <= PHONE_DIGITS[1]):
        problems.append(
            (
                "phone",
                check.say(
                    _(
                        "'{phone}' ei ole puhelinnumero. Kirjoita organisaation vaihteen tai palvelun numero, esim. 09 123 4567 tai +358 9 123 4567."
                    ),
                    phone=phone,
                ),
            )
        )
    if url and not WEB_URL.match(url):
        problems.append(
            (
                "url",
                check.say(
                    _("Osoite '{url}' ei kelpaa. Kirjoita organisaation palvelusivun osoite, joka alkaa https://."), url=url
                ),
            )
        )
    return problems


def read_links(check: Checker) -> tuple[Link, ...]:
    links = []
    for record, element in read_records(check, "links", ("title", "url"), ()):
        if not WEB_URL.match(record["url"]):
            line = element.entries["url"].value.line
            check.report(
                line,
                "links.url",
                check.say(
                    _("Osoite '{url}' ei kelpaa. Linkin pitää alkaa http:// tai https://, esim. https://www.oph.fi/."),
                    url=record["url"],
                ),
            )
            continue
        links.append(Link(**record))
    return tuple(links)


def warn_about_personal_details(
    check: Checker, *, body: str, body_line: int, contacts: tuple[Contact, ...], allowed: frozenset[str]
) -> None:
    """A warning for each address or number that looks like a person's own."""
    line_of = LineMap(body, body_line)
    for detail in find_personal_details(body, allowed):
        check.warn(line_of(detail.offset), BODY_FIELD, warning_message(detail, check.messages))
    for position, contact in enumerate(contacts, start=1):
        # A number in `phone` is declared a public channel; only a mobile number
        # is likely to be a person's own.
        phone = contact.phone if contact.phone and _MOBILE_NUMBER.match(contact.phone.replace(" ", "")) else None
        for detail in find_personal_details(
            " ".join(filter(None, (contact.email, contact.role, contact.organisation, phone))), allowed
        ):
            check.warn(check.tree.entries["contacts"].key_line, f"contacts[{position}]", warning_message(detail, check.messages))
