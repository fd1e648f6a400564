"""E-mail addresses, telephone numbers, device identifiers and payment instruments, as people write them."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .countries import Country
from .handles import clean, name_handle
from .names import PersonName

DISPOSABLE = [
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
]
PRIVATE = {"proton.me": 6, "protonmail.com": 4, "tutanota.com": 2}
TYPOS = {
    "gmail.com": ["gmial.com", "gmail.con", "gmai.com", "gnail.com"],
    "hotmail.com": ["hotmial.com", "hotmail.co"],
    "yahoo.com": ["yahooo.com", "yaho.com"],
    "outlook.com": ["outlok.com"],
}
TAGS = ["chat", "market", "forum", "social", "signup", "2023", "2024", "spam", "promo", "app", "x"]


@dataclass(frozen=True)
class Mailbox:
    local: str
    domain: str
    kind: str  # personal, family, work, disposable

    def plain(self) -> str:
        return f"{self.local}@{self.domain}"


class Mailboxes:
    """Mailbox names in use per domain (Gmail ignores dots): two people never share one by accident."""

    def __init__(self) -> None:
        self.taken: dict[str, dict[str, int]] = {}

    @staticmethod
    def key(local: str, domain: str) -> str:
        return local.replace(".", "") if domain in ("gmail.com", "googlemail.com") else local

    def claim(self, rng: random.Random, local: str, domain: str, yob: int, kind: str) -> Mailbox:
        taken = self.taken.setdefault(domain, {})
        cand = local
        tries = 0
        while self.key(cand, domain) in taken:
            tries += 1
            cand = (
                local
                + rng.choice(
                    [str(yob), f"{yob % 100:02d}", str(rng.randrange(1, 100)), str(rng.randrange(100, 10000))]
                )
                if tries < 10
                else f"{local}{rng.randrange(10**7)}"
            )
        taken[self.key(cand, domain)] = 1
        return Mailbox(cand, domain, kind)


def pick_domain(rng: random.Random, country: Country, careful: bool = False) -> str:
    mail = dict(country.mail)
    if careful:
        for d, w in PRIVATE.items():
            mail[d] = w * 6
    else:
        mail.update({d: w * 0.3 for d, w in PRIVATE.items()})
    return rng.choices(list(mail), list(mail.values()))[0]


def personal_mailbox(
    rng: random.Random,
    reg: Mailboxes,
    pn: PersonName,
    yob: int,
    handle: str,
    country: Country,
    careful: bool = False,
) -> Mailbox:
    domain = pick_domain(rng, country, careful)
    r = rng.random()
    if careful:
        local = handle if r < 0.3 else clean(handle) + str(rng.randrange(10, 1000))
    elif r < 0.55:
        local = name_handle(rng, pn, yob)
    elif r < 0.85:
        local = handle.lower()
    else:
        local = handle.lower() + str(rng.randrange(1, 1000))
    if domain in ("qq.com",) and rng.random() < 0.7:
        local = str(rng.randrange(10**7, 10**10))  # QQ numbers
    return reg.claim(rng, local.strip("._") or "user", domain, yob, "personal")


def family_mailbox(
    rng: random.Random, reg: Mailboxes, surname: str, first_names: list[str], country: Country, yob: int
) -> Mailbox:
    s = clean(surname) or "home"
    f = [clean(x) for x in first_names if clean(x)] or ["we"]
    local = rng.choice(
        [
            f"{s}family",
            f"the{s}s",
            f"{s}.family",
            f"{f[0]}and{f[-1]}",
            f"{f[0]}.{f[-1]}.{s}",
            f"familia{s}",
            f"{s}home",
            f"{s}{yob}",
        ]
    )
    return reg.claim(rng, local, pick_domain(rng, country), yob, "family")


def work_mailbox(rng: random.Random, reg: Mailboxes, pn: PersonName, domain: str, yob: int) -> Mailbox:
    f, last = clean(pn.latin(pn.given)) or "x", clean(pn.latin(pn.surnames[0])) if pn.surnames else "staff"
    local = rng.choice(
        [f"{f}.{last}", f"{f[0]}{last}", f"{f}", f"{f[0]}.{last}", f"{last}.{f}", f"{f}_{last}"]
    )
    return reg.claim(rng, local, domain, yob, "work")


def disposable_mailbox(rng: random.Random, reg: Mailboxes, yob: int) -> Mailbox:
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    local = "".join(rng.choice(letters) for _ in range(rng.randrange(6, 13)))
    return reg.claim(rng, local, rng.choice(DISPOSABLE), yob, "disposable")


def write_email(rng: random.Random, box: Mailbox, tag_rate: float = 0.06) -> str:
    """The address as typed on one sign-up form: Gmail dots moved, +tags, capitals, a typo now and then."""
    local, domain = box.local, box.domain
    if domain == "gmail.com":
        r = rng.random()
        if r < 0.08 and "." in local:
            local = local.replace(".", "")
        elif r < 0.16 and len(local) > 3:
            i = rng.randrange(1, len(local) - 1)
            if local[i - 1] != "." and local[i] != ".":
                local = local[:i] + "." + local[i:]
        elif r < 0.18:
            domain = "googlemail.com"
    if domain in (
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "proton.me",
        "icloud.com",
    ) and (rng.random() < tag_rate):
        local = f"{local}+{rng.choice(TAGS)}"
    r = rng.random()
    if r < 0.05:
        local = ".".join(p[:1].upper() + p[1:] for p in local.split("."))
    elif r < 0.06:
        local, domain = local.upper(), domain.upper()
    elif r < 0.09:
        domain = domain[:1].upper() + domain[1:]
    if domain in TYPOS and rng.random() < 0.006:
        domain = rng.choice(TYPOS[domain])
    text = f"{local}@{domain}"
    return text + " " if rng.random() < 0.003 else text


# --- telephones ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phone:
    country: str
    cc: str
    nsn: str
    kind: str  # mobile, landline, voip


class Numbers:
    def __init__(self) -> None:
        self.taken: dict[str, int] = {}

    def new(self, rng: random.Random, c: Country, kind: str = "mobile") -> Phone:
        ranges = c.mobile if kind != "landline" else c.landline
        while True:
            prefix, length = rng.choice(ranges)
            rest = length - len(prefix)
            nsn = (
                prefix + str(rng.randrange(2, 10)) + "".join(str(rng.randrange(10)) for _ in range(rest - 1))
            )
            if c.cc + nsn not in self.taken:
                self.taken[c.cc + nsn] = 1
                return Phone(c.code, c.cc, nsn, kind)


def _groups(nsn: str, groups: list[int]) -> list[str]:
    if sum(groups) != len(nsn):
        groups = [3] * (len(nsn) // 3)
        groups[-1] += len(nsn) - sum(groups)
    out, i = [], 0
    for g in groups:
        out.append(nsn[i : i + g])
        i += g
    return out


STYLES = {
    "e164": 14,
    "intl": 16,
    "00": 5,
    "nat": 25,
    "nat_plain": 14,
    "nat_dash": 6,
    "bracket": 6,
    "intl0": 3,
    "nsn": 5,
    "dots": 2,
    "cc_plain": 4,
}


def person_phone_style(rng: random.Random, c: Country) -> str:
    w = dict(STYLES)
    if c.cc == "1":
        w.update(bracket=30, nat_dash=20, dots=6, intl0=0, nsn=12, nat=4)
    if c.code in ("GB", "DE", "CH", "NL", "AT"):
        w["intl0"] = 8
    return rng.choices(list(w), list(w.values()))[0]


def format_phone(rng: random.Random, p: Phone, style: str, c: Country) -> str:
    """One written form of a number. A few in a hundred come out mangled and will not parse."""
    if rng.random() < 0.015:
        return _mangle(rng, p)
    g = _groups(p.nsn, c.groups)
    trunk = c.trunk
    if p.country == "AR" and p.nsn.startswith("9"):  # mobile: +54 9 11 ..., nationally 011 15 ...
        cut = 3 if p.nsn[1:3] == "11" else 4
        area, local = p.nsn[1:cut], p.nsn[cut:]
        if style in ("nat", "nat_plain", "nat_dash", "bracket", "nsn"):
            return rng.choice(
                [
                    f"0{area} 15 {local[:4]}-{local[4:]}",
                    f"({area}) 15-{local[:4]}-{local[4:]}",
                    f"{area} {local[:4]}-{local[4:]}",
                    f"15{local}",
                ]
            )
        return f"+54 9 {area} {local[:4]} {local[4:]}"
    if p.country == "BR" and style in ("bracket", "nat", "nat_dash"):
        return f"({p.nsn[:2]}) {p.nsn[2:-4]}-{p.nsn[-4:]}"
    if p.country == "MX" and style == "intl" and rng.random() < 0.3:
        return f"+52 1 {' '.join(g)}"
    if style == "e164":
        return f"+{p.cc}{p.nsn}"
    if style == "intl":
        return f"+{p.cc} {' '.join(g)}"
    if style == "00":
        return f"00{p.cc} {' '.join(g)}" if rng.random() < 0.7 else f"00{p.cc}{p.nsn}"
    if style == "intl0":
        return f"+{p.cc} ({trunk or '0'}) {' '.join(g)}" if trunk else f"+{p.cc} {' '.join(g)}"
    if style == "nat":
        return f"{trunk}{g[0]} {' '.join(g[1:])}".strip()
    if style == "nat_plain":
        return f"{trunk}{p.nsn}"
    if style == "nat_dash":
        return f"{trunk}{'-'.join(g)}"
    if style == "bracket":
        return f"({trunk}{g[0]}) {'-'.join(g[1:]) if c.cc == '1' else ' '.join(g[1:])}"
    if style == "dots":
        return f"{trunk}{'.'.join(g)}"
    if style == "cc_plain":
        return f"{p.cc}{p.nsn}"
    return p.nsn


def _mangle(rng: random.Random, p: Phone) -> str:
    r = rng.randrange(7)
    if r == 0:
        return p.nsn[: max(3, len(p.nsn) - rng.randrange(3, 6))]
    if r == 1:
        return p.nsn.replace("0", "O", 1) if "0" in p.nsn else p.nsn + "O"
    if r == 2:
        return rng.choice(["N/A", "none", "-", "0", "no phone", "+"])
    if r == 3:
        return "0" * len(p.nsn)
    if r == 4:
        return f"+{p.cc}{p.nsn}{rng.randrange(100, 1000)}"
    if r == 5:
        return "".join(str(rng.randrange(10)) for _ in range(rng.randrange(4, 7)))
    return p.nsn[:3] + " " + p.nsn[3:6]


# --- devices and payment instruments ------------------------------------------------------------------------


def device_id(rng: random.Random, kind: str) -> str:
    hexd = "0123456789abcdef"
    if kind == "android":
        return "".join(rng.choice(hexd) for _ in range(16))
    u = "".join(rng.choice(hexd) for _ in range(32))
    uuid = f"{u[:8]}-{u[8:12]}-4{u[13:16]}-{rng.choice('89ab')}{u[17:20]}-{u[20:]}"
    return uuid.upper() if kind == "ios" else uuid


def payment_token(rng: random.Random) -> tuple[str, str]:
    """(value, cardholder style) for a card or wallet: a processor fingerprint or a masked number."""
    brand = rng.choices(["VISA", "MASTERCARD", "AMEX", "UNIONPAY", "JCB", "MAESTRO"], [45, 35, 6, 6, 3, 5])[0]
    last4 = f"{rng.randrange(10000):04d}"
    exp = f"{rng.randrange(1, 13):02d}/{rng.randrange(25, 31)}"
    if rng.random() < 0.55:
        return "card_fp:" + "".join(rng.choice("0123456789abcdef") for _ in range(16)), brand
    return f"{brand} ****{last4} {exp}", brand
