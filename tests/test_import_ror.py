"""Tests for the import-ror command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lifesci_partners import load
from lifesci_partners._cli._main import main
from tests import ror_records
from tests.test_ror_dump import array_bytes, with_bad_isni


class TestImportRor:
    def test_every_record_whole(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Exit 0, a directory that load() reads, and a summary on standard error."""
        dump = tmp_path / "ror.json"
        dump.write_bytes(array_bytes(list(ror_records.REAL)))
        output = tmp_path / "directory.json"
        assert main(["import-ror", str(dump), "--output", str(output)]) == 0
        assert len(load(output).organizations) == len(ror_records.REAL)
        count = len(ror_records.REAL)
        assert capsys.readouterr().err == (
            f"{count} records read, {count} organizations imported\n"
        )

    def test_problems(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Exit 1 when a part is dropped; --problems holds each problem as JSON."""
        dump = tmp_path / "ror.json"
        dump.write_bytes(array_bytes([with_bad_isni(ror_records.CALTECH)]))
        output, problems = tmp_path / "directory.json", tmp_path / "problems.json"
        argv = ["import-ror", str(dump), "-o", str(output), "--problems", str(problems)]
        assert main(argv) == 1
        (problem,) = json.loads(problems.read_text(encoding="utf-8"))
        assert problem["record_id"] == "05dxps055"
        assert problem["action"] == "part dropped"
        assert "1 x identifier: part dropped" in capsys.readouterr().err
        assert load(output).organization("05dxps055").identifier("isni") is None

    def test_strict(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--strict stops at the first problem with exit 1, and writes no output."""
        dump = tmp_path / "ror.json"
        dump.write_bytes(array_bytes([with_bad_isni(ror_records.CALTECH)]))
        output = tmp_path / "directory.json"
        assert main(["import-ror", str(dump), "-o", str(output), "--strict"]) == 1
        assert "05dxps055" in capsys.readouterr().err
        assert not output.exists()

    def test_missing_dump(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A dump that does not exist is a usage error (exit 2) naming it."""
        missing = tmp_path / "missing.zip"
        assert main(["import-ror", str(missing), "-o", str(tmp_path / "out.json")]) == 2
        assert "missing.zip" in capsys.readouterr().err
