"""The JSON document format: the two converters, and the public load/dump functions.

Dates are ISO 8601 strings, terms ISO 8601 durations (``"P5Y"``), enums their values, localized
text a ``{"locale": "text"}`` object. Input is strict: unknown keys are refused and no value is
coerced from another type (a number is never read as text). Every problem in a document is
reported at once in one :class:`~lifesci_partners.exceptions.ValidationError`, each with its path.

Two converters are made from the same hooks, each on first use: the fast one
(``detailed_validation=False``) reads first, and the detailed one reads again and explains when
the fast one fails.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import StructureHandlerNotFoundError

from lifesci_partners._dates import PartialDate
from lifesci_partners._directory import Directory
from lifesci_partners._json._errors import errors_of
from lifesci_partners._json._gc import gc_paused as _gc_paused
from lifesci_partners._json._gen import _attrs_unstructure_factory
from lifesci_partners._json._hooks import (
    _DATE_TEXT,
    _ENUM_VALUE,
    _GENERIC_ATTRS_HOOKS,
    _TERM_TEXT,
    _attrs_hook_factory,
    _enum_hook_factory,
    _figure_value_hook_factory,
    _is_figure_value,
    _optional_hook_factory,
    _structure_bool,
    _structure_date,
    _structure_decimal,
    _structure_int,
    _structure_localized,
    _structure_partial_date,
    _structure_str,
    _structure_term,
    _tuple_hook_factory,
    _tuple_unstructure_factory,
)
from lifesci_partners._json._orjson import OrjsonHooks, fast_json
from lifesci_partners._json._reader import (
    DEFAULT_LIMITS,
    JsonFloat,
    Limits,
    capped,
    check_data,
    limits_for,
    parse_json,
)
from lifesci_partners._json._streamed import StreamedReader
from lifesci_partners._json._tagged import (
    _EVENT_TAGS,
    _directory_structure_factory,
    _directory_unstructure_factory,
    _event_structure_factory,
    _event_union_factory,
    _event_unstructure_factory,
    _is_event_union,
    _register_tagged_unions,
)
from lifesci_partners._json._textgen import TextWriters
from lifesci_partners._json._types import _is_hom_tuple, _is_optional
from lifesci_partners._json._whole import whole_directory_factory
from lifesci_partners._localized import LocalizedText
from lifesci_partners._terms import Term
from lifesci_partners.exceptions import InvalidArgumentError, WrongTypeError

__all__ = [
    "from_dict",
    "from_json",
    "has_generic_hooks",
    "to_dict",
    "to_json",
]

T = TypeVar("T")


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
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    conv.register_structure_hook(Term, _structure_term)
    conv.register_unstructure_hook(Term, _TERM_TEXT)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook_factory(_is_figure_value, _figure_value_hook_factory)
    conv.register_structure_hook(LocalizedText, _structure_localized)
    conv.register_unstructure_hook(LocalizedText, LocalizedText.to_dict)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook_factory
    )
    conv.register_structure_hook_factory(_is_hom_tuple, _tuple_hook_factory)
    conv.register_structure_hook_factory(attrs.has, _attrs_hook_factory)
    conv.register_structure_hook_factory(
        lambda t: t is Directory,
        whole_directory_factory if detailed else _directory_structure_factory,
    )
    conv.register_structure_hook_factory(lambda t: t in _EVENT_TAGS, _event_structure_factory)
    conv.register_unstructure_hook_factory(lambda t: t in _EVENT_TAGS, _event_unstructure_factory)
    conv.register_structure_hook_factory(_is_event_union, _event_union_factory)
    conv.register_unstructure_hook_factory(lambda t: t is Directory, _directory_unstructure_factory)
    _register_tagged_unions(conv)
    return conv


@functools.cache
def _converter() -> cattrs.Converter:
    """The converter behind :func:`to_dict` and :func:`from_dict`, made on first use."""
    return _make_converter()


@functools.cache
def _fast_converter() -> cattrs.Converter:
    """The same hooks without detailed validation: the first try of :func:`from_dict`."""
    return _make_converter(detailed=False)


@functools.cache
def _streamed_reader() -> StreamedReader:
    """The fast converter's reader of big arrays, item by item."""
    return StreamedReader(_fast_converter())


