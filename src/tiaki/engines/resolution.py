"""Entity resolution: which accounts belong to one person, and why.

Three steps, each leaving evidence an analyst can read:

1. **Hard identifiers** (:func:`tiaki.engines.linkage.resolve_hard`): accounts sharing a normalised
   e-mail address, phone number, device id or payment instrument are one person, unless the names of
   the accounts holding the value say they are many people (and the value is not someone's own
   mailbox, nor do their other mailboxes say they are one), or do not say they are one when too many
   accounts hold it (:func:`_value_judge`). Every
   merge is replayed through the *household guard* (below): a merge that would join two groups of
   accounts whose names cannot be one person's is held back, not applied, and the pair is scored like
   any other candidate instead.
2. **Probabilistic linkage** (Splink 5, on DuckDB by default): candidate pairs of accounts in different groups
   are scored by a Fellegi-Sunter model over e-mail local parts (never the domain: a shared webmail
   domain says nothing), phone numbers, device ids, names, folded usernames (:func:`fold_username`),
   rare IP keys, logins from one rare IP on the same day, dates of birth, addresses and stated
   country.
3. **Clustering**: pairs scoring at least ``threshold`` (a match weight, in bits) are applied from the
   strongest down, on top of the hard groups, again through the household guard.

**The household guard.** Persons of one household share a home IP address and often a phone or a
device; that is where union-find on hard identifiers makes most of its false merges. A merge of two
groups is refused when both groups carry names (display names that are names rather than handles, and
``name`` identifiers) and no name of one group is compatible with a name of the other
(:mod:`tiaki.engines.names`: initials, nicknames, surname-first order, transliteration and accents are
understood, so "BROWN, Mary", "M. Brown" and "Mary Brown" are one person's names while "Mary Brown" and
"John Brown" are not); a shared identifier (a phone, a device, a card, a mailbox) is held back only
when the two groups also hold other lasting mailboxes, different on each side, as the members of a
household with a family mailbox, a family tablet or a parent's card each keep their own. A group's
names include those its lasting mailboxes spell ("mary.brown@..."). A handle, or no name at all,
vetoes nothing. A throwaway mailbox (a disposable mail domain's) is no sign of a second person: the
guard does not count it, and after clustering a group whose mailboxes are all throwaways joins the
one group with a lasting mailbox that shares a hard value with it (a burner account on its owner's
phone or device, even when the names its accounts give say many people), and joins none, its links
held back, when several such groups do (:func:`_claim_throwaways`).

**Input contract** (pyarrow tables; row order does not matter except for ``accounts``):

* ``accounts``: one row per account, row ``i`` is account ``i``. Columns ``username`` (string),
  ``display_name`` (string), ``stated_country`` (string, ISO alpha-2 in any case, nullable). Empty
  strings are treated as missing.
* ``identifiers``: ``account`` (int64 index into ``accounts``), ``kind`` (string, one of
  :data:`tiaki.engines.identifiers.KINDS`), ``value`` (string, already normalised by
  :func:`tiaki.engines.identifiers.normalise_identifier`).
* ``ip_events``: ``account`` (int64), ``ip`` (string key: an IPv4 address or an IPv6 /64 network as
  made by :func:`ip_key`), ``timestamp`` (int64, seconds since the epoch, UTC).

**Shared infrastructure.** An IP key is *shared* and takes no part in linkage when more than
``max_accounts_per_ip`` accounts use it (carrier-grade NAT, VPN exits, offices; a household plus a
heavy user stays below 60) or when its accounts state more than ``max_countries_per_ip`` distinct
countries (a VPN exit used by few accounts of the operation).

**Blocking.** Candidate pairs are accounts sharing at least one key: a rare IP, a phone, a device,
an e-mail local part (folded), a folded username, a full name, a date of birth or an address. A key
held by more than ``max_block`` accounts generates no pairs (a common username, a first name used as a
local part), so the number of candidates is at most ``n * max_block / 2`` and grows linearly with the
accounts.

**Parameters.** ``u`` (how often non-matches agree): for the levels of exact agreement on a key
(shared phone, device, e-mail local part, full name, folded username, rare IP, same-day IP, date of
birth, address) from key frequencies, the sum over values of C(k, 2) / C(m, 2); for the others
(similar usernames, a shared given name, close dates, similar addresses, country) from
``u_max_pairs`` random pairs drawn with a fixed seed. ``m`` (how often
matches agree) is the share of each level among the pairs inside one hard group (what Splink's
``estimate_m_from_label_column`` computes, counted here so that it can be adjusted before Splink sees it),
except for e-mail, phone and device: the hard groups share those by construction, while a candidate
pair is one the hard step did not join, so those three get ``m = u`` (no weight; blocking only).
The prior is the share of pairs inside hard groups. A comparison that fewer than 30 pairs inside hard
groups hold (an operation without e-mails, phones or devices: a member list of names, dates of birth
and addresses) gets its ``m`` by EM, as Splink trains it: once over the candidates blocked on each kind
of key, leaving out the comparison that key makes agree (every such pair agrees on it, matches or not),
with ``u`` and the measured ``m`` held fixed, then averaged; with no hard group at all, the prior is
the largest number of matches one of these passes finds, over all pairs.

**Dates of birth.** A shared date of birth weighs by its frequency; 1 January (what forms default to,
and what registries write when only the year is known) is a level of its own and identifies nothing.
Two records born the same day are not two generations of one household, so the guard lets their
merge pass when their names agree allowing a mistyped letter (``typos`` in
:func:`tiaki.engines.names.words_compatible`); twins (one surname, two given names) stay apart.
Whatever the evidence, a word the operation writes once at most, one slip of the keys after the first
letter from a word it writes five times or more, and no given name of its own, is that word mistyped
(``jacc``/``jack``, ``robsno``/``robson``: :class:`tiaki.engines.names.Spellings`, counted over every
account's names); two words that both recur are two names (``christian``/``christina``,
``paul``/``paula``: twins' names).
Born the same day *and* at one home (one postal address, or one written differently with the same
numbers, held by at most ``_HOME_HOLDERS`` accounts: not a neighbour's, another flat's, a placeholder
or an institution), they are held back only when their names share a word, as twins' family name
does (whichever word it is: a name may be written surname first; but not a given name that both
names say is one, "Green, Tayla" and "White, Tayla", unless the operation writes that word as a
surname: :func:`tiaki.engines.names.any_sharing`); names that share nothing at one
birthday and home are one person's record filled in under another name (two unrelated people of one
home born the same day are far rarer; on the FEBRL development sets, where a duplicate's name is
sometimes replaced outright, such pairs were all one person's).

**One full name at one home.** Two records of one full name at one home (as above) identify one
person when both carry names, not both give a date of birth (a register's records often leave it
out; 1 January counts as a date) and each name either account carries is compatible with one of
the other's (two children's accounts that each record a parent's name at home, besides their own,
share that full name); a father and his son share name and home but give two dates, and such pairs
never link on them. The guard holds such a link back when the groups it joins both give dates of
birth and none is on both sides, so an undated record naming both joins only one (``"named"`` in
``_GuardedForest.union``).

**Per-value u.** An agreement on a handle, a full name or a date of birth weighs by the frequency of
the value shared (Splink's term-frequency adjustment): "maryjohnson" says less than a rare handle.

**Correlated handles.** Handles are often spelled from a name (``kari``, ``kari88``, ``ursulabeck``),
so two people called Kari, or two Ursula Becks, tend to share a handle too; counting the name and the
handle as independent evidence made such collisions outscore real evidence. A username agreement
(equal or prefix) where both handles hold a word of either account's names falls in its own level,
``name-handle``, which carries no weight (``m = u``) and does not identify: the name comparison has
already counted that evidence.
The threshold was chosen on labelled synthetic pairs; on a new operation it can be checked with a
sample an investigator labels (:mod:`tiaki.engines.threshold`); see ``docs/resolution.md``.

**Where it runs.** The model's SQL lives in :mod:`tiaki.engines.resolution_sql` (DuckDB's dialect),
and the database is the caller's: ``resolve(..., backend=DuckDBBackend(connection))``. This module
never opens or imports DuckDB; Splink gets its database API from the backend, and the level of each
comparison is read from the columns Splink's prediction returns (``gamma_<name>``, ``mw_<name>``),
so another backend (Spark) needs a dialect module of its own and nothing here.

Everything is deterministic for the same input: ids are fixed, sampling is seeded, ties are broken
by account index.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz.distance import JaroWinkler

from tiaki.engines import placement
from tiaki.engines.identifiers import (
    HARD_KINDS,
    is_disposable_mailbox,
    is_placeholder_mailbox,
    normalise_name,
)
from tiaki.engines.linkage import (
    DEFAULT_MAX_ACCOUNTS_PER_KEY,
    JUDGED_FROM,
    ExcludedKey,
    UnionFind,
    resolve_hard,
)
from tiaki.engines.names import (
    Name,
    Spellings,
    any_agreeing,
    any_compatible,
    any_sharing,
    each_compatible,
    letters,
    spellings_of,
    surnames_of,
)
from tiaki.engines.names import parse as parse_name

HARD = "hard-identifier"
PROBABILISTIC = "probabilistic"

# Chosen on labelled pairs of a synthetic operation (153,000 accounts, seed 2): see docs/resolution.md.
# Negative: the prior is over all pairs, while only blocked candidates are clustered.
DEFAULT_THRESHOLD = -1.5

# Look-alike characters written in place of letters in handles.
_LOOKALIKES = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "$": "s",
                             "@": "a", "!": "i", "|": "l", "€": "e", "¢": "c", "ß": "ss"})  # fmt: skip
_AFFIX_DIGITS = re.compile(r"^[0-9]+|[0-9]+$")
_NOT_ALNUM = re.compile(r"[^0-9a-z]")


def fold_username(username: str) -> str | None:
    """Reduce a handle to the part a person keeps when they make another account.

    Case-folds, strips accents, drops separators and other punctuation, drops leading and trailing
    digits (``kari_mo88`` and ``Kari.Mo`` are one handle, ``1karimo`` too), then maps look-alike
    digits and symbols left inside the handle to letters (``k4r1mo`` reads ``karimo``). Returns
    ``None`` when fewer than three characters remain: such handles say nothing.
    """
    text = unicodedata.normalize("NFKD", username.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c for c in text if c not in "._-' \t")
    text = _AFFIX_DIGITS.sub("", text)
    text = _NOT_ALNUM.sub("", text.translate(_LOOKALIKES))
    return text if len(text) >= 3 else None


def ip_key(ip: str) -> str | None:
    """The key an IP address links on (:func:`tiaki.engines.placement.ip_key`: an IPv4 address as
    written canonically, an IPv6 address's /64, where a household keeps its prefix while the host part
    changes); ``None`` when ``ip`` is not an address."""
    return placement.ip_key(ip) or None


@dataclass(frozen=True, slots=True)
class Link:
    """Why two accounts are one person.

    ``method``: ``"hard-identifier"`` or ``"probabilistic"``. ``evidence``: the features that agreed,
    as ``feature:level`` (``"phone:agree"``, ``"rare_ip:2+"``) or, for a hard link, ``kind:value``.
    ``match_weight`` (bits) and ``match_probability`` are ``None`` for hard links.
    """

    a: int
    b: int
    method: str
    evidence: tuple[str, ...]
    match_weight: float | None = None
    match_probability: float | None = None


@dataclass
class Resolution:
    """Persons behind accounts.

    ``labels[i]``: account ``i``'s person, named by the smallest account index in it. ``links``: one
    per merge performed, so each person has a spanning tree of evidence. ``held_back``: links the
    household guard refused. ``excluded_keys``: hard identifiers whose holders' names say they are
    many people, or do not say they are one when too many accounts share them (:func:`_value_judge`),
    which link nobody;
    ``shared_ips``: IP keys set aside as shared infrastructure. ``candidates``: pairs scored.
    """

    labels: np.ndarray
    links: list[Link] = field(default_factory=list)
    held_back: list[Link] = field(default_factory=list)
    excluded_keys: list[ExcludedKey] = field(default_factory=list)
    shared_ips: int = 0
    candidates: int = 0

    @property
    def n_persons(self) -> int:
        return int(np.unique(self.labels).size)

    def accounts_of(self, account: int) -> np.ndarray:
        """The accounts resolved to the same person as ``account``."""
        return np.flatnonzero(self.labels == self.labels[account])

    def explain(self, account: int) -> list[Link]:
        """The links that put ``account``'s person together (empty for an account alone)."""
        label = self.labels[account]
        return [link for link in self.links if self.labels[link.a] == label]


