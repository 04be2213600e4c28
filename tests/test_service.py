"""`summarize serve`: the HTTP service, built by create_app with fakes and a temporary state
directory; schemathesis against its own OpenAPI document; durable jobs across kill -9."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient

from summarize import briefing_json_schema, resolve_settings
from summarize.errors import BackendTimeoutError, BackendUnavailableError
from summarize.runs.log import RunLog
from summarize.service import ServiceOptions, create_app
from tests.conftest import GENERATIVE, tool_call_completion
from tests.test_pipeline import draft

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "north-korean-troops-kursk.txt").read_text(encoding="utf-8")
KEY = "test-key-" + "z" * 24
AUTH = {"Authorization": f"Bearer {KEY}"}
EXTRACTIVE = resolve_settings(env={}, strategy="extractive")


def client(tmp_path: Path, settings: Any = EXTRACTIVE, backend: Any = None,
           **options: Any) -> TestClient:
    opts = ServiceOptions(state_dir=tmp_path, **{"keys": (KEY,), **options})
    return TestClient(create_app(settings, opts, backend=backend))


def test_briefing_json_is_the_schema_and_formats_negotiate(tmp_path: Path) -> None:
    with client(tmp_path) as c:
        r = c.post("/v1/briefings", json={"text": SEED, "id": "seed"}, headers=AUTH)
        assert r.status_code == 200 and r.headers["content-type"] == "application/json"
        jsonschema.validate(r.json(), briefing_json_schema())
        assert r.json()["document"]["id"] == "seed"
        html = c.post("/v1/briefings", json={"text": SEED},
                      headers={**AUTH, "Accept": "text/html"})
        assert html.headers["content-type"].startswith("text/html") and "<mark" in html.text
        md = c.post("/v1/briefings?format=markdown", json={"text": SEED}, headers=AUTH)
        assert md.headers["content-type"].startswith("text/markdown")
        assert md.text.startswith("# ")
        assert c.get("/v1/schema", headers=AUTH).json() == briefing_json_schema()
        assert c.get("/openapi.json").status_code == 401
        assert "/v1/briefings" in c.get("/openapi.json", headers=AUTH).json()["paths"]
        assert c.get("/docs").status_code == 404


@pytest.mark.parametrize(("body", "status", "field"), [
    ({"text": 5}, 422, "text"),
    ({"text": ""}, 422, "text"),
    ({"text": "   \n "}, 422, None),
    ({}, 422, "text"),
    ({"text": "x y z", "strategy": "creative"}, 422, "strategy"),
    ({"text": "x y z", "prompt": "../../etc/passwd"}, 422, "prompt"),
    ({"text": "x y z", "extra": 1}, 422, "extra"),
    ({"text": SEED, "strategy": "guided", "prompt": "v999"}, 400, None),
    ({"text": SEED, "model": "gpt-17"}, 400, None),
])
def test_bad_requests_are_problem_json(tmp_path: Path, body: dict[str, Any], status: int,
                                       field: str | None) -> None:
    with client(tmp_path) as c:
        r = c.post("/v1/briefings", json=body, headers=AUTH)
        assert r.status_code == status, r.text
        assert r.headers["content-type"] == "application/problem+json"
        problem = r.json()
        assert problem["status"] == status and problem["title"]
        if field:
            assert field in problem["detail"]
        assert "Traceback" not in r.text


def test_analyses_are_the_analysers_findings_with_no_model(tmp_path: Path) -> None:
    from summarize import analyze_text

    with client(tmp_path, GENERATIVE, SlowBackend(0.0, BackendUnavailableError("no model"))) as c:
        r = c.post("/v1/analyses", json={"text": SEED, "id": "seed"}, headers=AUTH)
        assert r.status_code == 200 and r.headers["content-type"] == "application/json"
        found = r.json()
        assert found == {"id": "seed", **json.loads(json.dumps(analyze_text(SEED)))}
        troops = next(f for f in found["figures"] if f["value"] == 10000)
        assert SEED[troops["start"]:troops["end"]] == troops["text"]
        assert any(n["name"] == "Mark Rutte" and n["as_source"] for n in found["names"])
        crlf = c.post("/v1/analyses", json={"text": "About 300 people\r\nmay have fled."},
                      headers=AUTH).json()
        assert crlf["id"] == "request" and crlf["hedges"][0]["start"] == 17  # line ends as LF
        for body in ({"text": ""}, {"text": "  \n"}, {"text": "x", "strategy": "guided"}, {}):
            bad = c.post("/v1/analyses", json=body, headers=AUTH)
            assert bad.status_code == 422, body
            assert bad.headers["content-type"] == "application/problem+json"
        assert c.post("/v1/analyses", json={"text": SEED}).status_code == 401
        assert "/v1/analyses" in c.get("/openapi.json", headers=AUTH).json()["paths"]


def test_an_analysis_past_the_request_time_out_is_504(tmp_path: Path) -> None:
    with client(tmp_path, request_timeout=0.001) as c:
        r = c.post("/v1/analyses", json={"text": SEED * 20}, headers=AUTH)
        assert r.status_code == 504 and "no analysis within" in r.json()["detail"]


def test_malformed_json_is_422_naming_the_body(tmp_path: Path) -> None:
    with client(tmp_path) as c:
        r = c.post("/v1/briefings", content=b'{"text": ', headers={
            **AUTH, "Content-Type": "application/json"})
        assert r.status_code == 422 and r.json()["detail"].startswith("body")


def test_keys_401_403_and_healthz_without(tmp_path: Path,
                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    with client(tmp_path) as c:
        assert c.get("/healthz").status_code == 200
        missing = c.post("/v1/briefings", json={"text": SEED})
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        wrong = c.post("/v1/briefings", json={"text": SEED},
                       headers={"Authorization": "Bearer " + "z" * 33})
        assert wrong.status_code == 403
        for route in ("/v1/schema", "/metrics", "/v1/jobs/x", "/openapi.json"):
            assert c.get(route).status_code == 401
        assert c.post("/v1/briefings", json={"text": SEED}, headers=AUTH).status_code == 200
    assert KEY not in caplog.text
    stored = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert KEY.encode() not in stored


def test_body_limit_is_413(tmp_path: Path) -> None:
    with client(tmp_path, max_body=2048) as c:
        r = c.post("/v1/briefings", json={"text": "word " * 1000}, headers=AUTH)
        assert r.status_code == 413 and r.headers["content-type"] == "application/problem+json"

        def chunks() -> Any:  # no Content-Length: counted as it arrives
            yield b'{"text": "'
            for _ in range(100):
                yield b"word " * 10
            yield b'"}'

        r = c.post("/v1/briefings", content=chunks(), headers={
            **AUTH, "Content-Type": "application/json"})
        assert r.status_code == 413


def test_rate_limit_is_429_with_retry_after(tmp_path: Path) -> None:
    with client(tmp_path, rate_limit=3) as c:
        codes = [c.get("/v1/schema", headers=AUTH).status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[3] == 429
        r = c.get("/v1/schema", headers=AUTH)
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1


class SlowBackend:
    """A fake backend that answers after ``delay`` seconds and counts calls in flight. With
    ``meet`` > 1 a call first waits (up to 5 s) until that many calls are in flight, so that calls
    the service lets run together do overlap however slowly the machine prepares them."""

    kind, model, context_tokens = "local", "fake-model", 8192

    def __init__(self, delay: float = 0.3, fail: Exception | None = None, meet: int = 1) -> None:
        self.delay, self.fail, self.meet = delay, fail, meet
        self.in_flight = self.peak = self.calls = 0
        self.lock = threading.Condition()

    def extract(self, messages: Any, response_model: Any, **kwargs: Any) -> Any:
        from summarize.backends import Extraction
        from summarize.schema import Usage

        with self.lock:
            self.in_flight += 1
            self.calls += 1
            self.peak = max(self.peak, self.in_flight)
            self.lock.notify_all()
            self.lock.wait_for(lambda: self.in_flight >= self.meet, timeout=5)
        try:
            time.sleep(self.delay)
            if self.fail is not None:
                raise self.fail
            return Extraction(value=draft(), usage=Usage(), attempts=1, seconds=self.delay)
        finally:
            with self.lock:
                self.in_flight -= 1


def test_concurrency_bounds_model_calls(tmp_path: Path) -> None:
    # Each call waits for a second one: two run together, and a third, were the bound broken,
    # would join them while they sleep.
    backend = SlowBackend(0.3, meet=2)
    with client(tmp_path, GENERATIVE, backend, concurrency=2, rate_limit=0) as c:
        results: list[int] = []
        # Six different documents: none is answered from the cache.
        threads = [threading.Thread(target=lambda i=i: results.append(c.post(
            "/v1/briefings", json={"text": f"{SEED}\nUpdate {i}."}, headers=AUTH).status_code))
            for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert results == [200] * 6 and backend.peak == 2


@pytest.mark.parametrize(("fail", "status"), [
    (BackendUnavailableError("model at http://x: connection failed"), 502),
    (BackendTimeoutError("model: no answer within the time-out"), 504),
])
def test_backend_errors_map_to_statuses(tmp_path: Path, fail: Exception, status: int) -> None:
    with client(tmp_path, GENERATIVE, SlowBackend(0.0, fail)) as c:
        r = c.post("/v1/briefings", json={"text": SEED}, headers=AUTH)
        assert r.status_code == status and r.headers["content-type"] == "application/problem+json"


def test_request_timeout_is_504(tmp_path: Path) -> None:
    with client(tmp_path, GENERATIVE, SlowBackend(1.5), request_timeout=0.3) as c:
        r = c.post("/v1/briefings", json={"text": SEED}, headers=AUTH)
        assert r.status_code == 504 and "time-out" in r.json()["detail"]


def test_a_timed_out_briefing_makes_no_further_model_calls(tmp_path: Path) -> None:
    # Three seeds in a 3,000-token context are four chunks, one model call each; the request
    # gives up during the first. The call under way ends; the other three are never made, and
    # the slot is free again for the next request.
    backend = SlowBackend(0.6)
    backend.context_tokens = 3000
    with client(tmp_path, GENERATIVE, backend, request_timeout=0.3, concurrency=1,
                rate_limit=0) as c:
        r = c.post("/v1/briefings", json={"text": SEED * 3}, headers=AUTH)
        assert r.status_code == 504
        deadline = time.monotonic() + 10
        while backend.in_flight and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # were the abandoned briefing going on, its next call would start now
        assert backend.calls <= 1 and backend.in_flight == 0
        backend.delay = 0.0
        assert c.post("/v1/briefings", json={"text": SEED}, headers=AUTH).status_code == 200
    log = RunLog(tmp_path / "runs.sqlite")
    try:
        assert sorted(run["status"] for run in log.list()) == ["completed", "failed"]
    finally:
        log.close()


def test_too_long_is_413(tmp_path: Path) -> None:
    settings = resolve_settings(env={}, strategy="guided")
    small = SlowBackend(0.0)
    small.context_tokens = 300  # the candidate sentences cannot fit
    with client(tmp_path, settings, small) as c:
        r = c.post("/v1/briefings", json={"text": SEED * 3}, headers=AUTH)
        assert r.status_code == 413, r.text


def wait_for_job(c: TestClient, location: str, seconds: float = 20) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        r = c.get(location, headers=AUTH)
        assert r.status_code == 200, r.text
        job = r.json()
        if job["state"] in ("succeeded", "failed"):
            return job  # type: ignore[no-any-return]
        time.sleep(0.2)  # 5 polls a second: within the default rate limit for the 20 s
    raise AssertionError(f"job still {job['state']}")


def test_jobs_and_metrics(tmp_path: Path) -> None:
    with client(tmp_path, GENERATIVE, SlowBackend(0.05)) as c:
        r = c.post("/v1/jobs", json={"text": SEED}, headers=AUTH)
        assert r.status_code == 202 and r.headers["location"] == f"/v1/jobs/{r.json()['id']}"
        job = wait_for_job(c, r.headers["location"])
        assert job["state"] == "succeeded" and job["briefing"]["title"]
        html = c.get(r.headers["location"] + "?format=html", headers=AUTH)
        assert html.headers["content-type"].startswith("text/html")
        assert c.get("/v1/jobs/" + "0" * 32, headers=AUTH).status_code == 404
        other = {"Authorization": "Bearer other-key"}
        metrics = c.get("/metrics", headers=AUTH).text
    for name in ('summarize_http_requests_total{method="POST",route="/v1/jobs",status="202"}',
                 "summarize_http_request_seconds_bucket", 'summarize_jobs{state="succeeded"} 1.0',
                 "summarize_model_calls_total 1.0", "summarize_cache_hits_total 0.0"):
        assert name in metrics, name
    assert other


def test_failed_job_says_why(tmp_path: Path) -> None:
    fail = BackendUnavailableError("model at http://x: connection failed")
    with client(tmp_path, GENERATIVE, SlowBackend(0.0, fail)) as c:
        r = c.post("/v1/jobs", json={"text": SEED}, headers=AUTH)
        job = wait_for_job(c, r.headers["location"])
        assert job["state"] == "failed"
        assert job["error"]["type"] == "BackendUnavailableError" and job["error"]["status"] == 502


def test_jobs_are_private_to_their_key(tmp_path: Path) -> None:
    opts = ServiceOptions(state_dir=tmp_path, keys=(KEY, "second-key"))
    with TestClient(create_app(EXTRACTIVE, opts)) as c:
        r = c.post("/v1/jobs", json={"text": SEED}, headers=AUTH)
        assert c.get(r.headers["location"],
                     headers={"Authorization": "Bearer second-key"}).status_code == 404


def test_a_job_submitted_as_the_server_stops_does_not_hang_the_shutdown(tmp_path: Path) -> None:
    """A job submitted in the same instant as the shutdown: Python 3.11's wait_for returned
    instead of raising the cancellation, the worker looped for ever and CI hung for 85 minutes
    in the test above. Each stop here must end within seconds."""
    import asyncio

    from summarize.service.engine import Engine
    from summarize.service.jobs import JobStore
    from summarize.service.workers import JobWorkers

    async def scenario() -> None:
        store = JobStore(tmp_path / "jobs.sqlite")
        engine = Engine(EXTRACTIVE, concurrency=1, timeout=30, cache=None)
        try:
            for _ in range(5):
                workers = JobWorkers(store, engine)
                await workers.start()
                await asyncio.sleep(0.05)  # the worker now waits for a job
                workers.notify()  # one arrives, and in the same instant the server stops
                await asyncio.wait_for(workers.stop(), 10)
        finally:
            await engine.drain(30)
            engine.close()
            store.close()

    asyncio.run(scenario())


def test_finished_jobs_past_the_retention_are_deleted_with_their_text(tmp_path: Path) -> None:
    with client(tmp_path, job_retention=1.0) as c:
        r = c.post("/v1/jobs", json={"text": SEED}, headers=AUTH)
        assert wait_for_job(c, r.headers["location"])["state"] == "succeeded"
        deadline = time.monotonic() + 20
        while c.get(r.headers["location"], headers=AUTH).status_code != 404:
            assert time.monotonic() < deadline, "the finished job was never deleted"
            time.sleep(0.1)
        gone = c.get(r.headers["location"], headers=AUTH).json()
        assert "deleted after" in gone["detail"]
        assert c.get("/healthz").json()["jobs"]["succeeded"] == 0
        # While the server runs, neither the database nor its write-ahead log keeps the words.
        stored = b"".join(p.read_bytes() for p in tmp_path.glob("jobs.sqlite*"))
        assert b"Punggye-ri" not in stored


def test_purge_keeps_unfinished_jobs_however_old(tmp_path: Path) -> None:
    from summarize.service.jobs import JobStore

    store = JobStore(tmp_path / "jobs.sqlite")
    try:
        done, running, queued = (store.submit({"body": {"text": t}}) for t in "abc")
        assert store.claim() is not None and store.claim() is not None  # a and b run
        store.finish(done.id, result={"ok": True})
        assert store.purge(older_than=-60) == 1  # every finished job is "old"
        assert store.get(done.id) is None
        assert store.get(running.id).state == "running"  # type: ignore[union-attr]
        assert store.get(queued.id).state == "queued"  # type: ignore[union-attr]
        assert store.purge(older_than=3600) == 0
    finally:
        store.close()


def test_no_keys_refuses_a_public_address() -> None:
    done = subprocess.run([sys.executable, "-m", "summarize", "serve", "--host", "0.0.0.0"],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "SUMMARIZE_SERVER_KEYS": ""})
    assert done.returncode == 5 and "no API keys" in done.stderr


def test_the_page_is_self_contained(tmp_path: Path) -> None:
    with client(tmp_path) as c:
        page = c.get("/")
    assert page.status_code == 200 and "<form" in page.text
    assert "http://" not in page.text and "https://" not in page.text


# ----------------------------------------------------------------------------- schemathesis

class AnyAnswerBackend(SlowBackend):
    """Answers whatever is asked (a generative draft or a guided selection) at once, so the
    fuzzer's strategy and model choices never start a real model."""

    def extract(self, messages: Any, response_model: Any, **kwargs: Any) -> Any:
        from summarize.backends import Extraction
        from summarize.schema import DraftBriefing, Usage

        if issubclass(response_model, DraftBriefing):
            value = draft()
        else:
            value = response_model.model_validate({
                "title": "A title", "bottom_line": [0],
                "key_claims": [{"sentence": 0, "certainty": "possible"}]})
        return Extraction(value=value, usage=Usage(), attempts=1)


