"""Issue 16 for the EU GDPR and the UK GDPR: each right as its article gives it, per purpose basis;
automated decisions with their Art. 22(2) exception (UK: Art. 22A-22C); the UK's own words
(DPA 2018 s.164A complaints to us, UK GDPR Art. 12A, 15(1A)); the lead authority only where Art. 56
applies; and the format additions (the law behind a purpose or a period, data made public by
design, named public sources, data about other people, what we record ourselves, "X, or until Y,
whichever is later").

Every test reads the sentence the notice prints for one basis, law or case, on companies unlike the
shipped example (a UK web shop, a Belgian public library, a UK sole trader, a Polish marketplace, a
health app), and asserts what could fail: the sentence, and its absence where the law does not give it.
"""

from __future__ import annotations

import pytest

from conftest import ALL_FIXTURES, FIXTURES, SHIPPED, variant
from generator.errors import InputError
from generator.inventory.load import load_text
from generator.inventory.parse import parse
from generator.notice.checklist import find_section
from generator.notice.render import render
from generator.rules import check_completeness

UK_SHOP = FIXTURES / "uk_shop.yml"
LIBRARY = FIXTURES / "eu_public_library.yml"
BLOG = FIXTURES / "uk_sole_trader_blog.yml"
P2P = FIXTURES / "p2p_marketplace.yml"
HEALTH = FIXTURES / "big_health_app.yml"
HR = FIXTURES / "eu_uk_hr_platform.yml"

# one purpose of the UK shop, to be replaced per case: (basis line, extra lines)
SHOP_PURPOSE = "    data: [orders]\n    legal_basis: contract\n"


def _inv(text: str):
    return parse(load_text(text, "inv.yml"))


def _pages(text: str):
    inv = _inv(text)
    return inv, render(inv)


def _notice(text: str) -> str:
    return _pages(text)[1].pages["notice.md"].markdown


def _section(md: str, anchor: str) -> str:
    found = find_section(md, anchor)
    assert found is not None, anchor
    return md[found[0] : found[1]]


def shop(basis: str, extra: str = "", juris: str = "[uk_gdpr]") -> str:
    """The UK shop (a US company selling to the UK) with its one purpose on ``basis``; for the EU
    it also has an EU representative (Art. 27)."""
    edits = [
        (SHOP_PURPOSE, f"    data: [orders]\n    legal_basis: {basis}\n{extra}"),
        ("  jurisdictions: [uk_gdpr]\n", f"  jurisdictions: {juris}\n"),
    ]
    if "eu_gdpr" in juris:
        edits.append(("    transfer_safeguard: uk_idta\n", "    transfer_safeguard: uk_addendum\n"))
        edits.append(("  representatives:\n", "  representatives:\n    - {region: EU, name: Rep Services EU BV, address: \"Keizersgracht 1, Amsterdam, Netherlands\"}\n"))
    return variant(*edits, base=UK_SHOP)


# ------------------------------------------------------------------------------------------------
# (a) Each right per purpose basis (GDPR / UK GDPR Art. 17-21)
# ------------------------------------------------------------------------------------------------

OBJECT_21_1 = "Your reasons must be about your own situation. We then stop, unless we can show strong legitimate reasons that outweigh your interests and rights, or we need the data for legal claims."
ERASE_CONSENT = "- you withdraw your consent, and we have no other legal basis to use it"
ERASE_OBJECT = "- you object, and we have no stronger legitimate reason to go on"
RESTRICT_OBJECTION = "- you objected, while we check whose reasons weigh more"
PORTABLE = "This right covers data you gave us that we use by computer because you agreed or for a contract with you."
PORTABLE_FEASIBLE = "If we have the technical means, we send it to them directly."
MARKETING = "If we use your data for direct marketing, you can object to that at any time. We then stop using it for marketing."


