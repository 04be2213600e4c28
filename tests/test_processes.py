"""The embedded server's process: a clean environment, and never orphaned (SIGTERM, SIGHUP or
SIGKILL of the CLI); runs whose process is gone are shown interrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarize import resolve_settings
from summarize.backends.local import default_model_path, server_environment
from summarize.runs.log import RunLog

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korean-troops-kursk.txt"


def test_server_environment_keeps_only_what_a_process_needs() -> None:
    env = server_environment({"PATH": "/bin", "HOME": "/root", "LC_ALL": "C.UTF-8",
                              "OMP_NUM_THREADS": "2", "SEED": "abc", "API_KEY": "foo",
                              "CONFIG_FILE": "/x", "MODEL": "m", "PORT": "1",
                              "OPENAI_API_KEY": "sk-x", "SUMMARIZE_API_KEY": "sk-y"})
    assert env == {"PATH": "/bin", "HOME": "/root", "LC_ALL": "C.UTF-8", "OMP_NUM_THREADS": "2"}


def test_stale_running_runs_become_interrupted(tmp_path: Path) -> None:
    log = RunLog(tmp_path / "runs.sqlite")
    try:
        gone = subprocess.Popen([sys.executable, "-c", "pass"])
        gone.wait()
        recorder = log.start("brief", resolve_settings(env={}))
        log._update(recorder.run_id, {"pid": gone.pid})
        alive = log.start("batch", resolve_settings(env={}))  # this process: still running
        rows = {r["id"]: r for r in log.list()}
        assert rows[recorder.run_id]["status"] == "interrupted"
        assert rows[recorder.run_id]["finished_at"]
        assert rows[alive.run_id]["status"] == "running"
    finally:
        log.close()


def _servers_of(model: Path) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        if "summarize.backends.llama_server" in cmdline and str(model) in cmdline:
            pids.append(int(entry.name))
    return pids


def _start_brief(tmp_path: Path) -> tuple[subprocess.Popen[str], Path]:
    model = tmp_path / "unique-model.gguf"
    model.symlink_to(default_model_path())
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "SUMMARIZE_LOCAL_MODEL_PATH": str(model), "SEED": "abc", "API_KEY": "foo",
           **{k: os.environ[k] for k in ("SUMMARIZE_CACHE_DIR", "SUMMARIZE_STATE_DIR",
                                         "SUMMARIZE_CONFIG_DIR")}}
    proc = subprocess.Popen([sys.executable, "-m", "summarize", "brief", str(SEED), "-s",
                             "guided"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    deadline = time.monotonic() + 120
    while not _servers_of(model):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the embedded server never started"
        time.sleep(0.1)
    return proc, model


def _gone(model: Path, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _servers_of(model):
            return True
        time.sleep(0.2)
    return False


@pytest.mark.embedded
def test_many_first_opens_of_the_same_files_at_once_all_succeed(tmp_path: Path) -> None:
    # The service's first requests open a new run log and cache side by side; switching a new
    # file to WAL mode used to fail at once with "database is locked" (a 400 in the service).
    import threading

    from summarize.backends.cache import ResponseCache
    from summarize.service.jobs import JobStore

    errors: list[BaseException] = []
    for trial in range(30):
        folder = tmp_path / str(trial)
        barrier = threading.Barrier(6)

        def open_all(kind: int, folder: Path = folder, barrier: threading.Barrier = barrier
                     ) -> None:
            barrier.wait()
            try:
                store = (RunLog(folder / "runs.sqlite"), ResponseCache(folder / "cache.sqlite"),
                         JobStore(folder / "jobs.sqlite"))[kind % 3]
                store.close()
            except BaseException as exc:  # noqa: BLE001 - collected and reported below
                errors.append(exc)

        threads = [threading.Thread(target=open_all, args=(k,)) for k in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []


def test_unrelated_environment_variables_do_not_break_the_server(tmp_path: Path) -> None:
    proc, _ = _start_brief(tmp_path)  # SEED=abc and API_KEY=foo are in its environment
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert out.startswith("# ")


@pytest.mark.embedded
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_the_server_never_outlives_the_cli(tmp_path: Path, signum: int) -> None:
    proc, model = _start_brief(tmp_path)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert _gone(model), "the embedded model server outlived the CLI"
    if signum != signal.SIGKILL:
        assert proc.returncode == 128 + signum, err
        assert "terminated by" in err and "Traceback" not in err
        runs = RunLog.default()
        try:
            assert runs.list(limit=1)[0]["status"] == "interrupted"
        finally:
            runs.close()
