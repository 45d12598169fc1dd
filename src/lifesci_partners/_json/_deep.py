"""Deep documents: their depth measured before parsing, and a parser without recursion.

The standard library's parser recurses once per level of nesting, on the C stack as well as
Python's: a few thousand levels exhaust a thread's stack (and kill the process) before any
``RecursionError``. So the depth of a text is measured first, without parsing it
(:func:`nesting_depth`, at the speed of a few passes of C over the bytes); a text that nests
deeper than :data:`RECURSION_SAFE` levels is read by :func:`parse_iteratively`, which keeps its
own stack and gives what :func:`json.loads` gives, errors included.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Callable
from json import decoder as _decoder
from typing import Any

__all__ = ["RECURSION_SAFE", "nesting_depth", "parse_iteratively"]

RECURSION_SAFE = 100
"""The deepest text that :func:`json.loads` may read: far below any thread's stack."""

_KEPT = b'[]{}"'
_DELETED = bytes(i for i in range(256) if i not in _KEPT)
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1


def nesting_depth(raw: bytes, enough: int = RECURSION_SAFE) -> int:
    """The deepest nesting of arrays and objects in the JSON text ``raw``, strings left out.

    Exact for valid JSON, or ``enough`` when the text has no more than ``enough`` brackets (an
    upper bound, which is all a caller needs). For invalid JSON, never less than what a parser
    reaches before the first error: a backslash outside a string (the only thing that can
    mislead the count) is itself an error, after which nothing is parsed.
    """
    if b"\\" in raw:  # escaped backslashes, then escaped quotes: neither ends a string
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    marks = raw.translate(None, _DELETED)  # brackets and quotes
    if marks.count(b"[") + marks.count(b"{") <= enough:  # counted in the shorter text
        return enough  # an upper bound is enough: such a text is safe to parse
    # Quotes now alternate between opening and closing a string; an empty pair encloses
    # nothing, and dropping two in a row keeps the parity of the rest.
    marks = marks.replace(b'""', b"")
    if b'"' in marks:
        marks = b"".join(marks.split(b'"')[::2])  # what lies between strings
    peeled = _peeled_depth(marks)
    if peeled is not None:
        return peeled
    return max(itertools.accumulate(map(_STEP.__getitem__, marks)), default=0)


_PARENS = bytes.maketrans(b"[]{}", b"()()")
_MOST_PEELS = 32


def _peeled_depth(brackets: bytes) -> int | None:
    """The depth of balanced ``brackets``, in at most 32 peels; None if unbalanced or deeper.

    A peel takes out every pair that holds nothing (``()``, either kind of bracket, in one C
    call), which lowers the depth of balanced brackets by exactly one: an opening bracket at the
    greatest depth is followed by its closing one. So the number of peels that empties the
    text is its depth, the greatest sum of +1 per opening and -1 per closing bracket over its
    beginnings (what the count in ``nesting_depth`` gives for any text, at a Python object per
    bracket).
    """
    text = brackets.translate(_PARENS)
    peels = 0
    while text and peels < _MOST_PEELS:
        text = text.replace(b"()", b"")
        peels += 1
    return None if text else peels


_WHITESPACE = re.compile(r"[ \t\n\r]*")
# json's own string scanner (C when available), which is not in typeshed.
scanstring: Callable[[str, int, bool], tuple[str, int]] = _decoder.scanstring  # type: ignore[attr-defined]


def _skip(text: str, idx: int) -> int:
    """Past the blanks at ``idx``."""
    blanks = _WHITESPACE.match(text, idx)
    return idx if blanks is None else blanks.end()


_NUMBER = re.compile(r"(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?")
_TRAILING_COMMA_ERRORS = sys.version_info >= (3, 13)  # the messages json gives since 3.13


class _Object:
    __slots__ = ("key", "pairs")

    def __init__(self, key: str) -> None:
        self.pairs: list[tuple[str, Any]] = []
        self.key = key


