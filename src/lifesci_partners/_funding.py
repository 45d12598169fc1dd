"""Funding of an agreement: who funds it, how much, and what each party receives.

A grant agreement (kind ``funding``) may carry a :class:`Funding`: its funder (a party of the
agreement), the programme and scheme, the total cost, the maximum contribution, and one
:class:`Contribution` per funded party. Whether the parts add up to the stated maximum is a
:class:`FundingCheck`, data computed with exact :class:`~decimal.Decimal` sums, never an error:
published data is often incomplete, and a directory must still hold it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs

from lifesci_partners._decimals import EXACT
from lifesci_partners._free_text import one_line
from lifesci_partners._money import Money
from lifesci_partners._validate import as_tuple, identifier, instance_of, optional, tuple_of
from lifesci_partners.exceptions import ValidationError

__all__ = ["Contribution", "Funding", "FundingCheck", "FundingRole", "FundingVerdict"]


class FundingRole(enum.Enum):
    """The role of a party in a funded project, as funding programmes name them.

    .. versionadded:: 0.2.0
    """

    FUNDER = "funder"
    """The granting authority (the European Commission for a Horizon 2020 grant)."""
    COORDINATOR = "coordinator"
    """The beneficiary that coordinates the project and receives the funder's payments."""
    PARTICIPANT = "participant"
    """A beneficiary other than the coordinator."""
    PARTNER = "partner"
    """A partner organization, often without funding of its own (CORDIS ``partner``)."""
    THIRD_PARTY = "third_party"
    """A third party linked to a beneficiary (CORDIS ``thirdParty``)."""
    ASSOCIATED_PARTNER = "associated_partner"
    """An associated partner, in the project without signing the grant (``associatedPartner``)."""


class FundingVerdict(enum.Enum):
    """How the parties' contributions compare with the stated maximum contribution.

    .. versionadded:: 0.2.0
    """

    CONSISTENT = "consistent"
    """Every part is stated and they add up to the maximum exactly."""
    EXCEEDS = "exceeds"
    """The stated parts add up to more than the maximum (missing parts could only add more)."""
    FALLS_SHORT = "falls_short"
    """Every part is stated and they add up to less than the maximum."""
    UNDECIDABLE = "undecidable"
    """No maximum is stated, or some part is missing and the stated ones do not exceed it."""


@attrs.frozen
class Contribution:
    """What one party of a funded agreement contributes to or receives from it.

    A party with no amount stated has ``amount=None``: unknown, which is not zero.

    Args:
        org: The party's organization id.
        role: Its role in the project.
        amount: The funding it receives (CORDIS ``ecContribution``), if stated.
        net_amount: What it receives net of transfers to linked third parties (CORDIS
            ``netEcContribution``), if stated.
        cost: Its own share of the project's eligible cost (CORDIS ``totalCost`` of a
            participant), if stated.

    Example:
        >>> from lifesci_partners import Contribution, FundingRole, Money
        >>> Contribution("999984059", FundingRole.COORDINATOR, Money("1732084.40", "EUR")).amount
        Money('1732084.40', 'EUR')

    .. versionadded:: 0.2.0
    """

    org: str = attrs.field(validator=identifier)
    role: FundingRole = attrs.field(validator=instance_of(FundingRole))
    amount: Money | None = attrs.field(default=None, validator=optional(instance_of(Money)))
    net_amount: Money | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(Money))
    )
    cost: Money | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(Money))
    )


@attrs.frozen
class FundingCheck:
    """The verdict on a funding's parts against its maximum, with the exact amounts involved.

    Args:
        verdict: Consistent, exceeds, falls short, or undecidable.
        maximum: The stated maximum contribution, if any.
        stated: The exact sum of the parts that are stated (zero in the funding's currency when
            none is), or ``None`` when the funding states no amount at all.
        difference: ``stated - maximum`` when both are known: positive when the parts exceed.
        missing: The parties whose part is not stated, in order.

    .. versionadded:: 0.2.0
    """

    verdict: FundingVerdict
    maximum: Money | None
    stated: Money | None
    difference: Money | None
    missing: tuple[str, ...] = ()


def _to_contributions(items: Iterable[Contribution]) -> tuple[Contribution, ...]:
    return as_tuple(items)


def _amounts(funding: Funding) -> Iterable[tuple[str, Money]]:
    """Every amount the funding states, with its path."""
    named: list[tuple[str, Money | None]] = [
        ("total_cost", funding.total_cost),
        ("max_contribution", funding.max_contribution),
    ]
    for index, part in enumerate(funding.contributions):
        named.append((f"contributions[{index}].amount", part.amount))
        named.append((f"contributions[{index}].net_amount", part.net_amount))
        named.append((f"contributions[{index}].cost", part.cost))
    return [(path, money) for path, money in named if money is not None]


