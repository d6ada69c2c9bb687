"""Bad inventories, one per row: each must fail with exactly these messages at exactly these places.

Table-driven (like mkdocs' config_options tests): a row names the edits made to a small valid
inventory and the full list of ``line:column message`` problems the model must report. A row
failing means a message or a location changed: check the new text reads as well, then update it.
Also: the misspelt-key wart, fixes, the CLI's exit code and output (text and --format json), and
inventories from other companies that must load as well as the reference does.
"""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, variant
from generator.cli import main
from generator.errors import InputError
from generator.inventory.load import load_file, load_text
from generator.inventory.parse import parse


BASE = """\
format: 1
organization:
  name: Acme
  address: 1 Main Street, Dublin, Ireland
  contact_email: privacy@acme.example
  supervisory_authority:
    name: Data Protection Commission
notice:
  title: Acme privacy notice
  effective_date: 2026-01-01
  jurisdictions: [eu_gdpr]
data:
  - id: contact
    name: Contact details
    sources: [you]
    retention: {period: 2 years}
purposes:
  - id: accounts
    name: Run your account
    data: [contact]
    legal_basis: contract
parties:
  - id: mailer
    name: Mailer Inc
    role: processor
    country: US
    transfer_safeguard: standard_contractual_clauses
requests:
  methods:
    - {kind: email, address: privacy@acme.example}
  response_days: 30
"""

