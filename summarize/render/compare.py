"""A comparison of prompt versions as a terminal table, Markdown, one self-contained HTML page, or
JSON for CI."""

from __future__ import annotations

import html
import io
import json
from typing import Any

from ..runs.compare import Comparison
from ..runs.diff import changes
from ..runs.metrics import METRICS, differs
from ..schema import Briefing

__all__ = ["render_compare_html", "render_compare_json", "render_compare_markdown",
           "render_compare_table"]

_DIFF_LABELS = {
    "claims_added": "claims added",
    "claims_dropped": "claims dropped",
    "certainty_changed": "certainty changed",
    "figures_changed": "figures changed",
    "figures_added": "figures added",
    "figures_dropped": "figures dropped",
    "hedges_lost": "hedged statements lost",
    "hedges_gained": "hedged statements gained",
    "actors_added": "actors added",
    "actors_removed": "actors removed",
}


def _cell(value: float | None, name: str) -> str:
    if value is None:
        return "–"
    if name.endswith(("_rate", "_recall", "_precision", "_kept")):
        return f"{100 * value:.1f}%"
    if name == "cost_usd":
        return f"${value:.4f}"
    if name.startswith("latency"):
        return f"{value:.2f} s"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}"


def _arrow(comparison: Comparison, label: str, name: str) -> str:
    if label == comparison.baseline.label:
        return ""
    base = comparison.metrics[comparison.baseline.label][name]
    ours = comparison.metrics[label][name]
    if base is None or ours is None or not differs(name, base, ours):
        return ""
    better = (ours > base) == METRICS[name]
    return " ▲" if better else " ▼"


def _summary(item: Any) -> str:
    if isinstance(item, str):
        return item
    if "fields" in item:
        changed = ", ".join(f"{name} {item['old'][name]} → {item['new'][name]}"
                            for name in item["fields"])
        return f"{item['to']}: {changed}"
    for key in ("statement", "text"):
        if key in item:
            extra = ""
            if "from" in item and "to" in item:
                extra = f" ({item['from']} → {item['to']})"
            return f"{item[key]}{extra}"
    return json.dumps(item)


