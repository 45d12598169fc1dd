"""Tests for Directory."""

from __future__ import annotations

import datetime as dt

import pytest

from lifesci_partners import (
    Agreement,
    AgreementKind,
    Directory,
    LocalizedText,
    NotFoundError,
    Organization,
    Party,
    Term,
    ValidationError,
)


def org(org_id: str) -> Organization:
    return Organization(id=org_id, name=LocalizedText({"en": org_id.upper()}))


def mou(mou_id: str, *orgs: str, start: dt.date = dt.date(2020, 2, 5)) -> Agreement:
    return Agreement(
        id=mou_id,
        kind=AgreementKind.MOU,
        parties=[Party(o) for o in orgs],
        effective_on=start,
        term=Term(years=5),
    )


class TestDirectory:
    def test_lookup(self) -> None:
        """Organizations and agreements are found by id."""
        d = Directory([org("a"), org("b")], [mou("m", "a", "b")])
        assert d.organization("b").id == "b"
        assert d.agreement("m").id == "m"

    def test_unknown_id_lists_known_ids(self) -> None:
        """A missing id is a NotFoundError (a LookupError) naming the known ids."""
        d = Directory([org("a"), org("b")])
        with pytest.raises(NotFoundError, match="known ids: a, b") as info:
            d.organization("c")
        assert isinstance(info.value, LookupError)

    def test_unknown_agreement(self) -> None:
        """A missing agreement is a NotFoundError."""
        with pytest.raises(NotFoundError, match="no agreement with id 'x'"):
            Directory().agreement("x")

    def test_dangling_party_reported_with_path(self) -> None:
        """A party that is not in the directory is reported with its path."""
        with pytest.raises(ValidationError) as info:
            Directory([org("a")], [mou("m", "a", "b")])
        assert info.value.errors == (
            "$.agreements[0].parties[1].org: no organization with id 'b' in the directory",
        )

    def test_duplicate_ids_all_reported(self) -> None:
        """Duplicates in both collections are all reported at once."""
        with pytest.raises(ValidationError) as info:
            Directory([org("a"), org("b"), org("a")], [mou("m", "a", "b"), mou("m", "a", "b")])
        assert info.value.errors == (
            "$.organizations[2].id: duplicate id 'a', already used by $.organizations[0]",
            "$.agreements[1].id: duplicate id 'm', already used by $.agreements[0]",
        )

    def test_in_force_on(self) -> None:
        """in_force_on lists the agreements in force on a day."""
        d = Directory(
            [org("a"), org("b")],
            [mou("old", "a", "b", start=dt.date(2000, 1, 1)), mou("new", "a", "b")],
        )
        assert [a.id for a in d.in_force_on(dt.date(2021, 1, 1))] == ["new"]

    def test_agreements_of(self) -> None:
        """agreements_of lists an organization's agreements."""
        d = Directory([org("a"), org("b"), org("c")], [mou("m1", "a", "b"), mou("m2", "b", "c")])
        assert [a.id for a in d.agreements_of("c")] == ["m2"]

    def test_equality_ignores_indexes(self) -> None:
        """Two directories with the same content are equal."""
        assert Directory([org("a")]) == Directory([org("a")])
