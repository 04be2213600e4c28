"""A planted API key never reaches anything the tool writes: stdout, stderr (even with -v),
output files, error messages, cassettes (see test_cassettes_clean.py), settings' repr."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize import resolve_settings
from summarize.cli import app
from tests.conftest import tool_call_completion
from tests.test_pipeline import draft

SEED = Path(__file__).resolve().parent.parent / "seeds" / "north-korean-troops-kursk.txt"
PLANTED = "sk-planted-" + "k" * 40


def test_settings_never_show_the_key() -> None:
    settings = resolve_settings(model="openai/gpt-4o-mini", env={"OPENAI_API_KEY": PLANTED})
    assert settings.api_key == PLANTED
    assert PLANTED not in repr(settings) and PLANTED not in str(settings)


@pytest.mark.parametrize("status", [200, 401, 500])
def test_planted_key_is_in_nothing_written(stub: Any, tmp_path: Path, status: int,
                                           caplog: pytest.LogCaptureFixture) -> None:
    state, url = stub
    state.status = status
    state.body = (tool_call_completion(json.dumps(draft().model_dump())) if status == 200
                  else {"error": {"message": "denied"}})
    env = {"SUMMARIZE_API_KEY": PLANTED, "OPENAI_API_KEY": PLANTED}
    written = []
    caplog.set_level(logging.DEBUG)
    for fmt in ("json", "markdown", "html"):
        out = tmp_path / f"brief.{fmt}"
        result = CliRunner().invoke(app, ["brief", str(SEED), "-v", "-f", fmt, "-o", str(out),
                                          "--base-url", url, "--model", "m"], env=env)
        written += [result.stdout, result.stderr]
        if out.exists():
            written.append(out.read_text(encoding="utf-8"))
    written.append(caplog.text)
    assert any(written), "nothing was written at all"
    for text in written:
        assert PLANTED not in text and "k" * 40 not in text


@pytest.mark.parametrize("status", [200, 401])
def test_planted_key_is_not_in_batch_output_cache_or_run_log(stub: Any, tmp_path: Path,
                                                             status: int) -> None:
    state, url = stub
    state.status = status
    state.body = (tool_call_completion(json.dumps(draft().model_dump())) if status == 200
                  else {"error": {"message": "denied"}})
    env = {"SUMMARIZE_API_KEY": PLANTED, "OPENAI_API_KEY": PLANTED}
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(SEED), str(SEED.parent), "-v", "-o",
                                      str(out), "--base-url", url, "--model", "m"], env=env)
    assert result.exit_code == (0 if status == 200 else 12), result.stderr
    runs = CliRunner().invoke(app, ["runs", "--format", "json"])
    written = [result.stdout, result.stderr, out.read_text(encoding="utf-8"), runs.stdout]
    import os

    for folder in (os.environ["SUMMARIZE_CACHE_DIR"], os.environ["SUMMARIZE_STATE_DIR"]):
        files = [p for p in Path(folder).rglob("*") if p.is_file()]
        assert files, f"nothing in {folder}"
        written += [p.read_bytes().decode("latin-1") for p in files]
    for text in written:
        assert PLANTED not in text and "k" * 40 not in text


@pytest.mark.parametrize("status", [200, 401])
def test_stored_key_is_in_nothing_written(stub: Any, tmp_path: Path, status: int) -> None:
    """A key from `summarize keys set` (for a configured server) is sent, never written."""
    import os

    from summarize.userconfig import config_dir

    state, url = stub
    state.status = status
    state.body = (tool_call_completion(json.dumps(draft().model_dump())) if status == 200
                  else {"error": {"message": "denied"}})
    config = config_dir()
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(f'[servers.box]\nbase_url = "{url}"\nmodel = "m"\n')
    stored = CliRunner().invoke(app, ["keys", "set", "box"], input=PLANTED + "\n", env={})
    assert stored.exit_code == 0, stored.stderr
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(SEED), "-v", "-o", str(out), "--model",
                                      "box"], env={"SUMMARIZE_API_KEY": "", "OPENAI_API_KEY": ""})
    assert result.exit_code == (0 if status == 200 else 12), result.stderr
    shown = CliRunner().invoke(app, ["config", "show", "--model", "box"], env={})
    assert "hidden" in shown.stdout
    listed = CliRunner().invoke(app, ["keys", "list"])
    runs = CliRunner().invoke(app, ["runs", "--format", "json"])
    written = [result.stdout, result.stderr, out.read_text(encoding="utf-8"), runs.stdout,
               shown.stdout, shown.stderr, listed.stdout, stored.stdout, stored.stderr]
    for folder in (os.environ["SUMMARIZE_CACHE_DIR"], os.environ["SUMMARIZE_STATE_DIR"]):
        written += [p.read_bytes().decode("latin-1") for p in Path(folder).rglob("*")
                    if p.is_file()]
    for text in written:
        assert PLANTED not in text and "k" * 40 not in text


def test_credentials_in_the_server_url_are_never_echoed() -> None:
    url = "http://alice:hunter2-secret@127.0.0.1:1/v1?api-key=zzz-secret"
    result = CliRunner().invoke(app, ["brief", str(SEED), "--base-url", url, "--model", "m",
                                      "-v"], env={"OPENAI_API_KEY": ""})
    assert result.exit_code == 8, result.stderr
    assert "127.0.0.1:1" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout
    assert "zzz-secret" not in result.stderr + result.stdout
