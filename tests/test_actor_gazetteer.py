"""The actor gazetteer, language by language: names, abbreviations, adjectives, inflected forms,
capitals and seats of power, organisations, leaders resolved by date, and words that must not be
taken for actors. Sentences written for the tests (general news phrasing, not the gold data)."""

from __future__ import annotations

import pytest

from geokg.ingest.pipeline import extract_article


def states(text: str, language: str, date: str | None = "2019-06-01") -> set[str]:
    result = extract_article(text, language=language, date=date)
    return {s for mentions in result.mentions for m in mentions for s in m.states}


CASES = {
    "en": [
        ("Turkey and Rwanda signed a trade deal.", None, {"TUR", "RWA"}),
        ("Burundian and Rwandan soldiers clashed near the border.", None, {"BDI", "RWA"}),
        ("Zimbabweans voted while Panamanian officials watched.", None, {"ZWE", "PAN"}),
        ("Kyrgyz and Congolese delegations arrived.", None, {"KGZ", "COD"}),
        ("The Ivory Coast and East Timor opened embassies in Trinidad.", None,
         {"CIV", "TLS", "TTO"}),
        ("The PLO rejected the plan of the European Community.", None, {"PSE", "IGO:EU"}),
        ("Palestinians protested in Ramallah.", None, {"PSE"}),
        ("Moscow and the Kremlin denied it; the Pentagon did not comment.", None, {"RUS", "USA"}),
        ("The U.N. Security Council met on Monday.", None, {"IGO:UNSC"}),
        ("Trump spoke to reporters.", "2019-03-01", {"USA"}),
        ("Lavrov met Wang Yi.", "2019-03-01", {"RUS", "CHN"}),
        ("Erdogan and Netanyahu spoke by phone.", "2019-03-01", {"TUR", "ISR"}),
        ("Medvedev visited Tehran.", "2010-08-14", {"RUS", "IRN"}),
        ("Hillary Clinton met Arafat's successor.", "2010-01-01", {"USA", "PSE"}),
        # negatives: lower-case words that equal a case-sensitive name
        ("Let us see what the turkey tastes like, as we said.", None, set()),
        ("He will chad the ballot; may we go?", None, set()),
    ],
    "id": [
        ("Indonesia dan Tiongkok sepakat bekerja sama.", None, {"IDN", "CHN"}),
        ("Menlu RI Retno Marsudi bertemu Menlu Jepang.", "2019-01-10", {"IDN", "JPN"}),
        ("Korsel dan Korut menggelar pertemuan di Inggris.", None, {"KOR", "PRK", "GBR"}),
        ("Negeri Paman Sam mengirim kapal ke Laut China Selatan.", None, {"USA", "CHN"}),
        ("Jokowi menerima kunjungan Presiden Prabowo.", "2018-01-01", {"IDN"}),
        ("Dewan Keamanan PBB mengecam peluncuran rudal itu.", None, {"IGO:UNSC"}),
        ("Timor-Leste resmi bergabung dengan ASEAN.", None, {"TLS", "IGO:ASEAN"}),
        ("Amerika Serikat (AS) dan Rusia berunding di Jenewa.", None, {"USA", "RUS"}),
        # negatives
        ("Harga beras naik seperti yang diperkirakan as roda.", None, set()),
    ],
    "es": [
        ("El gobierno chino y la empresa estadounidense firmaron un acuerdo.", None,
         {"CHN", "USA"}),
        ("Las autoridades estadounidenses y los diplomáticos franceses se reunieron.", None,
         {"USA", "FRA"}),
        ("Miles de costarricenses y ecuatorianos marcharon en Madrid.", None,
         {"CRI", "ECU", "ESP"}),
        ("La OTAN y la ONU condenaron el ataque.", None, {"IGO:NATO", "IGO:UN"}),
        ("Maduro recibió a Lavrov en Caracas.", "2019-03-01", {"VEN", "RUS"}),
        ("Sheinbaum habló con el primer ministro japonés.", "2025-01-10", {"MEX", "JPN"}),
    ],
    "pt": [
        ("O governo norte-americano e Pequim negociam tarifas.", None, {"USA", "CHN"}),
        ("Tropas brasileiras e argentinas fizeram exercícios.", None, {"BRA", "ARG"}),
        ("Lula se reuniu com Xi em Brasília.", "2023-04-14", {"BRA", "CHN"}),
        ("Bolsonaro criticou a Otan.", "2020-01-01", {"BRA", "IGO:NATO"}),
        ("Os suecos e os dinamarqueses venderam caças.", None, {"SWE", "DNK"}),
    ],
    "de": [
        ("Die chinesische Regierung und die russischen Diplomaten trafen sich.", None,
         {"CHN", "RUS"}),
        ("Die Politik Russlands und Deutschlands wurde kritisiert.", None, {"RUS", "DEU"}),
        ("Scholz reiste nach Warschau.", "2022-03-01", {"DEU", "POL"}),
        ("Merkel telefonierte mit Macron.", "2019-03-01", {"DEU", "FRA"}),
        ("Der Kreml wies die Vorwürfe der Nato zurück.", None, {"RUS", "IGO:NATO"}),
        ("Die griechischen Medien berichteten über Skopje.", None, {"GRC", "MKD"}),
    ],
    "fr": [
        ("Les autorités américaines et chinoises ont signé un accord.", None, {"USA", "CHN"}),
        ("L'Iran et l'Algérie ont rappelé leurs ambassadeurs.", None, {"IRN", "DZA"}),
        ("Les soldats maliens et sénégalais patrouillent.", None, {"MLI", "SEN"}),
        ("L'Otan et l'Union européenne ont réagi.", None, {"IGO:NATO", "IGO:EU"}),
        ("Macron a reçu Zelensky à l'Élysée.", "2023-05-14", {"FRA", "UKR"}),
    ],
    "ru": [
        ("Ограничения на ввоз китайских товаров в Россию.", None, {"CHN", "RUS"}),
        ("Российского посла вызвали в МИД Германии.", None, {"RUS", "DEU"}),
        ("Лавров встретился с Эрдоганом в Анкаре.", "2019-03-01", {"RUS", "TUR"}),
        ("Зеленский обратился к США.", "2022-03-01", {"UKR", "USA"}),
        ("Генсек НАТО посетил Киев.", None, {"IGO:NATO", "UKR"}),
        ("Американские и японские военные провели учения.", None, {"USA", "JPN"}),
    ],
    "pl": [
        ("Rosja i Chiny podpisały porozumienie.", None, {"RUS", "CHN"}),
        ("Polska kupi gaz z Norwegii i Danii.", None, {"POL", "NOR", "DNK"}),
        ("Chińskiego ambasadora wezwano do MSZ, a rosyjskie media milczą.", None,
         {"CHN", "RUS"}),
        ("Duda spotkał się z Zełenskim w Kijowie.", "2022-05-01", {"POL", "UKR"}),
        ("Kreml skrytykował decyzję NATO.", None, {"RUS", "IGO:NATO"}),
    ],
    "ar": [
        ("وقعت الصين وروسيا اتفاقية جديدة.", None, {"CHN", "RUS"}),
        ("والتقى الوزير الصيني بنظيره الأمريكي.", None, {"CHN", "USA"}),
        ("وقال أردوغان إن تركيا لن تسمح بذلك.", "2019-03-01", {"TUR"}),
        ("اجتماع وزراء خارجية مجلس التعاون مع كيري.", "2016-01-01", {"IGO:GCC", "USA"}),
        ("قتل جنود إثيوبيين في هجوم شنه مسلحون صوماليون.", None, {"ETH", "SOM"}),
        ("وأعلنت بكين وواشنطن استئناف المحادثات.", None, {"CHN", "USA"}),
    ],
    "zh": [
        ("中国和俄罗斯签署了合作协议。", None, {"CHN", "RUS"}),
        ("印度尼西亚与白俄罗斯建立外交关系。", None, {"IDN", "BLR"}),
        ("习近平会见德国总理默克尔。", "2019-09-06", {"CHN", "DEU"}),
        ("美方和中方在华盛顿举行会谈。", None, {"USA", "CHN"}),
        ("北约和欧盟发表联合声明。", None, {"IGO:NATO", "IGO:EU"}),
    ],
}


@pytest.mark.parametrize(
    ("language", "text", "date", "expected"),
    [(lang, text, date, expected) for lang, cases in CASES.items()
     for text, date, expected in cases],
)
def test_states_found(language: str, text: str, date: str | None, expected: set[str]):
    assert states(text, language, date or "2019-06-01") == expected


def test_leaders_resolve_by_date():
    # a leader stands for the state of the office held on the article's date
    assert states("Trump said so.", "en", "2019-05-01") == {"USA"}
    assert states("Putin said so.", "en", "2010-05-01") == {"RUS"}  # prime minister then
    assert states("Sarkozy said so.", "en", "2009-05-01") == {"FRA"}


def test_case_sensitive_names_need_their_case():
    assert states("US", "en") == {"USA"}
    assert states("us", "en") == set()
    assert states("AS menolak.", "id") == {"USA"}
    assert states("as menolak.", "id") == set()
    assert states("Blair met the press.", "en", "2001-01-01") == {"GBR"}
    assert states("The blair was empty.", "en", "2001-01-01") == set()
