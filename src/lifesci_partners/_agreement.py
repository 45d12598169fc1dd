"""Agreements between organizations, such as memorandums of understanding."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
from collections.abc import Iterable, Iterator

import attrs

from lifesci_partners import _lifecycle
from lifesci_partners._amendments import (
    AMENDMENT_CLASSES,
    AgreementVersion,
    Amendment,
    PartyAdded,
    build_versions,
    former_parties,
)
from lifesci_partners._arguments import a_date, an_instance, fix_for
from lifesci_partners._business_days import AdjustedDate, BusinessCalendar, DeadlineKind
from lifesci_partners._events import AgreementEvent, NonRenewalNotice, Termination
from lifesci_partners._free_text import one_line
from lifesci_partners._funding import Funding
from lifesci_partners._localized import LocalizedText
from lifesci_partners._options import (
    ExtensionOptions,
    OptionExercised,
    check_exercises,
    offsets,
    option_deadline,
)
from lifesci_partners._renewal import Renewal
from lifesci_partners._terms import Period, Term, TermConvention
from lifesci_partners._validate import (
    as_tuple,
    date_value,
    describe,
    identifier,
    instance_of,
    optional,
    tuple_of,
)
from lifesci_partners.exceptions import ValidationError, WrongTypeError

__all__ = ["Agreement", "AgreementKind", "AgreementStatus", "Party"]

_ONE_DAY = dt.timedelta(days=1)
_ORG = operator.attrgetter("org")


class AgreementKind(enum.Enum):
    """What sort of agreement this is.

    .. versionadded:: 0.1.0
    """

    MOU = "mou"
    """Memorandum of understanding, an intent to cooperate, usually not binding."""
    COOPERATION = "cooperation"
    """A cooperation or partnership agreement."""
    MEMBERSHIP = "membership"
    """Membership of an organization in another, such as a cluster."""
    FUNDING = "funding"
    """A grant or funding agreement."""
    RESEARCH = "research"
    """A research collaboration agreement."""
    LICENSE = "license"
    """A licence of intellectual property."""
    NDA = "nda"
    """A confidentiality agreement."""
    OTHER = "other"
    """Any other agreement."""


class AgreementStatus(enum.Enum):
    """Where an agreement stands on a given date; always computed, never stored.

    .. versionadded:: 0.1.0
    """

    DRAFT = "draft"
    """Before the known signing date."""
    SIGNED = "signed"
    """Signed (or signing date unknown) but not yet effective."""
    IN_FORCE = "in_force"
    """Within a period of the agreement."""
    EXPIRED = "expired"
    """After the last day, with no renewal."""
    TERMINATED = "terminated"
    """Ended early by termination."""


@attrs.frozen
class Party:
    """A party to an agreement: an organization id and, optionally, its role.

    Args:
        org: The ``id`` of the party's :class:`~lifesci_partners.Organization`.
        role: Its role in the agreement, free text (``"licensor"``), if the agreement names one.

    Example:
        >>> from lifesci_partners import Party
        >>> Party("link-j")
        Party(org='link-j', role=None)

    .. versionadded:: 0.1.0
    """

    org: str = attrs.field(validator=identifier)
    role: str | None = attrs.field(default=None, validator=optional(one_line))


def _to_parties(parties: Iterable[Party]) -> tuple[Party, ...]:
    return as_tuple(parties)


def _check_parties(agreement: Agreement) -> list[str]:
    orgs = [p.org for p in agreement.parties]
    errors = []
    if len(set(orgs)) < 2:  # noqa: PLR2004  # an agreement is between at least two parties
        errors.append(
            f"$.parties: an agreement needs at least two distinct parties, got {orgs!r}",
        )
    seen: set[str] = set()
    for index, org in enumerate(orgs):
        if org in seen:
            errors.append(f"$.parties[{index}].org: {org!r} is already a party")
        seen.add(org)
    return errors


def _to_events(events: Iterable[AgreementEvent]) -> tuple[AgreementEvent, ...]:
    return as_tuple(events)


def _check_dates(agreement: Agreement) -> list[str]:
    errors = []
    stated, effective = agreement.stated_end_on, agreement.effective_on
    if stated is not None and effective is not None and stated < effective:
        errors.append(
            f"$.stated_end_on: the stated end ({stated.isoformat()}) is before the effective date "
            f"({effective.isoformat()}); it is the last day the agreement is in force"
        )
    if agreement.options is not None and agreement.renewal is not None:
        errors.append(
            "$.options: an agreement renews automatically ($.renewal) or by options, not both; "
            "leave out one of them"
        )
    if agreement.options is not None and agreement.term is None and stated is None:
        errors.append(
            "$.options: an agreement with no term and no stated end never ends, so it cannot be "
            "extended; give a term or a stated_end_on"
        )
    if agreement.renewal is not None and agreement.term is None and stated is None:
        errors.append(
            "$.renewal: an agreement with no term and no stated end never ends, so it cannot "
            "renew; give a term or a stated_end_on"
        )
    return errors


def _check_undated_limit(limit: dt.date, stated: dt.date | None) -> list[str]:
    if stated is not None and limit < stated:
        return [
            (
                f"$.max_extent_on: the outer limit ({limit.isoformat()}) is before the stated "
                f"last day ({stated.isoformat()}); it is the latest possible last day"
            )
        ]
    return []


def _check_outer_limit(agreement: Agreement, first_end: dt.date | None) -> list[str]:
    limit = agreement.max_extent_on
    if limit is None:
        return []
    effective, stated = agreement.effective_on, agreement.stated_end_on
    if effective is None:  # no period: only a stated last day to compare with
        return _check_undated_limit(limit, stated)
    if first_end is None:
        if limit < effective:
            return [
                (
                    f"$.max_extent_on: the outer limit ({limit.isoformat()}) is before the "
                    f"effective date ({effective.isoformat()})"
                )
            ]
        return []
    first_last_day = first_end - _ONE_DAY
    if limit < first_last_day:
        return [
            (
                f"$.max_extent_on: the outer limit ({limit.isoformat()}) is before the last day "
                f"of the initial period ({first_last_day.isoformat()}); it is the latest possible "
                "last day, renewals included"
            )
        ]
    return []


def _check_events(agreement: Agreement) -> list[str]:
    errors = []
    parties = {p.org for p in agreement.parties} | former_parties()
    parties.update(a.org for a in agreement.amendments if isinstance(a, PartyAdded))
    termination: tuple[int, Termination] | None = None
    for index, event in enumerate(agreement.events):
        if event.by is not None and event.by not in parties:
            known = ", ".join(sorted(parties))
            errors.append(
                f"$.events[{index}].by: {event.by!r} is not a party to this agreement "
                f"(parties: {known})"
            )
        if isinstance(event, NonRenewalNotice) and agreement.renewal is None:
            errors.append(
                f"$.events[{index}]: a notice of non-renewal needs a renewal clause, and this "
                "agreement has none ($.renewal)"
            )
        if isinstance(event, Termination):
            if termination is not None:
                errors.append(
                    f"$.events[{index}]: the agreement is already terminated by "
                    f"$.events[{termination[0]}]; record one termination"
                )
            else:
                termination = (index, event)
    if termination is None:
        return errors
    t_index, ended = termination
    effective = agreement.effective_on
    if effective is not None and ended.on < effective:
        errors.append(
            f"$.events[{t_index}].on: the termination ({ended.on.isoformat()}) is before the "
            f"effective date ({effective.isoformat()})"
        )
    errors.extend(
        f"$.events[{index}].on: notice of non-renewal given on {event.on.isoformat()}, after "
        f"the termination on {ended.on.isoformat()} ($.events[{t_index}])"
        for index, event in enumerate(agreement.events)
        if isinstance(event, NonRenewalNotice) and event.on > ended.on
    )
    return errors


def _check_funding(agreement: Agreement) -> list[str]:
    funding = agreement.funding
    if funding is None:
        return []
    # As for events: a party withdrawn by an amendment keeps its part in the versions after.
    parties = {p.org for p in agreement.parties} | former_parties()
    parties.update(a.org for a in agreement.amendments if isinstance(a, PartyAdded))
    known = ", ".join(sorted(parties))
    errors = []
    if funding.funder not in parties:
        errors.append(
            f"$.funding.funder: {funding.funder!r} is not a party to this agreement "
            f"(parties: {known}); the funder is a party of the agreement it funds"
        )
    errors.extend(
        f"$.funding.contributions[{index}].org: {part.org!r} is not a party to this agreement "
        f"(parties: {known})"
        for index, part in enumerate(funding.contributions)
        if part.org not in parties
    )
    return errors


def _to_amendments(amendments: Iterable[Amendment]) -> tuple[Amendment, ...]:
    return as_tuple(amendments)


def _check_term(agreement: Agreement, effective: dt.date, term: Term) -> list[str]:
    """Whether the term ends within the calendar (before the year 9999), said with its path."""
    try:
        term.end_from(effective, agreement.convention)
    except ValidationError as exc:
        return list(exc.prefixed("$.term").errors)
    return []


def _day_after(day: dt.date | None) -> dt.date | None:
    return None if day is None or day == dt.date.max else day + _ONE_DAY


def _build_schedule(
    agreement: Agreement, *, with_events: bool, stop: dt.date | None = None
) -> _lifecycle.Schedule:
    effective_on = agreement.effective_on
    if effective_on is None:
        return _undated_schedule(agreement, stop=None)
    renewal = agreement.renewal
    automatic = renewal is not None and renewal.automatic
    notices = (
        tuple(e.on for e in agreement.events if isinstance(e, NonRenewalNotice))
        if with_events
        else ()
    )
    options = agreement.options
    exercised = (
        [e for e in agreement.events if isinstance(e, OptionExercised)]
        if options is not None and with_events
        else []
    )
    return _lifecycle.build(
        offsets=offsets(options.lengths[: len(exercised)]) if options is not None else (),
        effective_on=effective_on,
        convention=agreement.convention,
        term=agreement.term,
        stated_end_on=agreement.stated_end_on,
        renewal_term=renewal.term if renewal is not None and automatic else None,
        max_renewals=renewal.max_renewals if renewal is not None else None,
        notice=renewal.notice if renewal is not None else None,
        notices=notices,
        stop=stop,
    )


def _check_ended(schedule: _lifecycle.Schedule, index: int, termination: Termination) -> None:
    """Raise if ``schedule`` had ended by the day of ``termination``, ``$.events[index]``."""
    ended = schedule.final_end
    if ended is not None and termination.on >= ended:
        last = (ended - _ONE_DAY).isoformat()
        msg = (
            f"$.events[{index}].on: the agreement had already ended before the "
            f"termination ({termination.on.isoformat()}): its last day was {last}"
        )
        raise ValidationError([msg])


def _undated_schedule(agreement: Agreement, *, stop: dt.date | None) -> _lifecycle.Schedule:
    """No period; it ends at ``stop`` (a termination) or after its stated last day, if known.

    The stated last day is its last only when nothing extends it (no renewal, no option
    exercised).
    """
    exercised = any(isinstance(e, OptionExercised) for e in agreement.events)
    extended = agreement.renewal is not None or exercised
    stated = None if extended else _day_after(agreement.stated_end_on)
    return _lifecycle.undated(agreement.convention, _earliest(stated, stop))


def _earliest(*days: dt.date | None) -> dt.date | None:
    known = [d for d in days if d is not None]
    return min(known) if known else None


@attrs.frozen
class Agreement:
    """An agreement between two or more organizations, such as an MOU.

    Dates are calendar dates and periods are half-open, ``start <= d < end``. The initial period
    runs from ``effective_on`` for ``term`` counted under ``convention`` (see
    :class:`~lifesci_partners.TermConvention`), or to ``stated_end_on`` when the document states
    its last day. A ``renewal`` clause adds renewal periods, anchored on the original effective
    date; they stop at ``max_renewals``, at the outer limit ``max_extent_on``, after a notice of
    non-renewal, or at a termination. ``signed_on=None`` means the signing date is not known, not
    that the agreement is unsigned. Signing after the effective date (a retroactive agreement) is
    allowed. Events are data; the status on any date is computed from them.

    Args:
        id: The agreement's id in this data set.
        kind: What sort of agreement it is.
        parties: Two or more parties, each a distinct organization.
        effective_on: The first day the agreement is in force; ``None`` when it is not known
            (given explicitly: a missing date is a statement, not a default). Such an agreement
            is never in force, has no periods and no deadlines; its last day is the stated one,
            if any (see :meth:`status_on`).
        term: How long it lasts from ``effective_on``; ``None`` for no stated term (open-ended).
        signed_on: The signing date, when known.
        title: Its title, by locale.
        purpose: What it is for, by locale.
        convention: How the term is counted from ``effective_on``.
        renewal: How it renews after the initial period, if it does.
        max_extent_on: The outer limit: the latest possible last day, renewals included (OCDS
            ``maxExtentDate``). A renewal period that would run past it ends with it.
        stated_end_on: The last day in force as the document states it; it overrides the end
            computed from ``term``, and renewals are then anchored on it.
        events: Notices of non-renewal, options exercised and at most one termination, in any
            order.
        options: Extension options, which extend it only when exercised (instead of a
            ``renewal``).
        amendments: Dated changes to the agreement, in any order (see :meth:`as_of`). The other
            fields are the agreement as first made.
        funding: Who funds it and how much, for a grant (keyword-only); the funder and every
            contributing organization are parties.

    Raises:
        ValidationError: Every problem at once, each with its path: fewer than two distinct
            parties, a field of the wrong type, a stated end before the effective date, an outer
            limit before the initial period's last day, a renewal of an agreement that never
            ends, an event by an organization that is not a party, a termination before the
            effective date or after the agreement ended, a notice after the termination, an
            amendment before the effective date, after the termination or the end, of a party
            that is not one, or that leaves fewer than two parties, a funder or contributor that
            is not a party.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import Agreement, AgreementKind, Party, Term
        >>> mou = Agreement(
        ...     id="mou-link-j-mpr",
        ...     kind=AgreementKind.MOU,
        ...     parties=(Party("link-j"), Party("mpr")),
        ...     effective_on=dt.date(2020, 2, 5),
        ...     term=Term(years=5),
        ... )
        >>> mou.last_day
        datetime.date(2025, 2, 4)
        >>> mou.status_on(dt.date(2026, 11, 26)).value
        'expired'

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``funding``.
    """

    id: str = attrs.field(validator=identifier)
    kind: AgreementKind = attrs.field(validator=instance_of(AgreementKind))
    parties: tuple[Party, ...] = attrs.field(converter=_to_parties, validator=tuple_of(Party))
    effective_on: dt.date | None = attrs.field(validator=optional(date_value))
    term: Term | None = attrs.field(default=None, validator=optional(instance_of(Term)))
    signed_on: dt.date | None = attrs.field(default=None, validator=optional(date_value))
    title: LocalizedText | None = attrs.field(
        default=None, validator=optional(instance_of(LocalizedText))
    )
    purpose: LocalizedText | None = attrs.field(
        default=None, validator=optional(instance_of(LocalizedText))
    )
    convention: TermConvention = attrs.field(
        default=TermConvention.START_DAY_COUNTED, validator=instance_of(TermConvention)
    )
    renewal: Renewal | None = attrs.field(default=None, validator=optional(instance_of(Renewal)))
    max_extent_on: dt.date | None = attrs.field(default=None, validator=optional(date_value))
    stated_end_on: dt.date | None = attrs.field(default=None, validator=optional(date_value))
    events: tuple[AgreementEvent, ...] = attrs.field(
        default=(),
        converter=_to_events,
        validator=tuple_of((NonRenewalNotice, Termination, OptionExercised)),
    )
    options: ExtensionOptions | None = attrs.field(
        default=None, validator=optional(instance_of(ExtensionOptions))
    )
    amendments: tuple[Amendment, ...] = attrs.field(
        default=(), converter=_to_amendments, validator=tuple_of(AMENDMENT_CLASSES)
    )
    funding: Funding | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(Funding))
    )

    def __attrs_post_init__(self) -> None:
        # The usual agreement (distinct parties, no stated end, no options, nothing to check
        # against a schedule) passes with a few comparisons; whatever may be wrong goes to the
        # checks, which say what and where, every problem at once.
        orgs = list(map(_ORG, self.parties))
        errors = [] if len(set(orgs)) == len(orgs) > 1 else _check_parties(self)
        term, effective = self.term, self.effective_on
        term_ok = True
        if (
            term is not None
            and effective is not None
            # Unless it may end in 9999 or later, the end surely exists: no need to compute it
            # (total_months // 12 is years + months // 12; a year more for each remainder).
            and effective.year + term.years + term.months // 12 + term.days // 365 + 2 >= dt.MAXYEAR
        ):
            term_errors = _check_term(self, effective, term)
            term_ok = not term_errors
            errors.extend(term_errors)
        if (
            self.stated_end_on is None
            and self.options is None
            and (term is not None or self.renewal is None)
        ):
            date_errors: list[str] = []  # what _check_dates would find: nothing
        else:
            date_errors = _check_dates(self)
            errors.extend(date_errors)
        events = self.events
        if events:
            errors.extend(_check_events(self))
            if not date_errors and term_ok:
                errors.extend(check_exercises(self))
        if self.funding is not None:
            errors.extend(_check_funding(self))
        if term_ok and not date_errors and self.max_extent_on is not None:
            first_end = _build_schedule(self, with_events=False).boundary(0)
            errors.extend(_check_outer_limit(self, first_end))
        if errors:
            raise ValidationError(errors)
        if self.amendments:
            _ = self._versions  # the last version checks a termination against its periods
        elif events and any(isinstance(event, Termination) for event in events):
            self._check_termination()

    def _check_termination(self) -> None:
        """Check a termination (there is one at most) against the schedule it ends.

        Only the schedule before the termination is built: the one it stops, which most
        agreements read in bulk never need, is built on first use (:attr:`_schedule`).

        Raises:
            ValidationError: The agreement had already ended on the termination date.
        """
        limit_stop = None if self.effective_on is None else _day_after(self.max_extent_on)
        schedule = _build_schedule(self, with_events=True, stop=limit_stop)
        for index, event in enumerate(self.events):
            if isinstance(event, Termination):
                _check_ended(schedule, index, event)
                return

    def _full_schedule(self) -> _lifecycle.Schedule:
        """The schedule with every event applied; checks that a termination came in time.

        Raises:
            ValidationError: The agreement had already ended on the termination date.
        """
        undated = self.effective_on is None
        limit_stop = None if undated else _day_after(self.max_extent_on)
        schedule = _build_schedule(self, with_events=True, stop=limit_stop)
        for index, event in enumerate(self.events):
            if isinstance(event, Termination):
                _check_ended(schedule, index, event)
                stop = _earliest(limit_stop, event.on)
                if undated:
                    schedule = _undated_schedule(self, stop=stop)
                else:
                    schedule = _build_schedule(self, with_events=True, stop=stop)
        return schedule

    @functools.cached_property
    def _schedule(self) -> _lifecycle.Schedule:
        """The periods and deadlines, built once (without a termination, it cannot fail).

        Built on first use: most agreements read in bulk are never asked about their periods (a
        termination is checked at construction, against the schedule before it). A cache, not a
        field: ``attrs.asdict``, equality, pickling and copies leave it out.
        """
        if self._versions:
            return self._versions[-1].agreement._schedule  # noqa: SLF001
        return self._full_schedule()

    @functools.cached_property
    def _versions(self) -> tuple[AgreementVersion, ...]:
        """The versions the amendments make, built and checked at construction if any (a cache)."""
        return build_versions(self) if self.amendments else ()

    @property
    def period(self) -> Period | None:
        """The initial period as written, before renewals, the outer limit and events.

        From ``effective_on`` to the end of the term, or to the day after ``stated_end_on``;
        open-ended if neither is given; ``None`` when the start is not known. See
        :meth:`periods` for the periods in force.

        .. versionchanged:: 0.2.0
           ``None`` for an agreement whose start is not known.
        """
        if self.effective_on is None:
            return None
        if self.stated_end_on is not None:
            return Period(self.effective_on, _day_after(self.stated_end_on))
        if self.term is None:
            return Period(self.effective_on, None)
        return self.term.period_from(self.effective_on, self.convention)

    @property
    def end(self) -> dt.date | None:
        """The exclusive end of the initial period (the day after the last day), if known.

        When the start is not known, the day after the stated last day, if there is one.
        """
        period = self.period
        return _day_after(self.stated_end_on) if period is None else period.end

    @property
    def last_day(self) -> dt.date | None:
        """The inclusive last day of the initial period, if known.

        When the start is not known, the stated last day, if there is one.
        """
        period = self.period
        return self.stated_end_on if period is None else period.last_day

    @property
    def termination(self) -> Termination | None:
        """The termination among the events, if there is one."""
        return next((e for e in self.events if isinstance(e, Termination)), None)

    @property
    def final_end(self) -> dt.date | None:
        """The exclusive end of the last period in force, when it is known.

        ``None`` when the agreement never ends as far as its data tells: open-ended, or renewing
        without limit with no notice of non-renewal given.
        """
        return self._schedule.final_end

    @property
    def final_last_day(self) -> dt.date | None:
        """The last day in force, renewals and events included, when it is known.

        For an agreement terminated on its effective date, never in force, it is the day before.
        When the start is not known, it is the day before a termination, else the stated last
        day if nothing extends it (no renewal, no option exercised), else ``None``.
        """
        end = self._schedule.final_end
        return None if end is None else end - _ONE_DAY

    def periods(self) -> Iterator[Period]:
        """Every period in force, in order: the initial one, then each renewal.

        Renewal ``k`` ends at the effective date plus the initial term plus ``k`` renewal terms,
        computed in one step (or ``k`` renewal terms after ``stated_end_on`` when it is given),
        so month ends never drift. The periods stop at ``max_renewals``, at the outer limit (the
        last one is cut short there), after a notice of non-renewal, or at the termination (the
        period it falls in ends the day before). Lazy: with unlimited renewals the iterator
        runs until the year 9999.

        Example:
            >>> import datetime as dt
            >>> from itertools import islice
            >>> from lifesci_partners import Agreement, AgreementKind, Party, Renewal, Term
            >>> a = Agreement(
            ...     id="a",
            ...     kind=AgreementKind.COOPERATION,
            ...     parties=[Party("x"), Party("y")],
            ...     effective_on=dt.date(2024, 1, 31),
            ...     term=Term(months=1),
            ...     renewal=Renewal(Term(months=1)),
            ... )
            >>> [p.last_day.isoformat() for p in islice(a.periods(), 4)]
            ['2024-02-29', '2024-03-30', '2024-04-30', '2024-05-30']
        """
        return self._schedule.periods()

    def period_on(self, day: dt.date) -> Period | None:
        """The period in force on ``day``, or ``None`` when the agreement is not in force."""
        day = a_date(day, "period_on")
        if self.amendments:
            return self.as_of(day).period_on(day)
        index = self._schedule.index_on(day)
        return None if index is None else self._schedule.period(index)

    def renewal_number_on(self, day: dt.date) -> int | None:
        """Which period runs on ``day``: 0 for the initial term, ``k`` for the k-th renewal.

        ``None`` when the agreement is not in force on ``day``.
        """
        day = a_date(day, "renewal_number_on")
        if self.amendments:
            return self.as_of(day).renewal_number_on(day)
        return self._schedule.index_on(day)

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the agreement is in force on ``day``."""
        day = a_date(day, "in_force_on")
        if self.amendments:
            return self.as_of(day).in_force_on(day)
        return self._schedule.index_on(day) is not None

    def status_on(self, day: dt.date) -> AgreementStatus:
        """The agreement's status on ``day``, computed from its dates and events.

        Draft before a known signing date (an unknown one never makes a draft), signed until the
        effective date, then in force during a period, terminated from the termination date on,
        and expired after the last period.

        When the start is not known (``effective_on`` is ``None``), the agreement is never in
        force: it is a draft before a known signing date, terminated from a termination on,
        expired after its known :attr:`final_last_day`, and signed otherwise. Signed, as for a
        signing date that is not known, because the agreement was made (it is recorded) but is
        not known to have taken effect; a new status would say no more than that.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import Agreement, AgreementKind, Party, Term
            >>> a = Agreement(
            ...     id="a",
            ...     kind=AgreementKind.MOU,
            ...     parties=[Party("x"), Party("y")],
            ...     effective_on=dt.date(2020, 2, 5),
            ...     signed_on=dt.date(2020, 1, 20),
            ...     term=Term(years=5),
            ... )
            >>> [a.status_on(dt.date(y, m, d)).value for y, m, d in
            ...  [(2020, 1, 1), (2020, 1, 20), (2020, 2, 5), (2025, 2, 4), (2025, 2, 5)]]
            ['draft', 'signed', 'in_force', 'in_force', 'expired']
        """
        day = a_date(day, "status_on")
        if self.amendments:
            return self.as_of(day).status_on(day)
        start = self.effective_on
        if start is None:
            return self._undated_status_on(day)
        if day < start:
            unsigned = self.signed_on is not None and day < self.signed_on
            return AgreementStatus.DRAFT if unsigned else AgreementStatus.SIGNED
        termination = self.termination
        if termination is not None and day >= termination.on:
            return AgreementStatus.TERMINATED
        if self.in_force_on(day):
            return AgreementStatus.IN_FORCE
        return AgreementStatus.EXPIRED

    def _undated_status_on(self, day: dt.date) -> AgreementStatus:
        if self.signed_on is not None and day < self.signed_on:
            return AgreementStatus.DRAFT
        termination = self.termination
        if termination is not None and day >= termination.on:
            return AgreementStatus.TERMINATED
        last = self.final_last_day
        if last is not None and day > last:
            return AgreementStatus.EXPIRED
        return AgreementStatus.SIGNED

    def warnings(self) -> tuple[str, ...]:
        """What the agreement says that is allowed but probably wrong, each ``<path>: <what>``.

        Errors make an agreement impossible; a warning is about terms that can be read, and are
        computed as written, but that a person should look at. An agreement warns when notice of
        non-renewal could never be given in time for its first renewal: the notice deadline of
        the initial term falls before the agreement existed (its signing date if known and
        earlier, else its effective date), as with a monthly term and two years' notice. An
        agreement whose start is not known has no deadline, so no warning.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import Agreement, AgreementKind, Party, Renewal, Term
            >>> monthly = Agreement(
            ...     id="a",
            ...     kind=AgreementKind.COOPERATION,
            ...     parties=[Party("x"), Party("y")],
            ...     effective_on=dt.date(2024, 1, 1),
            ...     term=Term(months=1),
            ...     renewal=Renewal(Term(months=1), notice=Term(years=2)),
            ... )
            >>> print(*monthly.warnings())
            $.renewal.notice: notice of non-renewal of the initial term is due by 2022-02-01,
            before the agreement existed (2024-01-01); it can never be given in time

        .. versionadded:: 0.2.0
        """
        renewal = self.renewal
        existed = self.effective_on
        if existed is None or renewal is None or renewal.notice is None or not renewal.automatic:
            return ()
        # Within the outer limit: an initial term that can never renew needs no notice.
        limit_stop = _day_after(self.max_extent_on)
        deadline = _build_schedule(self, with_events=False, stop=limit_stop).deadline(0)
        if self.signed_on is not None:
            existed = min(existed, self.signed_on)
        if deadline is None or deadline >= existed:
            return ()
        warning = (
            f"$.renewal.notice: notice of non-renewal of the initial term is due by "
            f"{deadline.isoformat()}, before the agreement existed ({existed.isoformat()}); it "
            "can never be given in time"
        )
        return (warning,)

    def notice_deadline(self, *, on: dt.date) -> dt.date | None:
        """The last day to give notice of non-renewal for the period running on ``on``.

        The latest date ``D`` whose notice period (``renewal.notice``, counted under
        ``convention`` from ``D``) ends no later than the end of that period; without a notice
        period, its last day. Never a naive subtraction: with a last day of 2021-02-28 and one
        month's notice, it is 2021-02-01 (start day counted), not 2021-01-28. The date may
        already be past; see :meth:`next_notice_deadline`.

        Returns:
            ``None`` when no renewal follows the running period (no automatic renewal, the
            last allowed one, the outer limit, a notice already given, a termination), or when
            the agreement is not in force on ``on``.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import Agreement, AgreementKind, Party, Renewal, Term
            >>> a = Agreement(
            ...     id="a",
            ...     kind=AgreementKind.COOPERATION,
            ...     parties=[Party("x"), Party("y")],
            ...     effective_on=dt.date(2020, 3, 1),
            ...     term=Term(years=1),
            ...     renewal=Renewal(Term(years=1), notice=Term(months=1)),
            ... )
            >>> a.last_day, a.notice_deadline(on=dt.date(2020, 6, 1))
            (datetime.date(2021, 2, 28), datetime.date(2021, 2, 1))
        """
        on = a_date(on, "notice_deadline")
        if self.amendments:
            return self.as_of(on).notice_deadline(on=on)
        if self.options is not None:
            return None  # extended by options, never renewed: see option_deadline
        index = self._schedule.index_on(on)
        return None if index is None else self._schedule.deadline(index)

    def next_notice_deadline(self, *, on: dt.date) -> dt.date | None:
        """The first notice deadline on or after ``on``: what a reminder should announce.

        The deadline of the running period if it has not passed, else that of the first later
        period whose deadline is still ahead. ``None`` when no renewal remains that notice
        given on ``on`` could stop.
        """
        on = a_date(on, "next_notice_deadline")
        if self.amendments:
            return self.as_of(on).next_notice_deadline(on=on)
        if self.options is not None:
            return None  # extended by options, never renewed: see option_deadline
        schedule = self._schedule
        target = schedule.stopped_by_notice(on, schedule.last_index)
        return None if target is None else schedule.deadline(target)

    def expires_within(self, day: dt.date, window: Term) -> bool:
        """Whether the agreement's known last day falls within ``window`` from ``day``.

        The window is counted like a term from ``day`` under the agreement's convention, so
        ``Term(months=3)`` from 2025-01-15 covers 2025-01-15 to 2025-04-14 (start day counted).
        An agreement that keeps renewing has no known last day and never expires within a window.
        With amendments, the last day is the one known on ``day``.
        """
        day = a_date(day, "expires_within")
        if not isinstance(window, Term):
            fix = fix_for((Term,), window)
            msg = f"expires_within() takes a Term as the window, got {describe(window)}{fix}"
            raise WrongTypeError(msg)
        if self.amendments:
            return self.as_of(day).expires_within(day, window)
        last = self.final_last_day
        return last is not None and last in window.period_from(day, self.convention)

    def as_of(self, day: dt.date) -> Agreement:
        """The agreement as it stood on ``day``: every amendment effective by then applied.

        The result has no amendments left; every question about ``day`` (its status, period,
        notice deadline, parties) is the one the agreement answers for ``day``. Before the first
        amendment, and for an agreement without any, it is the agreement as first made. A
        termination, which comes after every amendment, is kept in an earlier version only when
        it falls within that version's periods.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import (
            ...     Agreement, AgreementKind, Party, PartyWithdrawn, Term, TermChanged,
            ... )
            >>> a = Agreement(
            ...     id="a",
            ...     kind=AgreementKind.RESEARCH,
            ...     parties=[Party("x"), Party("y"), Party("z")],
            ...     effective_on=dt.date(2020, 1, 1),
            ...     term=Term(years=3),
            ...     amendments=[
            ...         TermChanged(dt.date(2022, 6, 1), Term(years=4)),
            ...         PartyWithdrawn(dt.date(2021, 7, 1), "z"),
            ...     ],
            ... )
            >>> a.as_of(dt.date(2021, 1, 1)).last_day, a.as_of(dt.date(2023, 1, 1)).last_day
            (datetime.date(2022, 12, 31), datetime.date(2023, 12, 31))
            >>> [p.org for p in a.parties_on(dt.date(2022, 1, 1))]
            ['x', 'y']
            >>> a.status_on(dt.date(2023, 6, 1)).value
            'in_force'

        .. versionadded:: 0.2.0
        """
        day = a_date(day, "as_of")
        if not self.amendments:
            return self
        versions = self._versions
        current = versions[0]
        for version in versions[1:]:
            if version.since is not None and version.since > day:  # only the first has None
                break
            current = version
        return current.agreement

    def history(self) -> tuple[AgreementVersion, ...]:
        """Every version of the agreement, the original first, each with the day it began.

        .. versionadded:: 0.2.0
        """
        if not self.amendments:
            return (AgreementVersion(self.effective_on, self),)
        return self._versions

    def parties_on(self, day: dt.date) -> tuple[Party, ...]:
        """The parties on ``day``, with their roles then: amendments effective by then applied.

        .. versionadded:: 0.2.0
        """
        return self.as_of(day).parties

    def adjusted_notice_deadline(
        self, *, on: dt.date, calendar: BusinessCalendar
    ) -> AdjustedDate | None:
        """:meth:`notice_deadline`, moved by ``calendar``'s rule when it falls on a day off.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import (
            ...     Agreement, AgreementKind, BusinessCalendar, DeadlineRule, Party, Renewal, Term,
            ... )
            >>> a = Agreement(
            ...     id="a",
            ...     kind=AgreementKind.COOPERATION,
            ...     parties=[Party("x"), Party("y")],
            ...     effective_on=dt.date(2020, 6, 1),
            ...     term=Term(years=5),
            ...     renewal=Renewal(Term(years=1), notice=Term(months=1)),
            ... )
            >>> a.notice_deadline(on=dt.date(2025, 1, 1))
            datetime.date(2025, 5, 1)
            >>> bavaria = BusinessCalendar(
            ...     holidays={dt.date(2025, 5, 1): "Tag der Arbeit"}, rule=DeadlineRule.DE_BGB_193
            ... )
            >>> str(a.adjusted_notice_deadline(on=dt.date(2025, 1, 1), calendar=bavaria))
            '2025-05-02 (adjusted from 2025-05-01: public holiday (Tag der Arbeit))'

        .. versionadded:: 0.2.0
        """
        an_instance(
            calendar, BusinessCalendar, "adjusted_notice_deadline", "calendar=BusinessCalendar(...)"
        )
        deadline = self.notice_deadline(on=on)
        return None if deadline is None else calendar.adjust(deadline, DeadlineKind.NOTICE)

    def option_deadline(self, *, on: dt.date) -> dt.date | None:
        """The last day to exercise the next extension option, for the period running on ``on``.

        Computed as a notice deadline is, with the options' notice. ``None`` when the agreement
        has no options left, the next one is already exercised, or it is not in force on ``on``.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import (
            ...     Agreement, AgreementKind, ExtensionOptions, OptionExercised, Party, Term,
            ... )
            >>> a = Agreement(
            ...     id="a",
            ...     kind=AgreementKind.LICENSE,
            ...     parties=[Party("x"), Party("y")],
            ...     effective_on=dt.date(2020, 1, 1),
            ...     term=Term(years=5),
            ...     options=ExtensionOptions.of(Term(years=2), count=2, notice=Term(months=6)),
            ...     events=[OptionExercised(dt.date(2024, 3, 1), by="x")],
            ... )
            >>> a.final_last_day, a.option_deadline(on=dt.date(2025, 1, 1))
            (datetime.date(2026, 12, 31), datetime.date(2026, 7, 1))

        .. versionadded:: 0.2.0
        """
        if self.amendments:
            return self.as_of(on).option_deadline(on=on)
        return option_deadline(self, on)

    def adjusted_option_deadline(
        self, *, on: dt.date, calendar: BusinessCalendar
    ) -> AdjustedDate | None:
        """:meth:`option_deadline`, moved by ``calendar``'s rule when it falls on a day off.

        .. versionadded:: 0.2.0
        """
        an_instance(
            calendar, BusinessCalendar, "adjusted_option_deadline", "calendar=BusinessCalendar(...)"
        )
        deadline = self.option_deadline(on=on)
        return None if deadline is None else calendar.adjust(deadline, DeadlineKind.OPTION)

    def adjusted_last_day(self, *, on: dt.date, calendar: BusinessCalendar) -> AdjustedDate | None:
        """The last day in force as known on ``on``, moved where ``calendar``'s rule says so.

        Only a rule about the last day of any period moves it
        (:attr:`~lifesci_partners.DeadlineRule.JP_CIVIL_CODE_142`); ``None`` when the agreement
        has no known last day.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import (
            ...     Agreement, AgreementKind, BusinessCalendar, DeadlineRule, Party, Term,
            ... )
            >>> a = Agreement(
            ...     id="a",
            ...     kind=AgreementKind.MOU,
            ...     parties=[Party("x"), Party("y")],
            ...     effective_on=dt.date(2020, 5, 4),
            ...     term=Term(years=5),
            ... )
            >>> japan = BusinessCalendar(
            ...     holidays={dt.date(2025, 5, 5): "こどもの日", dt.date(2025, 5, 6): "振替休日"},
            ...     rule=DeadlineRule.JP_CIVIL_CODE_142,
            ... )
            >>> str(a.adjusted_last_day(on=dt.date(2025, 1, 1), calendar=japan))
            '2025-05-07 (adjusted from 2025-05-03: weekend (Saturday))'

        .. versionadded:: 0.2.0
        """
        an_instance(
            calendar, BusinessCalendar, "adjusted_last_day", "calendar=BusinessCalendar(...)"
        )
        last = self.as_of(on).final_last_day
        return None if last is None else calendar.adjust(last, DeadlineKind.TERM_END)
