"""Import EU research projects from CORDIS as funded agreements: :func:`load_cordis`.

CORDIS publishes each framework programme as two exports: the projects, and the participating
organizations (one row per participation, joined on ``projectID``). Each comes as JSON (an
array of records) or CSV (``;`` separators, decimal commas, quoted text with embedded
newlines), plain or gzipped. Both are read with their published quirks: numbers in scientific
notation are read from their text as :class:`~decimal.Decimal`, never through a float; ``""``
and ``NA`` mean missing, never zero; ``UK`` and ``EL`` are ISO 3166 ``GB`` and ``GR``; post
codes stored as numbers become text.

Each organization becomes one :class:`~lifesci_partners.Organization` (id: its CORDIS
organisation id), each project one :class:`~lifesci_partners.Agreement` of kind funding between
the European Commission (the funder, id ``"ec"``) and its participants, with their roles and
contributions in a :class:`~lifesci_partners.Funding`.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gzip
import io
import os
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

import attrs

from lifesci_partners._agreement import Agreement, AgreementKind, Party
from lifesci_partners._coordinates import Coordinates
from lifesci_partners._decimals import EXACT
from lifesci_partners._directory import Directory
from lifesci_partners._free_text import forbidden_in
from lifesci_partners._funding import Contribution, Funding, FundingRole
from lifesci_partners._identifiers import Identifier
from lifesci_partners._importing import ImportResult, ProblemLog
from lifesci_partners._json._gc import gc_paused
from lifesci_partners._json._reader import DEFAULT_LIMITS, check_data
from lifesci_partners._localized import LocalizedText
from lifesci_partners._money import Money
from lifesci_partners._organization import Address, Organization, OrganizationKind
from lifesci_partners._provenance import Provenance
from lifesci_partners._ror_dump import _DAMAGED, _BrokenStream, _records
from lifesci_partners._terms import Term
from lifesci_partners.exceptions import ValidationError, WrongTypeError

__all__ = ["FUNDER_ID", "load_cordis"]

FUNDER_ID = "ec"
"""The id of the funder that :func:`load_cordis` adds: the European Commission."""

_CURRENCY = "EUR"
_GZIP = b"\x1f\x8b"
_MISSING = frozenset({"", "NA"})
# ISO 3166-1 codes where CORDIS (like the EU's own style guide) writes another one.
_COUNTRIES = {"UK": "GB", "EL": "GR"}
_ROLES = {
    "coordinator": FundingRole.COORDINATOR,
    "participant": FundingRole.PARTICIPANT,
    "partner": FundingRole.PARTNER,
    "thirdparty": FundingRole.THIRD_PARTY,
    "third_party": FundingRole.THIRD_PARTY,
    "associatedpartner": FundingRole.ASSOCIATED_PARTNER,
    "associated_partner": FundingRole.ASSOCIATED_PARTNER,
}
_ACTIVITIES = {
    "PRC": OrganizationKind.COMPANY,  # private for-profit entities
    "HES": OrganizationKind.UNIVERSITY,  # higher or secondary education
    "REC": OrganizationKind.RESEARCH_INSTITUTE,  # research organisations
    "PUB": OrganizationKind.GOVERNMENT,  # public bodies
    "OTH": OrganizationKind.OTHER,
}
# The models' own rules, to check a value before it is kept (they raise ValidationError).
_COUNTRY = attrs.fields(Address).country
_WEBSITE = attrs.fields(Organization).website
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")
_LATLON = re.compile(r"\s*([+-]?[0-9]+(?:\.[0-9]+)?)\s*,\s*([+-]?[0-9]+(?:\.[0-9]+)?)\s*")


def _funder() -> Organization:
    return Organization(
        FUNDER_ID,
        LocalizedText({"en": "European Commission"}),
        acronym="EC",
        kind=OrganizationKind.FUNDER,
    )


class _Fields:
    """Reads the fields of one record, reporting each unusable one as a dropped part."""

    def __init__(self, record: dict[str, Any], log: ProblemLog, *, decimal_comma: bool) -> None:
        self.record = record
        self.log = log
        self.decimal_comma = decimal_comma

    def raw(self, key: str) -> Any:
        """The value, or ``None`` when it is missing (absent, ``""``, ``NA``)."""
        value = self.record.get(key)
        if isinstance(value, str) and value.strip() in _MISSING:
            return None
        return value

    def drop(self, key: str, message: str, kind: str = "field") -> None:
        self.log.dropped(f"$.{key}", self.record.get(key), message, kind)

    def text(self, key: str, *, lines: bool = False) -> str | None:
        """The text at ``key``, stripped; one line unless ``lines`` (then CR LF and CR are LF).

        Text that holds what text must never hold (a control character, a bidirectional
        override; see ``_free_text.py``) is dropped and reported, never passed on to a model.
        """
        value = self.raw(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            self.drop(key, f"expected text, got {type(value).__name__}")
            return None
        text = str(value).strip()
        if lines:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        problem = None if text.isprintable() else forbidden_in(text, one_line=not lines)
        if problem is not None:
            self.drop(key, problem)
            return None
        return text

    def code(self, key: str) -> str | None:
        """A code that CORDIS may repeat for merged entities (``"FI;FI"``): the one code."""
        text = self.text(key)
        if text is None:
            return None
        codes = {part.strip() for part in text.split(";") if part.strip()}
        if len(codes) != 1:
            self.drop(key, f"{text!r} holds several different codes; none is kept")
            return None
        return codes.pop()

    def number(self, key: str) -> Decimal | None:
        """An exact number, read from its text: never through a float."""
        value = self.raw(key)
        if value is None:
            return None
        if type(value) is int or type(value) is Decimal:
            number = Decimal(value)
        elif isinstance(value, str) and _NUMBER.fullmatch(text := value.strip()):
            if "," in text and not self.decimal_comma:
                self.drop(key, f"{value!r} is not a number: ',' is no decimal mark in this file")
                return None
            number = Decimal(text.replace(",", "."))
        else:
            self.drop(key, f"{value!r} is not a number such as 1234.56 or 1.23456E7")
            return None
        if number.as_tuple().exponent > 0:  # type: ignore[operator]  # finite here
            with contextlib.suppress(InvalidOperation):  # too large: Money will say so
                number = number.quantize(Decimal(1), context=EXACT)  # 8.8E+7 as 88000000
        return number

    def money(self, key: str) -> Money | None:
        number = self.number(key)
        if number is None:
            return None
        if number < 0:
            self.drop(key, f"{number} is negative; an amount of a grant is not")
            return None
        try:
            return Money(number, _CURRENCY)
        except ValidationError as exc:
            self.drop(key, "; ".join(line.partition(": ")[2] for line in exc.errors))
            return None

    def date(self, key: str) -> dt.date | None:
        text = self.text(key)
        if text is None:
            return None
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            self.drop(key, f"{text!r} is not a date such as '2015-06-01'")
            return None

    def whole(self, key: str) -> int | None:
        number = self.number(key)
        if number is None:
            return None
        if number != number.to_integral_value() or number <= 0:
            self.drop(key, f"{number} is not a positive whole number")
            return None
        return int(number)


def _id(fields: _Fields, key: str) -> str | None:
    """A CORDIS id as text (``662192``): a whole number, written as JSON or CSV wrote it."""
    value = fields.raw(key)
    if type(value) is int and value > 0:
        return str(value)
    if isinstance(value, str) and value.strip().isdigit():
        return value.strip()
    return None


def _und(text: str | None) -> LocalizedText | None:
    return None if text is None else LocalizedText({"und": text})


# Projects


@attrs.frozen
class _Project:
    position: int
    id: str
    fields: dict[str, Any]


def _project(fields: _Fields) -> dict[str, Any]:
    """The agreement's fields read from a project record (without parties and parts)."""
    start, end = fields.date("startDate"), fields.date("endDate")
    if start is not None and end is not None and end < start:
        fields.drop("endDate", f"the end ({end}) is before the start ({start}); no end is kept")
        end = None
    duration = fields.whole("duration") if "duration" in fields.record else None
    term, stated_end = _term(start, end, duration)
    return {
        "start": start,
        "term": term,
        "stated_end_on": stated_end,
        "signed_on": fields.date("ecSignatureDate"),
        "title": _und(fields.text("title", lines=True)),
        "purpose": _und(fields.text("objective", lines=True)),
        "funding": {
            "programme": fields.text("frameworkProgramme"),
            "scheme": fields.text("fundingScheme"),
            "call": fields.text("subCall") or fields.text("masterCall"),
            "topic": fields.text("topics"),
            "project_acronym": fields.text("acronym"),
            "total_cost": fields.money("totalCost"),
            "max_contribution": fields.money("ecMaxContribution"),
        },
    }


