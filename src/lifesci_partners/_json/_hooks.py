"""The converter's hooks: strict structure hooks for scalars, enums, tuples and attrs classes.

Input is strict: no value is coerced from another type (a number is never read as text), and a
value of the wrong JSON type raises :class:`_ShapeError`, whose message says what was expected;
``_errors.py`` puts the path in front. Each hook that needs another type's hook is a factory that
asks the converter it is given, so that the fast converter's hooks call the fast hooks.
"""

from __future__ import annotations

import datetime as dt
import enum
import operator
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Optional, get_args

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ClassValidationError
from cattrs.gen import make_dict_structure_fn

from lifesci_partners._dates import PartialDate
from lifesci_partners._decimals import checked_decimal
from lifesci_partners._figures import FigureValue
from lifesci_partners._json._reader import JsonFloat
from lifesci_partners._json._trusted import Retry as _Retry
from lifesci_partners._json._trusted import trusted_structure_fn, type_hints
from lifesci_partners._localized import parsed_reader
from lifesci_partners._money import Money
from lifesci_partners._shown import SHOWN_IN_JSON, json_kind
from lifesci_partners._terms import Term
from lifesci_partners.exceptions import ValidationError

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""A date as JSON text writes it: ``YYYY-MM-DD``, ASCII digits."""

_GENERIC_ATTRS_HOOKS: set[Callable[[Any, type], Any]] = set()
"""The structure hooks made by :func:`_attrs_hook_factory`: attrs classes read field by field."""
_MISSING = object()


class _ShapeError(ValueError):
    """A value of the wrong JSON type or form; the message says what was expected."""


def _structure_str(value: Any, _: type) -> str:
    if type(value) is not str:
        raise _ShapeError(f"expected a string, got {json_kind(value)}")
    return value


def _structure_int(value: Any, _: type) -> int:
    if type(value) is not int:
        raise _ShapeError(f"expected a whole number, got {json_kind(value)}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if type(value) is not bool:
        raise _ShapeError(f"expected true or false, got {json_kind(value)}")
    return value


# Dates and terms read so far, by their text: the same few thousand values recur in every
# directory, so reading one is a dict lookup, and equal values share one immutable object.
# Bounded, so that a stream of distinct values cannot grow them without end.
_DATES: dict[str, dt.date] = {}
_TERMS: dict[str, Term] = {}
_MAX_CACHED = 50_000


def _structure_date(value: Any, _: type) -> dt.date:
    if type(value) is str:
        day = _DATES.get(value)
        if day is not None:
            return day
    day = _parse_date(value)
    if len(_DATES) < _MAX_CACHED:
        _DATES[value] = day
    return day


def _parse_date(value: Any) -> dt.date:
    if type(value) is not str or not ISO_DATE.fullmatch(value):
        raise _ShapeError(f"expected a date as 'YYYY-MM-DD', got {json_kind(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _ShapeError(f"{value!r} is not a calendar date") from None


def _structure_partial_date(value: Any, _: type) -> PartialDate:
    if type(value) is not str:
        raise _ShapeError(
            f"expected a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', got {json_kind(value)}"
        )
    return PartialDate.parse(value)


class _Texts(dict[Any, str]):
    """The text of each value written so far: a lookup instead of formatting it again.

    For immutable values that recur (dates, terms); bounded as the caches above are.
    """

    def __init__(self, write: Callable[[Any], str]) -> None:
        super().__init__()
        self.write = write

    def __missing__(self, value: Any) -> str:
        text = self.write(value)
        if len(self) < _MAX_CACHED:
            self[value] = text
        return text


_TERM_TEXTS = _Texts(str)
_DATE_TEXTS = _Texts(dt.date.isoformat)
_DATE_TEXT = _DATE_TEXTS.__getitem__
_TERM_TEXT = _TERM_TEXTS.__getitem__


def _structure_term(value: Any, _: type) -> Term:
    if type(value) is not str:
        raise _ShapeError(f"expected an ISO 8601 duration such as 'P5Y', got {json_kind(value)}")
    term = _TERMS.get(value)
    if term is None:
        term = Term.parse(value)
        if len(_TERMS) < _MAX_CACHED:
            _TERMS[value] = term
    return term


def _float_refused(value: float, how: str = "write it as a string: {quoted}") -> _ShapeError:
    if isinstance(value, JsonFloat):
        text = value.text if len(value.text) <= SHOWN_IN_JSON else None
        origin = f"the JSON number {value!r}"
    else:
        text = repr(value)
        origin = f"a float ({text})"
    quoted = f'"{text}"' if text is not None else "in quotes"
    return _ShapeError(
        f"{origin} is not exact (binary floating point); {how.format(quoted=quoted)}"
    )


def _structure_decimal(value: Any, _: type) -> Decimal:
    """A decimal number: a JSON string, kept digit for digit, or a JSON integer.

    A ``Decimal`` object is taken as it is, for data read with ``json.loads(parse_float=Decimal)``.
    """
    if isinstance(value, float):
        raise _float_refused(value)
    if type(value) is str or type(value) is int or type(value) is Decimal:
        try:
            return checked_decimal(value)
        except ValueError as exc:
            raise _ShapeError(str(exc)) from None
    raise _ShapeError(
        f"expected a decimal number as a string such as '1.50', got {json_kind(value)}"
    )


def _is_figure_value(t: Any) -> bool:
    return bool(t == FigureValue or t == Optional[FigureValue])  # noqa: UP045  # a typing object


def _figure_value_hook_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    """A figure's value: a JSON integer is a count, a string a Decimal, an object Money."""
    read_money = conv.get_structure_hook(Money)
    optional = t != FigureValue

    def structure(value: Any, _: type) -> FigureValue | None:
        if value is None and optional:
            return None
        if isinstance(value, float):
            raise _float_refused(
                value, "write a decimal number as a string, {quoted}, or a count as a whole number"
            )
        if type(value) is int:
            return value
        if type(value) is str or type(value) is Decimal:
            return _structure_decimal(value, Decimal)
        if type(value) is dict:
            money: Money = read_money(value, Money)
            return money
        raise _ShapeError(
            "expected a count (a whole number), a decimal number (a string such as '12.5') or "
            f"an amount of money (an object with amount and currency), got {json_kind(value)}"
        )

    return structure


