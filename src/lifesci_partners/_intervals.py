"""A static index of half-open intervals of whole numbers, for stabbing and overlap queries.

A centred interval tree kept in sorted arrays: each node holds the intervals that contain its
centre, sorted by start and by end, so that a query takes a prefix of the array it reads at each
node, and every item of the prefix is an answer. The centre of a node is the median start of its
intervals, so each child holds at most half of them and the tree is ``O(log n)`` deep. A prefix
of ``j`` items is found by galloping then bisecting, in ``O(log (j + 1))`` steps, so a query
costs ``O(log n + k)`` for ``k`` answers. Building costs ``O(n log^2 n)``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import attrs

__all__ = ["IntervalIndex"]


def _prefix(values: list[int], limit: int, *, inclusive: bool) -> int:
    """How many of the first ascending ``values`` are ``<= limit`` (or ``< limit``).

    Galloping (1, 2, 4, ... items) then bisecting: ``O(log (j + 1))`` for an answer ``j``.
    """
    size = len(values)
    bound = 1
    while bound <= size and (
        values[bound - 1] <= limit if inclusive else values[bound - 1] < limit
    ):
        bound *= 2
    low, high = bound // 2, min(bound, size)
    search = bisect_right if inclusive else bisect_left
    return search(values, limit, low, high)


@attrs.frozen
class _Node:
    center: int
    starts: list[int]  # of the intervals containing the centre, ascending
    by_start: list[int]  # their payloads in that order
    negated_ends: list[int]  # their ends, negated, ascending (so ends descending)
    by_end: list[int]  # their payloads in that order
    left: _Node | None  # intervals that end at or before the centre
    right: _Node | None  # intervals that start after the centre


def _build(items: list[tuple[int, int, int]]) -> _Node | None:
    if not items:
        return None
    starts = sorted(start for start, _, _ in items)
    center = starts[len(starts) // 2]
    here, left, right = [], [], []
    for item in items:
        start, end, _ = item
        if end <= center:
            left.append(item)
        elif start > center:
            right.append(item)
        else:
            here.append(item)
    here.sort(key=lambda item: item[0])
    by_end = sorted(here, key=lambda item: -item[1])
    return _Node(
        center=center,
        starts=[start for start, _, _ in here],
        by_start=[payload for _, _, payload in here],
        negated_ends=[-end for _, end, _ in by_end],
        by_end=[payload for _, _, payload in by_end],
        left=_build(left),
        right=_build(right),
    )


class IntervalIndex:
    """Half-open intervals ``[start, end)`` of whole numbers, each with an ``int`` payload.

    Empty intervals (``end <= start``) are kept out. Queries return payloads in no particular
    order.

    Args:
        intervals: ``(start, end, payload)`` triples.
    """

    __slots__ = ("_root", "_start_payloads", "_starts")

    def __init__(self, intervals: Sequence[tuple[int, int, int]]) -> None:
        items = [item for item in intervals if item[1] > item[0]]
        self._root = _build(items)
        items.sort(key=lambda item: item[0])
        self._starts = [start for start, _, _ in items]
        self._start_payloads = [payload for _, _, payload in items]

    def containing(self, point: int) -> list[int]:
        """The payloads of the intervals that contain ``point``, in ``O(log n + k)``."""
        out: list[int] = []
        node = self._root
        while node is not None:
            if point < node.center:
                # Every interval here ends after the centre, so after the point.
                out.extend(node.by_start[: _prefix(node.starts, point, inclusive=True)])
                node = node.left
            else:
                # Every interval here starts at or before the centre, so at or before the point.
                out.extend(node.by_end[: _prefix(node.negated_ends, -point, inclusive=False)])
                node = node.right
        return out

    def overlapping(self, start: int, end: int) -> list[int]:
        """The payloads of the intervals that share a point with ``[start, end)``.

        Those that contain ``start``, and those that start after it and before ``end`` (a
        bisection of all the starts): ``O(log n + k)``.
        """
        if end <= start:
            return []
        out = self.containing(start)
        first = bisect_right(self._starts, start)
        out.extend(self._start_payloads[first : bisect_left(self._starts, end)])
        return out
