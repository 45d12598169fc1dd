"""Tests for the public Hypothesis strategies and their registration through the entry point."""

from __future__ import annotations

import copy
import datetime as dt
import importlib.metadata
import pickle
import subprocess
import sys

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import lifesci_partners as lp
from lifesci_partners import Agreement, NonRenewalNotice, Term, Termination
from lifesci_partners import strategies as lst
from lifesci_partners._hypothesis_plugin import _hypothesis_setup_hook, _strategy_names

# Computed answers, not data anyone stores or generates: they come out of the models.
RESULTS = {
    lp.AdjustedDate,
    lp.Bounds,
    lp.ClaimCheck,
    lp.Conversion,
    lp.DayOff,
    lp.ImportProblem,
    lp.ImportResult,
    lp.LineProblem,
}
# Settings of the reader, not data: bounds on the input that from_json accepts.
SETTINGS = {lp.Limits}

MODELS = sorted(
    (
        obj
        for obj in (getattr(lp, name) for name in lp.__all__)
        if isinstance(obj, type)
        and (attrs.has(obj) or obj is lp.LocalizedText)
        and obj not in RESULTS
        and obj not in SETTINGS
    ),
    key=lambda cls: cls.__name__,
)


QUICK = settings(max_examples=60, database=None, derandomize=True, phases=[Phase.generate])


class TestRegistration:
    def test_entry_point_declared(self) -> None:
        """The installed package declares the hook in Hypothesis' entry point group."""
        values = [e.value for e in importlib.metadata.entry_points(group="hypothesis")]
        assert "lifesci_partners._hypothesis_plugin:_hypothesis_setup_hook" in values

    @given(st.from_type(Agreement))
    def test_from_type_agreement(self, agreement: Agreement) -> None:
        """st.from_type(Agreement) draws valid agreements with no set-up."""
        assert isinstance(agreement, Agreement)

    @given(st.from_type(Term))
    def test_from_type_term(self, term: Term) -> None:
        """st.from_type(Term) draws terms."""
        assert isinstance(term, Term)

    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    def test_every_public_model_has_a_strategy(self, model: type) -> None:
        """Every public model is in the plugin's registry, by a strategy that exists."""
        assert model in _strategy_names()
        assert callable(getattr(lst, _strategy_names()[model]))

    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    def test_every_model_registered(self, model: type) -> None:
        """Every model has a registered strategy that draws instances of it."""
        assert isinstance(find(st.from_type(model), lambda _: True, settings=QUICK), model)

    def test_hook_can_run_again(self) -> None:
        """Running the hook a second time replaces the registrations without error."""
        _hypothesis_setup_hook()
        assert isinstance(find(st.from_type(Term), lambda _: True, settings=QUICK), Term)

    @pytest.mark.parametrize(
        "first_import",
        ["import hypothesis", "import lifesci_partners.strategies", "import lifesci_partners"],
    )
    def test_early_import(self, first_import: str) -> None:
        """The hook works whichever module is imported first, even our strategies themselves."""
        code = (
            f"{first_import}\n"
            "from hypothesis import Phase, find, settings, strategies as st\n"
            "from lifesci_partners import Agreement\n"
            "quick = settings(phases=[Phase.generate], database=None)\n"
            "print(type(find(st.from_type(Agreement), lambda a: True, settings=quick)).__name__)\n"
        )
        result = subprocess.run(  # noqa: S603  # our own interpreter, our own code
            [sys.executable, "-W", "error", "-c", code],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (result.returncode, result.stdout.strip()) == (0, "Agreement"), result.stderr


class TestDates:
    def test_february_29_comes_early(self) -> None:
        """The bias toward dangerous days finds Feb 29 within a few dozen examples."""
        leap_day = find(lst.dates(), lambda d: (d.month, d.day) == (2, 29), settings=QUICK)
        assert (leap_day.month, leap_day.day) == (2, 29)

    @given(lst.dates(dt.date(2020, 1, 1), dt.date(2020, 12, 31)))
    def test_bounds(self, day: dt.date) -> None:
        """Dates stay within the given bounds."""
        assert dt.date(2020, 1, 1) <= day <= dt.date(2020, 12, 31)


class TestAgreements:
    @given(lst.agreements(("a", "b", "c")))
    def test_given_parties(self, agreement: Agreement) -> None:
        """With org_ids, every party comes from them."""
        assert {p.org for p in agreement.parties} <= {"a", "b", "c"}

    def test_lifecycle_data_is_generated(self) -> None:
        """Agreements come with renewals, notices and a termination together."""
        found = find(
            lst.agreements(),
            lambda a: (
                any(isinstance(e, NonRenewalNotice) for e in a.events) and a.termination is not None
            ),
            settings=settings(
                max_examples=300, database=None, derandomize=True, phases=[Phase.generate]
            ),
        )
        assert found.renewal is not None

    def test_some_starts_are_not_known(self) -> None:
        """Some agreements are drawn with no known start, some of them with a stated end."""
        found = find(
            lst.agreements(),
            lambda a: a.effective_on is None and a.stated_end_on is not None,
            settings=QUICK,
        )
        assert found.period is None

    @given(lst.agreements(undated=False))
    def test_undated_false(self, agreement: Agreement) -> None:
        """undated=False gives only agreements with a known start."""
        assert agreement.effective_on is not None

    @given(lst.agreements(lifecycle=False))
    def test_without_lifecycle(self, agreement: Agreement) -> None:
        """lifecycle=False gives agreements without renewal, limits or events."""
        assert (agreement.renewal, agreement.max_extent_on, agreement.events) == (None, None, ())

    @given(lst.terminations(st.just("x")))
    def test_terminations_by_given_party(self, termination: Termination) -> None:
        """Terminations are by the given party, or by none."""
        assert termination.by in {None, "x"}


class TestEveryModelCopies:
    """Python's everyday contracts hold for every public model, as every strategy draws it."""

    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    @given(data=st.data())
    def test_pickle(self, model: type, data: st.DataObject) -> None:
        """Pickling and unpickling gives an equal object."""
        value = data.draw(st.from_type(model))
        hash(value)  # a cached hash must not break pickling
        assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301  # our own data

    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    @given(data=st.data())
    def test_copy_and_deepcopy(self, model: type, data: st.DataObject) -> None:
        """copy.copy and copy.deepcopy give an equal object."""
        value = data.draw(st.from_type(model))
        hash(value)
        assert (copy.copy(value), copy.deepcopy(value)) == (value, value)
