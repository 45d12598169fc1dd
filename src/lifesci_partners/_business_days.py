"""Business days: which days are working days, and how a deadline on another day moves.

A :class:`BusinessCalendar` knows the weekend and the public holidays (given by hand, or from the
``holidays`` package with the ``[holidays]`` extra) and the statutory :class:`DeadlineRule` that
moves a deadline falling on a day off. Every moved date is an :class:`AdjustedDate` that keeps the
date it was moved from and why.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from lifesci_partners._arguments import a_date
from lifesci_partners._free_text import one_line
from lifesci_partners._validate import date_value, describe, instance_of, optional
from lifesci_partners.exceptions import MissingExtraError, ValidationError, WrongTypeValidationError

__all__ = [
    "AdjustedDate",
    "BusinessCalendar",
    "DayOff",
    "DayOffKind",
    "DeadlineKind",
    "DeadlineRule",
]

_ONE_DAY = dt.timedelta(days=1)
_MONDAY, _SATURDAY, _SUNDAY = 0, 5, 6
_DAYS_IN_WEEK = 7
# No calendar has a working day more than this many days after a day off.
_LONGEST_BREAK = 366


class DeadlineKind(enum.Enum):
    """What a date is the deadline of, since a rule may move some kinds and not others.

    .. versionadded:: 0.2.0
    """

    NOTICE = "notice"
    """The last day to give notice of non-renewal, a declaration."""
    OPTION = "option"
    """The last day to exercise an extension option, a declaration."""
    TERM_END = "term_end"
    """The last day of a term."""


class DeadlineRule(enum.Enum):
    """The statutory rule that moves a deadline falling on a day that is not a working day.

    Each rule moves the deadline forward, to the next working day of the calendar (the calendar
    says which days are weekends and public holidays where the rule applies). The rule names the
    kinds of deadline it moves; ``NONE`` moves nothing (the default, as without a calendar).

    .. versionadded:: 0.2.0
    """

    NONE = "none"
    """No adjustment; a deadline stays where the agreement puts it."""
    DE_BGB_193 = "de_bgb_193"
    """Germany, Bürgerliches Gesetzbuch §193. Where a declaration is to be made or a performance
    effected by a deadline that falls on a Saturday, a Sunday or a public holiday recognized at
    the place of declaration or performance, the next working day takes its place. It moves
    notice and option deadlines, not the end of a term."""
    JP_CIVIL_CODE_142 = "jp_civil_code_142"
    """Japan, Civil Code article 142. When the last day of a period falls on a Sunday, a national
    holiday or another holiday on which it is customary not to transact business, the period
    ends on the next day. It moves every deadline, the last day of a term included (give the
    calendar a Sunday-only weekend where Saturdays are working days)."""
    FR_CPC_642 = "fr_cpc_642"
    """France, Code de procédure civile article 642. A time limit that would expire on a
    Saturday, a Sunday or a public holiday or non-working day is extended to the first working
    day that follows. It moves notice and option deadlines, not the end of a term."""
    EW_CPR_2_8 = "ew_cpr_2_8"
    """England and Wales, Civil Procedure Rules r.2.8(5). An act to be done at the court office
    by a day on which it is closed is in time if done on the next day on which it is open
    (closed: weekends, bank holidays, Christmas Day and Good Friday). It moves notice and option
    deadlines, not the end of a term."""

    @property
    def source(self) -> str | None:
        """Where the rule is written, as a citation; ``None`` for ``NONE``."""
        return _SOURCES[self]

    def moves(self, kind: DeadlineKind) -> bool:
        """Whether this rule moves a deadline of ``kind``."""
        if self is DeadlineRule.NONE:
            return False
        return kind is not DeadlineKind.TERM_END or self is DeadlineRule.JP_CIVIL_CODE_142


_SOURCES: dict[DeadlineRule, str | None] = {
    DeadlineRule.NONE: None,
    DeadlineRule.DE_BGB_193: "BGB § 193 (https://www.gesetze-im-internet.de/bgb/__193.html)",
    DeadlineRule.JP_CIVIL_CODE_142: (
        "Civil Code (Act No. 89 of 1896), art. 142 "
        "(https://www.japaneselawtranslation.go.jp/en/laws/view/4207)"
    ),
    DeadlineRule.FR_CPC_642: (
        "Code de procédure civile, art. 642 "
        "(https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006410928)"
    ),
    DeadlineRule.EW_CPR_2_8: (
        "Civil Procedure Rules, r. 2.8(5) "
        "(https://www.justice.gov.uk/courts/procedure-rules/civil/rules/part02)"
    ),
}


class DayOffKind(enum.Enum):
    """Why a day is not a working day.

    .. versionadded:: 0.2.0
    """

    WEEKEND = "weekend"
    """A day of the calendar's weekend."""
    PUBLIC_HOLIDAY = "public_holiday"
    """A public holiday of the calendar."""


