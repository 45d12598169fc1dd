"""Tests for document versions: newer ones refused, older ones migrated (synthetic version 0)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from lifesci_partners import (
    DOCUMENT_VERSION,
    Directory,
    ValidationError,
    __version__,
    examples,
    from_dict,
    from_json,
)
from lifesci_partners._json import _versions


def seed_document() -> dict[str, Any]:
    data = json.loads(examples.link_j_mpr_json())
    assert isinstance(data, dict)
    return data


def _from_version_0(body: dict[str, Any]) -> dict[str, Any]:
    """Synthetic version 0: organizations were under 'orgs' and parties were plain ids."""
    body = dict(body)
    if "orgs" in body:
        body["organizations"] = body.pop("orgs")
    agreements = body.get("agreements", [])
    if isinstance(agreements, list):
        body["agreements"] = [
            {**a, "parties": [{"org": p} if isinstance(p, str) else p for p in a["parties"]]}
            if isinstance(a, dict) and isinstance(a.get("parties"), list)
            else a
            for a in agreements
        ]
    return body


def version_0_document() -> dict[str, Any]:
    data = seed_document()
    data["version"] = 0
    data["orgs"] = data.pop("organizations")
    for agreement in data["agreements"]:
        agreement["parties"] = [party["org"] for party in agreement["parties"]]
    return data


@pytest.fixture
def version_0() -> Iterator[None]:
    """Register the synthetic migration from version 0 for one test."""
    _versions.MIGRATIONS[0] = _from_version_0
    try:
        yield
    finally:
        del _versions.MIGRATIONS[0]


class TestNewerVersion:
    def test_refused_with_the_library_that_reads_it(self) -> None:
        """A newer version is refused, saying which library reads it and how to get it."""
        data = seed_document()
        data["version"] = DOCUMENT_VERSION + 1
        with pytest.raises(ValidationError) as info:
            from_dict(data, Directory)
        (error,) = info.value.errors
        assert error == (
            f"$.version: version {DOCUMENT_VERSION + 1} documents need a lifesci-partners newer "
            f"than {__version__}, which reads versions up to {DOCUMENT_VERSION}; upgrade it with "
            "'pip install --upgrade lifesci-partners'"
        )

    def test_current_version_has_a_first_release(self) -> None:
        """The release that introduced the current version is recorded (the docs list it)."""
        assert DOCUMENT_VERSION in _versions.FIRST_RELEASE


class TestOlderVersion:
    def test_without_migration_refused(self) -> None:
        """An older version with no migration is refused, naming the versions this library reads."""
        with pytest.raises(ValidationError) as info:
            from_dict(version_0_document(), Directory)
        assert info.value.errors == (
            (
                f"$.version: version 0 documents are not readable: lifesci-partners "
                f"{__version__} reads versions 1 to 1"
            ),
        )

    @pytest.mark.usefixtures("version_0")
    def test_migrated_to_the_same_directory(self) -> None:
        """A version 0 document is migrated and reads as the same directory."""
        assert from_dict(version_0_document(), Directory) == examples.link_j_mpr()

    @pytest.mark.usefixtures("version_0")
    def test_migrated_from_json_text(self) -> None:
        """Migration also applies to JSON text."""
        text = json.dumps(version_0_document())
        assert from_json(text, Directory) == examples.link_j_mpr()

    @pytest.mark.usefixtures("version_0")
    def test_problems_after_migration_are_reported(self) -> None:
        """A migrated document is checked like any other."""
        data = version_0_document()
        data["agreements"][0]["parties"] = ["link-j", "nobody"]
        with pytest.raises(ValidationError) as info:
            from_dict(data, Directory)
        assert info.value.errors == (
            "$.agreements[0].parties[1].org: no organization with id 'nobody' in the directory",
        )

    @pytest.mark.usefixtures("version_0")
    def test_oldest_readable(self) -> None:
        """With a migration from 0, versions 0 and 1 are readable."""
        assert _versions.oldest_readable(DOCUMENT_VERSION) == 0

    def test_negative_version(self) -> None:
        """A negative version is refused like any unreadable one."""
        data = seed_document()
        data["version"] = -1
        with pytest.raises(ValidationError, match="version -1 documents are not readable"):
            from_dict(data, Directory)