@dataclass(frozen=True, slots=True)
class ScoredPairs:
    """Candidate pairs the model scored and a threshold decides (their evidence holds something
    identifying), strongest first: accounts ``a`` < ``b``, ``match_weight`` (bits),
    ``match_probability`` and the agreeing ``evidence`` of each."""

    a: np.ndarray
    b: np.ndarray
    match_weight: np.ndarray
    match_probability: np.ndarray
    evidence: list[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class ResolutionConfig:
    threshold: float = DEFAULT_THRESHOLD
    max_accounts_per_key: int = DEFAULT_MAX_ACCOUNTS_PER_KEY
    max_accounts_per_ip: int = 60
    max_countries_per_ip: int = 2
    max_block: int = 60
    household_guard: bool = True
    u_max_pairs: float = 2e5
    seed: int = 1
    threads: int | None = None


# The comparisons on (parts of) hard identifiers: their m inside hard groups is biased.
_HARD_FEATURES = frozenset({"email_local", "phone", "device"})
# Fewer pairs inside hard groups holding a comparison than this, and its m is estimated by EM.
_MIN_M_PAIRS = 30
# What the model's link needs besides anything else: agreement on something a person uses and few
# others do (a mailbox's local part, a phone, a device; a long identical handle, see below). A name, a
# country and IP addresses corroborate such evidence but never link on their own: namesakes share a name and a
# country, and IP addresses behind carrier NAT, offices and VPNs are shared by strangers, so a model that
# links on them (as weights learned from pairs a generator made independent would) merges strangers
# into large persons. Logins from one rare address on the same day identify only together with a full
# name that agrees: without one they are what the members of one household, colleagues, classmates and
# the customers of one internet cafe do (on two generators of our own, such pairs with only a country
# besides were 9-19% one person; on the seven development operations, with a given name besides, 42
# one person and 60 two).
# Without an account identifier (a member list, a subscriber record), what a register identifies a
# person by: a date of birth together with a name or a postal address. A date of birth alone is shared
# by one pair of strangers in some 20,000, an address by a household, a full name at one address by a
# father and his son (who give two dates of birth: one full name at one home, with a date missing on
# one side, identifies, as ``_Scored.named_home`` decides); 1 January is what forms default to (its own
# level, ``dob:1-january``, identifies nothing).
# A long identical handle identifies with something more of one person's life: an address logged in
# from, a full name, a date of birth or a postal address. A country and a given name are what the
# namesakes and the strangers who pick one handle share (on the seven development operations of three
# independent generators and our own, links on a handle with at most a country and a given name
# besides were one person 82 times and two people 136 times).
_IDENTIFYING = frozenset(
    {
        "email_local:agree-long",
        "email_local:agree-short",
        "phone:agree",
        "device:agree",
    }
)
_SAME_DAY = "rare_ip:same-day"
_OWN_HANDLE = "username:exact-long"
_BORN = frozenset({"dob:exact", "dob:close"})
_WITH_HANDLE = ("rare_ip:", "name:full", "dob:exact", "dob:close", "address:")


def _identifies(evidence: tuple[str, ...]) -> bool:
    """Whether a pair's agreeing evidence holds something identifying (see ``_IDENTIFYING``)."""
    if not _IDENTIFYING.isdisjoint(evidence):
        return True
    if _OWN_HANDLE in evidence:
        return any(item.startswith(_WITH_HANDLE) for item in evidence)
    named = any(item.startswith("name:") for item in evidence)
    if not _BORN.isdisjoint(evidence):
        return named or any(item.startswith("address:") for item in evidence)
    return _SAME_DAY in evidence and "name:full" in evidence


def _strength(evidence: tuple[str, ...]) -> str:
    """How the household guard treats a model's link (``_GuardedForest.union``): a long handle of
    one's own with an address of one's home is one person's (two members of one household do not
    pick one long handle, and namesakes who do, do not share a home address); one date of birth at
    one postal address is ``"home"``; an agreeing date of birth otherwise is not two generations of
    one household (``"born"``); anything else is soft. Whether the addresses are one home's (not
    a placeholder's, an institution's or a neighbour's) is for the caller to say
    (``_Scored.strength``)."""
    if _OWN_HANDLE in evidence and any(item.startswith("rare_ip:") for item in evidence):
        return "personal"
    if "dob:exact" in evidence:
        return "home" if any(item.startswith("address:") for item in evidence) else "born"
    return "soft"


# Levels of exact agreement on one value whose u is the value's own frequency (Splink's term-frequency
# adjustment): two accounts sharing the handle "maryjohnson" or the name "mary johnson" say less than
# two sharing a rare one. An account's dates of birth weigh by the frequency of its first that is not
# 1 January (most accounts hold one date).
_PER_VALUE = {
    ("username", "exact-long"): "username_fold",
    ("username", "exact-short"): "username_fold",
    ("name", "full"): "full_name",
    ("dob", "exact"): "dob",
}
# Levels whose evidence another comparison already counts: they carry no weight (m = u).
_NO_WEIGHT = frozenset({("username", "name-handle")})


class Backend(Protocol):
    """The database the model runs in: its SQL dialect module (``sql``, with the names of
    :mod:`tiaki.engines.resolution_sql`) and the few operations the engine needs. The caller owns it."""

    @property
    def sql(self) -> Any: ...

    def register(self, name: str, table: pa.Table) -> None: ...

    def execute(self, sql: str) -> None: ...

    def rows(self, sql: str) -> list[tuple[Any, ...]]: ...

    def arrow(self, sql: str) -> pa.Table: ...

    def splink_api(self) -> Any: ...

    def drop_own(self) -> None: ...


def _frequency_u(backend: Backend) -> dict[str, dict[int, float]]:
    """u for the levels that are exact agreement on a key, from key frequencies: the chance that two
    random accounts (both with the feature) share a value is the sum over values of C(k, 2) / C(m, 2).
    A random sample never reaches these levels often enough to count them. Keys: level index (from 1)."""
    out: dict[str, dict[int, float]] = {}
    for name, column, sql, levels in backend.sql.SHARED_VALUE_PAIRS:
        holders = int(backend.rows(backend.sql.holders_sql(column))[0][0])
        total = max(holders * (holders - 1) / 2, 1.0)
        counts = backend.rows(sql)[0]
        out[name] = {level: float(count or 0) / total for level, count in zip(levels, counts, strict=True)}
    return out


def _level_shares(backend: Backend, table: str, name: str, levels: int, least: int = 1) -> list[float | None]:
    """The share of each non-null level (index 1 .. levels - 1) among the pairs of ``table`` where
    comparison ``name`` is not null; ``None`` for all when fewer than ``least`` pairs are."""
    counts = dict(backend.rows(backend.sql.level_counts_sql(table, name)))
    total = sum(c for g, c in counts.items() if g != 0)
    if total < max(least, 1):
        return [None] * (levels - 1)
    return [counts.get(i, 0) / total for i in range(1, levels)]


def _estimate_u(backend: Backend, n: int, config: ResolutionConfig) -> dict[str, list[float]]:
    """u per comparison level. Levels of exact agreement on a key from key frequencies
    (:func:`_frequency_u`); the other levels (similar usernames, shared given names, country) from
    random pairs (fixed seed), as the share in each non-null level among the pairs where the
    comparison is not null (a level no sampled pair reached gets half a pair). The last level
    (disagreement) takes what the others leave."""
    rng = np.random.default_rng(config.seed)
    k = int(min(config.u_max_pairs, n * (n - 1) // 2))
    left = rng.integers(0, n, k)
    right = rng.integers(0, n, k)
    keep = left != right
    backend.register("res_u_pairs", pa.table({"l": left[keep], "r": right[keep]}))
    backend.execute(backend.sql.sampled_levels_sql())
    exact = _frequency_u(backend)
    u: dict[str, list[float]] = {}
    for name, levels in backend.sql.COMPARISONS:
        counts = dict(backend.rows(backend.sql.level_counts_sql("res_u_gamma", name)))
        total = sum(c for g, c in counts.items() if g != 0)
        sampled = [max(counts.get(i, 0), 0.5) / max(total, 1) for i in range(1, len(levels))]
        fixed = exact.get(name, {})
        values = [max(fixed.get(i, sampled[i - 1]), 1e-12) for i in range(1, len(levels) - 1)]
        values.append(max(1.0 - sum(values), 1e-6))
        u[name] = values
    return u


def _estimate_m(backend: Backend, u: dict[str, list[float]]) -> tuple[dict[str, list[float]], set[str]]:
    """m per comparison level: the share of each level among the pairs of accounts inside one hard
    group (a level never seen there gets 1e-6). The hard groups are matches *because* they share an
    e-mail, phone or device, and candidate pairs are pairs the hard step did not join: among them a
    match shares none (or the guard held it back), and an agreement mostly marks a household. The
    hard-group m for these comparisons would make any disagreement damning; they carry no weight
    (m = u) and serve for blocking only, as do the levels in ``_NO_WEIGHT``. Also returns the other
    comparisons that fewer than ``_MIN_M_PAIRS`` pairs inside hard groups hold (an operation without
    e-mails, phones or devices, such as a member list of names, dates of birth and addresses): their
    m is estimated by EM (:func:`_em_m`); until then it is u."""
    backend.execute(backend.sql.hard_group_levels_sql())
    m: dict[str, list[float]] = {}
    free: set[str] = set()
    for name, levels in backend.sql.COMPARISONS:
        shares = _level_shares(backend, "res_m_gamma", name, len(levels), _MIN_M_PAIRS)
        if shares[0] is None and name not in _HARD_FEATURES:
            free.add(name)
        m[name] = [
            u[name][i - 1]
            if share is None or name in _HARD_FEATURES or (name, levels[i][1]) in _NO_WEIGHT
            else max(share, 1e-6)
            for i, share in enumerate(shares, start=1)
        ]
    return m, free


def _em_m(
    backend: Backend, m: dict[str, list[float]], u: dict[str, list[float]], free: set[str]
) -> tuple[dict[str, list[float]], float | None]:
    """m for the comparisons in ``free`` by expectation-maximisation, as Splink trains m: one pass over
    the candidates blocked on each kind of key (``BLOCKING_KEYS``), leaving out the comparison that
    key makes agree (every pair blocked on a date of birth shares one, matches or not, so there it
    says nothing), with u (from value frequencies and random pairs) and the other comparisons' m held
    fixed; each free comparison's m is the mean of the passes that estimate it. Each pass starts from
    m that favours the stronger levels (1 for the strongest agreement down by halves, 0.05 for
    disagreement) and stops when no m moves by 1e-6 or after 200 rounds. A comparison that fewer than
    ``_MIN_M_PAIRS`` matches (by EM's own count) hold in every pass keeps m = u: from a handful of
    pairs EM can set a level's m to 0, which would make that level damning. Also returns the largest
    number of matching candidates one pass finds (``None`` when nothing was estimated)."""
    sql = backend.sql
    # A comparison fewer than two accounts hold has nothing to learn (and the passes are not needed).
    free = {name for name in free if int(backend.rows(sql.holders_sql(sql.NULL_COLUMN[name]))[0][0]) >= 2}
    if not free:
        return m, None
    names = [name for name, _ in sql.COMPARISONS]
    estimates: dict[str, list[list[float]]] = {name: [] for name in free}
    matches: float | None = None
    for kind, tied in sql.BLOCKING_KEYS.items():
        rows = backend.rows(sql.blocked_patterns_sql(kind))
        if sum(row[-1] for row in rows) < _MIN_M_PAIRS:
            continue
        gammas = np.array([row[:-1] for row in rows], dtype=np.int64)
        counts = np.array([row[-1] for row in rows], dtype=np.float64)
        gammas[:, names.index(tied)] = 0  # the blocking comparison says nothing here
        fitted, share = _em_pass(names, gammas, counts, m, u, free - {tied})
        if share is not None:
            matches = max(matches or 0.0, share * float(counts.sum()))
        for name, values in fitted.items():
            estimates[name].append(values)
    m = dict(m)
    labels = dict(sql.COMPARISONS)
    for name, found in estimates.items():
        if found:
            mean = [float(x) for x in np.mean(np.array(found), axis=0)]
            m[name] = [
                u[name][i] if (name, label) in _NO_WEIGHT else value
                for i, ((_, label), value) in enumerate(zip(labels[name][1:], mean, strict=True))
            ]
    return m, matches


def _em_pass(
    names: list[str],
    gammas: np.ndarray,
    counts: np.ndarray,
    m: dict[str, list[float]],
    u: dict[str, list[float]],
    free: set[str],
) -> tuple[dict[str, list[float]], float | None]:
    """One EM over comparison vectors ``gammas`` (one row per pattern, ``counts`` pairs each): m for
    the comparisons in ``free`` that at least ``_MIN_M_PAIRS`` matches hold, and the share of pairs
    that match (``None`` when no comparison could be estimated)."""
    free = {name for name in free if counts[gammas[:, names.index(name)] > 0].sum() >= _MIN_M_PAIRS}
    if not free:
        return {}, None
    m = {name: list(values) for name, values in m.items()}
    for name in free:
        start = [0.5**i for i in range(len(m[name]) - 1)] + [0.05]
        m[name] = [value / sum(start) for value in start]
    share = 0.5
    weighted = counts
    for _ in range(200):
        log_ratio = np.zeros(len(counts))
        for j, name in enumerate(names):
            ratio = np.log(np.array([1.0, *m[name]]) / np.array([1.0, *u[name]]))
            log_ratio += ratio[gammas[:, j]]
        odds = np.log(share / (1 - share)) + log_ratio
        weighted = counts / (1.0 + np.exp(-np.clip(odds, -500, 500)))
        moved = 0.0
        for name in free:
            g = gammas[:, names.index(name)]
            held = weighted[g > 0].sum()
            if held <= 0:
                continue
            levels = range(1, len(m[name]) + 1)
            new = [max(float(weighted[g == level].sum() / held), 1e-6) for level in levels]
            moved = max(moved, *(abs(a - b) for a, b in zip(new, m[name], strict=True)))
            m[name] = new
        share = float(min(max(weighted.sum() / counts.sum(), 1e-9), 1 - 1e-9))
        if moved < 1e-6:
            break
    fitted = {
        name: m[name] for name in free if weighted[gammas[:, names.index(name)] > 0].sum() >= _MIN_M_PAIRS
    }
    return fitted, share if fitted else None


def _comparisons(comparisons: Any, m: dict[str, list[float]], u: dict[str, list[float]]) -> list[Any]:
    """The model's comparisons for Splink, with m and u fixed; each level's label names it in evidence."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    built_all: list[Any] = []
    for name, levels in comparisons:
        built: list[Any] = [
            cll.CustomLevel(levels[0][0], label_for_charts="null").configure(is_null_level=True)
        ]
        for (sql, label), m_level, u_level in zip(levels[1:], m[name], u[name], strict=True):
            level = cll.ElseLevel() if sql == "else" else cll.CustomLevel(sql, label_for_charts=label)
            options: dict[str, Any] = {}
            if (name, label) in _PER_VALUE:
                # u of the value the pair shares, from its frequency, in place of the level's mean u.
                options = {
                    "tf_adjustment_column": _PER_VALUE[(name, label)],
                    "disable_tf_exact_match_detection": True,
                }
            built.append(
                level.configure(
                    m_probability=m_level,
                    u_probability=u_level,
                    fix_m_probability=True,
                    fix_u_probability=True,
                    label_for_charts=label,
                    **options,
                )
            )
        built_all.append(cl.CustomComparison(output_column_name=name, comparison_levels=built))
    return built_all


# ------------------------------------------------------------------------------------ the guard
# The names a group keeps for the guard: enough for every way one person writes their name; a group
# that has gathered more (a value on thousands of accounts) stops adding, so that a merge never costs
# more than comparing this many names.
_GROUP_NAMES = 32
# The most accounts one home's postal address is held by: a household's records (a family of four
# with two records each), not a placeholder typed by strangers or an institution's residents.
_HOME_HOLDERS = 8
_NOTHING: frozenset[str] = frozenset()


def _gathered(x: AbstractSet[str], y: AbstractSet[str]) -> AbstractSet[str]:
    """The union of two groups' sets, the smaller added into the larger, in place when the larger is a
    set the forest owns (a group of thousands of accounts, merged one account at a time, would
    otherwise be copied at every merge)."""
    if len(x) < len(y):
        x, y = y, x
    if not y:
        return x
    if isinstance(x, set):
        x |= y
        return x
    owned = set(x)
    owned |= y
    return owned


def _frozen(x: AbstractSet[str]) -> AbstractSet[str]:
    """``x`` as a set no forest mutates (``_gathered`` mutates only ``set``s)."""
    return frozenset(x) if isinstance(x, set) else x


def _apart_besides(x: AbstractSet[str], y: AbstractSet[str], value: str) -> bool:
    """Whether both ``x`` and ``y`` hold something besides ``value`` and nothing besides it is in
    both (two household members' own mailboxes), looking through the smaller only."""
    if len(x) <= (value in x) or len(y) <= (value in y):
        return False
    small, large = (x, y) if len(x) <= len(y) else (y, x)
    return all(item == value or item not in large for item in small)


class _GuardedForest:
    """Union-find over accounts with the household guard (see the module docstring): a merge is held
    back when it would join two groups that look like two members of one household."""

    def __init__(
        self,
        names: list[frozenset[Name]],
        personal: list[AbstractSet[str]],
        guard: bool,
        surnames: frozenset[str] | None = None,
        spellings: Spellings | None = None,
        born: list[AbstractSet[str]] | None = None,
    ) -> None:
        self.parent = list(range(len(names)))
        self.names: list[frozenset[Name]] = names
        # Per group (its root), its accounts' mailboxes (``_run`` passes the lasting ones: a throwaway
        # is no sign of a second person) and the dates of birth they give (1 January too:
        # a date only the year of which is known still says two generations apart), gathered by
        # ``_gathered``: a set this forest owns, or a frozenset it shares. Callers pass frozensets; an
        # account that is no longer a root holds nothing.
        self.personal: list[AbstractSet[str]] = personal
        self.born: list[AbstractSet[str]] = born if born is not None else [_NOTHING] * len(names)
        self.guard = guard
        # Words the operation writes as surnames (names.surnames_of), read from every account's names once.
        self.surnames = surnames_of(names) if surnames is None else surnames
        # How often the operation writes each name word (names.spellings_of): a rare slip of a common name.
        self.spellings = spellings_of(names) if spellings is None else spellings
        self.common_slips = dataclasses.replace(self.spellings, inside=False)

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int, strength: str = "soft", value: str = "") -> bool | None:
        """Merge; ``True`` if merged, ``False`` if already one group, ``None`` if the guard refused.

        ``strength`` is the evidence: ``"personal"`` (the model's evidence of one person's own handle)
        always merges; ``"shared"`` (a hard identifier ``value``, which a household may share: a phone, a
        device, a card, a family mailbox) is held back only when the two groups carry names and none of one
        side's is compatible with one of the other's (:mod:`tiaki.engines.names`) *and* each holds mailboxes
        (``personal``: lasting ones, throwaways aside) other than ``value``, none of them on both sides, as
        two members of one household do; ``"claimed"``
        (a burner joining its one owner: :func:`_claim_throwaways`, which decides) always merges; ``"soft"``
        (the model's evidence) is held back when the names are not compatible; ``"born"`` (the model's
        evidence, with an agreeing date of birth: not two generations of one household) when they are not
        compatible even allowing a mistyped letter (``typos`` in
        :func:`tiaki.engines.names.words_compatible`; twins are held back); ``"home"`` (a date of birth and
        a postal address) when, besides, they share a word (:func:`tiaki.engines.names.any_sharing`: twins'
        family name; ``surnames`` are the words the operation writes as surnames,
        :func:`tiaki.engines.names.surnames_of`); ``"named"`` (one full name at one home, not both
        accounts giving a date of birth: ``_Scored.named_home``) when, besides, both groups give dates
        of birth and none is on both sides (a father and his son of one name and home, each with an
        undated record: ``_named_apart``)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.guard and strength == "named" and self._named_apart(ra, rb):
            return None
        na, nb = self.names[ra], self.names[rb]
        typos = self.spellings if strength in ("born", "home") else self.common_slips
        if (
            self.guard
            and strength not in ("personal", "claimed")
            and na
            and nb
            and not any_compatible(na, nb, typos)
        ):
            if strength == "home":
                if any_sharing(na, nb, self.surnames):
                    return None
            elif strength in ("soft", "born", "named") or (
                strength == "shared" and _apart_besides(self.personal[ra], self.personal[rb], value)
            ):
                return None
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra  # the smaller index is the root, so labels need no second pass
        if len(self.names[ra]) < _GROUP_NAMES:
            self.names[ra] = self.names[ra] | nb
        self.personal[ra] = _gathered(self.personal[ra], self.personal[rb])
        self.born[ra] = _gathered(self.born[ra], self.born[rb])
        self.personal[rb] = self.born[rb] = _NOTHING  # no second reference to a set the root may grow
        return True

    def _named_apart(self, ra: int, rb: int) -> bool:
        """Whether the groups ``ra`` and ``rb`` (roots) may be two persons of one full name and home:
        both give dates of birth and none is on both sides (a father and his son)."""
        born_a, born_b = self.born[ra], self.born[rb]
        return bool(born_a and born_b and born_a.isdisjoint(born_b))

    def labels(self) -> np.ndarray:
        return np.array([self.find(i) for i in range(len(self.parent))], dtype=np.int64)

    def copy(self) -> _GuardedForest:
        """An independent forest in the same state: the sets this one owns are copied frozen."""
        twin = _GuardedForest(
            list(self.names),
            [_frozen(p) for p in self.personal],
            self.guard,
            self.surnames,
            self.spellings,
            [_frozen(d) for d in self.born],
        )
        twin.parent = list(self.parent)
        return twin


def _value_judge(
    names: list[frozenset[Name]], max_accounts: int, mailboxes: list[set[str]]
) -> Callable[[str, str, np.ndarray], bool]:
    """Whether a value held by several accounts links them (``judge`` in
    :func:`tiaki.engines.linkage.resolve_hard`), from the names of its holders (and, when those say
    many people, their other mailboxes: ``mailboxes``, per account).

    A value whose holders are many people is infrastructure or filler (a shop's number,
    ``test@test.com``, an all-zero device id, a school's computer); one whose holders are one person is
    that person's, however many accounts hold it (a heavy user's mailbox on 40 accounts). Names agree
    when they share a word besides being compatible (:func:`tiaki.engines.names.any_agreeing`: "Maria"
    and "Ahmed" do not contradict each other, nor do they agree). The name the holders use most (a tie
    goes to the first in a fixed order of names, never to an account's place in the input) is the
    centre; then:

    * a value whose named holders (three or more) mostly disagree with the centre (fewer than half
      agree) links nobody, at any count, unless at most ``max_accounts`` hold it and it is someone's
      own mailbox (:func:`_own_mailbox`: neither a throwaway nor a placeholder) whose holders show
      no second person (:func:`_one_holder`: their other own mailboxes make at most one group), or
      what else its holders hold says they are one person (:func:`_mailboxes_shared`): at least two
      of them hold another own mailbox (``mailboxes``, per account) and more than half of those are
      joined into one by the mailboxes they share. A mailbox is one person's whatever names its
      accounts carry (a decoy, a handle, none), unless its holders keep mailboxes of their own apart
      from each other, as a family's members or an office's staff do. Strangers on a café's
      computer or a shop's number each keep their own mailbox, and the members of a household
      theirs; a person who gives each account another name comes back to his few mailboxes;
    * a value held by more than ``max_accounts`` accounts links them only when the names say they are
      one person's: at least half of its holders carry a name, and the centre, chosen among the full
      names (two words or more: "Maria" alone agrees with every Maria) not more common elsewhere in
      the operation than on the value (a platform's default "New User"), agrees with the names of at
      least half of the named holders, and their other own mailboxes make at most ``max_accounts``
      groups (:func:`_mailbox_groups`): three hundred accounts that each keep a mailbox of their own
      are three hundred people, whatever one name they all carry.

    Anything else links as usual, through the household guard.
    """
    everywhere = Counter(names)

    def judge(kind: str, value: str, holders: np.ndarray) -> bool:
        counts = _named_counts(holders, names)
        named = sum(counts.values())
        candidates = counts
        if len(holders) > max_accounts:
            if 2 * named < len(holders):
                return False
            candidates = {n: count for n, count in counts.items() if 2 * count >= everywhere[n] and _full(n)}
            if not candidates:
                return False
        elif named < JUDGED_FROM:
            return True
        top = max(candidates.values())
        centre = min((n for n, count in candidates.items() if count == top), key=_name_order)
        agreeing = sum(count for n, count in counts.items() if any_agreeing(centre, n))
        if len(holders) > max_accounts:
            if 2 * agreeing < named:
                return False
            # More holders keeping mailboxes apart than one person's accounts on a value may number
            # are many people, whatever one name they all carry.
            return len(_mailbox_groups(holders, value, mailboxes)) <= max_accounts
        if 2 * agreeing >= named:
            return True
        groups = _mailbox_groups(holders, value, mailboxes)
        if kind == "email" and _one_holder(groups) and _own_mailbox(value):
            return True
        return _mailboxes_shared(groups)

    return judge


def _own_mailbox(address: str) -> bool:
    """Whether a mailbox is someone's own: neither a throwaway, whose inbox anyone may open
    (:func:`tiaki.engines.identifiers.is_disposable_mailbox`), nor a placeholder, which strangers
    type alike (:func:`tiaki.engines.identifiers.is_placeholder_mailbox`)."""
    return not is_disposable_mailbox(address) and not is_placeholder_mailbox(address)


def _mailbox_groups(holders: np.ndarray, value: str, mailboxes: list[set[str]]) -> list[int]:
    """The sizes of the groups into which the holders of ``value`` that hold another own mailbox
    (``mailboxes``, per account; ``value`` itself, throwaways and placeholders aside:
    :func:`_own_mailbox`) are joined by the mailboxes they share; empty when none holds one."""
    others = [{m for m in mailboxes[h] if m != value and _own_mailbox(m)} for h in holders.tolist()]
    others = [held for held in others if held]
    groups = UnionFind(len(others))
    first: dict[str, int] = {}
    for i, held in enumerate(others):
        for mailbox in held:
            groups.union(i, first.setdefault(mailbox, i))
    return [int(groups.size[i]) for i in range(len(others)) if groups.find(i) == i]


def _mailboxes_shared(groups: list[int]) -> bool:
    """Whether the holders of a value that hold another own mailbox (``groups``: their groups'
    sizes, :func:`_mailbox_groups`) are at least two and more than half of them are joined by their
    mailboxes into one: one person's accounts, not the many people's their names say. The members
    of a household on a family phone each share their own mailbox between their own accounts, which
    makes as many groups as members: the phone links only when one member's accounts are most of
    those with a mailbox, and the household guard still holds the others back
    (:class:`_GuardedForest`)."""
    largest = max(groups, default=0)
    return largest >= 2 and 2 * largest > sum(groups)


def _one_holder(groups: list[int]) -> bool:
    """Whether the holders of an own mailbox show no second person: their other own mailboxes
    (``groups``: :func:`_mailbox_groups`) make at most one group. The members of a family on a shared
    mailbox, or colleagues on an office's, who keep mailboxes of their own make two groups or more;
    a person who gives each account another name keeps his accounts on his few mailboxes and on
    throwaways."""
    return len(groups) < 2


def _full(names: frozenset[Name]) -> bool:
    """Whether some reading of ``names`` is a full name: two words or more."""
    return any(len(name.words) >= 2 for name in names)


def _name_order(names: frozenset[Name]) -> tuple[tuple[tuple[str, ...], int, str], ...]:
    """A fixed order of name sets, for ties."""
    return tuple(sorted((n.words, n.before_comma, n.unvowelled) for n in names))


def _named_counts(holders: np.ndarray, names: list[frozenset[Name]]) -> dict[frozenset[Name], int]:
    """Holders per name set, for the holders that carry a name."""
    counts: dict[frozenset[Name], int] = {}
    for h in holders.tolist():
        if names[h]:
            counts[names[h]] = counts.get(names[h], 0) + 1
    return counts


# ----------------------------------------------------------------------------------- the model
@dataclass
class _Scored:
    """The state after the hard step and the scored candidates: what clustering at a threshold needs."""

    forest: _GuardedForest
    links: list[Link]
    held_back: list[Link]
    excluded_keys: list[ExcludedKey]
    shared_ips: int
    candidates: int
    scored: pa.Table | None  # a, b, match_weight, match_probability, e0..e6; strongest first
    # Per comparison: its name and its levels' labels (index 0 is the null level).
    levels: list[tuple[str, list[str]]] = field(default_factory=list)
    # Per account, its postal addresses (as the comparison normalises them) that at most
    # ``_HOME_HOLDERS`` accounts hold: a home's, not a placeholder's ("1 fake street", typed by
    # strangers) or an institution's (a hostel, a care home). Only a pair sharing one is ``"home"``.
    homes: dict[int, frozenset[str]] = field(default_factory=dict)
    # Per account, whether it gives a date of birth (any, 1 January too), and its names.
    dated: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))
    names: list[frozenset[Name]] = field(default_factory=list)
    # The holders of each hard value (not held by more accounts than any value may link) that an
    # account without a lasting mailbox holds (``_burner_values``, for ``_claim_throwaways``).
    burner_values: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def strength(self, a: int, b: int, evidence: tuple[str, ...]) -> str:
        """``_strength``, with the pair's address agreement counted only when it is one home's
        (:func:`_one_home`): otherwise one date of birth is ``"born"``."""
        strength = _strength(evidence)
        if strength == "home" and not _one_home(
            self.homes.get(a, frozenset()), self.homes.get(b, frozenset())
        ):
            return "born"
        return strength

    def named_home(self, a: int, b: int, evidence: tuple[str, ...]) -> bool:
        """Whether ``a`` and ``b`` share one full name at one home (:func:`_one_home`) and not both
        give a date of birth: one person's records, one of them without the date (a father and his
        son of one name and home give two dates, 1 January too; those pairs stay unlinked), both
        carry names (a display name that is no name, "Facebook User", "Player 1", is no full
        name), and no name either account carries is compatible with none of the other's (a
        parent's name recorded on each child's account besides the child's own:
        :func:`tiaki.engines.names.each_compatible`). Such a link is ``"named"`` to the household
        guard, which holds it back when the groups it joins give dates of birth and none on both
        sides (``_GuardedForest.union``)."""
        return (
            "name:full" in evidence
            and any(item.startswith("address:") for item in evidence)
            and bool(self.names[a])
            and bool(self.names[b])
            and not (self.dated[a] and self.dated[b])
            and _one_home(self.homes.get(a, frozenset()), self.homes.get(b, frozenset()))
            and each_compatible(self.names[a], self.names[b], self.forest.spellings)
        )

    def link_strength(self, a: int, b: int, evidence: tuple[str, ...]) -> str | None:
        """How the guard treats the model's link between ``a`` and ``b`` (``strength``, or ``"named"``:
        ``named_home``); ``None`` when its evidence identifies nothing (``_identifies``) and it never
        links, whatever the threshold."""
        if _identifies(evidence):
            return self.strength(a, b, evidence)
        return "named" if self.named_home(a, b, evidence) else None

    def evidence(self, levels: list[int | None]) -> tuple[str, ...]:
        """``feature:level`` for each comparison whose level weighs for the match."""
        return tuple(
            f"{name}:{labels[lv]}"
            for (name, labels), lv in zip(self.levels, levels, strict=True)
            if lv is not None
        )

    def linkable(self) -> ScoredPairs:
        """The scored pairs a threshold decides: those whose evidence holds something identifying."""
        a: list[int] = []
        b: list[int] = []
        weights: list[float] = []
        probabilities: list[float] = []
        evidence: list[tuple[str, ...]] = []
        if self.scored is not None:
            columns = [self.scored.column(c).to_pylist() for c in self.scored.column_names]
            for left, right, weight, probability, *levels in zip(*columns, strict=True):
                named = self.evidence(levels)
                if self.link_strength(left, right, named) is not None:
                    a.append(left)
                    b.append(right)
                    weights.append(weight)
                    probabilities.append(probability)
                    evidence.append(named)
        return ScoredPairs(
            np.array(a, dtype=np.int64),
            np.array(b, dtype=np.int64),
            np.array(weights, dtype=np.float64),
            np.array(probabilities, dtype=np.float64),
            evidence,
        )

    def cluster(self, threshold: float) -> Resolution:
        forest = self.forest.copy()
        links, held_back = list(self.links), list(self.held_back)
        if self.scored is not None:
            weights = self.scored.column("match_weight").to_numpy()
            keep = int(np.searchsorted(-weights, -threshold, side="right"))  # weights are descending
            table = self.scored.slice(0, keep)
            columns = [table.column(c).to_pylist() for c in table.column_names]
            for a, b, weight, probability, *levels in zip(*columns, strict=True):
                evidence = self.evidence(levels)
                strength = self.link_strength(a, b, evidence)
                if strength is None:
                    continue  # corroborating evidence alone is not an identity
                outcome = forest.union(a, b, strength)
                if outcome is False:
                    continue
                link = Link(a, b, PROBABILISTIC, evidence, round(float(weight), 3), float(probability))
                (links if outcome else held_back).append(link)
        if self.burner_values and forest.guard:
            disputed = {(key.kind, key.value) for key in self.excluded_keys}
            claimed, undecided = _claim_throwaways(forest, self.burner_values, disputed)
            links.extend(claimed)
            offered = {_pair(link) for link in held_back}
            held_back = [link for link in held_back if forest.find(link.a) != forest.find(link.b)]
            held_back += [link for link in undecided if _pair(link) not in offered]
        return Resolution(
            labels=forest.labels(),
            links=links,
            held_back=held_back,
            excluded_keys=self.excluded_keys,
            shared_ips=self.shared_ips,
            candidates=self.candidates,
        )


def _normalised_names(column: pa.ChunkedArray) -> list[str]:
    """Each display name normalised as recorded names are (:func:`normalise_name`), after emoji and
    other symbols are dropped (:func:`tiaki.engines.names.letters`), once per value."""
    seen: dict[str | None, str] = {}
    return [
        seen[text] if text in seen else seen.setdefault(text, normalise_name(letters(text or "")) or "")
        for text in column.to_pylist()
    ]


def _check(accounts: pa.Table, identifiers: pa.Table, ip_events: pa.Table) -> None:
    n = accounts.num_rows
    for name, table, columns in (
        ("accounts", accounts, ("username", "display_name", "stated_country")),
        ("identifiers", identifiers, ("account", "kind", "value")),
        ("ip_events", ip_events, ("account", "ip", "timestamp")),
    ):
        missing = [c for c in columns if c not in table.column_names]
        if missing:
            raise ValueError(f"{name} lacks column(s) {', '.join(missing)}")
    for name, table in (("identifiers", identifiers), ("ip_events", ip_events)):
        if table.num_rows:
            col = table.column("account")
            low, high = pc.min(col).as_py(), pc.max(col).as_py()
            if low < 0 or high >= n:
                raise IndexError(f"{name}: account indexes must lie in 0..{n - 1}")


def resolve(
    accounts: pa.Table,
    identifiers: pa.Table,
    ip_events: pa.Table,
    *,
    config: ResolutionConfig | None = None,
    backend: Backend | None = None,
) -> Resolution:
    """Resolve accounts to persons (see the module docstring for the contract and the method).

    ``backend`` is the database the model runs in, the caller's (for DuckDB,
    :class:`tiaki.engines.resolution_sql.DuckDBBackend` on the caller's connection); without one, the
    call runs in a new in-memory DuckDB database that lives as long as the call."""
    config = config or ResolutionConfig()
    return _prepare(accounts, identifiers, ip_events, config, config.threshold, backend).cluster(
        config.threshold
    )


def resolve_at_thresholds(
    accounts: pa.Table,
    identifiers: pa.Table,
    ip_events: pa.Table,
    thresholds: list[float],
    *,
    config: ResolutionConfig | None = None,
    backend: Backend | None = None,
) -> tuple[pa.Table, dict[float, Resolution]]:
    """Score once, cluster at each threshold: the scored candidate pairs (``a``, ``b``,
    ``match_weight``) and a resolution per threshold. For choosing the threshold on labelled data."""
    config = config or ResolutionConfig()
    prepared = _prepare(accounts, identifiers, ip_events, config, min(thresholds), backend)
    scored = prepared.scored
    pairs = (
        scored.select(["a", "b", "match_weight"])
        if scored is not None
        else pa.table({"a": pa.array([], pa.int64()), "b": pa.array([], pa.int64()), "match_weight": []})
    )
    return pairs, {t: prepared.cluster(t) for t in thresholds}


def score_pairs(
    accounts: pa.Table,
    identifiers: pa.Table,
    ip_events: pa.Table,
    *,
    config: ResolutionConfig | None = None,
    backend: Backend | None = None,
) -> ScoredPairs:
    """Every candidate pair a threshold decides, with its weight, probability and evidence, whatever
    its weight (for :mod:`tiaki.engines.threshold`: choosing the threshold on a new operation)."""
    config = config or ResolutionConfig()
    return _prepare(accounts, identifiers, ip_events, config, -math.inf, backend).linkable()


def _prepare(
    accounts: pa.Table,
    identifiers: pa.Table,
    ip_events: pa.Table,
    config: ResolutionConfig,
    floor: float,
    backend: Backend | None,
) -> _Scored:
    _check(accounts, identifiers, ip_events)
    if backend is None:
        from tiaki.engines.resolution_sql import DuckDBBackend

        with DuckDBBackend.in_memory(threads=config.threads) as own:
            return _prepare(accounts, identifiers, ip_events, config, floor, own)
    try:
        return _run(accounts, identifiers, ip_events, config, floor, backend)
    finally:
        backend.drop_own()


def _run(
    accounts: pa.Table,
    identifiers: pa.Table,
    ip_events: pa.Table,
    config: ResolutionConfig,
    floor: float,
    backend: Backend,
) -> _Scored:
    sql = backend.sql
    n = accounts.num_rows
    # 1. Hard identifiers, each value shared by several accounts judged by its holders' names.
    account_list = identifiers.column("account").to_pylist()
    kind_list = identifiers.column("kind").to_pylist()
    value_list = identifiers.column("value").to_pylist()
    personal_sets: list[set[str]] = [set() for _ in range(n)]
    birthdays: dict[int, set[str]] = {}  # few accounts of an operation give one: no set for the others
    names = [parse_name(text or "") for text in accounts.column("display_name").to_pylist()]
    for a, k, v in zip(account_list, kind_list, value_list, strict=True):
        if k == "email" and v:
            personal_sets[a].add(v)
        elif k == "name" and v:
            names[a] = names[a] | parse_name(v, typed=False)
        elif k == "dob" and v:
            birthdays.setdefault(a, set()).add(v)
    hard = resolve_hard(
        n,
        (
            (a, k, v)
            for a, k, v in zip(account_list, kind_list, value_list, strict=True)
            if k in HARD_KINDS and v
        ),
        max_accounts_per_key=config.max_accounts_per_key,
        judge=_value_judge(names, config.max_accounts_per_key, personal_sets),
    )
    backend.register(
        "res_acc_in",
        pa.table(
            {
                "unique_id": pa.array(np.arange(n, dtype=np.int64)),
                "username": accounts.column("username").cast(pa.string()),
                "display_name": accounts.column("display_name").cast(pa.string()),
                "display_norm": pa.array(_normalised_names(accounts.column("display_name")), pa.string()),
                "stated_country": accounts.column("stated_country").cast(pa.string()),
            }
        ),
    )
    backend.register("res_identifiers", identifiers.select(["account", "kind", "value"]))
    backend.register("res_ip_events", ip_events.select(["account", "ip", "timestamp"]))
    backend.execute(sql.accounts_sql())
    backend.execute(sql.features_sql(config.max_accounts_per_ip, config.max_countries_per_ip))
    shared_ips = int(
        backend.rows(sql.shared_ips_sql(config.max_accounts_per_ip, config.max_countries_per_ip))[0][0]
    )

    # 2. Replay the hard merges through the household guard.
    born: list[AbstractSet[str]] = [_NOTHING] * n
    for account, days in birthdays.items():
        born[account] = frozenset(days)
    # Besides an account's names, the guard reads those its lasting mailboxes spell.
    lasting = [frozenset(m for m in held if not is_disposable_mailbox(m)) for held in personal_sets]
    forest = _GuardedForest(
        [names[a] | _mailbox_names(lasting[a]) if lasting[a] else names[a] for a in range(n)],
        [frozenset(p) for p in personal_sets],
        config.household_guard,
        surnames=surnames_of(names),
        spellings=spellings_of(names),
        born=born,
    )
    links: list[Link] = []
    held_back: list[Link] = []
    for a, b, kind, value in hard.links:
        link = Link(a, b, HARD, (f"{kind}:{value}",))
        outcome = forest.union(a, b, "shared", value)
        if outcome:
            links.append(link)
        elif outcome is None:
            held_back.append(link)
    hard_labels = forest.labels()
    # The values more accounts hold than any value may link (the others a burner may share with its owner).
    crowded = {(k.kind, k.value) for k in hard.excluded_keys if k.accounts > config.max_accounts_per_key}
    backend.register(
        "res_hard_labels", pa.table({"unique_id": np.arange(n, dtype=np.int64), "hard": hard_labels})
    )
    backend.execute(sql.SET_HARD)

    # 3. Candidates and their scores.
    backend.execute(sql.candidates_sql(config.max_block))
    n_candidates = int(backend.rows(sql.COUNT_CANDIDATES)[0][0])
    scored = _score(backend, hard_labels, config, floor) if n_candidates else None
    levels = [(name, [label for _, label in comparison]) for name, comparison in sql.COMPARISONS]
    return _Scored(
        forest,
        links,
        held_back,
        hard.excluded_keys,
        shared_ips,
        n_candidates,
        scored,
        levels,
        _homes(backend),
        np.isin(np.arange(n), np.fromiter(birthdays, dtype=np.int64, count=len(birthdays))),
        names,
        _burner_values(
            lasting,
            [
                (a, k, v)
                for a, k, v in zip(account_list, kind_list, value_list, strict=True)
                if k in HARD_KINDS and v
            ],
            crowded,
        )
        if config.household_guard and (held_back or len(crowded) < len(hard.excluded_keys))
        else {},
    )


def _pair(link: Link) -> tuple[int, int]:
    """The accounts ``link`` joins, in either direction."""
    return min(link.a, link.b), max(link.a, link.b)


_SEPARATORS = re.compile(r"[._-]+")


def _mailbox_names(mailboxes: AbstractSet[str]) -> frozenset[Name]:
    """The names the local parts of ``mailboxes`` spell as words apart ("mary.brown", "brown_mary82",
    "m.brown"; digits and a "+tag" aside): a person's own mailbox presents them by that name, so the
    household guard reads it with the names the accounts carry. A local part of one run of letters
    ("marybrown", "dragon77") spells nothing: where one word would end is a guess."""
    found: frozenset[Name] = frozenset()
    for mailbox in mailboxes:
        local = mailbox.split("@", 1)[0].split("+", 1)[0]
        words = [word for part in _SEPARATORS.split(local) if (word := _DIGITS.sub("", part))]
        if len(words) >= 2:
            found |= parse_name(" ".join(words), typed=False)
    return found


def _burner_values(
    lasting: list[frozenset[str]], rows: list[tuple[int, str, str]], excluded: set[tuple[str, str]]
) -> dict[tuple[str, str], list[int]]:
    """The holders of each hard value ``rows`` hold (``account, kind, value``), not ``excluded``, that an
    account without a lasting mailbox (``lasting``, per account: it holds none, or throwaways only)
    holds: the values a burner account can share with its owner (``_claim_throwaways``)."""
    loose = [not held for held in lasting]
    keys = {(kind, value) for account, kind, value in rows if loose[account]} - excluded
    holders: dict[tuple[str, str], list[int]] = {}
    for account, kind, value in rows:
        if (kind, value) in keys:
            holders.setdefault((kind, value), []).append(account)
    return {key: accounts for key, accounts in holders.items() if len(accounts) > 1}


def _claim_throwaways(
    forest: _GuardedForest, values: dict[tuple[str, str], list[int]], disputed: AbstractSet[tuple[str, str]]
) -> tuple[list[Link], list[Link]]:
    """After clustering: a group whose mailboxes are all throwaways
    (:func:`tiaki.engines.identifiers.is_disposable_mailbox`), or that holds none, joins the one group
    with a lasting mailbox that shares a hard value with it (``values``: ``_burner_values``), as a
    burner account made on its owner's phone or device; groups of throwaways alone on one value join
    each other first, unless the value is ``disputed`` (its holders' names say they are many people:
    :func:`_value_judge`), as a café's computer is among strangers who give no lasting mailbox. A
    person who gives each account another name and a throwaway mailbox still makes them on his own
    phone or device, so a disputed value still brings a group holding a throwaway to its one owner
    (but not one that holds no mailbox at all: the customers of a shop whose number they typed).
    When two
    groups or more with lasting mailboxes share values with it (a family tablet, a café's computer;
    the device of one and the phone of another), which of them made the burner is not for the guard
    to guess: it stays apart, and its link to each of them is held back for review. Returns the
    links of the merges made and those held back (each between two holders of the value)."""
    made: list[Link] = []
    lasting: dict[int, bool] = {}  # per group (its root), whether it holds a lasting mailbox

    def holds_lasting(root: int) -> bool:
        if root not in lasting:
            lasting[root] = any(not is_disposable_mailbox(m) for m in forest.personal[root])
        return lasting[root]

    def groups(accounts: list[int]) -> dict[int, int]:
        """Each group holding the value, with its first holder."""
        by_group: dict[int, int] = {}
        for account in sorted(accounts):
            by_group.setdefault(forest.find(account), account)
        return by_group

    def join(a: int, b: int, key: tuple[str, str]) -> None:
        either = holds_lasting(forest.find(a)) or holds_lasting(forest.find(b))
        if forest.union(a, b, "claimed"):
            lasting[forest.find(a)] = either
            made.append(Link(a, b, HARD, (f"{key[0]}:{key[1]}",)))

    for key, accounts in sorted(values.items()):
        if key in disputed:
            continue
        by_group = groups(accounts)
        if len(by_group) > 1 and not any(holds_lasting(g) for g in by_group):
            first, *others = sorted(by_group.values())
            for holder in others:
                join(first, holder, key)
    # Per group of throwaways, the groups with a lasting mailbox that share a value with it; on a
    # disputed value, only a group that holds a throwaway (a customer on a shop's number gives none).
    owners: dict[int, dict[int, tuple[int, int, tuple[str, str]]]] = {}
    for key, accounts in sorted(values.items()):
        by_group = groups(accounts)
        owning = {g: h for g, h in by_group.items() if holds_lasting(g)}
        for group, holder in by_group.items():
            if group not in owning and (key not in disputed or forest.personal[group]):
                for owner, owner_holder in owning.items():
                    owners.setdefault(group, {}).setdefault(owner, (owner_holder, holder, key))
    undecided: list[Link] = []
    for group in sorted(owners):
        if len(owners[group]) == 1:
            ((owner_holder, holder, key),) = owners[group].values()
            join(owner_holder, holder, key)
        else:
            undecided += [Link(a, b, HARD, (f"{k[0]}:{k[1]}",)) for a, b, k in owners[group].values()]
    return made, undecided


_DIGITS = re.compile(r"[0-9]+")


def _one_home(left: frozenset[str], right: frozenset[str]) -> bool:
    """Whether some address of ``left`` and some of ``right`` (normalised, each a home's: see
    ``_Scored.homes``) are one home's: equal, or written differently (Jaro-Winkler >= 0.9, the
    comparison's "similar") with the same numbers (house, flat, postcode): the house next door and
    another flat of one building differ in a number."""
    for x in left:
        for y in right:
            if x == y or (_DIGITS.findall(x) == _DIGITS.findall(y) and JaroWinkler.similarity(x, y) >= 0.9):
                return True
    return False


def _homes(backend: Backend) -> dict[int, frozenset[str]]:
    """``_Scored.homes``: each account's normalised postal addresses held by at most
    ``_HOME_HOLDERS`` accounts."""
    holders: dict[str, list[int]] = {}
    for account, values in backend.rows(backend.sql.ADDRESSES):
        for value in values:
            holders.setdefault(value, []).append(account)
    homes: dict[int, set[str]] = {}
    for value, accounts in holders.items():
        if len(accounts) <= _HOME_HOLDERS:
            for account in accounts:
                homes.setdefault(account, set()).add(value)
    return {account: frozenset(values) for account, values in homes.items()}


def _score(backend: Backend, hard_labels: np.ndarray, config: ResolutionConfig, floor: float) -> pa.Table:
    """Score the candidate pairs with Splink; rows (a, b, weight, probability, evidence levels...) at
    or above the threshold, strongest first."""
    from splink import Linker, SettingsCreator

    n = len(hard_labels)
    sizes = np.bincount(hard_labels, minlength=n).astype(np.float64)
    within = float((sizes * (sizes - 1) / 2).sum())
    prior = min(0.5, max(within, 1.0) / max(n * (n - 1) / 2, 1.0))
    u = _estimate_u(backend, n, config)
    m, free = _estimate_m(backend, u)
    m, matches = _em_m(backend, m, u, free)
    if matches is not None and within == 0:
        # No hard group to count matches in: the matches EM found, over all pairs.
        prior = min(0.5, max(matches, 1.0) / max(n * (n - 1) / 2, 1.0))
    db_api = backend.splink_api()
    features = db_api.register("res_features", table_name="res_splink_features")
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        probability_two_random_records_match=prior,
        comparisons=_comparisons(backend.sql.COMPARISONS, m, u),
        blocking_rules_to_generate_predictions=[],
        retain_matching_columns=True,  # for the gamma_ (level) columns
        retain_intermediate_calculation_columns=True,  # for the mw_ (weight) columns
    )
    linker = Linker(features, settings, log_level=None)
    blocked = db_api.register("res_candidates", table_name="res_splink_candidates")
    linker.table_management.register_blocked_pairs_for_predict(blocked)
    threshold = floor if math.isfinite(floor) else None
    predictions = linker.inference.predict(threshold_match_weight=threshold, warning_mode="never")
    comparisons = backend.sql.COMPARISONS
    try:
        return backend.arrow(
            backend.sql.scored_sql(
                predictions.physical_name,
                [name for name, _ in comparisons],
                [len(levels) for _, levels in comparisons],
                frozenset(name for name, _ in _PER_VALUE),
            )
        )
    finally:
        predictions.drop_table_from_database_and_remove_from_cache()
