"""Runs the examples in the docs (MyST Markdown) and in docstrings as tests, with Sybil.

Besides Python, ``console`` blocks in the docs are run: each ``$ lifesci-partners ...`` line is
passed to the command line's ``main()``, in a temporary folder holding copies of
``docs/examples/``, and what it prints (standard output, then standard error) must match the lines
that follow, with ``...`` matching anything.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import shutil
import tempfile
from collections.abc import Iterator
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE, OutputChecker
from pathlib import Path
from typing import Any

from sybil import Example, Sybil
from sybil.parsers.myst import CodeBlockParser as MystCodeBlockParser
from sybil.parsers.myst import DocTestDirectiveParser as MystDocTestDirectiveParser
from sybil.parsers.myst import PythonCodeBlockParser as MystPythonCodeBlockParser
from sybil.parsers.myst import SkipParser as MystSkipParser
from sybil.parsers.rest import DocTestParser

_OPTIONS = ELLIPSIS | NORMALIZE_WHITESPACE

_PROMPT = "$ lifesci-partners"
_EXAMPLES = Path(__file__).parent / "docs" / "examples"


def _commands(source: str) -> Iterator[tuple[str, str]]:
    """The (command, expected output) pairs of a console block."""
    command: str | None = None
    expected: list[str] = []
    for line in source.splitlines():
        if line.startswith("$ "):
            if command is not None:
                yield command, "\n".join(expected)
            command, expected = line[2:], []
        elif command is not None:
            expected.append(line)
    if command is not None:
        yield command, "\n".join(expected)


@contextlib.contextmanager
def _in_folder(folder: str) -> Iterator[None]:
    before = Path.cwd()
    columns = os.environ.get("COLUMNS")
    os.chdir(folder)
    os.environ["COLUMNS"] = "100"  # argparse wraps help to the terminal's width
    try:
        yield
    finally:
        os.chdir(before)
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns


def _run_console(example: Example) -> str | None:
    from lifesci_partners._cli._main import main  # noqa: PLC0415  # imported when a block runs

    folder = example.namespace["_cli_folder"]
    for command, expected in _commands(example.parsed):
        if not command.startswith(_PROMPT[2:]):
            return f"only lifesci-partners commands can run in the docs, not: {command}"
        out, err = io.StringIO(), io.StringIO()
        with (
            _in_folder(folder),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            contextlib.suppress(SystemExit),  # --help and usage errors exit
        ):
            main(shlex.split(command)[1:])
        actual = out.getvalue() + err.getvalue()
        want = expected + "\n" if expected else ""
        if not OutputChecker().check_output(want, actual, ELLIPSIS):
            return f"$ {command}\nexpected:\n{expected}\ngot:\n{actual}"
    return None


def _setup(namespace: dict[str, Any]) -> None:
    folder = tempfile.mkdtemp(prefix="lifesci-partners-docs-")
    for path in _EXAMPLES.glob("*"):
        shutil.copy(path, folder)
    namespace["_cli_folder"] = folder


def _teardown(namespace: dict[str, Any]) -> None:
    shutil.rmtree(namespace.pop("_cli_folder"), ignore_errors=True)


_markdown = Sybil(
    parsers=[
        MystDocTestDirectiveParser(optionflags=_OPTIONS),
        MystPythonCodeBlockParser(doctest_optionflags=_OPTIONS),
        MystCodeBlockParser(language="console", evaluator=_run_console),
        MystSkipParser(),
    ],
    patterns=["*.md"],
    excludes=["_build/*"],
    setup=_setup,
    teardown=_teardown,
)
_docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_OPTIONS)],
    patterns=["*.py"],
)

pytest_collect_file = (_markdown + _docstrings).pytest()
