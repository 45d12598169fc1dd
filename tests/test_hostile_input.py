"""Hostile and broken input: the bad-input corpus, and a fuzzer that mutates valid documents.

Whatever the input, reading it gives either a valid model that keeps every value of the input,
or a ValidationError that lists problems, each with its path; never another exception. The
command line's ``validate`` reads the same file to the same verdict and the same problems, and
what is accepted pickles and copies. The fuzzer runs with the ``ci`` profile's fixed seed in
CI; ``HYPOTHESIS_PROFILE=thorough`` runs many more examples.
"""

from __future__ import annotations

import copy
import io
import json
import pickle
import tempfile
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from lifesci_partners import (
    Directory,
    Limits,
    ValidationError,
    examples,
    from_dict,
    from_json,
    load,
    to_dict,
)
from lifesci_partners import strategies as lst
from lifesci_partners._cli import _files
from lifesci_partners._cli._main import _problem, main
from tests import _corpus

Path_ = tuple[str | int, ...]


def read_outcome(read: Callable[[], Directory]) -> Directory | ValidationError:
    """Call ``read()``; return the directory or the ValidationError, let anything else escape."""
    try:
        return read()
    except ValidationError as exc:
        error = exc
    assert error.errors, "a ValidationError must list its problems"
    for line in error.errors:
        assert line.startswith("$"), f"no path: {line!r}"
        assert ": " in line, f"no message: {line!r}"
    return error


def lost(given: Any, written: Any, path: Path_ = ()) -> list[tuple[Path_, str]]:
    """Where a value of ``given`` is missing (``"dropped"``) or different in ``written``."""
    if isinstance(given, dict) and isinstance(written, dict):
        found: list[tuple[Path_, str]] = []
        for key, value in given.items():
            if key in written:
                found += lost(value, written[key], (*path, key))
            elif value is not None:  # null means not given
                found.append(((*path, key), "dropped"))
        return found
    if isinstance(given, list) and isinstance(written, list) and len(given) == len(written):
        return [
            loss
            for i, pair in enumerate(zip(given, written, strict=True))
            for loss in lost(*pair, (*path, i))
        ]
    if type(given) is type(written) and given == written:
        return []
    return [(path, f"{given!r} became {written!r}")]


def _without(data: Any, path: Path_) -> Any:
    data = copy.deepcopy(data)
    del _parent(data, path)[path[-1]]
    return data


def _with_written(data: Any, written: Any, path: Path_) -> Any:
    """``data`` with the value at ``path`` replaced by the one written there."""
    data = copy.deepcopy(data)
    for key in path:
        written = written[key]
    _parent(data, path)[path[-1]] = written
    return data


def assert_nothing_lost(data: Any, directory: Directory) -> None:
    """A document that was accepted is written back with every one of its values.

    A key may be left out of what is written only when its value was the default, that is when
    reading the document without it gives the same directory; and a value may be written in
    another of its accepted forms (an amount given as a whole number is written as a decimal
    string) only when reading the document with the written form gives the same directory.
    """
    written = to_dict(directory)
    losses = [
        (path, what)
        for path, what in lost(data, written)
        if from_dict(
            _without(data, path) if what == "dropped" else _with_written(data, written, path),
            Directory,
        )
        != directory
    ]
    assert losses == []


class TestCorpus:
    @pytest.mark.parametrize(
        "path",
        _corpus.cases("schema") + _corpus.cases("library") + _corpus.cases("text"),
        ids=lambda p: f"{p.parent.name}/{p.stem}",
    )
    def test_refused_with_every_problem(self, path: Path) -> None:
        """Each bad document is refused with exactly the problems recorded beside it."""
        with pytest.raises(ValidationError) as info:
            from_json(path.read_bytes(), Directory)
        assert info.value.errors == _corpus.expected_errors(path)

    @pytest.mark.parametrize("path", _corpus.cases("valid"), ids=lambda p: p.stem)
    def test_valid_edge_cases_read_without_loss(self, path: Path) -> None:
        """Each valid edge case is read, and written back with the same content."""
        directory = from_json(path.read_bytes(), Directory)
        if path.stem == "locale-tag-forms":  # tags are written in one canonical form
            assert set(directory.organization("mpr").name) == {"en", "fr_FR", "ja_JP"}
        else:
            assert_nothing_lost(_corpus.plain_json(path), directory)


