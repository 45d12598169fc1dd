"""Tests for json_schema: generated from the models, valid, and in agreement with the reader."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import lifesci_partners
from lifesci_partners import (
    DOCUMENT_FORMAT,
    DOCUMENT_VERSION,
    Address,
    Agreement,
    AgreementKind,
    Directory,
    Identifier,
    LocalizedText,
    Organization,
    Party,
    Term,
    examples,
    json_schema,
    to_dict,
)
from lifesci_partners import strategies as lst
from lifesci_partners._json import _converters, _schema
from tests import _corpus

PUBLIC_TYPES = [
    obj
    for name in lifesci_partners.__all__
    if isinstance(obj := getattr(lifesci_partners, name), type)
    and (attrs.has(obj) or issubclass(obj, enum.Enum) or obj in _schema.SCHEMA_FRAGMENTS)
    # What an import or Agreement.history returns, not a document: it has no JSON form.
    and obj
    not in {
        lifesci_partners.ImportProblem,
        lifesci_partners.ImportResult,
        lifesci_partners.AgreementVersion,
        # Settings with holidays from a package (a calendar is given, not stored).
        lifesci_partners.BusinessCalendar,
    }
]


def validator(cls: Any) -> Draft202012Validator:
    return Draft202012Validator(
        json_schema(cls), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def assert_valid(cls: Any, data: Any) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(cls).iter_errors(data)]
    assert errors == []


class TestCoverage:
    @pytest.mark.parametrize("cls", PUBLIC_TYPES, ids=lambda c: c.__name__)
    def test_every_public_type_has_a_valid_schema(self, cls: type) -> None:
        """Every public model, enum and scalar has a schema valid under the 2020-12 metaschema."""
        Draft202012Validator.check_schema(json_schema(cls))

    @pytest.mark.parametrize("cls", PUBLIC_TYPES, ids=lambda c: c.__name__)
    def test_every_validator_is_known(self, cls: type) -> None:
        """Each field validator's rule is in the schema (or only checks the type)."""
        assert _schema.unknown_validators(cls) == []

    def test_directory_reaches_every_model(self) -> None:
        """The document schema defines every model that a directory contains."""
        defs = json_schema(Directory)["$defs"]
        for cls in (Organization, Address, Agreement, Party, AgreementKind, LocalizedText, Term):
            assert cls.__name__ in defs

    def test_type_without_fragment_is_refused(self) -> None:
        """A model with a field of a type that has no schema fragment cannot get a schema."""

        @attrs.frozen
        class WithComplex:
            value: complex

        with pytest.raises(
            TypeError, match=r"no JSON Schema for <class 'complex'>.*SCHEMA_FRAGMENTS"
        ):
            json_schema(WithComplex)

    def test_attrs_class_with_own_hooks_needs_a_fragment(self) -> None:
        """An attrs class read by hooks of its own is not described by its fields."""

        @attrs.frozen
        class Code:
            text: str

        _converters.converter.register_structure_hook(Code, lambda v, _: Code(v))
        with pytest.raises(TypeError, match="it has its own converter hooks"):
            json_schema(Code)

    def test_unknown_validator_is_reported(self) -> None:
        """A validator whose rule the schema does not know is listed, so a test can catch it."""

        def odd(_instance: object, _attribute: attrs.Attribute[int], _value: int) -> None:
            """A rule the schema builder has never heard of."""

        @attrs.frozen
        class WithRule:
            n: int = attrs.field(validator=odd)

        assert _schema.unknown_validators(WithRule) == [f"WithRule.n: {odd!r}"]

    def test_new_dict_each_time(self) -> None:
        """Changing a returned schema does not change the next one."""
        json_schema(Term)["pattern"] = "changed"
        assert json_schema(Term)["pattern"] != "changed"


