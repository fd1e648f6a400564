"""A provider that discloses an account again (a follow-up disclosure naming the same account id)
discloses one account: its rows are one person's, whatever the model makes of them."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.compute as pc
import pytest

from builders import actor, write_bundle
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.queries import get_operation
from tiaki.apps.operations.services.operations import SettingsChange, change_settings
from tiaki.apps.subjects.models import Person, ResolutionLink
from tiaki.apps.subjects.services.resolve import SAME_ACCOUNT, account_rows, model_inputs, resolve

pytestmark = pytest.mark.django_db

# The follow-up: a3 again, written differently (another handle, another phone, a login from another
# address), and a new account; then another provider's a3, a different account.
FOLLOW_UP = {
    "accounts": [
        {"account_id": "a3", "username": "kite.blue", "stated_country": ""},
        {"account_id": "a4", "username": "sea_gull", "stated_country": "AU"},
    ],
    "identifiers": [
        {"account_id": "a3", "kind": "phone", "value": "+1 212 555 0199"},
        {"account_id": "a4", "kind": "email", "value": "gull@example.net"},
    ],
    "ip_events": [
        {"account_id": "a3", "ip": "9.9.9.9", "event": "login", "timestamp": "2019-04-02T10:00:00Z"},
    ],
    "uploads": [],
}


def _persons_of(account_id: str) -> set[int]:
    return set(Person.objects.filter(accounts__account__account_id=account_id).values_list("pk", flat=True))


@pytest.fixture
def operation(tmp_path: Path):
    ingest(write_bundle(tmp_path / "first"), "op", actor=actor())
    second = write_bundle(tmp_path / "second", disclosure_id="provider-2019-0002", **FOLLOW_UP)
    ingest(second, "op", actor=actor())
    elsewhere = {
        **FOLLOW_UP,
        "identifiers": [
            {"account_id": "a3", "kind": "phone", "value": "+44 20 7946 0321"},
            {"account_id": "a4", "kind": "email", "value": "tern@example.co.uk"},
        ],
        "ip_events": [],
    }
    other = write_bundle(tmp_path / "other", disclosure_id="other-2019-0001", **elsewhere)
    manifest = json.loads((other / "manifest.json").read_text())
    manifest["provider"]["name"] = "Another Provider"
    (other / "manifest.json").write_text(json.dumps(manifest))
    ingest(other, "op", actor=actor())
    return get_operation("op", actor())


@pytest.mark.parametrize("method", ["probabilistic", "hard"])
def test_one_providers_account_disclosed_twice_is_one_persons(operation, method: str) -> None:
    change_settings(operation, SettingsChange(resolution_method=method), actor())
    summary = resolve(operation, actor=actor())
    assert summary.accounts == 7
    ours = Person.objects.filter(
        accounts__account__account_id="a3", accounts__account__disclosure__provider_name="Example Provider"
    ).distinct()
    assert ours.count() == 1
    person = ours.get()
    assert sorted(person.accounts.values_list("account__disclosure__disclosure_id", flat=True)) == [
        "provider-2019-0001",
        "provider-2019-0002",
    ]
    link = ResolutionLink.objects.get(person=person, kind=SAME_ACCOUNT)
    assert link.value == "a3 (Example Provider)"
    # Another provider's a3 is another account; the new a4s are theirs alone.
    assert len(_persons_of("a3")) == 2
    assert len(_persons_of("a4")) == 2
    assert ResolutionLink.objects.filter(kind=SAME_ACCOUNT).count() == 1


def test_the_model_reads_one_row_per_provider_account_with_what_every_row_holds(operation) -> None:
    accounts = account_rows(operation)
    inputs = model_inputs(operation, accounts, {row.pk: i for i, row in enumerate(accounts)})
    read = [accounts[i] for i in inputs.positions]
    assert [(row.disclosure_id, row.account_id) for row in read] == [
        ("provider-2019-0001", "a1"),
        ("provider-2019-0001", "a2"),
        ("provider-2019-0001", "a3"),
        ("provider-2019-0002", "a4"),
        ("other-2019-0001", "a3"),
        ("other-2019-0001", "a4"),
    ]
    phones = inputs.identifiers.filter(pc.equal(inputs.identifiers["kind"], "phone"))
    assert sorted(zip(phones["account"].to_pylist(), phones["value"].to_pylist(), strict=True)) == [
        (2, "+12125550199"),
        (2, "+14155550132"),
        (4, "+442079460321"),
    ]
    assert sorted(inputs.ip_events["account"].to_pylist()) == [0, 2, 2]
    assert inputs.accounts.num_rows == 6 and inputs.accounts["username"][2].as_py() == "blue_kite"
