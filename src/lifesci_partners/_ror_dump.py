"""Load a whole ROR dump in one streaming call: :func:`load_ror`.

ROR publishes its registry as a zip holding one JSON array of about 120,000 records (some
250 MB). The array is read record by record with :meth:`json.JSONDecoder.raw_decode` over
chunks of text, so that memory holds the organizations built, not the parsed dump beside them.
Numbers are read exactly, and duplicate keys, NaN and oversized numbers are refused as the
library's JSON reader refuses them.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import zipfile
import zlib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from lifesci_partners._directory import Directory
from lifesci_partners._importing import ImportResult, ProblemLog, Progress
from lifesci_partners._json._gc import gc_paused
from lifesci_partners._json._reader import (
    DEFAULT_LIMITS,
    _Hooks,
    parse_json,
)
from lifesci_partners._json._reader import check_data as _check_data
from lifesci_partners._organization import Organization
from lifesci_partners._ror import read_record, record_id
from lifesci_partners._shown import describe
from lifesci_partners.exceptions import ValidationError, WrongTypeError

__all__ = ["load_ror"]

_CHUNK = 1 << 20  # characters of text decoded at a time
_PROGRESS_EVERY = 1000
_ZIP = b"PK\x03\x04"
_GZIP = b"\x1f\x8b"
_WHITESPACE = " \t\n\r"
# What a damaged or truncated zip or gzip stream raises while it is read.
_DAMAGED = (EOFError, zlib.error, zipfile.BadZipFile, gzip.BadGzipFile)


class _BrokenStream(Exception):  # noqa: N818  # inside this module only
    """The text stops being JSON: nothing after this point can be read as records."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _decoder(hooks: _Hooks) -> json.JSONDecoder:
    """A decoder whose hooks count what the limits refuse (``hooks.refused``).

    Only when they refused something, or when the text escapes a surrogate, is a record walked
    to say where the problem is (:func:`~lifesci_partners._json._reader.check_data`). A valid
    record, the usual case, costs no walk. Nesting needs none either: a ROR record is four
    levels deep, any deeper value is of a wrong type there, which the record's reader reports
    at its path.
    """
    return json.JSONDecoder(
        object_pairs_hook=hooks.object_pairs,
        parse_int=hooks.parse_int,
        parse_float=hooks.parse_float,
        parse_constant=hooks.parse_constant,
    )


class _Text:
    """Text decoded from a binary stream chunk by chunk, as one buffer that grows on demand."""

    def __init__(self, stream: Any, head: bytes) -> None:
        self._stream = stream
        self._decode = codecs.getincrementaldecoder("utf-8")()
        self.buffer = ""
        self.offset = 0  # characters before the buffer
        self.eof = False
        self._head = head

    def more(self, at_least: int = _CHUNK) -> bool:
        """Read more text onto the buffer; ``False`` at the end of the stream."""
        if self.eof:
            return False
        raw, self._head = self._head or self._stream.read(max(at_least, _CHUNK)), b""
        try:
            text = self._decode.decode(raw, final=not raw)
        except UnicodeDecodeError as exc:
            where = self.offset + len(self.buffer)
            msg = f"not valid UTF-8 text ({exc.reason}) after character {where:,}"
            raise _BrokenStream(msg) from None
        if not raw:
            self.eof = True
        if not self.buffer and not self.offset:
            text = text.removeprefix("\ufeff")
        self.buffer += text
        return bool(raw) or bool(text)

    def drop(self, upto: int) -> None:
        """Forget the first ``upto`` characters of the buffer."""
        self.buffer = self.buffer[upto:]
        self.offset += upto

    def skip_space(self, pos: int) -> int:
        """The position of the next character that is not white space (reading more)."""
        while True:
            buffer = self.buffer
            while pos < len(buffer) and buffer[pos] in _WHITESPACE:
                pos += 1
            if pos < len(buffer) or not self.more():
                return pos


def _array_records(text: _Text) -> Iterator[tuple[Any, bool]]:
    """Each element of the JSON array the text holds, parsed, and whether it is suspect."""
    hooks = _Hooks(DEFAULT_LIMITS, Decimal)
    decoder = _decoder(hooks)
    pos = text.skip_space(0) + 1  # past '['
    first = True
    while True:
        pos = text.skip_space(pos)
        if pos >= len(text.buffer):
            msg = "the array is not closed with ']': the file ends early (cut short?)"
            raise _BrokenStream(msg)
        char = text.buffer[pos]
        if char == "]":
            _end(text, pos + 1)
            return
        if not first:
            if char != ",":
                where = text.offset + pos
                msg = f"expected ',' or ']' between records at character {where:,}, got {char!r}"
                raise _BrokenStream(msg)
            pos = text.skip_space(pos + 1)
        first = False
        if pos > _CHUNK:  # forget what was read, once it is a chunk: linear time overall
            text.drop(pos)
            pos = 0
        hooks.refused = 0
        start = pos
        record, pos = _decode_one(decoder, text, pos)
        buffer = text.buffer
        # A surrogate can only be escaped: look for one where the record has an escape at all.
        escaped = buffer.find("\\u", start, pos) >= 0 and (
            buffer.find("\\ud", start, pos) >= 0 or buffer.find("\\uD", start, pos) >= 0
        )
        yield record, bool(hooks.refused) or escaped


