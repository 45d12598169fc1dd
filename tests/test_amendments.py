"""Tests for amendments: Agreement.as_of, Agreement.history and the amendment classes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    ContributionChanged,
    LocalizedText,
    Money,
    NonRenewalNotice,
    Party,
    PartyAdded,
    PartyWithdrawn,
    Renewal,
    RoleChanged,
    StatedEndChanged,
    Term,
    TermChanged,
    Termination,
    TitleChanged,
    ValidationError,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst
from tests import oracle

D = dt.date
DATA = Path(__file__).parent / "data" / "cordis_amended_projects.json"


def make(**changes: Any) -> Agreement:
    fields: dict[str, Any] = {
        "id": "a",
        "kind": AgreementKind.RESEARCH,
        "parties": (Party("x"), Party("y"), Party("z")),
        "effective_on": D(2020, 1, 1),
        "term": Term(years=3),
    }
    return Agreement(**{**fields, **changes})


def sample_days(agreement: Agreement) -> list[dt.date]:
    """The days where an answer may change: each amendment's day, a day either side, and more."""
    start = agreement.effective_on
    days = set() if start is None else {start, start - dt.timedelta(days=1)}
    for amendment in agreement.amendments:
        ordinal = amendment.effective_on.toordinal()
        days.update(
            dt.date.fromordinal(o)
            for o in (ordinal - 1, ordinal, ordinal + 1)
            if 1 <= o <= dt.date.max.toordinal()
        )
    last = agreement.final_last_day
    if last is not None:
        days.add(last)
    return sorted(days)


