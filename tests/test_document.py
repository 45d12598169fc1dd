"""Tests for load and dump: directory documents on disk, written atomically."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from lifesci_partners import Directory, ValidationError, dump, examples, load


def seed() -> Directory:
    return examples.link_j_mpr()


class TestLoad:
    def test_shipped_document(self, tmp_path: Path) -> None:
        """The shipped data set loads from a file like any document."""
        path = tmp_path / "d.json"
        path.write_text(examples.link_j_mpr_json(), encoding="utf-8")
        assert load(path) == seed()

    def test_invalid_document(self, tmp_path: Path) -> None:
        """An invalid document raises ValidationError with the paths of its problems."""
        data = json.loads(examples.link_j_mpr_json())
        data["announcements"][0]["publisher"] = "nobody"
        path = tmp_path / "d.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(ValidationError, match=r"\$\.announcements\[0\]\.publisher"):
            load(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is the standard FileNotFoundError."""
        with pytest.raises(FileNotFoundError):
            load(tmp_path / "nope.json")


class TestDump:
    def test_round_trip(self, tmp_path: Path) -> None:
        """What dump writes, load reads back equal, as the shipped text."""
        path = tmp_path / "d.json"
        dump(seed(), path)
        assert load(path) == seed()
        assert path.read_text(encoding="utf-8") == examples.link_j_mpr_json()

    def test_replaces_and_leaves_no_temporary_file(self, tmp_path: Path) -> None:
        """An existing file is replaced; nothing else is left in the folder."""
        path = tmp_path / "d.json"
        path.write_text("old", encoding="utf-8")
        dump(Directory(), str(path))
        assert load(path) == Directory()
        assert [p.name for p in tmp_path.iterdir()] == ["d.json"]

    def test_failure_mid_write_keeps_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A write that fails halfway leaves the old content and no temporary file."""
        path = tmp_path / "d.json"
        path.write_text("precious", encoding="utf-8")
        real_write = os.write
        calls: list[int] = []

        def half_then_fail(fd: int, data: bytes | memoryview) -> int:
            if calls:
                raise OSError(errno.ENOSPC, "No space left on device")
            calls.append(fd)
            return real_write(fd, bytes(data[: len(data) // 2]))

        monkeypatch.setattr(os, "write", half_then_fail)
        with pytest.raises(OSError, match="No space left"):
            dump(seed(), path)
        assert calls  # the failure came after part of the document was written
        assert path.read_text(encoding="utf-8") == "precious"
        assert [p.name for p in tmp_path.iterdir()] == ["d.json"]

    def test_interrupt_mid_write_keeps_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An interrupt (not an Exception) during the write cleans up the same way."""
        path = tmp_path / "d.json"
        path.write_text("precious", encoding="utf-8")

        def interrupted(_fd: int) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupted)
        with pytest.raises(KeyboardInterrupt):
            dump(seed(), path)
        assert path.read_text(encoding="utf-8") == "precious"
        assert [p.name for p in tmp_path.iterdir()] == ["d.json"]

    @pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
    def test_keeps_permissions(self, tmp_path: Path) -> None:
        """Replacing a file keeps its permissions."""
        path = tmp_path / "d.json"
        path.write_text("old", encoding="utf-8")
        path.chmod(0o640)
        dump(seed(), path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o640

    def test_follows_symlink(self, tmp_path: Path) -> None:
        """Dumping through a symbolic link replaces the file it points to, and keeps the link."""
        real = tmp_path / "real.json"
        real.write_text("old", encoding="utf-8")
        link = tmp_path / "link.json"
        link.symlink_to(real)
        dump(seed(), link)
        assert link.is_symlink()
        assert load(real) == seed()

    def test_missing_folder(self, tmp_path: Path) -> None:
        """A folder that does not exist is an OSError, and nothing is created."""
        with pytest.raises(FileNotFoundError):
            dump(seed(), tmp_path / "no" / "d.json")
        assert list(tmp_path.iterdir()) == []

    def test_only_directories(self, tmp_path: Path) -> None:
        """Dumping anything but a Directory is a TypeError."""
        with pytest.raises(TypeError, match="dump writes a Directory, got dict"):
            dump({}, tmp_path / "d.json")  # type: ignore[arg-type]
