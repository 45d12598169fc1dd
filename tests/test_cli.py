"""Tests for the lifesci-partners command line."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lifesci_partners import Formatter, __version__, examples
from lifesci_partners._cli import main


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
