"""``summarize serve``: the briefing as an HTTP service, and a page for analysts.

Built by :func:`create_app` (tests build their own with fakes and a temporary state
directory). Routes: ``POST /v1/briefings`` (the briefing now, as JSON, HTML, Markdown or PDF),
``POST /v1/analyses`` (the analysers' figures, hedges, attributions and names; no model),
``POST /v1/jobs`` and ``GET /v1/jobs/{id}`` (durable jobs, :mod:`summarize.service.jobs`),
``GET /v1/schema``, ``GET /openapi.json``, ``GET /healthz`` (no key), ``GET /metrics``
(Prometheus), ``GET /`` (the page). Every error is ``application/problem+json`` (RFC 9457).
"""


import asyncio
import contextlib
import hashlib
import hmac
import logging
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..backends import Backend
from ..backends.cache import ResponseCache
from ..errors import (
    SummarizeError,
)
from ..render import render_html, render_markdown, render_pdf
from ..schema import Briefing, briefing_json_schema
from ..settings import Settings
from .engine import AnalyseRequest, BriefRequest, Engine, RequestTimeout
from .http import PROBLEM, BodyLimit, Metrics, Problem, RateLimiter, problem, status_of
from .jobs import JobStore
from .workers import JobWorkers

__all__ = ["ServiceOptions", "create_app"]

logger = logging.getLogger(__name__)

Format = Literal["json", "html", "markdown", "pdf"]
_MEDIA = {"json": "application/json", "html": "text/html; charset=utf-8",
          "markdown": "text/markdown; charset=utf-8", "pdf": "application/pdf"}
@dataclass(frozen=True)
class ServiceOptions:
    """How the service runs; ``summarize serve``'s flags."""

    keys: tuple[str, ...] = field(default=(), repr=False)
    max_body: int = 10 * 2**20
    rate_limit: float = 120.0  # requests per minute per key; 0 turns it off
    concurrency: int = 2
    request_timeout: float = 300.0
    workers: int = 1
    lease_seconds: float = 60.0
    # Seconds a finished job (its text, its briefing or error) is kept; 0 keeps it for ever.
    job_retention: float = 7 * 24 * 3600.0
    state_dir: Path | None = None
    use_cache: bool = True


class JobAccepted(BaseModel):
    id: str
    state: str
    location: str


class JobError(BaseModel):
    type: str
    message: str
    status: int


class JobView(BaseModel):
    id: str
    state: Literal["queued", "running", "succeeded", "failed"]
    created_at: float
    updated_at: float
    attempts: int
    briefing: Briefing | None = None
    error: JobError | None = None


def _render(b: Briefing, text: str, fmt: str) -> Response:
    if fmt == "html":
        return HTMLResponse(render_html(b, text))
    if fmt == "markdown":
        return Response(render_markdown(b), media_type=_MEDIA["markdown"])
    if fmt == "pdf":
        return Response(render_pdf(b, text), media_type=_MEDIA["pdf"])
    return JSONResponse(b.model_dump(mode="json"))


def _negotiate(request: Request, fmt: str | None) -> str:
    if fmt:
        return fmt
    accept = request.headers.get("accept", "")
    for name, media in (("html", "text/html"), ("markdown", "text/markdown"),
                        ("pdf", "application/pdf")):
        if media in accept and "application/json" not in accept.split(",")[0]:
            return name
    return "json"


