"""OUT/geo/: dated IP-to-country databases (MaxMind DB, GeoLite2-Country shape) of the synthetic address plan.

What an operator would hand over from a commercial geolocation provider: the provider sees the plan's
blocks (ISPs, carriers, business and hosting ranges) and where each is used, never who used an address.
It is imperfect in the ways such databases are (see README.md, "Geolocation databases"). The imperfections
come from their own random stream, so the bundle and truth are untouched and each seed gives the same files.
"""

from __future__ import annotations

import random
from pathlib import Path

from bench.operator_geo import write_country_snapshot

from .countries import Country

# Dated snapshots: one a quarter before the first logged event (2023-01-01), one in the middle of the window.
SNAPSHOTS = ("2022-10-04", "2024-01-02")
# Where the hosting companies renting out the plan's hosting ranges are registered (VPN and cloud exits).
HOSTING_REGISTRANTS = ("US", "US", "US", "NL", "NL", "DE", "GB", "SE", "CH")

# Land or close neighbours, for blocks answered with the country next door.
NEIGHBOURS = {
    "AE": "SA OM QA",
    "AR": "UY CL PY BR",
    "AT": "DE CH CZ HU SK SI IT",
    "AU": "NZ PG",
    "BD": "IN MM",
    "BE": "NL FR LU DE",
    "BG": "RO GR TR RS MK",
    "BR": "AR PY UY BO CO",
    "BY": "RU PL UA LT LV",
    "CA": "US",
    "CH": "DE FR IT AT LI",
    "CL": "AR PE BO",
    "CN": "HK MO TW MN VN",
    "CO": "VE EC PE PA BR",
    "CY": "GR TR LB",
    "CZ": "DE SK AT PL",
    "DE": "AT CH NL PL CZ FR DK BE LU",
    "DK": "DE SE NO",
    "DO": "HT PR",
    "DZ": "MA TN LY",
    "EC": "CO PE",
    "EG": "LY SD IL",
    "ES": "PT FR AD",
    "FI": "SE EE NO",
    "FR": "BE DE CH ES IT LU MC",
    "GB": "IE IM JE",
    "GH": "CI TG BF",
    "GR": "CY BG AL MK",
    "GT": "MX SV HN BZ",
    "HK": "CN MO",
    "HR": "SI BA RS HU",
    "HU": "AT SK RO RS HR",
    "ID": "MY SG TL",
    "IE": "GB",
    "IL": "PS JO LB",
    "IN": "PK BD NP LK",
    "IQ": "SY JO IR KW",
    "IR": "IQ TR AF AM",
    "IT": "SM CH FR AT SI",
    "JO": "IL PS SA IQ",
    "JP": "KR",
    "KE": "UG TZ ET",
    "KR": "JP",
    "KZ": "RU UZ KG",
    "LB": "SY IL CY",
    "MA": "DZ ES",
    "MX": "US GT",
    "MY": "SG ID BN TH",
    "NG": "BJ CM NE GH",
    "NL": "BE DE",
    "NO": "SE DK FI",
    "NZ": "AU",
    "PE": "EC CO CL BO",
    "PH": "MY TW",
    "PK": "IN AF",
    "PL": "DE CZ SK LT UA",
    "PT": "ES",
    "RO": "MD HU BG UA",
    "RS": "BA HR HU ME MK",
    "RU": "BY UA KZ FI EE",
    "SA": "AE BH KW JO QA",
    "SE": "NO FI DK",
    "SG": "MY ID",
    "SK": "CZ HU AT PL",
    "TH": "MY LA KH MM",
    "TN": "DZ LY",
    "TR": "CY GR BG GE",
    "TW": "HK CN",
    "UA": "PL RU BY MD",
    "US": "CA MX PR",
    "VE": "CO",
    "VN": "KH LA CN",
    "ZA": "NA BW LS",
}


def _plan(countries: dict[str, Country]) -> list[tuple[str, str, str]]:
    """(block, country, kind) of every block of the plan: IPv4 /16s and IPv6 /32s."""
    out = []
    for code in sorted(countries):
        c = countries[code]
        for isp in c.isps:
            out += [(f"{a}.{b}.0.0/16", code, "isp") for a, b in isp["blocks"]]
            out.append((f"{isp['v6']}::/32", code, "isp"))
        for car in c.carriers:
            out += [
                (f"{a}.{b}.0.0/16", code, "mobile") for a, b in sorted({(n[0], n[1]) for n in car["nat"]})
            ]
            if car["v6"]:
                out.append((f"{car['v6']}::/32", code, "mobile"))
        out += [(f"{a}.{b}.0.0/16", code, "business") for a, b in c.business]
        out += [(f"{a}.{b}.0.0/16", code, "hosting") for a, b in c.hosting]
    return out


def _snapshots(countries: dict[str, Country], seed: int) -> list[tuple[dict, dict]]:
    """For each snapshot, oldest first: (block -> record, piece -> record), a record being (country,
    registered_country); a piece (an IPv4 /20 or IPv6 /36) overrides the block it lies in."""
    from netaddr import IPNetwork

    rng = random.Random(f"independent2-geo:{seed}")
    codes = sorted(countries)
    old: tuple[dict, dict] = ({}, {})
    new: tuple[dict, dict] = ({}, {})
    for block, code, kind in _plan(countries):
        v6 = ":" in block
        registered = code
        if kind == "hosting" and rng.random() < 0.4:
            registered = rng.choice([r for r in HOSTING_REGISTRANTS if r != code])
        r = rng.random()
        if r < (0.04 if v6 else 0.005):  # never geolocated (an unannounced range)
            continue
        before: tuple[str, str] | None = (code, registered)
        if r < (0.19 if v6 else 0.015):  # not yet in the older snapshot (a range announced since)
            before = None
        elif not v6 and r < 0.021:  # transferred; the provider still has the previous holder's country
            prev = rng.choice(codes)
            old[0][block] = new[0][block] = (prev, code)
            continue
        elif not v6 and r < 0.041:  # transferred between the snapshots: the older one has the previous holder
            prev = rng.choice(codes)
            before = (prev, prev)
        new[0][block] = (code, registered)
        if before is not None:
            old[0][block] = before
        same = before is not None and before[0] == code
        foreign = kind == "hosting" and registered != code
        for piece in IPNetwork(block).subnet(36 if v6 else 20):
            p = rng.random()
            if p < 0.015:  # answered with a neighbouring country (a regional network across a border)
                wrong = (rng.choice(NEIGHBOURS[code].split()), registered)
            elif foreign and p < 0.3:  # a hosting range placed at its registrant's seat
                wrong = (registered, registered)
            elif p < 0.03 and same:  # a neighbour in the older snapshot only: corrected since
                old[1][str(piece)] = (rng.choice(NEIGHBOURS[code].split()), registered)
                continue
            else:
                continue
            new[1][str(piece)] = wrong
            if same:
                old[1][str(piece)] = wrong
    return [old, new]


def write_geo(out: Path, countries: dict[str, Country], seed: int) -> list[Path]:
    """Write OUT/geo/geo-YYYY-MM-DD.mmdb for each snapshot; return the paths."""
    return [
        write_country_snapshot(
            out / "geo" / f"geo-{date}.mmdb",
            date,
            f"IP to country, snapshot of {date} (synthetic: independent2 address plan)",
            blocks,
            pieces,
        )
        for date, (blocks, pieces) in zip(SNAPSHOTS, _snapshots(countries, seed), strict=True)
    ]
