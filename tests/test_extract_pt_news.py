"""A battery of Portuguese international-news sentences, written for these tests (not the gold
data): the everyday phrasing of wire reports for the common relation types, each with the exact
relations expected (modality included; hypothetical and negated ones are kept, the scorer
ignores them)."""

from __future__ import annotations

import pytest

from tests.relations import ASR, INT, NEG
from tests.relations import triples as relations_of


def triples(text: str) -> list[tuple[str, str, str, str]]:
    return relations_of(text, "pt")


BATTERY = [
    # meetings, talks, visits (reflexive "se reuniu com", titles, nationality adjectives,
    # metonyms; synthetic futures are intended, negated futures negated)
    ("O presidente Lula se reuniu com o presidente chinês Xi Jinping em Pequim.",
     [("BRA", "MEETS", "CHN", ASR)]),
    ("O chanceler Mauro Vieira reuniu-se com o secretário de Estado americano Antony Blinken.",
     [("BRA", "MEETS", "USA", ASR)]),
    ("Lula visitará a China em abril.", [("BRA", "VISITS", "CHN", INT)]),
    ("O Brasil não visitará a China.", [("BRA", "VISITS", "CHN", NEG)]),
    ("A visita de Lula à China foi adiada.", [("BRA", "VISITS", "CHN", ASR)]),
    ("O primeiro-ministro da Índia chegou a Brasília para uma visita oficial.",
     [("IND", "VISITS", "BRA", ASR)]),
    ("O presidente da França, Emmanuel Macron, visitou a Argentina na semana passada.",
     [("FRA", "VISITS", "ARG", ASR)]),
    ("O presidente da Argentina, Javier Milei, viajou a Israel.", [("ARG", "VISITS", "ISR", ASR)]),
    ("Brasil e Argentina realizaram negociações em Buenos Aires.",
     [("BRA", "NEGOTIATES_WITH", "ARG", ASR)]),
    # a phone conversation is a call, not a meeting
    ("O presidente argentino conversou por telefone com o presidente do Chile.",
     [("ARG", "CALLS", "CHL", ASR)]),
    ("O Itamaraty recebeu o embaixador da Rússia.", [("BRA", "HOSTS", "RUS", ASR)]),
    ("O ministro da Defesa de Portugal reuniu-se com o seu homólogo espanhol.",
     [("PRT", "MEETS", "ESP", ASR)]),
    # agreements and cooperation
    ("Brasil e China assinaram um acordo de cooperação em energia.",
     [("BRA", "SIGNS_AGREEMENT_WITH", "CHN", ASR)]),
    ("O governo brasileiro assinou um memorando de entendimento com a Índia.",
     [("BRA", "SIGNS_AGREEMENT_WITH", "IND", ASR)]),
    ("Portugal pretende reforçar a cooperação com Angola.",
     [("PRT", "COOPERATES_WITH", "AGO", INT)]),
    ("Portugal não assinará o acordo com Angola.", [("PRT", "SIGNS_AGREEMENT_WITH", "AGO", NEG)]),
    ("Moçambique e África do Sul firmaram um acordo de segurança.",
     [("MOZ", "SIGNS_AGREEMENT_WITH", "ZAF", ASR)]),
    ("O Japão e a Coreia do Sul assinaram um acordo de defesa.",
     [("JPN", "SIGNS_AGREEMENT_WITH", "KOR", ASR)]),
    ("Angola e Portugal vão reforçar as relações comerciais.",
     [("AGO", "TRADES_WITH", "PRT", INT)]),
    # sanctions and import bans: "das/dos X" after the noun is its owner, "contra" its target
    ("A União Europeia impôs novas sanções contra a Rússia.",
     [("IGO:EU", "SANCTIONS", "RUS", ASR)]),
    ("As sanções dos Estados Unidos contra a Venezuela foram prorrogadas.",
     [("USA", "SANCTIONS", "VEN", ASR)]),
    ("As sanções da União Europeia contra a Rússia foram prorrogadas.",
     [("IGO:EU", "SANCTIONS", "RUS", ASR)]),
    ("Washington anunciou sanções contra o Irã.", [("USA", "SANCTIONS", "IRN", ASR)]),
    ("A Rússia proibiu a importação de carne do Brasil.",
     [("RUS", "BANS_IMPORTS_FROM", "BRA", ASR)]),
    ("A China suspendeu as importações de carne bovina brasileira.",
     [("CHN", "BANS_IMPORTS_FROM", "BRA", ASR)]),
    ("A Venezuela foi sancionada pelos Estados Unidos.", [("USA", "SANCTIONS", "VEN", ASR)]),
    ("O Brasil não vai impor sanções à Rússia.", [("BRA", "SANCTIONS", "RUS", NEG)]),
    # criticism, condemnation, accusation (passives with "pelo")
    ("O governo chinês criticou os Estados Unidos pela venda de armas a Taiwan.",
     [("CHN", "CRITICIZES", "USA", ASR), ("USA", "SELLS_ARMS_TO", "TWN", ASR)]),
    ("O Itamaraty condenou o ataque de Israel contra a Síria.",
     [("BRA", "CONDEMNS", "ISR", ASR), ("ISR", "ATTACKS", "SYR", ASR)]),
    ("O presidente brasileiro foi criticado pelo governo dos Estados Unidos.",
     [("USA", "CRITICIZES", "BRA", ASR)]),
    ("Moscou acusou Kiev de sabotar as negociações.", [("RUS", "ACCUSES", "UKR", ASR)]),
    ("A Venezuela acusa a Colômbia de apoiar grupos armados.", [("VEN", "ACCUSES", "COL", ASR)]),
    ("O Planalto criticou a decisão da Argentina.", [("BRA", "CRITICIZES", "ARG", ASR)]),
    ("O porta-voz do Ministério das Relações Exteriores da China criticou o Japão.",
     [("CHN", "CRITICIZES", "JPN", ASR)]),
    ("O Kremlin acusou Washington de interferência.", [("RUS", "ACCUSES", "USA", ASR)]),
    # mutual accusations: each side's
    ("A Índia e o Paquistão trocaram acusações.", [("IND", "ACCUSES", "PAK", ASR)]),
    # threats
    ("A Coreia do Norte ameaçou a Coreia do Sul com represálias.",
     [("PRK", "THREATENS", "KOR", ASR)]),
    ("A Turquia ameaça a Grécia.", [("TUR", "THREATENS", "GRC", ASR)]),
    ("Pequim ameaçou impor sanções contra a Austrália.",
     [("CHN", "THREATENS_SANCTIONS_AGAINST", "AUS", ASR)]),
    # attacks (missiles fired "contra" a country are an attack)
    ("Israel atacou alvos no Líbano.", [("ISR", "ATTACKS", "LBN", ASR)]),
    ("A Rússia bombardeou cidades da Ucrânia.", [("RUS", "BOMBS", "UKR", ASR)]),
    ("O Azerbaijão atacou a Armênia durante a noite.", [("AZE", "ATTACKS", "ARM", ASR)]),
    ("A Ucrânia foi atacada pela Rússia.", [("RUS", "ATTACKS", "UKR", ASR)]),
    ("A Rússia lançou mísseis contra a Ucrânia.", [("RUS", "ATTACKS", "UKR", ASR)]),
    ("A Rússia invadiu a Ucrânia em fevereiro de 2022.", [("RUS", "INVADES", "UKR", ASR)]),
    # arms and aid ("enviou ajuda humanitária" names the kind of aid; "recebeu … de" has its
    # giver after it; "aos" marks a target like "ao")
    ("Os Estados Unidos vão enviar armas à Ucrânia.", [("USA", "SELLS_ARMS_TO", "UKR", INT)]),
    ("Os Estados Unidos venderão armas aos Emirados Árabes Unidos.",
     [("USA", "SELLS_ARMS_TO", "ARE", INT)]),
    ("Lula afirmou que o Brasil não vai enviar armas à Ucrânia.",
     [("BRA", "SELLS_ARMS_TO", "UKR", NEG)]),
    ("O Japão enviou ajuda humanitária a Moçambique.",
     [("JPN", "PROVIDES_HUMANITARIAN_AID_TO", "MOZ", ASR)]),
    ("A Alemanha anunciou ajuda militar à Ucrânia.",
     [("DEU", "PROVIDES_MILITARY_AID_TO", "UKR", ASR)]),
    ("Angola recebeu uma doação de vacinas de Portugal.", [("PRT", "AIDS", "AGO", ASR)]),
    ("O Brasil apoia a candidatura da Índia ao Conselho de Segurança.",
     [("BRA", "SUPPORTS", "IND", ASR)]),
    ("O presidente francês disse que a França vai apoiar a Ucrânia.",
     [("FRA", "SUPPORTS", "UKR", INT)]),
    # trade
    ("O Brasil exportou soja para a China.", [("BRA", "EXPORTS_TO", "CHN", ASR)]),
    ("A Argentina importa gás da Bolívia.", [("ARG", "IMPORTS_FROM", "BOL", ASR)]),
    ("As exportações do Brasil para a China cresceram 20%.", [("BRA", "EXPORTS_TO", "CHN", ASR)]),
    ("O Brasil planeja ampliar as exportações para a Índia.", [("BRA", "EXPORTS_TO", "IND", INT)]),
    # demands and appeals: "pediu à X que …" keeps X as its target
    ("O chanceler brasileiro pediu à Rússia que retire suas tropas.",
     [("BRA", "APPEALS_TO", "RUS", ASR)]),
    ("Os Estados Unidos pediram à China que pressione a Coreia do Norte.",
     [("USA", "APPEALS_TO", "CHN", ASR)]),
    ("O Brasil apelou à Rússia para retirar suas tropas.", [("BRA", "URGES", "RUS", ASR)]),
    ("A França exigiu que o Irã liberte os prisioneiros.", [("FRA", "DEMANDS", "IRN", ASR)]),
    # rejection, denial, expulsion, cut ties, protest
    ("O Irã negou ter atacado a Arábia Saudita.", [("IRN", "ATTACKS", "SAU", NEG)]),
    ("O Brasil recusou o convite dos Estados Unidos.", [("BRA", "REJECTS", "USA", ASR)]),
    ("A Nicarágua expulsou o embaixador do Brasil.", [("NIC", "EXPELS", "BRA", ASR)]),
    ("A Polônia expulsou diplomatas russos.", [("POL", "EXPELS", "RUS", ASR)]),
    ("A Venezuela rompeu relações com o Paraguai.", [("VEN", "CUTS_TIES_WITH", "PRY", ASR)]),
    ("A Argentina rompeu relações diplomáticas com a Nicarágua.",
     [("ARG", "CUTS_TIES_WITH", "NIC", ASR)]),
    ("O Itamaraty convocou o embaixador de Israel.", [("BRA", "LODGES_PROTEST_WITH", "ISR", ASR)]),
    # negotiation, mediation, invitation
    ("O Catar mediou as negociações entre os Estados Unidos e o Irã.",
     [("QAT", "MEDIATES_BETWEEN", "IRN", ASR), ("QAT", "MEDIATES_BETWEEN", "USA", ASR),
      ("USA", "NEGOTIATES_WITH", "IRN", ASR)]),
    ("O Brasil e a China negociam um acordo comercial.", [("BRA", "NEGOTIATES_WITH", "CHN", ASR)]),
    ("Lula convidou o presidente da Colômbia para a cúpula.", [("BRA", "INVITES", "COL", ASR)]),
    ("Israel bombardeou a Faixa de Gaza.", [("ISR", "BOMBS", "PSE", ASR)]),
    # more verbs: tariffs, joint exercises, a threat of force, warnings, praise, restored ties,
    # futures ("receberá", "vai fornecer tanques": arms)
    ("Os EUA impuseram tarifas sobre o aço brasileiro.",
     [("USA", "IMPOSES_TARIFFS_ON", "BRA", ASR)]),
    ("A Rússia e a China realizaram exercícios militares conjuntos.",
     [("RUS", "HOLDS_JOINT_EXERCISE_WITH", "CHN", ASR)]),
    ("O Irã ameaçou atacar Israel.", [("IRN", "THREATENS_FORCE_AGAINST", "ISR", ASR)]),
    ("O governo brasileiro expressou apoio à Argentina.", [("BRA", "SUPPORTS", "ARG", ASR)]),
    ("Pequim advertiu Washington contra novas provocações.", [("CHN", "WARNS", "USA", ASR)]),
    ("O Brasil e o Paraguai retomaram as negociações sobre Itaipu.",
     [("BRA", "NEGOTIATES_WITH", "PRY", ASR)]),
    ("O presidente chinês, Xi Jinping, receberá Lula em Pequim.", [("CHN", "HOSTS", "BRA", INT)]),
    ("O México elogiou a decisão dos Estados Unidos.", [("MEX", "PRAISES", "USA", ASR)]),
    ("A Colômbia restabeleceu relações diplomáticas com a Venezuela.",
     [("COL", "RESTORES_RELATIONS_WITH", "VEN", ASR)]),
    ("A Argentina e o Chile vão cooperar na área de energia.",
     [("ARG", "COOPERATES_WITH", "CHL", INT)]),
    ("O Brasil cooperará com a Índia.", [("BRA", "COOPERATES_WITH", "IND", INT)]),
    ("A Alemanha vai fornecer tanques à Ucrânia.", [("DEU", "SELLS_ARMS_TO", "UKR", INT)]),
    ("A China é o maior parceiro comercial do Brasil.", [("CHN", "TRADES_WITH", "BRA", ASR)]),
    # "a guerra na Ucrânia" names a place: no war between the speaker and it
    ("Lula pediu o fim da guerra na Ucrânia.", [("BRA", "APPEALS_TO", "UKR", ASR)]),
    # a discussion "com" a partner is a meeting; a body approving sanctions imposes them; the act
    # told before stands for its actor ("a medida"); the partner before the object
    ("Lula discutiu com Biden a crise na Venezuela.", [("BRA", "MEETS", "USA", ASR)]),
    ("A União Europeia aprovou novas sanções contra a Rússia.",
     [("IGO:EU", "SANCTIONS", "RUS", ASR)]),
    ("Os Estados Unidos impuseram sanções à Venezuela. Caracas criticou a medida.",
     [("USA", "SANCTIONS", "VEN", ASR), ("VEN", "CRITICIZES", "USA", ASR)]),
    ("O presidente dos EUA, Joe Biden, telefonou para o presidente Lula.",
     [("USA", "CALLS", "BRA", ASR)]),
    ("A Bolívia assinou com a Rússia um acordo nuclear.",
     [("BOL", "SIGNS_AGREEMENT_WITH", "RUS", ASR)]),
    ("Moçambique pediu ajuda a Portugal.", [("MOZ", "REQUESTS_AID_FROM", "PRT", ASR)]),
    ("Lula deverá se reunir com Biden em Washington.", [("BRA", "MEETS", "USA", INT)]),
    ("Os EUA discutiram a crise na Venezuela.", []),
    # seats of power and capitals
    ("O Palácio de La Moneda criticou Lima.", [("CHL", "CRITICIZES", "PER", ASR)]),
    ("A Moncloa criticou Marrocos.", [("ESP", "CRITICIZES", "MAR", ASR)]),
    ("A França criticou Argel.", [("FRA", "CRITICIZES", "DZA", ASR)]),
    ("Em nota, o Itamaraty condenou a Rússia.", [("BRA", "CONDEMNS", "RUS", ASR)]),
    ("O Departamento de Estado criticou o Irã.", [("USA", "CRITICIZES", "IRN", ASR)]),
    # nothing: a pair with no partner named, background facts, page furniture, domestic actors
    ("Os dois países concordaram em ampliar o comércio bilateral.", []),
    ("Segundo o Itamaraty, o Brasil não reconhecerá o resultado das eleições na Venezuela.", []),
    ("O Brasil tem fronteira com dez países da América do Sul.", []),
    ("Leia também: Lula visita a China", []),
    ("O governo de São Paulo criticou o prefeito.", []),
]


@pytest.mark.parametrize(("text", "expected"), BATTERY)
def test_portuguese_news_sentence(text: str, expected: list[tuple[str, str, str, str]]):
    assert triples(text) == sorted(expected)
