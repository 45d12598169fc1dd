"""The exceptions that lifesci-partners raises.

Every exception derives from :class:`LifesciPartnersError`, so one ``except`` clause catches them
all. Each also derives from the standard exception a caller would expect (``ValueError`` for bad
data), so code that does not know this library still handles them sensibly.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Iterable

import attrs

__all__ = [
    "CurrencyMismatchError",
    "FloatNotAllowedError",
    "FloatNotAllowedValidationError",
    "IncomparableError",
    "InexactResultError",
    "InvalidArgumentError",
    "JsonLinesError",
    "LifesciPartnersError",
    "LineProblem",
    "MissingExtraError",
    "NotFoundError",
    "NotRegularFileError",
    "RateNotFoundError",
    "UnknownLocaleError",
    "ValidationError",
    "WrongTypeError",
    "WrongTypeValidationError",
]


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
        return type(self)(path + e[1:] for e in self.errors)


@attrs.frozen
class LineProblem:
    """One problem of a JSON Lines file: the line, the path in that line's value, what is wrong.

    Args:
        line: The line's number, counting from 1.
        path: Where in the line's JSON value the problem is, JSONPath style (``$`` is the value).
        message: What is wrong.

    Example:
        >>> from lifesci_partners import LineProblem
        >>> print(LineProblem(3, "$.parties[0].org", "expected a string, got a number (5)"))
        line 3: $.parties[0].org: expected a string, got a number (5)

    .. versionadded:: 0.2.0
    """

    line: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.path}: {self.message}"

    @classmethod
    def of(cls, line: int, error: ValidationError) -> tuple[LineProblem, ...]:
        """The problems of ``error`` (paths in one line's value), on line ``line``."""
        return tuple(cls(line, *_split(e)) for e in error.errors)


def _split(error: str) -> tuple[str, str]:
    path, _, message = error.partition(": ")
    return path, message


class JsonLinesError(ValidationError):
    """A JSON Lines file that does not hold valid models; every problem names its line.

    ``problems`` holds them as :class:`LineProblem`; ``errors`` (as for every
    :class:`ValidationError`) holds the same problems as ``"<path>: <message>"``, with the line
    number after the message. ``str()`` lists them one per line, each starting ``line <n>:``.

    Args:
        problems: The problems, in the order of their lines.

    Example:
        >>> from lifesci_partners import JsonLinesError, LineProblem
        >>> err = JsonLinesError([LineProblem(2, "$.org", "expected a string, got a number (5)")])
        >>> print(err)
        line 2: $.org: expected a string, got a number (5)
        >>> err.errors
        ('$.org: expected a string, got a number (5) (line 2)',)

    .. versionadded:: 0.2.0
    """

    problems: tuple[LineProblem, ...]

    def __init__(self, problems: Iterable[LineProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(f"{p.path}: {p.message} (line {p.line})" for p in self.problems)

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems:"]
        lines.extend(f"  {p}" for p in self.problems)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[type[JsonLinesError], tuple[tuple[LineProblem, ...]]]:  # type: ignore[override]
        return (type(self), (self.problems,))


class NotFoundError(LifesciPartnersError, LookupError):
    """A lookup by id found nothing; the message lists what is known.

    .. versionadded:: 0.1.0
    """


class NotRegularFileError(LifesciPartnersError, OSError):
    """A file was to be written where something other than a file is: a folder, a device, a FIFO.

    lifesci-partners writes regular files only: it never writes into a device or a pipe, nor
    replaces one with a file. ``filename`` is the path, as for any ``OSError``.

    Args:
        path: The path written to.
        kind: What is there, such as ``"a character device"``.

    .. versionadded:: 0.2.0
    """

    def __init__(self, path: os.PathLike[str] | str, kind: str) -> None:
        self.kind = kind
        super().__init__(
            errno.EINVAL,
            f"it is {kind}, not a regular file; lifesci-partners writes only files",
            os.fspath(path),
        )

    def __reduce__(self) -> tuple[type[NotRegularFileError], tuple[str, str]]:
        return (type(self), (str(self.filename), self.kind))


class IncomparableError(LifesciPartnersError, TypeError):
    """Two values whose order cannot be known.

    The partial dates ``2005`` and ``2005-01-03`` are an example: the day may fall before or
    after any other day of 2005. It is a ``TypeError``, like comparing a naive with an aware
    ``datetime``.

    .. versionadded:: 0.1.0
    """


class CurrencyMismatchError(LifesciPartnersError, TypeError):
    """Amounts in two different currencies were added, subtracted or compared.

    Nothing in lifesci-partners converts currencies implicitly: convert one side first with
    :meth:`lifesci_partners.ExchangeRates.convert`. Both currencies are in the message and in
    ``currencies``.

    Args:
        left: The currency of the left operand.
        right: The currency of the right operand.
        operation: What was attempted, for the message (``"add"``, ``"compare"``, ...).

    Example:
        >>> from lifesci_partners import Money
        >>> Money("1", "EUR") + Money("1", "JPY")
        Traceback (most recent call last):
        ...
        lifesci_partners.exceptions.CurrencyMismatchError: cannot add EUR and JPY amounts; ...

    .. versionadded:: 0.1.0
    """

    currencies: tuple[str, str]

    def __init__(self, left: str, right: str, operation: str = "combine") -> None:
        self.currencies = (left, right)
        self.operation = operation
        super().__init__(
            f"cannot {operation} {left} and {right} amounts; convert one of them first "
            "with ExchangeRates.convert (nothing converts currencies implicitly)"
        )

    def __reduce__(self) -> tuple[type[CurrencyMismatchError], tuple[str, str, str]]:
        return (type(self), (*self.currencies, self.operation))


class WrongTypeError(LifesciPartnersError, TypeError):
    """A value of the wrong Python type was passed to a method; the message says how to make one.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import examples
        >>> examples.link_j_mpr().agreements[0].status_on("2026-01-01")
        Traceback (most recent call last):
        ...
        lifesci_partners.exceptions.WrongTypeError: status_on() takes a datetime.date, got str ...
        ... use datetime.date.fromisoformat('2026-01-01')

    .. versionadded:: 0.2.0
    """


class WrongTypeValidationError(ValidationError, WrongTypeError):
    """A model was given a field value of the wrong Python type; the message says how to make one.

    It is a :class:`ValidationError` (a ``ValueError``, with the field's path in ``errors``) like
    every other problem of a field, and a :class:`WrongTypeError` (a ``TypeError``), as Python
    itself reports a wrong type. Reading a document never raises it: a value of the wrong JSON
    type is a plain :class:`ValidationError`.

    Example:
        >>> import attrs
        >>> from lifesci_partners import examples
        >>> agreement = examples.link_j_mpr().agreements[0]
        >>> try:
        ...     attrs.evolve(agreement, effective_on="2024-01-01")
        ... except TypeError as err:
        ...     print(err.errors[0].split("; ")[1], isinstance(err, ValueError))
        use datetime.date.fromisoformat('2024-01-01') True

    .. versionadded:: 0.2.0
    """


class InvalidArgumentError(LifesciPartnersError, ValueError):
    """An argument that a call cannot take, though of the right type: an unknown option, say.

    Such as an option the call does not have or a number out of its range; the message shows
    the value and what the call accepts.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import Formatter
        >>> Formatter("en").date(dt.date(2026, 1, 1), format="huge")
        Traceback (most recent call last):
        ...
        lifesci_partners.exceptions.InvalidArgumentError: format must be one of full, long, ...

    .. versionadded:: 0.2.0
    """


class InexactResultError(LifesciPartnersError, ArithmeticError, ValueError):
    """Arithmetic whose exact result no decimal can hold, such as EUR 10 / 3.

    Amounts are never rounded behind the caller's back; the message says what to do instead.
    It is an ``ArithmeticError``, and a ``ValueError`` as before.

    .. versionadded:: 0.2.0
    """


class FloatNotAllowedError(LifesciPartnersError, TypeError):
    """A binary ``float`` was given where an exact number is needed.

    Amounts, exchange rates, factors and figures are exact decimals; ``0.1`` as a float is
    really 0.1000000000000000055511151231257827..., so floats are refused rather than guessed
    at. Pass a string (``"0.1"``), an ``int`` or a :class:`decimal.Decimal` built from a string.

    .. versionadded:: 0.1.0
    """


class FloatNotAllowedValidationError(WrongTypeValidationError, FloatNotAllowedError):
    """A model's field was given a binary ``float`` where an exact number is needed.

    It is a :class:`FloatNotAllowedError` and a :class:`WrongTypeValidationError`: a
    ``TypeError`` and a :class:`ValidationError` whose ``errors`` name the field's path, with what
    to pass instead.

    Example:
        >>> from lifesci_partners import Money
        >>> try:
        ...     Money(0.1, "EUR")
        ... except FloatNotAllowedError as err:
        ...     print(err.errors[0].split("; ")[1])
        pass it as a string: '0.1' (or an int, or a Decimal built from a string)

    .. versionadded:: 0.2.0
    """


class RateNotFoundError(NotFoundError):
    """No exchange rate fits a conversion; the message names the pair and the date.

    Attributes ``base``, ``quote`` and ``on`` hold the pair and the date that were asked for.

    .. versionadded:: 0.1.0
    """

    base: str
    quote: str
    on: dt.date

    def __init__(self, base: str, quote: str, on: dt.date, hint: str = "") -> None:
        self.base = base
        self.quote = quote
        self.on = on
        self.hint = hint
        message = f"no {base}/{quote} exchange rate for {on.isoformat()}"
        super().__init__(f"{message}; {hint}" if hint else message)

    def __reduce__(self) -> tuple[type[RateNotFoundError], tuple[str, str, dt.date, str]]:
        return (type(self), (self.base, self.quote, self.on, self.hint))


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


class MissingExtraError(LifesciPartnersError, ImportError):
    """An optional feature needs a package that is not installed.

    Example:
        >>> from lifesci_partners import MissingExtraError
        >>> err = MissingExtraError("holidays", "BusinessCalendar.from_holidays")
        >>> str(err).split(": ")[1]
        "pip install 'lifesci-partners[holidays]'"
        >>> isinstance(err, ImportError), err.extra
        (True, 'holidays')

    Args:
        extra: The name of the extra that installs it, such as ``"holidays"``.
        feature: What needs it.

    .. versionadded:: 0.2.0
    """

    def __init__(self, extra: str, feature: str) -> None:
        self.extra = extra
        self.feature = feature
        super().__init__(
            f"{feature} needs the {extra} extra: pip install 'lifesci-partners[{extra}]'"
        )

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[str, str]]:
        return (type(self), (self.extra, self.feature))
