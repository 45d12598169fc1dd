"""The benchmark data: random valid agreements as JSON-ready dicts, always the same for a seed.

One record is one agreement in the library's JSON format, for example::

    {"id": "agr-000017", "kind": "research",
     "parties": [{"org": "org-0412"}, {"org": "org-1780", "role": "licensor"}],
     "effective_on": "2016-01-31", "term": "P3Y", "signed_on": "2015-12-14",
     "title": {"en": "Joint research on imaging", "ja": "画像診断の共同研究"},
     "purpose": {"en": "...", "fr": "...", "ja-JP": "..."},
     "renewal": {"term": "P1Y", "max_renewals": 3, "notice": "P3M"},
     "events": [{"type": "termination", "on": "2017-06-01", "by": "org-0412"}]}

Two to four parties (a role on some), an effective date biased toward month ends and Feb 29, a
term on nine records in ten, a signing date on most, a localized title on all and a purpose on
half (one to three locales, both tag forms), a renewal clause on a third, an outer limit or a
stated end on a few, and a termination and/or a notice of non-renewal on about one in ten.
About 330 bytes of JSON a record. An agreement holds no amount of money in this library's model
(money lives in the figures of organizations and announcements), so these records carry none.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from typing import Any

from lifesci_partners import Term

N = int(os.environ.get("LSP_BENCH_RECORDS", "100000"))
"""Records per data set; ``LSP_BENCH_RECORDS=10000 ./dev bench`` for a quick look."""
SEED = 20200205
ORGANIZATIONS = 2000

_KINDS = ("mou", "cooperation", "membership", "funding", "research", "license", "nda", "other")
_TERMS = ("P5Y", "P3Y", "P1Y", "P2Y", "P10Y", "P6M", "P18M", "P1Y6M", "P90D", "P14D")
_NOTICES = (None, "P1M", "P3M", "P6M", "P30D")
_ROLES = ("partner", "licensor", "licensee", "funder", "host", "member")
_WORDS = {
    "en": ("joint", "research", "imaging", "open", "innovation", "health", "data", "cluster"),
    "fr": ("recherche", "commune", "santé", "innovation", "ouverte", "données", "pôle"),
    "ja": ("共同", "研究", "画像", "診断", "オープン", "イノベーション", "医療"),
    "de": ("gemeinsame", "Forschung", "Bildgebung", "offene", "Innovation", "Gesundheit"),
}
_LOCALES = ("en", "fr", "ja", "de", "ja-JP", "fr_FR", "en-GB")
_FIRST_DAY = dt.date(1990, 1, 1).toordinal()
_DAYS = 40 * 365


def _day(rng: random.Random) -> dt.date:
    if rng.random() < 0.2:  # the dangerous days: month ends and Feb 29
        year = rng.randrange(1990, 2030)
        month = rng.randrange(1, 13)
        if month == 2 and year % 4 == 0 and rng.random() < 0.5:
            return dt.date(year, 2, 29)
        return (
            dt.date(year, month % 12 + 1, 1) - dt.timedelta(days=1)
            if month < 12
            else (dt.date(year, 12, 31))
        )
    return dt.date.fromordinal(_FIRST_DAY + rng.randrange(_DAYS))


def _text(rng: random.Random) -> dict[str, str]:
    tags = rng.sample(_LOCALES, rng.choice((1, 1, 2, 2, 3)))
    languages: set[str] = set()
    texts = {}
    for tag in tags:
        language = tag[:2]
        if language in languages:  # one text per language keeps the keys distinct
            continue
        languages.add(language)
        words = _WORDS[language]
        joiner = "" if language == "ja" else " "
        texts[tag] = joiner.join(rng.choice(words) for _ in range(rng.randrange(2, 7)))
    return texts


_PARSED = {text: Term.parse(text) for text in _TERMS}


def _last_day(effective: dt.date, term: str) -> dt.date:
    return _PARSED[term].period_from(effective).last_day


def _parties(rng: random.Random) -> list[dict[str, Any]]:
    parties: list[dict[str, Any]] = []
    for org in rng.sample(range(ORGANIZATIONS), rng.choice((2, 2, 2, 3, 4))):
        party: dict[str, Any] = {"org": f"org-{org:04d}"}
        if rng.random() < 0.3:
            party["role"] = rng.choice(_ROLES)
        parties.append(party)
    return parties


def _renewal(rng: random.Random) -> dict[str, Any]:
    renewal: dict[str, Any] = {"term": rng.choice(("P1Y", "P1Y", "P2Y", "P6M"))}
    if rng.random() < 0.2:
        renewal["automatic"] = False
    if rng.random() < 0.5:
        renewal["max_renewals"] = rng.randrange(1, 6)
    notice = rng.choice(_NOTICES)
    if notice is not None:
        renewal["notice"] = notice
    return renewal


def _events(rng: random.Random, data: dict[str, Any], last_day: dt.date) -> list[dict[str, Any]]:
    """A termination within the initial period, after a notice of non-renewal on some."""
    effective = dt.date.fromisoformat(data["effective_on"])
    ends = effective + dt.timedelta(days=rng.randrange(1, (last_day - effective).days))
    events: list[dict[str, Any]] = []
    if "renewal" in data and rng.random() < 0.5:
        given = effective + dt.timedelta(days=rng.randrange(0, (ends - effective).days))
        by = data["parties"][0]["org"]
        events.append({"type": "non_renewal_notice", "on": given.isoformat(), "by": by})
    termination: dict[str, Any] = {"type": "termination", "on": ends.isoformat()}
    if rng.random() < 0.7:
        termination["by"] = data["parties"][-1]["org"]
    if rng.random() < 0.3:
        termination["reason"] = _text(rng)
    events.append(termination)
    return events


def _optional_fields(rng: random.Random, data: dict[str, Any]) -> None:
    effective = dt.date.fromisoformat(data["effective_on"])
    if rng.random() < 0.7:
        data["signed_on"] = (effective - dt.timedelta(days=rng.randrange(0, 90))).isoformat()
    data["title"] = _text(rng)
    if rng.random() < 0.5:
        data["purpose"] = _text(rng)
    if rng.random() < 0.05:
        data["convention"] = "start_day_excluded"


def record(index: int, rng: random.Random) -> dict[str, Any]:
    """One valid agreement, as the JSON format writes it."""
    effective = _day(rng)
    data: dict[str, Any] = {
        "id": f"agr-{index:06d}",
        "kind": rng.choice(_KINDS),
        "parties": _parties(rng),
        "effective_on": effective.isoformat(),
    }
    term = rng.choice(_TERMS) if rng.random() < 0.9 else None
    if term is not None:
        data["term"] = term
    _optional_fields(rng, data)
    if term is None:
        return data
    last_day = _last_day(effective, term)
    if "convention" in data:
        last_day += dt.timedelta(days=1)  # the corresponding date is the last day
    if rng.random() < 0.05:
        last_day = effective + dt.timedelta(days=rng.randrange(30, 2000))
        data["stated_end_on"] = last_day.isoformat()
    if rng.random() < 0.33:
        data["renewal"] = _renewal(rng)
        if rng.random() < 0.1:
            data["max_extent_on"] = (last_day + dt.timedelta(days=rng.randrange(400))).isoformat()
    if (last_day - effective).days > 2 and rng.random() < 0.1:  # room for events
        data["events"] = _events(rng, data, last_day)
    return data


def agreements(n: int = N, seed: int = SEED) -> list[dict[str, Any]]:
    """``n`` valid agreements as JSON-ready dicts; the same list for the same arguments."""
    rng = random.Random(seed)
    return [record(i, rng) for i in range(n)]


def organizations() -> list[dict[str, Any]]:
    """The organizations that the agreements' parties refer to."""
    return [
        {"id": f"org-{i:04d}", "name": {"en": f"Organization {i}"}} for i in range(ORGANIZATIONS)
    ]
