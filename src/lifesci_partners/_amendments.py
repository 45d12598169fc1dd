"""Amendments: dated, typed changes to an agreement, and the versions they make.

An amendment changes one thing from its own effective date on: the term, the stated end, who the
parties are, a party's role, the title or the purpose. :class:`~lifesci_partners.Agreement` keeps
them as data (``amendments``); :meth:`~lifesci_partners.Agreement.as_of` gives the agreement as it
stood on a date and :meth:`~lifesci_partners.Agreement.history` every version, both computed here.

The order of entry never matters: amendments apply by effective date, and on one date in a fixed
order of kinds (parties added, roles and contributions changed, parties withdrawn, then the
stated end, the term, the title and the purpose). Two amendments of the same thing on the same
date are refused, since no order between them would be right. A term changed while the agreement
states its last day is refused too: the stated end overrides the term, so the change would be
lost.
"""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from lifesci_partners._events import Termination
from lifesci_partners._free_text import one_line
from lifesci_partners._localized import LocalizedText
from lifesci_partners._money import Money
from lifesci_partners._terms import Term
from lifesci_partners._validate import (
    date_value,
    identifier,
    instance_of,
    optional,
)
from lifesci_partners.exceptions import ValidationError

if TYPE_CHECKING:
    from lifesci_partners._agreement import Agreement, Party

__all__ = [
    "AgreementVersion",
    "Amendment",
    "ContributionChanged",
    "PartyAdded",
    "PartyWithdrawn",
    "PurposeChanged",
    "RoleChanged",
    "StatedEndChanged",
    "TermChanged",
    "TitleChanged",
    "build_versions",
    "former_parties",
]

_ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class TermChanged:
    """The term, counted from the original effective date, changed: extended or shortened.

    Args:
        effective_on: The first day the new term applies.
        term: The new term, from the agreement's effective date (not from ``effective_on``).
        reference: The amending document (a number, a title or a URL), if known.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import Term, TermChanged
        >>> TermChanged(dt.date(2024, 6, 1), Term(years=7), reference="Amendment No. 1").term
        Term(years=7, months=0, days=0)

    .. versionadded:: 0.2.0
    """

    effective_on: dt.date = attrs.field(validator=date_value)
    term: Term = attrs.field(validator=instance_of(Term))
    reference: str | None = attrs.field(default=None, validator=optional(one_line))


@attrs.frozen
class StatedEndChanged:
    """The stated last day changed; ``None`` removes it, so the term counts again.

    Args:
        effective_on: The first day the change applies.
        stated_end_on: The new last day in force, or ``None``.
        reference: The amending document (a number, a title or a URL), if known.

    .. versionadded:: 0.2.0
    """

    effective_on: dt.date = attrs.field(validator=date_value)
    stated_end_on: dt.date | None = attrs.field(validator=optional(date_value))
    reference: str | None = attrs.field(default=None, validator=optional(one_line))


@attrs.frozen
class PartyAdded:
    """An organization joined the agreement as a party from ``effective_on``.

    Args:
        effective_on: The first day it is a party.
        org: The ``id`` of its :class:`~lifesci_partners.Organization`.
        role: Its role in the agreement, if the agreement names one.
        reference: The amending document (a number, a title or a URL), if known.

    .. versionadded:: 0.2.0
    """

    effective_on: dt.date = attrs.field(validator=date_value)
    org: str = attrs.field(validator=identifier)
    role: str | None = attrs.field(default=None, validator=optional(one_line))
    reference: str | None = attrs.field(default=None, validator=optional(one_line))


@attrs.frozen
class PartyWithdrawn:
    """A party left the agreement: from ``effective_on``, it is no longer a party.

    CORDIS calls the day before ``effective_on`` the party's end of participation.

    Args:
        effective_on: The first day it is no longer a party.
        org: The ``id`` of the party's organization.
        reference: The amending document (a number, a title or a URL), if known.

    .. versionadded:: 0.2.0
    """

    effective_on: dt.date = attrs.field(validator=date_value)
    org: str = attrs.field(validator=identifier)
    reference: str | None = attrs.field(default=None, validator=optional(one_line))


@attrs.frozen
class RoleChanged:
    """A party's role changed; ``None`` removes it.

    Args:
        effective_on: The first day of the new role.
        org: The ``id`` of the party's organization.
        role: The new role, or ``None``.
        reference: The amending document (a number, a title or a URL), if known.

    .. versionadded:: 0.2.0
    """

    effective_on: dt.date = attrs.field(validator=date_value)
    org: str = attrs.field(validator=identifier)
    role: str | None = attrs.field(default=None, validator=optional(one_line))
    reference: str | None = attrs.field(default=None, validator=optional(one_line))


