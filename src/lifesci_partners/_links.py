"""Links to web pages about an organization or an announcement."""

from __future__ import annotations

import enum

import attrs

from lifesci_partners._localized import LocalizedText
from lifesci_partners._validate import instance_of, optional, web_url

__all__ = ["Link", "LinkKind"]


class LinkKind(enum.Enum):
    """What a :class:`Link` points to.

    .. versionadded:: 0.1.0
    """

    WEBSITE = "website"
    """A website of the organization itself."""
    WIKIPEDIA = "wikipedia"
    """An article in Wikipedia."""
    SOCIAL_MEDIA = "social_media"
    """A profile on a social network."""
    NEWS = "news"
    """A news release or article."""
    OTHER = "other"
    """Any other page."""


@attrs.frozen
class Link:
    """A link to a web page, http or https only.

    Args:
        url: An absolute http or https URL.
        kind: What the page is.
        title: The page's title or the link's text, by locale.

    Raises:
        ValidationError: The URL is not an absolute http or https URL.

    Example:
        >>> from lifesci_partners import Link, LinkKind
        >>> Link("https://medicen.org/en/", LinkKind.WEBSITE).kind.value
        'website'

    .. versionadded:: 0.1.0
    """

    url: str = attrs.field(validator=web_url)
    kind: LinkKind = attrs.field(default=LinkKind.OTHER, validator=instance_of(LinkKind))
    title: LocalizedText | None = attrs.field(
        default=None, validator=optional(instance_of(LocalizedText))
    )
