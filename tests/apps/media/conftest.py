"""An operation with near-duplicates, known material and several uploaders, for the review's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from builders import actor, known_list, picture, place_and_run, write_bundle
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.media.models import MediaItem
from tiaki.apps.media.services.hashlists import ListInfo, import_hashlist
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import get_operation
from tiaki.engines.digest import digest_file


@pytest.fixture
def review_op(tmp_path: Path) -> Operation:
    """Benign generated pictures: ``dup-a`` and ``dup-b`` are one picture saved twice (near-duplicates,
    uploaded by a1 and a2, who are one person), ``solo`` (a3) and ``other`` (a1 and a3) are unique, ``listed``
    (a1) is on a known-material list. Every stage has run."""
    folder = tmp_path / "bundle"
    media = folder / "media"
    media.mkdir(parents=True)
    picture(media / "dup-a.jpg", 11, size=256)
    Image.open(media / "dup-a.jpg").save(media / "dup-b.jpg", quality=60)
    picture(media / "solo.jpg", 12, size=256)
    picture(media / "other.jpg", 13, size=256)
    picture(media / "listed.jpg", 14, size=256)
    for seed, name in ((1, "p1.jpg"), (2, "p2.jpg")):
        picture(media / name, seed)
    uploads = [
        {"upload_id": "u1", "account_id": "a1", "file": "dup-a.jpg"},
        {"upload_id": "u2", "account_id": "a2", "file": "dup-b.jpg"},
        {"upload_id": "u3", "account_id": "a3", "file": "solo.jpg"},
        {"upload_id": "u4", "account_id": "a1", "file": "other.jpg"},
        {"upload_id": "u5", "account_id": "a3", "file": "other.jpg"},
        {"upload_id": "u6", "account_id": "a1", "file": "listed.jpg"},
    ]
    write_bundle(folder, uploads=uploads)
    listed = known_list(
        tmp_path / "known.csv", [{"sha256": digest_file(media / "listed.jpg").sha256, "category": "1"}]
    )
    import_hashlist(listed, actor=actor(), info=ListInfo(name="known", profile="vic-us"))
    ingest(folder, "op", actor=actor())
    op = get_operation("op", actor())
    place_and_run(op, tmp_path / "geo")
    return op


def item(operation: Operation, name: str) -> MediaItem:
    """The item of the bundle's file ``name``."""
    return MediaItem.objects.filter(operation=operation, uploads__upload__file_name=name).distinct().get()
