"""Tests for reading JSON and YAML documents and writing files atomically (``_files``)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifesci_partners import (
    Directory,
    Money,
    ValidationError,
    examples,
    from_dict,
    to_dict,
)
from lifesci_partners import strategies as lst
from lifesci_partners._cli import _files
from lifesci_partners._json._reader import DEFAULT_LIMITS, Limits


def yaml_data(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    return _files.parse(text.encode(), "yaml", limits)


def yaml_errors(text: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, ...]:
    with pytest.raises(ValidationError) as info:
        yaml_data(text, limits)
    return info.value.errors


class TestYaml:
    # At most 100: PyYAML parses in pure Python, and the JSON round trip of the same directories
    # runs at the full count in test_convert.py (TestRoundTrip.test_directory).
    @settings(max_examples=min(settings().max_examples, 100))
    @given(lst.directories())
    def test_same_model_as_json(self, directory: Directory) -> None:
        """A directory written as YAML reads back as the same model."""
        text = _files.dump(to_dict(directory), "yaml")
        assert (
            from_dict(_files.parse(text.encode(), "yaml", DEFAULT_LIMITS), Directory) == directory
        )

    @given(st.text(), st.text())
    def test_any_text_survives(self, key: str, text: str) -> None:
        """Any text, as a key or a value (NEL, line separators, BOM, controls), reads back equal."""
        data = {key: text, "list": [text]}
        assert yaml_data(_files.dump(data, "yaml")) == data

    def test_seed_same_data_as_json(self) -> None:
        """The built-in document gives the same plain data from YAML as from JSON."""
        data = to_dict(examples.link_j_mpr())
        assert yaml_data(_files.dump(data, "yaml")) == data

    def test_core_schema_scalars(self) -> None:
        """Dates, yes/no, NO (Norway) and octal-looking numbers stay as JSON would read them."""
        data = yaml_data(
            "a: 2020-02-05\nb: no\nc: NO\nd: yes\ne: 0o17\nf: 1_000\ng: true\nh: null\n"
        )
        assert data == {
            "a": "2020-02-05",
            "b": "no",
            "c": "NO",
            "d": "yes",
            "e": "0o17",
            "f": "1_000",
            "g": True,
            "h": None,
        }

    def test_numbers_with_a_point_are_never_floats(self) -> None:
        """A number with a point is kept as written, to be refused where an exact one goes."""
        data = yaml_data("a: 0.1\nb: 1e3\nc: 12\n")
        assert (str(data["a"]), str(data["b"]), data["c"]) == ("0.1", "1e3", 12)
        with pytest.raises(ValidationError, match=r"the JSON number 0\.1 is not exact"):
            from_dict({"amount": data["a"], "currency": "EUR"}, Money)

    @pytest.mark.parametrize("text", [".nan", ".inf", "-.inf"])
    def test_non_finite_refused(self, text: str) -> None:
        """NaN and infinities are refused with their path."""
        (error,) = yaml_errors(f"version: {text}\n")
        assert error.startswith("$.version: ")

    def test_huge_number_refused(self) -> None:
        """Numbers beyond max_digits are refused with their path, before int() runs."""
        (error,) = yaml_errors("version: " + "9" * 5000 + "\n")
        assert error == "$.version: a number of 5000 digits is longer than the limit of 100"

    def test_aliases_refused(self) -> None:
        """Aliases are refused, so a few bytes cannot expand into a billion nodes."""
        (error,) = yaml_errors("a: &x [1, 2]\nb: *x\n")
        assert error == "$: not valid YAML: aliases (*name) are not allowed (line 2, column 4)"

    def test_duplicate_keys_refused(self) -> None:
        """A key twice in a mapping is refused, not silently overwritten."""
        (error,) = yaml_errors("id: a\nid: b\n")
        assert error == (
            "$: not valid YAML: the key 'id' appears more than once in a mapping (line 2, column 1)"
        )

    def test_python_tags_refused(self) -> None:
        """Safe loading only: a Python object tag is an error, never code."""
        (error,) = yaml_errors("a: !!python/object/apply:os.system ['true']\n")
        assert error.startswith("$: not valid YAML: could not determine a constructor")

    def test_non_string_keys_refused(self) -> None:
        """Keys JSON could not have are refused with their path."""
        (error,) = yaml_errors("organizations:\n  - 1: x\n")
        assert error == "$.organizations[0]: object keys must be strings, got int 1"

    def test_deep_nesting(self) -> None:
        """Nesting beyond the limit is refused."""
        (error,) = yaml_errors("a: " + "[" * 100 + "]" * 100 + "\n")
        assert error.endswith("nested deeper than the limit of 64 levels")

    def test_invalid_utf8(self) -> None:
        """Bytes that are not UTF-8 are reported with their position."""
        with pytest.raises(ValidationError, match="not valid UTF-8 text"):
            _files.parse(b"a: \xff\n", "yaml", DEFAULT_LIMITS)

    def test_size_limit(self) -> None:
        """YAML text over max_bytes is refused before parsing."""
        (error,) = yaml_errors("a: 1\n", Limits(max_bytes=3))
        assert error.startswith("$: the document is 5 bytes long")

    def test_ambiguous_strings_quoted(self) -> None:
        """Strings that look like numbers, booleans or dates are quoted when written."""
        data = {"a": "1e5", "b": "no", "c": "2020-02-05", "d": "0o17", "e": "null"}
        assert yaml_data(_files.dump(data, "yaml")) == data


class TestFormatOf:
    @pytest.mark.parametrize(
        ("name", "fmt"), [("a.json", "json"), ("a.YAML", "yaml"), ("dir/a.yml", "yaml")]
    )
    def test_from_suffix(self, name: str, fmt: str) -> None:
        """The suffix names the format."""
        assert _files.format_of(name, None) == fmt

    def test_unknown_suffix(self) -> None:
        """An unknown suffix is an error that says how to name the file or the format."""
        with pytest.raises(ValueError, match=r"name it \*\.json, \*\.yaml or \*\.yml"):
            _files.format_of("a.txt", None)

    def test_explicit_wins(self) -> None:
        """An explicit format wins over the suffix."""
        assert _files.format_of("a.txt", "yaml") == "yaml"


class TestJsonDump:
    def test_json_text(self) -> None:
        """JSON output is indented, keeps non-ASCII text and ends with a newline."""
        text = _files.dump(to_dict(examples.link_j_mpr()), "json")
        assert text.endswith("}\n")
        assert json.loads(text) == to_dict(examples.link_j_mpr())
        assert "ライフサイエンス" in text
