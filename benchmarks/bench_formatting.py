"""Formatting 100,000 amounts and dates: ``Formatter`` against the same babel calls.

Both sides format the same mixed-locale inputs in the same run and must give identical text;
the ratio is printed. Goal: ``Formatter`` at least 3x faster than calling babel directly.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, get_currency_precision

from lifesci_partners import Formatter, Money

N = 100_000
LOCALES = ("en", "fr", "ja", "de")
CURRENCIES = ("EUR", "USD", "JPY", "GBP")
REPEAT = 3


def _inputs(seed: int = 2020) -> list[tuple[str, Money, dt.date]]:
    rng = random.Random(seed)
    first = dt.date(1990, 1, 1).toordinal()
    items = []
    for _ in range(N):
        code = rng.choice(CURRENCIES)
        amount = Decimal(rng.randrange(10**13)).scaleb(-get_currency_precision(code))
        day = dt.date.fromordinal(first + rng.randrange(365 * 60))
        items.append((rng.choice(LOCALES), Money(amount, code), day))
    return items


def _best(run: Callable[[], list[str]]) -> tuple[float, list[str]]:
    best, result = float("inf"), []
    for _ in range(REPEAT):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    """Time both ways, check that the texts are identical, print the ratios."""
    items = _inputs()
    formatters = {tag: Formatter(tag) for tag in LOCALES}
    locales = {tag: Locale.parse(tag) for tag in LOCALES}

    def with_formatter() -> list[str]:
        out = []
        for tag, money, day in items:
            f = formatters[tag]
            out.append(f.money(money))
            out.append(f.date(day))
        return out

    def with_babel_tags() -> list[str]:
        out = []
        for tag, money, day in items:
            out.append(format_currency(money.amount, money.currency, locale=tag))
            out.append(format_date(day, "long", locale=tag))
        return out

    def with_babel_locales() -> list[str]:
        out = []
        for tag, money, day in items:
            locale = locales[tag]
            out.append(format_currency(money.amount, money.currency, locale=locale))
            out.append(format_date(day, "long", locale=locale))
        return out

    ours, ours_text = _best(with_formatter)
    by_tag, tag_text = _best(with_babel_tags)
    by_locale, locale_text = _best(with_babel_locales)
    if not ours_text == tag_text == locale_text:
        msg = "Formatter and babel gave different text"
        raise SystemExit(msg)
    print(f"{N:,} amounts and {N:,} dates in {', '.join(LOCALES)}; identical output")
    print(f"  Formatter                     {ours:8.3f} s")
    print(f"  babel, locale tags            {by_tag:8.3f} s   {by_tag / ours:5.1f}x slower")
    print(f"  babel, parsed Locale objects  {by_locale:8.3f} s   {by_locale / ours:5.1f}x slower")
