"""Renewal clauses: how an agreement continues after its initial term."""

from __future__ import annotations

from typing import Any

import attrs

from lifesci_partners._terms import Term
from lifesci_partners._validate import fail, instance_of, optional, rule, wrong_type

__all__ = ["Renewal"]


@rule({"minimum": 1})
def _max_renewals(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise wrong_type(attribute, "a whole number or None", value, (int,))
    if value < 1:
        raise fail(
            attribute,
            f"at least one renewal must be allowed, got {value}; "
            "for an agreement that does not renew, leave out the renewal",
        )


@attrs.frozen
class Renewal:
    """How an agreement renews after its initial term.

    Renewal periods are anchored on the original effective date: renewal ``k`` ends at the
    effective date plus the initial term plus ``k`` renewal terms, computed in one step, so that
    month ends never drift (see :meth:`~lifesci_partners.Agreement.periods`).

    Args:
        term: The length of each renewal period.
        automatic: ``True`` for an evergreen clause (the agreement renews unless a party gives
            notice of non-renewal in time); ``False`` when a renewal needs the parties' consent,
            so no renewal is presumed.
        max_renewals: The largest number of renewals, or ``None`` for no limit.
        notice: How long before the end of a period notice of non-renewal must be given; ``None``
            when notice may be given up to the last day of the period.

    Raises:
        ValidationError: A field has the wrong type, or ``max_renewals`` is below one.

    Example:
        >>> from lifesci_partners import Renewal, Term
        >>> Renewal(Term(years=1), max_renewals=3, notice=Term(months=3))
        Renewal(term=Term(years=1, months=0, days=0), automatic=True, max_renewals=3,
                notice=Term(years=0, months=3, days=0))

    .. versionadded:: 0.1.0
    """

    term: Term = attrs.field(validator=instance_of(Term))
    automatic: bool = attrs.field(default=True, validator=instance_of(bool))
    max_renewals: int | None = attrs.field(default=None, validator=_max_renewals)
    notice: Term | None = attrs.field(default=None, validator=optional(instance_of(Term)))
