"""Plain-text lines about clusters and announcements, for ``lifesci-partners show``.

Whatever the command line prints goes through :func:`for_terminal` first: a character that a
terminal would take for a command is shown as an escape instead.
"""

from __future__ import annotations

import re
import textwrap

from lifesci_partners._announcement import Announcement, Quote
from lifesci_partners._claims import ClaimCheck, PartnerRank, PartnerScope
from lifesci_partners._cluster import Cluster
from lifesci_partners._directory import Directory
from lifesci_partners._organization import Organization
from lifesci_partners._text._formatting import Formatter

__all__ = ["announcement_lines", "cluster_lines", "for_terminal"]

# Control characters but the line feed and the tab, and the bidirectional embeddings, overrides
# and isolates. Models refuse them in text (_free_text.py); other strings (a URL, say) may not.
_TERMINAL_COMMANDS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_WIDTH = 96
_ENGLISH = Formatter("en")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"  # noqa: PLR2004  # one byte


def _json_escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def for_terminal(text: str, *, json: bool = False) -> str:
    r"""``text`` with every character that a terminal obeys written as an escape, such as ``\x1b``.

    Args:
        text: What is about to be printed.
        json: ``text`` is JSON: escapes are JSON's (``\u001b``), so that it stays the same JSON.

    Example:
        >>> print(for_terminal("LINK-J\x1b]0;owned\x07 \u202eok"))
        LINK-J\x1b]0;owned\x07 \u202eok
    """
    return _TERMINAL_COMMANDS.sub(_json_escaped if json else _escaped, text)


def _wrap(text: str, indent: str, later: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        _WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if later is None else later,
        break_on_hyphens=False,
    )


def cluster_lines(org: Organization) -> list[str]:
    """A cluster's member counts, key areas and achievements, in English; nothing for others."""
    if not isinstance(org, Cluster):
        return []
    lines = []
    if org.member_counts:
        lines.append("    members:")
        lines.extend(
            f"      {count.category.best('en')}: {_ENGLISH.figure(count.count, 'long')}"
            for count in org.member_counts
        )
    if org.key_areas:
        lines.extend(_wrap("key areas: " + "; ".join(a.best("en") for a in org.key_areas), "    "))
    if org.achievements:
        lines.append("    achievements:")
        for achievement in org.achievements:
            since = "" if achievement.since is None else f" (since {achievement.since})"
            figure = _ENGLISH.figure(achievement.figure, "long")
            lines.append(f"      {achievement.label.best('en')}: {figure}{since}")
    return lines


def _name(directory: Directory, org_id: str) -> str:
    org = directory.organization(org_id)
    return org.acronym or org.name.best("en")


def _claim(directory: Directory, check: ClaimCheck) -> str:
    claim = check.claim
    org = _name(directory, claim.org)
    if isinstance(claim, PartnerRank):
        what = f"{_name(directory, claim.partner)} is {org}'s partner number {claim.rank}"
    else:
        scope = "" if claim.scope is PartnerScope.ALL else f"{claim.scope.value} "
        when = "" if claim.on is None else f" on {claim.on.isoformat()}"
        what = f"{_ENGLISH.figure(claim.count)} {scope}partners of {org}{when}"
    return f"{what}: {check.verdict.value} ({check.reason})"


def _quote(directory: Directory, quote: Quote) -> list[str]:
    lines = ["", *_wrap(f"\u201c{quote.text.best('en')}\u201d", "    ")]
    speaker = [directory.person(quote.speaker).name.best("en")]
    if quote.role is not None:
        speaker.append(quote.role.best("en"))
    if quote.organization is not None:
        speaker.append(_name(directory, quote.organization))
    lines.append(f"      \u2014 {', '.join(speaker)}")
    return lines


def _announcement(directory: Directory, news: Announcement) -> list[str]:
    lines = [f"  {news.headline.best('en')}  [{news.id}]"]
    if news.subheadline is not None:
        lines.extend(_wrap(news.subheadline.best("en"), "    "))
    published = "date not given" if news.published_on is None else str(news.published_on)
    lines.append(f"    published by {_name(directory, news.publisher)}, {published}")
    for agreement_id in news.about:
        agreement = directory.agreement(agreement_id)
        parties = " and ".join(_name(directory, p.org) for p in agreement.parties)
        kind = agreement.kind.value.upper()
        lines.append(f"    about: {kind} between {parties}  [{agreement_id}]")
    if news.mentions:
        lines.append(f"    mentions: {', '.join(_name(directory, o) for o in news.mentions)}")
    for paragraph in news.body:
        lines.append("")
        lines.extend(_wrap(paragraph.best("en"), "    "))
    for quote in news.quotes:
        lines.extend(_quote(directory, quote))
    if news.captions:
        lines.append("")
    for caption in news.captions:
        lines.extend(_wrap(f"photo: {caption.text.best('en')}", "    "))
    if news.links:
        lines.append(f"    links: {', '.join(link.url for link in news.links)}")
    lines.extend(_claims(directory, news))
    return lines


def _claims(directory: Directory, news: Announcement) -> list[str]:
    checks = directory.check_claims(news)
    if not checks:
        return []
    lines = ["    claims checked against the directory:"]
    for check in checks:
        lines.extend(_wrap(_claim(directory, check), "      - ", "        "))
    return lines


def announcement_lines(directory: Directory) -> list[str]:
    """Every announcement of the directory, its text in English, and its claims checked."""
    if not directory.announcements:
        return []
    lines = ["", "Announcements"]
    for news in directory.announcements:
        lines.extend(_announcement(directory, news))
    return lines
