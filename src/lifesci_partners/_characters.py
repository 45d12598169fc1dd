r"""The characters no text of a model may contain: what they are, the check, the patterns.

Free text (every :class:`~lifesci_partners.LocalizedText`, a name's text, a party's role), URLs
and postal codes are shown on terminals, in Markdown and HTML pages and in other programs. A few
characters are never text there but commands, and are refused wherever text is stored:

- control characters (Unicode category Cc: U+0000 to U+001F, U+007F to U+009F), such as NUL,
  BEL, ESC (which starts the terminal sequences that clear a screen or retitle a window) and CR
  (which sends the cursor back to overwrite a line). A ``LocalizedText`` may hold line feeds
  (``\n``) and tabs, so that a paragraph can have lines; one-line text holds neither;
- surrogates (Cs, U+D800 to U+DFFF), which are no characters and cannot be written as UTF-8;
- the bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069),
  which reorder the text displayed after them and so hide what it says. The marks
  (U+200E, U+200F, U+061C), which only direct the character next to them, are allowed.

Everything else is kept as written; each output escapes what is special to it (Markdown's
``*``, ``[`` or ``<``, for instance).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "FORBIDDEN_IN_TEXT",
    "LINE_CONTROLS",
    "ONE_LINE_PATTERN",
    "TEXT_PATTERN",
    "forbidden_in",
]

_BIDI = "\u202a-\u202e\u2066-\u2069"
_SURROGATES = "\ud800-\udfff"
FORBIDDEN_IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_SURROGATES}{_BIDI}]")
"""The characters no multi-line text may hold (line feeds and tabs are allowed)."""
_FORBIDDEN_ON_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_SURROGATES}{_BIDI}]")

# The names by which the usual control characters are known; others are shown by code point.
_CONTROL_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BS",
    0x09: "TAB",
    0x0A: "LF",
    0x0B: "VT",
    0x0C: "FF",
    0x0D: "CR",
    0x1B: "ESC",
    0x7F: "DEL",
    0x85: "NEL",
    0x9B: "CSI",
}


def _name(char: str) -> str:
    code = ord(char)
    if code in _CONTROL_NAMES:
        return f"{_CONTROL_NAMES[code]}, a control character"
    if 0xD800 <= code <= 0xDFFF:  # noqa: PLR2004  # the surrogates
        return "a lone surrogate"
    if code <= 0x9F:  # noqa: PLR2004  # C0 and C1 controls
        return "a control character"
    return unicodedata.name(char, "a bidirectional control").lower()


def forbidden_in(text: str, *, one_line: bool = False) -> str | None:
    r"""What is wrong with ``text`` if it holds a forbidden character, else ``None``.

    Only the first such character is named, with its position.

    Example:
        >>> forbidden_in("Hello\x1b]0;owned\x07")
        'holds U+001B (ESC, a control character) at position 5; text holds no control ...'
        >>> forbidden_in("two\nlines") is None, forbidden_in("two\nlines", one_line=True)[:26]
        (True, 'holds U+000A (LF, a contro')
    """
    found = (_FORBIDDEN_ON_ONE_LINE if one_line else FORBIDDEN_IN_TEXT).search(text)
    if found is None:
        return None
    char = found[0]
    allowed = (
        "one line of text holds no control characters"
        if one_line
        else "text holds no control characters but line feeds and tabs"
    )
    return (
        f"holds U+{ord(char):04X} ({_name(char)}) at position {found.start()}; {allowed}, "
        "no surrogates and no bidirectional overrides"
    )


# The same rules as JSON Schema patterns (ECMA 262 and Python read them alike); a JSON text
# cannot hold a lone surrogate at all.
END_OF_TEXT = "(?![\\s\\S])"
"""The end of a JSON Schema pattern: the very end of the text. ``$`` would do in ECMA 262, but
Python's ``re`` (which the ``jsonschema`` package uses) lets ``$`` match before a final line
feed, so ``"x\\n"`` would pass a one-line pattern there; no character may follow, in both."""
_CONTROLS = "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069"
TEXT_PATTERN = f"^[^{_CONTROLS}]*[^{_CONTROLS}\\s][^{_CONTROLS}]*{END_OF_TEXT}"
"""A JSON Schema pattern: text that is not blank and holds no forbidden character."""
LINE_CONTROLS = "\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069"
"""The characters one line of text may not hold, as the inside of a JSON Schema ``[...]``."""
ONE_LINE_PATTERN = f"^[^{LINE_CONTROLS}]*[^{LINE_CONTROLS}\\s][^{LINE_CONTROLS}]*{END_OF_TEXT}"
"""A JSON Schema pattern: one line of text that is not blank and holds no forbidden character."""
