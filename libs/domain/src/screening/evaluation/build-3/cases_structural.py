"""Control-entry hierarchy, other destination, same member state, EL/GR.

Each row pairs a party with a variant of itself, so that the structural condition alone decides the label.
"""
from common import R, M, N

VOLKHOV_A = ("ПАО «Волховский радиозавод»", "187400, Ленинградская обл., г. Волхов, Кировский пр., д. 30", "RU")
VOLKHOV_B = ("PJSC Volkhov Radio Plant", "30 Kirovsky Prospekt, Volkhov, Leningrad Oblast", "RU")
QADIR_A = ("Ghadir Electronic Tabriz", "Shahid Beheshti Ave, No. 40, Tabriz", "IR")
QADIR_B = ("Qadir Elektronik-e Tabriz", "No 40, Beheshti St, Tabriz", "IR")
HEFEI_A = ("Hefei Lanjing Sci. & Tech. Co., Ltd.", "No. 2800 Innovation Avenue, High-Tech Zone, Hefei", "CN")
HEFEI_B = ("合肥蓝晶科技有限公司", "合肥市高新区创新大道 2800 号", "CN")
MERIDIAN_A = ("Meridian Crest International Trading LLC", "Office 2204, Churchill Tower, Business Bay, Dubai", "AE")
MERIDIAN_B = ("Meridian Crest Intl. Trading L.L.C.", "Churchill Tower 2204, Business Bay, Dubai", "AE")
KIZIL_A = ("Yeşilırmak Radar Sistemleri A.Ş.", "Cyberpark, Bilkent, Çankaya, Ankara", "TR")
KIZIL_B = ("YESILIRMAK RADAR SISTEMLERI AS", "BILKENT CYBERPARK CANKAYA ANKARA", "TR")
ERTIS_A = ("TOO Ertis Geofizika", "ul. Lomova, 45, Pavlodar", "KZ")
ERTIS_B = ("Ertis Geofizika LLP", "Lomova St 45, Pavlodar", "KZ")
KAVERI_A = ("Tungabhadra Avionics Pvt. Ltd.", "12 KIADB Aerospace Park, Devanahalli, Bangalore 562149", "IN")
KAVERI_B = ("Tungabhadra Avionics Private Limited", "Plot 12, KIADB Aerospace Park, Devanahalli, Bengaluru 562149", "IN")
ARAGATS_A = ("Aragats Opto LLC", "49 Komitas Ave, Yerevan 0051", "AM")
ARAGATS_B = ("OOO Aragats Opto", "pr. Komitasa, 49, Erevan", "AM")

HIERARCHY = [
    R(M, VOLKHOV_A, VOLKHOV_B, "Parent entry 5A001 vs denied sub-item 5A001.b: ancestor, so the same item.", ent=(["5A001"], ["5A001.b"])),
    R(M, QADIR_A, QADIR_B, "Candidate 3A001.a.5 is a descendant of denied 3A001.a.", ent=(["3A001.a.5"], ["3A001.a"])),
    R(M, HEFEI_A, HEFEI_B, "Grandparent 6A003 vs denied 6A003.b.4.b.", ent=(["6A003"], ["6A003.b.4.b"])),
    R(M, MERIDIAN_A, MERIDIAN_B, "Two candidate entries, one (1C010.b) a descendant of denied 1C010.", ent=(["2B001.a", "1C010.b"], ["1C010"])),
    R(M, KIZIL_A, KIZIL_B, "Candidate 9A012 is the parent of denied 9A012.a.", ent=(["9A012"], ["9A012.a"])),
    R(M, ERTIS_A, ERTIS_B, "Identical entry 6A001.a.1 on both sides.", ent=(["6A001.a.1"], ["6A001.a.1"])),
    R(M, KAVERI_A, KAVERI_B, "Candidate 7A003.a is a child of denied 7A003; a second denied entry does not matter.", ent=(["7A003.a"], ["7A003", "7A005"])),
    R(N, VOLKHOV_A, VOLKHOV_B, "Siblings 5A001.b vs 5A001.c: different items.", ent=(["5A001.b"], ["5A001.c"])),
    R(N, QADIR_A, QADIR_B, "Cousins 3A001.a.2 vs 3A001.b.2: different items.", ent=(["3A001.a.2"], ["3A001.b.2"])),
    R(N, HEFEI_A, HEFEI_B, "Siblings 6A003.b.3 vs 6A003.b.4: different items.", ent=(["6A003.b.3"], ["6A003.b.4"])),
    R(N, MERIDIAN_A, MERIDIAN_B, "Equipment 4A005 vs software 4D004: different entries.", ent=(["4A005"], ["4D004"])),
    R(N, KIZIL_A, KIZIL_B, "Hardware 5A002.a vs software 5D002.a: different entries.", ent=(["5A002.a"], ["5D002.a"])),
    R(N, ERTIS_A, ERTIS_B, "2B001 (machine tools) vs 2B201 (the nuclear-related entry): different entries.", ent=(["2B001"], ["2B201"])),
    R(N, KAVERI_A, KAVERI_B, "1C010 vs 1C210 and 1A004 vs 1A005: no pair is related.", ent=(["1C010", "1A004"], ["1C210", "1A005"])),
]

