"""Tests for what free text may hold: the characters refused in every text of a model."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lifesci_partners import LocalizedText, NameKind, OrganizationName, Party, ValidationError
from lifesci_partners._characters import ONE_LINE_PATTERN, TEXT_PATTERN, forbidden_in

_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def refused(char: str, *, one_line: bool) -> bool:
    """The rule as the docs state it, from Unicode's categories: the oracle."""
    if char in _BIDI or unicodedata.category(char) == "Cs":
        return True
    if unicodedata.category(char) == "Cc":
        return one_line or char not in "\n\t"
    return False


class TestForbiddenIn:
    @pytest.mark.parametrize(
        ("char", "name"),
        [
            ("\x00", "NUL"),
            ("\x07", "BEL"),
            ("\x1b", "ESC"),
            ("\r", "CR"),
            ("\x7f", "DEL"),
            ("\x9b", "CSI"),
            ("\u202e", "right-to-left override"),
            ("\u2066", "left-to-right isolate"),
            ("\ud800", "a lone surrogate"),
        ],
    )
    def test_names_the_character(self, char: str, name: str) -> None:
        """The message names the character, its code point and where it is."""
        problem = forbidden_in(f"ab{char}")
        assert problem is not None
        assert problem.startswith(f"holds U+{ord(char):04X} ({name}")
        assert " at position 2; " in problem

    @pytest.mark.parametrize("char", ["\n", "\t", "\u200e", "\u200f", "\u061c", "\u2028", " "])
    def test_allowed_in_multi_line_text(self, char: str) -> None:
        """Line feeds, tabs and the bidirectional marks are text."""
        assert forbidden_in(f"a{char}b") is None

    @given(st.characters())
    @example("\n")
    @example("\x85")
    @example("\u202d")
    def test_agrees_with_the_stated_rule(self, char: str) -> None:
        """A character is refused exactly when the rule in the docs says so, in either form."""
        assert (forbidden_in(f"a{char}") is not None) == refused(char, one_line=False)
        assert (forbidden_in(f"a{char}", one_line=True) is not None) == refused(char, one_line=True)

    @given(st.characters(exclude_categories=["Cs"]))
    def test_schema_pattern_agrees(self, char: str) -> None:
        """The JSON Schema's pattern refuses what LocalizedText refuses (JSON has no surrogates)."""
        assert (re.search(TEXT_PATTERN, f"a{char}") is None) == refused(char, one_line=False)

    @given(st.characters(exclude_categories=["Cs"]))
    @example("\n")  # Python's $ would match before a final line feed
    def test_one_line_pattern_agrees_at_the_end_too(self, char: str) -> None:
        """The one-line pattern, as Python's re (and so jsonschema) reads it, ends the text."""
        assert (re.search(ONE_LINE_PATTERN, f"a{char}") is None) == refused(char, one_line=True)


def accepted(make: Callable[[], object]) -> bool:
    try:
        make()
    except ValidationError:
        return False
    return True


class TestWhereItApplies:
    @given(st.characters())
    @example("\u00a0")  # not "printable" to Python, yet text
    @example("\u2028")
    def test_localized_text_follows_the_rule(self, char: str) -> None:
        """LocalizedText (with its fast path for printable text) refuses exactly the rule's."""
        accepted_ = accepted(lambda: LocalizedText({"en": f"a{char}"}))
        assert accepted_ == (not refused(char, one_line=False))

    @given(st.characters())
    @example("\n")
    def test_one_line_text_follows_the_rule(self, char: str) -> None:
        """A one-line field refuses exactly what the rule refuses on one line."""
        accepted_ = accepted(lambda: Party("x", role=f"a{char}"))
        assert accepted_ == (not refused(char, one_line=True))

    def test_localized_text_refuses_an_escape_sequence(self) -> None:
        """A text that would retitle a terminal window is refused with its path."""
        with pytest.raises(ValidationError, match=r"^\$\['en'\]: holds U\+001B \(ESC"):
            LocalizedText({"en": "LINK-J\x1b]0;owned\x07"})

    def test_localized_text_keeps_lines(self) -> None:
        """A paragraph may have lines and tabs."""
        assert LocalizedText({"en": "one\n\ttwo"})["en"] == "one\n\ttwo"

    def test_one_line_field_refuses_a_line_break(self) -> None:
        """A party's role is one line: a line feed in it is refused."""
        with pytest.raises(ValidationError, match=r"^\$\.role: holds U\+000A \(LF"):
            Party("link-j", role="partner\ncoordinator")

    def test_name_is_text_like_its_localized_twin(self) -> None:
        """An other name holds what the texts of a LocalizedText name hold: lines too."""
        assert OrganizationName("two\nlines", NameKind.ALIAS).text == "two\nlines"
