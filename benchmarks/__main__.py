"""Run every benchmark module (``bench_*.py``) in this directory: ``python -m benchmarks``."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks
from benchmarks import _environment, _timing


def main(argv: list[str]) -> int:
    """Run the benchmarks whose module names contain any of ``argv`` (all if none)."""
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if info.name.startswith("bench_")
    )
    chosen = [n for n in names if not argv or any(a in n for a in argv)]
    _environment.describe()
    for name in chosen:
        print(f"\n== {name}")
        importlib.import_module(f"benchmarks.{name}").main()
    _timing.summary()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
