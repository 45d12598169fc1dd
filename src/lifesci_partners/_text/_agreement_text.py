"""Agreements in words: the summary that :meth:`Formatter.agreement` writes.

Every sentence is one message of the catalogs, so that each language has its own word order;
sentences are noun phrases ("Automatic renewal for 1 year at a time.") rather than sentences
about "it", since French and German pronouns would have to agree with the kind of agreement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lifesci_partners._events import NonRenewalNotice, Termination
from lifesci_partners._text._renderer import Renderer

if TYPE_CHECKING:
    import datetime as dt

    from lifesci_partners._agreement import Agreement
    from lifesci_partners._funding import Funding
    from lifesci_partners._renewal import Renewal

__all__ = ["AgreementText"]

# Reasons and other free text end our sentences with their own full stop.
_FULL_STOPS = ".。"


class AgreementText(Renderer):
    """An agreement in words: the summary that :meth:`Formatter.agreement` writes."""

    __slots__ = ()

    def summary(self, agreement: Agreement, on: dt.date | None) -> str:
        """The summary: what the agreement is, its renewal, its events, its state on ``on``."""
        f, w = self.f, self.w
        sentences = [self._opening(agreement)]
        if agreement.funding is not None:
            sentences.extend(self._funding(agreement.funding))
        if agreement.renewal is not None:
            sentences.extend(self._renewal(agreement.renewal))
            if agreement.max_extent_on is not None:
                template = w.pgettext("agreement", "In force until {date} at the latest.")
                sentences.append(template.format(date=f.date(agreement.max_extent_on)))
        sentences.extend(self._events(agreement))
        if on is not None:
            sentences.extend(self._on(agreement, on))
        return w.sentences(sentences)

    def _opening(self, agreement: Agreement) -> str:
        """Who, what kind, from when, for how long and the last day (of the initial term)."""
        f, w = self.f, self.w
        fields = {
            "kind": f.agreement_kind(agreement.kind),
            "parties": w.list(self.party_name(p.org) for p in agreement.parties),
        }
        last = agreement.last_day
        if agreement.effective_on is None:
            if last is None:
                template = w.pgettext(
                    "agreement",
                    "{kind} between {parties}; its start is not known, with no end date.",
                )
            else:
                template = w.pgettext(
                    "agreement",
                    "{kind} between {parties}; its start is not known, last day {last_day}.",
                )
                fields["last_day"] = f.date(last)
            text = template.format(**fields)
            return text[:1].upper() + text[1:]
        fields["start"] = f.date(agreement.effective_on)
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
                    "{kind} between {parties}, in force from {start} for {term}, "
                    "last day {last_day}.",
                )
            else:
                template = w.pgettext(
                    "agreement",
                    "{kind} between {parties}, in force from {start} for an initial term of "
                    "{term}, last day {last_day}.",
                )
            fields["term"] = f.term(agreement.term)
            fields["last_day"] = f.date(last)
        text = template.format(**fields)
        return text[:1].upper() + text[1:]

    def _funding(self, funding: Funding) -> list[str]:
        """Who funds it, under which programme, the maximum; the coordinator and its share."""
        f, w = self.f, self.w
        fields = {"funder": self.party_name(funding.funder)}
        if funding.programme is not None:
            fields["programme"] = funding.programme
        maximum = funding.max_contribution
        if maximum is not None:
            fields["amount"] = f.money(maximum)
        if maximum is None and funding.programme is None:
            template = w.pgettext("funding", "Funded by {funder}.")
        elif maximum is None:
            template = w.pgettext("funding", "Funded by {funder} under {programme}.")
        elif funding.programme is None:
            template = w.pgettext("funding", "Funded by {funder}, at most {amount}.")
        else:
            template = w.pgettext(
                "funding", "Funded by {funder} under {programme}, at most {amount}."
            )
        sentences = [template.format(**fields)]
        coordinator = funding.coordinator
        if coordinator is not None:
            party = self.party_name(coordinator.org)
            if coordinator.amount is None:
                text = w.pgettext("funding", "Coordinator: {party}.").format(party=party)
            else:
                template = w.pgettext("funding", "Coordinator: {party}, receiving {amount}.")
                text = template.format(party=party, amount=f.money(coordinator.amount))
            sentences.append(text)
        return sentences

    def _renewal(self, renewal: Renewal) -> list[str]:
        """The renewal clause: automatic or by consent, for how long, how often; the notice."""
        f, w = self.f, self.w
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
                "renewal",
                "Renewal for {term} at a time by agreement of the parties, at most {count}.",
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

    def _events(self, agreement: Agreement) -> list[str]:
        """Notices, options exercised, the termination, amendments, then the last day if moved."""
        f, w = self.f, self.w
        sentences = []
        for event in sorted(agreement.events, key=lambda e: e.on):
            if isinstance(event, NonRenewalNotice):
                template = w.pgettext(
                    "agreement event", "Notice of non-renewal given by {party} on {date}."
                )
                party = self.party_name(event.by)
                sentences.append(template.format(party=party, date=f.date(event.on)))
            elif isinstance(event, Termination):
                sentences.extend(self._termination(event))
            else:
                template = w.pgettext(
                    "agreement event", "Extension option exercised by {party} on {date}."
                )
                party = self.party_name(event.by)
                sentences.append(template.format(party=party, date=f.date(event.on)))
        for version in agreement.history()[1:]:
            if version.since is None:  # pragma: no cover  # only the original has no date
                continue
            template = w.pgettext("agreement event", "Amended with effect from {date}.")
            sentences.append(template.format(date=f.date(version.since)))
        last = agreement.final_last_day
        if (
            agreement.termination is None
            and last is not None
            and last not in {agreement.last_day, agreement.max_extent_on}
        ):
            template = w.pgettext(
                "agreement event", "Last day in force, renewals included: {date}."
            )
            sentences.append(template.format(date=f.date(last)))
        return sentences

    def _termination(self, termination: Termination) -> list[str]:
        """The termination, by whom and when, and its reason."""
        f, w = self.f, self.w
        date = f.date(termination.on)
        if termination.by is None:
            text = w.pgettext("agreement event", "Termination, effective {date}.").format(date=date)
        else:
            template = w.pgettext("agreement event", "Termination by {party}, effective {date}.")
            text = template.format(party=self.party_name(termination.by), date=date)
        sentences = [text]
        if termination.reason is not None:
            reason = self.escape(termination.reason.best(f.locale).rstrip(_FULL_STOPS))
            sentences.append(
                w.pgettext("agreement event", "Reason: {reason}.").format(reason=reason)
            )
        return sentences

    def _on(self, agreement: Agreement, day: dt.date) -> list[str]:
        """The status on ``day``, the running period of a renewable agreement, the next deadline."""
        f, w = self.f, self.w
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
                template = w.pgettext(
                    "agreement", "Next deadline for notice of non-renewal: {date}."
                )
                sentences.append(template.format(date=f.date(deadline)))
        return sentences
