"""The exceptions that lifesci-partners raises.

Every exception derives from :class:`LifesciPartnersError`, so one ``except`` clause catches them
all. Each also derives from the standard exception a caller would expect (``ValueError`` for bad
data), so code that does not know this library still handles them sensibly.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["LifesciPartnersError", "NotFoundError", "UnknownLocaleError", "ValidationError"]


class LifesciPartnersError(Exception):
    """Base class of every exception raised by lifesci-partners.

    .. versionadded:: 0.1.0
    """


class ValidationError(LifesciPartnersError, ValueError):
    """Data that does not describe a valid model.

    Every problem found is in ``errors``, each beginning with a JSONPath-style path to the bad
    value (``$`` is the object or document being checked), followed by ``": "`` and what is wrong.
    ``str()`` lists all of them, one per line.

    Args:
        errors: The problems, each ``"<path>: <message>"``. A bare message is taken to be about
            the whole object and gets the path ``$``.

    Example:
        >>> from lifesci_partners import ValidationError
        >>> err = ValidationError(["$.parties: needs at least two parties, got 1"])
        >>> err.errors
        ('$.parties: needs at least two parties, got 1',)
        >>> isinstance(err, ValueError)
        True

    .. versionadded:: 0.1.0
    """

    errors: tuple[str, ...]

    def __init__(self, errors: Iterable[str] | str) -> None:
        items = (errors,) if isinstance(errors, str) else tuple(errors)
        if not items:
            items = ("$: invalid value",)
        self.errors = tuple(e if e.startswith("$") else f"$: {e}" for e in items)
        super().__init__(self.errors)

    def __str__(self) -> str:
        if len(self.errors) == 1:
            return self.errors[0]
        lines = [f"{len(self.errors)} problems:"]
        lines.extend(f"  {e}" for e in self.errors)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[str, ...]]]:
        return (type(self), (self.errors,))

    def prefixed(self, path: str) -> ValidationError:
        """Return the same errors, re-rooted under ``path``.

        ``$.x: bad`` under ``$.items[2]`` becomes ``$.items[2].x: bad``; this is how the errors
        of a nested object are reported in the document that holds it.

        Args:
            path: The path of the object that these errors are about, starting with ``$``.

        Returns:
            A new :class:`ValidationError`.

        Example:
            >>> ValidationError(["$.x: bad"]).prefixed("$.items[2]").errors
            ('$.items[2].x: bad',)
        """
        return ValidationError(path + e[1:] for e in self.errors)


class NotFoundError(LifesciPartnersError, LookupError):
    """A lookup by id found nothing; the message lists what is known.

    .. versionadded:: 0.1.0
    """


class UnknownLocaleError(LifesciPartnersError, ValueError):
    """A locale tag that is malformed or that CLDR does not know.

    Args:
        identifier: The tag as given.
        message: What is wrong with it.

    Example:
        >>> from lifesci_partners import Formatter, UnknownLocaleError
        >>> try:
        ...     Formatter("xx-YY")
        ... except UnknownLocaleError as err:
        ...     print(err.identifier)
        xx-YY

    .. versionadded:: 0.1.0
    """

    identifier: object

    def __init__(self, identifier: object, message: str) -> None:
        self.identifier = identifier
        super().__init__(message)

    def __reduce__(self) -> tuple[type[UnknownLocaleError], tuple[object, str]]:
        return (type(self), (self.identifier, str(self)))
