"""Tests for the JSON format: to_dict, from_dict, to_json, from_json."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import example, given

from lifesci_partners import (
    Address,
    Agreement,
    AgreementKind,
    Cluster,
    Directory,
    LocalizedText,
    NonRenewalNotice,
    Organization,
    Party,
    Period,
    Renewal,
    Term,
    TermConvention,
    Termination,
    ValidationError,
    __version__,
    examples,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from lifesci_partners import strategies as lst


def seed_document() -> dict[str, Any]:
    data = json.loads(examples.link_j_mpr_json())
    assert isinstance(data, dict)
    return data


def lifecycle_agreement() -> Agreement:
    """An agreement that uses every lifecycle field."""
    return Agreement(
        id="a",
        kind=AgreementKind.COOPERATION,
        parties=(Party("link-j"), Party("mpr")),
        effective_on=dt.date(2020, 2, 29),
        term=Term(years=1),
        convention=TermConvention.START_DAY_EXCLUDED,
        renewal=Renewal(Term(years=1), automatic=True, max_renewals=4, notice=Term(months=3)),
        max_extent_on=dt.date(2024, 12, 31),
        stated_end_on=dt.date(2021, 2, 28),
        events=(
            NonRenewalNotice(dt.date(2022, 12, 1), by="mpr"),
            Termination(dt.date(2023, 1, 31), by="link-j", reason=LocalizedText({"en": "merger"})),
        ),
    )


def errors_for(data: Any, cls: type = Directory) -> tuple[str, ...]:
    with pytest.raises(ValidationError) as info:
        from_dict(data, cls)
    return info.value.errors


class TestRoundTrip:
    @given(lst.directories())
    def test_directory(self, directory: Directory) -> None:
        """Every directory survives to_json/from_json unchanged."""
        assert from_json(to_json(directory), Directory) == directory

    @given(lst.agreements())
    @example(lifecycle_agreement())
    @example(Agreement("a", AgreementKind.MOU, (Party("x"), Party("y")), dt.date(2020, 2, 29)))
    def test_p12_agreement(self, agreement: Agreement) -> None:
        """Property 12: every generated agreement, lifecycle data included, survives JSON."""
        assert from_json(to_json(agreement), Agreement) == agreement

    @given(lst.renewals())
    def test_renewal(self, renewal: Renewal) -> None:
        """Every renewal clause survives to_json/from_json unchanged."""
        assert from_json(to_json(renewal), Renewal) == renewal

    @given(lst.non_renewal_notices())
    def test_non_renewal_notice(self, notice: NonRenewalNotice) -> None:
        """Every notice of non-renewal survives to_json/from_json unchanged."""
        assert from_json(to_json(notice), NonRenewalNotice) == notice

    @given(lst.terminations())
    def test_termination(self, termination: Termination) -> None:
        """Every termination survives to_json/from_json unchanged."""
        assert from_json(to_json(termination), Termination) == termination

    @given(lst.periods())
    def test_generated_period(self, period: Period) -> None:
        """Every generated period survives to_json/from_json unchanged."""
        assert from_json(to_json(period), Period) == period

    @given(lst.organizations())
    def test_organization(self, organization: Organization) -> None:
        """Every organization survives to_json/from_json unchanged."""
        assert from_json(to_json(organization), Organization) == organization

    @given(lst.addresses())
    def test_address(self, address: Address) -> None:
        """Every address survives to_json/from_json unchanged."""
        assert from_json(to_json(address), Address) == address

    @given(lst.localized_texts())
    def test_localized_text(self, text: LocalizedText) -> None:
        """Localized text survives as a plain object."""
        assert from_json(to_json(text), LocalizedText) == text

    @given(lst.terms())
    def test_term(self, term: Term) -> None:
        """Terms are ISO 8601 strings."""
        assert from_json(to_json(term), Term) == term

    def test_period(self) -> None:
        """Periods round-trip, open-ended or not."""
        for period in (
            Period(dt.date(2020, 1, 1)),
            Period(dt.date(2020, 1, 1), dt.date(2021, 1, 1)),
        ):
            assert from_json(to_json(period), Period) == period

    def test_seed_document_is_stable(self) -> None:
        """The shipped document reads back to the same dict it was written as."""
        assert to_dict(examples.link_j_mpr()) == seed_document()


class TestShapes:
    def test_scalars(self) -> None:
        """Dates, terms, enums and texts have their documented JSON forms."""
        mou = to_dict(examples.link_j_mpr().agreement("mou-link-j-mpr-2020"))
        assert (mou["effective_on"], mou["term"], mou["kind"]) == ("2020-02-05", "P5Y", "mou")

    def test_defaults_are_omitted(self) -> None:
        """Fields left at their defaults are not written."""
        assert to_dict(Party("a")) == {"org": "a"}

    def test_non_ascii_kept(self) -> None:
        """Japanese text is written as is, not escaped."""
        assert "ライフサイエンス" in to_json(examples.link_j_mpr())


class TestLifecycleShapes:
    def test_lifecycle_fields(self) -> None:
        """Renewal, limits and events have their documented JSON forms; events are tagged."""
        data = to_dict(lifecycle_agreement())
        assert data["renewal"] == {"term": "P1Y", "max_renewals": 4, "notice": "P3M"}
        assert (data["max_extent_on"], data["stated_end_on"]) == ("2024-12-31", "2021-02-28")
        assert data["events"] == [
            {"type": "non_renewal_notice", "on": "2022-12-01", "by": "mpr"},
            {"type": "termination", "on": "2023-01-31", "by": "link-j", "reason": {"en": "merger"}},
        ]

    def test_unknown_event_type(self) -> None:
        """An event of an unknown type is reported at its type, listing the known ones."""
        data = to_dict(lifecycle_agreement())
        data["events"][0]["type"] = "renewed"
        assert errors_for(data, Agreement) == (
            (
                "$.events[0].type: expected one of 'non_renewal_notice', 'termination', "
                "'option_exercised', got a string ('renewed')"
            ),
        )

    def test_missing_event_type(self) -> None:
        """An event without a type is reported, not guessed."""
        data = to_dict(lifecycle_agreement())
        del data["events"][1]["type"]
        (error,) = errors_for(data, Agreement)
        assert error.startswith("$.events[1].type: expected one of")
        assert "the key is missing" in error

    def test_event_type_checked_for_a_single_event(self) -> None:
        """Read on its own, an event must carry its own type."""
        assert errors_for(
            {"type": "termination", "on": "2020-01-01", "by": "x"}, NonRenewalNotice
        ) == ("$.type: expected 'non_renewal_notice', got a string ('termination')",)

    def test_event_field_errors_have_paths(self) -> None:
        """A bad field inside an event is reported at its full path."""
        data = to_dict(lifecycle_agreement())
        data["events"][1]["on"] = "2023-02-30"
        data["events"][0]["extra"] = 1
        assert set(errors_for(data, Agreement)) == {
            "$.events[1].on: '2023-02-30' is not a calendar date",
            "$.events[0].extra: unknown key; expected only: type, on, by",
        }

    def test_lifecycle_rule_reported_in_a_directory(self) -> None:
        """A lifecycle rule broken inside a directory document is reported at its path."""
        data = seed_document()
        data["agreements"][0]["events"] = [{"type": "termination", "on": "2019-01-01"}]
        assert errors_for(data) == (
            (
                "$.agreements[0].events[0].on: the termination (2019-01-01) is before the "
                "effective date (2020-02-05)"
            ),
        )


class TestStrictInput:
    def test_unknown_key(self) -> None:
        """Unknown keys are refused, each with its path."""
        data = seed_document()
        data["organizations"][0]["founded"] = "2005"
        (error,) = errors_for(data)
        assert error.startswith(
            "$.organizations[0].founded: unknown key; did you mean 'founded_on'? expected only: "
            "id, name, acronym, headquarters, website, "
        )

    def test_unknown_key_of_a_cluster(self) -> None:
        """A cluster's unknown key lists its tag and its own fields too."""
        data = seed_document()
        data["organizations"][1]["key_area"] = []
        (error,) = errors_for(data)
        assert error.startswith(
            "$.organizations[1].key_area: unknown key; did you mean 'key_areas'? expected only: "
            "type, id, name, "
        )

    def test_unknown_key_without_a_close_match(self) -> None:
        """An unknown key like no field gets the list of keys, without a guess."""
        data = seed_document()
        data["organizations"][0]["colour"] = "blue"
        (error,) = errors_for(data)
        assert error.startswith("$.organizations[0].colour: unknown key; expected only: id, ")

    def test_number_is_not_text(self) -> None:
        """A number where text is expected is an error, never converted."""
        data = seed_document()
        data["organizations"][0]["acronym"] = 5
        assert errors_for(data) == (
            "$.organizations[0].acronym: expected a string, got a number (5)",
        )

    def test_string_is_not_a_list(self) -> None:
        """A string where a list is expected is not split into characters."""
        data = seed_document()
        data["agreements"][0]["parties"] = "ab"
        assert errors_for(data) == (
            "$.agreements[0].parties: expected an array, got a string ('ab')",
        )

    def test_missing_required_key(self) -> None:
        """A missing required key is reported at its path."""
        data = seed_document()
        del data["agreements"][0]["effective_on"]
        assert errors_for(data) == ("$.agreements[0].effective_on: required, but missing",)

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("2020-02-30", "'2020-02-30' is not a calendar date"),
            ("20200205", "expected a date as 'YYYY-MM-DD'"),
            ("2020-02-05T00:00", "expected a date as 'YYYY-MM-DD'"),
            (20200205, "expected a date as 'YYYY-MM-DD', got a number"),
        ],
    )
    def test_bad_dates(self, value: object, message: str) -> None:
        """Only real dates in YYYY-MM-DD form are read."""
        data = seed_document()
        data["agreements"][0]["effective_on"] = value
        (error,) = errors_for(data)
        assert error.startswith("$.agreements[0].effective_on: " + message)

    def test_bad_enum_lists_allowed_values(self) -> None:
        """An unknown kind names the allowed values."""
        data = seed_document()
        data["agreements"][0]["kind"] = "MOU"
        (error,) = errors_for(data)
        assert error.startswith("$.agreements[0].kind: expected one of 'mou', ")

    def test_bad_term(self) -> None:
        """A bad duration is reported at its path."""
        data = seed_document()
        data["agreements"][0]["term"] = "5 years"
        (error,) = errors_for(data)
        expected = "a term is written as an ISO 8601 duration: 'P5Y', not '5 years'"
        assert error == f"$.agreements[0].term: {expected}"

    def test_bad_locale_key_path(self) -> None:
        """A bad locale key is reported inside the text's path."""
        data = seed_document()
        data["organizations"][1]["name"]["C"] = "?"
        assert errors_for(data) == (
            (
                "$.organizations[1].name['C']: malformed locale 'C': use a BCP 47 language tag "
                "such as 'en', 'ja-JP' or 'ja_JP', or 'und' when the language is not known"
            ),
        )

    def test_model_rule_reported_at_object_path(self) -> None:
        """A rule checked by the model itself is reported under the object's path."""
        data = seed_document()
        data["agreements"][0]["parties"] = [{"org": "mpr"}, {"org": "mpr"}]
        assert errors_for(data) == (
            (
                "$.agreements[0].parties: an agreement needs at least two distinct parties, "
                "got ['mpr', 'mpr']"
            ),
            "$.agreements[0].parties[1].org: 'mpr' is already a party",
        )

    def test_dangling_reference(self) -> None:
        """A party that is no organization is reported with its path."""
        data = seed_document()
        data["agreements"][0]["parties"][1]["org"] = "medicen"
        assert errors_for(data) == (
            "$.agreements[0].parties[1].org: no organization with id 'medicen' in the directory",
        )

    def test_all_problems_at_once(self) -> None:
        """Problems in different places are all reported in one error."""
        data = seed_document()
        data["organizations"][0]["website"] = 1
        data["organizations"][1]["headquarters"]["country"] = "fr"
        data["agreements"][0]["term"] = 5
        assert len(errors_for(data)) == 3

    def test_not_an_object(self) -> None:
        """A list is not a directory."""
        assert errors_for([]) == ("$: expected a directory document (an object), got an array",)

    def test_nested_not_an_object(self) -> None:
        """A string where an object is expected is reported, not a crash."""
        data = seed_document()
        data["organizations"][0] = "link-j"
        assert errors_for(data) == (
            "$.organizations[0]: expected an object, got a string ('link-j')",
        )

    def test_format_and_version_checked(self) -> None:
        """The envelope's format and version are checked."""
        data = seed_document()
        data["format"] = "other"
        data["version"] = 2
        assert errors_for(data) == (
            "$.format: expected 'lifesci-partners', got a string ('other')",
            (
                f"$.version: version 2 documents need a lifesci-partners newer than "
                f"{__version__}, which reads versions up to 1; upgrade it with "
                "'pip install --upgrade lifesci-partners'"
            ),
        )

    def test_bool_is_not_int(self) -> None:
        """True is not a version number."""
        data = seed_document()
        data["version"] = True
        assert errors_for(data) == ("$.version: expected a whole number, got a boolean",)

    def test_unsupported_class(self) -> None:
        """Asking for a class that is not a model is a TypeError, not a ValidationError."""
        with pytest.raises(TypeError, match="not a lifesci-partners model"):
            from_dict({}, dt.timezone)


