"""A provider that discloses an account again (a follow-up disclosure naming the same account id)
discloses one account: its rows are one person's, whatever the model makes of them."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.compute as pc
import pytest

from builders import actor, write_bundle
from tiaki.apps.intake.models import Account
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.queries import get_operation
from tiaki.apps.operations.services.operations import SettingsChange, change_settings
from tiaki.apps.subjects.choices import DecisionKind
from tiaki.apps.subjects.models import Person, ResolutionLink
from tiaki.apps.subjects.services.decisions import link_decision
from tiaki.apps.subjects.services.resolve import (
    SAME_ACCOUNT,
    AccountRow,
    account_rows,
    first_rows,
    model_inputs,
    resolve,
)

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


def _members(account: Account) -> set[str]:
    person = Account.objects.get(pk=account.pk).person_link.person  # as stored now
    return {
        f"{link.account.disclosure.disclosure_id}/{link.account.account_id}" for link in person.accounts.all()
    }


@pytest.mark.parametrize("method", ["probabilistic", "hard"])
def test_evidence_is_credited_to_the_row_that_holds_it_and_rows_kept_apart_stay_apart(
    tmp_path: Path, method: str
) -> None:
    """A follow-up's new phone, shared with a new account, links that account to the follow-up's row
    (which holds the phone), not to the first disclosure's; once an investigator separates the two
    rows of the account, the model reads them as two accounts and the phone's evidence stays with the
    row that holds it."""
    ingest(write_bundle(tmp_path / "first"), "op", actor=actor())
    again = {
        **FOLLOW_UP,
        "accounts": [
            FOLLOW_UP["accounts"][0],
            {"account_id": "a9", "username": "night_owl", "stated_country": "US"},
        ],
        "identifiers": [
            {"account_id": "a3", "kind": "phone", "value": "+1 212 555 0199"},
            {"account_id": "a9", "kind": "phone", "value": "+1 (212) 555-0199"},
        ],
    }
    second = write_bundle(tmp_path / "second", disclosure_id="provider-2019-0002", **again)
    ingest(second, "op", actor=actor())
    operation = get_operation("op", actor())
    change_settings(operation, SettingsChange(resolution_method=method), actor())
    resolve(operation, actor=actor())
    a9 = Account.objects.get(account_id="a9")
    assert _members(a9) == {"provider-2019-0001/a3", "provider-2019-0002/a3", "provider-2019-0002/a9"}
    phone = ResolutionLink.objects.get(kind="phone")
    assert {phone.account_a.disclosure.disclosure_id, phone.account_b.disclosure.disclosure_id} == {
        "provider-2019-0002"
    }
    link_decision(
        operation,
        DecisionKind.REJECT,
        "provider-2019-0001/a3",
        "provider-2019-0002/a3",
        reason="two people behind one account id",
        actor=actor(),
    )
    resolve(operation, actor=actor())
    assert _members(a9) == {"provider-2019-0002/a3", "provider-2019-0002/a9"}
    first_a3 = Account.objects.get(account_id="a3", disclosure__disclosure_id="provider-2019-0001")
    assert _members(first_a3) == {"provider-2019-0001/a3"}
    assert not ResolutionLink.objects.filter(kind=SAME_ACCOUNT).exists()


def test_one_provider_account_whatever_the_spacing_of_its_provider_and_id() -> None:
    def row(i: int, provider: str, platform: str, account_id: str) -> AccountRow:
        return AccountRow(i, f"d{i}", account_id, "", "", "", provider, platform)

    rows = [
        row(0, "Example Provider", "Chat", "a3"),
        row(1, "example  provider", " chat", " a3 "),  # a double space, as typed; spaces around the id
        row(2, "Example\u00a0Provider", "CHAT", "a3"),  # a no-break space
        row(3, "Another Provider", "Chat", "a3"),
        row(4, "Example Provider", "", "a3"),  # no platform: not known to be the same account
        row(5, "Example Provider", "Chat", "A3"),  # ids are compared as written
    ]
    assert first_rows(rows) == [0, 0, 0, 3, 4, 5]
    assert first_rows(rows, apart=[(1, 0)]) == [0, 1, 0, 3, 4, 5]
    assert first_rows(rows, apart=[(0, 1), (0, 2)]) == [0, 1, 1, 3, 4, 5]
