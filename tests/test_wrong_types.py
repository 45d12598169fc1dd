"""Every field of every public model refuses a value of a clearly wrong Python type (issue 15).

A caller who passes ``1`` where text goes, ``"1"`` where a number, date, enum or model goes,
``1.5`` where a ``Decimal`` goes, or any other object, gets an error that is a ``TypeError`` (as
Python reports a wrong type) and a :class:`~lifesci_partners.ValidationError` (as every problem
of a field is reported), whose message starts with the field's path.

The fields and what they accept are read from the models themselves (``attrs.fields`` and the
type hints), so a field added later is checked without being listed here; only the fields whose
converter accepts more than their type says are listed, each with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import lifesci_partners as lp
from lifesci_partners import (
    Address,
    Coordinates,
    ExchangeRate,
    ExtensionOptions,
    FloatNotAllowedError,
    Identifier,
    LocalizedText,
    Money,
    Organization,
    PartialDate,
    Term,
    ValidationError,
    WrongTypeValidationError,
    from_json,
)
from tests.test_strategies import MODELS

# Answers the library computes (``Agreement.history()``, ``Funding.check()``) and never reads
# from a caller or a document; like the results that test_strategies leaves out, they are built
# from checked models and are not checked again.
COMPUTED = {lp.AgreementVersion, lp.FundingCheck}

CHECKED = [model for model in MODELS if attrs.has(model) and model not in COMPUTED]

# Fields whose converter takes more types than the field holds, with the reason.
ALSO_ACCEPTED: dict[tuple[type, str], tuple[type, ...]] = {
    # An amount is read exactly from text ("1.50", kept with its digits) or a whole number.
    (Money, "amount"): (str, int),
    # An exchange rate, likewise.
    (ExchangeRate, "rate"): (str, int),
    # One Term is the length of one option: ExtensionOptions(Term(years=2)).
    (ExtensionOptions, "lengths"): (Term,),
}

# Values of a clearly wrong type for a field that accepts none of their types: any object, None
# where a value is required, a whole number where text goes, text where a number, a date, an
# enum or a model goes (the text of the number, the most tempting mistake), a float or a Decimal
# where the other goes, a date or a datetime where neither goes (a datetime is no date here), and
# a list or a dict where no collection goes.
WRONG: tuple[object, ...] = (
    object(),
    None,
    1,
    "1",
    1.5,
    Decimal(1),
    dt.date(2020, 2, 29),
    dt.datetime(2020, 2, 29, 12, 0),  # noqa: DTZ001  # naive on purpose: a date's wrong type
    [],
    {},
)

QUICK = settings(database=None, derandomize=True, phases=[Phase.generate])

PUBLIC = {name: getattr(lp, name) for name in lp.__all__}


def _any(value: object) -> Any:
    """``value``, typed as anything, to pass where the types say it is wrong."""
    return value


def _hints(model: type) -> dict[str, Any]:
    return typing.get_type_hints(model, {**vars(sys.modules[model.__module__]), **PUBLIC})


def _runtime_types(hint: Any) -> tuple[type, ...]:
    """The classes whose instances a value typed ``hint`` may be."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return tuple(t for arg in typing.get_args(hint) for t in _runtime_types(arg))
    if origin is typing.Literal:
        return tuple({type(arg) for arg in typing.get_args(hint)})
    if hint is None or hint is type(None):
        return (type(None),)
    if origin is not None:
        return (origin,)
    assert isinstance(hint, type), hint
    return (hint,)


def _wrong_values(model: type) -> Iterator[tuple[attrs.Attribute[Any], object]]:
    """Each field a caller sets, with each value of :data:`WRONG` that none of its types take."""
    hints = _hints(model)
    for field in attrs.fields(model):
        if not field.init:
            continue
        accepted = _runtime_types(hints[field.name]) + ALSO_ACCEPTED.get((model, field.name), ())
        for value in WRONG:
            if not _takes(accepted, value):
                yield field, value


def _takes(accepted: tuple[type, ...], value: object) -> bool:
    """Whether a field that holds ``accepted`` takes ``value``: by its type, or by its converter.

    A datetime is no date (the models refuse it); a field that holds a tuple or a frozenset
    takes any iterable but a string (the converter makes the collection).
    """
    if isinstance(value, dt.datetime) and dt.datetime not in accepted:
        return False
    if isinstance(value, list | dict) and {tuple, frozenset} & set(accepted):
        return True
    return isinstance(value, accepted)


