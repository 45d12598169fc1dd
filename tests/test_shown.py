"""Tests for how bad values are shown in error messages (``_shown``)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners._shown import SHOWN, SHOWN_IN_JSON, describe, json_kind, shorten


class TestShorten:
    @given(st.text(), st.integers(min_value=4, max_value=100))
    def test_never_longer_than_the_limit(self, text: str, limit: int) -> None:
        """A shortened text has at most ``limit`` characters."""
        assert len(shorten(text, limit)) <= limit

    @given(st.text(), st.integers(min_value=4, max_value=100))
    def test_short_text_kept_whole(self, text: str, limit: int) -> None:
        """A text within the limit is kept as it is; a longer one is cut and ends with '...'."""
        shown = shorten(text, limit)
        if len(text) <= limit:
            assert shown == text
        else:
            assert shown == text[: limit - 3] + "..."


class TestDescribe:
    def test_type_and_repr(self) -> None:
        """A Python value is shown with its type name and its repr."""
        assert describe(5) == "int 5"

    def test_long_repr_cut(self) -> None:
        """A long repr is cut to SHOWN characters."""
        assert describe("x" * 100) == "str " + ("'" + "x" * 100)[: SHOWN - 3] + "..."


class TestJsonKind:
    def test_each_json_type(self) -> None:
        """Each JSON type is named as the document's author wrote it."""
        values: list[object] = [None, True, 3, Decimal("1.5"), "a", [], {}]
        kinds = [json_kind(v) for v in values]
        assert kinds == [
            "null",
            "a boolean",
            "a number (3)",
            "a number (1.5)",
            "a string ('a')",
            "an array",
            "an object",
        ]

    def test_long_string_cut(self) -> None:
        """A long string is cut to SHOWN_IN_JSON characters before it is quoted."""
        assert json_kind("y" * 100) == f"a string ({'y' * (SHOWN_IN_JSON - 3) + '...'!r})"
