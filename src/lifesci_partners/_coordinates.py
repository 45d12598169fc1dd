"""Geographic coordinates: latitude and longitude in decimal degrees, kept digit for digit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from lifesci_partners._validate import Rule, fail, rule, wrong_type

__all__ = ["Coordinates"]

_MAX_DIGITS = 30  # more digits than any survey gives; keeps arithmetic on them cheap


def _degrees(bound: int) -> Rule:
    # The range is for a whole number of degrees; a string's is ours to check.
    @rule({"minimum": -bound, "maximum": bound})
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not Decimal:
            raise wrong_type(attribute, "a Decimal number of degrees", value, (Decimal,))
        # Its text has at least as many characters as it has digits: count them only if longer.
        if not value.is_finite() or (
            len(str(value)) > _MAX_DIGITS and len(value.as_tuple().digits) > _MAX_DIGITS
        ):
            raise fail(attribute, f"{value} is not a number of degrees")
        if not -bound <= value <= bound:
            raise fail(attribute, f"{value} is outside -{bound} to {bound} degrees")

    return check


_latitude = _degrees(90)
_longitude = _degrees(180)


@attrs.frozen
class Coordinates:
    """A point on Earth in decimal degrees (WGS 84), as exact as the source writes it.

    The degrees are :class:`~decimal.Decimal`, so ``34.14778`` stays ``34.14778`` through any
    number of JSON round trips.

    Args:
        latitude: From -90 (south) to 90 (north).
        longitude: From -180 (west) to 180 (east).

    Raises:
        WrongTypeValidationError: A degree is not a ``Decimal`` (a ``TypeError``; the message
            shows the ``Decimal`` to pass).
        ValidationError: A degree is not finite or is out of its range.

    Example:
        >>> from decimal import Decimal
        >>> from lifesci_partners import Coordinates
        >>> Coordinates(Decimal("35.71250"), Decimal("139.76200")).latitude
        Decimal('35.71250')

    .. versionadded:: 0.2.0
    """

    latitude: Decimal = attrs.field(validator=_latitude)
    longitude: Decimal = attrs.field(validator=_longitude)