class TestAsOf:
    def test_extension_applies_from_its_date(self) -> None:
        """Before a term extension the old last day holds; from its date on, the new one."""
        a = make(amendments=[TermChanged(D(2022, 6, 1), Term(years=4))])
        assert a.as_of(D(2022, 5, 31)).last_day == D(2022, 12, 31)
        assert a.as_of(D(2022, 6, 1)).last_day == D(2023, 12, 31)

    def test_status_is_answered_as_of_the_date(self) -> None:
        """An extended agreement is in force in the extension, expired after it."""
        a = make(amendments=[TermChanged(D(2022, 6, 1), Term(years=4))])
        assert a.status_on(D(2023, 6, 1)) is AgreementStatus.IN_FORCE
        assert a.status_on(D(2024, 1, 1)) is AgreementStatus.EXPIRED
        assert a.final_last_day == D(2023, 12, 31)

    def test_early_end(self) -> None:
        """A stated end brought forward ends the agreement then."""
        a = make(amendments=[StatedEndChanged(D(2021, 3, 1), D(2021, 6, 30))])
        assert a.status_on(D(2021, 7, 1)) is AgreementStatus.EXPIRED
        assert a.in_force_on(D(2021, 6, 30))

    def test_parties_on(self) -> None:
        """A party added is one from its date; a party withdrawn is none from its date."""
        a = make(
            amendments=[
                PartyWithdrawn(D(2021, 7, 1), "z"),
                PartyAdded(D(2021, 1, 1), "w", role="associate"),
            ]
        )
        assert [p.org for p in a.parties_on(D(2020, 12, 31))] == ["x", "y", "z"]
        assert [p.org for p in a.parties_on(D(2021, 1, 1))] == ["x", "y", "z", "w"]
        assert [p.org for p in a.parties_on(D(2021, 7, 1))] == ["x", "y", "w"]

    def test_role_changed(self) -> None:
        """A role change shows from its date on."""
        a = make(amendments=[RoleChanged(D(2021, 1, 1), "x", "coordinator")])
        assert a.parties_on(D(2021, 1, 1))[0] == Party("x", "coordinator")
        assert a.parties_on(D(2020, 12, 31))[0] == Party("x")

    def test_notice_deadline_as_of(self) -> None:
        """The notice deadline follows the term in force on the date asked."""
        a = make(
            term=Term(years=1),
            renewal=Renewal(Term(years=1), notice=Term(months=1)),
            amendments=[TermChanged(D(2020, 6, 1), Term(years=2))],
        )
        assert a.as_of(D(2020, 5, 1)).notice_deadline(on=D(2020, 5, 1)) == D(2020, 12, 1)
        assert a.notice_deadline(on=D(2020, 5, 1)) == D(2020, 12, 1)
        assert a.notice_deadline(on=D(2020, 6, 1)) == D(2021, 12, 1)

    def test_termination_after_the_original_end(self) -> None:
        """A termination in the extension is valid, and kept out of the version it postdates."""
        a = make(
            amendments=[TermChanged(D(2022, 6, 1), Term(years=4))],
            events=[Termination(D(2023, 3, 1))],
        )
        assert a.status_on(D(2023, 3, 1)) is AgreementStatus.TERMINATED
        assert a.as_of(D(2022, 1, 1)).termination is None
        assert a.as_of(D(2022, 6, 1)).termination == Termination(D(2023, 3, 1))

    def test_notice_by_a_party_that_left(self) -> None:
        """A notice given by a party that later withdrew stays valid in every version."""
        a = make(
            term=Term(years=1),
            renewal=Renewal(Term(years=1)),
            events=[NonRenewalNotice(D(2020, 3, 1), by="z")],
            amendments=[PartyWithdrawn(D(2020, 6, 1), "z")],
        )
        assert a.final_last_day == D(2020, 12, 31)

    def test_without_amendments_it_is_itself(self) -> None:
        """An agreement without amendments is its own version on every date."""
        a = make()
        assert a.as_of(D(2021, 1, 1)) is a
        assert [v.agreement for v in a.history()] == [a]

    @given(lst.amended_agreements(undated=False))
    def test_p_before_the_first_amendment_equals_the_original(self, a: Agreement) -> None:
        """Property: as_of before the first amendment is the agreement as first made."""
        original = attrs.evolve(a, amendments=())
        if not a.amendments:
            assert a.as_of(oracle.start_of(a)) == original
            return
        first = min(x.effective_on for x in a.amendments)
        day = first - dt.timedelta(days=1)
        if original.termination is None or original.termination.on < original_end(original):
            assert a.as_of(day) == original
            assert a.as_of(oracle.start_of(a) - dt.timedelta(days=1)) == a.as_of(day)

    @given(lst.amended_agreements(), st.randoms(use_true_random=False))
    def test_p_order_of_entry_does_not_matter(self, a: Agreement, random: Any) -> None:
        """Property: the amendments in any order give the same versions and answers."""
        shuffled = list(a.amendments)
        random.shuffle(shuffled)
        b = attrs.evolve(a, amendments=shuffled)
        assert [v.agreement for v in b.history()] == [v.agreement for v in a.history()]
        for day in sample_days(a):
            assert b.as_of(day) == a.as_of(day)
            assert b.status_on(day) is a.status_on(day)

    @given(lst.amended_agreements(undated=False))
    def test_p_questions_are_those_of_the_version(self, a: Agreement) -> None:
        """Property: every question about a day is answered by the version of that day."""
        for day in sample_days(a):
            version = a.as_of(day)
            assert not version.amendments
            assert a.status_on(day) is version.status_on(day)
            assert a.period_on(day) == version.period_on(day)
            assert a.notice_deadline(on=day) == version.notice_deadline(on=day)
            assert a.parties_on(day) == version.parties

    @given(lst.amended_agreements(undated=False))
    def test_p_status_agrees_with_the_last_version(self, a: Agreement) -> None:
        """Property: an amendment never rewrites the past: in force before means in force now."""
        last = a.history()[-1].agreement
        for day in sample_days(a):
            if day >= oracle.start_of(a):
                assert a.in_force_on(day) == last.in_force_on(day)

    @given(lst.amended_agreements())
    def test_p_round_trip(self, a: Agreement) -> None:
        """Property: an amended agreement reads back equal from its JSON."""
        assert from_json(to_json(a), Agreement) == a