def _decode_one(decoder: json.JSONDecoder, text: _Text, pos: int) -> tuple[Any, int]:
    """The value at ``pos`` in the buffer, and where it ends (reading more as needed)."""
    while True:
        try:
            record, end = decoder.raw_decode(text.buffer, pos)
        except json.JSONDecodeError as exc:
            if text.more(len(text.buffer) - pos):
                continue
            where = text.offset + exc.pos
            msg = f"not valid JSON: {exc.msg} at character {where:,}"
            raise _BrokenStream(msg) from None
        except RecursionError:
            msg = f"a record nested too deeply to read, at character {text.offset:,}"
            raise _BrokenStream(msg) from None
        if end == len(text.buffer) and text.more(len(text.buffer) - pos):
            continue  # a number may go on in the next chunk: read it whole
        return record, end


def _end(text: _Text, pos: int) -> None:
    pos = text.skip_space(pos)
    if pos < len(text.buffer):
        where = text.offset + pos
        msg = f"text after the end of the array, at character {where:,}"
        raise _BrokenStream(msg)


class _Prefixed:
    """Bytes already read from a stream, then the rest of it: a ``read`` that gives both."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if not self._head:
            return self._stream.read(size)
        if size < 0:
            data, self._head = self._head + self._stream.read(), b""
            return data
        data, self._head = self._head[:size], self._head[size:]
        return data


def _open(source: str | os.PathLike[str] | IO[bytes], stack: list[Any]) -> Any:
    """A binary stream of JSON text in ``source``: unzipped or gunzipped as needed.

    What needs closing goes on ``stack``.
    """
    if isinstance(source, (str, os.PathLike)):
        stream: Any = Path(source).open("rb")  # noqa: SIM115  # closed by the caller
        stack.append(stream)
    elif isinstance(source, io.TextIOBase):
        msg = "load_ror reads bytes: open the file in binary mode ('rb')"
        raise WrongTypeError(msg)
    elif callable(getattr(source, "read", None)):
        stream = source
    else:
        msg = f"load_ror reads a path or a binary file, got {type(source).__name__}"
        raise WrongTypeError(msg)
    head = stream.read(len(_ZIP))
    if not isinstance(head, bytes):
        msg = "load_ror reads bytes: open the file in binary mode ('rb')"
        raise WrongTypeError(msg)
    if head.startswith(_ZIP):
        if callable(getattr(stream, "seekable", None)) and stream.seekable():
            stream.seek(-len(head), io.SEEK_CUR)
        else:  # a zip is read from its end: a pipe must be read whole first
            stream = io.BytesIO(head + stream.read())
        try:
            archive = zipfile.ZipFile(stream)
        except zipfile.BadZipFile as exc:
            raise ValidationError([f"$: not a zip file that can be read: {exc}"]) from None
        inner = archive.open(_member(archive))
        stack.extend([archive, inner])
        return inner
    if head.startswith(_GZIP):
        prefixed: Any = _Prefixed(head, stream)  # GzipFile calls only read() on it
        unzipped = gzip.GzipFile(fileobj=prefixed, mode="rb")
        stack.append(unzipped)
        return unzipped
    return _Prefixed(head, stream)


def _member(archive: zipfile.ZipFile) -> str:
    """The member of a ROR zip that holds the v2 records."""
    names = [n for n in archive.namelist() if n.lower().endswith(".json")]
    v2 = [n for n in names if "schema_v2" in n]
    if len(v2) == 1:
        return v2[0]
    if len(names) == 1:
        return names[0]
    listed = ", ".join(archive.namelist()) or "nothing"
    msg = (
        f"the zip holds {len(names)} JSON files, and none is marked schema_v2: {listed}; "
        "extract the one with the v2 records and load it"
    )
    raise ValidationError([f"$: {msg}"])


def _byte_lines(head: bytes, stream: Any) -> Iterator[bytes]:
    """The lines of ``head`` followed by the rest of ``stream``."""
    pending = head
    while True:
        lines = pending.split(b"\n")
        pending = lines.pop()
        yield from lines
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        pending += chunk
    if pending:
        yield pending


def _lines(head: bytes, stream: Any) -> Iterator[tuple[int, Any, bool]]:
    """(line number, record or the ValidationError of that line) for each line with text."""
    for number, line in enumerate(_byte_lines(head, stream), start=1):
        if not line.strip():
            continue
        try:
            yield number, parse_json(line, DEFAULT_LIMITS), False  # checked by parse_json
        except ValidationError as exc:
            yield number, exc, False


def _records(stream: Any) -> Iterator[tuple[int, Any, bool]]:
    """(position, record) for each record of a JSON array or JSON Lines stream."""
    head = stream.read(_CHUNK)
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"["):
        text = _Text(stream, head)
        for position, (record, suspect) in enumerate(_array_records(text), start=1):
            yield position, record, suspect
    elif start:
        yield from _lines(head, stream)


def _source_name(source: object) -> str:
    if isinstance(source, (str, os.PathLike)):
        return str(os.fspath(source))
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "-"


def load_ror(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    strict: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a ROR dump: every record that can be read becomes an organization.

    Reads what ROR publishes (the zip holding one JSON array), a ``.json`` or ``.json.gz``
    array, or JSON Lines (one record per line), from a path or a binary file. The dump is read
    record by record, so memory holds the organizations and not the parsed dump beside them.
    Each record is read as :func:`~lifesci_partners.from_ror` reads it, but a part that cannot
    be represented (an identifier with a wrong check digit) is dropped from that organization,
    and a record that cannot be imported at all (no usable id or name, two records with one id)
    is skipped; each is reported as an :class:`~lifesci_partners.ImportProblem` with the
    record's position and ROR id. Text that stops being JSON ends the import there, reported
    the same way.

    Args:
        source: A path, or a file opened in binary mode.
        strict: Raise at the first problem instead of dropping and reporting.
        progress: Called with the number of records read so far, every thousand records and
            once at the end.

    Returns:
        The directory of the organizations, and every problem met.

    Raises:
        ValidationError: In strict mode, the first problem, naming the record; in either mode,
            a zip with no JSON file of ROR records.
        OSError: The file cannot be read.
        WrongTypeError: ``source`` is neither a path nor a file opened in binary mode.

    Example:
        >>> import io, json
        >>> from lifesci_partners import load_ror
        >>> dump = json.dumps([{
        ...     "id": "https://ror.org/02kpeqv85",
        ...     "names": [{"value": "Kyoto University", "types": ["ror_display", "label"],
        ...                "lang": None}],
        ...     "types": ["education"], "status": "active", "locations": [],
        ...     "external_ids": [{"type": "grid", "all": ["grid.258799.8"],
        ...                       "preferred": "grid.258799.8"}],
        ...     "admin": {"created": {"date": "2018-11-14", "schema_version": "1.0"},
        ...               "last_modified": {"date": "2025-07-04", "schema_version": "2.1"}},
        ... }]).encode()
        >>> result = load_ror(io.BytesIO(dump))
        >>> result.directory.organization("02kpeqv85").display_name(), result.problems
        ('Kyoto University', ())

    .. versionadded:: 0.2.0
    """
    if progress is not None and not callable(progress):
        msg = f"load_ror() takes progress=a function of the count or None, got {describe(progress)}"
        raise WrongTypeError(msg)
    log = ProblemLog(_source_name(source), strict=strict)
    stack: list[Any] = []
    try:
        stream = _open(source, stack)
        # Many small objects and no reference cycles: the collector waits (see _json/_gc.py).
        with gc_paused():
            organizations, count = _read(_records(stream), log, progress)
    finally:
        for closable in reversed(stack):
            closable.close()
    if progress is not None and count % _PROGRESS_EVERY:
        progress(count)
    directory = Directory(organizations=organizations)
    return ImportResult(directory, tuple(log.problems), count)


