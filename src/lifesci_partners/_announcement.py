"""Announcements: the news releases that publish agreements, with their quotes and claims."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from lifesci_partners._claims import CLAIM_TYPES, Claim
from lifesci_partners._dates import PartialDate
from lifesci_partners._links import Link
from lifesci_partners._locales import LOCALE_PATTERN, MAX_TAG, locale_key
from lifesci_partners._localized import LocalizedText
from lifesci_partners._validate import (
    as_tuple,
    identifier,
    instance_of,
    joined,
    optional,
    rule,
    tuple_of,
    wrong_type,
)
from lifesci_partners.exceptions import ValidationError, WrongTypeValidationError

__all__ = ["Announcement", "PhotoCaption", "Quote"]

_optional_text = optional(instance_of(LocalizedText))


def _to_ids(items: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(items)


def _id_problem(
    attribute: attrs.Attribute[Any], index: int, item: object
) -> ValidationError | None:
    try:
        identifier(None, attribute, item)
    except ValidationError as exc:
        field = f"$.{attribute.name}"
        return type(exc)(e.replace(field, f"{field}[{index}]", 1) for e in exc.errors)
    return None


@rule({"items": identifier.json_schema()})
def _ids(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check a tuple of ids; each bad one is reported with its index."""
    if not isinstance(value, tuple):
        raise wrong_type(attribute, "a tuple of ids", value, (tuple,))
    errors = [e for i, item in enumerate(value) if (e := _id_problem(attribute, i, item))]
    if errors:
        raise joined(errors)


@attrs.frozen
class Quote:
    """Words a person said, with the role and organization they spoke for at the time.

    Args:
        text: The quoted words, by locale, without the quotation marks.
        speaker: The speaker's person id (a :class:`~lifesci_partners.Person` of an
            organization in the same directory).
        role: The speaker's role when speaking, by locale, as the announcement words it.
        organization: The id of the organization the speaker spoke for.

    Raises:
        ValidationError: A field has the wrong type or a bad id.

    Example:
        >>> from lifesci_partners import LocalizedText, Quote
        >>> quote = Quote(
        ...     LocalizedText({"en": "We are delighted to establish this MOU with MPR."}),
        ...     speaker="akihiko-soyama",
        ...     role=LocalizedText({"en": "President and CEO"}),
        ...     organization="link-j",
        ... )
        >>> quote.speaker
        'akihiko-soyama'

    .. versionadded:: 0.1.0
    """

    text: LocalizedText = attrs.field(validator=instance_of(LocalizedText))
    speaker: str = attrs.field(validator=identifier)
    role: LocalizedText | None = attrs.field(default=None, validator=_optional_text)
    organization: str | None = attrs.field(default=None, validator=optional(identifier))


@attrs.frozen
class PhotoCaption:
    """The caption of a photo in an announcement, and the people it names.

    Args:
        text: The caption, by locale.
        people: The person ids of the people the caption names, in its order.

    Raises:
        ValidationError: A field has the wrong type, a bad id, or a person named twice.

    Example:
        >>> from lifesci_partners import LocalizedText, PhotoCaption
        >>> PhotoCaption(
        ...     LocalizedText({"en": "Jessica Leygues, CEO of Medicen Paris Region"}),
        ...     people=["jessica-leygues"],
        ... ).people
        ('jessica-leygues',)

    .. versionadded:: 0.1.0
    """

    text: LocalizedText = attrs.field(validator=instance_of(LocalizedText))
    people: tuple[str, ...] = attrs.field(default=(), converter=_to_ids, validator=_ids)

    def __attrs_post_init__(self) -> None:
        problems = _repeats("people", self.people)
        if problems:
            raise ValidationError(problems)


def _repeats(field: str, items: Iterable[object]) -> list[str]:
    first: dict[object, int] = {}
    problems = []
    for index, item in enumerate(items):
        if item in first:
            problems.append(f"$.{field}[{index}]: {item!r} is already $.{field}[{first[item]}]")
        else:
            first[item] = index
    return problems


def _locale_problem(item: object) -> str | None:
    try:
        locale_key(item)  # type: ignore[arg-type]  # checked at run time
    except (ValueError, TypeError) as exc:
        return str(exc)
    return None


def _normalized(item: str) -> str:
    """``ja-JP`` becomes ``ja_JP``; a bad locale is left for the validator to report."""
    return item if _locale_problem(item) is not None else locale_key(item)


def _to_languages(items: Iterable[str]) -> tuple[str, ...]:
    items = as_tuple(items)
    return tuple(_normalized(item) for item in items) if isinstance(items, tuple) else items


