"""What the API reads and answers: request bodies, response objects and the one error body.

Dates are ISO 8601 (``2026-05-01``), times ISO 8601 in UTC. Lists come a page at a time.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, Field

from tiaki.apps.outcomes.choices import OutcomeKind

MAX_PER_PAGE = 200
MAX_PAGE = 100_000
MAX_ID = 2**53  # ids beyond any the database hands out (and within every client's integers)


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain the NUL character")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]
"""Text a request writes: any characters but NUL, which no database keeps in text (the services refuse
control characters besides: :func:`tiaki.apps.core.typed.typed`)."""


def _iso_date(value: object) -> object:
    if not (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        raise ValueError("a date is written YYYY-MM-DD (ISO 8601), e.g. 2026-05-01")
    return value


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
"""A date as ISO 8601 writes it, and nothing else (pydantic alone also takes a count of seconds)."""


class Error(Schema):
    detail: str = Field(description="What is wrong and, where it can say, how to put it right.")


class Paged(Schema):
    count: int = Field(description="How many there are in all.")
    page: int
    per_page: int


class OperationOut(Schema):
    id: int
    name: str
    description: str
    role: str = Field(description="The caller's role in the operation.")
    countries: list[str] | None = Field(description="The caller's country scope; null: every country.")
    agency: str = Field(description="A partner agency's name; empty otherwise.")


class OperationPage(Paged):
    items: list[OperationOut]


class PersonOut(Schema):
    label: str = Field(description="The person's id in the operation, e.g. P-000001.")
    country: str = Field(description="ISO 3166-1 alpha-2; empty while not placed.")
    needs_review: bool = Field(description="Whether the country awaits an investigator's review.")
    score: int | None = Field(description="The current triage score; null before triage.")
    rank: int | None = Field(description="The place in the triage order (1 first); null before triage.")
    case_status: str
    assignee: str | None


class PersonPage(Paged):
    items: list[PersonOut]


class AccountOut(Schema):
    account_id: str
    username: str
    display_name: str
    platform: str
    stated_country: str
    disclosure: str = Field(description="The disclosure the account came in.")


class ReasonOut(Schema):
    factor: str
    points: int
    evidence: list[str]


class PersonDetailOut(PersonOut):
    country_confidence: float | None
    country_basis: str
    triage_model: str | None
    reasons: list[ReasonOut] = Field(description="Why the person scored what they did.")
    accounts: list[AccountOut]


class PackageOut(Schema):
    country: str
    agency: str | None = Field(description="The addressee when the package was written.")
    persons: int
    accounts: int
    media: int
    left_out: int = Field(description="The country's placed persons not sent (score 0 and no reason).")
    top_score: int | None
    zip_sha256: str
    manifest_sha256: str
    sealed: bool
    sealed_sha256: str
    written_at: datetime


class PackagePage(Paged):
    items: list[PackageOut]


class SendOut(Schema):
    id: int
    country: str
    agency: str
    channel: str
    reference: str
    sent_sha256: str = Field(description="SHA-256 of exactly the file that went.")
    manifest_sha256: str
    sent_by: str
    sent_at: datetime
    follow_up_due: date | None
    acknowledged_at: datetime | None
    acknowledged_by: str
    acknowledgement: str


class SendPage(Paged):
    items: list[SendOut]


class AcknowledgementIn(Schema):
    note: Text | None = Field(
        None, max_length=2000, description="What the agency said, if anything (no body at all will do)."
    )


class OutcomeIn(Schema):
    person: Text = Field(max_length=64, description="The person id the package gave them.")
    kind: str = Field(json_schema_extra={"enum": list(OutcomeKind.values)})
    occurred_on: IsoDate = Field(description="YYYY-MM-DD; not in the future, not before the send.")
    children: int = Field(0, ge=0, le=10_000, strict=True, description="Children safeguarded (that kind).")
    reason: Text = Field("", max_length=2000, description="No further action: why.")
    passed_to: Text = Field("", max_length=200, description="Passed to another agency: which.")
    note: Text = Field("", max_length=2000)


class WithdrawalIn(Schema):
    reason: Text = Field(min_length=1, max_length=2000, description="Why the outcome is withdrawn.")


class OutcomeOut(Schema):
    id: int
    send: int
    country: str
    agency: str
    person: str
    kind: str
    occurred_on: date
    children: int
    reason: str
    passed_to: str
    note: str
    referred_score: int | None
    referred_priority: str
    triage_model: str
    withdraws: int | None = Field(description="The outcome this one withdraws; null for an outcome.")
    withdrawn: bool = Field(description="Whether a later withdrawal took this outcome back.")
    recorded_by: str
    recorded_at: datetime


class OutcomePage(Paged):
    items: list[OutcomeOut]
