"""The service's HTTP plumbing: problem responses (RFC 9457), the body limit, the per-key rate
limit and the Prometheus metrics."""

import time
from typing import Any

from fastapi.responses import JSONResponse
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import (
    BackendStartError,
    BackendTimeoutError,
    BackendUnavailableError,
    ConfigError,
    DocumentTooLongError,
    ExtractionError,
    InputError,
    StorageError,
    SummarizeError,
)
from ..schema import Briefing
from .jobs import JobStore

__all__ = ["PROBLEM", "BodyLimit", "Metrics", "Problem", "RateLimiter", "problem", "status_of"]

PROBLEM = "application/problem+json"


_STATUS: list[tuple[type[SummarizeError], int]] = [
    (DocumentTooLongError, 413), (InputError, 422), (StorageError, 503), (ConfigError, 400),
    (BackendTimeoutError, 504), (BackendStartError, 503), (BackendUnavailableError, 502),
    (ExtractionError, 502), (SummarizeError, 502),
]


class Problem(Exception):
    def __init__(self, status: int, title: str, detail: str = "",
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail or title)
        self.status, self.title, self.detail, self.headers = status, title, detail, headers


def problem(status: int, title: str, detail: str = "", *,
             headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status,
            **({"detail": detail} if detail else {}), **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


class BodyLimit:
    """413 for a body over ``limit`` bytes, whether it says so in Content-Length or not."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        too_big = problem(413, "Request body too large",
                           f"the body may be at most {self.limit} bytes")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await too_big(scope, receive, send)
            return
        # Read the body here (the app would read it whole anyway), counting as it arrives.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            seen += len(chunks[-1])
            if seen > self.limit:
                await too_big(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class Metrics:
    def __init__(self, jobs: JobStore) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("summarize_http_requests_total", "HTTP requests",
                                ["route", "method", "status"], registry=self.registry)
        self.latency = Histogram("summarize_http_request_seconds", "HTTP request latency",
                                 ["route"], registry=self.registry,
                                 buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
                                          120, 300))
        self.jobs = Gauge("summarize_jobs", "Jobs by state", ["state"], registry=self.registry)
        self.model_calls = Counter("summarize_model_calls_total",
                                   "Model calls (attempts included, cache hits excluded)",
                                   registry=self.registry)
        self.cache_hits = Counter("summarize_cache_hits_total",
                                  "Briefings answered from the response cache",
                                  registry=self.registry)
        self.briefings = Counter("summarize_briefings_total", "Briefings made", ["strategy"],
                                 registry=self.registry)
        self._store = jobs

    def briefing(self, b: Briefing) -> None:
        self.briefings.labels(b.provenance.strategy).inc()
        if b.provenance.cached:
            self.cache_hits.inc()
        else:
            self.model_calls.inc(b.provenance.attempts)

    def render(self) -> bytes:
        for state, n in self._store.counts().items():
            self.jobs.labels(state).set(n)
        return generate_latest(self.registry)


class RateLimiter:
    """A token bucket per key: ``per_minute`` requests a minute, bursts of as many."""

    def __init__(self, per_minute: float) -> None:
        self.rate = per_minute / 60.0
        self.capacity = max(1.0, per_minute)
        self.buckets: dict[str, tuple[float, float]] = {}

    def take(self, key: str) -> float:
        """0 when allowed; else the seconds until the next request is."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        tokens, last = self.buckets.get(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.rate)
        if tokens >= 1:
            self.buckets[key] = (tokens - 1, now)
            return 0.0
        self.buckets[key] = (tokens, now)
        return (1 - tokens) / self.rate


def status_of(exc: SummarizeError) -> int:
    return next(status for kind, status in _STATUS if isinstance(exc, kind))
