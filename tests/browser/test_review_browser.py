"""The media review in a real browser (Debian's Chromium through Playwright) against `tiaki serve`
over the demo operation: what the browser is sent first is the blurred derivative; a reveal is
audited and blurs again by itself; a reviewer over budget is served no more severe items.

Every picture is a benign generated one (the demo's). The provider's classification "A1" is set on
the demo's uploads as a label, so that the queue expects every new item to be severe."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from requirements import tool
from serving import ACCOUNTS, BROWSER_ARGS, OPERATION, PASSWORD, ROOT, serve, tiaki_cli, totp

pytestmark = pytest.mark.slow
REVEAL_SECONDS = 3
MARK_SEVERE = f"""
import django
django.setup()
from tiaki.apps.intake.models import Upload
Upload.objects.filter(disclosure__operation__name={OPERATION!r}).update(industry_classification="A1")
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`tiaki serve` over the demo, with a reviewer 'rita' whose budget is one severe item a day."""
    data = tmp_path_factory.mktemp("review-data")
    env = {
        **os.environ,
        "TIAKI_DATA_DIR": str(data),
        "PYTHONPATH": str(ROOT / "src"),
        "TIAKI_REVEAL_SECONDS": str(REVEAL_SECONDS),
        "DJANGO_SETTINGS_MODULE": "tiaki.config.settings",
    }
    env.pop("DATABASE_URL", None)
    env.pop("TIAKI_SECRET_KEY", None)
    tiaki_cli(env, "demo", "--accounts", str(ACCOUNTS))
    done = subprocess.run([sys.executable, "-c", MARK_SEVERE], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    tiaki_cli(env, "user", "add", "rita", "--role", "reviewer", "--operation", OPERATION, "--password-stdin",
              stdin=PASSWORD + "\n")  # fmt: skip
    tiaki_cli(env, "review", "budget", "--operation", OPERATION, "--reviewer", "user:rita", "--per-day", "1")
    with serve(env, data) as url:
        yield url, data


def _actions(data: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(data / "tiaki.sqlite3") as db:
        return list(db.execute("SELECT action, target FROM audit_auditevent ORDER BY seq"))


def test_a_reviewer_sees_blurred_reveals_deliberately_and_is_stopped_at_the_budget(
    server: tuple[str, Path],
) -> None:
    chromium = tool("chromium", "chromium-browser")
    from playwright.sync_api import expect, sync_playwright

    url, data = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        blocked: list[str] = []
        page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
        media: list[tuple[str, int, str]] = []  # every picture or video response, in order

        def served(response: object) -> None:
            r = response  # a Playwright Response
            kind = r.headers.get("content-type", "")  # type: ignore[attr-defined]
            if kind.startswith(("image/", "video/")) and "/static/" not in r.url:  # type: ignore[attr-defined]
                media.append((r.url, r.status, r.headers.get("cache-control", "")))  # type: ignore[attr-defined]

        page.on("response", served)

        page.goto(url + "/")
        page.fill("#id_username", "rita")
        page.fill("#id_password", PASSWORD)
        page.click("main button[type=submit]")
        secret = page.locator("#totp-secret").inner_text().strip()
        page.fill("#id_code", totp(secret, time.time()))
        page.click("main button[type=submit]")
        page.click(f"text={OPERATION}")
        page.click("header nav >> text=Media")
        expect(page.locator("h1")).to_have_text("Media review")
        with page.expect_response(
            lambda r: (
                "/media/items/" in r.url
                and "/static/" not in r.url
                and r.headers.get("content-type", "").startswith(("image/", "video/"))
            )
        ) as first:
            page.click("#next-item")
        expect(page.locator("img#media-view.blurred")).to_be_visible()
        key = page.url.rstrip("/").split("/")[-1]

        # The first media bytes the browser received: the derivative, grey, small, not cacheable.
        body = first.value.body()
        assert media, "no picture was served"
        first_url, status, cache = media[0]
        assert first.value.url == first_url
        assert first_url.endswith(f"/media/items/{key}/derivative.png") and status == 200
        assert cache.startswith("no-store")
        shown = Image.open(io.BytesIO(body))
        assert shown.format == "PNG" and shown.mode == "L" and max(shown.size) <= 160
        assert not any("/original" in u for u, _, _ in media)

        # Reveal: a button and a reason; the original is served, audited, then the view blurs again.
        page.fill("#id_reason", "read the calendar on the wall")
        page.click("#reveal")
        expect(page.locator("img#media-view.revealed")).to_be_visible()
        originals = [(u, s, c) for u, s, c in media if u.endswith(f"/media/items/{key}/original")]
        assert originals and originals[0][1] == 200 and originals[0][2].startswith("no-store")
        actions = _actions(data)
        assert ("media.revealed", key) in actions and ("media.original-served", key) in actions
        expect(page.locator("img#media-view.blurred")).to_be_visible(timeout=(REVEAL_SECONDS + 10) * 1000)
        assert page.locator("img#media-view.revealed").count() == 0
        again = page.request.get(page.url.rstrip("/") + "/original")
        assert again.status == 403  # the window has closed

        # Grade it (a severe item: the budget of one is reached); the queue serves no more severe items.
        page.check("input[name=age_bands][value=prepubescent]")
        page.check("input[name=depiction][value=real]")
        page.check("input[name=conduct][value=non-penetrative]")
        before = len(media)
        page.click("button[name=then][value=next]")
        expect(page.locator("#take-a-break")).to_be_visible()
        expect(page.locator("#queue-empty")).to_be_visible()
        assert len(media) == before  # no further item was sent
        assert ("media.grade", key) in _actions(data)
        browser.close()
    assert not blocked, blocked
