"""The JSON document format: one strict cattrs converter, and the public load/dump functions.

Dates are ISO 8601 strings, terms ISO 8601 durations (``"P5Y"``), enums their values, localized
text a ``{"locale": "text"}`` object. Input is strict: unknown keys are refused and no value is
coerced from another type (a number is never read as text). Every problem in a document is
reported at once in one :class:`~lifesci_partners.exceptions.ValidationError`, each with its path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import enum
import functools
import gc
import json
import linecache
import operator
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from types import UnionType
from typing import Any, Optional, TypeVar, Union, get_args, get_origin, get_type_hints

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.strategies import include_subclasses

from lifesci_partners import _versions
from lifesci_partners._claims import Claim, PartnerCount, PartnerRank
from lifesci_partners._cluster import Cluster
from lifesci_partners._dates import PartialDate
from lifesci_partners._decimals import exact_decimal, parse_decimal_text
from lifesci_partners._directory import Directory
from lifesci_partners._events import NonRenewalNotice, Termination
from lifesci_partners._figures import FigureValue
from lifesci_partners._limits import DEFAULT_LIMITS, Limits, check_data, parse_json
from lifesci_partners._locales import LOCALE_PATTERN, MAX_TAG
from lifesci_partners._localized import LocalizedText
from lifesci_partners._money import Money
from lifesci_partners._organization import Organization
from lifesci_partners._terms import Term
from lifesci_partners.exceptions import ValidationError

__all__ = [
    "DOCUMENT_FORMAT",
    "DOCUMENT_VERSION",
    "JSON_BACKENDS",
    "SCHEMA_FRAGMENTS",
    "TYPE_KEY",
    "from_dict",
    "from_json",
    "set_json_backend",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

DOCUMENT_FORMAT = "lifesci-partners"
"""The value of the ``format`` key of a directory document."""
DOCUMENT_VERSION = 1
"""The version of the directory document that this library writes."""

_SHOWN = 40  # characters of a bad string shown in a message

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

SchemaFragment = dict[str, Any] | Callable[[Any], dict[str, Any]]
_SCHEMA_FRAGMENTS: dict[Any, SchemaFragment] = {}
"""The JSON Schema of each type that has its own hooks, registered next to them.

A fragment is a JSON Schema (draft 2020-12) as a dict, or a function of the schema builder in
``_schema.py`` for a type whose schema refers to models. :func:`~lifesci_partners.json_schema`
refuses a type that has neither a fragment nor the generic attrs, enum or tuple hooks, so a new
scalar type must register its fragment with its hooks. Filled when the converter is made, and
read as ``SCHEMA_FRAGMENTS``, which makes it.
"""
_GENERIC_ATTRS_HOOKS: set[Callable[[Any, type], Any]] = set()


def _kind(value: object) -> str:  # noqa: PLR0911  # one return per JSON type
    """How a JSON value is called in error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)) or type(value).__name__ == "Decimal":
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= _SHOWN else value[: _SHOWN - 3] + "..."
        return f"a string ({shown!r})"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class _ShapeError(ValueError):
    """A value of the wrong JSON type or form; the message says what was expected."""


def _structure_str(value: Any, _: type) -> str:
    if type(value) is not str:
        raise _ShapeError(f"expected a string, got {_kind(value)}")
    return value


