"""What an import from another registry's data returns: the directory built and every problem.

Importers (ROR, CORDIS, ...) read records they did not write. A record may hold a part the
library cannot represent (an identifier with a wrong check digit) or be unusable as a whole. In
lenient mode (``strict=False``) the importer drops that part or skips that record, goes on, and
reports each decision as an :class:`ImportProblem`; in strict mode the first problem raises
:class:`~lifesci_partners.exceptions.ValidationError`. :class:`ProblemLog` is the one mechanism
every importer uses for that choice, so their reports read alike.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from lifesci_partners.exceptions import ValidationError

if TYPE_CHECKING:
    from lifesci_partners._directory import Directory

__all__ = ["ImportAction", "ImportProblem", "ImportResult", "ProblemLog"]

_SHOWN = 80


class ImportAction(enum.Enum):
    """What an importer did about a problem.

    .. versionadded:: 0.2.0
    """

    PART_DROPPED = "part dropped"
    """The record was imported without the part that could not be represented."""
    RECORD_SKIPPED = "record skipped"
    """The record could not be imported at all; nothing of it is in the directory."""


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


@attrs.frozen
class ImportProblem:
    """One problem met while importing, and what was done about it.

    Args:
        source: The file or stream the record came from, as the user named it (``"-"`` for a
            stream without a name).
        position: The record's position in its source, counting from 1 (the line of a CSV or
            JSON Lines file, the element of a JSON array).
        record_id: The record's own id in its registry (a ROR id, a CORDIS project id), or
            ``None`` when the record has none that could be read.
        path: Where in the record the problem is, JSONPath style (``$.external_ids[2].all[0]``).
        value: The offending value as it was read, or ``None`` when a value is missing.
        message: What is wrong, in the registry's terms.
        action: What the importer did: dropped the part or skipped the record.
        kind: A short, stable name for this kind of problem (``"identifier"``,
            ``"unknown-key"``), for counting problems by kind.

    Example:
        >>> from lifesci_partners import ImportAction, ImportProblem
        >>> problem = ImportProblem(
        ...     source="ror.json",
        ...     position=12,
        ...     record_id="057zh3y96",
        ...     path="$.external_ids[0].all[0]",
        ...     value="0000 0001 2151 536X",
        ...     message="ISNI check digit is wrong",
        ...     action=ImportAction.PART_DROPPED,
        ...     kind="identifier",
        ... )
        >>> print(problem)
        ror.json, record 12 (057zh3y96): $.external_ids[0].all[0]: ISNI check digit is wrong; ...

    .. versionadded:: 0.2.0
    """

    source: str
    position: int
    record_id: str | None
    path: str
    value: object = attrs.field(eq=False)
    message: str
    action: ImportAction
    kind: str

    def __str__(self) -> str:
        where = f"{self.source}, record {self.position}"
        if self.record_id is not None:
            where += f" ({self.record_id})"
        return f"{where}: {self.path}: {self.message}; {self.action.value}"

    def to_dict(self) -> dict[str, object]:
        """Return the problem as JSON-ready data (the CLI's ``--problems`` file).

        The value is shown as text when it is not a JSON scalar.

        Returns:
            A dict with the keys ``source``, ``position``, ``record_id``, ``path``, ``value``,
            ``message``, ``action`` and ``kind``.
        """
        value = self.value
        if not (value is None or isinstance(value, (str, int, bool))):
            value = _shown(value)
        return {
            "source": self.source,
            "position": self.position,
            "record_id": self.record_id,
            "path": self.path,
            "value": value,
            "message": self.message,
            "action": self.action.value,
            "kind": self.kind,
        }


@attrs.frozen
class ImportResult:
    """The directory an import built, and every problem it met.

    Args:
        directory: The organizations (and agreements) that were imported.
        problems: Every part dropped and every record skipped, in the order they were met.
        records_read: How many records were read from the sources, imported or not.

    .. versionadded:: 0.2.0
    """

    directory: Directory
    problems: tuple[ImportProblem, ...] = ()
    records_read: int = 0

    @property
    def complete(self) -> bool:
        """Whether every record was imported whole, with no part dropped and no record skipped."""
        return not self.problems

    @property
    def skipped(self) -> tuple[ImportProblem, ...]:
        """The problems that made records be skipped (a record may have several reasons)."""
        return tuple(p for p in self.problems if p.action is ImportAction.RECORD_SKIPPED)

    def counts(self) -> dict[tuple[str, ImportAction], int]:
        """Count the problems by kind and action, most frequent first.

        Returns:
            A dict from ``(kind, action)`` to the number of such problems.
        """
        return dict(Counter((p.kind, p.action) for p in self.problems).most_common())


@attrs.define
class ProblemLog:
    """Collects the problems of one import, or raises at the first one in strict mode.

    An importer names the source and, for each record, the position and id, then reports what it
    dropped or skipped. In strict mode the first report raises
    :class:`~lifesci_partners.exceptions.ValidationError` whose message names the record.

    Args:
        source: The name of the file or stream being read.
        strict: Raise at the first problem instead of collecting it.
    """

    source: str
    strict: bool = False
    problems: list[ImportProblem] = attrs.Factory(list)
    position: int = 0
    record_id: str | None = None

    def start(self, position: int, record_id: str | None) -> None:
        """Name the record that the next problems are about."""
        self.position = position
        self.record_id = record_id

    def report(
        self, path: str, value: object, message: str, action: ImportAction, kind: str
    ) -> None:
        """Record one problem of the current record, or raise it in strict mode.

        Raises:
            ValidationError: In strict mode, always; the message names the source, the record's
                position and id.
        """
        problem = ImportProblem(
            source=self.source,
            position=self.position,
            record_id=self.record_id,
            path=path,
            value=value,
            message=message,
            action=action,
            kind=kind,
        )
        if self.strict:
            raise ValidationError([f"{path}: {message} (in {self._where()})"])
        self.problems.append(problem)

    def dropped(self, path: str, value: object, message: str, kind: str) -> None:
        """Report a part of the current record that was left out."""
        self.report(path, value, message, ImportAction.PART_DROPPED, kind)

    def skipped(self, errors: ValidationError | Iterable[str], value: object, kind: str) -> None:
        """Report the current record as skipped, with every reason the record could not be read.

        Args:
            errors: The record's problems, each ``"<path>: <message>"``.
            value: The record, or its offending part.
            kind: The kind of problem.
        """
        lines = errors.errors if isinstance(errors, ValidationError) else tuple(errors)
        if self.strict:
            raise ValidationError(f"{line} (in {self._where()})" for line in lines)
        for line in lines:
            path, _, message = line.partition(": ")
            self.report(path, value, message, ImportAction.RECORD_SKIPPED, kind)

    def _where(self) -> str:
        where = f"{self.source}, record {self.position}"
        return f"{where}, {self.record_id}" if self.record_id else where


Progress = Callable[[int], None]
"""Called by importers with the number of records read so far."""
