from __future__ import annotations

import pytest

from summarize.figures import extract_figures


def one(text: str) -> tuple[str, float, str | None, str, float | None, float | None]:
    found = extract_figures(text)
    assert len(found) == 1, found
    f = found[0]
    assert text[f.start : f.end] == f.text
    return f.text, f.value, f.unit, f.qualifier, f.low, f.high


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dispatched approximately 10,000 troops to Russia",
         ("approximately 10,000 troops", 10000, "troops", "approximate", None, None)),
        ("the nearly three-year-long conflict",
         ("nearly three-year", 3, "years", "approximate", None, None)),
        ("between 8,000 and 12,000 troops",
         ("between 8,000 and 12,000 troops", 8000, "troops", "range", 8000, 12000)),
        ("a $6bn deal", ("$6bn", 6e9, "USD", "exact", None, None)),
        ("1.5 million people fled", ("1.5 million people", 1.5e6, "people", "exact", None, None)),
        ("up to 20% of the budget", ("up to 20%", 20, "%", "at_most", None, None)),
        ("more than 300 people were killed",
         ("more than 300 people", 300, "people", "at_least", None, None)),
        ("a dozen eggs", ("a dozen eggs", 12, "eggs", "exact", None, None)),
        ("nearly 40 percent", ("nearly 40 percent", 40, "%", "approximate", None, None)),
        ("10,000 North Korean troops",
         ("10,000 North Korean troops", 10000, "North Korean troops", "exact", None, None)),
    ],
)
def test_figures_with_value_unit_and_qualifier(text: str, expected: tuple) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a closed-door meeting on October 30, Caliber.Az reports",
        "either just before or after the election on November 5.",
        "By Aghakazim Guliyev2812",
        "tickets in Section 427 Row 21",
        "an F-16 fighter and COVID-19",
        "the 22nd amendment",
        "in 2024, the war went on",
        "at 10:30 in the morning",
    ],
)
def test_dates_identifiers_and_ordinals_are_not_figures(text: str) -> None:
    assert extract_figures(text) == []


def test_seed_figures(seed) -> None:  # type: ignore[no-untyped-def]
    found = {(f.text, f.value, f.unit, f.qualifier) for f in extract_figures(seed.text)}
    assert found == {
        ("approximately 10,000 troops", 10000, "troops", "approximate"),
        ("nearly three-year", 3, "years", "approximate"),
    }
