"""Tests for Organization and Address."""

from __future__ import annotations

import pytest

from lifesci_partners import Address, LocalizedText, Organization, ValidationError

NAME = LocalizedText({"en": "Medicen Paris Region"})


class TestAddress:
    def test_country_name_from_cldr(self) -> None:
        """Country names come from CLDR in the asked locale."""
        address = Address(country="JP")
        assert (address.country_name("en"), address.country_name("ja")) == ("Japan", "日本")

    def test_lower_case_country_refused_with_hint(self) -> None:
        """'fr' is refused, suggesting 'FR'."""
        with pytest.raises(ValidationError, match="did you mean 'FR'"):
            Address(country="fr")

    @pytest.mark.parametrize("code", ["XX", "EU", "FRA", "001", ""])
    def test_unknown_country_refused(self, code: str) -> None:
        """Codes that are not ISO 3166-1 alpha-2 countries are refused."""
        with pytest.raises(ValidationError, match=r"\$\.country: .* is not an ISO 3166-1"):
            Address(country=code)

    def test_locality_must_be_localized(self) -> None:
        """A plain string is not a LocalizedText."""
        with pytest.raises(ValidationError, match=r"\$\.locality: expected LocalizedText"):
            Address(country="FR", locality="Paris")  # type: ignore[arg-type]


class TestOrganization:
    def test_display_name(self) -> None:
        """The display name adds the acronym."""
        org = Organization(id="mpr", name=NAME, acronym="MPR")
        assert org.display_name() == "Medicen Paris Region (MPR)"

    def test_display_name_without_acronym(self) -> None:
        """Without an acronym, just the name."""
        assert Organization(id="mpr", name=NAME).display_name() == "Medicen Paris Region"

    @pytest.mark.parametrize(
        "url", ["ftp://medicen.org/", "medicen.org", "https://", "javascript:x"]
    )
    def test_website_must_be_http(self, url: str) -> None:
        """Only absolute http(s) URLs are websites."""
        with pytest.raises(ValidationError, match=r"\$\.website: .* is not an http or https URL"):
            Organization(id="mpr", name=NAME, website=url)

    @pytest.mark.parametrize("bad_id", ["", "-x", "a b", "x" * 201])
    def test_bad_id(self, bad_id: str) -> None:
        """Ids are 1 to 200 safe characters."""
        with pytest.raises(ValidationError, match=r"\$\.id: "):
            Organization(id=bad_id, name=NAME)
