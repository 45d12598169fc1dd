"""Tests for the interval index behind the directory's date queries."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners._intervals import IntervalIndex

INTERVALS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(-5, 40)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=40,
)


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
