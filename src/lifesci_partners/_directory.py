"""The directory: organizations, agreements and announcements, with references and claims checked.

Every query is answered from indexes, each built on the first query that needs it and kept:
dictionaries by id, partners sorted by when the partnership began, and sorted arrays searched
with :mod:`bisect` (see ``_intervals.py``) for questions about dates. Construction checks ids and
references only. The indexes are a cache, not fields: equality, ``attrs.asdict``, pickling and
copies leave them out, and a copy builds its own.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from lifesci_partners._agreement import Agreement
from lifesci_partners._amendments import PartyAdded
from lifesci_partners._announcement import Announcement
from lifesci_partners._arguments import a_date, an_instance
from lifesci_partners._claim_checking import ClaimChecker
from lifesci_partners._claims import (
    ClaimCheck,
    PartnerRank,
)
from lifesci_partners._funding_queries import FundingIndex, co_participants
from lifesci_partners._intervals import IntervalIndex, OrderedStabbingIndex
from lifesci_partners._money import Money
from lifesci_partners._organization import Organization, contradictions_between
from lifesci_partners._people import Person
from lifesci_partners._rates import ExchangeRates, RatePolicy
from lifesci_partners._shown import describe
from lifesci_partners._terms import Period
from lifesci_partners._validate import as_tuple, tuple_of
from lifesci_partners.exceptions import NotFoundError, ValidationError, WrongTypeError

__all__ = ["Directory", "PartlyRead", "check_directory"]

_T = TypeVar("_T")
_NEVER = dt.date.max.toordinal() + 1  # the end of an interval that never ends
_ENUMERATED = 64  # an agreement with at most this many periods has its deadlines indexed


def _to_organizations(items: Iterable[Organization]) -> tuple[Organization, ...]:
    return as_tuple(items)


def _to_agreements(items: Iterable[Agreement]) -> tuple[Agreement, ...]:
    return as_tuple(items)


def _to_announcements(items: Iterable[Announcement]) -> tuple[Announcement, ...]:
    return as_tuple(items)


def _to_ids(items: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(items)


def _check_unique(kind: str, ids: Iterable[str | None]) -> Iterator[str]:
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id is None:
            continue
        if item_id in first:
            yield (
                f"$.{kind}[{index}].id: duplicate id {item_id!r}, "
                f"already used by $.{kind}[{first[item_id]}]"
            )
        else:
            first[item_id] = index


def _in_force(agreement: Agreement) -> tuple[int, int]:
    """The days an agreement is in force, renewals and events included, as ordinals.

    The periods of an agreement follow each other without a gap, so it is in force from its
    effective date to its final end: ``[start, end)``; never (an empty span) when its start is
    not known.
    """
    start = agreement.effective_on
    if start is None:
        return 0, 0
    end = agreement.final_end
    return start.toordinal(), _NEVER if end is None else end.toordinal()


def _deadlines(agreement: Agreement) -> tuple[int, int] | None:
    """Days that hold every notice deadline of an agreement, as ordinals, if it has any.

    From the first deadline (of the initial period) to the final end, before which every
    deadline falls.
    """
    if agreement.amendments:  # each version has deadlines of its own
        first: dt.date | None = agreement.effective_on
    else:
        first = agreement.next_notice_deadline(on=dt.date.min)
    if first is None:
        return None
    end = agreement.final_end
    return first.toordinal(), _NEVER if end is None else end.toordinal()


class _Lazy:
    """The indexes of one directory, each built on first use, and the lock that builds them."""

    __slots__ = ("built", "lock")

    def __init__(self) -> None:
        self.built: dict[Any, Any] = {}
        self.lock = threading.RLock()  # re-entrant: an index may be built from others


_LAZY_LOCK = threading.Lock()  # makes the _Lazy of a copy, which has none yet, only once


def _partnerships(agreements: tuple[Agreement, ...]) -> dict[str, dict[str, dt.date | None]]:
    """When each partnership began, by organization then partner; ``None``: not known.

    A partnership known only from agreements whose start is not known has no known beginning.
    """
    began: dict[str, dict[str, dt.date | None]] = {}
    for agreement in agreements:
        if agreement.amendments:  # the parties of each version, from the day it began
            versions = [(v.agreement.parties, v.since) for v in agreement.history()]
        else:
            versions = [(agreement.parties, agreement.effective_on)]
        for parties, since in versions:
            orgs = [party.org for party in parties]
            for org in orgs:
                mine = began.setdefault(org, {})
                for partner in orgs:
                    if partner != org:
                        if partner not in mine:
                            mine[partner] = since
                            continue
                        known = mine[partner]
                        if since is not None and (known is None or since < known):
                            mine[partner] = since
    return began


def _begin_key(began: dict[str, dt.date | None], partner: str) -> tuple[bool, dt.date, str]:
    """Sorts partnerships by when they began, those not known to have begun last, then by id."""
    since = began[partner]
    return (since is None, dt.date.min if since is None else since, partner)


def _in_order(began: dict[str, dt.date | None]) -> tuple[str, ...]:
    """Partner ids in the order their partnerships began (not known: last), ties by id."""
    return tuple(sorted(began, key=lambda partner: _begin_key(began, partner)))


def _people(organizations: Sequence[object], errors: list[str]) -> dict[str, Person]:
    """Every person of every organization, by id; one described twice differently is an error.

    Items that are not organizations (those that could not be read) are skipped.
    """
    people: dict[str, Person] = {}
    where: dict[str, str] = {}
    for o_index, org in enumerate(organizations):
        if not isinstance(org, Organization):
            continue
        for p_index, position in enumerate(org.people):
            person = position.person
            path = f"$.organizations[{o_index}].people[{p_index}].person"
            if person.id not in people:
                people[person.id] = person
                where[person.id] = path
            elif people[person.id] != person and not where[person.id].startswith(
                f"$.organizations[{o_index}]."
            ):
                errors.append(
                    f"{path}: person {person.id!r} is described differently in "
                    f"{where[person.id]}; use one description"
                )
    return people


@attrs.frozen
class _References:
    """Collects the references to nothing in a directory, each with its path.

    A collection of ids that is ``None`` could not be read whole (an item whose id is unknown),
    so that no reference to it is called one to nothing.
    """

    orgs: set[str] | None
    agreements: set[str] | None
    people: dict[str, Person] | None
    errors: list[str] = attrs.field(factory=list)

    def org(self, path: str, org_id: str | None) -> None:
        if org_id is not None and self.orgs is not None and org_id not in self.orgs:
            self.errors.append(f"{path}: no organization with id {org_id!r} in the directory")

    def agreement(self, path: str, agreement_id: str) -> None:
        if self.agreements is not None and agreement_id not in self.agreements:
            self.errors.append(f"{path}: no agreement with id {agreement_id!r} in the directory")

    def person(self, path: str, person_id: str) -> None:
        if self.people is not None and person_id not in self.people:
            self.errors.append(
                f"{path}: no person with id {person_id!r} among the people of the directory's "
                "organizations"
            )

    def item(self, path: str, item: object) -> None:
        """The references of an organization or agreement, or of what was read of one."""
        if isinstance(item, PartlyRead):
            for where, org_id in item.org_refs:
                self.org(f"{path}{where}", org_id)
        elif isinstance(item, Organization):
            self.organization(path, item)
        elif isinstance(item, Agreement):
            for j, party in enumerate(item.parties):
                self.org(f"{path}.parties[{j}].org", party.org)
            for j, amendment in enumerate(item.amendments):
                if isinstance(amendment, PartyAdded):  # an organization that joins later
                    self.org(f"{path}.amendments[{j}].org", amendment.org)

    def organization(self, path: str, organization: Organization) -> None:
        for j, relationship in enumerate(organization.relationships):
            self.org(f"{path}.relationships[{j}].organization", relationship.organization)
        for j, founder in enumerate(organization.founders):
            self.org(f"{path}.founders[{j}].organization", founder.organization)

    def announcement(self, path: str, news: Announcement) -> None:
        self.org(f"{path}.publisher", news.publisher)
        for j, agreement_id in enumerate(news.about):
            self.agreement(f"{path}.about[{j}]", agreement_id)
        for j, mentioned in enumerate(news.mentions):
            self.org(f"{path}.mentions[{j}]", mentioned)
        for j, quote in enumerate(news.quotes):
            self.person(f"{path}.quotes[{j}].speaker", quote.speaker)
            self.org(f"{path}.quotes[{j}].organization", quote.organization)
        for j, caption in enumerate(news.captions):
            for k, named in enumerate(caption.people):
                self.person(f"{path}.captions[{j}].people[{k}]", named)
        for j, claim in enumerate(news.claims):
            self.org(f"{path}.claims[{j}].org", claim.org)
            if isinstance(claim, PartnerRank):
                self.org(f"{path}.claims[{j}].partner", claim.partner)


@attrs.frozen
class PartlyRead:
    """What could be read of an organization or agreement that could not be built.

    Its id if it was valid, and the references to organizations that it makes, each as its path
    within the item (``.parties[0].org``) and the id it names.
    """

    id: str | None
    org_refs: tuple[tuple[str, str], ...] = ()


def _id_of(item: object) -> str | None:
    """The id of a model, the id read from one that could not be built (a str), or None."""
    if item is None or isinstance(item, str):
        return item
    item_id: str | None = getattr(item, "id")  # noqa: B009  # any model with an id, PartlyRead
    return item_id


def check_directory(
    organizations: Sequence[Organization | PartlyRead | str | None],
    agreements: Sequence[Agreement | PartlyRead | str | None],
    announcements: Sequence[Announcement | str | None],
    complete_partnerships: Sequence[str],
) -> tuple[list[str], dict[str, Person]]:
    """The problems of a directory's ids and references, and its people by id.

    Each item is a model, or for one that could not be built what could be read of it (a
    :class:`PartlyRead`, or just its id as a ``str``) or ``None``: so a reader reports
    duplicate ids and references to nothing from every id it could read, in the same round as
    the problems of the items themselves. An id read from an item that was not built counts as
    there.
    """
    errors = [
        *_check_unique("organizations", map(_id_of, organizations)),
        *_check_unique("agreements", map(_id_of, agreements)),
        *_check_unique("announcements", map(_id_of, announcements)),
    ]
    people = _people(organizations, errors)
    errors.extend(
        _reference_errors(organizations, agreements, announcements, complete_partnerships, people)
    )
    return errors, people


def _reference_errors(
    organizations: Sequence[Organization | PartlyRead | str | None],
    agreements: Sequence[Agreement | PartlyRead | str | None],
    announcements: Sequence[Announcement | str | None],
    complete_partnerships: Sequence[str],
    people: dict[str, Person],
) -> list[str]:
    org_ids = list(map(_id_of, organizations))
    agreement_ids = list(map(_id_of, agreements))
    refs = _References(
        None if None in org_ids else set(org_ids),  # type: ignore[arg-type]  # no None left
        None if None in agreement_ids else set(agreement_ids),  # type: ignore[arg-type]
        # The people of an organization that could not be built are not known.
        people if all(isinstance(o, Organization) for o in organizations) else None,
    )
    org = refs.org
    for kind, items in (("organizations", organizations), ("agreements", agreements)):
        for i, item in enumerate(items):
            refs.item(f"$.{kind}[{i}]", item)
    for i, news in enumerate(announcements):
        if isinstance(news, Announcement):
            refs.announcement(f"$.announcements[{i}]", news)
    seen: dict[str, int] = {}
    for i, org_id in enumerate(complete_partnerships):
        org(f"$.complete_partnerships[{i}]", org_id)
        if org_id in seen:
            refs.errors.append(
                f"$.complete_partnerships[{i}]: {org_id!r} is already $.complete_partnerships"
                f"[{seen[org_id]}]"
            )
        seen.setdefault(org_id, i)
    return refs.errors


@attrs.frozen
class Directory:
    """Organizations, the agreements between them and the announcements about them.

    Ids are unique within each collection, and every reference is checked: the parties of
    agreements, the organizations that relationships and founders refer to, and the
    publisher, agreements, organizations, quoted speakers, people in captions and claims of
    announcements. A person id used by several organizations must describe the same person.
    All problems are reported at once, each with its path.

    Two organizations are partners when they are parties to the same agreement, of any kind;
    their partnership began on the earliest effective date of their agreements. A directory
    usually knows only some of an organization's partnerships; list an organization in
    ``complete_partnerships`` to state that it knows all of them, so that counts and ranks of
    its partners are exact (see :meth:`check_claims`).

    Queries read indexes, each built on the first query that needs it (once, even when threads
    ask at the same time) and kept; each query's cost is in its docstring, for ``n``
    agreements and ``k`` answers. Building checks ids and references only. A directory
    pickles, copies and deep-copies to an equal one, which builds its own indexes.

    Args:
        organizations: The organizations (clusters included).
        agreements: The agreements between them.
        announcements: The announcements about them (keyword-only).
        complete_partnerships: The ids of organizations whose every partnership is in the
            directory (keyword-only).

    Raises:
        ValidationError: Duplicate ids, or references to nothing in the directory.

    Example:
        >>> from lifesci_partners import examples
        >>> directory = examples.link_j_mpr()
        >>> directory.organization("mpr").acronym
        'MPR'
        >>> [p.org for p in directory.agreement("mou-link-j-mpr-2020").parties]
        ['link-j', 'mpr']
        >>> [org.id for org in directory.partners_of("link-j")]
        ['mpr']

    .. versionadded:: 0.1.0
    """

    organizations: tuple[Organization, ...] = attrs.field(
        default=(), converter=_to_organizations, validator=tuple_of(Organization)
    )
    agreements: tuple[Agreement, ...] = attrs.field(
        default=(), converter=_to_agreements, validator=tuple_of(Agreement)
    )
    announcements: tuple[Announcement, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_announcements, validator=tuple_of(Announcement)
    )
    complete_partnerships: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_ids, validator=tuple_of(str)
    )

    def __attrs_post_init__(self) -> None:
        errors, people = check_directory(
            self.organizations, self.agreements, self.announcements, self.complete_partnerships
        )
        if errors:
            raise ValidationError(errors)
        self._state.built["people"] = people

    @functools.cached_property
    def _state(self) -> _Lazy:
        """The indexes built so far; made at construction, or on first use by a copy."""
        with _LAZY_LOCK:  # two threads' first queries on a copy must share one
            try:
                made: _Lazy = _STATE_SLOT.__get__(self)
            except AttributeError:
                made = _Lazy()
                object.__setattr__(self, "_state", made)
            return made

    def _lazy(self, key: object, build: Callable[[], _T]) -> _T:
        """The index ``key``, built by ``build`` on first use and kept.

        Thread-safe: concurrent first queries build it once, and all get the same index.
        """
        state = self._state
        try:
            found: _T = state.built[key]
        except KeyError:
            with state.lock:
                if key not in state.built:
                    state.built[key] = build()
                found = state.built[key]
        return found

    def _organizations(self) -> dict[str, Organization]:
        return self._lazy("organizations", lambda: {o.id: o for o in self.organizations})

    def _agreements(self) -> dict[str, Agreement]:
        return self._lazy("agreements", lambda: {a.id: a for a in self.agreements})

    def _announcements(self) -> dict[str, Announcement]:
        return self._lazy("announcements", lambda: {a.id: a for a in self.announcements})

    def _people(self) -> dict[str, Person]:
        return self._lazy("people", lambda: _people(self.organizations, []))

    def _agreements_of(self) -> dict[str, list[int]]:
        def build() -> dict[str, list[int]]:
            agreements_of: dict[str, list[int]] = {}
            for index, agreement in enumerate(self.agreements):
                orgs = [party.org for party in agreement.parties]
                orgs += [a.org for a in agreement.amendments if isinstance(a, PartyAdded)]
                for org in dict.fromkeys(orgs):
                    agreements_of.setdefault(org, []).append(index)
            return agreements_of

        return self._lazy("agreements_of", build)

    def _about(self) -> dict[str, list[int]]:
        def build() -> dict[str, list[int]]:
            about: dict[str, list[int]] = {}
            for index, news in enumerate(self.announcements):
                for agreement_id in news.about:
                    about.setdefault(agreement_id, []).append(index)
            return about

        return self._lazy("about", build)

    def _began(self) -> dict[str, dict[str, dt.date | None]]:
        """Org -> partner -> the first effective date of an agreement between them."""
        return self._lazy("began", lambda: _partnerships(self.agreements))

    def _partners(self) -> dict[str, tuple[str, ...]]:
        """Partners in the order the partnerships began, ties by id."""
        return self._lazy(
            "partners", lambda: {org: _in_order(mine) for org, mine in self._began().items()}
        )

    def warnings(self) -> tuple[str, ...]:
        """What the directory says that is allowed but probably wrong, each ``<path>: <what>``.

        The warnings of each organization (:meth:`Organization.warnings`) and of each agreement
        (:meth:`Agreement.warnings`) with their paths in the directory, and those that only the
        whole directory shows: two organizations that each say the other is its parent (or
        child, successor, predecessor) at the same time, as far as the dates tell. The second
        of the two relationships is reported, naming the first. The other organization is found
        by its id or by one of its registry identifiers. ``lifesci-partners validate`` and
        ``show`` print them. Costs ``O(n)`` in the size of the directory; nothing is kept.

        Example:
            >>> from lifesci_partners import (
            ...     Directory, LocalizedText, Organization, Relationship, RelationshipKind
            ... )
            >>> def org(id, parent):
            ...     return Organization(
            ...         id=id,
            ...         name=LocalizedText.of(id.upper()),
            ...         relationships=[Relationship(RelationshipKind.PARENT, organization=parent)],
            ...     )
            >>> print(*Directory([org("a", parent="b"), org("b", parent="a")]).warnings())
            $.organizations[1].relationships[0]: b says that a is its parent, and a says that b
            is its parent in $.organizations[0].relationships[0], at the same time as far as the
            dates tell

        .. versionadded:: 0.2.0
        """
        found = [
            f"$.organizations[{index}]{warning[1:]}"
            for index, org in enumerate(self.organizations)
            for warning in org.warnings()
        ]
        found.extend(contradictions_between(self.organizations))
        found.extend(
            f"$.agreements[{index}]{warning[1:]}"
            for index, agreement in enumerate(self.agreements)
            for warning in agreement.warnings()
        )
        return tuple(found)

    # Lookups by id

    def organization(self, org_id: str) -> Organization:
        """The organization with this id, in ``O(1)``.

        Raises:
            NotFoundError: There is none (the message lists the known ids).
        """
        return _by_id(self._organizations(), org_id, "organization")

    def agreement(self, agreement_id: str) -> Agreement:
        """The agreement with this id, in ``O(1)``.

        Raises:
            NotFoundError: There is none (the message lists the known ids).
        """
        return _by_id(self._agreements(), agreement_id, "agreement")

    def announcement(self, announcement_id: str) -> Announcement:
        """The announcement with this id, in ``O(1)``.

        Raises:
            NotFoundError: There is none (the message lists the known ids).
        """
        return _by_id(self._announcements(), announcement_id, "announcement")

    def person(self, person_id: str) -> Person:
        """The person with this id, from the people of the organizations, in ``O(1)``.

        Raises:
            NotFoundError: No organization has a person with this id.
        """
        return _by_id(self._people(), person_id, "person")

    # Agreements

    def agreements_of(self, org_id: str) -> tuple[Agreement, ...]:
        """The agreements to which ``org_id`` is a party, in directory order: ``O(k)``."""
        return tuple(self.agreements[i] for i in self._agreements_of().get(org_id, ()))

    def _in_force_index(self) -> OrderedStabbingIndex[Agreement]:
        return self._lazy(
            "in_force",
            lambda: OrderedStabbingIndex(self.agreements, [_in_force(a) for a in self.agreements]),
        )

    def in_force_on(self, day: dt.date) -> tuple[Agreement, ...]:
        """The agreements in force on ``day``, in directory order.

        ``O(log n + k)``, already in directory order, from an index built on the first call:
        blocks of 64 days, each with its agreements in directory order, so that a query copies
        runs of answers and sorts nothing (add the agreements that start or end within 64 days
        of ``day``). Agreements in force for more than about 11 years, or without a known end,
        are kept apart and merged in: add ``O(j log k)`` for ``j`` of them in force.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import examples
            >>> directory = examples.link_j_mpr()
            >>> [a.id for a in directory.in_force_on(dt.date(2025, 2, 4))]
            ['mou-link-j-mpr-2020']
            >>> directory.in_force_on(dt.date(2025, 2, 5))
            ()
        """
        if type(day) is not dt.date:
            day = a_date(day, "in_force_on")
        return self._in_force_index().containing(day.toordinal())

    def _expiry_index(self) -> tuple[list[int], list[int]]:
        def build() -> tuple[list[int], list[int]]:
            ends = sorted(
                (last.toordinal(), index)
                for index, agreement in enumerate(self.agreements)
                if (last := agreement.final_last_day) is not None
            )
            return [day for day, _ in ends], [index for _, index in ends]

        return self._lazy("expiry", build)

    def expiring_between(self, start: dt.date, end: dt.date) -> tuple[Agreement, ...]:
        """The agreements whose last day in force is on or after ``start`` and before ``end``.

        The last day in force is :attr:`Agreement.final_last_day
        <lifesci_partners.Agreement.final_last_day>`: renewals, the outer limit, notices and a
        termination included, as :meth:`Agreement.expires_within
        <lifesci_partners.Agreement.expires_within>` reads it; an agreement that keeps renewing
        never expires. The window is half-open, like every period in this library, so that
        consecutive windows never count an agreement twice. Agreements come in the order they
        expire, those expiring the same day in directory order. ``O(log n + k)``: two
        bisections of the last days, sorted once on the first call.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import examples
            >>> directory = examples.link_j_mpr()
            >>> [a.id for a in directory.expiring_between(dt.date(2025, 1, 1), dt.date(2025, 4, 1))]
            ['mou-link-j-mpr-2020']
        """
        if type(start) is not dt.date or type(end) is not dt.date:
            start, end = a_date(start, "expiring_between"), a_date(end, "expiring_between")
        days, indexes = self._expiry_index()
        first = bisect_left(days, start.toordinal())
        last = bisect_left(days, end.toordinal())
        return tuple(self.agreements[i] for i in indexes[first:last])

    def notice_deadlines_between(
        self, start: dt.date, end: dt.date
    ) -> tuple[tuple[dt.date, Agreement], ...]:
        """The notice deadlines on or after ``start`` and before ``end``, with their agreements.

        Each is the last day to give notice of non-renewal of an automatically renewing
        agreement for one of its periods, as :meth:`Agreement.next_notice_deadline
        <lifesci_partners.Agreement.next_notice_deadline>` computes it (never a naive
        subtraction); an agreement has one per period that a renewal may follow. Pairs come by
        date, then in directory order.

        Cost: ``O(log n + k)`` for ``k`` deadlines, by bisection of every deadline, computed
        and sorted on the first call, of the agreements with at most 64 periods. An agreement
        with more (renewing without limit, or monthly for years) is found instead in an
        interval index of the days from its first deadline to its end, and its deadlines in the
        window are computed then: add ``O(m log r)`` for ``m`` such agreements whose days span
        the window and ``r`` periods each.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import Agreement, AgreementKind, Directory, LocalizedText
            >>> from lifesci_partners import Organization, Party, Renewal, Term
            >>> orgs = [Organization(i, LocalizedText({"en": i.upper()})) for i in ("a", "b")]
            >>> lease = Agreement(
            ...     id="a-b",
            ...     kind=AgreementKind.COOPERATION,
            ...     parties=[Party("a"), Party("b")],
            ...     effective_on=dt.date(2020, 3, 1),
            ...     term=Term(years=1),
            ...     renewal=Renewal(Term(years=1), notice=Term(months=1)),
            ... )
            >>> deadlines = Directory(orgs, [lease]).notice_deadlines_between(
            ...     dt.date(2021, 1, 1), dt.date(2023, 1, 1)
            ... )
            >>> [(day.isoformat(), agreement.id) for day, agreement in deadlines]
            [('2021-02-01', 'a-b'), ('2022-02-01', 'a-b')]
        """
        if type(start) is not dt.date or type(end) is not dt.date:
            start = a_date(start, "notice_deadlines_between")
            end = a_date(end, "notice_deadlines_between")
        stop = end.toordinal()
        days, entries, long_running = self._deadline_index()
        first, last = bisect_left(days, start.toordinal()), bisect_left(days, stop)
        found: list[tuple[int, int, dt.date]] = entries[first:last]
        for index in long_running.overlapping(start.toordinal(), stop):
            agreement = self.agreements[index]
            day = agreement.next_notice_deadline(on=start)
            while day is not None and day.toordinal() < stop:
                found.append((day.toordinal(), index, day))
                if day == dt.date.max:
                    break
                day = agreement.next_notice_deadline(on=day + dt.timedelta(days=1))
        found.sort(key=lambda item: item[:2])
        return tuple((day, self.agreements[index]) for _, index, day in found)

    def _deadline_index(self) -> tuple[list[int], list[tuple[int, int, dt.date]], IntervalIndex]:
        """Every deadline of the agreements with few periods, sorted; the others' spans."""

        def build() -> tuple[list[int], list[tuple[int, int, dt.date]], IntervalIndex]:
            entries: list[tuple[int, int, dt.date]] = []
            spans: list[tuple[int, int, int]] = []
            for index, agreement in enumerate(self.agreements):
                renewal = agreement.renewal
                if renewal is None or not renewal.automatic:
                    continue  # only an automatic renewal has notice deadlines
                # Period k's deadline, read from the schedule: what notice_deadline(on=its
                # start) gives, without finding the period of each start again.
                schedule = agreement._schedule  # noqa: SLF001  # the package's own model
                last = schedule.last_index
                if last is None or last >= _ENUMERATED:
                    span = _deadlines(agreement)
                    if span is not None:
                        spans.append((*span, index))
                    continue
                for k in range(last):  # the last period has no renewal after it, no deadline
                    day = schedule.deadline(k)
                    if day is not None:
                        entries.append((day.toordinal(), index, day))
            entries.sort(key=lambda entry: entry[:2])
            return [entry[0] for entry in entries], entries, IntervalIndex(spans)

        return self._lazy("deadlines", build)

    # Partners

    def _check_org(self, org_id: str) -> None:
        self.organization(org_id)

    def _org_index(self, org_id: str) -> IntervalIndex:
        def build() -> IntervalIndex:
            return IntervalIndex(
                [(*_in_force(self.agreements[i]), i) for i in self._agreements_of().get(org_id, ())]
            )

        return self._lazy(("in_force", org_id), build)

    def _partner_ids(self, org_id: str, on: dt.date | None) -> tuple[str, ...]:
        self._check_org(org_id)
        ordered = self._partners().get(org_id, ())
        if on is None or not ordered:
            return ordered
        current = set()
        for i in self._org_index(org_id).containing(on.toordinal()):
            orgs = {party.org for party in self.agreements[i].parties_on(on)}
            if org_id in orgs:  # it may have joined later or withdrawn before
                current.update(orgs - {org_id})
        began = self._began()[org_id]
        return tuple(sorted(current, key=lambda p: _begin_key(began, p)))

    def partners_of(self, org_id: str, on: dt.date | None = None) -> tuple[Organization, ...]:
        """The partners of ``org_id``, in the order the partnerships began (ties by id).

        A partnership began on the earliest effective date of the agreements between the two;
        one known only from agreements whose start is not known comes after the others.

        Args:
            org_id: The organization.
            on: Only partners with an agreement in force on this day; ``None`` for every
                partner, past or present.

        Returns:
            ``O(k)`` for every partner (sorted on the first query);
            ``O(log m + k log k)`` for a day, ``m`` being the agreements of ``org_id``.

        Raises:
            NotFoundError: ``org_id`` is not in the directory.
        """
        if on is not None and type(on) is not dt.date:
            on = a_date(on, "partners_of")
        orgs = self._organizations()
        return tuple(orgs[p] for p in self._partner_ids(org_id, on))

    def partner_rank(self, org_id: str, partner_id: str) -> int:
        """The place of ``partner_id`` among the partners of ``org_id``, 1 for the first.

        As in :meth:`partners_of`: by when the partnerships began, ties by id. This is the
        place among the partnerships the directory knows; see :meth:`check_claims` for what it
        says about an announcement's claim. ``O(log p)`` for ``p`` partners.

        Raises:
            NotFoundError: An organization is not in the directory, or they are not partners.

        Example:
            >>> from lifesci_partners import examples
            >>> examples.link_j_mpr().partner_rank("link-j", "mpr")
            1
        """
        self._check_org(org_id)
        self._check_org(partner_id)
        began = self._began().get(org_id, {})
        if partner_id not in began:
            msg = f"{partner_id!r} is not a partner of {org_id!r}: no agreement between them"
            raise NotFoundError(msg)
        ordered = self._partners()[org_id]
        key = _begin_key(began, partner_id)
        return bisect_left(ordered, key, key=lambda p: _begin_key(began, p)) + 1

    def _by_location(self, org_id: str, on: dt.date | None) -> tuple[list[str], list[str], int]:
        """Domestic partners, overseas partners, and how many have no known country."""
        orgs = self._organizations()
        ids = self._partner_ids(org_id, on)
        home = orgs[org_id].headquarters
        if home is None:
            return [], [], len(ids)
        domestic, overseas, unknown = [], [], 0
        for partner in ids:
            where = orgs[partner].headquarters
            if where is None:
                unknown += 1
            elif where.country == home.country:
                domestic.append(partner)
            else:
                overseas.append(partner)
        return domestic, overseas, unknown

    def domestic_partners(self, org_id: str, on: dt.date | None = None) -> tuple[Organization, ...]:
        """The partners headquartered in the country of ``org_id``'s headquarters.

        In the order of :meth:`partners_of`, at the same cost. Partners whose headquarters are
        not known, and every partner of an organization whose headquarters are not known, are
        neither domestic nor overseas.

        Raises:
            NotFoundError: ``org_id`` is not in the directory.
        """
        orgs = self._organizations()
        return tuple(orgs[p] for p in self._by_location(org_id, on)[0])

    def overseas_partners(self, org_id: str, on: dt.date | None = None) -> tuple[Organization, ...]:
        """The partners headquartered in another country than ``org_id``'s headquarters.

        As :meth:`domestic_partners`, for the other countries.

        Example:
            >>> from lifesci_partners import examples
            >>> [o.acronym for o in examples.link_j_mpr().overseas_partners("link-j")]
            ['MPR']

        Raises:
            NotFoundError: ``org_id`` is not in the directory.
        """
        orgs = self._organizations()
        return tuple(orgs[p] for p in self._by_location(org_id, on)[1])

    # Funding (see _funding_queries.py)

    def _funding_index(self) -> FundingIndex:
        return self._lazy(
            "funding",
            lambda: FundingIndex(self.agreements, self._organizations(), self._agreements_of()),
        )

    def funding_received(
        self, org_id: str, *, period: Period | None = None, currency: str | None = None
    ) -> tuple[Money, ...]:
        """What ``org_id`` received as contributions of funded agreements, per currency.

        Adds the stated ``amount`` of each of its parts (a
        :class:`~lifesci_partners.Contribution`) exactly; a part with no amount stated adds
        nothing. Nothing is converted: one total per currency, by code (see
        :meth:`funding_received_in`). ``O(p)`` the first time for the ``p`` parties of its
        agreements, from the index of each organization's agreements (no scan), then
        ``O(log m)`` per currency for ``m`` parts, from running totals kept.

        Args:
            org_id: The organization.
            period: Only the agreements that took effect within this period (never one whose
                start is not known).
            currency: Only amounts in this currency.

        Raises:
            NotFoundError: ``org_id`` is not in the directory.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import Agreement, AgreementKind, Contribution, Directory
            >>> from lifesci_partners import Funding, FundingRole, LocalizedText, Money
            >>> from lifesci_partners import Organization, Party, Period
            >>> orgs = [Organization(i, LocalizedText({"und": i})) for i in ("ec", "a", "b")]
            >>> def grant(grant_id, day, a, b):
            ...     parts = [Contribution("a", FundingRole.COORDINATOR, Money(a, "EUR")),
            ...              Contribution("b", FundingRole.PARTICIPANT, Money(b, "EUR"))]
            ...     return Agreement(grant_id, AgreementKind.FUNDING,
            ...                      [Party("ec"), Party("a"), Party("b")], day,
            ...                      funding=Funding("ec", contributions=parts))
            >>> directory = Directory(orgs, [grant("g1", dt.date(2020, 1, 1), "100", "50"),
            ...                              grant("g2", dt.date(2022, 1, 1), "10.50", "70")])
            >>> directory.funding_received("a")
            (Money('110.50', 'EUR'),)
            >>> directory.funding_received("a", period=Period(dt.date(2021, 1, 1)))
            (Money('10.50', 'EUR'),)
            >>> [(o.id, n) for o, n in directory.co_participants("a")]
            [('b', 2), ('ec', 2)]
            >>> [(o.id, str(m)) for o, m in directory.largest_recipients("EUR")]
            [('b', 'EUR 120'), ('a', 'EUR 110.50')]
        """
        self._check_org(org_id)
        return self._funding_index().received(org_id, period, currency)

    def funding_received_in(  # the options of ExchangeRates.convert
        self,
        org_id: str,
        to: str,
        *,
        rates: ExchangeRates,
        period: Period | None = None,
        on: dt.date | None = None,
        policy: RatePolicy = "on_date",
        rounding: str = decimal.ROUND_HALF_EVEN,
    ) -> Money:
        """What ``org_id`` received, each part converted into ``to`` with a dated rate, added.

        Each part in another currency is converted with
        :meth:`ExchangeRates.convert <lifesci_partners.ExchangeRates.convert>` at the rate of
        its agreement's effective date (or of ``on``), rounded to ``to``'s minor unit, then the
        parts are added exactly. ``O(k)`` for ``k`` parts in other currencies.

        Raises:
            NotFoundError: ``org_id`` is not in the directory.
            RateNotFoundError: A part has no rate for its date under ``policy``.
            NotFoundError: A part to convert is of an agreement whose start is not known, and
                ``on`` is not given: it has no date to take a rate of.
        """
        self._check_org(org_id)
        an_instance(rates, ExchangeRates, "funding_received_in", "rates=ExchangeRates(...)")
        return self._funding_index().received_in(
            org_id,
            to,
            self.agreements,
            rates=rates,
            period=period,
            on=on,
            policy=policy,
            rounding=rounding,
        )

    def co_participants(self, org_id: str) -> tuple[tuple[Organization, int], ...]:
        """The organizations that share agreements with ``org_id``, and how many each.

        Every party of every agreement of ``org_id`` counts, the funder included, once per
        agreement. Most shared agreements first, ties by id. ``O(p + c log c)`` for the ``p``
        parties of its agreements and ``c`` co-participants, from the index of each
        organization's agreements built with the directory: no scan of the agreements.

        Raises:
            NotFoundError: ``org_id`` is not in the directory.

        See :meth:`funding_received` for an example.
        """
        self._check_org(org_id)
        orgs = self._organizations()
        mine = self._agreements_of().get(org_id, ())
        return tuple((orgs[o], n) for o, n in co_participants(org_id, mine, self.agreements))

    def funding_by_country(
        self, currency: str | None = None
    ) -> tuple[tuple[str | None, Money], ...]:
        """What the organizations of each country received, by country code then currency.

        Countries are those of the organizations' headquarters; ``None`` gathers the
        organizations without one, last. ``O(k)`` from totals built in one pass over every
        contribution on the first call of this or :meth:`largest_recipients`.

        See :doc:`/funding` for examples on real data.
        """
        return self._funding_index().by_country(currency)

    def largest_recipients(
        self, currency: str, count: int = 10
    ) -> tuple[tuple[Organization, Money], ...]:
        """The ``count`` organizations that received most in ``currency``, largest first.

        Ties by id. ``O(count)`` from a ranking built with the totals of
        :meth:`funding_by_country`.

        See :meth:`funding_received` for an example.
        """
        if type(count) is not int:
            msg = f"largest_recipients() takes a whole number as count, got {describe(count)}"
            raise WrongTypeError(msg)
        orgs = self._organizations()
        return tuple((orgs[o], m) for o, m in self._funding_index().largest(currency, count))

    # Announcements and claims

    def announcements_about(self, agreement_id: str) -> tuple[Announcement, ...]:
        """The announcements about an agreement, in directory order: ``O(k)``.

        Raises:
            NotFoundError: The agreement is not in the directory.
        """
        self.agreement(agreement_id)
        return tuple(self.announcements[i] for i in self._about().get(agreement_id, ()))

    def check_claims(self, announcement: Announcement | str) -> tuple[ClaimCheck, ...]:
        """Check each claim of an announcement against what the directory knows.

        A directory knows some partnerships of an organization, all of them only when the
        organization is in ``complete_partnerships``. So for the others, what it derives is a
        lower bound: known partners are at least that many, and a partner's place is at least
        its place among the known ones (earlier partnerships may be missing). A claim
        **holds** when every value the data allows satisfies it, **fails** when none does, and
        is **undecidable** otherwise; partners whose place is tied (same first day) or whose
        country is unknown widen what the data allows. An approximate count ("about 16") holds
        only if the data gives exactly that number, else it is undecidable.

        Args:
            announcement: The announcement, or the id of one in the directory.

        Returns:
            One :class:`~lifesci_partners.ClaimCheck` per claim, in order.

        Raises:
            NotFoundError: An announcement id that is not in the directory.

        Example:
            >>> from lifesci_partners import examples
            >>> directory = examples.link_j_mpr()
            >>> news = directory.announcements[0]
            >>> checks = directory.check_claims(news)
            >>> [(check.verdict.value, str(check.derived)) for check in checks]
            [('undecidable', '[1, ∞)'), ('undecidable', '[1, ∞)'), ('undecidable', '[1, ∞)')]
            >>> print(checks[2].reason)
            the directory knows 1 of LINK-J's partnerships and MPR is 1st of them; others may be
            missing, so its place is at least 1st
        """
        if isinstance(announcement, str):
            announcement = self.announcement(announcement)
        else:
            an_instance(announcement, Announcement, "check_claims", "an Announcement or its id")
        checker = ClaimChecker(
            organizations=self._organizations(),
            began=self._began(),
            complete=self.complete_partnerships,
            partner_ids=self._partner_ids,
            by_location=self._by_location,
        )
        return tuple(checker.check(claim) for claim in announcement.claims)


_STATE_SLOT: Any = Directory.__dict__["_state"]  # the slot attrs made for the cached property


def _by_id(table: Mapping[str, _T], key: str, what: str) -> _T:
    """``table[key]``, or a :class:`NotFoundError` that lists the known ids."""
    try:
        return table[key]
    except (KeyError, TypeError):
        known = ", ".join(sorted(table)) or "none"
        msg = f"no {what} with id {key!r}; known ids: {known}"
        raise NotFoundError(msg) from None
