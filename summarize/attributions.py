"""Attributions: who said what. Each has a source, a cue and a content span, with offsets.

Patterns, per sentence (each cue is taken on its own, so chains come out as several
attributions: "lawmakers said the agency indicated ..." gives lawmakers/said and
the agency/indicated):

* ``SOURCE [adverbs, auxiliaries] CUE [that] CONTENT`` - "the Pentagon disclosed that ...";
* ``CONTENT, SOURCE CUE.`` and ``CONTENT, CUE SOURCE.`` - "..., Obama said." / "..., said Obama.";
* ``according to SOURCE`` and ``SOURCE reports per SOURCE`` - the content is the rest of the
  sentence.
* ``“QUOTE?” SOURCE said.`` when the sentence splitter cut after the quote: the content is the
  quote;
* a title: ``NAME: ...`` and title-case verbs ("Trump Warns Clinton Policy ...");
* a noun of stance with its possessor: ``his criticism of CONTENT``, ``Clinton’s allegations of``.
* a second cue continuing the same source's clause: ``SOURCE wrote ..., adding CONTENT``,
  ``SOURCE blasted X and said CONTENT``.

Cues are verbs of saying, of stance and attitude ("fear", "backs"), of intention ("planned"),
of evidence ("the records show") and light verbs with a noun of saying ("made her first public
comments about"), as PolNeAR annotates attribution. :func:`states_a_claim` tells the ones that
credit a claim to the source from those that only say what the source intends or does.

The source is the noun phrase next to the cue: a pronoun, a run of capitalised words with the
titles between them ("Pentagon spokesperson Sabrina Singh", "NATO Secretary-General Mark
Rutte"), or a short common-noun phrase ("lawmakers", "the report", "sources from the West").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .sentences import sentence_spans

__all__ = ["PRONOUN_SOURCES", "Attribution", "Span", "find_attributions", "rule_attributions",
           "states_a_claim", "tagger_inputs"]

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
    r"anticipated|expects|expected|fears|feared|hopes|hoped|concluded|found|finds|"
    # more ways of saying: verbs of speech and of public stance
    r"gushed|implored|blasted|knocked|applauded|lauded|slammed|touted|retweeted|tweets|"
    r"emailed|posted|dubbed|mocked|ridiculed|attacked|charged|joked|quipped|shouted|yelled|"
    r"boasted|bragged|lamented|mused|wondered|recounted|clarified|reiterated|reiterates|"
    r"affirmed|maintained|maintains|asserted|asserts|advised|recommended|proposed|demanded|"
    r"demands|requested|threatened|threatens|endorsed|endorses|endorse|backs|backed|"
    r"supported|supports|opposed|opposes|rejected|rejects|dismissed|dismisses|condemned|"
    r"condemns|decried|defended|defends|thanked|congratulated|apologized|apologised|"
    r"welcomed|welcomes|hailed|hails|agreed|agrees|disagreed|objected|protested|challenged|"
    r"disputed|disputes|refuted|rebutted|contradicted|informed|briefed|advocated|"
    r"recommends|forecast|forecasts|projected|projects|call|compared|compares|"
    # attitude and intention: what a source fears, hopes, wants, plans
    r"fear|worry|worries|worried|hope|hoping|views|viewed|doubts|doubted|"
    r"considers|considered|suspects|suspected|plans|planned|planning|intends|intended|"
    r"aims|aimed|seeks|sought|vows|pledges|decided|"
    # evidence that says: "the records show", "data indicate"
    r"shows|show|indicate|indicated|suggest|demonstrates|demonstrated|reveal|confirm|"
    # a light verb and a noun of saying: "made her first public comments about", "took note of"
    r"(?:made|makes|took|takes|delivered|delivers|sent|sends|issued|issues|gave|offered|"
    r"voiced|voices|repeated|continued|renewed)\s+(?:[a-z’'-]+\s+){0,3}?(?:comments?|note|"
    r"mention|speech|statement|email|e-mail|remarks?|warnings?|criticism|assertion|appeal|"
    r"plea|address|testimony|message|letter|tweet)|"
    r"spoke|speaks|spoken|went on to (?:praise|say|criticize|criticise|attack|blast|note)|"
    # participles that continue a source's clause: "..., adding", "..., noting that"
    r"noting|acknowledging|confirming|reminding|rejecting|welcoming|telling|warning|arguing|"
    r"insisting|explaining|declaring|announcing|revealing|stressing|urging|denying|blaming|"
    r"praising|criticizing|criticising|describing|calling|predicting|bemoaned|bemoaning"
)
# Verb cues are lower case: "States" or "Notes" capitalised mid-sentence are nouns.
_ANY_CUE = re.compile(
    rf"\b(?=\w)(?:(?P<per>reports? per|reported per)|(?P<acc>[Aa]ccording to|as reported by)|"
    rf"(?P<verb>{_CUES}))\b"
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
_ASIDES = {"meanwhile", "however", "too", "though", "instead", "also", "moreover", "separately",
           "likewise", "similarly", "nevertheless", "nonetheless", "meantime"}
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
    if i >= 3 and toks[i][0] == "," and toks[i - 2][0] == "," and \
            toks[i - 1][0].lower() in _ASIDES:
        i -= 3  # "Trump, meanwhile, planned"
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
    if word.lower() in _STOP:
        return None  # "If confirmed, ...": no subject
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


# Cues that are as often nouns: "claims of fraud", "announced plans", "the fear index".
_NOUN_LIKE = {"claims", "plans", "projects", "forecast", "forecasts", "fear", "hope", "views",
              "show", "shows", "supports", "backs", "doubts", "demands", "pledges", "worries",
              "reports", "estimates", "finds", "aims", "vows", "hails", "call"}
# Things that say something by what they contain.
_EVIDENCE = {"survey", "poll", "report", "study", "analysis", "document", "forecast", "data",
             "memo", "letter", "review", "audit", "investigation", "research", "census", "model",
             "video", "footage", "book", "filing", "complaint", "lawsuit", "indictment"}
_QUANTIFIERS = {"most", "some", "all", "many", "few", "several", "both", "each", "any"}


def _subject_like(source: Span) -> bool:
    """A phrase that can be the subject of a verb cue: a pronoun, a name, a plural noun."""
    words = source.text.split()
    last = words[-1]
    if len(words) == 1 and last.lower() in _QUANTIFIERS:
        return False
    if last.lower() in _PRONOUNS or _is_cap(last) or last.lower() in _EVIDENCE:
        return True  # "the survey also finds", "the report shows"
    return last.islower() and last.endswith("s") and not last.endswith("ss") and \
        not last.endswith(("ed", "ing"))


def _inside_quote(text: str, s_start: int, at: int) -> bool:
    """Inside a quotation opened earlier in the paragraph."""
    paragraph = text.rfind("\n", max(0, s_start - 2000), s_start) + 1
    before = text[paragraph:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def find_attributions(text: str) -> list[Attribution]:
    """Every attribution found in ``text``, in order of their cues.

    The learned tagger (:mod:`summarize.attribution_model`) labels sources, cues and contents,
    with the rules below among its features; without a shipped model, the rules alone."""
    return list(_find(text))


@functools.lru_cache(maxsize=256)
def _find(text: str) -> tuple[Attribution, ...]:
    from .attribution_model import load_attribution_tagger

    tagger = load_attribution_tagger()
    return tuple(rule_attributions(text) if tagger is None else tagged_attributions(text, tagger))


def tagged_attributions(text: str, tagger: Any) -> list[Attribution]:
    """The tagger's sources, cues and contents, linked: each cue takes the nearest source of
    its sentence (before it if any) and the nearest content (after it if any, else in the next
    sentence); the rules' reading of the same cue fills a part the tagger left out."""
    from .crf import decode_bio

    rules = rule_attributions(text)
    sentences = [(tokens, decode_bio(tokens, tagger.tag(features)))
                 for tokens, features in tagger_inputs(text, rules)]
    out: list[Attribution] = []
    for k, (_, spans) in enumerate(sentences):
        sources = [(s, e) for s, e, label in spans if label == "Source"]
        contents = [(s, e) for s, e, label in spans if label == "Content"]
        following = [(s, e) for s, e, label in (sentences[k + 1][1] if k + 1 < len(sentences)
                                                else []) if label == "Content"]
        for c_start, c_end, label in spans:
            if label != "Cue":
                continue
            rule = next((a for a in rules if a.cue.start < c_end and c_start < a.cue.end), None)
            before = [x for x in sources if x[1] <= c_start]
            after = [x for x in sources if x[0] >= c_end]
            source = (max(before, key=lambda x: x[1]) if before else
                      min(after, key=lambda x: x[0]) if after else
                      (rule.source.start, rule.source.end) if rule else None)
            later = [x for x in contents if x[0] >= c_end]
            earlier = [x for x in contents if x[1] <= c_start]
            content = (min(later, key=lambda x: x[0]) if later else
                       max(earlier, key=lambda x: x[1]) if earlier else
                       following[0] if following else
                       (rule.content.start, rule.content.end) if rule else None)
            spans_ = (_span(text, *source) if source else None, _span(text, c_start, c_end),
                      _span(text, *content) if content else None)
            if spans_[0] and spans_[1] and spans_[2]:
                out.append(Attribution(spans_[0], spans_[1], spans_[2]))
    # A second source of the same cue ("Smith and the ministry said"): the nearest cue of its
    # sentence.
    named = {(a.source.start, a.source.end) for a in out}
    for _, spans in sentences:
        cues_here = [a for a in out if spans and spans[0][0] <= a.cue.start <= spans[-1][1]]
        for start, end, label in spans:
            piece = _span(text, start, end) if label == "Source" else None
            if piece is None or (piece.start, piece.end) in named or not cues_here:
                continue
            at = piece.start
            nearest = min(cues_here, key=lambda a: abs(a.cue.start - at))
            out.append(Attribution(piece, nearest.cue, nearest.content))
            named.add((piece.start, piece.end))
    # Content the links above left over (a quotation running on past its cue's sentence, a
    # second part of what was said) belongs to the nearest cue before it, within two sentences.
    used = {(a.content.start, a.content.end) for a in out}
    for k, (_, spans) in enumerate(sentences):
        for start, end, label in spans:
            piece = _span(text, start, end) if label == "Content" else None
            if piece is None or (piece.start, piece.end) in used:
                continue
            window_start = sentences[max(0, k - 2)][0][0][0]
            prior = max((a for a in out if window_start <= a.cue.start < start),
                        key=lambda a: a.cue.start, default=None)
            if prior is not None:
                out.append(Attribution(prior.source, prior.cue, piece))
                used.add((piece.start, piece.end))
    return sorted(out, key=lambda a: (a.cue.start, a.content.start))


