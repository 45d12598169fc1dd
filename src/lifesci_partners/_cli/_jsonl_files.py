"""JSON Lines files for the command line: ``validate`` and ``convert`` of ``.jsonl(.gz)`` files.

A file of one model per line is streamed, never held whole; a directory in JSON Lines (the
tagged form of :func:`~lifesci_partners.dump_jsonl`) is read and written whole, as a directory
document is.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lifesci_partners._directory import Directory
from lifesci_partners._jsonl import dump_jsonl, iter_jsonl, load_jsonl
from lifesci_partners.exceptions import JsonLinesError, LineProblem

__all__ = ["FORMAT", "convert", "is_jsonl", "validate"]

FORMAT = "jsonl"
"""The name of the format for ``--from`` and ``--to``."""
_SUFFIXES = (".jsonl", ".jsonl.gz")


def is_jsonl(name: str, explicit: str | None) -> bool:
    """Whether ``name`` is JSON Lines: ``--from/--to jsonl``, or a name ending in a suffix of it."""
    if explicit is not None:
        return explicit == FORMAT
    return name != "-" and name.lower().endswith(_SUFFIXES)


def _source(name: str) -> Any:
    return sys.stdin.buffer if name == "-" else Path(name)


def validate(name: str, model: type) -> list[str]:
    """Every problem of a JSON Lines file of ``model`` (a directory: its tagged form)."""
    if model is Directory:
        try:
            load_jsonl(_source(name))
        except JsonLinesError as exc:
            return [str(p) for p in exc.problems]
        return []
    problems: list[LineProblem] = []
    for _ in iter_jsonl(_source(name), model, problems=problems):
        pass
    return [str(p) for p in problems]


def convert(
    source: str,
    target: str,
    model: type,
    *,
    formats: tuple[bool, bool],
    read_document: Callable[[], Any],
    write_document: Callable[[Any], None],
) -> None:
    """Convert from or to JSON Lines; ``formats`` says which of source and target are.

    ``read_document`` and ``write_document`` read and write the other side when it is a
    document (JSON or YAML). A file of one model per line is streamed to the target.

    Raises:
        ValueError: Many models of a JSON Lines file would have to go into one document.
    """
    jsonl_in, jsonl_out = formats
    if jsonl_in and model is not Directory:
        if not jsonl_out:
            msg = (
                f"{source} holds one {model.__name__} per line, which cannot go into one "
                "document; write them to a *.jsonl or *.jsonl.gz file, or say --model Directory "
                "for a directory in JSON Lines"
            )
            raise ValueError(msg)
        _write(iter_jsonl(_source(source), model), target)
        return
    value = load_jsonl(_source(source)) if jsonl_in else read_document()
    if not jsonl_out:
        write_document(value)
    elif isinstance(value, Directory):
        _write(value, target)
    else:
        _write([value], target)


def _write(items: Any, target: str) -> None:
    dump_jsonl(items, sys.stdout.buffer if target == "-" else Path(target))
