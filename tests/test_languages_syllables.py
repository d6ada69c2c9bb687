"""Syllables per language, against counts made by hand.

Two samples per language, both counted by hand (spoken syllables; French: careful speech, a
final mute e not counted; Polish "w", "z" have none):

* ``WORDS``: privacy-notice vocabulary (``word=syllables``), including the words the research found
  hard (notes/lang/syllables.md). The rules in the profiles were written with these in view.
* ``TEXTS``: five sentences per language from tests/fixtures/reference_7lang.yml, syllables
  marked with hyphens (``Bu-chun-gen`` = 3; a word without a hyphen is one syllable). Counted
  after the rules were written: they found three mistakes (Spanish "y" as a word, Dutch "één",
  French one-vowel words such as "de"), fixed since; nothing else.

Each profile's counter must give the hand count for every word, except the misses listed in
``KNOWN_MISSES`` (pinned, so a change shows). Pyphen's hyphenation points, which textstat 0.7.8
counts as syllables, are measured beside it: that is why no profile uses them.
"""

from __future__ import annotations

import pytest

from generator.notice.profile import load_profile
from generator.readability.langcount import SyllableCounter

WORDS = {
    "de": """
    Verarbeitung=4 verarbeitet=4 Auftragsverarbeiter=6 oder=2 über=2 Übermittlung=4 Daten=2
    personenbezogene=7 Einwilligung=4 widerrufen=4 Verantwortliche=5 Aufsichtsbehörde=5
    Beschwerde=3 Datenschutzbeauftragte=7 berechtigtes=4 Interesse=4 Widerspruch=3 Löschung=2
    Berichtigung=4 Einschränkung=3 Datenübertragbarkeit=7 Empfänger=3 Speicherdauer=4 Zwecke=2
    Rechtsgrundlage=4 Vertrag=2 Kontodaten=4 Sie=1 können=2 jederzeit=3 Familie=4 Idee=2 Museum=3
    beenden=3 Beeinträchtigung=5 Abend=2 Ehe=2 Analyse=4 Staaten=2 Zahlungsdienstleister=5
    Nutzung=2 aufgrund=2 sowie=2 geeignete=4 Deutschland=2 Vereinigte=4 automatisierte=6 Angaben=3
    erheben=3 Mitteilung=3 Geburtsdatum=4 Bereitstellung=4 erforderlich=4 Sprachaufnahmen=4
    Kundenkonto=4 Steuerberater=5 Ihre=2 die=1 der=1 und=1 zu=1 wir=1 Beispiel=2 Schließung=2
    Tage=2 nach=1 Jahre=2 Kalenderjahres=5 Europäischen=5 Wirtschaftsraum=3 Kommission=3
    Informationen=5 Fortschritt=2 einen=2 Anbieter=3 Zahlung=2 Rechnungen=3 Aufbewahrung=4
    gesetzlich=3 Pflicht=1 Zweck=1 Dienstleister=3
    """,
    "pl": """
    osobowe=4 dane=2 osobowych=4 usunięcie=4 obowiązek=4 okoliczności=5 administrator=5
    przetwarzanie=4 zgoda=2 prawo=2 sprzeciwu=3 cofnąć=2 informacja=4 informacje=4 organ=2
    nadzorczy=3 inspektor=3 ochrony=3 danych=2 się=1 nie=1 niezbędne=3 Unii=2 Europejskiej=4
    przez=1 lub=1 który=2 których=2 przysługuje=4 Ty=1 Twoje=2 możesz=2 skargę=2 Prezesa=3 Urzędu=3
    podstawie=3 umowy=3 zautomatyzowane=8 profilowanie=5 ciasteczka=3 pliki=2 państw=1 trzecich=2
    Stany=2 Zjednoczone=4 przechowujemy=5 lat=1 miesięcy=3 sklep=1 zamówienia=4 płatności=3
    dostawy=3 kurierskiej=3 Polska=2 Niemcy=2 odbiorcy=3 uzasadniony=5 interes=3 zgodę=2
    realizacji=5 podatkowych=4 księgowych=3 rachunkowości=5 wycofać=3 ograniczenia=5 przenoszenia=4
    sprostowania=4 dostępu=3 adres=2 numer=2 telefonu=4 konta=2 zakupów=3
    """,
    "es": """
    datos=2 personales=4 interesado=5 responsable=4 tratamiento=4 consentimiento=5 país=2 aérea=4
    sean=2 uno=2 otro=2 obligado=4 ilícitamente=6 supresión=3 rectificación=5 portabilidad=5
    oposición=4 autoridad=4 control=2 derecho=3 que=1 quien=1 guía=2 seguridad=4 información=4
    legítimo=4 Unión=2 Europea=4 hoy=1 ley=1 muy=1 cuál=1 leer=2 creer=2 poseer=3 proveedor=4
    también=2 transferencia=4 garantías=4 adecuación=4 día=2 periodo=3 cláusulas=3 reúne=3 ahí=2
    Estados=3 Unidos=3 solicitud=4 usted=2 su=1 puede=2 retirar=3 encargado=4 destinatarios=5
    cuenta=2 correo=3 electrónico=5 finalidad=4 plazo=2 conservación=4 años=2 meses=2
    """,
    "nl": """
    gegevens=3 persoonsgegevens=5 verwerking=3 verwerkingsverantwoordelijke=9 toestemming=3
    intrekken=3 overeenkomst=4 idee=2 radio=3 overdraagbaarheid=5 recht=1 bezwaar=2
    gerechtvaardigd=4 belang=2 toezichthoudende=5 autoriteit=4 functionaris=4 gegevensbescherming=6
    bewaren=3 jaar=1 maanden=2 ontvangers=3 derde=2 landen=2 Verenigde=4 Staten=2 beslissing=3
    geautomatiseerde=7 Unierechtelijke=6 uw=1 u=1 je=1 jouw=1 kunt=1 rechten=2 wij=1 nieuwsbrief=2
    beveiliging=4 museum=3 financiële=5 geïnformeerd=4 reële=3 ook=1 zoals=2 beëindigen=4
    verwerker=3 doeleinden=3 bewaartermijn=4 account=2 klachten=2 rectificatie=5 wissen=2
    beperking=3 inzage=3
    """,
    "fr": """
    données=2 personnelles=3 responsable=3 traitement=3 consentement=4 droit=1 accès=2
    rectification=5 effacement=4 limitation=4 portabilité=5 opposition=4 autorité=4 contrôle=2
    réclamation=4 délégué=3 protection=3 destinataires=4 transfert=2 pays=2 tiers=1 garanties=3
    appropriées=4 clauses=1 contractuelles=4 intérêt=3 légitime=3 obligation=4 légale=2 durée=2
    conservation=4 cookies=2 été=2 idée=2 concernée=3 meilleurs=2 lorsque=1 vous=1 votre=1 vos=1
    pouvez=2 retirer=3 moment=2 nous=1 utilisons=4 compte=1 adresse=2 électronique=4 sous=1
    traitant=2 européenne=4 Union=2 États=2 Unis=2 décision=3 automatisée=5 profilage=3 années=2
    mois=1 facture=2 paiement=2 fournisseur=3 publique=2 sécurité=4
    pourquoi=2 quoi=1 où=1 quand=1 qualité=3 quotidien=3 goût=1 août=1
    """,
}

