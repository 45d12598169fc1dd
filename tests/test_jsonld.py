"""Tests for to_jsonld: schema.org JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given

from lifesci_partners import (
    Announcement,
    Directory,
    Identifier,
    LocalizedText,
    Organization,
    OrganizationKind,
    PartialDate,
    Relationship,
    RelationshipKind,
    TitleChanged,
    examples,
    from_ror,
    to_jsonld,
)
from lifesci_partners import strategies as lst
from tests import ror_records

SCHEMA_TYPES = {
    "Organization",
    "NGO",
    "Corporation",
    "Consortium",
    "CollegeOrUniversity",
    "ResearchOrganization",
    "Hospital",
    "GovernmentOrganization",
    "FundingAgency",
    "ArchiveOrganization",
}


def link_j(locale: str | None = None) -> dict[str, Any]:
    return to_jsonld(examples.link_j_mpr().organization("link-j"), locale=locale)


def _values(node: object) -> list[object]:
    if isinstance(node, dict):
        return [v for value in node.values() for v in (value, *_values(value))]
    if isinstance(node, list):
        return [v for value in node for v in (value, *_values(value))]
    return []


class _Note:
    """A model of a test's own, to register with to_jsonld."""


def _note(_obj: _Note, **_options: Any) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "Comment"}


class TestSeed:
    def test_link_j(self) -> None:
        """LINK-J is an Organization with its names, website and head office."""
        node = link_j()
        assert node["@context"] == "https://schema.org"
        assert node["@type"] == "Organization"
        assert node["name"] == "Life Science Innovation Network Japan"
        assert node["alternateName"] == [
            "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン",
            "LINK-J",
            "Life Science Innovation Network Japan, Inc.",
        ]
        assert node["url"] == "https://www.link-j.org/"
        assert node["address"] == {
            "@type": "PostalAddress",
            "addressLocality": "Nihonbashi-Muromachi, Chuo-ku",
            "addressRegion": "Tokyo",
            "addressCountry": "JP",
        }

    def test_link_j_in_japanese(self) -> None:
        """With locale ja the Japanese name is the name, the English one an alternate."""
        node = link_j("ja-JP")
        assert (
            node["name"] == "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン"
        )
        assert "Life Science Innovation Network Japan" in node["alternateName"]

    def test_founders(self) -> None:
        """Mitsui Fudosan is a founder; the unnamed volunteers are not made an organization."""
        assert link_j()["founder"] == [{"@type": "Organization", "name": "Mitsui Fudosan"}]

    def test_people_in_roles(self) -> None:
        """The chairman and the President and CEO are OrganizationRoles of Persons."""
        assert link_j()["member"] == [
            {
                "@type": "OrganizationRole",
                "roleName": "Chairman of the Board",
                "member": {"@type": "Person", "name": "Hideyuki Okano"},
            },
            {
                "@type": "OrganizationRole",
                "roleName": "President and CEO",
                "member": {"@type": "Person", "name": "Akihiko Soyama"},
            },
        ]

    def test_mpr(self) -> None:
        """MPR, a cluster, is a Consortium founded on 2005-01-03."""
        node = to_jsonld(examples.link_j_mpr().organization("mpr"))
        assert (node["@type"], node["foundingDate"]) == ("Consortium", "2005-01-03")


class TestRegistries:
    def test_identifiers_and_same_as(self) -> None:
        """Identifiers are PropertyValues; their registry pages and links are sameAs."""
        node = to_jsonld(from_ror(ror_records.CALTECH))
        assert node["identifier"][0] == {
            "@type": "PropertyValue",
            "propertyID": "ror",
            "value": "05dxps055",
        }
        assert node["sameAs"] == [
            "https://ror.org/05dxps055",
            "https://isni.org/isni/0000000107068890",
            "https://www.wikidata.org/wiki/Q161562",
            "https://en.wikipedia.org/wiki/California_Institute_of_Technology",
        ]
        assert node["@type"] == "CollegeOrUniversity"
        assert node["foundingDate"] == "1891"

    def test_child_organization(self) -> None:
        """A child relationship is a subOrganization, named by its label and ROR page."""
        node = to_jsonld(from_ror(ror_records.CALTECH))
        assert node["subOrganization"] == [
            {
                "@type": "Organization",
                "name": "Jet Propulsion Laboratory",
                "sameAs": "https://ror.org/027k65916",
            }
        ]

    def test_lei_code(self) -> None:
        """An LEI is also the leiCode."""
        org = Organization(
            id="x",
            name=LocalizedText({"en": "X"}),
            identifiers=[Identifier("lei", "HWUPKR0MPOU8FGXBT394")],
        )
        assert to_jsonld(org)["leiCode"] == "HWUPKR0MPOU8FGXBT394"

    def test_reference_resolved_in_directory(self) -> None:
        """An organization referred to by id is named from the directory when one is given."""
        seed = examples.link_j_mpr()
        member = attrs.evolve(
            seed.organization("link-j"),
            relationships=[
                Relationship(
                    RelationshipKind.MEMBER_OF, organization="mpr", start=PartialDate(2020)
                )
            ],
        )
        directory = Directory(organizations=[member, seed.organization("mpr")])
        assert to_jsonld(member, directory=directory)["memberOf"] == [
            {
                "@type": "Organization",
                "name": "Medicen Paris Region",
                "url": "https://medicen.org/en/",
            }
        ]
        assert "memberOf" not in to_jsonld(member)


