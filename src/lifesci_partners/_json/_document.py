"""Directory documents on disk: :func:`load` and :func:`dump`, which writes atomically."""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import secrets
import signal
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from lifesci_partners._arguments import a_path
from lifesci_partners._directory import Directory
from lifesci_partners._json._converters import read_json, to_json
from lifesci_partners._json._reader import DEFAULT_LIMITS, Limits, limits_for, too_large, too_long
from lifesci_partners.exceptions import InvalidArgumentError, NotRegularFileError, WrongTypeError

__all__ = ["dump", "load", "read_within", "write_atomic"]

_ATTEMPTS = 100  # names tried for the temporary file before giving up
_CHUNK = 1024 * 1024  # the least read at a time from a file larger than it says


def load(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Directory:
    """Read a directory document (JSON) from a file, checking everything.

    With the default limits, every document that :func:`dump` writes is read back, up to a
    directory of the whole ROR registry and beyond.

    Args:
        path: The file to read.
        limits: Bounds on size, nesting depth and numbers; default :class:`Limits()
            <lifesci_partners.Limits>`.

    Returns:
        The directory.

    Raises:
        ValidationError: The file is not a valid directory document; every problem is listed
            with its path in the document.
        OSError: The file cannot be read (``FileNotFoundError``, ``PermissionError``, ...).

    The file's size is checked against ``limits.max_bytes`` before it is read, and no more
    than one byte past the limit is ever read, even from a stream without end.

    Example:
        >>> import tempfile, pathlib
        >>> from lifesci_partners import dump, examples, load
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> dump(examples.link_j_mpr(), folder / "partners.json")
        >>> load(folder / "partners.json") == examples.link_j_mpr()
        True

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``limits``.
    """
    limits = limits_for(limits, "load")
    # The file's bytes are held by the list alone, so that they are freed once decoded.
    return read_json([read_within(a_path(path, "load"), limits)], Directory, limits)


def read_within(path: Path, limits: Limits) -> bytes:
    """The bytes of ``path``, if it holds at most ``limits.max_bytes`` of them.

    The file's size is checked before anything is read, and a file that says nothing of its
    size or lies about it (``/dev/zero``, a pipe, a file that grows) is read no further than
    one byte past the limit.

    Raises:
        ValidationError: The file is larger than the limit (its size in the message).
        OSError: The file cannot be read.
    """
    with path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > limits.max_bytes:
            raise too_large(size, "bytes", limits)
        # Ask for what the file says it holds and a byte more, not for the limit: a read of n
        # bytes allocates n at once before it shrinks (a GiB for the default limit).
        asked = size + 1
        chunks = [file.read(asked)]
        total = len(chunks[0])
        # A buffered read stops short only at the end: a full one is from a file that said
        # nothing of its size (a pipe, /dev/zero) or that grows.
        while len(chunks[-1]) == asked and total <= limits.max_bytes:
            asked = min(max(total, _CHUNK), limits.max_bytes + 1 - total)
            chunks.append(file.read(asked))
            total += len(chunks[-1])
    if total > limits.max_bytes:
        raise too_long(limits)
    parts = [chunk for chunk in chunks if chunk]
    return parts[0] if len(parts) == 1 else b"".join(parts)


def dump(directory: Directory, path: str | os.PathLike[str]) -> None:
    """Write a directory as a JSON document (UTF-8, indented), atomically.

    The document goes to a new file in the same folder, is flushed to disk, and then takes the
    place of ``path`` in one step (:func:`os.replace`). Whatever happens, even a crash or an
    interrupt mid-write, ``path`` holds either its old content or the whole new document, never
    part of it; the temporary file is removed if the write fails. An existing file keeps its
    permissions; a new one gets the usual ones (``0o666`` less the umask). A symbolic link at
    ``path`` is replaced itself, never followed; a folder, a device or a FIFO there is refused.
    See "Writing files" in "The document format" for every rule. A document longer than
    :func:`load` reads with its default limits is refused before anything is written.

    Args:
        directory: The directory to write.
        path: The file to write; its folder must exist.

    Raises:
        OSError: The file cannot be written (the old content, if any, is untouched); the error
            names ``path``.
        NotRegularFileError: ``path`` is a folder, a device, a FIFO or a socket (an
            ``OSError``).
        InvalidArgumentError: The document would be longer than :func:`load`'s default limit.

    .. versionadded:: 0.1.0
    """
    if not isinstance(directory, Directory):
        msg = f"dump writes a Directory, got {type(directory).__name__}"
        raise WrongTypeError(msg)
    target = a_path(path, "dump")
    data = (to_json(directory, indent=2) + "\n").encode("utf-8")
    if len(data) > DEFAULT_LIMITS.max_bytes:
        msg = (
            f"the document would be {len(data):,} bytes, more than load() reads with its default "
            f"limit of {DEFAULT_LIMITS.max_bytes:,}; nothing was written. Split the directory"
        )
        raise InvalidArgumentError(msg)
    write_atomic(target, data)


# A temporary file is named after its target, the writing process and a random part, so that a
# later write to the same target can tell a temporary left by a writer that was killed
# (SIGKILL, a power cut) from one that another process is writing now, and remove it.
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.lsp-(?P<pid>[0-9]+)-[0-9a-f]{8}\.tmp")
_STALE_AFTER = 24 * 60 * 60  # seconds: a temporary this old is stale whoever wrote it
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)
_in_progress: set[Path] = set()  # temporaries being written, removed at exit if still there
_in_progress_lock = threading.Lock()


