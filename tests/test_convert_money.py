"""Tests for the JSON form of Money, exchange rates and figures (their hooks in _json/_hooks.py)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lifesci_partners import (
    Conversion,
    ExchangeRate,
    ExchangeRates,
    Figure,
    Money,
    Qualifier,
    ValidationError,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from lifesci_partners import strategies as lst


def errors_for(data: Any, cls: type) -> tuple[str, ...]:
    with pytest.raises(ValidationError) as info:
        from_dict(data, cls)
    return info.value.errors


def json_errors_for(text: str, cls: type) -> tuple[str, ...]:
    with pytest.raises(ValidationError) as info:
        from_json(text, cls)
    return info.value.errors


class TestRoundTrip:
    @given(lst.money())
    def test_money(self, money: Money) -> None:
        """Money survives JSON with every digit and its exponent."""
        back = from_json(to_json(money), Money)
        assert (back.amount.as_tuple(), back.currency) == (money.amount.as_tuple(), money.currency)

    @given(lst.exchange_rates())
    def test_exchange_rate(self, rate: ExchangeRate) -> None:
        """Rates survive JSON with their exact digits."""
        back = from_json(to_json(rate), ExchangeRate)
        assert back == rate
        assert back.rate.as_tuple() == rate.rate.as_tuple()

    @given(lst.exchange_rate_tables(max_size=4))
    def test_exchange_rate_table(self, table: ExchangeRates) -> None:
        """Tables survive JSON in order."""
        assert from_json(to_json(table), ExchangeRates) == table

    @given(lst.figures())
    def test_figure(self, figure: Figure) -> None:
        """Figures survive JSON, kind included (a count stays a count)."""
        back = from_json(to_json(figure), Figure)
        assert back == figure
        assert type(back.value) is type(figure.value)
        assert str(back.value) == str(figure.value)

    def test_conversion(self) -> None:
        """A conversion can be stored with the rate it used."""
        rate = ExchangeRate("EUR", "JPY", "120.85", dt.date(2020, 2, 5), "ECB")
        conversion = ExchangeRates([rate]).convert(Money("1", "EUR"), "JPY", on=rate.on)
        assert from_json(to_json(conversion), Conversion) == conversion


class TestShapes:
    def test_money(self) -> None:
        """Money is an object with the amount as a string."""
        assert to_dict(Money("864000000", "EUR")) == {"amount": "864000000", "currency": "EUR"}

    @pytest.mark.parametrize("text", ["1.50", "2.1E+10", "-0.00", "1E-7"])
    def test_amount_text_kept(self, text: str) -> None:
        """The amount is written as Python writes the Decimal: digits and exponent kept."""
        data = {"amount": text, "currency": "EUR"}
        assert to_dict(from_dict(data, Money)) == data

    def test_integer_amount_accepted(self) -> None:
        """A JSON integer is accepted as an amount, and written back as a string."""
        money = from_json('{"amount": 864000000, "currency": "EUR"}', Money)
        assert to_dict(money)["amount"] == "864000000"

    def test_decimal_objects_accepted(self) -> None:
        """Data read with json.loads(parse_float=Decimal) keeps its digits."""
        data = json.loads('{"amount": 1.50, "currency": "EUR"}', parse_float=Decimal)
        assert str(from_dict(data, Money).amount) == "1.50"

    @pytest.mark.parametrize(
        ("figure", "value"),
        [
            (Figure(430), 430),
            (Figure(Decimal("12.50")), "12.50"),
            (Figure(Money("1.50", "EUR")), {"amount": "1.50", "currency": "EUR"}),
        ],
    )
    def test_figure_value_kinds(self, figure: Figure, value: object) -> None:
        """A count is a JSON integer, a Decimal a string, Money an object."""
        assert to_dict(figure) == {"value": value}

    def test_figure_defaults_omitted(self) -> None:
        """An exact figure without date or source is just its value."""
        assert to_json(Figure(16)) == '{"value":16}'


class TestFloatsRefused:
    def test_json_float_amount(self) -> None:
        """A JSON number with a fraction is refused with its path, quoted as written."""
        assert json_errors_for('{"amount": 1.50, "currency": "EUR"}', Money) == (
            (
                "$.amount: the JSON number 1.50 is not exact (binary floating point); "
                'write it as a string: "1.50"'
            ),
        )

    def test_json_exponent_amount(self) -> None:
        """A JSON number with an exponent is a float too, and refused."""
        (error,) = json_errors_for('{"amount": 1e3, "currency": "EUR"}', Money)
        assert error.endswith('write it as a string: "1e3"')

    def test_json_float_digits_shown_exactly(self) -> None:
        """The message quotes the number as written, not as a float would round it."""
        (error,) = json_errors_for('{"amount": 0.1000000000000000000001, "currency": "EUR"}', Money)
        assert '"0.1000000000000000000001"' in error

    def test_python_float_amount(self) -> None:
        """A float passed to from_dict is refused with its path and the hint to quote it."""
        assert errors_for({"amount": 0.1, "currency": "EUR"}, Money) == (
            (
                "$.amount: a float (0.1) is not exact (binary floating point); "
                'write it as a string: "0.1"'
            ),
        )

    def test_nested_float(self) -> None:
        """A float deep in a figure is reported at its full path."""
        data = {"value": {"amount": 2.5, "currency": "EUR"}}
        (error,) = errors_for(data, Figure)
        assert error.startswith("$.value.amount: a float (2.5)")

    def test_float_figure_value(self) -> None:
        """A float figure value is refused, with both ways to write it."""
        (error,) = json_errors_for('{"value": 12.5}', Figure)
        assert error == (
            "$.value: the JSON number 12.5 is not exact (binary floating point); "
            'write a decimal number as a string, "12.5", or a count as a whole number'
        )

    def test_float_rate(self) -> None:
        """A float exchange rate is refused."""
        data = {"base": "EUR", "quote": "JPY", "rate": 120.85, "on": "2020-02-05", "source": "x"}
        (error,) = errors_for(data, ExchangeRate)
        assert error.startswith("$.rate: a float (120.85)")

    def test_float_in_table(self) -> None:
        """Floats in a table are each reported at their index."""
        rate = {"base": "EUR", "quote": "JPY", "rate": 1.5, "on": "2020-02-05", "source": "x"}
        errors = errors_for({"rates": [rate, {**rate, "on": "2020-02-06"}]}, ExchangeRates)
        assert [e.split(":")[0] for e in errors] == ["$.rates[0].rate", "$.rates[1].rate"]

    def test_float_upper(self) -> None:
        """A float upper value is refused."""
        (error,) = errors_for({"value": 1, "qualifier": "between", "upper": 2.5}, Figure)
        assert error.startswith("$.upper: a float (2.5)")


class TestStrictInput:
    @pytest.mark.parametrize(
        ("amount", "message"),
        [
            ("NaN", "'NaN' is not a decimal number"),
            ("Infinity", "'Infinity' is not a decimal number"),
            (" 1", "' 1' is not a decimal number"),
            ("1_000", "'1_000' is not a decimal number"),
            ("1e999999", "1E+999999 is too large"),
            ("1e-999999", "has too many decimal places"),
            ("9" * 101, "too long"),
            (10**40, "the whole number is too large"),
            (True, "got a boolean"),
            (None, "got null"),
        ],
    )
    def test_bad_amounts(self, amount: object, message: str) -> None:
        """Bad amounts are refused at their path, saying why, without hanging."""
        (error,) = errors_for({"amount": amount, "currency": "EUR"}, Money)
        assert error.startswith("$.amount: ")
        assert message in error

    def test_bad_currency(self) -> None:
        """A bad currency is reported at its path."""
        (error,) = errors_for({"amount": "1", "currency": "euro"}, Money)
        assert error.startswith("$.currency: 'euro' is not an ISO 4217 currency code")

    def test_unknown_key(self) -> None:
        """Unknown keys are refused."""
        (error,) = errors_for({"amount": "1", "currency": "EUR", "cents": 100}, Money)
        assert error == "$.cents: unknown key; expected only: amount, currency"

    def test_figure_value_string_is_a_decimal(self) -> None:
        """A quoted figure value is a Decimal, not a count."""
        assert from_json('{"value": "430"}', Figure).value == Decimal(430)
        assert type(from_json('{"value": "430"}', Figure).value) is Decimal

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ([1], "got an array"),
            (None, "got null"),
            (True, "got a boolean"),
            ("abc", "'abc' is not a decimal number"),
            (-5, "a count cannot be negative"),
        ],
    )
    def test_bad_figure_values(self, value: object, message: str) -> None:
        """Bad figure values are refused at their path."""
        (error,) = errors_for({"value": value}, Figure)
        assert error.startswith("$.value: ")
        assert message in error

    def test_figure_rule_at_path(self) -> None:
        """A figure's own rule is reported at its field."""
        (error,) = errors_for({"value": 5, "qualifier": "between", "upper": 3}, Figure)
        assert error.startswith("$.upper: must be greater than the value")

    def test_qualifier_values(self) -> None:
        """An unknown qualifier lists the known ones."""
        (error,) = errors_for({"value": 5, "qualifier": "about"}, Figure)
        assert error.startswith("$.qualifier: expected one of 'exact', 'approximately'")

    def test_duplicate_rates_at_path(self) -> None:
        """Two rates for one pair and day are reported at the second one's index."""
        rate = {"base": "EUR", "quote": "JPY", "rate": "120", "on": "2020-02-05", "source": "x"}
        (error,) = errors_for({"rates": [rate, rate]}, ExchangeRates)
        assert error.startswith("$.rates[1]: a second EUR/JPY rate for 2020-02-05")


