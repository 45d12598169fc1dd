"""Hypothesis strategies for every model, for your own property-based tests.

Install the extra to use them: ``pip install 'lifesci-partners[hypothesis]'``. Dates are biased
toward the days where calendar arithmetic goes wrong: February 29, days 28 to 31, month and year
ends. Agreements come with renewals, outer limits, stated ends and events whose dates cluster
around period boundaries and notice deadlines, where off-by-one mistakes hide.

With the extra installed, Hypothesis loads these strategies through its entry point, so
``st.from_type(Agreement)`` (and every other model) needs no set-up.

Example:
    >>> from hypothesis import given
    >>> from lifesci_partners import strategies
    >>> @given(strategies.agreements(undated=False))
    ... def test_in_force_on_its_last_day(agreement):
    ...     last = agreement.final_last_day
    ...     if last is not None and last >= agreement.effective_on:
    ...         assert agreement.in_force_on(last)
    >>> test_in_force_on_its_last_day()

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import islice
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from lifesci_partners._agreement import Agreement, AgreementKind, Party
from lifesci_partners._amendments import (
    AgreementVersion,
    Amendment,
    ContributionChanged,
    PartyAdded,
    PartyWithdrawn,
    PurposeChanged,
    RoleChanged,
    StatedEndChanged,
    TermChanged,
    TitleChanged,
)
from lifesci_partners._announcement import Announcement, PhotoCaption, Quote
from lifesci_partners._business_days import BusinessCalendar, DeadlineRule
from lifesci_partners._claims import Claim, PartnerCount, PartnerRank, PartnerScope
from lifesci_partners._cluster import Achievement, Cluster, MemberCount
from lifesci_partners._coordinates import Coordinates
from lifesci_partners._dates import DatePrecision, PartialDate
from lifesci_partners._directory import Directory
from lifesci_partners._events import AgreementEvent, NonRenewalNotice, Termination
from lifesci_partners._figures import Figure, FigureValue, Qualifier
from lifesci_partners._funding import Contribution, Funding, FundingCheck, FundingRole
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
from lifesci_partners._options import ExtensionOptions, OptionExercised
from lifesci_partners._organization import (
    Address,
    Founder,
    FounderKind,
    Organization,
    OrganizationKind,
    OrganizationStatus,
)
from lifesci_partners._people import Person, Position
from lifesci_partners._provenance import Provenance
from lifesci_partners._rates import ExchangeRate, ExchangeRates
from lifesci_partners._relationships import Relationship, RelationshipKind
from lifesci_partners._renewal import Renewal
from lifesci_partners._terms import Period, Term, TermConvention
from lifesci_partners.exceptions import ValidationError

__all__ = [
    "achievements",
    "addresses",
    "agreement_versions",
    "agreements",
    "agreements_with_options",
    "amended_agreements",
    "amendments",
    "announcements",
    "business_calendars",
    "claims",
    "clusters",
    "contribution_changes",
    "contributions",
    "coordinates",
    "currencies",
    "dates",
    "deadlines_in",
    "directories",
    "exchange_rate_tables",
    "exchange_rates",
    "extension_options",
    "figures",
    "founders",
    "funded_agreements",
    "funding_checks",
    "fundings",
    "identifiers",
    "links",
    "localized_texts",
    "member_counts",
    "money",
    "non_renewal_notices",
    "options_exercised",
    "organization_names",
    "organizations",
    "partial_dates",
    "parties",
    "parties_added",
    "partner_counts",
    "partner_ranks",
    "party_withdrawals",
    "people",
    "periods",
    "photo_captions",
    "positions",
    "provenances",
    "purpose_changes",
    "quotes",
    "registry_identifiers",
    "relationships",
    "renewals",
    "role_changes",
    "stated_end_changes",
    "term_changes",
    "terminations",
    "terms",
    "title_changes",
]

T = TypeVar("T")

_MIN_YEAR = 1900
_MAX_YEAR = 2200

_ROLES = st.sampled_from(["partner", "licensor", "licensee", "member"])
_KINDS = st.sampled_from(AgreementKind)
_CONVENTIONS = st.sampled_from(TermConvention)
_ONE_IN = {n: st.integers(1, n).map(lambda k: k == 1) for n in (3, 4, 5, 8)}
_NOTICE_COUNTS = st.integers(0, 2)
_BOOLEANS = st.booleans()
_USUAL_TERMS = tuple(
    Term.parse(text) for text in ("P1M", "P3M", "P6M", "P1Y", "P2Y", "P3Y", "P4Y", "P5Y", "P10Y")
)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@functools.cache  # building strategies is slow; composites call these on every draw
def _leap_day(year: int) -> dt.date:
    """February 29 of ``year`` or of the next leap year (a map, not a filter that gives up)."""
    while not calendar.isleap(year) and year < dt.MAXYEAR:
        year += 1
    return dt.date(year, 2, 29) if calendar.isleap(year) else dt.date(year, 2, 28)


def _late_day(year: int, month: int, day: int) -> dt.date:
    """Day ``day`` (28 to 31) of the month, or its last day when the month is shorter."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


@functools.cache  # one strategy per pair of bounds: composites call this on every draw
def dates(
    min_value: dt.date = dt.date(_MIN_YEAR, 1, 1),
    max_value: dt.date = dt.date(_MAX_YEAR, 12, 31),
) -> st.SearchStrategy[dt.date]:
    """Dates between ``min_value`` and ``max_value``, biased toward the dangerous days.

    About half the examples are February 29 of a leap year, a day 28 to 31, a month end, or
    January 1 / December 31 (a dangerous day outside the bounds becomes the nearest bound).
    """
    years = st.integers(min_value.year, max_value.year)
    months = st.integers(1, 12)
    risky = st.one_of(
        years.map(_leap_day),
        st.builds(_month_end, years, months),
        st.builds(_late_day, years, months, st.integers(28, 31)),
        years.map(lambda y: dt.date(y, 1, 1)),
        years.map(lambda y: dt.date(y, 12, 31)),
    )
    # Clamped rather than filtered: a filter throws draws away (and retries) near the bounds.
    within = risky.map(lambda d: min(max(d, min_value), max_value))
    return st.one_of(st.dates(min_value, max_value), within)


@functools.cache  # building strategies is slow; composites call these on every draw
def terms(max_years: int = 30) -> st.SearchStrategy[Term]:
    """Terms of years, months and days (never all zero), up to about ``max_years``.

    Half of them are the terms agreements usually have (one month, a year, four or five years),
    which land on February 29 and on month ends from the dangerous start dates.
    """
    parts = st.tuples(st.integers(0, max_years), st.integers(0, 24), st.integers(0, 60))
    # An all-zero draw becomes one day instead of being filtered out: Hypothesis tries zeros
    # first, and a filter would throw many examples away.
    any_term = parts.map(lambda p: Term(years=p[0], months=p[1], days=p[2] if any(p) else 1))
    usual = [t for t in _USUAL_TERMS if t.years <= max_years]
    return st.one_of(st.sampled_from(usual), any_term) if usual else any_term


