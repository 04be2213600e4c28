"""Text in a document that addresses an AI model rather than a reader (prompt injection).

The document is always passed to the model as fenced data; this module finds the places where a
document tries to speak to the model anyway, so that they never reach the bottom line or the key
claims of an extractive or guided briefing, and whatever a model took from there is flagged
instead of shown as what the document reports.

What is found, whatever the wording's disguise:

* the text is folded first: invisible characters dropped, confusable letters (Greek and Cyrillic
  capitals and small letters that look Latin, fullwidth forms) mapped to Latin, line breaks read
  as spaces, so "Ιgnore" with a Greek capital iota, or "ignore all\\nprevious instructions" split
  over lines, still matches;
* overrides of instructions ("ignore/disregard/forget ... previous instructions", in English,
  French, Spanish, German, Italian, Portuguese), fake turns ("system:", ``<|im_start|>``), fake
  tool calls and JSON fields, our own fence tags;
* text addressed to a model: "note for automated summarizers", "dear AI", "attention language
  model", "summarizers must/should ...", "in your summary ...", "when summarizing ...";
* a paragraph that carries such an address is flagged whole: the instruction and the "facts" it
  wants repeated travel together ("Note for summarizers: ... 50,000 troops ... confirmed").
"""

from __future__ import annotations

import functools
import re

__all__ = ["find_injections", "fold_confusables", "overlaps_injection"]

