"""Tests for load_cordis: the real CORDIS exports, their CSV form, and every quirk of the format."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lifesci_partners import (
    AgreementKind,
    Directory,
    FundingRole,
    FundingVerdict,
    ImportAction,
    Money,
    OrganizationKind,
    Term,
    ValidationError,
    load_cordis,
)

DATA = Path(__file__).parent / "data" / "cordis"
PROJECTS = DATA / "h2020-project-slice.json.gz"
ORGANIZATIONS = DATA / "h2020-organization-slice.json.gz"
SHARED = Path(__file__).parents[2] / "shared" / "data" / "cordis"


def records(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON export, numbers as Decimal (as written)."""
    loaded: list[dict[str, Any]] = json.loads(gzip.decompress(path.read_bytes()), parse_float=str)
    return loaded


def official_csv(rows: list[dict[str, Any]]) -> bytes:
    """Rows in CORDIS's CSV layout: ``;``, decimal commas, every text quoted."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for row in rows:
        cells = {}
        for key, value in row.items():
            if isinstance(value, bool):
                cells[key] = str(value).lower()
            elif isinstance(value, int):
                cells[key] = str(value)
            elif key in {"ecMaxContribution", "totalCost", "ecContribution", "netEcContribution"}:
                cells[key] = str(value).replace(".", ",")  # a number's text, decimal comma
            else:
                cells[key] = value
        writer.writerow(cells)
    return out.getvalue().encode()


def json_bytes(rows: list[dict[str, Any]]) -> bytes:
    return json.dumps(rows).encode()


def load(projects: list[dict[str, Any]], orgs: list[dict[str, Any]], **kw: Any) -> Any:
    return load_cordis(io.BytesIO(json_bytes(projects)), io.BytesIO(json_bytes(orgs)), **kw)


def project(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": 1, "startDate": "2020-01-01", "endDate": "2022-12-31"}
    return {**base, **fields}


def participant(org: int = 9, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "projectID": 1,
        "organisationID": org,
        "name": f"ORG {org}",
        "role": "coordinator",
        "country": "FR",
        "city": "Paris",
        "ecContribution": "",
    }
    return {**base, **fields}


@pytest.fixture(scope="module")
def sample() -> Any:
    return load_cordis(PROJECTS, ORGANIZATIONS)


class TestRealSlice:
    def test_counts(self, sample: Any) -> None:
        """The four projects import as agreements, and each organization once (plus the EC)."""
        directory = sample.directory
        assert [a.id for a in directory.agreements] == ["662192", "737459", "675999", "643921"]
        assert len(directory.organizations) == 1 + len(
            {str(r["organisationID"]) for r in records(ORGANIZATIONS)}
        )
        assert sample.records_read == 4 + 187

    def test_every_problem_reported(self, sample: Any) -> None:
        """Two unreadable web addresses are dropped, and one organization taking part twice."""
        assert [(p.position, p.record_id, p.path, p.action, p.kind) for p in sample.problems] == [
            (2, "737459", "$.participants", ImportAction.PART_DROPPED, "duplicate"),
            (102, "737459/986627935", "$.organizationURL", ImportAction.PART_DROPPED, "field"),
        ]

    def test_scientific_notation_is_exact(self, sample: Any) -> None:
        """``1.732084396E7`` is exactly EUR 17,320,843.96."""
        funding = sample.directory.agreement("662192").funding
        assert funding.max_contribution == Money("17320843.96", "EUR")
        assert str(funding.max_contribution.amount) == "17320843.96"

    def test_grant(self, sample: Any) -> None:
        """3Ccar: the EC funds 47 participants for 41 months, the coordinator first."""
        grant = sample.directory.agreement("662192")
        assert grant.kind is AgreementKind.FUNDING
        assert (grant.effective_on, grant.term, grant.last_day) == (
            dt.date(2015, 6, 1),
            Term(months=41),
            dt.date(2018, 10, 31),
        )
        assert grant.parties[0].org == "ec"
        assert grant.parties[1].role == "coordinator"
        assert len(grant.parties) == 48
        assert grant.funding.programme == "H2020"
        assert grant.funding.scheme == "ECSEL-RIA"
        assert grant.funding.project_acronym == "3Ccar"

    def test_verdicts(self, sample: Any) -> None:
        """Three grants add up exactly; 675999's five partners state no amount: undecidable."""
        verdicts = {a.id: a.funding.check() for a in sample.directory.agreements}
        assert {k: v.verdict for k, v in verdicts.items()} == {
            "662192": FundingVerdict.CONSISTENT,
            "737459": FundingVerdict.CONSISTENT,
            "675999": FundingVerdict.UNDECIDABLE,
            "643921": FundingVerdict.CONSISTENT,
        }
        assert len(verdicts["675999"].missing) == 5
        assert verdicts["675999"].difference == Money("0.00", "EUR")

    def test_countries_are_iso(self, sample: Any) -> None:
        """CORDIS's UK and EL are ISO 3166's GB and GR; repeated codes (FI;FI) are one."""
        countries = {
            o.headquarters.country for o in sample.directory.organizations if o.headquarters
        }
        assert {"GB", "GR", "FI"} <= countries
        assert not {"UK", "EL"} & countries

    def test_organization(self, sample: Any) -> None:
        """An organization keeps its name (language not stated), kind, VAT, post code and site."""
        org = sample.directory.organization("999984059")
        assert org.name.to_dict() == {
            "und": "FRAUNHOFER GESELLSCHAFT ZUR FOERDERUNG DER ANGEWANDTEN FORSCHUNG E.V."
        }
        assert (org.acronym, org.kind) == ("Fraunhofer", OrganizationKind.RESEARCH_INSTITUTE)
        assert [str(i) for i in org.identifiers] == ["pic:999984059", "vat:DE129515865"]
        assert org.headquarters.postal_code == "80686"  # a number in the JSON
        assert org.website == "http://www.fraunhofer.de"

    def test_csv_reads_the_same(self, sample: Any) -> None:
        """The same records in CORDIS's CSV layout (gzipped) give the same directory."""
        projects = gzip.compress(official_csv(records(PROJECTS)))
        orgs = official_csv(records(ORGANIZATIONS))
        result = load_cordis(io.BytesIO(projects), io.BytesIO(orgs))
        assert result.directory == sample.directory
        assert [p.message for p in result.problems] == [p.message for p in sample.problems]

    def test_embedded_newlines_in_csv(self, sample: Any) -> None:
        """A quoted objective with newlines stays one field of one record."""
        text = official_csv(records(PROJECTS))
        assert len(text.splitlines()) > 1 + 4  # more lines than records
        purpose = sample.directory.agreement("662192").purpose
        assert purpose is not None
        assert "\n" in purpose["und"]

    @pytest.mark.skipif(not SHARED.is_dir(), reason="the shared data folder is not here")
    def test_whole_shared_sample(self) -> None:
        """All 26 projects and 1,076 participations of the shared sample import; 3 problems."""
        result = load_cordis(
            SHARED / "h2020-json-sample-project.json.gz",
            SHARED / "h2020-json-sample-organization.json.gz",
        )
        assert (len(result.directory.agreements), result.records_read) == (26, 26 + 1076)
        assert len(result.problems) == 3
        assert not result.skipped


