"""Directory queries on 100,000 agreements: the indexes against a scan of every agreement.

Both sides answer the same questions in the same run and must agree; the times and ratios are
printed. Goal: each indexed query at least 100x faster than the scan once its index is built, so
that it stays O(log n + k) rather than O(n).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from typing import Any

from lifesci_partners import (
    Address,
    Agreement,
    AgreementKind,
    Directory,
    LocalizedText,
    Organization,
    Party,
    Renewal,
    Term,
)

N = 100_000
ORGANIZATIONS = 2_000
QUERIES = 200
COUNTRIES = ("JP", "FR", "DE", "US", "DK")


def _directory(seed: int = 2020) -> Directory:
    rng = random.Random(seed)
    orgs = [
        Organization(
            id=f"o{i}",
            name=LocalizedText({"en": f"Org {i}"}),
            headquarters=Address(rng.choice(COUNTRIES)),
        )
        for i in range(ORGANIZATIONS)
    ]
    first = dt.date(1990, 1, 1).toordinal()
    agreements = []
    for i in range(N):
        a, b = rng.sample(range(ORGANIZATIONS), 2)
        renews = rng.random() < 0.2  # one agreement in five renews
        agreements.append(
            Agreement(
                id=f"a{i}",
                kind=AgreementKind.MOU,
                parties=(Party(f"o{a}"), Party(f"o{b}")),
                effective_on=dt.date.fromordinal(first + rng.randrange(365 * 35)),
                term=Term(years=rng.choice((1, 2, 3, 5))),
                renewal=Renewal(Term(years=1), max_renewals=5, notice=Term(months=3))
                if renews
                else None,
            )
        )
    return Directory(orgs, agreements)


def _time(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def _days(seed: int = 7) -> list[dt.date]:
    rng = random.Random(seed)
    first = dt.date(1995, 1, 1).toordinal()
    return [dt.date.fromordinal(first + rng.randrange(365 * 30)) for _ in range(QUERIES)]


def _compare(name: str, indexed: Callable[[], Any], scan: Callable[[], Any]) -> None:
    fast, got = _time(indexed)
    slow, expected = _time(scan)
    if got != expected:
        msg = f"{name}: the index and the scan disagree"
        raise AssertionError(msg)
    print(
        f"{name:<28} index {fast * 1e6 / QUERIES:9.1f} µs/query   "
        f"scan {slow * 1e6 / QUERIES:10.1f} µs/query   x{slow / fast:,.0f}"
    )


def _scan_partners(agreements: tuple[Agreement, ...], org: str, day: dt.date) -> tuple[str, ...]:
    began: dict[str, dt.date] = {}
    current = set()
    for a in agreements:
        ids = [p.org for p in a.parties]
        if org in ids:
            for other in ids:
                if other != org:
                    began[other] = min(began.get(other, a.effective_on), a.effective_on)
                    if a.in_force_on(day):
                        current.add(other)
    return tuple(sorted(current, key=lambda p: (began[p], p)))


def main() -> None:
    """Build a directory of 100,000 agreements and time its queries."""
    built, directory = _time(_directory)
    print(f"{N:,} agreements, {ORGANIZATIONS:,} organizations: built and checked in {built:.1f} s")
    days = _days()
    agreements = directory.agreements
    for name, warm in (
        ("in force index", lambda: directory.in_force_on(days[0])),
        ("expiry index", lambda: directory.expiring_between(days[0], days[0])),
        ("deadline index", lambda: directory.notice_deadlines_between(days[0], days[0])),
    ):
        seconds, _ = _time(warm)
        print(f"{name + ' built in':<28} {seconds:.2f} s (once, on the first query)")
    _compare(
        "in_force_on",
        lambda: [directory.in_force_on(d) for d in days],
        lambda: [tuple(a for a in agreements if a.in_force_on(d)) for d in days],
    )
    week = dt.timedelta(days=7)
    _compare(
        "expiring_between (1 week)",
        lambda: [directory.expiring_between(d, d + week) for d in days],
        lambda: [
            tuple(
                sorted(
                    (
                        a
                        for a in agreements
                        if a.final_last_day is not None and d <= a.final_last_day < d + week
                    ),
                    key=lambda a: (a.final_last_day, int(a.id[1:])),
                )
            )
            for d in days
        ],
    )
    _compare(
        "partners_of(on=day)",
        lambda: [tuple(o.id for o in directory.partners_of("o1", on=d)) for d in days],
        lambda: [_scan_partners(agreements, "o1", d) for d in days],
    )
    fast, found = _time(lambda: [directory.notice_deadlines_between(d, d + week) for d in days])
    print(
        f"{'notice_deadlines_between':<28} index {fast * 1e6 / QUERIES:9.1f} µs/query "
        f"({sum(map(len, found)) / QUERIES:.1f} deadlines a week)"
    )
