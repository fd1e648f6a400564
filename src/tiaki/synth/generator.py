"""The synthetic operation: a disclosure bundle, a known-material list, records checks and the truth.

``generate(out, accounts=..., seed=...)`` writes::

    out/bundle/manifest.json, accounts.csv, identifiers.csv, ip_events.csv, uploads.csv,
               accesses.csv, venues.csv, memberships.csv, media/
    out/known-material.vics.json
    out/records-checks.csv
    out/truth/persons.csv, media.csv, persons_facts.csv, summary.json

All media is benign and procedurally generated (see :mod:`tiaki.synth.media`). The same
``(accounts, seed)`` gives byte-identical files.
"""

from __future__ import annotations

import bisect
import csv
import json
import multiprocessing
import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from tiaki.engines.pdq import MATCH_THRESHOLD, hamming
from tiaki.engines.progress import NullProgress, Progress
from tiaki.formats.hashlist import HashList, ListEntry
from tiaki.formats.vics import write_vics
from tiaki.synth.draws import Draws
from tiaki.synth.geo import address_pools
from tiaki.synth.media import MediaJob, MediaResult, Variant, run_jobs
from tiaki.synth.people import (
    ACCOUNT_COLUMNS,
    EVENTS_FROM,
    EVENTS_TO,
    IDENTIFIER_COLUMNS,
    IP_EVENT_COLUMNS,
    Persona,
    Population,
    PopulationBuilder,
    _phone_as,
    canonical_email,
    iso,
)

# --- media -----------------------------------------------------------------------------------------
MEDIA_FILES_PER_ACCOUNT = 0.02
MIN_MEDIA_FILES = 60
VIDEO_SHARE = 0.08
MIN_VIDEOS = 3
PNG_SHARE = 0.05
KNOWN_EXACT_SHARE = 0.22  # of pictures in the bundle: byte-identical to a known item
KNOWN_NEAR_SHARE = 0.15  # of pictures in the bundle: near copies of a known item
NEAR_OF_PRESENT_RATE = 0.3  # near copies whose original is also in the bundle
SECOND_NEAR_RATE = 0.25  # known originals that have two near copies
NEW_FAMILY_SHARE = 0.12  # of new pictures: near copies of another new picture
KNOWN_VIDEO_SHARE = 0.3
KNOWN_ABSENT_SHARE = 0.5  # known items never in the bundle, relative to the known pictures used
NEAR_TRANSFORMS = (
    ("resize", 0.30),
    ("recompress", 0.25),
    ("caption", 0.25),
    ("crop", 0.12),
    ("border", 0.08),
)
CATEGORIES = (("1", 0.42), ("2", 0.30), ("3", 0.20), ("0", 0.05), ("4", 0.03))
SERIES_RATE = 0.25  # of known items in categories 1 and 2
PARALLEL_MIN_JOBS = 300  # fewer media jobs than this are rendered in this process
JOBS_PER_TASK = 8
# Workers are forked where that is safe (Linux): they start at once, without importing numpy, Pillow
# and PyAV again. Elsewhere they are spawned.
START_METHOD = "fork" if sys.platform == "linux" else "spawn"

# --- activity --------------------------------------------------------------------------------------
UPLOADER_SHARE = 0.04
UPLOADS_KNOWN_P = 0.35  # uploads per file: 1 + geometric(p); smaller p, more re-uploads
UPLOADS_NEW_P = 0.55
UPLOADS_MAX = 25
DIGEST_ONLY_SHARE = 0.08  # digest-only upload rows, relative to rows with a file
DIGEST_ONLY_ABSENT_RATE = 0.7  # of those: known items whose file is not in the bundle
UPLOAD_MD5_RATE, UPLOAD_SHA1_RATE, UPLOAD_SHA256_RATE, UPLOAD_PDQ_RATE = 0.35, 0.15, 0.25, 0.30
UPLOAD_VENUE_RATE = 0.6
VIEWED_BY_PROVIDER = (("true", 0.3), ("false", 0.2), ("", 0.5))
PUBLICLY_AVAILABLE = (("true", 0.25), ("false", 0.25), ("", 0.5))
ACCOUNTS_PER_VENUE = 400
MIN_VENUES = 8
VENUE_KINDS = (("group", 0.45), ("url", 0.2), ("forum", 0.2), ("chat", 0.15))
ACCESSOR_SHARE = 0.45  # of accounts that never upload
ACCESSES_P = 0.4  # accesses per accessor: 1 + geometric(p)
ACCESSES_MAX = 12
VENUE_ACCESS_RATE = 0.25
ACCESS_ACTIONS = (("view", 0.55), ("download", 0.30), ("share", 0.07), ("comment", 0.05), ("other", 0.03))
ADMINS_MAX = 2

