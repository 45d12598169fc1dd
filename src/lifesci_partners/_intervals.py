"""Static indexes of half-open intervals of whole numbers, for stabbing and overlap queries.

:class:`OrderedStabbingIndex` answers "which items contain this point" in the items' own order,
from blocks of byte strings (see there). :class:`IntervalIndex` answers it in no order, and which
intervals overlap a window:
A centred interval tree kept in sorted arrays: each node holds the intervals that contain its
centre, sorted by start and by end, so that a query takes a prefix of the array it reads at each
node, and every item of the prefix is an answer. The centre of a node is the median start of its
intervals, so each child holds at most half of them and the tree is ``O(log n)`` deep. A prefix
of ``j`` items is found by galloping then bisecting, in ``O(log (j + 1))`` steps, so a query
costs ``O(log n + k)`` for ``k`` answers. Building costs ``O(n log^2 n)``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Generic, TypeVar

import attrs

__all__ = ["IntervalIndex", "OrderedStabbingIndex"]

_T = TypeVar("_T")


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


# Days in a block: offsets and exclusive ends fit in a byte. Narrower blocks hold fewer items
# that are not answers, so fewer runs to copy, but copy each interval into more blocks; 64 was
# the fastest width that keeps an index of 100,000 agreements of a few years near 20 MB.
_WIDTH = 64
_LONG = 64 * _WIDTH  # longer intervals are kept out of the blocks, whose memory they would fill
_ONES = re.compile(b"\x01+")


@functools.cache
def _tables() -> tuple[list[bytes], list[bytes]]:
    """For each offset ``t`` in a block, ``bytes.translate`` tables for ``v <= t`` and ``v > t``.

    Built on first use, so that importing the package builds nothing.
    """
    values = range(256)
    started = [bytes(v <= t for v in values) for t in range(_WIDTH)]
    running = [bytes(v > t for v in values) for t in range(_WIDTH)]
    return started, running


def _blocks(
    short: list[tuple[int, int, int]],
) -> tuple[list[int], list[list[int]], list[bytearray], list[bytearray]]:
    """The blocks of intervals no longer than ``_LONG``, each ``(start, end, position)``.

    Where each block starts, and for each block, in the order of ``short``: the positions of
    the intervals that meet it, and the offsets where they start and end within it.
    """
    starts: list[int] = []
    for point in sorted({point for start, end, _ in short for point in (start, end)}):
        if not starts or point >= starts[-1] + _WIDTH:
            starts.append(point)
    found: list[list[int]] = [[] for _ in starts]
    opened = [bytearray() for _ in starts]
    closed = [bytearray() for _ in starts]
    count = len(starts)
    for start, end, position in short:
        block = bisect_right(starts, start) - 1  # the block where it starts
        offset = start - starts[block]
        while True:
            found[block].append(position)
            opened[block].append(offset)
            if end - starts[block] <= _WIDTH:
                closed[block].append(end - starts[block])
                break
            closed[block].append(_WIDTH)
            block += 1
            if block == count or starts[block] >= end:
                break
            offset = 0
    return starts, found, opened, closed


class OrderedStabbingIndex(Generic[_T]):
    """Items with half-open intervals ``[start, end)`` of whole numbers, found in their order.

    :meth:`containing` returns the items whose interval contains a point, in the order they were
    given, without sorting them. The points where an interval starts or ends cut the line into
    blocks of at most 64 consecutive values, each starting at such a point; a block keeps, in
    order, the items whose interval meets it, and for each the offsets from the block's start at
    which it starts and ends, clamped to ``0..64``, one byte each. After the last point of a
    block and before the next block nothing starts or ends, so a point there is answered as the
    block's last offset. A query finds its block by bisection, turns the two byte strings into
    masks with :meth:`bytes.translate` (``start <= t`` and ``end > t``), combines them as
    integers, and copies each run of answers in the block as one slice: ``O(log n + k + r)``
    with no Python-level step per answer, for ``r`` runs, at most one more than the items of the
    block that are not answers (those that start or end within 64 of the point).

    Intervals longer than ``64 * 64`` (and those that never end) would be copied into every
    block they span: they go into an :class:`IntervalIndex` instead, and their answers are
    merged in order, adding ``O(log m + j log k)`` for ``j`` of them among ``k`` answers.

    Args:
        items: The items, in the order answers keep.
        spans: ``(start, end)`` of each item, one for each; empty ones (``end <= start``) are
            never found.
    """

    __slots__ = ("_blocks", "_items", "_long", "_starts")

    def __init__(self, items: Sequence[_T], spans: Sequence[tuple[int, int]]) -> None:
        self._items = tuple(items)
        if len(spans) != len(self._items):
            msg = f"{len(spans)} spans for {len(self._items)} items; give one span per item"
            raise ValueError(msg)
        short, long = [], []
        for position, (start, end) in enumerate(spans):
            if end - start > _LONG:
                long.append((start, end, position))
            elif end > start:
                short.append((start, end, position))
        self._long = IntervalIndex(long) if long else None
        starts, found, opened, closed = _blocks(short)
        self._starts = starts
        self._blocks = [
            (
                tuple(positions) if long else (),  # only needed to merge the long ones
                tuple(map(self._items.__getitem__, positions)),
                bytes(o),
                bytes(c),
            )
            for positions, o, c in zip(found, opened, closed, strict=True)
        ]

    def containing(self, point: int) -> tuple[_T, ...]:
        """The items whose interval contains ``point``, in their order."""
        block = bisect_right(self._starts, point) - 1
        found: list[_T] = []
        runs: list[tuple[int, int]] = []
        if block >= 0:
            positions, items, opened, closed = self._blocks[block]
            offset = min(point - self._starts[block], _WIDTH - 1)
            started, running = _tables()
            mask = (
                int.from_bytes(opened.translate(started[offset]), "little")
                & int.from_bytes(closed.translate(running[offset]), "little")
            ).to_bytes(len(opened), "little")
            runs = [match.span() for match in _ONES.finditer(mask)]
            for first, last in runs:
                found += items[first:last]
        if self._long is None:
            return tuple(found)
        return self._merged(found, runs, positions if block >= 0 else (), point)

    def _merged(
        self, found: list[_T], runs: list[tuple[int, int]], positions: tuple[int, ...], point: int
    ) -> tuple[_T, ...]:
        """``found``, the answers of a block, with the long intervals' answers in their places."""
        if self._long is None:  # pragma: no cover  # only called with long intervals
            return tuple(found)
        long = sorted(self._long.containing(point))
        if not long:
            return tuple(found)
        places: list[int] = []
        for first, last in runs:
            places += positions[first:last]
        merged: list[_T] = []
        done = 0
        for position in long:
            place = bisect_left(places, position, done)
            merged += found[done:place]
            merged.append(self._items[position])
            done = place
        merged += found[done:]
        return tuple(merged)
