"""The dossier: a package read as a document by an officer without tiaki, as HTML and as PDF.

It holds a cover (from, to, reference, legal basis, handling), a summary with charts, then each person
in priority order: the reasons they were sent with their evidence, accounts, identifiers, a timeline
of IP events (country, geolocation source, network owner), venues, and the media table (digests, PDQ,
the grade in the recipient's scheme, the approved description, clue cards). The handling marking is
in the running header of every PDF page and at the top and bottom of the HTML.

**No imagery of any kind.** The HTML is built from this module's template with every value escaped
(``html.escape``); its only pictures are the charts of ``engines/charts.py``, inline SVG of shapes
and text. It has no ``<img>``, no script, no ``data:`` URI, no link or reference to anything outside
itself; ``formats/package.py`` checks that again before the file is written, and checks the PDF's
structure (no image, no embedded file, no script). The PDF is drawn by WeasyPrint with the fonts of
the system (DejaVu on Debian); it is rendered without access to any file or URL
(``url_fetcher`` refuses every fetch).

**Grades in the recipient's scheme.** A grade is kept in the scheme it was given in (``profile``,
``category``). It is shown in the recipient's scheme only where the mapping is documented: a scheme
to itself, and Project VIC (US) to and from the legacy DHS numbering, whose categories 1 to 4 mean
the same (``formats/hashlist.PROFILES``; DHS 5 is VIC 0, non-pertinent). Anything else reads
"not graded in this scheme", beside the grade as it was given.

**Language.** Headings and fixed labels are in the recipient's language where this module has them
(:data:`LABELS`: English, French, Spanish); otherwise in English, and the cover says so. Values
(names, reasons, descriptions) are as recorded.
"""

from __future__ import annotations

import html
import os
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tiaki.engines import charts
from tiaki.formats.handling import Marking
from tiaki.formats.hashlist import category_for

HTML_NAME = "dossier.html"
PDF_NAME = "dossier.pdf"

SCHEME_NAMES = {
    "vic-us": "Project VIC (US)",
    "dhs-legacy": "legacy DHS numbering",
    "uk-caid": "UK / CAID",
    "industry": "industry classification",
}
# (from, to) -> {code in "from": code in "to"}: only the documented equivalences.
_VIC_DHS = {"1": "1", "2": "2", "3": "3", "4": "4", "0": "5"}
MAPPINGS: dict[tuple[str, str], dict[str, str]] = {
    ("vic-us", "dhs-legacy"): _VIC_DHS,
    ("dhs-legacy", "vic-us"): {v: k for k, v in _VIC_DHS.items()},
}

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Referral dossier",
        "from": "From",
        "to": "To",
        "reference": "Case reference",
        "legal_basis": "Legal basis",
        "handling": "Handling",
        "contact": "Contact",
        "channel": "Channel",
        "providers": "Service providers (for legal process)",
        "summary": "Summary",
        "persons": "Persons",
        "person": "Person",
        "priority": "Priority",
        "score": "Triage score",
        "why": "Why this person is referred",
        "accounts": "Accounts",
        "identifiers": "Identifiers",
        "timeline": "IP events",
        "venues": "Venues",
        "media": "Media (hashes only; no images are included)",
        "grade": "Grade in the recipient's scheme",
        "given": "Grade as given",
        "description": "Approved description",
        "clues": "Clue cards",
        "not_in_scheme": "not graded in this scheme",
        "none": "none",
        "unknown": "not known",
        "left_out": "placed persons left out (triage score 0 and no reason)",
        "country": "Country",
        "moved": "Moved here from",
        "language_note": "",
    },
    "fr": {
        "title": "Dossier de signalement",
        "from": "Expéditeur",
        "to": "Destinataire",
        "reference": "Référence de l'affaire",
        "legal_basis": "Base juridique",
        "handling": "Traitement",
        "contact": "Contact",
        "channel": "Canal",
        "providers": "Fournisseurs de services (pour les réquisitions)",
        "summary": "Synthèse",
        "persons": "Personnes",
        "person": "Personne",
        "priority": "Priorité",
        "score": "Score de tri",
        "why": "Motifs du signalement",
        "accounts": "Comptes",
        "identifiers": "Identifiants",
        "timeline": "Événements IP",
        "venues": "Espaces",
        "media": "Médias (empreintes uniquement ; aucune image n'est incluse)",
        "grade": "Classement dans le barème du destinataire",
        "given": "Classement d'origine",
        "description": "Description validée",
        "clues": "Fiches d'indices",
        "not_in_scheme": "non classé dans ce barème",
        "none": "aucun",
        "unknown": "inconnu",
        "left_out": "personnes localisées non transmises (score 0 et aucun motif)",
        "country": "Pays",
        "moved": "Arrivé(e) de",
        "language_note": "",
    },
    "es": {
        "title": "Expediente de remisión",
        "from": "Remitente",
        "to": "Destinatario",
        "reference": "Referencia del caso",
        "legal_basis": "Base jurídica",
        "handling": "Tratamiento",
        "contact": "Contacto",
        "channel": "Canal",
        "providers": "Proveedores de servicios (para requerimientos judiciales)",
        "summary": "Resumen",
        "persons": "Personas",
        "person": "Persona",
        "priority": "Prioridad",
        "score": "Puntuación de triaje",
        "why": "Motivos de la remisión",
        "accounts": "Cuentas",
        "identifiers": "Identificadores",
        "timeline": "Eventos IP",
        "venues": "Espacios",
        "media": "Medios (solo huellas; no se incluye ninguna imagen)",
        "grade": "Clasificación en el esquema del destinatario",
        "given": "Clasificación original",
        "description": "Descripción aprobada",
        "clues": "Fichas de pistas",
        "not_in_scheme": "sin clasificar en este esquema",
        "none": "ninguno",
        "unknown": "desconocido",
        "left_out": "personas localizadas no remitidas (puntuación 0 y sin motivo)",
        "country": "País",
        "moved": "Llegó de",
        "language_note": "",
    },
}