# --- records checks --------------------------------------------------------------------------------
RECORDS_PERSON_SHARE = 0.04
FACTS = (
    ("prior_conviction", 0.40, ("2009 conviction", "2012 conviction", "2016 conviction", "2018 conviction")),
    ("access_to_children", 0.33, ("lives with two children", "lives with one child", "sports coach")),
    ("position_of_trust", 0.22, ("teacher", "nurse", "youth worker", "school bus driver")),
    ("registered_offender", 0.05, ("on register since 2011", "on register since 2015")),
)
RECORDS_EMAIL_STYLES = (("lower", 0.45), ("canonical", 0.25), ("as_shown", 0.20), ("upper", 0.10))
RECORDS_PHONE_STYLES = (("e164", 0.45), ("national", 0.25), ("international", 0.15), ("as_shown", 0.15))
CHECKED_FROM = 1569888000  # 2019-10-01

PROVIDER = {"name": "Example Provider", "country": "US", "contact": "legal@example.org"}
RECEIVED_AT = "2019-09-14T03:00:00Z"
TABLE_FILES = {
    "accounts": "accounts.csv",
    "identifiers": "identifiers.csv",
    "ip_events": "ip_events.csv",
    "uploads": "uploads.csv",
    "accesses": "accesses.csv",
    "venues": "venues.csv",
    "memberships": "memberships.csv",
}
UPLOAD_COLUMNS = (
    "upload_id", "account_id", "file", "md5", "sha1", "sha256", "pdq", "uploaded_at", "venue_id",
    "viewed_by_provider", "publicly_available",
)  # fmt: skip
ACCESS_COLUMNS = ("account_id", "upload_id", "venue_id", "action", "timestamp")
VENUE_COLUMNS = ("venue_id", "kind", "name", "url")
MEMBERSHIP_COLUMNS = ("account_id", "venue_id", "role", "joined_at")
RECORDS_COLUMNS = ("kind", "value", "fact", "detail", "source", "checked_at")


@dataclass(frozen=True)
class SynthSummary:
    accounts: int
    persons: int
    countries: int
    households: int
    media_files: int
    images: int
    videos: int
    known_entries: int
    uploads: int
    ip_events: int
    records_facts: int
    out: Path
    bundle: Path
    known_list: Path
    records_checks: Path
    truth: Path


@dataclass
class _Job:
    """A media job with what the plan knows about it."""

    job: MediaJob
    known: bool
    in_bundle: bool  # some variant has a file
    entry_id: str = ""


# ------------------------------------------------------------------------------------------ generate


