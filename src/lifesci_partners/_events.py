"""Events in an agreement's life: notice of non-renewal and termination.

Events are data recorded on an :class:`~lifesci_partners.Agreement`; its status on a date is
always computed from them, never stored.
"""

from __future__ import annotations

import datetime as dt

import attrs

from lifesci_partners._localized import LocalizedText
from lifesci_partners._options import OptionExercised
from lifesci_partners._validate import date_value, identifier, instance_of, optional

__all__ = ["AgreementEvent", "NonRenewalNotice", "Termination"]


@attrs.frozen
class NonRenewalNotice:
    """Notice, given by a party, that the agreement is not to renew.

    A notice stops the first renewal whose notice deadline it meets: given on or before
    :meth:`Agreement.notice_deadline <lifesci_partners.Agreement.notice_deadline>`, it ends the
    agreement with the running period; given later, the agreement renews once more and ends with
    that next period.

    Args:
        on: The day the notice was given.
        by: The ``id`` of the organization, a party to the agreement, that gave it.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import NonRenewalNotice
        >>> NonRenewalNotice(dt.date(2025, 10, 1), by="mpr")
        NonRenewalNotice(on=datetime.date(2025, 10, 1), by='mpr')

    .. versionadded:: 0.1.0
    """

    on: dt.date = attrs.field(validator=date_value)
    by: str = attrs.field(validator=identifier)


@attrs.frozen
class Termination:
    """The early end of an agreement: from ``on``, it is no longer in force.

    Args:
        on: The first day on which the agreement is no longer in force.
        by: The ``id`` of the party that terminated it; ``None`` when the parties ended it
            together or the source does not say.
        reason: Why, by locale, if known.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import LocalizedText, Termination
        >>> Termination(dt.date(2023, 4, 1), reason=LocalizedText({"en": "merger"})).by is None
        True

    .. versionadded:: 0.1.0
    """

    on: dt.date = attrs.field(validator=date_value)
    by: str | None = attrs.field(default=None, validator=optional(identifier))
    reason: LocalizedText | None = attrs.field(
        default=None, validator=optional(instance_of(LocalizedText))
    )


AgreementEvent = NonRenewalNotice | Termination | OptionExercised
"""Anything that can happen to an agreement: a :class:`NonRenewalNotice`, a :class:`Termination`
or an :class:`~lifesci_partners.OptionExercised`."""
