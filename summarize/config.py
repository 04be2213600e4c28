"""Configuration, resolved once into a frozen object: explicit value, environment, default.

Environment variables: ``SUMMARIZE_MODEL``, ``SUMMARIZE_BASE_URL``, ``SUMMARIZE_PROMPT``,
``SUMMARIZE_TIMEOUT``, ``SUMMARIZE_API_KEY`` (for ``--base-url`` servers that need one),
``OPENAI_API_KEY`` (for ``openai/<model>``), ``SUMMARIZE_LOCAL_MODEL_PATH`` (another GGUF file for
the embedded backend).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from .errors import ConfigError
from .prompts import DEFAULT_PROMPT

__all__ = ["Settings", "resolve_settings"]

BackendKind = Literal["local", "openai", "openai-compatible"]
StrategyName = Literal["extractive", "guided", "generative"]
STRATEGIES: tuple[StrategyName, ...] = ("extractive", "guided", "generative")

LOCAL_MODEL = "local"
OPENAI_BASE_URL = "https://api.openai.com/v1"


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know. Build it with :func:`resolve_settings`."""

    backend: BackendKind = "local"
    strategy: StrategyName = "guided"
    model: str = "smollm2-135m-instruct"
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    prompt: str = DEFAULT_PROMPT
    timeout: float = 120.0
    max_retries: int = 2
    max_tokens: int = 2048
    temperature: float = 0.0
    seed: int = 7
    context_tokens: int | None = 8192
    # A document longer than the context is read in parts; more parts than this are refused.
    max_chunks: int = 64
    local_model_path: str | None = None
    strict: bool = False


def _env_float(env: Mapping[str, str], name: str) -> float | None:
    raw = env.get(name)
    if raw is None or raw == "":
        return None
    try:
        return float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not a number") from exc


def resolve_settings(
    *,
    model: str | None = None,
    base_url: str | None = None,
    prompt: str | None = None,
    timeout: float | None = None,
    max_retries: int | None = None,
    max_tokens: int | None = None,
    context_tokens: int | None = None,
    strict: bool = False,
    strategy: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Resolve the settings of a run from explicit values and the environment.

    ``model``: ``local`` (the embedded SmolLM2, the default), ``openai/<name>`` (needs
    ``OPENAI_API_KEY``) or, with ``base_url``, the model name the server expects.
    ``strategy``: ``extractive``, ``guided`` or ``generative``; by default ``guided`` for the
    embedded model (too small to write a briefing) and ``generative`` for the others.
    """
    env = os.environ if env is None else env
    model = model or env.get("SUMMARIZE_MODEL") or LOCAL_MODEL
    base_url = base_url or env.get("SUMMARIZE_BASE_URL") or None
    prompt = prompt or env.get("SUMMARIZE_PROMPT") or DEFAULT_PROMPT
    timeout = timeout if timeout is not None else _env_float(env, "SUMMARIZE_TIMEOUT") or 120.0
    if timeout <= 0:
        raise ConfigError("the time-out must be positive")
    if max_retries is not None and max_retries < 0:
        raise ConfigError("--max-retries must be 0 or more")
    if max_tokens is not None and max_tokens < 64:
        raise ConfigError("--max-tokens must be at least 64")
    strategy = strategy or env.get("SUMMARIZE_STRATEGY") or None
    if strategy is not None and strategy not in STRATEGIES:
        raise ConfigError(f"unknown strategy {strategy!r}: use {', '.join(STRATEGIES)}")
    common = {
        "prompt": prompt,
        "timeout": timeout,
        "strict": strict,
        **({"max_retries": max_retries} if max_retries is not None else {}),
        **({"max_tokens": max_tokens} if max_tokens is not None else {}),
    }

    if base_url:
        if model == LOCAL_MODEL:
            raise ConfigError("--base-url needs --model NAME: the model name the server serves")
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"--base-url {base_url!r} must start with http:// or https://")
        name = model.removeprefix("openai/") if base_url == OPENAI_BASE_URL else model
        return Settings(
            backend="openai-compatible",
            strategy=strategy or "generative",
            model=name,
            base_url=base_url.rstrip("/"),
            api_key=env.get("SUMMARIZE_API_KEY") or env.get("OPENAI_API_KEY") or None,
            context_tokens=context_tokens,
            **common,  # type: ignore[arg-type]
        )
    if model.startswith("openai/"):
        key = env.get("OPENAI_API_KEY")
        if not key:
            raise ConfigError(f"--model {model} needs OPENAI_API_KEY in the environment")
        return Settings(
            backend="openai",
            strategy=strategy or "generative",
            model=model.removeprefix("openai/"),
            base_url=OPENAI_BASE_URL,
            api_key=key,
            context_tokens=context_tokens,
            **common,  # type: ignore[arg-type]
        )
    if model not in (LOCAL_MODEL, "smollm2", "smollm2-135m-instruct"):
        raise ConfigError(
            f"unknown model {model!r}: use 'local', 'openai/<model>', "
            "or --base-url URL with the server's model name"
        )
    return Settings(
        backend="local",
        strategy=strategy or "guided",
        context_tokens=context_tokens or 8192,
        local_model_path=env.get("SUMMARIZE_LOCAL_MODEL_PATH") or None,
        **common,  # type: ignore[arg-type]
    )
