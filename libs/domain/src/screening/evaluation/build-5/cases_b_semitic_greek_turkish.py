"""Hand-written table, helper "a": transliteration-arabic, -persian, -hebrew, -greek, -turkish.

Every entity is invented. Spellings follow everyday practice (al-/el-, sun-letter assimilation, q/k/g for ق,
Egyptian g for ج, Maghrebi French ou/dj/ch; Persian ezafe and solid vs split compounds; Hebrew tz/ts/z for צ and
ch/h/kh for ח; ELOT 743 vs phonetic Greek; Turkish letters stripped or capitalised), written by hand.
"""
from common import R, M, REL, N

# --- Arabic --------------------------------------------------------------------------------------------------
SHAF_AR = ("شركة الشفق للأنظمة الهندسية ذ.م.م", "عمان، الشميساني، شارع الملكة نور، عمارة ٤١، الطابق الثالث", "JO")
SHAF_AL = ("Al-Shafaq Engineering Systems Co. LLC", "Building 41, 3rd Floor, Queen Noor Street, Shmeisani, Amman", "JO")
SHAF_ASH = ("Ash-Shafaq Engineering Systems", "Queen Noor St., Bldg. 41, Shmeisani, Amman 11194", "JO")
SHAF_EL = ("El Shafak for Engineering Systems", "41 Malika Nour Street, Al Shmaisani, Amman, Jordan", "JO")

GEBEL_AR = ("شركة جبل الطور للصناعات الدقيقة ش.م.م", "قطعة ٢٧، المنطقة الصناعية A2، مدينة العاشر من رمضان، الشرقية", "EG")
GEBEL_JAB = ("Jabal al-Tur Precision Industries S.A.E.", "Plot 27, Industrial Zone A2, 10th of Ramadan City, Sharqia", "EG")
GEBEL_GAB = ("Gabal El Tor for Precision Industries", "Plot 27, A2 Industrial Area, El Asher men Ramadan, El Sharkia", "EG")
GEBEL_GEB = ("Gebel El Tour Precision Ind. SAE", "27 A2 Ind. Zone, Tenth of Ramadan City, Egypt", "EG")

QURA_AR = ("شركة وادي القرى للتجارة العامة المحدودة", "بغداد، الكرادة داخل، محلة ٩٠٥، زقاق ١٤، دار ٧", "IQ")
QURA_Q = ("Wadi Al-Qura General Trading Co. Ltd", "Mahalla 905, Zuqaq 14, House 7, Karrada Dakhil, Baghdad", "IQ")
QURA_K = ("Wadi El Koura General Trading Company", "Karada Dakhel, Mahala 905, Alley 14, No. 7, Baghdad", "IQ")
QURA_G = ("Wadi Al Gura Gen. Trading Ltd.", "Karrada In, M. 905, Z. 14, H. 7, Baghdad", "IQ")

SOUF_FR = ("SARL Oued Souf Métrologie", "Zone d'activités, lot n° 112, El Oued 39000, Algérie", "DZ")
SOUF_AR = ("ش.ذ.م.م وادي سوف للقياسات", "منطقة النشاطات، القطعة رقم ١١٢، الوادي ٣٩٠٠٠", "DZ")
SOUF_EN = ("Wadi Suf Metrology LLC", "Activity Zone, Lot 112, El Wad 39000, Algeria", "DZ")

CHOU_FR = ("Société Chourouk Maintenance Industrielle SARL", "Lot 45, Zone Industrielle Ain Sebaâ, 20250 Casablanca", "MA")
CHOU_EN = ("Sunrise Industrial Maintenance Company SARL", "Lot 45, Ain Sebaa Industrial Zone, Dar El Beida 20250", "MA")

GHUW_AR = ("الغويفات للخدمات الفنية ذ.م.م", "أبوظبي، مصفح، م-٣٧، قطعة ١٢", "AE")
GHUW_LAT = ("Al Ghuwaifat Technical Services LLC", "Plot 12, M-37, Mussafah, Abu Dhabi", "AE")

