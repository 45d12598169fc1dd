"""Arrow tables of the models: :func:`arrow_schema`, :func:`to_arrow` and :func:`from_arrow`.

The schema is generated from the models' type hints, as :func:`~lifesci_partners.json_schema`
is, so that it cannot drift from them: an attrs model is a struct of its fields, a tuple a list,
an optional field a nullable one, an enum its value, a date a ``date32``, a localized text a map
from locale to text. Three types carry more than one value:

- a decimal is a struct of ``value``, an exact ``decimal128(38, 10)`` (null when the number has
  more than 10 places or 28 digits before the point: never rounded) and ``text``, its exact
  digits as written, from which it is read back; money is its ``amount`` beside its ``currency``;
- a partial date is its ``first_day`` and its ``precision`` (``year``, ``month`` or ``day``);
- a tagged union (organizations and clusters, claims, events) is one struct with the ``type``
  tag and the fields of every member, null where a member has none; a figure's value is a
  struct of ``type`` (``count``, ``decimal`` or ``money``) and one field for each.

:func:`from_arrow` turns each row back into the model's JSON form and reads it with
:func:`~lifesci_partners.from_dict`, so a table is checked exactly as a document is. pyarrow is
an optional extra (``lifesci-partners[arrow]``), imported on first use.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import functools
import types
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from lifesci_partners._arguments import an_instance, an_iterable
from lifesci_partners._dates import PartialDate
from lifesci_partners._directory import Directory
from lifesci_partners._figures import FigureValue
from lifesci_partners._json._compile import compiled
from lifesci_partners._json._converters import _structure
from lifesci_partners._json._reader import DEFAULT_LIMITS, _object, check_data
from lifesci_partners._json._tagged import _CLAIM_TAGS, _EVENT_TAGS, _ORGANIZATION_TAGS
from lifesci_partners._localized import LocalizedText
from lifesci_partners._money import Money
from lifesci_partners._organization import Organization
from lifesci_partners._shown import describe
from lifesci_partners._terms import Term
from lifesci_partners.exceptions import (
    InvalidArgumentError,
    MissingExtraError,
    ValidationError,
    WrongTypeError,
)

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["arrow_schema", "from_arrow", "to_arrow"]

T = TypeVar("T")

DECIMAL_PRECISION = 38
DECIMAL_SCALE = 10
"""A decimal's ``value`` is a ``decimal128(38, 10)``, which DuckDB, Spark and Polars all read."""
_DECIMAL_STEP = Decimal(1).scaleb(-DECIMAL_SCALE)
_DECIMAL_BOUND = Decimal(10) ** (DECIMAL_PRECISION - DECIMAL_SCALE)
_EXACT = decimal.Context(prec=2 * DECIMAL_PRECISION)  # room for any number below the bound
_TERM_PARTS = ("years", "months", "days")
TYPE_KEY = "type"
MODEL_KEY = b"lifesci_partners.model"

# The tags of the tagged unions, as the JSON format writes them.
_TAGS: dict[type, str] = {**_ORGANIZATION_TAGS, **_CLAIM_TAGS, **_EVENT_TAGS}
_FIGURE_VALUES: dict[str, type] = {"count": int, "decimal": Decimal, "money": Money}


@functools.cache
def _pa() -> Any:
    try:
        import pyarrow as pa  # noqa: PLC0415  # optional: imported on first use
    except ImportError:
        raise MissingExtraError("arrow", "Arrow and Parquet support") from None
    return pa


@attrs.frozen
class _Codec:
    """How one type is an Arrow value: its Arrow type, and the two ways between."""

    arrow: Any  # pyarrow.DataType
    to_arrow: Callable[[Any], Any]  # a model's value to what pyarrow builds the column from
    to_json: Callable[[Any], Any]  # what pyarrow gives back to the value's JSON form


def _same(value: Any) -> Any:
    return value


def _nullable(codec: _Codec) -> _Codec:
    to_arrow, to_json = codec.to_arrow, codec.to_json
    return _Codec(
        codec.arrow,
        to_arrow if to_arrow is _same else lambda v: None if v is None else to_arrow(v),
        to_json if to_json is _same else lambda v: None if v is None else to_json(v),
    )


def _decimal_value(number: Decimal) -> Decimal | None:
    """The number as an exact ``decimal128(38, 10)``, or ``None`` where it does not fit."""
    if abs(number) >= _DECIMAL_BOUND or number != number.quantize(_DECIMAL_STEP, context=_EXACT):
        return None
    return number


def _term_text(value: dict[str, int]) -> str:
    parts = "".join(f"{value[k]}{k[0].upper()}" for k in _TERM_PARTS if value[k])
    return f"P{parts or '0D'}"


