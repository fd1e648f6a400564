"""The synthetic operation generator: determinism, the bundle contract, realism the later stages need."""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from pathlib import Path

import iptocc
import phonenumbers
import pytest

from tiaki.engines.pdq import MATCH_THRESHOLD, hamming, pdq_file
from tiaki.formats.bundle import read_bundle
from tiaki.formats.records import read_records
from tiaki.formats.values import parse_timestamp
from tiaki.formats.vics import read_vics
from tiaki.synth import SynthSummary, generate
from tiaki.synth.people import canonical_email

SMALL = 300
SPEC_COLUMNS = {
    "accounts": [
        "account_id", "platform", "username", "display_name", "created_at", "profile_url", "stated_country",
        "status",
    ],
    "identifiers": ["account_id", "kind", "value", "verified", "observed_at"],
    "ip_events": ["account_id", "ip", "port", "event", "timestamp", "possible_proxy"],
    "uploads": [
        "upload_id", "account_id", "file", "md5", "sha1", "sha256", "pdq", "uploaded_at", "venue_id",
        "viewed_by_provider", "publicly_available",
    ],
    "accesses": ["account_id", "upload_id", "venue_id", "action", "timestamp"],
    "venues": ["venue_id", "kind", "name", "url"],
    "memberships": ["account_id", "venue_id", "role", "joined_at"],
}  # fmt: skip
TIMESTAMP_COLUMNS = {"created_at", "observed_at", "timestamp", "uploaded_at", "joined_at", "checked_at"}


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def tree_hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


class Phases:
    def __init__(self) -> None:
        self.totals: dict[str, int] = {}
        self.done: Counter[str] = Counter()
        self.current = ""

    def start(self, phase: str, total: int) -> None:
        self.totals[phase] = total
        self.current = phase

    def advance(self, n: int = 1) -> None:
        self.done[self.current] += n


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SynthSummary, Phases]:
    out = tmp_path_factory.mktemp("synth") / "op"
    phases = Phases()
    return out, generate(out, accounts=SMALL, seed=7, progress=phases), phases


def test_same_seed_same_bytes_other_seed_other_bytes(small, tmp_path: Path) -> None:
    out, _, _ = small
    generate(tmp_path / "again", accounts=SMALL, seed=7)
    generate(tmp_path / "other", accounts=SMALL, seed=8)
    first = tree_hashes(out)
    assert first == tree_hashes(tmp_path / "again")
    other = tree_hashes(tmp_path / "other")
    assert first["bundle/accounts.csv"] != other["bundle/accounts.csv"]
    assert first["known-material.vics.json"] != other["known-material.vics.json"]


def test_layout_and_progress(small) -> None:
    out, summary, phases = small
    assert sorted(p.name for p in out.iterdir()) == [
        "bundle",
        "known-material.vics.json",
        "records-checks.csv",
        "truth",
    ]
    assert sorted(p.name for p in (out / "truth").iterdir()) == [
        "media.csv", "persons.csv", "persons_facts.csv", "summary.json",
    ]  # fmt: skip
    assert not list((out / "bundle").rglob("truth*"))
    assert summary.accounts == SMALL and summary.bundle == out / "bundle"
    assert phases.totals and all(phases.done[p] == total for p, total in phases.totals.items())
    with pytest.raises(FileExistsError):
        generate(out, accounts=SMALL, seed=7)


