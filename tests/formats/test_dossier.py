"""The dossier (HTML and PDF), its imagery checks, the grade in the recipient's scheme, and the MISP
and STIX files: rendered, looked at, and refused when they hold what must not leave."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from builders import picture
from requirements import tool
from tiaki.formats.documents import DocumentError, check_html, check_pdf
from tiaki.formats.dossier import grade_in_scheme, render_html, render_pdf
from tiaki.formats.exchange import MediaIndicator, misp_event, stix_bundle
from tiaki.formats.handling import marking
from tiaki.formats.package import PackageContentError, verify_package, write_package
from tiaki.formats.referral import Addressee, Context, CountryReferral, package_files

MARK = marking("amber", "H2", "B", "2")
SHA = "4da0983c45d1eb244e1cc79e6bb85e997cdad2a68ffa6fd6697c84a7ce6c2b16"


def _referral(language: str = "en", scheme: str = "uk-caid") -> CountryReferral:
    r = CountryReferral(
        "Operation Test",
        "NZ",
        marking=MARK,
        context=Context(
            unit="Unit One",
            contact="unit@example.org",
            reference="OP-1",
            legal_basis="Mutual assistance",
            addressee=Addressee("NZ Police", "liaison", "desk@example.org", scheme, language),
            providers=[{"name": "Example Provider", "legal_contact": "legal@example.org"}],
            left_out=2,
        ),
    )
    for n in range(1, 4):
        r.tables["persons.csv"].append(
            [f"P-{n}", "NZ", 1.0, "ip-vote", n, 40 - n, n, "uploader (+10)", 1, MARK.tlp, MARK.code, "B2",
             *(("AU", "2019-11-01") if n == 2 else ("", ""))]
        )  # fmt: skip
        r.tables["reasons.csv"].append([f"P-{n}", "uploader", 10, "1 upload(s)"])
        r.tables["accounts.csv"].append(
            [f"a{n}", f"P-{n}", "d1", "Example Provider", "", f"user{n}", "", None, "", "NZ", ""]
        )
        r.tables["ip_events.csv"].append(
            [f"a{n}", "8.8.8.8", None, "login", "2019-03-01T10:00:00Z", None, "NZ", "geo", "v1", None, 64500,
             "Example Networks Ltd"]
        )  # fmt: skip
    r.tables["media.csv"].append(
        [SHA, "0" * 32, "0" * 40, SHA, "f" * 64, 90, "image", "known", "vic-us", "1", "child abuse material",
         3, "", "approved neutral description", "a1", scheme, grade_in_scheme("vic-us", "1", scheme)]
    )  # fmt: skip
    return r


def test_grades_are_shown_in_the_recipient_scheme_only_where_a_mapping_is_documented():
    assert grade_in_scheme("vic-us", "1", "vic-us") == "1: child abuse material"
    assert grade_in_scheme("vic-us", "2", "dhs-legacy") == "2: child exploitive / age difficult"
    assert grade_in_scheme("dhs-legacy", "5", "vic-us") == "0: non-pertinent"
    assert grade_in_scheme("vic-us", "1", "uk-caid") == ""
    assert grade_in_scheme("uk-caid", "A", "vic-us") == ""
    assert grade_in_scheme("", "", "vic-us") == ""


def test_the_dossier_has_cover_persons_in_order_and_handling_everywhere(tmp_path: Path):
    document = render_html(_render_input(_referral("fr")))
    check_html(document)
    for expected in ("Dossier de signalement", "Unit One", "NZ Police", "OP-1", "Mutual assistance",
                     "legal@example.org", "AS64500 Example Networks Ltd", "non classé dans ce barème",
                     "approved neutral description", "<svg"):  # fmt: skip
        assert expected in document, expected
    assert document.index("P-1") < document.index("P-2") < document.index("P-3")
    # P-2 was placed where they moved to: the dossier says from where and since when, the others not.
    assert document.count("Arrivé(e) de") == 1
    assert "<dt>Arrivé(e) de</dt><dd>AU (2019-11-01)</dd>" in document
    assert document.index("Personne P-2") < document.index("Arrivé(e) de") < document.index("Personne P-3")
    assert "Not available in" in render_html(_render_input(_referral("xx")))


def _render_input(referral: CountryReferral):  # type: ignore[no-untyped-def]
    from tiaki.formats.dossier import DossierInput
    from tiaki.formats.referral import COLUMNS, context_document

    addressee = referral.context.addressee
    assert addressee is not None
    return DossierInput(
        referral.operation,
        referral.country,
        referral.marking,
        json.loads(json.dumps(context_document(referral, None), default=str)),
        {t: referral.records(t) for t in COLUMNS},
        addressee.grading_scheme,
        addressee.language,
    )


def test_the_pdf_renders_holds_no_image_and_carries_the_marking_on_every_page(tmp_path: Path):
    pdftoppm, pdftotext, pdfimages = tool("pdftoppm"), tool("pdftotext"), tool("pdfimages")
    files, meta = package_files(_referral())
    pdf = files["dossier.pdf"]
    check_pdf(pdf)
    assert pdf == package_files(_referral())[0]["dossier.pdf"]  # byte-identical on a re-run
    path = tmp_path / "dossier.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run([pdfimages, "-list", path], capture_output=True, text=True, check=True).stdout
    assert len(listing.strip().splitlines()) == 2  # the header lines only: no image
    done = subprocess.run([pdftoppm, "-r", "50", "-png", path, tmp_path / "page"], capture_output=True)
    assert done.returncode == 0, done.stderr
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 4  # the cover and summary, then one page per person
    for n in range(1, len(pages) + 1):
        text = subprocess.run(
            [pdftotext, "-f", str(n), "-l", str(n), path, "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "TLP:AMBER · H2 · B2" in text, n
    folder = tmp_path / "package"
    write_package(folder, files, meta)
    assert verify_package(folder) == []


def test_the_same_html_gives_the_same_pdf_whatever_the_clock_says(monkeypatch: pytest.MonkeyPatch):
    """A package's digest must not change when nothing in it did: the font subsets WeasyPrint
    embeds are not dated by the clock, and the identifier is the HTML's."""
    import time

    document = render_html(_render_input(_referral()))
    setting = os.environ.get("SOURCE_DATE_EPOCH")
    clock = iter([1_000_000_000.0 + 86_400 * i for i in range(100_000)])
    monkeypatch.setattr(time, "time", lambda: next(clock))
    assert render_pdf(document) == render_pdf(document)
    assert os.environ.get("SOURCE_DATE_EPOCH") == setting  # the process's setting is restored


