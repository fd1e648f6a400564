"""Accounts of each person: profile fields and the identifiers the provider holds for them."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

from .contacts import (
    Mailbox,
    Phone,
    device_id,
    disposable_mailbox,
    format_phone,
    personal_mailbox,
    write_email,
)
from .countries import Country
from .display import display_name
from .handles import Registry, random_handle, vary
from .names import CULTURES, fold, make_name
from .world import DAY, T0, T1, Person, World

PLATFORMS = {
    "chat": (50, 0.7, "chat.example-social.net"),
    "market": (20, 0.5, "market.example-social.net"),
    "forum": (15, 0.25, "forum.example-social.net"),
    "photos": (15, 0.4, "photos.example-social.net"),
}


def iso(t: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


@dataclass
class Account:
    aid: str
    person: Person
    platform: str
    created: int
    end: int
    status: str
    burner: bool
    username: str = ""
    display: str = ""
    stated: str = ""
    channel: str = ""  # careful persons keep each account on its own way in
    ids: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, value, verified, observed_at


class AccountMaker:
    def __init__(self, rng: random.Random, world: World) -> None:
        self.rng = rng
        self.world = world
        self.countries: dict[str, Country] = world.countries
        self.usernames = Registry()
        self.aids: dict[str, int] = {}

    def _aid(self) -> str:
        while True:
            aid = str(self.rng.randrange(10**10, 10**11))
            if aid not in self.aids:
                self.aids[aid] = 1
                return aid

    def make(self, p: Person) -> list[Account]:
        rng = self.rng
        out: list[Account] = []
        times = sorted(
            (T0 - rng.randrange(DAY, 3000 * DAY) if rng.random() < 0.3 else rng.randrange(T0, T1 - 3 * DAY))
            for _ in range(p.n_accounts)
        )
        fav = rng.choices(list(PLATFORMS), [v[0] for v in PLATFORMS.values()])[0]
        last_habit = None
        channels = ["home", "vpn", "mobile", "hotspot", "work"]
        rng.shuffle(channels)
        for i, created in enumerate(times):
            burner = i > 0 and rng.random() < (0.3 if p.heavy else 0.1)
            platform = (
                fav
                if rng.random() < 0.5
                else rng.choices(list(PLATFORMS), [v[0] for v in PLATFORMS.values()])[0]
            )
            if burner:
                status = rng.choices(["active", "disabled", "deleted"], [40, 30, 30])[0]
                end = min(T1, created + rng.randint(1, 40) * DAY)
            else:
                status = rng.choices(["active", "disabled", "deleted"], [88, 5, 7])[0]
                end = T1 if status == "active" else rng.randrange(max(created, T0) + DAY, T1 + DAY)
            a = Account(self._aid(), p, platform, created, max(end, created + 3600), status, burner)
            a.channel = channels[i % len(channels)] if p.careful else ""
            a.username = self._username(a, i)
            habit = self._habit(a, last_habit)
            last_habit = habit
            a.display = self._display(a, habit)
            a.stated = self._stated(p)
            self._identifiers(a)
            out.append(a)
        return out

    # -- profile --

    def _username(self, a: Account, i: int) -> str:
        rng, p = self.rng, a.person
        if p.careful or (a.burner and rng.random() < 0.85):
            wanted = random_handle(rng, p.name, rng.randrange(1960, 2010))
        elif p.heavy and rng.random() < 0.6:
            wanted = f"{p.handle}{i + 1}" if rng.random() < 0.6 else vary(rng, p.handle, p.yob)
        else:
            r = rng.random()
            wanted = (
                p.handle
                if r < 0.55
                else vary(rng, p.handle, p.yob)
                if r < 0.9
                else random_handle(rng, p.name, p.yob)
            )
        return self.usernames.claim(rng, a.platform, wanted)

    def _habit(self, a: Account, last: str | None) -> str:
        rng, p = self.rng, a.person
        if a.burner or p.careful:
            return rng.choice(["empty", "handle", "given", "nick", "initials", "fake", "emoji", "fake"])
        if last is not None and rng.random() < 0.55:
            return last
        return rng.choices(list(p.habits), list(p.habits.values()))[0]

    def _display(self, a: Account, habit: str) -> str:
        rng, p = self.rng, a.person
        country = p.origin if rng.random() < 0.5 else p.country
        if habit == "fake":  # a made-up name on a throwaway account
            fake = make_name(
                rng, CULTURES[rng.choice(list(self.countries[p.country].cultures))], rng.choice("mf")
            )
            return display_name(rng, fake, rng.choice(["full", "given", "full"]), a.username, country)
        return display_name(rng, p.name, habit, a.username, country)

    def _stated(self, p: Person) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.04:
            return ""
        mode = p.stated_mode if r > 0.1 else rng.choice(["home", "blank"])
        if mode == "home":
            return p.country
        if mode == "origin":
            return p.origin if rng.random() < 0.85 else p.country
        if mode == "wrong":
            return rng.choice(["US", "AF", "AL", "GB", "AX", rng.choice(list(self.countries))])
        return ""

    # -- identifiers --

    def _add(self, a: Account, kind: str, value: str, verified: str = "", t: int | None = None) -> None:
        t = t if t is not None else a.created + self.rng.randrange(0, 3600)
        a.ids.append((kind, value, verified, iso(t) if self.rng.random() < 0.8 else ""))

    def _verified(self, rate: float = 0.75) -> str:
        r = self.rng.random()
        return "true" if r < rate else "false" if r < rate + 0.12 else ""

    def _identifiers(self, a: Account) -> None:
        rng, p, w = self.rng, a.person, self.world
        hh = p.hh
        c = self.countries[p.country]
        box: Mailbox | None
        if a.burner:
            box = (
                disposable_mailbox(rng, w.boxes, p.yob)
                if rng.random() < 0.55
                else personal_mailbox(rng, w.boxes, p.name, p.yob, random_handle(rng, p.name, p.yob), c, True)
            )
        elif p.careful or p.email_habit == "per_account":
            box = personal_mailbox(rng, w.boxes, p.name, p.yob, a.username, c, p.careful)
            if p.heavy and p.mailboxes[0].domain == "gmail.com" and rng.random() < 0.4:
                box = p.mailboxes[0]  # one Gmail box, written with the dots moved each time
        elif hh.family_box is not None and rng.random() < 0.3:
            box = hh.family_box
        elif p.work_box is not None and rng.random() < 0.12:
            box = p.work_box
        elif p.email_habit == "few":
            box = rng.choice(p.mailboxes)
        else:
            box = p.mailboxes[0] if rng.random() < 0.9 else p.mailboxes[-1]
        has_phone = rng.random() < PLATFORMS[a.platform][1]
        if rng.random() < 0.05 and p.phones and not p.careful:
            box, has_phone = None, True
        if box is not None:
            tag = 0.5 if p.heavy and box.domain == "gmail.com" else 0.06
            self._add(a, "email", write_email(rng, box, tag), self._verified())
            if rng.random() < 0.08 and not p.careful and len(p.mailboxes) > 1:
                self._add(a, "email", write_email(rng, p.mailboxes[1]), self._verified(0.4))
        self._phones(a, has_phone)
        self._devices(a)
        card = None
        pays = rng.random() < (0.55 if a.platform == "market" else 0.08)
        if pays and not p.careful and not a.burner and (p.card or hh.shared_card):
            card = hh.shared_card if hh.shared_card and (not p.card or rng.random() < 0.4) else p.card[0]
        if card:
            self._add(a, "payment", card, "true")
            if rng.random() < 0.5:
                owner = hh.members[0] if card == hh.shared_card else p
                on = owner.name
                holder = " ".join([on.latin(on.given)] + [on.latin(s) for s in on.surnames])
                self._add(a, "name", fold(holder).upper() if rng.random() < 0.7 else holder, "true")
        if rng.random() < 0.25:
            r = rng.random()
            # mostly the real date; some give 1 January or an older age to get past an age gate
            dob = (
                p.dob
                if r < 0.75
                else f"{p.yob}-01-01"
                if r < 0.85
                else f"{p.yob - rng.randint(1, 8)}{p.dob[4:]}"
            )
            self._add(a, "dob", dob)

    def _write(self, phone: Phone, style: str) -> str:
        return format_phone(self.rng, phone, style, self.countries[phone.country])

    def _phones(self, a: Account, has_phone: bool) -> None:
        rng, p, w = self.rng, a.person, self.world
        c = self.countries[p.country]
        if p.careful or a.burner:
            if rng.random() < (0.3 if p.careful else 0.15):
                fresh = w.numbers.new(rng, c, "voip")
                self._add(a, "phone", self._write(fresh, p.phone_style), self._verified(0.6))
            return
        if not has_phone:
            return
        style = (
            p.phone_style if rng.random() < 0.75 else rng.choice(["e164", "intl", "nat", "nat_plain", "nsn"])
        )
        chosen: Phone | None = None
        if p.origin_phone is not None and rng.random() < 0.3:
            chosen = p.origin_phone
        elif p.hh.landline is not None and rng.random() < 0.08:
            chosen = p.hh.landline
        elif p.phones:
            mobiles = [ph for since, ph in p.phones if since <= a.created and ph.kind != "voip"] or [
                p.phones[0][1]
            ]
            chosen = mobiles[-1]
            voip = [ph for _, ph in p.phones if ph.kind == "voip"]
            if voip and rng.random() < 0.15:
                chosen = voip[0]
        elif p.hh.landline is not None:
            chosen = p.hh.landline
        if chosen is None:
            return
        self._add(a, "phone", self._write(chosen, style), self._verified(0.7))
        later = [ph for since, ph in p.phones if a.created < since < a.end and ph.kind != "voip"]
        if later and rng.random() < 0.5:
            self._add(
                a, "phone", self._write(later[0], style), self._verified(0.7), t=max(a.created, T0) + DAY
            )

    def _devices(self, a: Account) -> None:
        rng, p = self.rng, a.person
        if p.careful or (a.burner and rng.random() < 0.65):
            self._add(a, "device", device_id(rng, rng.choice(["web", "android", "ios"])))
            return
        seen = 0
        for start, end, kind, dev in p.devices:
            if end <= a.created or start >= a.end:
                continue
            use = 0.85 if kind != "web" and start <= a.created else 0.5 if kind != "web" else 0.35
            if rng.random() < use:
                self._add(a, "device", dev, t=max(a.created, start + rng.randrange(DAY)))
                seen += 1
        if p.uses_family_device and p.hh.shared_device and rng.random() < 0.45:
            self._add(a, "device", p.hh.shared_device)
            seen += 1
        if not seen and rng.random() < 0.5:
            self._add(a, "device", device_id(rng, "web"))
