"""Interleaved timing, the table of results and the verdict on each goal.

Every case of a comparison runs once per round, the cases in turn, so that a noisy neighbour on a
shared machine slows all of them alike; the median of the rounds is the figure, with min and max
beside it. Ratios are taken between medians measured in the same run.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

ROUNDS = int(os.environ.get("LSP_BENCH_ROUNDS", "5"))
"""Rounds per comparison; ``LSP_BENCH_ROUNDS=3 ./dev bench`` for a quicker, noisier run."""


@dataclass
class Result:
    """The times of one case over the rounds, in seconds."""

    name: str
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def run(
    cases: dict[str, Callable[[], object]],
    *,
    rounds: int = ROUNDS,
    gc_enabled: bool = True,
    setup: Callable[[], object] | None = None,
) -> dict[str, Result]:
    """Time each case ``rounds`` times, interleaved, in CPU seconds; the collector as asked.

    Whatever a case returns is dropped (and collected) before the next case runs, outside the
    timing. With the collector on, the timing ends with a collection of the youngest generation.
    """
    results = {name: Result(name) for name in cases}
    was_enabled = gc.isenabled()
    try:
        for _ in range(rounds):
            for name, case in cases.items():
                if setup is not None:
                    setup()
                gc.collect()
                if gc_enabled:
                    gc.enable()
                else:
                    gc.disable()
                start = time.process_time()  # CPU time: a busy neighbour does not count
                out = case()
                if gc_enabled:
                    # A case that pauses the collector leaves its new objects to the next
                    # collection of the youngest generation: that is part of its cost.
                    gc.collect(0)
                elapsed = time.process_time() - start
                gc.enable()
                del out
                results[name].times.append(elapsed)
    finally:
        if was_enabled:
            gc.enable()
        else:
            gc.disable()
    return results


def table(
    title: str,
    results: dict[str, Result],
    *,
    items: int,
    unit: str = "records/s",
    against: Sequence[str] = (),
) -> None:
    """Print one row per case: median, min and max time, the rate, and ratios to ``against``."""
    print(f"\n{title}")
    head = f"  {'':38} {'median':>9} {'min':>9} {'max':>9} {unit:>13}"
    head += "".join(f" {'x ' + a[:12]:>15}" for a in against)
    print(head)
    for result in results.values():
        median = result.median
        row = f"  {result.name:38} {median:9.4f} {min(result.times):9.4f} {max(result.times):9.4f}"
        row += f" {items / median:13,.0f}"
        for name in against:
            row += f" {results[name].median / median:15.2f}"
        print(row)
    if against:
        print(f"  (x NAME: how many times faster than NAME; times in seconds, {ROUNDS} rounds)")


@dataclass
class Goal:
    """A goal stated as a ratio that must reach ``target``."""

    name: str
    measured: float
    target: float
    higher_is_better: bool = True

    @property
    def met(self) -> bool:
        if self.higher_is_better:
            return self.measured >= self.target
        return self.measured <= self.target


GOALS: list[Goal] = []
"""The goals measured so far in this run; ``python -m benchmarks`` prints them at the end."""


def goal(name: str, measured: float, target: float, *, higher_is_better: bool = True) -> None:
    """Record a goal's measured ratio for the summary."""
    GOALS.append(Goal(name, measured, target, higher_is_better))


def summary() -> None:
    """Print every recorded goal as met or not, and by how much."""
    if not GOALS:
        return
    print("\n== goals")
    for g in GOALS:
        sign = ">=" if g.higher_is_better else "<="
        verdict = "met" if g.met else "NOT met"
        print(f"  {g.name:58} {g.measured:7.2f}  (goal {sign} {g.target:g})  {verdict}")


def clock() -> float:
    """The timer used everywhere here."""
    return time.perf_counter()
