"""The REST API as `tiaki serve` answers it (a WSGI server with threads, the case's own SQLite): a
partner's client that sends one outcome many times at once under one ``Idempotency-Key``, as a
client retrying on a slow link does, records it once."""

from __future__ import annotations

import csv
import io
import json
import os
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from serving import OPERATION, PASSWORD, ROOT, tiaki_cli

pytestmark = pytest.mark.slow
AGENCY = "Retry Police"


def _call(url: str, token: str, body: Any = None, key: str | None = None) -> tuple[int, dict[str, str], Any]:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    if key is not None:
        headers["Idempotency-Key"] = key
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, dict(r.headers), json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), json.loads(e.read())


def test_one_outcome_sent_many_times_at_once_under_one_key_is_recorded_once(server: tuple[str, Path]) -> None:
    url, data = server
    env = {**os.environ, "TIAKI_DATA_DIR": str(data), "PYTHONPATH": str(ROOT / "src")}
    env.pop("DATABASE_URL", None)
    env.pop("TIAKI_SECRET_KEY", None)
    persons = list(
        csv.DictReader(
            io.StringIO(tiaki_cli(env, "export", "persons", "--operation", OPERATION, "--out", "-"))
        )
    )
    counts = Counter(row["country"] for row in persons if row["country"])
    country = counts.most_common(2)[-1][0]  # not the portal test's country (the busiest)
    person = next(row["person_id"] for row in persons if row["country"] == country)
    tiaki_cli(env, "agency", "add", "--country", country, "--name", AGENCY, "--channel", "liaison")
    tiaki_cli(env, "package", "send", "--operation", OPERATION, country, "--agency", AGENCY)
    tiaki_cli(
        env,
        *("user", "add", "rita", "--role", "partner", "--operation", OPERATION),
        *("--country", country, "--agency", AGENCY, "--password-stdin"),
        stdin=PASSWORD + "\n",
    )
    token = tiaki_cli(env, "token", "create", "retrying client", "--user", "rita").strip().splitlines()[-1]
    _, _, operations = _call(url + "/api/operations", token)
    op = operations["items"][0]["id"]
    _, _, sends = _call(f"{url}/api/operations/{op}/sends", token)
    (sent,) = sends["items"]
    outcomes = f"{url}/api/operations/{op}/sends/{sent['id']}/outcomes"
    arrest = {"person": person, "kind": "arrested", "occurred_on": date.today().isoformat()}

    with ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(lambda _: _call(outcomes, token, arrest, key="retry-1"), range(12)))
    assert {status for status, _, _ in answers} == {201}, answers
    assert len({body["id"] for _, _, body in answers}) == 1, answers
    assert sum(headers.get("Idempotent-Replayed") == "true" for _, headers, _ in answers) == 11
    status, _, refused = _call(outcomes, token, {**arrest, "kind": "charged"}, key="retry-1")
    assert status == 422 and "sent before with another outcome" in refused["detail"]
    _, _, listed = _call(f"{url}/api/operations/{op}/outcomes?send={sent['id']}", token)
    assert [o["kind"] for o in listed["items"]] == ["arrested"]
