"""The ``lifesci-partners`` command line.

Results go to standard output, errors and progress to standard error. Exit status: 0 success,
1 invalid data, 2 bad usage or a file that cannot be read or written, 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import enum
import errno
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

import lifesci_partners
from lifesci_partners import __version__, examples
from lifesci_partners._agreement import Agreement
from lifesci_partners._business_days import (
    AdjustedDate,
    BusinessCalendar,
    DeadlineKind,
    DeadlineRule,
)
from lifesci_partners._cli import _files, _import_ror, _jsonl_files
from lifesci_partners._cli._lines import announcement_lines, cluster_lines, for_terminal
from lifesci_partners._directory import Directory
from lifesci_partners._json._converters import from_dict, to_dict
from lifesci_partners._json._document import write_atomic
from lifesci_partners._json._reader import DEFAULT_LIMITS, too_large, too_long
from lifesci_partners._json._schema import SCHEMA_FRAGMENTS, json_schema
from lifesci_partners._options import OptionExercised
from lifesci_partners._text._formatting import Formatter
from lifesci_partners.exceptions import (
    JsonLinesError,
    MissingExtraError,
    UnknownLocaleError,
    ValidationError,
)

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_PROGRESS_FROM = 1024 * 1024  # bytes of input from which progress is shown on a terminal
_CHUNK = 1024 * 1024


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not a date: {text!r} (write YYYY-MM-DD, e.g. 2026-11-26)"
        raise argparse.ArgumentTypeError(msg) from None


def _formatter(tag: str) -> Formatter:
    try:
        return Formatter(tag)
    except UnknownLocaleError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lifesci-partners",
        description=(
            "Show and check life-science partnership data: organizations, agreements and their "
            "status. With no FILE, commands use the built-in LINK-J / Medicen Paris Region data."
        ),
        epilog=(
            "Exit status: 0 success, 1 invalid data, 2 bad usage or a file that cannot be read "
            "or written, 130 interrupted. Run 'lifesci-partners COMMAND --help' for a command."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    show = commands.add_parser(
        "show",
        help="print the organizations and agreements of a directory",
        description=(
            "Print each organization, and each agreement with its parties, effective date, "
            "last day and status on a date."
        ),
    )
    show.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="FILE",
        help="a directory document (JSON); default: the built-in LINK-J / MPR data set",
    )
    show.add_argument(
        "--on",
        type=_date,
        metavar="DATE",
        help="the date for statuses, YYYY-MM-DD (default: today)",
    )
    show.add_argument(
        "--locale",
        type=_formatter,
        metavar="LOCALE",
        help=(
            "render the directory as Markdown in this locale, e.g. en, fr, ja, de or ja-JP "
            "(numbers and dates from CLDR; our words in English where a language has none)"
        ),
    )
    _add_status(commands)
    _add_validate(commands)
    _add_schema(commands)
    _add_convert(commands)
    _import_ror.add_parser(commands)
    return parser


def _models() -> dict[str, type]:
    """The public types that have a JSON form, by name: what --model and schema accept."""
    found: dict[str, type] = {}
    for name in lifesci_partners.__all__:
        obj = getattr(lifesci_partners, name)
        if obj is lifesci_partners.Limits or not isinstance(obj, type):
            continue
        if attrs.has(obj) or issubclass(obj, enum.Enum) or obj in SCHEMA_FRAGMENTS:
            found[name] = obj
    return found


def _model_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--model",
        choices=sorted(_models()),
        default="Directory",
        metavar="MODEL",
        help="what each document holds (default: Directory, a whole directory document); "
        "one of: %(choices)s",
    )


def _add_status(commands: Any) -> None:
    status = commands.add_parser(
        "status",
        help="list the agreements and their status on a date",
        description="List every agreement with its parties, dates and status on a date.",
    )
    status.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="FILE",
        help="a directory document (JSON or YAML); default: the built-in LINK-J / MPR data set",
    )
    status.add_argument(
        "--on",
        type=_date,
        metavar="DATE",
        help="the date for statuses, YYYY-MM-DD (default: today)",
    )
    status.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="a table for people (default) or JSON for programs",
    )
    status.add_argument(
        "--rule",
        choices=[rule.value for rule in DeadlineRule],
        default=DeadlineRule.NONE.value,
        help="the statutory rule that moves a deadline off a weekend or holiday (default: none)",
    )
    status.add_argument(
        "--holidays",
        metavar="COUNTRY[-SUBDIVISION]",
        help="public holidays for --rule from the holidays package (the [holidays] extra), "
        "e.g. DE-BY or JP; without it, only Saturdays and Sundays are days off",
    )


def _add_validate(commands: Any) -> None:
    validate = commands.add_parser(
        "validate",
        help="check documents and list every problem with its path",
        description=(
            "Check each FILE and list every problem with its path in the document. "
            "Exit status 1 if any document is invalid, 2 if any cannot be read."
        ),
    )
    validate.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="documents to check (JSON, YAML named *.yaml or *.yml, or JSON Lines named "
        "*.jsonl or *.jsonl.gz: one --model per line, or a directory); - reads standard input",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default) or JSON for programs",
    )
    _model_argument(validate)


def _add_schema(commands: Any) -> None:
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the document format",
        description=(
            "Print the JSON Schema (draft 2020-12) of a directory document, or of one model."
        ),
    )
    schema.add_argument(
        "model",
        nargs="?",
        choices=sorted(_models()),
        default="Directory",
        metavar="MODEL",
        help="the model (default: Directory, the whole document); one of: %(choices)s",
    )


def _add_convert(commands: Any) -> None:
    convert = commands.add_parser(
        "convert",
        help="check a document and write it as JSON or YAML",
        description=(
            "Read IN, check it, and write it to OUT in the format its name says (*.json, "
            "*.yaml, *.yml, or JSON Lines: *.jsonl, *.jsonl.gz, gzipped). A file of one model "
            "per line (--model) is streamed; a directory in JSON Lines is tagged by kind. "
            "OUT is replaced atomically: on any error it is left as it was. "
            "YAML needs the yaml extra: pip install 'lifesci-partners[yaml]'."
        ),
    )
    convert.add_argument("input", metavar="IN", help="the document to read; - for standard input")
    convert.add_argument("output", metavar="OUT", help="where to write; - for standard output")
    formats = (*_files.FORMATS, _jsonl_files.FORMAT)
    convert.add_argument("--from", dest="from_format", choices=formats, help="IN's format")
    convert.add_argument("--to", dest="to_format", choices=formats, help="OUT's format")
    _model_argument(convert)


class _Progress:
    """One line of progress on standard error, shown only on a terminal and for long work."""

    def __init__(self, stream: TextIO, *, wanted: bool) -> None:
        self._stream = stream
        self._on = wanted and stream is not None and stream.isatty()
        self._shown = False

    def show(self, text: str) -> None:
        if self._on:
            self._stream.write(f"\r{text}\x1b[K")
            self._stream.flush()
            self._shown = True

    def clear(self) -> None:
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False


def _read_stdin(limit: int) -> bytes:
    """Standard input, at most ``limit`` bytes, refused if it has that many."""
    if sys.stdin is None:
        raise _ClosedStreamError("input")
    try:
        raw: bytes = sys.stdin.buffer.read(limit)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, "-") from None
    if len(raw) == limit:
        raise too_long(DEFAULT_LIMITS)
    return raw


def _read_bytes(name: str, progress: _Progress) -> bytes:
    """The bytes of a file (or standard input for ``-``), at most the size limit plus one."""
    limit = DEFAULT_LIMITS.max_bytes + 1
    if name == "-":
        return _read_stdin(limit)
    path = Path(name)
    size = path.stat().st_size
    if size >= limit:  # the file's own size, before reading any of it
        raise too_large(size, "bytes", DEFAULT_LIMITS)
    chunks: list[bytes] = []
    done = 0
    with path.open("rb") as file:
        while done < limit:
            chunk = file.read(min(_CHUNK, limit - done))
            if not chunk:
                break
            chunks.append(chunk)
            done += len(chunk)
            if size >= _PROGRESS_FROM:
                progress.show(f"reading {name}: {done * 100 // max(size, 1)}%")
    if size >= _PROGRESS_FROM:
        progress.show(f"checking {name}...")
    if done == limit:  # a file that grew, or a device that says nothing of its size
        raise too_long(DEFAULT_LIMITS)
    return b"".join(chunks)


def _read_model(name: str, fmt: str | None, model: type, progress: _Progress) -> Any:
    data = _files.parse(_read_bytes(name, progress), _files.format_of(name, fmt), DEFAULT_LIMITS)
    return from_dict(data, model)


def _load(path: Path | None) -> Directory:
    if path is None:
        return examples.link_j_mpr()
    progress = _Progress(sys.stderr, wanted=True)
    try:
        directory: Directory = _read_model(str(path), None, Directory, progress)
    finally:
        progress.clear()
    return directory


def _show(directory: Directory, on: dt.date) -> str:
    lines = ["Organizations"]
    warnings = directory.warnings()
    for index, org in enumerate(directory.organizations):
        lines.append(f"  {org.display_name()}  [{org.id}]")
        if org.headquarters is not None:
            hq = org.headquarters
            place = ", ".join(
                part.best("en")
                for part in (hq.district, hq.locality, hq.region)
                if part is not None
            )
            where = ", ".join(p for p in (place, hq.country_name("en")) if p)
            lines.append(f"    headquarters: {where}")
        if org.website:
            lines.append(f"    website: {org.website}")
        lines.extend(cluster_lines(org))
        where = f"$.organizations[{index}]."
        lines.extend(f"    warning: {w}" for w in warnings if w.startswith(where))
    lines.append("")
    lines.append(f"Agreements (status on {on.isoformat()})")
    for agreement in directory.agreements:
        version = agreement.as_of(on)  # as it stood on the date
        names = " and ".join(
            directory.organization(p.org).acronym or directory.organization(p.org).name.best("en")
            for p in version.parties
        )
        lines.append(f"  {agreement.kind.value.upper()} between {names}  [{agreement.id}]")
        start = agreement.effective_on
        lines.append(f"    effective: {'start not known' if start is None else start.isoformat()}")
        amended = _amended_on(agreement, on)
        if amended:
            lines.append(f"    amended: {', '.join(amended)}")
        if version.term is not None:
            lines.append(f"    term: {version.term}")
        lines.extend(_renewal_lines(agreement))
        lines.extend(_option_lines(version, on))
        last = version.final_last_day
        if last is not None:
            lines.append(f"    last day: {last.isoformat()}")
        else:
            renews = agreement.renewal is not None and agreement.renewal.automatic
            lines.append(f"    last day: {'none (renews)' if renews else 'open-ended'}")
        lines.append(f"    status: {agreement.status_on(on).value.replace('_', ' ')}")
        lines.extend(f"    warning: {warning}" for warning in agreement.warnings())
        lines.extend(_lifecycle_lines(agreement, on))
    lines.extend(announcement_lines(directory))
    return "\n".join(lines)


def _renewal_lines(agreement: Agreement) -> list[str]:
    renewal = agreement.renewal
    if renewal is None:
        return []
    parts = ["automatic" if renewal.automatic else "by consent", f"for {renewal.term}"]
    if renewal.max_renewals is not None:
        parts.append(f"at most {renewal.max_renewals} times")
    if renewal.notice is not None:
        parts.append(f"notice {renewal.notice}")
    return [f"    renewal: {', '.join(parts)}"]


def _option_lines(agreement: Agreement, on: dt.date) -> list[str]:
    """The extension options, how many were exercised, and the next option deadline."""
    options = agreement.options
    if options is None:
        return []
    exercised = sum(1 for e in agreement.events if isinstance(e, OptionExercised))
    lengths = ", ".join(str(term) for term in options.lengths)
    lines = [f"    options: {lengths}; exercised: {exercised} of {options.max_count}"]
    deadline = agreement.option_deadline(on=on)
    if deadline is not None and deadline >= on:
        lines.append(f"    next option deadline: {deadline.isoformat()}")
    return lines


def _lifecycle_lines(agreement: Agreement, on: dt.date) -> list[str]:
    """The running period and the next notice deadline, for an agreement that renews."""
    if agreement.renewal is None:
        return []
    lines = []
    running = agreement.period_on(on)
    if running is not None:
        number = agreement.renewal_number_on(on)
        which = "initial term" if number == 0 else f"renewal {number}"
        last = running.last_day.isoformat() if running.last_day else "open-ended"
        lines.append(f"    running period: {running.start.isoformat()} to {last} ({which})")
    deadline = agreement.next_notice_deadline(on=on)
    lines.append(f"    next notice deadline: {deadline.isoformat() if deadline else 'none'}")
    return lines


def _next_deadline(
    agreement: Agreement, on: dt.date, calendar: BusinessCalendar
) -> tuple[str, AdjustedDate] | None:
    """The next notice or option deadline on or after ``on``, adjusted by ``calendar``."""
    notice = agreement.next_notice_deadline(on=on) if agreement.renewal is not None else None
    if notice is not None:
        return "notice", calendar.adjust(notice, DeadlineKind.NOTICE)
    option = agreement.adjusted_option_deadline(on=on, calendar=calendar)
    if option is not None and option.day >= on:
        return "option", option
    return None


def _warnings(model: object) -> list[str]:
    """What a valid model says that is allowed but probably wrong, with paths in its document."""
    warnings = getattr(model, "warnings", None)
    return list(warnings()) if callable(warnings) else []


def _amended_on(agreement: Agreement, on: dt.date) -> list[str]:
    """The days of the amendments in effect on ``on``, as ISO dates."""
    days = (v.since for v in agreement.history()[1:])
    return [day.isoformat() for day in days if day is not None and day <= on]


def _status_rows(
    directory: Directory, on: dt.date, calendar: BusinessCalendar
) -> list[dict[str, Any]]:
    rows = []
    for agreement in directory.agreements:
        version = agreement.as_of(on)  # the agreement as it stood on the date
        last = version.final_last_day
        start = agreement.effective_on
        deadline = _next_deadline(agreement, on, calendar)
        rows.append(
            {
                "id": agreement.id,
                "kind": agreement.kind.value,
                "parties": [p.org for p in version.parties],
                "effective_on": None if start is None else start.isoformat(),
                "last_day": last.isoformat() if last else None,
                "status": agreement.status_on(on).value,
                "amended_on": _amended_on(agreement, on),
                "next_deadline": None
                if deadline is None
                else {
                    "kind": deadline[0],
                    "date": deadline[1].day.isoformat(),
                    "unadjusted": deadline[1].unadjusted.isoformat(),
                    "reason": None if deadline[1].reason is None else str(deadline[1].reason),
                },
            }
        )
    return rows


def _deadline_cell(row: dict[str, Any]) -> str:
    deadline = row["next_deadline"]
    if deadline is None:
        return "-"
    text = f"{deadline['date']} ({deadline['kind']})"
    if deadline["reason"] is not None:
        text += f", adjusted from {deadline['unadjusted']}: {deadline['reason']}"
    return text


def _status_cell(row: dict[str, Any]) -> str:
    status: str = row["status"].replace("_", " ")
    if row["amended_on"]:
        status += f", as amended on {row['amended_on'][-1]}"
    return status


def _no_last_day(agreement: Agreement) -> str:
    renews = agreement.renewal is not None and agreement.renewal.automatic
    return "none (renews)" if renews else "open-ended"


def _status_table(directory: Directory, rows: list[dict[str, Any]], on: dt.date) -> str:
    header = ("ID", "KIND", "PARTIES", "EFFECTIVE", "LAST DAY", "STATUS", "NEXT DEADLINE")
    cells = [header] + [
        (
            r["id"],
            r["kind"],
            ", ".join(r["parties"]),
            r["effective_on"] or "not known",
            r["last_day"] or _no_last_day(directory.agreement(r["id"])),
            _status_cell(r),
            _deadline_cell(r),
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [f"Agreements on {on.isoformat()}"]
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    )
    if not rows:
        lines.append("(none)")
    return "\n".join(lines)


def _today() -> dt.date:
    return dt.datetime.now().astimezone().date()


def _cmd_show(args: argparse.Namespace) -> int:
    directory = _load(args.file)
    on = args.on if args.on is not None else _today()
    if args.locale is not None:
        print(for_terminal(args.locale.directory(directory, on)))
    else:
        print(for_terminal(_show(directory, on)))
    return EXIT_OK


def _cmd_status(args: argparse.Namespace) -> int:
    directory = _load(args.file)
    on = args.on if args.on is not None else _today()
    rule = DeadlineRule(args.rule)
    if args.holidays is None:
        calendar = BusinessCalendar(rule=rule)
    else:
        country, _, subdivision = args.holidays.partition("-")
        try:
            calendar = BusinessCalendar.from_holidays(country, subdivision or None, rule=rule)
        except MissingExtraError as exc:
            print(f"lifesci-partners: --holidays: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except ValidationError as exc:
            print(f"lifesci-partners: --holidays: {exc.errors[0][3:]}", file=sys.stderr)
            return EXIT_USAGE
    rows = _status_rows(directory, on, calendar)
    if args.format == "json":
        text = json.dumps({"on": on.isoformat(), "agreements": rows}, ensure_ascii=False, indent=2)
        print(for_terminal(text, json=True))
    else:
        print(for_terminal(_status_table(directory, rows, on)))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    model = _models()[args.model]
    progress = _Progress(sys.stderr, wanted=len(args.files) > 1)
    results: list[dict[str, Any]] = []
    for number, name in enumerate(args.files, 1):
        progress.show(f"[{number}/{len(args.files)}] {name}")
        result: dict[str, Any] = {"file": name}
        try:
            if _jsonl_files.is_jsonl(name, None):
                problems = _jsonl_files.validate(name, model)
                result.update(valid=not problems, problems=problems, warnings=[])
            else:
                read = _read_model(name, None, model, progress)
                result.update(valid=True, problems=[], warnings=_warnings(read))
        except ValidationError as exc:
            result.update(valid=False, problems=list(exc.errors))
        except (OSError, ValueError, _files.MissingExtraError) as exc:
            result.update(valid=False, unreadable=_reason(exc))
        results.append(result)
    progress.clear()
    if args.format == "json":
        for result in results:
            result["problems"] = [_problem(line) for line in result.get("problems", ())]
        print(for_terminal(json.dumps({"files": results}, ensure_ascii=False, indent=2), json=True))
    else:
        for result in results:
            _print_validation(result)
    if any("unreadable" in r for r in results):
        return EXIT_USAGE
    return EXIT_OK if all(r["valid"] for r in results) else EXIT_INVALID


# A problem's path: $ then .name, [index] or ['key'] (a key as Python writes it), up to ": ".
_NUMBERED = re.compile(r"line (\d+): (.*)", re.DOTALL)
_PROBLEM = re.compile(
    r"(\$(?:\.[^.\[:\s]+|\[[0-9]+\]"
    r"""|\['(?:[^'\\]|\\.)*(?:\.\.\.)?'\]|\["(?:[^"\\]|\\.)*"\])*): (.*)""",
    re.DOTALL,
)