def test_bundle_follows_the_spec(small) -> None:
    out, summary, _ = small
    bundle = out / "bundle"
    manifest = json.loads((bundle / "manifest.json").read_text())
    assert manifest["format"] == "disclosure-bundle" and manifest["version"] == 1
    assert manifest["provider"]["country"] == "US"
    parse_timestamp(manifest["received_at"])
    for table, columns in SPEC_COLUMNS.items():
        path = bundle / manifest["files"][table]
        with path.open(encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == columns
        for row in rows(path):
            for column in TIMESTAMP_COLUMNS & row.keys():
                if row[column]:
                    parse_timestamp(row[column])  # raises without an offset
    accounts = rows(bundle / "accounts.csv")
    assert len(accounts) == len({a["account_id"] for a in accounts}) == SMALL
    uploads = rows(bundle / "uploads.csv")
    assert len(uploads) == summary.uploads
    for upload in uploads:
        assert upload["file"] or upload["md5"] or upload["sha1"] or upload["sha256"]
        if upload["file"]:
            assert (bundle / "media" / upload["file"]).is_file()
    assert any(not u["file"] for u in uploads) and any(u["pdq"] for u in uploads)
    media = list((bundle / "media").iterdir())
    assert len(media) == summary.media_files >= 60
    assert {p.suffix for p in media} >= {".jpg", ".mp4"}
    offsets = Counter(e["timestamp"][19:] for e in rows(bundle / "ip_events.csv"))
    assert offsets["Z"] and len(offsets) > 1


def test_bundle_reader_accepts_it(small) -> None:
    out, summary, _ = small
    disclosure = read_bundle(out / "bundle")
    assert len(disclosure.accounts) == SMALL
    assert len(disclosure.uploads) == summary.uploads
    assert len(disclosure.ip_events) == summary.ip_events
    assert any(e.ip.count(":") for e in disclosure.ip_events)  # some IPv6


def test_known_list_and_media_truth(small) -> None:
    out, summary, _ = small
    known = read_vics(out / "known-material.vics.json")
    assert known.profile == "vic-us" and len(known.entries) == summary.known_entries
    categories = Counter(e.category for e in known.entries)
    assert categories["1"] + categories["2"] + categories["3"] > 0.7 * len(known.entries)
    by_id = {e.entry_id: e for e in known.entries}
    truth = rows(out / "truth" / "media.csv")
    origins = Counter(t["origin"] for t in truth if t["file"])
    assert origins["known-exact"] and origins["known-near"] and origins["new"]
    in_bundle = {t["known_entry_id"] for t in truth if t["known_entry_id"]}
    assert set(by_id) - in_bundle, "some known items never appear in the bundle"
    distances = []
    for t in truth:
        entry = by_id.get(t["known_entry_id"])
        if not t["file"] or entry is None:
            continue
        path = out / "bundle" / "media" / t["file"]
        if t["origin"] == "known-exact":
            assert hashlib.sha256(path.read_bytes()).hexdigest() == entry.sha256
        elif t["origin"] == "known-near":
            assert entry.md5 and entry.sha1 and entry.sha256 and entry.pdq
            assert t["transform"] in {"resize", "recompress", "crop", "border", "caption"}
            distances.append(hamming(pdq_file(path).hash, entry.pdq))
    assert distances and sum(d <= MATCH_THRESHOLD for d in distances) >= 0.8 * len(distances)
    # unrelated pictures are far apart
    new = [
        pdq_file(out / "bundle" / "media" / t["file"])
        for t in truth
        if t["origin"] == "new" and t["transform"] == "none" and t["file"].endswith((".jpg", ".png"))
    ]
    assert all(p.quality >= 50 for p in new)
    far = [hamming(a.hash, b.hash) for i, a in enumerate(new) for b in new[:i]]
    assert sorted(far)[len(far) // 2] > 60
    # digest-only uploads match known entries
    uploads = rows(out / "bundle" / "uploads.csv")
    md5s, sha1s = {e.md5 for e in known.entries}, {e.sha1 for e in known.entries}
    for u in uploads:
        if not u["file"]:
            assert u["md5"] in md5s or u["sha1"] in sha1s


def test_persons_households_and_geolocation(small) -> None:
    out, summary, _ = small
    truth = rows(out / "truth" / "persons.csv")
    assert len(truth) == SMALL
    person_of = {t["account_id"]: t["person_id"] for t in truth}
    country_of = {t["account_id"]: t["country"] for t in truth}
    per_person = Counter(person_of.values())
    assert len(per_person) == summary.persons and 1.3 < SMALL / summary.persons < 2.2
    assert any(t["household_id"] for t in truth)
    shared = json.loads((out / "truth" / "summary.json").read_text())["shared_addresses"]
    vpn = {s["ip"] for s in shared if s["kind"] == "vpn"}
    events = [e for e in rows(out / "bundle" / "ip_events.csv") if e["ip"] not in vpn]
    found = iptocc.country_code([e["ip"] for e in events])
    assert found == [country_of[e["account_id"]] for e in events]


def test_identifier_variants(small) -> None:
    out, _, _ = small
    identifiers = rows(out / "bundle" / "identifiers.csv")
    emails = [i["value"] for i in identifiers if i["kind"] == "email"]
    assert any(e != e.lower() for e in emails)
    assert any("+" in e.split("@")[0] for e in emails) or any(canonical_email(e) != e.lower() for e in emails)
    phones = [i["value"] for i in identifiers if i["kind"] == "phone"]
    assert any(p.startswith("+") for p in phones) and any(p.startswith("00") for p in phones)
    assert any(not p.startswith(("+", "00")) for p in phones)
    for p in phones:
        if p.startswith(("+", "00")):
            assert phonenumbers.is_valid_number(
                phonenumbers.parse("+" + p.lstrip("+0") if p.startswith("00") else p)
            )
    with_ids = {i["account_id"] for i in identifiers}
    assert len(with_ids) < SMALL  # some accounts have no identifier at all


def test_records_checks_refer_to_real_identifiers(small) -> None:
    out, _, _ = small
    facts = read_records(out / "records-checks.csv")
    assert facts and {f.kind for f in facts} <= {"email", "phone"}
    persons = {t["account_id"]: t for t in rows(out / "truth" / "persons.csv")}
    held: dict[str, set[str]] = {}
    for i in rows(out / "bundle" / "identifiers.csv"):
        person = persons[i["account_id"]]
        if i["kind"] == "email":
            held.setdefault(canonical_email(i["value"]), set()).add(person["person_id"])
        elif i["kind"] == "phone":
            held.setdefault(e164(i["value"], person["country"]), set()).add(person["person_id"])
    truth_facts = {(r["person_id"], r["fact"]) for r in rows(out / "truth" / "persons_facts.csv")}
    differently_written = 0
    for f in facts:
        assert f.source and f.source.startswith("national records (")
        country = f.source[-3:-1]
        key = canonical_email(f.value) if f.kind == "email" else e164(f.value, country)
        assert key in held, f.value
        assert any((p, f.fact) in truth_facts for p in held[key])
        differently_written += f.value != key
    assert differently_written


def e164(phone: str, country: str) -> str:
    text = "+" + phone[2:] if phone.startswith("00") else phone
    return phonenumbers.format_number(phonenumbers.parse(text, country), phonenumbers.PhoneNumberFormat.E164)


@pytest.mark.slow
def test_at_least_130_countries_at_2000_accounts(tmp_path: Path) -> None:
    summary = generate(tmp_path / "op", accounts=2000, seed=3)
    assert summary.countries >= 130
    countries = {t["country"] for t in rows(tmp_path / "op" / "truth" / "persons.csv")}
    assert len(countries) == summary.countries
