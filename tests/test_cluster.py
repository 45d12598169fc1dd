"""Tests for Cluster, MemberCount and Achievement."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from lifesci_partners import (
    Achievement,
    Cluster,
    Figure,
    LocalizedText,
    MemberCount,
    Money,
    Organization,
    OrganizationKind,
    PartialDate,
    Qualifier,
    ValidationError,
    from_json,
    to_dict,
    to_json,
)
from lifesci_partners import strategies as lst


def text(value: str) -> LocalizedText:
    return LocalizedText({"en": value})


def cluster(**fields: object) -> Cluster:
    return Cluster(id="mpr", name=text("Medicen Paris Region"), **fields)  # type: ignore[arg-type]


class TestMemberCount:
    def test_count_keeps_its_qualifier(self) -> None:
        """A count of "about 500" stays approximate."""
        count = MemberCount(text("startups"), Figure(500, Qualifier.APPROXIMATELY))
        assert count.count.qualifier is Qualifier.APPROXIMATELY

    def test_money_is_not_a_member_count(self) -> None:
        """A member count is a whole number, not an amount."""
        with pytest.raises(ValidationError, match=r"\$\.count\.value: a member count is a whole"):
            MemberCount(text("members"), Figure(Money("5", "EUR")))

    def test_whole_decimal_names_the_number_not_its_repr(self) -> None:
        """A count written as text ("16") is shown as the number 16, not Decimal('16')."""
        with pytest.raises(ValidationError) as info:
            MemberCount(text("members"), Figure(Decimal(16)))
        expected = (
            "$.count.value: a member count is a whole number of organizations, got the decimal "
            "number 16; write it as a whole number, 16, not as text"
        )
        assert info.value.errors == (expected,)

    def test_repeated_kind(self) -> None:
        """A kind listed twice is reported with its index."""
        with pytest.raises(ValidationError) as info:
            MemberCount(
                text("members"),
                Figure(3),
                kinds=[OrganizationKind.COMPANY, OrganizationKind.COMPANY],
            )
        assert info.value.errors == ("$.kinds[1]: the same as $.kinds[0]",)


class TestAchievement:
    def test_since_is_a_partial_date(self) -> None:
        """An achievement "since 2005" is counted from a year, not a made-up day."""
        achievement = Achievement(text("products launched"), Figure(80), PartialDate(2005))
        assert str(achievement.since) == "2005"

    def test_since_must_be_a_partial_date(self) -> None:
        """A bare year number is refused with the field's path."""
        with pytest.raises(ValidationError, match=r"\$\.since: expected PartialDate"):
            Achievement(text("products launched"), Figure(80), 2005)  # type: ignore[arg-type]


class TestCluster:
    def test_is_an_organization(self) -> None:
        """A cluster is an Organization whose kind defaults to cluster."""
        mpr = cluster()
        assert isinstance(mpr, Organization)
        assert mpr.kind is OrganizationKind.CLUSTER

    def test_not_equal_to_the_plain_organization(self) -> None:
        """A cluster and an organization with the same fields are different things."""
        assert cluster() != Organization(id="mpr", name=text("Medicen Paris Region"))

    def test_other_main_kind_with_cluster_among_others(self) -> None:
        """An association may be a cluster too, if other_kinds says so."""
        mpr = cluster(kind=OrganizationKind.ASSOCIATION, other_kinds=[OrganizationKind.CLUSTER])
        assert mpr.other_kinds == (OrganizationKind.CLUSTER,)

    def test_kind_must_include_cluster(self) -> None:
        """A cluster whose kinds say otherwise is refused, with the fix."""
        with pytest.raises(
            ValidationError, match=r"\$\.kind: a Cluster is a cluster.*use Organization"
        ):
            cluster(kind=OrganizationKind.COMPANY)

    def test_organization_checks_still_run(self) -> None:
        """The organization's own rules run too, and all problems come at once."""
        with pytest.raises(ValidationError) as info:
            cluster(
                kind=None,
                other_kinds=[OrganizationKind.NONPROFIT],
                key_areas=[text("imaging"), text("imaging")],
            )
        assert info.value.errors == (
            "$.other_kinds: give the main kind in kind first",
            (
                "$.kind: a Cluster is a cluster, but its kind is none and 'cluster' is not among "
                "other_kinds; add it there, or use Organization"
            ),
            "$.key_areas[1]: the same as $.key_areas[0]",
        )

    def test_category_counted_once(self) -> None:
        """The same category twice is an error, even with different counts."""
        with pytest.raises(ValidationError) as info:
            cluster(
                member_counts=[
                    MemberCount(text("members"), Figure(430, Qualifier.OVER)),
                    MemberCount(text("members"), Figure(431)),
                ]
            )
        assert info.value.errors == ("$.member_counts[1]: the same category as $.member_counts[0]",)

    def test_achievement_after_dissolution(self) -> None:
        """Nothing is counted from after the cluster was dissolved."""
        with pytest.raises(ValidationError, match=r"\$\.achievements\[0\]\.since: 2021 is after"):
            cluster(
                dissolved_on=PartialDate(2020),
                achievements=[Achievement(text("projects"), Figure(3), PartialDate(2021))],
            )

    def test_categories_need_not_add_up(self) -> None:
        """Groups larger than the total are accepted: categories may overlap."""
        mpr = cluster(
            member_counts=[
                MemberCount(text("members"), Figure(430, Qualifier.OVER)),
                MemberCount(text("startups"), Figure(500, Qualifier.APPROXIMATELY)),
            ]
        )
        assert len(mpr.member_counts) == 2


class TestClusterJson:
    def test_tagged(self) -> None:
        """A cluster is written with "type": "cluster" first."""
        data = to_dict(cluster(key_areas=[text("digital health")]))
        assert next(iter(data.items())) == ("type", "cluster")

    @given(lst.clusters())
    def test_round_trip(self, mpr: Cluster) -> None:
        """Any cluster survives JSON, read as a Cluster or as an Organization."""
        assert from_json(to_json(mpr), Cluster) == mpr
        assert from_json(to_json(mpr), Organization) == mpr

    @given(lst.member_counts())
    def test_member_count_round_trip(self, count: MemberCount) -> None:
        """Any member count survives JSON."""
        assert from_json(to_json(count), MemberCount) == count

    @given(lst.achievements())
    def test_achievement_round_trip(self, achievement: Achievement) -> None:
        """Any achievement survives JSON."""
        assert from_json(to_json(achievement), Achievement) == achievement
