"""Hand-written cases: control-entry hierarchy, other destination, same member state, EL/GR.

In these families the parties are the same entity (written the same or near-identically), so the label
follows from the structural condition alone.
"""
from common import R, M, N

# Base entities, used only in this file.
NOVGOROD = ("OOO Ilmen Radiotekhnika", "ul. Bolshaya Moskovskaya 120, Velikiy Novgorod 173020", "RU")
NOVGOROD_2 = ("ООО «Ильмень Радиотехника»", "173020, г. Великий Новгород, ул. Большая Московская, д. 120", "RU")
SHARJAH = ("Hatta Ridge Marine Electronics FZE", "Hamriyah Free Zone, Warehouse Q1-33, Sharjah", "AE")
SHARJAH_2 = ("Hatta Ridge Marine Electronics Free Zone Establishment", "HFZ, Q1-33, Sharjah", "AE")
NINGBO = ("Ningbo Zhenhai Dongshan Vacuum Technology Co., Ltd.", "No. 77 Qiming Road, Zhenhai District, Ningbo", "CN")
NINGBO_2 = ("宁波镇海东山真空技术有限公司", "浙江省宁波市镇海区启明路77号", "CN")
ISFAHAN = ("Karun Rayavaran Co.", "Khiaban-e Nader, Pelak 66, Ahvaz", "IR")
ISFAHAN_2 = ("Karoun Rayavaran Company", "Nader St., No. 66, Ahwaz", "IR")
PUNE = ("Sahyadri Gyro Systems Pvt. Ltd.", "Plot D-41, MIDC Bhosari, Pune 411026", "IN")
PUNE_2 = ("Sahyadri Gyro Systems Private Limited", "D-41 MIDC Bhosari, Pune - 411026", "IN")
ISTANBUL = ("Silivri Optik Sistemler A.Ş.", "İkitelli OSB, Metal İş Sanayi Sitesi 8. Blok No: 12, Başakşehir, İstanbul", "TR")
ISTANBUL_2 = ("Silivri Optik Sistemler A.S.", "Ikitelli OSB Metal Is San. Sit. 8. Blok No:12 Basaksehir Istanbul", "TR")
TASHKENT = ("Chirchiq Elektrokimyo MChJ", "Amir Temur ko'chasi 20, Chirchiq, Tashkent viloyati", "UZ")
YEREVAN = ("Hrazdan Precision Optics CJSC", "Arshakunyats Ave 34, Yerevan", "AM")
TBILISI = ("Mtkvari Avionika LLC", "Tsereteli Ave 116, Tbilisi", "GE")
KL = ("Damansara Radartek Sdn. Bhd.", "Lot 18, Jalan Teknologi 3/5, Kota Damansara, Petaling Jaya", "MY")
HONGKONG = ("Tai Hing Kee Components Ltd.", "Unit 7, 11/F, Wing Hing Industrial Building, 14 Hing Yip Street, Kwun Tong", "HK")
KARAGANDA = ("Nura Vzryvprom TOO", "ul. Erubaeva 48, Karaganda", "KZ")

CONTROL_ENTRY = [
    R(M, NOVGOROD, NOVGOROD_2, "Parent 5A001 on the candidate, sub-item 5A001.j on the denial: ancestor and descendant match.",
      ent=(["5A001"], ["5A001.j"])),
    R(M, SHARJAH, SHARJAH_2, "3A001.b vs its grandchild 3A001.b.2: match through the hierarchy.",
      ent=(["3A001.b"], ["3A001.b.2"])),
    R(M, NINGBO, NINGBO_2, "2B001.a (child) on the candidate vs 2B001 (parent) on the denial: match.",
      ent=(["2B001.a"], ["2B001"])),
    R(M, ISFAHAN, ISFAHAN_2, "Identical entry 9A012.a on both sides.",
      ent=(["9A012.a"], ["9A012.a"])),
    R(M, PUNE, PUNE_2, "Multi-entry application: 7A001.a is a child of the denied 7A001; the other entry 3A001.a.1 is irrelevant.",
      ent=(["3A001.a.1", "7A001.a"], ["7A001"])),
    R(M, ISTANBUL, ISTANBUL_2, "Denial lists two entries; 6A003.b.4 matches the candidate's 6A003.b.4 exactly.",
      ent=(["6A003.b.4"], ["6A004.a", "6A003.b.4"])),
    R(M, YEREVAN, YEREVAN, "6A002 (parent) vs 6A002.a.1 (grandchild): match.",
      ent=(["6A002"], ["6A002.a.1"])),
    R(M, KL, KL, "4A003.b on the candidate vs 4A003 on the denial: match.",
      ent=(["4A003.b"], ["4A003"])),
    R(N, NOVGOROD, NOVGOROD_2, "Siblings 5A001.f and 5A001.j do not match.",
      ent=(["5A001.f"], ["5A001.j"])),
    R(N, SHARJAH, SHARJAH_2, "3A001.a vs 3A001.b.2: cousins, neither is an ancestor of the other.",
      ent=(["3A001.a"], ["3A001.b.2"])),
    R(N, NINGBO, NINGBO_2, "2B001 vs 2B201: different entries despite similar numbers.",
      ent=(["2B001"], ["2B201"])),
    R(N, ISFAHAN, ISFAHAN_2, "1C010 vs 1C210: different entries.",
      ent=(["1C010.b"], ["1C210.b"])),
    R(N, PUNE, PUNE_2, "5A002 (equipment) vs 5D002 (software): different entries.",
      ent=(["5A002.a"], ["5D002.a"])),
    R(N, ISTANBUL, ISTANBUL_2, "4A005 vs 4D004: different entries.",
      ent=(["4A005"], ["4D004"])),
    R(N, YEREVAN, YEREVAN, "6A003.a.2 vs 6A003.b: different sub-items of 6A003.",
      ent=(["6A003.a.2"], ["6A003.b"])),
    R(N, KL, KL, "Multi-entry: 3A002.a and 3A001.a.1 vs 3A002.g and 3A003: no entry overlaps.",
      ent=(["3A002.a", "3A001.a.1"], ["3A002.g", "3A003"])),
]