@pytest.mark.parametrize(
    "basis,extra,objects,erases_consent,portable",
    [
        ("consent", '    withdraw: Email us to stop.\n', False, True, True),
        ("contract", "", False, False, True),
        ("legal_obligation", "    law: Companies Act 2006, section 388\n", False, False, False),
        ("vital_interests", "", False, False, False),
        ("public_task", "", True, False, False),
        ("legitimate_interests", "    legitimate_interest: Keeping our records in order.\n", True, False, False),
    ],
)
def test_each_right_follows_the_purposes_basis(basis, extra, objects, erases_consent, portable):
    rights = _section(_notice(shop(basis, extra)), "your-rights")
    obj = _section(rights, "right-to-object")
    # Art. 21(1): only for (e) and (f), with the article's own test
    assert ("**You have the right to object.**" in obj) is objects
    assert (OBJECT_21_1 in obj) is objects
    if basis == "public_task":
        assert "Where we use your data for a public task, you can object at any time." in obj
    if basis == "legitimate_interests":
        assert "Where we use your data for legitimate interests, you can object at any time. The interests can be ours or someone else's." in obj
    # Art. 21(2): direct marketing can rest only on consent or legitimate interests
    assert (MARKETING in obj) is (basis in ("consent", "legitimate_interests"))
    # Art. 17(1)(b), (c) and Art. 18(1)(d), each only with its basis
    erase = _section(rights, "right-to-erasure")
    assert (ERASE_CONSENT in erase) is erases_consent
    assert (ERASE_OBJECT in erase) is objects
    assert "- we used it unlawfully" in erase and "- a law says we must delete it" in erase
    assert (RESTRICT_OBJECTION in _section(rights, "right-to-restriction")) is objects
    # Art. 20: consent or contract only, "where technically feasible"
    port = _section(rights, "right-to-portability")
    assert (PORTABLE in port and PORTABLE_FEASIBLE in port) is portable
    if not portable:
        assert "None of the purposes in this notice rests on either." in port
    # Art. 7(3): withdrawal only for consent
    assert ("### Withdraw your consent" in rights) is (basis == "consent")


def test_uk_objection_covers_recognised_legitimate_interests():
    ea = "    legitimate_interest: Detecting and preventing crime.\n"
    notice = _notice(shop("recognised_legitimate_interest", ea))
    purpose = _section(notice, "purpose-delivery")
    assert "- **Legal basis:** a recognised legitimate interest (UK GDPR Art. 6(1)(ea))" in purpose
    assert "- **The recognised legitimate interest:** Detecting and preventing crime\\." in purpose
    assert "- **To object:** use one of the [ways to ask](#how-to-ask)." in purpose
    obj = _section(notice, "right-to-object")
    assert "Where we use your data for a recognised legitimate interest, you can object at any time." in obj
    assert OBJECT_21_1 in obj
    assert ERASE_OBJECT in _section(notice, "right-to-erasure")
    assert check_completeness(_inv(shop("recognised_legitimate_interest", ea))) == []
    # the EU GDPR has no (ea)
    # (the shop's UK Addendum does not cover data from the EEA either: eu.transfers, issue 16 item 3)
    found = check_completeness(_inv(shop("recognised_legitimate_interest", ea, juris="[eu_gdpr, uk_gdpr]")))
    assert sorted(f.rule for f in found) == ["eu.recognised_legitimate_interest", "eu.transfers"]


def test_three_objection_bases_are_one_list():
    text = variant(
        (SHOP_PURPOSE, "    data: [orders]\n    legal_basis: legitimate_interests\n    legitimate_interest: Records.\n"
         "  - id: crime\n    name: Crime checks\n    data: [orders]\n    legal_basis: recognised_legitimate_interest\n"
         "    legitimate_interest: Detecting crime.\n  - id: task\n    name: Public task\n    data: [orders]\n    legal_basis: public_task\n"
         "    law: Some Act 2020\n"),
        base=UK_SHOP,
    )
    obj = _section(_notice(text), "right-to-object")
    assert "Where we use your data for legitimate interests, a recognised legitimate interest or for a public task, you can object at any time. The interests can be ours or someone else's." in obj


