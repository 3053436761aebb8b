"""heldout-6, helper e: structural families (control-entry-hierarchy, other-destination, same-member-state,
greece-el-gr). The parties are the same firm on both sides (written the same or slightly differently); only the
structural condition varies. Every firm is invented; cities and streets are real. No matcher consulted."""
from common import R, M, REL, N

# Parties used more than once below (one firm, two ways of writing it).
BRAVIK_A = ("OOO Bravik-Optika", "ul. Kirova 113, office 7, Izhevsk, 426000", "RU")
BRAVIK_B = ("Bravik Optika LLC", "426000, Izhevsk, ul. Kirova, d. 113, of. 7", "RU")
TELVORA_A = ("Telvora Networks FZ-LLC", "Building 12, Office 204, Dubai Internet City, Dubai", "AE")
TELVORA_B = ("Telvora Networks FZ LLC", "Office 204, Bldg 12, DIC, Dubai, UAE", "AE")
QIMEN_A = ("Chengdu Qimen Aerospace Materials Co., Ltd.", "No. 8 Kexin Road, Hi-tech West Zone, Chengdu, Sichuan 611731", "CN")
QIMEN_B = ("Chengdu Qimen Aerospace Material Co., Ltd", "8 Kexin Rd, West Hi-Tech Zone, Chengdu 611731", "CN")
PARSAVAND_A = ("Parsavand Kontrol Sanat Co.", "No. 27, Golestan 4th St., Pasdaran Ave., Tehran", "IR")
PARSAVAND_B = ("Parsavand Control Industries Company", "27 Fourth Golestan Street, Pasdaran Avenue, Tehran", "IR")
ANKORA_A = ("Ankora Kompozit Havacılık San. ve Tic. A.Ş.", "Eskişehir OSB, 21. Cadde No: 4, Odunpazarı, Eskişehir", "TR")
ANKORA_B = ("ANKORA KOMPOZIT HAVACILIK SANAYI VE TICARET A.S.", "Eskisehir OSB 21. Cad. No:4 Eskisehir", "TR")
KHOROL_A = ("TOO «Khorol Vacuum Tekhnika»", "pr. Abaya 150/230, Almaty, 050046", "KZ")
KHOROL_B = ("Khorol Vacuum Tekhnika LLP", "150/230 Abay Avenue, Almaty 050046, Kazakhstan", "KZ")
SUVARNA_A = ("Suvarna Machine Controls Pvt. Ltd.", "W-114, MIDC Bhosari, Pune 411026, Maharashtra", "IN")
SUVARNA_B = ("Suvarna Machine Controls Private Limited", "Plot W-114, Bhosari MIDC, Pune - 411 026", "IN")

