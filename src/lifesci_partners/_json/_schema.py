"""JSON Schema (draft 2020-12) for the document format, generated from the models.

Nothing here is written by hand per model. The schema of an attrs class comes from its fields and
their resolved type hints; the schema of a scalar type with its own converter hooks (dates, terms,
localized text, ...) comes from its fragment in
:data:`lifesci_partners.SCHEMA_FRAGMENTS`; enums list their values; the validators of a
field add what they check (id patterns, URLs, country codes); descriptions come from docstrings,
field descriptions from the ``Args:`` section. A type with no known schema is an error, so a new
type cannot be forgotten.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import enum
import functools
import inspect
import itertools
import re
import textwrap
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from lifesci_partners import _identifiers
from lifesci_partners._cluster import Cluster
from lifesci_partners._dates import PARTIAL_DATE, PartialDate
from lifesci_partners._decimals import DECIMAL_TEXT
from lifesci_partners._directory import Directory
from lifesci_partners._figures import FigureValue
from lifesci_partners._free_text import TEXT_PATTERN
from lifesci_partners._identifiers import Identifier
from lifesci_partners._json import _converters
from lifesci_partners._json._hooks import ISO_DATE
from lifesci_partners._json._tagged import _EVENT_TAGS, LEAF_TAGS, TYPE_KEY
from lifesci_partners._json._versions import DOCUMENT_FORMAT, DOCUMENT_VERSION
from lifesci_partners._locales import LOCALE_PATTERN, MAX_TAG
from lifesci_partners._localized import LocalizedText
from lifesci_partners._money import Money
from lifesci_partners._organization import Organization
from lifesci_partners._terms import TERM_PATTERN, Term
from lifesci_partners._validate import Rule, _Optional, whole
from lifesci_partners.exceptions import WrongTypeError

__all__ = ["SCHEMA_DIALECT", "SCHEMA_FRAGMENTS", "json_schema", "unknown_validators"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_SECTION = re.compile(
    r"(Args|Arguments|Attributes|Example|Examples|Note|Notes|Raises|Returns|Yields|Warning):$"
)
_ROLE = re.compile(r":[a-z:]+:`~?(?:([^`<]*?)\s*<[^`>]*>|(?:[\w.]*\.)?([^`.]+))`")
_LITERAL = re.compile(r"``(.+?)``")


def _identifier_formats() -> dict[str, Any]:
    """Each known scheme's value format, as JSON Schema conditions (check digits stay ours)."""
    patterns = {
        "ror": _identifiers._ROR,  # noqa: SLF001  # the module's own formats, not copies
        "wikidata": _identifiers._WIKIDATA,  # noqa: SLF001
        "lei": _identifiers._LEI,  # noqa: SLF001
        "isni": _identifiers._ISNI,  # noqa: SLF001
        "orcid": _identifiers._ORCID,  # noqa: SLF001
        "grid": _identifiers._GRID,  # noqa: SLF001
    }
    return {
        "allOf": [
            {
                "if": {"properties": {"scheme": {"const": scheme}}, "required": ["scheme"]},
                "then": {"properties": {"value": {"pattern": f"^(?:{pattern.pattern})$"}}},
            }
            for scheme, pattern in sorted(patterns.items())
        ]
    }


# Rules across the fields of a model that JSON Schema can still say, added to its object schema.
_MODEL_RULES: dict[type, Callable[[], dict[str, Any]]] = {Identifier: _identifier_formats}


def _clean(text: str) -> str:
    """Docstring text without reST markup: roles become their titles, literals plain."""
    text = _ROLE.sub(lambda m: m.group(1) or m.group(2), text)
    return _LITERAL.sub(r"\1", text)


def _paragraphs(lines: list[str]) -> str:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return _clean("\n\n".join(paragraphs))


def docstring_parts(obj: object) -> tuple[str, dict[str, str]]:
    """The description of ``obj`` (text before the first section) and its ``Args:`` entries."""
    doc = inspect.cleandoc(obj.__doc__ or "")
    lines = doc.splitlines()
    intro: list[str] = []
    args: dict[str, str] = {}
    section = None
    current: str | None = None
    for line in lines:
        header = _SECTION.match(line)
        if header:
            section = header.group(1)
            continue
        if section is None:
            if line.startswith(("..", ">>>")):
                section = "directive"
                continue
            intro.append(line)
        elif section in {"Args", "Arguments"} and line.startswith("    "):
            entry = re.match(r"    (\*{0,2}\w+)(?: \([^)]*\))?: (.*)", line)
            if entry:
                current = entry.group(1)
                args[current] = entry.group(2).strip()
            elif current is not None:
                args[current] += " " + line.strip()
        elif line and not line.startswith(" "):
            section = "other"
    return _paragraphs(intro), {k: _clean(v) for k, v in args.items()}


