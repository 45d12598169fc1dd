"""schema.org JSON-LD: the structured data that web pages embed for search engines.

:func:`to_jsonld` is a :func:`functools.singledispatch` function: each model registers how it
becomes a schema.org node. To support another model (an announcement as a ``NewsArticle``, say),
register a function for its class that builds the node, using :func:`organization_node` for the
organizations it refers to::

    @to_jsonld.register
    def _news_article(article: Announcement, *, locale=None, directory=None) -> dict[str, Any]:
        return {"@context": SCHEMA_ORG, "@type": "NewsArticle", ...}
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from lifesci_partners._agreement import Agreement
from lifesci_partners._announcement import Announcement
from lifesci_partners._cluster import Cluster
from lifesci_partners._dates import PartialDate
from lifesci_partners._directory import Directory
from lifesci_partners._localized import LocalizedText
from lifesci_partners._money import Money
from lifesci_partners._organization import (
    Address,
    Founder,
    FounderKind,
    Organization,
    OrganizationKind,
)
from lifesci_partners._people import Position
from lifesci_partners._relationships import Relationship, RelationshipKind
from lifesci_partners.exceptions import NotFoundError, WrongTypeError

__all__ = ["SCHEMA_ORG", "organization_node", "to_jsonld"]

SCHEMA_ORG = "https://schema.org"

_TYPES = {
    OrganizationKind.ASSOCIATION: "Organization",
    OrganizationKind.NONPROFIT: "NGO",
    OrganizationKind.COMPANY: "Corporation",
    OrganizationKind.CLUSTER: "Consortium",
    OrganizationKind.UNIVERSITY: "CollegeOrUniversity",
    OrganizationKind.RESEARCH_INSTITUTE: "ResearchOrganization",
    OrganizationKind.HOSPITAL: "Hospital",
    OrganizationKind.GOVERNMENT: "GovernmentOrganization",
    OrganizationKind.FUNDER: "FundingAgency",
    OrganizationKind.EMBASSY: "GovernmentOrganization",
    OrganizationKind.FACILITY: "ResearchOrganization",
    OrganizationKind.ARCHIVE: "ArchiveOrganization",
    OrganizationKind.OTHER: "Organization",
}

_RELATION_PROPERTIES = {
    RelationshipKind.PARENT: "parentOrganization",
    RelationshipKind.CHILD: "subOrganization",
    RelationshipKind.MEMBER_OF: "memberOf",
    RelationshipKind.FOUNDED_BY: "founder",
}


@functools.singledispatch
def to_jsonld(
    obj: object,
    *,
    locale: str | None = None,  # noqa: ARG001  # used by the registered implementations
    directory: Directory | None = None,  # noqa: ARG001  # likewise
) -> dict[str, Any]:
    """Return ``obj`` as a schema.org JSON-LD object, ready for ``json.dumps``.

    An :class:`~lifesci_partners.Organization` becomes an ``Organization`` (or the schema.org
    subtype of its kind: ``Consortium`` for a cluster, ``CollegeOrUniversity``, ``NGO``, ...);
    a :class:`~lifesci_partners.Cluster`'s key areas become ``knowsAbout``. An
    :class:`~lifesci_partners.Announcement` becomes a ``NewsArticle``: its body joined in
    ``articleBody``, ``datePublished`` only when the date is known, the agreements it is about
    in ``about`` and the organizations it mentions in ``mentions`` (named, with their website,
    when ``directory`` is given; else by id). An :class:`~lifesci_partners.Agreement` with
    :class:`~lifesci_partners.Funding` becomes a ``MonetaryGrant``: its ``funder``, its
    maximum contribution as ``amount`` (a ``MonetaryAmount`` whose value is the exact decimal
    as text, since a JSON number may be read as a float), and the project it funds with its
    participants as ``fundedItem``.
    Texts are given in one language, the best match for ``locale``; the other official names,
    acronyms and aliases become ``alternateName``. What schema.org cannot say is left out:
    founders that are unnamed groups, relationships other than parent, child, member of and
    founded by, and the district of an address (joined to the locality).

    Put the result in a page as ``<script type="application/ld+json">``.

    Args:
        obj: The model.
        locale: The language of the page (either tag form); default: each text's default.
        directory: Where to look up organizations that ``obj`` refers to by id, to name them.

    Returns:
        A dict with ``@context`` and ``@type``.

    Raises:
        WrongTypeError: ``obj`` has no schema.org form.

    Example:
        >>> from lifesci_partners import examples, to_jsonld
        >>> node = to_jsonld(examples.link_j_mpr().organization("link-j"), locale="ja")
        >>> node["@type"], node["name"]
        ('Organization', '一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン')
        >>> node["address"]["addressLocality"], node["address"]["addressCountry"]
        ('Nihonbashi-Muromachi, Chuo-ku', 'JP')

    .. versionadded:: 0.1.0
    """
    msg = (
        f"{type(obj).__name__} has no schema.org form; to_jsonld takes an Organization, "
        "an Announcement or a funded Agreement"
    )
    raise WrongTypeError(msg)


@to_jsonld.register
def _organization(
    org: Organization, *, locale: str | None = None, directory: Directory | None = None
) -> dict[str, Any]:
    return {"@context": SCHEMA_ORG, **organization_node(org, locale=locale, directory=directory)}


def _text(text: LocalizedText | None, locale: str | None) -> str | None:
    return None if text is None else text.best(locale)


def _drop_empty(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value not in (None, [], {})}


def _address(address: Address, locale: str | None) -> dict[str, Any]:
    locality = ", ".join(
        text.best(locale) for text in (address.district, address.locality) if text is not None
    )
    return _drop_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": _text(address.street, locale),
            "addressLocality": locality or None,
            "addressRegion": _text(address.region, locale) or address.subdivision,
            "postalCode": address.postal_code,
            "addressCountry": address.country,
        }
    )


def _places(org: Organization) -> list[Address]:
    """The other sites of ``org``, after its head office if more than its address is known."""
    hq = org.headquarters
    located = hq is not None and (hq.coordinates is not None or hq.geonames_id is not None)
    return [hq, *org.locations] if located and hq is not None else list(org.locations)


def _place(address: Address, locale: str | None) -> dict[str, Any]:
    """A PostalAddress, or a Place with it when coordinates or a GeoNames id are known."""
    postal = _address(address, locale)
    if address.coordinates is None and address.geonames_id is None:
        return postal
    geo = address.coordinates
    return _drop_empty(
        {
            "@type": "Place",
            "address": postal,
            "geo": None
            if geo is None
            else {
                "@type": "GeoCoordinates",
                "latitude": str(geo.latitude),
                "longitude": str(geo.longitude),
            },
            "sameAs": None
            if address.geonames_id is None
            else f"https://sws.geonames.org/{address.geonames_id}/",
        }
    )


def _reference(
    org_id: str | None,
    name: str | None,
    same_as: str | None,
    directory: Directory | None,
    locale: str | None,
) -> dict[str, Any] | None:
    """A small node for another organization, or None if nothing names it."""
    url = None
    if org_id is not None and directory is not None:
        try:
            known = directory.organization(org_id)
        except NotFoundError:
            pass
        else:
            name = known.name.best(locale)
            url = known.website
    if name is None and same_as is None:
        return None
    return _drop_empty({"@type": "Organization", "name": name, "url": url, "sameAs": same_as})


def _founder(founder: Founder, locale: str | None, directory: Directory | None) -> Any:
    if founder.kind is FounderKind.PERSON:
        return {"@type": "Person", "name": founder.name.best(locale)}
    if founder.kind is FounderKind.ORGANIZATION:
        node = _reference(founder.organization, None, None, directory, locale)
        return node or {"@type": "Organization", "name": founder.name.best(locale)}
    return None  # a group of unnamed people has no schema.org type


def _role(position: Position, locale: str | None) -> dict[str, Any]:
    person = position.person
    same_as = [i.url for i in person.identifiers if i.url is not None]
    return _drop_empty(
        {
            "@type": "OrganizationRole",
            "roleName": position.role.best(locale),
            "startDate": None if position.start is None else str(position.start),
            "endDate": None if position.end is None else str(position.end),
            "member": _drop_empty(
                {"@type": "Person", "name": person.name.best(locale), "sameAs": same_as}
            ),
        }
    )


def _relation(
    relationship: Relationship, directory: Directory | None, locale: str | None
) -> dict[str, Any] | None:
    same_as = None if relationship.identifier is None else relationship.identifier.url
    return _reference(relationship.organization, relationship.label, same_as, directory, locale)


def organization_node(
    org: Organization, *, locale: str | None = None, directory: Directory | None = None
) -> dict[str, Any]:
    """The schema.org node of ``org`` without ``@context``, to embed in another node."""
    name = next(iter(org.name.values())) if locale is None else org.name.best(locale)
    alternate = []
    for other in org.all_names():
        if other.text != name and other.text not in alternate:
            alternate.append(other.text)
    founders = [_founder(f, locale, directory) for f in org.founders]
    same_as = [i.url for i in org.identifiers if i.url is not None]
    same_as += [link.url for link in org.links]
    node: dict[str, Any] = {
        "@type": _TYPES[org.kind] if org.kind is not None else "Organization",
        "name": name,
        "alternateName": alternate,
        "description": _text(org.description, locale),
        "url": org.website,
        "foundingDate": None if org.founded_on is None else str(org.founded_on),
        "dissolutionDate": None if org.dissolved_on is None else str(org.dissolved_on),
        "address": None if org.headquarters is None else _address(org.headquarters, locale),
        "location": [_place(a, locale) for a in _places(org)],
        "founder": [f for f in founders if f is not None],
        "member": [_role(p, locale) for p in org.people],
        "identifier": [
            {"@type": "PropertyValue", "propertyID": i.scheme, "value": i.value}
            for i in org.identifiers
        ],
        "leiCode": next((i.value for i in org.identifiers if i.scheme == "lei"), None),
        "sameAs": same_as,
    }
    for relationship in org.relationships:
        prop = _RELATION_PROPERTIES.get(relationship.kind)
        target = _relation(relationship, directory, locale)
        if prop is not None and target is not None:
            node.setdefault(prop, [])
            node[prop] = [*(node[prop] or []), target]
    return _drop_empty(node)


@to_jsonld.register
def _cluster(
    cluster: Cluster, *, locale: str | None = None, directory: Directory | None = None
) -> dict[str, Any]:
    node = _organization(cluster, locale=locale, directory=directory)
    areas = [area.best(locale) for area in cluster.key_areas]
    return {**node, "knowsAbout": areas} if areas else node


def _organization_reference(
    org_id: str, directory: Directory | None, locale: str | None
) -> dict[str, Any]:
    """A small node for an organization named by id: its name and website when known."""
    if directory is not None:
        try:
            org = directory.organization(org_id)
        except NotFoundError:
            pass
        else:
            return _drop_empty(
                {
                    "@type": _TYPES[org.kind] if org.kind is not None else "Organization",
                    "name": org.name.best(locale),
                    "url": org.website,
                }
            )
    return {"@type": "Organization", "identifier": org_id}


def _agreement_reference(
    agreement_id: str, directory: Directory | None, locale: str | None, on: dt.date | None
) -> dict[str, Any]:
    """A node for an agreement: schema.org has no type for one, so it is a ``Thing``.

    An amended agreement is named as it stood on ``on`` (the article's date), or as it stands
    after its last amendment when the date is not known.
    """
    if directory is not None:
        try:
            agreement = directory.agreement(agreement_id)
        except NotFoundError:
            pass
        else:
            agreement = agreement.history()[-1].agreement if on is None else agreement.as_of(on)
            return _drop_empty(
                {
                    "@type": "Thing",
                    "identifier": agreement.id,
                    "name": _text(agreement.title, locale),
                    "description": _text(agreement.purpose, locale),
                }
            )
    return {"@type": "Thing", "identifier": agreement_id}


def _day_of(published: PartialDate | None) -> dt.date | None:
    """The last day a date of reduced precision may be, or ``None``."""
    return None if published is None else published.last_day


@to_jsonld.register
def _news_article(
    news: Announcement, *, locale: str | None = None, directory: Directory | None = None
) -> dict[str, Any]:
    language = news.headline.best_locale(locale)
    node: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "NewsArticle",
        "identifier": news.id,
        "headline": news.headline.best(locale),
        "alternativeHeadline": _text(news.subheadline, locale),
        "articleBody": "\n\n".join(paragraph.best(locale) for paragraph in news.body) or None,
        "inLanguage": language.replace("_", "-"),
        "datePublished": None if news.published_on is None else str(news.published_on),
        "publisher": _organization_reference(news.publisher, directory, locale),
        "about": [
            _agreement_reference(a, directory, locale, _day_of(news.published_on))
            for a in news.about
        ],
        "mentions": [_organization_reference(o, directory, locale) for o in news.mentions],
    }
    return _drop_empty(node)


def _amount(money: Money | None) -> dict[str, Any] | None:
    if money is None:
        return None
    return {"@type": "MonetaryAmount", "value": str(money.amount), "currency": money.currency}


@to_jsonld.register
def _grant(
    agreement: Agreement, *, locale: str | None = None, directory: Directory | None = None
) -> dict[str, Any]:
    funding = agreement.funding
    if funding is None:
        msg = (
            f"agreement {agreement.id!r} has no schema.org form: only a grant (an agreement "
            "with funding) is one, a MonetaryGrant"
        )
        raise WrongTypeError(msg)
    last = agreement.last_day
    project = {
        "@type": "ResearchProject",
        "name": funding.project_acronym or _text(agreement.title, locale),
        "member": [
            _organization_reference(p.org, directory, locale)
            for p in agreement.parties
            if p.org != funding.funder
        ],
    }
    node: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "MonetaryGrant",
        "identifier": agreement.id,
        "name": _text(agreement.title, locale),
        "description": _text(agreement.purpose, locale),
        "funder": _organization_reference(funding.funder, directory, locale),
        "amount": _amount(funding.max_contribution),
        "startDate": None if agreement.effective_on is None else str(agreement.effective_on),
        "endDate": None if last is None else str(last),
        "fundedItem": _drop_empty(project),
    }
    return _drop_empty(node)
