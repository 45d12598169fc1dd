"""The JSON reader: JSON text to plain data under limits on its size.

A document is read in two steps: the text is parsed into plain Python data, then that data is
checked against the models. This module does the first step and the checks that protect memory
and time before the second: document size, nesting depth and the size of numbers. It also refuses
what JSON parsers tend to accept silently: duplicate keys (the last one would win), NaN and
infinities, lone surrogates (text that cannot be written back as UTF-8) and numbers that a binary
float would round. Every problem is reported with its path, like the problems the models find.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from lifesci_partners._json._deep import RECURSION_SAFE, nesting_depth, parse_iteratively
from lifesci_partners._json._gc import gc_paused
from lifesci_partners._json._msgspec import fast_parse
from lifesci_partners._shown import SHOWN_IN_JSON as _SHOWN
from lifesci_partners._shown import describe
from lifesci_partners._validate import rule
from lifesci_partners.exceptions import ValidationError, WrongTypeError

__all__ = [
    "DEFAULT_LIMITS",
    "JsonFloat",
    "Limits",
    "capped",
    "check_data",
    "may_hold_surrogates",
    "parse_json",
    "too_large",
    "too_long",
]

_MIB = 1024 * 1024
_SURROGATE = re.compile("[\ud800-\udfff]")
_UTF8_BOM = b"\xef\xbb\xbf"


@rule({"minimum": 1})
def _positive(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 1:
        msg = f"$.{attribute.name}: expected a positive whole number, got {describe(value)}"
        raise ValidationError([msg])


@attrs.frozen
class Limits:
    """Bounds on the input that :func:`~lifesci_partners.from_json` and ``from_dict`` accept.

    They protect memory and time against documents that are huge, deeply nested or full of
    enormous numbers, whether by accident or on purpose. Input beyond a limit is refused with a
    :class:`~lifesci_partners.exceptions.ValidationError` that names the limit, never truncated or
    rounded. The defaults are far above what any real directory needs; pass your own to lower
    them for untrusted input, or to raise them.

    Args:
        max_bytes: The longest document, in bytes of UTF-8 (or characters, for ``str`` text).
            Checked before parsing, so a huge file costs no memory beyond its text.
        max_depth: The deepest nesting of arrays and objects. A directory document needs about
            six levels.
        max_digits: The most digits in a number written out in full, without an exponent:
            ``1e999999`` would have a million. No model needs more than a few dozen.
        max_problems: The most problems listed in one
            :class:`~lifesci_partners.exceptions.ValidationError`; a last line says how many
            more there were. Each problem costs a short line of text, never more.

    Raises:
        ValidationError: A limit is not a positive whole number.

    Example:
        >>> from lifesci_partners import Directory, Limits, from_json
        >>> from_json('{"a": [[[]]]}', Directory, limits=Limits(max_depth=3))
        Traceback (most recent call last):
        ...
        lifesci_partners.exceptions.ValidationError: $.a[0][0]: nested deeper than the limit
        of 3 levels

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``max_bytes`` is 1 GiB by default (was 64 MiB).
    .. versionchanged:: 0.3.0
       ``max_problems``.
    """

    max_bytes: int = attrs.field(default=1024 * _MIB, validator=_positive)
    max_depth: int = attrs.field(default=64, validator=_positive)
    max_digits: int = attrs.field(default=100, validator=_positive)
    max_problems: int = attrs.field(default=1000, validator=_positive)


DEFAULT_LIMITS = Limits()


def limits_for(limits: object, function: str) -> Limits:
    """``limits``, or :data:`DEFAULT_LIMITS` for ``None``.

    Raises:
        WrongTypeError: ``limits`` is neither a :class:`Limits` nor ``None``.
    """
    if limits is None:
        return DEFAULT_LIMITS
    if isinstance(limits, Limits):
        return limits
    msg = f"{function}() takes limits=Limits(...) or None, got {describe(limits)}"
    raise WrongTypeError(msg)


class JsonFloat(float):
    """A JSON number with a fraction or exponent, as :func:`~lifesci_partners.from_json` reads it.

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


