"""Independent synthetic operation: a disclosure bundle, its ground truth and dated geolocation databases.

    python -m bench.independent.generator OUT --accounts 15300 --seed 11

writes ``OUT/bundle/`` (a disclosure bundle, version 1), ``OUT/truth/`` (who owns which account and
where each person lives) and ``OUT/geo/geo-YYYY-MM-DD.mmdb`` (the operator's country databases). The
world it models is described in ``bench/independent/README.md``. The same seed gives byte-identical
output (for one version of the registry data ``iptocc`` ships).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import ipaddress
import json
import math
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib.metadata import version
from pathlib import Path

import iptocc

from bench.independent import people
from bench.independent.ipspace import (
    Block,
    Registry,
    Snapshot,
    build_snapshots,
    foreign_registration,
    write_mmdb,
)
from bench.independent.names import CULTURES, ascii_slug
from bench.independent.people import Address, Device, Mailbox, PersonName, Phone
from bench.independent.world import BY_CODE, COUNTRIES, HOSTING, LOCAL_HOURS, Country, subregion_members

PERIOD_START = datetime(2023, 10, 1, tzinfo=UTC)
PERIOD_END = datetime(2024, 9, 30, tzinfo=UTC)
SNAPSHOT_DATES = (datetime(2024, 1, 8, tzinfo=UTC), datetime(2024, 8, 26, tzinfo=UTC))
RECEIVED_AT = datetime(2024, 10, 14, 3, 0, tzinfo=UTC)
PLATFORMS: tuple[tuple[str, str, float], ...] = (
    ("PixelPost", "https://pixelpost.example/u/", 0.45),
    ("TalkLine", "https://talkline.example/", 0.35),
    ("ClipStream", "https://clipstream.example/@", 0.20),
)


@dataclass(frozen=True)
class Params:
    """The knobs of the world; the defaults are the documented distributions."""

    accounts: int
    seed: int
    zipf_countries: float = 1.15  # persons per country ~ 1 / rank ** s, jittered
    micro_states: int = 25  # the last rows of the country table: islands and micro-states ...
    micro_weight: float = 0.08  # ... weighted down this much (most hold no one in a small operation)
    household_share: float = 0.15  # persons who live with another person of the data
    migrant_share: float = 0.05  # persons living outside the country their name comes from
    vpn_share: float = 0.07  # persons who use a commercial VPN
    tor_share: float = 0.008
    vps_share: float = 0.01  # persons who tunnel through a server they rent
    travel_share: float = 0.14  # persons with one or two trips abroad in the period
    burner_share: float = 0.22  # multi-account persons with throwaway accounts among them
    foreign_registration: dict[str, float] = field(
        default_factory=lambda: {"residential": 0.10, "mobile": 0.22, "business": 0.14, "hosting": 0.45}
    )
    geo_error_rate: float = 0.03
    geo_miss_rate: float = 0.005
    moved_share: float = 0.02  # residential IPv4 blocks transferred to another country between snapshots
    same_name_share: float = 0.006  # persons given the exact name of another person in their country
    device_phone_only_share: float = 0.006
    email_variant_only_share: float = 0.006


# --- the persons ----------------------------------------------------------------------------------


@dataclass
class Household:
    hid: int
    country: Country
    relation: str  # single, couple, parent_child, siblings, twins, flatmates
    address: Address
    isp: str
    leases: list[tuple[float, str]] = field(default_factory=list)  # (start epoch, IPv4) sorted
    v6_prefix: int | None = None  # the household's /56, when dual-stack
    landline: Phone | None = None
    tablet: Device | None = None
    family_mail: Mailbox | None = None
    card: str | None = None
    members: list[int] = field(default_factory=list)


@dataclass
class Person:
    pid: int
    household: Household
    country: Country
    origin: Country
    name: PersonName
    dob: date
    n_accounts: int
    handles: list[str] = field(default_factory=list)
    mailboxes: list[Mailbox] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    phone_style: str = "national"
    devices: list[Device] = field(default_factory=list)
    card: str | None = None
    carrier: str = ""
    work: int | None = None  # index of a workplace network in the country
    venues: list[int] = field(default_factory=list)  # public networks the person uses
    vpn: tuple[int, list[int], float] | None = None  # (provider, favourite servers, share of sessions)
    tor: float = 0.0
    vps: str | None = None
    trips: list[tuple[float, float, Country]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @property
    def person_id(self) -> str:
        return f"P{self.pid:06d}"


class BlockFull(Exception):
    """Every address of a block is held (for a lease: past the moment it would start)."""


def _epoch(when: datetime) -> float:
    return when.timestamp()


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def accounts_per_person(rng: random.Random) -> int:
    """Heavy-tailed: most persons hold one account, some two to five, a few ten or more (mean about 1.7)."""
    roll = rng.random()
    if roll < 0.66:
        return 1
    if roll < 0.85:
        return 2
    if roll < 0.925:
        return 3
    if roll < 0.96:
        return 4
    if roll < 0.98:
        return 5
    if roll < 0.995:
        return rng.randint(6, 9)
    return min(60, int(10 * (1 - rng.random()) ** (-1 / 2.0)))  # Pareto tail from 10 (alpha 2)


class World:
    """Builds the persons, their networks and accounts, then writes everything out."""

    def __init__(self, params: Params):
        self.p = params
        self.rng = random.Random(params.seed)
        self.registry = Registry()
        self.blocks: list[Block] = []
        self.operators: dict[str, list[int]] = {}  # operator -> block indices
        self.country_isps: dict[str, list[str]] = {}
        self.country_carriers: dict[str, list[str]] = {}
        self.cgnat: dict[str, list[str]] = {}  # carrier -> public addresses
        self.v6_blocks: dict[str, int] = {}  # operator -> block index of its IPv6 block
        self.workplaces: dict[str, list[str]] = {}  # country -> static addresses of offices
        self.venues: dict[str, list[str]] = {}  # country -> addresses of public networks
        self.vpn_servers: list[list[tuple[str, str]]] = []  # provider -> servers [(address, country)]
        self.tor_exits: list[tuple[str, str]] = []
        self.hosting_blocks: dict[str, list[int]] = {}  # country -> hosting block indices
        self.address_block: dict[str, int] = {}  # static or leased IPv4 address -> block index
        self.lease_end: dict[str, float] = {}  # leased address -> when its latest lease ends
        self.full_until: dict[int, float] = {}  # block index -> no address free for a lease starting earlier
        self.taken_canonical: set[str] = set()
        self.taken_phones: set[str] = set()
        self.taken_handles: dict[str, set[str]] = {name: set() for name, _, _ in PLATFORMS}
        self.persons: list[Person] = []
        self.households: list[Household] = []
        self.country_weights = self._country_weights()

    # --- countries and persons --------------------------------------------------------------------

    def _country_weights(self) -> list[float]:
        """Zipf over the table's order, jittered per seed; the last ``micro_states`` rows are far smaller."""
        micro = len(COUNTRIES) - self.p.micro_states
        return [
            math.exp(self.rng.gauss(0, 0.3))
            / (c.rank + 1) ** self.p.zipf_countries
            * (self.p.micro_weight if c.rank >= micro else 1.0)
            for c in COUNTRIES
        ]

    def _pick_country(self, exclude: str | None = None) -> Country:
        while True:
            country = self.rng.choices(COUNTRIES, self.country_weights)[0]
            if country.code != exclude:
                return country

    def _culture(self, country: Country) -> str:
        names, weights = zip(*country.cultures, strict=True)
        return self.rng.choices(names, weights)[0]

    def build_persons(self) -> None:
        counts: list[int] = []
        while sum(counts) < self.p.accounts:
            counts.append(accounts_per_person(self.rng))
        counts[-1] -= sum(counts) - self.p.accounts
        if counts[-1] <= 0:
            counts.pop()
        # Share of households with more than one member so that household_share of persons live with another.
        mean_size = 0.75 * 2 + 0.18 * 3 + 0.07 * 4
        multi = self.p.household_share / (mean_size - self.p.household_share * (mean_size - 1))
        i = 0
        while i < len(counts):
            size = 1
            if self.rng.random() < multi:
                size = self.rng.choices((2, 3, 4), (0.75, 0.18, 0.07))[0]
            size = min(size, len(counts) - i)
            self._household(counts[i : i + size])
            i += size

    def _household(self, counts: Sequence[int]) -> None:
        rng = self.rng
        country = self._pick_country()
        origin = country
        if rng.random() < self.p.migrant_share:
            origin = self._pick_country(exclude=country.code)
        if len(counts) == 1:
            relation = "single"
        elif len(counts) == 2:
            relation = rng.choices(
                ("couple", "parent_child", "siblings", "twins", "flatmates"), (58, 18, 10, 5, 9)
            )[0]
        else:
            relation = rng.choices(("family", "flatmates"), (85, 15))[0]
        culture = CULTURES[self._culture(origin)]
        hh = Household(
            hid=len(self.households),
            country=country,
            relation=relation,
            address=people.make_address(rng, culture, country),
            isp=rng.choices(
                self.country_isps[country.code], _rank_weights(len(self.country_isps[country.code]))
            )[0],
        )
        self.households.append(hh)
        self._home_network(hh)
        shared_surnames = None
        base_year = rng.randint(1955, 2006)
        for k, n_accounts in enumerate(counts):
            member_culture = culture
            member_origin = origin
            if relation == "flatmates" and k > 0:
                member_origin = country if rng.random() < 0.7 else self._pick_country()
                member_culture = CULTURES[self._culture(member_origin)]
            female = rng.random() < 0.5
            if relation == "couple" and k == 1:
                female = not self.persons[-1].name.female if rng.random() < 0.9 else female
            same_surname = relation in ("parent_child", "siblings", "twins", "family") or (
                relation == "couple" and rng.random() < 0.6
            )
            name = people.make_name(
                rng, member_culture, female, shared_surnames if same_surname and k > 0 else None
            )
            if k == 0:
                shared_surnames = name.surnames
            dob = self._dob(relation, k, base_year)
            person = Person(len(self.persons), hh, country, member_origin, name, dob, n_accounts)
            hh.members.append(person.pid)
            self.persons.append(person)
            self._identity(person)
        if len(counts) > 1:
            if rng.random() < 0.35:
                hh.landline = people.make_phone(rng, country, landline=True)
                self._claim_phone(hh.landline)
            if rng.random() < 0.4:
                hh.tablet = Device("tablet", people.device_id(rng, "tablet"))
            if rng.random() < 0.15:
                surname = ascii_slug(self.persons[hh.members[0]].name.surname_text(0, both=False)) or "home"
                hh.family_mail = self._claim_mailbox(
                    Mailbox(
                        f"{surname}{rng.choice(('family', 'home', 'house'))}",
                        people.mail_domain(rng, country),
                    )
                )
            if rng.random() < 0.1:
                hh.card = f"pm_{rng.getrandbits(96):024x}"
        elif rng.random() < 0.12:
            hh.landline = people.make_phone(rng, country, landline=True)
            self._claim_phone(hh.landline)

    def _dob(self, relation: str, k: int, base_year: int) -> date:
        rng = self.rng
        year = base_year
        if relation == "parent_child" and k == 1:
            year = min(2008, base_year + rng.randint(20, 38))
        elif relation in ("siblings", "family") and k > 0:
            year = min(
                2008,
                base_year + rng.randint(-6, 8) if relation == "siblings" else base_year + rng.randint(18, 36),
            )
        elif relation in ("couple", "flatmates") and k > 0:
            year = base_year + rng.randint(-6, 6)
        if relation == "twins" and k == 1:
            return self.persons[-1].dob
        year = max(1940, min(2008, year))
        return date(year, rng.randint(1, 12), rng.randint(1, 28))

    def _identity(self, person: Person) -> None:
        """Handles, mailboxes, phones, devices and network habits of one person."""
        rng = self.rng
        self._names_and_mail(person)
        n_phones = rng.choices((0, 1, 2), (22, 63, 15))[0]
        for _ in range(n_phones):
            where = person.country
            if person.origin is not person.country and rng.random() < 0.5:
                where = person.origin  # kept the number from home
            elif rng.random() < 0.01:
                where = BY_CODE[
                    rng.choice(("TO", "WS", "NU", "CK", "FJ", "MV", "LI", "FO"))
                ]  # a small country's SIM
            phone = people.make_phone(rng, where)
            if rng.random() < 0.02:
                phone = people.mistyped(rng, phone)
                person.tags.append("mistyped_phone")
            person.phones.append(self._claim_phone(phone))
        person.phone_style = rng.choice(people.PHONE_STYLES)
        person.devices.append(Device("phone", people.device_id(rng, "phone")))
        if rng.random() < 0.2:
            person.devices.append(
                Device("phone", people.device_id(rng, "phone"))
            )  # a replacement or second phone
        if rng.random() < 0.5:
            person.devices.append(Device("laptop", people.device_id(rng, "laptop")))
        if rng.random() < 0.06:
            person.card = f"pm_{rng.getrandbits(96):024x}"
        code = person.country.code
        carriers = self.country_carriers[code]
        person.carrier = rng.choices(carriers, _rank_weights(len(carriers)))[0]
        if rng.random() < 0.35 and self.workplaces[code]:
            person.work = rng.randrange(len(self.workplaces[code]))
        if rng.random() < 0.25:
            person.venues = [rng.randrange(len(self.venues[code])) for _ in range(rng.randint(1, 3))]
        if rng.random() < self.p.vpn_share:
            provider = rng.randrange(len(self.vpn_servers))
            servers = self.vpn_servers[provider]
            person.vpn = (
                provider,
                [rng.randrange(len(servers)) for _ in range(rng.randint(1, 3))],
                rng.choice((0.2, 0.5, 0.8, 1.0)),
            )
            person.tags.append("vpn")
        if rng.random() < self.p.tor_share:
            person.tor = rng.choice((0.3, 0.7, 1.0))
            person.tags.append("tor")
        if rng.random() < self.p.vps_share:
            person.vps = self.server()[0]
            person.tags.append("vps")
        if rng.random() < self.p.travel_share:
            for _ in range(rng.choice((1, 1, 2))):
                start = rng.uniform(_epoch(PERIOD_START), _epoch(PERIOD_END) - 15 * 86400)
                person.trips.append((start, start + rng.uniform(3, 14) * 86400, self._destination(person)))
            person.trips.sort(key=lambda t: t[0])
            person.tags.append("travel")
        if person.origin is not person.country:
            person.tags.append("migrant")

    def _names_and_mail(self, person: Person) -> None:
        """Handle stems and mailboxes, which follow from the person's name."""
        rng = self.rng
        n_handles = 1 if rng.random() < 0.7 else 2
        person.handles = [people.handle_base(rng, person.name, person.dob) for _ in range(n_handles)]
        n_mail = rng.choices((1, 2, 3), (55, 33, 12))[0]
        person.mailboxes = []
        for _ in range(n_mail):
            local = people.mailbox_local(rng, person.name, person.dob, rng.choice(person.handles))
            home = person.country if rng.random() < 0.8 else person.origin
            person.mailboxes.append(self._claim_mailbox(Mailbox(local, people.mail_domain(rng, home))))

    def _destination(self, person: Person) -> Country:
        rng = self.rng
        roll = rng.random()
        if person.origin is not person.country and roll < 0.3:
            return person.origin
        if roll < 0.55:
            near = [c for c in subregion_members(person.country.subregion) if c != person.country.code]
            if near:
                return BY_CODE[rng.choice(near)]
        if roll < 0.85:
            return BY_CODE[
                rng.choice(("US", "GB", "FR", "ES", "IT", "TH", "JP", "AU", "AE", "SG", "MX", "TR", "DE"))
            ]
        return self._pick_country(exclude=person.country.code)

    def _claim_mailbox(self, box: Mailbox) -> Mailbox:
        while box.canonical in self.taken_canonical:
            box = Mailbox(f"{box.local}{self.rng.randrange(1, 1000)}", box.domain)
        self.taken_canonical.add(box.canonical)
        return box

    def _claim_phone(self, phone: Phone) -> Phone:
        while phone.e164 in self.taken_phones:
            phone = people.make_phone(self.rng, phone.country)
        self.taken_phones.add(phone.e164)
        return phone

    # --- networks ---------------------------------------------------------------------------------

    def build_networks(self) -> None:
        """Operators and their blocks in every country; VPN, relay and server space in hosting countries."""
        rng = self.rng
        expected = {c.code: w for c, w in zip(COUNTRIES, self.country_weights, strict=True)}
        total = sum(expected.values())
        for country in COUNTRIES:
            persons = self.p.accounts / 1.7 * expected[country.code] / total
            code = country.code
            n_isp = 1 + min(4, int(math.log10(persons + 1) * 1.4))
            n_carrier = 1 + min(3, int(math.log10(persons + 1)))
            self.country_isps[code] = []
            self.country_carriers[code] = []
            for k in range(n_isp):
                operator = f"{code}-isp-{k + 1}"
                self.country_isps[code].append(operator)
                for _ in range(1 + (rng.random() < 0.35) + min(2, int(persons / 400))):
                    self._block(operator, "residential", code, rng.choice((20, 20, 21, 22)))
                if rng.random() < 0.45:
                    self._block(operator, "residential", code, 40, v6=True)
                self._block(operator, "business", code, 24)
            for k in range(n_carrier):
                operator = f"{code}-mobile-{k + 1}"
                self.country_carriers[code].append(operator)
                index = self._block(operator, "mobile", code, 24)
                network = self.blocks[index].network
                pool_size = rng.choice((8, 12, 16, 24, 32))
                hosts = rng.sample(range(1, network.num_addresses - 1), pool_size)
                self.cgnat[operator] = [str(network[h]) for h in sorted(hosts)]
                self.blocks[index].cgnat_pool = self.cgnat[operator]
                if rng.random() < 0.3:
                    self._block(operator, "mobile", code, 40, v6=True)
            n_work = max(1, round(persons * 0.35 / 4))
            business = [
                i
                for op in self.country_isps[code]
                for i in self.operators[op]
                if self.blocks[i].kind == "business"
            ]
            self.workplaces[code] = [self._host(rng.choice(business)) for _ in range(n_work)]
            residential = [
                i
                for op in self.country_isps[code]
                for i in self.operators[op]
                if self.blocks[i].kind == "residential" and self.blocks[i].network.version == 4
            ]
            self.venues[code] = [
                self._host(rng.choice(residential + business)) for _ in range(max(3, round(persons / 10)))
            ]
        self._hosting()
        self._moves()

    def _block(self, operator: str, kind: str, country: str, prefixlen: int, v6: bool = False) -> int:
        """Allocate a block for ``operator`` in ``country``: registered there, or on purpose elsewhere."""
        rng = self.rng
        wanted = country
        if rng.random() < self.p.foreign_registration[kind]:
            wanted = foreign_registration(country, kind, rng)
        network: ipaddress.IPv4Network | ipaddress.IPv6Network | None = None
        for candidate in (wanted, country, *subregion_members(BY_CODE[country].subregion), "US"):
            if v6:
                network = self.registry.v6_block(candidate, prefixlen, rng)
            else:
                network = self.registry.v4_block(candidate, prefixlen, rng)
            if network is not None:
                break
        assert network is not None
        registered = iptocc.country_code(str(network[1]))
        block = Block(network, kind, operator, country, registered)
        self.blocks.append(block)
        index = len(self.blocks) - 1
        self.operators.setdefault(operator, []).append(index)
        if v6:
            self.v6_blocks[operator] = index
        return index

    def _host(self, index: int, busy_until: float | None = None) -> str:
        """A new address in block ``index`` that no one else holds (leases: until ``busy_until``).

        Raises :class:`BlockFull` when there is none, rather than drawing forever.
        """
        network = self.blocks[index].network
        misses = 0
        while True:
            if misses % network.num_addresses == 0 and not self._has_free(index, busy_until, scan=misses > 0):
                raise BlockFull(f"no free address in {network} ({self.blocks[index].operator})")
            address = str(network[self.rng.randrange(1, network.num_addresses - 1)])
            if address not in self.address_block:
                break
            if busy_until is not None and address in self.lease_end and self.lease_end[address] <= busy_until:
                break  # a dynamic address handed out again after its earlier lease ended
            misses += 1
        self.address_block[address] = index
        return address

    def _has_free(self, index: int, busy_until: float | None = None, scan: bool = True) -> bool:
        """Whether :meth:`_host` can find an address in block ``index``; without ``scan``, only
        whether the block was not found full before. A full block stays full for leases that start
        before its earliest lease end: addresses are never given back, and leases only get later.
        """
        full = self.full_until.get(index)
        if full is not None and (busy_until is None or busy_until < full):
            return False
        if not scan:
            return True
        network = self.blocks[index].network
        until = math.inf
        for host in range(1, network.num_addresses - 1):
            address = str(network[host])
            if address not in self.address_block:
                return True
            end = self.lease_end.get(address, math.inf)
            if busy_until is not None and end <= busy_until:
                return True
            until = min(until, end)
        self.full_until[index] = until
        return False

    def address_country(self, address: str, t: float) -> str:
        """Where the block holding ``address`` (one handed out by :meth:`_host`) is used at ``t``."""
        return self.blocks[self.address_block[address]].country_at(datetime.fromtimestamp(t, UTC))

    def _hosting(self) -> None:
        rng = self.rng
        countries = tuple(code for code, _ in HOSTING)
        hosting_blocks = self.hosting_blocks
        for k in range(12):
            operator = f"hosting-{k + 1}"
            for code in rng.sample(countries, rng.randint(4, 9)):
                for _ in range(rng.choice((1, 1, 2, 3))):
                    hosting_blocks.setdefault(code, []).append(self._block(operator, "hosting", code, 24))
        for code in countries:
            if code not in hosting_blocks:
                hosting_blocks[code] = [self._block("hosting-13", "hosting", code, 24)]
        # VPN providers run many exit servers, so in one operation most exits serve few accounts.
        for _ in range(6):
            self.vpn_servers.append([self.server() for _ in range(rng.randint(80, 300))])
        self.tor_exits = [self.server() for _ in range(60)]

    def server(self) -> tuple[str, str]:
        """A new rented server in a hosting country: (its address, the country)."""
        countries, weights = zip(*HOSTING, strict=True)
        code = self.rng.choices(countries, weights)[0]
        return self._host(self.rng.choice(self.hosting_blocks[code])), code

    def _moves(self) -> None:
        """Some residential IPv4 blocks pass to an operator of another country between the snapshots."""
        rng = self.rng
        candidates = [
            i for i, b in enumerate(self.blocks) if b.kind == "residential" and b.network.version == 4
        ]
        count = max(1, round(len(candidates) * self.p.moved_share))
        low, high = _epoch(SNAPSHOT_DATES[0]) + 20 * 86400, _epoch(SNAPSHOT_DATES[1]) - 20 * 86400
        moved = 0
        for i in rng.sample(candidates, len(candidates)):
            if moved >= count:
                break
            block = self.blocks[i]
            own = [
                j
                for j in self.operators[block.operator]
                if j != i
                and self.blocks[j].kind == "residential"
                and self.blocks[j].network.version == 4
                and self.blocks[j].moved_at is None
            ]
            if not own:
                continue  # the operator must keep a block of its own
            near = [c for c in subregion_members(BY_CODE[block.country].subregion) if c != block.country]
            target = (
                rng.choice(near)
                if near and rng.random() < 0.6
                else self._pick_country(exclude=block.country).code
            )
            block.moved_at = datetime.fromtimestamp(int(rng.uniform(low, high)), UTC)
            block.moved_country = target
            block.moved_operator = rng.choice(self.country_isps[target])
            self.operators.setdefault(block.moved_operator, []).append(i)
            moved += 1

    def _home_network(self, hh: Household) -> None:
        """Dynamic IPv4 leases over the period (long ones at some operators), and an IPv6 /56 for some."""
        rng = self.rng
        mean_days = 300 if hash_int(hh.isp) % 4 == 0 else 40
        t = _epoch(PERIOD_START) - rng.uniform(0, mean_days) * 86400
        end = _epoch(PERIOD_END)
        while t < end:
            when = datetime.fromtimestamp(max(t, _epoch(PERIOD_START)), UTC)
            blocks = [
                i
                for i in self.operators[hh.isp]
                if self.blocks[i].kind == "residential"
                and self.blocks[i].network.version == 4
                and self.blocks[i].active(hh.isp, when)
            ]
            index = rng.choice(blocks)
            try:
                address = self._host(index, busy_until=t)
            except BlockFull:
                # Leases are drawn household by household over the whole period, so a block can be
                # taken past ``t`` at every address: another block of the operator, or a new one.
                spare = [i for i in blocks if i != index and self._has_free(i, t)]
                if spare:
                    index = rng.choice(spare)
                else:
                    index = self._block(hh.isp, "residential", hh.country.code, rng.choice((20, 20, 21, 22)))
                address = self._host(index, busy_until=t)
            hh.leases.append((t, address))
            lease_end = t + rng.expovariate(1 / mean_days) * 86400 + 3600
            moved = self.blocks[index].moved_at
            if moved is not None and t < _epoch(moved) < lease_end:
                lease_end = _epoch(moved)
            self.lease_end[address] = lease_end
            t = lease_end
        if hh.isp in self.v6_blocks and rng.random() < 0.6:
            network = self.blocks[self.v6_blocks[hh.isp]].network
            hh.v6_prefix = int(network.network_address) + (rng.randrange(1 << 16) << 72)

    # --- accounts ---------------------------------------------------------------------------------

    def build_hard_cases(self) -> None:
        """Cases made on purpose: namesakes, accounts linked only by device and phone or by a mail variant."""
        rng = self.rng
        by_country: dict[str, list[Person]] = {}
        for person in self.persons:
            by_country.setdefault(person.country.code, []).append(person)
        # Namesakes: two unrelated persons of one country and culture get the same common name.
        for _ in range(round(len(self.persons) * self.p.same_name_share / 2)):
            person = rng.choice(self.persons)
            others = [
                o
                for o in by_country[person.country.code]
                if o is not person
                and o.name.culture is person.name.culture
                and o.name.female == person.name.female
                and o.household is not person.household
                and not o.tags
            ]
            if not others or person.tags:
                continue
            culture = person.name.culture
            given = rng.choice((culture.female if person.name.female else culture.male)[:3])
            surnames = (rng.choice(culture.surnames[:3]),)
            for namesake in (person, rng.choice(others)):
                namesake.name = PersonName(culture, person.name.female, given, None, surnames)
                self._names_and_mail(namesake)
                namesake.tags.append("namesake")
        pairs = [p for p in self.persons if p.n_accounts == 2 and not p.tags]
        rng.shuffle(pairs)
        n = round(len(self.persons) * self.p.device_phone_only_share)
        for person in pairs[:n]:
            if not person.phones:
                person.phones.append(self._claim_phone(people.make_phone(rng, person.country)))
            person.tags.append("device_phone_only")
        for person in pairs[n : n + round(len(self.persons) * self.p.email_variant_only_share)]:
            first = ascii_slug(person.name.given_text()) or "mail"
            last = ascii_slug(person.name.surname_text(0, both=False)) or first
            local = f"{first}.{last}{rng.choice(('', str(person.dob.year % 100), str(rng.randrange(1, 99))))}"
            person.mailboxes[0] = self._claim_mailbox(Mailbox(local, "gmail.com"))
            person.tags.append("email_variant_only")
        self._resold_devices()

    def _resold_devices(self) -> None:
        rng = self.rng
        start, end = _epoch(PERIOD_START), _epoch(PERIOD_END)
        phones = [(p, d) for p in self.persons for d in p.devices if d.kind == "phone"]
        for person, device in rng.sample(phones, max(1, len(phones) // 250)):
            buyer = rng.choice(self.persons)
            if buyer.household is person.household or {"device_phone_only", "email_variant_only"} & {
                *buyer.tags,
                *person.tags,
            }:
                continue
            sold = rng.uniform(start + 60 * 86400, end - 60 * 86400)
            device.owners = [(person.pid, start - 400 * 86400, sold), (buyer.pid, sold, end)]
            buyer.devices.insert(0, device)
            person.tags.append("sold_device")
            buyer.tags.append("bought_device")


def hash_int(text: str) -> int:
    """A stable hash (Python's own is salted per process)."""
    value = 0
    for ch in text.encode():
        value = (value * 131 + ch) % (1 << 61)
    return value


def _rank_weights(n: int) -> list[float]:
    return [1.0 / (k + 1) for k in range(n)]


# --- accounts and their records -------------------------------------------------------------------


@dataclass
class Account:
    account_id: str
    person: Person
    platform: str
    url: str
    kind: str  # regular, burner, sparse (a hard case's second account)
    created: float
    ends: float
    status: str
    username: str
    display: str
    stated: str
    devices: list[Device]


class Writer:
    """Turns the world into accounts, identifier rows and events, and writes the three outputs."""

    def __init__(self, world: World):
        self.w = world
        self.rng = world.rng
        self.accounts: list[Account] = []
        self.identifiers: list[tuple[str, str, str, str, str]] = []
        self.events: list[tuple[str, float, str, str, str, str, str, str]] = []  # + truth columns
        self.account_ids: set[str] = set()
        self._first_phone_style: dict[int, str] = {}  # hard cases: how the first account wrote the phone

    def build(self) -> None:
        for person in self.w.persons:
            kinds = self._kinds(person)
            for k, kind in enumerate(kinds):
                account = self._account(person, kind, k)
                self.accounts.append(account)
                self._identifiers(account, k)
                self._events(account)

    def _kinds(self, person: Person) -> list[str]:
        kinds = ["regular"] * person.n_accounts
        if "device_phone_only" in person.tags or "email_variant_only" in person.tags:
            kinds[1] = "sparse"
        elif person.n_accounts > 1 and self.rng.random() < self.w.p.burner_share:
            for k in range(1, person.n_accounts):
                if self.rng.random() < 0.5:
                    kinds[k] = "burner"
        return kinds

    def _account(self, person: Person, kind: str, k: int) -> Account:
        rng = self.rng
        i = rng.choices(range(len(PLATFORMS)), [weight for _, _, weight in PLATFORMS])[0]
        platform, url, _ = PLATFORMS[i]
        while True:
            account_id = str(rng.randrange(10**9, 10**11))
            if account_id not in self.account_ids:
                self.account_ids.add(account_id)
                break
        start, end = _epoch(PERIOD_START), _epoch(PERIOD_END)
        if kind == "regular":
            created = (
                rng.uniform(_epoch(datetime(2012, 1, 1, tzinfo=UTC)), start)
                if rng.random() < 0.35
                else rng.uniform(start, end - 86400)
            )
            ends = end
            status = rng.choices(("active", "disabled", "deleted"), (86, 9, 5))[0]
            if status != "active":
                ends = rng.uniform(max(created, start) + 86400, end)
        else:
            created = rng.uniform(start, end - 30 * 86400)
            ends = created + rng.uniform(1, 25) * 86400
            status = rng.choices(("active", "disabled", "deleted"), (50, 30, 20))[0]
        username = self._username(person, platform, kind, k)
        if kind == "regular":
            display = people.display_name(rng, person.name, username, person.country)
        else:
            display = "" if rng.random() < 0.6 else people.unrelated_handle(rng)
        stated = self._stated(person, kind)
        devices = self._devices(person, kind, created, ends)
        return Account(
            account_id,
            person,
            platform,
            url,
            kind,
            created,
            ends,
            status,
            username,
            display,
            stated,
            devices,
        )

    def _username(self, person: Person, platform: str, kind: str, k: int) -> str:
        rng = self.rng
        if platform == "TalkLine" and rng.random() < 0.06:
            return ""
        if kind == "regular" and (k == 0 or rng.random() < 0.65):
            name = people.handle_variant(rng, rng.choice(person.handles), person.dob)
        else:
            name = people.unrelated_handle(rng)
        taken = self.w.taken_handles[platform]
        while name.lower() in taken:
            name = f"{name}{rng.randrange(1, 100)}"
        taken.add(name.lower())
        return name

    def _stated(self, person: Person, kind: str) -> str:
        rng = self.rng
        roll = rng.random()
        if kind != "regular":
            return "" if roll < 0.6 else rng.choice(("US", "GB", "NL", person.country.code, "AQ"))
        if roll < 0.84:
            return person.country.code
        if roll < 0.93:
            return ""
        if roll < 0.96:
            return (
                person.origin.code
                if person.origin is not person.country
                else rng.choice(subregion_members(person.country.subregion))
            )
        if roll < 0.98:
            return rng.choice(("AF", "AX", "US"))  # the first entry of a list, or the provider's default
        return rng.choice(("AQ", "VA", "KP", "TV", "NR", "BV"))

    def _devices(self, person: Person, kind: str, created: float, ends: float) -> list[Device]:
        rng = self.rng
        if kind == "burner" and rng.random() < 0.5:
            return [Device("phone", people.device_id(rng, "phone"))]  # a separate cheap phone
        usable = [d for d in person.devices if _owned(d, person.pid, created, ends)] or person.devices[:1]
        forced = "device_phone_only" in person.tags
        chosen = [usable[0]] if rng.random() < 0.7 or forced else []
        for device in usable[1:]:
            if rng.random() < 0.4:
                chosen.append(device)
        if not chosen:
            chosen = [rng.choice(usable)]
        tablet = person.household.tablet
        if tablet is not None and kind == "regular" and rng.random() < 0.3:
            chosen.append(tablet)
        return chosen

    # --- identifiers ------------------------------------------------------------------------------

    def _row(self, account: Account, kind: str, value: str, observed: float | None = None) -> None:
        rng = self.rng
        verified = rng.choices(("true", "false", ""), (60, 25, 15))[0] if kind in ("email", "phone") else ""
        if observed is None:
            observed = rng.uniform(max(account.created, _epoch(PERIOD_START) - 200 * 86400), account.ends)
        stamp = _iso(observed) if rng.random() < 0.85 else ""
        self.identifiers.append((account.account_id, kind, value, verified, stamp))

    def _identifiers(self, account: Account, k: int) -> None:
        rng = self.rng
        person = account.person
        if account.kind == "sparse":
            if "device_phone_only" in person.tags:
                phone = person.phones[0]
                first = self._first_phone_style.get(person.pid, "e164")
                style = next(
                    s
                    for s in people.PHONE_STYLES
                    if people.format_phone(phone, s) != people.format_phone(phone, first)
                )
                self._row(account, "phone", people.format_phone(phone, style))
                self._row(account, "device", self._device_text(account, person.devices[0]))
            else:
                self._row(account, "email", _gmail_variant(rng, person.mailboxes[0]))
            return
        if account.kind == "burner":
            if rng.random() < 0.45:
                local = people.unrelated_handle(rng).lower()
                self._row(account, "email", f"{local}@{rng.choice(people.THROWAWAY_MAIL)}")
            for device in account.devices:
                if rng.random() < 0.7:
                    self._row(account, "device", self._device_text(account, device))
            return
        forced = {"device_phone_only", "email_variant_only"} & set(person.tags)
        # e-mail
        if rng.random() < 0.88 or (forced and k == 0):
            box = person.mailboxes[0] if rng.random() < 0.65 or forced else rng.choice(person.mailboxes)
            self._row(
                account,
                "email",
                people.render_mailbox(rng, box)
                if "email_variant_only" not in person.tags
                else box.local + "@" + box.domain,
            )
            if rng.random() < 0.1 and len(person.mailboxes) > 1:
                self._row(account, "email", people.render_mailbox(rng, rng.choice(person.mailboxes[1:])))
        if person.household.family_mail is not None and rng.random() < 0.35:
            self._row(account, "email", people.render_mailbox(rng, person.household.family_mail))
        # phones
        if person.phones and (rng.random() < 0.55 or ("device_phone_only" in person.tags and k == 0)):
            phone = person.phones[0] if rng.random() < 0.7 else rng.choice(person.phones)
            style = people.phone_style(rng, person.phone_style, phone.country is not person.country)
            if "device_phone_only" in person.tags and k == 0:
                self._first_phone_style[person.pid] = style
            self._row(account, "phone", people.format_phone(phone, style))
        if person.household.landline is not None and rng.random() < 0.2:
            self._row(
                account,
                "phone",
                people.format_phone(person.household.landline, rng.choice(people.PHONE_STYLES)),
            )
        # devices
        for device in account.devices:
            if rng.random() < 0.65 or ("device_phone_only" in person.tags and device is person.devices[0]):
                self._row(
                    account, "device", self._device_text(account, device), self._device_time(account, device)
                )
        # the rest
        if rng.random() < 0.1:
            self._row(
                account,
                "name",
                person.name.full(0, middle=rng.random() < 0.5)
                if rng.random() < 0.8
                else f"{person.name.surname_text().upper()}, {person.name.given_text()}",
            )
        if rng.random() < 0.18:
            dob = person.dob if rng.random() < 0.92 else date(person.dob.year - rng.randint(0, 5), 1, 1)
            self._row(account, "dob", people.format_dob(rng, dob, person.country))
        if rng.random() < 0.07:
            self._row(account, "address", people.format_address(rng, person.household.address))
        card = person.card or person.household.card
        if card is not None and rng.random() < 0.4:
            self._row(account, "payment", card)

    def _device_text(self, account: Account, device: Device) -> str:
        # ClipStream's export writes app-vendor identifiers in lower case.
        return (
            device.value.lower() if account.platform == "ClipStream" and "-" in device.value else device.value
        )

    def _device_time(self, account: Account, device: Device) -> float | None:
        for pid, since, until in device.owners:
            if pid == account.person.pid:
                return (
                    self.rng.uniform(max(since, account.created), max(since, account.created) + 1)
                    if until < since
                    else self.rng.uniform(max(since, min(account.created, until - 1)), until)
                )
        return None

    # --- events -----------------------------------------------------------------------------------

    def _events(self, account: Account) -> None:
        rng = self.rng
        person = account.person
        start = max(account.created, _epoch(PERIOD_START))
        if start >= account.ends:
            return
        if account.kind == "regular":
            n = min(400, max(1, int(rng.lognormvariate(2.1, 1.0))))
        else:
            n = rng.randint(2, 15)
        if account.created >= _epoch(PERIOD_START):
            self._event(account, account.created, "registration")
            n -= 1
        while n > 0:
            t = self._session_start(person, start, account.ends)
            length = min(n, rng.choice((1, 1, 2, 2, 3, 4, 6)))
            channel = self._channel(account, t)
            for j in range(length):
                when = t + j * rng.uniform(30, 1800)
                if when < account.ends:
                    self._event(
                        account,
                        when,
                        rng.choices(
                            ("login", "upload", "other", "purchase", "unknown", ""), (70, 16, 5, 1, 3, 5)
                        )[0]
                        if j
                        else "login",
                        channel,
                    )
            n -= length

    def _session_start(self, person: Person, start: float, end: float) -> float:
        rng = self.rng
        day = rng.uniform(start, end)
        offset = person.country.utc_offset
        for t0, t1, dest in person.trips:
            if t0 <= day < t1:
                offset = dest.utc_offset
        local_midnight = math.floor((day + offset * 3600) / 86400) * 86400 - offset * 3600
        hour = rng.choices(range(24), LOCAL_HOURS)[0]
        t = local_midnight + hour * 3600 + rng.uniform(0, 3600)
        return min(max(t, start), end - 1)

    def _channel(self, account: Account, t: float) -> tuple[str, str, str, str, str]:
        """Where a session comes from: (channel, address, port, person's and block's country) at ``t``."""
        rng = self.rng
        person = account.person
        w = self.w
        here = person.country.code
        for t0, t1, dest in person.trips:
            if t0 <= t < t1:
                roll = rng.random()
                if roll < 0.5:
                    return ("travel_wifi", rng.choice(w.venues[dest.code]), "", dest.code, dest.code)
                if roll < 0.8:
                    return self._mobile(person.carrier, "roaming", dest.code)
                return self._mobile(rng.choice(w.country_carriers[dest.code]), "travel_mobile", dest.code)
        burner = account.kind != "regular"
        if account.kind == "sparse":  # a hard case: nothing but its identifiers and a crowded mobile address
            return self._mobile(person.carrier, "mobile", here)
        if person.tor and rng.random() < person.tor * (1.0 if burner else 0.6):
            address, exit_country = rng.choice(w.tor_exits)
            return ("tor", address, "", here, exit_country)
        if person.vpn is not None and rng.random() < min(1.0, person.vpn[2] + (0.3 if burner else 0)):
            provider, favourites, _ = person.vpn
            servers = w.vpn_servers[provider]
            server = servers[rng.choice(favourites)] if rng.random() < 0.7 else rng.choice(servers)
            return ("vpn", server[0], "", here, server[1])
        if person.vps is not None and rng.random() < 0.5:
            return ("vps", person.vps, "", here, w.address_country(person.vps, t))
        if burner and rng.random() < 0.5:
            return self._mobile(person.carrier, "mobile", here)
        has_laptop = any(d.kind == "laptop" for d in account.devices)
        roll = rng.random()
        mobile_share = 0.25 if has_laptop else 0.42
        if roll < mobile_share:
            return self._mobile(person.carrier, "mobile", here)
        if person.work is not None and roll < mobile_share + 0.12:
            return ("work", w.workplaces[here][person.work], "", here, here)
        if person.venues and roll < mobile_share + 0.18:
            return ("public_wifi", w.venues[here][rng.choice(person.venues)], "", here, here)
        return self._home(person.household, t)

    def _mobile(self, carrier: str, channel: str, location: str) -> tuple[str, str, str, str, str]:
        rng = self.rng
        w = self.w
        home_country = carrier.split("-", 1)[0]
        if carrier in w.v6_blocks and rng.random() < 0.4:
            network = w.blocks[w.v6_blocks[carrier]].network
            address = str(
                ipaddress.IPv6Address(
                    int(network.network_address) + (rng.getrandbits(24) << 64) + rng.getrandbits(64)
                )
            )
            return (channel, address, "", location, home_country)
        return (
            channel,
            rng.choice(w.cgnat[carrier]),
            str(rng.randrange(1024, 65536)),
            location,
            home_country,
        )

    def _home(self, hh: Household, t: float) -> tuple[str, str, str, str, str]:
        rng = self.rng
        if hh.v6_prefix is not None and rng.random() < 0.55:
            address = str(
                ipaddress.IPv6Address(hh.v6_prefix + (rng.choice((0, 0, 1)) << 64) + rng.getrandbits(64))
            )
            return ("home", address, "", hh.country.code, self.w.blocks[self.w.v6_blocks[hh.isp]].country)
        starts = [lease[0] for lease in hh.leases]
        i = max(0, bisect.bisect_right(starts, t) - 1)
        address = hh.leases[i][1]
        return ("home", address, "", hh.country.code, self.w.address_country(address, t))

    def _event(
        self, account: Account, when: float, kind: str, channel: tuple[str, str, str, str, str] | None = None
    ) -> None:
        rng = self.rng
        if channel is None:
            channel = self._channel(account, when)
        name, address, port, location, block_country = channel
        if not port and name not in ("vpn", "tor", "vps") and rng.random() < 0.5:
            port = str(rng.randrange(1024, 65536))
        if port and rng.random() < (0.15 if name in ("mobile", "roaming", "travel_mobile") else 0.1):
            port = ""
        if kind == "upload" and rng.random() < 0.5:
            port = ""
        proxy = ""
        if rng.random() < 0.75:
            if name in ("vpn", "vps"):
                proxy = "true" if rng.random() < 0.75 else "false"
            elif name == "tor":
                proxy = "true" if rng.random() < 0.95 else "false"
            elif name in ("mobile", "roaming", "travel_mobile"):
                proxy = "true" if rng.random() < 0.04 else "false"
            else:
                proxy = "true" if rng.random() < 0.012 else "false"
        self.events.append(
            (account.account_id, when, address, port, kind, proxy, name, f"{location}|{block_country}")
        )

    # --- output -----------------------------------------------------------------------------------

    def write(self, out: Path) -> dict[str, object]:
        bundle, truth, geo = out / "bundle", out / "truth", out / "geo"
        for folder in (bundle, truth, geo):
            folder.mkdir(parents=True, exist_ok=True)
        accounts = sorted(self.accounts, key=lambda a: a.account_id)
        manifest = {
            "format": "disclosure-bundle",
            "version": 1,
            "disclosure_id": f"independent-{self.w.p.seed}-{self.w.p.accounts}",
            "provider": {
                "name": "Example Social Services",
                "country": "US",
                "contact": "legal@provider.example",
            },
            "received_at": RECEIVED_AT.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "legal_reference": "synthetic production order",
            "description": "synthetic accounts for evaluating account resolution and placement",
            "files": {
                "accounts": "accounts.csv",
                "identifiers": "identifiers.csv",
                "ip_events": "ip_events.csv",
            },
        }
        (bundle / "manifest.json").write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        _csv(
            bundle / "accounts.csv",
            (
                "account_id",
                "platform",
                "username",
                "display_name",
                "created_at",
                "profile_url",
                "stated_country",
                "status",
            ),
            (
                (
                    a.account_id,
                    a.platform,
                    a.username,
                    a.display,
                    _iso(a.created),
                    f"{a.url}{a.username or a.account_id}",
                    a.stated,
                    a.status,
                )
                for a in accounts
            ),
        )
        identifiers = sorted(self.identifiers, key=lambda r: (r[0], r[1], r[2]))
        _csv(
            bundle / "identifiers.csv",
            ("account_id", "kind", "value", "verified", "observed_at"),
            identifiers,
        )
        events = sorted(self.events, key=lambda e: (e[0], e[1], e[2]))
        _csv(
            bundle / "ip_events.csv",
            ("account_id", "ip", "port", "event", "timestamp", "possible_proxy"),
            ((e[0], e[2], e[3], e[4], _iso(e[1]), e[5]) for e in events),
        )
        # truth
        _csv(
            truth / "accounts.csv",
            ("account_id", "person_id", "country", "kind", "platform"),
            ((a.account_id, a.person.person_id, a.person.country.code, a.kind, a.platform) for a in accounts),
        )
        _csv(
            truth / "persons.csv",
            (
                "person_id",
                "country",
                "household_id",
                "relation",
                "origin_country",
                "culture",
                "sex",
                "name",
                "dob",
                "accounts",
                "tags",
            ),
            (
                (
                    p.person_id,
                    p.country.code,
                    f"H{p.household.hid:06d}",
                    p.household.relation,
                    p.origin.code,
                    p.name.culture.key,
                    "F" if p.name.female else "M",
                    p.name.full(),
                    p.dob.isoformat(),
                    p.n_accounts,
                    " ".join(sorted(set(p.tags))),
                )
                for p in self.w.persons
            ),
        )
        _csv(
            truth / "ip_events.csv",
            ("account_id", "ip", "timestamp", "channel", "person_country", "block_country"),
            ((e[0], e[2], _iso(e[1]), e[6], *e[7].split("|")) for e in events),
        )
        w = self.w
        snapshots = build_snapshots(w.blocks, SNAPSHOT_DATES, self.rng, w.p.geo_error_rate, w.p.geo_miss_rate)
        _csv(
            truth / "blocks.csv",
            (
                "network",
                "kind",
                "operator",
                "country",
                "registered_country",
                "moved_at",
                "moved_country",
                *(f"geo_{s.date.date().isoformat()}" for s in snapshots),
            ),
            (
                (
                    str(b.network),
                    b.kind,
                    b.operator,
                    b.country,
                    b.registered or "",
                    b.moved_at.strftime("%Y-%m-%dT%H:%M:%SZ") if b.moved_at else "",
                    b.moved_country or "",
                    *(s.answers[i] or "" for s in snapshots),
                )
                for i, b in enumerate(w.blocks)
            ),
        )
        for snapshot in snapshots:
            write_mmdb(geo / f"geo-{snapshot.date.date().isoformat()}.mmdb", w.blocks, snapshot)
        summary = self._summary(accounts, identifiers, events, snapshots)
        (truth / "summary.json").write_text(
            json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        return summary

    def _summary(
        self,
        accounts: list[Account],
        identifiers: Sequence[tuple[str, ...]],
        events: Sequence[tuple[object, ...]],
        snapshots: Sequence[Snapshot],
    ) -> dict[str, object]:
        w = self.w
        persons = w.persons
        per_person = Counter(min(p.n_accounts, 10) for p in persons)
        households = Counter(len(h.members) for h in w.households)
        tags = Counter(t for p in persons for t in set(p.tags))
        blocks = w.blocks
        foreign = sum(1 for b in blocks if b.registered != b.country)
        wrong = [
            sum(1 for i, b in enumerate(blocks) if s.answers[i] not in (None, b.country_at(s.date)))
            for s in snapshots
        ]
        return {
            "seed": w.p.seed,
            "parameters": {k: v for k, v in vars(w.p).items()},
            "period": [PERIOD_START.isoformat(), PERIOD_END.isoformat()],
            "iptocc_version": version("iptocc"),
            "accounts": len(accounts),
            "accounts_by_kind": dict(sorted(Counter(a.kind for a in accounts).items())),
            "persons": len(persons),
            "accounts_per_person": {("10+" if k == 10 else str(k)): v for k, v in sorted(per_person.items())},
            "max_accounts_per_person": max(p.n_accounts for p in persons),
            "countries": len({p.country.code for p in persons}),
            "top_countries": dict(Counter(p.country.code for p in persons).most_common(10)),
            "households_by_size": {str(k): v for k, v in sorted(households.items())},
            "persons_in_shared_households": sum(len(h.members) for h in w.households if len(h.members) > 1),
            "person_tags": dict(sorted(tags.items())),
            "identifiers": len(identifiers),
            "identifiers_by_kind": dict(sorted(Counter(r[1] for r in identifiers).items())),
            "ip_events": len(events),
            "ip_events_by_channel": dict(sorted(Counter(str(e[6]) for e in events).items())),
            "distinct_ips": len({e[2] for e in events}),
            "blocks": len(blocks),
            "blocks_by_kind": dict(sorted(Counter(b.kind for b in blocks).items())),
            "blocks_registered_elsewhere": foreign,
            "blocks_registered_elsewhere_share": round(foreign / len(blocks), 4),
            "blocks_moved": sum(1 for b in blocks if b.moved_at is not None),
            "geo_snapshots": [s.date.date().isoformat() for s in snapshots],
            "geo_wrong_blocks": wrong,
        }


def _owned(device: Device, pid: int, since: float, until: float) -> bool:
    if not device.owners:
        return True
    return any(owner == pid and a < until and since < b for owner, a, b in device.owners)


def _gmail_variant(rng: random.Random, box: Mailbox) -> str:
    """A spelling of a Gmail mailbox that differs from its plain form: other dots, a +tag, or capitals."""
    plain = box.local.replace(".", "")
    roll = rng.random()
    if roll < 0.4:
        cut = rng.randrange(1, len(plain))
        local = f"{plain[:cut]}.{plain[cut:]}" if f"{plain[:cut]}.{plain[cut:]}" != box.local else plain
        return f"{local}@gmail.com"
    if roll < 0.75:
        return f"{box.local}+{rng.choice(('alt', 'new', 'x', '2'))}@gmail.com"
    return f"{plain.capitalize()}@Gmail.com"


def _csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def generate(out: Path, accounts: int, seed: int) -> dict[str, object]:
    """Generate one operation of ``accounts`` accounts into ``out``; returns the summary."""
    world = World(Params(accounts=accounts, seed=seed))
    world.build_networks()
    world.build_persons()
    world.build_hard_cases()
    writer = Writer(world)
    writer.build()
    return writer.write(Path(out))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="output folder (bundle/, truth/ and geo/ are written in it)")
    parser.add_argument("--accounts", type=int, default=15300)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    if args.accounts < 10:
        parser.error("--accounts must be at least 10")
    started = time.perf_counter()
    summary = generate(args.out, args.accounts, args.seed)
    elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {
                k: summary[k]
                for k in (
                    "accounts",
                    "persons",
                    "countries",
                    "identifiers",
                    "ip_events",
                    "distinct_ips",
                    "blocks",
                )
            }
            | {"seconds": round(elapsed, 1)}
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
