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
from collections.abc import Callable, Collection, Mapping
from typing import Any, TypeVar, cast, get_args, get_type_hints

import attrs
import cattrs

from lifesci_partners._free_text import one_line
from lifesci_partners._json._compile import compiled
from lifesci_partners._json._types import _is_hom_tuple, _is_optional
from lifesci_partners._validate import (
    _IDENTIFIER,
    _InstanceOf,
    _Optional,
    _OptionalInstanceOf,
    _TupleOf,
    as_tuple,
    date_value,
    identifier,
)

__all__ = [
    "QUICK_TESTS",
    "QuickTest",
    "Retry",
    "keeps_tuples",
    "trusted_init",
    "trusted_structure_fn",
    "type_hints",
]

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
        field_type = hints[field.name]
        read_here = field.init and field.name not in built
        if field.init:
            if read_here and default is None and _is_optional(field_type):
                # A missing key and a null are both None: one lookup instead of two.
                body.extend(
                    f"    {line}"
                    for line in _read(i, f"o.get({field.name!r})", field_type, conv, namespace)
                )
            else:
                read = (
                    _read(i, f"o[{field.name!r}]", field_type, conv, namespace)
                    if read_here
                    else [f"v{i} = o[{field.name!r}]"]
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
            tuple_here = read_here and _is_hom_tuple(field_type)
            body.extend(_convert_lines(i, converter, tuple_here, default, namespace))
        body.append(_set_line(cls, i, field.name, namespace))
        # Whether the generated code proved v{i} a str (or, for an optional text, None).
        text_here = read_here and converter is None and _is_text(_inner(field_type), conv)
        may_be_none = _is_optional(field_type)
        for j, rule in enumerate(_kept(field.validator)):
            checks.extend(
                _check_lines(
                    i, j, field, rule, namespace, text_here=text_here, may_be_none=may_be_none
                )
            )
    name = f"structure_{cls.__name__}"
    post_init = []
    if hasattr(cls, "__attrs_post_init__"):
        namespace["__post"] = cls.__attrs_post_init__
        post_init = ["    __post(self)"]
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


def _check_lines(
    i: int,
    j: int,
    field: attrs.Attribute[Any],
    rule: Any,
    namespace: dict[str, Any],
    *,
    text_here: bool,
    may_be_none: bool,
) -> list[str]:
    """Lines that run ``rule`` on ``v{i}``, the value of ``field``.

    Where the value is known to be a ``str`` (``text_here``: the generated code checked its
    type; ``None`` too if ``may_be_none``, which only an optional rule lets through) and the
    rule has a quick test (:data:`QUICK_TESTS`), the rule is called only when the test fails, to
    say why: a text that passes the test passes the rule.
    """
    namespace[f"a{i}"] = field
    optional = type(rule) is _Optional  # what _Optional.__call__ does, without its call
    inner = rule.validator if optional else rule
    namespace[f"r{i}_{j}"] = inner
    proven = text_here and (optional or not may_be_none)
    quick = QUICK_TESTS.get(inner) if proven else None
    if quick is not None:
        namespace.update(quick.names)
        passes = quick.test.format(v=f"v{i}")
        condition = f"v{i} is not None and not ({passes})" if optional else f"not ({passes})"
        return [f"    if {condition}:", f"        r{i}_{j}(self, a{i}, v{i})"]
    if optional:
        return [f"    if v{i} is not None:", f"        r{i}_{j}(self, a{i}, v{i})"]
    return [f"    r{i}_{j}(self, a{i}, v{i})"]


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


def _convert_lines(
    i: int, converter: Any, tuple_here: bool, default: Any, namespace: dict[str, Any]
) -> list[str]:
    """Lines that convert ``v{i}``: none for a tuple this function read and that stays one.

    A tuple built here is never converted again by a converter that keeps tuples; a value given
    ready-made (``built``, as :func:`trusted_init` gives them) only when it is not a tuple.
    """
    keeps = keeps_tuples(converter)
    if keeps and tuple_here and (default is attrs.NOTHING or type(default) is tuple):
        return []
    namespace[f"c{i}"] = converter
    if keeps:
        return [f"    if type(v{i}) is not tuple:", f"        v{i} = c{i}(v{i})"]
    return [f"    v{i} = c{i}(v{i})"]


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


def _inner(field_type: Any) -> Any:
    """``X`` for ``X | None``; any other type as it is."""
    if not _is_optional(field_type):
        return field_type
    (inner,) = (a for a in get_args(field_type) if a is not type(None))
    return inner


def _as_tuple_of(items: Any) -> Any:  # the body that keeps_tuples recognises
    return as_tuple(items)


def keeps_tuples(converter: Any) -> bool:
    """Whether ``converter`` gives back any tuple it is given, unchanged.

    :func:`~lifesci_partners._validate.as_tuple` does, and so does a function whose whole body
    is ``return as_tuple(items)`` (the models' ``_to_parties`` and the like), as its bytecode
    shows. Then the generated function does not call it on the tuple it built itself.
    """
    if converter is as_tuple:
        return True
    code = getattr(converter, "__code__", None)
    template = _as_tuple_of.__code__
    return (
        code is not None
        and code.co_code == template.co_code
        and code.co_names == template.co_names
        and code.co_argcount == 1
        and getattr(converter, "__globals__", {}).get("as_tuple") is as_tuple
    )


@attrs.frozen
class QuickTest:
    """An expression that a ``str`` makes true only if it passes a rule (``{v}``: the value).

    In C calls only, so that the usual value costs no Python call; a value that fails it goes
    to the rule, which says what is wrong (or passes it: the test may be stricter).
    """

    test: str
    names: Mapping[str, Any] = attrs.field(factory=dict)


QUICK_TESTS: Mapping[Any, QuickTest] = {
    identifier: QuickTest("__ident({v}) is not None", {"__ident": _IDENTIFIER.fullmatch}),
    # one_line refuses a text that strip() empties: exactly "" and what isspace() is true for.
    one_line: QuickTest("{v} and not {v}.isspace() and {v}.isprintable()"),
}
"""The rules that the generated functions test in one expression, by rule."""


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
