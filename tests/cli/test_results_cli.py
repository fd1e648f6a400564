"""``tiaki report operation OP`` from the installed command: the tables, the CSV and the PDF."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from builders import write_bundle
from installed import TIAKI
from mmdb_helpers import write_country_mmdb
from tiaki.formats.documents import check_pdf

pytestmark = [pytest.mark.db, pytest.mark.slow]

# Outcomes come from partner agencies through the portal; here they are recorded through the service,
# in a process of their own on the same case.
RECORD_OUTCOMES = """
from tiaki.cli.bootstrap import open_case

actor = open_case(create=False)
from django.utils import timezone

from tiaki.apps.operations.queries import get_operation
from tiaki.apps.outcomes.queries.sent import referred_persons, sent_content
from tiaki.apps.referrals.queries import disseminations
from tiaki.apps.outcomes.services.outcomes import OutcomeFields, record_outcome

op = get_operation("op", actor)
sent = disseminations(actor, op).get(country="NZ")
person = referred_persons(sent_content(sent))[0].person
today = timezone.localdate()
record_outcome(op, sent.pk, OutcomeFields(person, "investigation-opened", today), actor)
record_outcome(op, sent.pk, OutcomeFields(person, "children-safeguarded", today, 4), actor)
"""


def run(env: dict[str, str], *args: object, code: int = 0) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [*map(str, args)], env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
    )
    assert done.returncode == code, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done


def tiaki(env: dict[str, str], *args: object, code: int = 0) -> subprocess.CompletedProcess[str]:
    return run(env, TIAKI, *args, code=code)


def test_the_report_prints_tables_and_writes_csv_and_pdf(env: dict[str, str], tmp_path: Path):
    geo = tmp_path / "geo"
    geo.mkdir()
    built = int(datetime(2019, 2, 1, tzinfo=UTC).timestamp())
    write_country_mmdb(geo / "geo.mmdb", {"8.8.8.0/24": "NZ", "1.1.1.0/24": "US"}, built)
    tiaki(env, "ingest", write_bundle(tmp_path / "b"), "-o", "op")
    tiaki(env, "agency", "add", "--country", "NZ", "--name", "NZ Police", "--channel", "liaison")
    tiaki(env, "run", "-o", "op", "--geo-dir", geo)
    tiaki(env, "package", "send", "-o", "op", "NZ", "--follow-up", "2020-01-31")
    run(env, sys.executable, "-c", RECORD_OUTCOMES)

    out = tiaki(env, "report", "operation", "op").stdout
    assert "Results of 'op'" in out and "Per country" in out and "Overdue follow-ups" in out
    assert "children safeguarded" in out and "NZ Police" in out and "acknowledgement" in out

    done = tiaki(env, "report", "operation", "op", "--csv", "-")
    rows = {r["country"]: r for r in csv.DictReader(io.StringIO(done.stdout))}
    assert "NZ" in rows and "total" in rows
    nz = rows["NZ"]
    assert (nz["persons_identified"], nz["packages_written"], nz["packages_sent"]) == ("1", "1", "1")
    assert (nz["acknowledged"], nz["investigations_opened"], nz["children_safeguarded"]) == ("0", "1", "4")
    assert rows["total"]["investigations_opened"] == "1"
    assert "Per country" in done.stderr  # the tables go to standard error when the CSV takes the output

    csv_file, pdf_file = tmp_path / "results.csv", tmp_path / "results.pdf"
    out = tiaki(env, "report", "operation", "op", "--csv", csv_file, "--pdf", pdf_file).stdout
    assert str(pdf_file) in out
    assert csv_file.read_text(encoding="utf-8") == done.stdout
    pdf = pdf_file.read_bytes()
    assert pdf.startswith(b"%PDF")
    check_pdf(pdf)

    assert "no operation" in tiaki(env, "report", "operation", "nope", code=2).stderr.lower()
    assert "--pdf" in tiaki(env, "report", "operation", "op", "--pdf", "-", code=2).stderr
