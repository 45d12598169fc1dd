"""Typed, validated models of life-science partnerships.

Organizations, agreements such as MOUs, and the directory that ties them together; a lossless
JSON format; calendar-exact term arithmetic. Every public name below is documented in the API
reference.
"""

from lifesci_partners import examples
from lifesci_partners._agreement import Agreement, AgreementKind, AgreementStatus, Party
from lifesci_partners._announcement import Announcement, PhotoCaption, Quote
from lifesci_partners._claims import (
    Claim,
    ClaimCheck,
    PartnerCount,
    PartnerRank,
    PartnerScope,
    Verdict,
)
from lifesci_partners._cluster import Achievement, Cluster, MemberCount
from lifesci_partners._convert import (
    DOCUMENT_FORMAT,
    DOCUMENT_VERSION,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from lifesci_partners._dates import DatePrecision, PartialDate
from lifesci_partners._directory import Directory
from lifesci_partners._document import dump, load
from lifesci_partners._events import AgreementEvent, NonRenewalNotice, Termination
from lifesci_partners._figures import Bounds, Figure, Qualifier
from lifesci_partners._formatting import Formatter
from lifesci_partners._identifiers import KNOWN_SCHEMES, Identifier
from lifesci_partners._jsonld import to_jsonld
from lifesci_partners._limits import Limits
from lifesci_partners._links import Link, LinkKind
from lifesci_partners._localized import LocalizedText
from lifesci_partners._money import Money
from lifesci_partners._names import NameKind, OrganizationName
from lifesci_partners._organization import (
    Address,
    Founder,
    FounderKind,
    Organization,
    OrganizationKind,
    OrganizationStatus,
)
from lifesci_partners._people import Person, Position
from lifesci_partners._rates import Conversion, ExchangeRate, ExchangeRates
from lifesci_partners._relationships import Relationship, RelationshipKind
from lifesci_partners._renewal import Renewal
from lifesci_partners._ror import from_ror
from lifesci_partners._schema import json_schema
from lifesci_partners._terms import Period, Term, TermConvention
from lifesci_partners.exceptions import (
    CurrencyMismatchError,
    FloatNotAllowedError,
    IncomparableError,
    LifesciPartnersError,
    NotFoundError,
    RateNotFoundError,
    UnknownLocaleError,
    ValidationError,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "DOCUMENT_FORMAT",
    "DOCUMENT_VERSION",
    "KNOWN_SCHEMES",
    "Achievement",
    "Address",
    "Agreement",
    "AgreementEvent",
    "AgreementKind",
    "AgreementStatus",
    "Announcement",
    "Bounds",
    "Claim",
    "ClaimCheck",
    "Cluster",
    "Conversion",
    "CurrencyMismatchError",
    "DatePrecision",
    "Directory",
    "ExchangeRate",
    "ExchangeRates",
    "Figure",
    "FloatNotAllowedError",
    "Formatter",
    "Founder",
    "FounderKind",
    "Identifier",
    "IncomparableError",
    "LifesciPartnersError",
    "Limits",
    "Link",
    "LinkKind",
    "LocalizedText",
    "MemberCount",
    "Money",
    "NameKind",
    "NonRenewalNotice",
    "NotFoundError",
    "Organization",
    "OrganizationKind",
    "OrganizationName",
    "OrganizationStatus",
    "PartialDate",
    "PartnerCount",
    "PartnerRank",
    "PartnerScope",
    "Party",
    "Period",
    "Person",
    "PhotoCaption",
    "Position",
    "Qualifier",
    "Quote",
    "RateNotFoundError",
    "Relationship",
    "RelationshipKind",
    "Renewal",
    "Term",
    "TermConvention",
    "Termination",
    "UnknownLocaleError",
    "ValidationError",
    "Verdict",
    "__version__",
    "dump",
    "examples",
    "from_dict",
    "from_json",
    "from_ror",
    "json_schema",
    "load",
    "to_dict",
    "to_json",
    "to_jsonld",
]