class _Refused:
    """A value refused while parsing; reported with its path by :func:`check_data`."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


class _DuplicateKeys(dict[str, Any]):
    """An object in which some key appeared more than once (the last value is kept)."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    duplicates: list[str] = []
    for key, _ in pairs:
        if key in seen and key not in duplicates:
            duplicates.append(key)
        seen.add(key)
    marked = _DuplicateKeys(result)
    marked.duplicates = tuple(duplicates)
    return marked


class _Hooks:
    """The parser's hooks for numbers, constants and objects, under ``limits``.

    Whatever they refuse is kept in place as a :class:`_Refused` (or, for an object with a
    duplicate key, a :class:`_DuplicateKeys`) and counted, so that a document with nothing
    refused is never walked again: its limits were checked while it was parsed.
    """

    __slots__ = ("fraction", "max_digits", "max_length", "refused")

    def __init__(self, limits: Limits, fraction: Callable[[str], Any]) -> None:
        self.max_digits = limits.max_digits
        # Sign, point, 'e', exponent sign and exponent digits around at most max_digits digits.
        self.max_length = 2 * self.max_digits + 8
        self.fraction = fraction
        self.refused = 0

    def parse_int(self, text: str) -> int | _Refused:
        digits = len(text) - text.startswith("-")
        if digits > self.max_digits:
            self.refused += 1
            return _Refused(
                f"a number of {digits} digits is longer than the limit of {self.max_digits}"
            )
        return int(text)

    def parse_float(self, text: str) -> Any:
        if len(text) <= self.max_digits and "e" not in text and "E" not in text:
            return self.fraction(text)  # written out in full: no more digits than characters
        if len(text) > self.max_length:
            self.refused += 1
            return _Refused(
                f"a number written with {len(text)} characters is longer than the limit "
                f"of {self.max_digits} digits"
            )
        checked = _decimal_from_text(text, self.max_digits)
        if isinstance(checked, _Refused):
            self.refused += 1
            return checked
        return self.fraction(text)

    def parse_constant(self, name: str) -> _Refused:
        self.refused += 1
        return _parse_constant(name)

    def object_pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)  # as _object does, without its call for the usual object
        if len(result) == len(pairs):
            return result
        self.refused += 1
        return _object(pairs)


def _decimal_from_text(text: str, max_digits: int) -> Decimal | _Refused:
    """The number ``text`` as a Decimal if it has at most ``max_digits`` digits in full."""
    try:
        value = Decimal(text)
    except InvalidOperation:  # an exponent beyond what Decimal can hold at all
        return _Refused(_too_long(text, None, max_digits))
    return _decimal_within(value, max_digits, text)


def _too_long(shown: str, written: int | None, max_digits: int) -> str:
    many = "more digits than can be counted" if written is None else f"{written:,} digits"
    return (
        f"the number {shown[:_SHOWN]} has {many} written out in full, more than the limit "
        f"of {max_digits}"
    )


