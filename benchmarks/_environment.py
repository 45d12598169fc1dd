"""What the figures were measured on: the machine and the versions, printed first."""

from __future__ import annotations

import os
import platform
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

_PACKAGES = (
    "lifesci-partners",
    "attrs",
    "cattrs",
    "babel",
    "pydantic",
    "pydantic-core",
    "msgspec",
    "orjson",
)


def _cpu() -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _version(name: str) -> str:
    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return f"{name} (not installed)"


def describe() -> None:
    """Print the interpreter, the machine and the version of every package measured."""
    python = f"{platform.python_implementation()} {sys.version.split()[0]}"
    print(f"{python} on {platform.platform()}")
    print(f"CPU: {_cpu()}, {os.cpu_count()} logical cores")
    print("; ".join(_version(name) for name in _PACKAGES))
