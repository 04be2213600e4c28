"""Attributions: who said what. Each has a source, a cue and a content span, with offsets.

Patterns, per sentence (each cue is taken on its own, so chains come out as several
attributions: "lawmakers said the agency indicated ..." gives lawmakers/said and
the agency/indicated):

* ``SOURCE [adverbs, auxiliaries] CUE [that] CONTENT`` - "the Pentagon disclosed that ...";
* ``CONTENT, SOURCE CUE.`` and ``CONTENT, CUE SOURCE.`` - "..., Obama said." / "..., said Obama.";
* ``according to SOURCE`` and ``SOURCE reports per SOURCE`` - the content is the rest of the
  sentence.

The source is the noun phrase next to the cue: a pronoun, a run of capitalised words with the
titles between them ("Pentagon spokesperson Sabrina Singh", "NATO Secretary-General Mark
Rutte"), or a short common-noun phrase ("lawmakers", "the report", "sources from the West").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .sentences import sentence_spans

__all__ = ["Attribution", "Span", "find_attributions"]

_CUES = (
    r"said|says|say|saying|told|tells|tell|wrote|writes|writing|stated|announced|"
    r"announces|declared|declares|added|adding|adds|claimed|claims|claiming|argued|argues|"
    r"insisted|insists|noted|explained|explains|acknowledged|acknowledges|confirmed|"
    r"confirms|disclosed|discloses|revealed|reveals|reported|reports|warned|warns|accused|"
    r"accuses|accusing|criticized|criticised|criticizes|praised|praises|promised|promises|"
    r"denied|denies|deny|asked|asks|suggested|suggests|indicated|indicates|believes|believe|"
    r"thinks|think|urged|urges|admitted|admits|predicted|predicts|estimated|estimates|"
    r"showed|described|describes|describe|repeated|tweeted|signaled|signalled|"
    r"observed|observe|observes|expressed|emphasized|stressed|pointed out|recalled|conceded|"
    r"testified|alleged|alleges|blamed|blames|cautioned|contended|countered|called|"
    r"replied|responded|assured|vowed|pledged|questioned|complained|predicted|anticipates|"
    r"anticipated|expects|expected|fears|feared|hopes|hoped|concluded|found|finds"
)
# Verb cues are lower case: "States" or "Notes" capitalised mid-sentence are nouns.
_ANY_CUE = re.compile(
    rf"\b(?P<per>reports? per|reported per)\b|\b(?P<acc>[Aa]ccording to|as reported by)\b|"
    rf"\b(?P<verb>{_CUES})\b"
)
_TIME = re.compile(
    r"(?:on|in|last|this|late|early)?\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|yesterday|today|tonight|week|month|year|\d{4})$", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this"}
_SKIP = {
    "also", "has", "have", "had", "is", "was", "were", "are", "been", "be", "repeatedly",
    "later", "previously", "recently", "publicly", "privately", "then", "once", "again",
    "earlier", "further", "not", "never", "already", "reportedly", "both", "all", "would",
    "will", "could", "may", "might", "can", "did", "does", "do", "first", "now",
    "quickly", "flatly", "openly", "strongly", "explicitly", "initially", "ultimately",
}
_DETERMINERS = {"the", "a", "an", "some", "many", "most", "several", "other", "both", "two",
                "three", "its", "his", "her", "their", "our", "these", "those", "western",
                "foreign"}
_STOP = {
    "and", "or", "but", "that", "of", "to", "in", "on", "at", "for", "by", "with", "from",
    "as", "than", "while", "when", "because", "if", "so", "into", "after", "before", "over",
    "about", "what", "how", "why", "where", "not", "no", "more", "however", "furthermore",
}
_CONNECTORS = {"of", "the", "for", "and", "de", "van", "von", "al", "-", "&"}
_WORD = re.compile(r"[\w.'’&-]+|[^\w\s]")


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Attribution:
    source: Span
    cue: Span
    content: Span

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": vars(self.source).copy(),
            "cue": vars(self.cue).copy(),
            "content": vars(self.content).copy(),
        }


def _span(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",:;\"“”'‘’("):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.:;\"“”'‘’)"):
        end -= 1
    return Span(text[start:end], start, end) if end > start else None


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), start + m.start(), start + m.end())
            for m in _WORD.finditer(text[start:end])]


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and len(word) > 1)


def _source_before(text: str, s_start: int, cue_start: int) -> Span | None:
    """The noun phrase ending just before a cue (adverbs and auxiliaries skipped)."""
    toks = _tokens(text, s_start, cue_start)
    i = len(toks) - 1
    while i >= 0:
        w = toks[i][0].lower()
        adverb = (w.endswith("ly") and len(w) > 4 and i > 0
                  and toks[i - 1][0].lower() not in _DETERMINERS)  # "the daily" is a noun
        if w in _SKIP or adverb:
            i -= 1
        elif _TIME.match(w):
            i -= 1
            if i >= 0 and toks[i][0].lower() in {"on", "in", "last", "this", "late", "early"}:
                i -= 1
        else:
            break
    if i < 0:
        return None
    word, w_start, w_end = toks[i]
    if word.lower() in _PRONOUNS:
        return Span(word, w_start, w_end)
    if not re.match(r"\w", word):
        return None
    first = i
    if _is_cap(word):
        j = i - 1
        while j >= 0:
            w = toks[j][0]
            if _is_cap(w) or w in ("’s", "'s"):
                first = j
            elif w.lower() in _CONNECTORS and j > 0 and _is_cap(toks[j - 1][0]):
                pass
            elif w.islower() and w not in _STOP and j > 0 and _is_cap(toks[j - 1][0]):
                pass  # a title between names: "Pentagon spokesperson Sabrina Singh"
            else:
                break
            j -= 1
        while first > 0 and toks[first - 1][0].lower() in _DETERMINERS:
            first -= 1
    else:
        if word.lower() in _STOP or word.lower() in _DETERMINERS:
            return None
        j = i - 1
        while j >= 0 and i - j <= 5:
            w = toks[j][0]
            if w.lower() in _DETERMINERS:
                first = j
                break
            if not re.match(r"\w", w) or w.lower() in _STOP or w.lower() in _SKIP:
                break
            first = j
            j -= 1
    if first > 0 and toks[first - 1][0] == "the" and first == i:
        first -= 1
    return _span(text, toks[first][1], toks[i][2])


def _source_after(text: str, start: int, end: int) -> Span | None:
    """The noun phrase starting at ``start`` up to a comma, clause word or sentence end."""
    toks = _tokens(text, start, end)
    last = -1
    for k, (w, _, _) in enumerate(toks):
        if w in {",", ";", ".", ":", "(", "—", "–"} or (w.lower() in _STOP and w.lower() not in
                                                      {"of", "from", "and"} and k > 0):
            break
        if k >= 10:
            break
        last = k
    if last < 0:
        return None
    return _span(text, toks[0][1], toks[last][2])


def find_attributions(text: str) -> list[Attribution]:
    """Every attribution found in ``text``, in order of their cues."""
    out: list[Attribution] = []
    for s_start, s_end in sentence_spans(text):
        for m in _ANY_CUE.finditer(text, s_start, s_end):
            found = _attribution(text, s_start, s_end, m)
            out.extend(found)
    return out


def _attribution(text: str, s_start: int, s_end: int, m: re.Match[str]) -> list[Attribution]:
    cue = Span(m.group(), m.start(), m.end())
    if m.group("acc"):
        source = _source_after(text, m.end(), s_end)
        before = _span(text, s_start, m.start())
        after_source = _span(text, source.end, s_end) if source else None
        content = before if before and len(before.text) > 12 else after_source
        if source and content:
            return [Attribution(source, cue, content)]
        return []
    if m.group("per"):
        results = []
        reporter = _source_before(text, s_start, m.start())
        cited = _source_after(text, m.end(), s_end)
        clause_end = reporter.start if reporter else m.start()
        content = _span(text, s_start, clause_end)
        if content is None and cited is not None:
            lead = re.match(r"\s*(?:that\b|:|,)?\s*", text[cited.end:s_end])
            content = _span(text, cited.end + (lead.end() if lead else 0), s_end)
        word = re.match(r"\w+", m.group())
        if reporter and content and word:
            results.append(Attribution(reporter, Span(word.group(), m.start(), m.start() +
                                                      len(word.group())), content))
        if cited and content:
            per = m.group().rsplit(" ", 1)[-1]
            results.append(Attribution(cited, Span(per, m.end() - len(per), m.end()), content))
        return results
    # A verb cue: source before it, or "..., said SOURCE." after it. A passive ("is
    # expected to", "were reported") names no source.
    if re.search(r"\b(?:is|are|was|were|be|been|being)\s+$", text[s_start:m.start()]) and \
            m.group().endswith("ed"):
        return []
    source = _source_before(text, s_start, m.start())
    leading = text[s_start:m.start()].rstrip()
    if source is None and leading.endswith(",") and not leading.endswith(("”,", '",')):
        # An appositive: "Chris Weston, chief market strategist at IG Ltd., said ..."
        k = leading.rfind(",", 0, len(leading) - 1)
        if k > 0:
            source = _source_before(text, s_start, s_start + k)
            if source is not None and not _is_cap(source.text):
                source = None
    if m.group() == "called" and text[max(0, m.start() - 3):m.start()] == "so-":
        return []
    if source is not None and re.fullmatch(r"[\d,.]+", source.text.split()[0]):
        return []
    after = text[m.end():s_end]
    if source is None or source.text.lower() in {"that", "this", "which"} and m.group(
    ).lower().startswith(("said", "say")):
        inverted = re.match(
            r"\s+((?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|at|of|the|"
            r"[a-z]+(?=\s+[A-Z]))){0,6}|he|she|"
            r"they)\s*[.,;]", after)
        if inverted and re.search(r"[,\"”’']\s*$", text[s_start:m.start()]):
            source = Span(inverted.group(1), m.end() + inverted.start(1),
                          m.end() + inverted.end(1))
            content = _span(text, s_start, m.start())
            return [Attribution(source, cue, content)] if content else []
        return []
    # Sentence-final: "CONTENT, SOURCE said."
    if re.fullmatch(r"[\s.\"”’']*", after) and re.search(r",\s*[\"”’']?\s*$",
                                                          text[s_start:source.start]):
        content = _span(text, s_start, source.start)
    else:
        content_start = m.end()
        lead = re.match(r"\s*(?:that\b|:|,)?\s*", after)
        if lead:
            content_start += lead.end()
        content = _span(text, content_start, s_end)
    if content is None or len(content.text) < 3:
        return []
    return [Attribution(source, cue, content)]
