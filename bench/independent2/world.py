"""Households and persons: who lives where, with whom, and what they own (mailboxes, phones, devices)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .contacts import (
    Mailbox,
    Mailboxes,
    Numbers,
    Phone,
    device_id,
    family_mailbox,
    payment_token,
    person_phone_style,
    personal_mailbox,
    work_mailbox,
)
from .countries import MIGRATION, Country, _weights
from .display import person_habits
from .handles import NOUN, base_handle, clean
from .names import CULTURES, PersonName, make_name, surname_for
from .network import HomeLine, Network, Site

T0 = 1672531200  # 2023-01-01T00:00:00Z: first logged event
T1 = 1735603200  # 2024-12-31T00:00:00Z: last logged event
DAY = 86400
HOUSEHOLD_KINDS = {
    "single": 50,
    "couple": 22,
    "parent_child": 13,
    "siblings": 5,
    "flatmates": 7,
    "multigen": 3,
}
# accounts per person: most one, a few several, a handful dozens
ACCOUNTS = [
    (1, 80),
    (2, 13),
    (3, 6.5),
    (4, 3.5),
    (5, 2.2),
    (6, 1.3),
    (7, 0.9),
    (8, 0.7),
    (9, 0.5),
    (10, 0.4),
    (12, 0.5),
    (15, 0.35),
    (20, 0.15),
    (30, 0.06),
    (45, 0.03),
    (70, 0.012),
]
SPOUSE_TAKES_NAME = {
    "en": 0.7,
    "de": 0.75,
    "fr": 0.6,
    "nl": 0.5,
    "pl": 0.85,
    "cs": 0.9,
    "ru": 0.85,
    "uk": 0.85,
    "sr": 0.8,
    "kk": 0.6,
    "ja": 0.95,
    "it": 0.2,
    "tr": 0.9,
    "hu": 0.5,
    "ro": 0.8,
    "nd": 0.6,
    "fi": 0.7,
    "el": 0.5,
    "tl": 0.85,
    "wa": 0.8,
    "ea": 0.7,
    "hi": 0.8,
    "he": 0.8,
    "pt": 0.4,
    "th": 0.6,
    "id": 0.2,
}


@dataclass
class Household:
    hid: int
    kind: str
    country: str
    line: HomeLine
    landline: Phone | None = None
    shared_device: str | None = None
    shared_device_kind: str = ""
    family_box: Mailbox | None = None
    shared_card: str | None = None
    members: list[Person] = field(default_factory=list)


@dataclass
class Person:
    pid: int
    hh: Household
    country: str
    origin: str
    sex: str
    yob: int
    name: PersonName
    habits: dict[str, float]
    handle: str
    phone_style: str
    careful: bool = False
    heavy: bool = False
    n_accounts: int = 1
    stated_mode: str = "home"  # home, origin, blank, wrong
    mailboxes: list[Mailbox] = field(default_factory=list)
    email_habit: str = "reuse"  # reuse, few, per_account
    phones: list[tuple[int, Phone]] = field(default_factory=list)  # (since, number)
    origin_phone: Phone | None = None
    devices: list[tuple[int, int, str, str]] = field(default_factory=list)  # (start, end, kind, id)
    uses_family_device: bool = False
    card: tuple[str, str] | None = None
    carrier: int = 0
    work: Site | None = None
    work_box: Mailbox | None = None
    vpn: tuple[int, str, float] | None = None  # provider, exit country, share of sessions
    trips: list[tuple[int, int, str]] = field(default_factory=list)
    activity: float = 1.0
    dob: str = ""


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


class World:
    def __init__(self, rng: random.Random, countries: dict[str, Country], net: Network) -> None:
        self.rng = rng
        self.countries = countries
        self.net = net
        self.boxes = Mailboxes()
        self.numbers = Numbers()
        self.households: list[Household] = []
        self.persons: list[Person] = []
        self.employers: dict[str, list[tuple[Site, float]]] = {}
        self.campuses: dict[str, list[Site]] = {}
        self.country_weights = {c: x.weight for c, x in countries.items()}
        self.recycled: dict[str, list[Phone]] = {}
        self.next_pid = 0

    def build(self, n_accounts: int) -> None:
        total = 0
        while total < n_accounts:
            hh = self._household()
            for p in hh.members:
                p.n_accounts = min(p.n_accounts, n_accounts - total)
                total += p.n_accounts
            hh.members = [p for p in hh.members if p.n_accounts > 0]
            self.persons.extend(hh.members)
            if total >= n_accounts:
                break

    # -- households --

    def _household(self) -> Household:
        rng = self.rng
        code = _pick(rng, self.country_weights)
        c = self.countries[code]
        kind = _pick(rng, HOUSEHOLD_KINDS)
        origin = code
        if code in MIGRATION and rng.random() < 0.14:
            origin = _pick(rng, _weights(MIGRATION[code]))
        culture = _pick(rng, self.countries[origin].cultures)
        hid = len(self.households)
        hh = Household(hid, kind, code, self.net.home_line(rng, hid, code))
        self.households.append(hh)
        ages: list[tuple[int, str, str | None]] = []  # (age, sex, relation)
        if kind == "single":
            ages = [(int(rng.triangular(16, 80, 27)), rng.choice("mf"), None)]
        elif kind == "couple":
            a = int(rng.triangular(20, 80, 33))
            s1 = rng.choice("mf")
            s2 = ("f" if s1 == "m" else "m") if rng.random() < 0.92 else s1
            ages = [(a, s1, None), (max(18, a + rng.randint(-6, 6)), s2, "spouse")]
        elif kind in ("parent_child", "multigen"):
            a = int(rng.triangular(36, 75, 45))
            ages = [(a, rng.choice("mf"), None)]
            if rng.random() < 0.6:
                ages.append((max(30, a + rng.randint(-5, 5)), "f" if ages[0][1] == "m" else "m", "spouse"))
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                ages.append((max(13, a - rng.randint(20, 36)), rng.choice("mf"), "child"))
            if kind == "multigen":
                ages.append((min(95, a + rng.randint(22, 32)), rng.choice("mf"), "grandparent"))
        elif kind == "siblings":
            a = int(rng.triangular(14, 40, 20))
            ages = [(a, rng.choice("mf"), None)] + [
                (max(13, a + rng.randint(-6, 6)), rng.choice("mf"), "sibling")
                for _ in range(rng.choice([1, 1, 2]))
            ]
        else:
            ages = [
                (int(rng.triangular(18, 40, 23)), rng.choice("mf"), "flatmate")
                for _ in range(rng.choice([2, 2, 3, 4]))
            ]
        first: Person | None = None
        for age, sex, rel in ages:
            if rel == "flatmate" or first is None:
                p_origin = (
                    origin if rel != "flatmate" or rng.random() < 0.7 else _pick(rng, self.country_weights)
                )
                p_culture = culture if p_origin == origin else _pick(rng, self.countries[p_origin].cultures)
                pn = make_name(rng, CULTURES[p_culture], sex, country=code)
            else:
                p_origin = first.origin
                cul = first.name.culture
                share = rel in ("child", "sibling") or (
                    rel == "spouse" and rng.random() < SPOUSE_TAKES_NAME.get(cul.code, 0)
                )
                sur = [surname_for(cul, s, sex) for s in first.name.surnames] if share else None
                if rel == "grandparent":
                    sur = None if rng.random() < 0.5 else sur
                pn = make_name(rng, cul, sex, surnames=sur, country=code)
                if share and cul.two_surnames and rel == "child" and len(first.name.surnames) == 2:
                    pn.surnames = [first.name.surnames[0], make_name(rng, cul, "f").surnames[0]]
            p = self._person(hh, sex, 2024 - age, pn, p_origin)
            hh.members.append(p)
            first = first or p
        # family members on the platform: with only one, the household is just a home
        n = len(hh.members)
        if n > 1 and rng.random() < 0.35:
            hh.members = rng.sample(hh.members, rng.randint(1, n - 1))
        if rng.random() < (
            0.45 if c.code in ("JP", "DE", "FR", "IT", "GB", "KR", "ES", "AT", "CH", "BE") else 0.2
        ):
            hh.landline = self.numbers.new(rng, c, "landline")
        if len(hh.members) > 1:
            if rng.random() < 0.35:
                hh.shared_device_kind = rng.choice(["android", "ios", "web", "web"])
                hh.shared_device = device_id(rng, hh.shared_device_kind)
            if kind in ("couple", "parent_child", "multigen") and rng.random() < 0.15:
                sur = (
                    hh.members[0].name.latin(hh.members[0].name.surnames[0])
                    if hh.members[0].name.surnames
                    else ""
                )
                hh.family_box = family_mailbox(
                    rng,
                    self.boxes,
                    sur,
                    [m.name.latin(m.name.given) for m in hh.members],
                    c,
                    hh.members[0].yob,
                )
            if kind in ("couple", "parent_child") and rng.random() < 0.2:
                hh.shared_card = payment_token(rng)[0]
            for m in hh.members:
                m.uses_family_device = hh.shared_device is not None and rng.random() < 0.6
        return hh

    # -- persons --

    def _person(self, hh: Household, sex: str, yob: int, pn: PersonName, origin: str) -> Person:
        rng = self.rng
        code = hh.country
        c = self.countries[code]
        n = rng.choices([a for a, _ in ACCOUNTS], [w for _, w in ACCOUNTS])[0]
        if n >= 10:
            n = rng.randint(n, int(n * 1.3))
        handle = base_handle(rng, pn, yob)
        self.next_pid += 1
        p = Person(
            self.next_pid,
            hh,
            code,
            origin,
            sex,
            yob,
            pn,
            person_habits(rng, pn.culture.code, 2024 - yob),
            handle,
            person_phone_style(rng, c),
        )
        p.n_accounts = n
        p.heavy = n >= 10
        p.careful = n >= 2 and rng.random() < 0.06
        p.activity = rng.lognormvariate(0, 0.9)
        if origin != code:
            p.stated_mode = rng.choices(["home", "origin", "blank"], [45, 40, 15])[0]
        else:
            p.stated_mode = rng.choices(["home", "blank", "wrong"], [89, 9, 2])[0]
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        p.dob = f"{yob:04d}-{month:02d}-{day:02d}"
        # mailboxes
        p.mailboxes.append(personal_mailbox(rng, self.boxes, pn, yob, handle, c, p.careful))
        if rng.random() < 0.3:
            p.mailboxes.append(personal_mailbox(rng, self.boxes, pn, yob, handle, c))
        p.email_habit = (
            "per_account"
            if p.careful or (p.heavy and rng.random() < 0.5)
            else rng.choices(["reuse", "few", "per_account"], [70, 22, 8])[0]
        )
        # telephones: a mobile, sometimes a change of number, sometimes a second one; migrants may keep home's
        if rng.random() < 0.93:
            recycled = self.recycled.get(code)
            first = recycled.pop() if recycled and rng.random() < 0.02 else self.numbers.new(rng, c)
            p.phones.append((0, first))
            if rng.random() < 0.1:
                p.phones.append((rng.randrange(T0, T1), self.numbers.new(rng, c)))
                if rng.random() < 0.3:
                    self.recycled.setdefault(code, []).append(first)
            if rng.random() < 0.08:
                p.phones.append((rng.randrange(T0 - 400 * DAY, T1), self.numbers.new(rng, c, "voip")))
        if origin != code and rng.random() < 0.35:
            p.origin_phone = self.numbers.new(rng, self.countries[origin])
        # devices: phones replaced every couple of years, a computer, a second browser now and then
        kind = (
            "ios"
            if rng.random()
            < (0.55 if code in ("US", "JP", "GB", "AU", "CA", "CH", "SE", "DK", "NO") else 0.25)
            else "android"
        )
        start = T0 - rng.randrange(0, 700) * DAY
        while start < T1:
            end = start + rng.randrange(300, 1100) * DAY
            p.devices.append((start, end, kind, device_id(rng, kind)))
            start = end
        if rng.random() < 0.6:
            p.devices.append((T0 - 2000 * DAY, T1 + DAY, "web", device_id(rng, "web")))
        if rng.random() < 0.15:
            p.devices.append((T0 - 2000 * DAY, T1 + DAY, "web", device_id(rng, "web")))
        if rng.random() < 0.2:
            p.card = payment_token(rng)
        p.carrier = rng.randrange(4)
        age = 2024 - yob
        if 22 <= age <= 66 and rng.random() < 0.35:
            p.work = self._employer(code)
            if rng.random() < 0.5:
                p.work_box = work_mailbox(rng, self.boxes, pn, p.work.domain, yob)
        elif 18 <= age <= 26 and rng.random() < 0.4:
            p.work = self._campus(code)
        if p.careful or rng.random() < 0.12:
            prov, exit_code = self.net.pick_vpn(rng, code)
            p.vpn = (prov, exit_code, 0.85 if p.careful else rng.uniform(0.05, 0.7))
        for _ in range(min(6, int(rng.expovariate(0.9)))):
            start = rng.randrange(T0, T1)
            dest = _pick(rng, self.country_weights) if rng.random() < 0.6 else origin
            p.trips.append((start, start + rng.randint(2, 16) * DAY, dest))
        return p

    def _employer(self, code: str) -> Site:
        rng = self.rng
        emps = self.employers.setdefault(code, [])
        if not emps or rng.random() < 0.3:
            tld = {"GB": "co.uk", "DE": "de", "FR": "fr", "JP": "co.jp", "BR": "com.br", "IN": "co.in"}.get(
                code, "com"
            )
            trade = rng.choice(["tech", "logistics", "group", "systems", "bank", "health", "media", ""])
            name = f"{rng.choice(NOUN)}{trade}"
            site = self.net.workplace(
                code, f"{name}{rng.randrange(10, 99) if rng.random() < 0.3 else ''}.{tld}"
            )
            emps.append((site, rng.paretovariate(1.0)))
            return site
        return rng.choices([s for s, _ in emps], [w for _, w in emps])[0]

    def _campus(self, code: str) -> Site:
        camps = self.campuses.setdefault(code, [])
        if len(camps) < 3 and (not camps or self.rng.random() < 0.3):
            camps.append(self.net.campus(code, f"uni-{clean(self.rng.choice(NOUN))}.edu"))
        return self.rng.choice(camps)
