"""Where events come from: home lines (dynamic IPv4, IPv6 /64 with rotating hosts), carrier NAT, offices,
campuses, public Wi-Fi, VPN and hosting exits. Addresses come from the synthetic plan in ``countries``."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .countries import Country

MASK = (1 << 64) - 1
VPN_COUNTRIES = [
    "US",
    "NL",
    "DE",
    "GB",
    "SE",
    "CH",
    "SG",
    "JP",
    "CA",
    "FR",
    "RO",
    "ES",
    "AU",
    "HK",
    "TR",
    "BR",
]


def mix(*values: int) -> int:
    """A stable 64-bit hash of integers (splitmix64 steps): same inputs, same address, every run."""
    h = 0x9E3779B97F4A7C15
    for v in values:
        h = (h ^ (v & MASK)) * 0xBF58476D1CE4E5B9 & MASK
        h = (h ^ (h >> 27)) * 0x94D049BB133111EB & MASK
        h ^= h >> 31
    return h


def v4(a: int, b: int, c: int, d: int) -> str:
    return f"{a}.{b}.{c}.{d}"


def v6(prefix32: str, net: int, host: int) -> str:
    groups = [(net >> 16) & 0xFFFF, net & 0xFFFF] + [(host >> s) & 0xFFFF for s in (48, 32, 16, 0)]
    return prefix32 + ":" + ":".join(f"{g:x}" for g in groups)


@dataclass
class Site:
    """An office, campus, hotspot or VPN exit: a few public addresses used by many people."""

    kind: str
    country: str
    ips: list[str]
    flagged: list[bool] = field(default_factory=list)
    domain: str = ""


@dataclass
class HomeLine:
    hid: int
    country: str
    isp: dict
    phase: int
    lease: int  # seconds
    v6: bool
    v6_net: int
    cgnat: bool


class Network:
    def __init__(self, rng: random.Random, countries: dict[str, Country], seed: int) -> None:
        self.rng = rng
        self.countries = countries
        self.seed = seed
        self.hotspots: dict[str, list[Site]] = {}
        self.vpns: list[dict] = []
        self.used_business: dict[str, int] = {}
        for i in range(9):
            exits = {}
            for code in rng.sample(VPN_COUNTRIES, rng.randrange(5, 12)):
                exits[code] = self._site("vpn", code, rng.randrange(2, 16), hosting=True, flag_rate=0.75)
            self.vpns.append({"name": f"vpn{i}", "exits": exits, "weight": 1.0 / (i + 1)})
        tor = {
            code: self._site("tor", code, rng.randrange(3, 9), hosting=True, flag_rate=0.97)
            for code in ("DE", "NL", "US", "FR", "CH", "SE")
        }
        self.vpns.append({"name": "tor", "exits": tor, "weight": 0.08})
        self.cloud = {
            code: self._site("cloud", code, 40, hosting=True, flag_rate=0.2)
            for code in ("US", "DE", "NL", "SG", "GB")
        }

    # -- sites --

    def _site(self, kind: str, code: str, n: int, hosting: bool = False, flag_rate: float = 0.0) -> Site:
        c = self.countries[code]
        blocks = c.hosting if hosting else c.business
        ips, flags = [], []
        for _ in range(n):
            a, b = self.rng.choice(blocks)
            ips.append(v4(a, b, self.rng.randrange(256), self.rng.randrange(1, 255)))
            flags.append(self.rng.random() < flag_rate)
        return Site(kind, code, ips, flags)

    def workplace(self, code: str, domain: str) -> Site:
        s = self._site("work", code, self.rng.choice([1, 1, 2, 4]))
        s.domain = domain
        return s

    def campus(self, code: str, domain: str) -> Site:
        s = self._site("campus", code, self.rng.choice([4, 8, 16, 32]))
        s.domain = domain
        return s

    def hotspot(self, rng: random.Random, code: str) -> Site:
        """Public Wi-Fi: a few popular networks (airports, chains), a long tail of cafés and hotels."""
        spots = self.hotspots.setdefault(code, [])
        if len(spots) < 8 or rng.random() < 0.25:
            spots.append(self._site(rng.choice(["cafe", "hotel", "airport", "library", "mall"]), code, 1))
            return spots[-1]
        return spots[min(int(rng.paretovariate(1.1)) - 1, len(spots) - 1)]

    def pick_vpn(self, rng: random.Random, home: str) -> tuple[int, str]:
        idx = rng.choices(range(len(self.vpns)), [v["weight"] for v in self.vpns])[0]
        exits = list(self.vpns[idx]["exits"])
        near = [e for e in exits if e == home]
        return idx, near[0] if near and rng.random() < 0.4 else rng.choice(exits)

    # -- addresses --

    def home_line(self, rng: random.Random, hid: int, code: str) -> HomeLine:
        c = self.countries[code]
        isp = rng.choice(c.isps)
        lease = (
            86400 * max(1, int(isp["lease_days"] * rng.uniform(0.5, 1.5))) if not isp["static"] else 10**10
        )
        cgnat = c.region in ("AP", "AF", "LA") and rng.random() < 0.15
        return HomeLine(
            hid,
            code,
            isp,
            rng.randrange(10**7),
            lease,
            rng.random() < isp["v6_share"],
            rng.getrandbits(32),
            cgnat,
        )

    def home_ip(self, line: HomeLine, t: int, device: int, rng: random.Random) -> str:
        isp = line.isp
        if line.v6 and rng.random() < 0.65:
            net = line.v6_net
            if isp["v6_rotates"]:
                net = mix(self.seed, line.hid, (t + line.phase) // line.lease, 6) & 0xFFFFFFFF
            return v6(isp["v6"], net, mix(self.seed, device, t // 86400))
        if line.cgnat:  # broadband behind carrier NAT: a small pool shared by many homes
            h = mix(self.seed, line.hid, t // 3600)
            a, b = isp["blocks"][0]
            return v4(a, b, h % 4, 1 + (h >> 8) % 254)
        h = mix(self.seed, line.hid, (t + line.phase) // line.lease)
        a, b = isp["blocks"][h % len(isp["blocks"])]
        return v4(a, b, (h >> 8) % 256, 1 + (h >> 16) % 254)

    def mobile_ip(self, rng: random.Random, code: str, carrier: int) -> str:
        car = self.countries[code].carriers[carrier % len(self.countries[code].carriers)]
        if car["v6"] and rng.random() < 0.45:
            return v6(car["v6"], rng.getrandbits(32), rng.getrandbits(64))
        a, b, c = rng.choice(car["nat"])
        return v4(a, b, c + rng.randrange(4), rng.randrange(1, 255))

    def vpn_ip(self, rng: random.Random, provider: int, exit_code: str) -> tuple[str, bool]:
        exits = self.vpns[provider]["exits"]
        site = exits.get(exit_code) or exits[rng.choice(list(exits))]
        i = rng.randrange(len(site.ips))
        return site.ips[i], site.flagged[i]

    def cloud_ip(self, rng: random.Random) -> tuple[str, bool]:
        site = self.cloud[rng.choice(list(self.cloud))]
        i = rng.randrange(len(site.ips))
        return site.ips[i], site.flagged[i]
