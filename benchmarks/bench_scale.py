"""At scale: JSON Lines streaming, Arrow tables, and the in-force query in DuckDB.

1. ``dump_jsonl`` and ``iter_jsonl`` over ``LSP_BENCH_SCALE_AGREEMENTS`` agreements (default
   1,000,000), made by a generator: throughput, and the peak memory (tracemalloc, in a fresh
   interpreter) at a tenth of the count and at the whole count, which must be the same: memory
   flat, not growing with the file.
2. ``to_arrow`` against ``pyarrow.Table.from_pylist(to_dict(...))`` (the schema inferred from
   the JSON form) on ``LSP_BENCH_SCALE_TABLE`` agreements (default 100,000).
3. The agreements in force on a day, over a directory of ``LSP_BENCH_SCALE_TABLE`` agreements:
   DuckDB on the Parquet files against ``Directory.in_force_on`` and a scan of every agreement.

Needs the ``scale`` dependency group (pyarrow, duckdb), which ``./dev bench`` installs.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from benchmarks import _timing

N = int(os.environ.get("LSP_BENCH_SCALE_AGREEMENTS", "1000000"))
TABLE = int(os.environ.get("LSP_BENCH_SCALE_TABLE", "100000"))
ORGS = 1000
DAYS = [dt.date(2001, 6, 30), dt.date(2010, 1, 1), dt.date(2024, 2, 29), dt.date(2031, 12, 31)]
_ROOT = Path(__file__).resolve().parent.parent
_FIRST = dt.date(2000, 1, 1)

_MEMORY = """
import gc, sys, tracemalloc
sys.path[:0] = [{root!r}, {src!r}]
from benchmarks.bench_scale import agreements
from lifesci_partners import Agreement, dump_jsonl, iter_jsonl
path, count, which = {path!r}, {count}, {which!r}
gc.collect()
tracemalloc.start()
if which == "dump_jsonl":
    dump_jsonl(agreements(count), path)
else:
    for _ in iter_jsonl(path, Agreement):
        pass
print(tracemalloc.get_traced_memory()[1])
"""


def agreements(count: int) -> Iterator[object]:
    """``count`` agreements between ``ORGS`` organizations, made one at a time."""
    from lifesci_partners import Agreement, AgreementKind, Party, Renewal, Term  # noqa: PLC0415

    renewal = Renewal(Term(years=1), notice=Term(months=3))
    for i in range(count):
        first, second = i % ORGS, (i * 7 + 1) % ORGS
        yield Agreement(
            id=f"agreement-{i}",
            kind=AgreementKind.MOU if i % 3 else AgreementKind.COOPERATION,
            parties=[Party(f"org-{first}"), Party(f"org-{second if second != first else ORGS}")],
            effective_on=_FIRST + dt.timedelta(days=i % 9000),
            term=Term(years=1 + i % 5),
            renewal=renewal if i % 4 == 0 else None,
        )


def _peak(which: str, path: Path, count: int) -> int:
    code = _MEMORY.format(
        root=str(_ROOT), src=str(_ROOT / "src"), path=str(path), count=count, which=which
    )
    out = subprocess.run(  # noqa: S603  # our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return int(out.split()[-1])


def _json_lines(folder: Path) -> None:
    from lifesci_partners import Agreement, dump_jsonl, iter_jsonl  # noqa: PLC0415

    path = folder / "agreements.jsonl"

    def read() -> int:
        return sum(1 for _ in iter_jsonl(path, Agreement))

    dumped = _timing.run({"dump_jsonl": lambda: dump_jsonl(agreements(N), path)}, rounds=1)
    size = path.stat().st_size
    read_back = _timing.run({"iter_jsonl": read}, rounds=1)
    print(f"{N:,} agreements, {size / 2**20:,.0f} MiB of JSON Lines")
    _timing.table("JSON Lines", {**dumped, **read_back}, items=N)
    mib = 2**20
    print("\npeak memory (tracemalloc, a fresh interpreter each)")
    small = max(N // 10, 1)
    tenth_path = folder / "tenth.jsonl"
    peaks = {
        "dump_jsonl": (_peak("dump_jsonl", tenth_path, small), _peak("dump_jsonl", path, N)),
        "iter_jsonl": (_peak("iter_jsonl", tenth_path, small), _peak("iter_jsonl", path, N)),
    }
    for which, (tenth, whole) in peaks.items():
        print(f"  {which:10} {small:>9,}: {tenth / mib:6.2f} MiB   {N:,}: {whole / mib:6.2f} MiB")
        _timing.goal(f"{which} peak, N / (N/10)", whole / tenth, 1.1, higher_is_better=False)


def _arrow() -> None:
    import pyarrow as pa  # noqa: PLC0415

    from lifesci_partners import Agreement, to_arrow, to_dict  # noqa: PLC0415

    items = list(agreements(TABLE))
    results = _timing.run(
        {
            "from_pylist(to_dict)": lambda: pa.Table.from_pylist([to_dict(a) for a in items]),
            "to_arrow": lambda: to_arrow(items, Agreement),
        },
    )
    title = f"{TABLE:,} agreements to Arrow"
    _timing.table(title, results, items=TABLE, against=["from_pylist(to_dict)"])
    ratio = results["to_arrow"].median / results["from_pylist(to_dict)"].median
    # to_arrow does more: dates as dates, exact decimals, one schema whatever the rows hold.
    _timing.goal("to_arrow time / from_pylist(to_dict) time", ratio, 2.0, higher_is_better=False)


def _in_force(folder: Path) -> None:
    import duckdb  # noqa: PLC0415

    from lifesci_partners import (  # noqa: PLC0415
        Directory,
        LocalizedText,
        Organization,
        write_parquet,
    )

    orgs = [Organization(f"org-{i}", LocalizedText({"en": f"Org {i}"})) for i in range(ORGS + 1)]
    directory = Directory(orgs, list(agreements(TABLE)))
    files = folder / "parquet"
    write_parquet(directory, files, periods_between=(_FIRST, _FIRST))
    db = duckdb.connect()
    db.read_parquet(str(files / "agreement_dates.parquet")).create_view("agreement_dates")
    sql = """
        SELECT agreement_id FROM agreement_dates
        WHERE effective_on <= $day AND (final_end IS NULL OR $day < final_end)
        ORDER BY position
    """
    directory.in_force_on(DAYS[0])  # the index, built once

    def duck() -> object:
        return [db.execute(sql, {"day": day}).fetchall() for day in DAYS]

    def indexed() -> object:
        return [directory.in_force_on(day) for day in DAYS]

    def scan() -> object:
        return [[a for a in directory.agreements if a.in_force_on(day)] for day in DAYS]

    for day in DAYS:
        answer = [row[0] for row in db.execute(sql, {"day": day}).fetchall()]
        if answer != [a.id for a in directory.in_force_on(day)]:
            msg = f"DuckDB and the directory disagree on {day}"
            raise SystemExit(msg)
    results = _timing.run(
        {"scan": scan, "Directory.in_force_on": indexed, "DuckDB": duck},
    )
    _timing.table(
        f"in force on {len(DAYS)} days, {TABLE:,} agreements",
        results,
        items=len(DAYS),
        unit="queries/s",
        against=["scan"],
    )


def main() -> None:
    """Run the three comparisons."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _json_lines(folder)
        _arrow()
        _in_force(folder)


if __name__ == "__main__":
    main()
