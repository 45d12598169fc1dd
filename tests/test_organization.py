"""Tests for Organization, Address and Founder."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    Address,
    Founder,
    FounderKind,
    Identifier,
    Link,
    LocalizedText,
    NameKind,
    Organization,
    OrganizationKind,
    OrganizationName,
    PartialDate,
    Person,
    Position,
    Relationship,
    RelationshipKind,
    ValidationError,
    examples,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst
from lifesci_partners._characters import forbidden_in
from tests.test_validate import ecma

NAME = LocalizedText({"en": "Medicen Paris Region"})


class TestAddress:
    def test_postal_code_with_a_control_character(self) -> None:
        """A postal code with ESC is refused, naming the character; it is no text to print."""
        with pytest.raises(ValidationError) as caught:
            Address("FR", postal_code="75\x1b013")
        assert caught.value.errors[0].startswith(
            "$.postal_code: the postal code holds U+001B (ESC, a control character) at position 2"
        )

    @given(st.text(alphabet="0123456789AB -\t\n\x00\x1b\x7f\x85\u202e\u200e", max_size=8))
    def test_postal_code_and_its_pattern(self, code: str) -> None:
        """A postal code is accepted exactly when its JSON Schema pattern matches it."""
        field = attrs.fields(Address).postal_code
        pattern = field.validator.validator.json_schema()["pattern"]  # type: ignore[union-attr]
        try:
            Address("FR", postal_code=code)
        except ValidationError:
            accepted = False
        else:
            accepted = True
        assert accepted == bool(re.search(ecma(pattern), code))
        assert accepted == (forbidden_in(code, one_line=True) is None)

    def test_country_name_from_cldr(self) -> None:
        """Country names come from CLDR in the asked locale."""
        address = Address(country="JP")
        assert (address.country_name("en"), address.country_name("ja")) == ("Japan", "日本")

    def test_lower_case_country_refused_with_hint(self) -> None:
        """'fr' is refused, suggesting 'FR'."""
        with pytest.raises(ValidationError, match="did you mean 'FR'"):
            Address(country="fr")

    @pytest.mark.parametrize("code", ["XX", "EU", "FRA", "001", ""])
    def test_unknown_country_refused(self, code: str) -> None:
        """Codes that are not ISO 3166-1 alpha-2 countries are refused."""
        with pytest.raises(ValidationError, match=r"\$\.country: .* is not an ISO 3166-1"):
            Address(country=code)

    def test_subdivision_of_its_country(self) -> None:
        """An ISO 3166-2 code starts with the address's country."""
        assert Address(country="US", subdivision="US-CA").subdivision == "US-CA"
        with pytest.raises(
            ValidationError, match=r"^\$\.subdivision: 'US-CA' is not a subdivision"
        ):
            Address(country="JP", subdivision="US-CA")

    @pytest.mark.parametrize("code", ["CA", "us-ca", "US-ABCD"])
    def test_malformed_subdivision(self, code: str) -> None:
        """A subdivision code is the country, a hyphen and up to three letters or digits."""
        with pytest.raises(ValidationError, match=r"^\$\.subdivision: expected an ISO 3166-2"):
            Address(subdivision=code)

    def test_country_may_be_unknown(self) -> None:
        """A place without a country is an address; one saying nothing is not."""
        assert Address(geonames_id=5381396).country_name("en") is None
        with pytest.raises(ValidationError, match="at least a country or a place"):
            Address()

    @pytest.mark.parametrize("value", [0, -1, 10**12, True, "5381396"])
    def test_bad_geonames_id(self, value: object) -> None:
        """A GeoNames id is a positive whole number."""
        with pytest.raises(ValidationError, match=r"^\$\.geonames_id: "):
            Address(country="US", geonames_id=value)  # type: ignore[arg-type]

    def test_locality_must_be_localized(self) -> None:
        """A plain string is not a LocalizedText."""
        with pytest.raises(ValidationError, match=r"\$\.locality: expected LocalizedText"):
            Address(country="FR", locality="Paris")  # type: ignore[arg-type]