def test_the_objection_names_each_purpose_with_its_own_way_or_the_ways_to_ask():
    li = "    legitimate_interest: Keeping our records in order.\n"
    obj = _section(_notice(shop("legitimate_interests", li)), "right-to-object")
    assert "- **[Deliver your order](#purpose-delivery):** use one of the [ways to ask](#how-to-ask)." in obj
    obj = _section(_notice(shop("legitimate_interests", li + "    object: Reply STOP to any message.\n")), "right-to-object")
    assert "- **[Deliver your order](#purpose-delivery):** Reply STOP to any message\\." in obj
    assert "see [Object]" not in obj  # no loop back to itself


def test_profiling_on_consent_is_withdrawn_not_objected_to():
    # the health app's personal plans are consent-based profiling; the marketplace's fraud scoring is on LI
    prof = _section(_notice(HEALTH.read_text(encoding="utf-8")), "profiling")
    assert "- **You can withdraw your consent (see [Withdraw your consent](#withdraw-consent)):** [Personal training plans]" in prof
    assert "You can object to it" not in prof
    prof = _section(_notice(P2P.read_text(encoding="utf-8")), "profiling")
    assert "- **You can object to it (see [Object](#right-to-object)):** [Stop fraud and scams](#purpose-fraud)" in prof
    assert "withdraw your consent" not in prof


def test_recipients_are_told_of_corrections_only_when_there_are_recipients():
    art19 = "When we correct or delete your data, or limit how we use it, we tell everyone we gave it to."
    assert art19 in _section(_notice(shop("contract")), "right-to-restriction")
    text = UK_SHOP.read_text(encoding="utf-8").replace("    shared_with: [couriers, support_desk]\n", "    shared_with: []\n")
    alone = text[: text.index("parties:")] + "parties: []\n" + text[text.index("\n# How to ask") :]
    assert art19 not in _notice(alone)


def test_erasure_of_data_from_an_online_service_for_children_only_when_the_inventory_says_so():
    ground = "- we collected it when you were a child, through an online service we offer to children"
    assert ground not in _notice(LIBRARY.read_text(encoding="utf-8"))
    text = variant(("children:\n", "children:\n  information_society_service: true\n"), base=LIBRARY)
    assert ground in _section(_notice(text), "right-to-erasure")


def test_published_data_is_erased_with_reasonable_steps_to_tell_others():
    art17_2 = "If we published the data, we take reasonable steps to tell others who use it that you asked for it to be deleted."
    assert art17_2 in _section(_notice(LIBRARY.read_text(encoding="utf-8")), "right-to-erasure")
    assert art17_2 not in _notice(shop("contract"))


def test_answer_times_in_each_laws_own_words():
    eu = _section(_notice(shop("contract", juris="[eu_gdpr]")), "your-rights")
    uk = _section(_notice(shop("contract")), "your-rights")
    # GDPR Art. 12(3): one month of receipt, extendable by two
    assert "We answer without undue delay, and at the latest one month after we get your request." in eu
    assert "If requests are complex or many, we can take up to two more months." in eu
    # UK GDPR Art. 12A(2), (5): the month starts at the latest of request, ID information, fee; the clock stops
    assert "The month starts when we receive your request, and any information or fee we asked for." in uk
    assert "If we need you to tell us more about what you want from an access request, the time stops until you reply." in uk
    assert "time stops" not in eu and "The month starts" not in eu
    # UK GDPR Art. 15(1A), in the access right, UK only
    assert "We search for your data in a reasonable and proportionate way." in _section(uk, "right-of-access")
    assert "reasonable and proportionate" not in eu
    both = _section(_notice(shop("contract", juris="[eu_gdpr, uk_gdpr]")), "your-rights")
    assert "**In the UK:** We search for your data in a reasonable and proportionate way." in both
    for text in (eu, uk, both):
        assert "30 days" not in text.split("### Complain")[0]


# ------------------------------------------------------------------------------------------------
# (b) Automated decisions: GDPR Art. 22(1)-(4), 13(2)(f); UK GDPR Art. 22A-22C
# ------------------------------------------------------------------------------------------------

