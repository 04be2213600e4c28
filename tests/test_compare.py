"""Comparing prompt versions: metrics, the schema-aware diff, the regression gate both ways, the
cache, every output format, and a real comparison replayed from a cassette."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.pipeline import brief
from summarize.runs.compare import Variant, compare, regressions
from summarize.runs.diff import diff_briefings
from summarize.schema import DraftClaim
from tests.conftest import GENERATIVE, SEED, tool_call_completion
from tests.test_pipeline import draft

SEED_TEXT = SEED.read_text(encoding="utf-8")


def worse_draft() -> Any:
    """v2's answer: one claim dropped, a certainty changed, a figure's qualifier changed, an
    invented claim added."""
    base = draft()
    claims = [c.model_copy(update={"certainty": "likely"}) if i == 0 else c
              for i, c in enumerate(base.key_claims[:2])]
    claims.append(DraftClaim(statement="Napoleon crossed the Kursk border with 90,000 men.",
                             attributed_to=None, certainty="confirmed",
                             evidence=["Napoleon crossed the border with 90,000 men."]))
    figures = [f.model_copy(update={"qualifier": "at_least"}) if f.value == 12 else f
               for f in base.figures]
    return base.model_copy(update={"key_claims": claims, "figures": figures})


def test_diff_finds_what_changed(seed: Any, fake_backend_cls: Any) -> None:
    old = brief(seed, settings=GENERATIVE, backend=fake_backend_cls(draft()))
    new = brief(seed, settings=GENERATIVE, backend=fake_backend_cls(worse_draft()))
    d = diff_briefings(old, new, seed.text)
    assert [c["statement"] for c in d["claims_added"]] == [
        "Napoleon crossed the Kursk border with 90,000 men."]
    assert [c["statement"] for c in d["claims_dropped"]] == ["Troops may have been deployed."]
    assert [(c["from"], c["to"]) for c in d["certainty_changed"]] == [("possible", "likely")]
    assert any(f["fields"] == ["qualifier"] for f in d["figures_changed"])
    assert diff_briefings(old, old, seed.text) == {k: [] for k in d}


def test_compare_metrics_and_gate_in_the_library(fake_backend_cls: Any, tmp_path: Path) -> None:
    fake = fake_backend_cls(draft(), worse_draft())
    result = compare([str(SEED)], [Variant("v1"), Variant("v2")], strategy="generative",
                     backends={"default": fake})
    v1, v2 = result.metrics["v1"], result.metrics["v2"]
    assert v1["schema_valid_rate"] == v2["schema_valid_rate"] == 1.0
    assert v2["ungrounded_items"] > v1["ungrounded_items"]
    assert v2["grounding_rate"] < v1["grounding_rate"]
    assert v1["tokens_in"] == 10 and v1["cost_usd"] == 0.0  # a local model costs nothing
    assert regressions(result, ["grounding_rate"]) and not regressions(result, ["tokens_in"])
    # The first messages were rendered from v1, the second from v2.
    assert fake.calls[0] != fake.calls[1]


def _stub_answers(state: Any, first: Any, second: Any) -> None:
    state.script = [(200, tool_call_completion(json.dumps(first.model_dump())), {}),
                    (200, tool_call_completion(json.dumps(second.model_dump())), {})]


@pytest.mark.parametrize(("first", "second", "code"), [
    (draft, worse_draft, 13),   # v2 is worse than the baseline: the gate closes
    (worse_draft, draft, 0),    # v2 is better: the gate stays open
])
def test_regression_gate_both_ways(stub: Any, tmp_path: Path, first: Any, second: Any,
                                   code: int) -> None:
    state, url = stub
    _stub_answers(state, first(), second())
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, [
        "compare", "--baseline", "v1", "--prompt", "v2", str(SEED), "--base-url", url,
        "--model", "m", "--fail-on-regression", "grounding_rate,ungrounded_items",
        "--format", "json", "-o", str(out)])
    assert result.exit_code == code, result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [v["label"] for v in report["variants"]] == ["v1", "v2"]
    assert report["baseline"] == "v1"
    if code:
        assert "regression: v2: grounding_rate" in result.stderr
    else:
        assert "no regression" in result.stderr
    # Run again: every answer comes from the cache, no model call.
    asked = state.requests
    again = CliRunner().invoke(app, [
        "compare", "--baseline", "v1", "--prompt", "v2", str(SEED), "--base-url", url,
        "--model", "m", "--format", "markdown"])
    assert again.exit_code == 0 and state.requests == asked == 2
    assert "| grounding_rate |" in again.stdout


def test_unknown_metric_and_single_version_are_clear_errors(tmp_path: Path) -> None:
    one = CliRunner().invoke(app, ["compare", "--prompt", "v1", str(SEED)])
    assert one.exit_code == 5 and "at least two" in one.stderr
    bad = CliRunner().invoke(app, ["compare", "--prompt", "v1", "--prompt", "v2", str(SEED),
                                   "--fail-on-regression", "beauty"])
    assert bad.exit_code == 5 and "unknown metric" in bad.stderr
    unknown = CliRunner().invoke(app, ["compare", "--prompt", "v1", "--prompt", "v9", str(SEED),
                                       "-s", "guided"])
    assert unknown.exit_code == 5 and "v9" in unknown.stderr


def test_table_and_html_outputs(stub: Any, tmp_path: Path) -> None:
    state, url = stub
    _stub_answers(state, draft(), worse_draft())
    args = ["compare", "-p", "v1", "-p", "v2", str(SEED), "--base-url", url, "--model", "m"]
    table = CliRunner().invoke(app, args)
    assert table.exit_code == 0, table.stderr
    assert "grounding_rate" in table.stdout and "▼" in table.stdout
    assert "claims dropped: Troops may have been deployed." in table.stdout
    html = CliRunner().invoke(app, [*args, "-f", "html", "-o", str(tmp_path / "c.html")])
    assert html.exit_code == 0
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "http" not in page.split("<body>")[0]
    assert 'class="claim dropped"' in page and 'class="claim added"' in page


@pytest.mark.vcr
def test_real_comparison_of_guided_prompts_replays_from_the_cassette(model_base_url: str,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "compare.json"
    result = CliRunner().invoke(app, [
        "compare", "-p", "v1", "-p", "v2", str(SEED), "-s", "guided", "--base-url",
        model_base_url, "--model", "smollm2-135m-instruct", "-f", "json", "-o", str(out),
        "--fail-on-regression", "schema_valid_rate,grounding_rate"])
    assert result.exit_code in (0, 13), result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    for variant in report["variants"]:
        m = variant["metrics"]
        assert m["schema_valid_rate"] == 1.0 and m["grounding_rate"] == 1.0
        assert m["tokens_in"] > 500 and m["figure_recall"] is not None
    briefings = report["documents"][0]["briefings"]
    assert briefings["v1"]["provenance"]["prompt"]["version"] == "v1"
    assert briefings["v2"]["provenance"]["prompt"]["version"] == "v2"
    assert result.exit_code == 0  # guided stays grounded whatever the prompt
