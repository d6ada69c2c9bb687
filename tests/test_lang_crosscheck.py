"""The translation reviewers' findings, carried into every language (session 4 cross-check).

Six reviewers each read one language and fixed defects that the other five had too. Each table
below is one kind of defect: for an English sentence, the wording every language must print
wherever English prints that sentence (page by page, as often), and the old wording that must not
come back. Details: /work/notes/review-tr/crosscheck.md.
"""

from __future__ import annotations

import pytest

from conftest import ALL_FIXTURES
from generator.inventory.parse import load_inventory
from generator.notice.render import render

LANGS = ("de", "es", "fr", "it", "nl", "pl")


@pytest.fixture(scope="module", params=sorted(ALL_FIXTURES))
def pages(request):
    inv = load_inventory(ALL_FIXTURES[request.param])
    return request.param, {lang: render(inv, lang=lang) for lang in ("en", *LANGS)}


def _check(pages, table):
    name, results = pages
    seen = 0
    for english, wanted in table.items():
        for path, en_page in results["en"].pages.items():
            n = en_page.markdown.count(english)
            seen += n
            for lang, words in wanted.items():
                md = results[lang].pages[path].markdown
                got = sum(md.count(w) for w in (words if isinstance(words, tuple) else (words,)))
                assert got == n, (name, path, lang, english, words)
    return seen


def _absent(pages, olds_by_lang):
    """No rendered page of a language holds any of its old wordings."""
    name, results = pages
    for lang, olds in olds_by_lang.items():
        for path, page in results[lang].pages.items():
            for old in olds:
                assert old not in page.markdown, (name, lang, path, old)


