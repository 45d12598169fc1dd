"""Queries on the funding of a directory's agreements, answered from indexes built on first use.

:class:`FundingIndex` holds, for each organization asked about and each currency, its amounts
sorted by the effective date of their agreements with running totals (a period is two
bisections and one subtraction), read from that organization's own agreements; and, built in
one pass over every contribution on the first query that needs them, the totals by country and
the organizations ranked by what they received. Sums are exact :class:`~decimal.Decimal`
additions; nothing is converted between currencies unless a query is given
:class:`~lifesci_partners.ExchangeRates`. Co-participation reads the directory's index of each
organization's agreements, which the directory builds with itself.

The :class:`~lifesci_partners.Directory` methods ``funding_received``, ``funding_received_in``,
``co_participants``, ``funding_by_country`` and ``largest_recipients`` call these.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal
from operator import itemgetter

import attrs

from lifesci_partners._agreement import Agreement
from lifesci_partners._arguments import an_instance
from lifesci_partners._decimals import EXACT
from lifesci_partners._money import Money, check_currency
from lifesci_partners._organization import Organization
from lifesci_partners._rates import ExchangeRates, RatePolicy
from lifesci_partners._terms import Period
from lifesci_partners.exceptions import NotFoundError

__all__ = ["FundingIndex", "co_participants"]

_NEVER = dt.date.max.toordinal() + 1


@attrs.define
class _Received:
    """The amounts one organization received in one currency, by effective date."""

    days: list[int] = attrs.Factory(list)  # ordinals of the agreements' effective dates
    amounts: list[Decimal] = attrs.Factory(list)
    agreements: list[int] = attrs.Factory(list)
    running: list[Decimal] = attrs.Factory(list)  # running[i]: the sum of amounts[:i]

    def seal(self) -> None:
        """Sort by day (ties in directory order) and compute the running totals."""
        order = sorted(range(len(self.days)), key=lambda i: (self.days[i], self.agreements[i]))
        self.days = [self.days[i] for i in order]
        self.amounts = [self.amounts[i] for i in order]
        self.agreements = [self.agreements[i] for i in order]
        total = Decimal(0)
        running = [total]
        add = EXACT.add
        for amount in self.amounts:
            total = add(total, amount)
            running.append(total)
        self.running = running

    def span(self, period: Period | None) -> tuple[int, int]:
        """The positions of the amounts whose agreement took effect within ``period``."""
        if period is None:
            return 0, len(self.days)
        end = _NEVER if period.end is None else period.end.toordinal()
        return bisect_left(self.days, period.start.toordinal()), bisect_left(self.days, end)


def _country(organization: Organization) -> str | None:
    where = organization.headquarters
    return None if where is None else where.country


class FundingIndex:
    """What the funding queries read, each part built on its first use.

    What an organization received is read from its own agreements (the directory's index of
    them), the first time it is asked about: no query about one organization scans the others'.
    The totals by country and the ranking need every contribution: they are built in one pass,
    on the first query that needs them.

    Args:
        agreements: The directory's agreements, in directory order.
        organizations: The directory's organizations by id.
        agreements_of: The positions of each organization's agreements.
    """

    def __init__(
        self,
        agreements: Sequence[Agreement],
        organizations: Mapping[str, Organization],
        agreements_of: Mapping[str, Sequence[int]],
    ) -> None:
        self._agreements = agreements
        self._organizations = organizations
        self._agreements_of = agreements_of
        self._received: dict[str, dict[str, _Received]] = {}
        self._by_country: tuple[tuple[str | None, Money], ...] | None = None
        self._ranked: dict[str, list[tuple[Decimal, str]]] = {}

    def _of(self, org_id: str) -> dict[str, _Received]:
        """The amounts ``org_id`` received, by currency, sorted by day (computed once)."""
        mine = self._received.get(org_id)
        if mine is not None:
            return mine
        mine = {}
        agreements = self._agreements
        for index in self._agreements_of.get(org_id, ()):
            agreement = agreements[index]
            funding = agreement.funding
            part = None if funding is None else funding.contribution_of(org_id)
            if part is None or part.amount is None:
                continue
            money = part.amount
            found = mine.get(money.currency)
            if found is None:
                found = mine[money.currency] = _Received()
            start = agreement.effective_on  # not known: before every day, in no period
            found.days.append(0 if start is None else start.toordinal())
            found.amounts.append(money.amount)
            found.agreements.append(index)
        for found in mine.values():
            found.seal()
        self._received[org_id] = mine  # the same result if two threads both compute it
        return mine

    def _totals(self) -> tuple[tuple[str | None, Money], ...]:
        """Build the totals by country and the ranking, in one pass over every contribution."""
        if self._by_country is not None:
            return self._by_country
        from lifesci_partners._json._gc import gc_paused  # noqa: PLC0415

        with gc_paused():  # a collection would traverse every model: 8x the pass
            return self._build_totals()

    def _build_totals(self) -> tuple[tuple[str | None, Money], ...]:
        add = EXACT.add
        totals: dict[tuple[str, str], Decimal] = {}
        for agreement in self._agreements:
            funding = agreement.funding
            if funding is None:
                continue
            for part in funding.contributions:
                money = part.amount
                if money is not None:
                    key = (part.org, money.currency)
                    totals[key] = add(totals.get(key, Decimal(0)), money.amount)
        by_country: dict[tuple[str | None, str], Decimal] = {}
        ranked: dict[str, list[tuple[Decimal, str]]] = {}
        for (org, currency), total in totals.items():
            where = (_country(self._organizations[org]), currency)
            by_country[where] = add(by_country.get(where, Decimal(0)), total)
            ranked.setdefault(currency, []).append((total, org))
        for rows in ranked.values():  # largest first, ties by id (a stable sort keeps them)
            rows.sort(key=itemgetter(1))
            rows.sort(key=itemgetter(0), reverse=True)
        self._ranked = ranked
        ordered = sorted(by_country.items(), key=lambda row: (row[0][0] is None, row[0]))
        self._by_country = tuple(
            (country, Money(total, currency)) for (country, currency), total in ordered
        )
        return self._by_country

    def received(
        self, org_id: str, period: Period | None, currency: str | None
    ) -> tuple[Money, ...]:
        """What ``org_id`` received, one total per currency (sorted by code)."""
        an_instance(period, (Period, type(None)), "funding_received", "period=Period(...) or None")
        mine = self._of(org_id)
        codes = sorted(mine) if currency is None else [check_currency(currency, "$.currency")]
        result = []
        for code in codes:
            found = mine.get(code)
            if found is None:
                continue
            first, last = found.span(period)
            if first < last:
                total = EXACT.subtract(found.running[last], found.running[first])
                result.append(Money(total, code))
        return tuple(result)

    def received_in(  # the options of ExchangeRates.convert, passed on
        self,
        org_id: str,
        to: str,
        agreements: Sequence[Agreement],
        *,
        rates: ExchangeRates,
        period: Period | None,
        on: dt.date | None,
        policy: RatePolicy,
        rounding: str,
    ) -> Money:
        """What ``org_id`` received, converted into ``to`` with dated rates and added up."""
        an_instance(
            period, (Period, type(None)), "funding_received_in", "period=Period(...) or None"
        )
        check_currency(to, "$.to")
        total = Decimal(0)
        for code, found in sorted(self._of(org_id).items()):
            first, last = found.span(period)
            if code == to:
                total = EXACT.add(total, EXACT.subtract(found.running[last], found.running[first]))
                continue
            for i in range(first, last):
                agreement = agreements[found.agreements[i]]
                day = agreement.effective_on if on is None else on
                if day is None:
                    msg = (
                        f"agreement {agreement.id!r} has no known effective date to take a "
                        f"{code}/{to} rate of; give the date of the rates with on="
                    )
                    raise NotFoundError(msg)
                converted = rates.convert(
                    Money(found.amounts[i], code), to, on=day, policy=policy, rounding=rounding
                )
                total = EXACT.add(total, converted.money.amount)
        return Money(total, to)

    def by_country(self, currency: str | None) -> tuple[tuple[str | None, Money], ...]:
        """Totals received by the organizations of each country, by country then currency."""
        rows = self._totals()
        if currency is None:
            return rows
        check_currency(currency, "$.currency")
        return tuple(row for row in rows if row[1].currency == currency)

    def largest(self, currency: str, count: int) -> tuple[tuple[str, Money], ...]:
        """The ``count`` organizations that received most in ``currency``, largest first."""
        check_currency(currency, "$.currency")
        self._totals()
        rows = self._ranked.get(currency, [])[: max(count, 0)]
        return tuple((org, Money(total, currency)) for total, org in rows)


def co_participants(
    org_id: str, mine: Sequence[int], agreements: Sequence[Agreement]
) -> tuple[tuple[str, int], ...]:
    """The organizations that share agreements with ``org_id``, with how many, most first.

    Args:
        org_id: The organization.
        mine: The positions of its agreements (the directory's index of them).
        agreements: The directory's agreements.

    Returns:
        ``(organization id, shared agreements)`` pairs, by count (largest first), then id.
    """
    counts: Counter[str] = Counter()
    for index in mine:
        counts.update([party.org for party in agreements[index].parties])
    del counts[org_id]
    ranked = sorted(counts.items())  # by id, then by count: a stable sort keeps ties by id
    ranked.sort(key=itemgetter(1), reverse=True)
    return tuple(ranked)