def _problem(line: str) -> dict[str, Any]:
    """A problem line as ``{"path": ..., "message": ...}``, for programs.

    A problem of a JSON Lines file (``line 3: $.org: ...``) has its ``line`` too.
    """
    numbered = _NUMBERED.fullmatch(line)
    if numbered is not None:
        return {"line": int(numbered.group(1)), **_problem(numbered.group(2))}
    match = _PROBLEM.fullmatch(line)
    if match is None:
        return {"path": "$", "message": line}
    return {"path": match.group(1), "message": match.group(2)}


def _print_validation(result: dict[str, Any]) -> None:
    name = for_terminal(result["file"])
    if "unreadable" in result:
        _error(f"cannot read {name}: {result['unreadable']}")
    elif result["valid"]:
        print(f"{name}: valid")
        for warning in result["warnings"]:
            print(f"  warning: {for_terminal(warning)}")
    else:
        problems = result["problems"]
        print(f"{name}: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        for problem in problems:
            print(f"  {for_terminal(problem)}")


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(_models()[args.model]), ensure_ascii=False, indent=2))
    return EXIT_OK


def _cmd_convert(args: argparse.Namespace) -> int:
    source, target = args.input, args.output
    if (
        source != "-"
        and target != "-"
        and Path(target).exists()
        and Path(source).exists()
        and Path(source).samefile(target)
    ):
        _error(f"will not write over the input {source}; choose another OUT")
        return EXIT_USAGE
    formats = (
        _jsonl_files.is_jsonl(source, args.from_format),
        _jsonl_files.is_jsonl(target, args.to_format),
    )
    model = _models()[args.model]
    progress = _Progress(sys.stderr, wanted=True)

    def read() -> Any:
        return _read_model(source, args.from_format, model, progress)

    def write(value: Any) -> None:
        text = _files.dump(to_dict(value), _files.format_of(target, args.to_format))
        if target == "-":
            sys.stdout.write(text)
        else:
            progress.show(f"writing {target}...")
            write_atomic(Path(target), text.encode("utf-8"))

    try:
        if any(formats):
            _jsonl_files.convert(
                source, target, model, formats=formats, read_document=read, write_document=write
            )
        else:
            write(read())
    finally:
        progress.clear()
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "show": _cmd_show,
    "status": _cmd_status,
    "validate": _cmd_validate,
    "schema": _cmd_schema,
    "convert": _cmd_convert,
    "import-ror": _import_ror.run,
}


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def _error(message: str) -> None:
    if sys.stderr is not None:  # nowhere to say it if standard error is closed
        print(for_terminal(f"lifesci-partners: {message}"), file=sys.stderr)


