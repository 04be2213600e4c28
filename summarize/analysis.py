"""The deterministic analysers together: figures, hedges and attributions of a text, as data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .attributions import find_attributions
from .document import Document, document_from_text, jsonl_lines
from .errors import InputError
from .figures import extract_figures
from .hedges import find_hedges

__all__ = ["analyze_text", "read_jsonl_documents"]


def analyze_text(text: str) -> dict[str, Any]:
    """Figures, hedges and attributions of ``text``, with character offsets into it."""
    return {
        "figures": [f.as_dict() for f in extract_figures(text)],
        "hedges": [h.as_dict() for h in find_hedges(text)],
        "attributions": [a.as_dict() for a in find_attributions(text)],
    }


def read_jsonl_documents(path: str | Path) -> Iterator[Document]:
    """Documents from a JSONL file of ``{"id", "text"}`` records, one at a time."""
    p = Path(path)
    for n, line in jsonl_lines(p):
        try:
            record = json.loads(line)
            doc_id, text = str(record["id"]), record["text"]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{p}:{n}: not a JSON object with \"id\" and \"text\"",
                             original=exc) from exc
        if not isinstance(text, str):
            raise InputError(f"{p}:{n}: \"text\" is not a string")
        yield document_from_text(text, doc_id=doc_id)
