"""IP events of an account: registration, logins and activity, from the places its holder goes online."""

from __future__ import annotations

import random
import time

from .accounts import Account
from .countries import COUNTRIES
from .network import DAY, Venue
from .textutil import Weighted, mix
from .world import END, LOG_START, World, ts

PORT_START = ts(2023, 7, 1)  # the provider logs source ports from this date
HOURS = Weighted(
    [
        (h, w)
        for h, w in enumerate(
            (
                2,
                1.2,
                0.7,
                0.4,
                0.3,
                0.4,
                1,
                2,
                3,
                3.5,
                3.5,
                3.5,
                4,
                4,
                3.5,
                3.5,
                3.8,
                4.2,
                5,
                6,
                7,
                7.5,
                6.5,
                4,
            )
        )
    ]
)
EVENT_MIX = {
    "chat": Weighted([("login", 85), ("other", 10), ("upload", 4), ("unknown", 1)]),
    "photos": Weighted([("login", 64), ("upload", 30), ("other", 5), ("unknown", 1)]),
    "video": Weighted([("login", 70), ("upload", 14), ("purchase", 5), ("other", 10), ("unknown", 1)]),
    "market": Weighted([("login", 68), ("purchase", 20), ("other", 11), ("unknown", 1)]),
    "forum": Weighted([("login", 74), ("upload", 10), ("other", 15), ("unknown", 1)]),
}


