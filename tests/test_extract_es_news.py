"""A battery of Spanish international-news sentences, written for these tests (not the gold
data): the everyday phrasing of wire reports for the common relation types, each with the exact
relations expected (modality included; hypothetical and negated ones are kept, the scorer
ignores them)."""

from __future__ import annotations

import pytest

from tests.relations import ASR, INT, NEG
from tests.relations import triples as relations_of


def triples(text: str) -> list[tuple[str, str, str, str]]:
    return relations_of(text, "es")


BATTERY = [
    # meetings, talks, visits (reflexive "se reunió con", titles, "su homólogo" + adjective,
    # metonyms; synthetic futures are intended, negated futures negated)
    ("El presidente Pedro Sánchez se reunió con el presidente chino Xi Jinping en Pekín.",
     [("ESP", "MEETS", "CHN", ASR)]),
    ("El canciller argentino se reunió con su homólogo chileno en Santiago.",
     [("ARG", "MEETS", "CHL", ASR)]),
    ("El presidente de México visitará Estados Unidos la próxima semana.",
     [("MEX", "VISITS", "USA", INT)]),
    ("El presidente de Chile no visitará Bolivia este año.", [("CHL", "VISITS", "BOL", NEG)]),
    ("La visita del rey de España a Marruecos fue aplazada.", [("ESP", "VISITS", "MAR", ASR)]),
    ("El primer ministro de la India llegó a Madrid en visita oficial.",
     [("IND", "VISITS", "ESP", ASR)]),
    ("El presidente de Argentina, Javier Milei, viajó a Israel.", [("ARG", "VISITS", "ISR", ASR)]),
    ("La ministra de Exteriores de España viajó a Argelia.", [("ESP", "VISITS", "DZA", ASR)]),
    ("Colombia y Venezuela celebraron negociaciones en Caracas.",
     [("COL", "NEGOTIATES_WITH", "VEN", ASR)]),
    ("El presidente francés habló por teléfono con el presidente ruso.",
     [("FRA", "CALLS", "RUS", ASR)]),
    ("La Moncloa recibió al primer ministro de Portugal.", [("ESP", "HOSTS", "PRT", ASR)]),
    ("Los cancilleres de Perú y Bolivia se reunieron en La Paz.", [("PER", "MEETS", "BOL", ASR)]),
    ("El ministro de Defensa de España se reunió con su homólogo francés.",
     [("ESP", "MEETS", "FRA", ASR)]),
    ("Ecuador y Perú reanudarán el diálogo.", [("ECU", "MEETS", "PER", INT)]),
    # agreements and cooperation
    ("España y Marruecos firmaron un acuerdo de cooperación migratoria.",
     [("ESP", "SIGNS_AGREEMENT_WITH", "MAR", ASR)]),
    ("El gobierno argentino firmó un memorando de entendimiento con China.",
     [("ARG", "SIGNS_AGREEMENT_WITH", "CHN", ASR)]),
    ("México pretende reforzar la cooperación con Canadá.",
     [("MEX", "COOPERATES_WITH", "CAN", INT)]),
    ("Cuba y Rusia acordaron ampliar su cooperación económica.",
     [("CUB", "AGREES_WITH", "RUS", ASR)]),
    ("Chile y Perú suscribieron un tratado de límites.",
     [("CHL", "SIGNS_AGREEMENT_WITH", "PER", ASR)]),
    ("Japón y Corea del Sur firmaron un acuerdo de defensa.",
     [("JPN", "SIGNS_AGREEMENT_WITH", "KOR", ASR)]),
    # sanctions and import bans: "de X" after the noun is its owner, "contra" its target
    ("La Unión Europea impuso nuevas sanciones contra Rusia.",
     [("IGO:EU", "SANCTIONS", "RUS", ASR)]),
    ("Las sanciones de EE.UU. contra Venezuela fueron prorrogadas.",
     [("USA", "SANCTIONS", "VEN", ASR)]),
    ("Washington anunció sanciones contra Nicaragua.", [("USA", "SANCTIONS", "NIC", ASR)]),
    ("Rusia prohibió la importación de frutas de Turquía.",
     [("RUS", "BANS_IMPORTS_FROM", "TUR", ASR)]),
    ("China suspendió las importaciones de carne de Argentina.",
     [("CHN", "BANS_IMPORTS_FROM", "ARG", ASR)]),
    ("Venezuela fue sancionada por Estados Unidos.", [("USA", "SANCTIONS", "VEN", ASR)]),
    ("México no impondrá sanciones a Rusia.", [("MEX", "SANCTIONS", "RUS", NEG)]),
    # criticism, condemnation, accusation (passives with "por")
    ("La Casa Rosada condenó el ataque de Rusia contra Ucrania.",
     [("ARG", "CONDEMNS", "RUS", ASR), ("RUS", "ATTACKS", "UKR", ASR)]),
    ("El presidente colombiano fue criticado por el gobierno de Venezuela.",
     [("VEN", "CRITICIZES", "COL", ASR)]),
    ("Moscú acusó a Kiev de sabotear las negociaciones.", [("RUS", "ACCUSES", "UKR", ASR)]),
    ("Venezuela acusa a Colombia de apoyar a grupos armados.", [("VEN", "ACCUSES", "COL", ASR)]),
    ("El Gobierno de España criticó la decisión de Argelia.", [("ESP", "CRITICIZES", "DZA", ASR)]),
    ("El portavoz del Ministerio de Asuntos Exteriores de China criticó a Japón.",
     [("CHN", "CRITICIZES", "JPN", ASR)]),
    ("El Kremlin acusó a Washington de injerencia.", [("RUS", "ACCUSES", "USA", ASR)]),
    ("India y Pakistán intercambiaron acusaciones.", [("IND", "ACCUSES", "PAK", ASR)]),
    # threats
    ("Corea del Norte amenazó a Corea del Sur con represalias.",
     [("PRK", "THREATENS", "KOR", ASR)]),
    ("Turquía amenaza a Grecia.", [("TUR", "THREATENS", "GRC", ASR)]),
    ("Pekín amenazó con imponer sanciones a Australia.",
     [("CHN", "THREATENS_SANCTIONS_AGAINST", "AUS", ASR)]),
    # attacks (missiles fired "contra" a country are an attack)
    ("Israel atacó objetivos en Líbano.", [("ISR", "ATTACKS", "LBN", ASR)]),
    ("Rusia bombardeó ciudades de Ucrania.", [("RUS", "BOMBS", "UKR", ASR)]),
    ("Azerbaiyán atacó a Armenia durante la noche.", [("AZE", "ATTACKS", "ARM", ASR)]),
    ("Ucrania fue atacada por Rusia.", [("RUS", "ATTACKS", "UKR", ASR)]),
    ("Rusia lanzó misiles contra Ucrania.", [("RUS", "ATTACKS", "UKR", ASR)]),
    ("Irán disparó cohetes contra Israel.", [("IRN", "ATTACKS", "ISR", ASR)]),
    ("Rusia invadió Ucrania en febrero de 2022.", [("RUS", "INVADES", "UKR", ASR)]),
    ("Israel bombardeó la Franja de Gaza.", [("ISR", "BOMBS", "PSE", ASR)]),
    # arms and aid ("envió ayuda humanitaria" names the kind of aid; "recibió … de" has its
    # giver after it)
    ("Estados Unidos enviará armas a Ucrania.", [("USA", "SELLS_ARMS_TO", "UKR", INT)]),
    ("Sánchez afirmó que España no enviará armas a Israel.",
     [("ESP", "SELLS_ARMS_TO", "ISR", NEG)]),
    ("Japón envió ayuda humanitaria a Haití.",
     [("JPN", "PROVIDES_HUMANITARIAN_AID_TO", "HTI", ASR)]),
    ("Alemania anunció ayuda militar a Ucrania.",
     [("DEU", "PROVIDES_MILITARY_AID_TO", "UKR", ASR)]),
    ("Cuba recibió una donación de arroz de China.", [("CHN", "AIDS", "CUB", ASR)]),
    ("La Casa Blanca respaldó a Israel.", [("USA", "SUPPORTS", "ISR", ASR)]),
    ("El presidente francés dijo que Francia apoyará a Ucrania.",
     [("FRA", "SUPPORTS", "UKR", INT)]),
    # trade
    ("Argentina exportó soja a China.", [("ARG", "EXPORTS_TO", "CHN", ASR)]),
    ("Chile importa gas de Argentina.", [("CHL", "IMPORTS_FROM", "ARG", ASR)]),
    ("Las exportaciones de México a Estados Unidos crecieron un 10%.",
     [("MEX", "EXPORTS_TO", "USA", ASR)]),
    ("México planea aumentar sus exportaciones a la India.", [("MEX", "EXPORTS_TO", "IND", INT)]),
    # demands and appeals
    ("El canciller mexicano instó a Rusia a retirar sus tropas.", [("MEX", "URGES", "RUS", ASR)]),
    ("Estados Unidos pidió a China que presione a Corea del Norte.",
     [("USA", "APPEALS_TO", "CHN", ASR)]),
    ("Francia exigió a Irán la liberación de los prisioneros.", [("FRA", "DEMANDS", "IRN", ASR)]),
    # rejection, denial, expulsion, cut ties, protest
    ("China rechazó las acusaciones de Japón.", [("CHN", "REJECTS", "JPN", ASR)]),
    ("Irán negó haber atacado a Arabia Saudita.", [("IRN", "ATTACKS", "SAU", NEG)]),
    ("Brasil rechazó la invitación de Estados Unidos.", [("BRA", "REJECTS", "USA", ASR)]),
    ("Nicaragua expulsó al embajador de España.", [("NIC", "EXPELS", "ESP", ASR)]),
    ("Polonia expulsó a diplomáticos rusos.", [("POL", "EXPELS", "RUS", ASR)]),
    ("Venezuela rompió relaciones diplomáticas con Paraguay.",
     [("VEN", "CUTS_TIES_WITH", "PRY", ASR)]),
    ("Argentina rompió relaciones diplomáticas con Nicaragua.",
     [("ARG", "CUTS_TIES_WITH", "NIC", ASR)]),
    ("La cancillería argentina convocó al embajador de Israel.",
     [("ARG", "LODGES_PROTEST_WITH", "ISR", ASR)]),
    # negotiation, mediation, invitation ("Qatar" as well as "Catar")
    ("Qatar medió en las negociaciones entre Estados Unidos e Irán.",
     [("QAT", "MEDIATES_BETWEEN", "IRN", ASR), ("QAT", "MEDIATES_BETWEEN", "USA", ASR),
      ("USA", "NEGOTIATES_WITH", "IRN", ASR)]),
    ("Argentina y Brasil negocian un acuerdo comercial.", [("ARG", "NEGOTIATES_WITH", "BRA", ASR)]),
    ("Pedro Sánchez invitó al presidente de Chile a la cumbre.", [("ESP", "INVITES", "CHL", ASR)]),
    # more verbs: tariffs, joint exercises, a threat of force, warnings, praise, restored ties,
    # futures ("recibirá a", "cooperarán", "suministrará tanques": arms)
    ("Estados Unidos impuso aranceles al acero mexicano.",
     [("USA", "IMPOSES_TARIFFS_ON", "MEX", ASR)]),
    ("Rusia y China realizaron ejercicios militares conjuntos.",
     [("RUS", "HOLDS_JOINT_EXERCISE_WITH", "CHN", ASR)]),
    ("Irán amenazó con atacar a Israel.", [("IRN", "THREATENS_FORCE_AGAINST", "ISR", ASR)]),
    ("El gobierno mexicano expresó su apoyo a Cuba.", [("MEX", "SUPPORTS", "CUB", ASR)]),
    ("Pekín advirtió a Washington contra nuevas provocaciones.", [("CHN", "WARNS", "USA", ASR)]),
    ("El presidente chino, Xi Jinping, recibirá a Lula en Pekín.",
     [("CHN", "HOSTS", "BRA", INT)]),
    ("México elogió la decisión de Estados Unidos.", [("MEX", "PRAISES", "USA", ASR)]),
    ("Colombia restableció relaciones diplomáticas con Venezuela.",
     [("COL", "RESTORES_RELATIONS_WITH", "VEN", ASR)]),
    ("Argentina y Chile cooperarán en materia energética.",
     [("ARG", "COOPERATES_WITH", "CHL", INT)]),
    ("Alemania suministrará tanques a Ucrania.", [("DEU", "SELLS_ARMS_TO", "UKR", INT)]),
    ("China es el principal socio comercial de Perú.", [("CHN", "TRADES_WITH", "PER", ASR)]),
    ("El canciller de Venezuela acusó a Estados Unidos de injerencia.",
     [("VEN", "ACCUSES", "USA", ASR)]),
    ("España y Francia celebraron una cumbre bilateral en Barcelona.",
     [("ESP", "MEETS", "FRA", ASR)]),
    ("Marruecos retiró a su embajador en España.",
     [("MAR", "REDUCES_COOPERATION_WITH", "ESP", ASR)]),
    ("Cuba denunció las sanciones de Estados Unidos.", [("CUB", "CONDEMNS", "USA", ASR)]),
    # a discussion "con" a partner is a meeting; a body agreeing on sanctions imposes them; the
    # act told before stands for its actor ("la medida"); phone calls "a/al"; future summits
    ("Petro discutió con Lula la crisis en Venezuela.", [("COL", "MEETS", "BRA", ASR)]),
    ("Los cancilleres de la Unión Europea acordaron nuevas sanciones contra Irán.",
     [("IGO:EU", "SANCTIONS", "IRN", ASR)]),
    ("Estados Unidos impuso sanciones a Venezuela. Caracas criticó la medida.",
     [("USA", "SANCTIONS", "VEN", ASR), ("VEN", "CRITICIZES", "USA", ASR)]),
    ("El presidente de EE.UU., Joe Biden, llamó por teléfono al presidente de México.",
     [("USA", "CALLS", "MEX", ASR)]),
    ("España y Portugal celebrarán una cumbre en Lisboa.", [("ESP", "MEETS", "PRT", INT)]),
    ("Bolivia firmó con Rusia un acuerdo nuclear.", [("BOL", "SIGNS_AGREEMENT_WITH", "RUS", ASR)]),
    ("Ecuador pidió ayuda a Colombia.", [("ECU", "REQUESTS_AID_FROM", "COL", ASR)]),
    ("Perú retiró a su embajador en México.", [("PER", "REDUCES_COOPERATION_WITH", "MEX", ASR)]),
    ("El Gobierno venezolano expulsó a los diplomáticos de Argentina.",
     [("VEN", "EXPELS", "ARG", ASR)]),
    ("Chile discutió la situación en Venezuela.", []),
    # seats of power and capitals
    ("El Palacio de Miraflores criticó a Bogotá.", [("VEN", "CRITICIZES", "COL", ASR)]),
    ("Itamaraty criticó a Caracas.", [("BRA", "CRITICIZES", "VEN", ASR)]),
    ("La Moneda condenó a Managua.", [("CHL", "CONDEMNS", "NIC", ASR)]),
    ("En un comunicado, la Cancillería colombiana condenó a Rusia.",
     [("COL", "CONDEMNS", "RUS", ASR)]),
    ("Canberra criticó a Pekín.", [("AUS", "CRITICIZES", "CHN", ASR)]),
    # nothing: a pair with no partner named, background facts, page furniture, domestic actors
    ("Los dos países acordaron reforzar su cooperación.", []),
    ("España limita al norte con Francia.", []),
    ("Lea también: Sánchez visita China", []),
    ("El gobierno de Madrid criticó al alcalde.", []),
]


@pytest.mark.parametrize(("text", "expected"), BATTERY)
def test_spanish_news_sentence(text: str, expected: list[tuple[str, str, str, str]]):
    assert triples(text) == sorted(expected)
