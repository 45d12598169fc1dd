"""Tests for Directory: references, lookups, partner queries, date queries and claim checks."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor
from itertools import islice

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lifesci_partners import (
    Address,
    Agreement,
    AgreementKind,
    Announcement,
    Directory,
    Figure,
    Founder,
    Identifier,
    LocalizedText,
    NotFoundError,
    Organization,
    PartialDate,
    PartnerCount,
    PartnerRank,
    PartnerScope,
    Party,
    PartyAdded,
    PartyWithdrawn,
    Person,
    PhotoCaption,
    Position,
    Qualifier,
    Quote,
    Relationship,
    RelationshipKind,
    Renewal,
    Term,
    ValidationError,
    Verdict,
    examples,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst

D = dt.date

# A drawn directory costs about as much as 30 drawn dates, so the properties over whole
# directories draw fewer of them than the profile says, and several dates or windows each.
DIRECTORIES = settings(max_examples=min(settings().max_examples, 100))
DAYS = st.lists(lst.dates(), min_size=1, max_size=8)
WINDOWS = st.lists(st.tuples(lst.dates(), st.integers(0, 3000)), min_size=1, max_size=8)


def org(org_id: str, country: str | None = None, **fields: object) -> Organization:
    hq = None if country is None else Address(country)
    return Organization(
        id=org_id,
        name=LocalizedText({"en": org_id.upper()}),
        headquarters=hq,
        **fields,  # type: ignore[arg-type]
    )


MOU_START = D(2020, 2, 5)


def mou(mou_id: str, *orgs: str, start: dt.date | None = MOU_START, **fields: object) -> Agreement:
    return Agreement(
        id=mou_id,
        kind=AgreementKind.MOU,
        parties=[Party(o) for o in orgs],
        effective_on=start,
        term=Term(years=5),
        **fields,  # type: ignore[arg-type]
    )


def news(*claims: PartnerRank | PartnerCount, **fields: object) -> Announcement:
    return Announcement(
        "news",
        "hub",
        LocalizedText({"en": "News"}),
        claims=claims,
        **fields,  # type: ignore[arg-type]
    )


def person(person_id: str, name: str | None = None) -> Person:
    return Person(person_id, LocalizedText({"en": name or person_id}))


# LINK-J-like hub in Japan with partners in Japan and abroad, in a known order.
HUB = [
    org("hub", "JP"),
    org("jp1", "JP"),
    org("fr1", "FR"),
    org("dk1", "DK"),
    org("jp2", "JP"),
    org("nowhere"),
]
HUB_AGREEMENTS = [
    mou("m-fr1", "hub", "fr1", start=D(2018, 5, 1)),
    mou("m-jp1", "hub", "jp1", start=D(2016, 4, 1)),
    mou("m-dk1", "hub", "dk1", start=D(2018, 5, 1)),
    mou("m-jp2", "jp2", "hub", start=D(2020, 2, 5)),
    mou("m-jp1-again", "hub", "jp1", start=D(2021, 4, 1)),
    mou("m-nowhere", "hub", "nowhere", start=D(2022, 1, 1)),
]


def hub(*complete: str, announcements: tuple[Announcement, ...] = ()) -> Directory:
    return Directory(
        HUB, HUB_AGREEMENTS, announcements=announcements, complete_partnerships=complete
    )


class TestLookups:
    def test_lookup(self) -> None:
        """Organizations, agreements, announcements and people are found by id."""
        d = Directory(
            [org("a", people=[Position(person("p"), LocalizedText({"en": "CEO"}))]), org("b")],
            [mou("m", "a", "b")],
            announcements=[Announcement("n", "a", LocalizedText({"en": "N"}))],
        )
        assert d.organization("b").id == "b"
        assert d.agreement("m").id == "m"
        assert d.announcement("n").id == "n"
        assert d.person("p").name["en"] == "p"

    def test_unknown_id_lists_known_ids(self) -> None:
        """A missing id is a NotFoundError (a LookupError) naming the known ids."""
        d = Directory([org("a"), org("b")])
        with pytest.raises(NotFoundError, match="known ids: a, b") as info:
            d.organization("c")
        assert isinstance(info.value, LookupError)

    @pytest.mark.parametrize("method", ["agreement", "announcement", "person"])
    def test_unknown_other_ids(self, method: str) -> None:
        """Every lookup by id raises NotFoundError when there is nothing."""
        with pytest.raises(NotFoundError, match=f"no {method} with id 'x'"):
            getattr(Directory(), method)("x")

    def test_unhashable_id(self) -> None:
        """An unhashable id is not found, rather than a TypeError from a dict."""
        with pytest.raises(NotFoundError):
            Directory().organization(["a"])  # type: ignore[arg-type]

    def test_equality_ignores_indexes(self) -> None:
        """Two directories with the same content are equal, queried or not."""
        first, second = Directory([org("a")]), Directory([org("a")])
        first.in_force_on(D(2020, 1, 1))
        assert first == second


class TestReferences:
    def test_dangling_party_reported_with_path(self) -> None:
        """A party that is not in the directory is reported with its path."""
        with pytest.raises(ValidationError) as info:
            Directory([org("a")], [mou("m", "a", "b")])
        assert info.value.errors == (
            "$.agreements[0].parties[1].org: no organization with id 'b' in the directory",
        )

    def test_duplicate_ids_all_reported(self) -> None:
        """Duplicates in every collection are all reported at once."""
        n = Announcement("n", "a", LocalizedText({"en": "N"}))
        with pytest.raises(ValidationError) as info:
            Directory(
                [org("a"), org("b"), org("a")],
                [mou("m", "a", "b"), mou("m", "a", "b")],
                announcements=[n, n],
            )
        assert info.value.errors == (
            "$.organizations[2].id: duplicate id 'a', already used by $.organizations[0]",
            "$.agreements[1].id: duplicate id 'm', already used by $.agreements[0]",
            "$.announcements[1].id: duplicate id 'n', already used by $.announcements[0]",
        )

    def test_every_reference_checked_at_once(self) -> None:
        """Every kind of reference to nothing is reported, each with its path."""
        a = org(
            "a",
            relationships=[Relationship(RelationshipKind.PARENT, organization="ghost")],
            founders=[Founder(LocalizedText({"en": "Ghost Inc."}), organization="ghost-inc")],
        )
        bad_news = Announcement(
            "n",
            "nobody",
            LocalizedText({"en": "N"}),
            about=["no-mou"],
            mentions=["someone"],
            quotes=[Quote(LocalizedText({"en": "Hi."}), "mr-x", organization="x-corp")],
            captions=[PhotoCaption(LocalizedText({"en": "Ms Y"}), ["ms-y"])],
            claims=[PartnerRank("a", "zz", 2), PartnerCount("yy", Figure(3))],
        )
        with pytest.raises(ValidationError) as info:
            Directory([a], announcements=[bad_news], complete_partnerships=["a", "q", "a"])
        people = "among the people of the directory's organizations"
        nowhere = "in the directory"
        assert info.value.errors == (
            (
                "$.organizations[0].relationships[0].organization: no organization with id 'ghost' "
                "in the directory"
            ),
            (
                "$.organizations[0].founders[0].organization: no organization with id 'ghost-inc' "
                "in the directory"
            ),
            "$.announcements[0].publisher: no organization with id 'nobody' in the directory",
            "$.announcements[0].about[0]: no agreement with id 'no-mou' in the directory",
            "$.announcements[0].mentions[0]: no organization with id 'someone' in the directory",
            f"$.announcements[0].quotes[0].speaker: no person with id 'mr-x' {people}",
            (
                "$.announcements[0].quotes[0].organization: no organization with id 'x-corp' "
                f"{nowhere}"
            ),
            f"$.announcements[0].captions[0].people[0]: no person with id 'ms-y' {people}",
            f"$.announcements[0].claims[0].partner: no organization with id 'zz' {nowhere}",
            "$.announcements[0].claims[1].org: no organization with id 'yy' in the directory",
            "$.complete_partnerships[1]: no organization with id 'q' in the directory",
            "$.complete_partnerships[2]: 'a' is already $.complete_partnerships[0]",
        )

    def test_person_described_twice(self) -> None:
        """A person id in two organizations must describe one person."""
        ceo = LocalizedText({"en": "CEO"})
        with pytest.raises(ValidationError) as info:
            Directory(
                [
                    org("a", people=[Position(person("p", "Pat"), ceo)]),
                    org("b", people=[Position(person("p", "Patricia"), ceo)]),
                ]
            )
        assert info.value.errors == (
            (
                "$.organizations[1].people[0].person: person 'p' is described differently in "
                "$.organizations[0].people[0].person; use one description"
            ),
        )

    def test_same_person_in_two_organizations(self) -> None:
        """The same person may hold positions in two organizations."""
        chair = Position(person("p"), LocalizedText({"en": "Chair"}))
        d = Directory([org("a", people=[chair]), org("b", people=[chair])])
        assert d.person("p") == person("p")


class TestPartners:
    def test_in_the_order_they_began_ties_by_id(self) -> None:
        """Partners come by the start of the partnership, then by id."""
        assert [o.id for o in hub().partners_of("hub")] == [
            "jp1",
            "dk1",
            "fr1",
            "jp2",
            "nowhere",
        ]

    def test_partnership_begins_with_the_first_agreement(self) -> None:
        """A partner with two agreements ranks by the first one."""
        assert hub().partner_rank("hub", "jp1") == 1

    def test_rank(self) -> None:
        """partner_rank is the 1-based place in partners_of."""
        d = hub()
        assert [d.partner_rank("hub", o.id) for o in d.partners_of("hub")] == [1, 2, 3, 4, 5]

    def test_both_ways(self) -> None:
        """A partnership is seen from either side."""
        assert [o.id for o in hub().partners_of("fr1")] == ["hub"]

    def test_on_a_date(self) -> None:
        """On a date, only partners with an agreement in force then, in the same order."""
        d = hub()
        assert [o.id for o in d.partners_of("hub", on=D(2021, 6, 1))] == [
            "jp1",
            "dk1",
            "fr1",
            "jp2",
        ]
        assert [o.id for o in d.partners_of("hub", on=D(2016, 4, 1))] == ["jp1"]
        assert d.partners_of("hub", on=D(2000, 1, 1)) == ()

    def test_domestic_and_overseas(self) -> None:
        """Partners split by the country of their headquarters; unknown ones in neither."""
        d = hub()
        assert [o.id for o in d.domestic_partners("hub")] == ["jp1", "jp2"]
        assert [o.id for o in d.overseas_partners("hub")] == ["dk1", "fr1"]
        assert d.domestic_partners("nowhere") == ()
        assert d.overseas_partners("nowhere") == ()

    def test_not_partners(self) -> None:
        """The rank of an organization that is not a partner is a NotFoundError."""
        with pytest.raises(NotFoundError, match="'fr1' is not a partner of 'jp1'"):
            hub().partner_rank("jp1", "fr1")

    def test_unknown_organization(self) -> None:
        """Partner queries about an unknown organization raise NotFoundError."""
        with pytest.raises(NotFoundError, match="no organization with id 'zz'"):
            hub().partners_of("zz")

    def test_no_partners(self) -> None:
        """An organization without agreements has no partners, on any day."""
        assert Directory([org("a")]).partners_of("a") == ()
        assert Directory([org("a")]).partners_of("a", on=D(2020, 1, 1)) == ()

    @DIRECTORIES
    @given(lst.directories(max_announcements=0))
    def test_partners_match_the_agreements(self, d: Directory) -> None:
        """partners_of lists exactly the other parties, by first effective date then id.

        A partnership whose agreements all have no known start comes after the others.
        """
        for o in d.organizations:
            first: dict[str, dt.date | None] = {}
            for a in d.agreements:
                orgs = [p.org for p in a.parties]
                if o.id in orgs:
                    for p in orgs:
                        if p != o.id:
                            known = first.get(p, a.effective_on)
                            starts = [s for s in (known, a.effective_on) if s is not None]
                            first[p] = min(starts, default=None)
            expected = sorted(first, key=lambda p: (first[p] is None, first[p] or D.min, p))
            assert [p.id for p in d.partners_of(o.id)] == expected
            assert [d.partner_rank(o.id, p) for p in expected] == list(range(1, len(expected) + 1))


class TestDateQueries:
    def test_in_force_on(self) -> None:
        """in_force_on lists the agreements in force on a day, in directory order."""
        d = Directory(
            [org("a"), org("b")],
            [mou("new", "a", "b"), mou("old", "a", "b", start=D(2000, 1, 1))],
        )
        assert [a.id for a in d.in_force_on(D(2021, 1, 1))] == ["new"]
        assert [a.id for a in d.in_force_on(D(2004, 12, 31))] == ["old"]

    def test_renewals_count(self) -> None:
        """An agreement that renews is in force after its first term."""
        renewing = mou("r", "a", "b", renewal=Renewal(Term(years=1)))
        d = Directory([org("a"), org("b")], [renewing])
        assert d.in_force_on(D(2040, 1, 1)) == (renewing,)
        assert d.expiring_between(D(2020, 1, 1), D(2100, 1, 1)) == ()

    def test_agreements_of(self) -> None:
        """agreements_of lists an organization's agreements in directory order."""
        d = Directory([org("a"), org("b"), org("c")], [mou("m1", "a", "b"), mou("m2", "b", "c")])
        assert [a.id for a in d.agreements_of("b")] == ["m1", "m2"]
        assert d.agreements_of("zz") == ()

    def test_expiring_between_is_half_open(self) -> None:
        """The window includes its first day and excludes its last."""
        d = Directory([org("a"), org("b")], [mou("m", "a", "b")])  # last day 2025-02-04
        assert d.expiring_between(D(2025, 2, 4), D(2025, 2, 5)) == (d.agreement("m"),)
        assert d.expiring_between(D(2025, 2, 1), D(2025, 2, 4)) == ()

    def test_expiring_in_order(self) -> None:
        """Agreements come in the order they expire."""
        d = Directory(
            [org("a"), org("b")],
            [mou("late", "a", "b", start=D(2021, 1, 1)), mou("early", "a", "b")],
        )
        found = d.expiring_between(D(2000, 1, 1), D(2100, 1, 1))
        assert [a.id for a in found] == ["early", "late"]

    @given(lst.directories(max_announcements=0), lst.dates())
    def test_in_force_matches_each_agreement(self, d: Directory, day: dt.date) -> None:
        """in_force_on(day) is exactly the agreements in force that day, in directory order."""
        assert d.in_force_on(day) == tuple(a for a in d.agreements if a.in_force_on(day))

    @DIRECTORIES
    @given(lst.directories(max_announcements=0), st.data())
    def test_in_force_matches_each_agreement_near_its_ends(
        self, d: Directory, data: st.DataObject
    ) -> None:
        """in_force_on agrees with each agreement on the days its periods, notices and end meet."""
        landmarks = [D(2000, 1, 1)]
        for agreement in d.agreements:
            if agreement.effective_on is not None:
                landmarks.append(agreement.effective_on)
            if agreement.stated_end_on is not None:
                landmarks.append(agreement.stated_end_on)
            landmarks.extend(event.on for event in agreement.events)
            landmarks.extend(p.start for p in islice(agreement.periods(), 3))
            if agreement.final_end is not None:
                landmarks.append(agreement.final_end)
        for _ in range(8):
            offset = data.draw(st.integers(-300, 300))
            day = data.draw(st.sampled_from(landmarks))
            if D.min + dt.timedelta(days=300) <= day <= D.max - dt.timedelta(days=300):
                day += dt.timedelta(days=offset)
            expected = tuple(a for a in d.agreements if a.in_force_on(day))
            assert d.in_force_on(day) == expected

    @given(lst.directories(max_announcements=0), lst.dates(), st.integers(0, 3000))
    def test_expiring_matches_each_agreement(self, d: Directory, start: dt.date, days: int) -> None:
        """expiring_between finds exactly the agreements whose final last day is in the window."""
        end = start + dt.timedelta(days=days)
        expected = sorted(
            (
                (a.final_last_day, i)
                for i, a in enumerate(d.agreements)
                if a.final_last_day is not None and start <= a.final_last_day < end
            ),
        )
        assert d.expiring_between(start, end) == tuple(d.agreements[i] for _, i in expected)

    @given(lst.directories(max_announcements=0), lst.dates(), st.integers(0, 3000))
    def test_notice_deadlines_match_each_period(
        self, d: Directory, start: dt.date, days: int
    ) -> None:
        """The deadlines in a window are those of each period of each agreement, by date."""
        end = start + dt.timedelta(days=days)
        expected = []
        for index, agreement in enumerate(d.agreements):
            for period in agreement.periods():
                deadline = agreement.notice_deadline(on=period.start)
                if deadline is not None and start <= deadline < end:
                    expected.append((deadline, index))
                if period.end is None or period.end > end + dt.timedelta(days=400 * 31):
                    break
        got = d.notice_deadlines_between(start, end)
        assert got == tuple((day, d.agreements[i]) for day, i in sorted(expected))

    def test_notice_deadline_of_a_renewal(self) -> None:
        """A yearly renewal with one month's notice has a deadline each year."""
        renewing = mou(
            "r", "a", "b", renewal=Renewal(Term(years=1), max_renewals=2, notice=Term(months=1))
        )
        d = Directory([org("a"), org("b")], [renewing])
        found = d.notice_deadlines_between(D(2020, 1, 1), D(2030, 1, 1))
        assert [day for day, _ in found] == [D(2025, 1, 5), D(2026, 1, 5)]

    def test_notice_deadlines_of_an_endless_renewal(self) -> None:
        """An agreement renewing without limit has a deadline in every later year."""
        endless = mou("e", "a", "b", renewal=Renewal(Term(years=1), notice=Term(months=1)))
        limited = mou("l", "a", "b", renewal=Renewal(Term(years=1), max_renewals=1))
        d = Directory([org("a"), org("b")], [endless, limited])
        found = d.notice_deadlines_between(D(2089, 1, 1), D(2091, 1, 1))
        assert [(day, a.id) for day, a in found] == [(D(2089, 1, 5), "e"), (D(2090, 1, 5), "e")]
        found = d.notice_deadlines_between(D(2025, 1, 1), D(2025, 3, 1))
        assert [(day, a.id) for day, a in found] == [(D(2025, 1, 5), "e"), (D(2025, 2, 4), "l")]