TEXTS = {
    "de": """
    Wir kön-nen dann kein Kon-to für Sie an-le-gen und Ih-re Bu-chun-gen nicht be-stä-ti-gen.
    Un-ser Sys-tem kann ei-ne Bu-chung sper-ren, die nach Be-trug aus-sieht.
    Es ver-gleicht die Bu-chung mit An-zei-chen, die wir schon ken-nen, zum Bei-spiel vie-le Bu-chun-gen mit ei-ner Kar-te in kur-zer Zeit.
    Ein Chat-As-sis-tent be-ant-wor-tet in der App häu-fi-ge Fra-gen. Er ist ein Com-pu-ter-pro-gramm, kein Mensch.
    Sie, un-se-re Sa-lons und uns vor ge-fälsch-ten Bu-chun-gen und ge-stoh-le-nen Kar-ten schüt-zen.
    """,
    "pl": """
    Nie mo-że-my za-ło-żyć Ci kon-ta a-ni po-twier-dzić Two-ich re-zer-wa-cji.
    Nasz sys-tem mo-że za-blo-ko-wać re-zer-wa-cję, któ-ra wy-glą-da na o-szu-stwo.
    Po-rów-nu-je re-zer-wa-cję z syg-na-ła-mi, któ-re zna-my z wcze-śniej-szych przy-pad-ków, na przy-kład z wie-lo-ma re-zer-wa-cja-mi jed-ną kar-tą w krót-kim cza-sie.
    O-chro-na Cie-bie, na-szych sa-lo-nów i nas przed fał-szy-wy-mi re-zer-wa-cja-mi i kra-dzio-ny-mi kar-ta-mi.
    A-sys-tent na cza-cie od-po-wia-da w a-pli-ka-cji na czę-ste py-ta-nia. To pro-gram kom-pu-te-ro-wy, a nie czło-wiek.
    """,
    "es": """
    No po-de-mos cre-ar su cuen-ta ni con-fir-mar sus re-ser-vas.
    Nues-tro sis-te-ma pue-de blo-que-ar u-na re-ser-va que pa-rez-ca frau-du-len-ta.
    Com-pa-ra la re-ser-va con in-di-cios que ya he-mos vis-to an-tes, co-mo mu-chas re-ser-vas con u-na mis-ma tar-je-ta en po-co tiem-po.
    Pro-te-ger-le a us-ted, a nues-tros sa-lo-nes y a no-so-tros de re-ser-vas fal-sas y tar-je-tas ro-ba-das.
    Un a-sis-ten-te de chat res-pon-de a las pre-gun-tas fre-cuen-tes en la a-pli-ca-ción. Es un pro-gra-ma in-for-má-ti-co, no u-na per-so-na.
    """,
    "nl": """
    We kun-nen dan geen ac-count voor je aan-ma-ken en je boe-kin-gen niet be-ves-ti-gen.
    Ons sys-teem kan een boe-king blok-ke-ren die op frau-de lijkt.
    Het ver-ge-lijkt de boe-king met sig-na-len die we eer-der heb-ben ge-zien, zo-als veel boe-kin-gen met één kaart in kor-te tijd.
    Jou, on-ze sa-lons en ons-zelf be-scher-men te-gen nep-boe-kin-gen en ge-sto-len kaar-ten.
    Een chat-as-sis-tent be-ant-woordt veel-ge-stel-de vra-gen in de app. Het is een com-pu-ter-pro-gram-ma, geen mens.
    """,
    "fr": """
    Nous ne pou-vons pas cré-er votre compte ni con-fir-mer vos ré-ser-va-tions.
    Notre sys-tème peut blo-quer une ré-ser-va-tion qui res-semble à une fraude.
    Il com-pare la ré-ser-va-tion à des signes que nous a-vons dé-jà ob-ser-vés, par ex-emple de nom-breuses ré-ser-va-tions a-vec une même carte en peu de temps.
    Vous pro-té-ger, ain-si que nos sa-lons et nous-mêmes, contre les fausses ré-ser-va-tions et les cartes vo-lées.
    Un as-sis-tant de chat ré-pond aux ques-tions cou-rantes dans l'ap-pli-ca-tion. C'est un pro-gramme in-for-ma-tique, pas une per-sonne.
    """,
}

