"""``summarize compare``: prompt versions (and models) side by side on documents."""

from __future__ import annotations

from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..output import check_output_path
from .app import REGRESSION_EXIT, emit, handled, open_cache, setup_logging
from .options import (
    BaseUrl,
    MaxRetries,
    MaxTokens,
    NoCache,
    Output,
    Quiet,
    Timeout,
    Verbose,
    output_or_stdout,
)


class CompareFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    html = "html"
    json = "json"


def compare(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, globs or JSONL "
                                                 "files of {id, text}.")],
    prompt: Annotated[list[str] | None, typer.Option(
        "--prompt", "-p", help="A prompt version to compare; give it more than once.")] = None,
    baseline: Annotated[str | None, typer.Option(
        help="The prompt version the others are measured against (default: the first).")] = None,
    model: Annotated[list[str] | None, typer.Option(
        "--model", "-m", help="As for `brief`; more than once for versions x models.")] = None,
    base_url: BaseUrl = None,
    strategy: Annotated[str | None, typer.Option("--strategy", "-s", help="guided or "
                                                 "generative (default: the model's).")] = None,
    format: Annotated[CompareFormat, typer.Option("--format", "-f")] = CompareFormat.table,
    output: Output = None,
    gold: Annotated[Path | None, typer.Option(help="JSONL of {id, figures: [{value, unit}]} "
                                              "for figure recall and precision (default: the "
                                              "analysers).")] = None,
    fail_on_regression: Annotated[str | None, typer.Option(
        help="Comma-separated metrics: exit 13 when a version is worse than the baseline on "
        "any of them.")] = None,
    timeout: Timeout = None,
    max_retries: MaxRetries = None,
    max_tokens: MaxTokens = None,
    no_cache: NoCache = False,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Compare prompt versions (and models) on documents: metrics and a schema-aware diff.

    Exits 13 when --fail-on-regression names a metric on which a version is worse than the
    baseline."""
    # Imported here: the CLI loads every command at start, `summarize analyze` included.
    from ..render import compare as reports
    from ..runs.compare import compare as run_compare
    from ..runs.compare import regressions, variant_matrix
    from ..runs.log import RunLog
    from ..runs.metrics import parse_metrics, read_gold

    renderers = {CompareFormat.table: reports.render_compare_table,
                 CompareFormat.markdown: reports.render_compare_markdown,
                 CompareFormat.html: reports.render_compare_html,
                 CompareFormat.json: reports.render_compare_json}
    setup_logging(verbose, quiet, many=True)
    with handled("interrupted; answers already made are in the cache"):
        gate = parse_metrics(fail_on_regression) if fail_on_regression else []
        variants = variant_matrix(prompt or [], model or [], baseline)
        output = output_or_stdout(output)
        if output is not None:
            # Refused before any work: a device, FIFO, symlink or directory, or the input itself.
            check_output_path(output, [s for s in sources if s != "-"])
        with ExitStack() as stack:
            cache = None if no_cache else open_cache(stack)
            log = RunLog.default()
            stack.callback(log.close)
            result = run_compare(
                sources, variants, baseline=variants[0] if variants else None,
                strategy=strategy, base_url=base_url, cache=cache,
                gold=read_gold(gold) if gold else None, run_log=log,
                settings_options={"timeout": timeout, "max_retries": max_retries,
                                  "max_tokens": max_tokens})
        emit(renderers[format](result), output)
        if gate:
            worse = regressions(result, gate)
            for line in worse:
                typer.echo(f"summarize: regression: {line}", err=True)
            if worse:
                raise typer.Exit(REGRESSION_EXIT)
            typer.echo(f"summarize: no regression on {', '.join(gate)}", err=True)
