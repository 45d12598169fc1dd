"""Import organizations from ROR (Research Organization Registry) v2 records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from lifesci_partners._dates import PartialDate
from lifesci_partners._identifiers import Identifier
from lifesci_partners._links import Link, LinkKind
from lifesci_partners._locales import locale_key
from lifesci_partners._localized import LocalizedText
from lifesci_partners._names import NameKind, OrganizationName
from lifesci_partners._organization import (
    Address,
    Organization,
    OrganizationKind,
    OrganizationStatus,
)
from lifesci_partners._relationships import Relationship, RelationshipKind
from lifesci_partners._validate import identifier
from lifesci_partners.exceptions import ValidationError

__all__ = ["from_ror"]

T = TypeVar("T")

_ROR_PREFIX = "https://ror.org/"
_RECORD_KEYS = frozenset(
    {
        "id",
        "names",
        "types",
        "status",
        "established",
        "locations",
        "links",
        "external_ids",
        "relationships",
        "domains",
        "admin",
    }
)
_REQUIRED = ("id", "names", "types", "status")
_NAME_KEYS = frozenset({"value", "types", "lang"})
_LOCATION_KEYS = frozenset({"geonames_id", "geonames_details"})
_GEONAMES_KEYS = frozenset(
    {
        "name",
        "lat",
        "lng",
        "continent_code",
        "continent_name",
        "country_code",
        "country_name",
        "country_subdivision_code",
        "country_subdivision_name",
    }
)
_LINK_KEYS = frozenset({"type", "value"})
_EXTERNAL_ID_KEYS = frozenset({"type", "all", "preferred"})
_RELATIONSHIP_KEYS = frozenset({"type", "id", "label"})

_KINDS = {
    "education": OrganizationKind.UNIVERSITY,
    "funder": OrganizationKind.FUNDER,
    "healthcare": OrganizationKind.HOSPITAL,
    "company": OrganizationKind.COMPANY,
    "archive": OrganizationKind.ARCHIVE,
    "nonprofit": OrganizationKind.NONPROFIT,
    "government": OrganizationKind.GOVERNMENT,
    "facility": OrganizationKind.FACILITY,
    "other": OrganizationKind.OTHER,
}
_STATUSES = {status.value: status for status in OrganizationStatus}
_RELATIONSHIPS = {
    "parent": RelationshipKind.PARENT,
    "child": RelationshipKind.CHILD,
    "related": RelationshipKind.RELATED,
    "successor": RelationshipKind.SUCCESSOR,
    "predecessor": RelationshipKind.PREDECESSOR,
}
_LINKS = {"website": LinkKind.WEBSITE, "wikipedia": LinkKind.WIKIPEDIA}
_NAME_TYPES = {"ror_display", "label", "acronym", "alias"}
_VALUE = {"$.value": "$"}  # an identifier's value is the record's string itself


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."  # noqa: PLR2004  # keep messages short


class _Reader:
    """Collects every problem of a record, each with its path."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")

    def mapping(self, value: object, path: str, keys: frozenset[str]) -> dict[str, Any] | None:
        if type(value) is not dict:
            self.error(path, f"expected an object, got {_shown(value)}")
            return None
        for key in sorted(set(value) - keys, key=str):
            self.error(
                f"{path}.{key}", f"unknown key in a ROR v2 record; expected only: {sorted(keys)}"
            )
        return value

    def array(self, value: object, path: str) -> list[Any]:
        if value is None:
            return []
        if type(value) is not list:
            self.error(path, f"expected an array, got {_shown(value)}")
            return []
        return value

    def string(self, value: object, path: str, *, nullable: bool = False) -> str | None:
        if value is None and nullable:
            return None
        if type(value) is not str or not value.strip():
            self.error(path, f"expected a non-empty string, got {_shown(value)}")
            return None
        return value

    def choice(self, value: object, path: str, choices: dict[str, T]) -> T | None:
        if type(value) is str and value in choices:
            return choices[value]
        self.error(path, f"expected one of {sorted(choices)}, got {_shown(value)}")
        return None

    def build(
        self,
        path: str,
        make: Callable[..., T],
        *args: Any,
        keys: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> T | None:
        """Return ``make(*args, **kwargs)``; its ValidationError is reported under ``path``.

        ``keys`` maps the model's field paths to the record's (``{"$.url": "$.value"}``), so
        that every error names a place in the record.
        """
        try:
            return make(*args, **kwargs)
        except ValidationError as exc:
            errors = list(exc.errors)
            for model_path, record_path in (keys or {}).items():
                errors = [
                    record_path + e[len(model_path) :] if e.startswith(model_path + ":") else e
                    for e in errors
                ]
            self.errors.extend(ValidationError(errors).prefixed(path).errors)
            return None

    def ror_id(self, value: object, path: str) -> Identifier | None:
        url = self.string(value, path)
        if url is None:
            return None
        if not url.startswith(_ROR_PREFIX):
            self.error(
                path, f"expected a ROR id URL such as 'https://ror.org/05dxps055', got {url!r}"
            )
            return None
        return self.build(path, Identifier, "ror", url.removeprefix(_ROR_PREFIX), keys=_VALUE)


class _Names:
    """The names of a record, sorted into labels by locale, the acronym, and the others."""

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}
        self.acronym: str | None = None
        self.others: list[OrganizationName] = []
        self.unlocalized_display: tuple[str, str] | None = None  # (path, text)