def _term(
    start: dt.date | None, end: dt.date | None, duration: int | None
) -> tuple[Term | None, dt.date | None]:
    """The term in months from the start, and the stated last day where it differs.

    A stated duration is kept as the term; without one, the term is the whole number of months
    from the start to the end, when there is one. The end is kept as the stated last day when
    the term does not end on it (an early end, an extension) or when there is no term. Without
    a start, the duration and the end are kept as they are: nothing is counted from it.
    """
    if start is None:
        return (None if duration is None else Term(months=duration)), end
    if duration is not None:
        term = Term(months=duration)
        last = term.period_from(start).last_day
        return term, None if end is None or end == last else end
    if end is None:
        return None, None
    months = (end.year - start.year) * 12 + end.month - start.month
    for count in (months, months + 1):
        if count > 0 and Term(months=count).period_from(start).last_day == end:
            return Term(months=count), None
    return None, end


# Organizations and participations


@attrs.frozen
class _Participation:
    position: int
    project: str
    org: str
    order: int
    contribution: Contribution


def _address(fields: _Fields) -> Address | None:
    country = fields.code("country")
    if country is not None:
        country = _COUNTRIES.get(country, country)
        try:
            _COUNTRY.validator(None, _COUNTRY, country)  # type: ignore[misc]  # a Rule
        except ValidationError:
            fields.drop("country", f"{country!r} is not an ISO 3166-1 country code", "country")
            country = None
    # A number in the JSON export is kept as its digits; a control character is dropped, reported.
    postal_code = fields.text("postCode")
    locality, street = (
        _und(fields.text("city", lines=True)),
        _und(fields.text("street", lines=True)),
    )
    coordinates = _coordinates(fields)
    if (country, locality, street, postal_code, coordinates) == (None,) * 5:
        return None
    return Address(
        country,
        locality=locality,
        street=street,
        postal_code=postal_code,
        coordinates=coordinates,
    )