@pytest.mark.parametrize(
    "html",
    [
        '<p><img src="x.png"></p>',
        "<script>alert(1)</script>",
        '<p style="background: url(x.png)">x</p>',
        '<a href="https://example.org/">x</a>',
        "<p>data:image/png;base64,AAAA</p>",
        '<svg><image href="x.png"/></svg>',
        '<p onclick="x()">x</p>',
        '<link rel="stylesheet" href="x.css">',
        '<iframe src="about:blank"></iframe>',
    ],
)
def test_html_with_imagery_script_or_outside_references_is_refused(html: str, tmp_path: Path):
    with pytest.raises(DocumentError):
        check_html(f"<!DOCTYPE html><html><body>{html}</body></html>")
    files, meta = package_files(_referral())
    files["dossier.html"] = f"<html><body>{html}</body></html>".encode()
    with pytest.raises(PackageContentError, match=r"dossier\.html"):
        write_package(tmp_path / "p", files, meta)


def test_a_pdf_with_a_picture_an_attachment_or_a_script_is_refused(tmp_path: Path):
    from weasyprint import HTML as Weasy
    from weasyprint import Attachment

    image = picture(tmp_path / "generated.jpg", seed=3)  # a benign generated picture
    with_picture = Weasy(string=f'<p>x</p><img src="{image.as_uri()}">').write_pdf()
    attached = Weasy(string="<p>x</p>").write_pdf(attachments=[Attachment(string="notes", name="n.txt")])
    scripted = (
        b"%PDF-1.7\n1 0 obj\n<</Type /Catalog /OpenAction 2 0 R>>\nendobj\n"
        b"2 0 obj\n<</S /JavaScript /JS (app.alert(1))>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n"
    )
    hidden_name = b"%PDF-1.7\n1 0 obj\n<</Type /XObject /Subtype /Im#61ge>>\nendobj\n%%EOF\n"
    jpeg_stream = b"%PDF-1.7\n1 0 obj\n<</Filter /DCTDecode /Length 3>>\nstream\nabc\nendstream\nendobj\n"
    for bad in (with_picture, attached, scripted, hidden_name, jpeg_stream, b"not a pdf"):
        assert bad is not None
        with pytest.raises(DocumentError):
            check_pdf(bad)
    files, meta = package_files(_referral())
    files["dossier.pdf"] = bytes(with_picture or b"")
    with pytest.raises(PackageContentError, match=r"dossier\.pdf"):
        write_package(tmp_path / "p", files, meta)
    good = tmp_path / "good"
    write_package(good, *package_files(_referral()))
    (good / "dossier.pdf").write_bytes(bytes(with_picture or b""))
    assert any("dossier.pdf" in p for p in verify_package(good))