# CCPA "share" is cross-context behavioural advertising only (1798.140(ah)). A bare "teilen",
# "compartir", "partager", "condividere", "delen" (and Polish "udostępniać") reads as any
# disclosure, so "we do not share" denied the recipients listed on the same page. Every claim
# that we do not (or only so) share is qualified: in the summary by the word its own recipient
# labels use for sharing ("für Werbung geteilt", "para publicidad", ...), in the full notice and
# at collection by the cross-context wording of the none-shared-for-ads sentence.
SHARE = {
    "We do not sell or share your personal information, and we have not in the last 12 months.": {
        "de": "Wir verkaufen Ihre Daten nicht und teilen sie nicht für kontextübergreifende Werbung.",
        "es": "No vendemos su información personal ni la compartimos para publicidad, ni lo hicimos",
        "fr": "Nous ne vendons pas vos données, ni ne les partageons pour la publicité inter-contextes,",
        "it": "Non vendiamo le tue informazioni personali né le condividiamo per la pubblicità tra contesti diversi.",
        "nl": "We verkopen je persoonsgegevens niet en delen ze niet voor reclame.",
    },
    "We do not knowingly sell or share the personal information of people under 16.": {
        "de": "und teilen sie wissentlich nicht für kontextübergreifende Werbung.",
        "es": ("ni la compartimos a sabiendas para publicidad.", "ni la compartimos a sabiendas para publicidad de contexto cruzado."),
        "fr": ("Moins de 16 ans\u00a0: ni vente, ni partage pour la publicité, en connaissance de cause.",
               "ni ne les partageons sciemment pour la publicité inter-contextes."),
        "it": "né le condividiamo consapevolmente per la pubblicità tra contesti diversi.",
        "nl": ("en delen ze niet bewust voor reclame.", "en delen ze niet bewust voor reclame op basis van wat iemand"),
    },
    "We sell or share the personal information of people under 16 only if they opt in.": {
        "de": "oder teilen sie für kontextübergreifende Werbung nur, wenn sie zustimmen.",
        "es": ("o la compartimos para publicidad, solo si", "o la compartimos para publicidad de contexto cruzado, solo si"),
        "fr": ("ou les partageons pour la publicité, seulement s'ils", "ou les partageons pour la publicité inter-contextes, seulement si"),
        "it": "o le condividiamo per la pubblicità tra contesti diversi, solo se",
        "nl": ("of delen ze voor reclame, alleen als", "of delen ze voor reclame op basis van wat iemand op andere sites en apps doet, alleen als"),
    },
    # review 7 A #7: the statement of actual knowledge (11 CCR 7011(e)(1)(G)), in the full notice and
    # (review 7 A row 7) the summary, whose share is qualified by the word its recipient labels use
    "We know that we sell or share the personal information of people under 16.": {
        "de": "oder für kontextübergreifende Werbung teilen.",
        "es": ("o que la compartimos para publicidad de contexto cruzado.", "o que la compartimos para publicidad."),
        "fr": ("ou que nous les partageons pour la publicité inter-contextes.", "ou que nous les partageons pour la publicité."),
        "it": "o di condividerle per la pubblicità tra contesti diversi.",
        "nl": ("of delen voor reclame op basis van wat iemand op andere sites en apps doet.", "verkopen, of delen voor reclame."),
    },
    "We do not sell or share it.": {
        "de": "Wir verkaufen sie nicht und teilen sie nicht für kontextübergreifende Werbung.",
        "es": "Nosotros no la vendemos ni la compartimos para publicidad de contexto cruzado.",
        "fr": "Nous ne les vendons pas et ne les partageons pas pour la publicité inter-contextes.",
        "it": "Noi non le vendiamo e non le condividiamo per la pubblicità tra contesti diversi.",
        "nl": "Wij verkopen ze niet en delen ze niet voor reclame op basis van wat je op andere sites en apps doet.",
    },
    "**Sold or shared:**": {
        "de": "**Verkauft oder für kontextübergreifende Werbung geteilt:**",
        "es": "**Venta o uso compartido para publicidad de contexto cruzado:**",
        "fr": "**Vendues ou partagées pour la publicité inter-contextes\u00a0:**",
        "it": "**Venduti o condivisi per la pubblicità tra contesti diversi:**",
        "nl": "**Verkocht of gedeeld voor reclame op basis van wat je op andere sites en apps doet:**",
        "pl": "**Sprzedawane lub udostępniane do reklam:**",
    },
    "| Sold or shared |": {
        "de": "| Verkauft oder für kontextübergreifende Werbung geteilt |",
        "es": "| ¿La vendemos o compartimos para publicidad de contexto cruzado? |",
        "fr": "| Vendues ou partagées pour la publicité inter-contextes |",
        "it": "| Venduti o condivisi per la pubblicità tra contesti diversi |",
        "nl": "| Verkocht of gedeeld voor reclame op basis van wat je op andere sites en apps doet |",
    },
    "A business that sells or shares personal information must treat": {
        "de": "verkauft oder für kontextübergreifende Werbung teilt, muss",
        "es": "o la comparte para publicidad de contexto cruzado, debe",
        "fr": "ou les partage pour la publicité inter-contextes, doit",
        "it": "o le condivide per la pubblicità tra contesti diversi, deve",
        "nl": "of ze deelt voor reclame op basis van wat iemand op andere sites en apps doet, moet",
    },
}

SHARE_OLD = {
    "de": ["Wir verkaufen oder teilen", "Verkauft oder geteilt", "verkaufen oder teilen und"],
    "es": ["No vendemos ni compartimos", "Nosotros no la vendemos ni la compartimos.", "**Venta o uso compartido:**",
           "¿La vendemos o compartimos? |", "vende o comparte información personal"],
    "fr": ["Nous ne vendons ni ne partageons", "ne les partageons pas.", "Vendues ou partagées\u00a0:**",
           "| Vendues ou partagées |", "vend ou partage des informations"],
    "it": ["Non vendiamo né condividiamo", "Noi non le vendiamo e non le condividiamo.", "**Venduti o condivisi:**",
           "| Venduti o condivisi |", "vende o condivide informazioni"],
    "nl": ["We verkopen en delen", "We verkopen of delen", "Wij verkopen en delen ze niet.", "**Verkocht of gedeeld:**",
           "| Verkocht of gedeeld |", "verkoopt of deelt, moet"],
}


def test_a_claim_that_we_do_not_share_is_about_cross_context_ads_in_every_language(pages):
    seen = _check(pages, SHARE)
    _absent(pages, SHARE_OLD)
    if pages[0] in ("reference", "us_ca_stores"):
        assert seen  # the table is exercised, not vacuous


