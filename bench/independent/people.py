"""How persons write their names, handles, mailboxes, phone numbers, birth dates and addresses.

Each function takes the random generator it draws from, so one seed gives one world.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from bench.independent.names import (
    COMMON_HANDLES,
    EMOJI,
    HANDLE_WORDS,
    Culture,
    Name,
    ascii_slug,
    expand_accents,
    feminine,
    strip_accents,
)
from bench.independent.world import Country


def zipf_choice(rng: random.Random, items: tuple[Name, ...], exponent: float = 0.9) -> Name:
    """An item, the first ones more often (weight 1 / rank ** exponent)."""
    weights = _ZIPF.get((len(items), exponent))
    if weights is None:
        weights = [1.0 / (rank + 1) ** exponent for rank in range(len(items))]
        _ZIPF[(len(items), exponent)] = weights
    return rng.choices(items, weights)[0]


_ZIPF: dict[tuple[int, float], list[float]] = {}


@dataclass
class PersonName:
    """A person's name in all the spellings they may use."""

    culture: Culture
    female: bool
    given: Name
    middle: Name | None
    surnames: tuple[Name, ...]  # usually one; two for many Spanish and Portuguese speakers
    patronym: str | None = None  # Malay "bin Ismail" / "binti Ismail"

    def given_text(self, spelling: int = 0) -> str:
        return self.given.latin[min(spelling, len(self.given.latin) - 1)]

    def surname_text(self, spelling: int = 0, both: bool = True) -> str:
        parts = []
        for surname in self.surnames if both else self.surnames[:1]:
            text = surname.latin[min(spelling, len(surname.latin) - 1)]
            parts.append(feminine(text, self.culture) if self.female else text)
        return " ".join(parts)

    def native(self) -> str | None:
        """The full name in its own script, in the culture's order, or None."""
        if self.given.native is None or any(s.native is None for s in self.surnames):
            return None
        surname = " ".join(
            feminine(s.native or "", self.culture) if self.female else s.native or "" for s in self.surnames
        )
        if self.culture.key in ("chinese", "japanese", "korean"):
            return f"{surname}{self.given.native}"
        if self.culture.order == "sg":
            return f"{surname} {self.given.native}"
        return f"{self.given.native} {surname}"

    def full(self, spelling: int = 0, middle: bool = False) -> str:
        given = self.given_text(spelling)
        if not self.surnames:
            return given
        if self.patronym:
            return f"{given} {self.patronym}"
        surname = self.surname_text(spelling)
        if middle and self.middle:
            given = f"{given} {self.middle.main}"
        if self.culture.order == "sg":
            return f"{surname} {given}"
        return f"{given} {surname}"

    def western(self, spelling: int = 0) -> str:
        """Given name first whatever the culture (as surname-first people often write on global sites)."""
        if not self.surnames or self.patronym:
            return self.full(spelling)
        return f"{self.given_text(spelling)} {self.surname_text(spelling, both=False)}"

    def nicknames(self) -> tuple[str, ...]:
        for spelling in self.given.latin:
            found = self.culture.nicknames.get(spelling)
            if found:
                return found
        return ()


def make_name(
    rng: random.Random, culture: Culture, female: bool, surnames: tuple[Name, ...] | None = None
) -> PersonName:
    given = zipf_choice(rng, culture.female if female else culture.male)
    middle = None
    if rng.random() < culture.middle_p:
        middle = zipf_choice(rng, culture.female if female else culture.male)
        if middle == given:
            middle = None
    patronym = None
    if surnames is None:
        if rng.random() < culture.mononym_p:
            surnames = ()
        else:
            first = zipf_choice(rng, culture.surnames, 0.8)
            if rng.random() < culture.second_surname_p:
                second = zipf_choice(rng, culture.surnames, 0.8)
                surnames = (first, second) if second != first else (first,)
            else:
                surnames = (first,)
    if culture.patronymic and surnames and rng.random() < 0.4:
        father = zipf_choice(rng, culture.male).main
        patronym = f"{'binti' if female else 'bin'} {father}"
    return PersonName(culture, female, given, middle, surnames, patronym)


