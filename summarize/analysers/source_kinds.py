"""What kind of actor a source is, and its name: "Pentagon spokesperson Sabrina Singh" is the
person Sabrina Singh (role: Pentagon spokesperson), "Trump" a person, "South Korea's Defense
Intelligence Agency" an organization, a place that speaks a state, "Western leaders" another
kind; "Analysts" and "Her mother" are descriptions, not names.

A CRF labels each word of a source phrase as part of a person's, an organization's or a place's
name (or of a nationality, or none), fitted on the sources of PolNeAR's training articles with
CoreNLP's silver named-entity tags as labels (``python -m summarize.analysers.train --only
source-kinds``). A phrase that ends in a person's name is that person (what comes before the
name is the role); otherwise its head word's label decides its kind. Without the shipped model,
capitalised words and a list of organization words decide.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from ..vocabulary import FORMS_OF_ADDRESS, HONORIFICS, RANKS
from .casing import common_word, readable
from .crf import CRFModel, load_model, sentence_tokens, word_shape
from .sentences import title_case

__all__ = ["LABELS", "SourceActor", "by_rules", "full_name_before", "head_of", "in_headline",
           "kind_most_given", "kind_of", "load_source_kind_tagger", "name_list", "name_start_of",
           "phrase_tokens", "sentence_initial", "source_actor", "source_actors", "span_features"]

# Labels: the silver named-entity class of each word of a source phrase.
LABELS = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC", "MISC": "MISC"}
# A phrase's kind by the label of its head word. A place that speaks is its government.
_KINDS = {"PER": "person", "ORG": "organization", "LOC": "state"}
_ARTICLES = frozenset({"the", "a", "an"})
_AGE_FIRST = re.compile(r"\A(\d{1,3})(?=,|\Z)")
# A group the person is named in, before what the person is: "Critics, including opposition
# lawmaker Tomas Varga" (role "opposition lawmaker")
_GROUP_FIRST = re.compile(r".*\b(?:including|such as|among them|notably)\s+", re.DOTALL)
_CONTEXT = 40  # characters read either side of the phrase for the words beside it
_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.?"  # "Mensah", "O'Neill", "K."


def span_features(text: str, tokens: Sequence[tuple[int, int]], start: int, end: int
                  ) -> list[list[str]]:
    """Features of each token of the phrase ``text[start:end]``: the word, its affixes, shape
    and capitals, its neighbours within the phrase, and the words just before and after it."""
    before = text[max(0, start - _CONTEXT):start]
    after = text[end:end + _CONTEXT]
    words_before = sentence_tokens(before)
    words_after = sentence_tokens(after)
    previous = before[slice(*words_before[-1])].lower() if words_before else "<s>"
    following = after[slice(*words_after[0])].lower() if words_after else "</s>"
    raws = [text[s:e] for s, e in tokens]
    n = len(raws)
    rows = []
    for i, raw in enumerate(raws):
        word = raw.lower()
        f = ["bias", "w=" + word, "suf3=" + word[-3:], "pre2=" + word[:2],
             "shape=" + word_shape(raw), "cap" if raw[:1].isupper() else "low",
             "last" if i == n - 1 else "notlast", "first" if i == 0 else "notfirst"]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f += [f"w{d:+d}=" + raws[j].lower(),
                      f"c{d:+d}=" + ("cap" if raws[j][:1].isupper() else "low")]
            elif j == -1:
                f.append(f"w{d:+d}=<prev>" + previous)
            elif j == n:
                f.append(f"w{d:+d}=<next>" + following)
            else:
                f.append(f"w{d:+d}=<pad>")
        if i == 0:
            f.append("prev=" + previous)
        if i == n - 1:
            f.append("next=" + following)
        rows.append(f)
    return rows


@functools.cache
def load_source_kind_tagger() -> CRFModel | None:
    """The shipped source-kind tagger, or ``None`` when the package has none."""
    return load_model("source-kinds")


class SourceActor(NamedTuple):
    """The actor a source phrase names: its name (spaces folded) at ``start``..``end`` of the
    text, its kind and its role; ``named`` when it is a name, not a description ("Analysts",
    "Her mother")."""

    name: str
    kind: str  # person, organization, state or other (a name in the text: place, not state)
    role: str | None
    start: int
    end: int
    named: bool


def kind_most_given(actors: Sequence[SourceActor]) -> str:
    """The kind most of ``actors`` (the mentions of one actor) are given (ties: the earliest's).
    One reading can be wrong ("Trump claims nomination", a headline, reads as an organization);
    the mentions after it outvote it."""
    votes = Counter(actor.kind for actor in actors)
    most = max(votes.values())
    return next(actor.kind for actor in actors if votes[actor.kind] == most)


def phrase_tokens(text: str, start: int, end: int, asides: bool = False
                  ) -> list[tuple[int, int]]:
    """The words of the source phrase ``text[start:end]`` as the tagger reads them: its tokens,
    without a leading article, trailing punctuation or a closing bracketed aside ("Sen. Chuck
    Grassley (R-Iowa)": a party and state, not part of the name; ``asides``: with it, as the
    tagger was fitted)."""
    phrase = text[start:end].rstrip()
    if not asides and phrase.endswith(")") and "(" in phrase[1:]:
        end = start + phrase.rindex("(")
    tokens = [(start + s, start + e) for s, e in sentence_tokens(text[start:end])]
    while tokens and text[slice(*tokens[0])].lower() in _ARTICLES:
        tokens = tokens[1:]
    while tokens and not any(c.isalnum() for c in text[slice(*tokens[-1])]):
        tokens = tokens[:-1]
    return tokens


def source_actor(text: str, start: int, end: int, tagger: CRFModel | None = None
                 ) -> SourceActor | None:
    """The actor the source phrase ``text[start:end]`` names: its name, kind (``person``,
    ``organization``, ``state`` or ``other``) and role, without a leading article; ``None`` for
    a phrase with no word. ``tagger``: another model than the shipped one (when measuring). A
    line in capitals is read re-cased (:func:`~.casing.readable`); the names are as written."""
    read = readable(text)
    tokens = phrase_tokens(read, start, end)
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    tagger = tagger or load_source_kind_tagger()
    if tagger is None:
        return by_rules(text, start, end)
    labels = tagger.tag(span_features(read, tokens, start, end))
    words = [read[s:e] for s, e in tokens]
    labels = _written_forms(words, labels) if WRITTEN_FORMS else labels
    # A name: a word tagged as one, or capitalised where a sentence's first word is not.
    # (Not a common word capitalised only by opening its sentence, which the tagger may take
    # for a name: "Officials said", "Economists broadly agree".)
    initial = sentence_initial(read, start)
    named = any(label != "O" and not (k == 0 and initial and common_word(words[0]))
                for k, label in enumerate(labels)) or any(
        word[:1].isupper() for word in words[1 if initial else 0:])
    head = head_of(words, labels)
    if labels[head] != "PER":
        kind = _KINDS.get(labels[head], "other")
        if head + 2 < len(words) and words[head + 1] == "," and named and \
                words[head + 2].lower() in _ARTICLES:
            # "Oxfam, the charity", "Gavi, the vaccine alliance": the name, then what it is
            name_end = tokens[head][1]
            role = _folded(text[tokens[head + 2][0]:end]).strip(" ,")
            return SourceActor(_folded(text[start:name_end]), kind, role or None, start,
                               name_end, named)
        return SourceActor(_folded(text[start:end]), kind, None, start, end, named)
    first = name_start_of(labels, head)
    while 0 < first < head and _honorific(words, first, RANKS) and \
            _honorific(words, first - 1, RANKS):
        first -= 1  # a rank of two words, the tagger's name holding its second: "Ch Insp Elliot
        # Brown", "Lt Cdr Tim Castrinoyannakis"
    name_start, name_end = tokens[first][0], tokens[head][1]
    # "Mr. Kasich, a Republican", "the younger Mr. Trump" (where the tagger left "Mr." out of
    # the name): a form of address is not a role
    before = first
    while before > 0 and _honorific(words, before - 1, FORMS_OF_ADDRESS):
        before -= 1
    role_end = tokens[before][0] if before < first else name_start
    role = ", ".join(_AGE_FIRST.sub(r"aged \1", part)  # "John Lahiff, 75": aged 75
                     for part in (_GROUP_FIRST.sub("", _folded(text[start:role_end])).strip(" ,"),
                                  _folded(text[name_end:end]).strip(" ,")) if part)
    return SourceActor(_folded(text[name_start:name_end]), "person", role or None, name_start,
                       name_end, named)


# Forms that say a person whatever the tagger makes of the name in them (it knows the names of
# the news it was fitted on): a rank before capitalised words ("Det Insp Kwame Mensah"), letters
# after a name ("Peter Quinn KC"), and an age after it ("Martin Hale, 54, of Croydon, south
# London": the person is Martin Hale, not "London").
WRITTEN_FORMS = True
_COMPANIES = frozenset({"Inc", "Corp", "Corporation", "Ltd", "LLC", "Plc", "PLC", "plc", "Co",
                        "AG", "SA", "NV", "GmbH", "Holdings", "LLP"})
_POST_NOMINALS = frozenset({"kc", "qc", "mp", "mep", "msp", "obe", "cbe", "mbe", "kbe", "dbe",
                            "jr", "sr", "phd", "md", "esq"})


def _written_forms(words: list[str], labels: list[str]) -> list[str]:
    """``labels`` with the person's words of those forms labelled ``PER``, what follows an age
    after a name left unlabelled, and a company's name ("Acme Corp") labelled ``ORG``."""
    out = list(labels)
    n = len(words)
    if n >= 2 and words[-1].rstrip(".") in _COMPANIES and words[-2][:1].isupper():
        first = n - 1
        while first > 0 and words[first - 1][:1].isupper():
            first -= 1
        return out[:first] + ["ORG"] * (n - first)  # "Acme Corp on Tuesday reported"
    for i in range(2, n):
        if words[i - 1] == "," and re.fullmatch(r"\d{1,3}", words[i]) and \
                (i + 1 == n or words[i + 1] == ",") and out[i - 2] == "PER":
            out[i:] = ["O"] * (n - i)  # "Martin Hale, 54, of Croydon": the person, aged 54
            return out
    ranks = 0
    while ranks < n and (_honorific(words, ranks, RANKS | HONORIFICS) or words[ranks] == "."):
        ranks += 1
    names = ranks
    while names < n and re.fullmatch(_NAME_WORD, words[names]):
        names += 1
    if 0 < ranks < names == n and any(label != "PER" for label in out[ranks:]):
        # "Det Insp Kwame Mensah" (a form of address the tagger read into the name stays so)
        return [label if label == "PER" else "O" for label in out[:ranks]] + \
            ["PER"] * (n - ranks)
    if n >= 2 and words[-1].rstrip(".").lower() in _POST_NOMINALS and words[-2][:1].isupper():
        first = n - 1
        while first > 0 and re.fullmatch(_NAME_WORD, words[first - 1]) and \
                not _honorific(words, first - 1):
            first -= 1
        while first < n - 3 and common_word(words[first]) and (
                first == 0 or _honorific(words, first - 1)):
            first += 1  # a title before the name: "Judge Stephen Kramer KC", "Mr Recorder …"
        if first < n - 2:  # a name of two words at least before the letters: "Peter Quinn KC"
            out[first:] = ["PER"] * (n - first)
    return out


def full_name_before(text: str, actor: SourceActor) -> SourceActor | None:
    """The person a lone surname names, as the text named them first: "Kovac" after "Foreign
    Minister Dana Kovac" is Dana Kovac (role "Foreign Minister"). The capitalised words before
    the surname's first mention with a first name are read by the tagger, as a source phrase is.
    ``None`` when the text gives no first name, or two ("Bill Clinton", "Hillary Clinton"), or
    the tagger reads no person there."""
    surname = actor.name
    if actor.kind != "person" or " " in surname:
        return None
    named = re.compile(rf"(?:[A-Z][\w'’.-]*[ \t]+){{0,3}}([A-Z][\w'’.-]*)[ \t]+"
                       rf"{re.escape(surname)}\b")
    given = [m for m in named.finditer(text, 0, actor.start)  # (the text before, not a copy)
             if _given_name(m.group(1)) and not in_headline(text, m.start())]
    if not given or len({m.group(1) for m in given}) > 1:
        return None
    full = source_actor(text, given[0].start(), given[0].end())
    if full is None or full.kind != "person" or not full.named:
        return None
    read = full.name.split()
    if read[-1:] != [surname]:
        return None
    words = [surname]
    for word in reversed(read[:-1]):  # the given names right before it: not "Slams Donald"
        if not _given_name(word) or len(words) == 4:
            break
        words.insert(0, word)
    if len(words) < 2:
        return None
    at = re.search(r"\s+".join(map(re.escape, words)), text[full.start:full.end])
    if at is None:
        return None
    return full._replace(name=" ".join(words), start=full.start + at.start(),
                         end=full.start + at.end())


def in_headline(text: str, at: int) -> bool:
    """Whether ``at`` is on a line in title case ("Carly Fiorina Endorses Ted Cruz"), whose
    capitalised words run names and verbs together."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return title_case(text[start:end if end >= 0 else len(text)])


def _given_name(word: str) -> bool:
    """Whether ``word`` may be a first name: no common word ("And", "When") nor a form of
    address or a title ("Mr", "Dr")."""
    return not common_word(word) and word.rstrip(".").lower() not in HONORIFICS


def sentence_initial(text: str, at: int) -> bool:
    """Whether ``at`` begins a sentence, a line or a quotation (where any word is capitalised).
    Read backwards over spaces: no copy of the text before."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] in "\n.!?:;\"“‘'([—-"


def name_start_of(labels: Sequence[str], end: int) -> int:
    """The index of the first word of the run of person words that ends at index ``end``."""
    first = end
    while first > 0 and labels[first - 1] == "PER":
        first -= 1
    return first


def name_list(words: Sequence[str]) -> int | None:
    """The index of the coordinator of a phrase of names and commas, whatever their tags ("Tom
    Cleverley, Kieran Richardson and Aly Cissokho"; not "Marks and Spencer", without a comma);
    ``None`` for any other phrase."""
    coordinator = max((i for i, word in enumerate(words) if word.lower() in ("and", "or")),
                      default=None)
    if coordinator is None or "," not in words[:coordinator] or not all(
            word == "," or word[:1].isupper() for i, word in enumerate(words) if i != coordinator):
        return None
    return coordinator


def source_actors(text: str, start: int, end: int) -> list[SourceActor]:
    """The actors a source phrase names: each of a list of names ("Hillary Clinton, Bernie
    Sanders and Martin O'Malley" names three people), else the one :func:`source_actor` reads."""
    tokens = phrase_tokens(text, start, end)
    words = [text[s:e] for s, e in tokens]
    if name_list(words) is None:
        return [actor] if (actor := source_actor(text, start, end)) is not None else []
    out: list[SourceActor] = []
    member: list[tuple[int, int]] = []
    for (s, e), word in zip([*tokens, (end, end)], [*words, ","], strict=True):
        if word == "," or word.lower() in ("and", "or"):
            if member and (actor := source_actor(text, member[0][0], member[-1][1])) is not None:
                out.append(actor)
            member = []
        else:
            member.append((s, e))
    return out


def head_of(words: Sequence[str], labels: Sequence[str]) -> int:
    """The index of a phrase's head word: its last, when that ends a person's name not governed
    by a preposition ("Secretary of State John Kerry"), else the last before a preposition or a
    comma ("sources from the West": sources; "a spokesman for Mr Smith": spokesman; "Defense
    Intelligence Agency of South Korea": Agency; "Podesta, Clinton's campaign chairman":
    Podesta)."""
    listed = None
    if labels[-1] == "PER":
        first = name_start_of(labels, len(labels) - 1)
        while first > 1 and _honorific(words, first - 1):
            first -= 1  # "a spokesman for Mr. Smith", "aides to Dr Fauci": the preposition governs
        if first > 1 and words[first - 1].lower() in _ARTICLES:
            first -= 1  # "deputy leader of A Just Russia", "of the Bronx": the preposition governs
        before = words[first - 1].lower() if first else None
        if before in _COORDINATORS:
            listed = first - 1  # "Carly Fiorina and Ben Carson": not one person
        elif before is None or before == "," or before not in _AFTER_HEAD:
            return len(words) - 1  # "His campaign manager, Jeff Weaver": the apposition names him
    coordinator = name_list(words)
    if coordinator is not None:
        return coordinator
    for i, word in enumerate(words[1:], 1):
        if word.lower() in _AFTER_HEAD:
            return i - 1
    # A list of names has no one head: the coordinator stands for the group.
    return len(words) - 1 if listed is None else listed


def _honorific(words: Sequence[str], i: int, among: frozenset[str] = HONORIFICS) -> bool:
    """Whether word ``i`` is a form of address or an abbreviated title ("Mr", "Dr", "Sen.";
    ``among``: only these), or the full stop after one."""
    word = words[i - 1] if words[i] == "." and i > 0 else words[i]
    return word.rstrip(".").lower() in among


def kind_of(words: Sequence[str], labels: Sequence[str]) -> str:
    """A phrase's kind: its head word's (``person``, ``organization``, ``state`` or ``other``)."""
    return _KINDS.get(labels[head_of(words, labels)], "other") if words else "other"


_COORDINATORS = frozenset({"and", "or", "&", "including"})
# Words that end a source's head noun phrase: prepositions, relatives, a comma.
_AFTER_HEAD = frozenset({"of", "from", "at", "in", "for", "with", "on", "by", "within", "inside",
                         "close", "familiar", "who", "which", "that", "to", "under", ","})


def _folded(text: str) -> str:
    return " ".join(text.split())


# The fallback without a model: a phrase ending in two or three capitalised words is a person;
# one with an organization word an organization.
_ORG_WORDS = re.compile(
    r"\b(?:Agency|Ministry|Department|Pentagon|Committee|Council|Office|Service|Command|Army|"
    r"Forces?|Police|Government|Parliament|Congress|Senate|Court|Bank|Fund|Union|NATO|UN|EU|"
    r"Reuters|AP|AFP|Times|Post|News|Media|Institute|University|Party|Inc|Corp|Ltd|Company|"
    r"Group|Association|Organi[sz]ation|Commission|Board|Authority|Administration|House|"
    r"Kremlin|Embassy)\b"
)
_PERSON = re.compile(r"(?:(?<=\s)|^)(?:[A-Z][a-z'’-]+\s+){1,2}[A-Z][a-z'’-]+$")


def by_rules(text: str, start: int, end: int) -> SourceActor:
    """The actor the phrase ``text[start:end]`` names, by the rules above (no model)."""
    phrase = text[start:end]
    named = phrase[:1].isupper()
    person = _PERSON.search(_folded(phrase))
    if person and not _ORG_WORDS.search(person.group()):
        words = len(person.group().split())
        first = [m.start() for m in re.finditer(r"\S+", phrase)][-words]
        return SourceActor(person.group(), "person", _folded(phrase[:first]) or None,
                           start + first, end, named)
    kind = "organization" if _ORG_WORDS.search(phrase) else "other"
    return SourceActor(_folded(phrase), kind, None, start, end, named)
