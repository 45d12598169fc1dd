import pytest

from lifesci_partners import Directory, ImportAction, ImportProblem, ImportResult, ValidationError
from lifesci_partners._importing import ProblemLog


class TestProblemLog:
    def test_lenient_collects_with_the_record_named(self) -> None:
        """A lenient log keeps each problem with the source, position and id of its record."""
        log = ProblemLog("ror.json")
        log.start(3, "https://ror.org/057zh3y96")
        log.dropped("$.external_ids[0]", "bad", "check digit is wrong", "identifier")
        (problem,) = log.problems
        assert (problem.source, problem.position, problem.record_id) == (
            "ror.json",
            3,
            "https://ror.org/057zh3y96",
        )
        assert problem.action is ImportAction.PART_DROPPED

    def test_strict_raises_naming_the_record(self) -> None:
        """A strict log raises at the first problem, and the message names the record."""
        log = ProblemLog("ror.json", strict=True)
        log.start(7, "https://ror.org/00x0x0x00")
        with pytest.raises(ValidationError, match=r"record 7, https://ror.org/00x0x0x00"):
            log.dropped("$.names[0].lang", "xx", "not a language tag", "language")

    def test_skipped_reports_every_reason(self) -> None:
        """A skipped record reports each of its problems with its own path."""
        log = ProblemLog("-")
        log.start(1, None)
        log.skipped(ValidationError(["$.id: missing", "$.names: missing"]), {}, "record")
        assert [p.path for p in log.problems] == ["$.id", "$.names"]
        assert {p.action for p in log.problems} == {ImportAction.RECORD_SKIPPED}


class TestImportResult:
    def test_counts_by_kind_and_action(self) -> None:
        """Problems are counted by their kind and the action taken."""
        log = ProblemLog("x")
        log.start(1, "a")
        log.dropped("$.a", 1, "bad", "identifier")
        log.dropped("$.b", 2, "bad", "identifier")
        log.skipped(["$: unusable"], None, "record")
        result = ImportResult(Directory(), tuple(log.problems), records_read=2)
        assert result.counts() == {
            ("identifier", ImportAction.PART_DROPPED): 2,
            ("record", ImportAction.RECORD_SKIPPED): 1,
        }
        assert not result.complete
        assert len(result.skipped) == 1

    def test_problem_to_dict_shows_containers_as_text(self) -> None:
        """A problem's JSON form shows a non-scalar value as text, so it can always be written."""
        problem = ImportProblem(
            "x", 1, None, "$", {"a": [1]}, "bad", ImportAction.RECORD_SKIPPED, "k"
        )
        assert problem.to_dict()["value"] == "{'a': [1]}"
        assert problem.to_dict()["action"] == "record skipped"
