"""Tests for the built-in LINK-J / Medicen Paris Region data set: the seed's facts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from lifesci_partners import (
    Address,
    AgreementKind,
    AgreementStatus,
    Announcement,
    Cluster,
    Directory,
    Figure,
    FounderKind,
    LocalizedText,
    Money,
    NameKind,
    Organization,
    OrganizationKind,
    OrganizationName,
    PartialDate,
    PartnerCount,
    PartnerRank,
    PartnerScope,
    Qualifier,
    Term,
    Verdict,
    examples,
    to_json,
)

D = dt.date


def seed() -> Directory:
    return examples.link_j_mpr()


class TestLinkJ:
    def test_names(self) -> None:
        """English and Japanese names, acronym LINK-J."""
        link_j = seed().organization("link-j")
        assert link_j.name["en"] == "Life Science Innovation Network Japan"
        assert link_j.name["ja"] == (
            "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン"
        )
        assert link_j.acronym == "LINK-J"

    def test_head_office(self) -> None:
        """Head office: Nihonbashi-Muromachi, Chuo-ku, Tokyo, Japan."""
        hq = seed().organization("link-j").headquarters
        assert hq is not None
        assert hq.country == "JP"
        assert hq.district is not None
        assert hq.district["en"] == "Nihonbashi-Muromachi"
        assert hq.locality is not None
        assert hq.locality["en"] == "Chuo-ku"
        assert hq.region is not None
        assert hq.region["en"] == "Tokyo"

    def test_website(self) -> None:
        """https://www.link-j.org/."""
        assert seed().organization("link-j").website == "https://www.link-j.org/"

    def test_name_with_inc(self) -> None:
        """The release also calls it Life Science Innovation Network Japan, Inc."""
        assert seed().organization("link-j").other_names == (
            OrganizationName("Life Science Innovation Network Japan, Inc.", NameKind.ALIAS, "en"),
        )

    def test_general_incorporated_association(self) -> None:
        """LINK-J is a general incorporated association (一般社団法人)."""
        link_j = seed().organization("link-j")
        assert link_j.kind is OrganizationKind.ASSOCIATION
        assert link_j.legal_form is not None
        assert link_j.legal_form.to_dict() == {
            "en": "general incorporated association",
            "ja": "一般社団法人",
        }

    def test_people(self) -> None:
        """Hideyuki Okano chairs the board; Akihiko Soyama is President and CEO."""
        people = [
            (p.person.id, p.person.name["en"], p.role["en"])
            for p in seed().organization("link-j").people
        ]
        assert people == [
            ("hideyuki-okano", "Hideyuki Okano", "Chairman of the Board"),
            ("akihiko-soyama", "Akihiko Soyama", "President and CEO"),
        ]

    def test_founders(self) -> None:
        """Established by Mitsui Fudosan and by volunteers from academic circles (a group)."""
        founders = [(f.name["en"], f.kind) for f in seed().organization("link-j").founders]
        assert founders == [
            ("Mitsui Fudosan", FounderKind.ORGANIZATION),
            ("volunteers from academic circles", FounderKind.GROUP),
        ]

    def test_no_invented_facts(self) -> None:
        """The release gives no founding date, identifiers or people's dates for LINK-J."""
        link_j = seed().organization("link-j")
        assert link_j.founded_on is None
        assert link_j.identifiers == ()
        assert all(p.start is None and p.end is None for p in link_j.people)


class TestMedicen:
    def test_name_and_place(self) -> None:
        """Medicen Paris Region (MPR), Paris, France."""
        mpr = seed().organization("mpr")
        assert mpr.display_name() == "Medicen Paris Region (MPR)"
        assert mpr.headquarters is not None
        assert mpr.headquarters.country == "FR"
        assert mpr.headquarters.locality is not None
        assert mpr.headquarters.locality["en"] == "Paris"

    def test_website(self) -> None:
        """https://medicen.org/en/."""
        assert seed().organization("mpr").website == "https://medicen.org/en/"

    def test_non_profit_cluster(self) -> None:
        """MPR is a non-profit cluster."""
        mpr = seed().organization("mpr")
        assert mpr.kind is OrganizationKind.CLUSTER
        assert mpr.other_kinds == (OrganizationKind.NONPROFIT,)

    def test_founded(self) -> None:
        """Founded on January 3, 2005."""
        assert seed().organization("mpr").founded_on == PartialDate(2005, 1, 3)

    def test_ceo(self) -> None:
        """Jessica Leygues is CEO of MPR."""
        (ceo,) = seed().organization("mpr").people
        assert (ceo.person.name["en"], ceo.role["en"]) == ("Jessica Leygues", "CEO")

    def test_no_invented_facts(self) -> None:
        """The release gives no identifiers, legal form or founders for MPR."""
        mpr = seed().organization("mpr")
        assert (mpr.identifiers, mpr.legal_form, mpr.founders) == ((), None, ())