DECISION = """    automated_decision:
      solely_automated: {solely}
{extra}      what: Our system decides whether we accept your order.
      logic: It checks the delivery address against addresses where parcels went missing.
      effect: If it says no, we cannot take your order.
"""


def shop_decision(solely: str, extra: str = "", juris: str = "[uk_gdpr]", basis: str = "contract", review: bool = True) -> str:
    block = DECISION.format(solely=solely, extra=extra)
    if review:
        block += "      human_review: Reply to the email and a person will look at it within 2 days.\n"
    return shop(basis, block, juris)


def test_a_person_who_checks_every_result_means_art_22_does_not_apply():
    _, result = _pages(shop_decision("false", juris="[eu_gdpr, uk_gdpr]", review=False))
    notice = result.pages["notice.md"].markdown
    dec = _section(notice, "decision-delivery")
    assert "A person checks every result and decides. So the law's rules for decisions made by a computer alone do not apply (GDPR Art. 22(1); UK GDPR Art. 22A(1))." in dec
    assert "Why the law allows it" not in dec and "computer makes this decision alone" not in dec
    assert "### Ask for a person to review a decision" not in notice
    assert "Decided by a computer" not in result.pages["index.md"].markdown
    # (the shop's UK Addendum does not cover data from the EEA: eu.transfers, issue 16 item 3, not this test's)
    assert [f for f in check_completeness(_inv(shop_decision("false", juris="[eu_gdpr, uk_gdpr]", review=False))) if f.rule != "eu.transfers"] == []


@pytest.mark.parametrize(
    "exception,why",
    [
        ("contract", "it is needed to make or carry out a contract with you (GDPR Art. 22(2)(a))"),
        ("explicit_consent", "your explicit consent (GDPR Art. 22(2)(c))"),
    ],
)
def test_a_decision_by_computer_alone_names_its_exception_and_the_22_3_rights(exception, why):
    notice = _notice(shop_decision("true", f"      exception: {exception}\n", juris="[eu_gdpr]"))
    dec = _section(notice, "decision-delivery")
    assert "A computer makes this decision alone, with no person taking part in a meaningful way." in dec
    assert f"- **Why the law allows it:** {why}" in dec
    assert "- **Your rights:** see [Ask for a person to review a decision](#automated-decision-rights)" in dec
    rights = _section(notice, "automated-decision-rights")
    assert "you can ask for a person at our company to step in, give us your view, and challenge the decision." in rights
    assert "- **[Deliver your order](#decision-delivery):** Reply to the email and a person will look at it within 2 days\\." in rights


def test_a_decision_a_law_allows_has_that_laws_safeguards_in_the_eu_and_22c_rights_in_the_uk():
    extra = "      exception: law\n      law: Fraud Act 2099, section 1\n"
    eu = _notice(shop_decision("true", extra, juris="[eu_gdpr]"))
    dec = _section(eu, "decision-delivery")
    assert "- **Why the law allows it:** a law allows it (GDPR Art. 22(2)(b))" in dec
    assert "- **The law:** Fraud Act 2099, section 1" in dec
    assert "The law that allows this decision also sets out measures to protect your rights and interests." in dec
    assert "### Ask for a person to review a decision" not in eu  # Art. 22(3) covers (a) and (c) only
    both = _notice(shop_decision("true", extra, juris="[eu_gdpr, uk_gdpr]"))
    assert "In the EU, the law that allows this decision also sets out measures" in _section(both, "decision-delivery")
    assert "### Ask for a person to review a decision" in both  # UK GDPR Art. 22C: every such decision


def test_the_uk_needs_no_exception_but_always_gives_the_22c_rights():
    text = shop_decision("true")  # UK only, no exception
    assert check_completeness(_inv(text)) == []
    notice = _notice(text)
    assert "Why the law allows it" not in notice
    assert "step in, give us your view, and challenge the decision" in _section(notice, "automated-decision-rights")
    findings = check_completeness(_inv(shop_decision("true", review=False)))
    assert [(f.rule, f.citation) for f in findings] == [("gdpr.automated_decision", "UK GDPR Art. 13(2)(f), 14(2)(g), 22C")]


