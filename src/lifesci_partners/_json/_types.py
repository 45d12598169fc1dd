"""The typing forms that the hooks read in their own way: optional values and tuples."""

from __future__ import annotations

from types import UnionType
from typing import Any, Union, get_args, get_origin

__all__ = ["_is_hom_tuple", "_is_optional"]


def _is_hom_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _is_optional(t: Any) -> bool:
    args = get_args(t)
    return (
        get_origin(t) in (Union, UnionType) and len(args) == 2 and type(None) in args  # noqa: PLR2004
    )
