"""Hand-written table, helper "a": transliteration-cyrillic (Russian, Ukrainian, Belarusian, Serbian, Kazakh, Kyrgyz).

Every entity is invented. Romanisations follow BGN/PCGN, ISO 9, German Duden, French usage, ICAO passport
(ia/iu/kh/ie), the Ukrainian 2010 national system, Belarusian national Latin, Serbian Latin and Kazakh 2021 Latin,
written by hand from general knowledge.
"""
from common import R, M, REL, N

F = "transliteration-cyrillic"

# --- Russian -------------------------------------------------------------------------------------------------
IZH_CY = ("ООО «Ижтехэнергомаш»", "426011, Удмуртская Республика, г. Ижевск, ул. Пастухова, д. 63, оф. 214", "RU")
IZH_BGN = ("OOO Izhtekhenergomash", "ul. Pastukhova 63, office 214, Izhevsk, Udmurt Republic, 426011", "RU")
IZH_ISO = ("OOO Ižtehènergomaš", "ul. Pastuhova, d. 63, of. 214, Iževsk, 426011", "RU")
IZH_DUD = ("OOO Ischtechenergomasch", "Pastuchowa-Str. 63, Büro 214, 426011 Ischewsk, Russland", "RU")
IZH_SPLIT = ("Izh-Tekh-Energomash LLC", "63 Pastukhov Street, Office 214, Izhevsk 426011", "RU")

VYCH_CY = ("АО «НПО «Вычегдаприбор»»", "167000, Республика Коми, г. Сыктывкар, Октябрьский пр-т, д. 131/2", "RU")
VYCH_BGN = ("AO NPO Vychegdapribor", "Oktyabrskiy prospekt 131/2, Syktyvkar, Komi Republic, 167000", "RU")
VYCH_FR = ("SA NPO Vytchegdapribor", "131/2, prospekt Oktiabrski, 167000 Syktyvkar, Russie", "RU")
VYCH_LONG = ("JSC Research and Production Association Vychegdapribor", "Oktyabrsky Ave. 131 bldg 2, Syktyvkar 167000", "RU")

YUZH_CY = ("ООО «Южуралкриотехника»", "454091, г. Челябинск, ул. Кирова, д. 159, пом. 7", "RU")
YUZH_BGN = ("OOO Yuzhuralkriotekhnika", "ul. Kirova 159, pom. 7, Chelyabinsk, 454091", "RU")
YUZH_ICAO = ("OOO IUZHURALKRIOTEKHNIKA", "UL KIROVA 159 POM 7 CHELIABINSK 454091", "RU")
YUZH_ISO = ("OOO Ûžuralkriotehnika", "ul. Kirova, d. 159, pom. 7, g. Čelâbinsk, 454091", "RU")
YUZH_DUD = ("OOO Jushuralkriotechnika", "Kirowa-Straße 159, Raum 7, 454091 Tscheljabinsk", "RU")

YART_CY = ("АО «КБ «Ярцевоточмаш»»", "215805, Смоленская обл., г. Ярцево, ул. Победы, д. 14", "RU")
YART_BGN = ("AO KB Yartsevotochmash", "ul. Pobedy 14, Yartsevo, Smolensk Oblast, 215805", "RU")
YART_DUD = ("AO KB Jarzewototschmasch", "Pobedy-Straße 14, 215805 Jarzewo, Gebiet Smolensk", "RU")
YART_EN = ("Design Bureau Yartsevo Tochmash JSC", "14 Pobedy Street, Yartsevo, Smolensk Region 215805", "RU")

SHCH_CY = ("ООО «Щербинкаспецфильтр»", "108851, г. Москва, г. Щербинка, ул. Железнодорожная, д. 4, стр. 2", "RU")
SHCH_BGN = ("OOO Shcherbinkaspetsfil'tr", "ul. Zheleznodorozhnaya 4, str. 2, Shcherbinka, Moscow, 108851", "RU")
SHCH_ISO = ("OOO Ŝerbinkaspecfil'tr", "ul. Železnodorožnaâ, d. 4, str. 2, g. Ŝerbinka, Moskva, 108851", "RU")
SHCH_FR = ("SARL Chtcherbinkaspetsfiltr", "4 bât. 2, rue Jeleznodorojnaïa, Chtcherbinka, 108851 Moscou", "RU")

