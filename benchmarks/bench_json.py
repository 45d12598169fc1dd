"""Decoding and encoding 100,000 agreements, and the memory they hold, against pydantic and msgspec.

All sides read the same JSON bytes into validated objects with the same checks (see
``_rivals``), and their encodings are checked to give the same JSON data before anything is
timed, and no decoder's result is alive while another is timed. Times are CPU seconds, gc off
first (the headline: the collector's cost depends on the rest of the program's heap), then on.
The rivals: pydantic v2 with the same checks, pydantic v2 "plain" (the same strict fields without
the rules across fields), and msgspec Structs. Goals (issue 18): with the ``[fast]`` extra, decode
at least as fast as pydantic with the same checks, gc on and off, and as plain pydantic with gc
on; encode at least 1.4x plain pydantic; memory held at most 1.1x msgspec's Structs, and the peak
while reading below twice what is held.
"""

from __future__ import annotations

import functools
import importlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from pydantic import TypeAdapter

from benchmarks import _baseline, _data, _prototype_writer, _rivals, _timing
from lifesci_partners import Agreement, from_json, to_json
from lifesci_partners._json import _msgspec, _orjson

AGREEMENTS = tuple[Agreement, ...]
_PYDANTIC = TypeAdapter(tuple[_rivals.PAgreement, ...])
_PLAIN = TypeAdapter(tuple[_rivals.PAgreementPlain, ...])


OURS = "lifesci_partners.from_json"
OURS_FAST = "lifesci_partners.from_json [fast]"
WRITE = "lifesci_partners.to_json"
WRITE_FAST = "lifesci_partners.to_json [fast]"
SAME = "pydantic (same checks)"
PLAIN = "pydantic plain"
CEILING = "msgspec, our models (all fields)"
PROTOTYPE = "compiled prototype (same text)"


def _backend(name: str, run: Callable[..., Any]) -> Callable[..., Any]:
    """``run`` with the library's JSON backends: "json" (runtime deps) or "fast" (the extra)."""
    writer, reader = ("orjson", "msgspec") if name == "fast" else ("json", "json")

    def with_backend(*args: Any) -> Any:
        previous = _orjson.set_json_backend(writer), _msgspec.set_reader_backend(reader)
        try:
            return run(*args)
        finally:
            _orjson.set_json_backend(previous[0])
            _msgspec.set_reader_backend(previous[1])

    return with_backend


BEFORE = "baseline from_json (LSP_BENCH_BASELINE)"


def _baseline_decoder() -> dict[str, Callable[[bytes], Any]]:
    """The baseline library's reader, runtime dependencies only, if one is given."""
    before = _baseline.baseline()
    if before is None:
        return {}
    agreements = tuple[before.Agreement, ...]  # type: ignore[name-defined]
    orjson_module = importlib.import_module(f"{_baseline.NAME}._json._orjson")

    def decode(text: bytes) -> Any:
        previous = orjson_module.set_json_backend("json")
        try:
            return before.from_json(text, agreements)
        finally:
            orjson_module.set_json_backend(previous)

    return {BEFORE: decode}


def decoders() -> dict[str, Callable[[bytes], Any]]:
    """Each way of reading the JSON bytes of a list of agreements, by name."""
    return {
        **_baseline_decoder(),
        OURS: _backend("json", lambda text: from_json(text, AGREEMENTS)),
        OURS_FAST: _backend("fast", lambda text: from_json(text, AGREEMENTS)),
        SAME: _PYDANTIC.validate_json,
        PLAIN: _PLAIN.validate_json,
        "msgspec Structs": _rivals.msgspec_decoder.decode,
        "orjson.loads (dicts, no checks)": orjson.loads,
        "json.loads (dicts, no checks)": json.loads,
    }


def encoders(decoded: dict[str, Any]) -> dict[str, Callable[[], Any]]:
    """Each way of writing the decoded agreements back to JSON, by name."""
    ours, theirs, plain_models = decoded[OURS], decoded[SAME], decoded[PLAIN]
    structs, plain = decoded["msgspec Structs"], decoded["json.loads (dicts, no checks)"]
    prototype = _prototype()
    return {
        WRITE: _backend("json", lambda: to_json(ours)),
        WRITE_FAST: _backend("fast", lambda: to_json(ours)),
        SAME: lambda: _PYDANTIC.dump_json(theirs, exclude_defaults=True),
        PLAIN: lambda: _PLAIN.dump_json(plain_models, exclude_defaults=True),
        "msgspec Structs": lambda: _rivals.msgspec_encoder.encode(structs),
        CEILING: lambda: _rivals.models_encoder.encode(ours),
        **({PROTOTYPE: lambda: prototype.dumps(ours)} if prototype is not None else {}),
        "orjson.dumps (dicts)": lambda: orjson.dumps(plain),
        "json.dumps (dicts)": lambda: json.dumps(plain, ensure_ascii=False),
    }


@functools.cache
def _prototype() -> Any:
    """The compiled writer prototype, or None (and why, printed once) where it cannot be built."""
    built = _prototype_writer.build()
    if isinstance(built, str):
        print(f"(the compiled writer prototype is left out: {built})")
        return None
    return built


