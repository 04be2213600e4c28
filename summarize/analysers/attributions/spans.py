"""What an attribution is: a source, a cue and a content span, with offsets; and which ones
credit a claim to their source, and to which source a passage is credited."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...vocabulary import WEEKDAYS
from ..sentences import DATELINE, sentence_spans


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
    # the pronoun the text wrote where ``source`` is the person it stands for ("He", credited to
    # the Piotr Kowalski named before it: :mod:`.pronouns`)
    written_as: Span | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": vars(self.source).copy(),
            "cue": vars(self.cue).copy(),
            "content": vars(self.content).copy(),
        }


def quoted_from(text: str, a: Attribution) -> Attribution:
    """``a`` with each span's text taken from ``text`` at its offsets: the attributions of a
    text read in another form of the same length (quotation marks made double, a line in
    capitals re-cased) quote the text itself."""
    def quoted(span: Span) -> Span:
        return Span(text[span.start:span.end], span.start, span.end)

    return Attribution(quoted(a.source), quoted(a.cue), quoted(a.content),
                       None if a.written_as is None else quoted(a.written_as))


def trimmed_span(text: str, start: int, end: int, *, brackets: bool = False) -> Span | None:
    """``text[start:end]`` without the spaces and punctuation at its edges; with ``brackets``,
    with the bracket that closes one it opened ("Sen. Chuck Grassley (R-Iowa)", which the tagger
    reads as far as "Iowa"; the rules' spans, which the tagger reads as features, keep the
    trimming it was fitted with)."""
    while start < end and (text[start].isspace() or text[start] in ",:;\"“”'‘’("):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.:;\"“”'‘’)"):
        end -= 1
    if brackets and text.count("(", start, end) > text.count(")", start, end):
        closing = _CLOSING_BRACKET.match(text, end)
        end = closing.end() if closing else end
    return Span(text[start:end], start, end) if end > start else None


# A content begun at its sentence's start leaves out the sentence's dateline ("LONDON (AP) —").
UNDATED = True
_CLOSING_BRACKET = re.compile(r"\.?\)")


def apart(text: str, a: Attribution) -> Attribution | None:
    """``a`` with its source kept out of its cue and its content. A source that holds its cue,
    or runs into its content, is cut where they begin ("The Ministry of Health confirms 212
    cases …", which the tagger read as one source before the rules' cue "confirms", is "The
    Ministry of Health"); a cue that begins or ends inside its source keeps what lies outside it
    ("he's said": "said"; "Trump's opposition to": "opposition to"). ``None`` when nothing of
    the source, or of the cue, is left. (A content that a link made the source itself, "said
    Woods", is left: cutting it cost the validation split a content.)"""
    source, cue = a.source, a.cue
    for other, whole in ((cue, True), (a.content, False)):
        if source.start < other.start < source.end and (source.end >= other.end or not whole):
            cut = trimmed_span(text, source.start, other.start)
            if cut is None:
                return None
            source = cut
    if source.start < cue.end and cue.start < source.end:
        after = _POSSESSIVE.match(text, source.end, cue.end)
        right = trimmed_span(text, after.end() if after else source.end, cue.end)
        left = trimmed_span(text, cue.start, source.start) if cue.start < source.start else None
        if left is None or right is not None and len(right.text) > len(left.text):
            left = right  # the longer side of a source inside its cue: "is often described"
        if left is None:
            return None
        cue = left
    dangling = _DANGLING.search(source.text)
    if dangling:  # "the paper's revelations, and": a source ends on no conjunction
        cut = trimmed_span(text, source.start, source.start + dangling.start())
        if cut is None:
            return None
        source = cut
    auxiliary = _AUXILIARY_END.search(source.text) if SOURCE_NO_AUXILIARY else None
    if auxiliary and source.end <= cue.start:  # "Officials in Beijing have | reportedly urged"
        source = trimmed_span(text, source.start, source.start + auxiliary.start()) or source
    content = a.content
    trailing = _DANGLING.search(content.text)
    if trailing:  # "the storm could bring 70mm of rain, and": what was said ends on no "and"
        content = trimmed_span(text, content.start, content.start + trailing.start()) or content
    content = _quote_closed(text, content)
    dateline = DATELINE.match(content.text) if UNDATED else None
    if dateline:  # "LONDON (AP) — A daily dose … may cut the risk, according to a study"
        content = trimmed_span(text, content.start + dateline.end(), content.end) or content
    if (source, cue, content) == (a.source, a.cue, a.content):
        return a
    return Attribution(source, cue, content, a.written_as)


def _quote_closed(text: str, content: Span) -> Span:
    """``content`` with the closing mark trimming took from a quotation it opened inside
    ('it would "cost American jobs"', not 'it would "cost American jobs')."""
    inner = content.text
    if inner.count("\"") % 2 == 1 and text[content.end:content.end + 1] == "\"" or \
            inner.count("“") > inner.count("”") and text[content.end:content.end + 1] == "”":
        return Span(text[content.start:content.end + 1], content.start, content.end + 1)
    return content


_DANGLING = re.compile(r"(?:[\s,;]+(?:and|or|but|nor))+\s*$")


_POSSESSIVE = re.compile(r"['’]s\b")


# Sources that are pronouns: they name no one by themselves.
PRONOUN_SOURCES = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that",
                             "this", "its", "his", "her", "their", "whose", "our", "my", "your"})


