"""Roles in an operation and what each may do: the one table every front end and service consults."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "administrator"
    SUPERVISOR = "supervisor", "supervisor"
    INVESTIGATOR = "investigator", "investigator"
    REVIEWER = "reviewer", "media reviewer"
    AUDITOR = "auditor", "auditor"
    PARTNER = "partner", "partner agency"


class Permission(models.TextChoices):
    READ_CASE = "read-case", "read persons, accounts, events and media records"
    INGEST = "ingest", "ingest disclosures, lists and records checks"
    RUN = "run", "run stages and change run settings"
    DECIDE = "decide", "confirm, reject, merge and split"
    CASEWORK = "casework", "assign persons and set their case status"
    GRADE = "grade", "grade and describe media"
    EXPORT = "export", "export and write packages"
    READ_AUDIT = "read-audit", "read the audit log"
    READ_PACKAGES = "read-packages", "read referral packages"
    MANAGE = "manage", "manage users and keys"
    SUPERVISE = "supervise", "see reviewers' exposure and set their budgets"
    AGENCIES = "agencies", "keep the directory of recipient agencies"
    ACKNOWLEDGE = "acknowledge", "acknowledge receipt of a package"
    OUTCOMES = "outcomes", "record what came of a referral"


_ALL = frozenset(Permission)
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: _ALL,
    Role.SUPERVISOR: _ALL - {Permission.MANAGE},  # agencies, not users or keys
    Role.INVESTIGATOR: frozenset(
        {
            Permission.READ_CASE,
            Permission.INGEST,
            Permission.RUN,
            Permission.DECIDE,
            Permission.CASEWORK,
            Permission.EXPORT,
            Permission.READ_PACKAGES,
            Permission.ACKNOWLEDGE,
            Permission.OUTCOMES,
        }
    ),
    Role.REVIEWER: frozenset({Permission.READ_CASE, Permission.GRADE}),
    Role.AUDITOR: frozenset({Permission.READ_AUDIT, Permission.READ_CASE}),
    # a partner agency's officers: their agency's packages only, in the partner portal
    Role.PARTNER: frozenset({Permission.READ_PACKAGES, Permission.ACKNOWLEDGE, Permission.OUTCOMES}),
}
