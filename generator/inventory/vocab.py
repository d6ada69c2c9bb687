"""Controlled vocabularies of the inventory format.

Each enum's docstring says where the law defines it; the docstrings and member notes end up in the
JSON Schema and the format reference, so editors can show them as help. A fact about a value is
written once, on its member: the note, the article a notice cites for it (``LegalBasis.consent.article``)
and the statute's own name of a CCPA category (``CcpaCategory.identifiers.statute_name``). The order
of the members is the order notices list them in.
"""

from __future__ import annotations

from enum import Enum


class _Doc(str, Enum):
    """A string enum whose members carry a one-line explanation (``member.note``) and, where a
    notice cites one, the article (``member.article``).

    Members are written ``name = "value", "what it means"`` or ``name = "value", "what it means",
    "Art. ..."``. The notes reach editors through the JSON Schema (``markdownEnumDescriptions``,
    shown by VS Code's YAML extension) and users through the format reference.
    """

    def __new__(cls, value: str, note: str = "", article: str = ""):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.note = note
        obj.article = article
        return obj

    def __str__(self) -> str:  # "consent", not "LegalBasis.consent"
        return self.value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        schema = handler(core_schema)
        schema["markdownEnumDescriptions"] = [f"`{m.value}`: {m.note}" for m in cls]
        return schema


class Jurisdiction(_Doc):
    """Where the notice must comply. eu_gdpr: Regulation (EU) 2016/679; uk_gdpr: UK GDPR and the
    Data Protection Act 2018; us_ca: California Consumer Privacy Act as amended by the CPRA
    (Civ. Code 1798.100 ff.) and 11 CCR 7000 ff."""

    eu_gdpr = "eu_gdpr", "EU General Data Protection Regulation (EU) 2016/679, for people in the EEA."
    uk_gdpr = "uk_gdpr", "UK GDPR and the Data Protection Act 2018, for people in the United Kingdom."
    us_ca = "us_ca", "California Consumer Privacy Act as amended by the CPRA, for California residents."


class LegalBasis(_Doc):
    """Lawful basis for a purpose, GDPR Art. 6(1)(a)-(f)."""

    consent = "consent", "Art. 6(1)(a): the person agreed to this use and can withdraw at any time.", "Art. 6(1)(a)"
    contract = "contract", "Art. 6(1)(b): needed to perform a contract with the person, or to enter one at their request.", "Art. 6(1)(b)"
    legal_obligation = "legal_obligation", "Art. 6(1)(c): a law requires it.", "Art. 6(1)(c)"
    vital_interests = "vital_interests", "Art. 6(1)(d): needed to protect someone's life.", "Art. 6(1)(d)"
    public_task = "public_task", "Art. 6(1)(e): a task in the public interest or official authority.", "Art. 6(1)(e)"
    legitimate_interests = "legitimate_interests", "Art. 6(1)(f): needed for an interest of yours or others that the person's rights do not override; name it in legitimate_interest.", "Art. 6(1)(f)"
    recognised_legitimate_interest = "recognised_legitimate_interest", "UK GDPR Art. 6(1)(ea) (from 5 February 2026): a recognised legitimate interest, one of the conditions of UK GDPR Annex 1; name it in legitimate_interest. UK only: the EU GDPR has no such basis.", "Art. 6(1)(ea)"


class SpecialCategoryBasis(_Doc):
    """Condition for processing special-category data (health, biometrics, beliefs, ...), GDPR Art. 9(2)(a)-(j)."""

    explicit_consent = "explicit_consent", "Art. 9(2)(a): the person gave explicit consent.", "Art. 9(2)(a)"
    employment_social_security = "employment_social_security", "Art. 9(2)(b): employment, social security or social protection law.", "Art. 9(2)(b)"
    vital_interests = "vital_interests", "Art. 9(2)(c): protects someone's life when they cannot consent.", "Art. 9(2)(c)"
    not_for_profit_body = "not_for_profit_body", "Art. 9(2)(d): a foundation, association or other not-for-profit body, about its members.", "Art. 9(2)(d)"
    made_public_by_person = "made_public_by_person", "Art. 9(2)(e): the person made the data public themselves.", "Art. 9(2)(e)"
    legal_claims = "legal_claims", "Art. 9(2)(f): to make or defend legal claims, or courts acting as courts.", "Art. 9(2)(f)"
    substantial_public_interest = "substantial_public_interest", "Art. 9(2)(g): substantial public interest under a law.", "Art. 9(2)(g)"
    health_or_social_care = "health_or_social_care", "Art. 9(2)(h): medical diagnosis, health or social care, by or under a professional bound by secrecy.", "Art. 9(2)(h)"
    public_health = "public_health", "Art. 9(2)(i): public health, such as serious cross-border threats to health.", "Art. 9(2)(i)"
    archiving_research_statistics = "archiving_research_statistics", "Art. 9(2)(j): archiving in the public interest, scientific or historical research, or statistics.", "Art. 9(2)(j)"


