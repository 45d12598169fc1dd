"""Tests for Qualifier, Figure and Bounds: qualified figures and their arithmetic."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    Bounds,
    CurrencyMismatchError,
    Figure,
    FloatNotAllowedError,
    Money,
    Qualifier,
    ValidationError,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst

Q = Qualifier
EUR = ["EUR"]
Value = int | Decimal | Money
_KINDS: list[st.SearchStrategy[Value]] = [
    st.integers(0, 10**9),
    st.decimals(min_value=0, max_value=10**9, places=3),
    lst.money(EUR, allow_negative=False),
]
same_kind_values = st.sampled_from(_KINDS)


def eur(amount: str) -> Money:
    return Money(amount, "EUR")


@st.composite
def figure_pairs(draw: st.DrawFn) -> tuple[Figure, Figure]:
    """Two figures of the same kind (and currency), so that they can be added."""
    values = draw(same_kind_values)
    return draw(lst.figures(values)), draw(lst.figures(values))


@st.composite
def figure_and_true_value(draw: st.DrawFn, figure: Figure) -> Value:
    """A true value that ``figure`` allows: inside its bounds."""
    value = figure.value
    candidates: list[Value] = [value]
    if isinstance(value, Money):
        step = eur(str(draw(st.decimals(1, 1000, places=2))))
        candidates += [value + step, value - step]
    elif isinstance(value, Decimal):
        delta = draw(st.decimals(1, 1000, places=2))
        candidates += [value + delta, value - delta]
    else:
        count = draw(st.integers(1, 1000))
        candidates += [value + count, value - count]
    if figure.upper is not None:
        candidates.append(figure.upper)
    bounds = figure.bounds()
    inside = [c for c in candidates if c in bounds]
    chosen: Value = draw(st.sampled_from(inside))
    return chosen


class TestQualifier:
    def test_values(self) -> None:
        """The qualifiers have the agreed JSON values."""
        assert [q.value for q in Qualifier] == [
            "exact",
            "approximately",
            "nearly",
            "over",
            "at_least",
            "up_to",
            "between",
        ]

    def test_repr(self) -> None:
        """The repr is the qualified name, as code would write it."""
        assert repr(Qualifier.NEARLY) == "Qualifier.NEARLY"


class TestFigure:
    def test_defaults(self) -> None:
        """A bare figure is exact, with no upper value, date or source."""
        figure = Figure(16)
        assert (figure.qualifier, figure.upper, figure.as_of, figure.source) == (
            Q.EXACT,
            None,
            None,
            None,
        )

    def test_float_refused(self) -> None:
        """A float value is a TypeError with a hint."""
        with pytest.raises(FloatNotAllowedError, match=r"Decimal\('1\.5'\)"):
            Figure(1.5)  # type: ignore[arg-type]

    def test_float_upper_refused(self) -> None:
        """A float upper value is refused too."""
        with pytest.raises(FloatNotAllowedError):
            Figure(1, Q.BETWEEN, upper=2.5)  # type: ignore[arg-type]

    def test_string_refused_with_hint(self) -> None:
        """A string is not guessed at: the message shows how to pass a Decimal."""
        with pytest.raises(ValidationError, match=r"pass Decimal\('430'\)"):
            Figure("430")  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [-1, Decimal("-0.5"), eur("-1")])
    def test_negative_refused(self, value: int | Decimal | Money) -> None:
        """Figures cannot be negative."""
        with pytest.raises(ValidationError, match="cannot be negative"):
            Figure(value)

    def test_bool_refused(self) -> None:
        """True is not a count."""
        with pytest.raises(ValidationError, match="expected an int count"):
            Figure(value=True)

    def test_huge_count_refused(self) -> None:
        """A count of 10**30 or more is refused."""
        with pytest.raises(ValidationError, match="at most 30 digits"):
            Figure(10**30)

    def test_nan_refused(self) -> None:
        """A NaN Decimal is refused."""
        with pytest.raises(ValidationError, match=r"\$\.value: NaN"):
            Figure(Decimal("NaN"))

    def test_between_needs_upper(self) -> None:
        """BETWEEN without an upper value is refused."""
        with pytest.raises(ValidationError, match=r"\$\.upper: BETWEEN needs an upper value"):
            Figure(10, Q.BETWEEN)

    def test_upper_only_with_between(self) -> None:
        """An upper value with another qualifier is refused."""
        with pytest.raises(ValidationError, match="only BETWEEN has an upper value, not OVER"):
            Figure(10, Q.OVER, upper=20)

    def test_upper_must_be_greater(self) -> None:
        """The upper value must be greater than the value."""
        with pytest.raises(ValidationError, match="must be greater than the value"):
            Figure(10, Q.BETWEEN, upper=10)

    def test_upper_same_kind(self) -> None:
        """The upper value must be of the value's kind."""
        with pytest.raises(ValidationError, match="expected a count like the value"):
            Figure(10, Q.BETWEEN, upper=Decimal(20))

    def test_upper_same_currency(self) -> None:
        """The upper value must be in the value's currency."""
        with pytest.raises(ValidationError, match="in JPY but the value is in EUR"):
            Figure(eur("10"), Q.BETWEEN, upper=Money("20", "JPY"))

    def test_qualifier_type(self) -> None:
        """The qualifier must be a Qualifier, not its value: a TypeError that names the member."""
        with pytest.raises(TypeError) as caught:
            Figure(10, "over")  # type: ignore[arg-type]
        assert isinstance(caught.value, ValidationError)
        assert caught.value.errors == (
            "$.qualifier: expected a Qualifier, got str 'over'; use Qualifier('over')",
        )

    def test_all_problems_at_once(self) -> None:
        """Several problems with the upper value are reported together."""
        with pytest.raises(ValidationError) as info:
            Figure(10, Q.OVER, upper=5)
        assert len(info.value.errors) == 2

    def test_as_of_and_source(self) -> None:
        """A datetime is not a day, and a source cannot be blank."""
        with pytest.raises(ValidationError, match=r"\$\.as_of: expected a date"):
            Figure(1, as_of=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))
        with pytest.raises(ValidationError, match=r"\$\.source: must not be empty"):
            Figure(1, source="")

    def test_kinds_are_not_equal(self) -> None:
        """A count of 5 is not the decimal figure 5."""
        assert Figure(5) != Figure(Decimal(5))

    def test_repr_shows_what_is_set(self) -> None:
        """The repr leaves out defaults."""
        figure = Figure(10, Q.BETWEEN, upper=20, as_of=dt.date(2020, 2, 5))
        assert repr(figure) == (
            "Figure(10, Qualifier.BETWEEN, upper=20, as_of=datetime.date(2020, 2, 5))"
        )

    @given(lst.figures())
    def test_hash_matches_equality(self, figure: Figure) -> None:
        """A figure rebuilt from its fields is equal and hashes equally."""
        copy = Figure(figure.value, figure.qualifier, figure.upper, figure.as_of, figure.source)
        assert copy == figure
        assert hash(copy) == hash(figure)


