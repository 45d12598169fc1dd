"""Organizations: names, kind, dates, places, people, founders, identifiers, relationships."""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from lifesci_partners._characters import LINE_CONTROLS, forbidden_in
from lifesci_partners._coordinates import Coordinates
from lifesci_partners._dates import PartialDate
from lifesci_partners._free_text import one_line
from lifesci_partners._identifiers import Identifier
from lifesci_partners._links import Link
from lifesci_partners._locales import parse_locale
from lifesci_partners._localized import LocalizedText
from lifesci_partners._names import NameKind, OrganizationName, _locale, _normalize_locale
from lifesci_partners._people import Position
from lifesci_partners._provenance import Provenance
from lifesci_partners._relationships import Relationship, RelationshipKind
from lifesci_partners._validate import (
    as_tuple,
    describe,
    fail,
    identifier,
    instance_of,
    optional,
    rule,
    tuple_of,
    web_url,
    whole,
    wrong_type,
)
from lifesci_partners.exceptions import ValidationError, WrongTypeValidationError

__all__ = [
    "Address",
    "Founder",
    "FounderKind",
    "Organization",
    "OrganizationKind",
    "OrganizationStatus",
]

_ALPHA_2 = 2

# CLDR codes that are regions or placeholders rather than ISO 3166-1 countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ"})


@functools.cache
def _country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes that CLDR names (loaded on first use, not at import)."""
    names = [str(code) for code in parse_locale("en").territories]
    return frozenset(c for c in names if len(c) == _ALPHA_2 and c.isalpha()) - _NOT_COUNTRIES


@rule({"type": "string", "pattern": "^[A-Z]{2}$"})  # CLDR decides which codes exist
def _country(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise wrong_type(attribute, "an ISO 3166-1 alpha-2 code", value)
    codes = _country_codes()
    if value not in codes:
        hint = f"; did you mean {value.upper()!r}?" if value.upper() in codes else ""
        shown = repr(value) if len(value) <= _ALPHA_2 + 8 else repr(value[: _ALPHA_2 + 8]) + "..."
        raise fail(
            attribute, f"{shown} is not an ISO 3166-1 alpha-2 country code such as 'JP'{hint}"
        )


_optional_text = optional(instance_of(LocalizedText))

_SUBDIVISION = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
_MAX_GEONAMES_ID = 10**12
# A host name: labels of letters, digits and inner hyphens, then a top-level domain of letters.
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
_MAX_DOMAIN = 253


@rule({"type": "string", "pattern": whole(_SUBDIVISION)})
def _subdivision(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    expected = "an ISO 3166-2 subdivision code such as 'US-CA' or 'JP-13'"
    if not isinstance(value, str):
        raise wrong_type(attribute, expected, value)
    if _SUBDIVISION.fullmatch(value) is None:
        raise fail(attribute, f"expected {expected}, got {describe(value)}")


@rule({"type": "string", "pattern": f"^[^{LINE_CONTROLS}]*$"})
def _postal_code(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A postal code as written: any text on one line, without control characters."""
    if not isinstance(value, str):
        raise wrong_type(attribute, "a postal code (a string)", value)
    problem = None if value.isprintable() else forbidden_in(value, one_line=True)
    if problem is not None:
        raise fail(attribute, f"the postal code {problem}")


