"""Each domain rule has one definition, and the summary, triage and packages agree on it."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from builders import actor, known_list, run_all
from tiaki.apps.core import datadir
from tiaki.apps.media.models import MediaItem
from tiaki.apps.media.queries import summarise
from tiaki.apps.media.services.grading import grade_item
from tiaki.apps.media.services.hashlists import ListInfo, import_hashlist
from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.models import Package
from tiaki.apps.subjects.models import Person, TriageAssessment
from tiaki.apps.subjects.queries import current, person_record
from tiaki.engines.triage import MODEL_VERSION

pytestmark = pytest.mark.django_db


def _assessment(account_id: str) -> TriageAssessment:
    person = Person.objects.get(accounts__account__account_id=account_id)
    return current(person.assessments.all()).get()


def _media_status(operation: Operation, country: str) -> dict[str, str]:
    package = Package.objects.get(operation=operation, country=country)
    with zipfile.ZipFile(datadir.absolute(package.zip_path)) as z:
        member = next(n for n in z.namelist() if n.endswith("/media.csv"))
        rows = csv.DictReader(io.StringIO(z.read(member).decode()))
        return {r["media_id"]: r["status"] for r in rows}


def test_grading_new_material_never_lowers_its_uploaders_priority(two_countries: Operation):
    before = _assessment("a1")
    assert any(r["factor"].startswith("new material") for r in before.reasons)
    item = MediaItem.objects.get(uploads__upload__upload_id="u1")
    grade_item(two_countries, item.key, profile="vic-us", category="1", actor=actor("reviewer"))
    run_all(two_countries, "triage")
    after = _assessment("a1")
    assert after.score >= before.score
    assert any(r["factor"].startswith("new material") for r in after.reasons)
    assert not any(r["factor"] == "known material uploaded" for r in after.reasons)


def test_a_list_match_after_a_reviewer_grade_is_known_everywhere(two_countries: Operation, tmp_path: Path):
    item = MediaItem.objects.get(uploads__upload__upload_id="u1")
    grade_item(two_countries, item.key, profile="vic-us", category="1", actor=actor("reviewer"))
    known = known_list(tmp_path / "known.csv", [{"md5": item.md5, "category": "1"}])
    import_hashlist(known, actor=actor(), info=ListInfo(name="known", profile="vic-us"))
    run_all(two_countries)
    assert summarise(actor(), two_countries).known == 1
    reasons = {r["factor"] for r in _assessment("a1").reasons}
    assert "known material uploaded" in reasons and not any(r.startswith("new material") for r in reasons)
    assert _media_status(two_countries, "NZ") == {item.key: "known"}
    assert item.grade.source == "reviewer"  # who graded it stays a separate fact


def test_an_unmatched_item_is_new_in_the_package_whoever_graded_it(two_countries: Operation):
    item = MediaItem.objects.get(uploads__upload__upload_id="u2")
    grade_item(two_countries, item.key, profile="vic-us", category="2", actor=actor("reviewer"))
    run_all(two_countries, "refer")
    assert _media_status(two_countries, "US") == {item.key: "new"}
    assert summarise(actor(), two_countries).known == 0


def test_the_current_assessment_is_chosen_by_its_flag_not_by_the_model_name(two_countries: Operation):
    person = Person.objects.get(accounts__account__account_id="a1")
    # An assessment by another model that sorts after the current one as a string: "points-9" > "points-2".
    TriageAssessment.objects.create(person=person, model_version="points-9", score=1, rank=99, reasons=[])
    shown = person_record(actor(), two_countries, person.label).assessment
    assert shown is not None and shown.model_version == MODEL_VERSION
    assert current(TriageAssessment.objects.filter(person=person)).count() == 1


def test_a_packages_vics_marks_new_items_so_that_importing_it_adds_no_known_material(
    two_countries: Operation,
):
    from tiaki.formats.vics import read_vics

    item = MediaItem.objects.get(uploads__upload__upload_id="u1")
    grade_item(two_countries, item.key, profile="vic-us", category="1", actor=actor("reviewer"))
    run_all(two_countries, "refer")
    package = Package.objects.get(operation=two_countries, country="NZ")
    vics = datadir.absolute(package.folder) / "media.vics.json"
    entries = read_vics(vics).entries
    assert [e.status for e in entries] == ["new"] and entries[0].category is None
    assert entries[0].entry_id == "1"  # integer media ids, as VICS tools expect


def test_a_packages_vics_is_written_in_the_recipients_scheme(two_countries: Operation, tmp_path):
    from tiaki.apps.media.services.wellbeing import set_country_scheme
    from tiaki.formats.vics import read_vics

    item = MediaItem.objects.get(uploads__upload__upload_id="u1")
    known = known_list(tmp_path / "known.csv", [{"md5": item.md5, "category": "A"}])
    import_hashlist(known, actor=actor(), info=ListInfo(name="uk", profile="uk-caid"))
    set_country_scheme("NZ", "uk-caid", actor=actor())
    run_all(two_countries)
    package = Package.objects.get(operation=two_countries, country="NZ")
    vics = read_vics(datadir.absolute(package.folder) / "media.vics.json")
    assert vics.profile == "uk-caid" and [e.category for e in vics.entries] == ["A"]
