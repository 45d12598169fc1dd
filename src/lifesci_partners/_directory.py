"""The directory: organizations and agreements together, with their references checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import attrs

from lifesci_partners._agreement import Agreement
from lifesci_partners._organization import Organization
from lifesci_partners._validate import tuple_of
from lifesci_partners.exceptions import NotFoundError, ValidationError

__all__ = ["Directory"]


def _to_organizations(items: Iterable[Organization]) -> tuple[Organization, ...]:
    return tuple(items)


def _to_agreements(items: Iterable[Agreement]) -> tuple[Agreement, ...]:
    return tuple(items)


def _check_unique(kind: str, ids: Iterable[str]) -> Iterator[str]:
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first:
            yield (
                f"$.{kind}[{index}].id: duplicate id {item_id!r}, "
                f"already used by $.{kind}[{first[item_id]}]"
            )
        else:
            first[item_id] = index


@attrs.frozen
class Directory:
    """Organizations and the agreements between them, with every reference checked.

    Ids are unique within each collection, and every party of every agreement is an organization
    of the directory. All problems are reported at once, each with its path.

    Args:
        organizations: The organizations.
        agreements: The agreements between them.

    Raises:
        ValidationError: Duplicate ids or a party that is not a known organization.

    Example:
        >>> from lifesci_partners import examples
        >>> directory = examples.link_j_mpr()
        >>> directory.organization("mpr").acronym
        'MPR'
        >>> [p.org for p in directory.agreement("mou-link-j-mpr-2020").parties]
        ['link-j', 'mpr']

    .. versionadded:: 0.1.0
    """

    organizations: tuple[Organization, ...] = attrs.field(
        default=(), converter=_to_organizations, validator=tuple_of(Organization)
    )
    agreements: tuple[Agreement, ...] = attrs.field(
        default=(), converter=_to_agreements, validator=tuple_of(Agreement)
    )
    _organizations_by_id: dict[str, Organization] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _agreements_by_id: dict[str, Agreement] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        errors = [
            *_check_unique("organizations", (o.id for o in self.organizations)),
            *_check_unique("agreements", (a.id for a in self.agreements)),
        ]
        orgs = {o.id: o for o in self.organizations}
        for a_index, agreement in enumerate(self.agreements):
            for p_index, party in enumerate(agreement.parties):
                if party.org not in orgs:
                    errors.append(
                        f"$.agreements[{a_index}].parties[{p_index}].org: "
                        f"no organization with id {party.org!r} in the directory",
                    )
        if errors:
            raise ValidationError(errors)
        object.__setattr__(self, "_organizations_by_id", orgs)
        object.__setattr__(self, "_agreements_by_id", {a.id: a for a in self.agreements})

    def organization(self, org_id: str) -> Organization:
        """The organization with this id.

        Raises:
            NotFoundError: There is none (the message lists the known ids).
        """
        try:
            return self._organizations_by_id[org_id]
        except KeyError:
            known = ", ".join(sorted(self._organizations_by_id)) or "none"
            msg = f"no organization with id {org_id!r}; known ids: {known}"
            raise NotFoundError(msg) from None

    def agreement(self, agreement_id: str) -> Agreement:
        """The agreement with this id.

        Raises:
            NotFoundError: There is none (the message lists the known ids).
        """
        try:
            return self._agreements_by_id[agreement_id]
        except KeyError:
            known = ", ".join(sorted(self._agreements_by_id)) or "none"
            msg = f"no agreement with id {agreement_id!r}; known ids: {known}"
            raise NotFoundError(msg) from None

    def agreements_of(self, org_id: str) -> tuple[Agreement, ...]:
        """The agreements to which ``org_id`` is a party, in directory order."""
        return tuple(a for a in self.agreements if any(p.org == org_id for p in a.parties))

    def in_force_on(self, day: dt.date) -> tuple[Agreement, ...]:
        """The agreements in force on ``day``, in directory order."""
        return tuple(a for a in self.agreements if a.in_force_on(day))
