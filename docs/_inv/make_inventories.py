"""Write the Sphinx inventories in this folder, for intersphinx without a network.

The docs link to Python's, babel's, attrs' and cattrs' own pages. Intersphinx would download each
project's ``objects.inv`` at build time; the build runs without a network, so this script writes
small inventories, holding the names our docs refer to, in the same format (version 2).
Run it after adding a name: ``python docs/_inv/make_inventories.py``. A name missing here shows
as a ``reference target not found`` warning, which ``sphinx -W`` turns into an error.
"""

from __future__ import annotations

import zlib
from pathlib import Path

# project: (version, {role: {name: page, anchored at the name itself}})
INVENTORIES: dict[str, tuple[str, dict[str, dict[str, str]]]] = {
    "python": (
        "3",
        {
            "py:class": {
                "datetime.date": "library/datetime.html",
                "datetime.datetime": "library/datetime.html",
                "datetime.timedelta": "library/datetime.html",
                "decimal.Decimal": "library/decimal.html",
                "enum.Enum": "library/enum.html",
                "os.PathLike": "library/os.html",
                "pathlib.Path": "library/pathlib.html",
                "collections.abc.Callable": "library/collections.abc.html",
                "collections.abc.Iterable": "library/collections.abc.html",
                "collections.abc.Iterator": "library/collections.abc.html",
                "collections.abc.Mapping": "library/collections.abc.html",
                "collections.abc.Sequence": "library/collections.abc.html",
                "typing.Any": "library/typing.html",
                "bool": "library/functions.html",
                "bytes": "library/stdtypes.html",
                "dict": "library/stdtypes.html",
                "float": "library/functions.html",
                "int": "library/functions.html",
                "list": "library/stdtypes.html",
                "object": "library/functions.html",
                "str": "library/stdtypes.html",
                "tuple": "library/stdtypes.html",
            },
            "py:exception": {
                "Exception": "library/exceptions.html",
                "KeyError": "library/exceptions.html",
                "LookupError": "library/exceptions.html",
                "OSError": "library/exceptions.html",
                "TypeError": "library/exceptions.html",
                "ValueError": "library/exceptions.html",
            },
            "py:function": {
                "json.dumps": "library/json.html",
                "json.loads": "library/json.html",
                "os.replace": "library/os.html",
            },
            "py:method": {"dict.get": "library/stdtypes.html"},
            "py:data": {"None": "library/constants.html"},
        },
    ),
    "babel": (
        "2",
        {"py:class": {"babel.core.Locale": "api/core.html"}},
    ),
    "attrs": (
        "25",
        {
            "py:function": {
                "attrs.define": "api.html",
                "attrs.evolve": "api.html",
                "attrs.field": "api.html",
                "attrs.fields": "api.html",
                "attrs.frozen": "api.html",
            },
            "py:class": {"attrs.Factory": "api.html"},
        },
    ),
    "cattrs": (
        "25",
        {"py:class": {"cattrs.Converter": "cattrs.html", "cattrs.BaseConverter": "cattrs.html"}},
    ),
}


def inventory(project: str, version: str, roles: dict[str, dict[str, str]]) -> bytes:
    """The ``objects.inv`` bytes of ``project``: a plain header, then zlib-compressed entries."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = [
        f"{name} {role} 1 {page}#$ -\n"
        for role, names in sorted(roles.items())
        for name, page in sorted(names.items())
    ]
    return header.encode() + zlib.compress("".join(lines).encode(), 9)


def main() -> None:
    """Write ``<project>.inv`` beside this script for every project."""
    here = Path(__file__).parent
    for project, (version, roles) in INVENTORIES.items():
        (here / f"{project}.inv").write_bytes(inventory(project, version, roles))


if __name__ == "__main__":
    main()