def parse_iteratively(  # noqa: C901, PLR0912, PLR0915  # one loop with its own stack: the point
    text: str,
    *,
    parse_int: Callable[[str], Any],
    parse_float: Callable[[str], Any],
    parse_constant: Callable[[str], Any],
    object_pairs_hook: Callable[[list[tuple[str, Any]]], Any],
) -> Any:
    """What :func:`json.loads` gives for ``text`` with these hooks, at any depth.

    Raises:
        json.JSONDecodeError: The text is not JSON, with the message and position that
            :func:`json.loads` gives.
    """
    stack: list[list[Any] | _Object] = []
    idx = _skip(text, 0)
    while True:
        # A value starts at idx.
        char = text[idx : idx + 1]
        if char == "{":
            idx += 1
            char = text[idx : idx + 1]
            if char != '"':
                idx = _skip(text, idx)
                char = text[idx : idx + 1]
                if char == "}":
                    value, idx = object_pairs_hook([]), idx + 1
                elif char != '"':
                    msg = "Expecting property name enclosed in double quotes"
                    raise json.JSONDecodeError(msg, text, idx)
            if char == '"':
                key, idx = scanstring(text, idx + 1, True)  # noqa: FBT003  # strict, as json's
                idx = _colon(text, idx)
                stack.append(_Object(key))
                continue
        elif char == "[":
            idx = _skip(text, idx + 1)
            if text[idx : idx + 1] == "]":
                value, idx = [], idx + 1
            else:
                stack.append([])
                continue
        else:
            value, idx = _scalar(text, idx, parse_int, parse_float, parse_constant)
        # A value ends at idx: it goes into the container it is part of, which may end too.
        while True:
            if not stack:
                end = _skip(text, idx)
                if end != len(text):
                    raise json.JSONDecodeError("Extra data", text, end)
                return value
            top = stack[-1]
            idx = _skip(text, idx)
            char = text[idx : idx + 1]
            idx += 1
            if isinstance(top, list):
                top.append(value)
                if char == "]":
                    value = stack.pop()
                    continue
                if char != ",":
                    raise json.JSONDecodeError("Expecting ',' delimiter", text, idx - 1)
                comma = idx - 1
                idx = _skip(text, idx)
                if _TRAILING_COMMA_ERRORS and text[idx : idx + 1] == "]":
                    msg = "Illegal trailing comma before end of array"
                    raise json.JSONDecodeError(msg, text, comma)
                break
            top.pairs.append((top.key, value))
            if char == "}":
                stack.pop()
                value = object_pairs_hook(top.pairs)
                continue
            if char != ",":
                raise json.JSONDecodeError("Expecting ',' delimiter", text, idx - 1)
            comma = idx - 1
            idx = _skip(text, idx)
            char = text[idx : idx + 1]
            if char != '"':
                if _TRAILING_COMMA_ERRORS and char == "}":
                    msg = "Illegal trailing comma before end of object"
                    raise json.JSONDecodeError(msg, text, comma)
                msg = "Expecting property name enclosed in double quotes"
                raise json.JSONDecodeError(msg, text, idx)
            top.key, idx = scanstring(text, idx + 1, True)  # noqa: FBT003
            idx = _colon(text, idx)
            break


def _colon(text: str, idx: int) -> int:
    """Past the ``:`` after a key, and the blanks after it."""
    idx = _skip(text, idx)
    if text[idx : idx + 1] != ":":
        raise json.JSONDecodeError("Expecting ':' delimiter", text, idx)
    return _skip(text, idx + 1)


def _scalar(
    text: str,
    idx: int,
    parse_int: Callable[[str], Any],
    parse_float: Callable[[str], Any],
    parse_constant: Callable[[str], Any],
) -> tuple[Any, int]:
    char = text[idx : idx + 1]
    if char == '"':
        return scanstring(text, idx + 1, True)  # noqa: FBT003
    for word, value in (("null", None), ("true", True), ("false", False)):
        if text.startswith(word, idx):
            return value, idx + len(word)
    number = _NUMBER.match(text, idx)
    if number is not None:
        integer, fraction, exponent = number.groups()
        if fraction or exponent:
            return parse_float(integer + (fraction or "") + (exponent or "")), number.end()
        return parse_int(integer), number.end()
    for word in ("NaN", "Infinity", "-Infinity"):
        if text.startswith(word, idx):
            return parse_constant(word), idx + len(word)
    raise json.JSONDecodeError("Expecting value", text, idx)
