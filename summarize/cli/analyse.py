"""``summarize analyze`` and ``summarize eval``: the deterministic analysers, with no model."""

from __future__ import annotations

import json
import logging
from enum import StrEnum
from typing import Annotated

import typer

from ..analysers.analysis import analyze_text
from ..analysers.language import not_english
from ..core.inputs import read_document, read_jsonl_documents
from .app import emit, handled, setup_logging
from .options import Output

log = logging.getLogger(__name__)


class AnalyzeFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


def analyze(
    path: Annotated[str, typer.Argument(help="A text file, a JSONL file of {id, text}, or -.")],
    format: Annotated[
        AnalyzeFormat | None,
        typer.Option("--format", "-f", help="json (default for one document) or jsonl (default "
                     "for .jsonl input: one line per record)."),
    ] = None,
    output: Output = None,
) -> None:
    """Figures, hedges, attributions and names of a document, without any model."""
    setup_logging(verbose=False, quiet=False)
    with handled():
        documents = (list(read_jsonl_documents(path)) if path.endswith(".jsonl")
                     else [read_document(path)])
        results = [{"id": d.id, **analyze_text(d.text)} for d in documents]
        for d in documents:
            foreign = not_english(d.text)
            if foreign:
                log.warning("%s %s", d.id, foreign)
        lines = format is AnalyzeFormat.jsonl or (format is None and path.endswith(".jsonl"))
        if lines:
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
        elif len(results) == 1:
            text = json.dumps(results[0], ensure_ascii=False, indent=2) + "\n"
        else:
            text = json.dumps(results, ensure_ascii=False, indent=2) + "\n"
        emit(text, output)


class EvalTask(StrEnum):
    figures = "figures"
    hedges = "hedges"
    attributions = "attributions"


def eval_command(
    task: Annotated[EvalTask, typer.Argument(help="Which analyser to score.")],
    path: Annotated[str, typer.Argument(help="The gold JSONL file (see ../shared/eval).")],
    json_output: Annotated[bool, typer.Option("--json", help="Rows as JSON, not a table.")] = (
        False
    ),
) -> None:
    """Score an analyser against gold data: precision, recall and F1 (percent)."""
    from ..analysers.evaluation import evaluate, format_table  # only `eval` needs the scorer

    with handled():
        rows = evaluate(task.value, path)
        if json_output:
            emit(json.dumps(rows, indent=2) + "\n", None)
        else:
            emit(f"{task.value}: {path}\n\n" + format_table(rows), None)
