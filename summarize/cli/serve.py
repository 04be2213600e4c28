"""``summarize serve``: the HTTP service, thin over :func:`summarize.service.create_app`."""

from __future__ import annotations

import ipaddress
import logging
import os
import signal
from pathlib import Path
from typing import Annotated

import typer

from .. import errors
from ..config import resolve_settings
from .common import fail
from .options import NoCache

__all__ = ["register"]

logger = logging.getLogger("summarize")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def read_keys_file(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise errors.ConfigError(f"{path}: cannot read the keys file ({exc})") from exc
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def serve(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    keys_file: Annotated[Path | None, typer.Option(help="API keys, one per line (also: "
                                                   "SUMMARIZE_SERVER_KEYS, comma-separated).")]
    = None,
    insecure_no_auth: Annotated[bool, typer.Option(help="Allow a non-loopback address "
                                                   "without keys.")] = False,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Briefings in flight at "
                                             "once; the rest queue.")] = 2,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Job workers in this process.")]
    = 1,
    max_body: Annotated[int, typer.Option(min=1024, help="Largest request body, bytes.")]
    = 10 * 2**20,
    rate_limit: Annotated[float, typer.Option(min=0, help="Requests per minute per key "
                                              "(0: no limit).")] = 120.0,
    request_timeout: Annotated[float, typer.Option(min=0.1, help="Seconds before a briefing "
                                                   "request is answered 504.")] = 300.0,
    job_retention: Annotated[float, typer.Option(min=0, help="Hours a finished job (its text "
                                                 "and briefing) is kept (0: for ever).")]
    = 168.0,
    no_cache: NoCache = False,
    model: Annotated[str | None, typer.Option("--model", "-m", help="As for `brief`.")] = None,
    base_url: Annotated[str | None, typer.Option(help="As for `brief`.")] = None,
    prompt: Annotated[str | None, typer.Option("--prompt", "-p", help="As for `brief`.")] = None,
    strategy: Annotated[str | None, typer.Option("--strategy", "-s", help="As for `brief`.")]
    = None,
    timeout: Annotated[float | None, typer.Option(help="Seconds to wait for the model.")] = None,
) -> None:
    """Serve briefings over HTTP (JSON API, durable jobs, metrics) with a page for analysts."""
    try:
        settings = resolve_settings(model=model, base_url=base_url, prompt=prompt,
                                    timeout=timeout, strategy=strategy)
        keys = [k.strip() for k in os.environ.get("SUMMARIZE_SERVER_KEYS", "").split(",")
                if k.strip()]
        if keys_file is not None:
            keys += read_keys_file(keys_file)
        if not keys and not _loopback(host) and not insecure_no_auth:
            raise errors.ConfigError(f"no API keys: refusing to listen on {host} without them "
                                     "(set SUMMARIZE_SERVER_KEYS or --keys-file, or pass "
                                     "--insecure-no-auth)")
        try:
            import uvicorn

            from ..service import ServiceOptions, create_app
        except ImportError as exc:
            raise errors.missing_extra("serve", "summarize serve", exc) from exc
        app = create_app(settings, ServiceOptions(
            keys=tuple(keys), max_body=max_body, rate_limit=rate_limit, concurrency=concurrency,
            request_timeout=request_timeout, workers=workers,
            job_retention=job_retention * 3600.0, use_cache=not no_cache))
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)
    typer.echo(f"summarize: serving on http://{host}:{port} ({settings.strategy}, "
               f"{'keys required' if keys else 'no keys'})", err=True)
    # uvicorn drains in-flight requests on SIGTERM/SIGINT, then raises the signal again with
    # the handler it found: make that one a no-op so a drained server exits 0.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: None)
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=30)


def register(app: typer.Typer) -> None:
    app.command()(serve)
