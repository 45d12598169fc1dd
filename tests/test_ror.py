"""Tests for from_ror: importing ROR v2 records."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from lifesci_partners import (
    Address,
    Identifier,
    Link,
    LinkKind,
    LocalizedText,
    NameKind,
    Organization,
    OrganizationKind,
    OrganizationName,
    OrganizationStatus,
    PartialDate,
    Relationship,
    RelationshipKind,
    ValidationError,
    from_json,
    from_ror,
    to_json,
)
from tests import ror_records


def errors_for(record: Any, **options: Any) -> tuple[str, ...]:
    with pytest.raises(ValidationError) as info:
        from_ror(record, **options)
    return info.value.errors


def changed(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    copied = copy.deepcopy(record)
    copied.update(changes)
    return copied


class TestCaltech:
    org = from_ror(ror_records.CALTECH)

    def test_id_and_ror_identifier(self) -> None:
        """The bare ROR id is the organization's id and its first identifier."""
        assert self.org.id == "05dxps055"
        assert self.org.identifiers[0] == Identifier("ror", "05dxps055")

    def test_names(self) -> None:
        """The labelled display name, the acronym, and an alias of unknown language."""
        assert self.org.name == LocalizedText({"en": "California Institute of Technology"})
        assert self.org.acronym == "CIT"
        assert self.org.other_names == (OrganizationName("Caltech", NameKind.ALIAS),)

    def test_kinds_status_established(self) -> None:
        """ROR education is a university; funder too; active; established 1891."""
        assert self.org.kind is OrganizationKind.UNIVERSITY
        assert self.org.other_kinds == (OrganizationKind.FUNDER,)
        assert self.org.status is OrganizationStatus.ACTIVE
        assert self.org.founded_on == PartialDate(1891)

    def test_headquarters(self) -> None:
        """The GeoNames place and subdivision become locality and region."""
        assert self.org.headquarters == Address(
            country="US",
            locality=LocalizedText({"en": "Pasadena"}),
            region=LocalizedText({"en": "California"}),
        )

    def test_links(self) -> None:
        """The website is the website; Wikipedia is a link."""
        assert self.org.website == "https://www.caltech.edu"
        assert self.org.links == (
            Link(
                "https://en.wikipedia.org/wiki/California_Institute_of_Technology",
                LinkKind.WIKIPEDIA,
            ),
        )

    def test_external_ids(self) -> None:
        """External ids are checked identifiers; the ISNI loses ROR's spaces."""
        assert self.org.identifiers[1:] == (
            Identifier("grid", "grid.20861.3d"),
            Identifier("isni", "0000000107068890"),
            Identifier("wikidata", "Q161562"),
        )

    def test_relationship(self) -> None:
        """A child record becomes a child relationship to its ROR id, with its label."""
        assert self.org.relationships == (
            Relationship(
                RelationshipKind.CHILD,
                identifier=Identifier("ror", "027k65916"),
                label="Jet Propulsion Laboratory",
            ),
        )

    def test_record_not_changed(self) -> None:
        """Importing leaves the record as it was."""
        before = copy.deepcopy(ror_records.CALTECH)
        from_ror(ror_records.CALTECH)
        assert before == ror_records.CALTECH


class TestOtherRecords:
    def test_two_languages(self) -> None:
        """UTokyo's English and Japanese labels both become its name, English first."""
        org = from_ror(ror_records.UTOKYO)
        assert org.name.to_dict() == {"en": "The University of Tokyo", "ja": "東京大学"}
        assert org.other_names == (OrganizationName("Todai", NameKind.ALIAS, "en"),)

    def test_display_label_comes_first(self) -> None:
        """CNRS's French display label is the first of its names; English is still the default."""
        org = from_ror(ror_records.CNRS)
        assert list(org.name) == ["fr", "en"]
        assert org.name.get("fr") == "Centre National de la Recherche Scientifique"
        assert org.headquarters is not None
        assert org.headquarters.region == LocalizedText({"en": "Île-de-France"})

    def test_display_name_without_language_needs_one(self) -> None:
        """No label with a language: an error says how to give one, at the name's path."""
        assert errors_for(ror_records.EXAMPLE_INACTIVE) == (
            (
                "$.names[0].lang: no label has a language, and the display name "
                "'Example Institute of Biology' has none either; pass default_language= to "
                "from_ror to say which language it is in"
            ),
        )

    def test_default_language(self) -> None:
        """With default_language, the display name is the name in that language."""
        org = from_ror(ror_records.EXAMPLE_INACTIVE, default_language="en")
        assert org.name == LocalizedText({"en": "Example Institute of Biology"})
        assert org.other_names == ()
        assert org.status is OrganizationStatus.INACTIVE
        assert org.founded_on is None
        assert org.kind is OrganizationKind.FACILITY

    def test_more_locations(self) -> None:
        """The first location is the headquarters, the others are locations."""
        org = from_ror(ror_records.EXAMPLE_INACTIVE, default_language="en")
        assert org.headquarters is not None
        assert org.headquarters.locality == LocalizedText({"en": "Berlin"})
        assert [a.locality for a in org.locations] == [LocalizedText({"en": "Munich"})]
        assert org.relationships[0].kind is RelationshipKind.SUCCESSOR

    def test_display_label_wins_its_language(self) -> None:
        """When two labels share a language, the display label is the name, the other a label."""
        record = copy.deepcopy(ror_records.CALTECH)
        record["names"].insert(0, {"value": "Caltech Institute", "types": ["label"], "lang": "en"})
        org = from_ror(record)
        assert org.name == LocalizedText({"en": "California Institute of Technology"})
        assert org.other_names[0] == OrganizationName("Caltech Institute", NameKind.LABEL, "en")

    def test_org_id(self) -> None:
        """org_id chooses the id in your data set."""
        assert from_ror(ror_records.CALTECH, org_id="caltech").id == "caltech"

    def test_bad_org_id(self) -> None:
        """A bad org_id is reported as the argument, not as the record's id."""
        assert errors_for(ror_records.CALTECH, org_id="a b")[0].startswith(
            "$: the org_id argument: 'a b' is not a valid id"
        )

    @pytest.mark.parametrize("record", [*ror_records.ALL, ror_records.EXAMPLE_INACTIVE])
    def test_imported_round_trip(self, record: dict[str, Any]) -> None:
        """An imported organization survives to_json/from_json unchanged."""
        org = from_ror(record, default_language="en")
        assert from_json(to_json(org), Organization) == org