def generate(
    out: Path,
    *,
    accounts: int,
    seed: int,
    progress: Progress | None = None,
    workers: int | None = None,
    overwrite: bool = False,
) -> SynthSummary:
    """Write a synthetic operation of ``accounts`` accounts into ``out`` (layout in the module doc).

    ``progress`` sees phases "address pools", "persons", "media", "activity" and "writing", each
    started with its total. ``workers`` processes render media when there is enough of it (default:
    the usable CPUs). Existing output is refused unless ``overwrite``, which removes it first.
    """
    if accounts < 1:
        raise ValueError("accounts must be at least 1")
    report: Progress = progress or NullProgress()
    out = Path(out)
    bundle, truth = out / "bundle", out / "truth"
    known_path, records_path = out / "known-material.vics.json", out / "records-checks.csv"
    existing = [p for p in (bundle, truth, known_path, records_path) if p.exists()]
    if existing and not overwrite:
        raise FileExistsError(f"{existing[0]} exists; choose an empty folder or overwrite")
    for p in existing:
        shutil.rmtree(p) if p.is_dir() else p.unlink()
    media_dir = bundle / "media"
    media_dir.mkdir(parents=True)
    truth.mkdir(parents=True)

    rng = np.random.Generator(np.random.PCG64(seed))
    draws = Draws(rng)
    # Media has its own stream, so it can be planned and rendered while the persons are made.
    media_draws = Draws(np.random.Generator(np.random.PCG64([seed, 2])))
    plan = _plan_media(media_draws, accounts)
    with _MediaRenderer(plan, seed, media_dir, workers) as renderer:
        report.start("address pools", 1)
        pools = address_pools()
        report.advance(1)

        report.start("persons", accounts)
        builder = PopulationBuilder(draws, rng, pools, accounts)
        pop = builder.build(report.advance)

        report.start("media", len(plan))
        results = renderer.results(report)
    entries = _known_entries(media_draws, plan, results)

    activity = _Activity(draws, builder, pop, plan, results, accounts)
    report.start("activity", 4)
    activity.venues()
    report.advance(1)
    activity.uploads()
    report.advance(1)
    activity.accesses()
    report.advance(1)
    records, facts = _records(draws, pop)
    report.advance(1)

    report.start("writing", 12)
    _write_table(bundle / "accounts.csv", ACCOUNT_COLUMNS, sorted(pop.accounts))
    report.advance(1)
    _write_table(bundle / "identifiers.csv", IDENTIFIER_COLUMNS, sorted(pop.identifiers))
    report.advance(1)
    pop.ip_events.sort(key=lambda e: (e[1][0], e[0], e[1][1]))
    _write_table(bundle / "ip_events.csv", IP_EVENT_COLUMNS, (row for _, row in pop.ip_events))
    report.advance(1)
    _write_table(bundle / "uploads.csv", UPLOAD_COLUMNS, activity.upload_rows)
    _write_table(bundle / "accesses.csv", ACCESS_COLUMNS, sorted(activity.access_rows))
    _write_table(bundle / "venues.csv", VENUE_COLUMNS, activity.venue_rows)
    _write_table(bundle / "memberships.csv", MEMBERSHIP_COLUMNS, sorted(activity.membership_rows))
    report.advance(4)
    _write_json(bundle / "manifest.json", _manifest(seed))
    report.advance(1)
    write_vics(
        known_path, HashList(name="known material", profile="vic-us", entries=entries), case_name="synthetic"
    )
    report.advance(1)
    _write_table(records_path, RECORDS_COLUMNS, sorted(records))
    report.advance(1)
    _write_table(
        truth / "persons.csv",
        ("account_id", "person_id", "country", "household_id"),
        sorted((a, p.person_id, p.country, p.household or "") for p in pop.persons for a in p.accounts),
    )
    _write_table(
        truth / "media.csv",
        ("file", "sha256", "origin", "known_entry_id", "transform", "family"),
        _truth_media(plan, results, activity.digest_only_entries),
    )
    _write_table(truth / "persons_facts.csv", ("person_id", "fact", "detail"), sorted(facts))
    report.advance(1)

    files = [r for r in results if r.filename]
    summary = SynthSummary(
        accounts=accounts,
        persons=len(pop.persons),
        countries=len({p.country for p in pop.persons}),
        households=pop.households,
        media_files=len(files),
        images=sum(1 for r in files if r.pdq is not None),
        videos=sum(1 for r in files if r.pdq is None),
        known_entries=len(entries),
        uploads=len(activity.upload_rows),
        ip_events=len(pop.ip_events),
        records_facts=len(records),
        out=out,
        bundle=bundle,
        known_list=known_path,
        records_checks=records_path,
        truth=truth,
    )
    _write_json(truth / "summary.json", _summary_json(summary, seed, pop, plan, results))
    report.advance(1)
    return summary