#: word -> what the counter says (the hand count is in WORDS); loanwords and hiatus the rules miss
KNOWN_MISSES = {
    "de": {"Familie": 3, "Museum": 2, "beenden": 2},
    "nl": {"functionaris": 5, "museum": 2},
    "fr": {"pays": 1, "cookies": 3, "paiement": 3},
}
ZERO = {"pl": {"w", "z"}}  # consonant-only prepositions: no syllable


def hand_words(lang: str) -> list[tuple[str, int]]:
    return [(w, int(n)) for w, _, n in (item.partition("=") for item in WORDS[lang].split())]


def hand_text(lang: str) -> list[tuple[str, int]]:
    out = []
    for token in TEXTS[lang].split():
        t = token.strip(".,")
        out.append((t.replace("-", ""), 0 if t.lower() in ZERO.get(lang, ()) else t.count("-") + 1))
    return out


def counter(lang: str) -> SyllableCounter:
    return SyllableCounter(load_profile(lang).syllables)


def pyphen_count(lang: str):
    import pyphen

    p = pyphen.Pyphen(lang=lang)  # textstat 0.7.8: len(Pyphen(lang).positions(word)) + 1
    return lambda w: len(p.positions(w.lower())) + 1


def error(pairs, count) -> tuple[int, int, int]:
    """(words counted wrong, syllables counted, syllables by hand)."""
    return sum(count(w) != n for w, n in pairs), sum(count(w) for w, _ in pairs), sum(n for _, n in pairs)


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_every_word_has_its_hand_count_but_the_known_misses(lang):
    count = counter(lang)
    misses = KNOWN_MISSES.get(lang, {})
    for word, n in hand_words(lang) + hand_text(lang):
        assert count(word) == misses.get(word, n), (word, n)
    assert all(dict(hand_words(lang))[w] != got for w, got in misses.items())  # they are misses


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_the_profile_counts_better_than_textstats_pyphen(lang):
    pairs = hand_words(lang) + hand_text(lang)
    ours, py = error(pairs, counter(lang)), error(pairs, pyphen_count(lang))
    print(f"\n{lang}: {len(pairs)} words; ours {ours[0]} wrong ({ours[1]}/{ours[2]} syllables), Pyphen {py[0]} wrong ({py[1]}/{py[2]})")
    assert ours[0] < py[0]


