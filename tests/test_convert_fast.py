"""The fast ways of the JSON format give what the standard way gives: models, text and errors.

Two fast ways exist: the converter without detailed validation (always tried first when
reading), and orjson (the ``fast`` extra) for writing JSON text. Every test here compares them
with the standard way in the same run, on valid and invalid documents.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from typing import Any

import cattrs
import pytest
from cattrs.gen import make_dict_unstructure_fn
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    Agreement,
    Directory,
    Organization,
    ValidationError,
    examples,
    from_json,
    to_dict,
    to_json,
)
from lifesci_partners import strategies as lst
from lifesci_partners._json import _converters, _orjson, _tagged
from lifesci_partners._json._errors import errors_of
from lifesci_partners._json._reader import DEFAULT_LIMITS, JsonFloat, parse_json

pytest.importorskip("orjson")  # the test group installs it: both ways are compared in one run

BACKENDS = ("json", "orjson")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> Iterator[str]:
    name: str = request.param
    previous = _orjson.set_json_backend(name)
    yield name
    _orjson.set_json_backend(previous)


def outcome(text: str | bytes, cls: type, backend: str) -> tuple[str, Any]:
    """What reading ``text`` gives with ``backend``: the model, or the error lines."""
    previous = _orjson.set_json_backend(backend)
    try:
        return ("ok", from_json(text, cls))
    except ValidationError as exc:
        return ("error", exc.errors)
    finally:
        _orjson.set_json_backend(previous)


def reference(text: str | bytes, cls: type) -> tuple[str, Any]:
    """What reading ``text`` gives with the detailed converter alone (no fast path)."""
    try:
        data = parse_json(text, DEFAULT_LIMITS, JsonFloat)
        return ("ok", _converters._converter().structure(data, cls))
    except ValidationError as exc:
        return ("error", exc.errors)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        return ("error", errors_of(exc))


def written(obj: object, backend: str, indent: int | None = None) -> str:
    """The JSON text of ``obj`` written with ``backend``."""
    previous = _orjson.set_json_backend(backend)
    try:
        return to_json(obj, indent=indent)
    finally:
        _orjson.set_json_backend(previous)


def seed_agreement() -> dict[str, Any]:
    data = json.loads(examples.link_j_mpr_json())["agreements"][0]
    assert isinstance(data, dict)
    return data


def _with(**changes: Any) -> str:
    data = seed_agreement()
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


# Documents that each way must read alike: valid ones, and ones that are wrong in the ways that
# the JSON libraries differ on (floats, huge numbers, NaN, byte order marks, lone surrogates).
DOCUMENTS: dict[str, str | bytes] = {
    "valid": _with(),
    "valid with a BOM": b"\xef\xbb\xbf" + _with().encode(),
    "valid bytes": _with().encode(),
    "unknown key": _with(rank=1),
    "number for a string": _with(id=5),
    "float for a string": _with(id=1.5),
    "huge integer": _with(id=10**40),
    "NaN": _with(id=float("nan")),
    "infinity": _with(id=float("inf")),
    "exponent": '{"id": 1e400}',
    "lone surrogate": _with(id="\ud800"),
    "bad date": _with(effective_on="2021-02-29"),
    "bad term": _with(term="PT5H"),
    "several problems": _with(id="", kind="treaty", parties=[{"org": 1}], term=5),
    "event of no known type": _with(events=[{"type": "renewal", "on": "2021-01-01"}]),
    "duplicate key": '{"id": "a", "id": "b"}',
    "not JSON": "{'id': 'a'}",
    "trailing garbage": _with() + " x",
    "invalid UTF-8": b'{"id": "\xff"}',
    "control character": '{"id": "a\tb"}',
    "not an object": "[]",
    "empty": "",
}


class TestSameOutcome:
    @pytest.mark.parametrize("name", list(DOCUMENTS))
    def test_documents(self, name: str) -> None:
        """Each document is read to the model, or the errors, of the detailed converter alone."""
        text = DOCUMENTS[name]
        expected = reference(text, Agreement)
        assert outcome(text, Agreement, "orjson") == outcome(text, Agreement, "json") == expected

    @given(lst.agreements())
    def test_agreements_round_trip_alike(self, agreement: Agreement) -> None:
        """Both ways write an agreement as the same text, and read it back as the same model."""
        text = written(agreement, "json")
        assert written(agreement, "orjson") == text
        assert outcome(text, Agreement, "orjson") == outcome(text, Agreement, "json")

    @given(lst.directories())
    def test_directories_written_alike(self, directory: Directory) -> None:
        """Both ways write a directory as the same text, compact and indented."""
        for indent in (None, 2):
            assert written(directory, "orjson", indent) == written(directory, "json", indent)

    @given(lst.organizations())
    def test_text_with_any_characters_written_alike(self, organization: Organization) -> None:
        """Names with any characters (escapes, controls, non-ASCII) are written alike."""
        assert written(organization, "orjson") == written(organization, "json")


def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value, including the numbers that JSON libraries read differently."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.integers(min_value=2**63, max_value=2**80)
        | st.floats()
        | st.text(max_size=12)
        | st.sampled_from(["2020-02-29", "P5Y", "mou", "termination", "link-j", "en"])
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=6,
    )


def mutated(data: Any, path: list[int], value: Any) -> Any:
    """``data`` with the item at ``path`` (indexes into each object or array) replaced."""
    if not path or not isinstance(data, (dict, list)) or not data:
        return value
    keys = list(data) if isinstance(data, dict) else list(range(len(data)))
    key = keys[path[0] % len(keys)]
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[key] = mutated(data[key], path[1:], value)
    return copy


class TestMutatedDocuments:
    @given(
        lst.agreements(),
        st.lists(st.integers(min_value=0, max_value=20), max_size=4),
        json_values(),
    )
    def test_same_outcome(self, agreement: Agreement, path: list[int], value: Any) -> None:
        """An agreement with any one value replaced reads as the detailed converter reads it."""
        text = json.dumps(mutated(to_dict(agreement), path, value), ensure_ascii=False)
        expected = reference(text, Agreement)
        assert outcome(text, Agreement, "orjson") == outcome(text, Agreement, "json") == expected

    @given(lst.directories())
    def test_fast_converter_builds_the_same_models(self, directory: Directory) -> None:
        """The converter without detailed validation builds what the detailed one builds."""
        data = to_dict(directory)
        fast = _converters._fast_converter().structure(data, Directory)
        assert fast == _converters._converter().structure(data, Directory) == directory


def _cattrs_unstructure(
    cls: type, conv: cattrs.Converter, *, omit_if_default: bool = True
) -> Callable[[Any], dict[str, Any]]:
    """Cattrs' own generated function for an attrs class, as the converter had before."""
    fn: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, conv, _cattrs_omit_if_default=omit_if_default
    )
    return fn