_ID_START = "abcdefghijklmnopqrstuvwxyz0123456789"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _joined(*parts: str) -> str:
    return "".join(parts)


def _text_of(first: str, rest: str, max_rest: int, min_rest: int = 0) -> st.SearchStrategy[str]:
    """One character of ``first``, then ``min_rest`` to ``max_rest`` characters of ``rest``.

    Two draws of text, where ``st.from_regex`` for the same language costs ten times more.
    """
    return st.builds(
        _joined,
        st.text(first, min_size=1, max_size=1),
        st.text(rest, min_size=min_rest, max_size=max_rest),
    )


@functools.cache  # building strategies is slow; composites call these on every draw
def identifiers() -> st.SearchStrategy[str]:
    """Valid ids: a letter or digit, then letters, digits, ``.``, ``_``, ``:`` or ``-``."""
    return _text_of(_ID_START, _ID_START + "._:-", 15)


_LOCALES = ("en", "fr", "ja", "de", "ja_JP", "fr_CA", "en_GB", "zh_Hant", "und", "oj")


# What free text may hold (see _free_text.py): no control characters but line feeds and tabs in
# multi-line text, none on one line; no surrogates; no bidirectional overrides or isolates.
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TEXT_CHARACTERS = st.characters(
    exclude_categories=("Cc", "Cs"), include_characters="\n\t", exclude_characters=_BIDI_CONTROLS
)
_LINE_CHARACTERS = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters=_BIDI_CONTROLS)


def _non_blank(text: str) -> str:
    """``text``, or a dash when it is blank (a map: a filter would throw draws away)."""
    return text if text.strip() else "-"


def _stripped(text: str) -> str:
    return text.strip() or "-"


@functools.cache
def _locale_orders(locales: tuple[str, ...], size: int) -> st.SearchStrategy[tuple[str, ...]]:
    """``size`` distinct locales of ``locales``, in any order: one draw."""
    return st.sampled_from(tuple(itertools.permutations(locales, size)))


@st.composite
def _texts_by_locale(
    draw: st.DrawFn, locales: tuple[str, ...], max_size: int, text: st.SearchStrategy[str]
) -> LocalizedText:
    """Texts in 1 to ``max_size`` distinct ``locales``, in any order.

    A size and an ordered choice of locales, then a text for each: about half the draws of
    ``st.dictionaries``, which draws and checks every key on its own.
    """
    size = draw(st.integers(1, min(max_size, len(locales))))
    return LocalizedText({locale: draw(text) for locale in draw(_locale_orders(locales, size))})


@functools.cache  # building strategies is slow; composites call these on every draw
def localized_texts() -> st.SearchStrategy[LocalizedText]:
    """Texts in one to four locales, with non-blank text (including non-ASCII)."""
    return _texts_by_locale(
        _LOCALES, 4, st.text(_TEXT_CHARACTERS, min_size=1, max_size=40).map(_non_blank)
    )


def _address(country: str | None, subdivision: str | None, **fields: Any) -> Address:
    if country is None and all(value is None for value in fields.values()):
        country = "JP"  # an address says at least something
    code = None if country is None or subdivision is None else f"{country}-{subdivision}"
    return Address(country=country, subdivision=code, **fields)


@functools.cache
def coordinates() -> st.SearchStrategy[Coordinates]:
    """Points anywhere on Earth, to up to six decimal places, the poles and date line included."""

    def degrees(bound: int) -> st.SearchStrategy[Decimal]:
        return st.decimals(-bound, bound, places=6).map(lambda d: d.normalize() + 0)

    return st.builds(Coordinates, degrees(90), degrees(180))


def addresses() -> st.SearchStrategy[Address]:
    """Addresses in a few countries (or none), with or without their optional parts."""
    optional_text = st.none() | localized_texts()
    return st.builds(
        _address,
        country=st.none() | st.sampled_from(["JP", "FR", "DE", "US", "GB", "DK", "CH"]),
        subdivision=st.none() | st.sampled_from(["13", "CA", "IDF", "BY"]),
        locality=optional_text,
        region=optional_text,
        district=optional_text,
        street=optional_text,
        postal_code=st.none() | st.text("0123456789" + _UPPER + " -", min_size=3, max_size=10),
        geonames_id=st.none() | st.integers(1, 10**12 - 1),
        coordinates=st.none() | coordinates(),
    )


@functools.cache
def provenances() -> st.SearchStrategy[Provenance]:
    """Registry records: a registry, a record id, and dates and schema versions if known."""
    versions = st.none() | st.sampled_from(["1.0", "2.0", "2.1"])
    days = st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))
    return st.builds(
        Provenance,
        st.sampled_from(["ror", "cordis", "gleif"]),
        identifiers(),
        created_on=days,
        modified_on=days,
        schema_version=versions,
        created_schema_version=versions,
    )


@functools.cache  # one strategy per pair of bounds: composites call this on every draw
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
    """Short non-blank texts, without spaces around them."""
    return st.text(_LINE_CHARACTERS, min_size=1, max_size=12).map(_stripped)


@functools.cache
def _small_texts() -> st.SearchStrategy[LocalizedText]:
    """Localized texts in one or two locales, short: for the many secondary text fields."""
    return _texts_by_locale(_LOCALES, 2, _short_texts())


_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _grid(number: str, suffix: str) -> Identifier:
    return Identifier("grid", f"grid.{number}.{suffix}")


def _orcid_form(digits: str) -> str:
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


@functools.cache
def registry_identifiers() -> st.SearchStrategy[Identifier]:
    """Valid identifiers of every known scheme (check digits computed), and of other schemes.

    Some are marked preferred.
    """
    return st.builds(_preferred, _registry_identifiers(), _ONE_IN[4])


def _preferred(identifier: Identifier, preferred: bool) -> Identifier:  # drawn
    return attrs.evolve(identifier, preferred=preferred) if preferred else identifier


@functools.cache
def _registry_identifiers() -> st.SearchStrategy[Identifier]:
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
        st.builds(
            _grid,
            st.text("0123456789", min_size=1, max_size=6),
            st.text("0123456789abcdef", min_size=1, max_size=2),
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
    if fields.get("acronym") is None:  # the language of an acronym needs one
        fields.pop("acronym_locale", None)
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
        "acronym": st.none() | _text_of(_UPPER, _UPPER + "-", 8, min_rest=1),
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
        "acronym_locale": st.none() | st.sampled_from(_LOCALES),
        "domains": st.lists(
            st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?\.[a-z]{2,4}", fullmatch=True),
            max_size=2,
            unique=True,
        ),
        "provenance": st.none() | provenances(),
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
        role=st.none() | _ROLES,
    )