# Cues of intention and action: PolNeAR counts "Clinton planned to ..." as an attribution, but
# Clinton does not claim what the reporter says she planned.
_INTENT_CUES = {"planned", "plans", "planning", "intends", "intended", "aims", "aimed", "seeks",
                "sought", "decided", "backs", "backed", "endorse", "endorses", "endorsed"}


def states_a_claim(attribution: Attribution) -> bool:
    """Whether the source states, believes or shows the content (not only intends or does it),
    so that a claim in the content can be credited to the source."""
    return attribution.cue.text.lower() not in _INTENT_CUES


def credited_in(attributions: Iterable[Attribution], start: int, end: int
                ) -> tuple[tuple[bool, int, int], Attribution] | None:
    """The attribution a passage (``start``..``end``) reports, with its rank: of those whose
    content or cue lies in it, one whose cue is inside, then the one whose content covers most
    of it, then the shortest. ("While media reported X, the agency stated Y": the agency, whose
    Y is most of the sentence.) Of the orders tried, this one credited the PolNeAR sentences'
    main sources best, on the validation and the training articles alike
    (``benchmarks/claim_sources.py``)."""
    best: tuple[tuple[bool, int, int], Attribution] | None = None
    for a in attributions:
        covered = min(a.content.end, end) - max(a.content.start, start)
        cue_inside = start <= a.cue.start < end
        if covered <= 0 and not cue_inside:
            continue
        rank = (cue_inside, covered, a.content.start - a.content.end)
        if best is None or rank > best[0]:
            best = rank, a
    return best


# When or where it was said: "on Saturday", "in a statement", "late on Friday", "last week"
_WHEN = (r"(?:on|in|at|late|early|last|this|earlier|later|yesterday|today|tonight|during|via)"
         r"(?:\s+(?!that\b)[\w'’-]+){0,5}")
# What follows a cue that ends what was said: when it was said, then the sentence's end or a
# clause of the sentence's own (", as rescuers searched …"); or at once such a clause (", though
# he cautioned …", ", with losses estimated at …"; not ", and …" or ", when …", which go on with
# what was said)
_ONLY_WHEN = re.compile(rf"\s*(?:{_WHEN}\s*(?:[.!?\"”’']*|,\s*(?:as|while|when|after|before|"
                        r"adding|citing|noting|amid|but|and|though|although)\b.*)|"
                        r",\s*(?:as|adding|citing|noting|amid|though|although|with)\b.*|"
                        r"[.!?\"”’']*)",
                        re.DOTALL)
# "said on Tuesday that …", "said, in a telephone interview, that …" (not "said in a
# documentary that showed …": a "that" after a noun may begin a relative clause)
_DAYS = "|".join(day.title() for day in WEEKDAYS.split("|"))
_WHEN_THAT = re.compile(
    rf"(?:{_WHEN}\s*,|(?:(?:late|early)\s+)?on\s+(?:{_DAYS}|[A-Z][a-z]+\s+\d{{1,2}})|"
    rf"(?:last|this|earlier|later)\s+(?:week|month|year|weekend|{_DAYS})|yesterday|today|"
    r"tonight|earlier|later)\s+that\s+")


BEFORE_SOURCE = True  # a part of the clause before "…, the agency said." read as all of it
# What the tagger's content begins after in PolNeAR's way (of 237 training contents before a
# "…, the agency said." that begin inside their sentence, 200 begin at its start and the rest
# after a clause of their own: "In fact, …", "But …", "While the world waits …, …")
_OWN_CLAUSE = re.compile(r"[.!?][\"”’']*\s|(?:[,—–:;-]|\b(?:and|but|or|so|yet|still|also|while|"
                         r"though|although|because|as|that|then|when|if|since|whereas))\s*\Z",
                         re.IGNORECASE)


