# ruff: noqa: E501 -- the country table: one long line per country
"""Countries, phone numbering, internet address plans and postal addresses.

Everything here is static reference data plus small pure helpers; randomness comes from the
caller's random.Random streams (the address plan uses its own fixed stream so that a country's
ISPs keep the same ranges across seeds).
"""

import ipaddress
import random
import unicodedata

# code|online population (millions, rough)|calling code|trunk prefix|mobile prefixes|NSN length|
# naming culture|registry region|UTC offset (hours)|city list
_COUNTRIES = """
US|300|1||212,310,415,646,917,213,305,312,404,702|10|en|arin|-6|New York,Los Angeles,Chicago,Houston,Phoenix,Miami
CA|35|1||416,604,514,403,647|10|en|arin|-5|Toronto,Vancouver,Montreal,Calgary
MX|100|52||55,33,81,22|10|es|lacnic|-6|Ciudad de México,Guadalajara,Monterrey,Puebla
BR|180|55|0|119,219,319,419,519|11|pt|lacnic|-3|São Paulo,Rio de Janeiro,Belo Horizonte,Curitiba,Porto Alegre
AR|40|54|0|911,9351,9341|11|es|lacnic|-3|Buenos Aires,Córdoba,Rosario
CO|40|57||30,31,32|10|es|lacnic|-5|Bogotá,Medellín,Cali
CL|17|56||9|9|es|lacnic|-4|Santiago,Valparaíso,Concepción
PE|25|51||9|9|es|lacnic|-5|Lima,Arequipa,Trujillo
VE|20|58|0|412,414,424|10|es|lacnic|-4|Caracas,Maracaibo,Valencia
GB|65|44|0|74,75,77,78,79|10|en|ripe|0|London,Manchester,Birmingham,Leeds,Glasgow
IE|5|353|0|83,85,86,87|9|en|ripe|0|Dublin,Cork,Galway
FR|55|33|0|6,7|9|fr|ripe|1|Paris,Lyon,Marseille,Toulouse,Lille
DE|78|49|0|151,152,157,160,170,171,176|11|de|ripe|1|Berlin,Hamburg,München,Köln,Frankfurt am Main
AT|8|43|0|664,660,676,699|11|de|ripe|1|Wien,Graz,Linz
CH|8|41|0|76,77,78,79|9|de|ripe|1|Zürich,Genève,Basel,Bern
NL|16|31|0|6|9|nl|ripe|1|Amsterdam,Rotterdam,Den Haag,Utrecht
BE|10|32|0|47,48,49|9|fr|ripe|1|Bruxelles,Antwerpen,Liège,Gent
ES|43|34||6,7|9|es|ripe|1|Madrid,Barcelona,Valencia,Sevilla
PT|8|351||91,92,93,96|9|pt|ripe|0|Lisboa,Porto,Braga
IT|50|39||32,33,34,35,36,38|10|it|ripe|1|Roma,Milano,Napoli,Torino
PL|32|48||50,51,53,60,66,69,72,79|9|pl|ripe|1|Warszawa,Kraków,Łódź,Wrocław,Gdańsk
SE|9|46|0|70,72,73,76|9|nordic|ripe|1|Stockholm,Göteborg,Malmö
NO|5|47||4,9|8|nordic|ripe|1|Oslo,Bergen,Trondheim
DK|5|45||2,3,4,5|8|nordic|ripe|1|København,Aarhus,Odense
FI|5|358|0|40,44,50|9|nordic|ripe|2|Helsinki,Espoo,Tampere
CZ|9|420||60,72,73,77|9|pl|ripe|1|Praha,Brno,Ostrava
RO|15|40|0|72,74,75,76|9|ro|ripe|2|București,Cluj-Napoca,Iași
HU|8|36|06|20,30,70|9|hu|ripe|1|Budapest,Debrecen,Szeged
GR|8|30||69|10|el|ripe|2|Athens,Thessaloniki,Patras
RU|120|7|8|91,92,95,98,90|10|ru|ripe|3|Москва,Санкт-Петербург,Новосибирск,Екатеринбург
UA|30|380|0|50,63,66,67,68,93,97|9|ru|ripe|2|Київ,Харків,Одеса,Львів
BY|8|375|80|29,33,44|9|ru|ripe|3|Минск,Гомель,Брест
KZ|15|7|8|70,77|10|ru|ripe|5|Алматы,Астана,Шымкент
TR|70|90|0|53,54,55|10|tr|ripe|3|İstanbul,Ankara,İzmir,Bursa
EG|75|20|0|10,11,12,15|10|ar|afrinic|2|Cairo,Alexandria,Giza
SA|33|966|0|50,53,55,56|9|ar|ripe|3|Riyadh,Jeddah,Dammam
AE|9|971|0|50,52,55,56|9|ar|ripe|4|Dubai,Abu Dhabi,Sharjah
MA|30|212|0|6,7|9|ar|afrinic|1|Casablanca,Rabat,Marrakech
DZ|30|213|0|5,6,7|9|ar|afrinic|1|Alger,Oran,Constantine
IQ|30|964|0|77,78,75|10|ar|ripe|3|Baghdad,Basra,Erbil
JO|9|962|0|77,78,79|9|ar|ripe|3|Amman,Zarqa,Irbid
IR|60|98|0|91,93,99|10|ar|ripe|3|Tehran,Mashhad,Isfahan
NG|110|234|0|70,80,81,90,91|10|af|afrinic|1|Lagos,Abuja,Kano,Ibadan
KE|25|254|0|7,1|9|af|afrinic|3|Nairobi,Mombasa,Kisumu
ZA|40|27|0|6,7,8|9|en|afrinic|2|Johannesburg,Cape Town,Durban
GH|15|233|0|20,24,54,55|9|af|afrinic|0|Accra,Kumasi,Tamale
ET|20|251|0|91,92,93|9|af|afrinic|3|Addis Ababa,Dire Dawa
IN|700|91|0|6,7,8,9|10|hi|apnic|5|Mumbai,Delhi,Bengaluru,Hyderabad,Chennai,Kolkata,Pune
PK|90|92|0|30,31,32,33,34|10|pk|apnic|5|Karachi,Lahore,Islamabad,Faisalabad
BD|60|880|0|17,18,19,13,15|10|pk|apnic|6|Dhaka,Chittagong,Khulna
CN|150|86||13,15,18|11|zh|apnic|8|北京,上海,广州,深圳,成都
TW|20|886|0|9|9|zh|apnic|8|台北,高雄,台中
HK|7|852||5,6,9|8|zh|apnic|8|Hong Kong,Kowloon
SG|5|65||8,9|8|zh|apnic|8|Singapore
MY|28|60|0|11,12,13,16,17,19|10|id|apnic|8|Kuala Lumpur,Penang,Johor Bahru
ID|180|62|0|812,813,821,852,857,878|11|id|apnic|7|Jakarta,Surabaya,Bandung,Medan
PH|75|63|0|905,915,917,918,927,998|10|tl|apnic|8|Manila,Quezon City,Cebu,Davao
VN|70|84|0|9,3,7,8|9|vi|apnic|7|Hà Nội,Hồ Chí Minh,Đà Nẵng,Hải Phòng
TH|55|66|0|6,8,9|9|th|apnic|7|กรุงเทพมหานคร,เชียงใหม่,ภูเก็ต
JP|100|81|0|70,80,90|10|ja|apnic|9|東京,大阪,名古屋,横浜,福岡
KR|45|82|0|10|10|ko|apnic|9|서울,부산,인천,대구
AU|22|61|0|4|9|en|apnic|10|Sydney,Melbourne,Brisbane,Perth
NZ|4|64|0|21,22,27|9|en|apnic|12|Auckland,Wellington,Christchurch
"""

