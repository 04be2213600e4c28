"""``summarize brief``: one document, one briefing."""

from __future__ import annotations

import logging
import tempfile
import webbrowser
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..config import resolve_settings
from ..core.inputs import read_document
from ..output import check_output_path
from .app import emit, handled, open_cache, setup_logging
from .options import (
    BaseUrl,
    MaxRetries,
    MaxTokens,
    Model,
    NoCache,
    Output,
    Prompt,
    Quiet,
    Strategy,
    Strict,
    Timeout,
    Verbose,
    output_or_stdout,
)

logger = logging.getLogger("summarize")


class Format(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"
    pdf = "pdf"


def brief(
    path: Annotated[str, typer.Argument(help="The document: a UTF-8 text file, or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format (pdf: one A4 "
                                           "page; html: self-contained, with the source).")] = (
        Format.markdown
    ),
    output: Output = None,
    model: Model = None,
    base_url: BaseUrl = None,
    prompt: Prompt = None,
    strategy: Strategy = None,
    strict: Strict = False,
    timeout: Timeout = None,
    max_retries: MaxRetries = None,
    max_tokens: MaxTokens = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
    open_page: Annotated[
        bool, typer.Option("--open", help="Open the result in the default browser or viewer.")
    ] = False,
    no_cache: NoCache = False,
) -> None:
    """Make a one-page briefing of a document: Markdown, JSON, HTML (with the source) or PDF."""
    # Imported here: the CLI loads every command at start, `summarize analyze` included.
    from .. import pipeline
    from ..render import render_html, render_json, render_markdown, render_pdf
    from ..render.html import require_pdf
    from ..runs.log import recorded_run

    setup_logging(verbose, quiet)
    with handled():
        settings = resolve_settings(model=model, base_url=base_url, prompt=prompt,
                                    timeout=timeout, max_retries=max_retries,
                                    max_tokens=max_tokens, strict=strict, strategy=strategy)
        document = read_document(path)
        output = output_or_stdout(output)
        if format is Format.pdf:
            require_pdf()  # a missing extra is said before any work
        if output is not None:
            # Refused before any work: a device, FIFO, symlink or directory, or the input itself.
            check_output_path(output, [] if path == "-" else [path])
        with ExitStack() as stack:
            cache = None if no_cache else open_cache(stack)
            recorder = stack.enter_context(recorded_run(
                "brief", settings, inputs=[path], output=str(output) if output else None,
                single=True))
            result = pipeline.brief(document, settings=settings, cache=cache)
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
        emit(data, output)
        if open_page and output is not None:
            webbrowser.open(output.resolve().as_uri())
