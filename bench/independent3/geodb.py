"""``OUT/geo/``: the IP-to-country database an operator would hand over with the bundle.

One dated snapshot of a commercial geolocation provider's view of this generator's address plan
(``ipplan.py`` blocks as ``network.Plan`` uses them), in MaxMind DB format with the GeoLite2-Country
record shape. The provider knows each block's registration and where it is used (an ISP's or carrier's
country, the data centre of a hosting range), never who used an address. Its errors are described in
README.md ("Geolocation database"); they come from their own random stream (``seed``), so writing the
database changes nothing else the generator writes.
"""

from __future__ import annotations

import random
from pathlib import Path

from bench.operator_geo import write_country_snapshot

from .ipplan import V4, V6
from .network import Plan

# One snapshot, about the middle of the two-year log window (2023-01-01 .. 2024-12-31).
SNAPSHOT = "2023-11-28"
# Seats of the hosting companies that rent out the plan's hosting ranges (VPN, Tor and cloud exits).
REGISTRANT_SEATS = ("US", "US", "US", "NL", "DE", "DE", "GB", "FR", "LT", "SE")
# Neighbouring countries: the wrong answer a provider gives for a regional network near a border.
NEIGHBOURS = {
    "AE": "SA OM QA",
    "AR": "UY CL PY BR",
    "AT": "DE CH CZ HU SK SI",
    "AU": "NZ PG",
    "BD": "IN MM",
    "BE": "NL FR LU DE",
    "BG": "RO GR TR RS MK",
    "BR": "AR PY UY BO",
    "BY": "RU PL UA LT LV",
    "CA": "US",
    "CH": "DE FR IT AT LI",
    "CL": "AR PE BO",
    "CN": "HK MO TW MN",
    "CO": "VE EC PE PA",
    "CZ": "DE SK AT PL",
    "DE": "AT CH NL PL CZ FR DK BE",
    "DK": "DE SE NO",
    "DO": "HT PR",
    "DZ": "MA TN LY",
    "EC": "CO PE",
    "EG": "LY SD IL",
    "ES": "PT FR AD",
    "ET": "KE SO DJ SD",
    "FI": "SE EE NO",
    "FR": "BE DE CH ES IT LU MC",
    "GB": "IE IM JE",
    "GH": "CI TG BF",
    "GR": "CY BG AL MK",
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
    "LK": "IN MV",
    "LT": "LV PL BY",
    "MA": "DZ ES",
    "MX": "US GT",
    "MY": "SG ID BN TH",
    "NG": "BJ CM NE GH",
    "NL": "BE DE",
    "NO": "SE DK FI",
    "NP": "IN CN",
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
    "UZ": "KZ KG TJ",
    "VE": "CO BR",
    "VN": "KH LA CN",
    "ZA": "NA BW LS",
}


def _blocks(plan: Plan) -> list[tuple[str, str, str]]:
    """(network, country, use) of every block: IPv4 /18s and IPv6 /32s, in table order."""
    hosting = {b for isp in plan.hosting.values() for b in isp.blocks}
    out = []
    for code in sorted(V4):
        for text in V4[code].split():
            a, b, c = (int(x) for x in text.split("."))
            out.append((f"{a}.{b}.{c}.0/18", code, "hosting" if (a, b, c) in hosting else "access"))
    for code in sorted(V6):
        out += [(f"{p}::/32", code, "access") for p in V6[code].split()]
    return out


def _snapshot(plan: Plan, seed: int) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """(block -> record, piece -> record), a record being (country, registered_country); a piece
    (an IPv4 /20 or IPv6 /36) overrides the block it lies in."""
    from netaddr import IPNetwork

    rng = random.Random(f"independent3-geo:{seed}")
    codes = sorted(V4)
    blocks: dict[str, tuple[str, str]] = {}
    pieces: dict[str, tuple[str, str]] = {}
    for net, code, use in _blocks(plan):
        v6 = ":" in net
        seat = code
        if use == "hosting" and rng.random() < 0.35:
            seat = rng.choice([s for s in REGISTRANT_SEATS if s != code])
        r = rng.random()
        if r < (0.05 if v6 else 0.004):  # not in the database (a range it has not seen announced)
            continue
        if not v6 and r < 0.014:  # sold on the transfer market; still located at the seller's country
            blocks[net] = (rng.choice(codes), code)
            continue
        blocks[net] = (code, seat)
        for piece in IPNetwork(net).subnet(36 if v6 else 20):
            x = rng.random()
            if x < 0.02:  # a regional network near a border, answered with the country next door
                pieces[str(piece)] = (rng.choice(NEIGHBOURS[code].split()), seat)
            elif seat != code and x < 0.3:  # a hosting range located at its registrant's seat
                pieces[str(piece)] = (seat, seat)
    return blocks, pieces


def write_geo(out: Path, plan: Plan, seed: int) -> Path:
    """Write ``OUT/geo/geo-YYYY-MM-DD.mmdb`` and return its path."""
    blocks, pieces = _snapshot(plan, seed)
    return write_country_snapshot(
        out / "geo" / f"geo-{SNAPSHOT}.mmdb",
        SNAPSHOT,
        f"IP to country, snapshot of {SNAPSHOT} (synthetic: independent3 address plan)",
        blocks,
        pieces,
    )
