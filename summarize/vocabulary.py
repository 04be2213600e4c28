"""Closed vocabularies that the briefing schema and the analysers share, kept apart from the
schema's pydantic models so that the analysers (``summarize analyze``) load without them."""

from __future__ import annotations

from typing import Literal

__all__ = ["Qualifier", "Strategy"]

# How a figure's value is meant: "about 10,000" is approximate, "more than 40" at least.
Qualifier = Literal["exact", "approximate", "at_least", "at_most", "range"]

# How a briefing is filled: each is a module of summarize.strategies, registered there.
Strategy = Literal["extractive", "guided", "generative"]