# One character in, one character out (or dropped): offsets are mapped back exactly.
_CONFUSABLE = str.maketrans({
    # Greek capitals and small letters that look Latin.
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ι": "i", "ν": "v", "α": "a",
    "κ": "k", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    # Cyrillic.
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "а": "a", "е": "e", "о": "o", "р": "p",
    "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "һ": "h",
    "ӏ": "l", "ԛ": "q", "ԝ": "w",
    # Latin look-alikes.
    "ı": "i", "ſ": "s", "ℓ": "l", "\u00a0": " ", "\u2007": " ", "\u202f": " ",
})
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064"
                       "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def fold_confusables(text: str) -> tuple[str, list[int]]:
    """``text`` folded for matching, and for each folded character its offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in _INVISIBLE:
            continue
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:  # fullwidth ASCII
            ch = chr(code - 0xFEE0)
        out.append(ch.translate(_CONFUSABLE))
        where.append(i)
    return "".join(out), where


_MODEL = (r"(?:automated\s+|automatic\s+|ai\s+|llm\s+|language\s+|large\s+language\s+)?"
          r"(?:summari[sz]ers?|summari[sz]ation\s+(?:tools?|systems?|models?|bots?)|"
          r"ai(?:\s+(?:models?|systems?|assistants?|tools?))?|llms?|chatbots?|assistants?|"
          r"language\s+models?|models?|bots?|gpt|chatgpt|claude|gemini|copilot)")
_OVERRIDE = (
    r"\b(?:ignore|disregard|forget|override|skip|bypass)\s+(?:all\s+|any\s+|the\s+|of\s+)*"
    r"(?:(?:previous|prior|above|earlier|preceding|your|system|original|other)\s+)+"
    r"(?:instructions?|prompts?|rules?|directions?|guidelines?|context)"
    # French, Spanish, Italian, Portuguese, German.
    r"|\bignor(?:e[zr]?|a|ate|ar|ieren?|iere)\s+(?:toutes\s+|todas\s+|tutte\s+|alle\s+|"
    r"les\s+|las\s+|le\s+|as\s+|os\s+)*(?:(?:pr[eé]c[eé]dentes|anteriores|precedenti|"
    r"vorherigen|bisherigen)\s+)?(?:instructions?|instrucciones|istruzioni|instru[cç][oõ]es|"
    r"anweisungen|consignes)"
    r"|\boubliez\s+(?:toutes\s+)?(?:les\s+)?(?:instructions|consignes)"
    r"|\bvergiss\s+(?:alle\s+)?(?:vorherigen\s+)?anweisungen"
)
_AI = (r"(?:summari[sz]ers?|summari[sz]ation\s+(?:tools?|systems?|models?|bots?)|"
       r"ai\s+(?:models?|systems?|assistants?|tools?)|llms?|chatbots?|language\s+models?)")
# Addressed, not reported: a salutation or heading with a colon, a second person, an order.
_ADDRESS = (
    rf"\b(?:note|message|instructions?|notice|memo|attention|warning|reminder|directive)s?\s+"
    rf"(?:for|to)\s+(?:any\s+|all\s+|the\s+)?{_MODEL}\s*[:,\u2014-]"
    rf"|\b(?:dear|attention|hey|hello|hi)\s*,?\s+(?:the\s+)?{_MODEL}\s*[:,!\u2014-]"
    rf"|\b(?:if|when|while)\s+you\s+are\s+an?\s+{_MODEL}\b"
    rf"|\byou\s+are\s+an?\s+{_MODEL}\b"
    rf"|\bas\s+an?\s+{_MODEL}\s*,\s*(?:you|please|ignore|do|report|state|write)\b"
    rf"|\b{_AI}\s+(?:must|should|shall|are\s+(?:instructed|required|told|asked)\s+to|"
    rf"need\s+to|reading\s+this\s+(?:must|should))\s+(?:now\s+|always\s+|instead\s+)?"
    rf"(?:report|state|say|write|mention|include|summari[sz]e|ignore|conclude|describe|"
    rf"treat|present|output|add|omit|claim|note)\b"
    r"|\b(?:when|while|if)\s+(?:you\s+)?(?:summari[sz]ing|summari[sz]e)\b"
    r"|\b(?:in|into)\s+(?:your|any)\s+(?:summary|summaries|briefing|answer|output|response)"
    r"\b(?=[^.]{0,200}\b(?:state|say|write|report|mention|include|claim|note)\b)"
    r"|\bin\s+your\s+(?:summary|briefing|answer|output)\b"
    r"|\b(?:do\s+not|don't|never)\s+(?:mention|include|report|reveal)\b[^.]{0,80}"
    r"\b(?:summary|briefing|this\s+(?:note|instruction|message))"
)
_STRUCTURE = (
    r"\byou\s+are\s+now\b|\bnew\s+instructions?\s*:|\bdeveloper\s+mode\b"
    r"|^\s*(?:system|assistant|user)\s*:"
    r"|<\|?(?:im_start|im_end|system|assistant|endoftext)\|?>"
    r"|</?(?:tool_call|function_call|document(?:-[0-9a-f]+)?)\b[^>]*>"
    r"|\"(?:tool_calls|function_call|arguments|key_claims|bottom_line)\"\s*:"
    r"|\b(?:report|state|say|write)\s+that\b(?=[^.]{0,200}\b(?:instead|regardless)\b)"
)
_PATTERNS = re.compile("|".join((_OVERRIDE, _ADDRESS, _STRUCTURE)),
                       re.IGNORECASE | re.MULTILINE)
_PARAGRAPH = re.compile(r"\n\s*\n")


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """What travels with a match: the lines it spans; the next line too when the match's line
    ends in a colon (a heading: "Note for summarizers:" then its payload); the whole paragraph
    when it is a short one (at most two lines between blank lines)."""
    before = [m.end() for m in _PARAGRAPH.finditer(text, 0, start)]
    p_start = before[-1] if before else 0
    after = _PARAGRAPH.search(text, end)
    p_end = after.start() if after else len(text)
    bounded = bool(before) or after is not None  # the document has paragraph breaks here
    if bounded and p_end - p_start <= 1500 and text[p_start:p_end].strip().count("\n") <= 1:
        return p_start, p_end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:line_end].rstrip().endswith(":") and line_end < len(text):
        following = text.find("\n", line_end + 1)
        line_end = len(text) if following < 0 else following
    return line_start, line_end


def find_injections(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of ``text`` that address a model (whole paragraphs), merged."""
    return list(_find(text))


@functools.lru_cache(maxsize=64)
def _find(text: str) -> tuple[tuple[int, int], ...]:
    # A briefing asks about the same document from the ranking, the checks of the title and
    # bottom line, and the flags of every item: folded and matched once.
    folded, where = fold_confusables(text)
    spans: list[tuple[int, int]] = []
    for m in _PATTERNS.finditer(folded):
        if m.end() <= m.start():
            continue
        start, end = where[m.start()], where[m.end() - 1] + 1
        spans.append(_paragraph(text, start, end))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)


def overlaps_injection(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
