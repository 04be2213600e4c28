"""Who speaks in a transcript: a press briefing, an interview or a hearing written as turns, each
opening with its speaker's label ("MINISTER: We will provide …", "JAKE TAPPER: …", "Dr Osei:
…"). Each turn is an attribution: its label the source, its colon the cue, the rest of the turn
(up to the next label, within its paragraph) the content, so a claim taken from inside a turn is
credited to whoever said it. A questioner's turn ("Q:", "REPORTER:"), or an answer's bare "A:",
ends the turn before it and credits no one.

A document is read as a transcript only when its labels take turns and speak: two or more lines
open with one, some label speaks twice, and most turns speak in the first or second person
("I", "we", "you": a list's "Clinton: 547" does not). A label is written in capitals, or is a
form of address and a name; a word in title case ("Summary:", "Iowa:") is a label only when it
opens two turns or more, or, in a transcript, opens one that speaks and is no common word
("Lopez:", not "Name:").
"""

from __future__ import annotations

import re
from collections import Counter

from ...vocabulary import HONORIFICS
from ..casing import common_word
from .spans import BLANK_LINE, Attribution, Span, trimmed_span

__all__ = ["speaker_turns"]

_HONORIFIC = "|".join(sorted((h.capitalize() for h in HONORIFICS), key=len, reverse=True))
_TURN = re.compile(
    rf"^[ \t]*((?:{_HONORIFIC})\.?[ \t]+[A-Z][\w'’-]+|"  # "Dr Osei"
    r"[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,3}|"  # "MINISTER", "JAKE TAPPER"
    r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]*(:)[ \t]+(?=\S)", re.MULTILINE)  # "Tapper"
# Who asks, and an answer's bare letter: their turns end the speaker's and credit no one.
_UNNAMED = frozenset({"Q", "A", "QUESTION", "ANSWER", "REPORTER", "AUDIENCE", "AUDIENCE MEMBER",
                      "INTERVIEWER"})
# A turn that speaks: in the first or second person, as people speak (a list's "Clinton: 547" or
# a profile's "CURRENT JOB: Director of cricket at Surrey" does not).
_SPOKEN = re.compile(r"\b(?:I(?:['’](?:m|ve|ll|d))?|[Mm]e|[Mm]y|[Ww]e(?:['’](?:re|ve|ll|d))?|us|"
                     r"[Oo]ur|[Yy]ou(?:['’](?:re|ve|ll|d))?|[Yy]our)\b")  # not "US", "YOUR MEDALS"


def speaker_turns(text: str) -> list[Attribution]:
    """The turns of ``text`` as attributions (none when it is not written as a transcript)."""
    turns = list(_TURN.finditer(text))
    if len(turns) < 2:
        return []
    said = Counter(m.group(1).upper() for m in turns)
    labelled = [m for m in turns if _is_label(m.group(1), said)]
    if len(labelled) < 2 or max(Counter(m.group(1).upper() for m in labelled).values()) < 2:
        return []
    # In a transcript, a speaker heard once is a speaker too ("Lopez: Well, no one is like …"),
    # when the turn speaks.
    turns = [m for m in turns if m in labelled or _SPOKEN.search(_paragraph(text, m.end())) and
             not any(common_word(w) for w in m.group(1).split())]  # not "Name: Gabrielle …"
    out = []
    for k, m in enumerate(turns):
        # a turn runs to the next label, within its paragraph: a headline's "Sanders: …" does
        # not take the story after it
        end = min(turns[k + 1].start() if k + 1 < len(turns) else len(text),
                  m.end() + len(_paragraph(text, m.end())))
        content = trimmed_span(text, m.end(), end)
        if content is not None and m.group(1).upper() not in _UNNAMED:
            out.append(Attribution(Span(m.group(1), m.start(1), m.end(1)),
                                   Span(":", m.start(2), m.end(2)), content))
    spoken = sum(1 for a in out if _SPOKEN.search(a.content.text))
    return out if out and 2 * spoken >= len(out) else []


def _paragraph(text: str, start: int) -> str:
    """``text`` from ``start`` to the end of its paragraph (a blank line, or the text's end)."""
    blank = BLANK_LINE.search(text, start)
    return text[start:blank.start() if blank else len(text)]


def _is_label(label: str, said: Counter[str]) -> bool:
    """A speaker's label: in capitals, a form of address and a name, or said twice or more."""
    letters = [c for c in label if c.isalpha()]
    return all(c.isupper() for c in letters) or label.split()[0].rstrip(".").lower() in \
        HONORIFICS or said[label.upper()] >= 2
