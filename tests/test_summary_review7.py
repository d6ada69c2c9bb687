"""Review 7 (/work/notes/review7/A and B): summary sentences that said more or less than the law.

Each test renders a fixture (or a small variant of one) in every language and asserts the
sentence the summary prints now, and that the old wording is gone: the old wording fails it.
"""

from __future__ import annotations

import pytest

from conftest import ALL_FIXTURES, REFERENCE, variant
from generator.inventory.load import load_text
from generator.inventory.parse import load_inventory, parse
from generator.notice.render import render

LANGS = ("en", "de", "es", "fr", "it", "nl", "pl")


def _summaries(inv) -> dict[str, str]:
    return {lang: render(inv, lang=lang).pages["index.md"].markdown for lang in LANGS}


def _inv(text: str):
    return parse(load_text(text, "inv.yml"))


@pytest.fixture(scope="module")
def reference():
    """The reference: eu_gdpr, uk_gdpr and us_ca, two complaint methods, a supervisory authority."""
    return _summaries(load_inventory(REFERENCE))


# ------------------------------------------------------------------------------------------------
# A row 8: the California right to delete covers only what was collected from the consumer
# (Cal. Civ. Code 1798.105(a); 11 CCR 7011(e)(2)(B)), as the full notice says.
# ------------------------------------------------------------------------------------------------

DELETE = {
    "en": ("    - delete what we collected from you\n", "    - delete it\n"),
    "de": ("    - löschen lassen, was wir bei Ihnen erhoben haben\n", "    - die Daten löschen lassen\n"),
    "es": ("    - eliminar lo recogido de usted\n", "    - eliminarlos\n"),
    "fr": ("    - supprimer les données collectées auprès de vous\n", "    - les supprimer\n"),
    "it": ("    - cancellare quanto raccolto da te\n", "    - cancellarlo\n"),
    "nl": ("    - laten wissen wat we bij jou verzamelden\n", "    - ze laten wissen\n"),
    "pl": ("    - usunąć dane zebrane od Ciebie\n", "    - usunąć dane\n"),
}


@pytest.mark.parametrize("name", ["reference", "us_ca_stores", "big_health_app"])
def test_california_delete_is_what_we_collected_from_you(name):
    pages = _summaries(load_inventory(ALL_FIXTURES[name]))
    for lang, (new, old) in DELETE.items():
        md = pages[lang]
        assert md.count(new) == 1, (name, lang)
        assert old not in md, (name, lang)
        # "correct it" follows "know what we collect", so "it" is not narrowed to what was collected from you
        assert md.index(new) > md.index("(notice.md#california-rights)"), (name, lang)


# ------------------------------------------------------------------------------------------------
# A row 6: the right to limit covers the use and the disclosure of sensitive personal information
# (1798.121(a)-(b); 11 CCR 7011(e)(2)(E)). The rights list names it where no limit link is printed.
# ------------------------------------------------------------------------------------------------

LIMIT = {
    "en": ("    - limit how we use and disclose sensitive information\n", "    - limit how we use sensitive information\n"),
    "de": ("    - die Nutzung und Weitergabe sensibler Informationen einschränken\n",
           "    - die Nutzung sensibler Informationen einschränken\n"),
    "es": ("    - limitar el uso y la divulgación de la información confidencial\n",
           "    - limitar el uso de la información confidencial\n"),
    "fr": ("    - limiter l'utilisation et la communication des informations sensibles\n",
           "    - limiter l'utilisation des informations sensibles\n"),
    "it": ("    - limitare l'uso e la divulgazione delle informazioni sensibili\n",
           "    - limitare l'uso delle informazioni sensibili\n"),
    "nl": ("    - het gebruik en de verstrekking van gevoelige gegevens laten beperken\n",
           "    - het gebruik van gevoelige gegevens laten beperken\n"),
    "pl": ("    - ograniczyć użycie i ujawnianie danych wrażliwych\n", "    - ograniczyć użycie danych wrażliwych\n"),
}


def test_the_right_to_limit_is_about_use_and_disclosure():
    inv = load_inventory(ALL_FIXTURES["big_health_app"])
    inv.controls.limit_sensitive_url = None  # no link: the rights list names the right itself
    pages = _summaries(inv)
    for lang, (new, old) in LIMIT.items():
        assert pages[lang].count(new) == 1, lang
        assert old not in pages[lang], lang