def test_no_exception_is_a_finding_in_the_eu_and_legitimate_interests_is_not_one():
    li = "    legitimate_interest: Stopping fraud.\n"
    text = shop(
        "legitimate_interests",
        li + DECISION.format(solely="true", extra="") + "      human_review: Email us.\n",
        juris="[eu_gdpr]",
    )
    (f,) = [f for f in check_completeness(_inv(text)) if f.rule != "eu.transfers"]  # the shop's UK Addendum: not this test's
    assert f.rule == "eu.decision_exception" and f.citation == "GDPR Art. 22(2), 13(2)(f)"
    assert "its legal basis, legitimate_interests, is not one of the exceptions" in f.message


def test_special_category_data_in_a_decision_by_computer_alone():
    notice = _notice(HEALTH.read_text(encoding="utf-8"))
    dec = _section(notice, "decision-insurer-discount")
    assert "- **Why the law allows it in the EU:** your explicit consent (GDPR Art. 22(2)(c))" in dec
    assert "- **Special category data it uses:** [Fitness score](#data-fitness-score)" in dec
    # 9(2)(a) allows it (Art. 22(4)); 9(2)(h) does not
    assert check_completeness(_inv(HEALTH.read_text(encoding="utf-8"))) == []
    text = variant(
        ("    special_category_basis: explicit_consent\n    # Used for insurer discounts", "    special_category_basis: health_or_social_care\n    # Used for insurer discounts"),
        base=HEALTH,
    )
    assert "gdpr.decision_special_category" in [f.rule for f in check_completeness(_inv(text))]


def test_the_shipped_example_has_a_person_check_every_fraud_flag():
    inv, result = _pages(SHIPPED.read_text(encoding="utf-8"))
    assert check_completeness(inv) == []
    fraud = next(p for p in inv.purposes if p.id == "fraud")
    assert fraud.automated_decision.solely_automated is False
    dec = _section(result.pages["notice.md"].markdown, "decision-fraud")
    assert "A person checks every result and decides." in dec
    # made solely automated again, on legitimate interests, it is a finding (Art. 22(2))
    text = SHIPPED.read_text(encoding="utf-8").replace("      solely_automated: false\n", "      solely_automated: true\n")
    assert [f.rule for f in check_completeness(_inv(text))] == ["eu.decision_exception"]


# ------------------------------------------------------------------------------------------------
# (c) The UK's own words: DPA 2018 s.164A complaints to us, then the ICO; never the EU Art. 77 text
# ------------------------------------------------------------------------------------------------

COMPLAIN_TO_US = "You can complain to us if you think we broke data protection law with your data. Within 30 days, we confirm that we got your complaint. Then, without undue delay, we look into it, tell you how it is going and tell you the outcome."
EU_77 = "You can do this in particular in the EU country where you live or work, or where the problem happened."


def test_a_uk_only_notice_complains_to_us_first_then_to_the_ico():
    complain = _section(_notice(BLOG.read_text(encoding="utf-8")), "complain")
    assert COMPLAIN_TO_US in complain
    assert "- **How to complain to us:** Email: [sam@allotmentnotes\\.example\\.co\\.uk](mailto:sam@allotmentnotes.example.co.uk); Post: PO Box 4471" in complain
    assert complain.index(COMPLAIN_TO_US) < complain.index("You can also complain to the Information Commissioner's Office")
    assert EU_77 not in complain and "where you live" not in complain and "In the UK" not in complain
    assert "resolve" not in complain and "must complain to us first" not in complain


def test_without_complaint_methods_the_ways_to_ask_and_a_finding():
    text = variant(("  complaint_methods:\n    - {kind: email, address: help@mapleandpine.example}\n", ""), base=UK_SHOP)
    complain = _section(_notice(text), "complain")
    assert "- **How to complain to us:** use one of the [ways to ask](#how-to-ask)." in complain
    (f,) = check_completeness(_inv(text))
    assert f.rule == "uk.complaints" and f.citation == "DPA 2018 s.164A(2); UK GDPR Art. 13(2)(ca), 14(2)(da)"


