"""``import lifesci_partners`` against importing attrs, cattrs and babel themselves.

Each import runs in a fresh interpreter (so nothing is cached in ``sys.modules``), the kinds
interleaved, several times, with bytecode caches written (as for an installed package); the
figure is the median time of the import alone, without the interpreter's start-up. Goal
(issue 8): at most 1.3x the baseline, with no CLDR locale data loaded by the import.

``import lifesci_partners`` imports each module on the first use of one of its names, so the
benchmark also times what programs do next: take the models, read JSON, format, or take every
public name at once (``from lifesci_partners import *``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

from benchmarks import _timing

_PROBE = """
import time
start = time.perf_counter()
{statement}
elapsed = time.perf_counter() - start
import sys
import babel.localedata
loaded = len(getattr(babel.localedata, "_cache", {{}}))
print(elapsed, loaded, len(sys.modules))
"""

CASES = [
    "import lifesci_partners",
    "from lifesci_partners import Agreement, Money",
    "from lifesci_partners import from_json",
    "from lifesci_partners import Formatter",
    "from lifesci_partners import *",
    "import attrs, cattrs, babel",
    "import attrs, cattrs, babel.numbers, babel.dates",
    "import pydantic",
    "import msgspec",
]
RUNS = 15


# Bytecode caches allowed, as for an installed package (pip compiles the wheel's modules; attrs,
# cattrs and babel in site-packages have theirs): with PYTHONDONTWRITEBYTECODE set, an editable
# install would compile every module of ours on every import and nothing of theirs.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _probe(statement: str) -> tuple[float, int, int]:
    proc = subprocess.run(  # noqa: S603  # our own interpreter
        [sys.executable, "-c", _PROBE.format(statement=statement)],
        capture_output=True,
        text=True,
        check=True,
        env=_ENV,
    )
    elapsed, loaded, count = proc.stdout.split()
    return float(elapsed), int(loaded), int(count)


def main() -> None:
    """Time each import in fresh interpreters, interleaved; record the goal."""
    times: dict[str, list[float]] = {name: [] for name in CASES}
    info: dict[str, tuple[int, int]] = {}
    for name in CASES:  # once unmeasured, to write the bytecode caches
        _probe(name)
    for _ in range(RUNS):
        for name in CASES:
            elapsed, loaded, count = _probe(name)
            times[name].append(elapsed)
            info[name] = (loaded, count)
    base = statistics.median(times["import attrs, cattrs, babel"])
    print(f"import time in a fresh interpreter, {RUNS} runs each, interleaved")
    print(f"  {'':50} {'median ms':>10} {'min':>7} {'max':>7} {'x base':>7} {'modules':>8}")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"  {name:50} {median * 1000:10.1f} {min(values) * 1000:7.1f} "
            f"{max(values) * 1000:7.1f} {median / base:7.2f} {info[name][1]:8}"
        )
    loaded = info["import lifesci_partners"][0]
    print(f"  CLDR locales loaded by import lifesci_partners: {loaded}")
    ours = statistics.median(times["import lifesci_partners"])
    _timing.goal(
        "import: x attrs+cattrs+babel (lower is better)", ours / base, 1.3, higher_is_better=False
    )
    _timing.goal("import: CLDR locales loaded", loaded, 0, higher_is_better=False)
    everything = statistics.median(times["from lifesci_partners import *"])
    print(f"  every public name imported: {everything / base:.2f}x attrs+cattrs+babel")


if __name__ == "__main__":
    main()
    _timing.summary()
