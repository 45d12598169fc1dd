"""Identifiers in public registries (ROR, Wikidata, LEI, ISNI, ...), with their formats checked."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

from lifesci_partners._free_text import LINE_CONTROLS, forbidden_in
from lifesci_partners._validate import describe, fail, rule, whole, wrong_type
from lifesci_partners.exceptions import ValidationError

__all__ = [
    "KNOWN_SCHEMES",
    "Identifier",
    "isni_check_character",
    "lei_check_digits",
    "ror_check_digits",
]

_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"  # base 32 without i, l, o, u
# Crockford's digits as the ones int(text, 32) reads (0-9, then a-v): its value in one C call.
_TO_BASE_32 = str.maketrans(_CROCKFORD, "0123456789abcdefghijklmnopqrstuv")
_SCHEME = re.compile(r"[a-z][a-z0-9_.-]{0,39}")
_ROR = re.compile(r"0([0-9a-hjkmnp-tv-z]{6})([0-9]{2})")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")
_LEI = re.compile(r"[0-9A-Z]{18}[0-9]{2}")
_ISNI = re.compile(r"[0-9]{15}[0-9X]")
_ORCID = re.compile(r"[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]")
_GRID = re.compile(r"grid\.[0-9]+\.[0-9a-f]{1,2}")
_MAX_OTHER = 500


def ror_check_digits(body: str) -> str:
    """The two check digits of a ROR id whose six characters after the ``0`` are ``body``.

    ROR's check digits are ISO 7064 Mod 97-10 over the Crockford base 32 value of the body.

    Example:
        >>> ror_check_digits("5dxps0")
        '55'
    """
    number = int(body.translate(_TO_BASE_32), 32)
    return f"{98 - (number * 100) % 97:02d}"


def _mod97(text: str) -> int:
    """ISO 7064 Mod 97-10 remainder of ``text``, letters counting A=10 to Z=35 (ISO 17442)."""
    return int("".join(str(int(char, 36)) for char in text)) % 97


def lei_check_digits(body: str) -> str:
    """The two check digits of an LEI whose first 18 characters are ``body`` (ISO 17442).

    Example:
        >>> lei_check_digits("5493001KJTIIGC8Y1R")
        '12'
    """
    return f"{98 - _mod97(body + '00'):02d}"


def isni_check_character(digits: str) -> str:
    """The check character (``0``-``9`` or ``X``) of an ISNI or ORCID: ISO 7064 Mod 11-2.

    Example:
        >>> isni_check_character("000000012146438")
        'X'
    """
    total = 0
    for char in digits:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)  # noqa: PLR2004  # ten is written X


def _check_ror(value: str) -> str | None:
    match = _ROR.fullmatch(value)
    if match is None:
        bare = value.rsplit("/", 1)[-1].lower()
        hint = f"; write the bare id {bare!r}" if _ROR.fullmatch(bare) else ""
        return (
            f"{value!r} is not a ROR id: '0', six characters of 0-9 and a-z except i, l, o, u, "
            f"then two check digits, such as '05dxps055'{hint}"
        )
    body, digits = match.groups()
    expected = ror_check_digits(body)
    if digits != expected:
        return (
            f"{value!r} is not a valid ROR id: its check digits are {digits!r}, "
            f"but the first seven characters need {expected!r}; check for a typo"
        )
    return None


def _check_wikidata(value: str) -> str | None:
    if _WIKIDATA.fullmatch(value) is None:
        bare = value.rsplit("/", 1)[-1].upper()
        hint = f"; write {bare!r}" if _WIKIDATA.fullmatch(bare) else ""
        return f"{value!r} is not a Wikidata item id: 'Q' and digits, such as 'Q42'{hint}"
    return None


def _check_lei(value: str) -> str | None:
    if _LEI.fullmatch(value) is None:
        compact = value.replace(" ", "").upper()
        hint = f"; write {compact!r}" if _LEI.fullmatch(compact) else ""
        return (
            f"{value!r} is not an LEI: 18 digits or upper-case letters, then two check digits "
            f"(ISO 17442){hint}"
        )
    if _mod97(value) != 1:
        expected = lei_check_digits(value[:18])
        return (
            f"{value!r} is not a valid LEI: its check digits are {value[18:]!r}, but the first "
            f"18 characters need {expected!r} (ISO 17442 mod 97); check for a typo"
        )
    return None


def _isni_form(digits: str) -> str:
    return digits


def _orcid_form(digits: str) -> str:
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def _check_isni_like(
    value: str, pattern: re.Pattern[str], form: Callable[[str], str], name: str, example: str
) -> str | None:
    if pattern.fullmatch(value) is None:
        compact = form("".join(c for c in value.upper() if c.isdigit() or c == "X"))
        hint = f"; write {compact!r}" if pattern.fullmatch(compact) else ""
        return f"{value!r} is not an {name} in the form {example!r}{hint}"
    digits = value.replace("-", "")
    expected = isni_check_character(digits[:15])
    if digits[15] != expected:
        return (
            f"{value!r} is not a valid {name}: its check character is {digits[15]!r}, but the "
            f"first 15 digits need {expected!r} (ISO 7064 Mod 11-2); check for a typo"
        )
    return None


def _check_isni(value: str) -> str | None:
    return _check_isni_like(value, _ISNI, _isni_form, "ISNI", "0000000121032683")


def _check_orcid(value: str) -> str | None:
    return _check_isni_like(value, _ORCID, _orcid_form, "ORCID iD", "0000-0002-1825-0097")


def _check_grid(value: str) -> str | None:
    if _GRID.fullmatch(value) is None:
        return f"{value!r} is not a GRID id such as 'grid.20861.3d'"
    return None


_CHECKS: dict[str, Callable[[str], str | None]] = {
    "ror": _check_ror,
    "wikidata": _check_wikidata,
    "lei": _check_lei,
    "isni": _check_isni,
    "orcid": _check_orcid,
    "grid": _check_grid,
}

_URLS: dict[str, str] = {
    "ror": "https://ror.org/{}",
    "wikidata": "https://www.wikidata.org/wiki/{}",
    "lei": "https://search.gleif.org/#/record/{}",
    "isni": "https://isni.org/isni/{}",
    "orcid": "https://orcid.org/{}",
}

KNOWN_SCHEMES: frozenset[str] = frozenset(_CHECKS)
"""The schemes whose values :class:`Identifier` checks: ``ror``, ``wikidata``, ``lei``,
``isni``, ``orcid`` and ``grid``. Values of any other scheme are kept as plain text."""


@rule({"type": "string", "pattern": whole(_SCHEME)})
def _scheme(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise wrong_type(attribute, "a scheme name (a string)", value)
    if _SCHEME.fullmatch(value) is None:
        hint = f"; did you mean {value.lower()!r}?" if _SCHEME.fullmatch(value.lower()) else ""
        raise fail(
            attribute,
            f"{value!r} is not a scheme name: a lower-case letter, then up to 39 lower-case "
            f"letters, digits, '_', '.' or '-'{hint}",
        )


def _plain(value: str) -> bool:
    """The usual value: 1 to 500 printable characters, no white space at either end."""
    return (
        0 < len(value) <= _MAX_OTHER
        and not value[0].isspace()
        and not value[-1].isspace()
        and value.isprintable()
    )


@rule(
    {
        "type": "string",
        "pattern": f"^[^{LINE_CONTROLS}\\s](?:[^{LINE_CONTROLS}]*[^{LINE_CONTROLS}\\s])?$",
        "maxLength": _MAX_OTHER,
    }
)
def _value(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise wrong_type(attribute, "the identifier (a string)", value)
    if _plain(value):
        return
    # Empty, or white space at either end (what strip() would remove), or too long.
    if not value or value[0].isspace() or value[-1].isspace() or len(value) > _MAX_OTHER:
        raise fail(
            attribute,
            f"{describe(value)} is not an identifier: it must be 1 to {_MAX_OTHER} characters "
            "without white space at either end",
        )
    problem = None if value.isprintable() else forbidden_in(value, one_line=True)
    if problem is not None:
        raise fail(attribute, problem)


@rule({})  # only checks the Python type
def _flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise wrong_type(attribute, "True or False", value)


@attrs.frozen
class Identifier:
    """An identifier of an organization or person in a public registry.

    The values of the :data:`KNOWN_SCHEMES` are checked, check digits included; values of any
    other scheme (``"fundref"``, ``"siren"``, ...) are kept as plain text. Values are stored in
    their canonical, compact form; the error for a value in another form shows the canonical one.

    ======== ============================================================ =========================
    scheme   form                                                         example
    ======== ============================================================ =========================
    ror      ``0``, six base-32 characters, two ISO 7064 Mod 97-10 digits ``05dxps055``
    wikidata ``Q`` and digits                                             ``Q42``
    lei      18 characters and two check digits (ISO 17442, mod 97)       ``5493001KJTIIGC8Y1R12``
    isni     15 digits and a check character (ISO 7064 Mod 11-2)          ``000000012146438X``
    orcid    like ISNI, in groups of four                                 ``0000-0002-1825-0097``
    grid     ``grid.``, digits, ``.``, one or two hex digits              ``grid.20861.3d``
    ======== ============================================================ =========================

    Args:
        scheme: The registry, lower case (``"ror"``).
        value: The identifier in that registry, without the registry's URL.
        preferred: Whether a source marks it as the preferred one of its scheme, where an
            organization has several (ROR's ``preferred`` external id).

    Raises:
        ValidationError: The value does not have the scheme's form, or its check digits are
            wrong; the message shows the value.

    Example:
        >>> from lifesci_partners import Identifier
        >>> Identifier("ror", "05dxps055").url
        'https://ror.org/05dxps055'
        >>> Identifier("ror", "05dxps056")
        Traceback (most recent call last):
        ...
        lifesci_partners.exceptions.ValidationError: $.value: '05dxps056' is not a valid ROR id: ...

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``preferred``.
    """

    scheme: str = attrs.field(validator=_scheme)
    value: str = attrs.field(validator=_value)
    preferred: bool = attrs.field(default=False, kw_only=True, validator=_flag)

    def __attrs_post_init__(self) -> None:
        check = _CHECKS.get(self.scheme)
        problem = None if check is None else check(self.value)
        if problem is not None:
            raise ValidationError([f"$.value: {problem}"])

    @property
    def url(self) -> str | None:
        """The identifier's page at its registry, for the schemes that have one; else ``None``."""
        template = _URLS.get(self.scheme)
        return None if template is None else template.format(self.value)

    def __str__(self) -> str:
        """``scheme:value``, such as ``ror:05dxps055``."""
        return f"{self.scheme}:{self.value}"


_new = object.__new__
_set_scheme = Identifier.scheme.__set__  # type: ignore[attr-defined]  # attrs' slot descriptors
_set_value = Identifier.value.__set__  # type: ignore[attr-defined]
_set_preferred = Identifier.preferred.__set__  # type: ignore[attr-defined]


def identifier_of(scheme: str, value: str, *, preferred: bool = False) -> Identifier:
    """``Identifier(scheme, value, preferred=preferred)``, with fewer calls: for the importers.

    The usual identifier (a known scheme, a value of printable text with no white space at
    either end, right check digits) is checked here in one function and built directly; anything
    else goes to the constructor, which raises what it raises. Never a different verdict.
    """
    check = _CHECKS.get(scheme) if type(scheme) is str else None
    if (
        type(value) is str
        and type(preferred) is bool
        and (check is not None or (type(scheme) is str and _SCHEME.fullmatch(scheme)))
        and _plain(value)  # what the value's rule accepts without a closer look
        and (check is None or check(value) is None)
    ):
        self = _new(Identifier)
        _set_scheme(self, scheme)
        _set_value(self, value)
        _set_preferred(self, preferred)
        return self
    return Identifier(scheme, value, preferred=preferred)