CASES = [
    (
        'syntax_colon',
        [('  name: Acme\n', '  name: Acme: Corp\n')],
        [('3:13', "YAML syntax error: a ': ' inside a value; YAML reads it as the start of a new key")],
    ),
    (
        'syntax_tab',
        [('  name: Acme\n', '\tname: Acme\n')],
        [('3:1', 'YAML syntax error: a tab character where YAML expects spaces')],
    ),
    (
        'syntax_unclosed_flow',
        [('[eu_gdpr]', '[eu_gdpr')],
        [('12:5', "YAML syntax error: a list in [...] is not closed, or one of its items contains ': '")],
    ),
    (
        'two_documents',
        [('$', '---\nformat: 1\n')],
        [('32:1', "YAML syntax error: the file holds a second YAML document (after '---')")],
    ),
    (
        'empty_file',
        [(None, '')],
        [('1:1', 'the file is empty')],
    ),
    (
        'only_comments',
        [(None, '# nothing here\n\n')],
        [('1:1', 'the file is empty')],
    ),
    (
        'top_level_list',
        [(None, '- format: 1\n')],
        [('1:1', 'the top level of the inventory must be a mapping of keys (format, organization, notice, ...), not a list')],
    ),
    (
        'top_level_scalar',
        [(None, 'hello\n')],
        [('1:1', 'the top level of the inventory must be a mapping of keys (format, organization, notice, ...), not a single value')],
    ),
    (
        'no_format',
        [('format: 1\n', '')],
        [('1:1', "the inventory has no 'format' key")],
    ),
    (
        'format_unknown',
        [('format: 1', 'format: 2')],
        [('1:9', 'format 2 is not known to this version of plainnotice; it reads format 1')],
    ),
    (
        'format_text',
        [('format: 1', 'format: "1"')],
        [('1:9', "'format' should be a whole number such as 1, got the text '1'")],
    ),
    (
        'duplicate_key',
        [('  name: Acme\n', '  name: Acme\n  name: Acme Ltd\n')],
        [('4:3', "duplicate key 'name' (first at line 3, again at line 4); YAML would silently keep only the last one")],
    ),
    (
        'duplicate_top_key',
        [('$', 'format: 1\n')],
        [('32:1', "duplicate key 'format' (first at line 1, again at line 32); YAML would silently keep only the last one")],
    ),
    (
        'unknown_key_suggest',
        [('    name: Contact details\n', '    nmae: Contact details\n')],
        [('14:5', "unknown key 'nmae' in data[0]. Did you mean 'name'? Known keys: id, name, examples, ccpa_category, sensitive, ccpa_sensitive, special_category, special_category_basis, sensitive_use_limited, sources, public_source_names, observed_how, about_others, published_to, inferred_from, required, required_by, if_not_provided, retention, shared_with, sold, shared_for_ads, sold_to, shared_for_ads_with")],
    ),
    (
        'unknown_top_key',
        [('$', 'securty: {}\n')],
        [('32:1', "unknown key 'securty' in the top level. Did you mean 'security'? Known keys: format, organization, notice, data, purposes, parties, security, requests, controls, cookies, children, ai_systems, changes")],
    ),
    (
        'unknown_key_close_to_another',
        [('    role: processor\n', '    role: processor\n    colour: blue\n')],
        [('26:5', "unknown key 'colour' in parties[0]. Did you mean 'country'? Known keys: id, name, role, kind, ccpa_role, purpose, country, countries, privacy_policy, transfer_safeguard, transfers, safeguard_copy")],
    ),
    (
        'missing_required',
        [('  title: Acme privacy notice\n', '')],
        [('8:1', "'notice' is missing the required key 'title'")],
    ),
    (
        'wrong_type_list',
        [('[eu_gdpr]', 'eu_gdpr')],
        [('11:18', "'notice.jurisdictions' should be a list (items starting with '- ', or [a, b]), got the text 'eu_gdpr'")],
    ),
    (
        'wrong_type_mapping',
        [('{period: 2 years}', '2 years')],
        [('16:16', "'data[0].retention' should be a mapping of keys, got the text '2 years'")],
    ),
    (
        'wrong_type_bool',
        [('    legal_basis: contract\n', '    legal_basis: contract\n    profiling: yes\n')],
        [('22:16', "'purposes[0].profiling' should be true or false, got the text 'yes'")],
    ),
    (
        'wrong_type_int',
        [('  response_days: 30', '  response_days: "30"')],
        [('31:18', "'requests.response_days' should be a whole number, got the text '30'")],
    ),
    (
        'int_out_of_range',
        [('  response_days: 30', '  response_days: 120')],
        [('31:18', "'requests.response_days' is 120; it must be at most 90")],
    ),
    (
        'enum_unknown_suggest',
        [('    role: processor', '    role: procesor')],
        [('25:11', "'procesor' is not an allowed value for 'parties[0].role'. Did you mean 'processor'? Allowed: controller, joint_controller, processor, service_provider, contractor, third_party, public_authority")],
    ),
    (
        'enum_unknown_jurisdiction',
        [('[eu_gdpr]', '[eu_gdpr, us_tx]')],
        [('11:28', "'us_tx' is not an allowed value for 'notice.jurisdictions[1]'. Did you mean 'us_ca'? Allowed: eu_gdpr, uk_gdpr, us_ca")],
    ),
    (
        'enum_given_list',
        [('    legal_basis: contract', '    legal_basis: [contract]')],
        [('21:18', "'purposes[0].legal_basis' takes one of the allowed values, got a list. Allowed: consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests, recognised_legitimate_interest")],
    ),
    (
        'empty_jurisdictions',
        [('[eu_gdpr]', '[]')],
        [('11:18', "'notice.jurisdictions' is empty; it needs at least 1 entry")],
    ),
    (
        'bad_date',
        [('2026-01-01', '2026-02-30')],
        [('10:19', "'2026-02-30' is not a real date (day is out of range for month)")],
    ),
    (
        'date_wrong_format',
        [('2026-01-01', '01/02/2026')],
        [('10:19', "'notice.effective_date' should be a date (YYYY-MM-DD), got the text '01/02/2026'")],
    ),
    (
        'date_with_time',
        [('2026-01-01', '2026-01-01T10:00:00')],
        [('10:19', "'notice.effective_date' should be a date without a time (YYYY-MM-DD), got the date and time 2026-01-01 10:00:00")],
    ),
    (
        'period_bad_unit',
        [('{period: 2 years}', '{period: 2 yrs}')],
        [('16:25', "'2 yrs' is not a period; write '<number> <days|weeks|months|years>', e.g. '2 years', or use 'criteria' instead")],
    ),
    (
        'period_number',
        [('{period: 2 years}', '{period: 24}')],
        [('16:25', "'data[0].retention.period' should be text, got the number 24")],
    ),
    (
        'retention_neither',
        [('{period: 2 years}', '{after: you leave}')],
        [('16:16', "data[0].retention: a retention needs 'period' (e.g. '2 years') or 'criteria' (free text)")],
    ),
    (
        'retention_both',
        [('{period: 2 years}', '{period: 2 years, criteria: When you leave.}')],
        [('16:16', "data[0].retention: give either 'period' or 'criteria', not both")],
    ),
    (
        'country_uk',
        [('    country: US', '    country: UK')],
        [('26:14', "'UK' is not an ISO 3166-1 alpha-2 country code; the code for the United Kingdom is GB")],
    ),
    (
        'country_lowercase',
        [('    country: US', '    country: us')],
        [('26:14', "'us' is not an ISO 3166-1 alpha-2 country code; write it in capitals: US")],
    ),
    (
        'country_name',
        [('    country: US', '    country: Germany')],
        [('26:14', "'Germany' is not an ISO 3166-1 alpha-2 country code; the code for Germany is DE")],
    ),
    (
        'country_unknown',
        [('    country: US', '    country: XX')],
        [('26:14', "'XX' is not an ISO 3166-1 alpha-2 country code")],
    ),
    (
        'party_no_country',
        [('    country: US\n', '')],
        [('23:5', "parties[0]: a party needs 'country' (one ISO code) or 'countries' (a list)")],
    ),
    (
        'party_both_country',
        [('    country: US\n', '    country: US\n    countries: [US]\n')],
        [('23:5', "parties[0]: give either 'country' or 'countries', not both")],
    ),
    (
        'url_scheme',
        [('    name: Data Protection Commission\n', '    name: Data Protection Commission\n    url: javascript:alert(1)\n')],
        [('8:10', "'javascript:alert(1)' uses the 'javascript:' scheme; only https, http and mailto links are allowed")],
    ),
    (
        'url_no_scheme',
        [('    name: Data Protection Commission\n', '    name: Data Protection Commission\n    url: www.dpc.ie\n')],
        [('8:10', "'www.dpc.ie' is not a full web address (expected https://example.com/page)")],
    ),
    (
        'email_bad',
        [('privacy@acme.example\n  supervisory', 'privacy-at-acme.example\n  supervisory')],
        [('5:18', "'privacy-at-acme.example' is not an e-mail address (expected name@example.com)")],
    ),
    (
        'phone_letters',
        [('  contact_email: privacy@acme.example\n', '  contact_email: privacy@acme.example\n  phone: call us\n')],
        [('6:10', "'call us' is not a phone number (expected digits with an optional leading +, e.g. +1 800 555 0100)")],
    ),
    (
        'phone_as_number',
        [('  contact_email: privacy@acme.example\n', '  contact_email: privacy@acme.example\n  phone: +35312345678\n')],
        [('6:10', "'organization.phone' is a phone number that YAML read as the number 35312345678, which drops a leading + or 0")],
    ),
    (
        'method_missing_field',
        [('{kind: email, address: privacy@acme.example}', '{kind: web}')],
        [('30:7', "requests.methods[0]: a request method of kind 'web' needs 'url'")],
    ),
    (
        'method_wrong_field',
        [('{kind: email, address: privacy@acme.example}', "{kind: phone, number: '+1 800 555 0100', url: https://acme.example}")],
        [('30:7', "requests.methods[0]: a request method of kind 'phone' takes 'number', not 'url'")],
    ),
    (
        'method_email_bad',
        [('{kind: email, address: privacy@acme.example}', '{kind: email, address: write to us}')],
        [('30:30', "'write to us' is not an e-mail address (expected name@example.com)")],
    ),
    (
        'method_unknown_kind',
        [('{kind: email, address: privacy@acme.example}', "{kind: fax, number: '+1 800 555 0100'}")],
        [('30:14', "'fax' is not an allowed value for 'requests.methods[0].kind'. Allowed: web, email, phone, app, post")],
    ),
    (
        'method_app_ok_post_bad',
        [('{kind: email, address: privacy@acme.example}', '{kind: post}')],
        [('30:7', "requests.methods[0]: a request method of kind 'post' needs 'address'")],
    ),
    (
        'duplicate_data_id',
        [('purposes:\n', '  - id: contact\n    name: Other\n    sources: [you]\n    retention: {period: 1 year}\npurposes:\n')],
        [('17:9', "duplicate id 'contact' in data (first at line 13)")],
    ),
    (
        'duplicate_purpose_id',
        [('parties:\n', '  - id: accounts\n    name: Again\n    data: [contact]\n    legal_basis: contract\nparties:\n')],
        [('22:9', "duplicate id 'accounts' in purposes (first at line 18)")],
    ),
    (
        'dangling_purpose_data',
        [('    data: [contact]', '    data: [contacts]')],
        [('20:12', "'contacts' is not a known data id. Did you mean 'contact'? Known: contact")],
    ),
    (
        'dangling_shared_with',
        [('    retention: {period: 2 years}\n', '    retention: {period: 2 years}\n    shared_with: [mailr]\n')],
        [('17:19', "'mailr' is not a known parties id. Did you mean 'mailer'? Known: mailer")],
    ),
    (
        'dangling_source',
        [('    sources: [you]', '    sources: [yuo]')],
        [('15:15', "'yuo' is not a source. Did you mean 'you'? Use you, your_device, inferred, public_sources or a party id")],
    ),
    (
        'dangling_cookie_provider',
        [('$', 'cookies:\n  - name: sid\n    purpose: Keeps you signed in.\n    kind: essential\n    duration: 1 day\n    party: first\n    provider: mailr\n')],
        [('38:15', "'mailr' is not a known parties id. Did you mean 'mailer'? Known: mailer")],
    ),
    (
        'dangling_inferred_from',
        [('    sources: [you]', '    sources: [inferred]\n    inferred_from: [contct]')],
        [('16:21', "'contct' is not a known data id. Did you mean 'contact'? Known: contact")],
    ),
    (
        'inferred_from_without_inferred',
        [('    sources: [you]', '    sources: [you]\n    inferred_from: [contact]')],
        [('15:14', "data 'contact' has 'inferred_from' but 'inferred' is not in its sources"), ('16:21', "'contact' is inferred from itself")],
    ),
    (
        'bad_id',
        [('  - id: accounts', '  - id: Accounts')],
        [('18:9', "'Accounts' is not a valid id; ids use lowercase letters, digits and '_' and start with a letter")],
    ),
    (
        'duplicate_cookie',
        [('$', 'cookies:\n  - name: sid\n    purpose: Keeps you signed in.\n    kind: essential\n    duration: 1 day\n    party: first\n  - name: sid\n    purpose: Keeps you signed in.\n    kind: essential\n    duration: 1 day\n    party: first\n')],
        [('38:11', "cookie 'sid' is listed twice (first at line 33)")],
    ),
    (
        'duplicate_jurisdiction',
        [('[eu_gdpr]', '[eu_gdpr, eu_gdpr]')],
        [('11:28', "'eu_gdpr' is listed twice")],
    ),
    (
        'lang_map_missing_language',
        [('  jurisdictions: [eu_gdpr]\n', '  jurisdictions: [eu_gdpr]\n  languages: [en, de]\n'), ('    name: Contact details', '    name: {en: Contact details}')],
        [('15:11', "the texts for 'data[0].name' do not match notice.languages [en, de]: missing de")],
    ),
    (
        'lang_map_extra_language',
        [('    name: Contact details', '    name: {en: Contact details, fr: Coordonnées}')],
        [('14:11', "the texts for 'data[0].name' do not match notice.languages [en]: has fr which notice.languages does not list")],
    ),
    (
        'lang_map_bad_code',
        [('    name: Contact details', '    name: {English: Contact details}')],
        [('14:12', "'English' is not a language code; a map of texts uses codes like en, de, pt-BR")],
    ),
    (
        'lang_map_comma',
        [('    name: Contact details', '    name: {en: Name, email and phone}')],
        [('14:22', "'email and phone' looks like the end of a text cut off at a comma: inside {...} a comma starts a new key")],
    ),
    (
        'language_not_code',
        [('  jurisdictions: [eu_gdpr]\n', '  jurisdictions: [eu_gdpr]\n  languages: [English]\n')],
        [('12:15', "'English' is not a language code; use codes like en, de, pt-BR")],
    ),
    (
        'text_empty',
        [('    name: Contact details', "    name: ''")],
        [('14:11', 'data[0].name: the text is empty')],
    ),
    (
        'text_null',
        [('    name: Contact details', '    name:')],
        [('14:10', 'data[0].name: expected text (or a map of language code to text), got nothing (an empty value)')],
    ),
    (
        'text_number',
        [('    name: Contact details', '    name: 2024')],
        [('14:11', 'data[0].name: expected text (or a map of language code to text), got the number 2024')],
    ),
    (
        'readability_wrong_bound',
        [('  jurisdictions: [eu_gdpr]\n', '  jurisdictions: [eu_gdpr]\n  readability:\n    summary: {metric: flesch_reading_ease, max: 8}\n')],
        [('13:14', "notice.readability.summary: flesch_reading_ease is higher for easier text: give 'min', not 'max'")],
    ),
    (
        'merge_key',
        [('  name: Acme\n', '  <<: {name: Acme}\n')],
        [('3:3', "merge keys ('<<') are not supported")],
    ),
    (
        'python_tag',
        [('  name: Acme\n', '  name: !!python/object/apply:os.system [ls]\n')],
        [('3:9', 'unsupported YAML tag !!python/object/apply:os.system')],
    ),
    (
        'complex_key',
        [('  name: Acme\n', '  ? [a, b]\n  : Acme\n')],
        [('3:5', 'a key must be a plain word, not a list or mapping')],
    ),
    (
        'alias_loop',
        [(None, 'a: &a [*a]\n')],
        [('1:4', 'an alias refers to the value that contains it (a loop)')],
    ),
    (
        'empty_list_item',
        [('data:\n  - id', 'data:\n  -\n  - id')],
        [('13:4', "'data[0]' should be a mapping of keys, got nothing (an empty value)")],
    ),
    (
        'transfers_and_single_safeguard',
        [('    country: US\n    transfer_safeguard: standard_contractual_clauses\n', '    country: US\n    transfer_safeguard: standard_contractual_clauses\n    transfers: [{eu: standard_contractual_clauses}]\n')],
        [('27:25', "party 'mailer' has both 'transfer_safeguard' and 'transfers'")],
    ),
    (
        'transfers_country_not_the_partys',
        [('    country: US\n    transfer_safeguard: standard_contractual_clauses\n', '    country: US\n    transfers: [{countries: [IN], eu: standard_contractual_clauses}]\n')],
        [('27:30', "IN is not a country of party 'mailer' (US)")],
    ),
    (
        'transfers_country_twice',
        [('    country: US\n    transfer_safeguard: standard_contractual_clauses\n', '    countries: [US, IN]\n    transfers:\n      - {countries: [US, IN], eu: standard_contractual_clauses}\n      - {countries: [IN], eu: derogation_contract}\n')],
        [('29:22', "IN is named in two 'transfers' entries of party 'mailer' (entries 1 and 2)")],
    ),
    (
        'transfers_two_open_entries',
        [('    country: US\n    transfer_safeguard: standard_contractual_clauses\n', '    countries: [US, IN]\n    transfers:\n      - {eu: standard_contractual_clauses}\n      - {eu: derogation_contract}\n')],
        [('29:9', "party 'mailer' has more than one 'transfers' entry without 'countries'")],
    ),
    (
        'transfers_entry_says_nothing',
        [('    country: US\n    transfer_safeguard: standard_contractual_clauses\n', '    country: US\n    transfers: [{countries: [US]}]\n')],
        [('27:17', "this 'transfers' entry of party 'mailer' names no basis")],
    ),
    (
        'transfers_copy_of_a_derogation',
        [('    country: US\n    transfer_safeguard: standard_contractual_clauses\n', '    country: US\n    transfers: [{eu: derogation_contract, safeguard_copy: Ask us.}]\n')],
        [('27:59', 'only a safeguard (Art. 46, 47) has a copy; an adequacy decision or a derogation has none')],
    ),
    (
        'transfers_uk_tool_under_eu',
        [('    country: US\n    transfer_safeguard: standard_contractual_clauses\n', '    country: US\n    transfers: [{eu: uk_idta}]\n')],
        [('27:22', "'uk_idta' is not an allowed value for 'parties[0].transfers[0].eu'. Allowed: adequacy_decision, eu_us_data_privacy_framework, standard_contractual_clauses, binding_corporate_rules, code_of_conduct, certification, derogation_explicit_consent, derogation_contract, derogation_contract_in_their_interest, derogation_public_interest, derogation_legal_claims, derogation_vital_interests, derogation_public_register")],
    ),
    (
        'transfers_eu_tool_under_uk',
        [('    country: US\n    transfer_safeguard: standard_contractual_clauses\n', '    country: US\n    transfers: [{uk: standard_contractual_clauses}]\n')],
        [('27:22', "'standard_contractual_clauses' is not an allowed value for 'parties[0].transfers[0].uk'. Allowed: adequacy_regulations, uk_us_data_bridge, uk_idta, uk_addendum, uk_binding_corporate_rules, derogation_explicit_consent, derogation_contract, derogation_contract_in_their_interest, derogation_public_interest, derogation_legal_claims, derogation_vital_interests, derogation_public_register")],
    ),
    # -- values that passed and then crashed or misled (issue 9, item 4) --
    (
        'lone_surrogate',
        [('  name: Acme\n', '  name: "Acme \\ud800"\n')],
        [('3:9', 'the text contains U+D800, half of a UTF-16 surrogate pair, which is not a character')],
    ),
    (
        'noncharacter',
        [('  name: Acme\n', '  name: "Acme \\ufdd0"\n')],
        [('3:9', 'the text contains U+FDD0, which Unicode reserves as a non-character')],
    ),
    (
        'control_escape',
        [('  name: Acme\n', '  name: "Acme \\e[31m"\n')],
        [('3:9', 'the text contains the control character U+001B, which is not text')],
    ),
    (
        'bidi_isolate',
        [('    name: Contact details\n', '    name: We do not \u2067sell your data to advertisers\u2069.\n')],
        [('14:21', 'the text contains the bidirectional control U+2067 (RIGHT-TO-LEFT ISOLATE), which can make the text display in another order than it reads')],
    ),
    (
        'bidi_override',
        [('  name: Acme\n', '  name: Acme \u202etxt.exe\n')],
        [('3:14', 'the text contains the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE), which can make the text display in another order than it reads')],
    ),
    (
        'tag_character',
        [('  name: Acme\n', '  name: Acme\U000e0069\U000e0067\U000e006e\n')],
        [('3:13', 'the text contains the invisible tag character U+E0069 (TAG LATIN SMALL LETTER I), which hides text from readers')],
    ),
    (
        'bidi_in_key',
        [('    name: Contact details\n', '    name: {en\u2066: Contact details}\n')],
        [('14:14', 'the text contains the bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE), which can make the text display in another order than it reads')],
    ),
    (
        'id_trailing_newline',
        [('  - id: contact\n', '  - id: "contact\\n"\n')],
        [('13:9', "'contact\n' is not a valid id; ids use lowercase letters, digits and '_' and start with a letter")],
    ),
    (
        'id_double_underscore',
        [('  - id: accounts', '  - id: my__accounts')],
        [('18:9', "'my__accounts' is not a valid id: '_' must stand between letters or digits (the id makes the entry's link anchor, and 'a__b', 'a_b_' and 'a_b' would make the same one)")],
    ),
    (
        'id_trailing_underscore',
        [('  - id: accounts', '  - id: accounts_')],
        [('18:9', "'accounts_' is not a valid id: '_' must stand between letters or digits (the id makes the entry's link anchor, and 'a__b', 'a_b_' and 'a_b' would make the same one)")],
    ),
    (
        'text_invisible_only',
        [('  name: Acme\n', '  name: "\\u200b"\n')],
        [('3:9', 'organization.name: the text has only invisible characters (U+200B): readers would see nothing')],
    ),
    (
        'text_map_invisible_only',
        [('    name: Contact details', '    name: {en: "\\u200b\\u2060"}')],
        [('14:11', "data[0].name: the 'en' text has only invisible characters (U+200B, U+2060): readers would see nothing")],
    ),
    (
        'period_5000_digits',
        [('{period: 2 years}', '{period: 99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999 years}')],
        [('16:25', "'9999999999999999999999999999999999999...' is longer than 1,000 years, the longest period plainnotice takes")],
    ),
    (
        'period_leading_zero',
        [('{period: 2 years}', '{period: 02 years}')],
        [('16:25', "'02 years' starts its number with 0; write the number plainly, e.g. '2 years'")],
    ),
    (
        'period_over_1000_years',
        [('{period: 2 years}', '{period: 1001 years}')],
        [('16:25', "'1001 years' is longer than 1,000 years, the longest period plainnotice takes")],
    ),
    (
        'number_inf',
        [('  jurisdictions: [eu_gdpr]\n', '  jurisdictions: [eu_gdpr]\n  readability:\n    summary: {max: .inf}\n')],
        [('13:20', "'notice.readability.summary.max' should be a finite number, got the number inf")],
    ),
    (
        'number_nan',
        [('  jurisdictions: [eu_gdpr]\n', '  jurisdictions: [eu_gdpr]\n  readability:\n    full: {max: .nan}\n')],
        [('13:17', "'notice.readability.full.max' should be a finite number, got the number nan")],
    ),
    (
        'url_userinfo',
        [('    name: Data Protection Commission\n', '    name: Data Protection Commission\n    url: https://good.example@evil.example/\n')],
        [('8:10', "'https://good.example@evil.example/' has 'good.example@' before the host: a browser opens evil.example, not good.example")],
    ),
    (
        'email_trailing_newline',
        [('  contact_email: privacy@acme.example\n', '  contact_email: "privacy@acme.example\\n"\n')],
        [('5:18', "'privacy@acme.example\n' is not an e-mail address (expected name@example.com)")],
    ),
    (
        'country_trailing_newline',
        [('    country: US\n', '    country: "US\\n"\n')],
        [('26:14', "'US\n' is not an ISO 3166-1 alpha-2 country code")],
    ),
    (
        'cookie_nfd_twin',
        [('$', 'cookies:\n  - name: café\n    purpose: Keeps you signed in.\n    kind: essential\n    duration: 1 day\n    party: first\n  - name: café\n    purpose: Keeps you signed in.\n    kind: essential\n    duration: 1 day\n    party: first\n')],
        [('38:11', "cookie 'café' is listed twice (first at line 33, written differently: the two names differ only in invisible characters or in how accents are encoded)")],
    ),
    (
        'cookie_zero_width_twin',
        [('$', 'cookies:\n  - name: sid\n    purpose: Keeps you signed in.\n    kind: essential\n    duration: 1 day\n    party: first\n  - name: "sid\\u200b"\n    purpose: Keeps you signed in.\n    kind: essential\n    duration: 1 day\n    party: first\n')],
        [('38:11', "cookie 'sid\u200b' is listed twice (first at line 33, written differently: the two names differ only in invisible characters or in how accents are encoded)")],
    ),
    (
        'cookie_name_invisible',
        [('$', 'cookies:\n  - name: "\\u200b"\n    purpose: Keeps you signed in.\n    kind: essential\n    duration: 1 day\n    party: first\n')],
        [('33:11', 'cookies[0].name: the text has only invisible characters (U+200B): readers would see nothing')],
    ),
]