class TestAnnouncementsAbout:
    def test_found(self) -> None:
        """The announcements about an agreement, in directory order."""
        n1 = Announcement("n1", "hub", LocalizedText({"en": "1"}), about=["m-fr1"])
        n2 = Announcement("n2", "hub", LocalizedText({"en": "2"}), about=["m-dk1", "m-fr1"])
        d = hub(announcements=(n1, n2))
        assert d.announcements_about("m-fr1") == (n1, n2)
        assert d.announcements_about("m-jp1") == ()

    def test_unknown_agreement(self) -> None:
        """Asking about an unknown agreement is a NotFoundError."""
        with pytest.raises(NotFoundError, match="no agreement with id 'zz'"):
            hub().announcements_about("zz")


def verdicts(d: Directory, *claims: PartnerRank | PartnerCount) -> list[Verdict]:
    return [check.verdict for check in d.check_claims(news(*claims))]


class TestCheckClaims:
    def test_open_world_rank_is_undecidable(self) -> None:
        """Known partnerships only bound a rank from below: a later rank is undecidable."""
        (check,) = hub().check_claims(news(PartnerRank("hub", "jp2", 16)))
        assert check.verdict is Verdict.UNDECIDABLE
        assert str(check.derived) == "[4, ∞)"
        assert "others may be missing" in check.reason

    def test_open_world_rank_too_early_fails(self) -> None:
        """A rank before the known earlier partners is certainly wrong."""
        assert verdicts(hub(), PartnerRank("hub", "jp2", 2)) == [Verdict.FAILS]

    def test_complete_rank_holds_or_fails(self) -> None:
        """With every partnership known, a rank holds or fails."""
        d = hub("hub")
        assert verdicts(d, PartnerRank("hub", "jp2", 4), PartnerRank("hub", "jp2", 5)) == [
            Verdict.HOLDS,
            Verdict.FAILS,
        ]

    def test_tied_rank_is_undecidable(self) -> None:
        """Two partnerships that began the same day may be in either order."""
        d = hub("hub")
        (check,) = d.check_claims(news(PartnerRank("hub", "fr1", 2)))
        assert check.verdict is Verdict.UNDECIDABLE
        assert str(check.derived) == "[2, 3]"
        assert "(tied)" in check.reason
        assert verdicts(d, PartnerRank("hub", "fr1", 4)) == [Verdict.FAILS]

    def test_not_a_partner(self) -> None:
        """A claimed partner without agreement: undecidable, or false if all are known."""
        assert verdicts(hub(), PartnerRank("jp1", "fr1", 1)) == [Verdict.UNDECIDABLE]
        assert verdicts(hub("jp1"), PartnerRank("jp1", "fr1", 1)) == [Verdict.FAILS]

    def test_counts_open_world(self) -> None:
        """Known partners are a lower bound: "over 3" holds, "3" fails, "16" is undecidable."""
        d = hub()
        assert verdicts(
            d,
            PartnerCount("hub", Figure(3, Qualifier.OVER)),
            PartnerCount("hub", Figure(3)),
            PartnerCount("hub", Figure(16)),
        ) == [Verdict.HOLDS, Verdict.FAILS, Verdict.UNDECIDABLE]

    def test_counts_complete(self) -> None:
        """With every partnership known, counts are exact."""
        d = hub("hub")
        assert verdicts(
            d,
            PartnerCount("hub", Figure(5)),
            PartnerCount("hub", Figure(6, Qualifier.NEARLY)),
            PartnerCount("hub", Figure(4, Qualifier.BETWEEN, upper=Figure(6).value)),
            PartnerCount("hub", Figure(16)),
        ) == [Verdict.HOLDS, Verdict.HOLDS, Verdict.HOLDS, Verdict.FAILS]

    def test_unknown_country_widens(self) -> None:
        """A partner whose country is unknown may be domestic or overseas."""
        d = hub("hub")
        (two, three) = d.check_claims(
            news(
                PartnerCount("hub", Figure(2), PartnerScope.OVERSEAS),
                PartnerCount("hub", Figure(3), PartnerScope.DOMESTIC),
            )
        )
        assert (two.verdict, str(two.derived)) == (Verdict.UNDECIDABLE, "[2, 3]")
        assert (three.verdict, str(three.derived)) == (Verdict.UNDECIDABLE, "[2, 3]")
        assert "1 more whose country is not known" in two.reason

    def test_on_a_date(self) -> None:
        """A dated count counts the partners with an agreement in force that day."""
        d = hub("hub")
        claim = PartnerCount("hub", Figure(1), on=D(2017, 1, 1))
        assert verdicts(d, claim) == [Verdict.HOLDS]

    def test_approximate(self) -> None:
        """A count of "about 5" holds only if the data gives exactly 5, else is undecidable."""
        about = Figure(5, Qualifier.APPROXIMATELY)
        assert verdicts(hub("hub"), PartnerCount("hub", about)) == [Verdict.HOLDS]
        assert verdicts(hub(), PartnerCount("hub", about)) == [Verdict.UNDECIDABLE]

    def test_unknown_organization_is_undecidable(self) -> None:
        """A claim about an organization the directory lacks cannot be decided."""
        (check,) = hub().check_claims(news(PartnerCount("zz", Figure(1))))
        assert check.verdict is Verdict.UNDECIDABLE
        assert check.reason == "the directory has no organization 'zz'"

    def test_by_id(self) -> None:
        """An announcement of the directory can be checked by its id."""
        d = hub(announcements=(news(PartnerCount("hub", Figure(5))),))
        assert [c.verdict for c in d.check_claims("news")] == [Verdict.UNDECIDABLE]

    @DIRECTORIES
    @given(lst.directories())
    def test_verdicts_agree_with_the_derived_bounds(self, d: Directory) -> None:
        """A claim holds only if the derived values all satisfy it, and fails if none does."""
        for announcement in d.announcements:
            for check in d.check_claims(announcement):
                derived = check.derived
                if check.verdict is Verdict.HOLDS and derived.lower is not None:
                    claimed = (
                        Figure(check.claim.rank)
                        if isinstance(check.claim, PartnerRank)
                        else check.claim.count
                    )
                    assert derived.lower in claimed.bounds() or (
                        claimed.qualifier is Qualifier.APPROXIMATELY
                    )