class TestMou:
    def test_between_link_j_and_mpr(self) -> None:
        """An MOU between LINK-J and MPR."""
        mou = seed().agreement("mou-link-j-mpr-2020")
        assert mou.kind is AgreementKind.MOU
        assert [p.org for p in mou.parties] == ["link-j", "mpr"]

    def test_effective_and_term(self) -> None:
        """Effective 2020-02-05, five years, last day 2025-02-04."""
        mou = seed().agreement("mou-link-j-mpr-2020")
        assert mou.effective_on == D(2020, 2, 5)
        assert str(mou.term) == "P5Y"
        assert mou.last_day == D(2025, 2, 4)

    def test_signing_date_unknown(self) -> None:
        """The release gives no signing date: none is invented."""
        assert seed().agreement("mou-link-j-mpr-2020").signed_on is None

    def test_expired_on_2026_11_26(self) -> None:
        """On 2026-11-26 the MOU is expired."""
        mou = seed().agreement("mou-link-j-mpr-2020")
        assert mou.status_on(D(2026, 11, 26)) is AgreementStatus.EXPIRED

    def test_purpose_mentions_france_and_japan(self) -> None:
        """The purpose states the France-Japan relationship and open innovation."""
        purpose = seed().agreement("mou-link-j-mpr-2020").purpose
        assert purpose is not None
        assert "France and Japan" in purpose["en"]
        assert "open innovation" in purpose["en"]

    def test_cached(self) -> None:
        """The data set is parsed once."""
        assert examples.link_j_mpr() is examples.link_j_mpr()


# The seed release, sentence by sentence: every sentence maps to a check that its facts are in
# the data set, as structured data wherever the models can hold them.

RELEASE = Path(__file__).with_name("seed_release.txt")
MOU = "mou-link-j-mpr-2020"


def release_sentences() -> list[str]:
    """The sentences of the release, with its markup (Markdown, HTML, bullets) removed."""
    out: list[str] = []
    for raw in RELEASE.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"<[^>]+>", "", raw).replace("**", "").replace("•", "").strip()
        line = re.sub(r"^(#+|-)\s*", "", line).strip()
        if line:
            out.extend(re.split(r'(?<=[.!?"])\s+(?=[A-Z"])', line))
    return out


def link_j() -> Organization:
    return seed().organization("link-j")


def mpr() -> Cluster:
    cluster = seed().organization("mpr")
    assert isinstance(cluster, Cluster)
    return cluster


def news() -> Announcement:
    (announcement,) = seed().announcements
    return announcement


def body_text() -> str:
    return "\n".join(paragraph["en"] for paragraph in news().body)


def en(texts: Iterable[LocalizedText]) -> list[str]:
    return [text["en"] for text in texts]


def counts() -> dict[str, Figure]:
    return {m.category["en"]: m.count for m in mpr().member_counts}


def achieved() -> dict[str, tuple[Figure, PartialDate | None]]:
    return {a.label["en"]: (a.figure, a.since) for a in mpr().achievements}


def check_news_release() -> None:
    assert news().publisher == "link-j"


def check_publisher_line() -> None:
    assert seed().organization(news().publisher).name["en"] == (
        "Life Science Innovation Network Japan"
    )


def check_headline() -> None:
    assert news().headline["en"] == (
        "LINK-J Concludes MOU on Mutual Cooperation with Medicen Paris Region (MPR)"
    )
    assert news().about == (MOU,)
    assert seed().agreement(MOU).kind is AgreementKind.MOU


def check_subheadline() -> None:
    subheadline = news().subheadline
    assert subheadline is not None
    assert subheadline["en"].startswith("Cooperating with 16 organizations")
    partners, overseas = news().claims[:2]
    assert isinstance(partners, PartnerCount)
    assert isinstance(overseas, PartnerCount)
    assert (partners.org, partners.count, partners.scope) == (
        "link-j",
        Figure(16),
        PartnerScope.ALL,
    )
    assert (overseas.org, overseas.count, overseas.scope) == (
        "link-j",
        Figure(6),
        PartnerScope.OVERSEAS,
    )