CONTROL_ENTRY = [
    # ---- MATCH: equal entries, or one is the ancestor of the other
    R(M, BRAVIK_A, BRAVIK_B,
      "Candidate 6A003.b against denied 6A003.b.4: the denied sub-item lies under the applied-for entry, same Izhevsk firm, so MATCH.",
      ent=(["6A003.b"], ["6A003.b.4"])),
    R(M, TELVORA_A, TELVORA_B,
      "Candidate 5A002.a against denied 5A002: the parent entry covers the sub-item, same Dubai Internet City office, so MATCH.",
      ent=(["5A002.a"], ["5A002"])),
    R(M, QIMEN_A, QIMEN_B,
      "Candidate 1C010 against denied 1C010.b: grandparent-to-child across the hierarchy, same Chengdu company (Material/Materials), so MATCH.",
      ent=(["1C010"], ["1C010.b"])),
    R(M, ANKORA_A, ANKORA_B,
      "Candidate lists 2B001.b and 9A012.b, denial only 9A012.b: one shared entry is enough, same Eskişehir firm, so MATCH.",
      ent=(["2B001.b", "9A012.b"], ["9A012.b"])),
    R(M, KHOROL_A, KHOROL_B,
      "Candidate 2B230 against denied 2B230.a (pressure transducers), same Almaty LLP, so MATCH.",
      ent=(["2B230"], ["2B230.a"])),
    R(M, SUVARNA_A, SUVARNA_B,
      "Candidate 2B001.a.1 against denied 2B001 (machine tools for turning): the child lies under the denied parent, same Pune firm, so MATCH.",
      ent=(["2B001.a.1"], ["2B001"])),
    R(M, PARSAVAND_A, PARSAVAND_B,
      "Identical 3A001.b.2 on both sides with a second, unrelated candidate entry 4A003.b; Sanat translated to Industries, same Tehran address, so MATCH.",
      ent=(["4A003.b", "3A001.b.2"], ["3A001.b.2"])),
    # ---- NO_MATCH: siblings or different entries, though the firm is the same
    R(N, BRAVIK_B, BRAVIK_A,
      "Candidate 6A003.b.3 against denied 6A003.b.4: sibling camera sub-items, not essentially identical, so NO_MATCH despite the same firm.",
      ent=(["6A003.b.3"], ["6A003.b.4"])),
    R(N, TELVORA_B, TELVORA_A,
      "Candidate 5A002.a against denied 5D002.a: equipment against software, different entries, so NO_MATCH.",
      ent=(["5A002.a"], ["5D002.a"])),
    R(N, QIMEN_B, QIMEN_A,
      "Candidate 1C010.a against denied 1C010.b: sibling fibre sub-items, so NO_MATCH.",
      ent=(["1C010.a"], ["1C010.b"])),
    R(N, KHOROL_B, KHOROL_A,
      "Candidate 2B001.b against denied 2B201.b: the dual-use machine tool and the nuclear-list machine tool are different entries, so NO_MATCH.",
      ent=(["2B001.b"], ["2B201.b"])),
    R(N, ANKORA_B, ANKORA_A,
      "Candidate 9A012.a against denied 9A012.b: sibling UAV sub-items, so NO_MATCH.",
      ent=(["9A012.a"], ["9A012.b"])),
    R(N, PARSAVAND_B, PARSAVAND_A,
      "Candidate 7A003 against denied 7A103 (navigation equipment on the missile list): different entries, so NO_MATCH.",
      ent=(["7A003"], ["7A103"])),
    R(N, SUVARNA_B, SUVARNA_A,
      "Candidate lists 3A002.a and 3B001.a, denial 3A001.b.2 and 3B001.f: no pair is equal or ancestor and descendant, so NO_MATCH.",
      ent=(["3A002.a", "3B001.a"], ["3A001.b.2", "3B001.f"])),
]

OTHER_DESTINATION = [
    R(N, ("Wing Lok Precision Electronics Limited", "Unit 1203, 12/F, Kwai Cheong Centre, 50 Kwai Cheong Road, Kwai Chung, N.T.", "HK"),
      ("Wing Lok Precision Electronics Ltd.", "Flat 1203, 12th Floor, Kwai Cheong Centre, 50 Kwai Cheong Rd, Kwai Chung", "HK"),
      "Same Hong Kong firm, but the candidate ships to HK and the denial was for goods sent on to its plant in CN: another destination, so NO_MATCH.",
      dest=("HK", "CN")),
    R(N, TELVORA_A, TELVORA_B,
      "Same Dubai Internet City firm, but the denial concerned delivery to its project in Oman: destination AE against OM, so NO_MATCH.",
      dest=("AE", "OM")),
    R(N, KHOROL_A, KHOROL_B,
      "Same Almaty LLP, but the denied export was destined for RU (a Russian customer) while the candidate goes to KZ, so NO_MATCH.",
      dest=("KZ", "RU")),
    R(N, ANKORA_A, ANKORA_B,
      "Same Eskişehir firm, but the denial named Azerbaijan as destination and the candidate Türkiye, so NO_MATCH.",
      dest=("TR", "AZ")),
    R(N, ("Sevan Optoelectronics CJSC", "Arshakunyats Ave. 34/2, Yerevan 0026", "AM"),
      ("Sevan Optoelectronics CJSC", "34/2 Arshakunyats Avenue, Yerevan, Armenia", "AM"),
      "Same Yerevan company, but the candidate destination is Armenia and the denial was for re-export to Georgia, so NO_MATCH.",
      dest=("AM", "GE")),
    R(N, SUVARNA_A, SUVARNA_B,
      "Same Pune firm, but the denied consignment was destined for its customer in Bangladesh: IN against BD, so NO_MATCH.",
      dest=("IN", "BD")),
    R(N, ("Baltra Marine Systems Pte. Ltd.", "30 Loyang Way, #04-08, Loyang Industrial Estate, Singapore 508769", "SG"),
      ("Baltra Marine Systems Pte Ltd", "30 Loyang Way #04-08, Singapore 508769", "SG"),
      "Same Singapore firm, but the denial was for a vessel fit-out in Malaysia: SG against MY, so NO_MATCH.",
      dest=("SG", "MY")),
]

