"""What every renderer says the same way: flag wording and number formatting."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

FLAG_TEXT = {
    "ungrounded": "not found in source",
    "evidence_unrelated": "its quotes do not support it",
    "figure_not_in_evidence": "number not in its evidence",
    "figure_mismatch": "model read the figure differently",
    "certainty_inflated": "source hedges this",
    "attribution_filled": "attribution added from the source",
    "attribution_mismatch": "source credits someone else",
    "attribution_pronoun": "a pronoun in the source, read as the person named before it",
    "from_injected_text": "taken from text addressed to an AI, not the reader",
}


def shown_flags(grounded: bool, flags: list[str] | tuple[str, ...]) -> list[str]:
    """The flags a reader sees: the specific ones, else "ungrounded" when nothing supports it."""
    specific = [f for f in flags if f != "ungrounded" and f in FLAG_TEXT]
    return specific or ([] if grounded else ["ungrounded"])


def format_number(value: float | None) -> str:
    """A figure's value with its thousands grouped and every decimal it was written with
    ("16,177.77", not "16,177.8"), to 12 significant digits."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return format(Decimal(repr(float(f"{value:.12g}"))), ",f")


def format_value(qualifier: str, value: float, low: float | None, high: float | None) -> str:
    if qualifier == "range" and low is not None and high is not None:
        return f"{format_number(low)}–{format_number(high)}"
    return format_number(value)


def field_warnings(unsupported: Sequence[str], flags: Sequence[str]) -> list[str]:
    """What a reader is told about a written field (title, bottom line) the checks doubt."""
    out = []
    if unsupported:
        out.append("names or numbers not in the source: " + ", ".join(unsupported[:5]))
    if "from_injected_text" in flags:
        out.append(FLAG_TEXT["from_injected_text"])
    return out
