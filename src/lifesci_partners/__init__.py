"""Typed, validated models of life-science partnerships.

Organizations, agreements such as MOUs, and the directory that ties them together; a lossless
JSON format; calendar-exact term arithmetic. Every public name below is documented in the API
reference.
"""

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:  # the names below, for type checkers and editors; imported on first use
    from lifesci_partners import examples
    from lifesci_partners._agreement import Agreement, AgreementKind, AgreementStatus, Party
    from lifesci_partners._amendments import (
        AgreementVersion,
        Amendment,
        ContributionChanged,
        PartyAdded,
        PartyWithdrawn,
        PurposeChanged,
        RoleChanged,
        StatedEndChanged,
        TermChanged,
        TitleChanged,
    )
    from lifesci_partners._announcement import Announcement, PhotoCaption, Quote
    from lifesci_partners._arrow import arrow_schema, from_arrow, to_arrow
    from lifesci_partners._business_days import (
        AdjustedDate,
        BusinessCalendar,
        DayOff,
        DayOffKind,
        DeadlineKind,
        DeadlineRule,
    )
    from lifesci_partners._claims import (
        Claim,
        ClaimCheck,
        PartnerCount,
        PartnerRank,
        PartnerScope,
        Verdict,
    )
    from lifesci_partners._cluster import Achievement, Cluster, MemberCount
    from lifesci_partners._coordinates import Coordinates
    from lifesci_partners._cordis import load_cordis
    from lifesci_partners._dates import DatePrecision, PartialDate
    from lifesci_partners._directory import Directory
    from lifesci_partners._events import AgreementEvent, NonRenewalNotice, Termination
    from lifesci_partners._figures import Bounds, Figure, Qualifier
    from lifesci_partners._funding import (
        Contribution,
        Funding,
        FundingCheck,
        FundingRole,
        FundingVerdict,
    )
    from lifesci_partners._identifiers import KNOWN_SCHEMES, Identifier
    from lifesci_partners._importing import ImportAction, ImportProblem, ImportResult
    from lifesci_partners._json._converters import from_dict, from_json, to_dict, to_json
    from lifesci_partners._json._document import dump, load
    from lifesci_partners._json._reader import Limits
    from lifesci_partners._json._schema import json_schema
    from lifesci_partners._json._versions import DOCUMENT_FORMAT, DOCUMENT_VERSION
    from lifesci_partners._jsonl import dump_jsonl, iter_jsonl, load_jsonl
    from lifesci_partners._jsonld import to_jsonld
    from lifesci_partners._links import Link, LinkKind
    from lifesci_partners._localized import LocalizedText
    from lifesci_partners._money import Money
    from lifesci_partners._names import NameKind, OrganizationName
    from lifesci_partners._options import (
        ExtensionOptions,
        OptionExercised,
    )
    from lifesci_partners._organization import (
        Address,
        Founder,
        FounderKind,
        Organization,
        OrganizationKind,
        OrganizationStatus,
    )
    from lifesci_partners._parquet import read_parquet, write_parquet
    from lifesci_partners._people import Person, Position
    from lifesci_partners._provenance import Provenance
    from lifesci_partners._rates import Conversion, ExchangeRate, ExchangeRates
    from lifesci_partners._relationships import Relationship, RelationshipKind
    from lifesci_partners._renewal import Renewal
    from lifesci_partners._ror import from_ror
    from lifesci_partners._ror_dump import load_ror
    from lifesci_partners._terms import Period, Term, TermConvention
    from lifesci_partners._text._formatting import Formatter
    from lifesci_partners.exceptions import (
        CurrencyMismatchError,
        FloatNotAllowedError,
        FloatNotAllowedValidationError,
        IncomparableError,
        InexactResultError,
        InvalidArgumentError,
        JsonLinesError,
        LifesciPartnersError,
        LineProblem,
        MissingExtraError,
        NotFoundError,
        NotRegularFileError,
        RateNotFoundError,
        UnknownLocaleError,
        ValidationError,
        WrongTypeError,
        WrongTypeValidationError,
    )

__version__ = "0.1.0.dev0"

