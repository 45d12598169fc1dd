"""Markdown renderings of organizations and directories, for :class:`Formatter`.

Labels and the small words around values are messages of the catalogs; names, roles, legal forms
and descriptions come from the data's :class:`~lifesci_partners.LocalizedText`, in the best
language it has for the locale. Nothing is translated that the data does not translate.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeVar

from lifesci_partners._dates import DatePrecision, PartialDate
from lifesci_partners._links import LinkKind
from lifesci_partners._locales import locale_parts
from lifesci_partners._organization import OrganizationKind, OrganizationStatus
from lifesci_partners._relationships import RelationshipKind
from lifesci_partners._words import message as _message
from lifesci_partners.exceptions import NotFoundError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

    from lifesci_partners._directory import Directory
    from lifesci_partners._formatting import Formatter
    from lifesci_partners._identifiers import Identifier
    from lifesci_partners._links import Link
    from lifesci_partners._localized import LocalizedText
    from lifesci_partners._organization import Founder, Organization
    from lifesci_partners._people import Position
    from lifesci_partners._relationships import Relationship
    from lifesci_partners._words import Words

__all__ = ["directory", "organization"]

T = TypeVar("T")


_ORGANIZATION_KIND_WORDS = {
    OrganizationKind.ASSOCIATION: _message("organization kind", "association"),
    OrganizationKind.NONPROFIT: _message("organization kind", "non-profit organization"),
    OrganizationKind.COMPANY: _message("organization kind", "company"),
    OrganizationKind.CLUSTER: _message("organization kind", "business cluster"),
    OrganizationKind.UNIVERSITY: _message("organization kind", "university"),
    OrganizationKind.RESEARCH_INSTITUTE: _message("organization kind", "research institute"),
    OrganizationKind.HOSPITAL: _message("organization kind", "hospital"),
    OrganizationKind.GOVERNMENT: _message("organization kind", "government body"),
    OrganizationKind.FUNDER: _message("organization kind", "funder"),
    OrganizationKind.EMBASSY: _message("organization kind", "embassy"),
    OrganizationKind.FACILITY: _message("organization kind", "research facility"),
    OrganizationKind.ARCHIVE: _message("organization kind", "archive"),
    OrganizationKind.OTHER: _message("organization kind", "other"),
}
_STATUS_WORDS = {
    OrganizationStatus.ACTIVE: _message("organization status", "active"),
    OrganizationStatus.INACTIVE: _message("organization status", "inactive"),
    OrganizationStatus.WITHDRAWN: _message("organization status", "record withdrawn"),
}
# Each reads as a label before the other organizations: "Member of: Medicen Paris Region".
_RELATIONSHIP_WORDS = {
    RelationshipKind.PARENT: _message("relationship", "Part of"),
    RelationshipKind.CHILD: _message("relationship", "Includes"),
    RelationshipKind.RELATED: _message("relationship", "Related organizations"),
    RelationshipKind.SUCCESSOR: _message("relationship", "Succeeded by"),
    RelationshipKind.PREDECESSOR: _message("relationship", "Predecessor"),
    RelationshipKind.MEMBER_OF: _message("relationship", "Member of"),
    RelationshipKind.FOUNDED_BY: _message("relationship", "Founding organization"),
}
_LINK_WORDS = {
    LinkKind.WEBSITE: _message("link kind", "website"),
    LinkKind.WIKIPEDIA: _message("link kind", "Wikipedia"),
    LinkKind.SOCIAL_MEDIA: _message("link kind", "social media"),
    LinkKind.NEWS: _message("link kind", "news"),
}
# The ways to say "from" and "until" before a date depend on its precision in French and German
# ("à partir de 2019", "à partir du 3 janvier 2019"), so each precision has its own context.
_FROM_WORDS = {
    DatePrecision.YEAR: _message("date span, year", "from {date}"),
    DatePrecision.MONTH: _message("date span, month", "from {date}"),
    DatePrecision.DAY: _message("date span, day", "from {date}"),
}
_UNTIL_WORDS = {
    DatePrecision.YEAR: _message("date span, year", "until {date}"),
    DatePrecision.MONTH: _message("date span, month", "until {date}"),
    DatePrecision.DAY: _message("date span, day", "until {date}"),
}
# Registries are proper names; a scheme we do not know is shown as it is written.
_SCHEME_NAMES = {
    "ror": "ROR",
    "wikidata": "Wikidata",
    "lei": "LEI",
    "isni": "ISNI",
    "orcid": "ORCID",
    "grid": "GRID",
}
# What str.splitlines() breaks lines at: none may enter a heading or a list item.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_MARKDOWN_LINK_TEXT = str.maketrans({"[": "\\[", "]": "\\]", "\\": "\\\\"})


def _one_line(text: str) -> str:
    """The text on one line: each run of line breaks becomes a space (other spaces are kept)."""
    return _LINE_BREAKS.sub(" ", text)


def _apply(value: T | None, render: Callable[[T], str]) -> str | None:
    """``render(value)``, or ``None`` when the value is not known."""
    return None if value is None else render(value)


def _link(text: str, url: str) -> str:
    """A Markdown link; its text escaped so that brackets in data cannot break it."""
    return f"[{text.translate(_MARKDOWN_LINK_TEXT)}]({url})"


class _Renderer:
    """Renders models for one formatter; a short-lived helper of one call."""

    __slots__ = ("directory", "f", "w")

    def __init__(self, f: Formatter, w: Words, directory: Directory | None) -> None:
        self.f = f
        self.w = w
        self.directory = directory

    def label(self, label: str, value: str) -> str:
        return self.w.pgettext("label", "{label}: {value}").format(label=label, value=value)

    def item(self, label: str, value: str) -> str:
        """A Markdown list item on one line: ``- Label: value``."""
        return f"- {_one_line(self.label(label, value))}"

    def parenthesis(self, text: str, detail: str) -> str:
        return self.w.pgettext("parenthesis", "{text} ({detail})").format(text=text, detail=detail)

    def span(self, start: PartialDate | None, end: PartialDate | None) -> str | None:
        """When something held: ``from 2019``, ``until January 2020``, ``2019 – 2021``."""
        if start is not None and end is not None:
            pattern = str(self.f.locale.interval_formats.get(None, "{0} – {1}"))
            return pattern.format(self.f.date(start), self.f.date(end))
        if start is not None:
            words = _FROM_WORDS[start.precision]
            return self.w.pgettext(*words).format(date=self.f.date(start))
        if end is not None:
            words = _UNTIL_WORDS[end.precision]
            return self.w.pgettext(*words).format(date=self.f.date(end))
        return None

    def details(self, text: str, *details: str | None) -> str:
        """``text (detail, detail)``, or ``text`` alone when there is no detail."""
        known = [d for d in details if d]
        if not known:
            return text
        joined = known[0]
        for detail in known[1:]:
            joined = self.w.pgettext("details", "{first}, {second}").format(
                first=joined, second=detail
            )
        return self.parenthesis(text, joined)

    def organization_ref(self, org_id: str | None) -> str | None:
        """Another organization's display name, when the directory has it."""
        if org_id is None or self.directory is None:
            return None
        try:
            found = self.directory.organization(org_id)
        except NotFoundError:
            return None  # a reference outside the directory: shown as the data gives it
        return self.f.organization_name(found)

    # Organizations

    def organization(self, org: Organization) -> list[str]:
        lines = [f"## {_one_line(self.f.organization_name(org))}", ""]
        if org.description is not None:
            lines.extend((_one_line(self.text(org.description)), ""))
        lines.extend(
            self.item(self.w.pgettext(*label), value)
            for label, value in self.facts(org)
            if value is not None
        )
        return lines

    def facts(self, org: Organization) -> list[tuple[tuple[str, str], str | None]]:
        """Each label of an organization's list and its value (``None``: not known)."""
        f, w = self.f, self.w
        return [
            (_message("organization", "Type"), self.kinds(org)),
            (_message("organization", "Legal form"), _apply(org.legal_form, self.text)),
            (_message("organization", "Founded"), _apply(org.founded_on, f.date)),
            (_message("organization", "Dissolved"), _apply(org.dissolved_on, f.date)),
            (
                _message("organization", "Status"),
                _apply(org.status, lambda s: w.pgettext(*_STATUS_WORDS[s])),
            ),
            (_message("organization", "Headquarters"), _apply(org.headquarters, f.address)),
            (_message("organization", "Other sites"), self.joined(map(f.address, org.locations))),
            (_message("organization", "Website"), _apply(org.website, lambda u: f"<{u}>")),
            (_message("organization", "Founders"), self.joined(map(self.founder, org.founders))),
            (_message("organization", "Key people"), self.joined(map(self.position, org.people))),
            (_message("organization", "Other names"), self.joined(self.other_names(org))),
            (
                _message("organization", "Identifiers"),
                self.joined(map(self.identifier, org.identifiers)),
            ),
            *self.relationships(org.relationships),
            (_message("organization", "Links"), self.joined(map(self.link, org.links))),
        ]

    def text(self, text: LocalizedText) -> str:
        """The data's text in the best language it has for the locale."""
        return text.get(self.f.locale)

    def joined(self, items: Iterable[str]) -> str | None:
        """The items joined with the language's "and", or ``None`` when there are none."""
        texts = list(items)
        return self.w.list(texts) if texts else None

    def kinds(self, org: Organization) -> str | None:
        if org.kind is None:
            return None
        return self.w.list(
            self.w.pgettext(*_ORGANIZATION_KIND_WORDS[k]) for k in (org.kind, *org.other_kinds)
        )

    def founder(self, founder: Founder) -> str:
        return self.organization_ref(founder.organization) or founder.name.get(self.f.locale)

    def position(self, position: Position) -> str:
        """``Name (role, from 2019)``."""
        locale = self.f.locale
        span = self.span(position.start, position.end)
        return self.details(position.person.name.get(locale), position.role.get(locale), span)

    def other_names(self, org: Organization) -> list[str]:
        """Every name but the one in the heading, with its language when it is another one."""
        shown = org.name.best_locale(self.f.locale)
        names: list[tuple[str, str | None]] = [
            (text, key) for key, text in org.name.items() if key != shown
        ]
        names.extend((n.text, n.locale) for n in org.other_names)
        seen = {org.name[shown], org.acronym}
        result = []
        for text, key in names:
            if text in seen:
                continue
            seen.add(text)
            result.append(self.details(text, self.language(key)))
        return result

    def language(self, key: str | None) -> str | None:
        """The name of a text's language, unless it is the formatter's own."""
        if key is None:
            return None
        language = locale_parts(key)[0]
        if language == self.f.locale.language:
            return None
        name = self.f.locale.languages.get(language)
        return None if name is None else str(name)

    def identifier(self, identifier: Identifier) -> str:
        scheme = _SCHEME_NAMES.get(identifier.scheme, identifier.scheme)
        url = identifier.url
        value = identifier.value if url is None else _link(identifier.value, url)
        return f"{scheme} {value}"

    def relationships(
        self, relationships: tuple[Relationship, ...]
    ) -> list[tuple[tuple[str, str], str | None]]:
        """One label per kind of relationship, in the order of the kinds' first appearance."""
        by_kind: dict[RelationshipKind, list[str]] = {}
        for relationship in relationships:
            other = (
                self.organization_ref(relationship.organization)
                or relationship.label
                or relationship.organization
                or str(relationship.identifier)
            )
            text = self.details(other, self.span(relationship.start, relationship.end))
            by_kind.setdefault(relationship.kind, []).append(text)
        return [
            (_RELATIONSHIP_WORDS[kind], self.w.list(others)) for kind, others in by_kind.items()
        ]

    def link(self, link: Link) -> str:
        if link.title is not None:
            return _link(link.title.get(self.f.locale), link.url)
        words = _LINK_WORDS.get(link.kind)
        if words is None:
            return f"<{link.url}>"
        return _link(self.w.pgettext(*words), link.url)

    # Directories

    def directory_lines(self, directory: Directory, on: dt.date | None) -> list[str]:
        w = self.w
        organizations = w.pgettext("directory", "Organizations")
        agreements = w.pgettext("directory", "Agreements")
        lines = [f"# {organizations}", ""]
        for org in directory.organizations:
            lines.extend((*self.organization(org), ""))
        lines.extend((f"# {agreements}", ""))
        lines.extend(
            f"- {self.f.agreement(agreement, directory, on)}" for agreement in directory.agreements
        )
        return lines


def organization(
    f: Formatter, w: Words, org: Organization, directory: Directory | None = None
) -> str:
    """An organization as Markdown: heading, description, then one item per known fact."""
    return "\n".join(_Renderer(f, w, directory).organization(org)).rstrip("\n")


def directory(f: Formatter, w: Words, directory: Directory, on: dt.date | None) -> str:
    """A whole directory as Markdown: every organization, then every agreement."""
    return "\n".join(_Renderer(f, w, directory).directory_lines(directory, on)).rstrip("\n")
