"""Heldout-6, helper c: East Asian scripts and romanisations (Chinese, Korean, Japanese, Vietnamese).

Every firm is invented; streets and districts are real places used only as settings.
"""
from common import R, M, REL, N

# ---------------------------------------------------------------- Chinese
RUITUO = ("深圳市锐峤微电子有限公司", "广东省深圳市南山区高新南七道18号B座605室", "CN")
BANGCE = ("南京邦测光电科技有限公司", "江苏省南京市江宁区将军大道129号", "CN")
JUNCHI = ("Xī'ān Jùnchí Hángkōng Diànzǐ Yǒuxiàn Gōngsī", "Shǎnxī Shěng Xī'ān Shì Gāoxīn Qū Jǐnyè Lù 69 Hào", "CN")
CHUANLAN = ("成都川澜通信技术有限公司", "四川省成都市高新区天府大道中段88号", "CN")
DESHENG = ("苏州德晟精密机械有限公司", "江苏省苏州工业园区星湖街328号", "CN")
HAICHEN = ("Qingdao Haichen Marine Instrument Co., Ltd.", "No. 7 Zhuzhou Road, Laoshan District, Qingdao, Shandong 266101", "CN")
MINGYUAN = ("杭州明远传感技术有限公司", "浙江省杭州市滨江区滨安路1180号3幢", "CN")
MINGHUI = ("东莞市铭晖精密模具有限公司", "广东省东莞市长安镇乌沙社区兴发南路33号", "CN")
JUICHANG = ("JUI CHANG PRECISION INDUSTRY CO., LTD.", "No. 12, Gongye E. 3rd Rd., Hsinchu Science Park, Hsinchu 300", "TW")
WAIFUNG = ("Wai Fung Electronics Limited", "Flat C, 8/F, 52 Hung To Road, Kwun Tong, Kowloon", "HK")

