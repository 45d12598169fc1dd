"""Generated functions, each with a file name of its own in :mod:`linecache`.

So that a traceback through a generated writer or reader shows its real source, as attrs'
``_linecache_and_compile`` and cattrs' ``gen/_lc.py`` do.
"""

from __future__ import annotations

import itertools
import linecache
from typing import Any

__all__ = ["compiled"]

_SERIAL = itertools.count(1)
"""Numbers the generated functions: two never share a name in :mod:`linecache`."""


def compiled(function: str, source: str, namespace: dict[str, Any], what: str) -> Any:
    """Define ``function`` from ``source`` in ``namespace``; its source shows in tracebacks."""
    filename = f"<lifesci_partners generated {what} #{next(_SERIAL)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102  # our own source, as cattrs does
    return namespace[function]
