"""Small, hand-made disclosure bundles for tests: neutral values, generated pictures only."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import av
import numpy as np
from PIL import Image

from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Role

if TYPE_CHECKING:
    from tiaki.apps.operations.models import Operation

ACCOUNTS = [
    {
        "account_id": "a1",
        "username": "river.stone",
        "stated_country": "NZ",
        "created_at": "2019-01-02T03:04:05Z",
    },
    {"account_id": "a2", "username": "riverstone2", "stated_country": "NZ"},
    {"account_id": "a3", "username": "blue_kite", "stated_country": "US"},
]
IDENTIFIERS = [
    {"account_id": "a1", "kind": "email", "value": "River.Stone@example.com"},
    {"account_id": "a2", "kind": "email", "value": "river.stone@EXAMPLE.com"},
    {"account_id": "a3", "kind": "phone", "value": "+1 415 555 0132"},
]
IP_EVENTS = [
    {"account_id": "a1", "ip": "8.8.8.8", "event": "login", "timestamp": "2019-03-01T10:00:00+13:00"},
    {"account_id": "a3", "ip": "1.1.1.1", "event": "login", "timestamp": "2019-03-02T10:00:00Z"},
]


def picture(path: Path, seed: int, size: int = 128) -> Path:
    """A benign generated picture: smooth gradients and a few blocks, varied by ``seed``."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size] / size
    channels = [
        np.sin((x * rng.uniform(2, 9) + y * rng.uniform(2, 9)) * np.pi + rng.uniform(0, 6)) for _ in "rgb"
    ]
    pixels = ((np.stack(channels, axis=-1) + 1) * 127.5).astype(np.uint8)
    for _ in range(4):
        x0, y0 = rng.integers(0, size - 20, 2)
        pixels[y0 : y0 + 20, x0 : x0 + 20] = rng.integers(0, 255, 3)
    Image.fromarray(pixels).save(path, format="JPEG", quality=90)
    return path


def write_table(path: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)


