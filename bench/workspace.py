"""The workspace under load: signed-in users working at once against `tiaki serve` on loopback.

    python bench/workspace.py --accounts 20000 [--users 20] [--seconds 60] [--think 2] [--work DIR]

A synthetic operation is made with `tiaki demo` (generated, ingested, every stage run) in a data
directory of its own; each of ``--users`` supervisors is added with a password and a second factor
and signs in over HTTP (password, then a TOTP code). Then, for a fixed time, each user's thread asks
for the pages of the workspace one after another, picked at random: the dashboard, the persons list
(any page, with and without filters), a search by an identifier written as disclosed, a person's
file, the review queues, the audit log and the operation's results, pausing between pages as a
person reading them does (``--think`` seconds on average, drawn uniformly from half to one and a
half times that; 0 asks back to back, which measures a saturated server rather than people
working). The server is
`tiaki serve` (gunicorn, 2 workers of 8 threads). Latency is measured from request to the last byte.
The baseline, in the same run, is one user alone asking for every page 10 times: the ratio says what
the load adds. Prints p50/p95 per page and writes bench/results/workspace-<accounts>.json. Target:
p95 under 300 ms for every page.
"""

from __future__ import annotations

import argparse
import base64
import csv
import http.cookiejar
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PASSWORD = "correct horse battery staple"
TARGET_MS = 300.0


def tiaki(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "tiaki.cli.main", *args], env=env, check=True, timeout=7200)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def add_users(data: Path, operation: str, n: int) -> list[tuple[str, str]]:
    """``n`` supervisors with a password and a confirmed TOTP device: (name, base32 secret)."""
    os.environ["TIAKI_DATA_DIR"] = str(data)
    from tiaki.cli.bootstrap import open_case

    who = open_case()
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tiaki.apps.access.services.users import add_user, set_password
    from tiaki.apps.operations.queries import get_operation

    op = get_operation(operation, who)
    users = []
    for i in range(n):
        name = f"bench{i:02d}"
        if not User.objects.filter(username=name).exists():
            add_user(name, "supervisor", [op], countries=[], agency="", actor=who)
            set_password(name, PASSWORD, actor=who)
            TOTPDevice.objects.create(user=User.objects.get(username=name), name="bench", confirmed=True)
        device = TOTPDevice.objects.get(user__username=name)
        users.append((name, base64.b32encode(device.bin_key).decode()))
    return users


