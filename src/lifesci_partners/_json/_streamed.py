"""Big arrays read item by item: each item's model built, and its parsed data let go, at once.

The tree of dicts that parsing makes is the largest thing that reading a document holds: about
one and a half times the models built from it (issue 18). Parsed whole and then built, both are
alive at the peak. So when a document is an array of models (``tuple[Agreement, ...]``) or a
directory, the fast reader parses one item of its arrays at a time, with json's own scanner (the
same hooks as :func:`~lifesci_partners._json._reader.parse_json`'s, at the item's place in the
text), and builds the item's model before it parses the next: the tree of the whole document
never exists. The models are those the fast converter builds from the whole tree, with the
same hooks.

This is faster than parsing whole, with or without the ``[fast]`` extra: the dicts of an item
are read while they are still in the processor's cache, and msgspec's proof that it read what
the exact reader reads costs about what its parsing saves (measured in docs/performance.md).

Whatever is unusual (a deep text, escapes that may make a lone surrogate, a number or key a
hook refused, a directory of another version, an item that does not build) makes
:meth:`StreamedReader.read` give up, and the caller reads the text again the ordinary way, which
gives every result and every error with its path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from json import decoder as _decoder
from typing import Any, TypeVar, get_args

import attrs
import cattrs

from lifesci_partners._directory import Directory
from lifesci_partners._json._deep import RECURSION_SAFE, nesting_depth
from lifesci_partners._json._gc import gc_paused
from lifesci_partners._json._reader import (
    JsonFloat,
    Limits,
    _decoded,
    _Hooks,
    _raw_of,
    may_hold_surrogates,
)
from lifesci_partners._json._trusted import trusted_structure_fn, type_hints
from lifesci_partners._json._types import _is_hom_tuple
from lifesci_partners._json._versions import DOCUMENT_FORMAT, DOCUMENT_VERSION
from lifesci_partners.exceptions import ValidationError

__all__ = ["StreamedReader"]

_BLANKS = re.compile(r"[ \t\n\r]*")
"""JSON's whitespace, as json's own parser skips it."""
_after_item = re.compile(r"[ \t\n\r]*(?:(,)[ \t\n\r]*|\])").match
"""What follows an item of an array: a comma and blanks, or the closing bracket."""
# json's own string scanner (C when available), which is not in typeshed.
_scanstring: Callable[[str, int, bool], tuple[str, int]] = _decoder.scanstring  # type: ignore[attr-defined]

T = TypeVar("T")
_Scan = Callable[[str, int], tuple[Any, int]]
_Hook = Callable[[Any, Any], Any]


class _GiveUp(Exception):  # noqa: N818  # not an error: the ordinary reader takes over
    """The text is not one this reader reads; the ordinary reader reads it instead."""


def _skip(text: str, at: int) -> int:
    """The index past the blanks at ``text[at]``."""
    return _BLANKS.match(text, at).end()  # type: ignore[union-attr]  # '*' always matches


def _scanned(text: str, at: int, scan: _Scan, hook: _Hook, item_type: Any) -> tuple[Any, int]:
    """The models of the array at ``text[at]`` (a ``[``), each built as its item is parsed.

    Returns them as a tuple, with the index just past the array.
    """
    at = _skip(text, at + 1)
    models: list[Any] = []
    if text.startswith("]", at):
        return (), at + 1
    while True:
        item, at = scan(text, at)
        models.append(hook(item, item_type))
        after = _after_item(text, at)
        if after is None:
            raise _GiveUp
        at = after.end()
        if after.lastindex is None:  # not the comma: the closing bracket
            return tuple(models), at


class _ArrayOf:
    """A document that is an array of one model: ``tuple[Agreement, ...]``."""

    def __init__(self, item_type: Any, conv: cattrs.Converter) -> None:
        self.item_type = item_type
        self.hook = conv.get_structure_hook(item_type)

    def from_text(self, text: str, at: int, scan: _Scan) -> tuple[tuple[Any, ...], int]:
        if not text.startswith("[", at):
            raise _GiveUp
        return _scanned(text, at, scan, self.hook, self.item_type)


class _DirectoryDocument:
    """A directory document: its frame, and a few arrays of models read item by item."""

    def __init__(self, conv: cattrs.Converter) -> None:
        hints = type_hints(Directory)
        arrays = [f.name for f in attrs.fields(Directory) if _is_hom_tuple(hints[f.name])]
        self.items: dict[str, tuple[_Hook, Any]] = {}
        for name in arrays:
            (item_type,) = get_args(hints[name])[:1]
            self.items[name] = (conv.get_structure_hook(item_type), item_type)
        build = trusted_structure_fn(Directory, conv, built=arrays)
        if build is None:  # pragma: no cover  # Directory's converters take no ``self``
            msg = "Directory cannot be built from read fields"
            raise TypeError(msg)
        self.build = build

    def _directory(self, body: dict[str, Any]) -> Directory:
        """The directory of ``body``, whose arrays are read, if its frame is this version's."""
        fmt = body.pop("format", None)
        version = body.pop("version", None)
        if fmt != DOCUMENT_FORMAT or type(version) is not int or version != DOCUMENT_VERSION:
            raise _GiveUp  # missing, wrong, or an older version to migrate
        directory: Directory = self.build(body, Directory)
        return directory

    def from_text(self, text: str, at: int, scan: _Scan) -> tuple[Directory, int]:
        if not text.startswith("{", at):
            raise _GiveUp
        pairs: list[tuple[str, Any]] = []
        at = _skip(text, at + 1)
        while True:
            if not text.startswith('"', at):
                raise _GiveUp
            key, at = _scanstring(text, at + 1, True)  # noqa: FBT003  # json's strict mode
            at = _skip(text, at)
            if not text.startswith(":", at):
                raise _GiveUp
            at = _skip(text, at + 1)
            read = self.items.get(key)
            if read is not None:
                value, at = _scanned_array(text, at, scan, *read)
            else:
                value, at = scan(text, at)
            pairs.append((key, value))
            at = _skip(text, at)
            mark = text[at : at + 1]
            if mark == ",":
                at = _skip(text, at + 1)
            elif mark == "}":
                break
            else:
                raise _GiveUp
        body = dict(pairs)
        if len(body) != len(pairs):  # a duplicate key: the ordinary reader says which
            raise _GiveUp
        return self._directory(body), at + 1


def _scanned_array(
    text: str, at: int, scan: _Scan, hook: _Hook, item_type: Any
) -> tuple[tuple[Any, ...], int]:
    if not text.startswith("[", at):
        raise _GiveUp  # not an array: the ordinary reader says so
    return _scanned(text, at, scan, hook, item_type)


_Shape = _ArrayOf | _DirectoryDocument


class StreamedReader:
    """The fast converter's models of a document's big arrays, built item by item.

    Made from the fast converter, whose hooks it calls; see the module's docstring.
    """

    def __init__(self, conv: cattrs.Converter) -> None:
        self._conv = conv
        self._shapes: dict[Any, _Shape | None] = {}

    def _shape(self, cls: Any) -> _Shape | None:
        try:
            return self._shapes[cls]
        except KeyError:
            pass
        except TypeError:  # an unhashable type: no model
            return None
        shape: _Shape | None = None
        if cls is Directory:
            shape = _DirectoryDocument(self._conv)
        elif _is_hom_tuple(cls):
            shape = _ArrayOf(get_args(cls)[0], self._conv)
        self._shapes[cls] = shape
        return shape

    def read(self, source: list[str | bytes], cls: type[T], limits: Limits) -> tuple[T] | None:
        """``(model,)`` read item by item from the text in ``source``, or None.

        None whenever the ordinary reader could find anything to say, so that it says it: then
        read ``source[0]`` the ordinary way. Bytes in ``source`` are replaced by their decoded
        text (the same document to any reader), so that they are freed if nothing else holds
        them.
        """
        shape = self._shape(cls)
        if shape is None:
            return None
        text = source[0]
        try:
            raw, given = _raw_of(text, limits)
        except Exception:  # noqa: BLE001  # the ordinary reader raises it again, with its words
            return None
        del text
        enough = min(limits.max_depth, RECURSION_SAFE)
        if nesting_depth(raw, enough) > enough or may_hold_surrogates(raw, given):
            return None
        if given is None:
            try:
                given = _decoded(raw)
            except ValidationError:  # not UTF-8: the ordinary reader says where
                return None
            source[0] = given
        del raw
        hooks = _Hooks(limits, JsonFloat)
        try:
            with gc_paused():
                model = self._read(shape, given, hooks)
        except Exception:  # noqa: BLE001  # whatever it was, the ordinary reader says it
            return None
        return None if hooks.refused else (model,)

    @staticmethod
    def _read(shape: _Shape, text: str, hooks: _Hooks) -> Any:
        scan: _Scan = json.JSONDecoder(
            parse_int=hooks.parse_int,
            parse_float=hooks.parse_float,
            parse_constant=hooks.parse_constant,
            object_pairs_hook=hooks.object_pairs,
        ).scan_once  # type: ignore[attr-defined]  # json's scanner, not in typeshed
        model, at = shape.from_text(text, _skip(text, 0), scan)
        if _skip(text, at) != len(text):
            raise _GiveUp  # more after the document: the ordinary reader says what
        return model
