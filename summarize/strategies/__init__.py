"""Strategies for filling a briefing, from no model at all to a fully generative one: one module
each, registered below. Each turns a document into the model calls it needs and the answers into
a :class:`~.base.Plan` (title, bottom line, draft); the pipeline grounds and checks every draft
the same way.

* ``extractive`` (:mod:`.extractive`): no model;
* ``guided`` (:mod:`.guided`): the model chooses among the analysers' candidate sentences;
* ``generative`` (:mod:`.generative`): the model writes the briefing with evidence quotes.
"""

from __future__ import annotations

from ..errors import ConfigError
from .base import Plan, Strategy
from .extractive import EXTRACTIVE
from .generative import GENERATIVE
from .guided import GUIDED

__all__ = ["STRATEGIES", "Plan", "Strategy", "get_strategy"]

# The registry: a new strategy is a module and a line here (and its name in schema.Strategy,
# the contract's list of strategies).
STRATEGIES: dict[str, Strategy] = {s.name: s for s in (EXTRACTIVE, GUIDED, GENERATIVE)}


def get_strategy(name: str) -> Strategy:
    try:
        return STRATEGIES[name]
    except KeyError:
        raise ConfigError(f"unknown strategy {name!r}: use {', '.join(STRATEGIES)}") from None