def _problem(instance: Any, field: attrs.Attribute[Any], value: object) -> str | None:
    """What is wrong with the error of setting ``field`` to ``value``, or ``None``."""
    where = f"{type(instance).__name__}.{field.name} = {value!r}"
    try:
        attrs.evolve(instance, **{str(field.alias): value})
    except TypeError as exc:
        if not isinstance(exc, ValidationError):
            return f"{where}: {type(exc).__name__} is no ValidationError: {exc}"
        path = re.compile(rf"\$\.{re.escape(field.name)}(?![A-Za-z0-9_])")
        if not path.match(exc.errors[0]):
            return f"{where}: the message does not start with $.{field.name}: {exc.errors}"
        return None
    except Exception as exc:  # noqa: BLE001  # any other exception is the failure reported
        return f"{where}: {type(exc).__name__} is no TypeError: {exc}"
    return f"{where}: accepted"


class TestEveryField:
    @pytest.mark.parametrize("model", CHECKED, ids=lambda m: m.__name__)
    # The verdict depends on the field's validator, not on the instance drawn: 100 examples
    # vary the other fields enough (the models' own tests draw them at the profile's count).
    @settings(max_examples=100)
    @given(data=st.data())
    def test_wrong_type_is_a_type_error_with_the_path(
        self, model: type, data: st.DataObject
    ) -> None:
        """Every field given a wrong type: a TypeError and a ValidationError at the field's path."""
        instance = data.draw(st.from_type(model))
        found = [_problem(instance, field, value) for field, value in _wrong_values(model)]
        problems = [p for p in found if p is not None]
        assert not problems, "\n".join(problems)

    @pytest.mark.parametrize("model", CHECKED, ids=lambda m: m.__name__)
    def test_every_model_has_a_field_to_check(self, model: type) -> None:
        """No model passes for want of fields: each has a field and a wrong value to try."""
        assert any(True for _ in _wrong_values(model))

    def test_every_kind_of_wrong_value_is_tried(self) -> None:
        """Each kind of wrong value is tried on some field, so that none is left out by mistake."""
        tried = {type(value) for model in CHECKED for _, value in _wrong_values(model)}
        assert tried == {type(value) for value in WRONG}

    @pytest.mark.parametrize(
        ("model", "name", "value"),
        [
            (Money, "amount", "1.50"),
            (Money, "amount", 2),
            (ExchangeRate, "rate", "120.85"),
            (ExchangeRate, "rate", 120),
            (ExtensionOptions, "lengths", Term(years=2)),
        ],
    )
    def test_also_accepted_is_accepted(self, model: type, name: str, value: object) -> None:
        """Each type listed as also accepted by a converter is accepted: the list is not stale."""
        assert type(value) in ALSO_ACCEPTED[model, name]
        instance = find(st.from_type(model), lambda _: True, settings=QUICK)
        assert isinstance(attrs.evolve(instance, **{name: value}), model)

    def test_computed_are_public_models(self) -> None:
        """The computed answers left out are public models with a strategy, so the list is live."""
        assert set(MODELS) >= COMPUTED


class TestLocalizedText:
    @given(st.sampled_from((object(), 1, "text", 1.5, ("en", "x"))))
    def test_not_a_mapping(self, value: object) -> None:
        """A LocalizedText of anything but a mapping is a TypeError and a ValidationError."""
        with pytest.raises(WrongTypeValidationError) as caught:
            LocalizedText(value)  # type: ignore[arg-type]  # the wrong type on purpose
        assert caught.value.errors[0].startswith("$: expected a mapping of locale to text")

    @given(st.sampled_from((object(), 1, 1.5, None, b"x")))
    def test_text_of_a_wrong_type(self, value: object) -> None:
        """A text that is not a string is a TypeError and a ValidationError at its locale."""
        with pytest.raises(WrongTypeValidationError) as caught:
            LocalizedText({"en": value})  # type: ignore[dict-item]  # the wrong type on purpose
        assert caught.value.errors[0].startswith("$['en']: expected text (a string)")

    def test_key_of_a_wrong_type(self) -> None:
        """A locale that is not a string is a TypeError and a ValidationError at its key."""
        with pytest.raises(WrongTypeValidationError) as caught:
            LocalizedText({5: "x"})  # type: ignore[dict-item]  # the wrong type on purpose
        assert caught.value.errors == (
            "$[5]: a locale must be a string such as 'ja-JP' or a babel Locale, got 5",
        )

    def test_bad_value_stays_a_value_error(self) -> None:
        """An empty text, of the right type, is a ValidationError but no TypeError."""
        with pytest.raises(ValidationError) as caught:
            LocalizedText({"en": ""})
        assert not isinstance(caught.value, TypeError)


NAME = LocalizedText({"en": "X"})