# ------------------------------------------------------------------------------------------------
# B row 12: under UK law people can complain to the controller (DPA 2018 s.164A; UK GDPR Art.
# 13(2)(ca), 14(2)(da)) and to the ICO (s.165), in no set order. The summary's UK line names both;
# its label links to the full notice's Complain section (how to complain to us), "ICO" to the ICO's.
# ------------------------------------------------------------------------------------------------

UK_COMPLAIN = {
    "en": ("us or the [ICO](notice.md#ico).", "The Information Commissioner's Office (ICO)."),
    "de": ("bei uns oder beim [ICO](notice.md#ico).", "Das Information Commissioner's Office (ICO)."),
    "es": (":**](notice.md#complain) nosotros o la [ICO](notice.md#ico).", "La Information Commissioner's Office (ICO)."),
    "fr": ("\u00a0:**](notice.md#complain) nous ou l'[ICO](notice.md#ico).", "L'Information Commissioner's Office (ICO)."),
    "it": ("a noi o all'[ICO](notice.md#ico).", "L'Information Commissioner's Office (ICO)."),
    "nl": ("bij ons of de [ICO](notice.md#ico).", ":**](notice.md#complain) Information Commissioner's Office (ICO)."),
    "pl": ("do nas lub do [ICO](notice.md#ico).", ":**](notice.md#complain) Information Commissioner's Office (ICO)."),
}


@pytest.mark.parametrize("name", ["uk_shop", "reference"])  # uk_gdpr only; eu_gdpr and uk_gdpr
def test_the_uk_complaint_line_offers_us_and_the_ico(name):
    inv = load_inventory(ALL_FIXTURES[name])
    for lang, md in _summaries(inv).items():
        new, old = UK_COMPLAIN[lang]
        line = next(x for x in md.splitlines() if x.endswith(new))
        assert line.startswith("- [**") and "](notice.md#complain) " in line, (name, lang, line)
        assert old not in md, (name, lang)
        notice = render(inv, lang=lang).pages["notice.md"].markdown
        assert "{: #complain }" in notice and "{: #ico }" in notice, (name, lang)


# ------------------------------------------------------------------------------------------------
# B row 3: "Based on your consent" named a purpose based on legitimate interests because one kind
# of data it uses is under explicit consent (Art. 9(2)(a)). Only that data's use rests on consent
# (GDPR Art. 7(3), 13(2)(c)): the summary names it after the purpose; consent purposes stay as they are.
# Where that data is all the special-category data the purpose uses, it says "only its sensitive
# data" (the words and the link of the "Sensitive data" list in Know this first, which names each).
# ------------------------------------------------------------------------------------------------

ONLY_FOR = {"en": "only for ", "de": "nur für ", "es": "solo para ", "fr": "uniquement pour ", "it": "solo per ",
            "nl": "alleen voor ", "pl": "tylko dane: "}
ONLY_SENSITIVE = {
    "en": "(only its [sensitive data](#know-this-first))",
    "de": "(nur für die dabei genutzten [sensiblen Daten](#know-this-first))",
    "es": "(solo para los [datos sensibles](#know-this-first) que usa)",
    "fr": "(uniquement pour ses [données sensibles](#know-this-first))",
    "it": "(solo per i suoi [dati sensibili](#know-this-first))",
    "nl": "(alleen voor de daarvoor gebruikte [gevoelige gegevens](#know-this-first))",
    "pl": "(tylko [dane wrażliwe](#know-this-first), których używa)",
}
SENSITIVE_LABEL = {"en": "Sensitive data", "de": "Sensible Daten", "es": "Datos sensibles", "fr": "Données sensibles",
                   "it": "Dati sensibili", "nl": "Gevoelige gegevens", "pl": "Dane wrażliwe"}


def _consent_line(md: str) -> str:
    return next(x for x in md.splitlines() if "(notice.md#withdraw-consent)" in x)


