"""heldout-7, helper c: East Asian scripts and romanisations (Chinese, Korean, Japanese, Vietnamese).

Every firm is invented. Cities, districts, streets and industrial parks are real places; house numbers are made up.
"""
from common import R, M, REL, N

# ---------------------------------------------------------------------------------------------------------------
# Chinese: Hanzi (simplified / traditional), Hanyu Pinyin with and without tones or spaces, Wade-Giles,
# postal forms, Hong Kong Cantonese, Taiwanese (Wade-Giles, Tongyong) usage, English trade names.
# ---------------------------------------------------------------------------------------------------------------
XIAN_RUITUO_ZH = ("西安锐拓精密光学有限公司", "陕西省西安市高新区锦业路69号创业研发园C座5楼", "CN")
XINHAN_ZH = ("深圳市鑫瀚通讯设备有限公司", "广东省深圳市南山区科苑路15号科兴科学园B栋1201", "CN")
WINGYIU_EN = ("Wing Yiu Electronic Trading Limited",
              "Unit B, 12/F, Kwai Cheong Centre, 50 Kwai Cheong Road, Kwai Chung, N.T., Hong Kong", "HK")
JUITAI_EN = ("Jui-Tai Microelectronics Corp.", "No. 9, Yanfa 2nd Rd., Baoshan Township, Hsinchu County 308", "TW")
HUNGSHENG_ZH = ("鋐昇精密工業股份有限公司", "台中市西屯區工業區一路28號", "TW")
CHINGYUAN_EN = ("CHING YUAN MARINE TECHNOLOGY CO., LTD.", "6 Cheng Kung 2nd Road, Chien Chen District, Kaohsiung", "TW")
TAKFUNG_ZH = ("德豐儀器(香港)有限公司", "香港九龍觀塘鴻圖道52號鴻圖中心8樓803室", "HK")
YUNQUE_EN = ("Hangzhou Yunque Communication Technology Co., Ltd.",
             "Building 3, No. 1180 Bin'an Road, Binjiang District, Hangzhou, Zhejiang", "CN")
LANQI_EN = ("Chengdu Lanqi Technology Co., Ltd.", "No. 1388 Tianfu Avenue Middle Section, High-tech Zone, Chengdu, Sichuan", "CN")

