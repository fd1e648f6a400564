"""The member-list generator: FEBRL schema, exact row count, reproducible, households as documented."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.members import names  # noqa: E402
from bench.members.generate import HEADER, generate, write  # noqa: E402

RECORDS, SEED = 2000, 3
ADDRESS = ("street_number", "address_1", "address_2", "suburb", "postcode", "state")
REC_ID = re.compile(r"rec-(\d+)-(org|dup-(\d+))")


def _write(out: Path, records: int = RECORDS, seed: int = SEED) -> Path:
    write(generate(records, seed), out)
    return out


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("members") / "out")


@pytest.fixture(scope="module")
def rows(out: Path) -> list[dict[str, str]]:
    with (out / "members.csv").open(newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def originals(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {m.group(1): r for r in rows if (m := REC_ID.fullmatch(r["rec_id"])) and m.group(2) == "org"}


@pytest.fixture(scope="module")
def households(out: Path) -> dict[str, list[dict[str, str]]]:
    by_household: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (out / "households.csv").open(newline="") as f:
        for row in csv.DictReader(f):
            by_household[row["household"]].append(row)
    return by_household


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path, out: Path) -> None:
    again = _write(tmp_path / "again")
    other = _write(tmp_path / "other", seed=SEED + 1)
    for name in ("members.csv", "households.csv", "summary.json"):
        assert (again / name).read_bytes() == (out / name).read_bytes()
    assert (other / "members.csv").read_bytes() != (out / "members.csv").read_bytes()


def test_header_rec_ids_and_row_count(out: Path, rows: list[dict[str, str]]) -> None:
    lines = (out / "members.csv").read_text(encoding="ascii").splitlines()
    assert lines[0] == ",".join(HEADER)
    assert len(lines) == RECORDS + 1 and len(rows) == RECORDS
    assert all(line.count(",") == len(HEADER) - 1 and '"' not in line for line in lines)
    dups: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        match = REC_ID.fullmatch(row["rec_id"])
        assert match, row["rec_id"]
        if match.group(3) is not None:
            dups[match.group(1)].append(int(match.group(3)))
    assert len({r["rec_id"] for r in rows}) == RECORDS
    orgs = {r["rec_id"].split("-")[1] for r in rows if r["rec_id"].endswith("-org")}
    assert set(dups) <= orgs  # every duplicated person has an original
    assert all(sorted(ks) == list(range(len(ks))) for ks in dups.values())  # dup-0, dup-1, ... without gaps


def test_field_values(rows: list[dict[str, str]]) -> None:
    states = {"nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt"}
    for row in rows:
        assert all(v == v.lower() and v == v.strip() for v in row.values()), row
        # Documented: a date of birth is 8 digits (possibly not a calendar date once corrupted) or empty.
        assert re.fullmatch(r"(\d{8})?", row["date_of_birth"]), row
        assert re.fullmatch(r"(\d{7})?", row["soc_sec_id"]), row
        assert row["state"] in states and re.fullmatch(r"(\d{4})?", row["postcode"]), row
        assert re.fullmatch(r"[a-z]*", row["given_name"]) and re.fullmatch(r"[a-z]*", row["surname"]), row
    dobs = [r["date_of_birth"] for r in rows]
    assert 0 < sum(d == "" for d in dobs) < len(dobs) / 10  # some missing, most present


def test_originals_are_complete(originals: dict[str, dict[str, str]]) -> None:
    for row in originals.values():
        assert row["given_name"] and row["surname"] and row["address_1"] and row["suburb"]
        assert re.fullmatch(r"(19|20)\d{6}", row["date_of_birth"])


def test_every_person_is_in_households(
    originals: dict[str, dict[str, str]], households: dict[str, list[dict[str, str]]]
) -> None:
    people = {p["person"] for members in households.values() for p in members}
    assert set(originals) == people


def test_twins(originals: dict[str, dict[str, str]], households: dict[str, list[dict[str, str]]]) -> None:
    pairs = 0
    for members in households.values():
        twins = [originals[m["person"]] for m in members if m["role"] == "twin"]
        assert len(twins) in (0, 2)
        if twins:
            pairs += 1
            a, b = twins
            assert a["surname"] == b["surname"] and a["date_of_birth"] == b["date_of_birth"]
            assert all(a[k] == b[k] for k in ADDRESS)
            assert a["given_name"] != b["given_name"]
    assert pairs >= 10


def test_junior_senior(
    originals: dict[str, dict[str, str]], households: dict[str, list[dict[str, str]]]
) -> None:
    pairs = 0
    for members in households.values():
        roles = {m["role"]: originals[m["person"]] for m in members if m["role"] in ("junior", "senior")}
        if roles:
            pairs += 1
            junior, senior = roles["junior"], roles["senior"]
            assert (junior["given_name"], junior["surname"]) == (senior["given_name"], senior["surname"])
            assert all(junior[k] == senior[k] for k in ADDRESS)
            gap = int(junior["date_of_birth"][:4]) - int(senior["date_of_birth"][:4])
            assert 19 <= gap <= 41
    assert pairs >= 10


def test_siblings_and_flatmates(
    originals: dict[str, dict[str, str]], households: dict[str, list[dict[str, str]]]
) -> None:
    for members in households.values():
        records = [originals[m["person"]] for m in members]
        assert all(all(r[k] == records[0][k] for k in ADDRESS) for r in records)  # one address a household
        kids = [originals[m["person"]] for m in members if m["role"] in ("child", "twin")]
        assert len({k["given_name"] for k in kids}) == len(kids)
        singles = [originals[m["person"]] for m in members if m["role"] == "child"]
        assert len({k["date_of_birth"] for k in singles}) == len(singles)
        mates = [originals[m["person"]] for m in members if m["role"] == "flatmate"]
        assert len({m["surname"] for m in mates}) == len(mates)


def test_summary_counts(out: Path, rows: list[dict[str, str]], originals: dict[str, dict[str, str]]) -> None:
    summary = json.loads((out / "summary.json").read_text())
    assert summary["records"] == RECORDS and summary["persons"] == len(originals)
    assert summary["duplicates"] == RECORDS - len(originals)
    assert sum(summary["corruptions_per_duplicate"].values()) == summary["duplicates"]
    assert sum(summary["corruptions"].values()) >= summary["duplicates"]
    assert summary["twin_pairs"] >= 10 and summary["junior_senior_pairs"] >= 10
    assert summary["persons_by_duplicate_count"]["0"] > summary["persons"] / 3


@pytest.mark.parametrize("records", [1, 2, 7, 41])
def test_exact_row_count_for_small_lists(tmp_path: Path, records: int) -> None:
    lines = (_write(tmp_path, records, seed=records) / "members.csv").read_text().splitlines()
    assert len(lines) == records + 1


def test_name_lists_are_lower_case_letters() -> None:
    for lists in names.NAMES.values():
        for values in lists.values():
            assert all(re.fullmatch(r"[a-z]+", v) for v in values)
            assert len(values) >= 15


def _cli(out: Path, hash_seed: str, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "bench.members", str(out), *args]
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False)


def test_cli(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    done = _cli(one, "1", "--records", "300", "--seed", "5")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["records"] == 300
    assert len((one / "members.csv").read_text().splitlines()) == 301
    assert (one / "households.csv").exists() and (one / "summary.json").exists()
    # Reproducible across processes, whatever the string-hash seed.
    assert _cli(two, "2", "--records", "300", "--seed", "5").returncode == 0
    for name in ("members.csv", "households.csv", "summary.json"):
        assert (one / name).read_bytes() == (two / name).read_bytes()
    assert _cli(tmp_path / "bad", "0", "--records", "0").returncode != 0


def test_the_resolution_benchmark_reads_a_member_list(tmp_path: Path) -> None:
    """``bench/resolution.py --data members:SEED``, run as a user runs it: the list is generated, read
    as FEBRL's sets are (names, dates of birth, addresses) and resolved; union-find on account
    identifiers links nothing (a member list has none), tiaki links records of one person."""
    result = tmp_path / "result.json"
    command = [
        sys.executable,
        str(ROOT / "bench" / "resolution.py"),
        "--accounts",
        "1200",
        "--data",
        "members:5",
    ]
    command += ["--methods", "baseline,ours", "--work", str(tmp_path / "work"), "--out", str(result)]
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True, timeout=600)
    (run,) = json.loads(result.read_text())["runs"]
    with (tmp_path / "work" / "members-1200-5" / "members.csv").open(newline="") as f:
        persons = {REC_ID.fullmatch(r["rec_id"]).group(1) for r in csv.DictReader(f)}  # type: ignore[union-attr]
    assert run["data"] == "members:5" and run["accounts"] == 1200 and run["persons"] == len(persons)
    assert run["baseline"]["pairwise_recall"] == 0.0
    assert run["ours"]["pairwise_recall"] > 0.3 and run["ours"]["pairwise_precision"] >= 0.9


def test_a_register_keeps_which_name_is_the_surname(tmp_path: Path) -> None:
    """Separate name fields are recorded "Surname, Given" (as CyberTipline names are), displayed as
    typed in the order spoken; a record with one of the two keeps it alone."""
    from bench.resolution import load_febrl

    path = tmp_path / "list.csv"
    path.write_text(
        "rec_id,given_name,surname,date_of_birth\n"
        "rec-1-org,Tayla,Green,19710514\n"
        "rec-1-dup-0,Tayla,,19710514\n"
    )
    tables = load_febrl([path])
    # Records in the order of their ids: the duplicate first.
    assert tables["accounts"].column("display_name").to_pylist() == ["Tayla", "Tayla Green"]
    ids = tables["identifiers"].to_pylist()
    names_ = [(row["account"], row["value"]) for row in ids if row["kind"] == "name"]
    assert names_ == [(0, "tayla"), (1, "green, tayla")]
    assert tables["persons"].column("person_id").to_pylist() == ["1", "1"]
