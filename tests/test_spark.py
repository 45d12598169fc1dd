"""Spark in local mode reads the same files and answers as the directory and iter_jsonl do.

Spark needs a Java runtime, which ``./dev`` installs from the OS packages. Where none can be
found these tests are skipped with the reason, except under ``./dev test`` and in CI
(``LSP_REQUIRE_SPARK=1`` or ``CI=true``), where they fail: CI must run them. One session
serves the module's one class, whose tests ``./dev test`` runs on one worker
(``--dist loadscope``).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from lifesci_partners import (
    Agreement,
    Directory,
    LineProblem,
    examples,
    iter_jsonl,
    to_json,
    write_parquet,
)
from lifesci_partners import strategies as lst

REQUIRED = os.environ.get("LSP_REQUIRE_SPARK") == "1" or os.environ.get("CI") == "true"
IN_FORCE = """
    SELECT d.day, a.agreement_id FROM days d JOIN agreement_dates a
    ON a.effective_on <= d.day AND (a.final_end IS NULL OR d.day < a.final_end)
    ORDER BY d.day, a.position
"""


def _unavailable() -> str | None:
    """Why Spark cannot run here, or ``None``."""
    try:
        import pyspark  # noqa: F401, PLC0415  # only to know that it is there
    except ImportError:
        return "pyspark is not installed (it is in the scale dependency group)"
    java_home = os.environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (java_home and Path(java_home, "bin", "java").exists()):
        return (
            "no Java runtime: install one (./dev does, with apt-get install "
            "openjdk-17-jre-headless) or set JAVA_HOME"
        )
    return None


@pytest.fixture(scope="module")
def spark() -> Any:
    """One Spark session in local mode: it takes seconds to start.

    It is not stopped: docs/scale.md, when it runs on the same worker, gets it again; it ends
    with the process.
    """
    reason = _unavailable()
    if reason is not None:
        if REQUIRED:
            pytest.fail(f"Spark must run under ./dev test and in CI: {reason}")
        pytest.skip(reason)
    from pyspark.sql import SparkSession  # noqa: PLC0415  # optional, and slow to import

    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers import lifesci_partners too
    session = (
        SparkSession.builder.master("local[1]")
        .appName("lifesci-partners-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def spark_in_force(spark: Any, folder: str, days: list[dt.date]) -> list[tuple[dt.date, str]]:
    """The agreements in force on each day, by Spark SQL over ``agreement_dates.parquet``."""
    spark.read.parquet(f"{folder}/agreement_dates.parquet").createOrReplaceTempView(
        "agreement_dates"
    )
    spark.createDataFrame([(day,) for day in days], "day date").createOrReplaceTempView("days")
    return [(row.day, row.agreement_id) for row in spark.sql(IN_FORCE).collect()]


def directory_in_force(directory: Directory, days: list[dt.date]) -> list[tuple[dt.date, str]]:
    return [(day, a.id) for day in sorted(days) for a in directory.in_force_on(day)]


def landmarks(directory: Directory) -> list[dt.date]:
    """The days around each agreement's first and last days, where the answers change."""
    days = {dt.date(2025, 2, 4)}
    for agreement in directory.agreements:
        for day in (agreement.effective_on, agreement.final_end):
            if day is not None and dt.date.min < day < dt.date.max:
                days.update((day - dt.timedelta(days=1), day))
    return sorted(days)


def problems_of(partition: Iterable[tuple[str, int]]) -> Iterator[LineProblem]:
    """The problems of numbered lines, each read as iter_jsonl reads a line (in a worker)."""
    for text, index in partition:
        found: list[LineProblem] = []
        for _ in iter_jsonl(io.BytesIO(text.encode("utf-8")), Agreement, problems=found):
            pass
        yield from (attrs.evolve(problem, line=index + 1) for problem in found)


class TestSparkAgrees:
    """One class: ``./dev test`` (``--dist loadscope``) runs it on one worker, one session."""

    def test_in_force_on_built_in_data(self, spark: Any, tmp_path: Path) -> None:
        """On the built-in data, Spark finds the MOU in force on its last day only."""
        write_parquet(examples.link_j_mpr(), tmp_path)
        days = [dt.date(2020, 2, 4), dt.date(2020, 2, 5), dt.date(2025, 2, 4), dt.date(2025, 2, 5)]
        assert spark_in_force(spark, str(tmp_path), days) == [
            (dt.date(2020, 2, 5), "mou-link-j-mpr-2020"),
            (dt.date(2025, 2, 4), "mou-link-j-mpr-2020"),
        ]

    # 5 examples: a Spark job each; DuckDB checks the same query on 100 (test_duckdb.py).
    @settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
    @given(lst.directories())
    def test_in_force_on_generated_directories(self, spark: Any, directory: Directory) -> None:
        """On generated directories, Spark answers what in_force_on answers, day by day."""
        days = landmarks(directory)
        with tempfile.TemporaryDirectory() as folder:
            write_parquet(directory, folder)
            assert spark_in_force(spark, folder, days) == directory_in_force(directory, days)

    def test_same_problems_as_iter_jsonl(self, spark: Any, tmp_path: Path) -> None:
        """MapPartitions over a gzipped file reports exactly the problems iter_jsonl reports."""
        agreement = examples.link_j_mpr().agreements[0]
        good = to_json(agreement)
        lines = [good, good.replace('"mou"', '"memo"'), good, '{"id": 5}', good]
        path = tmp_path / "agreements.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        expected: list[LineProblem] = []
        for _ in iter_jsonl(path, Agreement, problems=expected):
            pass
        gzipped = tmp_path / "agreements.jsonl.gz"
        gzipped.write_bytes(gzip.compress(path.read_bytes()))
        numbered = spark.sparkContext.textFile(str(gzipped)).zipWithIndex()
        assert numbered.mapPartitions(problems_of).collect() == expected
        assert {p.line for p in expected} == {2, 4}
