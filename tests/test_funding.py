"""Tests for Funding, Contribution and the consistency verdict, and for funded agreements."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, localcontext

import pytest
from hypothesis import given

from lifesci_partners import (
    Agreement,
    AgreementKind,
    Amendment,
    Contribution,
    ContributionChanged,
    Funding,
    FundingCheck,
    FundingRole,
    FundingVerdict,
    Money,
    Party,
    PartyWithdrawn,
    Term,
    ValidationError,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst

COORDINATOR, PARTICIPANT = FundingRole.COORDINATOR, FundingRole.PARTICIPANT


def eur(amount: str) -> Money:
    return Money(amount, "EUR")


def grant(maximum: str | None, *amounts: str | None) -> Funding:
    parts = [
        Contribution(f"p{i}", COORDINATOR if i == 0 else PARTICIPANT, None if a is None else eur(a))
        for i, a in enumerate(amounts)
    ]
    return Funding(
        "ec", max_contribution=None if maximum is None else eur(maximum), contributions=parts
    )


def plain_verdict(funding: Funding) -> FundingVerdict:
    """The verdict from a plain sum at a precision no grant reaches (an independent oracle)."""
    maximum = funding.max_contribution
    with localcontext() as ctx:
        ctx.prec = 200
        stated = sum(
            (p.amount.amount for p in funding.contributions if p.amount is not None), Decimal(0)
        )
    missing = any(p.amount is None for p in funding.contributions)
    if maximum is None:
        return FundingVerdict.UNDECIDABLE
    if stated > maximum.amount:
        return FundingVerdict.EXCEEDS
    if missing:
        return FundingVerdict.UNDECIDABLE
    return FundingVerdict.CONSISTENT if stated == maximum.amount else FundingVerdict.FALLS_SHORT


class TestFundingCheck:
    def test_consistent(self) -> None:
        """Parts that add up to the maximum exactly are consistent, with a zero difference."""
        check = grant("100", "60.50", "39.50").check()
        assert check == FundingCheck(
            FundingVerdict.CONSISTENT, eur("100"), eur("100.00"), eur("0.00"), ()
        )

    def test_exceeds(self) -> None:
        """Parts above the maximum exceed it, by the exact difference."""
        check = grant("100", "60", "40.01").check()
        assert (check.verdict, check.difference) == (FundingVerdict.EXCEEDS, eur("0.01"))

    def test_exceeds_even_with_a_part_missing(self) -> None:
        """Stated parts already above the maximum exceed it, whatever the missing ones are."""
        check = grant("100", "101", None).check()
        assert (check.verdict, check.missing) == (FundingVerdict.EXCEEDS, ("p1",))

    def test_falls_short(self) -> None:
        """Every part stated, adding up to less than the maximum, falls short."""
        check = grant("100", "60", "39.99").check()
        assert (check.verdict, check.difference) == (FundingVerdict.FALLS_SHORT, eur("-0.01"))

    def test_missing_part_is_undecidable(self) -> None:
        """A missing part is unknown, not zero: the verdict is undecidable, naming the party."""
        check = grant("100", "100", None).check()
        assert (check.verdict, check.stated, check.missing) == (
            FundingVerdict.UNDECIDABLE,
            eur("100"),
            ("p1",),
        )

    def test_no_maximum_is_undecidable(self) -> None:
        """Without a stated maximum nothing can be compared."""
        check = grant(None, "1", "2").check()
        assert (check.verdict, check.stated, check.difference) == (
            FundingVerdict.UNDECIDABLE,
            eur("3"),
            None,
        )

    def test_no_amount_at_all(self) -> None:
        """A funding that states no amount has no currency and no sums."""
        check = grant(None, None).check()
        assert check == FundingCheck(FundingVerdict.UNDECIDABLE, None, None, None, ("p0",))

    def test_sum_is_exact_beyond_float_precision(self) -> None:
        """Twenty-digit parts add up exactly: a float sum would call these consistent or not."""
        check = grant("100000000000000000.02", "50000000000000000.01", "50000000000000000.01")
        assert check.check().verdict is FundingVerdict.CONSISTENT

    @given(lst.fundings())
    def test_verdict_matches_a_plain_sum(self, funding: Funding) -> None:
        """The verdict is what a plain high-precision sum of the stated parts gives."""
        assert funding.check().verdict is plain_verdict(funding)

    @given(lst.fundings())
    def test_difference_is_stated_minus_maximum(self, funding: Funding) -> None:
        """When both are known, the difference is exactly the stated sum minus the maximum."""
        check = funding.check()
        if check.stated is not None and check.maximum is not None:
            assert check.difference == check.stated - check.maximum


class TestFunding:
    def test_one_currency(self) -> None:
        """Amounts in two currencies are refused, naming both paths."""
        with pytest.raises(ValidationError) as info:
            Funding("ec", total_cost=eur("1"), max_contribution=Money("1", "JPY"))
        assert info.value.errors == (
            (
                "$.max_contribution: JPY 1 is in JPY, but $.total_cost is in EUR; a grant's "
                "amounts are in one currency"
            ),
        )

    def test_negative_amount(self) -> None:
        """A negative amount is refused with its path."""
        with pytest.raises(ValidationError, match=r"contributions\[0\]\.amount: EUR -1 is neg"):
            grant("1", "-1")

    def test_party_listed_twice(self) -> None:
        """A party has at most one part."""
        parts = [Contribution("a", COORDINATOR), Contribution("a", PARTICIPANT)]
        with pytest.raises(ValidationError, match=r"'a' already has a part, \$.contributions\[0\]"):
            Funding("ec", contributions=parts)

    def test_funder_has_no_part(self) -> None:
        """The funder pays the parts; it has none itself."""
        with pytest.raises(ValidationError, match="'ec' is the funder"):
            Funding("ec", contributions=[Contribution("ec", PARTICIPANT)])

    def test_coordinator_and_lookup(self) -> None:
        """The coordinator's part and any party's part are found by role and by id."""
        funding = grant("3", "1", "2")
        assert funding.coordinator == funding.contributions[0]
        assert funding.contribution_of("p1") == funding.contributions[1]
        assert funding.contribution_of("nobody") is None

    @given(lst.fundings())
    def test_round_trip(self, funding: Funding) -> None:
        """A funding reads back equal from its JSON."""
        assert from_json(to_json(funding), Funding) == funding

    @given(lst.contributions())
    def test_contribution_round_trip(self, part: Contribution) -> None:
        """A contribution reads back equal from its JSON."""
        assert from_json(to_json(part), Contribution) == part

    @given(lst.funding_checks())
    def test_check_round_trip(self, check: FundingCheck) -> None:
        """A verdict with its amounts reads back equal from its JSON."""
        assert from_json(to_json(check), FundingCheck) == check


class TestFundedAgreement:
    def agreement(self, funding: Funding) -> Agreement:
        """A grant of the EC to p0 and p1 with ``funding``."""
        return Agreement(
            id="grant",
            kind=AgreementKind.FUNDING,
            parties=[Party("ec", role="funder"), Party("p0"), Party("p1")],
            effective_on=dt.date(2020, 1, 1),
            funding=funding,
        )

    def test_funder_must_be_a_party(self) -> None:
        """A funder that is not a party is refused, listing the parties."""
        with pytest.raises(ValidationError) as info:
            self.agreement(Funding("erc", contributions=[Contribution("p0", COORDINATOR)]))
        assert info.value.errors == (
            (
                "$.funding.funder: 'erc' is not a party to this agreement (parties: ec, p0, p1); "
                "the funder is a party of the agreement it funds"
            ),
        )

    def test_contributor_must_be_a_party(self) -> None:
        """A part of an organization that is not a party is refused with its path."""
        with pytest.raises(ValidationError, match=r"\$.funding.contributions\[0\].org: 'x' is"):
            self.agreement(Funding("ec", contributions=[Contribution("x", COORDINATOR)]))

    def test_funding_defaults_to_none(self) -> None:
        """An agreement without funding data has none, and its JSON has no funding key."""
        agreement = Agreement("a", AgreementKind.MOU, [Party("x"), Party("y")], dt.date(2020, 1, 1))
        assert agreement.funding is None
        assert "funding" not in to_json(agreement)

    @given(lst.funded_agreements())
    def test_round_trip(self, agreement: Agreement) -> None:
        """A funded agreement reads back equal from its JSON."""
        assert from_json(to_json(agreement), Agreement) == agreement


class TestAmendedFunding:
    def grant(self, *amendments: Amendment) -> Agreement:
        """A grant of the EC to p0, p1 and p2, with ``amendments``."""
        parts = [
            Contribution("p0", COORDINATOR, eur("60")),
            Contribution("p1", PARTICIPANT, eur("30")),
            Contribution("p2", PARTICIPANT, eur("10")),
        ]
        return Agreement(
            "grant",
            AgreementKind.FUNDING,
            [Party("ec"), Party("p0"), Party("p1"), Party("p2")],
            dt.date(2020, 1, 1),
            term=Term(years=3),
            funding=Funding("ec", max_contribution=eur("100"), contributions=parts),
            amendments=amendments,
        )

    def test_contribution_changed(self) -> None:
        """An amendment of a part changes it from its date, and the verdict with it."""
        grant = self.grant(ContributionChanged(dt.date(2021, 1, 1), "p1", eur("35")))
        before, after = grant.as_of(dt.date(2020, 6, 1)), grant.as_of(dt.date(2021, 6, 1))
        assert before.funding is not None
        assert after.funding is not None
        assert before.funding.check().verdict is FundingVerdict.CONSISTENT
        assert after.funding.contribution_of("p1") == Contribution("p1", PARTICIPANT, eur("35"))
        assert after.funding.check().verdict is FundingVerdict.EXCEEDS

    def test_withdrawn_contributor_keeps_its_part(self) -> None:
        """A party that withdraws keeps the part it received before, as its events are kept."""
        grant = self.grant(PartyWithdrawn(dt.date(2021, 1, 1), "p2"))
        after = grant.as_of(dt.date(2021, 6, 1))
        assert [p.org for p in after.parties] == ["ec", "p0", "p1"]
        assert after.funding is not None
        assert after.funding.contribution_of("p2") == Contribution("p2", PARTICIPANT, eur("10"))