ISH_CY = ("НПП «Ишимгеоприбор»", "627750, Тюменская обл., г. Ишим, ул. Карла Маркса, д. 88", "RU")
ISH_BGN = ("NPP Ishimgeopribor", "ul. Karla Marksa 88, Ishim, Tyumen Oblast, 627750", "RU")
ISH_LONG = ("Nauchno-proizvodstvennoe predpriyatie Ishimgeopribor", "Karl Marx St. 88, Ishim 627750, Tyumenskaya obl.", "RU")

ZEYA_CY = ("ООО «Зеягидроприбор»", "675000, Амурская обл., г. Благовещенск, ул. Зейская, д. 201, оф. 5", "RU")
ZEYA_BGN = ("OOO Zeyagidropribor", "ul. Zeyskaya 201, of. 5, Blagoveshchensk, Amur Oblast, 675000", "RU")
ZEYA_SPLIT = ("Zeya Gidro Pribor OOO", "Zeyskaya str. 201-5, Blagoveschensk 675000", "RU")

CHUS_CY = ("ООО «Чусовьпривод»", "618200, Пермский край, г. Чусовой, ул. Ленина, д. 27а", "RU")
CHUS_BGN = ("OOO Chusov'privod", "ul. Lenina 27a, Chusovoy, Perm Krai, 618200", "RU")
CHUS_NOSOFT = ("Chusovprivod LLC", "27A Lenin St., Chusovoi, Perm Territory 618200", "RU")

KOLO_CY = ("ЗАО «Коломнадизельсервис»", "140402, Московская обл., г. Коломна, ул. Октябрьской революции, д. 312", "RU")
KOLO_BGN = ("ZAO Kolomnadizel'servis", "ul. Oktyabr'skoy revolyutsii 312, Kolomna, Moscow Oblast, 140402", "RU")
KOLO_AO = ("AO Kolomnadizelservis", "ul. Oktyabrskoy Revolyutsii 312, Kolomna 140402", "RU")

# --- Ukrainian -----------------------------------------------------------------------------------------------
CHERK_UA = ("ТОВ «Черкасиенергоприлад»", "18002, м. Черкаси, вул. Смілянська, буд. 118, оф. 9", "UA")
CHERK_NAT = ("TOV Cherkasyenerhoprylad", "vul. Smilianska 118, of. 9, Cherkasy, 18002", "UA")
CHERK_RU = ("OOO Cherkassyenergopribor", "ul. Smelyanskaya 118, of. 9, Cherkassy, 18002", "UA")
CHERK_EN = ("Cherkasyenergoprylad LLC", "118 Smilyanska Str., Office 9, Cherkasy 18002, Ukraine", "UA")

SLOB_UA = ("ТОВ «Слобожанська гідроарматура»", "61052, м. Харків, вул. Плеханівська, буд. 75", "UA")
SLOB_NAT = ("TOV Slobozhanska hidroarmatura", "vul. Plekhanivska 75, Kharkiv, 61052", "UA")
SLOB_RU = ("OOO Slobozhanskaya gidroarmatura", "ul. Plekhanovskaya 75, Kharkov, 61052", "UA")

MYK_UA = ("ПрАТ «Миколаївсуднодеталь»", "54028, м. Миколаїв, вул. Індустріальна, буд. 9", "UA")
MYK_NAT = ("PrAT Mykolaivsudnodetal", "vul. Industrialna 9, Mykolaiv, 54028", "UA")
MYK_RU = ("ZAO Nikolaevsudnodetal", "ul. Industrialnaya 9, Nikolaev, 54028", "UA")
MYK_EN = ("Mykolaivsudnodetal PrJSC", "9 Industrialna St., Mykolaiv 54028", "UA")

ZHYT_UA = ("ПрАТ «Житомирметалоконструкція»", "10003, м. Житомир, вул. Вітрука, буд. 12", "UA")
ZHYT_NAT = ("PrAT Zhytomyrmetalokonstruktsiia", "vul. Vitruka 12, Zhytomyr, 10003", "UA")
ZHYT_RU = ("ZAO Zhitomirmetallokonstruktsiya", "ul. Vitruka 12, Zhitomir, 10003", "UA")

