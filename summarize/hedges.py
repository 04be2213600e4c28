"""Hedge cues: the words by which a source marks what it does not assert as fact.

Used by the pipeline to catch certainty inflation: a claim marked ``confirmed`` whose own
evidence hedges ("may have been deployed", "appears to be", "reportedly").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["HedgeCue", "find_hedges"]

_CUES: dict[str, str] = {
    "modal": r"may|might|could|would|possibly|perhaps|potential(?:ly)?|likely|unlikely|"
    r"probabl[ey]",
    "doxastic": r"believes?|believed|anticipates?|anticipated|expects?|expected|suggests?|"
    r"suggested|suggesting|suspects?|suspected|assess(?:es|ed)?|estimates?|estimated|"
    r"thinks?|indicates?|indicated|indications?",
    "appearance": r"appears?(?: to be)?|appeared|seems?(?: to be)?|seemed|apparently",
    "reported": r"reportedly|allegedly|alleged|according to|claims?|claimed|rumou?red|"
    r"unconfirmed|said to be",
    "lack_of_knowledge": r"(?:does|do|did) not (?:yet )?(?:have|know)[\w\s]{0,30}?information|"
    r"unclear|unknown|not known|not (?:yet )?clear|uncertain|unverified|could not be verified",
    "conditional": r"if|unless|whether or not",
    "investigation": r"whether|investigat(?:e|es|ed|ing|ion)|examin(?:e|es|ed|ing)",
}
_PATTERN = re.compile(
    "|".join(f"(?P<{kind}>\\b(?:{rx})\\b)" for kind, rx in _CUES.items()), re.IGNORECASE
)


@dataclass(frozen=True)
class HedgeCue:
    cue: str
    type: str
    start: int
    end: int


def find_hedges(text: str) -> list[HedgeCue]:
    """Hedge cues in ``text`` with their type and character offsets."""
    out = []
    for m in _PATTERN.finditer(text):
        kind = m.lastgroup or "modal"
        out.append(HedgeCue(cue=m.group(), type=kind, start=m.start(), end=m.end()))
    return out
