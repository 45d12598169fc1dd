"""Tests for OrganizationName and NameKind."""

from __future__ import annotations

import pytest
from hypothesis import given

from lifesci_partners import (
    NameKind,
    OrganizationName,
    PartialDate,
    ValidationError,
    from_dict,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst


class TestOrganizationName:
    def test_locale_normalised(self) -> None:
        """Either tag form is accepted and stored in babel's form."""
        assert OrganizationName("LINK-J", NameKind.ACRONYM, "ja-JP").locale == "ja_JP"

    def test_malformed_locale(self) -> None:
        """A locale that is no BCP 47 tag is refused at its path."""
        with pytest.raises(ValidationError, match=r"\$\.locale: malformed locale 'en_US.UTF-8'"):
            OrganizationName("X", NameKind.ALIAS, "en_US.UTF-8")

    @pytest.mark.parametrize("text", ["", "  ", "\n"])
    def test_text_not_empty(self, text: str) -> None:
        """Names are text that is not empty or only white space."""
        with pytest.raises(ValidationError, match=r"\$\.text: "):
            OrganizationName(text, NameKind.ALIAS)

    def test_dates_in_order(self) -> None:
        """A name cannot go out of use before it came into use."""
        with pytest.raises(ValidationError, match=r"\$\.end: 2001 is before the start, 2005"):
            OrganizationName("X", NameKind.ALIAS, start=PartialDate(2005), end=PartialDate(2001))

    def test_kind_required_in_json(self) -> None:
        """The kind is not guessed when reading JSON."""
        with pytest.raises(ValidationError, match=r"\$\.kind: required, but missing"):
            from_dict({"text": "X"}, OrganizationName)

    @given(lst.organization_names())
    def test_round_trip(self, name: OrganizationName) -> None:
        """Every name survives to_json/from_json unchanged."""
        assert from_json(to_json(name), OrganizationName) == name