CHINESE = [
    R(M, XIAN_RUITUO_ZH,
      ("Xian Ruituo Precision Optics Co., Ltd.",
       "5F, Block C, Venture R&D Park, No. 69 Jinye Road, Hi-Tech Zone, Xi'an, Shaanxi", "CN"),
      "Simplified Hanzi vs pinyin and translated business words (精密光学 = Precision Optics, 有限公司 = Co., Ltd.), Xian written without the apostrophe; same building and floor, so the same company."),
    R(M, XINHAN_ZH,
      ("深圳市鑫瀚通訊設備有限公司", "廣東省深圳市南山區科苑路15號科興科學園B棟1201", "CN"),
      "Simplified vs traditional characters (讯/訊, 设备/設備, 区/區, 号/號) of the same Shenzhen name and room, as a Hong Kong agent typed it; same company."),
    R(M, ("Chéngdū Lánqí Kējì Yǒuxiàn Gōngsī", "Tiānfǔ Dàdào Zhōngduàn 1388 hào, Gāoxīn Qū, Chéngdū, Sìchuān", "CN"),
      ("CHENGDU LANQI KEJI YOUXIAN GONGSI", "1388 TIANFU AVENUE MIDDLE SECTION, HIGH-TECH ZONE, CHENGDU", "CN"),
      "Pinyin with tone marks vs plain upper-case pinyin of the whole name including youxian gongsi; same address, so the same firm."),
    R(M, ("合肥晶泓岚传感器有限公司", "安徽省合肥市蜀山区望江西路800号", "CN"),
      ("HEFEI JING HONG LAN SENSOR CO LTD", "No. 800 Wangjiang West Road, Shushan District, Hefei, Anhui", "CN"),
      "Hanzi vs pinyin written syllable by syllable (Jing Hong Lan for 晶泓岚) in a bank message without punctuation; same address, same firm."),
    R(M, ("Tsingtao Haiqing Marine Electronics Co., Ltd.", "No. 17 Zhuzhou Road, Laoshan District, Tsingtao, Shandong", "CN"),
      ("Qingdao Haiqing Marine Electronics Co., Ltd.", "17 Zhuzhou Rd, Laoshan Dist., Qingdao 266101, Shandong", "CN"),
      "Old postal form Tsingtao vs pinyin Qingdao for 青岛, in the name and the address; the rest is identical, so the same company."),
    R(M, ("Hung Sheng Precision Industrial Co., Ltd.", "No. 28, Gongye 1st Rd., Xitun Dist., Taichung City 40768", "TW"),
      ("Hongsheng Precision Industry Co., Ltd.", "28 Gongye 1st Road, Taichung Industrial Park, Xitun District, Taichung", "TW"),
      "Taiwanese Wade-Giles style Hung Sheng vs Hanyu Pinyin Hongsheng for 鋐昇, Industrial vs Industry; same Taichung address, same firm."),
    R(M, ("瑞鈦微電子股份有限公司", "新竹縣寶山鄉研發二路9號", "TW"),
      JUITAI_EN,
      "Traditional characters with 股份有限公司 vs the registered English name in Wade-Giles (Jui-Tai for 瑞鈦, pinyin Ruitai) with Corp.; same Hsinchu address, same company."),
    R(M, WINGYIU_EN,
      ("Yongyao Electronics Trading Co., Ltd.", "12/F Kwai Cheong Centre, 50 Kwai Cheong Rd, Kwai Chung, Hong Kong", "HK"),
      "Hong Kong Cantonese romanisation Wing Yiu vs Mandarin pinyin Yongyao for 永耀, as a mainland forwarder wrote it; same floor of the same Kwai Chung building, same firm."),
    R(M, TAKFUNG_ZH,
      ("Tak Fung Instruments (H.K.) Company Limited",
       "Room 803, 8/F, Hung To Centre, 52 Hung To Road, Kwun Tong, Kowloon, Hong Kong", "HK"),
      "Traditional characters vs the Cantonese English name (德豐 = Tak Fung, 儀器 = Instruments, 有限公司 = Company Limited); same room in Kwun Tong, same company."),
    R(M, ("Guangdong Jiahetai Motor Co., Ltd.",
          "No. 3 Xingye Road, Beijiao Industrial Park, Shunde District, Foshan, Guangdong", "CN"),
      ("Jiahetai Motor Co., Ltd.", "3 Xingye Rd, Beijiao, Shunde, Foshan", "CN"),
      "Province prefix Guangdong kept vs dropped before the trade name Jiahetai (嘉禾泰); same Foshan factory, so the same servo-motor maker."),
    R(M, ("无锡市晟博真空设备有限公司", "江苏省无锡市新吴区长江路21号", "CN"),
      ("Wuxi Shengbo Vacuum Equipment Co., Ltd.", "No. 21 Changjiang Road, Xinwu District, Wuxi, Jiangsu", "CN"),
      "Hanzi with the city prefix 无锡市 vs the English name Wuxi Shengbo Vacuum Equipment; same address, same company."),
    R(M, ("Hangzhou Skylark Communication Technology Co., Ltd.",
          "Building 3, No. 1180 Bin'an Road, Binjiang District, Hangzhou", "CN"),
      YUNQUE_EN,
      "English trade name Skylark is the translation of the trade name 云雀 (pinyin Yunque); same building and the same business words, so the same firm (arguable: rests on the translation)."),
    R(M, ("宁波倍驰液压股份有限公司", "浙江省宁波市北仑区大港工业城黄山西路58号", "CN"),
      ("Ningbo Beichi Hydraulic Co., Ltd.",
       "58 Huangshan West Road, Dagang Industrial City, Beilun District, Ningbo, Zhejiang", "CN"),
      "股份有限公司 (joint-stock limited company) rendered in English simply as Co., Ltd., as such firms do; same Beilun address, same company."),
    R(M, ("Qingyuan Marine Technology Co., Ltd.", "No. 6, Chenggong 2nd Rd., Qianzhen Dist., Kaohsiung City", "TW"),
      CHINGYUAN_EN,
      "Hanyu Pinyin (Qingyuan, Chenggong, Qianzhen) vs the Wade-Giles forms the Taiwanese firm and its old address use (Ching Yuan, Cheng Kung, Chien Chen); same premises, same firm."),
    R(M, ("大连博澜低温设备有限公司 (Dalian Bolan Cryogenic Equipment Co., Ltd.)",
          "辽宁省大连市甘井子区营城子工业园区", "CN"),
      ("Dalian Bolan Cryogenics Co Ltd", "Yingchengzi Industrial Park, Ganjingzi District, Dalian, Liaoning", "CN"),
      "Hanzi name followed by its English name vs a shortened English name (Cryogenics for 低温设备); same industrial park in Dalian, same company."),
    R(M, ("长沙岳测测绘仪器有限公司", "湖南省长沙市岳麓区麓谷大道627号", "CN"),
      ("Changsha Yue-Ce Surveying Instrument Co., Ltd.", "627 Lugu Avenue, Yuelu District, Changsha, Hunan", "CN"),
      "Hanzi vs pinyin with a hyphen between the syllables of 岳测 and the translated 测绘仪器; same address, same firm."),
    # RELATED
    R(REL, ("Shenzhen Xinhan International Trading Co., Ltd.",
            "Room 1206, Building B, Kexing Science Park, 15 Keyuan Road, Nanshan District, Shenzhen", "CN"),
      XINHAN_ZH,
      "Trading firm with the same distinctive stem Xinhan (鑫瀚) in the same building, a different room: a possible sales arm of the denied maker, not shown to be the same legal person."),
    R(REL, ("珠海凌波集团有限公司", "广东省珠海市香洲区情侣北路3333号", "CN"),
      ("Zhuhai Lingbo Marine Electronics Co., Ltd.", "No. 9 Jinhai Road, Jinwan District, Zhuhai, Guangdong", "CN"),
      "Group company with the same stem Lingbo (凌波) in the same city but at another address: a parent of the denied operating company, worth a look."),
    R(REL, ("永耀控股有限公司", "香港新界葵涌葵昌路50號葵昌中心12樓B室", "HK"),
      WINGYIU_EN,
      "Holding company 永耀控股 (Wing Yiu Holdings) at the same unit as the denied Wing Yiu Electronic Trading: a related company, not the same one."),
    R(REL, ("瑞鈦微電子有限公司", "新竹市東區光復路二段295號", "TW"),
      JUITAI_EN,
      "Same name 瑞鈦微電子 but 有限公司 instead of the denied company's 股份有限公司 form and another Hsinchu address: a possible sister company that needs a look."),
    # NO_MATCH
    R(N, ("深圳市众研科技有限公司", "广东省深圳市龙岗区坂田街道五和大道118号", "CN"),
      ("深圳市中研科技有限公司", "广东省深圳市福田区深南中路2008号", "CN"),
      "众研 and 中研 both romanise as Zhongyan without tones but are different characters, different firms in different districts."),
    R(N, ("西安锐通电力设备有限公司", "陕西省西安市未央区凤城十二路36号", "CN"),
      XIAN_RUITUO_ZH,
      "Ruitong (锐通) power-equipment firm vs the Ruituo (锐拓) optics maker: one character differs, another sector and address, a different firm."),
    R(N, WINGYIU_EN, WINGYIU_EN,
      "Same Hong Kong firm, but the candidate goes to Hong Kong and the denial named mainland China as destination: the destination differs.",
      dest=("HK", "CN")),
    R(N, ("成都蓝骐科技有限公司", "四川省成都市高新区天府大道中段1388号", "CN"),
      LANQI_EN,
      "Hanzi vs pinyin of the same Chengdu firm, but both decisions come from the same member state.",
      ms=("AT", "AT")),
    R(N, ("Tak Fung Hardware Company", "G/F, 28 Shanghai Street, Yau Ma Tei, Kowloon, Hong Kong", "HK"),
      TAKFUNG_ZH,
      "Tak Fung (德豐) is a common auspicious Hong Kong shop name; a hardware shop in Yau Ma Tei is not the Kwun Tong instrument firm."),
    R(N, ("宏昇精密有限公司", "台南市歸仁區公園路15號", "TW"),
      HUNGSHENG_ZH,
      "宏昇 (Hong Sheng) in Tainan vs 鋐昇 (Hung Sheng) in Taichung: romanisations nearly collide but characters and city differ, a different firm."),
    R(N, ("Chin Yuan Marine Engineering Co., Ltd.", "No. 21, Zhongzheng Rd., Zhongzheng Dist., Keelung City", "TW"),
      CHINGYUAN_EN,
      "Chin Yuan (金源) marine engineering in Keelung vs Ching Yuan (清源) marine technology in Kaohsiung: different names in different cities."),
    R(N, ("Hangzhou Yunkuo Network Technology Co., Ltd.", "No. 569 Wenyi West Road, Xihu District, Hangzhou", "CN"),
      YUNQUE_EN,
      "Yunkuo (云阔) network firm in Xihu vs Yunque (云雀) communication firm in Binjiang: a different trade name and address, a different firm."),
]

