"""Markdown renderings of organizations, announcements and directories, for :class:`Formatter`.

Labels and the small words around values are messages of the catalogs; names, roles, legal forms
and descriptions come from the data's :class:`~lifesci_partners.LocalizedText`, in the best
language it has for the locale. Nothing is translated that the data does not translate.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeVar

from lifesci_partners._claims import PartnerRank, PartnerScope, Verdict
from lifesci_partners._cluster import Cluster
from lifesci_partners._dates import DatePrecision, PartialDate
from lifesci_partners._links import LinkKind
from lifesci_partners._locales import locale_parts
from lifesci_partners._money import Money
from lifesci_partners._organization import OrganizationKind, OrganizationStatus
from lifesci_partners._relationships import RelationshipKind
from lifesci_partners._text._agreement_text import AgreementText
from lifesci_partners._text._renderer import Renderer
from lifesci_partners._text._words import message as _message
from lifesci_partners.exceptions import NotFoundError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

    from lifesci_partners._announcement import Announcement, Quote
    from lifesci_partners._claims import Claim, ClaimCheck
    from lifesci_partners._cluster import Achievement, MemberCount
    from lifesci_partners._directory import Directory
    from lifesci_partners._figures import Figure
    from lifesci_partners._identifiers import Identifier
    from lifesci_partners._links import Link
    from lifesci_partners._localized import LocalizedText
    from lifesci_partners._organization import Address, Founder, Organization
    from lifesci_partners._people import Position
    from lifesci_partners._relationships import Relationship
    from lifesci_partners._text._formatting import Compact

__all__ = ["Markdown"]

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
_SINCE_WORDS = {
    DatePrecision.YEAR: _message("date span, year", "since {date}"),
    DatePrecision.MONTH: _message("date span, month", "since {date}"),
    DatePrecision.DAY: _message("date span, day", "since {date}"),
}
# Kinds of organizations in the plural, for the kinds of a cluster's members.
_ORGANIZATION_KINDS_PLURAL = {
    OrganizationKind.ASSOCIATION: _message("organization kinds", "associations"),
    OrganizationKind.NONPROFIT: _message("organization kinds", "non-profit organizations"),
    OrganizationKind.COMPANY: _message("organization kinds", "companies"),
    OrganizationKind.CLUSTER: _message("organization kinds", "business clusters"),
    OrganizationKind.UNIVERSITY: _message("organization kinds", "universities"),
    OrganizationKind.RESEARCH_INSTITUTE: _message("organization kinds", "research institutes"),
    OrganizationKind.HOSPITAL: _message("organization kinds", "hospitals"),
    OrganizationKind.GOVERNMENT: _message("organization kinds", "government bodies"),
    OrganizationKind.FUNDER: _message("organization kinds", "funders"),
    OrganizationKind.EMBASSY: _message("organization kinds", "embassies"),
    OrganizationKind.FACILITY: _message("organization kinds", "research facilities"),
    OrganizationKind.ARCHIVE: _message("organization kinds", "archives"),
    OrganizationKind.OTHER: _message("organization kinds", "others"),
}
_SCOPE_WORDS = {
    PartnerScope.ALL: _message("claim", "Partners of {org}"),
    PartnerScope.DOMESTIC: _message("claim", "Domestic partners of {org}"),
    PartnerScope.OVERSEAS: _message("claim", "Overseas partners of {org}"),
}
_VERDICT_WORDS = {
    Verdict.HOLDS: _message("verdict", "confirmed by the data"),
    Verdict.FAILS: _message("verdict", "contradicted by the data"),
    Verdict.UNDECIDABLE: _message("verdict", "not decidable from the data"),
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
# What Markdown (CommonMark with GitHub's tables and strikethrough) or HTML would read as markup
# anywhere in a line, and what starts a block at the start of a line (a heading, a quote, a list
# item, a setext underline): escaped with a backslash in the data's text, so that it is shown as
# written. Our own words are Markdown and are not escaped.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>&|~#]")
_MARKDOWN_LINE_START = re.compile(r"^([ \t]*)(?:([>+=-])|([0-9]+)([.)]))", re.MULTILINE)
# Characters that would end a URL in <...> or (...), or break the line: percent-encoded.
_URL_ESCAPES = str.maketrans({c: f"%{ord(c):02X}" for c in '<>()[]` "\\\n\r\t'})


def escape_markdown(text: str) -> str:
    r"""The data's ``text`` as Markdown that shows it as written, never as markup or HTML.

    Example:
        >>> print(escape_markdown("*Evil* [click](javascript:x) <b>hi</b>"))
        \*Evil\* \[click\](javascript:x) \<b\>hi\</b\>
        >>> print(escape_markdown("1. first\n# not a heading"))
        1\. first
        \# not a heading
    """
    text = _MARKDOWN_SPECIAL.sub(r"\\\g<0>", text)
    return _MARKDOWN_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    if match[2] is not None:
        return f"{match[1]}\\{match[2]}"
    return f"{match[1]}{match[3]}\\{match[4]}"


def _url(url: str) -> str:
    """A URL that stays one URL inside ``<...>`` or ``(...)``."""
    return url.translate(_URL_ESCAPES)


def _one_line(text: str) -> str:
    """The text on one line: each run of line breaks becomes a space (other spaces are kept)."""
    return _LINE_BREAKS.sub(" ", text)


def _apply(value: T | None, render: Callable[[T], str]) -> str | None:
    """``render(value)``, or ``None`` when the value is not known."""
    return None if value is None else render(value)


def _link(text: str, url: str) -> str:
    """A Markdown link to ``url``; ``text`` is Markdown already (escaped data, or our words)."""
    return f"[{text}]({_url(url)})"


def _autolink(url: str) -> str:
    return f"<{_url(url)}>"


class _MarkdownAgreementText(AgreementText):
    """An agreement's summary inside a Markdown page: the data's text in it escaped."""

    __slots__ = ()

    def escape(self, text: str) -> str:
        return escape_markdown(text)


class Markdown(Renderer):
    """Markdown pages of organizations, announcements and directories."""

    __slots__ = ()

    def organization_page(self, org: Organization) -> str:
        """An organization as Markdown: heading, description, then one item per known fact."""
        return "\n".join(self.organization(org)).rstrip("\n")

    def announcement_page(self, news: Announcement) -> str:
        """An announcement as Markdown: headline, dateline, body, quotes, captions, figures."""
        return "\n".join(self.announcement(news)).rstrip("\n")

    def directory_page(self, directory: Directory, on: dt.date | None) -> str:
        """A whole directory as Markdown: every organization, then every agreement."""
        return "\n".join(self.directory_lines(directory, on)).rstrip("\n")

    def label(self, label: str, value: str) -> str:
        return self.w.pgettext("label", "{label}: {value}").format(label=label, value=value)

    def item(self, label: str, value: str) -> str:
        """A Markdown list item on one line: ``- Label: value``."""
        return f"- {_one_line(self.label(label, value))}"

    def heading_item(self, label: str) -> str:
        """A list item that heads the items below it: ``- Members:``."""
        heading = self.w.pgettext("label", "{label}:").format(label=label)
        return f"- {_one_line(heading)}"

    def sub_item(self, text: str) -> str:
        """An item of the list under a heading item."""
        return f"  - {_one_line(text)}"

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
        return self.escape(self.f.organization_name(found))

    # Organizations

    def organization(self, org: Organization) -> list[str]:
        lines = [f"## {_one_line(self.escape(self.f.organization_name(org)))}", ""]
        if org.description is not None:
            lines.extend((_one_line(self.text(org.description)), ""))
        lines.extend(
            self.item(self.w.pgettext(*label), value)
            for label, value in self.facts(org)
            if value is not None
        )
        lines.extend(self.cluster(org))
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
            (_message("organization", "Headquarters"), _apply(org.headquarters, self.address)),
            (
                _message("organization", "Other sites"),
                self.joined(map(self.address, org.locations)),
            ),
            (_message("organization", "Website"), _apply(org.website, _autolink)),
            (_message("organization", "Founders"), self.joined(map(self.founder, org.founders))),
            (_message("organization", "Key people"), self.joined(map(self.position, org.people))),
            (_message("organization", "Other names"), self.joined(self.other_names(org))),
            (_message("organization", "Domains"), self.joined(map(self.escape, org.domains))),
            (
                _message("organization", "Identifiers"),
                self.joined(map(self.identifier, org.identifiers)),
            ),
            *self.relationships(org.relationships),
            (_message("organization", "Links"), self.joined(map(self.link, org.links))),
        ]

    def text(self, text: LocalizedText) -> str:
        """The data's text in the best language it has for the locale, as Markdown."""
        return escape_markdown(text.best(self.f.locale))

    def escape(self, text: str) -> str:
        """The data's ``text`` as Markdown that shows it as written."""
        return escape_markdown(text)

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

    def address(self, address: Address) -> str:
        return self.escape(self.f.address(address))

    def founder(self, founder: Founder) -> str:
        return self.organization_ref(founder.organization) or self.text(founder.name)

    def position(self, position: Position) -> str:
        """``Name (role, from 2019)``."""
        span = self.span(position.start, position.end)
        return self.details(self.text(position.person.name), self.text(position.role), span)

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
            result.append(self.details(self.escape(text), self.language(key)))
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
        scheme = _SCHEME_NAMES.get(identifier.scheme) or self.escape(identifier.scheme)
        url = identifier.url
        value = self.escape(identifier.value)
        if url is not None:
            value = _link(value, url)
        return f"{scheme} {value}"

    def relationships(
        self, relationships: tuple[Relationship, ...]
    ) -> list[tuple[tuple[str, str], str | None]]:
        """One label per kind of relationship, in the order of the kinds' first appearance."""
        by_kind: dict[RelationshipKind, list[str]] = {}
        for relationship in relationships:
            other = self.organization_ref(relationship.organization) or self.escape(
                relationship.label or relationship.organization or str(relationship.identifier)
            )
            text = self.details(other, self.span(relationship.start, relationship.end))
            by_kind.setdefault(relationship.kind, []).append(text)
        return [
            (_RELATIONSHIP_WORDS[kind], self.w.list(others)) for kind, others in by_kind.items()
        ]

    def link(self, link: Link) -> str:
        if link.title is not None:
            return _link(self.text(link.title), link.url)
        words = _LINK_WORDS.get(link.kind)
        if words is None:  # a website or another page: its address says the most
            return _autolink(link.url)
        return _link(self.w.pgettext(*words), link.url)

    # Clusters

    def cluster(self, org: Organization) -> list[str]:
        """The lines only a cluster has: members by category, key areas, achievements."""
        if not isinstance(org, Cluster):
            return []
        w = self.w
        lines = []
        if org.member_counts:
            lines.append(self.heading_item(w.pgettext("cluster", "Members")))
            lines.extend(self.sub_item(self.member_count(m)) for m in org.member_counts)
        if org.key_areas:
            areas = w.list(self.text(area) for area in org.key_areas)
            lines.append(self.item(w.pgettext("cluster", "Key areas"), areas))
        if org.achievements:
            lines.append(self.heading_item(w.pgettext("cluster", "Achievements")))
            lines.extend(self.sub_item(self.achievement(a)) for a in org.achievements)
        return lines

    def member_count(self, member_count: MemberCount) -> str:
        """``member organizations: over 430 (companies, universities and hospitals)``."""
        kinds = self.joined(
            self.w.pgettext(*_ORGANIZATION_KINDS_PLURAL[kind]) for kind in member_count.kinds
        )
        value = self.details(self.figure(member_count.count), kinds)
        return self.label(self.text(member_count.category), value)

    def achievement(self, achievement: Achievement) -> str:
        """``investments acquired: nearly €21 billion (since 2005)``."""
        since = None
        if achievement.since is not None:
            words = _SINCE_WORDS[achievement.since.precision]
            since = self.w.pgettext(*words).format(date=self.f.date(achievement.since))
        value = self.details(self.figure(achievement.figure), since)
        return self.label(self.text(achievement.label), value)

    def figure(self, figure: Figure) -> str:
        """A figure with its qualifier; money in long compact form; the date it was true."""
        compact: Compact | None = "long" if isinstance(figure.value, Money) else None
        text = self.f.figure(figure, compact)
        if figure.as_of is None:
            return text
        as_of = self.w.pgettext("figure", "as of {date}").format(date=self.f.date(figure.as_of))
        return self.details(text, as_of)

    # Announcements

    def announcement(self, news: Announcement) -> list[str]:
        w = self.w
        lines = [f"## {_one_line(self.text(news.headline))}", ""]
        if news.subheadline is not None:
            lines.extend((f"### {_one_line(self.text(news.subheadline))}", ""))
        lines.extend((f"*{_one_line(self.dateline(news))}*", ""))
        for paragraph in news.body:  # on one line, so that no text turns into Markdown blocks
            lines.extend((_one_line(self.text(paragraph)).strip(), ""))
        for quote in news.quotes:
            lines.extend((*self.quote(quote), ""))
        photo = w.pgettext("announcement", "Photo")
        for caption in news.captions:
            lines.extend((f"*{_one_line(self.label(photo, self.text(caption.text)))}*", ""))
        lines.extend(self.announced(news))
        lines.extend(self.claims(news))
        links = self.joined(map(self.link, news.links))
        if links is not None:
            lines.append(self.item(w.pgettext("announcement", "Links"), links))
        return lines

    def dateline(self, news: Announcement) -> str:
        """The publisher and the date (``LINK-J, February 5, 2020``), or the publisher alone."""
        publisher = self.organization_ref(news.publisher) or self.escape(news.publisher)
        if news.published_on is None:
            return publisher
        template = self.w.pgettext("announcement", "{publisher}, {date}")
        return template.format(publisher=publisher, date=self.f.date(news.published_on))

    def quote(self, quote: Quote) -> list[str]:
        """A Markdown block quote: the words, then who said them, in which role, for whom."""
        w = self.w
        fields = {"speaker": self.person_name(quote.speaker)}
        if quote.role is not None:
            fields["role"] = self.text(quote.role)
        if quote.organization is not None:
            fields["organization"] = self.party_name(quote.organization)
        if "role" in fields and "organization" in fields:
            template = w.pgettext("quote", "{speaker}, {role} of {organization}")
        elif "role" in fields:
            template = w.pgettext("quote", "{speaker}, {role}")
        elif "organization" in fields:
            template = w.pgettext("quote", "{speaker}, {organization}")
        else:
            template = "{speaker}"
        attribution = w.pgettext("quote", "— {attribution}").format(
            attribution=template.format(**fields)
        )
        text = self.text(quote.text)
        quoted = [f"> {line}".rstrip() for line in text.splitlines()]
        return [*quoted, ">", f"> {_one_line(attribution)}"]

    def person_name(self, person_id: str) -> str:
        """A person's name from the directory, else their id."""
        if self.directory is None:
            return self.escape(person_id)
        try:
            person = self.directory.person(person_id)
        except NotFoundError:
            return self.escape(person_id)
        return self.text(person.name)

    def announced(self, news: Announcement) -> list[str]:
        """The agreements it announces, each summarised (by id when the directory lacks it)."""
        if not news.about or self.directory is None:
            return []
        label = self.w.pgettext("announcement", "Agreements announced")
        return [self.heading_item(label), *(self.sub_item(self.summary(a)) for a in news.about)]

    def summary(self, agreement_id: str) -> str:
        if self.directory is None:
            return self.escape(agreement_id)
        try:
            agreement = self.directory.agreement(agreement_id)
        except NotFoundError:
            return self.escape(agreement_id)
        return _MarkdownAgreementText(self.f, self.w, self.directory).summary(agreement, None)

    def claims(self, news: Announcement) -> list[str]:
        """The figures it states; with a directory, what the data says of each."""
        if not news.claims:
            return []
        checks: list[ClaimCheck | None] = [None] * len(news.claims)
        if self.directory is not None:
            checks = list(self.directory.check_claims(news))
        lines = [self.heading_item(self.w.pgettext("announcement", "Figures stated"))]
        lines.extend(
            self.sub_item(self.claim(claim, check))
            for claim, check in zip(news.claims, checks, strict=True)
        )
        return lines

    def claim(self, claim: Claim, check: ClaimCheck | None) -> str:
        w = self.w
        verdict = None if check is None else w.pgettext(*_VERDICT_WORDS[check.verdict])
        if isinstance(claim, PartnerRank):
            template = w.pgettext("claim", "{partner}: partner no. {rank} of {org}")
            text = template.format(
                partner=self.short_name(claim.partner),
                rank=self.f.number(claim.rank),
                org=self.short_name(claim.org),
            )
            return self.details(text, verdict)
        label = w.pgettext(*_SCOPE_WORDS[claim.scope]).format(org=self.short_name(claim.org))
        on = None
        if claim.on is not None:
            on = w.pgettext("figure", "as of {date}").format(date=self.f.date(claim.on))
        return self.label(label, self.details(self.figure(claim.count), on, verdict))

    def short_name(self, org_id: str) -> str:
        """An organization's acronym or name from the directory, else its id."""
        try:
            return self.party_name(org_id)
        except NotFoundError:
            return self.escape(org_id)

    # Directories

    def directory_lines(self, directory: Directory, on: dt.date | None) -> list[str]:
        w = self.w
        organizations = w.pgettext("directory", "Organizations")
        agreements = w.pgettext("directory", "Agreements")
        lines = [f"# {organizations}", ""]
        for org in directory.organizations:
            lines.extend((*self.organization(org), ""))
        lines.extend((f"# {agreements}", ""))
        text = _MarkdownAgreementText(self.f, self.w, directory)
        lines.extend(f"- {text.summary(agreement, on)}" for agreement in directory.agreements)
        if directory.announcements:
            announcements = w.pgettext("directory", "Announcements")
            lines.extend(("", f"# {announcements}", ""))
            for news in directory.announcements:
                lines.extend((*self.announcement(news), ""))
        return lines
