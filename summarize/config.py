"""Configuration, resolved once into a frozen object: explicit value, environment, default.

Precedence for every setting: flag, then environment, then the user's configuration file
(:mod:`summarize.userconfig`), then the default. Environment variables: ``SUMMARIZE_MODEL``,
``SUMMARIZE_BASE_URL``, ``SUMMARIZE_PROMPT``, ``SUMMARIZE_STRATEGY``, ``SUMMARIZE_TIMEOUT``,
``SUMMARIZE_CONCURRENCY``, ``SUMMARIZE_API_KEY`` (for ``--base-url`` servers that need one),
``OPENAI_API_KEY`` (for ``openai/<model>``), ``SUMMARIZE_LOCAL_MODEL_PATH`` (another GGUF file for
the embedded backend).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from .errors import ConfigError
from .prompts import DEFAULT_PROMPT
from .userconfig import UserConfig, load_user_config, read_keys

__all__ = ["Settings", "public_url", "resolve_settings"]

BackendKind = Literal["local", "openai", "openai-compatible"]
StrategyName = Literal["extractive", "guided", "generative"]
STRATEGIES: tuple[StrategyName, ...] = ("extractive", "guided", "generative")

LOCAL_MODEL = "local"
OPENAI_BASE_URL = "https://api.openai.com/v1"
# What the embedded model does by default: see the README's strategies table.
DEFAULT_LOCAL_STRATEGY: StrategyName = "extractive"


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know. Build it with :func:`resolve_settings`."""

    backend: BackendKind = "local"
    strategy: StrategyName = DEFAULT_LOCAL_STRATEGY
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
    # Documents in flight at once (batch, the service).
    concurrency: int = 4
    # Where each resolved value came from ("flag", "env NAME", "config PATH", "default").
    sources: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)


