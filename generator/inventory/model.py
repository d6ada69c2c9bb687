"""Stage 2: the typed inventory model.

``parse(document)`` validates the loaded data against these classes, turns every pydantic error into
a :class:`~generator.errors.Problem` that names ``file:line:column`` and the fix, then resolves the
cross-references (data -> parties, purposes -> data, ...) so later stages get objects, not ids.

Every field has a description: the JSON Schema (``plainnotice schema``) and the format reference
(``docs/inventory-format.md``) are generated from them. Unknown keys are errors (``extra="forbid"``).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from typing import Annotated, Any, Iterator, Optional

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    Strict as _StrictType,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError, core_schema

from generator.errors import InputError, Loc, Problem
from generator.inventory.load import Document, LocatedStr
from generator.inventory.vocab import (
    CcpaCategory,
    CookieKind,
    CookieParty,
    Jurisdiction,
    LegalBasis,
    Metric,
    PartyRole,
    Region,
    RequestKind,
    RequiredBy,
    SourceKind,
    SpecialCategoryBasis,
    TransferSafeguard,
    countries,
)

SUPPORTED_FORMATS = (1,)


# --------------------------------------------------------------------------------------------
# Free text: a string, or a map of language code -> string.
# --------------------------------------------------------------------------------------------

_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class Text:
    """Free text from the inventory: one string, or one per language. Knows where it came from."""

    __slots__ = ("values", "loc", "locs")

    def __init__(self, values: dict[str, str], loc: Loc | None = None, locs: dict[str, Loc] | None = None):
        self.values = values  # {"": text} for a plain string
        self.loc = loc
        self.locs = locs or {}

    @property
    def is_map(self) -> bool:
        return "" not in self.values

    def get(self, lang: str | None = None) -> str:
        if "" in self.values:
            return self.values[""]
        if lang and lang in self.values:
            return self.values[lang]
        return next(iter(self.values.values()))

    def loc_for(self, lang: str | None = None) -> Loc | None:
        if lang and lang in self.locs:
            return self.locs[lang]
        return self.loc

    def __str__(self) -> str:
        return self.get()

    def __repr__(self) -> str:
        return f"Text({self.values!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Text):
            return self.values == other.values
        if isinstance(other, str):
            return self.get() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.values.items())))

    @classmethod
    def _validate(cls, value: Any) -> "Text":
        if isinstance(value, Text):
            return value
        if isinstance(value, str):
            if not value.strip():
                raise PydanticCustomError("empty_text", "the text is empty")
            return cls({"": str(value)}, getattr(value, "loc", None))
        if isinstance(value, dict) and value:
            out, locs = {}, {}
            for lang, text in value.items():
                if text is None and isinstance(lang, str) and not _LANG.match(lang):
                    raise PydanticCustomError(
                        "text_comma",
                        "'{lang}' looks like the end of a text cut off at a comma: inside {...} a comma starts a new key",
                        {"lang": str(lang)},
                    )
                if not isinstance(lang, str) or not _LANG.match(lang):
                    raise PydanticCustomError(
                        "text_lang",
                        "'{lang}' is not a language code; a map of texts uses codes like en, de, pt-BR",
                        {"lang": str(lang)},
                    )
                if not isinstance(text, str) or not text.strip():
                    raise PydanticCustomError(
                        "text_type", "the '{lang}' text must be a non-empty string", {"lang": lang}
                    )
                out[str(lang)] = str(text)
                if getattr(text, "loc", None):
                    locs[str(lang)] = text.loc
            first = next(iter(locs.values()), None)
            return cls(out, first, locs)
        raise PydanticCustomError(
            "text_type",
            "expected text (or a map of language code to text), got {got}",
            {"got": describe(value)},
        )

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda t: t.get() if not t.is_map else dict(t.values)
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema, handler):
        return {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "description": "One text per language: language code -> text.",
                    "additionalProperties": {"type": "string", "minLength": 1},
                    "minProperties": 1,
                },
            ]
        }


def describe(value: Any) -> str:
    """How to name a received value in a message: its type and, when short, the value itself."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, _dt.datetime):
        return f"the date and time {value.isoformat(sep=' ')}"
    if isinstance(value, _dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{short}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


# --------------------------------------------------------------------------------------------
# Checked string types
# --------------------------------------------------------------------------------------------

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_EMAIL = re.compile(r"^[^@\s<>()\[\]\\,;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
_URL = re.compile(r"^(https?)://[^\s/?#<>\"'`]+(?:[/?#][^\s<>\"'`]*)?$", re.I)
_PERIOD = re.compile(r"^(\d+)\s+(day|week|month|year)s?$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ().\-]*$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise PydanticCustomError(
            "bad_id",
            "'{value}' is not a valid id; ids use lowercase letters, digits and '_' and start with a letter",
            {"value": value},
        )
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise PydanticCustomError(
            "bad_email", "'{value}' is not an e-mail address (expected name@example.com)", {"value": value}
        )
    return value


def _check_url(value: str) -> str:
    if value.lower().startswith("mailto:"):
        _check_email(value[7:].split("?", 1)[0])
        return value
    if not _URL.match(value):
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        if scheme and scheme not in ("http", "https"):
            raise PydanticCustomError(
                "bad_url_scheme",
                "'{value}' uses the '{scheme}:' scheme; only https, http and mailto links are allowed",
                {"value": value, "scheme": scheme},
            )
        raise PydanticCustomError(
            "bad_url", "'{value}' is not a full web address (expected https://example.com/page)", {"value": value}
        )
    return value


def _check_phone(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if not _PHONE.match(value) or not 6 <= len(digits) <= 15:
        raise PydanticCustomError(
            "bad_phone",
            "'{value}' is not a phone number (expected digits with an optional leading +, e.g. +1 800 555 0100)",
            {"value": value},
        )
    return value


def _check_country(value: str) -> str:
    if value not in countries():
        upper = value.upper()
        hint = ""
        if upper in countries():
            hint = f"; write it in capitals: {upper}"
        elif upper == "UK":
            hint = "; the code for the United Kingdom is GB"
        elif upper == "EL":
            hint = "; the ISO code for Greece is GR"
        else:
            by_name = {n.lower(): c for c, n in countries().items()}
            if value.lower() in by_name:
                hint = f"; the code for {value} is {by_name[value.lower()]}"
        raise PydanticCustomError(
            "bad_country",
            "'{value}' is not an ISO 3166-1 alpha-2 country code{hint}",
            {"value": value, "hint": hint},
        )
    return value


def _check_period(value: str) -> str:
    if not _PERIOD.match(value.strip()):
        raise PydanticCustomError(
            "bad_period",
            "'{value}' is not a period; write '<number> <days|weeks|months|years>', e.g. '2 years', or use 'criteria' instead",
            {"value": value},
        )
    return value


def _check_lang(value: str) -> str:
    if not _LANG.match(value):
        raise PydanticCustomError(
            "bad_lang",
            "'{value}' is not a language code; use codes like en, de, pt-BR",
            {"value": value},
        )
    return value


# true/false only (no "yes", 1 or "false" as text), whole numbers only (no "30" as text).
Bool = Annotated[bool, _StrictType()]
Int = Annotated[int, _StrictType()]
Num = Annotated[float, _StrictType()]
Lang = Annotated[str, AfterValidator(_check_lang), Field(json_schema_extra={"pattern": _LANG.pattern})]
Id = Annotated[str, AfterValidator(_check_id)]
Email = Annotated[str, AfterValidator(_check_email), Field(json_schema_extra={"format": "email"})]
Url = Annotated[
    str, AfterValidator(_check_url), Field(json_schema_extra={"pattern": r"^(https?://|mailto:)"})
]
Phone = Annotated[str, AfterValidator(_check_phone)]
Country = Annotated[str, AfterValidator(_check_country), Field(json_schema_extra={"pattern": "^[A-Z]{2}$"})]
Period = Annotated[str, AfterValidator(_check_period), Field(json_schema_extra={"pattern": _PERIOD.pattern})]


def period_days(period: str) -> int:
    """'2 years' -> 730; used to order retention periods."""
    n, unit = _PERIOD.match(period.strip()).groups()
    return int(n) * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True, validate_default=False, defer_build=True)


# --------------------------------------------------------------------------------------------
# The inventory
# --------------------------------------------------------------------------------------------


class Contact(Strict):
    """A person or office people can contact."""

    name: Optional[Text] = Field(None, description="Name of the person or office.")
    email: Optional[Email] = Field(None, description="E-mail address.")
    phone: Optional[Phone] = Field(None, description="Phone number, with country code.")
    address: Optional[Text] = Field(None, description="Postal address.")
    url: Optional[Url] = Field(None, description="Contact page.")


class Representative(Strict):
    """A representative for a controller not established in the EU or UK (GDPR / UK GDPR Art. 27)."""

    region: Region = Field(description="Where the representative acts: EU or UK.")
    name: Text = Field(description="The representative's name.")
    address: Optional[Text] = Field(None, description="Postal address.")
    email: Optional[Email] = Field(None, description="E-mail address.")
    phone: Optional[Phone] = Field(None, description="Phone number.")


class Authority(Strict):
    """A data protection supervisory authority (GDPR Art. 13(2)(d), Art. 51)."""

    name: Text = Field(description="Name of the authority.")
    url: Optional[Url] = Field(None, description="The authority's website or complaint page.")


class Organization(Strict):
    """Who is responsible for the data: the controller (GDPR Art. 13(1)(a); CCPA 'business')."""

    name: Text = Field(description="The name people know you by.")
    legal_name: Optional[Text] = Field(None, description="Registered legal name, if different.")
    address: Text = Field(description="Postal address of the controller.")
    website: Optional[Url] = Field(None, description="Main website.")
    contact_email: Email = Field(description="E-mail address for privacy questions.")
    phone: Optional[Phone] = Field(None, description="Phone number for privacy questions.")
    established_in: Optional[list[Country]] = Field(
        None,
        description="Countries where you have an establishment (ISO codes). Decides whether you need an "
        "EU or UK representative (Art. 27). If left out, the country at the end of `address` is used.",
    )
    dpo: Optional[Contact] = Field(None, description="Data protection officer, where you have one (Art. 37-39).")
    representatives: list[Representative] = Field(
        default_factory=list, description="Representatives in the EU or UK (Art. 27)."
    )
    supervisory_authority: Optional[Authority] = Field(
        None, description="Your lead EU supervisory authority, where people can complain (Art. 13(2)(d))."
    )


class ReadabilityTarget(Strict):
    """A readability gate for one layer."""

    metric: Metric = Field(Metric.flesch_kincaid_grade, description="Readability formula.")
    max: Optional[Num] = Field(None, description="Highest score allowed (grade metrics).")
    min: Optional[Num] = Field(None, description="Lowest score allowed (flesch_reading_ease).")

    @model_validator(mode="after")
    def _bound(self):
        if self.metric == Metric.flesch_reading_ease:
            if self.min is None:
                raise PydanticCustomError(
                    "bad_bound", "flesch_reading_ease is higher for easier text: give 'min', not 'max'"
                )
        elif self.max is None:
            raise PydanticCustomError(
                "bad_bound", "{metric} is a grade: give 'max' (e.g. max: 8)", {"metric": self.metric.value}
            )
        return self


class Readability(Strict):
    """Readability targets per layer, checked by `plainnotice check`."""

    summary: ReadabilityTarget = Field(
        default_factory=lambda: ReadabilityTarget(max=8), description="Target for the short summary."
    )
    full: ReadabilityTarget = Field(
        default_factory=lambda: ReadabilityTarget(max=11), description="Target for the full notice."
    )


class Notice(Strict):
    """About the notice itself."""

    title: Text = Field(description="Title of the privacy notice.")
    audience: Optional[Text] = Field(None, description="Who the notice is for, e.g. 'people who use our app'.")
    effective_date: _dt.date = Field(description="Date the notice takes effect (YYYY-MM-DD). Also 'last updated'.")
    jurisdictions: list[Jurisdiction] = Field(
        min_length=1, description="Laws the notice must satisfy: eu_gdpr, uk_gdpr, us_ca."
    )
    languages: list[Lang] = Field(
        default_factory=lambda: ["en"], min_length=1, description="Languages of the notice, e.g. [en]."
    )
    readability: Readability = Field(default_factory=Readability, description="Readability targets.")
    financial_incentives: list[Text] = Field(
        default_factory=list,
        description="Loyalty programs or other financial incentives tied to personal data (CCPA 1798.125(b); 11 CCR 7016).",
    )


class Retention(Strict):
    """How long data is kept (GDPR Art. 13(2)(a); CCPA 1798.100(a)(3)): a period or the criteria."""

    period: Optional[Period] = Field(None, description="'<number> <days|weeks|months|years>', e.g. '2 years'.")
    criteria: Optional[Text] = Field(None, description="If there is no fixed period: what decides how long.")
    after: Optional[Text] = Field(None, description="When the period starts, e.g. 'you close your account'.")
    reason: Optional[Text] = Field(None, description="Why it is kept that long, e.g. 'tax law requires it'.")

    @model_validator(mode="after")
    def _one(self):
        if self.period is None and self.criteria is None:
            raise PydanticCustomError(
                "retention_missing", "a retention needs 'period' (e.g. '2 years') or 'criteria' (free text)"
            )
        if self.period is not None and self.criteria is not None:
            raise PydanticCustomError(
                "retention_both", "give either 'period' or 'criteria', not both"
            )
        return self


class DataItem(Strict):
    """One kind of personal data you collect (GDPR Art. 14(1)(d); CCPA 1798.110(c)(1))."""

    id: Id = Field(description="Short id used to refer to this entry, e.g. contact.")
    name: Text = Field(description="Name people understand, e.g. 'Contact details'.")
    examples: list[Text] = Field(default_factory=list, description="Examples of what it includes.")
    ccpa_category: Optional[CcpaCategory] = Field(
        None, description="CCPA category (Civ. Code 1798.140(v)). Required for us_ca."
    )
    sensitive: Bool = Field(
        False, description="Special-category data (GDPR Art. 9) or sensitive personal information (CCPA 1798.140(ae))."
    )
    special_category: Optional[Bool] = Field(
        None,
        description="Whether it is special-category data under GDPR Art. 9(1) (health, genetic or biometric data for "
        "identification, racial or ethnic origin, beliefs, union membership, sex life or orientation). Defaults to "
        "`sensitive`. Set false for data that is sensitive only under the CCPA, such as precise location or account log-ins.",
    )
    special_category_basis: Optional[SpecialCategoryBasis] = Field(
        None, description="The Art. 9(2) condition for special-category data."
    )
    sensitive_use_limited: Bool = Field(
        True,
        description="true if sensitive data is used only for the purposes 11 CCR 7027(m) permits; "
        "false means you need controls.limit_sensitive_url.",
    )
    sources: list[str] = Field(
        min_length=1,
        description="Where it comes from: you, your_device, inferred, public_sources, or a party id.",
    )
    inferred_from: list[Id] = Field(default_factory=list, description="Data ids this is worked out from.")
    required: Bool = Field(False, description="Whether people must give it (Art. 13(2)(e)).")
    required_by: Optional[RequiredBy] = Field(
        None, description="Why it is required: law, contract or entering_contract (Art. 13(2)(e))."
    )
    if_not_provided: Optional[Text] = Field(None, description="What happens if people do not give it.")
    retention: Retention = Field(description="How long it is kept.")
    shared_with: list[Id] = Field(default_factory=list, description="Party ids that receive it.")
    sold: Optional[Bool] = Field(None, description="Sold, as CCPA 1798.140(ad) defines selling. Required for us_ca.")
    shared_for_ads: Optional[Bool] = Field(
        None, description="Shared for cross-context behavioral advertising (CCPA 1798.140(ah)). Required for us_ca."
    )
    sold_to: list[Id] = Field(default_factory=list, description="Party ids it is sold to.")
    shared_for_ads_with: list[Id] = Field(default_factory=list, description="Party ids it is shared with for ads.")

    _purposes: list = PrivateAttr(default_factory=list)
    _recipients: list = PrivateAttr(default_factory=list)
    _source_parties: list = PrivateAttr(default_factory=list)
    _inferred_from: list = PrivateAttr(default_factory=list)

    @property
    def purposes(self) -> list["Purpose"]:
        """Purposes that use this data."""
        return self._purposes

    @property
    def recipients(self) -> list["Party"]:
        """Parties in `shared_with`."""
        return self._recipients

    @property
    def source_parties(self) -> list["Party"]:
        """Parties named in `sources`."""
        return self._source_parties

    @property
    def from_person(self) -> bool:
        """True when all of it comes from the person (Art. 13), False when some does not (Art. 14)."""
        return all(s in ("you", "your_device") for s in self.sources)


class AutomatedDecision(Strict):
    """A decision made by automated means with legal or similar effect (GDPR Art. 22, 13(2)(f))."""

    what: Optional[Text] = Field(None, description="What the system decides. Required for eu_gdpr/uk_gdpr (Art. 13(2)(f)).")
    logic: Optional[Text] = Field(
        None, description="Meaningful information about the logic involved. Required for eu_gdpr/uk_gdpr (Art. 13(2)(f))."
    )
    effect: Optional[Text] = Field(
        None,
        description="The significance and consequences for the person. Required for eu_gdpr/uk_gdpr (Art. 13(2)(f)).",
    )
    human_review: Optional[Text] = Field(
        None,
        description="How to get a person to review the decision. Required for eu_gdpr/uk_gdpr (Art. 22(3)).",
    )


class Purpose(Strict):
    """Why you use data (GDPR Art. 13(1)(c); CCPA 1798.110(c)(3))."""

    id: Id = Field(description="Short id, e.g. accounts.")
    name: Text = Field(description="The purpose in a few words.")
    description: Optional[Text] = Field(None, description="What you do, in one or two plain sentences.")
    data: list[Id] = Field(min_length=1, description="Data ids used for this purpose.")
    legal_basis: Optional[LegalBasis] = Field(None, description="GDPR Art. 6(1) basis. Required for eu_gdpr/uk_gdpr.")
    legitimate_interest: Optional[Text] = Field(
        None, description="The interest pursued, when legal_basis is legitimate_interests (Art. 13(1)(d))."
    )
    withdraw: Optional[Text] = Field(
        None, description="How to withdraw consent, when legal_basis is consent (Art. 13(2)(c))."
    )
    object: Optional[Text] = Field(
        None, description="How to object, for legitimate_interests or public_task (Art. 21)."
    )
    profiling: Bool = Field(False, description="The purpose involves profiling (Art. 4(4)).")
    automated_decision: Optional[AutomatedDecision] = Field(
        None, description="An automated decision with legal or similarly significant effect (Art. 22)."
    )

    _data: list = PrivateAttr(default_factory=list)

    @property
    def data_items(self) -> list[DataItem]:
        """The DataItem objects named in `data`."""
        return self._data


class Party(Strict):
    """Someone else who receives data from you or gives you data (GDPR Art. 13(1)(e); CCPA 1798.110(c)(4))."""

    id: Id = Field(description="Short id, e.g. payments.")
    name: Text = Field(description="Name of the company, or the kind of recipient.")
    role: PartyRole = Field(description="What the party is to you.")
    purpose: Optional[Text] = Field(None, description="Why they get the data.")
    country: Optional[Country] = Field(None, description="Country where they process data (ISO 3166-1 alpha-2).")
    countries: Optional[list[Country]] = Field(None, description="Countries, when there are several.")
    privacy_policy: Optional[Url] = Field(None, description="Link to their privacy policy.")
    transfer_safeguard: Optional[TransferSafeguard] = Field(
        None, description="How a transfer outside the EEA/UK is protected (Art. 45-49)."
    )
    safeguard_copy: Optional[Text] = Field(
        None, description="How to get a copy of the safeguard (Art. 13(1)(f)). Default: ask us."
    )

    _data: list = PrivateAttr(default_factory=list)
    _supplied: list = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _where(self):
        if self.country is None and not self.countries:
            raise PydanticCustomError(
                "party_country", "a party needs 'country' (one ISO code) or 'countries' (a list)"
            )
        if self.country is not None and self.countries:
            raise PydanticCustomError("party_country_both", "give either 'country' or 'countries', not both")
        return self

    @property
    def all_countries(self) -> list[str]:
        return [self.country] if self.country else list(self.countries or [])

    @property
    def data_items(self) -> list[DataItem]:
        """Data shared with this party."""
        return self._data

    @property
    def data_from(self) -> list[DataItem]:
        """Data this party gives us (entries that name it in `sources`)."""
        return self._supplied


class Security(Strict):
    """How you protect data (GDPR Art. 32) and what happens after a breach (Art. 33-34)."""

    measures: list[Text] = Field(min_length=1, description="Security measures, one plain sentence each.")
    breach: Optional[Text] = Field(None, description="What you do if a breach happens.")


class RequestMethod(Strict):
    """One way to send a privacy request."""

    kind: RequestKind = Field(description="web, email, phone, app or post.")
    url: Optional[Url] = Field(None, description="For web: the form's address.")
    address: Optional[Text] = Field(None, description="For email: the e-mail address; for post: the postal address.")
    number: Optional[Phone] = Field(None, description="For phone: the number.")
    toll_free: Bool = Field(False, description="For phone: the number is toll-free (CCPA 1798.130(a)(1)).")
    where: Optional[Text] = Field(None, description="For app: where in the app, e.g. 'Settings > Privacy'.")

    @field_validator("address")
    @classmethod
    def _email_address(cls, value, info: ValidationInfo):
        if value is not None and info.data.get("kind") == RequestKind.email:
            if value.is_map:
                raise PydanticCustomError("bad_email", "an e-mail address is one address, not a map of languages")
            _check_email(value.get())
        return value

    @model_validator(mode="after")
    def _fields(self):
        need = {"web": "url", "email": "address", "phone": "number", "app": "where", "post": "address"}[self.kind.value]
        if getattr(self, need) is None:
            raise PydanticCustomError(
                "method_field", "a request method of kind '{kind}' needs '{need}'", {"kind": self.kind.value, "need": need}
            )
        allowed = {need, "kind"} | ({"toll_free"} if self.kind == RequestKind.phone else set())
        for other in ("url", "address", "number", "where"):
            if other not in allowed and getattr(self, other) is not None:
                raise PydanticCustomError(
                    "method_extra",
                    "a request method of kind '{kind}' takes '{need}', not '{other}'",
                    {"kind": self.kind.value, "need": need, "other": other},
                )
        return self


class Requests(Strict):
    """How people exercise their rights (GDPR Art. 12; CCPA 1798.130)."""

    methods: list[RequestMethod] = Field(min_length=1, description="Ways to send a request.")
    response_days: Int = Field(ge=1, le=90, description="Days within which you answer (GDPR: 30; CCPA: 45).")
    verification: Optional[Text] = Field(None, description="How you check who is asking (11 CCR 7060).")
    authorized_agents: Bool = Field(False, description="Whether an authorized agent can ask for someone (11 CCR 7063).")
    appeal: Optional[Text] = Field(None, description="How to appeal if you refuse a request.")
    online_only: Optional[Bool] = Field(
        None,
        description="true: you operate only online and have a direct relationship with people, so an e-mail address "
        "alone is enough for California requests (Civ. Code 1798.130(a)(1)(A)). false: you also deal with people "
        "offline, so you need a toll-free phone number. Left out: plainnotice treats you as online-only unless "
        "you list a phone or post method.",
    )


class Controls(Strict):
    """Settings and signals people can use."""

    settings_url: Optional[Url] = Field(None, description="Page where people change privacy settings.")
    global_privacy_control: Bool = Field(
        False, description="You treat a Global Privacy Control signal as an opt-out of sale and sharing (11 CCR 7025)."
    )
    gpc_statement: Optional[Text] = Field(
        None,
        description="How you handle opt-out preference signals such as Global Privacy Control, in your own words. "
        "Needed for us_ca when global_privacy_control is not true (11 CCR 7011(e), 7025).",
    )
    do_not_track: Optional[Text] = Field(
        None, description="How you respond to Do Not Track (Cal. Bus. & Prof. Code 22575(b)(5))."
    )
    opt_out_url: Optional[Url] = Field(None, description="'Do Not Sell or Share My Personal Information' page (1798.135).")
    limit_sensitive_url: Optional[Url] = Field(
        None, description="'Limit the Use of My Sensitive Personal Information' page (1798.135; 11 CCR 7014)."
    )


class Cookie(Strict):
    """A cookie or similar technology (ePrivacy Directive Art. 5(3))."""

    name: str = Field(min_length=1, description="The cookie's name as the browser shows it.")
    purpose: Text = Field(description="What it does.")
    kind: CookieKind = Field(description="essential, preferences, analytics or advertising.")
    duration: Text = Field(description="How long it lasts, e.g. '12 months' or 'until you close the browser'.")
    party: CookieParty = Field(description="first (our site) or third (another company).")
    provider: Optional[Id] = Field(None, description="Party id of the company that runs it, if any.")

    _provider: Any = PrivateAttr(None)

    @property
    def provider_party(self) -> Optional["Party"]:
        return self._provider


class Children(Strict):
    """Children's data (GDPR Art. 8; CCPA 1798.120(c))."""

    minimum_age: Int = Field(ge=0, le=21, description="Youngest age allowed to use the service.")
    statement: Text = Field(description="What you do about children's data.")
    sells_or_shares_under_16: Bool = Field(
        False, description="You knowingly sell or share data of consumers under 16 (CCPA 1798.120(c))."
    )


class AiSystem(Strict):
    """An AI system people interact with (EU AI Act Art. 50)."""

    name: Text = Field(description="Name of the system.")
    what: Text = Field(description="What it does, and that it is a machine (Art. 50(1)).")
    data: list[Id] = Field(default_factory=list, description="Data ids it uses.")
    human_option: Optional[Text] = Field(None, description="How to reach a person instead.")
    emotion_recognition: Bool = Field(False, description="It recognises emotions (Art. 50(3)).")
    biometric_categorisation: Bool = Field(False, description="It sorts people by biometric data (Art. 50(3)).")
    generates_content: Bool = Field(False, description="It makes synthetic images, audio, video or text (Art. 50(2), (4)).")

    _data: list = PrivateAttr(default_factory=list)

    @property
    def data_items(self) -> list[DataItem]:
        return self._data


class Change(Strict):
    """A change to the notice (GDPR Art. 12-14 call for up-to-date information; 11 CCR 7011(e)(4))."""

    date: _dt.date = Field(description="When the change took effect (YYYY-MM-DD).")
    summary: Text = Field(description="What changed, in one plain sentence.")


class Inventory(Strict):
    """A company's data inventory: the single source of its privacy notice."""

    format: Int = Field(
        description="Format version of this file. This version of plainnotice reads format 1.",
        json_schema_extra={"enum": list(SUPPORTED_FORMATS)},
    )
    organization: Organization = Field(description="Who you are.")
    notice: Notice = Field(description="About the notice itself: title, date, jurisdictions and languages.")
    data: list[DataItem] = Field(min_length=1, description="What you collect. Each entry is one kind of data.")
    purposes: list[Purpose] = Field(min_length=1, description="Why you use it.")
    parties: list[Party] = Field(default_factory=list, description="Who else gets data, or gives you data.")
    security: Optional[Security] = Field(None, description="How you protect data.")
    requests: Optional[Requests] = Field(None, description="How people send privacy requests.")
    controls: Controls = Field(default_factory=Controls, description="Settings and signals.")
    cookies: list[Cookie] = Field(default_factory=list, description="Cookies and similar technologies.")
    children: Optional[Children] = Field(None, description="Children's data.")
    ai_systems: list[AiSystem] = Field(default_factory=list, description="AI systems people interact with.")
    changes: list[Change] = Field(default_factory=list, description="Changes to the notice, newest first.")

    _doc: Any = PrivateAttr(None)

    # -- lookups filled in by resolve() ------------------------------------------------------
    @property
    def document(self) -> Document:
        """The loaded document, for locations."""
        return self._doc

    def data_by_id(self, id_: str) -> DataItem:
        return next(d for d in self.data if d.id == id_)

    def party_by_id(self, id_: str) -> Party:
        return next(p for p in self.parties if p.id == id_)

    @property
    def jurisdiction_set(self) -> set[str]:
        return {j.value for j in self.notice.jurisdictions}

    @property
    def gdpr(self) -> bool:
        return bool(self.jurisdiction_set & {"eu_gdpr", "uk_gdpr"})


# --------------------------------------------------------------------------------------------
# Turning pydantic errors into Problems
# --------------------------------------------------------------------------------------------

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (items starting with '- ', or [a, b])",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date without a time (YYYY-MM-DD)",
}


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated/list to reach a model class."""
    import typing

    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def model_at(path: tuple) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` (indexes are skipped)."""
    cls: Any = Inventory
    for step in path:
        if isinstance(step, int):
            continue
        field = cls.model_fields.get(step) if isinstance(cls, type) and issubclass(cls, BaseModel) else None
        if field is None:
            return None
        cls = _unwrap(field.annotation)
    return cls if isinstance(cls, type) and issubclass(cls, BaseModel) else None


def _where(path: tuple) -> str:
    """('data', 2, 'retention') -> "data[2].retention"."""
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += ("." if out else "") + str(step)
    return out or "the top level"


def suggest(word: str, choices) -> str:
    """" Did you mean 'x'?" or ""."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def _problem(doc: Document, err: dict) -> Problem:
    path = tuple(err["loc"])
    kind = err["type"]
    value = err.get("input")
    key = path[-1] if path else ""
    where = _where(path)
    if kind == "extra_forbidden":
        cls = model_at(path[:-1])
        known = list(cls.model_fields) if cls else []
        fix = f"remove '{key}' or correct its spelling"
        hint = suggest(key, known)
        if hint:
            fix = f"rename '{key}' to '{hint.split(chr(39))[1]}'"
        elif value is None and " " in str(key).strip():
            fix = "if this is the end of a text cut off at a comma, put the whole text in quotes: inside {...} a comma starts a new key"
        return Problem(
            doc.key_loc(path),
            f"unknown key '{key}' in {_where(path[:-1])}.{hint} Known keys: {', '.join(known)}",
            fix,
        )
    if kind == "missing":
        cls = model_at(path[:-1])
        desc = ""
        if cls and key in cls.model_fields:
            desc = cls.model_fields[key].description or ""
        parent_loc = doc.key_loc(path[:-1]) if path[:-1] else Loc(doc.file, 1, 1)
        return Problem(
            parent_loc,
            f"'{_where(path[:-1])}' is missing the required key '{key}'",
            f"add '{key}:'" + (f" ({desc.rstrip('.')})" if desc else ""),
        )
    loc = doc.loc(path)
    if kind in ("enum", "literal_error"):
        expected = err.get("ctx", {}).get("expected", "")
        allowed = [a.strip(" '") for a in re.split(r",| or ", expected) if a.strip(" '")]
        if not isinstance(value, str):
            return Problem(
                loc,
                f"'{where}' takes one of the allowed values, got {describe(value)}. Allowed: {', '.join(allowed)}",
                f"write one value, e.g. '{key if isinstance(key, str) else where}: {allowed[0] if allowed else ''}'",
            )
        return Problem(
            loc,
            f"'{value}' is not an allowed value for '{where}'.{suggest(value, allowed)} Allowed: {', '.join(allowed)}",
            f"use one of: {', '.join(allowed)}",
        )
    if kind == "string_type" and isinstance(value, (int, float)) and not isinstance(value, bool):
        if key in ("phone", "number"):
            return Problem(
                loc,
                f"'{where}' is a phone number that YAML read as the number {value}, which drops a leading + or 0",
                "put the number in quotes, e.g. '+1 800 555 0100'",
            )
        return Problem(loc, f"'{where}' should be text, got {describe(value)}", f"put it in quotes to keep it as text: '{value}'")
    if kind in _EXPECTED:
        return Problem(
            loc,
            f"'{where}' should be {_EXPECTED[kind]}, got {describe(value)}",
            f"write {_EXPECTED[kind]} here",
        )
    ctx = err.get("ctx") or {}
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return Problem(loc, f"'{where}' is empty; it needs at least {n} entr{'y' if n == 1 else 'ies'}", "add at least one entry")
    if kind == "too_long":
        return Problem(loc, f"'{where}' has too many entries; at most {ctx.get('max_length')}", "remove entries")
    bounds = {"greater_than_equal": ("ge", "at least"), "less_than_equal": ("le", "at most"),
              "greater_than": ("gt", "more than"), "less_than": ("lt", "less than")}
    if kind in bounds:
        key_, words = bounds[kind]
        return Problem(loc, f"'{where}' is {value}; it must be {words} {ctx.get(key_)}", f"use a number {words} {ctx.get(key_)}")
    if kind == "string_pattern_mismatch":
        return Problem(loc, f"'{value}' is not valid for '{where}'", f"match the pattern {err['ctx']['pattern']}")
    if kind == "string_too_short":
        return Problem(loc, f"'{where}' is empty", "write a value or remove the key")
    # our own PydanticCustomErrors carry a full sentence
    msg = err["msg"]
    if kind in ("text_lang", "text_comma"):  # point at the offending key inside the map
        lang = (err.get("ctx") or {}).get("lang")
        if path + (lang,) in doc.key_locs:
            loc = doc.key_locs[path + (lang,)]
    fixes = {
        "empty_text": "write the text, or remove the key if it is optional",
        "bad_url_scheme": "use an https:// address",
        "bad_url": "write the full address, starting with https://",
        "bad_email": "write the address as name@example.com",
        "bad_phone": "write the number with its country code, e.g. +351 21 000 0000",
        "bad_country": "use the two-letter ISO 3166-1 code, e.g. PT, DE, US, GB",
        "bad_period": "write e.g. '30 days', '13 months', '2 years', or replace 'period' with 'criteria: <text>'",
        "bad_id": "rename the id, e.g. 'email_service'",
        "text_lang": "use language codes as keys, e.g. {en: Contact details, de: Kontaktdaten}",
        "text_comma": "put the text in quotes, e.g. {en: \"Yes, we do.\"}",
        "text_type": "write plain text, or a map like {en: ..., de: ...}",
        "retention_missing": "add 'period: 2 years' or 'criteria: <what decides it>'",
        "retention_both": "remove one of them",
        "party_country": "add 'country: US' (or 'countries: [PT, ES]')",
        "party_country_both": "keep one of them",
        "method_field": f"add '{ctx.get('need')}:'" if kind == "method_field" else "",
        "method_extra": f"remove '{ctx.get('other')}:'" if kind == "method_extra" else "",
        "bad_bound": "set the bound the metric uses",
        "bad_lang": "write a language code such as en, de, fr or pt-BR",
    }
    if kind == "text_type" and isinstance(value, (int, float, bool)):
        fixes["text_type"] = f"put it in quotes to keep it as text: '{value if not isinstance(value, bool) else str(value).lower()}'"
    return Problem(loc, f"{where}: {msg}" if not msg.startswith("'") else msg, fixes.get(kind, "correct the value"))


# --------------------------------------------------------------------------------------------
# Cross-references and language maps
# --------------------------------------------------------------------------------------------


def _walk_texts(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, Text]]:
    if isinstance(obj, Text):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _walk_texts(getattr(obj, name), path + (name,))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _walk_texts(item, path + (i,))


def _resolve(inv: Inventory, doc: Document) -> list[Problem]:
    problems: list[Problem] = []

    def dup_ids(items, section: str) -> dict:
        seen: dict = {}
        for i, item in enumerate(items):
            if item.id in seen:
                first = doc.loc((section, seen[item.id], "id"))
                problems.append(
                    Problem(
                        doc.loc((section, i, "id")),
                        f"duplicate id '{item.id}' in {section} (first at line {first.line})",
                        "give each entry its own id",
                    )
                )
            else:
                seen[item.id] = i
        return {item.id: item for item in items}

    data = dup_ids(inv.data, "data")
    purposes = dup_ids(inv.purposes, "purposes")
    parties = dup_ids(inv.parties, "parties")
    del purposes

    def ref(path: tuple, target: str, table: dict, what: str):
        if target in table:
            return table[target]
        problems.append(
            Problem(
                doc.loc(path),
                f"'{target}' is not a known {what} id.{suggest(target, table)} Known: {', '.join(table) or '(none)'}",
                f"use one of the ids under '{what if what != 'data' else 'data'}', or add an entry with id '{target}'",
            )
        )
        return None

    kinds = {k.value for k in SourceKind}
    for i, d in enumerate(inv.data):
        for j, src in enumerate(d.sources):
            if src in kinds:
                continue
            if src in parties:
                d._source_parties.append(parties[src])
                if not any(x is d for x in parties[src]._supplied):
                    parties[src]._supplied.append(d)
                continue
            choices = sorted(kinds) + list(parties)
            problems.append(
                Problem(
                    doc.loc(("data", i, "sources", j)),
                    f"'{src}' is not a source.{suggest(src, choices)} Use you, your_device, inferred, public_sources or a party id",
                    "use one of those, or add the party under 'parties'",
                )
            )
        for field in ("shared_with", "sold_to", "shared_for_ads_with"):
            for j, pid in enumerate(getattr(d, field)):
                party = ref(("data", i, field, j), pid, parties, "parties")
                if party is not None and field == "shared_with":
                    d._recipients.append(party)
                    party._data.append(d)
        for j, did in enumerate(d.inferred_from):
            target = ref(("data", i, "inferred_from", j), did, data, "data")
            if target is d:
                problems.append(Problem(doc.loc(("data", i, "inferred_from", j)), f"'{did}' is inferred from itself", "name the data it is worked out from"))
            elif target is not None:
                d._inferred_from.append(target)
        if d.inferred_from and "inferred" not in d.sources:
            problems.append(
                Problem(doc.loc(("data", i, "sources")), f"data '{d.id}' has 'inferred_from' but 'inferred' is not in its sources", "add 'inferred' to sources")
            )
    for i, p in enumerate(inv.purposes):
        for j, did in enumerate(p.data):
            item = ref(("purposes", i, "data", j), did, data, "data")
            # identity, not ==: pydantic's == walks the private cross-references and can recurse forever
            if item is not None and all(item is not x for x in p._data):
                p._data.append(item)
                item._purposes.append(p)
    for i, c in enumerate(inv.cookies):
        if c.provider is not None:
            c._provider = ref(("cookies", i, "provider"), c.provider, parties, "parties")
    for i, a in enumerate(inv.ai_systems):
        for j, did in enumerate(a.data):
            item = ref(("ai_systems", i, "data", j), did, data, "data")
            if item is not None:
                a._data.append(item)
    seen_cookies: dict[str, int] = {}
    for i, c in enumerate(inv.cookies):
        if c.name in seen_cookies:
            problems.append(
                Problem(doc.loc(("cookies", i, "name")), f"cookie '{c.name}' is listed twice (first at line {doc.loc(('cookies', seen_cookies[c.name], 'name')).line})", "keep one entry per cookie")
            )
        seen_cookies.setdefault(c.name, i)
    seen_j: set = set()
    for j, jur in enumerate(inv.notice.jurisdictions):
        if jur in seen_j:
            problems.append(Problem(doc.loc(("notice", "jurisdictions", j)), f"'{jur.value}' is listed twice", "list each jurisdiction once"))
        seen_j.add(jur)

    # language maps: every map has exactly the notice's languages
    langs = list(inv.notice.languages)
    for path, text in _walk_texts(inv):
        if not text.is_map:
            continue
        have = list(text.values)
        missing = [lang for lang in langs if lang not in text.values]
        extra = [lang for lang in have if lang not in langs]
        if missing or extra:
            bits = []
            if missing:
                bits.append(f"missing {', '.join(missing)}")
            if extra:
                bits.append(f"has {', '.join(extra)} which notice.languages does not list")
            problems.append(
                Problem(
                    doc.loc(path),
                    f"the texts for '{_where(path)}' do not match notice.languages [{', '.join(langs)}]: {'; '.join(bits)}",
                    "give one text per language in notice.languages, or add the language there",
                )
            )
    return problems


def parse(doc: Document) -> Inventory:
    """Validate a loaded document into a resolved :class:`Inventory` or raise :class:`InputError`."""
    data = doc.data
    fmt = data.get("format")
    if "format" not in data:
        raise InputError(
            Problem(Loc(doc.file, 1, 1), "the inventory has no 'format' key", "add 'format: 1' as the first line")
        )
    known = ", ".join(str(f) for f in SUPPORTED_FORMATS)
    if type(fmt) is not int:
        raise InputError(
            Problem(
                doc.loc(("format",)),
                f"'format' should be a whole number such as {SUPPORTED_FORMATS[-1]}, got {describe(fmt)}",
                f"write 'format: {SUPPORTED_FORMATS[-1]}' without quotes",
            )
        )
    if fmt not in SUPPORTED_FORMATS:
        raise InputError(
            Problem(
                doc.loc(("format",)),
                f"format {fmt} is not known to this version of plainnotice; it reads format {known}",
                f"set 'format: {SUPPORTED_FORMATS[-1]}' and check the format reference, or upgrade plainnotice",
            )
        )
    try:
        inv = Inventory.model_validate(data)
    except ValidationError as exc:
        raise InputError(_cap(_dedupe(_problems_from(doc, exc.errors(include_url=False))))) from None
    inv._doc = doc
    problems = _resolve(inv, doc)
    if problems:
        raise InputError(_cap(_dedupe(problems)))
    return inv


#: At most this many problems are reported at once; the rest are counted in one last line.
MAX_PROBLEMS = 50


def _problems_from(doc: Document, errors: list[dict]) -> list[Problem]:
    """pydantic errors -> Problems. A misspelt key (``nmae``) gives one problem, not two: the
    "missing 'name'" error is dropped when an unknown key in the same mapping is close to 'name'."""
    suggested: set[tuple] = set()
    for err in errors:
        if err["type"] == "extra_forbidden" and err["loc"]:
            path = tuple(err["loc"])
            cls = model_at(path[:-1])
            if cls is not None:
                close = difflib.get_close_matches(str(path[-1]), list(cls.model_fields), n=1, cutoff=0.6)
                if close:
                    suggested.add((path[:-1], close[0]))
    out = []
    for err in errors:
        path = tuple(err["loc"])
        if err["type"] == "missing" and path and (path[:-1], path[-1]) in suggested:
            continue
        out.append(_problem(doc, err))
    return out


def _cap(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    ordered = sorted(problems, key=lambda p: (p.loc.file, p.loc.line, p.loc.col, p.message))
    kept = ordered[:MAX_PROBLEMS]
    last = ordered[MAX_PROBLEMS]
    rest = len(ordered) - MAX_PROBLEMS
    kept.append(
        Problem(
            last.loc,
            f"{rest:,} more problem{'s' if rest != 1 else ''} not shown (plainnotice shows the first {MAX_PROBLEMS})",
            "fix the problems above and run the command again",
        )
    )
    return kept


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        if (p.loc, p.message) not in seen:
            seen.add((p.loc, p.message))
            out.append(p)
    return out


def load_inventory(path) -> Inventory:
    """load + parse: the usual way in."""
    from generator.inventory.load import load_file

    return parse(load_file(path))


def json_schema() -> dict:
    """The JSON Schema of the inventory format, generated from the model."""
    schema = Inventory.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://plainnotice.example/schema/inventory-1.json"
    schema["title"] = "plainnotice data inventory (format 1)"
    return schema


__all__ = [
    "Inventory",
    "DataItem",
    "Purpose",
    "Party",
    "Text",
    "LocatedStr",
    "parse",
    "load_inventory",
    "json_schema",
    "period_days",
]