CHINESE = [
    R(M, ("Shenzhen Ruiqiao Microelectronics Co., Ltd.", "Room 605, Block B, No. 18 Gaoxin South 7th Road, Nanshan District, Shenzhen, Guangdong", "CN"),
      RUITUO, "Simplified Hanzi vs pinyin English name (锐峤 Ruiqiao, 微电子 Microelectronics, 有限公司 Co., Ltd.); same room in Nanshan, so the same company."),
    R(M, ("Shenzhen Shi Rui Qiao Micro-Electronics Co., Ltd.", "Rm 605, Blk B, 18 Gaoxin Nan Qi Dao, Nanshan, Shenzhen", "CN"),
      ("深圳锐峤微电子有限公司", "深圳市南山区高新南七道18号B座605", "CN"),
      "Pinyin with 市 kept as Shi, the stem split and Micro-Electronics hyphenated, against Hanzi with 市 dropped; same room, so the same firm."),
    R(M, ("南京邦測光電科技有限公司", "江蘇省南京市江寧區將軍大道129號", "CN"),
      BANGCE, "Traditional vs simplified characters for the same name and address (測/测, 電/电, 蘇/苏, 寧/宁, 區/区, 號/号)."),
    R(M, ("XIAN JUNCHI AVIONICS CO., LTD.", "NO.69 JINYE RD, HI-TECH ZONE, XIAN, SHAANXI", "CN"),
      JUNCHI, "Toned pinyin with apostrophe (Xī'ān Jùnchí) vs capitals without apostrophe, 航空电子 rendered Avionics; same Jinye Road address."),
    R(M, ("西安骏驰航空电子有限公司", "陕西省西安市高新区锦业路69号", "CN"),
      JUNCHI, "Simplified Hanzi vs fully toned Hanyu Pinyin of the same name and address (骏驰 Jùnchí, 有限公司 Yǒuxiàn Gōngsī)."),
    R(M, ("CHENGDU CHUANLAN TONGXIN JISHU YOUXIANGONGSI", "TIANFU DADAO ZHONGDUAN 88 HAO, GAOXIN QU, CHENGDU, SICHUAN", "CN"),
      CHUANLAN, "Hanzi vs untranslated pinyin with the legal form run together (YOUXIANGONGSI), as on a bank message; same Tianfu Avenue address."),
    R(M, ("SUZHOU DESHENG PRECISION MACHINERY CO.,LTD", "NO.328 XINGHU STREET, SUZHOU INDUSTRIAL PARK, JIANGSU", "CN"),
      DESHENG, "Hanzi vs the English name as typed on an invoice (CO.,LTD without spaces); same Xinghu Street address in Suzhou Industrial Park."),
    R(M, ("Minghui Precision Mould Co., Ltd.", "No. 33 Xingfa South Road, Wusha Community, Chang'an Town, Dongguan, Guangdong", "CN"),
      MINGHUI, "City prefix 东莞市 dropped from the English trading name (铭晖 Minghui, 模具 Mould); same factory address in Chang'an."),
    R(M, ("Zhejiang Ningbo Mingyu Machine Tool Co., Ltd.", "No. 21 Mingzhou Road, Beilun District, Ningbo, Zhejiang", "CN"),
      ("宁波明宇机床有限公司", "浙江省宁波市北仑区明州路21号", "CN"),
      "Province name added before the city prefix in the English name (Zhejiang Ningbo) against the registered Hanzi name; same Beilun address."),
    R(M, ("Tsingtao Haichen Marine Instruments Co., Ltd.", "7 Zhuzhou Rd, Laoshan Dist., Qingdao 266101", "CN"),
      HAICHEN, "Postal romanisation Tsingtao kept in the trade name vs pinyin Qingdao, Instruments/Instrument; same Laoshan address."),
    R(M, ("Hangzhou Brightfar Sensing Technology Co., Ltd.", "Building 3, No. 1180 Bin'an Road, Binjiang District, Hangzhou, Zhejiang", "CN"),
      MINGYUAN, "Hanzi name vs the firm's own translated English name (明远 'bright, far' as Brightfar, 传感 Sensing) at the same building, so the same company."),
    R(M, ("Wuhan Guangchi Laser Equipment Co., Ltd. (GC LASER)", "No. 999 Gaoxin Avenue, East Lake High-tech Zone, Wuhan, Hubei", "CN"),
      ("武汉光驰激光设备有限公司", "湖北省武汉市东湖新技术开发区高新大道999号", "CN"),
      "Hanzi vs pinyin-English name with the brand GC LASER in brackets; same address in the East Lake zone."),
    R(M, ("Ruichang Precision Industrial Co., Ltd.", "No. 12, Gongye East 3rd Road, East District, Hsinchu City 300", "TW"),
      JUICHANG, "Hanyu Pinyin Ruichang vs the Taiwanese Wade-Giles spelling Jui Chang (瑞昶, apostrophe dropped), Industrial/Industry; same Science Park address."),
    R(M, ("永翔機電股份有限公司", "台中市西屯區工業區三十八路27號", "TW"),
      ("Yung Hsiang Electro-Mechanical Co., Ltd.", "No. 27, Gongyequ 38th Rd., Xitun Dist., Taichung City 407", "TW"),
      "Traditional Hanzi with 股份有限公司 vs the Taiwanese English name (Wade-Giles Yung Hsiang for 永翔, pinyin Yongxiang, Co., Ltd.); same Taichung address."),
    R(M, ("偉豐電子有限公司", "香港九龍觀塘鴻圖道52號8樓C室", "HK"),
      WAIFUNG, "Traditional Hanzi vs Hong Kong Cantonese romanisation (偉豐 Wai Fung, 有限公司 Limited); same flat on Hung To Road."),
    R(M, ("YAOLIAN TECHNOLOGY LIMITED", "UNIT 1508, 15/F, SHATIN GALLERIA, 18-24 SHAN MEI STREET, FO TAN, SHATIN, NT", "HK"),
      ("Yiu Luen Technology Limited", "Unit 1508, 15/F, Shatin Galleria, 18-24 Shan Mei Street, Fo Tan, New Territories", "HK"),
      "Mandarin pinyin Yaolian (as written by a mainland bank) vs the registered Cantonese form Yiu Luen of 耀聯; same unit in Fo Tan."),
    # RELATED
    R(REL, ("Shenzhen Ruiqiao Electronics Co., Ltd.", "5/F, Building 2, Tian'an Cyber Park, Futian District, Shenzhen", "CN"),
      RUITUO, "Pinyin Ruiqiao cannot show which characters are meant and the firm sits in Futian, not Nanshan; same city and sector, so worth a look."),
    R(REL, ("苏州德晟贸易有限公司", "江苏省苏州市姑苏区人民路1201号", "CN"),
      DESHENG, "Same distinctive stem 德晟 in Suzhou but a trading company at another address; possible sales arm, not the same legal person."),
    R(REL, ("南京邦测光电科技股份有限公司", "江苏省南京市江宁区秣周东路12号", "CN"),
      BANGCE, "Same name but 股份有限公司 instead of 有限公司 and another Jiangning address; possibly a restructured or sister company."),
    R(REL, ("海辰集团有限公司", "山东省青岛市市南区香港中路61号", "CN"),
      HAICHEN, "Group company with the same stem 海辰 (Haichen) in Qingdao at a different address; parent or affiliate, not the instrument maker itself."),
    # NO_MATCH
    R(N, ("深圳市瑞峤电子有限公司", "广东省深圳市龙岗区坂田街道五和大道116号", "CN"),
      RUITUO, "瑞峤 and 锐峤 share the toneless pinyin Ruiqiao but are different characters, with different addresses (Longgang vs Nanshan): different firms."),
    R(N, ("Xī'ān Jūnchí Diànqì Shèbèi Yǒuxiàn Gōngsī", "Xī'ān Shì Wèiyāng Qū Fèngchéng Wǔ Lù 102 Hào", "CN"),
      JUNCHI, "Tone marks separate Jūnchí (君驰) from Jùnchí (骏驰); an electrical equipment firm in Weiyang, not the Hi-tech Zone avionics firm."),
    R(N, ("Tianjin Junchi Aviation Parts Co., Ltd.", "No. 15 Haitai Development 6th Road, Huayuan Industrial Zone, Tianjin", "CN"),
      JUNCHI, "Junchi (swift steed) is a common Chinese firm name; a Tianjin parts firm is not the Xi'an avionics firm."),
    R(N, ("JUI CHEN PRECISION INDUSTRY CO., LTD.", "No. 8, Xingbang Rd., Guishan Dist., Taoyuan City 333", "TW"),
      JUICHANG, "Jui Chen (瑞晨) vs Jui Chang (瑞昶): a different name in another city (Taoyuan vs Hsinchu)."),
    R(N, ("Wah Fung Electronic Trading Company", "G/F, 226 Castle Peak Road, Tsuen Wan, N.T.", "HK"),
      WAIFUNG, "Wah Fung (華豐) vs Wai Fung (偉豐) are different Cantonese names, at another district and as a trading shop: different firms."),
    R(N, ("杭州鸣远声学科技有限公司", "浙江省杭州市西湖区文三路259号", "CN"),
      MINGYUAN, "鸣远 and 明远 both read Mingyuan but differ in characters, sector (acoustics) and district: a different firm."),
    R(N, ("佛山市明辉模具有限公司", "广东省佛山市顺德区北滘镇工业大道8号", "CN"),
      MINGHUI, "明辉 vs 铭晖 (both Minghui) and Foshan vs Dongguan: a different mould maker."),
    R(N, ("Shanghai Huayue Trading Co., Ltd.", "Room 1702, No. 1000 Zhangyang Road, Pudong, Shanghai", "CN"),
      ("宁波华越贸易有限公司", "浙江省宁波市鄞州区天童南路588号", "CN"),
      "华越贸易 (Huayue Trading) is a generic name and the firms sit in Shanghai and Ningbo: different companies."),
]

