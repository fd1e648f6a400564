"""The referral package's contents, as a partner agency reads them: which files, which columns, the
README. The referrals app gathers the rows; this module turns them into the package's files, and
``formats/package.py`` writes and verifies the folder, its manifest and its zip.

Cells are written by ``formats/csvsafe.py``, as the disclosure bundle writes them (booleans
``true``/``false``, missing values empty, timestamps ISO 8601), with spreadsheet formulas neutralised.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tiaki.formats.csvsafe import csv_bytes
from tiaki.formats.hashlist import ListEntry
from tiaki.formats.vics import write_vics

FORMAT = "tiaki-referral-package"
HANDLING = (
    "LAW ENFORCEMENT SENSITIVE. For the addressed agency's investigation only; do not "
    "disseminate further without the originator's consent."
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "persons.csv": (
        "person_id",
        "country",
        "country_confidence",
        "country_basis",
        "priority",
        "triage_score",
        "operation_rank",
        "triage_reasons",
        "accounts",
    ),
    "accounts.csv": (
        "account_id",
        "person_id",
        "disclosure_id",
        "provider",
        "platform",
        "username",
        "display_name",
        "created_at",
        "profile_url",
        "stated_country",
        "status",
    ),
    "identifiers.csv": ("account_id", "kind", "value", "verified", "observed_at"),
    "ip_events.csv": (
        "account_id",
        "ip",
        "port",
        "event",
        "timestamp",
        "possible_proxy",
        "country",
        "geo_source",
        "geo_source_version",
        "geo_build_date",
    ),
    "media.csv": (
        "media_id",
        "md5",
        "sha1",
        "sha256",
        "pdq",
        "pdq_quality",
        "kind",
        "status",
        "grade_profile",
        "grade_category",
        "grade_label",
        "severity",
        "series",
        "description",
        "uploaded_by",
    ),
    "uploads.csv": ("upload_id", "account_id", "media_id", "uploaded_at", "venue_id"),
}
# Tables whose rows have no natural order of their own are sorted, so a re-run is byte-identical.
SORTED = frozenset({"identifiers.csv", "ip_events.csv", "uploads.csv"})
VICS = "media.vics.json"
README = "README.md"
FILES = (*COLUMNS, VICS, README)

Row = Sequence[object]


@dataclass
class CountryReferral:
    """Everything one country's package holds, as rows in the order of :data:`COLUMNS`."""

    operation: str
    country: str
    tables: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in COLUMNS})
    vics: list[ListEntry] = field(default_factory=list)

    def count(self, table: str) -> int:
        return len(self.tables[table])


def table_bytes(name: str, rows: list[Row]) -> bytes:
    """One table as CSV text, header first, every cell safe to open in a spreadsheet."""
    return csv_bytes(COLUMNS[name], rows, sort=name in SORTED)


@dataclass(frozen=True)
class Sender:
    """The unit whose key signs the package: its name and its key's fingerprint."""

    unit: str
    fingerprint: str


def package_files(
    referral: CountryReferral, sender: Sender | None = None
) -> tuple[dict[str, bytes], dict[str, object]]:
    """The package's files and its manifest metadata."""
    files = {name: table_bytes(name, rows) for name, rows in referral.tables.items()}
    with tempfile.TemporaryDirectory() as tmp:
        vics_path = Path(tmp) / VICS
        write_vics(
            vics_path,
            referral.vics,
            version="2.0",
            profile="vic-us",
            case_name=f"{referral.operation} {referral.country}",
            integer_ids=True,
        )
        files[VICS] = vics_path.read_bytes()
    counts = {
        "persons": referral.count("persons.csv"),
        "accounts": referral.count("accounts.csv"),
        "media": referral.count("media.csv"),
    }
    files[README] = readme(referral.operation, referral.country, sender, **counts).encode()
    meta: dict[str, object] = {
        "operation": referral.operation,
        "country": referral.country,
        "handling": HANDLING,
        "counts": counts,
    }
    if sender is not None:
        meta["signed_by"] = {"unit": sender.unit, "fingerprint": sender.fingerprint}
    return files, meta


def _checking(sender: Sender | None) -> str:
    if sender is None:
        return """This package is not signed: `sha256sum -c SHA256SUMS` shows that no file was damaged, but
not who wrote it. Ask the sender for a signed package."""
    return f"""Signed by **{sender.unit}**, key `{sender.fingerprint}`. Check it with standard tools alone
(OpenSSH 8.1 or later, coreutils), in this folder:

```sh
ssh-keygen -Y verify -f allowed_signers -I {sender.unit} -n tiaki -s SHA256SUMS.sig < SHA256SUMS
sha256sum -c SHA256SUMS
```

`allowed_signers` is the one line the sender gives you through your usual channel (not from this
package): `{sender.unit} namespaces="tiaki" ssh-ed25519 AAAA...`; its fingerprint must be the one
above. The first command says `Good "tiaki" signature`, the second `OK` for every file. With tiaki:
`tiaki package verify . --key allowed_signers`."""


def readme(
    operation: str, country: str, sender: Sender | None = None, *, persons: int, accounts: int, media: int
) -> str:
    return f"""# Referral package: {operation}, {country}

{HANDLING}

This package holds {persons} person(s) with {accounts} account(s), located in {country}, and
records of {media} media item(s) they shared. It carries no images or videos: media are described by
their digests (MD5, SHA-1, SHA-256), PDQ perceptual hash, grade and a structured description, so the
receiving agency can act without viewing any material.

| file | contents |
|---|---|
| persons.csv | one row per person, in priority order, with the triage score and its reasons |
| accounts.csv | the accounts behind each person, as the provider disclosed them |
| identifiers.csv | emails, phones, devices and other identifiers of those accounts |
| ip_events.csv | IP events with the country found and which geolocation source (and build) answered |
| media.csv | every file the persons shared: digests, PDQ, known or new, grade and description |
| uploads.csv | which account shared which file, when and where |
| media.vics.json | the same media as a VICS 2.0 list for forensic tools (new items marked uncategorised) |
| manifest.json | every file with its SHA-256, the country, counts and handling |
| SHA256SUMS | every file's SHA-256, for `sha256sum -c` |
| SHA256SUMS.sig | the sender's signature of SHA256SUMS (when signed) |

`status` in media.csv is `known` when the file matched an entry of a known-material list, `new`
otherwise (in media.vics.json new items carry no category, `IsPrecategorized: false` and the tag
`tiaki:new-ungraded`, so importing the list adds no known material); a grade's profile and
description say who graded it. New material is ungraded until reviewed.

## Checking this package

{_checking(sender)}
"""
