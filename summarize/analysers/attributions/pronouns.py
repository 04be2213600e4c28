"""Who "he" or "she" is, as a source: the person most recently named before it.

News names a speaker once and goes on with a pronoun ("Union chairman Piotr Kowalski said the
walkout would last 48 hours. He said talks had collapsed"): in PolNeAR's training articles one
source in six is "he" or "she". A briefing that credits those claims to no one, or to the
document, loses who said them. A pronoun source here stands for the nearest person named in the
same sentence or the few before it, as a source or as the name a sentence opens with ("Ewa
Nowak, a crane driver, lost two shifts. ... she said"), whose form of address does not say
otherwise ("Mrs. Clinton" is no "he"); a person once called "she" is no "he" after.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator

from ..sentences import sentence_spans, title_case
from .names import POSSESSIVE, capitalised_inside
from .spans import Attribution, Span

__all__ = ["PERSONAL_PRONOUNS", "REACH", "resolved_pronouns"]

# The pronouns a person speaks through, and the sex each says.
PERSONAL_PRONOUNS = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}

# How many sentences back a pronoun may reach for its person (0: its own sentence only).
REACH = 2

# Whether a person whose name opens a sentence may be a pronoun's person too.
SUBJECTS = True
# A name opening a sentence, after a connective; not a possessive's owner ("Trump's campaign
# said": the campaign).
_SUBJECT = re.compile(r"[(\s]*(?:(?:But|And|Yet|So|Then|Still|Now|Meanwhile|However|Instead|"
                      r"Later|Earlier|Maybe|Perhaps|Indeed|Also|Even|Only|Today|Yesterday|"
                      r"Finally),?\s+)?"
                      # a time or place before a comma: "On Monday,", "In a statement,"
                      r"(?:(?:On|In|At|During|Last|This|Earlier|Later|Speaking)\b[^,.;:\"“”]{0,40},\s+)?"
                      r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*\w)"
                      r"(?<!['’]s)(?=[\s,])(?!\s+[A-Z])")  # the whole run of capitals
# Words that open a sentence before a name that is not its subject, or no name at all.
_NO_SUBJECT = frozenset({
    "Though", "Although", "While", "When", "Whenever", "If", "After", "Before", "As", "Since",
    "Because", "Unless", "Until", "Once", "Where", "Whether", "For", "With", "Without", "Like",
    "Unlike", "Another", "I", "I’m", "I'm", "I’ve", "I've", "I’d", "I'd", "I’ll", "I'll", "We",
    "They", "It", "He", "She", "You", "This", "That", "These", "Those", "There", "Here", "What",
    "Who", "Some", "Many", "Most", "All", "One", "No", "Not"})
# The last quotation mark before a sentence, within its paragraph: an opening one means the
# sentence is quoted, and a name in it is the speaker's subject, not the story's.
_QUOTE_MARK = re.compile(r"[“”\"]")
_TITLE_BEFORE_NAME = re.compile(r"((?:\s+[a-z]+){1,4})\s+[A-Z][\w'’-]+\s+[A-Z]")
_MALE = re.compile(r"\b(?:Mr|Sir|Lord|King|Prince|Rev|Father)\b\.?")
_FEMALE = re.compile(r"\b(?:Mrs|Ms|Miss|Lady|Queen|Princess|Dame|Madam)\b\.?")


def _titled(source: str) -> str | None:
    if _MALE.search(source):
        return "m"
    if _FEMALE.search(source):
        return "f"
    return None


def resolved_pronouns(text: str, attributions: Iterable[Attribution]
                      ) -> Iterator[tuple[Attribution, Span | None]]:
    """Each attribution in document order with, for a personal pronoun source, the name of the
    person it stands for (``None`` when no person is named near enough before it, or the source
    is not such a pronoun)."""
    from ..figures.words import non_nouns
    from ..source_kinds import SourceActor, source_actor

    spans = sentence_spans(text)
    starts = [start for start, _ in spans]

    def sentence_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    def quoted(k: int) -> bool:
        start = spans[k][0]
        paragraph = text.rfind("\n", 0, start) + 1
        marks = _QUOTE_MARK.findall(text, paragraph, start)
        if not marks:
            return False
        return marks[-1] == "“" or marks[-1] == '"' and len(marks) % 2 == 1

    @functools.cache
    def subject_of(k: int) -> tuple[int, Span, str] | None:
        """The person whose name opens sentence ``k`` ("Ms. Olivieri found skating ..."), who
        may be a "she" of the next sentences without having said anything."""
        opening = _SUBJECT.match(text, spans[k][0], spans[k][1])
        if opening is None or opening.group(1).split()[0] in _NO_SUBJECT or \
                title_case(text[spans[k][0]:spans[k][1]]) or quoted(k):
            return None  # "Though Sanders led, she hoped": not the clause's; not a headline
        title = _TITLE_BEFORE_NAME.match(text, opening.end(1))
        if title and not set(title.group(1).split()) & non_nouns():
            return None  # the name modifies a title: "Clinton campaign director Jennifer Palmieri"
        actor = source_actor(text, opening.start(1), opening.end(1))
        if actor is None or not actor.named or actor.kind != "person":
            return None
        if " " not in actor.name and actor.name not in capitalised_inside(text):
            return None  # a lone word opening a sentence, never a name inside one: "How", "Well"
        return person(k, actor, opening.group(1))

    def person(k: int, actor: SourceActor, written: str) -> tuple[int, Span, str]:
        """Sentence ``k``'s person as a candidate: its sentence, name and key, its sex noted
        when the words that name it carry a title."""
        key = actor.name.lower()
        titled = _titled(written)
        if titled is not None:
            sex.setdefault(key, titled)
        return k, Span(text[actor.start:actor.end], actor.start, actor.end), key

    # the persons named as sources so far: (sentence, name, name as a key)
    people: list[tuple[int, Span, str]] = []
    sex: dict[str, str] = {}  # a person's sex, by title or by a pronoun already resolved
    for a in sorted(attributions, key=lambda a: a.cue.start):
        said = PERSONAL_PRONOUNS.get(POSSESSIVE.sub("", a.source.text.lower()))  # "he’s": he
        if said is None:
            actor = source_actor(text, a.source.start, a.source.end)
            if actor is not None and actor.named and actor.kind == "person":
                people.append(person(sentence_of(a.source.start), actor, a.source.text))
            yield a, None
            continue
        here = sentence_of(a.source.start)
        near = []
        for p in reversed(people):  # in the order of their cues: the far ones come first
            if here - p[0] > REACH + 1:
                break
            if here - p[0] <= REACH:
                near.append(p)
        if SUBJECTS:
            near += [subject for k in range(max(0, here - REACH), here + 1)
                     if (subject := subject_of(k)) is not None]
        found = max((p for p in near if p[1].start < a.source.start
                     and sex.get(p[2], said) == said), key=lambda p: p[1].start, default=None)
        if found is None:
            yield a, None
            continue
        sex.setdefault(found[2], said)
        yield a, found[1]
