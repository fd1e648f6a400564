"""Each stage through its service, on a small hand-made disclosure."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from builders import IDENTIFIERS, actor, picture, run_all, scenes, write_bundle, write_clip
from mmdb_helpers import write_country_mmdb
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.core import datadir
from tiaki.apps.intake.models import Identifier
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.media.indexes import list_index
from tiaki.apps.media.models import Grade, HashList, Match, MediaGroup, MediaItem
from tiaki.apps.media.services.grading import grade_item
from tiaki.apps.media.services.hashlists import ListInfo, import_hashlist
from tiaki.apps.media.services.stage import run_media
from tiaki.apps.operations.queries import get_operation as _get_operation
from tiaki.apps.operations.services.operations import SettingsChange, change_settings
from tiaki.apps.subjects.models import GeoResult, Person, TriageAssessment
from tiaki.apps.subjects.queries.files import person_file
from tiaki.apps.subjects.queries.lists import search
from tiaki.apps.subjects.services.locate import locate
from tiaki.apps.subjects.services.records import import_records
from tiaki.apps.subjects.services.resolve import resolve
from tiaki.apps.subjects.services.triage import run_triage
from tiaki.engines.digest import digest_file
from tiaki.engines.pdq import pdq_file
from tiaki.errors import Conflict, Invalid

pytestmark = pytest.mark.django_db


@pytest.fixture
def operation(tmp_path: Path):
    ingest(write_bundle(tmp_path / "b"), "op", actor=actor("tester"))
    return get_operation("op")


def _known_list(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "known.csv"
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["md5", "sha256", "pdq", "category", "series"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_media_stage_matches_exactly_and_perceptually_and_grades_known_material(tmp_path: Path):
    media = tmp_path / "b" / "media"
    media.mkdir(parents=True)
    p1 = picture(media / "p1.jpg", 1)
    picture(media / "p2.jpg", 2)
    bundle = write_bundle(
        tmp_path / "b",
        uploads=[
            # Known only by its MD5, and listed before the upload that supplies the file (u3).
            {"upload_id": "u1", "account_id": "a2", "md5": digest_file(p1).md5},
            {"upload_id": "u2", "account_id": "a3", "file": "p2.jpg"},
            {"upload_id": "u3", "account_id": "a1", "file": "p1.jpg"},
        ],
    )
    # The list knows p1 by its SHA-256, and a resized copy of p2 by PDQ only.
    resized = tmp_path / "p2-small.jpg"
    Image.open(bundle / "media" / "p2.jpg").resize((96, 96)).save(resized, quality=70)
    known = _known_list(
        tmp_path,
        [
            {"sha256": digest_file(bundle / "media" / "p1.jpg").sha256, "category": "1", "series": "s-one"},
            {"pdq": pdq_file(resized).hash, "category": "3"},
        ],
    )
    import_hashlist(known, actor=actor("tester"), info=ListInfo(name="known", profile="vic-us"))
    # The list's PDQ index is built once, at import, and kept in the data directory.
    index, entries = list_index(HashList.objects.get(name="known"))
    assert len(index) == 1 and len(entries) == 1
    assert any((Path(settings.DATA_DIR) / "indexes").iterdir())
    ingest(bundle, "op", actor=actor("tester"))
    operation = get_operation("op")
    summary = run_media(operation, actor=actor("tester"))
    assert summary.items == 2 and summary.known == 2 and summary.new == 0
    one = MediaItem.objects.get(sha256=digest_file(bundle / "media" / "p1.jpg").sha256)
    assert one.uploads.count() == 2  # the digest-only upload found the same item
    assert Grade.objects.get(media=one).label == "child abuse material"
    assert Grade.objects.get(media=one).series == "s-one"
    two = MediaItem.objects.exclude(pk=one.pk).get()
    match = Match.objects.get(media=two)
    assert match.method == "pdq" and 0 < match.distance <= 31
    assert Grade.objects.get(media=two).label == "CGI / animation"
    before = (MediaItem.objects.count(), Match.objects.count(), list(Grade.objects.values()))
    run_media(operation, actor=actor("tester"))
    assert (MediaItem.objects.count(), Match.objects.count(), list(Grade.objects.values())) == before


def test_the_same_list_file_twice_is_a_no_op_and_another_file_under_the_name_is_refused(tmp_path: Path):
    first = _known_list(tmp_path, [{"md5": "0" * 32, "category": "1"}])
    assert import_hashlist(first, actor=actor("t"), info=ListInfo(name="l", profile="vic-us")).created
    assert not import_hashlist(first, actor=actor("t"), info=ListInfo(name="l", profile="vic-us")).created
    other = tmp_path / "other.csv"
    other.write_text("md5,category\n" + "1" * 32 + ",2\n")
    with pytest.raises(Conflict):
        import_hashlist(other, actor=actor("t"), info=ListInfo(name="l", profile="vic-us"))


def test_an_index_build_stopped_part_way_is_built_again_not_loaded_cut_short(tmp_path: Path, monkeypatch):
    import shutil

    import numpy as np

    known = _known_list(tmp_path, [{"pdq": "a5" * 32, "category": "1"}, {"pdq": "3c" * 32, "category": "2"}])
    import_hashlist(known, actor=actor("t"), info=ListInfo(name="l", profile="vic-us"))
    hash_list = HashList.objects.get(name="l")
    indexes = Path(settings.DATA_DIR) / "indexes"
    shutil.rmtree(indexes)
    save = np.save

    def killed(path, array, *args, **kwargs):  # the entries file cut short, then the process gone
        if Path(path).name == "entries.npy":
            Path(path).write_bytes(b"\x93NUMPY" + b"\0" * 10)
            raise OSError("killed")
        save(path, array, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(np, "save", killed)
        with pytest.raises(OSError):
            list_index(hash_list)
    index, entries = list_index(hash_list)  # built again, not loaded cut short
    assert len(index) == len(entries) == 2
    assert [p.name for p in indexes.iterdir()] == [f"hashlist-{hash_list.pk}-{hash_list.file_sha256[:16]}"]
    loaded, again = list_index(hash_list)  # and now loaded
    assert len(loaded) == 2 and list(again) == list(entries)


def test_resolve_links_accounts_sharing_a_normalised_identifier_and_is_stable(operation):
    summary = resolve(operation, actor=actor("tester"))
    assert summary.accounts == 3 and summary.persons == 2
    together = Person.objects.get(accounts__account__account_id="a1")
    assert sorted(together.accounts.values_list("account__account_id", flat=True)) == ["a1", "a2"]
    link = together.links.get()
    assert (link.kind, link.value) == ("email", "river.stone@example.com")
    keys = sorted(Person.objects.values_list("pk", "key"))
    again = resolve(operation, actor=actor("tester"))
    assert (again.persons_created, again.persons_removed) == (0, 0)
    assert sorted(Person.objects.values_list("pk", "key")) == keys


def test_locate_uses_the_newest_snapshot_built_before_each_event(operation, tmp_path: Path):
    resolve(operation, actor=actor("tester"))
    geo_dir = tmp_path / "geo"
    geo_dir.mkdir()
    # Built 2019-02-01 (before both events): places 8.8.8.8 in NZ; built 2019-06-01: too late for them.
    write_country_mmdb(
        geo_dir / "early.mmdb", {"8.8.8.0/24": "NZ"}, int(datetime(2019, 2, 1, tzinfo=UTC).timestamp())
    )
    write_country_mmdb(
        geo_dir / "late.mmdb", {"8.8.8.0/24": "AU"}, int(datetime(2019, 6, 1, tzinfo=UTC).timestamp())
    )
    change_settings(operation, SettingsChange(geo_dir=geo_dir), actor())
    summary = locate(operation, actor=actor("tester"))
    assert summary.events == 2
    result = GeoResult.objects.get(ip_event__ip="8.8.8.8")
    assert result.country == "NZ"
    assert result.source.kind == "mmdb" and str(result.source.build_date) == "2019-02-01"
    assert len(result.source.version) == 64  # the database file's SHA-256
    assert not result.snapshot_after_event
    # The network's owner, from the embedded ASN data, with its provenance.
    assert (result.asn, result.organisation, result.hosting) == (15169, "Google LLC", False)
    assert (
        result.owner_source.name == "ip-location-db-asn"
        and str(result.owner_source.build_date) == "2026-06-17"
    )
    assert result.registry_differs  # the registries say US, the operator's snapshot NZ
    person = Person.objects.get(accounts__account__account_id="a1")
    assert (person.country, person.country_basis) == ("NZ", "ip-vote")
    # Only a snapshot built after the events: it answers (not the embedded data), and says so.
    (geo_dir / "early.mmdb").unlink()
    summary = locate(operation, actor=actor("tester"))
    result.refresh_from_db()
    assert (result.country, str(result.source.build_date), result.snapshot_after_event) == (
        "AU",
        "2019-06-01",
        True,
    )
    assert summary.after_snapshot == 2
    # Without snapshots the embedded source answers, and a re-run updates the provenance.
    for snapshot in geo_dir.iterdir():
        snapshot.unlink()
    locate(operation, actor=actor("tester"))
    result.refresh_from_db()
    assert result.source.kind == "embedded" and result.country == "US"
    assert result.source.name == "dbip-country-lite" and str(result.source.build_date) == "2026-06-01"
    assert not result.snapshot_after_event and not result.registry_differs


def test_triage_ranks_records_facts_first_and_cites_them(operation, tmp_path: Path):
    records = tmp_path / "records.csv"
    records.write_text(
        "kind,value,fact,detail,source,checked_at\n"
        "phone,(415) 555-0132,access_to_children,lives with two children,register,2019-10-01T00:00:00Z\n"
    )
    import_records(records, operation, actor=actor("tester"), country="US")
    resolve(operation, actor=actor("tester"))
    run_triage(operation, actor=actor("tester"))
    top = TriageAssessment.objects.order_by("rank").first()
    assert top.person.accounts.get().account.account_id == "a3"
    assert top.reasons[0]["factor"] == "records: access to children"
    assert "lives with two children" in top.reasons[0]["evidence"][0]
    count = AuditEvent.objects.count()
    assert run_triage(operation, actor=actor("tester")).changed == 0
    assert AuditEvent.objects.count() == count + 1  # the re-run itself is recorded


def test_records_and_search_match_a_name_written_surname_first(tmp_path: Path):
    """A provider's "STONE, River" is the records' "River Stone" (a name, and a name with a date of
    birth), and a search for either finds the person."""
    identifiers = [
        *IDENTIFIERS,
        {"account_id": "a1", "kind": "name", "value": "STONE, River"},
        {"account_id": "a1", "kind": "dob", "value": "1990-02-03"},
    ]
    ingest(write_bundle(tmp_path / "b", identifiers=identifiers), "op", actor=actor("tester"))
    operation = get_operation("op")
    records = tmp_path / "records.csv"
    records.write_text(
        "kind,value,fact,detail,source,checked_at\n"
        "name+dob,River Stone|1990-02-03,prior_conviction,2015,register,2019-10-01T00:00:00Z\n"
        "name,river stone,access_to_children,coach,register,2019-10-01T00:00:00Z\n"
        "name,Stone River,position_of_trust,teacher,register,2019-10-01T00:00:00Z\n"
    )
    import_records(records, operation, actor=actor("tester"))
    resolve(operation, actor=actor("tester"))
    run_triage(operation, actor=actor("tester"))
    top = TriageAssessment.objects.order_by("rank").first()
    assert top.person.accounts.filter(account__account_id="a1").exists()
    factors = {reason["factor"] for reason in top.reasons}
    assert {
        "records: prior conviction",
        "records: access to children",
        "records: position of trust",
    } <= factors
    for typed in ("River Stone", "Stone, River", "Stone River"):
        assert list(search(actor("tester"), operation, typed)) == [top.person]
    shown = person_file(actor("tester"), operation, top.person.label).facts
    assert {f.value for f in shown} == {"River Stone|1990-02-03", "river stone", "Stone River"}
    assert Identifier.objects.get(kind="name").value == "STONE, River"  # kept as disclosed


def _names_in_store(tmp_path: Path, name: str, records: str) -> None:
    """An operation whose account a1 has the recorded ``name``, and a register of ``records`` (CSV
    rows after the header)."""
    identifiers = [*IDENTIFIERS, {"account_id": "a1", "kind": "name", "value": name}]
    ingest(write_bundle(tmp_path / "b", identifiers=identifiers), "op", actor=actor("tester"))
    register = tmp_path / "records.csv"
    register.write_text("kind,value,fact,detail,source,checked_at\n" + records)
    import_records(register, get_operation("op"), actor=actor("tester"))


def _migrate_names(intake: str, subjects: str) -> None:
    """Run the data migrations ``intake`` and ``subjects`` (module names) that rewrite stored names."""
    from importlib import import_module

    from django.apps import apps

    import_module(f"tiaki.apps.intake.migrations.{intake}").renormalise_names(apps, None)
    import_module(f"tiaki.apps.subjects.migrations.{subjects}").renormalise_names(apps, None)


def test_names_stored_in_the_order_written_are_stored_again_in_the_order_spoken(tmp_path: Path):
    """The data migrations rewrite names a database holds from before names were compared in the
    order spoken ("STONE, River" was stored "stone river"), identifiers and records alike."""
    from tiaki.apps.subjects.models import RecordsFact

    _names_in_store(
        tmp_path,
        "STONE, River",
        'name,"Stone, River",access_to_children,coach,register,2019-10-01T00:00:00Z\n'
        'name+dob,"Stone, River|1990-02-03",prior_conviction,2015,register,2019-10-01T00:00:00Z\n',
    )
    Identifier.objects.filter(kind="name").update(normalised="stone river")
    RecordsFact.objects.filter(kind="name").update(normalised="stone river")
    RecordsFact.objects.filter(kind="name+dob").update(normalised="stone river|1990-02-03")
    _migrate_names("0004_names_in_spoken_order", "0006_record_names_in_spoken_order")
    assert Identifier.objects.get(kind="name").normalised == "river stone"
    assert dict(RecordsFact.objects.values_list("kind", "normalised")) == {
        "name": "river stone",
        "name+dob": "river stone|1990-02-03",
    }


def test_names_stored_with_a_title_are_stored_again_without_it(tmp_path: Path):
    """The later data migrations rewrite every stored name: "Dr River Stone" was stored "dr river
    stone", and a register's "River Stone" did not match it."""
    from tiaki.apps.subjects.models import RecordsFact

    _names_in_store(
        tmp_path,
        "Dr River Stone",
        "name,Mrs. Mary Stone,access_to_children,coach,register,2019-10-01T00:00:00Z\n"
        'name+dob,"Stone, Dr. River|1990-02-03",prior_conviction,2015,register,2019-10-01T00:00:00Z\n',
    )
    assert Identifier.objects.get(kind="name").normalised == "river stone"
    Identifier.objects.filter(kind="name").update(normalised="dr river stone")
    RecordsFact.objects.filter(kind="name").update(normalised="mrs mary stone")
    RecordsFact.objects.filter(kind="name+dob").update(normalised="dr river stone|1990-02-03")
    _migrate_names("0005_names_without_titles", "0007_record_names_without_titles")
    assert Identifier.objects.get(kind="name").normalised == "river stone"
    assert dict(RecordsFact.objects.values_list("kind", "normalised")) == {
        "name": "mary stone",
        "name+dob": "river stone|1990-02-03",
    }


