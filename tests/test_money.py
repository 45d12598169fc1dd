"""Tests for Money: construction, arithmetic, ordering, rounding and allocation."""

from __future__ import annotations

import decimal
import operator
import pickle
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lifesci_partners import (
    CurrencyMismatchError,
    FloatNotAllowedError,
    InexactResultError,
    LifesciPartnersError,
    Money,
    ValidationError,
    WrongTypeValidationError,
)
from lifesci_partners import strategies as lst

EUR = ["EUR"]
factors = st.one_of(
    st.integers(-1000, 1000),
    st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-1000, max_value=1000),
)
ratio_lists = st.lists(
    st.one_of(st.integers(0, 1000), st.decimals(min_value=0, max_value=100, places=3)),
    min_size=1,
    max_size=8,
).filter(lambda rs: sum(rs) > 0)


class TestConstruction:
    @pytest.mark.parametrize(
        ("amount", "text"),
        [("1.50", "1.50"), (864000000, "864000000"), (Decimal("2.1E+10"), "2.1E+10")],
    )
    def test_keeps_amount_as_written(self, amount: str | int | Decimal, text: str) -> None:
        """Strings, ints and Decimals become a Decimal with their digits and exponent."""
        assert str(Money(amount, "EUR").amount) == text

    def test_amount_is_decimal(self) -> None:
        """The amount is a plain Decimal."""
        assert type(Money("1", "EUR").amount) is Decimal

    def test_float_refused(self) -> None:
        """A float amount is a TypeError that says to pass a string."""
        with pytest.raises(TypeError, match=r"pass it as a string: '1\.1'"):
            Money(1.1, "EUR")  # type: ignore[arg-type]

    def test_float_refused_by_evolve(self) -> None:
        """attrs.evolve cannot slip a float in either."""
        with pytest.raises(FloatNotAllowedError):
            attrs.evolve(Money("1", "EUR"), amount=1.5)  # type: ignore[arg-type]

    @pytest.mark.parametrize("amount", ["NaN", Decimal("NaN"), Decimal("sNaN"), Decimal("Inf")])
    def test_special_values_refused(self, amount: str | Decimal) -> None:
        """NaN, signalling NaN and infinity are refused."""
        with pytest.raises(ValidationError, match=r"^\$\.amount: "):
            Money(amount, "EUR")

    def test_bool_refused(self) -> None:
        """True is not an amount."""
        with pytest.raises(ValidationError, match="expected a decimal number"):
            Money(amount=True, currency="EUR")

    @pytest.mark.parametrize(
        ("currency", "hint"),
        [
            ("EURO", "did you mean 'EUR'"),
            ("eur ", "did you mean 'EUR'"),
            ("eur", "did you mean 'EUR'"),
            ("ABC", "CLDR knows no such currency"),
            ("XXX", "CLDR knows no such currency"),
            ("", "three upper-case letters"),
        ],
    )
    def test_bad_currency(self, currency: str, hint: str) -> None:
        """Unknown, lower-case or padded codes are refused with a hint."""
        with pytest.raises(ValidationError, match=hint):
            Money("1", currency)

    def test_currency_not_a_string(self) -> None:
        """A non-string currency is refused with its type."""
        with pytest.raises(ValidationError, match=r"\$\.currency: expected an ISO 4217"):
            Money("1", None)  # type: ignore[arg-type]

    def test_frozen_and_hashable(self) -> None:
        """Money is immutable and usable as a dict key."""
        money = Money("1.50", "EUR")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            money.amount = Decimal(2)  # type: ignore[misc]
        assert {money: 1}[Money("1.5", "EUR")] == 1

    def test_repr(self) -> None:
        """The repr is short and evaluates to an equal Money."""
        assert repr(Money("1.50", "EUR")) == "Money('1.50', 'EUR')"

    def test_str(self) -> None:
        """str() gives the code and the amount as written."""
        assert str(Money("2.1E+10", "EUR")) == "EUR 2.1E+10"

    @pytest.mark.parametrize(("currency", "digits"), [("EUR", 2), ("JPY", 0), ("BHD", 3)])
    def test_minor_unit_digits(self, currency: str, digits: int) -> None:
        """Minor-unit digits come from CLDR."""
        assert Money("1", currency).minor_unit_digits == digits

    def test_pickle(self) -> None:
        """Money survives pickling."""
        money = Money("1.50", "EUR")
        assert pickle.loads(pickle.dumps(money)) == money  # noqa: S301  # our own data