def render_compare_table(comparison: Comparison, width: int = 120) -> str:
    """The metrics as a rich table (plain text when not on a terminal), then the diffs."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"baseline {comparison.baseline.label}", caption="▲ better, ▼ worse")
    table.add_column("metric")
    for v in comparison.variants:
        table.add_column(v.label, justify="right")
    for name in METRICS:
        table.add_row(name, *[_cell(comparison.metrics[v.label][name], name)
                              + _arrow(comparison, v.label, name)
                              for v in comparison.variants])
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False)
    console.print(f"{len(comparison.documents)} document(s), strategy {comparison.strategy}",
                  markup=False)
    console.print(table)
    for doc_id in comparison.documents:
        for label, diff in comparison.diffs.get(doc_id, {}).items():
            console.print(f"\n{doc_id}: {comparison.baseline.label} → {label}: "
                          f"{changes(diff)} change(s)")
            for key, items in diff.items():
                for item in items:
                    console.print(f"  {_DIFF_LABELS[key]}: {_summary(item)}", markup=False)
        for label, error in comparison.errors.get(doc_id, {}).items():
            console.print(f"\n{doc_id}: {label} failed: {error}", markup=False)
    return buffer.getvalue()


def render_compare_markdown(comparison: Comparison) -> str:
    labels = [v.label for v in comparison.variants]
    lines = [f"# Comparison: baseline {comparison.baseline.label}", "",
             f"{len(comparison.documents)} document(s), strategy {comparison.strategy}. "
             "▲ better than the baseline, ▼ worse.", "",
             "| metric | " + " | ".join(labels) + " |",
             "|---|" + "---:|" * len(labels)]
    for name in METRICS:
        cells = [_cell(comparison.metrics[lab][name], name) + _arrow(comparison, lab, name)
                 for lab in labels]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for doc_id in comparison.documents:
        lines += ["", f"## {doc_id}"]
        for label, diff in comparison.diffs.get(doc_id, {}).items():
            lines += ["", f"{comparison.baseline.label} → {label}: {changes(diff)} change(s)"]
            for key, items in diff.items():
                for item in items:
                    text = _summary(item).replace("|", "\\|").replace("\n", " ")
                    lines.append(f"- {_DIFF_LABELS[key]}: {text}")
        for label, error in comparison.errors.get(doc_id, {}).items():
            lines.append(f"- **{label} failed:** {error}")
    return "\n".join(lines) + "\n"


def render_compare_json(comparison: Comparison) -> str:
    return json.dumps(comparison.as_dict(), indent=2, ensure_ascii=False) + "\n"


# ----------------------------------------------------------------------------- HTML

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1400px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px}
table.metrics{border-collapse:collapse;background:#fff;margin:12px 0}
table.metrics td,table.metrics th{border:1px solid #d8dce3;padding:4px 10px;text-align:right}
table.metrics td:first-child,table.metrics th:first-child{text-align:left}
.up{color:#18794e}.down{color:#c0362c}
.pair{display:grid;grid-template-columns:repeat(var(--cols),minmax(0,1fr)) minmax(0,1.3fr);gap:12px}
.card{background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:10px 14px;min-width:0}
.card h3{font-size:15px;margin:0 0 6px}
.card li{margin:2px 0;cursor:pointer}.card li:hover{background:#eef3ff}
.added{border-left:4px solid #18794e;padding-left:6px}
.dropped{border-left:4px solid #c0362c;padding-left:6px}
.source{white-space:pre-wrap;max-height:560px;overflow:auto;font-size:13px}
mark{background:#fff1a8}mark.old{background:#ffd9d4}mark.new{background:#cdf2dc}
mark.both{background:#e6dcff}mark.focus{outline:2px solid #1d4ed8}
.diff li{margin:2px 0}.legend span{padding:0 6px;margin-right:6px}
.error{color:#c0362c}
"""

_JS = """
document.querySelectorAll('[data-spans]').forEach(function(li){
  li.addEventListener('click',function(){
    var box=li.closest('.pair');
    box.querySelectorAll('mark.focus').forEach(function(m){m.classList.remove('focus')});
    var first=null;
    JSON.parse(li.dataset.spans).forEach(function(sp){
      box.querySelectorAll('mark').forEach(function(m){
        var s=+m.dataset.s,e=+m.dataset.e;
        if(s<sp[1]&&sp[0]<e){m.classList.add('focus');if(!first)first=m;}
      });
    });
    if(first)first.scrollIntoView({block:'center',behavior:'smooth'});
  });
});
"""


def _spans_of(briefing: Briefing | None) -> list[tuple[int, int]]:
    if briefing is None:
        return []
    out = []
    for section in ("key_claims", "actors", "figures", "uncertainties"):
        for item in getattr(briefing, section):
            out += [(e.start, e.end) for e in item.evidence
                    if e.start is not None and e.end is not None]
    return out


def _highlighted(text: str, old: list[tuple[int, int]], new: list[tuple[int, int]]) -> str:
    """The source with evidence marked: only the baseline's, only the candidate's, or both."""
    marks = bytearray(len(text) + 1)
    for s, e in old:
        for i in range(max(s, 0), min(e, len(text))):
            marks[i] |= 1
    for s, e in new:
        for i in range(max(s, 0), min(e, len(text))):
            marks[i] |= 2
    out = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marks[i] != marks[start]:
            piece = html.escape(text[start:i])
            kind = marks[start]
            if kind:
                cls = {1: "old", 2: "new", 3: "both"}[kind]
                out.append(f'<mark class="{cls}" data-s="{start}" data-e="{i}">{piece}</mark>')
            else:
                out.append(piece)
            start = i
    return "".join(out)


