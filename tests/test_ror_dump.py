"""Tests for load_ror: importing a whole ROR dump, streaming."""

from __future__ import annotations

import copy
import gc
import gzip
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifesci_partners import (
    Directory,
    Identifier,
    ImportAction,
    ValidationError,
    _ror_dump,
    from_json,
    from_ror,
    load_ror,
    to_json,
)
from tests import ror_records
from tests.test_ror import display, mutated_records

SHARED_SAMPLE = Path(__file__).parent.parent.parent / "shared" / "data" / "ror"
SHARED_SAMPLE /= "ror-v2-sample-4000.json.gz"
REAL = list(ror_records.REAL)


def array_bytes(records: list[Any]) -> bytes:
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def lines_bytes(records: list[Any]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def with_bad_isni(record: dict[str, Any]) -> dict[str, Any]:
    bad = copy.deepcopy(record)
    bad["external_ids"] = [{"type": "isni", "all": ["0000 0001 0706 8891"], "preferred": None}]
    return bad


class _Pipe(io.RawIOBase):
    """A stream that cannot seek, as standard input."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


class TestFormats:
    def test_json_array(self, tmp_path: Path) -> None:
        """A .json array imports every real record, with no problem."""
        path = tmp_path / "ror.json"
        path.write_bytes(array_bytes(REAL))
        result = load_ror(path)
        assert result.problems == ()
        assert result.records_read == len(REAL)
        assert result.directory.organizations == tuple(from_ror(r) for r in REAL)

    def test_gzip(self, tmp_path: Path) -> None:
        """A .json.gz array gives what the plain array gives."""
        path = tmp_path / "ror.json.gz"
        path.write_bytes(gzip.compress(array_bytes(REAL)))
        assert load_ror(path).directory.organizations == tuple(from_ror(r) for r in REAL)

    def test_zip_as_ror_publishes_it(self, tmp_path: Path) -> None:
        """In ROR's zip, the schema_v2 JSON file is read, beside a CSV and a v1 file."""
        path = tmp_path / "v1.50-2024-07-29-ror-data.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("v1.50-2024-07-29-ror-data.csv", "id,name\n")
            archive.writestr("v1.50-2024-07-29-ror-data.json", "[]")
            archive.writestr("v1.50-2024-07-29-ror-data_schema_v2.json", array_bytes(REAL[:3]))
        assert len(load_ror(path).directory.organizations) == 3

    def test_zip_without_records(self, tmp_path: Path) -> None:
        """A zip with no JSON file names what it holds."""
        path = tmp_path / "empty.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "nothing")
        with pytest.raises(ValidationError, match=r"readme\.txt"):
            load_ror(path)

    def test_json_lines(self, tmp_path: Path) -> None:
        """JSON Lines: one record per line; the position is the line number."""
        path = tmp_path / "ror.jsonl"
        records = [REAL[0], {"id": "https://ror.org/05dxps055"}, REAL[1]]
        path.write_bytes(lines_bytes(records).replace(b"\n", b"\n\n", 1))
        result = load_ror(path)
        assert len(result.directory.organizations) == 2
        assert {(p.position, p.record_id) for p in result.problems} == {(3, "05dxps055")}

    def test_binary_file_and_pipe(self) -> None:
        """A binary file object and a stream that cannot seek both work, zipped or not."""
        data = gzip.compress(array_bytes(REAL[:2]))
        assert len(load_ror(io.BytesIO(data)).directory.organizations) == 2
        piped = io.BufferedReader(_Pipe(data))
        assert len(load_ror(piped).directory.organizations) == 2

    def test_zip_from_a_pipe(self) -> None:
        """A zip read from a stream that cannot seek is still read."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("ror.json", array_bytes(REAL[:2]))
        piped = io.BufferedReader(_Pipe(buffer.getvalue()))
        assert len(load_ror(piped).directory.organizations) == 2

    def test_byte_order_mark(self) -> None:
        """A UTF-8 byte order mark before the array is ignored."""
        data = b"\xef\xbb\xbf" + array_bytes(REAL[:1])
        assert len(load_ror(io.BytesIO(data)).directory.organizations) == 1

    def test_empty_array_and_empty_file(self) -> None:
        """No records: an empty directory and no problem."""
        for data in (b"[]", b"  \n", b""):
            result = load_ror(io.BytesIO(data))
            assert (result.directory, result.problems) == (Directory(), ())

    def test_text_file_is_refused(self, tmp_path: Path) -> None:
        """A file opened in text mode is a usage error that says to open it in binary mode."""
        path = tmp_path / "ror.json"
        path.write_text("[]", encoding="utf-8")
        with path.open(encoding="utf-8") as file, pytest.raises(TypeError, match="binary"):
            load_ror(file)  # type: ignore[arg-type]

    @pytest.mark.parametrize("chunk", [1, 7, 4096])
    def test_chunk_boundaries(self, chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
        """Records and numbers cut across chunks read exactly as when read whole."""
        monkeypatch.setattr(_ror_dump, "_CHUNK", chunk)
        data = array_bytes([*REAL[:4], 12345, [1.5]])
        result = load_ror(io.BytesIO(data))
        assert result.directory.organizations == tuple(from_ror(r) for r in REAL[:4])
        assert [p.value for p in result.skipped] == [12345, [Decimal("1.5")]]


class TestExactness:
    def test_numbers_are_read_as_written(self) -> None:
        """Coordinates keep their digits (a trailing zero too): no binary float in between."""
        record = copy.deepcopy(ror_records.CALTECH)
        text = json.dumps([record]).replace("34.14778", "34.147780")
        (org,) = load_ror(io.BytesIO(text.encode())).directory.organizations
        assert org.headquarters is not None
        assert org.headquarters.coordinates is not None
        assert str(org.headquarters.coordinates.latitude) == "34.147780"

    def test_duplicate_keys_skip_the_record(self) -> None:
        """A record with a key twice is ambiguous: skipped, with the key's path."""
        text = json.dumps([ror_records.CALTECH]).replace(
            '"status": "active"', '"status": "active", "status": "inactive"'
        )
        result = load_ror(io.BytesIO(text.encode()))
        assert result.directory.organizations == ()
        (problem,) = result.problems
        assert (problem.path, problem.action) == ("$.status", ImportAction.RECORD_SKIPPED)
        assert "more than once" in problem.message

    @pytest.mark.parametrize("escape", ["\\ud800", "\\uD800", "\\udfff", "\\uDBFF"])
    def test_lone_surrogate_skips_the_record(self, escape: str) -> None:
        """An escaped lone surrogate is no text: the record is skipped; a pair is read."""
        lone = json.dumps([ror_records.CALTECH]).replace("Caltech", "Caltech" + escape, 1)
        (problem,) = load_ror(io.BytesIO(lone.encode())).problems
        assert "lone surrogate" in problem.message
        pair = json.dumps([ror_records.CALTECH]).replace("Caltech", "Caltech\\ud83d\\ude00", 1)
        (org,) = load_ror(io.BytesIO(pair.encode())).directory.organizations
        assert org.other_names[0].text == "Caltech\U0001f600"

    @pytest.mark.parametrize("escape", ["\\ud800", "\\uD800"])
    def test_lone_surrogate_in_a_text_not_kept(self, escape: str) -> None:
        """The continent's name is not kept, yet a lone surrogate there still skips the record."""
        text = json.dumps([ror_records.CALTECH]).replace("North America", "North" + escape, 1)
        (problem,) = load_ror(io.BytesIO(text.encode())).problems
        assert "lone surrogate" in problem.message
        assert problem.action is ImportAction.RECORD_SKIPPED

    def test_huge_number_skips_the_record(self) -> None:
        """A number of 500 digits is refused before any work is spent on it."""
        text = json.dumps([ror_records.CALTECH]).replace("1891", "1" * 500)
        (problem,) = load_ror(io.BytesIO(text.encode())).problems
        assert problem.path == "$.established"
        assert "limit" in problem.message


class TestProblems:
    def test_part_dropped(self) -> None:
        """A bad ISNI is dropped from its organization and reported with the record's id."""
        result = load_ror(io.BytesIO(array_bytes([REAL[0], with_bad_isni(ror_records.CALTECH)])))
        org = result.directory.organization("05dxps055")
        assert all(i.scheme != "isni" for i in org.identifiers)
        (problem,) = result.problems
        assert (problem.position, problem.record_id) == (2, "05dxps055")
        assert problem.path == "$.external_ids[0].all[0]"
        assert problem.value == "0000 0001 0706 8891"
        assert problem.action is ImportAction.PART_DROPPED
        assert problem.kind == "identifier"
        assert not result.complete

    @pytest.mark.parametrize("value", ["Caltech\r\n", "Cal\x1b]0;x\x07tech", "Cal\u202etech"])
    def test_control_characters_drop_the_name(self, value: str) -> None:
        """A name holding a control character or a bidi override is dropped, never raised."""
        record = copy.deepcopy(ror_records.CALTECH)
        record["names"].append({"value": value, "types": ["alias"], "lang": None})
        result = load_ror(io.BytesIO(array_bytes([record])))
        (problem,) = result.problems
        assert (problem.path, problem.action) == (
            f"$.names[{len(record['names']) - 1}].value",
            ImportAction.PART_DROPPED,
        )
        assert len(result.directory.organizations) == 1

    def test_record_skipped(self) -> None:
        """A record without names is skipped and reported; the others are imported."""
        nameless = {k: v for k, v in ror_records.CALTECH.items() if k != "names"}
        result = load_ror(io.BytesIO(array_bytes([nameless, REAL[0]])))
        assert len(result.directory.organizations) == 1
        (problem,) = result.skipped
        assert (problem.position, problem.record_id, problem.path) == (1, "05dxps055", "$.names")

    def test_duplicate_ror_id(self) -> None:
        """The second record with a ROR id is skipped; the first is kept."""
        result = load_ror(io.BytesIO(array_bytes([REAL[0], REAL[0]])))
        assert len(result.directory.organizations) == 1
        (problem,) = result.problems
        assert problem.kind == "duplicate"
        assert problem.message.startswith("the same ROR id as record 1")

    def test_strict_raises_naming_the_record(self) -> None:
        """strict=True raises at the first problem, naming the record's position and id."""
        data = array_bytes([REAL[0], with_bad_isni(ror_records.CALTECH)])
        with pytest.raises(ValidationError, match=r"record 2, 05dxps055\)$") as info:
            load_ror(io.BytesIO(data), strict=True)
        assert info.value.errors[0].startswith("$.external_ids[0].all[0]: ")

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (b'[{"id": 1}, {"id": ', "not valid JSON"),
            (b'[{"id": 1} {"id": 2}]', "expected ',' or ']'"),
            (b'[{"id": 1}] [', "text after the end of the array"),
            (b'[{"id": 1}', "not closed"),
            (b'[{"id": "\xff"}]', "not valid UTF-8"),
        ],
    )
    def test_broken_json_ends_the_import(self, text: bytes, message: str) -> None:
        """Text that stops being JSON ends the import there, reported; nothing is raised."""
        result = load_ror(io.BytesIO(text))
        assert message in result.problems[-1].message
        assert result.problems[-1].action is ImportAction.RECORD_SKIPPED

    def test_truncated_gzip(self) -> None:
        """A gzip file cut short keeps the records before the cut and reports it."""
        data = gzip.compress(array_bytes(REAL))
        result = load_ror(io.BytesIO(data[: len(data) - 100]))
        assert "damaged or cut short" in result.problems[-1].message
        assert len(result.directory.organizations) < len(REAL)

    def test_not_a_zip(self) -> None:
        """Bytes that start like a zip but are none are a ValidationError."""
        with pytest.raises(ValidationError, match="not a zip file"):
            load_ror(io.BytesIO(b"PK\x03\x04 and nothing else"))

    def test_progress(self) -> None:
        """Progress is called every thousand records and at the end."""
        counts: list[int] = []
        records = [REAL[0]] * 1001
        load_ror(io.BytesIO(array_bytes(records)), progress=counts.append)
        assert counts == [1000, 1001]

    @settings(max_examples=50)
    @given(st.lists(mutated_records(), min_size=1, max_size=3))
    def test_lenient_never_raises(self, records: list[Any]) -> None:
        """Mutated real records are imported, dropped or skipped, never raised on."""
        data = json.dumps(records).encode()
        result = load_ror(io.BytesIO(data))
        assert result.records_read == len(records)


