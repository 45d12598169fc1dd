"""Built-in example data sets, shipped inside the package as JSON documents.

Each is read through the public loader, :func:`lifesci_partners.from_json`, so the shipped data is
validated like any user's document.
"""

from __future__ import annotations

import functools

from lifesci_partners._directory import Directory
from lifesci_partners._json._converters import from_json

__all__ = ["link_j_mpr", "link_j_mpr_json"]


def link_j_mpr_json() -> str:
    """The JSON text of the LINK-J / Medicen Paris Region data set, as shipped.

    Example:
        >>> from lifesci_partners import examples
        >>> examples.link_j_mpr_json().startswith("{")
        True
    """
    from importlib import resources  # noqa: PLC0415  # on first use: a light package import

    data = resources.files("lifesci_partners") / "data" / "link_j_mpr.json"
    return data.read_text(encoding="utf-8")


@functools.cache
def link_j_mpr() -> Directory:
    """The directory of the seed news release: LINK-J, Medicen Paris Region and their MOU.

    The MOU took effect on 2020-02-05 to explore cooperation over five years. The release gives
    no signing date, so none is recorded. The result is immutable and cached.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import examples
        >>> mou = examples.link_j_mpr().agreement("mou-link-j-mpr-2020")
        >>> mou.effective_on, mou.last_day, mou.signed_on
        (datetime.date(2020, 2, 5), datetime.date(2025, 2, 4), None)
    """
    return from_json(link_j_mpr_json(), Directory)
