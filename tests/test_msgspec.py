"""The [fast] extra's reader gives what the exact reader gives: the same data, the same errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import Directory, ValidationError, from_json, to_json
from lifesci_partners import strategies as lst
from lifesci_partners._json import _msgspec
from lifesci_partners._json._reader import DEFAULT_LIMITS, JsonFloat, parse_json
from tests import _corpus
from tests.test_convert_fast import json_values, mutated
from tests.test_hostile_input import _text_of
from tests.test_hostile_input import mutated as mutated_document

pytest.importorskip("msgspec")  # the test group installs it: both readers are compared in one run


def _with(backend: str, read: Any) -> tuple[str, Any]:
    previous = _msgspec.set_reader_backend(backend)
    try:
        return ("ok", read())
    except ValidationError as exc:
        return ("error", exc.errors)
    finally:
        _msgspec.set_reader_backend(previous)


def same_either_way(read: Any) -> tuple[str, Any]:
    exact = _with("json", read)
    fast = _with("msgspec", read)
    assert fast == exact
    if exact[0] == "ok":  # the same types too: a JsonFloat is not a float, an int not a bool
        assert repr(fast[1]) == repr(exact[1])
    return exact


@pytest.fixture
def fast_only() -> Iterator[None]:
    previous = _msgspec.set_reader_backend("msgspec")
    yield
    _msgspec.set_reader_backend(previous)


class TestSameData:
    @given(json_values())
    def test_any_json_value(self, value: Any) -> None:
        """Any JSON value parses to the same data, or the same error, either way."""
        text = json.dumps(value, allow_nan=True)
        same_either_way(lambda: parse_json(text.encode(), DEFAULT_LIMITS, JsonFloat))

    @given(lst.directories(max_organizations=3))
    def test_directories(self, directory: Directory) -> None:
        """A generated directory reads the same either way."""
        text = to_json(directory)
        assert same_either_way(lambda: from_json(text, Directory)) == ("ok", directory)

    @given(lst.directories(max_organizations=3))
    def test_msgspec_reads_valid_documents(self, directory: Directory) -> None:
        """The comparison is not empty: msgspec itself reads what the library writes."""
        parse_float = JsonFloat
        assert _msgspec.fast_parse(to_json(directory).encode(), parse_float, 100) is not None

    @given(st.data())
    def test_mutated_documents(self, data: st.DataObject) -> None:
        """A broken document (the fuzzer's) gives the same error lines either way."""
        text, _ = _text_of(data.draw, data.draw(mutated_document()))
        same_either_way(lambda: from_json(text, Directory))

    @given(
        lst.directories(max_organizations=2),
        st.lists(st.integers(0, 30), max_size=5),
        json_values(),
    )
    def test_one_value_replaced(self, directory: Directory, path: list[int], value: Any) -> None:
        """A directory with any one value replaced reads the same either way."""
        text = json.dumps(mutated(json.loads(to_json(directory)), path, value))
        same_either_way(lambda: from_json(text, Directory))

    @pytest.mark.parametrize(
        "path", _corpus.cases("library") + _corpus.cases("schema") + _corpus.cases("text"), ids=str
    )
    def test_corpus(self, path: Any) -> None:
        """Every document of the corpus gives the same outcome either way."""
        raw = path.read_bytes()
        same_either_way(lambda: from_json(raw, Directory))


class TestDuplicateKeys:
    @pytest.mark.parametrize(
        "text",
        [
            '{"a": 1, "a": 2}',
            '{"a": 1, "a" : 2}',
            '{"a" : 1, "b": "x\\": ", "a": 2}',
            '{"a": "\\u0022:", "a": 2}',
            '{"a": "\\"\\u003a", "a": 2}',
            '[{"k": 1}, {"k": 2, "k": 3}]',
        ],
    )
    @pytest.mark.usefixtures("fast_only")
    def test_refused_as_by_the_exact_reader(self, text: str) -> None:
        """A duplicate key is refused with its path, however the text hides it."""
        with pytest.raises(ValidationError) as info:
            parse_json(text.encode(), DEFAULT_LIMITS, JsonFloat)
        assert "the key appears more than once" in info.value.errors[0]


class TestMarksCounted:
    @given(json_values(), st.sampled_from([0, 1, 1025, 3000]), st.text(max_size=4))
    def test_in_pieces_as_in_the_whole(self, value: Any, copies: int, key: str) -> None:
        """The ``":`` counted a piece at a time are those of the whole text written at once."""
        msgspec = pytest.importorskip("msgspec")
        data = {key + '":': [value] * copies, "k": {key: value}, "v": value}
        try:
            whole = msgspec.json.encode(data).count(b'":')
        except (TypeError, ValueError):  # a value msgspec cannot write (a number too big)
            return
        assert _msgspec._marks(data, msgspec.json.encode) == whole
        items = [data] * copies
        assert _msgspec._marks(items, msgspec.json.encode) == whole * copies


class TestNumbers:
    @given(st.integers(min_value=-(10**120), max_value=10**120))
    def test_integers_of_any_size(self, value: int) -> None:
        """Integers within the digit limit are exact, those beyond are refused, either way."""
        same_either_way(lambda: parse_json(f"[{value}]".encode(), DEFAULT_LIMITS, JsonFloat))

    @given(st.decimals(allow_nan=False, allow_infinity=False))
    def test_fractions_are_kept_as_written(self, value: Any) -> None:
        """A number with a fraction is a JsonFloat that keeps its text, either way."""
        literal = format(value, "e")
        data = same_either_way(
            lambda: parse_json(f"[{literal}]".encode(), DEFAULT_LIMITS, JsonFloat)
        )
        if data[0] == "ok":
            assert data[1][0].text == literal


class TestSwitch:
    def test_unknown_name(self) -> None:
        """An unknown reader's name is refused with the names to use."""
        with pytest.raises(ValueError, match="use one of json, msgspec or None"):
            _msgspec.set_reader_backend("simdjson")