def _name_kind(types: list[Any]) -> NameKind | None:
    if "label" in types or "ror_display" in types:
        return NameKind.LABEL
    if "acronym" in types:
        return NameKind.ACRONYM
    if "alias" in types:
        return NameKind.ALIAS
    return None


def _read_types(reader: _Reader, raw: object, path: str) -> list[Any]:
    types = reader.array(raw, path)
    for index, kind_name in enumerate(types):
        if kind_name not in _NAME_TYPES:
            reader.error(
                f"{path}[{index}]",
                f"expected one of {sorted(_NAME_TYPES)}, got {_shown(kind_name)}",
            )
    return types


def _read_lang(reader: _Reader, raw: object, path: str) -> tuple[bool, str | None]:
    """(whether the language is usable, the locale or None for 'not known')."""
    lang = reader.string(raw, path, nullable=True)
    if lang is None:
        return raw is None, None
    try:
        return True, locale_key(lang)
    except ValueError as exc:
        reader.error(path, str(exc))
        return False, None


def _read_name(reader: _Reader, names: _Names, raw: object, path: str) -> None:
    name = reader.mapping(raw, path, _NAME_KEYS)
    if name is None:
        return
    text = reader.string(name.get("value"), f"{path}.value")
    types = _read_types(reader, name.get("types"), f"{path}.types")
    kind = _name_kind(types)
    if kind is None:
        reader.error(f"{path}.types", "a name needs a type: ror_display, label, acronym or alias")
    usable, locale = _read_lang(reader, name.get("lang"), f"{path}.lang")
    if text is None or kind is None or not usable:
        return
    text = text.strip()
    if kind is NameKind.LABEL and locale is not None and "ror_display" in types:
        replaced = names.labels.pop(locale, None)
        names.labels = {locale: text, **names.labels}
        if replaced is not None:
            names.others.insert(0, OrganizationName(replaced, NameKind.LABEL, locale))
    elif kind is NameKind.LABEL and locale is not None and locale not in names.labels:
        names.labels[locale] = text
    elif kind is NameKind.ACRONYM and names.acronym is None:
        names.acronym = text
    else:
        if kind is NameKind.LABEL and locale is None and "ror_display" in types:
            names.unlocalized_display = (f"{path}.lang", text)
        other = reader.build(path, OrganizationName, text, kind, locale)
        if other is not None and other not in names.others:
            names.others.append(other)


def _official_name(
    reader: _Reader, names: _Names, default_language: str | None
) -> LocalizedText | None:
    if names.labels:
        return LocalizedText(names.labels)
    display = names.unlocalized_display
    if display is None:
        reader.error("$.names", "the record has no label (a name of type ror_display or label)")
        return None
    path, text = display
    if default_language is None:
        reader.error(
            path,
            f"no label has a language, and the display name {text!r} has none either; "
            "pass default_language= to from_ror to say which language it is in",
        )
        return None
    names.others = [n for n in names.others if not (n.text == text and n.locale is None)]
    return reader.build("$", LocalizedText, {default_language: text})