NAJM_TH = ("An-Najm ath-Thaqib Communications Est.", "King Fahd Road, Al Olaya, Building 3318, Riyadh 12214", "SA")
NAJM_S = ("Al Najm Al Saqib Telecom Establishment", "Bldg 3318, King Fahad Rd, Olaya Dist., Riyadh 12214", "SA")

FIJE_LAT = ("Ain El Fijeh Trading Est.", "Mezzeh Villat Gharbiya, Jalaa Street, Building 16, Damascus", "SY")
FIJE_ALA = ("Mu'assasat 'Ayn al-Fija lil-Tijara", "Bina' 16, Shari' al-Jala', al-Mazza Villat Gharbiyya, Dimashq", "SY")

ARABIC = [
    R(M, SHAF_AR, SHAF_AL, "Arabic script vs al- transliteration; Arabic-Indic ٤١ is building 41 on Queen Noor Street, Shmeisani; same LLC."),
    R(M, SHAF_ASH, SHAF_EL, "Sun-letter assimilation ash- vs Egyptian-style El, q written k, 'for' inserted; same building in Shmeisani."),
    R(M, SHAF_EL, SHAF_AR, "El Shafak is الشفق; Malika Nour is Queen Noor; same Amman building."),
    R(M, GEBEL_AR, GEBEL_JAB, "Arabic script vs standard transliteration Jabal al-Tur; ش.م.م given as S.A.E.; same plot in 10th of Ramadan City."),
    R(M, GEBEL_GAB, GEBEL_JAB, "Egyptian g for ج (Gabal) and El for al-; El Asher men Ramadan is 10th of Ramadan City; same plot 27."),
    R(M, GEBEL_GEB, GEBEL_AR, "Gebel/Tour spelling with Ind. abbreviated; same firm on plot 27, zone A2."),
    R(M, QURA_AR, QURA_Q, "Arabic script vs q for ق; Baghdad mahalla/zuqaq/dar address identical."),
    R(M, QURA_K, QURA_G, "ق written k (Koura) on one side and Iraqi colloquial g (Gura) on the other; same Karrada house 7."),
    R(M, SOUF_FR, SOUF_AR, "Maghrebi French Oued for وادي; SARL = ش.ذ.م.م; same lot 112 in El Oued."),
    R(M, SOUF_EN, SOUF_FR, "Wadi Suf vs Oued Souf (French ou for u); El Wad is El Oued; same lot 112."),
    R(M, CHOU_FR, CHOU_EN, "Chourouk (الشروق) means sunrise; Dar El Beida is Casablanca; same lot in Ain Sebaâ."),
    R(M, GHUW_AR, GHUW_LAT, "Arabic script vs Latin; Mussafah M-37 plot 12 in Abu Dhabi is the same premises."),
    R(M, NAJM_TH, NAJM_S, "ث as th vs colloquial s (Thaqib/Saqib), sun letters assimilated or not, Est. written out; same Riyadh building."),
    R(M, FIJE_LAT, FIJE_ALA, "Levantine Ain El Fijeh vs ALA-LC-style Mu'assasat 'Ayn al-Fija lil-Tijara (Trading Est.); same building 16."),
    R(REL, ("Ash-Shafaq Trading Co.", "Building 41, Ground Floor, Queen Noor Street, Shmeisani, Amman", "JO"), SHAF_AL,
      "Trading company with the Shafaq stem in the same building: possible sales arm, not the same legal person."),
    R(REL, ("Wadi Al-Qura General Trading Co. Ltd", "Saadoun Street, Building 52, Office 4, Baghdad", "IQ"), QURA_AR,
      "Same name in Baghdad but a Saadoun Street office instead of the Karrada house: maybe a move, maybe another firm."),
    R(REL, ("Al Ghuwaifat Technical Services FZE", "Warehouse LB-09, Jebel Ali Free Zone, Dubai", "AE"), GHUW_LAT,
      "Same name as a free-zone FZE in Dubai vs the mainland Abu Dhabi LLC: separate registrations, likely affiliates."),
    R(N, SHAF_AL, ("Al-Shafaf Engineering Systems", "Wasfi Al-Tal Street 112, Khalda, Amman", "JO"),
      "Shafaf (transparency) is another word than Shafaq, at another Amman address; different firm."),
    R(N, GEBEL_GAB, ("Gabal El Zeit Petroleum Services", "El Nasr Road 9, Hurghada, Red Sea", "EG"),
      "Only the generic Gabal (mountain) is shared; another name in Hurghada."),
    R(N, SOUF_FR, ("SARL Oued Righ Métrologie", "Cité El Nasr, lot 30, Touggourt 30200", "DZ"),
      "Oued Righ is another valley and the firm is in Touggourt; métrologie is generic."),
    R(N, FIJE_LAT, FIJE_ALA, "Same Damascus firm, but the denial concerned Lebanon as destination.", dest=("SY", "LB")),
    R(N, QURA_Q, ("Al-Amal General Trading Co.", "Al Ashar District, Street 12, Basra", "IQ"),
      "General Trading is generic and Al-Amal is a stock name; a Basra firm unrelated to Wadi al-Qura."),
]

