"""Dated relationships between organizations: parent, successor, member of, ..."""

from __future__ import annotations

import enum

import attrs

from lifesci_partners._dates import PartialDate, span_problems
from lifesci_partners._free_text import one_line
from lifesci_partners._identifiers import Identifier
from lifesci_partners._validate import identifier, instance_of, optional
from lifesci_partners.exceptions import ValidationError

__all__ = ["Relationship", "RelationshipKind"]


class RelationshipKind(enum.Enum):
    """How another organization relates to this one.

    Each value reads as a sentence about this organization and the other one.

    .. versionadded:: 0.1.0
    """

    PARENT = "parent"
    """The other organization is this one's parent; this one is part of it."""
    CHILD = "child"
    """The other organization is part of this one."""
    RELATED = "related"
    """The organizations are related in another way."""
    SUCCESSOR = "successor"
    """The other organization took over from this one."""
    PREDECESSOR = "predecessor"
    """This organization took over from the other one."""
    MEMBER_OF = "member_of"
    """This organization is a member of the other one, such as a cluster."""
    FOUNDED_BY = "founded_by"
    """This organization was founded by the other one."""


@attrs.frozen
class Relationship:
    """A relationship to another organization, and when it held.

    The other organization is given by its id in the same data set, by an identifier in a
    public registry (as ROR gives it), or both. ``start`` and ``end`` are inclusive and may be of
    reduced precision; ``None`` means not known.

    Args:
        kind: How the other organization relates to this one.
        organization: The other organization's id in this data set.
        identifier: The other organization's identifier in a public registry.
        label: The other organization's name as the source gives it, for readers (its language
            is often not known, so it is plain text).
        start: The first day of the relationship, when known.
        end: The last day of the relationship, when known.

    Raises:
        ValidationError: Neither ``organization`` nor ``identifier`` is given, or ``end`` is
            certainly before ``start``.

    Example:
        >>> from lifesci_partners import Identifier, PartialDate, Relationship, RelationshipKind
        >>> Relationship(
        ...     RelationshipKind.MEMBER_OF, organization="mpr", start=PartialDate(2021)
        ... ).kind.value
        'member_of'

    .. versionadded:: 0.1.0
    """

    kind: RelationshipKind = attrs.field(validator=instance_of(RelationshipKind))
    organization: str | None = attrs.field(default=None, validator=optional(identifier))
    identifier: Identifier | None = attrs.field(
        default=None, validator=optional(instance_of(Identifier))
    )
    label: str | None = attrs.field(default=None, validator=optional(one_line))
    start: PartialDate | None = attrs.field(
        default=None, validator=optional(instance_of(PartialDate))
    )
    end: PartialDate | None = attrs.field(
        default=None, validator=optional(instance_of(PartialDate))
    )

    def __attrs_post_init__(self) -> None:
        problems = span_problems(self.start, self.end)
        if self.organization is None and self.identifier is None:
            problems.insert(
                0,
                "$: a relationship needs the other organization's id in this data set "
                "(organization) or its identifier in a registry (identifier)",
            )
        if problems:
            raise ValidationError(problems)
