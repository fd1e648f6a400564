"""Entity resolution: which accounts belong to one person, and why.

Three steps, each leaving evidence an analyst can read:

1. **Hard identifiers** (:func:`tiaki.engines.linkage.resolve_hard`): accounts sharing a normalised
   e-mail address, phone number, device id or payment instrument are one person, unless the value is
   held by too many accounts. Every merge is replayed through the *household guard* (below): a merge
   that would join two groups of accounts whose given names disagree is held back, not applied, and
   the pair is scored like any other candidate instead.
2. **Probabilistic linkage** (Splink 5 on DuckDB): candidate pairs of accounts in different groups
   are scored by a Fellegi-Sunter model over e-mail local parts (never the domain: a shared webmail
   domain says nothing), phone numbers, device ids, names, folded usernames (:func:`fold_username`),
   rare IP keys, logins from one rare IP on the same day, and stated country.
3. **Clustering**: pairs scoring at least ``threshold`` (a match weight, in bits) are applied from the
   strongest down, on top of the hard groups, again through the household guard.

**The household guard.** Persons of one household share a home IP address and often a phone or a
device; that is where union-find on hard identifiers makes most of its false merges. A merge of two
groups is refused when both groups carry given names (first token of a display name or of a ``name``
identifier) and the two sets of given names have nothing in common. A person's own accounts show
one given name; two members of a household show two.

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
an e-mail local part (folded), a folded username or a full name. A key held by more than
``max_block`` accounts generates no pairs (a common username, a first name used as a local part), so
the number of candidates is at most ``n * max_block / 2`` and grows linearly with the accounts.

**Parameters.** ``u`` (how often non-matches agree): for the levels of exact agreement on a key
(shared phone, device, e-mail local part, full name, folded username, rare IP, same-day IP) from key
frequencies, the sum over values of C(k, 2) / C(m, 2); for the others (similar usernames, a shared
given name, country) from ``u_max_pairs`` random pairs drawn with a fixed seed. ``m`` (how often
matches agree) comes from the pairs inside the hard groups (Splink's ``estimate_m_from_label_column``),
except for e-mail, phone and device: the hard groups share those by construction, while a candidate
pair is one the hard step did not join, so those three get ``m = u`` (no weight; blocking only).
No EM. The prior is the share of pairs inside hard groups.

**Correlated handles.** Handles are often built from the given name (``kari``, ``kari88``), so two
people called Kari who share a given name also tend to share a short handle; counting both the name
and the handle as independent evidence made such collisions (under 1% matches among candidates)
outscore a shared full name alone (98% matches). A username agreement (equal or prefix) where both
handles start with a given name the two accounts share, and their full names do not agree, falls in
its own level, ``given-handle``, which carries no weight (``m = u``): the name comparison has already
counted that evidence.
The threshold was chosen on labelled synthetic pairs; see ``docs/resolution.md``.

Everything is deterministic for the same input: ids are fixed, sampling is seeded, ties are broken
by account index.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tiaki.engines import placement
from tiaki.engines.identifiers import HARD_KINDS
from tiaki.engines.linkage import DEFAULT_MAX_ACCOUNTS_PER_KEY, ExcludedKey, resolve_hard

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
    household guard refused. ``excluded_keys``: hard identifiers shared by too many accounts;
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


# --------------------------------------------------------------------------------------- features
# The SQL twin of fold_username (and of normalise_name for display names), so that millions of handles
# are folded inside DuckDB; tests check that both agree.
_FOLD_SQL = """regexp_replace(translate(regexp_replace(regexp_replace(strip_accents(lower({col})),
    '[._\\-'' \\t]', '', 'g'), '^[0-9]+|[0-9]+$', '', 'g'), '0134578$@!|', 'oleastbsail'),
    '[^0-9a-z]', '', 'g')"""
_NAME_SQL = """trim(regexp_replace(regexp_replace(regexp_replace(strip_accents(lower({col})),
    '[\\-\u2013\u2014]', ' ', 'g'),
    '[^\\w\\s]', '', 'g'), '\\s+', ' ', 'g'))"""

_FEATURES_SQL = """
create or replace table features as
with ips as (
    select e.account, e.ip, e.timestamp // 86400 as day, a.country
    from ip_events e join acc a on a.unique_id = e.account
),
ip_stats as (select ip, count(distinct account) as n, count(distinct country) as ncc from ips group by ip),
rare as (
    select ips.* from ips join ip_stats using (ip) where ip_stats.n <= $max_ip and ip_stats.ncc <= $max_cc
),
ri as (
    select account, list(distinct ip order by ip) as rare_ips, list(distinct ip || '|' || day) as ip_days
    from rare group by account
),
em as (
    select account, list(distinct local order by local) as email_locals from (
        select account, regexp_replace(regexp_replace(lower(split_part(value, '@', 1)), '[^a-z0-9]', '', 'g'),
                                       '[0-9]+$', '') as local
        from identifiers where kind = 'email'
    ) where length(local) >= 3 group by account
),
ph as (select account, list(distinct value order by value) as phones from identifiers where kind = 'phone'
       group by account),