# --- Persian -------------------------------------------------------------------------------------------------
KAV_FA = ("شرکت کهکشان‌گستر مهندسی", "تهران، خیابان شهید مطهری، خیابان سلیمان خاطر، پلاک ۲۳، واحد ۴", "IR")
KAV_SPLIT = ("Kahkeshan Gostar Engineering Co.", "No. 23, Unit 4, Soleiman Khater St., Motahari Ave., Tehran", "IR")
KAV_SOLID = ("Kahkeshangostar Mohandesi Co.", "Kh. Motahari, Kh. Soleiman Khater, Pelak 23, Vahed 4, Tehran", "IR")
KAV_OU = ("Kahkashan Gostar Eng. Company", "Pelak 23, Vahed 4, Soleyman Khater Street, Shahid Motahhari Avenue, Tehran", "IR")

RAH_FA = ("شرکت پیشتازان دانش هرمز", "بندرعباس، بلوار امام خمینی، کوچه شقایق ۳، پلاک ۱۸", "IR")
RAH_EZ = ("Pishtazan-e Danesh-e Hormoz Co.", "Pelak 18, Kuche-ye Shaghayegh 3, Bolvar-e Emam Khomeini, Bandar Abbas", "IR")
RAH_PLAIN = ("Pishtaazan Danesh Hormoz Company", "No. 18, Shaghayegh Alley 3, Imam Khomeini Blvd., Bandar Abbas", "IR")

RIKH_FA = ("شرکت ریخته‌گران نقش جهان (سهامی خاص)", "اصفهان، شهرک صنعتی محمودآباد، خیابان ۱۲، قطعه ۴۰۷", "IR")
RIKH_LAT = ("Rikhtegaran Naghshe Jahan PJS Co.", "Plot 407, 12th St., Mahmoudabad Industrial Estate, Isfahan", "IR")
RIKH_SPLIT = ("Rikhteh Garan-e Naghsh-e Jahan Sahami Khass", "Shahrak-e Sanati-ye Mahmudabad, Khiaban-e 12, Ghate-ye 407, Esfahan", "IR")

AZAR_FA = ("شرکت آذرخش صنعت (سهامی خاص)", "تبریز، شهرک صنعتی غرب، خیابان بیستم، پلاک ۶۵", "IR")
AZAR_LAT = ("Azarakhsh Sanat Co. (PJS)", "No. 65, 20th Street, West Industrial Town, Tabriz", "IR")

ARGH_FA = ("شرکت ارغوان درنا الکترونیک", "شیراز، بلوار چمران، نبش کوچه ۲۱، ساختمان نگین، طبقه ۲", "IR")
ARGH_LAT = ("Arghavan Dorna Elektronik Co.", "Negin Building, 2nd Floor, Corner of Alley 21, Chamran Blvd., Shiraz", "IR")

