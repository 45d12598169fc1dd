"""Tests for Person and Position."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from lifesci_partners import (
    Identifier,
    LocalizedText,
    PartialDate,
    Person,
    Position,
    ValidationError,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst

D = dt.date
SOYAMA = Person("akihiko-soyama", LocalizedText({"en": "Akihiko Soyama"}))
CEO = LocalizedText({"en": "President and CEO"})


class TestPerson:
    def test_identifiers_checked(self) -> None:
        """A person's ORCID iD is checked like any identifier, the error under its index."""
        with pytest.raises(ValidationError, match=r"^\$\.identifiers\[0\]: expected Identifier"):
            Person("x", SOYAMA.name, identifiers=["0000-0002-1825-0097"])  # type: ignore[list-item]

    def test_identifiers_become_a_tuple(self) -> None:
        """Any iterable of identifiers is stored as a tuple."""
        orcid = Identifier("orcid", "0000-0002-1825-0097")
        assert Person("x", SOYAMA.name, identifiers=[orcid]).identifiers == (orcid,)

    @given(lst.people())
    def test_round_trip(self, person: Person) -> None:
        """Every person survives to_json/from_json unchanged."""
        assert from_json(to_json(person), Person) == person


class TestPosition:
    def test_dates_unknown_by_default(self) -> None:
        """Without dates, whether the role was held on a day is unknown."""
        assert Position(SOYAMA, CEO).held_on(D(2020, 2, 5)) is None

    def test_end_before_start_refused(self) -> None:
        """An end certainly before the start is refused."""
        with pytest.raises(ValidationError, match=r"\$\.end: 2018 is before the start, 2019-03"):
            Position(SOYAMA, CEO, start=PartialDate(2019, 3), end=PartialDate(2018))

    def test_overlapping_precisions_allowed(self) -> None:
        """Start 2019-03-05 and end 2019 may both be true, so they are accepted."""
        position = Position(SOYAMA, CEO, start=PartialDate(2019, 3, 5), end=PartialDate(2019))
        assert position.end == PartialDate(2019)

    def test_held_within_known_dates(self) -> None:
        """Between a known start and end, the role was held."""
        position = Position(SOYAMA, CEO, start=PartialDate(2016), end=PartialDate(2024, 3))
        assert position.held_on(D(2020, 2, 5)) is True
        assert position.held_on(D(2015, 12, 31)) is False
        assert position.held_on(D(2024, 4, 1)) is False

    def test_held_on_within_reduced_precision_is_unknown(self) -> None:
        """A day inside a start of year precision may be before the start: unknown."""
        position = Position(SOYAMA, CEO, start=PartialDate(2016), end=PartialDate(2024))
        assert position.held_on(D(2016, 6, 1)) is None

    @given(lst.positions(), lst.dates())
    def test_held_on_agrees_with_dates(self, position: Position, day: dt.date) -> None:
        """held_on is True only between the dates, False only outside them."""
        answer = position.held_on(day)
        start, end = position.start, position.end
        if answer is True:
            assert start is not None
            assert start.last_day <= day
            assert end is not None
            assert day <= end.first_day
        if answer is False:
            assert (start is not None and day < start.first_day) or (
                end is not None and day > end.last_day
            )

    @given(lst.positions())
    def test_round_trip(self, position: Position) -> None:
        """Every position survives to_json/from_json unchanged."""
        assert from_json(to_json(position), Position) == position