@rule({"minimum": 1, "maximum": _MAX_GEONAMES_ID - 1})
def _geonames_id(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    expected = "a GeoNames id (a positive whole number)"
    if not isinstance(value, int) or isinstance(value, bool):
        raise wrong_type(attribute, expected, value, (int,))
    if not 0 < value < _MAX_GEONAMES_ID:
        raise fail(attribute, f"expected {expected}, got {describe(value)}")


def _domain_problem(value: object) -> str | None:
    if type(value) is not str or len(value) > _MAX_DOMAIN or _DOMAIN.fullmatch(value) is None:
        return (
            f"expected a domain name in lower case such as 'u-tokyo.ac.jp', got {describe(value)}"
        )
    return None


@rule({"items": {"type": "string", "maxLength": _MAX_DOMAIN, "pattern": whole(_DOMAIN)}})
def _domains(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise wrong_type(attribute, "a tuple", value, (tuple,))
    if not value:  # most organizations: no domains, nothing to check
        return
    errors = [
        f"$.{attribute.name}[{index}]: {problem}"
        for index, item in enumerate(value)
        if (problem := _domain_problem(item)) is not None
    ]
    if errors:
        wrong = any(not isinstance(item, str) for item in value)
        raise (WrongTypeValidationError if wrong else ValidationError)(errors)


@attrs.frozen
class Address:
    """A postal address or place, as precise as the source allows.

    Args:
        country: ISO 3166-1 alpha-2 code, upper case (``"JP"``, ``"FR"``), checked against CLDR;
            ``None`` when the source does not say (a registry place may have no country).
        locality: City or town (``Paris``; for Tokyo's wards, the ward: ``Chuo-ku``).
        region: State, prefecture or region (``Tokyo``, ``Île-de-France``).
        district: A part of the locality (``Nihonbashi-Muromachi``).
        street: Street and number.
        postal_code: Postal code as written.
        subdivision: The ISO 3166-2 code of the region (``"US-CA"``, ``"JP-13"``); it starts
            with the country's code.
        geonames_id: The place's id in GeoNames (the locality, as ROR gives it).
        coordinates: Where the place is, in decimal degrees.

    Raises:
        ValidationError: The country code is not a known ISO 3166-1 alpha-2 code, the
            subdivision is of another country, or the address says nothing at all.

    Example:
        >>> from lifesci_partners import Address, LocalizedText
        >>> paris = Address(country="FR", locality=LocalizedText({"en": "Paris"}))
        >>> paris.country_name("fr")
        'France'

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``country`` may be ``None``; ``subdivision``, ``geonames_id`` and ``coordinates``.
    """

    country: str | None = attrs.field(default=None, validator=optional(_country))
    locality: LocalizedText | None = attrs.field(default=None, validator=_optional_text)
    region: LocalizedText | None = attrs.field(default=None, validator=_optional_text)
    district: LocalizedText | None = attrs.field(default=None, validator=_optional_text)
    street: LocalizedText | None = attrs.field(default=None, validator=_optional_text)
    postal_code: str | None = attrs.field(default=None, validator=optional(_postal_code))
    subdivision: str | None = attrs.field(
        default=None, kw_only=True, validator=optional(_subdivision)
    )
    geonames_id: int | None = attrs.field(
        default=None, kw_only=True, validator=optional(_geonames_id)
    )
    coordinates: Coordinates | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(Coordinates))
    )

    def __attrs_post_init__(self) -> None:
        problems = []
        if (
            self.subdivision is not None
            and self.country is not None
            and not self.subdivision.startswith(self.country + "-")
        ):
            problems.append(
                f"$.subdivision: {self.subdivision!r} is not a subdivision of {self.country!r}; "
                f"its code starts with '{self.country}-'"
            )
        if self.country is None and all(  # the usual address has a country: no loop
            getattr(self, field.name) is None for field in attrs.fields(Address)
        ):
            problems.append("$: an address needs at least a country or a place")
        if problems:
            raise ValidationError(problems)

    def country_name(self, locale: str = "en") -> str | None:
        """The country's name in ``locale``, from CLDR (``"Japan"``, ``"Japon"``, ``"日本"``).

        ``None`` when the country is not known.
        """
        if self.country is None:
            return None
        return str(parse_locale(locale).territories.get(self.country, self.country))


class OrganizationKind(enum.Enum):
    """What sort of organization it is.

    .. versionadded:: 0.1.0
    """

    ASSOCIATION = "association"
    """An association of members, such as a general incorporated association."""
    NONPROFIT = "nonprofit"
    """A non-profit organization."""
    COMPANY = "company"
    """A business."""
    CLUSTER = "cluster"
    """A business cluster, a network of companies, research and public bodies."""
    UNIVERSITY = "university"
    """A university or similar institution of higher education (ROR's ``education``)."""
    RESEARCH_INSTITUTE = "research_institute"
    """A research institute or centre."""
    HOSPITAL = "hospital"
    """A hospital or other medical care facility (ROR's ``healthcare``)."""
    GOVERNMENT = "government"
    """A government body or agency, or a local government."""
    FUNDER = "funder"
    """An organization that funds research or businesses."""
    EMBASSY = "embassy"
    """An embassy or other diplomatic mission."""
    FACILITY = "facility"
    """A research facility with specialised equipment (ROR's ``facility``)."""
    ARCHIVE = "archive"
    """An archive (ROR's ``archive``)."""
    OTHER = "other"
    """Anything else."""


