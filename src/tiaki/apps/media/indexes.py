"""Each known-material list's PDQ index: built once at import, kept in the data directory, memory-mapped
for matching."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings

from tiaki.apps.media.models import HashEntry, HashList
from tiaki.engines.hashindex import PdqIndex, to_words

BATCH = 5000


def chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _index_folder(hash_list: HashList) -> Path:
    return Path(settings.DATA_DIR) / "indexes" / f"hashlist-{hash_list.pk}-{hash_list.file_sha256[:16]}"


def list_index(hash_list: HashList) -> tuple[PdqIndex, np.ndarray]:
    """The list's PDQ index and the entry id at each indexed position: loaded (memory-mapped) from the
    data directory, or built from the database and saved there the first time."""
    folder = _index_folder(hash_list)
    if (folder / "entries.npy").is_file():
        return PdqIndex.load(folder, mmap=True), np.load(folder / "entries.npy", mmap_mode="r")
    with_pdq = (
        HashEntry.objects.filter(hash_list=hash_list).exclude(pdq="").exclude(status="new").order_by("pk")
    )
    n = with_pdq.count()
    words = np.zeros((n, 4), dtype=np.uint64)
    entries = np.zeros(n, dtype=np.int64)
    # Streamed in chunks into preallocated arrays: memory grows with the index, not with Python rows.
    row = 0
    for chunk in chunks(with_pdq.values_list("pk", "pdq").iterator(chunk_size=BATCH), BATCH):
        words[row : row + len(chunk)] = to_words([pdq for _, pdq in chunk])
        entries[row : row + len(chunk)] = [pk for pk, _ in chunk]
        row += len(chunk)
    index = PdqIndex(words)
    # Written into a folder of this process's own, then renamed into place (atomic on one file
    # system): a build stopped part-way (killed, a disk full) leaves no index cut short that a later
    # run would load, and two processes building one list's index at once never mix their files.
    staging = folder.with_name(f".{folder.name}.{os.getpid()}.writing")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        index.save(staging)
        np.save(staging / "entries.npy", entries)
        if folder.exists() and not (folder / "entries.npy").is_file():
            shutil.rmtree(folder)  # an unfinished folder written in place by an earlier version
        try:
            staging.rename(folder)
        except OSError:
            if not (folder / "entries.npy").is_file():
                raise
            # another process put the same list's index in place first: the same bytes
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return index, entries
