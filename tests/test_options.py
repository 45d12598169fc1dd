"""Tests for extension options: ExtensionOptions, OptionExercised and Agreement.option_deadline."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given

from lifesci_partners import (
    Agreement,
    AgreementKind,
    BusinessCalendar,
    DeadlineRule,
    ExtensionOptions,
    OptionExercised,
    Party,
    Renewal,
    Term,
    ValidationError,
    WrongTypeValidationError,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst
from tests import oracle

D = dt.date
FIVE_PLUS_TWO_PLUS_TWO = ExtensionOptions.of(Term(years=2), count=2, notice=Term(months=6))


def make(**changes: Any) -> Agreement:
    fields: dict[str, Any] = {
        "id": "a",
        "kind": AgreementKind.LICENSE,
        "parties": (Party("x"), Party("y")),
        "effective_on": D(2020, 1, 1),
        "term": Term(years=5),
        "options": FIVE_PLUS_TWO_PLUS_TWO,
    }
    return Agreement(**{**fields, **changes})


class TestExtensionOptions:
    def test_lengths_per_option(self) -> None:
        """Options may have different lengths; their number is the most that can be used."""
        options = ExtensionOptions([Term(years=2), Term(years=1)], min_count=1)
        assert options.max_count == 2
        assert options.lengths[1] == Term(years=1)

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"lengths": ()}, "$.lengths: give at least one option's length"),
            (
                {"lengths": (Term(years=2),), "min_count": 2},
                "$.min_count: 2 options at least, but only 1 are given in lengths",
            ),
            ({"lengths": (Term(years=2),), "min_count": -1}, "$.min_count: cannot be negative"),
            ({"lengths": (Term(years=2),), "held_by": ["no space"]}, "$.held_by[0]: "),
        ],
        ids=["no-length", "min-above-max", "negative-min", "bad-holder"],
    )
    def test_refused(self, kwargs: dict[str, Any], message: str) -> None:
        """Options that cannot be are refused, with the path of the bad value."""
        with pytest.raises(ValidationError) as info:
            ExtensionOptions(**kwargs)
        assert info.value.errors[0].startswith(message)

    def test_count_as_text(self) -> None:
        """A count given as text is a TypeError and a ValidationError that says int()."""
        with pytest.raises(WrongTypeValidationError) as caught:
            ExtensionOptions.of(Term(years=2), count=_any("2"))
        assert caught.value.errors == (
            "$.count: expected a whole number of options, at least 1, got '2'; use int('2')",
        )


class TestOptionDeadline:
    def test_five_plus_two_plus_two(self) -> None:
        """5 years, then two options of 2 years, each exercised 6 months before the end."""
        a = make()
        assert a.final_last_day == D(2024, 12, 31)
        assert a.option_deadline(on=D(2024, 1, 1)) == D(2024, 7, 1)
        once = make(events=[OptionExercised(D(2024, 7, 1), by="x")])
        assert once.final_last_day == D(2026, 12, 31)
        assert once.option_deadline(on=D(2024, 1, 1)) is None  # already exercised
        assert once.option_deadline(on=D(2025, 1, 1)) == D(2026, 7, 1)
        twice = make(
            events=[OptionExercised(D(2024, 7, 1), by="x"), OptionExercised(D(2026, 1, 5), by="y")]
        )
        assert twice.final_last_day == D(2028, 12, 31)
        assert twice.option_deadline(on=D(2027, 1, 1)) is None  # no option left

    def test_no_notice_of_non_renewal(self) -> None:
        """An agreement extended by options has no notice deadline, exercised or not."""
        once = make(events=[OptionExercised(D(2024, 7, 1), by="x")])
        assert once.notice_deadline(on=D(2024, 1, 1)) is None
        assert once.next_notice_deadline(on=D(2020, 1, 1)) is None

    def test_too_late(self) -> None:
        """An option exercised after its deadline is refused, with the deadline."""
        with pytest.raises(ValidationError) as info:
            make(events=[OptionExercised(D(2024, 7, 2), by="x")])
        assert info.value.errors == (
            (
                "$.events[0].on: option 1 exercised on 2024-07-02, too late: the deadline was "
                "2024-07-01"
            ),
        )

    def test_too_many(self) -> None:
        """A third exercise of two options is refused."""
        events = [OptionExercised(D(2021, 1, 1), by="x") for _ in range(3)]
        with pytest.raises(
            ValidationError, match=r"option 3 exercised, but the agreement has only 2"
        ):
            make(events=events)

    def test_not_the_holder(self) -> None:
        """Only a holder may exercise an option when the options name their holders."""
        options = attrs.evolve(FIVE_PLUS_TWO_PLUS_TWO, held_by=("y",))
        with pytest.raises(ValidationError, match=r"\$\.events\[0\]\.by: 'x' holds no option"):
            make(options=options, events=[OptionExercised(D(2024, 1, 1), by="x")])

    def test_without_options(self) -> None:
        """An exercise of an agreement without options is refused."""
        with pytest.raises(ValidationError, match="has no extension options"):
            make(options=None, events=[OptionExercised(D(2024, 1, 1), by="x")])

    def test_not_with_renewal(self) -> None:
        """Automatic renewal and options do not mix."""
        with pytest.raises(ValidationError, match="renews automatically"):
            make(renewal=Renewal(Term(years=1)))

    def test_adjusted(self) -> None:
        """The option deadline 2024-07-01 is a Monday; with a holiday it moves to Tuesday."""
        calendar = BusinessCalendar(
            holidays={D(2024, 7, 1): "Canada Day"}, rule=DeadlineRule.EW_CPR_2_8
        )
        adjusted = make().adjusted_option_deadline(on=D(2024, 1, 1), calendar=calendar)
        assert adjusted is not None
        assert str(adjusted) == "2024-07-02 (adjusted from 2024-07-01: public holiday (Canada Day))"

    @given(lst.agreements_with_options())
    def test_p_computed_like_a_notice_deadline(self, a: Agreement) -> None:
        """Property: the first option's deadline is the notice deadline of the same renewal."""
        assert a.options is not None
        renewing = attrs.evolve(
            a,
            options=None,
            events=(),
            renewal=Renewal(a.options.lengths[0], notice=a.options.notice),
        )
        on = oracle.start_of(a)
        exercised = any(isinstance(e, OptionExercised) for e in a.events)
        if not exercised:
            assert a.option_deadline(on=on) == renewing.notice_deadline(on=on)

    @given(lst.agreements_with_options())
    def test_p_exercise_on_the_deadline_is_in_time(self, a: Agreement) -> None:
        """Property: exercising the next option on its deadline extends by its length."""
        last = a.final_last_day
        assert last is not None
        deadline = a.option_deadline(on=last)
        if deadline is None or deadline < oracle.start_of(a):
            return
        by = a.parties[0].org
        extended = attrs.evolve(a, events=(*a.events, OptionExercised(deadline, by=by)))
        assert extended.final_last_day is not None
        assert extended.final_last_day > last
        with pytest.raises(ValidationError, match="too late"):
            attrs.evolve(a, events=(*a.events, OptionExercised(deadline + dt.timedelta(1), by)))

    @given(lst.agreements_with_options())
    def test_p_round_trip(self, a: Agreement) -> None:
        """Property: an agreement with options reads back equal from its JSON."""
        assert from_json(to_json(a), Agreement) == a


def _any(value: object) -> Any:
    """``value``, typed as anything, to pass where the types say it is wrong."""
    return value
