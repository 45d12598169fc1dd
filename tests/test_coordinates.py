"""Tests for Coordinates."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

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

    @given(
        st.decimals(allow_nan=False, allow_infinity=False, min_value=-90, max_value=90),
        st.integers(-40, 0),
    )
    def test_at_most_thirty_digits(self, degrees: Decimal, exponent: int) -> None:
        """A degree of up to 30 digits is accepted, one of more refused, however it is written."""
        value = degrees.scaleb(exponent)
        if len(value.as_tuple().digits) <= 30:  # the limit
            assert Coordinates(value, Decimal(0)).latitude == value
        else:
            with pytest.raises(
                ValidationError, match=r"^\$\.latitude: .* is not a number of degrees$"
            ):
                Coordinates(value, Decimal(0))

    def test_thirty_digits_in_a_longer_text(self) -> None:
        """Thirty digits with a sign and a point (32 characters) are accepted."""
        value = Decimal("-12.3456789012345678901234567890")
        assert Coordinates(value, Decimal(0)).latitude == value

    def test_thirty_one_digits_are_refused(self) -> None:
        """One digit more is refused."""
        with pytest.raises(ValidationError, match=r"^\$\.latitude: .* is not a number of degrees"):
            Coordinates(Decimal("12.34567890123456789012345678901"), Decimal(0))
