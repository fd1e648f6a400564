"""Accounts of each person, with the identifiers the provider recorded for them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import contacts as ct
from .countries import COUNTRIES, COUNTRY_W
from .handles import DISPLAY_HABITS, display_name, invented_handle, unique_username, vary_handle
from .names import CULTURE, PersonName, gendered, typo
from .network import DAY, Venue
from .textutil import Weighted, fold, wpick
from .world import END, LOG_START, T_EARLIEST, YEAR, Person, World, ts

PRODUCTS = Weighted([("chat", 34), ("photos", 22), ("video", 16), ("market", 16), ("forum", 12)])
PLACEHOLDER_EMAILS = Weighted(
    [
        ("test@test.com", 10),
        ("noemail@gmail.com", 8),
        ("none@none.com", 6),
        ("no@no.com", 5),
        ("a@a.com", 4),
        ("noemail@noemail.com", 3),
        ("asdf@asdf.com", 3),
        ("na@na.com", 2),
        ("email@email.com", 2),
        ("abc@abc.com", 2),
        ("nomail@nomail.com", 2),
        ("x@x.com", 1),
        ("test@mailinator.com", 2),
    ]
)
PLACEHOLDER_PHONES = Weighted(
    [
        ("0000000000", 8),
        ("1234567890", 8),
        ("123456789", 4),
        ("9999999999", 3),
        ("1111111111", 3),
        ("+10000000000", 2),
        ("0123456789", 2),
        ("000-000-0000", 2),
        ("N/A", 1),
        ("12345678", 2),
    ]
)
PLACEHOLDER_DOB = Weighted([("1900-01-01", 3), ("1970-01-01", 3), ("2000-01-01", 2), ("1901-01-01", 1)])
ZERO_IDFA = "00000000-0000-0000-0000-000000000000"
EMULATOR_ID = "9774d56d682e549c"
ZERO_ANDROID = "0000000000000000"
UNKNOWN_DEVICE = "unknown"
GIFT_TOKENS = ("GIFT_CARD", "paysafecard")
UNKNOWN_WINDOW = (ts(2023, 3, 6), ts(2023, 5, 20))  # a client release that sent "unknown" as device id


@dataclass(eq=False)
class Account:
    person: Person
    idx: int
    product: str
    created: float
    end: float
    status: str
    burner: bool = False
    channel: str = ""
    username: str = ""
    display: str = ""
    stated: str = ""
    level: float = 1.0
    idents: list[tuple[str, str, str, float]] = field(default_factory=list)
    cafe: Venue | None = None
    lab: Venue | None = None
    shop: Venue | None = None
    emulator: bool = False
    account_id: str = ""


class Builder:
    def __init__(self, world: World):
        self.w = world
        self.rng = random.Random(world.seed * 7919 + 5)
        self.taken: dict[str, set[str]] = {p: set() for p in PRODUCTS.items}
        self.accounts: list[Account] = []
        self.filler_use: dict[str, list[Account]] = {}

    def note(self, label: str, acc: Account) -> None:
        self.filler_use.setdefault(label, []).append(acc)

    def build(self) -> list[Account]:
        for p in self.w.persons:
            self._person_accounts(p)
        return self.accounts

    # --------------------------------------------------------------------------------- accounts
    def _times(self, p: Person) -> list[float]:
        rng = self.rng
        lo = max(p.first_online, T_EARLIEST, ts(p.birth[0] + 11, p.birth[1], 1))
        hi = END - DAY
        lo = min(lo, hi - 30 * DAY)
        out = []
        if p.heavy:
            bursts = [rng.uniform(max(lo, END - 1.6 * YEAR), hi - 10 * DAY) for _ in range(rng.randint(1, 4))]
            for _ in range(p.n_acc):
                if rng.random() < 0.8:
                    b = bursts[rng.randrange(len(bursts))]
                    out.append(min(hi, b + rng.expovariate(1 / (2 * DAY))))
                else:
                    out.append(lo + (hi - lo) * rng.random() ** 0.6)
        else:
            for _ in range(p.n_acc):
                out.append(lo + (hi - lo) * rng.random() ** 0.62)
        return sorted(out)

    def _person_accounts(self, p: Person) -> None:
        rng = self.rng
        times = self._times(p)
        first_product = PRODUCTS.pick(rng)
        prev_user = p.handle
        prev_disp = p.display_fav
        channels = ["mobile", "vpn", "hotspot", "vpn2", "work", "tor", "mobile2"]
        rng.shuffle(channels)
        shop_done = support_done = reseller_done = False
        for i, t in enumerate(times):
            product = first_product if i == 0 else PRODUCTS.pick(rng)
            burner = i > 0 and rng.random() < p.burner_rate
            if burner:
                status = wpick(rng, (("active", 45), ("disabled", 35), ("deleted", 20)))
            elif p.heavy:
                status = wpick(rng, (("active", 45), ("disabled", 45), ("deleted", 10)))
            else:
                status = wpick(rng, (("active", 89), ("disabled", 5), ("deleted", 6)))
            end = END
            if status != "active":
                end = (
                    rng.uniform(t + DAY, END)
                    if not (burner or p.heavy)
                    else min(END, t + rng.expovariate(1 / (40 * DAY)) + DAY)
                )
            level = wpick(rng, ((0.04, 25), (0.4, 45), (1.3, 24), (3.5, 6))) * p.activity
            if i == 0:
                level *= 1.5
            if burner or p.heavy:
                level = min(level, 0.8)
            acc = Account(p, i, product, t, end, status, burner, level=level)
            if p.careful and i > 0:
                acc.channel = channels[(i - 1) % len(channels)]
            # username
            if i == 0:
                base = p.handle
            elif p.careful or burner:
                base = invented_handle(rng)
            else:
                mode = (
                    wpick(rng, (("reuse", 10), ("vary", 50), ("new", 40)))
                    if p.heavy
                    else wpick(rng, (("reuse", 52), ("vary", 32), ("new", 16)))
                )
                base = (
                    prev_user
                    if mode == "reuse"
                    else vary_handle(prev_user, rng)
                    if mode == "vary"
                    else invented_handle(rng)
                )
            acc.username = unique_username(base, self.taken[product], rng)
            if not (p.careful or burner):
                prev_user = base
            # display name
            acc.display = self._display(p, acc, prev_disp)
            # stated country
            acc.stated = self._stated(p, t)
            # venues
            if p.cafe is not None and rng.random() < 0.4:
                acc.cafe = p.cafe
            if p.school_lab is not None and rng.random() < 0.4:
                acc.lab = p.school_lab
            if p.shop is not None and not shop_done and not acc.channel:
                acc.shop, shop_done = p.shop, True
            acc.emulator = p.emulator and (
                (p.heavy and rng.random() < 0.6) or (not p.heavy and rng.random() < 0.5)
            )
            self._identifiers(p, acc)
            if p.support_number is not None and not support_done and not acc.channel and rng.random() < 0.7:
                support_done = True
                acc.idents = [x for x in acc.idents if x[0] != "phone"]
                acc.idents.append(("phone", ct.write_phone(p.support_number, p.phone_style), "false", t))
                self.note(f"support line {p.support_number.e164}", acc)
            if p.reseller_card is not None and not reseller_done and product in ("market", "video"):
                reseller_done = True
                reseller, card = p.reseller_card
                acc.idents = [x for x in acc.idents if x[0] not in ("payment", "name")]
                acc.idents.append(
                    ("payment", ct.write_card(card, 0 if product == "market" else 1), "true", t + DAY)
                )
                acc.idents.append(("name", reseller.name.full(t, "ascii").upper(), "", t + DAY))
                self.note(f"reseller card {ct.write_card(card, 0)}", acc)
            self.accounts.append(acc)

    def _display(self, p: Person, acc: Account, prev: str) -> str:
        rng = self.rng
        t = acc.created
        if acc.burner or (p.careful and acc.idx > 0):
            k = rng.random()
            if k < 0.35:
                return fake_name(rng, t)
            if k < 0.6:
                return acc.username
            if k < 0.8:
                return ""
            return invented_handle(rng).replace("_", " ").title()
        if p.heavy:
            k = rng.random()
            if k < 0.12:
                return fake_name(rng, t)
            habit = DISPLAY_HABITS.pick(rng) if k < 0.7 else p.display_fav
        else:
            habit = p.display_fav if rng.random() < 0.6 else DISPLAY_HABITS.pick(rng)
        if habit == "adopted" and not p.name.adopted:
            habit = "full"
        if habit == "titled" and p.age < 28:
            habit = "full"
        return display_name(p.name, habit, t, rng, acc.username, p.country)

    def _stated(self, p: Person, t: float) -> str:
        rng = self.rng
        if rng.random() < 0.05:
            return ""
        for a, b, dest in p.trips:
            if a <= t < b and rng.random() < 0.3:
                return dest
        mode = p.stated_mode
        if mode == "home":
            return p.country if rng.random() < 0.96 else ""
        if mode == "origin":
            return p.origin if rng.random() < 0.85 else p.country
        if mode == "blank":
            return "" if rng.random() < 0.8 else p.country
        if mode == "wrong":
            return rng.choice(["AF", "AL", "US", "AX", "AD"])
        if mode == "default_us":
            return "US"
        return p.country

    # ------------------------------------------------------------------------------ identifiers
    def _identifiers(self, p: Person, acc: Account) -> None:
        rng = self.rng
        t = acc.created
        c = COUNTRIES[p.country]
        hh = p.hh
        add = acc.idents.append
        careful = p.careful and acc.idx > 0
        product = acc.product
        # ---------------- e-mail
        want_mail = rng.random() < {"chat": 0.55 if c.phone_first else 0.78}.get(product, 0.96)
        if p.heavy and p.heavy_anchor == "email":
            want_mail = rng.random() < 0.93
        if want_mail:
            mail, verified, label = self._mail_for(p, acc)
            if mail:
                add(("email", mail, verified, t + rng.uniform(0, 120)))
                if label:
                    self.note(label, acc)
                others = [m for m in p.mailboxes if m.kind in ("personal", "isp", "work")]
                if not careful and not acc.burner and not p.heavy and rng.random() < 0.08 and len(others) > 1:
                    later = rng.uniform(t, max(t + DAY, acc.end))
                    mb = others[rng.randrange(len(others))]
                    add(("email", ct.write_mail(mb, p.mail_write, rng), "true", later))
        # ---------------- phone
        p_phone = {"chat": 0.92 if c.phone_first else 0.7, "market": 0.55, "forum": 0.12}.get(product, 0.3)
        if p.heavy and p.heavy_anchor == "phone":
            p_phone = 0.95
        if not want_mail or acc.shop is not None:
            p_phone = 1.0
        if rng.random() < p_phone:
            val, verified, label = self._phone_for(p, acc)
            if val:
                add(("phone", val, verified, t + rng.uniform(0, 300)))
                if label:
                    self.note(label, acc)
                # a number change recorded on the account
                own = [u for u in p.phones if u.role == "own"]
                changed = not careful and len(own) > 1 and own[0].start <= t < own[0].end < acc.end
                if changed and rng.random() < 0.5:
                    add(
                        (
                            "phone",
                            self._write_phone(p, own[1].phone, product),
                            "true",
                            own[0].end + rng.uniform(1, 60) * DAY,
                        )
                    )
        # ---------------- devices
        for dv, label in self._devices_for(p, acc):
            add(("device", dv, "", max(t, t + rng.uniform(0, 3600))))
            if label:
                self.note(label, acc)
        # ---------------- payment and cardholder name
        if not careful and not acc.burner:
            p_pay = {"market": 0.6, "video": 0.18}.get(product, 0.03)
            if rng.random() < p_pay:
                self._payment(p, acc)
        # ---------------- provider-recorded real name (profile / verification)
        if not careful and not acc.burner and rng.random() < {"market": 0.2, "chat": 0.04}.get(product, 0.07):
            add(("name", self._real_name(p.name, t, rng, typed=True), "", t + rng.uniform(0, 30) * DAY))
        # ---------------- date of birth
        p_dob = {"photos": 0.5, "video": 0.55, "chat": 0.3, "market": 0.2, "forum": 0.35}[product]
        if rng.random() < p_dob:
            dob, label = self._dob(p, acc)
            add(("dob", dob, "", t))
            if label:
                self.note(label, acc)
        # ---------------- postal address
        if not careful and not acc.burner and product == "market" and rng.random() < 0.45:
            add(
                (
                    "address",
                    hh.address.write(rng, (p.pid * 3 + rng.randrange(3)) % 35),
                    "",
                    t + rng.uniform(0, 60) * DAY,
                )
            )

    def _mail_for(self, p: Person, acc: Account) -> tuple[str, str, str]:
        rng = self.rng
        t = acc.created
        careful = p.careful and acc.idx > 0
        if careful:
            priv = [m for m in p.mailboxes if m.kind == "private"]
            mb = priv[(acc.idx - 1) % len(priv)] if priv else None
            if mb is None:
                return (
                    ct.random_local(rng) + "@" + ct.DISPOSABLE[rng.randrange(len(ct.DISPOSABLE))],
                    "false",
                    "",
                )
            return ct.write_mail(mb, "plain", rng), "true", ""
        if p.heavy and p.heavy_anchor == "email" and not acc.burner and rng.random() < 0.96:
            return (
                ct.write_mail(p.mailboxes[0], p.mail_write, rng, acc.product),
                wpick(rng, (("true", 8), ("", 2))),
                "",
            )
        if (acc.burner and rng.random() < 0.7) or (
            p.heavy and p.heavy_anchor == "phone" and rng.random() < 0.4
        ):
            if rng.random() < 0.12:
                v = "test@mailinator.com"
                return v, "false", f"placeholder e-mail {v}"
            dom = ct.DISPOSABLE[rng.randrange(len(ct.DISPOSABLE))]
            local = ct.random_local(rng) if rng.random() < 0.6 else invented_handle(rng).replace(".", "")
            return f"{local}@{dom}", wpick(rng, (("false", 5), ("true", 3), ("", 2))), ""
        if p.lazy and rng.random() < 0.6:
            v = PLACEHOLDER_EMAILS.pick(rng)
            return v, "false", f"placeholder e-mail {v}"
        if rng.random() < 0.0015:
            v = PLACEHOLDER_EMAILS.pick(rng)
            return v, "false", f"placeholder e-mail {v}"
        hh = p.hh
        if hh.family_mail is not None and ((p.age < 14 and rng.random() < 0.5) or rng.random() < 0.12):
            return ct.write_mail(hh.family_mail, p.mail_write, rng, acc.product), "true", ""
        if p.age < 13 and rng.random() < 0.3:
            parents = [m for m in hh.members if m.role == "parent" and m.mailboxes]
            if parents:
                par = parents[rng.randrange(len(parents))]
                return ct.write_mail(par.mailboxes[0], par.mail_write, rng), "true", ""
        mbs = [
            m for m in p.mailboxes if m.kind in ("personal", "isp") and m.created <= t + 30 * DAY
        ] or p.mailboxes[:1]
        work = [m for m in p.mailboxes if m.kind in ("work", "school")]
        if work and rng.random() < (0.2 if acc.product in ("market", "forum") else 0.06):
            return ct.write_mail(work[0], p.mail_write, rng), "true", ""
        if (
            p.employer is not None
            and p.employer.role_mailboxes
            and acc.product == "market"
            and rng.random() < 0.15
        ):
            v = p.employer.role_mailboxes[rng.randrange(len(p.employer.role_mailboxes))]
            return v, "true", f"office role mailbox {v}"
        if p.mail_habit == "many" and acc.idx > 0:
            mb = self.w._new_mailbox(p, t, "personal")
            p.mailboxes.append(mb)
        elif p.mail_habit == "few":
            mb = mbs[-1] if rng.random() < 0.55 else mbs[rng.randrange(len(mbs))]
        else:
            mb = mbs[0]
        mail = ct.write_mail(mb, p.mail_write, rng, acc.product)
        if rng.random() < 0.006 and mb.domain in ct.MAIL_TYPOS:
            typos = ct.MAIL_TYPOS[mb.domain]
            mail = mail.split("@")[0] + "@" + typos[rng.randrange(len(typos))]
            return mail, "false", ""
        return mail, wpick(rng, (("true", 72), ("false", 12), ("", 16))), ""

    def _write_phone(self, p: Person, ph: ct.Phone, product: str) -> str:
        rng = self.rng
        if product == "chat":  # the chat app verifies by SMS and stores E.164
            return ph.e164
        style = p.phone_style if rng.random() < 0.8 else wpick(rng, ct.PHONE_STYLES)
        s = ct.write_phone(ph, style)
        if ph.country != p.country and style in ("national", "national_plain", "nsn_plain", "national_dash"):
            s = ct.write_phone(ph, "intl_spaced")
        if rng.random() < 0.012:
            s = ct.mangle_phone(s, rng)
        return s

    def _phone_for(self, p: Person, acc: Account) -> tuple[str, str, str]:
        rng = self.rng
        t = acc.created
        careful = p.careful and acc.idx > 0
        hh = p.hh
        if careful or (acc.burner and rng.random() < 0.5):
            if rng.random() < 0.65:
                return "", "", ""
            v = self.w.voip_number(rng, p.pid * 7 + acc.idx if careful else None)
            return (
                v.e164 if acc.product == "chat" else ct.write_phone(v, "national"),
                "true",
                f"shared VoIP {v.e164}",
            )
        if p.heavy and p.heavy_anchor == "phone" and not acc.burner and rng.random() < 0.96:
            own = [u for u in p.phones if u.role == "own"]
            if own:
                return self._write_phone(p, own[0].phone, acc.product), "true", ""
        if acc.shop is not None:
            ph = acc.shop.phone
            return self._write_phone(p, ph, acc.product), "true", f"phone shop {ph.e164}"
        if p.lazy and rng.random() < 0.4 and acc.product != "chat":
            v = PLACEHOLDER_PHONES.pick(rng)
            return v, "false", f"placeholder phone {v}"
        if rng.random() < 0.001 and acc.product != "chat":
            v = PLACEHOLDER_PHONES.pick(rng)
            return v, "false", f"placeholder phone {v}"
        if (p.age < 14 and rng.random() < 0.3) or not p.phones:
            parents = [m for m in hh.members if m.role in ("parent", "grandparent") and m.phones]
            if parents:
                par = parents[rng.randrange(len(parents))]
                u = par.phone_at(t)
                if u is not None:
                    return self._write_phone(par, u.phone, acc.product), "true", ""
            if not p.phones:
                if hh.landline is not None:
                    return ct.write_phone(hh.landline, p.phone_style), "", ""
                return "", "", ""
        if (
            hh.landline is not None
            and acc.product != "chat"
            and rng.random() < (0.35 if p.age >= 60 else 0.04)
        ):
            return ct.write_phone(hh.landline, p.phone_style), wpick(rng, (("false", 1), ("", 2))), ""
        roles: tuple[str, ...] = ("own",)
        if rng.random() < 0.25:
            roles = ("own", "second", "origin")
        u = p.phone_at(t, roles) or p.phone_at(t)
        if u is None:
            return "", "", ""
        verified = "true" if acc.product == "chat" else wpick(rng, (("true", 70), ("false", 10), ("", 20)))
        return self._write_phone(p, u.phone, acc.product), verified, ""

    def _devices_for(self, p: Person, acc: Account) -> list[tuple[str, str]]:
        rng = self.rng
        out: list[tuple[str, str]] = []
        a, b = acc.created, min(acc.end, acc.created + rng.uniform(0.1, 3.0) * YEAR)
        careful = p.careful and acc.idx > 0
        if careful:
            if rng.random() < 0.8:
                out.append((ct.new_device(rng.choice(["android", "ios", "web"]), rng), ""))
            return out
        if acc.emulator:
            out.append((EMULATOR_ID, f"emulator device id {EMULATOR_ID}"))
            if rng.random() < 0.3:
                return out
        if acc.shop is not None and acc.shop.devices:
            out.append((acc.shop.devices[0], f"phone shop tablet {acc.shop.devices[0]}"))
        web_product = acc.product in ("forum", "market")
        mine = p.devices_between(a, b)
        phones = [d for d in mine if d.kind in ("ios", "android")]
        webs = [d for d in mine if d.kind == "web"]
        chosen = phones[:3] if not (web_product and webs and rng.random() < 0.6) else []
        if webs and (web_product or rng.random() < 0.2):
            chosen += webs[:2]
        if not chosen and phones:
            chosen = phones[:1]
        for d in chosen:
            if (
                UNKNOWN_WINDOW[0] <= acc.created < UNKNOWN_WINDOW[1]
                and d.kind == "android"
                and acc.product == "forum"
            ):
                out.append((UNKNOWN_DEVICE, f"placeholder device {UNKNOWN_DEVICE}"))
                continue
            out.append((d.id, ""))
            if d.kind == "ios" and acc.product == "video":
                # the video SDK records the advertising id too; zeroed when tracking is limited
                if rng.random() < 0.3:
                    out.append((ZERO_IDFA, f"zeroed advertising id {ZERO_IDFA}"))
                else:
                    out.append((ct.uuid_like(random.Random(hash_int(d.id)), True), ""))
            elif d.kind == "android" and acc.product == "video" and rng.random() < 0.025:
                out.append((ZERO_ANDROID, f"zeroed device id {ZERO_ANDROID}"))
        hh = p.hh
        if (
            hh.tablet is not None
            and hh.tablet.start < b
            and hh.tablet.end > a
            and rng.random() < (0.5 if p.age < 18 else 0.2)
        ):
            out.append((hh.tablet.id, ""))
        if acc.cafe is not None and acc.cafe.devices:
            out.append(
                (acc.cafe.devices[rng.randrange(len(acc.cafe.devices))], f"internet cafe PC {acc.cafe.key}")
            )
        if acc.lab is not None and acc.lab.devices:
            out.append((acc.lab.devices[rng.randrange(len(acc.lab.devices))], f"school lab PC {acc.lab.key}"))
        seen: set[str] = set()
        res = []
        for v, label in out:
            if v not in seen:
                seen.add(v)
                res.append((v, label))
        return res

    def _payment(self, p: Person, acc: Account) -> None:
        rng = self.rng
        t = acc.created + rng.uniform(0, 90) * DAY
        hh = p.hh
        style = 0 if acc.product == "market" else 1
        add = acc.idents.append
        if rng.random() < 0.012:
            tok = GIFT_TOKENS[rng.randrange(len(GIFT_TOKENS))]
            add(("payment", tok, "true", t))
            self.note(f"gift/prepaid token {tok}", acc)
            return
        holder = p
        card = p.cards[0] if p.cards else None
        if p.cards and len(p.cards) > 1 and rng.random() < 0.4:
            card = p.cards[1]
        if p.age < 18:
            parents = [m for m in hh.members if m.role in ("parent", "grandparent") and m.cards]
            if parents:
                holder = parents[rng.randrange(len(parents))]
                card = holder.cards[0]
        if hh.shared_card is not None and p.role in ("partner", "parent") and rng.random() < 0.5:
            card = hh.shared_card
            partners = [m for m in hh.members if m.role == p.role]
            holder = partners[0] if partners else p
        if p.mobile_money and rng.random() < 0.6:
            u = p.phone_at(t)
            if u is not None:
                add(
                    (
                        "payment",
                        f"M-PESA {u.phone.cc}{u.phone.nsn}" if p.country == "KE" else f"MOMO {u.phone.e164}",
                        "true",
                        t,
                    )
                )
                return
        if card is None:
            if p.paypal and p.mailboxes:
                add(("payment", "paypal:" + ct.write_mail(p.mailboxes[0], "plain", rng), "true", t))
            return
        if p.paypal and rng.random() < 0.3 and p.mailboxes:
            add(("payment", "paypal:" + ct.write_mail(p.mailboxes[0], "plain", rng), "true", t))
            return
        add(("payment", ct.write_card(card, style), "true", t))
        if rng.random() < 0.7:
            add(("name", self._real_name(holder.name, t, rng, typed=False), "", t))

    def _real_name(self, pn: PersonName, t: float, rng: random.Random, typed: bool) -> str:
        if not typed:  # as embossed on a card / sent by the card network
            s = pn.full(t, "ascii", middle=rng.random() < 0.25).upper()
            if rng.random() < 0.3 and pn.given2 is not None:
                parts = s.split()
                s = " ".join([parts[0], parts[1][:1], *parts[2:]]) if len(parts) > 2 else s
            if len(s) > 26:
                parts = s.split()
                s = " ".join([parts[0], *[x[:1] for x in parts[1:-1]], parts[-1]])[:26]
        else:
            k = rng.random()
            script = "native" if (not pn.culture.latin_script and rng.random() < pn.native_pref) else "latin"
            if k < 0.55:
                s = pn.full(t, script)
            elif k < 0.8:
                s = pn.formal(t, script)
            elif k < 0.9:
                s = pn.full(t, "ascii")
            else:
                s = pn.full(t, script).upper()
        if rng.random() < 0.045:
            s = typo(s, rng)
        return s

    def _dob(self, p: Person, acc: Account) -> tuple[str, str]:
        rng = self.rng
        y, m, d = p.birth
        lie = p.dob_lie if (not acc.burner and not (p.careful and acc.idx > 0)) else "random"
        if rng.random() < 0.3 and lie in ("year", "swap"):
            lie = ""
        if lie == "year":
            y -= rng.randint(1, 6) if p.age < 18 else rng.choice([-1, 1, 10, -10])
        elif lie == "default":
            v = f"{y:04d}-01-01"
            return v, f"default date of birth {v}" if y in (1990, 2000) else ""
        elif lie == "swap" and d <= 12 and d != m:
            m, d = d, m
        elif lie == "placeholder":
            v = PLACEHOLDER_DOB.pick(rng)
            return v, f"placeholder date of birth {v}"
        elif lie == "random":
            y, m, d = rng.randint(1975, 2004), rng.randint(1, 12), rng.randint(1, 28)
        return f"{y:04d}-{m:02d}-{d:02d}", ""


def hash_int(s: str) -> int:
    """A fixed integer from a string (not Python's salted hash)."""
    h = 1469598103934665603
    for ch in s.encode():
        h = ((h ^ ch) * 1099511628211) & ((1 << 64) - 1)
    return h


def fake_name(rng: random.Random, t: float) -> str:
    """A made-up name of a made-up person (burner and persona accounts)."""
    c = COUNTRY_W.pick(rng)
    cult = CULTURE[c.cultures.pick(rng)]
    g = rng.choice("mf")
    pn = PersonName(cult, g, cult.given(g, rng), sur=gendered(cult.surname(g, rng), g, cult.rule))
    s = pn.full(t, "latin")
    return fold(s) if rng.random() < 0.5 else s


def log_window() -> tuple[float, float]:
    return LOG_START, END
