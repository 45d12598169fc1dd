"""Tests for the directory's funding queries: each answers what a scan of the agreements does."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    Address,
    Agreement,
    AgreementKind,
    Contribution,
    Directory,
    ExchangeRate,
    ExchangeRates,
    Funding,
    FundingRole,
    LocalizedText,
    Money,
    NotFoundError,
    Organization,
    Party,
    Period,
    RateNotFoundError,
)
from lifesci_partners import strategies as lst

COUNTRIES = (None, "FR", "JP", "DE")


@st.composite
def funded_directories(draw: st.DrawFn) -> Directory:
    """Directories of up to eight organizations and up to eight funded agreements."""
    ids = draw(st.lists(lst.identifiers(), min_size=2, max_size=8, unique=True))
    orgs = []
    for org_id in ids:
        country = draw(st.sampled_from(COUNTRIES))
        where = None if country is None else Address(country)
        orgs.append(Organization(org_id, LocalizedText({"und": org_id}), headquarters=where))
    agreements = draw(
        st.lists(lst.funded_agreements(tuple(ids)), max_size=8, unique_by=lambda a: a.id)
    )
    return Directory(orgs, agreements)


def scan_received(
    directory: Directory, org: str, period: Period | None = None
) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for agreement in directory.agreements:
        if agreement.funding is None or (period and agreement.effective_on not in period):
            continue
        for part in agreement.funding.contributions:
            if part.org == org and part.amount is not None:
                code = part.amount.currency
                totals[code] = totals.get(code, Decimal(0)) + part.amount.amount
    return totals


periods = st.builds(
    Period,
    st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
    st.none() | st.dates(dt.date(2100, 1, 2), dt.date(2200, 1, 1)),
)


class TestFundingReceived:
    @given(funded_directories(), st.data())
    def test_matches_a_scan(self, directory: Directory, data: st.DataObject) -> None:
        """The totals per currency are the scan's, for any organization and period."""
        org = data.draw(st.sampled_from([o.id for o in directory.organizations]))
        period = data.draw(st.none() | periods)
        got = {m.currency: m.amount for m in directory.funding_received(org, period=period)}
        assert got == scan_received(directory, org, period)

    @given(funded_directories(), st.data())
    def test_one_currency(self, directory: Directory, data: st.DataObject) -> None:
        """With a currency, only that currency's total, if any."""
        org = data.draw(st.sampled_from([o.id for o in directory.organizations]))
        code = data.draw(lst.currencies())
        expected = scan_received(directory, org).get(code)
        got = directory.funding_received(org, currency=code)
        assert got == (() if expected is None else (Money(expected, code),))

    def test_unknown_organization(self) -> None:
        """An organization that is not in the directory is a NotFoundError."""
        with pytest.raises(NotFoundError, match="no organization with id 'nobody'"):
            example().funding_received("nobody")


def example() -> Directory:
    """The EC funds a (coordinator, FR) and b (JP, yen) in 2020, and a and c (DE) in 2022."""
    orgs = [
        Organization(i, LocalizedText({"und": i}), headquarters=Address(c) if c else None)
        for i, c in (("ec", "BE"), ("a", "FR"), ("b", "JP"), ("c", "DE"), ("d", None))
    ]
    g1 = Agreement(
        "g1",
        AgreementKind.FUNDING,
        [Party("ec"), Party("a"), Party("b")],
        dt.date(2020, 1, 1),
        funding=Funding(
            "ec",
            contributions=[
                Contribution("a", FundingRole.COORDINATOR, Money("100", "JPY")),
                Contribution("b", FundingRole.PARTICIPANT, Money("1000", "JPY")),
            ],
        ),
    )
    g2 = Agreement(
        "g2",
        AgreementKind.FUNDING,
        [Party("ec"), Party("a"), Party("c")],
        dt.date(2022, 1, 1),
        funding=Funding(
            "ec",
            contributions=[
                Contribution("a", FundingRole.COORDINATOR, Money("10.50", "EUR")),
                Contribution("c", FundingRole.PARTICIPANT),
            ],
        ),
    )
    return Directory(orgs, [g1, g2])


class TestFundingReceivedIn:
    RATES = ExchangeRates(
        [
            ExchangeRate("JPY", "EUR", "0.0081", dt.date(2020, 1, 1), "ECB"),
            ExchangeRate("JPY", "EUR", "0.0061", dt.date(2024, 1, 1), "ECB"),
        ]
    )

    def test_each_part_at_its_agreements_date(self) -> None:
        """A yen part is converted at the rate of its agreement's effective date, then added."""
        got = example().funding_received_in("a", "EUR", rates=self.RATES)
        assert got == Money("11.31", "EUR")  # 100 JPY * 0.0081 = 0.81, + 10.50

    def test_on_one_date(self) -> None:
        """With ``on``, every part is converted at that date's rate."""
        got = example().funding_received_in("a", "EUR", rates=self.RATES, on=dt.date(2024, 1, 1))
        assert got == Money("11.11", "EUR")

    def test_missing_rate(self) -> None:
        """A part without a rate for its date is a RateNotFoundError, naming the pair."""
        with pytest.raises(RateNotFoundError, match="no JPY/EUR exchange rate for 2021-01-01"):
            example().funding_received_in("a", "EUR", rates=self.RATES, on=dt.date(2021, 1, 1))