def _schemathesis_app(tmp: Path) -> Any:
    return create_app(EXTRACTIVE, ServiceOptions(state_dir=tmp, keys=(KEY,), rate_limit=0,
                                                 max_body=200_000, use_cache=False),
                      backend=AnyAnswerBackend())


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _schemathesis_app(tmp_path_factory.mktemp("fuzz"))


def test_schemathesis_finds_no_server_error(fuzz_app: Any) -> None:
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error

    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app, headers=AUTH)
    with TestClient(fuzz_app):  # runs the lifespan: job workers, stores
        for operation in schema.get_all_operations():
            op = operation.ok()

            @given(case=op.as_strategy())
            @settings(max_examples=25, deadline=None, derandomize=True,
                      suppress_health_check=list(HealthCheck))
            def run(case: Any) -> None:
                case.headers = {**(case.headers or {}), **AUTH}
                case.call_and_validate(checks=[not_a_server_error])

            run()


# ----------------------------------------------------------------------------- real processes

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(port: int, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-m", "summarize", "serve", "--port", str(port),
                             *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.1)
    raise AssertionError("the server did not start")


def _http(method: str, url: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    import urllib.error
    import urllib.request

    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={
        **AUTH, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def test_kill_9_loses_no_job_and_repeats_none(stub: Any, tmp_path: Path) -> None:
    state, url = stub
    state.body = tool_call_completion(json.dumps(draft().model_dump()))
    state.delay = 0.5
    port = _free_port()
    env = {**os.environ, "SUMMARIZE_SERVER_KEYS": KEY, "SUMMARIZE_STATE_DIR": str(tmp_path)}
    # The polling below asks 25 times a second: the rate limit is not what this test is about
    # (on a busy machine the jobs take long enough for it to answer 429 to the polls).
    args = ("--base-url", url, "--model", "m", "--rate-limit", "0")
    proc = _start(port, env, *args)
    base = f"http://127.0.0.1:{port}"
    ids = [_http("POST", base + "/v1/jobs", {"text": SEED + f"\n\nEdition {i}."})[1]["id"]
           for i in range(5)]
    deadline = time.monotonic() + 30
    while state.requests < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)  # mid-way through the first job
    proc.communicate()
    before = state.requests
    proc = _start(port, env, *args)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            got = [_http("GET", f"{base}/v1/jobs/{i}") for i in ids]
            assert all(code == 200 for code, _ in got), got
            states = [body["state"] for _, body in got]
            if all(s == "succeeded" for s in states):
                break
            time.sleep(0.2)
        assert states == ["succeeded"] * 5, states
        # Each job asked the model once, the interrupted one at most twice.
        assert state.requests - before <= 5 and state.requests <= 6
        # Restarting again runs nothing: succeeded jobs are final.
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
        after = state.requests
        proc = _start(port, env, *args)
        time.sleep(1.5)
        assert state.requests == after
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)