# 1798.125(a)(1): no retaliation against an employee, applicant or independent contractor. The
# CCPA's own "contractor" (1798.140(j), a role in the recipient lists) is a different thing.
# 11 CCR 7021(a): within 10 business days the business confirms that the request arrived (it does
# not grant it); 7026(f), 7027(g): 15 business days, which are not the Saturdays-included
# "Werktage".
CALIFORNIA = {
    "apply to work for us or are our contractor.": {
        "de": "oder als Selbständige für uns tätig sind.",
        "es": "Si trabaja para nosotros como empleado o como autónomo, o solicita un empleo con nosotros,",
        "fr": "êtes l'un de nos prestataires indépendants",
        "it": "o collabori con noi come lavoratore autonomo.",
        "nl": "of werk je als zelfstandige voor ons?",
        "pl": "lub współpracujesz z nami jako osoba samozatrudniona.",
    },
    "Within 10 business days, we confirm that we got your request to know, delete or correct.": {
        "de": "bestätigen wir Ihnen innerhalb von 10 Arbeitstagen, dass Ihre Anfrage eingegangen ist.",
        "es": "Confirmamos la recepción de una solicitud de saber, eliminar o corregir en un plazo de 10 días hábiles.",
        "fr": "Nous confirmons la réception d'une demande pour savoir, supprimer ou corriger dans un délai de 10 jours ouvrés.",
        "it": "entro 10 giorni lavorativi ti confermiamo che la richiesta è arrivata.",
        "nl": "Binnen 10 werkdagen bevestigen we dat we een verzoek om te weten, te wissen of te verbeteren hebben ontvangen.",
        "pl": "Otrzymanie wniosku o to, by poznać, usunąć lub poprawić dane, potwierdzamy w ciągu 10 dni roboczych.",
    },
    "within 15 business days.": {
        "de": "innerhalb von 15 Arbeitstagen.", "es": "en un plazo de 15 días hábiles.",
        "fr": "dans un délai de 15 jours ouvrés.", "it": "entro 15 giorni lavorativi.",
        "nl": "binnen 15 werkdagen uit.", "pl": "w ciągu 15 dni roboczych.",
    },
}

CALIFORNIA_OLD = {
    "de": ["unser Auftragnehmer sind", "bestätigen wir Ihre Anfrage", "Werktag"],
    "es": ["o es nuestro contratista"],
    "it": ["sei un nostro appaltatore", "Confermiamo una richiesta"],
    "nl": ["We bevestigen een verzoek"],
    "pl": ["jesteś naszym wykonawcą", "Wniosek o to, by poznać, usunąć lub poprawić dane, potwierdzamy"],
    "fr": ["jours ouvrables"],
}


def test_non_retaliation_and_request_confirmation_say_what_the_ccpa_says_in_every_language(pages):
    seen = _check(pages, CALIFORNIA)
    _absent(pages, CALIFORNIA_OLD)
    if pages[0] == "us_ca_stores":
        assert seen >= 3


# GDPR and UK GDPR wording the reviewers fixed in one language and the others shared:
# Art. 12(5) "manifestly unfounded or excessive" and a reasonable fee (not "übertrieben", "fair");
# Art. 12(6) "additional information" (not more personal data: "datos", "gegevens", "danych");
# UK Art. 12A(5): the time limit is suspended (not a clock that stands still);
# Art. 17(3)(d) archiving in the public interest, made impossible or seriously impaired;
# 11 CCR 7027(m): use for other purposes (not "for more"); GPC: "consider" it a request (the
# Spanish and French "tratar"/"traiter" is the GDPR's processing); the authorized agent is not the
# Art. 27 representative (Polish "przedstawiciel").
GDPR = {
    "If a request clearly has no grounds or is excessive": {
        "de": "Ein Antrag kann offensichtlich grundlos oder exzessiv sein",
    },
    "we can charge a fair fee": {"de": "ein angemessenes Entgelt"},
    "we can ask for more information to confirm it.": {
        "es": "podemos pedirle más información para confirmarlo.",
        "nl": "Dan kunnen we om meer informatie vragen om dat te bevestigen.",
        "pl": "możemy poprosić o dodatkowe informacje, aby to potwierdzić.",
    },
    "the time stops until you reply.": {
        "nl": "Dan wordt de termijn opgeschort tot je antwoordt.",
        "pl": "termin nie biegnie do czasu Twojej odpowiedzi.",
    },
    "if deleting it would stop that work or badly harm it": {
        "pl": "jeśli usunięcie danych uniemożliwi tę pracę lub poważnie ją utrudni",
    },
    "If we use it for more, you can tell us to limit our use.": {
        "es": "Si la usamos para otros fines,", "fr": "Si nous les utilisons à d'autres fins,",
        "nl": "Gebruiken we ze voor andere doelen,",
    },
    "we treat it as a request to opt out of sale and sharing.": {
        "es": "la consideramos una solicitud", "fr": "nous le considérons comme une demande",
    },
    "We can ask the agent for proof": {"pl": "Możemy poprosić pełnomocnika o dowód"},
    # 1798.140(v)(1)(K): inferences from any of the information above, to create a profile.
    "Inferences drawn from any of the information above": {"de": "Schlussfolgerungen aus den Informationen oben für ein Profil über Sie"},
}

