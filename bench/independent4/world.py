"""The population: households, persons and the identifiers each person owns over time.

Times are integer seconds since the epoch (UTC). REF is the disclosure date; the platform's
records go back to T0, IP events to W0 (two years).
"""

import bisect
import calendar
import datetime as dt
import string

from . import geo, names

REF = calendar.timegm((2026, 11, 20, 0, 0, 0))
DAY = 86400
YEAR = 365 * DAY
T0 = REF - 9 * YEAR
W0 = REF - 730 * DAY

HOUSEHOLD_KINDS = [
    ("single", 30),
    ("couple", 20),
    ("family", 27),
    ("single_parent", 6),
    ("flatmates", 8),
    ("multigen", 9),
]
DISPOSABLE = [
    "mailinator.com",
    "guerrillamail.com",
    "10minutemail.com",
    "yopmail.com",
    "temp-mail.org",
    "sharklasers.com",
    "trashmail.com",
    "dispostable.com",
    "maildrop.cc",
    "getnada.com",
    "throwawaymail.com",
    "spamgourmet.com",
]
PRIVATE_MAIL = ["proton.me", "protonmail.com", "tutanota.com", "cock.li"]
GLOBAL_MAIL = [
    ("gmail.com", 55),
    ("yahoo.com", 9),
    ("hotmail.com", 10),
    ("outlook.com", 7),
    ("icloud.com", 5),
    ("aol.com", 1),
]
LOCAL_MAIL = {
    "DE": ["web.de", "gmx.de", "t-online.de", "gmx.net"],
    "FR": ["orange.fr", "free.fr", "laposte.net", "sfr.fr"],
    "RU": ["mail.ru", "yandex.ru", "rambler.ru", "bk.ru"],
    "UA": ["ukr.net", "i.ua", "mail.ru"],
    "BY": ["mail.ru", "tut.by"],
    "KZ": ["mail.ru", "yandex.kz"],
    "CN": ["qq.com", "163.com", "126.com", "sina.com"],
    "JP": ["yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp"],
    "KR": ["naver.com", "daum.net", "hanmail.net"],
    "IN": ["rediffmail.com", "yahoo.co.in"],
    "BR": ["uol.com.br", "bol.com.br", "hotmail.com.br"],
    "IT": ["libero.it", "virgilio.it", "alice.it"],
    "PL": ["wp.pl", "o2.pl", "onet.pl", "interia.pl"],
    "CZ": ["seznam.cz", "email.cz"],
    "GB": ["btinternet.com", "sky.com", "yahoo.co.uk"],
    "NL": ["ziggo.nl", "kpnmail.nl"],
    "ES": ["hotmail.es", "yahoo.es"],
    "AT": ["gmx.at", "aon.at"],
    "CH": ["bluewin.ch", "gmx.ch"],
    "TW": ["yahoo.com.tw"],
    "HK": ["yahoo.com.hk", "netvigator.com"],
    "AU": ["bigpond.com", "optusnet.com.au"],
    "TR": ["hotmail.com.tr", "yandex.com.tr"],
    "HU": ["freemail.hu", "citromail.hu"],
    "FI": ["luukku.com"],
    "SE": ["telia.com"],
    "AR": ["hotmail.com.ar", "yahoo.com.ar"],
    "MX": ["prodigy.net.mx"],
    "VN": ["yahoo.com.vn"],
}
WORDS = [
    "shadow",
    "wolf",
    "night",
    "blue",
    "dark",
    "sky",
    "lucky",
    "king",
    "angel",
    "storm",
    "silent",
    "ghost",
    "tiger",
    "moon",
    "fire",
    "ice",
    "star",
    "red",
    "happy",
    "crazy",
    "cool",
    "pixel",
    "ninja",
    "dragon",
    "alpha",
    "zero",
    "lone",
    "rider",
    "lost",
    "sweet",
]
B36 = string.digits + string.ascii_lowercase


def ascii_slug(s):
    s = geo.strip_accents(s).lower()
    return "".join(ch for ch in s if ch in string.ascii_lowercase)