def tagger_inputs(text: str, rules: list[Attribution] | None = None
                  ) -> list[tuple[list[tuple[int, int]], list[list[str]]]]:
    """Per sentence: its tokens and the tagger's features (training and tagging alike)."""
    from .attribution_model import sentence_features
    from .crf import sentence_tokens

    rules = rule_attributions(text) if rules is None else rules
    marks = [(a.source.start, a.source.end, "S") for a in rules] + \
        [(a.cue.start, a.cue.end, "C") for a in rules] + \
        [(a.content.start, a.content.end, "T") for a in rules]
    cues = [(m.start(), m.end()) for m in _ANY_CUE.finditer(text)]
    out = []
    for s_start, s_end in sentence_spans(text):
        tokens = [(s_start + s, s_start + e) for s, e in sentence_tokens(text[s_start:s_end])]
        if not tokens:
            continue
        # Only the marks of this sentence: a long document has thousands.
        here = [(cs, ce) for cs, ce in cues if cs < s_end and s_start < ce]
        ruled_here = [(ms, me, k) for ms, me, k in marks if ms < s_end and s_start < me]
        lexicon = [next(("B" if s <= cs else "I" for cs, ce in here if cs < e and s < ce), "")
                   for s, e in tokens]
        ruled = [next((k for ms, me, k in ruled_here if ms < e and s < me), "")
                 for s, e in tokens]
        out.append((tokens, sentence_features(text, tokens, lexicon, ruled)))
    return out


