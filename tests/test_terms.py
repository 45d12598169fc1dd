"""Tests for Term, Period and TermConvention."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from lifesci_partners import Period, Term, TermConvention, ValidationError
from lifesci_partners import strategies as lst
from lifesci_partners._terms import _days_in_month
from tests import oracle

COUNTED = TermConvention.START_DAY_COUNTED
EXCLUDED = TermConvention.START_DAY_EXCLUDED
MONTH_END = TermConvention.END_OF_MONTH
D = dt.date

# Terms of whole months (and years) only: the day-of-month rules are about these. Usual terms
# first, since from a month end or Feb 29 they land where the rules bite.
month_terms = st.one_of(
    st.sampled_from([Term(months=1), Term(months=11), Term(years=1), Term(years=4)]),
    st.tuples(st.integers(0, 30), st.integers(0, 24)).map(
        lambda p: Term(years=p[0], months=p[1] if any(p) else 1)
    ),
)


class TestTerm:
    @pytest.mark.parametrize(
        ("text", "term"),
        [
            ("P5Y", Term(years=5)),
            ("P1Y6M", Term(years=1, months=6)),
            ("P90D", Term(days=90)),
            ("P1Y2M3D", Term(years=1, months=2, days=3)),
            ("P2W", Term(days=14)),
        ],
    )
    def test_parse(self, text: str, term: Term) -> None:
        """ISO 8601 date durations parse to their parts."""
        assert Term.parse(text) == term

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("PT1H", "no time part"),
            ("P1YT2H", "no time part"),
            ("-P1Y", "cannot be negative"),
            ("P1Y2W", "weeks cannot be mixed"),
            ("P", "not an ISO 8601 duration"),
            ("P1.5Y", "not an ISO 8601 duration"),
            ("5Y", "not an ISO 8601 duration"),
            ("P0D", "cannot be zero"),
        ],
    )
    def test_parse_refuses(self, text: str, reason: str) -> None:
        """Durations that no term can mean are refused, saying why."""
        with pytest.raises(ValidationError, match=reason):
            Term.parse(text)

    @pytest.mark.parametrize(
        ("text", "written"),
        [("3 months", "P3M"), ("5 Years", "P5Y"), ("1 week", "P1W"), (" 90 days ", "P90D")],
    )
    def test_parse_words_say_how_a_term_is_written(self, text: str, written: str) -> None:
        """A term in English words is refused with its ISO form, not as "no time part"."""
        msg = f"$: a term is written as an ISO 8601 duration: {written!r}, not {text!r}"
        with pytest.raises(ValidationError) as info:
            Term.parse(text)
        assert info.value.errors == (msg,)

    def test_parse_refuses_non_string(self) -> None:
        """A number is not a duration."""
        with pytest.raises(ValidationError, match="as a string"):
            Term.parse(5)  # type: ignore[arg-type]

    @pytest.mark.parametrize("kwargs", [{"years": -1}, {"days": -3}])
    def test_negative_refused(self, kwargs: dict[str, int]) -> None:
        """No part may be negative."""
        with pytest.raises(ValidationError, match="negative"):
            Term(**kwargs)

    def test_zero_refused(self) -> None:
        """An all-zero term is refused."""
        with pytest.raises(ValidationError, match="cannot be zero"):
            Term()

    def test_bool_refused(self) -> None:
        """True is not a number of years."""
        with pytest.raises(ValidationError, match="whole number"):
            Term(years=True)

    @given(lst.terms())
    def test_str_parse_round_trip(self, term: Term) -> None:
        """str() gives ISO text that parses back to the same term."""
        assert Term.parse(str(term)) == term

    def test_scaled(self) -> None:
        """Scaling multiplies every part."""
        assert Term(years=1, months=6, days=2).scaled(2) == Term(years=2, months=12, days=4)

    def test_scaled_refuses_zero(self) -> None:
        """A factor below one is refused."""
        with pytest.raises(ValueError, match="positive"):
            Term(years=1).scaled(0)

    def test_end_past_year_9999_is_a_validation_error(self) -> None:
        """Overflow is reported, not a bare OverflowError."""
        with pytest.raises(ValidationError, match="past the year 9999"):
            Term(years=9000).end_from(D(2020, 1, 1))


class TestSeedExamples:
    """The examples the product map fixes."""

    def test_mou_counted(self) -> None:
        """P5Y from 2020-02-05: end 2025-02-05, last day 2025-02-04."""
        period = Term(years=5).period_from(D(2020, 2, 5))
        assert (period.end, period.last_day) == (D(2025, 2, 5), D(2025, 2, 4))

    def test_mou_excluded(self) -> None:
        """Start day excluded: last day 2025-02-05."""
        assert Term(years=5).period_from(D(2020, 2, 5), EXCLUDED).last_day == D(2025, 2, 5)

    def test_feb_29_plus_one_year_counted(self) -> None:
        """P1Y from 2020-02-29 ends with 2021-02-28; end is 2021-03-01."""
        period = Term(years=1).period_from(D(2020, 2, 29))
        assert (period.last_day, period.end) == (D(2021, 2, 28), D(2021, 3, 1))

    @pytest.mark.parametrize("convention", list(TermConvention))
    def test_jan_31_plus_one_month(self, convention: TermConvention) -> None:
        """P1M from 2020-01-31 ends with 2020-02-29 under both conventions."""
        assert Term(months=1).period_from(D(2020, 1, 31), convention).last_day == D(2020, 2, 29)


class TestDaysInMonth:
    def test_matches_the_calendar(self) -> None:
        """The month lengths used for term arithmetic are the calendar's, every month to 9999."""
        assert all(
            _days_in_month(year, month) == calendar.monthrange(year, month)[1]
            for year in range(dt.MINYEAR, dt.MAXYEAR + 1)
            for month in range(1, 13)
        )


