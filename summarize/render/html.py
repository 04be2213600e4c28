"""The HTML briefing (one self-contained file) and its one-page PDF.

Page one is the briefing; beside it, the source with every evidence span highlighted. Clicking an
item marks and scrolls to its evidence; hovering a highlight shows which items it supports. All
document text is escaped (Jinja autoescape); no network is needed to view the page. The PDF is
the print layout of the same HTML, laid out by WeasyPrint, fitted to exactly one page: items
that do not fit are left out of the page (it says how many) and stay in the HTML.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..errors import OutputError, missing_extra
from ..schema import Briefing, Evidence
from .common import FLAG_TEXT, field_warnings, format_value, shown_flags

__all__ = ["PAGE_CAPS", "render_html", "render_pdf"]

logger = logging.getLogger(__name__)

# How many items of each section the printed page shows at most.
PAGE_CAPS = {"key_claims": 6, "actors": 8, "figures": 8, "uncertainties": 6}
_TITLES = {"key_claims": "Key claims", "actors": "Actors", "figures": "Figures",
           "uncertainties": "Uncertainties"}
_LABEL_CHARS = 90

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass
class _Spans:
    """Evidence spans of the document, one id per distinct span, with what each supports."""

    ids: dict[tuple[int, int], str] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)

    def register(self, evidence: list[Evidence], label: str) -> str:
        found = []
        for e in evidence:
            if e.start is None or e.end is None or e.end <= e.start:
                continue
            key = (e.start, e.end)
            if key not in self.ids:
                self.ids[key] = f"e{len(self.ids) + 1}"
            span_id = self.ids[key]
            self.labels.setdefault(span_id, [])
            if label not in self.labels[span_id]:
                self.labels[span_id].append(label)
            if span_id not in found:
                found.append(span_id)
        return " ".join(found)

    def segments(self, text: str) -> list[dict[str, str]]:
        cuts = sorted({0, len(text), *(p for span in self.ids for p in span)})
        out = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            if b <= a:
                continue
            covering = [i for (s, e), i in self.ids.items() if s <= a and b <= e]
            title = "; ".join(label for i in covering for label in self.labels[i])
            out.append({"text": text[a:b], "ev": " ".join(covering),
                        "title": f"Supports: {title}" if title else ""})
        return out


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def _flags(item: Any) -> list[dict[str, str]]:
    return [{"text": FLAG_TEXT[f], "cls": f} for f in shown_flags(item.grounded, item.flags)]


def _view(b: Briefing, text: str, caps: dict[str, int]) -> dict[str, Any]:
    spans = _Spans()
    sections = []
    for key in ("key_claims", "actors", "figures", "uncertainties"):
        items = []
        for n, item in enumerate(getattr(b, key), start=1):
            view: dict[str, Any] = {"id": f"{key}-{n}", "grounded": item.grounded,
                                    "flags": _flags(item), "overflow": n > caps[key],
                                    "certainty": None, "meta": []}
            if key == "key_claims":
                view["text"] = item.statement
                view["meta"] = [item.attributed_to or "the document"]
                view["certainty"] = item.certainty
                label = f"Claim {n}: {_short(item.statement)}"
            elif key == "actors":
                view["text"] = item.name
                view["meta"] = [item.kind] + ([item.role] if item.role else [])
                label = f"Actor: {item.name}"
            elif key == "figures":
                view.update(text=item.text, unit=item.unit or "", qualifier=item.qualifier,
                            value=format_value(item.qualifier, item.value, item.low, item.high),
                            origin="" if item.origin == "both" else f"({item.origin})")
                label = f"Figure: {_short(item.text)}"
            else:
                view["text"] = item.statement
                view["meta"] = [f"cue: \u201c{item.cue}\u201d"]
                label = f"Uncertainty {n}: {_short(item.statement)}"
            view["ev"] = spans.register(item.evidence, label)
            items.append(view)
        hidden = sum(1 for i in items if i["overflow"])
        sections.append({"key": key, "title": _TITLES[key], "entries": items, "hidden": hidden,
                         "none": "found" if key == "figures" else "extracted"})
    return {"b": b, "sections": sections, "segments": spans.segments(text),
            "title_warnings": field_warnings(b.title_check.unsupported, b.title_check.flags),
            "bottom_line_warnings": field_warnings(b.bottom_line_check.unsupported,
                                                   b.bottom_line_check.flags)}


def render_html(briefing: Briefing, text: str, *, caps: dict[str, int] | None = None) -> str:
    """The self-contained HTML page of ``briefing`` over its source ``text``."""
    template = _ENV.get_template("briefing.html.j2")
    return template.render(**_view(briefing, text, caps or PAGE_CAPS))


def require_pdf() -> Any:
    """WeasyPrint's ``HTML``, or the one-line error that says what to install (checked before
    any work when PDF output is asked for)."""
    try:
        from weasyprint import HTML
    except ImportError as exc:
        raise missing_extra("pdf", "PDF output", exc) from exc
    except OSError as exc:  # Pango or its friends are missing
        raise OutputError(
            f"PDF output needs WeasyPrint and its system libraries (Pango): {exc}", original=exc
        ) from exc
    return HTML


def render_pdf(briefing: Briefing, text: str) -> bytes:
    """One A4 page: the print layout of the HTML, shrunk item by item until it fits."""
    HTML = require_pdf()  # noqa: N806 - WeasyPrint's name
    # Start with everything on the page; leave items out only while it does not fit.
    caps = {k: max(1, len(getattr(briefing, k))) for k in PAGE_CAPS}
    while True:
        document = HTML(string=render_html(briefing, text, caps=caps)).render()
        shown = {k: min(v, len(getattr(briefing, k))) for k, v in caps.items()}
        if len(document.pages) <= 1 or all(v <= 1 for v in shown.values()):
            if len(document.pages) > 1:
                logger.warning("the briefing does not fit one page even with one item a section")
            pdf = document.write_pdf()
            assert isinstance(pdf, bytes)
            return pdf
        largest = max(shown, key=lambda k: shown[k])
        caps[largest] = shown[largest] - 1
        logger.info("fitting the page: showing %d %s", caps[largest], _TITLES[largest].lower())
