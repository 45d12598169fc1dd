"""Agreements in words: the summary that :meth:`Formatter.agreement` writes.

Every sentence is one message of the catalogs, so that each language has its own word order;
sentences are noun phrases ("Automatic renewal for 1 year at a time.") rather than sentences
about "it", since French and German pronouns would have to agree with the kind of agreement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lifesci_partners._events import NonRenewalNotice, Termination

if TYPE_CHECKING:
    import datetime as dt

    from lifesci_partners._agreement import Agreement
    from lifesci_partners._directory import Directory
    from lifesci_partners._renewal import Renewal
    from lifesci_partners._text._formatting import Formatter
    from lifesci_partners._text._words import Words

__all__ = ["party_name", "summary"]

# Reasons and other free text end our sentences with their own full stop.
_FULL_STOPS = ".。"


def party_name(f: Formatter, org_id: str, directory: Directory | None) -> str:
    """An organization's short name (acronym first) from the directory, else its id.

    Raises:
        NotFoundError: ``directory`` has no organization ``org_id``.
    """
    if directory is None:
        return org_id
    org = directory.organization(org_id)
    return org.acronym or org.name.get(f.locale)


def summary(
    f: Formatter,
    w: Words,
    agreement: Agreement,
    directory: Directory | None,
    on: dt.date | None,
) -> str:
    """The whole summary: what the agreement is, its renewal, its events, its state on ``on``."""
    sentences = [_opening(f, w, agreement, directory)]
    if agreement.renewal is not None:
        sentences.extend(_renewal(f, w, agreement.renewal))
        if agreement.max_extent_on is not None:
            template = w.pgettext("agreement", "In force until {date} at the latest.")
            sentences.append(template.format(date=f.date(agreement.max_extent_on)))
    sentences.extend(_events(f, w, agreement, directory))
    if on is not None:
        sentences.extend(_on(f, w, agreement, on))
    return w.sentences(sentences)


def _opening(f: Formatter, w: Words, agreement: Agreement, directory: Directory | None) -> str:
    """Who, what kind, from when, for how long and the last day (of the initial term)."""
    fields = {
        "kind": f.agreement_kind(agreement.kind),
        "parties": w.list(party_name(f, p.org, directory) for p in agreement.parties),
        "start": f.date(agreement.effective_on),
    }
    last = agreement.last_day
    if last is None:
        template = w.pgettext(
            "agreement", "{kind} between {parties}, in force from {start}, with no end date."
        )
    elif agreement.stated_end_on is not None or agreement.term is None:
        template = w.pgettext(
            "agreement", "{kind} between {parties}, in force from {start} to {last_day}."
        )
        fields["last_day"] = f.date(last)
    else:
        if agreement.renewal is None:
            template = w.pgettext(
                "agreement",
                "{kind} between {parties}, in force from {start} for {term}, last day {last_day}.",
            )
        else:
            template = w.pgettext(
                "agreement",
                "{kind} between {parties}, in force from {start} for an initial term of {term}, "
                "last day {last_day}.",
            )
        fields["term"] = f.term(agreement.term)
        fields["last_day"] = f.date(last)
    text = template.format(**fields)
    return text[:1].upper() + text[1:]


def _renewal(f: Formatter, w: Words, renewal: Renewal) -> list[str]:
    """The renewal clause: automatic or by consent, for how long, how often; the notice."""
    fields = {"term": f.duration(renewal.term)}
    if renewal.max_renewals is not None:
        count = w.npgettext("renewal", "{n} time", "{n} times", renewal.max_renewals)
        fields["count"] = count.format(n=f.number(renewal.max_renewals))
    if renewal.automatic:
        if renewal.max_renewals is None:
            template = w.pgettext("renewal", "Automatic renewal for {term} at a time.")
        else:
            template = w.pgettext(
                "renewal", "Automatic renewal for {term} at a time, at most {count}."
            )
    elif renewal.max_renewals is None:
        template = w.pgettext(
            "renewal", "Renewal for {term} at a time by agreement of the parties."
        )
    else:
        template = w.pgettext(
            "renewal", "Renewal for {term} at a time by agreement of the parties, at most {count}."
        )
    sentences = [template.format(**fields)]
    if renewal.automatic:
        if renewal.notice is None:
            sentences.append(
                w.pgettext("renewal", "Notice of non-renewal: by the last day of each period.")
            )
        else:
            notice = w.pgettext(
                "renewal", "Notice of non-renewal: {notice} before the end of each period."
            )
            sentences.append(notice.format(notice=f.duration(renewal.notice)))
    return sentences


def _events(f: Formatter, w: Words, agreement: Agreement, directory: Directory | None) -> list[str]:
    """Notices of non-renewal, the termination and its reason, then the last day if it moved."""
    sentences = []
    for event in sorted(agreement.events, key=lambda e: e.on):
        if isinstance(event, NonRenewalNotice):
            template = w.pgettext(
                "agreement event", "Notice of non-renewal given by {party} on {date}."
            )
            party = party_name(f, event.by, directory)
            sentences.append(template.format(party=party, date=f.date(event.on)))
        elif isinstance(event, Termination):
            sentences.extend(_termination(f, w, event, directory))
    last = agreement.final_last_day
    if (
        agreement.termination is None
        and last is not None
        and last not in {agreement.last_day, agreement.max_extent_on}
    ):
        template = w.pgettext("agreement event", "Last day in force, renewals included: {date}.")
        sentences.append(template.format(date=f.date(last)))
    return sentences


def _termination(
    f: Formatter, w: Words, termination: Termination, directory: Directory | None
) -> list[str]:
    date = f.date(termination.on)
    if termination.by is None:
        text = w.pgettext("agreement event", "Termination, effective {date}.").format(date=date)
    else:
        template = w.pgettext("agreement event", "Termination by {party}, effective {date}.")
        text = template.format(party=party_name(f, termination.by, directory), date=date)
    sentences = [text]
    if termination.reason is not None:
        reason = termination.reason.get(f.locale).rstrip(_FULL_STOPS)
        sentences.append(w.pgettext("agreement event", "Reason: {reason}.").format(reason=reason))
    return sentences


def _on(f: Formatter, w: Words, agreement: Agreement, day: dt.date) -> list[str]:
    """The status on ``day``, the running period of a renewable agreement, the next deadline."""
    fields = {"date": f.date(day), "status": f.status(agreement.status_on(day))}
    running = agreement.period_on(day) if agreement.renewal is not None else None
    if running is None:
        template = w.pgettext("agreement", "Status on {date}: {status}.")
    else:
        fields["period"] = f.period(running)
        number = agreement.renewal_number_on(day)
        if not number:
            template = w.pgettext(
                "agreement", "Status on {date}: {status}, initial term ({period})."
            )
        else:
            template = w.pgettext(
                "agreement", "Status on {date}: {status}, renewal {n} ({period})."
            )
            fields["n"] = f.number(number)
    sentences = [template.format(**fields)]
    if agreement.renewal is not None and agreement.renewal.automatic:
        deadline = agreement.next_notice_deadline(on=day)
        if deadline is not None:
            template = w.pgettext("agreement", "Next deadline for notice of non-renewal: {date}.")
            sentences.append(template.format(date=f.date(deadline)))
    return sentences
