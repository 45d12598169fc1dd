"""The bad-input corpus in ``tests/corpus`` (see its README)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "corpus"


def cases(group: str) -> list[Path]:
    """The documents of one folder of the corpus, sorted by name."""
    return sorted((CORPUS / group).glob("*.json"))


def ids(paths: list[Path]) -> list[str]:
    """Test ids: the file names without extension."""
    return [path.stem for path in paths]


def expected_errors(path: Path) -> tuple[str, ...]:
    """The problems that reading ``path`` must report, from its ``.errors`` file."""
    text = path.with_suffix(".errors").read_text(encoding="utf-8")
    return tuple(text.splitlines())


def plain_json(path: Path) -> Any:
    """The document as a standard JSON parser (and a JSON Schema validator) would see it."""
    return json.loads(path.read_bytes().decode("utf-8-sig"))
