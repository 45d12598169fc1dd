"""The optional fast JSON writer (the ``fast`` extra), and the switch that chooses it.

orjson writes JSON text many times faster than the standard library, and exactly the same text
(compact, or indented by 2); whatever it cannot write the same way (a lone surrogate, an integer
beyond 64 bits) the standard library writes. Reading stays with the standard library's parser,
which alone can refuse duplicate keys and read a number with a fraction without rounding it (see
``_reader.parse_json``).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from typing import Any

import cattrs

from lifesci_partners._directory import Directory
from lifesci_partners._json._gen import _PLAIN_ATTRS_UNSTRUCTURE, _attrs_unstructure_factory
from lifesci_partners._json._tagged import _EVENT_TAGS, _EVENT_TYPE_KEY
from lifesci_partners._json._versions import DOCUMENT_FORMAT, DOCUMENT_VERSION
from lifesci_partners._localized import LocalizedText

__all__ = ["JSON_BACKENDS", "OrjsonHooks", "fast_json", "set_json_backend"]

JSON_BACKENDS = ("json", "orjson")


class _Choice:
    """The backend chosen by :func:`set_json_backend`."""

    __slots__ = ("name",)

    def __init__(self) -> None:
        self.name: str | None = None  # None: orjson when it is installed, else the standard json


_CHOICE = _Choice()


@functools.cache
def _orjson() -> Any:
    try:
        import orjson  # noqa: PLC0415  # optional, and imported on first use only
    except ImportError:
        return None
    return orjson


def set_json_backend(name: str | None) -> str | None:
    """Choose how JSON text is written; return the previous choice.

    ``"json"`` for the standard library alone, ``"orjson"`` for orjson first (it must be
    installed), ``None`` (the default) for orjson when it is installed. The text is the same
    either way; this exists so that tests and benchmarks can compare the two in one run.

    Raises:
        ValueError: ``name`` is none of these, or orjson is asked for and not installed.
    """
    if name not in (None, *JSON_BACKENDS):
        msg = f"unknown JSON backend {name!r}; use one of {JSON_BACKENDS} or None"
        raise ValueError(msg)
    if name == "orjson" and _orjson() is None:
        msg = "orjson is not installed; install lifesci-partners[fast]"
        raise ValueError(msg)
    previous, _CHOICE.name = _CHOICE.name, name
    return previous


def fast_json() -> Any:
    """The orjson module when it is to be tried first, else ``None``."""
    return None if _CHOICE.name == "json" else _orjson()


class OrjsonHooks(dict[type, Callable[[Any], Any]]):
    """What :meth:`default` gives orjson for an object, by its class, made on first use.

    A model with a plain dict function in ``conv`` gets its raw one (see ``_gen._written_raw``),
    events and directories the same with their tag or envelope; localized text its own dict;
    any other class the hook of ``conv``.
    """

    def __init__(self, conv: cattrs.Converter) -> None:
        super().__init__()
        self.conv = conv

    def __missing__(self, cls: type) -> Callable[[Any], Any]:
        conv = self.conv
        hook = conv.get_unstructure_hook(cls)
        if _PLAIN_ATTRS_UNSTRUCTURE.get(hook) is cls:
            hook = _attrs_unstructure_factory(cls, conv, raw=True)
        elif cls in _EVENT_TAGS:  # as _tagged._event_unstructure_factory writes it
            hook = _with_first(
                {_EVENT_TYPE_KEY: _EVENT_TAGS[cls]}, _attrs_unstructure_factory(cls, conv, raw=True)
            )
        elif cls is Directory:  # as _tagged._directory_unstructure_factory writes it
            fields = _attrs_unstructure_factory(cls, conv, omit_if_default=False, raw=True)
            hook = _with_first({"format": DOCUMENT_FORMAT, "version": DOCUMENT_VERSION}, fields)
        elif cls is LocalizedText:
            hook = operator.attrgetter("_texts")  # read only, by orjson
        self[cls] = hook
        return hook

    def default(self, obj: Any) -> Any:
        """Called by orjson for each object it cannot write itself: the models and their leaves."""
        return self[obj.__class__](obj)

    def text(self, orjson: Any, obj: object, indent: int | None) -> str | None:
        """``obj`` as JSON text written by ``orjson``; ``None`` where orjson cannot write it."""
        option = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_SUBCLASS
        if indent == 2:  # noqa: PLR2004  # the only indent that orjson writes
            option |= orjson.OPT_INDENT_2
        try:
            return str(orjson.dumps(obj, default=self.default, option=option), "utf-8")
        except TypeError:  # such as a lone surrogate, or an integer beyond 64 bits
            return None


def _with_first(first: dict[str, Any], fields: Callable[[Any], dict[str, Any]]) -> Any:
    return lambda obj: {**first, **fields(obj)}