class CcpaCategory(_Doc):
    """Category of personal information as named in Cal. Civ. Code 1798.140(v)(1)(A)-(L) and
    sensitive personal information, 1798.140(ae)."""

    # the third value, ``member.statute_name``, is the statute's own term for the category, and the
    # fourth, ``member.cite``, its subdivision; both are shown in the California section (11 CCR
    # 7011(e)(1)(A) asks for "the specific terms set forth in Civil Code section 1798.140,
    # subdivisions (v)(1)(A) to (K) and (ae)(1) to (2)"). The terms are the heads of 1798.140(v)(1)'s
    # paragraphs, checked against secondary copies of the statute only (re-check at leginfo).
    def __new__(cls, value: str, note: str, statute_name: str, cite: str = ""):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.note = note
        obj.article = ""
        obj.statute_name = statute_name
        obj.cite = cite
        return obj

    identifiers = "identifiers", "1798.140(v)(1)(A): name, alias, postal or e-mail address, IP address, account name and similar.", "Identifiers", "1798.140(v)(1)(A)"
    customer_records = "customer_records", "1798.140(v)(1)(B), 1798.80(e): records such as signature, phone number, bank or card details.", "Personal information described in Cal. Civ. Code 1798.80(e)", "1798.140(v)(1)(B)"
    protected_classifications = "protected_classifications", "1798.140(v)(1)(C): characteristics protected by California or federal law, such as age or sex.", "Characteristics of protected classifications under California or federal law", "1798.140(v)(1)(C)"
    commercial_information = "commercial_information", "1798.140(v)(1)(D): what a person bought, obtained or considered buying.", "Commercial information", "1798.140(v)(1)(D)"
    biometric_information = "biometric_information", "1798.140(v)(1)(E): fingerprints, face or voice prints and similar.", "Biometric information", "1798.140(v)(1)(E)"
    internet_activity = "internet_activity", "1798.140(v)(1)(F): browsing and search history, use of a website or app.", "Internet or other electronic network activity information", "1798.140(v)(1)(F)"
    geolocation = "geolocation", "1798.140(v)(1)(G): where a person or device is.", "Geolocation data", "1798.140(v)(1)(G)"
    sensory_data = "sensory_data", "1798.140(v)(1)(H): audio, electronic, visual, thermal, olfactory or similar information.", "Audio, electronic, visual, thermal, olfactory, or similar information", "1798.140(v)(1)(H)"
    professional_information = "professional_information", "1798.140(v)(1)(I): job or employment information.", "Professional or employment-related information", "1798.140(v)(1)(I)"
    education_information = "education_information", "1798.140(v)(1)(J): education information that is not publicly available (FERPA, 20 U.S.C. 1232g).", "Education information", "1798.140(v)(1)(J)"
    inferences = "inferences", "1798.140(v)(1)(K): a profile worked out from other data, such as preferences.", "Inferences drawn from any of the information above to create a profile about a consumer", "1798.140(v)(1)(K)"
    sensitive_personal_information = "sensitive_personal_information", "1798.140(v)(1)(L), (ae): sensitive personal information; say which kind in ccpa_sensitive.", "Sensitive personal information", "1798.140(v)(1)(L)"


