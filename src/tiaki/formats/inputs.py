"""Many input files named at once: a file, a folder, a glob pattern or a zip, expanded to files.

``expand_inputs`` is what lets one command take an operation that arrives as hundreds of reports or
hash files. Zips are extracted into a work directory the caller gives (and removes), member by member
after every member has been checked: no absolute path or drive letter, no ``..``, no symbolic link, no
member expanding more than ``MAX_RATIO`` times its compressed size to more than ``RATIO_MIN_SIZE``, and
no more than ``max_total`` bytes in all. A refused zip is an :class:`InputError` naming the zip and, in
the message, the member.
"""

from __future__ import annotations

import glob
import os
import shutil
import stat
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from tiaki.formats.errors import InputError

DEFAULT_MAX_TOTAL = 16 * 2**30  # bytes all zips of one command may expand to
MAX_RATIO = 1000
RATIO_MIN_SIZE = 100 * 10**6
_GLOB_CHARS = frozenset("*?[")


def expand_inputs(
    specs: str | Path | Iterable[str | Path],
    workdir: Path,
    *,
    suffixes: Iterable[str] | None = None,
    max_total: int = DEFAULT_MAX_TOTAL,
) -> list[Path]:
    """The files named by ``specs``, in a stable order (each spec's files sorted by path).

    Each spec is a file, a folder (walked recursively, hidden files and ``__MACOSX`` skipped), a glob
    pattern (``reports/*.xml``, ``**`` allowed) or a ``.zip`` (extracted into a new folder under
    ``workdir``, then walked). Zips found inside folders or matched by a glob are extracted too, but
    zips inside zips are not. ``suffixes`` (e.g. ``{".xml"}``, compared case-insensitively) keeps
    only files with those endings when walking folders and zips; a file named directly is always
    kept. A spec that names nothing is an :class:`InputError`; so is a file listed twice.
    """
    items = [specs] if isinstance(specs, str | Path) else list(specs)
    wanted = {s.lower() for s in suffixes} if suffixes is not None else None
    budget = [max_total]
    result: list[Path] = []
    seen: set[Path] = set()
    for spec in items:
        found = _expand_one(str(spec), workdir, wanted, budget)
        for path in found:
            resolved = path.resolve()
            if resolved in seen:
                raise InputError(str(spec), f"'{path}' is named more than once")
            seen.add(resolved)
            result.append(path)
    return result


def _expand_one(spec: str, workdir: Path, wanted: set[str] | None, budget: list[int]) -> list[Path]:
    path = Path(spec)
    if path.is_file():
        return _extract(path, workdir, wanted, budget) if _is_zip(path) else [path]
    if path.is_dir():
        return _walk(path, workdir, wanted, budget, extract=True)
    if _GLOB_CHARS & set(spec):
        matches = sorted(Path(m) for m in glob.glob(spec, recursive=True))
        files: list[Path] = []
        for match in matches:
            if match.is_dir():
                files.extend(_walk(match, workdir, wanted, budget, extract=True))
            elif match.is_file():
                files.extend(_extract(match, workdir, wanted, budget) if _is_zip(match) else [match])
        if not files:
            raise InputError(spec, "the pattern matches no file")
        return files
    raise InputError(spec, "no such file or folder")


def _is_zip(path: Path) -> bool:
    return path.suffix.lower() == ".zip"


def _walk(root: Path, workdir: Path, wanted: set[str] | None, budget: list[int], extract: bool) -> list[Path]:
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__MACOSX")
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if path.is_symlink():
                continue
            if extract and _is_zip(path):
                files.extend(_extract(path, workdir, wanted, budget))
            elif wanted is None or path.suffix.lower() in wanted:
                files.append(path)
    return files


def _extract(path: Path, workdir: Path, wanted: set[str] | None, budget: list[int]) -> list[Path]:
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(name, f"not a readable zip: {exc}") from None
    with archive:
        members = archive.infolist()
        total = 0
        for info in members:
            _check_member(name, info)
            total += info.file_size
        if total > budget[0]:
            raise InputError(name, f"refused: its members expand to {total} bytes, over the limit left")
        budget[0] -= total
        workdir.mkdir(parents=True, exist_ok=True)
        target = workdir / f"{len(list(workdir.iterdir())):04d}-{path.stem}"
        target.mkdir()
        try:
            for info in members:
                if info.is_dir():
                    continue
                destination = target.joinpath(*PurePosixPath(info.filename.replace("\\", "/")).parts)
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as source, destination.open("wb") as out:
                    shutil.copyfileobj(source, out, 1024 * 1024)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            raise InputError(name, f"could not be extracted: {exc}") from None
    return _walk(target, workdir, wanted, budget, extract=False)


def _check_member(zip_name: str, info: zipfile.ZipInfo) -> None:
    name = info.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or (len(name) > 1 and name[1] == ":") or ".." in parts:
        raise InputError(zip_name, f"refused: member '{info.filename}' would be written outside the folder")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise InputError(zip_name, f"refused: member '{info.filename}' is a symbolic link")
    if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise InputError(
            zip_name, f"refused: member '{info.filename}' expands more than {MAX_RATIO}:1 (a zip bomb)"
        )
