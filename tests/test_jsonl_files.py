"""Tests for JSON Lines on the command line: validate and convert of .jsonl and .jsonl.gz."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from lifesci_partners import (
    Agreement,
    Directory,
    dump,
    dump_jsonl,
    examples,
    iter_jsonl,
    load,
    load_jsonl,
)
from lifesci_partners._cli._main import main


def seed() -> Directory:
    return examples.link_j_mpr()


def agreements_file(tmp_path: Path, name: str = "a.jsonl") -> Path:
    path = tmp_path / name
    dump_jsonl(seed().agreements * 2, path)
    return path


class TestValidate:
    def test_models_per_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file of one model per line is valid when every line is."""
        path = agreements_file(tmp_path, "a.jsonl.gz")
        assert main(["validate", "--model", "Agreement", str(path)]) == 0
        assert capsys.readouterr().out == f"{path}: valid\n"

    def test_every_bad_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Every bad line is listed with its number; exit 1."""
        path = tmp_path / "p.jsonl"
        path.write_text('{"org": 5}\n{"org": "mpr"}\n{"org": "x", "rank": 1}\n', encoding="utf-8")
        assert main(["validate", "--model", "Party", str(path)]) == 1
        assert capsys.readouterr().out == (
            f"{path}: 2 problems\n"
            "  line 1: $.org: expected a string, got a number (5)\n"
            "  line 3: $.rank: unknown key; expected only: org, role\n"
        )

    def test_json_for_programs(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json gives each problem with its line, path and message."""
        path = tmp_path / "p.jsonl"
        path.write_text('{"org": "mpr"}\n{"org": 5}\n', encoding="utf-8")
        assert main(["validate", "--format", "json", "--model", "Party", str(path)]) == 1
        (result,) = json.loads(capsys.readouterr().out)["files"]
        assert result["problems"] == [
            {"line": 2, "path": "$.org", "message": "expected a string, got a number (5)"}
        ]

    def test_directory(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A directory in JSON Lines is checked with its references, problems on their lines."""
        path = tmp_path / "d.jsonl"
        dump_jsonl(seed(), path)
        lines = path.read_text(encoding="utf-8").splitlines()
        del lines[1]  # LINK-J, whom the others refer to
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        out = capsys.readouterr().out
        assert "  line 3: $.agreement.parties[0].org: no organization with id 'link-j'" in out


class TestConvert:
    def test_document_to_jsonl_and_back(self, tmp_path: Path) -> None:
        """A directory document becomes tagged JSON Lines, and comes back the same."""
        document, lines, back = tmp_path / "d.json", tmp_path / "d.jsonl.gz", tmp_path / "e.json"
        dump(seed(), document)
        assert main(["convert", str(document), str(lines)]) == 0
        assert load_jsonl(lines) == seed()
        assert main(["convert", str(lines), str(back)]) == 0
        assert back.read_bytes() == document.read_bytes()

    def test_streams_models(self, tmp_path: Path) -> None:
        """A file of models is converted line by line: here from plain to gzipped."""
        source, target = agreements_file(tmp_path), tmp_path / "b.jsonl.gz"
        assert main(["convert", "--model", "Agreement", str(source), str(target)]) == 0
        assert gzip.decompress(target.read_bytes()) == source.read_bytes()
        assert list(iter_jsonl(target, Agreement)) == list(seed().agreements * 2)

    def test_models_do_not_fit_one_document(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Many models cannot become one JSON document: exit 2, and the message says why."""
        source = agreements_file(tmp_path)
        assert main(["convert", "--model", "Agreement", str(source), str(tmp_path / "a.json")]) == 2
        assert "holds one Agreement per line" in capsys.readouterr().err

    def test_one_model_to_one_line(self, tmp_path: Path) -> None:
        """A document of one model becomes a file of one line."""
        source, target = tmp_path / "a.json", tmp_path / "a.jsonl"
        source.write_text(json.dumps(json.loads(examples.link_j_mpr_json())["agreements"][0]))
        assert main(["convert", "--model", "Agreement", str(source), str(target)]) == 0
        assert list(iter_jsonl(target, Agreement)) == [seed().agreements[0]]

    def test_invalid_line_leaves_output(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bad line stops the conversion, names its line, and leaves OUT as it was."""
        source, target = tmp_path / "p.jsonl", tmp_path / "q.jsonl"
        source.write_text('{"org": "mpr"}\n{"org": 5}\n', encoding="utf-8")
        target.write_bytes(b"old")
        assert main(["convert", "--model", "Party", str(source), str(target)]) == 1
        assert "  line 2: $.org: expected a string, got a number (5)" in capsys.readouterr().err
        assert target.read_bytes() == b"old"

    def test_directory_jsonl_to_yaml_like_json(self, tmp_path: Path) -> None:
        """--to json writes the directory document whatever OUT's name is."""
        lines, target = tmp_path / "d.jsonl", tmp_path / "out.txt"
        dump_jsonl(seed(), lines)
        assert main(["convert", "--to", "json", str(lines), str(target)]) == 0
        assert load(target) == seed()
