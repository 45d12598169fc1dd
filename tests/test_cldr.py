"""Tests for the prepared babel patterns: the same text as babel, for every input."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal

import pytest
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, get_currency_precision
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners._text._cldr import currency_formatter, date_formatter, wide_context

# Ours, and locales with other separators, grouping (en_IN: 12,34,567), symbols and scripts.
LOCALES = (
    "en",
    "fr",
    "ja",
    "de",
    "es",
    "en_IN",
    "de_CH",
    "fr_CH",
    "ar",
    "fa",
    "he",
    "zh_Hant",
    "sv",
    "pt_BR",
    "nl",
    "ko",
)
CURRENCIES = ("EUR", "USD", "JPY", "GBP", "CHF", "KWD", "CLF", "INR", "BHD", "ISK", "XXX", "CNY")


def _minor_units(code: str) -> st.SearchStrategy[Decimal]:
    digits = get_currency_precision(code)
    return st.integers(min_value=-(10**20), max_value=10**20).map(
        lambda n: Decimal(n).scaleb(-digits)
    )


long_amounts = st.builds(
    lambda digits, places, negative: (
        Decimal(digits).scaleb(-places).copy_negate()
        if negative
        else Decimal(digits).scaleb(-places)
    ),
    st.integers(min_value=0, max_value=10**60 - 1),
    st.integers(min_value=0, max_value=30),
    st.booleans(),
)
money = st.sampled_from(CURRENCIES).flatmap(
    lambda code: st.tuples(st.just(code), _minor_units(code))
)


class TestCurrencyFormatter:
    @given(money, st.sampled_from(LOCALES))
    def test_equals_babel(self, code_amount: tuple[str, Decimal], locale: str) -> None:
        """For amounts in the currency's minor units, the text is babel's format_currency."""
        code, amount = code_amount
        loc = Locale.parse(locale)
        expected = format_currency(amount, code, locale=loc)
        assert currency_formatter(loc, code)(amount) == expected

    @given(long_amounts, st.sampled_from(CURRENCIES), st.sampled_from(LOCALES))
    def test_never_rounds(self, amount: Decimal, code: str, locale: str) -> None:
        """Any amount a model holds (30 + 30 digits) gives babel's unquantized text, every digit."""
        loc = Locale.parse(locale)
        with decimal.localcontext(wide_context()):
            expected = format_currency(amount, code, locale=loc, decimal_quantization=False)
        assert currency_formatter(loc, code)(amount) == expected

    def test_long_amount_in_a_narrow_context(self) -> None:
        """A program's narrow decimal context changes nothing: 40 digits stay 40 digits."""
        amount = Decimal("123456789012345678901234567890.1234567891")
        with decimal.localcontext() as context:
            context.prec = 6
            text = currency_formatter(Locale.parse("en"), "EUR")(amount)
        assert text == "€123,456,789,012,345,678,901,234,567,890.1234567891"

    def test_extra_digits_shown(self) -> None:
        """An amount finer than the minor unit shows every digit (babel would round to ¥2)."""
        assert currency_formatter(Locale.parse("en"), "JPY")(Decimal("1.5")) == "¥1.5"


class TestDateFormatter:
    @given(
        st.dates(),
        st.sampled_from(["full", "long", "medium", "short", "EEEE d MMMM y G", "dd.MM.yy"]),
        st.sampled_from(LOCALES),
    )
    def test_equals_babel(self, day: dt.date, format: str, locale: str) -> None:  # noqa: A002
        """Every date gives babel's format_date text, for every format and locale."""
        loc = Locale.parse(locale)
        assert date_formatter(loc, format)(day) == format_date(day, format, locale=loc)

    @pytest.mark.parametrize("pattern", ["D", "w", "Q"])
    def test_other_fields_through_babel(self, pattern: str) -> None:
        """Fields that depend on the whole date (day of year, week, quarter) are babel's."""
        loc = Locale.parse("en")
        day = dt.date(2020, 2, 5)
        assert date_formatter(loc, pattern)(day) == format_date(day, pattern, locale=loc)

    def test_datetime_is_its_date(self) -> None:
        """A datetime is formatted as its date, as babel does."""
        loc = Locale.parse("en")
        assert (
            date_formatter(loc, "long")(dt.datetime(2020, 2, 5, 23, 59, tzinfo=dt.timezone.utc))
            == "February 5, 2020"
        )