def test_misp_and_stix_carry_the_indicators_and_the_marking():
    from pymisp import MISPEvent
    from stix2 import parse

    items = [
        MediaIndicator("1", "0" * 32, "0" * 40, SHA, "f" * 64, True, "child abuse material"),
        MediaIndicator("2", "1" * 32, "1" * 40, "2" * 64, "", False, "ungraded"),
    ]
    from datetime import date

    raw = misp_event("Operation Test, NZ", items, MARK, date(2019, 3, 1))
    assert raw == misp_event("Operation Test, NZ", items, MARK, date(2019, 3, 1))
    event = MISPEvent()
    event.load(json.loads(raw))
    assert {t.name for t in event.tags} >= {"tlp:amber", 'tiaki:handling="H2"', 'tiaki:evaluation="B2"'}
    files = [o for o in event.objects if o.name == "file"]
    assert len(files) == 2
    new = next(a for a in files[1].attributes if a.object_relation == "sha256")
    assert new.to_ids is False and "tiaki:new-ungraded" in {t.name for t in new.tags}
    bundle = parse(stix_bundle("Operation Test, NZ", items, MARK, date(2019, 3, 1)), allow_custom=False)
    indicators = [o for o in bundle.objects if o.type == "indicator"]
    assert len(indicators) == 2 and SHA in indicators[0].pattern
    assert "new-ungraded" in indicators[1].labels
    markings = {o.id: o for o in bundle.objects if o.type == "marking-definition"}
    assert any(getattr(m, "name", "") == "TLP:AMBER" for m in markings.values())
    statements = [m.definition["statement"] for m in markings.values() if m.definition_type == "statement"]
    assert len(statements) == 1 and statements[0].startswith("TLP:AMBER · H2 · B2")


def test_the_dossier_lists_rows_in_the_order_of_the_files_whatever_order_they_came_in():
    """The database may return a package's rows in any order: the files are sorted, and the dossier
    follows the files, so the same rows always give the same documents."""

    def with_memberships(order: list[int]) -> bytes:
        r = _referral()
        for n in order:
            r.tables["venues.csv"].append([f"v{n}", "d1", "group", f"venue-{n}", ""])
            r.tables["memberships.csv"].append(["a1", f"v{n}", "member", None])
        files, _ = package_files(r)
        return files["dossier.html"]

    forwards, backwards = with_memberships([1, 2, 3]), with_memberships([3, 2, 1])
    assert forwards == backwards
    html = forwards.decode()
    assert html.index("venue-1") < html.index("venue-2") < html.index("venue-3")
