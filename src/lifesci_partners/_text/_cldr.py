"""Babel's currency and date patterns, prepared once so that each call is cheap.

``babel.numbers.format_currency`` and ``babel.dates.format_date`` look the locale up, parse the
pattern and fetch every symbol or month name on every call. The functions here do that work once
per locale and currency (or date format) and return a small function that gives the same text
as babel for every input; the tests check that equality as a property. Whatever a prepared
function does not cover (unusual patterns, grouping other than by thousands) is passed to babel
unchanged, so the output never differs.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
from collections.abc import Callable
from decimal import Decimal

from babel import Locale
from babel.dates import DateTimeFormat, get_date_format, tokenize_pattern
from babel.numbers import (
    format_currency,
    get_currency_precision,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
)

__all__ = ["currency_formatter", "date_formatter", "wide_context"]

# Longer numbers go to babel in a wide decimal context, where its arithmetic stays exact.
_SAFE_DIGITS = 26
_WIDE_PRECISION = 200
_THOUSANDS = (3, 3)


def wide_context() -> decimal.Context:
    """A decimal context in which babel formats any amount a model holds, without rounding.

    Babel computes in the caller's context, whose 28 digits (or fewer, if a program changed
    them) would round a long amount or make babel raise ``InvalidOperation``.
    """
    context = decimal.Context(prec=_WIDE_PRECISION, rounding=decimal.ROUND_HALF_EVEN)
    context.traps[decimal.Inexact] = False
    return context


def _babel_currency(locale: Locale, currency: str) -> Callable[[Decimal], str]:
    def format_with_babel(amount: Decimal) -> str:
        with decimal.localcontext(wide_context()):
            return format_currency(amount, currency, locale=locale, decimal_quantization=False)

    return format_with_babel


def currency_formatter(locale: Locale, currency: str) -> Callable[[Decimal], str]:
    """A function equal to ``format_currency(amount, currency, locale=locale, ...)``.

    The amount is never rounded (babel's ``decimal_quantization=False``): an amount with more
    fraction digits than the currency uses shows them all, and one with fewer is padded to the
    currency's digits (``€5.00``, ``¥5``).
    """
    pattern = locale.currency_formats["standard"]
    affixes = "".join(pattern.prefix + pattern.suffix)
    if (
        pattern.grouping != _THOUSANDS
        or pattern.scale
        or pattern.exp_prec
        or "@" in pattern.pattern
        or "'" in affixes
        or "¤¤¤" in affixes
        or pattern.int_prec[0] != 1
        or pattern.number_pattern == ""
    ):
        return _babel_currency(locale, currency)
    symbol = get_currency_symbol(currency, locale)
    group, decimal_point = get_group_symbol(locale), get_decimal_symbol(locale)
    if "'" in symbol + group + decimal_point:
        # babel removes quotes from its whole result, separators included (de_CH: 1'000 -> 1000)
        return _babel_currency(locale, currency)

    def affix(text: str) -> str:
        return text.replace("¤¤", currency.upper()).replace("¤", symbol)

    positive = (affix(pattern.prefix[0]), affix(pattern.suffix[0]))
    negative = (affix(pattern.prefix[1]), affix(pattern.suffix[1]))
    digits = get_currency_precision(currency)
    by_babel = _babel_currency(locale, currency)
    plain = group == "," and decimal_point == "."
    separators = str.maketrans({",": group, ".": decimal_point})

    def format_amount(amount: Decimal) -> str:
        if not isinstance(amount, Decimal):
            return by_babel(amount)
        sign, figures, exponent = amount.as_tuple()
        if not isinstance(exponent, int) or len(figures) > _SAFE_DIGITS:
            return by_babel(amount)  # NaN, infinity, or too long for Decimal's usual context
        if -exponent <= digits:
            places = digits
        else:  # more fraction digits than the currency has: show them all but trailing zeros
            normal = amount.normalize().as_tuple().exponent
            places = max(digits, -normal)  # type: ignore[operator]  # finite
        if len(figures) + exponent + places > _SAFE_DIGITS:
            return by_babel(amount)
        prefix, suffix = negative if sign else positive
        number = f"{amount.copy_abs():,.{places}f}"
        if not plain:
            number = number.translate(separators)
        return prefix + number + suffix

    return format_amount


_MONTHS = range(1, 13)
_DAYS = range(1, 32)
_A_MONDAY = dt.date(2024, 1, 1)


def _field(locale: Locale, name: str) -> Callable[[dt.date], str] | None:
    """A fast getter for one date field, from tables that babel fills; ``None`` if unsupported."""
    char = name[0]

    def by_babel(day: dt.date) -> str:
        return DateTimeFormat(day, locale)[name]

    if char == "y":
        years: dict[int, str] = {}

        def year(day: dt.date) -> str:
            text = years.get(day.year)
            if text is None:
                text = years[day.year] = by_babel(day)
            return text

        return year
    if char in {"M", "L"}:
        months = {m: by_babel(dt.date(2001, m, 1)) for m in _MONTHS}
        return lambda day: months[day.month]
    if char == "d":
        days = {d: by_babel(dt.date(2001, 1, d)) for d in _DAYS}
        return lambda day: days[day.day]
    if char in {"E", "e", "c"}:
        names = [by_babel(_A_MONDAY + dt.timedelta(days=k)) for k in range(7)]
        return lambda day: names[day.weekday()]
    if char == "G":  # the era of every datetime.date is AD
        era = by_babel(_A_MONDAY)
        return lambda _day: era
    return None


def _by_babel(locale: Locale, name: str, day: dt.date) -> str:
    return DateTimeFormat(day, locale)[name]


def date_formatter(locale: Locale, format: str) -> Callable[[dt.date], str]:  # noqa: A002  # babel's name
    """A function equal to ``babel.dates.format_date(day, format, locale=locale)``.

    ``format`` is ``"full"``, ``"long"``, ``"medium"``, ``"short"`` or a CLDR date pattern.
    """
    if format in {"full", "long", "medium", "short"}:
        pattern = get_date_format(format, locale=locale).pattern  # type: ignore[arg-type]  # checked
    else:
        pattern = format
    template: list[str] = []
    getters: list[Callable[[dt.date], str]] = []
    for _kind, value in tokenize_pattern(pattern):
        if isinstance(value, str):  # literal text between fields
            template.append(value.replace("%", "%%"))
            continue
        name = value[0] * value[1]
        getter = _field(locale, name)
        if getter is None:  # a field that depends on more than one part of the date
            getter = functools.partial(_by_babel, locale, name)
        template.append("%s")
        getters.append(getter)
    text = "".join(template)

    def format_day(day: dt.date) -> str:
        if isinstance(day, dt.datetime):
            day = day.date()
        return text % tuple([getter(day) for getter in getters])

    return format_day
