"""Lists made by other tools: the same list twice, new items that are not known, videos listed by
their vPDQ hashes, and photos listed by the hash of their stored pixels."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import ExifTags, Image

from builders import actor, known_list, scenes, texture, write_bundle, write_clip
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.media.models import HashList, Match, MediaItem
from tiaki.apps.media.queries import list_content, summarise
from tiaki.apps.media.services.hashlists import ListInfo, import_hashlist
from tiaki.apps.media.services.stage import run_media
from tiaki.apps.operations.queries import get_operation
from tiaki.engines.pdq import pdq_file_both
from tiaki.engines.video import hash_video, vpdq_lines
from tiaki.formats.hashlist import list_fingerprint
from tiaki.formats.hashlist_any import write_hashlist

pytestmark = pytest.mark.django_db


def test_the_same_list_in_another_format_is_not_imported_twice(tmp_path: Path):
    rows = [{"md5": f"{i:032x}", "category": "1"} for i in range(1, 6)]
    first = import_hashlist(
        known_list(tmp_path / "a.csv", rows), actor=actor(), info=ListInfo(name="a", profile="vic-us")
    )
    assert first.created
    content = list_content(actor(), "a")
    written = write_hashlist(tmp_path / "a.vics.json", content, format="vics")
    again = import_hashlist(written[0], actor=actor(), info=ListInfo(name="b"))
    assert not again.created and again.name == "a"
    assert list(HashList.objects.values_list("name", flat=True)) == ["a"]
    assert HashList.objects.get().fingerprint == list_fingerprint(content.entries)


def test_new_ungraded_items_in_a_list_never_become_known(tmp_path: Path):
    bundle = write_bundle(tmp_path / "b")
    ingest(bundle, "op", actor=actor())
    operation = get_operation("op", actor())
    run_media(operation, actor=actor())
    item = MediaItem.objects.order_by("key").first()
    vics = {
        "@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/$metadata#Cases",
        "value": [{"CaseID": "x", "Media": [{"MediaID": 1, "MD5": item.md5.upper(), "Category": 0,
                   "IsPrecategorized": False, "Tags": ["tiaki:new-ungraded"]}]}],
    }  # fmt: skip
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(vics))
    import_hashlist(path, actor=actor(), info=ListInfo(name="theirs", profile="vic-us"))
    run_media(operation, actor=actor())
    assert not Match.objects.exists() and summarise(actor(), operation).known == 0


def test_a_video_listed_by_its_every_frame_vpdq_hash_is_known(tmp_path: Path):
    media = tmp_path / "b" / "media"
    media.mkdir(parents=True)
    write_clip(media / "v1.mp4", scenes(31))
    listed = tmp_path / "listed.mp4"
    write_clip(listed, scenes(31))
    every_frame = hash_video(listed, every_s=0.1)  # the other tool hashed every frame
    folder = tmp_path / "video-list"
    folder.mkdir()
    (folder / "clip-1.txt").write_text("\n".join(vpdq_lines(every_frame)) + "\n")
    import_hashlist(folder, actor=actor(), info=ListInfo(name="videos", profile="vic-us"))
    bundle = write_bundle(tmp_path / "b", uploads=[{"upload_id": "u1", "account_id": "a1", "file": "v1.mp4"}])
    ingest(bundle, "op", actor=actor())
    run_media(get_operation("op", actor()), actor=actor())
    match = Match.objects.get()
    assert match.method == "vpdq" and match.distance <= 20


def test_a_photo_listed_by_the_hash_of_its_stored_pixels_is_known(tmp_path: Path):
    media = tmp_path / "b" / "media"
    media.mkdir(parents=True)
    stored = Image.fromarray(texture(np.random.default_rng(5), 480, 320)).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    stored.save(media / "p1.jpg", quality=95, exif=exif)
    pair = pdq_file_both(media / "p1.jpg")
    assert pair.stored is not None
    rows = [{"pdq": pair.stored.hash, "category": "1"}]  # what a tool hashing the stored pixels lists
    import_hashlist(
        known_list(tmp_path / "l.csv", rows), actor=actor(), info=ListInfo(name="l", profile="vic-us")
    )
    ingest(write_bundle(tmp_path / "b"), "op", actor=actor())
    run_media(get_operation("op", actor()), actor=actor())
    item = MediaItem.objects.get(uploads__upload__upload_id="u1")
    assert item.pdq_stored == pair.stored.hash
    assert Match.objects.filter(media=item, method="pdq").exists()


def test_a_copy_turned_by_hand_matches_its_listed_original(tmp_path: Path):
    media = tmp_path / "b" / "media"
    media.mkdir(parents=True)
    original = Image.fromarray(texture(np.random.default_rng(8), 640, 480))
    original.save(tmp_path / "original.png")
    original.transpose(Image.Transpose.ROTATE_90).save(media / "p1.jpg", quality=95)  # no EXIF: truly turned
    listed = pdq_file_both(tmp_path / "original.png").upright.hash
    rows = [{"pdq": listed, "category": "1"}]
    import_hashlist(
        known_list(tmp_path / "l.csv", rows), actor=actor(), info=ListInfo(name="l", profile="vic-us")
    )
    ingest(write_bundle(tmp_path / "b"), "op", actor=actor())
    run_media(get_operation("op", actor()), actor=actor())
    item = MediaItem.objects.get(uploads__upload__upload_id="u1")
    match = Match.objects.get(media=item)
    assert match.method == "pdq-turned" and match.distance <= 31
    assert not Match.objects.exclude(media=item).exists()
