"""The whole pipeline against real exchanges with the embedded model, replayed from cassettes.

Re-record: .venv/bin/python -m pytest -m vcr --record-mode=rewrite
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from summarize import brief, render_html, render_markdown, resolve_settings
from summarize.cli import app
from summarize.core.checks import invented_entities
from summarize.core.grounding import normalize
from summarize.strategies.base import certainty_of, weaker
from tests.conftest import GENERATIVE

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korean-troops-kursk.txt"
SCHEMA = json.loads((ROOT / "schemas" / "briefing.schema.json").read_text(encoding="utf-8"))


@pytest.mark.vcr
def test_seed_json_from_the_cli_is_valid_grounded_and_has_the_troops_figure(
    model_base_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(app, [
        "brief", str(SEED), "--format", "json", "-o", str(out),
        "--base-url", model_base_url, "--model", "smollm2-135m-instruct",
    ])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    text = SEED.read_text(encoding="utf-8")
    checked = 0
    for section in ("key_claims", "actors", "figures", "uncertainties"):
        for item in data[section]:
            found = any(e["status"] != "ungrounded" for e in item["evidence"])
            assert item["grounded"] == (found and "figure_not_in_evidence" not in item["flags"])
            for e in item["evidence"]:
                if e["status"] in ("exact", "normalized"):
                    checked += 1
                    piece = text[e["start"] : e["end"]]
                    if e["status"] == "exact":
                        assert piece == e["quote"]
                    else:
                        assert normalize(piece) == normalize(e["quote"])
    assert checked > 0
    troops = [f for f in data["figures"] if f["value"] == 10000]
    assert troops and troops[0]["qualifier"] == "approximate" and troops[0]["unit"] == "troops"
    p = data["provenance"]
    assert p["usage"]["prompt_tokens"] > 0 and p["usage"]["completion_tokens"] > 0
    assert p["attempts"] >= 1 and p["prompt"]["version"] == "v1"


@pytest.mark.vcr
def test_seed_markdown_from_the_library(seed, recorded_backend) -> None:  # type: ignore[no-untyped-def]
    b = brief(seed, settings=GENERATIVE, backend=recorded_backend)
    md = render_markdown(b)
    for heading in ("## Key claims", "## Actors", "## Figures", "## Uncertainties"):
        assert heading in md
    assert b.provenance.backend == "local"
    # Whatever the tiny model invented is marked, never shown as plain fact.
    for item in (*b.key_claims, *b.actors, *b.uncertainties):
        line = next(ln for ln in md.splitlines() if ln.startswith("- ") and (
            getattr(item, "statement", None) or f"**{getattr(item, 'name', '')}**") in ln)
        assert ("not found in source" in line) == (not item.grounded)


GUIDED = resolve_settings(env={}, strategy="guided")


@pytest.mark.vcr
def test_seed_guided_selects_verbatim_and_invents_nothing(seed, recorded_backend) -> None:  # type: ignore[no-untyped-def]
    b = brief(seed, settings=GUIDED, backend=recorded_backend)
    assert b.provenance.strategy == "guided" and b.provenance.prompt is not None
    assert b.provenance.usage.completion_tokens > 0
    assert len(b.key_claims) >= 3  # completed from the salience ranking when the model picks few
    assert invented_entities(f"{b.title} {b.bottom_line}", seed.text) == []
    for claim in b.key_claims:
        e = claim.evidence[0]
        assert claim.grounded and e.status == "exact" and seed.text[e.start : e.end] == e.quote
        assert claim.certainty == weaker(claim.certainty, certainty_of(e.quote))
    for sentence in b.bottom_line.split(". "):
        assert sentence.rstrip(".") in " ".join(seed.text.split())
    assert any(f.value == 10000 and f.qualifier == "approximate" for f in b.figures)


def test_seed_extractive_needs_no_model(seed) -> None:  # type: ignore[no-untyped-def]
    b = brief(seed, settings=resolve_settings(env={}, strategy="extractive"))
    assert (b.provenance.strategy, b.provenance.model, b.provenance.backend) == (
        "extractive", "none", "none")
    assert b.title == "Intelligence report: North Korean troops may join Russia-Ukraine front lines"
    assert b.key_claims[0].statement.startswith("South Korea's Defense Intelligence Agency has "
                                                "indicated that some North Korean troops may")
    assert b.key_claims[0].certainty == "possible"
    assert b.key_claims[0].attributed_to == "South Korea's Defense Intelligence Agency"
    assert b.grounding.rate == 1.0 and all(i.grounded for i in b.key_claims)
    names = {a.name for a in b.actors}
    assert {"Pentagon", "Sabrina Singh", "Mark Rutte"} <= names
    assert len(b.uncertainties) >= 5
    text = " ".join([b.title, b.bottom_line, *(a.name for a in b.actors),
                     *(f.text for f in b.figures)])
    assert invented_entities(text, seed.text) == []
    assert "extractive · model none (none) · no prompt" in render_markdown(b)
    assert "<footer>" in render_html(b, seed.text)
