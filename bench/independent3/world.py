"""Households and persons, with the identifiers each owns or shares, and the places they go online."""

from __future__ import annotations

import calendar
import math
import random
from dataclasses import dataclass, field

from . import contacts as ct
from .countries import COUNTRIES, COUNTRY_W, ORIGINS, TRAVEL, Country
from .handles import DISPLAY_HABITS, invented_handle, name_handle
from .names import (
    CULTURE,
    MARRIAGE,
    NATIVE_SHARE,
    SURNAME_FIRST_LATIN,
    Culture,
    Part,
    PersonName,
    adopted_name,
    bulgarian_middle,
    gendered,
    make_given2,
    patronymic,
)
from .network import DAY, Carrier, HomeLine, Plan, ProxyWorld, Venue, new_home_line
from .textutil import Weighted, wpick

YEAR = 365.25 * DAY


def ts(y: int, m: int = 1, d: int = 1) -> float:
    return float(calendar.timegm((y, m, d, 0, 0, 0)))


T_EARLIEST = ts(2013)
LOG_START = ts(2023)
END = ts(2025) - 1.0
NOW_YEAR = 2024

HOUSEHOLD_KINDS = Weighted(
    [
        ("single", 47),
        ("couple", 20),
        ("family", 15),
        ("single_parent", 2.5),
        ("siblings", 4),
        ("flatmates", 8),
        ("three_gen", 3.5),
    ]
)
ADULT_AGE = Weighted(
    [((18, 24), 20), ((25, 34), 27), ((35, 44), 20), ((45, 54), 15), ((55, 64), 10), ((65, 84), 8)]
)
REGULAR_COUNTS = Weighted(
    [
        (1, 74.5),
        (2, 12),
        (3, 5),
        (4, 2.4),
        (5, 1.6),
        (6, 1.0),
        (7, 0.7),
        (8, 0.5),
        (9, 0.4),
        (10, 0.35),
        (11, 0.25),
        (12, 0.2),
        (13, 0.15),
        (14, 0.13),
        (15, 0.1),
        (16, 0.08),
        (18, 0.07),
        (20, 0.05),
        (22, 0.04),
        (24, 0.03),
    ]
)
SON_NAMED_AFTER_FATHER = {
    "anglo": 0.1,
    "hispanic": 0.06,
    "portuguese": 0.06,
    "arabic": 0.03,
    "filipino": 0.08,
    "nigerian": 0.04,
    "akan": 0.05,
    "greek": 0.04,
    "italian": 0.04,
}
# Names in a three-generation home where father and son share a full name.
THREE_GEN_SAME_NAME = {
    "anglo": 0.45,
    "hispanic": 0.35,
    "portuguese": 0.35,
    "arabic": 0.2,
    "filipino": 0.4,
    "nigerian": 0.25,
    "akan": 0.3,
    "greek": 0.35,
    "italian": 0.3,
    "afrikaans": 0.35,
    "maghrebi": 0.15,
    "urdu": 0.15,
}


@dataclass
class Dev:
    id: str
    kind: str  # android, ios, web, tablet
    start: float
    end: float
    shared: str = ""  # "" personal, "family", "cafe", "school", "shop", "emulator", ...


@dataclass
class PhoneUse:
    phone: ct.Phone
    start: float
    end: float
    role: str = "own"  # own, origin, second, landline, recycled


@dataclass(eq=False)
class Household:
    hid: int
    kind: str
    country: str
    city: tuple[str, str, str]
    address: ct.Address
    line: HomeLine | None
    members: list[Person] = field(default_factory=list)
    landline: ct.Phone | None = None
    tablet: Dev | None = None
    family_mail: ct.Mailbox | None = None
    shared_card: tuple[str, str, str] | None = None
    moved_from: tuple[str, HomeLine, float] | None = None  # old country, old line, move time


@dataclass(eq=False)
class Person:
    pid: int
    hh: Household
    role: str
    gender: str
    birth: tuple[int, int, int]
    culture: Culture
    origin: str
    country: str
    name: PersonName
    n_acc: int = 1
    careful: bool = False
    heavy: bool = False
    heavy_anchor: str = ""
    lazy: bool = False
    burner_rate: float = 0.0
    first_online: float = 0.0
    phones: list[PhoneUse] = field(default_factory=list)
    phone_style: str = "national"
    mailboxes: list[ct.Mailbox] = field(default_factory=list)
    mail_habit: str = "one"
    mail_write: str = "plain"
    devices: list[Dev] = field(default_factory=list)
    ios: bool = False
    uses_web: bool = False
    emulator: bool = False
    cards: list[tuple[str, str, str]] = field(default_factory=list)
    paypal: bool = False
    mobile_money: bool = False
    handle: str = ""
    handle_from_name: bool = False
    display_fav: str = "full"
    stated_mode: str = "home"
    carrier: Carrier | None = None
    employer: Venue | None = None
    campus: Venue | None = None
    school_lab: Venue | None = None
    cafe: Venue | None = None
    vpn_share: float = 0.0
    vpn_provider: str = ""
    trips: list[tuple[float, float, str]] = field(default_factory=list)
    shop: Venue | None = None  # a phone shop that set up one of the accounts
    support_number: ct.Phone | None = None  # a support line typed instead of one's own number
    reseller_card: tuple[Person, tuple[str, str, str]] | None = None
    dob_lie: str = ""  # "", "year", "default", "swap", "placeholder"
    activity: float = 1.0
    named_after_father: bool = False

    @property
    def age(self) -> int:
        return NOW_YEAR - self.birth[0]

    @property
    def birth_ts(self) -> float:
        return ts(*self.birth)

    def phone_at(self, t: float, roles: tuple[str, ...] = ("own",)) -> PhoneUse | None:
        best = None
        for u in self.phones:
            if u.role in roles and u.start <= t < u.end:
                best = u
        if best is None:
            cands = [u for u in self.phones if u.role in roles]
            if cands:
                best = min(cands, key=lambda u: min(abs(u.start - t), abs(u.end - t)))
        return best

    def devices_between(self, a: float, b: float) -> list[Dev]:
        return [d for d in self.devices if d.start < b and d.end > a]


