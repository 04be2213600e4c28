"""Shared fixtures: cassette configuration, the model server for recording, a fake backend.

Cassettes live in ``cassettes/<test module>/<test>.yaml`` at the project's top. They replay with
record mode ``none`` (pytest-recording's default). Re-record them from the real embedded model:

    .venv/bin/python -m pytest -m vcr --record-mode=rewrite

Property tests (hypothesis) draw the same examples on every run, so a run of the README's test
command, or CI's, never goes red on a case nobody has seen. To look for new failing cases, draw
fresh random examples (each run draws others):

    HYPOTHESIS_PROFILE=explore .venv/bin/python -m pytest

and pin what it finds with ``@example``.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from pydantic import BaseModel

from summarize import Document, load_document, resolve_settings
from summarize.backends import Extraction, OpenAICompatibleBackend
from summarize.schema import Usage

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korean-troops-kursk.txt"
# Never contacted: while replaying, vcrpy answers every request from the cassette.
REPLAY_BASE_URL = "http://127.0.0.1:9/v1"
# Settings for tests that hand the pipeline a fake or recorded generative model.
GENERATIVE = resolve_settings(env={}, strategy="generative")
SECRET_HEADERS = ("authorization", "openai-organization", "openai-project", "cookie",
                  "set-cookie", "x-api-key", "api-key", "x-request-id", "cf-ray")


def _json_body(r1: Any, r2: Any) -> None:
    def load(body: Any) -> Any:
        if body is None:
            return None
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        try:
            return json.loads(body)
        except ValueError:
            return body

    assert load(r1.body) == load(r2.body), "request bodies differ"


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
    return response


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                  ) -> None:
    """Every test gets its own response cache, run log and configuration, never the user's."""
    base = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("SUMMARIZE_STATE_DIR", str(base / "state"))
    monkeypatch.setenv("SUMMARIZE_CONFIG_DIR", str(base / "config"))


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_matcher("json_body", _json_body)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": [(h, None) for h in SECRET_HEADERS],
        "before_record_response": _scrub_response,
        # The port is left out: the embedded server listens on a free port each time.
        "match_on": ["method", "scheme", "host", "path", "query", "json_body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(ROOT / "cassettes" / request.module.__name__.split(".")[-1])


@pytest.fixture(scope="session")
def model_base_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The embedded model's URL while recording; a placeholder while replaying."""
    mode = request.config.getoption("--record-mode", default="none")
    if mode in (None, "none"):
        yield REPLAY_BASE_URL
        return
    from summarize.backends.local import EmbeddedServer

    with EmbeddedServer() as server:
        yield server.base_url


@pytest.fixture
def recorded_backend(model_base_url: str) -> Iterator[OpenAICompatibleBackend]:
    """The embedded model as the pipeline sees it, over HTTP that cassettes record (closed
    after the test: while recording, an open connection to the stopped server would be left
    for the garbage collector)."""
    backend = OpenAICompatibleBackend(
        kind="local",
        model="smollm2-135m-instruct",
        base_url=model_base_url,
        api_key=None,
        timeout=120,
        context_tokens=8192,
        temperature=0.0,
        seed=7,
        transport_retries=0,
    )
    yield backend
    backend.close()


@pytest.fixture
def seed() -> Document:
    return load_document(SEED)


class FakeBackend:
    """A queued fake: returns the given values in order, with made-up usage."""

    kind = "local"
    model = "fake-model"
    context_tokens: int | None = 8192

    def __init__(self, *values: BaseModel) -> None:
        self.values = list(values)
        self.calls: list[list[dict[str, str]]] = []

    def extract(
        self,
        messages: list[dict[str, str]],
        response_model: type[BaseModel],
        *,
        max_retries: int,
        max_tokens: int,
    ) -> Extraction:
        self.calls.append(messages)
        value = self.values.pop(0)
        assert isinstance(value, response_model)
        return Extraction(value=value, usage=Usage(prompt_tokens=10, completion_tokens=5,
                                                   total_tokens=15), attempts=1)


@pytest.fixture
def fake_backend_cls() -> type[FakeBackend]:
    return FakeBackend


class Stub:
    """What the stub server answers: a status, a JSON body, and an optional delay."""

    def __init__(self) -> None:
        self.status = 200
        self.body: dict[str, Any] = {}
        self.delay = 0.0
        self.requests = 0
        self.headers: dict[str, str] = {}
        # Answers to give first, in order: (status, body, headers); then the defaults above.
        # A body of bytes is sent as is (e.g. cut short with a longer content-length).
        self.script: list[tuple[int, Any, dict[str, str]]] = []


def tool_call_completion(arguments: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "stub",
        "choices": [{
            "index": 0, "finish_reason": "tool_calls",
            "message": {"role": "assistant", "content": None, "tool_calls": [{
                "id": "call_1", "type": "function",
                "function": {"name": "DraftBriefing", "arguments": arguments},
            }]},
        }],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


@pytest.fixture
def stub() -> Iterator[tuple[Stub, str]]:
    state = Stub()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers.get("content-length", 0)))
            state.requests += 1
            time.sleep(state.delay)
            status, body, headers = (state.script.pop(0) if state.script
                                     else (state.status, state.body, state.headers))
            payload = body if isinstance(body, bytes) else json.dumps(body).encode()
            length = headers.get("content-length", str(len(payload)))
            try:
                self.send_response(status)
                self.send_header("content-type", headers.get("content-type",
                                                             "application/json"))
                self.send_header("content-length", length)
                for name, value in headers.items():
                    if name not in ("content-type", "content-length"):
                        self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
                if int(length) > len(payload):
                    self.close_connection = True
            except OSError:
                pass

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()
