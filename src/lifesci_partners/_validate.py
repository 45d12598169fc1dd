"""attrs validators shared by the models; each raises ValidationError with the field's path.

Every validator here is a :class:`Rule`: a small frozen object, as attrs' own validators are
(``attrs.validators.instance_of`` is an ``_InstanceOfValidator`` that keeps its type), that
carries what it checks. ``Rule.json_schema`` gives the JSON Schema keywords that the rule adds to
its field's type, so that ``_json/_schema.py`` reads each rule from the rule itself, and a
regular expression is written once. A model's own validator becomes a rule with :func:`rule`.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, TypeVar, cast
from urllib.parse import urlsplit

import attrs

from lifesci_partners._arguments import fix_for
from lifesci_partners._characters import END_OF_TEXT, LINE_CONTROLS, forbidden_in
from lifesci_partners._shown import SHOWN as _SHOWN
from lifesci_partners._shown import describe
from lifesci_partners.exceptions import ValidationError, WrongTypeValidationError

__all__ = [
    "Rule",
    "as_tuple",
    "date_value",
    "describe",
    "identifier",
    "instance_of",
    "is_identifier",
    "joined",
    "non_blank",
    "optional",
    "rule",
    "tuple_of",
    "url_problem",
    "web_url",
    "whole",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
T = TypeVar("T")

_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,199}")
_SPACE = re.compile(r"\s")  # the characters str.isspace() is true for, found in one C call


def fail(attribute: attrs.Attribute[Any], message: str) -> ValidationError:
    """Return a ValidationError about ``attribute`` (to be raised by the caller)."""
    return ValidationError([f"$.{attribute.name}: {message}"])


def wrong_type(
    attribute: attrs.Attribute[Any], expected: str, value: object, types: tuple[type, ...] = ()
) -> WrongTypeValidationError:
    """Return the error for a ``value`` of the wrong type, with how to make one of ``types``.

    Example:
        >>> import datetime as dt
        >>> @attrs.define
        ... class Holder:
        ...     on: dt.date
        >>> print(wrong_type(attrs.fields(Holder).on, "a date", "2024-01-01", (dt.date,)))
        $.on: expected a date, got str '2024-01-01'; use datetime.date.fromisoformat('2024-01-01')
    """
    message = f"$.{attribute.name}: expected {expected}, got {describe(value)}"
    return WrongTypeValidationError([message + fix_for(types, value)])


def joined(errors: Iterable[ValidationError]) -> ValidationError:
    """One error with the problems of all ``errors``; a wrong type if any of them is one.

    Example:
        >>> error = joined([ValidationError("$.a: bad"), WrongTypeValidationError("$.b: no")])
        >>> type(error).__name__, error.errors
        ('WrongTypeValidationError', ('$.a: bad', '$.b: no'))
    """
    items = tuple(errors)
    wrong = any(isinstance(e, WrongTypeValidationError) for e in items)
    lines = [line for e in items for line in e.errors]
    return WrongTypeValidationError(lines) if wrong else ValidationError(lines)


def as_tuple(items: Iterable[T]) -> tuple[T, ...]:
    """``items`` as a tuple, for the converter of a field that holds a tuple.

    A value that is not a collection of items is kept as it is, for the field's validator to
    refuse with the field's path: something that is not iterable, and a ``str`` or ``bytes``,
    whose items (characters) are never what was meant. Any other iterable is taken, a mapping
    as its keys (``dict.fromkeys`` is an ordered set).

    Example:
        >>> as_tuple(["a", "b"]), as_tuple("ab"), as_tuple(5)
        (('a', 'b'), 'ab', 5)
    """
    kind = type(items)
    if kind is tuple:
        return cast("tuple[T, ...]", items)
    if kind is list:  # the common cases first, without the checks below
        return tuple(items)
    if isinstance(items, str | bytes | bytearray) or not isinstance(items, Iterable):
        return items  # type: ignore[return-value]  # the field's validator refuses it
    return tuple(items)


def whole(pattern: re.Pattern[str]) -> str:
    r"""The JSON Schema pattern that matches what ``pattern.fullmatch`` matches.

    Example:
        >>> whole(re.compile("[a-z]+"))
        '^[a-z]+(?![\\s\\S])'
        >>> whole(re.compile("a|b"))
        '^(?:a|b)(?![\\s\\S])'
    """
    text = pattern.pattern
    depth = 0
    escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            return f"^(?:{text}){END_OF_TEXT}"
    return f"^{text}{END_OF_TEXT}"


class Rule:
    """A field validator that carries what it checks: the base of every validator here.

    Called as attrs calls a validator, ``rule(instance, attribute, value)``; raises
    :class:`~lifesci_partners.exceptions.ValidationError`. :attr:`schema` holds the JSON Schema
    keywords that the rule adds to the schema of its field's type: none (``{}``) for a rule that
    checks no more than the type says.
    """

    __slots__ = ()

    schema: ClassVar[Mapping[str, Any]] = {}

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        raise NotImplementedError  # pragma: no cover  # every rule has its own

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema keywords that this rule adds to its field's type (a new dict)."""
        return copy.deepcopy(dict(self.schema))


def rule(schema: Mapping[str, Any]) -> Callable[[Validator], Rule]:
    """Make a validator function a :class:`Rule` whose JSON Schema is ``schema``.

    The function becomes the ``__call__`` of a class of its own, so that calling the rule costs
    what calling the function did.

    Example:
        >>> @rule({"minimum": 1})
        ... def positive(_instance, attribute, value):
        ...     if value < 1:
        ...         raise fail(attribute, f"must be at least 1, got {value}")
        >>> positive.json_schema()
        {'minimum': 1}
    """

    def make(check: Validator) -> Rule:
        namespace = {
            "__slots__": (),
            "__call__": staticmethod(check),
            "__doc__": check.__doc__,
            "__module__": check.__module__,
            "__qualname__": check.__qualname__,
            "__repr__": lambda _: f"<rule {check.__module__}.{check.__qualname__}>",
            "schema": schema,
        }
        made: Rule = type(check.__name__, (Rule,), namespace)()
        return made

    return make