# Each public name and the module that defines it. ``import lifesci_partners`` imports none of
# them: a module is imported the first time one of its names is used (PEP 562), so a program that
# only needs `Money` does not pay for the formatter, the converter or the directory.
_MODULE_OF: dict[str, str] = {
    "Achievement": "_cluster",
    "Address": "_organization",
    "Coordinates": "_coordinates",
    "Provenance": "_provenance",
    "load_ror": "_ror_dump",
    "load_cordis": "_cordis",
    "Agreement": "_agreement",
    "AgreementEvent": "_events",
    "AgreementKind": "_agreement",
    "AgreementStatus": "_agreement",
    "Announcement": "_announcement",
    "Bounds": "_figures",
    "Claim": "_claims",
    "ClaimCheck": "_claims",
    "Cluster": "_cluster",
    "Contribution": "_funding",
    "Conversion": "_rates",
    "CurrencyMismatchError": "exceptions",
    "DOCUMENT_FORMAT": "_json._versions",
    "DOCUMENT_VERSION": "_json._versions",
    "DatePrecision": "_dates",
    "Directory": "_directory",
    "ExchangeRate": "_rates",
    "ExchangeRates": "_rates",
    "Figure": "_figures",
    "FloatNotAllowedError": "exceptions",
    "FloatNotAllowedValidationError": "exceptions",
    "Formatter": "_text._formatting",
    "Funding": "_funding",
    "FundingCheck": "_funding",
    "FundingRole": "_funding",
    "FundingVerdict": "_funding",
    "Founder": "_organization",
    "FounderKind": "_organization",
    "Identifier": "_identifiers",
    "ImportAction": "_importing",
    "ImportProblem": "_importing",
    "ImportResult": "_importing",
    "IncomparableError": "exceptions",
    "InexactResultError": "exceptions",
    "InvalidArgumentError": "exceptions",
    "KNOWN_SCHEMES": "_identifiers",
    "JsonLinesError": "exceptions",
    "LifesciPartnersError": "exceptions",
    "LineProblem": "exceptions",
    "arrow_schema": "_arrow",
    "from_arrow": "_arrow",
    "read_parquet": "_parquet",
    "write_parquet": "_parquet",
    "to_arrow": "_arrow",
    "Limits": "_json._reader",
    "Link": "_links",
    "LinkKind": "_links",
    "LocalizedText": "_localized",
    "MemberCount": "_cluster",
    "Money": "_money",
    "NameKind": "_names",
    "NonRenewalNotice": "_events",
    "NotFoundError": "exceptions",
    "NotRegularFileError": "exceptions",
    "Organization": "_organization",
    "OrganizationKind": "_organization",
    "OrganizationName": "_names",
    "OrganizationStatus": "_organization",
    "PartialDate": "_dates",
    "PartnerCount": "_claims",
    "PartnerRank": "_claims",
    "PartnerScope": "_claims",
    "Party": "_agreement",
    "Period": "_terms",
    "Person": "_people",
    "PhotoCaption": "_announcement",
    "Position": "_people",
    "Qualifier": "_figures",
    "Quote": "_announcement",
    "RateNotFoundError": "exceptions",
    "Relationship": "_relationships",
    "RelationshipKind": "_relationships",
    "Renewal": "_renewal",
    "Term": "_terms",
    "TermConvention": "_terms",
    "Termination": "_events",
    "UnknownLocaleError": "exceptions",
    "ValidationError": "exceptions",
    "WrongTypeError": "exceptions",
    "WrongTypeValidationError": "exceptions",
    "Verdict": "_claims",
    "dump": "_json._document",
    "examples": "examples",
    "from_dict": "_json._converters",
    "from_json": "_json._converters",
    "from_ror": "_ror",
    "dump_jsonl": "_jsonl",
    "iter_jsonl": "_jsonl",
    "json_schema": "_json._schema",
    "load": "_json._document",
    "load_jsonl": "_jsonl",
    "to_dict": "_json._converters",
    "to_json": "_json._converters",
    "to_jsonld": "_jsonld",
    "AgreementVersion": "_amendments",
    "Amendment": "_amendments",
    "PartyAdded": "_amendments",
    "PartyWithdrawn": "_amendments",
    "PurposeChanged": "_amendments",
    "RoleChanged": "_amendments",
    "StatedEndChanged": "_amendments",
    "TermChanged": "_amendments",
    "TitleChanged": "_amendments",
    "AdjustedDate": "_business_days",
    "BusinessCalendar": "_business_days",
    "DayOff": "_business_days",
    "DayOffKind": "_business_days",
    "DeadlineKind": "_business_days",
    "DeadlineRule": "_business_days",
    "MissingExtraError": "exceptions",
    "ExtensionOptions": "_options",
    "OptionExercised": "_options",
    "ContributionChanged": "_amendments",
}

