"""Bad files never crash the media engine: each becomes a recorded reason."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from builders import picture
from tiaki.engines.digest import digest_bytes, digest_file
from tiaki.engines.media import examine, find_media_signature, sniff


def test_a_good_picture_gets_a_pdq_hash(tmp_path: Path):
    result = examine(picture(tmp_path / "p.jpg", 4))
    assert result.kind == "image" and result.error is None
    assert len(result.pdq or "") == 64 and (result.quality or 0) >= 50


def test_zero_bytes_truncated_and_mislabelled_files_are_recorded_not_raised(tmp_path: Path):
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    good = picture(tmp_path / "good.jpg", 5).read_bytes()
    truncated = tmp_path / "truncated.jpg"
    truncated.write_bytes(good[:200])
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture at all")
    assert examine(empty).error == "empty file"
    assert examine(truncated).error is not None and examine(truncated).kind == "image"
    assert examine(text).kind == "other" and examine(text).pdq is None
    assert "named .jpg but not a picture" in (examine(text).error or "")
    assert examine(tmp_path / "missing.jpg").error.startswith("unreadable")


def test_a_decompression_bomb_is_refused(tmp_path: Path):
    bomb = tmp_path / "bomb.png"
    Image.new("1", (20000, 20000)).save(bomb)  # 400 megapixels, a few kilobytes on disk
    result = examine(bomb)
    assert result.pdq is None and result.error is not None


def test_sniffing_and_signatures():
    assert sniff(b"\xff\xd8\xff\xe0")[0] == "image"
    assert sniff(b"\x00\x00\x00\x18ftypisom")[0] == "video"
    assert sniff(b"hello")[0] == "other"
    assert find_media_signature(b"abc,def\n0123,\xff\xd8\xff\xe0") == "jpeg"
    assert find_media_signature(b"md5,sha1\nd41d8cd98f00b204e9800998ecf8427e,x\n") is None


def test_digests_in_one_read_match_hashlib(tmp_path: Path):
    f = tmp_path / "f.bin"
    f.write_bytes(b"x" * 3_000_000)
    assert digest_file(f) == digest_bytes(b"x" * 3_000_000)