@functools.cache
def _text_writers() -> TextWriters:
    """The compact text writers, made from the converter's hooks."""
    return TextWriters(_converter())


@functools.cache
def _orjson_hooks() -> OrjsonHooks:
    """What orjson is given for the models, made from the converter's hooks."""
    return OrjsonHooks(_converter())


def has_generic_hooks(cls: type) -> bool:
    """Whether ``cls`` is read as a plain object of its attrs fields, with no hook of its own."""
    try:
        return _converter().get_structure_hook(cls) in _GENERIC_ATTRS_HOOKS
    except StructureHandlerNotFoundError:  # a field's type has no hook: the schema says which
        return True


converter: cattrs.Converter  # not bound here: __getattr__ makes it on first use


def __getattr__(name: str) -> Any:
    if name == "converter":  # made on first use, so that importing the package stays light
        return _converter()
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


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
        WrongTypeError: ``cls`` is not a type this library can build.

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
    limits = limits_for(limits, "from_dict")
    errors = list(check_data(data, limits))
    if errors:
        raise capped(errors, limits)
    return _structure(data, cls, limits)


def _structure(data: Any, cls: type[T], limits: Limits = DEFAULT_LIMITS) -> T:
    try:
        return _structure_fast(data, cls)
    except Exception:  # noqa: BLE001, S110  # whatever it was, the detailed converter says it
        pass
    try:
        return _converter().structure(data, cls)
    except StructureHandlerNotFoundError:
        msg = f"{cls!r} is not a lifesci-partners model and cannot be read from JSON data"
        raise WrongTypeError(msg) from None
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        raise capped(errors_of(exc), limits) from None


def _structure_fast(data: Any, cls: type[T]) -> T:
    """Structure without detailed validation, with the garbage collector paused."""
    with _gc_paused():
        return _fast_converter().structure(data, cls)


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


def _json_text(obj: object, indent: int | None) -> str:
    fast = fast_json()
    if fast is None and indent is None:
        text = _text_writers().text(obj)
        if text is not None:
            return text
    if fast is not None and indent in (None, 2) and _models_only(obj):
        text = _orjson_hooks().text(fast, obj, indent)
        if text is not None:
            return text
    data = _converter().unstructure(obj)
    separators = (",", ":") if indent is None else (",", ": ")
    try:
        return json.dumps(
            data, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False
        )
    except TypeError as exc:  # not a model nor JSON data: json says what it met
        msg = f"to_json() writes models and JSON data (dict, list, str, int, bool, None): {exc}"
        raise WrongTypeError(msg) from None
    except ValueError as exc:  # NaN, an infinity, or a list or dict that contains itself
        msg = f"to_json() cannot write this: {exc}"
        raise InvalidArgumentError(msg) from None


def _models_only(obj: object) -> bool:
    """Whether ``obj`` is a model or a list or tuple of models: what orjson may write.

    The models hold no ``float``; plain data may, and orjson writes NaN and the infinities as
    ``null`` where the standard library (``allow_nan=False``) refuses them, so plain data is
    written by the standard library, with the same result with or without the extra.
    """
    if attrs.has(type(obj)):
        return True
    return type(obj) in (tuple, list) and all(attrs.has(t) for t in set(map(type, obj)))  # type: ignore[call-overload]


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
    limits = limits_for(limits, "from_json")
    return read_json([text], cls, limits)


def read_json(source: list[str | bytes], cls: type[T], limits: Limits) -> T:
    """:func:`from_json` of the text in ``source``, which may replace it by its decoded form.

    So bytes that only ``source`` holds (``load`` reads a file this way) are freed once decoded.
    """
    # A directory or an array of models is built item by item, so that the parsed tree of the
    # whole document and its models are never alive together; anything unusual is read again
    # the ordinary way, which says what is wrong.
    streamed = _streamed_reader().read(source, cls, limits)
    if streamed is not None:
        return streamed[0]
    data = parse_json(source.pop(), limits, JsonFloat)
    return _structure(data, cls, limits)
