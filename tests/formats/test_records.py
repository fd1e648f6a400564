"""The records-check reader."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tiaki.formats.errors import InputError
from tiaki.formats.records import RecordsFact, read_records

HEADER = "kind,value,fact,detail,source,checked_at\n"


def write(tmp_path: Path, *lines: str, name: str = "checks.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8-sig")
    return path


def test_good_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "email,otter@example.org,prior_conviction,2012 made-up offence,register,2019-10-01T09:00:00Z",
        "phone,+64 21 000 0000,position_of_trust,teacher,,",
        '"name+dob","Jane Doe|1980-02-03",access_to_children,lives with two children,local records,',
        "name,Jane Doe,other,,,",
    )
    facts = read_records(path)
    assert facts[0] == RecordsFact(
        "email",
        "otter@example.org",
        "prior_conviction",
        "2012 made-up offence",
        "register",
        datetime(2019, 10, 1, 9, tzinfo=UTC),
    )
    assert facts[1].detail == "teacher" and facts[1].source is None and facts[1].checked_at is None
    assert facts[2].kind == "name+dob" and facts[2].value == "Jane Doe|1980-02-03"
    assert len(facts) == 4


def test_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "checks.jsonl"
    path.write_text('{"kind": "email", "value": "heron@example.org", "fact": "registered_offender"}\n')
    assert read_records(path)[0].fact == "registered_offender"


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("email,,prior_conviction,,,", "value"),
        (",x@example.org,prior_conviction,,,", "kind"),
        ("shoe_size,9,other,,,", "kind"),
        ("email,x@example.org,unpaid_parking,,,", "fact"),
        ("email,x@example.org,other,,,2019-10-01 09:00", "checked_at"),
        ("name+dob,Jane Doe,other,,,", "value"),
        ("name+dob,Jane Doe|03/02/1980,other,,,", "value"),
        ("name+dob,|1980-02-03,other,,,", "value"),
        ("name+dob,Jane|Doe|1980-02-03,other,,,", "value"),
    ],
)
def test_bad_rows(tmp_path: Path, line: str, field: str) -> None:
    path = write(tmp_path, "email,ok@example.org,other,,,", line)
    with pytest.raises(InputError) as caught:
        read_records(path)
    assert (caught.value.file, caught.value.row, caught.value.field) == ("checks.csv", 3, field)


def test_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "checks.csv"
    path.write_text("kind,value,detail\nemail,x@example.org,\n")
    with pytest.raises(InputError) as caught:
        read_records(path)
    assert (caught.value.file, caught.value.row, caught.value.field) == ("checks.csv", 1, "fact")


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("email,x@example.org,other,,,0001-01-01T00:00:00+13:00", "checked_at"),
        ("email,x@exa\x00mple.org,other,,,", "value"),
        ("email," + "v" * 501 + ",other,,,", "value"),
        ("email,x@example.org,other," + "d" * 501 + ",,", "detail"),
        ("email,x@example.org,other,," + "s" * 201 + ",", "source"),
    ],
)
def test_values_the_database_cannot_hold(tmp_path: Path, line: str, field: str) -> None:
    path = write(tmp_path, "email,ok@example.org,other,,,", line)
    with pytest.raises(InputError) as caught:
        read_records(path)
    assert (caught.value.file, caught.value.row, caught.value.field) == ("checks.csv", 3, field)


def test_a_stray_quote_cannot_swallow_rows(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'email,"x@example.org,other,,,',
        "email,y@example.org,other,,,",
        'email,z@example.org",other,,,',
    )
    with pytest.raises(InputError) as caught:
        read_records(path)
    assert (caught.value.row, caught.value.field) == (2, "value")


def test_a_detail_may_span_lines(tmp_path: Path) -> None:
    path = write(tmp_path, 'email,x@example.org,other,"two\nlines",,', "email,y@example.org,other,,,")
    assert [f.detail for f in read_records(path)] == ["two\nlines", None]


def test_not_utf8_names_the_right_row(tmp_path: Path) -> None:
    path = tmp_path / "checks.csv"
    rows = [f"email,person{n:04d}@example.org,other,{'d' * 50},," for n in range(300)]
    rows[248] = "email,caf\xe9@example.org,other,,,"
    path.write_bytes((HEADER + "\n".join(rows) + "\n").encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_records(path)
    assert caught.value.row == 250
