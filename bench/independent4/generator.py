"""Independent synthetic disclosure-bundle generator (platform referral of one group's members).

Usage (from the repository root):
    python -m bench.independent4.generator OUT --accounts 15300 --seed 1
"""

import argparse
import collections
import csv
import datetime as dt
import json
import os
import random
import time

from . import geo, geodb, names
from .world import B36, DAY, DISPOSABLE, REF, T0, W0, WORDS, YEAR, World, ts_date

PLACEHOLDERS = {
    "email": [
        "test@test.com",
        "a@a.com",
        "none@none.com",
        "noemail@gmail.com",
        "asdf@asdf.com",
        "no@email.com",
    ],
    "phone": ["0000000000", "1234567890", "+10000000000", "9999999999", "123456789", "+0000000000"],
    "device": ["00000000-0000-0000-0000-000000000000", "0000000000000000"],
    "dob": ["1900-01-01", "1970-01-01", "2000-01-01"],
    "name": ["test", "N/A", "user", "asdf"],
}
EMOJI = ["✨", "🌙", "🔥", "💫", "🖤", "🌸", "⚡", "👑", "🦋", "😎", "🎮", "⚽"]
PLATFORM = "Example Social"


def iso(t):
    return dt.datetime.fromtimestamp(t, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Gen:
    def __init__(self, seed, n_accounts):
        self.seed, self.n = seed, n_accounts
        self.rng = random.Random(f"independent4:{seed}:accounts")
        self.evr = random.Random(f"independent4:{seed}:events")
        self.world = World(random.Random(f"independent4:{seed}:world"), n_accounts)
        self.accounts, self.idents, self.events = [], [], []
        self.used_ids, self.used_users = set(), set()
        self.filler = collections.defaultdict(set)  # (kind, value, what) -> account ids
        self.cgnat = {}
        vr = random.Random("independent4-vpn-exits")
        self.vpn = [geo.DATACENTERS[i % len(geo.DATACENTERS)].ipv4(vr) for i in range(30)]
        self.tor = [geo.DATACENTERS[i % len(geo.DATACENTERS)].ipv4(vr) for i in range(15)]

    # ------------------------------------------------------------- small pieces
    def new_id(self):
        while True:
            a = str(self.rng.randint(10**9, 10**10 - 1))
            if a not in self.used_ids:
                self.used_ids.add(a)
                return a

    def unique_user(self, u):
        u = u[:28] or "user"
        while u in self.used_users:
            u = u + str(self.rng.randint(0, 9)) if self.rng.random() < 0.7 else u + "_"
        self.used_users.add(u)
        return u

    def ident(self, acc, kind, value, t, verified="", filler=None):
        seen = acc.setdefault("seen", set())
        if (kind, value) in seen:
            return
        seen.add((kind, value))
        self.idents.append((acc["id"], kind, value, verified, iso(t)))
        if filler:
            self.filler[(kind, value, filler)].add(acc["id"])

    def person_name(self, p, t, native_p=0.4):
        sn = p.maiden if (p.maiden and p.married_at and t < p.married_at) else p.surnames
        if p.maiden and t >= (p.married_at or 0) and self.rng.random() < 0.1:
            sn = [names.Name(sn[0].roms[0] + "-" + p.maiden[0].roms[0])] if names.is_latin(p.culture) else sn
        return names.full_name(p.culture, p.given, sn, self.rng, native_p=native_p)

    def random_name(self, country):
        r = self.rng
        cult, g = country.culture, r.choice("MF")
        sn = names.draw_surname(cult, r)
        return names.full_name(
            cult, names.draw_given(cult, g, r), [names.feminine(sn) if g == "F" and cult == "ru" else sn], r
        )

    def email_variant(self, local, dom):
        r = self.rng.random()
        if dom in ("gmail.com", "googlemail.com"):
            if r < 0.08 and len(local) > 3 and "." not in local:
                i = self.rng.randint(1, len(local) - 1)
                local = local[:i] + "." + local[i:]
            elif r < 0.14:
                local = local + "+" + self.rng.choice(["social", "spam", "x", "1", "sn", "promo"])
            elif r < 0.17:
                dom = "googlemail.com"
            elif r < 0.21:
                local = local.replace(".", "")
        elif r < 0.04 and dom in ("outlook.com", "hotmail.com", "proton.me"):
            local = local + "+" + self.rng.choice(["sn", "web", "2"])
        r = self.rng.random()
        addr = f"{local}@{dom}"
        if r < 0.07:
            addr = addr[0].upper() + addr[1:]
        elif r < 0.10:
            addr = addr.upper() if self.rng.random() < 0.4 else local.title() + "@" + dom.title()
        return addr

    def burner_mail(self):
        r = self.rng
        local = r.choice(
            [
                f"{r.choice(WORDS)}{r.randint(100, 99999)}",
                "".join(r.choice(B36[10:]) for _ in range(r.randint(6, 12))),
            ]
        )
        return f"{local}@{r.choice(DISPOSABLE)}"

    # ------------------------------------------------------------- accounts
    def build(self):
        for p in self.world.persons:
            self.person_accounts(p)
        self.rng.shuffle(self.accounts)

    def person_accounts(self, p):
        r = self.rng
        lo = max(T0, p.birth_ts() + 13 * YEAR)
        if p.heavy:
            centres = [r.randint(lo, REF - 20 * DAY) for _ in range(r.randint(2, 4))]
            times = [
                min(REF - DAY, max(lo, r.choice(centres) + int(r.gauss(0, 25 * DAY))))
                for _ in range(p.n_accounts)
            ]
        else:
            times = [r.randint(lo, REF - DAY) for _ in range(p.n_accounts)]
        times.sort()
        k = p.n_accounts
        # an evasive person's slips: one real mailbox, one reused device, one login from home
        slip_mail = r.randrange(k) if p.evasive and r.random() < 0.55 else -1
        slip_dev = (
            set(r.sample(range(k), min(k, r.randint(2, 4)))) if p.evasive and r.random() < 0.6 else set()
        )
        slip_dev_id = self.world.device_id(p.platform)
        for i, t in enumerate(times):
            acc = {"id": self.new_id(), "p": p, "created": t}
            st = r.choices(["active", "disabled", "deleted"], [82, 10, 8])[0]
            if p.heavy and i < k - 3:
                st = r.choices(["active", "disabled", "deleted"], [30, 45, 25])[0]
            acc["status"] = st
            acc["end"] = REF if st == "active" else r.randint(min(t + DAY, REF - 1), REF - 1)
            self.profile(acc, p, t, i, k)
            self.identifiers(acc, p, t, i == slip_mail, slip_dev_id if i in slip_dev else None)
            self.ip_events(acc, p)
            self.accounts.append(acc)

    def profile(self, acc, p, t, i, k):
        r = self.rng
        if p.evasive and r.random() < 0.85:
            user = r.choice(
                [
                    f"{r.choice(WORDS)}{r.choice(WORDS)}{r.randint(1, 9999)}",
                    "".join(r.choice(B36[10:]) for _ in range(r.randint(5, 10))),
                    f"{r.choice(WORDS)}_{r.randint(10, 999)}",
                ]
            )
        else:
            stem = r.choice(p.handles)
            user = r.choice(
                [
                    stem,
                    stem,
                    f"{stem}{r.randint(1, 99)}",
                    f"{stem}_{r.choice(['official', 'x', 'real', 'tv', '2'])}",
                    f"{stem}{i + 1}" if k > 1 else stem,
                ]
            )
        acc["username"] = self.unique_user(user)
        hh = p.hh
        country = hh.country if not (hh.moved_at and t < hh.moved_at) else p.origin
        x = r.random()
        if p.evasive:
            dn = (
                self.random_name(country)
                if x < 0.4
                else acc["username"]
                if x < 0.7
                else ""
                if x < 0.9
                else self.person_name(p, t)
            )
        elif x < 0.36:
            dn = self.person_name(p, t)
        elif x < 0.5:
            dn = p.given.latin(r) if r.random() < 0.7 or names.is_latin(p.culture) else p.given.native
        elif x < 0.56:
            dn = f"{p.given.latin(r)} {p.surnames[0].latin(r)[0]}."
        elif x < 0.6:
            dn = f"{p.given.latin(r)[0]}.{p.surnames[0].latin(r)[0]}.".upper()
        elif x < 0.7:
            dn = acc["username"]
        elif x < 0.79:
            e = r.choice(EMOJI)
            dn = f"{e} {self.person_name(p, t, 0.3)} {e}" if r.random() < 0.5 else f"{p.given.latin(r)} {e}"
        elif x < 0.9:
            dn = ""
        elif x < 0.95:
            dn = self.random_name(geo.pick_country(r))  # persona / fake name
        else:
            dn = p.given.nick(r) if p.given.nicks else p.given.latin(r).lower()
        acc["display_name"] = dn
        y = r.random()
        acc["stated_country"] = (
            country.code
            if y < 0.74
            else p.origin.code
            if y < 0.84
            else ""
            if y < 0.95
            else r.choice(["US", geo.pick_country(r).code])
        )
        acc["profile_url"] = (
            ""
            if acc["status"] == "deleted"
            else (
                f"https://social.example/{acc['username']}"
                if r.random() < 0.8
                else f"https://social.example/profile.php?id={acc['id']}"
            )
        )

    def identifiers(self, acc, p, t, slip_mail, slip_dev):
        r, w, hh = self.rng, self.world, p.hh
        end = acc["end"]

        def obs():
            return r.randint(t, max(t, min(end, t + 200 * DAY)))

        # e-mail
        if r.random() < 0.9:
            if r.random() < 0.012:
                v = r.choice(PLACEHOLDERS["email"])
                self.ident(acc, "email", v, t, "false", "placeholder")
            elif p.evasive and not slip_mail and r.random() < 0.65:
                self.ident(acc, "email", self.burner_mail(), t, r.choice(["true", "false", ""]))
            elif hh.family_mail and r.random() < 0.12:
                self.ident(acc, "email", self.email_variant(*hh.family_mail), t, "true")
            else:
                live = [m for m in p.mailboxes if m[2] <= t] or p.mailboxes[:1]
                m = live[-1] if r.random() < 0.75 else r.choice(live)
                self.ident(
                    acc,
                    "email",
                    self.email_variant(m[0], m[1]),
                    t,
                    r.choices(["true", "false", ""], [70, 15, 15])[0],
                )
                if r.random() < 0.1 and len(p.mailboxes) > 1:
                    m2 = r.choice([x for x in p.mailboxes if x is not m])
                    self.ident(acc, "email", self.email_variant(m2[0], m2[1]), obs(), "")
        # phone
        if r.random() < 0.55:
            ph, fill = None, None
            x = r.random()
            if x < 0.01:
                v, fill = r.choice(PLACEHOLDERS["phone"]), "placeholder"
            elif p.shop_phone and x < 0.5:
                ph, fill = p.shop_phone, "shop_phone"
            elif p.evasive and x < 0.55:
                c = hh.country
                ph = (c.cc, geo.new_mobile(c, r), c.trunk)  # burner
            elif hh.landline and x < 0.1:
                ph = hh.landline
            else:
                live = [q for q in p.phones if q[3] <= t and (q[4] is None or q[4] > t)] or p.phones[-1:]
                ph = live[0] if r.random() < 0.7 else r.choice(live)
            if ph:
                nsn = geo.mistype(ph[1], r) if r.random() < 0.02 else ph[1]
                v = geo.format_phone(ph[0], nsn, ph[2], r)
            self.ident(acc, "phone", v, t, "" if fill else r.choices(["true", "false", ""], [60, 20, 20])[0])
            if fill:
                self.filler[("phone", f"+{ph[0]}{ph[1]}" if ph else v, fill)].add(acc["id"])
        # devices
        for _j in range(2 if r.random() < 0.2 else 1):
            if r.random() > 0.68:
                continue
            x, fill = r.random(), None
            if x < 0.015:
                v, fill = r.choice(PLACEHOLDERS["device"]), "placeholder"
            elif slip_dev:
                v = slip_dev
            elif p.cafe and x < 0.4:
                v, fill = r.choice(p.cafe[1]), "cafe_pc"
            elif p.school and x < 0.12:
                v, fill = p.school[1], "school_pc"
            elif p.work and p.work[1] and x < 0.1:
                v, fill = p.work[1], "work_pc"
            elif hh.tablet and x < 0.2:
                v = hh.tablet
            elif p.evasive and x < 0.7:
                v = w.device_id(p.platform)  # fresh / reset device
            elif p.laptop and x < 0.4:
                v = p.laptop
            else:
                v = p.devices.at(r.randint(t, max(t, min(end, t + 120 * DAY))))
            self.ident(acc, "device", v, obs(), "", fill)
        # payment and postal address
        has_pay = p.cards and r.random() < (0.1 if not p.evasive else 0.04)
        if has_pay:
            self.ident(acc, "payment", r.choice(p.cards), obs(), "true")
        if (has_pay and r.random() < 0.6) or r.random() < 0.015:
            prng = random.Random(f"{self.seed}:{p.pid}:addr")  # each person writes the address their way
            v = geo.format_address(hh.address, prng if r.random() < 0.75 else r)
            self.ident(acc, "address", v, obs(), "")
        # name (e.g. a "real name" field or a payment profile)
        if r.random() < 0.4:
            if r.random() < 0.005:
                self.ident(acc, "name", r.choice(PLACEHOLDERS["name"]), t, "", "placeholder")
            elif p.evasive and r.random() < 0.55:
                self.ident(acc, "name", self.random_name(hh.country), t, "")
            else:
                self.ident(acc, "name", self.person_name(p, t), t, "")
        # date of birth
        if r.random() < 0.3:
            y, m, d = p.birth
            x, fill = r.random(), None
            minor = p.age(t) < 18
            if x < 0.01:
                v, fill = r.choice(PLACEHOLDERS["dob"]), "placeholder"
            elif (minor and x < 0.5) or (p.evasive and x < 0.5) or x < 0.06:
                fy = ts_date(t).year - r.randint(18, 35)
                v = (
                    f"{fy:04d}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
                    if r.random() < 0.6
                    else f"{fy:04d}-01-01"
                )
            elif x < 0.17:
                v = f"{y:04d}-01-01"
            else:
                v = f"{y:04d}-{m:02d}-{d:02d}"
            self.ident(acc, "dob", v, t, "", fill)

    # ------------------------------------------------------------- IP events
    def local_time(self, day_start, country):
        hour = self.evr.choices(
            range(24), weights=[3, 2, 1, 1, 1, 1, 2, 4, 5, 5, 5, 5, 6, 6, 6, 6, 6, 7, 8, 9, 10, 10, 8, 5]
        )[0]
        return day_start + (hour - country.utc) * 3600 + self.evr.randint(0, 3599)

    def carrier_ip(self, net):
        pool = self.cgnat.get(net.name)
        if pool is None:
            cr = random.Random(f"independent4-cgnat:{net.name}")
            pool = self.cgnat[net.name] = sorted({net.ipv4(cr) for _ in range(cr.randint(6, 30))})
        return self.evr.choice(pool)

    def ip_events(self, acc, p):
        e, hh = self.evr, p.hh
        start, end = max(acc["created"], W0), acc["end"]
        if end <= W0:
            return
        n = min(60 if p.heavy else 35, int(e.lognormvariate(1.35, 0.85)) + 1)
        ts = sorted(e.randint(start, end) for _ in range(n))
        if acc["created"] >= W0:
            ts[0] = acc["created"]
        carrier = hh.country.carriers[int(p.pid[1:]) % len(hh.country.carriers)]
        home_slip = p.evasive and e.random() < 0.5
        for j, t in enumerate(ts):
            ev = (
                "registration"
                if (j == 0 and acc["created"] >= W0)
                else e.choices(
                    ["login", "upload", "purchase", "other", "unknown"], [78, 12, 3 if p.cards else 0, 5, 2]
                )[0]
            )
            if ev != "registration":
                day = t - t % DAY
                t = min(end, max(start, self.local_time(day, hh.country)))
            ip, port, proxy, fill = self.source(p, t, carrier, home_slip and j == len(ts) - 1)
            self.events.append((acc["id"], ip, port, ev, t, proxy))
            if fill:
                self.filler[("ip", ip, fill)].add(acc["id"])

    def source(self, p, t, carrier, force_home):
        e, hh = self.evr, p.hh
        for c, s, f in p.trips:
            if s <= t < f and not force_home:
                if e.random() < 0.6:
                    return e.choice(c.home_isps).ipv4(e), "", "false", None  # hotel / café wifi abroad
                return self.carrier_ip(carrier), str(e.randint(1024, 65535)), "false", "cgnat"
        if not force_home and p.vpn_p and e.random() < p.vpn_p:
            if p.evasive and e.random() < 0.3:
                return e.choice(self.tor), "", e.choices(["true", "false", ""], [85, 5, 10])[0], "tor_exit"
            return e.choice(self.vpn), "", e.choices(["true", "false", ""], [50, 35, 15])[0], "vpn_exit"
        old = hh.moved_at and t < hh.moved_at
        x = 0.0 if force_home else e.random()
        if p.cafe and x < 0.35 and not old:
            return p.cafe[0], "", "false", "cafe"
        if p.school and x < 0.15 and not old:
            return p.school[0], "", "false", "school"
        if p.work and x < 0.15 and not old:
            return p.work[0], "", "false", "work"
        if x < 0.58:
            if old:
                return hh.old_ipv4.at(t), "", "false", None
            if hh.v6 and e.random() < 0.5:
                return geo.Net.ipv6_addr(hh.v6, e), "", "false", None
            if hh.home_cgnat:
                return self.carrier_ip(hh.isp), str(e.randint(1024, 65535)), "false", "cgnat"
            return hh.ipv4.at(t), "", "false", None
        net = p.origin.carriers[0] if old else carrier
        if e.random() < net.v6_share:
            return geo.Net.ipv6_addr(net.ipv6_64(e), e), "", "false", None
        return self.carrier_ip(net), str(e.randint(1024, 65535)), "false", "cgnat"

    # ------------------------------------------------------------- output
    def write(self, out):
        bdir, tdir = os.path.join(out, "bundle"), os.path.join(out, "truth")
        os.makedirs(bdir, exist_ok=True)
        os.makedirs(tdir, exist_ok=True)
        summ = os.path.join(tdir, "summary.json")
        if os.path.exists(summ):
            os.remove(summ)
        manifest = {
            "format": "disclosure-bundle",
            "version": 1,
            "disclosure_id": f"exsocial-2026-11-{self.seed:04d}",
            "provider": {"name": PLATFORM, "country": "US", "contact": "lawenforcement@social.example"},
            "received_at": iso(REF),
            "legal_reference": f"platform referral {self.seed}",
            "description": "member accounts of one reported group (platform referral)",
            "files": {
                "accounts": "accounts.csv",
                "identifiers": "identifiers.csv",
                "ip_events": "ip_events.csv",
            },
        }
        with open(os.path.join(bdir, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
            json.dump(manifest, f, indent=2, ensure_ascii=False)
            f.write("\n")
        order = {a["id"]: i for i, a in enumerate(self.accounts)}

        def table(path, header, rows):
            with open(path, "w", encoding="utf-8", newline="") as f:
                wr = csv.writer(f, lineterminator="\r\n")
                wr.writerow(header)
                wr.writerows(rows)

        table(
            os.path.join(bdir, "accounts.csv"),
            [
                "account_id",
                "platform",
                "username",
                "display_name",
                "created_at",
                "profile_url",
                "stated_country",
                "status",
            ],
            [
                (
                    a["id"],
                    PLATFORM,
                    a["username"],
                    a["display_name"],
                    iso(a["created"]),
                    a["profile_url"],
                    a["stated_country"],
                    a["status"],
                )
                for a in self.accounts
            ],
        )
        ids = sorted(self.idents, key=lambda x: (order[x[0]], x[4], x[1]))
        table(
            os.path.join(bdir, "identifiers.csv"),
            ["account_id", "kind", "value", "verified", "observed_at"],
            ids,
        )
        evs = sorted(self.events, key=lambda x: (order[x[0]], x[4]))
        table(
            os.path.join(bdir, "ip_events.csv"),
            ["account_id", "ip", "port", "event", "timestamp", "possible_proxy"],
            [(a, ip, port, ev, iso(t), px) for a, ip, port, ev, t, px in evs],
        )
        table(
            os.path.join(tdir, "accounts.csv"),
            ["account_id", "person_id", "country"],
            [(a["id"], a["p"].pid, a["p"].hh.country.code) for a in self.accounts],
        )
        persons = self.world.persons
        table(
            os.path.join(tdir, "persons.csv"),
            [
                "person_id",
                "household_id",
                "household_kind",
                "household_size",
                "role",
                "gender",
                "birth_date",
                "culture",
                "origin",
                "residence",
                "moved_at",
                "n_accounts",
                "evasive",
                "heavy",
                "name",
                "work_place_shared",
                "cafe_user",
            ],
            [
                (
                    p.pid,
                    p.hh.hid,
                    p.hh.kind,
                    len(p.hh.members),
                    p.role,
                    p.gender,
                    "{:04d}-{:02d}-{:02d}".format(*p.birth),
                    p.culture,
                    p.origin.code,
                    p.hh.country.code,
                    iso(p.hh.moved_at) if p.hh.moved_at else "",
                    p.n_accounts,
                    str(p.evasive).lower(),
                    str(p.heavy).lower(),
                    f"{p.given.roms[0]} {p.surnames[0].roms[0]}",
                    str(bool(p.work)).lower(),
                    str(bool(p.cafe)).lower(),
                )
                for p in persons
            ],
        )
        geodb.write_geo(out, self.seed)
        self.write_summary(tdir, ids, evs)

    def write_summary(self, tdir, ids, evs):
        acc_p = {a["id"]: a["p"].pid for a in self.accounts}
        persons = self.world.persons
        dist = collections.Counter(p.n_accounts for p in persons)
        distinct = collections.defaultdict(set)
        for _a, k, v, _, _ in ids:
            distinct[k].add(v)
        name_count = collections.Counter(f"{p.given.roms[0]} {p.surnames[0].roms[0]}" for p in persons)
        filler = [
            {"kind": k, "value": v, "what": w, "accounts": len(s), "persons": len({acc_p[a] for a in s})}
            for (k, v, w), s in sorted(self.filler.items())
        ]
        cgnat = sorted((f["persons"] for f in filler if f["what"] == "cgnat"), reverse=True)
        filler = [f for f in filler if f["persons"] > 1 and f["what"] != "cgnat"]
        summary = {
            "generator": "bench.independent4",
            "seed": self.seed,
            "accounts": len(self.accounts),
            "persons": len(persons),
            "households": len(self.world.households),
            "households_by_kind": dict(
                sorted(collections.Counter(h.kind for h in self.world.households).items())
            ),
            "countries_of_residence": len({p.hh.country.code for p in persons}),
            "accounts_per_person": {str(k): dist[k] for k in sorted(dist)},
            "evasive_persons": sum(p.evasive for p in persons),
            "heavy_persons": sum(p.heavy for p in persons),
            "migrant_persons": sum(p.origin is not p.hh.country for p in persons),
            "moved_within_window": sum(bool(p.hh.moved_at) for p in persons),
            "identifier_rows": len(ids),
            "identifier_rows_by_kind": dict(sorted(collections.Counter(x[1] for x in ids).items())),
            "distinct_values_by_kind": {k: len(v) for k, v in sorted(distinct.items())},
            "ip_events": len(evs),
            "distinct_ips": len({x[1] for x in evs}),
            "namesake_persons": sum(c for c in name_count.values() if c > 1),
            "recycled_phones": [
                {"number": n, "earlier_person": a.pid, "later_person": b.pid}
                for n, a, b in self.world.recycled
            ],
            "shared_values": sorted(filler, key=lambda f: (-f["persons"], f["kind"], f["value"])),
            "shared_values_by_what": dict(sorted(collections.Counter(f["what"] for f in filler).items())),
            "cgnat_ips": {
                "count": len(cgnat),
                "max_persons": cgnat[0] if cgnat else 0,
                "shared_by_2_plus": sum(c > 1 for c in cgnat),
            },
            "parameters": {
                "reference_time": iso(REF),
                "records_from": iso(T0),
                "ip_window_from": iso(W0),
                "countries": len(geo.COUNTRIES),
                "cultures": sorted(names.POOLS),
            },
        }
        tmp = os.path.join(tdir, ".summary.json.tmp")
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            json.dump(summary, f, indent=1, ensure_ascii=False, sort_keys=False)
            f.write("\n")
        os.replace(tmp, os.path.join(tdir, "summary.json"))


def generate(out, accounts, seed):
    """Write the operation of ``accounts`` accounts for ``seed`` into ``out``; the generator."""
    g = Gen(seed, accounts)
    g.build()
    g.write(str(out))
    return g


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--accounts", type=int, default=15300)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    t0 = time.time()
    g = generate(a.out, a.accounts, a.seed)
    print(
        f"{len(g.accounts)} accounts, {len(g.world.persons)} persons, {len(g.world.households)} households, "
        f"{len(g.idents)} identifiers, {len(g.events)} ip events in {time.time() - t0:.1f}s -> {a.out}"
    )


if __name__ == "__main__":
    main()
