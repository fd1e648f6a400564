"""``tiaki outcome add | list | withdraw`` from the installed command, on a package that was sent."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from builders import IP_EVENTS, write_bundle
from installed import label, tiaki

pytestmark = [pytest.mark.db, pytest.mark.slow]


def test_outcomes_are_recorded_listed_and_withdrawn(env, tmp_path: Path):
    events = [{**IP_EVENTS[0]}, {**IP_EVENTS[1], "ip": "1.128.0.1"}]  # a3: an Australian access network
    tiaki(env, "ingest", write_bundle(tmp_path / "b", ip_events=events), "-o", "op")
    tiaki(env, "agency", "add", "--country", "AU", "--name", "AU Police", "--channel", "liaison")
    unknown = ("user", "add", "pat", "--role", "partner", "-o", "op", "--country", "AU", "--agency", "AFP")
    assert "no agency 'AFP' in AU" in tiaki(env, *unknown, "--no-password", code=2)
    tiaki(env, "run", "-o", "op")
    sent = tiaki(env, "package", "send", "-o", "op", "AU", "--reference", "LO-1")
    send = re.search(r"send #(\d+)", sent).group(1)  # type: ignore[union-attr]
    person = label(env, "a3")
    today = date.today().isoformat()

    def add(who: str, kind: str, *more: str, code: int = 0) -> str:
        return tiaki(env, "outcome", "add", "-o", "op", send, who, "--kind", kind, *more, code=code)

    out = add(person, "arrested", "--date", today)
    number = re.search(r"outcome #(\d+)", out).group(1)  # type: ignore[union-attr]
    markup = "see [/] [link=x]y[/link]"
    add(person, "children-safeguarded", "--date", today, "--children", "2", "--note", markup)
    assert "needs a count" in add(person, "children-safeguarded", "--date", today, code=2)
    assert "not in the AU package" in add("P-000000000000", "arrested", "--date", today, code=2)
    assert "is not one of" in add(person, "jailed", "--date", today, code=2)
    assert "not a date" in add(person, "arrested", "--date", "soon", code=2)
    keyed = add(person, "charged", "--date", today, "--key", "LO-1/17")
    again = add(person, "charged", "--date", today, "--key", "LO-1/17")  # the same message entered twice
    assert re.search(r"outcome #\d+", again).group(0) == re.search(r"outcome #\d+", keyed).group(0)  # type: ignore[union-attr]
    assert "nothing new" in again and "nothing new" not in keyed
    assert "sent before with another outcome" in add(
        person, "convicted", "--date", today, "--key", "LO-1/17", code=2
    )
    elsewhere = tiaki(
        env, "outcome", "add", "-o", "op", "999", person, "--kind", "arrested", "--date", today, code=2
    )
    assert "no package #999" in elsewhere
    listed = tiaki(env, "outcome", "list", "-o", "op")
    assert listed.count("charged") == 1 and "convicted" not in listed
    assert "arrested" in listed and "2 children" in listed and "AU Police" in listed
    assert markup in listed  # a partner's text is printed, never read as markup
    tiaki(env, "outcome", "withdraw", "-o", "op", number, "--reason", "the wrong person")
    assert "(withdrawn)" in tiaki(env, "outcome", "list", "-o", "op", "--country", "AU")
    assert "already withdrawn" in tiaki(
        env, "outcome", "withdraw", "-o", "op", number, "--reason", "x", code=2
    )
    assert "intact" in tiaki(env, "audit", "verify")
