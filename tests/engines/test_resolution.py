import importlib.util
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from tiaki.engines.evaluation import score_clustering
from tiaki.engines.identifiers import HARD_KINDS, given_first, normalise_identifier
from tiaki.engines.linkage import resolve_hard
from tiaki.engines.resolution import HARD, PROBABILISTIC, ResolutionConfig, fold_username, ip_key, resolve
from tiaki.synth import generate

BENCH = Path(__file__).resolve().parents[2] / "bench" / "resolution.py"


def _load_operation(out: Path) -> dict[str, pa.Table]:
    spec = importlib.util.spec_from_file_location("bench_resolution", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load_operation(out / "bundle", out / "truth")  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def operation(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pa.Table]:
    out = tmp_path_factory.mktemp("synth") / "op"
    generate(out, accounts=400, seed=3)
    return _load_operation(out)


def test_fold_username() -> None:
    assert fold_username("Kari_Mo88") == fold_username("kari.mo") == "karimo"
    assert fold_username("1karimo") == "karimo"
    assert fold_username("k4r!mo") == "karimo"  # look-alikes inside the handle
    assert fold_username("k4r1m0") == "karlm"  # a trailing digit is an affix, not a look-alike
    assert fold_username("Kärï-Mo") == "karimo"
    assert fold_username("a1") is None
    assert fold_username("") is None


def test_ip_key() -> None:
    assert ip_key("192.0.2.7") == "192.0.2.7"
    assert ip_key("2001:db8:1:2:aaaa::1") == ip_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert ip_key("not an ip") is None


def test_ours_at_least_as_good_as_union_find(operation: dict[str, pa.Table]) -> None:
    truth = operation["persons"].column("person_id").to_numpy(zero_copy_only=False)
    ids = operation["identifiers"]
    keys = zip(
        ids.column("account").to_pylist(),
        ids.column("kind").to_pylist(),
        ids.column("value").to_pylist(),
        strict=True,
    )
    baseline = resolve_hard(len(truth), ((a, k, v) for a, k, v in keys if k in HARD_KINDS))
    ours = resolve(operation["accounts"], operation["identifiers"], operation["ip_events"])
    assert (
        score_clustering(truth, ours.labels).bcubed_f1 >= score_clustering(truth, baseline.labels).bcubed_f1
    )
    # every link carries evidence; hard links name the value, probabilistic ones their weight
    assert ours.links
    for link in ours.links:
        assert link.evidence
        assert link.method in (HARD, PROBABILISTIC)
        assert (link.match_weight is None) == (link.method == HARD)
        assert ours.labels[link.a] == ours.labels[link.b]
    # each person is a spanning tree of its links
    assert len(ours.links) == len(truth) - ours.n_persons
    some = next(link for link in ours.links)
    assert some in ours.explain(some.b)
    assert some.a in ours.accounts_of(some.b)


def test_deterministic(operation: dict[str, pa.Table]) -> None:
    first = resolve(operation["accounts"], operation["identifiers"], operation["ip_events"])
    second = resolve(operation["accounts"], operation["identifiers"], operation["ip_events"])
    assert np.array_equal(first.labels, second.labels)
    assert first.links == second.links


def test_household_guard_holds_back_a_shared_phone() -> None:
    accounts = pa.table(
        {
            "username": ["karimo", "karimo_2", "ritoven", "xq81kz"],
            "display_name": ["Kari Mo", "Kari", "Rito Ven", ""],
            "stated_country": ["NZ", "NZ", "NZ", ""],
        }
    )
    identifiers = pa.table(
        {
            "account": [0, 1, 0, 2, 3, 2],
            "kind": ["email", "email", "phone", "phone", "email", "email"],
            "value": [
                "kari@example.com",
                "kari@example.com",
                "+64211234567",
                "+64211234567",
                "zz@example.org",
                "rito@example.net",
            ],
        }
    )
    ip_events = pa.table(
        {
            "account": pa.array([], pa.int64()),
            "ip": pa.array([], pa.string()),
            "timestamp": pa.array([], pa.int64()),
        }
    )
    result = resolve(accounts, identifiers, ip_events)
    assert result.labels[0] == result.labels[1]
    # A household: one phone, different given names and different personal mailboxes.
    assert result.labels[2] != result.labels[0]
    assert any(link.evidence == ("phone:+64211234567",) for link in result.held_back)


def test_rejects_bad_input() -> None:
    accounts = pa.table({"username": ["a"], "display_name": [""], "stated_country": [""]})
    ids = pa.table({"account": [3], "kind": ["email"], "value": ["a@b.c"]})
    events = pa.table(
        {
            "account": pa.array([], pa.int64()),
            "ip": pa.array([], pa.string()),
            "timestamp": pa.array([], pa.int64()),
        }
    )
    with pytest.raises(IndexError):
        resolve(accounts, ids, events)
    with pytest.raises(ValueError):
        resolve(accounts.drop(["username"]), ids, events)


def test_sql_fold_agrees_with_python() -> None:
    import duckdb

    from tiaki.engines.resolution_sql import FOLD

    handles = ["Kari_Mo88", "k4r!mo", "1karimo", "Kärï-Mo", "b3n.t0r", "x", "R1T0_V3N_1999", "a$h@x|"]
    con = duckdb.connect()
    rows = con.execute(f"select {FOLD.format(col='h')} from unnest(?) t(h)", [handles]).fetchall()
    sql = [r[0] if len(r[0]) >= 3 else None for r in rows]
    assert sql == [fold_username(h) for h in handles]


def test_sql_name_order_agrees_with_python() -> None:
    """The model compares a name written surname first in the order it is spoken, as records checks
    and search do (``given_first``; its SQL twin is in ``FEATURES``)."""
    import duckdb

    from tiaki.engines import resolution_sql

    names = ["brown, mary ann", "mary brown", "wang, na", "o, x", "plain", "a, b, c", "brown, "]
    expression = resolution_sql.FEATURES.split("select account, case when", 1)[1].split(" as full_name", 1)[0]
    con = duckdb.connect()
    rows = con.execute(f"select case when {expression} from unnest(?) t(name)", [names]).fetchall()
    assert [r[0] for r in rows] == [given_first(x) for x in names]


def test_name_handle_level() -> None:
    """A handle spelled from a name (``kari88``, ``ursulabeck``) repeats the name's evidence: agreeing
    handles that both hold a word of either account's name get their own username level, which carries
    no weight."""
    import duckdb

    from tiaki.engines.resolution import _NO_WEIGHT
    from tiaki.engines.resolution_sql import NAME_HANDLE

    rows = [
        # (username_l, username_r, name_words_l, name_words_r)
        ("kari", "kari", ["kari", "mo"], ["kari", "ven"]),  # a given name both carry
        ("karim", "kari", ["kari"], None),  # a prefix, still spelled from "kari"; one side has no name
        ("ursulabeck", "ursulabeck", ["beck", "ursula"], ["beck", "ursula"]),  # the whole name
        ("karimo", "karimo", ["rito"], ["rito"]),  # not spelled from a name
        ("kari", "kari", None, None),  # no names at all
        ("karimo", "ritoven", ["kari"], ["kari"]),  # handles disagree
    ]
    con = duckdb.connect()
    con.execute(
        "create table p (username_fold_l varchar, username_fold_r varchar, name_words_l varchar[], "
        "name_words_r varchar[])"
    )
    con.executemany("insert into p values (?, ?, ?, ?)", rows)
    got = [r[0] for r in con.execute(f"select coalesce({NAME_HANDLE}, false) from p").fetchall()]
    assert got == [True, True, True, False, False, False]
    assert ("username", "name-handle") in _NO_WEIGHT


def test_name_handle_carries_no_weight(operation: dict[str, pa.Table]) -> None:
    import duckdb

    from tiaki.engines import resolution_sql as sql
    from tiaki.engines.resolution import resolve_at_thresholds

    con = duckdb.connect()
    _, by_threshold = resolve_at_thresholds(
        operation["accounts"],
        operation["identifiers"],
        operation["ip_events"],
        [-50.0],
        backend=_kept(con),  # type: ignore[arg-type]
    )
    evidence = {e for link in by_threshold[-50.0].links for e in link.evidence}
    assert "username:name-handle" not in evidence  # only levels with positive weight are named
    levels = dict(sql.COMPARISONS)["username"]
    level = [label for _, label in levels].index("name-handle")
    levels_sql = sql.gamma_sql("res_candidates", "join_key_l", "join_key_r")
    in_level = con.execute(f"select count(*) from ({levels_sql}) where g_username = {level}").fetchall()[0][0]
    assert in_level > 0  # the operation has such pairs, so the first check means something
    con.close()


def _no_events() -> pa.Table:
    return pa.table(
        {
            "account": pa.array([], pa.int64()),
            "ip": pa.array([], pa.string()),
            "timestamp": pa.array([], pa.int64()),
        }
    )


def test_names_alone_never_veto_strong_evidence() -> None:
    # One person: a mailbox written two ways on two accounts, a device on a third, the phone on a
    # fourth; display names as real ones vary (full name, a handle, initial and surname, none).
    accounts = pa.table(
        {
            "username": ["rob.stone", "stoner77", "rstone", "quiet_one"],
            "display_name": ["Robert Stone", "Bobby", "R. Stone", ""],
            "stated_country": ["NZ", "NZ", "", ""],
        }
    )
    identifiers = pa.table(
        {
            "account": [0, 1, 1, 2, 2, 3],
            "kind": ["email", "email", "device", "device", "phone", "phone"],
            "value": [
                "robstone@gmail.com",
                "robstone@gmail.com",
                "dev-1",
                "dev-1",
                "+64211234567",
                "+64211234567",
            ],
        }
    )
    result = resolve(accounts, identifiers, _no_events())
    assert len(set(result.labels.tolist())) == 1
    assert not result.held_back


def test_a_name_and_a_country_alone_link_nobody() -> None:
    accounts = pa.table(
        {
            "username": ["", ""],
            "display_name": ["Maria Garcia", "Maria Garcia"],
            "stated_country": ["ES", "ES"],
        }
    )
    identifiers = pa.table(
        {
            "account": pa.array([], pa.int64()),
            "kind": pa.array([], pa.string()),
            "value": pa.array([], pa.string()),
        }
    )
    result = resolve(accounts, identifiers, _no_events())
    assert result.labels[0] != result.labels[1]


def _kept(connection: object) -> object:
    """A DuckDB backend on ``connection`` that keeps the engine's tables (to look at them after)."""
    from tiaki.engines.resolution_sql import DuckDBBackend

    class Kept(DuckDBBackend):
        def drop_own(self) -> None:
            pass

    return Kept(connection)  # type: ignore[arg-type]


def test_runs_on_the_callers_connection(operation: dict[str, pa.Table]) -> None:
    """The engine runs in the database the caller gives it, leaves the caller's tables alone and drops
    its own; twice on one connection gives what a fresh database gives."""
    import duckdb

    from tiaki.engines.resolution_sql import TABLES, VIEWS, DuckDBBackend

    alone = resolve(operation["accounts"], operation["identifiers"], operation["ip_events"])
    con = duckdb.connect()
    con.execute("create table features as select 42 as answer")  # a name the engine once used
    backend = DuckDBBackend(con)
    for _ in range(2):
        ours = resolve(
            operation["accounts"], operation["identifiers"], operation["ip_events"], backend=backend
        )
        assert ours.labels.tolist() == alone.labels.tolist()
        assert ours.links == alone.links and ours.held_back == alone.held_back
    names = {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}
    assert names.isdisjoint(TABLES + VIEWS)
    assert con.execute("select answer from features").fetchall() == [(42,)]
    con.close()


@pytest.fixture(scope="module")
def larger(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pa.Table]:
    """An operation large enough for the model to link pairs that share no hard identifier."""
    out = tmp_path_factory.mktemp("synth") / "op"
    generate(out, accounts=2000, seed=7)
    return _load_operation(out)


def test_evidence_names_the_levels_the_pairs_are_in(larger: dict[str, pa.Table]) -> None:
    """Each scored pair's evidence is read from Splink's level columns: recomputing the levels of the
    pair's two accounts with the model's own SQL gives the same level for every named feature."""
    import duckdb

    from tiaki.engines import resolution_sql as sql
    from tiaki.engines.resolution import score_pairs

    con = duckdb.connect()
    pairs = score_pairs(
        larger["accounts"],
        larger["identifiers"],
        larger["ip_events"],
        backend=_kept(con),  # type: ignore[arg-type]
    )
    assert pairs.a.size
    for a, b, evidence in zip(pairs.a.tolist(), pairs.b.tolist(), pairs.evidence, strict=True):
        con.register("pairs", pa.table({"l": [a], "r": [b]}))
        (levels,) = con.execute(sql.gamma_sql("pairs", "l", "r")).fetchall()
        actual = {
            f"{name}:{labels[level][1]}"
            for (name, labels), level in zip(sql.COMPARISONS, levels, strict=True)
        }
        assert evidence and set(evidence) <= actual, (a, b, evidence, actual)
    con.close()


GIVEN = [
    "amelia",
    "oliver",
    "isla",
    "jack",
    "charlotte",
    "noah",
    "olivia",
    "william",
    "ava",
    "lucas",
    "mia",
    "leo",
    "grace",
    "henry",
    "ella",
    "james",
    "ruby",
    "thomas",
    "zoe",
    "samuel",
]
SURNAMES = [
    "smith",
    "jones",
    "williams",
    "brown",
    "wilson",
    "taylor",
    "nguyen",
    "johnson",
    "martin",
    "white",
    "anderson",
    "walker",
    "thompson",
    "harris",
    "lee",
    "ryan",
    "robinson",
    "kelly",
]
STREETS = [
    "wallaby place",
    "kellway street",
    "antill street",
    "medworth crescent",
    "carroll street",
    "green street",
    "sheehy street",
    "slessor crescent",
    "keysor place",
    "messenger street",
]


def _mistype(rng: np.random.Generator, word: str) -> str:
    """One letter of ``word`` dropped, doubled or swapped with the next, inside the word (its first
    and last letters kept: where siblings' names differ, a typo is not told from another name)."""
    i = int(rng.integers(1, len(word) - 2))
    match int(rng.integers(3)):
        case 0:
            return word[:i] + word[i + 1 :]
        case 1:
            return word[:i] + word[i] + word[i:]
        case _:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _register(
    seed: int = 7, persons: int = 400, dob_errors: bool = False
) -> tuple[dict[str, pa.Table], np.ndarray, list[tuple[int, int]]]:
    """A member list without e-mails, phones or devices: each record a name, a date of birth and an
    address; a third of the persons have a second record with one field mistyped (with
    ``dob_errors``, half of those also have the date of birth written wrongly: day and month
    exchanged, or the year one off); some households hold twins (one surname, birthday and address,
    two given names) or a father and a son of one name. Returns the tables, each record's true person
    and the pairs of such relatives' records."""
    rng = np.random.default_rng(seed)
    records: list[tuple[str, str, str]] = []
    person: list[int] = []
    twins: list[tuple[int, int]] = []
    for p in range(persons):
        given, surname = str(rng.choice(GIVEN)), str(rng.choice(SURNAMES))
        dob = f"{rng.integers(1940, 2005)}-{rng.integers(1, 13):02d}-{rng.integers(1, 29):02d}"
        address = f"{rng.integers(1, 200)} {rng.choice(STREETS)} {rng.integers(2000, 7000)}"
        records.append((f"{given} {surname}", dob, address))
        person.append(p)
        if p % 3 == 0:
            field = int(rng.integers(3))  # the given name, the surname (five letters or more) or the address
            if (field == 0 and len(given) < 5) or (field == 1 and len(surname) < 5):
                field = 2
            first = _mistype(rng, given) if field == 0 else given
            name = f"{first} {_mistype(rng, surname) if field == 1 else surname}"
            written = dob
            if dob_errors and p % 2 == 0:
                year, month, day = dob.split("-")
                swapped = int(day) <= 12 and p % 4 == 0
                written = f"{year}-{day}-{month}" if swapped else f"{int(year) + 1}-{month}-{day}"
            records.append((name, written, _mistype(rng, address) if field == 2 else address))
            person.append(p)
        elif p % 25 == 1:
            other = next(g for g in GIVEN if g != given)
            twins.append((len(records) - 1, len(records)))
            records.append((f"{other} {surname}", dob, address))
            person.append(persons + p)
        elif p % 25 == 2:
            # a father and his son: one full name, one address, dates of birth 30 years apart
            twins.append((len(records) - 1, len(records)))
            records.append((f"{given} {surname}", f"{int(dob[:4]) + 30}{dob[4:]}", address))
            person.append(persons + p)
    n = len(records)
    acc, kinds, values = [], [], []
    for i, (name, dob, address) in enumerate(records):
        for kind, value in (("name", name), ("dob", dob), ("address", address)):
            acc.append(i)
            kinds.append(kind)
            values.append(value)
    tables = {
        "accounts": pa.table(
            {
                "username": [""] * n,
                "display_name": [r[0].title() for r in records],
                "stated_country": ["AU"] * n,
            }
        ),
        "identifiers": pa.table({"account": pa.array(acc, pa.int64()), "kind": kinds, "value": values}),
        "ip_events": _no_events(),
    }
    return tables, np.array(person), twins


def test_a_register_without_account_identifiers_is_resolved() -> None:
    """With no e-mail, phone or device there are no hard groups to count m in: m is estimated by EM,
    and a date of birth with a name or an address identifies. Mistyped duplicates are found; twins
    (one surname, birthday and address) and a father and son (one name and address) are not merged."""
    tables, truth, twins = _register()
    result = resolve(tables["accounts"], tables["identifiers"], tables["ip_events"])
    scores = score_clustering(truth, result.labels)
    assert scores.pairwise_recall >= 0.9, scores
    assert scores.pairwise_precision >= 0.98, scores
    assert twins and all(result.labels[a] != result.labels[b] for a, b in twins)
    assert all(link.method == PROBABILISTIC for link in result.links)
    assert any("dob:exact" in link.evidence for link in result.links)


def _with_records(
    tables: dict[str, pa.Table], names: list[str], rows: list[tuple[int, str, str]]
) -> np.ndarray:
    """Resolve ``tables`` with records added: their display names and their identifiers as (record,
    kind, value), records counted from 0; the labels of every account, the added ones last."""
    n = tables["accounts"].num_rows
    added = {"username": [""] * len(names), "display_name": names, "stated_country": ["AU"] * len(names)}
    accounts = pa.concat_tables([tables["accounts"], pa.table(added)])
    identifiers = pa.concat_tables(
        [
            tables["identifiers"],
            pa.table(
                {
                    "account": pa.array([n + record for record, _, _ in rows], pa.int64()),
                    "kind": [kind for _, kind, _ in rows],
                    "value": [value for _, _, value in rows],
                }
            ),
        ]
    )
    return resolve(accounts, identifiers, tables["ip_events"]).labels


def _merged_pairs(pairs: list[tuple[str, list[str], str, list[str]]]) -> list[bool]:
    """Add to a register pairs of records (a name and addresses each), each pair born on a day of
    its own; whether each pair is resolved to one person."""
    tables, _, _ = _register()
    n = tables["accounts"].num_rows
    names: list[str] = []
    rows: list[tuple[int, str, str]] = []
    for i, (name_a, addresses_a, name_b, addresses_b) in enumerate(pairs):
        dob = f"19{50 + i % 40}-{1 + i % 9:02d}-{10 + i // 40:02d}"
        for j, (name, addresses) in enumerate(((name_a, addresses_a), (name_b, addresses_b))):
            names.append(name)
            rows += [(2 * i + j, "dob", dob)] + [(2 * i + j, "address", a) for a in addresses]
    labels = _with_records(tables, names, rows)
    return [bool(labels[n + 2 * i] == labels[n + 2 * i + 1]) for i in range(len(pairs))]


def test_one_birthday_at_one_home_is_one_person_unless_the_home_is_in_doubt() -> None:
    """Two records with one date of birth and one home's postal address are one person's even when
    their names share nothing (a record filled in under another name), also with the address
    mistyped. Not when the address is a neighbour's or another flat's (a number differs), a
    placeholder many strangers type ("1 Fake Street", however punctuated, even when each also
    gives a real address), or when the names share a word: twins' family name, and a first word in
    common, which is the family name when the name is written surname first. A given name in common
    does not hold them back when both names say it is the given name ("Green, Tayla" and "White,
    Tayla": a changed surname), as a display name or as a recorded name."""
    strangers = [
        (f"{GIVEN[i % 10]} {SURNAMES[i % 10]}".title(), f"Zed {SURNAMES[10 + i % 5]}".title())
        for i in range(30)
    ]

    def merged(left: Callable[[int], list[str]], right: Callable[[int], list[str]]) -> int:
        return sum(_merged_pairs([(a, left(i), b, right(i)) for i, (a, b) in enumerate(strangers)]))

    def home(i: int) -> list[str]:
        return [f"{i + 1} quiet lane 2{i:03d}"]

    assert merged(home, home) == 30
    assert merged(home, lambda i: [f"{i + 1} quiet lnae 2{i:03d}"]) == 30  # mistyped
    assert merged(home, lambda i: [f"{i + 3} quiet lane 2{i:03d}"]) == 0  # next door
    assert merged(lambda i: [f"unit 3 {i + 1} harbour road"], lambda i: [f"unit 4 {i + 1} harbour road"]) == 0
    assert merged(lambda i: ["1 fake street 0000"], lambda i: ["1 fake street 0000"]) == 0
    assert (
        merged(lambda i: ["1 fake street 0000", *home(i)], lambda i: ["1 fake street 0000", f"{i} b road"])
        == 0
    )
    punctuated = ["1 fake street 0000", "1 fake street, 0000", "1, fake street 0000", "1 fake street. 0000"]
    assert merged(lambda i: [punctuated[i % 4]], lambda i: [punctuated[(i + 1) % 4]]) == 0
    family = [
        ("Caleb Challenor", "Nathan Challenor"),
        ("Wang Fang", "Wang Li"),
        ("Brown, Mary", "Brown, John"),
        ("NGUYEN Van An", "NGUYEN Thi Binh"),
        ("Tayla Green", "Tayla White"),
        ("Green, Tayla", "Jessica, Green"),  # one record's fields swapped
        ("Green, Tayla", "Tayla White"),  # only one says which is the given name
    ]
    assert _merged_pairs([(a, home(i), b, home(i)) for i, (a, b) in enumerate(family)]) == [False] * 7
    renamed = [("Green, Tayla", "White, Tayla"), ("Brown, Mary Ann", "Smith, Mary"), ("Ng, Anh", "Tran, Anh")]
    assert _merged_pairs([(a, home(i), b, home(i)) for i, (a, b) in enumerate(renamed)]) == [True] * 3
    # The same records with the names recorded by a provider (normalised: "green, tayla"), none displayed.
    tables, _, _ = _register()
    n = tables["accounts"].num_rows
    rows = [(j, "dob", "1971-05-14") for j in range(4)]
    rows += [(j, "address", "7 kauri road 0612" if j < 2 else "9 rimu road 0612") for j in range(4)]
    recorded = ["Green, Tayla", "White, Tayla", "Green, Tayla", "Green, Jessica"]
    rows += [(j, "name", normalise_identifier("name", name) or "") for j, name in enumerate(recorded)]
    labels = _with_records(tables, [""] * 4, rows)
    assert labels[n] == labels[n + 1]  # a changed surname
    assert labels[n + 2] != labels[n + 3]  # twins


def test_twins_whose_fields_were_swapped_stay_apart_where_the_operation_writes_their_surname() -> None:
    """ "Na, Wang" and "Li, Wang" born the same day at one home say Wang is their given name; where other
    records of the operation write "Wang, ..." it is a surname, and they are held back as twins. Where
    nothing in the operation says so, they are read as written (one person under two surnames)."""
    tables, _, _ = _register()
    n = tables["accounts"].num_rows
    twins = [(j, "dob", "1980-06-15") for j in (0, 1)] + [
        (j, "address", "12 totara street 0610") for j in (0, 1)
    ]
    labels = _with_records(tables, ["Na, Wang", "Li, Wang"], twins)
    assert labels[n] == labels[n + 1]
    others = [(j, "dob", f"19{60 + j}-02-0{j}") for j in (2, 3, 4)]
    labels = _with_records(
        tables, ["Na, Wang", "Li, Wang", "Wang, Wei", "Wang, Fang", "Wang, Lei"], twins + others
    )
    assert labels[n] != labels[n + 1]


def test_a_first_of_january_birthday_does_not_identify() -> None:
    """1 January is what forms default to: two Annas born on it in one country are not one person,
    while the same two records with another shared birthday are (a name and a date of birth), or with
    dates written wrongly (a typo in the day or month, day and month exchanged, the year one off or
    one digit of it mistyped); a year twenty or more apart is a generation."""
    tables, _, _ = _register(dob_errors=True)
    n = tables["accounts"].num_rows

    def pair(dob: str, other: str | None = None) -> bool:
        labels = _with_records(
            tables, ["Anna Rossi", "Anna Rossi"], [(0, "dob", dob), (1, "dob", other or dob)]
        )
        return bool(labels[n] == labels[n + 1])

    assert pair("1999-03-17")
    assert pair("1999-03-17", "1999-03-71")  # a typo in the day: a close date
    assert not pair("1999-01-01")
    assert not pair("1999-01-01", "1999-10-01")  # 1 January is not close to anything
    assert not pair("1959-03-17", "1989-03-17")  # one digit apart in the year: a generation
    assert pair("1999-03-11", "1999-11-03")  # day and month exchanged
    assert pair("1999-03-17", "1998-03-17")  # the year one off
    assert pair("1983-03-17", "1988-03-17")  # one digit of the year mistyped, five years apart
    assert not pair("1999-03-11", "1998-11-03")  # exchanged, and another year
    assert not pair("1999", "1999-")  # not dates
    assert not pair("abcd-ef-gh", "abcd-gh-ef")


def test_a_mistyped_name_born_the_same_day_links() -> None:
    """A full name mistyped (two letters at most) is evidence of its own: with one date of birth it
    links two records of one person, one of them without an address, while another given name one
    letter apart at the end (a sibling's: Mario and Maria) is held back."""
    tables, _, _ = _register(dob_errors=True)
    n = tables["accounts"].num_rows

    def linked(a: str, b: str) -> bool:
        rows = [(0, "dob", "1977-06-23"), (0, "address", "4 ninth avenue 2600"), (1, "dob", "1977-06-23")]
        labels = _with_records(tables, [a, b], rows)
        return bool(labels[n] == labels[n + 1])

    assert linked("Mitchell Boxer", "Micthell Boxer")
    assert not linked("Mario Egan", "Maria Egan")
    long_name = "Mitchell " + " ".join(["Boxer"] * 13)  # 77 characters: too long to compare letter by letter
    assert not linked(long_name, long_name.replace("Mitchell", "Micthell"))


def test_one_full_name_at_one_home_without_a_second_date_of_birth_is_one_person() -> None:
    """A record without a date of birth joins the record of the same full name at the same home (the
    address also written with a typo), as a register links on name and address. Not a neighbour's
    home (a number differs), and not two records that both give dates of birth and differ: a father
    and his son of one name and home. An undated record of that name and home joins one of them;
    its link to the other is held back and offered for review, so the father and the son stay two
    persons, also when their dates are 1 January (a year known, not the day). Nor two children's
    accounts that each record their parent's name at home besides their own, nor two accounts
    whose display name is no name ("Player 1")."""
    tables, _, _ = _register()
    n = tables["accounts"].num_rows
    home = "14 kowhai street 0612"
    names = ["Rangi Parata"] * 3 + ["Mere Tane"] * 2 + ["Hemi Walker"] * 2 + ["Tama Brooks", "Wiremu Brooks"]
    names += ["Tui Hona", "Tui Hona", "Player 1", "Player 1"]
    rows = [
        (0, "dob", "1961-04-12"), (0, "address", home),
        (1, "dob", "1988-09-30"), (1, "address", home),
        (2, "address", home),
        (3, "dob", "1975-02-02"), (3, "address", "3 matai road 0613"),
        (4, "address", "3 matai raod 0613"),
        (5, "address", "8 rata lane 0614"),
        (6, "address", "10 rata lane 0614"),
        (7, "name", "brooks, james"), (7, "address", "58 church street 0615"),
        (8, "name", "brooks, james"), (8, "address", "58 church street 0615"),
        (9, "dob", "1961-01-01"), (9, "address", "5 totara way 0616"),
        (10, "dob", "1991-01-01"), (10, "address", "5 totara way 0616"),
        (11, "address", "9 rimu road 0617"),
        (12, "address", "9 rimu road 0617"), (12, "dob", "1990-06-01"),
    ]  # fmt: skip
    accounts = pa.concat_tables(
        [
            tables["accounts"],
            pa.table({"username": [""] * 13, "display_name": names, "stated_country": ["NZ"] * 13}),
        ]
    )
    added = pa.table(
        {
            "account": pa.array([n + r for r, _, _ in rows], pa.int64()),
            "kind": [k for _, k, _ in rows],
            "value": [v for _, _, v in rows],
        }
    )
    result = resolve(accounts, pa.concat_tables([tables["identifiers"], added]), tables["ip_events"])
    labels = result.labels
    assert labels[n] != labels[n + 1]  # father and son
    assert (labels[n + 2] == labels[n]) != (labels[n + 2] == labels[n + 1])  # the undated record: one of them
    offered = {(min(link.a, link.b), max(link.a, link.b)) for link in result.held_back}
    assert {(n, n + 2), (n + 1, n + 2)} & offered
    assert labels[n + 3] == labels[n + 4]  # one home, mistyped
    assert labels[n + 5] != labels[n + 6]  # next door
    assert labels[n + 7] != labels[n + 8]  # a parent's name on two children's accounts
    assert labels[n + 9] != labels[n + 10]  # father and son, each born in a year only
    assert labels[n + 11] != labels[n + 12]  # no name
    with_dates = [*rows, (2, "dob", "1990-01-05")]  # a third date: a third person
    added = pa.table(
        {
            "account": pa.array([n + r for r, _, _ in with_dates], pa.int64()),
            "kind": [k for _, k, _ in with_dates],
            "value": [v for _, _, v in with_dates],
        }
    )
    labels = resolve(accounts, pa.concat_tables([tables["identifiers"], added]), tables["ip_events"]).labels
    assert len({labels[n], labels[n + 1], labels[n + 2]}) == 3


def test_evidence_counts_the_weight_of_the_value_shared() -> None:
    """A level is named in evidence when its weight, adjusted for the frequency of the value the pair
    shares, is for the match: a handle held by very many accounts can weigh against it."""
    import duckdb

    from tiaki.engines import resolution_sql as sql

    con = duckdb.connect()
    con.execute(
        """create table predictions as select * from (values
            (0, 1, 5.0, 0.9, 3, 4.0, 1.0, 1, 2.0),
            (0, 2, 1.0, 0.6, 3, 4.0, -6.0, 1, 2.0),
            (1, 2, 0.5, 0.5, -1, 0.0, null, 0, -3.0))
        t(unique_id_l, unique_id_r, match_weight, match_probability, gamma_username, mw_username,
          mw_tf_adj_username, gamma_country, mw_country)"""
    )
    query = sql.scored_sql("predictions", ["username", "country"], [5, 3], frozenset({"username"}))
    rows = [(a, b, float(w), float(p), *e) for a, b, w, p, *e in con.execute(query).fetchall()]
    assert rows == [(0, 1, 5.0, 0.9, 1, 1), (0, 2, 1.0, 0.6, None, 1), (1, 2, 0.5, 0.5, None, None)]
    unadjusted = con.execute(
        sql.scored_sql("predictions", ["username", "country"], [5, 3], frozenset())
    ).fetchall()
    assert unadjusted[1][4] == 1  # without the adjustment the common handle would be named
    con.close()


def test_a_long_handle_with_a_home_address_passes_the_household_guard() -> None:
    """Two groups whose names cannot be one person's: a model link on a long handle alone is held back
    by the guard; on a long handle and a rare address of their home it merges (members of a household
    do not pick one long handle, and namesakes who do, do not share a home); a link with a date of
    birth passes with a mistyped given name but not with another one."""
    from tiaki.engines.names import parse
    from tiaki.engines.resolution import _GuardedForest, _strength

    def merged(names: tuple[str, str], evidence: tuple[str, ...]) -> bool | None:
        forest = _GuardedForest([parse(x) for x in names], [frozenset(), frozenset()], guard=True)
        return forest.union(0, 1, _strength(evidence))

    household = ("Mary Brown", "John Smith")
    assert merged(household, ("username:exact-long", "country:agree")) is None
    assert merged(household, ("username:exact-long", "rare_ip:1", "country:agree")) is True
    assert merged(household, ("username:exact-long", "rare_ip:same-day")) is True
    assert merged(household, ("rare_ip:same-day", "name:given")) is None
    assert merged(("Mitchell Boxer", "Micthell Boxer"), ("dob:exact", "address:exact")) is True
    assert merged(("Mitchell Boxer", "Micthell Boxer"), ("address:exact", "name:given")) is None
    assert merged(("Amelia Smith", "Oliver Smith"), ("dob:exact", "address:exact")) is None
    assert merged(("Wang Fang", "Wang Li"), ("dob:exact", "address:similar")) is None  # twins, surname first
    # One birthday at one home under names that share no word is not two siblings: one person whose
    # record carries another name (a form filled in with someone else's, a field swapped for another)
    assert merged(("Edward Selman", "Stephanie Wilcox"), ("dob:exact", "address:exact")) is True
    assert merged(("Edward Selman", "Stephanie Wilcox"), ("dob:exact",)) is None  # no home: strangers
    # a word in common at one birthday and home: twins' family name, whichever word it is (a name may
    # be written surname first)
    assert merged(("Tayla Green", "Tayla White"), ("name:given", "dob:exact", "address:exact")) is None


def test_a_copy_of_the_guarded_forest_is_independent_of_merges_made_after() -> None:
    """The guard gathers each group's mailboxes in place once it owns them; a forest copied for
    clustering at one threshold must not see the merges made in another. Two household members who
    share the family mailbox and each keep their own are held back; once one of them is joined to
    an account holding the other's mailbox (in the copy only), they are not."""
    from tiaki.engines.names import parse
    from tiaki.engines.resolution import _GuardedForest

    names = [parse(x) for x in ("Mary Brown", "Mary Brown", "John Brown", "Mary Brown", "Mary Brown")]
    personal = [frozenset({"mary@x.org"}), frozenset({"mb@y.org"}), frozenset({"john@x.org"}), frozenset()]
    forest = _GuardedForest(names, [*personal, frozenset({"john@x.org"})], guard=True)
    assert forest.union(0, 1, "shared", "family@x.org") is True  # one person: compatible names
    assert forest.union(1, 3, "shared", "family@x.org") is True
    assert forest.personal[0] == {"mary@x.org", "mb@y.org"}
    twin = forest.copy()
    assert twin.union(0, 2, "shared", "family@x.org") is None  # a household: own mailboxes apart
    assert twin.union(0, 4, "shared", "card") is True  # gathers john@x.org into the copy's group
    assert twin.union(0, 2, "shared", "family@x.org") is True
    assert forest.personal[0] == {"mary@x.org", "mb@y.org"}  # the original saw none of it
    assert forest.union(0, 2, "shared", "family@x.org") is None


def test_display_names_in_every_script_are_compared() -> None:
    """Display names are normalised as recorded names are (letters of every script kept), so two
    accounts with one Cyrillic full name and a shared device agree on the name."""
    import duckdb

    from tiaki.engines.resolution import score_pairs

    accounts = pa.table(
        {
            "username": ["", "", "x1", "x2"],
            "display_name": ["Мария Иванова", "мария  иванова", "🌸 Anna Lee", "Бо Ян"],
            "stated_country": ["RU", "RU", "", ""],
        }
    )
    identifiers = pa.table(
        {"account": pa.array([0, 1], pa.int64()), "kind": ["device", "device"], "value": ["d-1", "d-2"]}
    )
    con = duckdb.connect()
    score_pairs(accounts, identifiers, _no_events(), backend=_kept(con))  # type: ignore[arg-type]
    rows = con.execute("select unique_id, full_name from res_features order by unique_id").fetchall()
    assert rows[0] == (0, "мария иванова") and rows[1] == (1, "мария иванова")
    assert rows[3] == (3, "бо ян")  # noqa: RUF001 (Cyrillic letters on purpose)
    given = con.execute("select given_names from res_features where unique_id = 2").fetchall()[0][0]
    assert given == ["anna"]  # the emoji before the name is no name
    con.close()


def test_addresses_in_other_scripts_keep_their_letters() -> None:
    """Two addresses that differ only in letters outside ASCII are two addresses."""
    import duckdb

    from tiaki.engines import resolution_sql as sql

    con = duckdb.connect()
    con.register(
        "res_identifiers",
        pa.table(
            {
                "account": pa.array([0, 1, 2], pa.int64()),
                "kind": ["address"] * 3,
                "value": ["улица Ленина, 5", "улица Пушкина, 5", "Улица  Ленина 5"],
            }
        ),
    )
    with_addresses = sql.FEATURES[sql.FEATURES.index("ad as (") : sql.FEATURES.index("names as (")]
    query = f"with {with_addresses.rstrip().rstrip(',')} select account, addresses from ad order by account"
    rows = con.execute(query).fetchall()
    assert rows == [(0, ["улица ленина 5"]), (1, ["улица пушкина 5"]), (2, ["улица ленина 5"])]


_GIVEN = ["Aroha", "Brent", "Chloe", "Dmitri", "Elif", "Farid", "Greta", "Hemi", "Ines", "Jonas"]
_FAMILY = ["Walker", "Ngata", "Kowalski", "Sato", "Okafor", "Brandt", "Moreau", "Lindqvist"]


def test_a_value_on_too_many_accounts_links_one_persons_accounts_only() -> None:
    # Accounts 0-29: one heavy user, one mailbox on every account, display names as a person varies
    # them, two with another person's name, two with no name. Accounts 30-129: 100 different people
    # who all typed the same filler address, two of them namesakes. Both values are over the limit of
    # 20 accounts.
    mine = ["Mary Odhiambo", "Mary", "M. Odhiambo", "ODHIAMBO Mary", "Mary O.", "mary odhiambo 🌺"]
    display = [mine[i % len(mine)] for i in range(26)] + ["Greta Sato", "Hemi Walker", "", ""]
    others = [f"{_GIVEN[i % 10]} {_FAMILY[i // 10 % 8]}{'' if i < 80 else 'son'}" for i in range(100)]
    others[1] = others[0]  # namesakes
    display += others
    n = len(display)
    accounts = pa.table(
        {
            "username": [f"user{i}" for i in range(n)],
            "display_name": display,
            "stated_country": ["KE"] * n,
        }
    )
    identifiers = pa.table(
        {
            "account": list(range(n)),
            "kind": ["email"] * n,
            "value": ["mary.odhiambo@gmail.com"] * 30 + ["test@test.com"] * 100,
        }
    )
    result = resolve(accounts, identifiers, _no_events())
    labels = result.labels.tolist()
    # The names say the mailbox is one person's, so it links as a mailbox on two accounts would.
    assert set(labels[:30]) == {0}
    # The filler's holders are many people: it links nobody, not even the two namesakes.
    assert len(set(labels[30:])) == 100
    assert [key.value for key in result.excluded_keys] == ["test@test.com"]
    assert {link.evidence for link in result.links} == {("email:mary.odhiambo@gmail.com",)}


def test_a_crowded_value_whose_holders_mostly_disagree_links_nobody() -> None:
    # 40 holders: 15 share a name, 25 are different people. The most used name is not the name of
    # half the holders, so even the 15 are not linked through it.
    display = ["Jonas Brandt"] * 15 + [f"{g} {f}" for g in _GIVEN[:9] for f in _FAMILY[:3]][:25]
    n = len(display)
    accounts = pa.table(
        {"username": [f"u{i}" for i in range(n)], "display_name": display, "stated_country": [""] * n}
    )
    identifiers = pa.table({"account": list(range(n)), "kind": ["phone"] * n, "value": ["+6499999999"] * n})
    result = resolve(accounts, identifiers, _no_events())
    assert len(set(result.labels.tolist())) == n
    assert not result.links
    assert [key.value for key in result.excluded_keys] == ["+6499999999"]


def test_a_crowded_value_on_accounts_without_names_links_nobody() -> None:
    # A device id on 30 accounts, 14 of them named alike: fewer than half carry a name.
    display = ["Aroha Ngata"] * 14 + [""] * 16
    n = len(display)
    accounts = pa.table(
        {"username": [f"u{i}" for i in range(n)], "display_name": display, "stated_country": [""] * n}
    )
    identifiers = pa.table({"account": list(range(n)), "kind": ["device"] * n, "value": ["0000000000"] * n})
    result = resolve(accounts, identifiers, _no_events())
    assert len(set(result.labels.tolist())) == n
    assert [key.value for key in result.excluded_keys] == ["0000000000"]


def test_a_default_name_does_not_vouch_for_a_crowded_value() -> None:
    # 30 accounts with the platform's default name share a placeholder address; 100 other accounts
    # carry the same default name. A name more common elsewhere than on the value says nothing.
    n = 130
    accounts = pa.table(
        {
            "username": [f"u{i}" for i in range(n)],
            "display_name": ["New User"] * n,
            "stated_country": [""] * n,
        }
    )
    identifiers = pa.table(
        {"account": list(range(30)), "kind": ["email"] * 30, "value": ["noemail@example.com"] * 30}
    )
    result = resolve(accounts, identifiers, _no_events())
    assert len(set(result.labels.tolist())) == n
    assert [key.value for key in result.excluded_keys] == ["noemail@example.com"]


def test_a_family_mailbox_or_a_parents_card_is_held_back() -> None:
    # Two members of one household, each with a mailbox of their own, share a family mailbox; a
    # parent's card pays for a child's account. A third account of the mother's shares her own mailbox.
    accounts = pa.table(
        {
            "username": ["zainab_h", "khaled77", "zainab.alhassan", "noor_h"],
            "display_name": ["Zainab Al-Hassan", "Khaled Al-Hassan", "زينب الحسن", "Noor"],
            "stated_country": ["JO"] * 4,
        }
    )
    identifiers = pa.table(
        {
            "account": [0, 0, 1, 1, 2, 0, 3, 3],
            "kind": ["email", "email", "email", "email", "email", "payment", "payment", "email"],
            "value": [
                "zainab.h@example.com",
                "alhassanfamily@gmail.com",
                "khaled@example.com",
                "alhassanfamily@gmail.com",
                "zainab.h@example.com",
                "card_fp:91c2",
                "card_fp:91c2",
                "noor2011@example.com",
            ],
        }
    )
    result = resolve(accounts, identifiers, _no_events())
    labels = result.labels.tolist()
    assert labels[0] == labels[2]  # her own mailbox, her name in two scripts
    assert labels[1] != labels[0] and labels[3] != labels[0]
    held = {link.evidence for link in result.held_back}
    assert ("email:alhassanfamily@gmail.com",) in held
    assert ("payment:card_fp:91c2",) in held


def test_a_value_few_accounts_share_links_nobody_when_their_names_are_many_people() -> None:
    # A phone shop's number typed by five customers; a mailbox on three accounts of one person whose
    # names vary, and on a fourth with another's name; a device on two accounts named apart, which is
    # the household guard's to decide, not a crowd.
    display = ["Aroha Ngata", "Brent Walker", "Chloe Sato", "Dmitri Novak", "Elif Okafor"]
    display += ["Greta Moreau", "G. Moreau", "MOREAU Greta", "Hemi Brandt"]
    display += ["Ines Silva", "Jonas Silva"]
    n = len(display)
    accounts = pa.table(
        {"username": [f"u{i}" for i in range(n)], "display_name": display, "stated_country": ["NZ"] * n}
    )
    identifiers = pa.table(
        {
            "account": list(range(n)),
            "kind": ["phone"] * 5 + ["email"] * 4 + ["device"] * 2,
            "value": ["+6495550101"] * 5 + ["greta.m@example.com"] * 4 + ["tablet-1"] * 2,
        }
    )
    result = resolve(accounts, identifiers, _no_events())
    labels = result.labels.tolist()
    assert len(set(labels[:5])) == 5  # the shop's customers stay apart
    assert set(labels[5:9]) == {5}  # most of the mailbox's names agree: it links, as a mailbox does
    assert labels[9] == labels[10]  # two holders: no crowd; they hold no mailboxes, so it merges
    assert [key.value for key in result.excluded_keys] == ["+6495550101"]


@pytest.mark.parametrize(
    ("evidence", "identifies"),
    [
        (("username:exact-long", "country:agree"), False),  # strangers who picked one handle
        (("username:exact-long", "name:given", "country:agree"), False),  # ... and are namesakes
        (("username:exact-long", "rare_ip:1", "country:agree"), True),  # ... not from one address
        (("username:exact-long", "name:full"), True),
        (("username:exact-long", "dob:exact"), True),
        (("phone:agree", "country:agree"), True),
        (("rare_ip:same-day", "name:full"), True),
        (("rare_ip:same-day", "name:given"), False),  # colleagues, classmates, one cafe's customers
        (("rare_ip:same-day", "country:agree"), False),
    ],
)
def test_what_identifies(evidence: tuple[str, ...], identifies: bool) -> None:
    from tiaki.engines.resolution import _identifies

    assert _identifies(evidence) is identifies


def test_a_value_whose_holders_come_back_to_one_mailbox_links_whatever_their_names() -> None:
    # One person gives each of five accounts another name; four of them carry his one mailbox, the
    # fifth a throwaway, and all five his phone. Five strangers on a cafe's computer, each with a
    # mailbox of their own, stay apart.
    decoys = ["Brandon Richardson", "Holly Palmer", "Linda Williams", "Jacob Hughes", "Chloe Fields"]
    strangers = ["Aroha Ngata", "Brent Walker", "Chloe Sato", "Dmitri Novak", "Elif Okafor"]
    display = decoys + strangers
    n = len(display)
    accounts = pa.table(
        {"username": [f"u{i}" for i in range(n)], "display_name": display, "stated_country": ["GB"] * n}
    )
    rows = [(i, "phone", "+447466963384") for i in range(5)]
    rows += [(i, "email", "david_snyder@btinternet.com") for i in range(4)] + [
        (4, "email", "x9q2@yopmail.com")
    ]
    rows += [(5 + i, "device", "cafe-pc-2") for i in range(5)]
    rows += [(5 + i, "email", f"{name.split()[0].lower()}@example.com") for i, name in enumerate(strangers)]
    result = resolve(accounts, _identifier_rows(rows), _no_events())
    labels = result.labels.tolist()
    assert set(labels[:5]) == {0}
    assert len(set(labels[5:])) == 5
    excluded = {key.value for key in result.excluded_keys}
    assert "cafe-pc-2" in excluded and "+447466963384" not in excluded
    # A household's landline: Mary's two accounts share her mailbox, John's two his, Ana keeps her
    # own. No one's mailbox joins most of the holders, so the names decide: three people.
    family = ["Mary Brown", "M. Brown", "John Smith", "J. Smith", "Ana Lima"]
    household = pa.table(
        {"username": [f"f{i}" for i in range(5)], "display_name": family, "stated_country": ["NZ"] * 5}
    )
    home = [(i, "phone", "+6495551234") for i in range(5)]
    home += [(i, "email", "mary.brown@gmail.com") for i in (0, 1)]
    home += [(i, "email", "john.smith@outlook.com") for i in (2, 3)] + [(4, "email", "ana.lima@yahoo.com")]
    result = resolve(household, _identifier_rows(home), _no_events())
    assert [key.value for key in result.excluded_keys] == ["+6495551234"]
    assert result.labels.tolist() == [0, 0, 2, 2, 4]
    # Without the mailbox the names are all there is: five people.
    result = resolve(
        accounts, _identifier_rows([row for row in rows if "btinternet" not in row[2]]), _no_events()
    )
    assert len(set(result.labels[:5].tolist())) == 5


def test_an_own_mailbox_links_its_holders_whatever_their_names() -> None:
    # Four accounts under four names share one mailbox and nothing else: one person's decoys. The
    # same four names on a placeholder, a throwaway or a domain's own name stay four people; so do
    # 21 accounts on one mailbox (more than max_accounts_per_key), and a family mailbox whose
    # members each hold one of their own is held back by the household guard.
    names = ["Brandon Richardson", "Holly Palmer", "Linda Williams", "Jacob Hughes"]
    accounts = pa.table(
        {"username": ["a", "b", "c", "d"], "display_name": names, "stated_country": ["GB"] * 4}
    )

    def persons(mailbox: str) -> int:
        rows = [(i, "email", mailbox) for i in range(4)]
        return len(set(resolve(accounts, _identifier_rows(rows), _no_events()).labels.tolist()))

    assert persons("kowhai.lane77@btinternet.com") == 1
    for mailbox in ("none@gmail.com", "asdf@asdf.com", "xxx@outlook.com", "kowhai77@mailinator.com"):
        assert persons(mailbox) == 4, mailbox

    many = [f"{g} {f}" for g in _GIVEN for f in _FAMILY][:21]
    crowd = pa.table(
        {"username": [f"u{i}" for i in range(21)], "display_name": many, "stated_country": ["GB"] * 21}
    )
    rows = [(i, "email", "kowhai.lane77@btinternet.com") for i in range(21)]
    result = resolve(crowd, _identifier_rows(rows), _no_events())
    assert len(set(result.labels.tolist())) == 21
    assert [key.value for key in result.excluded_keys] == ["kowhai.lane77@btinternet.com"]

    family = ["Mary Brown", "John Smith", "Ana Lima"]
    household = pa.table({"username": ["m", "j", "a"], "display_name": family, "stated_country": ["NZ"] * 3})
    rows = [(i, "email", "thebrownsmiths@gmail.com") for i in range(3)]
    rows += [(0, "email", "mary.brown@gmail.com"), (1, "email", "john.smith@outlook.com")]
    assert len(set(resolve(household, _identifier_rows(rows), _no_events()).labels.tolist())) == 3
    # Ana has no mailbox of her own: Mary's and John's say the family mailbox is several people's,
    # so it joins Ana to no one.
    rows += [(2, "email", "ana.lima@yahoo.com")]
    assert len(set(resolve(household, _identifier_rows(rows), _no_events()).labels.tolist())) == 3
    # One person two of whose decoy accounts also hold a second mailbox of his is one: a single
    # group of other mailboxes is no second person.
    rows = [(i, "email", "kowhai.lane77@btinternet.com") for i in range(4)]
    rows += [(0, "email", "k.lane@outlook.com"), (1, "email", "k.lane@outlook.com")]
    assert len(set(resolve(accounts, _identifier_rows(rows), _no_events()).labels.tolist())) == 1


def test_a_role_or_placeholder_mailbox_joins_no_one() -> None:
    # Five colleagues on their office's mailbox, or five strangers who typed one of the ways of
    # giving no address, are five people, whatever else they do not hold.
    staff = ["Aroha Walker", "Brent Ngata", "Chloe Sato", "Dmitri Okafor", "Elif Brandt"]
    accounts = pa.table(
        {"username": [f"s{i}" for i in range(5)], "display_name": staff, "stated_country": ["NZ"] * 5}
    )
    for mailbox in (
        "office@kowhaibakery.co.nz",
        "no.email@yahoo.com",
        "no-reply@company.com",
        "test1@test.com",
    ):
        rows = [(i, "email", mailbox) for i in range(5)]
        assert len(set(resolve(accounts, _identifier_rows(rows), _no_events()).labels.tolist())) == 5, mailbox
    # Three members of a family on its landline who each typed the same placeholder: the
    # placeholder does not make them one group of mailboxes, so the names decide.
    family = pa.table(
        {
            "username": ["m", "j", "a"],
            "display_name": ["Mary Brown", "John Smith", "Ana Lima"],
            "stated_country": ["NZ"] * 3,
        }
    )
    rows = [(i, "phone", "+6495551234") for i in range(3)] + [
        (i, "email", "none@gmail.com") for i in range(3)
    ]
    assert len(set(resolve(family, _identifier_rows(rows), _no_events()).labels.tolist())) == 3


def test_one_word_names_are_no_proof_of_one_person() -> None:
    # 30 strangers, each typing only a first name, on one filler address: no two one-word names
    # contradict each other, and none agrees with another either.
    given = [f"{g}{suffix}" for suffix in ("", "o", "a") for g in _GIVEN]
    n = len(given)
    accounts = pa.table(
        {"username": [f"u{i}" for i in range(n)], "display_name": given, "stated_country": [""] * n}
    )
    identifiers = pa.table({"account": list(range(n)), "kind": ["email"] * n, "value": ["test@test.com"] * n})
    result = resolve(accounts, identifiers, _no_events())
    assert len(set(result.labels.tolist())) == n


def test_a_judged_value_does_not_depend_on_the_order_of_accounts() -> None:
    rows = [("Mary Brown", "mb"), ("John Smith", "js"), ("M. Brown", "m_b"), ("Greta Sato", "gs")]

    def persons(order: list[int]) -> set[frozenset[str]]:
        display = [rows[i][0] for i in order]
        users = [rows[i][1] for i in order]
        accounts = pa.table({"username": users, "display_name": display, "stated_country": ["NZ"] * 4})
        identifiers = pa.table({"account": [0, 1, 2, 3], "kind": ["phone"] * 4, "value": ["+6495550123"] * 4})
        labels = resolve(accounts, identifiers, _no_events()).labels.tolist()
        return {
            frozenset(u for u, label in zip(users, labels, strict=True) if label == x) for x in set(labels)
        }

    assert persons([0, 1, 2, 3]) == persons([1, 3, 2, 0]) == persons([3, 2, 1, 0])


def _identifier_rows(rows: list[tuple[int, str, str]]) -> pa.Table:
    """An ``identifiers`` table of ``(account, kind, value)`` rows."""
    account, kind, value = zip(*rows, strict=True)
    return pa.table({"account": list(account), "kind": list(kind), "value": list(value)})


def _burner_operation(burner_mailbox: str, household: bool) -> dict[str, pa.Table]:
    # Ashley's two accounts share her mailbox and her tablet; a third account on the tablet carries
    # another name and a mailbox of its own. With ``household``, her brother's account (his own
    # mailbox) is on the tablet too (most of the tablet's holders are still hers: a device most of
    # whose holders disagree links nobody at all).
    names = ["Ashley Smith", "A. Smith", "Min Wang", "Daniel Smith"]
    accounts = pa.table(
        {
            "username": ["silentcoder53", "ashsmith", "rocket_noodle", "dansmith"],
            "display_name": names,
            "stated_country": ["AU"] * 4,
        }
    )
    rows = [
        (0, "email", "ashleysmith@gmail.com"),
        (1, "email", "ashleysmith@gmail.com"),
        (0, "device", "tablet-1"),
        (1, "device", "tablet-1"),
        (2, "device", "tablet-1"),
        (2, "email", burner_mailbox),
    ]
    if household:
        rows += [(3, "device", "tablet-1"), (3, "email", "dan.smith@outlook.com")]
    return {
        "accounts": accounts,
        "identifiers": _identifier_rows(rows),
        "ip_events": _no_events(),
    }


def test_a_burner_account_joins_the_one_owner_of_its_device() -> None:
    # A throwaway mailbox is no sign of a second person: the account joins the tablet's only owner.
    op = _burner_operation("33zjwfxt6@mailinator.com", household=False)
    result = resolve(op["accounts"], op["identifiers"], op["ip_events"])
    labels = result.labels.tolist()
    assert labels[0] == labels[1] == labels[2]
    assert not result.held_back
    assert any(link.evidence == ("device:tablet-1",) and 2 in (link.a, link.b) for link in result.links)
    # A lasting mailbox of its own is another person's, as before.
    op = _burner_operation("min.wang@gmail.com", household=False)
    result = resolve(op["accounts"], op["identifiers"], op["ip_events"])
    assert result.labels[2] != result.labels[0]
    assert ("device:tablet-1",) in {link.evidence for link in result.held_back}
    # Without the guard, the tablet joins them whatever the mailboxes.
    op = _burner_operation("min.wang@gmail.com", household=False)
    off = resolve(
        op["accounts"], op["identifiers"], op["ip_events"], config=ResolutionConfig(household_guard=False)
    )
    assert off.labels[2] == off.labels[0]


def test_a_burner_account_on_a_family_device_is_left_for_review() -> None:
    # Two people with lasting mailboxes hold the tablet: which of them made the burner is not guessed.
    op = _burner_operation("33zjwfxt6@mailinator.com", household=True)
    result = resolve(op["accounts"], op["identifiers"], op["ip_events"])
    labels = result.labels.tolist()
    assert labels[0] == labels[1]
    assert len({labels[0], labels[2], labels[3]}) == 3
    held = {(min(link.a, link.b), max(link.a, link.b)) for link in result.held_back}
    assert {(0, 2), (2, 3)} <= held  # its link to each of the two is offered, once
    assert len(held) == len(result.held_back)
    # The same with the burner first: Ashley's accounts are 1 and 2, Daniel's 3.
    moved = {2: 0, 0: 1, 1: 2, 3: 3}
    result = resolve(
        op["accounts"].take(pa.array([2, 0, 1, 3])),
        op["identifiers"].set_column(
            0, "account", pa.array([moved[a] for a in op["identifiers"].column("account").to_pylist()])
        ),
        op["ip_events"],
    )
    labels = result.labels.tolist()
    assert labels[1] == labels[2] and len({labels[0], labels[1], labels[3]}) == 3
    held = {(min(link.a, link.b), max(link.a, link.b)) for link in result.held_back}
    assert (0, 3) in held and {(0, 1), (0, 2)} & held  # to Daniel, and to Ashley's group
    assert len(held) == len(result.held_back)


def test_a_burner_account_between_two_people_joins_neither() -> None:
    # The burner shares Ashley's tablet and Daniel's phone: it is held back from both, and does not
    # join them to each other. Two burners on one phone, each with a throwaway mailbox of its own,
    # are one person's when no one with a lasting mailbox holds it.
    accounts = pa.table(
        {
            "username": ["ashsmith", "dansmith", "rocket_noodle", "kitty_1", "kitty_2"],
            "display_name": ["Ashley Smith", "Daniel Jones", "Min Wang", "Ana Lima", "Zoe Park"],
            "stated_country": ["AU"] * 5,
        }
    )
    rows = [
        (0, "email", "ashleysmith@gmail.com"),
        (0, "device", "tablet-1"),
        (2, "device", "tablet-1"),
        (1, "email", "dan.jones@outlook.com"),
        (1, "phone", "+61467443606"),
        (2, "phone", "+61467443606"),
        (2, "email", "33zjwfxt6@mailinator.com"),
        (3, "email", "k1@yopmail.com"),
        (3, "phone", "+61400000123"),
        (4, "email", "k2@guerrillamail.com"),
        (4, "phone", "+61400000123"),
    ]
    for landline in (False, True):
        # With a landline Ashley and Daniel share too, union-find joins the three through the phones
        # and never needs the tablet: the burner must still see both owners.
        extra = [(0, "phone", "+61299990000"), (1, "phone", "+61299990000")] if landline else []
        identifiers = _identifier_rows(rows + extra)
        result = resolve(accounts, identifiers, _no_events())
        labels = result.labels.tolist()
        assert len({labels[0], labels[1], labels[2]}) == 3
        held = {link.evidence for link in result.held_back}
        assert {("device:tablet-1",), ("phone:+61467443606",)} <= held  # both offered for review
        assert labels[3] == labels[4]
        assert any(link.evidence == ("phone:+61400000123",) for link in result.links)


def test_burners_under_other_names_on_their_owners_phone_join_him() -> None:
    # David's own account carries his name and mailbox; three more on his phone each carry another
    # name and a throwaway mailbox. Their names say many people, so the phone links no one by
    # itself, but a throwaway is no second person: each joins the phone's one holder with a lasting
    # mailbox. Three strangers on a cafe's computer, each with a throwaway and a name of their own,
    # have no such owner and stay three.
    display = ["David Snyder", "Holly Palmer", "Linda Williams", "Jacob Hughes"]
    display += ["Aroha Ngata", "Brent Walker", "Chloe Sato"]
    accounts = pa.table(
        {"username": [f"u{i}" for i in range(7)], "display_name": display, "stated_country": ["GB"] * 7}
    )
    rows = [(i, "phone", "+447466963384") for i in range(4)]
    rows += [(0, "email", "david_snyder@btinternet.com"), (1, "email", "x9q2@yopmail.com")]
    rows += [(2, "email", "kk71@mailinator.com"), (3, "email", "zz40@guerrillamail.com")]
    rows += [(4 + i, "device", "cafe-pc-2") for i in range(3)]
    rows += [
        (4, "email", "a1@yopmail.com"),
        (5, "email", "b2@mailinator.com"),
        (6, "email", "c3@getnada.com"),
    ]
    result = resolve(accounts, _identifier_rows(rows), _no_events())
    labels = result.labels.tolist()
    assert labels[:4] == [0, 0, 0, 0]
    assert len(set(labels[4:])) == 3
    assert {key.value for key in result.excluded_keys} == {"+447466963384", "cafe-pc-2"}
    joined = [link for link in result.links if link.evidence == ("phone:+447466963384",)]
    assert sorted(max(link.a, link.b) for link in joined) == [1, 2, 3]
    # With a second lasting mailbox on the phone, which of the two made the burners is not guessed.
    second = [*rows, (3, "email", "jacob.hughes@outlook.com")]
    result = resolve(accounts, _identifier_rows(second), _no_events())
    assert len(set(result.labels[:4].tolist())) == 4
    # Accounts that give no mailbox at all on a number whose holders' names say many people are a
    # shop's customers who typed its number, not the burners of the one holder who gives a mailbox.
    customers = [row for row in rows if not (row[0] in (1, 2, 3) and row[1] == "email")]
    result = resolve(accounts, _identifier_rows(customers), _no_events())
    assert len(set(result.labels[:4].tolist())) == 4


def test_a_mailbox_that_spells_a_name_speaks_for_its_holder() -> None:
    # Two accounts share a phone: Hassan's, under his name, and one under another name whose own
    # mailbox spells his. The household guard reads that mailbox as a name: one person. A mailbox of
    # one run of letters, where a name would be a guess, a mother and her son on the family phone,
    # and a mailbox spelling the account's own other name, each keep two.
    def persons(display: list[str], mailboxes: list[str]) -> int:
        accounts = pa.table({"username": ["a", "b"], "display_name": display, "stated_country": ["NZ"] * 2})
        rows = [(0, "phone", "+6421555012"), (1, "phone", "+6421555012")]
        rows += [(i, "email", mailbox) for i, mailbox in enumerate(mailboxes)]
        return len(set(resolve(accounts, _identifier_rows(rows), _no_events()).labels.tolist()))

    assert (
        persons(["Hassan Kazemi", "Samuel Mwangi"], ["hkazemi05@yahoo.com", "hassan.kazemi@gmail.com"]) == 1
    )
    assert (
        persons(["Hassan Kazemi", "Samuel Mwangi"], ["hkazemi05@yahoo.com", "kazemi_hassan82@aol.com"]) == 1
    )
    assert persons(["Hassan Kazemi", "Samuel Mwangi"], ["hkazemi05@yahoo.com", "hassankazemi@gmail.com"]) == 2
    assert persons(["Maria Santos", "Joao Santos"], ["maria.santos@gmail.com", "joao.santos@gmail.com"]) == 2
    assert persons(["Hassan Kazemi", "Samuel Mwangi"], ["hkazemi05@yahoo.com", "sam.mwangi@gmail.com"]) == 2


def test_one_name_carried_by_everyone_on_a_value_does_not_make_them_one_person() -> None:
    # 25 accounts (more than a value links on names alone) named alike on one device: each keeps a
    # mailbox of its own, so they are 25 people; when their mailboxes join them, they are one.
    n = 25
    accounts = pa.table(
        {
            "username": [f"h{i}" for i in range(n)],
            "display_name": ["John Smith"] * n,
            "stated_country": ["US"] * n,
        }
    )
    device = [(i, "device", "3f2504e0-4f89-11d3-9a0c-0305e82c3301") for i in range(n)]
    own = [(i, "email", f"person{i}.surname{i}@example.org") for i in range(n)]
    assert len(set(resolve(accounts, _identifier_rows(device + own), _no_events()).labels.tolist())) == n
    few = [(i, "email", f"js{i % 3}@example.org") for i in range(n)] + [
        (i, "email", "js0@example.org") for i in range(n) if i % 3
    ]
    assert len(set(resolve(accounts, _identifier_rows(device + few), _no_events()).labels.tolist())) == 1
    # A platform's placeholder for a name it does not show agrees with nothing: the names the
    # provider recorded decide, and they are fifteen people's.
    people = ["Mary Brown", "Ahmed Khan", "Chloe Sato", "Dmitri Okafor", "Elif Brandt"] * 3
    placeholder = pa.table(
        {
            "username": [f"d{i}" for i in range(15)],
            "display_name": ["Deleted User"] * 15,
            "stated_country": ["GB"] * 15,
        }
    )
    rows = [(i, "device", "a1b2c3d4e5f6") for i in range(15)] + [
        (i, "name", f"{people[i]} {'I' * (i // 5 + 1)}") for i in range(15)
    ]
    assert len(set(resolve(placeholder, _identifier_rows(rows), _no_events()).labels.tolist())) == 15


def test_what_two_accounts_share_of_rare_ips_is_judged_per_pair() -> None:
    """The rare-IP levels of a pair come from the addresses and days the two accounts share, however
    many addresses each holds: one on one day, two or more, one, none."""
    from tiaki.engines import resolution_sql as sql
    from tiaki.engines.resolution_sql import DuckDBBackend

    day = 86_400
    events = [  # (account, ip, day)
        (0, "a", 1),
        (1, "a", 1),  # one address on one day
        (0, "b", 2),
        (2, "b", 3),
        (0, "c", 4),
        (2, "c", 5),  # two addresses, never on one day
        (0, "d", 6),
        (3, "d", 7),  # one address
        (1, "e", 8),
        (2, "f", 8),  # nothing shared
    ] + [(0, f"x{i}", d) for i in range(50) for d in range(20)]  # many addresses of its own
    with DuckDBBackend.in_memory() as backend:
        backend.register(
            "res_acc_in",
            pa.table(
                {
                    "unique_id": pa.array(range(4), pa.int64()),
                    "username": ["", "", "", ""],
                    "display_name": ["", "", "", ""],
                    "display_norm": ["", "", "", ""],
                    "stated_country": ["NZ"] * 4,
                }
            ),
        )
        backend.register(
            "res_identifiers",
            pa.table({"account": pa.array([], pa.int64()), "kind": pa.array([], pa.string()),
                      "value": pa.array([], pa.string())}),
        )  # fmt: skip
        backend.register(
            "res_ip_events",
            pa.table(
                {
                    "account": pa.array([e[0] for e in events], pa.int64()),
                    "ip": [e[1] for e in events],
                    "timestamp": pa.array([e[2] * day + 60 for e in events], pa.int64()),
                }
            ),
        )
        backend.execute(sql.accounts_sql())
        backend.execute(sql.features_sql(10, 2))
        labels = [label for _, label in dict(sql.COMPARISONS)["rare_ip"]]
        levels = {}
        for left, right in [(0, 1), (1, 0), (0, 2), (2, 0), (0, 3), (1, 2), (1, 3)]:
            backend.register("res_u_pairs", pa.table({"l": [left], "r": [right]}))
            backend.execute(sql.sampled_levels_sql())
            ((g,),) = backend.rows("select g_rare_ip from res_u_gamma")
            levels[(left, right)] = labels[g]
        assert levels == {
            (0, 1): "same-day", (1, 0): "same-day", (0, 2): "2+", (2, 0): "2+", (0, 3): "1",
            (1, 2): "disagree", (1, 3): "disagree",
        }  # fmt: skip
        # The u of each level from the pairs that reach it: one pair on one day, one on two
        # addresses, one on one address.
        shared = dict(
            zip(
                ["same-day", "2+", "1"],
                backend.rows(dict((name, query) for name, _, query, _ in sql.SHARED_VALUE_PAIRS)["rare_ip"])[
                    0
                ],
                strict=True,
            )
        )
        assert shared == {"same-day": 1, "2+": 1, "1": 1}


def test_a_rare_slip_of_a_name_the_register_writes_often_is_that_name() -> None:
    """The register writes "Jacc" and "Isle" once, and "Jack" and "Isla" in many records: two
    records born on one day at one address under "Jack Wilson" and "Jacc Wilson" (the last letter
    mistyped, too short for the fixed rule) are one person, as are "Isla Brown" and "Isle Brown".
    Once the register also writes "Jock" often (five other people), "Jack Wilson" and "Jock Wilson"
    born on one day at one address are twins, not a slip."""
    tables, _, _ = _register()
    n = tables["accounts"].num_rows
    pairs = [("Jack Wilson", "Jacc Wilson"), ("Isla Brown", "Isle Brown"), ("Jack Wilson", "Jock Wilson")]
    names = [name for pair in pairs for name in pair] + [f"Jock {s.title()}" for s in SURNAMES[:5]]
    rows: list[tuple[int, str, str]] = []
    for i in range(len(pairs)):
        for j in range(2):
            rows += [
                (2 * i + j, "dob", f"1961-0{i + 1}-17"),
                (2 * i + j, "address", f"{7 + i} lorikeet lane 2615"),
            ]
    for k in range(5):
        rows += [
            (2 * len(pairs) + k, "dob", f"1972-11-{10 + k}"),
            (2 * len(pairs) + k, "address", f"{k} emu way 2600"),
        ]
    labels = _with_records(tables, names, rows)
    merged = [bool(labels[n + 2 * i] == labels[n + 2 * i + 1]) for i in range(len(pairs))]
    assert merged == [True, True, False]
