"""The response cache: one SQLite file under the user's cache directory.

A model answer is stored under the SHA-256 of everything that decides it: the messages (they hold
the document and the prompt's content), the answer's JSON Schema, the model and where it is
served, the generation parameters and the briefing schema's version. A second run over the same
inputs makes no model call, and never starts the embedded model.

The directory is ``$SUMMARIZE_CACHE_DIR``, else ``$XDG_CACHE_HOME/summarize``, else
``~/.cache/summarize``. Nothing secret is stored: no key, no header, no URL credentials.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import StorageError
from ..schema import SCHEMA_VERSION, Usage
from ..settings import Settings, public_url
from ..storage import open_sqlite
from ..userconfig import xdg_dir
from .base import Backend, Extraction
from .registry import backend_identity

__all__ = ["CachedBackend", "ResponseCache", "cache_dir", "identity_of"]

logger = logging.getLogger(__name__)

# Finished briefings by the key of everything that decides them (see remember_briefing).
_BRIEFINGS = """
CREATE TABLE IF NOT EXISTS briefings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at REAL NOT NULL
)
"""

_TABLE = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    value TEXT NOT NULL,
    usage TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    seconds REAL NOT NULL,
    created_at REAL NOT NULL
)
"""


def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where the response cache lives (see the module's documentation)."""
    return xdg_dir(os.environ if env is None else env, "SUMMARIZE_CACHE_DIR", "XDG_CACHE_HOME",
                ".cache")


@functools.lru_cache(maxsize=64)
def _schema_of(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


class ResponseCache:
    """Model answers by request key. Safe to share between threads and processes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db = open_sqlite(self.path)
        try:
            self._db.execute(_TABLE)
            self._db.execute(_BRIEFINGS)
        except sqlite3.Error as exc:
            self._db.close()
            raise StorageError(f"cannot open {self.path}: {exc}") from exc
        self.hits = 0
        self.misses = 0

    @classmethod
    def default(cls, env: Mapping[str, str] | None = None) -> ResponseCache:
        return cls(cache_dir(env) / "responses.sqlite")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> ResponseCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def key(
        *,
        identity: Mapping[str, Any],
        messages: list[dict[str, str]],
        response_model: type[BaseModel],
        max_tokens: int,
        max_retries: int,
    ) -> str:
        """The request's key: identity holds the model, where it runs and its parameters."""
        payload = {
            "schema_version": SCHEMA_VERSION,
            "identity": dict(identity),
            "messages": messages,
            "answer_schema": _schema_of(response_model),
            "max_tokens": max_tokens,
            "max_retries": max_retries,
        }
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, key: str, response_model: type[BaseModel]) -> Extraction | None:
        with self._lock:
            row = self._db.execute(
                "SELECT value, usage, attempts, seconds FROM responses WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            self.misses += 1
            return None
        try:
            value = response_model.model_validate_json(row[0])
            usage = Usage.model_validate_json(row[1])
        except ValidationError:
            logger.warning("cache entry %s no longer fits its schema; asking the model", key[:12])
            self.misses += 1
            return None
        self.hits += 1
        return Extraction(value=value, usage=usage, attempts=row[2], seconds=row[3], cached=True)

    def put(self, key: str, model: str, extraction: Extraction) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, model, extraction.value.model_dump_json(), extraction.usage.model_dump_json(),
                 extraction.attempts, extraction.seconds, time.time()),
            )

    def briefing(self, key: str) -> str | None:
        """A finished briefing's JSON by its key (see :func:`summarize.pipeline.finish`)."""
        with self._lock:
            row = self._db.execute("SELECT value FROM briefings WHERE key = ?",
                                   (key,)).fetchone()
        return None if row is None else str(row[0])

    def put_briefing(self, key: str, value: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO briefings VALUES (?, ?, ?)",
                             (key, value, time.time()))

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM responses").fetchone()[0])


def identity_of(backend: Any, settings: Settings) -> dict[str, Any]:
    """The cache identity of ``backend``: its own ``identity()`` when it has one (so a library
    user caching two backends never gets one's answers for the other), else the settings'."""
    own = getattr(backend, "identity", None)
    if callable(own):
        return dict(own())
    identity = backend_identity(settings)
    for name in ("kind", "model", "base_url"):  # what a backend without identity() shows
        value = getattr(backend, name, None)
        if isinstance(value, str):
            identity[f"backend_{name}"] = public_url(value) if name == "base_url" else value
    return identity


class CachedBackend:
    """``inner`` behind the response cache: an answer already known is not asked again."""

    def __init__(self, inner: Backend, cache: ResponseCache, identity: Mapping[str, Any]) -> None:
        self.inner = inner
        self.cache = cache
        self._identity = dict(identity)
        self.kind = inner.kind
        self.model = inner.model
        self.context_tokens = inner.context_tokens

    def identity(self) -> dict[str, Any]:
        return dict(self._identity)

    def _key(self, messages: list[dict[str, str]], response_model: type[BaseModel],
             max_retries: int, max_tokens: int) -> str:
        return self.cache.key(identity=self._identity, messages=messages,
                              response_model=response_model, max_tokens=max_tokens,
                              max_retries=max_retries)

    def extract(self, messages: list[dict[str, str]], response_model: type[BaseModel], *,
                max_retries: int, max_tokens: int) -> Extraction:
        key = self._key(messages, response_model, max_retries, max_tokens)
        hit = self.cache.get(key, response_model)
        if hit is not None:
            logger.info("answer from the cache (%s)", key[:12])
            return hit
        fresh = self.inner.extract(messages, response_model, max_retries=max_retries,
                                   max_tokens=max_tokens)
        self.cache.put(key, self.model, fresh)
        return fresh

    async def aextract(self, messages: list[dict[str, str]], response_model: type[BaseModel],
                       *, max_retries: int, max_tokens: int) -> Extraction:
        key = self._key(messages, response_model, max_retries, max_tokens)
        hit = self.cache.get(key, response_model)
        if hit is not None:
            return hit
        fresh: Extraction = await self.inner.aextract(  # type: ignore[attr-defined]
            messages, response_model, max_retries=max_retries, max_tokens=max_tokens)
        self.cache.put(key, self.model, fresh)
        return fresh