class TestJson:
    @DIRECTORIES
    @given(lst.directories())
    def test_round_trip(self, d: Directory) -> None:
        """Any directory survives JSON, clusters and announcements included."""
        assert from_json(to_json(d), Directory) == d

    def test_documents_without_new_keys_still_read(self) -> None:
        """A document from before announcements existed reads as before."""
        text = '{"format": "lifesci-partners", "version": 1, "organizations": [], "agreements": []}'
        assert from_json(text, Directory) == Directory()


def _pickles() -> bool:
    """Whether models holding text pickle (LocalizedText does once issue 15's fix is in)."""
    try:
        pickle.loads(pickle.dumps(examples.link_j_mpr().organizations[0]))  # noqa: S301  # our own
    except AttributeError:
        return False
    return True


def _query_everything(directory: Directory) -> tuple[object, ...]:
    day = dt.date(2024, 1, 1)
    orgs = [o.id for o in directory.organizations]
    return (
        directory.in_force_on(day),
        directory.expiring_between(day, dt.date(2030, 1, 1)),
        directory.notice_deadlines_between(day, dt.date(2030, 1, 1)),
        [directory.partners_of(o) for o in orgs],
        [directory.partners_of(o, on=day) for o in orgs],
        [directory.overseas_partners(o) for o in orgs],
        [directory.announcements_about(a.id) for a in directory.agreements],
    )


