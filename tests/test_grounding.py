from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from summarize.core.grounding import Aligner, normalize

SOURCE = (
    "South Korea\u2019s Defense Intelligence Agency has indicated that some North Korean "
    "troops may have been deployed.\nThe Pentagon disclosed that North Korea has reportedly "
    "dispatched approximately 10,000 troops to Russia \u2014 for training."
)


def check(source: str, quote: str) -> None:
    """The aligner's guarantee: offsets slice the source to text matching under the status."""
    a = Aligner(source).align(quote)
    if a.status == "ungrounded":
        assert a.start is None and a.end is None
        return
    assert a.start is not None and a.end is not None
    assert 0 <= a.start < a.end <= len(source)
    piece = source[a.start : a.end]
    if a.status == "exact":
        assert piece == quote.strip()
    elif a.status == "normalized":
        assert normalize(piece) == normalize(quote)
    else:
        assert fuzz.ratio(normalize(piece), normalize(quote)) >= 85


def test_exact_match_gives_offsets_of_the_quote() -> None:
    a = Aligner(SOURCE).align("approximately 10,000 troops")
    assert a.status == "exact"
    assert SOURCE[a.start : a.end] == "approximately 10,000 troops"


def test_normalized_match_folds_case_quotes_dashes_and_whitespace() -> None:
    a = Aligner(SOURCE).align("south korea's defense   intelligence agency")
    assert a.status == "normalized"
    assert SOURCE[a.start : a.end] == "South Korea\u2019s Defense Intelligence Agency"
    b = Aligner(SOURCE).align("deployed. The Pentagon")
    assert b.status == "normalized" and "\n" in SOURCE[b.start : b.end]
    c = Aligner(SOURCE).align("Russia - for training")
    assert c.status == "normalized"


def test_fuzzy_match_tolerates_small_changes() -> None:
    a = Aligner(SOURCE).align("North Korea reportedly dispatched approximately 10,000 troops")
    assert a.status == "fuzzy"
    assert "dispatched approximately 10,000 troops" in SOURCE[a.start : a.end]
    assert a.score >= 85


def test_invented_quote_is_ungrounded() -> None:
    a = Aligner(SOURCE).align("Napoleon invaded Thailand with 50,000 elephants")
    assert (a.status, a.start, a.end, a.score) == ("ungrounded", None, None, 0.0)
    assert Aligner(SOURCE).align("   ").status == "ungrounded"


def test_fuzzy_on_a_large_document_uses_candidate_windows() -> None:
    rng = random.Random(3)
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    filler = " ".join(rng.choice(words) for _ in range(60_000))
    target = "the agency anticipates that their deployment to key battlegrounds is imminent"
    source = filler + " " + target + " " + filler
    quote = "the agency anticipated their deployment to key battlegrounds is imminent"
    a = Aligner(source).align(quote)
    assert a.status == "fuzzy"
    assert source[a.start : a.end].startswith("the agency anticipates")


def test_case_folding_that_changes_length_keeps_offsets_right() -> None:
    source = "Die Stra\u00dfe in \u0130stanbul ist lang."
    a = Aligner(source).align("STRASSE IN")
    # "ß".lower() is "ß", so no match by folding; but "İ".lower() has two characters.
    check(source, "STRASSE IN")
    b = Aligner(source).align("i\u0307stanbul ist")
    assert b.status == "normalized"
    assert source[b.start : b.end] == "\u0130stanbul ist"
    assert a.status in ("fuzzy", "ungrounded")


@given(st.text(max_size=300), st.data())
@settings(max_examples=300, deadline=None)
def test_any_substring_is_found_and_offsets_slice_to_it(source: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(source)))
    j = data.draw(st.integers(i, len(source)))
    quote = source[i:j]
    a = Aligner(source).align(quote)
    if quote.strip():
        assert a.status == "exact"
    check(source, quote)


@given(st.text(max_size=300), st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_arbitrary_quotes_never_break_the_guarantee(source: str, quote: str) -> None:
    check(source, quote)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200), st.data())
@settings(max_examples=300, deadline=None)
def test_perturbed_quotes_keep_the_guarantee(source: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(source)))
    j = data.draw(st.integers(i, len(source)))
    quote = source[i:j]
    style = data.draw(st.sampled_from(["upper", "spaces", "dash", "drop"]))
    if style == "upper":
        quote = quote.upper()
    elif style == "spaces":
        quote = "  ".join(quote.split())
    elif style == "dash":
        quote = quote.replace("-", "\u2014")
    elif quote:
        k = data.draw(st.integers(0, len(quote) - 1))
        quote = quote[:k] + quote[k + 1 :]
    check(source, quote)
