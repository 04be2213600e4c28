"""``summarize schema``, ``prompts`` and ``runs``: what the tool offers and what it did."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

import typer

from .app import emit, handled
from .options import Output


def schema(output: Output = None) -> None:
    """Print the JSON Schema of the briefing (the contract for downstream systems)."""
    # Imported here: the CLI loads every command at start, `summarize analyze` included.
    from ..schema import briefing_json_schema_text

    with handled():
        emit(briefing_json_schema_text(), output)


def prompts() -> None:
    """List the prompt versions: strategy, version, content hash, description."""
    # Imported here: the CLI loads every command at start, `summarize analyze` included.
    from ..core.prompts import list_prompts
    from ..strategies import STRATEGIES

    with handled():
        for strategy in STRATEGIES.values():
            if strategy.prompt_task is None:
                continue
            for p in list_prompts(strategy.prompt_task):
                typer.echo(f"{strategy.name}\t{p.version}\t{p.sha256[:12]}\t"
                           f"{p.file.description}")


class RunsFormat(StrEnum):
    table = "table"
    json = "json"


def runs(
    format: Annotated[RunsFormat, typer.Option("--format", "-f")] = RunsFormat.table,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Newest N runs (0: all).")] = 20,
) -> None:
    """What ran: when, model, prompt version, documents, tokens, latency, grounding."""
    # Imported here: the CLI loads every command at start, `summarize analyze` included.
    from ..runs.log import RunLog

    with handled():
        log = RunLog.default()
        try:
            rows = log.list(limit or None)
        finally:
            log.close()
        if format is RunsFormat.json:
            emit(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", None)
        else:
            emit(format_runs(rows), None)


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
