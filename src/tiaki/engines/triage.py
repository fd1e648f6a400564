"""The triage model: points for what makes a suspect urgent, each citing its evidence.

Version ``points-2``. Persons are ranked by score; ties by label. The factors and their points:

| factor | points | evidence |
|---|---|---|
| records: access to children | 40 | the records-check fact and the identifier it matched |
| records: position of trust | 30 | as above |
| records: registered offender | 30 | as above |
| records: prior conviction | 25 | as above |
| records: other fact | 5 | as above |
| new, unknown material uploaded (possible production) | 20, +2 per further item, at most 30 | the items |
| known material uploaded | 5 per item of severity 3, 3 of 2, 1 of 1; at most 30 | the items, graded |
| uploader | 10 | number of uploads |
| viewer only (accessed material, uploaded none) | 2 | number of accesses |
| owner or admin of a venue | 10 | the venues |
| the provider escalated a report on them to high priority | 15 | the reports and the provider's reason |
| the provider graded their files (industry scale) | 5 per A1 or B1, 3 per A2 or B2; at most 20 | the files |

Each records fact counts once per kind of fact, however many identifiers matched it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MODEL_VERSION = "points-2"

RECORD_POINTS = {
    "access_to_children": 40,
    "position_of_trust": 30,
    "registered_offender": 30,
    "prior_conviction": 25,
    "other": 5,
}
SEVERITY_POINTS = {3: 5, 2: 3, 1: 1}
KNOWN_CAP = 30
NEW_FIRST, NEW_EACH, NEW_CAP = 20, 2, 30
UPLOADER, VIEWER_ONLY, VENUE_ROLE = 10, 2, 10
ESCALATED = 15
PROVIDER_GRADE_POINTS = {"A1": 5, "B1": 5, "A2": 3, "B2": 3}
PROVIDER_GRADE_CAP = 20


@dataclass
class PersonFacts:
    """What is known about one person, gathered by the caller."""

    records: list[tuple[str, str, str]] = field(default_factory=list)  # (fact, detail, matched identifier)
    known_items: list[tuple[str, int, str]] = field(default_factory=list)  # (media key, severity, label)
    new_items: list[str] = field(default_factory=list)  # media keys of unmatched pictures and videos
    uploads: int = 0
    accesses: int = 0
    venue_roles: list[tuple[str, str]] = field(default_factory=list)  # (venue id, role)
    escalations: list[tuple[str, str]] = field(default_factory=list)  # (report id, provider's reason)
    provider_grades: list[tuple[str, str]] = field(default_factory=list)  # (upload id, A1/A2/B1/B2)


@dataclass(frozen=True)
class Reason:
    factor: str
    points: int
    evidence: list[str]

    def as_dict(self) -> dict[str, object]:
        return {"factor": self.factor, "points": self.points, "evidence": self.evidence}


def assess(facts: PersonFacts) -> tuple[int, list[Reason]]:
    """The score and its reasons. Evidence is listed in a fixed order whatever order the caller's
    database returned the facts in (the most severe known items first), so the same facts always
    give the same reasons and the same first ten items."""
    reasons: list[Reason] = []
    by_fact: dict[str, list[str]] = {}
    for fact, detail, identifier in sorted(facts.records):
        by_fact.setdefault(fact, []).append(f"{detail or fact} (matched {identifier})")
    for fact in sorted(by_fact, key=lambda f: -RECORD_POINTS.get(f, 5)):
        reasons.append(
            Reason(f"records: {fact.replace('_', ' ')}", RECORD_POINTS.get(fact, 5), by_fact[fact])
        )
    if facts.new_items:
        points = min(NEW_CAP, NEW_FIRST + NEW_EACH * (len(facts.new_items) - 1))
        reasons.append(
            Reason(
                "new material uploaded (possible production)",
                points,
                [f"{len(facts.new_items)} unmatched item(s)", *sorted(facts.new_items)[:10]],
            )
        )
    known = sorted(facts.known_items, key=lambda item: (-item[1], item[0], item[2]))
    if known:
        points = min(KNOWN_CAP, sum(SEVERITY_POINTS.get(sev, 0) for _, sev, _ in known))
        if points:
            reasons.append(
                Reason(
                    "known material uploaded",
                    points,
                    [f"{key} ({label})" for key, _, label in known[:10]],
                )
            )
    if facts.uploads:
        reasons.append(Reason("uploader", UPLOADER, [f"{facts.uploads} upload(s)"]))
    elif facts.accesses:
        reasons.append(Reason("viewer only", VIEWER_ONLY, [f"{facts.accesses} access(es)"]))
    roles = [(venue, role) for venue, role in sorted(facts.venue_roles) if role in ("owner", "admin")]
    if roles:
        reasons.append(
            Reason("owner or admin of a venue", VENUE_ROLE, [f"{role} of {v}" for v, role in roles])
        )
    if facts.escalations:
        reasons.append(
            Reason(
                "provider escalated to high priority",
                ESCALATED,
                [f"report {report}: {why}" for report, why in sorted(facts.escalations)[:10]],
            )
        )
    graded = min(PROVIDER_GRADE_CAP, sum(PROVIDER_GRADE_POINTS.get(g, 0) for _, g in facts.provider_grades))
    if graded:
        reasons.append(
            Reason(
                "provider graded the files",
                graded,
                [f"upload {upload}: {grade}" for upload, grade in sorted(facts.provider_grades)[:10]],
            )
        )
    return sum(r.points for r in reasons), reasons