@attrs.frozen
class ContributionChanged:
    """A party's contribution to the agreement's funding changed; ``None`` removes the amount.

    It applies to an agreement that states its funding, with a contribution of ``org``; an
    agreement without funding refuses it.

    Args:
        effective_on: The first day of the new amount.
        org: The ``id`` of the contributing party's organization.
        amount: The new amount, or ``None`` when it is no longer known.
        reference: The amending document (a number, a title or a URL), if known.

    .. versionadded:: 0.2.0
    """

    effective_on: dt.date = attrs.field(validator=date_value)
    org: str = attrs.field(validator=identifier)
    amount: Money | None = attrs.field(validator=optional(instance_of(Money)))
    reference: str | None = attrs.field(default=None, validator=optional(one_line))


@attrs.frozen
class TitleChanged:
    """The agreement's title changed; ``None`` removes it.

    Args:
        effective_on: The first day of the new title.
        title: The new title, by locale, or ``None``.
        reference: The amending document (a number, a title or a URL), if known.

    .. versionadded:: 0.2.0
    """

    effective_on: dt.date = attrs.field(validator=date_value)
    title: LocalizedText | None = attrs.field(validator=optional(instance_of(LocalizedText)))
    reference: str | None = attrs.field(default=None, validator=optional(one_line))


@attrs.frozen
class PurposeChanged:
    """The agreement's purpose changed; ``None`` removes it.

    Args:
        effective_on: The first day of the new purpose.
        purpose: The new purpose, by locale, or ``None``.
        reference: The amending document (a number, a title or a URL), if known.

    .. versionadded:: 0.2.0
    """

    effective_on: dt.date = attrs.field(validator=date_value)
    purpose: LocalizedText | None = attrs.field(validator=optional(instance_of(LocalizedText)))
    reference: str | None = attrs.field(default=None, validator=optional(one_line))


Amendment = (
    TermChanged
    | StatedEndChanged
    | PartyAdded
    | PartyWithdrawn
    | RoleChanged
    | ContributionChanged
    | TitleChanged
    | PurposeChanged
)
"""A dated change to an agreement: one of :class:`TermChanged`, :class:`StatedEndChanged`,
:class:`PartyAdded`, :class:`PartyWithdrawn`, :class:`RoleChanged`,
:class:`ContributionChanged`, :class:`TitleChanged` and :class:`PurposeChanged`."""

AMENDMENT_CLASSES: tuple[type, ...] = (
    PartyAdded,
    RoleChanged,
    ContributionChanged,
    PartyWithdrawn,
    StatedEndChanged,
    TermChanged,
    TitleChanged,
    PurposeChanged,
)
"""Every kind of amendment, in the order they apply on one date."""
_RANK = {cls: rank for rank, cls in enumerate(AMENDMENT_CLASSES)}


@attrs.frozen
class AgreementVersion:
    """The agreement as it stood from ``since`` until the next version.

    Args:
        since: The first day of this version: the effective date for the original (``None``
            when the agreement's start is not known), else the effective date of its amendments.
        agreement: The agreement as it stood, with the amendments effective by ``since``
            applied (and none left to apply).
        amendments: The amendments that made this version from the one before; none for the
            original.

    .. versionadded:: 0.2.0
    """

    since: dt.date | None
    agreement: Agreement
    amendments: tuple[Amendment, ...] = ()


def _slot(amendment: Amendment) -> tuple[str, str]:
    """What an amendment changes: two amendments of one slot on one date are refused."""
    if isinstance(amendment, PartyAdded | PartyWithdrawn):
        return ("membership", amendment.org)
    if isinstance(amendment, RoleChanged):
        return ("role", amendment.org)
    if isinstance(amendment, ContributionChanged):
        return ("contribution", amendment.org)
    return (type(amendment).__name__, "")


def _sort_key(item: tuple[int, Amendment]) -> tuple[dt.date, int, str]:
    amendment = item[1]
    return (amendment.effective_on, _RANK[type(amendment)], _slot(amendment)[1])


# Who was ever a party, while a version is built: a notice given by a party that withdrew later
# (or joined later) stays an event of every version, and must not be refused as by a stranger.
_FORMER_PARTIES: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "_FORMER_PARTIES", default=frozenset()
)