class TestGarbageCollector:
    @pytest.mark.parametrize("enabled", [True, False])
    def test_paused_while_reading(self, enabled: bool) -> None:
        """The collector waits while records are read, and is as it was found afterwards."""
        seen: list[bool] = []
        was = gc.isenabled()
        (gc.enable if enabled else gc.disable)()
        try:
            records = (REAL * 2000)[:2000]  # progress is called twice, both while reading
            load_ror(
                io.BytesIO(lines_bytes(records)), progress=lambda _: seen.append(gc.isenabled())
            )
            after = gc.isenabled()
        finally:
            (gc.enable if was else gc.disable)()
        assert seen == [False, False]
        assert after is enabled

    def test_resumed_after_strict_failure(self) -> None:
        """A strict import that stops at a problem still resumes the collector."""
        assert gc.isenabled()
        with pytest.raises(ValidationError):
            load_ror(io.BytesIO(array_bytes([with_bad_isni(ror_records.CALTECH)])), strict=True)
        assert gc.isenabled()


@pytest.mark.skipif(not SHARED_SAMPLE.exists(), reason="../shared/data is not here")
class TestSharedSample:
    result = load_ror(SHARED_SAMPLE) if SHARED_SAMPLE.exists() else None

    def test_every_record_imports_whole(self) -> None:
        """The 4,000 real records import with no problem at all."""
        assert self.result is not None
        assert (self.result.records_read, self.result.problems) == (4000, ())

    def test_display_name_first(self) -> None:
        """Every organization's display_name() starts with the registry's display name."""
        assert self.result is not None
        with gzip.open(SHARED_SAMPLE) as file:
            records = json.load(file)
        names = [o.display_name() for o in self.result.directory.organizations]
        assert all(n.startswith(display(r)) for n, r in zip(names, records, strict=True))

    def test_round_trip(self) -> None:
        """The directory of 4,000 organizations survives to_json/from_json unchanged."""
        assert self.result is not None
        directory = self.result.directory
        assert from_json(to_json(directory), Directory) == directory

    def test_preferred_ids(self) -> None:
        """Each preferred external id is marked so."""
        assert self.result is not None
        assert any(
            i.preferred and isinstance(i, Identifier)
            for o in self.result.directory.organizations
            for i in o.identifiers
        )