class TestBounds:
    @pytest.mark.parametrize(
        ("figure", "text"),
        [
            (Figure(430), "[430, 430]"),
            (Figure(500, Q.APPROXIMATELY), "(-∞, ∞)"),
            (Figure(eur("21000000000"), Q.NEARLY), "(-∞, EUR 21000000000)"),
            (Figure(430, Q.OVER), "(430, ∞)"),
            (Figure(430, Q.AT_LEAST), "[430, ∞)"),
            (Figure(500, Q.UP_TO), "(-∞, 500]"),
            (Figure(10, Q.BETWEEN, upper=20), "[10, 20]"),
        ],
    )
    def test_by_qualifier(self, figure: Figure, text: str) -> None:
        """Each qualifier states its documented interval."""
        assert str(figure.bounds()) == text

    def test_over_example(self) -> None:
        """OVER 430 has lower bound 430, open, and no upper bound."""
        assert Figure(430, Q.OVER).bounds() == Bounds(430, None, lower_open=True)

    def test_membership(self) -> None:
        """`in` tests a value against the bounds, honouring open ends."""
        bounds = Figure(eur("21000000000"), Q.NEARLY).bounds()
        assert eur("20999999999.99") in bounds
        assert eur("21000000000") not in bounds

    def test_other_kind_not_inside(self) -> None:
        """A value of another kind is never inside."""
        assert Decimal(430) not in Figure(430).bounds()

    def test_missing_side_must_be_open(self) -> None:
        """A side without a bound cannot be closed."""
        with pytest.raises(ValidationError, match=r"\$\.upper_open: a side without a bound"):
            Bounds(1, None, upper_open=False)


