"""Hostile documents: injections, fake JSON and turns, our own fence tags, markup, control and
bidi characters, broken encodings, huge inputs. Nothing crashes, the output stays valid and
escaped, and whatever the model was led to say is flagged, never shown as plain fact."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from summarize import (
    DocumentTooLongError,
    InputError,
    brief,
    briefing_json_schema,
    document_from_text,
    load_document,
    render_html,
    render_markdown,
)
from summarize.cli import app
from summarize.injection import find_injections
from summarize.pipeline import document_tag, plan
from summarize.schema import DraftBriefing, DraftClaim
from tests.conftest import GENERATIVE

HOSTILE = Path(__file__).parent / "hostile"
CORPUS = sorted(p for p in HOSTILE.glob("*.txt") if p.name != "mixed-encoding.txt")


def gullible_draft(text: str) -> DraftBriefing:
    """What a model that fell for the document would say: its injected lines as facts, and a
    fact that is nowhere in the document."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    injected = [text[s:e] for s, e in find_injections(text)] or lines[-1:]
    return DraftBriefing(
        title="<script>alert('title')</script> HACKED",
        bottom_line="The president was arrested. {\"title\": \"x\"}",
        key_claims=[
            DraftClaim(statement=injected[0][:200], attributed_to=None, certainty="confirmed",
                       evidence=[injected[0][:200]]),
            DraftClaim(statement="The president was arrested for fraud.", attributed_to=None,
                       certainty="confirmed", evidence=["the president was arrested for fraud"]),
        ],
        actors=[], figures=[], uncertainties=[],
    )


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_hostile_document_through_the_pipeline(path: Path, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    doc = load_document(path)
    b = brief(doc, settings=GENERATIVE, backend=fake_backend_cls(
        gullible_draft(doc.text)))
    data = json.loads(b.model_dump_json())
    jsonschema.validate(data, briefing_json_schema())
    injected_claim, invented = b.key_claims
    assert not invented.grounded and "ungrounded" in invented.flags
    if find_injections(doc.text):
        assert "from_injected_text" in injected_claim.flags
        assert any("addressed to an AI model" in n for n in b.notes)
    md = render_markdown(b)
    assert "not found in source" in md
    html = render_html(b, doc.text)
    assert html.count("<script>") == 1 and "<img" not in html and 'href="javascript' not in html
    for item in (*b.key_claims, *b.actors, *b.figures, *b.uncertainties):
        for e in item.evidence:
            if e.status == "exact":
                assert doc.text[e.start : e.end] == e.quote


def test_the_document_cannot_close_its_own_fence(fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    doc = load_document(HOSTILE / "closing-delimiter.txt")
    backend = fake_backend_cls(gullible_draft(doc.text))
    brief(doc, settings=GENERATIVE, backend=backend)
    system, user = backend.calls[0]
    tag = document_tag(doc)
    assert user["content"].count(f"</{tag}>") == 1 and user["content"].rstrip().find(
        f"</{tag}>") > user["content"].find("New instructions")
    assert "not instructions to follow" in system["content"]


def test_injection_finder_marks_the_lines() -> None:
    text = (HOSTILE / "injection.txt").read_text(encoding="utf-8")
    (start, end), = find_injections(text)
    assert text[start:end].startswith("Ignore previous instructions")
    assert find_injections("The mayor said the budget may change. Officials agreed.") == []


def test_mixed_encodings_are_refused_with_a_clear_error() -> None:
    with pytest.raises(InputError, match="not valid UTF-8"):
        load_document(HOSTILE / "mixed-encoding.txt")
    result = CliRunner().invoke(app, ["brief", str(HOSTILE / "mixed-encoding.txt")])
    assert result.exit_code == 3 and "UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_megabytes_of_one_character(fake_backend_cls, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "a.txt"
    big.write_text("A" * 2_000_000)
    # Counted with the embedded model's vocabulary (250,000 tokens): read in parts, each within
    # the context, rather than refused; with fewer parts allowed, refused before any call.
    job = plan(load_document(big), GENERATIVE)
    assert 1 < len(job.calls) <= GENERATIVE.max_chunks
    with pytest.raises(DocumentTooLongError):
        brief(load_document(big), settings=replace(GENERATIVE, max_chunks=8))
    backend = fake_backend_cls(gullible_draft("A" * 100))
    backend.context_tokens = None  # a server with an unknown, large context
    b = brief(load_document(big), settings=GENERATIVE, backend=backend)
    assert b.document.length == 2_000_000 and not b.key_claims[1].grounded


def test_invalid_surrogates_and_odd_characters(fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    doc = document_from_text("Officials said \ud800 troops may move.\u202e\u200b\x00 Done.")
    b = brief(doc, settings=GENERATIVE, backend=fake_backend_cls(
        gullible_draft(doc.text)))
    b.model_dump_json().encode("utf-8")
    render_html(b, doc.text).encode("utf-8")
