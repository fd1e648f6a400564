"""The workspace in a real browser: Debian's Chromium, headless, driven by Playwright, against
`tiaki serve` on 127.0.0.1 over a synthetic operation made by `tiaki demo`.

Screenshots are kept as test artefacts (``$TIAKI_ARTEFACTS`` or the test's temporary folder); with
``TIAKI_UPDATE_SCREENSHOTS=1`` they are also written to ``docs/screenshots/`` for the user guide.
"""

from __future__ import annotations

import base64
import csv
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from requirements import tool

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"
ACCOUNTS = 300
OPERATION = f"demo-{ACCOUNTS}-7"
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _tiaki(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "tiaki.cli.main", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`tiaki serve` on 127.0.0.1 over a demo operation, with a supervisor 'sam' (no second factor yet)."""
    data = tmp_path_factory.mktemp("workspace-data")
    env = {**os.environ, "TIAKI_DATA_DIR": str(data), "PYTHONPATH": str(ROOT / "src")}
    env.pop("DATABASE_URL", None)  # the browser test works on its own SQLite case
    env.pop("TIAKI_SECRET_KEY", None)
    _tiaki(env, "demo", "--accounts", str(ACCOUNTS))
    _tiaki(
        env,
        "user",
        "add",
        "sam",
        "--role",
        "supervisor",
        "--operation",
        OPERATION,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    port = _free_port()
    log = (data / "serve.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tiaki.cli.main",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--threads",
            "4",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("tiaki serve did not answer: " + (data / "serve.log").read_text())
        yield url, data
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _totp(secret: str, at: float) -> str:
    """RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as the user's authenticator app computes it."""
    from django_otp.oath import hotp

    return f"{hotp(base64.b32decode(secret), int(at // 30), digits=6):06d}"


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
        page.fill("#id_code", _totp(secret, time.time()))
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