DNIPRO_UA = ("ТОВ «Придніпровськтеплоавтоматика»", "49027, м. Дніпро, просп. Яворницького, буд. 93", "UA")
DNIPRO_OLD = ("OOO Pridneprovskteploavtomatika", "prospekt Karla Marksa 93, Dnepropetrovsk, 49027", "UA")

# --- Belarusian ----------------------------------------------------------------------------------------------
MAH_BE = ("ТАА «Магілёўпрамарматура»", "212030, г. Магілёў, вул. Першамайская, д. 70, пам. 3", "BY")
MAH_LAT = ("TAA Mahilioŭpramarmatura", "vul. Pieršamajskaja 70, pam. 3, Mahilioŭ, 212030", "BY")
MAH_RU = ("OOO Mogilevpromarmatura", "ul. Pervomayskaya 70, pom. 3, Mogilev, 212030", "BY")

HROD_BE = ("ААТ «Гродзенскі завод цеплавой аўтаматыкі»", "230005, г. Гродна, вул. Сянкевіча, д. 41", "BY")
HROD_RU = ("OAO Grodnenskiy zavod teplovoy avtomatiki", "ul. Senkevicha 41, Grodno, 230005", "BY")
HROD_EN = ("Grodno Thermal Automation Plant OJSC", "41 Senkevich St., Grodno 230005, Belarus", "BY")

BREST_CY = ("ЧУП «Брестпневмотех»", "224016, г. Брест, ул. Московская, д. 267, к. 4", "BY")
BREST_LAT = ("ChUP Brestpnevmotekh", "ul. Moskovskaya 267/4, Brest, 224016", "BY")
BREST_EN = ("Private Unitary Enterprise Brestpnevmotech", "267 Moskovskaya St., bldg 4, Brest 224016", "BY")

# --- Serbian -------------------------------------------------------------------------------------------------
DJUR_CY = ("Ђурђевак Инжењеринг д.о.о.", "Булевар ослобођења 88, 21000 Нови Сад", "RS")
DJUR_LAT = ("Đurđevak Inženjering d.o.o.", "Bulevar oslobođenja 88, 21000 Novi Sad", "RS")
DJUR_ASCII = ("Djurdjevak Inzenjering doo", "Bulevar oslobodjenja 88, 21000 Novi Sad, Serbia", "RS")
DJUR_EN = ("Djurdjevak Engineering Ltd", "88 Oslobodjenja Blvd, Novi Sad 21000", "RS")

LJUB_CY = ("Љубичевац Термотехника д.о.о.", "Јужни булевар 144, 11000 Београд", "RS")
LJUB_LAT = ("Ljubičevac Termotehnika d.o.o.", "Južni bulevar 144, 11000 Beograd", "RS")
LJUB_EN = ("Ljubichevac Termotehnika LLC", "144 Juzhni Boulevard, Belgrade 11000", "RS")

# --- Kazakh --------------------------------------------------------------------------------------------------
QAR_KZ = ("ЖШС «Қарағандыкенмаш»", "100009, Қарағанды қ., Бұқар жырау даңғылы, 52, 12 кеңсе", "KZ")
QAR_RU = ("ТОО «Карагандыкенмаш»", "100009, г. Караганда, пр. Бухар жырау, д. 52, оф. 12", "KZ")
QAR_BGN = ("TOO Karagandykenmash", "pr. Bukhar Zhyrau 52, of. 12, Karaganda, 100009", "KZ")
QAR_LAT = ("JŞS Qarağandykenmaş", "Buqar jyrau dañğyly 52, 12 keñse, Qarağandy, 100009", "KZ")

IRT_RU = ("ТОО «Иртышцветметприбор»", "070004, г. Усть-Каменогорск, ул. Протозанова, д. 17", "KZ")
IRT_KZ = ("ЖШС «Ертісцветметприбор»", "070004, Өскемен қ., Протозанов к-сі, 17", "KZ")
IRT_BGN = ("TOO Irtyshtsvetmetpribor", "ul. Protozanova 17, Ust-Kamenogorsk, 070004", "KZ")
IRT_LAT = ("Irtyshtsvetmetpribor LLP", "17 Protozanov St., Oskemen 070004, Kazakhstan", "KZ")

