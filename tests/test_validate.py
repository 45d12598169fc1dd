"""Tests for the validators shared by the models (``_validate``)."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import ValidationError
from lifesci_partners._validate import (
    Rule,
    _InstanceOf,
    _Optional,
    identifier,
    instance_of,
    optional,
    rule,
    tuple_of,
    whole,
)

PATTERNS = [re.compile(p) for p in ("[a-c]+", "a|bc", "(?:a|b)c", "x[|]y", "a\\|b", "(a)|(b)c")]


@attrs.define
class _Holder:
    value: object


FIELD = attrs.fields(_Holder).value


class TestWhole:
    @pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern)
    @given(text=st.text(alphabet="abcxy|", max_size=5))
    def test_matches_what_fullmatch_matches(self, pattern: re.Pattern[str], text: str) -> None:
        """The anchored pattern matches a text exactly when the pattern fully matches it."""
        assert bool(re.search(whole(pattern), text)) == bool(pattern.fullmatch(text))


class TestRule:
    def test_schema_is_a_new_dict(self) -> None:
        """Changing the schema a rule gives changes nothing for the next caller."""
        identifier.json_schema()["pattern"] = "changed"
        assert identifier.json_schema()["pattern"] == whole(
            re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,199}")
        )

    def test_made_rule_calls_the_function(self) -> None:
        """A rule made from a function raises what the function raises."""

        @rule({"minimum": 1})
        def positive(_instance: object, attribute: attrs.Attribute[object], value: int) -> None:
            if value < 1:
                raise ValidationError([f"$.{attribute.name}: below 1"])

        assert isinstance(positive, Rule)
        positive(None, FIELD, 1)
        with pytest.raises(ValidationError, match=r"\$\.value: below 1"):
            positive(None, FIELD, 0)

    def test_type_only_rules_add_nothing(self) -> None:
        """instance_of and tuple_of check the Python type alone, so they add no JSON Schema."""
        assert instance_of(str).json_schema() == {}
        assert tuple_of(str).json_schema() == {}

    def test_rules_carry_their_data(self) -> None:
        """instance_of, tuple_of and optional keep what they were made with, as attrs' own do."""
        assert instance_of(str, int) == instance_of(str, int)
        assert tuple_of((str, int)) == tuple_of((str, int))
        assert optional(identifier) == optional(identifier)


class TestInstanceOf:
    def test_bool_is_not_an_int(self) -> None:
        """A bool is refused where an int is expected."""
        flag: object = True
        with pytest.raises(ValidationError, match=r"\$\.value: expected int, got bool True"):
            instance_of(int)(None, FIELD, flag)


class TestOptional:
    @given(st.one_of(st.none(), st.booleans(), st.integers(), st.text(), st.floats()))
    def test_optional_instance_of_is_the_plain_pair(self, value: object) -> None:
        """optional(instance_of(...)), checked in one call, accepts and refuses as the pair does."""

        def outcome(validator: Rule) -> tuple[str, ...]:
            try:
                validator(None, FIELD, value)
            except ValidationError as exc:
                return exc.errors
            return ()

        fused = optional(instance_of(int, str))
        assert type(fused) is not _Optional
        assert outcome(fused) == outcome(_Optional(_InstanceOf((int, str))))


class TestTupleOf:
    def test_each_wrong_item_named(self) -> None:
        """Every item of the wrong type is reported with its index."""
        with pytest.raises(ValidationError) as caught:
            tuple_of(str)(None, FIELD, ("a", 1, 2))
        assert caught.value.errors == (
            "$.value[1]: expected str, got int 1",
            "$.value[2]: expected str, got int 2",
        )
