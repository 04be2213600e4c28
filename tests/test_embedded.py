"""Runs the embedded SmolLM2 model for real: no cassette, no network, no key."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from summarize.backends.llama_server import plain_buffers
from summarize.backends.local import EmbeddedServer, default_model_path
from summarize.errors import BackendStartError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korean-troops-kursk.txt"

pytestmark = pytest.mark.embedded


def clean_env() -> dict[str, str]:
    """No key, no configuration; this test's own (empty) cache and run log, so the model runs."""
    return {"PATH": "/usr/bin:/bin",
            **{k: os.environ[k] for k in ("SUMMARIZE_CACHE_DIR", "SUMMARIZE_STATE_DIR",
                                          "SUMMARIZE_CONFIG_DIR")}}


def test_brief_on_the_embedded_model_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    run = subprocess.run(
        [sys.executable, "-m", "summarize.cli", "brief", str(SEED), "-s", "guided", "-f", "json",
         "-o", str(out)],
        capture_output=True, text=True, timeout=600, env=clean_env(),
    )
    assert run.returncode == 0, run.stderr
    assert "embedded model ready" in run.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["provenance"]["backend"] == "local"
    assert any(f["value"] == 10000 and f["qualifier"] == "approximate" for f in data["figures"])
    assert data["grounding"]["evidence_total"] > 0


def test_markdown_on_stdout_and_progress_on_stderr() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "summarize.cli", "brief", str(SEED), "-s", "guided"],
        capture_output=True, text=True, timeout=600, env=clean_env(),
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("# ") and "## Figures" in run.stdout
    assert "summarize:" not in run.stdout and "briefing with smollm2-135m-instruct" in run.stderr


def test_default_on_the_embedded_model_is_the_learned_ranking() -> None:
    """The embedded default is `extractive` (README: the model's picks did not beat the ranker
    on held-out articles); no model starts, and the briefing says which strategy made it."""
    run = subprocess.run(
        [sys.executable, "-m", "summarize.cli", "brief", str(SEED), "-f", "json"],
        capture_output=True, text=True, timeout=600, env=clean_env(),
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["provenance"]["strategy"] == "extractive"
    assert "embedded model ready" not in run.stderr
    sources = {c["attributed_to"] for c in data["key_claims"]}
    assert any(s and "Pentagon" in s for s in sources), sources


def test_the_server_keeps_the_weights_in_plain_buffers() -> None:
    # llama.cpp's AMX matrix product crashes on a prompt of more than one token (AMX CPUs):
    # the embedded server turns the extra buffer types off, where llama.cpp has them.
    class Params:
        use_extra_bufts = True

    params = plain_buffers(Params)()
    assert params.use_extra_bufts is False
    older = plain_buffers(object)()  # a llama.cpp without the setting: left as it is
    assert not hasattr(older, "use_extra_bufts")


def test_a_prompt_of_many_tokens_is_answered_by_the_embedded_server() -> None:
    with EmbeddedServer(default_model_path()) as server:
        request = urllib.request.Request(
            f"{server.base_url}/chat/completions", method="POST",
            headers={"Content-Type": "application/json"},
            data=json.dumps({"messages": [{"role": "user", "content": "Name three colours of "
                                           "the rainbow, please."}], "max_tokens": 8}).encode())
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(
                request, timeout=120) as answer:
            body = json.loads(answer.read())
    assert body["usage"]["prompt_tokens"] > 5
    assert body["choices"][0]["message"]["content"]


def test_the_answer_probe_passes_on_a_live_server_and_names_a_crashed_one() -> None:
    with EmbeddedServer(default_model_path()) as server:
        server.answer_probe()
        assert server._process is not None
        server._process.send_signal(signal.SIGSEGV)  # as the AMX product crashed it
        server._process.wait(timeout=30)
        with pytest.raises(BackendStartError, match="could not answer a prompt.*exited with code"):
            server.answer_probe(timeout=10)
