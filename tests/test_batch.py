"""Batch: inputs of every kind, one whole line per document, failures that do not stop the run,
resume after a crash or Ctrl-C, the response cache and the run log."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize.backends.cache import ResponseCache
from summarize.cli import app
from summarize.core.inputs import InputFailure, count_sources, iter_sources
from summarize.runs.batch import prepare_output
from summarize.runs.log import RunLog
from tests.conftest import SEED, tool_call_completion
from tests.test_pipeline import draft

ARTICLE = "The mayor said the budget may rise by 5% next year. Critics disagreed. " * 3


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def make_inputs(tmp_path: Path, n: int = 6) -> tuple[Path, Path]:
    folder = tmp_path / "docs"
    (folder / "inner").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "inner" / "a.txt").write_text("Officials confirmed 300 troops arrived. " * 3)
    (folder / ".hidden.txt").write_text("never read")
    records = tmp_path / "feed.jsonl"
    records.write_text("".join(
        json.dumps({"id": f"r{i}", "text": f"Record {i}: the agency said {i} ships may sail."})
        + "\n" for i in range(n)))
    return folder, records


def test_sources_of_every_kind(tmp_path: Path) -> None:
    folder, records = make_inputs(tmp_path, 3)
    with records.open("a") as fh:
        fh.write("not json\n")
    (tmp_path / "empty.txt").write_text("  ")
    items = list(iter_sources([str(folder), str(records), str(tmp_path / "*.txt"),
                               str(tmp_path / "missing.txt")]))
    ids = [i.id for i in items]
    assert ids[:2] == [str(folder / "a.txt"), str(folder / "inner" / "a.txt")]
    assert ids[2:5] == ["r0", "r1", "r2"]
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert [f.id for f in failures] == [f"{records}:4", str(tmp_path / "empty.txt"),
                                        str(tmp_path / "missing.txt")]
    assert count_sources([str(folder), str(records)]) == 6
    assert count_sources(["-"]) is None


def test_extractive_batch_writes_a_line_per_document_and_goes_on_after_failures(
        tmp_path: Path) -> None:
    folder, records = make_inputs(tmp_path)
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(folder), str(records),
                                      str(tmp_path / "binary.txt"), "-o", str(out),
                                      "-s", "extractive", "-c", "3"])
    assert result.exit_code == 12, result.stderr
    records_out = lines(out)
    assert len(records_out) == 9
    by_status = {r["id"]: r["status"] for r in records_out}
    assert by_status[str(tmp_path / "binary.txt")] == "error"
    assert sum(s == "ok" for s in by_status.values()) == 8
    bad = next(r for r in records_out if r["status"] == "error")
    assert bad["error"]["type"] == "InputError" and bad["error"]["exit_code"] == 3
    assert "8 succeeded, 1 failed" in result.stderr
    ok = next(r for r in records_out if r["id"] == "r2")
    assert ok["briefing"]["document"]["id"] == "r2"
    assert ok["briefing"]["grounding"]["rate"] == 1.0


def test_stdin_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    feed = "".join(json.dumps({"id": f"s{i}", "text": ARTICLE}) + "\n" for i in range(3))
    result = CliRunner().invoke(app, ["batch", "-", "-o", str(out), "-s", "extractive"],
                                input=feed)
    assert result.exit_code == 0, result.stderr
    assert sorted(r["id"] for r in lines(out)) == ["s0", "s1", "s2"]  # in order of completion


def test_resume_keeps_done_lines_and_redoes_failed_and_cut_off_ones(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(
        json.dumps({"id": "r0", "status": "ok", "briefing": {}}) + "\n"
        + json.dumps({"id": "r1", "status": "error", "error": {}}) + "\n"
        + '{"id": "r2", "status": "ok", "brie')
    assert prepare_output(out) == {"r0"}
    assert [r["id"] for r in lines(out)] == ["r0"]
    _, records = make_inputs(tmp_path, 4)
    result = CliRunner().invoke(app, ["batch", str(records), "-o", str(out), "-s",
                                      "extractive"])
    assert result.exit_code == 0, result.stderr
    assert sorted(r["id"] for r in lines(out)) == ["r0", "r1", "r2", "r3"]
    assert "1 already done" in result.stderr


def test_second_run_makes_no_model_call_and_runs_are_logged(stub: Any, tmp_path: Path) -> None:
    state, url = stub
    state.body = tool_call_completion(json.dumps(draft().model_dump()))
    _, records = make_inputs(tmp_path, 5)
    args = ["batch", str(records), "--base-url", url, "--model", "m", "-c", "3"]
    first = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "1.jsonl")])
    assert first.exit_code == 0, first.stderr
    assert state.requests == 5
    second = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "2.jsonl")])
    assert second.exit_code == 0, second.stderr
    assert state.requests == 5, "the second run asked the model again"
    assert "5 from the cache" in second.stderr
    assert all(r["cached"] for r in lines(tmp_path / "2.jsonl"))
    third = CliRunner().invoke(app, [*args, "--no-cache", "-o", str(tmp_path / "3.jsonl")])
    assert third.exit_code == 0 and state.requests == 10
    runs = RunLog.default().list()
    assert [r["cached"] for r in runs] == [0, 5, 0]
    assert all(r["status"] == "completed" and r["succeeded"] == 5 for r in runs)
    assert runs[0]["prompt_tokens"] == 500 and runs[0]["model"] == "m"
    table = CliRunner().invoke(app, ["runs"])
    assert table.exit_code == 0 and "batch" in table.stdout and "generative" in table.stdout
    exported = json.loads(CliRunner().invoke(app, ["runs", "--format", "json"]).stdout)
    assert len(exported) == 3 and exported[0]["base_url"] == url


def test_a_failing_backend_fails_each_document_not_the_batch(stub: Any, tmp_path: Path) -> None:
    state, url = stub
    state.status = 500
    state.body = {"error": {"message": "boom"}}
    _, records = make_inputs(tmp_path, 3)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(records), "-o", str(out), "--base-url", url,
                                      "--model", "m", "--timeout", "5"])
    assert result.exit_code == 12
    assert [r["error"]["exit_code"] for r in lines(out)] == [8, 8, 8]
    assert len(ResponseCache.default()) == 0, "a failure was cached"


def test_sigint_midway_then_resume_has_every_document_exactly_once(stub: Any,
                                                                  tmp_path: Path) -> None:
    state, url = stub
    state.body = tool_call_completion(json.dumps(draft().model_dump()))
    state.delay = 0.4
    _, records = make_inputs(tmp_path, 16)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "summarize.cli", "batch", str(records), "-o", str(out),
               "--base-url", url, "--model", "m", "-c", "2", "--no-cache"]
    # A background job of a non-interactive shell (as CI may run us) inherits SIGINT ignored;
    # a user's Ctrl-C reaches a process that has the default disposition, so give it that.
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=os.environ,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and len(out.read_text().splitlines()) >= 4:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    partial = lines(out)  # every line whole
    assert 4 <= len(partial) < 16
    resumed = subprocess.run(command, capture_output=True, text=True, env=os.environ,
                             timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    ids = [r["id"] for r in lines(out)]
    assert sorted(ids) == sorted(f"r{i}" for i in range(16))
    assert len(ids) == len(set(ids))
    assert all(r["status"] == "ok" for r in lines(out))
    statuses = [r["status"] for r in RunLog.default().list()]
    assert statuses == ["completed", "interrupted"]


def test_bad_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["batch", str(SEED), "-o", str(tmp_path / "no" / "x.jsonl"),
                                      "-s", "extractive"])
    assert result.exit_code == 11 and "does not exist" in result.stderr


@pytest.mark.parametrize("concurrency", ["0"])
def test_concurrency_must_be_positive(concurrency: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["batch", str(SEED), "-o", str(tmp_path / "x.jsonl"),
                                      "-c", concurrency])
    assert result.exit_code == 2


def test_recorded_run_ends_with_the_status_of_what_happened() -> None:
    from summarize.config import resolve_settings
    from summarize.runs.log import recorded_run

    settings = resolve_settings(strategy="extractive")
    with recorded_run("brief", settings, inputs=["a.txt"]) as recorder:
        recorder.add(None)  # a document failed, the run went on
    with pytest.raises(ValueError), recorded_run("brief", settings, single=True):
        raise ValueError("no document")
    with pytest.raises(KeyboardInterrupt), recorded_run("batch", settings):
        raise KeyboardInterrupt
    runs = sorted(RunLog.default().list(), key=lambda r: r["id"])
    assert [(r["status"], r["documents"], r["failed"]) for r in runs] == [
        ("completed_with_failures", 1, 1), ("failed", 1, 1), ("interrupted", 0, 0)]
