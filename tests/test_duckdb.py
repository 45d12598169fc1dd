"""DuckDB over the Parquet files answers what the directory's queries answer."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifesci_partners import Directory, examples, write_parquet
from lifesci_partners import strategies as lst

TABLES = ("agreement_dates", "periods", "parties")

IN_FORCE = """
    SELECT agreement_id FROM agreement_dates
    WHERE effective_on <= $day AND (final_end IS NULL OR $day < final_end)
    ORDER BY position
"""
EXPIRING = """
    SELECT agreement_id FROM agreement_dates
    WHERE final_last_day >= $start AND final_last_day < $end
    ORDER BY final_last_day, position
"""
DEADLINES = """
    SELECT notice_deadline, agreement_id FROM periods
    WHERE notice_deadline >= $start AND notice_deadline < $end
    ORDER BY notice_deadline, position
"""
# Partners: parties of the same agreement; the partnership began on the earliest effective date
# of their agreements; on a day, only partners with an agreement in force then.
PARTNERS = """
    SELECT b.org FROM parties a
    JOIN parties b ON b.position = a.position AND b.org <> a.org
    JOIN agreement_dates d ON d.position = a.position
    WHERE a.org = $org
    GROUP BY b.org
    HAVING $day IS NULL
        OR bool_or(d.effective_on <= $day AND (d.final_end IS NULL OR $day < d.final_end))
    ORDER BY min(d.effective_on) NULLS LAST, b.org
"""


def connect(folder: Path) -> duckdb.DuckDBPyConnection:
    """A connection with a view of each query table of the folder."""
    connection = duckdb.connect()
    for name in TABLES:
        connection.read_parquet(str(folder / f"{name}.parquet")).create_view(name)
    return connection


def ids(connection: duckdb.DuckDBPyConnection, sql: str, **params: object) -> list[str]:
    return [row[0] for row in connection.execute(sql, params).fetchall()]


@pytest.fixture
def seed(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    write_parquet(examples.link_j_mpr(), tmp_path)
    with connect(tmp_path) as connection:
        yield connection


def same_answers(directory: Directory, day: dt.date, start: dt.date, end: dt.date) -> None:
    """Assert that DuckDB answers each query as the directory does."""
    # Deadlines fall at most one notice (under 4 years) before their period: these periods hold
    # every deadline of the window.
    until = min(end + dt.timedelta(days=4 * 366), dt.date.max)
    with tempfile.TemporaryDirectory() as folder:
        write_parquet(directory, folder, periods_between=(start, until))
        with connect(Path(folder)) as db:
            in_force = [a.id for a in directory.in_force_on(day)]
            assert ids(db, IN_FORCE, day=day) == in_force
            expiring = [a.id for a in directory.expiring_between(start, end)]
            assert ids(db, EXPIRING, start=start, end=end) == expiring
            deadlines = [(d, a.id) for d, a in directory.notice_deadlines_between(start, end)]
            assert db.execute(DEADLINES, {"start": start, "end": end}).fetchall() == deadlines
            for org in directory.organizations:
                for on in (None, day):
                    partners = [p.id for p in directory.partners_of(org.id, on)]
                    assert ids(db, PARTNERS, org=org.id, day=on) == partners


def near(directory: Directory) -> st.SearchStrategy[dt.date]:
    """Any date, or one of the days on which an agreement begins or ends, where answers change."""
    landmarks = sorted(
        {a.effective_on for a in directory.agreements if a.effective_on is not None}
        | {a.final_end for a in directory.agreements if a.final_end is not None}
    )
    return st.one_of(lst.dates(), *([st.sampled_from(landmarks)] if landmarks else []))


class TestSameAnswers:
    # 100 examples: each writes the files and runs every query for every organization.
    @settings(max_examples=100)
    @given(lst.directories(), st.data())
    def test_generated_directories(self, directory: Directory, data: st.DataObject) -> None:
        """On generated directories, SQL over the Parquet files gives the directory's answers."""
        day, start = data.draw(near(directory)), data.draw(near(directory))
        end = min(start + dt.timedelta(days=data.draw(st.integers(0, 800))), dt.date.max)
        same_answers(directory, day, start, end)

    @pytest.mark.parametrize(
        "day", [dt.date(2020, 2, 4), dt.date(2020, 2, 5), dt.date(2025, 2, 4), dt.date(2025, 2, 5)]
    )
    def test_built_in_data(self, day: dt.date) -> None:
        """On the built-in data, around the MOU's first and last days, the answers agree."""
        same_answers(examples.link_j_mpr(), day, dt.date(2025, 1, 1), dt.date(2025, 4, 1))


class TestRecipes:
    def test_in_force(self, seed: duckdb.DuckDBPyConnection) -> None:
        """The MOU is in force on its last day, and not the day after."""
        assert ids(seed, IN_FORCE, day=dt.date(2025, 2, 4)) == ["mou-link-j-mpr-2020"]
        assert ids(seed, IN_FORCE, day=dt.date(2025, 2, 5)) == []

    def test_partners_in_order(self, seed: duckdb.DuckDBPyConnection) -> None:
        """LINK-J's partners, as partners_of lists them."""
        assert ids(seed, PARTNERS, org="link-j", day=None) == ["mpr"]
