"""JSON Lines, streamed: one model per line, read and written with memory that stays flat.

:func:`iter_jsonl` reads any model class a line at a time and :func:`dump_jsonl` writes them
(atomically, like :func:`~lifesci_partners.dump`); either may be gzipped. A whole directory is
also a JSON Lines file (:func:`load_jsonl`, :func:`dump_jsonl` given a
:class:`~lifesci_partners.Directory`): a header line with the document's ``format``,
``version`` and ``complete_partnerships``, then one line per organization, agreement and
announcement, each tagged with its kind (``{"agreement": {...}}``), checked as the one-document
form is.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar

import attrs

from lifesci_partners._agreement import Agreement
from lifesci_partners._announcement import Announcement
from lifesci_partners._arguments import a_path_or_stream, an_iterable
from lifesci_partners._directory import Directory
from lifesci_partners._json._converters import _structure, to_json
from lifesci_partners._json._document import atomic_writer
from lifesci_partners._json._reader import JsonFloat, Limits, limits_for, parse_json
from lifesci_partners._json._versions import DOCUMENT_FORMAT, DOCUMENT_VERSION
from lifesci_partners._organization import Organization
from lifesci_partners._shown import json_kind
from lifesci_partners.exceptions import JsonLinesError, LineProblem, ValidationError, WrongTypeError

__all__ = ["dump_jsonl", "iter_jsonl", "load_jsonl"]

T = TypeVar("T")

_GZIP = b"\x1f\x8b"
_CHUNK = 1 << 16  # bytes skipped at a time past the end of a line that is too long
_COMPRESSLEVEL = 6  # gzip's own default: nearly the size of 9 at a fraction of the time

KINDS: dict[str, type] = {
    "organization": Organization,
    "agreement": Agreement,
    "announcement": Announcement,
}
"""The tag of each line of a directory in JSON Lines, and the class the line holds."""
_FIELDS = {
    "organization": "organizations",
    "agreement": "agreements",
    "announcement": "announcements",
}
_HEADER_KEYS = ("format", "version", "complete_partnerships")
_DIRECTORY_PATH = re.compile(r"\$\.(organizations|agreements|announcements)\[(\d+)\](.*)")
_NO_HEADER = (
    "the file is empty; a directory in JSON Lines starts with a header line "
    f'({{"format":"{DOCUMENT_FORMAT}","version":{DOCUMENT_VERSION},"complete_partnerships":[]}})'
)
_EXPECTED_KINDS = ", ".join(repr(kind) for kind in KINDS)


class _Lines(Protocol):
    """A binary stream read a line at a time (an open file, :class:`gzip.GzipFile`, ...)."""

    def readline(self, size: int = -1, /) -> bytes: ...


class _Sink(Protocol):
    """A binary stream written to (an open file, :class:`gzip.GzipFile`, ...)."""

    def write(self, data: bytes, /) -> int: ...


Source = str | os.PathLike[str] | _Lines


@contextlib.contextmanager
def _reading(source: Source) -> Iterator[_Lines]:
    """The bytes of ``source``: a file, gunzipped when it starts as gzip does, or a stream."""
    if not isinstance(source, (str, os.PathLike)):
        yield source
        return
    with Path(source).open("rb") as raw:
        gzipped = raw.read(2) == _GZIP
        raw.seek(0)
        if not gzipped:
            yield raw
            return
        with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
            yield unzipped


def _lines(stream: _Lines, limits: Limits) -> Iterator[tuple[int, bytes | None]]:
    """Each line with its number; ``None`` for a line longer than ``limits`` allows, skipped."""
    number = 0
    while True:
        line = stream.readline(limits.max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > limits.max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the line
                line = stream.readline(_CHUNK)
            yield number, None
        else:
            yield number, line


def _too_long(limits: Limits) -> str:
    return (
        f"$: the line is longer than {limits.max_bytes:,} bytes; "
        "pass a larger Limits(max_bytes=...) to read it"
    )


def _value(line: bytes | None, limits: Limits) -> Any:
    """The JSON value of one line."""
    if line is None:
        raise ValidationError([_too_long(limits)])
    if not line.strip():
        raise ValidationError(["$: a blank line; JSON Lines holds one JSON value on every line"])
    return parse_json(line, limits, JsonFloat)


def iter_jsonl(
    source: Source,
    cls: type[T],
    *,
    problems: list[LineProblem] | None = None,
    limits: Limits | None = None,
) -> Iterator[T]:
    r"""Read a JSON Lines file one line at a time, yielding one validated ``cls`` per line.

    Memory holds one line and its model, however long the file. A file that starts as gzip
    does is gunzipped as it is read. Every line is checked as :func:`~lifesci_partners.from_json`
    checks a document, and its problems carry its number: ``line 12: $.parties[0].org: ...``.
    By default the first bad line raises; pass a list as ``problems`` to collect the problems of
    every bad line there instead, skip those lines and go on.

    Args:
        source: A file name, or a binary stream of uncompressed JSON Lines (for a gzipped
            stream, pass ``gzip.open()``'s).
        cls: The model class that every line holds, such as :class:`~lifesci_partners.Agreement`.
        problems: Where to collect the problems of bad lines; ``None`` (the default) raises at
            the first.
        limits: Bounds that each line must keep; default :class:`Limits()
            <lifesci_partners.Limits>` (``max_bytes`` is the longest line).

    Yields:
        One model per valid line, in the file's order.

    Raises:
        JsonLinesError: A line is not a valid ``cls`` (unless ``problems`` is given); its
            problems name the line.
        OSError: The file cannot be read, or is a damaged gzip file.
        WrongTypeError: ``cls`` is :class:`~lifesci_partners.Directory`, which is read with
            :func:`load_jsonl`.

    Example:
        >>> import io
        >>> from lifesci_partners import Party, iter_jsonl
        >>> lines = io.BytesIO(b'{"org": "link-j"}\n{"org": 5}\n{"org": "mpr"}\n')
        >>> problems = []
        >>> [party.org for party in iter_jsonl(lines, Party, problems=problems)]
        ['link-j', 'mpr']
        >>> print(problems[0])
        line 2: $.org: expected a string, got a number (5)

    .. versionadded:: 0.2.0
    """
    if cls is Directory:
        msg = "iter_jsonl reads one model per line; read a directory with load_jsonl"
        raise WrongTypeError(msg)
    source = a_path_or_stream(source, "iter_jsonl", "readline")
    return _iter(source, cls, problems, limits_for(limits, "iter_jsonl"))


def _iter(
    source: Source, cls: type[T], problems: list[LineProblem] | None, limits: Limits
) -> Iterator[T]:
    with _reading(source) as stream:
        for number, line in _lines(stream, limits):
            try:
                item = _structure(_value(line, limits), cls)
            except ValidationError as exc:
                found = LineProblem.of(number, exc)
                if problems is None:
                    raise JsonLinesError(found) from None
                problems.extend(found)
                continue
            yield item


def dump_jsonl(
    items: Directory | Iterable[Any],
    target: str | os.PathLike[str] | _Sink,
    *,
    compress: bool | None = None,
) -> int:
    """Write models as JSON Lines, one compact JSON value per line, atomically.

    ``items`` may be any iterable, a generator too: it is written as it is consumed, so memory
    stays flat however many there are. A :class:`~lifesci_partners.Directory` is written whole,
    each line tagged with its kind, for :func:`load_jsonl`. A file name is written as
    :func:`~lifesci_partners.dump` writes, to a temporary file that takes its place when
    everything is written; a stream is written to as it is.

    Args:
        items: The models, or a directory.
        target: A file name, or a binary stream.
        compress: Gzip the lines; by default, when the file name ends in ``.gz``. A stream is
            never compressed: pass ``gzip.open()``'s.

    Returns:
        The number of lines written (for a directory, its header line included).

    Raises:
        OSError: The file cannot be written (the old content, if any, is untouched).
        WrongTypeError: An item is not a model.

    Example:
        >>> import pathlib, tempfile
        >>> from lifesci_partners import dump_jsonl, examples, iter_jsonl
        >>> agreements = examples.link_j_mpr().agreements
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "agreements.jsonl.gz"
        >>> dump_jsonl(agreements, path)
        1
        >>> tuple(iter_jsonl(path, type(agreements[0]))) == agreements
        True

    .. versionadded:: 0.2.0
    """
    target = a_path_or_stream(target, "dump_jsonl", "write")
    if not isinstance(items, Directory):
        an_iterable(items, "dump_jsonl", "models")
    lines = _directory_lines(items) if isinstance(items, Directory) else _item_lines(items)
    if not isinstance(target, (str, os.PathLike)):
        return _write(lines, target)
    path = Path(target)
    if compress is None:
        compress = path.name.endswith(".gz")
    with atomic_writer(path) as file:
        if not compress:
            return _write(lines, file)
        with gzip.GzipFile(
            filename="", mode="wb", fileobj=file, compresslevel=_COMPRESSLEVEL, mtime=0
        ) as zipped:
            return _write(lines, zipped)


def _write(lines: Iterable[str], file: _Sink) -> int:
    count = 0
    for line in lines:
        file.write(line.encode("utf-8"))
        file.write(b"\n")
        count += 1
    return count


def _item_lines(items: Iterable[Any]) -> Iterator[str]:
    for index, item in enumerate(items):
        if not attrs.has(type(item)):
            msg = f"item {index} is {type(item).__name__}, not a lifesci-partners model"
            raise WrongTypeError(msg)
        yield to_json(item)


def _directory_lines(directory: Directory) -> Iterator[str]:
    header = {  # the directory document without its collections
        "format": DOCUMENT_FORMAT,
        "version": DOCUMENT_VERSION,
        "complete_partnerships": list(directory.complete_partnerships),
    }
    yield json.dumps(header, ensure_ascii=False, separators=(",", ":"))
    for kind, field in _FIELDS.items():
        for item in getattr(directory, field):
            yield f'{{"{kind}":{to_json(item)}}}'


def load_jsonl(source: Source, *, limits: Limits | None = None) -> Directory:
    """Read a directory written by :func:`dump_jsonl` as JSON Lines, checking everything.

    The lines are read one at a time, so memory holds the directory and one line. Every
    problem of every line is reported at once, each with its line: those of each line's value
    first and, when every line is valid, the directory's (duplicate ids, references to
    nothing), each on the line of the item it is about.

    Args:
        source: A file name (gzipped or not), or a binary stream of uncompressed lines.
        limits: Bounds that each line must keep; default :class:`Limits()
            <lifesci_partners.Limits>`.

    Returns:
        The directory.

    Raises:
        JsonLinesError: The file is not a valid directory; every problem names its line.
        OSError: The file cannot be read.

    Example:
        >>> import io
        >>> from lifesci_partners import dump_jsonl, examples, load_jsonl
        >>> buffer = io.BytesIO()
        >>> dump_jsonl(examples.link_j_mpr(), buffer)
        5
        >>> print(buffer.getvalue().decode().splitlines()[0])
        {"format":"lifesci-partners","version":1,"complete_partnerships":[]}
        >>> load_jsonl(io.BytesIO(buffer.getvalue())) == examples.link_j_mpr()
        True

    .. versionadded:: 0.2.0
    """
    limits = limits_for(limits, "load_jsonl")
    source = a_path_or_stream(source, "load_jsonl", "readline")
    items: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    where: dict[str, list[int]] = {kind: [] for kind in KINDS}
    problems: list[LineProblem] = []
    header: tuple[str, ...] | None = None
    with _reading(source) as stream:
        for number, line in _lines(stream, limits):
            if number == 1:
                header = ()  # there is one, valid or not
            try:
                value = _value(line, limits)
                if number == 1:
                    header = _header(value)
                    continue
                kind, item = _item(value)
            except ValidationError as exc:
                problems.extend(LineProblem.of(number, exc))
                continue
            items[kind].append(item)
            where[kind].append(number)
    if header is None:
        problems.insert(0, LineProblem(1, "$", _NO_HEADER))
    if problems or header is None:
        raise JsonLinesError(problems)
    try:
        return Directory(
            items["organization"],
            items["agreement"],
            announcements=items["announcement"],
            complete_partnerships=header,
        )
    except ValidationError as exc:
        raise JsonLinesError(_on_lines(exc, where)) from None


def _header(value: Any) -> tuple[str, ...]:
    """The ``complete_partnerships`` of the header line, after checking its format and version."""
    if type(value) is not dict:
        msg = (
            "$: expected the header of a directory in JSON Lines (an object with format, version "
            f"and complete_partnerships), got {json_kind(value)}"
        )
        raise ValidationError([msg])
    errors = [
        f"$.{key}: unknown key; expected only: {', '.join(_HEADER_KEYS)}"
        for key in value
        if key not in _HEADER_KEYS
    ]
    if value.get("format") != DOCUMENT_FORMAT:
        got = json_kind(value["format"]) if "format" in value else "nothing (the key is missing)"
        errors.append(f"$.format: expected {DOCUMENT_FORMAT!r}, got {got}")
    if value.get("version") != DOCUMENT_VERSION or type(value.get("version")) is not int:
        got = json_kind(value["version"]) if "version" in value else "nothing (the key is missing)"
        errors.append(f"$.version: expected {DOCUMENT_VERSION}, got {got}")
    complete = value.get("complete_partnerships", [])
    if type(complete) is not list or any(type(org) is not str for org in complete):
        errors.append(
            "$.complete_partnerships: expected a list of organization ids, "
            f"got {json_kind(complete)}"
        )
    if errors:
        raise ValidationError(errors)
    return tuple(complete)


def _item(value: Any) -> tuple[str, Any]:
    """The kind of a tagged line, and the model it holds."""
    if type(value) is not dict or len(value) != 1:
        got = json_kind(value) if type(value) is not dict else f"an object with {len(value)} keys"
        msg = f"$: expected an object with one key, the kind ({_EXPECTED_KINDS}), got {got}"
        raise ValidationError([msg])
    ((kind, data),) = value.items()
    cls = KINDS.get(kind)
    if cls is None:
        raise ValidationError([f"$.{kind}: unknown kind; expected one of {_EXPECTED_KINDS}"])
    try:
        return kind, _structure(data, cls)
    except ValidationError as exc:
        raise exc.prefixed(f"$.{kind}") from None


def _on_lines(error: ValidationError, where: dict[str, list[int]]) -> list[LineProblem]:
    """The directory's problems (``$.agreements[3].parties[0].org``) on the lines they are about."""
    lines: dict[str, str] = {field: kind for kind, field in _FIELDS.items()}
    problems = []
    for text in error.errors:
        path, _, message = text.partition(": ")
        match = _DIRECTORY_PATH.fullmatch(path)
        if match is None:  # about the header: complete_partnerships, or the whole directory
            problems.append(LineProblem(1, path, message))
            continue
        kind = lines[match[1]]
        problems.append(LineProblem(where[kind][int(match[2])], f"$.{kind}{match[3]}", message))
    return sorted(problems, key=lambda p: p.line)
