"""A figure found in a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...vocabulary import Qualifier


@dataclass(frozen=True)
class FigureMention:
    text: str
    value: float
    unit: str | None
    qualifier: Qualifier
    low: float | None
    high: float | None
    start: int
    end: int
    change: str = "="

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))  # the fields are plain values: no deep copy needed
