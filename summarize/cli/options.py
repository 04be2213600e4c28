"""The options several commands share, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..config import STRATEGIES

__all__ = ["BaseUrl", "MaxRetries", "MaxTokens", "Model", "NoCache", "Output", "Prompt",
           "Quiet", "Strategy", "Strict", "Timeout", "Verbose", "output_or_stdout"]

Model = Annotated[str | None, typer.Option(
    "--model", "-m", help="local (embedded SmolLM2, default), openai/<model>, a server of the "
    "config file, or the model name of a --base-url server. Env: SUMMARIZE_MODEL.")]
BaseUrl = Annotated[str | None, typer.Option(
    help="An OpenAI-compatible server, e.g. http://host:8000/v1. Env: SUMMARIZE_BASE_URL.")]
Prompt = Annotated[str | None, typer.Option(
    "--prompt", "-p", help="Prompt version (see `summarize prompts`) or a prompt .toml file.")]
Strategy = Annotated[str | None, typer.Option(
    "--strategy", "-s", help=f"{', '.join(STRATEGIES)}: extractive (no model; the learned "
    "ranking; default for the embedded model), guided (the model selects and labels) or "
    "generative (the model writes; default for others). Env: SUMMARIZE_STRATEGY.")]
Strict = Annotated[bool, typer.Option(help="Drop items with no grounded evidence.")]
Timeout = Annotated[float | None, typer.Option(help="Seconds to wait for the model.")]
MaxRetries = Annotated[int | None, typer.Option(
    help="Retries when the model's output is invalid (default 2).")]
MaxTokens = Annotated[int | None, typer.Option(
    help="Most tokens the model may write per attempt.")]
NoCache = Annotated[bool, typer.Option(
    "--no-cache", help="Leave the response cache alone: ask the model every time and keep no "
    "answer or briefing in it.")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="More detail on stderr.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Errors only on stderr.")]
Output = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write here (atomically), not stdout.")]


def output_or_stdout(output: Path | None) -> Path | None:
    """``-o -`` is stdout."""
    return None if output is not None and str(output) == "-" else output