dv as (select account, list(distinct value order by value) as devices from identifiers where kind = 'device'
       group by account),
names as (
    select account, value as full_name from identifiers where kind = 'name' and value <> ''
    union all
    select unique_id, display_norm from acc where display_norm <> ''
),
nm as (
    select account, min(full_name) filter (where full_name like '% %') as full_name,
        list(distinct split_part(full_name, ' ', 1) order by 1) as given_names
    from names group by account
)
select a.unique_id, a.username_fold, a.country, em.email_locals, ph.phones, dv.devices, nm.full_name,
    nm.given_names, ri.rare_ips, ri.ip_days, 0::bigint as hard
from acc a
    left join em on em.account = a.unique_id left join ph on ph.account = a.unique_id
    left join dv on dv.account = a.unique_id left join nm on nm.account = a.unique_id
    left join ri on ri.account = a.unique_id
order by a.unique_id
"""

_CANDIDATES_SQL = """
create or replace table keys as
    select unique_id as account, 'ip:' || unnest(rare_ips) as key from features where rare_ips is not null
    union all select unique_id, 'ph:' || unnest(phones) from features where phones is not null
    union all select unique_id, 'dv:' || unnest(devices) from features where devices is not null
    union all select unique_id, 'em:' || unnest(email_locals) from features where email_locals is not null
    union all select unique_id, 'un:' || username_fold from features where username_fold is not null
    union all select unique_id, 'fn:' || full_name from features where full_name is not null;
create or replace table candidates as
with usable as (
    select key, account from keys
    where key in (select key from keys group by key having count(*) between 2 and $max_block)
)
select distinct 0 as match_key, k1.account as join_key_l, k2.account as join_key_r
from usable k1 join usable k2 on k1.key = k2.key and k1.account < k2.account
    join features f1 on f1.unique_id = k1.account join features f2 on f2.unique_id = k2.account