def _partial_text(value: dict[str, Any]) -> Any:
    day, precision = value["first_day"], value["precision"]
    if not isinstance(day, dt.date):
        return day  # from_dict says what is wrong with it
    text = day.isoformat()
    return {"year": text[:4], "month": text[:7], "day": text}.get(precision, precision)


def _scalars() -> dict[Any, _Codec]:
    pa = _pa()
    decimal = pa.struct(
        [
            pa.field("value", pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)),
            pa.field("text", pa.string(), nullable=False),
        ]
    )
    return {
        str: _Codec(pa.string(), _same, _same),
        int: _Codec(pa.int64(), _same, _same),
        bool: _Codec(pa.bool_(), _same, _same),
        dt.date: _Codec(pa.date32(), _same, lambda v: v.isoformat()),
        Decimal: _Codec(
            decimal, lambda v: {"value": _decimal_value(v), "text": str(v)}, lambda v: v["text"]
        ),
        Term: _Codec(
            pa.struct(
                [pa.field(k, pa.int32(), nullable=False) for k in ("years", "months", "days")]
            ),
            lambda v: {"years": v.years, "months": v.months, "days": v.days},
            _term_text,
        ),
        PartialDate: _Codec(
            pa.struct(
                [
                    pa.field("first_day", pa.date32(), nullable=False),
                    pa.field("precision", pa.string(), nullable=False),
                ]
            ),
            lambda v: {"first_day": v.first_day, "precision": v.precision.value},
            _partial_text,
        ),
        LocalizedText: _Codec(
            pa.map_(pa.string(), pa.string()),
            lambda v: list(v.to_dict().items()),
            _object,  # duplicate locales are reported by the reader's checks
        ),
    }


