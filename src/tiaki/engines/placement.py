"""Where each person is: shared infrastructure, and a weighted country vote with its evidence.

Three steps, all over numpy arrays (one row per IP event, account or identifier):

1. ``ip_key``: the unit an address is judged by: an IPv4 address itself, an IPv6 address's /64
   (one subscriber's network: a home or a phone is given a whole /64, and its hosts rotate inside it).
2. ``shared_infrastructure``: the keys that are not one household's connection. A key used by
   accounts in many countries (VPN exits, hosting, open proxies) says nothing about where any of
   them is, so it is left out of the country vote; a key used by many otherwise unrelated persons
   in one country (carrier-grade NAT, a campus or café) still shows the country of its carrier but
   identifies nobody, so it is left out of linking and counts less in the vote. Both are left out of
   linking. Thresholds are the ``SharedRules`` defaults, documented in ``docs/geolocation.md``.
3. ``place_persons``: a weighted vote over each person's located events, with a confidence, the
   evidence, a fallback on phone country codes then stated country when every event came through a
   VPN or proxy, and a review flag for persons whose country stays uncertain.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

Basis = Literal["ip-vote", "phone", "stated", "none"]
Reason = Literal[
    "hosting-network", "many-countries", "foreign-users", "proxy-flagged", "many-persons", "many-accounts"
]
Texts: TypeAlias = Sequence[str] | np.ndarray | pa.Array | pa.ChunkedArray

# Per-event codes in ``SharedInfra.event_reason``.
NOT_SHARED = 0
MANY_USERS = 1  # many persons (or accounts) in one country: carrier-grade NAT and the like
MANY_COUNTRIES = 2  # not where its users are: VPN exits, hosting, proxies (left out of the vote)


# ---------------------------------------------------------------------------------------- keys


def ip_key(ip: str) -> str:
    """The key an address is judged by: an IPv4 address itself, an IPv6 address's /64 network.

    IPv4 addresses are written canonically (``192.0.2.7``); IPv4-mapped IPv6 (``::ffff:192.0.2.7``)
    is the IPv4 address; any other IPv6 address becomes its /64 (``2001:db8:1:2::/64``). Anything
    that is not an address gives ``""``, which is never shared and never counted.
    """
    try:
        address = ipaddress.ip_address(ip.strip())
    except ValueError:
        return ""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network(((int(address) >> 64) << 64, 64)))
    return str(address)


# A canonical dotted quad (no leading zeros): its key is the text itself, no parsing needed.
_CANONICAL_IPV4 = (
    r"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"
)


def ip_keys(ips: Texts) -> np.ndarray:
    """``ip_key`` of each address (object array).

    Canonical IPv4 addresses (nearly all of them) are recognised by one regular expression in Arrow
    and kept as they are; the others (IPv6, odd writings, junk) go through ``ip_key`` once per
    distinct text.
    """
    array = pc.utf8_trim_whitespace(_arrow_text(ips))
    keys = array.to_numpy(zero_copy_only=False).astype(object)
    simple = pc.match_substring_regex(array, _CANONICAL_IPV4).to_numpy(zero_copy_only=False)
    other = np.flatnonzero(~simple.astype(bool))
    if len(other):
        seen: dict[str, str] = {}
        keys[other] = [
            seen[ip] if ip in seen else seen.setdefault(ip, ip_key(ip)) for ip in keys[other].tolist()
        ]
    return keys


def _arrow_text(values: Texts) -> pa.Array:
    """Values as one Arrow string array, nulls as ``""``."""
    if isinstance(values, pa.ChunkedArray):
        array = values.combine_chunks() if values.num_chunks else pa.array([], pa.string())
    elif isinstance(values, pa.Array):
        array = values
    else:
        items = values.tolist() if isinstance(values, np.ndarray) else list(values)
        array = pa.array(items, type=pa.string())
    return array.cast(pa.string()).fill_null("")


def _factorise(
    values: Sequence[str] | np.ndarray | pa.Array | pa.ChunkedArray,
) -> tuple[list[str], np.ndarray]:
    """(distinct values, index of each value among them), hashed in Arrow's C++ table. Nulls are ``""``."""
    encoded = pc.dictionary_encode(_arrow_text(values))
    inverse = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    return encoded.dictionary.to_pylist(), inverse


# ---------------------------------------------------------------------------------------- shared


