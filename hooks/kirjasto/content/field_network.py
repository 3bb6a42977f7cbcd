"""Front-matter rules for how a network is organised: `teams` (name, themes from
the theme vocabulary, a one-sentence description, the coordinator's role), `join`
(who, how, when, and the public channel to use) and `meets` (rhythm and form).
Networks and practices may have them; a material may not."""

from __future__ import annotations

from kirjasto.content.field_checker import Checker
from kirjasto.content.field_records import read_records, unknown_field
from kirjasto.content.field_rules import EMAIL_ADDRESS, WEB_URL
from kirjasto.content.frontmatter_tree import Entry, Mapping, YamlNode
from kirjasto.content.messages import _
from kirjasto.content.model import KINDS_WITH_STATUS, Kind
from kirjasto.content.network import JoinInfo, MemberGroup, Team
from kirjasto.content.vocabularies import Audience, Theme, Vocabularies

NETWORK_FIELDS = ("teams", "join", "meets", "members")
MEMBER_FIELDS = ("group", "description", "rule", "where")
TEAM_FIELDS = ("name", "themes", "description", "coordinator")
JOIN_FIELDS = ("who", "how", "when", "channel")
SENTENCE_MAX_LENGTH = 300


def refuse_on_materials(check: Checker, kind: Kind) -> bool:
    """True when the kind may describe its organisation; else each field present is refused."""
    if kind in KINDS_WITH_STATUS:
        return True
    for name in NETWORK_FIELDS:
        if name in check.tree.entries:
            check.report(
                check.tree.entries[name].key_line,
                name,
                check.say(
                    _("Kenttä '{name}' kuvaa verkoston tai käytännön organisointia; materiaalilla sitä ei ole. Poista kenttä."),
                    name=name,
                ),
            )
    return False


def read_teams(check: Checker, vocabularies: Vocabularies) -> tuple[Team, ...]:
    known = vocabularies.themes
    names = {slug: theme.name for slug, theme in known.items()}

    def themes(node: YamlNode, name: str) -> tuple[Theme, ...] | None:
        found = check.vocabulary_list(
            Entry(node.line, node), name, known=known, unknown=_("Tuntematon teema '{text}'."), names=names
        )
        return tuple(found) or None

    records = read_records(check, "teams", TEAM_FIELDS[:2], TEAM_FIELDS[2:], readers={"themes": themes})
    teams = []
    for record, element in records:
        if _too_long(check, element, record, "teams.description"):
            continue
        teams.append(Team(**record))
    return tuple(teams)


def read_members(check: Checker, vocabularies: Vocabularies) -> tuple[MemberGroup, ...]:
    """Groups that belong to the network; each names a group, describes it, or both."""
    known = vocabularies.audiences

    def group(node: YamlNode, name: str) -> Audience | None:
        text = check.text(node, name)
        return (
            None
            if text is None
            else check.lookup(text, node.line, name, known=known, unknown=_("Tuntematon kohderyhmä '{text}'."))
        )

    members = []
    for record, element in read_records(check, "members", (), MEMBER_FIELDS, readers={"group": group}):
        if not ("group" in record or "description" in record):
            check.report(
                element.line,
                "members",
                check.say(_("Kerro ryhmä: group (kohderyhmä luettelosta) tai description (lähteen omin sanoin).")),
            )
            continue
        members.append(MemberGroup(**record))
    return tuple(members)


def read_join(check: Checker) -> JoinInfo | None:
    entry = check.entry("join", required=False)
    if entry is None:
        return None
    if not isinstance(entry.value, Mapping):
        check.report(
            entry.value.line,
            "join",
            check.say(_("Arvon pitää olla kenttäryhmä, jossa voi olla {fields}."), fields=", ".join(JOIN_FIELDS)),
        )
        return None
    parts: dict[str, str] = {}
    for key, sub in entry.value.entries.items():
        if key not in JOIN_FIELDS:
            check.report(sub.key_line, f"join.{key}", unknown_field(check, key, JOIN_FIELDS))
            continue
        text = check.text(sub.value, f"join.{key}")
        if text is not None:
            parts[key] = text
    channel = parts.get("channel")
    if channel is not None and not (WEB_URL.match(channel) or EMAIL_ADDRESS.match(channel)):
        check.report(
            entry.value.entries["channel"].value.line,
            "join.channel",
            check.say(
                _(
                    "'{channel}' ei ole verkko-osoite eikä sähköpostiosoite. Kirjoita julkinen kanava, jota kautta mukaan pääsee, "
                    "esim. https://www.kunta.fi/verkosto tai palveluosoite verkosto@kunta.fi."
                ),
                channel=channel,
            ),
        )
        return None
    return JoinInfo(**parts) if parts else None


def read_meets(check: Checker) -> str | None:
    entry = check.entry("meets", required=False)
    return check.text(entry.value, "meets") if entry else None


def _too_long(check: Checker, element: Mapping, record: dict[str, object], name: str) -> bool:
    text = record.get("description")
    if isinstance(text, str) and len(text) > SENTENCE_MAX_LENGTH:
        check.report(
            element.entries["description"].value.line,
            name,
            # Always more than the most allowed: no singular form is needed.
            check.say(
                _("Kuvaus on {count} merkkiä; enintään {most}. Kerro yhdellä virkkeellä, mitä tiimi tekee."),
                count=len(text),
                most=SENTENCE_MAX_LENGTH,
            ),
        )
        return True
    return False
