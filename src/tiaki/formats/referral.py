"""The referral package's contents, as a partner agency reads them: which files, which columns, the
README. The referrals app gathers the rows; this module turns them into the package's files, and
``formats/package.py`` writes and verifies the folder, its manifest and its zip.

Cells are written by ``formats/csvsafe.py``, as the disclosure bundle writes them (booleans
``true``/``false``, missing values empty, timestamps ISO 8601), with spreadsheet formulas neutralised.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tiaki.formats.csvsafe import csv_bytes, safe_cell
from tiaki.formats.dossier import HTML_NAME, PDF_NAME, DossierInput, render_html, render_pdf
from tiaki.formats.exchange import MISP, STIX, MediaIndicator, misp_event, stix_bundle
from tiaki.formats.handling import Marking
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
        "tlp",
        "handling_code",
        "evaluation",
        "moved_from",
        "moved_since",
    ),
    "reasons.csv": ("person_id", "factor", "points", "evidence"),
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
        "network_asn",
        "network_org",
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
        "recipient_scheme",
        "recipient_grade",
    ),
    "uploads.csv": ("upload_id", "account_id", "media_id", "uploaded_at", "venue_id"),
    "venues.csv": ("venue_id", "disclosure_id", "kind", "name", "address"),
    "memberships.csv": ("account_id", "venue_id", "role", "joined_at"),
    "accesses.csv": ("account_id", "action", "timestamp", "venue_id", "upload_id"),
}
# Tables whose rows have no natural order of their own are sorted, so a re-run is byte-identical.
SORTED = frozenset(
    {"identifiers.csv", "ip_events.csv", "uploads.csv", "venues.csv", "memberships.csv", "accesses.csv"}
)
VICS = "media.vics.json"
README = "README.md"
CONTEXT = "context.json"
FILES = (*COLUMNS, VICS, CONTEXT, MISP, STIX, HTML_NAME, PDF_NAME, README)
INCLUSION_RULE = (
    "A placed person is sent when their current triage assessment has a score above 0 or at least one "
    "reason; a person with a score of 0 and no reason (or not yet assessed) is left out and counted."
)

Row = Sequence[object]


@dataclass
class Addressee:
    """The agency a package is addressed to, as the package names it."""

    name: str
    channel: str
    contact: str = ""
    grading_scheme: str = "vic-us"
    language: str = "en"


@dataclass
class Context:
    """What an officer needs besides the rows: who sent it and how to reach them, the case reference
    and legal basis, the addressee, the providers' legal contacts, and how many placed persons were
    left out under :data:`INCLUSION_RULE`. ``as_of`` is the newest time in the package's data (the
    exchange files' date; packages hold no wall-clock time)."""

    unit: str = ""
    contact: str = ""
    reference: str = ""
    legal_basis: str = ""
    addressee: Addressee | None = None
    providers: list[dict[str, str]] = field(default_factory=list)
    left_out: int = 0
    as_of: date | None = None


@dataclass
class CountryReferral:
    """Everything one country's package holds, as rows in the order of :data:`COLUMNS`."""

    operation: str
    country: str
    tables: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in COLUMNS})
    vics: list[ListEntry] = field(default_factory=list)
    marking: Marking = field(default_factory=Marking)
    context: Context = field(default_factory=Context)
    # media id -> the clue cards approved for it (none until the media app records them).
    clue_cards: dict[str, list[str]] = field(default_factory=dict)
    # The VICS profile media.vics.json is written in: the recipient's scheme where VICS has a region
    # for it (vic-us, uk-caid, dhs-legacy), else Project VIC's US scheme.
    vics_profile: str = "vic-us"

    def count(self, table: str) -> int:
        return len(self.tables[table])

    def records(self, table: str) -> list[dict[str, object]]:
        """The rows of ``table`` as mappings of column to value, in the order its file has them (a
        table in ``SORTED`` by its cells' text, whatever order the database returned them in)."""
        rows = self.tables[table]
        if table in SORTED:
            rows = sorted(rows, key=lambda row: [safe_cell(cell) for cell in row])
        return [dict(zip(COLUMNS[table], row, strict=True)) for row in rows]


def table_bytes(name: str, rows: list[Row]) -> bytes:
    """One table as CSV text, header first, every cell safe to open in a spreadsheet."""
    return csv_bytes(COLUMNS[name], rows, sort=name in SORTED)


@dataclass(frozen=True)
class Sender:
    """The unit whose key signs the package: its name and its key's fingerprint."""

    unit: str
    fingerprint: str


def context_document(referral: CountryReferral, sender: Sender | None) -> dict[str, object]:
    """``context.json``: sender, recipient, case, handling, providers, venues and every person sent
    with the reasons and their evidence, in priority order."""
    ctx = referral.context
    reasons: dict[str, list[dict[str, object]]] = {}
    for r in referral.records("reasons.csv"):
        reasons.setdefault(str(r["person_id"]), []).append(
            {"factor": r["factor"], "points": r["points"], "evidence": r["evidence"]}
        )
    return {
        "operation": referral.operation,
        "country": referral.country,
        "sender": {
            "unit": ctx.unit or (sender.unit if sender else ""),
            "contact": ctx.contact,
            "key_fingerprint": sender.fingerprint if sender else "",
        },
        "recipient": (
            {
                "name": ctx.addressee.name,
                "channel": ctx.addressee.channel,
                "contact": ctx.addressee.contact,
                "grading_scheme": ctx.addressee.grading_scheme,
                "language": ctx.addressee.language,
            }
            if ctx.addressee
            else {}
        ),
        "case": {"reference": ctx.reference, "legal_basis": ctx.legal_basis},
        "handling": referral.marking.as_dict(),
        "providers": ctx.providers,
        "venues": referral.records("venues.csv"),
        "inclusion_rule": INCLUSION_RULE,
        "left_out": ctx.left_out,
        "persons": [
            {
                "person_id": p["person_id"],
                "priority": p["priority"],
                "triage_score": p["triage_score"],
                "reasons": reasons.get(str(p["person_id"]), []),
            }
            for p in referral.records("persons.csv")
        ],
    }