def _temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.lsp-{os.getpid()}-{secrets.token_hex(4)}.tmp")


def _alive(pid: int) -> bool:
    if os.name != "posix":  # pragma: no cover  # no signal 0 on Windows: keep it
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but is another user's
        return True
    return True


def _remove_stale(target: Path) -> None:
    """Remove the temporaries of ``target`` that a killed writer left behind."""
    prefix = f".{target.name}.lsp-"
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent if str(target.parent) else "."):
            if not entry.name.startswith(prefix):
                continue
            found = _TEMPORARY.fullmatch(entry.name)
            if found is None or found["name"] != target.name:
                continue
            pid = int(found["pid"])
            with contextlib.suppress(OSError):
                old = now - entry.stat(follow_symlinks=False).st_mtime > _STALE_AFTER
                if (pid != os.getpid() and not _alive(pid)) or old:
                    Path(entry.path).unlink()


def _create_temporary(target: Path) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0)
    for _ in range(_ATTEMPTS):
        temporary = _temporary_name(target)
        try:
            return temporary, os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
    msg = f"cannot create a temporary file next to {target}: every name tried exists"
    raise FileExistsError(msg)


def _existing_mode(target: Path) -> int | None:
    """The permissions of the regular file at ``target``; ``None`` if none or a link is there.

    Raises:
        NotRegularFileError: ``target`` is a folder, a device, a FIFO or a socket.
    """
    try:
        info = target.lstat()
    except FileNotFoundError:
        return None
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return stat.S_IMODE(mode)
    if stat.S_ISLNK(mode):
        return None  # the link itself is replaced: the new file gets the usual permissions
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise NotRegularFileError(target, kind)


class _Terminated(BaseException):
    """SIGTERM arrived while writing: the temporary is removed, then the signal is raised again."""


def _on_sigterm(_signum: int, _frame: object) -> None:
    raise _Terminated


@contextlib.contextmanager
def _cleanup_on_sigterm() -> Iterator[bool]:
    """While writing, turn SIGTERM into an exception that removes the temporary file.

    Only where that changes nothing else: in the main thread, and when SIGTERM has its default
    action (a program's own handler is left alone). Yields whether the handler is in place.
    """
    installed = False
    if threading.current_thread() is threading.main_thread():
        with contextlib.suppress(ValueError, OSError, AttributeError):
            if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
                signal.signal(signal.SIGTERM, _on_sigterm)
                installed = True
    try:
        yield installed
    finally:
        if installed:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