def write_bundle(
    folder: Path,
    *,
    disclosure_id: str = "provider-2019-0001",
    uploads: list[dict[str, str]] | None = None,
    accounts: list[dict[str, str]] | None = None,
    identifiers: list[dict[str, str]] | None = None,
    ip_events: list[dict[str, str]] | None = None,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "media").mkdir(exist_ok=True)
    for seed, name in ((1, "p1.jpg"), (2, "p2.jpg")):
        if not (folder / "media" / name).exists():  # a test may have put its own picture there
            picture(folder / "media" / name, seed)
    uploads = (
        uploads
        if uploads is not None
        else [
            {"upload_id": "u1", "account_id": "a1", "file": "p1.jpg", "uploaded_at": "2019-03-01T10:05:00Z"},
            {"upload_id": "u2", "account_id": "a3", "file": "p2.jpg"},
        ]
    )
    manifest = {
        "format": "disclosure-bundle",
        "version": 1,
        "disclosure_id": disclosure_id,
        "provider": {"name": "Example Provider", "country": "US", "contact": "legal@example.org"},
        "received_at": "2019-09-14T03:00:00Z",
        "files": {
            "accounts": "accounts.csv",
            "identifiers": "identifiers.csv",
            "ip_events": "ip_events.csv",
            "uploads": "uploads.csv",
        },
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    write_table(
        folder / "accounts.csv",
        accounts if accounts is not None else ACCOUNTS,
        ["account_id", "username", "stated_country", "created_at"],
    )
    write_table(
        folder / "identifiers.csv",
        identifiers if identifiers is not None else IDENTIFIERS,
        ["account_id", "kind", "value"],
    )
    write_table(
        folder / "ip_events.csv",
        ip_events if ip_events is not None else IP_EVENTS,
        ["account_id", "ip", "event", "timestamp"],
    )
    write_table(folder / "uploads.csv", uploads, ["upload_id", "account_id", "file", "md5", "uploaded_at"])
    return folder


# Benign generated clips: an 8 s, 320x240, 10 frames/s video of four 2 s scenes, each a slow pan over
# a noise texture under flat shapes.
W, H, FPS, SECONDS, SCENE_S = 320, 240, 10, 8, 2


def texture(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    """Noise with a natural 1/f-like spectrum under a dozen flat boxes and ellipses."""
    fy, fx = np.fft.fftfreq(h)[:, None], np.fft.rfftfreq(w)[None, :]
    amplitude = 1 / np.maximum(np.hypot(fx, fy), 1 / max(w, h)) ** 1.5
    channels = []
    for _ in range(3):
        c = np.fft.irfft2(amplitude * np.exp(2j * np.pi * rng.random(amplitude.shape)), s=(h, w))
        channels.append((c - c.mean()) / c.std())
    img = 128 + 45 * np.stack(channels, axis=-1)
    y, x = np.mgrid[0:h, 0:w]
    for _ in range(12):
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        rx, ry = rng.uniform(0.05, 0.15) * w, rng.uniform(0.05, 0.15) * h
        if rng.random() < 0.5:
            mask = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
        else:
            mask = (abs(x - cx) < rx) & (abs(y - cy) < ry)
        img[mask] = rng.uniform(0, 255, 3)
    return img.clip(0, 255).astype(np.uint8)


def scenes(seed: int) -> Iterator[np.ndarray]:
    rng = np.random.default_rng(seed)
    pictures = [texture(rng, W * 6 // 5, H * 6 // 5) for _ in range(SECONDS // SCENE_S)]
    for i in range(SECONDS * FPS):
        scene, into = divmod(i / FPS, SCENE_S)
        dx, dy = int(into / SCENE_S * W * 0.15), int(into / SCENE_S * H * 0.15)
        yield pictures[int(scene)][dy : dy + H, dx : dx + W]


def write_clip(
    path: Path,
    pictures: Iterator[np.ndarray],
    codec: str = "mpeg4",
    size: tuple[int, int] | None = None,
    bit_rate: int | None = None,
) -> Path:
    """Encode pictures at FPS, scaled by the encoder's scaler to ``size`` when given."""
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=FPS)
        stream.pix_fmt = "yuv420p"
        if bit_rate:
            stream.bit_rate = bit_rate
        for i, picture in enumerate(pictures):
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(picture), format="rgb24")
            if size:
                frame = frame.reformat(width=size[0], height=size[1])
            if i == 0:
                stream.width, stream.height = frame.width, frame.height
            container.mux(stream.encode(frame))
        container.mux(stream.encode())
    return path


def actor(name: str = "tester", role: str = "admin", countries: set[str] | None = None) -> Actor:
    """An actor for service tests: an unscoped administrator unless told otherwise."""
    return Actor(
        name=name,
        role=Role(role),
        countries=frozenset(countries) if countries is not None else None,
        system=countries is None,
    )


def known_list(path: Path, rows: list[dict[str, str]]) -> Path:
    """A hash-list CSV of ``rows``."""
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["md5", "sha256", "pdq", "category", "series"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def run_all(operation: Operation, *stages: str) -> None:
    """Run the stages (all of them by default) as an unscoped administrator."""
    from tiaki.apps.pipeline import run_stage

    for stage in stages or ("media", "resolve", "locate", "triage", "refer"):
        run_stage(stage, operation, actor=actor())


def place_and_run(operation: Operation, folder: Path) -> Operation:
    """Give the operation a country snapshot dated 2019-02-01 (written in ``folder``) that puts
    8.8.8.0/24 in NZ and 1.1.1.0/24 in the US, then run every stage: with the default bundle, a1 and
    a2 are placed in NZ and a3 in the US."""
    from datetime import UTC, datetime

    from mmdb_helpers import write_country_mmdb
    from tiaki.apps.operations.services.operations import SettingsChange, change_settings

    folder.mkdir()
    built = int(datetime(2019, 2, 1, tzinfo=UTC).timestamp())
    write_country_mmdb(folder / "geo.mmdb", {"8.8.8.0/24": "NZ", "1.1.1.0/24": "US"}, built)
    change_settings(operation, SettingsChange(geo_dir=folder), actor())
    run_all(operation)
    return operation