class TestQuirks:
    def test_missing_is_not_zero(self) -> None:
        """``""`` in JSON and ``NA`` in CSV are missing amounts, not zero."""
        result = load([project(ecMaxContribution="NA")], [participant(ecContribution="")])
        funding = result.directory.agreement("1").funding
        assert funding.max_contribution is None
        assert funding.contributions[0].amount is None

    def test_country_codes(self) -> None:
        """UK is read as GB and EL as GR."""
        result = load(
            [project()],
            [participant(9, country="UK"), participant(8, country="EL", role="participant")],
        )
        countries = [result.directory.organization(i).headquarters.country for i in ("9", "8")]
        assert countries == ["GB", "GR"]

    def test_unknown_country_dropped(self) -> None:
        """A country code that is not ISO 3166 is dropped from the organization and reported."""
        result = load([project()], [participant(country="XX")])
        assert result.directory.organization("9").headquarters.country is None
        assert [(p.path, p.message) for p in result.problems] == [
            ("$.country", "'XX' is not an ISO 3166-1 country code")
        ]

    def test_project_without_dates(self) -> None:
        """A project with no dates imports with no start and no end, and no problem."""
        result = load([project(startDate="", endDate="")], [participant()])
        agreement = result.directory.agreement("1")
        assert (agreement.effective_on, agreement.term, agreement.last_day) == (None, None, None)
        assert result.problems == ()

    def test_project_with_an_end_but_no_start(self) -> None:
        """A project with an end and no start keeps the end as its stated last day."""
        result = load([project(startDate="")], [participant()])
        agreement = result.directory.agreement("1")
        assert (agreement.effective_on, agreement.stated_end_on) == (None, dt.date(2022, 12, 31))
        assert result.problems == ()

    def test_line_endings_of_long_text_become_line_feeds(self) -> None:
        """CR LF and CR in a title, an objective or an address are line breaks, kept as LF."""
        result = load([project(objective="One\r\ntwo\rthree")], [participant(street="A\r\nB")])
        assert result.directory.agreement("1").purpose.to_dict() == {"und": "One\ntwo\nthree"}
        assert result.directory.organization("9").headquarters.street.to_dict() == {"und": "A\nB"}
        assert result.problems == ()

    @pytest.mark.parametrize(
        ("key", "value"),
        [("title", "Evil\x1b]0;owned\x07"), ("topics", "SC1\nSC2"), ("acronym", "AB\u202eC")],
    )
    def test_text_a_model_refuses_is_dropped_and_reported(self, key: str, value: str) -> None:
        """Text with a control character or a bidi override is dropped; the project imports."""
        result = load([project(**{key: value})], [participant()])
        assert result.directory.agreement("1").id == "1"
        assert [(p.path, p.action) for p in result.problems] == [
            (f"$.{key}", ImportAction.PART_DROPPED)
        ]

    def test_postal_code_with_a_control_character_is_dropped(self) -> None:
        """A postal code that a model refuses is dropped and reported; the address imports."""
        result = load([project()], [participant(postCode="80\x1b686")])
        assert result.directory.organization("9").headquarters.postal_code is None
        assert [(p.path, p.action) for p in result.problems] == [
            ("$.postCode", ImportAction.PART_DROPPED)
        ]

    def test_start_without_end(self) -> None:
        """A project with a start and no end imports, open-ended: no term, no last day."""
        result = load([project(endDate="")], [participant()])
        grant = result.directory.agreement("1")
        assert (grant.term, grant.last_day, result.problems) == (None, None, ())

    def test_end_not_a_whole_number_of_months(self) -> None:
        """An end that no whole number of months reaches is kept as the stated last day."""
        result = load([project(endDate="2022-12-15")], [participant()])
        grant = result.directory.agreement("1")
        assert (grant.term, grant.stated_end_on, grant.last_day) == (
            None,
            dt.date(2022, 12, 15),
            dt.date(2022, 12, 15),
        )

    def test_duration_and_a_different_end(self) -> None:
        """A stated duration is the term; an end that differs (an extension) is kept too."""
        result = load([project(duration=36, endDate="2023-06-30")], [participant()])
        grant = result.directory.agreement("1")
        assert (grant.term, grant.stated_end_on, grant.last_day) == (
            Term(months=36),
            dt.date(2023, 6, 30),
            dt.date(2023, 6, 30),
        )

    def test_end_before_start(self) -> None:
        """An end before the start is dropped and reported; the project imports open-ended."""
        result = load([project(endDate="2019-01-01")], [participant()])
        assert result.directory.agreement("1").last_day is None
        assert [p.path for p in result.problems] == ["$.endDate"]

    def test_unknown_role_skips_the_participation(self) -> None:
        """A role that is not CORDIS's is reported, and that participation skipped."""
        result = load([project()], [participant(8), participant(9, role="boss")])
        assert [p.org for p in result.directory.agreement("1").parties] == ["ec", "8"]
        assert [(p.path, p.action) for p in result.problems] == [
            ("$.role", ImportAction.RECORD_SKIPPED)
        ]

    def test_roles_are_data(self) -> None:
        """CORDIS's roles become FundingRole values, on the parts and on the parties."""
        roles = ["coordinator", "participant", "partner", "thirdParty", "associatedPartner"]
        orgs = [participant(i, role=r) for i, r in enumerate(roles, start=10)]
        grant = load([project()], orgs).directory.agreement("1")
        assert [c.role for c in grant.funding.contributions] == [
            FundingRole.COORDINATOR,
            FundingRole.PARTICIPANT,
            FundingRole.PARTNER,
            FundingRole.THIRD_PARTY,
            FundingRole.ASSOCIATED_PARTNER,
        ]
        assert [p.role for p in grant.parties][:2] == ["funder", "coordinator"]

    def test_participation_of_an_unknown_project(self) -> None:
        """A participation in a project that is not in the projects file is reported."""
        result = load([project()], [participant(9), participant(8, projectID=2)])
        assert result.directory.organization("8").id == "8"
        assert [p.kind for p in result.problems] == ["unknown-project"]

    def test_not_a_number(self) -> None:
        """An amount that is not a number is dropped and reported with its text."""
        result = load([project(ecMaxContribution="12 EUR")], [participant()])
        assert result.directory.agreement("1").funding.max_contribution is None
        assert [p.message for p in result.problems] == [
            "'12 EUR' is not a number such as 1234.56 or 1.23456E7"
        ]

    def test_strict(self) -> None:
        """In strict mode the first problem raises, naming the file and record."""
        with pytest.raises(ValidationError, match=r"\$.country: 'XX' .* \(in -, record 1, 1/9\)"):
            load([project()], [participant(country="XX")], strict=True)

    def test_text_stream_refused(self) -> None:
        """A file opened in text mode is a TypeError that says to open it in binary mode."""
        with pytest.raises(TypeError, match="binary mode"):
            load_cordis(io.StringIO("[]"), io.StringIO("[]"))  # type: ignore[arg-type]

    def test_broken_json(self) -> None:
        """A JSON file cut short ends its import there, reported."""
        result = load_cordis(io.BytesIO(b'[{"id": 1, "startDate": "2020-01-01"'), io.BytesIO(b"[]"))
        assert [p.kind for p in result.problems] == ["json"]
        assert isinstance(result.directory, Directory)


