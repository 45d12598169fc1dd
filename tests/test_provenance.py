"""Tests for Provenance."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from lifesci_partners import Provenance, ValidationError, from_json, to_json
from lifesci_partners import strategies as lst


class TestProvenance:
    def test_only_registry_and_id_are_needed(self) -> None:
        """Dates and schema versions are optional."""
        assert Provenance("ror", "05dxps055").modified_on is None

    def test_bad_schema_version(self) -> None:
        """A schema version is dotted numbers."""
        with pytest.raises(ValidationError, match=r"^\$\.schema_version: expected a schema"):
            Provenance("ror", "05dxps055", schema_version="v2")

    def test_bad_registry(self) -> None:
        """The registry is named like an identifier scheme, in lower case."""
        with pytest.raises(ValidationError, match=r"^\$\.registry: "):
            Provenance("ROR", "05dxps055")

    def test_json(self) -> None:
        """Dates are ISO 8601 text; what is not known is left out."""
        record = Provenance("ror", "05dxps055", modified_on=dt.date(2024, 12, 11))
        assert to_json(record) == (
            '{"registry":"ror","record_id":"05dxps055","modified_on":"2024-12-11"}'
        )

    @given(lst.provenances())
    def test_round_trip(self, record: Provenance) -> None:
        """A provenance survives to_json/from_json unchanged."""
        assert from_json(to_json(record), Provenance) == record
