"""Review 7 (A: a California data seller; B: a UK/EU screening company): full-notice sentences that
said more or less than the inventory or the article they paraphrase, fixed in every language.

Each test renders a fixture (or a small variant of one) in all seven languages and asserts the new
wording where the condition holds, and that the old wording is gone. The findings:
/work/notes/review7/A/findings.md and /work/notes/review7/B/findings.md.
"""

from __future__ import annotations

import pytest

from conftest import ALL_FIXTURES, variant
from generator.inventory.load import load_text
from generator.inventory.parse import parse
from generator.notice.checklist import find_section
from generator.notice.render import render

LANGS = ("en", "de", "es", "fr", "it", "nl", "pl")


def _render(text: str, lang: str):
    return render(parse(load_text(text, "inv.yml")), lang=lang)


def _notice(text: str, lang: str) -> str:
    return _render(text, lang).pages["notice.md"].markdown


def _section(md: str, anchor: str) -> str:
    found = find_section(md, anchor)
    assert found is not None, anchor
    return md[found[0] : found[1]]


def _fixture(name: str) -> str:
    return ALL_FIXTURES[name].read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------------
# A1, A7: the under-16 statement (1798.120(c); 11 CCR 7011(e)(1)(G), 7070, 7072(a))
# ------------------------------------------------------------------------------------------------

#: (statement of actual knowledge, the parent-or-guardian sentence, the old conditional rule)
UNDER_16 = {
    "en": ("We know that we sell or share the personal information of people under 16. We do this only if they opt in.",
           "For people under 13, a parent or guardian must opt in.",
           "We sell or share the personal information of people under 16 only if they opt in."),
    "de": ("Wir wissen, dass wir personenbezogene Informationen von Personen unter 16 Jahren verkaufen",
           "Bei Personen unter 13 Jahren muss ein Elternteil oder Vormund zustimmen.",
           "Wir verkaufen personenbezogene Informationen von Personen unter 16 Jahren oder teilen sie"),
    "es": ("Sabemos que vendemos la información personal de menores de 16 años",
           "Para menores de 13 años, debe autorizarlo su padre, su madre o su tutor.",
           "Vendemos la información personal de menores de 16 años, o la compartimos"),
    "fr": ("Nous savons que nous vendons les informations personnelles des personnes de moins de 16 ans",
           "Pour les moins de 13 ans, un parent ou un tuteur doit y consentir.",
           "Nous vendons les informations personnelles des personnes de moins de 16 ans, ou les partageons"),
    "it": ("Sappiamo di vendere le informazioni personali di chi ha meno di 16 anni, o di condividerle",
           "Per chi ha meno di 13 anni, il consenso deve darlo un genitore o un tutore.",
           "Vendiamo le informazioni personali di chi ha meno di 16 anni, o le condividiamo"),
    "nl": ("We weten dat we persoonsgegevens van mensen onder de 16 verkopen",
           "Voor mensen onder de 13 moet een ouder of voogd daarvoor kiezen.",
           "We verkopen persoonsgegevens van mensen onder de 16, of delen ze"),
    "pl": ("Wiemy, że sprzedajemy dane osobowe osób poniżej 16 lat",
           "Za osoby poniżej 13 lat zgodę musi wyrazić rodzic lub opiekun.",
           "Dane osobowe osób poniżej 16 lat sprzedajemy lub udostępniamy"),
}


