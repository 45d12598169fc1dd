"""The ``import-ror`` command: a ROR dump in, a directory document out, problems reported.

Registered by the command line (``_cli._main``) with :func:`add_parser` and :func:`run`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from lifesci_partners._cli._lines import for_terminal
from lifesci_partners._importing import ImportResult
from lifesci_partners._json._document import dump, write_atomic
from lifesci_partners._ror_dump import load_ror

__all__ = ["add_parser", "run"]

_EXIT_OK = 0
_EXIT_PROBLEMS = 1


def add_parser(commands: Any) -> None:
    """Add ``import-ror`` to the command line's sub-commands."""
    command = commands.add_parser(
        "import-ror",
        help="import a ROR data dump into a directory document",
        description=(
            "Read a ROR dump (the zip ROR publishes, a .json or .json.gz array, or JSON Lines) "
            "record by record, and write the organizations as a directory document to OUTPUT. "
            "A part of a record that cannot be represented is dropped, a record that cannot be "
            "imported is skipped; a summary of these problems by kind goes to standard error. "
            "Exit status 0 when every record was imported whole, 1 when any part was dropped or "
            "record skipped."
        ),
    )
    command.add_argument("dump", metavar="DUMP", help="the ROR dump to read")
    command.add_argument(
        "--output", "-o", required=True, metavar="FILE", help="the directory document to write"
    )
    command.add_argument(
        "--problems", metavar="FILE", help="write every problem to FILE, as a JSON array"
    )
    command.add_argument(
        "--strict", action="store_true", help="stop at the first problem instead (exit 1)"
    )


class _Bar:
    """A count of records on standard error, redrawn in place; only on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._on = stream is not None and stream.isatty()

    def __call__(self, count: int) -> None:
        if self._on:
            self._stream.write(f"\rimporting ROR records: {count:,}\x1b[K")
            self._stream.flush()

    def clear(self) -> None:
        if self._on:
            self._stream.write("\r\x1b[K")
            self._stream.flush()


def summary(result: ImportResult) -> list[str]:
    """Lines that sum up an import: what was imported, then the problems by kind."""
    organizations = len(result.directory.organizations)
    lines = [f"{result.records_read:,} records read, {organizations:,} organizations imported"]
    for (kind, action), count in result.counts().items():
        lines.append(f"  {count:,} x {kind}: {action.value}")
    return lines


def run(args: argparse.Namespace) -> int:
    """Run ``import-ror``; the command line handles the errors it raises."""
    bar = _Bar(sys.stderr)
    try:
        result = load_ror(args.dump, strict=args.strict, progress=bar)
    finally:
        bar.clear()
    dump(result.directory, Path(args.output))
    if args.problems is not None:
        problems = [problem.to_dict() for problem in result.problems]
        text = json.dumps(problems, ensure_ascii=False, indent=1) + "\n"
        write_atomic(Path(args.problems), text.encode("utf-8"))
    if sys.stderr is not None:
        for line in summary(result):
            sys.stderr.write(for_terminal(line) + "\n")
    return _EXIT_OK if result.complete else _EXIT_PROBLEMS