class TestTermProperties:
    """The term invariants of issue 3 (properties 1 to 4), against relativedelta as oracle."""

    @given(lst.dates(), lst.terms())
    @example(D(2020, 2, 29), Term(years=1))
    @example(D(2020, 1, 31), Term(months=1, days=3))
    @example(D(2020, 2, 5), Term(years=5))
    def test_excluded_matches_relativedelta(self, start: dt.date, term: Term) -> None:
        """Excluded convention: the last day is start + relativedelta (an independent oracle)."""
        oracle_last = start + relativedelta(years=term.years, months=term.months, days=term.days)
        assert term.period_from(start, EXCLUDED).last_day == oracle_last

    @given(lst.dates(), lst.terms())
    @example(D(2020, 2, 29), Term(years=1))
    @example(D(2021, 1, 31), Term(months=1, days=10))
    def test_counted_matches_oracle(self, start: dt.date, term: Term) -> None:
        """Counted convention: the end is the relativedelta oracle's, a missing day rolled over."""
        expected = oracle.end(start, term.total_months, term.days, COUNTED)
        assert term.end_from(start, COUNTED) == expected

    @given(lst.dates(), lst.terms())
    @example(D(2020, 2, 29), Term(years=1))  # 2021 has no Feb 29: same last day
    @example(D(2020, 1, 31), Term(months=1))  # Feb has no 31st: same last day
    @example(D(2020, 1, 29), Term(months=1))  # 2020-02-29 exists: one day apart
    @example(D(2020, 2, 5), Term(years=5))  # the seed MOU: 2025-02-04 and 2025-02-05
    @example(D(2021, 3, 31), Term(months=1, days=2))  # no April 31, then days on top
    def test_p01_counted_and_excluded_differ_by_at_most_one_day(
        self, start: dt.date, term: Term
    ) -> None:
        """Property 1: the last days differ by 1, or by 0 exactly when the start's day is missing.

        The month that matters is the one the years and months of the term reach.
        """
        counted = term.period_from(start, COUNTED).last_day
        excluded = term.period_from(start, EXCLUDED).last_day
        assert counted is not None
        assert excluded is not None
        reached = start + relativedelta(months=term.total_months)
        day_exists = start.day <= calendar.monthrange(reached.year, reached.month)[1]
        assert (excluded - counted).days == (1 if day_exists else 0)

    @given(lst.dates(), month_terms)
    @example(D(2020, 2, 29), Term(years=1))
    @example(D(2019, 3, 31), Term(months=11))  # lands on 2020-02-29
    @example(D(2021, 1, 31), Term(months=1))
    @example(D(2020, 12, 31), Term(years=1, months=2))
    def test_p02_excluded_last_day_is_the_corresponding_date(
        self, start: dt.date, term: Term
    ) -> None:
        """Property 2: the last day is N months on, on min(start day, days in that month)."""
        last = term.period_from(start, EXCLUDED).last_day
        assert last is not None
        assert (last.year - start.year) * 12 + last.month - start.month == term.total_months
        assert last.day == min(start.day, calendar.monthrange(last.year, last.month)[1])

    @pytest.mark.parametrize(
        ("term", "lengths"),
        [(Term(months=12), range(365, 367)), (Term(months=1), range(28, 32))],
        ids=["12 months", "1 month"],
    )
    @given(start=lst.dates(), convention=st.sampled_from(TermConvention))
    @example(start=D(2020, 2, 29), convention=COUNTED)
    @example(start=D(2020, 2, 29), convention=EXCLUDED)
    @example(start=D(2021, 1, 31), convention=EXCLUDED)
    @example(start=D(2019, 3, 1), convention=EXCLUDED)
    @example(start=D(2020, 3, 31), convention=COUNTED)
    def test_p03_year_and_month_lengths(
        self, term: Term, lengths: range, start: dt.date, convention: TermConvention
    ) -> None:
        """Property 3: 12 months are 365 or 366 days, one month 28 to 31, in either convention.

        The term's days are those counted: with the start day excluded, the period in force has
        one more day (the start) than the term.
        """
        period = term.period_from(start, convention)
        assert period.end is not None
        counted_days = (period.end - start).days - (0 if convention is COUNTED else 1)
        assert counted_days in lengths

    @given(lst.dates(), st.integers(1, 62), lst.terms(), st.sampled_from(TermConvention))
    @example(D(2021, 1, 28), 1, Term(months=1), COUNTED)  # Feb 28 vs rolled to Mar 1
    @example(D(2020, 1, 30), 1, Term(months=1), EXCLUDED)  # both clamp to Feb 29
    @example(D(2020, 2, 28), 1, Term(years=1), COUNTED)  # Feb 28 vs Feb 29
    def test_p04_later_start_never_ends_earlier(
        self, start: dt.date, later_by: int, term: Term, convention: TermConvention
    ) -> None:
        """Property 4: the end is monotone in the start."""
        later = start + dt.timedelta(days=later_by)
        assert term.end_from(start, convention) <= term.end_from(later, convention)

    @given(lst.dates(), lst.terms())
    def test_end_is_after_start(self, start: dt.date, term: Term) -> None:
        """Every term ends after it starts."""
        for convention in TermConvention:
            assert term.end_from(start, convention) > start

    @given(lst.dates(), lst.terms())
    @example(D(2021, 2, 28), Term(months=1))
    @example(D(2020, 2, 29), Term(years=1))
    def test_month_end_matches_oracle(self, start: dt.date, term: Term) -> None:
        """End-of-month convention: the end is the relativedelta oracle's."""
        expected = oracle.end(start, term.total_months, term.days, MONTH_END)
        assert term.end_from(start, MONTH_END) == expected

    @given(lst.dates(), lst.terms())
    @example(D(2021, 2, 27), Term(months=1))
    def test_month_end_is_excluded_except_from_a_month_end(
        self, start: dt.date, term: Term
    ) -> None:
        """From a day that is not a month's last, end of month counts as start day excluded."""
        month_end = start.day == calendar.monthrange(start.year, start.month)[1]
        if not month_end:
            assert term.end_from(start, MONTH_END) == term.end_from(start, EXCLUDED)
        else:
            assert term.end_from(start, MONTH_END) >= term.end_from(start, EXCLUDED)

    def test_month_end_oracle_on_every_month_end_1900_to_2200(self) -> None:
        """Every month end from 1900 to 2200, plus 1 to 60 months, ends on the target month's end.

        The simple oracle: the last day is the last day of the month ``months`` later.
        """
        wrong = []
        for year in range(1900, 2201):
            for month in range(1, 13):
                start = D(year, month, calendar.monthrange(year, month)[1])
                for months in (1, 2, 3, 6, 11, 12, 13, 24, 60):
                    y, m = divmod(year * 12 + month - 1 + months, 12)
                    expected = D(y, m + 1, calendar.monthrange(y, m + 1)[1])
                    last = Term(months=months).period_from(start, MONTH_END).last_day
                    if last != expected:
                        wrong.append((start, months, last, expected))
        assert wrong == []

    @pytest.mark.parametrize(
        ("start", "last_day"),
        [
            (D(2021, 1, 31), D(2021, 2, 28)),
            (D(2021, 2, 28), D(2021, 3, 31)),
            (D(2020, 2, 29), D(2020, 3, 31)),
            (D(2021, 4, 30), D(2021, 5, 31)),
            (D(2021, 4, 29), D(2021, 5, 29)),
        ],
    )
    def test_month_end_stays_month_end(self, start: dt.date, last_day: dt.date) -> None:
        """One month from a month's last day ends with the next month's last day."""
        assert Term(months=1).period_from(start, MONTH_END).last_day == last_day

    @given(lst.dates(), lst.terms())
    def test_counted_never_later_than_excluded(self, start: dt.date, term: Term) -> None:
        """Counting the start day never ends a term later than excluding it."""
        assert term.end_from(start, COUNTED) <= term.end_from(start, EXCLUDED)


class TestPeriod:
    def test_half_open(self) -> None:
        """Start is in, end is out."""
        period = Period(D(2020, 1, 1), D(2020, 1, 3))
        assert D(2020, 1, 1) in period
        assert D(2020, 1, 2) in period
        assert D(2020, 1, 3) not in period
        assert D(2019, 12, 31) not in period

    def test_open_ended(self) -> None:
        """No end: every later day is in, and there is no last day."""
        period = Period(D(2020, 1, 1))
        assert D(9999, 12, 31) in period
        assert period.last_day is None

    def test_end_must_follow_start(self) -> None:
        """An empty or reversed period is refused."""
        with pytest.raises(ValidationError, match="must be after the start"):
            Period(D(2020, 1, 2), D(2020, 1, 2))

    def test_datetime_refused(self) -> None:
        """A datetime is not a date."""
        with pytest.raises(ValidationError, match="expected a date"):
            Period(dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))

    def test_non_dates_are_not_members(self) -> None:
        """Membership of a non-date is simply false."""
        assert "2020-01-01" not in Period(D(2020, 1, 1))