@attrs.frozen
class DayOff:
    """Why a day is not a working day: a weekend day, or a public holiday and its name.

    Args:
        day: The day.
        kind: Weekend or public holiday (a holiday on a weekend is a holiday).
        name: The holiday's name, as the calendar gives it.

    .. versionadded:: 0.2.0
    """

    day: dt.date
    kind: DayOffKind
    name: str | None = None

    def __str__(self) -> str:
        if self.kind is DayOffKind.PUBLIC_HOLIDAY:
            return f"public holiday ({self.name})" if self.name else "public holiday"
        return f"weekend ({self.day.strftime('%A')})"


@attrs.frozen
class AdjustedDate:
    """A deadline after business-day adjustment, with the date it was moved from and why.

    Args:
        day: The deadline that applies.
        unadjusted: The deadline as the agreement puts it.
        rule: The rule that moved it (or would have).
        reason: Why ``unadjusted`` is not a working day, when the deadline moved.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import BusinessCalendar, DeadlineKind, DeadlineRule
        >>> calendar = BusinessCalendar(
        ...     holidays={dt.date(2025, 5, 1): "Labour Day"}, rule=DeadlineRule.DE_BGB_193
        ... )
        >>> adjusted = calendar.adjust(dt.date(2025, 5, 1), DeadlineKind.NOTICE)
        >>> adjusted.day
        datetime.date(2025, 5, 2)
        >>> str(adjusted)
        '2025-05-02 (adjusted from 2025-05-01: public holiday (Labour Day))'

    .. versionadded:: 0.2.0
    """

    day: dt.date
    unadjusted: dt.date
    rule: DeadlineRule = DeadlineRule.NONE
    reason: DayOff | None = None

    @property
    def moved(self) -> bool:
        """Whether the deadline moved."""
        return self.day != self.unadjusted

    def __str__(self) -> str:
        if not self.moved or self.reason is None:
            return self.day.isoformat()
        return (
            f"{self.day.isoformat()} (adjusted from {self.unadjusted.isoformat()}: {self.reason})"
        )


def _weekend(value: Iterable[int]) -> frozenset[int]:
    expected = "$.weekend: expected weekday numbers from 0 (Monday) to 6 (Sunday), got"
    if isinstance(value, str | bytes):
        raise WrongTypeValidationError([f"{expected} {describe(value)}"])
    try:
        days = frozenset(value)
    except TypeError:
        raise WrongTypeValidationError([f"{expected} {value!r}"]) from None
    bad = [d for d in days if type(d) is not int or not _MONDAY <= d <= _SUNDAY]
    if bad:
        wrong = any(type(d) is not int for d in bad)
        raise (WrongTypeValidationError if wrong else ValidationError)([f"{expected} {bad!r}"])
    if len(days) == _DAYS_IN_WEEK:
        msg = "$.weekend: a week with no working day; leave at least one weekday out"
        raise ValidationError([msg])
    return days


def _check_holidays(_instance: object, _attribute: Any, value: object) -> None:
    if not isinstance(value, Mapping):
        msg = f"$.holidays: expected a mapping of dates to names, got {type(value).__name__}"
        raise WrongTypeValidationError([msg])


