"""Big arrays read item by item: the same models and the same errors as reading the tree whole."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    Agreement,
    Directory,
    Limits,
    Party,
    ValidationError,
    from_json,
    load_cordis,
    to_dict,
    to_json,
)
from lifesci_partners import strategies as lst
from lifesci_partners._json import _converters, _msgspec
from lifesci_partners._json._reader import DEFAULT_LIMITS, JsonFloat, parse_json
from lifesci_partners._json._streamed import _scanned
from tests.test_convert_fast import json_values, mutated
from tests.test_hostile_input import _text_of
from tests.test_hostile_input import mutated as mutated_document
from tests.test_trusted import _outcome

pytest.importorskip("msgspec")  # the test group installs it: both parsers are compared in one run

BACKENDS = ("json", "msgspec")
AGREEMENTS = tuple[Agreement, ...]
CORDIS = Path(__file__).parent / "data" / "cordis"


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> Iterator[str]:
    previous = _msgspec.set_reader_backend(request.param)
    yield request.param
    _msgspec.set_reader_backend(previous)


def _whole(text: str | bytes, cls: Any, limits: Limits = DEFAULT_LIMITS) -> Any:
    """The ordinary reading: the whole text parsed, then the models built from the tree."""
    return _converters._structure(parse_json(text, limits, JsonFloat), cls, limits)


def _streamed(text: str | bytes, cls: Any, limits: Limits = DEFAULT_LIMITS) -> Any:
    return _converters._streamed_reader().read([text], cls, limits)


def _same_both_ways(text: str | bytes, cls: Any) -> tuple[str, Any]:
    """from_json, which reads item by item when it can, gives what the ordinary reading gives."""
    for backend in BACKENDS:
        previous = _msgspec.set_reader_backend(backend)
        try:
            whole = _outcome(lambda: _whole(text, cls))
            assert _outcome(lambda: from_json(text, cls)) == whole
        finally:
            _msgspec.set_reader_backend(previous)
    return whole


@functools.cache
def _cordis_directory() -> Directory:
    """Real Horizon 2020 projects and their participants, imported (tests/data/cordis)."""
    projects, organizations = "h2020-project-slice.json.gz", "h2020-organization-slice.json.gz"
    return load_cordis(CORDIS / projects, CORDIS / organizations).directory


class TestStreamedReader:
    @pytest.mark.usefixtures("backend")
    @given(lst.directories(max_organizations=3))
    def test_reads_directories(self, directory: Directory) -> None:
        """A written directory is read item by item, to the same directory.

        Unless its text holds what may be the escape of a lone surrogate: then it gives up.
        """
        text = to_json(directory)
        escaped = "\\ud" in text or "\\uD" in text
        assert _streamed(text, Directory) == (None if escaped else (directory,))

    @pytest.mark.usefixtures("backend")
    @given(st.lists(lst.agreements(), max_size=4), st.sampled_from([None, 2]))
    def test_reads_arrays_of_agreements(self, agreements: list[Agreement], indent: Any) -> None:
        """An array of agreements, compact or indented, is read item by item."""
        text = to_json(tuple(agreements), indent=indent)
        escaped = "\\ud" in text or "\\uD" in text
        assert _streamed(text, AGREEMENTS) == (None if escaped else (tuple(agreements),))

    @pytest.mark.usefixtures("backend")
    def test_reads_real_agreements(self) -> None:
        """Real CORDIS projects, as a directory and as an array, with blanks between items."""
        directory = _cordis_directory()
        assert len(directory.agreements) > 3
        assert _streamed(to_json(directory), Directory) == (directory,)
        text = json.dumps(to_dict(directory.agreements), indent="\t", ensure_ascii=False)
        assert _streamed(text, AGREEMENTS) == (directory.agreements,)

    @pytest.mark.parametrize(
        "text",
        [
            '{"format": "lifesci-partners", "version": 0, "organizations": []}',
            '{"format": "lifesci-partners", "version": 1, "version": 1}',
            '{"format": "lifesci-partners", "version": 1, "agreements": {}}',
            '{"format": "lifesci-partners", "version": 1, "agreements": []} []',
            '{"format": "lifesci-partners", "version": 1, "agreements": [1e400]}',
            '{"format": "lifesci-partners", "version": 1, "agreements": ["\\ud800"]}',
            '{"format": "lifesci-partners", "version": 1, "agreements": [},]}',
            '[{"id": "x"}]',
        ],
    )
    def test_gives_up_on_the_unusual(self, backend: str, text: str) -> None:
        """An older version, a duplicate or refused value, more text: the ordinary reader reads."""
        del backend
        assert _streamed(text, Directory) is None

    def test_gives_up_on_a_refused_number_an_item_would_take(self) -> None:
        """A number the parser refused is never read, even by a hook that takes any value."""
        assert _streamed("[1, 1e400]", tuple[Any, ...]) is None
        with pytest.raises(ValidationError, match=r"^\$\[1\]: the number 1e400 has 401 digits"):
            from_json("[1, 1e400]", tuple[Any, ...])

    @pytest.mark.usefixtures("backend")
    def test_gives_up_when_deeper_than_the_limit(self) -> None:
        """A text nested deeper than max_depth goes to the reader that says where."""
        text = to_json(_cordis_directory())
        assert _streamed(text, Directory, Limits(max_depth=2)) is None
        with pytest.raises(ValidationError, match="deeper than the limit of 2 levels"):
            from_json(text, Directory, limits=Limits(max_depth=2))

    def test_bytes_are_let_go_once_decoded(self) -> None:
        """The bytes in the source are replaced by their text, even when it gives up."""
        text = '\ufeff[{"org": "mpr"}, {"org": 5}]'
        source: list[str | bytes] = [text.encode()]
        reader = _converters._streamed_reader()
        assert reader.read(source, tuple[Party, ...], DEFAULT_LIMITS) is None
        assert source == [text.removeprefix("\ufeff")]

    def test_other_classes_are_read_whole(self) -> None:
        """Only a directory or an array of models is read item by item."""
        assert _streamed('{"org": "mpr"}', Agreement) is None

    def test_builds_each_item_before_parsing_the_next(self) -> None:
        """An item's model is built before the next item is parsed: no tree of the whole."""
        order: list[str] = []

        def parsed(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
            order.append("parsed")
            return dict(pairs)

        def built(item: dict[str, Any], _: type) -> dict[str, Any]:
            order.append("built")
            return item

        scan = json.JSONDecoder(object_pairs_hook=parsed).scan_once  # type: ignore[attr-defined]
        text = '[{"a": 1}, {"b": 2}]'
        assert _scanned(text, 0, scan, built, dict) == (({"a": 1}, {"b": 2}), len(text))
        assert order == ["parsed", "built", "parsed", "built"]


class TestSameAsWhole:
    @given(st.data())
    def test_mutated_documents(self, data: st.DataObject) -> None:
        """A broken document (the fuzzer's) gives the same result or error lines either way."""
        text, _ = _text_of(data.draw, data.draw(mutated_document()))
        _same_both_ways(text, Directory)

    @given(
        st.lists(lst.agreements(), min_size=1, max_size=3),
        st.lists(st.integers(0, 30), max_size=5),
        json_values(),
    )
    def test_mutated_arrays(self, agreements: list[Agreement], path: list[int], value: Any) -> None:
        """An array of agreements with any one value replaced reads the same either way."""
        text = json.dumps(mutated(to_dict(tuple(agreements)), path, value), ensure_ascii=False)
        _same_both_ways(text, AGREEMENTS)

    def test_real_agreements_broken(self) -> None:
        """Real agreements, one of them broken: the same error, with its path, either way."""
        data = to_dict(_cordis_directory().agreements)
        data[3]["parties"][0]["org"] = 5
        outcome = _same_both_ways(json.dumps(data), AGREEMENTS)
        assert outcome == ("error", ("$[3].parties[0].org: expected a string, got a number (5)",))


_SEPARATORS = st.sampled_from([",", ", ", " ,", "\n,\t", ",\r\n ", ";", ",,", " ", ""])


class TestBetweenItems:
    @given(
        st.lists(lst.parties(), min_size=1, max_size=4),
        st.lists(_SEPARATORS, min_size=3, max_size=3),
        st.sampled_from(["", " ", "\n\t"]),
    )
    def test_any_separator(self, parties: list[Party], separators: list[str], end: str) -> None:
        """Items separated by a comma and blanks are read; anything else is read whole, alike."""
        items = [to_json(party) for party in parties]
        text = "[" + items[0]
        for index, item in enumerate(items[1:]):
            text += separators[index] + item
        text += end + "]"
        _same_both_ways(text, tuple[Party, ...])
        usual = all(s.strip(" \t\r\n") == "," for s in separators[: len(items) - 1])
        assert (_streamed(text, tuple[Party, ...]) is not None) == usual