def test_eu_and_uk_complaints_each_in_their_own_words():
    complain = _section(_notice(HR.read_text(encoding="utf-8")), "complain")
    eu, uk = complain.split("**In the UK:**")
    assert "**In the EU:**" in eu and EU_77 in eu and "complain to us" not in eu
    assert COMPLAIN_TO_US in uk
    assert EU_77 not in uk and "Information Commissioner's Office" in uk
    # an EU-only notice has no s.164A text
    assert "complain to us" not in _section(_notice(LIBRARY.read_text(encoding="utf-8")), "complain")


def test_uk_only_notices_cite_the_uk_gdpr_never_the_eu_instrument():
    for path in (BLOG, UK_SHOP):
        notice = _notice(path.read_text(encoding="utf-8"))
        assert "(GDPR Art." not in notice and "; GDPR Art." not in notice and "GDPR Art. 22" not in notice.replace("UK GDPR Art. 22", "")
    notice = _notice(shop_decision("false"))
    assert "(UK GDPR Art. 22A(1))" in notice and "GDPR Art. 22(1)" not in notice


# ------------------------------------------------------------------------------------------------
# (d) The lead authority only where Art. 56 applies
# ------------------------------------------------------------------------------------------------


def test_the_authority_is_lead_only_when_the_inventory_says_so():
    complain = _section(_notice(LIBRARY.read_text(encoding="utf-8")), "complain")
    assert "- **You can also complain to:** [Belgian Data Protection Authority" in complain
    assert "lead" not in complain.lower()
    inv, result = _pages(SHIPPED.read_text(encoding="utf-8"))
    assert "- **Our lead supervisory authority:** [CNPD](https://www.cnpd.pt)" in _section(result.pages["notice.md"].markdown, "complain")


def test_a_public_body_on_legal_duties_and_public_tasks_has_no_lead_authority():
    text = variant(("    url: https://www.dataprotectionauthority.be\n", "    url: https://www.dataprotectionauthority.be\n    lead: true\n"), base=LIBRARY)
    # the library's reading club rests on consent: one purpose outside Art. 55(2) is enough
    assert check_completeness(_inv(text)) == []
    text = variant(("    legal_basis: consent\n", "    legal_basis: public_task\n    law: Flemish Decree of 6 July 2012 on local cultural policy\n"), base=text)
    (f,) = check_completeness(_inv(text))
    assert f.rule == "eu.lead_authority" and f.citation == "GDPR Art. 56(1), 55(2)"
    assert "where the one-stop shop does not apply" in f.message


# ------------------------------------------------------------------------------------------------
# (e) Format additions
# ------------------------------------------------------------------------------------------------


def test_the_law_behind_a_purpose_and_a_period():
    notice = _notice(LIBRARY.read_text(encoding="utf-8"))
    lending = _section(notice, "purpose-lending")
    assert "- **The law behind it:** Flemish Decree of 6 July 2012 on local cultural policy" in lending
    cctv = _section(notice, "data-cctv")
    assert "- **The law that sets it:** Belgian Camera Act of 21 March 2007, art\\. 6" in cctv
    table = _section(notice, "retention")
    assert "| Data | How long we keep it | Why | The law that sets it |" in table
    assert "| Belgian Camera Act of 21 March 2007, art\\. 6 |" in table
    # without a law anywhere, no column
    assert "The law that sets it" not in _section(_notice(shop("contract")), "retention")
    # the rule: a legal duty or public task without its law (GDPR Art. 6(3))
    (f,) = check_completeness(_inv(shop("legal_obligation")))
    assert f.rule == "gdpr.purpose_law" and f.citation == "UK GDPR Art. 6(3), 13(1)(c)"