def with_undated_grant() -> Directory:
    """The example, and a grant to a of 200 JPY whose start is not known."""
    directory = example()
    undated = Agreement(
        "g3",
        AgreementKind.FUNDING,
        [Party("ec"), Party("a")],
        None,
        funding=Funding(
            "ec", contributions=[Contribution("a", FundingRole.COORDINATOR, Money("200", "JPY"))]
        ),
    )
    return Directory(directory.organizations, [*directory.agreements, undated])


class TestUndatedGrants:
    def test_counted_in_the_total_not_in_a_period(self) -> None:
        """A grant whose start is not known counts in the total, and in no period."""
        directory = with_undated_grant()
        assert directory.funding_received("a", currency="JPY") == (Money("300", "JPY"),)
        within = Period(dt.date(1900, 1, 1), dt.date(2100, 1, 1))
        assert directory.funding_received("a", period=within, currency="JPY") == (
            Money("100", "JPY"),
        )

    def test_conversion_needs_a_date(self) -> None:
        """Converting its part needs the date of the rates: without on=, a NotFoundError says so."""
        rates = TestFundingReceivedIn.RATES
        with pytest.raises(NotFoundError, match=r"agreement 'g3' has no known effective date.*on="):
            with_undated_grant().funding_received_in("a", "EUR", rates=rates)
        got = with_undated_grant().funding_received_in(
            "a", "EUR", rates=rates, on=dt.date(2024, 1, 1)
        )
        assert got == Money("12.33", "EUR")  # 300 JPY * 0.0061 = 1.83, + 10.50


class TestCoParticipants:
    def test_counts(self) -> None:
        """Every party of the organization's agreements, with how many it shares, most first."""
        got = [(o.id, n) for o, n in example().co_participants("a")]
        assert got == [("ec", 2), ("b", 1), ("c", 1)]

    def test_none(self) -> None:
        """An organization without agreements has no co-participants."""
        assert example().co_participants("d") == ()

    @given(funded_directories(), st.data())
    def test_matches_a_scan(self, directory: Directory, data: st.DataObject) -> None:
        """The counts are those of a scan of every agreement."""
        org = data.draw(st.sampled_from([o.id for o in directory.organizations]))
        counts: Counter[str] = Counter()
        for agreement in directory.agreements:
            parties = [p.org for p in agreement.parties]
            if org in parties:
                counts.update(p for p in parties if p != org)
        got = {o.id: n for o, n in directory.co_participants(org)}
        assert got == dict(counts)


class TestByCountryAndRanking:
    def test_by_country(self) -> None:
        """Totals by country then currency; organizations without a country would come last."""
        assert example().funding_by_country() == (
            ("FR", Money("10.50", "EUR")),
            ("FR", Money("100", "JPY")),
            ("JP", Money("1000", "JPY")),
        )
        assert example().funding_by_country("EUR") == (("FR", Money("10.50", "EUR")),)

    def test_largest(self) -> None:
        """The largest recipients in one currency, largest first."""
        got = [(o.id, m) for o, m in example().largest_recipients("JPY", 5)]
        assert got == [("b", Money("1000", "JPY")), ("a", Money("100", "JPY"))]

    @given(funded_directories(), lst.currencies())
    def test_ranking_matches_a_scan(self, directory: Directory, code: str) -> None:
        """The ranking is the scan's totals sorted by amount (largest first), then id."""
        totals = {
            o.id: total
            for o in directory.organizations
            if (total := scan_received(directory, o.id).get(code)) is not None
        }
        expected = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
        got = [(o.id, m.amount) for o, m in directory.largest_recipients(code, len(totals))]
        assert got == expected

    @given(funded_directories())
    def test_by_country_matches_a_scan(self, directory: Directory) -> None:
        """Country totals are the scan's sums over each country's organizations."""
        expected: dict[tuple[str | None, str], Decimal] = {}
        for org in directory.organizations:
            country = org.headquarters.country if org.headquarters else None
            for code, total in scan_received(directory, org.id).items():
                key = (country, code)
                expected[key] = expected.get(key, Decimal(0)) + total
        got = {(c, m.currency): m.amount for c, m in directory.funding_by_country()}
        assert got == expected
