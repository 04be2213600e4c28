"""Attributions by rule, sentence by sentence.

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

import re

from ..sentences import ending_at, sentence_spans
from .sources import NOUN_LIKE, PRONOUNS, is_cap, source_after, source_before, subject_like
from .spans import Attribution, Span, trimmed_span

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
ANY_CUE = re.compile(
    rf"\b(?=\w)(?:(?P<per>reports? per|reported per)|(?P<acc>[Aa]ccording to|as reported by)|"
    rf"(?P<verb>{_CUES}))\b"
)


def _inside_quote(text: str, s_start: int, at: int) -> bool:
    """Inside a quotation opened earlier in the paragraph."""
    paragraph = text.rfind("\n", max(0, s_start - 2000), s_start) + 1
    before = text[paragraph:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def rule_attributions(text: str) -> list[Attribution]:
    """The rules' attributions: the tagger's features, and the analyser without a model."""
    out: list[Attribution] = []
    previous: tuple[int, int] | None = None
    for n, (s_start, s_end) in enumerate(sentence_spans(text)):
        found: list[Attribution] = []
        for m in ANY_CUE.finditer(text, s_start, s_end):
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
    if m.group().lower() in NOUN_LIKE:
        return []
    lead = re.match(r"\s*(?:that\b|:|,)?\s*", text[m.end():s_end])
    content = trimmed_span(text, m.end() + (lead.end() if lead else 0), s_end)
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
    source = trimmed_span(text, s_start + m.start("src"), s_start + m.end("src"))
    content = trimmed_span(text, previous[0], previous[1])
    cue = Span(m.group("cue"), s_start + m.start("cue"), s_start + m.end("cue"))
    if source is None or content is None or not (is_cap(source.text) or
                                                 source.text.lower() in PRONOUNS):
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
        source = trimmed_span(text, s_start + colon.start(1), s_start + colon.end(1))
        content = trimmed_span(text, s_start + colon.end(), s_end)
        if source and content:
            return [Attribution(source, Span(":", s_start + colon.end(1),
                                             s_start + colon.end(1) + 1), content)]
    if not title_case:
        return []
    for m in _HEADLINE_CUE.finditer(text, s_start, s_end):
        source = source_before(text, s_start, m.start())
        content = trimmed_span(text, m.end(), s_end)
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
        source = trimmed_span(text, m.start("src"), m.end("src"))
        if source is not None and source.text.endswith(("’s", "'s")):
            source = trimmed_span(text, m.start("src"), m.end("src") - 2)
        content = trimmed_span(text, m.start("content"), m.end("content"))
        if source and content:
            out.append(Attribution(source, Span(m.group("cue"), m.start("cue"), m.end("cue")),
                                   content))
    return out


# A passive before a cue ("is expected to", "were reported"), read in the words just before it.
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+"
                      r"(?:not\s+|also\s+|still\s+|\w+ly\s+)?$")


def passive_before(text: str, at: int, floor: int = 0) -> bool:
    """Whether a passive's auxiliary stands just before the participle at ``at`` ("were
    reported", "is not expected"), none of it before ``floor``."""
    return ending_at(_PASSIVE, text, at, 80, floor) is not None


def _attribution(text: str, s_start: int, s_end: int, m: re.Match[str]) -> list[Attribution]:
    cue = Span(m.group(), m.start(), m.end())
    if m.group("acc"):
        source = source_after(text, m.end(), s_end)
        before = trimmed_span(text, s_start, m.start())
        after_source = trimmed_span(text, source.end, s_end) if source else None
        content = before if before and len(before.text) > 12 else after_source
        if source and content:
            return [Attribution(source, cue, content)]
        return []
    if m.group("per"):
        results = []
        reporter = source_before(text, s_start, m.start())
        cited = source_after(text, m.end(), s_end)
        clause_end = reporter.start if reporter else m.start()
        content = trimmed_span(text, s_start, clause_end)
        if content is None and cited is not None:
            lead = re.match(r"\s*(?:that\b|:|,)?\s*", text[cited.end:s_end])
            content = trimmed_span(text, cited.end + (lead.end() if lead else 0), s_end)
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
    if m.group().endswith("ed") and passive_before(text, m.start(), s_start):
        return []
    source = source_before(text, s_start, m.start())
    leading = text[s_start:m.start()].rstrip()
    if source is None and leading.endswith(",") and not leading.endswith(("”,", '",')):
        # An appositive: "Chris Weston, chief market strategist at IG Ltd., said ..."
        k = leading.rfind(",", 0, len(leading) - 1)
        if k > 0:
            source = source_before(text, s_start, s_start + k)
            if source is not None and not is_cap(source.text):
                source = None
    if m.group() == "called" and text[max(0, m.start() - 3):m.start()] == "so-":
        return []
    if source is not None and re.fullmatch(r"[\d,.]+", source.text.split()[0]):
        return []
    if source is not None and m.group().lower() in NOUN_LIKE and not subject_like(source):
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
            content = trimmed_span(text, s_start, m.start())
            return [Attribution(source, cue, content)] if content else []
        return []
    # Sentence-final: "CONTENT, SOURCE said."
    if re.fullmatch(r"[\s.\"”’']*", after) and re.search(r"(?:,\s*[\"”’']?|[?!][\"”’'])\s*$",
                                                          text[s_start:source.start]):
        content = trimmed_span(text, s_start, source.start)
    else:
        content_start = m.end()
        lead = re.match(r"\s*(?:that\b|:|,)?\s*", after)
        if m.group() in _TOLD:
            # "told reporters on Monday that ...": the addressee is not what was said
            lead = _ADDRESSEE.match(after) or lead
        if lead:
            content_start += lead.end()
        content = trimmed_span(text, content_start, s_end)
    if content is None or len(content.text) < 3:
        return []
    return [Attribution(source, cue, content)]