where f1.hard <> f2.hard;
"""


# Handles built from a given name both accounts carry (``kari`` and ``kari88`` for two Karis), on
# accounts whose full names do not agree: the agreement repeats the given name's evidence.
_GIVEN_HANDLE_SQL = (
    "not coalesce(full_name_l = full_name_r, false) and least(length(username_fold_l), "
    "length(username_fold_r)) >= 3 and (starts_with(username_fold_l, username_fold_r) or "
    "starts_with(username_fold_r, username_fold_l)) and len(list_filter(list_intersect(given_names_l, "
    "given_names_r), lambda g: starts_with(username_fold_l, g) and starts_with(username_fold_r, g))) > 0"
)


def _set_levels(column: str) -> list[tuple[str, str]]:
    return [
        (f"{column}_l is null or {column}_r is null", "null"),
        (f"list_has_any({column}_l, {column}_r)", "agree"),
        ("else", "disagree"),
    ]


# (name in evidence, [(SQL condition, label)]): the first level is the null level, the last "else".
_COMPARISONS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "email_local",
        [
            ("email_locals_l is null or email_locals_r is null", "null"),
            (
                "list_has_any(email_locals_l, email_locals_r) and len(list_filter("
                "list_intersect(email_locals_l, email_locals_r), lambda x: length(x) >= 8)) > 0",
                "agree-long",
            ),
            ("list_has_any(email_locals_l, email_locals_r)", "agree-short"),
            ("else", "disagree"),
        ],
    ),
    ("phone", _set_levels("phones")),
    ("device", _set_levels("devices")),
    (
        "name",
        [
            ("given_names_l is null or given_names_r is null", "null"),
            ("full_name_l = full_name_r", "full"),
            ("list_has_any(given_names_l, given_names_r)", "given"),
            ("else", "disagree"),
        ],
    ),
    (
        "username",
        [
            ("username_fold_l is null or username_fold_r is null", "null"),
            (_GIVEN_HANDLE_SQL, "given-handle"),
            ("username_fold_l = username_fold_r and length(username_fold_l) >= 7", "exact-long"),
            ("username_fold_l = username_fold_r", "exact-short"),
            (
                "least(length(username_fold_l), length(username_fold_r)) >= 4 and "
                "(starts_with(username_fold_l, "
                "username_fold_r) or starts_with(username_fold_r, username_fold_l))",
                "prefix",
            ),
            ("jaro_winkler_similarity(username_fold_l, username_fold_r) >= 0.9", "similar"),
            ("else", "disagree"),
        ],
    ),
    (
        "rare_ip",
        [
            ("rare_ips_l is null or rare_ips_r is null", "null"),
            ("list_has_any(ip_days_l, ip_days_r)", "same-day"),
            (
                "list_has_any(rare_ips_l, rare_ips_r) and len(list_intersect(rare_ips_l, rare_ips_r)) >= 2",
                "2+",
            ),
            ("list_has_any(rare_ips_l, rare_ips_r)", "1"),
            ("else", "disagree"),
        ],
    ),
    (
        "country",
        [
            ("country_l is null or country_r is null", "null"),
            ("country_l = country_r", "agree"),
            ("else", "disagree"),
        ],
    ),
]
_FEATURE_COLUMNS = (
    "username_fold", "country", "email_locals", "phones", "devices", "full_name", "given_names", "rare_ips",
    "ip_days",
)  # fmt: skip
_EVIDENCE_NAMES = tuple(name for name, _ in _COMPARISONS)
# The comparisons on (parts of) hard identifiers: their m inside hard groups is biased.
_HARD_FEATURES = frozenset({"email_local", "phone", "device"})
# Hard identifiers that belong to one person: a shared mailbox or payment instrument is never held
# back by the household guard (a phone or a device may be a household's).
_PERSONAL_KINDS = frozenset({"email", "payment"})
# What the model's link needs besides anything else: agreement on something a person uses and few
# others do (a mailbox's local part, a phone, a device, a long identical handle, logins from one rare
# address on the same day). A name, a country and addresses used on different days corroborate such
# evidence but never link on their own: namesakes share a name and a country, and addresses behind
# carrier NAT, offices and VPNs are shared by strangers, so a model that links on them (as weights
# learned from pairs a generator made independent would) merges strangers into large persons.
_IDENTIFYING = frozenset(
    {
        "email_local:agree-long",
        "email_local:agree-short",
        "phone:agree",
        "device:agree",
        "username:exact-long",
        "rare_ip:same-day",
    }
)
# Levels whose evidence another comparison already counts: they carry no weight (m = u).
_NO_WEIGHT = frozenset({("username", "given-handle")})


def _gamma_sql(pairs: str, left: str, right: str) -> str:
    """SQL giving each pair of ``pairs`` (account columns ``left``, ``right``) its level per comparison:
    ``g_<name>`` is 0 for the null level, then 1, 2, ... in the order of ``_COMPARISONS``."""
    columns = ", ".join(f"f1.{c} as {c}_l, f2.{c} as {c}_r" for c in _FEATURE_COLUMNS)
    selects = []
    for name, levels in _COMPARISONS:
        whens = " ".join(f"when {sql} then {i}" for i, (sql, _) in enumerate(levels[:-1]))
        selects.append(f"case {whens} else {len(levels) - 1} end as g_{name}")
    return f"""select {", ".join(selects)} from (
                select {columns} from {pairs} p join features f1 on f1.unique_id = p.{left}
                join features f2 on f2.unique_id = p.{right})"""


def _frequency_u(con: duckdb.DuckDBPyConnection) -> dict[str, dict[int, float]]:
    """u for the levels that are exact agreement on a key, from key frequencies: the chance that two
    random accounts (both with the feature) share a value is the sum over values of C(k, 2) / C(m, 2).
    A random sample never reaches these levels often enough to count them. Keys: level index (from 1)."""

    def pairs(expr: str) -> str:
        return f"coalesce(sum(c * (c - 1) / 2){expr}, 0)::double"

    def holders(column: str) -> float:
        m = int(con.execute(f"select count(*) from features where {column} is not null").fetchall()[0][0])
        return max(m * (m - 1) / 2, 1.0)

    def counted(key_sql: str, columns: str, where: str = "") -> tuple[float, ...]:
        row = con.execute(
            f"select {columns} from (select v, count(*) as c from ({key_sql}) {where} group by v)"
        )
        return tuple(float(x) for x in row.fetchall()[0])

    out: dict[str, dict[int, float]] = {}
    total = holders("email_locals")
    long_, short = counted(
        "select unnest(email_locals) as v from features where email_locals is not null",
        f"{pairs(' filter (where length(v) >= 8)')}, {pairs(' filter (where length(v) < 8)')}",
    )
    out["email_local"] = {1: long_ / total, 2: short / total}
    for name, column in (("phone", "phones"), ("device", "devices")):
        (agree,) = counted(
            f"select unnest({column}) as v from features where {column} is not null", pairs("")
        )
        out[name] = {1: agree / holders(column)}
    total = holders("given_names")
    (full,) = counted("select full_name as v from features where full_name is not null", pairs(""))
    out["name"] = {1: full / total}
    total = holders("username_fold")
    long_, short = counted(
        "select username_fold as v from features where username_fold is not null",
        f"{pairs(' filter (where length(v) >= 7)')}, {pairs(' filter (where length(v) < 7)')}",
    )
    out["username"] = {2: long_ / total, 3: short / total}
    # Rare IP keys are held by at most max_accounts_per_ip accounts, so their pairs can be listed.
    same_day, two, one = con.execute(
        """with x as (select unique_id as a, unnest(rare_ips) as ip from features where rare_ips is not null),
            d as (select unique_id as a, unnest(ip_days) as k from features where ip_days is not null),
            p as (select x1.a, x2.a as b, count(*) as c from x x1 join x x2 on x1.ip = x2.ip and x1.a < x2.a
                  group by all),
            s as (select distinct d1.a, d2.a as b from d d1 join d d2 on d1.k = d2.k and d1.a < d2.a)
        select count(*) filter (where s.a is not null), count(*) filter (where s.a is null and c >= 2),
            count(*) filter (where s.a is null and c = 1)
        from p left join s using (a, b)"""
    ).fetchall()[0]
    total = holders("rare_ips")
    out["rare_ip"] = {1: same_day / total, 2: two / total, 3: one / total}
    return out


def _estimate_u(con: duckdb.DuckDBPyConnection, n: int, config: ResolutionConfig) -> dict[str, list[float]]:
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
    con.register("u_pairs", pa.table({"l": left[keep], "r": right[keep]}))
    con.execute(f"create or replace table u_gamma as {_gamma_sql('u_pairs', 'l', 'r')}")
    exact = _frequency_u(con)
    u: dict[str, list[float]] = {}
    for name, levels in _COMPARISONS:
        counts = dict(con.execute(f"select g_{name}, count(*) from u_gamma group by 1").fetchall())
        total = sum(c for g, c in counts.items() if g != 0)
        sampled = [max(counts.get(i, 0), 0.5) / max(total, 1) for i in range(1, len(levels))]
        fixed = exact.get(name, {})
        values = [max(fixed.get(i, sampled[i - 1]), 1e-12) for i in range(1, len(levels) - 1)]
        values.append(max(1.0 - sum(values), 1e-6))
        u[name] = values
    con.execute("drop table u_gamma")
    return u


def _comparisons(u: dict[str, list[float]]) -> list[Any]:
    """The model's comparisons for Splink, with u fixed; each level's label names it in evidence."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    comparisons: list[Any] = []
    for name, levels in _COMPARISONS:
        built: list[Any] = [
            cll.CustomLevel(levels[0][0], label_for_charts="null").configure(is_null_level=True)
        ]
        for (sql, label), u_level in zip(levels[1:], u[name], strict=True):
            level = cll.ElseLevel() if sql == "else" else cll.CustomLevel(sql, label_for_charts=label)
            built.append(
                level.configure(u_probability=u_level, fix_u_probability=True, label_for_charts=label)
            )
        comparisons.append(cl.CustomComparison(output_column_name=name, comparison_levels=built))
    return comparisons


