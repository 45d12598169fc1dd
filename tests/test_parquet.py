"""Tests for a directory as Parquet files: write_parquet and read_parquet."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import attrs
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings

from lifesci_partners import (
    Directory,
    Money,
    Organization,
    Renewal,
    Term,
    ValidationError,
    examples,
    from_ror,
    load_cordis,
    read_parquet,
    to_arrow,
    write_parquet,
)
from lifesci_partners import strategies as lst
from tests.test_arrow import DATA

CORDIS = Path(__file__).parent / "data" / "cordis"


def cordis_slice() -> Directory:
    """Real Horizon 2020 projects and their participants (tests/data/cordis)."""
    return load_cordis(
        CORDIS / "h2020-project-slice.json.gz", CORDIS / "h2020-organization-slice.json.gz"
    ).directory


def seed() -> Directory:
    return examples.link_j_mpr()


def table(folder: Path, name: str) -> pa.Table:
    return pq.read_table(folder / f"{name}.parquet")


class TestRoundTrip:
    # 50 examples: each writes and reads seven files; every model's Arrow round trip runs at the
    # profile's full count in test_arrow.py, and this checks the directory's parts around it.
    @settings(max_examples=50)
    @given(lst.directories())
    def test_generated_directories(self, directory: Directory) -> None:
        """Every directory written as Parquet reads back equal."""
        with tempfile.TemporaryDirectory() as folder:
            write_parquet(directory, folder)
            assert read_parquet(folder) == directory

    def test_real_ror_records(self, tmp_path: Path) -> None:
        """A directory of organizations from real ROR records reads back equal."""
        import json  # noqa: PLC0415  # this test only

        records = json.loads((DATA / "ror-records.json").read_text(encoding="utf-8"))
        directory = Directory([from_ror(record) for record in records])
        write_parquet(directory, tmp_path)
        assert read_parquet(tmp_path) == directory

    def test_overwrites_atomically(self, tmp_path: Path) -> None:
        """Writing again replaces every file and leaves no temporary file."""
        write_parquet(seed(), tmp_path)
        write_parquet(Directory(), tmp_path)
        assert read_parquet(tmp_path) == Directory()
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


class TestQueryTables:
    def test_agreement_dates(self, tmp_path: Path) -> None:
        """The MOU is in force from 2020-02-05 to its exclusive end 2025-02-05."""
        write_parquet(seed(), tmp_path)
        assert table(tmp_path, "agreement_dates").to_pylist() == [
            {
                "position": 0,
                "agreement_id": "mou-link-j-mpr-2020",
                "kind": "mou",
                "effective_on": dt.date(2020, 2, 5),
                "final_end": dt.date(2025, 2, 5),
                "final_last_day": dt.date(2025, 2, 4),
            }
        ]

    def test_periods_with_renewal_numbers(self, tmp_path: Path) -> None:
        """One row per period: renewal number, start, exclusive end, last day and deadline."""
        directory = examples.link_j_mpr()
        renewing = attrs.evolve(
            directory.agreements[0],
            renewal=Renewal(Term(years=1), max_renewals=2, notice=Term(months=1)),
        )
        write_parquet(attrs.evolve(directory, agreements=[renewing]), tmp_path)
        rows = table(tmp_path, "periods").to_pylist()
        assert [(r["renewal"], r["start"], r["end"]) for r in rows] == [
            (0, dt.date(2020, 2, 5), dt.date(2025, 2, 5)),
            (1, dt.date(2025, 2, 5), dt.date(2026, 2, 5)),
            (2, dt.date(2026, 2, 5), dt.date(2027, 2, 5)),
        ]
        assert [r["notice_deadline"] for r in rows] == [
            renewing.notice_deadline(on=r["start"]) for r in rows
        ]
        assert rows[-1]["notice_deadline"] is None

    def test_unlimited_renewals_stop_at_the_window(self, tmp_path: Path) -> None:
        """An agreement renewing without limit has the periods of the window only."""
        directory = examples.link_j_mpr()
        renewing = attrs.evolve(directory.agreements[0], renewal=Renewal(Term(years=1)))
        window = (dt.date(2030, 1, 1), dt.date(2032, 1, 1))
        write_parquet(
            attrs.evolve(directory, agreements=[renewing]), tmp_path, periods_between=window
        )
        rows = table(tmp_path, "periods").to_pylist()
        assert [r["renewal"] for r in rows] == [5, 6, 7]

    def test_parties(self, tmp_path: Path) -> None:
        """One row per party, with its agreement's position."""
        write_parquet(seed(), tmp_path)
        assert [(r["position"], r["org"]) for r in table(tmp_path, "parties").to_pylist()] == [
            (0, "link-j"),
            (0, "mpr"),
        ]

    def test_contributions(self, tmp_path: Path) -> None:
        """One row per contribution of each funded agreement (real CORDIS projects), exact."""
        directory = cordis_slice()
        write_parquet(directory, tmp_path)
        rows = table(tmp_path, "contributions").to_pylist()
        expected = [
            (position, agreement.id, index, part.org, part.role.value, part.amount)
            for position, agreement in enumerate(directory.agreements)
            if agreement.funding is not None
            for index, part in enumerate(agreement.funding.contributions)
        ]
        assert len(expected) > len(directory.agreements)  # several parts per project
        assert [
            (
                r["position"],
                r["agreement_id"],
                r["contribution_index"],
                r["org"],
                r["role"],
                None
                if r["amount"] is None
                else Money(r["amount"]["amount"]["text"], r["amount"]["currency"]),
            )
            for r in rows
        ] == expected

    def test_no_contributions_without_funding(self, tmp_path: Path) -> None:
        """A directory without funded agreements has an empty contributions table."""
        write_parquet(seed(), tmp_path)
        assert table(tmp_path, "contributions").num_rows == 0


