"""Error collection: cattrs' tree of exceptions flattened into ``"<path>: <message>"`` lines."""

from __future__ import annotations

import difflib

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from lifesci_partners._cluster import Cluster
from lifesci_partners._directory import Directory
from lifesci_partners._json._tagged import _CLAIM_TAGS, _EVENT_TAGS, _EVENT_TYPE_KEY
from lifesci_partners._shown import SHOWN_IN_JSON as _SHOWN
from lifesci_partners.exceptions import ValidationError

__all__ = ["errors_of"]


def _note_index(index: object) -> str:
    return f"[{index}]" if isinstance(index, int) else f"[{index!r}]"


def _unknown_keys(exc: ForbiddenExtraKeysError, path: str) -> list[str]:
    names = [a.name for a in attrs.fields(exc.cl) if a.init] if attrs.has(exc.cl) else []
    if exc.cl is Directory:
        names[:0] = ["format", "version"]
    elif exc.cl in _EVENT_TAGS or exc.cl in _CLAIM_TAGS or exc.cl is Cluster:
        names[:0] = [_EVENT_TYPE_KEY]
    expected = ", ".join(names)
    errors = []
    for key in sorted(exc.extra_fields):
        if key.isidentifier() and len(key) <= _SHOWN:
            where = f"{path}.{key}"
        else:
            where = f"{path}[{key if len(key) <= _SHOWN else key[:_SHOWN] + '...'!r}]"
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.7) if len(key) <= _SHOWN else []
        hint = f"did you mean {close[0]!r}? " if close else ""
        errors.append(f"{where}: unknown key; {hint}expected only: {expected}")
    return errors


def _collect(exc: BaseException, path: str, out: list[str]) -> None:
    """Flatten a cattrs error tree into ``"<path>: <message>"`` lines."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            _collect(sub, f"{path}.{note.name}", out)
        for sub in without:
            _collect(sub, path, out)
    elif isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        for sub, item in items:
            _collect(sub, f"{path}{_note_index(item.index)}", out)
        for sub in rest:
            _collect(sub, path, out)
    elif isinstance(exc, ForbiddenExtraKeysError):
        out.extend(_unknown_keys(exc, path))
    elif isinstance(exc, ValidationError):
        out.extend(path + error[1:] for error in exc.errors)
    elif isinstance(exc, KeyError):
        out.append(f"{path}: required, but missing")
    else:
        out.append(f"{path}: {exc}")


def errors_of(exc: BaseException) -> tuple[str, ...]:
    """The ``"<path>: <message>"`` lines for an exception raised while structuring."""
    out: list[str] = []
    _collect(exc, "$", out)
    return tuple(out)