def _indicators(referral: CountryReferral) -> list[MediaIndicator]:
    return [
        MediaIndicator(
            media_id=str(m["media_id"]),
            md5=str(m["md5"] or ""),
            sha1=str(m["sha1"] or ""),
            sha256=str(m["sha256"] or ""),
            pdq=str(m["pdq"] or ""),
            known=m["status"] == "known",
            grade=str(m["grade_label"] or "ungraded"),
        )
        for m in referral.records("media.csv")
    ]


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
            profile=referral.vics_profile,
            case_name=f"{referral.operation} {referral.country}",
            integer_ids=True,
        )
        files[VICS] = vics_path.read_bytes()
    counts = {
        "persons": referral.count("persons.csv"),
        "accounts": referral.count("accounts.csv"),
        "media": referral.count("media.csv"),
    }
    context = context_document(referral, sender)
    files[CONTEXT] = (
        json.dumps(context, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    ).encode()
    name = f"{referral.operation}, {referral.country}"
    as_of = referral.context.as_of or date(1970, 1, 1)
    indicators = _indicators(referral)
    files[MISP] = misp_event(name, indicators, referral.marking, as_of)
    files[STIX] = stix_bundle(name, indicators, referral.marking, as_of)
    addressee = referral.context.addressee
    document = render_html(
        DossierInput(
            operation=referral.operation,
            country=referral.country,
            marking=referral.marking,
            context=json.loads(files[CONTEXT]),
            tables={table: referral.records(table) for table in COLUMNS},
            scheme=addressee.grading_scheme if addressee else "vic-us",
            language=addressee.language if addressee else "en",
            clue_cards=referral.clue_cards,
        )
    )
    files[HTML_NAME] = document.encode()
    files[PDF_NAME] = render_pdf(document)
    files[README] = readme(referral, sender, **counts).encode()
    meta: dict[str, object] = {
        "operation": referral.operation,
        "country": referral.country,
        "handling": f"{HANDLING} {referral.marking.statement()}",
        "marking": referral.marking.as_dict(),
        "case_reference": referral.context.reference,
        "addressee": context["recipient"],
        "left_out": referral.context.left_out,
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
    referral: CountryReferral, sender: Sender | None = None, *, persons: int, accounts: int, media: int
) -> str:
    ctx, country, marking = referral.context, referral.country, referral.marking
    unknown = "not given"
    to = f"{ctx.addressee.name} ({ctx.addressee.channel})" if ctx.addressee else unknown
    return f"""# Referral package: {referral.operation}, {country}

**{marking.line()}**

{HANDLING}

{marking.statement()}

| | |
|---|---|
| from | {ctx.unit or (sender.unit if sender else unknown)} |
| contact | {ctx.contact or unknown} |
| to | {to} |
| case reference | {ctx.reference or unknown} |
| legal basis | {ctx.legal_basis or unknown} |

This package holds {persons} person(s) with {accounts} account(s), located in {country}, and
records of {media} media item(s) they shared. It carries no images or videos: media are described by
their digests (MD5, SHA-1, SHA-256), PDQ perceptual hash, grade and a structured description, so the
receiving agency can act without viewing any material. {INCLUSION_RULE} Left out here:
{ctx.left_out}.

Start with **dossier.pdf** (or dossier.html in a browser): the cover, a summary, then every person in
priority order with why they are referred and the evidence.

| file | contents |
|---|---|
| dossier.pdf, dossier.html | cover, summary, each person: reasons, accounts, IP timeline, venues, media |
| persons.csv | one row per person, in priority order, with the triage score, its reasons and handling |
| reasons.csv | each person's triage reasons with their points and evidence |
| accounts.csv | the accounts behind each person, as the provider disclosed them |
| identifiers.csv | emails, phones, devices and other identifiers of those accounts |
| ip_events.csv | IP events: country, geolocation source (and build), network owner (ASN, organisation) |
| venues.csv, memberships.csv, accesses.csv | venues (names, addresses), memberships and accesses |
| media.csv | every file shared: digests, PDQ, known or new, grade (as given, in your scheme), description |
| uploads.csv | which account shared which file, when and where |
| media.vics.json | the same media as a VICS 2.0 list for forensic tools (new items marked uncategorised) |
| misp-event.json, stix-bundle.json | the media indicators for MISP and STIX 2.1, with the TLP marking |
| context.json | sender, recipient, case, handling, providers' legal contacts, venues, persons' reasons |
| manifest.json | every file with its SHA-256, the country, counts and handling |
| SHA256SUMS | every file's SHA-256, for `sha256sum -c` |
| SHA256SUMS.sig | the sender's signature of SHA256SUMS (when signed) |

`status` in media.csv is `known` when the file matched an entry of a known-material list, `new`
otherwise (in media.vics.json new items carry no category, `IsPrecategorized: false` and the tag
`tiaki:new-ungraded`, so importing the list adds no known material); a grade's profile and
description say who graded it. New material is ungraded until reviewed. `recipient_grade` is the
grade in your scheme where a documented mapping exists; empty means not graded in your scheme.

## Opening a sealed package

A package sent as `<name>.zip.age` is encrypted to your agency's age key. Open it with the standard
`age` tool (https://age-encryption.org) and the matching secret key:

```sh
age -d -i key.txt -o package.zip package.zip.age
```

A key it was not encrypted to cannot open it.

## Checking this package

{_checking(sender)}
"""
