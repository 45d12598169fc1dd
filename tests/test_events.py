"""Tests for NonRenewalNotice and Termination."""

from __future__ import annotations

import datetime as dt

import pytest

from lifesci_partners import NonRenewalNotice, Termination, ValidationError


class TestNonRenewalNotice:
    def test_party_required(self) -> None:
        """A notice names the party that gave it, by a valid id."""
        with pytest.raises(ValidationError, match=r"\$\.by: 'a b' is not a valid id"):
            NonRenewalNotice(dt.date(2020, 1, 1), by="a b")

    def test_date_not_datetime(self) -> None:
        """The day of a notice is a date."""
        with pytest.raises(ValidationError, match=r"\$\.on: expected a date"):
            NonRenewalNotice(dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc), by="x")


class TestTermination:
    def test_party_optional(self) -> None:
        """A termination may name no party (ended together, or not stated)."""
        assert Termination(dt.date(2020, 1, 1)).by is None

    def test_reason_is_localized(self) -> None:
        """A reason is localized text, not a plain string."""
        with pytest.raises(ValidationError, match=r"\$\.reason: expected LocalizedText"):
            Termination(dt.date(2020, 1, 1), reason="merger")  # type: ignore[arg-type]
