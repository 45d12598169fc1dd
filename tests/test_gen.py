"""Tests for the generated writers' source in tracebacks (``_json/_gen.py``)."""

from __future__ import annotations

import linecache

from lifesci_partners import Party
from lifesci_partners._json import _converters, _gen


class TestCompiled:
    def test_each_function_has_its_own_file_name(self) -> None:
        """Two generated functions never share a linecache name, even for the same class."""
        conv = _converters._make_converter()
        functions = [
            _gen._attrs_unstructure_factory(Party, conv),
            _gen._attrs_unstructure_factory(Party, conv, raw=True),
            _gen._attrs_unstructure_factory(Party, conv),
        ]
        names = [f.__code__.co_filename for f in functions]
        assert len(set(names)) == len(names)

    def test_source_is_the_function(self) -> None:
        """The linecache holds the source each generated function was compiled from."""
        conv = _converters._make_converter()
        for raw in (False, True):
            function = _gen._attrs_unstructure_factory(Party, conv, raw=raw)
            source = "".join(linecache.getlines(function.__code__.co_filename))
            assert source.startswith(f"def {function.__name__}(instance):")
