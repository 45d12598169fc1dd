"""Arguments of methods that Python callers pass: a wrong type is a ``WrongTypeError`` with the fix.

A field of a model is checked by its validator and reported with its path; an argument of a
method has no path, so a wrong one is a :class:`~lifesci_partners.exceptions.WrongTypeError`
(a ``TypeError``) whose message names the method, the value and how to make the right type.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from lifesci_partners._decimals import parse_decimal_text
from lifesci_partners._shown import describe
from lifesci_partners.exceptions import WrongTypeError

__all__ = ["a_date", "a_path", "a_path_or_stream", "an_instance", "an_iterable", "fix_for"]

_SHOWN = 40  # characters of a text quoted in a fix
_WHOLE = re.compile(r"[+-]?[0-9]+")  # what int() reads, in ASCII digits and without spaces


def a_date(value: object, method: str) -> dt.date:
    """Return ``value`` if it is a calendar date (a ``datetime.date``, not a ``datetime``).

    Raises:
        WrongTypeError: It is not; the message says how to make a date of it.

    Example:
        >>> a_date("2026-01-01", "status_on")
        Traceback (most recent call last):
        ...
        lifesci_partners.exceptions.WrongTypeError: status_on() takes a datetime.date, got str ...
        ... use datetime.date.fromisoformat('2026-01-01')
    """
    if type(value) is dt.date or (
        isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    ):
        return value
    msg = f"{method}() takes a datetime.date, got {describe(value)}{fix_for((dt.date,), value)}"
    raise WrongTypeError(msg)


def a_path(value: object, function: str) -> Path:
    """``value`` as a :class:`~pathlib.Path` if it is a ``str`` or a path.

    Raises:
        WrongTypeError: It is neither.

    Example:
        >>> a_path(5, "load")
        Traceback (most recent call last):
        ...
        lifesci_partners.exceptions.WrongTypeError: load() takes a path (a str or a ...), got int 5
    """
    if isinstance(value, (str, os.PathLike)):
        return Path(value)
    msg = f"{function}() takes a path (a str or a pathlib.Path), got {describe(value)}"
    raise WrongTypeError(msg)


_S = TypeVar("_S")


def a_path_or_stream(value: _S, function: str, method: str) -> _S:
    """``value`` if it is a ``str``, a path or a stream with a ``method`` (``read``, ``write``...).

    Raises:
        WrongTypeError: It is none of these.
    """
    if isinstance(value, (str, os.PathLike)) or callable(getattr(value, method, None)):
        return value
    mode = "'wb'" if method == "write" else "'rb'"
    msg = (
        f"{function}() takes a path or a file opened in binary mode ({mode}), got {describe(value)}"
    )
    raise WrongTypeError(msg)


def an_instance(value: _S, kinds: type | tuple[type, ...], call: str, what: str) -> _S:
    """``value`` if it is an instance of ``kinds`` (``type(None)`` among them for an option).

    Raises:
        WrongTypeError: It is not; the message says what ``call`` takes (``what``).

    Example:
        >>> from lifesci_partners import Period
        >>> an_instance(2026, (Period, type(None)), "funding_received", "period=Period(...)")
        Traceback (most recent call last):
        ...
        lifesci_partners.exceptions.WrongTypeError: funding_received() takes period=Period(...), ...
    """
    if isinstance(value, kinds):
        return value
    msg = f"{call}() takes {what}, got {describe(value)}"
    raise WrongTypeError(msg)


def an_iterable(value: _S, function: str, what: str) -> _S:
    """``value`` if it can be iterated (a list, a tuple, a generator...).

    Raises:
        WrongTypeError: It cannot; ``what`` says what it should hold.
    """
    if isinstance(value, Iterable):
        return value
    msg = f"{function}() takes {what} (a list, a tuple or any iterable), got {describe(value)}"
    raise WrongTypeError(msg)


def fix_for(expected: tuple[type, ...], value: object) -> str:
    """How to make one of the ``expected`` types of ``value``, as the end of a message, or ``""``.

    A fix is given only where it works: a date, a whole number, a decimal number, an ISO
    duration or a partial date written as text (one of our types with a ``parse`` classmethod
    that reads it), a datetime, a float or an ``int`` for a ``Decimal``, an enum's value, one
    text for a tuple, and a dict or a text for a ``LocalizedText``.

    Example:
        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> from lifesci_partners import AgreementKind, PartialDate
        >>> fix_for((dt.date,), "2024-01-01")
        "; use datetime.date.fromisoformat('2024-01-01')"
        >>> fix_for((AgreementKind,), "mou")
        "; use AgreementKind('mou')"
        >>> fix_for((AgreementKind,), "MOU")
        "; use AgreementKind('mou')"
        >>> fix_for((Decimal,), 1.0)
        "; use Decimal('1.0')"
        >>> fix_for((int,), "12"), fix_for((PartialDate,), "2020-02")
        ("; use int('12')", "; use PartialDate.parse('2020-02')")
        >>> fix_for((tuple,), "example.org")
        "; use ('example.org',)"
        >>> from lifesci_partners import LocalizedText
        >>> fix_for((LocalizedText,), {"en": "Kyoto"}), fix_for((LocalizedText,), "Kyoto")
        ("; use LocalizedText({'en': 'Kyoto'})", "; use LocalizedText.of('Kyoto', locale)")
        >>> fix_for((dt.date,), 5), fix_for((dt.date,), "2024-02-30")
        ('', '')
    """
    for wanted in expected:
        fix = _fix(wanted, value)
        if fix:
            return f"; use {fix}"
    return ""


def _fix(wanted: type, value: object) -> str:
    if wanted is dt.date and isinstance(value, dt.datetime):
        return "its .date()"
    if isinstance(value, str):
        return _text_fix(wanted, value) if len(value) <= _SHOWN else ""
    if wanted is Decimal and not isinstance(value, bool):
        return _decimal_fix(value)
    if isinstance(value, Mapping) and _is_our_mapping(wanted) and len(repr(value)) <= _SHOWN:
        return f"{wanted.__name__}({value!r})" if _builds(wanted, value) else ""
    return ""


def _is_our_mapping(wanted: type) -> bool:
    """Whether ``wanted`` is one of our types built from a mapping (a ``LocalizedText``)."""
    return issubclass(wanted, Mapping) and wanted.__module__.startswith("lifesci_partners.")


def _builds(wanted: type, value: object) -> bool:
    try:
        wanted(value)
    except ValueError:
        return False
    return True


def _text_fix(wanted: type, text: str) -> str:  # noqa: PLR0911  # one return per kind of fix
    shown = repr(text)
    if wanted is tuple:
        return f"({shown},)"
    if _is_our_mapping(wanted):
        return f"{wanted.__name__}.of({shown}, locale)"
    if wanted is int:
        return f"int({shown})" if _WHOLE.fullmatch(text) else ""
    if wanted is Decimal:
        return f"Decimal({shown})" if _reads(parse_decimal_text, text) else ""
    if wanted is dt.date:
        return f"datetime.date.fromisoformat({shown})" if _reads(_iso_date, text) else ""
    parse = getattr(wanted, "parse", None)
    if callable(parse) and wanted.__module__.startswith("lifesci_partners."):
        return f"{wanted.__name__}.parse({shown})" if _reads(parse, text) else ""
    if issubclass(wanted, enum.Enum):
        for member in wanted:
            if isinstance(member.value, str) and member.value.lower() == text.strip().lower():
                return f"{wanted.__name__}({member.value!r})"
    return ""


def _decimal_fix(value: object) -> str:
    if isinstance(value, float) and math.isfinite(value):
        return f"Decimal({repr(value)!r})"  # the shortest text that reads back as this float
    if isinstance(value, int):
        return f"Decimal({value!r})"
    return ""


def _iso_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _reads(parse: Callable[[str], object], text: str) -> bool:
    """Whether ``parse`` reads ``text`` (a ``ValueError`` says it does not)."""
    try:
        parse(text)
    except ValueError:
        return False
    return True