def test_new_near_duplicates_form_one_group_and_a_reviewers_grade_is_offered_to_it(tmp_path: Path):
    media = tmp_path / "b" / "media"
    media.mkdir(parents=True)
    original = picture(media / "p1.jpg", 11)
    Image.open(original).resize((100, 100)).save(media / "p2.jpg", quality=60)  # a near copy of p1
    picture(media / "p3.jpg", 12)  # unrelated
    (media / "p4.jpg").write_bytes(b"")  # a bad file: recorded, and nothing else stops
    bundle = write_bundle(
        tmp_path / "b",
        uploads=[{"upload_id": f"u{i}", "account_id": "a1", "file": f"p{i}.jpg"} for i in range(1, 5)],
    )
    ingest(bundle, "op", actor=actor("tester"))
    operation = get_operation("op")
    summary = run_media(operation, actor=actor("tester"))
    assert summary.items == 4 and summary.errors == 1 and summary.known == 0
    assert summary.groups_to_review == 3  # {p1, p2}, {p3}, {p4}
    assert summary.needing_review == 0.75
    p1 = MediaItem.objects.get(sha256=digest_file(bundle / "media" / "p1.jpg").sha256)
    p2 = MediaItem.objects.get(sha256=digest_file(bundle / "media" / "p2.jpg").sha256)
    assert p1.group_id == p2.group_id is not None
    assert MediaItem.objects.get(error="empty file").pdq == ""
    assert grade_item(operation, p1.key[:20], profile="vic-us", category="3", actor=actor("reviewer")) == 1
    assert Grade.objects.get(media=p1).source == "reviewer"
    offered = Grade.objects.get(media=p2)
    assert (offered.source, offered.label) == ("suggested", "CGI / animation")
    with pytest.raises(Invalid):
        grade_item(operation, p1.key, profile="vic-us", category="9", actor=actor("reviewer"))
    groups = list(MediaGroup.objects.values_list("key", "size"))
    run_media(operation, actor=actor("tester"))
    assert list(MediaGroup.objects.values_list("key", "size")) == groups