def _member_docs(cls: type[enum.Enum]) -> dict[str, str]:
    """Each member's docstring (the string after its assignment), read from the source."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError, SyntaxError):  # no source, as in a frozen application
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.targets[0].id] = _clean(" ".join(following.value.value.split()))
    return docs


def _flatten(validator: Any) -> Iterator[Any]:
    """The validators inside ``validator``: through attrs' and_/optional and our optional."""
    if validator is None:
        return
    if isinstance(validator, (list, tuple)):
        for item in validator:
            yield from _flatten(item)
    elif isinstance(validator, _Optional):  # ours: it says what its validator says
        yield from _flatten(validator.validator)
    elif hasattr(validator, "_validators"):  # attrs.validators.and_
        yield from _flatten(validator._validators)  # noqa: SLF001  # attrs exposes no accessor
    elif type(validator).__name__ == "_OptionalValidator":  # attrs.validators.optional
        yield from _flatten(validator.validator)
    else:
        yield validator


def _attrs_validator_fragment(validator: Any) -> dict[str, Any] | None:  # noqa: PLR0911  # one per kind
    """The schema of one of attrs' own validators, or ``None`` if it is not one we know."""
    name = type(validator).__name__
    if name == "_MatchesReValidator":
        return {"pattern": validator.pattern.pattern}
    if name == "_InValidator":
        options = validator.options
        values = [o.value if isinstance(o, enum.Enum) else o for o in options]
        return {"enum": values}
    if name == "_MinLengthValidator":
        return {"minLength": validator.min_length}
    if name == "_MaxLengthValidator":
        return {"maxLength": validator.max_length}
    if name == "_NumberValidator":
        keyword = {
            ">=": "minimum",
            ">": "exclusiveMinimum",
            "<=": "maximum",
            "<": "exclusiveMaximum",
        }.get(validator.compare_op)
        return {keyword: validator.bound} if keyword else None
    if name in {"_InstanceOfValidator", "_DeepIterable", "_DeepMapping"}:
        return {}
    return None


