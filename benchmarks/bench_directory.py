"""Directory queries on 100,000 agreements: the indexes against a scan of every agreement.

Both sides answer the same questions in the same run and must agree; the times, the ratios and
the average number of answers ``k`` are printed. Goal: each indexed query at least 50x faster
than the scan once its index is built (it costs O(log n + k), the scan O(n)), including "in
force on a day", whose answer here is a tenth of the agreements. The build times are printed.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from typing import Any

from benchmarks import _timing
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


def _models(seed: int = 2020) -> tuple[list[Organization], list[Agreement]]:
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
    return orgs, agreements


def _time(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def _days(seed: int = 7) -> list[dt.date]:
    rng = random.Random(seed)
    first = dt.date(1995, 1, 1).toordinal()
    return [dt.date.fromordinal(first + rng.randrange(365 * 30)) for _ in range(QUERIES)]


def _compare(
    name: str, indexed: Callable[[], Any], scan: Callable[[], Any], queries: int = QUERIES
) -> None:
    fast, got = _time(indexed)
    slow, expected = _time(scan)
    if got != expected:
        msg = f"{name}: the index and the scan disagree"
        raise AssertionError(msg)
    k = sum(map(len, got)) / queries
    _timing.goal(f"directory {name}: x linear scan", slow / fast, 50)
    print(
        f"{name:<26} index {fast * 1e6 / queries:8.1f} µs/query   "
        f"scan {slow * 1e6 / queries:9.1f} µs/query   x{slow / fast:<6,.0f} k = {k:,.1f}"
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


def _scan_deadlines(
    agreements: tuple[Agreement, ...], start: dt.date, end: dt.date
) -> tuple[tuple[dt.date, Agreement], ...]:
    found = []
    for index, agreement in enumerate(agreements):
        day = agreement.next_notice_deadline(on=start)
        while day is not None and day < end:
            found.append((day, index))
            day = agreement.next_notice_deadline(on=day + dt.timedelta(days=1))
    return tuple((day, agreements[index]) for day, index in sorted(found))


def main() -> None:
    """Build a directory of 100,000 agreements and time its queries."""
    made, (orgs, agreements_made) = _time(_models)
    built, directory = _time(lambda: Directory(orgs, agreements_made))
    print(
        f"{N:,} agreements, {ORGANIZATIONS:,} organizations: models built in {made:.1f} s, "
        f"the directory checked and indexed in {built:.2f} s"
    )
    days = _days()
    agreements = directory.agreements
    for name, warm in (
        ("in force index", lambda: directory.in_force_on(days[0])),
        ("expiry index", lambda: directory.expiring_between(days[0], days[0])),
        ("deadline index", lambda: directory.notice_deadlines_between(days[0], days[0])),
    ):
        seconds, _ = _time(warm)
        print(f"{name + ' built in':<26} {seconds:.2f} s (once, on the first query)")
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
    few = days[:10]  # the scan computes every agreement's next deadline: 2 s a query
    _compare(
        "notice_deadlines (1 week)",
        lambda: [directory.notice_deadlines_between(d, d + week) for d in few],
        lambda: [_scan_deadlines(agreements, d, d + week) for d in few],
        len(few),
    )