def test_videos_are_hashed_and_a_re_encoded_copy_joins_the_original_s_group(tmp_path: Path):
    media = tmp_path / "b" / "media"
    media.mkdir(parents=True)
    write_clip(media / "v1.mp4", scenes(21))
    write_clip(media / "v2.mp4", scenes(21), codec="mpeg4", bit_rate=80_000)  # the same clip, re-encoded
    write_clip(media / "v3.mp4", scenes(22))  # unrelated
    bundle = write_bundle(
        tmp_path / "b",
        uploads=[{"upload_id": f"u{i}", "account_id": "a1", "file": f"v{i}.mp4"} for i in range(1, 4)],
    )
    ingest(bundle, "op", actor=actor("tester"))
    summary = run_media(get_operation("op"), actor=actor("tester"))
    assert summary.videos == 3 and summary.errors == 0
    items = {
        MediaItem.objects.get(sha256=digest_file(bundle / "media" / f"v{i}.mp4").sha256): i for i in (1, 2, 3)
    }
    assert all(len(item.video_hash["frames"]) >= 4 for item in items)
    group = {i: item.group_id for item, i in items.items()}
    assert group[1] == group[2] != group[3]
    assert summary.groups_to_review == 2


def test_a_file_supplied_later_completes_the_item_known_by_its_digest(tmp_path: Path):
    media = tmp_path / "second" / "media"
    media.mkdir(parents=True)
    p1 = picture(media / "p1.jpg", 31)
    first = write_bundle(
        tmp_path / "first",
        disclosure_id="d1",
        uploads=[
            {"upload_id": "u1", "account_id": "a1", "md5": digest_file(p1).md5},
        ],
    )
    ingest(first, "op", actor=actor("tester"))
    operation = get_operation("op")
    run_media(operation, actor=actor("tester"))
    assert MediaItem.objects.get().stored_id is None
    second = write_bundle(
        tmp_path / "second",
        disclosure_id="d2",
        uploads=[
            {"upload_id": "u9", "account_id": "a2", "file": "p1.jpg"},
        ],
    )
    ingest(second, "op", actor=actor("tester"))
    run_media(operation, actor=actor("tester"))
    items = list(MediaItem.objects.filter(md5=digest_file(p1).md5))
    assert len(items) == 1 and items[0].stored_id is not None and len(items[0].pdq) == 64
    assert items[0].uploads.count() == 2


