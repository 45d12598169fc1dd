"""Memory of one decoder, in a fresh interpreter: ``python -m benchmarks._memory NAME FILE``.

Prints the bytes held per record by the decoded result and the peak per record during decoding
(the result included), as tracemalloc counts them, over what was allocated before decoding (the
JSON text and the decoder itself).
"""

from __future__ import annotations

import gc
import sys
import tracemalloc
from pathlib import Path

from benchmarks import _data
from benchmarks.bench_json import decoders


def main(name: str, path: str) -> None:
    """Decode the file with the named decoder and print held and peak bytes per record."""
    text = Path(path).read_bytes()
    decode = decoders()[name]
    decode(text[:0] + b"[]")  # build whatever the decoder builds on first use
    gc.collect()
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    result = decode(text)
    gc.collect()
    after, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = len(result)
    if n != _data.N:
        msg = f"{name} decoded {n} records, expected {_data.N}"
        raise SystemExit(msg)
    print((after - before) / n, (peak - before) / n)


if __name__ == "__main__":
    main(*sys.argv[1:])
