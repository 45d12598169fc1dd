"""Models built from what the hooks read, without checking again what the hooks checked.

The fast converter's hook for an attrs class reads each field with its type's hook, which refuses
a value of any other type. So the field validators that only check a type (``instance_of``,
``optional(instance_of(...))``, ``tuple_of``) would check again what is already certain; the
function generated here builds the object as its ``__init__`` would (converters, defaults, the
other validators, then ``__attrs_post_init__`` once) without them. Objects built from Python
keep every validator: only the reader skips what it has proven. The detailed converter still
builds through ``__init__``, and the tests compare both readers on valid and broken documents.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Collection
from typing import Any, TypeVar, cast, get_args, get_type_hints

import attrs
import cattrs

from lifesci_partners._json._compile import compiled
from lifesci_partners._json._types import _is_hom_tuple, _is_optional
from lifesci_partners._validate import (
    _InstanceOf,
    _Optional,
    _OptionalInstanceOf,
    _TupleOf,
    date_value,
)

__all__ = ["Retry", "trusted_init", "trusted_structure_fn", "type_hints"]

T = TypeVar("T", bound=attrs.AttrsInstance)

_TYPE_RULES = (_InstanceOf, _OptionalInstanceOf, _TupleOf)
"""The rules that a field's structure hook has already proven."""


class Retry(Exception):  # noqa: N818  # not an error: the detailed converter takes over
    """Raised on the fast path where the detailed converter must look (and explain)."""


@functools.cache
def type_hints(cls: type) -> dict[str, Any]:
    """The field types of ``cls``, evaluated once."""
    return get_type_hints(cls)


def _kept(validator: Any) -> list[Any]:
    """The parts of a field's validator that a structure hook has not already proven."""
    if validator is None:
        return []
    parts = getattr(validator, "_validators", None)  # attrs' and_(...) and lists of validators
    if parts is not None:
        return [kept for part in parts for kept in _kept(part)]
    if isinstance(validator, _TYPE_RULES) or validator is date_value:
        return []  # the date hook gives a date, never a datetime
    if type(validator) is _Optional and not _kept(validator.validator):
        return []
    return [validator]


def trusted_structure_fn(
    cls: type, conv: cattrs.Converter, built: Collection[str] = ()
) -> Callable[[Any, type], Any] | None:
    """A structure function for ``cls`` that skips the rules its hooks proved.

    The fields named in ``built`` arrive already read (by their type's hooks, as this function
    would read them) and are taken as they are. ``None`` if ``cls`` needs what it cannot do (a
    converter that takes ``self``).
    """
    hints = type_hints(cls)
    namespace: dict[str, Any] = {
        "__new": object.__new__,
        "__set": object.__setattr__,
        "__cls": cls,
        "__Retry": Retry,
        "__known": frozenset(a.name for a in attrs.fields(cls) if a.init).issuperset,
    }
    body: list[str] = []
    checks: list[str] = []
    for i, field in enumerate(attrs.fields(cls)):
        converter = field.converter
        if converter is not None and isinstance(converter, attrs.Converter):
            return None
        default = field.default
        if field.init:
            read = (
                [f"v{i} = o[{field.name!r}]"]
                if field.name in built
                else _read(i, f"o[{field.name!r}]", hints[field.name], conv, namespace)
            )
            if default is attrs.NOTHING:
                body.extend(f"    {line}" for line in read)
            else:
                body.append(f"    if {field.name!r} in o:")
                body.extend(f"        {line}" for line in read)
                body.append("    else:")
                body.append(f"        v{i} = {_default(i, default, namespace)}")
        elif default is not attrs.NOTHING:
            body.append(f"    v{i} = {_default(i, default, namespace)}")
        else:
            continue  # set by __attrs_post_init__
        if converter is not None:
            namespace[f"c{i}"] = converter
            body.append(f"    v{i} = c{i}(v{i})")
        body.append(_set_line(cls, i, field.name, namespace))
        for j, rule in enumerate(_kept(field.validator)):
            namespace[f"a{i}"] = field
            if type(rule) is _Optional:  # what _Optional.__call__ does, without its call
                namespace[f"r{i}_{j}"] = rule.validator
                checks.append(f"    if v{i} is not None:")
                checks.append(f"        r{i}_{j}(self, a{i}, v{i})")
            else:
                namespace[f"r{i}_{j}"] = rule
                checks.append(f"    r{i}_{j}(self, a{i}, v{i})")
    name = f"structure_{cls.__name__}"
    post_init = ["    self.__attrs_post_init__()"] if hasattr(cls, "__attrs_post_init__") else []
    source = "\n".join(
        [
            f"def {name}(o, _):",
            "    if type(o) is not dict or not __known(o):",
            "        raise __Retry",
            "    self = __new(__cls)",
            *body,
            *checks,
            *post_init,
            "    return self",
            "",
        ]
    )
    function: Callable[[Any, type], Any] = compiled(name, source, namespace, "reader")
    return function