def display_name(rng: random.Random, name: PersonName, handle: str, country: Country) -> str:
    """A display name as people really set them: full, shortened, nicknamed, decorated, or empty."""
    spelling = 0 if rng.random() < 0.75 else rng.randrange(4)
    roll = rng.random()
    if roll < 0.06:
        return ""
    if roll < 0.12:
        return handle
    native = name.native()
    if native and rng.random() < name.culture.native_p:
        return native if rng.random() < 0.8 else f"{native} ({name.western(spelling)})"
    if roll < 0.40:
        text = name.full(spelling, middle=rng.random() < 0.3)
    elif roll < 0.50:
        text = name.western(spelling) if name.surnames else name.full(spelling)
    elif roll < 0.60:
        text = name.given_text(spelling)
    elif roll < 0.68 and name.surnames:
        sep = rng.choice((". ", " ", "."))
        text = f"{name.given_text(spelling)[0]}{sep}{name.surname_text(spelling, both=False)}"
    elif roll < 0.78 and name.nicknames():
        nick = rng.choice(name.nicknames())
        text = (
            nick
            if rng.random() < 0.5 or not name.surnames
            else f"{nick} {name.surname_text(spelling, both=False)}"
        )
    elif roll < 0.84 and name.surnames:
        surname = name.surname_text(spelling)
        text = rng.choice(
            (
                f"{surname} {name.given_text(spelling)}",
                f"{surname.upper()} {name.given_text(spelling)}",
                f"{surname}, {name.given_text(spelling)}",
            )
        )
    elif roll < 0.90 and name.surnames:
        text = f"{name.given_text(spelling)} {name.surname_text(spelling, both=False)[0]}."
    else:
        text = name.full(spelling)
    style = rng.random()
    if style < 0.12:
        text = strip_accents(text)
    elif style < 0.16:
        text = expand_accents(text)
    elif style < 0.22:
        text = text.upper()
    elif style < 0.26:
        text = text.lower()
    deco = rng.random()
    if deco < 0.05:
        emoji = rng.choice(EMOJI)
        text = f"{emoji} {text} {emoji}"
    elif deco < 0.08:
        text = f"{text} {flag(country.code)}"
    elif deco < 0.10:
        text = f"{text} {rng.choice(EMOJI)}"
    return text


def flag(code: str) -> str:
    return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in code)


_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"})


def handle_base(rng: random.Random, name: PersonName, birth: date) -> str:
    """A handle stem a person keeps using: name-derived most of the time, a made-up one otherwise."""
    given = ascii_slug(name.given_text(rng.randrange(len(name.given.latin)))) or "user"
    surname = ascii_slug(name.surname_text(0, both=False)) if name.surnames else ""
    nicks = name.nicknames()
    roll = rng.random()
    if roll < 0.14 or not surname:
        base = given
    elif roll < 0.30:
        base = given + rng.choice(("", ".", "_")) + surname
    elif roll < 0.42:
        base = given[0] + surname
    elif roll < 0.48:
        base = surname + rng.choice(("", ".", "_")) + given
    elif roll < 0.54:
        base = given + surname[0]
    elif roll < 0.62 and nicks:
        base = (
            ascii_slug(rng.choice(nicks))
            + rng.choice(("", "_", "."))
            + (surname if rng.random() < 0.5 else "")
        )
    elif roll < 0.70:
        base = rng.choice(COMMON_HANDLES) if rng.random() < 0.3 else given
    else:
        base = unrelated_handle(rng)
        return base
    base = base.strip("._") or given
    if rng.random() < 0.06:
        base = base.translate(_LEET)
    return base


def unrelated_handle(rng: random.Random) -> str:
    words = rng.sample(HANDLE_WORDS, 2)
    style = rng.random()
    if style < 0.4:
        return words[0] + words[1]
    if style < 0.55:
        return f"{words[0]}_{words[1]}"
    if style < 0.7:
        return f"xX{words[0]}{words[1].capitalize()}Xx"
    if style < 0.8:
        return (words[0] + words[1]).translate(_LEET)
    return words[0] + str(rng.randrange(10, 9999))


def handle_variant(rng: random.Random, base: str, birth: date) -> str:
    """A username made from a stem: as is, or with a birth year, other digits, or a separator."""
    roll = rng.random()
    if roll < 0.3:
        return base
    if roll < 0.5:
        return f"{base}{birth.year % 100:02d}"
    if roll < 0.62:
        return f"{base}{birth.year}"
    if roll < 0.8:
        return f"{base}{rng.randrange(1, 1000)}"
    if roll < 0.88:
        return f"{base}{rng.choice(('_', '.'))}{rng.randrange(1, 100)}"
    if roll < 0.94:
        return f"the{base}" if rng.random() < 0.5 else f"{base}{rng.choice(('_official', 'x', 'xx', '_'))}"
    return f"{base}123"


