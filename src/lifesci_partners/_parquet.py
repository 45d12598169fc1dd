"""A directory as Parquet files: :func:`write_parquet` and :func:`read_parquet`.

A folder holds one table per kind (``organizations``, ``agreements``, ``announcements``, in the
form of :func:`~lifesci_partners.to_arrow`) and ``directory`` (its format, version and
``complete_partnerships``), from which :func:`read_parquet` reads the directory back, checked.
Beside them are flat tables made for queries, computed by the library's own calendar rules so
that an engine such as DuckDB or Spark answers what the directory answers:

- ``agreement_dates``: one row per agreement: when it is in force, ``effective_on`` to
  ``final_end`` (exclusive; null when no end is known) and its ``final_last_day``; an
  agreement whose start is not known has a null ``effective_on`` and is in force on no day;
- ``periods``: one row per period of each agreement (none when its start is not known):
  ``renewal`` (0 for the initial term), ``start``, exclusive ``end``, ``last_day`` and the
  period's ``notice_deadline``;
- ``parties``: one row per party of each agreement;
- ``contributions``: one row per party's contribution to a funded agreement (``funding``).

Every flat table has the agreement's ``position`` in the directory, so that answers can come in
directory order. Each file is written atomically.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lifesci_partners._agreement import Agreement
from lifesci_partners._announcement import Announcement
from lifesci_partners._arguments import a_path, an_instance
from lifesci_partners._arrow import _Builder, _pa, from_arrow, to_arrow
from lifesci_partners._directory import Directory
from lifesci_partners._funding import Contribution
from lifesci_partners._json._document import atomic_writer
from lifesci_partners._json._versions import DOCUMENT_FORMAT, DOCUMENT_VERSION
from lifesci_partners._organization import Organization
from lifesci_partners._shown import describe
from lifesci_partners.exceptions import MissingExtraError, ValidationError, WrongTypeError

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["read_parquet", "write_parquet"]

_KINDS: dict[str, type] = {
    "organizations": Organization,
    "agreements": Agreement,
    "announcements": Announcement,
}
_SUFFIX = ".parquet"
_DEFAULT_UNTIL = dt.date(2100, 1, 1)


def _pq() -> Any:
    _pa()  # the message about the extra, if pyarrow is missing
    try:
        import pyarrow.parquet as pq  # noqa: PLC0415  # optional: imported on first use
    except ImportError:  # pragma: no cover  # part of pyarrow
        raise MissingExtraError("arrow", "Parquet support") from None
    return pq


def _write(table: pa.Table, path: Path) -> None:
    with atomic_writer(path) as file:
        _pq().write_table(table, file)


def _agreement_dates(agreements: tuple[Agreement, ...]) -> pa.Table:
    pa = _pa()
    return pa.table(
        {
            "position": pa.array(range(len(agreements)), pa.int64()),
            "agreement_id": pa.array([a.id for a in agreements], pa.string()),
            "kind": pa.array([a.kind.value for a in agreements], pa.string()),
            "effective_on": pa.array([a.effective_on for a in agreements], pa.date32()),
            "final_end": pa.array([a.final_end for a in agreements], pa.date32()),
            "final_last_day": pa.array([a.final_last_day for a in agreements], pa.date32()),
        }
    )


def _periods(agreements: tuple[Agreement, ...], start: dt.date, until: dt.date) -> pa.Table:
    """The periods that overlap ``[start, until)``, each with its notice deadline."""
    columns: dict[str, list[Any]] = {
        k: [] for k in ("position", "agreement_id", "renewal", "start", "end", "last_day")
    }
    columns["notice_deadline"] = []
    for position, agreement in enumerate(agreements):
        effective_on = agreement.effective_on
        if effective_on is None:
            continue  # start not known: no period
        schedule = agreement._schedule  # noqa: SLF001  # the package's own model, as the directory reads it
        first = schedule.index_on(max(start, effective_on))
        if first is None:
            first = 0 if effective_on >= start else None
        k = first
        while k is not None and (schedule.last_index is None or k <= schedule.last_index):
            period = schedule.period(k)
            if period.start >= until or (period.end is not None and period.end <= start):
                break
            columns["position"].append(position)
            columns["agreement_id"].append(agreement.id)
            columns["renewal"].append(k)
            columns["start"].append(period.start)
            columns["end"].append(period.end)
            columns["last_day"].append(period.last_day)
            columns["notice_deadline"].append(schedule.deadline(k))
            if period.end is None:
                break
            k += 1
    pa = _pa()
    types = {"position": pa.int64(), "agreement_id": pa.string(), "renewal": pa.int32()}
    return pa.table({k: pa.array(v, types.get(k, pa.date32())) for k, v in columns.items()})


def _parties(agreements: tuple[Agreement, ...]) -> pa.Table:
    pa = _pa()
    rows = [
        (position, agreement.id, index, party.org, party.role)
        for position, agreement in enumerate(agreements)
        for index, party in enumerate(agreement.parties)
    ]
    names = ("position", "agreement_id", "party_index", "org", "role")
    types = (pa.int64(), pa.string(), pa.int32(), pa.string(), pa.string())
    return pa.table(
        {
            n: pa.array([row[i] for row in rows], t)
            for i, (n, t) in enumerate(zip(names, types, strict=True))
        }
    )


def _contributions(agreements: tuple[Agreement, ...]) -> pa.Table:
    pa = _pa()
    codec = _Builder().codec(Contribution)
    rows = []
    for position, agreement in enumerate(agreements):
        funding = agreement.funding
        for index, part in enumerate(() if funding is None else funding.contributions):
            rows.append(
                {
                    "position": position,
                    "agreement_id": agreement.id,
                    "contribution_index": index,
                    **codec.to_arrow(part),
                }
            )
    struct = codec.arrow
    schema = pa.schema(
        [
            pa.field("position", pa.int64()),
            pa.field("agreement_id", pa.string()),
            pa.field("contribution_index", pa.int32()),
            *(struct.field(i) for i in range(struct.num_fields)),
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def write_parquet(
    directory: Directory,
    folder: str | os.PathLike[str],
    *,
    periods_between: tuple[dt.date, dt.date] | None = None,
) -> list[Path]:
    """Write a directory as Parquet files in ``folder``: one table per kind, and query tables.

    ``organizations``, ``agreements`` and ``announcements`` hold the models
    (:func:`~lifesci_partners.arrow_schema`), ``directory`` the rest of the document; they are
    what :func:`read_parquet` reads. ``agreement_dates``, ``periods``, ``parties`` and
    ``contributions`` (of funded agreements) are flat tables for queries, described in
    :doc:`/scale`. Each file replaces its old version atomically.

    Args:
        directory: The directory to write.
        folder: Where to write the files; made if it does not exist.
        periods_between: The days whose periods the ``periods`` table holds (half-open): an
            agreement that renews without limit has a period a day, or a year, until 9999. By
            default, from the earliest effective date to 2100-01-01.

    Returns:
        The files written.

    Raises:
        OSError: A file cannot be written.
        MissingExtraError: pyarrow is not installed.

    Example:
        >>> import tempfile
        >>> from lifesci_partners import examples, read_parquet, write_parquet
        >>> folder = tempfile.mkdtemp()
        >>> for path in write_parquet(examples.link_j_mpr(), folder):
        ...     print(path.name)
        organizations.parquet
        agreements.parquet
        announcements.parquet
        directory.parquet
        agreement_dates.parquet
        periods.parquet
        parties.parquet
        contributions.parquet
        >>> read_parquet(folder) == examples.link_j_mpr()
        True

    .. versionadded:: 0.2.0
    """
    an_instance(directory, Directory, "write_parquet", "a Directory")
    target = a_path(folder, "write_parquet")
    if periods_between is not None and (
        not isinstance(periods_between, (tuple, list))
        or len(periods_between) != 2  # noqa: PLR2004  # a start and an end
        or not all(
            isinstance(day, dt.date) and not isinstance(day, dt.datetime) for day in periods_between
        )
    ):
        msg = (
            "write_parquet() takes periods_between=(start, end), two datetime.date, "
            f"got {describe(periods_between)}"
        )
        raise WrongTypeError(msg)
    pa = _pa()
    target.mkdir(parents=True, exist_ok=True)
    agreements = directory.agreements
    if periods_between is None:
        starts = (a.effective_on for a in agreements if a.effective_on is not None)
        earliest = min(starts, default=_DEFAULT_UNTIL)
        periods_between = (min(earliest, _DEFAULT_UNTIL), _DEFAULT_UNTIL)
    tables: dict[str, Any] = {
        name: to_arrow(getattr(directory, name), cls) for name, cls in _KINDS.items()
    }
    tables["directory"] = pa.table(
        {
            "format": pa.array([DOCUMENT_FORMAT], pa.string()),
            "version": pa.array([DOCUMENT_VERSION], pa.int64()),
            "complete_partnerships": pa.array(
                [list(directory.complete_partnerships)], pa.list_(pa.string())
            ),
            "periods_from": pa.array([periods_between[0]], pa.date32()),
            "periods_until": pa.array([periods_between[1]], pa.date32()),
        }
    )
    tables["agreement_dates"] = _agreement_dates(agreements)
    tables["periods"] = _periods(agreements, *periods_between)
    tables["parties"] = _parties(agreements)
    tables["contributions"] = _contributions(agreements)
    written = []
    for name, table in tables.items():
        path = target / f"{name}{_SUFFIX}"
        _write(table, path)
        written.append(path)
    return written


def _read_kind(pq: Any, folder: Path, name: str, errors: list[str]) -> list[Any]:
    """The models of one kind's table; its problems go to ``errors``, under the kind's path."""
    try:
        return from_arrow(pq.read_table(folder / f"{name}{_SUFFIX}"), _KINDS[name])
    except ValidationError as exc:
        errors.extend(f"$.{name}{e[1:]}" for e in exc.errors)
        return []


def read_parquet(folder: str | os.PathLike[str]) -> Directory:
    """Read a directory written by :func:`write_parquet`, checking everything.

    The tables of the kinds are read as :func:`~lifesci_partners.from_arrow` reads them and the
    directory is built as :func:`~lifesci_partners.load` builds it: every problem is reported at
    once, with its path (``$.agreements[3].parties[0].org``). The query tables are not read.

    Args:
        folder: The folder that :func:`write_parquet` wrote.

    Returns:
        The directory.

    Raises:
        ValidationError: A table is not valid, or the directory is not (duplicate ids,
            references to nothing).
        OSError: A file is missing or cannot be read.
        MissingExtraError: pyarrow is not installed.

    .. versionadded:: 0.2.0
    """
    source = a_path(folder, "read_parquet")
    pq = _pq()
    header = pq.read_table(source / f"directory{_SUFFIX}").to_pylist()
    errors: list[str] = []
    if len(header) != 1:
        errors.append(f"$: directory{_SUFFIX} must hold one row, it holds {len(header)}")
    elif (header[0].get("format"), header[0].get("version")) != (DOCUMENT_FORMAT, DOCUMENT_VERSION):
        errors.append(
            f"$.version: expected format {DOCUMENT_FORMAT!r} version {DOCUMENT_VERSION}, got "
            f"{header[0].get('format')!r} version {header[0].get('version')!r}"
        )
    items = {name: _read_kind(pq, source, name, errors) for name in _KINDS}
    if errors:
        raise ValidationError(errors)
    return Directory(
        items["organizations"],
        items["agreements"],
        announcements=items["announcements"],
        complete_partnerships=header[0]["complete_partnerships"] or (),
    )
