"""Tests for the validators shared by the models (``_validate``)."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    AgreementKind,
    ValidationError,
    WrongTypeError,
    WrongTypeValidationError,
    examples,
)
from lifesci_partners import strategies as lst
from lifesci_partners._validate import (
    _PLAIN_URL,
    Rule,
    _InstanceOf,
    _Optional,
    _OptionalInstanceOf,
    _TupleOf,
    date_value,
    identifier,
    instance_of,
    optional,
    rule,
    tuple_of,
    url_problem,
    web_url,
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


class TestWrongTypes:
    def test_date_as_text_says_the_fix(self) -> None:
        """A date given as ISO text is a TypeError and a ValidationError that says how to fix it."""
        agreement = examples.link_j_mpr().agreements[0]
        with pytest.raises(TypeError) as caught:
            attrs.evolve(agreement, effective_on=_as_text("2024-01-01"))
        assert isinstance(caught.value, ValidationError)
        fix = "use datetime.date.fromisoformat('2024-01-01')"
        assert caught.value.errors == (
            f"$.effective_on: expected a date, got str '2024-01-01'; {fix}",
        )

    def test_enum_as_its_value_says_the_fix(self) -> None:
        """An enum given as its value is a TypeError and a ValidationError that names the member."""
        agreement = examples.link_j_mpr().agreements[0]
        with pytest.raises(WrongTypeValidationError) as caught:
            attrs.evolve(agreement, kind=_as_text("mou"))
        assert caught.value.errors == (
            "$.kind: expected AgreementKind, got str 'mou'; use AgreementKind('mou')",
        )

    def test_caught_as_either_parent(self) -> None:
        """The error is a WrongTypeError and a ValidationError, as a TypeError and a ValueError."""
        assert issubclass(WrongTypeValidationError, WrongTypeError)
        assert issubclass(WrongTypeValidationError, ValidationError)
        assert issubclass(WrongTypeValidationError, TypeError)
        assert issubclass(WrongTypeValidationError, ValueError)

    def test_items_of_a_tuple(self) -> None:
        """A tuple with items of the wrong type is a TypeError naming each item, with the fix."""
        with pytest.raises(WrongTypeValidationError) as caught:
            tuple_of(AgreementKind)(None, FIELD, (AgreementKind.MOU, "mou"))
        assert caught.value.errors == (
            "$.value[1]: expected AgreementKind, got str 'mou'; use AgreementKind('mou')",
        )

    def test_prefixed_keeps_the_class(self) -> None:
        """Re-rooting the error under a path keeps it a TypeError."""
        error = WrongTypeValidationError(["$.on: expected a date, got int 5"])
        assert type(error.prefixed("$.items[0]")) is WrongTypeValidationError

    @given(
        st.one_of(
            lst.directories(max_organizations=3),
            lst.funded_agreements(),
            lst.amended_agreements(),
            lst.agreements_with_options(),
            lst.announcements(),
        )
    )
    def test_every_date_enum_and_model_field(self, model: Any) -> None:
        """A date, enum or model field given a wrong type: a TypeError and a ValidationError."""
        for instance, field, wrong in _wrongly_typed(model):
            with pytest.raises(TypeError) as caught:
                attrs.evolve(instance, **{str(field.alias): wrong})
            assert isinstance(caught.value, ValidationError)
            assert caught.value.errors[0].startswith(f"$.{field.name}"), caught.value.errors


def _as_text(value: str) -> Any:
    """``value``, typed as anything, to pass where the types say it is wrong."""
    return value


def _instances(value: Any) -> Iterator[Any]:
    """Every attrs instance in ``value``, ``value`` itself included, depth first."""
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _instances(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _instances(item)


def _checked_type(validator: object) -> tuple[type, ...]:
    """The types a date, enum or model field's validator wants, or ``()``."""
    if validator is date_value:
        return (dt.date,)
    if isinstance(validator, _OptionalInstanceOf):
        validator = validator.validator
    elif isinstance(validator, _Optional):
        return _checked_type(validator.validator)
    if isinstance(validator, _InstanceOf | _TupleOf):
        wanted = tuple(t for t in validator.types if _is_date_enum_or_model(t))
        return wanted if wanted == validator.types else ()
    return ()


def _is_date_enum_or_model(cls: type) -> bool:
    return issubclass(cls, dt.date | enum.Enum) or attrs.has(cls)


def _wrong_value(wanted: type) -> object:
    if issubclass(wanted, dt.date):
        return "2024-01-01"
    if issubclass(wanted, enum.Enum):
        return next(iter(wanted)).value
    return {"not": "a model"}


def _wrongly_typed(model: object) -> Iterator[tuple[Any, attrs.Attribute[Any], object]]:
    """Each model field typed as a date, enum or model, with a value of the wrong type for it."""
    seen: set[tuple[type, str]] = set()
    for instance in _instances(model):
        for field in attrs.fields(type(instance)):
            wanted = _checked_type(field.validator)
            if not field.init or not wanted or (type(instance), field.name) in seen:
                continue
            seen.add((type(instance), field.name))
            wrong = _wrong_value(wanted[0])
            yield instance, field, (wrong,) if isinstance(field.validator, _TupleOf) else wrong


# Letters, URL punctuation, white space, and characters no text may hold (controls, bidi).
URL_TAILS = st.text(alphabet="ab/?#=\t \n\x00\x07\x1b\x7f\x85\x9b\u202e\u2066\u200e", max_size=6)


def _accepted(value: str) -> bool:
    try:
        web_url(None, FIELD, value)
    except ValidationError:
        return False
    return True


class TestWebUrl:
    def test_control_character_named(self) -> None:
        """A URL with ESC is refused, naming the character and where it is."""
        with pytest.raises(ValidationError) as caught:
            web_url(None, FIELD, "https://example.org/\x1b]0;owned\x07")
        assert caught.value.errors[0].startswith(
            "$.value: the URL holds U+001B (ESC, a control character) at position 20; "
        )

    @given(URL_TAILS)
    def test_refuses_what_text_may_not_hold(self, tail: str) -> None:
        """A URL is accepted exactly when it holds no white space and nothing text may not hold."""
        url = "https://example.org/" + tail
        expected = not any(c.isspace() or not c.isprintable() for c in tail.replace("\u200e", ""))
        assert _accepted(url) == expected

    @given(st.from_regex(_PLAIN_URL, fullmatch=True))
    def test_fast_path_accepts_only_urls(self, url: str) -> None:
        """Every text the one-regex fast path accepts, the full check (urlsplit) accepts too."""
        assert url_problem(url) is None

    @given(URL_TAILS)
    def test_schema_pattern_agrees(self, tail: str) -> None:
        """The JSON Schema pattern accepts a URL exactly when the validator does."""
        url = "https://example.org/" + tail
        pattern = web_url.json_schema()["pattern"]
        assert bool(re.search(ecma(pattern), url)) == _accepted(url)


def ecma(pattern: str) -> str:
    """``pattern`` as ECMA 262 reads it: its final ``$`` is the end, never before a last LF."""
    return pattern.removesuffix("$") + r"\Z" if pattern.endswith("$") else pattern
