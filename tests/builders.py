"""Small, hand-made disclosure bundles for tests: neutral values, generated pictures only."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
from PIL import Image

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
    write_table(folder / "identifiers.csv", IDENTIFIERS, ["account_id", "kind", "value"])
    write_table(
        folder / "ip_events.csv",
        ip_events if ip_events is not None else IP_EVENTS,
        ["account_id", "ip", "event", "timestamp"],
    )
    write_table(folder / "uploads.csv", uploads, ["upload_id", "account_id", "file", "md5", "uploaded_at"])
    return folder