class TestLazyIndexes:
    def test_construction_builds_no_index(self) -> None:
        """A directory just built holds no index but its people (read to check references)."""
        seed = examples.link_j_mpr()
        directory = Directory(
            seed.organizations,
            seed.agreements,
            announcements=seed.announcements,
            complete_partnerships=seed.complete_partnerships,
        )
        assert set(directory._state.built) == {"people"}

    def test_caches_are_not_fields(self) -> None:
        """attrs.asdict of a queried directory and of its agreements holds no cache."""
        directory = examples.link_j_mpr()
        _query_everything(directory)
        directory.agreements[0].periods()
        assert set(attrs.asdict(directory, recurse=False)) == {
            "organizations",
            "agreements",
            "announcements",
            "complete_partnerships",
        }
        assert "_cached_schedule" not in attrs.asdict(directory.agreements[0], recurse=False)
        assert "_schedule" not in attrs.asdict(directory.agreements[0], recurse=False)

    @given(lst.directories(max_organizations=4))
    @settings(max_examples=30)  # each example starts 8 threads; the rule is not about data
    def test_concurrent_first_queries_build_once(self, directory: Directory) -> None:
        """Threads asking first at the same time build each index once and see the same."""
        builds: list[object] = []
        barrier = threading.Barrier(8)

        def build() -> object:
            builds.append(None)
            return object()

        def ask() -> object:
            barrier.wait()
            return directory._lazy("test-index", build)

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _: ask(), range(8)))
        assert len(builds) == 1
        assert all(answer is answers[0] for answer in answers)

    @given(lst.directories(max_organizations=4))
    def test_concurrent_queries_answer_as_one_thread(self, directory: Directory) -> None:
        """Every query asked from many threads at once answers as a fresh directory does."""
        expected = _query_everything(
            Directory(
                *attrs.astuple(directory, recurse=False)[:2],
                announcements=directory.announcements,
                complete_partnerships=directory.complete_partnerships,
            )
        )
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda _: _query_everything(directory), range(4)))
        assert all(answer == expected for answer in answers)