# --- e-mail ---------------------------------------------------------------------------------------

GLOBAL_MAIL = (
    ("gmail.com", 44),
    ("outlook.com", 9),
    ("hotmail.com", 9),
    ("yahoo.com", 8),
    ("icloud.com", 6),
    ("live.com", 2),
    ("aol.com", 1),
    ("proton.me", 2),
    ("gmx.com", 1),
    ("zoho.com", 0.5),
)
THROWAWAY_MAIL = ("mailinator.com", "guerrillamail.com", "yopmail.com", "10minutemail.com", "trashmail.com")
DOT_BLIND = {"gmail.com", "googlemail.com"}
PLUS_TAGS = {
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "proton.me",
    "live.com",
}


@dataclass(frozen=True)
class Mailbox:
    local: str
    domain: str

    @property
    def canonical(self) -> str:
        """The mailbox the provider delivers to: case-folded; dots and +tags ignored where they are."""
        local = self.local.lower()
        domain = "gmail.com" if self.domain == "googlemail.com" else self.domain
        if domain in PLUS_TAGS:
            local = local.split("+", 1)[0]
        if domain in DOT_BLIND:
            local = local.replace(".", "")
        return f"{local}@{domain}"


def mailbox_local(rng: random.Random, name: PersonName, birth: date, handle: str) -> str:
    given = ascii_slug(name.given_text(0)) or "mail"
    surname = ascii_slug(name.surname_text(0, both=False)) if name.surnames else ""
    roll = rng.random()
    if not surname or roll < 0.18:
        local = handle.replace("_", ".") if roll < 0.12 else given
    elif roll < 0.40:
        local = f"{given}.{surname}"
    elif roll < 0.52:
        local = f"{given}{surname}"
    elif roll < 0.62:
        local = f"{given[0]}{surname}"
    elif roll < 0.68:
        local = f"{given}_{surname}"
    elif roll < 0.74:
        local = f"{surname}.{given}"
    elif roll < 0.80:
        local = f"{surname}{given[0]}"
    else:
        local = f"{given}.{surname}" if rng.random() < 0.5 else f"{given}{surname}"
    if rng.random() < 0.45:
        local += rng.choice((f"{birth.year % 100:02d}", str(birth.year), str(rng.randrange(1, 100))))
    return local.strip("._") or "mail"


def mail_domain(rng: random.Random, country: Country) -> str:
    if country.mail_domains and rng.random() < 0.3:
        return rng.choice(country.mail_domains)
    domains, weights = zip(*GLOBAL_MAIL, strict=True)
    return rng.choices(domains, weights)[0]


def render_mailbox(rng: random.Random, box: Mailbox) -> str:
    """The mailbox as typed on one account: dots, +tags and capitals vary where the provider ignores them."""
    local, domain = box.local, box.domain
    if domain in DOT_BLIND:
        if rng.random() < 0.15:
            plain = local.replace(".", "")
            cut = (
                sorted(rng.sample(range(1, len(plain)), min(len(plain) - 1, rng.randint(1, 2))))
                if len(plain) > 2
                else []
            )
            pieces, last = [], 0
            for c in cut:
                pieces.append(plain[last:c])
                last = c
            pieces.append(plain[last:])
            local = ".".join(pieces)
        if rng.random() < 0.03:
            domain = "googlemail.com"
    if domain in PLUS_TAGS and rng.random() < 0.1:
        local = f"{local}+{rng.choice(('pics', 'social', 'app', 'spam', 'x', str(rng.randrange(1, 99))))}"
    roll = rng.random()
    if roll < 0.06:
        local = local.capitalize()
    elif roll < 0.09:
        return f"{local}@{domain}".upper()
    elif roll < 0.12:
        domain = domain.capitalize()
    return f"{local}@{domain}"


# --- phones ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phone:
    country: Country
    nsn: str  # national significant number (no trunk prefix)
    prefix_len: int

    @property
    def e164(self) -> str:
        return f"+{self.country.dial}{self.nsn}"


def make_phone(rng: random.Random, country: Country, landline: bool = False) -> Phone:
    length = country.land_len if landline else country.mobile_len
    prefix = rng.choice(country.land_prefixes if landline else country.mobile_prefixes)
    rest = "".join(str(rng.randrange(10)) for _ in range(max(1, length - len(prefix))))
    return Phone(country, prefix + rest, min(len(prefix), 3) if country.dial != "1" else 3)


