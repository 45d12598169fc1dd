"""Tests for the claims an announcement states: PartnerRank and PartnerCount."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from lifesci_partners import (
    Figure,
    Money,
    PartnerCount,
    PartnerRank,
    PartnerScope,
    Qualifier,
    ValidationError,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst


class TestPartnerRank:
    def test_seed_claim(self) -> None:
        """MPR is LINK-J's 16th partner, as data."""
        claim = PartnerRank("link-j", "mpr", 16)
        assert (claim.org, claim.partner, claim.rank) == ("link-j", "mpr", 16)

    def test_rank_starts_at_one(self) -> None:
        """A rank of 0 is refused, with the rule."""
        with pytest.raises(ValidationError, match=r"\$\.rank: a rank starts at 1"):
            PartnerRank("link-j", "mpr", 0)

    def test_bool_is_not_a_rank(self) -> None:
        """True is not a rank of 1."""
        with pytest.raises(ValidationError, match=r"\$\.rank: expected a whole number"):
            PartnerRank("link-j", "mpr", True)  # noqa: FBT003

    def test_own_partner(self) -> None:
        """An organization is not its own partner."""
        with pytest.raises(ValidationError, match="not its own partner"):
            PartnerRank("link-j", "link-j", 1)

    @given(lst.partner_ranks())
    def test_round_trip(self, claim: PartnerRank) -> None:
        """Any rank claim survives JSON."""
        assert from_json(to_json(claim), PartnerRank) == claim


class TestPartnerCount:
    def test_defaults(self) -> None:
        """By default a count is of every partner, at no particular date."""
        claim = PartnerCount("link-j", Figure(16))
        assert (claim.scope, claim.on) == (PartnerScope.ALL, None)

    def test_qualified(self) -> None:
        """A count keeps its qualifier ("over 10")."""
        claim = PartnerCount("link-j", Figure(10, Qualifier.OVER), on=dt.date(2020, 2, 5))
        assert claim.count.qualifier is Qualifier.OVER

    def test_money_is_not_a_count(self) -> None:
        """A number of partners is a whole number."""
        with pytest.raises(ValidationError, match=r"\$\.count: a number of partners is a whole"):
            PartnerCount("link-j", Figure(Money("16", "EUR")))

    @given(lst.partner_counts())
    def test_round_trip(self, claim: PartnerCount) -> None:
        """Any count claim survives JSON."""
        assert from_json(to_json(claim), PartnerCount) == claim
