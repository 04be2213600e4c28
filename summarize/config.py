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
from pathlib import Path
from typing import Any, get_args
from urllib.parse import urlsplit

from .errors import ConfigError
from .settings import DEFAULT_PROMPT, Settings, public_url
from .userconfig import UserConfig, load_user_config, read_keys
from .vocabulary import Strategy

__all__ = ["Settings", "resolve_settings"]

# The strategies the contract knows (schema.Strategy, defined in vocabulary); each is a module
# of summarize.strategies.
STRATEGIES: tuple[str, ...] = get_args(Strategy)

# The model used when none is named: the embedded one (see summarize.backends.local).
LOCAL_MODEL = "local"


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
        raise ConfigError("the max_retries setting must be between 0 and 20")
    if max_tokens is not None and max_tokens < 64:
        raise ConfigError("the max_tokens setting must be at least 64")
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

    from .backends.registry import URL_KIND, kind_for_model, kinds

    if base_url:
        if model == LOCAL_MODEL:
            raise ConfigError("a server URL needs a model name (the model setting): the model the "
                              "server serves")
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
        if key_source:
            sources["api_key"] = key_source
        return Settings(
            backend=URL_KIND,
            strategy=strategy or "generative",
            model=model,
            base_url=base_url.rstrip("/"),
            api_key=api_key,
            context_tokens=context_tokens,
            sources=sources,
            **common,  # type: ignore[arg-type]
        )
    kind = kind_for_model(model)
    if kind is None or kind.configure is None:
        examples = ", ".join(repr(k.example) for k in kinds() if k.example)
        servers = f", a configured server ({', '.join(config.servers)})" if config.servers else ""
        raise ConfigError(
            f"unknown model {model!r}: use {examples}{servers}, "
            "or a server URL with the server's model name"
        )
    fields = kind.configure(model, env, keys)
    if "api_key_source" in fields:
        sources["api_key"] = fields.pop("api_key_source")
    return Settings(
        backend=kind.name,
        strategy=strategy or kind.default_strategy,
        context_tokens=context_tokens or kind.default_context_tokens,
        sources=sources,
        **fields,
        **common,  # type: ignore[arg-type]
    )
