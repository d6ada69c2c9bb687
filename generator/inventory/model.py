"""The typed inventory model: one class per mapping of the format.

Every field has a description: the JSON Schema (``plainnotice schema``) and the format reference
(``docs/inventory-format.md``) are generated from them. Unknown keys are errors (``extra="forbid"``).
Cross-references (data -> parties, purposes -> data, ...) are filled in by :mod:`.resolve`, so
later stages get objects, not ids; :func:`generator.inventory.parse.parse` is the way in. The entries
(data, purposes, parties) are in :mod:`.entries`; this module has the rest and the whole.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Optional

from pydantic_core import PydanticCustomError
from pydantic_core.core_schema import ValidationInfo

from generator.inventory.decl import Field, PrivateAttr, field_validator, model_validator, resolve_all

from generator.inventory.entries import AutomatedDecision, DataItem, Party, Purpose, Receipt, Retention
from generator.inventory.fields import Bool, Country, Email, Id, Int, Lang, Name, Num, Phone, Strict, Text, Url, check_email
from generator.inventory.load import Document
from generator.inventory.vocab import CookieKind, CookieParty, GpcScope, Jurisdiction, Metric, Region, RequestKind

__all__ = [
    "AiSystem", "Authority", "AutomatedDecision", "Change", "Children", "Contact", "Controls", "Cookie", "DataItem", "FinancialIncentive",
    "Inventory", "Notice", "Organization", "Party", "Purpose", "Readability", "ReadabilityTarget", "Receipt",
    "Representative", "RequestMethod", "Requests", "Retention", "Security", "SUPPORTED_FORMATS", "json_schema",
]

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
    lead: Optional[Bool] = Field(
        None,
        description="true: it is your lead supervisory authority (GDPR Art. 56(1)): your main or only establishment "
        "in the EEA is in its country and your processing is cross-border (Art. 4(23)). Not for a controller without "
        "an EEA establishment, nor for processing on Art. 6(1)(c) or (e) (Art. 55(2)). Left out or false: the notice "
        "names it as one authority people can complain to, never as 'lead'.",
    )


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
        None,
        description="An EU supervisory authority people can complain to about you, usually the one where you are "
        "established (Art. 13(2)(d), 77). The notice names it as one place to complain, besides the authority where "
        "people live or work. Asked for (eu_gdpr) when you are established in the EEA.",
    )


#: Reading speed for reading time: 238 words a minute (Brysbaert 2019, silent reading of non-fiction).
WORDS_PER_MINUTE = 238
#: The summary's length gate when notice.readability.summary.max_minutes is left out.
SUMMARY_MAX_MINUTES = 2


class ReadabilityTarget(Strict):
    """A readability gate for one layer."""

    metric: Metric = Field(Metric.flesch_kincaid_grade, description="Readability formula.")
    max: Optional[Num] = Field(None, description="Highest score allowed (grade metrics).")
    min: Optional[Num] = Field(None, description="Lowest score allowed (flesch_reading_ease).")
    max_minutes: Optional[Num] = Field(
        None,
        description="Longest reading time allowed, in minutes at 238 words a minute (every word readers see). "
        "Summary: 2 when left out (write null to turn the length gate off); full notice: no limit when left out.",
    )

    @model_validator(mode="after")
    def _bound(self):
        if self.max_minutes is not None and not self.max_minutes > 0:
            raise PydanticCustomError("bad_minutes", "max_minutes must be more than 0 (null turns the length gate off)")
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

    @model_validator(mode="after")
    def _summary_minutes(self):
        # The summary is read in two minutes unless the file says otherwise (null: no length gate).
        if "max_minutes" not in self.summary.model_fields_set:
            object.__setattr__(self.summary, "max_minutes", SUMMARY_MAX_MINUTES)  # a default: not a field the file set
        return self


def _is_text(value) -> bool:
    """A free text as the format writes one: a string, or a map of language codes to strings."""
    if isinstance(value, str):
        return True
    return (
        isinstance(value, dict)
        and bool(value)
        and not set(value) & set(FinancialIncentive.model_fields)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    )


class FinancialIncentive(Strict):
    """A financial incentive, or a price or service difference, tied to personal data (Cal. Civ. Code
    1798.125(b); the notice of financial incentive, 11 CCR 7016). Each field is one item of 7016(d)."""

    name: Optional[Text] = Field(None, description="The program's name, e.g. 'Poppy Rewards'. Shown as a heading.")
    summary: Optional[Text] = Field(None, description="A short summary of what you offer (11 CCR 7016(d)(1)).")
    material_terms: Optional[Text] = Field(
        None, description="The material terms: what people get, and what they give or allow in return (7016(d)(2))."
    )
    data: list[Id] = Field(
        default_factory=list,
        description="Data ids the program uses; the notice shows their CCPA categories (7016(d)(2)).",
    )
    opt_in: Optional[Text] = Field(None, description="How people join (opt in) (7016(d)(3)).")
    withdraw: Optional[Text] = Field(None, description="How people leave the program, which they can do at any time (7016(d)(4)).")
    value: Optional[Text] = Field(
        None,
        description="Your good-faith estimate of the value of the person's data that the offer is based on (7016(d)(5)(A)). "
        "Without one you may not offer the program (11 CCR 7080(b)).",
    )
    value_method: Optional[Text] = Field(
        None, description="How you calculated that value (7016(d)(5)(B); the methods of 11 CCR 7081(a))."
    )

    _data: list = PrivateAttr(default_factory=list)
    _from_text: bool = PrivateAttr(False)  # written as one free text: that text is `summary`

    @property
    def data_items(self) -> list["DataItem"]:
        """The data entries named in `data`."""
        return self._data


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
    financial_incentives: list[FinancialIncentive] = Field(
        default_factory=list,
        description="Loyalty programs or other financial incentives tied to personal data (CCPA 1798.125(b); 11 CCR "
        "7016), each with the facts of a notice of financial incentive. A plain text item is read as its `summary` "
        "(for us_ca a completeness rule asks for the other facts).",
    )

    @field_validator("financial_incentives", mode="wrap")
    @classmethod
    def _incentive_text(cls, value, handler):
        # the format's first form: one free text (or language map of texts) per program, read as its summary
        texts = [_is_text(v) for v in value] if isinstance(value, list) else []
        if texts:
            value = [{"summary": v} if t else v for v, t in zip(value, texts)]
        out = handler(value)
        for f, t in zip(out, texts):
            f._from_text = t
        return out


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
    response_days: Optional[Int] = Field(
        None,
        ge=1,
        le=90,
        description="Days within which you aim to answer. Not printed: the notice states each law's own time limit "
        "(GDPR Art. 12(3), UK GDPR Art. 12A, CCPA 1798.130(a)(2)).",
    )
    verification: Optional[Text] = Field(None, description="How you check who is asking (11 CCR 7060).")
    agent_instructions: Optional[Text] = Field(
        None,
        description="How an authorized agent sends a request for someone, e.g. which form to use and what proof of "
        "permission to include (11 CCR 7011(e)(3)(H), 7063). Required for us_ca.",
    )
    authorized_agents: Bool = Field(
        False,
        description="Whether an authorized agent can ask for someone (11 CCR 7063). The California section states "
        "the regulation's rule for agents either way: Californians may always use one.",
    )
    appeal: Optional[Text] = Field(None, description="How to appeal if you refuse a request.")
    complaint_methods: list[RequestMethod] = Field(
        default_factory=list,
        description="Ways to complain to you about your use of personal data, such as a complaint form that can be "
        "filled in online and in other ways (DPA 2018 s.164A(2); UK GDPR Art. 13(2)(ca), 14(2)(da)). Asked for "
        "uk_gdpr; the UK part of the notice lists them before the ICO.",
    )
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
    gpc_applies_to: list[GpcScope] = Field(
        default_factory=list,
        description="What a Global Privacy Control signal opts out: browser, device, account, offline_sales "
        "(11 CCR 7011(e)(3)(F), 7025(c)(1)). Needed for us_ca when global_privacy_control is true.",
    )
    gpc_display: Optional[Text] = Field(
        None,
        description="Where and how your site shows that it honoured a person's Global Privacy Control signal, e.g. "
        "'Our privacy settings page shows Opt-out request honored' (11 CCR 7025(c)(6)). Needed for us_ca when "
        "global_privacy_control is true.",
    )
    opt_out_url: Optional[Url] = Field(None, description="'Do Not Sell or Share My Personal Information' page (1798.135).")
    limit_sensitive_url: Optional[Url] = Field(
        None, description="'Limit the Use of My Sensitive Personal Information' page (1798.135; 11 CCR 7014)."
    )


class Cookie(Strict):
    """A cookie or similar technology (ePrivacy Directive Art. 5(3))."""

    name: Name = Field(min_length=1, description="The cookie's name as the browser shows it.")
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

    minimum_age: Optional[Int] = Field(
        None, ge=0, le=21, description="Youngest age allowed to use the service. 0 or left out: no minimum age is stated."
    )
    statement: Optional[Text] = Field(None, description="What you do about children's data.")
    information_society_service: Optional[Bool] = Field(
        None,
        description="true: you offer an online service directly to children and rely on consent for it (GDPR Art. "
        "8(1)). The notice then lists the erasure ground for data collected that way (Art. 17(1)(f)).",
    )
    sells_or_shares_under_16: Optional[Bool] = Field(
        None,
        description="Whether you sell or share personal information of consumers you actually know are under 16 "
        "(CCPA 1798.120(c); 11 CCR 7011(e)(1)(G)). false: you have no such knowledge. Required for us_ca.",
    )
    opt_in_process: Optional[Text] = Field(
        None,
        description="When sells_or_shares_under_16 is true: how people aged 13 to 15 opt in, and how a parent or "
        "guardian of a child under 13 opts in (11 CCR 7070, 7071, 7072(a)).",
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
    data: list[DataItem] = Field(
        min_length=1,
        description="What you collect. Each entry is one kind of data. For us_ca: everything you collected in the "
        "last 12 months, as the California section says (CCPA 1798.110(c); 11 CCR 7011(e)(1)(A)).",
    )
    purposes: list[Purpose] = Field(min_length=1, description="Why you use it.")
    parties: list[Party] = Field(default_factory=list, description="Who else gets data, or gives you data.")
    security: Optional[Security] = Field(None, description="How you protect data.")
    requests: Optional[Requests] = Field(None, description="How people send privacy requests.")
    controls: Controls = Field(default_factory=Controls, description="Settings and signals.")
    cookies: list[Cookie] = Field(
        default_factory=list,
        description="Cookies and similar technologies. `[]` says you use none; left out, the notice says nothing "
        "about cookies.",
    )
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
    def cookies_stated(self) -> bool:
        """True when the file has a `cookies` key (``[]`` says there are none); False when it is left out."""
        return "cookies" in self.model_fields_set

    @property
    def parties_stated(self) -> bool:
        """True when the file has a `parties` key (``[]`` says no one else gets or gives data)."""
        return "parties" in self.model_fields_set

    @property
    def changes_stated(self) -> bool:
        """True when the file has a `changes` key (``[]`` says there are none yet)."""
        return "changes" in self.model_fields_set

    @property
    def gdpr(self) -> bool:
        """True when the notice covers eu_gdpr or uk_gdpr."""
        return bool(self.jurisdiction_set & {"eu_gdpr", "uk_gdpr"})


resolve_all(Inventory)  # every field's type, once: later readers of model_fields see types
