"""Argument-assignment mechanisms of the languages other than English, one sentence each,
written for these tests (general news phrasing, not the gold data)."""

from __future__ import annotations

import pytest

from geokg.ingest.pipeline import extract_article


def triples(text: str, language: str, date: str | None = "2021-06-01"):
    result = extract_article(text, language=language, date=date)
    return sorted((r.source, r.relation, r.target, r.modality) for r in result.relations)


def states(text: str, language: str) -> set[str]:
    result = extract_article(text, language=language, date="2021-06-01")
    return {s for mentions in result.mentions for m in mentions for s in m.states}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a nominalisation owned by the actor after it, before its marked target
        ("Brasil mengecam serangan Israel terhadap Iran.", "id",
         [("BRA", "CRITICIZES", "ISR", "asserted"), ("ISR", "ATTACKS", "IRN", "asserted")]),
        ("El ataque de Rusia contra Ucrania preocupa a Chile.", "es",
         [("RUS", "ATTACKS", "UKR", "asserted")]),
        # the marker after such a noun is the noun's, not the verb's: the verb takes the owner
        ("Francia condenó el ataque de Rusia contra Ucrania.", "es",
         [("FRA", "CONDEMNS", "RUS", "asserted"), ("RUS", "ATTACKS", "UKR", "asserted")]),
        # coordinated predicates share their subject (not the first verb's object)
        ("Jepang memasok Australia dengan kapal perang dan tengah bernegosiasi dengan "
         "Selandia Baru.", "id",
         [("JPN", "AIDS", "AUS", "asserted"), ("JPN", "NEGOTIATES_WITH", "NZL", "asserted")]),
        # a negation in the clause before does not reach across the comma
        ("Menurut Malaysia rencana itu tidak sulit, dan Malaysia mendesak Myanmar membuka "
         "akses.", "id",
         [("MYS", "URGES", "MMR", "asserted")]),
        # a mutual noun owned by a pair joined by a dash
        ("Perang Thailand-Kamboja terus berlanjut.", "id",
         [("THA", "FIGHTS", "KHM", "asserted")]),
        # "kapal perang" (warship) is no war
        ("Jepang mengirim kapal perang dan bernegosiasi dengan Selandia Baru.", "id",
         [("JPN", "NEGOTIATES_WITH", "NZL", "asserted")]),
        # who a noun's act comes from: "tuduhan dari Thailand"
        ("Kamboja membantah tuduhan dari Thailand.", "id",
         [("THA", "ACCUSES", "KHM", "asserted")]),
        # a noun in an adjunct is its owner's act, not the clause subject's
        ("Korea Utara mengadakan parade jelang kunjungan Presiden Amerika Serikat.", "id", []),
        # an agentless passive says nothing, and its noun does not speak for it
        ("Korut dijatuhi sanksi sejak 2006, dan Dewan Keamanan PBB memperketat langkah itu.",
         "id", []),
        # "negaranya" is the country of the sentence's own subject
        ("Menteri Latvia mengatakan negaranya menjadi target serangan siber dari Moskow.", "id",
         [("RUS", "CYBERATTACKS", "LVA", "asserted")]),
        # tariffs and cooperation in a named field
        ("Amerika Serikat mengenakan tarif impor terhadap Indonesia.", "id",
         [("USA", "IMPOSES_TARIFFS_ON", "IDN", "asserted")]),
        ("Kerja sama perdagangan antara Indonesia dengan Vietnam meningkat.", "id",
         [("IDN", "COOPERATES_ECONOMICALLY_WITH", "VNM", "asserted")]),
        # sentence-initial "A" is an article, not the preposition "a"
        ("A China condenou o Japão.", "pt", [("CHN", "CONDEMNS", "JPN", "asserted")]),
        # a pre-verbal target after 对
        ("美国对伊朗实施制裁。", "zh", [("USA", "SANCTIONS", "IRN", "asserted")]),
        # a verb-final clause: the object stands before the verb (and its auxiliary)
        ("Berlin sagte, dass Russland die Ukraine angegriffen habe.", "de",
         [("RUS", "ATTACKS", "UKR", "asserted")]),
        ("Polen hat Deutschland kritisiert.", "de", [("POL", "CRITICIZES", "DEU", "asserted")]),
        # street protests aimed at a state
        ("Miles de costarricenses protestaron frente a la embajada de Estados Unidos.", "es",
         [("CRI", "PROTESTS_AGAINST", "USA", "asserted")]),
    ],
)
def test_language_mechanisms(text: str, language: str, expected: list[tuple[str, ...]]):
    assert triples(text, language) == sorted(expected)


