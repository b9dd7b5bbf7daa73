"""Argument-assignment mechanisms of the languages other than English, one sentence each,
written for these tests (general news phrasing, not the gold data)."""

from __future__ import annotations

import pytest

from geokg.ingest.pipeline import extract_article
from tests.relations import triples


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
        ("朝鲜向日本海试射导弹。", "zh", {"PRK"}),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "kedua negara" after a sentence relating two states is that pair, not the places
        # named in passing in it
        ("Presiden Indonesia bertemu dengan Perdana Menteri Australia di KTT G20, Hamburg, "
         "Jerman. Kedua negara sepakat memperkuat kerja sama perdagangan.",
         [("IDN", "AGREES_WITH", "AUS", "asserted"), ("IDN", "MEETS", "AUS", "asserted")]),
        # a plural pronoun as the subject of a mutual relation is the pair named before
        ("Presiden Indonesia bertemu dengan Perdana Menteri Australia di Sydney. Mereka sepakat "
         "memperkuat kerja sama.",
         [("IDN", "AGREES_WITH", "AUS", "asserted"), ("IDN", "MEETS", "AUS", "asserted")]),
        # a mediation with no parties named is between the pair named before (`unnamed`)
        ("Thailand dan Kamboja berperang di perbatasan. Malaysia dan China menengahi perjanjian "
         "gencatan senjata.",
         [("CHN", "MEDIATES_BETWEEN", "KHM", "asserted"),
          ("CHN", "MEDIATES_BETWEEN", "THA", "asserted"),
          ("MYS", "MEDIATES_BETWEEN", "KHM", "asserted"),
          ("MYS", "MEDIATES_BETWEEN", "THA", "asserted"),
          ("THA", "FIGHTS", "KHM", "asserted")]),
        # an arms race is mutual (`mutual`), though a build-up has a direction
        ("Korea Utara dan Korea Selatan meningkatkan perlombaan senjata.",
         [("PRK", "MOBILIZES_AGAINST", "KOR", "asserted")]),
        # a light verb with a direct object only: the state it gives to, but no guess further on
        ("Jepang akan memberikan Filipina kapal patroli.", [("JPN", "AIDS", "PHL", "intended")]),
        ("Presiden Indonesia memberikan sambutan hangat kepada Presiden Prancis.", []),
        # a denied accusation is not the denier's (and not aimed at the article's main actor)
        ("Thailand menuduh Kamboja melanggar perjanjian. Thailand menarik duta besarnya. Militer "
         "Thailand bersiaga. Kamboja membantah tuduhan itu.",
         [("THA", "ACCUSES", "KHM", "asserted")]),
        ("Pakistan menolak bertanggung jawab atas memburuknya hubungan dengan India.", []),
        # "pertemuan mereka": their meeting, of the two actors named before it
        ("Perdana Menteri Jepang mengatakan kepada Presiden Amerika Serikat dalam pertemuan "
         "mereka di Tokyo bahwa anggaran naik.", [("JPN", "MEETS", "USA", "asserted")]),
        # an agent behind "yang" belongs to the relative clause, not to the active verb
        ("Presiden Taiwan mengunjungi markas perusahaan yang diblokir oleh China di Jepang.",
         [("TWN", "VISITS", "JPN", "asserted")]),
        # a bare actor after a noun is its owner, not its object ...
        ("China memperingati Amerika Serikat mengenai sensitifnya kunjungan pemerintah Taiwan.",
         [("CHN", "WARNS", "USA", "asserted")]),
        # ... unless the noun takes an object (`noun_object`)
        ("Pakistan mengumumkan pengusiran diplomat India.", [("PAK", "EXPELS", "IND", "asserted")]),
        # the speaker of a quote named after its speech verb ('…," kata X'); a noun in the
        # quote is not the speaker's act
        ('"Kami mendukung rencana Perancis untuk menggelar KTT," kata Presiden Indonesia.',
         [("IDN", "SUPPORTS", "FRA", "asserted")]),
        ('"Peretasan itu hal baru bagi Amerika Serikat," ujar Menteri Latvia.', []),
        # a headline opening with a verb clause: the subject follows its comma (and a bare
        # comma inside a clause joins no list)
        ("Lawan China, AS Siapkan Dana Tambang", [("USA", "OPPOSES", "CHN", "asserted")]),
        ("Sebagai ketua ASEAN, Malaysia akan menjamu Presiden Amerika Serikat.",
         [("MYS", "HOSTS", "USA", "intended")]),
        ("AS, Jepang, Australia Minta China Patuhi Hukum",
         [("AUS", "URGES", "CHN", "asserted"), ("JPN", "URGES", "CHN", "asserted"),
          ("USA", "URGES", "CHN", "asserted")]),
        # a trade war is mutual; "negara tersebut" is a state, not the organisation named last
        ("Perang Dagang Belum Usai, AS dan China Bertemu", [
            ("USA", "IMPOSES_TARIFFS_ON", "CHN", "asserted"), ("USA", "MEETS", "CHN", "asserted")]),
        ("ASEAN akan menyambut Timor Leste. Negara tersebut mengajukan keanggotaan pada 2011 di "
         "ASEAN.", [("IGO:ASEAN", "WELCOMES", "TLS", "intended"),
                    ("TLS", "APPEALS_TO", "IGO:ASEAN", "asserted")]),
        # vocabulary: defending, preventing, calling on, enforcing sanctions "secara penuh"
        ("Uni Eropa membela Belanda.", [("IGO:EU", "SUPPORTS", "NLD", "asserted")]),
        ("Belanda mencegah menteri Turki berbicara di Rotterdam.",
         [("NLD", "COERCES", "TUR", "asserted")]),
        ("Inggris menyeru Amerika Serikat mengajukan usul.", [("GBR", "URGES", "USA", "asserted")]),
        ("China mengimplementasikan secara penuh sanksi PBB terhadap Korea Utara.",
         [("CHN", "SANCTIONS", "PRK", "asserted")]),
    ],
)
def test_indonesian_pairs_pronouns_and_vocabulary(text: str, expected: list[tuple[str, ...]]):
    assert triples(text, "id") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the bare actor after a nominalisation is its genitive owner, not its target
        ("Министр иностранных дел Германии назвал неприемлемыми санкции США против "
         "газопровода.", "ru", [("DEU", "CRITICIZES", "USA", "asserted")]),
        ("Пекин приветствовал визит Путина.", "ru", [("CHN", "WELCOMES", "RUS", "asserted")]),
        ("Peking begrüßte den Besuch Putins.", "de", [("CHN", "WELCOMES", "RUS", "asserted")]),
        ("Die Kritik Irans an den USA wächst.", "de", [("IRN", "CRITICIZES", "USA", "asserted")]),
        ("Sankcje USA wobec Rosji zaostrzono.", "pl", [("USA", "SANCTIONS", "RUS", "asserted")]),
        # ... also after the noun's marked target
        ("Китай приветствовал визит в Пекин президента Франции.", "ru",
         [("FRA", "VISITS", "CHN", "asserted")]),
        ("Wizyta w Pekinie prezydenta Francji zakończyła się.", "pl",
         [("FRA", "VISITS", "CHN", "asserted")]),
        # ... but an adjective after it modifies its object and owns nothing
        ("Китай импортирует российскую нефть.", "ru", [("CHN", "IMPORTS_FROM", "RUS", "asserted")]),
        # the importer after its own marker ("в", "do")
        ("Эксперт прокомментировал запрет на ввоз фруктов из Китая в Россию.", "ru",
         [("RUS", "BANS_IMPORTS_FROM", "CHN", "asserted")]),
        ("Rząd zapowiedział import gazu z Norwegii do Polski.", "pl",
         [("POL", "IMPORTS_FROM", "NOR", "asserted")]),
        # the second side of "between" after a joiner, past the first side's noun
        ("Es besteht eine enge Zusammenarbeit zwischen dem polnischen Grenzschutz und der "
         "deutschen Bundespolizei.", "de", [("POL", "COOPERATES_WITH", "DEU", "asserted")]),
        # an act with no actor of its own is the article's main actor's; one with only an agent
        # is done to it (but a mutual one is not: "Gespräche" is no meeting of Bulgaria's)
        ("Nordmazedonien wählt. Nordmazedonien hofft. In Nordmazedonien regnet es. Die Blockade "
         "der Gespräche durch Bulgarien dauert an. Viele hoffen auf eine Lösung des Streits mit "
         "Griechenland.", "de",
         [("BGR", "REJECTS", "MKD", "asserted"), ("MKD", "DISPUTES_WITH", "GRC", "asserted")]),
        # a noun opening its clause owns no actor of the clause before it
        ("Россия проверяет грузы. Россия усилила контроль. Россия ждет новых правил. Китай "
         "занимал второе место, импорт из КНР составил десять тысяч тонн.", "ru",
         [("RUS", "IMPORTS_FROM", "CHN", "asserted")]),
    ],
)
def test_genitive_owners_source_markers_and_topic_owners(text: str, language: str,
                                                          expected: list[tuple[str, ...]]):
    assert triples(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # forms the one-ending stemmer misses, listed in the gazetteer
        ("Делегация Китая прибыла.", "ru", {"CHN"}),
        ("Планы Вашингтона известны.", "ru", {"USA"}),
        ("Prezydent odwiedził Danię i Syrię.", "pl", {"DNK", "SYR"}),
        ("Spotkanie z Ławrowem.", "pl", {"RUS"}),
        # German genitives of names ending in -n, -en, -er
        ("Die Haltung Irans, Spaniens und Steinmeiers.", "de", {"IRN", "ESP", "DEU"}),
    ],
)
def test_inflected_names_ru_pl_de(text: str, language: str, expected: set[str]):
    assert states(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the future prefix on a verb ("سيزور" will visit); the actor right after the verb is
        # its object before a marked one further on; "his visit" is the subject's
        ("بوتين سيزور الهند بعد زيارته إلى فيتنام.", "ar",
         [("RUS", "VISITS", "IND", "intended"), ("RUS", "VISITS", "VNM", "asserted")]),
        # proclitics on every word of a trigger ("الغارات الجوية" is "غارات جوية")
        ("وتواصل إسرائيل الغارات الجوية على سوريا.", "ar", [("ISR", "BOMBS", "SYR", "asserted")]),
        # a conjunction written on the second name joins the pair
        ("الهند وباكستان اتفقتا على وقف التصعيد.", "ar",
         [("IND", "AGREES_WITH", "PAK", "asserted")]),
        # ... and on a title between two names ("ودول": and the states of)
        ("أكدت فرنسا ودول الاتحاد الأوروبي دعمها لأوكرانيا.", "ar",
         [("FRA", "SUPPORTS", "UKR", "asserted"), ("IGO:EU", "SUPPORTS", "UKR", "asserted")]),
        # verb-first: the object right after the subject before a marked actor further on,
        # and the far target of a two-actor sentence is not the subject after the verb
        ("وحذرت الصين الولايات المتحدة من التدخل في شؤون تايوان.", "ar",
         [("CHN", "WARNS", "USA", "asserted")]),
        ("وهددت تركيا بشن عملية عسكرية في سوريا.", "ar", [("TUR", "THREATENS", "SYR", "asserted")]),
        # two nisba adjectives in a row are a pair
        ("تصاعد التوتر الروسي الأوكراني.", "ar", [("RUS", "DISPUTES_WITH", "UKR", "asserted")]),
        # a nisba adjective right after a noun owns it: the Israeli attack
        ("وأدانت قطر الهجوم الإسرائيلي على لبنان.", "ar",
         [("ISR", "ATTACKS", "LBN", "asserted"), ("QAT", "CONDEMNS", "ISR", "asserted")]),
        # one word naming a pair, unless a longer word with no states holds it
        # (a trade war is a mutual war of tariffs)
        ("中美贸易战持续升级。", "zh", [("CHN", "IMPOSES_TARIFFS_ON", "USA", "asserted")]),
        ("中美洲国家与墨西哥签署协议。", "zh", []),
        # a name after a title of a state the compound holds is part of the compound
        ("美国总统拜登与法国总统马克龙通电话。", "zh", [("USA", "CALLS", "FRA", "asserted")]),
        # a partner before the verb after 与
        ("日本将与印度加强合作。", "zh", [("JPN", "COOPERATES_WITH", "IND", "intended")]),
        # ... the origin after 从; the 对 of 反对 (oppose) is no marker
        ("中国从俄罗斯进口大量石油。", "zh", [("CHN", "IMPORTS_FROM", "RUS", "asserted")]),
        ("中方坚决反对美方对台军售。", "zh", [("CHN", "OPPOSES", "USA", "asserted")]),
        # coordinated predicates after 并 share their subject
        ("美国国务卿布林肯访问中国并会见王毅。", "zh",
         [("USA", "MEETS", "CHN", "asserted"), ("USA", "VISITS", "CHN", "asserted")]),
        # a state's title and official in a row are one actor, after the marker before them
        ("王毅应约同美国国务卿布林肯通电话。", "zh", [("CHN", "CALLS", "USA", "asserted")]),
        # a noun's owner after the titles that introduce it
        ("Durante la visita del presidente de Francia a China se firmaron acuerdos.", "es",
         [("FRA", "VISITS", "CHN", "asserted")]),
        # the adjective of a noun that is the verb's object (the "a" before it is an article)
        ("O governo brasileiro condenou a invasão russa da Ucrânia.", "pt",
         [("BRA", "CONDEMNS", "RUS", "asserted"), ("RUS", "INVADES", "UKR", "asserted")]),
        # a noun's agent right after its patient
        ("O Brasil condenou a invasão da Ucrânia pela Rússia.", "pt",
         [("RUS", "INVADES", "UKR", "asserted")]),
        # an article after the conjunction of a compound
        ("O Brasil e a Argentina assinaram um acordo de cooperação nuclear.", "pt",
         [("BRA", "SIGNS_AGREEMENT_WITH", "ARG", "asserted")]),
        # the "se" of a pronominal verb is no "if"
        ("O presidente Lula se reuniu com o presidente chinês em Pequim.", "pt",
         [("BRA", "MEETS", "CHN", "asserted")]),
    ],
)
def test_arabic_and_chinese_mechanisms(text: str, language: str,
                                       expected: list[tuple[str, ...]]):
    assert triples(text, language) == sorted(expected)


