"""Tokenised text read as running text.

Corpora, parsers' output and test sets write a sentence token by token, as the Penn Treebank
does: "the firm 's five directors , who do n't" and "he paid $ 59 million ( 2 % ) .", with
`` and '' for quotation marks. What an analyser reads from how words join ("firm's", "$59",
"I'm 76,") is then split apart. :func:`running_text` gives such a text back joined as running
text is written, with a map from each of its characters to the tokenised text, so that what is
found in the one is quoted from the other. A text is read so only when its spaced punctuation
outnumbers its glued punctuation: an ordinary text with a stray " , " is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Joined", "running_text"]

# What joins the word before it: punctuation, a closing bracket, a percent sign, a clitic
# ("'s", "n't", "'m"), a closing quotation mark written ''.
_CLOSING = r"(?:[,.;:?!%)\]}]|['’](?:s|m|d|re|ve|ll)|n['’]t|'')"
_SPACED = re.compile(rf"(?<=\S) {_CLOSING}(?=\s|$)|``", re.IGNORECASE)
_GLUED = re.compile(r"(?<=\w)(?:[,;:?!)]|['’](?:s|m|re|ve|ll)|n['’]t)(?=\s|$)", re.IGNORECASE)
# What joins the word after it: an opening bracket, an opening quotation mark written ``, a
# currency sign before its amount ("$ 59 million", "£ 5").
_OPENING = re.compile(r"(?:^|(?<=\s))(?:[(\[{]|``|[$£€¥₹](?= \d))(?= \S)")


@dataclass(frozen=True)
class Joined:
    """A tokenised text joined: ``origin[i]`` is where character ``i`` of the joined text
    stands in the tokenised one; the positions in ``quotes`` begin a `` or '' read as '"'."""

    origin: tuple[int, ...]
    quotes: frozenset[int]

    def of(self, text: str) -> str:
        """``text`` (the tokenised text, or one of its same-length readings) joined."""
        return "".join('"' if i in self.quotes else text[i] for i in self.origin)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the tokenised text that ``[start, end)`` of the joined one stands for."""
        if end <= start:
            at = self.origin[start] if start < len(self.origin) else self.origin[-1] + 1
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def running_text(text: str) -> Joined | None:
    """``text`` joined as running text when it is written token by token, else ``None``."""
    spaced = _SPACED.findall(text)
    if not spaced or len(spaced) <= len(_GLUED.findall(text)):
        return None
    dropped: set[int] = set()
    quotes: set[int] = set()
    for m in _SPACED.finditer(text):
        if m.group() == "``":
            continue  # an opening mark, below
        dropped.add(m.start())  # the space before
        if m.group().endswith("''"):
            quotes.add(m.end() - 2)
            dropped.add(m.end() - 1)
    for m in _OPENING.finditer(text):
        if m.group() == "``":
            quotes.add(m.start())
            dropped.add(m.start() + 1)
        dropped.add(m.end())  # the space after
    origin = tuple(i for i in range(len(text)) if i not in dropped)
    return Joined(origin, frozenset(quotes))
