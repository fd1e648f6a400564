"""Video hashing and vPDQ comparison on generated, benign clips (noise textures and flat shapes).

The clips are made once per module: an 8 s, 320x240, 10 frames/s original of four 2 s scenes, each
a slow pan over a textured picture, then copies of it decoded and encoded again in other ways.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import av
import numpy as np
import pytest

from builders import FPS, SECONDS, H, W, scenes, texture, write_clip
from tiaki.engines.media import examine
from tiaki.engines.pdq import hamming
from tiaki.engines.video import (
    VideoError,
    VideoFrameHash,
    VideoHash,
    compare,
    compare_query,
    from_dict,
    from_vpdq_frames,
    hash_video,
    to_dict,
    vpdq_lines,
)
from tiaki.formats.vpdq import read_vpdq

CODEC = "libx264" if "libx264" in av.codecs_available else "mpeg4"


def _decoded(path: Path) -> Iterator[np.ndarray]:
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            yield frame.to_ndarray(format="rgb24")


def _with_logo(pictures: Iterator[np.ndarray]) -> Iterator[np.ndarray]:
    """A small opaque white box (1/16 of each side) in the top-right corner."""
    for picture in pictures:
        marked = picture.copy()
        h, w = marked.shape[:2]
        marked[6 : 6 + h // 16, w - 6 - w // 16 : w - 6] = 250
        yield marked


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("clips")
    original = write_clip(d / "original.mp4", scenes(1))
    made = {
        "original": original,
        "reencoded": write_clip(d / "reencoded.mp4", _decoded(original), CODEC, bit_rate=40_000),
        "resized": write_clip(d / "resized.mp4", _decoded(original), size=(480, 360)),
        "trimmed": write_clip(d / "trimmed.mp4", (p for i, p in enumerate(_decoded(original)) if i >= 20)),
        "logo": write_clip(d / "logo.mp4", _with_logo(_decoded(original))),
        "unrelated": write_clip(d / "unrelated.mp4", scenes(2)),
        "matroska": write_clip(d / "original.mkv", _decoded(original)),
    }
    return made


@pytest.fixture(scope="module")
def hashes(clips: dict[str, Path]) -> dict[str, VideoHash]:
    return {name: hash_video(path) for name, path in clips.items()}


def test_the_original_is_sampled_once_a_second_with_its_metadata(hashes: dict[str, VideoHash]):
    video = hashes["original"]
    assert [f.timestamp_s for f in video.frames] == [float(t) for t in range(SECONDS)]
    assert all(f.quality >= 50 and len(f.pdq) == 64 for f in video.frames)
    assert (video.width, video.height, video.fps, video.duration_s) == (W, H, FPS, SECONDS)


@pytest.mark.parametrize("copy", ["reencoded", "resized", "logo", "matroska"])
def test_altered_copies_match_the_original_both_ways(hashes: dict[str, VideoHash], copy: str):
    result = compare(hashes["original"], hashes[copy])
    assert result.matched, result
    assert result.share_a_in_b >= 0.8 and result.share_b_in_a >= 0.8


def test_a_trim_is_contained_in_the_original_but_is_not_the_same_video(hashes: dict[str, VideoHash]):
    # The last 6 s of 8: every frame of the trim is in the original, 6 of the original's 8 are in
    # the trim. Under the 80%/80% rule that is no match; in vPDQ's terms the trim, as the query
    # against the original with Meta's example thresholds (80% of the query, 0% of the other), is.
    result = compare(hashes["trimmed"], hashes["original"])
    assert result.share_a_in_b == 1.0
    assert result.share_b_in_a == pytest.approx(0.75)
    assert not result.matched
    assert compare(hashes["trimmed"], hashes["original"], match_share=0.75).matched


def test_nothing_matches_an_unrelated_clip(hashes: dict[str, VideoHash]):
    for name, video in hashes.items():
        if name != "unrelated":
            result = compare(video, hashes["unrelated"])
            assert not result.matched and result.share_a_in_b == result.share_b_in_a == 0.0, name


def _vpdq_reference(q: VideoHash, c: VideoHash, distance: int, quality: int) -> tuple[float, float]:
    """The pseudocode of vPDQ's README, loop for loop: unique frames, quality filter, any match."""
    q_frames = {f.pdq for f in q.frames if f.quality >= quality}
    c_frames = {f.pdq for f in c.frames if f.quality >= quality}
    q_hits = sum(any(hamming(x, y) <= distance for y in c_frames) for x in q_frames)
    c_hits = sum(any(hamming(x, y) <= distance for y in q_frames) for x in c_frames)
    return q_hits / len(q_frames), c_hits / len(c_frames)


def test_the_vectorised_comparison_agrees_with_vpdq_pseudocode(hashes: dict[str, VideoHash]):
    for a in hashes.values():
        for b in hashes.values():
            for distance in (10, 31, 60):
                result = compare(a, b, frame_threshold=distance)
                assert (result.share_a_in_b, result.share_b_in_a) == pytest.approx(
                    _vpdq_reference(a, b, distance, 50)
                )


def test_duplicates_low_quality_frames_and_empty_videos_in_comparison():
    frame = "f" * 64
    video = VideoHash(
        [VideoFrameHash(0, frame, 90), VideoFrameHash(1, frame, 90), VideoFrameHash(2, "0" * 64, 10)],
        3.0,
        1.0,
        8,
        8,
    )
    assert compare(video, video) == compare(video, video.__class__([video.frames[0]], 1.0, 1.0, 8, 8))
    empty = VideoHash([], None, None, 8, 8)
    assert compare(video, empty).share_a_in_b == 0.0 and not compare(empty, empty).matched