# first octets per registry (all public unicast, none in private/reserved/documentation space)
_V4_FIRST = {
    "arin": [
        23,
        24,
        50,
        63,
        64,
        65,
        66,
        67,
        68,
        69,
        70,
        71,
        72,
        73,
        74,
        75,
        76,
        96,
        97,
        98,
        99,
        107,
        108,
        173,
        174,
    ],
    "ripe": [
        2,
        5,
        31,
        37,
        46,
        62,
        77,
        78,
        79,
        80,
        81,
        82,
        83,
        84,
        85,
        86,
        87,
        88,
        90,
        92,
        93,
        94,
        95,
        109,
        176,
        178,
        188,
        212,
        213,
        217,
    ],
    "apnic": [
        1,
        14,
        27,
        36,
        39,
        42,
        49,
        58,
        59,
        60,
        61,
        101,
        106,
        110,
        111,
        112,
        113,
        114,
        115,
        116,
        117,
        118,
        119,
        120,
        121,
        122,
        123,
        124,
        125,
        175,
        180,
        182,
        183,
        210,
        211,
        218,
        219,
        220,
        221,
        222,
    ],
    "lacnic": [138, 177, 179, 181, 186, 187, 189, 190, 200, 201],
    "afrinic": [41, 102, 105, 154, 196, 197],
    "dc": [45, 89, 91, 104, 139, 146, 185, 193, 194, 195],
}
_V6_PREFIX = {
    "arin": (0x2600, 0x260F),
    "ripe": (0x2A00, 0x2A10),
    "apnic": (0x2400, 0x240F),
    "lacnic": (0x2800, 0x2804),
    "afrinic": (0x2C0F, 0x2C0F),
    "dc": (0x2A0E, 0x2A0F),
}
# share of home lines that see IPv6 in practice, by registry region
_V6_SHARE = {"arin": 0.45, "ripe": 0.35, "apnic": 0.4, "lacnic": 0.3, "afrinic": 0.08}


