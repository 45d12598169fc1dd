"""Exact decimal numbers: what the library accepts as an amount, a rate or a factor.

Every number that money, exchange rates and figures hold is a :class:`~decimal.Decimal` read
from a string, an ``int`` or a ``Decimal``, never from a ``float``. Numbers are bounded so that no
input can make arithmetic or formatting slow or huge (``"1e999999"`` is refused, not expanded):

- the absolute value is below ``10**MAX_INTEGER_DIGITS`` (at most 30 digits before the point);
- at most ``MAX_DECIMAL_PLACES`` (30) digits after the point;
- as text, at most ``MAX_TEXT_LENGTH`` (100) characters.

All arithmetic uses the private contexts below, never the caller's thread-local context, so a
program that changed ``decimal.getcontext().prec`` gets the same exact results.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal

from lifesci_partners._shown import kind_of
from lifesci_partners.exceptions import (
    FloatNotAllowedValidationError,
    ValidationError,
    WrongTypeValidationError,
)

__all__ = [
    "DECIMAL_TEXT",
    "EXACT",
    "MAX_DECIMAL_PLACES",
    "MAX_INTEGER_DIGITS",
    "MAX_TEXT_LENGTH",
    "ROUNDING",
    "ROUNDING_MODES",
    "check_rounding",
    "checked_decimal",
    "exact_decimal",
    "limit_problem",
    "parse_decimal_text",
]

MAX_INTEGER_DIGITS = 30
MAX_DECIMAL_PLACES = 30
MAX_TEXT_LENGTH = 100

# Enough digits for any product or quotient of two bounded numbers, with room to spare.
_PRECISION = 4 * (MAX_INTEGER_DIGITS + MAX_DECIMAL_PLACES)

EXACT = decimal.Context(
    prec=_PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[
        decimal.InvalidOperation,
        decimal.DivisionByZero,
        decimal.Overflow,
        decimal.Inexact,
        decimal.Rounded,
    ],
)
"""Arithmetic that must be exact: any rounding raises ``decimal.Inexact`` or ``decimal.Rounded``."""

ROUNDING = decimal.Context(
    prec=_PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""Arithmetic that rounds on purpose (``quantize`` with an explicit rounding mode)."""

ROUNDING_MODES = (
    decimal.ROUND_HALF_EVEN,
    decimal.ROUND_HALF_UP,
    decimal.ROUND_HALF_DOWN,
    decimal.ROUND_UP,
    decimal.ROUND_DOWN,
    decimal.ROUND_CEILING,
    decimal.ROUND_FLOOR,
    decimal.ROUND_05UP,
)

# What a decimal number looks like as text: ASCII digits, an optional sign, point and exponent.
# Stricter than Decimal(): no surrounding white space, no '_', no non-ASCII digits, no NaN.
DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

# 10**30 needs 100 bits; a larger int cannot be in range, and is refused before conversion.
_MAX_INT_BITS = (10**MAX_INTEGER_DIGITS).bit_length()


def limit_problem(number: Decimal) -> str | None:
    """Say why a finite ``number`` is outside the supported range, or return ``None``."""
    if number.adjusted() >= MAX_INTEGER_DIGITS:
        return (
            f"{number} is too large: at most {MAX_INTEGER_DIGITS} digits before the decimal "
            "point are supported"
        )
    if number.as_tuple().exponent < -MAX_DECIMAL_PLACES:  # type: ignore[operator]  # finite here
        return (
            f"{_shown(number)} has too many decimal places: at most {MAX_DECIMAL_PLACES} "
            "are supported (a Decimal built from a float has about 50; build it from a string)"
        )
    return None


def _shown(number: Decimal) -> str:
    text = str(number)
    return text if len(text) <= MAX_TEXT_LENGTH else text[: MAX_TEXT_LENGTH - 3] + "..."


def parse_decimal_text(text: str) -> Decimal:
    """Read a decimal number written as text, keeping its digits and exponent as written.

    Raises:
        ValueError: The text is not a plain decimal number, or it is out of range; the message
            says which.
    """
    if len(text) > MAX_TEXT_LENGTH:
        msg = (
            f"a number written with {len(text)} characters is too long; at most "
            f"{MAX_TEXT_LENGTH} are supported"
        )
        raise ValueError(msg)
    if not DECIMAL_TEXT.fullmatch(text):
        shown = text if len(text) <= 40 else text[:37] + "..."  # noqa: PLR2004  # short quote
        msg = f"{shown!r} is not a decimal number such as '864000000', '1.50' or '2.1E+10'"
        raise ValueError(msg)
    number = Decimal(text)
    problem = limit_problem(number)
    if problem:
        raise ValueError(problem)
    return number


def _from_int(value: int) -> Decimal:
    if value.bit_length() > _MAX_INT_BITS or abs(value) >= 10**MAX_INTEGER_DIGITS:
        msg = f"the whole number is too large: at most {MAX_INTEGER_DIGITS} digits are supported"
        raise ValueError(msg)
    return Decimal(value)


def _from_decimal(value: Decimal) -> Decimal:
    if value.is_nan():
        kind = "a signalling NaN" if value.is_snan() else "NaN"
        msg = f"{kind} is not a number; an amount must be finite"
        raise ValueError(msg)
    if value.is_infinite():
        msg = f"{value} is not allowed; an amount must be finite"
        raise ValueError(msg)
    problem = limit_problem(value)
    if problem:
        raise ValueError(problem)
    # A Decimal subclass becomes a plain Decimal, with the same digits and exponent.
    return value if type(value) is Decimal else Decimal(value)


def checked_decimal(value: str | int | Decimal) -> Decimal:
    """Return a ``str``, ``int`` or ``Decimal`` as a checked ``Decimal``.

    Raises:
        ValueError: It is not an exact number in range; the message says why, without a path.
    """
    if isinstance(value, Decimal):
        return _from_decimal(value)
    if isinstance(value, str):
        return parse_decimal_text(value)
    return _from_int(value)


def exact_decimal(value: object, name: str) -> Decimal:
    """Return ``value`` as a checked ``Decimal``; ``name`` is the field, for messages.

    Accepts a ``str`` (see :func:`parse_decimal_text`), an ``int`` or a finite ``Decimal``.

    Raises:
        FloatNotAllowedValidationError: ``value`` is a ``float``, at ``$.<name>``.
        WrongTypeValidationError: ``value`` is of another type that is no number.
        ValidationError: anything else that is not an exact number in range, at ``$.<name>``.
    """
    if isinstance(value, float):
        msg = (
            f"$.{name}: the {name} {value!r} is a float, and floats are inexact; "
            f"pass it as a string: {repr(value)!r} (or an int, or a Decimal built from a string)"
        )
        raise FloatNotAllowedValidationError([msg])
    try:
        if isinstance(value, (Decimal, str)) or (
            isinstance(value, int) and not isinstance(value, bool)
        ):
            return checked_decimal(value)
    except ValueError as exc:
        raise ValidationError([f"$.{name}: {exc}"]) from None
    msg = f"$.{name}: expected a decimal number as a str, int or Decimal, got {kind_of(value)}"
    raise WrongTypeValidationError([msg])


def check_rounding(rounding: object) -> str:
    """Return ``rounding`` if it is one of the :mod:`decimal` rounding modes.

    Raises:
        ValidationError: It is not.
    """
    if isinstance(rounding, str) and rounding in ROUNDING_MODES:
        return rounding
    allowed = ", ".join(f"decimal.{mode}" for mode in ROUNDING_MODES)
    msg = f"$: {rounding!r} is not a rounding mode; use one of {allowed}"
    raise ValidationError([msg])