class CcpaSensitive(_Doc):
    """Which kind of sensitive personal information, by the subdivision of Cal. Civ. Code
    1798.140(ae) that defines it (11 CCR 7011(e)(1)(A) asks for the terms of (ae)(1) to (2))."""

    # ``statute_name``: the statute's words (checked against secondary copies only); ``plain``: the
    # plain name shown next to it; ``cite``: the subdivision.
    def __new__(cls, value: str, note: str, statute_name: str, plain: str, cite: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.note = note
        obj.article = ""
        obj.statute_name = statute_name
        obj.plain = plain
        obj.cite = cite
        return obj

    government_id = "government_id", "1798.140(ae)(1)(A): social security, driver's license, state ID card or passport number.", "Social security, driver's license, state identification card, or passport number", "Government ID numbers", "1798.140(ae)(1)(A)"
    account_access = "account_access", "1798.140(ae)(1)(B): an account log-in, or a financial account, debit or credit card number, with the code or password that opens the account.", "Account log-in, financial account, debit card, or credit card number in combination with any required security or access code, password, or credentials allowing access to an account", "Log-ins and card numbers with their passwords or codes", "1798.140(ae)(1)(B)"
    precise_geolocation = "precise_geolocation", "1798.140(ae)(1)(C): precise location.", "Precise geolocation", "Precise location", "1798.140(ae)(1)(C)"
    origin_beliefs_union = "origin_beliefs_union", "1798.140(ae)(1)(D): racial or ethnic origin, citizenship or immigration status, religious or philosophical beliefs, or union membership.", "Racial or ethnic origin, citizenship or immigration status, religious or philosophical beliefs, or union membership", "Origin, citizenship, beliefs or union membership", "1798.140(ae)(1)(D)"
    communications = "communications", "1798.140(ae)(1)(E): the contents of mail, e-mail and text messages, unless you are the intended recipient.", "The contents of mail, email, and text messages unless the business is the intended recipient of the communication", "What your messages say", "1798.140(ae)(1)(E)"
    genetic_data = "genetic_data", "1798.140(ae)(1)(F): genetic data.", "Genetic data", "Genetic data", "1798.140(ae)(1)(F)"
    neural_data = "neural_data", "1798.140(ae)(1)(G): neural data, measured from the nervous system (SB 1223, 2024).", "Neural data", "Data about your nervous system", "1798.140(ae)(1)(G)"
    biometric_identification = "biometric_identification", "1798.140(ae)(2)(A): biometric information processed to identify a person.", "The processing of biometric information for the purpose of uniquely identifying a consumer", "Biometric data used to identify you", "1798.140(ae)(2)(A)"
    health = "health", "1798.140(ae)(2)(B): personal information collected and analyzed about a person's health.", "Personal information collected and analyzed concerning a consumer's health", "Health information", "1798.140(ae)(2)(B)"
    sex_life = "sex_life", "1798.140(ae)(2)(C): personal information collected and analyzed about a person's sex life or sexual orientation.", "Personal information collected and analyzed concerning a consumer's sex life or sexual orientation", "Sex life or sexual orientation", "1798.140(ae)(2)(C)"


class CcpaRole(_Doc):
    """What a party that gets data is under the CCPA (Cal. Civ. Code 1798.140(ag), (j), (ai))."""

    service_provider = "service_provider", "Processes data for you, for a business purpose, under a written contract with the terms of 1798.140(ag).", "1798.140(ag)"
    contractor = "contractor", "Gets data from you for a business purpose under a written contract with the terms of 1798.140(j).", "1798.140(j)"
    third_party = "third_party", "Anyone else: not you, not your service provider or contractor (1798.140(ai)).", "1798.140(ai)"


class GpcScope(_Doc):
    """What an opt-out preference signal applies to (11 CCR 7011(e)(3)(F), 7025(c))."""

    browser = "browser", "The browser that sends it, and any profile linked to it (7025(c)(1))."
    device = "device", "The device that sends it, and any profile linked to it (7025(c)(1))."
    account = "account", "The person's account, when you know who they are (7025(c)(1))."
    offline_sales = "offline_sales", "Also selling or sharing of data you collected offline, such as in a store, when you know who the person is."


class SourceKind(_Doc):
    """Where data comes from, besides a party id from `parties` (GDPR Art. 14(2)(f); CCPA 1798.110(c)(2))."""

    you = "you", "The person gives it to you."
    your_device = "your_device", "Collected from the person's device or browser."
    inferred = "inferred", "You work it out from other data; list that data in inferred_from."
    public_sources = "public_sources", "Publicly accessible sources (Art. 14(2)(f)); name them in public_source_names."
    observed = "observed", "You record it yourself while the person deals with you, e.g. store cameras, call recordings or till records (GDPR Art. 13: collected from the person); say how in observed_how."


class PartyRole(_Doc):
    """What a party is to us: GDPR Art. 4(7)-(10), Art. 26; CCPA 1798.140(ag), (ai), (j)."""

    controller = "controller", "Decides on its own why and how it uses the data (GDPR Art. 4(7))."
    joint_controller = "joint_controller", "Decides together with you why and how data is used (GDPR Art. 26)."
    processor = "processor", "Uses the data only on your instructions (GDPR Art. 4(8), Art. 28)."
    service_provider = "service_provider", "Processes data for you under a written contract (CCPA 1798.140(ag))."
    contractor = "contractor", "Gets data from you for a business purpose under a written contract (CCPA 1798.140(j))."
    third_party = "third_party", "Anyone else who receives the data (GDPR Art. 4(10); CCPA 1798.140(ai))."
    public_authority = "public_authority", "A regulator, court, police or tax office."


class PartyKind(_Doc):
    """Who a party is, so the notice can describe it in words that fit (GDPR Art. 13(1)(e) asks for
    recipients or categories of recipients; a recipient can be a person, GDPR Art. 4(9))."""

    company = "company", "One company or other organisation."
    companies = "companies", "Several companies or organisations of one kind, e.g. 'Parcel carriers'."
    public_body = "public_body", "A public body: a regulator, court, police, tax office or other authority."
    individual = "individual", "One person, e.g. a self-employed adviser."
    individuals = "individuals", "People, e.g. 'The other user in a sale' or 'Your doctors'."


class TransferSafeguard(_Doc):
    """One basis for every transfer to a party, under both laws (the older, single field; `transfers`
    gives each country and each law its own). A value counts only under the law that has it: the EU
    tools (`eu_us_data_privacy_framework`, `standard_contractual_clauses`, `binding_corporate_rules`,
    `code_of_conduct`, `certification`) for transfers from the EEA, the UK tools (`uk_idta`,
    `uk_addendum`) for transfers from the UK; `adequacy_decision` and the two derogations under both.
    GDPR Art. 45-49; UK GDPR Art. 44A-49."""

    adequacy_decision = "adequacy_decision", "The recipient is covered by the EU adequacy decision (GDPR Art. 45) and the UK adequacy regulations (UK GDPR Art. 45A) for its country.", "Art. 45"
    eu_us_data_privacy_framework = "eu_us_data_privacy_framework", "EU only: the US recipient is certified under the EU-US Data Privacy Framework (GDPR Art. 45; Decision (EU) 2023/1795). It does not say the recipient joined the UK Extension: use `transfers` with `uk: uk_us_data_bridge`.", "Art. 45; Decision (EU) 2023/1795"
    standard_contractual_clauses = "standard_contractual_clauses", "EU only: the EU standard contractual clauses (GDPR Art. 46(2)(c)). Alone they do not cover UK data: use `transfers` with `uk: uk_addendum` or `uk: uk_idta`.", "Art. 46(2)(c)"
    uk_idta = "uk_idta", "UK only: the International Data Transfer Agreement issued by the ICO (UK GDPR Art. 46(2)(d)).", "UK GDPR Art. 46(2)(d)"
    uk_addendum = "uk_addendum", "UK only: the UK Addendum to the EU standard contractual clauses, issued by the ICO (UK GDPR Art. 46(2)(d)). For EU data, name the EU clauses in `transfers` with `eu: standard_contractual_clauses`.", "UK GDPR Art. 46(2)(d)"
    binding_corporate_rules = "binding_corporate_rules", "EU only: binding corporate rules approved under GDPR Art. 47. Rules approved by the ICO: `transfers` with `uk: uk_binding_corporate_rules`.", "Art. 46(2)(b), 47"
    code_of_conduct = "code_of_conduct", "EU only: an approved code of conduct with binding commitments (GDPR Art. 46(2)(e)).", "Art. 46(2)(e)"
    certification = "certification", "EU only: an approved certification with binding commitments (GDPR Art. 46(2)(f)).", "Art. 46(2)(f)"
    derogation_explicit_consent = "derogation_explicit_consent", "Both laws: no adequacy decision or safeguard; the person explicitly agreed to the transfer after being told the risks (GDPR / UK GDPR Art. 49(1)(a)).", "Art. 49(1)(a)"
    derogation_contract = "derogation_contract", "Both laws: no adequacy decision or safeguard; the transfer is needed for a contract with the person (GDPR / UK GDPR Art. 49(1)(b)).", "Art. 49(1)(b)"


class EuTransferBasis(_Doc):
    """Why the EU GDPR allows a transfer out of the EEA: an adequacy decision (Art. 45), a safeguard
    (Art. 46, 47) or a derogation (Art. 49(1)). Name a value only where it is needed: a country the
    EU adequacy list covers in full needs none."""

    adequacy_decision = "adequacy_decision", "The recipient is within the EU adequacy decision for its country, where it covers only some recipients (e.g. Canada: commercial organisations under PIPEDA). Art. 45.", "Art. 45"
    eu_us_data_privacy_framework = "eu_us_data_privacy_framework", "The US recipient is certified under the EU-US Data Privacy Framework. Art. 45; Commission Implementing Decision (EU) 2023/1795.", "Art. 45; Decision (EU) 2023/1795"
    standard_contractual_clauses = "standard_contractual_clauses", "A safeguard: the standard contractual clauses adopted by the European Commission. Art. 46(2)(c); Commission Implementing Decision (EU) 2021/914.", "Art. 46(2)(c)"
    binding_corporate_rules = "binding_corporate_rules", "A safeguard: binding corporate rules approved under Art. 47. Art. 46(2)(b).", "Art. 46(2)(b), 47"
    code_of_conduct = "code_of_conduct", "A safeguard: an approved code of conduct with binding and enforceable commitments of the recipient. Art. 46(2)(e).", "Art. 46(2)(e)"
    certification = "certification", "A safeguard: an approved certification with binding and enforceable commitments of the recipient. Art. 46(2)(f).", "Art. 46(2)(f)"
    derogation_explicit_consent = "derogation_explicit_consent", "A derogation: the person explicitly agreed to the transfer after being told its risks. Art. 49(1)(a); not for public authorities using their powers (49(3)).", "Art. 49(1)(a)"
    derogation_contract = "derogation_contract", "A derogation: needed for a contract between the person and you, or for steps they asked for before one. Art. 49(1)(b); not for public authorities using their powers.", "Art. 49(1)(b)"
    derogation_contract_in_their_interest = "derogation_contract_in_their_interest", "A derogation: needed for a contract made in the person's interest between you and someone else. Art. 49(1)(c); not for public authorities using their powers.", "Art. 49(1)(c)"
    derogation_public_interest = "derogation_public_interest", "A derogation: needed for important reasons of public interest. Art. 49(1)(d).", "Art. 49(1)(d)"
    derogation_legal_claims = "derogation_legal_claims", "A derogation: needed to establish, exercise or defend legal claims. Art. 49(1)(e).", "Art. 49(1)(e)"
    derogation_vital_interests = "derogation_vital_interests", "A derogation: needed to protect someone's vital interests when the person cannot give consent. Art. 49(1)(f).", "Art. 49(1)(f)"
    derogation_public_register = "derogation_public_register", "A derogation: made from a public register, as the law on that register allows. Art. 49(1)(g).", "Art. 49(1)(g)"


class UkTransferBasis(_Doc):
    """Why the UK GDPR allows a transfer out of the UK (UK GDPR Art. 44A): regulations approving it
    (Art. 45A, the UK's adequacy regulations), a safeguard (Art. 46) or a derogation (Art. 49). Name a
    value only where it is needed: a country the UK list covers in full (the EEA included) needs none."""

    adequacy_regulations = "adequacy_regulations", "The recipient is within the UK adequacy regulations for its country, where they cover only some recipients (e.g. Canada: PIPEDA; Japan: APPI). UK GDPR Art. 45A.", "UK GDPR Art. 45A"
    uk_us_data_bridge = "uk_us_data_bridge", "The US recipient is on the Data Privacy Framework List as taking part in the UK Extension to the EU-US Data Privacy Framework (the \"UK-US data bridge\"). UK GDPR Art. 45A; The Data Protection (Adequacy) (United States of America) Regulations 2023, SI 2023/1028.", "UK GDPR Art. 45A; SI 2023/1028"
    uk_idta = "uk_idta", "A safeguard: the International Data Transfer Agreement issued by the ICO. UK GDPR Art. 46(2)(d); DPA 2018 s. 119A.", "UK GDPR Art. 46(2)(d)"
    uk_addendum = "uk_addendum", "A safeguard: the EU standard contractual clauses with the UK Addendum issued by the ICO. UK GDPR Art. 46(2)(d); DPA 2018 s. 119A.", "UK GDPR Art. 46(2)(d)"
    uk_binding_corporate_rules = "uk_binding_corporate_rules", "A safeguard: binding corporate rules approved by the ICO. UK GDPR Art. 46(2)(b), 47.", "UK GDPR Art. 46(2)(b), 47"
    derogation_explicit_consent = "derogation_explicit_consent", "A derogation: the person explicitly agreed to the transfer after being told its risks. UK GDPR Art. 49.", "UK GDPR Art. 49"
    derogation_contract = "derogation_contract", "A derogation: needed for a contract between the person and you, or for steps they asked for before one. UK GDPR Art. 49.", "UK GDPR Art. 49"
    derogation_contract_in_their_interest = "derogation_contract_in_their_interest", "A derogation: needed for a contract made in the person's interest between you and someone else. UK GDPR Art. 49.", "UK GDPR Art. 49"
    derogation_public_interest = "derogation_public_interest", "A derogation: needed for important reasons of public interest. UK GDPR Art. 49.", "UK GDPR Art. 49"
    derogation_legal_claims = "derogation_legal_claims", "A derogation: needed to establish, exercise or defend legal claims. UK GDPR Art. 49.", "UK GDPR Art. 49"
    derogation_vital_interests = "derogation_vital_interests", "A derogation: needed to protect someone's vital interests when the person cannot give consent. UK GDPR Art. 49.", "UK GDPR Art. 49"
    derogation_public_register = "derogation_public_register", "A derogation: made from a public register, as the law on that register allows. UK GDPR Art. 49.", "UK GDPR Art. 49"


class RequestKind(_Doc):
    """How people can send a privacy request (GDPR Art. 12(2); CCPA 1798.130(a)(1))."""

    web = "web", "A web form: give its url."
    email = "email", "E-mail: give the address."
    phone = "phone", "Phone: give the number with its country code; whether it is toll-free is read from the number."
    app = "app", "Inside your app: say where, e.g. Settings > Privacy."
    post = "post", "By letter: give the postal address."


class CookieKind(_Doc):
    """What a cookie is for (ePrivacy Directive Art. 5(3): only essential cookies need no consent)."""

    essential = "essential", "Needed for the service the person asked for; no consent needed (ePrivacy Art. 5(3))."
    preferences = "preferences", "Remembers choices such as language."
    analytics = "analytics", "Counts visits and measures use."
    advertising = "advertising", "Shows or measures ads, often across sites."


class CookieParty(_Doc):
    """Who sets the cookie: our own site (first) or another company (third)."""

    first = "first", "Set by your own site."
    third = "third", "Set by another company; name it in provider."


class Region(_Doc):
    """Where a representative acts: EU (GDPR Art. 27) or UK (UK GDPR Art. 27)."""

    EU = "EU", "Representative in the EU (GDPR Art. 27)."
    UK = "UK", "Representative in the UK (UK GDPR Art. 27)."


class DecisionException(_Doc):
    """Why the law allows a decision based solely on automated processing with legal or similarly
    significant effect, GDPR Art. 22(2)(a)-(c)."""

    contract = "contract", "Art. 22(2)(a): the decision is needed to enter into, or perform, a contract with the person.", "Art. 22(2)(a)"
    law = "law", "Art. 22(2)(b): a law allows it and sets measures to protect the person; name it in law.", "Art. 22(2)(b)"
    explicit_consent = "explicit_consent", "Art. 22(2)(c): the person gave explicit consent to the decision.", "Art. 22(2)(c)"


class RequiredBy(_Doc):
    """Why data is required, GDPR Art. 13(2)(e): by law, by a contract, or to enter a contract."""

    law = "law", "A law requires the person to give it."
    contract = "contract", "Your contract with the person requires it."
    entering_contract = "entering_contract", "Needed to enter into a contract."


class Metric(_Doc):
    """A readability formula (textstat). Grade metrics use `max`; flesch_reading_ease uses `min`."""

    flesch_kincaid_grade = "flesch_kincaid_grade", "US school grade; lower is easier. Use max."
    flesch_reading_ease = "flesch_reading_ease", "0-100; higher is easier. Use min."
    smog_index = "smog_index", "SMOG grade; lower is easier. Use max."
    coleman_liau_index = "coleman_liau_index", "Coleman-Liau grade; lower is easier. Use max."
    automated_readability_index = "automated_readability_index", "ARI grade; lower is easier. Use max."
    dale_chall_readability_score = "dale_chall_readability_score", "Dale-Chall score; lower is easier. Use max."
    gunning_fog = "gunning_fog", "Gunning fog grade; lower is easier. Use max."