class World:
    def __init__(self, n_accounts: int, seed: int):
        self.seed = seed
        self.rng = random.Random(seed)
        self.plan = Plan(random.Random(seed * 7919 + 1))
        self.proxies = ProxyWorld(self.plan, random.Random(seed * 7919 + 2))
        self.households: list[Household] = []
        self.persons: list[Person] = []
        self.mail_used: set[str] = set()
        self.phone_used: set[str] = set()
        self.venues: list[Venue] = []
        self.hotspots: dict[str, list[Venue]] = {}
        self.hotels: dict[str, list[Venue]] = {}
        self.filler: dict[str, str] = {}  # value -> kind of filler (for the summary)
        self.recycled: list[tuple[Person, Person, str]] = []
        self.voip_pool: list[ct.Phone] = []
        self._line_key = 0
        self._build(n_accounts)

    # ------------------------------------------------------------------ population
    def _build(self, n_accounts: int) -> None:
        rng = self.rng
        scale = n_accounts / 15300
        k = rng.randint(7, 11)
        n_heavy = round(scale * k) if n_accounts >= 400 else 0
        if n_accounts >= 8000:
            n_heavy = max(4, n_heavy)
        heavy_counts = [min(60, 28 + int(rng.expovariate(1 / 11))) for _ in range(n_heavy)]
        if heavy_counts:
            heavy_counts[0] = rng.randint(45, 60)
        est_persons = max(10, int((n_accounts - sum(heavy_counts)) / 1.72))
        slots = sorted(rng.sample(range(max(n_heavy + 1, int(est_persons * 0.85))), n_heavy))
        heavy_at = dict(zip(slots, heavy_counts, strict=True))
        total = 0
        while total < n_accounts:
            hh = self._household()
            kept: list[Person] = []
            for p in hh.members:
                idx = len(self.persons)
                if idx in heavy_at and p.age >= 16:
                    p.n_acc = heavy_at.pop(idx)
                    p.heavy = True
                elif idx in heavy_at:
                    heavy_at[idx + 1] = heavy_at.pop(idx)
                    p.n_acc = self._count(p)
                else:
                    p.n_acc = self._count(p)
                if total + p.n_acc >= n_accounts:
                    p.n_acc = n_accounts - total
                total += p.n_acc
                self.persons.append(p)
                kept.append(p)
                if total >= n_accounts:
                    break
            hh.members = [m for m in kept if m.n_acc > 0]
            if hh.members:
                self.households.append(hh)
        self.persons = [p for p in self.persons if p.n_acc > 0]
        for i, p in enumerate(self.persons):
            p.pid = i
        for p in self.persons:
            self._traits(p)
        self._venues()
        for p in self.persons:
            self._resources(p)
        self._shared_infrastructure()

    def _count(self, p: Person) -> int:
        n = REGULAR_COUNTS.pick(self.rng)
        if p.age < 16:
            n = min(n, 4)
        if p.age > 70:
            n = min(n, 3)
        return n

    def _household(self) -> Household:
        rng = self.rng
        c: Country = COUNTRY_W.pick(rng)
        kind = HOUSEHOLD_KINDS.pick(rng)
        origin = c.code
        if c.code in ORIGINS and rng.random() < c.migrant_share:
            origin = ORIGINS[c.code].pick(rng)
        city = c.cities[min(len(c.cities) - 1, int(rng.random() ** 1.6 * len(c.cities)))]
        flat = rng.random() < (0.7 if kind in ("flatmates", "single") else 0.4)
        addr = ct.new_address(c, city, rng, flat)
        self._line_key += 1
        line = new_home_line(self.plan, c.code, self._line_key * 1000003 + self.seed, rng)
        if rng.random() < (0.04 if c.phone_first else 0.02):
            line = None  # mobile-only household
        hh = Household(len(self.households), kind, c.code, city, addr, line)
        culture = CULTURE[COUNTRIES[origin].cultures.pick(rng)]
        mk = self._make_family(hh, kind, culture, origin)
        hh.members = mk
        if line is not None and rng.random() < 0.015:
            old_c = COUNTRIES[origin] if origin != c.code else COUNTRY_W.pick(rng)
            if old_c.code != c.code:
                self._line_key += 1
                old = new_home_line(self.plan, old_c.code, self._line_key * 1000003 + self.seed, rng)
                hh.moved_from = (old_c.code, old, rng.uniform(LOG_START + 60 * DAY, END - 90 * DAY))
        return hh

    def _birth(self, lo: int, hi: int) -> tuple[int, int, int]:
        age = self.rng.randint(lo, hi)
        y = NOW_YEAR - age
        m = self.rng.randint(1, 12)
        d = self.rng.randint(1, 28 if m == 2 else 30)
        return (y, m, d)

    def _person(
        self,
        hh: Household,
        role: str,
        gender: str,
        birth: tuple[int, int, int],
        culture: Culture,
        origin: str,
        name: PersonName,
    ) -> Person:
        if culture.key == "chinese" and origin in ("TW", "HK"):
            name.extra["trad"] = True
        return Person(0, hh, role, gender, birth, culture, origin, hh.country, name)

    def _new_name(
        self,
        culture: Culture,
        gender: str,
        fam: Part | None = None,
        fam2: Part | None = None,
        father: Part | None = None,
        given: Part | None = None,
    ) -> PersonName:
        rng = self.rng
        g = given or culture.given(gender, rng)
        base = fam if fam is not None else culture.surname("m", rng)
        if base is not None and base.gender and base.gender != gender:
            base = culture.surname(gender, rng)  # Kumar/Devi, Uddin/Begum: surnames used by one gender
        sur = gendered(base, gender, culture.rule)
        pn = PersonName(culture, gender, g, sur=sur)
        key = culture.key
        pn.given2 = make_given2(culture, gender, g, rng)
        if key == "hispanic":
            pn.sur2 = fam2 if fam2 is not None else culture.surname("m", rng)
        elif key == "portuguese":
            pn.sur2 = (
                fam2 if fam2 is not None else (culture.surname("m", rng) if rng.random() < 0.7 else None)
            )
        elif key == "filipino" and rng.random() < culture.flag("mother_middle"):
            pn.sur2 = fam2 if fam2 is not None else culture.surname("m", rng)
        fth = father or culture.given("m", rng)
        if fth.native == g.native:
            fth = culture.given("m", rng)
        if key in ("russian", "ukrainian", "kazakh"):
            pn.patronymic = patronymic(fth, gender, "uk" if key == "ukrainian" else "ru")
        elif key == "bulgarian":
            pn.given2 = bulgarian_middle(fth, gender)
        elif key in ("arabic", "maghrebi") and rng.random() < culture.flag("nasab") + 0.2:
            pn.given2 = fth
        if culture.flag("patronym_surname") and rng.random() < culture.flag("patronym_surname"):
            pn.father, pn.sur = fth, None
            if key == "tamil":
                pn.patron_style = "initial" if rng.random() < 0.5 else "full"
        if key == "malay" and rng.random() < culture.flag("bin"):
            pn.father, pn.bin_style, pn.sur = fth, "bin", None
        if key == "indonesian" and rng.random() < culture.flag("mononym"):
            pn.sur = None
        if key == "vietnamese":
            lst = culture.vmid_m if gender == "m" else culture.vmid_f
            pn.vmid = lst[rng.randrange(len(lst))]
        if key == "thai":
            lst = culture.nick_m if gender == "m" else culture.nick_f
            pn.nick = lst[rng.randrange(len(lst))]
        if culture.flag("adopt") and rng.random() < culture.flag("adopt"):
            pn.adopted = adopted_name(gender, rng)
        pn.vi = 0 if rng.random() < 0.72 else rng.randrange(1, 4)
        pn.surname_first_latin = rng.random() < SURNAME_FIRST_LATIN.get(key, 0.0)
        pn.native_pref = NATIVE_SHARE.get(key, 0.0)
        pn.extra["jp_space"] = rng.random() < 0.4
        return pn

    def _marry(self, wife: PersonName, husband: PersonName, t: float) -> None:
        rng = self.rng
        take, hyphen, add = MARRIAGE.get(wife.culture.key, (0.0, 0.0, 0.0))
        if husband.sur is None or wife.sur is None:
            return
        x = rng.random()
        base = husband.sur
        if wife.culture.key == "lithuanian":
            from .names import _lt_fem

            base = Part(_lt_fem(husband.sur.native, True), tuple(_lt_fem(s, True) for s in husband.sur.latin))
        else:
            base = gendered(husband.sur, "f", wife.culture.rule) or husband.sur
        if x < take:
            wife.married_mode = "take"
        elif x < take + hyphen:
            wife.married_mode = "hyphen"
        elif x < take + hyphen + add:
            wife.married_mode = "add"
        else:
            return
        wife.married_sur = base
        wife.married_at = t

    def _make_family(self, hh: Household, kind: str, culture: Culture, origin: str) -> list[Person]:
        rng = self.rng
        out: list[Person] = []

        def adult(
            gender: str, lo: int = 18, hi: int = 84, cult: Culture = culture, org: str = origin
        ) -> Person:
            b = self._birth(lo, hi)
            return self._person(hh, "adult", gender, b, cult, org, self._new_name(cult, gender))

        if kind == "single":
            lo, hi = ADULT_AGE.pick(rng)
            out.append(adult(rng.choice("mf"), lo, hi))
        elif kind in ("couple", "family", "three_gen", "single_parent"):
            lo, hi = (
                ADULT_AGE.pick(rng) if kind == "couple" else ((28, 55) if kind != "three_gen" else (34, 55))
            )
            same_sex = kind == "couple" and rng.random() < 0.03
            h = adult("m" if not same_sex else rng.choice("mf"), lo, hi)
            h.role = "parent" if kind != "couple" else "partner"
            parents = [h]
            if kind != "single_parent":
                wb = (h.birth[0] + rng.randint(-3, 7), rng.randint(1, 12), rng.randint(1, 28))
                wb = (min(max(wb[0], NOW_YEAR - 84), NOW_YEAR - 18), wb[1], wb[2])
                w_gender = "f" if not same_sex else h.gender
                w_name = self._new_name(culture, w_gender)
                w = self._person(hh, h.role, w_gender, wb, culture, origin, w_name)
                parents.append(w)
                if not same_sex and rng.random() < (0.68 if kind == "couple" else 0.9):
                    youngest = max(h.birth[0], w.birth[0])
                    lo_t = max(ts(youngest + 20), ts(1985))
                    t = rng.uniform(lo_t, max(lo_t + DAY, END - 30 * DAY))
                    self._marry(w.name, h.name, t)
            else:
                if rng.random() < 0.75:
                    h.gender = "f"
                    h.name = self._new_name(culture, "f")
            out.extend(parents)
            father = parents[0] if parents[0].gender == "m" else None
            mother = parents[-1] if parents[-1].gender == "f" else None
            if kind == "three_gen":
                # grandparent(s): the father's parents
                gp_name = self._new_name(culture, "m", fam=h.name.sur)
                gp = self._person(
                    hh,
                    "grandparent",
                    "m",
                    self._birth(max(h.age + 20, 60), min(h.age + 38, 90)),
                    culture,
                    origin,
                    gp_name,
                )
                gp.birth = (min(gp.birth[0], NOW_YEAR - 55), gp.birth[1], gp.birth[2])
                if father is not None and rng.random() < THREE_GEN_SAME_NAME.get(culture.key, 0.05):
                    father.name.given = gp.name.given
                    father.name.given2 = gp.name.given2
                    if culture.key == "anglo" and rng.random() < 0.4:
                        father.name.suffix = "Jr."
                    father.named_after_father = True
                if father is not None and culture.key in ("russian", "ukrainian", "kazakh"):
                    father.name.patronymic = patronymic(
                        gp.name.given, "m", "uk" if culture.key == "ukrainian" else "ru"
                    )
                out.append(gp)
                if rng.random() < 0.55:
                    mother_fam = h.name.sur2 if culture.key in ("hispanic", "portuguese") else None
                    gm_name = self._new_name(culture, "f", fam=mother_fam)
                    gm = self._person(
                        hh,
                        "grandparent",
                        "f",
                        (gp.birth[0] + rng.randint(-2, 5), rng.randint(1, 12), rng.randint(1, 28)),
                        culture,
                        origin,
                        gm_name,
                    )
                    self._marry(gm.name, gp.name, ts(gp.birth[0] + 24))
                    out.append(gm)
            if kind != "couple":
                n_kids = 1 + (rng.random() < 0.55) + (rng.random() < 0.2)
                youngest_parent = max(p.birth[0] for p in parents)
                twins = rng.random() < 0.03
                kb = None
                for k in range(n_kids):
                    g = rng.choice("mf")
                    if twins and k == 1 and kb is not None:
                        b = kb
                    else:
                        age = rng.randint(11, max(11, min(30, NOW_YEAR - youngest_parent - 18)))
                        b = self._birth(age, age)
                    kb = b
                    out.append(self._child(hh, culture, origin, g, b, father, mother, twins and k == 1))
        elif kind == "siblings":
            fam = culture.surname("m", rng)
            fam2 = culture.surname("m", rng)
            fgiven = culture.given("m", rng)
            n = 2 + (rng.random() < 0.3)
            twins = rng.random() < 0.3
            b0 = self._birth(18, 38)
            for k in range(n):
                g = rng.choice("mf")
                b = (
                    b0
                    if (k == 0 or (twins and k == 1))
                    else self._birth(max(18, NOW_YEAR - b0[0] - 8), NOW_YEAR - b0[0] + 8)
                )
                pn = self._new_name(culture, g, fam=fam, fam2=fam2, father=fgiven)
                if twins and k == 1 and culture.key == "nigerian":
                    pn.given = Part("Kehinde", ("Kehinde",))
                    out[0].name.given = Part("Taiwo", ("Taiwo",))
                p = self._person(hh, "sibling", g, b, culture, origin, pn)
                if twins and k == 1:
                    p.role = "twin"
                    out[0].role = "twin"
                out.append(p)
        elif kind == "flatmates":
            n = 2 + (rng.random() < 0.45) + (rng.random() < 0.15)
            for _ in range(n):
                org = origin
                if rng.random() < 0.3:
                    org = COUNTRY_W.pick(rng).code
                cult = CULTURE[COUNTRIES[org].cultures.pick(rng)]
                p = adult(rng.choice("mf"), 19, 36, cult, org)
                p.role = "flatmate"
                out.append(p)
        return out

    def _child(
        self,
        hh: Household,
        culture: Culture,
        origin: str,
        g: str,
        b: tuple[int, int, int],
        father: Person | None,
        mother: Person | None,
        twin: bool,
    ) -> Person:
        rng = self.rng
        if father is not None:
            base_fam = father.name.sur  # fathers hold the base (male) form
        elif mother is not None and not culture.rule and mother.name.family(None):
            base_fam = mother.name.family(None)[-1]
        else:
            base_fam = culture.surname("m", rng)  # the father lives elsewhere
        fam2 = None
        if culture.key in ("hispanic", "portuguese", "filipino") and mother is not None:
            fam2 = mother.name.sur
        fgiven = father.name.given if father else None
        pn = self._new_name(culture, g, fam=base_fam, fam2=fam2, father=fgiven)
        if culture.latin_script is False and pn.father is not None and father is not None:
            pn.father = father.name.given
        if father is not None and g == "m" and rng.random() < SON_NAMED_AFTER_FATHER.get(culture.key, 0.0):
            pn.given = father.name.given
            if culture.key == "anglo":
                pn.suffix = "Jr."
        if origin != hh.country and rng.random() < 0.4:
            # children of migrants often get a given name of the country they grow up in
            local = CULTURE[COUNTRIES[hh.country].cultures.pick(rng)]
            if local.key != culture.key and local.latin_script:
                pn.given = local.given(g, rng)
        p = self._person(hh, "twin" if twin else "child", g, b, culture, origin, pn)
        return p

    # ------------------------------------------------------------------ traits and resources
    def _traits(self, p: Person) -> None:
        rng = self.rng
        c = COUNTRIES[p.country]
        p.first_online = max(ts(p.birth[0] + rng.randint(10, 16)), ts(2003) + rng.random() * 6 * YEAR)
        if p.age >= 50:
            p.first_online = max(p.first_online, ts(2006) + rng.random() * 10 * YEAR)
        p.first_online = min(p.first_online, END - 200 * DAY)
        if p.n_acc >= 2 and not p.heavy and rng.random() < 0.07:
            p.careful = True
        if p.heavy:
            p.heavy_anchor = "email" if rng.random() < 0.6 else "phone"
            p.burner_rate = 0.12
        elif p.n_acc >= 3 and rng.random() < 0.25:
            p.burner_rate = 0.3
        p.lazy = rng.random() < (0.035 if p.age > 45 or p.age < 18 else 0.02)
        p.ios = rng.random() < c.ios
        p.uses_web = rng.random() < (0.6 if c.phone_first is False else 0.35)
        p.emulator = (p.heavy and rng.random() < 0.6) or rng.random() < 0.004
        p.phone_style = wpick(rng, ct.PHONE_STYLES)
        p.mail_habit = wpick(rng, (("one", 68), ("few", 24), ("many", 8))) if not p.heavy else "one"
        p.mail_write = wpick(rng, (("plain", 80), ("dots", 7), ("tags", 5), ("cap", 8)))
        if p.heavy and p.heavy_anchor == "email":
            p.mail_write = wpick(rng, (("plain", 40), ("dots", 25), ("tags", 25), ("cap", 10)))
        p.display_fav = DISPLAY_HABITS.pick(rng)
        if p.name.adopted and rng.random() < 0.5:
            p.display_fav = "adopted"
        if p.name.patron_style == "initial" and p.display_fav == "full":
            p.display_fav = "full"
        if p.origin != p.country:
            p.stated_mode = wpick(rng, (("home", 45), ("origin", 40), ("blank", 15)))
        else:
            p.stated_mode = wpick(rng, (("home", 87), ("blank", 10), ("wrong", 1.5), ("default_us", 1.5)))
        p.dob_lie = wpick(
            rng,
            (
                ("", 80),
                ("year", 6 if p.age >= 18 else 30),
                ("default", 4),
                ("swap", 3),
                ("placeholder", 1.5),
                ("random", 2),
            ),
        )
        p.vpn_share = 0.0
        if p.careful or rng.random() < 0.08:
            p.vpn_share = rng.uniform(0.15, 0.9)
            p.vpn_provider = ProxyWorld.PROVIDERS[rng.randrange(len(ProxyWorld.PROVIDERS))]
        if p.heavy:
            p.vpn_share = max(p.vpn_share, rng.uniform(0.3, 0.8))
            p.vpn_provider = p.vpn_provider or ProxyWorld.PROVIDERS[rng.randrange(5)]
        cars = self.plan.carriers[p.country]
        p.carrier = cars[min(len(cars) - 1, int(rng.random() ** 1.4 * len(cars)))]
        p.carrier.v6_share = c.v6 * 0.8
        p.activity = rng.lognormvariate(0, 0.7)
        if rng.random() < 0.22 * (1.5 if c.ios > 0.3 else 0.7):
            for _ in range(rng.randint(1, 3)):
                dest = p.origin if (p.origin != p.country and rng.random() < 0.5) else TRAVEL.pick(rng)
                if dest == p.country:
                    continue
                start = rng.uniform(LOG_START, END - 15 * DAY)
                p.trips.append((start, start + rng.uniform(3, 15) * DAY, dest))

    def _venues(self) -> None:
        rng = random.Random(self.seed * 7919 + 3)
        by_country: dict[str, list[Person]] = {}
        for p in self.persons:
            by_country.setdefault(p.country, []).append(p)
        key = 0
        for code in sorted(by_country):
            people = by_country[code]
            c = COUNTRIES[code]
            workers = [p for p in people if 22 <= p.age <= 64 and rng.random() < 0.42]
            n_off = max(1, math.ceil(len(workers) / rng.randint(6, 14)))
            offices = []
            for _ in range(n_off):
                key += 1
                ips = [self.plan.unique_addr(self.plan.business[code]) for _ in range(rng.randint(1, 2))]
                v = Venue(key, "office", code, rng.choice(c.cities)[0], ips)
                if rng.random() < 0.6:
                    v.domain = company_domain(code, rng)
                    locals_ = ROLE_LOCALS + ROLE_LOCALS_BY_COUNTRY.get(code, ())
                    v.role_mailboxes = [f"{r}@{v.domain}" for r in rng.sample(locals_, rng.randint(1, 3))]
                offices.append(v)
                self.venues.append(v)
            for w in workers:
                w.employer = offices[rng.randrange(len(offices))]
            students = [p for p in people if 18 <= p.age <= 26 and p.employer is None and rng.random() < 0.5]
            if students:
                camps = []
                for _ in range(1 + (len(students) > 25)):
                    key += 1
                    v = Venue(
                        key,
                        "campus",
                        code,
                        rng.choice(c.cities)[0],
                        [self.plan.unique_addr(self.plan.business[code]) for _ in range(rng.randint(2, 4))],
                    )
                    v.domain = campus_domain(code, v.city, rng)
                    camps.append(v)
                    self.venues.append(v)
                for s in students:
                    s.campus = camps[rng.randrange(len(camps))]
            hs = []
            for _ in range(rng.randint(3, 7)):
                key += 1
                hs.append(
                    Venue(
                        key,
                        "hotspot",
                        code,
                        rng.choice(c.cities)[0],
                        [self.plan.unique_addr(self.plan.business[code])],
                    )
                )
            self.hotspots[code] = hs
            if c.cafe:
                cafes = []
                for _ in range(max(1, min(6, len(people) // 60))):
                    key += 1
                    v = Venue(
                        key,
                        "cafe",
                        code,
                        rng.choice(c.cities)[0],
                        [self.plan.unique_addr(self.plan.business[code])],
                    )
                    v.devices = [ct.web_id(rng) for _ in range(rng.randint(3, 8))]
                    cafes.append(v)
                    self.venues.append(v)
                for p in people:
                    if rng.random() < 0.06:
                        p.cafe = cafes[rng.randrange(len(cafes))]
        # school computer labs: machines restored from one image keep the same browser id
        kids_by_country = {k: [p for p in v if 11 <= p.age <= 18] for k, v in by_country.items()}
        lab_countries = sorted(
            (k for k, v in kids_by_country.items() if len(v) >= 8), key=lambda k: -len(kids_by_country[k])
        )[:8]
        for code in lab_countries:
            key += 1
            c = COUNTRIES[code]
            v = Venue(key, "school", code, c.cities[0][0], [self.plan.unique_addr(self.plan.business[code])])
            v.devices = [ct.web_id(rng) for _ in range(rng.randint(6, 15))]
            self.venues.append(v)
            for k in kids_by_country[code]:
                if rng.random() < 0.35:
                    k.school_lab = v
        for code in COUNTRIES:
            self.hotels[code] = []
            for _ in range(4):
                key += 1
                self.hotels[code].append(
                    Venue(key, "hotel", code, "", [self.plan.unique_addr(self.plan.business[code])])
                )

    def _resources(self, p: Person) -> None:
        rng = self.rng
        c = COUNTRIES[p.country]
        hh = p.hh
        start = p.first_online
        # --- handle
        p.handle_from_name = rng.random() < 0.55
        p.handle = name_handle(p.name, p.birth[0], rng) if p.handle_from_name else invented_handle(rng)
        # --- phones
        if p.age >= 12 or rng.random() < 0.5:
            ph = self._unique_phone(c)
            t_change = END + 1
            if rng.random() < 0.14 and not p.heavy:
                t_change = rng.uniform(max(start, ts(2016)), END - 60 * DAY)
            p.phones.append(PhoneUse(ph, start - YEAR, t_change))
            if t_change < END:
                p.phones.append(PhoneUse(self._unique_phone(c), t_change, END + YEAR))
            if c.phone_first and rng.random() < 0.22:
                p.phones.append(
                    PhoneUse(self._unique_phone(c), start + rng.random() * 3 * YEAR, END + YEAR, "second")
                )
        if p.origin != p.country and rng.random() < 0.45:
            p.phones.append(
                PhoneUse(self._unique_phone(COUNTRIES[p.origin]), start - YEAR, END + YEAR, "origin")
            )
        if (
            p is hh.members[0]
            and hh.line is not None
            and rng.random() < landline_rate(c) * (hh.kind != "flatmates")
        ):
            hh.landline = ct.new_landline(c, rng)  # decided once per household
        # --- mailboxes
        first = self._new_mailbox(p, start, "personal")
        p.mailboxes.append(first)
        if p.mail_habit == "few":
            for _ in range(rng.randint(1, 2)):
                p.mailboxes.append(self._new_mailbox(p, rng.uniform(start, END - 30 * DAY), "personal"))
        if p.age >= 55 and rng.random() < 0.25:
            p.mailboxes.append(self._new_mailbox(p, start, "isp"))
        if p.employer is not None and p.employer.domain:
            g, s = ct.name_bits(p.name.given.lat(0), p.name.main_surname())
            local = wpick(rng, ((f"{g}.{s}", 5), (f"{g[:1]}{s}", 3), (g, 1), (f"{g}{s[:1]}", 1))) or "staff"
            mb = ct.Mailbox(local.strip("."), p.employer.domain, "work", max(start, ts(2015)))
            if self._claim(mb):
                p.mailboxes.append(mb)
        if p.campus is not None:
            g, s = ct.name_bits(p.name.given.lat(0), p.name.main_surname())
            mb = ct.Mailbox(f"{g[:1]}{s}{rng.randint(1, 999)}", p.campus.domain, "school", ts(NOW_YEAR - 3))
            if self._claim(mb):
                p.mailboxes.append(mb)
        if p.careful:
            made = 0
            while made < p.n_acc:
                dom = wpick(rng, ct.PRIVATE) if rng.random() < 0.6 else c.mail.pick(rng)
                mb = ct.Mailbox(
                    invented_handle(rng).replace(".", "") + str(rng.randint(1, 9999)), dom, "private", start
                )
                if self._claim(mb):
                    p.mailboxes.append(mb)
                    made += 1
        # --- household shared things
        if len(hh.members) > 1 and p is hh.members[0]:  # decided once per household
            if rng.random() < 0.3:
                kind = "ios" if rng.random() < c.ios else "android"
                t0 = rng.uniform(ts(2016), END - YEAR)
                hh.tablet = Dev(
                    ct.new_device(kind, rng), "tablet", t0, t0 + rng.uniform(2, 6) * YEAR, "family"
                )
            if hh.kind in ("couple", "family", "three_gen") and rng.random() < 0.12:
                _, s = ct.name_bits("", p.name.main_surname())
                loc = wpick(rng, ((f"the{s}s", 3), (f"{s}family", 3), (f"{s}.family", 2), (f"{s}home", 1)))
                mb = ct.Mailbox(loc or "familymail", c.mail.pick(rng), "family", ts(2012))
                if self._claim(mb):
                    hh.family_mail = mb
            if hh.kind in ("couple", "family", "three_gen") and rng.random() < 0.2:
                hh.shared_card = ct.new_card(rng)
        # --- devices
        t = min(start, END - YEAR)
        ios = p.ios
        while t < END:
            life = rng.uniform(1.0, 3.6) * YEAR
            p.devices.append(
                Dev(ct.new_device("ios" if ios else "android", rng), "ios" if ios else "android", t, t + life)
            )
            t += life
            if rng.random() < 0.15:
                ios = not ios
        if p.uses_web:
            t = max(start, ts(2014))
            while t < END:
                life = rng.uniform(0.4, 2.5) * YEAR
                p.devices.append(Dev(ct.web_id(rng), "web", t, t + life))
                t += life
        # --- payment
        if p.age >= 18 and rng.random() < 0.55:
            p.cards.append(ct.new_card(rng))
            if rng.random() < 0.2:
                p.cards.append(ct.new_card(rng))
        p.paypal = rng.random() < 0.18
        p.mobile_money = p.country in ("KE", "GH", "NG", "TZ", "UG") and rng.random() < 0.45

    def voip_number(self, rng: random.Random, key: int | None = None) -> ct.Phone:
        """A number from a free VoIP app; such numbers are recycled quickly between strangers."""
        if not self.voip_pool:
            r = random.Random(self.seed * 7919 + 8)
            us = COUNTRIES["US"]
            self.voip_pool = [ct.new_mobile(us, r) for _ in range(max(12, len(self.persons) // 280))]
        i = rng.randrange(len(self.voip_pool)) if key is None else key % len(self.voip_pool)
        return self.voip_pool[i]

    def _unique_phone(self, c: Country) -> ct.Phone:
        for _ in range(20):
            ph = ct.new_mobile(c, self.rng)
            if ph.e164 not in self.phone_used:
                self.phone_used.add(ph.e164)
                return ph
        return ph

    def _claim(self, mb: ct.Mailbox) -> bool:
        key = ct.canonical_mail(mb.addr)
        if key in self.mail_used:
            return False
        self.mail_used.add(key)
        return True

    def _new_mailbox(self, p: Person, created: float, kind: str) -> ct.Mailbox:
        rng = self.rng
        src = COUNTRIES[p.origin] if (p.origin != p.country and rng.random() < 0.5) else COUNTRIES[p.country]
        dom = src.mail.pick(rng)
        if kind == "isp":
            isp_doms = [
                d
                for d in src.mail.items
                if d not in ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com")
            ]
            dom = isp_doms[rng.randrange(len(isp_doms))] if isp_doms else dom
        if p.age < 30 and dom in ("aol.com", "yahoo.com") and rng.random() < 0.6:
            dom = "gmail.com"
        year = p.birth[0]
        fam = p.name.main_surname(created)
        for attempt in range(30):
            if dom == "qq.com":
                local = str(rng.randint(10000, 3999999999))
            elif rng.random() < (0.25 if p.handle_from_name else 0.45) and attempt == 0:
                local = p.handle.lower().replace("-", "")
            else:
                local = ct.local_from_name(p.name.given.lat(p.name.vi), fam, year, rng)
            if attempt > 2:
                local = f"{local}{rng.randint(1, 9999)}"
            if not local:
                local = ct.random_local(rng)
            mb = ct.Mailbox(local, dom, kind, created)
            if self._claim(mb):
                return mb
        mb = ct.Mailbox(ct.random_local(rng, 14), dom, kind, created)
        self._claim(mb)
        return mb

    # ---------------------------------------------------------- shared infrastructure (not one person)
    def _shared_infrastructure(self) -> None:
        rng = random.Random(self.seed * 7919 + 4)
        by_country: dict[str, list[Person]] = {}
        for p in self.persons:
            by_country.setdefault(p.country, []).append(p)
        big = sorted(by_country, key=lambda k: (-len(by_country[k]), k))
        phone_first = [k for k in big if COUNTRIES[k].phone_first][:10]
        scale = len(self.persons) / 8500
        # phone shops that set up accounts for customers with the shop's number and tablet
        for code in rng.sample(phone_first, min(len(phone_first), 5)):
            c = COUNTRIES[code]
            v = Venue(
                len(self.venues) + 10000,
                "shop",
                code,
                c.cities[0][0],
                [self.plan.unique_addr(self.plan.business[code])],
            )
            v.devices = [ct.new_device("android", rng)]
            v.name = ct.write_phone(self._unique_phone(c), "national")
            shop_phone = self._unique_phone(c)
            v.phone = shop_phone
            self.venues.append(v)
            n = int(rng.randint(12, 45) * max(0.4, scale))
            for cust in rng.sample(by_country[code], min(n, len(by_country[code]))):
                if not cust.careful:
                    cust.shop = v
            self.filler[shop_phone.e164] = "shop_phone"
        # support lines typed by customers who do not want to give their number
        for code in rng.sample(big[:12], min(3, len(big))):
            c = COUNTRIES[code]
            num = ct.new_tollfree(c, rng)
            n = int(rng.randint(10, 30) * max(0.4, scale))
            for cust in rng.sample(by_country[code], min(n, len(by_country[code]))):
                if not cust.careful and cust.shop is None:
                    cust.support_number = num
            self.filler[num.e164] = "support_line"
        # resellers: one person's card pays for unrelated customers' accounts
        for code in rng.sample(phone_first, min(len(phone_first), 3)):
            adults = [p for p in by_country[code] if p.age >= 25 and not p.careful and not p.heavy]
            if len(adults) < 10:
                continue
            reseller = adults[rng.randrange(len(adults))]
            card = ct.new_card(rng)
            reseller.cards.insert(0, card)
            n = int(rng.randint(8, 25) * max(0.4, scale))
            for cust in rng.sample(adults, min(n, len(adults) - 1)):
                if cust is not reseller:
                    cust.reseller_card = (reseller, card)
            self.filler[ct.write_card(card, 0)] = "reseller_card"
        # recycled numbers: a number given up is later issued to a stranger in the same country
        for p in self.persons:
            own = [u for u in p.phones if u.role == "own"]
            if len(own) == 2 and rng.random() < 0.05:
                old = own[0]
                pool = [q for q in by_country[p.country] if q is not p and q.hh is not p.hh and not q.careful]
                if not pool:
                    continue
                q = pool[rng.randrange(len(pool))]
                t = old.end + rng.uniform(90, 400) * DAY
                if t >= END - 30 * DAY:
                    continue
                for u in q.phones:
                    if u.role == "own" and u.start <= t < u.end:
                        u.end = t
                q.phones.append(PhoneUse(old.phone, t, END + YEAR, "own"))
                self.recycled.append((p, q, old.phone.e164))


LANDLINE = {
    "US": 0.25,
    "CA": 0.3,
    "GB": 0.45,
    "DE": 0.7,
    "FR": 0.55,
    "IT": 0.5,
    "ES": 0.5,
    "JP": 0.5,
    "KR": 0.3,
    "AT": 0.5,
    "CH": 0.55,
    "BE": 0.45,
    "NL": 0.35,
    "PT": 0.5,
    "GR": 0.55,
    "PL": 0.2,
    "AU": 0.35,
    "NZ": 0.35,
    "IE": 0.35,
    "AR": 0.3,
    "BR": 0.15,
    "TW": 0.4,
    "HK": 0.3,
    "IL": 0.35,
}


def landline_rate(c: Country) -> float:
    return LANDLINE.get(c.code, 0.06)


ROLE_LOCALS = ("info", "office", "contact", "sales", "admin", "hello", "support")
ROLE_LOCALS_BY_COUNTRY = {
    "DE": ("kontakt", "buero"),
    "AT": ("kontakt", "office"),
    "PL": ("kontakt", "biuro"),
    "ES": ("contacto", "ventas"),
    "MX": ("contacto", "ventas"),
    "AR": ("contacto",),
    "CO": ("contacto",),
    "FR": ("contact", "accueil"),
    "BR": ("contato", "vendas"),
    "IT": ("info", "amministrazione"),
    "NL": ("info", "kantoor"),
    "SE": ("kontakt",),
}
_CO_A = (
    "nord",
    "blue",
    "stone",
    "bright",
    "alpha",
    "green",
    "silver",
    "apex",
    "prime",
    "delta",
    "nova",
    "terra",
    "vista",
    "metro",
    "united",
    "star",
    "river",
    "oak",
    "iron",
    "cedar",
    "summit",
    "west",
    "east",
    "sun",
    "lake",
    "peak",
    "harbor",
    "golden",
)
_CO_B = (
    "tech",
    "logistics",
    "solutions",
    "group",
    "media",
    "systems",
    "consulting",
    "trading",
    "health",
    "foods",
    "build",
    "works",
    "labs",
    "partners",
    "finance",
    "energy",
    "motors",
    "pharma",
    "retail",
    "print",
    "legal",
    "dental",
    "design",
    "data",
)
TLD = {
    "US": ".com",
    "GB": ".co.uk",
    "DE": ".de",
    "FR": ".fr",
    "BR": ".com.br",
    "IN": ".co.in",
    "MX": ".com.mx",
    "AU": ".com.au",
    "JP": ".co.jp",
    "ES": ".es",
    "IT": ".it",
    "NL": ".nl",
    "PL": ".pl",
    "CN": ".cn",
    "TR": ".com.tr",
    "ZA": ".co.za",
    "NG": ".com.ng",
    "KE": ".co.ke",
    "AR": ".com.ar",
    "CA": ".ca",
    "RU": ".ru",
    "KR": ".co.kr",
    "AT": ".at",
    "CH": ".ch",
    "SE": ".se",
    "NO": ".no",
    "DK": ".dk",
    "PH": ".com.ph",
    "ID": ".co.id",
    "MY": ".com.my",
    "SG": ".com.sg",
    "AE": ".ae",
    "SA": ".com.sa",
}


def company_domain(code: str, rng: random.Random) -> str:
    a, b = _CO_A[rng.randrange(len(_CO_A))], _CO_B[rng.randrange(len(_CO_B))]
    sep = "-" if rng.random() < 0.3 else ""
    tld = TLD.get(code, "." + code.lower()) if rng.random() < 0.75 else ".com"
    return f"{a}{sep}{b}{rng.randint(1, 99) if rng.random() < 0.15 else ''}{tld}"


def campus_domain(code: str, city: str, rng: random.Random) -> str:
    from .textutil import fold

    slug = "".join(ch for ch in fold(city).lower() if ch.isalnum())[:10] or "univ"
    return {
        "US": f"{slug}.edu",
        "GB": f"{slug}.ac.uk",
        "AU": f"{slug}.edu.au",
        "IN": f"{slug}.ac.in",
        "JP": f"{slug}-u.ac.jp",
        "CN": f"{slug}u.edu.cn",
        "DE": f"uni-{slug}.de",
        "FR": f"univ-{slug}.fr",
        "BR": f"u{slug}.edu.br",
        "KR": f"{slug}.ac.kr",
        "CA": f"u{slug}.ca",
        "NG": f"uni{slug}.edu.ng",
    }.get(code, f"uni-{slug}.edu.{code.lower()}")
