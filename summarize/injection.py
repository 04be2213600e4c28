"""Text in a document that addresses an AI model rather than a reader (prompt injection).

The document is always passed to the model as fenced data; this module finds the places where a
document tries to speak to the model anyway ("ignore previous instructions", fake "system:"
turns, fake tool calls, our own fence tags), so that whatever the model took from there is
flagged instead of shown as what the document reports.
"""

from __future__ import annotations

import re

__all__ = ["find_injections"]

_PATTERNS = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|"
    r"earlier|preceding|your)\s+(?:instructions?|prompts?|rules?|directions?)"
    r"|\byou\s+are\s+now\b|\bnew\s+instructions?\s*:|\bdeveloper\s+mode\b"
    r"|^\s*(?:system|assistant|user)\s*:"
    r"|<\|?(?:im_start|im_end|system|assistant|endoftext)\|?>"
    r"|</?(?:tool_call|function_call|document(?:-[0-9a-f]+)?)\b[^>]*>"
    r"|\"(?:tool_calls|function_call|arguments|key_claims|bottom_line)\"\s*:"
    r"|\b(?:in\s+your\s+(?:summary|briefing|answer|output))\b"
    r"|\b(?:report|state|say|write)\s+that\b(?=[^.]{0,200}\b(?:instead|regardless)\b)",
    re.IGNORECASE | re.MULTILINE,
)


def find_injections(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the lines of ``text`` that address a model, merged."""
    spans: list[tuple[int, int]] = []
    for m in _PATTERNS.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans
