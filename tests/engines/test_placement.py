import csv
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import numpy as np
import phonenumbers
import pytest

from tiaki.engines.geo import SnapshotSet, locate_epochs, vote_country
from tiaki.engines.identifiers import normalise_phone
from tiaki.engines.placement import (
    CALIBRATION,
    MANY_COUNTRIES,
    MANY_USERS,
    NOT_SHARED,
    SharedRules,
    VoteRules,
    calibrate,
    ip_key,
    ip_keys,
    place_persons,
    shared_infrastructure,
)
from tiaki.synth import generate


def u2(values: list[str]) -> np.ndarray:
    return np.array(values, dtype="U2")


def _calibrated(basis: str, share: float) -> float:
    return float(calibrate(np.array([basis]), np.array([share]), CALIBRATION)[0])


# ---------------------------------------------------------------- keys


def test_ip_key() -> None:
    assert ip_key("192.0.2.7") == "192.0.2.7"
    assert ip_key(" 192.0.2.7 ") == "192.0.2.7"
    assert ip_key("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert ip_key("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff") == "2001:db8:1:2::/64"
    assert ip_key("2001:db8:1:3::1") == "2001:db8:1:3::/64"
    assert ip_key("::ffff:192.0.2.7") == "192.0.2.7"
    assert ip_key("not an address") == ""
    assert ip_key("") == ""


def test_ip_keys_batch_agrees_with_ip_key() -> None:
    ips = ["192.0.2.7", "2001:db8:1:2::5", " 10.0.0.1", "010.0.0.1", "junk", "2001:db8:1:2::9", ""]
    assert ip_keys(ips).tolist() == [ip_key(ip) for ip in ips]
    assert ip_keys([]).tolist() == []


# ---------------------------------------------------------------- shared infrastructure


def _events(rows: list[tuple[str, int]]) -> tuple[np.ndarray, np.ndarray]:
    keys = ip_keys([ip for ip, _ in rows])
    return keys, np.array([a for _, a in rows], dtype=np.int64)


def test_vpn_exit_and_carrier_nat_are_told_apart() -> None:
    countries = ["NZ", "AU", "GB", "FR", "DE", "IN", "BR", "US", "JP", "KE", "MX", "NG"]
    # Accounts 0-23: VPN users from 12 countries; 24-53: one carrier's customers in IN (2 state
    # a wrong country); 54-56: a household in NZ; 57: a VPN user with no hint of their own.
    hints = [countries[i % 12] for i in range(24)] + ["IN"] * 28 + ["US", "GB"] + ["NZ"] * 3 + [""]
    rows = [("203.0.113.9", a) for a in range(24)] + [("203.0.113.9", 57)]
    rows += [("198.51.100.1", a) for a in range(24, 54)]
    rows += [("192.0.2.1", a) for a in range(54, 57)]
    rows += [(f"192.0.2.{100 + a}", a) for a in range(24)]  # the VPN users' own home addresses
    keys, accounts = _events(rows)
    persons = np.arange(58)
    shared = shared_infrastructure(keys, accounts, u2(hints), person_of_account=persons)
    vpn, nat = shared.keys["203.0.113.9"], shared.keys["198.51.100.1"]
    assert vpn.reason == "many-countries"
    assert (vpn.accounts, vpn.persons, vpn.hinted_users, vpn.countries) == (25, 25, 24, 12)
    assert nat.reason == "many-persons"
    assert (nat.top_country, nat.top_share, nat.countries) == ("IN", pytest.approx(28 / 30, abs=1e-4), 3)
    assert set(shared.keys) == {"203.0.113.9", "198.51.100.1"}  # household and homes are not shared
    assert shared.excluded_from_linking() == {"203.0.113.9", "198.51.100.1"}
    reason = dict(zip(keys.tolist(), shared.event_reason.tolist(), strict=True))
    assert reason["203.0.113.9"] == MANY_COUNTRIES
    assert reason["198.51.100.1"] == MANY_USERS
    assert reason["192.0.2.1"] == NOT_SHARED


def test_many_accounts_of_one_person_are_one_user() -> None:
    rows = [("192.0.2.1", a) for a in range(25)]
    keys, accounts = _events(rows)
    hints = u2(["NZ"] * 25)
    one_person = shared_infrastructure(keys, accounts, hints, person_of_account=np.zeros(25, np.int64))
    assert one_person.keys == {}
    unknown_persons = shared_infrastructure(keys, accounts, hints)
    assert unknown_persons.keys["192.0.2.1"].reason == "many-accounts"
    assert unknown_persons.keys["192.0.2.1"].persons is None
    stricter = shared_infrastructure(keys, accounts, hints, rules=SharedRules(many_accounts=30))
    assert stricter.keys == {}


def test_ipv6_addresses_in_one_64_are_one_key() -> None:
    # 12 persons from 12 countries, each on a different host of one /64: one key, shared.
    countries = ["NZ", "AU", "GB", "FR", "DE", "IN", "BR", "US", "JP", "KE", "MX", "NG"]
    keys, accounts = _events([(f"2001:db8:5:6::{a + 1:x}", a) for a in range(12)])
    shared = shared_infrastructure(keys, accounts, u2(countries), person_of_account=np.arange(12))
    assert list(shared.keys) == ["2001:db8:5:6::/64"]
    assert shared.keys["2001:db8:5:6::/64"].reason == "many-countries"


def test_missing_hints_come_from_the_accounts_own_addresses() -> None:
    # Twelve accounts without stated or phone country share a key; each also has a home address.
    countries = ["NZ", "AU", "GB", "FR", "DE", "IN", "BR", "US", "JP", "KE", "MX", "NG"]
    rows = [("203.0.113.9", a) for a in range(12)] + [(f"192.0.2.{a + 1}", a) for a in range(12)]
    keys, accounts = _events(rows)
    event_country = u2(["NL"] * 12 + countries)
    blank = u2([""] * 12)
    without = shared_infrastructure(keys, accounts, blank, person_of_account=np.arange(12))
    assert without.keys["203.0.113.9"].reason == "many-persons"
    with_ips = shared_infrastructure(
        keys, accounts, blank, person_of_account=np.arange(12), event_country=event_country
    )
    assert with_ips.keys["203.0.113.9"].reason == "many-countries"
    assert with_ips.account_hint.tolist() == countries  # not "NL": the exit is used by many


def test_shared_infrastructure_checks_its_input() -> None:
    keys, accounts = _events([("192.0.2.1", 0), ("192.0.2.2", 3)])
    with pytest.raises(ValueError, match="account indexes"):
        shared_infrastructure(keys, accounts, u2(["NZ"]))
    with pytest.raises(ValueError, match="keys but"):
        shared_infrastructure(keys[:1], accounts, u2(["NZ"] * 4))


# ---------------------------------------------------------------- the vote


def test_weighted_vote_counts_days_kinds_and_proxies() -> None:
    # Person 0: three logins in AU on one day, one registration and two logins in NZ on three days.
    person = np.zeros(6, np.int64)
    country = u2(["AU", "AU", "AU", "NZ", "NZ", "NZ"])
    kinds = np.array(["login", "login", "login", "registration", "login", "login"])
    days = np.array([10, 10, 10, 11, 12, 13])
    (p,) = place_persons(person, country, event_kind=kinds, event_day=days)
    assert (p.country, p.basis, p.review) == ("NZ", "ip-vote", False)
    # AU: 1 + 2 * 0.25 = 1.5; NZ: 1.5 + 1 + 1 = 3.5
    assert p.evidence["ip_votes"] == {"AU": 1.5, "NZ": 3.5}
    assert p.evidence["share"] == pytest.approx(3.5 / 5.0, abs=1e-4)
    assert p.confidence == _calibrated("ip-vote", 0.7)
    assert p.evidence["days"] == 4
    # Without days, each event is its own day: the plain count wins.
    (flat,) = place_persons(person, country, rules=VoteRules(kind_weights={}, default_kind_weight=1.0))
    assert flat.evidence["ip_votes"] == {"AU": 3.0, "NZ": 3.0}
    assert (flat.country, flat.review) == ("AU", True)  # a tie: alphabetical, and only 0.5: review
    # A proxy-flagged event weighs a quarter.
    (proxied,) = place_persons(np.zeros(3, np.int64), u2(["NL", "NL", "NZ"]), possible_proxy=[1, 1, 0])
    assert proxied.evidence["ip_votes"] == {"NL": 0.5, "NZ": 1.0}
    assert proxied.country == "NZ"


def test_shared_keys_are_left_out_and_carrier_nat_counts_less() -> None:
    person = np.zeros(5, np.int64)
    country = u2(["NL", "NL", "NL", "IN", "IN"])
    shared = np.array([MANY_COUNTRIES] * 3 + [MANY_USERS, NOT_SHARED], np.int8)
    (p,) = place_persons(person, country, shared=shared)
    assert (p.country, p.evidence["share"], p.basis) == ("IN", 1.0, "ip-vote")
    assert p.evidence["left_out_shared"] == 3
    assert p.evidence["carrier_shared"] == 1
    assert p.evidence["ip_votes"] == {"IN": 1.5}


def test_vpn_only_persons_fall_back_and_say_so() -> None:
    # Persons 0-3 are seen only through a VPN exit (NL); person 4 also from home.
    person = np.array([0, 0, 1, 2, 3, 4, 4])
    country = u2(["NL"] * 6 + ["KE"])
    shared = np.array([MANY_COUNTRIES] * 6 + [NOT_SHARED], np.int8)
    placements = place_persons(
        person,
        country,
        shared=shared,
        phone_person=np.array([0, 0, 4]),
        phone_country=u2(["NZ", "NZ", "US"]),
        stated_person=np.array([0, 1, 1, 2]),
        stated_country=u2(["NZ", "fr", "FR", "GB"]),
        n_persons=6,
    )
    by_phone, by_stated, conflicted, nothing, home, absent = placements
    assert (by_phone.country, by_phone.basis, by_phone.review) == ("NZ", "phone", False)
    assert by_phone.evidence["share"] == pytest.approx(0.9)
    assert by_phone.confidence == _calibrated("phone", 0.9)
    assert "shared infrastructure used from many countries" in by_phone.evidence["fallback"]
    assert by_phone.evidence["phone_countries"] == {"NZ": 2.0}
    assert (by_stated.country, by_stated.basis, by_stated.review) == ("FR", "stated", False)
    assert by_stated.evidence["share"] == pytest.approx(0.7)
    assert (conflicted.country, conflicted.basis) == ("GB", "stated")
    assert (nothing.country, nothing.basis, nothing.review, nothing.confidence) == (None, "none", True, 0.0)
    assert nothing.evidence["left_out_shared"] == 1
    assert (home.country, home.basis, home.review) == ("KE", "ip-vote", False)
    assert "fallback" not in home.evidence
    assert home.evidence["phone_disagrees"] is True
    assert (absent.country, absent.basis, absent.evidence["fallback"]) == (None, "none", "no located event")


def test_proxy_only_persons_fall_back_too() -> None:
    placements = place_persons(
        np.array([0, 1]),
        u2(["NL", "NL"]),
        possible_proxy=np.array([True, True]),
        stated_person=np.array([0]),
        stated_country=u2(["NZ"]),
    )
    assert (placements[0].country, placements[0].basis) == ("NZ", "stated")
    assert placements[0].evidence["fallback"] == "every counted event was flagged possible_proxy"
    # Nothing else known: the proxy's country is kept for the record, but the person goes to review.
    assert (placements[1].country, placements[1].basis, placements[1].review) == ("NL", "ip-vote", True)


def test_review_rule() -> None:
    rules = VoteRules(calibration={})  # confidence = share
    # 60% of the weight is enough; 55% is not.
    even = place_persons(np.zeros(5, np.int64), u2(["NZ", "NZ", "NZ", "AU", "AU"]), rules=rules)[0]
    assert (even.confidence, even.review) == (0.6, False)
    close = place_persons(
        np.zeros(20, np.int64),
        u2(["NZ"] * 11 + ["AU"] * 9),
        rules=VoteRules(repeat_weight=1.0, calibration={}),
    )[0]
    assert close.confidence == pytest.approx(0.55) and close.review
    # Fallback on conflicting evidence: two phone countries, or phone against stated.
    two_phones, phone_vs_stated, agreeing = place_persons(
        np.array([0, 1, 2]),
        u2(["", "", ""]),
        phone_person=np.array([0, 0, 0, 1, 2]),
        phone_country=u2(["NZ", "NZ", "AU", "NZ", "NZ"]),
        stated_person=np.array([1, 2]),
        stated_country=u2(["AU", "NZ"]),
        rules=rules,
    )
    assert two_phones.country == "NZ" and two_phones.review and two_phones.evidence["conflict"]
    assert two_phones.confidence == pytest.approx(rules.phone_confidence * 2 / 3, abs=1e-4)
    assert phone_vs_stated.country == "NZ" and phone_vs_stated.review
    assert agreeing.country == "NZ" and not agreeing.review
    # Two stated countries: conflicting.
    (stated,) = place_persons(
        np.zeros(0, np.int64),
        u2([]),
        n_persons=1,
        stated_person=np.array([0, 0, 0]),
        stated_country=u2(["NZ", "NZ", "AU"]),
    )
    assert (stated.country, stated.basis, stated.review) == ("NZ", "stated", True)


def test_place_persons_checks_lengths() -> None:
    with pytest.raises(ValueError, match="countries for"):
        place_persons(np.zeros(2, np.int64), u2(["NZ"]))
    with pytest.raises(ValueError, match="event_day"):
        place_persons(np.zeros(2, np.int64), u2(["NZ", "NZ"]), event_day=np.zeros(3))
    assert place_persons(np.zeros(0, np.int64), u2([])) == []


# ---------------------------------------------------------------- a small synthetic operation


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _phone_region(value: str, hint: str) -> str:
    e164 = normalise_phone(value, hint or None)
    return (phonenumbers.region_code_for_number(phonenumbers.parse(e164)) or "") if e164 else ""


@pytest.fixture(scope="module")
def operation(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("synth") / "op"
    generate(out, accounts=400, seed=5, workers=1)
    accounts = _read(out / "bundle" / "accounts.csv")
    truth = {r["account_id"]: r for r in _read(out / "truth" / "persons.csv")}
    account_index = {a["account_id"]: i for i, a in enumerate(accounts)}
    labels = sorted({r["person_id"] for r in truth.values()})
    person_index = {p: i for i, p in enumerate(labels)}
    person_of_account = np.array([person_index[truth[a["account_id"]]["person_id"]] for a in accounts])
    truth_country = [""] * len(labels)
    for r in truth.values():
        truth_country[person_index[r["person_id"]]] = r["country"]
    stated = u2([a["stated_country"].strip().upper() for a in accounts])
    phone_account, phone_country = [], []
    for row in _read(out / "bundle" / "identifiers.csv"):
        if row["kind"] == "phone":
            a = account_index[row["account_id"]]
            region = _phone_region(row["value"], str(stated[a]))
            if region:
                phone_account.append(a)
                phone_country.append(region)
    events = _read(out / "bundle" / "ip_events.csv")
    ips = [e["ip"] for e in events]
    epochs = np.array(
        [datetime.fromisoformat(e["timestamp"].replace("Z", "+00:00")).timestamp() for e in events]
    )
    return {
        "ips": ips,
        "epochs": epochs,
        "account_of_event": np.array([account_index[e["account_id"]] for e in events]),
        "kinds": np.array([e["event"] for e in events]),
        "proxy": np.array([e["possible_proxy"] == "true" for e in events]),
        "person_of_account": person_of_account,
        "truth": truth_country,
        "stated": stated,
        "phone_account": np.array(phone_account, dtype=np.int64),
        "phone_country": u2(phone_country),
    }


def test_ours_beats_the_plain_vote_on_a_synthetic_operation(operation: dict) -> None:
    located = locate_epochs(operation["ips"], operation["epochs"], SnapshotSet(None))
    person_of_account = operation["person_of_account"]
    person_of_event = person_of_account[operation["account_of_event"]]
    truth = operation["truth"]
    n_persons = len(truth)

    votes: dict[int, list[tuple[str | None, float]]] = defaultdict(list)
    for p, c in zip(person_of_event.tolist(), located.countries.tolist(), strict=True):
        votes[p].append((c or None, 1.0))
    plain = [vote_country(votes[i])[0] for i in range(n_persons)]
    plain_correct = sum(c == t for c, t in zip(plain, truth, strict=True))

    stated, phone_account = operation["stated"], operation["phone_account"]
    account_phone = np.full(len(stated), "", dtype="U2")
    account_phone[phone_account] = operation["phone_country"]
    hints = np.where(account_phone != "", account_phone, stated)
    shared = shared_infrastructure(
        ip_keys(operation["ips"]),
        operation["account_of_event"],
        hints,
        person_of_account=person_of_account,
        event_country=located.countries,
    )
    assert any(k.reason == "many-countries" for k in shared.keys.values())  # the VPN exits
    placements = place_persons(
        person_of_event,
        located.countries,
        n_persons=n_persons,
        event_kind=operation["kinds"],
        possible_proxy=operation["proxy"],
        shared=shared.event_reason,
        event_day=(operation["epochs"] // 86400).astype(np.int64),
        phone_person=person_of_account[phone_account],
        phone_country=operation["phone_country"],
        stated_person=person_of_account[stated != ""],
        stated_country=stated[stated != ""],
    )
    ours_correct = sum(not p.review and p.country == truth[p.person] for p in placements)
    ours_wrong = sum(not p.review and p.country not in (None, truth[p.person]) for p in placements)
    assert ours_correct >= plain_correct
    assert ours_correct >= 0.95 * n_persons
    assert ours_wrong <= n_persons - plain_correct


# ---------------------------------------------------------------- small operations


def test_an_exit_foreign_to_its_few_users_is_left_out_but_a_mixed_household_is_not() -> None:
    # 203.0.113.9 (located NL) is used by two persons, one with a DE hint and one with FR: a VPN exit.
    # 192.0.2.1 (located NZ) is a home of two: one with an NZ hint, one with an IN phone (a migrant).
    # 198.51.100.7 (located NL) is used by one person whose hint is DE: one user says nothing.
    rows = [("203.0.113.9", 0), ("203.0.113.9", 1), ("192.0.2.1", 2), ("192.0.2.1", 3), ("198.51.100.7", 4)]
    keys, accounts = _events(rows)
    event_country = u2(["NL", "NL", "NZ", "NZ", "NL"])
    hints = u2(["DE", "FR", "NZ", "IN", "DE"])
    shared = shared_infrastructure(
        keys, accounts, hints, person_of_account=np.arange(5), event_country=event_country
    )
    assert set(shared.keys) == {"203.0.113.9"}
    assert shared.keys["203.0.113.9"].reason == "foreign-users"
    assert shared.event_reason.tolist() == [
        MANY_COUNTRIES,
        MANY_COUNTRIES,
        NOT_SHARED,
        NOT_SHARED,
        NOT_SHARED,
    ]
    # Two users from one other country (a migrant couple at home) are not enough either.
    same = shared_infrastructure(
        keys,
        accounts,
        u2(["DE", "DE", "NZ", "IN", "DE"]),
        person_of_account=np.arange(5),
        event_country=event_country,
    )
    assert same.keys == {}
    # The rule can be switched off.
    off = shared_infrastructure(
        keys,
        accounts,
        hints,
        person_of_account=np.arange(5),
        event_country=event_country,
        rules=SharedRules(foreign_min_users=3),
    )
    assert off.keys == {}


def test_hosting_networks_and_provider_flagged_exits_are_left_out() -> None:
    rows = [
        ("203.0.113.9", 0),
        ("192.0.2.1", 0),
        ("192.0.2.1", 1),
        ("198.51.100.7", 2),
        ("198.51.100.7", 2),
        ("198.51.100.7", 2),
        ("198.51.100.8", 3),
        ("198.51.100.8", 3),
        ("198.51.100.8", 3),
    ]
    keys, accounts = _events(rows)
    hosting = np.array([True] + [False] * 8)
    # 198.51.100.7: two of its three events flagged (the third not said); 198.51.100.8: one of three.
    proxy = np.array([0, 0, 0, 1, 1, -1, 1, 0, 0], np.int8)
    shared = shared_infrastructure(
        keys, accounts, u2(["NZ"] * 4), person_of_account=np.arange(4), hosting=hosting, possible_proxy=proxy
    )
    assert {k: v.reason for k, v in shared.keys.items()} == {
        "203.0.113.9": "hosting-network",
        "198.51.100.7": "proxy-flagged",
    }
    with pytest.raises(ValueError, match="hosting flags"):
        shared_infrastructure(keys, accounts, u2(["NZ"] * 4), hosting=hosting[:2])


def test_a_country_the_persons_own_evidence_names_counts_more() -> None:
    # Home events on two days in MD (a database error for the home block), one day in CZ; the person
    # states CZ and has a CZ phone.
    person = np.zeros(3, np.int64)
    country = u2(["MD", "MD", "CZ"])
    days = np.array([1, 2, 3])
    plain = place_persons(person, country, event_day=days)[0]
    assert plain.country == "MD"
    backed = place_persons(
        person,
        country,
        event_day=days,
        phone_person=np.array([0]),
        phone_country=u2(["CZ"]),
        stated_person=np.array([0]),
        stated_country=u2(["CZ"]),
        rules=VoteRules(phone_agrees_factor=2.0, stated_agrees_factor=1.5),
    )[0]
    assert (backed.country, backed.basis) == ("CZ", "ip-vote")
    assert backed.evidence["ip_votes"] == {"CZ": 1.0, "MD": 2.0}  # the evidence shows the events' own weights
    # A phone country the events never show changes nothing.
    (elsewhere,) = place_persons(
        person,
        country,
        event_day=days,
        phone_person=np.array([0]),
        phone_country=u2(["FR"]),
        rules=VoteRules(phone_agrees_factor=5.0),
    )
    assert elsewhere.country == "MD"


def test_calibration_maps_a_share_to_the_probability_of_its_step() -> None:
    table = {"ip-vote": ((0.6, 0.55), (1.0, 0.98)), "phone": ((1.0, 0.9),)}
    basis = np.array(["ip-vote", "ip-vote", "ip-vote", "phone", "stated", "none"])
    share = np.array([0.5, 0.6, 0.61, 0.9, 0.7, 0.3])
    assert calibrate(basis, share, table).tolist() == [0.55, 0.55, 0.98, 0.9, 0.7, 0.0]
    # The shipped table rises with the share, stays below certainty, and review follows it.
    for steps in CALIBRATION.values():
        probabilities = [p for _, p in steps]
        assert probabilities == sorted(probabilities) and probabilities[-1] < 1.0
    (split,) = place_persons(np.zeros(4, np.int64), u2(["NZ", "NZ", "AU", "FR"]))
    assert split.evidence["share"] == 0.5 and split.confidence == _calibrated("ip-vote", 0.5)
    assert split.review == (split.confidence < VoteRules().review_below)


# ---------------------------------------------------------------- moves


def _history(segments: list[tuple[str, range]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One person's events: a login per day of each (country, days) segment."""
    days = [d for _, span in segments for d in span]
    countries = [c for c, span in segments for _ in span]
    return np.zeros(len(days), np.int64), u2(countries), np.array(days, np.int64)


def test_a_person_who_moved_is_placed_where_they_moved_to() -> None:
    # Ten months in New Zealand (daily), then seven months in Australia (every fifth day): the whole
    # vote still says New Zealand, the last six months say Australia only.
    person, country, day = _history([("NZ", range(0, 300)), ("AU", range(310, 520, 5))])
    [placement] = place_persons(
        person, country, event_day=day, phone_person=np.array([0]), phone_country=u2(["NZ"])
    )
    assert placement.country == "AU" and not placement.review
    assert placement.evidence["moved_from"] == "NZ"
    assert placement.evidence["moved_since_day"] == 310  # first seen there after the last day at home
    assert placement.evidence["ip_votes"]["NZ"] > placement.evidence["ip_votes"]["AU"]  # the whole vote kept
    # A visit home after the move: "since" is the first day there after the last day at home.
    person, country, day = _history(
        [("NZ", range(0, 300)), ("AU", range(310, 520, 5)), ("NZ", range(402, 403))]
    )
    [visited] = place_persons(person, country, event_day=day)
    assert visited.country == "AU" and visited.evidence["moved_since_day"] == 405
    person, country, day = _history([("NZ", range(0, 300)), ("AU", range(310, 520, 5))])
    # Without event days there is no telling a move from a trip: the whole vote decides.
    [whole] = place_persons(person, country)
    assert whole.country == "NZ" and "moved_from" not in whole.evidence
    # The rule can be switched off.
    off = VoteRules(move_min_days=10**9)
    assert place_persons(person, country, event_day=day, rules=off)[0].country == "NZ"


def test_a_trip_is_not_a_move() -> None:
    home = ("NZ", range(0, 301, 5))  # ten months at home, a login every fifth day
    for segments in (
        [home, ("AU", range(500, 514))],  # a fortnight abroad at the end, daily: first to last 13 days
        [home, ("AU", range(400, 440)), ("NZ", range(440, 445))],  # home again: a tenth of the weight
        [home, ("AU", range(400, 440, 39))],  # two days abroad are not a home
    ):
        person, country, day = _history(segments)
        [placement] = place_persons(person, country, event_day=day)
        assert placement.country == "NZ", segments
        assert "moved_from" not in placement.evidence
    # Settled abroad for five weeks, and nothing from home in the last six months: a move.
    person, country, day = _history([home, ("AU", range(500, 536, 5))])
    [placement] = place_persons(person, country, event_day=day)
    assert placement.country == "AU" and placement.evidence["moved_from"] == "NZ"
