"""The command line: parse arguments, call one library function, render. Nothing else.

Data goes to stdout (or ``-o FILE``, written atomically); progress and errors go to stderr.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
import tempfile
import time
import webbrowser
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from . import errors
from .analysis import analyze_text, read_jsonl_documents
from .batch import BatchStats, run_batch
from .cache import ResponseCache
from .cli_common import fail
from .cli_serve import register as register_serve_command
from .cli_setup import register as register_setup_commands
from .config import resolve_settings
from .document import document_from_bytes, load_document, read_bounded
from .evaluation import evaluate, format_table
from .inputs import count_sources
from .installation import package_version
from .output import check_output_path, write_atomic
from .pipeline import brief as make_brief
from .prompts import list_prompts
from .render import render_html, render_json, render_markdown, render_pdf
from .runs import RunLog, recorded_run
from .schema import briefing_json_schema_text

# One paragraph (no line breaks): the help formatter wraps it to the terminal's width.
EXIT_CODES = (
    "Exit codes: 0 ok · 2 usage error · 3 bad input (missing, directory, empty, binary, not "
    "UTF-8) · 4 document too long for the model's context · 5 configuration (unknown prompt or "
    "model, missing API key) · 6 backend error · 7 embedded model server failed to start · 8 "
    "backend unreachable or HTTP error · 9 backend time-out · 10 output still invalid after "
    "retries · 11 cannot write the output · 12 batch finished with failed documents · 13 compare "
    "found a regression · 130 interrupted."
)

BATCH_FAILURES_EXIT = 12
REGRESSION_EXIT = 13

app = typer.Typer(
    name="summarize",
    help="Grounded, schema-valid briefings of documents.\n\n" + EXIT_CODES,
    no_args_is_help=True,
    # --install-completion / --show-completion for bash, zsh, fish and PowerShell.
    add_completion=True,
    pretty_exceptions_enable=False,
)
logger = logging.getLogger("summarize")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarize {package_version()}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Grounded, schema-valid briefings of documents."""


class Format(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"
    pdf = "pdf"


def _setup_logging(verbose: bool, quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("summarize: %(message)s"))
    ours = logging.getLogger("summarize")
    ours.handlers[:] = [handler]
    ours.propagate = False
    ours.setLevel(logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO)
    # Libraries' own messages (instructor logs each failed retry as an ERROR) would reach
    # stderr through logging's last-resort handler: keep them for -v only, so a failure stays
    # one line.
    root = logging.getLogger()
    root.handlers[:] = [handler if verbose else logging.NullHandler()]
    root.setLevel(logging.WARNING)


def _open_cache(stack: ExitStack) -> ResponseCache | None:
    """The response cache; one that cannot be opened (corrupt, unwritable) is a warning and the
    run goes on without it: a cache must never block work."""
    try:
        return stack.enter_context(ResponseCache.default())
    except errors.SummarizeError as exc:
        logger.warning("the response cache is unusable, going on without it (%s); "
                       "`summarize doctor` says how to fix it", exc)
        return None


def _emit(data: str | bytes, output: Path | None) -> None:
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)
        logger.info("wrote %s", output)