def _coordinates(fields: _Fields) -> Coordinates | None:
    text = fields.text("geolocation")
    if text is None:
        return None
    match = _LATLON.fullmatch(text)
    if match is not None:
        try:
            return Coordinates(Decimal(match[1]), Decimal(match[2]))
        except (ValidationError, InvalidOperation):
            pass
    fields.drop("geolocation", f"{text!r} is not 'latitude,longitude' in degrees")
    return None


def _website(fields: _Fields) -> str | None:
    text = fields.text("organizationURL")
    if text is None:
        return None
    url = text if "://" in text else f"http://{text}"  # CORDIS often gives the host alone
    try:
        _WEBSITE.validator(None, _WEBSITE, url)  # type: ignore[misc]  # a Rule
    except ValidationError:
        fields.drop("organizationURL", f"{text!r} is not a web address")
        return None
    return url


def _organization(org_id: str, fields: _Fields) -> Organization | None:
    name = fields.text("name", lines=True)
    if name is None:
        return None
    identifiers = [Identifier("pic", org_id)]
    vat = fields.text("vatNumber")
    if vat is not None:
        identifiers.append(Identifier("vat", vat))
    activity = fields.code("activityType")
    kind = None
    if activity is not None:
        kind = _ACTIVITIES.get(activity)
        if kind is None:
            fields.drop("activityType", f"{activity!r} is not a CORDIS activity type")
    return Organization(
        org_id,
        LocalizedText({"und": name}),
        acronym=fields.text("shortName"),
        headquarters=_address(fields),
        website=_website(fields),
        kind=kind,
        identifiers=identifiers,
        provenance=Provenance("cordis", org_id),
    )


