"""Tests for BusinessCalendar, DeadlineRule and AdjustedDate."""

from __future__ import annotations

import datetime as dt
import pickle
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lifesci_partners import (
    AdjustedDate,
    BusinessCalendar,
    DayOff,
    DayOffKind,
    DeadlineKind,
    DeadlineRule,
    Formatter,
    MissingExtraError,
    ValidationError,
    WrongTypeValidationError,
)
from lifesci_partners import strategies as lst

D = dt.date
FORWARD = [rule for rule in DeadlineRule if rule is not DeadlineRule.NONE]


@st.composite
def calendars_and_days(draw: st.DrawFn) -> tuple[BusinessCalendar, dt.date]:
    calendar = draw(lst.business_calendars())
    return calendar, draw(lst.deadlines_in(calendar))


class TestDeadlineRule:
    @pytest.mark.parametrize("rule", FORWARD, ids=lambda r: r.value)
    def test_every_statute_has_a_source(self, rule: DeadlineRule) -> None:
        """Each statutory rule cites where it is written."""
        assert rule.source is not None
        assert "http" in rule.source

    def test_none_moves_nothing(self) -> None:
        """The default rule moves no kind of deadline."""
        assert not any(DeadlineRule.NONE.moves(kind) for kind in DeadlineKind)

    @pytest.mark.parametrize(
        ("rule", "moves_term_end"),
        [
            (DeadlineRule.DE_BGB_193, False),
            (DeadlineRule.JP_CIVIL_CODE_142, True),
            (DeadlineRule.FR_CPC_642, False),
            (DeadlineRule.EW_CPR_2_8, False),
        ],
    )
    def test_which_rules_move_the_end_of_a_term(
        self, rule: DeadlineRule, moves_term_end: bool
    ) -> None:
        """Only the Japanese rule, about the last day of any period, moves a term's end."""
        assert rule.moves(DeadlineKind.TERM_END) is moves_term_end
        assert rule.moves(DeadlineKind.NOTICE)


class TestBusinessCalendar:
    def test_labour_day_in_germany(self) -> None:
        """A notice deadline on 1 May 2025 (a Thursday, a holiday) moves to Friday 2 May."""
        calendar = BusinessCalendar(
            holidays={D(2025, 5, 1): "Labour Day"}, rule=DeadlineRule.DE_BGB_193
        )
        adjusted = calendar.adjust(D(2025, 5, 1), DeadlineKind.NOTICE)
        assert adjusted == AdjustedDate(
            D(2025, 5, 2),
            D(2025, 5, 1),
            DeadlineRule.DE_BGB_193,
            DayOff(D(2025, 5, 1), DayOffKind.PUBLIC_HOLIDAY, "Labour Day"),
        )
        assert str(adjusted) == "2025-05-02 (adjusted from 2025-05-01: public holiday (Labour Day))"

    def test_weekend_crosses_the_month(self) -> None:
        """Saturday 31 May 2025 moves to Monday 2 June."""
        calendar = BusinessCalendar(rule=DeadlineRule.FR_CPC_642)
        adjusted = calendar.adjust(D(2025, 5, 31), DeadlineKind.OPTION)
        assert adjusted.day == D(2025, 6, 2)
        assert str(adjusted) == "2025-06-02 (adjusted from 2025-05-31: weekend (Saturday))"

    def test_term_end_stays_under_bgb(self) -> None:
        """BGB §193 does not move the last day of a term."""
        calendar = BusinessCalendar(rule=DeadlineRule.DE_BGB_193)
        adjusted = calendar.adjust(D(2025, 5, 31), DeadlineKind.TERM_END)
        assert not adjusted.moved
        assert str(adjusted) == "2025-05-31"

    def test_working_day_stays(self) -> None:
        """A deadline on a working day does not move."""
        calendar = BusinessCalendar(rule=DeadlineRule.EW_CPR_2_8)
        assert calendar.adjust(D(2025, 5, 30), DeadlineKind.NOTICE).day == D(2025, 5, 30)

    @pytest.mark.parametrize("weekend", [[7], [-1], ["sat"], list(range(7))])
    def test_bad_weekend(self, weekend: list[object]) -> None:
        """A weekday number outside 0 to 6, or a week without a working day, is refused."""
        with pytest.raises(ValidationError, match=r"^\$\.weekend: "):
            BusinessCalendar(weekend=weekend)  # type: ignore[arg-type]

    @pytest.mark.parametrize("weekend", [["sat"], "56", 5])
    def test_weekend_of_a_wrong_type(self, weekend: object) -> None:
        """A weekday that is not an int, or a weekend that is no collection, is a TypeError too."""
        with pytest.raises(WrongTypeValidationError, match=r"^\$\.weekend: "):
            BusinessCalendar(weekend=weekend)  # type: ignore[arg-type]

    def test_weekend_number_out_of_range_is_no_type_error(self) -> None:
        """A weekday number of the right type but out of range is a ValueError only."""
        with pytest.raises(ValidationError) as caught:
            BusinessCalendar(weekend=[7])
        assert not isinstance(caught.value, TypeError)

    def test_name_checked(self) -> None:
        """The name is one line of text: a number is a TypeError at its path."""
        with pytest.raises(WrongTypeValidationError, match=r"^\$\.name: expected a string"):
            BusinessCalendar(name=5)  # type: ignore[arg-type]

    def test_no_working_day_left(self) -> None:
        """A year of holidays leaves no working day to move to: an error, not a loop."""
        holidays = {D(2025, 1, 1) + dt.timedelta(days=n): "x" for n in range(400)}
        calendar = BusinessCalendar(holidays=holidays, rule=DeadlineRule.FR_CPC_642)
        with pytest.raises(ValidationError, match="no working day follows 2025-01-01"):
            calendar.adjust(D(2025, 1, 1), DeadlineKind.NOTICE)

    @given(calendars_and_days())
    @example((BusinessCalendar(weekend={5, 6}, rule=DeadlineRule.DE_BGB_193), D(2024, 2, 29)))
    def test_p_forward_never_earlier(self, case: tuple[BusinessCalendar, dt.date]) -> None:
        """Property: a forward rule never makes a deadline earlier."""
        calendar, day = case
        try:
            adjusted = calendar.adjust(day, DeadlineKind.NOTICE)
        except ValidationError:  # no working day before 9999-12-31
            return
        assert adjusted.day >= day
        assert adjusted.unadjusted == day

    @given(calendars_and_days())
    def test_p_never_a_day_off(self, case: tuple[BusinessCalendar, dt.date]) -> None:
        """Property: under a rule that moves it, the deadline is a working day."""
        calendar, day = case
        try:
            adjusted = calendar.adjust(day, DeadlineKind.OPTION)
        except ValidationError:
            return
        if calendar.rule is not DeadlineRule.NONE:
            assert calendar.is_working_day(adjusted.day)
        else:
            assert adjusted.day == day

    @given(calendars_and_days())
    def test_p_nearest_working_day(self, case: tuple[BusinessCalendar, dt.date]) -> None:
        """Property: no working day lies between the deadline and where it moved."""
        calendar, day = case
        try:
            adjusted = calendar.adjust(day, DeadlineKind.NOTICE)
        except ValidationError:
            return
        between = day
        while between < adjusted.day:
            assert not calendar.is_working_day(between)
            between += dt.timedelta(days=1)
        assert adjusted.moved == (adjusted.reason is not None)

    @given(calendars_and_days())
    def test_p_reason_is_the_day_off(self, case: tuple[BusinessCalendar, dt.date]) -> None:
        """Property: a moved deadline's reason is why its original day is off."""
        calendar, day = case
        try:
            adjusted = calendar.adjust(day, DeadlineKind.NOTICE)
        except ValidationError:
            return
        if adjusted.moved:
            assert adjusted.reason == calendar.day_off(day)