class Country:
    def __init__(self, row):
        f = row.split("|")
        self.code, self.online = f[0], float(f[1])
        self.cc, self.trunk = f[2], f[3]
        self.mobile = f[4].split(",")
        self.nsn_len = int(f[5])
        self.culture, self.rir, self.utc = f[6], f[7], int(f[8])
        self.cities = f[9].split(",")
        self.weight = self.online**0.5  # flattened online population
        self.home_isps, self.carriers = [], []


COUNTRIES = [Country(r) for r in _COUNTRIES.strip().splitlines()]
BY_CODE = {c.code: c for c in COUNTRIES}
# countries where internet cafés / shared computers are common
CAFE_COUNTRIES = {
    "IN",
    "PK",
    "BD",
    "NG",
    "KE",
    "GH",
    "ET",
    "PH",
    "ID",
    "VN",
    "EG",
    "MA",
    "DZ",
    "IQ",
    "PE",
    "VE",
}


class Net:
    """An ISP or carrier: a few IPv4 /16 blocks and one IPv6 /32."""

    def __init__(self, name, v4, v6, v6_share):
        self.name, self.v4, self.v6, self.v6_share = name, v4, v6, v6_share

    def ipv4(self, rng):
        a, b = rng.choice(self.v4)
        return f"{a}.{b}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"

    def ipv6_64(self, rng):
        return (self.v6, rng.getrandbits(32))

    @staticmethod
    def ipv6_addr(prefix64, rng):
        v6, sub = prefix64
        n = (v6 << 96) | (sub << 64) | rng.getrandbits(64) | (1 << 57)  # random (privacy) interface id
        return str(ipaddress.IPv6Address(n))