PERSIAN = [
    R(M, KAV_FA, KAV_SPLIT, "Persian script with Persian digits (۲۳, ۴) vs Latin; same unit 4 at No. 23 Soleiman Khater St., Tehran."),
    R(M, KAV_SOLID, KAV_SPLIT, "Solid Kahkeshangostar vs split Kahkeshan Gostar, Mohandesi = Engineering, Kh./Pelak/Vahed = St./No./Unit; same office."),
    R(M, KAV_OU, KAV_FA, "Kahkashan with a for e and Motahhari doubled; Eng. for مهندسی; same unit in Tehran."),
    R(M, RAH_EZ, RAH_PLAIN, "Ezafe -e written vs dropped and aa for the long ā; Bolvar-e Emam Khomeini = Imam Khomeini Blvd.; same No. 18."),
    R(M, RAH_FA, RAH_PLAIN, "Persian script vs informal romanisation; same house in Shaghayegh Alley 3, Bandar Abbas."),
    R(M, RIKH_FA, RIKH_LAT, "Persian script vs Latin; (سهامی خاص) = PJS; same plot 407 in Mahmoudabad industrial estate, Isfahan."),
    R(M, RIKH_SPLIT, RIKH_LAT, "Compound split with ezafe (Rikhteh Garan-e) vs solid; Sahami Khass = PJS; Esfahan = Isfahan; same plot."),
    R(M, AZAR_FA, AZAR_LAT, "Persian script vs Latin; Shahrak-e Sanati-ye Gharb = West Industrial Town, Tabriz; same No. 65."),
    R(M, ARGH_FA, ARGH_LAT, "Persian script vs Latin with Elektronik kept; same 2nd floor of the Negin building on Chamran Blvd., Shiraz."),
    R(REL, ("Kahkeshan Gostar Bazargani Co.", "No. 23, Unit 5, Soleiman Khater St., Motahari Ave., Tehran", "IR"), KAV_FA,
      "A Bazargani (trading) company with the Kahkeshan Gostar stem one unit away: a possible affiliate or front."),
    R(REL, ("Azarakhsh Sanat Sahami Aam", "No. 65, 20th St., West Industrial Town, Tabriz", "IR"), AZAR_FA,
      "Same name and address but Sahami Aam (public JSC) vs Sahami Khass: a different legal form, so review."),
    R(N, KAV_SPLIT, ("Kahkeshan Sazeh Engineering Co.", "Golshahr, Bolvar-e Gol-e Yas, No. 40, Karaj", "IR"),
      "Gostar vs Sazeh is a different compound, and the firm is in Karaj; only kahkeshan (galaxy) is shared."),
    R(N, RAH_PLAIN, ("Pishtazan Sanat Jonub Co.", "Kuy-e Fadak, Street 5, No. 3, Bushehr", "IR"),
      "Pishtazan (pioneers) is a stock word; Sanat Jonub in Bushehr is another firm."),
    R(N, ARGH_LAT, ("Arghavan Tejarat Qom", "Bolvar-e Amin, Kuche 14, No. 9, Qom", "IR"),
      "Arghavan (Judas tree) is a common name; a trading firm in Qom has nothing else in common."),
    R(N, AZAR_FA, AZAR_LAT, "Same Tabriz firm, but the denied export went to the UAE, not Iran.", dest=("IR", "AE")),
]

# --- Hebrew --------------------------------------------------------------------------------------------------
SHAK_HE = ("שקמה עמקים טכנולוגיות בע\"מ", "רח' המלאכה 14, אזור התעשייה, עפולה", "IL")
SHAK_LAT = ("Shikma Amakim Technologies Ltd.", "14 HaMelacha St., Industrial Zone, Afula", "IL")
SHAK_Q = ("Shiqma HaAmakim Technologies Ltd", "HaMelakha 14, Afula Industrial Area, Israel", "IL")

TZUK_HE = ("צוקים הנדסה אלקטרונית בע\"מ", "רח' הנשיא 8, נס ציונה", "IL")
TZUK_TS = ("Tsukim Electronic Engineering Ltd.", "8 HaNasi St., Nes Tsiyona", "IL")
TZUK_Z = ("Zukim Handasa Elektronit Ltd", "Hanassi Street 8, Ness Ziona", "IL")
TZUK_TZ = ("Tzukim Electronic Engineering Ltd.", "8 Ha-Nasi Street, Ness Ziona 74000", "IL")

