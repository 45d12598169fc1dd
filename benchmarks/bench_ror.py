"""``load_ror`` over a registry-sized dump against ``json.load`` of the same file.

The dump is the real sample (``../shared/data/ror``, else the fixtures in ``tests/data``)
repeated under new, valid ROR ids up to ``LSP_BENCH_ROR_RECORDS`` records (default 120,000, the
size of the whole registry), written once to a temporary JSON file. Time: the median of a few
interleaved rounds in this process. Memory: tracemalloc, each reader in a fresh interpreter:
the peak while reading, and what the result holds afterwards.

Goals (issue 12): ``load_ror`` within 2.5x of ``json.load``'s time; its peak no more than
``json.load``'s peak plus the organizations it holds.
"""

from __future__ import annotations

import copy
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import _timing

N = int(os.environ.get("LSP_BENCH_ROR_RECORDS", "120000"))
ROUNDS = _timing.ROUNDS  # LSP_BENCH_ROUNDS=1 for one quick round at registry size
_ROOT = Path(__file__).resolve().parent.parent
_SHARED = _ROOT.parent / "shared" / "data" / "ror" / "ror-v2-sample-4000.json.gz"
_FIXTURES = _ROOT / "tests" / "data" / "ror-records.json"
_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"

_MEMORY = """
import gc, json, sys, tracemalloc
sys.path.insert(0, {root!r})
from lifesci_partners import load_ror
path = {path!r}
def read_json():
    with open(path, "rb") as file:
        return json.load(file)
read = read_json if {which!r} == "json.load" else (lambda: load_ror(path))
gc.collect()
tracemalloc.start()
result = read()
gc.collect()
held, peak = tracemalloc.get_traced_memory()
print(held, peak)
"""


def _sample() -> list[dict[str, Any]]:
    if _SHARED.exists():
        with gzip.open(_SHARED) as file:
            records: list[dict[str, Any]] = json.load(file)
            return records
    fixtures: list[dict[str, Any]] = json.loads(_FIXTURES.read_text(encoding="utf-8"))
    return fixtures


def _ror_id(number: int) -> str:
    from lifesci_partners._identifiers import ror_check_digits  # noqa: PLC0415

    body = ""
    for _ in range(6):
        number, digit = divmod(number, 32)
        body = _CROCKFORD[digit] + body
    return f"0{body}{ror_check_digits(body)}"


def write_dump(path: Path, count: int) -> None:
    """Write ``count`` records: the sample again and again, each copy under a new ROR id."""
    sample = _sample()
    with path.open("w", encoding="utf-8") as file:
        file.write("[\n")
        for index in range(count):
            record = copy.copy(sample[index % len(sample)])
            record["id"] = f"https://ror.org/{_ror_id(index + 1)}"
            if index:
                file.write(",\n")
            file.write(json.dumps(record, ensure_ascii=False))
        file.write("\n]\n")


def _memory(which: str, path: Path) -> tuple[int, int]:
    code = _MEMORY.format(root=str(_ROOT / "src"), path=str(path), which=which)
    out = subprocess.run(  # noqa: S603  # our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), int(out[1])


def main() -> None:
    """Time and measure both readers on a registry-sized dump, and record the goals."""
    from lifesci_partners import load_ror  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ror-dump.json"
        write_dump(path, N)
        size = path.stat().st_size
        print(f"{N:,} ROR records, {size / 2**20:,.0f} MiB of JSON")

        def read_json() -> object:
            with path.open("rb") as file:
                return json.load(file)

        results = _timing.run(
            {"json.load": read_json, "load_ror": lambda: load_ror(path)}, rounds=ROUNDS
        )
        _timing.table("reading the dump", results, items=N, against=["json.load"])
        ratio = results["load_ror"].median / results["json.load"].median
        _timing.goal("load_ror time / json.load time", ratio, 2.5, higher_is_better=False)

        json_held, json_peak = _memory("json.load", path)
        ror_held, ror_peak = _memory("load_ror", path)
    mib = 2**20
    print("\nmemory (tracemalloc, each reader in a fresh interpreter)")
    print(f"  {'':12} {'peak MiB':>10} {'held MiB':>10} {'peak/record':>12}")
    for name, held, peak in (("json.load", json_held, json_peak), ("load_ror", ror_held, ror_peak)):
        print(f"  {name:12} {peak / mib:10,.0f} {held / mib:10,.0f} {peak / N:10,.0f} B")
    allowed = json_peak + ror_held
    print(f"  goal: load_ror's peak <= json.load's peak + organizations = {allowed / mib:,.0f} MiB")
    _timing.goal(
        "load_ror peak / (json.load peak + held)", ror_peak / allowed, 1.0, higher_is_better=False
    )


if __name__ == "__main__":
    main()
