"""Tests for compact numbers: CLDR's patterns without babel's rounding away of digits."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import parse_decimal
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners._text._compact import compact, round_significant

LOCALES = ("en", "fr", "ja", "de", "es", "en_IN", "de_CH", "zh_Hans", "ko", "pt_BR")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _half_unit_at_third_digit(value: Decimal) -> Decimal:
    return Decimal(5).scaleb(value.adjusted() - 3)


def parse_back(
    text: str, locale: Locale, patterns: dict[str, dict[str, object]], currency: str = "EUR"
) -> Decimal:
    """Read a compact text back into the number it stands for, from the locale's own patterns.

    The number in the text is parsed with babel; what surrounds it tells the power of ten.
    """
    match = _NUMBER.search(text)
    assert match is not None, text
    shape = text[: match.start()] + "#" + text[match.end() :]
    for by_size in patterns.values():
        for size, pattern in by_size.items():
            sample = pattern.apply(  # type: ignore[attr-defined]
                Decimal(123), locale, currency=currency, currency_digits=False
            )
            if sample.replace("123", "#", 1) == shape:
                zeros = pattern.pattern.count("0")  # type: ignore[attr-defined]
                shift = len(size) - zeros
                return parse_decimal(match.group(), locale=locale).scaleb(shift)
    pytest.fail(f"no pattern of {locale} makes {text!r}")


amounts = st.one_of(
    st.integers(min_value=1, max_value=10**18).map(Decimal),
    st.decimals(min_value=1, max_value=10**15, places=2, allow_nan=False, allow_infinity=False),
    # Few significant digits: these must come back exactly.
    st.builds(
        lambda digits, exponent: Decimal(digits).scaleb(exponent),
        st.integers(min_value=1, max_value=999),
        st.integers(min_value=0, max_value=15),
    ),
)


class TestRoundSignificant:
    @given(amounts)
    def test_within_half_a_unit(self, value: Decimal) -> None:
        """Rounding to three significant digits moves a number by at most half a unit there."""
        assert abs(round_significant(value) - value) <= _half_unit_at_third_digit(value)

    @given(st.integers(min_value=1, max_value=999), st.integers(min_value=-5, max_value=20))
    def test_few_digits_untouched(self, digits: int, exponent: int) -> None:
        """A number with three significant digits or fewer is returned unchanged."""
        value = Decimal(digits).scaleb(exponent)
        assert round_significant(value) == value

    def test_zero(self) -> None:
        """Zero stays zero."""
        assert round_significant(Decimal(0)) == 0


class TestCompact:
    @pytest.mark.parametrize(
        ("locale", "value", "style", "expected"),
        [
            ("ja", "864000000", "short", "8.64億"),
            ("en", "1500000", "short", "1.5M"),
            ("en", "999999", "short", "1M"),
            ("en", "864000000", "long", "864 million"),
            ("fr", "1500000", "long", "1,5 million"),
            ("fr", "21000000000", "long", "21 milliards"),
            ("de", "864000000", "long", "864 Millionen"),
            ("ja", "21000000000", "long", "210億"),
            ("en", "1234567", "short", "1.23M"),
        ],
    )
    def test_examples(self, locale: str, value: str, style: str, expected: str) -> None:
        """CLDR's words with every significant digit up to three (babel alone gives 9億, 2M)."""
        loc = Locale.parse(locale)
        found = compact(Decimal(value), loc, loc.compact_decimal_formats[style])
        assert found is not None
        assert found.text == expected

    @pytest.mark.parametrize(("locale", "value"), [("en", "999"), ("ja", "9990"), ("de", "5000")])
    def test_too_small(self, locale: str, value: str) -> None:
        """Below the first compact size of the locale there is no compact form."""
        loc = Locale.parse(locale)
        assert compact(Decimal(value), loc, loc.compact_decimal_formats["short"]) is None

    @given(amounts, st.sampled_from(LOCALES), st.sampled_from(["short", "long"]))
    def test_parsed_back_within_rounding(self, value: Decimal, locale: str, style: str) -> None:
        """Compact text read back differs from the number by at most rounding at the 3rd digit."""
        loc = Locale.parse(locale)
        patterns = loc.compact_decimal_formats[style]
        found = compact(value, loc, patterns)
        if found is None:
            return
        back = parse_back(found.text, loc, patterns)
        assert back == found.value
        assert abs(back - value) <= _half_unit_at_third_digit(value)
        if round_significant(value) == value:
            assert back == value

    @given(amounts, st.sampled_from(LOCALES))
    def test_currency_parsed_back(self, value: Decimal, locale: str) -> None:
        """Compact currency text read back also keeps three significant digits."""
        loc = Locale.parse(locale)
        patterns = loc.compact_currency_formats["short"]
        found = compact(value, loc, patterns, currency="EUR")
        if found is None:
            return
        back = parse_back(found.text, loc, patterns)
        assert abs(back - value) <= _half_unit_at_third_digit(value)
