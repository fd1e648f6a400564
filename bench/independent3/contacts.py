# ruff: noqa: RUF001
"""Phone numbers and how people write them; mailboxes; device ids; cards; postal addresses."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

from .countries import Country
from .textutil import fold

HEX = "0123456789abcdef"
B32 = "abcdefghijklmnopqrstuvwxyz234567"


# ------------------------------------------------------------------------------------------ phones
@dataclass(frozen=True, slots=True)
class Phone:
    country: str
    cc: str
    trunk: str
    nsn: str
    kind: str  # mobile, landline, voip, tollfree
    groups: tuple[int, ...]

    @property
    def e164(self) -> str:
        return f"+{self.cc}{self.nsn}"


def new_mobile(c: Country, rng: random.Random) -> Phone:
    p = c.mobile[rng.randrange(len(c.mobile))]
    digits = "".join(rng.choice(string.digits) for _ in range(c.nsn - len(p)))
    nsn = p + digits
    if c.cc == "1":  # NANP: the exchange cannot start with 0/1, avoid 555
        ex = str(rng.randint(2, 9)) + nsn[4:6]
        if ex == "555":
            ex = "556"
        nsn = nsn[:3] + ex + nsn[6:]
    return Phone(c.code, c.cc, c.trunk, nsn, "mobile", c.groups)


def new_landline(c: Country, rng: random.Random) -> Phone:
    p = c.land[rng.randrange(len(c.land))]
    if p.startswith("0") and c.trunk == "":  # Italy: the 0 is part of the number
        pass
    nsn = p + "".join(rng.choice(string.digits) for _ in range(max(4, c.land_nsn - len(p))))
    if c.cc == "1":
        nsn = nsn[:3] + str(rng.randint(2, 9)) + nsn[4:]
    groups = (len(p), (len(nsn) - len(p)) // 2, len(nsn) - len(p) - (len(nsn) - len(p)) // 2)
    return Phone(c.code, c.cc, c.trunk, nsn, "landline", groups)


def new_tollfree(c: Country, rng: random.Random) -> Phone:
    """A business or support line (toll-free or a national business number)."""
    if c.cc == "1":
        nsn = (
            rng.choice(["800", "888", "877", "866"])
            + str(rng.randint(200, 999))
            + f"{rng.randrange(10000):04d}"
        )
        return Phone(c.code, c.cc, "1", nsn, "tollfree", (3, 3, 4))
    head = {
        "IN": "1800",
        "GB": "800",
        "DE": "800",
        "FR": "800",
        "NG": "700",
        "PH": "2",
        "ID": "21",
        "BR": "800",
        "MX": "800",
        "ES": "900",
        "IT": "800",
    }.get(c.code, c.land[0])
    n = max(8, c.land_nsn)
    nsn = head + "".join(rng.choice(string.digits) for _ in range(n - len(head)))
    return Phone(c.code, c.cc, c.trunk, nsn, "tollfree", (len(head), 3, n - len(head) - 3))


def _group(nsn: str, groups: tuple[int, ...]) -> list[str]:
    out, i = [], 0
    for g in groups:
        if i >= len(nsn):
            break
        out.append(nsn[i : i + g])
        i += g
    if i < len(nsn):
        out[-1] += nsn[i:]
    return out


PHONE_STYLES = (
    ("e164", 14),
    ("intl_spaced", 14),
    ("national", 26),
    ("national_plain", 16),
    ("national_dash", 8),
    ("nsn_plain", 10),
    ("intl_00", 4),
    ("cc_plain", 4),
    ("intl_dash", 3),
    ("national_dots", 1),
)


def write_phone(p: Phone, style: str) -> str:
    """A phone number as a person of the number's country would type it in the given style."""
    g = _group(p.nsn, p.groups)
    tr = p.trunk
    c = p.country
    if p.cc == "1":  # North American habits
        a, b, rest = p.nsn[:3], p.nsn[3:6], p.nsn[6:]
        return {
            "e164": f"+1{p.nsn}",
            "intl_spaced": f"+1 {a}-{b}-{rest}",
            "national": f"({a}) {b}-{rest}",
            "national_plain": p.nsn,
            "national_dash": f"{a}-{b}-{rest}",
            "nsn_plain": p.nsn,
            "intl_00": f"1-{a}-{b}-{rest}",
            "cc_plain": f"1{p.nsn}",
            "intl_dash": f"+1 ({a}) {b}-{rest}",
            "national_dots": f"{a}.{b}.{rest}",
        }[style]
    if c in ("RU", "KZ") and p.kind == "mobile":
        a, b, c2, d = p.nsn[:3], p.nsn[3:6], p.nsn[6:8], p.nsn[8:]
        return {
            "e164": f"+7{p.nsn}",
            "intl_spaced": f"+7 ({a}) {b}-{c2}-{d}",
            "national": f"8 ({a}) {b}-{c2}-{d}",
            "national_plain": f"8{p.nsn}",
            "national_dash": f"8-{a}-{b}-{c2}-{d}",
            "nsn_plain": p.nsn,
            "intl_00": f"+7 {a} {b} {c2} {d}",
            "cc_plain": f"7{p.nsn}",
            "intl_dash": f"+7-{a}-{b}-{c2}-{d}",
            "national_dots": f"8{a}{b}{c2}{d}",
        }[style]
    if c == "BR" and p.kind == "mobile":
        a, b, d = p.nsn[:2], p.nsn[2:7], p.nsn[7:]
        return {
            "e164": f"+55{p.nsn}",
            "intl_spaced": f"+55 {a} {b}-{d}",
            "national": f"({a}) {b}-{d}",
            "national_plain": f"{a}{b}{d}",
            "national_dash": f"{a} {b}-{d}",
            "nsn_plain": p.nsn,
            "intl_00": f"+55 ({a}) {b}-{d}",
            "cc_plain": f"55{p.nsn}",
            "intl_dash": f"0{a}{b}{d}",
            "national_dots": f"({a}){b}{d}",
        }[style]
    if c == "AR" and p.kind == "mobile":
        ar = 2 if p.nsn.startswith("11") else 3
        a, rest = p.nsn[:ar], p.nsn[ar:]
        r1, r2 = rest[: len(rest) - 4], rest[-4:]
        return {
            "e164": f"+549{p.nsn}",
            "intl_spaced": f"+54 9 {a} {r1}-{r2}",
            "national": f"0{a} 15-{r1}-{r2}",
            "national_plain": f"0{a}15{r1}{r2}",
            "national_dash": f"15-{r1}-{r2}",
            "nsn_plain": p.nsn,
            "intl_00": f"+54 9 {a} {r1} {r2}",
            "cc_plain": f"549{p.nsn}",
            "intl_dash": f"+54{p.nsn}",
            "national_dots": f"{a} {r1}-{r2}",
        }[style]
    if c == "MX" and p.kind == "mobile":
        a, b, d = p.nsn[:2], p.nsn[2:6], p.nsn[6:]
        return {
            "e164": f"+52{p.nsn}",
            "intl_spaced": f"+52 1 {a} {b} {d}",
            "national": f"{a} {b} {d}",
            "national_plain": p.nsn,
            "national_dash": f"{a}-{b}-{d}",
            "nsn_plain": p.nsn,
            "intl_00": f"044 {a} {b} {d}",
            "cc_plain": f"521{p.nsn}",
            "intl_dash": f"+52 {a} {b} {d}",
            "national_dots": f"({a}) {b} {d}",
        }[style]
    sp = " ".join(g)
    nat_first = (tr + g[0]) if tr else g[0]
    nat = " ".join([nat_first, *g[1:]])
    if style == "e164":
        return p.e164
    if style == "intl_spaced":
        return f"+{p.cc} {sp}"
    if style == "national":
        if c == "DE" and p.kind == "mobile":
            return f"{nat_first} {''.join(g[1:])}"
        if c in ("JP", "KR", "TH", "IL", "TW") or (c == "NL" and p.kind == "mobile"):
            return "-".join([nat_first, *g[1:]])
        return nat
    if style == "national_plain":
        return tr + p.nsn
    if style == "national_dash":
        if c in ("DE", "AT", "CH"):
            return f"{nat_first}/{''.join(g[1:])}"
        return "-".join([nat_first, *g[1:]])
    if style == "nsn_plain":
        return p.nsn
    if style == "intl_00":
        return f"00{p.cc} {sp}"
    if style == "cc_plain":
        return f"{p.cc}{p.nsn}"
    if style == "intl_dash":
        if tr == "0" and c in ("GB", "DE", "FR", "NL", "BE", "IT", "CH", "AT", "AU", "NZ", "IE", "ZA"):
            return f"+{p.cc} (0){sp}"
        return f"+{p.cc}-{'-'.join(g)}"
    if style == "national_dots":
        return ".".join([nat_first, *g[1:]])
    return p.e164