class EventMaker:
    def __init__(self, world: World):
        self.w = world
        self.rng = random.Random(world.seed * 7919 + 6)
        self.flagged: dict[str, bool] = {}
        for e in [*world.proxies.exits, world.proxies.tor, world.proxies.cloud]:
            for ip, f in zip(e.ips, e.flagged, strict=True):
                self.flagged[ip] = f
        self.fav_exit: dict[int, list[int]] = {}

    def events(self, acc: Account) -> list[tuple[str, str, str, float, str]]:
        rng = self.rng
        p = acc.person
        out = []
        ip, port, proxy = self._ip(acc, acc.created, registration=True)
        out.append((ip, port, "registration", acc.created, proxy))
        a = max(acc.created + 60, LOG_START)
        b = min(acc.end, END)
        if b <= a:
            return out
        months = (b - a) / (30.4 * DAY)
        lam = acc.level * months
        n = _poisson(rng, lam)
        n = min(n, 160)
        tz = COUNTRIES[p.country].tz
        mixw = EVENT_MIX[acc.product]
        for _ in range(n):
            day0 = a + rng.random() * (b - a)
            local_midnight = (int((day0 + tz * 3600) // DAY)) * DAY
            t = local_midnight - tz * 3600 + HOURS.pick(rng) * 3600 + rng.random() * 3600
            if t < a or t > b:
                t = day0
            ip, port, proxy = self._ip(acc, t)
            out.append((ip, port, mixw.pick(rng), t, proxy))
            if acc.product in ("market", "photos") and rng.random() < 0.25:
                ev = "purchase" if acc.product == "market" else "upload"
                out.append((ip, _next_port(port, rng), ev, min(b, t + rng.uniform(20, 1500)), proxy))
        return out

    # ------------------------------------------------------------------ where the person is
    def _ip(self, acc: Account, t: float, registration: bool = False) -> tuple[str, str, str]:
        rng = self.rng
        p = acc.person
        hh = p.hh
        w = self.w
        if registration and acc.shop is not None:
            return self._venue_ip(acc.shop, t)
        ch = acc.channel
        if ch:
            return self._channel(acc, ch, t)
        for a, b, dest in p.trips:
            if a <= t < b:
                k = rng.random()
                if k < 0.5:
                    return self._venue_ip(w.hotels[dest][mix(p.pid, int(a)) % len(w.hotels[dest])], t)
                if k < 0.85:
                    return self._mobile(p.carrier, t)  # roaming: the home carrier's gateway
                return self._venue_ip(w.hotspots.get(dest, w.hotels[dest])[0], t)
        if p.vpn_share and rng.random() < p.vpn_share:
            return self._vpn(p.pid, p.vpn_provider, t)
        lt = t + COUNTRIES[p.country].tz * 3600
        tm = time.gmtime(lt)
        weekday, hour = tm.tm_wday < 5, tm.tm_hour
        line = hh.line
        carrier = p.carrier
        if hh.moved_from is not None and t < hh.moved_from[2]:
            line = hh.moved_from[1]
            carrier = w.plan.carriers[hh.moved_from[0]][0]
        c = COUNTRIES[p.country]
        opts: list[tuple[str, float]] = []
        if line is not None:
            opts.append(("home", 0.62 if (hour >= 18 or hour < 8 or not weekday) else 0.35))
        opts.append(("mobile", 0.28 + (0.2 if c.phone_first else 0.0)))
        if p.employer is not None and weekday and 8 <= hour < 18:
            opts.append(("work", 0.45))
        if p.campus is not None and weekday and 8 <= hour < 18:
            opts.append(("campus", 0.35))
        if acc.lab is not None and weekday and 8 <= hour < 16:
            opts.append(("lab", 0.35))
        if acc.cafe is not None:
            opts.append(("cafe", 0.3))
        opts.append(("hotspot", 0.03))
        total = sum(x for _, x in opts)
        r = rng.random() * total
        choice = opts[-1][0]
        for name, x in opts:
            r -= x
            if r < 0:
                choice = name
                break
        if choice == "home" and line is not None:
            return self._home(line, t, p.pid)
        if choice == "work" and p.employer is not None:
            return self._venue_ip(p.employer, t)
        if choice == "campus" and p.campus is not None:
            return self._venue_ip(p.campus, t)
        if choice == "lab" and acc.lab is not None:
            return self._venue_ip(acc.lab, t)
        if choice == "cafe" and acc.cafe is not None:
            return self._venue_ip(acc.cafe, t)
        if choice == "hotspot":
            hs = w.hotspots[p.country]
            return self._venue_ip(hs[rng.randrange(len(hs))], t)
        return self._mobile(carrier, t)

    def _channel(self, acc: Account, ch: str, t: float) -> tuple[str, str, str]:
        p = acc.person
        w = self.w
        if ch == "home" and p.hh.line is not None:
            return self._home(p.hh.line, t, p.pid)
        if ch in ("mobile", "mobile2"):
            cars = w.plan.carriers[p.country]
            car = (
                cars[(cars.index(p.carrier) + (1 if ch == "mobile" else 2)) % len(cars)]
                if p.carrier in cars
                else cars[0]
            )
            return self._mobile(car, t)
        if ch in ("vpn", "vpn2"):
            provs = w.proxies.PROVIDERS
            i = provs.index(p.vpn_provider) if p.vpn_provider in provs else 0
            prov = provs[(i + (0 if ch == "vpn" else 2)) % len(provs)]
            return self._vpn(p.pid * 31 + acc.idx, prov, t)
        if ch == "hotspot":
            hs = w.hotspots[p.country]
            return self._venue_ip(hs[(p.pid + acc.idx) % len(hs)], t)
        if ch == "work" and p.employer is not None:
            return self._venue_ip(p.employer, t)
        if ch == "tor":
            tor = w.proxies.tor
            ip = tor.ips[self.rng.randrange(len(tor.ips))]
            return ip, _port(t, self.rng), "true"
        return self._vpn(p.pid * 31 + acc.idx, w.proxies.PROVIDERS[acc.idx % 5], t)

    def _home(self, line, t: float, pid: int) -> tuple[str, str, str]:
        rng = self.rng
        if line.v6 is not None and rng.random() < 0.6:
            return line.v6addr(t, pid), "", self._flag("")
        ip = line.v4(t, self.w.plan)
        return ip, _port(t, rng), self._flag("")

    def _mobile(self, car, t: float) -> tuple[str, str, str]:
        rng = self.rng
        if car.v6 and rng.random() < car.v6_share:
            net = rng.getrandbits(32)
            from .network import v6_host

            return v6_host(car.v6, net, rng.getrandbits(64)), "", self._flag("")
        ip = car.pool[rng.randrange(len(car.pool))]
        flag = (
            "true" if (mix(hash_ip(ip)) % 1000) < 4 else self._flag("")
        )  # a few carrier NAT addresses flagged
        return ip, _port(t, rng), flag

    def _venue_ip(self, v: Venue, t: float) -> tuple[str, str, str]:
        rng = self.rng
        return v.ips[rng.randrange(len(v.ips))], _port(t, rng), self._flag("")

    def _vpn(self, key: int, provider: str, t: float) -> tuple[str, str, str]:
        rng = self.rng
        exits = self.w.proxies.by_provider[provider]
        fav = self.fav_exit.get(key)
        if fav is None:
            fav = [mix(key, 1) % len(exits), mix(key, 2) % len(exits)]
            self.fav_exit[key] = fav
        e = exits[
            fav[0] if rng.random() < 0.6 else fav[1] if rng.random() < 0.6 else rng.randrange(len(exits))
        ]
        ip = e.ips[rng.randrange(len(e.ips))]
        return ip, _port(t, rng), "true" if self.flagged.get(ip) else self._flag("")

    def _flag(self, _: str) -> str:
        return "" if self.rng.random() < 0.03 else "false"


def hash_ip(ip: str) -> int:
    h = 0
    for ch in ip.encode():
        h = (h * 131 + ch) & 0xFFFFFFFFFFFF
    return h


def _port(t: float, rng: random.Random) -> str:
    return str(rng.randint(1024, 65535)) if t >= PORT_START else ""


def _next_port(port: str, rng: random.Random) -> str:
    if not port:
        return ""
    return str(min(65535, int(port) + rng.randint(1, 40)))


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, int(rng.gauss(lam, lam**0.5)))
    import math

    limit, k, prod = math.exp(-lam), 0, rng.random()
    while prod > limit:
        k += 1
        prod *= rng.random()
    return k
