"""A whole programme: ``load_cordis`` at Horizon 2020 size, and the funding queries against scans.

The exports are generated as CORDIS writes them (JSON, the fields of the official export,
numbers in scientific notation where CORDIS uses it): ``LSP_BENCH_FUNDING_PROJECTS`` projects
(default 31,500) among 36,000 organizations, about 145,000 participations. The distributions are
the real ones where the data has them, mixed to Horizon 2020's totals:

- consortium sizes: with probability ``SINGLE`` the size of a project of
  ``cordis-plus-2022.csv.gz`` (mostly single-beneficiary grants), else the size of a project of
  the H2020 JSON sample (large collaborative projects); ``SINGLE`` is set so that the mean is
  145,000 / 31,500 = 4.6 participations per project;
- roles: the coordinator first, then the others' roles in the shares of the JSON sample
  (participant, third party, partner); countries in the shares of the JSON sample;
- which organizations take part: half of the draws Zipf-like (a few take part in thousands of
  projects, as CNRS or Fraunhofer do), half uniform (most take part once or twice), an
  assumption, since no sample gives the whole distribution;
- each part a random amount in cents, the maximum the exact sum of the parts in 98% of projects.

Reported in one run: the load time (and ``json.load`` of the same files, for scale), the memory
held per agreement (tracemalloc, in a fresh interpreter), and each query's time against a scan
of every agreement that answers the same question, the first query (index built) apart from the
later ones. Goal: each query at least 50x faster than the scan.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchmarks import _timing

PROJECTS = int(os.environ.get("LSP_BENCH_FUNDING_PROJECTS", "31500"))
ORGANIZATIONS = PROJECTS * 36_000 // 31_500
QUERIES = 200
MEAN_SIZE = 145_000 / 31_500
_ROOT = Path(__file__).resolve().parent.parent

# Consortium sizes: the projects of cordis-plus-2022.csv.gz (their "participations" column), and
# those of the H2020 JSON sample (its participations per project).
_PLUS_SIZES = {1: 703, 2: 144, 3: 9, 4: 4, 5: 1, 8: 1, 12: 2, 13: 1, 14: 1, 15: 1, 16: 1, 17: 1}
_PLUS_SIZES |= {18: 1, 19: 1, 22: 1, 23: 1, 27: 1, 29: 2, 30: 1, 40: 2, 43: 1, 46: 1, 49: 1}
_PLUS_SIZES |= {59: 2}
_SAMPLE_SIZES = [47, 188, 14, 114, 41, 16, 67, 27, 27, 12, 11, 24, 28, 21, 59, 42, 56, 24, 61]
_SAMPLE_SIZES += [41, 10, 9, 9, 44, 73, 11]
# Roles after the coordinator, and countries, in the shares of the H2020 JSON sample.
_ROLES = {"participant": 999, "thirdParty": 46, "partner": 5}
_COUNTRIES = {"DE": 224, "ES": 119, "IT": 111, "FR": 108, "AT": 81, "NL": 74, "FI": 51, "UK": 47}
_COUNTRIES |= {"BE": 45, "SE": 36, "NO": 24, "CZ": 18, "CH": 16, "IE": 14, "EL": 12, "TR": 11}
_COUNTRIES |= {"RO": 10, "PL": 10, "PT": 10, "LT": 7, "HU": 7, "IL": 7, "DK": 6, "LU": 6}
_ACTIVITIES = ("PRC", "HES", "REC", "PUB", "OTH")

_MEMORY = """
import gc, sys, tracemalloc
sys.path.insert(0, {root!r})
from lifesci_partners import load_cordis
gc.collect()
tracemalloc.start()
result = load_cordis({projects!r}, {organizations!r})
gc.collect()
held, peak = tracemalloc.get_traced_memory()
print(held, peak, len(result.directory.agreements))
"""


def _mean(sizes: dict[int, int]) -> float:
    return sum(k * v for k, v in sizes.items()) / sum(sizes.values())


def _size_sampler(rng: random.Random) -> Callable[[], int]:
    plus_sizes, plus_weights = list(_PLUS_SIZES), list(_PLUS_SIZES.values())
    small, large = _mean(_PLUS_SIZES), sum(_SAMPLE_SIZES) / len(_SAMPLE_SIZES)
    single = (large - MEAN_SIZE) / (large - small)  # the mixture whose mean is MEAN_SIZE

    def draw() -> int:
        if rng.random() < single:
            return rng.choices(plus_sizes, plus_weights)[0]
        return rng.choice(_SAMPLE_SIZES)

    return draw


def _amount(rng: random.Random) -> Decimal:
    return Decimal(rng.randrange(1_000_000, 300_000_000)).scaleb(-2)


def _number(value: Decimal) -> str:
    """A number as CORDIS writes it: scientific notation from ten million up."""
    return f"{value:E}".replace("E+", "E") if value >= 10**7 else str(value)


def write_exports(folder: Path, projects: int, seed: int = 2020) -> tuple[Path, Path, int]:
    """Write a programme's project and organization exports; return their paths and the parts."""
    rng = random.Random(seed)
    size = _size_sampler(rng)
    weights = [1 / (rank + 10) for rank in range(ORGANIZATIONS)]  # Zipf-like popularity
    cumulative = list(_cumulative(weights))
    countries, country_weights = list(_COUNTRIES), list(_COUNTRIES.values())
    roles, role_weights = list(_ROLES), list(_ROLES.values())
    org_country = rng.choices(countries, country_weights, k=ORGANIZATIONS)
    project_rows, org_rows = [], []
    parts = 0
    first = dt.date(2014, 1, 1).toordinal()
    for index in range(projects):
        project_id = 600_000 + index
        chosen: set[int] = set()
        want = min(size(), ORGANIZATIONS)
        while len(chosen) < want:
            if rng.random() < 0.5:
                chosen.update(rng.choices(range(ORGANIZATIONS), cum_weights=cumulative, k=want))
            else:
                chosen.update(rng.sample(range(ORGANIZATIONS), want))
        members = list(chosen)[:want]
        amounts = [_amount(rng) for _ in members]
        total = sum(amounts, Decimal(0))
        if rng.random() < 0.02:  # a few projects whose parts do not add up
            total += Decimal(rng.randrange(1, 10_000))
        start = dt.date.fromordinal(first + rng.randrange(365 * 7))
        months = rng.choice((12, 24, 36, 48, 60))
        end = _last_day(start, months)
        project_rows.append(
            f'{{"id": {project_id}, "acronym": "P{index}", "startDate": "{start}", '
            f'"endDate": "{end}", "frameworkProgramme": "H2020", "fundingScheme": "RIA", '
            f'"status": "CLOSED", "title": "Project {index}", "totalCost": {_number(total)}, '
            f'"ecMaxContribution": {_number(total)}, "ecSignatureDate": "", "topics": "T-{index}"}}'
        )
        for order, (member, amount) in enumerate(zip(members, amounts, strict=True), start=1):
            role = "coordinator" if order == 1 else rng.choices(roles, role_weights)[0]
            org = 900_000_000 + member
            org_rows.append(
                f'{{"projectID": {project_id}, "organisationID": {org}, "name": "ORG {member}", '
                f'"shortName": "O{member}", "role": "{role}", "order": {order}, '
                f'"country": "{org_country[member]}", "city": "City {member % 500}", '
                f'"postCode": {10_000 + member % 80_000}, "street": "Street {member}", '
                f'"activityType": "{_ACTIVITIES[member % 5]}", "vatNumber": "", '
                f'"organizationURL": "www.org{member}.eu", "ecContribution": {_number(amount)}, '
                f'"netEcContribution": {_number(amount)}, "totalCost": "", "SME": false}}'
            )
            parts += 1
    projects_path, orgs_path = folder / "project.json", folder / "organization.json"
    projects_path.write_text("[" + ",\n".join(project_rows) + "]", encoding="utf-8")
    orgs_path.write_text("[" + ",\n".join(org_rows) + "]", encoding="utf-8")
    return projects_path, orgs_path, parts