def former_parties() -> frozenset[str]:
    """The organizations that are, were or will be parties to the agreement being versioned."""
    return _FORMER_PARTIES.get()


def _party(org: str, role: str | None) -> Party:
    from lifesci_partners._agreement import Party  # noqa: PLC0415  # _agreement imports this

    return Party(org, role=role)


# The field of the agreement that each amendment replaces as a whole, under the same name.
_FIELD_OF: dict[type, str] = {
    TermChanged: "term",
    StatedEndChanged: "stated_end_on",
    TitleChanged: "title",
    PurposeChanged: "purpose",
}


def _apply(fields: dict[str, Any], amendment: Amendment, where: str, errors: list[str]) -> None:
    """Apply ``amendment`` to ``fields`` (the changing fields of an agreement), or say why not."""
    parties: list[Party] = fields["parties"]
    orgs = [p.org for p in parties]
    if isinstance(amendment, PartyAdded):
        if amendment.org in orgs:
            errors.append(f"{where}.org: {amendment.org!r} is already a party on that date")
            return
        fields["parties"] = [*parties, _party(amendment.org, amendment.role)]
    elif isinstance(amendment, PartyWithdrawn | RoleChanged):
        if amendment.org not in orgs:
            errors.append(
                f"{where}.org: {amendment.org!r} is not a party on "
                f"{amendment.effective_on.isoformat()} (parties: {', '.join(orgs)})"
            )
            return
        if isinstance(amendment, RoleChanged):
            fields["parties"] = [
                _party(p.org, amendment.role) if p.org == amendment.org else p for p in parties
            ]
        elif len(orgs) <= 2:  # noqa: PLR2004  # an agreement is between at least two parties
            errors.append(
                f"{where}: withdrawing {amendment.org!r} would leave one party; an agreement "
                "needs two, so end it with a Termination instead"
            )
        else:
            fields["parties"] = [p for p in parties if p.org != amendment.org]
    elif isinstance(amendment, ContributionChanged):
        _change_contribution(fields, amendment, where, errors)
    elif isinstance(amendment, TermChanged) and fields["stated_end_on"] is not None:
        errors.append(
            f"{where}: the agreement states its last day "
            f"({fields['stated_end_on'].isoformat()}), which a term does not change; change "
            "the stated end instead, or remove it on the same date"
        )
    else:  # a field replaced as a whole
        name = _FIELD_OF[type(amendment)]
        fields[name] = getattr(amendment, name)


def _change_contribution(
    fields: dict[str, Any], amendment: ContributionChanged, where: str, errors: list[str]
) -> None:
    """Set the amount of ``amendment.org``'s contribution in the funding, or say why not."""
    funding = fields.get("funding")
    if funding is None:
        errors.append(
            f"{where}: the agreement states no funding ($.funding) whose contribution could "
            "change; give the funding first"
        )
        return
    contributions = funding.contributions
    if all(part.org != amendment.org for part in contributions):
        orgs = ", ".join(part.org for part in contributions) or "none"
        errors.append(
            f"{where}.org: {amendment.org!r} has no contribution to change (contributions: {orgs})"
        )
        return
    fields["funding"] = attrs.evolve(
        funding,
        contributions=tuple(
            attrs.evolve(part, amount=amendment.amount) if part.org == amendment.org else part
            for part in contributions
        ),
    )


def _make(agreement: Agreement, fields: dict[str, Any], *, last: bool) -> Agreement:
    """An agreement with ``fields``, no amendments, and the events that belong to it.

    A termination comes after every amendment; in a version that is not the last one, it is kept
    only if it falls before the version's end (an extension may be what let it come later).
    """
    termination = agreement.termination
    if termination is None or last:
        return attrs.evolve(agreement, amendments=(), **fields)
    notices = tuple(e for e in agreement.events if not isinstance(e, Termination))
    version = attrs.evolve(agreement, amendments=(), events=notices, **fields)
    end = version.final_end
    if end is not None and termination.on >= end:
        return version
    return attrs.evolve(agreement, amendments=(), **fields)


def _ended(version: Agreement, day: dt.date, where: str) -> str | None:
    """Why no amendment can take effect on ``day``, or ``None`` when one can."""
    termination = version.termination
    if termination is not None and day >= termination.on:
        return (
            f"{where}.effective_on: {day.isoformat()} is on or after the termination "
            f"({termination.on.isoformat()}); an amendment after termination is refused"
        )
    end = version.final_end
    if end is not None and day >= end:
        return (
            f"{where}.effective_on: {day.isoformat()} is after the agreement ended (its last day "
            f"was {(end - _ONE_DAY).isoformat()}); an expired agreement cannot be amended"
        )
    return None


