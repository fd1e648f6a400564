# ruff: noqa: E501
"""Countries of the synthetic world: weights, telephone numbering, cultures, mail providers, address plan.

Each row: code | weight | calling code | trunk prefix | UTC offset | mobile grouping | mobile ranges |
landline ranges | cultures (weights) | region | local mail domains (weights). A range list is
``prefix,prefix/NSN-length`` groups separated by spaces. The numbering is close to each country's real plan
so that most numbers are well-formed; the addresses are not real allocations, only public-looking ones.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

TABLE = """
US|300|1||-6|3-3-4|201,212,305,312,415,469,617,702,713,818,917,929,206,404,480,503/10|201,212,305,312,415,469,617,713/10|en:74 es:18 zh:2 hi:2 ar:1 ko:1 vi:1 tl:1|NA|yahoo.com:8 aol.com:3 comcast.net:2
CA|45|1||-5|3-3-4|416,514,604,403,613,647,778,438,587/10|416,514,604,613/10|en:72 fr:20 zh:4 hi:2 ar:2|NA|videotron.ca:2 shaw.ca:2
GB|80|44|0|0|4-6|74,75,77,78,79/10|207,208,1214,1612,1132,1413,1312/10|en:85 hi:3 ur:4 pl:3 ar:2 wa:2 ro:1|EU|btinternet.com:3 sky.com:2 yahoo.co.uk:3
IE|12|353|0|0|2-3-4|83,85,86,87,89/9|1/8|en:92 pl:5 pt:3|EU|eircom.net:2
AU|35|61|0|10|3-3-3|40,41,42,43,46,48/9|29,38,73/9|en:82 zh:8 hi:4 vi:3 el:3|AP|bigpond.com:4 optusnet.com.au:2
NZ|8|64|0|12|2-3-4|21,22,27/9|9,4/8|en:88 zh:6 hi:3 tl:3|AP|xtra.co.nz:4
ZA|20|27|0|2|2-3-4|71,72,73,74,76,78,79,81,82,83,84/9|11,21,31/9|en:70 ea:10 wa:10 nl:10|AF|mweb.co.za:3
NG|40|234|0|1|3-3-4|803,806,813,703,706,805,807,802,808,812/10|2033,2034/10|wa:88 en:7 ar:5|AF|yahoo.com:10
GH|10|233|0|0|2-3-4|24,54,55,20,50,27/9|302/9|wa:95 en:5|AF|yahoo.com:8
KE|12|254|0|3|3-3-3|70,71,72,79,11/9|20/9|ea:90 en:5 hi:5|AF|yahoo.com:6
IN|180|91|0|5.5|5-5|98,99,97,94,90,88,87,70,63/10|112,222,802/10|hi:88 en:4 bn:5 ur:3|AP|rediffmail.com:6 yahoo.co.in:6
PK|40|92|0|5|3-7|30,31,32,33,34/10|213,423,513/10|ur:96 en:2 ar:2|AP|yahoo.com:8
BD|30|880|0|6|4-6|17,18,19,15,16,13/10|2711,2712/8|bn:97 ar:3|AP|yahoo.com:8
PH|45|63|0|8|3-3-4|917,918,919,920,921,927,928,939,945,995/10|28/9|tl:92 en:4 zh:4|AP|yahoo.com:12
ID|70|62|0|7|3-4-4|811,812,813,821,822,852,853,857,878/11|215/10|id:93 zh:4 ar:3|AP|yahoo.co.id:8
MY|20|60|0|8|2-3-4|12,13,16,17,19/9|38/9|id:60 zh:25 hi:8 en:7|AP|yahoo.com:8
SG|8|65||8|4-4|8,9/8|6/8|zh:70 id:12 hi:8 en:10|AP|singnet.com.sg:3
TH|35|66|0|7|2-3-4|81,86,89,91,95,61,62/9|2/8|th:95 zh:3 en:2|AP|hotmail.com:15
VN|45|84|0|7|3-3-3|90,91,93,94,96,97,98,32,33,34,35,36,37,38,39,70,77/9|24,28/10|vi:98 zh:2|AP|yahoo.com:6
CN|160|86|0|8|3-4-4|130,131,132,133,135,136,137,138,139,150,151,152,158,186,188,189/11|10,21/10|zh:99 ko:1|AP|qq.com:30 163.com:18 126.com:8 sina.com:4
HK|8|852||8|4-4|51,61,62,63,90,91,92,93,94,95,96,97,98/8|21,22,23/8|zh:92 en:6 tl:2|AP|netvigator.com:4
TW|20|886|0|8|3-3-3|91,93,95,96,97,98/9|2/9|zh:98 en:2|AP|yahoo.com.tw:10
JP|90|81|0|9|2-4-4|70,80,90/10|35,36,66/9|ja:97 ko:2 zh:1|AP|yahoo.co.jp:15 docomo.ne.jp:6 ezweb.ne.jp:4
KR|45|82|0|9|2-4-4|10/10|2/9|ko:98 zh:2|AP|naver.com:28 daum.net:10 hanmail.net:6
DE|80|49|0|1|4-7|1511,1512,1520,1522,1570,1590,1601,1620,1701,1715,1725,1760,1771,1785/11|30,89,40/10 221/10|de:80 tr:7 ru:4 pl:3 ar:3 el:1 sr:2|EU|gmx.de:12 web.de:12 t-online.de:6
AT|10|43|0|1|3-7|650,660,664,676,680,681,688,699/10|1/9|de:88 sr:6 tr:6|EU|gmx.at:6 aon.at:3
CH|10|41|0|1|2-3-2-2|76,77,78,79/9|44,22,31,61/9|de:60 fr:25 it:10 pt:5|EU|bluewin.ch:8 gmx.ch:3
FR|75|33|0|1|1-2-2-2-2|6,7/9|1,2,3,4,5/9|fr:82 ar:10 pt:3 wa:3 vi:2|EU|orange.fr:10 free.fr:8 laposte.net:4 sfr.fr:4 hotmail.fr:6
BE|12|32|0|1|3-2-2-2|470,471,472,473,474,475,476,477,478,479,483,484,485,486,487,488,489,490,491,492,493,494,495,496,497,498,499/9|2/8|nl:52 fr:38 ar:6 tr:4|EU|skynet.be:4 telenet.be:4
NL|20|31|0|1|1-8|61,62,63,64,65/9|20,10/9|nl:85 tr:5 ar:5 id:3 pl:2|EU|ziggo.nl:4 kpnmail.nl:4
IT|70|39||1|3-3-4|320,327,328,329,333,334,335,338,339,340,347,348,349,366,380,388,389,391,392,393/10|06,02/10|it:90 ro:4 ar:3 tl:1 zh:2|EU|libero.it:14 virgilio.it:6 alice.it:4 tin.it:3
ES|55|34||1|3-3-3|60,61,62,63,64,65,66,67,68,69/9|91,93/9|es:90 ar:4 ro:4 en:2|EU|telefonica.net:3 hotmail.es:8 yahoo.es:4
PT|12|351||0|3-3-3|91,92,93,96/9|21,22/9|pt:96 en:2 ea:2|EU|sapo.pt:8 netcabo.pt:2
GR|12|30||2|3-3-4|690,693,694,695,697,698,699/10|210/10|el:95 ar:3 ro:2|EU|yahoo.gr:6 otenet.gr:4
CY|3|357||2|2-3-3|96,97,99/8|22/8|el:92 en:5 ru:3|EU|cytanet.com.cy:4
PL|45|48||1|3-3-3|50,51,53,57,60,66,69,72,73,78,79,88/9|22,12/9|pl:96 uk:4|EU|wp.pl:14 o2.pl:10 interia.pl:8 onet.pl:8
CZ|14|420||1|3-3-3|601,603,608,72,73,77,79/9|2/9|cs:95 uk:3 vi:2|EU|seznam.cz:25 email.cz:5 centrum.cz:5
SK|6|421|0|1|3-3-3|90,91/9|2/9|cs:92 hu:8|EU|azet.sk:12 zoznam.sk:4
HU|12|36|06|1|2-3-4|20,30,70/9|1/8|hu:97 ro:3|EU|freemail.hu:14 citromail.hu:4
RO|25|40|0|2|3-3-3|72,73,74,75,76,77/9|21/9|ro:95 hu:5|EU|yahoo.com:14
BG|8|359|0|2|2-3-4|87,88,89/9|2/8|sr:88 tr:12|EU|abv.bg:20 mail.bg:5
RS|8|381|0|1|2-3-4|60,61,62,63,64,65,66,69/9|11/9|sr:96 hu:4|EU|yahoo.com:6
HR|5|385|0|1|2-3-4|91,92,95,98,99/9|1/8|sr:97 it:3|EU|net.hr:6
SE|14|46|0|1|2-3-2-2|70,72,73,76,79/9|8/8|nd:82 ar:8 fa:4 fi:4 sr:2|EU|telia.com:4
NO|7|47||1|3-2-3|40,41,45,46,47,48,90,91,92,93,94,95,97,98,99/8|21,22,23/8|nd:90 pl:4 ur:3 ar:3|EU|online.no:4
DK|7|45||1|2-2-2-2|20,21,22,23,24,25,26,27,28,29,30,31,40,41,42,50,51,52,53,60,61/8|33,35,36/8|nd:90 tr:4 ar:4 pl:2|EU|jubii.dk:2
FI|7|358|0|2|2-3-4|40,41,44,45,46,50/9|9/8|fi:93 nd:5 ru:2|EU|luukku.com:2
RU|110|7|8|3|3-3-2-2|900,903,905,906,909,910,911,912,915,916,917,919,920,921,925,926,929,950,960,977,985,999/10|495,499,812/10|ru:95 uk:2 tr:1 ko:1 ar:1|EU|mail.ru:30 yandex.ru:25 rambler.ru:5 bk.ru:4 list.ru:3
UA|35|380|0|2|2-3-2-2|50,63,66,67,68,73,93,95,96,97,98,99/9|44/9|uk:82 ru:18|EU|ukr.net:25 i.ua:6 meta.ua:3
BY|8|375|8 0|3|2-3-2-2|29,33,44/9|17/9|ru:95 uk:5|EU|mail.ru:20 tut.by:10 yandex.by:8
KZ|12|7|8|5|3-3-2-2|700,701,702,705,707,747,771,775,777,778/10|7272,7172/10|ru:60 kk:40|AP|mail.ru:25 yandex.kz:6
TR|60|90|0|3|3-3-2-2|501,505,506,507,530,532,533,535,537,539,541,542,543,544,545,546,549,551,552,553,554,555,559/10|212,216,312,232/10|tr:94 ar:4 fa:2|EU|hotmail.com:15 yandex.com.tr:4
IL|12|972|0|2|2-3-4|50,52,53,54/9|2,3,4,8,9/8|he:75 ar:18 ru:7|EU|walla.co.il:6 012.net.il:2
EG|60|20|0|2|3-3-4|10,11,12,15/10|2/9|ar:99 en:1|AF|yahoo.com:14
SA|30|966|0|3|2-3-4|50,53,54,55,56,58,59/9|11/9|ar:82 ur:8 hi:5 tl:5|EU|yahoo.com:6
AE|15|971|0|4|2-3-4|50,52,54,55,56,58/9|4,2/8|ar:35 hi:30 ur:15 tl:12 en:8|EU|eim.ae:3
JO|6|962|0|3|1-4-4|78,79/9|6200/8|ar:100|EU|yahoo.com:8
LB|4|961|0|2|2-3-3|70,71,76,81/8|1/7|ar:90 fr:10|EU|yahoo.com:8
IQ|15|964|0|3|3-3-4|750,751,770,771,780,781,790/10|1/8|ar:92 kk:0 fa:8|EU|yahoo.com:12
MA|20|212|0|1|3-2-2-2|61,62,65,66,67,70,77/9|522,537/9|ar:85 fr:15|AF|menara.ma:3 yahoo.fr:6
DZ|20|213|0|1|3-2-2-2|55,66,69,77,79/9|21/8|ar:88 fr:12|AF|yahoo.fr:10
TN|8|216||1|2-3-3|20,22,24,50,52,55,90,95,98/8|71/8|ar:90 fr:10|AF|topnet.tn:3 yahoo.fr:8
IR|50|98|0|3.5|3-3-4|901,912,913,915,919,921,935,936,937,939/10|21/10|fa:96 ar:4|AP|yahoo.com:8 chmail.ir:4
MX|90|52||-6|2-4-4|55,33,81/10|55,33,81/10|es:98 en:2|LA|hotmail.com:18 yahoo.com.mx:8 prodigy.net.mx:2
AR|30|54|0|-3|2-4-4|911,9351,9341/11|11,351,341/10|es:92 it:5 ar:3|LA|hotmail.com:15 yahoo.com.ar:8 fibertel.com.ar:3
BR|150|55|0|-3|2-5-4|119,219,319,419,519,619,719,819,859/11|112,113,213,313,413,513/10|pt:95 ja:2 it:2 ar:1|LA|hotmail.com:18 uol.com.br:6 bol.com.br:5 yahoo.com.br:6
CO|35|57||-5|3-3-4|300,301,304,310,311,312,313,314,315,316,317,318,320,321/10|601,604/10|es:99 ar:1|LA|hotmail.com:18 yahoo.es:4
CL|15|56||-4|1-4-4|9/9|22/9|es:97 de:3|LA|hotmail.com:15 vtr.net:3
PE|25|51|0|-5|3-3-3|9/9|1/8|es:95 zh:3 ja:2|LA|hotmail.com:18 yahoo.es:4
VE|20|58|0|-4|3-3-4|412,414,416,424,426/10|212/10|es:95 pt:3 it:2|LA|hotmail.com:20 cantv.net:2
EC|12|593|0|-5|2-3-4|99,98/9|22,23/8|es:100|LA|hotmail.com:18
DO|8|1||-4|3-3-4|809,829,849/10|809/10|es:100|NA|hotmail.com:15
GT|8|502||-6|4-4|3,4,5/8|2/8|es:100|LA|hotmail.com:15 yahoo.com:8
"""

GLOBAL_MAIL = {"gmail.com": 50, "outlook.com": 8, "hotmail.com": 10, "yahoo.com": 6, "icloud.com": 6}

REGION_V6 = {
    "NA": ["2600", "2601", "2602", "2603", "2605", "2607", "2610"],
    "EU": ["2a01", "2a02", "2a00", "2a03", "2a04", "2a05", "2001:067c", "2001:0a60"],
    "AP": ["2400", "2401", "2402", "2403", "2404", "2405", "2406", "240e", "2409"],
    "LA": ["2800", "2801", "2803", "2804"],
    "AF": ["2c0f", "2c0e"],
}

# Ethnic corridors: residence -> (origin country, weight). Migrants carry the origin's culture.
MIGRATION = {
    "US": "MX:40 IN:10 CN:8 PH:8 VN:4 KR:3 CO:4 DO:5 GT:5 VE:4 NG:3 EG:2 PL:2 UA:2",
    "GB": "IN:20 PK:20 PL:15 RO:10 NG:10 BD:8 IE:5 IT:4 ES:4 UA:4",
    "DE": "TR:35 PL:15 RU:10 UA:10 RO:8 IT:5 GR:4 RS:5 IR:4 VN:4",
    "FR": "DZ:30 MA:30 TN:10 PT:10 VN:5 IT:5 ES:5 CN:5",
    "ES": "MA:25 RO:20 CO:15 VE:15 EC:10 AR:8 PE:7",
    "IT": "RO:35 MA:15 AR:10 EG:10 UA:10 PE:8 PH:6 CN:6",
    "CA": "IN:30 CN:25 PH:20 PK:8 IR:8 FR:5 VN:4",
    "AU": "CN:25 IN:25 GB:15 VN:10 PH:10 NZ:10 GR:5",
    "AE": "IN:45 PK:25 PH:15 EG:10 BD:5",
    "SA": "EG:25 PK:25 IN:20 BD:15 PH:15",
    "PL": "UA:80 BY:20",
    "NL": "TR:35 MA:35 ID:15 PL:15",
    "SE": "IR:30 IQ:30 FI:20 PL:20",
    "PT": "BR:80 UA:10 CN:10",
    "RU": "UA:40 KZ:40 VN:10 CN:10",
    "CO": "VE:100",
    "JP": "CN:40 KR:30 VN:15 PH:10 BR:5",
    "KR": "CN:50 VN:30 PH:20",
    "MY": "ID:60 BD:20 IN:20",
    "SG": "MY:40 CN:30 IN:20 PH:10",
}


@dataclass
class Country:
    code: str
    weight: float
    cc: str
    trunk: str
    utc: float
    groups: list[int]
    mobile: list[tuple[str, int]]
    landline: list[tuple[str, int]]
    cultures: dict[str, float]
    region: str
    mail: dict[str, float]
    isps: list[dict] = field(default_factory=list)
    carriers: list[dict] = field(default_factory=list)
    business: list[tuple[int, int]] = field(default_factory=list)
    hosting: list[tuple[int, int]] = field(default_factory=list)


def _ranges(text: str) -> list[tuple[str, int]]:
    out = []
    for group in text.split():
        prefixes, length = group.split("/")
        out.extend((p, int(length)) for p in prefixes.split(","))
    return out


def _weights(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in text.split():
        key, value = item.rsplit(":", 1)
        if float(value) > 0:
            out[key] = float(value)
    return out


def load_countries() -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for line in TABLE.strip().splitlines():
        f = line.split("|")
        mail = dict(GLOBAL_MAIL)
        for domain, w in _weights(f[10]).items():
            mail[domain] = mail.get(domain, 0) + w
        countries[f[0]] = Country(
            code=f[0],
            weight=float(f[1]),
            cc=f[2],
            trunk=f[3].replace(" ", ""),
            utc=float(f[4]),
            groups=[int(g) for g in f[5].split("-")],
            mobile=_ranges(f[6]),
            landline=_ranges(f[7]),
            cultures=_weights(f[8]),
            region=f[9],
            mail=mail,
        )
    _address_plan(countries)
    return countries


# First octets used for the synthetic plan: public unicast space, none of the reserved or documentation blocks.
_OCTETS = [o for o in range(1, 224) if o not in (10, 100, 127, 169, 172, 192, 198, 203, 0)]


def _address_plan(countries: dict[str, Country]) -> None:
    """Residential ISPs, mobile carriers, business and hosting blocks per country (the same for every seed)."""
    rng = random.Random(20240601)
    taken: dict[tuple[int, int], str] = {}

    def block(code: str) -> tuple[int, int]:
        while True:
            b = (rng.choice(_OCTETS), rng.randrange(256))
            if b not in taken:
                taken[b] = code
                return b

    v6_taken: dict[str, str] = {}

    def v6(region: str) -> str:
        while True:
            base = rng.choice(REGION_V6[region])
            p = base if ":" in base else f"{base}:{rng.randrange(0x100, 0xFFFF):04x}"
            if p not in v6_taken:
                v6_taken[p] = region
                return p

    for code in sorted(countries):
        c = countries[code]
        size = max(1, min(4, round(c.weight / 25)))
        for i in range(1 + size):
            c.isps.append(
                {
                    "name": f"{code}-isp{i}",
                    "blocks": [block(code) for _ in range(1 + size)],
                    "v6": v6(c.region),
                    "v6_share": rng.choice([0.0, 0.3, 0.6, 0.85]),
                    "static": rng.random() < 0.2,
                    "lease_days": rng.choice([1, 3, 7, 14, 30, 90, 180]),
                    "v6_rotates": rng.random() < 0.3,
                }
            )
        for i in range(2 + (c.weight > 40)):
            b = block(code)
            c.carriers.append(
                {
                    "name": f"{code}-mob{i}",
                    "nat": [(b[0], b[1], rng.randrange(0, 252)) for _ in range(1 + size)],
                    "v6": v6(c.region) if rng.random() < 0.6 else None,
                }
            )
        c.business = [block(code) for _ in range(1 + size)]
        c.hosting = [block(code)]