# ---------------------------------------------------------------- Korean
SEWON = ("주식회사 세원옵틱스", "경기도 성남시 분당구 판교로255번길 35, 4층", "KR")
DONGJIN = ("(주)동진정밀", "경상남도 창원시 성산구 웅남로 112", "KR")
NURI = ("(주)누리센서텍", "경기도 안산시 단원구 산단로 163", "KR")
HANKYUL = ("한결전자 주식회사", "서울특별시 금천구 가산디지털1로 27, 6층", "KR")
SEOJIN = ("서진마린 주식회사", "부산광역시 강서구 녹산산업중로 88", "KR")
SEOHAE = ("SEOHAE ELECTRONICS CO., LTD.", "215, Namdong-daero, Namdong-gu, Incheon", "KR")

KOREAN = [
    R(M, ("SEWON OPTICS CO., LTD.", "4F, 35, Pangyo-ro 255beon-gil, Bundang-gu, Seongnam-si, Gyeonggi-do", "KR"),
      SEWON, "Hangul with 주식회사 in front vs Revised Romanization Sewon and the loanword 옵틱스 as Optics, Co., Ltd.; same Pangyo address."),
    R(M, ("Tongjin Chŏngmil Chusik Hoesa", "Ch'angwŏn-si Sŏngsan-gu Ungnam-ro 112, Kyŏngsangnam-do", "KR"),
      DONGJIN, "McCune-Reischauer (T for ㄷ, ŏ, Ch'angwŏn) vs Hangul with (주); same Ungnam-ro address in Changwon."),
    R(M, ("DONGJIN JEONGMIL CO LTD", "112 UNGNAM-RO, SEONGSAN-GU, CHANGWON-SI, GYEONGSANGNAM-DO", "KR"),
      ("Dongjin Precision Co., Ltd.", "112, Ungnam-ro, Seongsan-gu, Changwon-si, Gyeongsangnam-do", "KR"),
      "Romanised 정밀 (Jeongmil) vs its translation Precision in the English name; same address, so the same firm."),
    R(M, ("누리센서텍 주식회사", "경기도 안산시 단원구 산단로 163 (원시동)", "KR"),
      NURI, "주식회사 after the name vs (주) before it, with the 동 name added to the road address; same firm."),
    R(M, ("Hankyul Electronics Co., Ltd.", "6F, 27, Gasan digital 1-ro, Geumcheon-gu, Seoul", "KR"),
      HANKYUL, "Firm's own spelling Hankyul for 한결 (RR Hangyeol, MR Hankyŏl) and 전자 as Electronics; same Gasan address."),
    R(M, ("Seojin Marine Inc.", "88, Noksansaneopjung-ro, Gangseo-gu, Busan", "KR"),
      SEOJIN, "주식회사 rendered Inc. instead of Co., Ltd., 서진마린 as Seojin Marine; same Noksan industrial complex address."),
    R(M, ("Jeongu Tekeu Jusikhoesa", "Yuseong-gu, Daejeon, Daedeok-daero 512beon-gil 20", "KR"),
      ("JUNGWOO TECH CO., LTD.", "20, Daedeok-daero 512beon-gil, Yuseong-gu, Daejeon", "KR"),
      "Mechanical RR of 정우테크 주식회사 (loanword 테크 as Tekeu) vs the firm's English spelling Jungwoo Tech; same Daejeon address."),
    R(M, ("Sohae Chonja Co., Ltd.", "215 Namdong-daero, Namdong-gu, Inchon", "KR"),
      SEOHAE, "McCune-Reischauer without breves (Sohae Chonja, Inchon) vs English Seohae Electronics; same Namdong-daero address."),
    # RELATED
    R(REL, ("주식회사 세원광학", "경기도 성남시 중원구 둔촌대로 388", "KR"),
      SEWON, "Same stem 세원 with the native 광학 instead of the loanword 옵틱스 (both mean optics) at another Seongnam address; possibly a sister firm."),
    R(REL, ("동진홀딩스 주식회사", "경상남도 창원시 의창구 중앙대로 151", "KR"),
      DONGJIN, "Holding company with the same stem 동진 in Changwon at a different address; possibly the parent, not the precision firm."),
    # NO_MATCH
    R(N, ("주식회사 우리센서텍", "경기도 안산시 상록구 해안로 705", "KR"),
      NURI, "우리 (Uri) vs 누리 (Nuri) is a different name, at a different Ansan address: a different sensor firm."),
    R(N, ("Seojin Marine Service Co., Ltd.", "33, Sapyeong-ro, Mokpo-si, Jeollanam-do", "KR"),
      ("Seojin Marine Inc.", "88, Noksansaneopjung-ro, Gangseo-gu, Busan", "KR"),
      "Seojin is a common Korean name element; a marine service firm in Mokpo is not the Busan equipment maker."),
    R(N, ("Hankyul Optics Co., Ltd.", "45, Seongseo-ro, Dalseo-gu, Daegu", "KR"),
      HANKYUL, "한결 is an ordinary word; an optics firm in Daegu is not the Seoul electronics firm."),
    R(N, ("Seohae Engineering Co., Ltd.", "17, Oesigdo-ro, Gunsan-si, Jeollabuk-do", "KR"),
      SEOHAE, "Seohae (West Sea) is a generic regional name; an engineering firm in Gunsan is a different company."),
]