def _participation(
    position: int, fields: _Fields, organizations: dict[str, Organization]
) -> _Participation | None:
    log = fields.log
    project, org_id = _id(fields, "projectID"), _id(fields, "organisationID")
    log.start(position, None if project is None else f"{project}/{org_id}")
    if project is None or org_id is None:
        key = "projectID" if project is None else "organisationID"
        log.skipped([f"$.{key}: no CORDIS id (a whole number)"], fields.record, "record")
        return None
    role_text = fields.text("role")
    role = _ROLES.get((role_text or "").lower())
    if role is None:
        log.skipped(
            [f"$.role: {role_text!r} is not a role such as 'coordinator' or 'participant'"],
            fields.record,
            "record",
        )
        return None
    if org_id not in organizations:
        try:
            organization = _organization(org_id, fields)
        except ValidationError as exc:
            log.skipped(exc, fields.record, "record")
            return None
        if organization is None:
            log.skipped(["$.name: the organization has no name"], fields.record, "record")
            return None
        organizations[org_id] = organization
    amount, net = fields.money("ecContribution"), fields.money("netEcContribution")
    if net is not None and amount is not None and net.amount.as_tuple() == amount.amount.as_tuple():
        net = amount  # the same digits: one object for both, as in most records
    part = Contribution(org_id, role, amount, net_amount=net, cost=fields.money("totalCost"))
    order = fields.whole("order")
    return _Participation(position, project, org_id, position if order is None else order, part)


# Reading the files


def _source_name(source: object) -> str:
    if isinstance(source, (str, os.PathLike)):
        return str(os.fspath(source))
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "-"


def _binary(source: str | os.PathLike[str] | IO[bytes], stack: list[Any]) -> Any:
    """A binary stream of ``source``, gunzipped when it is gzip."""
    if isinstance(source, (str, os.PathLike)):
        stream: Any = Path(source).open("rb")  # noqa: SIM115  # closed by the caller
        stack.append(stream)
    elif isinstance(source, io.TextIOBase) or not callable(getattr(source, "read", None)):
        kind = type(source).__name__
        msg = f"load_cordis reads a path or a file opened in binary mode ('rb'), got {kind}"
        raise WrongTypeError(msg)
    else:
        stream = source
    head = stream.peek(2)[:2] if hasattr(stream, "peek") else b""
    if not head:
        data = stream.read()
        if not isinstance(data, bytes):
            msg = "load_cordis reads bytes: open the file in binary mode ('rb')"
            raise WrongTypeError(msg)
        stream, head = io.BytesIO(data), data[:2]
    if head == _GZIP:
        stream = gzip.GzipFile(fileobj=stream, mode="rb")
        stack.append(stream)
    return io.BufferedReader(stream) if not hasattr(stream, "peek") else stream


def _rows(stream: Any, log: ProblemLog) -> Iterator[tuple[int, Any, bool]]:
    """(position, record, decimal comma) for each record of a JSON or CSV export.

    A JSON record that the reader's limits refuse (a key given twice, a number too long) is
    replaced by the ValidationError that says where.
    """
    head = stream.peek(64)[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"[", b"{")):
        position = 0
        try:
            for position, record, suspect in _records(stream):
                problems = list(check_data(record, DEFAULT_LIMITS, shared=False)) if suspect else []
                yield position, ValidationError(problems) if problems else record, False
        except _BrokenStream as exc:
            log.start(position + 1, None)
            log.skipped([f"$: {exc.message}; nothing after it is read"], None, "json")
        return
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        header = text.readline()
        delimiter = ";" if header.count(";") >= header.count(",") else ","
        names = next(csv.reader([header], delimiter=delimiter), [])
        reader = csv.DictReader(text, fieldnames=names, delimiter=delimiter)
        for position, row in enumerate(reader, start=1):
            yield position, row, delimiter == ";"
    finally:
        text.detach()  # the stream is the caller's to close


