from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from summarize import SCHEMA_VERSION, briefing_json_schema
from summarize.cli import app
from summarize.schema import briefing_json_schema_text
from summarize.schema.draft import DraftFigure

COMMITTED = Path(__file__).resolve().parent.parent / "schemas" / "briefing.schema.json"


def test_committed_schema_matches_the_models() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == briefing_json_schema_text(), (
        "schemas/briefing.schema.json is stale: run `summarize schema -o "
        "schemas/briefing.schema.json` and bump SCHEMA_VERSION if the contract changed"
    )


def test_schema_command_prints_the_committed_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == COMMITTED.read_text(encoding="utf-8")


def test_contract_names_are_kept() -> None:
    schema = briefing_json_schema()
    assert schema["x-schema-version"] == SCHEMA_VERSION
    assert set(schema["required"]) >= {
        "title", "bottom_line", "key_claims", "actors", "figures", "uncertainties",
        "document", "provenance", "grounding",
    }
    defs = schema["$defs"]
    assert set(defs["Evidence"]["properties"]) >= {"quote", "start", "end", "status"}
    assert set(defs["KeyClaim"]["properties"]) >= {
        "statement", "attributed_to", "certainty", "evidence", "grounded"}
    assert set(defs["Actor"]["properties"]) >= {"name", "kind", "role", "evidence", "grounded"}
    assert set(defs["Figure"]["properties"]) >= {
        "text", "value", "unit", "qualifier", "low", "high", "evidence", "grounded"}
    assert set(defs["Uncertainty"]["properties"]) >= {"statement", "cue", "evidence", "grounded"}
    status = defs["Evidence"]["properties"]["status"]["enum"]
    assert status == ["exact", "normalized", "fuzzy", "ungrounded"]
    json.dumps(schema)


@pytest.mark.parametrize("value", ["1e999", "NaN", "-Infinity"])
def test_a_figure_is_a_finite_number(value: str) -> None:
    # JSON has no infinity: a model's 1e999 once became a "value": null in the briefing
    draft = '{"text": "x", "value": %s, "unit": "m", "qualifier": "exact", "evidence": ["x"]}'
    with pytest.raises(ValidationError, match="finite"):
        DraftFigure.model_validate_json(draft % value)
    assert DraftFigure.model_validate_json(draft % "1e300").value == 1e300