# ----------------------------------------------------------------------------------------- media


def _plan_media(d: Draws, accounts: int) -> list[_Job]:
    n_files = max(MIN_MEDIA_FILES, round(MEDIA_FILES_PER_ACCOUNT * accounts))
    n_videos = max(MIN_VIDEOS, round(VIDEO_SHARE * n_files))
    n_images = n_files - n_videos
    n_exact = round(KNOWN_EXACT_SHARE * n_images)
    n_near = round(KNOWN_NEAR_SHARE * n_images)
    n_new = n_images - n_exact - n_near
    n_new_variants = round(NEW_FAMILY_SHARE * n_new)
    n_new_bases = n_new - n_new_variants
    n_known_videos = round(KNOWN_VIDEO_SHARE * n_videos)

    # Each spec: [kind, fmt, known, variants as [transform, has_file]]
    specs: list[tuple[str, str, bool, list[tuple[str, bool]]]] = []

    def image(known: bool, has_file: bool) -> list[tuple[str, bool]]:
        variants = [("none", has_file)]
        specs.append(("image", "png" if d.chance(PNG_SHARE) else "jpeg", known, variants))
        return variants

    exact = [image(True, True) for _ in range(n_exact)]
    absent_originals: list[list[tuple[str, bool]]] = []
    for _ in range(n_near):
        transform = d.weighted(NEAR_TRANSFORMS)
        if exact and d.chance(NEAR_OF_PRESENT_RATE):
            d.pick(exact).append((transform, True))
        elif absent_originals and len(absent_originals[-1]) == 2 and d.chance(SECOND_NEAR_RATE):
            absent_originals[-1].append((transform, True))
        else:
            absent_originals.append(image(True, False))
            absent_originals[-1].append((transform, True))
    for _ in range(round(KNOWN_ABSENT_SHARE * (n_exact + len(absent_originals)))):
        image(True, False)
    bases = [image(False, True) for _ in range(n_new_bases)]
    for _ in range(n_new_variants):
        d.pick(bases).append((d.weighted(NEAR_TRANSFORMS), True))
    for i in range(n_videos):
        specs.append(("video", "mp4", i < n_known_videos, [("none", True)]))

    # File names are numbered in a random order, so a name says nothing about where a file came from.
    filed = sum(1 for _, _, _, variants in specs for _, has_file in variants if has_file)
    numbers = iter(d.rng.permutation(filed).tolist())
    plan = []
    for index, (kind, fmt, known, variants) in enumerate(specs):
        made = []
        for transform, has_file in variants:
            ext = {"jpeg": "jpg", "png": "png", "mp4": "mp4"}[fmt]
            if transform in ("resize", "recompress"):
                ext = "jpg"
            made.append(Variant(transform, f"{next(numbers) + 1:06d}.{ext}" if has_file else None))
        plan.append(_Job(MediaJob(index, kind, fmt, tuple(made)), known, any(v[1] for v in variants)))
    ids = d.rng.permutation(sum(1 for j in plan if j.known)).tolist()
    for job, number in zip((j for j in plan if j.known), ids, strict=True):
        job.entry_id = str(100_001 + number)
    return plan


class _MediaRenderer:
    """Renders the plan's jobs: in worker processes, started at once, when there are enough of them;
    otherwise in this process when the results are asked for."""

    def __init__(self, plan: list[_Job], seed: int, media_dir: Path, workers: int | None) -> None:
        jobs = [j.job for j in plan]
        # Videos and pictures with many variants first, so the last tasks are short ones.
        jobs.sort(key=lambda j: (j.kind != "video", -len(j.variants), j.index))
        self.tasks = [
            (jobs[i : i + JOBS_PER_TASK], seed, media_dir) for i in range(0, len(jobs), JOBS_PER_TASK)
        ]
        if workers is None:
            workers = _usable_cpus()
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future[list[MediaResult]]] = []
        if workers > 1 and len(jobs) >= PARALLEL_MIN_JOBS:
            context = multiprocessing.get_context(START_METHOD)
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
            self.futures = [self.pool.submit(run_jobs, task) for task in self.tasks]

    def __enter__(self) -> _MediaRenderer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def results(self, report: Progress) -> list[MediaResult]:
        results: list[MediaResult] = []
        for i, task in enumerate(self.tasks):
            results.extend(self.futures[i].result() if self.futures else run_jobs(task))
            report.advance(len(task[0]))
        results.sort(key=lambda r: (r.job, r.variant))
        return results


