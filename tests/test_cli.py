"""Tests for the lifesci-partners command line."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from lifesci_partners import (
    Directory,
    Formatter,
    __version__,
    examples,
    from_json,
    json_schema,
)
from lifesci_partners._cli import _files
from lifesci_partners._cli._main import main


def mutual_parents_file(tmp_path: Path) -> Path:
    """The seed data set, where LINK-J and MPR each say the other is its parent."""
    data = json.loads(examples.link_j_mpr_json())
    data["organizations"][0]["relationships"] = [{"kind": "parent", "organization": "mpr"}]
    data["organizations"][1]["relationships"] = [{"kind": "parent", "organization": "link-j"}]
    path = tmp_path / "parents.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


class TestShow:
    def test_built_in_dataset_on_a_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With no file, show prints the seed MOU with its last day and status."""
        assert main(["show", "--on", "2026-11-26"]) == 0
        out = capsys.readouterr().out
        assert "Life Science Innovation Network Japan (LINK-J)" in out
        assert "Medicen Paris Region (MPR)" in out
        assert "last day: 2025-02-04" in out
        assert "status: expired" in out

    def test_in_force_during_term(self, capsys: pytest.CaptureFixture[str]) -> None:
        """On a date within the term the MOU is in force."""
        main(["show", "--on", "2022-01-01"])
        assert "status: in force" in capsys.readouterr().out

    def test_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A directory document is read from a file."""
        path = tmp_path / "d.json"
        path.write_text(examples.link_j_mpr_json(), encoding="utf-8")
        assert main(["show", str(path), "--on", "2021-01-01"]) == 0
        assert "MOU between LINK-J and MPR" in capsys.readouterr().out

    def test_organization_warnings(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each organization's warnings, across the directory too, are shown under it with paths."""
        path = mutual_parents_file(tmp_path)
        assert main(["show", str(path), "--on", "2021-01-01"]) == 0
        out = capsys.readouterr().out
        organizations = out.split("Agreements")[0]
        assert organizations.endswith(
            "    warning: $.organizations[1].relationships[0]: mpr says that link-j is its "
            "parent, and link-j says that mpr is its parent in "
            "$.organizations[0].relationships[0], at the same time as far as the dates tell\n\n"
        )

    def test_invalid_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Bad data: exit 1, every problem with its path on stderr, nothing on stdout."""
        data = json.loads(examples.link_j_mpr_json())
        data["agreements"][0]["effective_on"] = "2020-02-30"
        data["organizations"][1]["website"] = "ftp://x"
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert main(["show", str(path)]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "$.agreements[0].effective_on: '2020-02-30' is not a calendar date" in captured.err
        assert "$.organizations[1].website:" in captured.err
        assert "Traceback" not in captured.err

    def test_missing_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that cannot be read: exit 2 and a message."""
        assert main(["show", str(tmp_path / "nope.json")]) == 2
        assert "cannot read" in capsys.readouterr().err

    def test_bad_date_is_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A bad --on date is a usage error (exit 2) with a hint."""
        with pytest.raises(SystemExit) as info:
            main(["show", "--on", "26/11/2026"])
        assert info.value.code == 2
        assert "YYYY-MM-DD" in capsys.readouterr().err


class TestTerminal:
    """Nothing a terminal would obey reaches it from the data, whatever the output."""

    def hostile_file(self, tmp_path: Path) -> Path:
        """The seed data set with terminal commands in a URL."""
        data = json.loads(examples.link_j_mpr_json())
        data["organizations"][0]["website"] = "https://x.org/\x1b]0;owned\x07\u202e"
        path = tmp_path / "hostile.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    @pytest.mark.parametrize("extra", [[], ["--locale", "en"]])
    def test_show_refuses_controls_in_a_url(
        self, tmp_path: Path, extra: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A URL with ESC, BEL and a bidi override is refused, and none of them is printed."""
        assert main(["show", str(self.hostile_file(tmp_path)), "--on", "2021-01-01", *extra]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "$.organizations[0].website: the URL holds U+001B (ESC, " in captured.err
        assert not {"\x1b", "\x07", "\u202e"} & set(captured.err)

    def test_file_name_is_escaped_in_errors(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file name with an escape sequence is shown escaped in an error message."""
        assert main(["validate", str(tmp_path / "a\x1b[2Jb.json")]) == 2
        err = capsys.readouterr().err
        assert "\x1b" not in err
        assert "a\\x1b[2Jb.json" in err


def run_closed(args: list[str], redirect: str) -> subprocess.CompletedProcess[str]:
    """Run the command line in a shell that closes or redirects a stream (``<&-``, ``>&-``)."""
    command = f"{shlex.join([sys.executable, '-m', 'lifesci_partners', *args])} {redirect}"
    return subprocess.run(  # noqa: S602  # the shell closes the descriptor; our own arguments
        command,
        shell=True,
        stdin=None if "<" in redirect else subprocess.DEVNULL,
        stdout=None if ">" in redirect else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )


class TestClosedStreams:
    """With standard input or output closed: a message and exit 2, never a traceback or 0."""

    def test_validate_stdin(self) -> None:
        """Validate - with no standard input says so."""
        result = run_closed(["validate", "-"], "<&-")
        assert (result.returncode, result.stderr) == (
            2,
            "lifesci-partners: cannot read -: standard input is closed\n",
        )

    def test_convert_from_stdin(self, tmp_path: Path) -> None:
        """Convert - OUT with no standard input says so and writes nothing."""
        out = tmp_path / "out.json"
        result = run_closed(["convert", "-", str(out)], "<&-")
        assert (result.returncode, result.stderr) == (
            2,
            "lifesci-partners: standard input is closed: there is nothing to read\n",
        )
        assert not out.exists()

    @pytest.mark.parametrize(
        "args", [["status"], ["show"], ["schema"], ["convert", "IN", "-"]], ids=" ".join
    )
    def test_stdout(self, tmp_path: Path, args: list[str]) -> None:
        """A command whose result goes to a closed standard output fails with exit 2."""
        args = [str(seed_file(tmp_path)) if a == "IN" else a for a in args]
        result = run_closed(args, ">&-")
        assert (result.returncode, result.stderr) == (
            2,
            "lifesci-partners: standard output is closed: there is nowhere to write the result\n",
        )

    def test_full_stdout(self) -> None:
        """A write error on standard output is reported as such, not as the input's."""
        if not Path("/dev/full").exists():
            pytest.skip("no /dev/full on this system")
        result = run_closed(["status"], ">/dev/full")
        assert (result.returncode, result.stderr) == (
            2,
            "lifesci-partners: cannot write to standard output: No space left on device\n",
        )


class TestProgram:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the version."""
        with pytest.raises(SystemExit):
            main(["--version"])
        assert __version__ in capsys.readouterr().out

    def test_help_explains_show(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Show --help explains FILE and --on."""
        with pytest.raises(SystemExit):
            main(["show", "--help"])
        out = capsys.readouterr().out
        assert "FILE" in out
        assert "--on" in out

    def test_python_dash_m(self) -> None:
        """Python -m lifesci_partners runs the same command line."""
        result = subprocess.run(
            [sys.executable, "-m", "lifesci_partners", "show", "--on", "2026-11-26"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "status: expired" in result.stdout


def seed_file(tmp_path: Path, name: str = "d.json") -> Path:
    path = tmp_path / name
    path.write_text(examples.link_j_mpr_json(), encoding="utf-8")
    return path


def bad_file(tmp_path: Path) -> Path:
    data = json.loads(examples.link_j_mpr_json())
    data["agreements"][0]["effective_on"] = "2020-02-30"
    data["organizations"][1]["website"] = "ftp://x"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


class TestStatus:
    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The table lists each agreement with its dates and status on the date."""
        assert main(["status", "--on", "2026-11-26"]) == 0
        assert capsys.readouterr().out == (
            "Agreements on 2026-11-26\n"
            "ID                   KIND  PARTIES      EFFECTIVE   LAST DAY    STATUS   "
            "NEXT DEADLINE\n"
            "mou-link-j-mpr-2020  mou   link-j, mpr  2020-02-05  2025-02-04  expired  -\n"
        )

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json gives the same facts for programs."""
        assert main(["status", "--on", "2025-02-04", "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out) == {
            "on": "2025-02-04",
            "agreements": [
                {
                    "id": "mou-link-j-mpr-2020",
                    "kind": "mou",
                    "parties": ["link-j", "mpr"],
                    "effective_on": "2020-02-05",
                    "last_day": "2025-02-04",
                    "status": "in_force",
                    "amended_on": [],
                    "next_deadline": None,
                }
            ],
        }

    @staticmethod
    def amended_file(tmp_path: Path) -> Path:
        """The seed data set and a renewing agreement, amended, whose deadline is 3 October."""
        data = json.loads(examples.link_j_mpr_json())
        data["agreements"].append(
            {
                "id": "renewing",
                "kind": "cooperation",
                "parties": [{"org": "link-j"}, {"org": "mpr"}],
                "effective_on": "2021-01-03",
                "term": "P4Y",
                "renewal": {"term": "P1Y", "notice": "P3M"},
                "amendments": [
                    {"type": "term_changed", "effective_on": "2024-06-01", "term": "P5Y"}
                ],
            }
        )
        path = tmp_path / "amended.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    def test_amended_with_adjusted_deadline(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An amended agreement shows its amendment and a deadline moved off a holiday."""
        path = self.amended_file(tmp_path)
        argv = ["status", str(path), "--on", "2025-06-01", "--format", "json"]
        assert main([*argv, "--rule", "de_bgb_193", "--holidays", "DE-BY"]) == 0
        row = json.loads(capsys.readouterr().out)["agreements"][1]
        assert row["amended_on"] == ["2024-06-01"]
        assert row["last_day"] is None  # renews, as amended
        assert row["next_deadline"]["date"] == "2025-10-06"  # Friday 3 October, then a weekend
        assert row["next_deadline"]["unadjusted"] == "2025-10-03"
        assert row["next_deadline"]["reason"].startswith("public holiday (")

    def test_amended_as_of_an_earlier_date(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Before its amendment, the agreement's deadline is that of the original term."""
        path = self.amended_file(tmp_path)
        assert main(["status", str(path), "--on", "2024-05-01"]) == 0
        out = capsys.readouterr().out
        assert "renewing             cooperation  link-j, mpr  2021-01-03  none (renews)" in out
        assert out.rstrip().endswith("in force  2024-10-03 (notice)")

    def test_show_options_and_amendments(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Show lists an agreement's amendments, options exercised and next option deadline."""
        data = json.loads(examples.link_j_mpr_json())
        data["agreements"][0]["options"] = {"lengths": ["P2Y", "P2Y"], "notice": "P6M"}
        data["agreements"][0]["events"] = [
            {"type": "option_exercised", "on": "2024-06-01", "by": "mpr"}
        ]
        data["agreements"][0]["amendments"] = [
            {"type": "title_changed", "effective_on": "2023-01-01", "title": {"en": "New"}}
        ]
        path = tmp_path / "options.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert main(["show", str(path), "--on", "2025-06-01"]) == 0
        out = capsys.readouterr().out
        assert (
            "    amended: 2023-01-01\n"
            "    term: P5Y\n"
            "    options: P2Y, P2Y; exercised: 1 of 2\n"
            "    next option deadline: 2026-08-05\n"
            "    last day: 2027-02-04\n"
            "    status: in force\n"
        ) in out

    def test_start_not_known(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Show and status read an agreement whose start is not known, and say so."""
        data = json.loads(examples.link_j_mpr_json())
        data["agreements"][0]["effective_on"] = None
        path = tmp_path / "undated.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert main(["show", str(path), "--on", "2022-01-01"]) == 0
        out = capsys.readouterr().out
        assert "    effective: start not known\n" in out
        assert "    status: signed\n" in out
        assert main(["status", str(path), "--on", "2022-01-01"]) == 0
        assert "not known" in capsys.readouterr().out

    def test_unknown_holidays(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A country the holidays package does not know is a usage error."""
        assert main(["status", "--holidays", "XX"]) == 2
        assert "knows no calendar for 'XX'" in capsys.readouterr().err

    def test_yaml_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A YAML directory is read like its JSON twin."""
        yaml_path = tmp_path / "d.yaml"
        assert main(["convert", str(seed_file(tmp_path)), str(yaml_path)]) == 0
        assert main(["status", str(yaml_path), "--on", "2021-01-01"]) == 0
        assert "in force" in capsys.readouterr().out

    def test_invalid_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Invalid data: exit 1, problems on stderr, nothing on stdout."""
        assert main(["status", str(bad_file(tmp_path))]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "$.agreements[0].effective_on" in captured.err


class TestValidate:
    def test_valid_and_invalid(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Every file is checked; each problem is listed with its path; exit 1 if any is bad."""
        good, bad = seed_file(tmp_path), bad_file(tmp_path)
        assert main(["validate", str(good), str(bad)]) == 1
        assert capsys.readouterr().out == (
            f"{good}: valid\n"
            f"{bad}: 2 problems\n"
            "  $.organizations[1].website: 'ftp://x' is not an http or https URL such as "
            "'https://example.org/'\n"
            "  $.agreements[0].effective_on: '2020-02-30' is not a calendar date\n"
        )

    def test_all_valid(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Exit 0 when every file is valid."""
        assert main(["validate", str(seed_file(tmp_path))]) == 0
        assert capsys.readouterr().out.endswith(": valid\n")

    def warning_file(self, tmp_path: Path) -> Path:
        """The seed data set with a monthly MOU that needs two years' notice."""
        data = json.loads(examples.link_j_mpr_json())
        data["agreements"][0].update(term="P1M", renewal={"term": "P1M", "notice": "P2Y"})
        path = tmp_path / "warning.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    def test_warnings_of_a_valid_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A valid file with a warning is valid (exit 0), and the warning is said with its path."""
        path = self.warning_file(tmp_path)
        assert main(["validate", str(path)]) == 0
        assert capsys.readouterr().out == (
            f"{path}: valid\n"
            "  warning: $.agreements[0].renewal.notice: notice of non-renewal of the initial "
            "term is due by 2018-03-05, before the agreement existed (2020-02-05); it can never "
            "be given in time\n"
        )

    def test_warnings_across_organizations(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two organizations each the other's parent: valid, with the directory's warning."""
        path = mutual_parents_file(tmp_path)
        assert main(["validate", "--format", "json", str(path)]) == 0
        (result,) = json.loads(capsys.readouterr().out)["files"]
        assert [w.split(":")[0] for w in result["warnings"]] == [
            "$.organizations[1].relationships[0]"
        ]

    def test_warnings_in_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json lists the warnings of a valid file."""
        assert main(["validate", "--format", "json", str(self.warning_file(tmp_path))]) == 0
        (result,) = json.loads(capsys.readouterr().out)["files"]
        assert [w.split(":")[0] for w in result["warnings"]] == ["$.agreements[0].renewal.notice"]

    def test_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json reports each file with its problems, for programs."""
        bad = bad_file(tmp_path)
        assert main(["validate", "--format", "json", str(bad)]) == 1
        (result,) = json.loads(capsys.readouterr().out)["files"]
        assert result["file"] == str(bad)
        assert result["valid"] is False
        assert result["problems"] == [
            {
                "path": "$.organizations[1].website",
                "message": "'ftp://x' is not an http or https URL such as 'https://example.org/'",
            },
            {
                "path": "$.agreements[0].effective_on",
                "message": "'2020-02-30' is not a calendar date",
            },
        ]

    def test_unreadable_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file: exit 2, a message on stderr, and the other files still checked."""
        good = seed_file(tmp_path)
        assert main(["validate", str(tmp_path / "nope.json"), str(good)]) == 2
        captured = capsys.readouterr()
        assert "cannot read" in captured.err
        assert "No such file" in captured.err
        assert captured.out == f"{good}: valid\n"

    def test_other_model(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--model checks a document of one model."""
        path = tmp_path / "party.json"
        path.write_text('{"org": "mpr", "role": ""}', encoding="utf-8")
        assert main(["validate", "--model", "Party", str(path)]) == 1
        assert "$.role: must not be empty" in capsys.readouterr().out

    def test_standard_input(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """- reads the document from standard input."""
        monkeypatch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO(examples.link_j_mpr_json().encode()))
        )
        assert main(["validate", "-"]) == 0
        assert capsys.readouterr().out == "-: valid\n"


class TestSchema:
    def test_directory_by_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With no MODEL, the schema of the whole document is printed."""
        assert main(["schema"]) == 0
        assert json.loads(capsys.readouterr().out) == json_schema(Directory)

    def test_one_model(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A MODEL prints that model's schema."""
        assert main(["schema", "Agreement"]) == 0
        assert json.loads(capsys.readouterr().out)["title"] == "Agreement"

    def test_unknown_model(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown model is a usage error that lists the choices."""
        with pytest.raises(SystemExit) as info:
            main(["schema", "Nonsense"])
        assert info.value.code == 2
        assert "Directory" in capsys.readouterr().err


class TestConvert:
    def test_symlink_at_out_is_replaced_not_followed(self, tmp_path: Path) -> None:
        """A link planted at OUT is replaced; the file it points to is untouched."""
        victim = tmp_path / "victim.txt"
        victim.write_text("precious", encoding="utf-8")
        out = tmp_path / "out.json"
        out.symlink_to(victim)
        assert main(["convert", str(seed_file(tmp_path)), str(out)]) == 0
        assert (out.is_symlink(), victim.read_text(encoding="utf-8")) == (False, "precious")

    @pytest.mark.skipif(os.name != "posix", reason="POSIX FIFOs")
    def test_fifo_at_out_is_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A FIFO at OUT: exit 2, a message naming OUT and what it is, and the FIFO stays."""
        out = tmp_path / "out.json"
        os.mkfifo(out)
        assert main(["convert", str(seed_file(tmp_path)), str(out)]) == 2
        assert capsys.readouterr().err == (
            f"lifesci-partners: cannot write {out}: it is a FIFO (named pipe), not a regular "
            "file; lifesci-partners writes only files\n"
        )

    def test_symlink_loop_in_out_is_our_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """OUT inside a folder path that loops: exit 2 and a message, not a RuntimeError."""
        loop = tmp_path / "loop"
        loop.symlink_to(loop)
        out = loop / "out.json"
        assert main(["convert", str(seed_file(tmp_path)), str(out)]) == 2
        assert capsys.readouterr().err.startswith(f"lifesci-partners: cannot write {out}: ")

    def test_full_disk_names_out(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A full disk while writing OUT blames OUT, not IN."""

        def full(_fd: int, _data: object) -> int:
            raise OSError(28, "No space left on device")

        source, out = seed_file(tmp_path), tmp_path / "out.json"
        monkeypatch.setattr(os, "write", full)
        assert main(["convert", str(source), str(out)]) == 2
        assert capsys.readouterr().err == (
            f"lifesci-partners: cannot write {out}: No space left on device\n"
        )

    def test_json_yaml_json_is_identical(self, tmp_path: Path) -> None:
        """JSON to YAML and back gives the same model and the same JSON text."""
        source = seed_file(tmp_path)
        yaml_path, back = tmp_path / "d.yaml", tmp_path / "back.json"
        assert main(["convert", str(source), str(yaml_path)]) == 0
        assert main(["convert", str(yaml_path), str(back)]) == 0
        assert from_json(back.read_bytes(), Directory) == examples.link_j_mpr()
        assert json.loads(back.read_text(encoding="utf-8")) == json.loads(source.read_text("utf-8"))
        assert "effective_on: '2020-02-05'" in yaml_path.read_text(encoding="utf-8")

    def test_invalid_input_leaves_output(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Invalid input: exit 1, and an existing output file is left as it was."""
        out = tmp_path / "out.json"
        out.write_text("precious", encoding="utf-8")
        assert main(["convert", str(bad_file(tmp_path)), str(out)]) == 1
        assert out.read_text(encoding="utf-8") == "precious"
        assert "is not a valid directory" in capsys.readouterr().err

    def test_interrupt_leaves_output_and_input(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An interrupt while writing: exit 130, output and input unchanged, no temporary file."""
        source = seed_file(tmp_path)
        out = tmp_path / "out.yaml"
        out.write_text("precious", encoding="utf-8")

        def interrupt(_fd: int) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupt)
        assert main(["convert", str(source), str(out)]) == 130
        assert out.read_text(encoding="utf-8") == "precious"
        assert source.read_text(encoding="utf-8") == examples.link_j_mpr_json()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json", "out.yaml"]
        assert "interrupted" in capsys.readouterr().err

    def test_refuses_to_overwrite_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """IN and OUT the same file: refused (exit 2), the input untouched."""
        source = seed_file(tmp_path)
        assert main(["convert", str(source), str(tmp_path / "." / "d.json")]) == 2
        assert "will not write over the input" in capsys.readouterr().err
        assert source.read_text(encoding="utf-8") == examples.link_j_mpr_json()

    def test_unknown_suffix(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An output name without a known suffix is a usage error, unless --to says."""
        source = seed_file(tmp_path)
        assert main(["convert", str(source), str(tmp_path / "out.txt")]) == 2
        assert "--from/--to" in capsys.readouterr().err
        assert main(["convert", "--to", "yaml", str(source), str(tmp_path / "out.txt")]) == 0

    def test_to_standard_output(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """- writes to standard output (JSON unless --to says)."""
        assert main(["convert", str(seed_file(tmp_path)), "-"]) == 0
        assert json.loads(capsys.readouterr().out) == json.loads(examples.link_j_mpr_json())

    def test_missing_yaml_extra(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without PyYAML, YAML is a usage error that names the extra to install."""
        monkeypatch.setitem(sys.modules, "yaml", None)
        _files._yaml.cache_clear()
        try:
            assert main(["convert", str(seed_file(tmp_path)), str(tmp_path / "d.yaml")]) == 2
        finally:
            _files._yaml.cache_clear()
        assert "pip install 'lifesci-partners[yaml]'" in capsys.readouterr().err


class TestProgress:
    def test_shown_on_a_terminal_for_long_input(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Converting a large file on a terminal shows progress on stderr, then clears it."""
        data = json.loads(examples.link_j_mpr_json())
        data["organizations"][0]["name"]["fr"] = "x" * 2_000_000
        source = tmp_path / "big.json"
        source.write_text(json.dumps(data), encoding="utf-8")
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        assert main(["convert", str(source), str(tmp_path / "out.json")]) == 0
        shown = terminal.getvalue()
        assert "reading" in shown
        assert "100%" in shown
        assert shown.endswith("\r\x1b[K")
        assert capsys.readouterr().out == ""

    def test_not_shown_when_not_a_terminal(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without a terminal, nothing but errors goes to stderr."""
        assert main(["validate", str(seed_file(tmp_path)), str(seed_file(tmp_path, "e.json"))]) == 0
        assert capsys.readouterr().err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class TestHelp:
    @pytest.mark.parametrize("command", ["show", "status", "validate", "schema", "convert"])
    def test_every_command_has_help(self, command: str, capsys: pytest.CaptureFixture[str]) -> None:
        """--help works on every command and exits 0."""
        with pytest.raises(SystemExit) as info:
            main([command, "--help"])
        assert info.value.code == 0
        assert f"usage: lifesci-partners {command}" in capsys.readouterr().out

    def test_top_level_help_lists_commands_and_exit_codes(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The program's --help lists the commands and the exit statuses."""
        with pytest.raises(SystemExit):
            main(["--help"])
        out = capsys.readouterr().out
        for command in ("show", "status", "validate", "schema", "convert"):
            assert command in out
        assert "130 interrupted" in out


class TestDocsExamples:
    def test_example_data_is_the_built_in_data(self) -> None:
        """The docs' link-j-mpr.json is the shipped data set, byte for byte."""
        docs_copy = Path(__file__).parent.parent / "docs" / "examples" / "link-j-mpr.json"
        assert docs_copy.read_text(encoding="utf-8") == examples.link_j_mpr_json()


class TestShowLocale:
    @pytest.mark.parametrize(
        ("locale", "words"),
        [("en", "in force"), ("fr", "en vigueur"), ("ja", "有効"), ("de", "in Kraft")],
    )
    def test_renders_directory_in_language(
        self, locale: str, words: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--locale renders the whole built-in directory in that language."""
        assert main(["show", "--locale", locale, "--on", "2022-01-01"]) == 0
        out = capsys.readouterr().out
        expected = Formatter(locale).directory(examples.link_j_mpr(), dt.date(2022, 1, 1))
        assert out == expected + "\n"
        assert words in out

    def test_thirty_digit_amount_in_arabic(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A valid 30-digit amount renders in a locale whose plural rules take a modulo."""
        data = json.loads(examples.link_j_mpr_json())
        figure = data["organizations"][1]["achievements"][3]["figure"]
        figure["value"]["amount"] = "9" * 30
        path = tmp_path / "big.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert main(["show", str(path), "--locale", "ar", "--on", "2022-01-01"]) == 0
        assert "Traceback" not in capsys.readouterr().err

    def test_unknown_locale_is_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown locale is a usage error (exit 2) that names it."""
        with pytest.raises(SystemExit) as info:
            main(["show", "--locale", "xx"])
        assert info.value.code == 2
        assert "unknown locale 'xx'" in capsys.readouterr().err


def renewing_document() -> str:
    """The seed data set with the MOU made to renew yearly, with three months' notice."""
    data = json.loads(examples.link_j_mpr_json())
    data["agreements"][0]["renewal"] = {"term": "P1Y", "max_renewals": 3, "notice": "P3M"}
    return json.dumps(data)


class TestShowLifecycle:
    def run(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], on: str) -> str:
        """Show the renewing data set on ``on`` and return what was printed."""
        path = tmp_path / "renewing.json"
        path.write_text(renewing_document(), encoding="utf-8")
        assert main(["show", str(path), "--on", on]) == 0
        return capsys.readouterr().out

    def test_running_period_and_deadline(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A renewing agreement shows its running renewal and the next notice deadline."""
        out = self.run(tmp_path, capsys, "2025-06-01")
        assert "renewal: automatic, for P1Y, at most 3 times, notice P3M" in out
        assert "running period: 2025-02-05 to 2026-02-04 (renewal 1)" in out
        assert "next notice deadline: 2025-11-05" in out
        assert "last day: 2028-02-04" in out

    def test_deadline_passed_shows_the_next_one(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """After this period's deadline, the next period's deadline is shown."""
        out = self.run(tmp_path, capsys, "2025-11-06")
        assert "next notice deadline: 2026-11-05" in out

    def test_no_deadline_in_the_last_period(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """In the last allowed period there is nothing left to stop."""
        out = self.run(tmp_path, capsys, "2027-06-01")
        assert "running period: 2027-02-05 to 2028-02-04 (renewal 3)" in out
        assert "next notice deadline: none" in out


class TestShowClustersAndAnnouncements:
    def test_cluster_figures(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Show prints the cluster's members, key areas and achievements with qualifiers."""
        assert main(["show", "--on", "2026-11-26"]) == 0
        out = capsys.readouterr().out
        assert "      member organizations: over 430" in out
        assert "      large corporations: 40" in out
        assert "key areas: biological diagnosis; diagnostic and interventional imaging;" in out
        assert "      investments acquired: nearly €21 billion (since 2005)" in out
        assert "      public funding acquired: €864 million (since 2005)" in out

    def test_announcement(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Show prints the announcement: headline, date not given, quote, caption, claims."""
        main(["show", "--on", "2026-11-26"])
        out = capsys.readouterr().out
        assert "LINK-J Concludes MOU on Mutual Cooperation with Medicen Paris Region (MPR)" in out
        assert "published by LINK-J, date not given" in out
        assert "about: MOU between LINK-J and MPR  [mou-link-j-mpr-2020]" in out
        assert "      — Akihiko Soyama, President and CEO, LINK-J" in out
        assert "photo: Akihiko Soyama, President and CEO of LINK-J (left)" in out
        assert "MPR is LINK-J's partner number 16: undecidable" in out

    def test_plain_organizations_only(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A directory without clusters or announcements prints neither section."""
        path = tmp_path / "d.json"
        path.write_text('{"format": "lifesci-partners", "version": 1}', encoding="utf-8")
        assert main(["show", str(path), "--on", "2026-11-26"]) == 0
        out = capsys.readouterr().out
        assert "Announcements" not in out
        assert "members:" not in out
