"""Controlled vocabularies of the inventory format.

Each enum's docstring says where the law defines it; the docstrings and member notes end up in the
JSON Schema and the format reference, so editors can show them as help.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from importlib import resources


class _Doc(str, Enum):
    """A string enum whose members carry a one-line explanation (``notes``)."""

    def __str__(self) -> str:  # "consent", not "LegalBasis.consent"
        return self.value


class Jurisdiction(_Doc):
    """Where the notice must comply. eu_gdpr: Regulation (EU) 2016/679; uk_gdpr: UK GDPR and the
    Data Protection Act 2018; us_ca: California Consumer Privacy Act as amended by the CPRA
    (Civ. Code 1798.100 ff.) and 11 CCR 7000 ff."""

    eu_gdpr = "eu_gdpr"
    uk_gdpr = "uk_gdpr"
    us_ca = "us_ca"


class LegalBasis(_Doc):
    """Lawful basis for a purpose, GDPR Art. 6(1)(a)-(f)."""

    consent = "consent"  # 6(1)(a)
    contract = "contract"  # 6(1)(b)
    legal_obligation = "legal_obligation"  # 6(1)(c)
    vital_interests = "vital_interests"  # 6(1)(d)
    public_task = "public_task"  # 6(1)(e)
    legitimate_interests = "legitimate_interests"  # 6(1)(f)


LEGAL_BASIS_ARTICLE = {
    "consent": "Art. 6(1)(a)",
    "contract": "Art. 6(1)(b)",
    "legal_obligation": "Art. 6(1)(c)",
    "vital_interests": "Art. 6(1)(d)",
    "public_task": "Art. 6(1)(e)",
    "legitimate_interests": "Art. 6(1)(f)",
}


class SpecialCategoryBasis(_Doc):
    """Condition for processing special-category data (health, biometrics, beliefs, ...), GDPR Art. 9(2)(a)-(j)."""

    explicit_consent = "explicit_consent"  # 9(2)(a)
    employment_social_security = "employment_social_security"  # 9(2)(b)
    vital_interests = "vital_interests"  # 9(2)(c)
    not_for_profit_body = "not_for_profit_body"  # 9(2)(d)
    made_public_by_person = "made_public_by_person"  # 9(2)(e)
    legal_claims = "legal_claims"  # 9(2)(f)
    substantial_public_interest = "substantial_public_interest"  # 9(2)(g)
    health_or_social_care = "health_or_social_care"  # 9(2)(h)
    public_health = "public_health"  # 9(2)(i)
    archiving_research_statistics = "archiving_research_statistics"  # 9(2)(j)


SPECIAL_CATEGORY_ARTICLE = {
    "explicit_consent": "Art. 9(2)(a)",
    "employment_social_security": "Art. 9(2)(b)",
    "vital_interests": "Art. 9(2)(c)",
    "not_for_profit_body": "Art. 9(2)(d)",
    "made_public_by_person": "Art. 9(2)(e)",
    "legal_claims": "Art. 9(2)(f)",
    "substantial_public_interest": "Art. 9(2)(g)",
    "health_or_social_care": "Art. 9(2)(h)",
    "public_health": "Art. 9(2)(i)",
    "archiving_research_statistics": "Art. 9(2)(j)",
}


class CcpaCategory(_Doc):
    """Category of personal information as named in Cal. Civ. Code 1798.140(v)(1)(A)-(L) and
    sensitive personal information, 1798.140(ae)."""

    identifiers = "identifiers"  # (v)(1)(A)
    customer_records = "customer_records"  # (v)(1)(B), 1798.80(e)
    protected_classifications = "protected_classifications"  # (v)(1)(C)
    commercial_information = "commercial_information"  # (v)(1)(D)
    biometric_information = "biometric_information"  # (v)(1)(E)
    internet_activity = "internet_activity"  # (v)(1)(F)
    geolocation = "geolocation"  # (v)(1)(G)
    sensory_data = "sensory_data"  # (v)(1)(H)
    professional_information = "professional_information"  # (v)(1)(I)
    education_information = "education_information"  # (v)(1)(J)
    inferences = "inferences"  # (v)(1)(K)
    sensitive_personal_information = "sensitive_personal_information"  # (v)(1)(L), (ae)


#: The statute's own names, shown in the California section (11 CCR 7011(e)(1)(A) asks for them).
CCPA_CATEGORY_NAMES = {
    "identifiers": "Identifiers",
    "customer_records": "Personal information categories listed in Cal. Civ. Code 1798.80(e)",
    "protected_classifications": "Characteristics of protected classifications",
    "commercial_information": "Commercial information",
    "biometric_information": "Biometric information",
    "internet_activity": "Internet or other electronic network activity information",
    "geolocation": "Geolocation data",
    "sensory_data": "Audio, electronic, visual, thermal, olfactory, or similar information",
    "professional_information": "Professional or employment-related information",
    "education_information": "Non-public education information",
    "inferences": "Inferences drawn to create a profile",
    "sensitive_personal_information": "Sensitive personal information",
}


class SourceKind(_Doc):
    """Where data comes from, besides a party id from `parties` (GDPR Art. 14(2)(f); CCPA 1798.110(c)(2))."""

    you = "you"  # the person gives it
    your_device = "your_device"  # collected from the person's device or browser
    inferred = "inferred"  # we work it out from other data (see inferred_from)
    public_sources = "public_sources"  # publicly accessible sources, Art. 14(2)(f)


class PartyRole(_Doc):
    """What a party is to us: GDPR Art. 4(7)-(10), Art. 26; CCPA 1798.140(ag), (ai), (j)."""

    controller = "controller"
    joint_controller = "joint_controller"
    processor = "processor"
    service_provider = "service_provider"
    contractor = "contractor"
    third_party = "third_party"
    public_authority = "public_authority"


class TransferSafeguard(_Doc):
    """How a transfer outside the EEA/UK is protected: GDPR Art. 45 (adequacy), 46 (appropriate
    safeguards), 47 (binding corporate rules), 49 (derogations)."""

    adequacy_decision = "adequacy_decision"  # Art. 45
    eu_us_data_privacy_framework = "eu_us_data_privacy_framework"  # Art. 45, Decision (EU) 2023/1795; UK Extension
    standard_contractual_clauses = "standard_contractual_clauses"  # Art. 46(2)(c)
    uk_idta = "uk_idta"  # UK International Data Transfer Agreement, UK GDPR Art. 46
    uk_addendum = "uk_addendum"  # UK Addendum to the EU SCCs
    binding_corporate_rules = "binding_corporate_rules"  # Art. 47
    code_of_conduct = "code_of_conduct"  # Art. 46(2)(e)
    certification = "certification"  # Art. 46(2)(f)
    derogation_explicit_consent = "derogation_explicit_consent"  # Art. 49(1)(a)
    derogation_contract = "derogation_contract"  # Art. 49(1)(b)


SAFEGUARD_ARTICLE = {
    "adequacy_decision": "Art. 45",
    "eu_us_data_privacy_framework": "Art. 45; Decision (EU) 2023/1795",
    "standard_contractual_clauses": "Art. 46(2)(c)",
    "uk_idta": "UK GDPR Art. 46(2)(d)",
    "uk_addendum": "UK GDPR Art. 46(2)(d)",
    "binding_corporate_rules": "Art. 47",
    "code_of_conduct": "Art. 46(2)(e)",
    "certification": "Art. 46(2)(f)",
    "derogation_explicit_consent": "Art. 49(1)(a)",
    "derogation_contract": "Art. 49(1)(b)",
}


class RequestKind(_Doc):
    """How people can send a privacy request (GDPR Art. 12(2); CCPA 1798.130(a)(1))."""

    web = "web"  # a web form: needs url
    email = "email"  # needs address
    phone = "phone"  # needs number
    app = "app"  # inside the app: needs where
    post = "post"  # by letter: needs address


class CookieKind(_Doc):
    """What a cookie is for (ePrivacy Directive Art. 5(3): only essential cookies need no consent)."""

    essential = "essential"
    preferences = "preferences"
    analytics = "analytics"
    advertising = "advertising"


class CookieParty(_Doc):
    """Who sets the cookie: our own site (first) or another company (third)."""

    first = "first"
    third = "third"


class Region(_Doc):
    """Where a representative acts: EU (GDPR Art. 27) or UK (UK GDPR Art. 27)."""

    EU = "EU"
    UK = "UK"


class RequiredBy(_Doc):
    """Why data is required, GDPR Art. 13(2)(e): by law, by a contract, or to enter a contract."""

    law = "law"
    contract = "contract"
    entering_contract = "entering_contract"


class Metric(_Doc):
    """A readability formula (textstat). Grade metrics use `max`; flesch_reading_ease uses `min`."""

    flesch_kincaid_grade = "flesch_kincaid_grade"
    flesch_reading_ease = "flesch_reading_ease"
    smog_index = "smog_index"
    coleman_liau_index = "coleman_liau_index"
    automated_readability_index = "automated_readability_index"
    dale_chall_readability_score = "dale_chall_readability_score"
    gunning_fog = "gunning_fog"


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English short name (shipped data, see the file's header)."""
    out: dict[str, str] = {}
    text = resources.files("generator").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name = line.split("\t", 1)
        out[code] = name
    return out
