"""Where a content or a cue the tagger read ends: a content it cut short runs on (through a
relative clause, a number, its verb; back to its sentence's start before "according to"), one
it ran past its clause ends there, and a cue that ran into its content ends at its verb. Each
is applied to what the tagger found, not to the rules' reading it was fitted with, so the
tagger's features stay as they were."""

from __future__ import annotations

import bisect
import re

from ...vocabulary import WEEKDAYS
from ..sentences import sentence_spans
from .spans import ACCORDING_TO, AUXILIARIES, Attribution, trimmed_span

__all__ = ["CLAUSE_TURN", "IN_NUMBER", "according_whole", "run_on", "through_number",
           "through_relative", "through_verb", "through_word", "verb_alone", "without_dangling"]

# (a number's comma or point is no clause's end: "755,000")
IN_NUMBER = r"(?<=\d)[,.](?=\d)"

# A content the tagger ended where a relative clause opens, the sentence going on after the
# clause with its verb: "Equinor said output at its field, which pumps 755,000 barrels a day,
# may be reduced" (the tagger's content had been "output at its field"). Validation content
# 82.85 -> 82.90.
THROUGH_RELATIVE = True
_RELATIVE = re.compile(rf"\s*,\s*(?:which|who|whose|where)\b(?:[^,.;:!?\"“”]|{IN_NUMBER})*"
                       r",\s+(?=[a-z])")
_CLAUSE_ON = re.compile(rf"(?:[^.;:!?\"“”]|{IN_NUMBER})*")


def through_relative(text: str, found: list[Attribution]) -> list[Attribution]:
    """``found`` with each content after its cue that ends where a relative clause opens run on
    through the clause to the end of what the sentence goes on to say (to its next full stop,
    colon, semicolon or quotation mark), when no other cue lies in that stretch."""
    out = []
    for a in found:
        clause = _RELATIVE.match(text, a.content.end) if a.cue.end <= a.content.start else None
        on = _CLAUSE_ON.match(text, clause.end()) if clause else None
        end = on.end() if on else a.content.end
        if clause and not any(b is not a and a.content.end < b.cue.start < end for b in found):
            content = trimmed_span(text, a.content.start, end)
            a = Attribution(a.source, a.cue, content) if content else a
        out.append(a)
    return out


# A content the tagger ended inside a number, or right before one, runs on, as one ended where
# a relative clause opens: "… operator said demand peaked at 39,600 megawatts on Tuesday" had the
# content "demand peaked at 39" (the tagger reads a number's comma as a word of its own, and a
# comma often ends a content), "Local officials estimate that 30 to 40 tanker trucks cross each
# week" had "that 30 to". PolNeAR validation: no content changes; in FRANK's 1,070 training
# articles 3 of 2,271 do. (Any content that ends before a word runs on as well: characters
# precision 85.7 -> 85.0, recall 73.2 -> 73.9, F1 79.0 either way; before a lower-case word or
# a number: 85.1 / 73.8 / 79.1. Neither taken: a trade within noise.)
THROUGH_NUMBER = True
_NUMBER_ON = re.compile(r"(?<=\d)(?:[,.]\d+)+|[ \t]+(?=[$€£¥]?\d)")


def through_number(text: str, found: list[Attribution]) -> list[Attribution]:
    """``found`` with each content after its cue that ends inside a number ("39" of "39,600")
    or right before one ("that 30 to" of "that 30 to 40 trucks cross") run on to the end of what
    the sentence goes on to say, as :func:`through_relative` runs one on, when no other cue
    lies in that stretch."""
    if not THROUGH_NUMBER:
        return found
    out = []
    for a in found:
        end = a.content.end
        number = _NUMBER_ON.match(text, end) if a.cue.end <= a.content.start else None
        on = _CLAUSE_ON.match(text, number.end()) if number else None
        if on and not any(b is not a and end < b.cue.start < on.end() for b in found):
            content = trimmed_span(text, a.content.start, on.end())
            a = Attribution(a.source, a.cue, content) if content else a
        out.append(a)
    return out


