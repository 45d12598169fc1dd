"""Compact numbers (``864M``, ``8.64億``, ``21 milliards``) that never round away a digit.

CLDR's compact patterns say which word or suffix goes with which power of ten; babel's own
``format_compact_decimal`` then rounds the scaled number to a fixed count of fraction digits, so
EUR 864 million becomes ``9億`` in Japanese and 1.5 million becomes ``2M``. Here the amount is
first rounded to :data:`SIGNIFICANT_DIGITS` significant digits, and the scaled number shows every
digit that remains: ``8.64億``, ``1.5M``, ``210億``. So the compact text never differs from the
amount by more than rounding at the third significant digit.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal

import attrs
from babel import Locale
from babel.numbers import NumberPattern

from lifesci_partners._text._cldr import wide_context

__all__ = ["SIGNIFICANT_DIGITS", "CompactNumber", "compact", "round_significant"]

SIGNIFICANT_DIGITS = 3
"""Compact forms keep this many significant digits of the amount (fewer if it has fewer)."""

_ONE = Decimal(1)


def round_significant(value: Decimal, digits: int = SIGNIFICANT_DIGITS) -> Decimal:
    """Round ``value`` half-even to ``digits`` significant digits; fewer digits are kept as is.

    Example:
        >>> from decimal import Decimal
        >>> round_significant(Decimal("864123456")), round_significant(Decimal("1500000"))
        (Decimal('8.64E+8'), Decimal('1500000'))
    """
    if not value or not value.is_finite():
        return value
    quantum = _ONE.scaleb(value.adjusted() - digits + 1)
    with decimal.localcontext(wide_context()):
        rounded = value.quantize(quantum, rounding=decimal.ROUND_HALF_EVEN)
    return value if rounded == value else rounded


def _plain(value: Decimal) -> Decimal:
    """``value`` without trailing fraction zeros and without an exponent: 2.1E+2 -> 210."""
    value = value.normalize()
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        return value.quantize(_ONE)
    return value


@attrs.frozen
class CompactNumber:
    """A number in compact form, and what it stands for.

    Args:
        text: The compact text, such as ``"8.64億"`` or ``"€864M"``, without a minus sign.
        value: The absolute value that the text shows, unscaled (864000000).
        magnitude: The power of ten whose CLDR pattern was used (100000000 for 億).
    """

    text: str
    value: Decimal
    magnitude: int


def compact(
    value: Decimal,
    locale: Locale,
    patterns: Mapping[str, Mapping[str, NumberPattern]],
    currency: str | None = None,
) -> CompactNumber | None:
    """Format the absolute value of ``value`` with CLDR compact ``patterns`` for ``locale``.

    Args:
        value: The number; its sign is ignored (the caller places the minus sign).
        locale: The locale, for digits, separators and the plural category of the scaled number.
        patterns: CLDR compact patterns by plural category and magnitude, such as
            ``locale.compact_decimal_formats["long"]`` or ``locale.compact_currency_formats
            ["short"]``.
        currency: The ISO 4217 code that replaces ``¤`` in a currency pattern.

    Returns:
        The compact form, or ``None`` when the value is too small to have one in this locale (below
        1,000 in English, below 10,000 in Japanese, below a million in German short forms), in
        which case the caller shows the number in full.
    """
    if not value.is_finite():
        return None
    with decimal.localcontext(wide_context()):
        return _compact(value, locale, patterns, currency)


def _compact(
    value: Decimal,
    locale: Locale,
    patterns: Mapping[str, Mapping[str, NumberPattern]],
    currency: str | None,
) -> CompactNumber | None:
    rounded = round_significant(value.copy_abs())
    others = patterns.get("other")
    if not rounded or not others:
        return None
    magnitude = 0
    for key in others:
        size = int(key)
        if magnitude < size <= rounded:
            magnitude = size
    if not magnitude:
        return None
    zeros = others[str(magnitude)].pattern.count("0")
    if zeros == 1 and others[str(magnitude)].pattern.strip() == "0":
        return None  # CLDR's way of saying "no compact form at this size"
    shift = len(str(magnitude)) - zeros  # the scaled number keeps `zeros` integer digits
    scaled = _plain(rounded.scaleb(-shift))
    category = locale.plural_form(scaled)
    if scaled == 1 and str(magnitude) in patterns.get("1", {}):
        category = "1"
    pattern = patterns.get(category, others).get(str(magnitude), others[str(magnitude)])
    text = pattern.apply(
        scaled, locale, currency=currency, currency_digits=False, decimal_quantization=False
    )
    return CompactNumber(text=text, value=_plain(rounded), magnitude=magnitude)