def mistyped(rng: random.Random, phone: Phone) -> Phone:
    """The same number with a digit missing or doubled, as the person first typed it and kept it."""
    i = rng.randrange(1, len(phone.nsn))
    nsn = (
        phone.nsn[:i] + phone.nsn[i + 1 :]
        if rng.random() < 0.5
        else phone.nsn[:i] + phone.nsn[i] + phone.nsn[i:]
    )
    return Phone(phone.country, nsn, phone.prefix_len)


def _groups(phone: Phone) -> list[str]:
    nsn = phone.nsn
    head, rest = nsn[: phone.prefix_len], nsn[phone.prefix_len :]
    chunks = [head] if head else []
    while len(rest) > 4:
        take = 3 if len(rest) != 8 else 4
        chunks.append(rest[:take])
        rest = rest[take:]
    if rest:
        chunks.append(rest)
    return chunks


PHONE_STYLES = (
    "e164",
    "intl",
    "intl_trunk",
    "double_zero",
    "national",
    "national_compact",
    "brackets",
    "dashes",
    "dots",
    "no_trunk",
    "dial_no_plus",
)


def format_phone(phone: Phone, style: str) -> str:
    """``phone`` written the way people do: ``+64211234567``, ``021 123 4567``, ``0064 21 123 4567``..."""
    c, g, nsn = phone.country, _groups(phone), phone.nsn
    trunk = c.trunk
    if c.dial == "1":  # North American numbering
        area, rest = nsn[:3], nsn[3:]
        nanp = {
            "e164": f"+1{nsn}",
            "intl": f"+1 {area} {rest[:3]} {rest[3:]}",
            "intl_trunk": f"+1 ({area}) {rest[:3]}-{rest[3:]}",
            "double_zero": f"001{nsn}",
            "national": f"({area}) {rest[:3]}-{rest[3:]}",
            "national_compact": nsn,
            "brackets": f"({area}){rest[:3]}-{rest[3:]}",
            "dashes": f"{area}-{rest[:3]}-{rest[3:]}",
            "dots": f"{area}.{rest[:3]}.{rest[3:]}",
            "no_trunk": f"1-{area}-{rest[:3]}-{rest[3:]}",
            "dial_no_plus": f"1{nsn}",
        }
        return nanp[style]
    if style == "e164":
        return f"+{c.dial}{nsn}"
    if style == "intl":
        return f"+{c.dial} {' '.join(g)}"
    if style == "intl_trunk":
        return f"+{c.dial} ({trunk}){' '.join(g)}" if trunk else f"+{c.dial}-{'-'.join(g)}"
    if style == "double_zero":
        return f"00{c.dial}{nsn}" if len(nsn) % 2 else f"00{c.dial} {' '.join(g)}"
    if style == "national":
        return f"{trunk}{g[0]} {' '.join(g[1:])}".strip()
    if style == "national_compact":
        return f"{trunk}{nsn}"
    if style == "brackets":
        return f"({trunk}{g[0]}) {'-'.join(g[1:])}" if len(g) > 1 else f"{trunk}{nsn}"
    if style == "dashes":
        return f"{trunk}{g[0]}-{'-'.join(g[1:])}".strip("-")
    if style == "dots":
        return f"{trunk}{g[0]}.{'.'.join(g[1:])}".strip(".")
    if style == "no_trunk":
        return " ".join(g)
    return f"{c.dial}{nsn}"


def phone_style(rng: random.Random, preferred: str, abroad: bool) -> str:
    """Mostly the person's habit; people with a foreign number write it internationally more often."""
    if rng.random() < 0.55:
        return preferred
    if abroad and rng.random() < 0.6:
        return rng.choice(("e164", "intl", "double_zero", "dial_no_plus"))
    return rng.choice(PHONE_STYLES)


# --- devices --------------------------------------------------------------------------------------


@dataclass
class Device:
    kind: str  # phone, laptop, tablet
    value: str
    owners: list[tuple[int, float, float]] = field(
        default_factory=list
    )  # (person id, from, until) as epoch s


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def device_id(rng: random.Random, kind: str) -> str:
    """A device identifier as providers record it: an app-vendor UUID, Android id, IMEI or browser id."""
    if kind == "phone":
        roll = rng.random()
        if roll < 0.45:
            h = _hex(rng, 32).upper()
            return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{h[16:20]}-{h[20:]}"
        if roll < 0.75:
            return _hex(rng, 16)
        tac = rng.choice(("35", "86", "01", "99")) + "".join(str(rng.randrange(10)) for _ in range(12))
        return tac + str(_luhn(tac))
    if kind == "tablet":
        h = _hex(rng, 32).upper()
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{h[16:20]}-{h[20:]}"
    return f"web:{_hex(rng, 24)}"