@atexit.register
def _remove_in_progress() -> None:  # pragma: no cover  # runs at interpreter exit
    with _in_progress_lock:
        for temporary in _in_progress:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _named(
    exc: OSError, target: Path, temporary: Path | None, *, creating: bool = False
) -> OSError:
    """The same error about ``target``, the file the caller asked for, not the temporary."""
    if not creating and exc.filename is not None and exc.filename != str(temporary):
        return exc
    reason = exc.strerror or str(exc)
    if creating:
        reason += f" (cannot create a file in {target.parent})"
    error = OSError(exc.errno, reason, str(target))  # the subclass for the errno, as Python's
    error.__cause__ = exc
    return error


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that readers see the old file or the new one, never a part.

    The bytes go to a temporary file in the same folder (``.NAME.lsp-PID-RANDOM.tmp``), which is
    flushed to disk and then renamed over ``target``. The rules, documented in "Writing files"
    of "The document format":

    - a regular file at ``target`` is replaced and keeps its permissions;
    - a symbolic link at ``target`` is itself replaced by the new file; it is never followed, so
      a planted link cannot make the writer replace another file;
    - a folder, a device, a FIFO or a socket at ``target`` is refused
      (:class:`~lifesci_partners.exceptions.NotRegularFileError`), and nothing is written;
    - on any error or interrupt the temporary file is removed and ``target`` is left as it was;
      so it is on SIGTERM, where the signal's action is the default one (the process then ends
      by the signal, as it would have); a temporary left by a writer that was killed outright
      (SIGKILL) is removed by the next write to the same target;
    - an error names ``target``, never the temporary file.

    Raises:
        NotRegularFileError: Something other than a file or a link is at ``target``.
        OSError: The file cannot be written (``PermissionError``, a full disk, ...).
    """
    with _replacing(target) as fd:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """A binary file that takes the place of ``target`` when the ``with`` block ends well.

    :func:`write_atomic` for content written piece by piece, such as JSON Lines longer than
    memory holds, under the same rules: the same temporary file, flushed to disk and renamed
    over ``target``; on any error or interrupt it is removed and ``target`` is left as it was.

    Raises:
        NotRegularFileError: Something other than a file or a link is at ``target``.
        OSError: The file cannot be written.
    """
    with _replacing(target) as fd, os.fdopen(fd, "wb", closefd=False) as file:
        yield file


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[int]:
    """A descriptor of the temporary file that replaces ``target`` if the block ends well."""
    mode = _existing_mode(target)
    _remove_stale(target)
    temporary: Path | None = None
    terminated = False
    with _cleanup_on_sigterm():
        try:
            try:
                temporary, fd = _create_temporary(target)
            except OSError as exc:
                raise _named(exc, target, None, creating=True) from None
            with _in_progress_lock:
                _in_progress.add(temporary)
            try:
                if mode is not None:
                    temporary.chmod(mode)
                yield fd
                os.fsync(fd)
            finally:
                os.close(fd)
            temporary.replace(target)
        except _Terminated:
            terminated = True
        except OSError as exc:
            _discard(temporary)
            raise _named(exc, target, temporary) from None
        except BaseException:
            _discard(temporary)
            raise
        finally:
            if temporary is not None:
                with _in_progress_lock:
                    _in_progress.discard(temporary)
    if terminated:
        _discard(temporary)
        signal.raise_signal(signal.SIGTERM)  # the default action again: the process ends
    _sync_folder(target.parent)


def _discard(temporary: Path | None) -> None:
    if temporary is not None:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry for the new file to disk, where the system allows it."""
    if os.name != "posix":  # pragma: no cover  # Windows cannot open a folder
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
