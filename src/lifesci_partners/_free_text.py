"""Free text: the validators of one line of text and of a paragraph, as the models store them.

What text may never hold, and why, is in ``_characters.py``; each output escapes what is special
to it (Markdown's ``*``, ``[`` or ``<``, for instance).
"""

from __future__ import annotations

from typing import Any

import attrs

from lifesci_partners._characters import (
    FORBIDDEN_IN_TEXT,
    LINE_CONTROLS,
    ONE_LINE_PATTERN,
    TEXT_PATTERN,
    forbidden_in,
)
from lifesci_partners._validate import fail, rule, wrong_type

__all__ = [
    "FORBIDDEN_IN_TEXT",
    "LINE_CONTROLS",
    "TEXT_PATTERN",
    "forbidden_in",
    "free_text",
    "one_line",
]


@rule({"type": "string", "pattern": ONE_LINE_PATTERN})
def one_line(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check for one line of text: not blank, without line breaks or other forbidden characters."""
    if not isinstance(value, str):
        raise wrong_type(attribute, "a string", value)
    if not value.strip():
        raise fail(attribute, "must not be empty")
    problem = None if value.isprintable() else forbidden_in(value, one_line=True)
    if problem is not None:
        raise fail(attribute, problem)


@rule({"type": "string", "pattern": TEXT_PATTERN})
def free_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check for text as a ``LocalizedText`` holds it: not blank, lines and tabs allowed."""
    if not isinstance(value, str):
        raise wrong_type(attribute, "a string", value)
    if not value.strip():
        raise fail(attribute, "must not be empty")
    problem = None if value.isprintable() else forbidden_in(value)
    if problem is not None:
        raise fail(attribute, problem)