def test_a_country_left_with_nobody_loses_its_package_files(tmp_path: Path):
    from tiaki.apps.referrals.models import Package
    from tiaki.apps.referrals.services.packages import write_packages

    ingest(write_bundle(tmp_path / "b"), "op", actor=actor("tester"))
    operation = get_operation("op")
    run_all(operation, "media", "resolve", "locate", "triage")  # the unassessed are not sent
    write_packages(operation, actor=actor("tester"))
    package = Package.objects.get(country="US")
    assert not Path(package.zip_path).is_absolute()  # kept relative to the data directory
    zip_path, folder = datadir.absolute(package.zip_path), datadir.absolute(package.folder)
    assert zip_path.is_file() and folder.is_dir()
    Person.objects.filter(country="US").update(needs_review=True)  # its one person is now uncertain
    write_packages(operation, actor=actor("tester"))
    assert not Package.objects.filter(country="US").exists()
    assert not zip_path.exists() and not folder.exists()


def get_operation(name: str):
    return _get_operation(name, actor())


def test_a_person_who_moved_is_placed_where_they_moved_to_with_the_date(tmp_path: Path):
    """Ten months of logins from a New Zealand line, then seven months from an Australian one: the
    person is placed in Australia, and the evidence says from where and since when."""
    days = [datetime(2019, 1, 1, tzinfo=UTC).timestamp() + 86400 * d for d in range(0, 300, 3)]
    moved = [datetime(2019, 11, 1, tzinfo=UTC).timestamp() + 86400 * d for d in range(0, 210, 7)]
    stamp = lambda t: datetime.fromtimestamp(t, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
    events = [
        {"account_id": "m1", "ip": "203.0.113.5", "event": "login", "timestamp": stamp(t)} for t in days
    ]
    events += [
        {"account_id": "m1", "ip": "198.51.100.7", "event": "login", "timestamp": stamp(t)} for t in moved
    ]
    bundle = write_bundle(
        tmp_path / "b",
        uploads=[],
        accounts=[{"account_id": "m1", "username": "mover", "stated_country": "NZ", "created_at": ""}],
        identifiers=[],
        ip_events=events,
    )
    ingest(bundle, "moves", actor=actor("tester"))
    operation = get_operation("moves")
    resolve(operation, actor=actor("tester"))
    geo_dir = tmp_path / "geo"
    geo_dir.mkdir()
    built = int(datetime(2018, 12, 1, tzinfo=UTC).timestamp())
    write_country_mmdb(geo_dir / "geo.mmdb", {"203.0.113.0/24": "NZ", "198.51.100.0/24": "AU"}, built)
    change_settings(operation, SettingsChange(geo_dir=geo_dir), actor())
    locate(operation, actor=actor("tester"))
    person = Person.objects.get(accounts__account__account_id="m1")
    assert (person.country, person.needs_review) == ("AU", False)
    assert person.country_evidence["moved_from"] == "NZ"
    assert person.country_evidence["moved_since"] == "2019-11-01"
    assert person.country_evidence["ip_votes"]["NZ"] > person.country_evidence["ip_votes"]["AU"]
