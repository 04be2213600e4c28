"""The one-page Markdown briefing.

Ungrounded items are never shown as plain fact: they carry a visible "not found in source"
marker. Checks (figure not in its evidence, certainty stronger than the source's words) show as
short notes after the item.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..schema import Briefing, Evidence
from .common import FLAG_TEXT, field_warnings, format_value, shown_flags

_QUOTE_CHARS = 140


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _quote(evidence: list[Evidence]) -> str:
    for e in evidence:
        if e.status != "ungrounded":
            q = " ".join(e.quote.split())
            if len(q) > _QUOTE_CHARS:
                q = q[: _QUOTE_CHARS - 1].rstrip() + "…"
            return f'"{q}" [{e.start}–{e.end}]'
    return ""


def _marks(grounded: bool, flags: Sequence[str]) -> str:
    parts = [f"⚠ *{FLAG_TEXT[f]}*" for f in shown_flags(grounded, tuple(flags))]
    return (" " + " · ".join(parts)) if parts else ""


def render_markdown(briefing: Briefing) -> str:
    b = briefing
    out: list[str] = [f"# {b.title}", ""]
    for warning in field_warnings(b.title_check.unsupported, b.title_check.flags):
        out += [f"⚠ *Title: {warning}*", ""]
    out += [f"**Bottom line.** {b.bottom_line}"
            + "".join(f" ⚠ *{w}*" for w in field_warnings(b.bottom_line_check.unsupported,
                                                          b.bottom_line_check.flags)), ""]

    out.append("## Key claims")
    if not b.key_claims:
        out.append("_None extracted._")
    for c in b.key_claims:
        who = f"{c.attributed_to}" if c.attributed_to else "the document"
        line = f"- {c.statement} — *{who}*, {c.certainty}{_marks(c.grounded, c.flags)}"
        out.append(line)
        quote = _quote(c.evidence)
        if quote:
            out.append(f"  > {quote}")
    out.append("")

    out.append("## Actors")
    if not b.actors:
        out.append("_None extracted._")
    for a in b.actors:
        role = f" — {a.role}" if a.role else ""
        out.append(f"- **{a.name}** ({a.kind}){role}{_marks(a.grounded, a.flags)}")
    out.append("")

    out.append("## Figures")
    if not b.figures:
        out.append("_None found._")
    else:
        out.append("| As stated | Value | Unit | Qualifier | Check |")
        out.append("|---|---:|---|---|---|")
        for f in b.figures:
            value = format_value(f.qualifier, f.value, f.low, f.high)
            check = _marks(f.grounded, f.flags).strip() or "✓ in source"
            out.append(
                f"| {_cell(f.text)} | {value} | {_cell(f.unit)} | {f.qualifier} | {check} |"
            )
    out.append("")

    out.append("## Uncertainties")
    if not b.uncertainties:
        out.append("_None extracted._")
    for u in b.uncertainties:
        out.append(f'- {u.statement} — cue: "{u.cue}"{_marks(u.grounded, u.flags)}')
    out.append("")

    for note in b.notes:
        out.append(f"_Note: {note}_")
    if b.notes:
        out.append("")

    g = b.grounding
    rate = f"{g.rate:.0%}" if g.rate is not None else "n/a"
    p = b.provenance
    prompt = f"prompt {p.prompt.version} ({p.prompt.sha256[:8]})" if p.prompt else "no prompt"
    out.append("---")
    out.append(
        f"<small>{b.document.id} · sha256 {b.document.sha256[:12]} · {p.strategy} · model "
        f"{p.model} ({p.backend}) · {prompt} · grounded evidence "
        f"{g.grounded}/{g.evidence_total} ({rate}) · items grounded {g.items_grounded}/"
        f"{g.items_total} · {p.created_at}</small>"
    )
    # Raw HTML from the document (a <script>, an <img onerror>) must not reach a Markdown
    # viewer: every "<" becomes an entity, except our own <small> footer.
    text = "\n".join(out).replace("<", "&lt;")
    text = text.replace("&lt;small>", "<small>").replace("&lt;/small>", "</small>")
    return text + "\n"
