"""Tests for JSON Lines: iter_jsonl, dump_jsonl and load_jsonl."""

from __future__ import annotations

import gzip
import io
import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    Agreement,
    Directory,
    JsonLinesError,
    Limits,
    LineProblem,
    Money,
    Organization,
    Party,
    ValidationError,
    dump_jsonl,
    examples,
    from_ror,
    iter_jsonl,
    load_jsonl,
    to_json,
)
from lifesci_partners import strategies as lst

DATA = Path(__file__).parent / "data"


def seed() -> Directory:
    return examples.link_j_mpr()


def ror_organizations() -> list[Organization]:
    records = json.loads((DATA / "ror-records.json").read_text(encoding="utf-8"))
    return [from_ror(record) for record in records]


def lines_of(*values: object) -> io.BytesIO:
    text = "".join(v if isinstance(v, str) else json.dumps(v) + "\n" for v in values)
    return io.BytesIO(text.encode("utf-8"))


class _OneLineAtATime(io.RawIOBase):
    """A stream of endless copies of one line, that counts the lines read from it."""

    def __init__(self, line: bytes) -> None:
        self.line = line
        self.served = 0

    def readline(self, size: int | None = -1) -> bytes:  # noqa: ARG002  # lines are short
        self.served += 1
        return self.line


