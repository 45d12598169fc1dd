"""Agreements between organizations, such as memorandums of understanding."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from lifesci_partners._localized import LocalizedText
from lifesci_partners._terms import Period, Term, TermConvention
from lifesci_partners._validate import (
    date_value,
    identifier,
    instance_of,
    non_blank,
    optional,
    tuple_of,
)
from lifesci_partners.exceptions import ValidationError

__all__ = ["Agreement", "AgreementKind", "AgreementStatus", "Party"]


class AgreementKind(enum.Enum):
    """What sort of agreement this is.

    .. versionadded:: 0.1.0
    """

    MOU = "mou"
    """Memorandum of understanding, an intent to cooperate, usually not binding."""
    COOPERATION = "cooperation"
    """A cooperation or partnership agreement."""
    MEMBERSHIP = "membership"
    """Membership of an organization in another, such as a cluster."""
    FUNDING = "funding"
    """A grant or funding agreement."""
    RESEARCH = "research"
    """A research collaboration agreement."""
    LICENSE = "license"
    """A licence of intellectual property."""
    NDA = "nda"
    """A confidentiality agreement."""
    OTHER = "other"
    """Any other agreement."""


class AgreementStatus(enum.Enum):
    """Where an agreement stands on a given date; always computed, never stored.

    .. versionadded:: 0.1.0
    """

    DRAFT = "draft"
    """Before the known signing date."""
    SIGNED = "signed"
    """Signed (or signing date unknown) but not yet effective."""
    IN_FORCE = "in_force"
    """Within a period of the agreement."""
    EXPIRED = "expired"
    """After the last day, with no renewal."""
    TERMINATED = "terminated"
    """Ended early by termination."""


@attrs.frozen
class Party:
    """A party to an agreement: an organization id and, optionally, its role.

    Args:
        org: The ``id`` of the party's :class:`~lifesci_partners.Organization`.
        role: Its role in the agreement, free text (``"licensor"``), if the agreement names one.

    Example:
        >>> from lifesci_partners import Party
        >>> Party("link-j")
        Party(org='link-j', role=None)

    .. versionadded:: 0.1.0
    """

    org: str = attrs.field(validator=identifier)
    role: str | None = attrs.field(default=None, validator=optional(non_blank))


def _to_parties(parties: Iterable[Party]) -> tuple[Party, ...]:
    return tuple(parties)


def _check_parties(agreement: Agreement) -> list[str]:
    orgs = [p.org for p in agreement.parties]
    errors = []
    if len(set(orgs)) < 2:  # noqa: PLR2004  # an agreement is between at least two parties
        errors.append(
            f"$.parties: an agreement needs at least two distinct parties, got {orgs!r}",
        )
    seen: set[str] = set()
    for index, org in enumerate(orgs):
        if org in seen:
            errors.append(f"$.parties[{index}].org: {org!r} is already a party")
        seen.add(org)
    return errors


@attrs.frozen
class Agreement:
    """An agreement between two or more organizations, such as an MOU.

    Dates are calendar dates; the period in force is half-open, ``effective_on <= d < end``, where
    ``end`` is computed from the term under ``convention`` (see :class:`~lifesci_partners.Term`).
    ``signed_on=None`` means the signing date is not known, not that the agreement is unsigned.

    Args:
        id: The agreement's id in this data set.
        kind: What sort of agreement it is.
        parties: Two or more parties, each a distinct organization.
        effective_on: The first day the agreement is in force.
        term: How long it lasts from ``effective_on``; ``None`` for no stated term (open-ended).
        signed_on: The signing date, when known.
        title: Its title, by locale.
        purpose: What it is for, by locale.
        convention: How the term is counted from ``effective_on``.

    Raises:
        ValidationError: Fewer than two distinct parties, or a field of the wrong type.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import Agreement, AgreementKind, Party, Term
        >>> mou = Agreement(
        ...     id="mou-link-j-mpr",
        ...     kind=AgreementKind.MOU,
        ...     parties=(Party("link-j"), Party("mpr")),
        ...     effective_on=dt.date(2020, 2, 5),
        ...     term=Term(years=5),
        ... )
        >>> mou.last_day
        datetime.date(2025, 2, 4)
        >>> mou.status_on(dt.date(2026, 11, 26)).value
        'expired'

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    kind: AgreementKind = attrs.field(validator=instance_of(AgreementKind))
    parties: tuple[Party, ...] = attrs.field(converter=_to_parties, validator=tuple_of(Party))
    effective_on: dt.date = attrs.field(validator=date_value)
    term: Term | None = attrs.field(default=None, validator=optional(instance_of(Term)))
    signed_on: dt.date | None = attrs.field(default=None, validator=optional(date_value))
    title: LocalizedText | None = attrs.field(
        default=None, validator=optional(instance_of(LocalizedText))
    )
    purpose: LocalizedText | None = attrs.field(
        default=None, validator=optional(instance_of(LocalizedText))
    )
    convention: TermConvention = attrs.field(
        default=TermConvention.START_DAY_COUNTED, validator=instance_of(TermConvention)
    )

    def __attrs_post_init__(self) -> None:
        errors = _check_parties(self)
        if self.term is not None:
            try:
                self.term.end_from(self.effective_on, self.convention)
            except ValidationError as exc:
                errors.extend(exc.prefixed("$.term").errors)
        if errors:
            raise ValidationError(errors)

    @property
    def period(self) -> Period:
        """The initial period, from ``effective_on`` to the end of the term (open if no term)."""
        if self.term is None:
            return Period(self.effective_on, None)
        return self.term.period_from(self.effective_on, self.convention)

    @property
    def end(self) -> dt.date | None:
        """The exclusive end of the initial period (the day after the last day), if known."""
        return self.period.end

    @property
    def last_day(self) -> dt.date | None:
        """The inclusive last day of the initial period, if known."""
        return self.period.last_day

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the agreement is in force on ``day``."""
        return day in self.period

    def status_on(self, day: dt.date) -> AgreementStatus:
        """The agreement's status on ``day``, computed from its dates.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import Agreement, AgreementKind, Party, Term
            >>> a = Agreement(
            ...     id="a",
            ...     kind=AgreementKind.MOU,
            ...     parties=[Party("x"), Party("y")],
            ...     effective_on=dt.date(2020, 2, 5),
            ...     signed_on=dt.date(2020, 1, 20),
            ...     term=Term(years=5),
            ... )
            >>> [a.status_on(dt.date(y, m, d)).value for y, m, d in
            ...  [(2020, 1, 1), (2020, 1, 20), (2020, 2, 5), (2025, 2, 4), (2025, 2, 5)]]
            ['draft', 'signed', 'in_force', 'in_force', 'expired']
        """
        if self.signed_on is not None and day < self.signed_on and day < self.effective_on:
            return AgreementStatus.DRAFT
        if day < self.effective_on:
            return AgreementStatus.SIGNED
        if day in self.period:
            return AgreementStatus.IN_FORCE
        return AgreementStatus.EXPIRED
