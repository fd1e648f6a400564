"""The partner portal in a real browser (Debian's Chromium, headless, Playwright) against `tiaki serve`:
a partner agency's officer signs in with a second factor, opens the package sent to their agency,
acknowledges receipt and records an arrest; the operation's results page then counts them."""

from __future__ import annotations

import csv
import io
import os
import time
from collections import Counter
from pathlib import Path

import pytest

from requirements import tool
from serving import BROWSER_ARGS, OPERATION, PASSWORD, ROOT, tiaki_cli, totp

pytestmark = pytest.mark.slow
AGENCY = "Partner Police"


def _send_busiest_country(env: dict[str, str]) -> str:
    """Address, write and send the package of the country with the most placed accounts."""
    persons = tiaki_cli(env, "export", "persons", "--operation", OPERATION, "--out", "-")
    counts = Counter(row["country"] for row in csv.DictReader(io.StringIO(persons)) if row["country"])
    country = counts.most_common(1)[0][0]
    tiaki_cli(env, "agency", "add", "--country", country, "--name", AGENCY, "--channel", "liaison")
    tiaki_cli(env, "run", "--operation", OPERATION, "--stage", "refer")
    tiaki_cli(env, "package", "send", "--operation", OPERATION, country, "--reference", "LO-7")
    return country


def _sign_in(page: object, url: str, name: str) -> None:
    """Password, then enrol the second factor with a code computed from the key shown."""
    from playwright.sync_api import expect

    page.goto(url + "/")  # type: ignore[attr-defined]
    page.fill("#id_username", name)  # type: ignore[attr-defined]
    page.fill("#id_password", PASSWORD)  # type: ignore[attr-defined]
    page.click("main button[type=submit]")  # type: ignore[attr-defined]
    expect(page.locator("h1")).to_have_text("Set up your second factor")  # type: ignore[attr-defined]
    secret = page.locator("#totp-secret").inner_text().strip()  # type: ignore[attr-defined]
    page.fill("#id_code", totp(secret, time.time()))  # type: ignore[attr-defined]
    page.click("main button[type=submit]")  # type: ignore[attr-defined]


def test_a_partner_acknowledges_a_package_and_records_an_arrest(
    server: tuple[str, Path], tmp_path: Path
) -> None:
    chromium = tool("chromium", "chromium-browser")
    from playwright.sync_api import expect, sync_playwright

    url, data = server
    env = {**os.environ, "TIAKI_DATA_DIR": str(data), "PYTHONPATH": str(ROOT / "src")}
    env.pop("DATABASE_URL", None)
    env.pop("TIAKI_SECRET_KEY", None)
    country = _send_busiest_country(env)
    for name, role in (("pat", "partner"), ("sue", "supervisor")):
        extra = ["--country", country, "--agency", AGENCY] if role == "partner" else []
        tiaki_cli(
            env,
            *("user", "add", name, "--role", role, "--operation", OPERATION, *extra, "--password-stdin"),
            stdin=PASSWORD + "\n",
        )
    artefacts = Path(os.environ.get("TIAKI_ARTEFACTS") or tmp_path) / "screenshots"
    artefacts.mkdir(parents=True, exist_ok=True)
    update_docs = os.environ.get("TIAKI_UPDATE_SCREENSHOTS") == "1"

    def shot(page: object, name: str) -> None:
        page.screenshot(path=str(artefacts / name), full_page=False)  # type: ignore[attr-defined]
        if update_docs:
            page.screenshot(path=str(ROOT / "docs" / "screenshots" / name))  # type: ignore[attr-defined]

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=BROWSER_ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        blocked: list[str] = []

        def watch(m: object) -> None:
            text = str(getattr(m, "text", ""))
            if "Content Security Policy" in text:
                blocked.append(text)

        page.on("console", watch)

        _sign_in(page, url, "pat")
        expect(page.locator("h1")).to_have_text("Packages sent to you")
        expect(page.locator("main")).not_to_contain_text("Persons")
        page.click("main table >> text=Open")
        expect(page.locator("h1")).to_contain_text(f"the {country} package")
        first = page.locator("#persons tbody code").first.inner_text().strip()
        page.fill("#ack-note", "received by the duty desk")
        page.click("#receipt button")
        expect(page.locator("#receipt")).to_contain_text("acknowledged")
        expect(page.locator("#receipt")).to_contain_text("user:pat")

        page.select_option("#id_person", first)
        page.select_option("#id_kind", "arrested")
        page.fill("#id_occurred_on", time.strftime("%Y-%m-%d"))
        page.click("#record button[type=submit]")
        expect(page.locator("#outcomes tbody")).to_contain_text("arrested")
        expect(page.locator("#outcomes tbody")).to_contain_text(first)
        page.goto(page.url.split("#")[0])  # the send's page from its top
        expect(page.locator("#receipt")).to_contain_text("acknowledged")
        shot(page, "portal.png")
        page.goto(url + "/")
        expect(page.locator("h1")).to_have_text("Packages sent to you")  # never the workspace

        results = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        results.on("console", watch)
        _sign_in(results, url, "sue")
        expect(results.locator("h1")).to_have_text("Operations")
        results.click(f"text={OPERATION}")
        results.click("header nav >> text=Results")
        check_results(results, country)
        shot(results, "results.png")
        browser.close()
    assert not blocked, blocked


def check_results(page: object, country: str) -> None:
    """The results page counts the acknowledged package and the arrest for ``country``."""
    from playwright.sync_api import expect

    table = page.locator("#countries table")  # type: ignore[attr-defined]
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    row = table.locator("tbody tr").filter(has=page.locator(f"td:text-is('{country}')"))  # type: ignore[attr-defined]
    cells = row.locator("td")
    expect(cells.nth(headers.index("acknowledged"))).to_have_text("1")
    expect(cells.nth(headers.index("persons arrested"))).to_have_text("1")
    expect(page.locator("#map svg path[data-iso]").first).to_be_attached()  # type: ignore[attr-defined]