# ---------------------------------------------------------------------------------------------------------------
# Korean: Hangul vs Revised Romanization, McCune-Reischauer (with and without breves), firms' own spellings,
# 주식회사 / (주) vs Co., Ltd.
# ---------------------------------------------------------------------------------------------------------------
SEGWANG_RR = ("SOLBIT JEONGMIL CO., LTD.",
              "22, Yeondeok-ro 15beon-gil, Seongsan-gu, Changwon-si, Gyeongsangnam-do", "KR")
JUNGSUNG_EN = ("JUNGSUNG HI-TECH CO., LTD.", "163, Sandan-ro, Danwon-gu, Ansan-si, Gyeonggi-do", "KR")
HYUNJIN_EN = ("Hyunjin Marine Electronics Co., Ltd.", "34, Mieumsandan 3-ro, Gangseo-gu, Busan", "KR")
UNHA_EN = ("Unha Sensor Co., Ltd.", "49, Cheomdangieop 1-ro, Sandong-myeon, Gumi-si, Gyeongsangbuk-do", "KR")
DAON_EN = ("DAON SYSTEM Corp.", "168, Gasan digital 1-ro, Geumcheon-gu, Seoul", "KR")

KOREAN = [
    R(M, ("(주)솔빛정밀", "경상남도 창원시 성산구 연덕로15번길 22", "KR"),
      SEGWANG_RR,
      "Hangul with (주) vs Revised Romanization of the whole name (솔빛정밀 = Solbit Jeongmil) with Co., Ltd.; same Changwon address, same company."),
    R(M, ("Tongbaek Kwanghak Chusik Hoesa", "65 Kajŏng-ro, Yusŏng-gu, Taejŏn", "KR"),
      ("Dongbaek Gwanghak Co., Ltd.", "65, Gajeong-ro, Yuseong-gu, Daejeon", "KR"),
      "McCune-Reischauer (Tongbaek Kwanghak for 동백광학, Taejŏn, Yusŏng) vs Revised Romanization (Dongbaek Gwanghak, Daejeon, Yuseong), Chusik Hoesa vs Co., Ltd.; same address, same firm."),
    R(M, ("누리웨이브(주)", "경기도 성남시 분당구 판교로255번길 35", "KR"),
      ("NURIWAVE Co., Ltd.", "35, Pangyo-ro 255beon-gil, Bundang-gu, Seongnam-si, Gyeonggi-do", "KR"),
      "Hangul name with a loanword (웨이브 = wave) and trailing (주) vs the firm's English spelling; same Pangyo address, same company."),
    R(M, HYUNJIN_EN,
      ("Hyeonjin Marine Electronics Co., Ltd.", "34 Mieumsandan 3-ro, Gangseo-gu, Busan 46744", "KR"),
      "The firm's own spelling Hyunjin vs Revised Romanization Hyeonjin for 현진; same Busan address, same firm."),
    R(M, ("Jeongseong Hitech Co., Ltd.", "163 Sandan-ro, Danwon-gu, Ansan, Gyeonggi", "KR"),
      JUNGSUNG_EN,
      "Revised Romanization Jeongseong vs the firm's spelling Jungsung for 정성, Hitech vs HI-TECH; same Ansan address, same company."),
    R(M, ("(주)은하센서", "경상북도 구미시 산동면 첨단기업1로 49", "KR"),
      UNHA_EN,
      "Hangul vs McCune-Reischauer Ŭnha written without the breve (RR would be Eunha); same Gumi address, same sensor maker."),
    R(M, ("주식회사 다온시스템", "서울특별시 금천구 가산디지털1로 168", "KR"),
      DAON_EN,
      "주식회사 written before the Hangul name vs English name with Corp.; same Gasan address, same software firm."),
    R(M, ("(주)새봄케미칼", "울산광역시 남구 산업로 540", "KR"),
      ("Sae-Bom Chemical Co., Ltd.", "540, Saneop-ro, Nam-gu, Ulsan", "KR"),
      "Hangul vs romanisation with a hyphen between the syllables (Sae-Bom for 새봄) and the loanword 케미칼 = Chemical; same Ulsan address, same company."),
    R(REL, ("Jungsung Global Co., Ltd.", "2F, 163, Sandan-ro, Danwon-gu, Ansan-si, Gyeonggi-do", "KR"),
      JUNGSUNG_EN,
      "A differently named firm with the same stem Jungsung on another floor of the same address: a possible trading arm, worth a look."),
    R(REL, ("솔빛산업(주)", "경상남도 창원시 성산구 연덕로15번길 22", "KR"),
      SEGWANG_RR,
      "솔빛산업 (Solbit Industrial) at the same address as the denied Solbit Jeongmil: same stem, different name, a possible affiliate."),
    R(N, ("Hyeonjun Marine Co., Ltd.", "12, Samhak-ro, Mokpo-si, Jeollanam-do", "KR"),
      HYUNJIN_EN,
      "Hyeonjun (현준) in Mokpo vs Hyunjin (현진) in Busan: a different name in a different city, a different firm."),
    R(N, ("(주)은하정밀", "인천광역시 남동구 남동대로 215", "KR"),
      UNHA_EN,
      "은하 (galaxy) is a common firm-name word; a precision-parts firm in Incheon is not the Gumi sensor maker."),
    R(N, ("누리웨이브 주식회사", "경기도 성남시 분당구 판교로255번길 35", "KR"),
      ("NURIWAVE Inc.", "35 Pangyo-ro 255beon-gil, Bundang-gu, Seongnam", "KR"),
      "Same firm in Hangul and English, but both decisions come from the same member state.",
      ms=("SE", "SE")),
    R(N, ("다온엔지니어링(주)", "광주광역시 광산구 하남산단8번로 77", "KR"),
      DAON_EN,
      "다온 is a popular native-Korean name word; an engineering firm in Gwangju is not the Seoul software company."),
]