def check_conclusion() -> None:
    hq = link_j().headquarters
    assert hq is not None
    assert (hq.district, hq.locality, hq.region, hq.country) == (
        LocalizedText({"en": "Nihonbashi-Muromachi"}),
        LocalizedText({"en": "Chuo-ku"}),
        LocalizedText({"en": "Tokyo"}),
        "JP",
    )
    chair = [
        p.person.name["en"] for p in link_j().people if p.role["en"] == "Chairman of the Board"
    ]
    assert chair == ["Hideyuki Okano"]
    assert (link_j().acronym, mpr().acronym, mpr().name["en"]) == (
        "LINK-J",
        "MPR",
        "Medicen Paris Region",
    )
    assert mpr().headquarters == Address("FR", locality=LocalizedText({"en": "Paris"}))
    mou = seed().agreement(MOU)
    assert [p.org for p in mou.parties] == ["link-j", "mpr"]
    assert mou.purpose is not None
    assert "innovations in the field of life science" in mou.purpose["en"]
    assert set(news().mentions) == {"link-j", "mpr"}


def check_effective() -> None:
    assert seed().agreement(MOU).effective_on == D(2020, 2, 5)


def check_link_j_is_an_association() -> None:
    assert link_j().kind is OrganizationKind.ASSOCIATION
    legal_form, description = link_j().legal_form, link_j().description
    assert legal_form is not None
    assert legal_form["en"] == "general incorporated association"
    assert description is not None
    assert "commercialization of seeds and ideas" in description["en"]


def check_caption() -> None:
    (caption,) = news().captions
    assert caption.text["en"] == (
        "Akihiko Soyama, President and CEO of LINK-J (left), and Jessica Leygues, CEO of "
        "Medicen Paris Region (right)"
    )
    assert caption.people == ("akihiko-soyama", "jessica-leygues")
    roles = {(p.person.id, p.role["en"]) for o in seed().organizations for p in o.people}
    assert {("akihiko-soyama", "President and CEO"), ("jessica-leygues", "CEO")} <= roles


def check_business_cluster() -> None:
    assert mpr().kind is OrganizationKind.CLUSTER
    hq, description = mpr().headquarters, mpr().description
    assert hq is not None
    assert hq.country == "FR"
    assert description is not None
    assert "innovative health technology" in description["en"]


def check_over_430_members() -> None:
    members = mpr().member_counts[0]
    assert members.count == Figure(430, Qualifier.OVER)
    assert set(members.kinds) == {
        OrganizationKind.COMPANY,
        OrganizationKind.RESEARCH_INSTITUTE,
        OrganizationKind.UNIVERSITY,
        OrganizationKind.HOSPITAL,
        OrganizationKind.GOVERNMENT,
    }


def check_mou_purpose() -> None:
    purpose = seed().agreement(MOU).purpose
    assert purpose is not None
    assert "MPR's activities in Europe" in purpose["en"]
    assert "France and Japan" in purpose["en"]


def check_five_years() -> None:
    mou = seed().agreement(MOU)
    assert mou.term == Term(years=5)
    assert mou.purpose is not None
    assert "open innovation" in mou.purpose["en"]


def check_16th_partner() -> None:
    rank = news().claims[2]
    assert rank == PartnerRank(
        "link-j",
        "mpr",
        16,
        LocalizedText(
            {"en": "This latest agreement makes MPR the 16th cooperation partner of LINK-J."}
        ),
    )


def check_embassy_not_recorded() -> None:
    # The text of a partner's logo in the release's list of partners, an image: the release
    # says nothing about it, and PRODUCT.md's seed leaves it out, so no organization is made.
    assert all("embassy" not in o.name.default.lower() for o in seed().organizations)


def check_quote_intro() -> None:
    (quote,) = news().quotes
    assert (quote.speaker, quote.organization) == ("akihiko-soyama", "link-j")
    assert quote.role == LocalizedText({"en": "President and CEO"})
    assert quote.text["en"].startswith("We are delighted to establish this MOU with MPR")


def check_quote_end() -> None:
    (quote,) = news().quotes
    assert quote.text["en"].endswith("the revitalization of the entire life science industry.")
    assert "our 16 domestic and overseas partner organizations" in quote.text["en"]


def check_about_mpr() -> None:
    assert mpr().display_name() == "Medicen Paris Region (MPR)"


def check_non_profit_founded() -> None:
    assert OrganizationKind.NONPROFIT in mpr().other_kinds
    assert mpr().founded_on == PartialDate(2005, 1, 3)


def check_five_key_areas() -> None:
    assert en(mpr().key_areas) == [
        "biological diagnosis",
        "diagnostic and interventional imaging",
        "regenerative medicine and biomaterials",
        "digital health",
        "translational medicine",
    ]


