"""Objects told apart or framed by constant keys: tagged unions, events and the directory document.

Organizations and clusters, and the kinds of claims, carry their kind under ``"type"``; so do
events. A directory document is framed by its ``format`` and ``version``, and a document of an
older version is migrated (``_versions.py``) before it is read.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from types import UnionType
from typing import Any, Union, get_args, get_origin

import cattrs
from cattrs.strategies import include_subclasses

from lifesci_partners._amendments import (
    ContributionChanged,
    PartyAdded,
    PartyWithdrawn,
    PurposeChanged,
    RoleChanged,
    StatedEndChanged,
    TermChanged,
    TitleChanged,
)
from lifesci_partners._claims import Claim, PartnerCount, PartnerRank
from lifesci_partners._cluster import Cluster
from lifesci_partners._directory import Directory
from lifesci_partners._events import NonRenewalNotice, Termination
from lifesci_partners._json import _versions
from lifesci_partners._json._gen import _attrs_unstructure_factory
from lifesci_partners._json._hooks import _MISSING, _attrs_hook_factory, _ShapeError
from lifesci_partners._json._versions import DOCUMENT_FORMAT, DOCUMENT_VERSION
from lifesci_partners._options import OptionExercised
from lifesci_partners._organization import Organization
from lifesci_partners._shown import json_kind
from lifesci_partners.exceptions import ValidationError

__all__ = ["TYPE_KEY", "directory_body"]

TYPE_KEY = "type"
"""The key that tells the classes of a union apart in JSON: ``{"type": "cluster", ...}``."""


# Events and amendments are tagged unions: each object carries its kind under "type".
_EVENT_TYPE_KEY = "type"
_EVENT_TAGS: dict[type, str] = {
    NonRenewalNotice: "non_renewal_notice",
    Termination: "termination",
    OptionExercised: "option_exercised",
    TermChanged: "term_changed",
    StatedEndChanged: "stated_end_changed",
    PartyAdded: "party_added",
    PartyWithdrawn: "party_withdrawn",
    RoleChanged: "role_changed",
    ContributionChanged: "contribution_changed",
    TitleChanged: "title_changed",
    PurposeChanged: "purpose_changed",
}


def _is_event_union(t: Any) -> bool:
    """A union of tagged classes only: the events, or the amendments."""
    return get_origin(t) in (Union, UnionType) and set(get_args(t)) <= set(_EVENT_TAGS)


def _missing_or_kind(data: dict[str, Any], key: str) -> str:
    return json_kind(data[key]) if key in data else "nothing (the key is missing)"


def _event_structure_factory(cls: type, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    inner = _attrs_hook_factory(cls, conv)
    tag = _EVENT_TAGS[cls]

    def structure(value: Any, cl: type) -> Any:
        if type(value) is not dict:
            raise _ShapeError(f"expected an object, got {json_kind(value)}")
        if value.get(_EVENT_TYPE_KEY) != tag:
            got = _missing_or_kind(value, _EVENT_TYPE_KEY)
            raise ValidationError([f"$.{_EVENT_TYPE_KEY}: expected {tag!r}, got {got}"])
        body = {k: v for k, v in value.items() if k != _EVENT_TYPE_KEY}
        return inner(body, cl)

    return structure


def _event_unstructure_factory(cls: type, conv: cattrs.Converter) -> Callable[[Any], Any]:
    inner = _attrs_unstructure_factory(cls, conv)
    tag = _EVENT_TAGS[cls]

    def unstructure(event: Any) -> dict[str, Any]:
        return {_EVENT_TYPE_KEY: tag, **inner(event)}

    return unstructure


def _event_union_factory(union: Any, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    classes = {_EVENT_TAGS[cls]: cls for cls in get_args(union)}
    hooks = {tag: (conv.get_structure_hook(cls), cls) for tag, cls in classes.items()}
    tag_list = ", ".join(repr(tag) for tag in classes)
    noun = "an event" if NonRenewalNotice in classes.values() else "an amendment"

    def structure(value: Any, _: type) -> Any:
        if type(value) is not dict:
            raise _ShapeError(f"expected {noun} (an object), got {json_kind(value)}")
        tag = value.get(_EVENT_TYPE_KEY)
        if type(tag) is not str or tag not in hooks:
            got = _missing_or_kind(value, _EVENT_TYPE_KEY)
            msg = f"$.{_EVENT_TYPE_KEY}: expected one of {tag_list}, got {got}"
            raise ValidationError([msg])
        hook, cls = hooks[tag]
        return hook(value, cls)

    return structure


def _directory_structure_factory(_: type, conv: cattrs.Converter) -> Callable[[Any, type], Any]:
    body = _attrs_hook_factory(Directory, conv)

    def structure(value: Any, _: type) -> Directory:
        return directory_body(value, body)

    return structure


def directory_body(value: Any, read_fields: Callable[[Any, type], Any]) -> Directory:
    """Check a directory document's frame (format and version), migrate it, read its body."""
    if type(value) is not dict:
        raise _ShapeError(f"expected a directory document (an object), got {json_kind(value)}")
    errors = []
    body = dict(value)
    fmt = body.pop("format", _MISSING)
    version = body.pop("version", _MISSING)
    if fmt is _MISSING:
        errors.append(f"$.format: required, but missing; write {DOCUMENT_FORMAT!r}")
    elif fmt != DOCUMENT_FORMAT:
        errors.append(f"$.format: expected {DOCUMENT_FORMAT!r}, got {json_kind(fmt)}")
    if version is _MISSING:
        errors.append(f"$.version: required, but missing; write {DOCUMENT_VERSION}")
    elif type(version) is not int:
        errors.append(f"$.version: expected a whole number, got {json_kind(version)}")
    elif version != DOCUMENT_VERSION:
        try:
            body = _versions.upgrade(body, version, DOCUMENT_VERSION)
        except ValidationError as exc:
            errors.extend(exc.errors)
    if errors:
        raise ValidationError(errors)
    directory: Directory = read_fields(body, Directory)
    return directory