class TestOrganization:
    def test_display_name_without_locale_is_the_first_name(self) -> None:
        """display_name() shows the main name, the first, even when English is there too."""
        org = Organization(id="x", name=LocalizedText({"ja": "東京大学", "en": "UTokyo"}))
        assert (org.display_name(), org.display_name("en")) == ("東京大学", "UTokyo")

    @pytest.mark.parametrize("domain", ["Caltech.edu", "caltech", "-a.org", "a b.org", 5])
    def test_bad_domain(self, domain: object) -> None:
        """A domain is a host name in lower case, reported at its index."""
        with pytest.raises(ValidationError, match=r"^\$\.domains\[1\]: expected a domain"):
            Organization(id="x", name=NAME, domains=["caltech.edu", domain])  # type: ignore[list-item]

    def test_repeated_domain(self) -> None:
        """A domain listed twice is refused."""
        with pytest.raises(ValidationError, match=r"\$\.domains\[1\]: the same as"):
            Organization(id="x", name=NAME, domains=["a.org", "a.org"])

    def test_acronym_locale_needs_an_acronym(self) -> None:
        """The language of an acronym that is not there is refused."""
        with pytest.raises(ValidationError, match=r"\$\.acronym_locale: "):
            Organization(id="x", name=NAME, acronym_locale="en")
        assert (
            Organization(id="x", name=NAME, acronym="UT", acronym_locale="en-GB").acronym_locale
            == "en_GB"
        )

    def test_display_name(self) -> None:
        """The display name adds the acronym."""
        org = Organization(id="mpr", name=NAME, acronym="MPR")
        assert org.display_name() == "Medicen Paris Region (MPR)"

    def test_display_name_without_acronym(self) -> None:
        """Without an acronym, just the name."""
        assert Organization(id="mpr", name=NAME).display_name() == "Medicen Paris Region"

    @pytest.mark.parametrize(
        "url", ["ftp://medicen.org/", "medicen.org", "https://", "javascript:x"]
    )
    def test_website_must_be_http(self, url: str) -> None:
        """Only absolute http(s) URLs are websites."""
        with pytest.raises(ValidationError, match=r"\$\.website: .* is not an http or https URL"):
            Organization(id="mpr", name=NAME, website=url)

    @pytest.mark.parametrize("bad_id", ["", "-x", "a b", "x" * 201])
    def test_bad_id(self, bad_id: str) -> None:
        """Ids are 1 to 200 safe characters."""
        with pytest.raises(ValidationError, match=r"\$\.id: "):
            Organization(id=bad_id, name=NAME)


def person(person_id: str, name: str) -> Person:
    return Person(person_id, LocalizedText({"en": name}))


def problems(**fields: Any) -> tuple[str, ...]:
    with pytest.raises(ValidationError) as info:
        Organization(id="mpr", name=NAME, **fields)
    return info.value.errors


