"""An earlier version of the library beside this one, for before-and-after figures from one run.

``LSP_BENCH_BASELINE=/path/to/other/src ./dev bench json`` copies that tree's ``lifesci_partners``
package into a temporary folder as ``lifesci_partners_baseline`` (its imports of itself renamed),
so that both versions read the same data in the same interpreter, their rounds interleaved.
"""

from __future__ import annotations

import atexit
import functools
import importlib
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType

NAME = "lifesci_partners_baseline"


@functools.cache
def baseline() -> ModuleType | None:
    """The baseline package, or None when ``LSP_BENCH_BASELINE`` is not set."""
    source = os.environ.get("LSP_BENCH_BASELINE")
    if not source:
        return None
    folder = Path(tempfile.mkdtemp(prefix="lsp-baseline-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    target = folder / NAME
    shutil.copytree(Path(source) / "lifesci_partners", target)
    for path in target.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("lifesci_partners", NAME), encoding="utf-8")
    sys.path.insert(0, str(folder))
    return importlib.import_module(NAME)