class TestArithmetic:
    def test_add(self) -> None:
        """Amounts in one currency add exactly."""
        assert Money("0.10", "EUR") + Money("0.20", "EUR") == Money("0.30", "EUR")

    def test_add_mismatch(self) -> None:
        """Adding two currencies raises an error naming both."""
        with pytest.raises(CurrencyMismatchError, match="cannot add EUR and JPY") as info:
            Money("1", "EUR") + Money("1", "JPY")
        assert info.value.currencies == ("EUR", "JPY")

    def test_mismatch_is_type_error(self) -> None:
        """CurrencyMismatchError is a LifesciPartnersError and a TypeError."""
        assert issubclass(CurrencyMismatchError, LifesciPartnersError)
        assert issubclass(CurrencyMismatchError, TypeError)

    def test_mismatch_pickles(self) -> None:
        """The error keeps its currencies through pickling."""
        err = CurrencyMismatchError("EUR", "JPY", "add")
        assert pickle.loads(pickle.dumps(err)).currencies == ("EUR", "JPY")  # noqa: S301

    def test_subtract_mismatch(self) -> None:
        """Subtracting two currencies raises."""
        with pytest.raises(CurrencyMismatchError, match="subtract"):
            Money("1", "EUR") - Money("1", "USD")

    def test_sum(self) -> None:
        """sum() of several amounts works, and keeps the places."""
        total = sum([Money("1.50", "EUR"), Money("2", "EUR"), Money("0.25", "EUR")])
        assert repr(total) == "Money('3.75', 'EUR')"

    def test_sum_of_mixed_currencies(self) -> None:
        """sum() of mixed currencies raises."""
        with pytest.raises(CurrencyMismatchError):
            sum([Money("1", "EUR"), Money("1", "JPY")])

    def test_only_zero_adds_from_the_left(self) -> None:
        """0 + Money works (for sum()); other numbers do not."""
        with pytest.raises(TypeError):
            5 + Money("1", "EUR")

    def test_neg_pos_and_abs(self) -> None:
        """Negation, unary plus and abs keep the exponent."""
        assert repr(+Money("1.50", "EUR")) == "Money('1.50', 'EUR')"
        assert repr(-Money("1.50", "EUR")) == "Money('-1.50', 'EUR')"
        assert repr(abs(Money("-1.50", "EUR"))) == "Money('1.50', 'EUR')"

    def test_multiply(self) -> None:
        """Multiplication by an int or Decimal is exact, from either side."""
        assert Money("0.10", "EUR") * 3 == Money("0.30", "EUR")
        assert Decimal("0.5") * Money("3", "EUR") == Money("1.5", "EUR")

    def test_multiply_by_float(self) -> None:
        """A float factor is refused with a hint."""
        with pytest.raises(FloatNotAllowedError, match=r"Decimal\('1\.1'\)"):
            Money("1", "EUR") * 1.1  # type: ignore[operator]

    def test_multiply_money_by_money(self) -> None:
        """Money times Money means nothing."""
        with pytest.raises(TypeError):
            Money("1", "EUR") * Money("1", "EUR")  # type: ignore[operator]

    def test_divide_exact(self) -> None:
        """Division with an exact result works."""
        assert repr(Money("10.00", "EUR") / 4) == "Money('2.50', 'EUR')"

    def test_divide_inexact(self) -> None:
        """A division without an exact result is an arithmetic error, without a path."""
        with pytest.raises(InexactResultError, match=r"^EUR 10 / 3 has no exact .* allocate\(\)"):
            Money("10", "EUR") / 3

    def test_divide_inexact_is_still_a_value_error(self) -> None:
        """Callers that caught ValueError before still catch it."""
        with pytest.raises(ValueError, match="allocate"):
            Money("10", "EUR") / 3

    def test_divide_by_zero(self) -> None:
        """Division by zero is a ZeroDivisionError naming the amount."""
        with pytest.raises(ZeroDivisionError, match="EUR 1"):
            Money("1", "EUR") / 0

    def test_divide_by_float(self) -> None:
        """A float divisor is refused."""
        with pytest.raises(FloatNotAllowedError):
            Money("1", "EUR") / 2.0  # type: ignore[operator]

    def test_result_out_of_range(self) -> None:
        """A result of 10**30 or more is an error, not a rounded number."""
        big = Money("9" * 30, "EUR")
        with pytest.raises(ValidationError, match="out of range"):
            big + Money("1", "EUR")

    def test_caller_context_ignored(self) -> None:
        """A caller's low decimal precision does not round results."""
        with decimal.localcontext() as ctx:
            ctx.prec = 2
            total = Money("123456.78", "EUR") + Money("0.01", "EUR")
            negated = -Money("123456.78", "EUR")
        assert (total.amount, negated.amount) == (Decimal("123456.79"), Decimal("-123456.78"))

    @given(lst.money(EUR), lst.money(EUR))
    def test_add_commutes(self, a: Money, b: Money) -> None:
        """Addition commutes: a + b == b + a."""
        assert a + b == b + a

    @given(lst.money(EUR), lst.money(EUR), lst.money(EUR))
    def test_add_associates(self, a: Money, b: Money, c: Money) -> None:
        """(a + b) + c == a + (b + c), exactly."""
        assert (a + b) + c == a + (b + c)

    @given(lst.money(EUR), lst.money(EUR))
    def test_subtract_is_add_negated(self, a: Money, b: Money) -> None:
        """Subtraction is adding the negation: a - b == a + (-b), and (a - b) + b == a."""
        assert a - b == a + (-b)
        assert (a - b) + b == a

    @given(lst.money())
    def test_zero_is_neutral(self, a: Money) -> None:
        """sum([a]) is a, and a + (-a) is zero."""
        assert sum([a]) == a
        assert (a + -a).amount == 0

    @given(lst.money(EUR), lst.money(EUR), factors)
    def test_multiply_distributes(self, a: Money, b: Money, k: int | Decimal) -> None:
        """(a + b) * k == a * k + b * k, exactly."""
        assert (a + b) * k == a * k + b * k

    @given(lst.money(), factors)
    def test_multiply_then_divide(self, a: Money, k: int | Decimal) -> None:
        """(a * k) / k == a for any non-zero k."""
        assume(k != 0)
        assert (a * k) / k == a

    @given(lst.money(), lst.money())
    def test_equality_across_currencies(self, a: Money, b: Money) -> None:
        """Amounts in different currencies are never equal; equal amounts hash equally."""
        if a.currency != b.currency:
            assert a != b
        elif a == b:
            assert hash(a) == hash(b)