def rule_attributions(text: str) -> list[Attribution]:
    """The rules' attributions: the tagger's features, and the analyser without a model."""
    out: list[Attribution] = []
    previous: tuple[int, int] | None = None
    for n, (s_start, s_end) in enumerate(sentence_spans(text)):
        found: list[Attribution] = []
        for m in _ANY_CUE.finditer(text, s_start, s_end):
            got = [] if m.group() in _PARTICIPLES else _attribution(text, s_start, s_end, m)
            if not got and found and m.group("verb") and _CHAINED.search(text, s_start,
                                                                         m.start()):
                got = _chained(text, s_end, m, found[-1])
            found.extend(got)
        if not found:
            found = _quote_before(text, s_start, s_end, previous) or \
                _headline(text, s_start, s_end, first=n == 0)
        found.extend(_stance_nouns(text, s_start, s_end))
        out.extend(found)
        previous = (s_start, s_end)
    return sorted(out, key=lambda a: a.cue.start)


_ADDRESSEE = re.compile(r"\s+(?:(?:[\w’'.-]+\s+){1,6}?that\s+|(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+:\s*|"
                        r"(?:him|her|them|us|me|you|reporters|journalists)\s+)")
_TOLD = {"told", "tells", "tell", "telling", "informed", "assured", "warned", "reminded",
         "reminding", "briefed", "promised", "urged"}
