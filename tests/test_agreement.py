"""Tests for Agreement, Party, AgreementKind and AgreementStatus."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from lifesci_partners import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    LocalizedText,
    Party,
    Term,
    TermConvention,
    ValidationError,
)
from lifesci_partners import strategies as lst

D = dt.date


def make(**changes: object) -> Agreement:
    fields: dict[str, object] = {
        "id": "mou",
        "kind": AgreementKind.MOU,
        "parties": (Party("link-j"), Party("mpr")),
        "effective_on": D(2020, 2, 5),
        "term": Term(years=5),
    }
    fields.update(changes)
    return Agreement(**fields)  # type: ignore[arg-type]


class TestParty:
    def test_bad_org_id(self) -> None:
        """An id with spaces is refused, with the field's path."""
        with pytest.raises(ValidationError, match=r"\$\.org: 'a b' is not a valid id"):
            Party("a b")

    def test_blank_role(self) -> None:
        """A blank role is refused."""
        with pytest.raises(ValidationError, match=r"\$\.role: must not be empty"):
            Party("a", role=" ")


class TestAgreement:
    def test_seed_mou_dates(self) -> None:
        """The seed MOU ends with 2025-02-04."""
        mou = make()
        assert (mou.end, mou.last_day) == (D(2025, 2, 5), D(2025, 2, 4))

    def test_parties_list_becomes_tuple(self) -> None:
        """Parties given as a list are stored as a tuple."""
        assert isinstance(make(parties=[Party("a"), Party("b")]).parties, tuple)

    def test_one_party_refused(self) -> None:
        """An agreement needs two distinct parties."""
        with pytest.raises(ValidationError, match="at least two distinct parties"):
            make(parties=(Party("a"),))

    def test_duplicate_party_reported_with_index(self) -> None:
        """A repeated party is reported at its index."""
        with pytest.raises(ValidationError, match=r"\$\.parties\[2\]\.org: 'a' is already"):
            make(parties=(Party("a"), Party("b"), Party("a")))

    def test_wrong_party_type(self) -> None:
        """A string is not a Party."""
        with pytest.raises(ValidationError, match=r"\$\.parties\[1\]: expected Party"):
            make(parties=(Party("a"), "b"))

    def test_datetime_refused(self) -> None:
        """effective_on must be a date, not a datetime."""
        with pytest.raises(ValidationError, match=r"\$\.effective_on: expected a date"):
            make(effective_on=dt.datetime(2020, 2, 5, tzinfo=dt.timezone.utc))

    def test_term_overflow_reported_at_term(self) -> None:
        """A term that runs past year 9999 is reported at $.term."""
        with pytest.raises(ValidationError, match=r"\$\.term: .*past the year 9999"):
            make(term=Term(years=8000))

    def test_no_term_is_open_ended(self) -> None:
        """Without a term the agreement never expires."""
        open_ended = make(term=None)
        assert open_ended.last_day is None
        assert open_ended.status_on(D(9999, 1, 1)) is AgreementStatus.IN_FORCE

    def test_excluded_convention(self) -> None:
        """The convention changes the last day."""
        assert make(convention=TermConvention.START_DAY_EXCLUDED).last_day == D(2025, 2, 5)

    def test_frozen(self) -> None:
        """Agreements are immutable."""
        mou = make()
        with pytest.raises(AttributeError):
            mou.id = "x"  # type: ignore[misc]

    def test_localized_fields(self) -> None:
        """Title and purpose are localized texts."""
        mou = make(title=LocalizedText({"en": "MOU"}))
        assert mou.title is not None
        assert mou.title.get("en") == "MOU"


class TestStatus:
    def test_unknown_signing_date_is_never_draft(self) -> None:
        """With signed_on unknown, before the effective date is 'signed', not draft."""
        assert make().status_on(D(2019, 1, 1)) is AgreementStatus.SIGNED

    def test_draft_before_signing(self) -> None:
        """Before a known signing date the agreement is a draft."""
        assert make(signed_on=D(2020, 1, 10)).status_on(D(2020, 1, 9)) is AgreementStatus.DRAFT

    def test_retroactive_agreement_in_force_before_signing(self) -> None:
        """Signed after its effective date, it is in force from the effective date."""
        mou = make(signed_on=D(2020, 3, 1))
        assert mou.status_on(D(2020, 2, 10)) is AgreementStatus.IN_FORCE

    def test_seed_mou_on_2026_11_26(self) -> None:
        """The seed MOU is expired on 2026-11-26."""
        assert make().status_on(D(2026, 11, 26)) is AgreementStatus.EXPIRED

    @given(lst.agreements())
    def test_in_force_on_last_day_and_not_after(self, agreement: Agreement) -> None:
        """In force on the last day, expired the day after."""
        last = agreement.last_day
        if last is not None:
            assert agreement.status_on(last) is AgreementStatus.IN_FORCE
            assert agreement.status_on(last + dt.timedelta(days=1)) is AgreementStatus.EXPIRED

    @given(lst.agreements(), lst.dates())
    def test_in_force_on_agrees_with_status(self, agreement: Agreement, day: dt.date) -> None:
        """in_force_on(d) is exactly status_on(d) == IN_FORCE."""
        in_force = agreement.status_on(day) is AgreementStatus.IN_FORCE
        assert agreement.in_force_on(day) == in_force