class TestReadParquet:
    def test_bad_row_reported_with_its_kind_and_row(self, tmp_path: Path) -> None:
        """A bad value in a table is reported at its path in the directory."""
        write_parquet(seed(), tmp_path)
        agreements = table(tmp_path, "agreements")
        rows = agreements.to_pylist()
        rows[0]["parties"][1]["org"] = ""
        pq.write_table(
            pa.Table.from_pylist(rows, schema=agreements.schema), tmp_path / "agreements.parquet"
        )
        with pytest.raises(ValidationError) as caught:
            read_parquet(tmp_path)
        assert caught.value.errors[0].startswith("$.agreements[0].parties[1].org: ")

    def test_references_checked(self, tmp_path: Path) -> None:
        """A reference to nothing is refused, as in a document."""
        write_parquet(seed(), tmp_path)
        pq.write_table(to_arrow([], Organization), tmp_path / "organizations.parquet")
        with pytest.raises(ValidationError, match=r"\$\.agreements\[0\]\.parties\[0\]\.org"):
            read_parquet(tmp_path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A folder without the files is the standard FileNotFoundError."""
        with pytest.raises(FileNotFoundError):
            read_parquet(tmp_path)


class TestPolars:
    def test_reads_every_table(self, tmp_path: Path) -> None:
        """Polars reads every file, with the same rows as pyarrow."""
        for path in write_parquet(seed(), tmp_path):
            assert pl.read_parquet(path).height == pq.read_table(path).num_rows

    def test_amounts_stay_decimal(self, tmp_path: Path) -> None:
        """An amount is a Polars Decimal, never a float."""
        write_parquet(seed(), tmp_path)
        clusters = pl.read_parquet(tmp_path / "organizations.parquet").filter(
            pl.col("type") == "cluster"
        )
        achievements = clusters.select(pl.col("achievements").explode().struct.field("figure"))
        value = achievements.unnest("figure").select(pl.col("value").struct.field("money"))
        amount = value.unnest("money").select(pl.col("amount").struct.field("value"))
        assert isinstance(amount.schema["value"], pl.Decimal)