# Participles that only continue a source's clause ("..., noting that"); on their own they are
# as often gerunds ("after announcing", "by rejecting").
_PARTICIPLES = {"noting", "acknowledging", "confirming", "reminding", "rejecting", "welcoming",
                "telling", "warning", "arguing", "insisting", "explaining", "declaring",
                "announcing", "revealing", "stressing", "urging", "denying", "blaming", "praising",
                "criticizing", "criticising", "describing", "calling", "predicting", "bemoaning"}
# A second cue of the same source: "the daily wrote, adding ...", "Obama blasted Trump and
# said ...", "the newspaper wrote while acknowledging ...".
_CHAINED = re.compile(r"(?:,|\b(?:and|while|but|before|after|then))\s*$")


def _chained(text: str, s_end: int, m: re.Match[str], prior: Attribution) -> list[Attribution]:
    """The cue continues the clause of the attribution before it in the sentence: same source."""
    if prior.cue.end > m.start() or prior.source.start > m.start():
        return []
    if m.group().lower() in _NOUN_LIKE:
        return []
    lead = re.match(r"\s*(?:that\b|:|,)?\s*", text[m.end():s_end])
    content = _span(text, m.end() + (lead.end() if lead else 0), s_end)
    if content is None or len(content.text) < 3:
        return []
    return [Attribution(prior.source, Span(m.group(), m.start(), m.end()), content)]


_SAYS_ALONE = re.compile(rf"\s*(?P<src>[A-Za-z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}})\s+"
                         rf"(?P<cue>{_CUES})[\s.,]*$")


def _quote_before(text: str, s_start: int, s_end: int,
                  previous: tuple[int, int] | None) -> list[Attribution]:
    """“... going to win?” he said. - the sentence splitter cut after the quote."""
    m = _SAYS_ALONE.match(text[s_start:s_end])
    if m is None or previous is None:
        return []
    quote = text[previous[0]:previous[1]].rstrip()
    if not quote.endswith(("”", '"')):
        return []
    source = _span(text, s_start + m.start("src"), s_start + m.end("src"))
    content = _span(text, previous[0], previous[1])
    cue = Span(m.group("cue"), s_start + m.start("cue"), s_start + m.end("cue"))
    if source is None or content is None or not (_is_cap(source.text) or
                                                 source.text.lower() in _PRONOUNS):
        return []
    return [Attribution(source, cue, content)]


_HEADLINE_CUE = re.compile(rf"\b(?P<verb>{_CUES})\b", re.IGNORECASE)
_NAME_COLON = re.compile(r"\s*((?:[A-Z][\w.’'&-]*\s+){0,3}[A-Z][\w.’'&-]*):\s+(?=[‘“\"'A-Z])")