# ---------------------------------------------------------------------------------------------------------------
# Japanese: kanji/kana vs Hepburn with and without macrons, Kunrei-shiki, English trade names,
# 株式会社 before or after the name, (株), K.K., Kabushiki Kaisha.
# ---------------------------------------------------------------------------------------------------------------
KORYO_ZH = ("株式会社光陵精機", "静岡県浜松市浜名区新都田2丁目14番8号", "JP")
MINASE_EN = ("Minase Electronics Co., Ltd.", "3-5-10 Hirose, Shimamoto-cho, Mishima-gun, Osaka 618-0011", "JP")
TSURUMI_EN = ("TSURUMI DEMPA KOGYO CO., LTD.", "1-7 Suehiro-cho, Tsurumi-ku, Yokohama, Kanagawa", "JP")
OHTSUKI_EN = ("OHTSUKI KOKI CO., LTD.", "3-8-22 Takaidanaka, Higashi-Osaka, Osaka 577-0065", "JP")
CHIKUMA_EN = ("Chikuma Kasei Co., Ltd.", "1600 Hirooka-Nomura, Shiojiri, Nagano", "JP")
AOBA_EN = ("Aoba Photonics K.K.", "6-6-40 Aramaki Aza Aoba, Aoba-ku, Sendai, Miyagi", "JP")