def number_leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of every number in JSON data, written as a string or as an integer."""
    if isinstance(data, dict):
        return [p for key, item in data.items() for p in number_leaves(item, (*path, key))]
    if isinstance(data, list):
        return [p for i, item in enumerate(data) for p in number_leaves(item, (*path, i))]
    if type(data) is int or (type(data) is str and data.lstrip("-").replace(".", "", 1).isdigit()):
        return [path]
    return []


def with_float_at(data: Any, path: tuple[Any, ...]) -> Any:
    """A deep copy of ``data`` with the number at ``path`` replaced by a float."""
    copy = json.loads(json.dumps(data))
    parent = copy
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = float(parent[path[-1]])
    return copy


class TestNoFloatEntersAnywhere:
    @given(st.data(), lst.figures())
    def test_figures(self, data: st.DataObject, figure: Figure) -> None:
        """Any number in a figure's JSON, as a float, is refused by from_dict and from_json."""
        document = to_dict(figure)
        leaves = number_leaves(document)
        assume(leaves)
        bad = with_float_at(document, data.draw(st.sampled_from(leaves)))
        with pytest.raises(ValidationError, match="not exact"):
            from_dict(bad, Figure)
        with pytest.raises(ValidationError, match="not exact"):
            from_json(json.dumps(bad), Figure)

    @given(st.data(), lst.exchange_rate_tables(max_size=3))
    def test_rate_tables(self, data: st.DataObject, table: ExchangeRates) -> None:
        """Any rate of a table's JSON, given as a float, is refused."""
        document = to_dict(table)
        leaves = number_leaves(document)
        assume(leaves)
        bad = with_float_at(document, data.draw(st.sampled_from(leaves)))
        with pytest.raises(ValidationError, match="not exact"):
            from_json(json.dumps(bad), ExchangeRates)


def test_qualifier_round_trip() -> None:
    """Every qualifier survives JSON."""
    for q in Qualifier:
        figure = Figure(1, q, upper=2 if q is Qualifier.BETWEEN else None)
        assert from_json(to_json(figure), Figure) == figure
