"""IP events of an account: sessions at home, on the move, at work, on public Wi-Fi, abroad, behind a VPN."""

from __future__ import annotations

import random

from .accounts import Account
from .network import Network, mix
from .world import DAY, T0, T1, Person

# local hour of day people are online (0..23), evenings heaviest
HOURS = [2, 1, 0.5, 0.3, 0.3, 0.5, 1.5, 3, 4, 4, 4, 4.5, 5, 4.5, 4.5, 4.5, 5, 5.5, 6.5, 7.5, 8, 8, 6.5, 4]


class EventMaker:
    def __init__(self, rng: random.Random, net: Network, seed: int) -> None:
        self.rng = rng
        self.net = net
        self.seed = seed

    def _channel(self, a: Account, p: Person, t: int) -> tuple[str, str]:
        """(channel, country) of one session."""
        rng = self.rng
        if a.channel:  # a careful person: each account always comes in the same way
            ch = a.channel
            if ch == "work" and p.work is None:
                ch = "mobile"
            if ch == "vpn" and p.vpn is None:
                ch = "hotspot"
            return ch, p.country
        if a.burner and rng.random() < 0.85:
            return rng.choices(["vpn", "mobile", "hotspot", "cloud"], [45, 30, 20, 5])[0], p.country
        for start, end, dest in p.trips:
            if start <= t < end and dest != p.country:
                r = rng.random()
                return ("hotspot" if r < 0.5 else "mobile" if r < 0.85 or p.vpn is None else "vpn"), dest
        if p.vpn is not None and rng.random() < p.vpn[2]:
            return "vpn", p.country
        weights = [55, 30, 12 if p.work is not None else 0, 4, 0.3]
        return rng.choices(["home", "mobile", "work", "hotspot", "cloud"], weights)[0], p.country

    def _ip(self, a: Account, p: Person, ch: str, where: str, t: int, device: int) -> tuple[str, str]:
        rng, net = self.rng, self.net
        if ch == "home":
            return net.home_ip(p.hh.line, t, device, rng), "false"
        if ch == "mobile":
            return net.mobile_ip(
                rng, p.country, p.carrier
            ), "false"  # roaming data comes home through the carrier
        if ch == "work" and p.work is not None:
            return rng.choice(p.work.ips), "false"
        if ch == "vpn":
            prov, exit_code, _ = p.vpn if p.vpn is not None else (rng.randrange(len(net.vpns)), "", 0)
            if a.burner or rng.random() < 0.1:
                exit_code = rng.choice(list(net.vpns[prov]["exits"]))
            ip, flag = net.vpn_ip(rng, prov, exit_code)
            return ip, "true" if flag else "false"
        if ch == "cloud":
            ip, flag = net.cloud_ip(rng)
            return ip, "true" if flag else "false"
        site = net.hotspot(rng, where)
        return site.ips[0], "false"

    def make(self, a: Account) -> list[tuple[str, str, str, int, str]]:
        """Rows (ip, port, event, timestamp, possible_proxy), in time order."""
        rng, p = self.rng, a.person
        utc = int(self.net.countries[p.country].utc * 3600)
        start, end = max(a.created, T0), min(a.end, T1)
        if end <= start:
            return []
        span_days = max(1, (end - start) // DAY)
        rate = p.activity * (0.35 if a.burner else 1.0) * rng.lognormvariate(0, 0.6)
        n = max(1, min(200, int(rate * (2 + span_days / 70))))
        uploader = rng.random() < 0.3
        rows = []
        device = mix(self.seed, p.pid, 17)
        sessions = []
        if a.created >= T0:
            sessions.append(a.created)
        for _ in range(n):
            day = start + rng.randrange(span_days) * DAY
            hour = rng.choices(range(24), HOURS)[0]
            t = day - day % DAY + hour * 3600 - utc + rng.randrange(3600)
            if start <= t <= end:
                sessions.append(t)
        sessions.sort()
        for k, t in enumerate(sessions):
            ch, where = self._channel(a, p, t)
            if k == 0 and a.created >= T0 and ch == "work":
                ch = "home"
            dev = device + (rng.randrange(3) if ch == "home" else 0)
            ip, flag = self._ip(a, p, ch, where, t, dev)
            port = str(rng.randrange(1024, 65536)) if rng.random() < 0.9 else ""
            flag = flag if rng.random() < 0.85 else ""
            kinds = ["registration"] if k == 0 and a.created >= T0 else ["login"]
            for _ in range(int(rng.expovariate(1.2))):
                kinds.append(
                    rng.choices(
                        ["upload", "login", "other", "purchase"],
                        [40 if uploader else 3, 20, 10, 2 if a.platform == "market" else 0],
                    )[0]
                )
            for j, ev in enumerate(kinds):
                ts = t + j * rng.randrange(20, 900)
                if (
                    ch == "mobile" and j and rng.random() < 0.4
                ):  # carrier NAT hands out a new address mid-session
                    ip, flag = self._ip(a, p, ch, where, ts, dev)
                rows.append((ip, port, ev, ts, flag))
        return rows
