"""ROR v2 records used as test fixtures.

``REAL`` holds real records (see below). The others were written by hand, following the ROR v2
schema (schema version 2.1), from what the registry publishes about these organizations; they
were not downloaded, and their values may differ from the live registry. ``EXAMPLE_INACTIVE`` is
fictional (its ROR ids have valid check digits but name no real records). Nothing here reaches
the network.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

_ADMIN: dict[str, Any] = {
    "created": {"date": "2018-11-14", "schema_version": "1.0"},
    "last_modified": {"date": "2024-12-11", "schema_version": "2.1"},
}

CALTECH: dict[str, Any] = {
    "id": "https://ror.org/05dxps055",
    "names": [
        {"value": "CIT", "types": ["acronym"], "lang": None},
        {
            "value": "California Institute of Technology",
            "types": ["ror_display", "label"],
            "lang": "en",
        },
        {"value": "Caltech", "types": ["alias"], "lang": None},
    ],
    "types": ["education", "funder"],
    "status": "active",
    "established": 1891,
    "locations": [
        {
            "geonames_id": 5381396,
            "geonames_details": {
                "continent_code": "NA",
                "continent_name": "North America",
                "country_code": "US",
                "country_name": "United States",
                "country_subdivision_code": "CA",
                "country_subdivision_name": "California",
                "lat": 34.14778,
                "lng": -118.14452,
                "name": "Pasadena",
            },
        }
    ],
    "links": [
        {"type": "website", "value": "https://www.caltech.edu"},
        {
            "type": "wikipedia",
            "value": "https://en.wikipedia.org/wiki/California_Institute_of_Technology",
        },
    ],
    "external_ids": [
        {"type": "grid", "all": ["grid.20861.3d"], "preferred": "grid.20861.3d"},
        {"type": "isni", "all": ["0000 0001 0706 8890"], "preferred": None},
        {"type": "wikidata", "all": ["Q161562"], "preferred": "Q161562"},
    ],
    "relationships": [
        {
            "type": "child",
            "label": "Jet Propulsion Laboratory",
            "id": "https://ror.org/027k65916",
        }
    ],
    "domains": ["caltech.edu"],
    "admin": _ADMIN,
}

UTOKYO: dict[str, Any] = {
    "id": "https://ror.org/057zh3y96",
    "names": [
        {"value": "The University of Tokyo", "types": ["ror_display", "label"], "lang": "en"},
        {"value": "東京大学", "types": ["label"], "lang": "ja"},
        {"value": "UTokyo", "types": ["acronym"], "lang": "en"},
        {"value": "Todai", "types": ["alias"], "lang": "en"},
    ],
    "types": ["education"],
    "status": "active",
    "established": 1877,
    "locations": [
        {
            "geonames_id": 1850147,
            "geonames_details": {
                "continent_code": "AS",
                "continent_name": "Asia",
                "country_code": "JP",
                "country_name": "Japan",
                "country_subdivision_code": "13",
                "country_subdivision_name": "Tokyo",
                "lat": 35.6895,
                "lng": 139.69171,
                "name": "Tokyo",
            },
        }
    ],
    "links": [{"type": "website", "value": "https://www.u-tokyo.ac.jp/en/"}],
    "external_ids": [
        {"type": "grid", "all": ["grid.26999.3d"], "preferred": "grid.26999.3d"},
        {"type": "wikidata", "all": ["Q7842"], "preferred": "Q7842"},
    ],
    "relationships": [],
    "domains": [],
    "admin": _ADMIN,
}

CNRS: dict[str, Any] = {
    "id": "https://ror.org/02feahw73",
    "names": [
        {
            "value": "Centre National de la Recherche Scientifique",
            "types": ["ror_display", "label"],
            "lang": "fr",
        },
        {
            "value": "French National Centre for Scientific Research",
            "types": ["label"],
            "lang": "en",
        },
        {"value": "CNRS", "types": ["acronym"], "lang": None},
    ],
    "types": ["government", "funder"],
    "status": "active",
    "established": 1939,
    "locations": [
        {
            "geonames_id": 2988507,
            "geonames_details": {
                "continent_code": "EU",
                "continent_name": "Europe",
                "country_code": "FR",
                "country_name": "France",
                "country_subdivision_code": "IDF",
                "country_subdivision_name": "Île-de-France",
                "lat": 48.85341,
                "lng": 2.3488,
                "name": "Paris",
            },
        }
    ],
    "links": [
        {"type": "website", "value": "https://www.cnrs.fr"},
        {"type": "wikipedia", "value": "https://fr.wikipedia.org/wiki/CNRS"},
    ],
    "external_ids": [
        {"type": "grid", "all": ["grid.4444.0"], "preferred": "grid.4444.0"},
        {"type": "wikidata", "all": ["Q280413"], "preferred": "Q280413"},
    ],
    "relationships": [],
    "domains": ["cnrs.fr"],
    "admin": _ADMIN,
}

EXAMPLE_INACTIVE: dict[str, Any] = {
    "id": "https://ror.org/00x0x0x29",
    "names": [
        {"value": "Example Institute of Biology", "types": ["ror_display", "label"], "lang": None},
        {"value": "EIB", "types": ["acronym"], "lang": None},
    ],
    "types": ["facility"],
    "status": "inactive",
    "established": None,
    "locations": [
        {
            "geonames_id": 2950159,
            "geonames_details": {
                "country_code": "DE",
                "country_name": "Germany",
                "lat": 52.52437,
                "lng": 13.41053,
                "name": "Berlin",
            },
        },
        {
            "geonames_id": 2867714,
            "geonames_details": {
                "country_code": "DE",
                "country_name": "Germany",
                "lat": 48.13743,
                "lng": 11.57549,
                "name": "Munich",
            },
        },
    ],
    "links": [],
    "external_ids": [],
    "relationships": [
        {
            "type": "successor",
            "label": "Example Institute of Life Sciences",
            "id": "https://ror.org/0y1y1y196",
        }
    ],
    "domains": [],
    "admin": _ADMIN,
}

ALL = (CALTECH, UTOKYO, CNRS)

# Real records, copied unchanged from ../shared/data/ror/ror-v2-sample-4000.json.gz (ROR data,
# CC0 1.0): a few chosen for their shapes (a display name without a language beside a Japanese
# label, several locations, a name typed alias and label, a display name typed ror_display only,
# an integer latitude, a record last written in schema 1.0, ...) and twenty drawn at random.
REAL: tuple[dict[str, Any], ...] = tuple(
    json.loads((Path(__file__).parent / "data" / "ror-records.json").read_text(encoding="utf-8"))
)


def real(ror_id: str) -> dict[str, Any]:
    """A deep copy of the real record with this bare ROR id."""
    return copy.deepcopy(next(r for r in REAL if r["id"] == f"https://ror.org/{ror_id}"))
