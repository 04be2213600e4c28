"""Faults of the model server, from a scripted HTTP server on loopback: bounded retries with
backoff where a retry can help (429, 5xx, time-out), Retry-After honoured, one clear line
naming the backend and the cause otherwise, usage summed over attempts."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize import BackendUnavailableError, brief, load_document
from summarize.cli import app
from tests.conftest import GENERATIVE, tool_call_completion
from tests.test_pipeline import draft

SEED = Path(__file__).resolve().parent.parent / "seeds" / "north-korean-troops-kursk.txt"
VALID = tool_call_completion(json.dumps(draft().model_dump()))


def run(url: str, tmp_path: Path, *extra: str) -> Any:
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(app, ["brief", str(SEED), "-f", "json", "-o", str(out),
                                      "--base-url", url, "--model", "m", *extra])
    assert "Traceback" not in result.stderr
    return result, out


@pytest.mark.parametrize("status", [429, 500, 502, 503])
def test_transient_errors_are_retried(stub: Any, tmp_path: Path, status: int) -> None:
    state, url = stub
    state.script = [(status, {"error": {"message": "busy"}}, {"retry-after": "0"})]
    state.body = VALID
    result, out = run(url, tmp_path)
    assert result.exit_code == 0, result.stderr
    assert state.requests == 2 and json.loads(out.read_text())["provenance"]["attempts"] == 1


def test_retry_after_is_honoured(stub: Any, tmp_path: Path) -> None:
    state, url = stub
    state.script = [(429, {"error": {"message": "slow down"}}, {"retry-after": "2"})]
    state.body = VALID
    began = time.monotonic()
    result, _ = run(url, tmp_path)
    assert result.exit_code == 0, result.stderr
    assert time.monotonic() - began >= 1.9, "the client did not wait as Retry-After asked"


def test_persistent_429_without_retry_after_gives_up_with_one_line(stub: Any,
                                                                    tmp_path: Path) -> None:
    state, url = stub
    state.status, state.body = 429, {"error": {"message": "rate limit reached"}}
    result, out = run(url, tmp_path)
    assert result.exit_code == 8 and state.requests == 3  # one try and two bounded retries
    line = result.stderr.strip().splitlines()[-1]
    assert "openai-compatible backend" in line and "HTTP 429" in line and "rate limit" in line
    assert not out.exists()


def test_response_cut_off_mid_body(stub: Any, tmp_path: Path) -> None:
    state, url = stub
    state.status, state.headers = 200, {"content-length": "100000"}
    state.body = b'{"id": "chatcmpl-1", "choices": [{"message": {"tool_ca'
    result, _ = run(url, tmp_path)
    assert result.exit_code == 8, result.stderr
    assert "connection" in result.stderr.strip().splitlines()[-1].lower()


def test_content_that_is_not_json(stub: Any, tmp_path: Path) -> None:
    state, url = stub
    state.status, state.headers = 200, {"content-type": "text/html"}
    state.body = b"<html><body>502 Bad Gateway from a proxy</body></html>"
    result, _ = run(url, tmp_path, "--max-retries", "1")
    assert result.exit_code in (8, 10), result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("summarize: error: openai-compatible")


def test_usage_is_summed_over_every_attempt(stub: Any, tmp_path: Path) -> None:
    state, url = stub
    bad = tool_call_completion('{"title": 5}')
    state.script = [(200, bad, {}), (200, bad, {})]
    state.body = VALID
    result, out = run(url, tmp_path, "--max-retries", "2")
    assert result.exit_code == 0, result.stderr
    p = json.loads(out.read_text())["provenance"]
    assert p["attempts"] == 3 and p["retries"] == 2
    assert p["usage"] == {"prompt_tokens": 300, "completion_tokens": 60, "total_tokens": 360}


@pytest.mark.embedded
def test_embedded_server_crashing_mid_run() -> None:
    from summarize.backends import OpenAICompatibleBackend
    from summarize.backends.local import EmbeddedServer

    with EmbeddedServer() as server:
        backend = OpenAICompatibleBackend(kind="local", model="smollm2-135m-instruct",
                                          base_url=server.base_url, api_key=None, timeout=60,
                                          transport_retries=1)
        process = server._process
        assert process is not None
        threading.Timer(2.0, process.kill).start()
        with pytest.raises(BackendUnavailableError, match="local backend"):
            brief(load_document(SEED), settings=GENERATIVE, backend=backend)
        backend.close()
