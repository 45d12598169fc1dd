"""The schedule of an agreement: its periods, renewals and notice deadlines.

Private: :class:`~lifesci_partners.Agreement` builds a :class:`Schedule` from its fields and answers
every question about dates through it.

Boundaries are anchored: the exclusive end of period ``k`` is ``E(k) = anchor + (base + k * step)``,
computed in one step by :func:`~lifesci_partners._terms.end_after`, never by adding a renewal term
to the previous end (which would let month ends drift: 31 January, 28 February, 28 March, ...).
``E(k) is None`` means "after 9999-12-31", later than any date. ``E`` is strictly increasing, so
every search over ``k`` is a binary search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import attrs

from lifesci_partners._terms import Period, Term, TermConvention, end_after
from lifesci_partners.exceptions import ValidationError

__all__ = ["Schedule", "build", "notice_end", "undated"]

_ONE_DAY = dt.timedelta(days=1)
_LONGEST_MONTH = 31


def _end_or_none(
    start: dt.date, months: int, days: int, convention: TermConvention
) -> dt.date | None:
    try:
        return end_after(start, months, days, convention)
    except (OverflowError, ValidationError):
        return None  # past 9999-12-31: later than any date


def notice_end(
    given_on: dt.date, notice: Term | None, convention: TermConvention
) -> dt.date | None:
    """The exclusive end of a notice period that starts on ``given_on`` (``None``: past 9999).

    Without a notice period, notice takes effect the day it is given.
    """
    if notice is None:
        return None if given_on == dt.date.max else given_on + _ONE_DAY
    return _end_or_none(given_on, notice.total_months, notice.days, convention)


def _nth_end(
    anchor: dt.date,
    base: tuple[int, int],
    step: tuple[int, int],
    k: int,
    convention: TermConvention,
) -> dt.date | None:
    """The end of period ``k`` of a schedule that is not open-ended (``None``: past 9999)."""
    return _end_or_none(anchor, base[0] + k * step[0], base[1] + k * step[1], convention)


def _later(a: dt.date | None, b: dt.date) -> bool:
    """``a > b`` where ``None`` is later than every date."""
    return a is None or a > b


def _first(pred: Callable[[int], bool], last: int | None) -> int | None:
    """The smallest ``k`` in ``0..last`` (``None``: unbounded) with ``pred(k)``; monotone ``pred``.

    With ``last=None``, ``pred`` must become true for some ``k``. Galloping, then bisection:
    ``O(log k)`` calls.
    """
    if last is not None and last < 0:
        return None
    if pred(0):
        return 0
    low, stride = 0, 1  # pred(low) is false
    while True:
        high = low + stride if last is None else min(low + stride, last)
        if high == low:
            return None  # pred is false up to last
        if pred(high):
            break
        low, stride = high, stride * 2
    while high - low > 1:  # pred(low) is false, pred(high) is true
        middle = (low + high) // 2
        if pred(middle):
            high = middle
        else:
            low = middle
    return high


@attrs.frozen
class Schedule:
    """Where every period of an agreement starts and ends.

    Args:
        effective_on: The first day of period 0.
        convention: How terms are counted.
        anchor: The date every boundary is computed from.
        base: ``(months, days)`` from ``anchor`` to the end of period 0.
        step: ``(months, days)`` of one renewal; ``(0, 0)`` when it cannot renew.
        open_ended: Period 0 has no end of its own (no term, no stated end).
        last_index: The index of the last period, ``None`` when renewals are unlimited, ``-1``
            when there is no period at all (terminated on the effective date).
        final_end: The exclusive end of the last period, ``None`` when unknown (never ends).
        notice: The notice period for non-renewal.
        offsets: For extension options, ``(months, days)`` from the end of period 0 to the end of
            each later period, cumulative (renewals of different lengths); empty otherwise.
    """

    effective_on: dt.date
    convention: TermConvention
    anchor: dt.date
    base: tuple[int, int]
    step: tuple[int, int]
    open_ended: bool
    last_index: int | None
    final_end: dt.date | None
    notice: Term | None
    offsets: tuple[tuple[int, int], ...] = ()

    def boundary(self, k: int) -> dt.date | None:
        """``E(k)``: the exclusive end of period ``k`` as the renewals alone would make it."""
        if self.open_ended:
            return None
        if self.offsets:
            months, days = self.offsets[min(k, len(self.offsets)) - 1] if k else (0, 0)
            return _end_or_none(
                self.anchor, self.base[0] + months, self.base[1] + days, self.convention
            )
        return _nth_end(self.anchor, self.base, self.step, k, self.convention)

    def _start(self, k: int) -> dt.date:
        if k == 0:
            return self.effective_on
        start = self.boundary(k - 1)
        if start is None:  # pragma: no cover  # never asked for a period after an open one
            msg = f"period {k} starts after 9999-12-31"
            raise ValueError(msg)
        return start

    def period(self, k: int) -> Period:
        """Period ``k``: its end cut at the final end when it is the last one."""
        end = self.final_end if k == self.last_index else self.boundary(k)
        return Period(self._start(k), end)

    def periods(self) -> Iterator[Period]:
        """Every period in order; lazy, since unlimited renewals never stop."""
        k = 0
        while self.last_index is None or k <= self.last_index:
            period = self.period(k)
            yield period
            if period.end is None:
                return
            k += 1

    def first_ending_after(self, day: dt.date, last: int | None) -> int | None:
        """The first ``k <= last`` whose boundary ``E(k)`` is after ``day``."""
        return _first(lambda k: _later(self.boundary(k), day), last)

    def index_on(self, day: dt.date) -> int | None:
        """The index of the period in force on ``day``, or ``None``."""
        if day < self.effective_on or (self.final_end is not None and day >= self.final_end):
            return None
        return self.first_ending_after(day, self.last_index)

    def deadline(self, k: int) -> dt.date | None:
        """The latest day on which notice stops the renewal after period ``k``, if it can renew.

        The largest ``D`` whose notice period ends no later than ``E(k)``. A notice period of
        ``m`` months and ``d`` days never spans more than ``31 m + d + 1`` days, so the search is
        between that many days before ``E(k)`` and the day before ``E(k)``.
        """
        if self.last_index is not None and k >= self.last_index:
            return None
        end = self.boundary(k)
        if end is None:
            return None

        def in_time(ordinal: int) -> bool:
            stop = notice_end(dt.date.fromordinal(ordinal), self.notice, self.convention)
            return stop is not None and stop <= end

        months, days = (
            (0, 0) if self.notice is None else (self.notice.total_months, self.notice.days)
        )
        high = end.toordinal() - 1
        low = max(dt.date.min.toordinal(), high - (_LONGEST_MONTH * months + days + 1))
        if not in_time(low):
            return None  # only near 0001-01-01
        while high > low:  # in_time(low) holds; find the last ordinal where it does
            middle = (low + high + 1) // 2
            if in_time(middle):
                low = middle
            else:
                high = middle - 1
        return dt.date.fromordinal(low)

    def stopped_by_notice(self, given_on: dt.date, last: int | None) -> int | None:
        """The period after which a notice given on ``given_on`` stops the renewals, if any."""
        stop = notice_end(given_on, self.notice, self.convention)
        if stop is None:
            return None
        return _first(lambda k: not _later(stop, _or_max(self.boundary(k))), last)


def _or_max(day: dt.date | None) -> dt.date:
    return dt.date.max if day is None else day


def build(
    *,
    effective_on: dt.date,
    convention: TermConvention,
    term: Term | None,
    stated_end_on: dt.date | None,
    renewal_term: Term | None,
    max_renewals: int | None,
    notice: Term | None,
    notices: tuple[dt.date, ...] = (),
    stop: dt.date | None = None,
    offsets: tuple[tuple[int, int], ...] = (),
) -> Schedule:
    """Build the schedule of an agreement.

    ``renewal_term`` is ``None`` unless the agreement renews automatically; ``notices`` are the
    days notices of non-renewal were given; ``stop`` is the earlier of the day after the outer
    limit and the termination; ``offsets`` (see :class:`Schedule`) are the extension options
    exercised, for an agreement without a renewal term.
    """
    if stated_end_on == dt.date.max:
        stated_end_on, term = None, None  # in force to the end of the calendar: open-ended
    if stated_end_on is not None:
        if convention is TermConvention.START_DAY_COUNTED:
            anchor = stated_end_on + _ONE_DAY
        else:
            anchor = stated_end_on
        base = (0, 0)
    else:
        anchor = effective_on
        base = (0, 0) if term is None else (term.total_months, term.days)
    open_ended = term is None and stated_end_on is None
    last: int | None = 0
    if offsets and not open_ended:
        step, last = (0, 0), len(offsets)
    elif renewal_term is None or open_ended:
        step = (0, 0)
    else:
        step, last = (renewal_term.total_months, renewal_term.days), max_renewals
    final_end = None
    if notices or stop is not None:
        # The draft's boundaries do not depend on its last index or final end, which are found
        # with them; the schedule is then built once with both (attrs.evolve costs more).
        draft = Schedule(
            effective_on, convention, anchor, base, step, open_ended, last, None, notice, offsets
        )
        last, final_end = _applied(draft, notices, stop)
    if final_end is None and last is not None and not open_ended:
        if offsets:
            months, days = offsets[last - 1] if last else (0, 0)
            final_end = _end_or_none(anchor, base[0] + months, base[1] + days, convention)
        else:
            final_end = _nth_end(anchor, base, step, last, convention)
    return Schedule(
        effective_on, convention, anchor, base, step, open_ended, last, final_end, notice, offsets
    )


def undated(convention: TermConvention, final_end: dt.date | None) -> Schedule:
    """The schedule of an agreement whose start is not known: no period, no deadline.

    It is never in force on any day; ``final_end`` is what ends it all the same, when known (the
    day after a stated last day, a termination), as the agreement's final end.
    """
    return Schedule(
        effective_on=dt.date.max,
        convention=convention,
        anchor=dt.date.max,
        base=(0, 0),
        step=(0, 0),
        open_ended=True,
        last_index=-1,
        final_end=final_end,
        notice=None,
    )


def _applied(
    draft: Schedule, notices: tuple[dt.date, ...], stop: dt.date | None
) -> tuple[int | None, dt.date | None]:
    """The last index and, when a stop cuts it short, the final end, once events apply."""
    last = draft.last_index
    for given_on in notices:
        k = draft.stopped_by_notice(given_on, last)
        if k is not None:
            last = k if last is None else min(last, k)
    if stop is not None:
        k = _first(lambda k: not _later(stop, _or_max(draft.boundary(k))), last)
        if k is not None:
            return (-1, draft.effective_on) if stop <= draft.effective_on else (k, stop)
    return last, None
