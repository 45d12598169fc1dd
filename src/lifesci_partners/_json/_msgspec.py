r"""The ``[fast]`` extra's reader: msgspec's parser, used where it provably reads as ours does.

msgspec parses JSON in C into the same plain data as the standard library, with two differences
that matter here: it keeps the last of duplicate keys silently, and it reads big integers and
numbers with a fraction its own way. So it is trusted only when these cannot have mattered, and
any doubt sends the text to the exact reader, which then gives every result and every error:

- numbers with a fraction or exponent go through the exact reader's own hook (``float_hook``), and
  an integer of more digits than the limit cannot hide from a search of the text for a run of
  that many digits;
- duplicate keys are ruled out by counting: in JSON text each key is written once as ``"...":``,
  and inside strings such a pair can only come from a quote escaped as ``\"``. Written back by
  msgspec (which escapes quotes the same way), the data holds one pair per key it kept and as
  many within strings as the text had at most; so when both counts are equal no key was dropped.
  Text that writes a key with blanks before its colon, or a quote or colon as a ``\u`` escape,
  goes to the exact reader;
- a document msgspec refuses, or in which a hook refused something, is read by the exact reader,
  whose messages are the library's.

The result is the same data either way; tests compare both readers on generated and mutated
documents.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

__all__ = ["READER_BACKENDS", "fast_parse", "set_reader_backend"]

READER_BACKENDS = ("json", "msgspec")

_SPACED_KEY = re.compile(rb'"[ \t\n\r]+:')
_ESCAPED_MARK = re.compile(rb"\\u00(?:22|3[aA])")


class _Choice:
    __slots__ = ("name",)

    def __init__(self) -> None:
        self.name: str | None = None  # None: msgspec when it is installed


_CHOICE = _Choice()


@functools.cache
def _msgspec() -> Any:
    try:
        import msgspec  # noqa: PLC0415  # optional, and imported on first use only
    except ImportError:
        return None
    return msgspec


def set_reader_backend(name: str | None) -> str | None:
    """Choose how JSON text is parsed; return the previous choice.

    ``"json"`` for the standard library alone, ``"msgspec"`` for msgspec first (it must be
    installed), ``None`` (the default) for msgspec when it is installed. The results and errors
    are the same either way; this exists so that tests and benchmarks can compare them.

    Raises:
        ValueError: ``name`` is none of these, or msgspec is asked for and not installed.
    """
    if name is not None and name not in READER_BACKENDS:
        msg = f"unknown JSON reader {name!r}; use one of {', '.join(READER_BACKENDS)} or None"
        raise ValueError(msg)
    if name == "msgspec" and _msgspec() is None:
        msg = "msgspec is not installed: pip install 'lifesci-partners[fast]'"
        raise ValueError(msg)
    previous, _CHOICE.name = _CHOICE.name, name
    return previous


_DIGITS_ONLY = bytes(b"0"[0] if b"0"[0] <= i <= b"9"[0] else b" "[0] for i in range(256))
"""Every digit as ``0``, every other byte as a blank: a run of digits becomes a run of ``0``."""


def _has_long_number(raw: bytes, max_digits: int) -> bool:
    """Whether ``raw`` holds a run of more than ``max_digits`` digits (in a number or a string)."""
    return b"0" * (max_digits + 1) in raw.translate(_DIGITS_ONLY)


def fast_parse(raw: bytes, parse_float: Callable[[str], Any], max_digits: int) -> tuple[Any] | None:
    """``(data,)`` parsed by msgspec if that is provably what the exact reader gives, else None.

    ``raw`` is UTF-8 without a byte order mark. ``parse_float`` is the exact reader's hook for
    numbers with a fraction; the caller checks that it refused nothing.
    """
    if _CHOICE.name == "json":
        return None
    msgspec = _msgspec()
    if msgspec is None:
        return None
    # The text is looked at before it is parsed, so that its copies are never alive beside
    # the parsed data (issue 18: the peak while reading).
    if not _may_be_same(raw, max_digits):
        return None
    try:
        data = msgspec.json.Decoder(float_hook=parse_float).decode(raw)
    except (msgspec.DecodeError, RecursionError):
        return None
    return (data,) if _provably_same(raw, data, msgspec) else None


def _may_be_same(raw: bytes, max_digits: int) -> bool:
    """Whether nothing in the text itself rules msgspec out (see the module's docstring)."""
    if _has_long_number(raw, max_digits) or _SPACED_KEY.search(raw):
        return False
    return not (b"\\u" in raw and _ESCAPED_MARK.search(raw))


def _provably_same(raw: bytes, data: Any, msgspec: Any) -> bool:
    """Whether the exact reader gives ``data`` for ``raw`` too (see the module's docstring)."""
    try:
        written = _marks(data, msgspec.json.encode)
    except (TypeError, ValueError):  # a value a hook refused: the exact reader says where
        return False
    return raw.count(b'":') == written


_PIECE = 1024
"""Items of a big array written at a time when counting marks."""


def _marks(data: Any, encode: Callable[[Any], bytes], levels: int = 2) -> int:
    """How many ``":`` msgspec writes for ``data``, written a piece at a time.

    So that no copy of the whole text is held beside the data (issue 18: the peak while
    reading). The pieces' counts add up to the whole's: a mark never straddles two pieces, since
    a written key ends with a quote followed by its colon, and a written value starts with
    neither a colon nor (after an array's or object's own punctuation) a quote's closing half.
    """
    if levels and type(data) is dict:
        return sum(
            encode(key).count(b'":') + 1 + _marks(value, encode, levels - 1)
            for key, value in data.items()
        )
    if levels and type(data) is list and len(data) > _PIECE:
        return sum(
            encode(data[at : at + _PIECE]).count(b'":') for at in range(0, len(data), _PIECE)
        )
    return encode(data).count(b'":')