def public_url(url: str | None) -> str | None:
    """``url`` without user name, password, query or fragment: safe to store and show."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
    except ValueError:
        return "(an invalid URL)"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _pick(name: str, flag: Any, env_name: str | None, env: Mapping[str, str],
          config: UserConfig, sources: dict[str, str], default: Any) -> Any:
    """The first of flag, environment variable, configuration file and default that is set."""
    if flag is not None and flag != "":
        sources[name] = "flag"
        return flag
    if env_name and env.get(env_name):
        sources[name] = f"env {env_name}"
        return env[env_name]
    if config.get(name) is not None:
        sources[name] = f"config {config.path}"
        return config.get(name)
    sources[name] = "default"
    return default


def _number(name: str, raw: Any, source: str) -> float:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} {raw!r} ({source}) is not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise ConfigError(f"{name} {raw!r} ({source}) must be a positive number of seconds")
    return value


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
    config: UserConfig | None = None,
    keys: Mapping[str, str] | None = None,
) -> Settings:
    """Resolve the settings of a run: explicit value, environment, configuration file, default.

    ``model``: ``local`` (the embedded SmolLM2, the default), ``openai/<name>`` (needs
    ``OPENAI_API_KEY`` or a stored ``openai`` key), the name of a server of the configuration
    file, or, with ``base_url``, the model name the server expects.
    ``strategy``: ``extractive``, ``guided`` or ``generative``; by default ``extractive`` for the
    embedded model (see the README: its choices did not beat the learned ranking alone) and
    ``generative`` for the others.

    With ``env`` left out, the process environment, the user's configuration file and stored
    keys are read (:mod:`summarize.userconfig`); with an explicit ``env``, only what is passed.
    """
    if env is None:
        env = os.environ
        config = load_user_config(env) if config is None else config
        keys = read_keys(env) if keys is None else keys
    config = config or UserConfig(Path("(none)"))
    keys = keys or {}
    sources: dict[str, str] = {}
    model = _pick("model", model, "SUMMARIZE_MODEL", env, config, sources, LOCAL_MODEL)
    base_url = _pick("base_url", base_url, "SUMMARIZE_BASE_URL", env, config, sources, None)
    prompt = _pick("prompt", prompt, "SUMMARIZE_PROMPT", env, config, sources, DEFAULT_PROMPT)
    timeout = _number("time-out", _pick("timeout", timeout, "SUMMARIZE_TIMEOUT", env, config,
                                        sources, 120.0), sources["timeout"])
    concurrency = _pick("concurrency", None, "SUMMARIZE_CONCURRENCY", env, config, sources, 4)
    try:
        concurrency = int(concurrency)
    except (TypeError, ValueError):
        raise ConfigError(f"concurrency {concurrency!r} ({sources['concurrency']}) is not a "
                          "whole number") from None
    if not 1 <= concurrency <= 256:
        raise ConfigError(f"concurrency {concurrency} ({sources['concurrency']}) must be 1-256")
    if max_retries is not None and not 0 <= max_retries <= 20:
        raise ConfigError("--max-retries must be between 0 and 20")
    if max_tokens is not None and max_tokens < 64:
        raise ConfigError("--max-tokens must be at least 64")
    strategy = _pick("strategy", strategy, "SUMMARIZE_STRATEGY", env, config, sources, None)
    if strategy is not None and strategy not in STRATEGIES:
        raise ConfigError(f"unknown strategy {strategy!r} ({sources['strategy']}): use "
                          f"{', '.join(STRATEGIES)}")
    common = {
        "prompt": prompt,
        "timeout": timeout,
        "strict": strict,
        "concurrency": concurrency,
        **({"max_retries": max_retries} if max_retries is not None else {}),
        **({"max_tokens": max_tokens} if max_tokens is not None else {}),
    }
    key_source = ""
    if not base_url and model in config.servers:
        server = config.servers[model]
        sources["base_url"] = f"config {config.path} [servers.{model}]"
        base_url, server_name, model = server["base_url"], model, server["model"]
        api_key = env.get("SUMMARIZE_API_KEY") or keys.get(server_name) or None
        key_source = ("env SUMMARIZE_API_KEY" if env.get("SUMMARIZE_API_KEY")
                      else f"stored key {server_name!r}" if api_key else "")
    else:
        api_key = (env.get("SUMMARIZE_API_KEY") or env.get("OPENAI_API_KEY")
                   or keys.get("openai") or None)
        key_source = ("env SUMMARIZE_API_KEY" if env.get("SUMMARIZE_API_KEY")
                      else "env OPENAI_API_KEY" if env.get("OPENAI_API_KEY")
                      else "stored key 'openai'" if api_key else "")

    if base_url:
        if model == LOCAL_MODEL:
            raise ConfigError("a server URL (--base-url) needs a model name (--model NAME): the "
                              "model the server serves")
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"the server URL {public_url(base_url)!r} must start with http:// "
                              "or https://")
        try:
            parts = urlsplit(base_url)
            if not parts.hostname or parts.port == 0:
                raise ValueError
        except ValueError:
            raise ConfigError(f"the server URL {public_url(base_url)!r} has no valid host and "
                              "port") from None
        name = model.removeprefix("openai/") if base_url == OPENAI_BASE_URL else model
        if key_source:
            sources["api_key"] = key_source
        return Settings(
            backend="openai-compatible",
            strategy=strategy or "generative",
            model=name,
            base_url=base_url.rstrip("/"),
            api_key=api_key,
            context_tokens=context_tokens,
            sources=sources,
            **common,  # type: ignore[arg-type]
        )
    if model.startswith("openai/"):
        key = env.get("OPENAI_API_KEY") or keys.get("openai")
        if not key:
            raise ConfigError(f"model {model} needs OPENAI_API_KEY in the environment or a "
                              "stored key (summarize keys set openai)")
        sources["api_key"] = ("env OPENAI_API_KEY" if env.get("OPENAI_API_KEY")
                              else "stored key 'openai'")
        return Settings(
            backend="openai",
            strategy=strategy or "generative",
            model=model.removeprefix("openai/"),
            base_url=OPENAI_BASE_URL,
            api_key=key,
            context_tokens=context_tokens,
            sources=sources,
            **common,  # type: ignore[arg-type]
        )
    if model not in (LOCAL_MODEL, "smollm2", "smollm2-135m-instruct"):
        servers = f", a configured server ({', '.join(config.servers)})" if config.servers else ""
        raise ConfigError(
            f"unknown model {model!r}: use 'local', 'openai/<model>'{servers}, "
            "or a server URL with the server's model name"
        )
    return Settings(
        backend="local",
        strategy=strategy or DEFAULT_LOCAL_STRATEGY,
        context_tokens=context_tokens or 8192,
        local_model_path=env.get("SUMMARIZE_LOCAL_MODEL_PATH") or None,
        sources=sources,
        **common,  # type: ignore[arg-type]
    )
