"""Registers the strategies of :mod:`lifesci_partners.strategies` with Hypothesis.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point (declared in
``pyproject.toml``) while ``import hypothesis`` runs, so that ``st.from_type(Agreement)`` works in
any project that has ``lifesci-partners[hypothesis]`` installed.

That can happen early: even while :mod:`lifesci_partners.strategies` is itself being imported (its
``from hypothesis import strategies`` is what imports Hypothesis). So this module imports nothing
at the top, and each registered strategy is deferred: the strategies module is looked up only when
Hypothesis first draws from it, long after every import has finished.
"""

from __future__ import annotations

from typing import Any


def _strategy_names() -> dict[type, str]:
    """Each model, and the name of its strategy in :mod:`lifesci_partners.strategies`."""
    import lifesci_partners as lp  # noqa: PLC0415  # see the module docstring

    return {
        lp.Achievement: "achievements",
        lp.Address: "addresses",
        lp.Agreement: "agreements",
        lp.AgreementVersion: "agreement_versions",
        lp.Announcement: "announcements",
        lp.BusinessCalendar: "business_calendars",
        lp.Cluster: "clusters",
        lp.Contribution: "contributions",
        lp.ContributionChanged: "contribution_changes",
        lp.Coordinates: "coordinates",
        lp.Directory: "directories",
        lp.ExchangeRate: "exchange_rates",
        lp.ExtensionOptions: "extension_options",
        lp.ExchangeRates: "exchange_rate_tables",
        lp.Figure: "figures",
        lp.Founder: "founders",
        lp.Funding: "fundings",
        lp.FundingCheck: "funding_checks",
        lp.Identifier: "registry_identifiers",
        lp.Link: "links",
        lp.LocalizedText: "localized_texts",
        lp.MemberCount: "member_counts",
        lp.Money: "money",
        lp.NonRenewalNotice: "non_renewal_notices",
        lp.OptionExercised: "options_exercised",
        lp.Organization: "organizations",
        lp.OrganizationName: "organization_names",
        lp.PartialDate: "partial_dates",
        lp.PartnerCount: "partner_counts",
        lp.PartnerRank: "partner_ranks",
        lp.Party: "parties",
        lp.Period: "periods",
        lp.Person: "people",
        lp.PhotoCaption: "photo_captions",
        lp.Position: "positions",
        lp.Provenance: "provenances",
        lp.Quote: "quotes",
        lp.Relationship: "relationships",
        lp.Renewal: "renewals",
        lp.Term: "terms",
        lp.TermChanged: "term_changes",
        lp.StatedEndChanged: "stated_end_changes",
        lp.PartyAdded: "parties_added",
        lp.PartyWithdrawn: "party_withdrawals",
        lp.RoleChanged: "role_changes",
        lp.TitleChanged: "title_changes",
        lp.PurposeChanged: "purpose_changes",
        lp.Termination: "terminations",
    }


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every lifesci-partners model (called by Hypothesis)."""
    import importlib  # noqa: PLC0415  # imports stay inside: this runs during `import hypothesis`

    from hypothesis import strategies as st  # noqa: PLC0415

    def deferred(name: str) -> st.SearchStrategy[Any]:
        def build() -> st.SearchStrategy[Any]:
            strategy: st.SearchStrategy[Any] = getattr(
                importlib.import_module("lifesci_partners.strategies"), name
            )()
            return strategy

        return st.deferred(build)

    for model, name in _strategy_names().items():
        st.register_type_strategy(model, deferred(name))