@attrs.frozen(eq=False)
class BusinessCalendar:
    """Working days: every day but the weekend and the public holidays, and a deadline rule.

    Args:
        weekend: The weekdays off, 0 for Monday to 6 for Sunday; Saturday and Sunday by default.
        holidays: Public holidays and their names: a mapping of dates to names, such as a
            ``holidays.HolidayBase`` from the ``holidays`` package (see :meth:`from_holidays`).
        rule: The statutory rule that moves deadlines falling on a day off.
        name: What the calendar is, for messages (``"DE-BY"``).

    Raises:
        WrongTypeValidationError: A field of the wrong type: a weekday that is not an ``int``,
            holidays that are not a mapping, a name that is not a string.
        ValidationError: A weekday number outside 0 to 6, a week without a working day, or a
            blank name.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import BusinessCalendar, DeadlineKind, DeadlineRule
        >>> calendar = BusinessCalendar(rule=DeadlineRule.FR_CPC_642)
        >>> calendar.is_working_day(dt.date(2025, 5, 3))
        False
        >>> calendar.adjust(dt.date(2025, 5, 3), DeadlineKind.OPTION).day
        datetime.date(2025, 5, 5)

    .. versionadded:: 0.2.0
    """

    weekend: frozenset[int] = attrs.field(
        default=frozenset({_SATURDAY, _SUNDAY}), converter=_weekend
    )
    holidays: Mapping[dt.date, str] = attrs.field(factory=dict, validator=_check_holidays)
    rule: DeadlineRule = attrs.field(default=DeadlineRule.NONE, validator=instance_of(DeadlineRule))
    name: str | None = attrs.field(default=None, validator=optional(one_line))

    def __eq__(self, other: object) -> bool:
        """Equal when the weekend, the rule, the name and the holidays known so far are equal.

        The holidays are compared as plain mappings, so a calendar equals its pickled or copied
        self, and a calendar from :meth:`from_holidays` (which learns a year's holidays when a
        date of that year is asked about) equals one given the same dates by hand.
        """
        if not isinstance(other, BusinessCalendar):
            return NotImplemented
        return (self.weekend, self.rule, self.name) == (other.weekend, other.rule, other.name) and (
            self.holidays is other.holidays or dict(self.holidays) == dict(other.holidays)
        )

    def __hash__(self) -> int:
        return hash((self.weekend, self.rule, self.name))

    @classmethod
    def from_holidays(
        cls,
        country: str,
        subdivision: str | None = None,
        *,
        rule: DeadlineRule = DeadlineRule.NONE,
        weekend: Iterable[int] = (_SATURDAY, _SUNDAY),
        language: str | None = None,
    ) -> BusinessCalendar:
        """A calendar with the public holidays of ``country`` from the ``holidays`` package.

        Needs the ``[holidays]`` extra. The package computes each year's holidays when a day of
        it is first asked about, so the calendar covers every year.

        Args:
            country: An ISO 3166-1 alpha-2 code the package knows (``"DE"``, ``"JP"``).
            subdivision: A subdivision it knows (``"BY"`` for Bavaria), for regional holidays.
            rule: The deadline rule.
            weekend: The weekdays off.
            language: The language of the holidays' names, if the package has it.

        Raises:
            MissingExtraError: The ``holidays`` package is not installed.
            WrongTypeValidationError: The country, subdivision or language is not a string.
            ValidationError: The package does not know the country or the subdivision.
        """
        wrong = [
            f"$.{name}: expected a string, got {describe(value)}"
            for name, value in (
                ("country", country),
                ("subdivision", subdivision),
                ("language", language),
            )
            if not isinstance(value, str) and (value is not None or name == "country")
        ]
        if wrong:
            raise WrongTypeValidationError(wrong)
        try:
            import holidays  # noqa: PLC0415  # an optional extra, imported when asked for
        except ImportError:
            raise MissingExtraError("holidays", "BusinessCalendar.from_holidays") from None
        try:
            days = holidays.country_holidays(country, subdiv=subdivision, language=language)
        except NotImplementedError as exc:
            msg = f"$: the holidays package knows no calendar for {country!r}"
            if subdivision is not None:
                msg = (
                    f"$: the holidays package knows no calendar for {country!r} with the "
                    f"subdivision {subdivision!r}"
                )
            raise ValidationError([f"{msg} ({exc})"]) from None
        name = country if subdivision is None else f"{country}-{subdivision}"
        return cls(weekend=weekend, holidays=days, rule=rule, name=name)

    def day_off(self, day: dt.date) -> DayOff | None:
        """Why ``day`` is not a working day, or ``None`` when it is one."""
        return self._off(a_date(day, "day_off"))

    def _off(self, day: dt.date) -> DayOff | None:
        holiday = self.holidays.get(day)
        if holiday is not None:
            return DayOff(day, DayOffKind.PUBLIC_HOLIDAY, str(holiday) or None)
        if day.weekday() in self.weekend:
            return DayOff(day, DayOffKind.WEEKEND)
        return None

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is neither a weekend day nor a public holiday."""
        return self._off(a_date(day, "is_working_day")) is None

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the first working day after it.

        Raises:
            ValidationError: No working day follows before 9999-12-31 (or within a year).
        """
        current = day = a_date(day, "next_working_day")
        for _ in range(_LONGEST_BREAK):
            if self._off(current) is None:
                return current
            if current == dt.date.max:
                break
            current += _ONE_DAY
        msg = f"$: no working day follows {day.isoformat()} in the calendar {self.name or ''}"
        raise ValidationError([msg.rstrip()])

    def adjust(self, day: dt.date, kind: DeadlineKind) -> AdjustedDate:
        """The deadline ``day`` of ``kind`` as the calendar's rule moves it.

        Under ``DeadlineRule.NONE``, or for a kind the rule leaves alone, the deadline stays.
        """
        date_value(None, _DAY, day)
        off = self._off(day)
        if off is None or not self.rule.moves(kind):
            return AdjustedDate(day, day, self.rule)
        return AdjustedDate(self.next_working_day(day), day, self.rule, off)


_DAY = attrs.fields(AdjustedDate).day
