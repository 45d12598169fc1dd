"""What the text layer's renderers are built on: the values they need, and their common base.

Two renderers write models as text for :class:`~lifesci_partners.Formatter`: an agreement's
summary in words (``_agreement_text.py``) and Markdown pages (``_markdown.py``). Each is a
:class:`Renderer` made for one call with the formatter's values (:class:`Values`), its words
and the directory names are looked up in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import datetime as dt
    from decimal import Decimal

    from babel import Locale

    from lifesci_partners._agreement import AgreementKind, AgreementStatus
    from lifesci_partners._dates import PartialDate
    from lifesci_partners._directory import Directory
    from lifesci_partners._figures import Figure
    from lifesci_partners._money import Money
    from lifesci_partners._organization import Address, Organization
    from lifesci_partners._terms import Period, Term
    from lifesci_partners._text._formatting import Compact, DateFormat
    from lifesci_partners._text._words import Words

__all__ = ["Renderer", "Values"]


class Values(Protocol):
    """The values in one locale that the renderers write: what they need of a Formatter."""

    @property
    def locale(self) -> Locale:
        """The locale."""

    def number(self, value: int | Decimal, compact: Compact | None = None) -> str:
        """A number."""

    def figure(self, figure: Figure, compact: Compact | None = None) -> str:
        """A figure with its qualifier and bounds."""

    def money(self, money: Money, compact: Compact | None = None) -> str:
        """An amount of money, every digit kept."""

    def date(self, day: dt.date | PartialDate, format: DateFormat = "long") -> str:  # noqa: A002  # babel's name
        """A date, or a partial date to its precision."""

    def period(self, period: Period, format: DateFormat = "long") -> str:  # noqa: A002  # babel's name
        """A period of an agreement, first day to last."""

    def term(self, term: Term) -> str:
        """A term as the length of an agreement ("5 years")."""

    def duration(self, term: Term) -> str:
        """A term as a length of time ("3 months")."""

    def status(self, status: AgreementStatus) -> str:
        """An agreement's status."""

    def agreement_kind(self, kind: AgreementKind) -> str:
        """A kind of agreement."""

    def organization_name(self, organization: Organization) -> str:
        """An organization's name, with its acronym."""

    def address(self, address: Address) -> str:
        """A postal address on one line."""


class Renderer:
    """The base of the renderers: values in a locale, our words, and the directory if any.

    A renderer is made for one call and thrown away; it holds no state but these three.
    """

    __slots__ = ("directory", "f", "w")

    def __init__(self, f: Values, w: Words, directory: Directory | None) -> None:
        self.f = f
        self.w = w
        self.directory = directory

    def party_name(self, org_id: str) -> str:
        """An organization's short name (acronym first) from the directory, else its id.

        Raises:
            NotFoundError: The directory has no organization ``org_id``.
        """
        if self.directory is None:
            return self.escape(org_id)
        org = self.directory.organization(org_id)
        return self.escape(org.acronym or org.name.best(self.f.locale))

    def escape(self, text: str) -> str:
        """The data's ``text`` as this renderer's output shows it as written: plain text as is."""
        return text
