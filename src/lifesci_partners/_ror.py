"""Import organizations from ROR (Research Organization Registry) v2 records.

A record is read part by part. A problem in a part that the organization can do without (an
identifier with a wrong check digit, a link that is no URL) is a *part problem*: :func:`from_ror`
refuses the record for it, and :func:`~lifesci_partners.load_ror` in lenient mode drops the part
and reports it. A problem that leaves no organization to build (no id, no usable name, a key of
a later schema) is a *record problem*.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NamedTuple, TypeVar

import attrs

from lifesci_partners._coordinates import Coordinates
from lifesci_partners._dates import PartialDate
from lifesci_partners._free_text import forbidden_in
from lifesci_partners._identifiers import Identifier, identifier_of
from lifesci_partners._json._trusted import trusted_init
from lifesci_partners._links import Link, LinkKind
from lifesci_partners._locales import UNDETERMINED, locale_key
from lifesci_partners._localized import checked_text  # for texts read with _Reader.string
from lifesci_partners._names import NameKind, OrganizationName
from lifesci_partners._organization import (
    Address,
    Organization,
    OrganizationKind,
    OrganizationStatus,
    _domain_problem,
)
from lifesci_partners._provenance import Provenance
from lifesci_partners._relationships import Relationship, RelationshipKind
from lifesci_partners._validate import identifier
from lifesci_partners.exceptions import ValidationError

__all__ = ["Drop", "RecordRead", "from_ror", "read_record", "record_id"]

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
# The texts of geonames_details, in the order they are checked; the continent and the country's
# name are checked but not kept: CLDR knows them from the country code.
_GEONAMES_TEXTS = (
    "name",
    "country_subdivision_name",
    "country_code",
    "country_subdivision_code",
    "continent_code",
    "continent_name",
    "country_name",
)
_LINK_KEYS = frozenset({"type", "value"})
_EXTERNAL_ID_KEYS = frozenset({"type", "all", "preferred"})
_RELATIONSHIP_KEYS = frozenset({"type", "id", "label"})
_ADMIN_KEYS = frozenset({"created", "last_modified"})
_DATE_KEYS = frozenset({"date", "schema_version"})

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
_NAME_TYPES = frozenset({"ror_display", "label", "acronym", "alias"})
_SCHEMA_VERSIONS = frozenset({"1.0", "2.0", "2.1"})
# The model's field paths, and the record's, for a problem a model finds (see _Reader.refused).
_VALUE = {"$.value": "$"}  # an identifier's value is the record's string itself
_COORDINATE_KEYS = {"$.latitude": "$.lat", "$.longitude": "$.lng"}
_ADDRESS_KEYS = {
    "$.country": "$.country_code",
    "$.subdivision": "$.country_subdivision_code",
    "$.geonames_id": "$.geonames_id",
}
_URL_KEYS = {"$.url": "$.value"}
_DATE_LENGTH = 10
# The models, built from values this module has read and checked (see trusted_init).
_new_name = trusted_init(OrganizationName)
_new_address = trusted_init(Address)
_new_relationship = trusted_init(Relationship)
_new_provenance = trusted_init(Provenance)
_new_organization = trusted_init(Organization)
_SHOWN = 60


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


@attrs.frozen
class Drop:
    """A part of a record that could not be represented: where, what, why, and its kind."""

    path: str
    value: object
    message: str
    kind: str


class RecordRead(NamedTuple):
    """What reading one record gave: the organization, or the reasons there is none."""

    organization: Organization | None
    record_id: str | None
    errors: tuple[str, ...]
    drops: tuple[Drop, ...]


class _Part(Exception):  # noqa: N818  # control flow inside this module, never raised out
    """A part of the record is unusable; raised to leave it out."""


class _Reader:
    """Collects the problems of a record: record problems, and parts dropped."""

    __slots__ = ("drops", "errors")

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.drops: list[Drop] = []

    def drop(self, path: str, value: object, message: str, kind: str) -> _Part:
        self.drops.append(Drop(path, value, message, kind))
        return _Part()

    def mapping(self, value: object, path: str, keys: frozenset[str], kind: str) -> dict[str, Any]:
        if type(value) is not dict:
            raise self.drop(path, value, f"expected an object, got {_shown(value)}", kind)
        if keys.issuperset(value):  # the usual case, in one C call
            return value
        extra = [key for key in value if key not in keys]
        if extra:
            message = (
                f"unknown key {_shown(extra[0])} in a ROR v2 record; expected only: "
                f"{', '.join(sorted(keys))}"
            )
            raise self.drop(f"{path}.{extra[0]}", value[extra[0]], message, "unknown-key")
        return value

    def array(self, value: object, path: str, kind: str) -> list[Any]:
        if value is None:
            return []
        if type(value) is not list:
            self.drop(path, value, f"expected an array, got {_shown(value)}", kind)
            return []
        return value

    def string(self, value: object, path: str, kind: str) -> str:
        if type(value) is not str or not value or value.isspace():  # as _blank, inline: hot
            raise self.drop(path, value, f"expected a non-empty string, got {_shown(value)}", kind)
        # Every string of a ROR record is one line: a control character is never data there.
        problem = None if value.isprintable() else forbidden_in(value, one_line=True)
        if problem is not None:
            raise self.drop(path, value, problem, kind)
        return value

    def optional_string(self, value: object, path: str, kind: str) -> str | None:
        return None if value is None else self.string(value, path, kind)

    def optional_strings(
        self, values: dict[str, Any], keys: tuple[str, ...], path: str, kind: str
    ) -> None:
        """Check that each of ``keys`` in ``values`` is null, absent or a string, in one call."""
        for key in keys:
            value = values.get(key)
            # What string() accepts, without a call and a path for each text that passes.
            if value is None or (
                type(value) is str and value and not value.isspace() and value.isprintable()
            ):
                continue
            self.string(value, f"{path}.{key}", kind)

    def choice(self, value: object, path: str, choices: dict[str, T], kind: str) -> T:
        if type(value) is str and value in choices:
            return choices[value]
        message = f"expected one of {', '.join(sorted(choices))}, got {_shown(value)}"
        raise self.drop(path, value, message, kind)

    def refused(
        self,
        exc: ValidationError,
        path: str,
        value: object,
        kind: str,
        keys: dict[str, str] | None = None,
    ) -> _Part:
        """Drop the part at ``path`` that a model refused (``exc``), naming its place.

        ``keys`` maps the model's field paths to the record's (``{"$.url": "$.value"}``), so
        that the problem names a place in the record.
        """
        line = exc.errors[0]
        for model_path, record_path in (keys or {}).items():
            if line.startswith(model_path + ":"):
                line = record_path + line[len(model_path) :]
        where, _, message = line.partition(": ")
        full = path + where[1:] if where.startswith("$") else path
        return self.drop(full, value, message, kind)


def _blank(text: str) -> bool:
    """Empty or only white space (``not text.strip()``, without a copy of the text)."""
    return not text or text.isspace()


def record_id(record: object) -> str | None:
    """The bare ROR id of a record (``"05dxps055"``), or ``None`` when it has none to read."""
    if type(record) is not dict:
        return None
    url = record.get("id")
    if type(url) is not str or not url.startswith(_ROR_PREFIX):
        return None
    bare = url.removeprefix(_ROR_PREFIX)
    return bare if 0 < len(bare) <= _SHOWN and bare.isalnum() else None


def _ror_identifier(reader: _Reader, value: object, path: str, kind: str) -> Identifier:
    url = reader.string(value, path, kind)
    if not url.startswith(_ROR_PREFIX):
        message = f"expected a ROR id URL such as 'https://ror.org/05dxps055', got {_shown(url)}"
        raise reader.drop(path, url, message, kind)
    try:
        return identifier_of("ror", url.removeprefix(_ROR_PREFIX))
    except ValidationError as exc:
        raise reader.refused(exc, path, url, kind, _VALUE) from None


class _Name(NamedTuple):
    text: str
    lang: str | None  # as the record gives it: None when not stated
    types: frozenset[str]
    path: str


def _read_name(reader: _Reader, raw: object, path: str, default: str | None) -> _Name:
    name = reader.mapping(raw, path, _NAME_KEYS, "name")
    text = reader.string(name.get("value"), f"{path}.value", "name")
    raw_types = name.get("types")
    if type(raw_types) is not list or not raw_types:
        message = f"expected a non-empty array of name types, got {_shown(raw_types)}"
        raise reader.drop(f"{path}.types", raw_types, message, "name")
    for index, kind in enumerate(raw_types):
        if type(kind) is not str or kind not in _NAME_TYPES:
            message = f"expected one of {', '.join(sorted(_NAME_TYPES))}, got {_shown(kind)}"
            raise reader.drop(f"{path}.types[{index}]", kind, message, "name")
    lang = name.get("lang")
    if lang is not None:
        if type(lang) is not str:
            message = f"expected a language tag such as 'en', or null, got {_shown(lang)}"
            raise reader.drop(f"{path}.lang", lang, message, "language")
        try:
            lang = locale_key(lang)
        except ValueError as exc:
            raise reader.drop(f"{path}.lang", lang, str(exc), "language") from None
    return _Name(text, lang if lang is not None else default, frozenset(raw_types), path)


class _Names:
    """The names of a record, sorted into the official labels, the acronym, and the others."""

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}
        self.acronym: _Name | None = None
        self.others: dict[OrganizationName, None] = {}

    def other(self, text: str, kind: NameKind, lang: str | None) -> None:
        self.others[_new_name({"text": text, "kind": kind, "locale": lang})] = None


def _read_names(reader: _Reader, raw: object, default: str | None) -> _Names | None:
    names: list[_Name] = []
    for index, item in enumerate(reader.array(raw, "$.names", "name")):
        try:
            names.append(_read_name(reader, item, f"$.names[{index}]", default))
        except _Part:  # noqa: PERF203  # the name is left out, the others are read
            continue
    return _sort_names(reader, names)


def _sort_names(reader: _Reader, names: list[_Name]) -> _Names | None:  # noqa: C901  # one rule per name type
    display = next((n for n in names if "ror_display" in n.types), None)
    if display is None:
        display = next((n for n in names if "label" in n.types), None)
    if display is None:
        reader.errors.append(
            "$.names: the record has no usable display name or label (a name of type "
            "ror_display or label)"
        )
        return None
    result = _Names()
    result.labels[display.lang or UNDETERMINED] = display.text
    acronyms: list[_Name] = []
    for name in names:
        if "label" in name.types and name is not display:
            key = name.lang or UNDETERMINED
            if key in result.labels:
                result.other(name.text, NameKind.LABEL, name.lang)
            else:
                result.labels[key] = name.text
        if "alias" in name.types:
            result.other(name.text, NameKind.ALIAS, name.lang)
        if "acronym" in name.types:
            acronyms.append(name)
    if acronyms:
        main = next((a for a in acronyms if a.lang == display.lang), None)
        main = main or next((a for a in acronyms if a.lang is None), acronyms[0])
        result.acronym = main
        for acronym in acronyms:
            if acronym is not main:
                result.other(acronym.text, NameKind.ACRONYM, acronym.lang)
    return result


def _decimal(value: object) -> Decimal | None:
    """A JSON number as the exact decimal it was written as; ``None`` for anything else."""
    kind = type(value)
    if kind is Decimal or kind is int:
        return Decimal(value)  # type: ignore[arg-type]  # checked just above
    if kind is float:
        return Decimal(repr(value))  # the shortest text that reads back as this float
    return None


def _coordinates(reader: _Reader, details: dict[str, Any], path: str) -> Coordinates | None:
    lat, lng = details.get("lat"), details.get("lng")
    if lat is None and lng is None:
        return None
    latitude, longitude = _decimal(lat), _decimal(lng)
    if latitude is None or longitude is None:
        message = f"expected two numbers of degrees, got lat {_shown(lat)} and lng {_shown(lng)}"
        reader.drop(path, {"lat": lat, "lng": lng}, message, "location")
        return None
    try:
        return Coordinates(latitude, longitude)
    except ValidationError as exc:
        reader.refused(exc, path, {"lat": lat, "lng": lng}, "location", _COORDINATE_KEYS)
        return None


def _read_location(reader: _Reader, raw: object, path: str) -> Address:
    location = reader.mapping(raw, path, _LOCATION_KEYS, "location")
    base = f"{path}.geonames_details"
    details = reader.mapping(location.get("geonames_details"), base, _GEONAMES_KEYS, "location")
    reader.optional_strings(details, _GEONAMES_TEXTS, base, "location")
    city = details.get("name")
    region = details.get("country_subdivision_name")
    country = details.get("country_code")
    code = details.get("country_subdivision_code")
    subdivision = None
    if code is not None:
        if country is None:
            message = "a subdivision code needs the country code, which is null"
            reader.drop(f"{base}.country_subdivision_code", code, message, "location")
        else:
            subdivision = f"{country}-{code}"
    geonames_id = location.get("geonames_id")
    if geonames_id is not None and (type(geonames_id) is not int or geonames_id < 1):
        message = f"expected a GeoNames id (a positive whole number), got {_shown(geonames_id)}"
        reader.drop(f"{path}.geonames_id", geonames_id, message, "location")
        geonames_id = None
    coordinates = _coordinates(reader, details, base)
    try:
        return _new_address(
            {
                "country": country,
                "locality": None if city is None else checked_text({UNDETERMINED: city}),
                "region": None if region is None else checked_text({UNDETERMINED: region}),
                "subdivision": subdivision,
                "geonames_id": geonames_id,
                "coordinates": coordinates,
            }
        )
    except ValidationError as exc:
        raise reader.refused(exc, base, details, "location", _ADDRESS_KEYS) from None


def _read_external_ids(reader: _Reader, raw: object, path: str) -> list[Identifier]:
    entry = reader.mapping(raw, path, _EXTERNAL_ID_KEYS, "identifier")
    scheme = reader.string(entry.get("type"), f"{path}.type", "identifier")
    preferred = entry.get("preferred")
    if preferred is not None and (type(preferred) is not str or _blank(preferred)):
        message = f"expected the preferred id (a string) or null, got {_shown(preferred)}"
        reader.drop(f"{path}.preferred", preferred, message, "identifier")
        preferred = None
    given = reader.array(entry.get("all"), f"{path}.all", "identifier")
    values = [(f"{path}.all[{i}]", v) for i, v in enumerate(given)]
    if preferred is not None and preferred not in given:
        values.insert(0, (f"{path}.preferred", preferred))
    result = []
    for value_path, value in values:
        try:
            text = reader.string(value, value_path, "identifier")
        except _Part:  # the value is left out, the others are read
            continue
        compact = text.replace(" ", "") if scheme == "isni" else text  # ROR spaces ISNIs
        try:
            result.append(identifier_of(scheme, compact, preferred=text == preferred))
        except ValidationError as exc:
            reader.refused(exc, value_path, text, "identifier", _VALUE)
    if len(result) > 1:
        result.sort(key=lambda i: not i.preferred)
    return result


def _read_relationship(reader: _Reader, raw: object, path: str) -> Relationship:
    entry = reader.mapping(raw, path, _RELATIONSHIP_KEYS, "relationship")
    kind = reader.choice(entry.get("type"), f"{path}.type", _RELATIONSHIPS, "relationship")
    target = _ror_identifier(reader, entry.get("id"), f"{path}.id", "relationship")
    label = reader.optional_string(entry.get("label"), f"{path}.label", "relationship")
    return _new_relationship({"kind": kind, "identifier": target, "label": label})


def _read_link(reader: _Reader, raw: object, path: str) -> Link:
    entry = reader.mapping(raw, path, _LINK_KEYS, "link")
    kind = reader.choice(entry.get("type"), f"{path}.type", _LINKS, "link")
    url = reader.string(entry.get("value"), f"{path}.value", "link")
    try:
        return Link(url, kind)
    except ValidationError as exc:
        raise reader.refused(exc, path, url, "link", _URL_KEYS) from None


def _read_established(reader: _Reader, value: object) -> PartialDate | None:
    if value is None:
        return None
    year = _decimal(value)
    if year is None or not year.is_finite() or year != year.to_integral_value():
        message = f"expected a year (a whole number) or null, got {_shown(value)}"
        raise reader.drop("$.established", value, message, "established")
    if abs(year) > 10**4:  # no year of four digits or fewer is beyond this
        message = f"{_shown(value)} is not a year a date can hold"
        raise reader.drop("$.established", value, message, "established")
    try:
        return PartialDate(int(year))
    except ValidationError as exc:
        raise reader.refused(exc, "$.established", value, "established") from None


def _read_date(reader: _Reader, raw: object, path: str) -> tuple[dt.date, str]:
    entry = reader.mapping(raw, path, _DATE_KEYS, "admin")
    text = reader.string(entry.get("date"), f"{path}.date", "admin")
    try:
        if len(text) != _DATE_LENGTH:
            raise ValueError  # noqa: TRY301  # fromisoformat reads other forms too
        day = dt.date.fromisoformat(text)
    except ValueError:
        message = f"expected a date such as '2024-12-11', got {_shown(text)}"
        raise reader.drop(f"{path}.date", text, message, "admin") from None
    version = entry.get("schema_version")
    if type(version) is not str or version not in _SCHEMA_VERSIONS:
        message = f"expected a schema version: 1.0, 2.0 or 2.1, got {_shown(version)}"
        raise reader.drop(f"{path}.schema_version", version, message, "admin")
    return day, version


def _read_admin(reader: _Reader, raw: object, bare_id: str) -> Provenance:
    created = modified = None
    try:
        admin = reader.mapping(raw, "$.admin", _ADMIN_KEYS, "admin")
    except _Part:
        return Provenance("ror", bare_id)
    for key in ("created", "last_modified"):
        if key not in admin:
            reader.drop(f"$.admin.{key}", None, "required in a ROR v2 record, but missing", "admin")
            continue
        try:
            day = _read_date(reader, admin[key], f"$.admin.{key}")
        except _Part:
            continue
        if key == "created":
            created = day
        else:
            modified = day
    return _new_provenance(
        {
            "registry": "ror",
            "record_id": bare_id,
            "created_on": None if created is None else created[0],
            "created_schema_version": None if created is None else created[1],
            "modified_on": None if modified is None else modified[0],
            "schema_version": None if modified is None else modified[1],
        }
    )


def _each(
    reader: _Reader,
    data: dict[str, Any],
    key: str,
    kind: str,
    read: Callable[[_Reader, Any, str], T],
) -> list[T]:
    raw_items = data.get(key)
    if raw_items is None or (type(raw_items) is list and not raw_items):
        return []
    result = []
    for index, raw in enumerate(reader.array(raw_items, f"$.{key}", kind)):
        try:
            result.append(read(reader, raw, f"$.{key}[{index}]"))
        except _Part:  # noqa: PERF203  # the item is left out, the others are read
            continue
        except ValidationError as exc:  # a model refused what the reader let through
            where, _, message = exc.errors[0].partition(": ")
            reader.drop(f"$.{key}[{index}]{where[1:]}", raw, message, kind)
    return result


def _read_status(reader: _Reader, data: dict[str, Any]) -> OrganizationStatus | None:
    if "status" not in data:
        return None
    try:
        return reader.choice(data["status"], "$.status", _STATUSES, "status")
    except _Part:
        return None


def _unique(items: list[T]) -> list[T]:
    """The items without repeats, in order (a repeat in the record is no problem)."""
    return items if len(items) < 2 else list(dict.fromkeys(items))  # noqa: PLR2004  # one cannot repeat


def _read_domain(reader: _Reader, raw: object, path: str) -> str:
    problem = _domain_problem(raw)
    if problem is not None:
        raise reader.drop(path, raw, problem, "domain")
    return raw  # type: ignore[return-value]  # a str: checked above


def _read_kind(reader: _Reader, raw: object, path: str) -> OrganizationKind:
    return reader.choice(raw, path, _KINDS, "type")


def _unknown_keys(data: dict[str, Any]) -> list[str]:
    """A problem for each key of the record that no ROR v2 record has."""
    if _RECORD_KEYS.issuperset(data):  # the usual case, in one C call
        return []
    return [
        f"$.{_shown(key)[1:-1] if type(key) is str else _shown(key)}: unknown key in a ROR v2 "
        f"record (a later schema?); expected only: {', '.join(sorted(_RECORD_KEYS))}"
        for key in data
        if key not in _RECORD_KEYS
    ]


def _check_org_id(org_id: str) -> None:
    try:
        identifier(None, attrs.fields(Organization).id, org_id)
    except ValidationError as exc:
        problem = exc.errors[0].split(": ", 1)[1]
        raise ValidationError([f"$: the org_id argument: {problem}"]) from None


def read_record(  # one pass over the record's keys, in order
    record: object, *, org_id: str | None = None, default_language: str | None = None
) -> RecordRead:
    """Read one ROR v2 record: the organization without the parts that could not be read.

    Never raises for bad input: every problem is in the result.
    """
    reader = _Reader()
    bare = record_id(record)
    if type(record) is not dict:
        reader.errors.append(f"$: expected a ROR record (an object), got {_shown(record)}")
        return RecordRead(None, None, tuple(reader.errors), ())
    data: dict[str, Any] = record
    reader.errors.extend(_unknown_keys(data))
    ror = None
    if "id" not in data:
        reader.errors.append("$.id: required in a ROR v2 record, but missing")
    else:
        try:
            ror = _ror_identifier(reader, data["id"], "$.id", "id")
        except _Part:
            drop = reader.drops.pop()
            reader.errors.append(f"{drop.path}: {drop.message}")
    if "names" not in data:
        reader.errors.append("$.names: required in a ROR v2 record, but missing")
        names = None
    else:
        names = _read_names(reader, data["names"], default_language)
    if reader.errors or names is None or ror is None:
        return RecordRead(None, bare, tuple(reader.errors), tuple(reader.drops))

    kinds = _unique(_each(reader, data, "types", "type", _read_kind))
    status = _read_status(reader, data)
    try:
        founded = _read_established(reader, data.get("established"))
    except _Part:
        founded = None
    places = _each(reader, data, "locations", "location", _read_location)
    identifiers: dict[Identifier, None] = {ror: None}
    for found in _each(reader, data, "external_ids", "identifier", _read_external_ids):
        identifiers.update(dict.fromkeys(found))
    relationships = _unique(
        _each(reader, data, "relationships", "relationship", _read_relationship)
    )
    links = _unique(_each(reader, data, "links", "link", _read_link))
    domains = _unique(_each(reader, data, "domains", "domain", _read_domain))
    provenance = _read_admin(reader, data["admin"], ror.value) if "admin" in data else None
    if provenance is None:
        provenance = Provenance("ror", ror.value)

    website = next((link for link in links if link.kind is LinkKind.WEBSITE), None)
    acronym = names.acronym
    try:
        organization = _new_organization(
            {
                "id": ror.value if org_id is None else org_id,
                "name": checked_text(names.labels),
                "acronym": None if acronym is None else acronym.text,
                "acronym_locale": None if acronym is None else acronym.lang,
                "headquarters": places[0] if places else None,
                "website": None if website is None else website.url,
                "other_names": tuple(names.others),
                "kind": kinds[0] if kinds else None,
                "other_kinds": tuple(kinds[1:]),
                "founded_on": founded,
                "status": status,
                "locations": tuple(places[1:]),
                "identifiers": tuple(identifiers),
                "relationships": tuple(relationships),
                "links": tuple(link for link in links if link is not website),
                "domains": tuple(domains),
                "provenance": provenance,
            }
        )
    except ValidationError as exc:
        reader.errors.extend(exc.errors)
        return RecordRead(None, bare, tuple(reader.errors), tuple(reader.drops))
    return RecordRead(organization, bare, (), tuple(reader.drops))


def from_ror(
    record: object, *, org_id: str | None = None, default_language: str | None = None
) -> Organization:
    """Build an :class:`~lifesci_partners.Organization` from a ROR v2 record (parsed JSON).

    Strict: any problem in the record raises, with the record's ROR id in each message. To
    import a whole dump and drop what cannot be read instead, use
    :func:`~lifesci_partners.load_ror`. What is kept, and where:

    - ``id`` becomes the identifier ``ror`` (and, by default, the organization's id: the bare
      ROR id, ``"05dxps055"``); ``external_ids`` become identifiers, the preferred one of each
      type first and marked ``preferred`` (ISNIs without their spaces).
    - ``names``: the ``ror_display`` name is the first entry of ``name``, whatever its
      language; the other labels follow, one per language, under ``und`` where the record gives
      no language. The acronym in the display name's language (else one without a language, else
      the first) is ``acronym``, its language ``acronym_locale``. Every other name is an entry of
      ``other_names``, once for each of its types (a name typed ``acronym`` and ``label`` is
      both), with the language the record gives (``None`` for null).
    - ``types`` become ``kind`` and ``other_kinds`` (``education`` is a university,
      ``healthcare`` a hospital); ``status`` the status; ``established`` ``founded_on``, a year.
    - ``locations``: the first is the headquarters, the others ``locations``. The GeoNames
      place name is the locality and the subdivision name the region, both under ``und``
      (GeoNames does not say their language); the country code is the country, the
      subdivision code the ISO 3166-2 ``subdivision`` (``US-CA``), and the GeoNames id and
      coordinates are kept exactly.
    - ``links``: the first website is ``website``, the others ``links``; ``domains``.
    - ``relationships`` name the other organization by its ROR id and label.
    - ``admin`` becomes ``provenance``: the ROR id, the dates the record was created and last
      modified, and the schema version of each.

    Not kept: the continent and the country's name (CLDR gives both from the country code), the
    order of the names in the record, and whether a display name is also typed ``label`` (ROR
    types nearly all of them so). Unknown keys are refused, so a record of a later schema is not
    read half-way. Only ``id`` and ``names`` are needed: a key left out is data not given.

    Args:
        record: One ROR v2 record, as :func:`json.loads` gives it.
        org_id: The id of the organization in your data set; default: the bare ROR id.
        default_language: The language of the names whose ``lang`` is null; by default they
            are stored as ``und`` (undetermined), never guessed.

    Returns:
        The organization.

    Raises:
        ValidationError: Every problem of the record, each with its path in the record
            (``$.external_ids[1].all[0]``) and the record's ROR id.

    Example:
        >>> from lifesci_partners import from_ror
        >>> kyoto = from_ror({
        ...     "id": "https://ror.org/02kpeqv85",
        ...     "names": [
        ...         {"value": "Kyoto University", "lang": None,
        ...          "types": ["ror_display", "label"]},
        ...         {"value": "京都大学", "lang": "ja", "types": ["label"]},
        ...     ],
        ...     "types": ["education"],
        ...     "status": "active",
        ...     "established": 1897,
        ... })
        >>> kyoto.id, kyoto.kind.value, str(kyoto.founded_on), dict(kyoto.name)
        ('02kpeqv85', 'university', '1897', {'und': 'Kyoto University', 'ja': '京都大学'})
        >>> kyoto.display_name(), kyoto.display_name("ja")
        ('Kyoto University', '京都大学')

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Names without a language are kept under ``und``; domains, subdivision, GeoNames id,
       coordinates, the acronym's language and the record's provenance are kept.
    """
    if org_id is not None:
        _check_org_id(org_id)
    if default_language is not None:
        default_language = locale_key(default_language)
    read = read_record(record, org_id=org_id, default_language=default_language)
    if read.organization is not None and not read.drops:
        return read.organization
    where = f" (in ROR record {read.record_id})" if read.record_id else ""
    lines = [*read.errors, *(f"{d.path}: {d.message}" for d in read.drops)]
    raise ValidationError([line + where for line in lines])
