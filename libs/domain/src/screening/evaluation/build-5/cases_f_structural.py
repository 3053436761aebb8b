"""Hand-written heldout-5 tables (helper e): structural conditions (control entries, destination,
issuing member state, Greece EL/GR). The parties are identical or clearly identical on both sides,
so only the structural condition decides the label. All entities are invented."""
from common import R, M, N

# A small pool of invented parties, each written the same way (or trivially differently) on both sides.
P_OKT = ("OOO Oktavinsk-Pribor", "ul. Stroiteley 12, Dzerzhinsk, Nizhny Novgorod Oblast, 606000", "RU")
P_OKT2 = ("Oktavinsk-Pribor LLC", "12 Stroiteley St., Dzerzhinsk 606000, Russia", "RU")
P_ZAF = ("Zafranet Electronics FZE", "Plot MO0718, Jebel Ali Free Zone North, Dubai", "AE")
P_ZAF2 = ("Zafranet Electronics F.Z.E.", "MO0718, JAFZA North, Dubai, UAE", "AE")
P_KOR = ("Korumtaş Savunma Sistemleri A.Ş.", "Sincan OSB, 23. Cad. No: 7, Sincan/Ankara", "TR")
P_KOR2 = ("Korumtas Savunma Sistemleri A.S.", "Sincan OSB 23. Cadde No 7, Sincan, Ankara", "TR")
P_VEN = ("Venkatadri Photonics Pvt. Ltd.", "Plot 31, KIADB Aerospace Park, Devanahalli, Bengaluru 562149", "IN")
P_VEN2 = ("Venkatadri Photonics Private Limited", "31 KIADB Aerospace Park, Devanahalli, Bangalore 562149", "IN")
P_JIN = ("Xiamen Haoyunlan Marine Electronics Co., Ltd.", "No. 56 Xiangxing 2nd Rd, Huli District, Xiamen, Fujian", "CN")
P_JIN2 = ("Xiamen Haoyunlan Marine Electronics Company Limited", "56 Xiangxing Er Lu, Huli, Xiamen", "CN")
P_BAY = ("Bayrampur Avionics Sdn. Bhd.", "Lot 2, Jalan Hi-Tech 4, Kulim Hi-Tech Park, 09000 Kulim, Kedah", "MY")
P_BAY2 = ("Bayrampur Avionics Sdn Bhd", "Lot 2, Jln Hi-Tech 4, Kulim Hi-Tech Park, Kulim 09000", "MY")
P_FAR = ("Farzanegan Tadjhiz Pars Co.", "No. 40, Shahid Beheshti Industrial Zone, Karaj", "IR")
P_FAR2 = ("Farzanegan Tadjhiz Pars Company", "40 Shahid Beheshti Ind. Zone, Karaj, Alborz Province", "IR")
P_SIN = ("Singaraya Marine Systems Pte. Ltd.", "8 Loyang Way 1, #02-05, Singapore 508706", "SG")
P_HKT = ("Wingshun Kelton Trading Ltd.", "Unit 1208, 12/F, Kwai Hing Industrial Bldg, 10 Kwai Hei St, Kwai Chung, N.T.", "HK")
P_ARM = ("Vanadzor Debedtron CJSC", "Tigran Mets St. 31, Vanadzor 2001", "AM")
P_KAZ = ("TOO Ertisvolt", "ul. Kabanbay Batyra 48, Pavlodar 140000", "KZ")
P_THA = ("Chaiwatana Precision Electronics Co., Ltd.", "88/12 Moo 4, Amata City Chonburi, Tambon Don Hua Lo, Chonburi 20000", "TH")
P_SRB = ("Moravion d.o.o.", "Kneza Miloša 44, 34000 Kragujevac", "RS")
P_BRA = ("Guaporé Sistemas Ópticos Ltda.", "Rua Itajubá 1200, São José dos Campos - SP, 12245-000", "BR")
P_PAK = ("Sindhuwal Precision (Pvt.) Ltd.", "Plot F-141, S.I.T.E. Area, Karachi", "PK")
P_UZB = ("Zarafshon Elektroasbob MChJ", "Navoiy ko'chasi 77, Navoiy", "UZ")

