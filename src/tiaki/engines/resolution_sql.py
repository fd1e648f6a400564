"""The resolution model's SQL, in DuckDB's dialect, and the DuckDB backend that runs it.

Everything :mod:`tiaki.engines.resolution` asks of a database is here: the feature table, blocking,
the comparison levels, the key frequencies behind ``u``, the pairs behind ``m``, and the connection
Splink scores on. The model itself (the household guard, the parameters, clustering, the evidence)
stays in :mod:`tiaki.engines.resolution` and never imports DuckDB. To run the same model on another
engine (Spark, for operations beyond one machine), write a sibling of this module with the same names
in that engine's dialect and a backend with the same methods, and pass the backend to
:func:`tiaki.engines.resolution.resolve`.

The backend is given by the caller, who owns the connection: the engine creates its tables under the
``res_`` prefix and drops them when it is done (Splink keeps its own ``__splink__`` tables).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

import duckdb
import pyarrow as pa

# The tables the engine creates and drops (inputs registered as views, then built tables).
VIEWS = ("res_acc_in", "res_identifiers", "res_ip_events", "res_hard_labels", "res_u_pairs")
TABLES = (
    "res_acc", "res_features", "res_keys", "res_candidate_kinds", "res_candidates", "res_u_gamma",
    "res_m_gamma",
)  # fmt: skip


class DuckDBBackend:
    """A DuckDB connection, the caller's, as the resolution engine uses it."""

    dialect = "duckdb"

    def __init__(self, connection: duckdb.DuckDBPyConnection, *, threads: int | None = None) -> None:
        self.connection = connection
        if threads:
            connection.execute(f"set threads = {int(threads)}")

    @classmethod
    def in_memory(cls, *, threads: int | None = None) -> DuckDBBackend:
        """A backend on a new in-memory database (close it with :meth:`close`)."""
        return cls(duckdb.connect(), threads=threads)

    @property
    def sql(self) -> ModuleType:
        """The dialect: this module."""
        return sys.modules[__name__]

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> DuckDBBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def register(self, name: str, table: pa.Table) -> None:
        self.connection.register(name, table)

    def execute(self, sql: str) -> None:
        self.connection.execute(sql)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql).fetchall()

    def arrow(self, sql: str) -> pa.Table:
        return self.connection.sql(sql).to_arrow_table()

    def splink_api(self) -> Any:
        """Splink's database API on this connection."""
        from splink import DuckDBAPI

        return DuckDBAPI(connection=self.connection)

    def drop_own(self) -> None:
        """Drop the tables and views the engine made on the caller's connection."""
        for name in VIEWS:
            self.connection.execute(f"drop view if exists {name}")
        for name in TABLES:
            self.connection.execute(f"drop table if exists {name}")


# --------------------------------------------------------------------------------------- features
# The SQL twin of fold_username, so that millions of handles are folded inside the database; a test
# checks that both agree. (Display names are normalised in Python, by identifiers.normalise_name, the
# rule recorded names follow.)
FOLD = """regexp_replace(translate(regexp_replace(regexp_replace(strip_accents(lower({col})),
    '[._\\-'' \\t]', '', 'g'), '^[0-9]+|[0-9]+$', '', 'g'), '0134578$@!|', 'oleastbsail'),
    '[^0-9a-z]', '', 'g')"""
