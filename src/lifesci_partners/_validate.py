"""attrs validators shared by the models; each raises ValidationError with the field's path."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import attrs

from lifesci_partners._shown import SHOWN as _SHOWN
from lifesci_partners._shown import describe
from lifesci_partners.exceptions import ValidationError

__all__ = [
    "date_value",
    "describe",
    "identifier",
    "instance_of",
    "non_blank",
    "optional",
    "tuple_of",
    "web_url",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,199}")
_SPACE = re.compile(r"\s")  # the characters str.isspace() is true for, found in one C call


def fail(attribute: attrs.Attribute[Any], message: str) -> ValidationError:
    """Return a ValidationError about ``attribute`` (to be raised by the caller)."""
    return ValidationError([f"$.{attribute.name}: {message}"])


def instance_of(*types: type) -> Validator:
    """Check that the value is an instance of one of ``types`` (``bool`` is not an ``int``)."""
    names = " or ".join(t.__name__ for t in types)

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise fail(attribute, f"expected {names}, got {describe(value)}")

    return check


def non_blank(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check for a string that is not empty or only white space."""
    if not isinstance(value, str):
        raise fail(attribute, f"expected a string, got {describe(value)}")
    if not value.strip():
        raise fail(attribute, "must not be empty")


def identifier(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check an id: 1 to 200 letters, digits, ``.``, ``_``, ``:`` or ``-``.

    The first character is a letter or digit: ``link-j``, ``mou:link-j:mpr:2020``.
    """
    if not isinstance(value, str):
        raise fail(attribute, f"expected an id (a string), got {describe(value)}")
    if not _IDENTIFIER.fullmatch(value):
        shown = repr(value) if len(value) <= _SHOWN else repr(value[:_SHOWN]) + "..."
        raise fail(
            attribute,
            f"{shown} is not a valid id: use 1 to 200 letters, digits, '.', '_', ':' or '-', "
            "starting with a letter or digit",
        )


def date_value(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check for a calendar date (a ``datetime.date``, not a ``datetime``)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise fail(attribute, f"expected a date, got {describe(value)}")


def web_url(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check for an absolute http or https URL with a host."""
    if not isinstance(value, str):
        raise fail(attribute, f"expected a URL (a string), got {describe(value)}")
    try:
        parts = urlsplit(value)
    except ValueError:  # such as "http://[" (an unclosed IPv6 address)
        parts = urlsplit("")
    if parts.scheme not in {"http", "https"} or not parts.netloc or _SPACE.search(value):
        shown = repr(value) if len(value) <= _SHOWN else repr(value[:_SHOWN]) + "..."
        raise fail(attribute, f"{shown} is not an http or https URL such as 'https://example.org/'")


@attrs.frozen
class _Optional:
    """Runs ``validator`` unless the value is ``None`` (kept visible for the JSON Schema)."""

    validator: Validator

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            self.validator(instance, attribute, value)


def optional(validator: Validator) -> Validator:
    """Run ``validator`` unless the value is ``None``."""
    return _Optional(validator)


def tuple_of(item_type: type | tuple[type, ...]) -> Validator:
    """Check for a tuple whose every item is an ``item_type`` (or one of several types).

    The error names the index of each wrong item and the types expected.
    """
    types = item_type if isinstance(item_type, tuple) else (item_type,)
    expected = " or ".join(t.__name__ for t in types)

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise fail(attribute, f"expected a tuple, got {describe(value)}")
        errors = [
            f"$.{attribute.name}[{i}]: expected {expected}, got {describe(item)}"
            for i, item in enumerate(value)
            if not isinstance(item, types)
        ]
        if errors:
            raise ValidationError(errors)

    return check
