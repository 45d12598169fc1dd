"""``Money``: an exact amount in one ISO 4217 currency."""

from __future__ import annotations

import decimal
import functools
import math
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from babel.numbers import get_currency_precision, list_currencies

from lifesci_partners._arguments import an_iterable, fix_for
from lifesci_partners._decimals import EXACT, ROUNDING, check_rounding, exact_decimal, limit_problem
from lifesci_partners._validate import describe, rule
from lifesci_partners.exceptions import (
    CurrencyMismatchError,
    FloatNotAllowedError,
    InexactResultError,
    ValidationError,
    WrongTypeValidationError,
)

__all__ = ["Money", "check_currency", "minor_unit_digits"]

_CODE_LENGTH = 3

# CLDR lists these ISO 4217 codes, but they mean "no currency" and "for testing" respectively.
_NOT_CURRENCIES = frozenset({"XXX", "XTS"})


@functools.cache
def _currencies() -> frozenset[str]:
    """The ISO 4217 codes that babel's CLDR data knows (loaded on first use, not at import)."""
    return frozenset(list_currencies()) - _NOT_CURRENCIES


def check_currency(value: object, path: str = "$") -> str:
    """Return ``value`` if it is a currency code that CLDR knows, upper case (``"EUR"``).

    Raises:
        WrongTypeValidationError: It is not a string.
        ValidationError: It is not a code that CLDR knows; the message suggests the code it may
            have meant.
    """
    if isinstance(value, str) and value in _currencies():
        return value
    if not isinstance(value, str):
        msg = f"{path}: expected an ISO 4217 currency code such as 'EUR', got {describe(value)}"
        raise WrongTypeValidationError([msg])
    guess = value.strip().upper()
    if guess in _currencies():
        hint = f"; did you mean {guess!r}?"
    elif guess in {"EURO", "EUROS"}:
        hint = "; did you mean 'EUR'?"
    elif len(guess) == _CODE_LENGTH:
        hint = "; CLDR knows no such currency"
    else:
        hint = "; a code is three upper-case letters"
    msg = f"{path}: {value!r} is not an ISO 4217 currency code such as 'EUR' or 'JPY'{hint}"
    raise ValidationError([msg])


@functools.cache
def minor_unit_digits(currency: str) -> int:
    """How many decimal places ``currency``'s minor unit has, from CLDR (EUR 2, JPY 0, BHD 3)."""
    return int(get_currency_precision(currency))


def _to_amount(value: str | int | Decimal) -> Decimal:
    return exact_decimal(value, "amount")


