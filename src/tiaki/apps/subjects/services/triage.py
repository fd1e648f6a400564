"""The triage stage: every person scored by the operation's triage model, each point with its reason."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass

from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.bulk import insert_rows, update_rows
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import Access, Account, Identifier, Report, Upload, VenueMembership
from tiaki.apps.media.choices import MediaKind
from tiaki.apps.media.models import Grade, MediaItem, MediaUpload
from tiaki.apps.media.queries import is_known
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import run_settings
from tiaki.apps.subjects.models import (
    Person,
    PersonAccount,
    RecordsFact,
    TriageAssessment,
)
from tiaki.engines import triage
from tiaki.engines.identifiers import comparable_forms
from tiaki.engines.progress import NullProgress, Progress

BATCH = 5000


def _gather(operation: Operation) -> dict[int, triage.PersonFacts]:
    person_of = dict(
        PersonAccount.objects.filter(person__operation=operation).values_list("account_id", "person_id")
    )
    facts: dict[int, triage.PersonFacts] = defaultdict(triage.PersonFacts)
    records: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for kind, normalised, fact, detail in (
        RecordsFact.objects.filter(records_import__operation=operation)
        .exclude(normalised="")
        .values_list("kind", "normalised", "fact", "detail")
    ):
        records[(kind, normalised)].append((fact, detail))
    if records:
        names: dict[int, list[str]] = defaultdict(list)
        dobs: dict[int, list[str]] = defaultdict(list)
        seen: dict[int, set[tuple[str, str]]] = defaultdict(set)
        for account_pk, kind, value, stated in (
            Identifier.objects.filter(account__operation=operation)
            .values_list("account_id", "kind", "value", "account__stated_country")
            .iterator(chunk_size=BATCH)
        ):
            forms = comparable_forms(kind, value, stated or None)
            if not forms or account_pk not in person_of:
                continue
            person = person_of[account_pk]
            if kind == "name":
                names[account_pk] += forms
            elif kind == "dob":
                dobs[account_pk] += forms
            for normal in forms:
                for fact, detail in records.get((kind, normal), []):
                    if (fact, kind + normal) not in seen[person]:
                        seen[person].add((fact, kind + normal))
                        facts[person].records.append((fact, detail, f"{kind} {value}"))
        for account_pk, account_names in names.items():
            for name in account_names:
                for dob in dobs.get(account_pk, []):
                    for fact, detail in records.get(("name+dob", f"{name}|{dob}"), []):
                        facts[person_of[account_pk]].records.append(
                            (fact, detail, f"name and date of birth {dob}")
                        )
    grades = {
        row.media_id: row
        for row in Grade.objects.filter(media__operation=operation).values_list(
            "media_id", "severity", "label", named=True
        )
    }
    media = {
        row.pk: row
        for row in MediaItem.objects.filter(operation=operation)
        .annotate(known=is_known())
        .values_list("pk", "key", "kind", "known", named=True)
    }
    seen_media: dict[int, set[int]] = defaultdict(set)
    for account_pk, media_pk in MediaUpload.objects.filter(media__operation=operation).values_list(
        "upload__account_id", "media_id"
    ):
        owner = person_of.get(account_pk)
        if owner is None:
            continue
        facts[owner].uploads += 1
        if media_pk in seen_media[owner]:
            continue
        seen_media[owner].add(media_pk)
        item = media[media_pk]
        if item.known:  # known material counts by its grade, whoever gave it
            grade = grades.get(media_pk)
            severity, label = (grade.severity, grade.label) if grade else (0, "uncategorised")
            facts[owner].known_items.append((item.key, severity, label))
        elif item.kind in (MediaKind.IMAGE, MediaKind.VIDEO):
            # New material stays new when a reviewer grades it: grading never lowers a priority.
            facts[owner].new_items.append(item.key)
    for report in Report.objects.filter(disclosure__operation=operation).exclude(escalation=""):
        escalated = {
            person_of[pk]
            for pk in Account.objects.filter(
                disclosure_id=report.disclosure_id, account_id__in=report.account_ids
            ).values_list("pk", flat=True)
            if pk in person_of
        }
        for person in escalated:
            facts[person].escalations.append((report.report_id, report.escalation))
    for account_pk, upload_id, classification in (
        Upload.objects.filter(disclosure__operation=operation)
        .exclude(industry_classification="")
        .values_list("account_id", "upload_id", "industry_classification")
    ):
        if account_pk in person_of:
            facts[person_of[account_pk]].provider_grades.append((upload_id, classification))
    for account_pk, n in Counter(
        Access.objects.filter(account__operation=operation).values_list("account_id", flat=True)
    ).items():
        if account_pk in person_of:
            facts[person_of[account_pk]].accesses += n
    for account_pk, venue, role in VenueMembership.objects.filter(account__operation=operation).values_list(
        "account_id", "venue__venue_id", "role"
    ):
        if account_pk in person_of:
            facts[person_of[account_pk]].venue_roles.append((venue, role))
    return facts


@dataclass
class TriageSummary:
    persons: int
    scored: int
    changed: int
    model_version: str


def run_triage(operation: Operation, *, actor: Actor, progress: Progress | None = None) -> TriageSummary:
    """Score every person with the operation's triage model; its assessments become the current ones.
    An assessment is rewritten only when its score, rank or reasons change."""
    actor.require(Permission.RUN)
    progress = progress or NullProgress()
    model = run_settings(operation).triage_model
    persons = list(Person.objects.filter(operation=operation).values_list("pk", "label"))
    progress.start("triage", len(persons))
    facts = _gather(operation)
    scored = []
    for pk, label in persons:
        points, found = triage.assess(facts.get(pk, triage.PersonFacts()))
        scored.append((-points, label, pk, points, [r.as_dict() for r in found]))
    scored.sort()
    existing = {
        row.person_id: row
        for row in TriageAssessment.objects.filter(
            person__operation=operation, model_version=model
        ).values_list("pk", "person_id", "score", "rank", "reasons", "current", named=True)
    }
    create: list[tuple[object, ...]] = []
    update: list[tuple[object, ...]] = []
    for rank, (_, _, pk, score, reasons) in enumerate(scored, start=1):
        old = existing.get(pk)
        if old is None:
            create.append((pk, model, score, rank, reasons, True))
        elif (old.score, old.rank, old.reasons, old.current) != (score, rank, reasons, True):
            update.append((old.pk, score, rank, reasons, True))
    with transaction.atomic():
        TriageAssessment.objects.filter(person__operation=operation, current=True).exclude(
            model_version=model
        ).update(current=False)
        insert_rows(
            TriageAssessment, ("person_id", "model_version", "score", "rank", "reasons", "current"), create
        )
        update_rows(TriageAssessment, ("score", "rank", "reasons", "current"), update)
        summary = TriageSummary(
            len(persons), sum(1 for s in scored if s[3] > 0), len(create) + len(update), model
        )
        record("stage.triage", actor=actor, operation=operation.name, details=asdict(summary))
    progress.advance(len(persons))
    return summary