def test_counted_anaphora_takes_the_group_of_that_size():
    text = ("Amerika Serikat, Jepang dan Australia mendesak China. "
            "Sementara itu Rusia dan China berunding di Beijing. "
            "Pernyataan itu disampaikan usai pertemuan tiga negara.")
    meets = [t for t in triples(text, "id") if t[1] == "MEETS"]
    assert meets == [("JPN", "MEETS", "AUS", "asserted"), ("USA", "MEETS", "AUS", "asserted"),
                     ("USA", "MEETS", "JPN", "asserted")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a place or region named after a state is not the state
        ("Ketegangan di Semenanjung Korea meningkat.", "id", set()),
        ("O comércio com a América Latina cresce.", "pt", set()),
        ("El comercio con América Latina crece.", "es", set()),
        # "Wie" is not an inflected "Wien"
        ("Wie die Zeitung berichtet, reiste Scholz nach Wien.", "de", {"DEU", "AUT"}),
        ("Wie die Zeitung berichtet, regnet es.", "de", set()),
    ],
)
def test_names_that_are_not_actors(text: str, language: str, expected: set[str]):
    assert states(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hosting a visitor, the guest inside "termasuk"
        ("Malaysia akan menjamu para pemimpin dunia, termasuk Presiden Prancis.",
         [("MYS", "HOSTS", "FRA", "intended")]),
        # sending workers of a state home
        ("Rusia akan memulangkan pekerja asal Korea Utara.",
         [("RUS", "EXPELS", "PRK", "intended")]),
        ("Rusia memulangkan warganya dari Ukraina.", []),
        # recognition, but not "admitting that"
        ("Kanada mengakui Palestina sebagai negara.", [("CAN", "RECOGNIZES", "PSE", "asserted")]),
        ("Menteri itu mengakui bahwa China kuat.", []),
        # an official protest aimed at a state; street protests are none
        ("Di tengah protes Jerman terhadap Rusia, Berlin diam.",
         [("DEU", "LODGES_PROTEST_WITH", "RUS", "asserted")]),
        # a shipment from one state to another
        ("Jepang mengumumkan pengapalan dari Korea Selatan ke Vietnam.",
         [("KOR", "EXPORTS_TO", "VNM", "asserted")]),
        # lifting sanctions, lowering tariffs (08), and enforcing an organisation's sanctions
        ("Amerika Serikat mencabut sanksi terhadap Venezuela.",
         [("USA", "EASES_SANCTIONS_ON", "VEN", "asserted")]),
        ("China menerapkan sanksi PBB terhadap Korea Utara.",
         [("CHN", "SANCTIONS", "PRK", "asserted")]),
        # attending an organisation's summit; buying from a state
        ("Presiden Vietnam menghadiri KTT ASEAN di Jakarta.",
         [("VNM", "MEETS", "IGO:ASEAN", "asserted")]),
        ("India membeli minyak dari Rusia.", [("IND", "IMPORTS_FROM", "RUS", "asserted")]),
        # a trip to a country is a visit
        ("Perjalanan Presiden Taiwan ke Amerika Serikat merupakan yang kedua.",
         [("TWN", "VISITS", "USA", "asserted")]),
        ("Menlu Jepang melakukan perjalanan ke Korea Selatan.",
         [("JPN", "VISITS", "KOR", "asserted")]),
        # the actors listed after ", yaitu" are the marked target of the common noun before
        ("Indonesia mengirim bantuan ke negara-negara tetangga, yakni Malaysia dan Filipina.",
         [("IDN", "AIDS", "MYS", "asserted"), ("IDN", "AIDS", "PHL", "asserted")]),
        # "kedua negara" is two states, not the pair with an organisation named last
        ("Indonesia dan Australia menandatangani perjanjian dagang. Indonesia dan Uni Eropa juga "
         "berunding di Brussel. Kedua negara sepakat memperkuat kerja sama.",
         [("IDN", "AGREES_WITH", "AUS", "asserted"),
          ("IDN", "NEGOTIATES_WITH", "IGO:EU", "asserted"),
          ("IDN", "SIGNS_AGREEMENT_WITH", "AUS", "asserted")]),
        # "kedua belah pihak" may be a state and an organisation
        ("Indonesia dan Uni Eropa berunding di Brussel. Kedua belah pihak sepakat memperkuat "
         "kerja sama.",
         [("IDN", "AGREES_WITH", "IGO:EU", "asserted"),
          ("IDN", "NEGOTIATES_WITH", "IGO:EU", "asserted")]),
    ],
)
def test_indonesian_vocabulary(text: str, expected: list[tuple[str, ...]]):
    assert triples(text, "id") == expected


def test_indonesian_leader_surname_alone():
    text = ("Perdana Menteri Inggris Theresa May berbicara di London. May kemudian melakukan "
            "lawatan ke Yordania.")
    assert triples(text, "id", date="2017-11-30") == [("GBR", "VISITS", "JOR", "asserted")]