def trusted_init(cls: type[T]) -> Callable[[dict[str, Any]], T]:
    """``cls`` built from its field values, by name, when a reader made each of its field's type.

    :func:`trusted_structure_fn` with every field already read: the type rules are skipped; the
    other rules, the converters and ``__attrs_post_init__`` run as ``__init__`` runs them, with
    the same errors. For the importers (``load_ror``), whose values come out of their own checks;
    never for a caller's data.
    """
    return cast("Callable[[dict[str, Any]], T]", _trusted_init(cls))


@functools.cache
def _trusted_init(cls: type[attrs.AttrsInstance]) -> Callable[[dict[str, Any]], Any]:
    names = [field.name for field in attrs.fields(cls) if field.init]
    function = trusted_structure_fn(cls, cattrs.Converter(), built=names)
    if function is None:
        return lambda values: cls(**values)
    # Its second parameter, named _, is the class cattrs passes; partial binds it in C.
    return functools.partial(function, _=cls)  # type: ignore[call-arg]


def _set_line(cls: type, i: int, name: str, namespace: dict[str, Any]) -> str:
    """The line that sets field ``name`` to ``v{i}``, as the frozen ``__init__`` would.

    A slot is set by its own descriptor, found once here, rather than by
    ``object.__setattr__``, which finds it again on every call (about a fifth faster).
    """
    for klass in cls.__mro__:
        if name in vars(klass):
            slot = vars(klass)[name]
            if type(slot) is types.MemberDescriptorType:
                namespace[f"s{i}"] = slot.__set__
                return f"    s{i}(self, v{i})"
            break
    return f"    __set(self, {name!r}, v{i})"


def _read(
    i: int, value: str, field_type: Any, conv: cattrs.Converter, namespace: dict[str, Any]
) -> list[str]:
    """Lines that set ``v{i}`` to ``value`` read as ``field_type``.

    An optional value and an array are read in place, with the hook of what they hold: one
    Python call per value instead of three.
    """
    args = get_args(field_type)
    if _is_hom_tuple(field_type):
        namespace[f"h{i}"] = conv.get_structure_hook(args[0])
        namespace[f"t{i}"] = args[0]
        return [
            f"x{i} = {value}",
            f"if type(x{i}) is not list:",
            "    raise __Retry",
            f"v{i} = tuple([h{i}(e, t{i}) for e in x{i}])",
        ]
    if _is_optional(field_type):
        (inner,) = (a for a in args if a is not type(None))
        if _is_text(inner, conv):
            return [
                f"v{i} = {value}",
                f"if v{i} is not None and type(v{i}) is not str:",
                "    raise __Retry",
            ]
        namespace[f"h{i}"] = conv.get_structure_hook(inner)
        namespace[f"t{i}"] = inner
        return [f"x{i} = {value}", f"v{i} = None if x{i} is None else h{i}(x{i}, t{i})"]
    if _is_text(field_type, conv):
        return [f"v{i} = {value}", f"if type(v{i}) is not str:", "    raise __Retry"]
    namespace[f"h{i}"] = conv.get_structure_hook(field_type)
    namespace[f"t{i}"] = field_type
    return [f"v{i} = h{i}({value}, t{i})"]


def _is_text(field_type: Any, conv: cattrs.Converter) -> bool:
    """Whether ``field_type`` is read by the string hook, which takes a ``str`` and no other.

    Then the generated function checks the type itself, without a call.
    """
    from lifesci_partners._json._hooks import _structure_str  # noqa: PLC0415  # it imports us

    return field_type is str and conv.get_structure_hook(str) is _structure_str


def _default(i: int, default: Any, namespace: dict[str, Any]) -> str:
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs.Factory is a class
        namespace[f"d{i}"] = default.factory
        return f"d{i}(self)" if default.takes_self else f"d{i}()"
    namespace[f"d{i}"] = default
    return f"d{i}"
