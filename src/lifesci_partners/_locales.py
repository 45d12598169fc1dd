"""Locale identifiers: parsing, normalising and matching, on top of babel's CLDR data."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from babel import Locale
from babel import UnknownLocaleError as BabelUnknownLocaleError
from babel.core import get_global
from babel.core import parse_locale as _split

from lifesci_partners.exceptions import UnknownLocaleError

__all__ = ["LOCALE_PATTERN", "locale_key", "locale_parts", "parse_locale"]

LOCALE_PATTERN = "^[A-Za-z]{2,8}(?:[_-][A-Za-z0-9]{1,8})*$"
"""The shape of a locale identifier (``en``, ``ja-JP``, ``ja_JP``) as JSON Schema can say it.

Whether CLDR knows the locale is babel's to say: :func:`locale_key` refuses ``xx``."""

_UNDETERMINED = frozenset({"und", "root"})

_MAX_TAG = 64  # longer is no locale tag; refused before it reaches the cache


@functools.lru_cache(maxsize=512)
def _parse(tag: str) -> Locale:
    identifier = tag.replace("-", "_")
    try:
        return Locale.parse(identifier)
    except BabelUnknownLocaleError:
        msg = f"unknown locale {tag!r}: babel's CLDR data has no such locale"
        raise UnknownLocaleError(tag, msg) from None
    except (ValueError, TypeError):
        msg = f"malformed locale {tag!r}: use a BCP 47 or CLDR tag such as 'en', 'ja-JP' or 'ja_JP'"
        raise UnknownLocaleError(tag, msg) from None


def parse_locale(tag: str | Locale) -> Locale:
    """Return the babel :class:`~babel.Locale` for ``tag`` (``ja-JP`` and ``ja_JP`` alike).

    Raises:
        UnknownLocaleError: The tag is malformed or names no locale that CLDR knows (a
            ``ValueError``).
    """
    if isinstance(tag, Locale):
        return tag
    if not isinstance(tag, str):
        msg = f"a locale must be a string such as 'ja-JP' or a babel Locale, got {tag!r}"
        raise TypeError(msg)
    if not tag or tag != tag.strip() or len(tag) > _MAX_TAG:
        shown = repr(tag) if len(tag) <= _MAX_TAG else repr(tag[:_MAX_TAG]) + "..."
        msg = f"malformed locale {shown}: use a tag such as 'en', 'ja-JP' or 'ja_JP'"
        raise UnknownLocaleError(tag, msg)
    _key(tag)  # refuses 'und', which babel would read as en_US
    return _parse(tag)


@functools.lru_cache(maxsize=1024)
def _key(tag: str) -> str:
    try:
        language, territory, script, variant, *_ = _split(tag.replace("-", "_"))
    except ValueError:
        msg = f"malformed locale {tag!r}: use a BCP 47 or CLDR tag such as 'en', 'ja-JP' or 'ja_JP'"
        raise UnknownLocaleError(tag, msg) from None
    if language in _UNDETERMINED:
        msg = f"undetermined language {tag!r} is not accepted: name the language, such as 'en'"
        raise UnknownLocaleError(tag, msg)
    _parse(tag)  # known to CLDR?
    return "_".join(p for p in (language, script, territory, variant) if p)


# Tags already checked, to their keys: a dict lookup is what reading thousands of localized texts
# costs per key. Bounded, so that a stream of distinct tags cannot grow it without end.
_KEYS: dict[str, str] = {}
_MAX_KEYS = 4096


def locale_key(tag: str | Locale) -> str:
    """Return the canonical form of a locale tag, with underscores (``ja-JP`` gives ``ja_JP``).

    The subtags given are kept, only their case is normalised: ``ja-Latn`` stays ``ja_Latn``
    (romanised Japanese is not Japanese), ``zh-TW`` stays ``zh_TW``. The tag must name a locale
    that CLDR knows; ``und`` (undetermined) is refused.

    Raises:
        UnknownLocaleError: The tag is malformed, undetermined, or unknown to CLDR (a
            ``ValueError``).
    """
    if type(tag) is str:
        key = _KEYS.get(tag)
        if key is not None:
            return key
    if isinstance(tag, Locale):
        parts = (tag.language, tag.script, tag.territory, tag.variant)
        return "_".join(p for p in parts if p)
    parse_locale(tag)  # type and blank checks
    key = _key(tag)
    if type(tag) is str and len(_KEYS) < _MAX_KEYS:
        _KEYS[tag] = key
    return key


@functools.lru_cache(maxsize=1024)
def locale_parts(key: str) -> tuple[str, str | None, str | None]:
    """Return ``(language, script, territory)`` of a tag.

    A missing script is CLDR's likely script (``ja`` is written in ``Jpan``, ``zh_TW`` in
    ``Hant``), so that matching can tell ``ja`` from ``ja_Latn``; the territory is only the one
    given.
    """
    language, territory, script, *_ = _split(locale_key(key))
    if script is None:
        likely: Mapping[str, str] = get_global("likely_subtags")
        guess = likely.get(f"{language}_{territory}") if territory else None
        guess = guess or likely.get(language)
        if guess:
            script = _split(guess)[2]
    return language, script, territory
