"""Build the member list, the household truth and the summary, and write them."""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import names as N
from .corrupt import Corrupter, Record
from .population import Household, Person, World

HEADER = (
    "rec_id",
    "given_name",
    "surname",
    "street_number",
    "address_1",
    "address_2",
    "suburb",
    "postcode",
    "state",
    "date_of_birth",
    "soc_sec_id",
)
DUPLICATES = {0: 50, 1: 22, 2: 12, 3: 8, 4: 5, 5: 3}  # duplicates per registered person


@dataclass
class MemberList:
    seed: int
    rows: list[Record] = field(default_factory=list)
    households: list[Household] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    duplicates: Counter[int] = field(default_factory=Counter)  # person id -> duplicates
    corruptions: Counter[str] = field(default_factory=Counter)
    corruptions_per_duplicate: Counter[int] = field(default_factory=Counter)


def original(person: Person, household: Household) -> Record:
    a = household.address
    return {
        "rec_id": f"rec-{person.pid}-org",
        "given_name": person.given,
        "surname": person.surname,
        "street_number": a.number,
        "address_1": a.street,
        "address_2": a.unit,
        "suburb": a.suburb,
        "postcode": a.postcode,
        "state": a.state,
        "date_of_birth": person.dob.strftime("%Y%m%d"),
        "soc_sec_id": person.ssid,
    }


def generate(records: int, seed: int) -> MemberList:
    """Exactly `records` rows: households are added until the count is reached."""
    if records < 1:
        raise ValueError("records must be at least 1")
    rng = random.Random(seed)
    world = World(rng)
    corrupter = Corrupter(rng, world)
    out = MemberList(seed)
    remaining = records
    while remaining > 0:
        household = world.household(len(out.households))
        if len(household.members) > remaining:  # too big for what is left: a single person instead
            household = world.household(len(out.households), "single")
        out.households.append(household)
        for i, person in enumerate(household.members):
            left = len(household.members) - i - 1  # members still to come, each needs a row
            person.pid = len(out.persons)
            out.persons.append(person)
            wanted = rng.choices(list(DUPLICATES), list(DUPLICATES.values()))[0]
            dups = min(wanted, remaining - left - 1)
            org = original(person, household)
            out.rows.append(org)
            for k in range(dups):
                dup, applied = corrupter.duplicate(org, person)
                dup["rec_id"] = f"rec-{person.pid}-dup-{k}"
                out.rows.append(dup)
                out.corruptions.update(applied)
                out.corruptions_per_duplicate[len(applied)] += 1
            out.duplicates[person.pid] = dups
            remaining -= 1 + dups
    rng.shuffle(out.rows)
    return out


def _similar(a: str, b: str) -> bool:
    return any(a in g and b in g for groups in N.SIMILAR.values() for g in groups)


def summary(members: MemberList) -> dict[str, Any]:
    persons = members.persons
    by_household: dict[int, list[Person]] = {}
    for p in persons:
        by_household.setdefault(p.household, []).append(p)
    twin_pairs = junior_senior = similar_siblings = 0
    near_twins = 0
    for people in by_household.values():
        twins = [p for p in people if p.role == "twin"]
        if len(twins) == 2:
            twin_pairs += 1
            near_twins += _similar(twins[0].given, twins[1].given)
        junior_senior += sum(p.role == "junior" for p in people) * sum(p.role == "senior" for p in people)
        kids = [p for p in people if p.role in ("child", "twin")]
        similar_siblings += sum(_similar(a.given, b.given) for i, a in enumerate(kids) for b in kids[i + 1 :])
    full_names: dict[tuple[str, str], set[int]] = {}
    for p in persons:
        full_names.setdefault((p.given, p.surname), set()).add(p.household)
    shared = sum(1 for p in persons if len(full_names[p.given, p.surname]) > 1)
    return {
        "seed": members.seed,
        "records": len(members.rows),
        "persons": len(persons),
        "households": len(members.households),
        "households_by_kind": dict(sorted(Counter(h.kind for h in members.households).items())),
        "persons_by_role": dict(sorted(Counter(p.role for p in persons).items())),
        "persons_by_duplicate_count": {
            str(k): v for k, v in sorted(Counter(members.duplicates.values()).items())
        },
        "duplicates": sum(members.duplicates.values()),
        "corruptions": dict(sorted(members.corruptions.items())),
        "corruptions_per_duplicate": {
            str(k): v for k, v in sorted(members.corruptions_per_duplicate.items())
        },
        "twin_pairs": twin_pairs,
        "twin_pairs_with_near_identical_names": near_twins,
        "junior_senior_pairs": junior_senior,
        "sibling_pairs_with_similar_names": similar_siblings,
        "households_with_several_members_registered": sum(len(v) > 1 for v in by_household.values()),
        "persons_sharing_full_name_with_another_household": shared,
        "distinct_full_names": len(full_names),
    }


def write(members: MemberList, outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    lines = [",".join(HEADER)]
    for row in members.rows:
        values = [row[key] for key in HEADER]
        bad = [v for v in values if any(ch in v for ch in ',"\n\r')]
        if bad:
            raise ValueError(f"value not writable without quoting: {bad!r}")
        lines.append(",".join(values))
    (outdir / "members.csv").write_text("\n".join(lines) + "\n", encoding="ascii")
    truth = ["person,household,role"] + [f"{p.pid},{p.household},{p.role}" for p in members.persons]
    (outdir / "households.csv").write_text("\n".join(truth) + "\n", encoding="ascii")
    text = json.dumps(summary(members), indent=2, sort_keys=False)
    (outdir / "summary.json").write_text(text + "\n", encoding="ascii")
