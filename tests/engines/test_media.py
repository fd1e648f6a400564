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


def test_pictures_over_the_pixel_limit_are_refused_from_the_header(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tiaki.engines.media as media

    big = tmp_path / "big.png"
    Image.new("L", (9000, 6000)).save(big)  # 54 megapixels: over the limit, under Pillow's own
    decoded = []
    monkeypatch.setattr(media, "pdq_file_both", lambda path: decoded.append(path))
    result = examine(big)
    assert result.kind == "image" and result.pdq is None
    assert result.error is not None and "9000x6000" in result.error and "limit" in result.error
    assert decoded == []  # refused before any decoding


def test_a_large_baseline_jpeg_is_judged_by_its_reduced_decode(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tiaki.engines.media as media

    path = tmp_path / "large.jpg"
    Image.new("L", (9000, 6000), 128).save(path, quality=50)
    assert media.image_limit(path) is None  # decoded at 1/8 scale: about 0.8 megapixels
    progressive = tmp_path / "progressive.jpg"
    Image.new("L", (9000, 6000), 128).save(progressive, quality=50, progressive=True)
    assert "limit" in (media.image_limit(progressive) or "")


def test_videos_over_the_limits_are_refused_from_the_container(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    import tiaki.engines.media as media
    from builders import write_clip

    clip = write_clip(tmp_path / "clip.mp4", (np.full((64, 64, 3), n * 20, np.uint8) for n in range(12)))
    assert media.video_limit(clip) is None
    monkeypatch.setattr(media, "hash_video", lambda path: (_ for _ in ()).throw(AssertionError("decoded")))
    monkeypatch.setattr(media, "MAX_VIDEO_FRAMES", 5)
    assert "frames" in (examine(clip).error or "")
    monkeypatch.setattr(media, "MAX_VIDEO_FRAMES", 10**6)
    monkeypatch.setattr(media, "MAX_PIXELS", 1000)
    assert "64x64" in (examine(clip).error or "")
    monkeypatch.setattr(media, "MAX_PIXELS", 10**9)
    monkeypatch.setattr(media, "MAX_VIDEO_SECONDS", 0)
    assert "lasts" in (examine(clip).error or "")


def test_the_kind_comes_from_the_content_never_the_name(tmp_path: Path) -> None:
    text = tmp_path / "notes.mp4"
    text.write_text("meeting notes\n" * 50)
    result = examine(text)
    assert result.kind == "other" and "named .mp4 but not a video" in (result.error or "")
    renamed = tmp_path / "picture.mp4"
    renamed.write_bytes(picture(tmp_path / "p.jpg", 3).read_bytes())
    assert examine(renamed).kind == "image" and examine(renamed).pdq is not None
    assert sniff(b"\x00\x00\x00\x18ftypheic")[0] == "image"
    assert examine(tmp_path / "p.jpg").kind == "image"
