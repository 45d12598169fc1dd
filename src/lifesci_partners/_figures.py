"""Qualified figures: "over 430 members", "nearly EUR 21 billion", with their date and source."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any, Union

import attrs

from lifesci_partners._arguments import fix_for
from lifesci_partners._decimals import EXACT, MAX_INTEGER_DIGITS, exact_decimal
from lifesci_partners._free_text import one_line
from lifesci_partners._money import Money
from lifesci_partners._validate import date_value, describe, optional
from lifesci_partners.exceptions import (
    FloatNotAllowedValidationError,
    ValidationError,
    WrongTypeError,
    WrongTypeValidationError,
)

__all__ = ["Bounds", "Figure", "FigureValue", "Qualifier"]

FigureValue = Union[int, Decimal, Money]  # noqa: UP007  # a runtime alias that cattrs matches
"""What a figure counts or measures: an ``int`` count, a ``Decimal`` or a :class:`Money`."""

_MAX_COUNT = 10**MAX_INTEGER_DIGITS


class Qualifier(enum.Enum):
    """How a figure relates to the true value, as a press release words it.

    ========================  =====================  ===========================================
    member                    reads                  the true value ``x`` is
    ========================  =====================  ===========================================
    ``EXACT``                 "430"                  ``x == value``
    ``APPROXIMATELY``         "about 500"            near ``value``, either side; no bound
    ``NEARLY``                "nearly 21 billion"    just under: ``x < value``
    ``OVER``                  "over 430"             more than: ``x > value``
    ``AT_LEAST``              "at least 430"         ``x >= value``
    ``UP_TO``                 "up to 500"            ``x <= value``
    ``BETWEEN``               "between 10 and 20"    ``value <= x <= upper``
    ========================  =====================  ===========================================

    .. versionadded:: 0.1.0
    """

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    NEARLY = "nearly"
    OVER = "over"
    AT_LEAST = "at_least"
    UP_TO = "up_to"
    BETWEEN = "between"

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


def _kind(value: object) -> str:
    if isinstance(value, Money):
        return f"an amount in {value.currency}"
    if isinstance(value, Decimal):
        return "a Decimal"
    return "a count"


def _check_value(value: object, name: str) -> FigureValue:
    """Return ``value`` checked: a non-negative count, ``Decimal`` or ``Money``, in range."""
    path = f"$.{name}"
    if isinstance(value, float):
        msg = (
            f"{path}: the figure's {name} {value!r} is a float, and floats are inexact; pass an "
            f"int for a count or Decimal({repr(value)!r}) for a decimal number"
        )
        raise FloatNotAllowedValidationError([msg])
    if isinstance(value, Money):
        if value.amount < 0:
            raise ValidationError([f"{path}: a figure cannot be negative, got {value}"])
        return value
    if isinstance(value, Decimal):
        number = exact_decimal(value, name)
        if number < 0:
            raise ValidationError([f"{path}: a figure cannot be negative, got {value}"])
        return number
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise ValidationError([f"{path}: a count cannot be negative, got {value}"])
        if value >= _MAX_COUNT:
            msg = f"{path}: a count is at most {MAX_INTEGER_DIGITS} digits long"
            raise ValidationError([msg])
        return value
    hint = f"; for a decimal number pass Decimal({value!r})" if isinstance(value, str) else ""
    msg = f"{path}: expected an int count, a Decimal or Money, got {describe(value)}{hint}"
    raise WrongTypeValidationError([msg])


def _to_value(value: int | Decimal | Money) -> FigureValue:
    return _check_value(value, "value")


def _to_upper(value: int | Decimal | Money | None) -> FigureValue | None:
    return None if value is None else _check_value(value, "upper")


def _kind_key(value: object) -> tuple[type, object]:
    """Compare figures by kind too: a count of 5 is not ``Decimal("5")``."""
    return (type(value), value)


def _add_values(a: FigureValue, b: FigureValue) -> FigureValue:
    if isinstance(a, Money) and isinstance(b, Money):
        return a + b
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return EXACT.add(a, b)
    if type(a) is int and type(b) is int:
        return a + b
    msg = f"cannot add {_kind(a)} ({a}) and {_kind(b)} ({b}); figures add only to their own kind"
    raise WrongTypeError(msg)


def _add_bound(a: FigureValue | None, b: FigureValue | None) -> FigureValue | None:
    return None if a is None or b is None else _add_values(a, b)


@attrs.frozen
class Bounds:
    """What a figure says for certain about the true value: an interval, open or closed.

    ``None`` on a side means no bound on that side (which is always open). Use ``in`` to test
    a value.

    Args:
        lower: The lower bound, or ``None``.
        upper: The upper bound, or ``None``.
        lower_open: Whether ``lower`` itself is excluded; by default, only when there is none.
        upper_open: Whether ``upper`` itself is excluded; by default, only when there is none.

    Example:
        >>> from lifesci_partners import Figure, Qualifier
        >>> bounds = Figure(430, Qualifier.OVER).bounds()
        >>> bounds
        Bounds(lower=430, upper=None, lower_open=True, upper_open=True)
        >>> str(bounds), 430 in bounds, 431 in bounds
        ('(430, ∞)', False, True)

    .. versionadded:: 0.1.0
    """

    lower: FigureValue | None
    upper: FigureValue | None
    lower_open: bool = attrs.field(
        default=attrs.Factory(lambda self: self.lower is None, takes_self=True)
    )
    upper_open: bool = attrs.field(
        default=attrs.Factory(lambda self: self.upper is None, takes_self=True)
    )

    def __attrs_post_init__(self) -> None:
        errors = [
            f"$.{side}_open: a side without a bound is open"
            for side, bound, is_open in (
                ("lower", self.lower, self.lower_open),
                ("upper", self.upper, self.upper_open),
            )
            if bound is None and not is_open
        ]
        if errors:
            raise ValidationError(errors)

    def __contains__(self, value: object) -> bool:
        if self.lower is not None and not _above(value, self.lower, strict=self.lower_open):
            return False
        return self.upper is None or _above(self.upper, value, strict=self.upper_open)

    def __str__(self) -> str:
        left = "(-∞" if self.lower is None else ("(" if self.lower_open else "[") + str(self.lower)
        right = "∞)" if self.upper is None else str(self.upper) + (")" if self.upper_open else "]")
        return f"{left}, {right}"


def _above(a: object, b: object, *, strict: bool) -> bool:
    """``a > b`` (or ``>=``); values of different kinds are never in each other's bounds."""
    if type(a) is not type(b):
        return False
    return bool(a > b if strict else a >= b)  # type: ignore[operator]  # same kind, ordered