FEATURES = """
create or replace table res_features as
with ips as (
    select e.account, e.ip, e.timestamp // 86400 as day, a.country
    from res_ip_events e join res_acc a on a.unique_id = e.account
),
ip_stats as (select ip, count(distinct account) as n, count(distinct country) as ncc from ips group by ip),
rare as (
    select ips.* from ips join ip_stats using (ip) where ip_stats.n <= $max_ip and ip_stats.ncc <= $max_cc
),
ri as (select account, list(distinct ip order by ip) as rare_ips from rare group by account),
-- What two accounts share of rare IPs, listed once per pair, by the account of the two with fewer
-- partners (the lower id on a tie): the other, coded partner * 4 + 3 (on one day), 2 (two or more
-- addresses, never on one day) or 1 (one address). A pair is judged from these codes, never from both
-- accounts' lists of addresses and days, which an account on a thousand addresses for years would
-- carry into every pair it is in; listed by the account with fewer partners, a list holds at most
-- the square root of twice the number of pairs, however many partners an account has. Each address
-- has at most $max_ip holders, so the pairs stay few; each is worked out once (the lower id first).
rare_ip as (select distinct account, ip from rare),
rare_day as (select distinct account, ip, day from rare),
ip_shared as (
    select x.account as a, y.account as b, count(*) as shared
    from rare_ip x join rare_ip y on x.ip = y.ip and x.account < y.account group by all
),
ip_same_day as (
    select distinct x.account as a, y.account as b
    from rare_day x join rare_day y on x.ip = y.ip and x.day = y.day and x.account < y.account
),
ip_partners as (
    select account, count(*) as n from (select a as account from ip_shared union all select b from ip_shared)
    group by account
),
ipl as (
    select if(pa.n <= pb.n, s.a, s.b) as account,
        list(if(pa.n <= pb.n, s.b, s.a) * 4
                + case when d.a is not null then 3 when s.shared >= 2 then 2 else 1 end
             order by if(pa.n <= pb.n, s.b, s.a)) as ip_links
    from ip_shared s join ip_partners pa on pa.account = s.a join ip_partners pb on pb.account = s.b
        left join ip_same_day d on d.a = s.a and d.b = s.b
    group by all
),
em as (
    select account, list(distinct local order by local) as email_locals from (
        select account, regexp_replace(regexp_replace(lower(split_part(value, '@', 1)), '[^a-z0-9]', '', 'g'),
                                       '[0-9]+$', '') as local
        from res_identifiers where kind = 'email'
    ) where length(local) >= 3 group by account
),
ph as (select account, list(distinct value order by value) as phones from res_identifiers
       where kind = 'phone' group by account),
dv as (select account, list(distinct value order by value) as devices from res_identifiers
       where kind = 'device' group by account),
db as (select account, list(distinct value order by value) as dobs from res_identifiers
       where kind = 'dob' and value <> '' group by account),
ad as (
    select account, list(distinct address order by address) as addresses from (
        select account,
            -- letters and digits of every script (RE2's \\w is ASCII only: "улица Ленина 5" would be "5")
            trim(regexp_replace(
                regexp_replace(lower(value), '[^\\p{L}\\p{M}\\p{N}\\s]', ' ', 'g'), '\\s+', ' ', 'g'))
            as address
        from res_identifiers where kind = 'address'
    ) where address <> '' group by account
),
names as (
    -- "brown, mary" (written surname first, identifiers.normalise_name) is compared as "mary brown"
    select account, case when contains(name, ', ')
        then substr(name, strpos(name, ', ') + 2) || ' ' || split_part(name, ', ', 1)
        else name end as full_name
    from (
        select account, value as name from res_identifiers where kind = 'name' and value <> ''
        union all
        select unique_id, display_norm from res_acc where display_norm <> ''
    )
),
nm as (
    select account, min(full_name) filter (where full_name like '% %') as full_name,
        list(distinct split_part(full_name, ' ', 1) order by 1) as given_names
    from names group by account
),
nw as (
    select account, list(distinct w order by w) as name_words
    from (select account, unnest(string_split(full_name, ' ')) as w from names) where length(w) >= 3
    group by account
)
select a.unique_id, a.username_fold, a.country, em.email_locals, ph.phones, dv.devices, nm.full_name,
    nm.given_names, nw.name_words, ri.rare_ips, len(ri.rare_ips) as rare_ip_count, ipl.ip_links, db.dobs,
    list_filter(db.dobs, lambda d: not ends_with(d, '-01-01'))[1] as dob,
    ad.addresses, 0::bigint as hard
from res_acc a
    left join em on em.account = a.unique_id left join ph on ph.account = a.unique_id
    left join dv on dv.account = a.unique_id left join nm on nm.account = a.unique_id
    left join db on db.account = a.unique_id left join ad on ad.account = a.unique_id
    left join nw on nw.account = a.unique_id left join ri on ri.account = a.unique_id
    left join ipl on ipl.account = a.unique_id
order by a.unique_id
"""

# The blocking keys: the prefix of each kind in res_keys, the feature column its values come from
# (whether a list), and the comparison whose agreement sharing such a key is.
KEY_KINDS = (
    ("ip", "rare_ips", True, "rare_ip"), ("ph", "phones", True, "phone"), ("dv", "devices", True, "device"),
    ("em", "email_locals", True, "email_local"), ("un", "username_fold", False, "username"),
    ("fn", "full_name", False, "name"), ("db", "dobs", True, "dob"), ("ad", "addresses", True, "address"),
)  # fmt: skip
# Each kind of blocking key (its prefix in res_keys) and the comparison whose agreement it is.
BLOCKING_KEYS = {prefix: comparison for prefix, _, _, comparison in KEY_KINDS}
KEYS = "create or replace table res_keys as\n    " + "\n    union all ".join(
    f"select unique_id as account, '{prefix}:' || {f'unnest({column})' if many else column} as key "
    f"from res_features where {column} is not null"
    for prefix, column, many, _ in KEY_KINDS
)
CANDIDATES = """
create or replace table res_candidate_kinds as
with usable as (
    select key, account from res_keys
    where key in (select key from res_keys group by key having count(*) between 2 and $max_block)
)
select distinct k1.account as l, k2.account as r, split_part(k1.key, ':', 1) as kind
from usable k1 join usable k2 on k1.key = k2.key and k1.account < k2.account
    join res_features f1 on f1.unique_id = k1.account join res_features f2 on f2.unique_id = k2.account
where f1.hard <> f2.hard;
create or replace table res_candidates as
select distinct 0 as match_key, l as join_key_l, r as join_key_r from res_candidate_kinds;
"""