class TestOrdering:
    def test_order_within_currency(self) -> None:
        """Amounts in one currency order by value."""
        assert Money("1.5", "EUR") < Money("2", "EUR") <= Money("2.00", "EUR")

    @pytest.mark.parametrize("op", [operator.lt, operator.le, operator.gt, operator.ge])
    def test_order_across_currencies(self, op: Callable[[Money, Money], bool]) -> None:
        """Ordering two currencies raises, whatever the operator."""
        with pytest.raises(CurrencyMismatchError, match="cannot compare EUR and JPY"):
            op(Money("1", "EUR"), Money("1", "JPY"))

    def test_equality_across_currencies_is_false(self) -> None:
        """== between currencies is simply False."""
        assert Money("1", "EUR") != Money("1", "USD")

    def test_not_equal_to_numbers(self) -> None:
        """Money is never equal to a bare number."""
        assert Money("1", "EUR") != 1  # type: ignore[comparison-overlap]

    def test_order_against_number(self) -> None:
        """Money cannot be ordered against a bare number."""
        with pytest.raises(TypeError):
            Money("1", "EUR") < 1  # type: ignore[operator]  # noqa: B015

    @given(st.lists(lst.money(EUR), min_size=1, max_size=10))
    def test_sorted_by_amount(self, items: list[Money]) -> None:
        """Sorting amounts sorts them by value."""
        assert [m.amount for m in sorted(items)] == sorted(m.amount for m in items)


class TestQuantize:
    @pytest.mark.parametrize(
        ("amount", "currency", "rounding", "expected"),
        [
            ("2.345", "EUR", decimal.ROUND_HALF_EVEN, "2.34"),
            ("2.345", "EUR", decimal.ROUND_HALF_UP, "2.35"),
            ("2.5", "JPY", decimal.ROUND_HALF_EVEN, "2"),
            ("2.5", "JPY", decimal.ROUND_HALF_UP, "3"),
            ("1.2345", "BHD", decimal.ROUND_HALF_EVEN, "1.234"),
            ("2.1E+10", "EUR", decimal.ROUND_HALF_EVEN, "21000000000.00"),
        ],
    )
    def test_examples(self, amount: str, currency: str, rounding: str, expected: str) -> None:
        """Amounts round to the minor unit with the chosen mode."""
        assert str(Money(amount, currency).quantize(rounding).amount) == expected

    def test_bad_rounding(self) -> None:
        """A rounding mode that decimal does not know is refused."""
        with pytest.raises(ValidationError, match="not a rounding mode"):
            Money("1", "EUR").quantize("up")

    @given(lst.money(), st.sampled_from([decimal.ROUND_HALF_EVEN, decimal.ROUND_HALF_UP]))
    def test_within_half_a_unit(self, money: Money, rounding: str) -> None:
        """Rounding half-way moves an amount by at most half a minor unit, and is idempotent."""
        rounded = money.quantize(rounding)
        unit = Decimal(1).scaleb(-money.minor_unit_digits)
        assert rounded.amount.as_tuple().exponent == -money.minor_unit_digits
        assert abs(rounded.amount - money.amount) * 2 <= unit
        assert rounded.quantize(rounding) == rounded


