"""The learned sentence ranker: it loads from the package, ranks text of our own sensibly, and
the training command rebuilds exactly the shipped model from ../shared/train."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.analysers.ranking import FEATURES, load_ranker, select
from summarize.analysers.salience import bottom_line_sentences, rank_sentences
from summarize.strategies.extractive import extractive_plan

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "train"

# Written for this test: a lead with the news, filler after it, a second source further down.
ARTICLE = """Storm closes port of Valdera

A storm closed the port of Valdera on Tuesday, halting the shipment of about 2,000 containers, \
the harbour authority said.
The authority expects the port to reopen on Friday if the wind drops as forecast.
Weather in the region has been changeable this autumn.
Many residents stayed indoors.
Some cafes near the harbour closed early.
Local shops reported fewer customers than usual.
The mayor, Ana Ruiz, said the city would compensate dock workers for the lost shifts.
Residents were asked to avoid the seafront.
"""


def test_shipped_model_loads_with_its_metadata() -> None:
    model = load_ranker()
    assert model.features == FEATURES and len(model.weights) == len(FEATURES)
    assert "FRANK" in model.meta["corpus"] and model.meta["cv_rouge12"] > 0
    assert 0 < model.words <= 120 and 1 <= model.sentences <= 5


def test_ranks_the_lead_on_top_and_filler_below_it() -> None:
    ranked = rank_sentences(ARTICLE)
    # The news and its follow-up on top (the rankers refitted since 2026-12-03 put them 0.004 to
    # 0.03 apart, the follow-up first); the filler well below both.
    assert {s.index for s in ranked[:2]} == {0, 1}
    filler = next(s for s in ranked if s.text.startswith("Many residents"))
    assert filler.score < ranked[1].score - 0.1
    chosen = bottom_line_sentences(ranked, words=90, sentences=3)
    # The best sentence is always taken. The next ones are the best once discounted by how much
    # of what is already taken they repeat (the penalty fitted with the ranker): here the
    # follow-up repeats the port and its authority, and gives way to sentences that say less but
    # repeat nothing. Only the first is asserted.
    assert ranked[0] in chosen
    assert [s.index for s in chosen] == sorted(s.index for s in chosen)  # document order
    assert sum(len(s.text.split()) for s in chosen) <= 90


def test_selection_discounts_repetition() -> None:
    pieces = ["The port closed because of the storm on Tuesday.",
              "Because of the storm, the port closed on Tuesday.",
              "The mayor promised compensation for dock workers."]
    scores = [0.9, 0.85, 0.5]
    assert select(pieces, scores, words=90, sentences=2, redundancy=0.0) == [0, 1]
    assert select(pieces, scores, words=90, sentences=2, redundancy=1.0) == [0, 2]


def test_extractive_claims_cover_each_named_source() -> None:
    plan = extractive_plan(ARTICLE)
    statements = [c.statement for c in plan.draft.key_claims]
    assert any("Ana Ruiz" in s for s in statements), statements
    assert any("2,000 containers" in s for s in statements)


def test_a_claim_is_heard_from_a_source_only_where_the_sentence_names_it() -> None:
    from summarize.analysers.attributions import claimed_attributions

    # "Residents were asked to avoid the seafront" names no one who asked: a passive credits no
    # one (it was linked to the mayor named a sentence before), so the mayor's own sentence is
    # the one that stands for her among the key claims.
    assert not [a for a in claimed_attributions(ARTICLE) if a.cue.text == "were asked"]
    statements = [c.statement for c in extractive_plan(ARTICLE).draft.key_claims]
    assert any(s.startswith("The mayor, Ana Ruiz, said") for s in statements), statements


def test_a_claim_said_by_he_or_she_is_credited_to_the_person_named_before() -> None:
    from summarize.analysers.attributions import claimed_attributions, find_attributions

    text = ("The harbour master, Tom Ashby, said the city would pay dock workers. He said the "
            "port would reopen on Friday.")
    assert [a.source.text for a in find_attributions(text)] == ["The harbour master, Tom Ashby",
                                                               "He"]
    claimed = claimed_attributions(text)
    assert [(a.source.text, a.written_as and a.written_as.text) for a in claimed] == [
        ("The harbour master, Tom Ashby", None), ("Tom Ashby", "He")]


def test_a_pronoun_may_stand_for_the_person_a_sentence_opens_with() -> None:
    from summarize.analysers.attributions import claimed_attributions

    # Ewa Nowak says nothing herself before "she said"; the harbour master spoke before her.
    text = ("The harbour master, Tom Ashby, said the port would reopen on Friday. Ewa Nowak, a "
            "crane driver, lost two shifts this week. The city should pay us, she said.")
    claimed = claimed_attributions(text)
    assert [(a.source.text, a.written_as and a.written_as.text) for a in claimed][-1] == (
        "Ewa Nowak", "she")


@pytest.mark.parametrize(
    "text",
    [  # a form of address says the person is not the pronoun's
        "Mrs. Ruiz said the city would pay dock workers. He said the port would reopen soon.",
        # nobody named as a source near enough: three sentences between
        "Tom Ashby said the city would pay. The port is closed. Ships wait. Crews rest. Fog "
        "lingers. He said the port would reopen soon.",
    ],
)
def test_a_pronoun_with_no_person_for_it_is_credited_to_no_one(text: str) -> None:
    from summarize.analysers.attributions import claimed_attributions, find_attributions

    said = text.index("He said")
    assert [a.source.text for a in find_attributions(text) if a.cue.start > said] == ["He"]
    assert not [a for a in claimed_attributions(text) if a.cue.start > said]


def test_a_claim_is_credited_to_the_speaker_without_the_clause_about_them() -> None:
    from summarize.analysers.attributions import claimed_attributions, find_attributions

    text = ("The port will reopen on Friday, said Tom Ashby, who has run the harbour for 20 "
            "years. Dock workers were relieved.")
    assert [a.source.text for a in find_attributions(text)] == [
        "Tom Ashby, who has run the harbour for 20 years"]  # PolNeAR's span, as fitted
    assert [a.source.text for a in claimed_attributions(text)] == ["Tom Ashby"]


@pytest.mark.parametrize(
    ("source", "named"),
    [  # sentences of our own
        ("the harbour master, who has run the port for 20 years", "the harbour master"),
        ("who stood down from the council in 2019", "Tom Ashby"),  # "Tom Ashby, 74, who ..."
        ("the agency, which runs the port", "the agency"),
        ("which runs the port", "which runs the port"),  # "which" may stand for anything
        # but a "which" the source runs on from into its verb is what was said
        ("which officials", "which officials"),  # (here a comma and "said" follow)
        ("the port authority which", "the port authority"),  # no comma: "... which said"
        ("deviceThe port authority", "The port authority"),  # furniture glued on before it
        ("Ana Ruiz", "Ana Ruiz"),
    ],
)
def test_the_speaker_a_source_names(source: str, named: str) -> None:
    from summarize.analysers.attributions import Span, speaker

    text = f"Tom Ashby, 74, {source}, said the port would reopen on Friday."
    start = text.index(source)
    assert speaker(text, Span(source, start, start + len(source))).text == named


@pytest.mark.skipif(not (TRAIN / "articles-frank-train.jsonl").is_file(),
                    reason="../shared/train is not beside the project")
def test_training_command_rebuilds_the_shipped_model(tmp_path: Path) -> None:
    rebuilt = []
    for seed in ("1", "2"):
        # Each rebuild in a process of its own hash seed: a sum over a set had made the
        # centrality features, and so the weights, differ in their last digits run to run.
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "summarize.analysers.train", "--data", str(TRAIN),
                        "--out", str(out), "--only", "ranker"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        rebuilt.append(json.loads((out / "ranker.json").read_text(encoding="utf-8")))
    keys = ("features", "redundancy", "words", "sentences", "weights", "mean", "scale", "bias")
    # the same to the last digit on one machine, whatever the hash seed
    assert all(rebuilt[0][key] == rebuilt[1][key] for key in keys)
    # and the shipped model up to the rounding of another machine's floating point (numpy's sums
    # take the processor's vector instructions, which round in their own order)
    shipped = load_ranker().to_json()
    for key in ("features", "words", "sentences"):
        assert rebuilt[0][key] == shipped[key], key
    for key in ("redundancy", "weights", "mean", "scale", "bias"):
        assert rebuilt[0][key] == pytest.approx(shipped[key], rel=1e-9, abs=1e-12), key


def test_training_without_data_is_a_one_line_error(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from summarize.analysers.train import main

    assert main(["--data", str(tmp_path / "none"), "--out", str(tmp_path)]) == 3
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "first"),
    [  # articles of our own
        ("Port reopens\n\nVALDERA, Ruritania (AP) — The port of Valdera reopened on Friday "
         "after the storm.\nDock workers returned.", "The port of Valdera reopened"),
        ("(CNN)The port of Valdera reopened on Friday after the storm, its director said.",
         "The port of Valdera reopened"),
        # with the day it was filed, either way round
        ("VALDERA, Oct. 9 (Reuters) - The port of Valdera reopened on Friday after the storm.",
         "The port of Valdera reopened"),
        ("VALDERA, 9 October 2026 (Port News) - The port of Valdera reopened on Friday.",
         "The port of Valdera reopened"),
        # a pair of names across a dash is no dateline
        ("EU - UK talks on the port resumed on Friday in Valdera.", "EU - UK talks"),
    ],
)
def test_a_dateline_is_not_part_of_the_first_sentence(text: str, first: str) -> None:
    from summarize.analysers.salience import sentences_of

    start, end = sentences_of(text)[0]
    assert text[start:end].startswith(first)


@pytest.mark.parametrize(
    ("text", "head"),
    [  # articles of our own
        ("Storm Closes Valdera Port for Three Days.\n\nA storm closed the port of Valdera on "
         "Tuesday, its director said.", "Storm Closes Valdera Port for Three Days."),
        ("Storm closes Valdera port\n\nA storm closed the port on Tuesday.",
         "Storm closes Valdera port"),
        # a sentence with a full stop, in sentence case, followed by shorter paragraphs, is
        # the lead, not a headline
        ("A storm closed the port of Valdera on Tuesday.\n\nIts director said so.", None),
        # a short paragraph of its own before a longer one is a headline however it ends
        ("Valdera port strike ends.\n\nDock workers in Valdera voted on Tuesday to end a "
         "strike that had closed the port for three weeks, their union said.",
         "Valdera port strike ends."),
        ("Valdera port strike ends.\n\nABSTRACT.\n\nDock workers in Valdera voted on "
         "Tuesday to end the strike.", "Valdera port strike ends."),
        # not a dateline's lead
        ("VALDERA (AP) — The strike ended.\n\nDock workers in Valdera voted on Tuesday to end "
         "a strike that had closed the port for three weeks.", None),
    ],
)
def test_a_headline_is_a_short_first_line_without_a_full_stop_or_in_title_case(
        text: str, head: str | None) -> None:
    from summarize.analysers.salience import headline

    found = headline(text)
    assert (text[found[0]:found[1]] if found else None) == head


def test_a_headlines_semicolon_before_its_subhead_ends_no_title() -> None:
    from summarize.strategies.base import fallback_title

    text = ("Valdera port reopens; \nDockers vote to end a three-week strike.\n\nDock workers "
            "in Valdera voted on Tuesday to end the strike, their union said.")
    assert fallback_title(text) == "Valdera port reopens"


@pytest.mark.parametrize("label", ["Key Judgments", "Executive Summary", "SUMMARY:"])
def test_a_section_label_on_the_first_line_is_no_title(label: str) -> None:
    from summarize.strategies.base import fallback_title

    text = (f"{label}\n\nWe assess that North Korea has sent about 11,000 troops to Kursk.\n\n"
            "The troops are drawn from an elite special operations unit, officials said.")
    title = fallback_title(text)
    assert title != label and title.startswith(("We assess", "The troops"))


def test_without_a_headline_the_title_is_the_best_ranked_sentence() -> None:
    from summarize.analysers.salience import Sentence
    from summarize.strategies.base import fallback_title

    text = ("Scroll down for video.\nA storm closed the port of Valdera on Tuesday.\n"
            "Dock workers went home.")
    pieces = text.split("\n")
    starts = [text.index(p) for p in pieces]
    ranked = [Sentence(index=i, start=s, end=s + len(p), text=p, score=score)
              for i, (s, p, score) in enumerate(zip(starts, pieces, (0.2, 0.9, 0.4),
                                                    strict=True))]
    ranked.sort(key=lambda s: -s.score)
    assert fallback_title(text, ranked) == "A storm closed the port of Valdera on Tuesday."


def test_page_furniture_is_neither_a_headline_nor_part_of_a_sentence() -> None:
    from summarize.analysers.salience import headline, sentences_of

    text = ("Share this withEmailFacebookMessengerTwitterPinterestWhatsAppLinkedinCopy\n"
            "this linkThe first incident saw a woman tricked by a caller claiming to work for "
            "the bank.\nA second woman lost money to the same caller last week.\n"
            "Media playback is not supported on this deviceThe police urged people to hang up "
            "on such calls.")
    assert headline(text) is None
    assert [text[s:e] for s, e in sentences_of(text)] == [
        "The first incident saw a woman tricked by a caller claiming to work for the bank.",
        "A second woman lost money to the same caller last week.",
        "The police urged people to hang up on such calls."]
    # a headline after the share bar is still the headline
    assert headline("Share this with Email Facebook Copy this link\nPort Strike Ends\nThe "
                    "strike ended on Friday, the union said.\n") is not None


def test_a_hedged_statement_leaves_the_page_furniture_out() -> None:
    from summarize.analysers.hedges import hedged_sentences

    text = ("Share this withEmailFacebookTwitterPinterestWhatsAppLinkedinCopy\nthis linkThe "
            "strike may end on Friday, the union said.\nMedia playback is not supported on this "
            "deviceThe docks could reopen next week.")
    assert [text[s:e] for s, e, _ in hedged_sentences(text)] == [
        "The strike may end on Friday, the union said.", "The docks could reopen next week."]



def test_a_hedged_statement_leaves_its_dateline_out() -> None:
    from summarize.analysers.hedges import hedged_sentences

    text = ("Port strike may end\n\nVALDERA, Oct. 9 (Reuters) - The strike may end on Friday, "
            "the union said.")
    assert [text[s:e] for s, e, _ in hedged_sentences(text)] == [
        "Port strike may end", "The strike may end on Friday, the union said."]


def test_a_page_date_line_is_no_headline() -> None:
    from summarize.analysers.salience import headline, sentences_of

    text = ("18 March 2014\nLast updated at 09:22 GMTRichard Blake-Smith and his partner Anna won "
            "the wife-carrying race.\nThe course was 380 metres long.")
    assert headline(text) is None
    assert [text[s:e] for s, e in sentences_of(text)][0].startswith("Richard Blake-Smith")


def test_a_sentence_that_repeats_a_claim_is_no_second_claim() -> None:
    from summarize.analysers.salience import Sentence
    from summarize.analysers.sentences import sentence_spans
    from summarize.strategies.extractive import covering_claims

    text = ("Even the day after a debate, the candidate holding the spotlight was Donald Trump, "
            "who took to the talk shows.\n\nEven the day after a debate, the candidate holding "
            "the spotlight was Donald Trump, who took to the talk shows to defend his praise of "
            "Vladimir Putin, Donald Trump said.\n\nThe debate drew 8 million viewers, the network "
            "said on Monday.\n\nMayor Ana Ruiz said the city would pay for the security.")
    sentences = [Sentence(index=i, start=s, end=e, text=text[s:e], score=1.0 - i / 10)
                 for i, (s, e) in enumerate(sentence_spans(text))]
    chosen = covering_claims(text, sentences, sentences[:1])
    assert sentences[1] not in chosen  # a new source, but the same words as the first claim
    assert sentences[0] in chosen and sentences[3] in chosen


def test_a_subtitle_under_the_headline_is_no_body_sentence() -> None:
    from summarize.analysers.salience import sentences_of

    text = ("UNITED NATIONS SECURITY COUNCIL\nReport of the Panel of Experts (extract)\n\n"
            "1. The Panel estimates that 12,000 fighters were active in the east.\n"
            "2. At least 4 shipments of small arms reached the port of Berbera.")
    assert [text[s:e] for s, e in sentences_of(text)] == [
        "The Panel estimates that 12,000 fighters were active in the east.",
        "At least 4 shipments of small arms reached the port of Berbera."]


def test_a_memos_subject_is_its_title_and_its_header_no_sentence() -> None:
    from summarize.analysers.salience import sentences_of
    from summarize.strategies.base import fallback_title

    text = ("From: Director of Operations\nTo: All regional managers\nDate: 2 December 2026\n"
            "Subject: Winter fuel supply disruption\n\nColleagues,\n\nOur main supplier has "
            "informed us that deliveries of heating oil will be reduced by about 25%.")
    assert fallback_title(text) == "Winter fuel supply disruption"
    assert [text[s:e] for s, e in sentences_of(text)] == [
        "Our main supplier has informed us that deliveries of heating oil will be reduced by "
        "about 25%."]
    # one "Re:" line is no header: a story may open so
    assert fallback_title("Re: the budget\n\nThe council met on Monday to set the budget.") == \
        "Re: the budget"
