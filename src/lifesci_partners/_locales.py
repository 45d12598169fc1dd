"""Locale identifiers: BCP 47 language tags, their canonical keys, and babel's CLDR locales.

Two questions are kept apart. Which text may be *stored* under which key is BCP 47's: any
well-formed language tag (RFC 5646 syntax) is a key, including ``und`` (undetermined) and
languages that CLDR has no data for (``oj``, Ojibwa). How text is *formatted* is CLDR's: only a
locale that babel knows can format (:func:`parse_locale`). POSIX locale names (``C``,
``en_US.UTF-8``, ``en@calendar=hebrew``) are no language tags and are refused, never rewritten.
Either separator is accepted (``ja-JP`` and ``ja_JP``); keys use babel's form, ``ja_JP``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping

from babel import Locale
from babel import UnknownLocaleError as BabelUnknownLocaleError
from babel.core import get_global

from lifesci_partners.exceptions import UnknownLocaleError, WrongTypeError

__all__ = [
    "LOCALE_PATTERN",
    "MAX_TAG",
    "UNDETERMINED",
    "known_key",
    "locale_key",
    "locale_parts",
    "parse_locale",
]

UNDETERMINED = "und"
"""The BCP 47 tag of text whose language is not stated."""

_NOT_FORMATTING = frozenset({UNDETERMINED, "root"})

MAX_TAG = 64  # longer is no locale tag; refused before it reaches the cache

# RFC 5646, section 2.1: a langtag, a private-use tag, or one of the irregular grandfathered
# tags (the regular ones are well-formed langtags already). Either separator, any case.
_S = "[-_]"
_IRREGULAR = (
    "en-GB-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-BE-FR",
    "sgn-BE-NL",
    "sgn-CH-DE",
)
_LANGTAG = (
    f"(?:[A-Za-z]{{2,3}}(?:{_S}[A-Za-z]{{3}}){{0,3}}|[A-Za-z]{{4,8}})"  # language, extlang
    f"(?:{_S}[A-Za-z]{{4}})?"  # script
    f"(?:{_S}(?:[A-Za-z]{{2}}|[0-9]{{3}}))?"  # region
    f"(?:{_S}(?:[A-Za-z0-9]{{5,8}}|[0-9][A-Za-z0-9]{{3}}))*"  # variants
    f"(?:{_S}[0-9A-WYZa-wyz](?:{_S}[A-Za-z0-9]{{2,8}})+)*"  # extensions
    f"(?:{_S}[Xx](?:{_S}[A-Za-z0-9]{{1,8}})+)?"  # private use
)
_PRIVATE = f"[Xx](?:{_S}[A-Za-z0-9]{{1,8}})+"
_GRANDFATHERED = "|".join(tag.replace("-", _S) for tag in _IRREGULAR)

LOCALE_PATTERN = f"^(?:{_LANGTAG}|{_PRIVATE}|{_GRANDFATHERED})$"
"""The JSON Schema (ECMA 262) pattern of a locale key; with ``maxLength`` :data:`MAX_TAG`, it
accepts exactly the tags that :func:`locale_key` accepts (``re`` reads it the same way)."""

_WELL_FORMED = re.compile(LOCALE_PATTERN, re.IGNORECASE)
_IRREGULAR_KEYS = {tag.lower().replace("-", "_"): tag for tag in _IRREGULAR}
_SCRIPT = 4
_REGION = (2, 3)


def _malformed(tag: str) -> UnknownLocaleError:
    shown = repr(tag) if len(tag) <= MAX_TAG else repr(tag[:MAX_TAG]) + "..."
    hint = ""
    if any(mark in tag for mark in ".@="):
        hint = " (POSIX locale names such as 'en_US.UTF-8' are not language tags)"
    msg = (
        f"malformed locale {shown}: use a BCP 47 language tag such as 'en', 'ja-JP' or "
        f"'ja_JP', or 'und' when the language is not known{hint}"
    )
    return UnknownLocaleError(tag, msg)


@functools.lru_cache(maxsize=1024)
def _key(tag: str) -> str:
    """The canonical key of a well-formed tag (checked by the caller)."""
    lowered = tag.lower().replace("-", "_")
    if lowered in _IRREGULAR_KEYS:
        return lowered
    subtags = lowered.split("_")
    result = [subtags[0]]
    index = 1
    while index < len(subtags) and len(subtags[index]) == 3 and subtags[index].isalpha():  # noqa: PLR2004  # an extlang has three letters
        result.append(subtags[index])
        index += 1
    if index < len(subtags) and len(subtags[index]) == _SCRIPT and subtags[index].isalpha():
        result.append(subtags[index].title())
        index += 1
    if index < len(subtags) and len(subtags[index]) in _REGION and len(subtags[index]) != 1:
        region = subtags[index]
        if (len(region) == 2 and region.isalpha()) or region.isdigit():  # noqa: PLR2004  # ISO 3166 letters, or UN M.49 digits
            result.append(region.upper())
            index += 1
    while index < len(subtags) and len(subtags[index]) > 1:  # variants, as CLDR writes them
        result.append(subtags[index].upper())
        index += 1
    result.extend(subtags[index:])  # extensions and private use, lower case
    return "_".join(result)


# Tags already checked, to their keys: a dict lookup is what reading thousands of localized texts
# costs per key. Bounded, so that a stream of distinct tags cannot grow it without end.
_KEYS: dict[str, str] = {}
_MAX_KEYS = 4096

known_key: Callable[[str], str | None] = _KEYS.get
"""The key of a tag that :func:`locale_key` has already accepted, else ``None`` (a lookup)."""


def locale_key(tag: str | Locale) -> str:
    """Return the canonical key of a BCP 47 language tag, with underscores (``ja-JP``: ``ja_JP``).

    Any well-formed tag is accepted, whether or not CLDR has data for it (``oj``, ``und``); the
    subtags given are kept and only their case is normalised: ``ja-Latn`` stays ``ja_Latn``
    (romanised Japanese is not Japanese), ``zh-TW`` stays ``zh_TW``.

    Raises:
        UnknownLocaleError: The tag is not a well-formed BCP 47 tag, such as a POSIX locale name
            (a ``ValueError``).
        WrongTypeError: ``tag`` is neither a string nor a babel ``Locale``.
    """
    if type(tag) is str:
        key = _KEYS.get(tag)
        if key is not None:
            return key
    if isinstance(tag, Locale):
        parts = (tag.language, tag.script, tag.territory, tag.variant)
        return "_".join(p for p in parts if p)
    if not isinstance(tag, str):
        msg = f"a locale must be a string such as 'ja-JP' or a babel Locale, got {tag!r}"
        raise WrongTypeError(msg)
    if len(tag) > MAX_TAG or _WELL_FORMED.fullmatch(tag) is None:
        raise _malformed(tag)
    key = _key(tag)
    if len(_KEYS) < _MAX_KEYS:
        _KEYS[tag] = key
    return key


@functools.lru_cache(maxsize=512)
def _parse(key: str) -> Locale | None:
    try:
        return Locale.parse(key)
    except (BabelUnknownLocaleError, ValueError, TypeError):
        return None


def parse_locale(tag: str | Locale) -> Locale:
    """Return the babel :class:`~babel.Locale` to format in for ``tag`` (``ja-JP``, ``ja_JP``).

    Raises:
        UnknownLocaleError: The tag is malformed, undetermined (``und``), or names no locale that
            CLDR has data for (a ``ValueError``).
        WrongTypeError: ``tag`` is neither a string nor a babel ``Locale``.
    """
    if isinstance(tag, Locale):
        return tag
    key = locale_key(tag)
    if key.split("_", 1)[0] in _NOT_FORMATTING:
        msg = (
            f"undetermined language {tag!r} has no locale to format in: name a language, "
            "such as 'en'"
        )
        raise UnknownLocaleError(tag, msg)
    locale = _parse(key)
    if locale is None:
        msg = f"unknown locale {tag!r}: babel's CLDR data has no such locale{_hint(key)}"
        raise UnknownLocaleError(tag, msg)
    return locale


def _hint(key: str) -> str:
    """A suggestion for a tag CLDR has no data for: a country code given as a language (jp)."""
    language = key.split("_", 1)[0]
    likely: Mapping[str, str] = get_global("likely_subtags")
    guess = likely.get(f"und_{language.upper()}")
    if guess is None:
        return ""
    country = Locale("en").territories.get(language.upper(), language.upper())
    return (
        f"; {language!r} is the country code of {country}: did you mean its language, "
        f"{guess.split('_', 1)[0]!r}?"
    )


@functools.lru_cache(maxsize=1024)
def locale_parts(key: str) -> tuple[str, str | None, str | None]:
    """Return ``(language, script, territory)`` of a tag.

    A missing script is CLDR's likely script (``ja`` is written in ``Jpan``, ``zh_TW`` in
    ``Hant``), so that matching can tell ``ja`` from ``ja_Latn``; the territory is only the one
    given. ``und`` has no likely script: its text may be in any.
    """
    subtags = locale_key(key).split("_")
    language = subtags[0]
    script = next((s for s in subtags[1:] if len(s) == _SCRIPT and s.istitle()), None)
    territory = next(
        (s for s in subtags[1:] if (len(s) == 2 and s.isupper()) or (len(s) == 3 and s.isdigit())),  # noqa: PLR2004  # a region
        None,
    )
    if script is None and language not in _NOT_FORMATTING:
        likely: Mapping[str, str] = get_global("likely_subtags")
        guess = likely.get(f"{language}_{territory}") if territory else None
        guess = guess or likely.get(language)
        if guess:
            parts = guess.split("_")
            script = next((s for s in parts[1:] if len(s) == _SCRIPT), None)
    return language, script, territory
