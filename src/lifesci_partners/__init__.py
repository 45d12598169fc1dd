"""Typed, validated models of life-science partnerships.

Organizations, agreements such as MOUs, and the directory that ties them together; a lossless
JSON format; calendar-exact term arithmetic. Every public name below is documented in the API
reference.
"""

from lifesci_partners import examples
from lifesci_partners._agreement import Agreement, AgreementKind, AgreementStatus, Party
from lifesci_partners._convert import (
    DOCUMENT_FORMAT,
    DOCUMENT_VERSION,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from lifesci_partners._directory import Directory
from lifesci_partners._figures import Bounds, Figure, Qualifier
from lifesci_partners._limits import Limits
from lifesci_partners._localized import LocalizedText
from lifesci_partners._money import Money
from lifesci_partners._organization import Address, Organization
from lifesci_partners._rates import Conversion, ExchangeRate, ExchangeRates
from lifesci_partners._schema import json_schema
from lifesci_partners._terms import Period, Term, TermConvention
from lifesci_partners.exceptions import (
    CurrencyMismatchError,
    FloatNotAllowedError,
    LifesciPartnersError,
    NotFoundError,
    RateNotFoundError,
    ValidationError,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "DOCUMENT_FORMAT",
    "DOCUMENT_VERSION",
    "Address",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Bounds",
    "Conversion",
    "CurrencyMismatchError",
    "Directory",
    "ExchangeRate",
    "ExchangeRates",
    "Figure",
    "FloatNotAllowedError",
    "LifesciPartnersError",
    "Limits",
    "LocalizedText",
    "Money",
    "NotFoundError",
    "Organization",
    "Party",
    "Period",
    "Qualifier",
    "RateNotFoundError",
    "Term",
    "TermConvention",
    "ValidationError",
    "__version__",
    "examples",
    "from_dict",
    "from_json",
    "json_schema",
    "to_dict",
    "to_json",
]
