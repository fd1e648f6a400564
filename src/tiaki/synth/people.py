"""Persons, households and their accounts: identifiers as a provider holds them, and IP events.

Everything here is drawn from one :class:`~tiaki.synth.draws.Draws` stream in a fixed order, so a
seed gives the same persons, accounts and rows every time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from tiaki.synth.draws import Draws
from tiaki.synth.geo import (
    PHONE_STYLES,
    UTC_OFFSET_MINUTES,
    AddressPools,
    country_weights,
    format_phone,
    has_mobile_numbers,
    ipv4_in,
    ipv6_in,
    make_mobile,
)

# --- persons ---------------------------------------------------------------------------------------
# Accounts per person: heavy-tailed. Most hold 1-2; SMALL_MULTI_RATE hold 6-9; HEAVY_RATE hold 10-40.
ACCOUNTS_PER_PERSON = ((1, 0.64), (2, 0.24), (3, 0.07), (4, 0.03), (5, 0.02))
SMALL_MULTI_RATE = 0.012
HEAVY_RATE = 0.003
HEAVY_MAX = 40
# At least one person in each of the GUARANTEED_COUNTRIES most-weighted countries (when there are
# enough accounts: at most one guaranteed person per ACCOUNTS_PER_GUARANTEED accounts).
GUARANTEED_COUNTRIES = 140
ACCOUNTS_PER_GUARANTEED = 10
HOUSEHOLD_START_RATE = 0.045  # chance a new person starts a household of HOUSEHOLD_SIZE persons
HOUSEHOLD_SIZE = (2, 4)
HOUSEHOLD_SHARED_PHONE_RATE = 0.3
HOUSEHOLD_SHARED_DEVICE_RATE = 0.2
CAREFUL_RATE = 0.08  # persons who use a fresh burner email per account and nothing shared
SECOND_EMAIL_RATE = 0.3
PHONE_RATE = 0.6
DEVICE_RATE = 0.5
IPV6_PERSON_RATE = 0.3  # of persons whose country has IPv6 networks in the pool
VPN_PERSON_RATE = 0.10
CGNAT_PERSON_RATE = 0.35  # of persons in a country with a carrier-grade NAT address

# --- accounts --------------------------------------------------------------------------------------
NO_IDENTIFIER_RATE = 0.04
EMAIL_PRIMARY, EMAIL_SECOND, EMAIL_BURNER = 0.72, 0.18, 0.10
EMAIL_CASE_VARIANT_RATE = 0.15
EMAIL_DOT_VARIANT_RATE = 0.25  # only at domains that ignore dots
EMAIL_PLUS_TAG_RATE = 0.15  # only at domains that support +tags
PHONE_ON_ACCOUNT_RATE = 0.55
BURNER_PHONE_RATE = 0.03
DEVICE_ON_ACCOUNT_RATE = 0.45
NAME_IDENTIFIER_RATE = 0.10
DOB_IDENTIFIER_RATE = 0.05
VERIFIED_KNOWN_RATE = 0.6  # identifiers with a verified flag at all
OBSERVED_AT_RATE = 0.5
STATED_COUNTRY_RATE = 0.55
STATED_COUNTRY_WRONG_RATE = 0.10
STATUSES = (("active", 0.88), ("disabled", 0.08), ("deleted", 0.04))
PLATFORMS = (("Example Chat", 0.6), ("Example Photos", 0.4))

# --- IP events -------------------------------------------------------------------------------------
EVENTS_GEOMETRIC_P = 0.3  # events per account: 1 + geometric, capped at EVENTS_MAX
EVENTS_MAX = 20
VPN_EVENT_RATE = 0.6  # of a VPN user's events
HOME_EVENT_RATE = 0.6  # of the other events; the rest come from a mobile network
IPV6_EVENT_RATE = 0.35  # of home events of persons with IPv6
PORT_RATE = 0.25  # events with a source port (always for carrier-grade NAT)
LOCAL_OFFSET_RATE = 0.25  # timestamps written with the country's offset rather than "Z"
PROXY_FALSE_RATE = 0.2  # non-VPN events the provider marked possible_proxy=false
FLAGGED_EXIT_TRUE_RATE = 0.9
CGNAT_COUNTRIES = ("IN", "ID", "BR", "NG", "PH", "US", "MX")
VPN_EXIT_COUNTRIES = ("NL", "SE", "CH", "RO", "US", "DE")
VPN_FLAGGED_EXITS = 4  # the first exits are flagged possible_proxy by the provider, the rest not

# --- time ------------------------------------------------------------------------------------------
ACCOUNTS_FROM = 1325376000  # 2012-01-01
EVENTS_FROM = 1546300800  # 2019-01-01
EVENTS_TO = 1568332800  # 2019-09-13, the day before the disclosure was received

# --- names and addresses (made up) -----------------------------------------------------------------
SYLLABLES = (
    "ka", "ri", "to", "mo", "ne", "la", "vi", "sa", "ren", "tor", "mi", "lo", "da", "fen", "ar",
    "el", "is", "on", "ul", "bri", "ko", "ta", "ve", "zan", "ho", "pe", "nu", "sol", "dra", "kim",
    "yo", "ba", "ler", "mar", "tin", "qua", "jo", "ed", "wen", "gar",
)  # fmt: skip
# (domain, weight, ignores dots in the local part, supports +tags)
EMAIL_DOMAINS = (
    ("gmail.com", 30, True, True), ("googlemail.com", 1.5, True, True), ("outlook.com", 10, False, True),
    ("hotmail.com", 10, False, True), ("yahoo.com", 9, False, False), ("icloud.com", 5, False, True),
    ("protonmail.com", 3, False, True), ("proton.me", 1.5, False, True), ("gmx.net", 2, False, False),
    ("mail.ru", 3, False, False), ("yandex.ru", 2, False, True), ("qq.com", 4, False, False),
    ("example.com", 6, False, False), ("example.net", 5, False, False), ("example.org", 3, False, False),
    ("mail.example", 2, False, False),
)  # fmt: skip
DOMAIN_RULES = {d: (dots, plus) for d, _, dots, plus in EMAIL_DOMAINS}
DOMAIN_WEIGHTS = tuple((d, w) for d, w, _, _ in EMAIL_DOMAINS)
PLUS_TAGS = ("news", "shop", "alt", "x", "2019", "apps", "misc", "sub")
HANDLE_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
HEX = "0123456789abcdef"


@dataclass(slots=True)
class Persona:
    person_id: str
    country: str
    household: str | None
    first: str
    last: str
    birth: str  # YYYY-MM-DD
    emails: list[str]
    phone: str | None  # E.164
    devices: list[str]
    careful: bool
    home_ip: str
    home_v6: int | None  # /48 network, when the person also uses IPv6
    v6_host: int
    cgnat: str | None  # the carrier-grade NAT address of their mobile network, if any
    vpn: int | None  # index of their VPN exit, if they use one
    shared_phone: str | None = None
    shared_device: str | None = None
    accounts: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SharedAddress:
    ip: str
    country: str
    kind: str  # "cgnat" or "vpn"
    flagged: bool  # the provider marks its events possible_proxy=true


@dataclass
class Population:
    persons: list[Persona]
    households: int
    shared: list[SharedAddress]
    accounts: list[tuple[str, ...]] = field(default_factory=list)  # rows of ACCOUNT_COLUMNS
    identifiers: list[tuple[str, ...]] = field(default_factory=list)
    ip_events: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)  # (epoch, row)
    account_person: dict[str, int] = field(default_factory=dict)
    account_created: dict[str, int] = field(default_factory=dict)
    # what each person's accounts show, for records checks: (kind, value as written, E.164 or address)
    shown: dict[int, list[tuple[str, str, str]]] = field(default_factory=dict)


ACCOUNT_COLUMNS = (
    "account_id", "platform", "username", "display_name", "created_at", "profile_url", "stated_country",
    "status",
)  # fmt: skip
IDENTIFIER_COLUMNS = ("account_id", "kind", "value", "verified", "observed_at")
IP_EVENT_COLUMNS = ("account_id", "ip", "port", "event", "timestamp", "possible_proxy")


def iso(epoch: int, offset_minutes: int | None = None) -> str:
    """ISO 8601 with ``Z`` (offset ``None``) or with the given offset, e.g. ``+05:30``."""
    t = time.gmtime(epoch + 60 * (offset_minutes or 0))
    text = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}"
    if offset_minutes is None:
        return text + "Z"
    sign = "-" if offset_minutes < 0 else "+"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return f"{text}{sign}{hours:02d}:{minutes:02d}"


def canonical_email(address: str) -> str:
    """The mailbox an address reaches: lower case; dots and +tags dropped where the domain ignores them."""
    local, _, domain = address.lower().partition("@")
    dots, plus = DOMAIN_RULES.get(domain, (False, False))
    if plus:
        local = local.split("+", 1)[0]
    if dots:
        local = local.replace(".", "")
    return f"{local}@{domain}"


@lru_cache(maxsize=200_000)
def _phone_as(e164: str, style: str) -> str:
    return format_phone(e164, style)


class PopulationBuilder:
    def __init__(self, draws: Draws, rng: np.random.Generator, pools: AddressPools, accounts: int) -> None:
        self.d = draws
        self.rng = rng
        self.pools = pools
        self.n_accounts = accounts
        self.countries = [cc for cc in pools.countries]
        weights = country_weights(self.countries)
        self.cum_weights = np.cumsum(weights).tolist()
        by_weight = sorted(self.countries, key=lambda cc: (-weights[self.countries.index(cc)], cc))
        n_guaranteed = min(GUARANTEED_COUNTRIES, accounts // ACCOUNTS_PER_GUARANTEED, len(by_weight))
        guaranteed = by_weight[:n_guaranteed]
        self.guaranteed = [guaranteed[i] for i in rng.permutation(len(guaranteed))]
        self.taken_emails: set[str] = set()
        self.taken_phones: set[str] = set()
        self.taken_homes: set[str] = set()
        self.taken_handles: set[str] = set()
        self.shared = self._shared_addresses()
        self.cgnat = {s.country: s.ip for s in self.shared if s.kind == "cgnat"}
        self.vpn_exits = [s for s in self.shared if s.kind == "vpn"]
        ids = 100_000_000 + rng.permutation(accounts) * 11 + rng.integers(0, 11, accounts)
        self.account_ids = [str(int(x)) for x in ids]

    # ------------------------------------------------------------------------------------ helpers
    def _country(self) -> str:
        x = self.d.u()
        lo, hi = 0, len(self.cum_weights) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum_weights[mid] > x:
                hi = mid
            else:
                lo = mid + 1
        return self.countries[lo]

    def _v4(self, country: str) -> str:
        nets = self.pools.v4[country]
        return ipv4_in(int(nets[self.d.below(len(nets))]), self.d.between(2, 253))

    def _shared_addresses(self) -> list[SharedAddress]:
        shared = []
        for cc in CGNAT_COUNTRIES:
            if cc in self.pools.v4:
                shared.append(SharedAddress(self._v4(cc), cc, "cgnat", False))
        for i, cc in enumerate(VPN_EXIT_COUNTRIES):
            if cc in self.pools.v4:
                shared.append(SharedAddress(self._v4(cc), cc, "vpn", i < VPN_FLAGGED_EXITS))
        return shared

    def _home_ip(self, country: str) -> str:
        taken = {s.ip for s in self.shared}
        ip = self._v4(country)
        for _ in range(30):
            if ip not in self.taken_homes and ip not in taken:
                break
            ip = self._v4(country)
        self.taken_homes.add(ip)
        return ip

    def _name(self) -> tuple[str, str]:
        d = self.d
        first = "".join(d.pick(SYLLABLES) for _ in range(d.between(2, 3))).capitalize()
        last = "".join(d.pick(SYLLABLES) for _ in range(d.between(2, 3))).capitalize()
        return first, last

    def _email(self, first: str, last: str, birth: str) -> str:
        d = self.d
        f, la, yy = first.lower(), last.lower(), birth[2:4]
        styles = (
            f"{f}.{la}",
            f"{f}{la}",
            f"{f[0]}{la}",
            f"{f}_{la}",
            f"{f}.{la}{yy}",
            f"{la}.{f}",
            f"{f}{yy}",
        )
        local = d.pick(styles)
        domain = d.weighted(DOMAIN_WEIGHTS)
        address = f"{local}@{domain}"
        while canonical_email(address) in self.taken_emails:
            address = f"{local}{d.between(1, 9999)}@{domain}"
        self.taken_emails.add(canonical_email(address))
        return address

    def _burner_email(self) -> str:
        d = self.d
        while True:
            local = "".join(d.pick(HANDLE_CHARS) for _ in range(d.between(7, 11)))
            address = f"{local}@{d.weighted(DOMAIN_WEIGHTS)}"
            if canonical_email(address) not in self.taken_emails:
                self.taken_emails.add(canonical_email(address))
                return address

    def _phone(self, country: str) -> str | None:
        if not has_mobile_numbers(country):
            return None
        return make_mobile(country, self.d.u(), self.taken_phones)

    def _device(self) -> str:
        d = self.d
        if d.chance(0.5):
            return "".join(d.pick(HEX) for _ in range(16))  # an Android ID
        h = "".join(d.pick(HEX) for _ in range(32)).upper()  # an iOS identifier for vendor
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def _handle(self, person: Persona) -> str:
        d = self.d
        if not person.careful and d.chance(0.6):
            base = d.pick((person.first + person.last[0], person.first[0] + person.last, person.first))
            base = (
                base.lower() + d.pick(("", "_", ".")) + d.pick(("", person.birth[2:4], str(d.between(1, 99))))
            )
        else:
            base = "".join(d.pick(HANDLE_CHARS) for _ in range(d.between(6, 10)))
        handle = base
        while handle in self.taken_handles:
            handle = f"{base}{d.between(1, 999)}"
        self.taken_handles.add(handle)
        return handle

    # ------------------------------------------------------------------------------------ persons
    def _accounts_for_person(self) -> int:
        d = self.d
        x = d.u()
        if x < HEAVY_RATE:
            return min(HEAVY_MAX, 10 + int(4 / max(1e-9, d.u()) ** 0.6) - 4)
        if x < HEAVY_RATE + SMALL_MULTI_RATE:
            return d.between(6, 9)
        return d.weighted(ACCOUNTS_PER_PERSON)

    def _person(self, index: int, country: str, household: str | None) -> Persona:
        d = self.d
        first, last = self._name()
        birth = f"{d.between(1950, 2003)}-{d.between(1, 12):02d}-{d.between(1, 28):02d}"
        careful = d.chance(CAREFUL_RATE)
        emails: list[str] = []
        phone = None
        devices: list[str] = []
        if not careful:
            emails.append(self._email(first, last, birth))
            if d.chance(SECOND_EMAIL_RATE):
                emails.append(self._email(first, last, birth))
            if d.chance(PHONE_RATE):
                phone = self._phone(country)
            if d.chance(DEVICE_RATE):
                devices = [self._device() for _ in range(d.between(1, 2))]
        has_v6 = country in self.pools.v6 and d.chance(IPV6_PERSON_RATE)
        v6_nets = self.pools.v6.get(country)
        home_v6 = int(v6_nets[d.below(len(v6_nets))]) if has_v6 and v6_nets is not None else None
        return Persona(
            person_id=f"P{index + 1:06d}",
            country=country,
            household=household,
            first=first,
            last=last,
            birth=birth,
            emails=emails,
            phone=phone,
            devices=devices,
            careful=careful,
            home_ip=self._home_ip(country),
            home_v6=home_v6,
            v6_host=int(d.u() * 2**53) << 27 | d.below(2**27),
            cgnat=self.cgnat.get(country) if d.chance(CGNAT_PERSON_RATE) else None,
            vpn=d.below(len(self.vpn_exits)) if self.vpn_exits and d.chance(VPN_PERSON_RATE) else None,
        )

    def build(self, progress: object | None = None) -> Population:
        """Persons and their accounts until the account budget is spent. ``progress`` is called with
        the number of accounts made after each person."""
        d = self.d
        persons: list[Persona] = []
        households = 0
        made = 0
        pop = Population(persons=persons, households=0, shared=self.shared)
        pending: list[tuple[str, str | None]] = []  # (country, household) of persons still to make
        members_start = 0
        n_guaranteed = 0
        while made < self.n_accounts:
            if not pending:
                if n_guaranteed < len(self.guaranteed):
                    country = self.guaranteed[n_guaranteed]
                    n_guaranteed += 1
                else:
                    country = self._country()
                if d.chance(HOUSEHOLD_START_RATE):
                    households += 1
                    pending = [(country, f"H{households:05d}")] * d.between(*HOUSEHOLD_SIZE)
                    members_start = len(persons)
                else:
                    pending = [(country, None)]
            country, hid = pending.pop(0)
            person = self._person(len(persons), country, hid)
            persons.append(person)
            if hid is not None:
                self._join_household(persons, members_start, person)
            n = min(self._accounts_for_person(), self.n_accounts - made)
            for _ in range(n):
                self._account(pop, len(persons) - 1, self.account_ids[made])
                made += 1
            if callable(progress):
                progress(n)
        pop.households = households
        return pop

    def _join_household(self, persons: list[Persona], start: int, person: Persona) -> None:
        d = self.d
        head = persons[start]
        if person is head:
            if d.chance(HOUSEHOLD_SHARED_PHONE_RATE):
                head.shared_phone = self._phone(head.country)
            if d.chance(HOUSEHOLD_SHARED_DEVICE_RATE):
                head.shared_device = self._device()
            return
        self.taken_homes.discard(person.home_ip)
        person.home_ip = head.home_ip
        person.home_v6 = head.home_v6
        person.shared_phone = head.shared_phone
        person.shared_device = head.shared_device

    # ------------------------------------------------------------------------------------ accounts
    def _account(self, pop: Population, p_index: int, account_id: str) -> None:
        d = self.d
        person = pop.persons[p_index]
        person.accounts.append(account_id)
        pop.account_person[account_id] = p_index
        span = EVENTS_TO - ACCOUNTS_FROM
        created = ACCOUNTS_FROM + int(d.u() ** 0.5 * span)  # more recent accounts are commoner
        pop.account_created[account_id] = created
        handle = self._handle(person)
        display = ""
        if not person.careful:
            display = d.weighted(((f"{person.first} {person.last}", 0.5), (person.first, 0.2), ("", 0.3)))
        stated = ""
        if d.chance(STATED_COUNTRY_RATE):
            stated = self._country() if d.chance(STATED_COUNTRY_WRONG_RATE) else person.country
            if d.chance(0.1):
                stated = stated.lower()  # as typed
        pop.accounts.append(
            (
                account_id,
                d.weighted(PLATFORMS),
                handle,
                display,
                iso(created),
                f"https://example.com/u/{handle}",
                stated,
                d.weighted(STATUSES),
            )
        )
        self._identifiers(pop, p_index, person, account_id, created)
        self._ip_events(pop, person, account_id, created)

    def _identifiers(
        self, pop: Population, p_index: int, person: Persona, account_id: str, created: int
    ) -> None:
        d = self.d
        if d.chance(NO_IDENTIFIER_RATE):
            return
        rows: list[tuple[str, str, str]] = []  # (kind, value as written, underlying value)
        if person.careful or not person.emails:
            burner = self._burner_email()
            rows.append(("email", burner, burner))
        else:
            x = d.u()
            if x < EMAIL_PRIMARY or (len(person.emails) == 1 and x < EMAIL_PRIMARY + EMAIL_SECOND):
                rows.append(("email", self._email_variant(person.emails[0]), person.emails[0]))
            elif x < EMAIL_PRIMARY + EMAIL_SECOND:
                rows.append(("email", self._email_variant(person.emails[1]), person.emails[1]))
            else:
                burner = self._burner_email()
                rows.append(("email", burner, burner))
        phones: list[str | None] = []
        if person.phone and d.chance(PHONE_ON_ACCOUNT_RATE):
            phones.append(person.phone)
        elif not person.careful and d.chance(BURNER_PHONE_RATE):
            phones.append(self._phone(person.country))
        if person.shared_phone and d.chance(0.5):
            phones.append(person.shared_phone)
        rows.extend(("phone", _phone_as(e164, d.weighted(PHONE_STYLES)), e164) for e164 in phones if e164)
        if person.devices and d.chance(DEVICE_ON_ACCOUNT_RATE):
            device = d.pick(person.devices)
            rows.append(("device", device, device))
        if person.shared_device and d.chance(0.5):
            rows.append(("device", person.shared_device, person.shared_device))
        if not person.careful and d.chance(NAME_IDENTIFIER_RATE):
            rows.append(("name", f"{person.first} {person.last}", ""))
        if not person.careful and d.chance(DOB_IDENTIFIER_RATE):
            rows.append(("dob", person.birth, ""))
        shown = pop.shown.setdefault(p_index, [])
        for kind, value, underlying in rows:
            verified = d.pick(("true", "false")) if d.chance(VERIFIED_KNOWN_RATE) else ""
            observed = (
                iso(max(created, EVENTS_FROM) + d.below(86400 * 30)) if d.chance(OBSERVED_AT_RATE) else ""
            )
            pop.identifiers.append((account_id, kind, value, verified, observed))
            if kind in ("email", "phone"):
                shown.append((kind, value, underlying))

    def _email_variant(self, address: str) -> str:
        d = self.d
        local, _, domain = address.partition("@")
        dots, plus = DOMAIN_RULES[domain]
        if dots and d.chance(EMAIL_DOT_VARIANT_RATE):
            bare = local.replace(".", "")
            if "." in local or len(bare) < 3:
                local = bare
            else:
                cut = d.between(1, len(bare) - 1)
                local = f"{bare[:cut]}.{bare[cut:]}"
        if plus and d.chance(EMAIL_PLUS_TAG_RATE):
            local = f"{local}+{d.pick(PLUS_TAGS)}"
        if d.chance(EMAIL_CASE_VARIANT_RATE):
            style = d.below(3)
            if style == 0:
                local = ".".join(part.capitalize() for part in local.split("."))
                domain = domain.capitalize()
            elif style == 1:
                local, domain = local.upper(), domain.upper()
            else:
                local = local.capitalize()
        return f"{local}@{domain}"

    def event_address(self, person: Persona) -> tuple[str, str, str]:
        """(ip, port, possible_proxy) for one event of ``person``."""
        d = self.d
        if person.vpn is not None and d.chance(VPN_EVENT_RATE):
            exit_ = self.vpn_exits[person.vpn]
            port = str(d.between(1024, 65535)) if d.chance(PORT_RATE) else ""
            if exit_.flagged:
                return exit_.ip, port, "true" if d.chance(FLAGGED_EXIT_TRUE_RATE) else ""
            return exit_.ip, port, d.pick(("", "false"))
        proxy = "false" if d.chance(PROXY_FALSE_RATE) else ""
        if d.chance(HOME_EVENT_RATE):
            port = str(d.between(1024, 65535)) if d.chance(PORT_RATE) else ""
            if person.home_v6 is not None and d.chance(IPV6_EVENT_RATE):
                return ipv6_in(person.home_v6, person.v6_host), port, proxy
            return person.home_ip, port, proxy
        if person.cgnat is not None:
            return person.cgnat, str(d.between(1024, 65535)), proxy
        port = str(d.between(1024, 65535)) if d.chance(PORT_RATE) else ""
        return self._v4(person.country), port, proxy

    def timestamp(self, person: Persona, epoch: int) -> str:
        if self.d.chance(LOCAL_OFFSET_RATE):
            return iso(epoch, UTC_OFFSET_MINUTES.get(person.country, 0))
        return iso(epoch)

    def _ip_events(self, pop: Population, person: Persona, account_id: str, created: int) -> None:
        d = self.d
        start = max(created, EVENTS_FROM)
        n = 1 + d.geometric(EVENTS_GEOMETRIC_P, EVENTS_MAX - 1)
        for i in range(n):
            if i == 0 and created >= EVENTS_FROM:
                epoch, kind = created, "registration"
            else:
                epoch = start + d.below(EVENTS_TO - start)
                kind = d.weighted((("login", 0.85), ("other", 0.05), ("unknown", 0.05), ("purchase", 0.05)))
            ip, port, proxy = self.event_address(person)
            pop.ip_events.append((epoch, (account_id, ip, port, kind, self.timestamp(person, epoch), proxy)))