def _usable_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _originals(results: list[MediaResult]) -> dict[int, MediaResult]:
    return {r.job: r for r in results if r.variant == 0}


def _known_entries(d: Draws, plan: list[_Job], results: list[MediaResult]) -> list[ListEntry]:
    originals = _originals(results)
    n_series = max(3, sum(1 for j in plan if j.known) // 20)
    entries = []
    for job in plan:
        if not job.known:
            continue
        r = originals[job.job.index]
        category = d.weighted(CATEGORIES)
        series = None
        if category in ("1", "2") and d.chance(SERIES_RATE):
            series = f"series-{d.between(1, n_series):03d}"
        entries.append(
            ListEntry(
                entry_id=job.entry_id,
                md5=r.md5,
                sha1=r.sha1,
                sha256=r.sha256,
                pdq=r.pdq,
                category=category,
                series=series,
                victim_identified=d.chance(0.3) if d.chance(0.4) else None,
                is_distributed=d.chance(0.6) if d.chance(0.5) else None,
            )
        )
    entries.sort(key=lambda e: int(e.entry_id))
    return entries


def _truth_media(
    plan: list[_Job], results: list[MediaResult], digest_only: Iterable[str]
) -> list[tuple[str, ...]]:
    by_job = {j.job.index: j for j in plan}
    rows = []
    for r in results:
        job = by_job[r.job]
        if r.filename is None:
            continue
        origin = ("known-exact" if r.variant == 0 else "known-near") if job.known else "new"
        rows.append((r.filename, r.sha256, origin, job.entry_id, r.transform, f"M{r.job:05d}"))
    originals = _originals(results)
    entry_job = {j.entry_id: j for j in plan if j.known}
    for entry_id in digest_only:
        job = entry_job[entry_id]
        rows.append(
            ("", originals[job.job.index].sha256, "known-exact", entry_id, "none", f"M{job.job.index:05d}")
        )
    return sorted(set(rows))


def near_distances(plan: list[_Job], results: list[MediaResult], known: bool) -> list[int]:
    """PDQ distances from each near copy with a file to its original (known or new families)."""
    originals = _originals(results)
    by_job = {j.job.index: j for j in plan}
    return [
        hamming(r.pdq, originals[r.job].pdq or "")
        for r in results
        if r.variant > 0 and r.pdq is not None and by_job[r.job].known == known
    ]


# -------------------------------------------------------------------------------------- activity


class _Activity:
    """Venues, uploads, accesses and memberships."""

    def __init__(
        self,
        d: Draws,
        builder: PopulationBuilder,
        pop: Population,
        plan: list[_Job],
        results: list[MediaResult],
        accounts: int,
    ) -> None:
        self.d = d
        self.builder = builder
        self.pop = pop
        self.plan = plan
        self.results = results
        self.account_ids = sorted(pop.account_person)
        n_uploaders = min(len(self.account_ids), max(10, round(UPLOADER_SHARE * accounts)))
        picked = d.rng.choice(len(self.account_ids), n_uploaders, replace=False)
        self.uploaders = [self.account_ids[i] for i in picked.tolist()]
        self.uploader_cum = np.cumsum(1 / np.arange(1, n_uploaders + 1) ** 0.8).tolist()
        self.n_venues = max(MIN_VENUES, round(accounts / ACCOUNTS_PER_VENUE))
        self.venue_kinds: list[str] = []
        self.venue_cum = np.cumsum(1 / np.arange(1, self.n_venues + 1) ** 0.7).tolist()
        self.venue_rows: list[tuple[str, ...]] = []
        self.upload_rows: list[tuple[str, ...]] = []
        self.upload_times: list[tuple[int, str]] = []  # (epoch, venue) per upload row
        self.access_rows: list[tuple[str, ...]] = []
        self.membership_rows: list[tuple[str, ...]] = []
        self.digest_only_entries: set[str] = set()
        self._members: dict[tuple[str, str], tuple[str, int]] = {}

    def _weighted_index(self, cum: Sequence[float]) -> int:
        return min(bisect.bisect_right(cum, self.d.u() * cum[-1]), len(cum) - 1)

    def _venue(self) -> str:
        return f"V{self._weighted_index(self.venue_cum) + 1:05d}"

    def venues(self) -> None:
        d = self.d
        for i in range(1, self.n_venues + 1):
            kind = d.weighted(VENUE_KINDS)
            self.venue_kinds.append(kind)
            name = f"{kind}-{i:04d}"
            if kind == "url":
                token = "".join(d.pick("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(10))
                url = f"https://files.example.net/s/{token}"
            elif kind == "forum":
                url, name = f"https://forum.example.org/t/{i}", f"forum-{i:04d}/thread-{d.between(1, 99)}"
            else:
                url = f"https://example.com/{kind}/{i:04d}" if d.chance(0.5) else ""
            self.venue_rows.append((f"V{i:05d}", kind, name, url))

    def _join(self, account: str, venue: str, role: str, when: int) -> None:
        if self.venue_kinds[int(venue[1:]) - 1] == "url":
            return
        key = (account, venue)
        rank = ("owner", "admin", "member", "visitor")
        old = self._members.get(key)
        if old is None or rank.index(role) < rank.index(old[0]):
            self._members[key] = (role, min(when, old[1]) if old else when)
        elif when < old[1]:
            self._members[key] = (old[0], when)

    def _upload_time(self, account: str) -> int:
        start = max(EVENTS_FROM, self.pop.account_created[account])
        return start + self.d.below(EVENTS_TO - start)

    def uploads(self) -> None:
        d = self.d
        rows: list[tuple[int, list[str]]] = []
        by_job = {j.job.index: j for j in self.plan}
        for r in self.results:
            if r.filename is None:
                continue
            p = UPLOADS_KNOWN_P if by_job[r.job].known else UPLOADS_NEW_P
            for _ in range(1 + d.geometric(p, UPLOADS_MAX - 1)):
                rows.append(self._upload(r.filename, r.md5, r.sha1, r.sha256, r.pdq))
        originals = _originals(self.results)
        present = [j for j in self.plan if j.known and j.job.variants[0].filename]
        absent = [j for j in self.plan if j.known and not j.job.variants[0].filename]
        for _ in range(max(3, round(DIGEST_ONLY_SHARE * len(rows)))):
            pool = absent if absent and (d.chance(DIGEST_ONLY_ABSENT_RATE) or not present) else present
            job = d.pick(pool)
            o = originals[job.job.index]
            which = d.weighted((("md5", 0.4), ("sha1", 0.2), ("both", 0.4)))
            md5 = o.md5 if which in ("md5", "both") else ""
            sha1 = o.sha1 if which in ("sha1", "both") else ""
            rows.append(self._upload("", md5, sha1, "", None, digest_only=True))
            self.digest_only_entries.add(job.entry_id)
        rows.sort(key=lambda row: (row[0], row[1]))
        for n, (epoch, row) in enumerate(rows, start=1):
            upload_id = f"U{n:07d}"
            row[0] = upload_id
            self.upload_rows.append(tuple(row))
            self.upload_times.append((epoch, row[8]))

    def _upload(
        self, file: str, md5: str, sha1: str, sha256: str, pdq: str | None, *, digest_only: bool = False
    ) -> tuple[int, list[str]]:
        d = self.d
        account = self.uploaders[self._weighted_index(self.uploader_cum)]
        person = self.pop.persons[self.pop.account_person[account]]
        epoch = self._upload_time(account)
        venue = self._venue() if d.chance(UPLOAD_VENUE_RATE) else ""
        if venue:
            self._join(account, venue, "member", epoch)
        if not digest_only:
            md5 = md5 if d.chance(UPLOAD_MD5_RATE) else ""
            sha1 = sha1 if d.chance(UPLOAD_SHA1_RATE) else ""
            sha256 = sha256 if d.chance(UPLOAD_SHA256_RATE) else ""
        pdq_cell = pdq if pdq is not None and d.chance(UPLOAD_PDQ_RATE) else ""
        ip, port, proxy = self.builder.event_address(person)
        timestamp = self.builder.timestamp(person, epoch)
        self.pop.ip_events.append((epoch, (account, ip, port, "upload", timestamp, proxy)))
        row = [
            "",  # upload_id, assigned once rows are in time order
            account,
            file,
            md5,
            sha1,
            sha256,
            pdq_cell,
            timestamp,
            venue,
            d.weighted(VIEWED_BY_PROVIDER),
            d.weighted(PUBLICLY_AVAILABLE),
        ]
        return epoch, row

    def accesses(self) -> None:
        d = self.d
        uploaders = set(self.uploaders)
        others = [a for a in self.account_ids if a not in uploaders]
        n = round(ACCESSOR_SHARE * len(others))
        picked = sorted(d.rng.choice(len(others), n, replace=False).tolist()) if n else []
        n_uploads = len(self.upload_rows)
        for i in picked:
            account = others[i]
            person = self.pop.persons[self.pop.account_person[account]]
            created = self.pop.account_created[account]
            for _ in range(1 + d.geometric(ACCESSES_P, ACCESSES_MAX - 1)):
                if n_uploads and not d.chance(VENUE_ACCESS_RATE):
                    k = d.below(n_uploads)
                    row = self.upload_rows[k]
                    start, venue = self.upload_times[k]
                    venue = venue if venue and d.chance(0.5) else ""
                    upload_id, action = row[0], d.weighted(ACCESS_ACTIONS)
                else:
                    start, venue, upload_id, action = EVENTS_FROM, self._venue(), "", "view"
                start = max(start, created)
                epoch = start + d.below(max(1, EVENTS_TO - start))
                if venue:
                    self._join(account, venue, "member" if d.chance(0.6) else "visitor", epoch)
                when = self.builder.timestamp(person, epoch) if d.chance(0.9) else ""
                self.access_rows.append((account, upload_id, venue, action, when))
        self._memberships()

    def _memberships(self) -> None:
        d = self.d
        uploaders = set(self.uploaders)
        by_venue: dict[str, list[str]] = {}
        for account, venue in sorted(self._members):
            by_venue.setdefault(venue, []).append(account)
        for venue, members in sorted(by_venue.items()):
            # the first uploader in the venue, or else its first member, owns it
            owner = next((a for a in members if a in uploaders), members[0])
            role, when = self._members[(owner, venue)]
            self._members[(owner, venue)] = ("owner", when)
            for _ in range(d.below(ADMINS_MAX + 1)):
                admin = d.pick(members)
                if self._members[(admin, venue)][0] != "owner":
                    self._members[(admin, venue)] = ("admin", self._members[(admin, venue)][1])
        for (account, venue), (role, when) in self._members.items():
            person = self.pop.persons[self.pop.account_person[account]]
            joined = max(self.pop.account_created[account], when - d.below(86400 * 60))
            cell = self.builder.timestamp(person, joined) if d.chance(0.8) else ""
            self.membership_rows.append((account, venue, role, cell))


# ---------------------------------------------------------------------------------- records checks


def _records(d: Draws, pop: Population) -> tuple[list[tuple[str, ...]], list[tuple[str, str, str]]]:
    """Records-check rows keyed by identifiers as investigators hold them, and the truth facts."""
    candidates = sorted(i for i, shown in pop.shown.items() if shown and not pop.persons[i].careful)
    n = min(len(candidates), round(RECORDS_PERSON_SHARE * len(pop.persons)))
    chosen = sorted(d.rng.choice(len(candidates), n, replace=False).tolist()) if n else []
    rows: list[tuple[str, ...]] = []
    facts: list[tuple[str, str, str]] = []
    fact_weights = tuple((name, w) for name, w, _ in FACTS)
    details = {name: options for name, _, options in FACTS}
    for c in chosen:
        person = pop.persons[candidates[c]]
        shown = pop.shown[candidates[c]]
        names: list[str] = []
        for _ in range(d.weighted(((1, 0.7), (2, 0.25), (3, 0.05)))):
            name = d.weighted(fact_weights)
            if name not in names:
                names.append(name)
        for name in names:
            detail = d.pick(details[name])
            facts.append((person.person_id, name, detail))
            kind, written, underlying = d.pick(shown)
            value = _as_investigator_holds(d, kind, written, underlying, person)
            checked = CHECKED_FROM + d.below(86400 * 30)
            rows.append((kind, value, name, detail, f"national records ({person.country})", iso(checked)))
    return rows, facts


def _as_investigator_holds(d: Draws, kind: str, written: str, underlying: str, person: Persona) -> str:
    if kind == "email":
        style = d.weighted(RECORDS_EMAIL_STYLES)
        if style == "lower":
            return written.lower()
        if style == "canonical":
            return canonical_email(written)
        return written.upper() if style == "upper" else written
    style = d.weighted(RECORDS_PHONE_STYLES)
    if style == "as_shown":
        return written
    return _phone_as(underlying, style)


# ----------------------------------------------------------------------------------------- writing


def _write_table(path: Path, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        writer.writerows(rows)


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def _manifest(seed: int) -> dict[str, object]:
    return {
        "format": "disclosure-bundle",
        "version": 1,
        "disclosure_id": f"example-2019-09-{seed}",
        "provider": PROVIDER,
        "received_at": RECEIVED_AT,
        "legal_reference": "production order 19/1234",
        "description": "accounts that accessed the reported web addresses (synthetic)",
        "files": TABLE_FILES,
    }


def _distribution(values: list[int]) -> dict[str, object]:
    if not values:
        return {"count": 0}
    a = np.array(values)
    return {
        "count": len(values),
        "min": int(a.min()),
        "median": float(np.median(a)),
        "p90": float(np.percentile(a, 90)),
        "max": int(a.max()),
        f"within_{MATCH_THRESHOLD}": int((a <= MATCH_THRESHOLD).sum()),
    }


def _summary_json(
    summary: SynthSummary, seed: int, pop: Population, plan: list[_Job], results: list[MediaResult]
) -> dict[str, object]:
    counts = {k: v for k, v in asdict(summary).items() if not isinstance(v, Path)}
    by_job = {j.job.index: j for j in plan}
    known_near = near_distances(plan, results, known=True)
    per_transform: dict[str, list[int]] = {}
    originals = _originals(results)
    for r in results:
        if r.variant > 0 and r.pdq is not None and by_job[r.job].known:
            per_transform.setdefault(r.transform, []).append(hamming(r.pdq, originals[r.job].pdq or ""))
    return {
        "seed": seed,
        "counts": counts | {"identifiers": len(pop.identifiers)},
        "shared_addresses": [
            {"ip": s.ip, "country": s.country, "kind": s.kind, "possible_proxy_flagged": s.flagged}
            for s in pop.shared
        ],
        "near_duplicate_pdq_distance": _distribution(known_near)
        | {"by_transform": {t: _distribution(v) for t, v in sorted(per_transform.items())}},
        "new_family_pdq_distance": _distribution(near_distances(plan, results, known=False)),
        "paths": {
            "bundle": "bundle",
            "known_list": summary.known_list.name,
            "records_checks": summary.records_checks.name,
            "truth": "truth",
        },
    }
