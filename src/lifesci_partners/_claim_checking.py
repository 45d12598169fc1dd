"""Checking an announcement's claims against what a directory knows.

A directory knows some partnerships of an organization, all of them only when the organization
is in its ``complete_partnerships``; a claim holds, fails or is undecidable accordingly (see
:meth:`~lifesci_partners.Directory.check_claims`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping

import attrs

from lifesci_partners._claims import (
    Claim,
    ClaimCheck,
    PartnerCount,
    PartnerRank,
    PartnerScope,
    Verdict,
)
from lifesci_partners._figures import Bounds, Qualifier
from lifesci_partners._organization import Organization

__all__ = ["ClaimChecker"]

_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
_TEENS = range(10, 21)  # 11th, 12th, 13th: not 11st


def _ordinal(rank: int) -> str:
    """English ordinal: ``1st``, ``2nd``, ``11th``, ``16th``, ``22nd``."""
    suffix = "th" if rank % 100 in _TEENS else _SUFFIXES.get(rank % 10, "th")
    return f"{rank}{suffix}"


def _integers(bounds: Bounds) -> tuple[int | None, int | None]:
    """The least and greatest whole numbers within the bounds of a count (``None``: no bound)."""
    lower, upper = bounds.lower, bounds.upper
    low = lower + (1 if bounds.lower_open else 0) if isinstance(lower, int) else None
    high = upper - (1 if bounds.upper_open else 0) if isinstance(upper, int) else None
    return low, high


def _judge(claimed: Bounds, low: int, high: int | None) -> Verdict:
    """Compare what a claim allows with what the data allows: ``low`` to ``high`` (or more)."""
    claim_low, claim_high = _integers(claimed)
    if (claim_low is not None and high is not None and high < claim_low) or (
        claim_high is not None and low > claim_high
    ):
        return Verdict.FAILS
    if (claim_low is None or claim_low <= low) and (
        claim_high is None or (high is not None and high <= claim_high)
    ):
        return Verdict.HOLDS
    return Verdict.UNDECIDABLE


@attrs.frozen
class ClaimChecker:
    """What a directory knows about partnerships, and the verdict it gives on a claim.

    Args:
        organizations: The organizations by id.
        began: For each organization, the day each partnership of it began, by partner id
            (``None``: not known, so it may rank anywhere).
        complete: The organizations whose partnerships are all known.
        partner_ids: The partners of an organization, on a day or ever (``None``).
        by_location: The domestic and overseas partners of an organization, and how many
            more have no known country, on a day or ever.
    """

    organizations: Mapping[str, Organization]
    began: Mapping[str, Mapping[str, dt.date | None]]
    complete: Collection[str]
    partner_ids: Callable[[str, dt.date | None], tuple[str, ...]]
    by_location: Callable[[str, dt.date | None], tuple[list[str], list[str], int]]

    def check(self, claim: Claim) -> ClaimCheck:
        """The verdict on ``claim``, with what the directory allows and why."""
        orgs = self.organizations
        missing = [
            org_id
            for org_id in (claim.org, getattr(claim, "partner", None))
            if org_id is not None and org_id not in orgs
        ]
        if missing:
            reason = f"the directory has no organization {missing[0]!r}"
            return ClaimCheck(claim, Verdict.UNDECIDABLE, Bounds(None, None), reason)
        if isinstance(claim, PartnerRank):
            return self._check_rank(claim)
        return self._check_count(claim)

    def _name(self, org_id: str) -> str:
        org = self.organizations[org_id]
        return org.acronym or org.name.default

    def _check_rank(self, claim: PartnerRank) -> ClaimCheck:
        complete = claim.org in self.complete
        began = self.began.get(claim.org, {})
        org, partner = self._name(claim.org), self._name(claim.partner)
        if claim.partner not in began:
            if complete:
                reason = f"{partner} is not a partner of {org}, whose partnerships are all known"
                return ClaimCheck(claim, Verdict.FAILS, Bounds(None, None), reason)
            reason = f"the directory knows no agreement between {org} and {partner}"
            return ClaimCheck(claim, Verdict.UNDECIDABLE, Bounds(None, None), reason)
        first = began[claim.partner]
        # A partnership that began on a day not known may rank anywhere: it widens the bounds.
        unknown = sum(1 for day in began.values() if day is None)
        if first is None:
            before, tied = 0, len(began)
        else:
            before = sum(1 for day in began.values() if day is not None and day < first)
            tied = sum(1 for day in began.values() if day == first) + unknown
        low, high = before + 1, before + tied if complete else None
        derived = Bounds(low, high)
        verdict = _judge(Bounds(claim.rank, claim.rank), low, high)
        known = f"the directory knows {len(began)} of {org}'s partnerships"
        place = f"{partner} is {_ordinal(low)} of them"
        if tied > 1:
            place = f"{partner} is {_ordinal(low)} to {_ordinal(before + tied)} of them (tied)"
        if complete:
            reason = f"{known}, all of them, and {place}"
        else:
            reason = (
                f"{known} and {place}; others may be missing, so its place is at least "
                f"{_ordinal(low)}"
            )
        return ClaimCheck(claim, verdict, derived, reason)

    def _check_count(self, claim: PartnerCount) -> ClaimCheck:
        complete = claim.org in self.complete
        org = self._name(claim.org)
        if claim.scope is PartnerScope.ALL:
            known, unknown = len(self.partner_ids(claim.org, claim.on)), 0
        else:
            domestic, overseas, unknown = self.by_location(claim.org, claim.on)
            known = len(domestic if claim.scope is PartnerScope.DOMESTIC else overseas)
        low, high = known, known + unknown if complete else None
        derived = Bounds(low, high)
        if claim.count.qualifier is Qualifier.APPROXIMATELY:
            exact = high == low == claim.count.value
            verdict = Verdict.HOLDS if exact else Verdict.UNDECIDABLE
        else:
            verdict = _judge(claim.count.bounds(), low, high)
        which = "" if claim.scope is PartnerScope.ALL else f"{claim.scope.value} "
        when = "" if claim.on is None else f" in force on {claim.on.isoformat()}"
        noun = "partner" if known == 1 else "partners"
        reason = f"the directory knows {known} {which}{noun} of {org}{when}"
        if unknown:
            reason += f", and {unknown} more whose country is not known"
        if complete:
            reason += f"; it knows every partnership of {org}"
        else:
            reason += "; others may be missing, so there are at least that many"
        if claim.count.qualifier is Qualifier.APPROXIMATELY and verdict is Verdict.UNDECIDABLE:
            reason += ", and an approximate figure has no bounds to check"
        return ClaimCheck(claim, verdict, derived, reason)