class TestIterJsonl:
    @given(st.lists(lst.agreements(), max_size=5), st.booleans())
    def test_round_trip(self, items: list[Agreement], compress: bool) -> None:
        """What dump_jsonl writes, iter_jsonl reads back equal, in order, gzipped or not."""
        buffer = io.BytesIO()
        if compress:
            with gzip.GzipFile(fileobj=buffer, mode="wb") as zipped:
                assert dump_jsonl(items, zipped) == len(items)
            source = gzip.decompress(buffer.getvalue())
        else:
            assert dump_jsonl(items, buffer) == len(items)
            source = buffer.getvalue()
        assert list(iter_jsonl(io.BytesIO(source), Agreement)) == items

    def test_real_ror_records(self, tmp_path: Path) -> None:
        """Organizations imported from real ROR records round-trip through a gzipped file."""
        organizations = ror_organizations()
        path = tmp_path / "ror.jsonl.gz"
        assert dump_jsonl(organizations, path) == len(organizations)
        assert path.read_bytes()[:2] == b"\x1f\x8b"
        assert list(iter_jsonl(path, Organization)) == organizations

    def test_one_line_per_model(self) -> None:
        """Each line is the model's compact JSON, and nothing else."""
        buffer = io.BytesIO()
        dump_jsonl(seed().agreements, buffer)
        assert buffer.getvalue().decode() == to_json(seed().agreements[0]) + "\n"

    def test_reads_lazily(self) -> None:
        """Each model is yielded after reading its own line only, so memory stays flat."""
        stream = _OneLineAtATime(b'{"org": "mpr"}\n')
        items = iter_jsonl(stream, Party)
        assert [next(items) for _ in range(3)] == [Party("mpr")] * 3
        assert stream.served == 3

    def test_first_bad_line_raises_with_its_number(self) -> None:
        """By default the first bad line raises, and every problem names that line."""
        stream = lines_of({"org": "link-j"}, {"org": 5, "rank": 1}, {"org": 6})
        with pytest.raises(JsonLinesError) as caught:
            list(iter_jsonl(stream, Party))
        assert str(caught.value) == (
            "2 problems:\n"
            "  line 2: $.org: expected a string, got a number (5)\n"
            "  line 2: $.rank: unknown key; expected only: org, role"
        )

    def test_error_is_a_validation_error_with_paths(self) -> None:
        """JsonLinesError is a ValidationError: its errors start with the path, line after."""
        with pytest.raises(ValidationError) as caught:
            list(iter_jsonl(lines_of({"org": 5}), Party))
        assert caught.value.errors == ("$.org: expected a string, got a number (5) (line 1)",)

    def test_collects_problems_and_goes_on(self) -> None:
        """With a list for problems, bad lines are reported there and the good ones yielded."""
        problems: list[LineProblem] = []
        stream = lines_of({"org": 5}, {"org": "mpr"}, "not json\n", {"org": "link-j"})
        parties = list(iter_jsonl(stream, Party, problems=problems))
        assert parties == [Party("mpr"), Party("link-j")]
        assert [p.line for p in problems] == [1, 3]

    def test_blank_line_is_a_problem(self) -> None:
        """A blank line holds no JSON value: it is reported, not skipped silently."""
        problems: list[LineProblem] = []
        assert list(iter_jsonl(lines_of({"org": "a"}, "\n"), Party, problems=problems)) == [
            Party("a")
        ]
        assert [str(p) for p in problems] == [
            "line 2: $: a blank line; JSON Lines holds one JSON value on every line"
        ]

    def test_line_longer_than_the_limit(self) -> None:
        """A line over max_bytes is refused with the fix, and the next line is still read."""
        problems: list[LineProblem] = []
        stream = lines_of({"org": "x" * 100}, {"org": "mpr"})
        parties = list(iter_jsonl(stream, Party, problems=problems, limits=Limits(max_bytes=50)))
        assert parties == [Party("mpr")]
        assert [str(p) for p in problems] == [
            (
                "line 1: $: the line is longer than 50 bytes; "
                "pass a larger Limits(max_bytes=...) to read it"
            )
        ]

    def test_no_float_amount(self) -> None:
        """A number with a fraction is never read as an exact amount, on a line as in a document."""
        line = {"amount": 1.5, "currency": "EUR"}
        with pytest.raises(JsonLinesError, match=r"line 1: \$\.amount"):
            list(iter_jsonl(lines_of(line), Money))

    def test_directory_is_refused(self) -> None:
        """A directory is not one model per line: the message names load_jsonl."""
        with pytest.raises(TypeError, match="load_jsonl"):
            iter_jsonl(io.BytesIO(), Directory)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is the standard FileNotFoundError."""
        with pytest.raises(FileNotFoundError):
            list(iter_jsonl(tmp_path / "nope.jsonl", Party))


class TestDumpJsonl:
    def test_gzip_by_suffix(self, tmp_path: Path) -> None:
        """A name ending in .gz is gzipped, another is not, unless compress says otherwise."""
        dump_jsonl(seed().agreements, tmp_path / "a.jsonl.gz")
        dump_jsonl(seed().agreements, tmp_path / "b.jsonl")
        dump_jsonl(seed().agreements, tmp_path / "c.jsonl", compress=True)
        assert (tmp_path / "a.jsonl.gz").read_bytes()[:2] == b"\x1f\x8b"
        assert (tmp_path / "b.jsonl").read_bytes()[:1] == b"{"
        assert (
            gzip.decompress((tmp_path / "c.jsonl").read_bytes())
            == (tmp_path / "b.jsonl").read_bytes()
        )

    def test_same_bytes_every_time(self, tmp_path: Path) -> None:
        """A gzipped file carries no time stamp: the same items give the same bytes."""
        dump_jsonl(seed().agreements, tmp_path / "a.jsonl.gz")
        first = (tmp_path / "a.jsonl.gz").read_bytes()
        dump_jsonl(seed().agreements, tmp_path / "a.jsonl.gz")
        assert (tmp_path / "a.jsonl.gz").read_bytes() == first

    def test_consumes_a_generator(self, tmp_path: Path) -> None:
        """A generator is written as it is consumed; the count is returned."""
        items = (Party(f"org-{n}") for n in range(1000))
        assert dump_jsonl(items, tmp_path / "p.jsonl") == 1000
        assert len(list(iter_jsonl(tmp_path / "p.jsonl", Party))) == 1000

    def test_not_a_model(self, tmp_path: Path) -> None:
        """Something other than a model is refused with its position; nothing is written."""
        with pytest.raises(TypeError, match="item 1 is int, not a lifesci-partners model"):
            dump_jsonl([Party("mpr"), 5], tmp_path / "p.jsonl")
        assert not (tmp_path / "p.jsonl").exists()

    def test_error_mid_stream_keeps_the_old_file(self, tmp_path: Path) -> None:
        """An error while the items are produced leaves the old file and no temporary file."""
        path = tmp_path / "p.jsonl"
        path.write_bytes(b"precious")

        def failing() -> Iterator[Party]:
            yield Party("mpr")
            msg = "the source went away"
            raise OSError(msg)

        with pytest.raises(OSError, match="went away"):
            dump_jsonl(failing(), path)
        assert path.read_bytes() == b"precious"
        assert [p.name for p in tmp_path.iterdir()] == ["p.jsonl"]


class TestLoadJsonl:
    @given(lst.directories())
    def test_round_trip(self, directory: Directory) -> None:
        """Every directory written as JSON Lines reads back equal."""
        buffer = io.BytesIO()
        dump_jsonl(directory, buffer)
        assert load_jsonl(io.BytesIO(buffer.getvalue())) == directory

    def test_built_in_data(self, tmp_path: Path) -> None:
        """The built-in data set: a header, then each item on a line tagged with its kind."""
        path = tmp_path / "d.jsonl"
        assert dump_jsonl(seed(), path) == 5
        kinds = [next(iter(json.loads(line))) for line in path.read_text().splitlines()[1:]]
        assert kinds == ["organization", "organization", "agreement", "announcement"]
        assert load_jsonl(path) == seed()

    def test_reference_errors_on_their_lines(self) -> None:
        """A reference to nothing is reported on the line of the item that makes it."""
        buffer = io.BytesIO()
        dump_jsonl(seed(), buffer)
        lines = buffer.getvalue().decode().splitlines()
        agreement = json.loads(lines[3])
        agreement["agreement"]["parties"][1]["org"] = "nobody"
        lines[3] = json.dumps(agreement)
        with pytest.raises(JsonLinesError) as caught:
            load_jsonl(io.BytesIO("\n".join(lines).encode()))
        assert str(caught.value.problems[0]) == (
            "line 4: $.agreement.parties[1].org: no organization with id 'nobody' in the directory"
        )

    def test_every_bad_line_at_once(self) -> None:
        """Problems of several lines are all reported, each with its line and kind's path."""
        stream = lines_of(
            {"format": "lifesci-partners", "version": 1, "complete_partnerships": []},
            {"agreement": {"parties": []}, "extra": 1},
            {"memo": {}},
            {"organization": {"id": 5}},
        )
        with pytest.raises(JsonLinesError) as caught:
            load_jsonl(stream)
        assert [p.line for p in caught.value.problems][:2] == [2, 3]
        assert str(caught.value.problems[1]) == (
            "line 3: $.memo: unknown kind; expected one of 'organization', 'agreement', "
            "'announcement'"
        )
        assert all(p.path.startswith("$.organization") for p in caught.value.problems[2:])

    def test_header_is_checked(self) -> None:
        """A header of another format or version is refused with what was expected."""
        stream = lines_of({"format": "other", "version": 2})
        with pytest.raises(JsonLinesError) as caught:
            load_jsonl(stream)
        assert [str(p) for p in caught.value.problems] == [
            "line 1: $.format: expected 'lifesci-partners', got a string ('other')",
            "line 1: $.version: expected 1, got a number (2)",
        ]

    def test_empty_file(self) -> None:
        """An empty file is not a directory: the message shows the header to write."""
        with pytest.raises(JsonLinesError, match=r"line 1: \$: the file is empty"):
            load_jsonl(io.BytesIO())

    def test_blank_header(self) -> None:
        """A blank first line is reported as such, not as an empty file."""
        with pytest.raises(JsonLinesError) as caught:
            load_jsonl(io.BytesIO(b"\n"))
        assert [str(p) for p in caught.value.problems] == [
            "line 1: $: a blank line; JSON Lines holds one JSON value on every line"
        ]

    def test_error_pickles(self) -> None:
        """The error crosses process boundaries (Spark, multiprocessing) whole."""
        error = JsonLinesError([LineProblem(3, "$.org", "bad")])
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301  # our own bytes
        assert copy.problems == error.problems
        assert str(copy) == "line 3: $.org: bad"