class TestCopies:
    def test_queried_directory_copies(self) -> None:
        """copy.copy of a queried directory is equal and answers the same."""
        directory = examples.link_j_mpr()
        answers = _query_everything(directory)
        copied = copy.copy(directory)
        assert copied == directory
        assert _query_everything(copied) == answers

    @pytest.mark.skipif(not _pickles(), reason="LocalizedText does not pickle on this branch yet")
    @given(lst.directories(max_organizations=3))
    def test_queried_directory_pickles_and_deep_copies(self, directory: Directory) -> None:
        """A queried directory pickles and deep-copies to an equal one that answers the same."""
        answers = _query_everything(directory)
        pickled = pickle.loads(pickle.dumps(directory))  # noqa: S301  # our own bytes
        for twin in (pickled, copy.deepcopy(directory)):
            assert twin == directory
            assert _query_everything(twin) == answers


class TestAmendedAgreements:
    """A directory answers as of the day asked for agreements whose parties changed."""

    @staticmethod
    def directory() -> Directory:
        """Four organizations; a project of a, b and c that d joins and c leaves."""
        orgs = [Organization(org, LocalizedText({"en": org.upper()})) for org in "abcd"]
        project = Agreement(
            id="p",
            kind=AgreementKind.RESEARCH,
            parties=[Party("a"), Party("b"), Party("c")],
            effective_on=dt.date(2020, 1, 1),
            term=Term(years=4),
            amendments=[
                PartyAdded(dt.date(2021, 1, 1), "d"),
                PartyWithdrawn(dt.date(2022, 1, 1), "c"),
            ],
        )
        return Directory(orgs, [project])

    def test_partners_on_a_day(self) -> None:
        """A party that joined or left is a partner only while it is a party."""
        directory = self.directory()
        ids = [o.id for o in directory.partners_of("a", on=dt.date(2020, 6, 1))]
        assert ids == ["b", "c"]
        assert [o.id for o in directory.partners_of("a", on=dt.date(2021, 6, 1))] == [
            "b",
            "c",
            "d",
        ]
        assert [o.id for o in directory.partners_of("a", on=dt.date(2022, 6, 1))] == ["b", "d"]
        assert directory.partners_of("c", on=dt.date(2022, 6, 1)) == ()
        assert directory.partners_of("d", on=dt.date(2020, 6, 1)) == ()

    def test_partnership_began_when_it_joined(self) -> None:
        """Every partner, past or present, in the order the partnerships began."""
        assert [o.id for o in self.directory().partners_of("a")] == ["b", "c", "d"]
        assert [a.id for a in self.directory().agreements_of("d")] == ["p"]

    def test_unknown_organization_added(self) -> None:
        """An organization added by amendment must be in the directory."""
        directory = self.directory()
        project = directory.agreements[0]
        added = PartyAdded(dt.date(2021, 2, 1), "zz")
        with pytest.raises(ValidationError, match=r"\$\.agreements\[0\]\.amendments\[2\]\.org"):
            Directory(
                directory.organizations,
                [attrs.evolve(project, amendments=(*project.amendments, added))],
            )


