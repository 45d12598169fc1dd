"""A whole directory document read by the detailed converter: every problem in one round.

The fast converter reads a directory as any attrs class. When it fails, this reads each
organization, agreement and announcement on its own, so that one that cannot be built hides
nothing else: duplicate ids and references to nothing are checked from every id that could be
read (:func:`~lifesci_partners._directory.check_directory`), and reported with the problems of
the items themselves. Each item's problems become lines as soon as it fails, so that memory
grows with the lines kept, never with cattrs' trees of exceptions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError

from lifesci_partners._agreement import Agreement
from lifesci_partners._announcement import Announcement
from lifesci_partners._directory import Directory, PartlyRead, check_directory
from lifesci_partners._json._errors import errors_of
from lifesci_partners._json._tagged import directory_body
from lifesci_partners._organization import Organization
from lifesci_partners._shown import json_kind
from lifesci_partners._validate import is_identifier
from lifesci_partners.exceptions import ValidationError

__all__ = ["whole_directory_factory"]

_ITEMS: dict[str, type] = {
    "organizations": Organization,
    "agreements": Agreement,
    "announcements": Announcement,
    "complete_partnerships": str,
}
_KNOWN = frozenset(a.name for a in attrs.fields(Directory) if a.init)


def _readable_id(item: Any) -> str | None:
    """The id of an item that could not be built, if it has a valid one.

    An invalid id is not taken for any: references to the item it belongs to cannot be told
    from references to nothing until it is fixed, so none is reported.
    """
    if type(item) is dict:
        item_id = item.get("id")
        if type(item_id) is str and is_identifier(item_id):
            return item_id
    return None


# Where an organization or an agreement names other organizations: (array, key in each item).
_ORG_REFS = {
    "organizations": (("relationships", "organization"), ("founders", "organization")),
    "agreements": (("parties", "org"),),
}


def _partly_read(name: str, item: Any) -> PartlyRead | None:
    """The valid id and the references to organizations of an item that could not be built."""
    if type(item) is not dict:
        return None
    refs = []
    for array, key in _ORG_REFS[name]:
        entries = item.get(array)
        if type(entries) is not list:
            continue
        for j, entry in enumerate(entries):
            org_id = entry.get(key) if type(entry) is dict else None
            if type(org_id) is str and is_identifier(org_id):
                refs.append((f".{array}[{j}].{key}", org_id))
    return PartlyRead(_readable_id(item), tuple(refs))


def _stand_in(name: str, item: Any) -> Any:
    """What stands in the read items for one that could not be built."""
    if name in _ORG_REFS:
        return _partly_read(name, item)
    return None if name == "complete_partnerships" else _readable_id(item)


def _read_items(
    name: str, value: Any, hook: Callable[[Any, type], Any], cls: type, errors: list[str]
) -> list[Any] | None:
    """Each item of the array ``value`` read on its own; ``None`` if it is not an array.

    An item that cannot be read adds its problems to ``errors`` and stands in the result as the
    id read from it, or ``None``.
    """
    if type(value) is not list:
        errors.append(f"$.{name}: expected an array, got {json_kind(value)}")
        return None
    items: list[Any] = []
    for index, item in enumerate(value):
        try:
            items.append(hook(item, cls))
        except Exception as exc:  # noqa: BLE001, PERF203  # whatever it was, errors_of says it
            errors.extend(f"$.{name}[{index}]{line[1:]}" for line in errors_of(exc))
            items.append(_stand_in(name, item))
    return items


def whole_directory_factory(_: type, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    """The detailed converter's directory hook: every problem of a document at once."""
    hooks = {name: (conv.get_structure_hook(cls), cls) for name, cls in _ITEMS.items()}

    def read_fields(body: dict[str, Any], _: type) -> Directory:
        errors: list[str] = []
        extra = set(body) - _KNOWN
        if extra:
            errors.extend(errors_of(ForbiddenExtraKeysError("", Directory, extra)))
        read: dict[str, list[Any]] = {}
        complete = True
        for name, (hook, cls) in hooks.items():
            if name in body:
                items = _read_items(name, body[name], hook, cls, errors)
                if items is None or (cls is str and None in items):
                    complete = False
                else:
                    read[name] = items
        if not errors:
            return Directory(
                read.get("organizations", ()),
                read.get("agreements", ()),
                announcements=read.get("announcements", ()),
                complete_partnerships=read.get("complete_partnerships", ()),
            )
        if complete:
            more, _people = check_directory(
                read.get("organizations", ()),
                read.get("agreements", ()),
                read.get("announcements", ()),
                [i for i in read.get("complete_partnerships", ()) if i is not None],
            )
            errors.extend(more)
        raise ValidationError(errors)

    def structure(value: Any, _: type) -> Directory:
        return directory_body(value, read_fields)

    return structure
