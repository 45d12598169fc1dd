"""Tests for load and dump: directory documents on disk, written atomically."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest

from lifesci_partners import (
    Directory,
    Limits,
    NotRegularFileError,
    ValidationError,
    dump,
    examples,
    load,
)
from lifesci_partners._json._document import read_within, write_atomic


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


class TestReadWithin:
    def test_allocates_what_the_file_holds_not_the_limit(self, tmp_path: Path) -> None:
        """A small file is read without allocating anything near the 1 GiB default limit."""
        path = tmp_path / "d.json"
        path.write_bytes(b"[]")
        tracemalloc.start()
        try:
            assert read_within(path, Limits()) == b"[]"
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 1024 * 1024

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
    def test_reads_a_stream_that_says_nothing_of_its_size(self, tmp_path: Path) -> None:
        """A FIFO (size 0) is read in pieces to its end, every byte in order."""
        fifo = tmp_path / "d.json"
        os.mkfifo(fifo)
        text = json.dumps(["x" * 1000] * 3000).encode()  # three pieces of the first read
        writer = threading.Thread(target=fifo.write_bytes, args=(text,))
        writer.start()
        try:
            assert read_within(fifo, Limits()) == text
        finally:
            writer.join()


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

    def test_replaces_a_symlink_itself(self, tmp_path: Path) -> None:
        """Dumping to a symbolic link replaces the link; the file it pointed to is untouched."""
        real = tmp_path / "real.json"
        real.write_text("old", encoding="utf-8")
        link = tmp_path / "link.json"
        link.symlink_to(real)
        dump(seed(), link)
        assert (link.is_symlink(), real.read_text(encoding="utf-8")) == (False, "old")
        assert load(link) == seed()

    def test_missing_folder(self, tmp_path: Path) -> None:
        """A folder that does not exist is an OSError, and nothing is created."""
        with pytest.raises(FileNotFoundError):
            dump(seed(), tmp_path / "no" / "d.json")
        assert list(tmp_path.iterdir()) == []

    def test_only_directories(self, tmp_path: Path) -> None:
        """Dumping anything but a Directory is a TypeError."""
        with pytest.raises(TypeError, match="dump writes a Directory, got dict"):
            dump({}, tmp_path / "d.json")  # type: ignore[arg-type]


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def usual_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@pytest.mark.skipif(os.name != "posix", reason="POSIX files")
class TestWriteAtomic:
    """The one atomic writer, which dump(), convert and import-ror use: its documented rules."""

    def test_writes_new_file(self, tmp_path: Path) -> None:
        """A new file gets the bytes, with permissions from the umask, and no temporary is left."""
        target = tmp_path / "out.json"
        write_atomic(target, b"{}")
        assert (target.read_bytes(), entries(tmp_path)) == (b"{}", ["out.json"])
        assert stat.S_IMODE(target.stat().st_mode) == usual_mode()

    def test_replaces_and_keeps_permissions(self, tmp_path: Path) -> None:
        """An existing file is replaced whole and keeps its permissions."""
        target = tmp_path / "out.json"
        target.write_bytes(b"old")
        target.chmod(0o640)
        write_atomic(target, b"new")
        assert (target.read_bytes(), stat.S_IMODE(target.stat().st_mode)) == (b"new", 0o640)

    def test_umask_is_not_changed(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """The process-wide umask is never set (another thread could be creating files)."""
        calls: list[int] = []

        def umask(mask: int) -> int:
            calls.append(mask)
            return 0o022

        monkeypatch.setattr(os, "umask", umask)
        write_atomic(tmp_path / "out.json", b"{}")
        assert calls == []

    @pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
    def test_error_leaves_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
    ) -> None:
        """An error or interrupt while writing leaves the old file as it was, and no temporary."""
        target = tmp_path / "out.json"
        target.write_bytes(b"old")

        def fail(_fd: int) -> None:
            raise error

        monkeypatch.setattr(os, "fsync", fail)
        with pytest.raises(type(error)):
            write_atomic(target, b"new" * 1000)
        assert (target.read_bytes(), entries(tmp_path)) == (b"old", ["out.json"])

    def test_write_error_names_the_target(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A full disk is reported about the file asked for, not the temporary one."""
        target = tmp_path / "out.json"

        def full(_fd: int, _data: object) -> int:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "write", full)
        with pytest.raises(OSError, match="No space left on device") as info:
            write_atomic(target, b"{}")
        assert info.value.filename == str(target)

    def test_read_only_folder_names_the_target(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A folder refusing new files: a PermissionError about the target, not the temporary."""

        def refuse(path: str, _flags: int, _mode: int = 0o777) -> int:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

        monkeypatch.setattr(os, "open", refuse)  # as in a read-only folder, even for root
        target = tmp_path / "out.json"
        with pytest.raises(PermissionError) as info:
            write_atomic(target, b"{}")
        assert info.value.filename == str(target)
        assert info.value.strerror == f"Permission denied (cannot create a file in {tmp_path})"

    def test_symlink_is_replaced_not_followed(self, tmp_path: Path) -> None:
        """A link at the target is replaced by the file; what it pointed to is untouched."""
        victim = tmp_path / "victim"
        victim.write_bytes(b"precious")
        victim.chmod(0o600)
        link = tmp_path / "out.json"
        link.symlink_to(victim)
        write_atomic(link, b"new")
        assert (link.is_symlink(), link.read_bytes(), victim.read_bytes()) == (
            False,
            b"new",
            b"precious",
        )
        assert stat.S_IMODE(link.stat().st_mode) == usual_mode()  # not the victim's mode

    def test_dangling_and_looping_symlinks(self, tmp_path: Path) -> None:
        """A link to nothing, or a link in a loop, is replaced like any link."""
        dangling, loop = tmp_path / "a.json", tmp_path / "b.json"
        dangling.symlink_to(tmp_path / "nothing")
        loop.symlink_to(loop)
        write_atomic(dangling, b"1")
        write_atomic(loop, b"2")
        assert (dangling.read_bytes(), loop.read_bytes()) == (b"1", b"2")

    def test_loop_in_the_folder_is_our_error(self, tmp_path: Path) -> None:
        """A folder path that loops is an OSError that names the target, never a RuntimeError."""
        loop = tmp_path / "loop"
        loop.symlink_to(loop)
        with pytest.raises(OSError, match="Too many levels of symbolic links") as info:
            write_atomic(loop / "out.json", b"{}")
        assert info.value.filename == str(loop / "out.json")

    def test_fifo_is_refused(self, tmp_path: Path) -> None:
        """A FIFO at the target is refused, not replaced by a file, nor written into."""
        fifo = tmp_path / "out.json"
        os.mkfifo(fifo)
        with pytest.raises(NotRegularFileError, match="it is a FIFO") as info:
            write_atomic(fifo, b"{}")
        assert (info.value.filename, stat.S_ISFIFO(fifo.lstat().st_mode)) == (str(fifo), True)
        assert isinstance(info.value, OSError)

    def test_device_is_refused(self) -> None:
        """A character device at the target is refused, and the error says what it is."""
        with pytest.raises(NotRegularFileError, match="it is a character device"):
            write_atomic(Path(os.devnull), b"{}")

    def test_folder_is_refused(self, tmp_path: Path) -> None:
        """A folder at the target is refused."""
        with pytest.raises(NotRegularFileError, match="it is a folder"):
            write_atomic(tmp_path, b"{}")

    def test_stale_temporary_of_a_killed_writer_is_removed(self, tmp_path: Path) -> None:
        """A temporary left by a process that no longer exists goes at the next write."""
        target = tmp_path / "out.json"
        dead = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        )
        stale = tmp_path / f".out.json.lsp-{dead.stdout.strip()}-0123abcd.tmp"
        stale.write_bytes(b"half")
        others = [tmp_path / ".other.json.lsp-1-0123abcd.tmp", tmp_path / ".out.json.bak"]
        for other in others:
            other.write_bytes(b"not ours to remove")
        write_atomic(target, b"{}")
        assert entries(tmp_path) == sorted(["out.json", *(o.name for o in others)])

    def test_live_writers_temporary_is_kept(self, tmp_path: Path) -> None:
        """A temporary of a process that is still running is another writer's: kept."""
        live = tmp_path / f".out.json.lsp-{os.getppid()}-0123abcd.tmp"
        live.write_bytes(b"being written")
        write_atomic(tmp_path / "out.json", b"{}")
        assert live.exists()


_SLOW_WRITER = """
import os, pathlib, sys, time
from lifesci_partners._json import _document

def slow(fd):
    print("writing", flush=True)
    time.sleep(60)

os.fsync = slow
_document.write_atomic(pathlib.Path(sys.argv[1]), b"new" * 100_000)
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
class TestKilledWriter:
    """A writer killed mid-write leaves the old file, and no temporary for long."""

    def kill_mid_write(self, target: Path, sig: signal.Signals) -> int:
        """Start a writer of ``target``, send it ``sig`` mid-write, return its exit status."""
        with subprocess.Popen(  # noqa: S603  # our own interpreter and code
            [sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True
        ) as writer:
            assert writer.stdout is not None
            assert writer.stdout.readline() == "writing\n"
            writer.send_signal(sig)
            return writer.wait(timeout=60)

    def test_sigterm_removes_the_temporary(self, tmp_path: Path) -> None:
        """On SIGTERM the temporary goes, the old file stays, and the process ends by SIGTERM."""
        target = tmp_path / "out.json"
        target.write_bytes(b"old")
        assert self.kill_mid_write(target, signal.SIGTERM) == -signal.SIGTERM
        assert (entries(tmp_path), target.read_bytes()) == (["out.json"], b"old")

    def test_sigkill_temporary_goes_at_the_next_write(self, tmp_path: Path) -> None:
        """SIGKILL leaves a temporary (nothing can run); the next write to the target removes it."""
        target = tmp_path / "out.json"
        target.write_bytes(b"old")
        assert self.kill_mid_write(target, signal.SIGKILL) == -signal.SIGKILL
        assert len(entries(tmp_path)) == 2  # out.json and the killed writer's temporary
        assert target.read_bytes() == b"old"
        write_atomic(target, b"new")
        assert (entries(tmp_path), target.read_bytes()) == (["out.json"], b"new")
