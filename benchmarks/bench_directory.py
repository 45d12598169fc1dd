"""Directory queries over 100,000 agreements against a linear scan of the same agreements.

The directory is built once (its build time is printed); each query then runs for several days
(or organizations), and each result must equal the scan's. Goal (issue 8): every query at least
50x faster than the scan. Queries the directory does not have yet are reported as missing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from benchmarks import _data, _timing
from lifesci_partners import Agreement, Directory, Organization, from_dict

QUERIES = 10


def _scan_in_force(agreements: tuple[Agreement, ...], day: dt.date) -> tuple[Agreement, ...]:
    return tuple(a for a in agreements if a.in_force_on(day))


def _scan_expiring(
    agreements: tuple[Agreement, ...], start: dt.date, end: dt.date
) -> tuple[Agreement, ...]:
    return tuple(
        a for a in agreements if a.final_last_day is not None and start <= a.final_last_day < end
    )


def _scan_partners(agreements: tuple[Agreement, ...], org: str, day: dt.date) -> set[str]:
    return {
        p.org
        for a in agreements
        if a.in_force_on(day) and any(p.org == org for p in a.parties)
        for p in a.parties
        if p.org != org
    }


def main() -> None:
    """Build the directory once, then time each query against the scan."""
    records = _data.agreements()
    agreements = from_dict(records, tuple[Agreement, ...])
    organizations = from_dict(_data.organizations(), tuple[Organization, ...])
    start = _timing.clock()
    directory = Directory(organizations=organizations, agreements=agreements)
    built = _timing.clock() - start
    print(f"Directory of {len(agreements):,} agreements built in {built:.3f} s")

    rng = random.Random(_data.SEED)
    days = [
        dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(45 * 365)) for _ in range(QUERIES)
    ]
    orgs = [f"org-{rng.randrange(_data.ORGANIZATIONS):04d}" for _ in range(QUERIES)]
    windows = [(d, d + dt.timedelta(days=90)) for d in days]

    queries: dict[str, tuple[Callable[[], Any], Callable[[], Any]]] = {
        "in_force_on(day)": (
            lambda: [directory.in_force_on(d) for d in days],
            lambda: [_scan_in_force(agreements, d) for d in days],
        ),
    }
    if hasattr(directory, "expiring_between"):
        queries["expiring_between(start, end)"] = (
            lambda: [directory.expiring_between(s, e) for s, e in windows],  # type: ignore[attr-defined]
            lambda: [_scan_expiring(agreements, s, e) for s, e in windows],
        )
    else:
        print("  expiring_between: not in the directory yet")
    if hasattr(directory, "partners_of"):
        queries["partners_of(org, on=day)"] = (
            lambda: [directory.partners_of(o, on=d) for o, d in zip(orgs, days, strict=True)],  # type: ignore[attr-defined]
            lambda: [_scan_partners(agreements, o, d) for o, d in zip(orgs, days, strict=True)],
        )
    else:
        print("  partners_of: not in the directory yet")

    for name, (query, scan) in queries.items():
        got, want = query(), scan()
        if [set(map(_key, g)) for g in got] != [set(map(_key, w)) for w in want]:
            msg = f"{name} and the linear scan disagree"
            raise SystemExit(msg)
        results = _timing.run({"directory": query, "linear scan": scan})
        _timing.table(
            f"{name}, {QUERIES} queries",
            results,
            items=QUERIES,
            unit="queries/s",
            against=("linear scan",),
        )
        ratio = results["linear scan"].median / results["directory"].median
        _timing.goal(f"directory {name}: x linear scan", ratio, 50)


def _key(item: object) -> object:
    """What identifies a query's answer: an agreement's id, or the item itself."""
    return getattr(item, "id", item)


if __name__ == "__main__":
    main()
    _timing.summary()