SAME_MEMBER_STATE = [
    R(N, BRAVIK_A, BRAVIK_B,
      "Same Izhevsk firm and item, but both the candidate and the denial were issued by Germany: Art 16 consultation is between different states, so NO_MATCH.",
      ms=("DE", "DE")),
    R(N, QIMEN_A, QIMEN_B,
      "Same Chengdu company, but France issued both: a state's own earlier denial is not a consultation case, so NO_MATCH.",
      ms=("FR", "FR")),
    R(N, PARSAVAND_A, PARSAVAND_B,
      "Same Tehran firm, but Italy issued both decisions, so NO_MATCH.",
      ms=("IT", "IT")),
    R(N, ("Wing Lok Precision Electronics Limited", "Unit 1203, 12/F, Kwai Cheong Centre, 50 Kwai Cheong Road, Kwai Chung, N.T.", "HK"),
      ("WING LOK PRECISION ELECTRONICS LIMITED", "Unit 1203 12/F Kwai Cheong Centre 50 Kwai Cheong Road Kwai Chung NT Hong Kong", "HK"),
      "Same Hong Kong firm, but the Netherlands issued both, so NO_MATCH.",
      ms=("NL", "NL")),
    R(N, SUVARNA_A, SUVARNA_B,
      "Same Pune firm, but Poland issued both, so NO_MATCH.",
      ms=("PL", "PL")),
    R(N, ("Sevan Optoelectronics CJSC", "Arshakunyats Ave. 34/2, Yerevan 0026", "AM"),
      ("ZAO Sevan Optoelektronika", "0026, g. Erevan, pr. Arshakuniats, 34/2", "AM"),
      "Same Yerevan company (CJSC is ZAO), but Czechia issued both, so NO_MATCH.",
      ms=("CZ", "CZ")),
    R(N, TELVORA_A, TELVORA_B,
      "Same Dubai firm, but Sweden issued both, so NO_MATCH.",
      ms=("SE", "SE")),
]

GREECE = [
    R(M, ANKORA_A, ANKORA_B,
      "Greece (EL) against Cyprus: two different member states, same Eskişehir firm, so MATCH.",
      ms=("EL", "CY")),
    R(M, ("Baltra Marine Systems Pte. Ltd.", "30 Loyang Way, #04-08, Loyang Industrial Estate, Singapore 508769", "SG"),
      ("Baltra Marine Systems Pte Ltd", "30 Loyang Way #04-08, Singapore 508769", "SG"),
      "Greece written GR against Bulgaria: different states, same Singapore firm, so MATCH.",
      ms=("GR", "BG")),
    R(M, KHOROL_B, KHOROL_A,
      "Italy against Greece written EL: different states, same Almaty LLP, so MATCH.",
      ms=("IT", "EL")),
    R(M, QIMEN_B, QIMEN_A,
      "Germany against Greece written GR: different states, same Chengdu company, so MATCH.",
      ms=("DE", "GR")),
    R(N, ANKORA_B, ANKORA_A,
      "EL on the candidate and GR on the denial are both Greece: same state, so NO_MATCH.",
      ms=("EL", "GR")),
    R(N, ("Sevan Optoelectronics CJSC", "Arshakunyats Ave. 34/2, Yerevan 0026", "AM"),
      ("Sevan Optoelectronics CJSC", "34/2 Arshakunyats Avenue, Yerevan, Armenia", "AM"),
      "GR on the candidate and EL on the denial are both Greece: same state, so NO_MATCH.",
      ms=("GR", "EL")),
    R(N, PARSAVAND_B, PARSAVAND_A,
      "Greece written GR on both sides: the same state, so NO_MATCH.",
      ms=("GR", "GR")),
]

TABLES = [
    ("control-entry-hierarchy", CONTROL_ENTRY),
    ("other-destination", OTHER_DESTINATION),
    ("same-member-state", SAME_MEMBER_STATE),
    ("greece-el-gr", GREECE),
]
