"""The JSON models and lexicons shipped in ``summarize/analysers/models``, read as data."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["shipped_json"]


def shipped_json(name: str) -> dict[str, Any] | None:
    """``summarize/analysers/models/NAME`` as a JSON object; ``None`` when the package has none
    (the analyser then keeps its own reading)."""
    path = resources.files("summarize.analysers").joinpath("models", name)
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return data if isinstance(data, dict) else None
