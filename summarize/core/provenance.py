"""Provenance: which strategy, model, prompt and attempts made a briefing, and what it cost."""

from __future__ import annotations

from datetime import UTC, datetime

from ..backends.base import Extraction
from ..schema import PromptInfo, Provenance, Timings, Usage
from ..version import package_version
from .prompts import Prompt

__all__ = ["provenance"]

def provenance(strategy: str, model: str, backend: str, prompt: Prompt | None,
                extractions: list[Extraction], chunks: int, began: float, grounded: float
                ) -> Provenance:
    usage = sum((e.usage for e in extractions), Usage())
    attempts = sum(e.attempts for e in extractions)
    cached = bool(extractions) and all(e.cached for e in extractions)
    extract_s = round(sum(e.seconds for e in extractions), 3)
    ground_s = round(grounded - began, 3)
    return Provenance(
        strategy=strategy,  # type: ignore[arg-type]
        model=model,
        backend=backend,
        prompt=PromptInfo(version=prompt.version, sha256=prompt.sha256) if prompt else None,
        usage=usage,
        attempts=attempts,
        retries=max(attempts - len(extractions), 0),
        timings=Timings(extract_s=extract_s, ground_s=ground_s,
                        total_s=round(extract_s + ground_s, 3)),
        cached=cached,
        chunks=chunks,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        summarize_version=package_version(),
    )