def _decimal_within(value: Decimal, max_digits: int, shown: str) -> Decimal | _Refused:
    """``value`` if, written out in full, it has at most ``max_digits`` digits; else why not."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):  # 'n', 'N' or 'F': NaN or infinity
        return _Refused(f"{shown} is not a finite number")
    digits = len(value.as_tuple().digits)
    written = max(digits + exponent, 1) + max(-exponent, 0)
    if written > max_digits:
        return _Refused(_too_long(shown, written, max_digits))
    return value


def _parse_constant(name: str) -> _Refused:
    return _Refused(f"{name} is not valid JSON; numbers must be finite")


def capped(errors: Sequence[str], limits: Limits) -> ValidationError:
    """A ValidationError of at most ``limits.max_problems`` problems, and how many more."""
    most = limits.max_problems
    if len(errors) <= most:
        return ValidationError(errors)
    more = len(errors) - most
    last = (
        f"$: {more:,} more problem{'s' if more != 1 else ''} not listed; pass a larger "
        "Limits(max_problems=...) to see them"
    )
    return ValidationError([*errors[:most], last])


def too_long(limits: Limits) -> ValidationError:
    """The error for a stream that went on past ``limits.max_bytes`` (its size unknown)."""
    msg = (
        f"$: the document is longer than the limit of {limits.max_bytes:,} bytes; pass a "
        "larger Limits(max_bytes=...) to read it"
    )
    return ValidationError([msg])


def too_large(size: int, unit: str, limits: Limits) -> ValidationError:
    """The error for a document of ``size`` bytes or characters, over ``limits.max_bytes``."""
    msg = (
        f"$: the document is {size:,} {unit} long, more than the limit of "
        f"{limits.max_bytes:,}; pass a larger Limits(max_bytes=...) to read it"
    )
    return ValidationError([msg])


def _raw_of(text: str | bytes, limits: Limits) -> tuple[bytes, str | None]:
    """The text as UTF-8 bytes without a byte order mark, and as ``str`` if it came as one."""
    if not isinstance(text, (str, bytes, bytearray)):
        msg = f"expected JSON text (str or bytes), got {type(text).__name__}"
        raise WrongTypeError(msg)
    unit = "characters" if isinstance(text, str) else "bytes"
    if len(text) > limits.max_bytes:
        raise too_large(len(text), unit, limits)
    if isinstance(text, str):
        text = text.removeprefix("\ufeff")
        return text.encode("utf-8", "surrogatepass"), text
    return bytes(text).removeprefix(_UTF8_BOM), None


def _decoded(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = ""
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            hint = " (this looks like UTF-16: save the file as UTF-8)"
        msg = f"$: not valid UTF-8 text: {exc.reason} at byte {exc.start}{hint}"
        raise ValidationError([msg]) from None


def _parse_exactly(text: str, depth: int, hooks: _Hooks) -> Any:
    """The standard library's parser, or for a deep text the one with its own stack."""
    parse = json.loads if depth <= RECURSION_SAFE else parse_iteratively
    try:
        with gc_paused():
            return parse(
                text,
                parse_int=hooks.parse_int,
                parse_float=hooks.parse_float,
                parse_constant=hooks.parse_constant,
                object_pairs_hook=hooks.object_pairs,
            )
    except json.JSONDecodeError as exc:
        msg = f"$: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        raise ValidationError([msg]) from None


def parse_json(text: str | bytes, limits: Limits, fraction: Callable[[str], Any] = Decimal) -> Any:
    """Parse JSON text into plain data under ``limits``, in one pass over the parsed data at most.

    A number with a fraction or exponent becomes ``fraction(text)``, never a binary float read
    behind the caller's back: a ``Decimal`` by default (:func:`~lifesci_partners.from_json`
    passes :class:`JsonFloat`, which no hook accepts as an exact amount). The depth is measured
    on the text before parsing, so that deep nesting never reaches the parser's recursion; the
    other limits are counted while parsing, and only a document in which something was refused
    is walked again, to say where.

    Raises:
        ValidationError: The text is too long, not UTF-8, not JSON, or breaks a limit; every
            problem with its path.
    """
    raw, given = _raw_of(text, limits)
    depth = nesting_depth(raw)
    hooks = _Hooks(limits, fraction)
    fast = None
    if depth <= RECURSION_SAFE:
        with gc_paused():
            fast = fast_parse(raw, hooks.parse_float, limits.max_digits)
        if fast is not None and hooks.refused:
            fast, hooks = None, _Hooks(limits, fraction)  # the exact reader says where
    texts = may_hold_surrogates(raw, given)
    if fast is not None:
        (data,) = fast
    else:
        data = _parse_exactly(given if given is not None else _decoded(raw), depth, hooks)
    del raw
    if hooks.refused or texts or depth > limits.max_depth:
        errors = list(_problems(data, limits, shared=False))
        if errors:
            raise capped(errors, limits)
    return data