def _not_localized(value: object) -> _ShapeError:
    return _ShapeError(
        f"expected an object of locale to text such as {{'en': '...'}}, got {json_kind(value)}"
    )


_structure_localized = parsed_reader(_not_localized)


def _enum_hook_factory(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    value_types = {type(v) for v in by_value}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(value: Any, _: type) -> enum.Enum:
        if type(value) in value_types and value in by_value:
            return by_value[value]
        raise _ShapeError(f"expected one of {allowed}, got {json_kind(value)}")

    return structure


def _tuple_hook_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, type], tuple[Any, ...]]:
    inner = homogenous_tuple_structure_factory(t, conv)

    def structure(value: Any, cl: type) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _ShapeError(f"expected an array, got {json_kind(value)}")
        result: tuple[Any, ...] = inner(value, cl)
        return result

    return structure


def _tuple_unstructure_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    """``tuple[X, ...]`` to a list with X's hook, as cattrs does, in a list comprehension."""
    item_type = get_args(t)[0]
    inner = conv.get_unstructure_hook(item_type)

    def unstructure(value: Any) -> list[Any]:
        return [inner(v) for v in value]

    return unstructure


_ENUM_VALUE = operator.attrgetter("_value_")
"""An enum member's value, read without the ``Enum.value`` descriptor (a Python call each)."""


def _attrs_hook_factory(cls: type, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    if not conv.detailed_validation:
        return _fast_attrs_hook(cls, conv)
    inner: Callable[[Any, type], Any] = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True
    )

    def structure(value: Any, cl: type) -> Any:
        if type(value) is not dict:
            raise _ShapeError(f"expected an object, got {json_kind(value)}")
        try:
            return inner(value, cl)
        except ClassValidationError as exc:
            more = _field_validator_errors(cls, conv, value, exc)
            if not more:
                raise
            raise ClassValidationError(exc.message, [*exc.exceptions, *more], cls) from None

    _GENERIC_ATTRS_HOOKS.add(structure)
    return structure


def _field_validator_errors(
    cls: type, conv: cattrs.Converter, value: dict[str, Any], exc: ClassValidationError
) -> list[ValidationError]:
    """The field validators' verdicts on the fields that were read, when others were not.

    When some field cannot be read, the object is never built and its validators never run; this
    runs them on the fields that could be read, so that all their problems are reported at once.
    Rules across fields (``__attrs_post_init__``) still need the whole object.
    """
    failed = {note.name for _, note in exc.group_exceptions()[0]}
    if not failed:  # every field was read: the object was built, and its validators ran
        return []
    hints = type_hints(cls)  # evaluated once per class, not per object that fails
    errors: list[ValidationError] = []
    for field in attrs.fields(cls):
        if field.validator is None or field.name in failed or field.name not in value:
            continue
        try:
            field.validator(None, field, conv.structure(value[field.name], hints[field.name]))
        except ValidationError as error:
            errors.append(error)
        except Exception:  # noqa: BLE001, S112  # a validator that needs the whole object
            continue
    return errors


def _fast_attrs_hook(cls: type, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    """An attrs class without detailed validation: unknown keys are found by one set test.

    Built without checking again the type rules that the fields' hooks proved (``_trusted.py``),
    or by cattrs' generated function when that cannot be done.
    """
    trusted = trusted_structure_fn(cls, conv)
    if trusted is not None:
        return trusted
    inner: Callable[[Any, type], Any] = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=False, _cattrs_detailed_validation=False
    )
    known = frozenset(a.name for a in attrs.fields(cls) if a.init)
    is_superset = known.issuperset

    def structure(value: Any, cl: type) -> Any:
        if type(value) is not dict or not is_superset(value):
            raise _Retry
        return inner(value, cl)

    return structure


def _optional_hook_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    """``X | None``: one lookup of X's hook when the hook is made, not one per value."""
    (inner_type,) = (a for a in get_args(t) if a is not type(None))
    inner = conv.get_structure_hook(inner_type)

    def structure(value: Any, _: type) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure
