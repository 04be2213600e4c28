"""The everyday conventions: --version, python -m, the config file, stored keys, models, doctor."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize import ConfigError, resolve_settings
from summarize.cli import app
from summarize.installation import doctor, list_models
from summarize.userconfig import config_dir, load_user_config, read_keys, store_key

ROOT = Path(__file__).resolve().parent.parent
SECRET = "sk-test-planted-0123456789abcdef"


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Any:
    result = CliRunner().invoke(app, list(args), input=input,
                                env={"OPENAI_API_KEY": "", **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def write_config(text: str) -> Path:
    path = config_dir() / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_version_flag_and_python_dash_m() -> None:
    from summarize.installation import package_version

    assert run("--version").stdout.strip() == f"summarize {package_version()}"
    done = subprocess.run([sys.executable, "-m", "summarize", "--version"], capture_output=True,
                          text=True, check=False, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.startswith("summarize ")


def test_config_dir_follows_xdg(tmp_path: Path) -> None:
    assert config_dir({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "summarize"
    assert config_dir({"HOME": str(tmp_path)}) == tmp_path / ".config" / "summarize"
    assert config_dir({"SUMMARIZE_CONFIG_DIR": str(tmp_path / "x"),
                       "XDG_CONFIG_HOME": "/elsewhere"}) == tmp_path / "x"
    assert run("config", "path").stdout.strip() == str(config_dir() / "config.toml")


def test_precedence_flag_env_config_default() -> None:
    path = write_config('strategy = "extractive"\ntimeout = 300\nconcurrency = 2\n')
    config = load_user_config()
    # An explicit env reads no file: library callers get exactly what they pass.
    assert resolve_settings(env={}).sources["strategy"] == "default"
    from_file = resolve_settings(env={}, config=config)
    assert (from_file.strategy, from_file.timeout, from_file.concurrency) == ("extractive",
                                                                              300.0, 2)
    assert from_file.sources["strategy"] == f"config {path}"
    from_env = resolve_settings(env={"SUMMARIZE_STRATEGY": "generative",
                                     "SUMMARIZE_TIMEOUT": "60"}, config=config)
    assert (from_env.strategy, from_env.timeout) == ("generative", 60.0)
    assert from_env.sources["timeout"] == "env SUMMARIZE_TIMEOUT"
    from_flag = resolve_settings(env={"SUMMARIZE_STRATEGY": "generative"}, config=config,
                                 strategy="guided", timeout=5)
    assert (from_flag.strategy, from_flag.timeout, from_flag.sources["strategy"]) == (
        "guided", 5.0, "flag")
    default = resolve_settings(env={})
    assert default.timeout == 120.0 and default.sources["timeout"] == "default"


def test_process_environment_reads_the_config_file() -> None:
    write_config('timeout = 77\n')
    assert resolve_settings().timeout == 77.0


def test_named_server_is_used_as_model() -> None:
    write_config('[servers.gpu]\nbase_url = "http://gpu-box:8000/v1"\nmodel = "Qwen-7B"\n')
    store_key("gpu", SECRET)
    settings = resolve_settings(model="gpu")
    assert settings.backend == "openai-compatible"
    assert (settings.base_url, settings.model, settings.api_key) == (
        "http://gpu-box:8000/v1", "Qwen-7B", SECRET)
    assert SECRET not in repr(settings)


@pytest.mark.parametrize(("text", "words"), [
    ('model = "local"\nstrategy = \n', ["config.toml", "line 2"]),
    ('timeout = "soon"\n', ["config.toml", "line 1", "timeout"]),
    ('\n\nmodle = "local"\n', ["config.toml", "line 3", "modle"]),
    ('[servers.gpu]\nbase_url = "http://x/v1"\n', ["servers.gpu", "model"]),
])
def test_malformed_config_is_one_line_exit_5(text: str, words: list[str]) -> None:
    write_config(text)
    with pytest.raises(ConfigError):
        load_user_config()
    result = run("brief", str(ROOT / "seeds" / "north-korean-troops-kursk.txt"), "-s",
                 "extractive")
    assert result.exit_code == 5, result.stderr
    line = result.stderr.strip()
    assert "\n" not in line and line.startswith("summarize: error:")
    for word in words:
        assert word in line


def test_config_show_names_sources_and_masks_keys() -> None:
    path = write_config('strategy = "extractive"\n')
    store_key("openai", SECRET)
    result = run("config", "show", "--model", "openai/gpt-4o-mini",
                 env={"SUMMARIZE_TIMEOUT": "42"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert SECRET not in out and SECRET not in result.stderr
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "extractive" in lines["strategy"] and str(path) in lines["strategy"]
    assert "42" in lines["timeout"] and "env SUMMARIZE_TIMEOUT" in lines["timeout"]
    assert "flag" in lines["model"]
    assert "hidden" in lines["api_key"] and "stored key 'openai'" in lines["api_key"]


def test_keys_set_reads_stdin_stores_0600_env_first() -> None:
    result = run("keys", "set", "openai", input=SECRET + "\n")
    assert result.exit_code == 0, result.stderr
    assert SECRET not in result.stdout + result.stderr
    path = config_dir() / "keys.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_keys() == {"openai": SECRET}
    listed = run("keys", "list")
    assert listed.stdout == "openai\n"
    # Stored key used when the environment has none; the environment wins when it has one.
    assert resolve_settings(model="openai/gpt-4o-mini", env={},
                            keys=read_keys()).api_key == SECRET
    assert resolve_settings(model="openai/gpt-4o-mini", env={"OPENAI_API_KEY": "sk-env"},
                            keys=read_keys()).api_key == "sk-env"
    # Never from an argument: there is no such option.
    assert run("keys", "set", "openai", SECRET).exit_code == 2


def test_keys_set_refuses_empty_key_and_bad_names() -> None:
    assert run("keys", "set", "openai", input="\n").exit_code == 5
    assert run("keys", "set", "../evil", input="k\n").exit_code == 5
    assert not (config_dir() / "keys.json").exists()


def test_models_lists_embedded_openai_and_servers() -> None:
    write_config('[servers.gpu]\nbase_url = "http://user:pw@127.0.0.1:9/v1"\nmodel = "Q"\n')
    rows = {r.name: r for r in list_models()}
    assert "local" in rows and "openai/gpt-4o-mini" in rows and "gpu" in rows
    assert "$" in rows["openai/gpt-4o-mini"].detail
    assert "pw" not in rows["gpu"].detail
    probed = {r.name: r for r in list_models(probe=True)}
    assert probed["gpu"].status.startswith("no answer")
    result = run("models")
    assert result.exit_code == 0 and "openai/gpt-4o" in result.stdout


def test_models_probe_sees_a_server() -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Models(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = b'{"object": "list", "data": [{"id": "m"}]}'
            self.send_response(200 if self.path == "/v1/models" else 404)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Models)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        write_config(f'[servers.up]\nbase_url = "{url}"\nmodel = "m"\n')
        probed = {r.name: r for r in list_models(probe=True)}
        assert probed["up"].status.startswith("answers"), probed["up"]
    finally:
        server.shutdown()
        server.server_close()


def test_doctor_reports_each_check_and_exit_code(tmp_path: Path) -> None:
    checks = {c.name: c for c in doctor(start_model=False)}
    for name in ("config file", "embedded model file", "llama_cpp", "Pango (PDF output)",
                 "Chromium (browser tests)", "cache directory", "state directory"):
        assert name in checks
    assert checks["config file"].ok and checks["cache directory"].ok
    # A broken config file and a corrupt cache database are reported with their fixes.
    write_config("strategy = \n")
    cache = Path(os.environ["SUMMARIZE_CACHE_DIR"])
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "responses.sqlite").write_bytes(b"this is not a database" * 100)
    bad = {c.name: c for c in doctor(start_model=False)}
    assert not bad["config file"].ok and not bad["cache database"].ok
    assert "delete" in bad["cache database"].fix
    result = run("doctor", "--no-start")
    assert result.exit_code == 5
    assert any(line.startswith("FAIL config file") for line in result.stdout.splitlines())


@pytest.mark.embedded
def test_doctor_starts_the_embedded_model() -> None:
    checks = {c.name: c for c in doctor()}
    assert checks["llama_cpp"].ok and "starts in" in checks["llama_cpp"].detail
    assert "answers a prompt" in checks["llama_cpp"].detail


def test_no_color_and_pipes_give_plain_text() -> None:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm-256color"}
    done = subprocess.run([sys.executable, "-m", "summarize", "--help"], capture_output=True,
                          text=True, env=env, check=False)
    assert done.returncode == 0 and "\x1b[" not in done.stdout + done.stderr
    done = subprocess.run([sys.executable, "-m", "summarize", "brief", "/nonexistent"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 3 and "\x1b[" not in done.stderr


def test_completion_is_offered() -> None:
    assert "--install-completion" in run("--help").stdout