def _under_16(minimum_age):
    block = "children:\n  sells_or_shares_under_16: true\n  opt_in_process: Turn it on in Settings.\n"
    if minimum_age is not None:
        block += f"  minimum_age: {minimum_age}\n"
    return variant(("children:\n  sells_or_shares_under_16: false\n", block), base=ALL_FIXTURES["us_saas"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("minimum_age, parent", [(None, True), (0, True), (12, True), (13, False), (16, False)])
def test_under_16_states_actual_knowledge_and_a_parent_only_where_children_under_13_may_use_it(lang, minimum_age, parent):
    # review A #1: Trailpoint (minimum_age 13) was told to say a parent opts in for children under 13;
    # review A #7: 7011(e)(1)(G) asks whether the business knows it sells or shares such data
    know, parent_sentence, old = UNDER_16[lang]
    sec = _section(_notice(_under_16(minimum_age), lang), "ca-sold-shared")
    assert know in sec and old not in sec
    assert (parent_sentence in sec) is parent, sec


# ------------------------------------------------------------------------------------------------
# B1: GDPR Art. 22(2)(a): "a contract between the data subject and a data controller"
# ------------------------------------------------------------------------------------------------

#: (the contract exception, the old "our contract" wording)
DECISION_CONTRACT = {
    "en": ("it is needed to make or carry out a contract with you", "our contract with you"),
    "de": ("Es ist nötig, um einen Vertrag mit Ihnen zu schließen oder zu erfüllen", "unseren Vertrag mit Ihnen zu schließen"),
    "es": ("es necesaria para celebrar o ejecutar un contrato con usted", "ejecutar nuestro contrato con usted"),
    "fr": ("c'est nécessaire pour conclure ou exécuter un contrat avec vous", "exécuter notre contrat avec vous"),
    "it": ("è necessario per concludere o eseguire un contratto con te", "eseguire il nostro contratto con te"),
    "nl": ("het is nodig om een overeenkomst met jou te sluiten of uit te voeren", "onze overeenkomst met jou te sluiten"),
    "pl": ("jest to niezbędne do zawarcia lub wykonania umowy z Tobą", "wykonania naszej umowy z Tobą"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_contract_exception_for_a_decision_does_not_say_the_contract_is_ours(lang):
    # review B #1: a screening company shortlists for the employer's contract, not its own
    new, old = DECISION_CONTRACT[lang]
    decisions = _section(_notice(_fixture("p2p_marketplace"), lang), "automated-decisions")
    assert new in decisions and old not in decisions


# ------------------------------------------------------------------------------------------------
# B4: GDPR Art. 13(2)(e): "a requirement necessary to enter into a contract" (no party named)
# ------------------------------------------------------------------------------------------------

#: (the entering_contract sentence, the old "we need it" wording)
ENTERING_CONTRACT = {
    "en": ("It is needed to make a contract with you.", "We need it to make a contract with you."),
    "de": ("Das ist nötig, um einen Vertrag mit Ihnen zu schließen.", "Wir brauchen sie, um einen Vertrag mit Ihnen zu schließen."),
    "es": ("Son necesarios para celebrar un contrato con usted.", "Los necesitamos para celebrar un contrato con usted."),
    "fr": ("C'est nécessaire pour conclure un contrat avec vous.", "Nous en avons besoin pour conclure un contrat avec vous."),
    "it": ("Servono per concludere un contratto con te.", "Ci servono per concludere un contratto con te."),
    "nl": ("Ze zijn nodig om een overeenkomst met je te sluiten.", "We hebben ze nodig om een overeenkomst met je te sluiten."),
    "pl": ("Są potrzebne do zawarcia z Tobą umowy.", "Potrzebujemy ich, aby zawrzeć z Tobą umowę."),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["eu_uk_hr_platform", "nl_travel_agency"])
def test_data_needed_to_enter_a_contract_does_not_say_the_contract_is_with_us(name, lang):
    # review B #4: the candidate's job contract is with the employer, not with the screening company
    new, old = ENTERING_CONTRACT[lang]
    md = _notice(_fixture(name), lang)
    entering = sum(1 for d in parse(load_text(_fixture(name), "inv.yml")).data
                   if d.required and d.required_by == "entering_contract" and d.given_by_person)
    assert entering and md.count(new) == entering and old not in md


# ------------------------------------------------------------------------------------------------
# A6: the right to limit covers the use and the disclosure of sensitive personal information
# (1798.121(a)-(b); 11 CCR 7011(e)(2)(E))
# ------------------------------------------------------------------------------------------------

#: (the full notice's sentences, the notice at collection's lead-in, an old wording)
LIMIT = {
    "en": ("You can tell us to limit how we use and disclose your sensitive personal information. After that, we use or disclose it only for what 11 CCR 7027(m) permits,",
           "You can tell us to limit how we use and disclose your sensitive personal information: ",
           "limit how we use your sensitive"),
    "de": ("dass wir die Nutzung und Weitergabe Ihrer sensiblen personenbezogenen Informationen einschränken sollen. Danach verwenden wir sie nur noch für das, was 11 CCR 7027(m) erlaubt, und geben sie nur dafür weiter,",
           "dass wir die Nutzung und Weitergabe Ihrer sensiblen personenbezogenen Informationen einschränken sollen: ",
           "dass wir die Nutzung Ihrer sensiblen"),
    "es": ("limitemos el uso y la comunicación de su información personal confidencial. Después, solo la usamos o comunicamos para lo que permite 11 CCR 7027(m),",
           "limitemos el uso y la comunicación de su información personal confidencial: ",
           "limitemos el uso de su información"),
    "fr": ("limiter l'utilisation et la communication de vos informations personnelles sensibles. Ensuite, nous ne les utilisons ou ne les communiquons que pour ce que 11 CCR 7027(m) permet,",
           "limiter l'utilisation et la communication de vos informations personnelles sensibles\u00a0: ",
           "limiter l'utilisation de vos informations"),
    "it": ("limitare l'uso e la comunicazione delle tue informazioni personali sensibili. Da quel momento le usiamo o le comunichiamo solo per ciò che consente 11 CCR 7027(m),",
           "limitare l'uso e la comunicazione delle tue informazioni personali sensibili: ",
           "limitare l'uso delle tue informazioni"),
    "nl": ("het gebruik en het verstrekken van je gevoelige persoonsgegevens moeten beperken. Daarna gebruiken of verstrekken we ze alleen voor wat 11 CCR 7027(m) toestaat,",
           "het gebruik en het verstrekken van je gevoelige persoonsgegevens moeten beperken: ",
           "het gebruik van je gevoelige persoonsgegevens moeten beperken"),
    "pl": ("ograniczyli użycie i ujawnianie Twoich wrażliwych danych osobowych. Potem używamy ich lub je ujawniamy tylko do tego, na co pozwala 11 CCR 7027(m),",
           "ograniczyli użycie i ujawnianie Twoich wrażliwych danych osobowych: ",
           "ograniczyli użycie Twoich wrażliwych"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["us_saas", "us_ca_stores", "big_health_app"])
def test_the_right_to_limit_covers_use_and_disclosure(name, lang):
    # review A #6: Trailpoint sells precise location; a limit request also stops that disclosure
    notice_text, collection_text, old = LIMIT[lang]
    pages = _render(_fixture(name), lang).pages
    assert notice_text in _section(pages["notice.md"].markdown, "right-to-limit")
    assert collection_text in _section(pages["collection.md"].markdown, "collection-limit")
    assert old not in pages["notice.md"].markdown and old not in pages["collection.md"].markdown


#: the right to limit, as the notice states it where every sensitive entry is used only for 7027(m)
LIMITED_ALL = {
    "en": ("limit a business's use and disclosure of sensitive personal information", "limit a business's use of"),
    "de": ("die Nutzung und Weitergabe sensibler personenbezogener Informationen durch ein Unternehmen", "die Nutzung sensibler personenbezogener Informationen durch"),
    "es": ("limitar el uso y la comunicación que una empresa hace", "limitar el uso que una empresa"),
    "fr": ("limiter l'utilisation et la communication de vos informations personnelles sensibles par une entreprise", "limiter l'utilisation de vos informations personnelles sensibles par"),
    "it": ("limitare l'uso e la comunicazione delle informazioni personali sensibili da parte di un'impresa", "limitare l'uso delle informazioni personali sensibili da"),
    "nl": ("het gebruik en het verstrekken van gevoelige persoonsgegevens door een bedrijf", "het gebruik van gevoelige persoonsgegevens door"),
    "pl": ("ograniczyć użycie i ujawnianie wrażliwych danych osobowych przez firmę", "ograniczyć użycie wrażliwych danych osobowych przez"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_to_limit_covers_use_and_disclosure_where_all_use_is_within_7027m(lang):
    """The reference's only sensitive entry is used only for the 7027(m) purposes: the section still
    describes the right itself, which covers use and disclosure (1798.121(a)-(b); 7011(e)(2)(E))."""
    new, old = LIMITED_ALL[lang]
    section = " ".join(_section(_notice(_fixture("reference"), lang), "right-to-limit").split())
    assert new in section and old not in section


# ------------------------------------------------------------------------------------------------
# B9: the legitimate interest can be a third party's (Art. 6(1)(f), 13(1)(d), 14(2)(b)), and the
# right to object covers every 6(1)(f) purpose (Art. 21(1))
# ------------------------------------------------------------------------------------------------

#: (the label of a legitimate_interest, the objection sentence's ground, old label, old ground)
LEGITIMATE = {
    "en": ("**The interest:**", "Where we use your data for legitimate interests, you can object at any time. The interests can be ours or someone else's.",
           "**Our interest:**", "our legitimate interests"),
    "de": ("**Das Interesse:**", "Wenn wir Ihre Daten für berechtigte Interessen verwenden, können Sie jederzeit widersprechen. Das können unsere Interessen sein oder die eines Dritten.",
           "**Unser Interesse:**", "unsere berechtigten Interessen"),
    "es": ("**El interés:**", "Cuando usamos sus datos sobre la base de intereses legítimos, puede oponerse en cualquier momento. Pueden ser intereses nuestros o de un tercero.",
           "**Nuestro interés:**", "de nuestros intereses legítimos"),
    "fr": ("**L'intérêt\u00a0:**", "Quand nous utilisons vos données pour des intérêts légitimes, vous pouvez vous y opposer à tout moment. Il peut s'agir de nos intérêts ou de ceux d'un tiers.",
           "**Notre intérêt", "nos intérêts légitimes"),
    "it": ("**L'interesse:**", "Quando usiamo i tuoi dati per un legittimo interesse, puoi opporti in qualsiasi momento. L'interesse può essere nostro o di terzi.",
           "**Il nostro interesse:**", "il nostro legittimo interesse"),
    "nl": ("**Het belang:**", "Gebruiken we je gegevens voor gerechtvaardigde belangen? Dan kun je altijd bezwaar maken. Dat kunnen belangen van ons zijn of van een ander.",
           "**Ons belang:**", "onze gerechtvaardigde belangen"),
    "pl": ("**Interes:**", "Jeśli używamy Twoich danych na podstawie prawnie uzasadnionych interesów, możesz w każdej chwili wnieść sprzeciw. Mogą to być nasze interesy lub interesy strony trzeciej.",
           "**Nasz interes:**", "naszych prawnie uzasadnionych interesów"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["reference", "p2p_marketplace", "eu_uk_hr_platform"])
def test_the_legitimate_interest_is_not_called_ours(name, lang):
    # review B #9: Calder relies on the employer's interest in hiring safely
    label, ground, old_label, old_ground = LEGITIMATE[lang]
    inv = parse(load_text(_fixture(name), "inv.yml"))
    md = _notice(_fixture(name), lang)
    stated = sum(1 for p in inv.purposes if p.legitimate_interest and p.legal_basis != "recognised_legitimate_interest")
    assert stated and md.count(label) == stated and old_label not in md
    obj = _section(md, "right-to-object")
    assert ground in obj and old_ground not in obj


# ------------------------------------------------------------------------------------------------
# B8: under a purpose that does not rest on consent, withdrawing consent is about its data under
# explicit consent (Art. 9(2)(a), 13(2)(c)); under a consent purpose the line stays as it was
# ------------------------------------------------------------------------------------------------

#: (a consent purpose's line, the lead-in naming the explicit-consent data, what follows the names)
WITHDRAW = {
    "en": ("You can withdraw your consent at any time.", "Your explicit consent covers only this data: ", ". You can withdraw it at any time."),
    "de": ("Sie können Ihre Einwilligung jederzeit widerrufen.", "Ihre ausdrückliche Einwilligung gilt nur für diese Daten: ", ". Sie können sie jederzeit widerrufen."),
    "es": ("Puede retirar su consentimiento en cualquier momento.", "Su consentimiento explícito solo cubre estos datos: ", ". Puede retirarlo en cualquier momento."),
    "fr": ("Vous pouvez retirer votre consentement à tout moment.", "Votre consentement explicite ne couvre que ces données\u00a0: ", ". Vous pouvez le retirer à tout moment."),
    "it": ("Puoi revocare il tuo consenso in qualsiasi momento.", "Il tuo consenso esplicito riguarda solo questi dati: ", ". Puoi revocarlo in qualsiasi momento."),
    "nl": ("Je kunt je toestemming altijd intrekken.", "Je uitdrukkelijke toestemming geldt alleen voor deze gegevens: ", ". Je kunt die altijd intrekken."),
    "pl": ("Możesz w każdej chwili wycofać zgodę.", "Twoja wyraźna zgoda dotyczy tylko tych danych: ", ". Możesz ją w każdej chwili wycofać."),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["big_health_app", "eu_clinic", "reference"])
def test_withdrawing_consent_under_another_basis_names_the_explicit_consent_data(name, lang):
    # review B #8: "Legal basis: legitimate interests" then "You can withdraw your consent", with no
    # word on what the consent covers (Calder's Adjustment needs, Art. 9(2)(a))
    consent_line, lead, tail = WITHDRAW[lang]
    inv = parse(load_text(_fixture(name), "inv.yml"))
    result = _render(_fixture(name), lang)
    md = result.pages["notice.md"].markdown
    seen = 0
    for p in inv.purposes:
        sec = _section(md, "purpose-" + p.id.replace("_", "-"))
        explicit = [d for d in p.data_items if d.special and d.special_category_basis == "explicit_consent"]
        if p.legal_basis == "consent":
            assert consent_line in sec and lead not in sec, (p.id, sec)
        elif explicit:
            seen += 1
            line = next(ln for ln in sec.splitlines() if lead in ln)
            assert consent_line not in sec and tail in line, (p.id, sec)
            assert all(f"(#data-{d.id.replace('_', '-')})" in line for d in explicit), line
            assert not any(f"(#data-{d.id.replace('_', '-')})" in line for d in p.data_items if d not in explicit), line
        else:
            assert lead not in sec and consent_line not in sec, (p.id, sec)
    assert seen == (name == "big_health_app")


# ------------------------------------------------------------------------------------------------
# B13: UK GDPR Art. 22C(2)(a): the person is told about such decisions (UK part only)
# ------------------------------------------------------------------------------------------------

#: (the label of the UK part when the notice also covers the EU, the sentence)
UK_DECISION_INFO = {
    "en": ("**In the UK:** ", "We tell you when we decide about you in this way."),
    "de": ("**Im Vereinigten Königreich:** ", "Wir teilen Ihnen mit, wenn wir auf diese Weise über Sie entscheiden."),
    "es": ("**En el Reino Unido:** ", "Le informamos cuando decidimos sobre usted de esta forma."),
    "fr": ("**Au Royaume-Uni\u00a0:** ", "Nous vous informons quand nous décidons à votre sujet de cette façon."),
    "it": ("**Nel Regno Unito:** ", "Ti informiamo quando decidiamo su di te in questo modo."),
    "nl": ("**In het VK:** ", "We laten je weten wanneer we op deze manier over jou beslissen."),
    "pl": ("**W Wielkiej Brytanii:** ", "Informujemy Cię, gdy w ten sposób decydujemy w Twojej sprawie."),
}


@pytest.mark.parametrize("lang", LANGS)
def test_uk_decision_rights_say_we_tell_you_about_the_decision(lang):
    # review B #13: the UK list of safeguards has four items; the sentence had (b)-(d) only
    label, sentence = UK_DECISION_INFO[lang]
    hr = _fixture("eu_uk_hr_platform")
    both = _section(_notice(hr, lang), "automated-decision-rights")
    assert (label + sentence) in both
    uk_only = _section(_notice(variant(("jurisdictions: [eu_gdpr, uk_gdpr]", "jurisdictions: [uk_gdpr]"), base=hr), lang), "automated-decision-rights")
    assert sentence in uk_only and label not in uk_only
    for eu_only in (variant(("jurisdictions: [eu_gdpr, uk_gdpr]", "jurisdictions: [eu_gdpr]"), base=hr), _fixture("p2p_marketplace")):
        section = _section(_notice(eu_only, lang), "automated-decision-rights")
        assert sentence not in section
