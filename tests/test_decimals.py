"""Tests for the exact decimal numbers behind amounts, rates and figures."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import FloatNotAllowedError, ValidationError
from lifesci_partners._decimals import (
    MAX_DECIMAL_PLACES,
    MAX_INTEGER_DIGITS,
    MAX_TEXT_LENGTH,
    check_rounding,
    exact_decimal,
    parse_decimal_text,
)


class TestParseDecimalText:
    @pytest.mark.parametrize("text", ["864000000", "1.50", "2.1E+10", "-0.05", "+3", ".5", "7."])
    def test_keeps_digits_and_exponent(self, text: str) -> None:
        """A number reads to the Decimal that Python reads, exponent included."""
        assert parse_decimal_text(text).as_tuple() == Decimal(text).as_tuple()

    @pytest.mark.parametrize(
        "text", ["NaN", "sNaN", "Infinity", "-inf", " 1", "1 ", "1_000", "١٢٣", "1,5", "", "0x10"]
    )
    def test_refuses_what_decimal_would_accept_or_guess(self, text: str) -> None:
        """Special values, white space, underscores, non-ASCII digits and commas are refused."""
        with pytest.raises(ValueError, match="is not a decimal number"):
            parse_decimal_text(text)

    @pytest.mark.parametrize("text", ["1e999999", "1e30", "-1" + "0" * 30, "0E+30"])
    def test_refuses_huge_numbers(self, text: str) -> None:
        """Numbers of 10**30 or more are refused at once, never expanded."""
        with pytest.raises(ValueError, match="too large"):
            parse_decimal_text(text)

    @pytest.mark.parametrize("text", ["1e-999999", "1e-31", "0." + "0" * 30 + "1", "0E-31"])
    def test_refuses_tiny_exponents(self, text: str) -> None:
        """More than 30 decimal places are refused."""
        with pytest.raises(ValueError, match="too many decimal places"):
            parse_decimal_text(text)

    def test_limits_are_inclusive(self) -> None:
        """30 digits before the point and 30 after it are accepted."""
        text = "9" * MAX_INTEGER_DIGITS + "." + "9" * MAX_DECIMAL_PLACES
        assert str(parse_decimal_text(text)) == text

    def test_refuses_long_text(self) -> None:
        """Text longer than the limit is refused before it is parsed."""
        with pytest.raises(ValueError, match="too long"):
            parse_decimal_text("0" * (MAX_TEXT_LENGTH + 1))

    @given(st.decimals(places=6, min_value=-(10**20), max_value=10**20))
    def test_round_trip_of_str(self, number: Decimal) -> None:
        """str() of an in-range Decimal reads back with the same digits and exponent."""
        assert parse_decimal_text(str(number)).as_tuple() == number.as_tuple()


class TestExactDecimal:
    def test_float_refused_with_hint(self) -> None:
        """A float is a FloatNotAllowedError (a TypeError) that says to pass a string."""
        with pytest.raises(FloatNotAllowedError, match=r"pass it as a string: '0\.1'"):
            exact_decimal(0.1, "amount")

    def test_float_error_is_type_error(self) -> None:
        """FloatNotAllowedError is a TypeError."""
        assert issubclass(FloatNotAllowedError, TypeError)

    @pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity")])
    def test_special_decimals_refused(self, value: Decimal) -> None:
        """NaN, signalling NaN and infinities are refused with the field's path."""
        with pytest.raises(ValidationError, match=r"^\$\.amount: "):
            exact_decimal(value, "amount")

    def test_decimal_from_float_refused(self) -> None:
        """A Decimal built from a float has too many places, and the message says why."""
        with pytest.raises(ValidationError, match="built from a float"):
            exact_decimal(Decimal(0.1), "amount")  # noqa: RUF032  # the point of the test

    def test_huge_int_refused_quickly(self) -> None:
        """An int far out of range is refused by its size, before any conversion."""
        with pytest.raises(ValidationError, match="too large"):
            exact_decimal(10**100_000, "amount")

    @pytest.mark.parametrize("value", [True, None, [1], b"1"])
    def test_other_types_refused(self, value: object) -> None:
        """Booleans, None and other objects are refused."""
        with pytest.raises(ValidationError, match="expected a decimal number"):
            exact_decimal(value, "amount")

    def test_context_independent(self) -> None:
        """A caller's low decimal precision does not change what is accepted."""
        with decimal.localcontext() as ctx:
            ctx.prec = 3
            assert exact_decimal("123456.789", "amount") == Decimal("123456.789")


class TestCheckRounding:
    def test_accepts_decimal_modes(self) -> None:
        """Every rounding mode of the decimal module is accepted."""
        assert check_rounding(decimal.ROUND_HALF_UP) == decimal.ROUND_HALF_UP

    def test_refuses_others(self) -> None:
        """An unknown mode is refused, listing the modes."""
        with pytest.raises(ValidationError, match=r"decimal\.ROUND_HALF_EVEN"):
            check_rounding("HALF_UP")