def sample(data: Path, operation: str) -> tuple[int, list[str], list[str], int]:
    """The operation's id, some person labels, some identifiers as disclosed, the persons' page count."""
    from tiaki.apps.operations.models import Operation
    from tiaki.apps.subjects.models import Person

    op = Operation.objects.get(name=operation)
    labels = list(Person.objects.filter(operation=op).order_by("?").values_list("label", flat=True)[:500])
    (bundle,) = (data / "demo").glob("synth-*/bundle")
    with (bundle / "identifiers.csv").open(newline="", encoding="utf-8") as fh:
        rows = [r["value"] for r in csv.DictReader(fh) if r["kind"] in ("email", "phone")]
    persons = Person.objects.filter(operation=op).count()
    return op.pk, labels, random.Random(1).sample(rows, min(500, len(rows))), max(1, persons // 50)


class User:
    def __init__(self, base: str, name: str, secret: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.name, self.secret = name, secret

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with self.opener.open(self.base + path, timeout=60) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, bytes]:
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        try:
            with self.opener.open(request, timeout=60) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def token(self, html: bytes) -> str:
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert found, html[:500]
        return found.group(1).decode()

    def sign_in(self) -> None:
        from django_otp.oath import hotp

        _, page = self.get("/signin/")
        self.post(
            "/signin/", {"username": self.name, "password": PASSWORD, "csrfmiddlewaretoken": self.token(page)}
        )
        _, page = self.get("/signin/verify/")
        code = f"{hotp(base64.b32decode(self.secret), int(time.time() // 30), digits=6):06d}"
        self.post("/signin/verify/", {"code": code, "csrfmiddlewaretoken": self.token(page)})
        status, page = self.get("/")
        assert status == 200 and b"Operations" in page, (status, page[:300])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds between a user's pages")
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-bench-workspace"))
    args = parser.parse_args()
    data = args.work / f"data-{args.accounts}"
    operation = f"demo-{args.accounts}-7"
    env = {**os.environ, "TIAKI_DATA_DIR": str(data), "PYTHONPATH": str(ROOT / "src")}
    env.pop("DATABASE_URL", None)
    started = time.monotonic()
    if not (data / "tiaki.sqlite3").exists():
        tiaki(env, "demo", "--accounts", str(args.accounts))
    setup_s = time.monotonic() - started
    sys.path.insert(0, str(ROOT / "src"))
    users = add_users(data, operation, args.users)
    op_id, labels, identifiers, pages = sample(data, operation)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tiaki.cli.main",
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
            "--threads",
            "8",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        clients = [User(base, name, secret) for name, secret in users]
        for c in clients:
            c.sign_in()
        o = f"/o/{op_id}"
        choices = [
            ("dashboard", lambda r: f"{o}/"),
            ("persons", lambda r: f"{o}/persons/?page={r.randint(1, pages)}"),
            ("persons filtered", lambda r: f"{o}/persons/?band=high&status=new"),
            ("search", lambda r: f"{o}/persons/?" + urllib.parse.urlencode({"q": r.choice(identifiers)})),
            ("person file", lambda r: f"{o}/persons/{r.choice(labels)}/"),
            ("review", lambda r: f"{o}/review/"),
            ("audit", lambda r: f"{o}/audit/?action=subjects.person-viewed"),
            ("results", lambda r: f"{o}/results/"),
        ]
        alone: dict[str, list[float]] = defaultdict(list)
        r0 = random.Random(0)
        for _ in range(10):
            for name, path in choices:
                t0 = time.perf_counter()
                clients[0].get(path(r0))
                alone[name].append((time.perf_counter() - t0) * 1000)
        deadline = time.monotonic() + args.seconds

        def work(client: User, seed: int) -> None:
            r = random.Random(seed)
            while time.monotonic() < deadline:
                name, path = r.choice(choices)
                t0 = time.perf_counter()
                status, _ = client.get(path(r))
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    timings[name].append(ms)
                    if status != 200:
                        errors[name] += 1
                if args.think:
                    time.sleep(r.uniform(0.5, 1.5) * args.think)

        threads = [threading.Thread(target=work, args=(c, i)) for i, c in enumerate(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait(timeout=30)

    def pct(values: list[float], q: float) -> float:
        return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]

    rows = {
        name: {
            "requests": len(v),
            "errors": errors[name],
            "p50_ms": round(pct(v, 50), 1),
            "p95_ms": round(pct(v, 95), 1),
            "max_ms": round(max(v), 1),
            "alone_p50_ms": round(statistics.median(alone[name]), 1),
            "p95_over_alone": round(pct(v, 95) / max(statistics.median(alone[name]), 0.1), 1),
        }
        for name, v in sorted(timings.items())
    }
    print(f"{'page':<18}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'alone ms':>10}{'ratio':>7}")
    for name, row in rows.items():
        print(
            f"{name:<18}{row['requests']:>9}{row['errors']:>8}{row['p50_ms']:>9}{row['p95_ms']:>9}"
            f"{row['alone_p50_ms']:>10}{row['p95_over_alone']:>7}"
        )
    result = {
        "benchmark": "workspace",
        "accounts": args.accounts,
        "users": args.users,
        "seconds": args.seconds,
        "think_seconds": args.think,
        "server": "tiaki serve: gunicorn gthread, 2 workers x 8 threads, SQLite (WAL)",
        "setup_seconds": round(setup_s, 1),
        "target_p95_ms": TARGET_MS,
        "pages": rows,
        "all_under_target": all(r["p95_ms"] < TARGET_MS for r in rows.values()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.system()},
    }
    suffix = "" if args.think else "-saturated"
    out = HERE / "results" / f"workspace-{args.accounts}{suffix}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
