"""A public function or method given an argument it cannot take raises one of the library's errors.

The package promises that every exception it raises derives from
:class:`~lifesci_partners.LifesciPartnersError` (``exceptions.py``), and each also from the
standard type a caller expects: a wrong type is a :class:`~lifesci_partners.WrongTypeError`
(a ``TypeError``), a value of the right type that the call cannot take an
:class:`~lifesci_partners.InvalidArgumentError` (a ``ValueError``). The models' fields are
checked in ``test_wrong_types.py``; these are the arguments of functions and methods.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import io
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import lifesci_partners as lp
from lifesci_partners import (
    Agreement,
    BusinessCalendar,
    Directory,
    ExchangeRate,
    ExchangeRates,
    Figure,
    Formatter,
    InvalidArgumentError,
    LifesciPartnersError,
    LocalizedText,
    Money,
    PartialDate,
    Period,
    Term,
    WrongTypeError,
    arrow_schema,
    dump,
    dump_jsonl,
    examples,
    from_arrow,
    from_json,
    iter_jsonl,
    json_schema,
    load,
    load_cordis,
    load_jsonl,
    load_ror,
    read_parquet,
    to_arrow,
    to_json,
    to_jsonld,
    write_parquet,
)
from lifesci_partners._json import _document, _reader
from lifesci_partners._json._orjson import set_json_backend

EN = Formatter("en")
DIRECTORY = examples.link_j_mpr()
MOU = DIRECTORY.agreements[0]
DAY = dt.date(2026, 1, 1)
CALENDAR = BusinessCalendar(holidays={dt.date(2025, 5, 1): "Labour Day"})

# Each call, the standard type its error must also be, and words the message must hold.
WRONG_TYPES: dict[str, tuple[Callable[[], Any], str]] = {
    "Term.scaled, text": (lambda: Term(years=1).scaled("2"), "whole number"),  # type: ignore[arg-type]
    "from_json, a number": (lambda: from_json(5, Agreement), "JSON text"),  # type: ignore[arg-type]
    "load_ror, a text stream": (lambda: load_ror(io.StringIO("[]")), "binary mode"),  # type: ignore[arg-type]
    "load_ror, a number": (lambda: load_ror(5), "got int"),  # type: ignore[arg-type]
    "load_cordis, a text stream": (
        lambda: load_cordis(io.StringIO(""), io.StringIO("")),  # type: ignore[arg-type]
        "binary mode",
    ),
    "dump, an agreement": (lambda: dump(MOU, "unused.json"), "got Agreement"),  # type: ignore[arg-type]
    "iter_jsonl, Directory": (
        lambda: list(iter_jsonl(io.BytesIO(b""), Directory)),
        "load_jsonl",
    ),
    "dump_jsonl, a number": (lambda: dump_jsonl([5], io.BytesIO()), "item 0 is int"),
    "to_jsonld, a number": (lambda: to_jsonld(5), "no schema.org form"),
    "to_jsonld, an MOU": (lambda: to_jsonld(MOU), "only a grant"),
    "Formatter, a number": (lambda: Formatter(5), "a locale must be a string"),  # type: ignore[arg-type]
    "Formatter.number, text": (lambda: EN.number("5"), "an int or a Decimal"),  # type: ignore[arg-type]
    "Formatter.money, a number": (lambda: EN.money(5), "a Money"),  # type: ignore[arg-type]
    "Formatter.date, text": (lambda: EN.date("2026-01-01"), "datetime.date"),  # type: ignore[arg-type]
    "Formatter.term, text": (lambda: EN.term("P1Y"), "a Term"),  # type: ignore[arg-type]
    "Formatter.agreement, a number": (lambda: EN.agreement(5), "an Agreement"),  # type: ignore[arg-type]
    "Directory.in_force_on, text": (
        lambda: DIRECTORY.in_force_on("2026-01-01"),  # type: ignore[arg-type]
        r"in_force_on\(\) takes a datetime.date.*fromisoformat",
    ),
    "Directory.in_force_on, a datetime": (
        lambda: DIRECTORY.in_force_on(dt.datetime(2026, 1, 1, 9, tzinfo=dt.timezone.utc)),
        r"use its \.date\(\)",
    ),
    "Directory.expiring_between, a number": (
        lambda: DIRECTORY.expiring_between(DAY, 2027),  # type: ignore[arg-type]
        r"expiring_between\(\) takes a datetime.date",
    ),
    "Directory.notice_deadlines_between, None": (
        lambda: DIRECTORY.notice_deadlines_between(None, DAY),  # type: ignore[arg-type]
        r"notice_deadlines_between\(\) takes a datetime.date",
    ),
    "Directory.check_claims, a number": (
        lambda: DIRECTORY.check_claims(5),  # type: ignore[arg-type]
        "an Announcement or its id",
    ),
    "Agreement.adjusted_last_day, a text calendar": (
        lambda: MOU.adjusted_last_day(on=DAY, calendar="JP"),  # type: ignore[arg-type]
        r"takes calendar=BusinessCalendar\(\.\.\.\)",
    ),
    "Agreement.adjusted_notice_deadline, None": (
        lambda: MOU.adjusted_notice_deadline(on=DAY, calendar=None),  # type: ignore[arg-type]
        r"takes calendar=BusinessCalendar\(\.\.\.\)",
    ),
    "Agreement.adjusted_option_deadline, None": (
        lambda: MOU.adjusted_option_deadline(on=DAY, calendar=None),  # type: ignore[arg-type]
        r"takes calendar=BusinessCalendar\(\.\.\.\)",
    ),
    "Term.end_from, text": (
        lambda: Term(years=1).end_from("2026-01-01"),  # type: ignore[arg-type]
        r"end_from\(\) takes a datetime.date",
    ),
    "Term.period_from, a number": (
        lambda: Term(years=1).period_from(2026),  # type: ignore[arg-type]
        r"period_from\(\) takes a datetime.date",
    ),
    "Money.allocate, a number": (
        lambda: Money("10", "EUR").allocate(2),  # type: ignore[arg-type]
        r"allocate\(\) takes ratios such as \[70, 30\]",
    ),
    "Formatter.address, text": (lambda: EN.address("Paris"), "an Address"),  # type: ignore[arg-type]
    "Formatter.adjusted_date, a date": (lambda: EN.adjusted_date(DAY), "an AdjustedDate"),  # type: ignore[arg-type]
    "Formatter.organization_name, text": (
        lambda: EN.organization_name("LINK-J"),  # type: ignore[arg-type]
        "an Organization",
    ),
    "Formatter.list, a number": (lambda: EN.list(5), "texts to join"),  # type: ignore[arg-type]
    "Formatter.list, numbers": (lambda: EN.list([1, 2]), "texts to join"),  # type: ignore[list-item]
    "load, a number for the path": (lambda: load(5), r"load\(\) takes a path"),  # type: ignore[arg-type]
    "load, a dict for the limits": (
        lambda: load("directory.json", limits={"max_bytes": 10}),  # type: ignore[arg-type]
        r"load\(\) takes limits=Limits",
    ),
    "from_json, a number for the limits": (
        lambda: from_json("{}", Agreement, limits=10),  # type: ignore[arg-type]
        r"from_json\(\) takes limits=Limits",
    ),
    "dump, None for the path": (
        lambda: dump(DIRECTORY, None),  # type: ignore[arg-type]
        r"dump\(\) takes a path",
    ),
    "iter_jsonl, a number for the source": (
        lambda: list(iter_jsonl(5, Agreement)),  # type: ignore[arg-type]
        "binary mode",
    ),
    "load_jsonl, None for the source": (lambda: load_jsonl(None), "binary mode"),  # type: ignore[arg-type]
    "dump_jsonl, None for the target": (
        lambda: dump_jsonl([MOU], None),  # type: ignore[arg-type]
        r"binary mode \('wb'\)",
    ),
    "dump_jsonl, a number for the items": (
        lambda: dump_jsonl(5, io.BytesIO()),  # type: ignore[arg-type]
        "takes models",
    ),
    "load_ror, text for the progress": (
        lambda: load_ror(io.BytesIO(b"[]"), progress="dots"),  # type: ignore[arg-type]
        "progress=a function",
    ),
    "to_json, an object": (lambda: to_json(object()), "models and JSON data"),
    "json_schema, a number": (lambda: json_schema(5), "no JSON Schema for 5"),
    "Directory.partners_of, text for the day": (
        lambda: DIRECTORY.partners_of("link-j", on="2026-01-01"),  # type: ignore[arg-type]
        r"partners_of\(\) takes a datetime.date",
    ),
    "Directory.funding_received, a number for the period": (
        lambda: DIRECTORY.funding_received("link-j", period=2026),  # type: ignore[arg-type]
        r"funding_received\(\) takes period=Period",
    ),
    "Directory.funding_received_in, a number for the rates": (
        lambda: DIRECTORY.funding_received_in("link-j", "EUR", rates=1),  # type: ignore[arg-type]
        "rates=ExchangeRates",
    ),
    "Formatter.agreement, text for the directory": (
        lambda: EN.agreement(MOU, directory="LINK-J"),  # type: ignore[arg-type]
        r"takes directory=Directory\(\.\.\.\) or None",
    ),
    "Formatter.organization, a number for the directory": (
        lambda: EN.organization(DIRECTORY.organizations[0], directory=1),  # type: ignore[arg-type]
        r"takes directory=Directory\(\.\.\.\) or None",
    ),
    "BusinessCalendar.day_off, text": (
        lambda: CALENDAR.day_off("2025-05-01"),  # type: ignore[arg-type]
        r"day_off\(\) takes a datetime.date.*fromisoformat",
    ),
    "BusinessCalendar.is_working_day, a number": (
        lambda: CALENDAR.is_working_day(20250501),  # type: ignore[arg-type]
        r"is_working_day\(\) takes a datetime.date",
    ),
    "BusinessCalendar.next_working_day, None": (
        lambda: CALENDAR.next_working_day(None),  # type: ignore[arg-type]
        r"next_working_day\(\) takes a datetime.date",
    ),
    "Figure addition, a count and an amount": (
        lambda: Figure(5) + Figure(Money("1", "EUR")),
        "figures add only to their own kind",
    ),
}

INVALID_VALUES: dict[str, tuple[Callable[[], Any], str]] = {
    "to_json, NaN": (lambda: to_json({"x": float("nan")}), "cannot write"),
    "Term.scaled, zero": (lambda: Term(years=1).scaled(0), "positive"),
    "Formatter.number, NaN": (lambda: EN.number(Decimal("NaN")), "not a finite number"),
    "Formatter.number, unknown compact": (
        lambda: EN.number(5, compact="medium"),  # type: ignore[arg-type]
        "'short' or 'long'",
    ),
    "Formatter.date, unknown format": (
        lambda: EN.date(DAY, format="huge"),  # type: ignore[arg-type]
        "full, long, medium, short",
    ),
    "Formatter.list, unknown style": (lambda: EN.list(["a"], style="weird"), "standard"),
}


@pytest.mark.parametrize("case", WRONG_TYPES)
def test_wrong_type(case: str) -> None:
    """A wrong type is a WrongTypeError (a TypeError) whose message says what the call takes."""
    call, words = WRONG_TYPES[case]
    with pytest.raises(WrongTypeError, match=words):
        call()


@pytest.mark.parametrize("case", INVALID_VALUES)
def test_invalid_value(case: str) -> None:
    """A value the call cannot take is an InvalidArgumentError (a ValueError) that says why."""
    call, words = INVALID_VALUES[case]
    with pytest.raises(InvalidArgumentError, match=words):
        call()


def test_dump_refuses_what_load_would_refuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document longer than load's default limit is refused before anything is written."""
    small = attrs.evolve(_reader.DEFAULT_LIMITS, max_bytes=10)
    monkeypatch.setattr(_document, "DEFAULT_LIMITS", small)
    target = tmp_path / "directory.json"
    with pytest.raises(InvalidArgumentError, match="nothing was written"):
        dump(examples.link_j_mpr(), target)
    assert not target.exists()