def ts_date(t):
    return dt.datetime.fromtimestamp(t, dt.UTC).date()


class Timeline:
    """Values valid from successive start times."""

    def __init__(self):
        self.starts, self.values = [], []

    def add(self, start, value):
        self.starts.append(start)
        self.values.append(value)

    def at(self, t):
        i = bisect.bisect_right(self.starts, t) - 1
        return self.values[max(i, 0)] if self.values else None


class Household:
    def __init__(self, hid, kind, country, culture_country):
        self.hid, self.kind, self.country, self.cc = hid, kind, country, culture_country
        self.members = []
        self.address = None
        self.isp = None
        self.ipv4 = Timeline()
        self.v6 = None
        self.landline = self.tablet = self.family_mail = None
        self.moved_at, self.old_isp, self.old_ipv4 = None, None, Timeline()


class Person:
    def __init__(self, pid, hh, role, gender, birth, culture_country):
        self.pid, self.hh, self.role, self.gender = pid, hh, role, gender
        self.birth = birth  # (y, m, d)
        self.origin = culture_country
        self.culture = culture_country.culture
        self.given = None
        self.surnames, self.maiden, self.married_at = [], None, None
        self.n_accounts, self.evasive, self.heavy = 0, False, False
        self.mailboxes, self.phones, self.devices, self.laptop, self.cards = [], [], Timeline(), None, []
        self.handles, self.work, self.school, self.cafe, self.shop_phone = [], None, None, None, None
        self.trips, self.vpn_p, self.platform = [], 0.0, "android"

    def age(self, t=REF):
        d = ts_date(t)
        y, m, dd = self.birth
        return d.year - y - ((d.month, d.day) < (m, dd))

    def birth_ts(self):
        return calendar.timegm((self.birth[0], self.birth[1], self.birth[2], 0, 0, 0))


