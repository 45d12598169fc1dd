"""Arguments of methods that Python callers pass: a wrong type is a ``WrongTypeError`` with the fix.

A field of a model is checked by its validator and reported with its path; an argument of a
method has no path, so a wrong one is a :class:`~lifesci_partners.exceptions.WrongTypeError`
(a ``TypeError``) whose message names the method, the value and how to make the right type.
"""

from __future__ import annotations

import datetime as dt

from lifesci_partners._shown import describe
from lifesci_partners.exceptions import WrongTypeError

__all__ = ["a_date"]


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
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        fix = "; use its .date()"
    elif isinstance(value, str):
        fix = f"; use datetime.date.fromisoformat({value[:40]!r})"
    elif isinstance(value, dt.date):  # a subclass of date
        return value
    else:
        fix = ""
    msg = f"{method}() takes a datetime.date, got {describe(value)}{fix}"
    raise WrongTypeError(msg)
