"""How a bad value is shown in an error message: cut short, in Python's terms or in JSON's.

A message about a Python value names its type and shows its ``repr`` (:func:`describe`); a
message about a value read from a JSON document names its JSON type (:func:`json_kind`), since
that is what the document's author wrote.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["SHOWN", "SHOWN_IN_JSON", "describe", "json_kind", "kind_of", "shorten"]

SHOWN = 60
"""Characters of a bad Python value's ``repr`` shown in a message."""
SHOWN_IN_JSON = 40
"""Characters of a string, key or number from a JSON document shown in a message or a path."""


def shorten(text: str, limit: int) -> str:
    """``text``, or its first ``limit - 3`` characters and ``...`` if it is longer."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe(value: object) -> str:
    """A short description of a bad value for an error message: its type and a cut repr."""
    return f"{type(value).__name__} {shorten(repr(value), SHOWN)}"


def kind_of(value: object) -> str:
    """What a value is, in words a reader of either Python or JSON knows, for "got ...".

    ``None`` rather than ``NoneType``, a number with a fraction as written (a float, or a JSON
    number read as one) rather than a private type's name, a ``Decimal`` as its digits.

    Example:
        >>> from decimal import Decimal
        >>> kind_of(None), kind_of(5), kind_of(1.5), kind_of(Decimal("16")), kind_of([1])
        ('None', 'int', 'a number with a fraction (1.5)', 'the decimal number 16', 'list')
    """
    if value is None:
        return "None"
    if isinstance(value, float):
        return f"a number with a fraction ({shorten(repr(value), SHOWN_IN_JSON)})"
    if isinstance(value, Decimal):
        return f"the decimal number {shorten(str(value), SHOWN_IN_JSON)}"
    return type(value).__name__


def json_kind(value: object) -> str:  # noqa: PLR0911  # one return per JSON type
    """How a JSON value is called in error messages: ``a string ('abc')``, ``an array``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float, Decimal)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ({shorten(value, SHOWN_IN_JSON)!r})"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
