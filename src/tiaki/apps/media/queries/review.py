"""The review of new media: grades in every scheme, descriptions, clue cards, the queue, and
reviewers' exposure and budgets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Case, Count, Exists, F, IntegerField, Max, OuterRef, Q, QuerySet, Value, When

from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.choices import DescriptionStatus, ExposureKind, GradeSource, MediaKind
from tiaki.apps.media.models import (
    ClueCard,
    CountryScheme,
    Description,
    Exposure,
    ExposureBudget,
    Grade,
    MediaItem,
    MediaUpload,
    ProductMarket,
    Reveal,
    Series,
)
from tiaki.apps.media.queries.items import TO_PERSON, media_items, new
from tiaki.apps.operations.models import Operation
from tiaki.engines import clues as clue_engine
from tiaki.engines.grading import Category, Facts, derive, scheme_for
from tiaki.errors import NotFound
from tiaki.formats.hashlist import category_for

SEVERE = 3
#: A queued item served to one reviewer is held for them this long (not served to another).
CLAIM_MINUTES = 30
#: The provider's industry classification of an upload, as the severity the queue expects.
_PROVIDER_SEVERITY = {"A1": 3, "B1": 3, "A2": 2, "B2": 2}


def facts_of(grade: Grade | None) -> Facts | None:
    """The content facts a reviewer recorded on ``grade``; ``None`` for a list's or a scheme grade."""
    if grade is None or not grade.has_facts:
        return None
    return Facts.of(grade.age_bands, grade.depiction, grade.conduct, grade.self_generated)


def grade_in_scheme(item: MediaItem, scheme: str) -> Category | None:
    """The item's grade in ``scheme`` (a key of ``engines.grading.SCHEMES``), for a caller that already
    holds the item through a scoped read (a package writer): derived from the reviewer's facts when
    there are any, else the grade as given when it is in ``scheme`` (a list's own category), else
    ``None`` (a scheme grade cannot be translated honestly into another scheme). Suggested grades,
    not yet confirmed by a person, are ``None``."""
    grade = Grade.objects.filter(media=item).first()
    if grade is None or grade.source == GradeSource.SUGGESTED:
        return None
    facts = facts_of(grade)
    if facts is not None:
        return derive(facts, scheme)
    if grade.profile == scheme:
        listed = category_for(scheme, grade.category)
        return Category(listed.code, listed.label, listed.severity) if listed else None
    return None


def country_schemes() -> dict[str, str]:
    """The operator's table: country -> scheme, as edited (defaults are not listed)."""
    return dict(CountryScheme.objects.values_list("country", "scheme"))


def scheme_for_country(country: str) -> str:
    """The scheme a recipient in ``country`` reads grades in: the operator's table, else the default
    of ``engines.grading.scheme_for``."""
    return scheme_for(country, country_schemes())


def approved_description(item: MediaItem) -> Description | None:
    """The newest approved version of the item's description (what packages carry), or ``None``."""
    return (
        Description.objects.filter(media=item, status=DescriptionStatus.APPROVED).order_by("-version").first()
    )


def descriptions(item: MediaItem) -> list[Description]:
    """Every version of the item's description, newest first."""
    return list(Description.objects.filter(media=item).order_by("-version"))


def clue_cards(items: Iterable[MediaItem]) -> list[ClueCard]:
    """The clue cards linked to any of ``items`` (text only), oldest first, with their series."""
    return list(
        ClueCard.objects.filter(media__in=list(items))
        .distinct()
        .select_related("series")
        .prefetch_related("media")
        .order_by("pk")
    )


@dataclass(frozen=True)
class QueueEntry:
    """One near-duplicate group of new media waiting for a person, through its representative (the
    member whose key is the group's key)."""

    item: MediaItem
    group_size: int
    possible_production: bool  # the group was uploaded by a single person (or account, unresolved)
    triage_score: int | None  # the best current triage score among its uploaders
    expected_severity: int  # from the provider's classification of any member's upload, 0 when none

    @property
    def severe(self) -> bool:
        return self.expected_severity >= SEVERE


