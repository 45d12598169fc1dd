"""Models built by the fast reader without checking again the type rules its hooks proved."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from lifesci_partners import (
    Address,
    Agreement,
    Announcement,
    Directory,
    Organization,
    OrganizationName,
    Party,
    Provenance,
    Relationship,
    ValidationError,
    to_dict,
)
from lifesci_partners import strategies as lst
from lifesci_partners._announcement import _to_languages
from lifesci_partners._json import _converters
from lifesci_partners._json._errors import errors_of
from lifesci_partners._json._reader import DEFAULT_LIMITS, JsonFloat, parse_json
from lifesci_partners._json._trusted import QUICK_TESTS, _kept, keeps_tuples, trusted_init
from lifesci_partners._validate import (
    as_tuple,
    date_value,
    identifier,
    instance_of,
    optional,
    tuple_of,
)
from tests.test_convert_fast import json_values, mutated


def _outcome(read: Any) -> tuple[str, Any]:
    try:
        return ("ok", read())
    except ValidationError as exc:
        return ("error", exc.errors)
    except Exception as exc:  # noqa: BLE001  # the detailed converter's own errors, as lines
        return ("error", errors_of(exc))


class TestKeptRules:
    def test_type_rules_are_dropped(self) -> None:
        """instance_of, optional(instance_of) and tuple_of are what a hook proves."""
        rules = attrs.validators.and_(
            instance_of(str), optional(instance_of(int)), tuple_of(str), optional(date_value)
        )
        assert _kept(rules) == []

    def test_format_rules_are_kept(self) -> None:
        """A rule about the value's form, such as an id's, is still checked."""
        assert _kept(attrs.validators.and_(instance_of(str), identifier)) == [identifier]

    def test_fast_reader_still_checks_ids(self) -> None:
        """The fast converter refuses an id of the wrong form, as __init__ would."""
        with pytest.raises(ValidationError):
            _converters._fast_converter().structure({"org": "not an id"}, Party)


class TestSameAsDetailed:
    @given(
        lst.directories(max_organizations=3),
        st.lists(st.integers(0, 30), max_size=5),
        json_values(),
    )
    def test_mutated_directories(self, directory: Directory, path: list[int], value: Any) -> None:
        """A directory with any one value replaced reads as the detailed converter reads it."""
        text = json.dumps(mutated(to_dict(directory), path, value), ensure_ascii=False)
        try:
            data = parse_json(text, DEFAULT_LIMITS, JsonFloat)
        except ValidationError:
            reject()
        detailed = _outcome(lambda: _converters._converter().structure(data, Directory))
        assert _outcome(lambda: _converters._structure(data, Directory)) == detailed

    @given(lst.agreements())
    def test_agreements_equal_to_init(self, agreement: Agreement) -> None:
        """An agreement built by the fast reader equals the one __init__ builds."""
        data = to_dict(agreement)
        assert _converters._fast_converter().structure(data, Agreement) == agreement


# What load_ror builds with trusted_init.
TRUSTED = [Organization, Address, OrganizationName, Relationship, Provenance]


def _fields(model: Any) -> dict[str, Any]:
    return {
        field.name: getattr(model, field.name) for field in attrs.fields(type(model)) if field.init
    }


class TestTrustedInit:
    @given(st.sampled_from(TRUSTED).flatmap(st.from_type))
    def test_equal_to_init(self, model: Any) -> None:
        """A model built from its own field values is the model __init__ builds."""
        assert trusted_init(type(model))(_fields(model)) == model

    @given(st.sampled_from(TRUSTED).flatmap(st.from_type))
    def test_lists_for_tuples(self, model: Any) -> None:
        """A tuple field given as a list is converted as __init__ converts it."""
        fields = {k: list(v) if type(v) is tuple else v for k, v in _fields(model).items()}
        assert trusted_init(type(model))(fields) == model

    @pytest.mark.parametrize(
        "fields",
        [
            {"country": "XX"},
            {"country": "FR", "subdivision": "US-CA"},
            {},
            {"country": "FR", "geonames_id": 0},
        ],
    )
    def test_same_errors_as_init(self, fields: dict[str, Any]) -> None:
        """The rules that are not type rules, and the cross-field checks, say what __init__ says."""
        by_init = _outcome(lambda: Address(**fields))
        assert by_init[0] == "error"
        assert _outcome(lambda: trusted_init(Address)(fields)) == by_init


def _passes(rule: Any, value: str) -> bool:
    try:
        rule(None, attrs.fields(Party).org, value)
    except ValidationError:
        return False
    return True


# Texts full of what the rules look at: blanks, controls, line breaks, id characters.
_RULE_TEXTS = st.text(max_size=8) | st.text(
    alphabet=st.sampled_from("aZ09._:- \t\n\r\x00\x1b\u00a0\u2028\u202e\u3000é京"), max_size=8
)


class TestQuickTests:
    @pytest.mark.parametrize("rule", list(QUICK_TESTS))
    @given(value=_RULE_TEXTS)
    def test_a_text_that_passes_passes_the_rule(self, rule: Any, value: str) -> None:
        """A text that makes the quick test true passes its rule (the test may be stricter)."""
        quick = QUICK_TESTS[rule]
        verdict = bool(eval(quick.test.format(v="value"), dict(quick.names), {"value": value}))  # noqa: S307  # the generated code's own expression
        assert not verdict or _passes(rule, value)

    @given(lst.parties(), st.sampled_from(["", " ", "a\nb", "\u2028", "not an id", "-x"]))
    def test_fast_reader_calls_the_rule_when_the_test_fails(self, party: Party, bad: str) -> None:
        """A bad id or role read by the fast reader gives __init__'s error."""
        for data in ({"org": bad}, {"org": party.org, "role": bad}):
            fast = _outcome(lambda data=data: _converters._fast_converter().structure(data, Party))
            assert fast == _outcome(lambda data=data: Party(**data))


def _to_list(items: Any) -> Any:
    return as_tuple(items)


def _to_sorted(items: Any) -> Any:
    return tuple(sorted(items))


class TestKeepsTuples:
    def test_as_tuple_and_its_wrappers(self) -> None:
        """as_tuple, and a function whose whole body is return as_tuple(x), keep tuples."""
        assert keeps_tuples(as_tuple)
        assert keeps_tuples(_to_list)
        assert keeps_tuples(attrs.fields(Agreement).parties.converter)

    @pytest.mark.parametrize("converter", [tuple, sorted, _to_sorted, _to_languages])
    def test_other_converters(self, converter: Any) -> None:
        """Anything else may change a tuple: it is called."""
        assert not keeps_tuples(converter)

    @given(st.lists(st.integers(), max_size=3).map(tuple))
    def test_recognised_converters_give_the_tuple_back(self, items: tuple[int, ...]) -> None:
        """Every converter of the models that keeps_tuples recognises gives back a tuple as is."""
        for converter in _MODEL_CONVERTERS:
            if keeps_tuples(converter):
                assert converter(items) is items


_MODEL_CONVERTERS = [
    field.converter
    for model in (Agreement, Announcement, Directory, Organization)
    for field in attrs.fields(model)
    if field.converter is not None
]


class TestExplicitNulls:
    @given(lst.agreements())
    def test_null_is_the_default(self, agreement: Agreement) -> None:
        """An optional field written as null, or left out, reads as None either way."""
        data = to_dict(agreement)
        nulls = {
            f.name: None
            for f in attrs.fields(Agreement)
            if f.default is None and f.name not in data
        }
        fast = _converters._fast_converter().structure({**data, **nulls}, Agreement)
        assert fast == agreement
