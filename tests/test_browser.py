"""The HTML briefing in a real browser: headless Chromium (Debian's package), driven by Playwright.

Skipped when /usr/bin/chromium is absent, unless SUMMARIZE_REQUIRE_BROWSER=1 (CI sets it, after
installing Chromium), where a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from summarize import brief, document_from_text, render_html
from tests.conftest import GENERATIVE
from tests.test_html import HOSTILE
from tests.test_pipeline import draft

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

if not Path(CHROMIUM).exists():
    if os.environ.get("SUMMARIZE_REQUIRE_BROWSER") == "1":
        raise RuntimeError("SUMMARIZE_REQUIRE_BROWSER=1 but Chromium is not installed")
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Any:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield b
        b.close()


def open_page(browser: Any, html: str, tmp_path: Path) -> tuple[Any, list[str]]:
    path = tmp_path / "brief.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: errors.append(f"network: {r.url}")
            if not r.url.startswith(("file:", "data:", "about:")) else None)
    page.goto(path.as_uri())
    return page, errors


def test_clicking_a_claim_marks_its_evidence(browser, seed, fake_backend_cls, tmp_path) -> None:  # type: ignore[no-untyped-def]
    b = brief(seed, settings=GENERATIVE, backend=fake_backend_cls(draft()))
    page, errors = open_page(browser, render_html(b, seed.text), tmp_path)
    assert page.locator("mark.active").count() == 0
    page.click("#key_claims-1")
    active = page.locator("mark.active")
    assert active.count() >= 1
    assert "may have been deployed" in " ".join(active.all_inner_texts())
    assert "selected" in (page.get_attribute("#key_claims-1", "class") or "")
    # Hovering a highlight shows what it supports: a title, and the items light up.
    first = page.locator("mark").first
    assert (first.get_attribute("title") or "").startswith("Supports:")
    first.hover()
    assert page.locator(".item.hover").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "briefing-claim-clicked.png"), full_page=True)
    assert errors == []


def test_markup_in_the_document_stays_inert(browser, fake_backend_cls, tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = document_from_text(HOSTILE, doc_id="hostile.txt")
    b = brief(doc, settings=GENERATIVE, backend=fake_backend_cls(draft()))
    page, errors = open_page(browser, render_html(b, doc.text), tmp_path)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert "<script>window.pwned = 1</script>" in page.inner_text("#source")
    assert page.locator("img").count() == 0
    assert errors == []


def test_compare_report_renders_and_clicking_a_claim_marks_its_evidence(  # type: ignore[no-untyped-def]
        browser, fake_backend_cls, tmp_path) -> None:
    from summarize.render.compare import render_compare_html
    from summarize.runs.compare import Variant, compare
    from tests.conftest import SEED
    from tests.test_compare import worse_draft

    result = compare([str(SEED)], [Variant("v1"), Variant("v2")], strategy="generative",
                     backends={"default": fake_backend_cls(draft(), worse_draft())})
    page, errors = open_page(browser, render_compare_html(result), tmp_path)
    assert page.locator("table.metrics tr").count() > 10
    assert page.locator("td.down").count() >= 1
    assert page.locator("mark.old").count() >= 1 and page.locator("mark.new").count() >= 1
    assert page.locator("mark.focus").count() == 0
    page.locator("li.claim.dropped").first.click()
    focused = " ".join(page.locator("mark.focus").all_inner_texts())
    assert "may have been deployed" in focused
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "compare-report.png"), full_page=True)
    assert errors == []


def test_service_page_briefs_the_seed_and_marks_evidence(browser, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`summarize serve`'s page: paste the seed, submit, see the briefing, click a claim."""
    import socket
    import threading
    import time

    import uvicorn

    from summarize import resolve_settings
    from summarize.service import ServiceOptions, create_app

    seed = (Path(__file__).resolve().parent.parent / "seeds" /
            "north-korean-troops-kursk.txt").read_text(encoding="utf-8")
    app = create_app(resolve_settings(env={}, strategy="extractive"),
                     ServiceOptions(state_dir=tmp_path, keys=("page-key",)))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: errors.append(f"network: {r.url}") if not r.url.startswith(
            (f"http://127.0.0.1:{port}/", "blob:", "about:", "data:")) else None)
        page.goto(f"http://127.0.0.1:{port}/")
        page.fill("#key", "page-key")
        page.dispatch_event("#key", "change")
        page.fill("#text", seed)
        page.click("#submit")
        page.wait_for_selector("#links:not([hidden])", timeout=30_000)
        frame = page.frame_locator("#briefing")
        frame.locator("h1").wait_for()
        assert "North Korean troops" in frame.locator("h1").inner_text()
        frame.locator("#key_claims-1").click()
        assert frame.locator("mark.active").count() >= 1
        assert page.get_attribute("#json-link", "href", timeout=5_000).startswith("blob:")
        assert page.evaluate("sessionStorage.getItem('summarize-key')") == "page-key"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "service-page.png"), full_page=True)
        assert errors == []
    finally:
        server.should_exit = True
        thread.join(timeout=30)
