"""Business clusters: organizations with member counts, key areas and achievements."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from lifesci_partners._dates import PartialDate
from lifesci_partners._figures import Figure
from lifesci_partners._localized import LocalizedText
from lifesci_partners._organization import Organization, OrganizationKind
from lifesci_partners._shown import kind_of
from lifesci_partners._validate import as_tuple, instance_of, optional, tuple_of
from lifesci_partners.exceptions import ValidationError

__all__ = ["Achievement", "Cluster", "MemberCount"]


def _to_kinds(items: Iterable[OrganizationKind]) -> tuple[OrganizationKind, ...]:
    return as_tuple(items)


def _repeats(field: str, items: Iterable[object], what: str = "") -> list[str]:
    """One problem for each item equal to an earlier one (``what`` names the part compared)."""
    first: dict[object, int] = {}
    problems = []
    for index, item in enumerate(items):
        if item in first:
            problems.append(f"$.{field}[{index}]: the same {what}as $.{field}[{first[item]}]")
        else:
            first[item] = index
    return problems


@attrs.frozen
class MemberCount:
    """How many members of one category a cluster has, as the source states it.

    Args:
        category: The category as the source words it, by locale (``startups and SMEs``).
        count: How many: a :class:`~lifesci_partners.Figure` whose value is a count, so that
            "over 430" and "about 500" keep their qualifier.
        kinds: The kinds of organizations the category includes, when the source lists them
            (companies, research centers, universities, ...).

    Raises:
        ValidationError: ``count`` is not a count (an amount of money or a decimal), or a kind
            is listed twice.

    Example:
        >>> from lifesci_partners import Figure, LocalizedText, MemberCount, Qualifier
        >>> startups = MemberCount(
        ...     LocalizedText({"en": "startups and SMEs"}), Figure(500, Qualifier.APPROXIMATELY)
        ... )
        >>> startups.count.qualifier.value
        'approximately'

    .. versionadded:: 0.1.0
    """

    category: LocalizedText = attrs.field(validator=instance_of(LocalizedText))
    count: Figure = attrs.field(validator=instance_of(Figure))
    kinds: tuple[OrganizationKind, ...] = attrs.field(
        default=(), converter=_to_kinds, validator=tuple_of(OrganizationKind)
    )

    def __attrs_post_init__(self) -> None:
        problems = _repeats("kinds", self.kinds)
        value = self.count.value
        if type(value) is not int:
            if isinstance(value, Decimal) and value == value.to_integral_value():
                got = f"{kind_of(value)}; write it as a whole number, {int(value)}, not as text"
            else:
                got = kind_of(value) if isinstance(value, Decimal) else f"an amount ({value})"
            problems.insert(
                0, f"$.count.value: a member count is a whole number of organizations, got {got}"
            )
        if problems:
            raise ValidationError(problems)


@attrs.frozen
class Achievement:
    """Something a cluster achieved, with its figure and since when it is counted.

    Args:
        label: What was achieved, by locale (``innovative products launched``).
        figure: How much or how many, with its qualifier (``nearly EUR 21 billion``).
        since: The start of the period the figure counts, when the source gives it; may be of
            reduced precision (``PartialDate(2005)`` for "since 2005").

    Raises:
        ValidationError: A field has the wrong type.

    Example:
        >>> from lifesci_partners import Achievement, Figure, LocalizedText, PartialDate
        >>> products = Achievement(
        ...     LocalizedText({"en": "innovative products launched"}), Figure(80), PartialDate(2005)
        ... )
        >>> str(products.since)
        '2005'

    .. versionadded:: 0.1.0
    """

    label: LocalizedText = attrs.field(validator=instance_of(LocalizedText))
    figure: Figure = attrs.field(validator=instance_of(Figure))
    since: PartialDate | None = attrs.field(
        default=None, validator=optional(instance_of(PartialDate))
    )


def _to_member_counts(items: Iterable[MemberCount]) -> tuple[MemberCount, ...]:
    return as_tuple(items)


def _to_texts(items: Iterable[LocalizedText]) -> tuple[LocalizedText, ...]:
    return as_tuple(items)


def _to_achievements(items: Iterable[Achievement]) -> tuple[Achievement, ...]:
    return as_tuple(items)


@attrs.frozen
class Cluster(Organization):
    """A business cluster: an :class:`~lifesci_partners.Organization` with members and results.

    Everything an organization has, and its members counted by category, its key areas and its
    achievements. ``kind`` defaults to :attr:`~lifesci_partners.OrganizationKind.CLUSTER`; a
    cluster may have another main kind (an association, say) if ``other_kinds`` says it is a
    cluster too. Member categories may overlap and need not add up to a total: the seed's
    cluster has "over 430" members and represents about 500 startups and SMEs besides 74 other
    organizations. All the new fields are keyword-only.

    In JSON a cluster is an organization object with ``"type": "cluster"``; an object without
    ``type`` is a plain organization.

    Args:
        member_counts: Its members by category, each counted once.
        key_areas: The areas it works in, by locale, each once.
        achievements: What it achieved, with figures.
        **fields: Every field of :class:`~lifesci_partners.Organization`.

    Raises:
        ValidationError: A field is invalid, the cluster kind is neither ``kind`` nor among
            ``other_kinds``, a category, key area or achievement is repeated, or an
            achievement is counted from after the dissolution (every problem at once).

    Example:
        >>> from lifesci_partners import (
        ...     Achievement, Cluster, Figure, LocalizedText, MemberCount, Money, Qualifier,
        ...     PartialDate,
        ... )
        >>> mpr = Cluster(
        ...     id="mpr",
        ...     name=LocalizedText({"en": "Medicen Paris Region"}),
        ...     acronym="MPR",
        ...     member_counts=[
        ...         MemberCount(LocalizedText({"en": "members"}), Figure(430, Qualifier.OVER)),
        ...     ],
        ...     key_areas=[LocalizedText({"en": "digital health"})],
        ...     achievements=[
        ...         Achievement(
        ...             LocalizedText({"en": "public funding"}),
        ...             Figure(Money("864000000", "EUR")),
        ...             since=PartialDate(2005),
        ...         ),
        ...     ],
        ... )
        >>> mpr.kind.value, mpr.member_counts[0].count
        ('cluster', Figure(430, Qualifier.OVER))

    .. versionadded:: 0.1.0
    """

    kind: OrganizationKind | None = attrs.field(
        default=OrganizationKind.CLUSTER,
        kw_only=True,
        validator=optional(instance_of(OrganizationKind)),
    )
    member_counts: tuple[MemberCount, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_member_counts, validator=tuple_of(MemberCount)
    )
    key_areas: tuple[LocalizedText, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_texts, validator=tuple_of(LocalizedText)
    )
    achievements: tuple[Achievement, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_achievements, validator=tuple_of(Achievement)
    )

    def _problems(self) -> list[str]:
        problems = super()._problems()
        if self.kind is not OrganizationKind.CLUSTER and (
            OrganizationKind.CLUSTER not in self.other_kinds
        ):
            shown = "none" if self.kind is None else repr(self.kind.value)
            problems.append(
                f"$.kind: a Cluster is a cluster, but its kind is {shown} and 'cluster' is not "
                "among other_kinds; add it there, or use Organization"
            )
        problems.extend(
            _repeats("member_counts", (m.category for m in self.member_counts), "category ")
        )
        problems.extend(_repeats("key_areas", self.key_areas))
        problems.extend(_repeats("achievements", self.achievements))
        if self.dissolved_on is not None:
            problems.extend(
                f"$.achievements[{index}].since: {achievement.since} is after the "
                f"dissolution, {self.dissolved_on}"
                for index, achievement in enumerate(self.achievements)
                if achievement.since is not None
                and achievement.since.first_day > self.dissolved_on.last_day
            )
        return problems
