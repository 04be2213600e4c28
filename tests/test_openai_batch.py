"""`summarize batch --openai-batch` against a loopback emulation of the OpenAI Files and Batches
endpoints (as documented: upload with purpose "batch", create, poll, download the output file).

There is no network here to record real OpenAI exchanges; the emulator checks our side of the
protocol: the request file is what instructor would send interactively, the results land in the
ordinary batch output, a bad answer fails only its document, and a resumed run polls the batch
already submitted instead of submitting again."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from tests.test_pipeline import draft


class Emulator:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.created = 0
        self.polls = 0
        self.bad_ids: set[str] = set()

    def output(self) -> str:
        lines = []
        for r in self.requests:
            arguments = ("{not json" if r["custom_id"] in self.bad_ids
                         else json.dumps(draft().model_dump()))
            lines.append(json.dumps({"id": "r", "custom_id": r["custom_id"], "error": None,
                                     "response": {"status_code": 200, "body": {
                "id": "c", "object": "chat.completion", "created": 0, "model": "gpt-4o-mini",
                "choices": [{"index": 0, "finish_reason": "stop", "message": {
                    "role": "assistant", "content": None, "tool_calls": [{
                        "id": "t", "type": "function", "function": {
                            "name": "DraftBriefing", "arguments": arguments}}]}}],
                "usage": {"prompt_tokens": 1000, "completion_tokens": 200,
                          "total_tokens": 1200}}}}))
        return "\n".join(lines) + "\n"


def batch_object(status: str, total: int) -> dict[str, Any]:
    done = status == "completed"
    return {"id": "batch_1", "object": "batch", "endpoint": "/v1/chat/completions",
            "input_file_id": "file-in", "completion_window": "24h", "status": status,
            "created_at": 0, "output_file_id": "file-out" if done else None,
            "error_file_id": None,
            "request_counts": {"total": total, "completed": total if done else 0, "failed": 0}}


@pytest.fixture
def emulator() -> Iterator[tuple[Emulator, str]]:
    state = Emulator()

    class Handler(BaseHTTPRequestHandler):
        def _send(self, body: Any, ctype: str = "application/json") -> None:
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            self.send_response(200)
            self.send_header("content-type", ctype)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:  # noqa: N802
            raw = self.rfile.read(int(self.headers.get("content-length", 0)))
            if self.path.endswith("/files"):
                assert b'name="purpose"' in raw and b"batch" in raw
                content = raw.split(b"\r\n\r\n", 2)[-1]
                content = content[:content.rfind(b"\r\n--")]
                state.requests = [json.loads(line) for line in content.decode().splitlines()
                                  if line.startswith("{")]
                self._send({"id": "file-in", "object": "file", "bytes": len(content),
                            "created_at": 0, "filename": "requests.jsonl", "purpose": "batch",
                            "status": "processed"})
            elif self.path.endswith("/batches"):
                body = json.loads(raw)
                assert body["input_file_id"] == "file-in"
                assert body["endpoint"] == "/v1/chat/completions"
                state.created += 1
                self._send(batch_object("validating", len(state.requests)))

        def do_GET(self) -> None:  # noqa: N802
            if re.search(r"/batches/batch_1$", self.path):
                state.polls += 1
                status = "in_progress" if state.polls == 1 else "completed"
                self._send(batch_object(status, len(state.requests)))
            elif self.path.endswith("/files/file-out/content"):
                self._send(state.output(), "application/jsonl")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def feed(tmp_path: Path, seed_text: str, n: int = 3) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"id": f"doc{i}", "text": seed_text}) + "\n"
                            for i in range(n)))
    return path


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_submit_poll_collect(emulator: Any, tmp_path: Path, seed: Any) -> None:
    state, url = emulator
    state.bad_ids = {"d2-c0"}
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, [
        "batch", str(feed(tmp_path, seed.text)), "-o", str(out), "--openai-batch",
        "--poll-interval", "0.01", "--base-url", url, "--model", "gpt-4o-mini"])
    assert result.exit_code == 12, result.stderr
    assert state.created == 1 and state.polls == 2
    first = state.requests[0]
    assert first["url"] == "/v1/chat/completions" and first["method"] == "POST"
    body = first["body"]
    assert body["tool_choice"]["function"]["name"] == "DraftBriefing"
    assert body["tools"][0]["function"]["parameters"]["properties"]["key_claims"]
    assert body["messages"][0]["role"] == "system"
    records = lines(out)
    assert [r["id"] for r in records] == ["doc0", "doc1", "doc2"]
    assert [r["status"] for r in records] == ["ok", "ok", "error"]
    assert "does not retry" in records[2]["error"]["message"]
    b = records[0]["briefing"]
    assert b["provenance"]["usage"]["prompt_tokens"] == 1000
    assert b["grounding"]["evidence_total"] > 0
    assert not (tmp_path / "out.jsonl.openai-batch" / "state.json").exists()


def test_a_resumed_run_polls_the_batch_already_submitted(emulator: Any, tmp_path: Path,
                                                         seed: Any) -> None:
    state, url = emulator
    source = feed(tmp_path, seed.text, 2)
    out = tmp_path / "out.jsonl"
    folder = tmp_path / "out.jsonl.openai-batch"
    folder.mkdir()
    # As if the first run submitted, then was interrupted while polling.
    state.requests = [{"custom_id": "d0-c0"}, {"custom_id": "d1-c0"}]
    (folder / "state.json").write_text(json.dumps({"batch_id": "batch_1",
                                                   "input_file_id": "file-in", "requests": 2}))
    result = CliRunner().invoke(app, [
        "batch", str(source), "-o", str(out), "--openai-batch", "--poll-interval", "0.01",
        "--base-url", url, "--model", "gpt-4o-mini"])
    assert result.exit_code == 0, result.stderr
    assert state.created == 0, "submitted twice"
    assert [r["status"] for r in lines(out)] == ["ok", "ok"]


def test_openai_batch_needs_a_remote_model(tmp_path: Path, seed: Any) -> None:
    result = CliRunner().invoke(app, ["batch", str(feed(tmp_path, seed.text)), "-o",
                                      str(tmp_path / "o.jsonl"), "--openai-batch"])
    assert result.exit_code == 5 and "openai" in result.stderr