def test_sigterm_drains_in_flight_requests(stub: Any, tmp_path: Path) -> None:
    state, url = stub
    state.body = tool_call_completion(json.dumps(draft().model_dump()))
    state.delay = 1.5
    port = _free_port()
    env = {**os.environ, "SUMMARIZE_SERVER_KEYS": KEY, "SUMMARIZE_STATE_DIR": str(tmp_path)}
    proc = _start(port, env, "--base-url", url, "--model", "m")
    result: list[int] = []
    t = threading.Thread(target=lambda: result.append(_http(
        "POST", f"http://127.0.0.1:{port}/v1/briefings", {"text": SEED})[0]))
    t.start()
    while state.requests < 1:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    t.join(timeout=30)
    proc.communicate(timeout=30)
    assert result == [200] and proc.returncode == 0


def test_an_unusable_run_log_is_the_servers_trouble_not_the_requests(tmp_path: Path) -> None:
    # The run log cannot be opened (a directory stands where its file would go): 503, not 400.
    (tmp_path / "runs.sqlite").mkdir()
    with client(tmp_path) as c:
        r = c.post("/v1/briefings", json={"text": SEED}, headers=AUTH)
    assert r.status_code == 503 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["title"] == "StorageError" and "runs.sqlite" in r.json()["detail"]


def test_the_run_log_is_kept_beside_the_job_store(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "environment"
    monkeypatch.setenv("SUMMARIZE_STATE_DIR", str(elsewhere))
    with client(tmp_path / "service") as c:
        assert c.post("/v1/briefings", json={"text": SEED}, headers=AUTH).status_code == 200
    runs = RunLog(tmp_path / "service" / "runs.sqlite")
    try:
        assert [r["command"] for r in runs.list()] == ["serve"]
    finally:
        runs.close()
    assert not (elsewhere / "runs.sqlite").exists()