_AR_MEETING = "اجتمع وزراء خارجية الاتحاد الأوروبي مع وزير خارجية اليابان في بروكسل. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "الوزراء" (the ministers) are the two sides of the meeting; a circumstantial
        # participle ("داعين": calling on) is their act
        (_AR_MEETING + "واتفق الوزراء على أهمية الأمن، داعين كوريا الشمالية إلى وقف التجارب.",
         [("IGO:EU", "MEETS", "JPN", "asserted"), ("IGO:EU", "AGREES_WITH", "JPN", "asserted"),
          ("IGO:EU", "URGES", "PRK", "asserted"), ("JPN", "URGES", "PRK", "asserted")]),
        # ... also with another state named between the subject and the participle
        (_AR_MEETING + "وعبر الوزراء عن أهمية وجود حكومة عراقية قوية، داعين تركيا إلى دعم "
         "الحكومة.",
         [("IGO:EU", "MEETS", "JPN", "asserted"), ("IGO:EU", "URGES", "TUR", "asserted"),
          ("JPN", "URGES", "TUR", "asserted")]),
        # the pair stays the pair after a sentence relating it to a third state
        (_AR_MEETING + "وعبر الوزراء عن قلقهم من تصريحات المسؤولين الروس. "
         "وأكد الوزراء رفضهم لتدخلات إيران في المنطقة.",
         [("IGO:EU", "MEETS", "JPN", "asserted"), ("IGO:EU", "CRITICIZES", "RUS", "asserted"),
          ("JPN", "CRITICIZES", "RUS", "asserted"), ("IGO:EU", "REJECTS", "IRN", "asserted"),
          ("JPN", "REJECTS", "IRN", "asserted")]),
        # "رئيس الوزراء" (the prime minister) is not the ministers of the two sides
        ("اجتمع وزير خارجية الصين مع وزير خارجية روسيا في موسكو. وانتقد رئيس الوزراء اليابان.",
         [("CHN", "MEETS", "RUS", "asserted")]),
        # a conflict with no second side named is no dispute with the article's main actor
        ("انتقد الاتحاد الأوروبي روسيا. وقال الاتحاد الأوروبي إن الاتحاد الأوروبي يدعم "
         "أوكرانيا. وتحدث الرئيس العراقي عن المتضررين من الصراع.",
         [("IGO:EU", "CRITICIZES", "RUS", "asserted"), ("IGO:EU", "SUPPORTS", "UKR", "asserted")]),
        # "البلدين" (the two countries) are the two states, not a state and its alliance
        ("زار الرئيس التركي الصين. وتركيا عضو في حلف شمال الأطلسي. وقال إن الخلاف بين البلدين "
         "كبير.",
         [("TUR", "VISITS", "CHN", "asserted"), ("TUR", "MEMBER_OF", "IGO:NATO", "asserted"),
          ("TUR", "DISPUTES_WITH", "CHN", "asserted")]),
        # a welcomed agreement is not the welcomers' own
        (_AR_MEETING + "ورحب الوزراء بالاتفاق الليبي.",
         [("IGO:EU", "MEETS", "JPN", "asserted"), ("IGO:EU", "WELCOMES", "LBY", "asserted"),
          ("JPN", "WELCOMES", "LBY", "asserted")]),
        # a condemned attack is not the condemner's (verb-first: the subject stands between)
        ("أدانت قطر الهجوم على السفارة الأردنية.", []),
        # the need to solve a crisis urges its state; solving it is no part in it
        ("وشددت مصر على ضرورة حل الأزمة في السودان.", [("EGY", "URGES", "SDN", "asserted")]),
        ("ودعت فرنسا إلى انتقال سياسي في فنزويلا.", [("FRA", "URGES", "VEN", "asserted")]),
        # sending people back "إلى" a state; without "إلى" "أعادت" is only "re-"
        ("وأعادت تايلاند مئة لاجئ إلى الصين.", [("THA", "EXTRADITES_TO", "CHN", "asserted")]),
        ("أعادت السعودية فتح سفارتها في دمشق.", []),
        # discussing is meeting only "مع" a partner (also behind the clitic "و")
        ("وبحث الرئيس المصري الوضع في ليبيا.", []),
        ("وبحث الرئيس المصري مع نظيره الفرنسي الوضع في ليبيا.",
         [("EGY", "MEETS", "FRA", "asserted")]),
    ],
)
def test_arabic_joint_statements_and_vocabulary(text: str, expected: list[tuple[str, ...]]):
    assert triples(text, "ar") == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وعقد الرئيس الروسي لقاء مع نظيره الإيراني في طهران.",
         [("RUS", "MEETS", "IRN", "asserted")]),
        ("وسيلتقي الرئيس الأمريكي بنظيره الصيني الشهر المقبل.",
         [("USA", "MEETS", "CHN", "intended")]),
        ("وقام رئيس الوزراء الهندي بزيارة رسمية إلى اليابان.",
         [("IND", "VISITS", "JPN", "asserted")]),
        ("ووقعت تركيا وقطر مذكرة تفاهم في مجال الطاقة.",
         [("TUR", "SIGNS_AGREEMENT_WITH", "QAT", "asserted")]),
        ("أعلنت واشنطن فرض عقوبات جديدة على كوريا الشمالية.",
         [("USA", "SANCTIONS", "PRK", "asserted")]),
        # the condemned aggression is the adjective's, aimed after "على"
        ("ونددت مصر بالعدوان الإسرائيلي على لبنان.",
         [("EGY", "CONDEMNS", "ISR", "asserted"), ("ISR", "ATTACKS", "LBN", "asserted")]),
        ("واستنكرت الكويت الاعتداء على السفارة السعودية في طهران.", []),
        ("وشنت إسرائيل عدوانا على لبنان.", [("ISR", "ATTACKS", "LBN", "asserted")]),
        ("ووجهت باكستان اتهامات للهند بدعم الإرهاب.", [("PAK", "ACCUSES", "IND", "asserted")]),
        ("هددت كوريا الشمالية اليابان برد قاس.", [("PRK", "THREATENS", "JPN", "asserted")]),
        ("وأعربت مصر عن دعمها للسعودية.", [("EGY", "SUPPORTS", "SAU", "asserted")]),
        ("وقدمت الإمارات مساعدات عسكرية للأردن.",
         [("ARE", "PROVIDES_MILITARY_AID_TO", "JOR", "asserted")]),
        # a pledge (with the conjunction written on) is intended
        ("وتعهدت اليابان بتقديم مساعدات لأوكرانيا.", [("JPN", "AIDS", "UKR", "intended")]),
        ("ووافقت واشنطن على صفقة أسلحة مع تايوان.", [("USA", "SELLS_ARMS_TO", "TWN", "asserted")]),
        ("وتعد الصين الشريك التجاري الأول للبرازيل.", [("CHN", "TRADES_WITH", "BRA", "asserted")]),
        # verb-first: the goods stand between the verb and "إلى"
        ("وتصدر السعودية النفط إلى الصين.", [("SAU", "EXPORTS_TO", "CHN", "asserted")]),
        ("وطالبت روسيا أوكرانيا بسحب قواتها.", [("RUS", "DEMANDS", "UKR", "asserted")]),
        ("ورفضت الصين الاتهامات الأمريكية.", [("CHN", "REJECTS", "USA", "asserted")]),
        ("وطردت الجزائر السفير الفرنسي.", [("DZA", "EXPELS", "FRA", "asserted")]),
        # "وقع" signs only with a partner; alone it is "happened", "توقع" is "expected"
        ("ووقع انفجار قرب السفارة الأمريكية في بغداد.", []),
        ("وتوقع البنك الدولي نمو الاقتصاد المصري.", []),
        ("ووقعت فرنسا مع الهند على صفقة طائرات.",
         [("FRA", "SIGNS_AGREEMENT_WITH", "IND", "asserted")]),
        ("وأعلنت البحرين قطع علاقاتها الدبلوماسية مع قطر.",
         [("BHR", "CUTS_TIES_WITH", "QAT", "asserted")]),
    ],
)
def test_arabic_common_relation_vocabulary(text: str, expected: list[tuple[str, ...]]):
    assert triples(text, "ar") == sorted(expected)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a separable verb: its particle later in the clause picks the relation
        ("Der Kreml wies den Vorschlag Washingtons zurück.", "de",
         [("RUS", "REJECTS", "USA", "asserted")]),
        ("Polen wies russische Diplomaten aus.", "de", [("POL", "EXPELS", "RUS", "asserted")]),
        # ... and a comma closes a German clause: the marker after it is another verb's
        ("China forderte die USA auf, die Waffenlieferungen an Taiwan einzustellen.", "de",
         [("CHN", "URGES", "USA", "asserted"), ("USA", "SELLS_ARMS_TO", "TWN", "asserted")]),
        # a word that marks the trigger's target is no passive agent
        ("Moskau forderte von Kiew, die Angriffe einzustellen.", "de",
         [("RUS", "DEMANDS", "UKR", "asserted")]),
        # light verbs of giving with the dative recipient right after them
        ("Japan stellt den Philippinen Hilfe zur Verfügung.", "de",
         [("JPN", "AIDS", "PHL", "asserted")]),
        ("Япония выделит Филиппинам помощь.", "ru", [("JPN", "AIDS", "PHL", "asserted")]),
        ("Polska przekaże Ukrainie generatory.", "pl", [("POL", "AIDS", "UKR", "asserted")]),
        # ... and with weapons later in the clause, an arms transfer
        ("Polska przekaże Ukrainie kolejne czołgi.", "pl",
         [("POL", "SELLS_ARMS_TO", "UKR", "asserted")]),
        ("Deutschland liefert der Ukraine weitere Panzer.", "de",
         [("DEU", "SELLS_ARMS_TO", "UKR", "asserted")]),
        # an attack noun owned by the genitive after it, aimed at its marked target
        ("Турция осудила удары Израиля по Сирии.", "ru",
         [("ISR", "ATTACKS", "SYR", "asserted"), ("TUR", "CONDEMNS", "ISR", "asserted")]),
        # a marker right after the trigger holding a thing, not an actor, fills the target slot
        ("Путин согласился с предложением Минобороны перебросить самолеты в Сирию.", "ru", []),
        # a pronoun subject stands for the subject of the sentence before (before the actor
        # after a verb-second verb)
        ("Путин прибыл в Анкару. Он провел переговоры с Эрдоганом.", "ru",
         [("RUS", "NEGOTIATES_WITH", "TUR", "asserted"), ("RUS", "VISITS", "TUR", "asserted")]),
        ("Scholz reiste nach Paris. Er traf dort Macron.", "de",
         [("DEU", "MEETS", "FRA", "asserted"), ("DEU", "VISITS", "FRA", "asserted")]),
        # a pair of adjectives joined by a dash owns a mutual noun
        ("Состоялись российско-китайские переговоры.", "ru",
         [("RUS", "NEGOTIATES_WITH", "CHN", "asserted")]),
        ("Polsko-ukraińska współpraca się rozwija.", "pl",
         [("POL", "COOPERATES_WITH", "UKR", "asserted")]),
        # a Polish passive without an agent says nothing of who acted
        ("Ambasador Rosji został wezwany do MSZ w Warszawie.", "pl", []),
        ("Polska wydaliła rosyjskich dyplomatów.", "pl", [("POL", "EXPELS", "RUS", "asserted")]),
    ],
)
def test_separable_verbs_light_verbs_and_passives(text: str, language: str,
                                                   expected: list[tuple[str, ...]]):
    assert triples(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verb-second: with something else opening the clause the subject follows the verb
        ("Am Montag griff Russland Kiew an.", [("RUS", "ATTACKS", "UKR", "asserted")]),
        ("In Peking kritisierte China die USA.", [("CHN", "CRITICIZES", "USA", "asserted")]),
        # a source after a nominalisation ("aus", "von") is who the act comes from
        ("Die Ukraine erhält weitere Militärhilfe aus Deutschland.",
         [("DEU", "PROVIDES_MILITARY_AID_TO", "UKR", "asserted")]),
        # the auxiliary closing a verb-final clause gives its modality
        ("Die Regierung erklärte, dass Deutschland die Ukraine weiter unterstützen werde.",
         [("DEU", "SUPPORTS", "UKR", "intended")]),
        # a verb-final passive with its agent before the participle
        ("Die Ukraine wurde von Russland angegriffen.", [("RUS", "ATTACKS", "UKR", "asserted")]),
        ("Iran wurde von den USA sanktioniert.", [("USA", "SANCTIONS", "IRN", "asserted")]),
        # a government named by a hyphen compound
        ("Die US-Regierung kritisierte China scharf.", [("USA", "CRITICIZES", "CHN", "asserted")]),
        # compounds naming their own target or source: an accession sought, a membership held,
        # talks of the EU with a partner, sanctions of the EU
        ("Nordmazedonien strebt den EU-Beitritt an.", [("MKD", "MEMBER_OF", "IGO:EU", "intended")]),
        ("Griechenland unterstützt die NATO-Mitgliedschaft Nordmazedoniens.",
         [("GRC", "SUPPORTS", "MKD", "asserted"), ("MKD", "MEMBER_OF", "IGO:NATO", "asserted")]),
        ("Die EU-Beitrittsgespräche mit Albanien beginnen.",
         [("IGO:EU", "NEGOTIATES_WITH", "ALB", "asserted")]),
        ("Die Schweiz übernimmt die EU-Sanktionen gegen Russland.",
         [("IGO:EU", "SANCTIONS", "RUS", "asserted")]),
    ],
)
def test_german_clause_order_passives_and_compounds(text: str, expected: list[tuple[str, ...]]):
    assert triples(text, "de") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a quote running on from the sentence that introduced its speaker, closed by a speech
        # verb with no speaker named: the speaker's act
        ('O ministro brasileiro, João Silva, anunciou novas medidas. "Não vamos recuar. '
         'Trabalharemos com a Argentina", indicou.', "pt",
         [("BRA", "COOPERATES_WITH", "ARG", "asserted")]),
        ('El canciller chileno, Pedro Soto, anunció nuevas medidas. "No vamos a retroceder. '
         'Vamos a cooperar con Argentina", dijo.', "es",
         [("CHL", "COOPERATES_WITH", "ARG", "intended")]),
        ("Министр иностранных дел России заявил о новых мерах. «Мы будем сотрудничать с Китаем», "
         "— сказал министр.", "ru", [("RUS", "COOPERATES_WITH", "CHN", "intended")]),
        ("Minister spraw zagranicznych Polski zabrał głos w Sejmie. „Będziemy współpracować z "
         "Litwą” – powiedział minister.", "pl", [("POL", "COOPERATES_WITH", "LTU", "intended")]),
        # "wir" in the quote is the speaker, not the actor after a verb-second verb
        ("Der polnische Außenminister sprach in Berlin vor der Presse. „Wir kritisieren Litauen "
         "scharf“, sagte der Minister.", "de", [("POL", "CRITICIZES", "LTU", "asserted")]),
        # a sentence of plain narration in between ends the speaker's turn
        ('O ministro brasileiro anunciou medidas. A economia cresce. "Trabalharemos com a '
         'Argentina", disse um analista.', "pt", []),
        # refusing to tolerate another's act is a warning, not a negated relation
        ('O presidente argentino disse que Buenos Aires "nunca permitirá que o Chile continue '
         'avançando" na região.', "pt", [("ARG", "WARNS", "CHL", "asserted")]),
        # the country goods pass through is a partner as well
        ("Litwa będzie sprowadzać gaz z Norwegii, przez Szwecję.", "pl",
         [("LTU", "IMPORTS_FROM", "NOR", "intended"), ("LTU", "IMPORTS_FROM", "SWE", "intended")]),
        # "Ele" stands for the person named before
        ("O presidente Lula visitou Buenos Aires na segunda-feira. Ele criticou o Paraguai.", "pt",
         [("BRA", "VISITS", "ARG", "asserted"), ("BRA", "CRITICIZES", "PRY", "asserted")]),
        # a noun with no actor of its own is the act of the article's main actor
        ("O Brasil ampliou o orçamento da defesa. O Brasil renovou a frota. O Brasil treinou "
         "pilotos. Um analista cita o acordo com a França como exemplo.", "pt",
         [("BRA", "SIGNS_AGREEMENT_WITH", "FRA", "asserted")]),
        # a leader's name set off by commas after the actor does not push the marker out of reach
        ("Tras la extradición del expresidente de Guatemala, Carlos Alberto Mendoza, hacia México, "
         "comenzó el juicio.", "es", [("GTM", "EXTRADITES_TO", "MEX", "asserted")]),
        # (also when the name is a known leader's, read as part of the actor)
        ("Tras la visita del expresidente de Francia, Nicolas Sarkozy, a México, firmaron "
         "acuerdos.", "es", [("FRA", "VISITS", "MEX", "asserted")]),
    ],
)
def test_quote_speakers_pronouns_and_appositions(text: str, language: str,
                                                expected: list[tuple[str, ...]]):
    assert triples(text, language) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "the move" reacted to stands for the actor of the act told before it
        ("Amerika Serikat menjatuhkan sanksi baru terhadap Iran. Teheran mengecam langkah "
         "tersebut.", "id",
         [("USA", "SANCTIONS", "IRN", "asserted"), ("IRN", "CRITICIZES", "USA", "asserted")]),
        ("Jepang menawarkan bantuan kepada Filipina. Manila menyambut baik tawaran itu.", "id",
         [("JPN", "OFFERS_AID_TO", "PHL", "asserted"), ("PHL", "PRAISES", "JPN", "asserted")]),
        ("The United States imposed new sanctions on Iran on Monday. Tehran condemned the move.",
         "en", [("USA", "SANCTIONS", "IRN", "asserted"), ("IRN", "CONDEMNS", "USA", "asserted")]),
        ("Os Estados Unidos impuseram sanções ao Irã. Teerã criticou a medida.", "pt",
         [("USA", "SANCTIONS", "IRN", "asserted"), ("IRN", "CRITICIZES", "USA", "asserted")]),
        ("Die USA verhängten Sanktionen gegen den Iran. Teheran verurteilte den Schritt.", "de",
         [("USA", "SANCTIONS", "IRN", "asserted"), ("IRN", "CONDEMNS", "USA", "asserted")]),
        ("فرضت الولايات المتحدة عقوبات على إيران. وأدانت طهران هذه الخطوة.", "ar",
         [("USA", "SANCTIONS", "IRN", "asserted"), ("IRN", "CONDEMNS", "USA", "asserted")]),
        # as a subject, the act is no actor
        ("Amerika Serikat menjatuhkan sanksi baru terhadap Iran. Langkah tersebut mengancam "
         "Jepang.", "id", [("USA", "SANCTIONS", "IRN", "asserted")]),
        # with no act told before, nothing stands for it
        ("Tehran condemned the move.", "en", []),
    ],
)
def test_act_anaphora(text: str, language: str, expected: list[tuple[str, ...]]):
    assert triples(text, language) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a threatened sanction is a threat (CAMEO 1312), not an intended sanction
        ("Trump mengancam akan menaikkan tarif bagi Meksiko.",
         [("USA", "THREATENS_SANCTIONS_AGAINST", "MEX", "asserted")]),
        ("Thailand dan Kamboja berperang. Sebelumnya, Trump mengancam akan menaikkan tarif "
         "perdagangan bagi kedua negara.",
         [("THA", "FIGHTS", "KHM", "asserted"),
          ("USA", "THREATENS_SANCTIONS_AGAINST", "THA", "asserted"),
          ("USA", "THREATENS_SANCTIONS_AGAINST", "KHM", "asserted")]),
        ("China mengancam akan memutus hubungan diplomatik dengan Lituania.",
         [("CHN", "THREATENS_SANCTIONS_AGAINST", "LTU", "asserted")]),
        ("Trump mengancam Meksiko.", [("USA", "THREATENS", "MEX", "asserted")]),
    ],
)
def test_indonesian_threatened_sanctions(text: str, expected: list[tuple[str, ...]]):
    assert triples(text, "id") == sorted(expected)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # an act a threat announces is threatened, not done: sanctions (1312), force (138)
        ("Die USA drohten dem Iran mit Sanktionen.", "de",
         [("USA", "THREATENS_SANCTIONS_AGAINST", "IRN", "asserted")]),
        ("وهددت الولايات المتحدة بفرض عقوبات على إيران.", "ar",
         [("USA", "THREATENS_SANCTIONS_AGAINST", "IRN", "asserted")]),
        ("Trump ameaçou aumentar as tarifas sobre o México.", "pt",
         [("USA", "THREATENS_SANCTIONS_AGAINST", "MEX", "asserted")]),
        ("Estados Unidos amenazó con imponer sanciones a Irán.", "es",
         [("USA", "THREATENS_SANCTIONS_AGAINST", "IRN", "asserted")]),
        ("США пригрозили ввести санкции против Ирана.", "ru",
         [("USA", "THREATENS_SANCTIONS_AGAINST", "IRN", "asserted")]),
        ("Korea Utara mengancam akan menyerang Jepang.", "id",
         [("PRK", "THREATENS_FORCE_AGAINST", "JPN", "asserted")]),
        ("North Korea threatened to attack Japan.", "en",
         [("PRK", "THREATENS_FORCE_AGAINST", "JPN", "asserted")]),
        # a friendly act held out in a threat is not meant (the threat is, CAMEO 134)
        ("Russia threatened to stop negotiations with the United States.", "en",
         [("RUS", "THREATENS", "USA", "asserted"),
          ("RUS", "NEGOTIATES_WITH", "USA", "hypothetical")]),
        # a deed coordinated with a threat is a deed of its own
        ("Korea Utara mengancam Jepang dan menyerang Korea Selatan.", "id",
         [("PRK", "THREATENS", "JPN", "asserted"), ("PRK", "ATTACKS", "KOR", "asserted")]),
    ],
)
def test_threatened_acts(text: str, language: str, expected: list[tuple[str, ...]]):
    assert triples(text, language) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lower-case nationality adjectives, inflected ("polskich", "libańskie")
        ("Rosja wydaliła polskich dyplomatów.", [("RUS", "EXPELS", "POL", "asserted")]),
        ("Minister spraw zagranicznych Polski skrytykował libańskie władze.",
         [("POL", "CRITICIZES", "LBN", "asserted")]),
    ],
)
def test_polish_adjectives(text: str, expected: list[tuple[str, ...]]):
    assert triples(text, "pl") == sorted(expected)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # inflected nationality adjectives of the gazetteer ("katarische", "georgischen")
        ("Der Iran kritisierte die katarische Regierung.", "de",
         [("IRN", "CRITICIZES", "QAT", "asserted")]),
        ("Die Türkei verhandelte mit der georgischen Führung.", "de",
         [("TUR", "NEGOTIATES_WITH", "GEO", "asserted")]),
        ("La France a critiqué le gouvernement roumain.", "fr",
         [("FRA", "CRITICIZES", "ROU", "asserted")]),
        ("Le ministre danois a rencontré son homologue suédois.", "fr",
         [("DNK", "MEETS", "SWE", "asserted")]),
    ],
)
def test_german_and_french_adjectives(text: str, language: str, expected: list[tuple[str, ...]]):
    assert triples(text, language) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # arms counted between the verb and its goods; a ban on imports is no coercion
        ("Prancis akan menjual 42 jet tempur Rafale kepada Indonesia.",
         [("FRA", "SELLS_ARMS_TO", "IDN", "intended")]),
        ("India melarang impor minyak sawit dari Malaysia.",
         [("IND", "BANS_IMPORTS_FROM", "MYS", "asserted")]),
        ("Jepang akan menjual 10 unit mobil listrik kepada Thailand.", []),
    ],
)
def test_indonesian_arms_sales_and_import_bans(text: str, expected: list[tuple[str, ...]]):
    assert triples(text, "id") == sorted(expected)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a trigger's own modality (a future form) yields to a stronger cue before it
        ("Lula visitará a China em maio.", "pt", [("BRA", "VISITS", "CHN", "intended")]),
        ("O Brasil jamais visitará a China.", "pt", [("BRA", "VISITS", "CHN", "negated")]),
        ("Se o Brasil visitará a China, o Japão protestará.", "pt",
         [("BRA", "VISITS", "CHN", "hypothetical")]),
    ],
)
def test_own_modality_yields_to_a_stronger_cue(text: str, language: str,
                                              expected: list[tuple[str, ...]]):
    assert triples(text, language) == sorted(expected)
