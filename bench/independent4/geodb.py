"""OUT/geo/: the IP-to-country databases an operator hands over next to the bundle.

Two dated snapshots of what a commercial geolocation provider makes of this generator's address plan
(`geo.py`): every ISP and carrier block in its country, every datacenter block where its servers stand
(the plan only has datacenters; their sites are set here, fixed for every seed). MaxMind DB files in the
GeoLite2-Country shape. The provider never sees who used an address; its mistakes (README.md,
"Geolocation databases") come from a random stream of their own, so nothing else the generator writes
changes.
"""

import random
from pathlib import Path

from bench.operator_geo import write_country_snapshot

from . import geo

# a few months before the IP window (W0 = 2024-11-20) and in its middle (the window ends 2026-11-20)
SNAPSHOTS = ("2024-08-06", "2025-11-18")
# where each of geo.DATACENTERS is registered, and where the servers of its four /18s stand
DC_SITES = [
    ("NL", ("NL", "NL", "DE", "GB")),
    ("DE", ("DE", "DE", "DE", "AT")),
    ("US", ("US", "US", "US", "US")),
    ("US", ("US", "CA", "GB", "DE")),
    ("FR", ("FR", "FR", "FR", "PL")),
    ("US", ("SG", "SG", "HK", "JP")),
    ("US", ("US", "US", "NL", "US")),
    ("SE", ("SE", "SE", "NO", "FI")),
    ("CH", ("CH", "CH", "CH", "DE")),
    ("JP", ("JP", "JP", "JP", "KR")),
    ("RO", ("RO", "RO", "BG", "MD")),
    ("GB", ("GB", "GB", "IE", "NL")),
]
NEAR = {
    "AE": "SA OM",
    "AR": "UY CL PY",
    "AT": "DE CH HU SI",
    "AU": "NZ",
    "BD": "IN",
    "BE": "NL FR LU",
    "BG": "RO GR TR",
    "BR": "AR PY UY",
    "BY": "RU PL UA LT",
    "CA": "US",
    "CH": "DE FR AT",
    "CL": "AR PE",
    "CN": "HK MO",
    "CO": "VE EC PA",
    "CZ": "DE SK AT",
    "DE": "AT CH NL PL CZ DK",
    "DK": "DE SE",
    "DZ": "MA TN",
    "EG": "LY SD",
    "ES": "PT FR",
    "ET": "KE DJ",
    "FI": "SE EE",
    "FR": "BE DE CH ES",
    "GB": "IE",
    "GH": "CI TG",
    "GR": "CY BG",
    "HK": "CN MO",
    "HU": "AT SK RO",
    "ID": "MY SG",
    "IE": "GB",
    "IN": "PK BD NP",
    "IQ": "JO KW SY",
    "IR": "IQ TR AF",
    "IT": "SM CH FR",
    "JO": "IL SA IQ",
    "JP": "KR",
    "KE": "UG TZ",
    "KR": "JP",
    "KZ": "RU UZ KG",
    "MA": "DZ ES",
    "MD": "RO UA",
    "MX": "US GT",
    "MY": "SG ID",
    "NG": "BJ CM",
    "NL": "BE DE",
    "NO": "SE",
    "NZ": "AU",
    "PE": "EC BO",
    "PH": "TW",
    "PK": "IN AF",
    "PL": "DE CZ LT",
    "PT": "ES",
    "RO": "MD HU BG",
    "RU": "BY UA KZ",
    "SA": "AE BH KW",
    "SE": "NO FI DK",
    "SG": "MY",
    "TH": "MY LA",
    "TR": "GR BG",
    "TW": "HK",
    "UA": "PL BY MD",
    "US": "CA MX",
    "VE": "CO",
    "VN": "KH LA",
    "ZA": "NA BW",
}


def _v6(prefix):
    return f"{prefix >> 16:x}:{prefix & 0xFFFF:x}::/32"


def plan_blocks():
    """(network, country, seat): every block of the plan; seat = registrant's country."""
    out = []
    for c in geo.COUNTRIES:
        for net in c.home_isps + c.carriers:
            out += [(f"{a}.{b}.0.0/16", c.code, c.code) for a, b in net.v4]
            out.append((_v6(net.v6), c.code, c.code))
    for dc, (seat, sites) in zip(geo.DATACENTERS, DC_SITES, strict=True):
        (a, b) = dc.v4[0]
        out += [(f"{a}.{b}.{q * 64}.0/18", site, seat) for q, site in enumerate(sites)]
        out.append((_v6(dc.v6), sites[0], seat))
    return out


def snapshots(seed):
    """For each snapshot (oldest first): {network: (country, registered_country)} with /20 (/36) pieces
    listed after the block they override."""
    from netaddr import IPNetwork

    rng = random.Random(f"independent4:{seed}:geo")
    codes = [c.code for c in geo.COUNTRIES]
    old, new = {}, {}
    for net, code, seat in plan_blocks():
        v6 = ":" in net
        r = rng.random()
        if r < (0.05 if v6 else 0.005):  # never geolocated
            continue
        if r < (0.2 if v6 else 0.012):  # seen by the provider only after the older snapshot
            before = None
        elif not v6 and r < 0.02:  # transferred, and the provider still has the seller's country
            old[net] = new[net] = (rng.choice(codes), code)
            continue
        elif not v6 and r < 0.045:  # transferred between the two snapshots
            before = rng.choice(codes)
            before = (before, before)
        elif seat != code and r < 0.5:  # datacenter site learnt late: at the registrant's seat before
            before = (seat, seat)
        else:
            before = (code, seat)
        late = seat != code and rng.random() < 0.15  # ... and a few still there
        new[net] = (seat, seat) if late else (code, seat)
        if before is not None:
            old[net] = (seat, seat) if late else before
        for piece in IPNetwork(net).subnet(36 if v6 else 20):
            x = rng.random()
            if x < 0.035:  # answered with the country next door (a regional network near a border)
                near = (rng.choice(NEAR[code].split()), seat)
                if x < 0.015:  # ... in the newer snapshot (and the older one)
                    new[str(piece)] = near
                if before == (code, seat):  # ... in the older one only, when >= 0.015: fixed since
                    old[str(piece)] = near
    return [old, new]


def write_geo(out, seed):
    """Write OUT/geo/geo-YYYY-MM-DD.mmdb for each snapshot; return the paths."""
    paths = []
    for date, table in zip(SNAPSHOTS, snapshots(seed), strict=True):
        is_piece = {n: int(n.rsplit("/", 1)[1]) in (20, 36) for n in table}  # /20 and /36 pieces
        blocks = {n: rec for n, rec in table.items() if not is_piece[n]}
        pieces = {n: rec for n, rec in table.items() if is_piece[n]}
        description = f"IP to country, snapshot of {date} (synthetic: independent4 address plan)"
        path = Path(out) / "geo" / f"geo-{date}.mmdb"
        paths.append(str(write_country_snapshot(path, date, description, blocks, pieces)))
    return paths