def _directory_unstructure_factory(_: type, conv: cattrs.Converter) -> Callable[[Any], Any]:
    fields = _attrs_unstructure_factory(Directory, conv, omit_if_default=False)

    def unstructure(directory: Directory) -> dict[str, Any]:
        return {"format": DOCUMENT_FORMAT, "version": DOCUMENT_VERSION, **fields(directory)}

    return unstructure


_ORGANIZATION_TAGS: dict[type, str] = {Organization: "organization", Cluster: "cluster"}
_CLAIM_TAGS: dict[type, str] = {PartnerRank: "partner_rank", PartnerCount: "partner_count"}
LEAF_TAGS: dict[type, str] = {Cluster: "cluster", **_CLAIM_TAGS}
"""The classes that may carry their tag, or leave it out, when read as themselves."""


def _tagged_structure(
    conv: cattrs.Converter, tags: dict[type, str], untagged: type | None
) -> Callable[[Any, Any], Any]:
    """Read an object whose class is named by its ``"type"`` key.

    An object without the key is an ``untagged`` (if given): plain organizations are written
    without it, so documents from before clusters existed still read the same.
    """
    hooks = {cl: conv.get_structure_hook(cl) for cl in tags}
    by_tag = {tag: cl for cl, tag in tags.items()}
    expected = ", ".join(repr(tag) for tag in by_tag)

    def structure(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise _ShapeError(f"expected an object, got {json_kind(value)}")
        if TYPE_KEY not in value:
            if untagged is None:
                raise ValidationError([f"$.{TYPE_KEY}: required, but missing; one of {expected}"])
            return hooks[untagged](value, untagged)
        tag = value[TYPE_KEY]
        cl = by_tag.get(tag) if type(tag) is str else None
        if cl is None:
            raise ValidationError(
                [f"$.{TYPE_KEY}: expected one of {expected}, got {json_kind(tag)}"]
            )
        return hooks[cl]({k: v for k, v in value.items() if k != TYPE_KEY}, cl)

    return structure


def _tagged_unstructure(
    conv: cattrs.Converter, tags: dict[type, str], untagged: type | None
) -> Callable[[Any], Any]:
    hooks = {cl: conv.get_unstructure_hook(cl) for cl in tags}

    def unstructure(obj: Any) -> Any:
        data = hooks[obj.__class__](obj)
        if obj.__class__ is untagged:
            return data
        return {TYPE_KEY: tags[obj.__class__], **data}

    return unstructure


def _tagged_union(tags: dict[type, str], untagged: type | None) -> Callable[[Any, Any], None]:
    """A cattrs union strategy (as :func:`cattrs.strategies.configure_tagged_union`).

    Unlike cattrs' own, an unknown tag is an error with its path rather than the default class,
    a value that is not an object is refused with a message, and the untagged class is written
    without a tag.
    """

    def strategy(union: Any, conv: cattrs.Converter) -> None:
        members = {cl: tags[cl] for cl in get_args(union)}
        conv.register_structure_hook(union, _tagged_structure(conv, members, untagged))
        conv.register_unstructure_hook(union, _tagged_unstructure(conv, members, untagged))

    return strategy


def _register_tagged_unions(conv: cattrs.Converter) -> None:
    """Organizations and clusters, and the kinds of claims, told apart by ``"type"``."""
    include_subclasses(
        Organization,
        conv,
        subclasses=(Cluster,),
        union_strategy=_tagged_union(_ORGANIZATION_TAGS, untagged=Organization),
    )
    _tagged_union(_CLAIM_TAGS, untagged=None)(Claim, conv)
    # A cluster or a claim read as such may carry its tag or leave it out; it is written with it.
    for cls, tag in LEAF_TAGS.items():
        leaf = _tagged_structure(conv, {cls: tag}, untagged=cls)
        conv.register_structure_hook_func(functools.partial(operator.is_, cls), leaf)
    for cls, tag in _CLAIM_TAGS.items():
        written = _tagged_unstructure(conv, {cls: tag}, untagged=None)
        conv.register_unstructure_hook_func(functools.partial(operator.is_, cls), written)
