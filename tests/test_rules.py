"""Stage 2, the completeness rules: each rule fires on the inventory entry it is about, only for
its jurisdictions, with its citation; the reference inventory and other companies' inventories
pass with no findings; the EEA and adequacy lists are well-formed data with a source and a date.

RULE_CASES: (id, inventory, edits, expected findings as (rule, line:column, message)). Each row
starts from a complete inventory and removes or changes one thing.
"""

from __future__ import annotations

import datetime as dt
import json
import pytest

from conftest import COMPANIES, NEW_FIXTURES, REFERENCE, SHIPPED, variant
from generator.cli import main
from generator.inventory.load import load_file, load_text
from generator.inventory.parse import parse
from generator.inventory.geography import adequacy, country_from_address, eea
from generator.rules import RULES, check_completeness
from generator.rules.gdpr import established_in
from generator.inventory.geography import countries

FILES = {"ref": REFERENCE, **COMPANIES}


def findings_for(text: str):
    return check_completeness(parse(load_text(text, "inv.yml")))


def edited(name: str, edits) -> str:
    return variant(*edits, base=FILES[name])


RULE_CASES = [
    (
        'legal_basis',
        'ref',
        [('    legal_basis: contract\n\n  - id: allergy_sharing', '\n  - id: allergy_sharing')],
        [('gdpr.legal_basis', '140:5', "purpose 'accounts' has no legal basis")],
    ),
    (
        'legitimate_interest',
        'ref',
        [('    legitimate_interest: Keeping the app working and easy to use.\n', '')],
        [('gdpr.legitimate_interest', '164:18', "purpose 'improve' relies on legitimate interests but does not say which interest")],
    ),
    (
        'withdraw_consent',
        'ref',
        [('    withdraw: Turn off location access in your phone settings.\n', '')],
        [('gdpr.withdraw_consent', '157:18', "purpose 'nearby' relies on consent but does not say how to withdraw it")],
    ),
    (
        'withdraw_explicit_consent_data',
        'ref',
        [('    legal_basis: consent\n    withdraw: Turn off "Share allergy notes" in Settings, or delete the notes.\n', '    legal_basis: contract\n')],
        [('gdpr.withdraw_consent', '146:5', "purpose 'allergy_sharing' uses allergy_notes, which relies on explicit consent, but does not say how to withdraw it")],
    ),
    (
        'special_category',
        'ref',
        [('    special_category_basis: explicit_consent\n', '')],
        [('gdpr.special_category', '81:16', "data 'allergy_notes' is special-category data but names no Art. 9(2) condition")],
    ),
    (
        'special_category_flag',
        'clinic',
        [('    sources: [public_sources]\n', '    sources: [public_sources]\n    special_category: true\n')],
        [('gdpr.special_category', '57:23', "data 'reviews' is special-category data but names no Art. 9(2) condition")],
    ),
    (
        'special_category_false_is_respected',
        'ref',
        [('    special_category_basis: explicit_consent\n', '    special_category: false\n')],
        [],
    ),
    (
        'required',
        'ref',
        [('    required: true\n    if_not_provided: We cannot create your account or confirm your bookings.\n', '')],
        [('gdpr.required', '41:5', "data 'contact' comes from the person, but the inventory does not say whether they must give it")],
    ),
    (
        # Art. 13(2)(e) is about data the person gives: not asked of device, inferred or third-party data
        'required_not_asked_of_other_data',
        'ref',
        [('    sources: [your_device]\n    required: false\n    if_not_provided: You can type a town name instead.\n', '    sources: [your_device]\n'),
         ('    inferred_from: [bookings]\n    required: false\n', '    inferred_from: [bookings]\n')],
        [],
    ),
    (
        # data about other people (referees, contacts) is not collected from them: Art. 14 for them, no 13(2)(e)
        'required_not_asked_of_data_about_others',
        'ref',
        [('    required: true\n    if_not_provided: We cannot create your account or confirm your bookings.\n', '    about_others: the people you book for\n')],
        [],
    ),
    (
        'if_not_provided',
        'ref',
        [('    if_not_provided: We cannot make a booking for you.\n', '')],
        [('gdpr.if_not_provided', '58:15', "data 'bookings' is required but the inventory does not say what happens without it")],
    ),
    (
        'data_source',
        'ref',
        [('    inferred_from: [bookings]\n', '')],
        [('gdpr.data_source', '130:15', "data 'preferences' is inferred but does not say from which data")],
    ),
    (
        # recipients are shared_with, sold_to and shared_for_ads_with together: no need to repeat a buyer
        'recipients_sold_to_is_enough',
        'clinic',
        [('    sources: [public_sources]\n', '    sources: [public_sources]\n    sold_to: [survey]\n')],
        [],
    ),
    (
        'recipients_third_party_cookie',
        'clinic',
        [('    party: third\n    provider: survey\n', '    party: third\n')],
        [('gdpr.recipients', '120:12', "third-party cookie 'survey_session' does not name the company that sets it")],
    ),
    (
        'eu_transfer_partial',
        'ref',
        [('    transfers: [{eu: eu_us_data_privacy_framework, uk: uk_us_data_bridge}]\n', '')],
        [('eu.transfers', '224:5', "party 'email_service' (Postmark (ActiveCampaign LLC)) receives data in United States (US), where the EU adequacy decision covers only companies certified under the EU-US Data Privacy Framework, and names no basis for it"), ('uk.transfers', '224:5', "party 'email_service' (Postmark (ActiveCampaign LLC)) receives data in United States (US), where the UK adequacy regulations cover only companies taking part in the UK Extension to the EU-US Data Privacy Framework, and names no basis for it")],
    ),
    (
        'eu_transfer_none',
        'clinic',
        [('    country: US\n    transfer_safeguard: standard_contractual_clauses\n', '    country: IN\n')],
        [('eu.transfers', '102:5', "party 'survey' (SurveyCo Inc.) receives data in India (IN), outside the EEA, where there is no EU adequacy decision (the EU adequacy list was checked 2026-12-01), and names no safeguard or derogation for it")],
    ),
    (
        'eu_transfer_false_adequacy',
        'clinic',
        [('transfer_safeguard: standard_contractual_clauses', 'transfer_safeguard: adequacy_decision')],
        [('eu.transfers', '106:25', "party 'survey' (SurveyCo Inc.) names an EU adequacy decision for United States (US), but the EU adequacy list (checked 2026-12-01) does not cover this transfer: for United States it covers only companies certified under the EU-US Data Privacy Framework")],
    ),
    (
        'eu_transfer_uk_only_tool',
        'clinic',
        [('transfer_safeguard: standard_contractual_clauses', 'transfer_safeguard: uk_idta')],
        [('eu.transfers', '106:25', "party 'survey' (SurveyCo Inc.) relies on uk_idta for United States (US): the UK International Data Transfer Agreement covers transfers from the UK only, not from the EEA")],
    ),
    (
        'eu_transfer_dpf_outside_us',
        'clinic',
        [('    country: US\n    transfer_safeguard: standard_contractual_clauses', '    countries: [US, IN]\n    transfer_safeguard: eu_us_data_privacy_framework')],
        [('eu.transfers', '106:25', "party 'survey' (SurveyCo Inc.) relies on the EU-US Data Privacy Framework, which covers US companies only, but receives data in India (IN)")],
    ),
    (
        'uk_transfer_none',
        'uk',
        [('    transfer_safeguard: uk_idta\n', '')],
        [('uk.transfers', '40:5', "party 'support_desk' (Helpline Services Pvt Ltd) receives data in India (IN), outside the UK, where no UK adequacy regulations apply (the UK adequacy list was checked 2026-12-01), and names no safeguard or derogation for it")],
    ),
    (
        'uk_transfer_eu_clauses_alone',
        'travel',
        [('      - eu: standard_contractual_clauses\n        uk: uk_addendum\n', '      - eu: standard_contractual_clauses\n')],
        [('uk.transfers', '93:9', "party 'support' (Helpdesk India Pvt Ltd) receives data in India (IN), outside the UK, where no UK adequacy regulations apply (the UK adequacy list was checked 2026-12-01), and names no safeguard or derogation for it")],
    ),
    (
        'uk_transfer_dpf_is_not_the_uk_extension',
        'travel',
        [('      - eu: eu_us_data_privacy_framework\n        uk: uk_us_data_bridge\n', '      - eu: eu_us_data_privacy_framework\n')],
        [('uk.transfers', '86:9', "party 'mailer' (Postbird Inc.) receives data in United States (US), where the UK adequacy regulations cover only companies taking part in the UK Extension to the EU-US Data Privacy Framework, and names no basis for it")],
    ),
    (
        'uk_transfer_legacy_dpf',
        'travel',
        [('    transfers:\n      - eu: eu_us_data_privacy_framework\n        uk: uk_us_data_bridge\n', '    transfer_safeguard: eu_us_data_privacy_framework\n')],
        [('uk.transfers', '85:25', "party 'mailer' (Postbird Inc.) relies on eu_us_data_privacy_framework for United States (US): the EU-US Data Privacy Framework covers transfers from the EEA; transfers from the UK need the UK Extension to it")],
    ),
    (
        'uk_transfer_legacy_clauses',
        'travel',
        [('    transfers:\n      - eu: standard_contractual_clauses\n        uk: uk_addendum\n        safeguard_copy:', '    transfer_safeguard: standard_contractual_clauses\n    safeguard_copy:')],
        [('uk.transfers', '92:25', "party 'support' (Helpdesk India Pvt Ltd) relies on standard_contractual_clauses for India (IN): the EU standard contractual clauses alone do not cover transfers from the UK")],
    ),
    (
        'eu_transfer_partial_canada',
        'travel',
        [('      - eu: adequacy_decision\n        uk: adequacy_regulations\n', '      - uk: adequacy_regulations\n')],
        [('eu.transfers', '114:9', "party 'tours_canada' (Maple Tours Inc.) receives data in Canada (CA), where the EU adequacy decision covers only businesses subject to PIPEDA, a Canadian privacy law, and names no basis for it")],
    ),
    (
        'uk_transfer_partial_japan',
        'travel',
        [('      - countries: [JP]\n        uk: adequacy_regulations\n', '')],
        [('uk.transfers', '71:5', "party 'hotels' (The hotels you stay at) receives data in Japan (JP), where the UK adequacy regulations cover only data covered by the APPI, a Japanese privacy law, and names no basis for it")],
    ),
    (
        'uk_transfer_bridge_outside_us',
        'travel',
        [('    country: IN\n    transfers:\n      - eu: standard_contractual_clauses\n        uk: uk_addendum', '    country: IN\n    transfers:\n      - eu: standard_contractual_clauses\n        uk: uk_us_data_bridge')],
        [('uk.transfers', '94:13', "party 'support' (Helpdesk India Pvt Ltd) relies on the UK Extension to the EU-US Data Privacy Framework, which covers US companies only, but receives data in India (IN)")],
    ),
    (
        'eu_safeguard_copy',
        'clinic',
        [('    safeguard_copy: {de: Schreiben Sie uns., en: Write to us.}\n', '')],
        [('eu.safeguard_copy', '106:25', "party 'survey' (SurveyCo Inc.) receives data in United States (US) under a safeguard (standard_contractual_clauses), but the inventory does not say how people can get a copy of it")],
    ),
    (
        'uk_safeguard_copy',
        'uk',
        [('    safeguard_copy: Email help@mapleandpine.example for a copy of the agreement.\n', '')],
        [('uk.safeguard_copy', '44:25', "party 'support_desk' (Helpline Services Pvt Ltd) receives data in India (IN) under a safeguard (uk_idta), but the inventory does not say how people can get a copy of it")],
    ),
    (
        'travel_brazil_uk',
        'travel',
        [('    transfers:\n      - uk: derogation_explicit_consent\n', '')],
        [('uk.transfers', '116:5', "party 'insurer_brazil' (Seguro Viagem S.A.) receives data in Brazil (BR), outside the UK, where no UK adequacy regulations apply (the UK adequacy list was checked 2026-12-01), and names no safeguard or derogation for it")],
    ),
    (
        'supervisory_authority',
        'ref',
        [('  supervisory_authority:\n    name: Comissão Nacional de Proteção de Dados (CNPD)\n    url: https://www.cnpd.pt\n', '')],
        [('eu.supervisory_authority', '12:3', 'the inventory does not name the supervisory authority for EU complaints')],
    ),
    (
        'supervisory_authority_only_asked_of_an_eea_establishment',
        'ref',
        [('Rua Augusta 100, 1100-053 Lisboa, Portugal', '500 Fifth Avenue, New York, NY 10110, United States'),
         ('  supervisory_authority:\n    name: Comissão Nacional de Proteção de Dados (CNPD)\n    url: https://www.cnpd.pt\n', '')],
        [('eu.representative', '14:12', 'you are established in US, outside the EU/EEA, and name no representative with region EU')],
    ),
    (
        'eu_representative',
        'ref',
        [('Rua Augusta 100, 1100-053 Lisboa, Portugal', '500 Fifth Avenue, New York, NY 10110, United States')],
        [('eu.representative', '14:12', 'you are established in US, outside the EU/EEA, and name no representative with region EU')],
    ),
    (
        'established_in_wins_over_address',
        'ref',
        [('  contact_email: privacy@fernway.example\n', '  contact_email: privacy@fernway.example\n  established_in: [CH]\n')],
        [('eu.representative', '17:19', 'you are established in CH, outside the EU/EEA, and name no representative with region EU')],
    ),
    (
        'uk_representative',
        'ref',
        [('  representatives:\n    - region: UK\n      name: Fernway UK Representative Ltd\n      address: 20 Market Street, Leeds LS1 6DT, United Kingdom\n      email: uk-rep@fernway.example\n', '')],
        [('uk.representative', '14:12', 'you are established in PT, outside the UK, and name no representative with region UK')],
    ),
    (
        'representative_unknown_country',
        'uk',
        [('80 State Street, Albany, NY 12207, USA', '80 State Street, Albany, NY 12207')],
        [('uk.representative', '6:12', 'plainnotice cannot tell from the address which country you are established in, so it cannot check whether you need a representative in the UK')],
    ),
    (
        'automated_decision',
        'ref',
        [('      logic: It compares the booking with signs we have seen before, such as many bookings from one card in a short time.\n', ''), ('      human_review: Email us and a person will look at the decision within 2 working days.\n', '')],
        [('gdpr.automated_decision', '181:7', "the automated decision in purpose 'fraud' does not say logic")],
    ),
    (
        # a solely automated decision with Art. 22(3) / UK 22C rights needs the way to ask for a person
        'automated_decision_rights',
        'ref',
        [('      solely_automated: false\n', '      solely_automated: true\n      exception: contract\n'), ('      human_review: Email us and a person will look at the decision within 2 working days.\n', '')],
        [('gdpr.automated_decision', '181:7', "the automated decision in purpose 'fraud' does not say human_review")],
    ),
    (
        'solely_automated',
        'ref',
        [('      solely_automated: false\n', '')],
        [('gdpr.solely_automated', '181:7', "the automated decision in purpose 'fraud' does not say whether a person takes part in it")],
    ),
    (
        # the shipped example's old fraud block: solely automated, on legitimate interests
        'decision_exception',
        'ref',
        [('      solely_automated: false\n', '      solely_automated: true\n')],
        [('eu.decision_exception', '181:25', "the decision in purpose 'fraud' is made by computer alone but names no Art. 22(2) exception; its legal basis, legitimate_interests, is not one of the exceptions")],
    ),
    (
        'decision_law',
        'ref',
        [('      solely_automated: false\n', '      solely_automated: true\n      exception: law\n')],
        [('gdpr.decision_law', '182:18', "the automated decision in purpose 'fraud' relies on a law but does not name it")],
    ),
    (
        # Art. 22(4): health data under Art. 9(2)(h) in a decision by computer alone
        'decision_special_category',
        'clinic',
        [('      solely_automated: false\n', '      solely_automated: true\n      exception: explicit_consent\n')],
        [('gdpr.decision_special_category', '78:7', "the decision in purpose 'falls' is made by computer alone and uses special-category data 'health' under health_or_social_care, which does not allow that")],
    ),
    (
        'purpose_law',
        'ref',
        [('    law: Portuguese VAT Code (Código do IVA), art. 52, and Commercial Code, art. 40\n', '')],
        [('gdpr.purpose_law', '206:18', "purpose 'legal' relies on legal_obligation but does not name the law")],
    ),
    (
        'public_source_names',
        'clinic',
        [('    public_source_names: [{de: Google Maps, en: Google Maps}, {de: Jameda, en: Jameda}]\n', '')],
        [('gdpr.public_source_names', '56:15', "data 'reviews' comes from public sources but does not say which")],
    ),
    (
        # Art. 56: no lead authority without an establishment in the EEA
        'lead_authority',
        'ref',
        [('    url: https://www.cnpd.pt\n', '    url: https://www.cnpd.pt\n    lead: true\n'), ('  address: Rua Augusta 100, 1100-053 Lisboa, Portugal\n', '  address: Rua Augusta 100, 1100-053 Lisboa, Portugal\n  established_in: [US]\n')],
        [('eu.representative', '15:19', 'you are established in US, outside the EU/EEA, and name no representative with region EU'), ('eu.lead_authority', '29:11', 'you are not established in the EEA, so no authority is your lead supervisory authority')],
    ),
    (
        'recognised_li_condition',
        'uk',
        [('    legal_basis: contract\n', '    legal_basis: recognised_legitimate_interest\n')],
        [('uk.recognised_legitimate_interest', '33:18', "purpose 'delivery' relies on a recognised legitimate interest but does not say which")],
    ),
    (
        # UK GDPR Art. 22B(4): no decision by computer alone on a recognised legitimate interest
        'decision_recognised_interest',
        'uk',
        [('    legal_basis: contract\n', '    legal_basis: recognised_legitimate_interest\n    legitimate_interest: Detecting and preventing crime.\n    automated_decision: {solely_automated: true, what: Blocks orders., logic: Address checks., effect: No order., human_review: Email us.}\n')],
        [('uk.decision_recognised_interest', '35:44', "the decision in purpose 'delivery' is made by computer alone and relies on a recognised legitimate interest")],
    ),
    (
        'recognised_li_in_the_eu',
        'ref',
        [('    legal_basis: legitimate_interests\n    legitimate_interest: Protecting you', '    legal_basis: recognised_legitimate_interest\n    legitimate_interest: Protecting you')],
        [('eu.recognised_legitimate_interest', '178:18', "purpose 'fraud' relies on a recognised legitimate interest, which is a UK basis only")],
    ),
    (
        'uk_complaints',
        'uk',
        [('  complaint_methods:\n    - {kind: email, address: help@mapleandpine.example}\n', '')],
        [('uk.complaints', '50:3', 'the inventory does not say how people can complain to you')],
    ),
    (
        'dpo_contact',
        'clinic',
        [('    email: dsb@lindenhof.example.de\n', '')],
        [('gdpr.dpo_contact', '13:5', 'the data protection officer has no contact details')],
    ),
    (
        'data_purpose',
        'ref',
        [('    data: [support, contact, bookings]', '    data: [contact, bookings]')],
        [('data.purpose', '115:5', "no purpose uses data 'support'")],
    ),
    (
        'ca_category',
        'ref',
        [('    ccpa_category: geolocation\n', '')],
        [('ca.category', '92:5', "data 'location' has no CCPA category")],
    ),
    (
        'ca_sold_stated',
        'ref',
        [('    sold: false\n    shared_for_ads: false\n\n  - id: preferences', '\n  - id: preferences')],
        [('ca.sold_shared_stated', '115:5', "data 'support' does not say whether it is sold or shared for ads")],
    ),
    (
        'ca_sale_recipients',
        'us',
        [('    sold_to: [broker]\n', '')],
        [('ca.sale_recipients', '45:11', "data 'device' is sold but 'sold_to' names no party")],
    ),
    (
        'ca_sale_flag',
        'us',
        [('    sold: true\n', '    sold: false\n')],
        [('ca.sale_recipients', '46:14', "data 'device' lists parties in 'sold_to' but does not say 'sold: true'")],
    ),
    (
        'ca_opt_out_link',
        'us',
        [('  opt_out_url: https://ledgerly.example.com/do-not-sell\n', '')],
        [('ca.opt_out_link', '45:11', "you sell or share 'device' but give no opt-out link")],
    ),
    (
        'ca_gpc_honoured',
        'us',
        [('  global_privacy_control: true\n', '  gpc_statement: We read it when we can.\n')],
        [('ca.gpc_honoured', '109:3', 'you sell or share personal information but do not treat Global Privacy Control as an opt-out')],
    ),
    (
        'ca_gpc_statement',
        'ref',
        [('  global_privacy_control: true\n', '')],
        [('ca.gpc_statement', '265:3', 'the inventory does not say how you handle Global Privacy Control signals')],
    ),
    (
        'ca_sensitive_use_stated',
        'ref',
        [('    sensitive_use_limited: true\n', '')],
        [('ca.sensitive_use_stated', '81:16', "data 'allergy_notes' is sensitive personal information, but the inventory does not say whether you use it only for the permitted purposes")],
    ),
    (
        'ca_under_16',
        'ref',
        [('  sells_or_shares_under_16: false\n', '')],
        [('ca.under_16', '290:3', 'the inventory does not say whether you sell or share personal information of consumers you know are under 16')],
    ),
    (
        'ca_limit_sensitive',
        'us',
        [('  limit_sensitive_url: https://ledgerly.example.com/limit\n', '')],
        [('ca.limit_sensitive', '61:28', "data 'ssn' is sensitive personal information used beyond the permitted purposes, and there is no 'Limit the Use' link")],
    ),
    (
        'ca_methods_toll_free',
        'us',
        [('toll_free: true', 'toll_free: false')],
        [('ca.request_methods', '100:7', 'a business that also deals with people offline must offer a toll-free phone number for requests')],
    ),
    (
        'ca_methods_two',
        'us',
        [('    - {kind: web, url: https://ledgerly.example.com/privacy/request}\n', ''), ('    - {kind: email, address: privacy@ledgerly.example.com}\n', ''), ('  website: https://ledgerly.example.com\n', '')],
        [('ca.request_methods', '98:5', 'requests offer 1 method; California asks for at least two')],
    ),
    (
        'ca_methods_online_email',
        'ref',
        [('    - {kind: email, address: privacy@fernway.example}\n', '')],
        [('ca.request_methods', '254:5', 'a business that operates only online must offer an e-mail address for requests')],
    ),
    (
        'ca_methods_post_means_offline',
        'ref',
        [('    - {kind: app, where: Settings > Privacy > Your data}\n', "    - {kind: post, address: 'Rua Augusta 100, Lisboa'}\n")],
        [('ca.request_methods', '254:5', 'a business that also deals with people offline must offer a toll-free phone number for requests')],
    ),
    (
        'ca_no_requests',
        'us',
        [('requests:\n  methods:\n    - {kind: web, url: https://ledgerly.example.com/privacy/request}\n    - {kind: phone, number: "+1 800 555 0199", toll_free: true}\n    - {kind: email, address: privacy@ledgerly.example.com}\n  response_days: 45\n  verification: {en: We match two details you give us with our records., es: Comparamos dos datos que nos da con nuestros registros.}\n  authorized_agents: true\n  agent_instructions: An agent uses our online form and sends us the permission you signed.\n  online_only: false\n', '')],
        [('ca.request_methods', '16:19', "the inventory has no 'requests' section, so the notice cannot say how Californians send requests")],
    ),
    (
        'ca_website_requests',
        'ref',
        [('    - {kind: web, url: https://fernway.example/privacy/requests}\n', '')],
        [('ca.website_requests', '254:5', 'you have a website but offer no web form for requests')],
    ),
    (
        'ca_verification',
        'ref',
        [('  verification: We ask you to sign in, or we email a code to the address on your account.\n', '')],
        [('ca.verification', '253:3', 'the inventory does not say how you verify requests')],
    ),
    (
        'ca_do_not_track',
        'ref',
        [('  do_not_track: We do not change what we do when your browser sends Do Not Track, because we honor Global Privacy Control instead.\n', '')],
        [('ca.do_not_track', '265:3', 'the inventory does not say how your site responds to Do Not Track')],
    ),
    (
        'ca_effective_date',
        'ref',
        [('  - date: 2026-03-15', '  - date: 2027-03-15')],
        [('ca.effective_date', '302:11', "a change is dated 2027-03-15, after the notice's effective date 2026-11-01, so 'last updated' would be wrong")],
    ),
    (
        'ca_sensitive_kind',
        'ref',
        [('    ccpa_sensitive: health\n', '')],
        [('ca.sensitive_kind', '81:16', "data 'allergy_notes' is sensitive personal information, but the inventory does not say which kind of 1798.140(ae) it is")],
    ),
    (
        'ca_financial_incentive_fields',
        'us',
        [('data: [account], ', '')],
        [('ca.financial_incentive', '19:7', "financial incentive 'Refer a friend' does not give 7016(d)(2) the data it uses")],
    ),
    (
        'ca_financial_incentive_text',
        'us',
        [('    - {name: {en: Refer a friend', '    - {en: Refer a friend and get one month free., es: Recomiende a un amigo y obtenga un mes gratis.}\n    - {name: {en: Refer a friend')],
        [('ca.financial_incentive', '19:7', "financial incentive number 1 does not give a name, 7016(d)(2) the material terms, 7016(d)(2) the data it uses, 7016(d)(3) how to opt in, 7016(d)(4) how to withdraw, 7016(d)(5)(A) the good-faith estimate of the data's value and 7016(d)(5)(B) how the value was calculated")],
    ),
    (
        'ca_gpc_scope',
        'ref',
        [('  gpc_applies_to: [browser, device, account]\n', '')],
        [('ca.gpc_scope', '266:27', 'you honour Global Privacy Control, but the inventory does not say what the signal opts out (browser, device, account, offline sales)')],
    ),
    (
        'ca_gpc_display',
        'ref',
        [('  gpc_display: "Settings > Privacy then says: Opt-out request honored."\n', '')],
        [('ca.gpc_display', '266:27', 'you honour Global Privacy Control, but the inventory does not say where your site shows that it did')],
    ),
    (
        'ca_agent_instructions',
        'ref',
        [('  agent_instructions: An agent uses the form in our app or emails us, with the permission you signed.\n', '')],
        [('ca.agent_instructions', '253:3', 'the inventory does not say how an authorized agent makes a request')],
    ),
    (
        'ca_under_16_process',
        'us',
        [('  sells_or_shares_under_16: false\n', '  sells_or_shares_under_16: true\n')],
        [('ca.under_16_process', '125:29', 'you sell or share personal information of consumers under 16, but the inventory does not describe the opt-in process')],
    ),
    (
        # the notice would say "we do not sell or share" and "we sell or share ... under 16 only if they opt in"
        'ca_under_16_without_selling',
        'ref',
        [('  sells_or_shares_under_16: false\n', '  sells_or_shares_under_16: true\n  opt_in_process: People aged 13 to 15 turn on sharing in Settings.\n')],
        [('ca.under_16_without_selling', '292:29', 'you sell or share personal information of consumers under 16, but no data is marked as sold or shared')],
    ),
    (
        # 'used only for the 7027(m) purposes' next to 'Sold or shared: yes', and no right to limit
        'ca_limited_but_sold',
        'ref',
        [('    shared_for_ads: false\n    sensitive_use_limited: true\n', '    shared_for_ads: true\n    shared_for_ads_with: [salons]\n    sensitive_use_limited: true\n')],
        [
            ('ca.opt_out_link', '90:21', "you sell or share 'allergy_notes' but give no opt-out link"),
            ('ca.limited_but_sold', '92:28', "data 'allergy_notes' is sensitive personal information that is sold or shared, so it is not used only for the purposes 11 CCR 7027(m) lists"),
        ],
    ),
    (
        'ca_gpc_scope_short',
        'ref',
        [('  gpc_applies_to: [browser, device, account]\n', '  gpc_applies_to: [offline_sales]\n')],
        [('ca.gpc_scope', '267:19', 'the signal must also opt out the browser or device that sends it (browser, device) and the person, when you know who they are (account) (11 CCR 7025(c)(1)), but gpc_applies_to does not name them')],
    ),
    (
        'ca_gpc_scope_no_account',
        'ref',
        [('  gpc_applies_to: [browser, device, account]\n', '  gpc_applies_to: [browser]\n')],
        [('ca.gpc_scope', '267:19', 'the signal must also opt out the person, when you know who they are (account) (11 CCR 7025(c)(1)), but gpc_applies_to does not name it')],
    ),
    (
        # role: service_provider was re-labelled third_party silently: "working for us" and "a third party"
        'ca_role_of_buyer_by_role',
        'us',
        [('    name: {en: Advertising networks, es: Redes de publicidad}\n    role: third_party\n', '    name: {en: Advertising networks, es: Redes de publicidad}\n    role: service_provider\n')],
        [('ca.role_of_buyer', '86:11', "party 'adnet' buys data or gets it for cross-context ads, so it cannot be a service provider (role)")],
    ),
    (
        'decision_exception_needs_solely',
        'ref',
        [('      solely_automated: false\n      what: Our system flags', '      solely_automated: false\n      exception: contract\n      what: Our system flags')],
        [('gdpr.decision_exception_needs_solely', '182:18', "the decision in purpose 'fraud' is made by a person (solely_automated: false), but it gives an exception, which only a decision made by computer alone needs")],
    ),
    (
        # UK GDPR Art. 22B(2): "based entirely on" explicit-consent data, not one explicit-consent input
        'decision_special_category_uk_entirely',
        'ref',
        [
            ('    data: [contact, bookings, payment, usage]\n    legal_basis: legitimate_interests\n', '    data: [contact, bookings, payment, usage, allergy_notes]\n    legal_basis: legitimate_interests\n    withdraw: Email us.\n'),
            ('      solely_automated: false\n      what: Our system flags', '      solely_automated: true\n      exception: explicit_consent\n      what: Our system flags'),
        ],
        [('gdpr.decision_special_category', '182:7', "the decision in purpose 'fraud' is made by computer alone and uses special-category data 'allergy_notes' under explicit_consent, but the purpose's own legal basis is legitimate_interests: UK GDPR Art. 22B(2) allows such a decision only when it rests entirely on explicit consent")],
    ),
    (
        'ca_role_of_buyer',
        'us',
        [('    name: {en: Data brokers, es: Corredores de datos}\n    role: third_party\n', '    name: {en: Data brokers, es: Corredores de datos}\n    role: third_party\n    ccpa_role: service_provider\n')],
        [('ca.role_of_buyer', '91:16', "party 'broker' buys data or gets it for cross-context ads, so it cannot be a service provider")],
    ),
]


