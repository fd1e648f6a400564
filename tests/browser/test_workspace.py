"""The workspace in a real browser: Debian's Chromium, headless, driven by Playwright, against
`tiaki serve` on 127.0.0.1 over a synthetic operation made by `tiaki demo` (``conftest.py``).

Screenshots are kept as test artefacts (``$TIAKI_ARTEFACTS`` or the test's temporary folder); with
``TIAKI_UPDATE_SCREENSHOTS=1`` they are also written to ``docs/screenshots/`` for the user guide.
"""

from __future__ import annotations

import csv
import os
import time
from pathlib import Path

import pytest

from requirements import tool
from serving import BROWSER_ARGS, OPERATION, PASSWORD, ROOT, totp

pytestmark = pytest.mark.slow


def _phone_written_another_way(data: Path) -> tuple[str, str]:
    """A phone number from the demo's disclosure (as disclosed), and the same number written with
    the international call prefix and other spacing."""
    (bundle,) = (data / "demo").glob("synth-*/bundle")
    with (bundle / "identifiers.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            value = row["value"]
            if row["kind"] == "phone" and value.startswith("+"):
                digits = "".join(ch for ch in value if ch.isdigit())
                return value, f"00 {digits[:2]} {digits[2:5]}-{digits[5:]}"
    raise AssertionError("the demo disclosed no international phone number")


def test_an_investigator_signs_in_searches_and_rejects_a_link(
    server: tuple[str, Path], tmp_path: Path
) -> None:
    chromium = tool("chromium", "chromium-browser")
    from playwright.sync_api import expect, sync_playwright

    url, data = server
    artefacts = Path(os.environ.get("TIAKI_ARTEFACTS") or tmp_path) / "screenshots"
    artefacts.mkdir(parents=True, exist_ok=True)
    update_docs = os.environ.get("TIAKI_UPDATE_SCREENSHOTS") == "1"

    def shot(page: object, name: str) -> None:
        page.screenshot(path=str(artefacts / name), full_page=False)  # type: ignore[attr-defined]
        if update_docs:
            page.screenshot(path=str(ROOT / "docs" / "screenshots" / name))  # type: ignore[attr-defined]

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("dialog", lambda dialog: dialog.accept())
        blocked: list[str] = []
        page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)

        # Sign in: password, then enrol the second factor with a code computed from the shown key.
        page.goto(url + "/")
        page.fill("#id_username", "sam")
        page.fill("#id_password", PASSWORD)
        page.click("main button[type=submit]")
        expect(page.locator("h1")).to_have_text("Set up your second factor")
        expect(page.locator("figure.qr svg")).to_be_visible()
        shot(page, "enrol.png")
        secret = page.locator("#totp-secret").inner_text().strip()
        page.fill("#id_code", totp(secret, time.time()))
        page.click("main button[type=submit]")
        expect(page.locator("h1")).to_have_text("Operations")

        # The dashboard and its map.
        page.click(f"text={OPERATION}")
        expect(page.locator("#map svg path[data-iso]").first).to_be_attached()
        expect(page.locator("#funnel svg")).to_be_visible()
        shot(page, "dashboard.png")

        # Search a person by a phone written another way.
        disclosed, typed = _phone_written_another_way(data)
        page.fill("#q", typed)
        page.click("form.search button")
        expect(page.locator("table.persons tbody a").first).to_be_visible()
        shot(page, "search.png")
        page.locator("table.persons tbody a").first.click()
        expect(page.locator("#identifiers")).to_contain_text(disclosed)

        # Reject a link of the first person in triage order who has one.
        page.goto(page.url.split("/persons/")[0] + "/persons/")
        labels = page.locator("table.persons tbody a").all_inner_texts()
        for label in labels:
            page.goto(page.url.split("/persons/")[0] + f"/persons/{label}/")
            if page.locator("form.decide").count():
                break
        else:
            pytest.fail("no person on the first page has a link")
        shot(page, "person.png")
        form = page.locator("form.decide").first
        form.locator("input[name=reason]").fill("two people sharing one address")
        form.locator("button[value=reject]").click()
        expect(page.locator("#decisions")).to_contain_text("two people sharing one address")
        expect(page.locator("#decisions")).to_contain_text("these two accounts are not one person")

        # Its audit event.
        page.click("header nav >> text=Audit")
        page.fill("input[name=action]", "subjects.reject-link")
        page.click("form.filters button")
        expect(page.locator("table.audit tbody")).to_contain_text("user:sam")
        expect(page.locator("table.audit tbody")).to_contain_text("two people sharing one address")
        shot(page, "audit.png")
        browser.close()
    assert not blocked, blocked