class TestContent:
    def test_document_envelope(self) -> None:
        """The directory schema requires the format and the current version."""
        schema = json_schema(Directory)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["properties"]["format"]["const"] == DOCUMENT_FORMAT
        assert schema["properties"]["version"]["const"] == DOCUMENT_VERSION
        assert schema["required"] == ["format", "version"]

    def test_objects_are_closed(self) -> None:
        """Every object of the schema refuses unknown keys."""
        schema = json_schema(Directory)
        objects = [schema, *(d for d in schema["$defs"].values() if d.get("type") == "object")]
        objects = [o for o in objects if "properties" in o]
        assert objects
        assert all(o["additionalProperties"] is False for o in objects)

    def test_required_fields_are_those_without_defaults(self) -> None:
        """Required properties are exactly the fields without a default."""
        agreement = json_schema(Directory)["$defs"]["Agreement"]
        assert agreement["required"] == ["id", "kind", "parties", "effective_on"]

    def test_enum_values(self) -> None:
        """An enum lists its values, each with its docstring."""
        kind = json_schema(AgreementKind)
        assert kind["enum"] == [k.value for k in AgreementKind]
        assert "- mou: Memorandum of understanding" in kind["description"]

    def test_descriptions_from_docstrings(self) -> None:
        """A model is described by its docstring, each field by its Args entry, without markup."""
        org = json_schema(Organization)
        assert org["description"].startswith("An organization: a company, association")
        plain, cluster = org["oneOf"]  # a plain organization, or a cluster
        assert cluster == {"$ref": "#/$defs/Cluster"}
        assert plain["properties"]["acronym"]["description"] == (
            'The main acronym or short name ("LINK-J"), if any.'
        )
        party = json_schema(Party)
        assert party["properties"]["org"]["description"] == ("The id of the party's Organization.")

    def test_defaults(self) -> None:
        """Defaults are given in their JSON form."""
        props = json_schema(Agreement)["properties"]
        assert props["convention"]["default"] == "start_day_counted"
        assert props["term"]["default"] is None

    def test_identifier_formats(self) -> None:
        """A known scheme's value must have its format; other schemes take any trimmed text."""
        check = validator(Identifier)
        assert check.is_valid({"scheme": "ror", "value": "05dxps055"})
        assert not check.is_valid({"scheme": "ror", "value": "https://ror.org/05dxps055"})
        assert not check.is_valid({"scheme": "wikidata", "value": "q42"})
        assert check.is_valid({"scheme": "internal", "value": "q42"})
        assert not check.is_valid({"scheme": "internal", "value": " q42"})

    @pytest.mark.parametrize(
        ("cls", "good", "bad"),
        [
            (
                Term,
                ["P5Y", "P1Y6M", "P90D", "P2W", "P0Y"],
                ["P", "5Y", "PT1H", "P1W2D", "P\u0665Y", "p5y"],
            ),
            (
                LocalizedText,
                [{"en": "x"}, {"ja-JP": "x", "zh_Hant": "y"}],
                [{}, {"en": " "}, {"e n": "x"}, {"en": 1}],
            ),
        ],
    )
    def test_scalar_patterns(self, cls: Any, good: list[Any], bad: list[Any]) -> None:
        """Scalar fragments accept the written forms and refuse others."""
        check = validator(cls)
        assert [g for g in good if not check.is_valid(g)] == []
        assert [b for b in bad if check.is_valid(b)] == []


class TestAgreesWithTheReader:
    def test_built_in_dataset_is_valid(self) -> None:
        """The shipped LINK-J / MPR document is valid under the schema."""
        assert_valid(Directory, to_dict(examples.link_j_mpr()))

    # At most 100: jsonschema takes ~20 ms a document, and every model a directory holds is
    # checked at the full count by test_generated_models_are_valid below.
    @settings(max_examples=min(settings().max_examples, 100))
    @given(lst.directories())
    def test_generated_directories_are_valid(self, directory: Directory) -> None:
        """Every directory the strategies generate is written as a valid document."""
        assert_valid(Directory, to_dict(directory))

    @given(
        st.one_of(
            lst.agreements(),
            lst.amended_agreements(),
            lst.amendments(),
            lst.organizations(),
            lst.addresses(),
            lst.parties(),
            lst.terms(),
            lst.localized_texts(),
            lst.money(),
            lst.exchange_rates(),
            lst.exchange_rate_tables(),
            lst.figures(),
            lst.fundings(),
            lst.funded_agreements(),
            lst.funding_checks(),
        )
    )
    def test_generated_models_are_valid(self, model: Any) -> None:
        """Every model the strategies generate is valid under its own schema."""
        assert_valid(type(model), to_dict(model))

    @pytest.mark.parametrize(
        "path", _corpus.cases("schema"), ids=_corpus.ids(_corpus.cases("schema"))
    )
    def test_corpus_refused_by_the_schema(self, path: Path) -> None:
        """Every corpus document that the schema can judge is invalid under it."""
        assert not validator(Directory).is_valid(_corpus.plain_json(path))

    @pytest.mark.parametrize(
        "path", _corpus.cases("library"), ids=_corpus.ids(_corpus.cases("library"))
    )
    def test_corpus_beyond_the_schema(self, path: Path) -> None:
        """The documents only the library can refuse are valid under the schema, as documented."""
        assert_valid(Directory, _corpus.plain_json(path))

    @pytest.mark.parametrize(
        "path", _corpus.cases("valid"), ids=_corpus.ids(_corpus.cases("valid"))
    )
    def test_valid_corpus(self, path: Path) -> None:
        """The valid edge cases are valid under the schema too."""
        assert_valid(Directory, _corpus.plain_json(path))