CONTROL_ENTRY = [
    R(M, P_OKT, P_OKT2, "Same OOO; 6A008 is the grandparent of the denied 6A008.j.1.",
      ent=(["6A008"], ["6A008.j.1"])),
    R(M, P_ZAF, P_ZAF2, "Same FZE; 3A002.g is a sub-item of the denied 3A002.",
      ent=(["3A002.g"], ["3A002"])),
    R(M, P_KOR, P_KOR2, "Same A.Ş. and identical entries 5A002.a.",
      ent=(["5A002.a"], ["5A002.a"])),
    R(M, P_VEN, P_VEN2, "Same firm; of two candidate entries 3A001.a.5 falls under the denied 3A001.a.",
      ent=(["1C010.b", "3A001.a.5"], ["3A001.a"])),
    R(M, P_JIN, P_JIN2, "Same company; 2B201 is the parent of the denied 2B201.a.",
      ent=(["2B201"], ["2B201.a"])),
    R(M, P_BAY, P_BAY2, "Same Sdn Bhd; 9A012.b is a child of the denied 9A012.",
      ent=(["9A012.b"], ["9A012"])),
    R(M, P_FAR, P_FAR2, "Same company; 6A005.d overlaps the denied parent 6A005 in a multi-entry denial.",
      ent=(["6A003.b.4", "6A005.d"], ["6A005", "7A003"])),
    R(N, P_OKT, P_OKT2, "Same OOO, but 6A008.j and 6A008.k are siblings, not the same item.",
      ent=(["6A008.j"], ["6A008.k"])),
    R(N, P_ZAF, P_ZAF2, "Same FZE, but 3A002.a and 3A002.g are sibling sub-items.",
      ent=(["3A002.a"], ["3A002.g"])),
    R(N, P_KOR, P_KOR2, "Same firm, but 2B001 (machine tools) and 2B201 (nuclear-related machine tools) are different entries.",
      ent=(["2B001"], ["2B201"])),
    R(N, P_VEN, P_VEN2, "Same firm, but 1C010.b and 1C210.b are different entries.",
      ent=(["1C010.b"], ["1C210.b"])),
    R(N, P_JIN, P_JIN2, "Same company, but 5A002.a is equipment and 5D002.a software: different entries.",
      ent=(["5A002.a"], ["5D002.a"])),
    R(N, P_BAY, P_BAY2, "Same firm, but 4A005 and 4D004 are different entries.",
      ent=(["4A005"], ["4D004"])),
    R(N, P_FAR, P_FAR2, "Same company; no candidate entry overlaps a denied one (6A003.b.4 vs 6A003.a, 6A005.d vs 6A005.b).",
      ent=(["6A003.b.4", "6A005.d"], ["6A003.a", "6A005.b"])),
]

OTHER_DESTINATION = [
    R(N, P_ZAF, P_ZAF2, "Same FZE, but the candidate ships to the UAE and the denial was for Oman.", dest=("AE", "OM")),
    R(N, P_SIN, P_SIN, "Same Singapore firm, but the denial's destination was Indonesia.", dest=("SG", "ID")),
    R(N, P_KOR, P_KOR2, "Same A.Ş., but the denied transaction was destined for Azerbaijan.", dest=("TR", "AZ")),
    R(N, P_KAZ, P_KAZ, "Same TOO, but the denial's destination was Kyrgyzstan.", dest=("KZ", "KG")),
    R(N, P_HKT, P_HKT, "Same Hong Kong trader, but the denial was for Macao.", dest=("HK", "MO")),
    R(N, P_ARM, P_ARM, "Same CJSC, but the denial's destination was Georgia.", dest=("AM", "GE")),
    R(N, P_THA, P_THA, "Same Thai company, but the denial's destination was Cambodia.", dest=("TH", "KH")),
]

SAME_MEMBER_STATE = [
    R(N, P_OKT, P_OKT2, "Same party, but both the application and the denial are Austrian.", ms=("AT", "AT")),
    R(N, P_VEN, P_VEN2, "Same firm, but the Netherlands issued the denial itself.", ms=("NL", "NL")),
    R(N, P_SRB, P_SRB, "Same d.o.o., but both sides are Spanish.", ms=("ES", "ES")),
    R(N, P_BRA, P_BRA, "Same Ltda., but Finland issued both.", ms=("FI", "FI")),
    R(N, P_PAK, P_PAK, "Same firm, but both sides are Romanian.", ms=("RO", "RO")),
    R(N, P_JIN, P_JIN2, "Same company, but Hungary issued both.", ms=("HU", "HU")),
    R(N, P_UZB, P_UZB, "Same MChJ, but both sides are Lithuanian.", ms=("LT", "LT")),
]

GREECE = [
    R(N, P_KOR, P_KOR2, "Same firm; EL and GR are both Greece, so the denial is the same state's.", ms=("EL", "GR")),
    R(N, P_BAY, P_BAY2, "Same firm; GR and EL are the same member state.", ms=("GR", "EL")),
    R(N, P_SRB, P_SRB, "Same d.o.o.; Greece issued both, written GR on both sides.", ms=("GR", "GR")),
    R(M, P_FAR, P_FAR2, "Same company; Greece (EL) against a Cypriot denial is another member state.", ms=("EL", "CY")),
    R(M, P_PAK, P_PAK, "Same firm; a Greek (GR) application against a Maltese denial.", ms=("GR", "MT")),
    R(M, P_THA, P_THA, "Same company; a Latvian application against a Greek (EL) denial.", ms=("LV", "EL")),
    R(M, P_UZB, P_UZB, "Same MChJ; a Greek (GR) application against a Portuguese denial.", ms=("GR", "PT")),
]

TABLES = [
    ("control-entry-hierarchy", CONTROL_ENTRY),
    ("other-destination", OTHER_DESTINATION),
    ("same-member-state", SAME_MEMBER_STATE),
    ("greece-el-gr", GREECE),
]
