"""Tests for ExchangeRate, ExchangeRates and Conversion."""

from __future__ import annotations

import datetime as dt
import decimal
import math
import pickle
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    Conversion,
    ExchangeRate,
    ExchangeRates,
    FloatNotAllowedError,
    Money,
    NotFoundError,
    RateNotFoundError,
    ValidationError,
    WrongTypeError,
)
from lifesci_partners import strategies as lst

D = dt.date
DAY = D(2020, 2, 5)
TEN_DAYS = st.dates(D(2020, 2, 1), D(2020, 2, 10))


def rate(base: str, quote: str, value: str, on: dt.date = DAY, source: str = "ECB") -> ExchangeRate:
    return ExchangeRate(base, quote, value, on, source)


def half_even(value: Fraction, digits: int) -> Decimal:
    """Round an exact fraction half to even at ``digits`` places (a reference implementation)."""
    scaled = value * 10**digits
    floor = math.floor(scaled)
    rest = scaled - floor
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and floor % 2):
        floor += 1
    return Decimal(floor).scaleb(-digits)


class TestExchangeRate:
    def test_fields(self) -> None:
        """A rate keeps its pair, exact rate, day and source."""
        r = rate("EUR", "JPY", "120.85")
        assert (r.pair, str(r.rate), r.on, r.source) == ("EUR/JPY", "120.85", DAY, "ECB")

    def test_float_rate_refused(self) -> None:
        """A float rate is a TypeError that says to pass a string."""
        with pytest.raises(FloatNotAllowedError, match="pass it as a string"):
            ExchangeRate("EUR", "JPY", 120.85, DAY, "ECB")  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", ["0", "-1.5"])
    def test_rate_must_be_positive(self, value: str) -> None:
        """Zero and negative rates are refused."""
        with pytest.raises(ValidationError, match=r"\$\.rate: an exchange rate must be positive"):
            rate("EUR", "JPY", value)

    def test_same_currency_refused(self) -> None:
        """A rate needs two different currencies."""
        with pytest.raises(ValidationError, match="EUR twice"):
            rate("EUR", "EUR", "1")

    def test_unknown_currency(self) -> None:
        """Both codes are checked, each at its own path."""
        with pytest.raises(ValidationError, match=r"\$\.quote: 'YEN'"):
            rate("EUR", "YEN", "1")

    def test_blank_source(self) -> None:
        """A rate needs a source."""
        with pytest.raises(ValidationError, match=r"\$\.source: must not be empty"):
            rate("EUR", "JPY", "1", source=" ")

    def test_datetime_is_not_a_day(self) -> None:
        """A datetime is refused as the day."""
        with pytest.raises(ValidationError, match=r"\$\.on: expected a date"):
            ExchangeRate("EUR", "JPY", "1", dt.datetime(2020, 2, 5, tzinfo=dt.timezone.utc), "x")


class TestExchangeRates:
    def test_duplicate_refused(self) -> None:
        """Two rates for one pair and day are refused, with both paths."""
        with pytest.raises(ValidationError, match=r"\$\.rates\[1\]: a second EUR/JPY .*rates\[0\]"):
            ExchangeRates([rate("EUR", "JPY", "120"), rate("EUR", "JPY", "121")])

    def test_opposite_pairs_are_separate(self) -> None:
        """EUR/JPY and JPY/EUR on one day may both be given."""
        table = ExchangeRates([rate("EUR", "JPY", "120"), rate("JPY", "EUR", "0.0083")])
        assert len(table) == 2

    def test_iterates_in_given_order(self) -> None:
        """Iterating gives the rates as they were given."""
        rates = [rate("EUR", "JPY", "121", D(2020, 2, 6)), rate("EUR", "JPY", "120")]
        assert list(ExchangeRates(rates)) == rates

    def test_accepts_any_iterable(self) -> None:
        """A generator of rates is accepted and stored as a tuple."""
        table = ExchangeRates(r for r in [rate("EUR", "JPY", "120")])
        assert isinstance(table.rates, tuple)

    def test_not_a_rate(self) -> None:
        """Something that is not a rate is refused at its index."""
        with pytest.raises(ValidationError, match=r"\$\.rates\[0\]: expected ExchangeRate"):
            ExchangeRates(["EUR/JPY 120"])  # type: ignore[list-item]

    def test_equality_ignores_index(self) -> None:
        """Two tables with the same rates are equal, and hash equally."""
        a = ExchangeRates([rate("EUR", "JPY", "120")])
        b = ExchangeRates([rate("EUR", "JPY", "120")])
        assert a == b
        assert hash(a) == hash(b)