def original_end(agreement: Agreement) -> dt.date:
    end = agreement.final_end
    return dt.date.max if end is None else end


class TestHistory:
    def test_versions_in_order(self) -> None:
        """One version per date, the original first, each with the amendments that made it."""
        title = TitleChanged(D(2021, 1, 1), LocalizedText({"en": "Renamed"}))
        term = TermChanged(D(2021, 1, 1), Term(years=5), reference="Amendment No. 1")
        a = make(amendments=[term, title])
        history = a.history()
        assert [v.since for v in history] == [D(2020, 1, 1), D(2021, 1, 1)]
        assert history[1].amendments == (term, title)
        assert history[1].agreement.title == LocalizedText({"en": "Renamed"})


class TestValidation:
    @pytest.mark.parametrize(
        ("amendments", "events", "message"),
        [
            (
                [TermChanged(D(2019, 12, 31), Term(years=4))],
                [],
                (
                    "$.amendments[0].effective_on: 2019-12-31 is before the agreement's effective "
                    "date (2020-01-01)"
                ),
            ),
            (
                [PartyWithdrawn(D(2021, 1, 1), "q")],
                [],
                "$.amendments[0].org: 'q' is not a party on 2021-01-01 (parties: x, y, z)",
            ),
            (
                [TermChanged(D(2021, 5, 1), Term(years=4))],
                [Termination(D(2021, 5, 1))],
                (
                    "$.amendments[0].effective_on: 2021-05-01 is on or after the termination "
                    "(2021-05-01); an amendment after termination is refused"
                ),
            ),
            (
                [TermChanged(D(2023, 1, 1), Term(years=4))],
                [],
                (
                    "$.amendments[0].effective_on: 2023-01-01 is after the agreement ended (its "
                    "last day was 2022-12-31); an expired agreement cannot be amended"
                ),
            ),
            (
                [PartyWithdrawn(D(2021, 1, 1), "z"), PartyWithdrawn(D(2021, 2, 1), "y")],
                [],
                (
                    "$.amendments[1]: withdrawing 'y' would leave one party; an agreement needs "
                    "two, so end it with a Termination instead"
                ),
            ),
            (
                [PartyAdded(D(2021, 1, 1), "x")],
                [],
                "$.amendments[0].org: 'x' is already a party on that date",
            ),
            (
                [TermChanged(D(2021, 1, 1), Term(years=4)), TermChanged(D(2021, 1, 1), Term(2))],
                [],
                (
                    "$.amendments[1]: $.amendments[0] changes the same thing on the same date "
                    "(2021-01-01); record one change per thing and date"
                ),
            ),
            (
                [StatedEndChanged(D(2021, 6, 1), D(2021, 3, 31))],
                [],
                (
                    "$.amendments[0]: as amended, the agreement's last day is 2021-03-31, before "
                    "the amendment takes effect (2021-06-01); an amendment cannot end an "
                    "agreement in the past"
                ),
            ),
        ],
        ids=[
            "before-effective",
            "not-a-party",
            "after-termination",
            "after-expiry",
            "one-party-left",
            "already-a-party",
            "same-day-twice",
            "ends-in-the-past",
        ],
    )
    def test_refused(self, amendments: list[Any], events: list[Any], message: str) -> None:
        """An amendment the agreement cannot take is refused with its path and the reason."""
        with pytest.raises(ValidationError) as info:
            make(amendments=amendments, events=events)
        assert info.value.errors == (message,)

    def test_every_problem_at_once(self) -> None:
        """An amendment dated too early does not hide the problem of another."""
        with pytest.raises(ValidationError) as info:
            make(
                amendments=[
                    PartyWithdrawn(D(2021, 1, 1), "q"),
                    TermChanged(D(2019, 1, 1), Term(years=4)),
                ]
            )
        assert [e.split(":")[0] for e in info.value.errors] == [
            "$.amendments[1].effective_on",
            "$.amendments[0].org",
        ]

    def test_term_under_a_stated_end(self) -> None:
        """A term change that the stated end would override is refused, not lost."""
        with pytest.raises(ValidationError, match="states its last day"):
            make(
                stated_end_on=D(2022, 6, 30),
                amendments=[TermChanged(D(2021, 1, 1), Term(years=4))],
            )

    def test_stated_end_removed_then_term(self) -> None:
        """Removing the stated end and changing the term on one date applies both."""
        a = make(
            stated_end_on=D(2022, 6, 30),
            amendments=[
                TermChanged(D(2021, 1, 1), Term(years=4)),
                StatedEndChanged(D(2021, 1, 1), None),
            ],
        )
        assert a.final_last_day == D(2023, 12, 31)

    def test_wrong_type(self) -> None:
        """Something that is no amendment is refused."""
        with pytest.raises(ValidationError, match=r"\$\.amendments"):
            make(amendments=["P1Y"])

    def test_unknown_tag_in_json(self) -> None:
        """An amendment of an unknown kind in JSON is refused with the kinds there are."""
        text = to_json(make(amendments=[TermChanged(D(2021, 1, 1), Term(years=4))]))
        with pytest.raises(ValidationError, match="expected one of 'term_changed'"):
            from_json(text.replace("term_changed", "extended"), Agreement)