HATZ_HE = ("חצבים מערכות בע\"מ", "רח' השילוח 7, קרית אריה, פתח תקווה", "IL")
HATZ_H = ("Hatzavim Systems Ltd.", "7 HaShiloach St., Kiryat Arye, Petah Tikva", "IL")
HATZ_KH = ("Khatsavim Maarakhot Ltd", "HaShiloah 7, Qiryat Arye, Petach Tiqwa", "IL")
HATZ_CH = ("Chatzavim Systems Ltd", "Hashiloach 7, Kiriat Arie, Petach Tikva", "IL")

HEBREW = [
    R(M, SHAK_HE, SHAK_LAT, "Hebrew script with בע\"מ vs Latin with Ltd.; same 14 HaMelacha St. in Afula."),
    R(M, SHAK_Q, SHAK_LAT, "q for ק and the article Ha- added (HaAmakim); HaMelakha = HaMelacha; same Afula firm."),
    R(M, SHAK_HE, SHAK_Q, "Hebrew script vs q-spelling Latin; same address in the Afula industrial zone."),
    R(M, TZUK_HE, TZUK_TS, "Hebrew script vs Latin with ts for צ; Nes Tsiyona is Ness Ziona; same HaNasi 8."),
    R(M, TZUK_Z, TZUK_TZ, "Zukim vs Tzukim (צ), Handasa Elektronit = Electronic Engineering; same firm at HaNasi 8, Ness Ziona."),
    R(M, HATZ_HE, HATZ_H, "Hebrew script vs Latin with h for ח and tz for צ; same HaShiloach 7 in Petah Tikva."),
    R(M, HATZ_KH, HATZ_CH, "kh/ts vs ch/tz for ח and צ, Maarakhot = Systems, Petach Tiqwa = Petach Tikva; same address."),
    R(REL, ("Tzukim Holdings (2009) Ltd.", "12 Weizmann St., Ness Ziona", "IL"), TZUK_HE,
      "A holdings company with the Tzukim stem in the same town: possible parent of the denied firm, not the same legal person."),
    R(REL, ("Hatzavim Systems Ltd.", "19 HaShiloach St., Kiryat Arye, Petah Tikva", "IL"), HATZ_HE,
      "Same name and street in Petah Tikva but house number 19 vs 7; might be a move, not established."),
    R(N, SHAK_LAT, ("Shikma HaNegev Technologies Ltd.", "Emek Sara Industrial Zone, Building 3, Be'er Sheva", "IL"),
      "HaNegev vs Amakim changes the regional element and the firm is in Be'er Sheva; Shikma (sycamore) is a common word."),
    R(N, TZUK_TS, ("Tzurim Electronic Engineering Ltd.", "5 HaYetzira St., Ashkelon", "IL"),
      "Tzurim (rocks) is another word than Tzukim (cliffs) and the firm is in Ashkelon; different company."),
    R(N, HATZ_HE, HATZ_H, "Same Petah Tikva firm, but both decisions were issued by the same member state.", ms=("CY", "CY")),
]

# --- Greek ---------------------------------------------------------------------------------------------------
CHATZ_GR = ("Χατζημιχαήλ Ηλεκτρομηχανική sh.p.k.", "Οδός Ζόγκου 22, Αργυρόκαστρο", "AL")
CHATZ_ELOT = ("Chatzimichail Ilektromichaniki sh.p.k.", "Rruga Zogu 22, Gjirokastër", "AL")
CHATZ_PH = ("Hatzimihail Electromechanical SHPK", "Rr. Zogu, Nr. 22, Gjirokaster, Albania", "AL")

DELM_GR = ("Ντελμούζος Εμπορική Α.Ε.", "Οδός Φουάντ 14, Αλεξάνδρεια", "EG")
DELM_EN = ("Delmouzos Trading S.A.E.", "14 Fouad Street, Alexandria", "EG")
DELM_ELOT = ("Ntelmouzos Emporiki S.A.", "14 Tarik El Horreya (ex-Fouad St.), Alexandria", "EG")