class TestConvert:
    table = ExchangeRates(
        [
            rate("EUR", "JPY", "120.85", D(2020, 2, 5)),
            rate("EUR", "JPY", "121.10", D(2020, 2, 7)),
            rate("USD", "EUR", "0.9", D(2020, 2, 5)),
        ]
    )

    def test_direct_rate_of_the_day(self) -> None:
        """The rate of the day converts, and the result says which rate it used."""
        result = self.table.convert(Money("864000000", "EUR"), "JPY", on=D(2020, 2, 5))
        assert result == Conversion(
            original=Money("864000000", "EUR"),
            money=Money("104414400000", "JPY"),
            rate=self.table.rates[0],
        )

    def test_rounded_to_minor_units(self) -> None:
        """The result is rounded once to the target's minor unit, half to even by default."""
        result = self.table.convert(Money("0.5", "USD"), "EUR", on=D(2020, 2, 5))
        assert str(result.money.amount) == "0.45"
        result = self.table.convert(Money("0.05", "USD"), "EUR", on=D(2020, 2, 5))
        assert str(result.money.amount) == "0.04"

    def test_rounding_mode(self) -> None:
        """The rounding mode can be chosen."""
        result = self.table.convert(
            Money("0.05", "USD"), "EUR", on=D(2020, 2, 5), rounding=decimal.ROUND_HALF_UP
        )
        assert str(result.money.amount) == "0.05"

    def test_missing_day(self) -> None:
        """Without a rate for the day, the error names the pair and the day, and the option."""
        with pytest.raises(RateNotFoundError) as info:
            self.table.convert(Money("1", "EUR"), "JPY", on=D(2020, 2, 6))
        assert str(info.value) == (
            "no EUR/JPY exchange rate for 2020-02-06; the latest earlier one is of 2020-02-05: "
            "pass policy='latest_before' to use it"
        )
        assert (info.value.base, info.value.quote, info.value.on) == ("EUR", "JPY", D(2020, 2, 6))

    def test_missing_is_not_found(self) -> None:
        """RateNotFoundError is a NotFoundError, so a LookupError."""
        assert issubclass(RateNotFoundError, NotFoundError)
        assert issubclass(RateNotFoundError, LookupError)

    def test_missing_error_pickles(self) -> None:
        """The error keeps its pair and day through pickling."""
        err = RateNotFoundError("EUR", "JPY", DAY, "hint")
        back = pickle.loads(pickle.dumps(err))  # noqa: S301  # our own data
        assert (back.base, back.quote, back.on, str(back)) == ("EUR", "JPY", DAY, str(err))

    def test_latest_before(self) -> None:
        """With policy='latest_before', the latest earlier rate is used."""
        result = self.table.convert(
            Money("1", "EUR"), "JPY", on=D(2020, 2, 6), policy="latest_before"
        )
        assert result.rate == self.table.rates[0]

    def test_latest_before_prefers_the_day(self) -> None:
        """With policy='latest_before', the day's own rate wins."""
        result = self.table.convert(
            Money("1", "EUR"), "JPY", on=D(2020, 2, 7), policy="latest_before"
        )
        assert result.rate == self.table.rates[1]

    def test_nothing_earlier(self) -> None:
        """Before the first rate, even latest_before finds nothing."""
        with pytest.raises(RateNotFoundError, match=r"for 2020-01-01$"):
            self.table.convert(Money("1", "EUR"), "JPY", on=D(2020, 1, 1), policy="latest_before")

    def test_inverse_only_when_asked(self) -> None:
        """The opposite pair is not used unless asked, and the error says so."""
        with pytest.raises(RateNotFoundError, match="has USD/EUR rates: pass inverse=True"):
            self.table.convert(Money("1", "EUR"), "USD", on=D(2020, 2, 5))

    def test_inverse_when_asked(self) -> None:
        """With inverse=True, the opposite pair is used as 1 / rate, and marked as inverted."""
        result = self.table.convert(Money("9", "EUR"), "USD", on=D(2020, 2, 5), inverse=True)
        assert (result.money, result.rate, result.inverted) == (
            Money("10.00", "USD"),
            self.table.rates[2],
            True,
        )

    def test_unknown_pair(self) -> None:
        """A pair the table never heard of is reported as such."""
        with pytest.raises(RateNotFoundError, match="the table has no GBP/JPY rate at all"):
            self.table.convert(Money("1", "GBP"), "JPY", on=DAY)

    def test_same_currency(self) -> None:
        """Converting to the same currency changes nothing and uses no rate."""
        result = self.table.convert(Money("1.005", "EUR"), "EUR", on=DAY)
        assert (result.money, result.rate) == (Money("1.005", "EUR"), None)

    def test_bad_target(self) -> None:
        """An unknown target currency is refused."""
        with pytest.raises(ValidationError, match=r"\$\.to: 'yen'"):
            self.table.convert(Money("1", "EUR"), "yen", on=DAY)

    def test_bad_policy(self) -> None:
        """An unknown policy is refused."""
        with pytest.raises(ValidationError, match="'on_date' or 'latest_before'"):
            self.table.convert(Money("1", "EUR"), "JPY", on=DAY, policy="nearest")  # type: ignore[arg-type]

    def test_not_money(self) -> None:
        """Only Money converts."""
        with pytest.raises(WrongTypeError, match="expected Money"):
            self.table.convert(Decimal(1), "JPY", on=DAY)  # type: ignore[arg-type]

    def test_day_required_as_date(self) -> None:
        """A day written as text is a WrongTypeError (a TypeError) naming fromisoformat."""
        with pytest.raises(WrongTypeError, match=r"fromisoformat\('2020-02-05'\)$"):
            self.table.convert(Money("1", "EUR"), "JPY", on="2020-02-05")  # type: ignore[arg-type]

    @given(lst.money(["EUR"]), st.sampled_from(["JPY", "BHD", "CLF"]), lst.exchange_rates())
    def test_direct_is_rounded_product(self, money: Money, to: str, r: ExchangeRate) -> None:
        """A direct conversion is the exact product, rounded once, half to even."""
        direct = ExchangeRate("EUR", to, r.rate, r.on, r.source)
        result = ExchangeRates([direct]).convert(money, to, on=r.on)
        digits = result.money.minor_unit_digits
        expected = half_even(Fraction(money.amount) * Fraction(r.rate), digits)
        assert result.money.amount == expected
        assert result.money.amount.as_tuple().exponent == -digits

    @given(lst.money(["JPY"]), st.sampled_from(["EUR", "BHD", "CLF"]), lst.exchange_rates())
    def test_inverse_is_rounded_once(self, money: Money, to: str, r: ExchangeRate) -> None:
        """An inverse conversion is the exact quotient rounded once: no double rounding."""
        inverse = ExchangeRate(to, "JPY", r.rate, r.on, r.source)
        result = ExchangeRates([inverse]).convert(money, to, on=r.on, inverse=True)
        digits = result.money.minor_unit_digits
        expected = half_even(Fraction(money.amount) / Fraction(r.rate), digits)
        assert result.money.amount == expected

    @given(
        lst.exchange_rate_tables(lst.exchange_rates(["EUR", "JPY", "BHD"], days=TEN_DAYS)),
        lst.money(["EUR", "JPY", "BHD"]),
        st.sampled_from(["EUR", "JPY", "BHD"]),
        TEN_DAYS,
    )
    def test_never_converts_without_a_rate(
        self, table: ExchangeRates, money: Money, to: str, on: dt.date
    ) -> None:
        """A conversion either uses a rate of the pair, or raises RateNotFoundError."""
        missing: RateNotFoundError | None = None
        out_of_range: ValidationError | None = None
        try:
            result = table.convert(money, to, on=on, policy="latest_before", inverse=True)
        except RateNotFoundError as exc:
            missing = exc
        except ValidationError as exc:
            out_of_range = exc
        if missing is not None:
            assert (missing.base, missing.quote, missing.on) == (money.currency, to, on)
        elif out_of_range is not None:
            assert "too large" in str(out_of_range)  # a huge amount times a huge rate
        elif result.rate is None:
            assert money.currency == to
        else:
            assert {result.rate.base, result.rate.quote} == {money.currency, to}
            assert result.rate.on <= on
            assert result.rate in table.rates