# A content the tagger ended on a word no clause ends on, or right before an article or a
# possessive that goes on with it, runs on to its clause's end: "judges that the country has
# produced enough fissile material for as | many as 60 warheads", "estimated that illicit coal
# exports earned | the regime $370 million". Validation: overlap F1 unchanged; content characters
# recall 73.4 -> 73.5, precision 85.7 (also before "of", "for", "to", "than", "with", "from":
# precision 85.6; on such a last word alone: the same as this).
THROUGH_WORD = True
_ENDS_NOTHING = re.compile(r"(?:\s|^)(?:the|a|an|as|for|of|to|than|with|from|at|by|on|in|into|its|"
                           r"their|his|her|our|this|these|those|and|or)\Z", re.IGNORECASE)
_WORD_ON = re.compile(r"[ \t]+(?=(?:the|an?|its|their|his|her|our|this|these|those)\s)")


def through_word(text: str, found: list[Attribution]) -> list[Attribution]:
    """``found`` with each content after its cue that ends on a word no clause ends on ("for
    as"), or right before a word that goes on with it ("earned | the regime"), run on to the end
    of what the sentence goes on to say, when no other cue lies in that stretch."""
    if not THROUGH_WORD:
        return found
    out = []
    for a in found:
        on = None
        if a.cue.end <= a.content.start and (_ENDS_NOTHING.search(a.content.text) or
                                             _WORD_ON.match(text, a.content.end)):
            on = _CLAUSE_ON.match(text, a.content.end)
        if on and not any(b is not a and a.content.end < b.cue.start < on.end() for b in found):
            turn = CLAUSE_TURN.search(text, a.content.end, on.end())  # ", although other …"
            content = trimmed_span(text, a.content.start, turn.start() if turn else on.end())
            a = Attribution(a.source, a.cue, content, a.written_as) if content else a
        out.append(a)
    return out


# A content the tagger ended at its subject, right before the verb that says what of it: "Coldiretti
# estimated that about 5,000 farms | had been flooded and warned that …". It runs on to the end of
# its clause, or to the "and" before the next cue. Validation: overlap F1 unchanged, content
# characters recall 73.2 -> 73.4, F1 79.0 -> 79.1 (running on to the next cue itself where no
# "and" stands before it: the same); FRANK's training articles: 3 contents change.
THROUGH_VERB = True
_VERB_ON = re.compile(rf"[ \t]+(?=(?:{AUXILIARIES}|did|does|do)\b)")
_AND_BEFORE = re.compile(r"(?:\s*,)?\s+(?:and|but)\s*\Z")


def through_verb(text: str, found: list[Attribution]) -> list[Attribution]:
    """``found`` with each content after its cue that ends right before an auxiliary or modal
    verb run on to the end of its clause, or to the "and" before the next cue there."""
    if not THROUGH_VERB:
        return found
    out = []
    for a in found:
        verb = _VERB_ON.match(text, a.content.end) if a.cue.end <= a.content.start else None
        on = _CLAUSE_ON.match(text, verb.end()) if verb else None
        if on:
            end = min([b.cue.start for b in found if b is not a and
                       a.content.end < b.cue.start < on.end()] + [on.end()])
            if end < on.end():  # another cue in its clause: up to the "and" before it
                joint = _AND_BEFORE.search(text, a.content.end, end)
                end = joint.start() if joint else a.content.end
            content = trimmed_span(text, a.content.start, end)
            a = Attribution(a.source, a.cue, content) if content else a
        out.append(a)
    return out


# A content before "according to" and its source, as a sentence ends ("Sardinia recorded 46.2
# degrees, a few tenths short of the record, according to the meteorological service"), is the
# sentence up to the cue: the tagger had begun it at "a few tenths". Validation: 2 contents
# change, overlap F1 unchanged (78.2 / 76.0 / 83.0, relation 71.1), the content's characters
# (recall 73.1 -> 73.2, F1 78.9 -> 79.0, precision 85.7).
ACCORDING_WHOLE = True