def test_a_still_scene_collapses_to_one_frame_and_a_flat_one_to_none(tmp_path: Path):
    # Five samples of one picture differ only by encoder noise (0 bits between P-frames, 4-16 at
    # the encoder's periodic keyframes at this size): at most one step survives the collapse.
    picture = texture(np.random.default_rng(3), W, H)
    still = write_clip(tmp_path / "still.mp4", (picture for _ in range(5 * FPS)))
    assert len(hash_video(still).frames) <= 2
    assert len(hash_video(still, dedupe_distance=-1).frames) == 5
    flat = write_clip(tmp_path / "flat.mp4", (np.full((64, 96, 3), 90, np.uint8) for _ in range(2 * FPS)))
    assert hash_video(flat).frames == []
    result = examine(flat)
    assert result.kind == "video" and result.video is not None and "quality" in (result.error or "")


def test_sampling_interval_is_configurable(clips: dict[str, Path]):
    assert [f.timestamp_s for f in hash_video(clips["original"], every_s=2.5).frames] == [0, 2.5, 5, 7.5]
    with pytest.raises(ValueError):
        hash_video(clips["original"], every_s=0)


def test_examine_hashes_a_video_and_the_dict_round_trips(
    clips: dict[str, Path], hashes: dict[str, VideoHash]
):
    result = examine(clips["original"])
    assert result.kind == "video" and result.error is None and result.video is not None
    assert from_dict(result.video) == hashes["original"]
    assert from_dict(to_dict(hashes["logo"])) == hashes["logo"]
    for bad in ({"width": 1}, {"width": 1, "height": 1, "frames": ["abc,1,0"]}):
        with pytest.raises(ValueError):
            from_dict(bad)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("zero.mp4", lambda clips: b"", "other"),
        ("truncated.mp4", lambda clips: clips["original"].read_bytes()[:5000], "video"),
        ("notes.mp4", lambda clips: b"meeting notes, nothing else\n" * 20, "other"),
        ("header-only.mkv", lambda clips: clips["matroska"].read_bytes()[:300], "video"),
    ],
)
def test_bad_videos_are_recorded_not_raised(
    clips: dict[str, Path], tmp_path: Path, name: str, content: Callable[[dict[str, Path]], bytes], kind: str
):
    path = tmp_path / name
    path.write_bytes(content(clips))
    result = examine(path)
    assert result.kind == kind and result.error and result.video is None, result
    if path.stat().st_size:
        with pytest.raises(VideoError):
            hash_video(path)


def test_a_video_cut_short_keeps_the_frames_before_the_cut(clips: dict[str, Path], tmp_path: Path):
    # Matroska is written as it streams, so the first half of the file still decodes.
    data = clips["matroska"].read_bytes()
    half = tmp_path / "half.mkv"
    half.write_bytes(data[: len(data) // 2])
    result = examine(half)
    assert result.error is None and result.video is not None
    frames = from_dict(result.video).frames
    assert 0 < len(frames) < SECONDS


def test_a_query_sampled_once_a_second_matches_an_index_hashed_at_every_frame(
    clips: dict[str, Path], hashes: dict[str, VideoHash]
):
    # Meta's vPDQ files hash every frame; tiaki samples one a second. The verdict rests on the query's
    # share, so the difference in sampling does not decide; both shares are shown.
    every_frame = hash_video(clips["original"], every_s=1e-6, dedupe_distance=-1)
    assert len(every_frame.frames) == FPS * SECONDS
    result = compare_query(hashes["reencoded"], every_frame)
    assert result.matched and result.query_share == 1.0
    assert result.indexed_frames > result.query_frames
    assert result.indexed_share < 0.8  # measured 0.22: requiring both shares would miss it
    assert not compare(hashes["reencoded"], every_frame).matched
    # The symmetric rule would compare a different question; the query rule also finds a clip in
    # the video it was cut from, and not the reverse.
    assert compare_query(hashes["trimmed"], hashes["original"]).matched
    assert not compare_query(hashes["original"], hashes["trimmed"]).matched
    assert compare_query(hashes["original"], hashes["trimmed"]).indexed_share == 1.0
    assert not compare_query(hashes["unrelated"], every_frame).matched
    empty = VideoHash([], None, None, 8, 8)
    assert not compare_query(empty, every_frame).matched


def test_vpdq_lines_are_meta_s_text_and_read_back(hashes: dict[str, VideoHash], tmp_path: Path):
    video = hashes["original"]
    lines = vpdq_lines(video)
    assert len(lines) == len(video.frames)
    frame, quality, pdq, timestamp = lines[1].split(",")
    assert (int(frame), int(quality), pdq, float(timestamp)) == (
        video.frames[1].frame,
        video.frames[1].quality,
        video.frames[1].pdq,
        video.frames[1].timestamp_s,
    )
    assert int(frame) == FPS  # the frame's number in the video, here one second at 10 frames/s
    path = tmp_path / "original.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    entry = read_vpdq(path)
    listed = from_vpdq_frames(entry.video_frames or ())
    assert [f.pdq for f in listed.frames] == [f.pdq for f in video.frames]
    assert compare_query(hashes["logo"], listed).matched


def test_small_frames_hash_as_before_and_large_frames_at_native_size(tmp_path: Path):
    # Frames of 512 px or less are not shrunk in either version: the 320x240 clips hash as stills do.
    rng = np.random.default_rng(9)
    picture = texture(rng, 960, 540)
    clip = write_clip(tmp_path / "wide.mp4", (picture for _ in range(FPS)), size=(960, 540))
    native = hash_video(clip)
    shrunk = hash_video(clip, native_max_side=512)
    assert native.frames and shrunk.frames
    assert native.frames[0].pdq != shrunk.frames[0].pdq  # different pixels went into PDQ
    assert hamming(native.frames[0].pdq, shrunk.frames[0].pdq) <= 31  # yet the same picture