@dataclass(frozen=True, slots=True)
class SharedRules:
    """When a key counts as shared infrastructure (see ``docs/geolocation.md``).

    *Many countries*: at least ``min_hinted_users`` of the key's users (persons when the resolution is
    given, else accounts) have a country hint, they
    name at least ``min_countries`` countries, and the most common one holds less than
    ``max_top_share`` of them. A carrier's NAT address has nearly all its users in one country (a few
    stated countries are wrong); a VPN exit's users come from everywhere.

    *Foreign users* (the same idea for the few users of a small operation's VPN exit): at least
    ``foreign_min_users`` hinted users naming at least ``foreign_min_countries`` countries, and fewer
    than ``foreign_max_home_share`` of them have the key's own country as their hint. A household
    with a migrant member has the home's country among its hints; a VPN exit's users rarely do.

    *Hosting network*: an event at the key is in a hosting, cloud or VPN operator's network
    (``hosting``, from the network owner): a server, nobody's home.

    *Proxy flagged*: the provider flagged ``possible_proxy`` on at least ``proxy_min_share`` of the
    key's events that carry the flag, and the key is not used by many (a carrier's NAT address gets a
    few stray flags): the other events at that exit are no more the user's home than the flagged ones.

    *Many users*: at least ``many_persons`` distinct persons use the key (when persons are known),
    otherwise at least ``many_accounts`` distinct accounts (a person may hold dozens of accounts on one
    home connection; households hold 2-4 persons).
    """

    min_hinted_users: int = 5
    min_countries: int = 3
    max_top_share: float = 0.5
    foreign_min_users: int = 2
    foreign_min_countries: int = 2
    foreign_max_home_share: float = 0.5
    proxy_min_share: float = 0.5
    many_persons: int = 10
    many_accounts: int = 20


@dataclass(frozen=True, slots=True)
class SharedKey:
    """One shared key and why: the counts an analyst needs to check the call."""

    key: str
    reason: Reason
    accounts: int
    persons: int | None  # None when persons were not given
    hinted_users: int  # users (persons, else accounts) with a country hint
    countries: int  # distinct hint countries among them
    top_country: str  # the most common hint country ("" when no account has a hint)
    top_share: float  # its share of the hinted users


@dataclass(frozen=True)
class SharedInfra:
    """Shared keys with their reasons, and per event the reason code of its key (``NOT_SHARED``,
    ``MANY_USERS`` or ``MANY_COUNTRIES``)."""

    keys: dict[str, SharedKey]
    event_reason: np.ndarray
    account_hint: np.ndarray  # the per-account country hint used, after filling gaps from addresses
    rules: SharedRules = field(default_factory=SharedRules)

    def excluded_from_linking(self) -> set[str]:
        """Every shared key: none of them may link two accounts."""
        return set(self.keys)


def _group_starts(sorted_keys: np.ndarray) -> np.ndarray:
    """Start of each run of equal values in a sorted array."""
    if not len(sorted_keys):
        return np.empty(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])