def create_app(settings: Settings, options: ServiceOptions | None = None, *,
               backend: Backend | None = None) -> FastAPI:
    """The service for ``settings``; ``backend`` replaces the one the settings describe."""
    from ..runs.log import state_dir

    options = options or ServiceOptions()
    folder = options.state_dir or state_dir()
    store = JobStore(folder / "jobs.sqlite", lease_seconds=options.lease_seconds)
    metrics = Metrics(store)
    cache = None
    if options.use_cache:
        try:
            cache = ResponseCache.default()
        except SummarizeError as exc:
            logger.warning("the response cache is unusable, serving without it (%s)", exc)
    engine = Engine(settings, concurrency=options.concurrency, timeout=options.request_timeout,
                    cache=cache, backend=backend, on_briefing=metrics.briefing,
                    state_dir=folder)
    limiter = RateLimiter(options.rate_limit)
    keys = [k.encode() for k in options.keys]
    workers = JobWorkers(store, engine, count=options.workers,
                         lease_seconds=options.lease_seconds, retention=options.job_retention)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await workers.start()
        try:
            yield
        finally:
            await workers.stop()
            await engine.drain(options.request_timeout)
            engine.close()
            store.close()
            if cache is not None:
                cache.close()

    # The OpenAPI document is served below behind the key, like every route but /healthz and
    # the page (which holds no data); no interactive docs.
    app = FastAPI(title="summarize", version=_version(), lifespan=lifespan,
                  description="Grounded, schema-valid briefings of documents.",
                  openapi_url=None, docs_url=None, redoc_url=None)

    def caller(request: Request) -> str:
        """The caller's key id (a hash prefix: keys are never logged or stored)."""
        if not keys:
            return "anonymous"
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise Problem(401, "API key required", "send Authorization: Bearer <key>",
                          headers={"WWW-Authenticate": "Bearer"})
        given = token.strip().encode()
        match = False
        for key in keys:  # every key compared, in constant time
            match |= hmac.compare_digest(given, key)
        if not match:
            raise Problem(403, "API key not accepted")
        return hashlib.sha256(given).hexdigest()[:16]

    def limited(who: Annotated[str, Depends(caller)]) -> str:
        wait = limiter.take(who)
        if wait > 0:
            raise Problem(429, "Too many requests", f"retry in {math.ceil(wait)} s",
                          headers={"Retry-After": str(math.ceil(wait))})
        return who

    Caller = Annotated[str, Depends(limited)]
    FormatQuery = Annotated[Format | None, Query(alias="format")]

    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> JSONResponse:
        return problem(exc.status, exc.title, exc.detail, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"field": "body" if e.get("type") == "json_invalid" else
                   ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body",
                   "message": e.get("msg", "")} for e in exc.errors()]
        first = errors[0] if errors else {"field": "body", "message": "invalid"}
        return problem(422, "Invalid request", f"{first['field']}: {first['message']}",
                        errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(SummarizeError)
    async def on_error(request: Request, exc: SummarizeError) -> JSONResponse:
        return problem(status_of(exc), type(exc).__name__, str(exc))

    @app.exception_handler(RequestTimeout)
    async def on_timeout(request: Request, exc: RequestTimeout) -> JSONResponse:
        return problem(504, "Timed out", str(exc))

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.error("unexpected %s on %s", type(exc).__name__, request.url.path)
        return problem(500, "Internal error", type(exc).__name__)

    @app.middleware("http")
    async def measure(request: Request,
                      call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        began = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        name = getattr(route, "path", "unmatched")
        metrics.requests.labels(name, request.method, str(response.status_code)).inc()
        metrics.latency.labels(name).observe(time.perf_counter() - began)
        return response

    problem_responses: dict[int | str, dict[str, Any]] = {
        status: {"description": title, "content": {PROBLEM: {}}}
        for status, title in ((400, "Bad setting"), (401, "No key"), (403, "Wrong key"),
                              (413, "Too large"), (422, "Invalid input"),
                              (429, "Rate limited"), (502, "Backend failed"),
                              (504, "Timed out"))}

    @app.post("/v1/briefings", response_model=Briefing, responses={
        **problem_responses, 200: {"content": {m: {} for m in _MEDIA.values()}}})
    async def create_briefing(body: BriefRequest, request: Request, who: Caller,
                              fmt: FormatQuery = None) -> Response:
        """The briefing of a document, now. JSON by default; HTML, Markdown or PDF by
        ``?format=`` or ``Accept``."""
        briefing, document = await engine.run(body)
        return _render(briefing, document.text, _negotiate(request, fmt))

    @app.post("/v1/analyses", responses=problem_responses)
    async def create_analysis(body: AnalyseRequest, who: Caller) -> JSONResponse:
        """The figures, hedges, attributions and names the analysers find in a document, with
        character offsets into it (as ``summarize analyze``; no model)."""
        return JSONResponse(await engine.analyse(body))

    @app.post("/v1/jobs", status_code=202, response_model=JobAccepted,
              responses=problem_responses)
    async def create_job(body: BriefRequest, who: Caller) -> JSONResponse:
        """Queue a briefing; poll ``Location`` for it. Jobs survive a restart."""
        job = await asyncio.to_thread(store.submit,
                                      {"body": body.model_dump(exclude_none=True), "key": who})
        workers.notify()
        location = f"/v1/jobs/{job.id}"
        return JSONResponse(JobAccepted(id=job.id, state=job.state,
                                        location=location).model_dump(),
                            status_code=202, headers={"Location": location})

    @app.get("/v1/jobs/{job_id}", response_model=JobView,
             responses={**problem_responses, 404: {"description": "No such job",
                                                   "content": {PROBLEM: {}}}})
    async def get_job(job_id: str, request: Request, who: Caller,
                      fmt: FormatQuery = None) -> Response:
        """A job's state; its briefing once it succeeded (``?format=`` as for briefings)."""
        job = await asyncio.to_thread(store.get, job_id) if len(job_id) <= 64 else None
        if job is None or job.request.get("key") != who:
            kept = (f"; finished jobs are deleted after {options.job_retention / 3600:g} h"
                    if options.job_retention > 0 else "")
            raise Problem(404, "No such job", f"{job_id[:64]!r} is not a job of this key{kept}")
        briefing = Briefing.model_validate(job.result) if job.result else None
        wanted = _negotiate(request, fmt)
        if briefing is not None and wanted != "json":
            return _render(briefing, job.request["body"]["text"], wanted)
        view = JobView(id=job.id, state=job.state, created_at=job.created_at,  # type: ignore[arg-type]
                       updated_at=job.updated_at, attempts=job.attempts, briefing=briefing,
                       error=JobError(**job.error) if job.error else None)
        return JSONResponse(view.model_dump(mode="json"))

    @app.get("/v1/schema")
    async def schema(who: Caller) -> JSONResponse:
        """The briefing's JSON Schema (the same as `summarize schema`)."""
        return JSONResponse(briefing_json_schema())

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi(who: Caller) -> JSONResponse:
        return JSONResponse(_openapi(app))

    @app.get("/healthz")
    async def healthz() -> dict[str, Any]:
        """Alive, and what the jobs are doing. No key needed."""
        return {"status": "ok", "jobs": await asyncio.to_thread(store.counts)}

    @app.get("/metrics", response_class=Response)
    async def prometheus(who: Caller) -> Response:
        """Prometheus metrics: requests by route and status, latency, jobs by state, model
        calls, cache hits."""
        data = await asyncio.to_thread(metrics.render)
        return Response(data, media_type="text/plain; version=0.0.4; charset=utf-8")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        html = resources.files("summarize.service").joinpath("page.html").read_text("utf-8")
        return HTMLResponse(html)

    app.add_middleware(BodyLimit, limit=options.max_body)
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    from fastapi.openapi.utils import get_openapi

    if app.openapi_schema is None:
        app.openapi_schema = get_openapi(title=app.title, version=app.version,
                                         description=app.description, routes=app.routes)
    return app.openapi_schema


def _version() -> str:
    from ..version import package_version

    return package_version()