def _build_address_plan():
    rng = random.Random("independent4-address-plan")
    used4, used6 = set(), set()

    def net(name, rir, n16, v6_share):
        blocks = []
        while len(blocks) < n16:
            b = (rng.choice(_V4_FIRST[rir]), rng.randint(0, 255))
            if b not in used4:
                used4.add(b)
                blocks.append(b)
        lo, hi = _V6_PREFIX[rir]
        while True:
            p = (rng.randint(lo, hi) << 16) | rng.randint(0x0001, 0xFFFF)
            if p not in used6:
                used6.add(p)
                break
        return Net(name, blocks, p, v6_share)

    for c in COUNTRIES:
        share = _V6_SHARE[c.rir]
        c.home_isps = [net(f"{c.code}-isp{i}", c.rir, 3, share * rng.uniform(0.3, 1.6)) for i in range(3)]
        c.carriers = [
            net(f"{c.code}-mob{i}", c.rir, 1, share * rng.uniform(0.5, 1.8))
            for i in range(2 + (c.online > 50))
        ]
    datacenters = [net(f"dc{i}", "dc", 1, 0.2) for i in range(12)]
    return datacenters


DATACENTERS = _build_address_plan()


def pick_country(rng):
    return rng.choices(COUNTRIES, weights=[c.weight for c in COUNTRIES])[0]


# ---------------------------------------------------------------- phones
def new_mobile(country, rng):
    p = rng.choice(country.mobile)
    return p + "".join(str(rng.randint(0, 9)) for _ in range(country.nsn_len - len(p)))


def new_landline(country, rng):
    first = "2345"[rng.randint(0, 3)] if country.cc not in ("1",) else rng.choice(country.mobile)[:3]
    return first + "".join(str(rng.randint(0, 9)) for _ in range(country.nsn_len - len(first)))