def _top_per_group(group: np.ndarray, value: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per group: (group id, value with the most weight, that weight, total weight, distinct values).

    ``(group, value)`` pairs must be distinct. Ties go to the smallest value.
    """
    order = np.lexsort((value, -weight, group))
    g, v, w = group[order], value[order], weight[order]
    starts = _group_starts(g)
    totals = np.add.reduceat(w, starts) if len(starts) else np.empty(0)
    counts = np.diff(np.r_[starts, len(g)])
    return g[starts], v[starts], w[starts], totals, counts


def _sum_pairs(
    a: np.ndarray, b: np.ndarray, weight: np.ndarray, b_size: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sum ``weight`` over equal ``(a, b)`` pairs: (a, b, sum) per distinct pair."""
    combined = a.astype(np.int64) * b_size + b.astype(np.int64)
    pairs, inverse = np.unique(combined, return_inverse=True)
    sums = np.bincount(inverse, weights=weight, minlength=len(pairs))
    return pairs // b_size, pairs % b_size, sums


def _country_codes(countries: np.ndarray, vocab: dict[str, int]) -> np.ndarray:
    """Country strings as integer codes in ``vocab`` (``""`` is 0); new codes are added."""
    values, inverse = _factorise(np.asarray(countries, dtype=object).astype(str))
    for v in values:
        vocab.setdefault(v.upper(), len(vocab))
    table = np.array([vocab[v.upper()] for v in values] or [0], dtype=np.int64)
    return table[inverse] if len(inverse) else np.empty(0, dtype=np.int64)


def shared_infrastructure(
    ip_keys: Texts,
    account_index: np.ndarray,
    account_country_hint: np.ndarray,
    *,
    person_of_account: np.ndarray | None = None,
    event_country: np.ndarray | None = None,
    hosting: np.ndarray | None = None,
    possible_proxy: np.ndarray | None = None,
    rules: SharedRules | None = None,
) -> SharedInfra:
    """Find the shared keys among IP events.

    ``ip_keys``, ``account_index`` (and ``event_country``) have one entry per event;
    ``account_country_hint`` and ``person_of_account`` one per account. The hint is where the
    account's own evidence puts it, independent of any shared address: its phone number's country,
    else its stated country, ``""`` when none. Accounts without a hint get one from the countries of
    their events at keys that are not used by many (``event_country``, when given), so an account
    seen only behind a VPN exit has no hint and casts no vote on that exit.

    ``person_of_account`` (the resolution, when known) lets many accounts of one person count as one
    user. ``hosting`` (per event, from the network owner) marks keys in hosting, cloud or VPN
    networks. ``possible_proxy`` (per event: 1 flagged, 0 not, -1 not said) is the provider's flag.
    Keys ``""`` (not an address) are never shared. Reasons in order of precedence: hosting-network,
    many-countries, foreign-users, proxy-flagged (all left out of the vote), then many users.
    """
    rules = rules or SharedRules()
    accounts = np.asarray(account_index, dtype=np.int64)
    n_accounts = len(account_country_hint)
    key_values, key_of_event = _factorise(ip_keys)
    if len(key_of_event) != len(accounts):
        raise ValueError(f"{len(key_of_event)} keys but {len(accounts)} account indexes")
    if len(accounts) and (accounts.min() < 0 or accounts.max() >= n_accounts):
        raise ValueError("account indexes must lie in 0 .. len(account_country_hint) - 1")
    n_keys = max(len(key_values), 1)
    vocab: dict[str, int] = {"": 0}
    hint = _country_codes(np.asarray(account_country_hint), vocab)

    # Users per key: distinct accounts, and distinct persons when they are known.
    pair_key, pair_account, _ = _sum_pairs(key_of_event, accounts, np.ones(len(accounts)), n_accounts)
    accounts_per_key = np.bincount(pair_key, minlength=n_keys)
    persons_per_key: np.ndarray | None = None
    if person_of_account is not None:
        persons = np.asarray(person_of_account, dtype=np.int64)
        if len(persons) != n_accounts:
            raise ValueError(f"{len(persons)} person labels for {n_accounts} accounts")
        n_labels = int(persons.max()) + 1 if len(persons) else 1
        person_key, _, _ = _sum_pairs(pair_key, persons[pair_account], np.ones(len(pair_key)), n_labels)
        persons_per_key = np.bincount(person_key, minlength=n_keys)
        many_users = persons_per_key >= rules.many_persons
    else:
        persons, n_labels = np.arange(n_accounts), max(n_accounts, 1)
        many_users = accounts_per_key >= rules.many_accounts

    # Fill missing hints from the account's events at keys few people use.
    if event_country is not None and len(accounts):
        codes = _country_codes(np.asarray(event_country), vocab)
        own = (codes > 0) & ~many_users[key_of_event] & (hint[accounts] == 0)
        if own.any():
            acc, cc, w = _sum_pairs(accounts[own], codes[own], np.ones(int(own.sum())), len(vocab))
            top_acc, top_cc, *_ = _top_per_group(acc, cc, w)
            hint = hint.copy()
            hint[top_acc] = top_cc

    # A user's hint: the most common hint among their accounts (an account, when persons are unknown).
    user_hint = np.zeros(n_labels, dtype=np.int64)
    with_hint = np.flatnonzero(hint > 0)
    if len(with_hint):
        u, cc, n = _sum_pairs(persons[with_hint], hint[with_hint], np.ones(len(with_hint)), len(vocab))
        top_user, top_hint, *_ = _top_per_group(u, cc, n)
        user_hint[top_user] = top_hint

    # Country spread per key over its hinted users.
    user_key, user, _ = _sum_pairs(pair_key, persons[pair_account], np.ones(len(pair_key)), n_labels)
    hinted = user_hint[user] > 0
    spread_key, spread_cc, spread_n = _sum_pairs(
        user_key[hinted], user_hint[user][hinted], np.ones(int(hinted.sum())), len(vocab)
    )
    top_key, top_cc, top_n, hinted_n, n_countries = _top_per_group(spread_key, spread_cc, spread_n)
    hinted_per_key = np.zeros(n_keys)
    countries_per_key = np.zeros(n_keys, dtype=np.int64)
    top_per_key = np.zeros(n_keys, dtype=np.int64)
    top_share = np.zeros(n_keys)
    hinted_per_key[top_key] = hinted_n
    countries_per_key[top_key] = n_countries
    top_per_key[top_key] = top_cc
    top_share[top_key] = top_n / hinted_n
    many_countries = (
        (hinted_per_key >= rules.min_hinted_users)
        & (countries_per_key >= rules.min_countries)
        & (top_share < rules.max_top_share)
    )
    # Users whose hint is the key's own country (its most common located country).
    foreign = np.zeros(n_keys, dtype=bool)
    if event_country is not None and len(accounts):
        codes = _country_codes(np.asarray(event_country), vocab)
        located = codes > 0
        kk, kc, kn = _sum_pairs(
            key_of_event[located], codes[located], np.ones(int(located.sum())), len(vocab)
        )
        top_k, top_c, *_ = _top_per_group(kk, kc, kn)
        key_country = np.zeros(n_keys, dtype=np.int64)
        key_country[top_k] = top_c
        at_home = (user_hint[user] == key_country[user_key]) & hinted
        home_share = np.zeros(n_keys)
        np.divide(
            np.bincount(user_key[at_home], minlength=n_keys),
            hinted_per_key,
            out=home_share,
            where=hinted_per_key > 0,
        )
        foreign = (
            (key_country > 0)
            & (hinted_per_key >= rules.foreign_min_users)
            & (countries_per_key >= rules.foreign_min_countries)
            & (home_share < rules.foreign_max_home_share)
        )
    on_hosting = np.zeros(n_keys, dtype=bool)
    if hosting is not None:
        flags = np.asarray(hosting, dtype=bool)
        if len(flags) != len(accounts):
            raise ValueError(f"{len(flags)} hosting flags for {len(accounts)} events")
        on_hosting[key_of_event[flags]] = True

    proxied = np.zeros(n_keys, dtype=bool)
    if possible_proxy is not None:
        flag = np.asarray(possible_proxy).astype(np.int8)
        if len(flag) != len(accounts):
            raise ValueError(f"{len(flag)} proxy flags for {len(accounts)} events")
        said = np.bincount(key_of_event[flag >= 0], minlength=n_keys)
        flagged = np.bincount(key_of_event[flag == 1], minlength=n_keys)
        proxied = (flagged > 0) & (flagged >= rules.proxy_min_share * said) & ~many_users

    left_out = on_hosting | many_countries | foreign | proxied
    reason_code = np.where(left_out, MANY_COUNTRIES, np.where(many_users, MANY_USERS, NOT_SHARED))
    blank = [i for i, v in enumerate(key_values) if v == ""]
    reason_code[blank] = NOT_SHARED
    names = np.array(list(vocab), dtype=object)
    by_users: Reason = "many-persons" if persons_per_key is not None else "many-accounts"
    keys = {
        key_values[k]: SharedKey(
            key=key_values[k],
            reason=(
                "hosting-network"
                if on_hosting[k]
                else "many-countries"
                if many_countries[k]
                else "foreign-users"
                if foreign[k]
                else "proxy-flagged"
                if proxied[k]
                else by_users
            ),
            accounts=int(accounts_per_key[k]),
            persons=None if persons_per_key is None else int(persons_per_key[k]),
            hinted_users=int(hinted_per_key[k]),
            countries=int(countries_per_key[k]),
            top_country=str(names[top_per_key[k]]),
            top_share=round(float(top_share[k]), 4),
        )
        for k in np.flatnonzero(reason_code[: len(key_values)]).tolist()
    }
    event_reason = reason_code[key_of_event].astype(np.int8) if len(key_of_event) else np.empty(0, np.int8)
    return SharedInfra(keys, event_reason, names[hint].astype("U2"), rules)


# ---------------------------------------------------------------------------------------- vote


DEFAULT_KIND_WEIGHTS: Mapping[str, float] = {
    "registration": 1.5,
    "upload": 1.25,
    "login": 1.0,
    "purchase": 1.0,
    "other": 0.75,
    "unknown": 0.75,
}


# The probability that a person's country is right, by basis and share of the vote: steps of (upper
# bound of the share, probability), an isotonic fit on the development sets (``bench/geolocation.py
# --set development``: tiaki synth seed 2 and one operation of each of the four independent
# generators, with their operators' dated databases), never on the sets reported on.
CALIBRATION: Mapping[str, tuple[tuple[float, float], ...]] = {
    "ip-vote": (
        (0.55, 0.4958),
        (0.6, 0.6504),
        (0.65, 0.6642),
        (0.7, 0.8),
        (0.75, 0.8662),
        (0.8, 0.8744),
        (0.85, 0.9296),
        (0.9, 0.9803),
        (0.95, 0.9843),
        (1.0, 0.9941),
    ),
    "phone": ((0.5, 0.5), (0.95, 0.972)),
    "stated": ((0.3, 0.3333), (0.4, 0.3333), (0.75, 0.8955)),
}


def calibrate(
    basis: np.ndarray, share: np.ndarray, table: Mapping[str, tuple[tuple[float, float], ...]]
) -> np.ndarray:
    """The calibrated confidence of each placement: the probability of the first step of its basis
    whose upper bound is at least its share. Bases without steps keep their share; ``none`` is 0."""
    out = np.asarray(share, dtype=np.float64).copy()
    for name, steps in table.items():
        mine = basis == name
        if not steps or not mine.any():
            continue
        uppers = np.array([u for u, _ in steps])
        probability = np.array([p for _, p in steps])
        at = np.minimum(np.searchsorted(uppers, out[mine] - 1e-9, side="left"), len(steps) - 1)
        out[mine] = probability[at]
    out[basis == "none"] = 0.0
    return out


@dataclass(frozen=True, slots=True)
class VoteRules:
    """Weights of the country vote and the review rule (see ``docs/geolocation.md``).

    ``kind_weights``: weight of an event by its kind (``default_kind_weight`` for kinds not listed).
    ``proxy_weight``: factor for events the provider flagged ``possible_proxy``.
    ``many_users_weight``: factor for events at keys shared by many users in one country (carrier NAT).
    ``repeat_weight``: factor for a further event in the same country on the same day as a stronger one:
    a person seen on ten days in one country is better evidence than ten logins in one afternoon.
    ``phone_agrees_factor`` / ``stated_agrees_factor``: factor for the IP weight of a country that
    one of the person's phone numbers / stated countries names.
    ``phone_confidence`` / ``stated_confidence``: the share of a fallback that is unanimous.
    ``calibration``: maps (basis, share) to the probability that the country is right (``CALIBRATION``;
    ``{}`` keeps the share as the confidence).
    ``review_below``: persons placed with a lower confidence go to review, as do fallbacks whose
    evidence conflicts (two phone countries; phone and stated country differ; two stated countries).
    ``move_*``: a person who moved (``_moves``): in the last ``move_window_days`` days of their events,
    one country holds at least ``move_share`` of the weight, on at least ``move_min_days`` days spread
    over at least ``move_settled_days`` days, and it is not the country of the whole vote.
    """

    kind_weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_KIND_WEIGHTS))
    default_kind_weight: float = 0.75
    proxy_weight: float = 0.25
    many_users_weight: float = 0.5
    repeat_weight: float = 0.25
    phone_agrees_factor: float = 2.0
    stated_agrees_factor: float = 2.0
    phone_confidence: float = 0.9
    stated_confidence: float = 0.7
    calibration: Mapping[str, tuple[tuple[float, float], ...]] = field(
        default_factory=lambda: dict(CALIBRATION)
    )
    review_below: float = 0.6
    move_window_days: int = 180
    move_settled_days: int = 28
    move_min_days: int = 3
    move_share: float = 0.9