def may_hold_surrogates(raw: bytes, given: str | None) -> bool:
    """Whether the parsed text may hold a lone surrogate: then every string is looked at.

    Text that holds none cannot give one. Bytes decoded as UTF-8 hold none (the codec refuses
    them), so only escapes can make one; ``given`` is the text if it came as ``str``.
    """
    # One byte is found much faster than three: most texts have no backslash at all.
    if b"\\" in raw and (b"\\ud" in raw or b"\\uD" in raw):
        return True
    return given is not None and not given.isascii() and bool(_SURROGATE.search(given))


def _key_text(key: object) -> str:
    text = repr(key)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 4] + "...'"


def _path(link: tuple[Any, ...] | None) -> str:
    parts: list[str] = []
    while link is not None:
        link, key = link
        if isinstance(key, int):
            parts.append(f"[{key}]")
        elif isinstance(key, str) and key.isidentifier():
            parts.append(f".{key}")
        else:
            parts.append(f"[{_key_text(key)}]")
    return "$" + "".join(reversed(parts))


def _bad_text(value: str) -> str | None:
    if value.isascii():
        return None
    match = _SURROGATE.search(value)
    if match is None:
        return None
    return (
        f"contains a lone surrogate (U+{ord(match.group()):04X}), which is not Unicode text "
        "and cannot be written as UTF-8"
    )


def _number_problem(value: object, max_digits: int, bound: int) -> str | None:
    if type(value) is int:
        if not -bound < value < bound:
            return f"a whole number of more than {max_digits} digits is over the limit"
        return None
    if type(value) is float:
        return None if math.isfinite(value) else f"{value} is not a finite number"
    if isinstance(value, Decimal):
        checked = _decimal_within(value, max_digits, str(value))
        return checked.reason if isinstance(checked, _Refused) else None
    return None


def check_data(data: Any, limits: Limits, *, shared: bool = True) -> Iterator[str]:
    """Yield a ``"<path>: <problem>"`` line for each place where ``data`` breaks ``limits``.

    Checks nesting depth, the size of numbers, non-finite numbers, object keys that are not
    strings or appear twice, and text that is not valid Unicode. Iterative, so deep data cannot
    exhaust the stack. With ``shared`` (Python data, which may reuse or even contain itself, as
    YAML aliases do), each array or object is looked at once, however often it is referred to,
    and counted as often as it will be visited: data that, written out, would hold more values
    than a document of ``limits.max_bytes`` could (one per two bytes) is refused.
    """
    problems = _check(data, limits, shared=shared, texts=True)
    if shared:
        problems = _or_shared_too_often(problems, data, limits)
    return problems


