"""Terms and periods: calendar arithmetic for how long an agreement lasts.

A term is years, months and days, never a fixed number of days. Periods are half-open
(``start <= d < end``); :attr:`Period.last_day` gives the inclusive last day for display.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re

import attrs

from lifesci_partners._arguments import a_date
from lifesci_partners._shown import describe
from lifesci_partners._validate import wrong_type
from lifesci_partners.exceptions import (
    InvalidArgumentError,
    ValidationError,
    WrongTypeError,
    WrongTypeValidationError,
)

__all__ = [
    "TERM_PATTERN",
    "Period",
    "Term",
    "TermConvention",
    "add_months_clamped",
    "add_months_month_end",
    "add_months_rolled",
    "end_after",
]

_ONE_DAY = dt.timedelta(days=1)

# Only the date part of an ISO 8601 duration: PnYnMnD, or PnW alone.
# ASCII digits only: "\d" would also read Arabic-Indic or full-width digits.
_DURATION = re.compile(r"P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)D)?")
_IN_WORDS = re.compile(r"\s*([0-9]{1,6})\s*(year|month|week|day)s?\s*", re.IGNORECASE)
"""A term in English words ("3 months"), for a suggestion in the error message."""
_WEEKS = re.compile(r"P([0-9]+)W")
TERM_PATTERN = f"^(?:{_DURATION.pattern}|{_WEEKS.pattern})$"
"""The JSON Schema pattern of a term's text, from the two expressions that read it."""
# Longer text is no term: 'P999999999Y999999999M999999999D' has 31 characters.
_MAX_TEXT = 40


class TermConvention(enum.Enum):
    """How a term is counted from the effective date.

    ``START_DAY_COUNTED`` (the default): the effective date is day 1 of the term, so a 5-year term
    from 2020-02-05 ends with 2025-02-04. Where the corresponding day does not exist in the target
    month (2020-02-29 plus one year), the term ends with the last day of that month.

    ``START_DAY_EXCLUDED``: "for five years from 2020-02-05": the start day is not counted and the
    term ends on the corresponding date, 2025-02-05 (clamped to the month's last day).

    ``END_OF_MONTH``: as ``START_DAY_EXCLUDED``, except that end of month stays end of month: a
    term that starts on the last day of a month ends on the last day of the target month, so one
    month from 2021-02-28 ends with 2021-03-31 and one month from 2021-04-30 with 2021-05-31
    (some contract systems count subscriptions so).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``END_OF_MONTH``.
    """

    START_DAY_COUNTED = "start_day_counted"
    START_DAY_EXCLUDED = "start_day_excluded"
    END_OF_MONTH = "end_of_month"


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    """As ``calendar.monthrange(year, month)[1]``, without computing a weekday (3x faster)."""
    if month == 2 and calendar.isleap(year):  # noqa: PLR2004  # February
        return 29
    return _DAYS_IN_MONTH[month]


