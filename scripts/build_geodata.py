#!/usr/bin/env python3
"""Derive the embedded geolocation and network-owner tables in ``src/tiaki/engines/data/``.

The product never runs this script: it reads the two ``.npz`` files this script writes, which are
committed. The script documents and reproduces how they were made (see ``data/GEO-README.md``).

Sources (npm registry packages, read as tarballs only; nothing of them is installed)::

    npm pack @ip-location-db/dbip-country@2.3.2026060120   # DB-IP IP to Country Lite, CC BY 4.0
    npm pack @ip-location-db/asn@2.3.2026061719            # RouteViews + NRO + DB-IP ASN Lite, CC BY 4.0
    python3 scripts/build_geodata.py ip-location-db-dbip-country-2.3.2026060120.tgz \
        ip-location-db-asn-2.3.2026061719.tgz

Each table is a list of inclusive address ranges, sorted, with adjacent ranges of equal value merged:
IPv4 bounds as ``uint32``, IPv6 bounds as 16 big-endian bytes (``S16``, which numpy orders like the
numbers). Values are indexes into a small vocabulary (countries; ASN and organisation pairs).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import tarfile
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "src" / "tiaki" / "engines" / "data"


def _rows(tgz: Path, name: str) -> list[list[str]]:
    with tarfile.open(tgz) as tar:
        member = tar.extractfile(f"package/{name}")
        assert member is not None, name
        return list(csv.reader(io.TextIOWrapper(member, encoding="utf-8")))


def _package(tgz: Path) -> dict[str, str]:
    with tarfile.open(tgz) as tar:
        member = tar.extractfile("package/package.json")
        assert member is not None
        meta = json.load(member)
    digest = hashlib.sha256(tgz.read_bytes()).hexdigest()
    stamp = meta["version"].split(".")[-1]  # YYYYMMDDHH
    return {
        "package": f"{meta['name']}@{meta['version']}",
        "package_sha256": digest,
        "build_date": f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}",
    }


def _merge(starts: list[int], ends: list[int], values: list[int]) -> tuple[list[int], list[int], list[int]]:
    """Sort ranges and merge neighbours that touch and carry the same value."""
    order = sorted(range(len(starts)), key=starts.__getitem__)
    out_s: list[int] = []
    out_e: list[int] = []
    out_v: list[int] = []
    for i in order:
        s, e, v = starts[i], ends[i], values[i]
        if out_s and out_v[-1] == v and out_e[-1] + 1 == s:
            out_e[-1] = e
        else:
            out_s.append(s)
            out_e.append(e)
            out_v.append(v)
    return out_s, out_e, out_v


def _v6(values: list[int]) -> np.ndarray:
    return np.array([v.to_bytes(16, "big") for v in values], dtype="S16")


def _table(rows: list[list[str]], value_of: dict[tuple[str, ...], int], width: int) -> dict[str, np.ndarray]:
    starts, ends, values = [], [], []
    for row in rows:
        key = tuple(row[2:])
        starts.append(int(row[0]))
        ends.append(int(row[1]))
        values.append(value_of.setdefault(key, len(value_of)))
    s, e, v = _merge(starts, ends, values)
    if width == 4:
        return {"start": np.array(s, dtype=np.uint32), "end": np.array(e, dtype=np.uint32), "value": v}  # type: ignore[dict-item]
    return {"start": _v6(s), "end": _v6(e), "value": v}  # type: ignore[dict-item]


def build(tgz: Path, prefix: str, out: Path, describe: dict[str, str]) -> None:
    value_of: dict[tuple[str, ...], int] = {}
    v4 = _table(_rows(tgz, f"{prefix}-ipv4-num.csv"), value_of, 4)
    v6 = _table(_rows(tgz, f"{prefix}-ipv6-num.csv"), value_of, 6)
    keys = sorted(value_of, key=value_of.__getitem__)
    meta = {**describe, **_package(tgz)}
    arrays: dict[str, np.ndarray] = {
        "v4_start": v4["start"],
        "v4_end": v4["end"],
        "v6_start": v6["start"],
        "v6_end": v6["end"],
        "meta": np.frombuffer(json.dumps(meta, sort_keys=True).encode(), dtype=np.uint8),
    }
    if prefix == "asn":
        arrays["v4_value"] = np.array(v4["value"], dtype=np.uint32)
        arrays["v6_value"] = np.array(v6["value"], dtype=np.uint32)
        arrays["asn"] = np.array([int(k[0]) for k in keys], dtype=np.uint32)
        text = "\n".join(k[1].replace("\n", " ") for k in keys)
        arrays["org"] = np.frombuffer(text.encode(), dtype=np.uint8)
    else:
        arrays["v4_value"] = np.array(v4["value"], dtype=np.uint16)
        arrays["v6_value"] = np.array(v6["value"], dtype=np.uint16)
        arrays["country"] = np.array([k[0] for k in keys], dtype="U2")
    np.savez_compressed(out, **arrays)
    print(out, out.stat().st_size, "bytes;", len(v4["start"]), "IPv4 and", len(v6["start"]), "IPv6 ranges")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("country_tgz", type=Path)
    parser.add_argument("asn_tgz", type=Path)
    args = parser.parse_args()
    build(
        args.country_tgz,
        "dbip-country",
        OUT / "dbip-country-lite.npz",
        {
            "name": "dbip-country-lite",
            "title": "DB-IP IP to Country Lite",
            "licence": "CC BY 4.0",
            "attribution": "IP Geolocation by DB-IP (https://db-ip.com)",
        },
    )
    build(
        args.asn_tgz,
        "asn",
        OUT / "asn.npz",
        {
            "name": "ip-location-db-asn",
            "title": "IP to ASN: RouteViews, the RIRs' delegations (NRO) and DB-IP IP to ASN Lite",
            "licence": "CC BY 4.0",
            "attribution": "RouteViews (routeviews.org), NRO (nro.net), DB-IP (https://db-ip.com)",
        },
    )


if __name__ == "__main__":
    main()
