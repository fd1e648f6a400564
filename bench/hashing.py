"""Hashing benchmark: our canonical PDQ pipeline against Meta's ThreatExchange PDQ hasher, and digests.

    python bench/hashing.py [--images 400] [--images-6mp 40] [--digest-mb 1024] [--rounds 3]
                            [--videos 2] [--work /tmp/tiaki-bench-hashing]

Generates its own benign pictures (smooth gradients, shapes, lines and mild noise; JPEG quality 85)
once into --work, reads every file once to put it in the page cache, then measures in each round, on
the same files:

- ours, 1 process: ``tiaki.engines.pdq.pdq_file`` (reduced-scale JPEG decode, <= 512 px, PDQ);
- baseline, 1 process: ``PdqSignal.hash_from_bytes`` from the ``threatexchange`` package, the call
  Meta's Hasher-Matcher-Actioner makes (full-resolution decode, PDQ on every pixel);
- ours, 2 processes (the files split between two workers);
- ours on 6-megapixel (3000x2000) JPEGs;
- MD5 + SHA-1 + SHA-256 in one read (``tiaki.engines.digest.digest_file``) over --digest-mb of files;
- when ``tiaki.engines.video`` exists: ``hash_video`` on 720p H.264 clips, in decoded frames per second.

Per-core rates are work done per CPU-second of the worker (``time.process_time``), so that other
people's jobs on a shared machine slow them down as little as possible; the wall-clock rates are
reported beside them. Scaling is wall-clock throughput with 2 processes over 1 process, so it is only
meaningful on an otherwise idle machine: the load average is recorded with it. Each figure is the best
of --rounds rounds. Prints a table, then one JSON line; writes bench/results/hashing.json.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import multiprocessing.pool
import os
import platform
import sys
import time
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, features

from tiaki.engines.digest import digest_file
from tiaki.engines.pdq import PIPELINE_VERSION, pdq_file

try:
    from tiaki.engines.video import hash_video
except ImportError:  # video hashing is optional here: the benchmark reports it when it exists
    hash_video = None

HERE = Path(__file__).resolve().parent
GENERATOR = "v1"  # bump when picture() or clip() changes, so that old files are not reused
QUALITY = 85
VIDEO_SIZE, VIDEO_FPS, VIDEO_SECONDS = (1280, 720), 25, 20
TARGETS = {
    "ours_img_per_s_per_core": 150,
    "ratio": 4,
    "ours_6mp_img_per_s_per_core": 35,
    "scaling_2_cores": 1.7,
    "digest_mb_per_s_per_core": 500,
}

try:
    from threatexchange.signal_type.pdq.signal import PdqSignal

    BASELINE = f"threatexchange {version('threatexchange')} PdqSignal.hash_from_bytes (full resolution)"

    def _baseline_hash(path: str) -> None:
        with open(path, "rb") as fh:
            PdqSignal.hash_from_bytes(fh.read())

except ImportError:  # pragma: no cover - the documented fallback
    import pdqhash

    BASELINE = (
        "FALLBACK: threatexchange is not installed; pdqhash.compute on a full-resolution Pillow decode "
        "(what threatexchange does)"
    )

    def _baseline_hash(path: str) -> None:
        with Image.open(path) as image:
            pdqhash.compute(np.asarray(image.convert("RGB")))


# -- benign pictures -------------------------------------------------------------------------------


def picture(width: int, height: int, seed: int) -> Image.Image:
    """An abstract picture with some of a photograph's structure: smooth colour gradients, blurred
    shapes, a few sharp edges and mild sensor-like noise."""
    rng = np.random.default_rng(seed)
    sw, sh = max(16, width // 8), max(16, height // 8)
    y, x = np.mgrid[0:sh, 0:sw].astype(np.float32)
    x /= sw
    y /= sh
    channels = []
    for _ in range(3):
        fx, fy, phase = rng.uniform(0.3, 2.5), rng.uniform(0.3, 2.5), rng.uniform(0, 2 * np.pi)
        slope_x, slope_y = rng.uniform(-80, 80, 2)
        channels.append(
            128
            + 70 * np.sin(2 * np.pi * fx * x + phase) * np.cos(2 * np.pi * fy * y)
            + slope_x * (x - 0.5)
            + slope_y * (y - 0.5)
        )
    small = Image.fromarray(np.clip(np.stack(channels, axis=-1), 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(small)
    for _ in range(int(rng.integers(4, 12))):
        x0, y0 = rng.integers(0, sw), rng.integers(0, sh)
        r = int(rng.integers(sw // 20 + 1, sw // 4 + 2))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        box = (x0 - r, y0 - r // 2, x0 + r, y0 + r)
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=colour)
    image = small.filter(ImageFilter.GaussianBlur(1.5)).resize((width, height), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(int(rng.integers(3, 8))):
        points = [(int(rng.integers(0, width)), int(rng.integers(0, height))) for _ in range(3)]
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        if rng.random() < 0.5:
            draw.polygon(points, fill=colour)
        else:
            draw.line(points, fill=colour, width=int(rng.integers(2, max(3, width // 150))))
    # texture (grain at half the resolution, like foliage or fabric) and fine sensor noise
    grain = rng.integers(-20, 21, (height // 2 + 1, width // 2 + 1), dtype=np.int8)
    texture = (
        np.asarray(
            Image.fromarray(grain.astype(np.uint8) ^ 0x80).resize((width, height), Image.Resampling.BILINEAR),
            dtype=np.int16,
        )
        - 128
    )
    noise = rng.integers(-4, 5, (height, width), dtype=np.int16)
    pixels = np.asarray(image, dtype=np.int16) + (texture + noise)[..., None]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _write_picture(job: tuple[str, int, int, int]) -> None:
    path, width, height, seed = job
    tmp = path + ".part"
    picture(width, height, seed).save(tmp, "JPEG", quality=QUALITY)
    os.replace(tmp, path)


def pictures(pool: multiprocessing.pool.Pool, work: Path, width: int, height: int, n: int) -> list[str]:
    folder = work / f"jpeg-{width}x{height}-q{QUALITY}-{GENERATOR}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [str(folder / f"{i:05d}.jpg") for i in range(n)]
    missing = [(p, width, height, width * 1_000_003 + i) for i, p in enumerate(paths) if not Path(p).exists()]
    if missing:
        print(f"generating {len(missing)} {width}x{height} JPEGs in {folder}", flush=True)
        pool.map(_write_picture, missing, chunksize=4)
    return paths


def _write_random(job: tuple[str, int, int]) -> None:
    path, size, seed = job
    Path(path + ".part").write_bytes(np.random.default_rng(seed).bytes(size))
    os.replace(path + ".part", path)


def digest_files(pool: multiprocessing.pool.Pool, work: Path, total_mb: int) -> list[str]:
    folder = work / "digest"
    folder.mkdir(parents=True, exist_ok=True)
    size = 64 << 20
    paths = [str(folder / f"{i:03d}.bin") for i in range(max(1, total_mb // 64))]
    missing = [(p, size, i) for i, p in enumerate(paths) if not Path(p).exists()]
    if missing:
        print(f"generating {len(missing)} files of 64 MB in {folder}", flush=True)
        pool.map(_write_random, missing)
    return paths


def clip(path: Path, seed: int) -> None:
    """A 720p H.264 clip: the camera pans slowly over a picture while shapes drift across it."""
    import av

    width, height = VIDEO_SIZE
    rng = np.random.default_rng(seed)
    scene = np.asarray(picture(width + VIDEO_SECONDS * 20, height + VIDEO_SECONDS * 10, seed))
    tmp = path.with_suffix(".part")
    with av.open(str(tmp), mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=VIDEO_FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "veryfast", "crf": "23"}
        shapes = [
            (rng.uniform(0, width, 2), rng.uniform(-8, 8, 2), int(rng.integers(20, 80))) for _ in range(4)
        ]
        for t in range(VIDEO_FPS * VIDEO_SECONDS):
            dx, dy = t * 20 // VIDEO_FPS, t * 10 // VIDEO_FPS
            frame = Image.fromarray(scene[dy : dy + height, dx : dx + width])
            draw = ImageDraw.Draw(frame)
            for start, velocity, r in shapes:
                cx, cy = start + velocity * t
                draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(240, 240, 240))
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    os.replace(tmp, path)


def clips(pool: multiprocessing.pool.Pool, work: Path, n: int) -> list[str]:
    folder = work / f"video-{VIDEO_SIZE[0]}x{VIDEO_SIZE[1]}-{VIDEO_FPS}fps-{VIDEO_SECONDS}s-{GENERATOR}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{i:03d}.mp4" for i in range(n)]
    missing = [(p, i) for i, p in enumerate(paths) if not p.exists()]
    if missing:
        print(f"generating {len(missing)} clips in {folder}", flush=True)
        pool.starmap(clip, missing)
    return [str(p) for p in paths]


def warm_page_cache(paths: list[str]) -> None:
    buf = bytearray(1 << 20)
    for path in paths:
        with open(path, "rb", buffering=0) as fh:
            while fh.readinto(buf):
                pass


# -- measurement -----------------------------------------------------------------------------------


def _ours(path: str) -> None:
    pdq_file(path)


JOBS: dict[str, Callable[[str], object]] = {"ours": _ours, "baseline": _baseline_hash, "digest": digest_file}
if hash_video is not None:
    JOBS["video"] = hash_video


def _run(job: tuple[str, list[str]]) -> tuple[float, float, int]:
    """In a worker: (wall seconds, CPU seconds, pid) to process the files."""
    kind, paths = job
    fn = JOBS[kind]
    wall, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        fn(path)
    return time.perf_counter() - wall, time.process_time() - cpu, os.getpid()


def one_process(pool: multiprocessing.pool.Pool, kind: str, paths: list[str], units: float) -> dict:
    wall, cpu, _ = pool.apply(_run, ((kind, paths),))
    return {"per_core": units / cpu, "wall": units / wall}


def two_processes(pool: multiprocessing.pool.Pool, kind: str, paths: list[str], units: float) -> dict:
    start = time.perf_counter()
    out = pool.map(_run, [(kind, paths[0::2]), (kind, paths[1::2])], chunksize=1)
    wall = time.perf_counter() - start
    if out[0][2] == out[1][2]:
        raise RuntimeError("both halves ran in the same worker")
    return {"per_core": units / sum(cpu for _, cpu, _ in out), "wall": units / wall}


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--images", type=int, default=400, help="1024x768 JPEGs (default 400)")
    parser.add_argument("--images-6mp", type=int, default=40, help="3000x2000 JPEGs (default 40)")
    parser.add_argument("--digest-mb", type=int, default=1024, help="size of the digest file set")
    parser.add_argument("--videos", type=int, default=2, help="720p 20 s clips, if video hashing exists")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many rounds (default 3)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-bench-hashing"))
    args = parser.parse_args()

    with multiprocessing.get_context("fork").Pool(2) as pool:
        small = pictures(pool, args.work, 1024, 768, args.images)
        large = pictures(pool, args.work, 3000, 2000, args.images_6mp)
        blobs = digest_files(pool, args.work, args.digest_mb)
        videos = clips(pool, args.work, args.videos) if hash_video is not None else []
        warm_page_cache(small + large + blobs + videos)
        pool.map(_run, [("ours", small[:4]), ("baseline", small[:4])], chunksize=1)  # imports, caches
        load_before = os.getloadavg()
        digest_mb = sum(os.path.getsize(p) for p in blobs) / 1e6

        best: dict[str, dict[str, float]] = {}

        def keep(name: str, rates: dict) -> None:
            best[name] = {k: max(v, best.get(name, {}).get(k, 0.0)) for k, v in rates.items()}

        for r in range(args.rounds):
            keep("ours", one_process(pool, "ours", small, len(small)))
            keep("baseline", one_process(pool, "baseline", small, len(small)))
            keep("ours_2p", two_processes(pool, "ours", small, len(small)))
            keep("ours_6mp", one_process(pool, "ours", large, len(large)))
            keep("digest", one_process(pool, "digest", blobs, digest_mb))
            keep("digest_2p", two_processes(pool, "digest", blobs, digest_mb))
            if videos:
                keep("video", one_process(pool, "video", videos, len(videos) * VIDEO_FPS * VIDEO_SECONDS))
            print(f"round {r + 1}/{args.rounds} done", flush=True)
        load_after = os.getloadavg()

    summary = {
        "benchmark": "hashing",
        "pipeline": PIPELINE_VERSION,
        "baseline": BASELINE,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()}",
        "versions": {
            "pdqhash": _version("pdqhash"),
            "pillow": _version("pillow"),
            "libjpeg-turbo": features.version("libjpeg_turbo"),
            "threatexchange": _version("threatexchange"),
        },
        "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "images_1024x768": len(small),
        "images_3000x2000": len(large),
        "rounds": args.rounds,
        "ours_img_per_s_per_core": round(best["ours"]["per_core"], 1),
        "baseline_img_per_s_per_core": round(best["baseline"]["per_core"], 1),
        "ratio": round(best["ours"]["per_core"] / best["baseline"]["per_core"], 2),
        "ours_img_per_s_wall": round(best["ours"]["wall"], 1),
        "baseline_img_per_s_wall": round(best["baseline"]["wall"], 1),
        "ours_2p_img_per_s_wall": round(best["ours_2p"]["wall"], 1),
        "scaling_2_cores": round(best["ours_2p"]["wall"] / best["ours"]["wall"], 2),
        "scaling_2_cores_cpu": round(2 * best["ours_2p"]["per_core"] / best["ours"]["per_core"], 2),
        "ours_6mp_img_per_s_per_core": round(best["ours_6mp"]["per_core"], 1),
        "digest_mb": round(digest_mb),
        "digest_mb_per_s_per_core": round(best["digest"]["per_core"]),
        "digest_2p_mb_per_s_wall": round(best["digest_2p"]["wall"]),
    }
    if videos:
        summary["video"] = f"{len(videos)} H.264 clips, {VIDEO_SIZE[0]}x{VIDEO_SIZE[1]}, {VIDEO_FPS} fps, "
        summary["video"] += f"{VIDEO_SECONDS} s; hash_video defaults (every frame decoded, 1 hashed per s)"
        summary["video_frames_per_s_per_core"] = round(best["video"]["per_core"])
        summary["video_frames_per_s_wall"] = round(best["video"]["wall"])
    rows = [
        ("1024x768 JPEG, ours", "ours_img_per_s_per_core", "img/s per core", "ours_img_per_s_wall"),
        (
            "1024x768 JPEG, baseline",
            "baseline_img_per_s_per_core",
            "img/s per core",
            "baseline_img_per_s_wall",
        ),
        ("ours / baseline", "ratio", "x", None),
        (
            "1024x768 JPEG, ours, 2 processes",
            "scaling_2_cores",
            "x 1 process (wall)",
            "ours_2p_img_per_s_wall",
        ),
        ("3000x2000 JPEG, ours", "ours_6mp_img_per_s_per_core", "img/s per core", None),
        (
            "MD5+SHA-1+SHA-256, one read",
            "digest_mb_per_s_per_core",
            "MB/s per core",
            "digest_2p_mb_per_s_wall",
        ),
    ]
    print(f"\nbaseline: {BASELINE}; load average {load_before[0]:.1f} -> {load_after[0]:.1f}")
    print(f"{'measure':<36} {'value':>8}  {'unit':<20} {'target':>7}  {'wall (2p for digest)':>20}")
    for label, key, unit, wall_key in rows:
        target = TARGETS.get(key)
        mark = "" if target is None else ("ok" if summary[key] >= target else "MISS")
        wall = "" if wall_key is None else f"{summary[wall_key]:>12}"
        target_text = "" if target is None else f">= {target}"
        print(f"{label:<36} {summary[key]:>8}  {unit:<20} {target_text:>7} {mark:<4} {wall:>16}")
    summary["targets_met"] = {key: summary[key] >= target for key, target in TARGETS.items()}
    out = HERE / "results" / "hashing.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