class TestFromHolidays:
    """Calendars from the holidays package (the [holidays] extra, in the test group)."""

    def test_german_labour_day(self) -> None:
        """Germany's 1 May is a public holiday in every state."""
        calendar = BusinessCalendar.from_holidays(
            "DE", "BY", rule=DeadlineRule.DE_BGB_193, language="de"
        )
        adjusted = calendar.adjust(D(2025, 5, 1), DeadlineKind.NOTICE)
        assert adjusted.day == D(2025, 5, 2)
        assert adjusted.reason is not None
        assert adjusted.reason.name == "Erster Mai"
        assert calendar.name == "DE-BY"

    def test_golden_week(self) -> None:
        """Japan's Golden Week of 2025 (3 to 6 May, with the weekend) ends on Wednesday 7 May."""
        calendar = BusinessCalendar.from_holidays("JP", rule=DeadlineRule.JP_CIVIL_CODE_142)
        assert calendar.adjust(D(2025, 5, 3), DeadlineKind.TERM_END).day == D(2025, 5, 7)

    def test_country_of_a_wrong_type(self) -> None:
        """A country that is not a string is a TypeError at its argument, not the package's."""
        with pytest.raises(WrongTypeValidationError) as caught:
            BusinessCalendar.from_holidays(5)  # type: ignore[arg-type]
        assert caught.value.errors == ("$.country: expected a string, got int 5",)

    def test_unknown_country(self) -> None:
        """A country the package does not know is a ValidationError that names it."""
        with pytest.raises(ValidationError, match="knows no calendar for 'XX'"):
            BusinessCalendar.from_holidays("XX")

    def test_without_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the holidays package, the error says which extra to install."""
        monkeypatch.setitem(sys.modules, "holidays", None)
        with pytest.raises(MissingExtraError, match=r"lifesci-partners\[holidays\]"):
            BusinessCalendar.from_holidays("DE")

    def test_missing_extra_error_pickles(self) -> None:
        """The error survives pickling with its attributes (as across processes)."""
        err = pickle.loads(pickle.dumps(MissingExtraError("holidays", "x")))  # noqa: S301
        assert (err.extra, err.feature, str(err)) == (
            "holidays",
            "x",
            "x needs the holidays extra: pip install 'lifesci-partners[holidays]'",
        )


class TestFormatting:
    @pytest.mark.parametrize(
        ("locale", "text"),
        [
            (
                "en",
                "Monday, June 2, 2025 (adjusted from Saturday, May 31, 2025: weekend (Saturday))",
            ),
            ("fr", "lundi 2 juin 2025 (reporté du samedi 31 mai 2025 : week-end (samedi))"),
            ("ja", "2025年6月2日月曜日（2025年5月31日土曜日から繰り延べ：週末（土曜日））"),
            (
                "de",
                "Montag, 2. Juni 2025 (verschoben vom Samstag, 31. Mai 2025: Wochenende (Samstag))",
            ),
        ],
    )
    def test_weekend_in_four_languages(self, locale: str, text: str) -> None:
        """The Formatter says why a deadline moved, in each catalog's language."""
        calendar = BusinessCalendar(rule=DeadlineRule.FR_CPC_642)
        adjusted = calendar.adjust(D(2025, 5, 31), DeadlineKind.NOTICE)
        assert Formatter(locale).adjusted_date(adjusted, "full") == text

    def test_not_moved(self) -> None:
        """A deadline that did not move is just its date."""
        adjusted = BusinessCalendar().adjust(D(2025, 5, 31), DeadlineKind.NOTICE)
        assert Formatter("en").adjusted_date(adjusted) == "May 31, 2025"