@attrs.frozen
class _InstanceOf(Rule):
    """An instance of one of ``types`` (``bool`` is not an ``int``)."""

    types: tuple[type, ...]
    names: str = attrs.field(init=False)

    @names.default
    def _names(self) -> str:
        return " or ".join(t.__name__ for t in self.types)

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        types = self.types
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise wrong_type(attribute, self.names, value, types)


def instance_of(*types: type) -> Rule:
    """Check that the value is an instance of one of ``types`` (``bool`` is not an ``int``)."""
    return _InstanceOf(types)


@attrs.frozen
class _TupleOf(Rule):
    """A tuple whose every item is an instance of one of ``types``."""

    types: tuple[type, ...]
    names: str = attrs.field(init=False)

    @names.default
    def _names(self) -> str:
        return " or ".join(t.__name__ for t in self.types)

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise wrong_type(attribute, "a tuple", value, (tuple,))
        types = self.types
        for item in value:  # the usual case (often no item at all), without building a list
            if not isinstance(item, types):
                break
        else:
            return
        errors = [
            f"$.{attribute.name}[{i}]: expected {self.names}, got {describe(item)}"
            + fix_for(types, item)
            for i, item in enumerate(value)
            if not isinstance(item, types)
        ]
        if errors:
            raise WrongTypeValidationError(errors)


def tuple_of(item_type: type | tuple[type, ...]) -> Rule:
    """Check for a tuple whose every item is an ``item_type`` (or one of several types).

    The error names the index of each wrong item and the types expected.
    """
    return _TupleOf(item_type if isinstance(item_type, tuple) else (item_type,))


@attrs.frozen
class _Optional(Rule):
    """Runs ``validator`` unless the value is ``None``; says what ``validator`` says."""

    validator: Validator

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            self.validator(instance, attribute, value)


@attrs.frozen
class _OptionalInstanceOf(_Optional):
    """``optional(instance_of(...))`` in one call: the most common validator of the models."""

    validator: _InstanceOf

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            types = self.validator.types
            if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
                raise wrong_type(attribute, self.validator.names, value, types)


def optional(validator: Validator) -> Rule:
    """Run ``validator`` unless the value is ``None``."""
    if type(validator) is _InstanceOf:
        return _OptionalInstanceOf(validator)
    return _Optional(validator)


@rule({"type": "string", "pattern": "\\S"})
def non_blank(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check for a string that is not empty or only white space."""
    if not isinstance(value, str):
        raise wrong_type(attribute, "a string", value)
    if not value.strip():
        raise fail(attribute, "must not be empty")


def is_identifier(value: str) -> bool:
    """Whether ``value`` is a valid id, as :func:`identifier` checks it."""
    return _IDENTIFIER.fullmatch(value) is not None


@rule({"type": "string", "pattern": whole(_IDENTIFIER)})
def identifier(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check an id: 1 to 200 letters, digits, ``.``, ``_``, ``:`` or ``-``.

    The first character is a letter or digit: ``link-j``, ``mou:link-j:mpr:2020``.
    """
    if not isinstance(value, str):
        raise wrong_type(attribute, "an id (a string)", value)
    if not _IDENTIFIER.fullmatch(value):
        shown = repr(value) if len(value) <= _SHOWN else repr(value[:_SHOWN]) + "..."
        raise fail(
            attribute,
            f"{shown} is not a valid id: use 1 to 200 letters, digits, '.', '_', ':' or '-', "
            "starting with a letter or digit",
        )


@rule({})
def date_value(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check for a calendar date (a ``datetime.date``, not a ``datetime``)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise wrong_type(attribute, "a date", value, (dt.date,))


# What JSON Schema can say of a URL: an http or https scheme and a host, no white space and no
# control character.
_URL_PATTERN = (
    f"^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s{LINE_CONTROLS}]+[^\\s{LINE_CONTROLS}]*{END_OF_TEXT}"
)


# The usual URL, in one C call: http or https, a host of ASCII letters, digits, dots and hyphens,
# a port, then printable ASCII. url_problem accepts every such text (a property test says so), so
# only the other texts need urlsplit.
_PLAIN_URL = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(?::[0-9]*)?(?:[/?#][!-~]*)?")


def url_problem(value: str) -> str | None:
    """What makes ``value`` no http or https URL with a host, or ``None``."""
    try:
        parts = urlsplit(value)
    except ValueError:  # such as "http://[" (an unclosed IPv6 address)
        parts = urlsplit("")
    if parts.scheme not in {"http", "https"} or not parts.netloc or _SPACE.search(value):
        shown = repr(value) if len(value) <= _SHOWN else repr(value[:_SHOWN]) + "..."
        return f"{shown} is not an http or https URL such as 'https://example.org/'"
    problem = None if value.isprintable() else forbidden_in(value, one_line=True)
    return None if problem is None else f"the URL {problem}"


@rule({"type": "string", "format": "uri", "pattern": _URL_PATTERN})
def web_url(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check for an absolute http or https URL with a host, and no control character."""
    if not isinstance(value, str):
        raise wrong_type(attribute, "a URL (a string)", value)
    if _PLAIN_URL.fullmatch(value) is None:
        problem = url_problem(value)
        if problem is not None:
            raise fail(attribute, problem)