AGG_GR = ("Λαγγαδινός Ψυκτική Ltd. Şti.", "Οδός Κουρτουλούς 88, Ταταύλα, Σισλί, Κωνσταντινούπολη", "TR")
AGG_ELOT = ("Laggadinos Psyktiki Ltd. Şti.", "Kurtuluş Cad. No: 88, Şişli, İstanbul", "TR")
AGG_TR = ("Langadinos Soğutma Ltd. Şti.", "Kurtuluş Caddesi No. 88, Kurtuluş, Şişli, Istanbul", "TR")

BALT_GR = ("Μπαλτατζής Οπτικά Συστήματα ΕΠΕ", "Λεωφόρος Τσαβτσαβάτζε 37, Τιφλίδα", "GE")
BALT_EN = ("Baltatzis Optical Systems LLC", "37 Chavchavadze Avenue, Tbilisi", "GE")
BALT_ELOT = ("Mpaltatzis Optika Systimata EPE", "Chavchavadze Ave. 37, Tbilisi, Georgia", "GE")

GREEK = [
    R(M, CHATZ_GR, CHATZ_ELOT, "Greek script vs ELOT 743 (χ=ch, η=i); Αργυρόκαστρο is Gjirokastër; same sh.p.k. at number 22."),
    R(M, CHATZ_PH, CHATZ_ELOT, "Phonetic Hatzi-/-mihail vs ELOT Chatzi-/-michail, Ilektromichaniki = Electromechanical; same Gjirokastër address."),
    R(M, DELM_GR, DELM_EN, "Greek script with ντ read as D; Εμπορική = Trading; Α.Ε. = S.A.E.; same Fouad Street 14 in Alexandria."),
    R(M, DELM_ELOT, DELM_EN, "ELOT Nt- for ντ vs phonetic D-; Fouad Street is now Tarik El Horreya; same number 14."),
    R(M, AGG_GR, AGG_ELOT, "Greek script vs ELOT (γγ=gg, ψ=ps); Ταταύλα/Κουρτουλούς is Kurtuluş in Şişli; same No. 88."),
    R(M, AGG_TR, AGG_ELOT, "Turkish registry spelling Langadinos (γγ=ng) with Psyktiki translated as Soğutma (refrigeration); same Kurtuluş Cad. 88."),
    R(M, BALT_GR, BALT_EN, "Greek μπ read as B, Οπτικά Συστήματα = Optical Systems, ΕΠΕ = LLC; same Chavchavadze Ave. 37."),
    R(M, BALT_ELOT, BALT_GR, "ELOT Mp- for μπ and the descriptive words left in Greek; same Tbilisi firm."),
    R(REL, ("Delmouzos Shipping Agency", "14 Fouad Street, 2nd floor, Alexandria", "EG"), DELM_EN,
      "A shipping agency with the Delmouzos name in the same building: likely a family affiliate, review only."),
    R(REL, ("Baltatzis Optical Systems LLC", "112 Chavchavadze Avenue, Tbilisi", "GE"), BALT_GR,
      "Same name on the same Tbilisi avenue but number 112 vs 37: possibly moved, not established."),
    R(N, CHATZ_ELOT, ("Chatzimarkou Ilektrologiki sh.p.k.", "Bulevardi Republika 5, Korçë", "AL"),
      "Chatzimarkou is another surname and Ilektrologiki another trade; the firm is in Korçë."),
    R(N, AGG_GR, AGG_ELOT, "Same Istanbul firm, but EL and GR are the same issuing state (Greece).", ms=("EL", "GR")),
    R(N, BALT_EN, ("Baltas Optical Systems LLC", "Gorgiladze St. 40, Batumi", "GE"),
      "Baltas is not Baltatzis and the firm is in Batumi; optical systems is generic."),
]

# --- Turkish -------------------------------------------------------------------------------------------------
GOK_TR = ("Gökçeağaç Elektronik Sanayi ve Ticaret A.Ş.", "İvedik OSB Mah. 1354. Cad. No: 12, Yenimahalle, Ankara", "TR")
GOK_SW = ("GOKCEAGAC ELEKTRONIK SAN. VE TIC. A.S.", "IVEDIK OSB MAH 1354 CAD NO 12 YENIMAHALLE ANKARA", "TR")
GOK_DE = ("Goekceagac Elektronik San. u. Tic. AS", "Ivedik OSB Mahallesi, 1354. Caddesi Nr. 12, 06378 Yenimahalle/Ankara", "TR")

