"""The names a document writes, spoken or not (summarize/analysers/mentions.py), and the actors
they add to a briefing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize import analyze_text, brief, resolve_settings
from summarize.analysers import mentions as mentions_module
from summarize.analysers.mentions import candidate_runs, load_mention_tagger, mentions, named_actors

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "train"

# A document of our own: the governor is named three times and never quoted.
ASSESSMENT = (
    "We assess that the Sabre Brigade, a militia loyal to former governor Yusuf Bakr, has moved "
    "400 fighters into Dellin since March. Bakr has not appeared in public since January.\n\n"
    "Fuel reaches the brigade through the port of Hallam, which the Kestrel Logistics Group "
    "runs. Interior Ministry spokesman Karim Haddad said on Tuesday that the government "
    "remained in control. Mr. Bakr may seek talks with the government.\n"
)


def test_the_mention_tagger_names_the_people_organizations_and_places_of_a_sentence() -> None:
    tagger = load_mention_tagger()
    assert tagger is not None and "PolNeAR" in tagger.meta["corpus"]
    assert tagger.meta["validation"]["names"]["f1"] > 80
    text = "On Monday, Yusuf Bakr met officials of the Red Cross in Port Selin."
    found = [(a.name, a.kind) for a in mentions(text)]
    assert found == [("Yusuf Bakr", "person"), ("Red Cross", "organization"),
                     ("Port Selin", "place")]
    for a in mentions(text):
        assert text[a.start:a.end] == a.name


def test_a_country_named_first_and_possessive_is_a_place() -> None:
    # CLDR's territory names are a feature the tagger was fitted with: a sentence's first word,
    # possessive, is read as a person's name without it
    tagger = load_mention_tagger()
    assert tagger is not None and "spain" in tagger.meta["places"]
    text = "Spain's electricity grid operator said demand peaked on Tuesday evening."
    assert [(a.name, a.kind) for a in mentions(text)] == [("Spain", "place")]
    run = [(0, 7)]
    assert "place" in mentions_module.run_features(text, run, True, {"spain"})[0]
    assert "place" not in mentions_module.run_features(text, run, True, {"italy"})[0]


def test_runs_keep_the_small_words_and_full_stops_names_hold_and_stop_at_a_sentence_end() -> None:
    text = "The U.S. Sen. Bob Corker spoke to the Bank of England. Officials in Rome agreed."
    runs = [text[run[0][0]:run[-1][1]] for run, _ in candidate_runs(text)]
    assert runs == ["The U.S. Sen. Bob Corker", "Bank of England", "Officials", "Rome"]
    assert [initial for _, initial in candidate_runs(text)] == [True, False, True, False]


def test_a_possessive_is_no_part_of_the_name_and_a_sentence_opener_is_no_name() -> None:
    text = "Officials said Moravec's government had fallen. The Red Cross's convoy left Dellin."
    names = [a.name for a in mentions(text)]
    assert "Officials" not in names and "The" not in " ".join(names)
    assert "Moravec" in names and "Red Cross" in names


def test_a_headline_in_title_case_is_skipped() -> None:
    text = "Carly Fiorina Endorses Ted Cruz\n\nThe endorsement came in Miami on Wednesday."
    assert [a.name for a in mentions(text)] == ["Miami"]


def test_named_actors_group_a_name_with_its_shorter_forms_most_mentioned_first() -> None:
    groups = named_actors(ASSESSMENT)
    assert [a.name for a in groups[0]] == ["Yusuf Bakr", "Bakr", "Bakr"]
    assert groups[0][0].kind == "person"
    counts = [len(group) for group in groups]
    assert counts == sorted(counts, reverse=True)


def test_an_actor_already_listed_is_left_out_whatever_kind_it_was_given() -> None:
    names = {g[0].name for g in named_actors(ASSESSMENT)}
    assert "Karim Haddad" in names and "Hallam" in names
    left = {g[0].name for g in named_actors(
        ASSESSMENT, known=[("Karim Haddad", "person"), ("Hallam", "organization")])}
    assert "Karim Haddad" not in left and "Hallam" not in left  # the same words: the same actor
    assert "Yusuf Bakr" in left


def test_a_shared_word_of_another_kind_is_another_actor() -> None:
    # "South Korea" is not the agency that speaks for it
    text = "Intelligence from South Korea was shared with Japan. South Korea has sent no troops."
    left = named_actors(text, known=[("South Korea's Defense Intelligence Agency",
                                      "organization")])
    assert [g[0].name for g in left][:1] == ["South Korea"]


def test_a_name_the_text_writes_whole_elsewhere_is_read_whole() -> None:
    # the tagger alone had read "Nordic" after "Shares in" as a place
    text = ("STOCKHOLM, March 4 - Nordic Telecom reported a first-quarter profit on Thursday.\n\n"
            "Shares in Nordic Telecom jumped 8.5 percent in early trading.")
    found = [(a.name, a.kind) for a in mentions(text)]
    assert found.count(("Nordic Telecom", "organization")) == 2
    assert ("Nordic", "place") not in found


def test_the_name_a_dateline_opens_with_is_a_place() -> None:
    # CoreNLP's silver tags (and so the tagger fitted on them) read a city in capitals as an
    # organization
    for dateline, city in (("STOCKHOLM, March 4 - ", "STOCKHOLM"),
                           ("LOS ANGELES (AP) — ", "LOS ANGELES")):
        text = f"Profits rise\n\n{dateline}The company reported a profit on Thursday."
        assert (city, "place") in [(a.name, a.kind) for a in mentions(text)]


def test_without_the_mention_model_the_rules_read_each_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mentions_module, "load_mention_tagger", lambda: None)
    found = mentions("The minister met Yusuf Bakr and the Health Ministry in Dellin.")
    assert [(a.name, a.kind) for a in found] == [("Yusuf Bakr", "person"),
                                                 ("Health Ministry", "organization")]


def test_a_briefing_lists_an_actor_who_is_named_but_never_quoted() -> None:
    b = brief(ASSESSMENT, settings=resolve_settings(env={}, strategy="extractive"))
    by_name = {a.name: a for a in b.actors}
    assert by_name["Karim Haddad"].role == "Interior Ministry spokesman; source of a claim"
    bakr = by_name["Yusuf Bakr"]
    assert (bakr.kind, bakr.origin, bakr.grounded) == ("person", "analyser", True)
    assert bakr.role == "named 3 times; not a source of a claim"
    quotes = [e.quote for e in bakr.evidence]
    assert quotes[0] == "Yusuf Bakr" and "Sabre Brigade" in quotes[1]
    assert all(e.start is not None and ASSESSMENT[e.start:e.end] == e.quote
               for e in bakr.evidence)
    assert len(b.actors) <= 8
    assert len({a.name for a in b.actors}) == len(b.actors)


def test_analyze_lists_every_name_with_its_mentions_and_whether_it_speaks() -> None:
    names = analyze_text(ASSESSMENT)["names"]
    by_name = {n["name"]: n for n in names}
    bakr = by_name["Yusuf Bakr"]
    assert names[0] is bakr  # the most mentioned first
    assert bakr["kind"] == "person"
    assert [m["text"] for m in bakr["mentions"]] == ["Yusuf Bakr", "Bakr", "Bakr"]
    haddad = by_name["Karim Haddad"]
    assert (haddad["kind"], haddad["as_source"], len(haddad["mentions"])) == ("person", 1, 1)
    assert (by_name["Hallam"]["kind"], by_name["Hallam"]["as_source"]) == ("place", 0)
    for n in names:
        for m in n["mentions"]:
            assert ASSESSMENT[m["start"]:m["end"]] == m["text"]


@pytest.mark.skipif(not (TRAIN / "attributions-polnear-train.jsonl.gz").is_file(),
                    reason="../shared/train is not beside the project")
def test_training_command_rebuilds_the_mention_tagger(tmp_path: Path) -> None:
    from summarize.analysers.train import main

    assert main(["--data", str(TRAIN), "--out", str(tmp_path), "--only", "mentions"]) == 0
    models = ROOT / "summarize" / "analysers" / "models"
    assert (tmp_path / "mentions.crfsuite").read_bytes() == (
        models / "mentions.crfsuite").read_bytes()
    rebuilt = json.loads((tmp_path / "mentions.json").read_text(encoding="utf-8"))
    shipped = json.loads((models / "mentions.json").read_text(encoding="utf-8"))
    assert rebuilt["validation"] == shipped["validation"]