# --- Kyrgyz --------------------------------------------------------------------------------------------------
CHUI_CY = ("ОсОО «Чүйтехмашсервис»", "720040, г. Бишкек, пр. Чуй, д. 219, оф. 31", "KG")
CHUI_RU = ("OsOO Chuytekhmashservis", "prospekt Chuy 219, of. 31, Bishkek, 720040", "KG")
CHUI_EN = ("Chuitekhmashservis LLC", "219 Chui Avenue, Office 31, Bishkek 720040, Kyrgyzstan", "KG")

ROWS = [
    # Russian MATCH
    R(M, IZH_CY, IZH_BGN, "Cyrillic vs BGN/PCGN (ж=zh, х=kh, э=e); same OOO at the same office in Izhevsk."),
    R(M, IZH_BGN, IZH_ISO, "BGN/PCGN vs ISO 9 (ž, h, è, š); same name, same street and office in Izhevsk."),
    R(M, IZH_DUD, IZH_CY, "German Duden form (sch, ch, w) of the Cyrillic name; Pastuchowa-Str. 63 office 214 is the same office in Izhevsk."),
    R(M, IZH_SPLIT, IZH_BGN, "Compound name split with hyphens and OOO given as LLC; same entity at Pastukhova 63, office 214."),
    R(M, VYCH_CY, VYCH_BGN, "Cyrillic vs BGN/PCGN with the nested guillemets dropped; same AO NPO on Oktyabrskiy prospekt 131/2."),
    R(M, VYCH_FR, VYCH_BGN, "French romanisation (tch, ia, SA for AO) of the same NPO at the same Syktyvkar address."),
    R(M, VYCH_LONG, VYCH_CY, "NPO written out as Research and Production Association, AO as JSC; the same firm at 131/2 (131 bldg 2)."),
    R(M, YUZH_CY, YUZH_BGN, "Cyrillic vs BGN/PCGN (ю=yu, ж=zh, х=kh); same premises on ul. Kirova 159 in Chelyabinsk."),
    R(M, YUZH_ICAO, YUZH_BGN, "ICAO passport-style capitals (iu, ia) against BGN/PCGN; same firm and address in Chelyabinsk."),
    R(M, YUZH_ISO, YUZH_DUD, "ISO 9 (û, ž, h) vs German Duden (j, sh, ch, tsch); both render ООО «Южуралкриотехника» at Kirova 159."),
    R(M, YART_CY, YART_BGN, "Cyrillic vs BGN/PCGN (я=ya, ц=ts, ч=ch); the same design bureau on ul. Pobedy 14 in Yartsevo."),
    R(M, YART_DUD, YART_EN, "Duden (j, z, tsch, sch) vs an English form with the compound split and KB translated; same Yartsevo address."),
    R(M, SHCH_CY, SHCH_BGN, "Cyrillic vs BGN/PCGN (щ=shch, ц=ts, soft sign kept as apostrophe); same building in Shcherbinka."),
    R(M, SHCH_ISO, SHCH_FR, "ISO 9 (ŝ, c, â) vs French (chtch, ï, SARL for OOO) for the same Shcherbinka firm at ul. Zheleznodorozhnaya 4."),
    R(M, ISH_CY, ISH_BGN, "Cyrillic vs BGN/PCGN; same NPP at Karla Marksa 88 in Ishim."),
    R(M, ISH_LONG, ISH_BGN, "NPP written out as Nauchno-proizvodstvennoe predpriyatie and the street given as Karl Marx St.; same firm."),
    R(M, ZEYA_CY, ZEYA_SPLIT, "Solid Soviet-style compound split into Zeya Gidro Pribor and legal form moved; same office 201-5 in Blagoveshchensk."),
    R(M, CHUS_CY, CHUS_NOSOFT, "Soft sign dropped (Chusov'privod/Chusovprivod) and Chusovoy/Chusovoi; same address in Chusovoy."),
    # Ukrainian MATCH
    R(M, CHERK_UA, CHERK_NAT, "Ukrainian Cyrillic vs the 2010 national system (и=y, г=h, ія=ia); same TOV office in Cherkasy."),
    R(M, CHERK_NAT, CHERK_RU, "Ukrainian vs Russian form of the same name (enerho/energo, prylad/pribor, Cherkasy/Cherkassy, Smilianska/Smelyanskaya); same office."),
    R(M, SLOB_UA, SLOB_RU, "Ukrainian Cyrillic vs Russian romanisation (Kharkiv/Kharkov, hidro/gidro, Plekhanivska/Plekhanovskaya); same firm."),
    R(M, MYK_UA, MYK_RU, "Mykolaiv/Nikolaev stem in the name and city; ПрАТ shown under its pre-2009 form ZAO; same address."),
    R(M, DNIPRO_UA, DNIPRO_OLD, "City renamed Dnepropetrovsk to Dnipro and prospekt Karla Marksa to Yavornytskoho in 2016; same number, same firm in Russian form."),
    # Belarusian MATCH
    R(M, MAH_BE, MAH_LAT, "Belarusian Cyrillic vs the national Latin (ŭ, ie, š, j); same TAA office in Mahilioŭ."),
    R(M, MAH_LAT, MAH_RU, "Belarusian vs Russian forms (Mahilioŭ/Mogilev, pram/prom, Pieršamajskaja/Pervomayskaya); TAA = OOO."),
    R(M, HROD_BE, HROD_RU, "Belarusian name and its Russian equivalent (ААТ = OAO, Hrodna/Grodno); same plant at Сянкевіча/Senkevicha 41."),
    R(M, BREST_CY, BREST_EN, "ЧУП written out as Private Unitary Enterprise, kh/ch; same Brest address 267 bldg 4."),
    # Serbian MATCH
    R(M, DJUR_CY, DJUR_LAT, "Serbian Cyrillic vs Latin (Ђ=Đ, ж=ž); same d.o.o. on Bulevar oslobođenja 88 in Novi Sad."),
    R(M, DJUR_ASCII, DJUR_LAT, "Diacritics stripped with dj for đ and doo without dots; same Novi Sad firm."),
    R(M, LJUB_CY, LJUB_LAT, "Serbian Cyrillic vs Latin (Љ=Lj, ч=č, ж=ž); same Belgrade address."),
    # Kazakh / Kyrgyz MATCH
    R(M, QAR_KZ, QAR_RU, "Kazakh Cyrillic (Қ, ғ, ЖШС) vs Russian form (ТОО); same office at Bukhar Zhyrau 52 in Karaganda."),
    R(M, QAR_LAT, QAR_BGN, "Kazakh 2021 Latin (Q, ğ, ş, JŞS) vs Russian-based BGN/PCGN (TOO); same firm and office."),
    R(M, IRT_KZ, IRT_BGN, "Kazakh Ертіс/Өскемен vs Russian Irtysh/Ust-Kamenogorsk for the same TOO on Protozanov St. 17."),
    R(M, CHUI_CY, CHUI_EN, "Kyrgyz ү written ui, ОсОО as LLC; same office 31 on Chui Avenue 219 in Bishkek."),
    R(M, KOLO_AO, KOLO_CY, "ZAO re-registered as a non-public AO under the 2014 Civil Code reform; same Kolomna firm and address."),

    # RELATED
    R(REL, ("ООО «Ижтехэнергомаш-Сервис»", "426011, г. Ижевск, ул. Пастухова, д. 63, оф. 216", "RU"), IZH_BGN,
      "A -Servis arm with the distinctive Izhtekhenergomash stem two doors down the same corridor; a separate OOO, worth a look."),
    R(REL, ("АО «Южуралкриотехника»", "454091, г. Челябинск, ул. Кирова, д. 159", "RU"), YUZH_BGN,
      "Same distinctive name and building but AO instead of OOO: a different legal entity, possibly a sister company."),
    R(REL, ("ПрАТ «Черкасиенергоприлад»", "18002, м. Черкаси, вул. Смілянська, буд. 118", "UA"), CHERK_NAT,
      "PrAT vs TOV with the same name at the same address: two legal forms, so two entities; for review, not consultation."),
    R(REL, ("AAT Mahilioŭpramarmatura", "vul. Pieršamajskaja 70, Mahilioŭ, 212030", "BY"), MAH_RU,
      "ААТ (OAO) vs OOO of the same name in the same building in Mogilev: related company, not the same legal person."),
    R(REL, ("AO Karagandykenmash", "pr. Nursultana Nazarbayeva 18, Karaganda, 100012", "KZ"), QAR_KZ,
      "Same distinctive name in Karaganda but AO instead of TOO and another street: possibly the parent, not established."),
    R(REL, ("Đurđevak Inženjering d.o.o.", "Bulevar oslobođenja 12, 21000 Novi Sad", "RS"), DJUR_CY,
      "Same name and street in Novi Sad but house number 12 vs 88; could be a move or another firm, so review."),
    R(REL, ("ООО «Управляющая компания «Вычегдаприбор-Холдинг»»", "167000, г. Сыктывкар, ул. Коммунистическая, д. 8", "RU"), VYCH_BGN,
      "A management/holding company with the Vychegdapribor stem in the same city: a possible parent, not the denied NPO itself."),

    # NO_MATCH
    R(N, IZH_BGN, ("OOO Tekhenergomash", "ul. Oboronnaya 46, Tula, 300004", "RU"),
      "Tekhenergomash is a generic Soviet-style stem; without the Izh- element and in Tula it is another firm."),
    R(N, YUZH_CY, ("ООО «Южуралтермотехника»", "454080, г. Челябинск, пр. Ленина, д. 21в", "RU"),
      "One root differs (krio vs termo) and the address is another street; two different Chelyabinsk firms."),
    R(N, YART_BGN, ("AO KB Tochmash", "ul. Bol'shaya Nizhegorodskaya 77, Vladimir, 600016", "RU"),
      "Tochmash (precision engineering) is a stock stem; a design bureau in Vladimir is not the Yartsevo one."),
    R(N, CHERK_NAT, ("TOV Poltavaenerhoprylad", "vul. Zinkivska 6, Poltava, 36009", "UA"),
      "Same generic enerhoprylad stem but the city element is Poltava and the firm is there; different company."),
    R(N, SLOB_UA, ("TOV Slobozhanska armatura", "vul. Kharkivska 30, Sumy, 40007", "UA"),
      "Slobozhanska is a regional name shared by many firms; this one is in Sumy and lacks hidro-; different firm."),
    R(N, MYK_NAT, ("ПрАТ «Миколаївсуднокомплект»", "54020, м. Миколаїв, вул. Силікатна, буд. 3", "UA"),
      "Sudnodetal vs sudnokomplekt in Mykolaiv at another address: different root, different legal entity."),
    R(N, IZH_CY, IZH_BGN, "Same Izhevsk firm, but the denial concerned exports to Kazakhstan and the application is for Russia.",
      dest=("RU", "KZ")),
    R(N, MAH_BE, MAH_RU, "Same Mogilev firm, but both decisions come from the same member state, so no Art 16 consultation.",
      ms=("PL", "PL")),
    R(N, MAH_LAT, ("OOO Bobruiskpromarmatura", "ul. Minskaya 112, Bobruisk, 213800", "BY"),
      "Only the generic promarmatura stem is shared; the city element and address are Bobruisk, not Mogilev."),
    R(N, LJUB_LAT, ("Termotehnika Ljubić d.o.o.", "Kralja Petra I 19, 34000 Kragujevac", "RS"),
      "Termotehnika is generic and Ljubić is a surname, not Ljubičevac; Kragujevac is another city."),
    R(N, QAR_BGN, ("TOO Ekibastuzkenmash", "ul. Mashkhura Zhusupa 58, Ekibastuz, 141200", "KZ"),
      "Kenmash (mining machinery) is generic; the Ekibastuz firm is a different company."),
    R(N, CHUI_RU, ("OsOO Issykkultekhmashservis", "ul. Toktogula 120, Karakol, 722200", "KG"),
      "Tekhmashservis is generic and the regional element differs (Issyk-Kul vs Chuy); different firm in Karakol."),
    R(N, ISH_BGN, ("OOO Ishimgeoservis", "ul. Respubliki 143, Tyumen, 625026", "RU"),
      "A geo-services OOO in Tyumen is another legal entity at another address; the Ishim- prefix alone does not link them."),
    R(N, IRT_RU, ("TOO Irtyshpromtsvetmet", "ul. Lermontova 93, Pavlodar, 140000", "KZ"),
      "Pavlodar is also on the Irtysh; a differently built name (prom-tsvetmet, no pribor) in another city."),
]
TABLES = [(F, ROWS)]