# ------------------------------------------------------------------------------------ the guard
class _GuardedForest:
    """Union-find over accounts with the household guard (see the module docstring): a merge is held
    back when it would join two groups that look like two members of one household."""

    def __init__(self, given: list[frozenset[str]], personal: list[frozenset[str]], guard: bool) -> None:
        self.parent = list(range(len(given)))
        self.given: list[frozenset[str]] = given
        self.personal: list[frozenset[str]] = personal
        self.guard = guard

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int, strength: str = "soft") -> bool | None:
        """Merge; ``True`` if merged, ``False`` if already one group, ``None`` if the guard refused.

        ``strength`` is the evidence: ``"personal"`` (a shared personal mailbox or payment instrument)
        always merges; ``"shared"`` (a phone or device, which a household may share) is held back only
        when the two groups carry different given names *and* different personal mailboxes, as two
        members of one household do; ``"soft"`` (the model's evidence) is held back when the given
        names disagree."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ga, gb = self.given[ra], self.given[rb]
        if self.guard and strength != "personal" and ga and gb and ga.isdisjoint(gb):
            pa_, pb = self.personal[ra], self.personal[rb]
            if strength == "soft" or (pa_ and pb and pa_.isdisjoint(pb)):
                return None
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra  # the smaller index is the root, so labels need no second pass
        self.given[ra] = self.given[ra] | gb
        self.personal[ra] = self.personal[ra] | self.personal[rb]
        return True

    def labels(self) -> np.ndarray:
        return np.array([self.find(i) for i in range(len(self.parent))], dtype=np.int64)

    def copy(self) -> _GuardedForest:
        twin = _GuardedForest(list(self.given), list(self.personal), self.guard)
        twin.parent = list(self.parent)
        return twin


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

    def cluster(self, threshold: float) -> Resolution:
        forest = self.forest.copy()
        links, held_back = list(self.links), list(self.held_back)
        if self.scored is not None:
            weights = self.scored.column("match_weight").to_numpy()
            keep = int(np.searchsorted(-weights, -threshold, side="right"))  # weights are descending
            table = self.scored.slice(0, keep)
            columns = [table.column(c).to_pylist() for c in table.column_names]
            for a, b, weight, probability, *levels in zip(*columns, strict=True):
                evidence = tuple(
                    f"{name}:{lv}" for name, lv in zip(_EVIDENCE_NAMES, levels, strict=True) if lv
                )
                if _IDENTIFYING.isdisjoint(evidence):
                    continue  # corroborating evidence alone is not an identity
                outcome = forest.union(a, b)
                if outcome is False:
                    continue
                link = Link(a, b, PROBABILISTIC, evidence, round(float(weight), 3), float(probability))
                (links if outcome else held_back).append(link)
        return Resolution(
            labels=forest.labels(),
            links=links,
            held_back=held_back,
            excluded_keys=self.excluded_keys,
            shared_ips=self.shared_ips,
            candidates=self.candidates,
        )


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
) -> Resolution:
    """Resolve accounts to persons (see the module docstring for the contract and the method)."""
    config = config or ResolutionConfig()
    return _prepare(accounts, identifiers, ip_events, config, config.threshold).cluster(config.threshold)


def resolve_at_thresholds(
    accounts: pa.Table,
    identifiers: pa.Table,
    ip_events: pa.Table,
    thresholds: list[float],
    *,
    config: ResolutionConfig | None = None,
) -> tuple[pa.Table, dict[float, Resolution]]:
    """Score once, cluster at each threshold: the scored candidate pairs (``a``, ``b``,
    ``match_weight``) and a resolution per threshold. For choosing the threshold on labelled data."""
    config = config or ResolutionConfig()
    prepared = _prepare(accounts, identifiers, ip_events, config, min(thresholds))
    scored = prepared.scored
    pairs = (
        scored.select(["a", "b", "match_weight"])
        if scored is not None
        else pa.table({"a": pa.array([], pa.int64()), "b": pa.array([], pa.int64()), "match_weight": []})
    )
    return pairs, {t: prepared.cluster(t) for t in thresholds}


def _prepare(
    accounts: pa.Table, identifiers: pa.Table, ip_events: pa.Table, config: ResolutionConfig, floor: float
) -> _Scored:
    _check(accounts, identifiers, ip_events)
    n = accounts.num_rows
    # 1. Hard identifiers.
    hard = resolve_hard(
        n,
        (
            (a, k, v)
            for a, k, v in zip(
                identifiers.column("account").to_pylist(),
                identifiers.column("kind").to_pylist(),
                identifiers.column("value").to_pylist(),
                strict=True,
            )
            if k in HARD_KINDS and v
        ),
        max_accounts_per_key=config.max_accounts_per_key,
    )
    con = duckdb.connect()
    try:
        if config.threads:
            con.execute(f"set threads = {int(config.threads)}")
        con.register(
            "acc_in",
            pa.table(
                {
                    "unique_id": pa.array(np.arange(n, dtype=np.int64)),
                    "username": accounts.column("username").cast(pa.string()),
                    "display_name": accounts.column("display_name").cast(pa.string()),
                    "stated_country": accounts.column("stated_country").cast(pa.string()),
                }
            ),
        )
        con.register("identifiers", identifiers.select(["account", "kind", "value"]))
        con.register("ip_events", ip_events.select(["account", "ip", "timestamp"]))
        fold = _FOLD_SQL.format(col="coalesce(username, '')")
        con.execute(
            f"""create table acc as select unique_id,
                case when length({fold}) >= 3 then {fold} end as username_fold,
                coalesce({_NAME_SQL.format(col="display_name")}, '') as display_norm,
                nullif(upper(trim(stated_country)), '') as country
            from acc_in"""
        )
        con.execute(
            _FEATURES_SQL.replace("$max_ip", str(int(config.max_accounts_per_ip))).replace(
                "$max_cc", str(int(config.max_countries_per_ip))
            )
        )
        row = con.execute(
            f"""select count(*) from (select ip from ip_events e join acc a on a.unique_id = e.account
                group by ip having count(distinct account) > {int(config.max_accounts_per_ip)}
                    or count(distinct country) > {int(config.max_countries_per_ip)})"""
        ).fetchall()
        shared_ips = int(row[0][0])
        given_col = con.sql("select given_names from features order by unique_id").to_arrow_table().column(0)
        given = [frozenset(g) if g else frozenset() for g in given_col.to_pylist()]

        # 2. Replay the hard merges through the household guard.
        personal_sets: list[set[str]] = [set() for _ in range(n)]
        for a, k, v in zip(
            identifiers.column("account").to_pylist(),
            identifiers.column("kind").to_pylist(),
            identifiers.column("value").to_pylist(),
            strict=True,
        ):
            if k == "email" and v:
                personal_sets[a].add(v)
        forest = _GuardedForest(given, [frozenset(p) for p in personal_sets], config.household_guard)
        links: list[Link] = []
        held_back: list[Link] = []
        for a, b, kind, value in hard.links:
            link = Link(a, b, HARD, (f"{kind}:{value}",))
            outcome = forest.union(a, b, "personal" if kind in _PERSONAL_KINDS else "shared")
            if outcome:
                links.append(link)
            elif outcome is None:
                held_back.append(link)
        hard_labels = forest.labels()
        con.register(
            "hard_labels", pa.table({"unique_id": np.arange(n, dtype=np.int64), "hard": hard_labels})
        )
        con.execute(
            "update features set hard = h.hard from hard_labels h where h.unique_id = features.unique_id"
        )

        # 3. Candidates and their scores.
        con.execute(_CANDIDATES_SQL.replace("$max_block", str(int(config.max_block))))
        n_candidates = int(con.execute("select count(*) from candidates").fetchall()[0][0])
        scored = _score(con, hard_labels, config, floor) if n_candidates else None
    finally:
        con.close()
    return _Scored(forest, links, held_back, hard.excluded_keys, shared_ips, n_candidates, scored)


def _score(
    con: duckdb.DuckDBPyConnection, hard_labels: np.ndarray, config: ResolutionConfig, floor: float
) -> pa.Table:
    """Score the candidate pairs with Splink; rows (a, b, weight, probability, evidence levels...) at
    or above the threshold, strongest first."""
    from splink import DuckDBAPI, Linker, SettingsCreator

    n = len(hard_labels)
    sizes = np.bincount(hard_labels, minlength=n).astype(np.float64)
    within = float((sizes * (sizes - 1) / 2).sum())
    prior = min(0.5, max(within, 1.0) / max(n * (n - 1) / 2, 1.0))
    db_api = DuckDBAPI(connection=con)
    features = db_api.register("features", table_name="tiaki_features")
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        probability_two_random_records_match=prior,
        comparisons=_comparisons(_estimate_u(con, n, config)),
        blocking_rules_to_generate_predictions=[],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=True,
    )
    linker = Linker(features, settings, log_level=None)
    linker.training.estimate_m_from_label_column("hard")
    # The hard groups are matches *because* they share an e-mail, phone or device, and candidate pairs
    # are pairs the hard step did not join: among them a match shares none (or the guard held it back),
    # and an agreement mostly marks a household. The hard-group m for these comparisons would make any
    # disagreement damning; they are set to carry no weight (m = u) and serve for blocking only.
    for comparison in linker._settings_obj.comparisons:
        for level in comparison.comparison_levels:
            if not level.is_null_level and (
                comparison.output_column_name in _HARD_FEATURES
                or (comparison.output_column_name, level.label_for_charts) in _NO_WEIGHT
            ):
                level.m_probability = level.u_probability
    blocked = db_api.register("candidates", table_name="tiaki_candidates")
    linker.table_management.register_blocked_pairs_for_predict(blocked)
    threshold = floor if math.isfinite(floor) else None
    predictions = linker.inference.predict(threshold_match_weight=threshold, warning_mode="never")
    labels = []
    for comparison in linker._settings_obj.comparisons:  # the label of each agreeing level, by its weight
        mw = f"mw_{comparison.output_column_name}"
        cases = " ".join(
            f"when abs({mw} - ({float(level._match_weight)!r})) < 1e-9 then '{level.label_for_charts}'"
            for level in comparison.comparison_levels
            if not level.is_null_level and level._match_weight is not None and level._match_weight > 0
        )
        labels.append(f"case {cases} end" if cases else "null")
    columns = ", ".join(f"{expr} as e{i}" for i, expr in enumerate(labels))
    return con.sql(
        f"""select unique_id_l as a, unique_id_r as b, match_weight, match_probability, {columns}
            from {predictions.physical_name} order by match_weight desc, a, b"""
    ).to_arrow_table()
