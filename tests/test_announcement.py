"""Tests for Announcement, Quote and PhotoCaption."""

from __future__ import annotations

import pytest
from hypothesis import given

from lifesci_partners import (
    Announcement,
    Link,
    LocalizedText,
    PartialDate,
    PhotoCaption,
    Quote,
    ValidationError,
    from_dict,
    from_json,
    to_json,
)
from lifesci_partners import strategies as lst


def en(value: str) -> LocalizedText:
    return LocalizedText({"en": value})


def news(**fields: object) -> Announcement:
    return Announcement("news", "link-j", en("Headline"), **fields)  # type: ignore[arg-type]


class TestQuote:
    def test_speaker_role_and_organization(self) -> None:
        """A quote ties its words to a person, a role and an organization."""
        quote = Quote(en("We are delighted."), "akihiko-soyama", en("President and CEO"), "link-j")
        assert (quote.speaker, quote.organization) == ("akihiko-soyama", "link-j")

    def test_bad_speaker_id(self) -> None:
        """A speaker id that is not an id is refused with its path."""
        with pytest.raises(ValidationError, match=r"\$\.speaker: 'Akihiko Soyama' is not a valid"):
            Quote(en("Hello."), "Akihiko Soyama")

    @given(lst.quotes())
    def test_round_trip(self, quote: Quote) -> None:
        """Any quote survives JSON."""
        assert from_json(to_json(quote), Quote) == quote


class TestPhotoCaption:
    def test_people_in_order(self) -> None:
        """The people named keep the caption's order (left, then right)."""
        caption = PhotoCaption(en("A (left) and B (right)"), ["a", "b"])
        assert caption.people == ("a", "b")

    def test_person_named_twice(self) -> None:
        """A person named twice is reported with both indexes."""
        with pytest.raises(ValidationError) as info:
            PhotoCaption(en("A and A"), ["a", "b", "a"])
        assert info.value.errors == ("$.people[2]: 'a' is already $.people[0]",)

    def test_bad_id_has_its_index(self) -> None:
        """A bad id in the list is reported at its index."""
        with pytest.raises(ValidationError) as info:
            PhotoCaption(en("x"), ["a", "not an id"])
        assert info.value.errors[0].startswith("$.people[1]: 'not an id' is not a valid id")

    @given(lst.photo_captions())
    def test_round_trip(self, caption: PhotoCaption) -> None:
        """Any caption survives JSON."""
        assert from_json(to_json(caption), PhotoCaption) == caption


class TestAnnouncement:
    def test_unknown_date(self) -> None:
        """The publication date may be unknown, and is then None."""
        assert news().published_on is None

    def test_reduced_precision_date(self) -> None:
        """A release dated only to the month keeps that precision."""
        assert str(news(published_on=PartialDate(2020, 2)).published_on) == "2020-02"

    def test_languages_normalised(self) -> None:
        """Locale tags in either form are kept in babel's form."""
        announcement = Announcement(
            "n", "p", LocalizedText({"ja-JP": "見出し"}), languages=["ja-JP"]
        )
        assert announcement.languages == ("ja_JP",)

    def test_malformed_language(self) -> None:
        """A language that is no BCP 47 tag is refused at its index."""
        with pytest.raises(ValidationError, match=r"\$\.languages\[1\]: malformed locale 'C'"):
            news(languages=["en", "C"])

    def test_text_outside_its_languages(self) -> None:
        """Every text outside the announcement's languages is reported with its path."""
        with pytest.raises(ValidationError) as info:
            news(
                languages=["en"],
                body=[en("One."), LocalizedText({"en": "Two.", "fr": "Deux."})],
                quotes=[Quote(LocalizedText({"ja": "はい"}), "a")],
            )
        assert info.value.errors == (
            (
                "$.body[1]['fr']: 'fr' is not among the announcement's languages ('en'); add it to "
                "languages or remove the text"
            ),
            (
                "$.quotes[0].text['ja']: 'ja' is not among the announcement's languages ('en'); "
                "add it to languages or remove the text"
            ),
        )

    def test_regional_text_in_its_language(self) -> None:
        """A British English text belongs to an English announcement."""
        assert news(languages=["en"], body=[LocalizedText({"en_GB": "Colour."})]).body

    def test_headline_in_every_language(self) -> None:
        """A language without a headline is an error."""
        with pytest.raises(ValidationError, match=r"\$\.headline: no headline in 'fr'"):
            news(languages=["en", "fr"])

    def test_repeated_references(self) -> None:
        """An agreement or organization listed twice is reported, all at once."""
        with pytest.raises(ValidationError) as info:
            news(about=["m", "m"], mentions=["a", "b", "a"])
        assert info.value.errors == (
            "$.about[1]: 'm' is already $.about[0]",
            "$.mentions[2]: 'a' is already $.mentions[0]",
        )

    def test_claims_must_be_claims(self) -> None:
        """Anything else in claims is refused with its index."""
        with pytest.raises(ValidationError, match=r"\$\.claims\[0\]: expected PartnerRank or"):
            news(claims=["MPR is 16th"])

    def test_texts_walks_every_text(self) -> None:
        """texts() yields every localized text with its path."""
        announcement = news(
            subheadline=en("Sub"),
            body=[en("P")],
            quotes=[Quote(en("Q"), "a", role=en("CEO"))],
            captions=[PhotoCaption(en("C"))],
            links=[Link("https://example.org/", title=en("T"))],
        )
        assert [path for path, _ in announcement.texts()] == [
            "$.headline",
            "$.subheadline",
            "$.body[0]",
            "$.quotes[0].text",
            "$.quotes[0].role",
            "$.captions[0].text",
            "$.links[0].title",
        ]

    def test_claim_needs_its_type_in_json(self) -> None:
        """A claim without its "type" is reported with the choices."""
        data = {"id": "n", "publisher": "p", "headline": {"en": "h"}, "claims": [{"org": "a"}]}
        with pytest.raises(ValidationError) as info:
            from_dict(data, Announcement)
        assert info.value.errors == (
            "$.claims[0].type: required, but missing; one of 'partner_rank', 'partner_count'",
        )

    @given(lst.announcements())
    def test_round_trip(self, announcement: Announcement) -> None:
        """Any announcement survives JSON."""
        assert from_json(to_json(announcement), Announcement) == announcement