def grade_in_scheme(profile: str, category: str, scheme: str) -> str:
    """The grade ``category`` of ``profile`` written in ``scheme`` ("<code>: <label>"), or "" when
    there is no documented mapping (or no grade)."""
    if not profile or not category:
        return ""
    code = category if profile == scheme else MAPPINGS.get((profile, scheme), {}).get(category)
    if code is None:
        return ""
    try:
        found = category_for(scheme, code)
    except ValueError:
        return ""
    return f"{found.code}: {found.label}" if found else ""


@dataclass
class DossierInput:
    """What the dossier shows: the package's rows by table (each row a mapping of column to value)
    and its context. Built by ``formats/referral.py``."""

    operation: str
    country: str
    marking: Marking
    context: Mapping[str, object]
    tables: Mapping[str, Sequence[Mapping[str, object]]]
    scheme: str = "vic-us"
    language: str = "en"
    clue_cards: Mapping[str, Sequence[str]] = field(default_factory=dict)


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], empty: str) -> str:
    if not rows:
        return f'<p class="muted">{_e(empty)}</p>'
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: object) -> str:
    """A table cell: a list is shown one value a line (digests), in a fixed-width font."""
    if isinstance(value, list):
        return '<span class="mono">' + "<br>".join(_e(v) for v in value) + "</span>"
    return _e(value)


def _dl(items: Sequence[tuple[str, object]]) -> str:
    return "<dl>" + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in items) + "</dl>"


