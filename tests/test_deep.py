"""Deep documents: the depth measured on the text, and the parser that keeps its own stack."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lifesci_partners._json._deep import (
    RECURSION_SAFE,
    _peeled_depth,
    nesting_depth,
    parse_iteratively,
)

# Strings full of what could mislead a count of brackets: brackets, quotes and backslashes.
_TRICKY = st.text(alphabet=st.sampled_from('[]{}"\\ a\u00e9\n'), max_size=8)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TRICKY,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TRICKY, inner, max_size=4),
    max_leaves=40,
)


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


def _loads(text: str) -> Any:
    return parse_iteratively(
        text,
        parse_int=int,
        parse_float=float,
        parse_constant=str,
        object_pairs_hook=list,
    )


def _outcome(parse: Any, text: str) -> Any:
    try:
        return ("value", parse(text))
    except json.JSONDecodeError as exc:
        return ("error", exc.msg, exc.pos)


def _stdlib(text: str) -> Any:
    return json.loads(
        text, parse_int=int, parse_float=float, parse_constant=str, object_pairs_hook=list
    )


class TestNestingDepth:
    @given(_JSON, st.integers(0, 2 * RECURSION_SAFE))
    def test_exact_for_valid_json(self, value: Any, wrap: int) -> None:
        """Above the safe depth the measure is the document's depth, strings left out."""
        text = "[" * wrap + json.dumps(value, ensure_ascii=False) + "]" * wrap
        expected = _depth(value) + wrap
        measured = nesting_depth(text.encode())
        if text.count("[") + text.count("{") <= RECURSION_SAFE:
            assert measured >= expected
        else:
            assert measured == expected

    @given(_JSON, st.integers(0, 10))
    def test_exact_above_what_is_enough(self, value: Any, enough: int) -> None:
        """With a lower ``enough``, a text of more brackets than that is measured exactly."""
        text = json.dumps(value, ensure_ascii=False)
        measured = nesting_depth(text.encode(), enough)
        if text.count("[") + text.count("{") <= enough:
            assert measured == enough >= _depth(value)
        else:
            assert measured == _depth(value)

    def test_brackets_inside_strings_do_not_count(self) -> None:
        """A string of a thousand brackets does not make a document deep."""
        text = json.dumps(["[" * 1000, '\\"[{' * 300, [[]]])
        assert nesting_depth(text.encode()) == 3


class TestParseIteratively:
    @given(_JSON, st.integers(0, 3))
    def test_same_as_json_loads(self, value: Any, indent: int) -> None:
        """Valid JSON gives what json.loads gives with the same hooks."""
        text = json.dumps(value, indent=indent or None, ensure_ascii=False)
        assert _loads(text) == _stdlib(text)

    @given(_JSON, st.data())
    @example(None, None)
    def test_same_errors_as_json_loads(self, value: Any, data: st.DataObject | None) -> None:
        """Broken JSON gives json.loads' message at json.loads' position."""
        text = json.dumps(value)
        if data is not None:
            at = data.draw(st.integers(0, len(text)))
            cut = data.draw(st.integers(0, 2))
            insert = data.draw(st.sampled_from(["", ",", ":", "]", "}", "[", "{", '"', " ", "x"]))
            text = text[:at] + insert + text[at + cut :]
        assert _outcome(_loads, text) == _outcome(_stdlib, text)

    @pytest.mark.parametrize(
        "text",
        [
            "",
            " ",
            "[",
            "{",
            "[1,]",
            '{"a":1,}',
            '{"a" 1}',
            "[1 2]",
            "[] x",
            "NaN",
            "-Infinity",
            "[-]",
            "01",
            "1.",
            '{"a":}',
            "{1:2}",
            '"\\x"',
            "[tru]",
        ],
    )
    def test_same_errors_on_classic_mistakes(self, text: str) -> None:
        """Each classic mistake gives the same message and position as json.loads."""
        assert _outcome(_loads, text) == _outcome(_stdlib, text)

    def test_far_deeper_than_the_stack(self) -> None:
        """A million levels are read with no recursion."""
        depth = 1_000_000
        value = _loads("[" * depth + "]" * depth)
        for _ in range(depth - 1):
            (value,) = value
        assert value == []


class TestDeepDocumentsInAThread:
    def test_small_stack_refuses_instead_of_crashing(self) -> None:
        """990 levels in a thread with a 128 KiB stack are refused with a path, no crash."""
        script = (
            "import threading\n"
            "from lifesci_partners import Directory, ValidationError, from_json\n"
            "out = []\n"
            "def read():\n"
            "    try:\n"
            "        from_json('[' * 990 + ']' * 990, Directory)\n"
            "    except ValidationError as exc:\n"
            "        out.append(exc.errors[0][-44:])\n"
            "threading.stack_size(128 * 1024)\n"
            "t = threading.Thread(target=read)\n"
            "t.start()\n"
            "t.join()\n"
            "print(out[0])\n"
        )
        done = subprocess.run(  # noqa: S603  # our own interpreter
            [sys.executable, "-c", script], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "]: nested deeper than the limit of 64 levels"


def _counted(brackets: bytes) -> int:
    """The greatest sum of +1 per opening and -1 per closing bracket over the beginnings."""
    steps = (1 if b in b"[{" else -1 for b in brackets)
    return max(itertools.accumulate(steps), default=0)


_NESTED = st.recursive(
    st.just(0), lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.just("k"), inner)
)


class TestPeeledDepth:
    @given(st.binary().map(lambda b: bytes(b"[]{}"[x % 4] for x in b)))
    def test_same_as_the_count(self, brackets: bytes) -> None:
        """Where peeling gives a depth (balanced brackets), it is the count's; else None."""
        peeled = _peeled_depth(brackets)
        if peeled is not None:
            assert peeled == _counted(brackets)

    @given(_NESTED)
    def test_peels_valid_json(self, value: Any) -> None:
        """The brackets of any JSON value of at most 32 levels peel to its depth."""
        brackets = json.dumps(value).encode().translate(None, b'0"k:, ')
        expected = _depth(value)
        assert _peeled_depth(brackets) == (expected if expected <= 32 else None)

    def test_unbalanced(self) -> None:
        """Brackets that never close, or close first, are left to the count."""
        assert _peeled_depth(b"[[]") is None
        assert _peeled_depth(b"][") is None