class TestUndatedAgreements:
    """Agreements whose start is not known (``effective_on=None``), as CORDIS may give them."""

    @staticmethod
    def directory(complete: tuple[str, ...] = ()) -> Directory:
        """Partners: dk1 from 2021, fr1 and jp1 by agreements whose start is not known."""
        undated = mou("u", "hub", "fr1", start=None, stated_end_on=D(2022, 12, 31))
        renewal = Renewal(Term(years=1), notice=Term(months=3))
        renewing = mou("r", "hub", "jp1", start=None, renewal=renewal)
        dated = mou("d", "hub", "dk1", start=D(2021, 1, 1))
        orgs = [org("hub"), org("fr1"), org("jp1"), org("dk1")]
        return Directory(orgs, [undated, renewing, dated], complete_partnerships=complete)

    def test_in_force_on_no_day(self) -> None:
        """in_force_on never lists an agreement whose start is not known."""
        assert [a.id for a in self.directory().in_force_on(D(2022, 6, 1))] == ["d"]

    def test_expiring_by_its_stated_last_day(self) -> None:
        """An undated agreement expires on its stated last day, when nothing extends it."""
        found = self.directory().expiring_between(D(2022, 12, 1), D(2023, 1, 1))
        assert [a.id for a in found] == ["u"]

    def test_no_notice_deadlines(self) -> None:
        """A renewing agreement whose start is not known has no notice deadline."""
        assert self.directory().notice_deadlines_between(D.min, D.max) == ()

    def test_partners_not_dated_come_last(self) -> None:
        """Partnerships not known to have begun on any day come after the dated ones, by id."""
        d = self.directory()
        assert [o.id for o in d.partners_of("hub")] == ["dk1", "fr1", "jp1"]
        assert d.partner_rank("hub", "fr1") == 2
        assert d.partners_of("hub", on=D(2022, 6, 1)) == (d.organization("dk1"),)

    def test_a_dated_agreement_dates_the_partnership(self) -> None:
        """A dated agreement between the same two dates their partnership."""
        d = self.directory()
        later = mou("f", "hub", "fr1", start=D(2024, 1, 1))
        d = Directory(d.organizations, [*d.agreements, later])
        assert [o.id for o in d.partners_of("hub")] == ["dk1", "fr1", "jp1"]
        older = mou("j", "hub", "jp1", start=D(2000, 1, 1))
        d = Directory(d.organizations, [*d.agreements, older])
        assert [o.id for o in d.partners_of("hub")] == ["jp1", "dk1", "fr1"]

    def test_rank_of_a_partnership_not_dated_is_open(self) -> None:
        """A partnership with no known beginning may rank anywhere among those known."""
        (check,) = self.directory(("hub",)).check_claims(news(PartnerRank("hub", "fr1", 1)))
        assert check.verdict is Verdict.UNDECIDABLE
        assert str(check.derived) == "[1, 3]"