__all__ = [
    "DOCUMENT_FORMAT",
    "DOCUMENT_VERSION",
    "KNOWN_SCHEMES",
    "Achievement",
    "Address",
    "AdjustedDate",
    "Agreement",
    "AgreementEvent",
    "AgreementKind",
    "AgreementStatus",
    "AgreementVersion",
    "Amendment",
    "Announcement",
    "Bounds",
    "BusinessCalendar",
    "Claim",
    "ClaimCheck",
    "Cluster",
    "Contribution",
    "ContributionChanged",
    "Conversion",
    "Coordinates",
    "CurrencyMismatchError",
    "DatePrecision",
    "DayOff",
    "DayOffKind",
    "DeadlineKind",
    "DeadlineRule",
    "Directory",
    "ExchangeRate",
    "ExchangeRates",
    "ExtensionOptions",
    "Figure",
    "FloatNotAllowedError",
    "FloatNotAllowedValidationError",
    "Formatter",
    "Founder",
    "FounderKind",
    "Funding",
    "FundingCheck",
    "FundingRole",
    "FundingVerdict",
    "Identifier",
    "ImportAction",
    "ImportProblem",
    "ImportResult",
    "IncomparableError",
    "InexactResultError",
    "InvalidArgumentError",
    "JsonLinesError",
    "LifesciPartnersError",
    "Limits",
    "LineProblem",
    "Link",
    "LinkKind",
    "LocalizedText",
    "MemberCount",
    "MissingExtraError",
    "Money",
    "NameKind",
    "NonRenewalNotice",
    "NotFoundError",
    "NotRegularFileError",
    "OptionExercised",
    "Organization",
    "OrganizationKind",
    "OrganizationName",
    "OrganizationStatus",
    "PartialDate",
    "PartnerCount",
    "PartnerRank",
    "PartnerScope",
    "Party",
    "PartyAdded",
    "PartyWithdrawn",
    "Period",
    "Person",
    "PhotoCaption",
    "Position",
    "Provenance",
    "PurposeChanged",
    "Qualifier",
    "Quote",
    "RateNotFoundError",
    "Relationship",
    "RelationshipKind",
    "Renewal",
    "RoleChanged",
    "StatedEndChanged",
    "Term",
    "TermChanged",
    "TermConvention",
    "Termination",
    "TitleChanged",
    "UnknownLocaleError",
    "ValidationError",
    "Verdict",
    "WrongTypeError",
    "WrongTypeValidationError",
    "__version__",
    "arrow_schema",
    "dump",
    "dump_jsonl",
    "examples",
    "from_arrow",
    "from_dict",
    "from_json",
    "from_ror",
    "iter_jsonl",
    "json_schema",
    "load",
    "load_cordis",
    "load_jsonl",
    "load_ror",
    "read_parquet",
    "to_arrow",
    "to_dict",
    "to_json",
    "to_jsonld",
    "write_parquet",
]


# Outside type checking only: type checkers see the imports above, so a misspelt name is still
# an error for them rather than ``Any``.
if not _typing.TYPE_CHECKING:

    def __getattr__(name: str) -> _typing.Any:
        """Import the module that defines ``name`` on first use, and keep the name here."""
        module = _MODULE_OF.get(name)
        if module is None:
            msg = f"module {__name__!r} has no attribute {name!r}"
            raise AttributeError(msg)
        imported = _importlib.import_module(f"{__name__}.{module}")
        value = imported if module == name else getattr(imported, name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        """The module's attributes, the public names not imported yet included."""
        return sorted({*globals(), *__all__})
