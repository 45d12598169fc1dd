"""Tests for to_jsonld of funded agreements: a schema.org MonetaryGrant."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

from lifesci_partners import Agreement, AgreementKind, Funding, Party, load_cordis, to_jsonld
from lifesci_partners import strategies as lst

DATA = Path(__file__).parent / "data" / "cordis"


class TestMonetaryGrant:
    def test_real_grant(self) -> None:
        """A CORDIS grant names its funder, its exact maximum, its dates and its project."""
        result = load_cordis(
            DATA / "h2020-project-slice.json.gz", DATA / "h2020-organization-slice.json.gz"
        )
        node = to_jsonld(result.directory.agreement("643921"), directory=result.directory)
        assert (node["@type"], node["identifier"]) == ("MonetaryGrant", "643921")
        assert node["funder"] == {"@type": "FundingAgency", "name": "European Commission"}
        assert node["amount"] == {
            "@type": "MonetaryAmount",
            "value": "4932902.25",
            "currency": "EUR",
        }
        assert (node["startDate"], node["endDate"]) == ("2015-01-01", "2019-02-28")
        assert node["fundedItem"]["name"] == "UnCoVerCPS"
        assert len(node["fundedItem"]["member"]) == 10  # the parties but the funder

    def test_agreement_without_funding(self) -> None:
        """An agreement with no funding has no schema.org form: a TypeError says so."""
        mou = Agreement("m", AgreementKind.MOU, [Party("a"), Party("b")], dt.date(2020, 1, 1))
        with pytest.raises(TypeError, match=r"only a grant .* is one, a MonetaryGrant"):
            to_jsonld(mou)

    @given(lst.funded_agreements())
    def test_amount_is_exact_text(self, agreement: Agreement) -> None:
        """The node is JSON, and its amount is the exact maximum, as text."""
        node = json.loads(json.dumps(to_jsonld(agreement)))
        maximum = agreement.funding.max_contribution if agreement.funding else None
        if maximum is None:
            assert "amount" not in node
        else:
            assert Decimal(node["amount"]["value"]) == maximum.amount
            assert node["amount"]["value"] == str(maximum.amount)

    def test_grant_whose_start_is_not_known(self) -> None:
        """A grant with no known start has no startDate, and its stated last day as endDate."""
        grant = Agreement(
            "g",
            AgreementKind.FUNDING,
            [Party("ec"), Party("a")],
            None,
            stated_end_on=dt.date(2024, 1, 31),
            funding=Funding("ec"),
        )
        node = to_jsonld(grant)
        assert "startDate" not in node
        assert node["endDate"] == "2024-01-31"