@app.command()
def brief(
    path: Annotated[str, typer.Argument(help="The document: a UTF-8 text file, or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format (pdf: one A4 "
                                           "page; html: self-contained, with the source).")] = (
        Format.markdown
    ),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (atomically), not stdout.")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model", "-m",
            help="local (embedded SmolLM2, default), openai/<model>, or the model name of a "
            "--base-url server. Env: SUMMARIZE_MODEL.",
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(help="An OpenAI-compatible server, e.g. http://host:8000/v1. "
                     "Env: SUMMARIZE_BASE_URL."),
    ] = None,
    prompt: Annotated[
        str | None, typer.Option("--prompt", "-p", help="Prompt version (see `summarize prompts`)"
                                 " or a prompt .toml file.")
    ] = None,
    strategy: Annotated[
        str | None,
        typer.Option("--strategy", "-s", help="extractive (no model; the learned ranking; default "
                     "for the embedded model), guided (the model selects and labels) or "
                     "generative (the model "
                     "writes; default for others). Env: SUMMARIZE_STRATEGY."),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Drop items with no grounded evidence.")] = False,
    timeout: Annotated[float | None, typer.Option(help="Seconds to wait for the model.")] = None,
    max_retries: Annotated[
        int | None, typer.Option(help="Retries when the model's output is invalid (default 2).")
    ] = None,
    max_tokens: Annotated[
        int | None, typer.Option(help="Most tokens the model may write per attempt.")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="More detail on stderr.")] = (
        False
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Errors only on stderr.")] = False,
    open_page: Annotated[
        bool, typer.Option("--open", help="Open the result in the default browser or viewer.")
    ] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ask the model even when its "
                                           "answer is in the response cache.")] = False,
) -> None:
    """Make a one-page briefing of a document: Markdown, JSON, HTML (with the source) or PDF."""
    _setup_logging(verbose, quiet)
    try:
        settings = resolve_settings(model=model, base_url=base_url, prompt=prompt,
                                    timeout=timeout, max_retries=max_retries,
                                    max_tokens=max_tokens, strict=strict, strategy=strategy)
        if path == "-":
            document = document_from_bytes(read_bounded(sys.stdin.buffer, "stdin"), "stdin")
        else:
            document = load_document(path)
        if output is not None and str(output) == "-":
            output = None
        if output is not None:
            # Refused before any work: a device, FIFO, symlink or directory, or the input itself.
            check_output_path(output, [] if path == "-" else [path])
        with ExitStack() as stack:
            cache = None if no_cache else _open_cache(stack)
            recorder = stack.enter_context(recorded_run(
                "brief", settings, inputs=[path], output=str(output) if output else None,
                single=True))
            result = make_brief(document, settings=settings, cache=cache)
            recorder.add(result)
        if result.grounding.items_dropped:
            logger.warning("dropped %d ungrounded item(s) (--strict)",
                           result.grounding.items_dropped)
        data: str | bytes
        if format is Format.json:
            data = render_json(result)
        elif format is Format.html:
            data = render_html(result, document.text)
        elif format is Format.pdf:
            data = render_pdf(result, document.text)
        else:
            data = render_markdown(result)
        if open_page and output is None:
            output = Path(tempfile.mkdtemp(prefix="summarize-")) / f"{document.id}.{format}"
        _emit(data, output)
        if open_page and output is not None:
            webbrowser.open(output.resolve().as_uri())
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        # Typer would exit 130 silently; say why. Nothing partial was written (atomic output).
        typer.echo("summarize: interrupted", err=True)
        raise typer.Exit(130) from None


class AnalyzeFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


@app.command()
def analyze(
    path: Annotated[str, typer.Argument(help="A text file, a JSONL file of {id, text}, or -.")],
    format: Annotated[
        AnalyzeFormat | None,
        typer.Option("--format", "-f", help="json (default for one document) or jsonl (default "
                     "for .jsonl input: one line per record)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (atomically), not stdout.")
    ] = None,
) -> None:
    """Figures, hedges and attributions of a document, without any model."""
    try:
        if path.endswith(".jsonl"):
            documents = list(read_jsonl_documents(path))
        elif path == "-":
            documents = [document_from_bytes(read_bounded(sys.stdin.buffer, "stdin"), "stdin")]
        else:
            documents = [load_document(path)]
        results = [{"id": d.id, **analyze_text(d.text)} for d in documents]
        lines = format is AnalyzeFormat.jsonl or (format is None and path.endswith(".jsonl"))
        if lines:
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
        elif len(results) == 1:
            text = json.dumps(results[0], ensure_ascii=False, indent=2) + "\n"
        else:
            text = json.dumps(results, ensure_ascii=False, indent=2) + "\n"
        _emit(text, output)
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)


class EvalTask(StrEnum):
    figures = "figures"
    hedges = "hedges"
    attributions = "attributions"


