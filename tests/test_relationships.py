"""Tests for Relationship and RelationshipKind."""

from __future__ import annotations

import pytest
from hypothesis import given

from lifesci_partners import (
    Identifier,
    PartialDate,
    Relationship,
    RelationshipKind,
    ValidationError,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst


class TestRelationship:
    def test_needs_a_target(self) -> None:
        """A relationship names the other organization by id or by identifier."""
        with pytest.raises(ValidationError, match=r"^\$: a relationship needs the other"):
            Relationship(RelationshipKind.PARENT, label="Somewhere")

    def test_identifier_target(self) -> None:
        """A ROR id is enough to name the other organization."""
        parent = Relationship(RelationshipKind.PARENT, identifier=Identifier("ror", "05dxps055"))
        assert parent.organization is None

    def test_dates_in_order(self) -> None:
        """The end cannot be before the start."""
        with pytest.raises(ValidationError, match=r"\$\.end: 2019 is before the start, 2020"):
            Relationship(
                RelationshipKind.MEMBER_OF,
                organization="mpr",
                start=PartialDate(2020),
                end=PartialDate(2019),
            )

    def test_all_problems_at_once(self) -> None:
        """A missing target and dates out of order are reported together."""
        with pytest.raises(ValidationError) as info:
            Relationship(RelationshipKind.RELATED, start=PartialDate(2020), end=PartialDate(2019))
        assert len(info.value.errors) == 2

    def test_kinds(self) -> None:
        """Every relationship the issue names is a kind."""
        assert {k.value for k in RelationshipKind} == {
            "parent",
            "child",
            "related",
            "successor",
            "predecessor",
            "member_of",
            "founded_by",
        }

    @given(lst.relationships())
    def test_round_trip(self, relationship: Relationship) -> None:
        """Every relationship survives to_json/from_json unchanged."""
        assert from_json(to_json(relationship), Relationship) == relationship
