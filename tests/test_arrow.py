"""Tests for Arrow tables of the models: arrow_schema, to_arrow and from_arrow."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import lifesci_partners
from lifesci_partners import (
    Agreement,
    Announcement,
    Directory,
    Figure,
    Money,
    Organization,
    PartialDate,
    ValidationError,
    arrow_schema,
    examples,
    from_arrow,
    from_ror,
    to_arrow,
)
from lifesci_partners import strategies as lst
from lifesci_partners._arrow import _codec
from tests.test_schema import PUBLIC_TYPES

DATA = Path(__file__).parent / "data"
# Every public type with a JSON form (the schema tests' list) that is one model: a directory is
# several tables.
MODELS = [t for t in PUBLIC_TYPES if attrs.has(t) and t is not Directory]


def types_in(data_type: pa.DataType) -> list[pa.DataType]:
    """Every type inside an Arrow type, itself included."""
    found = [data_type]
    if pa.types.is_struct(data_type):
        for i in range(data_type.num_fields):
            found.extend(types_in(data_type.field(i).type))
    elif pa.types.is_list(data_type):
        found.extend(types_in(data_type.value_type))
    elif pa.types.is_map(data_type):
        found.extend(types_in(data_type.key_type) + types_in(data_type.item_type))
    return found


class TestArrowSchema:
    @pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
    def test_every_model_has_one(self, cls: type) -> None:
        """Every public model has a schema, generated from its fields, and no float anywhere."""
        schema = arrow_schema(cls)
        every = [t for field in schema for t in types_in(field.type)]
        assert not any(pa.types.is_floating(t) for t in every)
        assert schema.metadata[b"lifesci_partners.model"]

    def test_columns_are_the_fields(self) -> None:
        """An agreement's columns are its fields, in their order: the schema cannot drift."""
        fields = [f.name for f in Agreement.__attrs_attrs__ if f.init]
        assert arrow_schema(Agreement).names == fields

    def test_money_is_an_exact_decimal_beside_its_currency(self) -> None:
        """Money is its amount, a decimal128 with its exact text, beside its currency."""
        schema = arrow_schema(Money)
        assert str(schema.field("amount").type) == (
            "struct<value: decimal128(38, 10), text: string not null>"
        )
        assert schema.field("currency").type == pa.string()

    def test_dates_partial_dates_and_localized_text(self) -> None:
        """Dates are date32, partial dates their first day and precision, text a locale map."""
        schema = arrow_schema(Organization)
        assert schema.field("founded_on").type == pa.struct(
            [
                pa.field("first_day", pa.date32(), nullable=False),
                pa.field("precision", pa.string(), nullable=False),
            ]
        )
        assert schema.field("name").type == pa.map_(pa.string(), pa.string())
        assert arrow_schema(Agreement).field("effective_on").type == pa.date32()

    def test_organizations_and_clusters_share_a_table(self) -> None:
        """Organizations and clusters are one table, told apart by type; clusters' fields too."""
        schema = arrow_schema(Organization)
        assert schema.names[0] == "type"
        assert "member_counts" in schema.names
        assert arrow_schema(lifesci_partners.Cluster) == schema

    def test_directory_is_several_tables(self) -> None:
        """A directory has no single table: the message names write_parquet."""
        with pytest.raises(TypeError, match="write_parquet"):
            arrow_schema(Directory)


class TestRoundTrip:
    @given(lst.directories())
    def test_every_item_of_a_directory(self, directory: Directory) -> None:
        """Organizations, agreements and announcements read back equal from their tables."""
        for items, cls in (
            (directory.organizations, Organization),
            (directory.agreements, Agreement),
            (directory.announcements, Announcement),
        ):
            assert tuple(from_arrow(to_arrow(items, cls), cls)) == items

    @given(st.lists(lst.figures(), min_size=1, max_size=4))
    def test_figures(self, figures: list[Figure]) -> None:
        """Counts, decimals and money in figures keep their kind and every digit."""
        back = from_arrow(to_arrow(figures), Figure)
        assert back == figures
        assert [type(f.value) for f in back] == [type(f.value) for f in figures]

    @given(st.lists(lst.money(), min_size=1, max_size=4))
    @example([Money(Decimal("1.000000000000E+18"), "EUR")])  # 29 digits at 10 places: found
    def test_money_keeps_its_digits_and_exponent(self, amounts: list[Money]) -> None:
        """An amount reads back with the same digits and exponent, not only an equal value."""
        back = from_arrow(to_arrow(amounts), Money)
        assert [str(m.amount) for m in back] == [str(m.amount) for m in amounts]

    def test_built_in_data(self) -> None:
        """The LINK-J and MPR data set reads back equal, MPR as a cluster."""
        directory = examples.link_j_mpr()
        back = from_arrow(to_arrow(directory.organizations), Organization)
        assert tuple(back) == directory.organizations
        assert type(back[1]) is lifesci_partners.Cluster

    def test_real_ror_records(self) -> None:
        """Organizations from real ROR records read back equal."""
        records = json.loads((DATA / "ror-records.json").read_text(encoding="utf-8"))
        organizations = [from_ror(record) for record in records]
        assert from_arrow(to_arrow(organizations), Organization) == organizations


