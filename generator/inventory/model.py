"""The typed inventory model: one class per mapping of the format.

Every field has a description: the JSON Schema (``plainnotice schema``) and the format reference
(``docs/inventory-format.md``) are generated from them. Unknown keys are errors (``extra="forbid"``).
Cross-references (data -> parties, purposes -> data, ...) are filled in by :mod:`.resolve`, so
later stages get objects, not ids; :func:`generator.inventory.parse.parse` is the way in.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Optional

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from generator.inventory.fields import Bool, Country, Email, Id, Int, Lang, Num, Period, Phone, Strict, Text, Url, check_email
from generator.inventory.load import Document
from generator.inventory.vocab import (
    CcpaCategory, CookieKind, CookieParty, Jurisdiction, LegalBasis, Metric, PartyRole, Region,
    RequestKind, RequiredBy, SpecialCategoryBasis, TransferSafeguard,
)

SUPPORTED_FORMATS = (1,)


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
        """Country codes: `country` as a one-item list, or `countries`."""
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


#: The one field each kind of request method takes (the JSON Schema says the same: :mod:`.schemagen`).
METHOD_FIELD = {"web": "url", "email": "address", "phone": "number", "app": "where", "post": "address"}


class RequestMethod(Strict):
    """One way to send a privacy request."""

    kind: RequestKind = Field(description="web, email, phone, app or post.")
    url: Optional[Url] = Field(None, description="For web: the form's address.")
    address: Optional[Text] = Field(None, description="For email: the e-mail address; for post: the postal address.")
    number: Optional[Phone] = Field(None, description="For phone: the number.")
    toll_free: Optional[Bool] = Field(None, description="For phone: free to call (CCPA 1798.130(a)(1)). Left out: read from the number.")
    where: Optional[Text] = Field(None, description="For app: where in the app, e.g. 'Settings > Privacy'.")
    _phone: Any = PrivateAttr(None)  # phones.PhoneFacts of a phone method, after parse()

    @field_validator("address")
    @classmethod
    def _email_address(cls, value, info: ValidationInfo):
        if value is not None and info.data.get("kind") == RequestKind.email:
            if value.is_map:
                raise PydanticCustomError("bad_email", "an e-mail address is one address, not a map of languages")
            check_email(value.get())
        return value

    @model_validator(mode="after")
    def _fields(self):
        need = METHOD_FIELD[self.kind.value]
        if getattr(self, need) is None:
            raise PydanticCustomError(
                "method_field", "a request method of kind '{kind}' needs '{need}'", {"kind": self.kind.value, "need": need}
            )
        allowed = {need, "kind"} | ({"toll_free"} if self.kind == RequestKind.phone else set())
        for other in ("url", "address", "number", "where", "toll_free"):
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
        """The `Party` named in `provider`, or None."""
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
        """True when the notice covers eu_gdpr or uk_gdpr."""
        return bool(self.jurisdiction_set & {"eu_gdpr", "uk_gdpr"})