@app.command("eval")
def eval_command(
    task: Annotated[EvalTask, typer.Argument(help="Which analyser to score.")],
    path: Annotated[str, typer.Argument(help="The gold JSONL file (see ../shared/eval).")],
    json_output: Annotated[bool, typer.Option("--json", help="Rows as JSON, not a table.")] = (
        False
    ),
) -> None:
    """Score an analyser against gold data: precision, recall and F1 (percent)."""
    try:
        rows = evaluate(task.value, path)
        if json_output:
            _emit(json.dumps(rows, indent=2) + "\n", None)
        else:
            _emit(f"{task.value}: {path}\n\n" + format_table(rows), None)
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (atomically), not stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of the briefing (the contract for downstream systems)."""
    try:
        _emit(briefing_json_schema_text(), output)
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)


@app.command()
def prompts() -> None:
    """List the prompt versions: strategy, version, content hash, description."""
    try:
        for task, strategy in (("briefing", "generative"), ("guided", "guided")):
            for p in list_prompts(task):
                typer.echo(f"{strategy}\t{p.version}\t{p.sha256[:12]}\t{p.file.description}")
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)


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


@app.command()
def batch(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, globs, JSONL files "
                                                 "of {id, text}, or - for stdin.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The JSONL file of results; "
                                         "run again to finish what is left.")],
    concurrency: Annotated[int | None, typer.Option(
        "--concurrency", "-c", min=1, max=256, help="Documents in flight at once (default 4; "
        "env SUMMARIZE_CONCURRENCY or the config file).")] = None,
    model: Annotated[str | None, typer.Option("--model", "-m", help="As for `brief`.")] = None,
    base_url: Annotated[str | None, typer.Option(help="As for `brief`.")] = None,
    prompt: Annotated[str | None, typer.Option("--prompt", "-p", help="As for `brief`.")] = None,
    strategy: Annotated[str | None, typer.Option("--strategy", "-s", help="As for `brief`.")] = (
        None
    ),
    strict: Annotated[bool, typer.Option(help="Drop items with no grounded evidence.")] = False,
    timeout: Annotated[float | None, typer.Option(help="Seconds to wait for the model.")] = None,
    max_retries: Annotated[int | None, typer.Option(help="As for `brief`.")] = None,
    max_tokens: Annotated[int | None, typer.Option(help="As for `brief`.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ask the model even when its "
                                           "answer is in the response cache.")] = False,
    openai_batch: Annotated[bool, typer.Option(
        "--openai-batch", help="Through the OpenAI Batch API (lower cost, results within 24 h): "
        "submit, poll, collect into the same output.")] = False,
    poll_interval: Annotated[float, typer.Option(help="Seconds between polls of an "
                                                 "--openai-batch job.")] = 30.0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="More detail on stderr.")] = (
        False
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Errors only on stderr.")] = False,
) -> None:
    """Brief many documents into one JSONL file: one line per document, resumable.

    Exits 0 when every document succeeded, 12 when some failed (their lines say why), 130 when
    interrupted (run the same command again to finish)."""
    _setup_logging(verbose, quiet)
    if not verbose:  # one line per document would drown the progress
        logging.getLogger("summarize.pipeline").setLevel(logging.WARNING)
    stats = BatchStats()
    progress: _Progress | None = None
    try:
        settings = resolve_settings(model=model, base_url=base_url, prompt=prompt,
                                    timeout=timeout, max_retries=max_retries,
                                    max_tokens=max_tokens, strict=strict, strategy=strategy)
        stats.total = count_sources(sources)
        with ExitStack() as stack:
            cache = None if no_cache else _open_cache(stack)
            recorder = stack.enter_context(recorded_run("batch", settings, inputs=sources,
                                                        output=str(output)))
            progress = _Progress(stats.total, quiet)
            stack.callback(progress.close)
            if openai_batch:
                from .openai_batch import run_openai_batch

                run_openai_batch(
                    sources, output, settings, poll_interval=poll_interval, stats=stats,
                    recorder=recorder,
                    on_status=lambda status, counts: logger.info(
                        "batch %s: %s", status,
                        ", ".join(f"{k} {v}" for k, v in counts.items())))
            else:
                asyncio.run(run_batch(sources, output, settings,
                                      concurrency=concurrency or settings.concurrency,
                                      cache=cache, stats=stats, recorder=recorder,
                                      on_done=progress))
        typer.echo(f"summarize: {stats.summary()} -> {output}", err=True)
        if stats.failed:
            raise typer.Exit(BATCH_FAILURES_EXIT)
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        typer.echo(f"summarize: interrupted: {stats.summary()}; every finished document is in "
                   f"{output}; run the same command again to finish", err=True)
        raise typer.Exit(130) from None


class CompareFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    html = "html"
    json = "json"


@app.command()
def compare(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, globs or JSONL "
                                                 "files of {id, text}.")],
    prompt: Annotated[list[str] | None, typer.Option(
        "--prompt", "-p", help="A prompt version to compare; give it more than once.")] = None,
    baseline: Annotated[str | None, typer.Option(
        help="The prompt version the others are measured against (default: the first).")] = None,
    model: Annotated[list[str] | None, typer.Option(
        "--model", "-m", help="As for `brief`; more than once for versions x models.")] = None,
    base_url: Annotated[str | None, typer.Option(help="As for `brief`.")] = None,
    strategy: Annotated[str | None, typer.Option("--strategy", "-s", help="guided or "
                                                 "generative (default: the model's).")] = None,
    format: Annotated[CompareFormat, typer.Option("--format", "-f")] = CompareFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here "
                                                "(atomically), not stdout.")] = None,
    gold: Annotated[Path | None, typer.Option(help="JSONL of {id, figures: [{value, unit}]} "
                                              "for figure recall and precision (default: the "
                                              "analysers).")] = None,
    fail_on_regression: Annotated[str | None, typer.Option(
        help="Comma-separated metrics: exit 13 when a version is worse than the baseline on "
        "any of them.")] = None,
    timeout: Annotated[float | None, typer.Option(help="Seconds to wait for the model.")] = None,
    max_retries: Annotated[int | None, typer.Option(help="As for `brief`.")] = None,
    max_tokens: Annotated[int | None, typer.Option(help="As for `brief`.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ask the model even when its "
                                           "answer is in the response cache.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="More detail on stderr.")] = (
        False
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Errors only on stderr.")] = False,
) -> None:
    """Compare prompt versions (and models) on documents: metrics and a schema-aware diff.

    Exits 13 when --fail-on-regression names a metric on which a version is worse than the
    baseline."""
    _setup_logging(verbose, quiet)
    if not verbose:
        logging.getLogger("summarize.pipeline").setLevel(logging.WARNING)
    try:
        from .compare import Variant, parse_metrics, read_gold, regressions
        from .compare import compare as run_compare
        from .render.compare import (
            render_compare_html,
            render_compare_json,
            render_compare_markdown,
            render_compare_table,
        )

        gate = parse_metrics(fail_on_regression) if fail_on_regression else []
        versions = list(dict.fromkeys(([baseline] if baseline else []) + list(prompt or [])))
        models: list[str | None] = list(dict.fromkeys(model or [])) or [None]
        variants = [Variant(p, m, name=p if len(models) == 1 else None)
                    for p in versions for m in models]
        if output is not None and str(output) == "-":
            output = None
        if output is not None:
            # Refused before any work: a device, FIFO, symlink or directory, or the input itself.
            check_output_path(output, [s for s in sources if s != "-"])
        with ExitStack() as stack:
            cache = None if no_cache else _open_cache(stack)
            log = RunLog.default()
            stack.callback(log.close)
            result = run_compare(
                sources, variants, baseline=variants[0] if variants else None,
                strategy=strategy, base_url=base_url, cache=cache,
                gold=read_gold(gold) if gold else None, run_log=log,
                settings_options={"timeout": timeout, "max_retries": max_retries,
                                  "max_tokens": max_tokens})
        renderers = {CompareFormat.table: render_compare_table,
                     CompareFormat.markdown: render_compare_markdown,
                     CompareFormat.html: render_compare_html,
                     CompareFormat.json: render_compare_json}
        _emit(renderers[format](result), output)
        if gate:
            worse = regressions(result, gate)
            for line in worse:
                typer.echo(f"summarize: regression: {line}", err=True)
            if worse:
                raise typer.Exit(REGRESSION_EXIT)
            typer.echo(f"summarize: no regression on {', '.join(gate)}", err=True)
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("summarize: interrupted; answers already made are in the cache", err=True)
        raise typer.Exit(130) from None


class RunsFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def runs(
    format: Annotated[RunsFormat, typer.Option("--format", "-f")] = RunsFormat.table,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Newest N runs (0: all).")] = 20,
) -> None:
    """What ran: when, model, prompt version, documents, tokens, latency, grounding."""
    try:
        log = RunLog.default()
        try:
            rows = log.list(limit or None)
        finally:
            log.close()
        if format is RunsFormat.json:
            _emit(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", None)
            return
        _emit(format_runs(rows), None)
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)


def format_runs(rows: list[dict[str, Any]]) -> str:
    """Runs as a plain-text table."""
    head = ["id", "started (UTC)", "command", "status", "strategy", "model", "prompt", "docs",
            "ok", "failed", "cached", "tokens in/out", "p50 s", "p95 s", "grounded"]
    body = []
    for r in rows:
        rate = r["grounding_rate"]
        body.append([
            str(r["id"]), r["started_at"].replace("T", " ").replace("+00:00", ""), r["command"],
            r["status"], r["strategy"] or "", r["model"] or "", r["prompt_version"] or "",
            str(r["documents"]), str(r["succeeded"]), str(r["failed"]), str(r["cached"]),
            f"{r['prompt_tokens']}/{r['completion_tokens']}",
            "" if r["latency_p50"] is None else f"{r['latency_p50']:.2f}",
            "" if r["latency_p95"] is None else f"{r['latency_p95']:.2f}",
            "" if rate is None else f"{100 * rate:.1f}%",
        ])
    if not body:
        return "no runs yet\n"
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in [head, *body]]
    return "\n".join(lines) + "\n"


register_setup_commands(app)
register_serve_command(app)


class Terminated(BaseException):
    """SIGTERM or SIGHUP: unwinds like Ctrl-C, so every child (the embedded model server) is
    stopped and every run is recorded as interrupted."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated(signum)


def main() -> None:
    """Console entry point: one line on stderr and a distinct exit code for every failure."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _terminate)
    try:
        app()
    except Terminated as exc:
        typer.echo(f"summarize: terminated by {exc}", err=True)
        sys.exit(128 + exc.signum)
    except KeyboardInterrupt:
        typer.echo("summarize: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
        typer.echo(f"summarize: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