def _ip_link(code: int) -> str:
    """The pair is listed in ``ip_links`` with ``code`` (see ``FEATURES``)."""
    return (
        f"list_contains(ip_links_l, unique_id_r * 4 + {code}) "
        f"or list_contains(ip_links_r, unique_id_l * 4 + {code})"
    )


# Handles spelled from a name (``kari``, ``kari88``, ``ursulabeck``): two people called Kari, or two
# Ursula Becks, tend to pick the same handle, so agreeing handles that both hold a word of either
# account's name repeat the name's evidence.
NAME_HANDLE = (
    "least(length(username_fold_l), length(username_fold_r)) >= 3 and (starts_with(username_fold_l, "
    "username_fold_r) or starts_with(username_fold_r, username_fold_l)) and len(list_filter(list_concat("
    "coalesce(name_words_l, []), coalesce(name_words_r, [])), lambda w: contains(username_fold_l, w) and "
    "contains(username_fold_r, w))) > 0"
)


def _any_pair(column: str, condition: str) -> str:
    """Some value of the left list and some of the right meet ``condition`` (on ``x`` and ``y``)."""
    return (
        f"len(list_filter({column}_l, lambda x: len(list_filter({column}_r, lambda y: {condition})) > 0)) > 0"
    )


def _set_levels(column: str) -> list[tuple[str, str]]:
    return [
        (f"{column}_l is null or {column}_r is null", "null"),
        (f"list_has_any({column}_l, {column}_r)", "agree"),
        ("else", "disagree"),
    ]