class _Builder:
    """Makes the codec of every type a model uses, each once."""

    def __init__(self) -> None:
        self.codecs: dict[Any, _Codec] = _scalars()

    def codec(self, tp: Any) -> _Codec:
        known = self.codecs.get(tp)
        if known is not None:
            return known
        codec = self._make(tp)
        self.codecs[tp] = codec
        return codec

    def _make(self, tp: Any) -> _Codec:  # noqa: PLR0911  # one branch per kind of type
        pa = _pa()
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp == FigureValue:
            return self._figure_value()
        if origin is typing.Union or origin is types.UnionType:
            members = [a for a in args if a is not type(None)]
            if len(members) < len(args) and len(members) == 1:
                return _nullable(self.codec(members[0]))
            if len(members) < len(args):
                return _nullable(self.codec(typing.Union[tuple(members)]))  # noqa: UP007  # built at run time
            unknown = [m for m in members if m not in _TAGS]
            if unknown:
                msg = f"no tag for {unknown[0]!r} in a union; the JSON format must tag it first"
                raise WrongTypeError(msg)
            return self._tagged({m: _TAGS[m] for m in members})
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:  # noqa: PLR2004
            item = self.codec(args[0])
            to_arrow, to_json = item.to_arrow, item.to_json
            return _Codec(
                pa.list_(item.arrow),
                list if to_arrow is _same else lambda v: [to_arrow(x) for x in v],
                _same if to_json is _same else lambda v: [to_json(x) for x in v],
            )
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return _Codec(pa.string(), lambda v: v.value, _same)
        if tp is Organization:
            return self._tagged(_ORGANIZATION_TAGS)
        if isinstance(tp, type) and attrs.has(tp):
            return self._model(tp)
        msg = f"no Arrow type for {tp!r}; give it a codec in lifesci_partners/_arrow.py"
        raise WrongTypeError(msg)

    def fields(self, cls: type) -> list[tuple[str, _Codec]]:
        hints = typing.get_type_hints(cls)
        return [(f.name, self.codec(hints[f.name])) for f in attrs.fields(cls) if f.init]

    def _model(self, cls: type) -> _Codec:
        pa = _pa()
        fields = self.fields(cls)
        to_jsons = [(name, codec.to_json) for name, codec in fields]

        def to_json(row: dict[str, Any]) -> dict[str, Any]:
            return {n: f(row[n]) for n, f in to_jsons}

        arrow = pa.struct([pa.field(n, c.arrow) for n, c in fields])
        return _Codec(arrow, self._generated_to_arrow(cls), to_json)

    def _generated_to_arrow(self, cls: type) -> Callable[[Any], Any]:
        """A function that reads every field in one dict display: no call per plain field.

        Twice as fast as a loop over the fields; its source shows in tracebacks.
        """
        hints = typing.get_type_hints(cls)
        namespace: dict[str, Any] = {}
        items = [
            f"        {f.name!r}: {self._expression(hints[f.name], f'obj.{f.name}', namespace)},"
            for f in attrs.fields(cls)
            if f.init
        ]
        source = "\n".join(["def to_arrow(obj):", "    return {", *items, "    }", ""])
        function: Callable[[Any], Any] = compiled(
            "to_arrow", source, namespace, f"Arrow row of {cls.__name__}"
        )
        return function

    def _expression(self, tp: Any, value: str, namespace: dict[str, Any]) -> str:
        """Python source for the Arrow value of ``value``, of type ``tp``."""
        args = typing.get_args(tp)
        origin = typing.get_origin(tp)
        if (origin is typing.Union or origin is types.UnionType) and type(None) in args:
            members = tuple(a for a in args if a is not type(None))
            inner_type = members[0] if len(members) == 1 else typing.Union[members]  # noqa: UP007  # built at run time
            var = f"v{len(namespace)}"
            namespace[var] = None  # reserves the name
            inner = self._expression(inner_type, var, namespace)
            return value if inner == var else f"(None if ({var} := {value}) is None else {inner})"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return f"{value}.value"
        codec = self.codec(tp)
        if codec.to_arrow is _same:
            return value
        if codec.to_arrow is list:
            return f"list({value})"
        if origin is tuple and isinstance(args[0], type) and issubclass(args[0], enum.Enum):
            return f"[x.value for x in {value}]"
        hook = f"hook{len(namespace)}"
        namespace[hook] = codec.to_arrow
        return f"{hook}({value})"

    def _tagged(self, tags: dict[type, str]) -> _Codec:
        """One struct: the ``type`` tag and the fields of every member (null where it has none)."""
        pa = _pa()
        columns: dict[str, _Codec] = {}
        members: dict[str, list[str]] = {}
        for cls, tag in tags.items():
            members[tag] = []
            for name, codec in self.fields(cls):
                if name in columns and columns[name].arrow != codec.arrow:
                    msg = f"{cls.__name__}.{name} has another Arrow type than in the union"
                    raise WrongTypeError(msg)
                columns[name] = codec
                members[tag].append(name)
        classes = {cls: (tag, members[tag]) for cls, tag in tags.items()}

        def to_arrow(obj: Any) -> dict[str, Any]:
            tag, names = classes[type(obj)]
            row = {TYPE_KEY: tag}
            row.update((n, columns[n].to_arrow(getattr(obj, n))) for n in names)
            return row

        def to_json(row: dict[str, Any]) -> dict[str, Any]:
            tag = row[TYPE_KEY]
            names = members.get(tag, ())
            return {TYPE_KEY: tag, **{n: columns[n].to_json(row[n]) for n in names}}

        arrow = pa.struct(
            [
                pa.field(TYPE_KEY, pa.string(), nullable=False),
                *(pa.field(n, c.arrow) for n, c in columns.items()),
            ]
        )
        return _Codec(arrow, to_arrow, to_json)

    def _figure_value(self) -> _Codec:
        pa = _pa()
        codecs = {tag: self.codec(tp) for tag, tp in _FIGURE_VALUES.items()}

        def to_arrow(value: Any) -> dict[str, Any]:
            tag = "count" if type(value) is int else "money" if type(value) is Money else "decimal"
            return {TYPE_KEY: tag, tag: codecs[tag].to_arrow(value)}

        def to_json(row: dict[str, Any]) -> Any:
            tag = row[TYPE_KEY]
            return codecs[tag].to_json(row[tag]) if tag in codecs else tag

        arrow = pa.struct(
            [
                pa.field(TYPE_KEY, pa.string(), nullable=False),
                *(pa.field(tag, codec.arrow) for tag, codec in codecs.items()),
            ]
        )
        return _Codec(arrow, to_arrow, to_json)


@functools.cache
def _codec(cls: type) -> _Codec:
    if cls is Directory:
        msg = (
            "a directory is several tables; write it with write_parquet, or make a table of "
            "its organizations, agreements or announcements"
        )
        raise WrongTypeError(msg)
    return _Builder().codec(cls)


def _root(cls: type) -> type:
    """The class whose table holds ``cls``: a cluster is in the organizations' table."""
    if not isinstance(cls, type):
        msg = f"expected a model class such as Agreement, got {describe(cls)}"
        raise WrongTypeError(msg)
    return Organization if issubclass(cls, Organization) else cls