JAPANESE = [
    R(M, ("Kōryō Seiki K.K.", "2-14-8 Shinmiyakoda, Kita-ku, Hamamatsu, Shizuoka 431-2103", "JP"),
      KORYO_ZH,
      "Hepburn with macrons and K.K. vs kanji with 株式会社 in front; the address gives the former Kita-ku, renamed Hamana-ku in 2024, for the same plot, so the same firm."),
    R(M, ("ミナセ電子株式会社", "大阪府三島郡島本町広瀬3-5-10", "JP"),
      MINASE_EN,
      "Katakana and kanji name with 株式会社 after it vs the English name (電子 = Electronics); same Shimamoto address, same company."),
    R(M, ("Tukusi Keisoku Kabusiki Kaisya", "Sugu-kita 4-21, Kasuga-si, Hukuoka-ken", "JP"),
      ("筑紫計測株式会社", "福岡県春日市須玖北4丁目21番", "JP"),
      "Kunrei-shiki (Tukusi, Kabusiki Kaisya, Hukuoka, -si) vs kanji for 筑紫計測 (Hepburn Tsukushi Keisoku); same Kasuga address, same firm."),
    R(M, ("Tsurumi Denpa Kōgyō Kabushiki Kaisha", "Kanagawa-ken, Yokohama-shi, Tsurumi-ku, Suehiro-chō 1-7", "JP"),
      TSURUMI_EN,
      "Modified Hepburn Denpa Kōgyō vs traditional Hepburn Dempa (m before p) without macrons, Kabushiki Kaisha vs Co., Ltd., address in Japanese order; same firm."),
    R(M, ("アオバ・フォトニクス株式会社", "宮城県仙台市青葉区荒巻字青葉6-6-40", "JP"),
      AOBA_EN,
      "Katakana with a middle dot and 株式会社 vs romanised Aoba Photonics K.K.; same Sendai address, same company."),
    R(M, ("株式会社紫峰センシング", "茨城県つくば市千現2-1-6", "JP"),
      ("SHIHO SENSING INC.", "2-1-6 Sengen, Tsukuba, Ibaraki 305-0047", "JP"),
      "Kanji and katakana (紫峰センシング) vs the English name with the long ō of Shihō dropped and Inc. for 株式会社; same Tsukuba address, same firm."),
    R(M, ("Ōtsuki Kōki Kabushiki-gaisha", "3-8-22 Takaida-naka, Higashiōsaka-shi, Ōsaka", "JP"),
      OHTSUKI_EN,
      "Macron spelling Ōtsuki Kōki vs the passport-style oh spelling OHTSUKI KOKI, Kabushiki-gaisha vs Co., Ltd.; same address, same machine-tool maker."),
    R(M, ("千曲化成(株)", "長野県塩尻市大字広丘野村1600", "JP"),
      CHIKUMA_EN,
      "Kanji with the abbreviation (株) vs Hepburn Chikuma Kasei Co., Ltd.; same Shiojiri address, same chemicals firm."),
    R(REL, ("鶴見電波販売株式会社", "神奈川県横浜市鶴見区末広町1-7", "JP"),
      TSURUMI_EN,
      "Tsurumi Dempa Hanbai (sales company) at the same address as Tsurumi Dempa Kogyo: same stem, different name, a likely sales affiliate."),
    R(REL, ("大槻ホールディングス株式会社", "大阪府東大阪市長田東1-4-11", "JP"),
      OHTSUKI_EN,
      "Ohtsuki Holdings in the same city at another address: a possible parent of the denied Ohtsuki Koki, not the same legal person."),
    R(N, ("筑摩化成株式会社", "大阪府堺市西区築港新町2-6", "JP"),
      CHIKUMA_EN,
      "筑摩化成 in Sakai also romanises as Chikuma Kasei but is written with other characters and sits in another prefecture: a different firm (arguable)."),
    R(N, ("Aoba Denki K.K.", "2-1-3 Eda-nishi, Aoba-ku, Yokohama, Kanagawa", "JP"),
      AOBA_EN,
      "Aoba is a ward name in Sendai and in Yokohama; an electrical firm in Yokohama is not the Sendai photonics company."),
    R(N, ("紫峰センシング株式会社", "茨城県つくば市千現2-1-6", "JP"),
      ("Shiho Sensing Inc.", "2-1-6 Sengen, Tsukuba, Ibaraki", "JP"),
      "Same firm in Japanese and English, but both decisions come from the same member state.",
      ms=("IT", "IT")),
    R(N, ("Kōryū Seiki K.K.", "3-21 Atsuta-nishimachi, Atsuta-ku, Nagoya, Aichi", "JP"),
      KORYO_ZH,
      "Kōryū (光竜) in Nagoya vs Kōryō (光陵) in Hamamatsu: a different name in another city, a different firm."),
]

