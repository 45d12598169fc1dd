"""Locale identifiers: parsing, normalising and matching, on top of babel's CLDR data."""

from __future__ import annotations

import functools

from babel import Locale, UnknownLocaleError

__all__ = ["locale_key", "parse_locale"]

_MAX_TAG = 64  # longer is no locale tag; refused before it reaches the cache


@functools.lru_cache(maxsize=512)
def _parse(tag: str) -> Locale:
    identifier = tag.replace("-", "_")
    try:
        return Locale.parse(identifier)
    except UnknownLocaleError:
        msg = f"unknown locale {tag!r}: babel's CLDR data has no such locale"
        raise ValueError(msg) from None
    except (ValueError, TypeError):
        msg = f"malformed locale {tag!r}: use a BCP 47 or CLDR tag such as 'en', 'ja-JP' or 'ja_JP'"
        raise ValueError(msg) from None


def parse_locale(tag: str | Locale) -> Locale:
    """Return the babel :class:`~babel.Locale` for ``tag`` (``ja-JP`` and ``ja_JP`` alike).

    Raises:
        ValueError: The tag is malformed or names no locale that CLDR knows.
    """
    if isinstance(tag, Locale):
        return tag
    if not isinstance(tag, str):
        msg = f"a locale must be a string such as 'ja-JP' or a babel Locale, got {tag!r}"
        raise TypeError(msg)
    if not tag or tag != tag.strip() or len(tag) > _MAX_TAG:
        shown = repr(tag) if len(tag) <= _MAX_TAG else repr(tag[:_MAX_TAG]) + "..."
        msg = f"malformed locale {shown}: use a tag such as 'en', 'ja-JP' or 'ja_JP'"
        raise ValueError(msg)
    return _parse(tag)


def locale_key(tag: str | Locale) -> str:
    """Return the canonical form of a locale tag: babel's, with underscores (``ja_JP``)."""
    return str(parse_locale(tag))