def _read(
    source: str | os.PathLike[str] | IO[bytes], log: ProblemLog
) -> Iterator[tuple[int, _Fields | None]]:
    stack: list[Any] = []
    position = 0
    try:
        rows = _rows(_binary(source, stack), log)
        while True:
            try:
                item = next(rows, None)
            except _DAMAGED as exc:
                log.start(position + 1, None)
                message = f"$: the compressed file is damaged or cut short ({exc})"
                log.skipped([message + "; nothing after it is read"], None, "json")
                return
            except (UnicodeDecodeError, csv.Error) as exc:
                log.start(position + 1, None)
                log.skipped([f"$: not a CORDIS CSV file that can be read: {exc}"], None, "csv")
                return
            if item is None:
                return
            position, record, decimal_comma = item
            if isinstance(record, ValidationError):
                log.start(position, None)
                log.skipped(record, None, "json")
                yield position, None
            elif not isinstance(record, dict):
                log.start(position, None)
                log.skipped(["$: expected a record (an object)"], record, "record")
                yield position, None
            else:
                yield position, _Fields(record, log, decimal_comma=decimal_comma)
    finally:
        for closable in reversed(stack):
            closable.close()


def _read_projects(
    source: str | os.PathLike[str] | IO[bytes], log: ProblemLog
) -> tuple[dict[str, _Project], int]:
    projects: dict[str, _Project] = {}
    count = 0
    for position, fields in _read(source, log):
        count += 1
        if fields is None:
            continue
        project_id = _id(fields, "id")
        log.start(position, project_id)
        if project_id is None:
            log.skipped(["$.id: no CORDIS project id (a whole number)"], fields.record, "record")
            continue
        if project_id in projects:
            first = projects[project_id].position
            message = f"$.id: the same project id as record {first}; the first one is kept"
            log.skipped([message], fields.record, "duplicate")
            continue
        projects[project_id] = _Project(position, project_id, _project(fields))
    return projects, count


def _read_participations(
    source: str | os.PathLike[str] | IO[bytes],
    log: ProblemLog,
    organizations: dict[str, Organization],
) -> tuple[dict[str, list[_Participation]], int]:
    by_project: dict[str, list[_Participation]] = {}
    count = 0
    for position, fields in _read(source, log):
        count += 1
        if fields is None:
            continue
        found = _participation(position, fields, organizations)
        if found is not None:
            by_project.setdefault(found.project, []).append(found)
    return by_project, count


def _agreement(
    project: _Project, participations: list[_Participation], log: ProblemLog
) -> Agreement | None:
    """The project's agreement; ``None`` (reported) when it cannot be one."""
    log.start(project.position, project.id)
    fields = project.fields
    parts: list[Contribution] = []
    seen: dict[str, int] = {}
    for item in sorted(participations, key=lambda p: (p.order, p.position)):
        if item.org in seen:
            log.dropped(
                "$.participants",
                item.org,
                f"organization {item.org} takes part twice (participation records "
                f"{seen[item.org]} and {item.position}); the first is kept",
                "duplicate",
            )
            continue
        seen[item.org] = item.position
        parts.append(item.contribution)
    parties = [Party(FUNDER_ID, role=FundingRole.FUNDER.value)]
    parties += [Party(part.org, role=part.role.value) for part in parts]
    try:
        funding = Funding(FUNDER_ID, contributions=parts, **fields["funding"])
        return Agreement(
            project.id,
            AgreementKind.FUNDING,
            parties,
            fields["start"],
            term=fields["term"],
            signed_on=fields["signed_on"],
            title=fields["title"],
            purpose=fields["purpose"],
            stated_end_on=fields["stated_end_on"],
            funding=funding,
        )
    except ValidationError as exc:
        log.skipped(exc, None, "record")
        return None