ARROW_WRONG_TYPES: dict[str, tuple[Callable[[], Any], str]] = {
    "arrow_schema, a number": (lambda: arrow_schema(5), "a model class"),  # type: ignore[arg-type]
    "to_arrow, a number": (lambda: to_arrow(5), "takes models"),  # type: ignore[arg-type]
    "from_arrow, a list": (lambda: from_arrow([], Agreement), "a pyarrow.Table"),
    "write_parquet, an agreement": (
        lambda: write_parquet(MOU, "unused"),  # type: ignore[arg-type]
        r"write_parquet\(\) takes a Directory",
    ),
    "write_parquet, a number for the folder": (
        lambda: write_parquet(DIRECTORY, 5),  # type: ignore[arg-type]
        r"write_parquet\(\) takes a path",
    ),
    "write_parquet, one date for the periods": (
        lambda: write_parquet(DIRECTORY, "unused", periods_between=DAY),  # type: ignore[arg-type]
        r"periods_between=\(start, end\)",
    ),
    "read_parquet, None": (lambda: read_parquet(None), r"read_parquet\(\) takes a path"),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("case", ARROW_WRONG_TYPES)
def test_wrong_type_arrow(case: str) -> None:
    """The Arrow and Parquet functions too (the [arrow] extra, installed by the test group)."""
    pytest.importorskip("pyarrow")
    call, words = ARROW_WRONG_TYPES[case]
    with pytest.raises(WrongTypeError, match=words):
        call()


@pytest.mark.parametrize("backend", ["json", "orjson"])
@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_to_json_refuses_non_finite_numbers_with_either_writer(backend: str, value: float) -> None:
    """Orjson writes NaN as null; the library refuses it with or without the [fast] extra."""
    pytest.importorskip("orjson")
    previous = set_json_backend(backend)
    try:
        with pytest.raises(InvalidArgumentError, match="not JSON compliant"):
            to_json({"ratio": value})
    finally:
        set_json_backend(previous)


_BAD_VALUES = (object(), 5, None, "x")
_SKIP = object()


def _filler(parameter: inspect.Parameter) -> object:
    """A value of the annotated type for a required parameter, or _SKIP."""
    annotation = str(parameter.annotation)
    for words, value in (
        ("date", DAY),
        ("Money", Money("1", "EUR")),
        ("Directory", DIRECTORY),
        ("type", Agreement),
        ("str", "EUR"),
        ("int", 1),
    ):
        if words in annotation:
            return value
    return _SKIP


def _targets() -> dict[str, Callable[..., Any]]:
    """The public functions, and the public methods of an object of each main class."""
    targets = {
        name: getattr(lp, name)
        for name in lp.__all__
        if callable(getattr(lp, name)) and not isinstance(getattr(lp, name), type)
    }
    owners = {
        "Directory": DIRECTORY,
        "Agreement": MOU,
        "Organization": DIRECTORY.organizations[0],
        "Announcement": DIRECTORY.announcements[0],
        "Formatter": EN,
        "Term": Term(years=1),
        "Money": Money("1", "EUR"),
        "Figure": Figure(5),
        "BusinessCalendar": CALENDAR,
        "ExchangeRates": ExchangeRates(
            [ExchangeRate("EUR", "JPY", "160", dt.date(2024, 1, 1), source="a test")]
        ),
        "LocalizedText": LocalizedText({"en": "Kyoto", "ja": "京都"}),
        "PartialDate": PartialDate.parse("2020-02"),
        "Period": Period(dt.date(2020, 1, 1), dt.date(2021, 1, 1)),
    }
    for owner, instance in owners.items():
        for name in dir(instance):
            method = getattr(instance, name)
            if not name.startswith("_") and callable(method) and not isinstance(method, type):
                targets[f"{owner}.{name}"] = method
    return targets


def _with_bad(
    parameters: list[inspect.Parameter], index: int, bad: object
) -> tuple[list[object], dict[str, object]] | None:
    """Arguments: ``bad`` for parameter ``index``, a filler for each other required one."""
    args: list[object] = []
    kwargs: dict[str, object] = {}
    for other_index, other in enumerate(parameters):
        if other_index != index and other.default is not other.empty:
            continue
        value = bad if other_index == index else _filler(other)
        if value is _SKIP:
            return None
        if other.kind is other.KEYWORD_ONLY:
            kwargs[other.name] = value
        else:
            args.append(value)
    return args, kwargs


def _calls_with_one_bad_argument() -> Iterator[tuple[str, Callable[[], Any]]]:
    """Each public call with one argument replaced by a bad value, the others filled in."""
    for name, target in _targets().items():
        try:
            signature = inspect.signature(target)
        except (TypeError, ValueError):  # no signature to read
            continue
        parameters = [
            p
            for p in signature.parameters.values()
            if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        for index, parameter in enumerate(parameters):
            for bad in _BAD_VALUES:
                arguments = _with_bad(parameters, index, bad)
                if arguments is not None:
                    label = f"{name}({parameter.name}={type(bad).__name__})"
                    yield label, functools.partial(target, *arguments[0], **arguments[1])


def _other_exception(call: Callable[[], Any]) -> str | None:
    """What ``call`` raised if it is neither one of the library's errors nor an ``OSError``."""
    try:
        result = call()
        if isinstance(result, Iterator):
            list(result)
    except (LifesciPartnersError, OSError):
        return None
    except Exception as exc:  # noqa: BLE001  # every other type is the finding
        return f"{type(exc).__name__}: {exc}"
    return None


def test_a_bad_argument_never_raises_another_exception_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each public call, given a wrong value for one argument, raises the library's errors only.

    A call may accept the value (``None`` for an optional argument, ``"x"`` for a text), or fail
    with an ``OSError`` for a path that does not exist; anything else that is not a
    ``LifesciPartnersError`` (an ``AttributeError`` from deep inside, Python's own ``TypeError``)
    is listed.
    """
    monkeypatch.chdir(tmp_path)  # a call given "x" for a path may write there
    outcomes = {label: _other_exception(call) for label, call in _calls_with_one_bad_argument()}
    assert len(outcomes) > 400  # the calls were made (508 in December 2026)
    assert {label: other for label, other in outcomes.items() if other is not None} == {}
