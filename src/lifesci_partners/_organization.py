"""Organizations and their addresses."""

from __future__ import annotations

import functools
from typing import Any

import attrs

from lifesci_partners._locales import parse_locale
from lifesci_partners._localized import LocalizedText
from lifesci_partners._validate import describe, fail, identifier, instance_of, optional, web_url

__all__ = ["Address", "Organization"]

_ALPHA_2 = 2

# CLDR codes that are regions or placeholders rather than ISO 3166-1 countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ"})


@functools.cache
def _country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes that CLDR names (loaded on first use, not at import)."""
    names = [str(code) for code in parse_locale("en").territories]
    return frozenset(c for c in names if len(c) == _ALPHA_2 and c.isalpha()) - _NOT_COUNTRIES


def _country(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise fail(attribute, f"expected an ISO 3166-1 alpha-2 code, got {describe(value)}")
    codes = _country_codes()
    if value not in codes:
        hint = f"; did you mean {value.upper()!r}?" if value.upper() in codes else ""
        shown = repr(value) if len(value) <= _ALPHA_2 + 8 else repr(value[: _ALPHA_2 + 8]) + "..."
        raise fail(
            attribute, f"{shown} is not an ISO 3166-1 alpha-2 country code such as 'JP'{hint}"
        )


_optional_text = optional(instance_of(LocalizedText))


@attrs.frozen
class Address:
    """A postal address, as precise as the source allows; only the country is required.

    Args:
        country: ISO 3166-1 alpha-2 code, upper case (``"JP"``, ``"FR"``), checked against CLDR.
        locality: City or town (``Paris``; for Tokyo's wards, the ward: ``Chuo-ku``).
        region: State, prefecture or region (``Tokyo``, ``Île-de-France``).
        district: A part of the locality (``Nihonbashi-Muromachi``).
        street: Street and number.
        postal_code: Postal code as written.

    Raises:
        ValidationError: The country code is not a known ISO 3166-1 alpha-2 code.

    Example:
        >>> from lifesci_partners import Address, LocalizedText
        >>> paris = Address(country="FR", locality=LocalizedText({"en": "Paris"}))
        >>> paris.country_name("fr")
        'France'

    .. versionadded:: 0.1.0
    """

    country: str = attrs.field(validator=_country)
    locality: LocalizedText | None = attrs.field(default=None, validator=_optional_text)
    region: LocalizedText | None = attrs.field(default=None, validator=_optional_text)
    district: LocalizedText | None = attrs.field(default=None, validator=_optional_text)
    street: LocalizedText | None = attrs.field(default=None, validator=_optional_text)
    postal_code: str | None = attrs.field(default=None, validator=optional(instance_of(str)))

    def country_name(self, locale: str = "en") -> str:
        """The country's name in ``locale``, from CLDR (``"Japan"``, ``"Japon"``, ``"日本"``)."""
        return str(parse_locale(locale).territories.get(self.country, self.country))


@attrs.frozen
class Organization:
    """An organization: a company, association, cluster, university, hospital, agency, ...

    Args:
        id: The organization's id in this data set (``"link-j"``); parties and references use it.
        name: Official names by locale.
        acronym: The main acronym or short name (``"LINK-J"``), if any.
        headquarters: Where its head office is.
        website: Its main website, an http or https URL.

    Raises:
        ValidationError: A field has the wrong type or an invalid value.

    Example:
        >>> from lifesci_partners import Organization, LocalizedText
        >>> mpr = Organization(
        ...     id="mpr",
        ...     name=LocalizedText({"en": "Medicen Paris Region"}),
        ...     acronym="MPR",
        ...     website="https://medicen.org/en/",
        ... )
        >>> mpr.display_name()
        'Medicen Paris Region (MPR)'

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    name: LocalizedText = attrs.field(validator=instance_of(LocalizedText))
    acronym: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    headquarters: Address | None = attrs.field(
        default=None, validator=optional(instance_of(Address))
    )
    website: str | None = attrs.field(default=None, validator=optional(web_url))

    def display_name(self, locale: str | None = None) -> str:
        """The name in ``locale`` (best match), followed by the acronym in parentheses."""
        name = self.name.get(locale)
        if self.acronym and self.acronym != name:
            return f"{name} ({self.acronym})"
        return name