def test_the_pyphen_mistakes_the_research_found_are_still_there():
    """Why the profiles count vowels: textstat's syllables for these words are wrong."""
    assert pyphen_count("de")("Verarbeitung") == 5 and pyphen_count("de")("oder") == 1  # NEXTLEVEL merge; one-letter syllable
    assert pyphen_count("pl")("osobowe") == 3  # left=2 cannot split o-so-bo-we
    assert pyphen_count("es")("país") == 1 and pyphen_count("es")("interesado") == 4  # hiatus
    assert pyphen_count("nl")("overeenkomst") == 3  # "over-" is never split
    assert pyphen_count("fr")("été") == 1


def test_rules_the_profiles_spell_out():
    de, es, pl, fr, nl = (counter(x) for x in ("de", "es", "pl", "fr", "nl"))
    assert de("quantitativ") == 4  # qu: the u is a consonant
    assert es("que") == 1 and es("guía") == 2 and es("hoy") == 1 and es("y") == 1
    assert pl("nie") == 1 and pl("Unii") == 2 and pl("w") == 0
    assert fr("publique") == 2 and fr("idée") == 2 and fr("de") == 1 and fr("qu'il") == 1
    assert fr("pourquoi") == 2 and fr("quoi") == 1 and fr("où") == 1 and fr("d'où") == 1  # qu before o; ù
    assert nl("geïnformeerd") == 4 and nl("één") == 1
    assert counter("it")("qualsiasi") == 0  # Italian counts letters (Gulpease), not syllables