GDPR_OLD = {
    "de": ["übertrieben", "faires Entgelt", "Rechtlicher Name", "Schlussfolgerungen aus diesen Informationen"],
    "es": ["más datos para confirmarlo", "para más, puede", "tratamos esta señal como", "la tratamos como una solicitud",
           "debe tratar una señal"],
    "fr": ["pour plus, vous pouvez", "nous le traitons comme", "doit traiter un signal"],
    "nl": ["om meer gegevens vragen", "staat de tijd stil", "voor meer, dan"],
    "pl": ["więcej danych, aby to potwierdzić", "termin stoi", "mocno jej zaszkodzi", "upoważniony przedstawiciel",
           "Jak przedstawiciel"],
}


def test_the_regulations_wording_reaches_every_language(pages):
    _check(pages, GDPR)
    _absent(pages, GDPR_OLD)


# Commission acts of before 2009 are Decisions (.../EC) and are cited as each language's EUR-Lex
# title does: Entscheidung 2000/518/EG, Decisión 2000/518/CE, décision 2000/518/CE, decisione
# 2000/518/CE, Beschikking 2000/518/EG, decyzja 2000/518/WE; "/EC" is never on a translated page.
SWISS = {"de": "Entscheidung 2000/518/EG", "es": "Decisión 2000/518/CE", "fr": "décision 2000/518/CE",
         "it": "decisione 2000/518/CE", "nl": "Beschikking 2000/518/EG", "pl": "decyzja 2000/518/WE"}


@pytest.mark.parametrize("fixture", ["eu_uk_hr_platform", "nl_travel_agency"])
def test_a_decision_of_before_2009_is_cited_as_its_eur_lex_title_in_every_language(fixture):
    inv = load_inventory(ALL_FIXTURES[fixture])
    assert "Decision 2000/518/EC" in render(inv, lang="en").pages["notice.md"].markdown
    for lang, title in SWISS.items():
        notice = render(inv, lang=lang).pages["notice.md"].markdown
        assert title in notice, (fixture, lang)
        assert "/EC" not in notice, (fixture, lang)


def test_the_branches_no_fixture_prints_carry_the_fixes_too(tmp_path):
    """Children's data sold with opt-in, and no GPC support (the law's own sentence about GPC)."""
    from conftest import variant

    path = tmp_path / "ca_opt_in.yml"
    path.write_text(variant(("sells_or_shares_under_16: false", "sells_or_shares_under_16: true"),
                            ("global_privacy_control: true", "global_privacy_control: false"),
                            base=ALL_FIXTURES["us_ca_stores"]), encoding="utf-8")
    inv = load_inventory(path)
    results = {lang: render(inv, lang=lang) for lang in ("en", *LANGS)}
    rows = {k: SHARE[k] for k in ("We sell or share the personal information of people under 16 only if they opt in.",
                                  "We know that we sell or share the personal information of people under 16.",
                                  "A business that sells or shares personal information must treat")}
    assert _check(("ca_opt_in", results), rows) >= 3


def test_no_template_keeps_an_old_wording():
    """Also the branches no fixture renders (e.g. 'If we use it for more', 11 CCR 7027(m))."""
    from conftest import PACKAGE_TEMPLATES

    for table in (SHARE_OLD, CALIFORNIA_OLD, GDPR_OLD):
        for lang, olds in table.items():
            text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((PACKAGE_TEMPLATES / lang).rglob("*.j2")))
            for old in olds:
                assert old not in text, (lang, old)
