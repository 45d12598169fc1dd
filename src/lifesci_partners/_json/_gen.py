"""Code generation: the functions that write an attrs class as a dict, made from source text.

cattrs generates a function per class too (``cattrs.gen``); the ones made here write the same
dict with fewer Python calls (see :func:`_attrs_unstructure_factory`). Each generated function
gets a file name of its own in :mod:`linecache`, so that a traceback shows its source.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs
import cattrs
from cattrs.fns import identity
from cattrs.gen import make_dict_unstructure_fn

from lifesci_partners._json._compile import compiled as _compiled
from lifesci_partners._json._hooks import _ENUM_VALUE, _MISSING
from lifesci_partners._json._types import _is_hom_tuple, _is_optional
from lifesci_partners._localized import LocalizedText

_PLAIN_ATTRS_UNSTRUCTURE: dict[Callable[[Any], Any], type] = {}
"""The functions made by :func:`_attrs_unstructure_factory` for a whole class, and the class."""
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
    ``OrjsonHooks.default`` (``_orjson.py``) for each model inside.
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
    kind = "raw dict writer" if raw else "dict writer"
    unstructure: Callable[[Any], dict[str, Any]] = _compiled(
        function, "\n".join(lines), namespace, f"{kind} of {cls.__module__}.{cls.__qualname__}"
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
