"""Runs the examples in the docs (MyST Markdown) and in docstrings as tests, with Sybil."""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.myst import DocTestDirectiveParser as MystDocTestDirectiveParser
from sybil.parsers.myst import PythonCodeBlockParser as MystPythonCodeBlockParser
from sybil.parsers.myst import SkipParser as MystSkipParser
from sybil.parsers.rest import DocTestParser

_OPTIONS = ELLIPSIS | NORMALIZE_WHITESPACE

_markdown = Sybil(
    parsers=[
        MystDocTestDirectiveParser(optionflags=_OPTIONS),
        MystPythonCodeBlockParser(doctest_optionflags=_OPTIONS),
        MystSkipParser(),
    ],
    patterns=["*.md"],
    excludes=["_build/*"],
)
_docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_OPTIONS)],
    patterns=["*.py"],
)

pytest_collect_file = (_markdown + _docstrings).pytest()