class TestProperties:
    @given(lst.organizations())
    def test_json_ready_and_never_empty(self, org: Organization) -> None:
        """Every organization gives JSON-ready data of a schema.org type, with no empty values."""
        node = to_jsonld(org)
        json.dumps(node)
        assert node["@type"] in SCHEMA_TYPES
        assert node["name"] == next(iter(org.name.values()))  # the main name comes first
        assert all(value not in (None, [], {}, "") for value in _values(node))

    @given(lst.organizations())
    def test_kind_decides_type(self, org: Organization) -> None:
        """A cluster is always a Consortium."""
        if org.kind is OrganizationKind.CLUSTER:
            assert to_jsonld(org)["@type"] == "Consortium"


class TestDispatch:
    def test_unsupported(self) -> None:
        """Objects without a schema.org form are a TypeError that says what is supported."""
        with pytest.raises(TypeError, match=r"str has no schema\.org form"):
            to_jsonld("LINK-J")

    def test_extension_point(self) -> None:
        """A new model registers its own form with to_jsonld.register."""
        to_jsonld.register(_Note, _note)
        assert to_jsonld(_Note())["@type"] == "Comment"


class TestNewsArticle:
    def test_seed_announcement(self) -> None:
        """The seed release is a NewsArticle about the MOU, mentioning both organizations."""
        directory = examples.link_j_mpr()
        node = to_jsonld(directory.announcements[0], directory=directory)
        assert node["@type"] == "NewsArticle"
        assert node["headline"] == (
            "LINK-J Concludes MOU on Mutual Cooperation with Medicen Paris Region (MPR)"
        )
        assert node["inLanguage"] == "en"
        assert node["about"] == [
            {
                "@type": "Thing",
                "identifier": "mou-link-j-mpr-2020",
                "name": "Memorandum of Understanding on Mutual Cooperation",
                "description": directory.agreement("mou-link-j-mpr-2020").purpose["en"],  # type: ignore[index]
            }
        ]
        assert [m["name"] for m in node["mentions"]] == [
            "Life Science Innovation Network Japan",
            "Medicen Paris Region",
        ]
        assert node["publisher"]["url"] == "https://www.link-j.org/"

    def test_amended_agreement_named_as_of_the_article(self) -> None:
        """An agreement renamed by amendment is named as it stood on the article's date."""
        directory = examples.link_j_mpr()
        mou = directory.agreement("mou-link-j-mpr-2020")
        renamed = TitleChanged(dt.date(2022, 1, 1), LocalizedText({"en": "Renamed MOU"}))
        amended = attrs.evolve(mou, amendments=[renamed])
        directory = attrs.evolve(directory, agreements=[amended])
        news = directory.announcements[0]
        names = [
            to_jsonld(attrs.evolve(news, published_on=day), directory=directory)["about"][0]["name"]
            for day in (PartialDate(2021), PartialDate(2022, 1, 1), None)
        ]
        assert names == [
            "Memorandum of Understanding on Mutual Cooperation",
            "Renamed MOU",
            "Renamed MOU",
        ]

    def test_unknown_date_left_out(self) -> None:
        """The release gives no date, so there is no datePublished."""
        node = to_jsonld(examples.link_j_mpr().announcements[0])
        assert "datePublished" not in node

    def test_date_and_ids_without_directory(self) -> None:
        """A known date is given at its precision; without a directory, references are ids."""
        news = Announcement(
            "n",
            "link-j",
            LocalizedText({"en": "News", "ja": "ニュース"}),
            published_on=PartialDate(2020, 2),
            about=["m"],
            mentions=["mpr"],
        )
        node = to_jsonld(news, locale="ja-JP")
        assert (node["datePublished"], node["headline"], node["inLanguage"]) == (
            "2020-02",
            "ニュース",
            "ja",
        )
        assert node["about"] == [{"@type": "Thing", "identifier": "m"}]
        assert node["mentions"] == [{"@type": "Organization", "identifier": "mpr"}]

    def test_body_joined_in_paragraphs(self) -> None:
        """The body's paragraphs are joined by blank lines."""
        directory = examples.link_j_mpr()
        body = to_jsonld(directory.announcements[0])["articleBody"]
        assert body.count("\n\n") == len(directory.announcements[0].body) - 1

    @given(lst.announcements())
    def test_json_ready(self, news: Announcement) -> None:
        """Every announcement gives JSON-ready data with no empty values."""
        node = to_jsonld(news)
        json.dumps(node)
        assert node["@type"] == "NewsArticle"
        assert all(value not in (None, [], {}, "") for value in _values(node))


class TestClusterNode:
    def test_key_areas(self) -> None:
        """A cluster's key areas are what it knows about."""
        node = to_jsonld(examples.link_j_mpr().organization("mpr"))
        assert node["@type"] == "Consortium"
        assert node["knowsAbout"][0] == "biological diagnosis"