class _ClosedStreamError(OSError):
    """Standard input or output was closed when the program started (``sys.stdin`` is None)."""

    def __init__(self, which: str) -> None:
        super().__init__(errno.EBADF, f"standard {which} is closed", "-")


def _writes_to_stdout(args: argparse.Namespace) -> bool:
    if args.command == "convert":
        return bool(args.output == "-")
    return bool(args.command != "import-ror")


def _name_in_error(
    exc: OSError, args: argparse.Namespace, where: object
) -> str:  # one return per case
    """Which file an error is about, and whether it was being read or written."""
    if exc.filename is None:  # files and standard input are named: this is standard output
        return "write to standard output"
    name = exc.filename
    output = getattr(args, "output", None)
    if output is not None and str(name) == output:
        return f"write {name}"
    if where is not None and str(name) == str(where):
        return f"read {name}"
    return f"read or write {name}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    if _writes_to_stdout(args) and sys.stdout is None:
        _error("standard output is closed: there is nowhere to write the result")
        return EXIT_USAGE
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    where = getattr(args, "file", None) or getattr(args, "input", None)
    try:
        status = _COMMANDS[args.command](args)
        if sys.stdout is not None:
            sys.stdout.flush()  # a write error (a full disk, a closed descriptor) shows here
    except ValidationError as exc:
        shown = where if where is not None else "the built-in data set"
        kind = "directory" if getattr(args, "model", "Directory") == "Directory" else args.model
        _error(f"{shown} is not a valid {kind}:")
        lines = exc.problems if isinstance(exc, JsonLinesError) else exc.errors
        for error in lines:
            print(for_terminal(f"  {error}"), file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:  # the reader of our output went away, as `| head` does
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        if isinstance(exc, _ClosedStreamError):
            _error(f"{exc.strerror}: there is nothing to read")
        else:
            _error(f"cannot {_name_in_error(exc, args, where)}: {_reason(exc)}")
        return EXIT_USAGE
    except (ValueError, _files.MissingExtraError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error("interrupted; no output file was changed")
        return EXIT_INTERRUPTED
    return status