OTHER_DESTINATION = [
    R(N, MERIDIAN_A, MERIDIAN_B, "Same party, but the denial concerned onward delivery to Iran; destinations AE vs IR differ.", dest=("AE", "IR")),
    R(N, ("Kam Hing Lee Trading Co.", "Rm 1502, 15/F, 88 Nathan Rd, Tsim Sha Tsui, Kowloon", "HK"),
         ("Jin Xing Li Maoyi Gongsi", "Room 1502, 88 Nathan Road, Jianshazui, Kowloon", "HK"),
      "Same party; destinations HK vs CN differ.", dest=("HK", "CN")),
    R(N, ERTIS_A, ERTIS_B, "Same party; destinations KZ vs RU differ.", dest=("KZ", "RU")),
    R(N, KIZIL_A, KIZIL_B, "Same party; destinations TR vs SY differ.", dest=("TR", "SY")),
    R(N, ARAGATS_A, ARAGATS_B, "Same party; destinations AM vs RU differ.", dest=("AM", "RU")),
    R(N, ("Delima Intan Mikro Sdn. Bhd.", "Plot 88, Bayan Lepas FIZ Phase IV, 11900 Penang", "MY"),
         ("Delima Intan Mikro Sendirian Berhad", "Plot 88, Bayan Lepas Industrial Zone Phase 4, 11900 Bayan Lepas, Pulau Pinang", "MY"),
      "Same party; destinations MY vs CN differ.", dest=("MY", "CN")),
    R(N, ("Kavkasioni Optika LLC", "37 Chavchavadze Ave, Tbilisi", "GE"),
         ("შპს კავკასიონი ოპტიკა", "თბილისი, ჭავჭავაძის გამზ. 37", "GE"),
      "Same party; destinations GE vs RU differ.", dest=("GE", "RU")),
    R(N, ("Tashkent Spektr Optics Corp.", "Mustaqillik Ave 59, Tashkent", "UZ"),
         ("Tashkent Spektr Optics Corporation", "59 Mustaqillik Avenue, Toshkent", "UZ"),
      "Same party; destinations UZ vs AF differ.", dest=("UZ", "AF")),
]

SAME_MEMBER_STATE = [
    R(N, VOLKHOV_A, VOLKHOV_B, "Same party and item, but both decisions are German: Art 16 consults other states.", ms=("DE", "DE")),
    R(N, QADIR_A, QADIR_B, "Same party and item, both French decisions.", ms=("FR", "FR")),
    R(N, HEFEI_A, HEFEI_B, "Same party and item, both Italian decisions.", ms=("IT", "IT")),
    R(N, MERIDIAN_A, MERIDIAN_B, "Same party and item, both Dutch decisions.", ms=("NL", "NL")),
    R(N, KIZIL_A, KIZIL_B, "Same party and item, both Spanish decisions.", ms=("ES", "ES")),
    R(N, ERTIS_A, ERTIS_B, "Same party and item, both Austrian decisions.", ms=("AT", "AT")),
    R(N, KAVERI_A, KAVERI_B, "Same party and item, both Finnish decisions.", ms=("FI", "FI")),
    R(N, ARAGATS_A, ARAGATS_B, "Same party and item, both Czech decisions.", ms=("CZ", "CZ")),
]

GREECE = [
    R(N, VOLKHOV_A, VOLKHOV_B, "EL and GR are both Greece: same member state.", ms=("EL", "GR")),
    R(N, HEFEI_A, HEFEI_B, "GR and GR: same member state.", ms=("GR", "GR")),
    R(N, ERTIS_A, ERTIS_B, "GR and EL are both Greece: same member state.", ms=("GR", "EL")),
    R(M, QADIR_A, QADIR_B, "Greece (EL) vs Cyprus (CY): different member states.", ms=("EL", "CY")),
    R(M, KIZIL_A, KIZIL_B, "Greece (GR) vs Romania (RO): different member states.", ms=("GR", "RO")),
    R(M, ARAGATS_A, ARAGATS_B, "Bulgaria (BG) vs Greece (EL): different member states.", ms=("BG", "EL")),
]

TABLES = [
    ("control-entry-hierarchy", HIERARCHY),
    ("other-destination", OTHER_DESTINATION),
    ("same-member-state", SAME_MEMBER_STATE),
    ("greece-el-gr", GREECE),
]
