import hashlib

import numpy as np
import pyarrow as pa

from tiaki.engines.asn import NetworkOwners, hosting_network
from tiaki.engines.iptable import DATA


def test_network_owners_of_addresses() -> None:
    owners = NetworkOwners().lookup(
        ["8.8.8.8", " 3.5.140.2", "2a01:4f8::1", "::ffff:1.1.1.1", "junk", "10.0.0.1"]
    )
    assert owners.asn.tolist() == [15169, 16509, 24940, 13335, 0, 0]
    assert owners.organisation.tolist()[:2] == ["Google LLC", "Amazon.com, Inc."]
    assert owners.organisation.tolist()[4:] == ["", ""]
    assert owners.hosting.tolist() == [False, True, True, True, False, False]
    assert owners.source.name == "ip-location-db-asn"
    assert owners.source.version == hashlib.sha256((DATA / "asn.npz").read_bytes()).hexdigest()
    assert str(owners.source.build_date) == "2026-06-17"
    # Arrow and numpy input, and nothing at all.
    assert NetworkOwners().lookup(pa.array(["8.8.8.8", None])).asn.tolist() == [15169, 0]
    assert NetworkOwners().lookup(np.array(["8.8.8.8"])).asn.tolist() == [15169]
    assert len(NetworkOwners().lookup([])) == 0


def test_hosting_networks_by_number_and_by_name() -> None:
    assert hosting_network(16509, "Amazon.com, Inc.")
    assert hosting_network(64512, "Example Hosting Ltd")
    assert hosting_network(64512, "Example Data Center GmbH")
    assert hosting_network(64512, "FastVPN Networks")
    assert not hosting_network(64512, "Afrihost SP")  # an ISP whose name only contains "host"
    assert not hosting_network(15169, "Google LLC")
    assert not hosting_network(9500, "One New Zealand Group Limited")
