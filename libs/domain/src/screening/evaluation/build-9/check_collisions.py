#!/usr/bin/env python3
"""Checks that heldout-9 reuses no id, party name or distinctive name stem of the other evaluation sets.

    python3 check_collisions.py [--file=/tmp/draft.json]

The other sets are searched as plain text (case-insensitive, exact substring) for three kinds of our strings:
  1. name: every id, denial id and full party name of ours, quoted as a JSON string;
  2. stem: every word of 5 or more letters in our party names that is not in GENERIC below;
  3. pair: every pair of adjacent words in our party names unless both are generic, short (< 3 letters)
     or legal-form words, so that a stem made of two common words (e.g. "Sepehr Aryan") is caught too.
Only our own strings that were found are printed, so the other sets' cases are never read or shown.
Exit status 1 on any collision.

GENERIC was filled by hand from the words the stem check reported on the first drafts: business and
legal-form words, place names, personal names and stock name elements that any set of firm names shares.
Every distinctive stem it reported (Hengxin, Qinling, Kinabalu, Zayandeh, Volkhov ...) was renamed instead.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OTHERS = ["tuning.json", "heldout.json", "heldout-2.json", "heldout-3.json", "heldout-4.json", "heldout-5.json", "heldout-6.json", "heldout-7.json", "heldout-8.json", "tuning-scripts.json"]

GENERIC = set("""
agency aktsionernoe anonim anonima automation avionics avionika avtomatika bazargani bearing berhad branch bridge
business casting center centre chain communication company components consulting contracting control controls
corporate corporation cryogenic defence development devices dooel döküm eireli electr electric electrical
electronic electronics elektronik elektronika electrónica electronica électronique energy engineering enterprise
equip equipment establishment export factory field filial forwarding freight general global group grupo gruppa
hardware hassas holding holdings import industrial industries industry instr instrument instruments
instrumentation international invest joint kaisha kompaniya kompaniy laser liability limited limitada
logistics logistik machinery makina manufacturing marine maritime measurement measuring mechanical
metallurgicheskaya metalurgica metalúrgica microwave modern nauchno obedinenie obshchestvo office oficina
ogranichennoy oilfield optical optics optik optoelectronic optronics otvetstvennostyu participações plant power
precision predpriyatie private production proizvodstvennoe public radar ranging representative research
resources robotics sales sanayi savunma scientific secretarial sendirian sensing sensor services servis servo
shipping sirketi sistemas sistemler sistemy société sociedad solution solutions sonar stock supplies supply
surveying systems technical tecnica técnica technologies technology tekhnika teknolojileri telecom
telecomunicaciones thermal ticaret tovarishchestvo trade trading treyd tsentr universal valve vacuum wireless
works zavod şubesi abzar akustik aviation havacılık hydraulics kompozit mühendislik precison sistemleri
tehnika abu asia dış free zone hai hàng hải kabushiki tekn tech شرکت
chusik hoesa chŏngmil chŏnja denki denshi hanbai kogyo kougaku kōgaku seiki seisakusho youxian gongsi jingmi
zhoucheng sahami khass mohandesi sanat sanaye sherkat tadbir pouya gostar kavir ghods sepehr arian partov partow
assasat tijara sharqi elliniki hellenic ilektronika naftiliaka systimata organa maarachot nusantara pelabuhan
abbas alborz almaty andes ararat arvand ashdod astrakhan baghdad bandar bayan bishkek busan chengdu chennai chiang
chongqing damansara deniz dhabi dongguan erevan falaj ganja guangzhou gujarat haifa hangzhou hanoi hyderabad
indus island istanbul jabal jebel jazira karachi kaspiy kharkiv kowloon lahore lanka lenin mekong minsk moscow
mostar mumbai muscat ningbo ostim pacific pamir penang petersburg phong pusan saigon saint sahand sarajevo
shanghai shenzhen soochow suzhou tabriz tashkent tbilisi tehran tianjin tientsin volga vostok wuhan yerevan zagros
yaroslavl бишкек
hamdan huang mohamed muhammad sheng
bright eagle falcon golden kvant kvarts orion ridge sever signal
ελληνική εταιρεία ηλεκτρονικά ναυτιλιακά υδραυλικά όργανα дооел електроника завод радиотехника техника центр
מערכות الدقيقة الکترونیک صنایع للأجهزة للتقنيات مهندسی თბილისი
""".split())
# Legal-form and filler words skipped in the pair check.
STOP = set("""
co ltd llc ooo ao al el ad az ar ash at and the of for de del y et ve i llp jsc pjsc zao oao too tov tpp sdn bhd
pvt pte inc corp est fze fzco gmbh sa sac sarl eurl cv san tic şti ş doo d o kk mmc mchj cjsc up chp wll pcl tbk
pt lil bin ben
""".split())


def fold(text):
    """Casefolded without combining marks. Casefolding "İ" gives "i" plus a combining dot, which the word
    pattern would split on ("HİDROLİK" read as "hi", "droli", "k"); both our names and the other sets' text
    are folded alike, so an accented word still finds itself (ópticos ~ opticos counts as a collision)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(name):
    return re.findall(r"[^\W\d_]+", fold(name))


def stems(name):
    return {w for w in tokens(name) if len(w) >= 5 and w not in GENERIC}


def pairs(name):
    out = set()
    ws = tokens(name)
    for a, b in zip(ws, ws[1:]):
        if a in STOP or b in STOP or len(a) < 3 or len(b) < 3 or (a in GENERIC and b in GENERIC):
            continue
        out.add(a + " " + b)
    return out


def main():
    mine = [a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--file=")]
    ours = json.load(open(mine[0] if mine else os.path.join(HERE, "..", "heldout-9.json"), encoding="utf-8"))
    texts = []
    for name in OTHERS:
        path = os.path.join(HERE, "..", name)
        if os.path.exists(path):
            texts.append((name, fold(open(path, encoding="utf-8").read())))
    pools = {"name": set(), "stem": set(), "pair": set()}
    for c in ours:
        pools["name"].add('"%s"' % c["id"])
        pools["name"].add('"%s"' % c["denial"]["denialId"])
        for side in ("candidate", "denial"):
            for role in ("endUser", "consignee"):
                p = c[side][role]
                if p:
                    pools["name"].add('"%s"' % p["name"])
                    pools["stem"] |= stems(p["name"])
                    pools["pair"] |= pairs(p["name"])
    hits = []
    for kind in ("name", "stem", "pair"):
        for s in sorted(pools[kind]):
            for name, text in texts:
                if fold(s) in text:
                    hits.append((kind, s, name))
    for kind, s, name in hits:
        print("collision (%s): %s also in %s" % (kind, s, name))
    print("%d names/ids, %d stems and %d word pairs checked against %s: %d collisions" % (
        len(pools["name"]), len(pools["stem"]), len(pools["pair"]), ", ".join(n for n, _ in texts), len(hits)))
    sys.exit(1 if hits else 0)


if __name__ == "__main__":
    main()