def _headline(text: str, s_start: int, s_end: int, first: bool) -> list[Attribution]:
    """A title: "Trump Warns Clinton Policy ...", "WikiLeaks: Hillary Clinton Flattered ..."."""
    sentence = text[s_start:s_end]
    words = re.findall(r"[A-Za-z][\w’'-]*", sentence)
    title_case = len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
    if not (first or title_case):
        return []
    colon = _NAME_COLON.match(sentence)
    if colon:
        source = _span(text, s_start + colon.start(1), s_start + colon.end(1))
        content = _span(text, s_start + colon.end(), s_end)
        if source and content:
            return [Attribution(source, Span(":", s_start + colon.end(1),
                                             s_start + colon.end(1) + 1), content)]
    if not title_case:
        return []
    for m in _HEADLINE_CUE.finditer(text, s_start, s_end):
        source = _source_before(text, s_start, m.start())
        content = _span(text, m.end(), s_end)
        if source and content and len(source.text.split()) <= 6 and \
                source.start == s_start + len(sentence) - len(sentence.lstrip()):
            return [Attribution(source, Span(m.group(), m.start(), m.end()), content)]
    return []


_STANCE = re.compile(
    r"\b(?P<src>[Hh]is|[Hh]er|[Tt]heir|[Ww]hose|(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*(?:’s|'s)|"
    r"[a-z]+s’)\s+(?:[a-z]+\s+)?(?P<cue>allegations?|accusations?|claims?|criticism|support|"
    r"opposition|denials?|comments?|remarks?|statements?|assertions?|insistence|beliefs?|fears?|"
    r"worries|concerns?|trust|promises?|pledges?|indictment|warnings?|assessment|endorsement|"
    r"praise|attacks?|demands?|suggestion|arguments?|shots|threats?|vows?|calls?|criticisms)"
    r"\s+(?P<prep>of|that|about|in|against|for|at|on|to)\s+(?P<content>[^.;:!?,—]+)")


def _stance_nouns(text: str, s_start: int, s_end: int) -> list[Attribution]:
    """Attribution by a noun: "his harsh criticism of ...", "Clinton’s allegations of ..."."""
    out = []
    for m in _STANCE.finditer(text, s_start, s_end):
        source = _span(text, m.start("src"), m.end("src"))
        if source is not None and source.text.endswith(("’s", "'s")):
            source = _span(text, m.start("src"), m.end("src") - 2)
        content = _span(text, m.start("content"), m.end("content"))
        if source and content:
            out.append(Attribution(source, Span(m.group("cue"), m.start("cue"), m.end("cue")),
                                   content))
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
    if re.search(r"\b(?:is|are|was|were|be|been|being)\s+(?:not\s+|also\s+|still\s+|\w+ly\s+)?$",
                 text[s_start:m.start()]) and \
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
    if source is not None and m.group().lower() in _NOUN_LIKE and not _subject_like(source):
        return []  # "our joint projects", "voter fraud claims", "announced plans"
    if source is not None and source.text.lower() in ("i", "we", "you") and \
            _inside_quote(text, s_start, m.start()):
        return []  # the quoted speaker's own "I think": part of what is quoted
    after = text[m.end():s_end]
    if source is None or source.text.lower() in {"that", "this", "which"} and m.group(
    ).lower().startswith(("said", "say")):
        inverted = re.match(
            r"\s+((?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|at|of|the|"
            r"[a-z]+(?=\s+[A-Z]))){0,6}|he|she|"
            r"they)(?:\s*[.,;]|\s+(?:as|while|when|after|before|during|at|in|on)\b)", after)
        if inverted and re.search(r"[,\"”’']\s*$", text[s_start:m.start()]):
            source = Span(inverted.group(1), m.end() + inverted.start(1),
                          m.end() + inverted.end(1))
            content = _span(text, s_start, m.start())
            return [Attribution(source, cue, content)] if content else []
        return []
    # Sentence-final: "CONTENT, SOURCE said."
    if re.fullmatch(r"[\s.\"”’']*", after) and re.search(r"(?:,\s*[\"”’']?|[?!][\"”’'])\s*$",
                                                          text[s_start:source.start]):
        content = _span(text, s_start, source.start)
    else:
        content_start = m.end()
        lead = re.match(r"\s*(?:that\b|:|,)?\s*", after)
        if m.group() in _TOLD:
            # "told reporters on Monday that ...": the addressee is not what was said
            lead = _ADDRESSEE.match(after) or lead
        if lead:
            content_start += lead.end()
        content = _span(text, content_start, s_end)
    if content is None or len(content.text) < 3:
        return []
    return [Attribution(source, cue, content)]