def _or_shared_too_often(problems: Iterator[str], data: Any, limits: Limits) -> Iterator[str]:
    """``problems``; if there are none, whether ``data`` shares its parts too often."""
    found = False
    for problem in problems:
        found = True
        yield problem
    if not found and _expanded_size(data, limits.max_bytes // 2) is None:
        yield _shared_too_often(limits)


def _shared_too_often(limits: Limits) -> str:
    return (
        f"$: the data refers to the same arrays and objects so often that, written out, it "
        f"would hold more than {limits.max_bytes // 2:,} values: more than a document of "
        f"{limits.max_bytes:,} bytes can; pass a larger Limits(max_bytes=...) to read it"
    )


def _expanded_size(data: Any, budget: int) -> int | None:
    """How many values ``data`` holds as it will be visited, each shared one once per use.

    Each array or object is counted once (its size is remembered), so that a few kilobytes of
    YAML aliases that stand for billions of values cost no more than the aliases; ``None`` as
    soon as the count passes ``budget``. A container inside itself counts as one value there
    (the depth limit refuses it where it matters).
    """
    sizes: dict[int, int] = {}
    keep: list[Any] = []  # the containers whose ids are in sizes stay alive, so ids stay theirs
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        value, done = stack.pop()
        if done:
            items = value if type(value) is list else value.values()
            total = 1
            for item in items:
                total += sizes.get(id(item), 1) if type(item) in _CONTAINERS else 1
            if total > budget:
                return None
            sizes[id(value)] = total
            continue
        if type(value) not in _CONTAINERS or id(value) in sizes:
            continue
        sizes[id(value)] = 1  # while in progress: a container inside itself counts once
        keep.append(value)
        stack.append((value, True))
        items = value if type(value) is list else value.values()
        stack.extend((item, False) for item in items if type(item) in _CONTAINERS)
    return sizes.get(id(data), 1)


_CONTAINERS = frozenset({dict, list, _DuplicateKeys})


def _check(data: Any, limits: Limits, *, shared: bool, texts: bool) -> Iterator[str]:
    """:func:`check_data`; without ``texts``, the caller knows that no string is bad."""
    if _may_break(data, limits, shared=shared, texts=texts):
        yield from _problems(data, limits, shared=shared)


def _problems(data: Any, limits: Limits, *, shared: bool) -> Iterator[str]:
    max_depth = limits.max_depth
    max_digits = limits.max_digits
    bound = 10**max_digits
    seen: set[int] = set()
    stack: list[tuple[Any, int, tuple[Any, ...] | None]] = [(data, 0, None)]
    while stack:
        value, depth, link = stack.pop()
        kind = type(value)
        if kind is dict or kind is list or kind is _DuplicateKeys:
            if shared:
                if id(value) in seen:
                    continue
                seen.add(id(value))
            if depth >= max_depth:
                yield f"{_path(link)}: nested deeper than the limit of {max_depth} levels"
                continue
            if kind is not list:
                yield from _key_problems(value, link)
            stack.extend(reversed(_children(value, depth + 1, link)))
            continue
        if kind is str:
            problem = _bad_text(value)
        elif kind is _Refused:
            problem = value.reason
        else:
            problem = _number_problem(value, max_digits, bound)
        if problem:
            yield f"{_path(link)}: {problem}"


def _may_break(data: Any, limits: Limits, *, shared: bool, texts: bool = True) -> bool:  # noqa: C901, PLR0911, PLR0912  # one walk, every check inline: that is its point
    """Whether :func:`check_data` would find a problem; ``False`` is certain.

    The same checks, in one quick walk that keeps no paths: a valid document, the usual case,
    costs one look at each value, and only a document with a problem is walked again to say
    where it is.
    """
    max_depth = limits.max_depth
    max_digits = limits.max_digits
    bound = 10**max_digits
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [([data], -1)]  # the document, as the item of an array
    while stack:
        container, depth = stack.pop()
        if shared:
            if id(container) in seen:
                continue
            seen.add(id(container))
        if depth >= max_depth:
            return True
        if type(container) is list:
            items = container
        else:
            if type(container) is _DuplicateKeys:
                return True
            for key in container:
                if type(key) is not str or (texts and not key.isascii() and _bad_text(key)):
                    return True
            items = container.values()
        children = []
        for item in items:
            kind = type(item)
            if kind is str:
                if texts and not item.isascii() and _bad_text(item):
                    return True
            elif kind is dict or kind is list or kind is _DuplicateKeys:
                children.append((item, depth + 1))
            elif kind is int:
                if not -bound < item < bound:
                    return True
            elif kind is _Refused or _number_problem(item, max_digits, bound):
                return True
        stack.extend(reversed(children))  # in document order, as _problems visits them
    return False


def _children(
    value: list[Any] | dict[str, Any], depth: int, link: tuple[Any, ...] | None
) -> list[tuple[Any, int, tuple[Any, ...]]]:
    if isinstance(value, list):
        return [(item, depth, (link, i)) for i, item in enumerate(value)]
    return [(item, depth, (link, key)) for key, item in value.items()]


def _key_problems(value: dict[Any, Any], link: tuple[Any, ...] | None) -> Iterator[str]:
    if isinstance(value, _DuplicateKeys):
        for key in value.duplicates:
            yield (
                f"{_path((link, key))}: the key appears more than once in the object; "
                "only one value can be kept, so the document is ambiguous"
            )
    for key in value:
        if type(key) is not str:
            yield f"{_path(link)}: object keys must be strings, got {describe(key)}"
        else:
            problem = _bad_text(key)
            if problem:
                yield f"{_path(link)}: a key {problem}"
