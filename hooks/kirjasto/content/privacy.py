"""Personal contact details in contributed text.

Policy (documented in docs/turvallisuus.md): contacts are given by role and
organisation. An e-mail address whose local part looks like a person's name
(`etunimi.sukunimi@...`) and any phone number is reported as a warning, because
a published copy of the library, and every fork of it, keeps the address
beyond anyone's reach. Role addresses (`opetus@kunta.fi`) stay quiet. The
maintainers allow a reviewed address or number by adding it to
`practices/sallitut-yhteystiedot.yml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.content.yaml_data import load_yaml

ALLOWED_CONTACTS_FILE = "sallitut-yhteystiedot.yml"

# Bounded parts (an address's local part is at most 64 characters, a domain label 63)
# and a start only where a word starts: a long run of letters cannot make the search
# quadratic.
_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]{1,64}(?:@|\s?[(\[]\s?(?:ät|at|a)\s?[)\]]\s?)[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}", re.IGNORECASE
)
_OBFUSCATED_AT = re.compile(r"[(\[]\s?(?:ät|at|a)\s?[)\]]", re.IGNORECASE)
_PERSONAL_LOCAL_PART = re.compile(r"^[a-zåäöé]+(?:-[a-zåäöé]+)?[._][a-zåäöé]+(?:-[a-zåäöé]+)?$", re.IGNORECASE)
# Finnish numbers: +358 or a leading 0, then at least six more digits in groups.
_PHONE = re.compile(r"(?<![\w.,/-])(?:\+358|00358|0)[ -]?\(?\d{1,3}\)?(?:[ -]?\d){5,8}(?![\w,.]\d)")


@dataclass(frozen=True)
class PersonalDetail:
    value: str
    kind: str
    """'sähköpostiosoite' or 'puhelinnumero'."""
    offset: int


def normalised(value: str) -> str:
    """How an address or number is compared with the allow list."""
    value = re.sub(r"\s?[(\[]\s?(?:ät|at|a)\s?[)\]]\s?", "@", value.strip().lower())
    return re.sub(r"[\s()-]", "", value)


def find_personal_details(text: str, allowed: frozenset[str]) -> list[PersonalDetail]:
    """E-mail addresses that look personal, and phone numbers, not on the allow list."""
    found = []
    # Most texts hold no address at all; skip the costly expression for them.
    emails = _EMAIL.finditer(text) if "@" in text or _OBFUSCATED_AT.search(text) else ()
    for match in emails:
        address = normalised(match.group(0))
        local = address.split("@", 1)[0]
        if _PERSONAL_LOCAL_PART.match(local) and address not in allowed:
            found.append(PersonalDetail(match.group(0), "sähköpostiosoite", match.start()))
    for match in _PHONE.finditer(text):
        if normalised(match.group(0)) not in allowed:
            found.append(PersonalDetail(match.group(0).strip(), "puhelinnumero", match.start()))
    return found


def warning_message(detail: PersonalDetail, messages: Messages | None = None) -> str:
    """The warning about `detail`, in the language of `messages` (Finnish by default)."""
    messages = messages or messages_in()
    looks_personal = (
        messages.say(_("'{value}' näyttää henkilökohtaiselta sähköpostiosoitteelta."), value=detail.value)
        if detail.kind == "sähköpostiosoite"
        else messages.say(_("'{value}' näyttää henkilökohtaiselta puhelinnumerolta."), value=detail.value)
    )
    advice = messages.say(
        _(
            "Käytä tehtävä- tai palveluosoitetta (esim. opetus@kunta.fi) tai kerro pelkkä tehtävänimike ja organisaatio. "
            "Ylläpitäjä voi sallia tämän lisäämällä sen tiedostoon practices/{file}."
        ),
        file=ALLOWED_CONTACTS_FILE,
    )
    return f"{looks_personal} {advice}"


def load_allowed_contacts(content_root: Path, messages: Messages | None = None) -> tuple[frozenset[str], str | None]:
    """The maintainers' allow list, and a problem text if it cannot be read, in the
    language of `messages` (Finnish by default)."""
    messages = messages or messages_in()
    path = content_root / ALLOWED_CONTACTS_FILE
    if not path.is_file() or path.is_symlink():
        return frozenset(), None
    try:
        entries = load_yaml(path.read_text("utf-8")) or []
    except (yaml.YAMLError, UnicodeDecodeError):
        return (
            frozenset(),
            messages.say(
                _("Tiedosto ei ole kelvollista YAMLia. Kirjoita se listana: jokaisella rivillä '- osoite@organisaatio.fi'.")
            ),
        )
    if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
        return frozenset(), messages.say(
            _("Tiedoston pitää olla lista osoitteita ja numeroita, jokainen omalla rivillään viivan perässä.")
        )
    return frozenset(normalised(entry) for entry in entries), None