@rule({"type": "string", "pattern": "^[A-Z]{3}$"})  # CLDR decides which codes exist
def _currency(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    check_currency(value, "$.currency")


def _factor(value: object, operation: str) -> Decimal | None:
    """``value`` as an exact factor, or ``None`` when it is no number at all."""
    if isinstance(value, float):
        msg = (
            f"cannot {operation} money by the float {value!r}: floats are inexact; "
            f"use Decimal({repr(value)!r}) or an int"
        )
        raise FloatNotAllowedError(msg)
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    return exact_decimal(value, "factor")


def _as_fraction(ratio: object, index: int) -> Fraction:
    if isinstance(ratio, float):
        msg = f"ratio {index} ({ratio!r}) is a float; use an int or Decimal({repr(ratio)!r})"
        raise FloatNotAllowedError(msg)
    if isinstance(ratio, bool) or not isinstance(ratio, (int, Decimal)):
        msg = f"$[{index}]: expected a ratio as an int or Decimal, got {describe(ratio)}"
        raise WrongTypeValidationError([msg + fix_for((Decimal,), ratio)])
    number = exact_decimal(ratio, "ratio")
    if number < 0:
        msg = f"$[{index}]: a ratio cannot be negative, got {ratio}"
        raise ValidationError([msg])
    return Fraction(number)


@attrs.frozen(repr=False)
class Money:
    """An exact amount of money in one currency.

    The amount is a :class:`~decimal.Decimal` kept exactly as written: ``Money("1.50", "EUR")``
    keeps its two decimal places. Floats are refused, because ``0.1`` as a float is not 0.1.

    Arithmetic and ordering work within one currency; mixing currencies raises
    :class:`~lifesci_partners.exceptions.CurrencyMismatchError`, and ``==`` between
    currencies is ``False``. Nothing converts currencies implicitly (see
    :class:`~lifesci_partners.ExchangeRates`). Results are exact: an operation whose result
    cannot be written exactly raises instead of rounding.

    Args:
        amount: A ``str`` (``"864000000"``, ``"1.50"``, ``"2.1E+10"``), an ``int`` or a finite
            ``Decimal``. At most 30 digits before the decimal point and 30 after it.
        currency: An ISO 4217 code that CLDR knows, in upper case (``"EUR"``, ``"JPY"``).

    Raises:
        FloatNotAllowedValidationError: ``amount`` is a ``float`` (a ``TypeError``, and a
            ``FloatNotAllowedError``).
        WrongTypeValidationError: ``amount`` or ``currency`` is of another wrong type.
        ValidationError: ``amount`` is NaN, infinite, not a number or out of range, or
            ``currency`` is not a known code.

    Example:
        >>> from decimal import Decimal
        >>> from lifesci_partners import Money
        >>> funding = Money("864000000", "EUR")
        >>> funding + Money("1.50", "EUR")
        Money('864000001.50', 'EUR')
        >>> sum([Money("0.10", "EUR"), Money("0.20", "EUR")])
        Money('0.30', 'EUR')
        >>> Money(0.1, "EUR")
        Traceback (most recent call last):
        ...
        lifesci_partners.exceptions.FloatNotAllowedValidationError: $.amount: the amount 0.1 is a
        float, ...

    .. versionadded:: 0.1.0
    """

    amount: Decimal = attrs.field(converter=_to_amount)
    currency: str = attrs.field(validator=_currency)

    def __repr__(self) -> str:
        return f"Money({str(self.amount)!r}, {self.currency!r})"

    def __str__(self) -> str:
        """The currency code and the amount as written, not localized: ``EUR 1.50``."""
        return f"{self.currency} {self.amount}"

    @property
    def minor_unit_digits(self) -> int:
        """The number of decimal places of the currency's minor unit (EUR 2, JPY 0), from CLDR.

        Example:
            >>> Money("1", "BHD").minor_unit_digits
            3
        """
        return minor_unit_digits(self.currency)

    def _with(self, amount: Decimal, what: str) -> Money:
        problem = limit_problem(amount)
        if problem:
            msg = f"$: the result of {what} is out of range: {problem}"
            raise ValidationError([msg])
        return Money(amount, self.currency)

    def _check_same(self, other: Money, operation: str) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatchError(self.currency, other.currency, operation)

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._check_same(other, "add")
        return self._with(EXACT.add(self.amount, other.amount), f"{self} + {other}")

    def __radd__(self, other: int) -> Money:
        # Only for sum(), which starts from the int 0.
        if type(other) is int and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._check_same(other, "subtract")
        return self._with(EXACT.subtract(self.amount, other.amount), f"{self} - {other}")

    def __pos__(self) -> Money:
        return self

    def __neg__(self) -> Money:
        return Money(self.amount.copy_negate(), self.currency)

    def __abs__(self) -> Money:
        return Money(self.amount.copy_abs(), self.currency)

    def __mul__(self, factor: int | Decimal) -> Money:
        number = _factor(factor, "multiply")
        if number is None:
            return NotImplemented
        return self._with(EXACT.multiply(self.amount, number), f"{self} * {factor}")

    __rmul__ = __mul__

    def __truediv__(self, divisor: int | Decimal) -> Money:
        number = _factor(divisor, "divide")
        if number is None:
            return NotImplemented
        if not number:
            msg = f"cannot divide {self} by zero"
            raise ZeroDivisionError(msg)
        try:
            quotient = EXACT.divide(self.amount, number)
        except (decimal.Inexact, decimal.Rounded):
            msg = (
                f"{self} / {divisor} has no exact decimal result; to split an amount use "
                "allocate(), or divide the Decimal amount yourself and round it"
            )
            raise InexactResultError(msg) from None
        return self._with(quotient, f"{self} / {divisor}")

    def _compare(self, other: object) -> Decimal | None:
        if not isinstance(other, Money):
            return None
        self._check_same(other, "compare")
        return other.amount

    def __lt__(self, other: Money) -> bool:
        amount = self._compare(other)
        return NotImplemented if amount is None else self.amount < amount

    def __le__(self, other: Money) -> bool:
        amount = self._compare(other)
        return NotImplemented if amount is None else self.amount <= amount

    def __gt__(self, other: Money) -> bool:
        amount = self._compare(other)
        return NotImplemented if amount is None else self.amount > amount

    def __ge__(self, other: Money) -> bool:
        amount = self._compare(other)
        return NotImplemented if amount is None else self.amount >= amount

    def quantize(self, rounding: str = decimal.ROUND_HALF_EVEN) -> Money:
        """Round to the currency's minor unit (cents for EUR, whole yen for JPY).

        This is the one place where an amount is rounded, and the rounding mode is yours to
        choose.

        Args:
            rounding: A rounding mode from ``decimal``, such as ``decimal.ROUND_HALF_EVEN``
                (banker's rounding, the default) or ``decimal.ROUND_HALF_UP``.

        Raises:
            ValidationError: ``rounding`` is not a ``decimal`` rounding mode.

        Example:
            >>> import decimal
            >>> Money("2.345", "EUR").quantize()
            Money('2.34', 'EUR')
            >>> Money("2.345", "EUR").quantize(decimal.ROUND_HALF_UP)
            Money('2.35', 'EUR')
            >>> Money("2.5", "JPY").quantize()
            Money('2', 'JPY')
        """
        mode = check_rounding(rounding)
        unit = Decimal((0, (1,), -self.minor_unit_digits))
        return self._with(
            self.amount.quantize(unit, rounding=mode, context=ROUNDING), f"quantizing {self}"
        )

    def allocate(self, ratios: Iterable[int | Decimal]) -> tuple[Money, ...]:
        """Split this amount into parts in proportion to ``ratios``, losing no minor unit.

        Each part is a whole number of minor units and the parts add up to exactly this amount
        (Fowler's allocation). Each part is within one minor unit of its exact share; the units
        left over go to the parts with the largest remainders, the earlier part on a tie. A
        negative amount is split like its absolute value, with each part negated.

        Args:
            ratios: Non-negative ``int`` or ``Decimal`` weights, at least one of them positive.

        Returns:
            One part per ratio, in order.

        Raises:
            ValidationError: A ratio is negative or not a number, all are zero, or this amount
                is not a whole number of minor units (quantize it first).
            FloatNotAllowedError: A ratio is a ``float``.
            WrongTypeError: ``ratios`` is not a list (or another iterable) of ratios.

        Example:
            >>> Money("0.05", "EUR").allocate([70, 30])
            (Money('0.04', 'EUR'), Money('0.01', 'EUR'))
            >>> Money("100", "JPY").allocate([1, 1, 1])
            (Money('34', 'JPY'), Money('33', 'JPY'), Money('33', 'JPY'))
        """
        an_iterable(ratios, "allocate", "ratios such as [70, 30]")
        weights = [_as_fraction(r, i) for i, r in enumerate(ratios)]
        total = sum(weights, Fraction(0))
        if not weights or total == 0:
            msg = "$: allocate needs at least one positive ratio, such as [70, 30]"
            raise ValidationError([msg])
        digits = self.minor_unit_digits
        units = self.amount.scaleb(digits, context=EXACT)
        if units != units.to_integral_value(context=ROUNDING):
            msg = (
                f"$: {self} is not a whole number of minor units ({digits} decimal places for "
                f"{self.currency}); round it with quantize() first"
            )
            raise ValidationError([msg])
        count = int(units)
        sign, count = (-1 if count < 0 else 1), abs(count)
        shares = [count * w / total for w in weights]
        parts = [math.floor(s) for s in shares]
        left_over = count - sum(parts)
        by_remainder = sorted(range(len(parts)), key=lambda i: (parts[i] - shares[i], i))
        for i in by_remainder[:left_over]:
            parts[i] += 1
        return tuple(
            Money(Decimal(sign * p).scaleb(-digits, context=EXACT), self.currency) for p in parts
        )