def arrow_schema(cls: type) -> pa.Schema:
    """Return the Arrow schema of a table of ``cls``, generated from the model.

    Each field of the model is a column; nested models are structs, tuples lists, enums their
    values, localized text a map from locale to text. Decimals are exact: a
    ``decimal128(38, 10)`` ``value`` (null when it would not fit, never rounded) beside their
    ``text``; money has its ``currency`` beside its ``amount``. Partial dates are their
    ``first_day`` and ``precision``. Organizations and clusters share one table, told apart by
    ``type``. The schema's metadata names the model.

    Args:
        cls: A model class, such as :class:`~lifesci_partners.Agreement`.

    Returns:
        A ``pyarrow.Schema``.

    Raises:
        WrongTypeError: ``cls`` is not a model (or is a :class:`~lifesci_partners.Directory`,
            which is several tables).
        MissingExtraError: pyarrow is not installed.

    Example:
        >>> from lifesci_partners import Money, arrow_schema
        >>> print(arrow_schema(Money).field("amount").type)
        struct<value: decimal128(38, 10), text: string not null>

    .. versionadded:: 0.2.0
    """
    pa = _pa()
    root = _root(cls)
    struct = _codec(root).arrow
    fields = [struct.field(i) for i in range(struct.num_fields)]
    return pa.schema(fields, metadata={MODEL_KEY: root.__name__.encode()})


def to_arrow(items: Iterable[Any], cls: type | None = None) -> pa.Table:
    """Return the models as an Arrow table, one row each, with the schema of :func:`arrow_schema`.

    Lossless: :func:`from_arrow` gives the same models back. No amount becomes a float.

    Args:
        items: Models of one class (organizations and clusters may be mixed).
        cls: Their class; by default the class of the first item.

    Returns:
        A ``pyarrow.Table``.

    Raises:
        InvalidArgumentError: No items and no ``cls``.
        WrongTypeError: An item is not a ``cls``.
        MissingExtraError: pyarrow is not installed.

    Example:
        >>> from lifesci_partners import examples, to_arrow
        >>> table = to_arrow(examples.link_j_mpr().agreements)
        >>> table.num_rows, table.column("effective_on").to_pylist()
        (1, [datetime.date(2020, 2, 5)])

    .. versionadded:: 0.2.0
    """
    pa = _pa()
    items = list(an_iterable(items, "to_arrow", "models"))
    if cls is None:
        if not items:
            msg = "to_arrow needs items or a class: pass cls= for an empty table"
            raise InvalidArgumentError(msg)
        cls = type(items[0])
    root = _root(cls)
    convert = _codec(root).to_arrow
    rows = []
    for index, item in enumerate(items):
        if not isinstance(item, root):
            msg = f"item {index} is {type(item).__name__}, not {root.__name__}"
            raise WrongTypeError(msg)
        rows.append(convert(item))
    return pa.Table.from_pylist(rows, schema=arrow_schema(root))


def from_arrow(table: pa.Table, cls: type[T]) -> list[T]:
    """Read the models of a table made by :func:`to_arrow` (or read from its Parquet file).

    Each row is checked as a JSON document is (:func:`~lifesci_partners.from_dict`); every
    problem of every row is reported at once, each with the row and its path.

    Args:
        table: A ``pyarrow.Table`` with the columns of :func:`arrow_schema`.
        cls: The model class of its rows.

    Returns:
        The models, in the table's order.

    Raises:
        ValidationError: A column is missing or of another type, or a row is not a valid
            ``cls``; each problem starts with the row (``$[3].parties[0].org: ...``).
        MissingExtraError: pyarrow is not installed.

    Example:
        >>> from lifesci_partners import Agreement, examples, from_arrow, to_arrow
        >>> agreements = examples.link_j_mpr().agreements
        >>> tuple(from_arrow(to_arrow(agreements), Agreement)) == agreements
        True

    .. versionadded:: 0.2.0
    """
    expected = arrow_schema(cls)
    an_instance(table, _pa().Table, "from_arrow", "a pyarrow.Table")
    problems = [
        f"$.{field.name}: the column is missing; expected {field.type}"
        for field in expected
        if field.name not in table.schema.names
    ]
    problems.extend(
        f"$.{field.name}: the column is {table.schema.field(field.name).type}, "
        f"expected {field.type}"
        for field in expected
        if field.name in table.schema.names
        and not table.schema.field(field.name).type.equals(field.type)
    )
    if problems:
        raise ValidationError(problems)
    to_json = _codec(_root(cls)).to_json
    names = expected.names
    models: list[T] = []
    errors: list[str] = []
    for index, row in enumerate(table.select(names).to_pylist()):
        data = to_json(row)
        try:
            found = list(check_data(data, DEFAULT_LIMITS))
            if found:
                raise ValidationError(found)  # noqa: TRY301  # reported with the others
            models.append(_structure(data, cls))
        except ValidationError as exc:
            errors.extend(exc.prefixed(f"$[{index}]").errors)
    if errors:
        raise ValidationError(errors)
    return models