# (name in evidence, [(SQL condition, label)]): the first level is the null level, the last "else".
COMPARISONS: list[tuple[str, list[tuple[str, str]]]] = [
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
            # one full name mistyped: two characters apart at most, in names of 8 to 64 characters
            (
                "least(length(full_name_l), length(full_name_r)) >= 8 "
                "and greatest(length(full_name_l), length(full_name_r)) <= 64 "
                "and abs(length(full_name_l) - length(full_name_r)) <= 2 "
                "and damerau_levenshtein(full_name_l, full_name_r) <= 2",
                "similar",
            ),
            ("else", "disagree"),
        ],
    ),
    (
        "username",
        [
            ("username_fold_l is null or username_fold_r is null", "null"),
            (NAME_HANDLE, "name-handle"),
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
            ("rare_ip_count_l is null or rare_ip_count_r is null", "null"),
            # The codes of ip_links (see FEATURES), held by either account of the pair.
            (_ip_link(3), "same-day"),
            (_ip_link(2), "2+"),
            (_ip_link(1), "1"),
            ("else", "disagree"),
        ],
    ),
    (
        "dob",
        [
            ("dobs_l is null or dobs_r is null", "null"),
            (
                "len(list_filter(list_intersect(dobs_l, dobs_r), lambda x: not ends_with(x, '-01-01'))) > 0",
                "exact",
            ),
            # 1 January: what forms default to and registries write when only the year is known.
            ("list_has_any(dobs_l, dobs_r)", "1-january"),
            # One date written wrongly: a digit of the day or month mistyped or two swapped in one year;
            # day and month exchanged; the year one off, or one digit of it mistyped (less than ten
            # years apart: a generation is twenty or more), on one day of the year.
            (
                _any_pair(
                    "dobs",
                    "regexp_full_match(x, '[0-9]{4}-[0-9]{2}-[0-9]{2}') "
                    "and regexp_full_match(y, '[0-9]{4}-[0-9]{2}-[0-9]{2}') "
                    "and not ends_with(x, '-01-01') and not ends_with(y, '-01-01') and ("
                    "(left(x, 4) = left(y, 4) and (damerau_levenshtein(x, y) <= 1"
                    " or (substr(x, 6, 2) = substr(y, 9, 2) and substr(x, 9, 2) = substr(y, 6, 2))))"
                    " or (right(x, 5) = right(y, 5)"
                    " and abs(try_cast(left(x, 4) as integer) - try_cast(left(y, 4) as integer)) < 10"
                    " and (damerau_levenshtein(x, y) <= 1"
                    " or abs(try_cast(left(x, 4) as integer) - try_cast(left(y, 4) as integer)) = 1)))",
                ),
                "close",
            ),
            ("else", "disagree"),
        ],
    ),
    (
        "address",
        [
            ("addresses_l is null or addresses_r is null", "null"),
            ("list_has_any(addresses_l, addresses_r)", "exact"),
            (_any_pair("addresses", "jaro_winkler_similarity(x, y) >= 0.9"), "similar"),
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
# The feature column whose absence on either side puts a pair in a comparison's null level.
NULL_COLUMN = {name: levels[0][0].split("_l is null")[0] for name, levels in COMPARISONS}
# The feature columns a comparison reads (as <column>_l and <column>_r).
FEATURE_COLUMNS = (
    "username_fold", "country", "email_locals", "phones", "devices", "full_name", "given_names", "name_words",
    "rare_ip_count", "ip_links", "unique_id", "dobs", "addresses",
)  # fmt: skip


def accounts_sql() -> str:
    """``res_acc``: each account's folded handle, normalised display name (given in ``res_acc_in``) and
    stated country."""
    fold = FOLD.format(col="coalesce(username, '')")
    return f"""create or replace table res_acc as select unique_id,
        case when length({fold}) >= 3 then {fold} end as username_fold,
        coalesce(display_norm, '') as display_norm,
        nullif(upper(trim(stated_country)), '') as country
    from res_acc_in"""


def features_sql(max_accounts_per_ip: int, max_countries_per_ip: int) -> str:
    return FEATURES.replace("$max_ip", str(int(max_accounts_per_ip))).replace(
        "$max_cc", str(int(max_countries_per_ip))
    )


def shared_ips_sql(max_accounts_per_ip: int, max_countries_per_ip: int) -> str:
    """How many IP keys are shared infrastructure (too many accounts or countries)."""
    return f"""select count(*) from (select ip from res_ip_events e join res_acc a on a.unique_id = e.account
        group by ip having count(distinct account) > {int(max_accounts_per_ip)}
            or count(distinct country) > {int(max_countries_per_ip)})"""


SET_HARD = (
    "update res_features set hard = h.hard from res_hard_labels h where h.unique_id = res_features.unique_id"
)
COUNT_CANDIDATES = "select count(*) from res_candidates"
# Every account's postal addresses as the address comparison reads them (normalised in ``ad`` above).
ADDRESSES = "select unique_id, addresses from res_features where addresses is not null"


def candidates_sql(max_block: int) -> str:
    """``res_keys`` (every account's blocking keys), ``res_candidates`` (pairs sharing a key held by
    at most ``max_block`` accounts, in different hard groups) and ``res_candidate_kinds`` (each such
    pair with each kind of key that made it)."""
    return KEYS + ";\n" + CANDIDATES.replace("$max_block", str(int(max_block)))


def gamma_sql(pairs: str, left: str, right: str) -> str:
    """SQL giving each pair of ``pairs`` (account columns ``left``, ``right``) its level per comparison:
    ``g_<name>`` is 0 for the null level, then 1, 2, ... in the order of ``COMPARISONS``."""
    columns = ", ".join(f"f1.{c} as {c}_l, f2.{c} as {c}_r" for c in FEATURE_COLUMNS)
    selects = []
    for name, levels in COMPARISONS:
        whens = " ".join(f"when {sql} then {i}" for i, (sql, _) in enumerate(levels[:-1]))
        selects.append(f"case {whens} else {len(levels) - 1} end as g_{name}")
    return f"""select {", ".join(selects)} from (
                select {columns} from {pairs} p join res_features f1 on f1.unique_id = p.{left}
                join res_features f2 on f2.unique_id = p.{right})"""


def sampled_levels_sql() -> str:
    """``res_u_gamma``: the levels of the random pairs in ``res_u_pairs`` (columns ``l``, ``r``)."""
    return f"create or replace table res_u_gamma as {gamma_sql('res_u_pairs', 'l', 'r')}"


def hard_group_levels_sql() -> str:
    """``res_m_gamma``: the levels of every pair of accounts inside one hard group."""
    pairs = """(select f1.unique_id as l, f2.unique_id as r from res_features f1 join res_features f2
                on f1.hard = f2.hard and f1.unique_id < f2.unique_id)"""
    return f"create or replace table res_m_gamma as {gamma_sql(pairs, 'l', 'r')}"


def blocked_patterns_sql(kind: str) -> str:
    """The comparison vectors of the candidate pairs that a key of ``kind`` (a key of
    ``BLOCKING_KEYS``) made: one row per distinct combination of levels (``g_<name>`` in
    ``COMPARISONS`` order) and, last, how many such pairs have it."""
    names = ", ".join(f"g_{name}" for name, _ in COMPARISONS)
    prefix = kind.replace("'", "")
    pairs = f"(select l, r from res_candidate_kinds where kind = '{prefix}')"
    return f"select {names}, count(*) from ({gamma_sql(pairs, 'l', 'r')}) group by all order by all"


def level_counts_sql(table: str, name: str) -> str:
    """Pairs per level of comparison ``name`` in ``table`` (``res_u_gamma`` or ``res_m_gamma``)."""
    return f"select g_{name}, count(*) from {table} group by 1"


def holders_sql(column: str) -> str:
    return f"select count(*) from res_features where {column} is not null"


def _pairs(expr: str) -> str:
    return f"coalesce(sum(c * (c - 1) / 2){expr}, 0)::double"


def _counted(key_sql: str, columns: str) -> str:
    return f"select {columns} from (select v, count(*) as c from ({key_sql}) group by v)"


# Pairs of accounts sharing a value, by level of exact agreement: (comparison, holders' column, SQL
# giving one row of counts, the level index of each count). See resolution._frequency_u.
SHARED_VALUE_PAIRS: tuple[tuple[str, str, str, tuple[int, ...]], ...] = (
    (
        "email_local",
        "email_locals",
        _counted(
            "select unnest(email_locals) as v from res_features where email_locals is not null",
            f"{_pairs(' filter (where length(v) >= 8)')}, {_pairs(' filter (where length(v) < 8)')}",
        ),
        (1, 2),
    ),
    (
        "phone",
        "phones",
        _counted("select unnest(phones) as v from res_features where phones is not null", _pairs("")),
        (1,),
    ),
    (
        "device",
        "devices",
        _counted("select unnest(devices) as v from res_features where devices is not null", _pairs("")),
        (1,),
    ),
    (
        "name",
        "given_names",
        _counted("select full_name as v from res_features where full_name is not null", _pairs("")),
        (1,),
    ),
    (
        "username",
        "username_fold",
        _counted(
            "select username_fold as v from res_features where username_fold is not null",
            f"{_pairs(' filter (where length(v) >= 7)')}, {_pairs(' filter (where length(v) < 7)')}",
        ),
        (2, 3),
    ),
    (
        "dob",
        "dobs",
        _counted(
            "select unnest(dobs) as v from res_features where dobs is not null",
            _pairs(" filter (where not ends_with(v, '-01-01'))")
            + ", "
            + _pairs(" filter (where ends_with(v, '-01-01'))"),
        ),
        (1, 2),
    ),
    (
        "address",
        "addresses",
        _counted("select unnest(addresses) as v from res_features where addresses is not null", _pairs("")),
        (1,),
    ),
    # Rare IP keys are held by at most max_accounts_per_ip accounts, so their pairs can be listed.
    (
        "rare_ip",
        "rare_ips",
        """select count(*) filter (where v % 4 = 3), count(*) filter (where v % 4 = 2),
            count(*) filter (where v % 4 = 1)
        from (select unnest(ip_links) as v from res_features where ip_links is not null)""",
        (1, 2, 3),
    ),
)


def scored_sql(predictions: str, names: list[str], levels: list[int], adjusted: frozenset[str]) -> str:
    """The scored pairs, strongest first: ``a``, ``b``, ``match_weight``, ``match_probability`` and, per
    comparison ``i``, ``e<i>``: the index of its level (from 1, in ``COMPARISONS`` order) when that
    level weighs for the match, else null. Read from the columns Splink's prediction returns (with
    matching and intermediate columns retained): ``gamma_<name>``, the level (-1 for the null level,
    then the highest value for the first level down to 0 for the last), and ``mw_<name>``, its match
    weight, plus ``mw_tf_adj_<name>`` for the comparisons in ``adjusted`` (those with a
    term-frequency adjustment: a very common value shared can weigh against the match)."""

    def weight(name: str) -> str:
        return f"mw_{name} + coalesce(mw_tf_adj_{name}, 0)" if name in adjusted else f"mw_{name}"

    columns = ", ".join(
        f"case when gamma_{name} >= 0 and {weight(name)} > 0 then {count - 1} - gamma_{name} end as e{i}"
        for i, (name, count) in enumerate(zip(names, levels, strict=True))
    )
    return f"""select unique_id_l as a, unique_id_r as b, match_weight, match_probability, {columns}
        from {predictions} order by match_weight desc, a, b"""