_NEARLY_SUMS = frozenset({Qualifier.NEARLY, Qualifier.EXACT})


@attrs.frozen(repr=False)
class Figure:
    """A figure as a source states it: a value, how it is qualified, as of when, and per whom.

    Figures add up: the bounds of the sum are the sums of the bounds, and the qualifier of the
    sum is derived from them (EXACT + EXACT is EXACT, NEARLY + EXACT is NEARLY, OVER + NEARLY
    is APPROXIMATELY); see :meth:`~lifesci_partners.Figure.__add__`. Only figures of the same
    kind add up: counts with counts, decimals with decimals, money in one currency with money
    in that currency.

    Args:
        value: A non-negative ``int`` count, ``Decimal`` or :class:`Money`. For ``BETWEEN``,
            the lower end.
        qualifier: How ``value`` relates to the true value.
        upper: The upper end, only with ``BETWEEN``: greater than ``value``, of its kind and
            currency.
        as_of: The day the figure was true, if the source says.
        source: Where the figure comes from: a citation or a URL.

    Raises:
        FloatNotAllowedValidationError: ``value`` or ``upper`` is a ``float``.
        WrongTypeValidationError: A value or the qualifier is of another wrong type.
        ValidationError: A value is negative, or ``upper`` breaks its rules.

    Example:
        >>> from lifesci_partners import Figure, Money, Qualifier
        >>> members = Figure(430, Qualifier.OVER)
        >>> members
        Figure(430, Qualifier.OVER)
        >>> investments = Figure(Money("21000000000", "EUR"), Qualifier.NEARLY)
        >>> str(investments.bounds())
        '(-∞, EUR 21000000000)'
        >>> investments + Figure(Money("864000000", "EUR"))
        Figure(Money('21864000000', 'EUR'), Qualifier.NEARLY)

    .. versionadded:: 0.1.0
    """

    value: FigureValue = attrs.field(converter=_to_value, eq=_kind_key)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT)
    upper: FigureValue | None = attrs.field(default=None, converter=_to_upper, eq=_kind_key)
    as_of: dt.date | None = attrs.field(default=None, validator=optional(date_value))
    source: str | None = attrs.field(default=None, validator=optional(one_line))

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.qualifier, Qualifier):
            shown = describe(self.qualifier) + fix_for((Qualifier,), self.qualifier)
            raise WrongTypeValidationError([f"$.qualifier: expected a Qualifier, got {shown}"])
        errors = []
        if self.qualifier is Qualifier.BETWEEN and self.upper is None:
            errors.append("$.upper: BETWEEN needs an upper value")
        elif self.qualifier is not Qualifier.BETWEEN and self.upper is not None:
            errors.append(
                f"$.upper: only BETWEEN has an upper value, not {self.qualifier.name}; "
                "leave it out or use Qualifier.BETWEEN"
            )
        if self.upper is not None:
            errors.extend(self._upper_problems(self.upper))
        if errors:
            raise ValidationError(errors)

    def _upper_problems(self, upper: FigureValue) -> list[str]:
        if type(upper) is not type(self.value):
            return [f"$.upper: expected {_kind(self.value)} like the value, got {_kind(upper)}"]
        if (
            isinstance(upper, Money)
            and isinstance(self.value, Money)
            and upper.currency != self.value.currency
        ):
            msg = (
                f"$.upper: the upper value is in {upper.currency} but the value is in "
                f"{self.value.currency}; use one currency"
            )
            return [msg]
        if not _above(upper, self.value, strict=True):
            return [f"$.upper: must be greater than the value ({self.value}), got {upper}"]
        return []

    def __repr__(self) -> str:
        parts = [repr(self.value)]
        if self.qualifier is not Qualifier.EXACT:
            parts.append(repr(self.qualifier))
        parts.extend(
            f"{name}={getattr(self, name)!r}"
            for name in ("upper", "as_of", "source")
            if getattr(self, name) is not None
        )
        return f"Figure({', '.join(parts)})"

    def bounds(self) -> Bounds:  # noqa: PLR0911  # one return per qualifier
        """Return what this figure says for certain about the true value.

        ``APPROXIMATELY`` says nothing for certain, so both sides are unbounded. Bounds do not
        add the fact that counts and amounts are non-negative.

        Example:
            >>> from lifesci_partners import Figure, Qualifier
            >>> str(Figure(430).bounds()), str(Figure(10, Qualifier.BETWEEN, upper=20).bounds())
            ('[430, 430]', '[10, 20]')
            >>> str(Figure(500, Qualifier.APPROXIMATELY).bounds())
            '(-∞, ∞)'
        """
        value, q = self.value, self.qualifier
        if q is Qualifier.EXACT:
            return Bounds(value, value)
        if q is Qualifier.BETWEEN:
            return Bounds(value, self.upper)
        if q is Qualifier.NEARLY:
            return Bounds(None, value, upper_open=True)
        if q is Qualifier.UP_TO:
            return Bounds(None, value)
        if q is Qualifier.OVER:
            return Bounds(value, None, lower_open=True)
        if q is Qualifier.AT_LEAST:
            return Bounds(value, None)
        return Bounds(None, None)

    def __add__(self, other: Figure) -> Figure:
        """Add two figures of the same kind; the result's qualifier follows from the bounds.

        The bounds of the sum are the sums of the bounds (a side is unbounded if either is;
        open if either is). Then: if either figure is ``APPROXIMATELY``, or the sum has no
        bound, it is ``APPROXIMATELY`` the sum of the values (for ``BETWEEN``, the lower
        value); two bounds give ``EXACT`` or ``BETWEEN``; a lower bound alone gives ``OVER``
        (open) or ``AT_LEAST``; an upper bound alone gives ``NEARLY`` when only ``NEARLY`` and
        ``EXACT`` were added, else ``UP_TO``. ``as_of`` and ``source`` are kept when both
        figures have the same, else left out.

        Raises:
            CurrencyMismatchError: Amounts in different currencies.
            WrongTypeError: Figures of different kinds (a count and an amount).
        """
        if not isinstance(other, Figure):
            return NotImplemented
        total = _add_values(self.value, other.value)
        common: dict[str, Any] = {
            "as_of": self.as_of if self.as_of == other.as_of else None,
            "source": self.source if self.source == other.source else None,
        }
        qualifiers = {self.qualifier, other.qualifier}
        if Qualifier.APPROXIMATELY in qualifiers:
            return Figure(total, Qualifier.APPROXIMATELY, **common)
        a, b = self.bounds(), other.bounds()
        lower, upper = _add_bound(a.lower, b.lower), _add_bound(a.upper, b.upper)
        upper_value: FigureValue | None = None
        if lower is not None and upper is not None:
            value, qualifier = lower, Qualifier.EXACT
            if lower != upper:
                qualifier, upper_value = Qualifier.BETWEEN, upper
        elif lower is not None:
            value = lower
            qualifier = Qualifier.OVER if a.lower_open or b.lower_open else Qualifier.AT_LEAST
        elif upper is not None:
            nearly = (a.upper_open or b.upper_open) and qualifiers <= _NEARLY_SUMS
            value, qualifier = upper, Qualifier.NEARLY if nearly else Qualifier.UP_TO
        else:
            value, qualifier = total, Qualifier.APPROXIMATELY
        return Figure(value, qualifier, upper=upper_value, **common)

    def __radd__(self, other: int) -> Figure:
        # Only for sum(), which starts from the int 0.
        if type(other) is int and other == 0:
            return self
        return NotImplemented