def test_a_purpose_whose_only_sensitive_data_is_on_consent_says_only_its_sensitive_data():
    # Stop fraud (legitimate interests) also uses the allergy notes (explicit consent), its only sensitive data
    text = variant(("    data: [contact, bookings, payment, usage]\n", "    data: [contact, bookings, payment, usage, allergy_notes]\n"))
    pages = _summaries(_inv(text))
    for lang, short in ONLY_SENSITIVE.items():
        md = pages[lang]
        line = _consent_line(md)
        assert f"[Stop fraud](notice.md#purpose-fraud) {short}" in line, (lang, line)
        assert f"({ONLY_FOR[lang]}Allergy" not in line, lang
        # a purpose based on consent is named as it is
        assert "[Tell your salon about allergies](notice.md#purpose-allergy-sharing)" in line, lang
        assert "[Tell your salon about allergies](notice.md#purpose-allergy-sharing) (" not in line, lang
        # the words point to the list that names the data: Know this first's "Sensitive data"
        first = md[md.index("{: #know-this-first }") :]
        assert f"[**{SENSITIVE_LABEL[lang]}" in first and "[Allergy and skin notes](notice.md#data-allergy-notes)" in first, lang


def test_a_purpose_with_sensitive_data_on_another_condition_names_the_data_on_consent():
    # Treatment (contract) uses its findings (Art. 9(2)(h)) and the fall risk score (explicit consent):
    # only the score rests on consent, so "its sensitive data" would say too much
    text = variant(("    data: [patient, health]\n    legal_basis: contract", "    data: [patient, health, risk_score]\n    legal_basis: contract"),
                   base=ALL_FIXTURES["eu_clinic"])
    pages = _summaries(_inv(text))
    for lang, only in ONLY_FOR.items():
        line = _consent_line(pages[lang])
        assert any(f"](notice.md#purpose-treatment) ({only}{name})" in line for name in ("Fall risk score", "Sturzrisiko")), (lang, line)
        assert ONLY_SENSITIVE[lang] not in line, lang


def test_consent_purposes_alone_get_no_data_named(reference):
    for lang, only in ONLY_FOR.items():
        line = _consent_line(reference[lang])
        assert f"({only}" not in line and ONLY_SENSITIVE[lang] not in line, lang


# ------------------------------------------------------------------------------------------------
# B row 7: GDPR Art. 77(1) gives a complaint to any supervisory authority, "in particular" where the
# person lives or works or where the alleged infringement happened. The summary said "the authority
# where you live or work", as if there were only one: now any authority, with two of the places as
# examples ("such as"); the full notice (notice/rights.md.j2, #complain) lists all three. A named
# authority stands in a sentence of its own: with a long name one sentence ran past 25 words (RD002).
# ------------------------------------------------------------------------------------------------

EU_COMPLAIN = {  # lang: (after organization.supervisory_authority, without one, old wordings)
    "en": (". Or another data protection authority. For example, the one where you live or work.",
           "any data protection authority, such as the one where you live or work.",
           ("or the authority where you live or work", "the data protection authority where you live or work",
            "You can also complain elsewhere")),
    "de": (". Oder eine andere Datenschutzbehörde, etwa die dort, wo Sie leben oder arbeiten.",
           "jede Datenschutzbehörde, etwa die dort, wo Sie leben oder arbeiten.",
           ("oder die Aufsichtsbehörde dort,", "die Datenschutzbehörde dort,", "woanders beschweren")),
    "es": (". También otra autoridad de protección de datos, como la del lugar donde vive o trabaja.",
           "cualquier autoridad de protección de datos, como la del lugar donde vive o trabaja.",
           ("o la autoridad del lugar", "la autoridad de protección de datos del lugar", "en otro lugar")),
    "fr": (". Ou une autre autorité de protection des données, comme celle du pays où vous vivez ou travaillez.",
           "toute autorité de protection des données, comme celle du pays où vous vivez ou travaillez.",
           ("ou l'autorité du pays", "l'autorité de protection des données du pays", "plainte ailleurs")),
    "it": (". Oppure un'altra autorità per la protezione dei dati, come quella del paese in cui vivi o lavori.",
           "qualsiasi autorità per la protezione dei dati, come quella del paese in cui vivi o lavori.",
           ("o l'autorità del paese", "l'autorità per la protezione dei dati del paese", "reclamo altrove")),
    "nl": (". Of een andere toezichthouder voor gegevensbescherming, zoals die waar je woont of werkt.",
           "elke toezichthouder voor gegevensbescherming, zoals die waar je woont of werkt.",
           ("of de toezichthouder waar", "de toezichthouder voor gegevensbescherming waar", "elders klagen")),
    "pl": (". Albo inny urząd ochrony danych, na przykład w kraju, w którym mieszkasz lub pracujesz.",
           "dowolny urząd ochrony danych, na przykład w kraju, w którym mieszkasz lub pracujesz.",
           ("lub urząd ochrony danych tam,", ": urząd ochrony danych tam,", "gdzie indziej")),
}