def review_queue(actor: Actor, operation: Operation) -> list[QueueEntry]:
    """The new media a person still has to look at: one representative per near-duplicate group none
    of whose members a reviewer has graded, known material never. Ordered by what matters: possible
    production first (new material that a single person uploaded, nobody else shared), then the
    uploaders' best triage score, then the severity the provider's classification suggests, then the
    group's size; ties by key."""
    actor.require(Permission.GRADE)
    reviewed = Grade.objects.filter(media__group=OuterRef("group"), source=GradeSource.REVIEWER)
    person = "uploads__upload__account__person_link__person__assessments__"
    severity = Case(
        *(
            When(group__members__uploads__upload__industry_classification=code, then=Value(points))
            for code, points in _PROVIDER_SEVERITY.items()
        ),
        default=Value(0),
        output_field=IntegerField(),
    )
    items = (
        new(media_items(actor, operation))
        .filter(group__isnull=False, group__key=F("key"))
        .exclude(Exists(reviewed))
        .exclude(kind=MediaKind.OTHER)
        .annotate(
            accounts=Count("group__members__uploads__upload__account", distinct=True),
            persons=Count(f"group__members__{TO_PERSON}pk", distinct=True),
            score=Max(f"{person}score", filter=Q(**{f"{person}current": True})),
            provider=Max(severity),
        )
        .select_related("group")
    )
    entries = [
        QueueEntry(
            item=i,
            group_size=i.group.size if i.group else 1,
            possible_production=(i.persons or i.accounts) == 1,
            triage_score=i.score,
            expected_severity=i.provider or 0,
        )
        for i in items
    ]
    entries.sort(
        key=lambda e: (
            not e.possible_production,
            -(e.triage_score if e.triage_score is not None else -1),
            -e.expected_severity,
            -e.group_size,
            e.item.key,
        )
    )
    return entries


def item_severity(item: MediaItem) -> int:
    """0-3: the item's graded severity (a reviewer's facts or a list's category), else what the
    provider's classification of the uploads of its near-duplicate group suggests, else 0."""
    grade = Grade.objects.filter(media=item).first()
    if grade is not None:
        return int(grade.severity)
    members = MediaUpload.objects.filter(media__group=item.group) if item.group_id else None
    found = members if members is not None else MediaUpload.objects.filter(media=item)
    codes = found.values_list("upload__industry_classification", flat=True)
    return max((_PROVIDER_SEVERITY.get(c, 0) for c in codes), default=0)


def day_start(now: datetime) -> datetime:
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def week_start(now: datetime) -> datetime:
    return day_start(now) - timedelta(days=now.weekday())


@dataclass(frozen=True)
class Budget:
    severe_per_day: int | None
    severe_per_week: int | None


def budget_for(operation: Operation, reviewer: str) -> Budget:
    """The reviewer's own budget, else the operation's default, else no limit."""
    rows = {
        b.reviewer: b for b in ExposureBudget.objects.filter(operation=operation, reviewer__in=[reviewer, ""])
    }
    found = rows.get(reviewer) or rows.get("")
    if found is None:
        return Budget(None, None)
    return Budget(found.severe_per_day, found.severe_per_week)


def budgets(actor: Actor, operation: Operation) -> list[ExposureBudget]:
    actor.require(Permission.SUPERVISE)
    return list(ExposureBudget.objects.filter(operation=operation).order_by("reviewer"))


@dataclass(frozen=True)
class Allowance:
    """Whether the queue may serve ``reviewer`` another severe item now, and why not."""

    severe_today: int
    severe_this_week: int
    budget: Budget

    @property
    def reached(self) -> bool:
        b = self.budget
        return (b.severe_per_day is not None and self.severe_today >= b.severe_per_day) or (
            b.severe_per_week is not None and self.severe_this_week >= b.severe_per_week
        )


def _severe_seen(operation: Operation, reviewer: str, since: datetime) -> int:
    return (
        Exposure.objects.filter(operation=operation, reviewer=reviewer, at__gte=since, severity__gte=SEVERE)
        .values("media")
        .distinct()
        .count()
    )


def allowance(operation: Operation, reviewer: str, now: datetime) -> Allowance:
    return Allowance(
        severe_today=_severe_seen(operation, reviewer, day_start(now)),
        severe_this_week=_severe_seen(operation, reviewer, week_start(now)),
        budget=budget_for(operation, reviewer),
    )


@dataclass(frozen=True)
class NextItem:
    entry: QueueEntry | None
    waiting: int  # groups in the queue
    held_back: int  # severe items not served to this reviewer (budget reached)
    allowance: Allowance

    @property
    def take_a_break(self) -> bool:
        return self.allowance.reached