class TestBigInput:
    def test_very_long_string(self) -> None:
        """A ten-million-character name is read as it is."""
        data = json.loads(examples.link_j_mpr_json())
        data["organizations"][1]["name"]["fr"] = "é" * 10_000_000
        directory = from_json(json.dumps(data, ensure_ascii=False), Directory)
        assert len(directory.organization("mpr").name["fr"]) == 10_000_000

    def test_very_long_bad_string_gives_short_message(self) -> None:
        """A huge bad value is cut in the message, which stays short."""
        data = json.loads(examples.link_j_mpr_json())
        data["organizations"][0]["id"] = "x y" * 1_000_000
        data["organizations"][0]["headquarters"]["country"] = "F" * 1_000_000
        data["organizations"][0]["name"] = {"k" * 1_000_000: "?"}
        data["organizations"][0]["k" * 1_000_000] = 1
        with pytest.raises(ValidationError) as info:
            from_json(json.dumps(data), Directory)
        assert len(info.value.errors) == 4
        assert all(len(error) < 400 for error in info.value.errors), info.value.errors

    def test_long_list_of_duplicates(self) -> None:
        """Twenty thousand copies of one organization: every duplicate id is reported."""
        data = json.loads(examples.link_j_mpr_json())
        data["organizations"] = data["organizations"][:1] * 20_000
        data["agreements"] = data["announcements"] = []
        with pytest.raises(ValidationError) as info:
            from_json(json.dumps(data), Directory, limits=Limits(max_problems=20_000))
        assert len(info.value.errors) == 19_999
        assert info.value.errors[-1] == (
            "$.organizations[19999].id: duplicate id 'link-j', already used by $.organizations[0]"
        )

    def test_huge_term_digits(self) -> None:
        """A term with thousands of digits is refused quickly, with a short message."""
        data = json.loads(examples.link_j_mpr_json())
        data["agreements"][0]["term"] = "P" + "9" * 100_000 + "Y"
        with pytest.raises(ValidationError) as info:
            from_json(json.dumps(data), Directory)
        (error,) = info.value.errors
        assert error.startswith("$.agreements[0].term: a term is written in at most 40 characters")


# The fuzzer ---------------------------------------------------------------------------------


def _nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


_DEEP = _nested(70)
_BAD_VALUES = st.one_of(
    st.sampled_from(
        [
            None,
            "",
            " ",
            "\ud800",
            "a\udfffb",
            "\ufeff",
            "LINK-J\x1b]0;owned\x07",  # terminal commands, refused in text
            "Paid \u202e0001\u202c EUR",
            "*Evil* [click](javascript:x) <b>hi</b>",  # Markdown, kept and escaped
            "x" * 100_000,
            0,
            -1,
            True,
            False,
            10**200,
            -(10**99),
            1.5,
            1e308,
            float("nan"),
            float("inf"),
            "1e999999",
            "2021-02-29",
            "2020-13-01",
            "0000-01-01",
            "9999-12-31",
            "2020-02-05T00:00",
            "P0Y",
            "P" + "9" * 60 + "Y",
            "PT1H",
            "no-such-org",
            "ftp://x",
            "http://[",
            "ZZ",
            [],
            {},
            [None],
            {"en": ""},
            {"": "x"},
            _DEEP,
        ]
    ),
    st.text(max_size=20),
    st.integers(),
    st.floats(),
)
_EXTRA_KEYS = st.sampled_from(
    ["extra", "id", "format", "version", "", "k" * 10_000, "\ud800", "__proto__", "name"]
)


def _paths(data: Any, path: Path_ = ()) -> list[Path_]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


def _parent(data: Any, path: Path_) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid directory document with one to three hostile mutations of its data."""
    base = draw(st.just(examples.link_j_mpr()) | lst.directories(max_organizations=3))
    data = to_dict(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)[1:]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        key = path[-1]
        action = draw(
            st.sampled_from(["replace", "delete", "add_key", "duplicate", "repeat", "wrap"])
        )
        note(f"{action} at {path}")
        if action == "replace":
            parent[key] = copy.deepcopy(draw(_BAD_VALUES))  # never change the shared samples
        elif action == "delete":
            del parent[key]
        elif action == "add_key" and isinstance(parent, dict):
            parent[draw(_EXTRA_KEYS)] = copy.deepcopy(draw(_BAD_VALUES))
        elif action == "duplicate" and isinstance(parent, list) and isinstance(key, int):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif action == "repeat" and isinstance(parent, list) and isinstance(key, int):
            parent.extend([parent[key]] * draw(st.sampled_from([2, 1000])))
        elif action == "wrap":
            parent[key] = [parent[key]]
    return data


def validate_in_process(text: bytes) -> dict[str, Any]:
    """``lifesci-partners validate --format json`` on a file of ``text``: valid, and problems."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutated.json"
        path.write_bytes(text)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = main(["validate", "--format", "json", str(path)])
    (result,) = json.loads(out.getvalue())["files"]
    assert status == (0 if result["valid"] else 1), (status, result, err.getvalue())
    return {"valid": result["valid"], "problems": result["problems"]}