class TestRealProjects:
    """Two Horizon 2020 projects from the CORDIS export, as amended agreements."""

    @staticmethod
    def project(acronym: str) -> dict[str, Any]:
        """The project with ``acronym`` from the slice of the export."""
        data = json.loads(DATA.read_text(encoding="utf-8"))
        found: dict[str, Any] = next(p for p in data["projects"] if p["acronym"] == acronym)
        return found

    def test_extension_gives_the_exported_end(self) -> None:
        """UnCoVerCPS: 48 months from 2015-01-01 end with 2018-12-31; the export says 2019-02-28.

        The export has no amendment date; the extension here takes effect on 2018-12-01.
        """
        project = self.project("UnCoVerCPS")
        parties = [Party(str(p["organisationID"]), role=p["role"]) for p in project["participants"]]
        ended = [
            str(p["organisationID"]) for p in project["participants"] if p["endOfParticipation"]
        ]
        start = D.fromisoformat(project["startDate"])
        agreement = Agreement(
            id=str(project["id"]),
            kind=AgreementKind.FUNDING,
            parties=parties,
            effective_on=start,
            term=Term(months=48),
            amendments=[
                StatedEndChanged(D(2018, 12, 1), D.fromisoformat(project["endDate"])),
                *(PartyWithdrawn(D(2018, 12, 1), org) for org in ended),
            ],
        )
        assert agreement.as_of(D(2018, 11, 30)).final_last_day == D(2018, 12, 31)
        assert agreement.final_last_day == D.fromisoformat(project["endDate"])
        assert len(agreement.parties_on(D(2019, 1, 1))) == len(parties) - len(ended) == 9


class TestContributionChanged:
    def test_refused_without_funding(self) -> None:
        """A contribution change needs funding to change; without it, the error says so."""
        change = ContributionChanged(D(2021, 1, 1), "x", Money("1000", "EUR"))
        with pytest.raises(ValidationError) as info:
            make(amendments=[change])
        assert info.value.errors == (
            (
                "$.amendments[0]: the agreement states no funding ($.funding) whose contribution "
                "could change; give the funding first"
            ),
        )

    @given(lst.contribution_changes())
    def test_p_round_trip(self, change: ContributionChanged) -> None:
        """Property: a contribution change reads back equal, its amount exact."""
        assert from_json(to_json(change), ContributionChanged) == change
