"""Who owns the network an address belongs to: its autonomous system (ASN) and organisation.

Legal process for a subscriber is served on the network's operator, and the operator tells what
kind of address it is: a hosting, cloud or VPN network's address is a server, never anyone's home.

Source: the embedded IP to ASN table in ``engines/data/asn.npz`` (RouteViews, the registries'
delegation statistics and DB-IP IP to ASN Lite, all CC BY 4.0; see ``data/GEO-README.md``). Its
provenance (SHA-256 of the file, build date) comes with every lookup. Nothing here touches the
network.

``hosting_network`` recognises hosting, cloud and VPN operators from a short list of the largest
ones (``HOSTING_ASNS``) and from words in the organisation's name (``HOSTING_WORDS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from tiaki.engines.geo import IpInput, LookupSource, as_texts
from tiaki.engines.iptable import EmbeddedTable, load_table

EMBEDDED_ASN = "asn.npz"

# The largest cloud, hosting and VPN operators whose names do not say so.
HOSTING_ASNS = frozenset(
    {
        16509,
        14618,
        8987,  # Amazon Web Services
        396982,
        19527,
        36492,  # Google Cloud
        8075,
        8068,
        8069,  # Microsoft Azure
        31898,  # Oracle Cloud
        14061,  # DigitalOcean
        16276,  # OVH
        24940,
        213230,
        212317,  # Hetzner
        63949,  # Akamai Connected Cloud (Linode)
        20473,  # Choopa / Vultr
        60781,
        28753,
        16265,
        30633,
        7203,  # Leaseweb
        12876,  # Scaleway
        51167,  # Contabo
        45102,
        37963,  # Alibaba Cloud
        132203,  # Tencent Cloud
        9009,  # M247 (VPN exits)
        60068,  # Datacamp / CDN77 (VPN exits)
        212238,  # Datacamp
        136787,
        207137,  # Tefincom, PacketHub (NordVPN)
        62240,  # Clouvider
        21859,  # Zenlayer
        40676,  # Psychz
        8100,  # QuadraNet
        46844,  # Sharktech
        53667,  # FranTech / BuyVM
        3258,  # xTom
        203020,  # HostRoyale
        35916,  # Multacom
        174,  # Cogent (transit: no subscribers behind its own addresses)
        13335,
        209242,  # Cloudflare (WARP, proxies)
        9370,
        2516,  # Sakura Internet, KDDI Web Communications hosting
        29802,  # HIVELOCITY
        32097,  # WholeSale Internet
        36352,  # ColoCrossing
        55286,  # B2 Net Solutions / ServerMania
        25369,  # Hydra Communications (VPN exits)
        147049,  # PacketHub Asia
    }
)

# Words in an organisation's name that mean servers, not subscribers.
HOSTING_WORDS = re.compile(
    r"hosting|\bhost\b|data ?cent(er|re)s?|datacenter|\bvps\b|vpn|\bservers?\b|colocation|\bcolo\b"
    r"|dedicated|\bproxy\b|cloud (computing|services?|servers?|infrastructure|hosting)|\bcdn\b",
    re.IGNORECASE,
)


def hosting_network(asn: int, organisation: str) -> bool:
    """Whether a network is a hosting, cloud or VPN operator's (its addresses are servers)."""
    return asn in HOSTING_ASNS or bool(HOSTING_WORDS.search(organisation))


@dataclass(frozen=True)
class Owners:
    """Per address: ``asn`` (``uint32``, 0 unknown), ``organisation`` (object array, ``""`` unknown)
    and ``hosting`` (bool, see ``hosting_network``), and the ``source`` that answered."""

    asn: np.ndarray
    organisation: np.ndarray
    hosting: np.ndarray
    source: LookupSource

    def __len__(self) -> int:
        return len(self.asn)


@lru_cache(maxsize=1)
def _embedded() -> tuple[EmbeddedTable, np.ndarray, np.ndarray, np.ndarray]:
    data = load_table(EMBEDDED_ASN)
    organisations = data.arrays["org"].tobytes().decode().split("\n")
    numbers = data.arrays["asn"].astype(np.uint32)
    hosting = np.array(
        [hosting_network(int(n), o) for n, o in zip(numbers.tolist(), organisations, strict=True)] + [False]
    )
    names = np.array([*organisations, ""], dtype=object)
    return data, np.append(numbers, np.uint32(0)), names, hosting


class NetworkOwners:
    """Network owner lookups from the embedded IP to ASN table."""

    def __init__(self) -> None:
        data, self._asn, self._names, self._hosting = _embedded()
        self._table = data.table
        self.meta = dict(data.meta)
        self.source = LookupSource(
            name=data.meta["name"], version=data.sha256, build_date=data.build_date, kind="embedded"
        )

    def lookup(self, ips: IpInput) -> Owners:
        """The owner of each address; unknown (and not an address) gives ASN 0 and ``""``."""
        index = self._table.lookup_texts(as_texts(ips))  # -1 picks the trailing "unknown" entry
        return Owners(self._asn[index], self._names[index], self._hosting[index], self.source)