def check_websites() -> None:
    assert mpr().website == "https://medicen.org/en/"
    assert "https://medicen.org/en/" in [link.url for link in news().links]


def check_achievements_listed() -> None:
    assert len(mpr().achievements) == 4


def check_members_by_category() -> None:
    assert counts() == {
        "member organizations": Figure(430, Qualifier.OVER),
        "startups and small and medium-sized enterprises in biotech, medical technology and "
        "digital health": Figure(500, Qualifier.APPROXIMATELY),
        "large corporations": Figure(40),
        "academic and medical research organizations": Figure(34),
    }


def check_80_products() -> None:
    label = "innovative products launched in biotech, medical technology and digital health"
    assert achieved()[label] == (Figure(80), PartialDate(2005))


def check_projects_and_funding() -> None:
    assert achieved()["projects certified"] == (Figure(383), PartialDate(2005))
    assert achieved()["investments acquired"] == (
        Figure(Money("21000000000", "EUR"), Qualifier.NEARLY),
        PartialDate(2005),
    )
    assert achieved()["public funding acquired"] == (
        Figure(Money("864000000", "EUR")),
        PartialDate(2005),
    )


def check_about_link_j() -> None:
    assert (
        OrganizationName("Life Science Innovation Network Japan, Inc.", NameKind.ALIAS, "en")
        in link_j().other_names
    )


def check_founders() -> None:
    assert [(f.name["en"], f.kind) for f in link_j().founders] == [
        ("Mitsui Fudosan", FounderKind.ORGANIZATION),
        ("volunteers from academic circles", FounderKind.GROUP),
    ]


def check_nihonbashi_base() -> None:
    hq = link_j().headquarters
    assert hq is not None
    assert hq.district is not None
    assert "Nihonbashi" in hq.district["en"]


def check_link_j_website() -> None:
    assert link_j().website == "https://www.link-j.org/"
    assert "https://www.link-j.org/" in [link.url for link in news().links]


def in_body(sentence: str) -> Callable[[], None]:
    """A sentence the models hold only as text: it must be in the body, word for word."""

    def check() -> None:
        assert sentence in body_text()

    return check