def _card(label: str, briefing: Briefing | None, error: str | None,
          added: set[str], dropped: set[str]) -> str:
    e = html.escape
    if briefing is None:
        return (f'<div class="card"><h3>{e(label)}</h3><p class="error">failed: '
                f'{e(error or "")}</p></div>')
    parts = [f'<div class="card"><h3>{e(label)}</h3>', f"<p><b>{e(briefing.title)}</b></p>",
             f"<p>{e(briefing.bottom_line)}</p><ul>"]
    for c in briefing.key_claims:
        spans = json.dumps([[x.start, x.end] for x in c.evidence if x.start is not None])
        cls = " added" if c.statement in added else " dropped" if c.statement in dropped else ""
        flags = f" <small>({', '.join(c.flags)})</small>" if c.flags else ""
        parts.append(f'<li class="claim{cls}" data-spans="{e(spans)}">{e(c.statement)} '
                     f"<small>[{e(c.certainty)}]</small>{flags}</li>")
    parts.append("</ul><ul>")
    for f in briefing.figures:
        spans = json.dumps([[x.start, x.end] for x in f.evidence if x.start is not None])
        parts.append(f'<li data-spans="{e(spans)}">{e(f.text)} → {f.value:g} '
                     f"{e(f.unit or '')} <small>{e(f.qualifier)}</small></li>")
    parts.append("</ul></div>")
    return "".join(parts)


def render_compare_html(comparison: Comparison) -> str:
    """One self-contained page: metrics, then per document the variants side by side with the
    source, evidence highlighted (baseline only, candidate only, both)."""
    e = html.escape
    base = comparison.baseline.label
    labels = [v.label for v in comparison.variants]
    rows = []
    for name in METRICS:
        cells = []
        for lab in labels:
            arrow = _arrow(comparison, lab, name)
            cls = ' class="up"' if "▲" in arrow else ' class="down"' if "▼" in arrow else ""
            cells.append(f"<td{cls}>{e(_cell(comparison.metrics[lab][name], name) + arrow)}</td>")
        rows.append(f"<tr><td>{e(name)}</td>{''.join(cells)}</tr>")
    body = [f"<h1>Comparison: baseline {e(base)}</h1>",
            f"<p>{len(comparison.documents)} document(s), strategy {e(comparison.strategy)}. "
            "▲ better than the baseline, ▼ worse.</p>",
            '<table class="metrics"><tr><th>metric</th>'
            + "".join(f"<th>{e(lab)}</th>" for lab in labels) + "</tr>" + "".join(rows)
            + "</table>"]
    for doc_id in comparison.documents:
        body.append(f'<h2 id="{e(doc_id)}">{e(doc_id)}</h2>')
        briefs = comparison.briefings.get(doc_id, {})
        errors = comparison.errors.get(doc_id, {})
        for label in labels[1:]:
            diff = comparison.diffs.get(doc_id, {}).get(label, {})
            added = {c["statement"] for c in diff.get("claims_added", [])}
            dropped = {c["statement"] for c in diff.get("claims_dropped", [])}
            items = "".join(f"<li>{e(_DIFF_LABELS[k])}: {e(_summary(i))}</li>"
                            for k, v in diff.items() for i in v)
            body.append(f'<p class="diff-title"><b>{e(base)} → {e(label)}</b>: '
                        f"{changes(diff) if diff else 0} change(s)</p>"
                        f'<ul class="diff">{items}</ul>')
            body.append(
                '<div class="pair" style="--cols:2">'
                + _card(base, briefs.get(base), errors.get(base), set(), dropped)
                + _card(label, briefs.get(label), errors.get(label), added, set())
                + '<div class="card"><h3>Source</h3><p class="legend"><span class="old">'
                '<mark class="old">baseline only</mark></span><mark class="new">'
                f'{e(label)} only</mark> <mark class="both">both</mark></p>'
                f'<div class="source">'
                f"{_highlighted(comparison.texts[doc_id], _spans_of(briefs.get(base)), _spans_of(briefs.get(label)))}"  # noqa: E501
                "</div></div></div>")
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Comparison: {e(' vs '.join(labels))}</title>"
            f"<style>{_CSS}</style></head><body><main>{''.join(body)}</main>"
            f"<script>{_JS}</script></body></html>\n")