@attrs.frozen
class Funding:
    """The funding of an agreement: funder, programme, amounts and each party's part.

    Every amount is in one currency, that of the grant. The funder and every contributing
    party must be parties of the agreement that carries this funding (the agreement checks
    it). Whether the parts add up is :meth:`check`'s verdict, never a construction error.

    Args:
        funder: The organization id of the funder.
        programme: The funding programme (``"H2020"``), if known.
        scheme: The funding scheme within it (``"ERC-ADG"``, ``"RIA"``), if known.
        total_cost: The project's total eligible cost, if stated.
        max_contribution: The most the funder will pay (CORDIS ``ecMaxContribution``), if stated.
        contributions: One part per funded party, in order; a party appears at most once.
        call: The call for proposals it answered (``"H2020-ICT-2014-1"``), if known.
        topic: The call's topic (``"ICT-01-2014"``), if known.
        project_acronym: The project's short name (``"3Ccar"``), if it has one.

    Raises:
        ValidationError: Amounts in more than one currency, a negative amount, a party listed
            twice, the funder among the contributions, or a field of the wrong type; every
            problem at once.

    Example:
        >>> from lifesci_partners import Contribution, Funding, FundingRole, Money
        >>> funding = Funding(
        ...     funder="ec",
        ...     programme="H2020",
        ...     max_contribution=Money("100", "EUR"),
        ...     contributions=[
        ...         Contribution("a", FundingRole.COORDINATOR, Money("60", "EUR")),
        ...         Contribution("b", FundingRole.PARTICIPANT, Money("40.00", "EUR")),
        ...     ],
        ... )
        >>> funding.check().verdict.value
        'consistent'

    .. versionadded:: 0.2.0
    """

    funder: str = attrs.field(validator=identifier)
    programme: str | None = attrs.field(default=None, kw_only=True, validator=optional(one_line))
    scheme: str | None = attrs.field(default=None, kw_only=True, validator=optional(one_line))
    total_cost: Money | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(Money))
    )
    max_contribution: Money | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(Money))
    )
    contributions: tuple[Contribution, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_contributions, validator=tuple_of(Contribution)
    )
    call: str | None = attrs.field(default=None, kw_only=True, validator=optional(one_line))
    topic: str | None = attrs.field(default=None, kw_only=True, validator=optional(one_line))
    project_acronym: str | None = attrs.field(
        default=None, kw_only=True, validator=optional(one_line)
    )

    def __attrs_post_init__(self) -> None:
        errors: list[str] = []
        currency: tuple[str, str] | None = None
        for path, money in _amounts(self):
            if money.amount < 0:
                errors.append(f"$.{path}: {money} is negative; a grant's amounts are not")
            if currency is None:
                currency = (money.currency, path)
            elif money.currency != currency[0]:
                errors.append(
                    f"$.{path}: {money} is in {money.currency}, but $.{currency[1]} is in "
                    f"{currency[0]}; a grant's amounts are in one currency"
                )
        seen: dict[str, int] = {}
        for index, part in enumerate(self.contributions):
            if part.org == self.funder:
                errors.append(
                    f"$.contributions[{index}].org: {part.org!r} is the funder; the funder's "
                    "payments are the contributions of the other parties"
                )
            if part.org in seen:
                errors.append(
                    f"$.contributions[{index}].org: {part.org!r} already has a part, "
                    f"$.contributions[{seen[part.org]}]; give one part per party"
                )
            seen.setdefault(part.org, index)
        if errors:
            raise ValidationError(errors)

    @property
    def currency(self) -> str | None:
        """The grant's currency, from its amounts; ``None`` when it states no amount."""
        return next((money.currency for _, money in _amounts(self)), None)

    def contribution_of(self, org_id: str) -> Contribution | None:
        """The part of ``org_id``, or ``None`` when it has none in this funding."""
        return next((part for part in self.contributions if part.org == org_id), None)

    @property
    def coordinator(self) -> Contribution | None:
        """The coordinator's part, if a party has that role."""
        return next(
            (part for part in self.contributions if part.role is FundingRole.COORDINATOR), None
        )

    def check(self) -> FundingCheck:
        """Compare the parties' stated amounts with the maximum contribution, exactly.

        The parts are added as :class:`~decimal.Decimal` with no rounding. A part that is not
        stated is unknown, not zero, so the verdict is undecidable unless the stated parts
        already exceed the maximum (amounts are never negative in a grant, so the missing
        parts could only add to them).

        Returns:
            The verdict, with the maximum, the sum of the stated parts, their difference, and
            the parties whose part is missing.

        Example:
            >>> from lifesci_partners import Contribution, Funding, FundingRole, Money
            >>> check = Funding(
            ...     funder="ec",
            ...     max_contribution=Money("100", "EUR"),
            ...     contributions=[
            ...         Contribution("a", FundingRole.COORDINATOR, Money("60", "EUR")),
            ...         Contribution("b", FundingRole.PARTNER),
            ...     ],
            ... ).check()
            >>> check.verdict.value, check.stated, check.missing
            ('undecidable', Money('60', 'EUR'), ('b',))
        """
        maximum = self.max_contribution
        currency = self.currency
        missing = tuple(part.org for part in self.contributions if part.amount is None)
        if currency is None:
            return FundingCheck(FundingVerdict.UNDECIDABLE, None, None, None, missing)
        total = Decimal(0)
        for part in self.contributions:
            if part.amount is not None:
                total = EXACT.add(total, part.amount.amount)
        stated = Money(total, currency)
        if maximum is None:
            return FundingCheck(FundingVerdict.UNDECIDABLE, None, stated, None, missing)
        difference = Money(EXACT.subtract(total, maximum.amount), currency)
        if difference.amount > 0:
            verdict = FundingVerdict.EXCEEDS
        elif missing:
            verdict = FundingVerdict.UNDECIDABLE
        elif difference.amount < 0:
            verdict = FundingVerdict.FALLS_SHORT
        else:
            verdict = FundingVerdict.CONSISTENT
        return FundingCheck(verdict, maximum, stated, difference, missing)