def _luhn(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


# --- birth dates and addresses --------------------------------------------------------------------

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MDY = {"US", "PH", "PR", "GU", "BZ"}
_YMD = {"CN", "JP", "KR", "TW", "HU", "MO", "HK", "IR"}
_DOTS = {
    "DE",
    "AT",
    "CH",
    "RU",
    "UA",
    "BY",
    "PL",
    "CZ",
    "SK",
    "FI",
    "NO",
    "DK",
    "TR",
    "RO",
    "HR",
    "SI",
    "RS",
    "BG",
    "KZ",
    "LT",
    "LV",
    "EE",
    "AZ",
    "MD",
}


def format_dob(rng: random.Random, dob: date, country: Country) -> str:
    """A date of birth written as a form in ``country`` (or a generic one) would take it."""
    roll = rng.random()
    if roll < 0.35:
        return dob.isoformat()
    if roll < 0.45:
        return f"{dob.day} {_MONTHS[dob.month - 1][:3]} {dob.year}"
    if roll < 0.5:
        return f"{_MONTHS[dob.month - 1]} {dob.day}, {dob.year}"
    if country.code in _MDY:
        return (
            f"{dob.month:02d}/{dob.day:02d}/{dob.year}"
            if rng.random() < 0.7
            else f"{dob.month}/{dob.day}/{dob.year}"
        )
    if country.code in _YMD:
        return (
            f"{dob.year}/{dob.month:02d}/{dob.day:02d}"
            if rng.random() < 0.6
            else f"{dob.year}.{dob.month:02d}.{dob.day:02d}"
        )
    if country.code in _DOTS:
        return f"{dob.day:02d}.{dob.month:02d}.{dob.year}"
    return (
        f"{dob.day:02d}/{dob.month:02d}/{dob.year}"
        if rng.random() < 0.7
        else f"{dob.day}-{dob.month}-{dob.year}"
    )


_STREET = {
    "english": ("{n} {w} Street", "{n} {w} Road", "{n} {w} Avenue", "{n} {w} Lane", "{n} {w} Drive"),
    "spanish": ("Calle {w} {n}", "Avenida {w} {n}", "Av. {w} {n}"),
    "portuguese": ("Rua {w}, {n}", "Avenida {w}, {n}"),
    "french": ("{n} rue {w}", "{n} avenue {w}", "{n} boulevard {w}"),
    "german": ("{w}straße {n}", "{w}weg {n}", "{w}gasse {n}"),
    "dutch": ("{w}straat {n}", "{w}laan {n}"),
    "italian": ("Via {w} {n}", "Corso {w} {n}"),
    "slavic_cyr": ("ул. {w}, д. {n}", "ulitsa {w} {n}"),
    "slavic_lat": ("ul. {w} {n}", "{w} {n}"),
    "nordic": ("{w}gatan {n}", "{w}vej {n}", "{w}veien {n}"),
}
_SHORT = {
    "Street": "St",
    "Road": "Rd",
    "Avenue": "Ave",
    "Lane": "Ln",
    "Drive": "Dr",
    "straße": "str.",
    "Avenida": "Av.",
    "avenue": "av.",
    "boulevard": "bd",
}


@dataclass(frozen=True)
class Address:
    street: str
    city: str
    postcode: str
    country: Country


def make_address(rng: random.Random, culture: Culture, country: Country) -> Address:
    template = rng.choice(_STREET.get(culture.key, ("{n} {w} Street", "{w} {n}")))
    word = rng.choice(culture.surnames).main
    street = template.format(n=rng.randrange(1, 300), w=word)
    postcode = "".join(str(rng.randrange(10)) for _ in range(rng.choice((4, 5, 5, 6))))
    return Address(street, rng.choice(country.cities), postcode, country)


def format_address(rng: random.Random, address: Address) -> str:
    street = address.street
    if rng.random() < 0.3:
        for long, short in _SHORT.items():
            street = street.replace(long, short)
    parts = [street, address.city]
    if rng.random() < 0.7:
        parts[-1] = (
            f"{address.city} {address.postcode}"
            if rng.random() < 0.6
            else f"{address.postcode} {address.city}"
        )
    if rng.random() < 0.3:
        parts.append(address.country.code)
    text = ", ".join(parts) if rng.random() < 0.8 else " ".join(parts)
    return text.upper() if rng.random() < 0.08 else text
