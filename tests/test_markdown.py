"""Tests for the Markdown renderer's escaping of the data's text (``_text/_markdown.py``)."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from lifesci_partners import (
    Agreement,
    AgreementKind,
    Announcement,
    Directory,
    Formatter,
    Link,
    LinkKind,
    LocalizedText,
    Organization,
    Party,
    examples,
)
from lifesci_partners._text._markdown import escape_markdown

_COMMONMARK = MarkdownIt("commonmark")
HOSTILE = "*Evil* [click](javascript:x) <b>hi</b> &amp; `code` _x_ # ~~s~~ | a"


def shown(markdown: str) -> tuple[list[str], str]:
    """The kinds of inline tokens a CommonMark reader makes of one paragraph, and its text."""
    tokens = _COMMONMARK.parse(markdown)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children or []
    return sorted({c.type for c in children}), "".join(c.content for c in children)


# One line of text, not starting or ending with white space (which Markdown trims).
_LINES = st.text(
    st.characters(exclude_categories=["Cc", "Cs", "Zl", "Zp"]), min_size=1, max_size=40
).filter(lambda t: t.strip() == t)


class TestEscapeMarkdown:
    @given(_LINES)
    @example(HOSTILE)
    @example("1. not a list")
    @example("- not an item")
    @example("# not a heading")
    @example("> not a quote")
    @example("<div>not html</div>")
    @example("===")
    @example("***")
    @example("https://example.org/ [x](y)")
    def test_read_back_as_plain_text(self, text: str) -> None:
        """A CommonMark reader shows escaped text as written: one paragraph of plain text."""
        kinds, content = shown(escape_markdown(text))
        assert kinds == ["text"]
        assert content == text

    def test_hostile_name(self) -> None:
        """The issue's example stays literal."""
        assert escape_markdown("*Evil* [click](javascript:x) <b>hi</b>") == (
            r"\*Evil\* \[click\](javascript:x) \<b\>hi\</b\>"
        )


def hostile_directory() -> Directory:
    """The seed data with hostile Markdown in every kind of text that a page shows."""
    seed = examples.link_j_mpr()
    link_j = seed.organizations[0]
    org = Organization(
        id="evil",
        name=LocalizedText.of(HOSTILE),
        acronym="*E*",
        description=LocalizedText.of("# heading\n1. item"),
        links=(Link("https://example.org/a)b", LinkKind.NEWS, title=LocalizedText.of("[t](u)")),),
    )
    agreement = Agreement(
        id="a",
        kind=AgreementKind.MOU,
        parties=[Party("evil"), Party(link_j.id)],
        effective_on=dt.date(2020, 1, 1),
    )
    news = Announcement(id="n", publisher="evil", headline=LocalizedText.of(HOSTILE), about=("a",))
    return Directory(organizations=(link_j, org), agreements=(agreement,), announcements=(news,))


class TestPages:
    def test_no_markup_from_data(self) -> None:
        """A whole page with hostile text makes no emphasis, link, HTML or code of it."""
        page = Formatter("en").directory(hostile_directory(), on=dt.date(2021, 1, 1))
        kinds = [
            child.type for token in _COMMONMARK.parse(page) for child in (token.children or [])
        ]
        assert {"strong_open", "html_inline", "code_inline"} & set(kinds) == set()
        assert kinds.count("em_open") == 1  # ours: the announcement's dateline
        assert "html_block" not in {token.type for token in _COMMONMARK.parse(page)}

    def test_links_are_only_ours(self) -> None:
        """The only links are the ones the page makes, and each keeps its whole URL."""
        page = Formatter("en").directory(hostile_directory(), on=dt.date(2021, 1, 1))
        hrefs = [
            child.attrs["href"]
            for token in _COMMONMARK.parse(page)
            for child in (token.children or [])
            if child.type == "link_open"
        ]
        assert "javascript:x" not in hrefs
        assert "https://example.org/a%29b" in hrefs