class OrganizationStatus(enum.Enum):
    """Whether an organization is still operating, as a registry such as ROR records it.

    .. versionadded:: 0.1.0
    """

    ACTIVE = "active"
    """Operating."""
    INACTIVE = "inactive"
    """No longer operating."""
    WITHDRAWN = "withdrawn"
    """The registry withdrew its record (a duplicate or an error), whatever the organization."""


class FounderKind(enum.Enum):
    """What sort of founder a :class:`Founder` is.

    .. versionadded:: 0.1.0
    """

    ORGANIZATION = "organization"
    """An organization, such as ``Mitsui Fudosan``."""
    PERSON = "person"
    """A person named by the source."""
    GROUP = "group"
    """People the source does not name one by one (``volunteers from academic circles``)."""


@attrs.frozen
class Founder:
    """Who established an organization, as the source states it.

    A founder that is an organization of the same data set can be referred to by its id as well.
    A group of people that the source describes without naming them stays text: it is not
    turned into an organization.

    Args:
        name: The founder as the source names or describes it, by locale.
        kind: Organization, person, or group.
        organization: The founder's id in this data set, when it is an organization there.

    Raises:
        ValidationError: ``organization`` is given for a founder that is not an organization.

    Example:
        >>> from lifesci_partners import Founder, FounderKind, LocalizedText
        >>> Founder(
        ...     LocalizedText({"en": "volunteers from academic circles"}), FounderKind.GROUP
        ... ).kind.value
        'group'

    .. versionadded:: 0.1.0
    """

    name: LocalizedText = attrs.field(validator=instance_of(LocalizedText))
    kind: FounderKind = attrs.field(
        default=FounderKind.ORGANIZATION, validator=instance_of(FounderKind)
    )
    organization: str | None = attrs.field(default=None, validator=optional(identifier))

    def __attrs_post_init__(self) -> None:
        if self.organization is not None and self.kind is not FounderKind.ORGANIZATION:
            msg = (
                f"$.organization: only an organization founder refers to an organization, "
                f"but this founder is a {self.kind.value}"
            )
            raise ValidationError([msg])


# Relationships that cannot both hold between two organizations at the same time.
_OPPOSITES = {
    RelationshipKind.PARENT: RelationshipKind.CHILD,
    RelationshipKind.CHILD: RelationshipKind.PARENT,
    RelationshipKind.SUCCESSOR: RelationshipKind.PREDECESSOR,
    RelationshipKind.PREDECESSOR: RelationshipKind.SUCCESSOR,
}


def _same_other(a: Relationship, b: Relationship) -> bool:
    return (a.organization is not None and a.organization == b.organization) or (
        a.identifier is not None and a.identifier == b.identifier
    )


def _certainly_apart(a: Relationship, b: Relationship) -> bool:
    """Whether one relationship certainly ended before the other began."""
    return (a.end is not None and b.start is not None and a.end.last_day < b.start.first_day) or (
        b.end is not None and a.start is not None and b.end.last_day < a.start.first_day
    )


def _contradictions(relationships: tuple[Relationship, ...]) -> list[str]:
    """Relationships by which another organization is both parent and child, say, at once.

    A warning, not an error: ROR itself has such records (03bqy0f38 is both the parent and the
    child of 028rfb880), and refusing them would drop real data.
    """
    problems = []
    for later, relationship in enumerate(relationships):
        opposite = _OPPOSITES.get(relationship.kind)
        if opposite is None:
            continue
        for earlier in range(later):
            other = relationships[earlier]
            if (
                other.kind is opposite
                and _same_other(other, relationship)
                and not _certainly_apart(other, relationship)
            ):
                problems.append(
                    f"$.relationships[{later}]: the other organization is already this one's "
                    f"{other.kind.value} in $.relationships[{earlier}], and is its "
                    f"{relationship.kind.value} too, at the same time as far as the dates tell"
                )
                break
    return problems


