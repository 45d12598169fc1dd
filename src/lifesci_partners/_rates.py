"""Exchange rates: dated, sourced rates, a table of them, and explicit conversions."""

from __future__ import annotations

import bisect
import datetime as dt
import decimal
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, Literal

import attrs

from lifesci_partners._arguments import a_date
from lifesci_partners._decimals import EXACT, ROUNDING, check_rounding, exact_decimal
from lifesci_partners._free_text import one_line
from lifesci_partners._money import Money, check_currency, minor_unit_digits
from lifesci_partners._shown import kind_of
from lifesci_partners._validate import as_tuple, date_value, instance_of, optional, rule, tuple_of
from lifesci_partners.exceptions import RateNotFoundError, ValidationError, WrongTypeError

__all__ = ["Conversion", "ExchangeRate", "ExchangeRates", "RatePolicy"]

RatePolicy = Literal["on_date", "latest_before"]
"""Which rate :meth:`ExchangeRates.convert` may use: only the date's, or the latest up to it."""

_POLICIES: tuple[RatePolicy, ...] = ("on_date", "latest_before")

# A quotient rounded toward zero with a sticky last digit (ROUND_05UP) at this precision, then
# rounded once to the minor unit, is rounded correctly: no double rounding.
_QUOTIENT = decimal.Context(
    prec=EXACT.prec,
    rounding=decimal.ROUND_05UP,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def _to_rate(value: str | int | Decimal) -> Decimal:
    return exact_decimal(value, "rate")


@rule({})  # above zero: the pattern of a decimal string cannot say it
def _positive(_instance: object, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if value <= 0:
        msg = f"$.{attribute.name}: an exchange rate must be positive, got {value}"
        raise ValidationError([msg])


@rule({"type": "string", "pattern": "^[A-Z]{3}$"})  # CLDR decides which codes exist
def _currency(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_currency(value, f"$.{attribute.name}")


@attrs.frozen
class ExchangeRate:
    """One unit of ``base`` is worth ``rate`` units of ``quote``, on a given day, per a source.

    Args:
        base: The currency converted from (``"EUR"``).
        quote: The currency converted to (``"JPY"``).
        rate: How many ``quote`` units one ``base`` unit buys: a positive ``str``, ``int`` or
            ``Decimal``, never a ``float``.
        on: The day the rate applies to.
        source: Where the rate comes from: a citation or a URL.

    Raises:
        FloatNotAllowedValidationError: ``rate`` is a ``float`` (a ``FloatNotAllowedError``).
        WrongTypeValidationError: A field is of another wrong type.
        ValidationError: A currency is unknown, both are the same, the rate is not positive,
            or the source is blank.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import ExchangeRate
        >>> rate = ExchangeRate("EUR", "JPY", "120.85", dt.date(2020, 2, 5), "ECB")
        >>> rate.pair, rate.rate
        ('EUR/JPY', Decimal('120.85'))

    .. versionadded:: 0.1.0
    """

    base: str = attrs.field(validator=_currency)
    quote: str = attrs.field(validator=_currency)
    rate: Decimal = attrs.field(converter=_to_rate, validator=_positive)
    on: dt.date = attrs.field(validator=date_value)
    source: str = attrs.field(validator=one_line)

    def __attrs_post_init__(self) -> None:
        if self.base == self.quote:
            msg = f"$.quote: a rate converts between two currencies, got {self.base} twice"
            raise ValidationError([msg])

    @property
    def pair(self) -> str:
        """The pair as ``"BASE/QUOTE"``, such as ``"EUR/JPY"``."""
        return f"{self.base}/{self.quote}"


def _to_rates(items: Iterable[ExchangeRate]) -> tuple[ExchangeRate, ...]:
    return as_tuple(items)


@attrs.frozen
class Conversion:
    """The result of :meth:`ExchangeRates.convert`: the amount, and how it was obtained.

    Args:
        original: The amount that was converted.
        money: The converted amount, rounded to the target currency's minor unit.
        rate: The rate used, exactly as stored in the table; ``None`` when no conversion was
            needed (same currency).
        inverted: ``True`` when ``rate`` is the opposite pair and was used as ``1 / rate``.

    .. versionadded:: 0.1.0
    """

    original: Money = attrs.field(validator=instance_of(Money))
    money: Money = attrs.field(validator=instance_of(Money))
    rate: ExchangeRate | None = attrs.field(
        default=None, validator=optional(instance_of(ExchangeRate))
    )
    inverted: bool = attrs.field(default=False, validator=instance_of(bool))


@attrs.frozen
class ExchangeRates:
    """A table of exchange rates, and the only way this library converts between currencies.

    At most one rate per pair and day; a pair and its opposite (``EUR/JPY`` and ``JPY/EUR``)
    are separate entries. Nothing else in the library converts currencies: adding ``EUR`` to
    ``JPY`` amounts raises, and a conversion says which rate it used.

    Args:
        rates: The rates, in any order.

    Raises:
        ValidationError: Two rates for the same pair on the same day.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import ExchangeRate, ExchangeRates, Money
        >>> rates = ExchangeRates([
        ...     ExchangeRate("EUR", "JPY", "120.85", dt.date(2020, 2, 5), "ECB reference rate"),
        ... ])
        >>> result = rates.convert(Money("864000000", "EUR"), "JPY", on=dt.date(2020, 2, 5))
        >>> result.money
        Money('104414400000', 'JPY')
        >>> result.rate.source
        'ECB reference rate'

    .. versionadded:: 0.1.0
    """

    rates: tuple[ExchangeRate, ...] = attrs.field(
        default=(), converter=_to_rates, validator=tuple_of(ExchangeRate)
    )
    _by_pair: dict[tuple[str, str], tuple[list[dt.date], list[ExchangeRate]]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        first: dict[tuple[str, str, dt.date], int] = {}
        errors = []
        for index, rate in enumerate(self.rates):
            key = (rate.base, rate.quote, rate.on)
            if key in first:
                errors.append(
                    f"$.rates[{index}]: a second {rate.pair} rate for {rate.on.isoformat()}, "
                    f"after $.rates[{first[key]}]; keep one rate per pair and day"
                )
            else:
                first[key] = index
        if errors:
            raise ValidationError(errors)
        by_pair: dict[tuple[str, str], tuple[list[dt.date], list[ExchangeRate]]] = {}
        for rate in sorted(self.rates, key=lambda r: r.on):
            days, found = by_pair.setdefault((rate.base, rate.quote), ([], []))
            days.append(rate.on)
            found.append(rate)
        object.__setattr__(self, "_by_pair", by_pair)

    def __iter__(self) -> Iterator[ExchangeRate]:
        return iter(self.rates)

    def __len__(self) -> int:
        return len(self.rates)

    def _find(self, base: str, quote: str, on: dt.date, policy: RatePolicy) -> ExchangeRate | None:
        days, found = self._by_pair.get((base, quote), ([], []))
        index = bisect.bisect_right(days, on) - 1
        if index < 0:
            return None
        rate = found[index]
        if rate.on == on or policy == "latest_before":
            return rate
        return None

    def _missing(self, base: str, quote: str, on: dt.date, *, inverse: bool) -> RateNotFoundError:
        hints = []
        earlier = self._find(base, quote, on, "latest_before")
        if earlier is not None:
            hints.append(
                f"the latest earlier one is of {earlier.on.isoformat()}: pass "
                "policy='latest_before' to use it"
            )
        if not inverse and (quote, base) in self._by_pair:
            hints.append(f"the table has {quote}/{base} rates: pass inverse=True to use them")
        if not hints and (base, quote) not in self._by_pair:
            hints.append(f"the table has no {base}/{quote} rate at all")
        return RateNotFoundError(base, quote, on, "; ".join(hints))

    def convert(
        self,
        money: Money,
        to: str,
        *,
        on: dt.date,
        policy: RatePolicy = "on_date",
        inverse: bool = False,
        rounding: str = decimal.ROUND_HALF_EVEN,
    ) -> Conversion:
        """Convert ``money`` into the currency ``to`` with a rate of this table.

        The rate is the one of the pair ``money.currency/to`` for the day ``on``. Only when
        asked does it look further: ``policy="latest_before"`` takes the latest rate on or
        before ``on``; ``inverse=True`` also accepts a rate of the opposite pair, used as
        ``1 / rate`` (when both fit, the more recent wins, and on the same day the direct
        one). The result is rounded once, to the minor unit of ``to``, with ``rounding``.
        Converting to the same currency changes nothing and uses no rate.

        Args:
            money: The amount to convert.
            to: The ISO 4217 code of the target currency.
            on: The day whose rate applies.
            policy: ``"on_date"`` (the default) or ``"latest_before"``.
            inverse: Whether a rate of the opposite pair may be used.
            rounding: A ``decimal`` rounding mode for the final rounding.

        Returns:
            The converted amount with the rate that produced it.

        Raises:
            RateNotFoundError: No rate fits; the message names the pair and the date, and what
                option would find one.
            ValidationError: ``to``, ``policy`` or ``rounding`` is not valid, or the result is
                out of range.
            WrongTypeError: ``on`` is not a ``datetime.date`` (a ``TypeError``).

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import ExchangeRate, ExchangeRates, Money
            >>> rates = ExchangeRates([
            ...     ExchangeRate("EUR", "JPY", "120.85", dt.date(2020, 2, 5), "ECB"),
            ... ])
            >>> day = dt.date(2020, 2, 6)
            >>> rates.convert(Money("100", "EUR"), "JPY", on=day)
            Traceback (most recent call last):
            ...
            lifesci_partners.exceptions.RateNotFoundError: no EUR/JPY exchange rate for
            2020-02-06; the latest earlier one is of 2020-02-05: pass policy='latest_before' ...
            >>> rates.convert(Money("100", "EUR"), "JPY", on=day, policy="latest_before").money
            Money('12085', 'JPY')
            >>> rates.convert(Money("100", "JPY"), "EUR", on=day, policy="latest_before",
            ...               inverse=True).money
            Money('0.83', 'EUR')
        """
        if not isinstance(money, Money):
            msg = f"expected Money to convert, got {kind_of(money)}"
            raise WrongTypeError(msg)
        check_currency(to, "$.to")
        if policy not in _POLICIES:
            msg = f"$.policy: expected 'on_date' or 'latest_before', got {policy!r}"
            raise ValidationError([msg])
        mode = check_rounding(rounding)
        on = a_date(on, "convert")
        base = money.currency
        if base == to:
            return Conversion(money, money)
        direct = self._find(base, to, on, policy)
        opposite = self._find(to, base, on, policy) if inverse else None
        if opposite is not None and (direct is None or opposite.on > direct.on):
            quotient = _QUOTIENT.divide(money.amount, opposite.rate)
            return Conversion(money, _rounded(quotient, to, mode), opposite, inverted=True)
        if direct is not None:
            product = EXACT.multiply(money.amount, direct.rate)
            return Conversion(money, _rounded(product, to, mode), direct)
        raise self._missing(base, to, on, inverse=inverse)


def _rounded(amount: Decimal, currency: str, rounding: str) -> Money:
    unit = Decimal((0, (1,), -minor_unit_digits(currency)))
    return Money(amount.quantize(unit, rounding=rounding, context=ROUNDING), currency)
