"""The ``lifesci-partners`` command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from lifesci_partners import __version__, examples
from lifesci_partners._agreement import Agreement
from lifesci_partners._convert import from_json
from lifesci_partners._directory import Directory
from lifesci_partners._formatting import Formatter
from lifesci_partners._summary import announcement_lines, cluster_lines
from lifesci_partners.exceptions import UnknownLocaleError, ValidationError

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


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
        epilog="Exit status: 0 success, 1 invalid data, 2 bad usage or unreadable file.",
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
    return parser


def _load(path: Path | None) -> Directory:
    if path is None:
        return examples.link_j_mpr()
    return from_json(path.read_bytes(), Directory)


def _show(directory: Directory, on: dt.date) -> str:
    lines = ["Organizations"]
    for org in directory.organizations:
        lines.append(f"  {org.display_name()}  [{org.id}]")
        if org.headquarters is not None:
            hq = org.headquarters
            place = ", ".join(
                part.get("en") for part in (hq.district, hq.locality, hq.region) if part is not None
            )
            where = f"{place}, {hq.country_name('en')}" if place else hq.country_name("en")
            lines.append(f"    headquarters: {where}")
        if org.website:
            lines.append(f"    website: {org.website}")
        lines.extend(cluster_lines(org))
    lines.append("")
    lines.append(f"Agreements (status on {on.isoformat()})")
    for agreement in directory.agreements:
        names = " and ".join(
            directory.organization(p.org).acronym or directory.organization(p.org).name.get("en")
            for p in agreement.parties
        )
        lines.append(f"  {agreement.kind.value.upper()} between {names}  [{agreement.id}]")
        lines.append(f"    effective: {agreement.effective_on.isoformat()}")
        if agreement.term is not None:
            lines.append(f"    term: {agreement.term}")
        lines.extend(_renewal_lines(agreement))
        last = agreement.final_last_day
        if last is not None:
            lines.append(f"    last day: {last.isoformat()}")
        else:
            renews = agreement.renewal is not None and agreement.renewal.automatic
            lines.append(f"    last day: {'none (renews)' if renews else 'open-ended'}")
        lines.append(f"    status: {agreement.status_on(on).value.replace('_', ' ')}")
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    try:
        directory = _load(args.file)
    except OSError as exc:
        print(f"lifesci-partners: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValidationError as exc:
        where = args.file if args.file is not None else "the built-in data set"
        print(f"lifesci-partners: {where} is not a valid directory:", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return EXIT_INVALID
    on = args.on if args.on is not None else dt.datetime.now().astimezone().date()
    if args.locale is not None:
        print(args.locale.directory(directory, on))
    else:
        print(_show(directory, on))
    return EXIT_OK
