"""The same agreement model in pydantic v2 and in msgspec, with the same validation.

What each side checks, so that the comparison is fair:

- ids match the library's pattern (1 to 200 of ``[A-Za-z0-9._:-]``, starting alphanumeric),
  roles are not blank, ``max_renewals`` is at least one, ``automatic`` is a boolean;
- enums by value, dates as ``YYYY-MM-DD`` text only, unknown keys refused, no coercion between
  JSON types (pydantic in strict mode; msgspec is strict by nature);
- terms and localized text are read by the library's own ``Term.parse`` and ``LocalizedText``
  (the CLDR locale check and blank-text check), and written back the same way, so all three
  hold the same leaf objects;
- events are a tagged union on ``"type"``;
- the rules across fields (:func:`rules`): two distinct parties, a stated end not before the
  effective date, no renewal of an agreement that never ends, events by parties, a notice only
  with a renewal clause, one termination, not before the effective date, no notice after it,
  an outer limit not before the initial period's last day, and a termination before the end
  when the agreement does not renew automatically.

What only the library does: it also builds and keeps each agreement's renewal schedule (the
periods and notice deadlines that later queries read), and checks a termination against the
end of the last renewal.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import msgspec
from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, model_validator

from lifesci_partners import AgreementKind, LocalizedText, Term, TermConvention

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$"
NON_BLANK = r"\S"
_ONE_DAY = dt.timedelta(days=1)


def rules(a: Any, term: Term | None) -> list[str]:
    """The checks across fields, on a pydantic or msgspec agreement with ``term`` read."""
    errors: list[str] = []
    orgs = [p.org for p in a.parties]
    if len(set(orgs)) < 2 or len(set(orgs)) != len(orgs):
        errors.append(f"parties: need two or more distinct parties, got {orgs!r}")
    first_end = None
    if a.stated_end_on is not None:
        if a.stated_end_on < a.effective_on:
            errors.append("stated_end_on: before the effective date")
        first_end = a.stated_end_on + _ONE_DAY
    elif term is not None:
        try:
            first_end = term.end_from(a.effective_on, a.convention)
        except ValueError as exc:
            errors.append(f"term: {exc}")
    if a.renewal is not None and a.term is None and a.stated_end_on is None:
        errors.append("renewal: an agreement that never ends cannot renew")
    if a.max_extent_on is not None and a.max_extent_on < (
        a.effective_on if first_end is None else first_end - _ONE_DAY
    ):
        errors.append("max_extent_on: before the initial period's last day")
    if a.events:
        errors.extend(_event_rules(a, set(orgs), first_end))
    return errors


def _event_rules(a: Any, parties: set[str], first_end: dt.date | None) -> list[str]:
    errors = []
    terminations = [e for e in a.events if e.type == "termination"]
    if len(terminations) > 1:
        errors.append("events: more than one termination")
    errors.extend(
        f"events: {e.by!r} is not a party" for e in a.events if e.by not in {None, *parties}
    )
    if a.renewal is None and any(e.type == "non_renewal_notice" for e in a.events):
        errors.append("events: a notice needs a renewal clause")
    if not terminations:
        return errors
    ended = terminations[0].on
    if ended < a.effective_on:
        errors.append("events: termination before the effective date")
    if any(e.type == "non_renewal_notice" and e.on > ended for e in a.events):
        errors.append("events: a notice after the termination")
    renews = a.renewal is not None and a.renewal.automatic
    if not renews and first_end is not None:
        end = first_end
        if a.max_extent_on is not None:
            end = min(end, a.max_extent_on + _ONE_DAY)
        if ended >= end:
            errors.append("events: terminated after the end")
    return errors


# --- pydantic v2 ---------------------------------------------------------------------------


def _pyd_term(value: object) -> Term:
    if type(value) is not str:
        msg = f"expected an ISO 8601 duration, got {type(value).__name__}"
        raise ValueError(msg)  # pydantic reports a ValueError as a validation error
    return Term.parse(value)


def _pyd_text(value: object) -> LocalizedText:
    if type(value) is not dict:
        msg = f"expected an object of locale to text, got {type(value).__name__}"
        raise ValueError(msg)
    return LocalizedText(value)


PId = Annotated[str, Field(pattern=ID_PATTERN)]
PNonBlank = Annotated[str, Field(pattern=NON_BLANK)]
PTerm = Annotated[Term, PlainValidator(_pyd_term), PlainSerializer(str)]
PText = Annotated[LocalizedText, PlainValidator(_pyd_text), PlainSerializer(LocalizedText.to_dict)]


class _PModel(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PParty(_PModel):
    org: PId
    role: PNonBlank | None = None


class PRenewal(_PModel):
    term: PTerm
    automatic: bool = True
    max_renewals: Annotated[int, Field(ge=1)] | None = None
    notice: PTerm | None = None


class PNotice(_PModel):
    type: Literal["non_renewal_notice"]
    on: dt.date
    by: PId


class PTermination(_PModel):
    type: Literal["termination"]
    on: dt.date
    by: PId | None = None
    reason: PText | None = None


class PAgreement(_PModel):
    id: PId
    kind: AgreementKind
    parties: tuple[PParty, ...]
    effective_on: dt.date
    term: PTerm | None = None
    signed_on: dt.date | None = None
    title: PText | None = None
    purpose: PText | None = None
    convention: TermConvention = TermConvention.START_DAY_COUNTED
    renewal: PRenewal | None = None
    max_extent_on: dt.date | None = None
    stated_end_on: dt.date | None = None
    events: tuple[Annotated[PNotice | PTermination, Field(discriminator="type")], ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> PAgreement:
        errors = rules(self, self.term)
        if errors:
            raise ValueError("; ".join(errors))
        return self


# pydantic "plain": the same fields, strict, without the rules across fields, the CLDR locale
# check or the parsing of terms (a term stays its text, a localized text a dict of strings).

PPlainText = dict[str, str]


class PPartyPlain(_PModel):
    org: PId
    role: PNonBlank | None = None


class PRenewalPlain(_PModel):
    term: str
    automatic: bool = True
    max_renewals: Annotated[int, Field(ge=1)] | None = None
    notice: str | None = None


class PNoticePlain(_PModel):
    type: Literal["non_renewal_notice"]
    on: dt.date
    by: PId


class PTerminationPlain(_PModel):
    type: Literal["termination"]
    on: dt.date
    by: PId | None = None
    reason: PPlainText | None = None


class PAgreementPlain(_PModel):
    id: PId
    kind: AgreementKind
    parties: tuple[PPartyPlain, ...]
    effective_on: dt.date
    term: str | None = None
    signed_on: dt.date | None = None
    title: PPlainText | None = None
    purpose: PPlainText | None = None
    convention: TermConvention = TermConvention.START_DAY_COUNTED
    renewal: PRenewalPlain | None = None
    max_extent_on: dt.date | None = None
    stated_end_on: dt.date | None = None
    events: tuple[
        Annotated[PNoticePlain | PTerminationPlain, Field(discriminator="type")], ...
    ] = ()


# --- msgspec ---------------------------------------------------------------------------------

MId = Annotated[str, msgspec.Meta(pattern=ID_PATTERN)]
MNonBlank = Annotated[str, msgspec.Meta(pattern=NON_BLANK)]
# msgspec reads attrs classes such as Term as objects of their fields, so a term stays the text
# of its ISO 8601 duration here; __post_init__ reads it with Term.parse all the same.
MTerm = Annotated[str, msgspec.Meta(pattern=r"^P")]


def _check_term(text: str | None) -> Term | None:
    return None if text is None else Term.parse(text)


class _MStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class MParty(_MStruct):
    org: MId
    role: MNonBlank | None = None


class MRenewal(_MStruct):
    term: MTerm
    automatic: bool = True
    max_renewals: Annotated[int, msgspec.Meta(ge=1)] | None = None
    notice: MTerm | None = None

    def __post_init__(self) -> None:
        _check_term(self.term)
        _check_term(self.notice)


class MNotice(_MStruct, tag_field="type", tag="non_renewal_notice"):
    on: dt.date
    by: MId

    type = "non_renewal_notice"


class MTermination(_MStruct, tag_field="type", tag="termination"):
    on: dt.date
    by: MId | None = None
    reason: LocalizedText | None = None

    type = "termination"


class MAgreement(_MStruct):
    id: MId
    kind: AgreementKind
    parties: tuple[MParty, ...]
    effective_on: dt.date
    term: MTerm | None = None
    signed_on: dt.date | None = None
    title: LocalizedText | None = None
    purpose: LocalizedText | None = None
    convention: TermConvention = TermConvention.START_DAY_COUNTED
    renewal: MRenewal | None = None
    max_extent_on: dt.date | None = None
    stated_end_on: dt.date | None = None
    events: tuple[MNotice | MTermination, ...] = ()

    def __post_init__(self) -> None:
        errors = rules(self, _check_term(self.term))
        if errors:
            raise ValueError("; ".join(errors))


def _dec_hook(cls: type, value: Any) -> Any:
    if cls is LocalizedText:
        if type(value) is not dict:
            msg = f"expected an object of locale to text, got {type(value).__name__}"
            raise TypeError(msg)
        return LocalizedText(value)
    msg = f"unsupported type {cls!r}"
    raise NotImplementedError(msg)


def _enc_hook(obj: Any) -> Any:
    if isinstance(obj, LocalizedText):
        return obj.to_dict()
    msg = f"cannot encode {type(obj).__name__}"
    raise NotImplementedError(msg)


def _models_enc_hook(obj: Any) -> Any:
    if isinstance(obj, LocalizedText):
        return obj._texts  # noqa: SLF001  # read only, as the library's own [fast] writer does
    if isinstance(obj, Term):
        return str(obj)
    msg = f"cannot encode {type(obj).__name__}"
    raise NotImplementedError(msg)


msgspec_decoder = msgspec.json.Decoder(tuple[MAgreement, ...], dec_hook=_dec_hook)
msgspec_encoder = msgspec.json.Encoder(enc_hook=_enc_hook)
models_encoder = msgspec.json.Encoder(enc_hook=_models_enc_hook)
"""msgspec writing the library's own attrs models, which it reads in C (issue 18's ceiling).

It writes every field, defaults and ``null`` included, in its own order, and a term or a
localized text through a Python hook: not the library's format, but the time it takes shows
what a compiled writer reading these objects costs.
"""