def says(org_id: str, *relationships: Relationship) -> Organization:
    return org(org_id, relationships=relationships)


PARENT = RelationshipKind.PARENT


class TestWarnings:
    @pytest.mark.parametrize(
        "kind",
        [
            RelationshipKind.PARENT,
            RelationshipKind.CHILD,
            RelationshipKind.SUCCESSOR,
            RelationshipKind.PREDECESSOR,
        ],
    )
    def test_each_the_others_parent(self, kind: RelationshipKind) -> None:
        """A says B is its parent while B says A is its parent (or child, ...): one warning."""
        directory = Directory(
            [
                says("a", Relationship(kind, organization="b")),
                org("c"),
                says(
                    "b",
                    Relationship(RelationshipKind.RELATED, organization="c"),
                    Relationship(kind, organization="a"),
                ),
            ]
        )
        expected = (
            f"$.organizations[2].relationships[1]: b says that a is its {kind.value}, and a "
            f"says that b is its {kind.value} in $.organizations[0].relationships[0], at the "
            "same time as far as the dates tell"
        )
        assert directory.warnings() == (expected,)

    def test_parent_and_child_agree(self) -> None:
        """A says B is its parent and B says A is its child: that is one fact, no warning."""
        directory = Directory(
            [
                says("a", Relationship(PARENT, organization="b")),
                says("b", Relationship(RelationshipKind.CHILD, organization="a")),
            ]
        )
        assert directory.warnings() == ()

    def test_found_by_registry_identifier(self) -> None:
        """The other organization is recognized by its registry identifier, as within one."""
        ror = Identifier("ror", "05v4txf92")
        directory = Directory(
            [
                says("a", Relationship(PARENT, identifier=ror)),
                org("b", identifiers=[ror], relationships=[Relationship(PARENT, organization="a")]),
            ]
        )
        assert [w.split(":")[0] for w in directory.warnings()] == [
            "$.organizations[1].relationships[0]"
        ]

    def test_at_other_times(self) -> None:
        """Relationships that certainly did not overlap in time contradict nothing."""
        directory = Directory(
            [
                says("a", Relationship(PARENT, organization="b", end=PartialDate(2010))),
                says("b", Relationship(PARENT, organization="a", start=PartialDate(2011))),
            ]
        )
        assert directory.warnings() == ()

    def test_own_warnings_with_their_paths(self) -> None:
        """Each organization's and agreement's own warnings come with their path in the document."""
        monthly = mou("m", "a", "b", renewal=Renewal(Term(months=1), notice=Term(years=9)))
        both = says(
            "b",
            Relationship(PARENT, organization="a"),
            Relationship(RelationshipKind.CHILD, organization="a"),
        )
        directory = Directory([org("a"), both], [monthly])
        assert [w.split(":")[0] for w in directory.warnings()] == [
            "$.organizations[1].relationships[1]",
            "$.agreements[0].renewal.notice",
        ]

    def test_seed_directory_gives_no_warning(self) -> None:
        """The built-in data set is clean."""
        assert examples.link_j_mpr().warnings() == ()

    @DIRECTORIES
    @given(lst.directories(max_organizations=4), st.data())
    def test_every_mutual_claim_is_found(self, directory: Directory, data: st.DataObject) -> None:
        """Two organizations each claiming the other as parent are reported at the second claim."""
        ids = [o.id for o in directory.organizations]
        assume(len(ids) > 1)
        first, second = data.draw(
            st.lists(st.sampled_from(range(len(ids))), min_size=2, max_size=2, unique=True).map(
                sorted
            )
        )
        kind = data.draw(st.sampled_from([PARENT, RelationshipKind.SUCCESSOR]))
        orgs = list(directory.organizations)
        for one, other in ((first, second), (second, first)):
            added = Relationship(kind, organization=ids[other])
            orgs[one] = attrs.evolve(orgs[one], relationships=(*orgs[one].relationships, added))
        changed = attrs.evolve(directory, organizations=orgs)
        where = f"$.organizations[{second}].relationships[{len(orgs[second].relationships) - 1}]"
        assert any(
            w.startswith(f"{where}: {ids[second]} says that {ids[first]} is its {kind.value}")
            for w in changed.warnings()
        )
