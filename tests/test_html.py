"""The HTML page and the one-page PDF (no browser needed here; see test_browser.py)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pypdf
from typer.testing import CliRunner

from summarize import brief, document_from_text, render_html, render_pdf
from summarize.cli import app
from summarize.schema import DraftClaim
from tests.conftest import GENERATIVE, tool_call_completion
from tests.test_pipeline import draft

SEED = Path(__file__).resolve().parent.parent / "seeds" / "north-korean-troops-kursk.txt"
HOSTILE = (
    "Officials said the <script>window.pwned = 1</script> report may be wrong. "
    "<img src=x onerror=\"window.pwned = 2\"> The agency said 300 troops & 2 tanks moved.\n"
)


def pages(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def test_html_has_every_item_and_its_evidence_marked(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = brief(seed, settings=GENERATIVE, backend=fake_backend_cls(draft()))
    html = render_html(b, seed.text)
    for claim in b.key_claims:
        assert claim.statement.replace("'", "&#39;") in html
    item = re.search(r'<li class="item[^"]*" id="key_claims-1" data-ev="([^"]+)"', html)
    assert item, "the first claim is not clickable"
    for ev in item.group(1).split():
        assert re.search(rf'<mark data-ev="[^"]*\b{ev}\b[^"]*" title="Supports: [^"]*Claim 1', html)
    # The source is all there, in order, once the marks are taken out.
    source = re.search(r'<div class="text">(.*?)</div>', html, re.S).group(1)  # type: ignore[union-attr]
    plain = re.sub(r"</?mark[^>]*>", "", source)
    assert plain.replace("&#39;", "'").replace("&amp;", "&") == seed.text
    assert "not found in source" in html


def test_html_is_self_contained_and_escapes_the_document(fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    doc = document_from_text(HOSTILE, doc_id="hostile.txt")
    b = brief(doc, settings=GENERATIVE, backend=fake_backend_cls(draft(
        title="<script>alert('title')</script>",
        key_claims=[DraftClaim(statement="<b>bold</b> claim", attributed_to="Officials",
                               certainty="possible", evidence=["report may be wrong"])],
    )))
    html = render_html(b, doc.text)
    assert html.count("<script>") == 1, "only our own script may be in the page"
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert "<img" not in html and "<b>bold" not in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import|url\(""", html)


def test_pdf_of_the_seed_is_exactly_one_page(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = brief(seed, settings=GENERATIVE, backend=fake_backend_cls(draft()))
    reader = pages(render_pdf(b, seed.text))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Key claims".upper() in text.upper() and "10,000" in text
    assert "left out" not in text


def test_pdf_of_an_overfull_briefing_stays_one_page_and_says_what_was_left_out(
    seed, fake_backend_cls  # type: ignore[no-untyped-def]
) -> None:
    b = brief(seed, settings=GENERATIVE, backend=fake_backend_cls(draft()))
    # More than any page holds (models are capped, but a merged briefing need not be).
    b = b.model_copy(update={"key_claims": b.key_claims * 12, "uncertainties": b.uncertainties * 3})
    reader = pages(render_pdf(b, seed.text))
    assert len(reader.pages) == 1
    assert "left out of this page" in " ".join(reader.pages[0].extract_text().split())
    assert render_html(b, seed.text).count('class="item') >= len(b.key_claims)


def test_cli_writes_html_and_pdf(stub: Any, tmp_path: Path) -> None:
    state, url = stub
    state.body = tool_call_completion(json.dumps(draft().model_dump()))
    for fmt in ("html", "pdf"):
        out = tmp_path / f"brief.{fmt}"
        result = CliRunner().invoke(app, ["brief", str(SEED), "-f", fmt, "-o", str(out),
                                          "--base-url", url, "--model", "m"])
        assert result.exit_code == 0, result.stderr
        data = out.read_bytes()
        assert data.startswith(b"%PDF") if fmt == "pdf" else data.startswith(b"<!DOCTYPE html>")


def test_open_writes_a_file_and_opens_it(stub: Any, tmp_path: Path, monkeypatch: Any) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda uri: opened.append(uri) or True)
    state, url = stub
    state.body = tool_call_completion(json.dumps(draft().model_dump()))
    result = CliRunner().invoke(app, ["brief", str(SEED), "-f", "html", "--open",
                                      "--base-url", url, "--model", "m"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and len(opened) == 1 and opened[0].startswith("file://")
    path = Path(opened[0].removeprefix("file://"))
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
