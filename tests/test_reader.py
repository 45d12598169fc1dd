"""Tests for the limits on input and the JSON text reader: size, depth, numbers, keys, text."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lifesci_partners import (
    Directory,
    Limits,
    Party,
    ValidationError,
    examples,
    from_dict,
    from_json,
)
from lifesci_partners._json import _reader


def errors_of_json(text: str | bytes, limits: Limits | None = None) -> tuple[str, ...]:
    with pytest.raises(ValidationError) as info:
        from_json(text, Directory, limits=limits)
    return info.value.errors


def errors_of_dict(data: Any, limits: Limits | None = None) -> tuple[str, ...]:
    with pytest.raises(ValidationError) as info:
        from_dict(data, Directory, limits=limits)
    return info.value.errors


class TestLimits:
    def test_defaults(self) -> None:
        """The documented defaults: 1 GiB, 64 levels, 100 digits."""
        assert Limits() == Limits(max_bytes=1024 * 1024 * 1024, max_depth=64, max_digits=100)

    @pytest.mark.parametrize("bad", [0, -1, True, 1.5, "10"])
    def test_positive_whole_numbers_only(self, bad: Any) -> None:
        """A limit must be a positive int."""
        with pytest.raises(ValidationError, match="expected a positive whole number"):
            Limits(max_depth=bad)


class TestSize:
    def test_text_over_the_limit_refused_before_parsing(self) -> None:
        """Text longer than max_bytes is refused without being parsed."""
        text = examples.link_j_mpr_json()
        (error,) = errors_of_json(text, Limits(max_bytes=len(text) - 1))
        assert error.startswith(f"$: the document is {len(text):,} characters long")
        assert "Limits(max_bytes=...)" in error

    def test_bytes_counted_as_bytes(self) -> None:
        """For bytes, the limit counts bytes: Japanese text is longer in UTF-8."""
        raw = examples.link_j_mpr_json().encode()
        (error,) = errors_of_json(raw, Limits(max_bytes=len(raw) - 1))
        assert f"{len(raw):,} bytes" in error

    def test_exactly_at_the_limit_is_read(self) -> None:
        """A document of exactly max_bytes is read."""
        raw = examples.link_j_mpr_json().encode()
        assert from_json(raw, Directory, limits=Limits(max_bytes=len(raw))) == examples.link_j_mpr()


class TestDepth:
    def test_json_nesting_at_the_limit_reported_with_path(self) -> None:
        """The first container beyond max_depth is reported with its path."""
        assert errors_of_json('{"a": [[1]]}', Limits(max_depth=2)) == (
            "$.a[0]: nested deeper than the limit of 2 levels",
        )

    def test_very_deep_json_does_not_exhaust_the_stack(self) -> None:
        """A hundred thousand nested arrays give one error, not a RecursionError."""
        text = "[" * 100_000 + "]" * 100_000
        (error,) = errors_of_json(text)
        assert "nested deeper than the limit of 64 levels" in error

    def test_self_containing_data(self) -> None:
        """Python data that contains itself is checked once and refused, not walked forever."""
        data: dict[str, Any] = {"format": "lifesci-partners", "version": 1}
        data["organizations"] = [data]
        errors = errors_of_dict(data)
        assert "$.organizations[0].id: required, but missing" in errors

    def test_shared_data_is_walked_once(self) -> None:
        """Data that refers to the same list many times is checked once per list, not per path."""
        node: list[Any] = []
        for _ in range(200):
            node = [node, node]
        (error,) = errors_of_dict({"organizations": node})
        assert (
            error == "$.organizations" + "[0]" * 63 + ": nested deeper than the limit of 64 levels"
        )


class TestSharedData:
    def test_aliases_counted_as_visited(self) -> None:
        """Three levels of sharing that stand for a billion values are refused at once."""
        inner = list(range(1000))
        middle = [inner] * 1000
        (error,) = errors_of_dict({"organizations": [middle] * 1000})
        assert error == (
            "$: the data refers to the same arrays and objects so often that, written out, it "
            "would hold more than 536,870,912 values: more than a document of 1,073,741,824 "
            "bytes can; pass a larger Limits(max_bytes=...) to read it"
        )

    def test_the_limit_is_the_size_of_a_document(self) -> None:
        """Shared data is read when a document within max_bytes could hold it written out."""
        inner = [1] * 10
        data = {"format": "lifesci-partners", "version": 1, "complete_partnerships": [inner] * 10}
        errors = errors_of_dict(data, Limits(max_bytes=300))
        assert errors[0] == "$.complete_partnerships[0]: expected a string, got an array"
        (error,) = errors_of_dict(data, Limits(max_bytes=200))
        assert error.startswith("$: the data refers to the same arrays and objects so often")


class TestNumbers:
    @pytest.mark.parametrize(
        ("literal", "message"),
        [
            ("1" + "0" * 100, "a number of 101 digits is longer than the limit of 100"),
            ("-" + "9" * 101, "a number of 101 digits is longer than the limit of 100"),
            ("1e999999", "has 1,000,000 digits written out in full"),
            ("1e-999999", "has 1,000,000 digits written out in full"),
            ("0e999999", "has 1,000,000 digits written out in full"),
            ("1" + "0" * 300 + ".5", "written with 303 characters is longer than the limit"),
        ],
    )
    def test_oversized_numbers_refused_with_path(self, literal: str, message: str) -> None:
        """Numbers too big to be read safely are refused where they are, whatever the field."""
        (error,) = errors_of_json(f'{{"format": "lifesci-partners", "version": {literal}}}')
        assert error.startswith("$.version: ")
        assert message in error

    def test_limit_is_adjustable(self) -> None:
        """A lower max_digits refuses shorter numbers."""
        (error,) = errors_of_json('{"version": 12345}', Limits(max_digits=4))
        assert error == "$.version: a number of 5 digits is longer than the limit of 4"

    @given(st.integers(min_value=-(10**100) + 1, max_value=10**100 - 1))
    def test_integers_within_the_limit_read_exactly(self, value: int) -> None:
        """Every integer of up to 100 digits is read exactly (here, as an unknown version)."""
        assume(value != 1)
        (error,) = errors_of_json(json.dumps({"format": "lifesci-partners", "version": value}))
        assert error.startswith(f"$.version: version {value} documents ")

    @given(
        st.decimals(
            allow_nan=False, allow_infinity=False, places=10, max_value=10**20, min_value=-(10**20)
        )
    )
    def test_fractions_are_kept_as_written(self, value: Decimal) -> None:
        """A number with a point is refused where a whole number goes, quoted as written."""
        literal = format(value, "f") if "." in format(value, "f") else format(value, "f") + ".0"
        (error,) = errors_of_json(f'{{"format": "lifesci-partners", "version": {literal}}}')
        assert error == f"$.version: expected a whole number, got a number ({literal})"

    @given(
        st.integers(min_value=1, max_value=130),
        st.integers(min_value=0, max_value=130),
        st.sampled_from(["", "e5", "E-7", "e+120", "e-99"]),
        st.booleans(),
    )
    def test_fraction_refused_exactly_beyond_the_limit(
        self, whole: int, fraction: int, exponent: str, negative: bool
    ) -> None:
        """A fraction is refused exactly when, written out in full, it has over 100 digits."""
        literal = "-" * negative + "1" * whole + ("." + "2" * fraction if fraction else "")
        literal += exponent
        assume(not literal.lstrip("-").isdigit())  # a whole number goes to parse_int
        hooks = _reader._Hooks(Limits(), Decimal)
        written = _reader._decimal_from_text(literal, 100)  # the rule, spelled out
        read = hooks.parse_float(literal)
        assert isinstance(read, _reader._Refused) == isinstance(written, _reader._Refused)
        assert isinstance(read, _reader._Refused) or read == Decimal(literal)

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
    def test_non_finite_floats_in_python_data(self, value: float) -> None:
        """from_dict refuses NaN and infinities with their path."""
        (error,) = errors_of_dict({"format": "lifesci-partners", "version": value})
        assert error == f"$.version: {value} is not a finite number"

    def test_huge_int_in_python_data(self) -> None:
        """from_dict refuses ints beyond max_digits, which could not even be printed."""
        (error,) = errors_of_dict({"format": "lifesci-partners", "version": 10**5000})
        assert error == "$.version: a whole number of more than 100 digits is over the limit"

    def test_huge_decimal_in_python_data(self) -> None:
        """from_dict refuses Decimals beyond max_digits."""
        (error,) = errors_of_dict({"version": Decimal("1e400")})
        assert error.startswith("$.version: the number 1E+400 has 401 digits")


class TestKeysAndText:
    def test_duplicate_keys_refused(self) -> None:
        """A key twice in an object is refused, since one of its values would be lost."""
        text = '{"format": "lifesci-partners", "version": 1, "organizations": [], "version": 1}'
        assert errors_of_json(text) == (
            (
                "$.version: the key appears more than once in the object; "
                "only one value can be kept, so the document is ambiguous"
            ),
        )

    def test_lone_surrogate_refused(self) -> None:
        """Text with a lone surrogate is refused: it cannot be written back as UTF-8."""
        (error,) = errors_of_json('{"format": "lifesci-partners\\ud800", "version": 1}')
        assert error.startswith("$.format: contains a lone surrogate (U+D800)")

    def test_lone_surrogate_in_a_key(self) -> None:
        """Keys are checked like values."""
        (error,) = errors_of_json('{"\\udfff": 1}')
        assert error.startswith("$: a key contains a lone surrogate (U+DFFF)")

    def test_surrogate_pair_is_text(self) -> None:
        """An escaped surrogate pair is a real character and is kept."""
        party = from_json('{"org": "a", "role": "\\ud83e\\uddec"}', Party)
        assert party.role == "\U0001f9ec"

    def test_non_string_key_in_python_data(self) -> None:
        """from_dict refuses keys that JSON could not have."""
        (error,) = errors_of_dict({"format": "lifesci-partners", "version": 1, 5: "x"})
        assert error == "$: object keys must be strings, got int 5"

    def test_utf8_bom_ignored(self) -> None:
        """A UTF-8 byte order mark, in bytes or text, is skipped."""
        text = examples.link_j_mpr_json()
        assert from_json(b"\xef\xbb\xbf" + text.encode(), Directory) == examples.link_j_mpr()
        assert from_json("\ufeff" + text, Directory) == examples.link_j_mpr()

    def test_utf16_refused_with_hint(self) -> None:
        """UTF-16 is not UTF-8; the message says how to fix the file."""
        (error,) = errors_of_json(examples.link_j_mpr_json().encode("utf-16"))
        assert error.endswith("(this looks like UTF-16: save the file as UTF-8)")

    def test_not_text(self) -> None:
        """Something that is not text at all is a TypeError, a programming error."""
        with pytest.raises(TypeError, match="expected JSON text"):
            from_json(5, Directory)  # type: ignore[arg-type]  # the point of the test


def _json_like() -> st.SearchStrategy[Any]:
    """JSON-like data with what the limits refuse: lone surrogates, huge numbers, deep nesting."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-(10**12), max_value=10**12)
        | st.integers(min_value=10**99, max_value=10**101)
        | st.floats()
        | st.decimals(allow_nan=True)
        | st.text(max_size=5)
        | st.sampled_from(["\ud800", "a\udfff", "é"])
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(max_size=3) | st.sampled_from(["\udc00"]), inner, max_size=3)
        ),
        max_leaves=12,
    )


class TestQuickWalk:
    @given(_json_like(), st.integers(min_value=1, max_value=6))
    def test_finds_a_problem_exactly_when_the_full_walk_does(self, data: Any, depth: int) -> None:
        """The quick walk says "no problem" exactly when the walk with paths finds none."""
        limits = Limits(max_depth=depth)
        full = list(_reader._problems(data, limits, shared=True))
        assert _reader._may_break(data, limits, shared=True) == bool(full)