ISIK_TR = ("Işıkdağ Otomasyon Mühendislik Ltd. Şti.", "Beşevler Mah. Küçük Sanayi Cad. No: 5, Nilüfer, Bursa", "TR")
ISIK_CAPS = ("ISIKDAG OTOMASYON MUH. LTD. STI.", "Besevler Mahallesi Kucuk Sanayi Caddesi No 5 Nilufer Bursa", "TR")
ISIK_EN = ("Isikdag Automation Engineering Co. Ltd.", "No. 5, Kucuk Sanayi Street, Besevler, Nilufer, Bursa", "TR")

CINAR_TR = ("Çınarlıdere Kontrol Sistemleri A.Ş.", "Atatürk OSB, 10003 Sk. No: 7, Çiğli, İzmir", "TR")
CINAR_EN = ("Cinarlidere Control Systems Inc.", "10003 Sokak No. 7, Ataturk Organized Industrial Zone, Cigli, Izmir", "TR")
CINAR_CAPS = ("ÇINARLIDERE KONTROL SİSTEMLERİ ANONİM ŞİRKETİ", "ATATÜRK ORGANİZE SANAYİ BÖLGESİ 10003 SOKAK NO:7 ÇİĞLİ İZMİR", "TR")

TURKISH = [
    R(M, GOK_TR, GOK_SW, "Turkish letters stripped in SWIFT capitals (ö, ç, ğ, ı, ş, İ); same Ivedik OSB address in Ankara."),
    R(M, GOK_DE, GOK_TR, "German-desk oe/ue spelling with Mah./Cad. written out; same No. 12, 1354. Cad., Ivedik OSB."),
    R(M, ISIK_TR, ISIK_CAPS, "Dotless ı and ğ flattened (Işıkdağ/ISIKDAG), Müh. abbreviated, Mah./Cad. written out; same Bursa address."),
    R(M, ISIK_EN, ISIK_TR, "Otomasyon Mühendislik translated as Automation Engineering, Ltd. Şti. as Co. Ltd.; same No. 5 in Beşevler."),
    R(M, CINAR_TR, CINAR_EN, "Stripped ç/ı/ğ and the name translated (Control Systems, A.Ş. = Inc.); Sk. = Sokak; same plot in Çiğli."),
    R(M, CINAR_CAPS, CINAR_TR, "Capitals with dotted İ and Anonim Şirketi written out, OSB spelled out; same Çiğli address."),
    R(REL, ("Gökçeağaç Elektronik San. ve Tic. Ltd. Şti.", "Ostim OSB Mah. 1122. Sk. No: 4, Yenimahalle, Ankara", "TR"), GOK_TR,
      "Same distinctive name in Ankara but Ltd. Şti. vs A.Ş. at another address: different legal entity, likely related."),
    R(N, ISIK_TR, ("Işıklar Otomasyon Ltd. Şti.", "Alaaddinbey Mah. 631. Sk. No: 18, Nilüfer, Bursa", "TR"),
      "Işıklar (lights) is another word than Işıkdağ; different street in Bursa, different firm."),
    R(N, GOK_SW, ("Gökçeada Elektronik Ltd. Şti.", "Cumhuriyet Mah. Atatürk Cad. No: 31, Merkez, Çanakkale", "TR"),
      "Gökçeada (an island name) differs from Gökçeağaç, and the firm is in Çanakkale."),
    R(N, CINAR_TR, CINAR_EN, "Same İzmir firm, but the denial was for export to Azerbaijan, not Turkey.", dest=("TR", "AZ")),
]

TABLES = [
    ("transliteration-arabic", ARABIC),
    ("transliteration-persian", PERSIAN),
    ("transliteration-hebrew", HEBREW),
    ("transliteration-greek", GREEK),
    ("transliteration-turkish", TURKISH),
]
