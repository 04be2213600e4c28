"""A text written in capitals is read as if written in ordinary case, and quoted as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarize.analysers.analysis import analyze_text
from summarize.analysers.attributions import claimed_attributions, find_attributions
from summarize.analysers.casing import fit_casing, readable
from summarize.analysers.figures import FigureMention, extract_figures
from summarize.analysers.hedges import find_hedges

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "north-korean-troops-kursk.txt").read_text(encoding="utf-8")


def test_a_line_in_capitals_is_recased_with_the_shipped_forms() -> None:
    text = ("THE U.S. AND NATO SAID 5 MILLION DOLLARS WAS SENT. TRUMP WON 38 OF 50 DELEGATES,\n"
            "THE AP SAID.\nOrdinary text, with NATO in it.")
    read = readable(text)
    assert len(read) == len(text) and read.lower() == text.lower()
    # words as the news writes them; a sentence's first word capitalised, not after "U.S.";
    # a line that runs on after a comma opens no sentence
    assert read.split("\n") == ["The U.S. and NATO said 5 million dollars was sent. Trump won "
                                "38 of 50 delegates,", "the AP said.",
                                "Ordinary text, with NATO in it."]


@pytest.mark.parametrize("text", [
    "Ordinary text, with NATO and the U.S. in it.",
    "NATO",  # one word alone is how an ordinary text writes a name
    "",
])
def test_a_text_without_a_line_in_capitals_is_read_as_it_is(text: str) -> None:
    assert readable(text) is text


def test_a_text_without_a_capital_is_read_recased_whole() -> None:
    text = "pentagon spokesperson sabrina singh said 10,000 troops had arrived.\nthe us agreed."
    assert readable(text) == ("Pentagon spokesperson Sabrina Singh said 10,000 troops had "
                              "arrived.\nThe us agreed.")
    sources = [a.source.text for a in find_attributions(text)]
    assert sources == ["pentagon spokesperson sabrina singh"]


def test_a_text_whose_only_capital_is_the_pronoun_i_is_read_recased_whole() -> None:
    assert readable("I think trump said so, and I'm sure.") == \
        "I think Trump said so, and I'm sure."
    assert readable("In fact trump said so.") == "In fact trump said so."  # a capital: as written


def test_a_month_beside_a_day_is_the_month() -> None:
    text = "PROTESTERS GATHERED ON MAY 10 AND 3 MAY. THE VOTE MAY PASS."
    assert readable(text) == "Protesters gathered on May 10 and 3 May. The vote may pass."
    assert [h.start for h in find_hedges(text)] == [text.rindex("MAY")]


@given(st.text(alphabet="0123456789 \t\"'’xthsnd", max_size=30), st.integers(0, 30))
@example("10th may", 5)
def test_a_day_or_a_dimension_is_looked_for_just_before_a_word_as_in_the_whole_line(
        body: str, at: int) -> None:
    # (A line of a thousand "may"s was read from its start for each: now the characters just
    # before the word; the answer must be the one the whole line gave.)
    from summarize.analysers.casing import _DAY_BEFORE, _REACH, _TIMES
    from summarize.analysers.sentences import ending_at

    at = min(at, len(body))  # a word's start
    for pattern in (_DAY_BEFORE, _TIMES):
        assert bool(ending_at(pattern, body, at, _REACH)) == bool(pattern.search(body, 0, at))


def test_a_name_also_written_in_lowercase_is_the_common_noun_after_a_number() -> None:
    # "Pence" is mostly the vice-president in the fit text, "States" mostly the United States
    text = "IT PAID 5 PENCE A SHARE IN 16 STATES. 8 RAND PAUL BACKERS AND 9 K-1 VISAS; 3 MAY 2016."
    assert readable(text) == ("It paid 5 pence a share in 16 states. 8 Rand Paul backers and 9 "
                              "K-1 visas; 3 May 2016.")
    figures = [(f.value, f.unit) for f in extract_figures(text)]
    assert figures[:2] == [(5.0, "pence per share"), (16.0, "states")]  # units as written
    assert (9.0, "K-1 visas") in figures


def test_a_common_noun_after_a_number_word_and_before_a_day_stays_common() -> None:
    text = "only two states hold primaries tuesday, and five states vote in may."
    assert readable(text) == ("Only two states hold primaries Tuesday, and five states vote in "
                              "may.")
    assert [(f.value, f.unit) for f in extract_figures(text)] == [(2.0, "states"),
                                                                 (5.0, "states")]


def test_a_currency_sign_opening_a_sentence_is_read_as_one() -> None:
    for text, unit in (("US$ 5 MILLION WAS SENT TO KENYA.", "USD"),
                       ("HK$ 5 MILLION WAS SENT.", "HKD"), ("us$ 5 million was sent.", "USD")):
        assert [(f.value, f.unit) for f in extract_figures(text)] == [(5e6, unit)], text


def test_letters_glued_before_digits_keep_their_case() -> None:
    assert readable("THE F16 AND G7 RAN 100M") == "The F16 and G7 ran 100m"


def test_figures_of_a_text_in_capitals_are_those_of_the_text_in_ordinary_case() -> None:
    lower = "Net profit rose 12 percent to 5 million dollars, and 1,200 workers lost their jobs."
    upper = lower.upper()
    def read(figures: list[FigureMention]) -> list[tuple[float, str | None, int, int]]:
        return [(f.value, f.unit and f.unit.lower(), f.start, f.end) for f in figures]

    found = extract_figures(upper)
    assert read(found) == read(extract_figures(lower))
    assert [f.text for f in found] == ["12 PERCENT", "5 MILLION DOLLARS",
                                      "1,200 WORKERS"]  # quoted as written
    assert [f.unit for f in found][1:] == ["USD", "workers"]  # was no unit at all


def test_the_seed_in_capitals_keeps_its_figure_and_sources() -> None:
    upper = SEED.upper()
    found = analyze_text(upper)
    troops = [f for f in found["figures"] if f["value"] == 10000]
    assert troops and troops[0]["qualifier"] == "approximate" and troops[0]["unit"] == "troops"
    speakers = {a["speaker"]["text"] for a in found["attributions"]}
    assert {"THE PENTAGON", "PENTAGON SPOKESPERSON SABRINA SINGH",
            "NATO SECRETARY-GENERAL MARK RUTTE", "SOUTH KOREA'S DEFENSE INTELLIGENCE AGENCY"
            } <= speakers
    for a in found["attributions"]:  # every span quotes the text as written
        for part in ("source", "cue", "content", "speaker"):
            span = a[part]
            assert upper[span["start"]:span["end"]] == span["text"]
    for h in find_hedges(upper):
        assert upper[h.start:h.end] == h.cue and h.cue.isupper()
    for a in claimed_attributions(upper):
        assert upper[a.source.start:a.source.end] == a.source.text


def test_attributions_in_capitals_are_found_as_in_ordinary_case() -> None:
    lower = 'Pentagon spokesperson Sabrina Singh said the troops "are moving toward Kursk".'
    def parts(text: str) -> list[tuple[int, int]]:
        return [(p.start, p.end) for a in find_attributions(text)
                for p in (a.source, a.cue, a.content)]
    assert parts(lower.upper()) == parts(lower)
    assert find_attributions(lower.upper())[0].cue.text == "SAID"


def test_a_source_in_capitals_names_its_person_and_role_as_written() -> None:
    from summarize.analysers.source_kinds import source_actor

    text = "PENTAGON SPOKESPERSON SABRINA SINGH SAID ON MONDAY THAT THE STRIKE HAD ENDED."
    actor = source_actor(text, 0, 35)
    assert actor is not None
    assert (actor.name, actor.kind, actor.role) == ("SABRINA SINGH", "person",
                                                    "PENTAGON SPOKESPERSON")


def test_casing_is_fitted_on_the_words_outside_a_sentences_opening_and_lines_in_capitals() -> None:
    texts = ["Officials at NATO met. The NATO summit ended and NATO left.",
             "Rain fell. Rain is rain, and more rain came.",
             "ALL CAPS HEADLINE ABOUT NATO WITH RAIN\nBody text.",
             "The Pentagon said. the pentagon is big, the Pentagon said again."]
    forms = fit_casing(texts)["forms"]
    # "Rain" opens two sentences, which say nothing of its case, and is written "rain" twice;
    # "Pentagon" twice and "pentagon" once: the most common form
    assert forms["nato"] == "NATO" and "rain" not in forms and forms["pentagon"] == "Pentagon"
    assert "officials" not in forms  # a sentence's first word says nothing of its case
    # written in lowercase once, though mostly capitalised: lowercase after a number
    assert fit_casing(texts)["also_lowercase"] == ["pentagon"]


def test_casing_counts_no_quotations_first_word_and_keeps_numbers_lowercase() -> None:
    texts = ['He said, "Ninety percent is fine." Apostle Booth and Seventy Karin Peters and '
             'Seventy John Wight met.', 'He said "Rain" twice, then rain fell.']
    fitted = fit_casing(texts)
    # a quotation's first word may open a sentence; a number is a number whatever it names
    assert "rain" in fitted["lowercase"] and "rain" not in fitted["forms"]
    assert "seventy" in fitted["lowercase"] and not {"ninety", "seventy"} & set(fitted["forms"])
    assert readable("as much as seventy feet") == "As much as seventy feet"


def test_the_shipped_casing_names_its_corpus() -> None:
    data = json.loads((ROOT / "summarize" / "analysers" / "models" / "casing.json")
                      .read_text(encoding="utf-8"))
    assert "attributions-polnear-train" in data["corpus"] and len(data["forms"]) > 10_000
    assert data["forms"]["nato"] == "NATO" and data["forms"]["u.s."] == "U.S."


@pytest.mark.skipif(not (ROOT.parent / "shared" / "train" / "hedges-szeged-wiki.jsonl"
                         ).is_file(), reason="../shared/train is not beside the project")
def test_training_command_rebuilds_the_casing(tmp_path: Path) -> None:
    from summarize.analysers.train import main

    assert main(["--data", str(ROOT.parent / "shared" / "train"), "--out", str(tmp_path),
                 "--only", "casing"]) == 0
    rebuilt = json.loads((tmp_path / "casing.json").read_text(encoding="utf-8"))
    shipped = json.loads((ROOT / "summarize" / "analysers" / "models" / "casing.json")
                         .read_text(encoding="utf-8"))
    assert rebuilt["forms"] == shipped["forms"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ABC DEẞİ. ,\n5-\"'ŉab", "U.S.", "NATO", "MAY", "SAID",
                                 "10,000", "said"]), max_size=30).map("".join))
@example("ẞA ẞB")
@example("İA İB")
def test_recasing_keeps_every_offset(text: str) -> None:
    read = readable(text)
    assert len(read) == len(text)
    assert all(a == b or a.lower() == b.lower() for a, b in zip(read, text, strict=True))
    extract_figures(text)
    analyze_text(text)