@pytest.mark.parametrize("name, with_authority", [("reference", True), ("big_health_app", False), ("eu_public_library", True)])
def test_the_eu_complaint_line_offers_any_authority_with_examples(name, with_authority):
    inv = load_inventory(ALL_FIXTURES[name])
    for lang, md in _summaries(inv).items():
        with_sa, without, olds = EU_COMPLAIN[lang]
        line = next(x for x in md.splitlines() if "](notice.md#complain) " in x and "ICO" not in x)
        text = line.split("](notice.md#complain) ", 1)[1]
        if with_authority:
            assert text == str(inv.organization.supervisory_authority.name).replace("(", "\\(").replace(")", "\\)") + with_sa, (name, lang, line)
        else:
            assert text == without, (name, lang, line)
        for old in olds:
            assert old not in line, (name, lang, old)


# ------------------------------------------------------------------------------------------------
# A rows 1 and 7: with sells_or_shares_under_16: true the summary states the actual knowledge
# (11 CCR 7011(e)(1)(G)) and the opt-in rule (1798.120(c)), in the full notice's words (no "some": the field
# states knowledge, not a number); the parent-or-guardian sentence only
# where children.minimum_age is left out or below 13 (a service not for under-13s has no such process).
# ------------------------------------------------------------------------------------------------

UNDER_16 = {  # lang: (knowledge and opt-in, parent sentence)
    "en": ("We know that we sell or share the personal information of people under 16. We do so only if they opt in.",
           "For people under 13, a parent or guardian must opt in."),
    "de": ("Wir wissen, dass wir personenbezogene Informationen von Personen unter 16 Jahren verkaufen oder für "
           "kontextübergreifende Werbung teilen. Das tun wir nur, wenn sie zustimmen.",
           "Bei Personen unter 13 Jahren muss ein Elternteil oder Vormund zustimmen."),
    "es": ("Sabemos que vendemos la información personal de menores de 16 años, o que la compartimos para publicidad. "
           "Solo lo hacemos si ellos lo autorizan.",
           "Para menores de 13 años, debe autorizarlo su padre, su madre o su tutor."),
    "fr": ("Nous savons que nous vendons les données des moins de 16 ans, ou que nous les partageons pour la publicité. "
           "Nous le faisons seulement s'ils y consentent.",
           "Pour les moins de 13 ans, un parent ou un tuteur doit y consentir."),
    "it": ("Sappiamo di vendere le informazioni personali di chi ha meno di 16 anni, o di condividerle per la "
           "pubblicità tra contesti diversi. Lo facciamo solo se dà il proprio consenso.",
           "Per chi ha meno di 13 anni, il consenso deve darlo un genitore o un tutore."),
    "nl": ("We weten dat we persoonsgegevens van mensen onder de 16 verkopen, of delen voor reclame. "
           "Dat doen we alleen als ze daarvoor kiezen (opt-in).",
           "Voor mensen onder de 13 moet een ouder of voogd daarvoor kiezen."),
    "pl": ("Wiemy, że sprzedajemy lub udostępniamy do", "Za osoby poniżej 13 lat zgodę musi wyrazić rodzic lub opiekun."),
}


def _under_16_line(md: str) -> str:
    return next(x for x in md.splitlines() if x.endswith("](notice.md#ca-sold-shared)"))


@pytest.mark.parametrize("minimum_age, parent", [(None, True), (0, True), (12, True), (13, False), (16, False)])
def test_the_under_16_statement_says_we_know_and_names_parents_only_below_13(minimum_age, parent):
    edits = [("sells_or_shares_under_16: false", "sells_or_shares_under_16: true")]
    if minimum_age is not None:
        edits.append(("  sells_or_shares_under_16: false", f"  minimum_age: {minimum_age}\n  sells_or_shares_under_16: false"))
        edits.reverse()
    pages = _summaries(_inv(variant(*edits, base=ALL_FIXTURES["us_ca_stores"])))
    for lang, (knows, parents) in UNDER_16.items():
        line = _under_16_line(pages[lang])
        assert knows in line, (minimum_age, lang, line)
        assert (parents in line) is parent, (minimum_age, lang, line)
