"""Every exit code of the CLI, with one line on stderr and no traceback.

Backend faults come from a small HTTP server on loopback that answers as we tell it.
"""

from __future__ import annotations

import socket
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from tests.conftest import Stub, tool_call_completion

SEED = Path(__file__).resolve().parent.parent / "seeds" / "north-korean-troops-kursk.txt"


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    result = CliRunner().invoke(app, list(args), env={"OPENAI_API_KEY": "", **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def assert_fails(result: Any, code: int, *words: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) >= 1 and lines[-1].startswith("summarize: error:"), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    for word in words:
        assert word in lines[-1], (word, lines[-1])


def test_usage_error_is_2() -> None:
    assert invoke("brief").exit_code == 2
    assert invoke("brief", str(SEED), "--format", "pdfx").exit_code == 2


@pytest.mark.parametrize(
    ("content", "word"),
    [(None, "no such file"), (b"", "empty"), (b" \n\n ", "empty"),
     (b"\x00\x01binary\x00", "binary"), ("na\u00efve".encode("latin-1"), "UTF-8")],
)
def test_bad_input_is_3(tmp_path: Path, content: bytes | None, word: str) -> None:
    p = tmp_path / "doc.txt"
    if content is not None:
        p.write_bytes(content)
    assert_fails(invoke("brief", str(p)), 3, word)


def test_directory_is_3(tmp_path: Path) -> None:
    assert_fails(invoke("brief", str(tmp_path)), 3, "directory")


def test_document_too_long_is_4_before_any_model_starts(tmp_path: Path) -> None:
    # Longer documents are read in parts; one needing more than 64 parts is refused up front.
    big = tmp_path / "big.txt"
    big.write_text("The agency said troops may move. " * 160000)
    began = time.monotonic()
    assert_fails(invoke("brief", str(big), "--strategy", "generative"), 4, "context")
    assert time.monotonic() - began < 5


def test_server_rejecting_the_context_is_4(stub: tuple[Stub, str]) -> None:
    state, url = stub
    state.status = 400
    state.body = {"error": {"message": "Requested tokens (9000) exceed context window of 8192",
                            "type": "invalid_request_error"}}
    assert_fails(invoke("brief", str(SEED), "--base-url", url, "--model", "m"), 4, "context")


@pytest.mark.parametrize(
    ("args", "env", "word"),
    [
        (["--prompt", "v999", "-s", "guided"], {}, "unknown prompt version"),
        (["--model", "openai/gpt-4o-mini"], {}, "OPENAI_API_KEY"),
        (["--base-url", "http://127.0.0.1:1/v1"], {}, "--model"),
        (["--model", "gpt-17"], {}, "unknown model"),
        (["--strategy", "creative"], {}, "unknown strategy"),
        (["--base-url", "ftp://x", "--model", "m"], {}, "http"),
    ],
)
def test_configuration_errors_are_5(args: list[str], env: dict[str, str], word: str) -> None:
    assert_fails(invoke("brief", str(SEED), *args, env=env), 5, word)


def test_embedded_server_failing_to_start_is_7(tmp_path: Path) -> None:
    fake = tmp_path / "broken.gguf"
    fake.write_bytes(b"not a model")
    result = invoke("brief", str(SEED), "-s", "guided",
                    env={"SUMMARIZE_LOCAL_MODEL_PATH": str(fake)})
    assert_fails(result, 7, "embedded model server")
    # The extractive strategy needs no model: it works all the same.
    result = invoke("brief", str(SEED), "--strategy", "extractive",
                    env={"SUMMARIZE_LOCAL_MODEL_PATH": str(fake)})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Intelligence report: North Korean troops")


def test_connection_refused_is_8() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = invoke("brief", str(SEED), "--base-url", f"http://127.0.0.1:{port}/v1", "--model",
                    "m")
    assert_fails(result, 8, "connection failed", f"127.0.0.1:{port}")


def test_http_error_is_8_and_names_the_backend(stub: tuple[Stub, str]) -> None:
    state, url = stub
    state.status = 404
    state.body = {"error": {"message": "model 'm' not found"}}
    assert_fails(invoke("brief", str(SEED), "--base-url", url, "--model", "m"), 8, "HTTP 404",
                 "openai-compatible")


def test_time_out_is_9(stub: tuple[Stub, str]) -> None:
    state, url = stub
    state.delay = 2.0
    state.body = tool_call_completion("{}")
    result = invoke("brief", str(SEED), "--base-url", url, "--model", "m", "--timeout", "0.3")
    assert_fails(result, 9, "time-out")


def test_output_still_invalid_after_retries_is_10(stub: tuple[Stub, str], tmp_path: Path) -> None:
    state, url = stub
    state.body = tool_call_completion('{"title": 5}')
    out = tmp_path / "brief.json"
    result = invoke("brief", str(SEED), "--base-url", url, "--model", "m", "--max-retries", "2",
                    "-o", str(out))
    assert_fails(result, 10, "invalid after 3 attempt")
    # Progress lines and the error, each one line of ours: no library log dumps.
    assert all(ln.startswith("summarize: ") for ln in result.stderr.strip().splitlines())
    assert state.requests == 3
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_unwritable_output_is_11(stub: tuple[Stub, str], tmp_path: Path) -> None:
    result = invoke("brief", str(SEED), "-o", str(tmp_path / "missing" / "b.md"), "--base-url",
                    stub[1], "--model", "m", "--prompt", "v999")
    assert result.exit_code == 5  # configuration is checked first, before any work
    result = invoke("schema", "-o", str(tmp_path / "missing" / "schema.json"))
    assert_fails(result, 11, "does not exist")


def test_prompts_lists_versions() -> None:
    result = invoke("prompts")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(ln.startswith("generative\tv1\t") for ln in lines)
    assert any(ln.startswith("guided\tv1\t") for ln in lines)


def test_help_documents_exit_codes() -> None:
    result = invoke("--help")
    assert result.exit_code == 0 and "Exit codes" in result.stdout


def test_other_backend_errors_are_6() -> None:
    from summarize.backends import OpenAICompatibleBackend
    from summarize.schema import Usage

    backend = OpenAICompatibleBackend(kind="local", model="m", base_url="http://127.0.0.1:9/v1",
                                      api_key=None, timeout=1)
    error = backend._translate(RuntimeError("boom"), 0, Usage())
    assert type(error).__name__ == "BackendError" and error.exit_code == 6
    assert "boom" in str(error) and "local backend" in str(error)


@pytest.mark.parametrize(
    ("raised", "code", "message"),
    [(KeyboardInterrupt(), 130, "interrupted"),
     (RuntimeError("unexpected"), 1, "internal error: RuntimeError: unexpected")],
)
def test_main_turns_interrupts_and_surprises_into_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    raised: BaseException, code: int, message: str,
) -> None:
    import summarize.cli as cli
    import summarize.pipeline as pipeline

    def explode(*args: Any, **kwargs: Any) -> None:
        raise raised

    monkeypatch.setattr(pipeline, "brief", explode)
    monkeypatch.setattr(sys, "argv", ["summarize", "brief", str(SEED)])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == code
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == f"summarize: {message}"
    assert "Traceback" not in err