@rule({"items": {"type": "string", "pattern": LOCALE_PATTERN, "maxLength": MAX_TAG}})
def _languages(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise wrong_type(attribute, "a tuple of locales", value, (tuple,))
    errors = [
        f"$.{attribute.name}[{index}]: {problem}"
        for index, item in enumerate(value)
        if (problem := _locale_problem(item)) is not None
    ]
    if errors:
        wrong = any(not isinstance(item, str) for item in value)
        raise (WrongTypeValidationError if wrong else ValidationError)(errors)


def _to_texts(items: Iterable[LocalizedText]) -> tuple[LocalizedText, ...]:
    return as_tuple(items)


def _to_quotes(items: Iterable[Quote]) -> tuple[Quote, ...]:
    return as_tuple(items)


def _to_captions(items: Iterable[PhotoCaption]) -> tuple[PhotoCaption, ...]:
    return as_tuple(items)


def _to_claims(items: Iterable[Claim]) -> tuple[Claim, ...]:
    return as_tuple(items)


_claims = tuple_of(CLAIM_TYPES)


def _to_links(items: Iterable[Link]) -> tuple[Link, ...]:
    return as_tuple(items)


def _in_language(locale: str, languages: tuple[str, ...]) -> bool:
    """Whether a text's locale is one of ``languages`` or a variant of one (``en_GB`` of ``en``)."""
    return any(locale == lang or locale.startswith(f"{lang}_") for lang in languages)


@attrs.frozen
class Announcement:
    """A news release or other announcement: who published it, what it says, what it claims.

    Everything the text states as data: the agreements it is about, the organizations it
    mentions, its quotes tied to a person, a role and an organization, and the figures it states
    as claims that :meth:`Directory.check_claims <lifesci_partners.Directory.check_claims>`
    can check. References are ids, checked by the :class:`~lifesci_partners.Directory` that
    holds the announcement. The fields after ``headline`` are keyword-only.

    Args:
        id: The announcement's id in this data set.
        publisher: The id of the organization that published it.
        headline: The headline, by locale.
        published_on: The publication date, of reduced precision if need be; ``None`` when
            the source does not give it (the seed release does not).
        languages: The languages it is published in (locale tags, ``ja-JP`` or ``ja_JP``).
            When given, every text of the announcement is in one of them (or a regional
            variant of one), and the headline is in each.
        subheadline: The subheadline, by locale.
        body: The paragraphs of the text, in order, each by locale.
        quotes: The quotes it contains.
        captions: The captions of its photos.
        about: The ids of the agreements it announces.
        mentions: The ids of the organizations it mentions.
        claims: The figures it states that a directory can check.
        links: Web pages it links to.

    Raises:
        ValidationError: A field has the wrong type, a bad id or locale, an id or language
            repeated, or a text in a language not among ``languages`` (every problem at once).

    Example:
        >>> from lifesci_partners import Announcement, LocalizedText
        >>> news = Announcement(
        ...     id="news-1",
        ...     publisher="link-j",
        ...     headline=LocalizedText({"en": "LINK-J Concludes MOU"}),
        ...     languages=["en"],
        ...     about=["mou-link-j-mpr-2020"],
        ... )
        >>> news.published_on is None, news.languages
        (True, ('en',))

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    publisher: str = attrs.field(validator=identifier)
    headline: LocalizedText = attrs.field(validator=instance_of(LocalizedText))
    published_on: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(PartialDate))
    )
    languages: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_languages, validator=_languages
    )
    subheadline: LocalizedText | None = attrs.field(
        default=None, kw_only=True, validator=_optional_text
    )
    body: tuple[LocalizedText, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_texts, validator=tuple_of(LocalizedText)
    )
    quotes: tuple[Quote, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_quotes, validator=tuple_of(Quote)
    )
    captions: tuple[PhotoCaption, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_captions, validator=tuple_of(PhotoCaption)
    )
    about: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_ids, validator=_ids
    )
    mentions: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_ids, validator=_ids
    )
    claims: tuple[Claim, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_claims, validator=_claims
    )
    links: tuple[Link, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_links, validator=tuple_of(Link)
    )

    def __attrs_post_init__(self) -> None:
        problems = [
            *_repeats("languages", self.languages),
            *_repeats("about", self.about),
            *_repeats("mentions", self.mentions),
            *self._language_problems(),
        ]
        if problems:
            raise ValidationError(problems)

    def texts(self) -> Iterator[tuple[str, LocalizedText]]:
        """Every text of the announcement with its path: headline, body, quotes, captions, ...

        Example:
            >>> from lifesci_partners import examples
            >>> news = examples.link_j_mpr().announcements[0]
            >>> [path for path, _ in news.texts()][:3]
            ['$.headline', '$.subheadline', '$.body[0]']
        """
        yield "$.headline", self.headline
        if self.subheadline is not None:
            yield "$.subheadline", self.subheadline
        for index, paragraph in enumerate(self.body):
            yield f"$.body[{index}]", paragraph
        for index, quote in enumerate(self.quotes):
            yield f"$.quotes[{index}].text", quote.text
            if quote.role is not None:
                yield f"$.quotes[{index}].role", quote.role
        for index, caption in enumerate(self.captions):
            yield f"$.captions[{index}].text", caption.text
        for index, claim in enumerate(self.claims):
            if claim.statement is not None:
                yield f"$.claims[{index}].statement", claim.statement
        for index, link in enumerate(self.links):
            if link.title is not None:
                yield f"$.links[{index}].title", link.title

    def _language_problems(self) -> list[str]:
        languages = self.languages
        if not languages:
            return []
        shown = ", ".join(repr(lang) for lang in languages)
        problems = [
            f"{path}[{locale!r}]: {locale!r} is not among the announcement's languages "
            f"({shown}); add it to languages or remove the text"
            for path, text in self.texts()
            for locale in text
            if not _in_language(locale, languages)
        ]
        problems.extend(
            f"$.headline: no headline in {lang!r}, one of the announcement's languages"
            for lang in languages
            if not any(_in_language(locale, (lang,)) for locale in self.headline)
        )
        return problems
