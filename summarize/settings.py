"""The settings of a run, as plain data: what :func:`summarize.config.resolve_settings` resolves
and every layer reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

__all__ = ["DEFAULT_PROMPT", "Settings", "public_url"]

# The prompt version used when none is named.
DEFAULT_PROMPT = "v1"


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know. Build it with :func:`resolve_settings`."""

    # A kind of summarize.backends.registry; the defaults are the embedded model's.
    backend: str = "local"
    strategy: str = "extractive"
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
