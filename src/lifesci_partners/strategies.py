"""Hypothesis strategies for every model, for your own property-based tests.

Install the extra to use them: ``pip install 'lifesci-partners[hypothesis]'``. Dates are biased
toward the days where calendar arithmetic goes wrong: February 29, days 28 to 31, month and year
ends.

Example:
    >>> from hypothesis import given
    >>> from lifesci_partners import strategies
    >>> @given(strategies.agreements())
    ... def test_last_day_is_in_force(agreement):
    ...     if agreement.last_day is not None:
    ...         assert agreement.in_force_on(agreement.last_day)
    >>> test_last_day_is_in_force()

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from lifesci_partners._agreement import Agreement, AgreementKind, Party
from lifesci_partners._dates import DatePrecision, PartialDate
from lifesci_partners._directory import Directory
from lifesci_partners._figures import Figure, FigureValue, Qualifier
from lifesci_partners._identifiers import (
    Identifier,
    isni_check_character,
    lei_check_digits,
    ror_check_digits,
)
from lifesci_partners._links import Link, LinkKind
from lifesci_partners._localized import LocalizedText
from lifesci_partners._money import Money, minor_unit_digits
from lifesci_partners._names import NameKind, OrganizationName
from lifesci_partners._organization import (
    Address,
    Founder,
    FounderKind,
    Organization,
    OrganizationKind,
    OrganizationStatus,
)
from lifesci_partners._people import Person, Position
from lifesci_partners._rates import ExchangeRate, ExchangeRates
from lifesci_partners._relationships import Relationship, RelationshipKind
from lifesci_partners._terms import Term, TermConvention

__all__ = [
    "addresses",
    "agreements",
    "currencies",
    "dates",
    "directories",
    "exchange_rate_tables",
    "exchange_rates",
    "figures",
    "founders",
    "identifiers",
    "links",
    "localized_texts",
    "money",
    "organization_names",
    "organizations",
    "partial_dates",
    "parties",
    "people",
    "positions",
    "registry_identifiers",
    "relationships",
    "terms",
]

_MIN_YEAR = 1900
_MAX_YEAR = 2200


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def dates(
    min_value: dt.date = dt.date(_MIN_YEAR, 1, 1),
    max_value: dt.date = dt.date(_MAX_YEAR, 12, 31),
) -> st.SearchStrategy[dt.date]:
    """Dates between ``min_value`` and ``max_value``, biased toward the dangerous days.

    About half the examples are February 29 of a leap year, a day 28 to 31, a month end, or
    January 1 / December 31.
    """
    years = st.integers(min_value.year, max_value.year)
    leap_years = years.filter(calendar.isleap)
    months = st.integers(1, 12)
    risky = st.one_of(
        leap_years.map(lambda y: dt.date(y, 2, 29)),
        st.builds(_month_end, years, months),
        st.tuples(years, months, st.integers(28, 31)).map(
            lambda t: dt.date(t[0], t[1], min(t[2], calendar.monthrange(t[0], t[1])[1]))
        ),
        years.map(lambda y: dt.date(y, 1, 1)),
        years.map(lambda y: dt.date(y, 12, 31)),
    ).filter(lambda d: min_value <= d <= max_value)
    return st.one_of(st.dates(min_value, max_value), risky)


def terms(max_years: int = 30) -> st.SearchStrategy[Term]:
    """Terms of years, months and days (never all zero), up to about ``max_years``."""
    parts = st.tuples(st.integers(0, max_years), st.integers(0, 24), st.integers(0, 60))
    return parts.filter(any).map(lambda p: Term(years=p[0], months=p[1], days=p[2]))


def identifiers() -> st.SearchStrategy[str]:
    """Valid ids: a letter or digit, then letters, digits, ``.``, ``_``, ``:`` or ``-``."""
    return st.from_regex(r"[a-z0-9][a-z0-9._:-]{0,15}", fullmatch=True)


_LOCALES = ("en", "fr", "ja", "de", "ja_JP", "fr_CA", "en_GB", "zh_Hant")


def localized_texts() -> st.SearchStrategy[LocalizedText]:
    """Texts in one to four locales, with non-blank text (including non-ASCII)."""
    text = st.text(min_size=1, max_size=40).filter(str.strip)
    return st.dictionaries(st.sampled_from(_LOCALES), text, min_size=1, max_size=4).map(
        LocalizedText
    )


def addresses() -> st.SearchStrategy[Address]:
    """Addresses in a few countries, with or without their optional parts."""
    optional_text = st.none() | localized_texts()
    return st.builds(
        Address,
        country=st.sampled_from(["JP", "FR", "DE", "US", "GB", "DK", "CH"]),
        locality=optional_text,
        region=optional_text,
        district=optional_text,
        street=optional_text,
        postal_code=st.none() | st.from_regex(r"[0-9A-Z -]{3,10}", fullmatch=True),
    )


def partial_dates(
    min_value: dt.date = dt.date(_MIN_YEAR, 1, 1),
    max_value: dt.date = dt.date(_MAX_YEAR, 12, 31),
) -> st.SearchStrategy[PartialDate]:
    """Partial dates of year, month or day precision, from the dangerous days of :func:`dates`."""
    return st.builds(_truncate, dates(min_value, max_value), st.sampled_from(DatePrecision))


def _truncate(day: dt.date, precision: DatePrecision) -> PartialDate:
    if precision is DatePrecision.YEAR:
        return PartialDate(day.year)
    if precision is DatePrecision.MONTH:
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


_Span = tuple[PartialDate | None, PartialDate | None]


def _in_order(start: PartialDate | None, end: PartialDate | None) -> _Span:
    if start is not None and end is not None and end.last_day < start.first_day:
        return end, start
    return start, end


# Strategies are built once: building them anew inside every draw makes Hypothesis re-validate
# them each time, which costs more than drawing.
@functools.cache
def _spans() -> st.SearchStrategy[_Span]:
    """A start and an end, either possibly unknown, the end never certainly before the start."""
    optional = st.none() | partial_dates()
    return st.builds(_in_order, optional, optional)


@functools.cache
def _short_texts() -> st.SearchStrategy[str]:
    return st.text(min_size=1, max_size=12).map(str.strip).filter(bool)


@functools.cache
def _small_texts() -> st.SearchStrategy[LocalizedText]:
    """Localized texts in one or two locales, short: for the many secondary text fields."""
    return st.dictionaries(st.sampled_from(_LOCALES), _short_texts(), min_size=1, max_size=2).map(
        LocalizedText
    )


_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _orcid_form(digits: str) -> str:
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


@functools.cache
def registry_identifiers() -> st.SearchStrategy[Identifier]:
    """Valid identifiers of every known scheme (check digits computed), and of other schemes."""
    isni_digits = st.text("0123456789", min_size=15, max_size=15).map(
        lambda d: d + isni_check_character(d)
    )
    return st.one_of(
        st.text(_CROCKFORD, min_size=6, max_size=6).map(
            lambda b: Identifier("ror", f"0{b}{ror_check_digits(b)}")
        ),
        st.integers(1, 10**9).map(lambda n: Identifier("wikidata", f"Q{n}")),
        st.text(_ALPHANUMERIC, min_size=18, max_size=18).map(
            lambda b: Identifier("lei", b + lei_check_digits(b))
        ),
        isni_digits.map(lambda v: Identifier("isni", v)),
        isni_digits.map(lambda v: Identifier("orcid", _orcid_form(v))),
        st.from_regex(r"grid\.[0-9]{1,6}\.[0-9a-f]{1,2}", fullmatch=True).map(
            lambda v: Identifier("grid", v)
        ),
        st.builds(
            Identifier, st.sampled_from(["fundref", "siren", "hal.structure"]), _short_texts()
        ),
    )


@functools.cache
def links() -> st.SearchStrategy[Link]:
    """Links to http or https pages, of every kind, with or without a title."""
    return st.builds(
        Link,
        url=st.sampled_from(
            ["https://example.org/", "http://example.com/a?b=c", "https://en.wikipedia.org/wiki/X"]
        ),
        kind=st.sampled_from(LinkKind),
        title=st.none() | _small_texts(),
    )


def _name(text: str, kind: NameKind, locale: str | None, span: _Span) -> OrganizationName:
    return OrganizationName(text, kind, locale, start=span[0], end=span[1])


@functools.cache
def organization_names() -> st.SearchStrategy[OrganizationName]:
    """Names of every kind, with or without a language and dates of use."""
    locales = st.none() | st.sampled_from(_LOCALES)
    return st.builds(_name, _short_texts(), st.sampled_from(NameKind), locales, _spans())


def people(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Person]:
    """People with zero to two registry identifiers; pass ``ids`` to control their ids."""
    return st.builds(
        Person,
        id=identifiers() if ids is None else ids,
        name=_small_texts(),
        identifiers=st.lists(registry_identifiers(), max_size=2),
    )


def _position(person: Person, role: LocalizedText, span: _Span) -> Position:
    return Position(person, role, start=span[0], end=span[1])


def positions(persons: st.SearchStrategy[Person] | None = None) -> st.SearchStrategy[Position]:
    """Positions with dates in order or unknown; pass ``persons`` to choose who holds them."""
    return st.builds(_position, people() if persons is None else persons, _small_texts(), _spans())


def _founder(name: LocalizedText, kind: FounderKind, org: str | None) -> Founder:
    return Founder(name, kind, org if kind is FounderKind.ORGANIZATION else None)


@functools.cache
def founders() -> st.SearchStrategy[Founder]:
    """Founders of every kind; organizations sometimes with an id."""
    return st.builds(
        _founder, _small_texts(), st.sampled_from(FounderKind), st.none() | identifiers()
    )


def _relationship(
    kind: RelationshipKind,
    target: tuple[str | None, Identifier | None],
    label: str | None,
    span: _Span,
) -> Relationship:
    org, identifier = target
    return Relationship(
        kind, organization=org, identifier=identifier, label=label, start=span[0], end=span[1]
    )


@functools.cache
def relationships() -> st.SearchStrategy[Relationship]:
    """Relationships of every kind, to an id, a registry identifier or both."""
    targets = st.one_of(
        st.tuples(identifiers(), st.none()),
        st.tuples(st.none(), registry_identifiers()),
        st.tuples(identifiers(), registry_identifiers()),
    )
    return st.builds(
        _relationship,
        st.sampled_from(RelationshipKind),
        targets,
        st.none() | _short_texts(),
        _spans(),
    )


def _organization(kinds: list[OrganizationKind], dates: _Span, **fields: Any) -> Organization:
    own = fields["id"]  # an organization neither relates to nor founds itself
    fields["relationships"] = [r for r in fields["relationships"] if r.organization != own]
    fields["founders"] = [f for f in fields["founders"] if f.organization != own]
    return Organization(
        kind=kinds[0] if kinds else None,
        other_kinds=kinds[1:],
        founded_on=dates[0],
        dissolved_on=dates[1],
        **fields,
    )


@functools.cache
def _organization_fields() -> dict[str, st.SearchStrategy[Any]]:
    optional_text = st.none() | _small_texts()
    return {
        "name": localized_texts(),
        "acronym": st.none() | st.from_regex(r"[A-Z][A-Z-]{1,8}", fullmatch=True),
        "headquarters": st.none() | addresses(),
        "website": st.none() | st.sampled_from(["https://example.org/", "http://example.com/a"]),
        "other_names": st.lists(organization_names(), max_size=2, unique=True),
        "kinds": st.lists(st.sampled_from(OrganizationKind), max_size=3, unique=True),
        "legal_form": optional_text,
        "description": optional_text,
        "dates": _spans(),
        "status": st.none() | st.sampled_from(OrganizationStatus),
        "locations": st.lists(addresses(), max_size=1),
        "people": st.lists(positions(), max_size=2, unique_by=lambda p: p.person.id),
        "founders": st.lists(founders(), max_size=2),
        "identifiers": st.lists(registry_identifiers(), max_size=2, unique=True),
        "relationships": st.lists(relationships(), max_size=2),
        "links": st.lists(links(), max_size=2, unique=True),
    }


def organizations(
    ids: st.SearchStrategy[str] | None = None, *, detailed: bool = True
) -> st.SearchStrategy[Organization]:
    """Organizations with every field drawn, respecting the rules across fields.

    Args:
        ids: The strategy for their ids; by default, random ids.
        detailed: ``False`` draws only the name, acronym, headquarters and website: about five
            times cheaper, for collections of many organizations.
    """
    org_ids = identifiers() if ids is None else ids
    fields = _organization_fields()
    if not detailed:
        basic = ("name", "acronym", "headquarters", "website")
        return st.builds(Organization, id=org_ids, **{key: fields[key] for key in basic})
    return st.builds(_organization, id=org_ids, **fields)


def parties(org_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Party]:
    """Parties; pass ``org_ids`` to draw their organizations from a given set."""
    return st.builds(
        Party,
        org=identifiers() if org_ids is None else org_ids,
        role=st.none() | st.sampled_from(["partner", "licensor", "licensee", "member"]),
    )


@st.composite
def agreements(
    draw: st.DrawFn,
    org_ids: tuple[str, ...] | None = None,
) -> Agreement:
    """Agreements between two to four distinct parties.

    Args:
        draw: Supplied by Hypothesis.
        org_ids: The organization ids the parties are drawn from (at least two); by default,
            random ids.
    """
    if org_ids is None:
        pool = draw(st.lists(identifiers(), min_size=2, max_size=4, unique=True))
    else:
        pool = list(org_ids)
    chosen = draw(st.lists(st.sampled_from(pool), min_size=2, max_size=4, unique=True))
    party_list = [draw(parties(st.just(org))) for org in chosen]
    return Agreement(
        id=draw(identifiers()),
        kind=draw(st.sampled_from(AgreementKind)),
        parties=tuple(party_list),
        effective_on=draw(dates()),
        term=draw(st.none() | terms()),
        signed_on=draw(st.none() | dates()),
        title=draw(st.none() | localized_texts()),
        purpose=draw(st.none() | localized_texts()),
        convention=draw(st.sampled_from(TermConvention)),
    )


@st.composite
def directories(draw: st.DrawFn, max_organizations: int = 5) -> Directory:
    """Directories whose agreements are all between their own organizations.

    Their organizations have only the basic fields (see :func:`organizations`), to keep
    directories cheap to draw.
    """
    ids = draw(st.lists(identifiers(), min_size=2, max_size=max_organizations, unique=True))
    orgs = [draw(organizations(st.just(i), detailed=False)) for i in ids]
    agreement_list = draw(st.lists(agreements(tuple(ids)), max_size=4, unique_by=lambda a: a.id))
    return Directory(organizations=tuple(orgs), agreements=tuple(agreement_list))


# Currencies with 2 (EUR, USD, ...), 0 (JPY), 3 (BHD, KWD) and 4 (CLF) minor-unit digits.
_CURRENCIES = ("EUR", "JPY", "USD", "GBP", "CHF", "DKK", "BHD", "KWD", "CLF")
_SOURCES = ("ECB reference rate", "https://example.org/rates", "Annual report 2020")


def currencies() -> st.SearchStrategy[str]:
    """ISO 4217 codes, including currencies with 0, 3 and 4 minor-unit digits.

    .. versionadded:: 0.1.0
    """
    return st.sampled_from(_CURRENCIES)


@st.composite
def _decimals(
    draw: st.DrawFn,
    *,
    allow_negative: bool = True,
    min_exponent: int = -6,
    max_exponent: int = 6,
    max_digits: int = 15,
    positive: bool = False,
) -> Decimal:
    """Exact decimals with varied exponents, kept as built (``1.50`` keeps its zero)."""
    coefficient = draw(st.integers(1 if positive else 0, 10**max_digits - 1))
    exponent = draw(st.integers(min_exponent, max_exponent))
    negative = draw(st.booleans()) if allow_negative else False
    digits = tuple(int(c) for c in str(coefficient))
    return Decimal((int(negative), digits, exponent))


@st.composite
def money(
    draw: st.DrawFn,
    currencies: Iterable[str] | None = None,
    *,
    allow_negative: bool = True,
    whole_minor_units: bool = False,
) -> Money:
    """Amounts of money with up to 15 digits and exponents from -6 to 6.

    Args:
        draw: Supplied by Hypothesis.
        currencies: The currencies to draw from; by default a few, with 0, 2, 3 and 4
            minor-unit digits.
        allow_negative: Whether amounts may be negative.
        whole_minor_units: Only amounts that are whole numbers of minor units (whole cents
            for EUR), as :meth:`~lifesci_partners.Money.allocate` needs.

    .. versionadded:: 0.1.0
    """
    pool = _CURRENCIES if currencies is None else tuple(currencies)
    currency = draw(st.sampled_from(pool))
    min_exponent = -minor_unit_digits(currency) if whole_minor_units else -6
    amount = draw(_decimals(allow_negative=allow_negative, min_exponent=min_exponent))
    return Money(amount, currency)


@st.composite
def exchange_rates(
    draw: st.DrawFn,
    currencies: Iterable[str] | None = None,
    days: st.SearchStrategy[dt.date] | None = None,
) -> ExchangeRate:
    """Exchange rates between two distinct currencies, with positive rates of up to 9 digits.

    Args:
        draw: Supplied by Hypothesis.
        currencies: The currencies to draw from (at least two).
        days: The days the rates apply to; by default, :func:`dates`.

    .. versionadded:: 0.1.0
    """
    pool = _CURRENCIES if currencies is None else tuple(currencies)
    base, quote = draw(st.sampled_from([(b, q) for b in pool for q in pool if b != q]))
    rate = draw(
        _decimals(
            allow_negative=False, positive=True, min_exponent=-6, max_exponent=3, max_digits=9
        )
    )
    return ExchangeRate(
        base=base,
        quote=quote,
        rate=rate,
        on=draw(dates() if days is None else days),
        source=draw(st.sampled_from(_SOURCES)),
    )


def exchange_rate_tables(
    rates: st.SearchStrategy[ExchangeRate] | None = None,
    max_size: int = 8,
) -> st.SearchStrategy[ExchangeRates]:
    """Tables of up to ``max_size`` rates drawn from ``rates``, at most one per pair and day.

    .. versionadded:: 0.1.0
    """
    items = st.lists(
        exchange_rates() if rates is None else rates,
        max_size=max_size,
        unique_by=lambda r: (r.base, r.quote, r.on),
    )
    return items.map(ExchangeRates)


def _figure_values() -> st.SearchStrategy[FigureValue]:
    return st.one_of(
        st.integers(0, 10**12),
        _decimals(allow_negative=False),
        money(allow_negative=False),
    )


def _larger(draw: st.DrawFn, value: FigureValue) -> FigureValue:
    """A value of the same kind (and currency) greater than ``value``."""
    if isinstance(value, Money):
        return value + Money(draw(_decimals(allow_negative=False, positive=True)), value.currency)
    if isinstance(value, Decimal):
        return value + draw(_decimals(allow_negative=False, positive=True))
    return value + draw(st.integers(1, 10**6))


@st.composite
def figures(
    draw: st.DrawFn,
    values: st.SearchStrategy[FigureValue] | None = None,
    qualifiers: Iterable[Qualifier] | None = None,
) -> Figure:
    """Figures of every qualifier, with or without a date and a source.

    Args:
        draw: Supplied by Hypothesis.
        values: Non-negative counts, Decimals or Money to use as values; by default, all three
            kinds. Pass one kind (``money(["EUR"], allow_negative=False)``) for figures that
            can be added together.
        qualifiers: The qualifiers to draw from; by default, all.

    .. versionadded:: 0.1.0
    """
    value = draw(_figure_values() if values is None else values)
    qualifier = draw(st.sampled_from(list(Qualifier if qualifiers is None else qualifiers)))
    upper = _larger(draw, value) if qualifier is Qualifier.BETWEEN else None
    return Figure(
        value,
        qualifier,
        upper=upper,
        as_of=draw(st.none() | dates()),
        source=draw(st.none() | st.sampled_from(_SOURCES)),
    )
