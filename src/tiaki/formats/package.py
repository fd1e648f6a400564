"""The referral package: one folder (and a .zip of it) per country, with a manifest of every file.

A package carries hashes, grades, structured descriptions and metadata, never media bytes: the writer
refuses any file that holds an image or video signature, and the verifier checks for them again.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from tiaki.engines.media import find_media_signature
from tiaki.errors import Invalid

PACKAGE_FORMAT = "tiaki-referral-package"
PACKAGE_VERSION = 1
MANIFEST = "manifest.json"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class PackageError(Invalid):
    """A package that cannot be written or read as one."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_package(folder: Path, files: Mapping[str, bytes], meta: Mapping[str, Any]) -> tuple[Path, str, str]:
    """Write ``files`` and their manifest into ``folder`` (replacing what was there) and a zip beside
    it. The same input always gives byte-identical output. Returns (zip path, zip SHA-256, manifest
    SHA-256)."""
    for name, data in files.items():
        if name == MANIFEST or PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
            raise PackageError(f"{name}: not a valid file name inside a package")
        signature = find_media_signature(data)
        if signature:
            raise PackageError(f"{name}: holds {signature} bytes; packages never carry media")
    manifest = {
        "format": PACKAGE_FORMAT,
        "version": PACKAGE_VERSION,
        **meta,
        "files": [
            {"path": name, "sha256": _sha256(files[name]), "size": len(files[name])} for name in sorted(files)
        ],
    }
    manifest_bytes = (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    everything = {**files, MANIFEST: manifest_bytes}
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, data in everything.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(everything):
            info = zipfile.ZipInfo(f"{folder.name}/{name}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, everything[name])
    zip_path = folder.with_name(folder.name + ".zip")
    zip_path.write_bytes(buffer.getvalue())
    return zip_path, _sha256(buffer.getvalue()), _sha256(manifest_bytes)


def _read_members(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {
            p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()
        }
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{path}: neither a package folder nor a zip")
    members: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            parts = PurePosixPath(info.filename).parts
            if len(parts) < 2 or ".." in parts or PurePosixPath(info.filename).is_absolute():
                raise PackageError(f"{path}: unexpected member '{info.filename}'")
            members["/".join(parts[1:])] = archive.read(info)
    return members


def verify_package(path: Path) -> list[str]:
    """Every problem found, or an empty list when the package is whole: each listed file present with
    its SHA-256 and size, nothing unlisted, no media bytes anywhere."""
    members = _read_members(path)
    if MANIFEST not in members:
        return [f"{path}: no {MANIFEST}"]
    try:
        manifest = json.loads(members[MANIFEST])
    except json.JSONDecodeError as exc:
        return [f"{MANIFEST}: not valid JSON ({exc})"]
    if manifest.get("format") != PACKAGE_FORMAT:
        return [f"{MANIFEST}: format is {manifest.get('format')!r}, expected {PACKAGE_FORMAT!r}"]
    problems = []
    listed = {}
    for entry in manifest.get("files", []):
        listed[entry["path"]] = entry
        data = members.get(entry["path"])
        if data is None:
            problems.append(f"{entry['path']}: listed in the manifest but missing")
        elif _sha256(data) != entry["sha256"] or len(data) != entry["size"]:
            problems.append(f"{entry['path']}: does not match its SHA-256 in the manifest (altered)")
    for name in sorted(set(members) - set(listed) - {MANIFEST}):
        problems.append(f"{name}: not listed in the manifest")
    for name, data in sorted(members.items()):
        signature = find_media_signature(data)
        if signature:
            problems.append(f"{name}: holds {signature} bytes")
    return problems