_STYLE = """
@page { size: A4; margin: 22mm 14mm 18mm 14mm;
  @top-center { content: string(marking); font: bold 9pt DejaVu Sans, sans-serif; color: #8a1c00; }
  @bottom-left { content: string(reference); font: 8pt DejaVu Sans, sans-serif; color: #555; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt DejaVu Sans, sans-serif; } }
body { font: 10pt/1.4 DejaVu Sans, Liberation Sans, Arial, sans-serif; color: #222; }
.marking { string-set: marking content(); font-weight: bold; color: #8a1c00; border: 2px solid #8a1c00;
  padding: 4px 8px; text-align: center; }
.reference { string-set: reference content(); color: #555; font-size: 8pt; margin: 2px 0; }
h1 { font-size: 18pt; margin: 8px 0; } h2 { font-size: 14pt; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 10px 0 4px; }
section.person { break-before: page; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-size: 8pt; }
th, td { border: 1px solid #bbb; padding: 2px 4px; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: #eee; overflow-wrap: normal; }
.mono { font-family: DejaVu Sans Mono, monospace; font-size: 7pt; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
dt { font-weight: bold; } dd { margin: 0; }
.muted { color: #555; } .chart { margin: 8px 0; } .chart svg { max-width: 100%; height: auto; }
"""


def _rows(data: DossierInput, table: str) -> Sequence[Mapping[str, object]]:
    return data.tables.get(table, [])


def render_html(data: DossierInput) -> str:
    """The dossier as one self-contained HTML document (UTF-8 text)."""
    labels = dict(LABELS["en"])
    language_note = ""
    if data.language in LABELS:
        labels.update(LABELS[data.language])
    elif data.language:
        language_note = f"Not available in '{data.language}': written in English."
    ctx = data.context
    sender = ctx.get("sender") if isinstance(ctx.get("sender"), dict) else {}
    recipient = ctx.get("recipient") if isinstance(ctx.get("recipient"), dict) else {}
    case = ctx.get("case") if isinstance(ctx.get("case"), dict) else {}
    assert isinstance(sender, dict) and isinstance(recipient, dict) and isinstance(case, dict)
    none = labels["unknown"]
    reference = case.get("reference") or none
    parts = [
        '<!DOCTYPE html><html lang="' + _e(data.language or "en") + '"><head><meta charset="utf-8">',
        f"<title>{_e(labels['title'])}: {_e(data.operation)}, {_e(data.country)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f'<p class="marking">{_e(data.marking.line())}</p>',
        f'<p class="reference">{_e(reference)} · {_e(data.operation)} · {_e(data.country)}</p>',
        f"<h1>{_e(labels['title'])}: {_e(data.operation)}, {_e(data.country)}</h1>",
    ]
    if language_note:
        parts.append(f'<p class="muted">{_e(language_note)}</p>')
    parts.append(
        _dl(
            [
                (labels["from"], sender.get("unit") or none),
                (labels["contact"], sender.get("contact") or none),
                (labels["to"], recipient.get("name") or none),
                (labels["channel"], recipient.get("channel") or none),
                (labels["reference"], reference),
                (labels["legal_basis"], case.get("legal_basis") or none),
                (labels["handling"], data.marking.statement()),
            ]
        )
    )
    providers = ctx.get("providers") if isinstance(ctx.get("providers"), list) else []
    assert isinstance(providers, list)
    parts.append(f"<h3>{_e(labels['providers'])}</h3>")
    parts.append(
        _table(
            ["provider", "country", "legal contact", "legal reference", "disclosure"],
            [
                [
                    p.get("name"),
                    p.get("country"),
                    p.get("legal_contact"),
                    p.get("legal_reference"),
                    p.get("disclosure_id"),
                ]
                for p in providers
                if isinstance(p, dict)
            ],
            labels["none"],
        )
    )
    parts.append(_summary(data, labels))
    for person in _rows(data, "persons.csv"):
        parts.append(_person(data, person, labels))
    parts.append(f'<p class="marking">{_e(data.marking.line())}</p></body></html>\n')
    return "".join(parts)