def mangle_phone(s: str, rng: random.Random) -> str:
    """A mistyped number: a digit dropped or doubled, the letter O for zero, two digits swapped."""
    digits = [i for i, ch in enumerate(s) if ch.isdigit()]
    if len(digits) < 6:
        return s
    k = rng.randrange(4)
    i = digits[rng.randrange(len(digits) // 2, len(digits))]
    if k == 0:
        return s[:i] + s[i + 1 :]
    if k == 1:
        return s[:i] + s[i] + s[i:]
    if k == 2 and "0" in s[1:]:
        j = s.index("0", 1)
        return s[:j] + "O" + s[j + 1 :]
    j = digits[-1]
    jj = digits[-2]
    return s[:jj] + s[j] + s[jj + 1 : j] + s[jj] + s[j + 1 :]


# --------------------------------------------------------------------------------------- mailboxes
@dataclass(slots=True)
class Mailbox:
    local: str
    domain: str
    kind: str  # personal, old, work, school, family, role, disposable, private, isp
    created: float = 0.0  # epoch seconds

    @property
    def addr(self) -> str:
        return f"{self.local}@{self.domain}"


def canonical_mail(addr: str) -> str:
    local, _, dom = addr.lower().partition("@")
    if dom in ("gmail.com", "googlemail.com"):
        local = local.split("+", 1)[0].replace(".", "")
        dom = "gmail.com"
    return f"{local}@{dom}"


def name_bits(given: str, sur: str) -> tuple[str, str]:
    def clean(s: str) -> str:
        s = fold(s).lower()
        return "".join(ch for ch in s if ch.isalnum())

    return clean(given), clean(sur)


def local_from_name(given: str, sur: str, year: int, rng: random.Random) -> str:
    g, s = name_bits(given, sur)
    if not g:
        g = "user"
    yy = f"{year % 100:02d}"
    n2 = str(rng.randint(1, 99))
    pats = [
        (f"{g}.{s}", 18),
        (f"{g}{s}", 14),
        (f"{g}_{s}", 5),
        (f"{g[:1]}{s}", 9),
        (f"{g}.{s}{n2}", 6),
        (f"{g}{s}{yy}", 8),
        (f"{s}.{g}", 4),
        (f"{g}{year}", 6),
        (f"{s}{g[:1]}", 3),
        (f"{g}{n2}", 6),
        (f"{g}.{s}.{rng.randint(100, 999)}", 2),
        (f"{s}{g}", 3),
        (f"{g}{s[:1]}{yy}", 3),
    ]
    if not s:
        pats = [(f"{g}{yy}", 5), (f"{g}{year}", 5), (f"{g}.{n2}", 2), (f"{g}{n2}{n2}", 2)]
    total = sum(w for _, w in pats)
    x = rng.random() * total
    for p, w in pats:
        x -= w
        if x < 0:
            return p.strip("._")
    return pats[0][0]


def write_mail(mb: Mailbox, habit: str, rng: random.Random, tag: str = "") -> str:
    """How a person types their address into a form."""
    local, dom = mb.local, mb.domain
    if dom == "gmail.com":
        if habit == "dots" and rng.random() < 0.5:
            local = local.replace(".", "") if "." in local else _insert_dot(local, rng)
        if rng.random() < 0.012:
            dom = "googlemail.com"
        if tag and habit == "tags":
            local = f"{local}+{tag}"
    elif (
        tag
        and habit == "tags"
        and dom in ("outlook.com", "hotmail.com", "icloud.com", "proton.me", "yahoo.com")
    ):
        local = f"{local}+{tag}" if dom != "yahoo.com" else local
    addr = f"{local}@{dom}"
    r = rng.random()
    if habit == "cap" or r < 0.03:
        addr = addr[:1].upper() + addr[1:]
    elif r < 0.04:
        addr = addr.upper()
    elif r < 0.055:
        addr = f"{local}@{dom[:1].upper()}{dom[1:]}"
    elif r < 0.065 and "." in local:
        addr = ".".join(x.capitalize() for x in local.split(".")) + "@" + dom
    return addr


def _insert_dot(local: str, rng: random.Random) -> str:
    letters = [i for i in range(2, len(local) - 1) if local[i - 1].isalpha() and local[i].isalpha()]
    if not letters:
        return local
    i = letters[rng.randrange(len(letters))]
    return local[:i] + "." + local[i:]


MAIL_TYPOS = {
    "gmail.com": ["gmial.com", "gmail.co", "gmai.com", "gamil.com", "gmail.con"],
    "hotmail.com": ["hotmial.com", "hotmail.co", "hotmal.com"],
    "yahoo.com": ["yaho.com", "yahoo.co"],
    "outlook.com": ["outlok.com"],
    "icloud.com": ["iclould.com", "icoud.com"],
}

DISPOSABLE = (
    "mailinator.com",
    "guerrillamail.com",
    "yopmail.com",
    "10minutemail.com",
    "temp-mail.org",
    "sharklasers.com",
    "trashmail.com",
    "maildrop.cc",
    "dispostable.com",
    "getnada.com",
)
PRIVATE = (("proton.me", 5), ("protonmail.com", 3), ("tutanota.com", 1), ("tuta.io", 1), ("pm.me", 1))


def random_local(rng: random.Random, n: int | None = None) -> str:
    n = n or rng.randint(7, 12)
    chars = string.ascii_lowercase + string.digits
    s = "".join(rng.choice(chars) for _ in range(n))
    return rng.choice(string.ascii_lowercase) + s[1:]


# ----------------------------------------------------------------------------------------- devices
def android_id(rng: random.Random) -> str:
    return "".join(rng.choice(HEX) for _ in range(16))


def uuid_like(rng: random.Random, upper: bool) -> str:
    h = "".join(rng.choice(HEX) for _ in range(32))
    h = h[:12] + "4" + h[13:16] + rng.choice("89ab") + h[17:]
    s = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    return s.upper() if upper else s


def web_id(rng: random.Random) -> str:
    return "".join(rng.choice(B32) for _ in range(26))


def new_device(kind: str, rng: random.Random) -> str:
    if kind == "android":
        return android_id(rng)
    if kind == "ios":
        return uuid_like(rng, True)
    if kind == "gaid":
        return uuid_like(rng, False)
    return web_id(rng)


# ------------------------------------------------------------------------------------------- cards
BRANDS = (("4", 55, "visa"), ("5", 35, "mastercard"), ("37", 6, "amex"), ("6", 4, "discover"))


def new_card(rng: random.Random) -> tuple[str, str, str]:
    """(bin, last4, expiry) of a payment card."""
    x = rng.random() * 100
    prefix = "4"
    for p, w, _ in BRANDS:
        x -= w
        if x < 0:
            prefix = p
            break
    bin6 = prefix + "".join(rng.choice(string.digits) for _ in range(6 - len(prefix)))
    last4 = f"{rng.randrange(10000):04d}"
    exp = f"{rng.randint(1, 12):02d}/{rng.randint(25, 30)}"
    return bin6, last4, exp


def write_card(card: tuple[str, str, str], style: int) -> str:
    bin6, last4, exp = card
    if style == 0:
        return f"{bin6}******{last4}"
    if style == 1:
        brand = "VISA" if bin6.startswith("4") else "MC" if bin6.startswith("5") else "AMEX"
        return f"{brand} ****{last4} exp {exp}"
    return f"{bin6}XXXXXX{last4}"


# ---------------------------------------------------------------------------------------- addresses
STREETS = {
    "en": (
        "Main",
        "Oak",
        "Maple",
        "Church",
        "High",
        "Park",
        "Station",
        "Victoria",
        "King",
        "Queen",
        "Mill",
        "Elm",
        "Cedar",
        "Lake",
        "Hill",
        "Washington",
        "Pine",
        "Grove",
        "Manor",
        "Springfield",
        "Albert",
        "George",
    ),
    "es": (
        "Mayor",
        "Real",
        "del Sol",
        "de la Luna",
        "de Alcalá",
        "Libertad",
        "Hidalgo",
        "Juárez",
        "Reforma",
        "San Martín",
        "Bolívar",
        "Independencia",
        "Morelos",
        "de la Paz",
        "Constitución",
        "Colón",
    ),
    "pt": (
        "das Flores",
        "Augusta",
        "Sete de Setembro",
        "XV de Novembro",
        "Direita",
        "São João",
        "do Comércio",
        "Brasil",
        "da Liberdade",
        "Santos Dumont",
        "Tiradentes",
        "da Paz",
    ),
    "fr": (
        "de la République",
        "Victor Hugo",
        "Jean Jaurès",
        "de la Gare",
        "Pasteur",
        "des Lilas",
        "du Moulin",
        "de l'Église",
        "Gambetta",
        "Nationale",
        "Mohammed V",
        "Hassan II",
    ),
    "de": (
        "Haupt",
        "Bahnhof",
        "Schul",
        "Garten",
        "Kirch",
        "Berg",
        "Dorf",
        "Linden",
        "Goethe",
        "Schiller",
        "Wald",
        "Ring",
        "Rosen",
        "Birken",
        "Mühlen",
    ),
    "it": (
        "Roma",
        "Garibaldi",
        "Mazzini",
        "Dante",
        "Verdi",
        "Cavour",
        "Vittorio Emanuele",
        "Marconi",
        "XX Settembre",
        "Matteotti",
        "Gramsci",
    ),
    "pl": (
        "Mickiewicza",
        "Kościuszki",
        "Słowackiego",
        "Długa",
        "Polna",
        "Leśna",
        "Szkolna",
        "Kwiatowa",
        "Piłsudskiego",
        "Sienkiewicza",
    ),
    "cz": ("Nádražní", "Husova", "Masarykova", "Školní", "Palackého", "Komenského", "Zahradní", "Lidická"),
    "hu": ("Kossuth Lajos", "Petőfi Sándor", "Rákóczi", "Ady Endre", "Széchenyi", "Fő", "Dózsa György"),
    "ro": ("Mihai Eminescu", "Unirii", "Libertății", "Victoriei", "Republicii", "Independenței"),
    "ru": (
        "Ленина",
        "Советская",
        "Мира",
        "Гагарина",
        "Садовая",
        "Молодёжная",
        "Центральная",
        "Пушкина",
        "Шевченка",
        "Лесная",
        "Школьная",
    ),
    "bg": ("Витоша", "Васил Левски", "Христо Ботев", "Граф Игнатиев", "Цар Симеон"),
    "rs": ("Краља Милана", "Његошева", "Булевар ослобођења", "Карађорђева"),
    "gr": ("Ερμού", "Πανεπιστημίου", "Αθηνάς", "Εγνατίας", "Τσιμισκή"),
    "tr": ("Cumhuriyet", "Atatürk", "İstiklal", "Gül", "Lale", "Menekşe", "Barış", "Fatih"),
    "ar": (
        "King Fahd",
        "Al Wasl",
        "Sheikh Zayed",
        "Tahrir",
        "Al Nahda",
        "Al Olaya",
        "Prince Sultan",
        "Al Rashid",
    ),
    "in": (
        "MG Road",
        "Station Road",
        "Nehru Nagar",
        "Gandhi Nagar",
        "Main Road",
        "Anna Salai",
        "Park Street",
        "Link Road",
        "Civil Lines",
        "Shastri Nagar",
    ),
    "generic": ("Market", "Station", "Independence", "Airport", "Unity", "Liberty", "Garden", "River"),
    "lt": ("Gedimino", "Laisvės", "Vilniaus", "Savanorių", "Taikos"),
    "hr": ("Ilica", "Vukovarska", "Savska", "Zagrebačka", "Radnička"),
    "nl": (
        "Kerkstraat",
        "Dorpsstraat",
        "Molenweg",
        "Schoolstraat",
        "Stationsweg",
        "Wilhelminalaan",
        "Julianastraat",
    ),
}
JP_AREAS = ("神宮前", "本町", "中央", "栄", "天神", "駅前", "緑町")
CN_ROADS = ("建国路", "人民路", "解放路", "中山路", "和平路", "长江路", "南京路")
CN_DISTRICTS = ("朝阳区", "海淀区", "浦东新区", "天河区", "南山区", "武侯区", "西湖区")
KR_ROADS = ("테헤란로", "세종대로", "해운대로", "중앙로", "한강대로")
KR_DISTRICTS = ("강남구", "종로구", "해운대구", "중구", "마포구")
TH_ROADS = ("ถนนสุขุมวิท", "ถนนพหลโยธิน", "ถนนเพชรบุรี", "ถนนรัชดาภิเษก")
LANG_OF_ADDR = {
    "us": "en",
    "ca": "en",
    "gb": "en",
    "ie": "en",
    "au": "en",
    "ng": "en",
    "ke": "en",
    "za": "en",
    "ph": "en",
    "sg": "en",
    "hk": "en",
    "my": "generic",
    "lk": "en",
    "pk": "in",
    "bd": "in",
    "np": "in",
    "in": "in",
    "mx": "es",
    "latam": "es",
    "es": "es",
    "br": "pt",
    "pt": "pt",
    "fr": "fr",
    "de": "de",
    "it": "it",
    "pl": "pl",
    "cz": "cz",
    "hu": "hu",
    "ro": "ro",
    "ru": "ru",
    "bg": "bg",
    "rs": "rs",
    "gr": "gr",
    "tr": "tr",
    "ar": "ar",
    "il": "en",
    "et": "generic",
    "id": "generic",
    "vn": "generic",
    "th": "generic",
    "lt": "lt",
    "hr": "hr",
    "jp": "generic",
    "kr": "generic",
    "cn": "generic",
    "tw": "generic",
}


def postcode(pattern: str, rng: random.Random) -> str:
    if pattern == "-":
        return ""
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(rng.choice(string.digits))
        elif ch == "A":
            out.append(rng.choice("ABDEFGHJLNPQRSTUWXYZ"))
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Address:
    """A dwelling; `write` renders it the way one particular person types it."""

    style: str
    country: str
    city: str
    region: str
    postcode: str
    street: str
    number: str
    unit: str
    lang: str

    def write(self, rng: random.Random, variant: int) -> str:
        s, n, u, city, reg, pc = self.street, self.number, self.unit, self.city, self.region, self.postcode
        st = self.style
        abbreviate = variant % 2 == 1
        caps = variant % 7 == 6
        no_pc = variant % 5 == 4
        out = ""
        if st in ("us", "ca", "au"):
            kinds = ("Street", "St") if not abbreviate else ("St", "St.")
            k = kinds[variant % 2]
            if s in ("Washington", "Main", "Park"):
                k = ("Avenue", "Ave")[variant % 2] if s != "Main" else k
            apt = ""
            if u:
                apt = (f", Apt {u}", f" #{u}", f" Unit {u}", f", Apt. {u}")[variant % 4]
            if st == "au" and u:
                out = f"{u}/{n} {s} {k}, {city} {reg} {pc}"
            else:
                out = f"{n} {s} {k}{apt}, {city}, {reg} {pc}"
        elif st in ("gb", "ie"):
            k = ("Road", "Rd", "Street", "Lane")[(len(s) + (1 if abbreviate else 0)) % 4]
            flat = f"Flat {u}, " if u else ""
            if u and abbreviate:
                flat = f"{u} "
            out = f"{flat}{n} {s} {k}, {city} {pc}"
        elif st == "de":
            if self.lang == "nl":
                out = f"{s} {n}{u}, {pc} {city}"
            else:
                k = "str." if abbreviate else ("straße" if variant % 4 else "strasse")
                out = f"{s}{k} {n}, {pc} {city}"
        elif st == "fr":
            k = "rue" if not abbreviate else "Rue"
            out = f"{n} {k} {s}, {pc} {city}"
            if u:
                out = f"Apt {u}, " + out if variant % 3 == 0 else out
        elif st in ("es", "latam", "mx"):
            k = (
                ("Calle", "C/", "Av.", "Avenida")[variant % 4]
                if st == "es"
                else ("Calle", "Av.", "Avenida")[variant % 3]
            )
            floor = f", {u}" if u and st == "es" else (f" Depto {u}" if u else "")
            if st == "mx":
                out = f"{k} {s} {n}{floor}, Col. Centro, {pc} {city}, {reg}"
            elif st == "latam":
                out = f"{k} {s} {n}{floor}, {city}"
            else:
                out = f"{k} {s} {n}{floor}, {pc} {city}"
        elif st in ("br", "pt"):
            k = ("Rua", "R.", "Av.")[variant % 3]
            apto = f", Apto {u}" if u else ""
            if st == "br":
                out = f"{k} {s}, {n}{apto} - Centro, {city} - {reg}, {pc}"
            else:
                out = f"{k} {s}, {n}{(' ' + u) if u else ''}, {pc} {city}"
        elif st == "it":
            k = ("Via", "V.", "Viale")[variant % 3]
            out = f"{k} {s}, {n}, {pc} {city} ({reg})"
        elif st in ("pl", "cz", "hr", "lt"):
            k = "ul. " if st == "pl" else ""
            out = f"{k}{s} {n}{('/' + u) if u else ''}, {pc} {city}"
        elif st == "hu":
            out = f"{pc} {city}, {s} utca {n}.{(' ' + u) if u else ''}"
        elif st == "ro":
            out = f"Str. {s} nr. {n}{(', ap. ' + u) if u else ''}, {city} {pc}"
        elif st in ("ru", "bg", "rs"):
            if variant % 3 == 2:
                out = f"{fold_cyr(city)}, ul. {fold_cyr(s)} {n}{('-' + u) if u else ''}"
            else:
                out = f"{pc}, {city}, ул. {s}, д. {n}{(', кв. ' + u) if u else ''}"
        elif st == "gr":
            out = f"{s} {n}, {city} {pc}"
        elif st == "tr":
            k = ("Cad.", "Caddesi", "Sok.")[variant % 3]
            out = f"{s} {k} No:{n}{(' D:' + u) if u else ''}, {pc} {city}"
        elif st == "ar":
            house = f"Villa {n}" if not u else f"Building {n}, Apt {u}"
            out = f"{house}, {s} {'St' if abbreviate else 'Road'}, {reg}"
        elif st in ("in", "pk", "bd", "np", "lk"):
            flat = f"Flat {u}, " if u else f"House No. {n}, "
            out = f"{flat}{s}, {city} - {pc}" if pc else f"{flat}{s}, {city}"
        elif st == "jp":
            if variant % 3 == 2:
                out = f"{n}-{u or '1'} {reg}, {pc}"
            else:
                out = f"〒{pc} {city}{JP_AREAS[len(s) % len(JP_AREAS)]}{n}-{u or '1'}"
        elif st in ("cn", "tw"):
            out = f"{city}{CN_DISTRICTS[len(s) % len(CN_DISTRICTS)]}{CN_ROADS[len(s) % len(CN_ROADS)]}{n}号"
            if u:
                out += f"{u}室"
        elif st == "kr":
            out = f"{city} {KR_DISTRICTS[len(s) % len(KR_DISTRICTS)]} {KR_ROADS[len(s) % len(KR_ROADS)]} {n}"
        elif st == "th":
            out = f"{n} {TH_ROADS[len(s) % len(TH_ROADS)]} {city} {pc}"
        else:
            out = f"{n} {s} Street, {city}"
        if no_pc and pc:
            out = out.replace(f" {pc}", "").replace(f"{pc} ", "").replace(f", {pc}", "")
        if caps:
            out = out.upper()
        return out.strip().strip(",")


def fold_cyr(s: str) -> str:
    from .textutil import translit

    return translit(s, "ru")


def new_address(c: Country, city: tuple[str, str, str], rng: random.Random, flat: bool) -> Address:
    lang = LANG_OF_ADDR.get(c.addr, "generic")
    if c.code in ("NL", "BE") and rng.random() < 0.7:
        lang = "nl"
    streets = STREETS.get(lang, STREETS["generic"])
    street = streets[rng.randrange(len(streets))]
    number = str(rng.choice([rng.randint(1, 40), rng.randint(1, 200), rng.randint(100, 9999)]))
    if c.addr not in ("us", "ca", "au"):
        number = str(rng.randint(1, 180))
    unit = ""
    if flat:
        unit = (
            str(rng.randint(1, 40))
            if c.addr not in ("us", "ca")
            else rng.choice(["1A", "2B", "3C", "4", "12", "205"])
        )
    return Address(c.addr, c.code, city[0], city[1], postcode(city[2], rng), street, number, unit, lang)
