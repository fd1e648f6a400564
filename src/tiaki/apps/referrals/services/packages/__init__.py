"""The refer stage: one package per country, gathered from what the stages before decided.

Only placed persons go into packages (``core/scope.placed``); the rest are on the review list. Of
those, only persons with a reason to be sent go (``formats/referral.INCLUSION_RULE``): a current
assessment with a score above 0 or at least one reason. The others are left out, counted in the
package (``Package.left_out``, the manifest and the dispatch index); a country left with nobody to
send gets no package. Each package carries the operation's case details and handling marking
(``referrals.CaseDetails``) and is addressed to the country's primary agency, in whose grading
scheme and language its dossier is written. The operation is read once and grouped by country;
``formats/referral.py`` makes the files and ``formats/package.py`` writes them. A re-run writes
byte-identical packages."""

from __future__ import annotations

from tiaki.apps.referrals.services.packages.gathering import BATCH
from tiaki.apps.referrals.services.packages.writing import PackagesRefused, PackageSummary, write_packages

__all__ = [
    "BATCH",
    "PackageSummary",
    "PackagesRefused",
    "write_packages",
]