def _grouped(
    amendments: list[tuple[int, Amendment]],
) -> Iterator[tuple[dt.date, list[tuple[int, Amendment]]]]:
    """The amendments with their indexes, by effective date, each date's in the order they apply."""
    ordered = sorted(amendments, key=_sort_key)
    group: list[tuple[int, Amendment]] = []
    for item in ordered:
        if group and group[0][1].effective_on != item[1].effective_on:
            yield group[0][1].effective_on, group
            group = []
        group.append(item)
    if group:
        yield group[0][1].effective_on, group


def _check_each(agreement: Agreement, errors: list[str]) -> list[tuple[int, Amendment]]:
    """The amendments that pass the checks made one by one and pairwise, with their indexes.

    What is wrong with the others goes to ``errors``; the rest are then applied in order.
    """
    passed = []
    seen: dict[tuple[dt.date, tuple[str, str]], int] = {}
    for index, amendment in enumerate(agreement.amendments):
        where = f"$.amendments[{index}]"
        day = amendment.effective_on
        key = (day, _slot(amendment))
        start = agreement.effective_on  # when not known, any date may be after it
        if start is not None and day < start:
            errors.append(
                f"{where}.effective_on: {day.isoformat()} is before the agreement's effective "
                f"date ({start.isoformat()})"
            )
        elif key in seen:
            errors.append(
                f"{where}: $.amendments[{seen[key]}] changes the same thing on the same date "
                f"({day.isoformat()}); record one change per thing and date"
            )
        else:
            seen[key] = index
            passed.append((index, amendment))
    return passed


def build_versions(agreement: Agreement) -> tuple[AgreementVersion, ...]:
    """Every version of ``agreement``, the original first, checked against the agreement.

    Raises:
        ValidationError: Every problem found, each with its path under ``$.amendments``.
    """
    errors: list[str] = []
    passed = _check_each(agreement, errors)
    fields: dict[str, Any] = {
        "parties": list(agreement.parties),
        "term": agreement.term,
        "stated_end_on": agreement.stated_end_on,
        "title": agreement.title,
        "purpose": agreement.purpose,
    }
    if hasattr(agreement, "funding"):  # the funding of each version, where agreements have one
        fields["funding"] = agreement.funding
    ever = {p.org for p in agreement.parties}
    ever.update(a.org for a in agreement.amendments if isinstance(a, PartyAdded))
    token = _FORMER_PARTIES.set(frozenset(ever))
    try:
        groups = list(_grouped(passed))
        first = _make(agreement, _frozen(fields), last=not groups)
        versions = [AgreementVersion(agreement.effective_on, first)]
        for number, (day, group) in enumerate(groups, start=1):
            version = _next_version(
                agreement,
                versions[-1],
                fields,
                (day, group),
                errors=errors,
                last=number == len(groups),
            )
            if version is None:
                break
            versions.append(version)
    finally:
        _FORMER_PARTIES.reset(token)
    if errors:
        raise ValidationError(errors)
    return tuple(versions)


def _frozen(fields: dict[str, Any]) -> dict[str, Any]:
    return {**fields, "parties": tuple(fields["parties"])}


def _next_version(
    agreement: Agreement,
    previous: AgreementVersion,
    fields: dict[str, Any],
    dated: tuple[dt.date, list[tuple[int, Amendment]]],
    *,
    errors: list[str],
    last: bool,
) -> AgreementVersion | None:
    """The version the amendments of one date make, or ``None`` (and ``errors``) if they cannot."""
    day, group = dated
    where = f"$.amendments[{group[0][0]}]"
    ended = _ended(previous.agreement, day, where)
    if ended is not None:
        errors.append(ended)
        return None
    before = len(errors)
    for index, amendment in group:
        _apply(fields, amendment, f"$.amendments[{index}]", errors)
    if len(errors) > before:
        return None
    try:
        version = _make(agreement, _frozen(fields), last=last)
    except ValidationError as exc:
        errors.extend(f"{where}: as amended on {day.isoformat()}, {line}" for line in exc.errors)
        return None
    end = version.final_end
    if end is not None and end < day:
        errors.append(
            f"{where}: as amended, the agreement's last day is {(end - _ONE_DAY).isoformat()}, "
            f"before the amendment takes effect ({day.isoformat()}); an amendment cannot end an "
            "agreement in the past"
        )
        return None
    return AgreementVersion(day, version, tuple(a for _, a in group))
