"""Long documents: sentence-boundary chunks with overlap, drafts merged with duplicates folded,
whole-document offsets, and a briefing that says it was read in parts."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarize import document_from_text
from summarize.analysers.salience import Sentence
from summarize.analysers.sentences import sentence_spans
from summarize.core.chunking import merge_drafts, split_into_chunks
from summarize.pipeline import brief, plan
from summarize.schema import DraftBriefing, DraftClaim, DraftFigure
from summarize.schema.draft import LIMITS
from summarize.strategies.guided import guided_model, guided_plan
from tests.conftest import GENERATIVE


def report(paragraphs: int) -> str:
    return "\n\n".join(
        f"Section {i}. The ministry said {100 + i} soldiers may arrive in town {i}. "
        f"Officials in district {i} confirmed the plan. Residents were not consulted."
        for i in range(paragraphs))


def test_chunks_cover_the_text_cut_between_sentences_and_overlap() -> None:
    text = report(200)
    chunks = split_into_chunks(text, 2000, overlap_chars=200)
    assert len(chunks) > 5
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    starts = {s for s, _ in sentence_spans(text)}
    ends = {e for _, e in sentence_spans(text)}
    for before, after in zip(chunks, chunks[1:], strict=False):
        assert after.start in starts and before.end in ends
        assert after.start < before.end, "no overlap"
        assert after.start > before.start
    assert all(c.end - c.start <= 2000 for c in chunks)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=3000),
       st.integers(min_value=20, max_value=500))
# a list's marker the sentence splitter leaves out (found by a clean clone's run)
@example("a. aaaaaaaaaaaaaaaaaa", 20)
def test_chunking_any_text_covers_every_non_space_character(text: str, size: int) -> None:
    chunks = split_into_chunks(text, size, overlap_chars=size // 5)
    covered = set()
    for c in chunks:
        assert c.end - c.start <= size
        covered.update(range(c.start, c.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def claim(text: str) -> DraftClaim:
    return DraftClaim(statement=text, attributed_to=None, certainty="possible", evidence=[text])


def test_merge_folds_duplicates_and_takes_every_part_in_turn() -> None:
    def part(n: int, claims: list[str]) -> DraftBriefing:
        return DraftBriefing(title=f"T{n}", bottom_line=f"B{n}", key_claims=[claim(c)
                                                                          for c in claims],
                             actors=[], uncertainties=[],
                             figures=[DraftFigure(text="100 soldiers", value=100,
                                                  unit="soldiers", qualifier="exact",
                                                  evidence=["100 soldiers"])])
    merged, notes = merge_drafts([part(0, ["a one", "a two", "a three"]),
                                  part(1, ["A one.", "b two", "b three"]),
                                  part(2, ["c one", "c two", "c three"])], LIMITS)
    assert merged.title == "T0" and merged.bottom_line == "B0"
    assert [c.statement for c in merged.key_claims] == ["a one", "c one", "a two", "b two",
                                                        "c two"]
    assert len(merged.figures) == 1
    assert notes == ["3 more claims found in the document's parts did not fit the one-page "
                     "briefing."]


def test_generative_long_document_is_read_in_parts_with_whole_document_offsets(
        fake_backend_cls: Any) -> None:
    text = report(120)
    document = document_from_text(text, "long")
    job = plan(document, GENERATIVE, context_tokens=4000)
    assert len(job.calls) == len(job.chunks) > 2
    last = job.chunks[-1]
    late = "The ministry said 219 soldiers may arrive in town 119."
    assert text.index(late) >= last.start
    drafts = [DraftBriefing(title="Soldiers may arrive", bottom_line="The ministry said so.",
                            key_claims=[claim(late if n == len(job.calls) - 1 else
                                              "Officials in district 1 confirmed the plan.")],
                            actors=[], figures=[], uncertainties=[])
              for n in range(len(job.calls))]
    backend = fake_backend_cls(*drafts)
    backend.context_tokens = 4000
    b = brief(document, settings=GENERATIVE, backend=backend)
    assert len(backend.calls) == len(job.calls)
    assert b.provenance.chunks == len(job.calls)
    assert any("overlapping parts" in n for n in b.notes)
    statements = [c.statement for c in b.key_claims]
    assert statements.count("Officials in district 1 confirmed the plan.") == 1
    found = next(c for c in b.key_claims if c.statement == late)
    assert found.grounded and text[found.evidence[0].start:found.evidence[0].end] == late
    assert found.evidence[0].start > last.start
    # Every chunk's messages hold only its part of the document.
    assert all(len(m[-1]["content"]) < len(text) / 2 for m in backend.calls)


def test_guided_title_that_repeats_its_instructions_is_replaced() -> None:
    text = "Floods close the port\n\nThe port authority said ships may wait. Trade fell 5%."
    candidates = [Sentence(index=i, start=s, end=e, text=text[s:e], score=1.0)
                  for i, (s, e) in enumerate(sentence_spans(text))]
    answer = guided_model(len(candidates))(title="A short factual title for the document.",
                                           bottom_line=[1], key_claims=[{"sentence": 1,
                                                                         "certainty": "likely"}])
    result = guided_plan(text, answer, candidates)
    assert result.title == "Floods close the port"
    assert any("repeated its instructions" in n for n in result.notes)


def test_guided_bottom_line_is_completed_from_the_models_own_claim_picks() -> None:
    text = ("Port closed\n\nThe port closed on Monday. Ships may wait for a week. "
            "Trade fell 5%. The mayor said repairs would start soon. Fishermen protested.")
    candidates = [Sentence(index=i, start=s, end=e, text=text[s:e], score=1.0 - i / 10)
                  for i, (s, e) in enumerate(sentence_spans(text))]
    answer = guided_model(len(candidates))(
        title="Port closed", bottom_line=[4],
        key_claims=[{"sentence": 2, "certainty": "possible"},
                    {"sentence": 4, "certainty": "likely"},
                    {"sentence": 5, "certainty": "confirmed"}])
    result = guided_plan(text, answer, candidates)
    # The model's bottom-line pick, then its claim picks, three at most, in document order.
    assert result.bottom_line == ("Ships may wait for a week. The mayor said repairs would start "
                                  "soon. Fishermen protested.")


def test_parts_are_sized_with_the_embedded_models_own_token_counts(monkeypatch: Any) -> None:
    import summarize.core.budget as token_budget
    from summarize.backends.local import default_model_path, gguf_token_counter

    count = gguf_token_counter(str(default_model_path()))
    assert count is not None and count("North Korean troops") > 0
    # Dense text (figures, codes, names) has few characters per token: estimated at the usual
    # 4 characters per token it would be sent whole and overflow a 4,000-token context.
    dense = " ".join(f"Unit {i:04d}-KX reported {i * 7.3:.2f} km at 0{i % 10}:4{i % 6} (grid "
                     f"{i * 131 % 997}/{i * 17 % 89})." for i in range(120))
    assert len(dense) / 4 + GENERATIVE.max_tokens < 4000 < count(dense) + GENERATIVE.max_tokens
    document = document_from_text(dense, "dense")
    job = plan(document, GENERATIVE, context_tokens=4000)
    assert len(job.chunks) > 1
    budget = 4000 - GENERATIVE.max_tokens
    assert all(sum(count(m["content"]) + 8 for m in call.messages) <= budget + 16
               for call in job.calls)
    # Prose has more characters per token: exact counts need fewer parts than the estimate.
    prose = report(300)
    exact = len(plan(document_from_text(prose, "p"), GENERATIVE, context_tokens=4000).chunks)
    monkeypatch.setattr(token_budget, "token_counter", lambda settings: None)
    estimated = len(plan(document_from_text(prose, "p"), GENERATIVE, context_tokens=4000).chunks)
    assert exact < estimated


def test_a_document_needing_more_parts_than_allowed_is_refused_before_any_call() -> None:
    from dataclasses import replace

    import pytest

    from summarize.errors import DocumentTooLongError

    with pytest.raises(DocumentTooLongError, match="limit is 2 parts"):
        plan(document_from_text(report(300), "p"), replace(GENERATIVE, max_chunks=2),
             context_tokens=4000)


def test_a_document_that_surely_fits_is_not_counted(monkeypatch: Any) -> None:
    import summarize.core.budget as budget
    from summarize.config import resolve_settings

    def no_counting(settings: Any) -> None:
        raise AssertionError("tokens counted for a prompt whose bytes already fit")

    monkeypatch.setattr(budget, "token_counter", no_counting)
    document = document_from_text(report(8), "short")
    assert len(plan(document, GENERATIVE).calls) == 1
    assert len(plan(document, resolve_settings(env={}, strategy="guided")).calls) == 1