class TestJsonText:
    def test_invalid_json(self) -> None:
        """Text that is not JSON is reported with its position."""
        with pytest.raises(ValidationError, match=r"\$: not valid JSON: .* \(line 1, column 2\)"):
            from_json("{", Directory)

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_non_finite_refused(self, constant: str) -> None:
        """NaN and infinities are not JSON."""
        with pytest.raises(ValidationError, match="not valid JSON"):
            from_json(f'{{"x": {constant}}}', Directory)

    def test_bytes_accepted(self) -> None:
        """UTF-8 bytes are read like text."""
        raw = examples.link_j_mpr_json().encode()
        assert from_json(raw, Directory) == examples.link_j_mpr()

    def test_invalid_utf8(self) -> None:
        """Bytes that are not UTF-8 are reported, not a UnicodeDecodeError."""
        with pytest.raises(ValidationError, match="not valid UTF-8 text"):
            from_json(b'{"format": "\xff"}', Directory)

    def test_indent(self) -> None:
        """Indent pretty-prints."""
        assert to_json(Party("a"), indent=2) == '{\n  "org": "a"\n}'


class TestOrganizationTypes:
    def test_plain_organization_has_no_type(self) -> None:
        """A plain organization is written as before clusters existed, without "type"."""
        assert "type" not in to_dict(Organization("a", LocalizedText({"en": "A"})))

    def test_explicit_organization_type(self) -> None:
        """An explicit "type": "organization" gives a plain organization."""
        data = {"type": "organization", "id": "a", "name": {"en": "A"}}
        assert type(from_dict(data, Organization)) is Organization

    def test_cluster_type(self) -> None:
        """An object with "type": "cluster" is a Cluster wherever an organization is expected."""
        data = seed_document()
        assert data["organizations"][1]["type"] == "cluster"
        assert isinstance(from_dict(data, Directory).organizations[1], Cluster)

    def test_unknown_type(self) -> None:
        """An unknown type is reported with its path and the choices, not read as a default."""
        data = seed_document()
        data["organizations"][1]["type"] = "clustre"
        assert errors_for(data) == (
            (
                "$.organizations[1].type: expected one of 'organization', 'cluster', got a string "
                "('clustre')"
            ),
        )

    def test_cluster_fields_need_the_type(self) -> None:
        """Cluster fields on an untyped object are unknown keys of an organization."""
        data = seed_document()
        del data["organizations"][1]["type"]
        assert errors_for(data)[0].startswith("$.organizations[1].achievements: unknown key")

    def test_not_an_object(self) -> None:
        """An organization that is not an object says so."""
        assert errors_for(["x"], Organization) == ("$: expected an object, got an array",)

    def test_cluster_read_directly(self) -> None:
        """A cluster is read as a Cluster with or without its tag, but not as another type."""
        data = seed_document()["organizations"][1]
        assert isinstance(from_dict(data, Cluster), Cluster)
        assert isinstance(
            from_dict({k: v for k, v in data.items() if k != "type"}, Cluster), Cluster
        )
        assert errors_for({**data, "type": "organization"}, Cluster) == (
            "$.type: expected one of 'cluster', got a string ('organization')",
        )


class TestClaimTypes:
    def test_tagged(self) -> None:
        """Claims in an announcement carry their type."""
        claims = seed_document()["announcements"][0]["claims"]
        assert [c["type"] for c in claims] == ["partner_count", "partner_count", "partner_rank"]

    def test_type_required(self) -> None:
        """A claim without a type is reported with the choices."""
        data = seed_document()
        del data["announcements"][0]["claims"][2]["type"]
        assert errors_for(data) == (
            (
                "$.announcements[0].claims[2].type: required, but missing; one of 'partner_rank', "
                "'partner_count'"
            ),
        )


class TestEveryProblem:
    def test_field_rules_checked_when_another_field_is_unreadable(self) -> None:
        """A bad id is reported even when a sibling field cannot be read at all."""
        data = seed_document()
        data["organizations"][1]["id"] = "m p r"
        data["organizations"][1]["name"] = 5
        assert errors_for(data) == (
            (
                "$.organizations[1].name: expected an object of locale to text such as "
                "{'en': '...'}, got a number (5)"
            ),
            (
                "$.organizations[1].id: 'm p r' is not a valid id: use 1 to 200 letters, digits, "
                "'.', '_', ':' or '-', starting with a letter or digit"
            ),
        )