# A content that cannot be a clause of its own: a relative clause or a verb without its subject
# ("…, and reopen the port, which handled …, officials warned")
WHOLE_CLAUSE = True
# (the auxiliaries and modals a clause's verb begins with)
AUXILIARIES = "could|would|may|might|will|can|should|must|is|are|was|were|has|have|had"
_NO_CLAUSE = re.compile(rf"(?:which|who|whom|whose|where|{AUXILIARIES})\b")
# A source ends on no auxiliary verb: one before an adverb the tagger read into the cue
# ("Officials in Beijing have | reportedly urged"). Validation unchanged.
SOURCE_NO_AUXILIARY = True
_AUXILIARY_END = re.compile(rf"\s+(?:{AUXILIARIES})\Z")


CLOSERS = "\"”’'"  # the marks that close a quotation

ACCORDING = True  # the same before "…, according to the ministry."
ACCORDING_TO = re.compile(r"according\s+to", re.IGNORECASE)  # the cue
# And before a cue of telling and whom it told: "…, a spokesman told Reuters." (where the tagger
# read a verb in the clause as a cue: "The company plans to cut 1,000 jobs, …" had the content
# "to cut 1,000 jobs"). Validation 78.07 / 75.99 / 82.90 / 70.89 either way (content up 0.002).
TOLD_CLAUSE = True
_WHOM = re.compile(r"\s+(?:(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of(?=\s+[A-Z])))*|"
                   r"him|her|them|us|me|(?:[a-z]+\s+)?(?:[a-z]+s|police|staff|parliament|media)|"
                   r"(?:the|a|an|his|her|their|its|our)\s+(?!(?:on|in|at|last|this|during)\b)"
                   r"[a-z]+)\b")


# A source's title in small letters between the comma and its name ("…, regional president
# Stefano Bonaccini told reporters"), which the source's span does not take in; no verb's
# participle (", killing at least 140 people, the agency said").
TITLE_BEFORE = True
_TITLE_BEFORE = re.compile(r",\s*(?:(?![a-z]+(?:ing|ed)\s)[a-z][\w'’-]*\s+){1,3}\Z")


def clause_before(text: str, source: Span, cue: Span, bounds: tuple[int, int]) -> Span | None:
    """The clause of its sentence (``bounds``) before ``source`` and ``cue``, when the sentence
    ends in the source, a cue of saying and when or where it was said ("…, the agency said on
    Saturday."), or (``ACCORDING``) in "according to" and the source; else ``None``."""
    s_start, s_end = bounds
    if ACCORDING and ACCORDING_TO.fullmatch(cue.text) and cue.end <= source.start:
        anchor, tail = cue.start, source.end
    elif _CLAUSE_CUE.search(cue.text) and source.end <= cue.start:
        anchor, tail = source.start, cue.end
    elif TOLD_CLAUSE and TELLING.fullmatch(cue.text) and source.end <= cue.start:
        whom = _WHOM.match(text, cue.end)  # "…, a spokesman told Reuters on Tuesday."
        anchor, tail = source.start, whom.end() if whom else cue.end
    else:
        return None
    if not _ONLY_WHEN.fullmatch(text, tail, s_end) or not s_start <= anchor:
        return None
    title = _TITLE_BEFORE.search(text, s_start, anchor) if TITLE_BEFORE else None
    if title is not None:
        anchor = title.start() + 1
    elif not text[s_start:anchor].rstrip().endswith(","):
        return None
    dateline = DATELINE.match(text, s_start, anchor)  # "ANKARA (Reuters) -"
    before = trimmed_span(text, dateline.end() if dateline else s_start, anchor)
    return before if before is not None and len(before.text.split()) >= 3 else None


def _clause_before(text: str, a: Attribution, bounds: tuple[int, int],
                   found: list[Attribution]) -> Span | None:
    """:func:`clause_before` ``a``'s source, when ``a``'s content is after the cue in its
    sentence or (``BEFORE_SOURCE``) a part of that clause that does not begin after a clause of
    its own; else ``None``."""
    after = a.content.start >= max(a.cue.end, a.source.end)
    if not (after and a.content.start < bounds[1] or BEFORE_SOURCE and bounds[0] <=
            a.content.start and a.content.end <= min(a.source.start, a.cue.start)):
        return None
    before = clause_before(text, a.source, a.cue, bounds)
    if before is not None and not after and not (WHOLE_CLAUSE and _NO_CLAUSE.match(
            a.content.text)) and (_OWN_CLAUSE.search(text, before.start, a.content.start) or any(
                before.start < b.source.start < a.content.start and
                text[before.start:b.source.start].rstrip().endswith(",") for b in found)):
        return None  # '…, KING-TV reported, while in Chicago …', '… — it's a two-way street'
    return before