def _summary(data: DossierInput, labels: Mapping[str, str]) -> str:
    persons = _rows(data, "persons.csv")
    media = _rows(data, "media.csv")
    left_out = data.context.get("left_out", 0)
    status = Counter(str(m.get("status")) for m in media)
    out = [f"<h2>{_e(labels['summary'])}</h2>"]
    out.append(
        _dl(
            [
                (labels["persons"], len(persons)),
                (labels["accounts"], len(_rows(data, "accounts.csv"))),
                ("Media", f"{len(media)} ({status.get('known', 0)} known, {status.get('new', 0)} new)"),
                (labels["left_out"], left_out),
            ]
        )
    )
    top = list(persons)[:30]
    if top:
        scores = [float(str(p.get("triage_score") or 0)) for p in top]
        svg = charts.bar_chart(
            [str(p.get("person_id")) for p in top],
            scores,
            title=labels["score"],
            x_label=labels["score"],
            y_label=labels["persons"],
            width=640,
        )
        out.append(f'<div class="chart">{svg}</div>')
    if media:
        svg = charts.share_bar(
            [("known", status.get("known", 0)), ("new", status.get("new", 0))], title="Media", width=640
        )
        out.append(f'<div class="chart">{svg}</div>')
    return "".join(out)


def _person(data: DossierInput, person: Mapping[str, object], labels: Mapping[str, str]) -> str:
    pid = str(person.get("person_id"))
    accounts = [a for a in _rows(data, "accounts.csv") if a.get("person_id") == pid]
    account_ids = {str(a.get("account_id")) for a in accounts}
    out = [
        '<section class="person">',
        f"<h2>{_e(labels['person'])} {_e(pid)}</h2>",
        _dl(
            [
                (labels["priority"], person.get("priority")),
                (labels["score"], person.get("triage_score")),
                (
                    labels["country"],
                    f"{person.get('country')} ({person.get('country_basis')}, "
                    f"confidence {person.get('country_confidence')})",
                ),
                *(
                    [(labels["moved"], f"{person.get('moved_from')} ({person.get('moved_since') or '?'})")]
                    if person.get("moved_from")
                    else []
                ),
                (
                    labels["handling"],
                    f"{person.get('tlp')} · {person.get('handling_code')} · {person.get('evaluation')}",
                ),
            ]
        ),
        f"<h3>{_e(labels['why'])}</h3>",
        _table(
            ["reason", "points", "evidence"],
            [
                [r.get("factor"), r.get("points"), r.get("evidence")]
                for r in _rows(data, "reasons.csv")
                if r.get("person_id") == pid
            ],
            labels["none"],
        ),
        f"<h3>{_e(labels['accounts'])}</h3>",
        _table(
            ["account", "provider", "platform", "username", "display name", "created", "status"],
            [
                [
                    a.get("account_id"),
                    a.get("provider"),
                    a.get("platform"),
                    a.get("username"),
                    a.get("display_name"),
                    a.get("created_at"),
                    a.get("status"),
                ]
                for a in accounts
            ],
            labels["none"],
        ),
        f"<h3>{_e(labels['identifiers'])}</h3>",
        _table(
            ["account", "kind", "value", "verified", "observed"],
            [
                [i.get("account_id"), i.get("kind"), i.get("value"), i.get("verified"), i.get("observed_at")]
                for i in _rows(data, "identifiers.csv")
                if i.get("account_id") in account_ids
            ],
            labels["none"],
        ),
        f"<h3>{_e(labels['timeline'])}</h3>",
        _table(
            ["time (UTC)", "account", "IP", "event", "country", "source", "network owner"],
            [
                [
                    e.get("timestamp") or labels["unknown"],
                    e.get("account_id"),
                    e.get("ip"),
                    e.get("event"),
                    e.get("country"),
                    e.get("geo_source"),
                    _owner(e, labels["unknown"]),
                ]
                for e in sorted(
                    (e for e in _rows(data, "ip_events.csv") if e.get("account_id") in account_ids),
                    key=lambda e: (str(e.get("timestamp") or "~"), str(e.get("ip"))),
                )
            ],
            labels["none"],
        ),
        _venues(data, account_ids, labels),
        _media(data, account_ids, labels),
        "</section>",
    ]
    return "".join(out)


def _owner(event: Mapping[str, object], unknown: str) -> str:
    asn, org = event.get("network_asn"), event.get("network_org")
    if not asn and not org:
        return unknown
    return f"AS{asn} {org}".strip() if asn else str(org)