@functools.cache  # building strategies is slow; composites call these on every draw
def renewals(max_years: int = 3) -> st.SearchStrategy[Renewal]:
    """Renewal clauses: automatic (two in three) or not, limited or not, with or without notice.

    Args:
        max_years: About the longest renewal term, in years.
    """
    return st.builds(
        Renewal,
        term=terms(max_years=max_years),
        automatic=st.sampled_from([True, True, False]),
        max_renewals=st.none() | st.integers(1, 12),
        notice=st.none() | terms(max_years=1),
    )


def periods() -> st.SearchStrategy[Period]:
    """Half-open periods, open-ended or not, starting on a (biased) date."""

    def build(start: dt.date, length: int | None) -> Period:
        if length is None or start + dt.timedelta(days=length) > dt.date(_MAX_YEAR, 12, 31):
            return Period(start)
        return Period(start, start + dt.timedelta(days=length))

    return st.builds(build, dates(), st.none() | st.integers(1, 20_000))


def non_renewal_notices(
    org_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[NonRenewalNotice]:
    """Notices of non-renewal, on their own; pass ``org_ids`` to choose who gives them."""
    return st.builds(NonRenewalNotice, on=dates(), by=identifiers() if org_ids is None else org_ids)


def terminations(
    org_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Termination]:
    """Terminations, on their own; pass ``org_ids`` to choose who terminates."""
    return st.builds(
        Termination,
        on=dates(),
        by=st.none() | (identifiers() if org_ids is None else org_ids),
        reason=st.none() | localized_texts(),
    )


@functools.cache
def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` or a value of ``strategy``, built once (composites would rebuild it per draw)."""
    return st.none() | strategy


def _shifted(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


@functools.cache
def _offsets(spread: int) -> st.SearchStrategy[int]:
    return st.sampled_from((0, -1, 1)) | st.integers(-spread, spread)


def _near(draw: st.DrawFn, day: dt.date, spread: int) -> dt.date:
    """A date on ``day``, a day either side, or up to ``spread`` days away."""
    return _shifted(day, draw(_offsets(spread)))


def _landmarks(agreement: Agreement) -> list[dt.date]:
    """Days where a lifecycle rule changes: period starts, last days and notice deadlines."""
    days = []
    for period in islice(agreement.periods(), 4):
        days.append(period.start)
        if period.last_day is not None:
            days.append(period.last_day)
        deadline = agreement.notice_deadline(on=period.start)
        if deadline is not None:
            days.append(deadline)
    return days


def _choice(draw: st.DrawFn, pool: Sequence[T]) -> T:
    """One item of ``pool`` (non-empty), drawn by its index.

    ``st.integers`` with the same bounds is one strategy, cached by Hypothesis, where
    ``st.sampled_from(pool)`` would build and validate a new strategy for every draw.
    """
    return pool[draw(st.integers(0, len(pool) - 1))]


def _distinct(draw: st.DrawFn, pool: Sequence[T], min_size: int, max_size: int) -> list[T]:
    """Between ``min_size`` and ``max_size`` distinct items of ``pool`` (as many as it has)."""
    left = list(pool)
    count = draw(st.integers(min(min_size, len(left)), min(max_size, len(left))))
    return [left.pop(draw(st.integers(0, len(left) - 1))) for _ in range(count)]


def _notices(draw: st.DrawFn, agreement: Agreement, by: list[str]) -> list[AgreementEvent]:
    landmarks = _landmarks(agreement)
    count = draw(_NOTICE_COUNTS)
    return [
        NonRenewalNotice(on=_near(draw, _choice(draw, landmarks), 400), by=_choice(draw, by))
        for _ in range(count)
    ]


def _termination(draw: st.DrawFn, agreement: Agreement, by: list[str]) -> Termination | None:
    """A termination that the agreement allows, or ``None`` when no day is left for one.

    On or after the effective date and every notice, and before the agreement ends.
    """
    start = agreement.effective_on
    if start is None:  # any day before it ended, and after every notice
        start = _near(draw, agreement.stated_end_on or draw(dates()), 3000)
    earliest = max([start, *(e.on for e in agreement.events)])
    final_end = agreement.final_end
    latest = _shifted(final_end, -1) if final_end is not None else _shifted(earliest, 20_000)
    if latest < earliest:
        return None
    day = _near(draw, _choice(draw, [*_landmarks(agreement), earliest, latest]), 60)
    return Termination(
        on=min(max(day, earliest), latest),
        by=None if draw(_BOOLEANS) else _choice(draw, by),
        reason=draw(_maybe(localized_texts())),
    )


@st.composite
def agreements(
    draw: st.DrawFn,
    org_ids: tuple[str, ...] | None = None,
    *,
    lifecycle: bool = True,
    undated: bool = True,
) -> Agreement:
    """Agreements between two to four distinct parties, with their lifecycle data.

    With ``lifecycle`` (the default), an agreement may have a renewal clause, a stated end, an
    outer limit, notices of non-renewal and a termination, all consistent with each other, and
    dated near the boundaries of its periods and its notice deadlines. With ``undated`` (the
    default), about one in eight has no known start (``effective_on=None``); a property about
    the rules of dates passes ``undated=False``.

    Args:
        draw: Supplied by Hypothesis.
        org_ids: The organization ids the parties are drawn from (at least two); by default,
            random ids.
        lifecycle: Whether to add renewals, limits and events; ``False`` gives agreements with
            only an effective date and a term.
        undated: Whether some agreements have no known start.

    .. versionchanged:: 0.2.0
       ``undated``.
    """
    return _agreement(draw, org_ids, lifecycle=lifecycle, undated=undated)


def _agreement(
    draw: st.DrawFn, org_ids: tuple[str, ...] | None, *, lifecycle: bool, undated: bool = False
) -> Agreement:
    """The body of :func:`agreements`, which directories call directly, for speed."""
    if org_ids is None:
        pool = draw(st.lists(identifiers(), min_size=2, max_size=4, unique=True))
    else:
        pool = list(org_ids)
    chosen = _distinct(draw, pool, 2, 4)
    party_list = [Party(org, role=draw(_maybe(_ROLES))) for org in chosen]
    effective_on = draw(dates())
    agreement = Agreement(
        id=draw(identifiers()),
        kind=draw(_KINDS),
        parties=tuple(party_list),
        effective_on=effective_on,
        term=draw(_maybe(terms())),
        signed_on=draw(_maybe(dates())),
        title=draw(_maybe(localized_texts())),
        purpose=draw(_maybe(localized_texts())),
        convention=draw(_CONVENTIONS),
    )
    if undated and draw(_ONE_IN[8]):
        agreement = attrs.evolve(agreement, effective_on=None)
        return _undated(draw, agreement, chosen, lifecycle=lifecycle)
    if not lifecycle:
        return agreement
    stated_end_on = None
    if draw(_ONE_IN[5]):
        stated_end_on = _near(draw, agreement.last_day or effective_on, 3000)
        stated_end_on = max(stated_end_on, effective_on)
    renewal = None if draw(_ONE_IN[3]) else draw(renewals())
    term = agreement.term
    if renewal is not None and term is None and stated_end_on is None:
        term = draw(terms())  # only an agreement that ends can renew
    agreement = attrs.evolve(agreement, term=term, stated_end_on=stated_end_on, renewal=renewal)
    if draw(_ONE_IN[4]):
        first_last = agreement.last_day or effective_on
        limit = _choice(draw, [first_last, *_landmarks(agreement)])
        limit = max(_near(draw, limit, 30), first_last)
        agreement = attrs.evolve(agreement, max_extent_on=limit)
    if renewal is not None:
        agreement = attrs.evolve(agreement, events=_notices(draw, agreement, chosen))
    if draw(_ONE_IN[4]):
        termination = _termination(draw, agreement, chosen)
        if termination is not None:
            agreement = attrs.evolve(agreement, events=(*agreement.events, termination))
    return agreement


def _undated(
    draw: st.DrawFn, agreement: Agreement, chosen: list[str], *, lifecycle: bool
) -> Agreement:
    """An agreement whose start is not known, maybe with a stated end, renewals and events."""
    if not lifecycle:
        return agreement
    stated_end_on = draw(_maybe(dates()))
    renewal = None if draw(_ONE_IN[3]) else draw(renewals())
    term = agreement.term
    if renewal is not None and term is None and stated_end_on is None:
        term = draw(terms())  # only an agreement that ends can renew
    agreement = attrs.evolve(agreement, term=term, stated_end_on=stated_end_on, renewal=renewal)
    if stated_end_on is not None and draw(_ONE_IN[4]):
        limit = max(_near(draw, stated_end_on, 30), stated_end_on)
        agreement = attrs.evolve(agreement, max_extent_on=limit)
    if renewal is not None:
        around = stated_end_on or draw(dates())
        notices = [
            NonRenewalNotice(on=_near(draw, around, 400), by=_choice(draw, chosen))
            for _ in range(draw(_NOTICE_COUNTS))
        ]
        agreement = attrs.evolve(agreement, events=notices)
    if draw(_ONE_IN[4]):
        termination = _termination(draw, agreement, chosen)
        if termination is not None:
            agreement = attrs.evolve(agreement, events=(*agreement.events, termination))
    return agreement


# Strategies for drawn directories pick ids from pools at draw time, with cached strategies, so
# that no strategy is built (and validated by Hypothesis) anew for every directory.
_INDEXES = st.integers(0, 2**16)
_RANKS = st.integers(1, 30)
_SCOPES = st.sampled_from(PartnerScope)
_LANGUAGE_SETS = st.lists(st.sampled_from(("en", "fr", "ja")), max_size=2, unique=True).map(tuple)


def _pick(draw: st.DrawFn, pool: tuple[str, ...] | None) -> str:
    """An id from ``pool`` (non-empty), or a random id when there is no pool."""
    if pool is None:
        return draw(identifiers())
    return pool[draw(_INDEXES) % len(pool)]


def _picks(draw: st.DrawFn, pool: tuple[str, ...] | None, max_size: int) -> list[str]:
    """Up to ``max_size`` distinct ids from ``pool`` (none from an empty pool)."""
    if pool == ():
        return []
    count = draw(st.integers(0, max_size))
    return list(dict.fromkeys(_pick(draw, pool) for _ in range(count)))


_COUNTRIES = ("JP", "FR", "DE", "US", "GB", "DK", "CH")


@functools.cache
def _light_organizations() -> st.SearchStrategy[Organization]:
    """Organizations with a short name and at most a country: cheap to draw by the dozen."""
    return st.builds(
        Organization,
        id=st.just("x"),
        name=_small_texts(),
        acronym=st.none() | st.sampled_from(["AB", "LINK-J", "MPR"]),
        headquarters=st.none() | st.builds(Address, st.sampled_from(_COUNTRIES)),
    )


@functools.cache
def _light_clusters() -> st.SearchStrategy[Cluster]:
    """Clusters with a few small member counts, key areas and achievements."""
    counts = figures(values=st.integers(0, 1000), qualifiers=[Qualifier.EXACT, Qualifier.OVER])
    return st.builds(
        _cluster,
        _light_organizations(),
        st.lists(
            st.builds(MemberCount, category=_small_texts(), count=counts),
            max_size=2,
            unique_by=lambda m: m.category,
        ),
        st.lists(_small_texts(), max_size=2, unique=True),
        st.lists(
            st.builds(Achievement, _small_texts(), counts, st.none() | partial_dates()),
            max_size=2,
            unique=True,
        ),
    )


@functools.cache
def _light_positions() -> st.SearchStrategy[Position]:
    return st.builds(Position, st.builds(Person, st.just("p"), _small_texts()), _small_texts())


@st.composite
def directories(
    draw: st.DrawFn, max_organizations: int = 5, *, max_announcements: int = 2
) -> Directory:
    """Directories whose references all resolve: clusters, agreements and announcements.

    To keep directories cheap to draw, their organizations (plain ones and clusters) have a
    short name, maybe an acronym and a country, up to two people each, and clusters a few small
    figures; :func:`organizations` and :func:`clusters` draw every field.
    Announcements refer to the directory's organizations, agreements and people, and some
    organizations are declared to have all their partnerships in the directory.

    Args:
        draw: Supplied by Hypothesis.
        max_organizations: At most this many organizations (at least two).
        max_announcements: At most this many announcements.

    .. versionchanged:: 0.1.0
       Clusters, people, announcements and ``complete_partnerships``.
    """
    ids = draw(st.lists(identifiers(), min_size=2, max_size=max_organizations, unique=True))
    orgs: list[Organization] = []
    person_ids: list[str] = []
    for org_id in ids:
        staff = []
        for n in range(draw(st.integers(0, 2))):
            position = draw(_light_positions())  # person ids are unique across organizations
            person = attrs.evolve(position.person, id=f"{org_id}.p{n}")
            staff.append(attrs.evolve(position, person=person))
            person_ids.append(person.id)
        kind = _light_clusters() if draw(_ONE_IN[3]) else _light_organizations()
        orgs.append(attrs.evolve(draw(kind), id=org_id, people=staff))
    agreement_list: list[Agreement] = []
    for _ in range(draw(st.integers(0, 4))):
        agreement = _agreement(draw, tuple(ids), lifecycle=True, undated=True)
        if all(agreement.id != other.id for other in agreement_list):
            agreement_list.append(agreement)
    agreement_ids = tuple(a.id for a in agreement_list)
    news: list[Announcement] = []
    for _ in range(draw(st.integers(0, max_announcements))):
        item = draw(announcements(tuple(ids), agreement_ids, tuple(person_ids)))
        if all(item.id != other.id for other in news):
            news.append(item)
    return Directory(
        organizations=tuple(orgs),
        agreements=tuple(agreement_list),
        announcements=tuple(news),
        complete_partnerships=tuple(_picks(draw, tuple(ids), 2)),
    )


@functools.cache
def _counts() -> st.SearchStrategy[Figure]:
    return figures(values=st.integers(0, 10**6))


@functools.cache
def member_counts() -> st.SearchStrategy[MemberCount]:
    """Member counts of every qualifier, with or without the kinds of members.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        MemberCount,
        category=_small_texts(),
        count=_counts(),
        kinds=st.lists(st.sampled_from(OrganizationKind), max_size=3, unique=True),
    )


@functools.cache
def achievements() -> st.SearchStrategy[Achievement]:
    """Achievements with figures of every kind, counted since a date or not.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Achievement, label=_small_texts(), figure=figures(), since=st.none() | partial_dates()
    )


def _cluster(
    organization: Organization,
    member_counts: list[MemberCount],
    key_areas: list[LocalizedText],
    achievements: list[Achievement],
) -> Cluster:
    fields = {a.name: getattr(organization, a.name) for a in attrs.fields(Organization)}
    kind, others = fields["kind"], fields["other_kinds"]
    if kind is None:  # then there are no other kinds either
        fields["kind"] = OrganizationKind.CLUSTER
    elif kind is not OrganizationKind.CLUSTER and OrganizationKind.CLUSTER not in others:
        fields["other_kinds"] = (*others, OrganizationKind.CLUSTER)
    dissolved = fields["dissolved_on"]
    if dissolved is not None:  # nothing is counted from after the dissolution
        achievements = [
            a for a in achievements if a.since is None or a.since.first_day <= dissolved.last_day
        ]
    return Cluster(
        **fields, member_counts=member_counts, key_areas=key_areas, achievements=achievements
    )


def clusters(
    ids: st.SearchStrategy[str] | None = None, *, detailed: bool = True
) -> st.SearchStrategy[Cluster]:
    """Clusters: organizations as :func:`organizations` draws them, and cluster fields.

    Member counts, key areas and achievements; ``cluster`` is the main kind or another one.

    Args:
        ids: The strategy for their ids; by default, random ids.
        detailed: ``False`` draws only the basic organization fields.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        _cluster,
        organizations(ids, detailed=detailed),
        st.lists(member_counts(), max_size=3, unique_by=lambda m: m.category),
        st.lists(_small_texts(), max_size=3, unique=True),
        st.lists(achievements(), max_size=3, unique=True),
    )


@functools.cache
def _texts_in(languages: tuple[str, ...]) -> st.SearchStrategy[LocalizedText]:
    """Texts in some of ``languages`` (in any locale when there are none)."""
    if not languages:
        return _small_texts()
    return _texts_by_locale(languages, len(languages), _short_texts())


@functools.cache
def _headlines(languages: tuple[str, ...]) -> st.SearchStrategy[LocalizedText]:
    """Texts in every one of ``languages`` (in any locale when there are none)."""
    if not languages:
        return _small_texts()
    return st.fixed_dictionaries({lang: _short_texts() for lang in languages}).map(LocalizedText)


def _statement(
    draw: st.DrawFn, statements: st.SearchStrategy[LocalizedText] | None
) -> LocalizedText | None:
    return draw(_maybe(_small_texts() if statements is None else statements))


@st.composite
def partner_ranks(
    draw: st.DrawFn,
    org_ids: tuple[str, ...] | None = None,
    statements: st.SearchStrategy[LocalizedText] | None = None,
) -> PartnerRank:
    """Claims of a partner's rank, between two distinct organizations of ``org_ids``.

    Args:
        draw: Supplied by Hypothesis.
        org_ids: The organizations to draw from (at least two); by default, random ids.
        statements: The texts of the claims; by default, short texts in a few languages.

    .. versionadded:: 0.1.0
    """
    return _partner_rank(draw, org_ids, statements)


def _partner_rank(
    draw: st.DrawFn,
    org_ids: tuple[str, ...] | None,
    statements: st.SearchStrategy[LocalizedText] | None,
) -> PartnerRank:
    org = _pick(draw, org_ids)
    partner = _pick(draw, org_ids)
    if partner == org:
        others = [i for i in org_ids or () if i != org]
        partner = others[0] if others else f"{org}-partner"
    return PartnerRank(org, partner, draw(_RANKS), _statement(draw, statements))


@functools.cache
def _claimed_counts() -> st.SearchStrategy[Figure]:
    return figures(values=st.integers(0, 30))


@st.composite
def partner_counts(
    draw: st.DrawFn,
    org_ids: tuple[str, ...] | None = None,
    statements: st.SearchStrategy[LocalizedText] | None = None,
) -> PartnerCount:
    """Claims of a number of partners, of every scope and qualifier, dated or not.

    Args:
        draw: Supplied by Hypothesis.
        org_ids: The organizations to draw from; by default, random ids.
        statements: The texts of the claims; by default, short texts in a few languages.

    .. versionadded:: 0.1.0
    """
    return _partner_count(draw, org_ids, statements)


def _partner_count(
    draw: st.DrawFn,
    org_ids: tuple[str, ...] | None,
    statements: st.SearchStrategy[LocalizedText] | None,
) -> PartnerCount:
    return PartnerCount(
        _pick(draw, org_ids),
        draw(_claimed_counts()),
        draw(_SCOPES),
        on=draw(_maybe(dates())),
        statement=_statement(draw, statements),
    )


def claims(
    org_ids: tuple[str, ...] | None = None,
    statements: st.SearchStrategy[LocalizedText] | None = None,
) -> st.SearchStrategy[Claim]:
    """Claims of either kind (:func:`partner_ranks` and :func:`partner_counts`).

    .. versionadded:: 0.1.0
    """
    return partner_ranks(org_ids, statements) | partner_counts(org_ids, statements)


@st.composite
def quotes(
    draw: st.DrawFn,
    person_ids: tuple[str, ...] | None = None,
    org_ids: tuple[str, ...] | None = None,
    texts: st.SearchStrategy[LocalizedText] | None = None,
) -> Quote:
    """Quotes by people of ``person_ids``, with or without a role and an organization.

    Args:
        draw: Supplied by Hypothesis.
        person_ids: The speakers to draw from (at least one); by default, random ids.
        org_ids: The organizations to draw from; by default, random ids.
        texts: The texts of the quote and role; by default, short texts in a few languages.

    .. versionadded:: 0.1.0
    """
    return _quote(draw, person_ids, org_ids, texts)


def _quote(
    draw: st.DrawFn,
    person_ids: tuple[str, ...] | None,
    org_ids: tuple[str, ...] | None,
    texts: st.SearchStrategy[LocalizedText] | None,
) -> Quote:
    text = _small_texts() if texts is None else texts
    return Quote(
        draw(text),
        speaker=_pick(draw, person_ids),
        role=draw(_maybe(text)),
        organization=_pick(draw, org_ids) if draw(_BOOLEANS) else None,
    )


@st.composite
def photo_captions(
    draw: st.DrawFn,
    person_ids: tuple[str, ...] | None = None,
    texts: st.SearchStrategy[LocalizedText] | None = None,
) -> PhotoCaption:
    """Captions naming up to three distinct people of ``person_ids``.

    Args:
        draw: Supplied by Hypothesis.
        person_ids: The people to draw from; by default, random ids.
        texts: The texts of the caption; by default, short texts in a few languages.

    .. versionadded:: 0.1.0
    """
    return _photo_caption(draw, person_ids, texts)


def _photo_caption(
    draw: st.DrawFn,
    person_ids: tuple[str, ...] | None,
    texts: st.SearchStrategy[LocalizedText] | None,
) -> PhotoCaption:
    text = draw(_small_texts() if texts is None else texts)
    return PhotoCaption(text, people=_picks(draw, person_ids, 3))


@functools.cache
def _untitled_links() -> st.SearchStrategy[Link]:
    return links().map(lambda link: attrs.evolve(link, title=None))


@st.composite
def announcements(
    draw: st.DrawFn,
    org_ids: tuple[str, ...] | None = None,
    agreement_ids: tuple[str, ...] | None = None,
    person_ids: tuple[str, ...] | None = None,
) -> Announcement:
    """Announcements whose texts agree with their languages, referring to the given ids.

    Args:
        draw: Supplied by Hypothesis.
        org_ids: The organizations it may be published by, mention and claim about (at least
            one; two for rank claims); by default, random ids.
        agreement_ids: The agreements it may be about; by default, random ids.
        person_ids: The people it may quote and name in captions; by default, random ids.

    .. versionadded:: 0.1.0
    """
    languages = draw(_LANGUAGE_SETS)
    texts = _texts_in(languages)
    rank_claims = org_ids is None or len(org_ids) >= 2  # noqa: PLR2004  # a rank needs two
    claim_list: list[Claim] = []
    for _ in range(draw(st.integers(0, 3))):
        if rank_claims and draw(_BOOLEANS):
            claim_list.append(_partner_rank(draw, org_ids, texts))
        else:
            claim_list.append(_partner_count(draw, org_ids, texts))
    quote_list = (
        []
        if person_ids == ()
        else [_quote(draw, person_ids, org_ids, texts) for _ in range(draw(st.integers(0, 2)))]
    )
    link_list = draw(st.lists(_untitled_links(), max_size=1))
    if draw(_BOOLEANS):
        link_list.append(Link("https://example.org/news", title=draw(texts)))
    return Announcement(
        id=draw(identifiers()),
        publisher=_pick(draw, org_ids),
        headline=draw(_headlines(languages)),
        published_on=draw(_maybe(partial_dates())),
        languages=languages,
        subheadline=draw(_maybe(texts)),
        body=draw(st.lists(texts, max_size=3)),
        quotes=quote_list,
        captions=[_photo_caption(draw, person_ids, texts) for _ in range(draw(st.integers(0, 2)))],
        about=_picks(draw, agreement_ids, 2),
        mentions=_picks(draw, org_ids, 3),
        claims=claim_list,
        links=link_list,
    )


# Currencies with 2 (EUR, USD, ...), 0 (JPY), 3 (BHD, KWD) and 4 (CLF) minor-unit digits.
_CURRENCIES = ("EUR", "JPY", "USD", "GBP", "CHF", "DKK", "BHD", "KWD", "CLF")
_SOURCES = ("ECB reference rate", "https://example.org/rates", "Annual report 2020")
_MAYBE_SOURCES = st.none() | st.sampled_from(_SOURCES)
_QUALIFIERS = st.sampled_from(Qualifier)


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
    base, quote = draw(st.sampled_from(tuple((b, q) for b in pool for q in pool if b != q)))
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


@functools.cache
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
    qualifier = draw(_QUALIFIERS if qualifiers is None else st.sampled_from(tuple(qualifiers)))
    upper = _larger(draw, value) if qualifier is Qualifier.BETWEEN else None
    return Figure(
        value,
        qualifier,
        upper=upper,
        as_of=draw(_maybe(dates())),
        source=draw(_MAYBE_SOURCES),
    )


# Amendments (issue 17). Dates of amendments cluster around period starts, last days, notice
# deadlines and month ends, where an amendment changes which answer is right.
_AMENDMENT_COUNTS = st.integers(1, 4)
_AMENDMENT_KINDS = st.sampled_from(
    ("term", "stated_end", "added", "withdrawn", "role", "title", "purpose")
)
_REFERENCES = st.none() | st.sampled_from(
    ("Amendment No. 1", "https://example.org/amendment-2.pdf", "Avenant n° 3")
)


def _amendment_day(draw: st.DrawFn, agreement: Agreement, latest: dt.date) -> dt.date:
    """A day from the effective date (if known) to ``latest``, near a landmark or a month end."""
    start = agreement.effective_on
    first = _shifted(latest, -3000) if start is None else start
    landmarks = [*_landmarks(agreement), first, latest]
    day = _near(draw, _choice(draw, landmarks), 200)
    if draw(_ONE_IN[3]):
        day = _month_end(day.year, day.month)
    return min(day if start is None else max(day, start), latest)


def _amendment(draw: st.DrawFn, agreement: Agreement, day: dt.date) -> Amendment:
    """One amendment on ``day`` of a kind that the agreement, as it stands then, allows."""
    parties = [p.org for p in agreement.parties_on(day)]
    ref = draw(_REFERENCES)
    kind = draw(_AMENDMENT_KINDS)
    amendment: Amendment
    if kind == "withdrawn" and len(parties) > 2:  # noqa: PLR2004  # two must remain
        amendment = PartyWithdrawn(day, _choice(draw, parties), reference=ref)
    elif kind in {"title", "purpose"}:
        text = draw(_maybe(localized_texts()))
        changed = TitleChanged if kind == "title" else PurposeChanged
        amendment = changed(day, text, reference=ref)
    elif kind == "term":
        amendment = TermChanged(day, draw(terms()), reference=ref)
    elif kind == "stated_end":
        end = None if draw(_ONE_IN[5]) else _near(draw, day, 3000)
        amendment = StatedEndChanged(day, end, reference=ref)
    else:  # a role, a party added, or a withdrawal that would leave one party
        org = _choice(draw, parties) if kind != "added" else draw(identifiers())
        role = draw(_maybe(_ROLES))
        changed_party = RoleChanged if org in parties else PartyAdded
        amendment = changed_party(day, org, role, reference=ref)
    return amendment


def _latest_amendment_day(agreement: Agreement) -> dt.date | None:
    """The last day an amendment can take effect: before the termination and the end."""
    ends = [e.on for e in agreement.events if isinstance(e, Termination)]
    if agreement.final_end is not None:
        ends.append(agreement.final_end)
    start = agreement.effective_on
    if not ends:
        return _shifted(start or agreement.stated_end_on or dt.date(2020, 1, 1), 20_000)
    latest = _shifted(min(ends), -1)
    return latest if start is None or latest >= start else None


@st.composite
def amended_agreements(
    draw: st.DrawFn, org_ids: tuple[str, ...] | None = None, *, undated: bool = True
) -> Agreement:
    """Agreements (as :func:`agreements` makes them) with one to four valid amendments.

    Each amendment is dated near a period boundary, a notice deadline or a month end, or on the
    date of the one before (several changes on one date), and is of a kind the agreement allows
    on that day; one that the agreement refuses (it would end the
    agreement before it takes effect, say) is left out, so some agreements have none.

    Args:
        draw: Supplied by Hypothesis.
        org_ids: The organization ids the parties are drawn from; by default, random ids.
        undated: Whether some agreements have no known start, as in :func:`agreements`.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.2.0
       ``undated``.
    """
    agreement = _agreement(draw, org_ids, lifecycle=True, undated=undated)
    for _ in range(draw(_AMENDMENT_COUNTS)):
        latest = _latest_amendment_day(agreement)
        if latest is None:
            break
        day = _amendment_day(draw, agreement, latest)
        if len(agreement.amendments) > 0 and draw(_ONE_IN[3]):  # several changes on one date
            day = min(agreement.amendments[-1].effective_on, latest)
        amendment = _amendment(draw, agreement, day)
        try:
            agreement = attrs.evolve(agreement, amendments=(*agreement.amendments, amendment))
        except ValidationError:
            continue
    return agreement


def term_changes() -> st.SearchStrategy[TermChanged]:
    """Term changes on their own (not checked against an agreement).

    .. versionadded:: 0.2.0
    """
    return st.builds(TermChanged, dates(), terms(), reference=_REFERENCES)


def stated_end_changes() -> st.SearchStrategy[StatedEndChanged]:
    """Changes of the stated end on their own, some removing it.

    .. versionadded:: 0.2.0
    """
    return st.builds(StatedEndChanged, dates(), _maybe(dates()), reference=_REFERENCES)


def parties_added() -> st.SearchStrategy[PartyAdded]:
    """Parties added, on their own.

    .. versionadded:: 0.2.0
    """
    return st.builds(PartyAdded, dates(), identifiers(), _maybe(_ROLES), reference=_REFERENCES)


def party_withdrawals() -> st.SearchStrategy[PartyWithdrawn]:
    """Parties withdrawn, on their own.

    .. versionadded:: 0.2.0
    """
    return st.builds(PartyWithdrawn, dates(), identifiers(), reference=_REFERENCES)


def role_changes() -> st.SearchStrategy[RoleChanged]:
    """Role changes on their own, some removing the role.

    .. versionadded:: 0.2.0
    """
    return st.builds(RoleChanged, dates(), identifiers(), _maybe(_ROLES), reference=_REFERENCES)


def contribution_changes() -> st.SearchStrategy[ContributionChanged]:
    """Contribution changes on their own, some removing the amount.

    .. versionadded:: 0.2.0
    """
    amounts = _maybe(money(allow_negative=False))
    return st.builds(ContributionChanged, dates(), identifiers(), amounts, reference=_REFERENCES)


def title_changes() -> st.SearchStrategy[TitleChanged]:
    """Title changes on their own, some removing the title.

    .. versionadded:: 0.2.0
    """
    return st.builds(TitleChanged, dates(), _maybe(localized_texts()), reference=_REFERENCES)


def purpose_changes() -> st.SearchStrategy[PurposeChanged]:
    """Purpose changes on their own, some removing the purpose.

    .. versionadded:: 0.2.0
    """
    return st.builds(PurposeChanged, dates(), _maybe(localized_texts()), reference=_REFERENCES)


@functools.cache
def amendments() -> st.SearchStrategy[Amendment]:
    """Amendments of every kind, on their own (not checked against an agreement).

    .. versionadded:: 0.2.0
    """
    return st.one_of(
        term_changes(),
        stated_end_changes(),
        parties_added(),
        party_withdrawals(),
        role_changes(),
        contribution_changes(),
        title_changes(),
        purpose_changes(),
    )


@st.composite
def agreement_versions(draw: st.DrawFn) -> AgreementVersion:
    """Versions of amended agreements: the original or one an amendment made.

    .. versionadded:: 0.2.0
    """
    history = draw(amended_agreements()).history()
    return _choice(draw, history)


# Business calendars (issue 17): holidays cluster on month ends, February 29 and runs of days
# (Golden Week, Christmas), and weekends vary, so that an adjustment crosses months and years.
_WEEKENDS = st.sampled_from(
    (frozenset({5, 6}), frozenset({6}), frozenset({4, 5}), frozenset(), frozenset({0, 2, 4, 6}))
)
_HOLIDAY_NAMES = st.sampled_from(("Labour Day", "Tag der Arbeit", "憲法記念日", "Noël", ""))


def _holiday_run(draw: st.DrawFn, start: dt.date) -> dict[dt.date, str]:
    """One to five holidays in a row from ``start`` (shortened at 9999-12-31)."""
    name = draw(_HOLIDAY_NAMES)
    days = {}
    for offset in range(draw(st.integers(1, 5))):
        day = _shifted(start, offset)
        days[day] = name
    return days


@st.composite
def business_calendars(draw: st.DrawFn) -> BusinessCalendar:
    """Calendars with a weekend, up to 20 holidays and a deadline rule.

    The holidays fall on month ends, February 29, New Year and around them, often in runs of
    consecutive days, so that a moved deadline crosses a month or a year.

    .. versionadded:: 0.2.0
    """
    holidays: dict[dt.date, str] = {}
    for _ in range(draw(st.integers(0, 6))):
        start = draw(dates())
        if draw(_BOOLEANS):
            start = _month_end(start.year, start.month)
        holidays.update(_holiday_run(draw, _near(draw, start, 3)))
    return BusinessCalendar(
        weekend=draw(_WEEKENDS),
        holidays=holidays,
        rule=draw(st.sampled_from(DeadlineRule)),
        name=draw(st.none() | st.sampled_from(("DE-BY", "JP", "FR", "GB-ENG"))),
    )


@st.composite
def deadlines_in(draw: st.DrawFn, calendar: BusinessCalendar) -> dt.date:
    """Dates biased toward ``calendar``'s holidays and the days around them.

    .. versionadded:: 0.2.0
    """
    holidays = sorted(calendar.holidays)
    if len(holidays) > 0 and draw(_BOOLEANS):
        return _near(draw, _choice(draw, holidays), 2)
    return draw(dates())


# Extension options (issue 17): exercises fall on, just before and just after their deadlines.
def extension_options() -> st.SearchStrategy[ExtensionOptions]:
    """Extension options: one to three lengths, a notice or none, a minimum count.

    .. versionadded:: 0.2.0
    """

    def build(lengths: list[Term], notice: Term | None, min_count: int) -> ExtensionOptions:
        return ExtensionOptions(lengths, notice=notice, min_count=min(min_count, len(lengths)))

    return st.builds(
        build,
        st.lists(terms(max_years=5), min_size=1, max_size=3),
        _maybe(terms(max_years=1)),
        st.integers(0, 3),
    )


def options_exercised() -> st.SearchStrategy[OptionExercised]:
    """Exercises of options on their own (not checked against an agreement).

    .. versionadded:: 0.2.0
    """
    return st.builds(OptionExercised, on=dates(), by=identifiers())


@st.composite
def agreements_with_options(draw: st.DrawFn) -> Agreement:
    """Agreements with extension options, some exercised on or just before their deadlines.

    .. versionadded:: 0.2.0
    """
    base = _agreement(draw, None, lifecycle=False)
    start = base.effective_on
    assert start is not None  # noqa: S101  # drawn with a known start
    term = base.term or draw(terms())
    agreement = attrs.evolve(base, term=term, options=draw(extension_options()))
    by = [p.org for p in agreement.parties]
    for _ in range(draw(st.integers(0, 3))):
        deadline = agreement.option_deadline(on=agreement.final_last_day or start)
        if deadline is None:
            break
        day = max(_shifted(deadline, -draw(st.sampled_from((0, 0, 1, 30, 400)))), start)
        exercise = OptionExercised(day, by=_choice(draw, by))
        try:
            agreement = attrs.evolve(agreement, events=(*agreement.events, exercise))
        except ValidationError:  # pragma: no cover  # on or before the deadline is in time
            break
    return agreement


# Funding (issue 13): kept together at the end of the module.

_FUNDED_ROLES = st.sampled_from([r for r in FundingRole if r is not FundingRole.FUNDER])
_PROGRAMMES = st.none() | st.sampled_from(("H2020", "FP7", "HORIZON", "JSPS"))
_SCHEMES = st.none() | st.sampled_from(("ERC-ADG", "RIA", "CSA", "MSCA-ITN-ETN"))


def _grant_money(draw: st.DrawFn, currency: str) -> Money | None:
    if draw(_ONE_IN[5]):
        return None
    return Money(draw(_decimals(allow_negative=False, min_exponent=-2, max_digits=10)), currency)


def _contribution(draw: st.DrawFn, org: str, currency: str) -> Contribution:
    return Contribution(
        org,
        draw(_FUNDED_ROLES),
        _grant_money(draw, currency),
        net_amount=_grant_money(draw, currency) if draw(_ONE_IN[3]) else None,
        cost=_grant_money(draw, currency) if draw(_ONE_IN[3]) else None,
    )


@st.composite
def contributions(
    draw: st.DrawFn, org_ids: st.SearchStrategy[str] | None = None, currency: str | None = None
) -> Contribution:
    """A party's part of a funding: a role and, or not, its amounts (never negative).

    Args:
        draw: Supplied by Hypothesis.
        org_ids: The organization ids to draw from; by default, :func:`identifiers`.
        currency: The currency of its amounts; by default, one of :func:`currencies`.

    .. versionadded:: 0.2.0
    """
    org = draw(identifiers() if org_ids is None else org_ids)
    return _contribution(draw, org, currency or draw(currencies()))


def _funding(draw: st.DrawFn, funder: str, funded: Sequence[str], currency: str) -> Funding:
    parts = [_contribution(draw, org, currency) for org in funded]
    maximum = _grant_money(draw, currency)
    if maximum is not None and draw(st.booleans()):  # often exactly the sum of the parts
        stated = [part.amount.amount for part in parts if part.amount is not None]
        maximum = Money(sum(stated, Decimal(0)), currency)
    return Funding(
        funder,
        programme=draw(_PROGRAMMES),
        scheme=draw(_SCHEMES),
        total_cost=_grant_money(draw, currency),
        max_contribution=maximum,
        contributions=parts,
        call=draw(st.none() | st.sampled_from(("H2020-ICT-2014-1", "ERC-2019-ADG"))),
        topic=draw(st.none() | st.sampled_from(("ICT-01-2014", "ECSEL-01-2014"))),
        project_acronym=draw(st.none() | st.sampled_from(("3Ccar", "VOLTA", "NANOVR"))),
    )


@st.composite
def fundings(draw: st.DrawFn, org_ids: tuple[str, ...] | None = None) -> Funding:
    """Fundings of one funder and up to five funded parties, in one currency.

    Amounts are often missing (unknown, not zero), and the maximum is often exactly the sum
    of the stated parts, so that every verdict of :meth:`~lifesci_partners.Funding.check`
    comes up.

    Args:
        draw: Supplied by Hypothesis.
        org_ids: The organization ids to draw the funder and the parties from (at least two);
            by default, random ids.

    .. versionadded:: 0.2.0
    """
    if org_ids is None:
        pool = draw(st.lists(identifiers(), min_size=1, max_size=6, unique=True))
    else:
        pool = list(org_ids)
    chosen = _distinct(draw, pool, 1, min(len(pool), 6))
    return _funding(draw, chosen[0], chosen[1:], draw(currencies()))


def funding_checks() -> st.SearchStrategy[FundingCheck]:
    """The checks of :func:`fundings`: every verdict, with its amounts.

    .. versionadded:: 0.2.0
    """
    return fundings().map(Funding.check)


@st.composite
def funded_agreements(draw: st.DrawFn, org_ids: tuple[str, ...] | None = None) -> Agreement:
    """Grant agreements: :func:`agreements` of kind funding whose first party is the funder.

    Every other party has a part, with the role it has in the funding.

    Args:
        draw: Supplied by Hypothesis.
        org_ids: The organization ids the parties are drawn from (at least two).

    .. versionadded:: 0.2.0
    """
    agreement = _agreement(draw, org_ids, lifecycle=draw(st.booleans()), undated=True)
    orgs = [party.org for party in agreement.parties]
    funding = _funding(draw, orgs[0], orgs[1:], draw(currencies()))
    roles = {part.org: part.role.value for part in funding.contributions}
    parties = [Party(orgs[0], role=FundingRole.FUNDER.value)]
    parties += [Party(org, role=roles[org]) for org in orgs[1:]]
    return attrs.evolve(agreement, kind=AgreementKind.FUNDING, parties=parties, funding=funding)
