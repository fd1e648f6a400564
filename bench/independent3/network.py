"""Address plan: ISPs, home lines, carrier NAT, offices, campuses, cafes, hotspots, VPN and Tor exits."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .countries import COUNTRIES
from .ipplan import V4, V6
from .textutil import mix

DAY = 86400.0


def _blocks(code: str) -> list[tuple[int, int, int]]:
    out = []
    for b in V4.get(code, "").split():
        a, bb, c = (int(x) for x in b.split("."))
        out.append((a, bb, c))
    return out


def _v6(code: str) -> list[str]:
    return V6.get(code, "").split()


def v4_in(block: tuple[int, int, int], k: int) -> str:
    """The k-th usable address of an a.b.c.0/18 block (deterministic)."""
    a, b, c = block
    k %= 64 * 254
    return f"{a}.{b}.{c + k // 254}.{1 + k % 254}"


def v6_host(prefix32: str, net: int, host: int) -> str:
    n1, n2 = (net >> 16) & 0xFFFF, net & 0xFFFF
    h = [(host >> s) & 0xFFFF for s in (48, 32, 16, 0)]
    return f"{prefix32}:{n1:x}:{n2:x}:{h[0]:x}:{h[1]:x}:{h[2]:x}:{h[3]:x}"


@dataclass
class ISP:
    key: int
    country: str
    blocks: list[tuple[int, int, int]]
    v6: str | None
    cgnat_pool: list[str] = field(default_factory=list)

    def addr(self, k: int) -> str:
        return v4_in(self.blocks[k % len(self.blocks)], k // len(self.blocks))


@dataclass
class Carrier:
    key: int
    country: str
    pool: list[str]
    v6: str | None
    v6_share: float


class Plan:
    """Per-country ISPs, carriers and business ranges built from the country block lists."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.isps: dict[str, list[ISP]] = {}
        self.carriers: dict[str, list[Carrier]] = {}
        self.business: dict[str, ISP] = {}
        self.hosting: dict[str, ISP] = {}
        self.used: set[str] = set()
        key = 0
        for code in COUNTRIES:
            bl = _blocks(code)
            v6 = _v6(code)
            rng.shuffle(bl)
            n = len(bl)

            # partition: residential ~45%, mobile ~25%, business ~15%, hosting the rest (small lists reuse)
            def part(lo: float, hi: float, bl=bl, n=n) -> list[tuple[int, int, int]]:
                s = bl[int(lo * n) : max(int(lo * n) + 1, int(hi * n))]
                return s or bl[:1]

            res, mob, bus, host = part(0, 0.45), part(0.45, 0.7), part(0.7, 0.85), part(0.85, 1.0)
            n_isp = max(1, min(4, len(res)))
            isps = []
            for i in range(n_isp):
                blocks = res[i::n_isp] or res
                isp = ISP(key, code, blocks, v6[i % len(v6)] if v6 and i < len(v6) else None)
                isp.cgnat_pool = [isp.addr(rng.randrange(1 << 20)) for _ in range(24)]
                isps.append(isp)
                key += 1
            self.isps[code] = isps
            cars = []
            n_car = max(1, min(3, len(mob)))
            for i in range(n_car):
                blocks = mob[i::n_car] or mob
                pool = [v4_in(blocks[j % len(blocks)], rng.randrange(64 * 254)) for j in range(40)]
                v6p = v6[(n_isp + i) % len(v6)] if v6 else None
                cars.append(Carrier(key, code, pool, v6p, 0.0))
                key += 1
            self.carriers[code] = cars
            self.business[code] = ISP(key, code, bus, None)
            self.hosting[code] = ISP(key + 1, code, host, None)
            key += 2

    def unique_addr(self, isp: ISP) -> str:
        for _ in range(50):
            a = isp.addr(self.rng.randrange(1 << 22))
            if a not in self.used:
                self.used.add(a)
                return a
        return a


