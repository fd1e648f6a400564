"""The review through its services: the queue, facts and suggested grades, budgets and rotation,
reveals, four eyes, clue cards and the schemes. Every picture is a benign generated one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from builders import actor
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.intake.models import Upload
from tiaki.apps.media.derivatives import derivative_bytes
from tiaki.apps.media.models import Exposure, Grade
from tiaki.apps.media.queries import (
    active_reveal,
    approved_description,
    candidate_countries,
    clue_cards,
    descriptions_to_decide,
    exposure,
    grade_in_scheme,
    next_item,
    review_queue,
    scheme_for_country,
    summarise,
)
from tiaki.apps.media.services.clues import add_clue, add_market, set_series_status
from tiaki.apps.media.services.describe import (
    SUMMARY_LIMIT,
    DescriptionDraft,
    decide_description,
    submit_description,
)
from tiaki.apps.media.services.review import (
    confirm_suggested,
    original,
    record_facts,
    reveal,
    serve_next,
    view_item,
)
from tiaki.apps.media.services.wellbeing import set_budget, set_country_scheme
from tiaki.apps.operations.models import Operation
from tiaki.engines.grading import Facts
from tiaki.errors import Conflict, Forbidden, Invalid

from .conftest import item

pytestmark = pytest.mark.django_db

SERIOUS = Facts.of(["prepubescent"], "real", "non-penetrative")
NOTHING = Facts.of([], "real", "none")
ANNA, BEN, SAM = (
    actor("user:anna", "reviewer"),
    actor("user:ben", "reviewer"),
    actor("user:sam", "supervisor"),
)


def _severe(operation: Operation, name: str) -> None:
    """The provider classified the upload of ``name`` as A1 (a label: the queue expects it severe)."""
    Upload.objects.filter(disclosure__operation=operation, file_name=name).update(
        industry_classification="A1"
    )


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("seq"))


def test_the_queue_has_one_representative_per_new_group_and_never_known_material(review_op: Operation):
    queue = review_queue(ANNA, review_op)
    keys = [e.item.key for e in queue]
    assert item(review_op, "listed.jpg").key not in keys
    dup_a, dup_b = item(review_op, "dup-a.jpg"), item(review_op, "dup-b.jpg")
    assert dup_a.group_id == dup_b.group_id
    assert min(dup_a.key, dup_b.key) in keys and max(dup_a.key, dup_b.key) not in keys
    # dup, solo, other: three groups of five items, one of them known.
    assert len(queue) == 3
    # Possible production first: 'other' was shared by two persons, so it is last.
    assert queue[-1].item == item(review_op, "other.jpg")
    assert not queue[-1].possible_production and all(e.possible_production for e in queue[:-1])
    # The share needing a person: one per new group, of every item.
    summary = summarise(ANNA, review_op)
    assert summary.groups_to_review == 3 and summary.items == 5
    assert summary.needing_review == pytest.approx(3 / 5)
    with pytest.raises(Forbidden):
        review_queue(actor("ivy", "investigator"), review_op)


def test_facts_grade_once_every_scheme_is_derived_and_the_group_is_offered_it(review_op: Operation):
    rep = review_queue(ANNA, review_op)
    dup_a, dup_b = item(review_op, "dup-a.jpg"), item(review_op, "dup-b.jpg")
    target, other = (dup_a, dup_b) if dup_a.key < dup_b.key else (dup_b, dup_a)
    assert target in [e.item for e in rep]
    assert record_facts(review_op, target.key, SERIOUS, actor=ANNA) == 1
    grade = Grade.objects.get(media=target)
    assert (grade.source, grade.profile, grade.category, grade.severity) == ("reviewer", "vic-us", "1", 3)
    assert grade.graded_by == "user:anna" and grade.conduct == "non-penetrative"
    assert grade_in_scheme(target, "uk-caid").code == "B"  # type: ignore[union-attr]
    assert grade_in_scheme(target, "industry").code == "A1"  # type: ignore[union-attr]
    assert grade_in_scheme(target, "baseline") is not None
    assert grade_in_scheme(target, "dhs-legacy").code == "1"  # type: ignore[union-attr]
    # The near-duplicate is offered the grade; a suggestion is not a grade a package carries.
    assert Grade.objects.get(media=other).source == "suggested"
    assert grade_in_scheme(other, "uk-caid") is None
    assert target not in [e.item for e in review_queue(ANNA, review_op)]
    assert len(review_queue(ANNA, review_op)) == 2
    # Confirmed in bulk, without opening it.
    assert confirm_suggested(review_op, [other.key], actor=BEN) == 1
    assert Grade.objects.get(media=other).source == "reviewer"
    assert Grade.objects.get(media=other).graded_by == "user:ben"
    assert grade_in_scheme(other, "uk-caid").code == "B"  # type: ignore[union-attr]
    with pytest.raises(Conflict, match="no suggested grade"):
        confirm_suggested(review_op, [other.key], actor=BEN)
    # A list's grade stays in its scheme; it is not translated into another.
    listed = item(review_op, "listed.jpg")
    assert grade_in_scheme(listed, "vic-us").code == "1"  # type: ignore[union-attr]
    assert grade_in_scheme(listed, "uk-caid") is None
    with pytest.raises(Conflict, match="known material"):
        record_facts(review_op, listed.key, SERIOUS, actor=ANNA)
    with pytest.raises(Forbidden):
        record_facts(review_op, target.key, SERIOUS, actor=actor("ivy", "investigator"))
    event = _events("media.grade")[-1]
    assert (
        event.details["derived"]["uk-caid"] == "B" and event.details["facts"]["conduct"] == "non-penetrative"
    )


def test_an_operation_in_the_uk_scheme_stores_its_letters(review_op: Operation):
    from tiaki.apps.operations.services.operations import SettingsChange, change_settings

    change_settings(review_op, SettingsChange(grading_scheme="uk-caid"), actor())
    solo = item(review_op, "solo.jpg")
    record_facts(review_op, solo.key, SERIOUS, actor=ANNA)
    assert (Grade.objects.get(media=solo).profile, Grade.objects.get(media=solo).category) == ("uk-caid", "B")


def test_a_reviewer_over_budget_is_served_no_more_severe_items(review_op: Operation):
    _severe(review_op, "solo.jpg")
    _severe(review_op, "dup-a.jpg")
    set_budget(review_op, "", severe_per_day=1, severe_per_week=None, actor=SAM)
    now = timezone.now()
    first = serve_next(review_op, actor=ANNA, now=now)
    assert first.entry is not None and first.entry.severe  # dup and solo come first; both severe
    record_facts(review_op, first.entry.item.key, SERIOUS, actor=ANNA)
    served = next_item(ANNA, review_op, now)
    assert served.take_a_break and served.held_back >= 1
    assert served.entry is not None and not served.entry.severe
    other_severe = next(e for e in review_queue(ANNA, review_op) if e.severe)
    with pytest.raises(Forbidden, match="budget"):
        view_item(review_op, other_severe.item.key, actor=ANNA, now=now)
    with pytest.raises(Forbidden, match="budget"):
        reveal(review_op, other_severe.item.key, "checking the background", actor=ANNA, now=now)
    # Another reviewer, under budget, is served it; tomorrow Anna may be served severe items again.
    assert next_item(BEN, review_op, now).entry == other_severe
    assert not next_item(ANNA, review_op, now + timedelta(days=1)).take_a_break
    # Only a supervisor sets budgets.
    with pytest.raises(Forbidden):
        set_budget(review_op, "user:anna", severe_per_day=99, severe_per_week=None, actor=ANNA)


def test_severe_items_rotate_and_a_served_item_is_held_for_its_reviewer(review_op: Operation):
    _severe(review_op, "solo.jpg")
    _severe(review_op, "dup-a.jpg")
    now = timezone.now()
    first = serve_next(review_op, actor=ANNA, now=now)
    assert first.entry is not None and first.entry.severe
    # Ben is not served the item Anna holds; he is served the other severe item.
    ben = serve_next(review_op, actor=BEN, now=now)
    assert ben.entry is not None and ben.entry.item != first.entry.item and ben.entry.severe
    # Anna graded hers; right after a severe item she is served a lighter one.
    record_facts(review_op, first.entry.item.key, SERIOUS, actor=ANNA)
    nxt = next_item(ANNA, review_op, now)
    assert nxt.entry is not None and not nxt.entry.severe
    # Until she grades it, the item she was served stays hers.
    assert next_item(BEN, review_op, now).entry == ben.entry


def test_exposure_is_counted_by_severity_and_type_and_only_a_supervisor_reads_others(review_op: Operation):
    _severe(review_op, "solo.jpg")
    now = timezone.now()
    solo = item(review_op, "solo.jpg")
    view_item(review_op, solo.key, actor=ANNA, now=now)
    view_item(review_op, solo.key, actor=ANNA, now=now)  # the same item twice is one item
    reveal(review_op, solo.key, "the wall socket's shape", actor=ANNA, now=now)
    rows = exposure(ANNA, review_op, now, reviewer="user:anna")
    day = {(r.event, r.kind, r.severity): r.items for r in rows if r.period == "day"}
    assert day == {("viewed", "image", 3): 1, ("revealed", "image", 3): 1}
    assert {r.period for r in rows} == {"day", "week"}
    with pytest.raises(Forbidden):
        exposure(ANNA, review_op, now, reviewer="user:ben")
    with pytest.raises(Forbidden):
        exposure(ANNA, review_op, now)
    assert {r.reviewer for r in exposure(SAM, review_op, now)} == {"user:anna"}
    # Grading fixes the severity of what was seen.
    record_facts(review_op, solo.key, NOTHING, actor=ANNA)
    assert set(Exposure.objects.filter(media=solo).values_list("severity", flat=True)) == {0}


def test_a_reveal_needs_a_reason_is_audited_and_ends(review_op: Operation):
    solo = item(review_op, "solo.jpg")
    now = timezone.now()
    with pytest.raises(Forbidden, match="not revealed"):
        original(review_op, solo.key, actor=ANNA, now=now)
    with pytest.raises(Invalid, match="reason"):
        reveal(review_op, solo.key, "  ", actor=ANNA, now=now)
    made = reveal(review_op, solo.key, "read the calendar", actor=ANNA, now=now)
    assert active_reveal(ANNA, solo, now) == made
    assert active_reveal(BEN, solo, now) is None
    served = original(review_op, solo.key, actor=ANNA, now=now)
    assert served.path.is_file() and served.kind == "image"
    with pytest.raises(Forbidden):
        original(review_op, solo.key, actor=BEN, now=now)
    later = made.expires_at + timedelta(seconds=1)
    with pytest.raises(Forbidden):
        original(review_op, solo.key, actor=ANNA, now=later)
    assert _events("media.revealed")[-1].details["reason"] == "read the calendar"
    assert len(_events("media.original-served")) == 1
    with pytest.raises(Conflict):
        reveal(review_op, item(review_op, "listed.jpg").key, "why not", actor=ANNA, now=now)


def test_the_derivative_is_a_small_png_and_known_material_has_none(review_op: Operation, settings):
    data = derivative_bytes(ANNA, review_op, item(review_op, "solo.jpg").key)
    assert data.startswith(b"\x89PNG")
    cached = list((settings.DATA_DIR / "derivatives").rglob("*.png"))
    assert len(cached) == 1 and cached[0].stat().st_mode & 0o077 == 0
    assert derivative_bytes(ANNA, review_op, item(review_op, "solo.jpg").key) == data
    with pytest.raises(Conflict):
        derivative_bytes(ANNA, review_op, item(review_op, "listed.jpg").key)
    with pytest.raises(Forbidden):
        derivative_bytes(actor("ivy", "investigator"), review_op, item(review_op, "solo.jpg").key)


def _draft(**kw: object) -> DescriptionDraft:
    fields: dict[str, object] = dict(
        setting="kitchen",
        children=1,
        adults=0,
        child_age_bands=["prepubescent"],
        objects_seen="a wall calendar, a kettle",
        visible_text="calendar month in Spanish",
        summary="A kitchen with a wall calendar.",
    )
    fields.update(kw)
    return DescriptionDraft(**fields)  # type: ignore[arg-type]


def test_four_eyes_nobody_approves_their_own_and_only_approved_descriptions_count(review_op: Operation):
    solo = item(review_op, "solo.jpg")
    first = submit_description(review_op, solo.key, _draft(), actor=ANNA)
    assert approved_description(solo) is None
    assert descriptions_to_decide(ANNA, review_op) == []
    assert descriptions_to_decide(BEN, review_op) == [first]
    with pytest.raises(Forbidden, match="their own"):
        decide_description(review_op, first.pk, approve=True, actor=ANNA)
    with pytest.raises(Invalid, match="note"):
        decide_description(review_op, first.pk, approve=False, actor=BEN)
    decide_description(review_op, first.pk, approve=False, note="name the calendar's language", actor=BEN)
    second = submit_description(review_op, solo.key, _draft(visible_text="calendar, Spanish"), actor=ANNA)
    assert second.version == 2
    decide_description(review_op, second.pk, approve=True, actor=BEN)
    assert approved_description(solo) == second
    with pytest.raises(Conflict):
        decide_description(review_op, second.pk, approve=True, actor=SAM)
    third = submit_description(review_op, solo.key, _draft(adults=1), actor=ANNA)
    assert approved_description(solo) == second  # the newest approved version, until the next approval
    fourth = submit_description(review_op, solo.key, _draft(adults=2), actor=ANNA)
    with pytest.raises(Conflict, match="replaced"):
        decide_description(review_op, third.pk, approve=True, actor=BEN)
    assert (third.version, fourth.version) == (3, 4)
    actions = [e.action for e in AuditEvent.objects.filter(action__startswith="media.description")]
    assert actions.count("media.description-submitted") == 4
    assert "media.description-returned" in actions and "media.description-approved" in actions
    with pytest.raises(Invalid, match="summary"):
        submit_description(review_op, solo.key, _draft(summary="x" * (SUMMARY_LIMIT + 1)), actor=ANNA)
    with pytest.raises(Invalid, match="setting"):
        submit_description(review_op, solo.key, _draft(setting="somewhere"), actor=ANNA)
    with pytest.raises(Invalid, match="age band"):
        submit_description(review_op, solo.key, _draft(child_age_bands=[]), actor=ANNA)


def test_clue_cards_rank_candidate_countries_and_travel_as_text(review_op: Operation):
    solo, dup = item(review_op, "solo.jpg"), item(review_op, "dup-a.jpg")
    add_market("Kiwi Crunch", ["nz", "AU"], actor=ANNA, operation=review_op)
    add_market("Kiwi Crunch", ["NZ"], actor=BEN, operation=review_op)  # again: nothing new
    cards = [
        add_clue(review_op, "socket", "type I", [solo.key], series="kitchen set", actor=ANNA),
        add_clue(review_op, "product", "kiwi crunch", [solo.key, dup.key], series="kitchen set", actor=ANNA),
        add_clue(review_op, "language", "EN", [dup.key], actor=ANNA),
        add_clue(review_op, "uniform", "green jersey", [dup.key], series="kitchen set", actor=ANNA),
    ]
    assert cards[0].value == "I" and cards[2].value == "en"
    ranked = candidate_countries(ANNA, review_op, cards)
    assert [c.country for c in ranked[:2]] == ["AU", "NZ"]  # three clues each agree; ties by code
    assert ranked[0].agreeing == 3
    assert {c.pk for c in clue_cards([solo])} == {cards[0].pk, cards[1].pk}
    assert all(isinstance(c.value, str) for c in clue_cards([solo, dup]))
    series = cards[0].series
    assert series is not None and series.clues.count() == 3
    with pytest.raises(Invalid, match="plug"):
        add_clue(review_op, "socket", "Z", [solo.key], actor=ANNA)
    with pytest.raises(Invalid, match="kind"):
        add_clue(review_op, "photo", "x", [solo.key], actor=ANNA)
    set_series_status(review_op, "kitchen set", child_identified=True, safeguarded=True, actor=ANNA)
    series.refresh_from_db()
    assert series.child_identified and series.safeguarded
    with pytest.raises(Invalid, match="not identified"):
        set_series_status(review_op, "kitchen set", child_identified=False, safeguarded=True, actor=ANNA)
    with pytest.raises(Forbidden):
        set_series_status(
            review_op, "kitchen set", child_identified=True, safeguarded=True, actor=actor("a", "auditor")
        )


def test_each_countrys_scheme_is_an_operator_setting(review_op: Operation):
    assert scheme_for_country("GB") == "uk-caid"
    assert scheme_for_country("NZ") == "vic-us"
    set_country_scheme("nz", "uk-caid", actor=actor())
    assert scheme_for_country("NZ") == "uk-caid"
    with pytest.raises(Invalid):
        set_country_scheme("NZ", "baseline", actor=actor())
    with pytest.raises(Forbidden):
        set_country_scheme("NZ", "vic-us", actor=ANNA)