def _read(
    records: Iterator[tuple[int, Any, bool]], log: ProblemLog, progress: Progress | None
) -> tuple[list[Organization], int]:
    """The organizations of the records that can be imported, and the count of records read."""
    organizations: list[Organization] = []
    seen: dict[str, int] = {}
    count = 0
    while True:
        try:
            item = next(records, None)
        except _BrokenStream as exc:
            log.start(count + 1, None)
            log.skipped([f"$: {exc.message}; nothing after it is read"], None, "json")
            break
        except _DAMAGED as exc:
            log.start(count + 1, None)
            message = f"$: the compressed file is damaged or cut short ({exc}); nothing after"
            log.skipped([message + " it is read"], None, "json")
            break
        if item is None:
            break
        position, record, suspect = item
        count += 1
        organization = _import(log, position, record, seen, suspect=suspect)
        if organization is not None:
            organizations.append(organization)
        if progress is not None and count % _PROGRESS_EVERY == 0:
            progress(count)
    return organizations, count


def _import(
    log: ProblemLog, position: int, record: Any, seen: dict[str, int], *, suspect: bool
) -> Organization | None:
    """The organization of one record, with its problems logged; ``None`` if skipped.

    A ``suspect`` record is first checked against the limits.
    """
    if isinstance(record, ValidationError):  # a JSON Lines line that is not JSON
        log.start(position, None)
        log.skipped(record, None, "json")
        return None
    if suspect:
        log.start(position, record_id(record))
        problems = list(_check_data(record, DEFAULT_LIMITS, shared=False))
        if problems:
            log.skipped(problems, record, "json")
            return None
    read = read_record(record)
    log.start(position, read.record_id)
    if read.organization is None:
        log.skipped(read.errors, record, "record")
        return None
    org_id = read.organization.id
    if org_id in seen:
        message = f"$.id: the same ROR id as record {seen[org_id]}; the first one is kept"
        log.skipped([message], record, "duplicate")
        return None
    for drop in read.drops:
        log.dropped(drop.path, drop.value, drop.message, drop.kind)
    seen[org_id] = position
    return read.organization
