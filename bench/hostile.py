"""Hostile-input corpus: generate it, run the readers, the package writer and verifier and the media
engine over it, and count what was refused, detected, neutralised or accepted.

Everything is generated here, in a temporary folder: benign text and procedurally made pictures, no
committed binaries. Run ``python bench/hostile.py``; it prints the table of ``docs/threat-model.md``
and writes ``bench/results/hostile.json``. ``tests/formats/test_hostile_corpus.py`` runs it too and
fails if any case's outcome differs from the expected one.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image

from tiaki.engines.media import examine
from tiaki.formats import bundle
from tiaki.formats.bundle import read_bundle
from tiaki.formats.errors import InputError
from tiaki.formats.package import PackageError, verify_package, write_package
from tiaki.formats.records import read_records

MANIFEST = {
    "format": "disclosure-bundle",
    "version": 1,
    "disclosure_id": "corpus-1",
    "provider": {"name": "Example Provider"},
    "files": {"accounts": "accounts.csv", "uploads": "uploads.csv"},
}
ACCOUNTS = "account_id,username,created_at\nacc-1,river,2019-01-01T00:00:00Z\n"
UPLOADS = "upload_id,account_id,file\nup-1,acc-1,a.jpg\n"
PACKAGE_FILES = {
    "persons.csv": b"person_id,country\nP-1,NZ\n",
    "accounts.csv": b"account_id,person_id,username,profile_url\nacc-1,P-1,river,https://example.org/u/river\n",
    "media.csv": b"media_id,sha256\n",
    "README.md": b"# Referral package\n",
}
PACKAGE_META = {
    "country": "NZ",
    "handling": "restricted",
    "counts": {"persons": 1, "accounts": 1, "media": 0},
}


@dataclass
class Case:
    area: str
    case: str
    expected: str  # refused | detected | neutralised | accepted | recorded
    outcome: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome == self.expected


def png(size: tuple[int, int] = (4, 4)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (20, 120, 220)).save(out, format="PNG")
    return out.getvalue()


def make_bundle(root: Path, accounts: str | bytes = ACCOUNTS, manifest: bytes | None = None) -> Path:
    (root / "media").mkdir(parents=True)
    (root / "media" / "a.jpg").write_bytes(b"stand-in")
    (root / "accounts.csv").write_bytes(accounts.encode() if isinstance(accounts, str) else accounts)
    (root / "uploads.csv").write_text(UPLOADS)
    (root / "manifest.json").write_bytes(manifest or json.dumps(MANIFEST).encode())
    return root


def zip_bundle(root: Path, target: Path, extra: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(root.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(root).as_posix())
        for name, data in extra:
            archive.writestr(name, data)
    return target


def reader_outcome(read: Callable[[], object]) -> tuple[str, str]:
    try:
        read()
    except InputError as error:
        return "refused", str(error)
    except Exception as error:  # counted as a failure of the corpus: readers raise InputError only
        return "crashed", f"{type(error).__name__}: {error}"
    return "accepted", ""


def writer_outcome(folder: Path, files: dict[str, bytes]) -> tuple[str, str]:
    try:
        write_package(folder, files, PACKAGE_META)
    except PackageError as error:
        return "refused", str(error)
    except Exception as error:
        return "crashed", f"{type(error).__name__}: {error}"
    problems = verify_package(folder)
    text = (folder / "accounts.csv").read_text()
    if problems:
        return "detected", problems[0]
    return ("neutralised" if "'=" in text else "accepted"), ""


def verify_outcome(path: Path, **options: object) -> tuple[str, str]:
    try:
        problems = verify_package(path, **options)  # type: ignore[arg-type]
    except Exception as error:
        return "crashed", f"{type(error).__name__}: {error}"
    return ("detected", problems[0]) if problems else ("accepted", "")


def bundle_cases(work: Path) -> list[tuple[Case, Callable[[], tuple[str, str]]]]:
    cases: list[tuple[Case, Callable[[], tuple[str, str]]]] = []

    def add(case: str, expected: str, run: Callable[[], tuple[str, str]]) -> None:
        cases.append((Case("bundle", case, expected), run))

    def table(case: str, accounts: str | bytes) -> None:
        root = make_bundle(work / f"b{len(cases)}", accounts)
        add(case, "refused", lambda: reader_outcome(lambda: read_bundle(root)))

    table("year-0001 timestamp", "account_id,created_at\nacc-1,0001-01-01T00:00:00+13:00\n")
    table("NUL in a user name", "account_id,username\nacc-1,river\x00otter\n")
    table("account id of 201 characters", f"account_id\n{'a' * 201}\n")
    table("user name of 301 characters", f"account_id,username\nacc-1,{'u' * 301}\n")
    table("stray quote swallowing rows", 'account_id,username\nacc-1,"river\nacc-2,heron\nacc-3,kite"\n')
    table("quote never closed", 'account_id,username\nacc-1,"river\nacc-2,heron\n')
    rows = "".join(f"acc-{n},user-{n}-{'x' * 40}\n" for n in range(2, 400))
    table(
        "non-UTF-8 byte in row 250",
        ("account_id,username\n" + rows).encode().replace(b"acc-250,", b"acc-\xe9,"),
    )
    table("manifest nested 100,000 deep", "account_id\nacc-1\n")
    (work / f"b{len(cases) - 1}" / "manifest.json").write_text("[" * 100_000 + "]" * 100_000)

    outside = work / "outside"
    outside.mkdir()
    (outside / "a.jpg").write_bytes(b"a file outside the bundle")
    linked = make_bundle(work / "linked-media")
    for file in (linked / "media").iterdir():
        file.unlink()
    (linked / "media").rmdir()
    (linked / "media").symlink_to(outside, target_is_directory=True)
    add("media/ linked outside the bundle", "refused", lambda: reader_outcome(lambda: read_bundle(linked)))
    linked_table = make_bundle(work / "linked-table")
    (outside / "accounts.csv").write_text(ACCOUNTS)
    (linked_table / "accounts.csv").unlink()
    (linked_table / "accounts.csv").symlink_to(outside / "accounts.csv")
    add(
        "table linked outside the bundle",
        "refused",
        lambda: reader_outcome(lambda: read_bundle(linked_table)),
    )

    plain = make_bundle(work / "plain")
    zips: list[tuple[str, list[tuple[str, bytes]]]] = [
        ("zip: a member both file and folder", [("media/x", b"a"), ("media/x/y", b"b")]),
        ("zip: a member named twice", [("accounts.csv", b"account_id\nforged\n")]),
        ("zip: a name over 4 KB", [("media/" + "a" * 5000, b"x")]),
        ("zip: '..' in a name", [("media/../../escape.txt", b"x")]),
        ("zip: an absolute name", [("/tmp/escape.txt", b"x")]),
        (
            "zip: 20 members that expand 1000 times",
            [(f"media/z{n}.bin", b"\0" * 2_000_000) for n in range(20)],
        ),
    ]
    for case, extra in zips:
        archive = zip_bundle(plain, work / f"z{len(cases)}.zip", extra)
        target = work / f"z{len(cases)}"
        add(
            case,
            "refused",
            lambda archive=archive, target=target: reader_outcome(lambda: read_bundle(archive, target)),
        )

    checks = work / "checks.csv"
    checks.write_text(
        'kind,value,fact\nemail,"x@example.org,other\nemail,y@example.org,other\nemail,z",other\n'
    )
    cases.append(
        (
            Case("records", "stray quote swallowing rows", "refused"),
            lambda: reader_outcome(lambda: read_records(checks)),
        )
    )
    nul = work / "nul.csv"
    nul.write_text("kind,value,fact\nemail,x@exa\x00mple.org,other\n")
    cases.append(
        (Case("records", "NUL in a value", "refused"), lambda: reader_outcome(lambda: read_records(nul)))
    )
    return cases


def package_cases(work: Path) -> list[tuple[Case, Callable[[], tuple[str, str]]]]:
    cases: list[tuple[Case, Callable[[], tuple[str, str]]]] = []

    def written(case: str, expected: str, username: str, url: str = "") -> None:
        row = f'acc-1,P-1,"{username}","{url}"\n'
        files = {
            **PACKAGE_FILES,
            "accounts.csv": b"account_id,person_id,username,profile_url\n" + row.encode(),
        }
        folder = work / f"w{len(cases)}" / "op-NZ"
        cases.append((Case("package writer", case, expected), lambda: writer_outcome(folder, files)))

    written(
        "data: URI picture in profile_url",
        "refused",
        "river",
        "data:image/png;base64," + base64.b64encode(png()).decode(),
    )
    written("base64 picture in a display name", "refused", base64.b64encode(png()).decode())
    written("user name GIF89a", "accepted", "GIF89a")
    written("e-mail ftypisom@example.org", "accepted", "ftypisom@example.org")
    written("text RIFF1234WEBP", "accepted", "RIFF1234WEBP")
    written('cell =HYPERLINK("http://x.example")', "neutralised", '=HYPERLINK(""http://x.example"")')

    def tampered(case: str, expected: str, edit: Callable[[Path, Path], Path], **options: object) -> None:
        folder = work / f"v{len(cases)}" / "op-NZ"
        zip_path, _, manifest_sha = write_package(folder, PACKAGE_FILES, PACKAGE_META)
        if options.pop("record", False):
            options["expected_manifest_sha256"] = manifest_sha
        target = edit(folder, zip_path)
        cases.append((Case("package verify", case, expected), lambda: verify_outcome(target, **options)))

    def manifest_edit(change: Callable[[dict[str, object]], None]) -> Callable[[Path, Path], Path]:
        def edit(folder: Path, zip_path: Path) -> Path:
            data = json.loads((folder / "manifest.json").read_text())
            change(data)
            (folder / "manifest.json").write_text(json.dumps(data))
            names = sorted(p.name for p in folder.iterdir() if p.name not in ("SHA256SUMS", "SHA256SUMS.sig"))
            sums = "".join(f"{hashlib.sha256((folder / n).read_bytes()).hexdigest()}  {n}\n" for n in names)
            (folder / "SHA256SUMS").write_text(sums)  # as a consistent forger would
            return folder

        return edit

    def empty(folder: Path, zip_path: Path) -> Path:
        for name in PACKAGE_FILES:
            (folder / name).unlink()
        return manifest_edit(lambda m: m.update(files=[]))(folder, zip_path)

    def add_member(name: str, data: bytes) -> Callable[[Path, Path], Path]:
        def edit(folder: Path, zip_path: Path) -> Path:
            import warnings

            with warnings.catch_warnings(), zipfile.ZipFile(zip_path, "a") as archive:
                warnings.simplefilter("ignore")
                archive.writestr(name, data)
            return zip_path

        return edit

    def junk(name: str, data: bytes | None) -> Callable[[Path, Path], Path]:
        def edit(folder: Path, zip_path: Path) -> Path:
            path = folder.parent / name
            if data is not None:
                path.write_bytes(data)
            return path

        return edit

    def bad_manifest(folder: Path, zip_path: Path) -> Path:
        (folder / "manifest.json").write_bytes(b"{not json")
        return folder

    def no_manifest(folder: Path, zip_path: Path) -> Path:
        (folder / "manifest.json").unlink()
        return folder

    def corrupt(folder: Path, zip_path: Path) -> Path:
        data = bytearray(zip_path.read_bytes())
        data[30:200] = b"\0" * 170
        zip_path.write_bytes(bytes(data))
        return zip_path

    tampered("manifest country edited", "detected", manifest_edit(lambda m: m.update(country="AU")))
    tampered(
        "manifest counts edited",
        "detected",
        manifest_edit(lambda m: m.update(counts={"persons": 9, "accounts": 1, "media": 0})),
    )
    tampered(
        "manifest handling edited, digest recorded",
        "detected",
        manifest_edit(lambda m: m.update(handling="public")),
        record=True,
    )
    tampered(
        "manifest handling edited, unsigned, nothing recorded",
        "accepted",
        manifest_edit(lambda m: m.update(handling="public")),
    )
    tampered("manifest listing nothing, every file removed", "detected", empty)
    tampered(
        "forged file in a second folder",
        "detected",
        add_member("other/persons.csv", b"person_id,country\nP-9,NZ\n"),
    )
    tampered(
        "forged file under a duplicate name",
        "detected",
        add_member("op-NZ/persons.csv", b"person_id,country\nP-9,NZ\n"),
    )
    tampered("verify: missing path", "detected", junk("missing", None))
    tampered("verify: not a zip", "detected", junk("junk.zip", b"not a zip"))
    tampered("verify: corrupt zip", "detected", corrupt)
    tampered("verify: folder without manifest", "detected", no_manifest)
    tampered("verify: manifest not JSON", "detected", bad_manifest)
    return cases


def media_cases(work: Path) -> list[tuple[Case, Callable[[], tuple[str, str]]]]:
    big = work / "big.png"
    Image.new("L", (9000, 6000)).save(big)
    notes = work / "notes.mp4"
    notes.write_text("meeting notes\n" * 40)

    def recorded(path: Path) -> tuple[str, str]:
        result = examine(path)
        return ("recorded", result.error or "") if result.error and result.pdq is None else ("accepted", "")

    return [
        (Case("media", "picture of 54 megapixels", "recorded"), lambda: recorded(big)),
        (Case("media", "text file named .mp4", "recorded"), lambda: recorded(notes)),
    ]


def run(work: Path) -> list[Case]:
    """Generate the corpus under ``work`` and run every case; returns the cases with their outcomes."""
    saved = bundle.TOTAL_RATIO_MIN_SIZE
    bundle.TOTAL_RATIO_MIN_SIZE = 10 * 2**20  # the ratio limit applies from 10 MiB in the corpus
    try:
        results = []
        for maker in (bundle_cases, package_cases, media_cases):
            folder = work / maker.__name__
            folder.mkdir(parents=True)
            for case, check in maker(folder):
                case.outcome, message = check()
                case.message = message.replace(str(work), "<corpus>")
                results.append(case)
        return results
    finally:
        bundle.TOTAL_RATIO_MIN_SIZE = saved


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="tiaki-hostile-") as folder:
        cases = run(Path(folder))
    print("| area | tried | expected | outcome |")
    print("|---|---|---|---|")
    for case in cases:
        mark = "" if case.ok else " **(unexpected)**"
        print(f"| {case.area} | {case.case} | {case.expected} | {case.outcome}{mark} |")
    summary = {
        "cases": len(cases),
        "as_expected": sum(case.ok for case in cases),
        "outcomes": dict(Counter(case.outcome for case in cases)),
        "results": [{**asdict(case), "ok": case.ok} for case in cases],
    }
    out = Path(__file__).parent / "results" / "hostile.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    print(f"\n{summary['as_expected']}/{summary['cases']} as expected: {summary['outcomes']}")
    return 0 if summary["as_expected"] == summary["cases"] else 1


if __name__ == "__main__":
    os.umask(0o077)
    sys.exit(main())
