"""``PartialDate``: a calendar date known to the year, the month or the day."""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from typing import Any

import attrs

from lifesci_partners._arguments import a_date
from lifesci_partners._validate import Validator, describe, fail, optional, wrong_type
from lifesci_partners.exceptions import (
    IncomparableError,
    ValidationError,
    WrongTypeValidationError,
)

__all__ = ["PARTIAL_DATE", "DatePrecision", "PartialDate", "span_problems"]

PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
"""A partial date as text: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, ASCII digits."""
_MIN_YEAR = 1
_MAX_YEAR = 9999
_MONTHS = 12


class DatePrecision(enum.Enum):
    """How much of a :class:`PartialDate` is known.

    .. versionadded:: 0.1.0
    """

    YEAR = "year"
    """Only the year, as in ``2005``."""
    MONTH = "month"
    """The year and month, as in ``2005-01``."""
    DAY = "day"
    """The whole date, as in ``2005-01-03``."""


def _whole_number(low: int, high: int, *, first: bool = False) -> Validator:
    """A part of a date from ``low`` to ``high``; the ``first`` part may be a whole date as text."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not int:
            fixes = (PartialDate, int) if first else (int,)
            raise wrong_type(attribute, "a whole number", value, fixes)
        if not low <= value <= high:
            raise fail(attribute, f"{value} is out of range {low} to {high}")

    return check


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date of reduced precision: ``2005``, ``2005-01`` or ``2005-01-03``.

    A partial date stands for every day it covers, and says no more than it knows:

    - It is equal only to the same date at the same precision: ``2005`` is not ``2005-01-01``.
    - ``<``, ``<=``, ``>`` and ``>=`` answer only when the answer is certain. ``2005 < 2006-03``
      is true, but whether ``2005`` is before ``2005-01-03`` cannot be known, so comparing them
      raises :class:`~lifesci_partners.exceptions.IncomparableError` (a ``TypeError``), as Python
      does for naive and aware datetimes. To sort dates of mixed precision, use
      ``key=PartialDate.sort_key``.
    - Its text is the ISO 8601 form of its precision, and is how it is written in JSON.

    Args:
        year: The year, 1 to 9999.
        month: The month, 1 to 12, or ``None`` if only the year is known.
        day: The day of the month, or ``None``; needs a month, and must exist in it.

    Raises:
        ValidationError: A part is out of range, the day does not exist in that month, or a day
            is given without a month.

    Example:
        >>> from lifesci_partners import PartialDate
        >>> founded = PartialDate(2005, 1, 3)
        >>> str(founded), founded.precision.value
        ('2005-01-03', 'day')
        >>> PartialDate.parse("2005") < PartialDate.parse("2006-03")
        True
        >>> founded in PartialDate(2005), founded == PartialDate(2005)
        (True, False)
        >>> PartialDate(2005).last_day
        datetime.date(2005, 12, 31)

    .. versionadded:: 0.1.0
    """

    year: int = attrs.field(validator=_whole_number(_MIN_YEAR, _MAX_YEAR, first=True))
    month: int | None = attrs.field(default=None, validator=optional(_whole_number(1, _MONTHS)))
    day: int | None = attrs.field(default=None, validator=optional(_whole_number(1, 31)))

    def __attrs_post_init__(self) -> None:
        if self.day is None:
            return
        if self.month is None:
            msg = f"$.day: a day ({self.day}) needs a month; give the month or leave the day out"
            raise ValidationError([msg])
        last = calendar.monthrange(self.year, self.month)[1]
        if self.day > last:
            msg = (
                f"$.day: {self.year:04d}-{self.month:02d} has {last} days, "
                f"so day {self.day} does not exist"
            )
            raise ValidationError([msg])

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ISO 8601 text of any precision: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            ValidationError: The text is not one of these forms, or no such date exists.

        Example:
            >>> PartialDate.parse("2005-01")
            PartialDate(year=2005, month=1, day=None)
        """
        if not isinstance(text, str):
            msg = f"$: expected a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', got {describe(text)}"
            raise WrongTypeValidationError([msg + _date_fix(text)])
        match = PARTIAL_DATE.fullmatch(text)
        if match is None:
            msg = f"$: {text!r} is not a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'"
            raise ValidationError([msg])
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None  # noqa: S101  # the pattern requires the year
        try:
            return cls(year, month, day)
        except ValidationError:
            msg = f"$: {text!r} is not a calendar date"
            raise ValidationError([msg]) from None

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        """The partial date of day precision for a ``datetime.date``.

        Example:
            >>> import datetime as dt
            >>> str(PartialDate.from_date(dt.date(2020, 2, 5)))
            '2020-02-05'
        """
        day = a_date(day, "from_date")
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> DatePrecision:
        """How much of the date is known."""
        if self.month is None:
            return DatePrecision.YEAR
        if self.day is None:
            return DatePrecision.MONTH
        return DatePrecision.DAY

    @property
    def first_day(self) -> dt.date:
        """The earliest day this date may be."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day this date may be."""
        month = self.month or _MONTHS
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        """The ISO 8601 text of the date at its precision (``"2005"``, ``"2005-01"``, ...)."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    __str__ = isoformat

    def sort_key(self) -> tuple[int, int, int]:
        """A total order for sorting dates of mixed precision: the order of their ISO text.

        A year sorts before its months, and a month before its days.

        Example:
            >>> dates = [PartialDate(2005, 1, 3), PartialDate(2004), PartialDate(2005)]
            >>> [str(d) for d in sorted(dates, key=PartialDate.sort_key)]
            ['2004', '2005', '2005-01-03']
        """
        return (self.year, self.month or 0, self.day or 0)

    def __contains__(self, other: object) -> bool:
        """Whether a ``datetime.date`` or a finer ``PartialDate`` lies within this one."""
        if isinstance(other, PartialDate):
            return self.first_day <= other.first_day and other.last_day <= self.last_day
        if isinstance(other, dt.date) and not isinstance(other, dt.datetime):
            return self.first_day <= other <= self.last_day
        return False

    def _order(self, other: PartialDate, operator: str) -> int:
        """-1, 0 or 1 when the order is certain; else raise IncomparableError."""
        if self.last_day < other.first_day:
            return -1
        if other.last_day < self.first_day:
            return 1
        if self == other:
            return 0
        msg = (
            f"cannot tell whether {self} {operator} {other}: one lies within the other; "
            "sort with key=PartialDate.sort_key, or compare first_day or last_day"
        )
        raise IncomparableError(msg)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order(other, "<") < 0

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order(other, "<=") <= 0

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order(other, ">") > 0

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order(other, ">=") >= 0


def _date_fix(value: object) -> str:
    """How to make a ``PartialDate`` of a date or a year given as a Python value, or ``""``."""
    if isinstance(value, dt.datetime):
        return "; use PartialDate.from_date(value.date())"
    if isinstance(value, dt.date):
        return f"; use PartialDate.from_date({value!r})"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"; use PartialDate({value!r}) for a year"
    return ""


def span_problems(start: PartialDate | None, end: PartialDate | None) -> list[str]:
    """The problems of a ``start``/``end`` pair: an end that is certainly before its start.

    Both are inclusive; dates of different precision that overlap (``2005`` and ``2005-01-03``)
    are accepted, since either order may be true.
    """
    if start is not None and end is not None and end.last_day < start.first_day:
        return [f"$.end: {end} is before the start, {start}"]
    return []
