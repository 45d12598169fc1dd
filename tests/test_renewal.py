"""Tests for Renewal."""

from __future__ import annotations

import pytest

from lifesci_partners import Renewal, Term, ValidationError


class TestRenewal:
    def test_defaults(self) -> None:
        """By default a renewal is automatic, unlimited and needs no notice period."""
        renewal = Renewal(Term(years=1))
        assert (renewal.automatic, renewal.max_renewals, renewal.notice) == (True, None, None)

    def test_term_required_as_term(self) -> None:
        """The renewal term must be a Term, not ISO text."""
        with pytest.raises(ValidationError, match=r"\$\.term: expected Term, got str 'P1Y'"):
            Renewal("P1Y")  # type: ignore[arg-type]

    @pytest.mark.parametrize("count", [0, -1])
    def test_max_renewals_at_least_one(self, count: int) -> None:
        """Zero renewals is refused with a hint to leave the renewal out."""
        with pytest.raises(ValidationError, match=r"\$\.max_renewals: .* leave out the renewal"):
            Renewal(Term(years=1), max_renewals=count)

    def test_max_renewals_not_bool(self) -> None:
        """True is not a number of renewals."""
        with pytest.raises(ValidationError, match=r"\$\.max_renewals: expected a whole number"):
            Renewal(Term(years=1), max_renewals=True)

    def test_automatic_must_be_bool(self) -> None:
        """Automatic is a boolean, not a truthy string."""
        with pytest.raises(ValidationError, match=r"\$\.automatic: expected bool"):
            Renewal(Term(years=1), automatic="yes")  # type: ignore[arg-type]

    def test_notice_must_be_term(self) -> None:
        """The notice period is a Term."""
        with pytest.raises(ValidationError, match=r"\$\.notice: expected Term"):
            Renewal(Term(years=1), notice=90)  # type: ignore[arg-type]