def according_whole(text: str, found: list[Attribution]) -> list[Attribution]:
    """``found`` with each content that ends before its cue "according to", its source after
    the cue, begun at its sentence's start, when no other attribution's cue or source lies
    between."""
    if not ACCORDING_WHOLE or not any(ACCORDING_TO.fullmatch(a.cue.text) for a in found):
        return found
    starts = [start for start, _ in sentence_spans(text)]
    out = []
    for a in found:
        if ACCORDING_TO.fullmatch(a.cue.text) and a.content.end <= a.cue.start <= \
                a.source.start:
            start = starts[max(bisect.bisect_right(starts, a.content.start) - 1, 0)]
            if not any(b is not a and (start <= b.cue.start < a.content.start or
                                       start <= b.source.start < a.content.start)
                       for b in found):
                content = trimmed_span(text, start, a.content.end)
                a = Attribution(a.source, a.cue, content) if content else a
        out.append(a)
    return out


# A cue the tagger ran on from a verb of saying into the words its content begins with: "a
# diplomat said negotiations over a ceasefire had stalled" had the cue "said negotiations over".
# What PolNeAR's training cues write after such a verb (318 of them): a preposition ("said in",
# 115), a day, an adverb in "-ly", a determiner or pronoun of "told the ..." and the words below;
# any other word begins the content. Validation: 3 cues change, overlap F1 unchanged, the cues'
# characters precision 68.4 -> 68.6, recall 58.3 -> 58.2, F1 62.9 -> 63.0.
VERB_ALONE = True
_SAYING_ON = re.compile(r"(?:said|says|say|wrote|writes)\s+(?P<on>[a-z][\w'’-]*)")
_CUE_GOES_ON = frozenset(
    "in of on at during about with a an the to by for from after before his her their its this "
    "that last then earlier recently twice instead only also again".split() +
    WEEKDAYS.split("|"))


def verb_alone(text: str, found: list[Attribution]) -> list[Attribution]:
    """``found`` with each cue that runs on from a verb of saying into a word a cue does not go
    on with, right before its content, cut at the verb, the content begun at that word."""
    if not VERB_ALONE:
        return found
    out = []
    for a in found:
        m = _SAYING_ON.match(a.cue.text)
        word = m.group("on") if m else ""
        if m and word not in _CUE_GOES_ON and not word.endswith("ly") and \
                a.cue.end <= a.content.start and not text[a.cue.end:a.content.start].strip():
            content = trimmed_span(text, a.cue.start + m.start("on"), a.content.end)
            verb = trimmed_span(text, a.cue.start, a.cue.start + m.start("on"))
            a = Attribution(a.source, verb, content) if content and verb else a
        out.append(a)
    return out


# A content the tagger ran on past its clause's comma into the word that opens the next clause
# ("warned that more storms were likely over the weekend, although | it said they would …"):
# it ends before the comma. 2 of PolNeAR's 19,832 training contents end in "while", none in
# "although", "though", "but" or "whereas".
DANGLING = True
_TURN = r"\s*,\s*(?:although|though|but|while|whereas)"  # a clause's comma and the word it turns on
_DANGLING = re.compile(rf"{_TURN}\Z", re.IGNORECASE)
CLAUSE_TURN = re.compile(rf"{_TURN}\b", re.IGNORECASE)


def without_dangling(text: str, found: list[Attribution]) -> list[Attribution]:
    """``found`` with each content that ends in a comma and a word opening a clause (", although")
    ended before the comma."""
    if not DANGLING:
        return found
    out = []
    for a in found:
        m = _DANGLING.search(a.content.text)
        content = trimmed_span(text, a.content.start, a.content.start + m.start()) if m else None
        out.append(Attribution(a.source, a.cue, content, a.written_as) if content else a)
    return out


def run_on(text: str, found: list[Attribution]) -> list[Attribution]:
    """``found`` with the contents the tagger cut short run on (back over the words its cue
    took in; through a relative clause, with ``THROUGH_RELATIVE``; past a number's separator, its
    subject or a word no clause ends on; back to the sentence's start before "according to") and
    those it ran past their clause's comma ended there."""
    found = through_relative(text, found) if THROUGH_RELATIVE else found
    return without_dangling(text, according_whole(text, through_word(text, through_number(
        text, through_verb(text, verb_alone(text, found))))))