def next_item(actor: Actor, operation: Operation, now: datetime) -> NextItem:
    """What the queue serves ``actor`` next. Items another reviewer was served in the last
    :data:`CLAIM_MINUTES` are theirs. A reviewer who has reached their budget of severe items is served
    no severe item (and is told to take a break). Severe items rotate: right after a severe item, a
    reviewer is served a non-severe one when one is waiting, and the severe one goes to whoever asks
    next."""
    queue = review_queue(actor, operation)
    claimed = set(
        Exposure.objects.filter(
            operation=operation,
            event=ExposureKind.VIEWED,
            at__gte=now - timedelta(minutes=CLAIM_MINUTES),
            media__in=[e.item for e in queue],
        )
        .exclude(reviewer=actor.name)
        .values_list("media_id", flat=True)
    )
    mine = (
        Exposure.objects.filter(operation=operation, reviewer=actor.name, event=ExposureKind.VIEWED)
        .order_by("-at", "-pk")
        .values_list("media_id", "severity")
        .first()
    )
    allowed = allowance(operation, actor.name, now)
    open_ = [e for e in queue if e.item.pk not in claimed]
    held = [e for e in open_ if e.severe] if allowed.reached else []
    servable = [e for e in open_ if not (allowed.reached and e.severe)]
    # The item the reviewer was last served and has not graded yet stays theirs.
    current = next((e for e in servable if mine and e.item.pk == mine[0]), None)
    if current is None and mine is not None and mine[1] >= SEVERE:
        lighter = [e for e in servable if not e.severe]
        servable = lighter or servable
    chosen = current or (servable[0] if servable else None)
    return NextItem(entry=chosen, waiting=len(queue), held_back=len(held), allowance=allowed)


@dataclass(frozen=True)
class ExposureRow:
    reviewer: str
    period: str  # "day" or "week"
    start: datetime
    event: str
    kind: str
    severity: int
    items: int


def exposure(
    actor: Actor, operation: Operation, now: datetime, reviewer: str | None = None
) -> list[ExposureRow]:
    """Counts of distinct items viewed and revealed, per reviewer, for today and this week, by media
    type and severity: counts only, never the items. A supervisor may read anyone's; a reviewer their
    own."""
    if reviewer != actor.name:
        actor.require(Permission.SUPERVISE)
    else:
        actor.require(Permission.GRADE)
    rows: list[ExposureRow] = []
    for period, since in (("day", day_start(now)), ("week", week_start(now))):
        found = Exposure.objects.filter(operation=operation, at__gte=since, at__lte=now)
        if reviewer is not None:
            found = found.filter(reviewer=reviewer)
        for r in (
            found.values("reviewer", "event", "kind", "severity")
            .annotate(items=Count("media", distinct=True))
            .order_by("reviewer", "event", "kind", "-severity")
        ):
            rows.append(
                ExposureRow(r["reviewer"], period, since, r["event"], r["kind"], r["severity"], r["items"])
            )
    return rows


def active_reveal(actor: Actor, item: MediaItem, now: datetime) -> Reveal | None:
    """The actor's reveal of ``item`` whose window is still open, if any."""
    return (
        Reveal.objects.filter(media=item, reviewer=actor.name, started_at__lte=now, expires_at__gt=now)
        .order_by("-expires_at")
        .first()
    )


def suggested(actor: Actor, operation: Operation) -> QuerySet[Grade]:
    """Grades offered from a near-duplicate and not yet confirmed (listed without any picture)."""
    actor.require(Permission.GRADE)
    return (
        Grade.objects.filter(media__in=media_items(actor, operation), source=GradeSource.SUGGESTED)
        .select_related("media", "media__group")
        .order_by("media__group__key", "media__key")
    )


def descriptions_to_decide(actor: Actor, operation: Operation) -> list[Description]:
    """Descriptions awaiting a second reviewer, other than the actor's own."""
    actor.require(Permission.GRADE)
    latest = Description.objects.filter(media=OuterRef("media")).order_by("-version").values("version")[:1]
    return list(
        Description.objects.filter(
            media__in=media_items(actor, operation), status=DescriptionStatus.SUBMITTED
        )
        .filter(version=latest)
        .exclude(author=actor.name)
        .select_related("media")
        .order_by("written_at", "pk")
    )


def series_list(actor: Actor, operation: Operation) -> list[Series]:
    actor.require(Permission.READ_CASE)
    return list(Series.objects.filter(operation=operation).order_by("name"))


def find_series(actor: Actor, operation: Operation, pk: int) -> Series:
    actor.require(Permission.READ_CASE)
    found = Series.objects.filter(operation=operation, pk=pk).first()
    if found is None:
        raise NotFound(f"there is no series #{pk} in '{operation.name}'")
    return found


def markets() -> dict[str, list[str]]:
    """Product (lower case) -> the countries reviewers recorded it is sold in."""
    found: dict[str, list[str]] = {}
    for product, country in ProductMarket.objects.order_by("product", "country").values_list(
        "product", "country"
    ):
        found.setdefault(product, []).append(country)
    return found


def candidate_countries(
    actor: Actor, operation: Operation, cards: Iterable[ClueCard], top: int | None = 10
) -> list[clue_engine.Candidate]:
    """Countries ranked by how many of ``cards`` agree (``engines.clues.rank``)."""
    actor.require(Permission.READ_CASE)
    clues = [clue_engine.Clue(str(c.pk), c.kind, c.value) for c in cards]
    return clue_engine.rank(clues, markets(), top=top)