class TestErrors:
    def test_not_an_object(self) -> None:
        """A list is not a record."""
        assert errors_for([]) == ("$: expected an object, got []",)

    def test_missing_required(self) -> None:
        """Missing required keys are each reported."""
        assert errors_for({}) == (
            "$.id: required in a ROR v2 record, but missing",
            "$.names: required in a ROR v2 record, but missing",
            "$.types: required in a ROR v2 record, but missing",
            "$.status: required in a ROR v2 record, but missing",
        )

    def test_unknown_key(self) -> None:
        """A key that ROR v2 does not define is refused rather than ignored."""
        (error,) = errors_for(changed(ror_records.CALTECH, acronyms=["CIT"]))
        assert error.startswith("$.acronyms: unknown key in a ROR v2 record")

    def test_bad_checksum_in_relationship(self) -> None:
        """A related ROR id with a bad checksum is reported at its path, showing the value."""
        record = copy.deepcopy(ror_records.CALTECH)
        record["relationships"][0]["id"] = "https://ror.org/027k65917"
        assert errors_for(record) == (
            (
                "$.relationships[0].id: '027k65917' is not a valid ROR id: its check digits are "
                "'17', but the first seven characters need '16'; check for a typo"
            ),
        )

    def test_bad_isni_path(self) -> None:
        """A bad external id is reported at its index in 'all'."""
        record = copy.deepcopy(ror_records.CALTECH)
        record["external_ids"][1]["all"] = ["0000 0001 0706 8891"]
        (error,) = errors_for(record)
        assert error.startswith("$.external_ids[1].all[0]: '0000000107068891' is not a valid ISNI")

    def test_not_a_ror_url(self) -> None:
        """The record's id must be a ROR URL."""
        assert errors_for(changed(ror_records.CALTECH, id="05dxps055")) == (
            "$.id: expected a ROR id URL such as 'https://ror.org/05dxps055', got '05dxps055'",
        )

    def test_many_problems_at_once(self) -> None:
        """Problems in different parts of a record are all reported, each with its path."""
        record = copy.deepcopy(ror_records.UTOKYO)
        record["types"] = ["university"]
        record["status"] = "closed"
        record["established"] = "1877"
        record["names"][1]["lang"] = "xx"
        record["links"][0]["value"] = "ftp://u-tokyo.ac.jp/"
        record["locations"][0]["geonames_details"]["country_code"] = "ZZ"
        errors = errors_for(record)
        assert [e.split(":", 1)[0] for e in errors] == [
            "$.names[1].lang",
            "$.types[0]",
            "$.status",
            "$.established",
            "$.locations[0].geonames_details.country_code",
            "$.links[0].value",
        ]

    def test_wrong_shapes(self) -> None:
        """Values of the wrong JSON type are reported, not crashed on."""
        record = changed(ror_records.CALTECH, names="Caltech", locations={}, links=[5])
        assert errors_for(record) == (
            "$.names: expected an array, got 'Caltech'",
            "$.names: the record has no label (a name of type ror_display or label)",
            "$.locations: expected an array, got {}",
            "$.links[0]: expected an object, got 5",
        )

    def test_name_without_type(self) -> None:
        """A name needs one of ROR's name types."""
        record = copy.deepcopy(ror_records.CALTECH)
        record["names"][2]["types"] = ["nickname"]
        assert errors_for(record) == (
            (
                "$.names[2].types[0]: expected one of "
                "['acronym', 'alias', 'label', 'ror_display'], got 'nickname'"
            ),
            "$.names[2].types: a name needs a type: ror_display, label, acronym or alias",
        )