def _read_location(reader: _Reader, raw: object, path: str) -> Address | None:
    location = reader.mapping(raw, path, _LOCATION_KEYS)
    if location is None:
        return None
    details = reader.mapping(
        location.get("geonames_details"), f"{path}.geonames_details", _GEONAMES_KEYS
    )
    if details is None:
        return None
    base = f"{path}.geonames_details"
    country = reader.string(details.get("country_code"), f"{base}.country_code")
    city = reader.string(details.get("name"), f"{base}.name", nullable=True)
    region = reader.string(
        details.get("country_subdivision_name"), f"{base}.country_subdivision_name", nullable=True
    )
    if country is None:
        return None
    return reader.build(
        base,
        Address,
        keys={"$.country": "$.country_code"},
        country=country,
        locality=None if city is None else LocalizedText({"en": city}),
        region=None if region is None else LocalizedText({"en": region}),
    )


def _read_external_ids(reader: _Reader, raw: object, path: str) -> list[Identifier]:
    entry = reader.mapping(raw, path, _EXTERNAL_ID_KEYS)
    if entry is None:
        return []
    scheme = reader.string(entry.get("type"), f"{path}.type")
    preferred = reader.string(entry.get("preferred"), f"{path}.preferred", nullable=True)
    values = [
        (f"{path}.all[{i}]", reader.string(v, f"{path}.all[{i}]"))
        for i, v in enumerate(reader.array(entry.get("all"), f"{path}.all"))
    ]
    if preferred is not None:
        values.sort(key=lambda item: item[1] != preferred)
        if preferred not in (v for _, v in values):
            values.insert(0, (f"{path}.preferred", preferred))
    if scheme is None:
        return []
    result = []
    for value_path, value in values:
        if value is None:
            continue
        compact = value.replace(" ", "") if scheme == "isni" else value  # ROR spaces ISNIs
        identifier = reader.build(value_path, Identifier, scheme, compact, keys=_VALUE)
        if identifier is not None:
            result.append(identifier)
    return result


def _read_relationship(reader: _Reader, raw: object, path: str) -> Relationship | None:
    entry = reader.mapping(raw, path, _RELATIONSHIP_KEYS)
    if entry is None:
        return None
    kind = reader.choice(entry.get("type"), f"{path}.type", _RELATIONSHIPS)
    target = reader.ror_id(entry.get("id"), f"{path}.id")
    label = reader.string(entry.get("label"), f"{path}.label", nullable=True)
    if kind is None or target is None:
        return None
    return Relationship(kind, identifier=target, label=label)


def _read_link(reader: _Reader, raw: object, path: str) -> Link | None:
    entry = reader.mapping(raw, path, _LINK_KEYS)
    if entry is None:
        return None
    kind = reader.choice(entry.get("type"), f"{path}.type", _LINKS)
    url = reader.string(entry.get("value"), f"{path}.value")
    if kind is None or url is None:
        return None
    return reader.build(path, Link, url, kind, keys={"$.url": "$.value"})


def _read_established(reader: _Reader, value: object) -> PartialDate | None:
    if value is None:
        return None
    if type(value) is not int:
        reader.error("$.established", f"expected a year (a whole number) or null, got {value!r}")
        return None
    return reader.build("$.established", PartialDate, value)


def _check_org_id(org_id: str) -> None:
    try:
        identifier(None, attrs.fields(Organization).id, org_id)
    except ValidationError as exc:
        problem = exc.errors[0].split(": ", 1)[1]
        raise ValidationError([f"$: the org_id argument: {problem}"]) from None


