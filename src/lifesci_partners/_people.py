"""People and the positions they hold in organizations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from lifesci_partners._dates import PartialDate, span_problems
from lifesci_partners._identifiers import Identifier
from lifesci_partners._localized import LocalizedText
from lifesci_partners._validate import as_tuple, identifier, instance_of, optional, tuple_of
from lifesci_partners.exceptions import ValidationError

__all__ = ["Person", "Position"]


def _to_identifiers(items: Iterable[Identifier]) -> tuple[Identifier, ...]:
    return as_tuple(items)


@attrs.frozen
class Person:
    """A person, such as an organization's chief executive or the speaker of a quote.

    Args:
        id: The person's id in this data set (``"akihiko-soyama"``); quotes and other
            references use it.
        name: The person's name by locale, as the source writes it.
        identifiers: Identifiers in public registries, such as an ORCID iD.

    Raises:
        ValidationError: A field has the wrong type or an invalid value.

    Example:
        >>> from lifesci_partners import LocalizedText, Person
        >>> Person("jessica-leygues", LocalizedText({"en": "Jessica Leygues"})).name.best("fr")
        'Jessica Leygues'

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    name: LocalizedText = attrs.field(validator=instance_of(LocalizedText))
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), converter=_to_identifiers, validator=tuple_of(Identifier)
    )


@attrs.frozen
class Position:
    """A role that a person holds in an organization, and when they held it.

    ``start`` and ``end`` are inclusive and may be of reduced precision (``2019``); ``None``
    means not known (not "always" or "still"). A role is recorded as the source words it
    (``"President and CEO"``), by locale.

    Args:
        person: Who holds the role.
        role: The role by locale, as the source words it.
        start: The first day in the role, when known.
        end: The last day in the role, when known.

    Raises:
        ValidationError: A field has the wrong type, or ``end`` is certainly before ``start``.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import LocalizedText, PartialDate, Person, Position
        >>> ceo = Position(
        ...     Person("jane-roe", LocalizedText({"en": "Jane Roe"})),
        ...     LocalizedText({"en": "CEO"}),
        ...     start=PartialDate(2019),
        ... )
        >>> ceo.held_on(dt.date(2018, 6, 1)), ceo.held_on(dt.date(2021, 6, 1))
        (False, None)

    .. versionadded:: 0.1.0
    """

    person: Person = attrs.field(validator=instance_of(Person))
    role: LocalizedText = attrs.field(validator=instance_of(LocalizedText))
    start: PartialDate | None = attrs.field(
        default=None, validator=optional(instance_of(PartialDate))
    )
    end: PartialDate | None = attrs.field(
        default=None, validator=optional(instance_of(PartialDate))
    )

    def __attrs_post_init__(self) -> None:
        problems = span_problems(self.start, self.end)
        if problems:
            raise ValidationError(problems)

    def held_on(self, day: dt.date) -> bool | None:
        """Whether the person held the role on ``day``: ``True``, ``False``, or ``None``.

        ``None`` when the dates known cannot decide it: an unknown start or end, or a day
        within a start or end of reduced precision.
        """
        if (self.start is not None and day < self.start.first_day) or (
            self.end is not None and day > self.end.last_day
        ):
            return False
        if (
            self.start is not None
            and self.end is not None
            and self.start.last_day <= day <= self.end.first_day
        ):
            return True
        return None