FACTS: dict[str, Callable[[], None]] = {
    "News Release": check_news_release,
    "Life Science Innovation Network Japan": check_publisher_line,
    "LINK-J Concludes MOU on Mutual Cooperation with Medicen Paris Region (MPR)": check_headline,
    "Cooperating with 16 organizations (including 6 overseas organizations) and expanding "
    "LINK-J's role as a hub for life science field": check_subheadline,
    "Life Science Innovation Network Japan (head office: Nihonbashi-Muromachi, Chuo-ku, Tokyo; "
    'chairman of the board: Hideyuki Okano; hereinafter "LINK-J") has concluded a Memorandum of '
    "Understanding (MOU) aimed at creating innovations in the field of life science with Medicen "
    'Paris Region (location: Paris, France; hereinafter "MPR").': check_conclusion,
    "The MOU became effective on February 5, 2020.": check_effective,
    "LINK-J is a general incorporated association based in Nihonbashi in Tokyo that supports the "
    "commercialization of seeds and ideas in the field of life science by promoting human and "
    "technology exchange.": check_link_j_is_an_association,
    "Akihiko Soyama, President and CEO of LINK-J (left), and Jessica Leygues, CEO of Medicen "
    "Paris Region (right)": check_caption,
    "Based in Paris, France, MPR is a business cluster focused on innovative health "
    "technologies.": check_business_cluster,
    "Consisting of over 430 companies, research centers, universities, hospitals, and local "
    "governments, it has formed a powerful global network that supports the growth and market "
    "entry for startups.": check_over_430_members,
    "This MOU is concluded with the objective of promoting innovation in the life science "
    "brought by MPR's activities in Europe, and in particular for the purpose of building a "
    "cooperative relationship between France and Japan.": check_mou_purpose,
    "It represents an agreement to explore mutual cooperation over the next five years with a "
    "view to creating new commercial opportunities through open innovation, driving the "
    "transformation of research outcomes in the field of life science into actual businesses "
    "and industries.": check_five_years,
    "This latest agreement makes MPR the 16th cooperation partner of LINK-J.": check_16th_partner,
    "ROYAL DANISH EMBASSY": check_embassy_not_recorded,
    "Akihiko Soyama, President and CEO of LINK-J has offered the following remarks on this "
    'partnership: "We are delighted to establish this MOU with MPR, which has a rich record of '
    "accomplishments as one of Europe's largest life science business clusters.": (
        check_quote_intro
    ),
    "Through our collaboration with MPR, we will further accelerate and support new value "
    "creation, deepen ties with our 16 domestic and overseas partner organizations, and "
    'contribute to the revitalization of the entire life science industry."': check_quote_end,
    "About Medicen Paris Region (MPR)": check_about_mpr,
    "MPR is a non-profit cluster of innovative health technology organization founded on "
    "January 3, 2005.": check_non_profit_founded,
    "Based in Paris, France, it consists of over 430 public and private sector organizations, "
    "including companies, research centers, universities, hospitals, and local governments.": (
        check_over_430_members
    ),
    "Its goal is the research and development of treatment methods in 5 key areas: biological "
    "diagnosis, diagnostic and interventional imaging, regenerative medicine and biomaterials, "
    "and digital health and translational medicine.": check_five_key_areas,
    "https://medicen.org/en/": check_websites,
    "Below are some of MPR's main achievements.": check_achievements_listed,
    "MPR organizes and represents approximately 500 startups and small/ medium-sized "
    "enterprises in the fields of biotech, medical technology and digital health, 40 large "
    "corporations and 34 academic and medical research organizations.": (check_members_by_category),
    "Since its foundation in 2005, public-private partnership formed by MPR enabled the launch "
    "of 80 innovative products in the fields of biotech, medical technology and digital "
    "health.": check_80_products,
    "Certification of 383 projects, acquiring nearly €21 billion in investments and €864 "
    "million in public funding.": check_projects_and_funding,
    "About Life Science Innovation Network Japan, Inc. (LINK-J)": check_about_link_j,
    "LINK-J is a general incorporated association established by Mitsui Fudosan and volunteers "
    "from academic circles.": check_founders,
    "Website: https://www.link-j.org/": check_link_j_website,
}
# Statements the models hold as text only (promotional words and aims): they are in the body.
TEXT_ONLY = (
    (
        "Furthermore, it is one of Europe's largest life science business clusters that encourages "
        "the creation of innovative projects and supports participating companies in the "
        "procurement of public and private funding."
    ),
    (
        "LINK-J has signed MOUs to create life science-related innovations with the following "
        "domestic and overseas organizations in academia and elsewhere."
    ),
    (
        "LINK-J will serve as a more influential global hub in the life science field by "
        "cooperating more broadly with additional life science organizations, both in Japan and "
        "internationally."
    ),
    (
        "LINK-J will continue to stimulate the creation of life science innovations, contribute to "
        "the advancement of life science industries, and assist in the resolving of life "
        "science-related issues for people around the world."
    ),
    (
        "It has an exceptional network in the field of health-tech innovation and has established "
        "itself as one of the largest life science business clusters in Europe."
    ),
    "Formation of the largest network of medical institutions in Europe.",
    (
        "With its base in the Nihonbashi area, where a number of pharmaceutical companies are "
        "clustered, LINK-J aims to promote open innovation in the life science realm through "
        "industry-government-academia cooperation and to support the creation of new industries."
    ),
    (
        "Across the entire life science arena, i.e., the arena where all sciences combine — "
        "ranging from medicine to science and further to engineering and new technologies, such "
        "as information and communication technology (ICT) and artificial intelligence (AI) — it "
        "will "
        "accelerate interdisciplinary human and technological exchanges."
    ),
)
FACTS.update({sentence: in_body(sentence) for sentence in TEXT_ONLY})


class TestRelease:
    def test_every_sentence_has_a_check(self) -> None:
        """Each sentence of the release, and no other, is in the table of facts."""
        assert sorted(release_sentences()) == sorted(FACTS)

    @pytest.mark.parametrize("sentence", list(FACTS), ids=lambda s: s[:50])
    def test_sentence(self, sentence: str) -> None:
        """The facts of this sentence are in the data set."""
        FACTS[sentence]()

    def test_nihonbashi_base(self) -> None:
        """A text-only sentence's place is a fact too: LINK-J's head office is in Nihonbashi."""
        check_nihonbashi_base()

    def test_no_publication_date(self) -> None:
        """The release gives no date: the announcement's date is unknown, not invented."""
        assert news().published_on is None

    def test_claims_are_undecidable(self) -> None:
        """The data knows 1 of LINK-J's 16 partnerships: no claim holds or fails."""
        checks = seed().check_claims(news())
        assert [c.verdict for c in checks] == [Verdict.UNDECIDABLE] * 3
        assert [str(c.derived) for c in checks] == ["[1, ∞)"] * 3

    def test_shipped_json_is_canonical(self) -> None:
        """The shipped document is exactly what dump writes for the data set."""
        assert examples.link_j_mpr_json() == to_json(seed(), indent=2) + "\n"
