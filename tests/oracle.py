"""An independent oracle for term arithmetic, built on python-dateutil's relativedelta.

It shares no code with ``lifesci_partners._terms``: relativedelta adds months by clamping the day
to the month's end, which is exactly the corresponding-date rule of the excluded convention; the
counted convention then rolls a day that had to be clamped over to the 1st of the next month.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from lifesci_partners import Agreement, TermConvention


def end(start: dt.date, months: int, days: int, convention: TermConvention) -> dt.date:
    """The exclusive end of ``months`` and ``days`` from ``start``."""
    shifted = start + relativedelta(months=months)
    if convention is TermConvention.END_OF_MONTH:
        if (start + relativedelta(days=1)).month != start.month:  # the last day of its month
            shifted += relativedelta(day=31)  # relativedelta clamps day=31 to the month's end
        return shifted + relativedelta(days=days + 1)
    if convention is TermConvention.START_DAY_EXCLUDED:
        return shifted + relativedelta(days=days + 1)
    if shifted.day != start.day:  # the start's day does not exist in that month
        shifted += relativedelta(days=1)
    return shifted + relativedelta(days=days)


def renewal_boundary(agreement: Agreement, k: int) -> dt.date:
    """The exclusive end of period ``k`` (0: initial), anchored in one step, before any cut."""
    assert agreement.renewal is not None
    step = agreement.renewal.term
    if agreement.stated_end_on is not None:
        counted = agreement.convention is TermConvention.START_DAY_COUNTED
        anchor = agreement.stated_end_on + dt.timedelta(days=1 if counted else 0)
        months, days = 0, 0
    else:
        assert agreement.term is not None
        anchor, months, days = (
            start_of(agreement),
            agreement.term.total_months,
            agreement.term.days,
        )
    return end(anchor, months + k * step.total_months, days + k * step.days, agreement.convention)


def start_of(agreement: Agreement) -> dt.date:
    """The effective date of an agreement drawn with a known start (``undated=False``)."""
    assert agreement.effective_on is not None
    return agreement.effective_on
