"""``summarize batch``: many documents into one resumable JSONL file, with progress."""

from __future__ import annotations

import logging
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..config import resolve_settings
from ..core.inputs import count_sources
from .app import BATCH_FAILURES_EXIT, handled, open_cache, setup_logging
from .options import (
    BaseUrl,
    MaxRetries,
    MaxTokens,
    Model,
    NoCache,
    Prompt,
    Quiet,
    Strategy,
    Strict,
    Timeout,
    Verbose,
)

if TYPE_CHECKING:
    from ..runs.batch import BatchStats

logger = logging.getLogger("summarize")


class _Progress:
    """Progress on stderr: a bar with ETA on a terminal, a line every 10 s otherwise."""

    def __init__(self, total: int | None, quiet: bool) -> None:
        self.total = total
        self.quiet = quiet
        self.began = time.monotonic()
        self.last = self.began
        self.bar: Any = None
        if not quiet and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(TextColumn("briefing"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[note]}"), TimeElapsedColumn(),
                                TextColumn("ETA"), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=False)
            self.task = self.bar.add_task("batch", total=total, note="")
            self.bar.start()

    def __call__(self, stats: BatchStats) -> None:
        done = stats.finished + stats.already_done
        if self.bar is not None:
            self.bar.update(self.task, completed=done,
                            note=f"{stats.failed} failed, {stats.cached} cached")
            return
        now = time.monotonic()
        if self.quiet or now - self.last < 10:
            return
        self.last = now
        rate = stats.finished / max(now - self.began, 1e-9)
        left = (self.total - done) if self.total is not None else None
        eta = f", ETA {left / rate:.0f} s" if left is not None and rate > 0 else ""
        of = f"/{self.total}" if self.total is not None else ""
        logger.info("%d%s done (%d failed, %d cached)%s", done, of, stats.failed,
                    stats.cached, eta)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def batch(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, globs, JSONL files "
                                                 "of {id, text}, or - for stdin.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The JSONL file of results; "
                                         "run again to finish what is left.")],
    concurrency: Annotated[int | None, typer.Option(
        "--concurrency", "-c", min=1, max=256, help="Documents in flight at once (default 4; "
        "env SUMMARIZE_CONCURRENCY or the config file).")] = None,
    model: Model = None,
    base_url: BaseUrl = None,
    prompt: Prompt = None,
    strategy: Strategy = None,
    strict: Strict = False,
    timeout: Timeout = None,
    max_retries: MaxRetries = None,
    max_tokens: MaxTokens = None,
    no_cache: NoCache = False,
    openai_batch: Annotated[bool, typer.Option(
        "--openai-batch", help="Through the OpenAI Batch API (lower cost, results within 24 h): "
        "submit, poll, collect into the same output.")] = False,
    poll_interval: Annotated[float, typer.Option(help="Seconds between polls of an "
                                                 "--openai-batch job.")] = 30.0,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Brief many documents into one JSONL file: one line per document, resumable.

    Exits 0 when every document succeeded, 12 when some failed (their lines say why), 130 when
    interrupted (run the same command again to finish)."""
    # Imported here: the CLI loads every command at start, `summarize analyze` included.
    from ..runs.batch import BatchStats

    setup_logging(verbose, quiet, many=True)
    stats = BatchStats()
    with handled(lambda: f"interrupted: {stats.summary()}; every finished document is in "
                 f"{output}; run the same command again to finish"):
        _batch(sources, output, concurrency, stats, quiet, no_cache, openai_batch,
               poll_interval, model=model, base_url=base_url, prompt=prompt,
               strategy=strategy, strict=strict, timeout=timeout, max_retries=max_retries,
               max_tokens=max_tokens)
    typer.echo(f"summarize: {stats.summary()} -> {output}", err=True)
    if stats.failed:
        raise typer.Exit(BATCH_FAILURES_EXIT)


def _batch(sources: list[str], output: Path, concurrency: int | None, stats: BatchStats,
           quiet: bool, no_cache: bool, openai_batch: bool, poll_interval: float,
           **options: Any) -> None:
    from ..runs.batch import run_batch
    from ..runs.log import recorded_run

    settings = resolve_settings(**options)
    stats.total = count_sources(sources)
    with ExitStack() as stack:
        cache = None if no_cache else open_cache(stack)
        recorder = stack.enter_context(recorded_run("batch", settings, inputs=sources,
                                                    output=str(output)))
        progress = _Progress(stats.total, quiet)
        stack.callback(progress.close)
        if openai_batch:
            from ..runs.openai_batch import run_openai_batch

            run_openai_batch(
                sources, output, settings, poll_interval=poll_interval, stats=stats,
                recorder=recorder,
                on_status=lambda status, counts: logger.info(
                    "batch %s: %s", status, ", ".join(f"{k} {v}" for k, v in counts.items())))
        else:
            import asyncio  # here, not at the top: `summarize analyze` need not load it

            asyncio.run(run_batch(sources, output, settings,
                                  concurrency=concurrency or settings.concurrency,
                                  cache=cache, stats=stats, recorder=recorder,
                                  on_done=progress))