@pytest.fixture(scope="module")
def cattrs_converter() -> cattrs.Converter:
    """The library's converter with cattrs' own unstructure functions for attrs classes."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_converters, "_attrs_unstructure_factory", _cattrs_unstructure)
        patch.setattr(_tagged, "_attrs_unstructure_factory", _cattrs_unstructure)
        return _converters._make_converter()


# Every public model that the strategies make, and that to_dict writes.
MODELS: dict[str, st.SearchStrategy[Any]] = {
    "directory": lst.directories(),
    "agreement": lst.agreements(),
    "organization": lst.organizations(),
    "cluster": lst.clusters(),
    "announcement": lst.announcements(),
    "claim": lst.claims(),
    "figure": lst.figures(),
    "money": lst.money(),
    "renewal": lst.renewals(),
    "termination": lst.terminations(),
    "relationship": lst.relationships(),
    "position": lst.positions(),
    "quote": lst.quotes(),
}


class TestUnstructure:
    @pytest.mark.parametrize("name", list(MODELS))
    @given(data=st.data())
    def test_same_as_cattrs(self, cattrs_converter: cattrs.Converter, name: str, data: Any) -> None:
        """The library writes each model as cattrs' generated functions write it, key for key."""
        model = data.draw(MODELS[name])
        ours = json.dumps(to_dict(model), ensure_ascii=False)
        assert ours == json.dumps(cattrs_converter.unstructure(model), ensure_ascii=False)

    @pytest.mark.parametrize("name", list(MODELS))
    @given(data=st.data())
    def test_text_same_as_json_dumps(self, name: str, data: Any) -> None:
        """Without orjson, the compact text is json.dumps of what to_dict gives, byte for byte."""
        model = data.draw(MODELS[name])
        expected = json.dumps(to_dict(model), ensure_ascii=False, separators=(",", ":"))
        assert written(model, "json") == expected
        assert written((model, model), "json") == f"[{expected},{expected}]"

    @pytest.mark.parametrize("name", list(MODELS))
    @given(data=st.data())
    def test_orjson_same_as_json_dumps(self, name: str, data: Any) -> None:
        """With orjson, the text is json.dumps of what to_dict gives, compact and indented."""
        model = data.draw(MODELS[name])
        for indent, separators in ((None, (",", ":")), (2, (",", ": "))):
            expected = json.dumps(
                to_dict(model), ensure_ascii=False, indent=indent, separators=separators
            )
            assert written(model, "orjson", indent) == expected


class TestSetJsonBackend:
    def test_unknown_name(self) -> None:
        """A backend that does not exist is refused."""
        with pytest.raises(ValueError, match="unknown JSON backend 'ujson'"):
            _orjson.set_json_backend("ujson")

    def test_returns_previous(self, backend: str) -> None:
        """The previous choice is returned, so that it can be restored."""
        assert _orjson.set_json_backend(backend) == backend


class TestGarbageCollector:
    @pytest.mark.usefixtures("backend")
    @pytest.mark.parametrize("enabled", [True, False])
    def test_state_restored(self, enabled: bool) -> None:
        """Reading leaves the garbage collector on or off as it found it, even on bad input."""
        was = gc.isenabled()
        set_gc(enabled=enabled)
        try:
            from_json(DOCUMENTS["valid"], Agreement)
            with pytest.raises(ValidationError):
                from_json(DOCUMENTS["several problems"], Agreement)
            assert gc.isenabled() is enabled
        finally:
            set_gc(enabled=was)


def set_gc(*, enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()