def _venues(data: DossierInput, account_ids: set[str], labels: Mapping[str, str]) -> str:
    venues = {str(v.get("venue_id")): v for v in _rows(data, "venues.csv")}
    rows = []
    for m in _rows(data, "memberships.csv"):
        if m.get("account_id") in account_ids:
            v = venues.get(str(m.get("venue_id")), {})
            rows.append(
                [
                    m.get("account_id"),
                    v.get("name"),
                    v.get("address"),
                    f"member ({m.get('role')})",
                    m.get("joined_at"),
                ]
            )
    for a in _rows(data, "accesses.csv"):
        if a.get("account_id") in account_ids:
            v = venues.get(str(a.get("venue_id")), {})
            rows.append(
                [
                    a.get("account_id"),
                    v.get("name"),
                    v.get("address"),
                    f"access ({a.get('action')})",
                    a.get("timestamp"),
                ]
            )
    headers = ["account", "venue", "address", "what", "when"]
    return f"<h3>{_e(labels['venues'])}</h3>" + _table(headers, rows, labels["none"])


def _media(data: DossierInput, account_ids: set[str], labels: Mapping[str, str]) -> str:
    rows = []
    for m in _rows(data, "media.csv"):
        if not account_ids & set(str(m.get("uploaded_by") or "").split(";")):
            continue
        in_scheme = m.get("recipient_grade") or labels["not_in_scheme"]
        given = f"{m.get('grade_profile')} {m.get('grade_category')}: {m.get('grade_label')}".strip()
        clues = "; ".join(data.clue_cards.get(str(m.get("media_id")), [])) or labels["none"]
        digests = [f"SHA-256 {m.get('sha256')}", f"MD5 {m.get('md5')}", f"PDQ {m.get('pdq') or '-'}"]
        rows.append(
            [
                m.get("status"),
                digests,
                in_scheme,
                given if m.get("grade_profile") else "ungraded",
                m.get("description") or labels["none"],
                clues,
            ]
        )
    headers = [
        "status",
        "digests",
        f"{labels['grade']} ({SCHEME_NAMES.get(data.scheme, data.scheme)})",
        labels["given"],
        labels["description"],
        labels["clues"],
    ]
    return f"<h3>{_e(labels['media'])}</h3>" + _table(headers, rows, labels["none"])


def _no_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    raise ValueError(f"the dossier fetches nothing ({url[:40]})")


# Rendering sets the process's SOURCE_DATE_EPOCH for its duration (below): one rendering at a time.
_RENDERING = threading.Lock()


def render_pdf(document: str) -> bytes:
    """The PDF of the dossier's HTML, drawn by WeasyPrint with nothing fetched. The same HTML gives
    the same bytes: no creation date is written, the document identifier is derived from the HTML,
    and the embedded font subsets are dated by ``SOURCE_DATE_EPOCH`` (the reproducible-builds
    convention, which fontTools reads when WeasyPrint subsets with it), not by the clock."""
    import hashlib

    from weasyprint import DEFAULT_OPTIONS, HTML

    identifier = hashlib.sha256(document.encode()).hexdigest()[:32].encode()
    # WeasyPrint 70 renamed the option ``identifier`` to ``pdf_identifier``, and it ignores an
    # unknown option: the wrong name would give every rendering a random identifier.
    option = "pdf_identifier" if "pdf_identifier" in DEFAULT_OPTIONS else "identifier"
    with _RENDERING:
        before = os.environ.get("SOURCE_DATE_EPOCH")
        if before is None:
            os.environ["SOURCE_DATE_EPOCH"] = "0"
        try:
            pdf = HTML(string=document, url_fetcher=_no_fetch).write_pdf(
                uncompressed_pdf=False, pdf_variant=None, **{option: identifier}
            )
        finally:
            if before is None:
                os.environ.pop("SOURCE_DATE_EPOCH", None)
    assert pdf is not None
    return bytes(pdf)