class TestOrganizationFields:
    def test_new_fields_are_keyword_only(self) -> None:
        """Only the original five fields may be passed by position."""
        with pytest.raises(TypeError):
            Organization("mpr", NAME, None, None, None, ())  # type: ignore[call-arg]

    def test_collections_become_tuples(self) -> None:
        """Lists given for collections are stored as tuples."""
        org = Organization(id="mpr", name=NAME, kind=OrganizationKind.CLUSTER, other_kinds=[])
        assert org.other_kinds == ()

    def test_other_kinds_need_a_kind(self) -> None:
        """Other kinds without a main kind are refused."""
        assert problems(other_kinds=[OrganizationKind.NONPROFIT]) == (
            "$.other_kinds: give the main kind in kind first",
        )

    def test_other_kinds_do_not_repeat(self) -> None:
        """The main kind is not repeated among the other kinds, nor are they repeated."""
        assert problems(
            kind=OrganizationKind.CLUSTER,
            other_kinds=[
                OrganizationKind.CLUSTER,
                OrganizationKind.NONPROFIT,
                OrganizationKind.NONPROFIT,
            ],
        ) == (
            "$.other_kinds[0]: 'cluster' is already the kind",
            "$.other_kinds[2]: the same as $.other_kinds[1]",
        )

    def test_dissolved_before_founded(self) -> None:
        """A dissolution certainly before the founding is refused."""
        assert problems(founded_on=PartialDate(2005, 1, 3), dissolved_on=PartialDate(2004)) == (
            "$.dissolved_on: 2004 is before the founding, 2005-01-03",
        )

    def test_founded_and_dissolved_same_year(self) -> None:
        """Founded 2005-01-03 and dissolved in 2005 may both be true."""
        org = Organization(
            id="x", name=NAME, founded_on=PartialDate(2005, 1, 3), dissolved_on=PartialDate(2005)
        )
        assert org.dissolved_on == PartialDate(2005)

    def test_duplicate_identifiers(self) -> None:
        """The same identifier twice is refused with both paths."""
        ror = Identifier("ror", "05dxps055")
        assert problems(identifiers=[ror, ror]) == (
            "$.identifiers[1]: the same as $.identifiers[0]",
        )

    def test_person_described_twice_differently(self) -> None:
        """One person id must describe one person across positions."""
        role = LocalizedText({"en": "CEO"})
        assert problems(
            people=[
                Position(person("p", "Jessica Leygues"), role),
                Position(person("p", "J. Leygues"), role),
            ]
        ) == (
            (
                "$.people[1].person: person 'p' is described differently in $.people[0].person; "
                "use one description"
            ),
        )

    def test_same_person_in_two_roles(self) -> None:
        """The same person may hold two roles."""
        jl = person("jl", "Jessica Leygues")
        org = Organization(
            id="mpr",
            name=NAME,
            people=[
                Position(jl, LocalizedText({"en": "CEO"})),
                Position(jl, LocalizedText({"en": "Director"})),
            ],
        )
        assert len(org.people) == 2

    def test_all_problems_at_once(self) -> None:
        """Problems in several fields are reported together."""
        assert (
            len(
                problems(
                    other_kinds=[OrganizationKind.NONPROFIT],
                    founded_on=PartialDate(2005),
                    dissolved_on=PartialDate(2004),
                )
            )
            == 2
        )

    def test_links_http_only(self) -> None:
        """Links are checked like websites."""
        with pytest.raises(ValidationError, match=r"\$\.url: 'ftp://x.org/' is not an http"):
            Organization(id="x", name=NAME, links=[Link("ftp://x.org/")])

    def test_no_relationship_with_itself(self) -> None:
        """An organization cannot relate to itself, nor found itself."""
        assert problems(
            relationships=[Relationship(RelationshipKind.RELATED, organization="mpr")],
            founders=[Founder(NAME, FounderKind.ORGANIZATION, "mpr")],
        ) == (
            (
                "$.relationships[0].organization: an organization has no relationship with itself "
                "('mpr')"
            ),
            "$.founders[0].organization: an organization cannot found itself ('mpr')",
        )

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            (RelationshipKind.PARENT, RelationshipKind.CHILD),
            (RelationshipKind.SUCCESSOR, RelationshipKind.PREDECESSOR),
        ],
    )
    def test_both_parent_and_child_is_a_warning(
        self, first: RelationshipKind, second: RelationshipKind
    ) -> None:
        """Another organization both parent and child (or successor and predecessor) warns."""
        org = Organization(
            id="mpr",
            name=NAME,
            relationships=[
                Relationship(first, organization="link-j"),
                Relationship(second, organization="link-j"),
            ],
        )
        expected = (
            f"$.relationships[1]: the other organization is already this one's {first.value} in "
            f"$.relationships[0], and is its {second.value} too, at the same time as far as the "
            "dates tell"
        )
        assert org.warnings() == (expected,)

    def test_same_registry_identifier_is_the_same_organization(self) -> None:
        """The other organization is recognized by its registry identifier too."""
        ror = Identifier("ror", "05v4txf92")
        relationships = [
            Relationship(RelationshipKind.PARENT, identifier=ror),
            Relationship(RelationshipKind.CHILD, organization="x", identifier=ror),
        ]
        assert len(Organization(id="mpr", name=NAME, relationships=relationships).warnings()) == 1

    def test_parent_then_child_at_other_times(self) -> None:
        """Opposite relationships that certainly did not overlap in time give no warning."""
        relationships = [
            Relationship(RelationshipKind.PARENT, organization="x", end=PartialDate(2010)),
            Relationship(RelationshipKind.CHILD, organization="x", start=PartialDate(2011)),
        ]
        assert Organization(id="mpr", name=NAME, relationships=relationships).warnings() == ()

    def test_seed_organizations_give_no_warning(self) -> None:
        """The built-in data set is clean."""
        assert [org.warnings() for org in examples.link_j_mpr().organizations] == [(), ()]

    def test_identifier_lookup(self) -> None:
        """identifier() finds the first identifier of a scheme."""
        ror = Identifier("ror", "05dxps055")
        org = Organization(id="x", name=NAME, identifiers=[Identifier("wikidata", "Q42"), ror])
        assert (org.identifier("ror"), org.identifier("lei")) == (ror, None)

    def test_all_names(self) -> None:
        """all_names lists the labels by locale, the acronym, then the other names."""
        alias = OrganizationName("Medicen", NameKind.ALIAS, "fr")
        org = Organization(id="mpr", name=NAME, acronym="MPR", other_names=[alias])
        assert org.all_names() == (
            OrganizationName("Medicen Paris Region", NameKind.LABEL, "en"),
            OrganizationName("MPR", NameKind.ACRONYM),
            alias,
        )

    def test_founder_refers_only_as_organization(self) -> None:
        """A group founder cannot point to an organization id."""
        with pytest.raises(ValidationError, match=r"\$\.organization: only an organization"):
            Founder(LocalizedText({"en": "volunteers"}), FounderKind.GROUP, "link-j")

    def test_kinds_cover_the_issue(self) -> None:
        """Every kind the issue asks for exists."""
        required = {
            "association",
            "nonprofit",
            "company",
            "cluster",
            "university",
            "research_institute",
            "hospital",
            "government",
            "funder",
            "embassy",
            "other",
        }
        assert required <= {k.value for k in OrganizationKind}

    @given(lst.founders())
    def test_founder_round_trip(self, founder: Founder) -> None:
        """Every founder survives to_json/from_json unchanged."""
        assert from_json(to_json(founder), Founder) == founder