def _text_of(  # noqa: PLR0911  # one return per kind of breakage
    draw: Callable[[st.SearchStrategy[Any]], Any], data: Any
) -> tuple[str | bytes, bool]:
    """JSON text of ``data``, perhaps broken at the text level; and whether it is still whole."""
    text = json.dumps(data, ensure_ascii=draw(st.booleans()), allow_nan=True)
    action = draw(
        st.sampled_from(["as is", "bytes", "bom", "truncate", "byte", "dup key", "deep", "utf-16"])
    )
    note(f"text: {action}")
    if action == "bytes":
        return text.encode("utf-8", "surrogatepass"), True
    if action == "bom":
        return "\ufeff" + text, True
    if action == "truncate":
        return text[: draw(st.integers(0, max(len(text) - 1, 0)))], False
    if action == "byte":
        raw = text.encode("utf-8", "surrogatepass")
        at = draw(st.integers(0, len(raw)))
        return raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at:], False
    if action == "dup key":
        return text.replace("{", '{"id": "a", ', 1).replace("{", '{"id": "b", ', 1), False
    if action == "deep":
        depth = draw(st.sampled_from([70, 100_000]))
        return "[" * depth + text + "]" * depth, False
    if action == "utf-16":
        return text.encode("utf-16", "surrogatepass"), False
    return text, True


class TestFuzzer:
    @given(mutated())
    def test_python_data(self, data: Any) -> None:
        """from_dict on mutated data: a lossless directory or a ValidationError with paths."""
        outcome = read_outcome(lambda: from_dict(data, Directory))
        if isinstance(outcome, Directory):
            assert_nothing_lost(data, outcome)

    @given(st.data())
    def test_json_text(self, draw: st.DataObject) -> None:
        """from_json on mutated text: a lossless directory or a ValidationError with paths."""
        data = draw.draw(mutated())
        text, whole = _text_of(draw.draw, data)
        outcome = read_outcome(lambda: from_json(text, Directory))
        if isinstance(outcome, Directory) and whole:
            assert_nothing_lost(data, outcome)

    @given(st.data())
    def test_cli_agrees_with_from_json(self, draw: st.DataObject) -> None:
        """`validate` says valid exactly when from_json reads the file, with the same problems."""
        text, _ = _text_of(draw.draw, draw.draw(mutated()))
        if isinstance(text, str):  # what a file holds; a lone surrogate stays invalid UTF-8
            text = text.encode("utf-8", "surrogatepass")
        outcome = read_outcome(lambda: from_json(text, Directory))
        expected = (
            {"valid": True, "problems": []}
            if isinstance(outcome, Directory)
            else {"valid": False, "problems": [_problem(line) for line in outcome.errors]}
        )
        assert validate_in_process(text) == expected

    @given(mutated())
    def test_accepted_directories_pickle_and_copy(self, data: Any) -> None:
        """Whatever is accepted pickles, copies and deep-copies to an equal directory."""
        outcome = read_outcome(lambda: from_dict(data, Directory))
        if isinstance(outcome, Directory):
            again = pickle.loads(pickle.dumps(outcome))  # noqa: S301  # our own data
            assert (again, copy.copy(outcome), copy.deepcopy(outcome)) == (outcome,) * 3


# Hostile files and numbers ------------------------------------------------------------------


