"""Names of an organization beyond its official labels: other labels, acronyms, aliases."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from lifesci_partners._dates import PartialDate, span_problems
from lifesci_partners._free_text import free_text
from lifesci_partners._locales import LOCALE_PATTERN, MAX_TAG, locale_key
from lifesci_partners._validate import fail, instance_of, optional, rule, wrong_type
from lifesci_partners.exceptions import ValidationError

__all__ = ["NameKind", "OrganizationName"]


class NameKind(enum.Enum):
    """What sort of name an :class:`OrganizationName` is (as in ROR).

    .. versionadded:: 0.1.0
    """

    LABEL = "label"
    """An official name, in full."""
    ACRONYM = "acronym"
    """An acronym or initialism, such as ``LINK-J``."""
    ALIAS = "alias"
    """Another name it is known by, such as a short, former or informal name."""


def _normalize_locale(value: object) -> object:
    """``ja-JP`` becomes ``ja_JP``; anything else is left for the validator to report."""
    if isinstance(value, str):
        try:
            return locale_key(value)
        except ValueError:
            return value
    return value


@rule({"type": "string", "pattern": LOCALE_PATTERN, "maxLength": MAX_TAG})
def _locale(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise wrong_type(attribute, "a locale such as 'ja' (a string)", value)
    try:
        locale_key(value)
    except ValueError as exc:
        raise fail(attribute, str(exc)) from None


@attrs.frozen
class OrganizationName:
    """One name of an organization, with its kind and, when known, its language.

    An :class:`~lifesci_partners.Organization` keeps its official labels in ``name`` and its
    main acronym in ``acronym``; every other name (an acronym in another language, an alias, a
    former name, a label whose language is not known) is an ``OrganizationName``.

    Args:
        text: The name as written.
        kind: Label, acronym or alias.
        locale: Its language (``"ja"``, ``"fr_CA"``; either tag form), or ``None`` if not known.
        start: When it came into use, if known (inclusive).
        end: When it went out of use, if it did and that is known (inclusive).

    Raises:
        ValidationError: Empty text, an unknown locale, or ``end`` certainly before ``start``.

    Example:
        >>> from lifesci_partners import NameKind, OrganizationName
        >>> OrganizationName("Caltech", NameKind.ALIAS, locale="en-US").locale
        'en_US'

    .. versionadded:: 0.1.0
    """

    text: str = attrs.field(validator=free_text)  # as the texts of a LocalizedText name
    kind: NameKind = attrs.field(validator=instance_of(NameKind))
    locale: str | None = attrs.field(
        default=None, converter=_normalize_locale, validator=optional(_locale)
    )
    start: PartialDate | None = attrs.field(
        default=None, validator=optional(instance_of(PartialDate))
    )
    end: PartialDate | None = attrs.field(
        default=None, validator=optional(instance_of(PartialDate))
    )

    def __attrs_post_init__(self) -> None:
        problems = span_problems(self.start, self.end)
        if problems:
            raise ValidationError(problems)