def build(edits) -> str:
    """BASE with (old, new) edits (see conftest.variant)."""
    return variant(*edits, base=BASE)


def problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as info:
        parse(load_text(text, "inv.yml"))
    return [(f"{p.loc.line}:{p.loc.col}", p.message) for p in info.value.problems]


def test_base_is_valid():
    inv = parse(load_text(BASE, "inv.yml"))
    assert inv.organization.name == "Acme"


def test_enough_distinct_cases():
    ids = [c[0] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(set(build(c[1]) for c in CASES)) == len(CASES)  # each row is a different input
    assert len(CASES) >= 40


@pytest.mark.parametrize("edits,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input(edits, expected):
    assert problems(build(edits)) == expected


def test_every_problem_has_a_fix():
    for cid, edits, _ in CASES:
        with pytest.raises(InputError) as info:
            parse(load_text(build(edits), "inv.yml"))
        for p in info.value.problems:
            assert p.fix, f"{cid}: no fix for {p.message!r}"


def test_misspelt_key_reports_only_the_unknown_key():
    """'nmae' is reported once, with the suggestion; not also as "missing required key 'name'"."""
    text = build([("    name: Contact details\n", "    nmae: Contact details\n")])
    with pytest.raises(InputError) as info:
        parse(load_text(text, "inv.yml"))
    (p,) = info.value.problems
    assert "Did you mean 'name'?" in p.message
    assert p.fix == "rename 'nmae' to 'name'"


def test_missing_key_still_reported_when_unknown_key_is_not_close():
    text = build([("    name: Contact details\n", "    label: Contact details\n")])
    got = problems(text)
    assert ("13:5", "'data[0]' is missing the required key 'name'") in got
    assert any(m.startswith("unknown key 'label' in data[0].") for _, m in got)


def test_specific_fixes():
    cases = {
        "phone_as_number": "put the number in quotes, e.g. '+1 800 555 0100'",
        "country_uk": "use the two-letter ISO 3166-1 code, e.g. PT, DE, US, GB",
        "method_missing_field": "add 'url:'",
        "lang_map_comma": 'put the text in quotes, e.g. {en: "Yes, we do."}',
        "enum_unknown_suggest": "use one of: controller, joint_controller, processor, service_provider, contractor, third_party, public_authority",
        "text_number": "put it in quotes to keep it as text: '2024'",
        "format_text": "write 'format: 1' without quotes",
    }
    rows = {c[0]: c for c in CASES}
    for cid, fix in cases.items():
        with pytest.raises(InputError) as info:
            parse(load_text(build(rows[cid][1]), "inv.yml"))
        assert info.value.problems[0].fix == fix, cid


def test_problems_are_capped():
    text = BASE + "".join(f"extra_{i}: 1\n" for i in range(80))
    got = problems(text)
    assert len(got) == 51
    assert got[-1][1] == "30 more problems not shown (plainnotice shows the first 50)"


# -- the CLI end to end ------------------------------------------------------------------------


def test_cli_text_output_and_exit_code(tmp_path, capsys):
    f = tmp_path / "inv.yml"
    f.write_text(build([("    role: processor", "    role: procesor")]), encoding="utf-8")
    assert main(["validate", str(f)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"{f}:25:11: error: 'procesor' is not an allowed value for 'parties[0].role'. Did you mean 'processor'? "
        "Allowed: controller, joint_controller, processor, service_provider, contractor, third_party, public_authority"
    )
    assert err[1].startswith("  fix: use one of: controller")
    assert err[-1] == "1 error: nothing was written."


def test_cli_json_output_for_bad_input(tmp_path, capsys):
    f = tmp_path / "inv.yml"
    f.write_text(build([("2026-01-01", "2026-02-30"), ("    country: US", "    country: UK")]), encoding="utf-8")
    assert main(["validate", str(f), "--format", "json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and out["findings"] == []
    assert [(e["line"], e["column"]) for e in out["errors"]] == [(10, 19)]  # the loader stops at the first bad scalar
    assert out["errors"][0]["file"] == str(f)
    assert out["errors"][0]["message"] == "'2026-02-30' is not a real date (day is out of range for month)"
    assert out["errors"][0]["fix"] == "write dates as YYYY-MM-DD, e.g. 2026-11-01"


def test_cli_json_lists_every_model_problem(tmp_path, capsys):
    f = tmp_path / "inv.yml"
    f.write_text(build([("    role: processor", "    role: procesor"), ("    country: US", "    country: UK")]), encoding="utf-8")
    assert main(["validate", str(f), "--format", "json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert [(e["line"], e["column"]) for e in out["errors"]] == [(25, 11), (26, 14)]
    assert set(out["errors"][0]) == {"file", "line", "column", "message", "fix"}


def test_cli_missing_file(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.yml")]) == 2
    assert "file not found" in capsys.readouterr().err


def test_cli_valid_file(tmp_path, capsys):
    f = tmp_path / "inv.yml"
    # complete: Art. 13(2)(e) asks whether the person must give the data they give (gdpr.required)
    f.write_text(BASE.replace("    sources: [you]\n", "    sources: [you]\n    required: false\n"), encoding="utf-8")
    assert main(["validate", str(f)]) == 0
    assert capsys.readouterr().out.strip() == f"{f}: valid; complete for eu_gdpr."


# -- other companies' inventories ------------------------------------------------------------


@pytest.mark.parametrize("name", ["us_saas.yml", "eu_clinic.yml", "uk_shop.yml"])
def test_other_companies_load(name, capsys):
    """Each is valid and complete; validate also refuses a notice language without templates
    (us_saas is in English and Spanish, and Spanish templates do not ship yet)."""
    from generator.notice.languages import available_languages

    inv = parse(load_file(FIXTURES / name))
    missing = [lang for lang in inv.notice.languages if lang not in available_languages()]
    code = main(["validate", str(FIXTURES / name)])
    out, err = capsys.readouterr()
    if missing:
        assert code == 2 and f"notice.languages lists '{missing[0]}', but there are no templates for it" in err
    else:
        assert code == 0 and "valid; complete for" in out


def test_language_maps_resolve_per_language():
    inv = parse(load_file(FIXTURES / "us_saas.yml"))
    assert inv.notice.languages == ["en", "es"]
    assert inv.data[0].name.get("es") == "Datos de la cuenta"
    assert inv.data[0].name.get("en") == "Account details"
    assert inv.data[0].name.loc_for("es").line == 23  # the map's own line in the file
    assert inv.party_by_id("broker").all_countries == ["US", "CA"]
    assert [d.id for d in inv.party_by_id("cloud").data_items] == ["account", "invoices", "device"]


def test_language_map_missing_a_language_in_a_fixture(tmp_path):
    text = (FIXTURES / "eu_clinic.yml").read_text(encoding="utf-8")
    text = text.replace("name: {de: Behandlung, en: Treatment}", "name: {de: Behandlung}")
    with pytest.raises(InputError) as info:
        parse(load_text(text, "clinic.yml"))
    (p,) = info.value.problems
    assert (p.loc.line, p.loc.col) == (62, 11)
    assert p.message == "the texts for 'purposes[0].name' do not match notice.languages [de, en]: missing en"