def _cumulative(weights: list[float]) -> Any:
    total = 0.0
    for weight in weights:
        total += weight
        yield total


def _last_day(start: dt.date, months: int) -> dt.date:
    month = start.month - 1 + months
    first = dt.date(start.year + month // 12, month % 12 + 1, 1)
    return first - dt.timedelta(days=1)


def _clock(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def _scan_received(directory: Any, org: str) -> tuple[Any, ...]:
    from lifesci_partners import Money  # noqa: PLC0415

    totals: dict[str, Decimal] = {}
    for agreement in directory.agreements:
        funding = agreement.funding
        if funding is None:
            continue
        for part in funding.contributions:
            if part.org == org and part.amount is not None:
                code = part.amount.currency
                totals[code] = totals.get(code, Decimal(0)) + part.amount.amount
    return tuple(Money(totals[code], code) for code in sorted(totals))


def _scan_partners(directory: Any, org: str) -> tuple[Any, ...]:
    counts: Counter[str] = Counter()
    for agreement in directory.agreements:
        orgs = [p.org for p in agreement.parties]
        if org in orgs:
            counts.update(o for o in orgs if o != org)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple((directory.organization(o), n) for o, n in ranked)


def _scan_totals(directory: Any) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for agreement in directory.agreements:
        for part in agreement.funding.contributions:
            if part.amount is not None:
                totals[part.org] = totals.get(part.org, Decimal(0)) + part.amount.amount
    return totals


def _scan_by_country(directory: Any) -> tuple[Any, ...]:
    from lifesci_partners import Money  # noqa: PLC0415

    by_country: dict[str | None, Decimal] = {}
    for org, total in _scan_totals(directory).items():
        where = directory.organization(org).headquarters
        country = None if where is None else where.country
        by_country[country] = by_country.get(country, Decimal(0)) + total
    ordered = sorted(by_country, key=lambda c: (c is None, c or ""))
    return tuple((c, Money(by_country[c], "EUR")) for c in ordered)


def _scan_largest(directory: Any, count: int) -> tuple[Any, ...]:
    from lifesci_partners import Money  # noqa: PLC0415

    ranked = sorted(_scan_totals(directory).items(), key=lambda item: (-item[1], item[0]))
    return tuple((directory.organization(o), Money(t, "EUR")) for o, t in ranked[:count])


def _compare(
    name: str, first: Callable[[], Any], later: Callable[[], list[Any]], scan: Callable[[], Any]
) -> None:
    """Time the first query (index built), ``QUERIES`` later ones, and one scan; check them.

    Each starts after a full collection, so that none pays for the garbage of another (after
    ``load_cordis``, which pauses the collector, the first collection traverses every model).
    """
    gc.collect()
    first_time, first_answer = _clock(first)
    gc.collect()
    later_time, answers = _clock(later)
    gc.collect()
    scan_time, expected = _clock(scan)
    if first_answer != expected or answers[0] != expected:
        msg = f"{name}: the index and the scan disagree"
        raise AssertionError(msg)
    per_query = later_time / len(answers)
    _timing.goal(f"funding {name}: x linear scan", scan_time / per_query, 50)
    print(
        f"  {name:<24} first {first_time * 1e3:9.1f} ms   later {per_query * 1e6:9.1f} µs   "
        f"scan {scan_time * 1e3:8.1f} ms   x{scan_time / per_query:<8,.0f}"
        f"first x{scan_time / first_time:,.1f}"
    )


def _memory(projects: Path, organizations: Path) -> tuple[int, int, int]:
    code = _MEMORY.format(
        root=str(_ROOT / "src"), projects=str(projects), organizations=str(organizations)
    )
    out = subprocess.run(  # noqa: S603  # our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), int(out[1]), int(out[2])


def main() -> None:
    """Load a programme-sized export, measure its memory, and time the queries against scans."""
    from lifesci_partners import load_cordis  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        made, (projects, organizations, parts) = _clock(
            lambda: write_exports(Path(folder), PROJECTS)
        )
        size = (projects.stat().st_size + organizations.stat().st_size) / 2**20
        print(
            f"{PROJECTS:,} projects, {parts:,} participations, up to {ORGANIZATIONS:,} "
            f"organizations: {size:,.0f} MiB of JSON, written in {made:.1f} s"
        )

        def read_json() -> object:
            with projects.open("rb") as a, organizations.open("rb") as b:
                return json.load(a), json.load(b)

        json_time, _ = _clock(read_json)
        load_time, result = _clock(lambda: load_cordis(projects, organizations))
        directory = result.directory
        print(
            f"  load_cordis {load_time:.1f} s ({load_time / PROJECTS * 1e6:,.0f} µs per project)"
            f"; json.load of the same files {json_time:.1f} s; {len(directory.agreements):,} "
            f"agreements, {len(directory.organizations):,} organizations, "
            f"{len(result.problems)} problems"
        )
        held, peak, count = _memory(projects, organizations)
        print(
            f"  memory held {held / 2**20:,.0f} MiB: {held / count:,.0f} B per agreement "
            f"(organizations included); peak while loading {peak / 2**20:,.0f} MiB"
        )
    orgs = [o.id for o in directory.organizations[1:]]
    rng = random.Random(7)
    busiest = "900000000"  # the most popular of the Zipf-like draw
    sample = [busiest, *rng.sample(orgs, QUERIES - 1)]
    print(f"\nqueries ({QUERIES} organizations; the scan answers one, the busiest)")
    _compare(
        "funding_received",
        lambda: directory.funding_received(sample[0]),
        lambda: [directory.funding_received(o) for o in sample],
        lambda: _scan_received(directory, sample[0]),
    )
    _compare(
        "co_participants",
        lambda: directory.co_participants(sample[0]),
        lambda: [directory.co_participants(o) for o in sample],
        lambda: _scan_partners(directory, sample[0]),
    )
    _compare(
        "funding_by_country",
        lambda: directory.funding_by_country("EUR"),
        lambda: [directory.funding_by_country("EUR") for _ in range(QUERIES)],
        lambda: _scan_by_country(directory),
    )
    _compare(
        "largest_recipients(10)",
        lambda: directory.largest_recipients("EUR", 10),
        lambda: [directory.largest_recipients("EUR", 10) for _ in range(QUERIES)],
        lambda: _scan_largest(directory, 10),
    )


if __name__ == "__main__":
    main()
