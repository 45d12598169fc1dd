"""Extension options: renewals that happen only when a party exercises an option in time.

Unlike an automatic renewal (:class:`~lifesci_partners.Renewal`, ended by notice), an option
extends the agreement only if it is exercised (:class:`OptionExercised`) by its deadline. The
deadline is computed as a notice deadline is: the latest day whose exercise period, counted under
the agreement's convention, ends no later than the end of the running period. Option periods are
anchored on the original effective date, as renewals are: the end after ``k`` options is the
effective date plus the term plus the first ``k`` option lengths, in one step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from lifesci_partners import _lifecycle
from lifesci_partners._arguments import fix_for
from lifesci_partners._terms import Term
from lifesci_partners._validate import (
    as_tuple,
    date_value,
    fail,
    identifier,
    instance_of,
    optional,
    rule,
    tuple_of,
    wrong_type,
)
from lifesci_partners.exceptions import ValidationError, WrongTypeValidationError

if TYPE_CHECKING:
    from lifesci_partners._agreement import Agreement

__all__ = ["ExtensionOptions", "OptionExercised", "offsets", "option_deadline"]


def _to_terms(lengths: Iterable[Term]) -> tuple[Term, ...]:
    if isinstance(lengths, Term):
        return (lengths,)
    return as_tuple(lengths)


def _to_ids(orgs: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(orgs)


@rule({"minItems": 1})
def _some_lengths(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, tuple) and not value:
        raise fail(attribute, "give at least one option's length, such as (Term(years=2),)")


@rule({"minimum": 0})
def _min_count(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise wrong_type(attribute, "a whole number", value, (int,))
    if value < 0:
        raise fail(attribute, f"cannot be negative, got {value}")
    if isinstance(instance.lengths, tuple) and value > len(instance.lengths):
        raise fail(
            attribute,
            f"{value} options at least, but only {len(instance.lengths)} are given in lengths",
        )


def _id_errors(org: str, index: int) -> tuple[str, ...]:
    try:
        identifier(None, attrs.fields(ExtensionOptions).held_by, org)
    except ValidationError as exc:
        return tuple(e.replace("$.held_by", f"$.held_by[{index}]", 1) for e in exc.errors)
    return ()


@attrs.frozen
class ExtensionOptions:
    """Options to extend an agreement: "5 years, then up to two options of 2 years".

    Args:
        lengths: The length of each option, in the order they can be exercised; their number is
            the most options that can be exercised.
        notice: How long before the end of the running period an option must be exercised;
            ``None`` when it may be exercised up to the period's last day.
        min_count: The fewest options the agreement foresees being exercised (OCDS
            ``minimumRenewals``); informative, since only an exercise extends the agreement.
        held_by: The ids of the parties who may exercise the options; empty when any party may.

    Raises:
        ValidationError: No length, a length that is not a :class:`~lifesci_partners.Term`, or
            ``min_count`` negative or above the number of options.

    Example:
        >>> from lifesci_partners import ExtensionOptions, Term
        >>> options = ExtensionOptions.of(Term(years=2), count=2, notice=Term(months=6))
        >>> options.max_count, str(options.lengths[1])
        (2, 'P2Y')

    .. versionadded:: 0.2.0
    """

    lengths: tuple[Term, ...] = attrs.field(
        converter=_to_terms, validator=[tuple_of(Term), _some_lengths]
    )
    notice: Term | None = attrs.field(default=None, validator=optional(instance_of(Term)))
    min_count: int = attrs.field(default=0, validator=_min_count)
    held_by: tuple[str, ...] = attrs.field(default=(), converter=_to_ids, validator=tuple_of(str))

    def __attrs_post_init__(self) -> None:
        errors = [e for i, org in enumerate(self.held_by) for e in _id_errors(org, i)]
        if errors:
            raise ValidationError(errors)

    @classmethod
    def of(
        cls, length: Term, *, count: int, notice: Term | None = None, min_count: int = 0
    ) -> ExtensionOptions:
        """``count`` options of the same ``length``."""
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            msg = f"$.count: expected a whole number of options, at least 1, got {count!r}"
            if not isinstance(count, int) or isinstance(count, bool):
                raise WrongTypeValidationError([msg + fix_for((int,), count)])
            raise ValidationError([msg])
        return cls((length,) * count, notice=notice, min_count=min_count)

    @property
    def max_count(self) -> int:
        """The most options that can be exercised."""
        return len(self.lengths)


@attrs.frozen
class OptionExercised:
    """A party exercised the next extension option.

    Args:
        on: The day the option was exercised (the declaration was made).
        by: The ``id`` of the party that exercised it.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import OptionExercised
        >>> OptionExercised(dt.date(2029, 6, 30), by="mpr").by
        'mpr'

    .. versionadded:: 0.2.0
    """

    on: dt.date = attrs.field(validator=date_value)
    by: str = attrs.field(validator=identifier)


def offsets(lengths: Iterable[Term]) -> tuple[tuple[int, int], ...]:
    """The cumulative ``(months, days)`` after each option (see :class:`_lifecycle.Schedule`)."""
    out = []
    months = days = 0
    for term in lengths:
        months += term.total_months
        days += term.days
        out.append((months, days))
    return tuple(out)


def _what_if(agreement: Agreement, exercised: int) -> _lifecycle.Schedule:
    """The schedule of ``agreement`` had ``exercised`` options been exercised, before events."""
    options = agreement.options
    start = agreement.effective_on
    assert options is not None  # noqa: S101  # callers check
    assert start is not None  # noqa: S101  # callers check
    return _lifecycle.build(
        effective_on=start,
        convention=agreement.convention,
        term=agreement.term,
        stated_end_on=agreement.stated_end_on,
        renewal_term=None,
        max_renewals=None,
        notice=options.notice,
        offsets=offsets(options.lengths[:exercised]) if exercised else (),
    )


def deadline_of(agreement: Agreement, k: int) -> dt.date | None:
    """The last day to exercise option ``k + 1`` (numbered from 1), which extends period ``k``."""
    options = agreement.options
    if options is None or k >= options.max_count or agreement.effective_on is None:
        return None
    return _what_if(agreement, k + 1).deadline(k)


def option_deadline(agreement: Agreement, on: dt.date) -> dt.date | None:
    """The deadline for the next option while the period running on ``on`` runs, if any."""
    k = agreement.renewal_number_on(on)
    if k is None or agreement.options is None:
        return None
    exercised = sum(1 for e in agreement.events if isinstance(e, OptionExercised))
    if k != exercised or k >= agreement.options.max_count:
        return None  # an option already extends this period, or none is left
    return deadline_of(agreement, k)


def check_exercises(agreement: Agreement) -> list[str]:
    """What is wrong with the exercises of options: too many, too late, by whom."""
    options = agreement.options
    exercises = sorted(
        ((index, e) for index, e in enumerate(agreement.events) if isinstance(e, OptionExercised)),
        key=lambda item: item[1].on,
    )
    if not exercises:
        return []
    if options is None:
        return [
            f"$.events[{index}]: an option was exercised, but the agreement has no extension "
            "options ($.options)"
            for index, _ in exercises
        ]
    errors = []
    for k, (index, exercise) in enumerate(exercises):
        where = f"$.events[{index}]"
        if k >= options.max_count:
            errors.append(
                f"{where}: option {k + 1} exercised, but the agreement has only "
                f"{options.max_count} ($.options.lengths)"
            )
            continue
        if options.held_by and exercise.by not in options.held_by:
            errors.append(
                f"{where}.by: {exercise.by!r} holds no option; the options are held by "
                f"{', '.join(options.held_by)}"
            )
        start = agreement.effective_on
        if start is None:
            continue  # no period, so no deadline to check the exercise against
        deadline = deadline_of(agreement, k)
        if exercise.on < start:
            errors.append(
                f"{where}.on: exercised on {exercise.on.isoformat()}, before the effective "
                f"date ({start.isoformat()})"
            )
        elif deadline is None or exercise.on > deadline:
            when = "it had no deadline left" if deadline is None else f"the deadline was {deadline}"
            errors.append(
                f"{where}.on: option {k + 1} exercised on {exercise.on.isoformat()}, too late: "
                f"{when}"
            )
    return errors
