"""An operator's dated IP-to-country snapshot, as the independent generators hand it over.

``write_country_snapshot`` writes a MaxMind DB in the GeoLite2-Country shape (``country`` and
``registered_country`` ISO codes; IPv4 stored inside the IPv6 tree) whose metadata ``build_epoch`` is
the snapshot's date at 00:00 UTC. Each generator decides what its provider knows; this only writes it.
Needs the development dependencies ``mmdb_writer`` and ``netaddr``.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from pathlib import Path

Record = tuple[str, str]  # (country where the block is used, country it is registered to)


def write_country_snapshot(
    path: Path, date: str, description: str, blocks: Mapping[str, Record], pieces: Mapping[str, Record]
) -> Path:
    """Write ``path`` for the snapshot of ``date`` (YYYY-MM-DD). ``blocks`` and ``pieces`` map networks
    (CIDR text) to records; a piece is a smaller network inside a block whose record overrides the
    block's there. Networks of one record are inserted together, records in sorted order, so the same
    input gives the same bytes."""
    from mmdb_writer import MMDBWriter
    from netaddr import IPSet

    epoch = calendar.timegm((int(date[:4]), int(date[5:7]), int(date[8:10]), 0, 0, 0))

    class DatedWriter(MMDBWriter):  # type: ignore[misc]
        def _build_meta(self) -> dict[str, object]:
            return {**super()._build_meta(), "build_epoch": epoch}

    writer = DatedWriter(
        ip_version=6, ipv4_compatible=True, database_type="Operator-Country", description={"en": description}
    )
    overridden = IPSet(pieces)
    by_record: dict[Record, tuple[list[str], list[str]]] = {}
    for net, record in blocks.items():
        by_record.setdefault(record, ([], []))[0].append(net)
    for net, record in pieces.items():
        by_record.setdefault(record, ([], []))[1].append(net)
    for (country, registered), (whole, parts) in sorted(by_record.items()):
        writer.insert_network(
            (IPSet(whole) - overridden) | IPSet(parts),
            {"country": {"iso_code": country}, "registered_country": {"iso_code": registered}},
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    writer.to_db_file(str(path))
    return path