def contradictions_between(organizations: Sequence[Organization]) -> list[str]:
    """Two organizations that each say the other is its parent (or child, successor, predecessor).

    A warning, like :func:`_contradictions` within one organization: the second of the two
    relationships, in document order, is reported with its path in the directory
    (``$.organizations[3].relationships[0]``) and the path of the first. The other organization
    is found by its id in the data set or by one of its registry identifiers; relationships whose
    dates certainly do not overlap contradict nothing.
    """
    by_id = {org.id: index for index, org in enumerate(organizations)}
    by_identifier: dict[Identifier, int] = {}
    for index, org in enumerate(organizations):
        for ident in org.identifiers:
            by_identifier.setdefault(ident, index)
    said: dict[tuple[int, int, RelationshipKind], list[int]] = {}
    problems = []
    for index, org in enumerate(organizations):
        for position, relationship in enumerate(org.relationships):
            if relationship.kind not in _OPPOSITES:
                continue
            other = by_id.get(relationship.organization or "")
            if other is None and relationship.identifier is not None:
                other = by_identifier.get(relationship.identifier)
            if other is None or other == index:
                continue
            said.setdefault((index, other, relationship.kind), []).append(position)
            for earlier in said.get((other, index, relationship.kind), ()):
                first = organizations[other].relationships[earlier]
                if not _certainly_apart(first, relationship):
                    kind = relationship.kind.value
                    problems.append(
                        f"$.organizations[{index}].relationships[{position}]: {org.id} says that "
                        f"{organizations[other].id} is its {kind}, and {organizations[other].id} "
                        f"says that {org.id} is its {kind} in "
                        f"$.organizations[{other}].relationships[{earlier}], at the same time "
                        "as far as the dates tell"
                    )
                    break
    return problems


def _to_names(items: Iterable[OrganizationName]) -> tuple[OrganizationName, ...]:
    return as_tuple(items)


def _to_kinds(items: Iterable[OrganizationKind]) -> tuple[OrganizationKind, ...]:
    return as_tuple(items)


def _to_addresses(items: Iterable[Address]) -> tuple[Address, ...]:
    return as_tuple(items)


def _to_positions(items: Iterable[Position]) -> tuple[Position, ...]:
    return as_tuple(items)


def _to_founders(items: Iterable[Founder]) -> tuple[Founder, ...]:
    return as_tuple(items)


def _to_identifiers(items: Iterable[Identifier]) -> tuple[Identifier, ...]:
    return as_tuple(items)


def _to_relationships(items: Iterable[Relationship]) -> tuple[Relationship, ...]:
    return as_tuple(items)


def _to_links(items: Iterable[Link]) -> tuple[Link, ...]:
    return as_tuple(items)


