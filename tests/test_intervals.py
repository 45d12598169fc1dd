"""Tests for the interval index behind the directory's date queries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners._intervals import IntervalIndex, OrderedStabbingIndex

INTERVALS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(-5, 40)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=40,
)


# Short intervals, intervals just under and over the length kept out of the blocks (64 * 64),
# and intervals that never end (as the directory writes them), spread so that blocks of 255 and
# the gaps between them both occur.
NEVER = 3_652_060
SPANS = st.lists(
    st.tuples(
        st.integers(0, 3000),
        st.integers(-3, 600) | st.integers(4_080, 4_110) | st.just(NEVER),
    ).map(lambda t: (t[0], min(t[0] + t[1], NEVER))),
    max_size=30,
)
POINTS = st.lists(st.integers(-5, 20_000), min_size=1, max_size=10)


def index(intervals: list[tuple[int, int]]) -> IntervalIndex:
    return IntervalIndex([(start, end, i) for i, (start, end) in enumerate(intervals)])


class TestIntervalIndex:
    @given(INTERVALS, st.integers(-5, 110))
    def test_containing(self, intervals: list[tuple[int, int]], point: int) -> None:
        """Exactly the intervals with start <= point < end are found."""
        expected = [i for i, (start, end) in enumerate(intervals) if start <= point < end]
        assert sorted(index(intervals).containing(point)) == expected

    @given(INTERVALS, st.integers(-5, 110), st.integers(-3, 50))
    def test_overlapping(self, intervals: list[tuple[int, int]], start: int, length: int) -> None:
        """Exactly the non-empty intervals that share a point with the window are found."""
        end = start + length
        expected = [
            i
            for i, (s, e) in enumerate(intervals)
            if s < e and start < end and s < end and start < e
        ]
        assert sorted(index(intervals).overlapping(start, end)) == expected

    def test_identical_intervals(self) -> None:
        """Many identical intervals are all found (the tree does not loop on them)."""
        found = IntervalIndex([(0, 5, i) for i in range(100)]).containing(4)
        assert sorted(found) == list(range(100))

    def test_empty(self) -> None:
        """An empty index finds nothing."""
        assert IntervalIndex([]).containing(3) == []


class TestOrderedStabbingIndex:
    @given(SPANS, POINTS)
    def test_containing_in_order(self, spans: list[tuple[int, int]], points: list[int]) -> None:
        """Exactly the items whose interval contains the point are found, in their order."""
        items = [f"item{i}" for i in range(len(spans))]
        found = OrderedStabbingIndex(items, spans)
        for point in [*points, *(s for s, _ in spans), *(e for _, e in spans)]:
            expected = tuple(i for i, (s, e) in zip(items, spans, strict=True) if s <= point < e)
            assert found.containing(point) == expected

    def test_far_from_every_block(self) -> None:
        """A point long after a block's last change is answered as that change left it."""
        found = OrderedStabbingIndex("abc", [(0, 10), (5, 1000), (2000, 2001)])
        assert found.containing(900) == ("b",)
        assert found.containing(1999) == ()
        assert found.containing(2000) == ("c",)

    def test_long_ones_merged_in_order(self) -> None:
        """Intervals too long for the blocks come back among the others, in order."""
        spans = [(0, NEVER), (3, 4), (0, 20_000), (3, 9)]
        assert OrderedStabbingIndex("abcd", spans).containing(3) == ("a", "b", "c", "d")

    def test_one_span_per_item(self) -> None:
        """A span count that does not match the items is refused, with both counts."""
        with pytest.raises(ValueError, match="1 spans for 2 items"):
            OrderedStabbingIndex("ab", [(0, 1)])

    def test_empty(self) -> None:
        """An empty index finds nothing."""
        assert OrderedStabbingIndex([], []).containing(3) == ()