def _check_same(decoded: dict[str, Any]) -> None:
    """Every encoder must write the same JSON data, and every decoder read every record."""
    written = {name: json.loads(encode()) for name, encode in encoders(decoded).items()}
    ours = written[WRITE]
    prototype = _prototype()
    if prototype is not None and prototype.dumps(decoded[OURS]) != to_json(decoded[OURS]).encode():
        msg = f"{PROTOTYPE} wrote other bytes than {WRITE}"
        raise SystemExit(msg)
    for name, data in written.items():
        if len(data) != _data.N:
            msg = f"{name} read {len(data)} of {_data.N} records"
            raise SystemExit(msg)
        # The models normalise locale tags (ja-JP -> ja_JP); plain dicts keep them as written,
        # and so does plain pydantic, which reads localized text as a dict.
        # The ceiling writes every field, defaults included: the same agreements, another form.
        if "dicts" not in name and name not in {PLAIN, BEFORE, CEILING} and data != ours:
            msg = f"{name} wrote different JSON data from {WRITE}"
            raise SystemExit(msg)


def _memory(text_path: Path) -> dict[str, tuple[float, float]]:
    """Bytes held per record after decoding, and the peak during decoding, per decoder.

    Each decoder runs in its own interpreter (``python -m benchmarks._memory``), so that no
    cache or free list of another one counts for it.
    """
    out = {}
    for name in decoders():
        proc = subprocess.run(  # noqa: S603  # our own interpreter and module
            [sys.executable, "-m", "benchmarks._memory", name, str(text_path)],
            capture_output=True,
            text=True,
            check=True,
        )
        held, peak = proc.stdout.split()
        out[name] = (float(held), float(peak))
    return out


def _encode(decoded: dict[str, Any], n: int) -> None:
    """Time encoding what each decoder read, and record the goals."""
    written = _timing.run(encoders(decoded))
    _timing.table("encode to JSON (CPU time)", written, items=n, against=(PLAIN, "msgspec Structs"))
    plain = written[PLAIN].median
    _timing.goal("encode, runtime deps: x pydantic plain", plain / written[WRITE].median, 1)
    _timing.goal("encode, [fast]: x pydantic plain", plain / written[WRITE_FAST].median, 1.4)
    for name in (CEILING, PROTOTYPE):  # what a compiled writer of these models does
        if name in written:
            print(f"  ({name}: {plain / written[name].median:.2f}x pydantic plain)")


def main() -> None:
    """Time decoding (gc on and off) and encoding, measure memory, record the goals."""
    records = _data.agreements()
    text = json.dumps(records, ensure_ascii=False).encode()
    del records
    n = _data.N
    print(f"{n:,} agreements, {len(text) / n:.0f} bytes of JSON each (seed {_data.SEED})")

    cases = decoders()
    decoded = {name: decode(text) for name, decode in cases.items()}
    _check_same(decoded)
    before = _baseline.baseline()
    if before is not None and json.loads(before.to_json(decoded[BEFORE])) != json.loads(
        to_json(decoded[OURS])
    ):
        msg = "the baseline read different agreements"
        raise SystemExit(msg)
    print("every decoder read every record; every encoder wrote the same JSON data")
    # No decoder's result stays alive while another is timed: with gc on, a large live heap
    # slows every collection of the readers that do not pause the collector (issue 18).
    del decoded

    timed = {name: (lambda decode=decode: decode(text)) for name, decode in cases.items()}
    against = (PLAIN, SAME, "msgspec Structs", *([BEFORE] if BEFORE in cases else []))
    off = _timing.run(timed, gc_enabled=False)
    _timing.table("decode JSON bytes, gc off (CPU time)", off, items=n, against=against)
    on = _timing.run(timed, gc_enabled=True)
    _timing.table("decode JSON bytes, gc on (CPU time)", on, items=n, against=against)
    for label, results in (("gc off", off), ("gc on", on)):
        if BEFORE in results:
            before = results[BEFORE].median
            _timing.goal(
                f"decode, runtime deps, {label}: x before", before / results[OURS].median, 1.7
            )
        same, plain = results[SAME].median, results[PLAIN].median
        fast = results[OURS_FAST].median
        _timing.goal(f"decode [fast], {label}: x pydantic same checks", same / fast, 1)
        if label == "gc on":
            _timing.goal(f"decode [fast], {label}: x pydantic plain", plain / fast, 1)
        _timing.goal(
            f"decode, runtime deps, {label}: x pydantic same checks",
            same / results[OURS].median,
            1,
        )

    _encode({name: decode(text) for name, decode in cases.items()}, n)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "agreements.json"
        path.write_bytes(text)
        memory = _memory(path)
    print("\nmemory (tracemalloc, one interpreter each)")
    print(f"  {'':38} {'held/record':>12} {'peak/record':>12} {'held x msgspec':>15}")
    structs = memory["msgspec Structs"][0]
    for name, (held, peak) in memory.items():
        print(f"  {name:38} {held:12,.0f} {peak:12,.0f} {held / structs:15.2f}")
    print("  (bytes; peak is the most allocated at once during decoding, the held result included)")
    _timing.goal(
        "memory held: x msgspec Structs", memory[OURS][0] / structs, 1.1, higher_is_better=False
    )
    for name in (OURS, OURS_FAST):
        held, peak = memory[name]
        _timing.goal(f"peak while reading, {name}: x held", peak / held, 2, higher_is_better=False)


if __name__ == "__main__":
    main()
    _timing.summary()
