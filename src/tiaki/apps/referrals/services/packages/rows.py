"""A country's package as rows: persons and their reasons, media with grades in the recipient's
scheme, approved descriptions and clue cards."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from tiaki.apps.media.models import Description, Grade, MediaItem
from tiaki.apps.media.queries import approved_description, clue_cards, scheme_for_country
from tiaki.apps.media.queries import grade_in_scheme as grade_from_facts
from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.choices import MediaStatus
from tiaki.apps.referrals.services.packages.gathering import _Gathered
from tiaki.apps.subjects.models import Person
from tiaki.engines.grading import Category as SchemeCategory
from tiaki.formats.dossier import grade_in_scheme
from tiaki.formats.handling import Marking
from tiaki.formats.hashlist import ListEntry, category_for
from tiaki.formats.referral import Context, CountryReferral, Row


def _person_rows(country: str, g: _Gathered, marking: Marking) -> tuple[list[Row], list[Row]]:
    """persons.csv in priority order, and reasons.csv: each reason with its points and evidence."""

    def priority(p: Person) -> tuple[int, str]:
        a = g.assessments.get(p.pk)
        return (a.rank if a else 10**9, p.label)

    rows: list[Row] = []
    reasons: list[Row] = []
    for position, p in enumerate(sorted(g.persons[country], key=priority), start=1):
        a = g.assessments.get(p.pk)
        summary = "; ".join(f"{r['factor']} (+{r['points']})" for r in a.reasons) if a else ""
        for r in a.reasons if a else []:
            reasons.append([p.label, r["factor"], r["points"], "; ".join(map(str, r.get("evidence", [])))])
        rows.append(
            [
                p.label,
                p.country,
                p.country_confidence,
                p.country_basis,
                position,
                a.score if a else None,
                a.rank if a else None,
                summary,
                len(g.accounts_of[p.pk]),
                marking.tlp,
                marking.code,
                marking.evaluation,
                # Placed where they moved to: the country they left and the first day in this one.
                p.country_evidence.get("moved_from", ""),
                p.country_evidence.get("moved_since", ""),
            ]
        )
    return rows, reasons


def _media_rows(
    referral: CountryReferral, uploads: list[Any], label: dict[int, str], g: _Gathered, scheme: str
) -> None:
    uploaded_by: dict[int, set[str]] = defaultdict(set)
    for u in uploads:
        uploaded_by[u.media_id].add(label[u.account_id])
    objects = {m.pk: m for m in MediaItem.objects.filter(pk__in=list(uploaded_by))}
    for card in clue_cards(objects.values()):
        text = f"{card.get_kind_display()}: {card.value}" + (f" ({card.note})" if card.note else "")
        for item in card.media.all():
            if item.pk in objects:
                referral.clue_cards.setdefault(item.key, []).append(text)
    for media_id in sorted(uploaded_by, key=lambda m: g.items[m].key):
        m, grade = g.items[media_id], g.grades.get(media_id)
        derived = grade_from_facts(objects[media_id], scheme) if grade else None
        approved = approved_description(objects[media_id])
        referral.tables["media.csv"].append(
            [
                m.key,
                m.md5,
                m.sha1,
                m.sha256,
                m.pdq,
                m.pdq_quality,
                m.kind,
                MediaStatus.KNOWN if m.known else MediaStatus.NEW,
                grade.profile if grade else "",
                grade.category if grade else "",
                grade.label if grade else "ungraded",
                grade.severity if grade else None,
                grade.series if grade else "",
                # Only a description a second reviewer approved travels; else how the grade came.
                _described(approved) if approved else (grade.description if grade else ""),
                ";".join(sorted(uploaded_by[media_id])),
                scheme,
                (
                    f"{derived.code} ({derived.label})"
                    if derived is not None
                    else grade_in_scheme(grade.profile, grade.category, scheme)
                    if grade
                    else ""
                ),
            ]
        )
        referral.vics.append(
            ListEntry(
                entry_id=m.key,
                md5=m.md5 or None,
                sha1=m.sha1 or None,
                sha256=m.sha256 or None,
                pdq=m.pdq or None,
                category=_vics_category(referral.vics_profile, grade, derived) if m.known else None,
                series=(grade.series or None) if grade else None,
                # New material, graded here or not, must not become known material where it is imported.
                status=None if m.known else "new",
            )
        )


def _described(d: Description) -> str:
    """An approved structured description as one line of text a partner reads without viewing."""
    parts = [
        f"setting: {d.get_setting_display()}",
        f"children: {d.children}" + (f" ({', '.join(d.child_age_bands)})" if d.child_age_bands else ""),
        f"adults: {d.adults}",
    ]
    for name, value in (("objects", d.objects_seen), ("text", d.visible_text), ("sounds", d.sounds)):
        if value:
            parts.append(f"{name}: {value}")
    if d.summary:
        parts.append(d.summary)
    return "; ".join(parts) + f" [approved description v{d.version}]"


def _referral(
    operation: Operation, country: str, g: _Gathered, marking: Marking, context: Context
) -> CountryReferral:
    referral = CountryReferral(operation.name, country, marking=marking, context=context)
    tables = referral.tables
    person_of = {a: p.label for p in g.persons[country] for a in g.accounts_of[p.pk]}
    label = {a.pk: a.account_id for a in g.accounts[country]}
    tables["persons.csv"], tables["reasons.csv"] = _person_rows(country, g, marking)
    tables["accounts.csv"] = [
        [
            a.account_id,
            person_of[a.pk],
            a.disclosure__disclosure_id,
            a.provider,
            a.platform,
            a.username,
            a.display_name,
            a.created_at,
            a.profile_url,
            a.stated_country,
            a.status,
        ]
        for a in g.accounts[country]
    ]
    tables["identifiers.csv"] = [[label[i.account_id], *i[1:]] for i in g.identifiers.get(country, [])]
    tables["ip_events.csv"] = [[label[e.account_id], *e[1:]] for e in g.events.get(country, [])]
    uploads = g.uploads.get(country, [])
    scheme = (
        context.addressee.grading_scheme
        if context.addressee and context.addressee.grading_scheme
        else scheme_for_country(country)
    )
    referral.vics_profile = scheme if scheme in VICS_PROFILES else "vic-us"
    _media_rows(referral, uploads, label, g, scheme)
    tables["uploads.csv"] = [
        [
            u.upload__upload_id,
            label[u.account_id],
            g.items[u.media_id].key,
            u.upload__uploaded_at,
            u.upload__venue__venue_id,
        ]
        for u in uploads
    ]
    tables["venues.csv"] = g.venues.get(country, [])
    tables["memberships.csv"] = [
        [label[m.account_id], m.venue__venue_id, m.role, m.joined_at] for m in g.memberships.get(country, [])
    ]
    tables["accesses.csv"] = [
        [label[a.account_id], a.action, a.timestamp, a.venue__venue_id, a.upload__upload_id]
        for a in g.accesses.get(country, [])
    ]
    return referral


VICS_PROFILES = frozenset({"vic-us", "uk-caid", "dhs-legacy"})


def _vics_category(profile: str, grade: Grade | None, derived: SchemeCategory | None) -> str | None:
    """A known item's category in the package's VICS profile: derived from a reviewer's facts, else
    the list's own category when the list used that profile; never a translation between schemes."""
    if grade is None:
        return None
    code = derived.code if derived is not None else (grade.category if grade.profile == profile else None)
    try:
        return code if code and category_for(profile, code) is not None else None
    except ValueError:
        return None
