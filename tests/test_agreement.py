"""Tests for Agreement, Party, AgreementKind and AgreementStatus."""

from __future__ import annotations

import datetime as dt
import re
from itertools import islice, pairwise
from typing import Any

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from lifesci_partners import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    ExtensionOptions,
    LocalizedText,
    NonRenewalNotice,
    OptionExercised,
    Party,
    Period,
    Renewal,
    StatedEndChanged,
    Term,
    TermConvention,
    Termination,
    ValidationError,
    WrongTypeError,
    _agreement,
)
from lifesci_partners import strategies as lst
from tests import oracle

D = dt.date
ONE_DAY = dt.timedelta(days=1)
COUNTED = TermConvention.START_DAY_COUNTED
EXCLUDED = TermConvention.START_DAY_EXCLUDED


def make(**changes: object) -> Agreement:
    fields: dict[str, object] = {
        "id": "mou",
        "kind": AgreementKind.MOU,
        "parties": (Party("link-j"), Party("mpr")),
        "effective_on": D(2020, 2, 5),
        "term": Term(years=5),
    }
    fields.update(changes)
    return Agreement(**fields)  # type: ignore[arg-type]


def renewing(**changes: object) -> Agreement:
    """A one-year agreement from 2020-03-01 that renews yearly, with three months' notice."""
    fields: dict[str, object] = {
        "effective_on": D(2020, 3, 1),
        "term": Term(years=1),
        "renewal": Renewal(Term(years=1), notice=Term(months=3)),
    }
    fields.update(changes)
    return make(**fields)