class TestAddition:
    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            (Figure(40), Figure(34), Figure(74)),
            (Figure(21, Q.NEARLY), Figure(1), Figure(22, Q.NEARLY)),
            (Figure(430, Q.OVER), Figure(21, Q.NEARLY), Figure(451, Q.APPROXIMATELY)),
            (Figure(430, Q.OVER), Figure(40), Figure(470, Q.OVER)),
            (Figure(430, Q.AT_LEAST), Figure(40), Figure(470, Q.AT_LEAST)),
            (Figure(430, Q.AT_LEAST), Figure(1, Q.OVER), Figure(431, Q.OVER)),
            (Figure(100, Q.UP_TO), Figure(5, Q.NEARLY), Figure(105, Q.UP_TO)),
            (Figure(100, Q.UP_TO), Figure(5), Figure(105, Q.UP_TO)),
            (Figure(500, Q.APPROXIMATELY), Figure(40), Figure(540, Q.APPROXIMATELY)),
            (Figure(10, Q.BETWEEN, upper=20), Figure(5), Figure(15, Q.BETWEEN, upper=25)),
            (Figure(10, Q.BETWEEN, upper=20), Figure(5, Q.OVER), Figure(15, Q.OVER)),
            (Figure(10, Q.BETWEEN, upper=20), Figure(5, Q.NEARLY), Figure(25, Q.UP_TO)),
            (Figure(430, Q.OVER), Figure(5, Q.UP_TO), Figure(435, Q.APPROXIMATELY)),
        ],
    )
    def test_derived_qualifier(self, a: Figure, b: Figure, expected: Figure) -> None:
        """The qualifier of a sum follows from the bounds of the parts."""
        assert a + b == expected

    def test_money_in_one_currency(self) -> None:
        """Money figures in one currency add; the amounts keep their places."""
        total = Figure(eur("21000000000"), Q.NEARLY) + Figure(eur("864000000.00"))
        assert repr(total.value) == "Money('21864000000.00', 'EUR')"

    def test_money_across_currencies(self) -> None:
        """Money figures in two currencies do not add."""
        with pytest.raises(CurrencyMismatchError):
            Figure(eur("1")) + Figure(Money("1", "JPY"))

    def test_kinds_do_not_mix(self) -> None:
        """A count and an amount do not add."""
        with pytest.raises(TypeError, match="cannot add a count"):
            Figure(1) + Figure(eur("1"))

    def test_sum(self) -> None:
        """sum() adds figures, starting from the int 0."""
        assert sum([Figure(1), Figure(2, Q.OVER), Figure(3)]) == Figure(6, Q.OVER)

    def test_not_a_figure(self) -> None:
        """A figure and a bare number do not add."""
        with pytest.raises(TypeError):
            Figure(1) + 1  # type: ignore[operator]

    def test_as_of_and_source_kept_when_shared(self) -> None:
        """A shared date and source are kept; different ones are left out."""
        day, other = dt.date(2020, 2, 5), dt.date(2021, 1, 1)
        same = Figure(1, as_of=day, source="report") + Figure(2, as_of=day, source="report")
        mixed = Figure(1, as_of=day, source="report") + Figure(2, as_of=other, source="report")
        assert (same.as_of, same.source) == (day, "report")
        assert (mixed.as_of, mixed.source) == (None, "report")

    @given(figure_pairs())
    def test_commutes(self, pair: tuple[Figure, Figure]) -> None:
        """Addition commutes: a + b == b + a."""
        a, b = pair
        assert a + b == b + a

    @given(st.data(), figure_pairs())
    def test_bounds_of_sums(self, data: st.DataObject, pair: tuple[Figure, Figure]) -> None:
        """Any true values the parts allow add up to a value the sum allows."""
        a, b = pair
        x = data.draw(figure_and_true_value(a))
        y = data.draw(figure_and_true_value(b))
        assert x + y in (a + b).bounds()  # type: ignore[operator]

    @given(st.lists(st.integers(0, 10**6), min_size=1, max_size=10))
    def test_exact_stays_exact(self, counts: list[int]) -> None:
        """A sum of exact counts is the exact sum."""
        assert sum(Figure(c) for c in counts) == Figure(sum(counts))


SEED = [
    pytest.param(
        Figure(eur("21000000000"), Q.NEARLY),
        '{"value":{"amount":"21000000000","currency":"EUR"},"qualifier":"nearly"}',
        id="nearly EUR 21 billion in investments",
    ),
    pytest.param(
        Figure(eur("864000000")),
        '{"value":{"amount":"864000000","currency":"EUR"}}',
        id="EUR 864 million in public funding",
    ),
    pytest.param(Figure(383), '{"value":383}', id="383 projects certified"),
    pytest.param(Figure(80), '{"value":80}', id="80 products launched"),
    pytest.param(Figure(430, Q.OVER), '{"value":430,"qualifier":"over"}', id="over 430 members"),
    pytest.param(
        Figure(500, Q.APPROXIMATELY),
        '{"value":500,"qualifier":"approximately"}',
        id="about 500 startups and SMEs",
    ),
    pytest.param(Figure(40), '{"value":40}', id="40 large corporations"),
    pytest.param(Figure(34), '{"value":34}', id="34 academic and medical research organizations"),
    pytest.param(Figure(16), '{"value":16}', id="16 partners"),
    pytest.param(Figure(6), '{"value":6}', id="6 overseas partners"),
]


class TestSeedFigures:
    @pytest.mark.parametrize(("figure", "text"), SEED)
    def test_written_exactly(self, figure: Figure, text: str) -> None:
        """Each figure of the seed release has an exact JSON form that reads back equal."""
        assert to_json(figure) == text
        assert from_json(text, Figure) == figure

    def test_over_430_members(self) -> None:
        """'Over 430' allows 431 members but not 430."""
        bounds = Figure(430, Q.OVER).bounds()
        assert (431 in bounds, 430 in bounds) == (True, False)

    def test_nearly_21_billion(self) -> None:
        """'Nearly EUR 21 billion' allows EUR 20.9 billion but not 21 billion."""
        bounds = Figure(eur("21000000000"), Q.NEARLY).bounds()
        assert eur("20900000000") in bounds
        assert eur("21000000000") not in bounds

    def test_member_groups(self) -> None:
        """About 500 startups, 40 corporations and 34 research bodies make about 574."""
        groups = [Figure(500, Q.APPROXIMATELY), Figure(40), Figure(34)]
        assert sum(groups) == Figure(574, Q.APPROXIMATELY)