OTHER_DESTINATION = [
    R(N, SHARJAH, SHARJAH_2, "Same firm, but the candidate ships to the UAE and the denial concerned Iran.", dest=("AE", "IR")),
    R(N, HONGKONG, HONGKONG, "Same firm, but HK and CN are different destinations.", dest=("HK", "CN")),
    R(N, KARAGANDA, KARAGANDA, "Same firm, but the denial's destination was Russia, not Kazakhstan.", dest=("KZ", "RU")),
    R(N, ISTANBUL, ISTANBUL_2, "Same firm, but the denial's destination was Syria.", dest=("TR", "SY")),
    R(N, YEREVAN, YEREVAN, "Same firm, but the denial's destination was Russia.", dest=("AM", "RU")),
    R(N, KL, KL, "Same firm, but the denial concerned China.", dest=("MY", "CN")),
    R(N, TBILISI, TBILISI, "Same firm, but the denial's destination was Russia.", dest=("GE", "RU")),
    R(N, TASHKENT, TASHKENT, "Same firm, but the denial's destination was Afghanistan.", dest=("UZ", "AF")),
]

SAME_MEMBER_STATE = [
    R(N, NOVGOROD, NOVGOROD_2, "Same firm and entry, but both notices are German: Art 16 consultation is with other states.", ms=("DE", "DE")),
    R(N, SHARJAH, SHARJAH_2, "Same firm, both issued by France.", ms=("FR", "FR")),
    R(N, NINGBO, NINGBO_2, "Same firm, both issued by Italy.", ms=("IT", "IT")),
    R(N, ISFAHAN, ISFAHAN_2, "Same firm, both issued by Poland.", ms=("PL", "PL")),
    R(N, PUNE, PUNE_2, "Same firm, both issued by Sweden.", ms=("SE", "SE")),
    R(N, TBILISI, TBILISI, "Same firm, both issued by Belgium.", ms=("BE", "BE")),
    R(N, TASHKENT, TASHKENT, "Same firm, both issued by Czechia.", ms=("CZ", "CZ")),
    R(N, KARAGANDA, KARAGANDA, "Same firm, both issued by Ireland.", ms=("IE", "IE")),
]

GREECE = [
    R(N, NOVGOROD, NOVGOROD_2, "EL and GR are both Greece: same member state.", ms=("EL", "GR")),
    R(N, HONGKONG, HONGKONG, "GR and EL are both Greece: same member state.", ms=("GR", "EL")),
    R(N, ISFAHAN, ISFAHAN_2, "GR on both sides: same member state.", ms=("GR", "GR")),
    R(N, PUNE, PUNE_2, "EL on both sides: same member state.", ms=("EL", "EL")),
    R(M, NINGBO, NINGBO_2, "Greece (EL) vs Cyprus: different member states.", ms=("EL", "CY")),
    R(M, KARAGANDA, KARAGANDA, "Greece (GR) vs Bulgaria: different member states.", ms=("GR", "BG")),
    R(M, ISTANBUL, ISTANBUL_2, "Italy vs Greece (GR): different member states.", ms=("IT", "GR")),
    R(M, TASHKENT, TASHKENT, "Germany vs Greece (EL): different member states.", ms=("DE", "EL")),
]

TABLES = [
    ("control-entry-hierarchy", CONTROL_ENTRY),
    ("other-destination", OTHER_DESTINATION),
    ("same-member-state", SAME_MEMBER_STATE),
    ("greece-el-gr", GREECE),
]
