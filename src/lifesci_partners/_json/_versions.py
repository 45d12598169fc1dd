"""Versions of the directory document, and the migrations that read older ones.

A directory document says which version of the format it follows (``"version": 1``). This library
writes the newest version it knows and reads older ones by migrating them, one version at a time,
before they are checked. A migration turns the body of a version ``n`` document (everything but
``format`` and ``version``) into the body of a version ``n + 1`` document; it must not lose data,
and it reports what it cannot migrate as a :class:`~lifesci_partners.exceptions.ValidationError`
with paths in the old document.

No older version has been published yet: version 1 is the first. The tests register a synthetic
version 0 to show that the mechanism works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lifesci_partners.exceptions import ValidationError

__all__ = [
    "DOCUMENT_FORMAT",
    "DOCUMENT_VERSION",
    "FIRST_RELEASE",
    "MIGRATIONS",
    "oldest_readable",
    "upgrade",
]

DOCUMENT_FORMAT = "lifesci-partners"
"""The value of the ``format`` key of a directory document."""
DOCUMENT_VERSION = 1
"""The version of the directory document that this library writes."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""Version ``n`` to the migration from version ``n`` to ``n + 1``."""

FIRST_RELEASE: dict[int, str] = {1: "0.1.0"}
"""Document version to the first lifesci-partners release that reads and writes it."""


def _library_version() -> str:
    from lifesci_partners import __version__  # noqa: PLC0415  # the package imports this module

    return __version__


def oldest_readable(current: int) -> int:
    """The oldest version that a chain of migrations brings up to ``current``."""
    version = current
    while version - 1 in MIGRATIONS:
        version -= 1
    return version


def upgrade(body: dict[str, Any], version: int, current: int) -> dict[str, Any]:
    """Migrate the body of a version ``version`` document to version ``current``.

    Raises:
        ValidationError: The version is newer than ``current`` (the message says which library
            reads it), older than any migration reaches, or a migration found a problem.
    """
    if version > current:
        msg = (
            f"$.version: version {version} documents need a lifesci-partners newer than "
            f"{_library_version()}, which reads versions up to {current}; upgrade it with "
            "'pip install --upgrade lifesci-partners'"
        )
        raise ValidationError([msg])
    oldest = oldest_readable(current)
    if version < oldest:
        msg = (
            f"$.version: version {version} documents are not readable: lifesci-partners "
            f"{_library_version()} reads versions {oldest} to {current}"
        )
        raise ValidationError([msg])
    while version < current:
        body = MIGRATIONS[version](body)
        version += 1
    return body