@pytest.mark.parametrize("name", sorted(FILES))
def test_complete_inventories_have_no_findings(name):
    assert findings_for(FILES[name].read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", NEW_FIXTURES + [SHIPPED], ids=lambda p: p.stem)
def test_fixtures_and_the_shipped_example_are_complete(path):
    assert findings_for(path.read_text(encoding="utf-8")) == []


def test_the_format_contract_lacks_exactly_the_facts_the_new_rules_ask():
    """The shared format contract (the frozen reference without the lines issues 11 and 16 added)
    loads with no input error, and the new rules find exactly the facts it does not state."""
    contract = variant(
        ("    sensitive_use_limited: true\n", "\n"),
        ("  sells_or_shares_under_16: false\n", "\n"),
        ("      solely_automated: false\n", ""),
        ("    law: Portuguese VAT Code (Código do IVA), art. 52, and Commercial Code, art. 40\n", ""),
        ('  complaint_methods: [{kind: web, url: "https://fernway.example/privacy/complaints"}, {kind: email, address: privacy@fernway.example}]\n', ""),
    )
    got = [(f.rule, f.message) for f in findings_for(contract)]
    assert got == [
        ("ca.sensitive_use_stated", "data 'allergy_notes' is sensitive personal information, but the inventory does not say whether you use it only for the permitted purposes"),
        ("gdpr.solely_automated", "the automated decision in purpose 'fraud' does not say whether a person takes part in it"),
        ("gdpr.purpose_law", "purpose 'legal' relies on legal_obligation but does not name the law"),
        ("uk.complaints", "the inventory does not say how people can complain to you"),
        ("ca.under_16", "the inventory does not say whether you sell or share personal information of consumers you know are under 16"),
    ]


def test_reference_validates_with_exit_0(capsys):
    assert main(["validate", str(FILES["ref"])]) == 0
    assert capsys.readouterr().out.strip().endswith("valid; complete for eu_gdpr, uk_gdpr, us_ca.")


@pytest.mark.parametrize("name,edits,expected", [c[1:] for c in RULE_CASES], ids=[c[0] for c in RULE_CASES])
def test_rule_finds_what_is_missing(name, edits, expected):
    got = [(f.rule, f"{f.loc.line}:{f.loc.col}", f.message) for f in findings_for(edited(name, edits))]
    assert got == expected


def test_every_rule_is_exercised():
    fired = {rule for case in RULE_CASES for rule, _, _ in case[3]}
    # gdpr.controller guards what the model already requires; it is tested on an object below
    assert {r.id for r in RULES} - fired == {"gdpr.controller"}


def test_rule_ids_unique_and_every_rule_has_data():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert r.citations and r.asks and r.fix, r.id
        assert set(r.citations) <= {"eu_gdpr", "uk_gdpr", "us_ca"}, r.id


def test_findings_carry_citation_fix_and_jurisdictions():
    (f,) = findings_for(edited("ref", [("    legitimate_interest: Keeping the app working and easy to use.\n", "")]))
    assert f.level == "error"
    assert f.citation == "GDPR / UK GDPR Art. 13(1)(d), 14(2)(b)"
    assert f.fix == "add 'legitimate_interest:' saying whose interest it is and what it is, in one plain sentence"
    assert f.detail.jurisdictions == ("eu_gdpr", "uk_gdpr")
    assert f.as_dict()["jurisdictions"] == ["eu_gdpr", "uk_gdpr"]
    assert str(f).splitlines()[0] == (
        "inv.yml:164:18: error: purpose 'improve' relies on legitimate interests but does not say which interest "
        "[GDPR / UK GDPR Art. 13(1)(d), 14(2)(b)]"
    )


def test_citation_names_only_the_listed_law():
    text = edited("ref", [("    legitimate_interest: Keeping the app working and easy to use.\n", ""),
                          ("jurisdictions: [eu_gdpr, uk_gdpr, us_ca]", "jurisdictions: [uk_gdpr]")])
    (f,) = [f for f in findings_for(text) if f.rule == "gdpr.legitimate_interest"]
    assert f.citation == "UK GDPR Art. 13(1)(d), 14(2)(b)"
    rule = next(r for r in RULES if r.id == "data.purpose")
    assert rule.citation({"us_ca"}) == "Cal. Civ. Code 1798.100(a)(1), 1798.110(c)(3)"
    assert rule.citation({"eu_gdpr", "us_ca"}) == "GDPR Art. 13(1)(c), 14(1)(c); Cal. Civ. Code 1798.100(a)(1), 1798.110(c)(3)"


def test_rules_run_only_for_listed_jurisdictions():
    # the clinic is EU-only: no CCPA categories, no request methods for California, no UK representative
    clinic = FILES["clinic"].read_text(encoding="utf-8")
    assert findings_for(clinic) == []
    as_ca = findings_for(clinic.replace("jurisdictions: [eu_gdpr]", "jurisdictions: [eu_gdpr, us_ca]"))
    assert {f.rule for f in as_ca} >= {"ca.category", "ca.sold_shared_stated", "ca.gpc_statement", "ca.do_not_track", "ca.verification"}
    assert all(f.rule.startswith("ca.") for f in as_ca)
    as_uk = findings_for(clinic.replace("jurisdictions: [eu_gdpr]", "jurisdictions: [eu_gdpr, uk_gdpr]"))
    # established in Germany, no UK representative; the EU clauses alone do not cover UK data; no way to complain to the clinic (DPA 2018 s.164A)
    assert sorted(f.rule for f in as_uk) == ["uk.complaints", "uk.representative", "uk.transfers"]
    # the US SaaS is California-only: no legal bases, no transfers
    us = FILES["us"].read_text(encoding="utf-8")
    assert findings_for(us) == []
    assert "gdpr.legal_basis" in {f.rule for f in findings_for(us.replace("[us_ca]", "[us_ca, eu_gdpr]"))}


def test_controller_rule_on_an_object():
    inv = parse(load_file(FILES["clinic"]))
    inv.organization.address = None
    got = {(f.rule, f.message) for f in check_completeness(inv)}
    assert ("gdpr.controller", "the controller's address is missing") in got
    assert {rule for rule, _ in got} == {"gdpr.controller", "eu.representative"}  # no address, no country


def test_the_single_safeguard_counts_only_under_its_own_law():
    """`transfer_safeguard` is one value for both laws: an EU tool says nothing about UK data (the EU
    clauses alone, the Data Privacy Framework without its UK Extension), a UK tool nothing about EU
    data; adequacy and the two derogations count under both."""
    def rules_for(value, juris="[eu_gdpr, uk_gdpr]"):
        text = edited("clinic", [("transfer_safeguard: standard_contractual_clauses", f"transfer_safeguard: {value}"),
                                 ("jurisdictions: [eu_gdpr]", f"jurisdictions: {juris}")])
        return sorted(f.rule for f in findings_for(text) if f.rule.endswith(("transfers", "safeguard_copy")))
    assert rules_for("standard_contractual_clauses") == ["uk.transfers"]
    assert rules_for("eu_us_data_privacy_framework") == ["uk.transfers"]
    assert rules_for("binding_corporate_rules") == ["uk.transfers"]
    assert rules_for("uk_idta") == ["eu.transfers"]
    assert rules_for("uk_addendum") == ["eu.transfers"]
    assert rules_for("derogation_contract") == []  # both laws list it; a derogation has no copy
    assert rules_for("adequacy_decision") == ["eu.transfers", "uk.transfers"]  # the US is only partly covered
    assert rules_for("standard_contractual_clauses", "[eu_gdpr]") == []
    assert rules_for("uk_idta", "[uk_gdpr]") == []


def test_per_country_per_law_bases_pass_and_agree_with_the_rows():
    """The travel agency names each basis per law and country: no finding, and the rows say why."""
    from generator.inventory.transfers import transfer_rows

    inv = parse(load_file(FILES["travel"]))
    assert check_completeness(inv) == []
    eu_rows = {(r.party.id, r.country): (r.kind, r.basis) for r in transfer_rows(inv, "eu")}
    uk_rows = {(r.party.id, r.country): (r.kind, r.basis) for r in transfer_rows(inv, "uk")}
    # one party, five countries, three answers; the EEA is no EU transfer but a UK one
    assert ("hotels", "ES") not in eu_rows and uk_rows[("hotels", "ES")] == ("adequacy", "adequacy")
    assert eu_rows[("hotels", "CH")] == uk_rows[("hotels", "CH")] == ("adequacy", "adequacy")
    assert eu_rows[("hotels", "JP")] == ("adequacy", "adequacy")
    assert uk_rows[("hotels", "JP")] == ("adequacy", "adequacy_regulations")
    assert eu_rows[("hotels", "US")] == uk_rows[("hotels", "TH")] == ("derogation", "derogation_contract")
    # the UK: an EU transfer covered by adequacy, and no UK transfer
    assert eu_rows[("london_desk", "GB")] == ("adequacy", "adequacy")
    assert not any(country == "GB" for _, country in uk_rows)
    # a party that only gives us data is no transfer; the controller's own country is no row
    assert not any(pid == "booking_sites" for pid, _ in eu_rows | uk_rows)
    assert not any(country == "NL" for _, country in eu_rows)
    assert eu_rows[("mailer", "US")] == ("adequacy", "eu_us_data_privacy_framework")
    assert uk_rows[("mailer", "US")] == ("adequacy", "uk_us_data_bridge")
    assert (eu_rows[("support", "IN")], uk_rows[("support", "IN")]) == (("safeguard", "standard_contractual_clauses"), ("safeguard", "uk_addendum"))
    assert uk_rows[("crm", "IE")] == ("adequacy", "adequacy") and ("crm", "IE") not in eu_rows
    assert eu_rows[("insurer_brazil", "BR")] == ("adequacy", "adequacy")
    assert uk_rows[("insurer_brazil", "BR")] == ("derogation", "derogation_explicit_consent")


def test_a_derogation_does_not_replace_an_adequacy_decision():
    """Art. 49(1): a derogation applies "in the absence of" a decision: for an adequate country the
    row names the decision, even where the single field names a derogation."""
    from generator.inventory.transfers import transfer_rows

    text = edited("clinic", [("    country: US\n    transfer_safeguard: standard_contractual_clauses", "    countries: [US, CH, GB]\n    transfer_safeguard: derogation_explicit_consent")])
    rows = {r.country: (r.kind, r.basis) for r in transfer_rows(parse(load_text(text, "inv.yml")), "eu")}
    assert rows == {"US": ("derogation", "derogation_explicit_consent"), "CH": ("adequacy", "adequacy"), "GB": ("adequacy", "adequacy")}


def test_party_that_only_gives_data_is_not_a_transfer():
    text = edited("us", [("    countries: [US, CA]", "    country: IN")])  # brokers sell us data and buy from us
    text = text.replace("jurisdictions: [us_ca]", "jurisdictions: [us_ca]")
    assert findings_for(text) == []
    clinic = edited("clinic", [("  - id: insurer\n    name: {de: Ihre Krankenkasse, en: Your health insurer}\n    role: controller\n    country: DE",
                                "  - id: insurer\n    name: {de: Ihre Krankenkasse, en: Your health insurer}\n    role: controller\n    country: IN"),
                               ("    shared_with: [insurer, billing]", "    shared_with: [billing]")])
    assert findings_for(clinic) == []  # the insurer in India only sends data; nothing goes there


def test_online_only_stated_false_needs_toll_free_even_without_phone():
    text = edited("ref", [("  response_days: 30\n", "  response_days: 30\n  online_only: false\n")])
    assert [f.rule for f in findings_for(text)] == ["ca.request_methods"]
    text = edited("ref", [("  response_days: 30\n", "  response_days: 30\n  online_only: true\n")])
    assert findings_for(text) == []


# -- reading the country from the address --------------------------------------------------------


@pytest.mark.parametrize(
    "address,code",
    [
        ("Rua Augusta 100, 1100-053 Lisboa, Portugal", "PT"),
        ("20 Market Street, Leeds LS1 6DT, United Kingdom", "GB"),
        ("1 King Street, Manchester M2 6AZ, UK", "GB"),
        ("80 State Street, Albany, NY 12207, USA", "US"),
        ("Lindenstraße 12\n10969 Berlin\nDeutschland", "DE"),
        ("Keizersgracht 1, 1015 CJ Amsterdam, The Netherlands.", "NL"),
        ("Seoul 04524, Korea, Republic of", None),  # not an ISO short name in our table
        ("1 Main St, Seoul, South Korea", "KR"),
        ("Avenida Paulista 1000, São Paulo, Brasil", "BR"),
        ("Postfach 1, 8001 Zürich, Switzerland 8001", "CH"),
        ("500 Howard Street, San Francisco, CA 94105", None),  # CA is California here, not Canada
        ("Somewhere without a country", None),
    ],
)
def test_country_from_address(address, code):
    assert country_from_address(address) == code


def test_country_from_a_language_map():
    inv = parse(load_file(FILES["clinic"]))
    assert established_in(inv) == ({"DE"}, ("organization", "address"))


# -- EEA and adequacy data ------------------------------------------------------------------------


def test_eea_is_the_30_states():
    assert len(eea()) == 30
    assert {"NO", "IS", "LI", "GR", "IE"} <= eea()
    assert not {"GB", "CH", "EL"} & eea()


@pytest.mark.parametrize("region", ["eu", "uk"])
def test_adequacy_lists_are_data_with_source_and_date(region):
    ad = adequacy(region)
    assert ad.source and ad.law
    assert dt.date.fromisoformat(ad.checked) <= dt.date(2026, 12, 31)
    for code in list(ad.countries) + list(ad.partial):
        assert code in countries(), code
    assert "US" in ad.partial and "US" not in ad.countries  # only certified companies


def test_eu_and_uk_lists_differ_where_the_law_does():
    eu, uk = adequacy("eu"), adequacy("uk")
    assert "GB" in eu.countries and "BR" in eu.countries
    assert "BR" not in uk.countries and "GI" in uk.countries and "FO" in uk.countries
    assert eea() <= set(uk.countries)  # the UK treats the EEA as adequate
    assert not eea() & set(eu.countries)  # inside the EEA there is no transfer at all


# -- the CLI ------------------------------------------------------------------------------------


def test_cli_findings_exit_1_with_text(tmp_path, capsys):
    f = tmp_path / "inv.yml"
    f.write_text(edited("ref", [("    ccpa_category: geolocation\n", "")]), encoding="utf-8")
    assert main(["validate", str(f)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{f}:92:5: error: data 'location' has no CCPA category [Cal. Civ. Code 1798.110(c), 1798.130(a)(5); 11 CCR 7011(e)]"
    assert out[1] == "  fix: add 'ccpa_category:' (e.g. identifiers, commercial_information, internet_activity)"
    assert out[-1] == "1 missing item(s), 0 warning(s)."


def test_cli_findings_as_json(tmp_path, capsys):
    f = tmp_path / "inv.yml"
    f.write_text(edited("ref", [("    ccpa_category: geolocation\n", ""), ("  global_privacy_control: true\n", "")]), encoding="utf-8")
    assert main(["validate", str(f), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and out["errors"] == []
    assert [(x["rule"], x["line"], x["column"]) for x in out["findings"]] == [("ca.category", 92, 5), ("ca.gpc_statement", 264, 3)]
    first = out["findings"][0]
    assert first == {
        "rule": "ca.category",
        "level": "error",
        "message": "data 'location' has no CCPA category",
        "fix": "add 'ccpa_category:' (e.g. identifiers, commercial_information, internet_activity)",
        "citation": "Cal. Civ. Code 1798.110(c), 1798.130(a)(5); 11 CCR 7011(e)",
        "file": str(f),
        "line": 92,
        "column": 5,
        "jurisdictions": ["us_ca"],
    }


def test_cli_json_for_a_complete_inventory(capsys):
    assert main(["validate", str(FILES["ref"]), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "errors": [], "findings": []}


def test_rule_data_files_are_parsed_once(monkeypatch):
    from generator.inventory import datafiles, geography

    calls = []
    real = datafiles.load_data
    monkeypatch.setattr(datafiles, "load_data", lambda text, file: calls.append(file) or real(text, file))
    caches = (datafiles.data_yaml, geography.eea, geography.adequacy)
    for fn in caches:
        fn.cache_clear()
    try:
        eea(), adequacy("eu"), adequacy("uk"), adequacy("eu")
        assert sorted(calls) == ["generator/data/adequacy.yml", "generator/data/eea.yml"]
    finally:
        for fn in caches:
            fn.cache_clear()