@dataclass(frozen=True, slots=True)
class Placement:
    """A person's country (``None`` when nothing places them), how sure, on what basis and why."""

    person: int
    country: str | None
    confidence: float
    basis: Basis
    evidence: dict[str, Any]
    review: bool


def _winners(
    person: np.ndarray, country: np.ndarray, weight: np.ndarray, names: np.ndarray, n_persons: int
) -> tuple[np.ndarray, np.ndarray]:
    """Per person: winning country code (0: none) and its share of the weight.

    ``(person, country)`` rows must be distinct. Weights are rounded to 1e-9 so that float noise
    cannot break a tie, and ties go to the alphabetically first country.
    """
    rank = np.empty(len(names), dtype=np.int64)
    rank[np.argsort(names.astype(str), kind="stable")] = np.arange(len(names))
    keep = weight > 0
    g, top_rank, w, total, _ = _top_per_group(person[keep], rank[country[keep]], np.round(weight[keep], 9))
    winner = np.zeros(n_persons, dtype=np.int64)
    share = np.zeros(n_persons)
    winner[g] = np.argsort(rank)[top_rank]
    share[g] = w / total
    return winner, share


def _fallback_votes(
    person: np.ndarray | None, country: np.ndarray | None, vocab: dict[str, int], n_persons: int
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], np.ndarray, np.ndarray]:
    """((person, country, count) rows, winner, share per person) for phone or stated countries."""
    if person is None or country is None or not len(person):
        empty = np.empty(0, dtype=np.int64)
        return (empty, empty, np.empty(0)), np.zeros(n_persons, np.int64), np.zeros(n_persons)
    if len(person) != len(country):
        raise ValueError(f"{len(person)} persons but {len(country)} countries in a fallback")
    codes = _country_codes(np.asarray(country), vocab)
    people = np.asarray(person, dtype=np.int64)
    keep = (codes > 0) & (people >= 0) & (people < n_persons)
    p, c, n = _sum_pairs(people[keep], codes[keep], np.ones(int(keep.sum())), max(len(vocab), 1))
    winner, share = _winners(p, c, n, np.array(list(vocab), dtype=object), n_persons)
    rows = (p, c, n)
    return rows, winner, share