def shifted(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return day


def landmarks(agreement: Agreement) -> list[dt.date]:
    """Days where something may change: dates of the agreement, period edges, deadlines."""
    days = [oracle.start_of(agreement), *(e.on for e in agreement.events)]
    if agreement.signed_on is not None:
        days.append(agreement.signed_on)
    for period in islice(agreement.periods(), 4):
        days.append(period.start)
        if period.end is not None:
            days.append(period.end)
        deadline = agreement.notice_deadline(on=period.start)
        if deadline is not None:
            days.append(deadline)
    return days


@st.composite
def days_near(draw: st.DrawFn, agreement: Agreement, spread: int = 400) -> dt.date:
    """A day on or near one of the agreement's landmarks."""
    day = draw(st.sampled_from(landmarks(agreement)))
    return shifted(day, draw(st.sampled_from((0, -1, 1)) | st.integers(-spread, spread)))


@st.composite
def renewing_agreements(draw: st.DrawFn) -> Agreement:
    """Agreements with a term that renew automatically, with no events yet."""
    agreement = draw(lst.agreements(lifecycle=False, undated=False))
    renewal = attrs.evolve(draw(lst.renewals()), automatic=True)
    return attrs.evolve(agreement, term=agreement.term or draw(lst.terms()), renewal=renewal)


@st.composite
def ending_agreements(draw: st.DrawFn) -> Agreement:
    """Agreements that end by themselves, without a termination: their final end is known."""
    agreement = draw(lst.agreements(undated=False))
    notices = [e for e in agreement.events if isinstance(e, NonRenewalNotice)]
    agreement = attrs.evolve(agreement, events=notices)
    if agreement.final_end is None and agreement.renewal is not None:
        renewal = attrs.evolve(agreement.renewal, max_renewals=draw(st.integers(1, 5)))
        agreement = attrs.evolve(agreement, renewal=renewal)
    if agreement.final_end is None:
        agreement = attrs.evolve(agreement, term=draw(lst.terms()))
    return agreement


@st.composite
def termination_cases(draw: st.DrawFn) -> tuple[Agreement, dt.date, int]:
    """An agreement without termination, a day it may be terminated on, and a later offset."""
    agreement = draw(lst.agreements(undated=False))
    notices = [e for e in agreement.events if isinstance(e, NonRenewalNotice)]
    agreement = attrs.evolve(agreement, events=notices)
    earliest = max([oracle.start_of(agreement), *(n.on for n in notices)])
    final_end = agreement.final_end
    latest = final_end - ONE_DAY if final_end is not None else shifted(earliest, 20_000)
    assume(earliest <= latest)
    day = min(max(draw(days_near(agreement)), earliest), latest)
    return agreement, day, draw(st.sampled_from((0, 1)) | st.integers(0, 40_000))


@st.composite
def notice_cases(draw: st.DrawFn) -> tuple[Agreement, dt.date]:
    """An automatically renewing agreement without events, and a day near its landmarks."""
    agreement = draw(renewing_agreements())
    return agreement, draw(days_near(agreement))


def jan_31_monthly(**changes: object) -> Agreement:
    """Effective 2024-01-31 for one month, renewing monthly: the month-end stress case."""
    fields: dict[str, object] = {
        "effective_on": D(2024, 1, 31),
        "term": Term(months=1),
        "renewal": Renewal(Term(months=1), notice=Term(days=10)),
    }
    return make(**(fields | changes))


def feb_29_yearly(**changes: object) -> Agreement:
    """Effective 2020-02-29 for one year, renewing yearly at most three times."""
    fields: dict[str, object] = {
        "effective_on": D(2020, 2, 29),
        "term": Term(years=1),
        "renewal": Renewal(Term(years=1), max_renewals=3, notice=Term(months=1)),
    }
    return make(**(fields | changes))


class TestParty:
    def test_bad_org_id(self) -> None:
        """An id with spaces is refused, with the field's path."""
        with pytest.raises(ValidationError, match=r"\$\.org: 'a b' is not a valid id"):
            Party("a b")

    def test_blank_role(self) -> None:
        """A blank role is refused."""
        with pytest.raises(ValidationError, match=r"\$\.role: must not be empty"):
            Party("a", role=" ")


class TestAgreement:
    def test_seed_mou_dates(self) -> None:
        """The seed MOU ends with 2025-02-04."""
        mou = make()
        assert (mou.end, mou.last_day) == (D(2025, 2, 5), D(2025, 2, 4))

    def test_parties_list_becomes_tuple(self) -> None:
        """Parties given as a list are stored as a tuple."""
        assert isinstance(make(parties=[Party("a"), Party("b")]).parties, tuple)

    def test_one_party_refused(self) -> None:
        """An agreement needs two distinct parties."""
        with pytest.raises(ValidationError, match="at least two distinct parties"):
            make(parties=(Party("a"),))

    def test_duplicate_party_reported_with_index(self) -> None:
        """A repeated party is reported at its index."""
        with pytest.raises(ValidationError, match=r"\$\.parties\[2\]\.org: 'a' is already"):
            make(parties=(Party("a"), Party("b"), Party("a")))

    def test_wrong_party_type(self) -> None:
        """A string is not a Party."""
        with pytest.raises(ValidationError, match=r"\$\.parties\[1\]: expected Party"):
            make(parties=(Party("a"), "b"))

    def test_datetime_refused(self) -> None:
        """effective_on must be a date, not a datetime."""
        with pytest.raises(ValidationError, match=r"\$\.effective_on: expected a date"):
            make(effective_on=dt.datetime(2020, 2, 5, tzinfo=dt.timezone.utc))

    def test_term_overflow_reported_at_term(self) -> None:
        """A term that runs past year 9999 is reported at $.term."""
        with pytest.raises(ValidationError, match=r"\$\.term: .*past the year 9999"):
            make(term=Term(years=8000))

    def test_no_term_is_open_ended(self) -> None:
        """Without a term the agreement never expires."""
        open_ended = make(term=None)
        assert open_ended.last_day is None
        assert open_ended.status_on(D(9999, 1, 1)) is AgreementStatus.IN_FORCE

    def test_excluded_convention(self) -> None:
        """The convention changes the last day."""
        assert make(convention=TermConvention.START_DAY_EXCLUDED).last_day == D(2025, 2, 5)

    def test_frozen(self) -> None:
        """Agreements are immutable."""
        mou = make()
        with pytest.raises(AttributeError):
            mou.id = "x"  # type: ignore[misc]

    def test_localized_fields(self) -> None:
        """Title and purpose are localized texts."""
        mou = make(title=LocalizedText({"en": "MOU"}))
        assert mou.title is not None
        assert mou.title.best("en") == "MOU"


class TestStatus:
    def test_unknown_signing_date_is_never_draft(self) -> None:
        """With signed_on unknown, before the effective date is 'signed', not draft."""
        assert make().status_on(D(2019, 1, 1)) is AgreementStatus.SIGNED

    def test_draft_before_signing(self) -> None:
        """Before a known signing date the agreement is a draft."""
        assert make(signed_on=D(2020, 1, 10)).status_on(D(2020, 1, 9)) is AgreementStatus.DRAFT

    def test_retroactive_agreement_in_force_before_signing(self) -> None:
        """Signed after its effective date, it is in force from the effective date."""
        mou = make(signed_on=D(2020, 3, 1))
        assert mou.status_on(D(2020, 2, 10)) is AgreementStatus.IN_FORCE

    def test_seed_mou_on_2026_11_26(self) -> None:
        """The seed MOU is expired on 2026-11-26."""
        assert make().status_on(D(2026, 11, 26)) is AgreementStatus.EXPIRED

    @given(lst.agreements(undated=False), lst.dates())
    def test_in_force_on_agrees_with_status(self, agreement: Agreement, day: dt.date) -> None:
        """in_force_on(d) is exactly status_on(d) == IN_FORCE."""
        in_force = agreement.status_on(day) is AgreementStatus.IN_FORCE
        assert agreement.in_force_on(day) == in_force


class TestWrongArguments:
    """A wrong type from a Python caller is a WrongTypeError (a TypeError) that says the fix."""

    def test_status_on_text(self) -> None:
        """A date written as text names datetime.date.fromisoformat."""
        fix = re.escape("use datetime.date.fromisoformat('2026-01-01')")
        with pytest.raises(
            WrongTypeError, match=rf"^status_on\(\) takes a datetime.date, .*{fix}$"
        ):
            make().status_on("2026-01-01")  # type: ignore[arg-type]

    def test_status_on_text_is_a_type_error(self) -> None:
        """Code that catches TypeError catches it."""
        with pytest.raises(TypeError):
            make().status_on("2026-01-01")  # type: ignore[arg-type]

    def test_datetime_is_refused(self) -> None:
        """A datetime is no calendar date; the message says to take its date()."""
        with pytest.raises(WrongTypeError, match=r"use its \.date\(\)"):
            make().in_force_on(dt.datetime(2021, 1, 1))  # noqa: DTZ001  # the wrong type on purpose

    @pytest.mark.parametrize(
        "call",
        [
            lambda a: a.period_on("2021-01-01"),
            lambda a: a.renewal_number_on(None),
            lambda a: a.notice_deadline(on=20210101),
            lambda a: a.next_notice_deadline(on="2021-01-01"),
            lambda a: a.expires_within("2021-01-01", Term(years=1)),
        ],
    )
    def test_every_method_taking_a_date(self, call: Any) -> None:
        """Each method that takes a date checks it and names itself."""
        with pytest.raises(WrongTypeError, match=r"^[a-z_]+\(\) takes a datetime.date"):
            call(make())

    def test_expires_within_window_as_text(self) -> None:
        """A window written as ISO text names Term.parse."""
        with pytest.raises(WrongTypeError, match=re.escape("use Term.parse('P3M')")):
            make().expires_within(D(2021, 1, 1), "P3M")  # type: ignore[arg-type]


class TestRenewalPeriods:
    def test_anchored_on_the_effective_date(self) -> None:
        """Monthly renewals from Jan 31 end with each month's end, never drifting to the 28th."""
        ends = [p.last_day for p in islice(jan_31_monthly().periods(), 4)]
        assert ends == [D(2024, 2, 29), D(2024, 3, 30), D(2024, 4, 30), D(2024, 5, 30)]

    def test_excluded_convention_renewals(self) -> None:
        """Start day excluded: each renewal ends on the corresponding date."""
        mou = renewing(effective_on=D(2020, 2, 5), term=Term(years=5), convention=EXCLUDED)
        ends = [p.last_day for p in islice(mou.periods(), 2)]
        assert ends == [D(2025, 2, 5), D(2026, 2, 5)]

    def test_max_renewals(self) -> None:
        """Three renewals allowed: four periods, and the final end is known."""
        agreement = feb_29_yearly()
        assert len(list(agreement.periods())) == 4
        assert agreement.final_last_day == D(2024, 2, 28)

    def test_unlimited_is_lazy(self) -> None:
        """Unlimited renewals: periods() is an iterator that can be consumed piecemeal."""
        periods = renewing().periods()
        assert next(periods) == Period(D(2020, 3, 1), D(2021, 3, 1))
        assert next(periods) == Period(D(2021, 3, 1), D(2022, 3, 1))

    def test_unlimited_has_no_final_end(self) -> None:
        """An evergreen agreement without notice never ends, as far as its data tells."""
        agreement = renewing()
        assert (agreement.final_end, agreement.final_last_day) == (None, None)

    def test_far_future_period_without_iterating(self) -> None:
        """period_on finds the period of any date directly, even thousands of renewals away."""
        daily = renewing(term=Term(days=1), renewal=Renewal(Term(days=1)))
        assert (
            daily.renewal_number_on(D(9000, 1, 1))
            == D(9000, 1, 1).toordinal() - D(2020, 3, 1).toordinal()
        )

    def test_renewal_by_consent_is_not_presumed(self) -> None:
        """A non-automatic renewal adds no period by itself."""
        agreement = renewing(renewal=Renewal(Term(years=1), automatic=False))
        assert agreement.final_last_day == D(2021, 2, 28)
        assert agreement.notice_deadline(on=D(2020, 6, 1)) is None

    def test_outer_limit_cuts_the_last_period(self) -> None:
        """A renewal period that would run past the outer limit ends with it."""
        agreement = renewing(max_extent_on=D(2022, 6, 30))
        assert list(agreement.periods())[-1] == Period(D(2022, 3, 1), D(2022, 7, 1))
        assert agreement.final_last_day == D(2022, 6, 30)

    def test_stated_end_overrides_the_term(self) -> None:
        """A stated end replaces the computed end, and renewals are anchored on it."""
        agreement = renewing(stated_end_on=D(2021, 3, 31))
        ends = [p.last_day for p in islice(agreement.periods(), 2)]
        assert ends == [D(2021, 3, 31), D(2022, 3, 31)]

    def test_renewal_numbers(self) -> None:
        """renewal_number_on says which renewal runs: 0 for the initial term."""
        agreement = renewing()
        assert [
            agreement.renewal_number_on(d) for d in (D(2020, 2, 29), D(2021, 2, 28), D(2021, 3, 1))
        ] == [None, 0, 1]

    def test_period_on(self) -> None:
        """period_on gives the period in force on a date."""
        assert renewing().period_on(D(2021, 6, 1)) == Period(D(2021, 3, 1), D(2022, 3, 1))


class TestWarnings:
    def test_notice_longer_than_the_term_warns(self) -> None:
        """A monthly agreement with two years' notice warns: its first deadline came before it."""
        monthly = make(
            effective_on=D(2024, 1, 1),
            term=Term(months=1),
            renewal=Renewal(Term(months=1), notice=Term(years=2)),
        )
        expected = (
            "$.renewal.notice: notice of non-renewal of the initial term is due by 2022-02-01, "
            "before the agreement existed (2024-01-01); it can never be given in time"
        )
        assert monthly.warnings() == (expected,)

    def test_signed_early_enough(self) -> None:
        """Signed long before it takes effect, the same notice can be given in time."""
        signed_early = make(
            effective_on=D(2024, 1, 1),
            signed_on=D(2021, 1, 1),
            term=Term(months=1),
            renewal=Renewal(Term(months=1), notice=Term(years=2)),
        )
        assert signed_early.warnings() == ()

    @given(lst.agreements(undated=False))
    def test_warns_exactly_when_the_first_deadline_is_before_the_start(
        self, agreement: Agreement
    ) -> None:
        """A warning is there exactly when the first deadline precedes the agreement."""
        renewal = agreement.renewal
        deadline = None
        if renewal is not None and renewal.automatic and renewal.notice is not None:
            as_signed = attrs.evolve(agreement, events=())  # before any notice or termination
            deadline = as_signed.notice_deadline(on=oracle.start_of(agreement))
        start = oracle.start_of(agreement)
        existed = min(start, agreement.signed_on or start)
        assert bool(agreement.warnings()) == (deadline is not None and deadline < existed)


class TestNoticeDeadline:
    @pytest.mark.parametrize(
        ("convention", "effective_on", "deadline"),
        [(COUNTED, D(2020, 3, 1), D(2021, 2, 1)), (EXCLUDED, D(2020, 2, 28), D(2021, 1, 31))],
    )
    def test_never_a_naive_subtraction(
        self, convention: TermConvention, effective_on: dt.date, deadline: dt.date
    ) -> None:
        """Last day 2021-02-28 with one month's notice: not 2021-01-28."""
        agreement = renewing(
            convention=convention,
            effective_on=effective_on,
            renewal=Renewal(Term(years=1), notice=Term(months=1)),
        )
        assert agreement.last_day == D(2021, 2, 28)
        assert agreement.notice_deadline(on=D(2020, 6, 1)) == deadline

    def test_three_months(self) -> None:
        """Three months' notice before a period ending with 2021-02-28: from 2020-12-01."""
        assert renewing().notice_deadline(on=D(2020, 3, 1)) == D(2020, 12, 1)

    def test_without_notice_period_the_last_day(self) -> None:
        """No notice period: notice may be given up to the last day."""
        agreement = renewing(renewal=Renewal(Term(years=1)))
        assert agreement.notice_deadline(on=D(2020, 3, 1)) == D(2021, 2, 28)

    def test_none_when_not_in_force(self) -> None:
        """Before the effective date no period is running."""
        assert renewing().notice_deadline(on=D(2020, 2, 29)) is None

    def test_none_for_the_last_allowed_period(self) -> None:
        """No renewal follows the last allowed period, so there is no deadline."""
        assert feb_29_yearly().notice_deadline(on=D(2023, 6, 1)) is None

    def test_next_deadline_skips_a_passed_one(self) -> None:
        """After this period's deadline, the next one is that of the following period."""
        agreement = renewing()
        assert agreement.next_notice_deadline(on=D(2020, 12, 1)) == D(2020, 12, 1)
        assert agreement.next_notice_deadline(on=D(2020, 12, 2)) == D(2021, 12, 1)

    def test_next_deadline_before_the_effective_date(self) -> None:
        """Before the agreement starts, the next deadline is that of the initial period."""
        assert renewing().next_notice_deadline(on=D(2019, 1, 1)) == D(2020, 12, 1)

    def test_notice_in_time_ends_with_the_running_period(self) -> None:
        """A notice on the deadline ends the agreement with the running period."""
        agreement = renewing(events=[NonRenewalNotice(D(2020, 12, 1), "mpr")])
        assert agreement.final_last_day == D(2021, 2, 28)
        assert agreement.status_on(D(2021, 3, 1)) is AgreementStatus.EXPIRED

    def test_late_notice_takes_effect_a_period_later(self) -> None:
        """A notice a day late lets the agreement renew once more."""
        agreement = renewing(events=[NonRenewalNotice(D(2020, 12, 2), "mpr")])
        assert agreement.final_last_day == D(2022, 2, 28)


class TestTermination:
    def test_status_from_its_date(self) -> None:
        """Terminated from the termination date on, in force the day before."""
        agreement = renewing(events=[Termination(D(2021, 7, 1), by="link-j")])
        assert agreement.status_on(D(2021, 6, 30)) is AgreementStatus.IN_FORCE
        assert agreement.status_on(D(2021, 7, 1)) is AgreementStatus.TERMINATED

    def test_cuts_the_period(self) -> None:
        """The period the termination falls in ends the day before it."""
        agreement = renewing(events=[Termination(D(2021, 7, 1))])
        assert list(agreement.periods())[-1] == Period(D(2021, 3, 1), D(2021, 7, 1))
        assert agreement.final_last_day == D(2021, 6, 30)

    def test_on_the_effective_date(self) -> None:
        """Terminated on its first day: never in force."""
        agreement = renewing(events=[Termination(D(2020, 3, 1))])
        assert list(agreement.periods()) == []
        assert agreement.status_on(D(2020, 3, 1)) is AgreementStatus.TERMINATED

    def test_termination_property(self) -> None:
        """The termination is found among the events."""
        ended = Termination(D(2021, 7, 1))
        agreement = renewing(events=[NonRenewalNotice(D(2021, 1, 1), "mpr"), ended])
        assert agreement.termination == ended


class TestExpiresWithin:
    def test_within(self) -> None:
        """The seed MOU's last day, 2025-02-04, is within three months of 2024-11-05."""
        assert make().expires_within(D(2024, 11, 5), Term(months=3))

    def test_window_end_is_exclusive(self) -> None:
        """Three months from 2024-11-04 cover up to 2025-02-03 only."""
        assert not make().expires_within(D(2024, 11, 4), Term(months=3))

    def test_already_expired(self) -> None:
        """An agreement whose last day has passed does not expire within a later window."""
        assert not make().expires_within(D(2025, 2, 5), Term(years=1))

    def test_evergreen_never_expires(self) -> None:
        """An agreement that keeps renewing has no known last day."""
        assert not renewing().expires_within(D(2021, 1, 1), Term(years=50))


class TestLifecycleValidation:
    def errors(self, **changes: object) -> tuple[str, ...]:
        """The problems reported for a renewing agreement with ``changes``."""
        with pytest.raises(ValidationError) as info:
            renewing(**changes)
        return info.value.errors

    def test_effective_before_signed_is_allowed(self) -> None:
        """A retroactive agreement is valid."""
        assert renewing(signed_on=D(2020, 6, 1)).signed_on == D(2020, 6, 1)

    def test_termination_before_effective_date(self) -> None:
        """A termination before the effective date is reported at its path."""
        assert self.errors(events=[Termination(D(2020, 2, 1))]) == (
            (
                "$.events[0].on: the termination (2020-02-01) is before the effective date "
                "(2020-03-01)"
            ),
        )

    def test_notice_after_termination(self) -> None:
        """A notice after the termination is reported at the notice's path."""
        events = [Termination(D(2021, 1, 1)), NonRenewalNotice(D(2021, 1, 2), "mpr")]
        assert self.errors(events=events) == (
            (
                "$.events[1].on: notice of non-renewal given on 2021-01-02, after the termination "
                "on 2021-01-01 ($.events[0])"
            ),
        )

    def test_stated_end_before_start(self) -> None:
        """A stated end before the effective date is reported."""
        assert self.errors(stated_end_on=D(2020, 2, 28)) == (
            (
                "$.stated_end_on: the stated end (2020-02-28) is before the effective date "
                "(2020-03-01); it is the last day the agreement is in force"
            ),
        )

    def test_outer_limit_before_first_period_end(self) -> None:
        """An outer limit before the initial period's last day is reported."""
        assert self.errors(max_extent_on=D(2021, 2, 27)) == (
            (
                "$.max_extent_on: the outer limit (2021-02-27) is before the last day of the "
                "initial period (2021-02-28); it is the latest possible last day, renewals included"
            ),
        )

    def test_outer_limit_on_the_last_day_is_allowed(self) -> None:
        """An outer limit equal to the initial period's last day means no renewal."""
        assert len(list(renewing(max_extent_on=D(2021, 2, 28)).periods())) == 1

    def test_termination_after_the_end(self) -> None:
        """A termination after the agreement ended is reported, with the last day."""
        assert self.errors(
            renewal=Renewal(Term(years=1), max_renewals=1), events=[Termination(D(2022, 3, 1))]
        ) == (
            (
                "$.events[0].on: the agreement had already ended before the termination "
                "(2022-03-01): its last day was 2022-02-28"
            ),
        )

    def test_event_by_a_stranger(self) -> None:
        """An event by an organization that is not a party is reported."""
        assert self.errors(events=[NonRenewalNotice(D(2020, 5, 1), "acme")]) == (
            "$.events[0].by: 'acme' is not a party to this agreement (parties: link-j, mpr)",
        )

    def test_notice_without_renewal(self) -> None:
        """A notice of non-renewal needs a renewal clause."""
        assert self.errors(renewal=None, events=[NonRenewalNotice(D(2020, 5, 1), "mpr")]) == (
            (
                "$.events[0]: a notice of non-renewal needs a renewal clause, and this agreement "
                "has none ($.renewal)"
            ),
        )

    def test_two_terminations(self) -> None:
        """Only one termination may be recorded."""
        events = [Termination(D(2020, 5, 1)), Termination(D(2020, 6, 1))]
        assert self.errors(events=events) == (
            (
                "$.events[1]: the agreement is already terminated by $.events[0]; record one "
                "termination"
            ),
        )

    def test_renewal_of_open_ended_agreement(self) -> None:
        """An agreement without a term or stated end cannot renew."""
        assert self.errors(term=None) == (
            (
                "$.renewal: an agreement with no term and no stated end never ends, so it cannot "
                "renew; give a term or a stated_end_on"
            ),
        )

    def test_wrong_event_type(self) -> None:
        """Something that is not an event is reported at its index."""
        (error,) = self.errors(events=["terminated"])
        assert error.startswith(
            "$.events[0]: expected NonRenewalNotice or Termination or OptionExercised, got str"
        )

    def test_all_problems_at_once(self) -> None:
        """Problems of different fields are reported together."""
        errors = self.errors(
            stated_end_on=D(2019, 1, 1), events=[Termination(D(2019, 1, 1), by="acme")]
        )
        assert len(errors) == 3


class TestLifecycleProperties:
    """The lifecycle invariants of issue 3 (properties 5 to 11)."""

    @given(lst.agreements(undated=False))
    @example(jan_31_monthly())
    @example(feb_29_yearly())
    @example(feb_29_yearly(convention=EXCLUDED, stated_end_on=D(2021, 2, 28)))
    @example(jan_31_monthly(max_extent_on=D(2024, 6, 15)))
    def test_p05_renewal_periods_tile(self, agreement: Agreement) -> None:
        """Property 5: no gap, no overlap, increasing, every boundary the anchored computation."""
        periods = list(islice(agreement.periods(), 40))
        for before, after in pairwise(periods):
            assert before.end == after.start
        for k, period in enumerate(periods):
            if agreement.renewal is None or period.end is None:
                continue
            anchored = oracle.renewal_boundary(agreement, k)
            if k < len(periods) - 1:
                assert period.end == anchored
            else:  # the last period may be cut by the outer limit or a termination
                assert period.end <= anchored

    @given(lst.agreements(undated=False))
    @example(jan_31_monthly())
    @example(feb_29_yearly(events=[Termination(D(2022, 3, 1))]))
    def test_p06_start_and_last_day_in_the_period(self, agreement: Agreement) -> None:
        """Property 6: start and last day are in the period; the day before and the end are not."""
        for period in islice(agreement.periods(), 12):
            assert agreement.period_on(period.start) == period
            assert agreement.period_on(period.start - ONE_DAY) != period
            if period.end is not None:
                assert period.last_day is not None
                assert agreement.period_on(period.last_day) == period
                assert agreement.period_on(period.end) != period

    @given(ending_agreements())
    @example(make())  # the seed MOU: in force 2025-02-04, expired 2025-02-05
    @example(feb_29_yearly())
    @example(renewing(events=[NonRenewalNotice(D(2020, 12, 1), "mpr")]))
    @example(renewing(max_extent_on=D(2022, 2, 28)))
    def test_p07_in_force_on_the_last_day_expired_the_next(self, agreement: Agreement) -> None:
        """Property 7: when nothing renews, in force on the final last day, expired the next."""
        last = agreement.final_last_day
        assert last is not None
        assert agreement.status_on(last) is AgreementStatus.IN_FORCE
        assert agreement.status_on(last + ONE_DAY) is AgreementStatus.EXPIRED

    @given(st.data())
    def test_p08_exactly_one_status_per_date(self, data: st.DataObject) -> None:
        """Property 8: exactly one status's defining condition holds, and status_on returns it.

        The conditions are checked without status_on or period_on: periods are scanned.
        """
        agreement = data.draw(lst.agreements(undated=False))
        day = data.draw(days_near(agreement))
        signed, effective = agreement.signed_on, oracle.start_of(agreement)
        ended = agreement.termination
        in_a_period = False
        for period in agreement.periods():
            if period.start > day:
                break
            if day in period:
                in_a_period = True
                break
        draft = signed is not None and day < signed and day < effective
        terminated = ended is not None and day >= ended.on
        holds = {
            AgreementStatus.DRAFT: draft,
            AgreementStatus.SIGNED: day < effective and not draft,
            AgreementStatus.TERMINATED: terminated,
            AgreementStatus.IN_FORCE: in_a_period and not terminated,
            AgreementStatus.EXPIRED: day >= effective and not in_a_period and not terminated,
        }
        assert [status for status, holding in holds.items() if holding] == [
            agreement.status_on(day)
        ]

    @given(st.data())
    def test_p08_status_changes_only_at_boundaries_or_events(self, data: st.DataObject) -> None:
        """Property 8: from one day to the next, status changes only at a boundary or event."""
        agreement = data.draw(lst.agreements(undated=False))
        day = data.draw(days_near(agreement))
        assume(day < dt.date.max)
        following = day + ONE_DAY
        if agreement.status_on(day) is agreement.status_on(following) and (
            agreement.renewal_number_on(day) == agreement.renewal_number_on(following)
        ):
            return
        changes = {agreement.effective_on, agreement.signed_on}
        changes.update(e.on for e in agreement.events if isinstance(e, Termination))
        running, next_running = agreement.period_on(day), agreement.period_on(following)
        changes.update(p.end for p in (running,) if p is not None)
        changes.update(p.start for p in (next_running,) if p is not None)
        assert following in changes

    @given(termination_cases())
    @example((feb_29_yearly(), D(2021, 2, 28), 1))  # the last day of the initial term
    @example((feb_29_yearly(), D(2021, 3, 1), 0))  # the first day of a renewal
    @example((renewing(), D(2020, 3, 1), 40_000))  # the effective date
    @example((jan_31_monthly(max_extent_on=D(2024, 6, 15)), D(2024, 6, 15), 3))
    def test_p09_termination_wins(self, case: tuple[Agreement, dt.date, int]) -> None:
        """Property 9: terminated from its date on, whatever the renewals; unchanged before."""
        agreement, terminated_on, later_by = case
        ended = attrs.evolve(agreement, events=(*agreement.events, Termination(terminated_on)))
        later = shifted(terminated_on, later_by)
        assert ended.status_on(terminated_on) is AgreementStatus.TERMINATED
        assert ended.status_on(later) is AgreementStatus.TERMINATED
        assert ended.period_on(later) is None
        before = terminated_on - ONE_DAY
        assert ended.status_on(before) is agreement.status_on(before)

    @given(notice_cases())
    @example((renewing(), D(2020, 6, 1)))
    @example((feb_29_yearly(), D(2020, 2, 29)))
    @example((jan_31_monthly(), D(2024, 3, 30)))
    @example((renewing(convention=EXCLUDED), D(2020, 3, 1)))
    @example(
        (renewing(term=Term(months=11, days=30), renewal=Renewal(Term(months=1))), D(2021, 1, 1))
    )
    def test_p10_notice_on_the_deadline_is_in_time(self, case: tuple[Agreement, dt.date]) -> None:
        """Property 10: a notice on the deadline is in time; a day later, it is not."""
        agreement, day = case
        deadline = agreement.notice_deadline(on=day)
        running = agreement.period_on(day)
        assume(deadline is not None and running is not None)
        assert deadline is not None
        assert running is not None
        assert running.end is not None
        by = agreement.parties[0].org
        in_time = attrs.evolve(agreement, events=[NonRenewalNotice(deadline, by)])
        late = attrs.evolve(agreement, events=[NonRenewalNotice(deadline + ONE_DAY, by)])
        assert in_time.final_end is not None
        assert in_time.final_end <= running.end
        assert late.in_force_on(running.end)

    @given(lst.agreements(undated=False))
    @example(feb_29_yearly())
    @example(renewing(max_extent_on=D(2022, 6, 30)))
    @example(jan_31_monthly(max_extent_on=D(2024, 3, 30)))
    @example(jan_31_monthly(renewal=Renewal(Term(months=1), max_renewals=2)))
    def test_p11_caps_hold(self, agreement: Agreement) -> None:
        """Property 11: never more renewals than allowed, never past the outer limit."""
        renewal = agreement.renewal
        allowed = 0 if renewal is None or not renewal.automatic else renewal.max_renewals
        periods = list(islice(agreement.periods(), 60 if allowed is None else allowed + 2))
        if allowed is not None:
            assert len(periods) <= allowed + 1
        limit = agreement.max_extent_on
        if limit is not None:
            assert all(p.last_day is not None and p.last_day <= limit for p in periods)


def undated(**changes: object) -> Agreement:
    """A grant whose start is not known, signed 2020-01-10, last day 2022-12-31 as stated."""
    fields: dict[str, object] = {
        "effective_on": None,
        "term": None,
        "signed_on": D(2020, 1, 10),
        "stated_end_on": D(2022, 12, 31),
    }
    fields.update(changes)
    return make(**fields)


@st.composite
def undated_agreements(draw: st.DrawFn) -> Agreement:
    """Agreements drawn by the public strategy whose start is not known."""
    agreement = draw(lst.agreements())
    assume(agreement.effective_on is None)
    return agreement


class TestUndated:
    def test_effective_on_is_required(self) -> None:
        """An unknown start is stated with None, never left out."""
        with pytest.raises(TypeError, match="effective_on"):
            Agreement("a", AgreementKind.MOU, [Party("x"), Party("y")])  # type: ignore[call-arg]

    def test_never_in_force_and_no_period(self) -> None:
        """With no start, there is no period, so it is in force on no day."""
        a = undated(renewal=Renewal(Term(years=1), notice=Term(months=3)))
        assert a.period is None
        assert list(a.periods()) == []
        assert not a.in_force_on(D(2021, 6, 1))
        assert a.period_on(D(2021, 6, 1)) is None
        assert a.renewal_number_on(D(2021, 6, 1)) is None

    def test_no_deadlines_and_no_warning(self) -> None:
        """No period to give notice for: no deadline, and nothing to warn about."""
        a = undated(renewal=Renewal(Term(months=1), notice=Term(years=2)))
        assert a.notice_deadline(on=D(2021, 6, 1)) is None
        assert a.next_notice_deadline(on=D.min) is None
        assert a.warnings() == ()

    def test_last_day_is_the_stated_one(self) -> None:
        """The stated last day is its last day and, when nothing extends it, its final one."""
        a = undated()
        assert (a.last_day, a.end) == (D(2022, 12, 31), D(2023, 1, 1))
        assert a.final_last_day == D(2022, 12, 31)
        assert a.expires_within(D(2022, 12, 1), Term(months=1))

    def test_renewal_leaves_the_final_day_unknown(self) -> None:
        """A renewal from a stated end whose start is not known gives no known final day."""
        assert undated(renewal=Renewal(Term(years=1))).final_last_day is None

    def test_options_kept_with_no_deadline(self) -> None:
        """Options and their exercise are kept; with no period, there is no deadline to check."""
        options = ExtensionOptions.of(Term(years=1), count=2, notice=Term(months=6))
        assert undated(options=options).final_last_day == D(2022, 12, 31)  # none exercised
        a = undated(options=options, events=[OptionExercised(D(2022, 6, 1), by="mpr")])
        assert a.option_deadline(on=D(2022, 1, 1)) is None
        assert a.final_last_day is None  # extended by an option, from a start not known

    def test_no_dates_at_all(self) -> None:
        """With neither start nor end, no day of it is known."""
        a = undated(stated_end_on=None, signed_on=None)
        assert (a.period, a.last_day, a.final_last_day) == (None, None, None)

    @pytest.mark.parametrize(
        ("day", "status"),
        [
            (D(2020, 1, 9), AgreementStatus.DRAFT),
            (D(2020, 1, 10), AgreementStatus.SIGNED),
            (D(2022, 12, 31), AgreementStatus.SIGNED),
            (D(2023, 1, 1), AgreementStatus.EXPIRED),
        ],
    )
    def test_status(self, day: dt.date, status: AgreementStatus) -> None:
        """Draft before signing, signed (not known in force), expired after the stated end."""
        assert undated().status_on(day) is status

    def test_status_terminated(self) -> None:
        """A termination ends it on its day, the day before being its final last day."""
        a = undated(events=[Termination(D(2021, 5, 1))])
        assert a.status_on(D(2021, 5, 1)) is AgreementStatus.TERMINATED
        assert a.status_on(D(2021, 4, 30)) is AgreementStatus.SIGNED
        assert a.final_last_day == D(2021, 4, 30)

    def test_termination_after_the_stated_end_is_refused(self) -> None:
        """A termination after the stated last day comes after the agreement ended."""
        with pytest.raises(ValidationError, match=r"its last day was 2022-12-31"):
            undated(events=[Termination(D(2023, 2, 1))])

    def test_outer_limit_before_the_stated_end_is_refused(self) -> None:
        """The outer limit cannot come before the stated last day."""
        with pytest.raises(ValidationError, match=r"before the stated last day \(2022-12-31\)"):
            undated(max_extent_on=D(2022, 1, 1))

    def test_amendment_on_any_day_before_the_end(self) -> None:
        """With no start, no amendment is before it; the original version has no date."""
        a = undated(amendments=[StatedEndChanged(D(1990, 1, 1), D(2024, 6, 30))])
        assert [v.since for v in a.history()] == [None, D(1990, 1, 1)]
        assert a.as_of(D(1989, 12, 31)).last_day == D(2022, 12, 31)
        assert a.as_of(D(2023, 1, 1)).last_day == D(2024, 6, 30)

    @given(undated_agreements(), lst.dates())
    def test_p_in_force_on_no_day(self, agreement: Agreement, day: dt.date) -> None:
        """Property: an agreement with no known start is in force on no day, with no deadline."""
        assert not agreement.in_force_on(day)
        assert agreement.period_on(day) is None
        assert agreement.notice_deadline(on=day) is None
        assert agreement.status_on(day) is not AgreementStatus.IN_FORCE

    @given(undated_agreements(), lst.dates())
    def test_p_status(self, agreement: Agreement, day: dt.date) -> None:
        """Property: the status of an undated agreement follows its known dates alone."""
        signed, ended, last = agreement.signed_on, agreement.termination, agreement.final_last_day
        if signed is not None and day < signed:
            expected = AgreementStatus.DRAFT
        elif ended is not None and day >= ended.on:
            expected = AgreementStatus.TERMINATED
        elif last is not None and day > last:
            expected = AgreementStatus.EXPIRED
        else:
            expected = AgreementStatus.SIGNED
        assert agreement.status_on(day) is expected


def _unchecked(**fields: Any) -> Agreement:
    """An Agreement with ``fields`` set as __init__ sets them, without any of its checks."""
    made = object.__new__(Agreement)
    for field in attrs.fields(Agreement):
        value = fields.get(field.name, field.default)
        object.__setattr__(made, field.name, value)
    return made


class TestQuickChecks:
    """The usual agreement passes its rules across fields in a few comparisons."""

    @given(
        lst.agreements(lifecycle=False),
        st.lists(st.sampled_from(["x", "y", "z"]), max_size=4),
        st.booleans(),
        st.booleans(),
        st.booleans(),
    )
    def test_same_problems_as_the_full_checks(
        self,
        agreement: Agreement,
        orgs: list[str],
        no_term: bool,  # drawn
        renews: bool,  # drawn
        stated: bool,  # drawn
    ) -> None:
        """The parties' and the dates' problems are those their checks find, in full, or none."""
        fields = {f.name: getattr(agreement, f.name) for f in attrs.fields(Agreement)}
        fields["parties"] = tuple(Party(org) for org in orgs)
        if no_term:
            fields["term"] = None
        if renews:
            fields["renewal"] = Renewal(Term(years=1))
        if stated and agreement.effective_on is not None:
            fields["stated_end_on"] = agreement.effective_on - dt.timedelta(days=1)
        reference = _agreement._check_parties(_unchecked(**fields))
        reference += _agreement._check_dates(_unchecked(**fields))
        try:
            Agreement(**fields)
        except ValidationError as exc:
            found = [e for e in exc.errors if e.startswith(("$.parties", "$.stated", "$.renewal"))]
        else:
            found = []
        assert found == reference
