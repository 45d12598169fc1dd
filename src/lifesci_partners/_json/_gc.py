"""The garbage collector, paused while a document is read or written."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the garbage collector, and resume it after if it was running.

    Reading and writing a directory make many small objects and no reference cycles, and every
    collection while they are made traverses them all again; the next one after does it once.

    The collector is process-wide: while it is paused, other threads' garbage waits too (see
    docs/performance.md). Calls may nest: each resumes it only if it was running when the call
    began.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
