"""Write small country MMDB files for tests, in each of the record layouts the geo engine reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from mmdb_writer import MMDBWriter
from netaddr import IPSet

Layout = Literal["maxmind", "country_code", "string"]


class _DatedWriter(MMDBWriter):
    """``MMDBWriter`` stamps the current time as the build time; tests need a chosen one."""

    def __init__(self, build_epoch: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.build_epoch = build_epoch

    def _build_meta(self) -> dict[str, Any]:
        return {**super()._build_meta(), "build_epoch": self.build_epoch}


def _record(country: str, layout: Layout) -> Any:
    if layout == "maxmind":  # GeoLite2-Country and DB-IP country lite
        return {
            "continent": {"code": "OC", "names": {"en": "Oceania"}},
            "country": {"iso_code": country, "names": {"en": country}},
            "registered_country": {"iso_code": country, "names": {"en": country}},
        }
    if layout == "country_code":  # ip-location-db
        return {"country_code": country}
    return country


def write_country_mmdb(
    path: Path,
    networks: dict[str, str],
    build_epoch: int,
    *,
    layout: Layout = "maxmind",
    database_type: str = "Test-Country",
) -> Path:
    """Write an IPv6 database (IPv4 networks stored IPv4-compatible) mapping each network to a country."""
    writer = _DatedWriter(
        build_epoch, ip_version=6, ipv4_compatible=True, database_type=database_type, description="test"
    )
    for network, country in networks.items():
        writer.insert_network(IPSet([network]), _record(country, layout))
    writer.to_db_file(str(path))
    return path