def load_cordis(
    projects: str | os.PathLike[str] | IO[bytes],
    organizations: str | os.PathLike[str] | IO[bytes],
    *,
    strict: bool = False,
) -> ImportResult:
    r"""Import a CORDIS export of projects and of their participating organizations.

    Reads the exports as the EU publishes them: JSON arrays or CSV (``;`` separators and
    decimal commas, or ``,`` and decimal points; quoted text may hold newlines), plain or
    gzipped, from paths or binary files. Amounts are read from their text as
    :class:`~decimal.Decimal` (``1.732084396E7`` is exactly EUR 17,320,843.96); ``""`` and
    ``NA`` are missing values, never zero.

    Each organization becomes an :class:`~lifesci_partners.Organization` whose id is its CORDIS
    organisation id (also its ``pic`` identifier), with its name and short name, address,
    country (``UK`` and ``EL`` read as ``GB`` and ``GR``), website, VAT number and activity
    type (as its kind); text whose language CORDIS does not state is kept under ``und``. Each
    project becomes an :class:`~lifesci_partners.Agreement` of kind funding between the
    European Commission (id ``"ec"``, added to the directory) and its participants in
    their CORDIS order, with their roles and contributions in a
    :class:`~lifesci_partners.Funding`. Its term is the whole number of months from the
    start date to the end date (or the stated ``duration``); an end that no whole number of
    months reaches is kept as the stated last day. A project with no start date imports as an
    agreement whose start is not known (``effective_on=None``), with its end, if any, as the
    stated last day; nothing is invented.

    A field that cannot be read is dropped from its record; a record that cannot be imported
    (no id, no name, an unknown role) is skipped; each is
    reported as an :class:`~lifesci_partners.ImportProblem` naming its file and position.

    Args:
        projects: The projects export (``project.json``, ``project.csv``, optionally gzipped).
        organizations: The organizations export (``organization.json``, ...).
        strict: Raise at the first problem instead of dropping and reporting.

    Returns:
        The directory of the organizations and agreements, and every problem met.

    Raises:
        ValidationError: In strict mode, the first problem, naming the record.
        OSError: A file cannot be read.
        WrongTypeError: A source is neither a path nor a file opened in binary mode.

    Example:
        >>> import io
        >>> from lifesci_partners import load_cordis
        >>> projects = io.BytesIO(b'[{"id": 662192, "acronym": "3Ccar", "startDate": '
        ...     b'"2015-06-01", "endDate": "2018-10-31", "ecMaxContribution": 1.732084396E7}]')
        >>> organizations = io.BytesIO(
        ...     b'projectID;organisationID;name;country;role;ecContribution\n'
        ...     b'662192;999984059;INFINEON TECHNOLOGIES AG;DE;coordinator;17320843,96\n')
        >>> result = load_cordis(projects, organizations)
        >>> grant = result.directory.agreement("662192")
        >>> grant.funding.max_contribution, str(grant.term), grant.last_day.isoformat()
        (Money('17320843.96', 'EUR'), 'P41M', '2018-10-31')
        >>> grant.funding.check().verdict.value
        'consistent'

    .. versionadded:: 0.2.0
    """
    with gc_paused():  # many small objects and no cycles: see _json/_gc.py
        return _load(projects, organizations, strict=strict)


def _load(
    projects: str | os.PathLike[str] | IO[bytes],
    organizations: str | os.PathLike[str] | IO[bytes],
    *,
    strict: bool,
) -> ImportResult:
    project_log = ProblemLog(_source_name(projects), strict=strict)
    org_log = ProblemLog(_source_name(organizations), strict=strict)
    found, project_count = _read_projects(projects, project_log)
    orgs: dict[str, Organization] = {}
    by_project, org_count = _read_participations(organizations, org_log, orgs)
    for project_id, items in by_project.items():
        if project_id not in found:
            for item in items:
                org_log.start(item.position, f"{project_id}/{item.org}")
                org_log.dropped(
                    "$.projectID",
                    project_id,
                    f"no project {project_id} in {project_log.source}; the organization is "
                    "imported without this participation",
                    "unknown-project",
                )
    agreements = [
        agreement
        for project in found.values()
        if (agreement := _agreement(project, by_project.get(project.id, []), project_log))
        is not None
    ]
    directory = Directory([_funder(), *orgs.values()], agreements)
    problems = (*project_log.problems, *org_log.problems)
    return ImportResult(directory, problems, project_count + org_count)