def _structure_int(value: Any, _: type) -> int:
    if type(value) is not int:
        raise _ShapeError(f"expected a whole number, got {_kind(value)}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if type(value) is not bool:
        raise _ShapeError(f"expected true or false, got {_kind(value)}")
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
    if type(value) is not str or not _ISO_DATE.fullmatch(value):
        raise _ShapeError(f"expected a date as 'YYYY-MM-DD', got {_kind(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _ShapeError(f"{value!r} is not a calendar date") from None


def _structure_partial_date(value: Any, _: type) -> PartialDate:
    if type(value) is not str:
        raise _ShapeError(
            f"expected a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', got {_kind(value)}"
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
        raise _ShapeError(f"expected an ISO 8601 duration such as 'P5Y', got {_kind(value)}")
    term = _TERMS.get(value)
    if term is None:
        term = Term.parse(value)
        if len(_TERMS) < _MAX_CACHED:
            _TERMS[value] = term
    return term


class _JsonFloat(float):
    """A JSON number with a fraction or exponent, as :func:`from_json` reads it.

    It keeps the text as written, so that an error message can quote the number exactly; no
    hook accepts it (a float never enters an amount, a rate or a figure).
    """

    __slots__ = ("text",)

    text: str

    def __init__(self, text: str) -> None:
        # float.__new__ has already read the number from ``text``.
        self.text = text

    def __repr__(self) -> str:
        return self.text if len(self.text) <= _SHOWN else self.text[: _SHOWN - 3] + "..."

    __str__ = __repr__


def _float_refused(value: float, how: str = "write it as a string: {quoted}") -> _ShapeError:
    if isinstance(value, _JsonFloat):
        text = value.text if len(value.text) <= _SHOWN else None
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
    try:
        if type(value) is str:
            return parse_decimal_text(value)
        if type(value) is int or type(value) is Decimal:
            return exact_decimal(value, "number")
    except ValueError as exc:
        # exact_decimal's ValidationError carries a "$.number: " prefix; keep only the reason.
        reason = exc.errors[0].split(": ", 1)[1] if isinstance(exc, ValidationError) else exc
        raise _ShapeError(str(reason)) from None
    raise _ShapeError(f"expected a decimal number as a string such as '1.50', got {_kind(value)}")


def _is_figure_value(t: Any) -> bool:
    return bool(t == FigureValue or t == Optional[FigureValue])  # noqa: UP045  # a typing object


def _structure_figure_value(value: Any, t: Any) -> FigureValue | None:
    """A figure's value: a JSON integer is a count, a string a Decimal, an object Money."""
    if value is None and t != FigureValue:
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
        money: Money = _converter().structure(value, Money)
        return money
    raise _ShapeError(
        "expected a count (a whole number), a decimal number (a string such as '12.5') or "
        f"an amount of money (an object with amount and currency), got {_kind(value)}"
    )


def _structure_localized(value: Any, _: type) -> LocalizedText:
    if type(value) is not dict:
        raise _ShapeError(
            f"expected an object of locale to text such as {{'en': '...'}}, got {_kind(value)}"
        )
    return LocalizedText(value)


def _enum_hook_factory(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    value_types = {type(v) for v in by_value}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(value: Any, _: type) -> enum.Enum:
        if type(value) in value_types and value in by_value:
            return by_value[value]
        raise _ShapeError(f"expected one of {allowed}, got {_kind(value)}")

    return structure


def _is_hom_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _tuple_hook_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, type], tuple[Any, ...]]:
    inner = homogenous_tuple_structure_factory(t, conv)

    def structure(value: Any, cl: type) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _ShapeError(f"expected an array, got {_kind(value)}")
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


_PLAIN_ATTRS_UNSTRUCTURE: dict[Callable[[Any], Any], type] = {}
"""The functions made by :func:`_attrs_unstructure_factory` for a whole class, and the class."""
_ENUM_VALUE = operator.attrgetter("_value_")
"""An enum member's value, read without the ``Enum.value`` descriptor (a Python call each)."""
_FACTORY: type[Any] = type(attrs.Factory(list))  # attrs.Factory is a class, but typed as a function


def _attrs_unstructure_factory(
    cls: type, conv: cattrs.Converter, *, omit_if_default: bool = True, raw: bool = False
) -> Callable[[Any], dict[str, Any]]:
    """Write an attrs class as a dict, the dict that cattrs' own generated function writes.

    Like ``make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)``: fields in
    order, each by its type's hook, those equal to their default left out, ``init=False``
    fields never written; a test compares the two on every model. The function generated here
    makes fewer Python calls: a field whose default is ``None`` (or an enum member) is tested
    with ``is not``, which calls no ``__eq__``, and its value, then known not to be ``None``,
    goes straight to the hook of its type without the ``X | None`` one; str, int and bool
    values are taken as they are, an enum's value is read in place, and ``tuple[X, ...]`` is a
    list comprehension over X's hook. A class with a default that depends on the object gets
    cattrs' function.

    With ``raw``, for orjson only: models and tuples are left for orjson to write, which asks
    :func:`_orjson_default` for each model inside.
    """
    write = _written_raw if raw else _written
    hints = get_type_hints(cls)
    namespace: dict[str, Any] = {}
    always: list[str] = []
    omitted: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        t = hints.get(field.name, Any)
        if field.default is attrs.NOTHING or not omit_if_default:
            always.append(f"{field.name!r}: {write(t, 'instance.' + field.name, conv, namespace)},")
            continue
        default = _default_of(field)
        if default is _MISSING:
            fallback: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
                cls, conv, _cattrs_omit_if_default=omit_if_default
            )
            return fallback
        if default is None:
            test = "value is not None"
            if _is_optional(t):  # not None here, so X's own hook
                (t,) = (a for a in get_args(t) if a is not type(None))
        else:
            name = f"default{len(namespace)}"
            namespace[name] = default
            test = f"value is not {name}" if isinstance(default, enum.Enum) else f"value != {name}"
        omitted += [
            f"    value = instance.{field.name}",
            f"    if {test}:",
            f"        res[{field.name!r}] = {write(t, 'value', conv, namespace)}",
        ]
    function = f"unstructure_{cls.__name__}"
    lines = [f"def {function}(instance):", "    res = {"]
    lines += [f"        {line}" for line in always]
    lines += ["    }", *omitted, "    return res"]
    unstructure: Callable[[Any], dict[str, Any]] = _compiled(
        function, "\n".join(lines), namespace, f"{cls.__module__}.{cls.__qualname__}"
    )
    if omit_if_default and not raw:
        _PLAIN_ATTRS_UNSTRUCTURE[unstructure] = cls
    return unstructure


def _default_of(field: attrs.Attribute[Any]) -> Any:
    """The value that cattrs compares a field with to leave it out; ``_MISSING`` if per object."""
    default = field.default
    if isinstance(default, _FACTORY):
        if default.takes_self:
            return _MISSING
        default = default.factory()
    if field.converter is None:
        return default
    if isinstance(field.converter, attrs.Converter):  # takes the object and the field
        return _MISSING
    return field.converter(default)


def _written(t: Any, value: str, conv: cattrs.Converter, namespace: dict[str, Any]) -> str:
    """The expression that writes ``value``, of type ``t``; hooks go into ``namespace``."""
    if _is_hom_tuple(t):
        item = f"item{value.count('item')}"  # a name of its own in each nested comprehension
        written = _written(get_args(t)[0], item, conv, namespace)
        return f"list({value})" if written == item else f"[{written} for {item} in {value}]"
    try:
        hook = conv.get_unstructure_hook(t)
    except RecursionError:  # a class that contains itself: dispatch on each value
        hook = conv.unstructure
    if hook is identity:
        return value
    if hook is _ENUM_VALUE:
        return f"{value}._value_"
    name = f"hook{len(namespace)}"
    namespace[name] = hook
    return f"{name}({value})"


def _written_raw(t: Any, value: str, conv: cattrs.Converter, namespace: dict[str, Any]) -> str:
    """The expression that gives ``value`` to orjson: the leaves written, the rest as it is.

    orjson writes strings, numbers, tuples and dicts itself, and asks for each other object by
    its class; so the hook of a value's class must write it as the hook of its declared type
    does (true of cattrs' unions, and of the tagged unions here), which the tests check.
    """
    if _is_hom_tuple(t) or get_origin(t) in (Union, UnionType):
        return value
    hook = conv.get_unstructure_hook(t)
    if hook is identity or _PLAIN_ATTRS_UNSTRUCTURE.get(hook) is t:
        return value
    if hook is _ENUM_VALUE:
        return f"{value}._value_"
    if t is LocalizedText and hook == LocalizedText.to_dict:
        # Its own dict, not a copy: orjson only reads it, and nothing else sees it.
        return f"{value}._texts"
    name = f"hook{len(namespace)}"
    namespace[name] = hook
    return f"{name}({value})"


def _compiled(function: str, source: str, namespace: dict[str, Any], what: str) -> Any:
    """Define ``function`` from ``source`` in ``namespace``; its source shows in tracebacks."""
    filename = f"<lifesci_partners unstructure {what}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102  # our own source, as cattrs does
    return namespace[function]


def _attrs_hook_factory(cls: type, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    if not conv.detailed_validation:
        return _fast_attrs_hook(cls, conv)
    inner: Callable[[Any, type], Any] = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True
    )

    def structure(value: Any, cl: type) -> Any:
        if type(value) is not dict:
            raise _ShapeError(f"expected an object, got {_kind(value)}")
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
    hints = get_type_hints(cls)
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


def has_generic_hooks(cls: type) -> bool:
    """Whether ``cls`` is read as a plain object of its attrs fields, with no hook of its own."""
    try:
        return _converter().get_structure_hook(cls) in _GENERIC_ATTRS_HOOKS
    except StructureHandlerNotFoundError:  # a field's type has no hook: the schema says which
        return True


_MISSING = object()


class _Retry(Exception):  # noqa: N818  # not an error: the detailed converter takes over
    """Raised on the fast path where the detailed converter must look (and explain)."""


def _fast_attrs_hook(cls: type, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    """An attrs class without detailed validation: unknown keys are found by one set test."""
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


def _is_optional(t: Any) -> bool:
    args = get_args(t)
    return (
        get_origin(t) in (Union, UnionType) and len(args) == 2 and type(None) in args  # noqa: PLR2004
    )


def _optional_hook_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    """``X | None``: one lookup of X's hook when the hook is made, not one per value."""
    (inner_type,) = (a for a in get_args(t) if a is not type(None))
    inner = conv.get_structure_hook(inner_type)

    def structure(value: Any, _: type) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure


# Events are a tagged union: each event object carries its kind under "type".
_EVENT_TYPE_KEY = "type"
_EVENT_TAGS: dict[type, str] = {
    NonRenewalNotice: "non_renewal_notice",
    Termination: "termination",
}
_EVENT_CLASSES = {tag: cls for cls, tag in _EVENT_TAGS.items()}
_EVENT_TAG_LIST = ", ".join(repr(tag) for tag in _EVENT_CLASSES)


def _is_event_union(t: Any) -> bool:
    return set(get_args(t)) == set(_EVENT_TAGS) and get_origin(t) in (Union, UnionType)


def _missing_or_kind(data: dict[str, Any], key: str) -> str:
    return _kind(data[key]) if key in data else "nothing (the key is missing)"


def _event_structure_factory(cls: type, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    inner = _attrs_hook_factory(cls, conv)
    tag = _EVENT_TAGS[cls]

    def structure(value: Any, cl: type) -> Any:
        if type(value) is not dict:
            raise _ShapeError(f"expected an object, got {_kind(value)}")
        if value.get(_EVENT_TYPE_KEY) != tag:
            got = _missing_or_kind(value, _EVENT_TYPE_KEY)
            raise ValidationError([f"$.{_EVENT_TYPE_KEY}: expected {tag!r}, got {got}"])
        body = {k: v for k, v in value.items() if k != _EVENT_TYPE_KEY}
        return inner(body, cl)

    return structure


def _event_unstructure_factory(cls: type, conv: cattrs.Converter) -> Callable[[Any], Any]:
    inner = _attrs_unstructure_factory(cls, conv)
    tag = _EVENT_TAGS[cls]

    def unstructure(event: Any) -> dict[str, Any]:
        return {_EVENT_TYPE_KEY: tag, **inner(event)}

    return unstructure


def _event_union_factory(_: Any, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    hooks = {tag: (conv.get_structure_hook(cls), cls) for tag, cls in _EVENT_CLASSES.items()}

    def structure(value: Any, _: type) -> Any:
        if type(value) is not dict:
            raise _ShapeError(f"expected an event (an object), got {_kind(value)}")
        tag = value.get(_EVENT_TYPE_KEY)
        if type(tag) is not str or tag not in hooks:
            got = _missing_or_kind(value, _EVENT_TYPE_KEY)
            msg = f"$.{_EVENT_TYPE_KEY}: expected one of {_EVENT_TAG_LIST}, got {got}"
            raise ValidationError([msg])
        hook, cls = hooks[tag]
        return hook(value, cls)

    return structure


def _directory_structure_factory(_: type, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    body = _attrs_hook_factory(Directory, conv)

    def structure(value: Any, _: type) -> Directory:
        return _directory_structure(value, body)

    return structure


def _directory_structure(value: Any, read_fields: Callable[[Any, type], Any]) -> Directory:
    if type(value) is not dict:
        raise _ShapeError(f"expected a directory document (an object), got {_kind(value)}")
    errors = []
    body = dict(value)
    fmt = body.pop("format", _MISSING)
    version = body.pop("version", _MISSING)
    if fmt is _MISSING:
        errors.append(f"$.format: required, but missing; write {DOCUMENT_FORMAT!r}")
    elif fmt != DOCUMENT_FORMAT:
        errors.append(f"$.format: expected {DOCUMENT_FORMAT!r}, got {_kind(fmt)}")
    if version is _MISSING:
        errors.append(f"$.version: required, but missing; write {DOCUMENT_VERSION}")
    elif type(version) is not int:
        errors.append(f"$.version: expected a whole number, got {_kind(version)}")
    elif version != DOCUMENT_VERSION:
        try:
            body = _versions.upgrade(body, version, DOCUMENT_VERSION)
        except ValidationError as exc:
            errors.extend(exc.errors)
    if errors:
        raise ValidationError(errors)
    directory: Directory = read_fields(body, Directory)
    return directory


def _directory_unstructure_factory(_: type, conv: cattrs.Converter) -> Callable[[Any], Any]:
    fields = _attrs_unstructure_factory(Directory, conv, omit_if_default=False)

    def unstructure(directory: Directory) -> dict[str, Any]:
        return {"format": DOCUMENT_FORMAT, "version": DOCUMENT_VERSION, **fields(directory)}

    return unstructure


def _make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """The converter; without ``detailed``, the fast path's, which only tells valid from not.

    Saying what is wrong, and where, is left to the detailed converter.
    """
    conv = cattrs.Converter(
        forbid_extra_keys=detailed, omit_if_default=True, detailed_validation=detailed
    )
    conv.register_structure_hook_factory(_is_optional, _optional_hook_factory)
    conv.register_unstructure_hook_factory(_is_hom_tuple, _tuple_unstructure_factory)
    conv.register_unstructure_hook_factory(attrs.has, _attrs_unstructure_factory)
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda _: _ENUM_VALUE
    )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, _DATE_TEXT)
    _SCHEMA_FRAGMENTS[dt.date] = {
        "type": "string",
        "format": "date",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "description": "A calendar date, YYYY-MM-DD (ISO 8601).",
    }
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    _SCHEMA_FRAGMENTS[PartialDate] = {
        "type": "string",
        "pattern": "^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$",
        "description": (
            "A date known to the year, the month or the day: YYYY, YYYY-MM or YYYY-MM-DD."
        ),
    }
    conv.register_structure_hook(Term, _structure_term)
    conv.register_unstructure_hook(Term, _TERM_TEXT)
    _SCHEMA_FRAGMENTS[Term] = {
        "type": "string",
        "pattern": "^P(?:(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?|[0-9]+W)$",
        "minLength": 3,
        "maxLength": 40,
        "description": (
            "A term as the date part of an ISO 8601 duration: years, months and days (P5Y, "
            "P1Y6M, P90D) or weeks alone (P2W); not all zero."
        ),
    }
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, str)
    _SCHEMA_FRAGMENTS[Decimal] = {
        "anyOf": [
            {
                "type": "string",
                "pattern": "^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?$",
                "maxLength": 100,
            },
            {"type": "integer"},
        ],
        "description": (
            "An exact decimal number, written as a string ('864000000', '1.50', '2.1E+10') or as "
            "a whole number; never as a number with a fraction, which JSON readers take for a "
            "binary float. At most 30 digits before the point and 30 after."
        ),
    }
    conv.register_structure_hook_func(_is_figure_value, _structure_figure_value)
    _SCHEMA_FRAGMENTS[FigureValue] = lambda builder: {
        "anyOf": [
            {"type": "integer", "description": "A count."},
            builder.schema_of(Decimal),
            builder.schema_of(Money),
        ],
        "description": "A count (a whole number), a decimal number (a string) or money.",
    }
    conv.register_structure_hook(LocalizedText, _structure_localized)
    conv.register_unstructure_hook(LocalizedText, LocalizedText.to_dict)
    _SCHEMA_FRAGMENTS[LocalizedText] = {
        "type": "object",
        "minProperties": 1,
        "propertyNames": {"pattern": LOCALE_PATTERN, "maxLength": MAX_TAG},  # a BCP 47 tag
        "additionalProperties": {"type": "string", "pattern": "\\S"},
        "description": (
            "The same text in several languages: BCP 47 language tag (en, ja-JP or ja_JP; und "
            "when the language is not known) to text that is not blank."
        ),
    }
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook_factory
    )
    conv.register_structure_hook_factory(_is_hom_tuple, _tuple_hook_factory)
    conv.register_structure_hook_factory(attrs.has, _attrs_hook_factory)
    conv.register_structure_hook_factory(lambda t: t is Directory, _directory_structure_factory)
    conv.register_structure_hook_factory(lambda t: t in _EVENT_TAGS, _event_structure_factory)
    conv.register_unstructure_hook_factory(lambda t: t in _EVENT_TAGS, _event_unstructure_factory)
    conv.register_structure_hook_factory(_is_event_union, _event_union_factory)
    for event, tag in _EVENT_TAGS.items():
        _SCHEMA_FRAGMENTS[event] = functools.partial(_event_schema, event, tag)
    conv.register_unstructure_hook_factory(lambda t: t is Directory, _directory_unstructure_factory)
    _register_tagged_unions(conv)
    _SCHEMA_FRAGMENTS[Directory] = _directory_schema
    return conv


TYPE_KEY = "type"
"""The key that tells the classes of a union apart in JSON: ``{"type": "cluster", ...}``."""

_ORGANIZATION_TAGS: dict[type, str] = {Organization: "organization", Cluster: "cluster"}
_CLAIM_TAGS: dict[type, str] = {PartnerRank: "partner_rank", PartnerCount: "partner_count"}


def _tagged_structure(
    conv: cattrs.Converter, tags: dict[type, str], untagged: type | None
) -> Callable[[Any, Any], Any]:
    """Read an object whose class is named by its ``"type"`` key.

    An object without the key is an ``untagged`` (if given): plain organizations are written
    without it, so documents from before clusters existed still read the same.
    """
    hooks = {cl: conv.get_structure_hook(cl) for cl in tags}
    by_tag = {tag: cl for cl, tag in tags.items()}
    expected = ", ".join(repr(tag) for tag in by_tag)

    def structure(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise _ShapeError(f"expected an object, got {_kind(value)}")
        if TYPE_KEY not in value:
            if untagged is None:
                raise ValidationError([f"$.{TYPE_KEY}: required, but missing; one of {expected}"])
            return hooks[untagged](value, untagged)
        tag = value[TYPE_KEY]
        cl = by_tag.get(tag) if type(tag) is str else None
        if cl is None:
            raise ValidationError([f"$.{TYPE_KEY}: expected one of {expected}, got {_kind(tag)}"])
        return hooks[cl]({k: v for k, v in value.items() if k != TYPE_KEY}, cl)

    return structure


def _tagged_unstructure(
    conv: cattrs.Converter, tags: dict[type, str], untagged: type | None
) -> Callable[[Any], Any]:
    hooks = {cl: conv.get_unstructure_hook(cl) for cl in tags}

    def unstructure(obj: Any) -> Any:
        data = hooks[obj.__class__](obj)
        if obj.__class__ is untagged:
            return data
        return {TYPE_KEY: tags[obj.__class__], **data}

    return unstructure


def _tagged_union(tags: dict[type, str], untagged: type | None) -> Callable[[Any, Any], None]:
    """A cattrs union strategy (as :func:`cattrs.strategies.configure_tagged_union`).

    Unlike cattrs' own, an unknown tag is an error with its path rather than the default class,
    a value that is not an object is refused with a message, and the untagged class is written
    without a tag.
    """

    def strategy(union: Any, conv: cattrs.Converter) -> None:
        members = {cl: tags[cl] for cl in get_args(union)}
        conv.register_structure_hook(union, _tagged_structure(conv, members, untagged))
        conv.register_unstructure_hook(union, _tagged_unstructure(conv, members, untagged))

    return strategy


def _register_tagged_unions(conv: cattrs.Converter) -> None:
    """Organizations and clusters, and the kinds of claims, told apart by ``"type"``."""
    include_subclasses(
        Organization,
        conv,
        subclasses=(Cluster,),
        union_strategy=_tagged_union(_ORGANIZATION_TAGS, untagged=Organization),
    )
    _tagged_union(_CLAIM_TAGS, untagged=None)(Claim, conv)
    # A cluster or a claim read as such may carry its tag or leave it out; it is written with it.
    leaves = {Cluster: "cluster", **_CLAIM_TAGS}
    for cls, tag in leaves.items():
        leaf = _tagged_structure(conv, {cls: tag}, untagged=cls)
        conv.register_structure_hook_func(functools.partial(operator.is_, cls), leaf)
    for cls, tag in _CLAIM_TAGS.items():
        written = _tagged_unstructure(conv, {cls: tag}, untagged=None)
        conv.register_unstructure_hook_func(functools.partial(operator.is_, cls), written)
    _SCHEMA_FRAGMENTS[Organization] = _organization_schema
    for cls, tag in leaves.items():
        _SCHEMA_FRAGMENTS[cls] = functools.partial(_tagged_schema, cls, tag)


def _tagged_schema(cls: type, tag: str, builder: Any) -> dict[str, Any]:
    kind = {TYPE_KEY: {"const": tag, "description": "What kind of object this is."}}
    schema: dict[str, Any] = builder.attrs_object(cls, kind)
    return schema


def _organization_schema(builder: Any) -> dict[str, Any]:
    """A plain organization (``type`` left out or ``"organization"``), or a cluster."""
    plain: dict[str, Any] = builder.attrs_object(Organization)
    plain["properties"] = {
        TYPE_KEY: {"const": "organization", "description": "Optional for a plain organization."},
        **plain["properties"],
    }
    described = {"description": plain.pop("description")} if "description" in plain else {}
    return {**described, "oneOf": [plain, builder.schema_of(Cluster)]}


def _event_schema(cls: type, tag: str, builder: Any) -> dict[str, Any]:
    kind = {"type": {"const": tag, "description": "What kind of event this is."}}
    schema: dict[str, Any] = builder.attrs_object(cls, kind)
    return schema


def _directory_schema(builder: Any) -> dict[str, Any]:
    envelope = {
        "format": {"const": DOCUMENT_FORMAT, "description": "Always the same: the format's name."},
        "version": {
            "const": DOCUMENT_VERSION,
            "description": "The version of the document format; this schema describes this one.",
        },
    }
    schema: dict[str, Any] = builder.attrs_object(Directory, envelope)
    return {"title": f"lifesci-partners directory document, version {DOCUMENT_VERSION}", **schema}


_SCHEMA_FRAGMENTS.update(
    {
        str: {"type": "string"},
        int: {"type": "integer"},
        bool: {"type": "boolean"},
    }
)


@functools.cache
def _converter() -> cattrs.Converter:
    """The converter behind :func:`to_dict` and :func:`from_dict`, made on first use."""
    return _make_converter()


@functools.cache
def _fast_converter() -> cattrs.Converter:
    """The same hooks without detailed validation: the first try of :func:`from_dict`."""
    return _make_converter(detailed=False)


converter: cattrs.Converter  # not bound here: __getattr__ makes it on first use


SCHEMA_FRAGMENTS: dict[Any, SchemaFragment]  # not bound here: __getattr__ gives it when made


def __getattr__(name: str) -> Any:
    if name == "converter":  # made on first use, so that importing the package stays light
        return _converter()
    if name == "SCHEMA_FRAGMENTS":  # complete once the converter is made
        _converter()
        return _SCHEMA_FRAGMENTS
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def _note_index(index: object) -> str:
    return f"[{index}]" if isinstance(index, int) else f"[{index!r}]"


def _unknown_keys(exc: ForbiddenExtraKeysError, path: str) -> list[str]:
    names = [a.name for a in attrs.fields(exc.cl) if a.init] if attrs.has(exc.cl) else []
    if exc.cl is Directory:
        names[:0] = ["format", "version"]
    elif exc.cl in _EVENT_TAGS or exc.cl in _CLAIM_TAGS or exc.cl is Cluster:
        names[:0] = [_EVENT_TYPE_KEY]
    expected = ", ".join(names)
    errors = []
    for key in sorted(exc.extra_fields):
        if key.isidentifier() and len(key) <= _SHOWN:
            where = f"{path}.{key}"
        else:
            where = f"{path}[{key if len(key) <= _SHOWN else key[:_SHOWN] + '...'!r}]"
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.7) if len(key) <= _SHOWN else []
        hint = f"did you mean {close[0]!r}? " if close else ""
        errors.append(f"{where}: unknown key; {hint}expected only: {expected}")
    return errors


def _collect(exc: BaseException, path: str, out: list[str]) -> None:
    """Flatten a cattrs error tree into ``"<path>: <message>"`` lines."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            _collect(sub, f"{path}.{note.name}", out)
        for sub in without:
            _collect(sub, path, out)
    elif isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        for sub, item in items:
            _collect(sub, f"{path}{_note_index(item.index)}", out)
        for sub in rest:
            _collect(sub, path, out)
    elif isinstance(exc, ForbiddenExtraKeysError):
        out.extend(_unknown_keys(exc, path))
    elif isinstance(exc, ValidationError):
        out.extend(path + error[1:] for error in exc.errors)
    elif isinstance(exc, KeyError):
        out.append(f"{path}: required, but missing")
    else:
        out.append(f"{path}: {exc}")


def errors_of(exc: BaseException) -> tuple[str, ...]:
    """The ``"<path>: <message>"`` lines for an exception raised while structuring."""
    out: list[str] = []
    _collect(exc, "$", out)
    return tuple(out)


def to_dict(obj: object) -> Any:
    """Return ``obj`` as JSON-ready Python data (dicts, lists, strings, numbers, booleans).

    Example:
        >>> from lifesci_partners import Term, Party, to_dict
        >>> to_dict(Party("link-j"))
        {'org': 'link-j'}
        >>> to_dict(Term(years=5))
        'P5Y'
    """
    with _gc_paused():
        return _converter().unstructure(obj)


def from_dict(data: Any, cls: type[T], *, limits: Limits | None = None) -> T:
    """Build a ``cls`` from JSON-ready Python data, checking everything.

    Args:
        data: What :func:`json.loads` would give.
        cls: The model class to build, such as :class:`~lifesci_partners.Directory`.
        limits: Bounds on nesting depth and the size of numbers; default :class:`Limits()
            <lifesci_partners.Limits>`.

    Returns:
        The validated model.

    Raises:
        ValidationError: Every problem found, each with its path.
        TypeError: ``cls`` is not a type this library can build.

    Example:
        >>> from lifesci_partners import Party, from_dict
        >>> from_dict({"org": "mpr", "role": "partner"}, Party)
        Party(org='mpr', role='partner')
        >>> from_dict({"org": 5, "rank": 1}, Party)
        Traceback (most recent call last):
        ...
        lifesci_partners.exceptions.ValidationError: 2 problems:
          $.org: expected a string, got a number (5)
          $.rank: unknown key; expected only: org, role
    """
    errors = list(check_data(data, DEFAULT_LIMITS if limits is None else limits))
    if errors:
        raise ValidationError(errors)
    return _structure(data, cls)


def _structure(data: Any, cls: type[T]) -> T:
    try:
        return _structure_fast(data, cls)
    except Exception:  # noqa: BLE001, S110  # whatever it was, the detailed converter says it
        pass
    try:
        return _converter().structure(data, cls)
    except StructureHandlerNotFoundError:
        msg = f"{cls!r} is not a lifesci-partners model and cannot be read from JSON data"
        raise TypeError(msg) from None
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        raise ValidationError(errors_of(exc)) from None


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the garbage collector, and resume it after if it was running.

    Reading and writing a directory make many small objects and no reference cycles, and every
    collection while they are made traverses them all again; the next one after does it once.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _structure_fast(data: Any, cls: type[T]) -> T:
    """Structure without detailed validation, with the garbage collector paused."""
    with _gc_paused():
        return _fast_converter().structure(data, cls)


def _refuse_constant(name: str) -> Any:
    msg = f"$: {name} is not valid JSON; numbers must be finite"
    raise ValidationError([msg])


# The optional fast JSON library (the "fast" extra): orjson writes JSON text many times faster
# than the standard library, and exactly the same text (compact, or indented by 2); whatever it
# cannot write the same way (a lone surrogate, an integer beyond 64 bits) the standard library
# writes. Reading stays with the standard library's parser, which alone can refuse duplicate keys
# and read a number with a fraction without rounding it (see _limits.parse_json).
JSON_BACKENDS = ("json", "orjson")
_backend: list[str | None] = [None]  # None: orjson when it is installed, else the standard json


@functools.cache
def _orjson() -> Any:
    try:
        import orjson  # noqa: PLC0415  # optional, and imported on first use only
    except ImportError:
        return None
    return orjson


def set_json_backend(name: str | None) -> str | None:
    """Choose how JSON text is written; return the previous choice.

    ``"json"`` for the standard library alone, ``"orjson"`` for orjson first (it must be
    installed), ``None`` (the default) for orjson when it is installed. The text is the same
    either way; this exists so that tests and benchmarks can compare the two in one run.

    Raises:
        ValueError: ``name`` is none of these, or orjson is asked for and not installed.
    """
    if name not in (None, *JSON_BACKENDS):
        msg = f"unknown JSON backend {name!r}; use one of {JSON_BACKENDS} or None"
        raise ValueError(msg)
    if name == "orjson" and _orjson() is None:
        msg = "orjson is not installed; install lifesci-partners[fast]"
        raise ValueError(msg)
    previous, _backend[0] = _backend[0], name
    return previous


def _fast_json() -> Any:
    """The orjson module when it is to be tried first, else ``None``."""
    return None if _backend[0] == "json" else _orjson()


# Without orjson, compact JSON text is written by functions generated per class, as the dict
# functions are, that write the text of an object directly: no dict is built and no key encoded
# again, and strings are escaped by the standard library's own function, so that the text is
# the same as json.dumps of to_dict's data (a test compares them on every model). A type with a
# hook whose output they do not know (tagged unions, figures) is written by json.dumps of what
# its hook gives.
_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_escaped: Callable[[str], str] = json.encoder.encode_basestring  # the C function where there is one
# Hooks that write a string with no character to escape: a date, a term or a decimal number.
_PLAIN_STRINGS: dict[Any, Any] = {
    dt.date: _DATE_TEXT,
    PartialDate: PartialDate.isoformat,
    Term: _TERM_TEXT,
    Decimal: str,
}
_TEXT_WRITERS: dict[type, Callable[[Any], str] | None] = {}


def _localized_text(text: LocalizedText) -> str:
    escaped = _escaped
    texts = text._texts  # noqa: SLF001  # read only, to write it
    return "{" + ",".join([escaped(k) + ":" + escaped(v) for k, v in texts.items()]) + "}"


def _text_writer(cls: type) -> Callable[[Any], str] | None:
    """The function that writes a ``cls`` as compact JSON text; ``None`` for json.dumps."""
    try:
        return _TEXT_WRITERS[cls]
    except KeyError:
        pass
    _TEXT_WRITERS[cls] = None  # while it is made, and for good if there is none
    conv = _converter()
    if _PLAIN_ATTRS_UNSTRUCTURE.get(conv.get_unstructure_hook(cls)) is cls:
        _TEXT_WRITERS[cls] = _attrs_text_writer(cls, conv)
    elif cls in _EVENT_TAGS:  # as _event_unstructure_factory writes it
        _TEXT_WRITERS[cls] = _attrs_text_writer(cls, conv, {_EVENT_TYPE_KEY: _EVENT_TAGS[cls]})
    elif cls is Directory:  # as _directory_unstructure_factory writes it
        envelope = {"format": DOCUMENT_FORMAT, "version": DOCUMENT_VERSION}
        _TEXT_WRITERS[cls] = _attrs_text_writer(cls, conv, envelope, omit_if_default=False)
    return _TEXT_WRITERS[cls]


def _attrs_text_writer(
    cls: type,
    conv: cattrs.Converter,
    first: dict[str, Any] | None = None,
    *,
    omit_if_default: bool = True,
) -> Callable[[Any], str]:
    """Write a ``cls`` as JSON text, as json.dumps writes what its dict function gives.

    ``first``: constant keys and values written before the fields (a tag, an envelope).
    """
    namespace: dict[str, Any] = {"escaped": _escaped, "dumps": _dumps}
    function = f"write_{cls.__name__}"
    body = _attrs_text(cls, "instance", conv, namespace, first, omit_if_default=omit_if_default)
    writer: Callable[[Any], str] = _compiled(
        function,
        f"def {function}(instance):\n    return {body}",
        namespace,
        f"{cls.__module__}.{cls.__qualname__} as text",
    )
    return writer


def _attrs_text(
    cls: type,
    instance: str,
    conv: cattrs.Converter,
    namespace: dict[str, Any],
    first: dict[str, Any] | None = None,
    *,
    omit_if_default: bool = True,
) -> str:
    """The expression that writes ``instance``, a ``cls``, with the fields its dict has.

    One expression, so that it can stand inside another class's (a party inside an agreement):
    each field left out when it has its default is a conditional expression.
    """
    hints = get_type_hints(cls)
    always = [repr(_dumps(first)[1:-1])] if first else []
    omitted: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        t = hints.get(field.name, Any)
        key = _escaped(field.name) + ":"
        if field.default is attrs.NOTHING or not omit_if_default:
            written = _text_of(t, f"{instance}.{field.name}", conv, namespace)
            always.append(f"{',' + key if always else key!r} + {written}")
            continue
        default = _default_of(field)  # not _MISSING: the class has a plain dict function
        value = _name(namespace, "value")
        if default is None:
            test = f"({value} := {instance}.{field.name}) is not None"
            if _is_optional(t):
                (t,) = (a for a in get_args(t) if a is not type(None))
        else:
            name = _name(namespace, "default", default)
            same = "is not" if isinstance(default, enum.Enum) else "!="
            test = f"({value} := {instance}.{field.name}) {same} {name}"
        written = _text_of(t, value, conv, namespace)
        omitted.append(f"({',' + key!r} + {written} if {test} else '')")
    if always:
        return f"''.join(('{{', {', '.join([*always, *omitted])}, '}}'))"
    return f"'{{' + ''.join(({', '.join(omitted)},))[1:] + '}}'"


def _name(namespace: dict[str, Any], prefix: str, value: Any = None) -> str:
    """A name not yet used in ``namespace``, bound there to ``value``."""
    name = f"{prefix}{len(namespace)}"
    namespace[name] = value
    return name


def _text_of(t: Any, value: str, conv: cattrs.Converter, namespace: dict[str, Any]) -> str:  # noqa: PLR0911  # one return per kind of value
    """The expression that writes ``value``, of type ``t``, as JSON text."""
    if _is_hom_tuple(t):
        item = _name(namespace, "item")
        written = _text_of(get_args(t)[0], item, conv, namespace)
        return f"'[' + ','.join([{written} for {item} in {value}]) + ']'"
    hook = conv.get_unstructure_hook(t)
    if hook == conv._unstructure_union:  # noqa: SLF001  # cattrs' own: by the value's class
        return _union_text(t, value, hook, namespace)
    leaf = _leaf_text(t, hook, value, namespace)
    if leaf is not None:
        return leaf
    writer = _text_writer(t) if isinstance(t, type) else None
    if writer is not None and value.isidentifier() and len(attrs.fields(t)) <= _INLINED_FIELDS:
        return _attrs_text(t, value, conv, namespace)
    if writer is not None:
        return f"{_name(namespace, 'hook', writer)}({value})"
    if hook is identity:
        return f"dumps({value})"
    return f"dumps({_name(namespace, 'hook', hook)}({value}))"


def _leaf_text(t: Any, hook: Any, value: str, namespace: dict[str, Any]) -> str | None:
    """The expression that writes ``value`` if ``t`` is a string, number, enum, date or text."""
    if t is str and hook is identity:
        return f"escaped({value})"
    if hook is identity and t in (int, bool):  # as json writes them; anything else by json
        plain = "int.__repr__({v})" if t is int else "('true' if {v} else 'false')"
        return f"({plain.format(v=value)} if {value}.__class__ is {t.__name__} else dumps({value}))"
    if hook is _ENUM_VALUE and all(type(member.value) is str for member in t):
        return f"escaped({value}._value_)"
    if _PLAIN_STRINGS.get(t) == hook:
        return f"'\"' + {_name(namespace, 'hook', hook)}({value}) + '\"'"
    if t is LocalizedText and hook == LocalizedText.to_dict:
        return f"{_name(namespace, 'hook', _localized_text)}({value})"
    return None


def _union_text(t: Any, value: str, hook: Any, namespace: dict[str, Any]) -> str:
    """A union that cattrs writes by the value's class: its class's writer, if all have one."""
    writers = {member: _text_writer(member) for member in get_args(t)}
    if None in writers.values():
        return f"dumps({_name(namespace, 'hook', hook)}({value}))"
    return f"{_name(namespace, 'writers', writers)}[{value}.__class__]({value})"


_INLINED_FIELDS = 3
"""A class with this many fields or fewer is written in place, without a call of its own."""


def _compact_text(obj: object) -> str | None:
    """``obj`` as compact JSON text by the generated writers; ``None`` where there are none."""
    if type(obj) is tuple or type(obj) is list:
        writers = {cls: _text_writer(cls) for cls in {type(item) for item in obj}}
        if None in writers.values():
            return None
        return "[" + ",".join([writers[type(item)](item) for item in obj]) + "]"  # type: ignore[misc]  # none is None
    writer = _text_writer(type(obj))
    return None if writer is None else writer(obj)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Return ``obj`` as JSON text (UTF-8 text, non-ASCII characters kept as they are).

    Compact by default; ``indent=2`` (or another width) puts each value on its own line.

    Example:
        >>> from lifesci_partners import Party, to_json
        >>> to_json(Party("mpr", role="partner"))
        '{"org":"mpr","role":"partner"}'
    """
    # The collector stays paused until the dicts are gone, so that it never traverses them.
    with _gc_paused():
        return _json_text(obj, indent)


class _OrjsonHooks(dict[type, Callable[[Any], Any]]):
    """What :func:`_orjson_default` gives orjson for an object, by its class, made on first use.

    A model with a plain dict function gets its raw one (see :func:`_written_raw`), events and
    directories the same with their tag or envelope; localized text its own dict; any other
    class the converter's hook.
    """

    def __missing__(self, cls: type) -> Callable[[Any], Any]:
        conv = _converter()
        hook = conv.get_unstructure_hook(cls)
        if _PLAIN_ATTRS_UNSTRUCTURE.get(hook) is cls:
            hook = _attrs_unstructure_factory(cls, conv, raw=True)
        elif cls in _EVENT_TAGS:  # as _event_unstructure_factory writes it
            hook = _with_first(
                {_EVENT_TYPE_KEY: _EVENT_TAGS[cls]}, _attrs_unstructure_factory(cls, conv, raw=True)
            )
        elif cls is Directory:  # as _directory_unstructure_factory writes it
            fields = _attrs_unstructure_factory(cls, conv, omit_if_default=False, raw=True)
            hook = _with_first({"format": DOCUMENT_FORMAT, "version": DOCUMENT_VERSION}, fields)
        elif cls is LocalizedText:
            hook = operator.attrgetter("_texts")  # read only, by orjson
        self[cls] = hook
        return hook


def _with_first(first: dict[str, Any], fields: Callable[[Any], dict[str, Any]]) -> Any:
    return lambda obj: {**first, **fields(obj)}


_ORJSON_HOOKS = _OrjsonHooks()


def _orjson_default(obj: Any) -> Any:
    """Called by orjson for each object it cannot write itself: the models and their leaves."""
    return _ORJSON_HOOKS[obj.__class__](obj)


def _json_text(obj: object, indent: int | None) -> str:
    fast = _fast_json()
    if fast is None and indent is None:
        text = _compact_text(obj)
        if text is not None:
            return text
    if fast is not None and indent in (None, 2):
        option = fast.OPT_PASSTHROUGH_DATETIME | fast.OPT_PASSTHROUGH_SUBCLASS
        if indent == 2:  # noqa: PLR2004  # the only indent that orjson writes
            option |= fast.OPT_INDENT_2
        try:
            return str(fast.dumps(obj, default=_orjson_default, option=option), "utf-8")
        except TypeError:  # such as a lone surrogate, or an integer beyond 64 bits
            pass
    data = _converter().unstructure(obj)
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(
        data, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False
    )


def from_json(text: str | bytes, cls: type[T], *, limits: Limits | None = None) -> T:
    """Build a ``cls`` from JSON text, checking everything; the inverse of :func:`to_json`.

    The text is UTF-8 (as ``bytes``) or ``str``; a leading byte order mark is ignored. A number
    with a fraction or exponent is never taken for an exact amount: amounts, rates and decimal
    figures are written as strings (``"1.50"``) or whole numbers. Duplicate keys, NaN,
    infinities and lone surrogates are refused.

    Args:
        text: The JSON text.
        cls: The model class to build, such as :class:`~lifesci_partners.Directory`.
        limits: Bounds on size, nesting depth and numbers; default :class:`Limits()
            <lifesci_partners.Limits>`.

    Raises:
        ValidationError: The text is not JSON, breaks a limit, or describes no valid ``cls``;
            every problem is listed with its path.

    Example:
        >>> from lifesci_partners import Term, from_json, to_json
        >>> from_json(to_json(Term(years=5)), Term)
        Term(years=5, months=0, days=0)
    """
    data = parse_json(text, DEFAULT_LIMITS if limits is None else limits, _JsonFloat)
    return _structure(data, cls)