class TestHostileReading:
    def test_exponent_beyond_decimal(self) -> None:
        """An exponent too large for Decimal is refused with its path, not InvalidOperation."""
        with pytest.raises(ValidationError) as info:
            from_json("[1e9999999999999999999]", Directory)
        (error,) = info.value.errors
        assert error == (
            "$[0]: the number 1e9999999999999999999 has more digits than can be counted "
            "written out in full, more than the limit of 100"
        )

    def test_exponent_beyond_decimal_in_the_cli(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command line reports the same problem, with no traceback."""
        path = tmp_path / "big.json"
        path.write_text("[1e9999999999999999999]", encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        out = capsys.readouterr().out
        assert "$[0]: the number 1e9999999999999999999 has more digits" in out

    def test_file_size_checked_before_reading(self, tmp_path: Path) -> None:
        """A sparse 3 GiB file is refused by its size, before any of it is read."""
        path = tmp_path / "sparse.json"
        with path.open("wb") as file:
            file.truncate(3 * 2**30)
        with pytest.raises(ValidationError) as info:
            load(path)
        (error,) = info.value.errors
        assert error == (
            "$: the document is 3,221,225,472 bytes long, more than the limit of 1,073,741,824; "
            "pass a larger Limits(max_bytes=...) to read it"
        )

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    def test_endless_stream_read_no_further_than_the_limit(self) -> None:
        """/dev/zero (size 0, no end) is read to one byte past the limit, then refused."""
        with pytest.raises(ValidationError) as info:
            load("/dev/zero", limits=Limits(max_bytes=1000))
        (error,) = info.value.errors
        assert error == (
            "$: the document is longer than the limit of 1,000 bytes; pass a larger "
            "Limits(max_bytes=...) to read it"
        )

    def test_cli_reports_the_file_size(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command line names the file's size, not how much it read."""
        path = tmp_path / "sparse.json"
        with path.open("wb") as file:
            file.truncate(3 * 2**30)
        assert main(["validate", str(path)]) == 1
        assert "the document is 3,221,225,472 bytes long" in capsys.readouterr().out

    @given(st.decimals(allow_nan=False, allow_infinity=False, places=3))
    def test_cli_and_library_accept_the_same_amounts(self, amount: Decimal) -> None:
        """A JSON number with a fraction is refused as an amount by the CLI as by from_json."""
        text = examples.link_j_mpr_json().replace('"21000000000"', format(amount, "f"), 1)
        assert read_errors(text) is not None
        assert _files_errors(text) == read_errors(text)

    @pytest.mark.parametrize(
        "scalar", ['!!int "\u0663"', '!!int " 1 "', "!!int 0x1", '!!float "\u0663.\u0665"']
    )
    def test_yaml_numbers_only_in_ascii_digits(self, scalar: str) -> None:
        """An explicit YAML number tag takes only what JSON could write, with a path."""
        with pytest.raises(ValidationError) as info:
            _files.parse(f"version: {scalar}\n".encode(), "yaml", Limits())
        (error,) = info.value.errors
        assert error.startswith("$.version: ")
        assert "is not a" in error
        assert "digits 0 to 9" in error


def read_errors(text: str) -> tuple[str, ...] | None:
    try:
        from_json(text, Directory)
    except ValidationError as exc:
        return exc.errors
    return None


def _files_errors(text: str) -> tuple[str, ...] | None:
    try:
        from_dict(_files.parse(text.encode(), "json", Limits()), Directory)
    except ValidationError as exc:
        return exc.errors
    return None


class TestEveryProblemAtOnce:
    def test_references_reported_with_structural_problems(self) -> None:
        """A bad agreement hides neither a duplicate id nor a reference to nothing."""
        data = json.loads(examples.link_j_mpr_json())
        data["organizations"][0]["id"] = "mpr"
        data["agreements"][0]["effective_on"] = "2020-02-30"
        errors = read_errors(json.dumps(data))
        assert errors is not None
        assert errors[:2] == (
            "$.agreements[0].effective_on: '2020-02-30' is not a calendar date",
            "$.organizations[1].id: duplicate id 'mpr', already used by $.organizations[0]",
        )
        assert (
            "$.announcements[0].publisher: no organization with id 'link-j' in the directory"
            in (errors)
        )

    def test_references_of_an_item_that_cannot_be_built(self) -> None:
        """A party of an agreement that cannot be built is still checked against the ids."""
        data = json.loads(examples.link_j_mpr_json())
        data["agreements"][0]["kind"] = "MOU"
        data["agreements"][0]["parties"][1]["org"] = "medicen"
        kind, party = read_errors(json.dumps(data)) or ("", "")
        assert kind.startswith("$.agreements[0].kind: expected one of 'mou'")
        assert party == (
            "$.agreements[0].parties[1].org: no organization with id 'medicen' in the directory"
        )

    def test_invalid_id_hides_no_reference(self) -> None:
        """References to an item whose id is invalid are not called references to nothing."""
        data = json.loads(examples.link_j_mpr_json())
        data["organizations"][0]["id"] = "link j"
        (error,) = read_errors(json.dumps(data)) or ()
        assert error.startswith("$.organizations[0].id: 'link j' is not a valid id")


class TestProblemCount:
    def test_many_bad_items_are_capped(self) -> None:
        """Past Limits.max_problems, one last line says how many more there were."""
        data = json.loads(examples.link_j_mpr_json())
        data["agreements"] = [{}] * 30
        with pytest.raises(ValidationError) as info:
            from_json(json.dumps(data), Directory, limits=Limits(max_problems=10))
        assert len(info.value.errors) == 11
        assert info.value.errors[-1] == (
            "$: 110 more problems not listed; pass a larger Limits(max_problems=...) to see them"
        )