# ---------------------------------------------------------------------------------------------------------------
# Vietnamese: diacritics kept or stripped, Công ty TNHH / TNHH MTV / Cổ phần vs Co., Ltd. / JSC, address words.
# ---------------------------------------------------------------------------------------------------------------
MINHKHUONG_EN = ("Minh Khuong Precision Mechanical Co., Ltd.",
                 "Lot C5, Quang Minh Industrial Park, Chi Dong Town, Me Linh District, Hanoi", "VN")
THIENLOC_VI = ("Công ty Cổ phần Công nghệ Viễn thông Thiên Lộc",
               "Số 112 Đường 2 Tháng 9, Phường Bình Thuận, Quận Hải Châu, TP. Đà Nẵng", "VN")
BAONGOC_EN = ("Bao Ngoc Chemicals Joint Stock Company",
              "Lot D-2A, My Phuoc 3 Industrial Park, Thoi Hoa Ward, Ben Cat, Binh Duong Province", "VN")
VINHKHANG_VI = ("Công ty TNHH MTV Điện tử Hàng hải Vĩnh Khang",
                "Số 27 Lê Thánh Tông, Phường Máy Tơ, Quận Ngô Quyền, TP. Hải Phòng", "VN")

VIETNAMESE = [
    R(M, ("CÔNG TY TNHH CƠ KHÍ CHÍNH XÁC MINH KHƯƠNG",
          "Lô C5, KCN Quang Minh, thị trấn Chi Đông, huyện Mê Linh, TP. Hà Nội", "VN"),
      MINHKHUONG_EN,
      "Vietnamese name in capitals with diacritics and Công ty TNHH vs the English name (Cơ khí chính xác = Precision Mechanical); same lot in Quang Minh, same company."),
    R(M, THIENLOC_VI,
      ("CONG TY CO PHAN CONG NGHE VIEN THONG THIEN LOC", "So 112 Duong 2 Thang 9, P. Binh Thuan, Q. Hai Chau, TP Da Nang", "VN"),
      "The same Vietnamese name and address with every diacritic stripped (Đ to D) and ward/district abbreviated P./Q.; same firm."),
    R(M, ("Công ty Cổ phần Hóa chất Bảo Ngọc", "Lô D-2A, KCN Mỹ Phước 3, Phường Thới Hòa, TX. Bến Cát, Bình Dương", "VN"),
      BAONGOC_EN,
      "Công ty Cổ phần vs Joint Stock Company and Hóa chất translated as Chemicals; same lot in My Phuoc 3, same company."),
    R(M, VINHKHANG_VI,
      ("Vinh Khang Marine Electronics One Member Limited Liability Company",
       "27 Le Thanh Tong St., May To Ward, Ngo Quyen Dist., Hai Phong", "VN"),
      "TNHH MTV spelled out as One Member Limited Liability Company, Điện tử Hàng hải as Marine Electronics, diacritics dropped; same Hai Phong address, same firm."),
    R(M, ("Công ty TNHH Quang điện tử Khải Đăng",
          "Số 18 Đường số 7, KCN Tân Tạo, Phường Tân Tạo A, Quận Bình Tân, TP. Hồ Chí Minh", "VN"),
      ("KHAI DANG OPTOELECTRONICS CO., LTD",
       "18 Road No. 7, Tan Tao Industrial Park, Tan Tao A Ward, Binh Tan District, Ho Chi Minh City", "VN"),
      "Vietnamese with diacritics vs English in capitals (Quang điện tử = Optoelectronics, TNHH = Co., Ltd.); same Tan Tao address, same company."),
    R(M, ("Công ty TNHH Tự động hóa Lạc Hồng Phát",
          "Đường số 9, KCN Biên Hòa 2, Phường Long Bình Tân, TP. Biên Hòa, Đồng Nai", "VN"),
      ("LAC HONG PHAT AUTOMATION COMPANY LIMITED",
       "Road 9, Bien Hoa 2 Industrial Zone, Long Binh Tan Ward, Bien Hoa City, Dong Nai", "VN"),
      "Vietnamese word order (Công ty TNHH Tự động hóa + name) vs English order (name + Automation Company Limited) without diacritics; same address, same firm."),
    R(REL, ("Công ty TNHH Thương mại Bảo Ngọc", "Lô D-2A, KCN Mỹ Phước 3, Phường Thới Hòa, TX. Bến Cát, Bình Dương", "VN"),
      BAONGOC_EN,
      "A trading TNHH with the same name stem Bảo Ngọc at the same lot as the denied chemicals JSC: a possible sales arm in another legal form, worth a look."),
    R(N, ("Công ty TNHH Thiện Lộc", "Số 45 Nguyễn Thị Minh Khai, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh", "VN"),
      THIENLOC_VI,
      "Thiện Lộc and Thiên Lộc fold to the same letters without diacritics, but this is a differently named firm in Ho Chi Minh City, not the Da Nang telecom JSC."),
    R(N, ("Công ty TNHH Cơ khí Minh Khang", "KCN Quế Võ, Phường Phương Liễu, TX. Quế Võ, Bắc Ninh", "VN"),
      MINHKHUONG_EN,
      "Minh Khang in Bắc Ninh vs Minh Khương in Hanoi: a different common name in another province, a different firm."),
    R(N, VINHKHANG_VI,
      ("Vinh Khang Marine Electronics Co., Ltd.", "27 Le Thanh Tong, Ngo Quyen, Hai Phong", "VN"),
      "Same Hai Phong firm with and without diacritics, but both decisions come from the same member state.",
      ms=("FR", "FR")),
]

TABLES = [
    ("transliteration-chinese", CHINESE),
    ("transliteration-korean", KOREAN),
    ("transliteration-japanese", JAPANESE),
    ("transliteration-vietnamese", VIETNAMESE),
]