def _to_domains(items: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(items)


def _repeats(field: str, items: tuple[object, ...]) -> list[str]:
    """One problem for each item equal to an earlier one."""
    if len(items) < 2:  # noqa: PLR2004  # the usual case: one item cannot repeat
        return []
    first: dict[object, int] = {}
    problems = []
    for index, item in enumerate(items):
        if item in first:
            problems.append(f"$.{field}[{index}]: the same as $.{field}[{first[item]}]")
        else:
            first.setdefault(item, index)
    return problems


@attrs.frozen
class Organization:
    """An organization: a company, association, cluster, university, hospital, agency, ...

    Everything but ``id`` and ``name`` is optional, and ``None`` or an empty tuple means that the
    data does not say. Dates may be of reduced precision (``PartialDate(2005)``). The fields after
    ``website`` are keyword-only.

    Args:
        id: The organization's id in this data set (``"link-j"``); parties and references use it.
        name: Official names by locale.
        acronym: The main acronym or short name (``"LINK-J"``), if any.
        headquarters: Where its head office is.
        website: Its main website, an http or https URL.
        other_names: Every other name: acronyms in other languages, aliases, former names,
            labels whose language is not known.
        kind: What sort of organization it is, mainly.
        other_kinds: What else it is (a cluster may also be a non-profit); needs ``kind``.
        legal_form: Its legal form by locale (``general incorporated association``).
        description: What it is or does, by locale, in a sentence or two.
        founded_on: When it was established.
        dissolved_on: When it was dissolved.
        status: Whether it is still operating, as a registry records it.
        locations: Its other sites (the head office is ``headquarters``).
        people: People in their roles: the chair, the chief executive, ...
        founders: Who established it.
        identifiers: Its identifiers in public registries (ROR, Wikidata, LEI, ...).
        relationships: Its relationships to other organizations.
        links: Other web pages about it (its website is ``website``).
        acronym_locale: The language of ``acronym``, when known.
        domains: Its internet domains, in lower case (``"u-tokyo.ac.jp"``).
        provenance: The registry record it was imported from, with the registry's dates.

    Raises:
        ValidationError: A field has the wrong type or an invalid value, or fields contradict
            each other (every such problem is reported at once, each with its path).

    Example:
        >>> from lifesci_partners import (
        ...     LocalizedText, Organization, OrganizationKind, PartialDate
        ... )
        >>> mpr = Organization(
        ...     id="mpr",
        ...     name=LocalizedText({"en": "Medicen Paris Region"}),
        ...     acronym="MPR",
        ...     website="https://medicen.org/en/",
        ...     kind=OrganizationKind.CLUSTER,
        ...     other_kinds=[OrganizationKind.NONPROFIT],
        ...     founded_on=PartialDate(2005, 1, 3),
        ... )
        >>> mpr.display_name()
        'Medicen Paris Region (MPR)'
        >>> str(mpr.founded_on)
        '2005-01-03'

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``acronym_locale``, ``domains`` and ``provenance``.
    """

    id: str = attrs.field(validator=identifier)
    name: LocalizedText = attrs.field(validator=instance_of(LocalizedText))
    acronym: str | None = attrs.field(default=None, validator=optional(one_line))
    headquarters: Address | None = attrs.field(
        default=None, validator=optional(instance_of(Address))
    )
    website: str | None = attrs.field(default=None, validator=optional(web_url))
    other_names: tuple[OrganizationName, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_names, validator=tuple_of(OrganizationName)
    )
    kind: OrganizationKind | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(OrganizationKind))
    )
    other_kinds: tuple[OrganizationKind, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_kinds, validator=tuple_of(OrganizationKind)
    )
    legal_form: LocalizedText | None = attrs.field(
        default=None, kw_only=True, validator=_optional_text
    )
    description: LocalizedText | None = attrs.field(
        default=None, kw_only=True, validator=_optional_text
    )
    founded_on: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(PartialDate))
    )
    dissolved_on: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(PartialDate))
    )
    status: OrganizationStatus | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(OrganizationStatus))
    )
    locations: tuple[Address, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_addresses, validator=tuple_of(Address)
    )
    people: tuple[Position, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_positions, validator=tuple_of(Position)
    )
    founders: tuple[Founder, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_founders, validator=tuple_of(Founder)
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_identifiers, validator=tuple_of(Identifier)
    )
    relationships: tuple[Relationship, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_relationships, validator=tuple_of(Relationship)
    )
    links: tuple[Link, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_links, validator=tuple_of(Link)
    )
    acronym_locale: str | None = attrs.field(
        default=None, kw_only=True, converter=_normalize_locale, validator=optional(_locale)
    )
    domains: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_domains, validator=_domains
    )
    provenance: Provenance | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(Provenance))
    )

    def __attrs_post_init__(self) -> None:
        problems = self._problems()
        if problems:
            raise ValidationError(problems)

    def _problems(self) -> list[str]:
        """Problems across fields, each with its path; a subclass extends this list."""
        problems: list[str] = []
        if self.other_kinds and self.kind is None:
            problems.append("$.other_kinds: give the main kind in kind first")
        for index, other in enumerate(self.other_kinds):
            if other is self.kind:
                problems.append(f"$.other_kinds[{index}]: {other.value!r} is already the kind")
        problems.extend(_repeats("other_kinds", self.other_kinds))
        if (
            self.founded_on is not None
            and self.dissolved_on is not None
            and self.dissolved_on.last_day < self.founded_on.first_day
        ):
            problems.append(
                f"$.dissolved_on: {self.dissolved_on} is before the founding, {self.founded_on}"
            )
        problems.extend(
            f"$.relationships[{index}].organization: an organization has no relationship "
            f"with itself ({self.id!r})"
            for index, relationship in enumerate(self.relationships)
            if relationship.organization == self.id
        )
        if self.founders:
            problems.extend(
                f"$.founders[{index}].organization: an organization cannot found itself "
                f"({self.id!r})"
                for index, founder in enumerate(self.founders)
                if founder.organization == self.id
            )
        problems.extend(_repeats("other_names", self.other_names))
        problems.extend(_repeats("identifiers", self.identifiers))
        problems.extend(_repeats("links", self.links))
        problems.extend(_repeats("domains", self.domains))
        if self.acronym_locale is not None and self.acronym is None:
            problems.append("$.acronym_locale: the language of an acronym, but there is none")
        if self.people:
            problems.extend(self._people_problems())
        return problems

    def _people_problems(self) -> list[str]:
        """A person id used twice must describe the same person."""
        first: dict[str, int] = {}
        problems = []
        for index, position in enumerate(self.people):
            person = position.person
            if person.id not in first:
                first[person.id] = index
            elif self.people[first[person.id]].person != person:
                problems.append(
                    f"$.people[{index}].person: person {person.id!r} is described differently "
                    f"in $.people[{first[person.id]}].person; use one description"
                )
        return problems

    def warnings(self) -> tuple[str, ...]:
        """What the data says that is allowed but probably wrong, each as ``<path>: <what>``.

        Errors make a model impossible; a warning is about data that can be true or can be read,
        but that a person should look at. An organization warns of another one that is both its
        parent and its child, or both its successor and its predecessor, at the same time (the
        dates do not say the two did not overlap). ROR has such records; they import whole.

        Example:
            >>> from lifesci_partners import (
            ...     LocalizedText, Organization, Relationship, RelationshipKind
            ... )
            >>> org = Organization(
            ...     id="a",
            ...     name=LocalizedText.of("A"),
            ...     relationships=[
            ...         Relationship(RelationshipKind.PARENT, organization="b"),
            ...         Relationship(RelationshipKind.CHILD, organization="b"),
            ...     ],
            ... )
            >>> print(*org.warnings())
            $.relationships[1]: the other organization is already this one's parent in
            $.relationships[0], and is its child too, at the same time as far as the dates tell

        .. versionadded:: 0.2.0
        """
        return tuple(_contradictions(self.relationships))

    def display_name(self, locale: str | None = None) -> str:
        """The name in ``locale`` (best match), followed by the acronym in parentheses.

        Without a locale, the first name in ``name``: the main one, such as the registry's
        display name, whatever its language.
        """
        name = next(iter(self.name.values())) if locale is None else self.name.best(locale)
        if self.acronym and self.acronym != name:
            return f"{name} ({self.acronym})"
        return name

    def all_names(self) -> tuple[OrganizationName, ...]:
        """Every name: the official labels, the acronym, then the other names.

        Example:
            >>> from lifesci_partners import LocalizedText, Organization
            >>> org = Organization(
            ...     id="link-j",
            ...     name=LocalizedText({"en": "Life Science Innovation Network Japan"}),
            ...     acronym="LINK-J",
            ... )
            >>> [(n.text, n.kind.value, n.locale) for n in org.all_names()]
            [('Life Science Innovation Network Japan', 'label', 'en'), ('LINK-J', 'acronym', None)]
        """
        labels = [
            OrganizationName(text, NameKind.LABEL, locale) for locale, text in self.name.items()
        ]
        acronym = [] if self.acronym is None else [OrganizationName(self.acronym, NameKind.ACRONYM)]
        return (*labels, *acronym, *self.other_names)

    def identifier(self, scheme: str) -> Identifier | None:
        """The first identifier of ``scheme`` (``"ror"``, ``"wikidata"``, ...), or ``None``."""
        return next((i for i in self.identifiers if i.scheme == scheme), None)