CUE_INTO_CONTENT = True  # cue_before_content, before said_when reads the clause around it


def cue_before_content(text: str, cue: Span, content: Span) -> Span:
    """``cue`` ended where ``content`` begins, where the tagger ran it into what was said: "…,
    the ministry said in a post on X." had the cue "said in a post on", the content "in a post on
    X" (validation the same with ``CUE_INTO_CONTENT`` or without; links.disjoint ends it so too)."""
    return trimmed_span(text, cue.start, content.start) or cue \
        if cue.start < content.start < cue.end else cue


def said_when(text: str, found: list[Attribution]) -> list[Attribution]:
    """The attributions with a content the tagger read in when or where a source spoke taken
    from the sentence around it. "…, killing at least 140 people, the disaster agency said on
    Saturday, as rescuers searched the rubble": what the agency said is the clause before it,
    not "on Saturday, as rescuers …" (a wire report's way of writing, which PolNeAR's
    political news seldom has: 17 training relations); so too "…, one person familiar with the
    talks said, though he cautioned that …"; and "Ford is recalling 1.2 million vehicles …, the
    agency said." when the tagger read only "1.2 million vehicles …" (and "recalling" as a cue
    of the agency's). Only for a verb of saying or thinking, and a content in the cue's
    sentence. "The agency said on Tuesday that prices rose": what it said begins after the
    "that"."""
    bounds = sentence_spans(text)
    starts = [s for s, _ in bounds]
    out = []
    taken: dict[Span, Span] = {}  # a cue's content after it, where it was read anew
    widened: list[tuple[Span, Span]] = []  # a source and the clause before it, read whole
    for a in found:
        if CUE_INTO_CONTENT and (cue := cue_before_content(text, a.cue, a.content)) != a.cue:
            a = Attribution(a.source, cue, a.content, a.written_as)
        content = a.content
        k = bisect.bisect_right(starts, a.cue.start) - 1
        that = _WHEN_THAT.match(text, content.start, content.end) \
            if content.start >= a.cue.end and k >= 0 else None
        if that:
            content = trimmed_span(text, that.end(), content.end) or content
        elif k >= 0 and (before := _clause_before(text, a, bounds[k], found)) is not None:
            content = before
            if a.content.start >= a.cue.end:
                taken[a.cue] = before
            else:
                widened.append((a.source, before))
        out.append(a if content == a.content else
                   Attribution(a.source, a.cue, content, a.written_as))
    # a second source of the same cue shares it, unless what was said holds that source (the
    # tagger's "at least 140 people" beside "the disaster agency" above); and a cue inside what
    # was said has not that source after it ("Ford is recalling …, the agency said")
    return [a if a.cue not in taken or a.content.start < a.cue.end else
            Attribution(a.source, a.cue, taken[a.cue], a.written_as)
            for a in out if (a.cue not in taken or a.content == taken[a.cue] or
                             not taken[a.cue].start <= a.source.start < taken[a.cue].end) and
            not any(a.source == source and clause.start <= a.cue.start < clause.end
                    for source, clause in widened)]


# The cues of telling, which name whom they told: "told reporters", "'…,' she told analysts".
TELLING = re.compile(r"(?:told|tells|tell|telling|informed|informs|assured|assures|reminded|"
                     r"reminds|briefed|warned)", re.IGNORECASE)
_OPENING_QUOTE = re.compile(r",\s*[\"“‘]")


SAID_HOW = True  # nor is how or when it was said ("said in an emailed statement", "on CNN")
_HOW = re.compile(rf"{_WHEN}[\s.,;:!?]*")