@dataclass
class HomeLine:
    key: int
    country: str
    isp: ISP
    static: bool
    lease_days: float
    offset: float
    cgnat: bool
    v6: str | None  # /32 of the ISP when the line has IPv6
    v6_rotate_days: float  # 0 = stable /64

    def v4(self, t: float, plan: Plan) -> str:
        if self.cgnat:
            k = mix(self.key, int((t + self.offset) // (self.lease_days * DAY)))
            return self.isp.cgnat_pool[k % len(self.isp.cgnat_pool)]
        if self.static:
            k = mix(self.key, 1)
        else:
            k = mix(self.key, int((t + self.offset) // (self.lease_days * DAY)))
        return self.isp.addr(k % (1 << 22))

    def v6addr(self, t: float, device: int) -> str:
        assert self.v6 is not None
        period = int((t + self.offset) // (self.v6_rotate_days * DAY)) if self.v6_rotate_days else 0
        net = mix(self.key, 7, period) & 0xFFFFFFFF
        day = int(t // DAY)
        host = mix(self.key, device, day)  # privacy addresses change daily
        return v6_host(self.v6, net, host)


def new_home_line(plan: Plan, country: str, key: int, rng: random.Random) -> HomeLine:
    c = COUNTRIES[country]
    isps = plan.isps[country]
    isp = isps[min(len(isps) - 1, int(rng.random() ** 1.5 * len(isps)))]
    cgnat = rng.random() < c.cgnat
    static = (not cgnat) and rng.random() < 0.3
    lease = rng.choice([1, 7, 14, 30, 60, 90, 120, 180, 365, 365, 730])
    v6 = isp.v6 if (isp.v6 and rng.random() < c.v6) else None
    rot = rng.choice([0, 0, 0, 1, 7, 30]) if v6 else 0
    return HomeLine(
        key, country, isp, static, float(lease), rng.random() * lease * DAY, cgnat, v6, float(rot)
    )


@dataclass
class Venue:
    """A place with a fixed public address: an office, campus, cafe, hotspot or a shop."""

    key: int
    kind: str
    country: str
    city: str
    ips: list[str]
    v6: str | None = None
    devices: list[str] = field(default_factory=list)  # shared machines (cafe, school lab, shop tablet)
    domain: str = ""
    role_mailboxes: list[str] = field(default_factory=list)
    name: str = ""
    phone: object = None


@dataclass
class Exit:
    provider: str
    country: str
    ips: list[str]
    flagged: list[bool]


class ProxyWorld:
    """Commercial VPN exits and Tor relays: shared by users everywhere; the provider flags most of them."""

    VPN_COUNTRIES = (
        "US",
        "NL",
        "DE",
        "GB",
        "SE",
        "CH",
        "FR",
        "CA",
        "SG",
        "JP",
        "RO",
        "ES",
        "AU",
        "HK",
        "IT",
        "PL",
    )
    PROVIDERS = ("vpn-a", "vpn-b", "vpn-c", "vpn-d", "vpn-e")

    def __init__(self, plan: Plan, rng: random.Random):
        self.exits: list[Exit] = []
        for p_i, prov in enumerate(self.PROVIDERS):
            countries = [c for i, c in enumerate(self.VPN_COUNTRIES) if (i + p_i) % 3 != 2 or i < 4]
            flag_rate = (0.92, 0.85, 0.7, 0.6, 0.9)[p_i]
            for c in countries:
                n = rng.randint(3, 10)
                ips = [plan.unique_addr(plan.hosting[c]) for _ in range(n)]
                self.exits.append(Exit(prov, c, ips, [rng.random() < flag_rate for _ in ips]))
        tor_c = ("DE", "NL", "US", "FR", "SE", "CH", "RO", "GB", "FI", "AT")
        self.tor = Exit("tor", "", [], [])
        for c in tor_c:
            for _ in range(rng.randint(2, 5)):
                self.tor.ips.append(plan.unique_addr(plan.hosting[c]))
                self.tor.flagged.append(True)
        self.cloud = Exit("cloud", "", [], [])
        for c in ("US", "DE", "NL", "SG", "GB", "IE", "JP", "FR"):
            for _ in range(3):
                self.cloud.ips.append(plan.unique_addr(plan.hosting[c]))
                self.cloud.flagged.append(rng.random() < 0.4)
        self.by_provider: dict[str, list[Exit]] = {}
        for e in self.exits:
            self.by_provider.setdefault(e.provider, []).append(e)
