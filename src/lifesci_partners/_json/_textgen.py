"""Code generation: the functions that write a model as compact JSON text, without orjson.

Functions generated per class, as the dict functions are (``_gen.py``), write the text of an
object directly: no dict is built and no key encoded again, and strings are escaped by the
standard library's own function, so that the text is the same as json.dumps of to_dict's data (a
test compares them on every model). A type with a hook whose output they do not know (tagged
unions, figures) is written by json.dumps of what its hook gives.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any, get_args, get_type_hints

import attrs
import cattrs
from cattrs.fns import identity

from lifesci_partners._dates import PartialDate
from lifesci_partners._directory import Directory
from lifesci_partners._json._compile import compiled as _compiled
from lifesci_partners._json._gen import _PLAIN_ATTRS_UNSTRUCTURE, _default_of
from lifesci_partners._json._hooks import (
    _DATE_TEXT,
    _ENUM_VALUE,
    _TERM_TEXT,
)
from lifesci_partners._json._tagged import _EVENT_TAGS, _EVENT_TYPE_KEY
from lifesci_partners._json._types import _is_hom_tuple, _is_optional
from lifesci_partners._json._versions import DOCUMENT_FORMAT, DOCUMENT_VERSION
from lifesci_partners._localized import LocalizedText
from lifesci_partners._terms import Term

__all__ = ["TextWriters"]

_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_escaped: Callable[[str], str] = json.encoder.encode_basestring  # the C function where there is one
# Hooks that write a string with no character to escape: a date, a term or a decimal number.
_PLAIN_STRINGS: dict[Any, Any] = {
    dt.date: _DATE_TEXT,
    PartialDate: PartialDate.isoformat,
    Term: _TERM_TEXT,
    Decimal: str,
}
_INLINED_FIELDS = 3
"""A class with this many fields or fewer is written in place, without a call of its own."""


def _localized_text(text: LocalizedText) -> str:
    escaped = _escaped
    texts = text._texts  # noqa: SLF001  # read only, to write it
    return "{" + ",".join([escaped(k) + ":" + escaped(v) for k, v in texts.items()]) + "}"


class TextWriters(dict[type, Callable[[Any], str] | None]):
    """The function that writes each class as compact JSON text, made on first use from ``conv``.

    ``None`` for a class that json.dumps writes, from what its hook in ``conv`` gives.
    """

    def __init__(self, conv: cattrs.Converter) -> None:
        super().__init__()
        self.conv = conv

    def __missing__(self, cls: type) -> Callable[[Any], str] | None:
        self[cls] = None  # while it is made, and for good if there is none
        conv = self.conv
        if _PLAIN_ATTRS_UNSTRUCTURE.get(conv.get_unstructure_hook(cls)) is cls:
            self[cls] = self._writer(cls)
        elif cls in _EVENT_TAGS:  # as _tagged._event_unstructure_factory writes it
            self[cls] = self._writer(cls, {_EVENT_TYPE_KEY: _EVENT_TAGS[cls]})
        elif cls is Directory:  # as _tagged._directory_unstructure_factory writes it
            envelope = {"format": DOCUMENT_FORMAT, "version": DOCUMENT_VERSION}
            self[cls] = self._writer(cls, envelope, omit_if_default=False)
        return self[cls]

    def text(self, obj: object) -> str | None:
        """``obj`` as compact JSON text; ``None`` where there are no writers for it."""
        if type(obj) is tuple or type(obj) is list:
            writers = {cls: self[cls] for cls in {type(item) for item in obj}}
            if None in writers.values():
                return None
            return "[" + ",".join([writers[type(item)](item) for item in obj]) + "]"  # type: ignore[misc]  # none is None
        writer = self[type(obj)]
        return None if writer is None else writer(obj)

    def _writer(
        self, cls: type, first: dict[str, Any] | None = None, *, omit_if_default: bool = True
    ) -> Callable[[Any], str]:
        """Write a ``cls`` as JSON text, as json.dumps writes what its dict function gives.

        ``first``: constant keys and values written before the fields (a tag, an envelope).
        """
        namespace: dict[str, Any] = {"escaped": _escaped, "dumps": _dumps}
        function = f"write_{cls.__name__}"
        body = self._object(cls, "instance", namespace, first, omit_if_default=omit_if_default)
        writer: Callable[[Any], str] = _compiled(
            function,
            f"def {function}(instance):\n    return {body}",
            namespace,
            f"text writer of {cls.__module__}.{cls.__qualname__}",
        )
        return writer

    def _object(
        self,
        cls: type,
        instance: str,
        namespace: dict[str, Any],
        first: dict[str, Any] | None = None,
        *,
        omit_if_default: bool = True,
    ) -> str:
        """The expression that writes ``instance``, a ``cls``, with the fields its dict has.

        One expression, so that it can stand inside another class's (a party inside an
        agreement): each field left out when it has its default is a conditional expression.
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
                written = self._value(t, f"{instance}.{field.name}", namespace)
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
            written = self._value(t, value, namespace)
            omitted.append(f"({',' + key!r} + {written} if {test} else '')")
        if always:
            return f"''.join(('{{', {', '.join([*always, *omitted])}, '}}'))"
        return f"'{{' + ''.join(({', '.join(omitted)},))[1:] + '}}'"

    def _value(self, t: Any, value: str, namespace: dict[str, Any]) -> str:  # noqa: PLR0911  # one return per kind of value
        """The expression that writes ``value``, of type ``t``, as JSON text."""
        conv = self.conv
        if _is_hom_tuple(t):
            item = _name(namespace, "item")
            written = self._value(get_args(t)[0], item, namespace)
            return f"'[' + ','.join([{written} for {item} in {value}]) + ']'"
        hook = conv.get_unstructure_hook(t)
        if hook == conv._unstructure_union:  # noqa: SLF001  # cattrs' own: by the value's class
            return self._union(t, value, hook, namespace)
        leaf = _leaf_text(t, hook, value, namespace)
        if leaf is not None:
            return leaf
        writer = self[t] if isinstance(t, type) else None
        if writer is not None and value.isidentifier() and len(attrs.fields(t)) <= _INLINED_FIELDS:
            return self._object(t, value, namespace)
        if writer is not None:
            return f"{_name(namespace, 'hook', writer)}({value})"
        if hook is identity:
            return f"dumps({value})"
        return f"dumps({_name(namespace, 'hook', hook)}({value}))"

    def _union(self, t: Any, value: str, hook: Any, namespace: dict[str, Any]) -> str:
        """A union that cattrs writes by the value's class: its class's writer, if all have one."""
        writers = {member: self[member] for member in get_args(t)}
        if None in writers.values():
            return f"dumps({_name(namespace, 'hook', hook)}({value}))"
        return f"{_name(namespace, 'writers', writers)}[{value}.__class__]({value})"


def _name(namespace: dict[str, Any], prefix: str, value: Any = None) -> str:
    """A name not yet used in ``namespace``, bound there to ``value``."""
    name = f"{prefix}{len(namespace)}"
    namespace[name] = value
    return name


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
