"""Tests for the built-in LINK-J / Medicen Paris Region data set: the seed's facts."""

from __future__ import annotations

import datetime as dt

from lifesci_partners import (
    AgreementKind,
    AgreementStatus,
    Directory,
    FounderKind,
    NameKind,
    OrganizationKind,
    OrganizationName,
    PartialDate,
    examples,
)

D = dt.date


def seed() -> Directory:
    return examples.link_j_mpr()


class TestLinkJ:
    def test_names(self) -> None:
        """English and Japanese names, acronym LINK-J."""
        link_j = seed().organization("link-j")
        assert link_j.name["en"] == "Life Science Innovation Network Japan"
        assert link_j.name["ja"] == (
            "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン"
        )
        assert link_j.acronym == "LINK-J"

    def test_head_office(self) -> None:
        """Head office: Nihonbashi-Muromachi, Chuo-ku, Tokyo, Japan."""
        hq = seed().organization("link-j").headquarters
        assert hq is not None
        assert hq.country == "JP"
        assert hq.district is not None
        assert hq.district["en"] == "Nihonbashi-Muromachi"
        assert hq.locality is not None
        assert hq.locality["en"] == "Chuo-ku"
        assert hq.region is not None
        assert hq.region["en"] == "Tokyo"

    def test_website(self) -> None:
        """https://www.link-j.org/."""
        assert seed().organization("link-j").website == "https://www.link-j.org/"

    def test_name_with_inc(self) -> None:
        """The release also calls it Life Science Innovation Network Japan, Inc."""
        assert seed().organization("link-j").other_names == (
            OrganizationName("Life Science Innovation Network Japan, Inc.", NameKind.ALIAS, "en"),
        )

    def test_general_incorporated_association(self) -> None:
        """LINK-J is a general incorporated association (一般社団法人)."""
        link_j = seed().organization("link-j")
        assert link_j.kind is OrganizationKind.ASSOCIATION
        assert link_j.legal_form is not None
        assert link_j.legal_form.to_dict() == {
            "en": "general incorporated association",
            "ja": "一般社団法人",
        }

    def test_people(self) -> None:
        """Hideyuki Okano chairs the board; Akihiko Soyama is President and CEO."""
        people = [
            (p.person.id, p.person.name["en"], p.role["en"])
            for p in seed().organization("link-j").people
        ]
        assert people == [
            ("hideyuki-okano", "Hideyuki Okano", "Chairman of the Board"),
            ("akihiko-soyama", "Akihiko Soyama", "President and CEO"),
        ]

    def test_founders(self) -> None:
        """Established by Mitsui Fudosan and by volunteers from academic circles (a group)."""
        founders = [(f.name["en"], f.kind) for f in seed().organization("link-j").founders]
        assert founders == [
            ("Mitsui Fudosan", FounderKind.ORGANIZATION),
            ("volunteers from academic circles", FounderKind.GROUP),
        ]

    def test_no_invented_facts(self) -> None:
        """The release gives no founding date, identifiers or people's dates for LINK-J."""
        link_j = seed().organization("link-j")
        assert link_j.founded_on is None
        assert link_j.identifiers == ()
        assert all(p.start is None and p.end is None for p in link_j.people)


class TestMedicen:
    def test_name_and_place(self) -> None:
        """Medicen Paris Region (MPR), Paris, France."""
        mpr = seed().organization("mpr")
        assert mpr.display_name() == "Medicen Paris Region (MPR)"
        assert mpr.headquarters is not None
        assert mpr.headquarters.country == "FR"
        assert mpr.headquarters.locality is not None
        assert mpr.headquarters.locality["en"] == "Paris"

    def test_website(self) -> None:
        """https://medicen.org/en/."""
        assert seed().organization("mpr").website == "https://medicen.org/en/"

    def test_non_profit_cluster(self) -> None:
        """MPR is a non-profit cluster."""
        mpr = seed().organization("mpr")
        assert mpr.kind is OrganizationKind.CLUSTER
        assert mpr.other_kinds == (OrganizationKind.NONPROFIT,)

    def test_founded(self) -> None:
        """Founded on January 3, 2005."""
        assert seed().organization("mpr").founded_on == PartialDate(2005, 1, 3)

    def test_ceo(self) -> None:
        """Jessica Leygues is CEO of MPR."""
        (ceo,) = seed().organization("mpr").people
        assert (ceo.person.name["en"], ceo.role["en"]) == ("Jessica Leygues", "CEO")

    def test_no_invented_facts(self) -> None:
        """The release gives no identifiers, legal form or founders for MPR."""
        mpr = seed().organization("mpr")
        assert (mpr.identifiers, mpr.legal_form, mpr.founders) == ((), None, ())


class TestMou:
    def test_between_link_j_and_mpr(self) -> None:
        """An MOU between LINK-J and MPR."""
        mou = seed().agreement("mou-link-j-mpr-2020")
        assert mou.kind is AgreementKind.MOU
        assert [p.org for p in mou.parties] == ["link-j", "mpr"]

    def test_effective_and_term(self) -> None:
        """Effective 2020-02-05, five years, last day 2025-02-04."""
        mou = seed().agreement("mou-link-j-mpr-2020")
        assert mou.effective_on == D(2020, 2, 5)
        assert str(mou.term) == "P5Y"
        assert mou.last_day == D(2025, 2, 4)

    def test_signing_date_unknown(self) -> None:
        """The release gives no signing date: none is invented."""
        assert seed().agreement("mou-link-j-mpr-2020").signed_on is None

    def test_expired_on_2026_11_26(self) -> None:
        """On 2026-11-26 the MOU is expired."""
        mou = seed().agreement("mou-link-j-mpr-2020")
        assert mou.status_on(D(2026, 11, 26)) is AgreementStatus.EXPIRED

    def test_purpose_mentions_france_and_japan(self) -> None:
        """The purpose states the France-Japan relationship and open innovation."""
        purpose = seed().agreement("mou-link-j-mpr-2020").purpose
        assert purpose is not None
        assert "France and Japan" in purpose["en"]
        assert "open innovation" in purpose["en"]

    def test_cached(self) -> None:
        """The data set is parsed once."""
        assert examples.link_j_mpr() is examples.link_j_mpr()
