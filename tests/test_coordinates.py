"""Tests for Coordinates."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from lifesci_partners import Coordinates, ValidationError, from_json, to_json
from lifesci_partners import strategies as lst


class TestCoordinates:
    def test_degrees_are_kept_as_written(self) -> None:
        """A trailing zero survives: the degrees are Decimals."""
        point = Coordinates(Decimal("35.68950"), Decimal("139.69171"))
        assert to_json(point) == '{"latitude":"35.68950","longitude":"139.69171"}'

    @pytest.mark.parametrize(
        ("latitude", "longitude", "path"),
        [
            (Decimal("90.0001"), Decimal(0), "$.latitude"),
            (Decimal(0), Decimal(-181), "$.longitude"),
            (Decimal("NaN"), Decimal(0), "$.latitude"),
        ],
    )
    def test_out_of_range_is_refused(
        self, latitude: Decimal, longitude: Decimal, path: str
    ) -> None:
        """Degrees beyond the poles or the date line, or not finite, are refused at their path."""
        with pytest.raises(ValidationError, match=rf"^\{path}: "):
            Coordinates(latitude, longitude)

    def test_float_is_refused(self) -> None:
        """A binary float is no exact number of degrees."""
        with pytest.raises(ValidationError, match="expected a Decimal"):
            Coordinates(35.6895, Decimal(0))  # type: ignore[arg-type]

    @given(lst.coordinates())
    def test_round_trip(self, point: Coordinates) -> None:
        """Coordinates survive to_json/from_json unchanged."""
        assert from_json(to_json(point), Coordinates) == point
