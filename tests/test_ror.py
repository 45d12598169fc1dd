"""Tests for from_ror: importing ROR v2 records."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    Address,
    Coordinates,
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
    Provenance,
    Relationship,
    RelationshipKind,
    ValidationError,
    from_json,
    from_ror,
    to_json,
    to_jsonld,
)
from lifesci_partners._ror import read_record
from tests import ror_records
from tests.ror_records import real


def errors_for(record: Any, **options: Any) -> tuple[str, ...]:
    with pytest.raises(ValidationError) as info:
        from_ror(record, **options)
    return info.value.errors


def changed(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    copied = copy.deepcopy(record)
    copied.update(changes)
    return copied


def display(record: dict[str, Any]) -> str:
    """The value of the record's ror_display name."""
    return str(next(n["value"] for n in record["names"] if "ror_display" in n["types"]))


class TestCaltech:
    org = from_ror(ror_records.CALTECH)

    def test_id_and_ror_identifier(self) -> None:
        """The bare ROR id is the organization's id and its first identifier."""
        assert self.org.id == "05dxps055"
        assert self.org.identifiers[0] == Identifier("ror", "05dxps055")

    def test_names(self) -> None:
        """The labelled display name, the acronym, and an alias of unknown language."""
        assert self.org.name == LocalizedText({"en": "California Institute of Technology"})
        assert (self.org.acronym, self.org.acronym_locale) == ("CIT", None)
        assert self.org.other_names == (OrganizationName("Caltech", NameKind.ALIAS),)

    def test_kinds_status_established(self) -> None:
        """ROR education is a university; funder too; active; established 1891."""
        assert self.org.kind is OrganizationKind.UNIVERSITY
        assert self.org.other_kinds == (OrganizationKind.FUNDER,)
        assert self.org.status is OrganizationStatus.ACTIVE
        assert self.org.founded_on == PartialDate(1891)

    def test_headquarters(self) -> None:
        """The GeoNames place: names under und, ISO 3166-2 code, GeoNames id, exact coordinates."""
        assert self.org.headquarters == Address(
            country="US",
            locality=LocalizedText({"und": "Pasadena"}),
            region=LocalizedText({"und": "California"}),
            subdivision="US-CA",
            geonames_id=5381396,
            coordinates=Coordinates(Decimal("34.14778"), Decimal("-118.14452")),
        )

    def test_links_and_domains(self) -> None:
        """The website is the website; Wikipedia is a link; the domain is kept."""
        assert self.org.website == "https://www.caltech.edu"
        assert self.org.links == (
            Link(
                "https://en.wikipedia.org/wiki/California_Institute_of_Technology",
                LinkKind.WIKIPEDIA,
            ),
        )
        assert self.org.domains == ("caltech.edu",)

    def test_external_ids(self) -> None:
        """External ids are checked identifiers, the preferred ones marked; ISNI spaces go."""
        assert self.org.identifiers[1:] == (
            Identifier("grid", "grid.20861.3d", preferred=True),
            Identifier("isni", "0000000107068890"),
            Identifier("wikidata", "Q161562", preferred=True),
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

    def test_provenance(self) -> None:
        """The admin dates and schema versions are the organization's provenance."""
        assert self.org.provenance == Provenance(
            "ror",
            "05dxps055",
            created_on=dt.date(2018, 11, 14),
            created_schema_version="1.0",
            modified_on=dt.date(2024, 12, 11),
            schema_version="2.1",
        )

    def test_record_not_changed(self) -> None:
        """Importing leaves the record as it was."""
        before = copy.deepcopy(ror_records.CALTECH)
        from_ror(ror_records.CALTECH)
        assert before == ror_records.CALTECH


class TestNames:
    def test_display_name_without_language_is_und_and_first(self) -> None:
        """A display name whose lang is null is kept under und, before the Japanese label."""
        org = from_ror(real("001jhm646"))
        assert list(org.name.items()) == [
            ("und", "Kimuratan Corporation (Japan)"),
            ("ja", "株式会社キムラタン"),
        ]

    def test_second_label_without_language_is_another_name(self) -> None:
        """Two labels without a language: the display one is the name, the other is kept."""
        org = from_ror(real("001jhm646"))
        assert OrganizationName("Kimuratan Corporation", NameKind.LABEL) in org.other_names

    def test_display_name_and_locale_match(self) -> None:
        """display_name() is the registry's name; display_name('ja') the Japanese label."""
        org = from_ror(real("001jhm646"))
        assert org.display_name() == "Kimuratan Corporation (Japan)"
        assert org.display_name("ja") == "株式会社キムラタン"
        assert org.display_name("en") == "Kimuratan Corporation (Japan)"

    def test_utokyo_in_english_is_the_display_name(self) -> None:
        """The issue's case: a display name without language stays the English-locale name."""
        record = copy.deepcopy(ror_records.UTOKYO)
        record["names"][0]["lang"] = None
        record["names"][2]["value"] = "UT"
        org = from_ror(record)
        assert org.display_name("en") == "The University of Tokyo (UT)"
        assert to_jsonld(org, locale="en")["name"] == "The University of Tokyo"

    def test_display_label_comes_first_whatever_its_language(self) -> None:
        """CNRS's French display label is the first of its names and the one shown by default."""
        org = from_ror(ror_records.CNRS)
        assert list(org.name) == ["fr", "en"]
        assert org.display_name() == "Centre National de la Recherche Scientifique (CNRS)"

    def test_every_type_of_a_name_is_kept(self) -> None:
        """A name typed alias and label is a label and an alias."""
        record = real("017jsrs50")
        (both,) = [n for n in record["names"] if set(n["types"]) == {"alias", "label"}]
        org = from_ror(record)
        kinds = {n.kind for n in org.all_names() if n.text == both["value"]}
        assert kinds == {NameKind.LABEL, NameKind.ALIAS}

    def test_acronym_and_label(self) -> None:
        """A name typed acronym and label is the acronym and a label, with its language."""
        record = copy.deepcopy(ror_records.CALTECH)
        record["names"][0] = {"value": "CIT", "types": ["acronym", "label"], "lang": "fr"}
        org = from_ror(record)
        assert (org.acronym, org.acronym_locale) == ("CIT", "fr")
        assert org.name.best("fr") == "CIT"

    def test_acronym_in_the_display_language_is_the_main_one(self) -> None:
        """Of several acronyms, the one in the display name's language is the acronym."""
        record = copy.deepcopy(ror_records.CNRS)
        record["names"].insert(0, {"value": "FNCSR", "types": ["acronym"], "lang": "en"})
        record["names"].append({"value": "CNRS-FR", "types": ["acronym"], "lang": "fr"})
        org = from_ror(record)
        assert (org.acronym, org.acronym_locale) == ("CNRS-FR", "fr")
        assert OrganizationName("FNCSR", NameKind.ACRONYM, "en") in org.other_names

    @pytest.mark.parametrize("lang", ["oj", "sh", "kr", "kg"])
    def test_language_without_cldr_data_is_kept(self, lang: str) -> None:
        """A language tag CLDR has no data for is stored, not refused."""
        record = copy.deepcopy(ror_records.UTOKYO)
        record["names"][1]["lang"] = lang
        assert from_ror(record).name[lang] == "東京大学"

    def test_default_language(self) -> None:
        """default_language is the language of names without one."""
        org = from_ror(ror_records.EXAMPLE_INACTIVE, default_language="en")
        assert org.name == LocalizedText({"en": "Example Institute of Biology"})
        assert (org.acronym, org.acronym_locale) == ("EIB", "en")

    def test_display_name_typed_alias_too(self) -> None:
        """A display name that is also an alias is the name and an alias."""
        record = real("04kt7rq05")
        org = from_ror(record)
        assert org.display_name().startswith(display(record))
        assert OrganizationName(display(record), NameKind.ALIAS, "en") in org.other_names


class TestSchemaValid:
    def test_established_as_a_whole_float(self) -> None:
        """'established': 1897.0 is the year 1897."""
        record = changed(ror_records.CALTECH, established=1897.0)
        assert from_ror(record).founded_on == PartialDate(1897)

    def test_country_code_null(self) -> None:
        """A place without a country code is kept without a country."""
        record = copy.deepcopy(ror_records.CALTECH)
        details = record["locations"][0]["geonames_details"]
        details["country_code"] = details["country_subdivision_code"] = None
        headquarters = from_ror(record).headquarters
        assert headquarters is not None
        assert (headquarters.country, headquarters.geonames_id) == (None, 5381396)

    def test_integer_latitude(self) -> None:
        """A latitude written as a whole number is a whole number of degrees."""
        record = real("01800zd49")
        org = from_ror(record)
        assert org.headquarters is not None
        assert org.headquarters.coordinates is not None
        lat = record["locations"][0]["geonames_details"]["lat"]
        assert org.headquarters.coordinates.latitude == Decimal(lat)

    def test_more_locations(self) -> None:
        """The first location is the headquarters, the others are locations."""
        org = from_ror(real("00wgpgb78"))
        assert org.headquarters is not None
        assert len(org.locations) == 2  # the record's three, less the first

    def test_org_id(self) -> None:
        """org_id chooses the id in your data set."""
        assert from_ror(ror_records.CALTECH, org_id="caltech").id == "caltech"

    def test_bad_org_id(self) -> None:
        """A bad org_id is reported as the argument, not as the record's id."""
        assert errors_for(ror_records.CALTECH, org_id="a b")[0].startswith(
            "$: the org_id argument: 'a b' is not a valid id"
        )


class TestRealRecords:
    @pytest.mark.parametrize("record", ror_records.REAL, ids=lambda r: r["id"][-9:])
    def test_imports_with_its_display_name_first(self, record: dict[str, Any]) -> None:
        """Every real record imports, and display_name() starts with the ror_display name."""
        org = from_ror(record)
        assert org.display_name().startswith(display(record))
        assert next(iter(org.name.values())) == display(record)

    @pytest.mark.parametrize("record", ror_records.REAL, ids=lambda r: r["id"][-9:])
    def test_round_trip(self, record: dict[str, Any]) -> None:
        """An imported organization survives to_json/from_json unchanged."""
        org = from_ror(record)
        assert from_json(to_json(org), Organization) == org

    @pytest.mark.parametrize("record", ror_records.REAL, ids=lambda r: r["id"][-9:])
    def test_jsonld_is_json(self, record: dict[str, Any]) -> None:
        """The JSON-LD of an imported organization is JSON, named by its display name."""
        node = json.loads(json.dumps(to_jsonld(from_ror(record)), allow_nan=False))
        assert node["name"] == display(record)

    @pytest.mark.parametrize("record", ror_records.REAL, ids=lambda r: r["id"][-9:])
    def test_nothing_needed_is_dropped(self, record: dict[str, Any]) -> None:
        """Domains, GeoNames ids, every external id and the ROR id all arrive."""
        org = from_ror(record)
        assert org.domains == tuple(record["domains"])
        places = (org.headquarters, *org.locations) if org.headquarters else ()
        assert [p.geonames_id for p in places] == [
            loc["geonames_id"] for loc in record["locations"]
        ]
        assert sum(len(e["all"]) for e in record["external_ids"]) == len(org.identifiers) - 1
        assert org.provenance is not None
        assert org.provenance.record_id == org.id


class TestErrors:
    def test_not_an_object(self) -> None:
        """A list is not a record."""
        assert errors_for([]) == ("$: expected a ROR record (an object), got []",)

    def test_missing_required(self) -> None:
        """Missing id and names are each reported."""
        assert errors_for({}) == (
            "$.id: required in a ROR v2 record, but missing",
            "$.names: required in a ROR v2 record, but missing",
        )

    def test_unknown_key(self) -> None:
        """A key that ROR v2 does not define is refused rather than ignored."""
        (error,) = errors_for(changed(ror_records.CALTECH, acronyms=["CIT"]))
        assert error.startswith("$.acronyms: unknown key in a ROR v2 record")
        assert error.endswith("(in ROR record 05dxps055)")

    def test_bad_checksum_in_relationship(self) -> None:
        """A related ROR id with a bad checksum is reported at its path, with the record's id."""
        record = copy.deepcopy(ror_records.CALTECH)
        record["relationships"][0]["id"] = "https://ror.org/027k65917"
        assert errors_for(record) == (
            (
                "$.relationships[0].id: '027k65917' is not a valid ROR id: its check digits are "
                "'17', but the first seven characters need '16'; check for a typo "
                "(in ROR record 05dxps055)"
            ),
        )

    def test_bad_isni_path(self) -> None:
        """A bad external id is reported at its index in 'all'."""
        record = copy.deepcopy(ror_records.CALTECH)
        record["external_ids"][1]["all"] = ["0000 0001 0706 8891"]
        (error,) = errors_for(record)
        assert error.startswith("$.external_ids[1].all[0]: '0000000107068891' is not a valid ISNI")

    def test_grid_url_instead_of_id(self) -> None:
        """A URL where a bare GRID id belongs is refused at its path."""
        record = copy.deepcopy(ror_records.CALTECH)
        record["external_ids"][0]["all"] = ["https://grid.ac/institutes/grid.20861.3d"]
        assert errors_for(record)[0].startswith("$.external_ids[0].all[0]: ")

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
        record["names"][1]["lang"] = "en_US.UTF-8"
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
            (
                "$.names: the record has no usable display name or label (a name of type "
                "ror_display or label) (in ROR record 05dxps055)"
            ),
            "$.names: expected an array, got 'Caltech' (in ROR record 05dxps055)",
        )

    def test_list_in_place_of_a_type(self) -> None:
        """The issue's crash: a list inside a name's types is a ValidationError."""
        record = copy.deepcopy(ror_records.CALTECH)
        record["names"][1]["types"] = [["label"]]
        (first, *_) = errors_for(record)
        assert first.startswith("$.names: the record has no usable display name")

    def test_name_without_type(self) -> None:
        """A name needs one of ROR's name types."""
        record = copy.deepcopy(ror_records.CALTECH)
        record["names"][2]["types"] = ["nickname"]
        assert errors_for(record) == (
            (
                "$.names[2].types[0]: expected one of acronym, alias, label, ror_display, "
                "got 'nickname' (in ROR record 05dxps055)"
            ),
        )


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _mutated(record: dict[str, Any], path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copied = copy.deepcopy(record)
    parent = copied
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = [parent[path[-1]]] if new == "wrap in a list" else new
    return copied


_BAD_VALUES = st.sampled_from(
    [
        None,
        [],
        {},
        "",
        " ",
        "x",
        0,
        -1,
        1.5,
        10**400,
        float("nan"),
        float("inf"),
        True,
        [["label"]],
        {"value": "x"},
        "wrap in a list",
    ]
)


@st.composite
def mutated_records(draw: st.DrawFn) -> Any:
    """A real record with one value, at any level, replaced by one of the wrong type."""
    record = draw(st.sampled_from(ror_records.REAL))
    path = draw(st.sampled_from(list(_paths(record))))
    return _mutated(record, path, draw(_BAD_VALUES))


class TestMutation:
    @given(mutated_records())
    def test_only_validation_errors(self, record: Any) -> None:
        """from_ror gives an organization or a ValidationError, never another exception."""
        try:
            org = from_ror(record)
        except ValidationError:
            return
        assert isinstance(org, Organization)

    @given(mutated_records())
    def test_reading_never_raises(self, record: Any) -> None:
        """The lenient reader reports every problem and never raises."""
        read = read_record(record)
        assert (read.organization is None) == bool(read.errors)