# ---------------------------------------------------------------- Japanese
SHOEI = ("株式会社昭栄フォトニクス", "静岡県浜松市中央区和合町193-12", "JP")
SEIRYO = ("清陵計測株式会社", "神奈川県横浜市港北区新横浜2-14-8", "JP")
CHIZURU = ("Chizuru Denshi K.K.", "3-5 Akedori, Izumi-ku, Sendai-shi, Miyagi 981-3206", "JP")
OHSHIMA = ("株式会社大嶋電機製作所", "神奈川県川崎市高津区坂戸3-2-1", "JP")

JAPANESE = [
    R(M, ("Shoei Photonics Co., Ltd.", "193-12 Wago-cho, Chuo-ku, Hamamatsu-shi, Shizuoka 433-8125", "JP"),
      SHOEI, "Kanji and katakana with 株式会社 in front vs Hepburn without macron (昭栄 Shōei as Shoei) and Co., Ltd.; same Hamamatsu address."),
    R(M, ("Seiryō Keisoku Kabushiki Kaisha", "2-14-8 Shin-Yokohama, Kōhoku-ku, Yokohama, Kanagawa", "JP"),
      SEIRYO, "Kanji vs Hepburn with macrons and the legal form spelled out (Kabushiki Kaisha); same Shin-Yokohama address."),
    R(M, ("SEIRYO KEISOKU CO., LTD.", "2-14-8 SHINYOKOHAMA, KOHOKU-KU, YOKOHAMA-SHI, KANAGAWA 222-0033", "JP"),
      ("Seiryō Keisoku Kabushiki Kaisha", "2-14-8 Shin-Yokohama, Kōhoku-ku, Yokohama, Kanagawa", "JP"),
      "Macrons dropped (ō as o) and Kabushiki Kaisha as Co., Ltd. on a customs declaration; same address."),
    R(M, ("Tizuru Densi Kabusiki Kaisya", "Akedori 3-5, Izumi-ku, Sendai-si, Miyagi-ken", "JP"),
      CHIZURU, "Kunrei-shiki (ti, si, Kaisya, Sendai-si) vs Hepburn (chi, shi, K.K.) for 千鶴電子; same Sendai address."),
    R(M, ("株式会社三峰テクノ", "大阪府東大阪市高井田中1-2-3", "JP"),
      ("三峰テクノ株式会社", "大阪府東大阪市高井田中1丁目2番3号", "JP"),
      "株式会社 before vs after the name (mae-kabu / ato-kabu) with the block address written with 丁目/番/号; same premises, so the same firm."),
    R(M, ("OHSHIMA DENKI SEISAKUSHO CO., LTD.", "3-2-1 SAKADO, TAKATSU-KU, KAWASAKI-SHI, KANAGAWA", "JP"),
      OHSHIMA, "Passport-style Hepburn with oh for the long o (大嶋 Ōshima as Ohshima), 電機製作所 romanised; same Kawasaki address."),
    R(M, ("Urawa Precision Industries Co., Ltd.", "4-21-7 Minami-Urawa, Minami-ku, Saitama-shi, Saitama", "JP"),
      ("浦和精密工業株式会社", "埼玉県さいたま市南区南浦和4-21-7", "JP"),
      "Kanji vs the English trade name that translates 精密工業 as Precision Industries; same Minami-Urawa address."),
    R(M, ("Sambonmatsu Koki Co., Ltd.", "1-6-30 Kusatsu-minato, Nishi-ku, Hiroshima", "JP"),
      ("Sanbonmatsu Kōki K.K.", "Kusatsu-minato 1-6-30, Nishi-ku, Hiroshima-shi", "JP"),
      "Traditional Hepburn m before b (Sambonmatsu) vs modified Hepburn n (Sanbonmatsu), macron dropped; same Hiroshima address."),
    # RELATED
    R(REL, ("有限会社昭栄フォトニクス", "静岡県浜松市中央区篠ケ瀬町1145", "JP"),
      SHOEI, "Same name as a 有限会社 instead of 株式会社 at another Hamamatsu address; possibly an older or sister company."),
    R(REL, ("清陵計測販売株式会社", "神奈川県横浜市西区みなとみらい3-7-1", "JP"),
      SEIRYO, "Sales company (販売) with the same stem 清陵計測 in Yokohama at another address; an affiliate, not the maker itself."),
    # NO_MATCH
    R(N, ("株式会社正栄光機", "大阪府大阪市東成区深江北2-4-11", "JP"),
      SHOEI, "正栄 and 昭栄 both read Shōei but are different kanji, another trade (光機) and another city (Osaka): different firms."),
    R(N, ("Nippon Precision Devices Co., Ltd.", "35 Kisshoin Ishihara, Minami-ku, Kyoto", "JP"),
      ("Nihon Seimitsu Kiki K.K.", "2-3-12 Hakata-eki Higashi, Hakata-ku, Fukuoka", "JP"),
      "Nippon/Nihon Seimitsu (Japan Precision) is a generic name; a Kyoto firm and a Fukuoka firm are different companies."),
    R(N, ("Chizuru Denki Co., Ltd.", "5-1-8 Takatsukadai, Nishi-ku, Kobe", "JP"),
      CHIZURU, "Denki (electric) vs Denshi (electronics) and Kobe vs Sendai; Chizuru is a given name, so a different firm."),
    R(N, ("Ōshima Denki Kōgyō K.K.", "3-12 Akunoura-machi, Nagasaki", "JP"),
      OHSHIMA, "大島 (Ōshima) is a common surname; an electrical works in Nagasaki is not the Kawasaki firm."),
]

