"""Directory documents on disk: :func:`load` and :func:`dump`, which writes atomically."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from lifesci_partners._directory import Directory
from lifesci_partners._json._converters import from_json, to_json
from lifesci_partners._json._reader import DEFAULT_LIMITS, Limits

__all__ = ["dump", "load"]

_ATTEMPTS = 100  # names tried for the temporary file before giving up


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
    return from_json(Path(path).read_bytes(), Directory, limits=limits)


def dump(directory: Directory, path: str | os.PathLike[str]) -> None:
    """Write a directory as a JSON document (UTF-8, indented), atomically.

    The document goes to a new file in the same folder, is flushed to disk, and then takes the
    place of ``path`` in one step (:func:`os.replace`). Whatever happens, even a crash or an
    interrupt mid-write, ``path`` holds either its old content or the whole new document, never
    part of it; the temporary file is removed if the write fails. An existing file keeps its
    permissions; a new one gets the usual ones (``0o666`` less the umask). A symbolic link is
    followed: the file it points to is replaced, and the link stays. A document longer than
    :func:`load` reads with its default limits is refused before anything is written.

    Args:
        directory: The directory to write.
        path: The file to write; its folder must exist.

    Raises:
        OSError: The file cannot be written (the old content, if any, is untouched).
        ValueError: The document would be longer than :func:`load`'s default limit.

    .. versionadded:: 0.1.0
    """
    if not isinstance(directory, Directory):
        msg = f"dump writes a Directory, got {type(directory).__name__}"
        raise TypeError(msg)
    data = (to_json(directory, indent=2) + "\n").encode("utf-8")
    if len(data) > DEFAULT_LIMITS.max_bytes:
        msg = (
            f"the document would be {len(data):,} bytes, more than load() reads with its default "
            f"limit of {DEFAULT_LIMITS.max_bytes:,}; nothing was written. Split the directory"
        )
        raise ValueError(msg)
    write_atomic(Path(path), data)


def _create_temporary(target: Path) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_ATTEMPTS):
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return temporary, os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
    msg = f"cannot create a temporary file next to {target}: every name tried exists"
    raise FileExistsError(msg)


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that readers see the old file or the new one, never a part.

    The bytes go to a temporary file in the same folder, which is flushed to disk and then
    renamed over ``target``. On any error or interrupt the temporary file is removed and
    ``target`` is left as it was. An existing file keeps its permissions; a symbolic link is
    followed, and stays a link.
    """
    with _replacing(target) as fd:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """A binary file that takes the place of ``target`` in one step when the block ends well.

    :func:`write_atomic` for content written piece by piece, such as JSON Lines longer than
    memory holds: the same temporary file, flush to disk and rename when the ``with`` block
    ends without an exception; on any error or interrupt the temporary file is removed and
    ``target`` is left as it was.
    """
    with _replacing(target) as fd, os.fdopen(fd, "wb", closefd=False) as file:
        yield file


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[int]:
    """A descriptor of a new file that replaces ``target`` if the block ends without an error."""
    if target.is_symlink():
        target = target.resolve()
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    temporary, fd = _create_temporary(target)
    try:
        try:
            if mode is not None:
                temporary.chmod(mode)
            yield fd
            os.fsync(fd)
        finally:
            os.close(fd)
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(target.parent)


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