def from_ror(
    record: object, *, org_id: str | None = None, default_language: str | None = None
) -> Organization:
    """Build an :class:`~lifesci_partners.Organization` from a ROR v2 record (parsed JSON).

    What is kept, and where:

    - ``id`` becomes the identifier ``ror`` (and, by default, the organization's id: the bare
      ROR id, ``"05dxps055"``); ``external_ids`` become identifiers, the preferred one of each
      type first (ISNIs without their spaces).
    - ``names``: labels with a language become ``name`` (the ``ror_display`` label first), the
      first acronym ``acronym``, and every other name an entry of ``other_names`` with its
      kind and language.
    - ``types`` become ``kind`` and ``other_kinds`` (``education`` is a university,
      ``healthcare`` a hospital); ``status`` the status; ``established`` ``founded_on``, a year.
    - ``locations``: the first is the headquarters, the others ``locations``; the GeoNames
      place name is the locality and the subdivision name the region, both keyed ``en``
      (GeoNames' main names are the English ones).
    - ``links``: the first website is ``website``, the others ``links``.
    - ``relationships`` become relationships that name the other organization by its ROR id
      and label.

    Not kept: ``domains``, ``admin`` (the registry's record dates), and GeoNames ids,
    coordinates and continent. Unknown keys are refused, so a record of a later schema is not
    read half-way.

    Args:
        record: One ROR v2 record, as :func:`json.loads` gives it.
        org_id: The id of the organization in your data set; default: the bare ROR id.
        default_language: The language of the display name when no label in the record has a
            language (``Organization.name`` needs one); by default that is an error.

    Returns:
        The organization.

    Raises:
        ValidationError: Every problem of the record, each with its path in the record
            (``$.external_ids[1].all[0]``).

    Example:
        >>> from lifesci_partners import from_ror
        >>> caltech = from_ror({
        ...     "id": "https://ror.org/05dxps055",
        ...     "names": [
        ...         {"value": "California Institute of Technology", "lang": "en",
        ...          "types": ["ror_display", "label"]},
        ...         {"value": "Caltech", "lang": None, "types": ["alias"]},
        ...     ],
        ...     "types": ["education", "funder"],
        ...     "status": "active",
        ...     "established": 1891,
        ... })
        >>> caltech.id, caltech.kind.value, str(caltech.founded_on)
        ('05dxps055', 'university', '1891')
        >>> [n.text for n in caltech.other_names]
        ['Caltech']

    .. versionadded:: 0.1.0
    """
    if org_id is not None:
        _check_org_id(org_id)
    reader = _Reader()
    data = reader.mapping(record, "$", _RECORD_KEYS)
    if data is None:
        raise ValidationError(reader.errors)
    for key in _REQUIRED:
        if key not in data:
            reader.error(f"$.{key}", "required in a ROR v2 record, but missing")
    ror = reader.ror_id(data.get("id"), "$.id") if "id" in data else None

    names = _Names()
    for index, raw in enumerate(reader.array(data.get("names"), "$.names")):
        _read_name(reader, names, raw, f"$.names[{index}]")
    name = _official_name(reader, names, default_language) if "names" in data else None

    kinds = [
        reader.choice(raw, f"$.types[{index}]", _KINDS)
        for index, raw in enumerate(reader.array(data.get("types"), "$.types"))
    ]
    status = reader.choice(data["status"], "$.status", _STATUSES) if "status" in data else None
    founded = _read_established(reader, data.get("established"))
    locations = [
        _read_location(reader, raw, f"$.locations[{index}]")
        for index, raw in enumerate(reader.array(data.get("locations"), "$.locations"))
    ]
    identifiers = [] if ror is None else [ror]
    for index, raw in enumerate(reader.array(data.get("external_ids"), "$.external_ids")):
        identifiers.extend(_read_external_ids(reader, raw, f"$.external_ids[{index}]"))
    relationships = [
        _read_relationship(reader, raw, f"$.relationships[{index}]")
        for index, raw in enumerate(reader.array(data.get("relationships"), "$.relationships"))
    ]
    links = [
        _read_link(reader, raw, f"$.links[{index}]")
        for index, raw in enumerate(reader.array(data.get("links"), "$.links"))
    ]
    for index, domain in enumerate(reader.array(data.get("domains"), "$.domains")):
        reader.string(domain, f"$.domains[{index}]")

    if reader.errors:
        raise ValidationError(reader.errors)
    assert name is not None  # noqa: S101  # no errors, so the names were read
    assert ror is not None  # noqa: S101  # likewise the id
    website = next((link for link in links if link and link.kind is LinkKind.WEBSITE), None)
    unique_kinds = list(dict.fromkeys(k for k in kinds if k is not None))
    places = [a for a in locations if a is not None]
    organization = reader.build(
        "$",
        Organization,
        id=ror.value if org_id is None else org_id,
        name=name,
        acronym=names.acronym,
        headquarters=places[0] if places else None,
        website=None if website is None else website.url,
        other_names=names.others,
        kind=unique_kinds[0] if unique_kinds else None,
        other_kinds=unique_kinds[1:],
        founded_on=founded,
        status=status,
        locations=places[1:],
        identifiers=list(dict.fromkeys(identifiers)),
        relationships=[r for r in relationships if r is not None],
        links=list(
            dict.fromkeys(link for link in links if link is not None and link is not website)
        ),
    )
    if organization is None:
        raise ValidationError(reader.errors)
    return organization