class TestAllocate:
    def test_fowler_example(self) -> None:
        """EUR 0.05 split 70/30 gives 0.04 and 0.01."""
        assert Money("0.05", "EUR").allocate([70, 30]) == (
            Money("0.04", "EUR"),
            Money("0.01", "EUR"),
        )

    def test_parts_keep_minor_unit_exponent(self) -> None:
        """Parts are written in minor units."""
        parts = Money("10", "EUR").allocate([1, 2])
        assert [str(p.amount) for p in parts] == ["3.33", "6.67"]

    def test_negative_amount(self) -> None:
        """A negative amount splits like its absolute value, negated."""
        parts = Money("-0.05", "EUR").allocate([70, 30])
        assert parts == (Money("-0.04", "EUR"), Money("-0.01", "EUR"))

    def test_zero_ratio_gets_nothing(self) -> None:
        """A zero ratio gets a zero part."""
        assert Money("1", "JPY").allocate([0, 1, 1])[0] == Money("0", "JPY")

    def test_decimal_ratios(self) -> None:
        """Decimal ratios work like their exact values."""
        parts = Money("100", "JPY").allocate([Decimal("0.5"), Decimal("0.25"), Decimal("0.25")])
        assert [p.amount for p in parts] == [50, 25, 25]

    def test_needs_whole_minor_units(self) -> None:
        """An amount finer than the minor unit must be rounded first."""
        with pytest.raises(ValidationError, match="quantize"):
            Money("0.005", "EUR").allocate([1, 1])

    @pytest.mark.parametrize("ratios", [[], [0, 0]])
    def test_needs_a_positive_ratio(self, ratios: list[int]) -> None:
        """At least one ratio must be positive."""
        with pytest.raises(ValidationError, match="at least one positive ratio"):
            Money("1", "EUR").allocate(ratios)

    def test_ratio_as_text(self) -> None:
        """A ratio given as text is a TypeError and a ValidationError with its index and the fix."""
        with pytest.raises(WrongTypeValidationError) as caught:
            Money("1", "EUR").allocate([2, _any("0.5")])
        assert caught.value.errors == (
            "$[1]: expected a ratio as an int or Decimal, got str '0.5'; use Decimal('0.5')",
        )

    def test_negative_ratio(self) -> None:
        """Negative ratios are refused with their index."""
        with pytest.raises(ValidationError, match=r"\$\[1\]: a ratio cannot be negative"):
            Money("1", "EUR").allocate([2, -1])

    def test_float_ratio(self) -> None:
        """Float ratios are refused."""
        with pytest.raises(FloatNotAllowedError):
            Money("1", "EUR").allocate([0.7, 0.3])  # type: ignore[list-item]

    def test_huge_decimal_ratio(self) -> None:
        """A ratio far out of range is refused, not expanded."""
        with pytest.raises(ValidationError, match="too large"):
            Money("1", "EUR").allocate([Decimal("1e999999"), 1])

    @given(lst.money(whole_minor_units=True), ratio_lists)
    def test_parts_sum_to_the_whole(self, money: Money, ratios: list[int | Decimal]) -> None:
        """The parts add up to exactly the original amount."""
        assert sum(money.allocate(ratios)) == money

    @given(lst.money(whole_minor_units=True), ratio_lists)
    def test_parts_within_one_unit(self, money: Money, ratios: list[int | Decimal]) -> None:
        """Each part is within one minor unit of its exact share, and in minor units."""
        unit = Fraction(1, 10**money.minor_unit_digits)
        total = sum(Fraction(r) for r in ratios)
        for part, ratio in zip(money.allocate(ratios), ratios, strict=True):
            exact = Fraction(money.amount) * Fraction(ratio) / total
            assert abs(Fraction(part.amount) - exact) < unit
            assert part.amount.as_tuple().exponent == -money.minor_unit_digits


def _any(value: object) -> Any:
    """``value``, typed as anything, to pass where the types say it is wrong."""
    return value
