"""Tests for the funding sentences of Formatter.agreement, in every language with a catalog."""

from __future__ import annotations

import datetime as dt

import pytest

from lifesci_partners import (
    Agreement,
    AgreementKind,
    Contribution,
    Directory,
    Formatter,
    Funding,
    FundingRole,
    LocalizedText,
    Money,
    Organization,
    Party,
)

ORGS = [
    Organization("ec", LocalizedText({"en": "European Commission"}), acronym="EC"),
    Organization("tum", LocalizedText({"und": "TECHNISCHE UNIVERSITAET MUENCHEN"}), acronym="TUM"),
    Organization("uga", LocalizedText({"und": "UNIVERSITE GRENOBLE ALPES"}), acronym="UGA"),
]


def grant(funding: Funding) -> tuple[Agreement, Directory]:
    agreement = Agreement(
        "643921",
        AgreementKind.FUNDING,
        [Party("ec", role="funder"), Party("tum", role="coordinator"), Party("uga")],
        dt.date(2015, 1, 1),
        funding=funding,
    )
    return agreement, Directory(ORGS, [agreement])


FULL = Funding(
    "ec",
    programme="H2020",
    max_contribution=Money("4932902.25", "EUR"),
    contributions=[Contribution("tum", FundingRole.COORDINATOR, Money("572978.68", "EUR"))],
)


class TestFundingSentences:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "en",
                (
                    "Funded by EC under H2020, at most €4,932,902.25. Coordinator: TUM, receiving "
                    "€572,978.68."
                ),
            ),
            (
                "fr",
                (
                    "Financement\u00a0: EC, programme H2020, "
                    "au plus 4\u202f932\u202f902,25\u00a0€. "
                    "Coordinateur\u00a0: TUM, qui reçoit 572\u202f978,68\u00a0€."
                ),
            ),
            (
                "ja",
                "資金提供：EC（H2020）、上限€4,932,902.25。コーディネーター：TUM（受領額€572,978.68）。",
            ),
            (
                "de",
                (
                    "Gefördert von EC im Programm H2020, höchstens 4.932.902,25\u00a0€. "
                    "Koordinator: TUM, erhält 572.978,68\u00a0€."
                ),
            ),
        ],
    )
    def test_funder_maximum_and_coordinator(self, locale: str, expected: str) -> None:
        """The summary states who funds, the maximum, and the coordinator's share."""
        agreement, directory = grant(FULL)
        assert Formatter(locale).agreement(agreement, directory).endswith(expected)

    def test_without_amounts(self) -> None:
        """Without programme, maximum or coordinator's amount, only what is known is said."""
        funding = Funding("ec", contributions=[Contribution("tum", FundingRole.COORDINATOR)])
        agreement, directory = grant(funding)
        text = Formatter("en").agreement(agreement, directory)
        assert text.endswith("with no end date. Funded by EC. Coordinator: TUM.")

    def test_without_coordinator(self) -> None:
        """A funding with no coordinator states only the funder and the maximum."""
        funding = Funding("ec", max_contribution=Money("100", "EUR"))
        agreement, directory = grant(funding)
        assert (
            Formatter("en")
            .agreement(agreement, directory)
            .endswith("Funded by EC, at most €100.00.")
        )
