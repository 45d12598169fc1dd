"""Tests for Link and LinkKind."""

from __future__ import annotations

import pytest
from hypothesis import given

from lifesci_partners import Link, LinkKind, ValidationError, from_json, to_json
from lifesci_partners import strategies as lst


class TestLink:
    @pytest.mark.parametrize(
        "url", ["ftp://example.org/", "example.org", "javascript:alert(1)", "mailto:a@b.c"]
    )
    def test_http_only(self, url: str) -> None:
        """Only absolute http and https URLs are links."""
        with pytest.raises(ValidationError, match=r"\$\.url: .* is not an http or https URL"):
            Link(url)

    def test_default_kind(self) -> None:
        """A link is of kind other unless said."""
        assert Link("https://example.org/").kind is LinkKind.OTHER

    @given(lst.links())
    def test_round_trip(self, link: Link) -> None:
        """Every link survives to_json/from_json unchanged."""
        assert from_json(to_json(link), Link) == link
