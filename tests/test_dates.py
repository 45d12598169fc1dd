"""Tests for PartialDate and DatePrecision."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    DatePrecision,
    IncomparableError,
    PartialDate,
    ValidationError,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst

D = dt.date


def _nested(a: PartialDate, b: PartialDate) -> bool:
    return a in b or b in a


class TestConstruction:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            ((0,), r"\$\.year: 0 is out of range 1 to 9999"),
            ((2005, 13), r"\$\.month: 13 is out of range 1 to 12"),
            ((2005, None, 3), r"\$\.day: a day \(3\) needs a month"),
            ((2005, 2, 29), r"\$\.day: 2005-02 has 28 days, so day 29 does not exist"),
            ((True,), r"\$\.year: expected a whole number, got bool True"),
            (("2005",), r"\$\.year: expected a whole number, got str '2005'"),
        ],
    )
    def test_invalid_parts(self, args: tuple[object, ...], message: str) -> None:
        """Out-of-range parts, days without months and impossible days are refused."""
        with pytest.raises(ValidationError, match=message):
            PartialDate(*args)  # type: ignore[arg-type]

    def test_leap_day(self) -> None:
        """February 29 exists in leap years."""
        assert PartialDate(2024, 2, 29).last_day == D(2024, 2, 29)

    @pytest.mark.parametrize(
        ("value", "precision"),
        [
            (PartialDate(2005), DatePrecision.YEAR),
            (PartialDate(2005, 1), DatePrecision.MONTH),
            (PartialDate(2005, 1, 3), DatePrecision.DAY),
        ],
    )
    def test_precision(self, value: PartialDate, precision: DatePrecision) -> None:
        """The precision is what is known."""
        assert value.precision is precision


class TestText:
    @pytest.mark.parametrize("text", ["2005", "2005-01", "2005-01-03", "0001", "9999-12-31"])
    def test_parse_and_str(self, text: str) -> None:
        """ISO text of each precision reads and writes back unchanged."""
        assert str(PartialDate.parse(text)) == text

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("05", "is not a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'"),
            ("2005-1", "is not a date as"),
            ("2005-01-03T00:00", "is not a date as"),
            ("2005/01/03", "is not a date as"),
            ("2005-02-30", "'2005-02-30' is not a calendar date"),
            ("2005-00", "'2005-00' is not a calendar date"),
            ("0000", "'0000' is not a calendar date"),
        ],
    )
    def test_parse_refuses(self, text: str, message: str) -> None:
        """Other forms and impossible dates are refused, showing the text."""
        with pytest.raises(ValidationError, match=message):
            PartialDate.parse(text)

    def test_parse_refuses_non_text(self) -> None:
        """A number is not read as a year."""
        with pytest.raises(ValidationError, match="got int 2005"):
            PartialDate.parse(2005)  # type: ignore[arg-type]

    @given(lst.partial_dates())
    def test_text_round_trip(self, value: PartialDate) -> None:
        """parse(str(d)) == d for every partial date."""
        assert PartialDate.parse(str(value)) == value

    @given(lst.partial_dates())
    def test_json_round_trip(self, value: PartialDate) -> None:
        """A partial date is a JSON string of its ISO text."""
        assert to_json(value) == f'"{value}"'
        assert from_json(to_json(value), PartialDate) == value

    def test_json_refuses_number(self) -> None:
        """A year written as a JSON number is refused."""
        with pytest.raises(ValidationError, match=r"expected a date as 'YYYY'.*got a number"):
            from_json("2005", PartialDate)


class TestRange:
    @given(lst.partial_dates())
    def test_first_and_last_day_inside(self, value: PartialDate) -> None:
        """The first and last days lie within the date, first before last."""
        assert value.first_day <= value.last_day
        assert value.first_day in value
        assert value.last_day in value

    @given(lst.partial_dates())
    def test_days_outside(self, value: PartialDate) -> None:
        """The days just before and after are outside the date."""
        if value.first_day > D.min:
            assert value.first_day - dt.timedelta(days=1) not in value
        if value.last_day < D.max:
            assert value.last_day + dt.timedelta(days=1) not in value

    def test_year_range(self) -> None:
        """A year covers January 1 to December 31."""
        assert (PartialDate(2005).first_day, PartialDate(2005).last_day) == (
            D(2005, 1, 1),
            D(2005, 12, 31),
        )

    def test_month_end(self) -> None:
        """February of a leap year ends on the 29th."""
        assert PartialDate(2024, 2).last_day == D(2024, 2, 29)

    def test_contains_finer_dates_only(self) -> None:
        """A year contains its days, not the other way round; other types are never inside."""
        assert PartialDate(2005, 1, 3) in PartialDate(2005)
        assert PartialDate(2005) not in PartialDate(2005, 1, 3)
        assert dt.datetime(2005, 1, 3) not in PartialDate(2005)  # noqa: DTZ001  # a datetime is not a date
        assert "2005-01-03" not in PartialDate(2005)

    def test_from_date(self) -> None:
        """A date becomes a partial date of day precision."""
        assert PartialDate.from_date(D(2020, 2, 5)) == PartialDate(2020, 2, 5)


class TestComparison:
    def test_equality_needs_same_precision(self) -> None:
        """2005 is not 2005-01-01."""
        assert PartialDate(2005) != PartialDate(2005, 1, 1)

    def test_certain_order(self) -> None:
        """Dates that do not overlap compare by time, whatever their precision."""
        assert PartialDate(2005) < PartialDate(2006, 3)
        assert PartialDate(2005, 12, 31) < PartialDate(2006)
        assert PartialDate(2006) > PartialDate(2005, 12)

    @pytest.mark.parametrize(
        "compare",
        [
            lambda a, b: a < b,
            lambda a, b: a <= b,
            lambda a, b: a > b,
            lambda a, b: a >= b,
        ],
    )
    def test_nested_dates_are_incomparable(self, compare: object) -> None:
        """Whether 2005 is before 2005-01-03 cannot be known: a TypeError says so."""
        with pytest.raises(IncomparableError, match=r"cannot tell whether 2005 .* 2005-01-03"):
            compare(PartialDate(2005), PartialDate(2005, 1, 3))  # type: ignore[operator]

    def test_incomparable_is_type_error(self) -> None:
        """IncomparableError is a TypeError, like comparing naive and aware datetimes."""
        assert issubclass(IncomparableError, TypeError)

    def test_other_types_not_ordered(self) -> None:
        """A partial date does not order against a plain date."""
        with pytest.raises(TypeError):
            _ = PartialDate(2005) < D(2006, 1, 1)

    @given(lst.partial_dates(), lst.partial_dates())
    def test_order_is_chronological_when_decidable(self, a: PartialDate, b: PartialDate) -> None:
        """Dates that are not nested compare like their days; nested ones refuse, unless equal."""
        if _nested(a, b) and a != b:
            with pytest.raises(IncomparableError):
                _ = a < b
        else:
            assert (a < b) == (a.last_day < b.first_day)
            assert (a <= b) == (a == b or a.last_day < b.first_day)
            assert (a > b) == (b < a)
            assert (a >= b) == (b <= a)

    @given(lst.partial_dates(), lst.partial_dates(), lst.partial_dates())
    def test_order_is_transitive(self, a: PartialDate, b: PartialDate, c: PartialDate) -> None:
        """If a < b and b < c, then a < c (and the comparison is decidable)."""
        if not (_nested(a, b) or _nested(b, c)) and a < b and b < c:
            assert a < c

    @given(st.lists(lst.partial_dates(), max_size=8))
    def test_sort_key_orders_like_iso_text(self, values: list[PartialDate]) -> None:
        """sort_key sorts any mix of precisions exactly as their ISO text sorts."""
        ordered = sorted(values, key=PartialDate.sort_key)
        assert [str(v) for v in ordered] == sorted(str(v) for v in values)

    @given(lst.partial_dates(), lst.partial_dates())
    def test_hash_agrees_with_equality(self, a: PartialDate, b: PartialDate) -> None:
        """Equal dates hash alike."""
        if a == b:
            assert hash(a) == hash(b)