# Up to 20 digits (a float keeps 15 to 17) and amounts below 10**29 (Money keeps 30 digits).
digits = st.integers(0, 10**20 - 1)
exponents = st.integers(-10, 9)


class TestNoFloat:
    @given(digits, exponents)
    @example(1732084396, -2)  # 1.732084396E7
    @example(10**19 + 1, -2)  # 20 digits: a float would lose the last ones
    def test_json_amount_is_exact(self, coefficient: int, exponent: int) -> None:
        """Any amount written as a JSON number (scientific or not) is read exactly."""
        amount = Decimal(coefficient).scaleb(exponent)
        text = f"{amount:E}" if exponent % 2 else f"{amount:f}"
        projects = f'[{{"id": 1, "startDate": "2020-01-01", "ecMaxContribution": {text}}}]'
        orgs = json_bytes([participant()])
        result = load_cordis(io.BytesIO(projects.encode()), io.BytesIO(orgs))
        funding = result.directory.agreement("1").funding
        assert funding is not None
        assert funding.max_contribution == Money(amount, "EUR")

    @given(digits, st.integers(-10, 0))
    def test_csv_decimal_comma_is_exact(self, coefficient: int, exponent: int) -> None:
        """Any amount written with a decimal comma in the CSV layout is read exactly."""
        amount = Decimal(coefficient).scaleb(exponent)
        text = f"{amount:f}".replace(".", ",")
        projects = official_csv([{"id": 1, "startDate": "2020-01-01", "ecMaxContribution": text}])
        result = load_cordis(io.BytesIO(projects), io.BytesIO(json_bytes([participant()])))
        funding = result.directory.agreement("1").funding
        assert funding is not None
        assert funding.max_contribution == Money(amount, "EUR")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.text(max_size=12)
    | st.sampled_from(["", "NA", "UK", "1,5", "1.5E3", "1E999", "2020-02-30", "x;y", "PRC;HES"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=5,
)
REAL_PROJECT = records(PROJECTS)[3]
REAL_PARTICIPATION = records(ORGANIZATIONS)[-1]


class TestHostileRecords:
    @given(
        st.dictionaries(st.sampled_from(sorted(REAL_PROJECT)), json_values, max_size=3),
        st.dictionaries(st.sampled_from(sorted(REAL_PARTICIPATION)), json_values, max_size=3),
    )
    def test_mutated_real_records_are_reported_not_raised(
        self, project_changes: dict[str, Any], participation_changes: dict[str, Any]
    ) -> None:
        """Real records with any field replaced by any JSON value import or are reported."""
        projects = [{**REAL_PROJECT, **project_changes}]
        participations = [{**REAL_PARTICIPATION, **participation_changes}]
        result = load(projects, participations)
        assert isinstance(result.directory, Directory)
        for problem in result.problems:
            assert problem.message


class TestBrokenFiles:
    @given(st.binary(max_size=200), st.sampled_from([b"", b"[", b"\x1f\x8b", b"id;name\n"]))
    def test_any_bytes_are_reported_not_raised(self, data: bytes, head: bytes) -> None:
        """Whatever the bytes, an import returns a result with its problems."""
        result = load_cordis(io.BytesIO(head + data), io.BytesIO(head + data))
        assert isinstance(result.directory, Directory)

    def test_truncated_gzip(self) -> None:
        """A gzip file cut short ends its import there, reported."""
        cut = PROJECTS.read_bytes()[:2000]
        result = load_cordis(io.BytesIO(cut), ORGANIZATIONS)
        assert "damaged or cut short" in result.problems[0].message


class TestJsonLimits:
    def test_duplicate_key(self) -> None:
        """A record with a key given twice is skipped and reported, as the JSON reader does."""
        projects = b'[{"id": 1, "id": 2, "startDate": "2020-01-01"}]'
        result = load_cordis(io.BytesIO(projects), io.BytesIO(json_bytes([participant()])))
        assert result.directory.agreements == ()
        assert [(p.position, p.path, p.kind, p.action) for p in result.problems[:1]] == [
            (1, "$.id", "json", ImportAction.RECORD_SKIPPED)
        ]