class World:
    def __init__(self, rng, n_accounts):
        self.rng = rng
        self.households, self.persons = [], []
        self.recycle = {}  # country code -> [(cc, nsn, trunk, released_at)]
        self.recycled = []  # (value nsn, old pid, new pid)
        self.workplaces, self.schools, self.cafes = {}, {}, {}
        self.shops = {}
        self.used_mail = set()
        self._build(n_accounts)

    # ------------------------------------------------------------- helpers
    def hexid(self, n, upper=False):
        s = "".join("0123456789abcdef"[self.rng.getrandbits(4)] for _ in range(n))
        return s.upper() if upper else s

    def uuid(self, upper=False):
        h = self.hexid(32)
        u = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[self.rng.getrandbits(2)]}{h[17:20]}-{h[20:]}"
        return u.upper() if upper else u

    def device_id(self, platform):
        if platform == "ios":
            return self.uuid(upper=True)
        if platform == "android":
            return self.hexid(16) if self.rng.random() < 0.55 else self.uuid()
        return "web-" + self.hexid(24)

    def crp(self, table, key, new_p, make):
        """Chinese-restaurant draw: shared places (workplaces, cafés) get many unrelated people."""
        lst = table.setdefault(key, [])
        if not lst or self.rng.random() < new_p:
            lst.append(make())
        return self.rng.choice(lst)

    def home_timeline(self, isp, tl, start, end):
        rng, t = self.rng, start
        static = rng.random() < 0.3
        while t < end:
            tl.add(t, isp.ipv4(rng))
            if static:
                break
            t += int(rng.expovariate(1 / (110 * DAY))) + DAY

    # ------------------------------------------------------------- building
    def _build(self, n_accounts):
        _rng, total = self.rng, 0
        while total < n_accounts:
            for p in self._household():
                k = self._n_accounts(p)
                k = min(k, n_accounts - total)
                if k <= 0:
                    continue
                p.n_accounts = k
                total += k
                self._identity(p)
                self.persons.append(p)
        for i, p in enumerate(self.persons):
            p.pid = f"P{i + 1:05d}"
        self.households = [h for h in self.households if any(m.n_accounts for m in h.members)]

    def _n_accounts(self, p):
        r = self.rng.random()
        if r < 0.005:
            p.heavy = True
            return self.rng.randint(20, 50)
        if r < 0.73:
            return 1
        return self.rng.choices(range(2, 11), weights=[48, 22, 12, 7, 4, 3, 2, 1, 1])[0]

    def _birth(self, lo, hi):
        y = ts_date(REF).year - self.rng.randint(lo, hi)
        return (y, self.rng.randint(1, 12), self.rng.randint(1, 28))

    def _household(self):
        rng = self.rng
        kind = rng.choices([k for k, _ in HOUSEHOLD_KINDS], weights=[w for _, w in HOUSEHOLD_KINDS])[0]
        country = geo.pick_country(rng)
        origin = country if rng.random() < 0.87 else geo.pick_country(rng)
        hh = Household(f"H{len(self.households) + 1:05d}", kind, country, origin)
        self.households.append(hh)
        hh.address = geo.new_address(country, rng)
        hh.isp = rng.choice(country.home_isps)
        if origin is not country and rng.random() < 0.3:  # moved within the IP window
            hh.moved_at = rng.randint(W0 + 30 * DAY, REF - 60 * DAY)
            hh.old_isp = rng.choice(origin.home_isps)
            self.home_timeline(hh.old_isp, hh.old_ipv4, W0 - 60 * DAY, hh.moved_at)
        self.home_timeline(hh.isp, hh.ipv4, (hh.moved_at or W0 - 60 * DAY), REF)
        hh.v6 = hh.isp.ipv6_64(rng) if rng.random() < hh.isp.v6_share * 2 else None
        hh.home_cgnat = rng.random() < 0.1  # home line behind the ISP's carrier-grade NAT
        surname = names.draw_surname(origin.culture, rng)
        members = []

        def add(role, gender, lo, hi, sname=surname, cult=origin):
            p = Person(None, hh, role, gender, self._birth(lo, hi), cult)
            p.given = names.draw_given(p.culture, gender, rng)
            p.surnames = [sname if p.culture == origin.culture else names.draw_surname(p.culture, rng)]
            if gender == "F" and p.culture == "ru":
                p.surnames = [names.feminine(p.surnames[0])]
            if p.culture in names.TWO_SURNAMES:
                p.surnames.append(names.draw_surname(p.culture, rng))
            members.append(p)
            return p

        g = rng.choice("MF")
        if kind == "single":
            add("adult", g, 18, 75, names.draw_surname(origin.culture, rng))
        elif kind == "flatmates":
            for _ in range(rng.randint(2, 5)):
                cult = origin if rng.random() < 0.6 else geo.pick_country(rng)
                add("flatmate", rng.choice("MF"), 18, 38, names.draw_surname(cult.culture, rng), cult)
        else:
            grand = kind == "multigen"
            if grand:
                add("grandparent", "M", 58, 88)
                add("grandparent", "F", 55, 85, names.draw_surname(origin.culture, rng))
            a = add("adult", "M", 22, 60 if not grand else 50)
            if kind != "single_parent":
                aa = a.age()
                b = add(
                    "adult",
                    "F",
                    max(20, aa - 8),
                    max(21, min(aa + 5, 58 if not grand else 48)),
                    names.draw_surname(origin.culture, rng),
                )
                if origin.culture in names.MARRIED_NAME_CULTURES and rng.random() < 0.75:
                    b.maiden = list(b.surnames)
                    taken = names.feminine(a.surnames[0]) if b.culture == "ru" else a.surnames[0]
                    b.surnames = [taken, *b.surnames[1:]]
                    b.married_at = rng.randint(T0 - 5 * YEAR, REF - 30 * DAY)
            else:
                members.pop()
                add("adult", g, 22, 55, surname)
            if kind in ("family", "single_parent", "multigen"):
                parent_age = min(m.age() for m in members if m.role == "adult")
                n = rng.choices([1, 2, 3, 4], weights=[40, 38, 16, 6])[0]
                for _ in range(n):
                    k = add("child", rng.choice("MF"), 0, max(0, min(25, parent_age - 18)))
                    if rng.random() < 0.04:  # twins: same birthday, same surname
                        t = add("child", rng.choice("MF"), 0, 0)
                        t.birth = k.birth
        hh.members = members
        if len(members) > 1 and rng.random() < 0.35:
            hh.tablet = self.device_id(rng.choice(["ios", "android"]))
        if rng.random() < 0.2:
            hh.landline = (country.cc, geo.new_landline(country, rng), country.trunk)
        if len(members) > 1 and rng.random() < 0.15:
            hh.family_mail = (
                ascii_slug(surname.latin(rng))
                + rng.choice(["family", "fam", "home", "s"])
                + str(rng.randint(1, 99)),
                self._domain(country),
            )
        # who holds accounts in the referred group
        eligible = [m for m in members if m.age() >= 13]
        primary = rng.choice([m for m in eligible if m.role != "child"] or eligible)
        out = [primary] + [
            m for m in eligible if m is not primary and rng.random() < (0.3 if m.role == "child" else 0.4)
        ]
        return out

    def _domain(self, country):
        if country.code in LOCAL_MAIL and self.rng.random() < 0.35:
            return self.rng.choice(LOCAL_MAIL[country.code])
        return self.rng.choices([d for d, _ in GLOBAL_MAIL], weights=[w for _, w in GLOBAL_MAIL])[0]

    def _local(self, p):
        rng = self.rng
        g = ascii_slug(p.given.latin(rng)) or rng.choice(WORDS)
        s = ascii_slug(p.surnames[0].latin(rng)) or rng.choice(WORDS)
        y = str(p.birth[0])
        return rng.choice(
            [
                f"{g}.{s}",
                f"{g}{s}",
                f"{g[0]}{s}",
                f"{g}{s}{y[2:]}",
                f"{g}_{s}",
                f"{s}.{g}",
                f"{g}{y}",
                f"{rng.choice(WORDS)}{g}",
                f"{g}.{s}{rng.randint(1, 999)}",
                f"{rng.choice(WORDS)}_{rng.choice(WORDS)}{rng.randint(1, 99)}",
            ]
        )

    def new_mailbox(self, p, domain=None):
        dom = domain or self._domain(p.hh.country if self.rng.random() < 0.8 else p.origin)
        local = str(self.rng.randint(10000000, 3999999999)) if dom == "qq.com" else self._local(p)
        while (local, dom) in self.used_mail:
            local += str(self.rng.randint(0, 9))
        self.used_mail.add((local, dom))
        return (local, dom)

    def _phone(self, p, country, start):
        rng = self.rng
        pool = self.recycle.get(country.code)
        if pool and rng.random() < 0.008:
            i = rng.randrange(len(pool))
            cc, nsn, trunk, released, old = pool[i]
            if released < REF - 200 * DAY and old.hh is not p.hh:
                pool.pop(i)
                self.recycled.append((f"+{cc}{nsn}", old, p))
                return (cc, nsn, trunk, max(start, released + rng.randint(60, 180) * DAY))
        return (country.cc, geo.new_mobile(country, rng), country.trunk, start)

    def _identity(self, p):
        rng = self.rng
        country = p.hh.country
        adult_from = max(T0, p.birth_ts() + 12 * YEAR)
        p.evasive = (p.heavy and rng.random() < 0.8) or rng.random() < 0.1
        p.platform = (
            "ios"
            if rng.random()
            < (0.55 if country.code in ("US", "GB", "JP", "AU", "CA", "NZ", "DK", "NO", "SE", "CH") else 0.2)
            else "android"
        )
        # mailboxes: (local, domain, start)
        n = rng.choices([1, 2, 3], weights=[55, 33, 12])[0]
        starts = sorted(rng.randint(adult_from, REF - 30 * DAY) for _ in range(n))
        starts[0] = adult_from
        p.mailboxes = [(*self.new_mailbox(p), s) for s in starts]
        if p.evasive and rng.random() < 0.5:
            p.mailboxes.append(
                (*self.new_mailbox(p, rng.choice(PRIVATE_MAIL)), rng.randint(adult_from, REF - 10 * DAY))
            )
        # phones: (cc, nsn, trunk, start, end)
        if rng.random() < 0.3 and REF - adult_from > 2 * YEAR:
            change = rng.randint(adult_from + YEAR, REF - 60 * DAY)
            old = self._phone(p, country if not p.hh.moved_at else p.origin, adult_from)
            p.phones.append((*old[:3], old[3], change))
            self.recycle.setdefault((country if not p.hh.moved_at else p.origin).code, []).append(
                (*old[:3], change, p)
            )
            new = self._phone(p, country, change)
        else:
            new = self._phone(p, country, adult_from)
        p.phones.append((*new, None))
        if p.origin is not country and rng.random() < 0.5:  # migrants keep a home-country number
            p.phones.append((p.origin.cc, geo.new_mobile(p.origin, rng), p.origin.trunk, adult_from, None))
        # devices: a new phone every ~2.5 years
        t = adult_from
        while t < REF:
            if rng.random() < 0.15:
                p.platform = "ios" if p.platform == "android" else "android"
            p.devices.add(t, self.device_id(p.platform))
            t += int(rng.uniform(1.2, 3.8) * YEAR)
        if rng.random() < 0.45:
            p.laptop = self.device_id("web")
        # payment cards (children use a parent's card)
        if p.role == "child" and p.age() < 18:
            parents = [m for m in p.hh.members if m.role == "adult" and m.cards]
            p.cards = [parents[0].cards[0]] if parents else []
        else:
            p.cards = [
                "fp_" + "".join(rng.choice(B36) for _ in range(16))
                for _ in range(rng.choices([0, 1, 2], [30, 55, 15])[0])
            ]
        # handle stems
        g = ascii_slug(p.given.latin(rng)) or rng.choice(WORDS)
        s = ascii_slug(p.surnames[0].latin(rng)) or rng.choice(WORDS)
        p.handles = [
            rng.choice(
                [
                    f"{g}{s}",
                    f"{g}_{s}",
                    f"{g}.{s}",
                    f"{g[0]}{s}",
                    f"{g}{str(p.birth[0])[2:]}",
                    f"{rng.choice(WORDS)}{g}",
                    f"{rng.choice(WORDS)}_{rng.choice(WORDS)}",
                    f"{g}{s[0]}",
                ]
            )
            for _ in range(rng.choice([1, 1, 2]))
        ]
        # places
        age = p.age()
        if 18 <= age < 67 and rng.random() < 0.4:
            p.work = self.crp(
                self.workplaces,
                country.code,
                0.4,
                lambda: (
                    rng.choice(country.home_isps).ipv4(rng),
                    self.device_id("web") if rng.random() < 0.3 else None,
                ),
            )
        if 13 <= age < 19 and rng.random() < 0.5:
            p.school = self.crp(
                self.schools,
                country.code,
                0.25,
                lambda: (rng.choice(country.home_isps).ipv4(rng), self.device_id("web")),
            )
        if rng.random() < (0.22 if country.code in geo.CAFE_COUNTRIES else 0.02):
            p.cafe = self.crp(
                self.cafes,
                country.code,
                0.15,
                lambda: (
                    rng.choice(country.home_isps).ipv4(rng),
                    [self.device_id("web") for _ in range(rng.randint(2, 6))],
                ),
            )
        if rng.random() < 0.025:  # a phone shop's / support line's number typed in place of one's own
            p.shop_phone = (
                ("1", "8882804331", "")
                if rng.random() < 0.15
                else self.crp(
                    self.shops,
                    country.code,
                    0.12,
                    lambda: (country.cc, geo.new_landline(country, rng), country.trunk),
                )
            )
        # travel: a week abroad now and then
        for _ in range(rng.choices([0, 1, 2, 3], [55, 28, 12, 5])[0]):
            s = rng.randint(W0, REF - 8 * DAY)
            p.trips.append((geo.pick_country(rng), s, s + rng.randint(3, 14) * DAY))
        p.vpn_p = (
            rng.uniform(0.4, 0.8) if p.evasive else (rng.uniform(0.1, 0.5) if rng.random() < 0.06 else 0.0)
        )