def _moves(
    p: np.ndarray,
    c: np.ndarray,
    d: np.ndarray,
    w: np.ndarray,
    first: np.ndarray,
    names: np.ndarray,
    n_persons: int,
    rules: VoteRules,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per person, from counted events (person, country code, day, weight, first of its
    person-country-day): the country of their recent events when that says they moved there (0
    otherwise), its share of the recent weight, and the first day it was seen in the window (the
    caller moves it back to the first day there after the last day in the old country).

    People move country; an operation's events then show years of one country and then months of
    another, and a vote over every event names where the person lived, not where they are. A trip is
    told apart by time: the new country must hold the last ``move_window_days`` days of the person's
    events with ``move_share`` of their weight, on ``move_min_days`` days or more, the first of which
    lies ``move_settled_days`` days or more before the person's last event."""
    none = np.zeros(n_persons, np.int64), np.zeros(n_persons), np.zeros(n_persons, np.int64)
    if not len(p):
        return none
    last = np.full(n_persons, np.iinfo(np.int64).min)
    np.maximum.at(last, p, d)
    recent = d >= last[p] - rules.move_window_days
    rp, rc, rw = _sum_pairs(p[recent], c[recent], w[recent], max(len(names), 1))
    winner, share = _winners(rp, rc, rw, names, n_persons)
    own = recent & (c == winner[p])
    n_days = np.bincount(p[own & first], minlength=n_persons)
    since = np.full(n_persons, np.iinfo(np.int64).max)
    np.minimum.at(since, p[own], d[own])
    moved = (
        (winner > 0)
        & (share >= rules.move_share)
        & (n_days >= rules.move_min_days)
        & (last - since >= rules.move_settled_days)
    )
    return np.where(moved, winner, 0), np.where(moved, share, 0.0), np.where(moved, since, 0).astype(np.int64)


def place_persons(
    person_index: np.ndarray,
    event_country: np.ndarray,
    *,
    n_persons: int | None = None,
    event_kind: np.ndarray | None = None,
    possible_proxy: np.ndarray | None = None,
    shared: np.ndarray | None = None,
    event_day: np.ndarray | None = None,
    phone_person: np.ndarray | None = None,
    phone_country: np.ndarray | None = None,
    stated_person: np.ndarray | None = None,
    stated_country: np.ndarray | None = None,
    rules: VoteRules | None = None,
) -> list[Placement]:
    """Place every person 0 .. n_persons - 1 in a country.

    Per event (same length): ``person_index`` (-1 for an event of no person), ``event_country``
    (``""`` where unknown), and optionally ``event_kind`` (registration, login, upload, ...),
    ``possible_proxy`` (bool), ``shared`` (``SharedInfra.event_reason``) and ``event_day`` (any integer
    day number, e.g. epoch seconds // 86400). Fallback evidence, one row per identifier or account:
    ``phone_person``/``phone_country`` (the country code of each phone number) and
    ``stated_person``/``stated_country``.

    The vote: events at keys used from many countries are left out; every other located event weighs
    its kind's weight, times ``proxy_weight`` when flagged ``possible_proxy`` and ``many_users_weight``
    at a carrier-NAT-like key; within one (person, country, day) the strongest event counts fully and
    each further one ``repeat_weight`` of its weight. The country with the most weight wins and its
    share of the weight is the confidence. When no counted event is free of a proxy flag (every event
    came through a VPN or proxy), the person is placed by phone country codes, else by stated country
    (each a plain vote scaled by ``phone_confidence``/``stated_confidence``), and the evidence says so.
    Review: no country, a confidence below ``review_below``, or a fallback on conflicting evidence.
    """
    rules = rules or VoteRules()
    people = np.asarray(person_index, dtype=np.int64)
    n_events = len(people)
    if len(event_country) != n_events:
        raise ValueError(f"{len(event_country)} countries for {n_events} events")
    if n_persons is None:
        n_persons = int(people.max()) + 1 if n_events else 0
    for name, column in (("event_kind", event_kind), ("possible_proxy", possible_proxy)):
        if column is not None and len(column) != n_events:
            raise ValueError(f"{len(column)} values of {name} for {n_events} events")
    for name, column in (("shared", shared), ("event_day", event_day)):
        if column is not None and len(column) != n_events:
            raise ValueError(f"{len(column)} values of {name} for {n_events} events")

    vocab: dict[str, int] = {"": 0}
    codes = _country_codes(np.asarray(event_country), vocab)
    proxy = np.zeros(n_events, bool) if possible_proxy is None else np.asarray(possible_proxy, dtype=bool)
    reason = np.zeros(n_events, np.int8) if shared is None else np.asarray(shared, dtype=np.int8)
    mine = (people >= 0) & (people < n_persons)
    located = mine & (codes > 0)
    left_out = located & (reason == MANY_COUNTRIES)
    counted = located & ~left_out

    weight = np.ones(n_events)
    if event_kind is not None:
        kinds, kind_of = _factorise(event_kind)
        table = np.array(
            [rules.kind_weights.get(k.strip().lower(), rules.default_kind_weight) for k in kinds] or [1.0]
        )
        weight = table[kind_of] if n_events else weight
    weight = weight * np.where(proxy, rules.proxy_weight, 1.0)
    weight = weight * np.where(reason == MANY_USERS, rules.many_users_weight, 1.0)

    # Distinct days: per (person, country, day) the strongest event fully, the others at repeat_weight.
    idx = np.flatnonzero(counted)
    # No days given: every event is its own day.
    day = np.arange(n_events, dtype=np.int64) if event_day is None else np.asarray(event_day, np.int64)
    order = idx[np.lexsort((-weight[idx], day[idx], codes[idx], people[idx]))]
    p, c, d, w = people[order], codes[order], day[order], weight[order]
    first = (
        np.r_[True, (p[1:] != p[:-1]) | (c[1:] != c[:-1]) | (d[1:] != d[:-1])]
        if len(order)
        else np.empty(0, bool)
    )
    w = np.where(first, w, w * rules.repeat_weight)
    n_codes = max(len(vocab), 1)
    vote_p, vote_c, vote_w = _sum_pairs(p, c, w, n_codes)
    clean = ~proxy[order]
    clean_w = np.bincount(p[clean], weights=w[clean], minlength=n_persons)
    days = np.bincount(p[first], minlength=n_persons) if len(p) else np.zeros(n_persons, np.int64)

    phone_rows, phone_win, phone_share = _fallback_votes(phone_person, phone_country, vocab, n_persons)
    stated_rows, stated_win, stated_share = _fallback_votes(stated_person, stated_country, vocab, n_persons)
    names = np.array(list(vocab), dtype=object)  # fallbacks may have added codes
    n_codes = max(len(vocab), 1)
    # A country the person's own phone numbers or statements name counts more in the IP vote: a
    # wrong database entry for one home block, or a neighbour's network near a border, is then
    # outweighed where the person's own evidence agrees with the rest of their events.
    pair = vote_p * n_codes + vote_c
    backed_w = vote_w
    for rows, factor in ((phone_rows, rules.phone_agrees_factor), (stated_rows, rules.stated_agrees_factor)):
        rp, rc, _ = rows
        backed_w = np.where(np.isin(pair, rp * n_codes + rc), backed_w * factor, backed_w)
    ip_winner, ip_share = _winners(vote_p, vote_c, backed_w, names, n_persons)
    # A person who moved is placed where they moved to (with event days only: no days, no moves).
    moved_to = np.zeros(n_persons, np.int64)
    moved_from = np.zeros(n_persons, np.int64)
    moved_since = np.zeros(n_persons, np.int64)
    if event_day is not None:
        moved_to, moved_share, in_window = _moves(
            p[clean], c[clean], d[clean], w[clean], first[clean], names, n_persons, rules
        )
        moved_to = np.where(moved_to != ip_winner, moved_to, 0)
        moved_from = ip_winner.copy()
        ip_winner = np.where(moved_to > 0, moved_to, ip_winner)
        ip_share = np.where(moved_to > 0, moved_share, ip_share)
        # Since when: the first day in the new country after the last day in the old one (else the
        # first day in the new country within the window).
        last_home = np.full(n_persons, np.iinfo(np.int64).min)
        home = (moved_to[p] > 0) & (c == moved_from[p])
        np.maximum.at(last_home, p[home], d[home])
        after = np.full(n_persons, np.iinfo(np.int64).max)
        there = (moved_to[p] > 0) & (c == moved_to[p]) & (d > last_home[p])
        np.minimum.at(after, p[there], d[there])
        moved_since = np.where(after < np.iinfo(np.int64).max, after, in_window)

    counts = {
        "events": np.bincount(people[mine], minlength=n_persons),
        "located": np.bincount(people[located], minlength=n_persons),
        "counted": np.bincount(people[counted], minlength=n_persons),
        "left_out_shared": np.bincount(people[left_out], minlength=n_persons),
        "proxy_flagged": np.bincount(people[counted & proxy], minlength=n_persons),
        "carrier_shared": np.bincount(people[counted & (reason == MANY_USERS)], minlength=n_persons),
        "days": days,
    }

    # The decision, for everyone at once.
    use_ip = clean_w > 0
    use_phone = ~use_ip & (phone_win > 0)
    use_stated = ~use_ip & ~use_phone & (stated_win > 0)
    use_proxy = ~use_ip & ~use_phone & ~use_stated & (ip_winner > 0)  # proxy-flagged events only
    winner = np.select([use_ip | use_proxy, use_phone, use_stated], [ip_winner, phone_win, stated_win], 0)
    share = np.select(
        [use_ip, use_phone, use_stated, use_proxy],
        [
            ip_share,
            rules.phone_confidence * phone_share,
            rules.stated_confidence * stated_share,
            rules.proxy_weight * ip_share,
        ],
        0.0,
    )
    basis = np.select([use_ip | use_proxy, use_phone, use_stated], ["ip-vote", "phone", "stated"], "none")
    confidence = calibrate(basis, share, rules.calibration)
    sp, sc, _ = stated_rows
    pp, pc_, _ = phone_rows
    stated_not_phone = np.zeros(n_persons, dtype=bool)
    stated_not_phone[sp[sc != phone_win[sp]]] = True
    conflict = (use_phone & ((phone_share < 1) | stated_not_phone)) | (use_stated & (stated_share < 1))
    has_phone = np.bincount(pp, minlength=n_persons) > 0
    phone_agrees = np.bincount(pp[pc_ == ip_winner[pp]], minlength=n_persons) > 0
    phone_disagrees = use_ip & has_phone & ~phone_agrees
    review = (winner == 0) | (confidence < rules.review_below) | conflict
    why = np.select(
        [counts["counted"] > 0, counts["left_out_shared"] > 0],
        [
            "every counted event was flagged possible_proxy",
            "every located event came through shared infrastructure used from many countries",
        ],
        "no located event",
    )

    def grouped(rows: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[dict[str, float]]:
        rp, rc, rw = rows
        out: list[dict[str, float]] = [{} for _ in range(n_persons)]
        for person, country, w_ in zip(
            rp.tolist(), names[rc].tolist(), np.round(rw, 3).tolist(), strict=True
        ):
            out[person][country] = w_
        return out

    columns = {name: values.tolist() for name, values in counts.items()}
    columns["share"] = np.round(share, 4).tolist()
    votes = {
        "ip_votes": grouped((vote_p, vote_c, vote_w)),
        "phone_countries": grouped(phone_rows),
        "stated_countries": grouped(stated_rows),
    }
    placements = []
    for i, (country, conf, base, to_review, fell_back, why_, clash, disagrees) in enumerate(
        zip(
            names[winner].tolist(),
            np.round(confidence, 4).tolist(),
            basis.tolist(),
            review.tolist(),
            (~use_ip).tolist(),
            why.tolist(),
            conflict.tolist(),
            phone_disagrees.tolist(),
            strict=True,
        )
    ):
        evidence: dict[str, Any] = {name: values[i] for name, values in columns.items()}
        evidence.update((name, values[i]) for name, values in votes.items())
        if fell_back:
            evidence["fallback"] = why_
        if clash:
            evidence["conflict"] = True
        if disagrees:
            evidence["phone_disagrees"] = True
        if moved_to[i] and not fell_back:
            evidence["moved_from"] = names[moved_from[i]]
            evidence["moved_since_day"] = int(moved_since[i])
        placements.append(Placement(i, country or None, conf, base, evidence, to_review))
    return placements