def test_a_period_or_until_an_event_whichever_is_later():
    cctv = _section(_notice(LIBRARY.read_text(encoding="utf-8")), "data-cctv")
    assert "- **How long we keep it:** 1 month after the recording\n- **Or until, if that is later:** the images are no longer needed to prove an offence or damage\n" in cctv
    table = _section(_notice(LIBRARY.read_text(encoding="utf-8")), "retention")
    assert "| 1 month after the recording; or until, if that is later: the images are no longer needed to prove an offence or damage |" in table
    bad = variant(("    retention: {period: 6 years}\n", "    retention: {criteria: Until you ask us, or_until: never}\n"), base=UK_SHOP)
    with pytest.raises(InputError) as e:
        _inv(bad)
    assert "'or_until' extends a 'period'" in str(e.value)


def test_what_we_record_ourselves_is_its_own_source_and_never_asked_whether_you_must_give_it():
    inv, result = _pages(LIBRARY.read_text(encoding="utf-8"))
    notice = result.pages["notice.md"].markdown
    cctv = _section(notice, "data-cctv")
    assert "- **Where it comes from:** Recorded by us" in cctv
    assert "- **How we record it:** Our cameras film the entrance, the reading rooms and the self\\-service desks\\." in cctv
    assert "Must you give it" not in cctv and "- **Where it comes from:** You" not in cctv
    sources = _section(notice, "sources")
    assert "- **[Camera images](#data-cctv):** Recorded by us\n    - **How we record it:**" in sources
    cctv_item = next(d for d in inv.data if d.id == "cctv")
    assert cctv_item.collected_from_person and cctv_item.from_person  # Art. 13, not Art. 14


def test_named_public_sources():
    notice = _notice(P2P.read_text(encoding="utf-8"))
    reg = _section(notice, "data-business-register")
    assert "- **Public sources:** the National Court Register \\(KRS\\); the Central Register of Business Activity \\(CEIDG\\); the EU VAT number check \\(VIES\\)" in reg
    text = variant(("    public_source_names: [the National Court Register (KRS), the Central Register of Business Activity (CEIDG), the EU VAT number check (VIES)]\n", ""), base=P2P)
    (f,) = check_completeness(_inv(text))
    assert f.rule == "gdpr.public_source_names" and f.citation == "GDPR Art. 14(2)(f)"


def test_data_about_other_people():
    contacts = _section(_notice(HEALTH.read_text(encoding="utf-8")), "data-contacts")
    assert "- **Whose data it is:** the people in your phone&#39;s contact list" in contacts


def test_data_made_public_by_design_is_received_by_everyone_who_can_see_it():
    inv, result = _pages(LIBRARY.read_text(encoding="utf-8"))
    notice, index = result.pages["notice.md"].markdown, result.pages["index.md"].markdown
    club = _section(notice, "data-reading-club")
    assert "- **We publish it. Who can see it:** everyone who visits the library website or reads the municipal magazine" in club
    assert "No one" not in club  # shared_with: [] yet published
    assert "- **[Reading club entries and photos](#data-reading-club):** everyone who visits" in _section(notice, "published")
    # the summary lists recipients once, below the table (issue 13): the published data's readers among them
    assert "- [everyone who visits the library website or reads the municipal magazine](notice.md#data-reading-club) (we publish it)" in index
    row = next(line for line in index.splitlines() if "[Reading club entries and photos]" in line)
    assert "No one" not in row


@pytest.mark.parametrize("name", sorted(ALL_FIXTURES))
def test_every_fixture_is_complete_under_the_new_rules(name):
    assert check_completeness(_inv(ALL_FIXTURES[name].read_text(encoding="utf-8"))) == []


def test_representatives_only_for_their_own_law():
    # a UK-only notice never shows an EU representative, even if the inventory lists one
    both = shop("contract", juris="[eu_gdpr, uk_gdpr]")
    uk_only = variant(("jurisdictions: [eu_gdpr, uk_gdpr]", "jurisdictions: [uk_gdpr]"), base=both)
    assert "### Our representative in the EU" in _notice(both)
    notice = _notice(uk_only)
    assert "### Our representative in the EU" not in notice and "### Our representative in the UK" in notice
    # the UK part points to the complaint to us (DPA 2018 s.164A)
    assert "You can also complain to us: [Complain](#complain) says how." in _section(notice, "ico")
