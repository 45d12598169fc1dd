"""Claims an announcement states about partnerships, and the verdicts a directory gives them."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Union

import attrs

from lifesci_partners._figures import Bounds, Figure
from lifesci_partners._free_text import one_line
from lifesci_partners._localized import LocalizedText
from lifesci_partners._validate import (
    date_value,
    fail,
    identifier,
    instance_of,
    optional,
    rule,
    wrong_type,
)
from lifesci_partners.exceptions import ValidationError

__all__ = ["Claim", "ClaimCheck", "PartnerCount", "PartnerRank", "PartnerScope", "Verdict"]


@rule({"minimum": 1})
def _rank(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        raise wrong_type(attribute, "a whole number", value, (int,))
    if value < 1:
        raise fail(attribute, f"a rank starts at 1 (the first partner), got {value}")


@attrs.frozen
class PartnerRank:
    """The claim that ``partner`` is ``org``'s n-th partner, counting partnerships as they began.

    "This latest agreement makes MPR the 16th cooperation partner of LINK-J" is
    ``PartnerRank("link-j", "mpr", 16)``.

    Args:
        org: The organization whose partners are counted (an id).
        partner: The partner whose place is claimed (an id).
        rank: Its place, 1 for the first partner.
        statement: The words of the announcement that make the claim, by locale.

    Raises:
        ValidationError: A bad id, a rank below 1, or ``partner`` is ``org``.

    Example:
        >>> from lifesci_partners import PartnerRank
        >>> PartnerRank("link-j", "mpr", 16).rank
        16

    .. versionadded:: 0.1.0
    """

    org: str = attrs.field(validator=identifier)
    partner: str = attrs.field(validator=identifier)
    rank: int = attrs.field(validator=_rank)
    statement: LocalizedText | None = attrs.field(
        default=None, validator=optional(instance_of(LocalizedText))
    )

    def __attrs_post_init__(self) -> None:
        if self.partner == self.org:
            msg = f"$.partner: an organization is not its own partner ({self.org!r})"
            raise ValidationError([msg])


class PartnerScope(enum.Enum):
    """Which partners a :class:`PartnerCount` counts, by their headquarters' country.

    .. versionadded:: 0.1.0
    """

    ALL = "all"
    """Every partner."""
    DOMESTIC = "domestic"
    """Partners headquartered in the organization's own country."""
    OVERSEAS = "overseas"
    """Partners headquartered in another country."""


@rule({"properties": {"value": {"type": "integer"}}})  # a count, not an amount
def _count_figure(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Figure):
        raise wrong_type(attribute, "Figure", value, (Figure,))
    if type(value.value) is not int:
        raise fail(attribute, f"a number of partners is a whole number, got {value.value!r}")


@attrs.frozen
class PartnerCount:
    """The claim that ``org`` has so many partners (of a scope), as a qualified figure.

    "Cooperating with 16 organizations (including 6 overseas organizations)" is two claims:
    ``PartnerCount("link-j", Figure(16))`` and
    ``PartnerCount("link-j", Figure(6), PartnerScope.OVERSEAS)``.

    Args:
        org: The organization whose partners are counted (an id).
        count: How many, as the announcement qualifies it ("over 10" is
            ``Figure(10, Qualifier.OVER)``).
        scope: All partners, or only the domestic or overseas ones.
        on: The day the count is about: partners with an agreement in force that day. ``None``
            counts every partnership that ever began, for a claim whose date is not known.
        statement: The words of the announcement that make the claim, by locale.

    Raises:
        ValidationError: A bad id, or ``count`` is not a count of organizations.

    Example:
        >>> from lifesci_partners import Figure, PartnerCount, PartnerScope
        >>> PartnerCount("link-j", Figure(6), PartnerScope.OVERSEAS).scope.value
        'overseas'

    .. versionadded:: 0.1.0
    """

    org: str = attrs.field(validator=identifier)
    count: Figure = attrs.field(validator=_count_figure)
    scope: PartnerScope = attrs.field(default=PartnerScope.ALL, validator=instance_of(PartnerScope))
    on: dt.date | None = attrs.field(default=None, validator=optional(date_value))
    statement: LocalizedText | None = attrs.field(
        default=None, validator=optional(instance_of(LocalizedText))
    )


Claim = Union[PartnerRank, PartnerCount]  # noqa: UP007  # a runtime alias that cattrs matches
"""A claim that a directory can check: :class:`PartnerRank` or :class:`PartnerCount`."""

CLAIM_TYPES: tuple[type, ...] = (PartnerRank, PartnerCount)


class Verdict(enum.Enum):
    """What the data says about a claim.

    .. versionadded:: 0.1.0
    """

    HOLDS = "holds"
    """The data shows the claim is true."""
    FAILS = "fails"
    """The data shows the claim is false."""
    UNDECIDABLE = "undecidable"
    """The data is consistent with the claim being true, and with it being false."""


@attrs.frozen
class ClaimCheck:
    """The verdict on one claim, with what the directory derived and why.

    Args:
        claim: The claim checked.
        verdict: Holds, fails, or cannot be decided from the data.
        derived: What the data says for certain about the true value (a count or a rank):
            ``Bounds(1, None)`` reads "at least 1", when only some partnerships are known.
        reason: One sentence that explains the verdict.

    .. versionadded:: 0.1.0
    """

    claim: Claim = attrs.field(validator=instance_of(*CLAIM_TYPES))
    verdict: Verdict = attrs.field(validator=instance_of(Verdict))
    derived: Bounds = attrs.field(validator=instance_of(Bounds))
    reason: str = attrs.field(validator=one_line)