def past_addressee(text: str, a: Attribution, piece: Span) -> Span | None:
    """``piece``, a content the tagger found after ``a``'s cue, without whom the source told
    ('"…," she told analysts on a conference call': ``None``; '"First," she told Hewitt, "I
    would never …"': the quotation). Only after a cue of telling whose content came before it.
    In the 840 training articles 105 such contents go, each an addressee; validation content
    82.78 -> 82.80, relation 70.15 -> 70.19. Nor, after any cue of saying whose content came
    before it, when or how it was said (``SAID_HOW``: '"…," a spokesperson said in an emailed
    statement'; 25 training contents, validation content 82.70 -> 82.76)."""
    if a.content.end > a.cue.start or text[a.cue.end:piece.start].strip():
        return piece
    if SAID_HOW and _CLAUSE_CUE.search(a.cue.text) and _HOW.fullmatch(piece.text):
        return None  # '"…," a spokesperson said in an emailed statement': how, not what
    if not TELLING.fullmatch(a.cue.text):
        return piece
    opening = _OPENING_QUOTE.search(text, piece.start, piece.end)
    return trimmed_span(text, opening.start(), piece.end) if opening else None


_LINKING = re.compile(r"\s*(?:that\s+)?")
BLANK_LINE = re.compile(r"\n[ \t]*\n")  # a paragraph's end
# Verbs of saying and thinking that take a clause ("said the party expected …")
_CLAUSE_CUE = re.compile(
    r"\b(?:say|says|said|saying|state[sd]?|announce[sd]?|add|adds|added|claim|claims|claimed|"
    r"argue[sd]?|insist|insists|insisted|note[sd]?|explain|explains|explained|acknowledge[sd]?|"
    r"confirm|confirms|confirmed|warn|warns|warned|believe[sd]?|think|thinks|thought|"
    r"suggest|suggests|suggested|predict|predicts|predicted|estimate[sd]?|expect|expects|"
    r"expected|fear|fears|feared|hope[sd]?|conclude[sd]?|found|finds|report|reports|reported|"
    r"wrote|write|writes|maintain|maintains|maintained|assert|asserts|asserted|contend|"
    r"contends|contended|agree[sd]?|admit|admits|admitted|concede[sd]?|reckon|reckons|"
    r"reckoned|assess|assesses|assessed|judge[sd]?|stress|stresses|stressed)\b",
    re.IGNORECASE)
_PREPOSITION_LAST = re.compile(r"\b(?:about|of|on|to|for|with|at|by|from|into)$", re.IGNORECASE)
_SUBJECT_WORDS = 8  # the most words the second cue's subject takes


def unnested(text: str, found: list[Attribution]) -> list[Attribution]:
    """The attributions with a content that a verb of saying or thinking took run on over a
    second cue its clause completes ("Analysts said the opposition appeared to be on course …":
    what the analysts said is the whole clause, not "the opposition"). A flat tagger cannot nest
    one attribution in another, so it ends the first content where the second's source or cue
    begins; PolNeAR, which it was fitted on, nests almost none (106 of 19,831 training
    relations). The second attribution is kept (leaving it out cost the validation split cue
    and relation F1)."""
    order = sorted(found, key=lambda a: a.cue.start)
    out = list(order)
    for i, a in enumerate(order):
        b = next((b for b in order[i + 1:] if b.cue.start >= a.cue.end), None)
        if b is None or not _completes(text, a, b):
            continue
        start = _LINKING.match(text, a.cue.end)
        piece = trimmed_span(text, start.end() if start else a.cue.end, b.content.end)
        if piece is not None:
            out[i] = Attribution(a.source, a.cue, piece, a.written_as)
    return out


def _completes(text: str, a: Attribution, b: Attribution) -> bool:
    """Whether ``b``'s cue and content complete ``a``'s cue: between them only ``a``'s content,
    ``b``'s source, spaces and a "that", and ``b``'s content right after its cue."""
    if a.content.start < a.cue.end or not _CLAUSE_CUE.search(a.cue.text) or \
            _PREPOSITION_LAST.search(a.cue.text):
        return False  # what was said comes first ("…, according to a person who asked …"), or
        # the cue takes no clause ("endorsement of", "passed laws restricting")
    gap = list(text[a.cue.end:b.cue.start])
    for span in (a.content, b.source):
        if a.cue.end <= span.start and span.end <= b.cue.start:
            for k in range(span.start - a.cue.end, span.end - a.cue.end):
                gap[k] = " "
    rest = "".join(gap)
    if not rest.strip() and not text[a.cue.end:b.cue.start].strip():
        return False  # nothing between the two cues ("says adding")
    if _LINKING.fullmatch(rest) is None or BLANK_LINE.search(text, a.cue.end, b.cue.start):
        return False
    between = text[a.cue.end:b.cue.start]
    if len(between.split()) > _SUBJECT_WORDS or _DANGLING.search(between.rstrip()):
        return False  # a clause of its own, or a second verb of the first's subject
    return b.content.start >= b.cue.end and \
        _LINKING.fullmatch(text[b.cue.end:b.content.start]) is not None
