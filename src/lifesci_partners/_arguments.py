"""Arguments of methods that Python callers pass: a wrong type is a ``WrongTypeError`` with the fix.

A field of a model is checked by its validator and reported with its path; an argument of a
method has no path, so a wrong one is a :class:`~lifesci_partners.exceptions.WrongTypeError`
(a ``TypeError``) whose message names the method, the value and how to make the right type.
"""

from __future__ import annotations

import datetime as dt
import enum

from lifesci_partners._shown import describe
from lifesci_partners._terms import Term
from lifesci_partners.exceptions import WrongTypeError

__all__ = ["a_date", "fix_for"]

_SHOWN = 40  # characters of a text quoted in a fix


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


def fix_for(expected: tuple[type, ...], value: object) -> str:
    """How to make one of the ``expected`` types of ``value``, as the end of a message, or ``""``.

    A date written as text, a datetime, an enum's value and an ISO duration each have a fix.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import AgreementKind
        >>> fix_for((dt.date,), "2024-01-01")
        "; use datetime.date.fromisoformat('2024-01-01')"
        >>> fix_for((AgreementKind,), "mou")
        "; use AgreementKind('mou')"
        >>> fix_for((AgreementKind,), "MOU")
        "; use AgreementKind('mou')"
        >>> fix_for((dt.date,), 5)
        ''
    """
    for wanted in expected:
        fix = _fix(wanted, value)
        if fix:
            return f"; use {fix}"
    return ""


def _fix(wanted: type, value: object) -> str:
    if wanted is dt.date and isinstance(value, dt.datetime):
        return "its .date()"
    if not isinstance(value, str):
        return ""
    shown = repr(value[:_SHOWN])
    if wanted is dt.date:
        return f"datetime.date.fromisoformat({shown})"
    if wanted is Term:
        return f"Term.parse({shown})"
    if isinstance(wanted, type) and issubclass(wanted, enum.Enum):
        for member in wanted:
            if isinstance(member.value, str) and member.value.lower() == value.strip().lower():
                return f"{wanted.__name__}({member.value!r})"
    return ""