def _groups(s, sizes):
    out, i = [], 0
    for n in sizes:
        if i >= len(s):
            break
        out.append(s[i : i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return out


def format_phone(cc, nsn, trunk, rng):
    """One of the many ways people type the same number."""
    style = rng.choices(range(10), weights=[22, 14, 6, 14, 10, 8, 8, 6, 6, 6])[0]
    nat = trunk + nsn
    if style == 0:
        return f"+{cc}{nsn}"
    if style == 1:
        return nat
    if style == 2:
        return f"00{cc}{nsn}"
    if style == 3:
        return f"+{cc} " + " ".join(_groups(nsn, [3, 3, 4] if len(nsn) >= 10 else [2, 3, 4]))
    if style == 4:
        return " ".join(_groups(nat, [4, 3, 4] if len(nat) >= 11 else [3, 3, 4]))
    if style == 5:
        return f"({nat[:4]}) " + "-".join(_groups(nat[4:], [3, 4]))
    if style == 6:
        return f"{cc}{nsn}"
    if style == 7:
        return f"+{cc} ({trunk}){nsn}" if trunk else f"+{cc}-{nsn}"
    if style == 8:
        return "-".join(_groups(nat, [3, 3, 4]))
    return f"+{cc}." + ".".join(_groups(nsn, [3, 3, 4]))


def mistype(digits, rng):
    d = list(digits)
    i = rng.randrange(len(d) - 1)
    if rng.random() < 0.5:
        d[i], d[i + 1] = d[i + 1], d[i]
    else:
        d[i] = str((int(d[i]) + rng.choice([1, 9, 3])) % 10)
    return "".join(d)


# ---------------------------------------------------------------- postal addresses
_STREETS = {
    "en": [
        "Oak Street",
        "High Street",
        "Church Road",
        "Park Avenue",
        "Maple Drive",
        "Station Road",
        "Mill Lane",
        "Victoria Road",
        "Elm Street",
        "King Street",
    ],
    "de": [
        "Hauptstraße",
        "Bahnhofstraße",
        "Schulstraße",
        "Gartenstraße",
        "Dorfstraße",
        "Bergstraße",
        "Lindenstraße",
    ],
    "fr": [
        "rue de la République",
        "rue Victor Hugo",
        "avenue Jean Jaurès",
        "rue de la Gare",
        "boulevard Pasteur",
        "rue des Écoles",
    ],
    "es": [
        "Calle Mayor",
        "Avenida de la Constitución",
        "Calle Real",
        "Calle San José",
        "Avenida Libertador",
        "Calle del Sol",
    ],
    "pt": ["Rua das Flores", "Avenida Paulista", "Rua São João", "Rua da Paz", "Avenida Brasil"],
    "it": ["Via Roma", "Via Garibaldi", "Corso Italia", "Via Dante", "Via Mazzini"],
    "nl": ["Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Schoolstraat"],
    "pl": ["ulica Mickiewicza", "ulica Polna", "ulica Lipowa", "ulica Kościuszki"],
    "ru": ["улица Ленина", "улица Гагарина", "проспект Мира", "улица Советская", "улица Садовая"],
    "xx": [
        "Main Road",
        "Market Street",
        "Station Road",
        "Garden Avenue",
        "Central Avenue",
        "Lake View Road",
        "Nile Street",
    ],
}
_ABBR = [
    ("Street", ["St", "St.", "Str", "street"]),
    ("Road", ["Rd", "Rd.", "road"]),
    ("Avenue", ["Ave", "Av.", "Ave."]),
    ("Drive", ["Dr", "Dr."]),
    ("Lane", ["Ln"]),
    ("straße", ["str.", "strasse", "str"]),
    ("Straße", ["Str.", "Strasse"]),
    ("rue", ["r.", "Rue"]),
    ("avenue", ["av.", "Av."]),
    ("boulevard", ["bd", "Bd."]),
    ("Calle", ["C/", "c/", "Cl."]),
    ("Avenida", ["Av.", "Avda."]),
    ("Rua", ["R.", "r."]),
    ("Via", ["V.", "via"]),
    ("ulica", ["ul.", "ul"]),
    ("улица", ["ул.", "ул"]),
    ("проспект", ["пр-т", "просп."]),
]
_STREET_LANG = {
    "en": "en",
    "de": "de",
    "fr": "fr",
    "es": "es",
    "pt": "pt",
    "it": "it",
    "nl": "nl",
    "pl": "pl",
    "ru": "ru",
    "nordic": "xx",
    "af": "en",
}


def strip_accents(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def new_address(country, rng):
    lang = _STREET_LANG.get(country.culture, "xx")
    return {
        "street": rng.choice(_STREETS[lang]),
        "number": str(rng.choices([rng.randint(1, 30), rng.randint(1, 250)], [3, 1])[0]),
        "flat": str(rng.randint(1, 40)) if rng.random() < 0.4 else "",
        "city": rng.choice(country.cities),
        "postcode": "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([4, 5, 5, 6]))),
        "country": country.code,
    }


def format_address(a, rng):
    """Members of one household write their shared address differently."""
    street = a["street"]
    if rng.random() < 0.45:
        for full, abbrs in _ABBR:
            if full in street:
                street = street.replace(full, rng.choice(abbrs))
                break
    num_first = a["country"] in ("US", "CA", "GB", "IE", "AU", "NZ", "FR", "ZA", "IN", "PH", "SG", "MY")
    line = f"{a['number']} {street}" if num_first else f"{street} {a['number']}"
    if a["flat"] and rng.random() < 0.8:
        flat = rng.choice(
            [f"Apt {a['flat']}", f"#{a['flat']}", f"Flat {a['flat']}", f"/{a['flat']}", f"app. {a['flat']}"]
        )
        line = (
            line + flat
            if flat.startswith("/")
            else (f"{flat}, {line}" if rng.random() < 0.3 else f"{line} {flat}")
        )
    parts = [line]
    city = a["city"] if rng.random() < 0.8 else strip_accents(a["city"])
    parts.append(f"{a['postcode']} {city}" if rng.random() < 0.75 else city)
    if rng.random() < 0.35:
        parts.append(rng.choice([a["country"], a["country"].lower()]))
    sep = rng.choice([", ", ", ", " ", "\n"])
    out = sep.join(parts)
    r = rng.random()
    return out.upper() if r < 0.08 else (out.lower() if r < 0.13 else out)