def _month_shift(day: dt.date, months: int) -> tuple[int, int]:
    year, month_index = divmod(day.year * 12 + (day.month - 1) + months, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        msg = f"{day.isoformat()} plus {months} months is past the year {dt.MAXYEAR}"
        raise ValidationError([f"$: {msg}"])
    return year, month_index + 1


def add_months_clamped(day: dt.date, months: int) -> dt.date:
    """Return ``day`` plus ``months``, clamped to the last day of the target month.

    Example:
        >>> import datetime as dt
        >>> add_months_clamped(dt.date(2020, 1, 31), 1)
        datetime.date(2020, 2, 29)
    """
    year, month = _month_shift(day, months)
    return dt.date(year, month, min(day.day, _days_in_month(year, month)))


def add_months_rolled(day: dt.date, months: int) -> dt.date:
    """Return ``day`` plus ``months``; a day missing in the target month rolls to the next 1st.

    Example:
        >>> import datetime as dt
        >>> add_months_rolled(dt.date(2020, 1, 31), 1)
        datetime.date(2020, 3, 1)
    """
    year, month = _month_shift(day, months)
    days_in_month = _days_in_month(year, month)
    if day.day <= days_in_month:
        return dt.date(year, month, day.day)
    return dt.date(year, month, days_in_month) + _ONE_DAY


def add_months_month_end(day: dt.date, months: int) -> dt.date:
    """Return ``day`` plus ``months``, clamped; the last day of a month goes to the last day.

    Example:
        >>> import datetime as dt
        >>> add_months_month_end(dt.date(2021, 2, 28), 1)
        datetime.date(2021, 3, 31)
        >>> add_months_month_end(dt.date(2021, 2, 27), 1)
        datetime.date(2021, 3, 27)
    """
    year, month = _month_shift(day, months)
    days_in_month = _days_in_month(year, month)
    if day.day == _days_in_month(day.year, day.month):
        return dt.date(year, month, days_in_month)
    return dt.date(year, month, min(day.day, days_in_month))


def end_after(start: dt.date, months: int, days: int, convention: TermConvention) -> dt.date:
    """The exclusive end of ``months`` and ``days`` from ``start`` under ``convention``.

    The one place where the conventions are computed; :meth:`Term.end_from` and the renewal
    schedule (which needs terms of many renewals added in one step) both use it.

    Raises:
        ValidationError: The year goes past 9999 while adding months.
        OverflowError: The date goes past 9999-12-31 while adding days.
        WrongTypeError: ``convention`` is not a :class:`TermConvention`.
    """
    if convention is TermConvention.START_DAY_COUNTED:
        end = add_months_rolled(start, months)
        return end + dt.timedelta(days=days) if days else end
    if convention is TermConvention.START_DAY_EXCLUDED:
        return add_months_clamped(start, months) + dt.timedelta(days=days) + _ONE_DAY
    if convention is TermConvention.END_OF_MONTH:
        return add_months_month_end(start, months) + dt.timedelta(days=days) + _ONE_DAY
    msg = f"unknown term convention {convention!r}; use a TermConvention member"
    raise WrongTypeError(msg)


def _non_negative_int(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise wrong_type(attribute, "a whole number", value, (int,))
    if value < 0:
        msg = f"$.{attribute.name}: a term cannot be negative, got {value}"
        raise ValidationError([msg])


@attrs.frozen(order=False)
class Term:
    """A length of time in calendar units: years, months and days.

    Non-negative and not all zero. Years count as 12 months: ``Term(years=1)`` and
    ``Term(months=12)`` are the same length but are kept as written.

    Args:
        years: Whole years.
        months: Whole months.
        days: Whole days.

    Raises:
        ValidationError: A part is negative or not an ``int``, or all parts are zero.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import Term
        >>> five_years = Term.parse("P5Y")
        >>> five_years
        Term(years=5, months=0, days=0)
        >>> str(Term(years=1, months=6))
        'P1Y6M'
        >>> five_years.period_from(dt.date(2020, 2, 5)).last_day
        datetime.date(2025, 2, 4)

    .. versionadded:: 0.1.0
    """

    years: int = attrs.field(default=0, validator=_non_negative_int)
    months: int = attrs.field(default=0, validator=_non_negative_int)
    days: int = attrs.field(default=0, validator=_non_negative_int)

    def __attrs_post_init__(self) -> None:
        if not (self.years or self.months or self.days):
            msg = "$: a term cannot be zero; give at least one of years, months or days"
            raise ValidationError([msg])

    @classmethod
    def parse(cls, text: str) -> Term:
        """Parse the date part of an ISO 8601 duration: ``P5Y``, ``P1Y6M``, ``P90D``, ``P2W``.

        Weeks (``P2W``) become days. Times (``PT1H``), fractions, signs and weeks mixed with
        other units are refused, since no agreement term means them.

        Raises:
            ValidationError: ``text`` is not such a duration.

        Example:
            >>> Term.parse("P1Y6M")
            Term(years=1, months=6, days=0)
            >>> Term.parse("PT12H")
            Traceback (most recent call last):
            ...
            lifesci_partners.exceptions.ValidationError: $: a term has no time part: 'PT12H' ...
        """
        if not isinstance(text, str):
            msg = (
                "$: expected an ISO 8601 duration such as 'P5Y' as a string, "
                f"got {describe(text)}{_term_fix(text)}"
            )
            raise WrongTypeValidationError([msg])
        if len(text) > _MAX_TEXT:
            msg = (
                f"$: a term is written in at most {_MAX_TEXT} characters, got {len(text):,}: "
                f"{text[:_MAX_TEXT]!r}..."
            )
            raise ValidationError([msg])
        match = _DURATION.fullmatch(text)
        if match and text != "P":
            return cls(
                years=int(match[1] or 0),
                months=int(match[2] or 0),
                days=int(match[3] or 0),
            )
        weeks = _WEEKS.fullmatch(text)
        if weeks:
            return cls(days=7 * int(weeks[1]))
        words = _IN_WORDS.fullmatch(text)
        if words:
            written = f"P{int(words[1])}{words[2][0].upper()}"
            msg = f"$: a term is written as an ISO 8601 duration: {written!r}, not {text!r}"
            raise ValidationError([msg])
        if text.startswith(("-", "+")):
            hint = "a term cannot be negative"
        elif not text.upper().startswith("P"):
            hint = "not an ISO 8601 duration, which starts with P"
        elif "T" in text.upper():
            hint = "a term has no time part"
        elif "W" in text.upper():
            hint = "weeks cannot be mixed with other units"
        else:
            hint = "not an ISO 8601 duration of years, months and days"
        msg = f"$: {hint}: {text!r} (write e.g. 'P5Y', 'P1Y6M', 'P90D' or 'P2W')"
        raise ValidationError([msg])

    def __str__(self) -> str:
        parts = ["P"]
        if self.years:
            parts.append(f"{self.years}Y")
        if self.months:
            parts.append(f"{self.months}M")
        if self.days:
            parts.append(f"{self.days}D")
        return "".join(parts)

    @property
    def total_months(self) -> int:
        """Years and months together, in months."""
        return self.years * 12 + self.months

    def scaled(self, factor: int) -> Term:
        """Return this term ``factor`` times over (each unit multiplied), for anchored renewals.

        Example:
            >>> Term(years=1, months=6).scaled(3)
            Term(years=3, months=18, days=0)

        Raises:
            WrongTypeError: ``factor`` is not an ``int``.
            InvalidArgumentError: ``factor`` is less than 1.
        """
        if not isinstance(factor, int) or isinstance(factor, bool):
            msg = f"scaled() takes a whole number of times, got {describe(factor)}"
            raise WrongTypeError(msg)
        if factor < 1:
            msg = f"scaled() takes a positive number of times, got {factor}"
            raise InvalidArgumentError(msg)
        return Term(years=self.years * factor, months=self.months * factor, days=self.days * factor)

    def end_from(
        self,
        start: dt.date,
        convention: TermConvention = TermConvention.START_DAY_COUNTED,
    ) -> dt.date:
        """Return the exclusive end of this term started on ``start``: the first day after it.

        See :class:`TermConvention` for the readings.

        Example:
            >>> import datetime as dt
            >>> Term(years=1).end_from(dt.date(2020, 2, 29))
            datetime.date(2021, 3, 1)
            >>> Term(years=1).end_from(dt.date(2020, 2, 29), TermConvention.START_DAY_EXCLUDED)
            datetime.date(2021, 3, 1)
            >>> Term(years=5).end_from(dt.date(2020, 2, 5), TermConvention.START_DAY_EXCLUDED)
            datetime.date(2025, 2, 6)
        """
        if type(start) is not dt.date:
            start = a_date(start, "end_from")
        try:
            return end_after(start, self.total_months, self.days, convention)
        except OverflowError:
            msg = f"$: {start.isoformat()} plus {self} is past the year {dt.MAXYEAR}"
            raise ValidationError([msg]) from None

    def period_from(
        self,
        start: dt.date,
        convention: TermConvention = TermConvention.START_DAY_COUNTED,
    ) -> Period:
        """Return the :class:`Period` this term covers when it starts on ``start``.

        Example:
            >>> import datetime as dt
            >>> Term(months=1).period_from(dt.date(2020, 1, 31)).last_day
            datetime.date(2020, 2, 29)
        """
        if type(start) is not dt.date:
            start = a_date(start, "period_from")
        return Period(start, self.end_from(start, convention))


def _term_fix(value: object) -> str:
    """How to make a ``Term`` of a Python value given to :meth:`Term.parse`, or ``""``."""
    if isinstance(value, Term):
        return "; it is a Term already"
    if isinstance(value, dt.timedelta) and value.days > 0 and not value.seconds:
        return f"; use Term(days={value.days})"
    return ""


def _check_period(period: Period) -> None:
    fields = attrs.fields(Period)
    if not isinstance(period.start, dt.date) or isinstance(period.start, dt.datetime):
        raise wrong_type(fields.start, "a date", period.start, (dt.date,))
    if period.end is None:
        return
    if not isinstance(period.end, dt.date) or isinstance(period.end, dt.datetime):
        raise wrong_type(fields.end, "a date or None", period.end, (dt.date,))
    if period.end <= period.start:
        msg = (
            f"$.end: the end ({period.end.isoformat()}) must be after the start "
            f"({period.start.isoformat()}); the end is exclusive, the day after the last day"
        )
        raise ValidationError([msg])


@attrs.frozen
class Period:
    """A half-open span of days: ``start <= d < end``; ``end=None`` means open-ended.

    Args:
        start: The first day.
        end: The first day after the period, or ``None`` when it has no known end.

    Raises:
        ValidationError: ``end`` is not after ``start``.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import Period
        >>> p = Period(dt.date(2020, 2, 5), dt.date(2025, 2, 5))
        >>> p.last_day
        datetime.date(2025, 2, 4)
        >>> dt.date(2025, 2, 4) in p, dt.date(2025, 2, 5) in p
        (True, False)

    .. versionadded:: 0.1.0
    """

    start: dt.date
    end: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        _check_period(self)

    @property
    def last_day(self) -> dt.date | None:
        """The inclusive last day, ``end`` minus one day; ``None`` when open-ended."""
        return None if self.end is None else self.end - _ONE_DAY

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            return False
        return self.start <= day and (self.end is None or day < self.end)
