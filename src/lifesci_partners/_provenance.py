"""Where a record came from: the registry, the record's id there, and the registry's dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

from lifesci_partners._identifiers import _scheme
from lifesci_partners._validate import (
    date_value,
    describe,
    fail,
    identifier,
    optional,
    rule,
    whole,
    wrong_type,
)

__all__ = ["Provenance"]

_VERSION = re.compile(r"[0-9]+(?:\.[0-9]+){0,3}")


@rule({"type": "string", "pattern": whole(_VERSION)})
def _schema_version(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise wrong_type(attribute, "a schema version such as '2.1'", value)
    if _VERSION.fullmatch(value) is None:
        raise fail(attribute, f"expected a schema version such as '2.1', got {describe(value)}")


@attrs.frozen
class Provenance:
    """The registry record an organization was imported from, as the registry dates it.

    Args:
        registry: The registry, named like an identifier scheme (``"ror"``).
        record_id: The record's id in that registry (``"057zh3y96"``).
        created_on: When the registry created the record.
        modified_on: When the registry last changed the record.
        schema_version: The version of the registry's schema the record was last written in.
        created_schema_version: The schema version the record was created in.

    Raises:
        ValidationError: A field has the wrong type or form.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import Provenance
        >>> Provenance("ror", "057zh3y96", modified_on=dt.date(2025, 11, 24),
        ...            schema_version="2.1").schema_version
        '2.1'

    .. versionadded:: 0.2.0
    """

    registry: str = attrs.field(validator=_scheme)
    record_id: str = attrs.field(validator=identifier)
    created_on: dt.date | None = attrs.field(
        default=None, kw_only=True, validator=optional(date_value)
    )
    modified_on: dt.date | None = attrs.field(
        default=None, kw_only=True, validator=optional(date_value)
    )
    schema_version: str | None = attrs.field(
        default=None, kw_only=True, validator=optional(_schema_version)
    )
    created_schema_version: str | None = attrs.field(
        default=None, kw_only=True, validator=optional(_schema_version)
    )