# The cases of issue 15, each with its exact message: what is wrong, the value, and the fix.
# Each is (what is called, its positional arguments, its keyword arguments, the message).
MESSAGES: list[tuple[Callable[..., object], tuple[Any, ...], dict[str, Any], str]] = [
    (
        Address,
        (),
        {"country": 5},
        "$.country: expected an ISO 3166-1 alpha-2 code, got int 5",
    ),
    (
        Address,
        (),
        {"country": "FR", "subdivision": 5},
        (
            "$.subdivision: expected an ISO 3166-2 subdivision code such as 'US-CA' or 'JP-13', "
            "got int 5"
        ),
    ),
    (
        Address,
        (),
        {"country": "FR", "geonames_id": "12"},
        (
            "$.geonames_id: expected a GeoNames id (a positive whole number), got str '12'; "
            "use int('12')"
        ),
    ),
    (
        Organization,
        (),
        {"id": "x", "name": NAME, "domains": [5]},
        "$.domains[0]: expected a domain name in lower case such as 'u-tokyo.ac.jp', got int 5",
    ),
    (
        Organization,
        (),
        {"id": "x", "name": NAME, "domains": "example.org"},
        "$.domains: expected a tuple, got str 'example.org'; use ('example.org',)",
    ),
    (
        Organization,
        (),
        {"id": "x", "name": NAME, "locations": 5},
        "$.locations: expected a tuple, got int 5",
    ),
    (
        Organization,
        (),
        {"id": "x", "name": {"en": "X"}},
        "$.name: expected LocalizedText, got dict {'en': 'X'}; use LocalizedText({'en': 'X'})",
    ),
    (
        Organization,
        (),
        {"id": "x", "name": "X"},
        "$.name: expected LocalizedText, got str 'X'; use LocalizedText.of('X', locale)",
    ),
    (Identifier, (5, "x"), {}, "$.scheme: expected a scheme name (a string), got int 5"),
    (
        Coordinates,
        (1.0, 2.0),
        {},
        "$.latitude: expected a Decimal number of degrees, got float 1.0; use Decimal('1.0')",
    ),
    (
        Coordinates,
        (Decimal(1), 2),
        {},
        "$.longitude: expected a Decimal number of degrees, got int 2; use Decimal(2)",
    ),
    (
        PartialDate,
        ("2020",),
        {},
        "$.year: expected a whole number, got str '2020'; use PartialDate.parse('2020')",
    ),
    (
        PartialDate,
        (2020, "02"),
        {},
        "$.month: expected a whole number, got str '02'; use int('02')",
    ),
    (
        PartialDate.parse,
        (dt.date(2020, 2, 5),),
        {},
        (
            "$: expected a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', got date "
            "datetime.date(2020, 2, 5); use PartialDate.from_date(datetime.date(2020, 2, 5))"
        ),
    ),
    (
        Term.parse,
        (5,),
        {},
        "$: expected an ISO 8601 duration such as 'P5Y' as a string, got int 5",
    ),
    (Term, (), {"years": "5"}, "$.years: expected a whole number, got str '5'; use int('5')"),
    (
        Money,
        (1.5, "EUR"),
        {},
        (
            "$.amount: the amount 1.5 is a float, and floats are inexact; pass it as a string: "
            "'1.5' (or an int, or a Decimal built from a string)"
        ),
    ),
    (
        LocalizedText,
        ("Hello",),
        {},
        (
            "$: expected a mapping of locale to text, got str; use LocalizedText.of('Hello', "
            "locale), 'und' for a locale not known"
        ),
    ),
]


@pytest.mark.parametrize(
    ("make", "args", "kwargs", "message"), MESSAGES, ids=[m[-1] for m in MESSAGES]
)
def test_message_word_for_word(
    make: Callable[..., object], args: tuple[Any, ...], kwargs: dict[str, Any], message: str
) -> None:
    """Each case of the issue: a TypeError and a ValidationError, with this exact message."""
    with pytest.raises(WrongTypeValidationError) as caught:
        make(*args, **kwargs)
    assert caught.value.errors == (message,)


def test_reading_a_document_reports_wrong_types_as_before() -> None:
    """A text of the wrong JSON type in a document is a plain ValidationError, as before."""
    with pytest.raises(ValidationError) as caught:
        from_json('{"id": "x", "name": {"en": 5}}', Organization)
    assert type(caught.value) is ValidationError
    assert caught.value.errors == ("$.name['en']: expected text (a string), got int",)


def test_float_is_still_float_not_allowed() -> None:
    """A float amount stays a FloatNotAllowedError, for the callers who catch that."""
    with pytest.raises(FloatNotAllowedError):
        Money(_any(1.5), "EUR")


def test_bad_value_of_the_right_type_is_no_type_error() -> None:
    """A country code of the right type that does not exist is a ValueError only."""
    with pytest.raises(ValidationError) as caught:
        Address(country="XX")
    assert not isinstance(caught.value, TypeError)