# ---------------------------------------------------------------- Vietnamese
THINHKHANG = ("Công ty TNHH Cơ khí Chính xác Thịnh Khang", "Lô B4, Đường N7, KCN Mỹ Phước 2, P. Mỹ Phước, TX. Bến Cát, Bình Dương", "VN")
MINHTRI = ("Công ty TNHH Phần mềm Minh Trí", "Số 12 ngõ 34 Duy Tân, P. Dịch Vọng Hậu, Q. Cầu Giấy, Hà Nội", "VN")

VIETNAMESE = [
    R(M, ("Thinh Khang Precision Mechanical Co., Ltd.", "Lot B4, N7 Street, My Phuoc 2 Industrial Park, My Phuoc Ward, Ben Cat, Binh Duong Province", "VN"),
      THINHKHANG, "Vietnamese name with diacritics vs the English name (Công ty TNHH as Co., Ltd., Cơ khí Chính xác as Precision Mechanical); same lot."),
    R(M, ("THINH KHANG PRECISION CO., LTD", "LOT B4, MY PHUOC 2 IP, BEN CAT, BINH DUONG", "VN"),
      THINHKHANG, "The registered short name (tên viết tắt) in capitals without diacritics vs the full Vietnamese name; same lot in My Phuoc 2."),
    R(M, ("CONG TY CO PHAN THIET BI HANG HAI DONG VIET", "SO 45 LE HONG PHONG, P. DONG KHE, Q. NGO QUYEN, HAI PHONG", "VN"),
      ("Công ty Cổ phần Thiết bị Hàng hải Đông Việt", "Số 45 Lê Hồng Phong, P. Đông Khê, Q. Ngô Quyền, Hải Phòng", "VN"),
      "Diacritics stripped (Đ as D, ổ as O) in a bank message vs the full Vietnamese name; same Hai Phong address."),
    R(M, ("Anh Duong Telecommunication Electronics Joint Stock Company", "No. 8 Pham Hung Street, My Dinh 2 Ward, Nam Tu Liem District, Hanoi", "VN"),
      ("Công ty Cổ phần Điện tử Viễn thông Ánh Dương", "Số 8 Phạm Hùng, P. Mỹ Đình 2, Q. Nam Từ Liêm, Hà Nội", "VN"),
      "Công ty Cổ phần as Joint Stock Company, Điện tử Viễn thông translated with the words swapped; same Pham Hung address."),
    R(M, ("Minh Tri Software Company Limited", "No. 12, Lane 34 Duy Tan Street, Dich Vong Hau Ward, Cau Giay District, Hanoi", "VN"),
      MINHTRI, "English name without diacritics vs Vietnamese (TNHH as Company Limited, ngõ as Lane, P./Q. as Ward/District); same office."),
    R(M, ("Bao Lam Optoelectronics One Member Co., Ltd.", "Lot I-3b, N2 Street, Saigon Hi-Tech Park, Thu Duc City, Ho Chi Minh City", "VN"),
      ("Công ty TNHH MTV Quang điện tử Bảo Lâm", "Lô I-3b, Đường N2, Khu Công nghệ cao, TP. Thủ Đức, TP. Hồ Chí Minh", "VN"),
      "TNHH MTV (một thành viên) as One Member Co., Ltd. and Quang điện tử as Optoelectronics; same lot in the Hi-Tech Park."),
    # RELATED
    R(REL, ("Công ty Cổ phần Cơ khí Chính xác Thịnh Khang", "Số 210 Đại lộ Bình Dương, P. Phú Hòa, TP. Thủ Dầu Một, Bình Dương", "VN"),
      THINHKHANG, "Same name as a Cổ phần instead of TNHH at another address in the same province; possibly a sister or successor company."),
    # NO_MATCH
    R(N, ("Công ty TNHH Phần mềm Minh Trị", "Số 56 Nguyễn Văn Linh, Q. Hải Châu, Đà Nẵng", "VN"),
      MINHTRI, "Minh Trị vs Minh Trí differ only by a tone mark but are different names, and the firm is in Da Nang, not Hanoi."),
    R(N, ("CÔNG TY TNHH THƯƠNG MẠI DỊCH VỤ KỸ THUẬT VIỆT TIẾN", "Số 120 Cộng Hòa, P. 4, Q. Tân Bình, TP. Hồ Chí Minh", "VN"),
      ("Công ty TNHH Kỹ thuật Việt Tiến", "Số 9 Trần Thái Tông, Q. Cầu Giấy, Hà Nội", "VN"),
      "Việt Tiến is a generic name; a trading and services firm in Ho Chi Minh City is not the Hanoi engineering firm."),
    R(N, ("Công ty TNHH Cơ khí Thịnh Khánh", "KCN Nhơn Trạch 3, H. Nhơn Trạch, Đồng Nai", "VN"),
      THINHKHANG, "Thịnh Khánh vs Thịnh Khang is a different name and the firm is in Dong Nai, not Binh Duong."),
]

TABLES = [
    ("transliteration-chinese", CHINESE),
    ("transliteration-korean", KOREAN),
    ("transliteration-japanese", JAPANESE),
    ("transliteration-vietnamese", VIETNAMESE),
]