class TestToArrow:
    def test_decimal_value_is_exact_or_null(self) -> None:
        """A decimal with more than 10 places is null as a value, never rounded; text keeps it."""
        table = to_arrow([Money("1.25", "EUR"), Money("0.12345678901", "EUR")])
        assert table.column("amount").to_pylist() == [
            {"value": Decimal("1.2500000000"), "text": "1.25"},
            {"value": None, "text": "0.12345678901"},
        ]

    def test_partial_date_with_precision(self) -> None:
        """A partial date is its first day and its precision."""
        codec = _codec(Organization)
        row = codec.to_arrow(examples.link_j_mpr().organizations[1])
        assert row["founded_on"] == {"first_day": dt.date(2005, 1, 3), "precision": "day"}
        assert PartialDate.parse("2005").first_day == dt.date(2005, 1, 1)

    def test_empty_needs_a_class(self) -> None:
        """An empty table needs its class, given or inferred."""
        assert to_arrow([], Agreement).num_rows == 0
        with pytest.raises(ValueError, match="pass cls="):
            to_arrow([])

    def test_mixed_classes_refused(self) -> None:
        """Items of another class are refused with their position."""
        directory = examples.link_j_mpr()
        with pytest.raises(TypeError, match="item 1 is Organization, not Agreement"):
            to_arrow([directory.agreements[0], directory.organizations[0]])


class TestFromArrow:
    def test_bad_row_reported_with_row_and_path(self) -> None:
        """A bad value is reported with its row and path, as a document's problems are."""
        table = to_arrow(examples.link_j_mpr().agreements)
        rows: list[dict[str, Any]] = table.to_pylist()
        rows[0]["parties"][1]["org"] = ""
        bad = pa.Table.from_pylist(rows, schema=table.schema)
        with pytest.raises(ValidationError) as caught:
            from_arrow(bad, Agreement)
        assert caught.value.errors[0].startswith("$[0].parties[1].org: ")

    def test_duplicate_locales_refused(self) -> None:
        """A map with one locale twice is refused, not silently cut to one text."""
        table = to_arrow(examples.link_j_mpr().agreements)
        rows: list[dict[str, Any]] = table.to_pylist()
        rows[0]["title"] = [("en", "a"), ("en", "b")]
        with pytest.raises(ValidationError, match=r"\$\[0\]\.title"):
            from_arrow(pa.Table.from_pylist(rows, schema=table.schema), Agreement)

    def test_missing_and_mistyped_columns(self) -> None:
        """Columns that are missing or of another type are all named with what was expected."""
        table = to_arrow(examples.link_j_mpr().agreements)
        table = table.drop_columns(["kind"]).set_column(
            table.schema.get_field_index("effective_on") - 1,
            "effective_on",
            pa.array(["2020-02-05"]),
        )
        with pytest.raises(ValidationError) as caught:
            from_arrow(table, Agreement)
        assert caught.value.errors == (
            "$.kind: the column is missing; expected string",
            "$.effective_on: the column is string, expected date32[day]",
        )


class TestWithoutPyarrow:
    def test_missing_extra_says_what_to_install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pyarrow, the error is an ImportError that names the extra to install."""
        from lifesci_partners import MissingExtraError  # noqa: PLC0415  # this test only
        from lifesci_partners._arrow import _pa  # noqa: PLC0415

        monkeypatch.setitem(sys.modules, "pyarrow", None)
        _pa.cache_clear()
        try:
            with pytest.raises(MissingExtraError, match=r"lifesci-partners\[arrow\]") as caught:
                to_arrow(examples.link_j_mpr().agreements)
            assert isinstance(caught.value, ImportError)
        finally:
            _pa.cache_clear()
