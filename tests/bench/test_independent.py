"""The independent synthetic-operation generator: output reads, truth covers it, runs are reproducible."""

from __future__ import annotations

import csv
import signal
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import maxminddb
import pytest

from tiaki.formats.bundle import read_bundle

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.independent import generator, people  # noqa: E402
from bench.independent.people import Mailbox  # noqa: E402
from bench.independent.world import BY_CODE  # noqa: E402

ACCOUNTS, SEED = 300, 3


@pytest.fixture(scope="module")
def operation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("independent") / "op"
    generator.generate(out, ACCOUNTS, SEED)
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _country(reader: maxminddb.Reader, ip: str) -> str:
    record = reader.get(ip)
    if not isinstance(record, dict):
        return ""
    country = record.get("country")
    return str(country.get("iso_code", "")) if isinstance(country, dict) else ""


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_bundle_reads_with_the_project_reader(operation: Path) -> None:
    disclosure = read_bundle(operation / "bundle")
    assert len(disclosure.accounts) == ACCOUNTS
    assert disclosure.identifiers and disclosure.ip_events
    assert {row.kind for row in disclosure.identifiers} >= {"email", "phone", "device"}
    assert any(":" in event.ip for event in disclosure.ip_events)  # some IPv6
    assert any(event.port is None for event in disclosure.ip_events)
    assert any(event.possible_proxy for event in disclosure.ip_events)


def test_truth_covers_every_account(operation: Path) -> None:
    bundle = {row["account_id"] for row in _rows(operation / "bundle" / "accounts.csv")}
    truth = _rows(operation / "truth" / "accounts.csv")
    assert {row["account_id"] for row in truth} == bundle
    assert len(truth) == len(bundle)
    persons = _rows(operation / "truth" / "persons.csv")
    person_ids = {row["person_id"] for row in persons}
    assert {row["person_id"] for row in truth} == person_ids
    assert len(person_ids) <= len(bundle)
    country = {row["person_id"]: row["country"] for row in persons}
    assert all(row["country"] == country[row["person_id"]] for row in truth)
    assert all(code in BY_CODE for code in country.values())


def test_persons_hold_one_or_more_accounts(operation: Path) -> None:
    per_person = Counter(row["person_id"] for row in _rows(operation / "truth" / "accounts.csv"))
    sizes = Counter(per_person.values())
    assert sizes[1] > len(per_person) / 2  # most persons have one account
    assert max(per_person.values()) >= 3  # and some have several


def test_geolocation_database_answers_event_addresses(operation: Path) -> None:
    files = sorted((operation / "geo").glob("geo-*.mmdb"))
    assert len(files) == 2
    events = _rows(operation / "truth" / "ip_events.csv")
    home = next(e for e in events if e["channel"] == "home" and "." in e["ip"])
    agree = 0
    for path in files:
        day = datetime.strptime(path.stem.removeprefix("geo-"), "%Y-%m-%d").replace(tzinfo=UTC)
        with maxminddb.open_database(str(path)) as reader:
            assert reader.metadata().build_epoch == int(day.timestamp())
            assert len(_country(reader, home["ip"])) == 2
            agree += sum(_country(reader, event["ip"]) == event["block_country"] for event in events)
    # The database is right about most addresses, and not about all of them.
    assert 0.85 * 2 * len(events) < agree <= 2 * len(events)


def test_same_seed_same_bytes_other_seed_differs(operation: Path, tmp_path: Path) -> None:
    generator.generate(tmp_path / "again", ACCOUNTS, SEED)
    assert _files(tmp_path / "again") == _files(operation)
    generator.generate(tmp_path / "other", ACCOUNTS, SEED + 1)
    other = _files(tmp_path / "other")
    assert other.keys() == _files(operation).keys()
    assert other["bundle/accounts.csv"] != _files(operation)["bundle/accounts.csv"]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM to stop a hang")
def test_operator_whose_blocks_fill_up_does_not_hang(tmp_path: Path) -> None:
    # Seed 20 at 2,000 accounts used to draw home addresses forever: every address of the only
    # residential block of the largest operator was leased past the start of a new household's lease.
    def hang(signum: int, frame: object) -> None:
        raise TimeoutError("generator did not finish in 60 s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(60)
    try:
        summary = generator.generate(tmp_path / "op", 2000, 20)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert summary["accounts"] == 2000
    assert len(_rows(tmp_path / "op" / "bundle" / "accounts.csv")) == 2000
    assert len(_rows(tmp_path / "op" / "truth" / "accounts.csv")) == 2000


def test_mailbox_canonical_form_ignores_what_the_provider_ignores() -> None:
    assert Mailbox("John.Smith+pics", "gmail.com").canonical == "johnsmith@gmail.com"
    assert Mailbox("johnsmith", "googlemail.com").canonical == "johnsmith@gmail.com"
    assert Mailbox("john.smith", "xtra.co.nz").canonical == "john.smith@xtra.co.nz"


def test_phone_styles_keep_the_digits() -> None:
    phone = people.Phone(BY_CODE["NZ"], "211234567", 2)
    written = {style: people.format_phone(phone, style) for style in people.PHONE_STYLES}
    assert written["e164"] == "+64211234567"
    assert written["national"] == "021 123 4567"
    assert written["double_zero"].startswith("0064")
    assert written["no_trunk"] == "21 123 4567"
    for text in written.values():
        assert "".join(ch for ch in text if ch.isdigit()).endswith("211234567")
