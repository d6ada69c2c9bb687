"""The inventory's entries: each kind of data, each purpose, each party (one class per mapping).

A field whose absence the law cares about is three-valued: ``True``, ``False`` or ``None`` (not
stated). ``None`` never stands for an answer: the notice says nothing about it, and where a listed
jurisdiction needs the fact, a completeness rule (:mod:`generator.rules`) reports it.

Who gets a kind of data is everyone in ``shared_with``, ``sold_to`` and ``shared_for_ads_with``;
:class:`Receipt` says how each one gets it. :mod:`.resolve` fills in these cross-references.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from pydantic_core import PydanticCustomError

from generator.inventory.decl import Field, PrivateAttr, model_validator

from generator.inventory.fields import Bool, Country, Id, Period, Strict, Text, Url
from generator.inventory.transfers import COPY_DOC, SAFEGUARD_DOC, TRANSFERS_DOC, TransferBasis
from generator.inventory.vocab import CcpaCategory, CcpaRole, CcpaSensitive, DecisionException, LegalBasis, PartyKind, PartyRole, RequiredBy, SpecialCategoryBasis, TransferSafeguard

#: How a party gets a kind of data, in the order notices list them: the inventory key that says so.
WAYS = {"shared": "shared_with", "sold": "sold_to", "ads": "shared_for_ads_with"}


@dataclass(frozen=True, eq=False)
class Receipt:
    """One party getting one kind of data: ``ways`` are the keys of :data:`WAYS` that say how
    (``shared``: in ``shared_with``; ``sold``: in ``sold_to``; ``ads``: in ``shared_for_ads_with``)."""

    data: "DataItem"
    party: "Party"
    ways: tuple[str, ...]

    @property
    def sold(self) -> bool:
        return "sold" in self.ways

    @property
    def ads(self) -> bool:
        return "ads" in self.ways

    @property
    def shared(self) -> bool:
        return "shared" in self.ways


class Retention(Strict):
    """How long data is kept (GDPR Art. 13(2)(a); CCPA 1798.100(a)(3)): a period or the criteria."""

    period: Optional[Period] = Field(None, description="'<number> <days|weeks|months|years>', e.g. '2 years'.")
    criteria: Optional[Text] = Field(None, description="If there is no fixed period: what decides how long.")
    after: Optional[Text] = Field(None, description="When the period starts, e.g. 'you close your account'.")
    reason: Optional[Text] = Field(None, description="Why it is kept that long, e.g. 'tax law requires it'.")
    law: Optional[Text] = Field(
        None,
        description="The law that sets the period, when one does, e.g. 'Portuguese VAT Code, Art. 52' (GDPR Art. 13(2)(a)). "
        "The notice shows it next to the period.",
    )
    or_until: Optional[Text] = Field(
        None,
        description="With `period`: an event that can make you keep it longer, e.g. 'any legal claim the images are "
        "evidence in has ended'. The notice shows it after the period as 'Or until, if that is later: <or_until>'.",
    )

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
        if self.or_until is not None and self.period is None:
            raise PydanticCustomError(
                "retention_or_until", "'or_until' extends a 'period': give 'period' too, or put it all in 'criteria'"
            )
        return self


class DataItem(Strict):
    """One kind of personal data you collect (GDPR Art. 14(1)(d); CCPA 1798.110(c)(1))."""

    id: Id = Field(description="Short id used to refer to this entry, e.g. contact.")
    name: Text = Field(
        description="Name people understand, e.g. 'Contact details'. A noun phrase: the notice shows it as a label, "
        "a heading and a table cell, never inside a sentence."
    )
    examples: list[Text] = Field(default_factory=list, description="Examples of what it includes.")
    ccpa_category: Optional[CcpaCategory] = Field(
        None, description="CCPA category (Civ. Code 1798.140(v)). Required for us_ca."
    )
    sensitive: Bool = Field(
        False, description="Special-category data (GDPR Art. 9) or sensitive personal information (CCPA 1798.140(ae))."
    )
    ccpa_sensitive: Optional[CcpaSensitive] = Field(
        None,
        description="For sensitive personal information under the CCPA: which kind, by its subdivision of Civ. Code "
        "1798.140(ae) (e.g. precise_geolocation, health, account_access). Setting it makes the entry sensitive under "
        "the CCPA; keep ccpa_category for its 1798.140(v)(1) category (e.g. geolocation). Required for us_ca when the "
        "entry is sensitive (11 CCR 7011(e)(1)(A)).",
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
    sensitive_use_limited: Optional[Bool] = Field(
        None,
        description="For sensitive personal information under the CCPA: true if you use it only for the purposes "
        "11 CCR 7027(m) permits; false if you use it for more, and then you need controls.limit_sensitive_url. "
        "Left out: not stated (for us_ca a completeness rule asks for it, 11 CCR 7011(e)(1)(K)).",
    )
    sources: list[str] = Field(
        min_length=1,
        description="Where it comes from: you, your_device, observed, inferred, public_sources, or a party id.",
    )
    public_source_names: list[Text] = Field(
        default_factory=list,
        description="With `public_sources`: which public sources, e.g. 'the national business register (KRS)' "
        "(GDPR Art. 14(2)(f) asks from which source). The notice lists them after 'Public sources'.",
    )
    observed_how: Optional[Text] = Field(
        None,
        description="With `observed`: how you record it, e.g. 'cameras in our stores' or 'we record calls to our "
        "helpline'. The notice shows it after 'Recorded by us'.",
    )
    about_others: Optional[Text] = Field(
        None,
        description="When the data is about other people than the reader: who they are, e.g. 'the people you name as "
        "emergency contacts'. The notice shows it as 'Whose data it is'.",
    )
    published_to: Optional[Text] = Field(
        None,
        description="When you publish it by design (reviews, comments, profiles, photos): who can see it, e.g. "
        "'everyone who visits our website'. Everyone who can read it is a recipient (GDPR Art. 13(1)(e)): the notice "
        "lists them with the recipients.",
    )
    inferred_from: list[Id] = Field(default_factory=list, description="Data ids this is worked out from.")
    required: Optional[Bool] = Field(
        None,
        description="For data the person gives you (`you` in sources): whether they must give it (GDPR Art. 13(2)(e)). "
        "Left out: not stated, and the notice says nothing about it (for eu_gdpr/uk_gdpr a completeness rule asks "
        "for it). Not asked of data you get another way.",
    )
    required_by: Optional[RequiredBy] = Field(
        None, description="Why it is required: law, contract or entering_contract (Art. 13(2)(e))."
    )
    if_not_provided: Optional[Text] = Field(None, description="What happens if people do not give it.")
    retention: Retention = Field(description="How long it is kept.")
    shared_with: list[Id] = Field(
        default_factory=list,
        description="Party ids that receive it, other than those in sold_to and shared_for_ads_with (the notice "
        "lists all three as recipients, each labelled by how the party gets it).",
    )
    sold: Optional[Bool] = Field(
        None,
        description="Sold, as CCPA 1798.140(ad) defines selling, now or in the last 12 months. false: not sold now "
        "and not in the last 12 months. Required for us_ca; left out, the notice says nothing about selling.",
    )
    shared_for_ads: Optional[Bool] = Field(
        None,
        description="Shared for cross-context behavioral advertising (CCPA 1798.140(ah)), now or in the last 12 "
        "months. false: not shared so now and not in the last 12 months. Required for us_ca; left out, the notice "
        "says nothing about it.",
    )
    sold_to: list[Id] = Field(default_factory=list, description="Party ids it is sold to.")
    shared_for_ads_with: list[Id] = Field(default_factory=list, description="Party ids it is shared with for ads.")

    _purposes: list = PrivateAttr(default_factory=list)
    _receipts: list = PrivateAttr(default_factory=list)
    _source_parties: list = PrivateAttr(default_factory=list)
    _inferred_from: list = PrivateAttr(default_factory=list)

    @property
    def purposes(self) -> list["Purpose"]:
        """Purposes that use this data."""
        return self._purposes

    @property
    def receipts(self) -> list[Receipt]:
        """Everyone who gets it and how (:class:`Receipt`), in the order of shared_with, sold_to, shared_for_ads_with."""
        return self._receipts

    @property
    def recipients(self) -> list["Party"]:
        """Parties that get it: shared_with, sold_to and shared_for_ads_with together, each once."""
        return [r.party for r in self._receipts]

    @property
    def source_parties(self) -> list["Party"]:
        """Parties named in `sources`."""
        return self._source_parties

    @property
    def from_person(self) -> bool:
        """True when all of it comes from the person (Art. 13), False when some does not (Art. 14)."""
        return all(s in ("you", "your_device", "observed") for s in self.sources)

    @property
    def special(self) -> bool:
        """Special-category data under GDPR Art. 9(1): `special_category`, which defaults to `sensitive`."""
        return self.special_category if self.special_category is not None else self.sensitive

    @property
    def ca_sensitive(self) -> bool:
        """Sensitive personal information under CCPA 1798.140(ae): `sensitive`, `ccpa_sensitive`, or that CCPA category."""
        return (
            self.sensitive
            or self.ccpa_sensitive is not None
            or (self.ccpa_category is not None and self.ccpa_category.value == "sensitive_personal_information")
        )

    @property
    def recipients_stated(self) -> bool:
        """True when the file lists this entry's recipients (shared_with, sold_to or shared_for_ads_with is
        written, even as ``[]``): only then can the notice say that no one else gets it."""
        return bool({"shared_with", "sold_to", "shared_for_ads_with"} & self.model_fields_set)

    @property
    def collected_from_person(self) -> bool:
        """True when some of it is collected from the person (`you`, `your_device` or `observed`: GDPR Art. 13)."""
        return any(s in ("you", "your_device", "observed") for s in self.sources)

    @property
    def given_by_person(self) -> bool:
        """True when the person gives some of it (`you` in sources): Art. 13(2)(e) asks whether they must."""
        return "you" in self.sources


class AutomatedDecision(Strict):
    """A decision made by automated means with legal or similar effect (GDPR Art. 22, 13(2)(f); UK GDPR
    Art. 22A-22D)."""

    solely_automated: Optional[Bool] = Field(
        None,
        description="true: no person takes part in the decision in a meaningful way (GDPR Art. 22(1); UK GDPR "
        "Art. 22A(1)(a)). false: a person checks every result and decides, so Art. 22 does not apply; the notice "
        "says so. Required for eu_gdpr/uk_gdpr.",
    )
    exception: Optional[DecisionException] = Field(
        None,
        description="For a solely automated decision: why the law allows it, contract, law or explicit_consent (GDPR "
        "Art. 22(2)). Required for eu_gdpr; legitimate interests is not one of them.",
    )
    law: Optional[Text] = Field(
        None, description="With `exception: law`: the law that allows the decision (GDPR Art. 22(2)(b))."
    )

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
        description="For a solely automated decision: how to get a person to step in, give your view and challenge "
        "the decision. Required where the law gives these rights: GDPR Art. 22(3) (exception contract or "
        "explicit_consent), UK GDPR Art. 22C (every solely automated decision).",
    )


class Purpose(Strict):
    """Why you use data (GDPR Art. 13(1)(c); CCPA 1798.110(c)(3))."""

    id: Id = Field(description="Short id, e.g. accounts.")
    name: Text = Field(
        description="The purpose in a few words: a noun phrase such as 'Bookings and reminders' or 'Fraud checks'. "
        "The notice shows it as a label or heading, never inside a sentence."
    )
    description: Optional[Text] = Field(None, description="What you do, in one or two plain sentences.")
    data: list[Id] = Field(min_length=1, description="Data ids used for this purpose.")
    legal_basis: Optional[LegalBasis] = Field(None, description="GDPR Art. 6(1) basis. Required for eu_gdpr/uk_gdpr.")
    legitimate_interest: Optional[Text] = Field(
        None, description="The interest pursued, when legal_basis is legitimate_interests (Art. 13(1)(d))."
    )
    withdraw: Optional[Text] = Field(
        None,
        description="How to withdraw consent, when legal_basis is consent or the purpose uses data under explicit "
        "consent (Art. 9(2)(a)) (Art. 13(2)(c)).",
    )
    object: Optional[Text] = Field(
        None, description="How to object, for legitimate_interests or public_task (Art. 21)."
    )
    law: Optional[Text] = Field(
        None,
        description="The law behind the purpose, when legal_basis is legal_obligation or public_task, e.g. 'EU "
        "Directive 2021/514 (DAC7), as Polish tax law implements it' (GDPR Art. 6(3)). The notice shows it next to "
        "the legal basis.",
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
    name: Text = Field(
        description="Name of the company, or the kind of recipient (a noun phrase, e.g. 'Parcel carriers'). "
        "Shown as a label and a heading, never inside a sentence."
    )
    role: PartyRole = Field(description="What the party is to you.")
    kind: Optional[PartyKind] = Field(
        None,
        description="Who the party is: company, companies, public_body, individual or individuals. The notice "
        "describes the party with it. Left out: public_body for role public_authority, otherwise the notice "
        "uses words that fit any kind.",
    )
    ccpa_role: Optional[CcpaRole] = Field(
        None,
        description="What the party is under the CCPA: service_provider, contractor or third_party (Civ. Code "
        "1798.140(ag), (j), (ai)). Left out: role service_provider, contractor or third_party is used as it is; "
        "controller and joint_controller mean third_party (they use the data for their own purposes, so they are "
        "not working for you); processor means service_provider, so set ccpa_role if your contract with a processor "
        "lacks the 1798.140(ag) terms (then it is a third_party). A party that data is sold to or shared with for "
        "cross-context ads is a third_party (1798.140(ad), (ah)).",
    )
    purpose: Optional[Text] = Field(None, description="Why they get the data.")
    country: Optional[Country] = Field(None, description="Country where they process data (ISO 3166-1 alpha-2).")
    countries: Optional[list[Country]] = Field(None, description="Countries, when there are several.")
    privacy_policy: Optional[Url] = Field(None, description="Link to their privacy policy.")
    transfer_safeguard: Optional[TransferSafeguard] = Field(None, description=SAFEGUARD_DOC)
    transfers: Optional[list[TransferBasis]] = Field(None, description=TRANSFERS_DOC)
    safeguard_copy: Optional[Text] = Field(None, description=COPY_DOC)

    _receipts: list = PrivateAttr(default_factory=list)
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
    def receipts(self) -> list[Receipt]:
        """The data this party gets and how (:class:`Receipt`), in inventory order."""
        return self._receipts

    @property
    def data_items(self) -> list[DataItem]:
        """Data this party gets: shared with it, sold to it or shared with it for ads."""
        return [r.data for r in self._receipts]

    @property
    def data_from(self) -> list[DataItem]:
        """Data this party gives us (entries that name it in `sources`)."""
        return self._supplied

    @property
    def ccpa_role_or_derived(self) -> Optional[str]:
        """``ccpa_role``, else derived from ``role`` as the field's description says; None for a
        public authority (not named by the CCPA's three roles)."""
        if self.ccpa_role is not None:
            return self.ccpa_role.value
        if any(r.sold or r.ads for r in self._receipts):
            return "third_party"  # selling and sharing are to a third party (1798.140(ad), (ah))
        r = self.role.value
        if r in ("service_provider", "contractor", "third_party"):
            return r
        if r in ("controller", "joint_controller"):
            return "third_party"
        if r == "processor":
            return "service_provider"
        return None

    @property
    def kind_or_derived(self) -> Optional[str]:
        """``kind``, or ``public_body`` for role public_authority, else None (not known)."""
        if self.kind is not None:
            return self.kind.value
        return "public_body" if self.role == PartyRole.public_authority else None