_FOR_ARRAYS = {"minLength": "minItems", "maxLength": "maxItems"}


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` narrowed by a validator's ``extra`` keywords (lengths of arrays are items)."""
    out = dict(base)
    array = base.get("type") == "array"
    for key, value in extra.items():
        if key == "type" and "$ref" in out:
            continue
        out[_FOR_ARRAYS.get(key, key) if array else key] = value
    return out


class _Builder:
    """Builds one schema document: the root, and ``$defs`` for every named type it uses."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self._names: dict[Any, str] = {}
        self.unknown_validators: list[str] = []

    def schema_of(self, tp: Any) -> dict[str, Any]:  # noqa: PLR0911  # one branch per kind of type
        """The schema of the type ``tp``: inline for simple types, a ``$ref`` for named ones."""
        if tp is type(None):
            return {"type": "null"}
        if tp in {str, int, bool}:
            return dict(self._fragment(tp))
        if tp in SCHEMA_FRAGMENTS and typing.get_origin(tp) is not None:
            return self._fragment(tp)  # a union with hooks of its own, such as a figure's value
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is typing.Union or origin is types.UnionType:
            return {"anyOf": [self.schema_of(arg) for arg in args]}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:  # noqa: PLR2004
            return {"type": "array", "items": self.schema_of(args[0])}
        if tp in SCHEMA_FRAGMENTS:
            return self._ref(tp, lambda: self._fragment(tp))
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self._ref(tp, lambda: self._enum(tp))
        if isinstance(tp, type) and attrs.has(tp):
            if not _converters.has_generic_hooks(tp):
                raise _missing(tp, "it has its own converter hooks")
            return self._ref(tp, lambda: self.attrs_object(tp))
        raise _missing(tp, "no schema is known for it")

    def _fragment(self, tp: Any) -> dict[str, Any]:
        fragment = SCHEMA_FRAGMENTS[tp]
        if callable(fragment):
            return fragment(self)
        return copy.deepcopy(fragment)

    def _ref(self, tp: Any, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        name = self._names.get(tp)
        if name is None:
            name = tp.__name__
            if name in self.defs:
                name = f"{tp.__module__}.{tp.__qualname__}"
            self._names[tp] = name
            self.defs[name] = {}  # reserved, so that recursive types terminate
            built = build()
            self.defs[name] = {"title": tp.__name__, **built}
        return {"$ref": f"#/$defs/{name}"}

    def _enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        description, _ = docstring_parts(cls)
        members = _member_docs(cls)
        lines = [
            f"- {member.value}: {members[member.name]}" if member.name in members else ""
            for member in cls
        ]
        listed = "\n".join(line for line in lines if line)
        if listed:
            description = f"{description}\n\n{listed}" if description else listed
        schema: dict[str, Any] = {"enum": [member.value for member in cls]}
        if description:
            schema["description"] = description
        return schema

    def attrs_object(
        self, cls: type, envelope: dict[str, dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        """The object schema of an attrs class; ``envelope`` adds required leading keys."""
        hints = typing.get_type_hints(cls)
        description, arg_docs = docstring_parts(cls)
        properties: dict[str, Any] = dict(envelope or {})
        required = list(envelope or {})
        for field in attrs.fields(cls):
            if not field.init:
                continue
            properties[field.name] = self._field(cls, field, hints[field.name], arg_docs)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: dict[str, Any] = {}
        if description:
            schema["description"] = description
        schema.update(
            {
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            }
        )
        if not required:
            del schema["required"]
        rules = _MODEL_RULES.get(cls)
        if rules is not None:
            schema.update(rules())
        return schema

    def _field(
        self, cls: type, field: attrs.Attribute[Any], hint: Any, docs: dict[str, str]
    ) -> dict[str, Any]:
        args = typing.get_args(hint)
        optional = type(None) in args and (
            typing.get_origin(hint) is typing.Union or typing.get_origin(hint) is types.UnionType
        )
        inner = [a for a in args if a is not type(None)] if optional else [hint]
        base = self.schema_of(inner[0] if len(inner) == 1 else typing.Union[tuple(inner)])  # noqa: UP007  # built at run time
        for validator in _flatten(field.validator):
            if isinstance(validator, Rule):
                fragment: dict[str, Any] | None = validator.json_schema()
            else:
                fragment = _attrs_validator_fragment(validator)
            if fragment is None:
                self.unknown_validators.append(f"{cls.__name__}.{field.name}: {validator!r}")
                continue
            base = _merge(base, fragment)
        schema = {"anyOf": [base, {"type": "null"}]} if optional else base
        described: dict[str, Any] = {}
        if field.name in docs:
            described["description"] = docs[field.name]
        default = field.default
        if default is not attrs.NOTHING and not isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # Factory is a class at run time
            described["default"] = _converters.converter.unstructure(default)
        if described and "$ref" in schema and len(schema) == 1:
            return {**schema, **described}
        return {**described, **schema}


def _missing(tp: Any, why: str) -> WrongTypeError:
    msg = (
        f"no JSON Schema for {tp!r}: {why}. Register its schema fragment in "
        "SCHEMA_FRAGMENTS in lifesci_partners/_json/_schema.py"
    )
    return WrongTypeError(msg)


# The schema of each type that has converter hooks of its own (_json/_hooks.py, _json/_tagged.py),
# as a JSON Schema (draft 2020-12) dict, or as a function of the builder for a type whose schema
# refers to models.
def _tagged_schema(cls: type, tag: str, builder: Any) -> dict[str, Any]:
    kind = {TYPE_KEY: {"const": tag, "description": "What kind of object this is."}}
    schema: dict[str, Any] = builder.attrs_object(cls, kind)
    return schema


def _organization_schema(builder: Any) -> dict[str, Any]:
    """A plain organization (``type`` left out or ``"organization"``), or a cluster."""
    plain: dict[str, Any] = builder.attrs_object(Organization)
    plain["properties"] = {
        TYPE_KEY: {"const": "organization", "description": "Optional for a plain organization."},
        **plain["properties"],
    }
    described = {"description": plain.pop("description")} if "description" in plain else {}
    return {**described, "oneOf": [plain, builder.schema_of(Cluster)]}


def _event_schema(cls: type, tag: str, builder: Any) -> dict[str, Any]:
    kind = {"type": {"const": tag, "description": "What kind of event or amendment this is."}}
    schema: dict[str, Any] = builder.attrs_object(cls, kind)
    return schema


def _directory_schema(builder: Any) -> dict[str, Any]:
    envelope = {
        "format": {"const": DOCUMENT_FORMAT, "description": "Always the same: the format's name."},
        "version": {
            "const": DOCUMENT_VERSION,
            "description": "The version of the document format; this schema describes this one.",
        },
    }
    schema: dict[str, Any] = builder.attrs_object(Directory, envelope)
    return {"title": f"lifesci-partners directory document, version {DOCUMENT_VERSION}", **schema}


SchemaFragment = dict[str, Any] | Callable[[_Builder], dict[str, Any]]

SCHEMA_FRAGMENTS: dict[Any, SchemaFragment] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    dt.date: {
        "type": "string",
        "format": "date",
        "pattern": whole(ISO_DATE),
        "description": "A calendar date, YYYY-MM-DD (ISO 8601).",
    },
    PartialDate: {
        "type": "string",
        "pattern": whole(PARTIAL_DATE),
        "description": (
            "A date known to the year, the month or the day: YYYY, YYYY-MM or YYYY-MM-DD."
        ),
    },
    Term: {
        "type": "string",
        "pattern": TERM_PATTERN,
        "minLength": 3,
        "maxLength": 40,
        "description": (
            "A term as the date part of an ISO 8601 duration: years, months and days (P5Y, "
            "P1Y6M, P90D) or weeks alone (P2W); not all zero."
        ),
    },
    Decimal: {
        "anyOf": [
            {
                "type": "string",
                "pattern": whole(DECIMAL_TEXT),
                "maxLength": 100,
            },
            {"type": "integer"},
        ],
        "description": (
            "An exact decimal number, written as a string ('864000000', '1.50', '2.1E+10') or as "
            "a whole number; never as a number with a fraction, which JSON readers take for a "
            "binary float. At most 30 digits before the point and 30 after."
        ),
    },
    FigureValue: lambda builder: {
        "anyOf": [
            {"type": "integer", "description": "A count."},
            builder.schema_of(Decimal),
            builder.schema_of(Money),
        ],
        "description": "A count (a whole number), a decimal number (a string) or money.",
    },
    LocalizedText: {
        "type": "object",
        "minProperties": 1,
        "propertyNames": {"pattern": LOCALE_PATTERN, "maxLength": MAX_TAG},  # a BCP 47 tag
        "additionalProperties": {"type": "string", "pattern": TEXT_PATTERN},
        "description": (
            "The same text in several languages: BCP 47 language tag (en, ja-JP or ja_JP; und "
            "when the language is not known) to text that is not blank."
        ),
    },
    Directory: _directory_schema,
    **{event: functools.partial(_event_schema, event, tag) for event, tag in _EVENT_TAGS.items()},
    Organization: _organization_schema,
    **{cls: functools.partial(_tagged_schema, cls, tag) for cls, tag in LEAF_TAGS.items()},
}
"""The JSON Schema of each type that has its own converter hooks.

:func:`json_schema` refuses a type that has neither a fragment here nor the generic attrs, enum
or tuple hooks, so a new type with hooks of its own must have its fragment here.
"""


def _build(tp: Any) -> _Builder:
    builder = _Builder()
    builder.schema_of(tp)
    return builder


def _inline_root(builder: _Builder, root: dict[str, Any]) -> dict[str, Any]:
    """Move the root's own definition to the top, and point references to it at ``#``."""
    ref = root.get("$ref")
    if not isinstance(ref, str) or len(root) != 1:
        return root
    name = ref.removeprefix("#/$defs/")
    top = builder.defs.pop(name)

    def repoint(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("$ref") == ref:
                node["$ref"] = "#"
            for value in node.values():
                repoint(value)
        elif isinstance(node, list):
            for value in node:
                repoint(value)

    repoint(builder.defs)
    repoint(top)
    return top


def json_schema(cls: Any) -> dict[str, Any]:
    r"""Return the JSON Schema (draft 2020-12) of the JSON form of ``cls``, as plain data.

    The schema is generated from the models, so it always matches what :func:`to_dict` writes
    and :func:`from_dict` reads: every object lists its properties, which are required, and
    refuses others (``additionalProperties: false``); enums list their values; dates, terms,
    locale keys, ids, URLs, country and currency codes and decimal numbers have patterns;
    descriptions come from the docstrings. For :class:`~lifesci_partners.Directory` it is the
    schema of the whole document, with its ``format`` and ``version``.

    Some rules cannot be said in JSON Schema and are checked only by this library: that ids are
    unique and references point to something, that a locale or country code is known to CLDR,
    that a date exists in the calendar (unless the consumer checks the ``date`` format), and
    rules across fields. A document valid under the schema can still be refused, with a
    :class:`~lifesci_partners.exceptions.ValidationError` that says why.

    Args:
        cls: A model class, such as :class:`~lifesci_partners.Directory` or
            :class:`~lifesci_partners.Agreement`, or another type the format has, such as
            :class:`~lifesci_partners.Term`.

    Returns:
        A new dict each time, ready for :func:`json.dumps`.

    Raises:
        TypeError: ``cls`` is not part of the document format.

    Example:
        >>> from lifesci_partners import Party, json_schema
        >>> schema = json_schema(Party)
        >>> schema["required"], schema["additionalProperties"]
        (['org'], False)
        >>> schema["properties"]["org"]["pattern"]
        '^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}(?![\\s\\S])'

    .. versionadded:: 0.1.0
    """
    builder = _build(cls)
    root = _inline_root(builder, builder.schema_of(cls))
    schema: dict[str, Any] = {"$schema": SCHEMA_DIALECT}
    title = getattr(cls, "__name__", None)
    if title and "title" not in root:
        schema["title"] = title
    schema.update(root)
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def unknown_validators(cls: Any) -> list[str]:
    """The field validators reachable from ``cls`` whose JSON Schema is not known (for tests)."""
    return _build(cls).unknown_validators
