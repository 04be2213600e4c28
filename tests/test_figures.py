from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarize.analysers.figures import canonical_unit, extract_figures
from summarize.analysers.tokenised import running_text

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "train"
MODELS = ROOT / "summarize" / "analysers" / "models"


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
        # "up" as a movement's particle: the level reached, not a bound
        ("Unemployment edged up to 4.1 per cent.",
         ("4.1 per cent", 4.1, "%", "exact", None, None)),
        ("dues have gone up to $8,400.", ("$8,400", 8400, "USD", "exact", None, None)),
        # a sum reached
        ("That adds up to 185,000 a year.", ("185,000", 185000, None, "exact", None, None)),
        ("That takes us up to 314 votes.", ("314 votes", 314, "votes", "exact", None, None)),
        ("goods up to 50% off", ("up to 50%", 50, "%", "at_most", None, None)),
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
        # a report's figures and tables, and their panels
        "as Figure 6B and 6C show", "(Fig. 1 C)", "see Tables 1, 2 and 3",
        "(Figure 2F, 2G, and 2K)",
        "an F-16 fighter and COVID-19",
        "the 22nd amendment",
        "in 2024, the war went on",
        "at 10:30 in the morning",
        "We met at 10 o'clock.", "She saved in a 401(k) plan.", "a six-figure ad buy",
        "They use 3D printing and a 2-D model.",
        "their arms around one another",
        "warming by 2100 may sound scary",
        "the most capped England Under-21 player",
        "to stop Trump from reaching 1600 Pennsylvania Avenue.",
        "the former world number four and level three apprenticeships",
        "As students reached question three, he clinched round three",
        "Scotland: 15-Stuart Hogg, 14-Sean Maitland, 13-Mark Bennett.",
        # a statement's contact, a book's number, a quarter's name: parts of codes
        "For more information call +1 (202) 555-0143 or email press@example.com.",
        "Contact: Jane Doe, +44 20 7946 0958",
        "Tel. 0800 123 456",
        "Contact: duty officer, 0300 123 4567; 020 7946 0958; 01 23 45 67 89.",
        "Call 202-555-0143 now.",
        "ISBN 978-3-16-148410-0",
        "Results for 3Q24 beat forecasts.",
    ],
)
def test_dates_identifiers_and_ordinals_are_not_figures(text: str) -> None:
    assert extract_figures(text) == []


def test_lower_codes_are_no_words_nor_units() -> None:
    from summarize.analysers.figures.currencies import CODES, LOWER_CODES

    assert {"sek", "chf", "brl", "eur"} <= LOWER_CODES
    assert not {"rub", "nad", "esp", "kgs"} & LOWER_CODES  # words the news writes, a unit
    assert {"RUB", "NAD", "KGS"} <= CODES  # in capitals they are still read
    assert extract_figures("the boys rub 500 times")[0].unit != "RUB"


def test_seed_figures(seed) -> None:  # type: ignore[no-untyped-def]
    found = {(f.text, f.value, f.unit, f.qualifier) for f in extract_figures(seed.text)}
    assert found == {
        ("approximately 10,000 troops", 10000, "troops", "approximate"),
        ("nearly three-year", 3, "years", "approximate"),
    }


def figs(text: str) -> list[tuple[str, float, str | None, str, str]]:
    found = extract_figures(text)
    for f in found:
        assert text[f.start : f.end] == f.text
    return [(f.text, f.value, f.unit, f.qualifier, f.change) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("there are twenty-eight thousand six hundred forty-two students enrolled",
         [("twenty-eight thousand six hundred forty-two students", 28642, "students", "exact",
           "=")]),
        ("revenue of EUR50m", [("EUR50m", 5e7, "EUR", "exact", "=")]),
        ("flights that should have cost HK $5.4m", [("HK $5.4m", 5.4e6, "HKD", "exact", "=")]),
        # "PS" is how ASCII folding writes "£"; "PS5" is a console.
        ("a PS6m golden hello and a PS5 console", [("PS6m", 6e6, "GBP", "exact", "=")]),
        ("about minus 233 Celsius", [("about minus 233 Celsius", -233, "Celsius", "approximate",
                                      "~")]),
        ("the speed of light is approximately 2.998×10−8 meters per second",
         [("approximately 2.998×10−8 meters per second", 2.998e-8, "meters per second",
           "approximate", "~")]),
        ("a 570 sq m space", [("570 sq m", 570, "sq m", "exact", "=")]),
        ("demand for sub-300 sq m offices", [("300 sq m", 300, "sq m", "at_most", "<")]),
        ("Maddon, 66, has used the downtime", [("66", 66, "years old", "exact", "=")]),
        ("Abdurahman and Farah, both 19, were held", [("19", 19, "years old", "exact", "=")]),
        ("for about eight or nine euros", [("about eight", 8, "EUR", "approximate", "~"),
                                           ("nine euros", 9, "EUR", "approximate", "~")]),
        ("dropping from 208 pounds to 193 by exercising",
         [("208 pounds", 208, "lb", "exact", "="), ("193", 193, "lb", "exact", "=")]),
        ("a fine of 200 pounds", [("200 pounds", 200, "GBP", "exact", "=")]),
        ("peaked at more than $52 a barrel in October",
         [("more than $52 a barrel", 52, "USD per barrel", "at_least", ">")]),
        ("Two of Johnson’s deputies were fired",
         [("Two of Johnson’s deputies", 2, "Johnson deputies", "exact", "=")]),
        # a partitive's whole past an owner: not "the firm", "the state"
        ("it monitors 20,000 of Saudi Arabia's 70,000 mosques",
         [("20,000 of Saudi Arabia's 70,000 mosques", 20000, "mosques", "exact", "="),
          ("70,000 mosques", 70000, "mosques", "exact", "=")]),
        ("two of the firm's five directors resigned",
         [("two of the firm's five directors", 2, "directors", "exact", "="),
          ("five directors", 5, "directors", "exact", "=")]),
        ("He won all 66 of the state’s delegates.",
         [("66 of the state’s delegates", 66, "delegates", "exact", "=")]),
        ("It won 49 out of the 54 seats",
         [("49", 49, "seats", "exact", "="), ("54 seats", 54, "seats", "exact", "=")]),
        # a share of a whole past its owner or its number; a share restated is exact
        ("half of the state’s abortion clinics closed",
         [("half of the state’s abortion clinics", 0.5, "abortion clinics", "exact", "=")]),
        ("nearly half of all workers",
         [("nearly half of all workers", 0.5, "workers", "approximate", "~")]),
        ("less than half of the 18 million viewers",
         [("less than half of the 18 million viewers", 0.5, "viewers", "at_most", "<"),
          ("18 million viewers", 18e6, "viewers", "exact", "=")]),
        ("less than a third of Trump’s delegates",
         [("less than a third of Trump’s delegates", 1 / 3, "Trump’s delegates", "at_most", "<")]),
        # a bound after the number: what it counts, and an age bound of people
        ("companies with 1,000 or more employees",
         [("1,000 or more employees", 1000, "employees", "at_least", "=")]),
        ("among voters 45 and older.", [("45 and older", 45, "years old", "at_least", "=")]),
        ("among adults 65 and over", [("65 and over", 65, "years old", "at_least", "=")]),
        ("for children 12 and under", [("12 and under", 12, "years old", "at_most", "=")]),
        ("taking 18 of 25 slots", [("18 of 25 slots", 18, "slots", "exact", "="),
                                   ("25 slots", 25, "slots", "exact", "=")]),
        ("Ted Cruz has 370 delegates, Kasich has 129 and Rubio left",
         [("370 delegates", 370, "delegates", "exact", "="),
          ("129", 129, "delegates", "exact", "=")]),
        ("Nearly eight of 10 voters say so",
         [("Nearly eight of 10 voters", 80, "% of voters", "approximate", "~")]),
        ("with roughly two-dozen states left", [("roughly two-dozen states", 24, "states",
                                                 "approximate", "~")]),
        ("the two nations each massing troops", [("two nations", 2, "nations", "exact", "=")]),
        ("100 people each year", [("100 people each year", 100, "people per year", "exact",
                                   "=")]),
        ("in at least four Super Tuesday states", [("at least four Super Tuesday states", 4,
                                                    "Super Tuesday states", "at_least", ">")]),
        ("two television series", [("two television series", 2, "television series", "exact",
                                    "=")]),
        # a people's name in -is is a plural: not "crisis", nor a name like "Davis"
        ("More than 100 Iraqis were killed", [("More than 100 Iraqis", 100, "Iraqis", "at_least",
                                              ">")]),
        ("two Israelis and 3,000 Saudis", [("two Israelis", 2, "Israelis", "exact", "="),
                                           ("3,000 Saudis", 3000, "Saudis", "exact", "=")]),
        ("100 Chinese were killed and 30 Japanese died",
         [("100 Chinese", 100, "Chinese", "exact", "="), ("30 Japanese", 30, "Japanese", "exact",
                                                          "=")]),
        ("a venue for some 250,000 or so Iowans — a",
         [("some 250,000 or so Iowans", 2.5e5, "Iowans", "approximate", "~")]),
        ("João Silva, 62 Silva, a husband", [("62", 62, "years old", "exact", "=")]),
        ("the first weekly loss for the S.&P. 500 after four weeks",
         [("four weeks", 4, "weeks", "exact", "=")]),
        # days of a month are dates, said as a range too
        ("It takes place from 19 to 22 July.", []),
        ("The poll was conducted Nov. 6 to 10 on cellphones", []),
        ("from 40 percent on July 14 to 46 percent on August 1",
         [("40 percent", 40, "%", "exact", "="), ("46 percent", 46, "%", "exact", "=")]),
        ("control of Uranium One in three separate transactions",
         [("three separate transactions", 3, "separate transactions", "exact", "=")]),
        ("£92.50 per megawatt-hour", [("£92.50 per megawatt-hour", 92.5, "GBP per megawatt-hour",
                                       "exact", "=")]),
        # a rate's denominator however written: spaced, a symbol in capitals, a scaled unit
        ("42.5 euros per megawatt hour", [("42.5 euros per megawatt hour", 42.5,
                                           "EUR per megawatt hour", "exact", "=")]),
        ("gas at €40/MWh", [("€40/MWh", 40, "EUR per MWh", "exact", "=")]),
        ("LNG at $16.20 per million British thermal units",
         [("$16.20 per million British thermal units", 16.2,
           "USD per million British thermal units", "exact", "=")]),
        ("12 deaths per million Americans", [("12 deaths per million", 12, "deaths per million",
                                              "exact", "=")]),
        # a measure's adjectives are no part of its unit; a counted noun's are
        ("fell for three straight weeks", [("three straight weeks", 3, "weeks", "exact", "=")]),
        ("shipped 5 metric tons", [("5 metric tons", 5, "metric tons", "exact", "=")]),
        ("a dose of 200,000 IU", [("200,000 IU", 2e5, "IU", "exact", "=")]),
        ("children aged 9 months to 4 years", [("9 months", 9, "months old", "exact", "="),
                                               ("4 years", 4, "years old", "exact", "=")]),
        ("a two-pronged strategy", [("two-pronged", 2, "prongs", "exact", "=")]),
        ("a three-legged stool", [("three-legged", 3, "legs", "exact", "=")]),
        # a list of numbers before the one that names the noun
        ("not admitting 100,000, 200,000 or 250,000 refugees",
         [("100,000", 1e5, "refugees", "exact", "="), ("200,000", 2e5, "refugees", "exact", "="),
          ("250,000 refugees", 2.5e5, "refugees", "exact", "=")]),
        ("they waited three, four and even five hours",
         [("three", 3, "hours", "exact", "="), ("four", 4, "hours", "exact", "="),
          ("five hours", 5, "hours", "exact", "=")]),
        # the noun said once, the preposition after each number
        ("cast 42 votes for Trump, 18 for Cruz and 16 for Rubio",
         [("42 votes", 42, "votes", "exact", "="), ("18", 18, "votes", "exact", "="),
          ("16", 16, "votes", "exact", "=")]),
        ("nine people were killed and 21 were wounded",
         [("nine people", 9, "people", "exact", "="), ("21", 21, "people", "exact", "=")]),
        ("The attack left 14 people dead and more than 20 wounded.",
         [("14 people", 14, "people", "exact", "="),
          ("more than 20", 20, "people", "at_least", ">")]),
        # each number the subject of its own verb in the past; not a verb it may not be
        ("In 2013, 158 courses closed and just 14 opened; 30 staff quit and 12 stay.",
         [("158 courses", 158, "courses", "exact", "="), ("14", 14, "courses", "exact", "="),
          ("30 staff", 30, "staff", "exact", "="), ("12", 12, None, "exact", "=")]),
        ("He scored 5, while 6 or 7 people watched",
         [("5", 5, None, "exact", "="), ("6", 6, "people", "exact", "="),
          ("7 people", 7, "people", "exact", "=")]),
        # "one of" after "about", "over", "at least" is no count, as a lone "one of the" is not
        ("a lot of talk about one of our candidates", []),
        ("as he labored over one of the last addresses", []),
        # how many "several", "a few" and "a couple of" a scale say: ranges, as "hundreds of"
        ("Several hundred demonstrators marched",
         [("Several hundred demonstrators", 300, "demonstrators", "range", "=")]),
        ("from a few thousand applicants",
         [("a few thousand applicants", 3000, "applicants", "range", "=")]),
        ("a few hundred thousand people",
         [("a few hundred thousand people", 3e5, "people", "range", "=")]),
        ("a couple of billion dollars",
         [("a couple of billion dollars", 2e9, "USD", "range", "=")]),
        ("almost half of her support (44 percent) comes from",
         [("almost half of her support", 0.5, "support", "approximate", "~"),
          ("44 percent", 44, "%", "exact", "=")]),
        ("moths can fly more than 100 kilometers (60 miles).",
         [("more than 100 kilometers", 100, "kilometers", "at_least", ">"),
          ("60 miles", 60, "miles", "at_least", ">")]),
        ("The Dow lost 190 points, or 0.6%.", [("190 points", 190, "points", "exact", "down"),
                                              ("0.6%", 0.6, "%", "exact", "down")]),
        ("sales rose 60% in 2018 to 3.9 million headsets",
         [("60%", 60, "%", "exact", "up"), ("3.9 million headsets", 3.9e6, "headsets", "exact",
                                            "=")]),
        ("the TA-125 climbed 0.1% to 1,333.18", [("0.1%", 0.1, "%", "exact", "up"),
                                                  ("1,333.18", 1333.18, None, "exact", "=")]),
        ("expected to grow sales by 35 per cent", [("35 per cent", 35, "%", "exact", "up")]),
        ("the number soared by a staggering 71 per cent",
         [("71 per cent", 71, "%", "exact", "up")]),
        ("wages increased by an average of 6.2%", [("6.2%", 6.2, "%", "exact", "up")]),
        ("the deficit widened 5%", [("5%", 5, "%", "exact", "up")]),
        ("the economy contracted 0.4%", [("0.4%", 0.4, "%", "exact", "down")]),
        ("she raised $5 million", [("$5 million", 5e6, "USD", "exact", "=")]),
        ("with four-, five- and six-cylinder engines",
         [("four-", 4, "cylinders", "exact", "="), ("five-", 5, "cylinders", "exact", "="),
          ("six-cylinder", 6, "cylinders", "exact", "=")]),
        ("As many as 14 first-team players left",
         [("As many as 14 first-team players", 14, "first-team players", "at_most", "<")]),
        ("almost half of which are in California", [("almost half", 0.5, None, "approximate",
                                                      "~")]),
        ("it is reckoned to have 35m of its Echo devices installed",
         [("35m of its Echo devices", 3.5e7, "Echo devices", "exact", "=")]),
        ("68400 people and 95800 who have been unemployed",
         [("68400 people", 68400, "people", "exact", "="), ("95800", 95800, "people", "exact",
                                                              "=")]),
    ],
)
def test_figures_in_context(text: str, expected: list) -> None:
    assert figs(text) == expected


def test_ranges_and_vague_plurals() -> None:
    (f,) = extract_figures("He was traveling at a speed of 15-22 miles per hour.")
    assert (f.low, f.high, f.unit, f.qualifier) == (15, 22, "miles per hour", "range")
    (f,) = extract_figures("expect 5% to 10% improvement")
    assert (f.low, f.high, f.unit) == (5, 10, "%")
    (f,) = extract_figures("to announce thousands of job cuts")
    assert (f.low, f.high, f.unit) == (1000, 10000, "job cuts")
    (f,) = extract_figures("a few hundred thousand people")
    assert (f.low, f.high, f.unit) == (3e5, 5e5, "people")
    (f,) = extract_figures("Several hundred demonstrators")
    assert (f.low, f.high) == (300, 900)
    (f,) = extract_figures("consume about 2000 - 2500 Calories a day")
    assert (f.low, f.high, f.change) == (2000, 2500, "~")


@pytest.mark.parametrize(
    "text",
    [
        "in the late 70s and early 1980s",
        "the first half of the year",
        "It ended 2-2 after extra time",
        "in 2018's first quarter",
        "under clause 5.6 of the port's lease",
    ],
)
def test_more_things_that_are_not_figures(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(
    ("unit", "name"),
    [
        ("Australian dollars", "australian dollar"), ("Danish crowns", "danish krone"),
        ("kV/cm", "kilovolt per centimetre"), ("A/cm2", "ampere per square centimetre"),
        ("lb-ft", "foot pound-force"), ("tonnes", "metric ton"), ("millimeter", "millimetre"),
        ("microns", "micrometre"), ("gms", "gram"),
        ("first-team players", "first-team player"), ("sq m", "square metre"),
        ("square miles", "square mile"), ("years old", "year of age"), ("times", "count"),
        ("degrees Fahrenheit", "fahrenheit"), ("US dollars", "dollar"),
        ("percentage-point", "percentage point"),
        # plurals the spelling rules get wrong, learned from CoreNLP's lemmas of news
        ("caucuses", "caucus"), ("crises", "crisis"), ("lives", "life"), ("movies", "movie"),
        ("military bases", "military base"), ("olives", "olive"),
        ("Russian roubles", "russian ruble"), ("Italian lire", "italian lira"),
        ("Lebanese lire", "lebanese lira"),
        # a power of a length, in words or symbols, spelled either way
        ("square centimeters", "square centimetre"), ("cubic millimeters", "cubic millimetre"),
        ("mi²", "square mile"), ("yd2", "square yard"), ("mm3", "cubic millimetre"),
        ("km³", "cubic kilometre"), ("sqft", "square foot"), ("yr", "year"), ("wks", "week"),
    ],
)
def test_canonical_unit_names(unit: str, name: str) -> None:
    assert canonical_unit(unit) == name
    assert canonical_unit(name) == name  # a name's name is itself
    assert (canonical_unit("Iraqis"), canonical_unit("crisis"), canonical_unit("Davis")) == \
        ("iraqi", "crisis", "davis")


def test_every_unit_name_is_its_own_name() -> None:
    # a model that answers with a canonical name ("year of age", "pound sterling") must not be
    # read as another unit ("year age", "pound pound sterling") and flagged as a mismatch
    from summarize.analysers.figures.words import UNIT_NAMES

    names = {*UNIT_NAMES.values(), "pound sterling", "year of age", "inch of mercury",
             "latvian lats", "stokes"}
    assert {n: canonical_unit(n) for n in names if canonical_unit(n) != n} == {}
    assert all(canonical_unit(canonical_unit(u)) == canonical_unit(u) for u in UNIT_NAMES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cut its forecast to between $US40 million and $US45 million",
         [("between $US40 million and $US45 million", 4e7, "USD", "range", "=")]),
        ("a loss of Y=250 million", [("Y=250 million", 2.5e8, "JPY", "exact", "=")]),
        ("a ferry ticket at 80 kn", [("80 kn", 80, "kn", "exact", "=")]),
        # a unit left out of a parallel clause, or after "including"
        ("Exports grew by 4 percent while imports grew by 2.",
         [("4 percent", 4, "%", "exact", "up"), ("2", 2, "%", "exact", "up")]),
        ("The small box holds 6 eggs while the large one holds 12.",
         [("6 eggs", 6, "eggs", "exact", "="), ("12", 12, "eggs", "exact", "=")]),
        ("About 3 million voters, including 400,000 in the capital, stayed home",
         [("About 3 million voters", 3e6, "voters", "approximate", "~"),
          ("400,000", 4e5, "voters", "exact", "=")]),
        # the noun left out after "and", before a place or a time
        ("The firm employs 5,000 people in France and 2,000 in Germany.",
         [("5,000 people", 5000, "people", "exact", "="), ("2,000", 2000, "people", "exact", "=")]),
        # an index level, in a sentence that counts index points
        ("The index lost 45.2 points to close at 8,312.50.",
         [("45.2 points", 45.2, "points", "exact", "down"),
          ("8,312.50", 8312.5, "points", "exact", "=")]),
        ("Tokyo Stock Exchange (23010.5 up 12.2 points)",
         [("23010.5", 23010.5, "points", "exact", "="),
          ("12.2 points", 12.2, "points", "exact", "up")]),
        # shares, and what the number counts past its modifiers
        ("Half the apartments have sold", [("Half the apartments", 0.5, "apartments", "exact",
                                            "=")]),
        ("a third of those tested were ill", [("a third", 1 / 3, None, "exact", "=")]),
        ("It sold 4 million printed and digital copies",
         [("4 million printed and digital copies", 4e6, "printed and digital copies",
           "exact", "=")]),
        ("found in 300 types of cells", [("300 types of cells", 300, "types of cells", "exact",
                                          "=")]),
        ("shipping two million 330ml cans of soda",
         [("two million 330ml cans", 2e6, "cans", "exact", "="),
          ("330ml", 330, "ml", "exact", "=")]),
        ("a 4 billion rand (US$220 million) a year industry",
         [("4 billion rand", 4e9, "rand per year", "exact", "="),
          ("US$220 million", 2.2e8, "USD", "exact", "=")]),
        ("54GB of 5G data", [("54GB", 54, "GB", "exact", "="), ("5G", 5, "G", "exact", "=")]),
        ("add 5g of sugar", [("5g", 5, "g", "exact", "=")]),
        ("the Nasdaq 1.2% higher", [("1.2%", 1.2, "%", "exact", "=")]),
        ("a 5 speed gearbox", [("5 speed", 5, "speed", "exact", "=")]),
        ("women aged 18 to 34 who vote", [("18 to 34", 18, "years old", "range", "=")]),
        ("who would have been 13 at the time.", [("13", 13, "years old", "exact", "=")]),
        ("with Ann Lee, 15, and Mia Khan, 16. Then", [("15", 15, "years old", "exact", "="),
                                                     ("16", 16, "years old", "exact", "=")]),
        ("despite growing up more than 100 miles away",
         [("more than 100 miles", 100, "miles", "at_least", ">")]),  # not a rise
        ("a climb of a 1,000m in altitude", [("1,000m", 1000, "m", "exact", "=")]),
        ("a £1,000m deal", [("£1,000m", 1e9, "GBP", "exact", "=")]),
        # a length in feet beside it in brackets: metres, not millions; money stays money
        ("the 1.2m (4ft) crocodile", [("1.2m", 1.2, "m", "exact", "="),
                                      ("4ft", 4, "ft", "exact", "=")]),
        ("a 4ft (1.2m) crocodile", [("4ft", 4, "ft", "exact", "="),
                                    ("1.2m", 1.2, "m", "exact", "=")]),
        ("it cost £1.2m ($1.5m)", [("£1.2m", 1.2e6, "GBP", "exact", "="),
                                   ("$1.5m", 1.5e6, "USD", "exact", "=")]),
        ("a 2m (6ft 6in) wall", [("2m", 2, "m", "exact", "="), ("6ft", 6, "ft", "exact", "="),
                                 ("6in", 6, "in", "exact", "=")]),
        # a number word that opens a quotation or a list item starts a sentence, not a name
        ("he added. ''Six months ago we weren't there.''", [("Six months", 6, "months", "exact",
                                                             "=")]),
        ("He said, 'Eight years, no progress.'", [("Eight years", 8, "years", "exact", "=")]),
        ("The evidence:\n\n— Nine months of polls", [("Nine months", 9, "months", "exact",
                                                         "=")]),
        ("Page Six said so", []),
        # a height in feet and inches, however its marks are typed
        ("he is 6’2”, she is 5'11\"", [("6’", 6, "ft", "exact", "="), ("2”", 2, "in", "exact", "="),
                                       ("5'", 5, "ft", "exact", "="),
                                       ('11"', 11, "in", "exact", "=")]),
        # "-odd" says about as many of what follows; "-something" after a decade says an age
        # in that decade (voters in their forties), after another number about as many
        ("some 20-odd people and 40-something voters, 25-something bikes",
         [("some 20-odd people", 20, "people", "approximate", "~"),
          ("40-something", 40, "years old", "approximate", "~"),
          ("25-something bikes", 25, "bikes", "approximate", "~")]),
        # a rate written with a slash; square feet written glued
        ("$3.99/gallon for a 2,000sq ft home", [("$3.99/gallon", 3.99, "USD per gallon", "exact",
                                                 "="),
                                                ("2,000sq ft", 2000, "sq ft", "exact", "=")]),
        ("2 girls/boys", [("2 girls", 2, "girls", "exact", "=")]),  # "or", not a rate
        # a poll's margin of error is no negative number; a race over "100m" is in metres
        ("plus or minus 3.4 percentage points", [("minus 3.4 percentage points", 3.4, "%",
                                                  "exact", "=")]),
        ("he ran 100m in 9.58 seconds", [("100m", 100, "m", "exact", "="),
                                         ("9.58 seconds", 9.58, "seconds", "exact", "=")]),
        ("she swam the 100m fly in a 50m pool", [("100m", 100, "m", "exact", "="),
                                                 ("50m", 50, "m", "exact", "=")]),
        ("a 50m pool of cash", [("50m pool", 5e7, "pool", "exact", "=")]),
        # a range of metres is metres too; a range of millions stays millions
        ("trees 15–25 m tall with a trunk 0.5–1 m in diameter",
         [("15–25 m", 15, "m", "range", "="), ("0.5–1 m", 0.5, "m", "range", "=")]),
        ("Views rose 4-5m.", [("4-5m", 4e6, None, "range", "up")]),
        # a share written with hyphens; a chance is a percentage, not a share "of chance"
        ("Three-in-five insiders see a one-in-four chance",
         [("Three-in-five insiders", 60, "% of insiders", "exact", "="),
          ("one-in-four", 25, "%", "exact", "=")]),
        # every age of a list after "aged", and a range after "aged between"
        ("men aged 19, 20 and 25", [("19", 19, "years old", "exact", "="),
                                    ("20", 20, "years old", "exact", "="),
                                    ("25", 25, "years old", "exact", "=")]),
        ("aged between 35 and 45", [("between 35 and 45", 35, "years old", "range", "=")]),
        # points written as an adjective, and the Fed's quarter-point
        ("a 2-percentage-point lead, a 25-basis-point cut, a quarter-point hike",
         [("2-percentage-point", 2, "percentage point", "exact", "="),
          ("25-basis-point", 25, "basis point", "exact", "="),
          ("quarter-point", 0.25, "point", "exact", "=")]),
        # a headline's capital after the hyphen; the last name of a team sheet is no figure
        ("Rubio's Same Old 25-Second Speech", [("25-Second", 25, "seconds", "exact", "=")]),
        ("Georgia: 22-Beka Tsiklauri, 23-Shalva Sutiashvili", []),
        # a measure after a hyphen is no product name: "United States 10-year"
        ("the United States 10-year note", [("10-year", 10, "years", "exact", "=")]),
        # "half a" a unit of measure is half of it; "half a chance" is no figure
        ("about half a mile offshore, half an hour later",
         [("about half a mile", 0.5, "mile", "approximate", "~"),
          ("half an hour", 0.5, "hour", "exact", "=")]),
        ("rates rose by half a percentage point", [("half a percentage point", 0.5,
                                                    "percentage point", "exact", "up")]),
        ("He had half a chance, half a world away.", []),
        ("an hour and a half later, a million and a half people",
         [("an hour and a half", 1.5, "hour", "exact", "="),
          ("a million and a half people", 1.5e6, "people", "exact", "=")]),
        ("It was a fight and a half.", []),
        # a symbol written as an adjective takes no plural "s"
        ("a 5-km race and a 10-ft wall", [("5-km", 5, "km", "exact", "="),
                                          ("10-ft", 10, "ft", "exact", "=")]),
        # a symbol with an SI prefix after a hyphen, cased as written
        ("a 100-kWh pack for a 500-MW plant", [("100-kWh", 100, "kWh", "exact", "="),
                                               ("500-MW", 500, "MW", "exact", "=")]),
        # the wires' singular dollar before a noun: not a phrase up to "carries a coupon"
        ("The 200 mln dlr bond carries a coupon of 8 pct.",
         [("200 mln dlr", 2e8, "USD", "exact", "="), ("8 pct", 8, "%", "exact", "=")]),
        # below zero, the scale after it; "below" alone where it is cold, not below a par
        ("It fell to 5 below zero Fahrenheit.", [("5 below zero", -5, "°F", "exact", "=")]),
        ("Wind chills of 30 below are expected; he shot 5 below par.",
         [("30 below", -30, "degrees", "exact", "="), ("5", 5, None, "exact", "=")]),
        # stones glued to a weight, where no ordinal ends so
        ("He weighs 13st 5lb, in the 21st year of his career.",
         [("13st", 13, "st", "exact", "="), ("5lb", 5, "lb", "exact", "=")]),
        # a scale of temperature said once, not for an angle
        ("It was 95 degrees Fahrenheit on Monday and on Tuesday it hit 101 degrees.",
         [("95 degrees Fahrenheit", 95, "degrees Fahrenheit", "exact", "="),
          ("101 degrees", 101, "°F", "exact", "=")]),
        ("Highs of 30C are forecast; the wind will turn 90 degrees.",
         [("30C", 30, "°C", "exact", "="), ("90 degrees", 90, "degrees", "exact", "=")]),
        # ... or paired with the temperature after it (a sentence of our own)
        ("It thaws between 0° and -2°C (32° and 28°F); it turned 90° and 45°C.",
         [("0°", 0, "°C", "exact", "="), ("-2°C", -2, "°C", "exact", "="),
          ("32°", 32, "°F", "exact", "="), ("28°F", 28, "°F", "exact", "="),
          ("90°", 90, "°", "exact", "="), ("45°C", 45, "°C", "exact", "=")]),
        ("He was 45 and she was 42.", [("45", 45, "years old", "exact", "="),
                                       ("42", 42, "years old", "exact", "=")]),
        # the verb left out too: the change carries over
        ("Prices rose by 3% in 2022 and by 5 in 2023.", [("3%", 3, "%", "exact", "up"),
                                                         ("5", 5, "%", "exact", "up")]),
        ("About 2 million 500-page books were printed",
         [("About 2 million 500-page books", 2e6, "books", "approximate", "~"),
          ("500-page", 500, "pages", "exact", "=")]),
        ("Apple sold 50 million iPhones", [("50 million iPhones", 5e7, "iPhones", "exact",
                                             "=")]),
        ("Nearly two-thirds of voters agree", [("Nearly two-thirds of voters", 2 / 3, "voters",
                                                "approximate", "~")]),
        ("its value fell by a third to $20 billion", [("a third", 1 / 3, None, "exact", "down"),
                                                      ("$20 billion", 2e10, "USD", "exact", "=")]),
        ("They cut costs by a fifth", [("a fifth", 0.2, None, "exact", "down")]),
        ("It may cut the risk by as much as a fifth.", [("as much as a fifth", 0.2, None,
                                                          "at_most", "down")]),
        ("Output rose by up to a third.", [("up to a third", 1 / 3, None, "at_most", "up")]),
        # what a group is so strong in: "a force of 2,000"
        ("The 2,000-strong force", [("2,000-strong force", 2000, "force", "exact", "=")]),
        ("The crowd was 2,000-strong.", [("2,000-strong", 2000, "strong", "exact", "=")]),
        ("when six people's lives change", [("six people", 6, "people", "exact", "=")]),
        # fractions in digits; a movement "by X to Y" is two figures, not a range
        ("They lived in camps for 2 1/2 years", [("2 1/2 years", 2.5, "years", "exact", "=")]),
        ("notes paying 12 3/4%", [("12 3/4%", 12.75, "%", "exact", "=")]),
        ("Intel surged 4 5/8 to 112 5/8;", [("4 5/8", 4.625, None, "exact", "up"),
                                            ("112 5/8", 112.625, None, "exact", "=")]),
        ("It took eight trading days", [("eight trading days", 8, "trading days", "exact", "=")]),
        ("The stock fell 7/8 Thursday amid concerns", [("7/8", 0.875, None, "exact", "down")]),
        ("more than 200 people, including 12 Americans. It",
         [("more than 200 people", 200, "people", "at_least", ">"),
          ("12 Americans", 12, "Americans", "exact", "=")]),
        ("40 Democrats voted", [("40 Democrats", 40, "Democrats", "exact", "=")]),
        ("while only 19 support Sanders.", [("19", 19, None, "exact", "=")]),  # a verb
        ("in a 12 person Republican primary", [("12 person", 12, "person", "exact", "=")]),
        ("One in five Americans owns a gun.",  # a verb after the plural, not a rate "per gun"
         [("One in five Americans", 20, "% of Americans", "exact", "=")]),
        ("owns 1,534,600 Dataproducts common shares",
         [("1,534,600 Dataproducts common shares", 1534600, "Dataproducts common shares",
           "exact", "=")]),
        ("Weisfield's rocketed 9 1/2 to 39 after", [("9 1/2", 9.5, None, "exact", "up"),
                                                   ("39", 39, None, "exact", "=")]),
        ("between eight and 12 running at Aintree",
         [("between eight and 12", 8, None, "range", "=")]),  # "running" is not counted
    ],
)
def test_units_from_context(text: str, expected: list) -> None:
    assert figs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the firm, founded in 2009 as a start-up, grew",
        "The film, released in 2015 was a hit",
        "S&P 500 futures were flat and the FTSE 100 drifted",
        "homes in the 10001 zip code",
        "the talks ended at 1530 GMT on Monday",
        "built between A.D. 900 and 1150",
        "she told Page Six, and watched the Six Nations",  # number words in names
        "the horse won at 40/1, open 24/7, at the 9/11 memorial",  # odds and the like
        "In nineteen ninety-one Charles Keating was convicted",  # a year said aloud; a name
    ],
)
def test_names_codes_times_and_eras_are_not_figures(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(
    ("unit", "name"),
    [
        ("kn", "croatian kuna"), ("JPY", "japanese yen"), ("G", "generation wireless"),
        ("g", "gram"), ("types of cells", "type cell"),
        ("printed and digital copies", "digital copy"), ("recorded songs", "song"),
        ("speed", "speed"),
    ],
)
def test_canonical_noun_phrases_and_codes(unit: str, name: str) -> None:
    assert canonical_unit(unit) == name


# ----------------------------------------------------------------------------- unit senses


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # sentences of our own: the fitted sense model reads the context around the figure
        ("The champion boxer weighs 160 pounds, and his trainer wants him lighter.", "lb"),
        ("The bank charged her 40 pounds for the overdraft on her account.", "GBP"),
        ("In a Beijing market a kilo of rice costs ¥12.", "CNY"),
        ("In a Tokyo convenience store a rice ball costs ¥150.", "JPY"),
        ("The frigate can sail at 30 kn in heavy seas.", "knots"),
        ("The patrol boat reached a speed of 9 kt in rough seas.", "knots"),
        ("The warhead tested in the desert had a yield of 20 kt.", "kt"),
        ("House prices rose 4pc in the year to March.", "%"),
        ("The galaxy is about 400 pc away from Earth.", "parsecs"),
        ("Temperatures in Seville reached 44C on Sunday, forecasters said.", "°C"),
        ("The vending machine wants 75 c for a can of soda.", "cents"),
        # a "p" apart from its number: a penny where money is spoken of, else a point
        ("A first-class stamp now costs 58 p at the post office.", "pence"),
        ("The index closed up 200 p on Friday.", "p"),
        # "of" and what is weighed after the figure; not money
        ("Police seized 50 pounds of cocaine.", "lb"),
        ("The council spent 50 million pounds of taxpayers' money.", "GBP"),
        ("The government pledged 20 million pounds of new funding.", "GBP"),
        # no context word the model has seen: the scanner's own reading stands
        ("a fine of 200 pounds", "GBP"),
    ],
)
def test_ambiguous_units_are_read_by_the_fitted_sense_model(text: str, unit: str) -> None:
    # (a measure said with "a" is a figure of its own: "a kilo of rice")
    assert [f.unit for f in extract_figures(text) if not f.text.startswith("a ")] == [unit]


def test_sense_model_can_be_left_out() -> None:
    text = "A bowl of noodles in Beijing costs ¥35."
    assert [f.unit for f in extract_figures(text)] == ["CNY"]
    assert [f.unit for f in extract_figures(text, senses=False)] == ["JPY"]


def test_a_capital_glued_to_its_number_is_read_among_the_senses_it_takes() -> None:
    # no glued capital "C" of the fitting sentences is a cent, whatever the words around it
    assert [f.unit for f in extract_figures("limit warming to 2C above pre-industrial levels; "
                                            "apples sell for 50c each")] == ["°C", "cents"]
    # with no telling word around it, the form's most frequent sense
    assert [f.unit for f in extract_figures("It was 40C.")] == ["°C"]


def _rebuilt_and_shipped(tmp_path: Path, only: str, name: str) -> tuple[Any, Any]:
    """``python -m summarize.analysers.train --only ONLY`` into ``tmp_path``: its NAME, and the
    package's."""
    from summarize.analysers.train import main

    assert main(["--data", str(TRAIN), "--out", str(tmp_path), "--only", only]) == 0
    return (json.loads((tmp_path / name).read_text(encoding="utf-8")),
            json.loads((MODELS / name).read_text(encoding="utf-8")))


@pytest.mark.skipif(not (TRAIN / "units-cqe-sentences.jsonl").is_file(),
                    reason="../shared/train is not beside the project")
def test_training_command_rebuilds_the_sense_model(tmp_path: Path) -> None:
    rebuilt, shipped = _rebuilt_and_shipped(tmp_path, "units", "unit-senses.json")
    assert rebuilt["senses"] == shipped["senses"] and rebuilt["alpha"] == shipped["alpha"]
    assert rebuilt["forms"] == shipped["forms"]
    # the model beats the scanner's own reading on every surface it was fitted for
    for row in rebuilt["cv_accuracy"].values():
        assert row["model"] > row["scanner"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # sentences of our own: how each country's news writes its money
        ("Fares rose to R18.00 a litre; the plan costs R1.5bn, a house R750,000.",
         [(18.0, "south african rand per litre"), (1.5e9, "south african rand"),
          (750000.0, "south african rand")]),
        ("A N500 billion budget, KSh 2,000 a month, Tk 500 crore, RMB 300, Rp500,000",
         [(5e11, "nigerian naira"), (2000.0, "kenyan shilling per month"),
          (5e9, "bangladeshi taka"), (300.0, "chinese yuan"), (500000.0, "indonesian rupiah")]),
        ("Dh500 in Dubai, GH¢20 in Accra, E£50 in Cairo, Mex$90 in Puebla",
         [(500.0, "united arab emirates dirham"), (20.0, "ghanaian cedi"),
          (50.0, "egyptian pound"), (90.0, "mexican peso")]),
        ("Aus$5 in Sydney, Can$5 million in Ottawa, Cdn$ 7 in Toronto",
         [(5.0, "australian dollar"), (5e6, "canadian dollar"), (7.0, "canadian dollar")]),
        # a code before the dollar sign says whose dollar (or peso) it is
        ("Fares are MXN $2.50 in Mexico City, AUD $4 in Sydney and usd $3 in Miami.",
         [(2.5, "mexican peso"), (4.0, "australian dollar"), (3.0, "dollar")]),
        ("The LLC $5 fee", [(5.0, "dollar")]),
        # ... and a code after the number; the lira's sign as English text uses it, for pounds
        ("It sold for $274 million CAD; the toll is ₤5.40.",
         [(2.74e8, "canadian dollar"), (5.4, "pound sterling")]),
        ("He paid $5 AND left.", [(5.0, "dollar")]),
        # a letter before a number that is not plainly money stays what it was
        ("N95 masks on the R2 road, and 12 points in R3", [(12.0, "point")]),
    ],
)
def test_the_news_own_currency_prefixes(text: str, found: list[tuple[float, str]]) -> None:
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == found


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # sentences of our own: CLDR's names, signs and codes (models/currencies.json)
        ("Tickets cost 15 € at the door and 12 € online.", ["euro", "euro"]),
        ("A taxi ride in Tbilisi costs ₾20, a dinner 45 Georgian laris.",
         ["georgian lari", "georgian lari"]),
        ("The fine was raised to MXN 5,000, or about 280 US dollars.",
         ["mexican peso", "dollar"]),
        ("The ministry set aside 2.5 billion ZAR for the programme.", ["south african rand"]),
        # the codes of currencies the euro and others replaced since 1999
        ("It cost FRF 500 in 1998 and HRK 1,200 in 2020.", ["french franc", "croatian kuna"]),
        ("Nokia agreed to pay 420 million Finnish markka for the cable maker.",
         ["finnish markka"]),
        ("A bowl of noodles in Vientiane is 15,000 kip.", ["laotian kip"]),
        # English as another country writes it, and the country's own nouns
        ("The fine was 3 million Russian roubles, or 500 UK pounds.",
         ["russian ruble", "pound sterling"]),
        ("Rent is 2,000 reais in Rio, 500 Polish złoty in Łódź and 40 Peruvian soles in Lima.",
         ["brazilian real", "polish zloty", "peruvian sol"]),
        # CLDR's signs of letters that read as nothing else
        ("Fares rose to Ksh 500, or 16 zł in Warsaw and NIS 12 in Haifa.",
         ["kenyan shilling", "polish zloty", "israeli new shekel"]),
        ("A 5 Ft wall, 60 Kg. of rice, a ƒ/2.8 lens", ["foot", "kilogram"]),
        ("A stamp costs 50 ¢ today.", ["cent"]),  # a sign after a space
        # a code that is also a common English word is not read as money
        ("TOP 10 albums of the year", ["album"]),
        # the currencies several countries share: codes and signs (CLDR's codes in X)
        ("Bread costs 500 XOF in Dakar, 450 XAF in Douala and EC$3 in Castries.",
         ["west african cfa franc", "central african cfa franc", "east caribbean dollar"]),
        # a sign both CFA francs write names neither; a sign that is another's code its own
        ("It cost 500 FCFA, or 500 ANG.", ["cfa franc", "netherlands antillean guilder"]),
        # a one-currency noun after its country as CLDR does not write it
        ("A meal is 3,000 Kazakh tenge, a taxi 20,000 Lao kip, a beer 30 Botswana pula.",
         ["kazakhstani tenge", "laotian kip", "botswanan pula"]),
        # whose dollar, by the country written before the sign
        ("Canadian $2 billion and Hong Kong $1.5 million, not Texas $500 or $7.",
         ["canadian dollar", "hong kong dollar", "dollar", "dollar"]),
    ],
)
def test_currencies_come_from_cldr(text: str, units: list[str]) -> None:
    assert [canonical_unit(f.unit) for f in extract_figures(text)] == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # sentences of our own: a noun several countries use is the currency of the place named
        ("The French government sold 2 billion francs of bills.", ["french franc"]),
        ("Sweden's Volvo earned 3.4 billion crowns, or 43.50 crowns a share.",
         ["swedish krona", "swedish krona per share"]),
        ("Workers earn 163 pesos a day. Most of them came from Mexico.",  # the text before
         ["peso per day"]),
        ("The plant is in Mexico. Workers earn 163 pesos a day.", ["mexican peso per day"]),
        ("The bank said 3 billion marks left Germany in May.", ["german mark"]),
        # its own sentence before the text before it; the last place named before it
        ("France agreed. The Swiss firm paid 250 million francs.", ["swiss franc"]),
        ("French and Belgian banks lent 4 billion francs.", ["belgian franc"]),
        # no place: the scanner's own reading; a noun that counts notes is not the currency
        ("He paid 40 francs for it.", ["swiss franc"]),
        ("India printed new 500 rupee notes.", ["rupee note"]),
        # a currency noun without a plural "s", before a rate: no verb before its object
        ("It expects to save 900 million kroner a year.", ["kroner per year"]),
        # the dollar and the pound are read alone whatever the place
        ("Canada bought $3 billion of goods and 5 million pounds of beef.",
         ["dollar", "pound-mass"]),
        # the currency the text wrote in full before, over a place named since (had been the
        # Danish crown); a plural currency noun modifies no noun after it
        ("Volvo earned 3,2 billion Swedish crowns, above the 2.9 billion crowns analysts had "
         "expected. It sells cars in Norway and Denmark. It may pay 2,50 kr a share.",
         ["swedish krona", "swedish krona", "swedish krona per share"]),
    ],
)
def test_a_shared_currency_noun_takes_the_place_named(text: str, units: list[str]) -> None:
    assert [canonical_unit(f.unit) for f in extract_figures(text)] == units


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # sentences of our own, from a product's specification
        ("The sofa is 84 in. wide and 38 in deep.", [(84, "inch"), (38, "inch")]),
        ('The box is 12"x8"x4".', [(12, "inch"), (8, "inch"), (4, "inch")]),
        # inches converted in brackets; a length joined to its adjective
        ("The bird is 45 cm (18 in) long; it won (18 in all).",
         [(45, "centimetre"), (18, "inch"), (18, "-")]),
        ("A 3.8 kilometre-long viaduct, a 600 metre-long tunnel and seconds-long talks.",
         [(3.8, "kilometre"), (600, "metre")]),
        # a text without capitals: its "x" stays the dimension's, not a letter X
        ("the rug measures 5'3\" x 7'6\".",
         [(5, "foot"), (3, "inch"), (7, "foot"), (6, "inch")]),
        ("It prints at 1200 dpi on a 458 ppi screen.",
         [(1200, "dot per inch"), (458, "pixel per inch")]),
        ("The won weakened to 850 won per dollar.", [(850, "south korean won")]),
        # a rate of exchange after a bare number is no parallel of the money before it: its
        # currencies are the yen its sentence names and the dollar
        ("It was valued at €12bn, while the yen traded at 151.3 per dollar.",
         [(12e9, "euro"), (151.3, "japanese yen per dollar")]),
        # "in" the preposition stays one
        ("He scored 84 in the final and 3 in a row.", [(84, "-"), (3, "-")]),
    ],
)
def test_a_specification_measures(text: str, found: list[tuple[float, str]]) -> None:
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == found


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The state approved 1,200 crore for roads and a loan of 35 lakh rupees.", [1.2e10, 3.5e6]),
        ("He is eligible for a loan of 12,34,567.89 rupees.", [1234567.89]),
        # India's scales stack: a lakh crore is a trillion, as "a thousand million" is a billion
        ("The budget sets aside Rs 1.5 lakh crore, and two lakh crore rupees more next year.",
         [1.5e12, 2e12]),
        ("A thousand million pounds; Rs 10 thousand crore.", [1e9, 1e11]),
        ("Add ½ teaspoon of salt, then walk 2½ miles.", [0.5, 2.5]),
        # typeset: the fraction slash, and a hyphen before a vulgar fraction (not a range)
        ("Shares rose to $15 1\u20442, and a board is 3-¾ inches thick.", [15.5, 3.75]),
        ("The sea wall is 3m high and the hull 48m long; 1.8m people live there.",
         [3.0, 48.0, 1.8e6]),
        # two lengths side by side, a depth, and where a length is
        ("The 50m x 25m pool, a 3 x 4m tarpaulin and a shaft 10m by 2m.",
         [50.0, 25.0, 3.0, 4.0, 10.0, 2.0]),
        ("Divers reached a depth of about 40m; the deck sits 60m above the river.", [40.0, 60.0]),
        ("The club raised £5m by selling shares and lost 2m customers.", [5e6, 2e6]),
        ("It costs a quarter million dollars, half a million with taxes.", [2.5e5, 5e5]),
    ],
)
def test_indian_scales_vulgar_fractions_and_parts_of_a_million(text: str,
                                                               values: list[float]) -> None:
    assert [f.value for f in extract_figures(text)] == pytest.approx(values)


@pytest.mark.skipif(not (TRAIN / "attributions-polnear-train.jsonl.gz").is_file(),
                    reason="../shared/train is not beside the project")
def test_training_command_rebuilds_the_non_noun_lexicon(tmp_path: Path) -> None:
    rebuilt, shipped = _rebuilt_and_shipped(tmp_path, "non-nouns", "non-nouns.json")
    assert rebuilt == shipped
    assert {"new", "due", "under"} <= set(rebuilt["words"])
    assert not {"troops", "people", "year", "cases"} & set(rebuilt["words"])
    assert {"Sanders", "Texas"} <= set(rebuilt["singular_names"])
    assert not {"Republicans", "Americans"} & set(rebuilt["singular_names"])
    assert rebuilt["plurals"]["caucuses"] == "caucus"
    assert {"wore", "rose"} <= set(rebuilt["verbs"]) and not {"brave", "leads"} & set(
        rebuilt["verbs"])
    assert not {"bases", "politics", "troops", "licenses"} & set(rebuilt["plurals"])


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # sentences of our own: a head that news never uses as a noun is not what is counted
        ("He was one of the 99 due to play on Thursday.", [None]),
        ("He carded a three-under-par 69 on Friday.", [None, None]),
        # nor a preposition before the noun ("above expectations")
        ("The company sold 2 million above expectations.", [None]),
        # nouns, plurals and units stay
        ("They found 12 new cases.", ["new cases"]),
        ("Researchers described two new macaque species.", ["new macaque species"]),
        ("Organisers of two major US festivals said so.", ["major US festivals"]),
        ("We scored three pretty quick tries.", ["pretty quick tries"]),
        ("It is outside the 10 percentage-point margin of error.", ["percentage-point"]),
        ("He signed a 10-year lease.", ["years"]),
    ],
)
def test_a_unit_is_a_noun(text: str, units: list[str | None]) -> None:
    assert [f.unit for f in extract_figures(text)] == units


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # sentences of our own: names inside the noun phrase, not at its start
        ("A poll of 400 registered Latino voters.", [(400, "registered Latino voters")]),
        ("But the two leading Republicans disagree.", [(2, "leading Republicans")]),
        # a name in -s is not a plural ("Sanders" is no more plural than "Texas"), and a word
        # between the number and a name that ends the clause is a verb, not what is counted
        ("Only 19 support Sanders.", [(19, None)]),
        ("Only 19 supporters of Sanders.", [(19, "supporters")]),
        # what a crowd does after its count, a verb: not a count of marches
        ("More than 10,000 march in Paris.", [(10000, None)]),
        ("Some 5,000 rally outside the embassy.", [(5000, None)]),
        ("He led two marches in Paris.", [(2, "marches")]),
        ("Some 12 MPs and 300 CEOs came.", [(12, "MPs"), (300, "CEOs")]),
        # dozens are twelves; "dozens of" counts what follows (a range from 12, as "hundreds of"
        # is from 100: the figure's value is its low end)
        ("Governors in more than two dozen states balked.", [(24, "states")]),
        ("He met two officers and dozens of reporters.", [(2, "officers"), (12, "reporters")]),
        # a part of a whole: both are counted, of what the whole counts
        ("He has won eight of the past nine contests.", [(8, "contests"), (9, "contests")]),
        ("They defend 24 of the 34 Senate seats.", [(24, "Senate seats"), (34, "Senate seats")]),
        # another number ends the phrase
        ("Only 367 Republicans caucused four years ago.", [(367, "Republicans"), (4, "years")]),
        # a name's plural; the head is the first plural of up to five words
        ("Some three million New Yorkers could not vote.", [(3e6, "New Yorkers")]),
        ("More than 50 conservative foreign policy experts signed.",
         [(50, "conservative foreign policy experts")]),
        # a rate is per a noun, not per "a smaller" anything
        ("We won three elections a smaller share, at $12 an hour.",
         [(3, "elections"), (12, "USD per hour")]),
        ("We are giving away 3 USD50 Cards.", [(3, None), (50, "USD")]),
        # a word glued on that is no unit, a day that is no unit (but says an age)
        ("The Queen at 90Her visit, he turns 31 tomorrow.", [(90, None), (31, "years old")]),
        # a noun with no plural of its own before a plural; a measure stays one
        ("Two police officers worked 10 hour shifts.", [(2, "police officers"), (10, "hour")]),
        # a plural before a plural modifies it, not a verb after it nor a noun before a number
        ("It is one of the top 10 arms exporters; 200 plainclothes police officers came.",
         [(1, "arms exporters"), (10, "arms exporters"), (200, "plainclothes police officers")]),
        ("Which of these two sides takes precedence? One in 45 children ages 3 to 17 has it.",
         [(2, "sides"), (100 / 45, "% of children"), (3, "years old")]),
        # a modifier said with each number, the noun once; names joined by "and"
        ("It claimed 104 merchant and 16 military vessels; 5 British and 3 French officials.",
         [(104, "merchant vessels"), (16, "military vessels"), (5, "British officials"),
          (3, "French officials")]),
        ("She won 11 gold, eight silver and three bronze medals in 31 Olympic and Paralympic "
         "sports; 50 Democrats and Republicans voted.",
         [(11, "gold medals"), (8, "silver medals"), (3, "bronze medals"),
          (31, "Olympic and Paralympic sports"), (50, "Democrats")]),
        # "-plus" is a bound, not a unit: the noun phrase after it, if any
        ("Any of the 90-plus smaller parties; an estimated 28,000-plus at a park.",
         [(90, "smaller parties"), (28000, None)]),
        ("A bid at age 78 seems improbable.", [(78, "years old")]),
        # a caption run into its text, the name said again however long it is
        ("They found Carrion-Moore, 23 Carrion-Moore was arrested in February.",
         [(23, "years old")]),
        # an age bound said of people; not of a measure
        ("Men under 35 support him, voters over 65 not, at over 35 degrees.",
         [(35, "years old"), (65, "years old"), (35, "degrees")]),
        # a young age bound too ("children under five who had not received", whose "who" had
        # made it five people), and after "aged"; a measure stays one
        ("87% were children under five who had no vaccine; kids under 2 ride free; children "
         "aged under 5; those over 3 days late.",
         [(87, "%"), (5, "years old"), (2, "years old"), (5, "years old"), (3, "days")]),
        # "to" written with hyphens: a range, or a tally set side by side like a score
        ("A poll of 18-to-34-year-olds; a 5-to-4 decision; a 73-to-25 percent victory.",
         [(18, "years old"), (73, "%"), (25, "%")]),
        # the level a count moved from, its unit said once
        ("1,240 people are in emergency shelters, down from 1,900 on Monday.",
         [(1240, "people"), (1900, "people")]),
        ("It has 40,000 troops under direct command up from 4,650 a year ago.",  # no comma
         [(40000, "troops"), (4650, "troops")]),
        # a difference said right after a count is in its unit; not a percentage's (points)
        ("Villa are on 28 points, four behind Chelsea; Labour won 411 seats, 85 more than it "
         "needed; prices rose 5%, 2 more than expected.",
         [(28, "points"), (4, "points"), (411, "seats"), (85, "seats"), (5, "%"), (2, None)]),
        # the unit left out of a list of parallel clauses, each with its own subject
        ("Ted Cruz has 11 delegates, Marco Rubio has 10, Jeb Bush has 4.",
         [(11, "delegates"), (10, "delegates"), (4, "delegates")]),
        # a verb in the past tense begins no noun phrase a number counts
        ("The mother-of-six wore cheek prosthetics.", [(6, None)]),
        # the next field's label in a list of results is no unit
        ("Highest score: 190 Runs: 8463; the death of four Americans: two diplomats.",
         [(190, None), (8463, None), (4, "Americans"), (2, "diplomats")]),
        ("Mr. Daniloff, now 81 and retired, said so; the index, now 81 points up.",
         [(81, "years old"), (81, "points")]),
        # "aged" is no unit: what follows is an age
        ("Three men were arrested, two aged 29.", [(3, "men"), (2, None), (29, "years old")]),
        # an area written as an adjective
        ("A 5,125-square-foot space in a 1.4-square-mile city, a 15,000 square-foot office.",
         [(5125, "square foot"), (1.4, "square mile"), (15000, "square foot")]),
        # a unit made of a hyphenated word is written in the plural as English writes it
        ("A three-match ban, a 35-foot boat, a five-story block.",
         [(3, "matches"), (35, "feet"), (5, "stories")]),
        ("He was given two years' probation.", [(2, "years")]),
        # two adjectives with a comma between them; not a list of numbers
        ("It made three small, friendly deals and has 4 private, 3 public schools.",
         [(3, "small friendly deals"), (4, None), (3, "public schools")]),
        # a small ratio written with hyphens is no figure (as "3-1" is not); a hyphenated
        # percent is a unit
        ("He won by nearly 3-to-1, past the 15-percent hurdle.", [(15, "%")]),
        # a rising pair before a plural in small letters is a range of a count; a score is
        # followed by one thing, a team, or the tally's votes
        ("They hired 3-4 people after a 3-1 loss, decided by 5-to-4 votes.", [(3, "people")]),
        ("About 10-15 people were hurt; the 10-6 Giants won.", [(10, "people")]),
        # a score with an en dash, the higher first (a range rises: "5–10 people")
        ("An 8–0 victory, a 2–2 draw and 5–10 people hurt.", [(5, "people")]),
        # the first of two hyphened units left hanging makes a range, as "to" alone does; a
        # list ("and") stays two figures
        ("a 10- to 15-minute walk, a 5- to 10-year sentence, a 5- and 10-year plan",
         [(10, "minutes"), (5, "years"), (5, "years"), (10, "years")]),
        # a verb in -s with its object is no plural counted ("looks that" is)
        ("Anyone over 65 gets it free; each of the 12 pays a fee; two looks that sell.",
         [(65, "years old"), (12, None), (2, "looks")]),
    ],
)
def test_noun_phrase_units(text: str, figures: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in extract_figures(text)] == figures


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # sentences of our own: a year before a capitalised name is a date
        ("She won four golds at the 2012 Games in London.", [4.0]),
        ("He led England to the 2005 Ashes.", []),
        # before a plural noun such a number is a year (news writes "2,000 workers")...
        ("All the 2016 candidates agree, as his 2013 amendments did.", []),
        ("A study in 2015 finds that 20 states agree; since 2010 prices rose.", [20.0]),
        # ...unless it is counted, or a unit or a currency follows
        ("The plant employs about 2000 workers.", [2000.0]),
        ("The taxi costs 2000 drams, or 1900 lari.", [2000.0, 1900.0]),
        # an older year after a preposition or a date, unless something is counted
        ("Painted in 1638, it was sold on July 14, 1789 for 300 pounds.", [300.0]),
        ("A force of 1500 troops went from 1000 to 1200 men.", [1500.0, (1000.0, 1200.0)]),
        # ... or a guess at one, or one in brackets, where nothing follows it in the clause
        ("James IV (1488-1513) settled it around 1500.", []),
        # an era is no scale: "B.C." is not billions
        ("A set of c.2550 B.C. and one from 300 B. C. to A.D. 1150; it cost $2b.", [2e9]),
        ("About 1200 were hurt; around 1500 people came.", [1200.0, 1500.0]),
        ("Adults need about 2000 - 2500 Calories a day.", [(2000.0, 2500.0)]),
        # a list's markers are not figures; a number ending a sentence broken across lines is
        ("What will be talked about today:\n\n1. FIREWORKS FLY\n\n2. 40 DIE IN FLOODS", [40.0]),
        ("It all ended in minute\n3. That was it.", [3.0]),
        # markers inside a line, known by the next or the one before; not a value said of
        ("His two wins—1. Welfare reform 2. Two judges. Rosberg 1:35.782 2.\nVettel 3.\nMassa",
         [2.0, 2.0]),
        ("Among men, she is at minus 40. Among women, she is at minus 39.", [-40.0, -39.0]),
        # a ranked list with no marks, each item a number and a name; not a record's fields
        ("The ranking:  1 Jane Doe.  2 John Roe.  3 Ann Poe.  Stumps: 15 Wins: 16 Losses: 4",
         [15.0, 16.0, 4.0]),
        ("Ten people died.  5 Americans were hurt.  They flew 6 Britons home.", [10.0, 5.0, 6.0]),
        ("Clinton 1) registers the words, 2) realizes it; Rubio (44) and Cruz (45) agree.",
         [44.0, 45.0]),
        # a clock written with a full stop after a word of time, not a price; a phone number
        ("A wave hit at 7.30 last night; shares closed at 11.30 and she called 911.", [11.3]),
        # a name that begins with a number; a unit or a currency glued on stays a figure
        ("Outside 1OAK, the 9GAG video drew 10GB of traffic and 50USD.", [10.0, 50.0]),
        # "m" for metres where a distance is meant, else millions
        ("Those within 500m of the device left; it landed 200m away and raised 5m.",
         [500.0, 200.0, 5e6]),
        # a race over it, a verb of size right before it; money stands "at" its figure
        # nothing of money or counted in the sentence, no noun after: a length
        ("The wave was 5m. He fell 10m from a ledge. Views rose to 5m. The club earned 2m.",
         [5.0, 10.0, 5e6, 2e6]),
        ("She won the 500m time-trial; the tower stands 180m; the debt stands at 5m.",
         [500.0, 180.0, 5e6]),
        # a length spelled out before it in the sentence, unless money or a noun follows
        ("The river peaked at 8.9 metres, below the record of 9.1m in 1947.", [8.9, 9.1]),
        ("After the 400 metres final he signed a 2m deal and earned 3m in May.",
         [400.0, 2e6, 3e6]),
        # a style sheet pasted into the text; not a share in a list of results
        (".bio { width:100%; padding-top:20px; } Turnout: 65%; registered: 1,200.",
         [65.0, 1200.0]),
        # a measure's unit with a capital, quoted or before a title's next word, is a title's;
        # not in a headline, nor a sentence's own
        ('She told CBS\'s "60 Minutes." The film 13 Hours: The Inside Account runs 144 Minutes '
         "long.", [144.0]),
        ("Action In First 100 Days As President. It took 13 Hours later.", [100.0, 13.0]),
        # a label's number: "type 2 diabetes"
        ("It lowers the risk of type 2 diabetes by 20 percent.", [20.0]),
    ],
)
def test_years_and_list_markers_are_not_figures(text: str, values: list[Any]) -> None:
    found = [(f.low, f.high) if f.low is not None else f.value for f in extract_figures(text)]
    assert found == values


def test_training_command_rebuilds_the_currency_lexicon(tmp_path: Path) -> None:
    pytest.importorskip("babel")
    from summarize.analysers.train import main

    assert main(["--out", str(tmp_path), "--only", "currencies"]) == 0
    rebuilt = json.loads((tmp_path / "currencies.json").read_text(encoding="utf-8"))
    shipped = json.loads((MODELS / "currencies.json").read_text(encoding="utf-8"))
    for key in ("names", "surfaces", "symbols", "codes", "lower_codes"):
        assert rebuilt[key] == shipped[key], key
    assert rebuilt["surfaces"]["georgian lari"] == "GEL" and "TOP" not in rebuilt["codes"]
    assert rebuilt["symbols"]["zł"] == "PLN" and not {"Ft", "den", "ƒ"} & set(rebuilt["symbols"])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # sentences of our own, of the kinds PolNeAR's training articles showed
        ('<tweet author="@AP" datetime="2016-08-23" tweet_id="767777348029292544">More', []),
        ("That is what he did in ’08 and ’12, and #1000Books trended.", []),
        ("'I'm still right there,'\n14-time major winner Woods said.", [14.0]),
        ("schools linked to G\u0041\u03031\u20444len, the cleric", []),  # mojibake of "Gülen"
        ("Should the plan be dropped?  No    58%.  Yes    33%.", [58.0, 33.0]),
        ("Revenue rose in 2014 — 7.7 percent.", [7.7]),
        ('for over two decades."  Although 15 of the 19 hijackers were Saudis', [2.0, 15.0, 19.0]),
    ],
)
def test_identifiers_in_markup_and_figures_after_punctuation(text: str,
                                                             found: list[float]) -> None:
    assert [f.value for f in extract_figures(text)] == found


def test_a_partitive_past_a_number_takes_the_noun() -> None:
    units = [f.unit for f in extract_figures("Although 15 of the 19 hijackers were Saudis.")]
    assert units == ["hijackers", "hijackers"]


@pytest.mark.parametrize(
    ("unit", "name"),
    [("picometers", "picometre"), ("tsp", "teaspoon"), ("microgrammes per litre",
                                                         "microgram per litre"),
     ("kilometer per hour", "kilometre per hour"), ("troops", "troop"),
     # data units as written: b a bit, B a byte
     ("Mb/s", "megabit per second"), ("Gbps", "gigabit per second"), ("GB", "gigabyte")],
)
def test_unit_spellings_come_from_quantulums_lexicon(unit: str, name: str) -> None:
    assert canonical_unit(unit) == name


@pytest.mark.parametrize(
    ("text", "unit"),
    [  # sentences of our own: a symbol the lexicon spells exactly so, case and all
        ("The barometer read 30 inHg at noon.", "inch of mercury"),
        ("Fit a 100 µF capacitor.", "microfarad"),
        ("The chamber was pumped down to 2 Torr.", "torr"),
        ("The link carries 10 Gibit/s.", "gibibit per second"),
        # storage beyond the terabyte, and memory's binary prefixes
        ("The archive holds 1 PB of records.", "petabyte"),
        ("The drive shows 465.66 GiB free.", "gibibyte"),
        ("Pages are 4 KiB each.", "kibibyte"),
        ("He fitted a 13-amp fuse.", "ampere"),
        ("Add 20 µl of buffer.", "microlitre"),
        ("The star is 4.2 ly away.", "light year"),
        ("The wind gusted to 60 kts.", "knot"),  # a knot's plural symbol, as weather writes it
        ("Pressure fell to 960 mbar.", "millibar"),
        # a gene's name is not a mebibyte: the binary symbols keep their case
        ("The protein has two Mib repeats.", "mib repeat"),
    ],
)
def test_exactly_written_symbols_are_units(text: str, unit: str) -> None:
    assert [canonical_unit(f.unit) for f in extract_figures(text)] == [unit]


@pytest.mark.parametrize(
    ("text", "unit"),
    [  # sentences of our own: a measure of two words, singular after one
        ("They shipped 1 metric ton of coal.", "metric ton"),
        ("The boat was one nautical mile from shore.", "nautical mile"),
        ("Add 1 fluid ounce of milk.", "fluid ounce"),
        ("Gold sold for 1 troy ounce.", "troy ounce"),
        ("They shipped 1 US gallon of fuel.", "gallon"),
        ("It is 1 light-year away.", "light year"),
        # an adjective before a noun is not a measure of two words
        ("She is one tough woman.", "tough woman"),
    ],
)
def test_a_measure_of_two_words_after_one(text: str, unit: str) -> None:
    assert [canonical_unit(f.unit) for f in extract_figures(text)] == [unit]


def test_training_command_rebuilds_the_unit_names(tmp_path: Path) -> None:
    pytest.importorskip("quantulum3")
    from summarize.analysers.train import main

    assert main(["--out", str(tmp_path), "--only", "unit-names"]) == 0
    rebuilt = json.loads((tmp_path / "unit-names.json").read_text(encoding="utf-8"))
    shipped = json.loads((MODELS / "unit-names.json").read_text(encoding="utf-8"))
    assert (rebuilt["surfaces"], rebuilt["symbols"]) == (shipped["surfaces"], shipped["symbols"])


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # sentences of our own: "one" with a unit of measure, of money or of time is a figure
        ("The shares fell by one percent.", [("one percent", "%")]),
        ("Tickets cost one euro each.", [("one euro", "EUR")]),
        ("He was banned for one week.", [("one week", "week")]),
        ("Just one kilogram of it sells for more.", [("one kilogram", "kilogram")]),
        ("Her one-year-old son was unhurt.", [("one-year-old", "years old")]),
        # "one" that counts a noun is a count, as NewsQuant counts it
        ("It was one of the best films of the year.", [("one of the best films", "best films")]),
        ("One dealer said the talk was of a sale.", [("One dealer", "dealer")]),
        ("They gave the top one per cent of earners a cut.", [("one per cent", "%")]),
        # "one" that stands for a noun, or means "some", or is part of a phrase is not
        ("One said the talk was of a sale.", []),
        ("No one who was there spoke.", []),
        ("She is the one who won.", []),
        ("The small box is full but the large one is empty.", []),
        ("It was the last one of the year.", []),
        ("They held one-on-one talks and a one-to-one meeting.", []),
        ("It was a one-man crusade in a one-party state.", []),
        ("At one time she was married; it was a one-time payment.", []),
        ("One way or another, one agency after another fell.", []),
        ("One day it is hoped the rest will follow.", []),
        ("At one point the talks nearly collapsed.", []),
        # the pronoun before its verb: a plural right after "one" is a verb, unless it modifies
        ("If one adds Nebraska, the sum changes; one feels that it should.", []),
        ("Only one lens cracked.", [("one lens", "lens")]),
        # "zero" joined to what it does not measure is an adjective
        ("It is not a zero-sum game but a zero-tolerance policy.", []),
        ("She was on a zero-hours contract.", [("zero-hours", "hours")]),
    ],
)
def test_one_is_a_figure_when_it_measures(text: str, figures: list[tuple[str, str]]) -> None:
    assert [(f.text, f.unit) for f in extract_figures(text)] == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [  # sentences of our own
        ("The mayor would beat her rival 46 to 40 percent.", [(46, "%"), (40, "%")]),
        ("The council voted 5 to 4 on Tuesday.", [(5, None), (4, None)]),
        ("The council voted 52-48 on Tuesday.", [(52, None), (48, None)]),
        ("By 58%-33%, residents backed the plan.", [(58, "%"), (33, "%")]),
        ("Turnout was 10 to 20 percent lower.", [((10, 20), "%")]),  # a range
        ("Turnout was 10-20% lower.", [((10, 20), "%")]),
        ("Jobs fell from 2,000 to 1,500 workers.", [((2000, 1500), "workers")]),  # a change
    ],
)
def test_two_figures_side_by_side_are_not_a_range(text: str, figures: list[Any]) -> None:
    found = [((f.low, f.high) if f.low is not None else f.value, f.unit)
             for f in extract_figures(text)]
    assert found == figures


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [  # sentences of our own
        ("One-third of the dock workers stayed home.", 1 / 3, "dock workers"),
        ("The mayor won less than one-half of 1 percent more.", 0.5, "%"),  # of one: 0.5%
        ("Costs fell by one-fifth.", 0.2, None),
        ("Three-fourths say the port should reopen.", 0.75, None),
        ("Two-thirds support reopening the port.", 2 / 3, None),  # "support" is not counted
        ("The council needs a two-thirds majority.", 2 / 3, "majority"),
        ("He said that one-quarter of the workers left.", 0.25, "workers"),
    ],
)
def test_one_part_is_a_fraction(text: str, value: float, unit: str | None) -> None:
    first = extract_figures(text)[0]
    assert first.value == pytest.approx(value) and first.low is None and first.unit == unit


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [  # sentences of our own
        ("The port spent tens of millions of dollars on repairs.", 1e7, 1e8, "USD"),
        ("It helped hundreds of millions of travellers.", 1e8, 1e9, "travellers"),
        ('He gave the port "hundreds of thousands" last year.', 1e5, 1e6, None),
        ("Thousands of workers marched.", 1e3, 1e4, "workers"),
    ],
)
def test_vague_magnitudes(text: str, low: float, high: float, unit: str | None) -> None:
    first = extract_figures(text)[0]
    assert (first.low, first.high, first.unit) == (low, high, unit)


@pytest.mark.parametrize(
    ("text", "qualifier", "change", "unit"),
    [  # sentences of our own
        ("Wallnau was among the 30 or so pastors who met him.", "approximate", "~", "pastor"),
        ("It plans to borrow $1 trillion or so next year.", "approximate", "~", "dollar"),
        ("The hall holds 100-odd guests.", "approximate", "~", "guest"),
        ("Firms with 1,000 or more employees fund it.", "at_least", "=", "employee"),
        ("It came from donors giving $200 or less.", "at_most", "=", "dollar"),
        ("He would win by 10 points or more, it means.", "at_least", "=", "point"),
        ("The state has 400,000 plus jobs.", "at_least", ">", "job"),
        ("It has 2 percent plus or minus error.", "exact", "=", "percentage"),
        # and before it
        ("It will spend upward of $10 million on ads.", "at_least", ">", "dollar"),
        ("It needs a minimum of 159 superdelegates.", "at_least", ">", "superdelegate"),
        ("Rates rise to a maximum of 28 percent.", "at_most", "<", "percentage"),
        ("It cost in the region of $5 million.", "approximate", "~", "dollar"),
    ],
)
def test_qualifiers_around_the_number(text: str, qualifier: str, change: str, unit: str) -> None:
    """A bound said after the number is the figure's qualifier; NewsQuant gives it no change
    (measured on the dev file), an approximation it gives "~"."""
    found = extract_figures(text)
    assert len(found) == 1, found
    assert (found[0].qualifier, found[0].change, canonical_unit(found[0].unit)) == \
        (qualifier, change, unit)


def test_a_text_written_token_by_token_reads_as_running_text() -> None:
    text = ("`` i 'm 76 , '' he said of two of the firm 's five directors , "
            "who paid three-quarters of the $ 59 million ; 100,000 , 200,000 or 250,000 "
            "refugees . ")
    found = extract_figures(text)
    assert [(f.value, canonical_unit(f.unit)) for f in found] == [
        (76, "year of age"), (2, "director"), (5, "director"), (0.75, "-"),
        (59e6, "dollar"), (1e5, "refugee"), (2e5, "refugee"), (2.5e5, "refugee")]
    # each quotes the tokens it was read from
    assert all(f.text == text[f.start:f.end] for f in found)
    assert [f.text for f in found][1:5] == ["two of the firm 's five directors",
                                            "five directors", "three-quarters",
                                            "$ 59 million"]
    # an ordinary text with a stray spaced comma is read as it is
    assert running_text("He paid $5 , she said, and Smith's aides, who didn't know, left.") \
        is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # ages set off by commas after a common noun, and after a name in lower-cased text
        ("British Transport Police said the man, 22, from Birmingham, was held", 22,
         "year of age"),
        ("said david magel, 53, who lives in the suburbs", 53, "year of age"),
        # not ages: a list's markers, a number word after a verb
        ("it registers the meaning of the words, 2) realizes", 2, "-"),
        # symbols with a power, tokenised rates and degrees, variant spellings
        ("a flat of 45 m2 in the centre", 45, "square metre"),
        ("a park of 10 km² by the sea", 10, "square kilometre"),
        ("a plot of 500 sq metres", 500, "square metre"),
        ("gusts of 120 km / h", 120, "kilometre per hour"),
        ("gusts of 120kmph", 120, "kilometre per hour"),
        ("output rose to 2 million b/d", 2e6, "barrel per day"),
        ("it fell to -5 ° c overnight", -5, "celsius"),
        ("it reached 30 degrees Celcius", 30, "celsius"),
        ("seized 40 kilos of cocaine", 40, "kilogram"),
        ("2 μg of lead per litre", 2, "microgram"),
        ("a stamp costs 30 pence", 30, "penny"),
        ("an engine at 3 revolutions per minute", 3, "revolutions per minute"),
        # tokenised hyphens
        ("a 5 - metre wall", 5, "metre"),
        ("a 12 - year - old boy", 12, "year of age"),
        # currency signs in lower-cased text
        ("the deal is worth c$ 16.4 million", 16.4e6, "canadian dollar"),
        ("raised hk$5 billion", 5e9, "hong kong dollar"),
        ("it cost us $5 million", 5e6, "dollar"),
        ("he found a $5 bill", 5, "dollar"),
        ("Pfizer deal assailed. A $160 billion megamerger", 160e9, "dollar"),
        ("It cost A$5 million", 5e6, "australian dollar"),
        # currencies that are English words or written with dots, old and rarer signs
        ("It paid 5 million U.S. dollars.", 5e6, "dollar"),
        ("paid 5 million u.s. dollars", 5e6, "dollar"),
        ("South Korea spent 5 trillion won.", 5e12, "south korean won"),
        ("It paid 5 million sterling.", 5e6, "pound sterling"),
        ("It sold for DM 5 million.", 5e6, "german mark"),
        ("sold for 5 million deutsche marks", 5e6, "german mark"),
        ("It paid SFr 5 million.", 5e6, "swiss franc"),
        ("the french group paid ffr 1.2 billion", 1.2e9, "french franc"),
        ("It set aside Dfl 400 million.", 4e8, "dutch guilder"),
        ("Volvo earned SKr 2.1 billion.", 2.1e9, "swedish krona"),
        ("the bank earned ptas 20 billion", 2e10, "spanish peseta"),
        ("paid eur 5 million", 5e6, "euro"),
        # any ISO code in lower-cased text, where the news writes no such word; with a decimal
        # comma too; not "kgs" (kilograms; test_lower_codes_are_no_words_nor_units)
        ("the fare is sek 120", 120, "swedish krona"),
        ("the fare is 120 sek", 120, "swedish krona"),
        ("the ticket cost eur 12,99", 12.99, "euro"),
        ("the ticket cost 12,50 chf", 12.5, "swiss franc"),
        ("the fare is brl 12,50", 12.5, "brazilian real"),
        ("he lifted 12 kgs", 12, "kilogram"),
        # Europe's scales: the milliard, "Mio." and "Mrd." with their stops, the Nordic "mill.";
        # an "m" set apart before money is a million, not a metre
        ("It cost 2 milliard dollars.", 2e9, "dollar"),
        ("Profit rose to 5 Mio. Euro in 2020.", 5e6, "euro"),
        ("Profit rose to 5 Mrd. Euro in 2020.", 5e9, "euro"),
        ("Profit rose to 5 mill. kroner in 2020.", 5e6, "kroner"),
        ("the startup raised 5 m usd", 5e6, "dollar"),
        ("the startup raised 2.5 m €", 2.5e6, "euro"),
        ("the wall is 5 m high", 5, "metre"),
        # India's "gm", in small letters only
        ("The price of 10 gm gold rose.", 10, "gram"),
        ("GM shut 5 GM plants.", 5, "gm plant"),
        # India's "lacs" and, after money's sign, "cr"; "$5 mill"; not the Lac+ of genetics nor
        # chromium's "51 Cr"
        ("The flat costs Rs 10 lacs.", 1e6, "indian rupee"),
        ("he paid rs 5 cr for the flat", 5e7, "indian rupee"),
        ("The state spent Rs 500 Cr on roads.", 5e9, "indian rupee"),
        ("He was paid $5 mill last year.", 5e6, "dollar"),
        ("It picked three Lac+clones.", 3, "-"),
        ("It released 51 Cr isotopes.", 51, "cr isotope"),
        # a price's dash for no cents
        ("the ticket costs 500/- rupees", 500, "indian rupee"),
        ("Es kostet 50,- € im Laden.", 50, "euro"),
        ("Es kostet 50.- CHF im Laden.", 50, "swiss franc"),
        ("it was 50 dollers", 50, "dollar"),
        # the Penn Treebank's pound sign, set apart as it tokenises
        ("it will raise # 50 million in a rights issue .", 5e7, "pound sterling"),
        ("he paid # 1,500 for it .", 1500, "pound sterling"),
        # a unit the scanner's names lack but the lexicon spells, after a year-like number;
        # symbols told apart by their capitals
        ("It burns 2000 kcal a day.", 2000, "kilocalorie per day"),
        ("The engine makes 400 Nm of torque.", 400, "newton metre"),
        ("a 5 mW laser", 5, "milliwatt"),
        ("a 5 nm chip", 5, "nanometre"),
        ("The temperature hit 30c today.", 30, "celsius"),
        ("It costs 5¢ more.", 5, "cent"),
        ("It rose 5 U.S. cents.", 5, "cent"),
        ("sales hit rs 500 crore last year", 5e9, "indian rupee"),
        ("a 12 oz steak", 12, "ounce"),
        # ages by what comes before or after them
        ("Nancy Reagan, who died Sunday at age 94, was", 94, "year of age"),
        ("sibling died at 43, an alcoholic", 43, "year of age"),
        ("She will be 60 in May, making retraining hard", 60, "year of age"),
        ("The man is 45 years of age.", 45, "year of age"),
        ("When he is sworn in, Justice Breyer will be 78.", 78, "year of age"),
        ("the average age of white Californians was 44.", 44, "year of age"),
        ("He is 5 yrs old.", 5, "year of age"),
        # fractions of a unit, and of a count written apart
        ("Hamilton was four-hundredths of a second ahead", 0.04, "second"),
        ("finishing three tenths of a second behind", 0.3, "second"),
        ("two fifths of voters said so", 0.4, "voter"),
        ("People are bullied when they’re 55, he said.", 55, "year of age"),
        ("survived 5 ½ years in a prison", 5.5, "year"),
        ("Hundreds of pro-Sanders demonstrators marched", 100, "pro-sanders demonstrator"),
        ("Donald Trump turns 70 on Tuesday", 70, "year of age"),
        ("Charged are Mohamed Farah, 21; and others", 21, "year of age"),
        ("children as young as 13 to her clients", 13, "year of age"),
        ("tapped his two-million-person donor list", 2e6, "people"),
        ("for its 100,000-plus subscribers, is", 1e5, "subscriber"),
        ("it moves at 3 m / s", 3, "metre per second"),
        ("a density of 10 kg/m3", 10, "kilogram per cubic metre"),
        ("an area of 300 ha", 300, "hectare"),
        ("a $2bn-a-year deal", 2e9, "dollar per year"),
        ("a $15-an-hour federal minimum wage", 15, "dollar per hour"),
        # a share of a group, as a poll states it
        ("About 4 in 10 say they want a change", 40, "percentage"),
        ("Only one in three understand where", 100 / 3, "percentage"),
        ("About 4 in 10 voters say so", 40, "% voter"),
        ("Four out of five doctors agree", 80, "% doctor"),
        # the verb after a share of one agrees with the one, so is no part of the group's noun
        ("One in five children lives in poverty", 20, "% child"),
        ("1 in 3 sports fans says so", 100 / 3, "% sports fan"),
        # odds of one, out of any number but a year's
        ("the odds come out to 1 in 64, or so", 100 / 64, "percentage"),
        ("it estimates that one in 45 children has autism", 100 / 45, "% child"),
        ("The risk is 1 in 10,000.", 0.01, "percentage"),
        # plurals of compounds of man, woman and child
        ("he leaves behind nine grandchildren", 9, "grandchild"),
        ("four congressmen and officials", 4, "congressman"),
        ("Thousands of Allied seamen lost their lives", 1000, "seaman"),
        ("five clergymen and a cameraman", 5, "clergyman"),
        # an acronym inside the noun phrase
        ("an assist from two outside GOP spending groups", 2, "outside gop spending group"),
        ("along with two fellow NBA players", 2, "fellow nba player"),
        # and a half
        ("It has been seven-and-a-half years.", 7.5, "year"),
        ("one and a half million people fled", 1.5e6, "people"),
        ("a two-and-a-half-year-old girl", 2.5, "year of age"),
        # tokenised text: commas, abbreviations' periods and hyphens set apart
        ("said luay sami , 33 , the center 's manager", 33, "year of age"),
        ("seventy - four percent of voters", 74, "percentage"),
        ("the vote on feb . 16 drew 40 delegates", 40, "delegate"),
        ("the symphony no . 33 and 12 songs", 12, "song"),
    ],
)
def test_units_read_whatever_the_case_spacing_or_spelling(text: str, value: float,
                                                        unit: str) -> None:
    assert "won" not in {f.unit for f in extract_figures("Of the 12 games, 5 won and 7 lost.")}
    assert [canonical_unit(f.unit) for f in extract_figures("He stands 6 ft 4 in.")] == \
        ["foot", "inch"]
    assert [canonical_unit(f.unit) for f in extract_figures("a board 6 ft. 2 in. long")] == \
        ["foot", "inch"]  # feet abbreviated with a full stop
    for aged in ("Men aged 18 to 34 watch it.", "children ages 3 to 17 has autism",
                 "Children ages 5 to 12 may enter.",  # "12 may": the verb, not a date
                 "Anyone over the age of 65 gets it free.",
                 "Voters aged 18-29 backed him.",  # a hyphened pair under 30 is no score here
                 "all men aged 32 to 36 years."):
        assert [canonical_unit(f.unit) for f in extract_figures(aged)] == ["year of age"], aged
    assert [canonical_unit(f.unit) for f in extract_figures("a 4 x 4 metre room")] == \
        ["metre", "metre"]
    # the second side of a size is no year; a sign of money near a "c" makes it a cent
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(
        "The photo was 3000 x 2000 pixels.")] == [(3000, "pixel"), (2000, "pixel")]
    assert [canonical_unit(f.unit) for f in extract_figures("Shares rose 5c to $1.20.")] == \
        ["cent", "dollar"]
    assert [canonical_unit(f.unit) for f in extract_figures(
        "brothers John and Brian Meza, 22 and 19, were talking")] == ["year of age"] * 2
    assert [canonical_unit(f.unit) for f in extract_figures(
        "Ted Cruz, 11 and 8 percent respectively")] == ["percentage"] * 2
    # a tie is two figures, not a range from 41 to 41
    assert [(f.value, f.low) for f in extract_figures("ties Jeb Bush at 41-41; and")] == \
        [(41, None), (41, None)]
    assert [(f.value, f.unit) for f in extract_figures("he scored 2 in 3 days")] == \
        [(2, None), (3, "days")]
    # the second's scale is the first's: "two or three million" is two million or three million
    assert [f.value for f in extract_figures("two or three million people fled")] == [2e6, 3e6]
    assert [f.value for f in extract_figures("seven or eight thousand votes")] == [7e3, 8e3]
    assert [f.value for f in extract_figures("it has 20 or 3 million")] == [20, 3e6]
    # and of money, each with its sign ("$5 or $6 million"), not across two clauses
    assert [f.value for f in extract_figures("a $5 or $6 million fee, £2-to-£3bn")] == \
        [5e6, 6e6, 2e9, 3e9]
    assert [f.value for f in extract_figures("he paid $5 and she paid $6 million")] == [5, 6e6]
    # no figure starts inside a number glued to a word ("peak4,000km": not 0 km)
    assert [f.value for f in extract_figures("on site at peak4,000km electrical cabling")] == []
    # a score out of ten is no share; a count out of a whole takes the whole's unit
    assert [f.value for f in extract_figures("it scored 7.3 out of 10 on the scale")] == [7.3, 10]
    assert [(f.value, f.unit) for f in extract_figures("it awards 340 out of 630 seats")] == \
        [(340, "seats"), (630, "seats")]
    # a batsman's runs in brackets are no age
    assert [f.unit for f in extract_figures("ripping out Bairstow (13), who lobbed")] == [None]
    found = extract_figures(text)
    assert len(found) == 1, found
    assert found[0].value == pytest.approx(value)
    assert canonical_unit(found[0].unit) == unit


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # sentences of our own, of the kinds the training articles showed when their spaces,
        # quotes and apostrophes were written the other way
        ("a letter signed by 200\u00a0House Republicans", [(200.0, "House Republicans")]),
        ("a crowd of 10\u2009000 people and 1\u202f250\u202f000 euros", [(10000.0, "people"),
                                                                   (1250000.0, "EUR")]),
        ("He ran in ‘08 and again in ‘16.", []),
        ("Nearly 20 of Sanders’ colleagues spoke.", [(20.0, "colleagues")]),
        ("the two candidates’ positions", [(2.0, "candidates")]),
        ("What grandfather of seven wouldn’t love that?", [(7.0, None)]),
        ("What grandfather of seven wouldn't love that?", [(7.0, None)]),
    ],
)
def test_figures_read_the_same_whatever_the_spaces_and_apostrophes(
        text: str, figures: list[tuple[float, str | None]]) -> None:
    found = extract_figures(text)
    assert [(f.value, f.unit) for f in found] == figures
    # the offsets and the mention's text are the document's own, typographic spaces and all
    assert all(f.text == text[f.start:f.end] for f in found)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # sentences of our own, of the kinds the training articles showed when each sentence
        # was read alone and then in its article: a figure must not depend on where it stands
        ("The strike spread in October. Three-quarters of the staff walked out.",
         [(0.75, "staff")]),
        ("It began in November. 20 people were hurt.", [(20.0, "people")]),
        ("It began on Nov. 20 and in November 2016.", []),
        ("The tax rose to 30 Canadian dollars. Teck, a miner, objected.", [(30.0, "CAD")]),
        ("the reasons below.\n\n12\nThe Mayor Spoke Out\nShe said 40 people came.",
         [(40.0, "people")]),
    ],
)
def test_figures_read_the_same_in_their_article_as_alone(
        text: str, figures: list[tuple[float, str | None]]) -> None:
    assert [(f.value, f.unit) for f in extract_figures(text)] == figures


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # the newswires' abbreviations (Reuters writes "mln", "bln", "pct", "dlrs")
        ("Profit rose to $5 mln in the quarter.", 5e6, "USD"),
        ("The deal is worth 2.3 bln euros.", 2.3e9, "EUR"),
        ("It fell 5 pct on Friday.", 5.0, "%"),
        ("Sales reached 1,200 mln dlrs.", 1.2e9, "dollar"),
        ("It sold a 7-1/2 pct coupon issue.", 7.5, "%"),  # a mixed fraction with a hyphen
        ("The stock closed at 38-3/4 dlrs.", 38.75, "dollar"),
        # money of something is money ("12 pounds of potatoes" a weight)
        ("The utility sold 150 million dlrs of debentures.", 1.5e8, "dollar"),
        ("I bought 12 pounds of potatoes.", 12.0, "pound-mass"),
        # and a country's dollars, sterling, cents, marks (and Italy's lire)
        ("It paid 200 mln australian dlrs for it.", 2e8, "australian dollar"),
        ("It raised 20 mln HK dlrs and 10 mln N.Z. dlrs.", 2e7, "hong kong dollar"),
        ("Profit was 150 mln stg.", 1.5e8, "pound sterling"),
        ("The shares rose 5 cts.", 5.0, "cent"),
        ("It cost 200 mln d-marks.", 2e8, "german mark"),
        ("It cost 900 billion lire.", 9e11, "italian lira"),
    ],
)
def test_the_newswires_abbreviations(text: str, value: float, unit: str) -> None:
    figure = extract_figures(text)[0]
    assert (figure.value, canonical_unit(figure.unit)) == (value, canonical_unit(unit))


@pytest.mark.parametrize(
    ("text", "change"),
    [
        # every form of a movement verb: a headline's present tense, a perfect's participle
        ("Sales climb 5% in May", "up"),
        ("Exports slump 8% as demand fades", "down"),
        ("Prices have risen 5 percent since June.", "up"),
        ("Output has fallen 3 percent.", "down"),
        ("Sales of the cars are growing 60 percent a year.", "up"),
        ("The plan would reduce emissions by 30 percent.", "down"),
        # a noun after a determiner, and verbs whose other forms say something else
        ("The crash 10 years ago ruined him.", "="),
        ("Did he lose 20 minutes?", "="),
        ("She plans to sink $30 billion into roads.", "="),
    ],
)
def test_every_form_of_a_movement_verb_moves_the_figure(text: str, change: str) -> None:
    assert extract_figures(text)[0].change == change


@pytest.mark.parametrize(("text", "qualifier"), [
    ("Oil traded just south of $50 a barrel.", "at_most"),
    ("Turnout was just shy of 40 percent.", "at_most"),
    ("Oil traded just north of $50 a barrel.", "at_least"),
])
def test_bounds_said_as_directions(text: str, qualifier: str) -> None:
    assert extract_figures(text)[0].qualifier == qualifier


@pytest.mark.parametrize("text", ["Shares closed at $5 (up 3%) on Friday.",
                                  "Sales—up 3%—beat forecasts."])
def test_a_movement_after_a_bracket_or_a_dash(text: str) -> None:
    # the look for a movement's word before a figure reads words, not what is glued to them
    assert extract_figures(text)[-1].change == "up"


@pytest.mark.parametrize(
    ("unit", "name"),
    [("oldest ballparks", "old ballpark"), ("smaller tenancies", "small tenancy"),
     ("best screens", "good screen"), ("biggest cities", "big city"),
     # the head is a noun, whatever its spelling: only the words before it are graded
     ("pounds of potatoes", "pound potato"), ("tornadoes", "tornado"), ("shoes", "shoe")],
)
def test_a_counted_noun_phrase_is_named_by_its_lemmas(unit: str, name: str) -> None:
    assert canonical_unit(unit) == name


@pytest.mark.parametrize(
    ("text", "unit"),
    [("Temperatures hit 35 C in Madrid on Sunday.", "celsius"),
     ("Highs of 35 C (95 F) are forecast.", "celsius"),
     ("It was 95 F in Phoenix, the hottest day of the year.", "fahrenheit"),
     ("The capacitor stores 5 F of charge.", "farad"),
     # another figure's unit is no context word: the "m" of "41.5m" made this a parsec
     ("A load factor of 92.3pc on 41.5m passengers.", "percentage"),
     ("The star lies 3.26 pc from the Sun.", "parsec")],
)
def test_a_capital_c_or_f_apart_from_its_number_is_read_by_the_senses(text: str,
                                                                       unit: str) -> None:
    assert canonical_unit(extract_figures(text)[0].unit) == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("The fine was Rs.500 per day.", 500, "indian rupee per day"),  # the sign glued by its dot
     ("The state approved a Rs 5,000-crore package.", 5e10, "indian rupee"),
     ("A Rs 50-lakh grant was paid.", 5e6, "indian rupee"),
     ("It cost me 5 quid.", 5, "pound sterling"), ("We only make 20 bucks.", 20, "dollar")],
)
def test_the_news_other_ways_of_writing_money(text: str, value: float, unit: str) -> None:
    figure = extract_figures(text)[0]
    assert (figure.value, canonical_unit(figure.unit)) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [("It was 10 degrees below zero in Moscow.", -10), ("Lows of 10C below zero.", -10),
     ("He waited an hour and a half.", 1.5), ("It was 5 below zero.", -5)],
)
def test_what_follows_a_unit_is_said_of_its_number(text: str, value: float) -> None:
    assert [f.value for f in extract_figures(text)] == [value]


@pytest.mark.parametrize(
    ("text", "units"),
    [("The temperature outside is 40 deg celsius.", ["celsius"]),
     ("It was 10 deg. fahrenheit.", ["fahrenheit"]),
     ("She is 5 foot 6.", ["foot", "inch"]),  # the inches' unit unsaid
     ("He is 6 feet 2 and weighs 15 stone.", ["foot", "inch", "stone"]),
     ("Janet Yellen is 5-foot-3, but", ["foot", "inch"]),  # as US news writes a height
     ("It is 5 kms away; demand was 12 TWh.", ["kilometre", "terawatt hour"]),
     # sentences of our own: energies by their symbols, a flow of a power of a length
     ("Protons collided at 13 TeV; the reactor made 5 GJ of heat.",
      ["teraelectronvolt", "gigajoule"]),
     ("The river flows at 300 cubic metres per second, the pipe at 2 billion cubic feet a day.",
      ["cubic metre per second", "cubic foot per day"]),
     # a power then hours is energy, spaced or hyphened; a bottle's centilitres; doses
     ("It used 5 kilowatt hours, 50 watt-hours, 3 Wh; 300 megawatts hours later, 2 MW.",
      ["kilowatt hour", "watt hour", "watt hour", "megawatt", "megawatt"]),
     ("A 75cl bottle; workers got 20 mSv, patients 60 Gy, the town 3.8 μSv/h.",
      ["centilitre", "millisievert", "gray", "microsievert per hour"]),
     ("The unit makes 5,000 BTU; the burner 10,000 BTUs.",
      ["british thermal unit", "british thermal unit"])],
)
def test_temperatures_and_heights_as_people_write_them(text: str, units: list[str]) -> None:
    assert [canonical_unit(f.unit) for f in extract_figures(text)] == units


@pytest.mark.parametrize(
    ("text", "change"),
    [
        # "up" and "down" of a phrasal verb move nothing
        ("a group that makes up about a third of the population", "~"),
        ("how you're going to round up 11 million people", "="),
        ("a man gunned down 49 people at a nightclub", "="),
        ("putting up a four-acre commercial center", "="),
        # what is gathered or freed is no rise
        ("the bank has racked up £50billion in losses", "="),
        ("the forward could rack up as many as 59 appearances", "<"),
        ("Scott has freed up $26 million in state funds", "="),
        ("Clinton was picking up four delegates", "="),
        # but a figure that is up or down moves
        ("shares were up 17 percent", "up"),
        ("the regulator wants that brought down by £1bn", "down"),
        # a time after a movement verb: when, not how much it fell
        ("Obama narrowly lost four years later", "="),
    ],
)
def test_a_phrasal_verb_moves_no_figure(text: str, change: str) -> None:
    (figure,) = extract_figures(text)
    assert figure.change == change


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an amount of money said in two units is one figure, in the larger unit
        ("It cost 12 dollars and 99 cents.", [("12 dollars and 99 cents", 12.99, "dollar")]),
        ("Tea was £3 and 20p.", [("£3 and 20p", 3.2, "pound sterling")]),
        ("Fares: 5 euros 20 cents", [("5 euros 20 cents", 5.2, "euro")]),
        ("It is C$4 and 5 cents", [("C$4 and 5 cents", 4.05, "canadian dollar")]),
        # or as it is spoken, the hundredths bare after the currency's name
        ("It costs three pounds fifty.", [("three pounds fifty", 3.5, "pound sterling")]),
        ("It costs 15 dollars 50.", [("15 dollars 50", 15.5, "dollar")]),
        ("Coffee is a buck fifty each.", [("a buck fifty", 1.5, "dollar")]),
        ("He won 5 dollars 50 times.", [("5 dollars", 5, "dollar"), ("50 times", 50, "count")]),
        ("A ticket costs 7 francs 50.", [("7 francs 50", 7.5, "swiss franc")]),
        ("It costs 20 kronor 50.", [("20 kronor 50", 20.5, "swedish krona")]),
        ("It cost $5 50 people paid.", [("$5", 5, "dollar"), ("50 people", 50, "people")]),
        # not a list, not a hundred cents or more, not a measure (CQE counts each part)
        ("$5, 50 cents and $1", [("$5", 5, "dollar"), ("50 cents", 50, "cent"),
                                 ("$1", 1, "dollar")]),
        ("$3 and 150 cents", [("$3", 3, "dollar"), ("150 cents", 150, "cent")]),
        ("22lbs 5oz", [("22lbs", 22, "pound-mass"), ("5oz", 5, "ounce")]),
        # "m" set apart from its number is a metre, unless a plural noun follows
        ("a 5 m by 3 m room", [("5 m", 5, "metre"), ("3 m", 3, "metre")]),
        ("it spans 1.5 m.", [("1.5 m", 1.5, "metre")]),
        ("5 m people and 10m views", [("5 m people", 5e6, "people"), ("10m views", 1e7, "view")]),
        ("£5 m", [("£5 m", 5e6, "pound sterling")]),
        ("a ¼ m rope", [("¼ m", 0.25, "metre")]),  # a vulgar fraction before it
        # a range of money, however its signs and scales are written
        ("fees of $2-$3", [("$2-$3", (2, 3), "dollar")]),
        ("a £1m-£2m budget", [("£1m-£2m", (1e6, 2e6), "pound sterling")]),
        ("between $ 1 and $ 2 million", [("between $ 1 and $ 2 million", (1e6, 2e6), "dollar")]),
        ("about 90,000 K-1 visas", [("about 90,000 K-1 visas", 9e4, "k-1 visa")]),
        ("it won 2-1", []),
    ],
)
def test_money_said_in_two_units_is_one_figure(text: str, found: list[tuple]) -> None:
    got = [(f.text, f.value if f.low is None else (f.low, f.high), canonical_unit(f.unit))
           for f in extract_figures(text)]
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in found]
    assert [v for _, v, _ in got] == [pytest.approx(v) for _, v, _ in found]


def test_a_rate_said_once_for_a_list_counts_for_each() -> None:
    text = "He averaged 27.1 points, 7.4 rebounds and 7.4 assists per game."
    assert [canonical_unit(f.unit) for f in extract_figures(text)] == [
        "point per game", "rebound per game", "assist per game"]
    # a measure beside a rate is no list of counts
    assert [canonical_unit(f.unit) for f in extract_figures("He ran 5 km and 10 miles per hour.")
            ] == ["kilometre", "mile per hour"]


@pytest.mark.parametrize(("text", "units"), [
    ("The fence is 30' long and 6' high.", ["foot", "foot"]),
    ("a 12′ x 10′ room", ["foot", "foot"]),
    ('The board is 48" wide.', ["inch"]),
    ('He said "I was 48" and left.', [None]),  # the end of a quotation
    # a mark alone: feet or minutes, inches or seconds, as the sense model reads the words
    ("The meeting lasted 45′ in all.", ["minute"]),
    ("The company ordered 1000′ of lumber for the project.", ["foot"]),
    ("The new phone has a 6.1″ screen.", ["inch"]),
    ('The runner finished the race in 9.8" flat.', ["second"]),
    ("The council said 'we will cut 500' and more.", [None]),  # a quotation's end
    ("“He’s like 6’2”,” Rubio said.", ["foot", "inch"]),  # a height, whatever the words
])
def test_feet_and_inches_by_their_signs_before_a_dimensions_word(text: str,
                                                                  units: list[str | None]) -> None:
    assert [canonical_unit(f.unit) if f.unit else None for f in extract_figures(text)] == units


@pytest.mark.parametrize(("text", "value"), [
    ("it raised $5 mil", 5e6), ("it raised EUR 5 mio", 5e6), ("revenue of $5.2 bil", 5.2e9),
    ("a $5 trln deficit", 5e12), ("it raised $5 millions", 5e6), ("5 mm screws", 5),
    # misspelt scales; millions "of dollars", as translations write it
    ("it cost 5 millon dollars", 5e6), ("it cost $5 milion", 5e6),
    ("it cost 5 millions of dollars", 5e6),
    # a hyphenated or plural thousand; a count's thousands grouped by a full stop
    ("the zoo has 2-thousand monkeys", 2e3), ("it made 25 thousands of pianos", 25e3),
    ("the town has 12.500 inhabitants", 12500), ("shares rose 1.125 points", 1.125),
    # finance's "MM" after money, millimetres without it
    ("the fund raised $4.1MM", 4.1e6), ("it cost $ 2.5 mm", 2.5e6), ("150mm of rain", 150),
    # and its glued "T" after money, a tonne without it
    ("its market value hit $2.174T", 2.174e12), ("5t of coal", 5), ("it sold $5 T-shirts", 5),
])
def test_more_short_scales(text: str, value: float) -> None:
    assert [f.value for f in extract_figures(text)] == [value]


@pytest.mark.parametrize(("text", "figures"), [
    ("Russia sent 10 000 troops and 1 500 tanks.", [(10000, "troops"), (1500, "tanks")]),
    ("a budget of €1 250 000", [(1250000, "EUR")]),
    ("in 2014 300 people died", [(300, "people")]),  # a year, then a count
    ("it rose 3.5 000", [(3.5, None), (0, None)]),  # no group after a decimal
    ("a budget of 1.250.000 euros", [(1250000, "EUR")]),  # two full stops: no decimal
    # one beside the euro, which has no price of three decimals but a litre's of fuel, nor is a
    # rate of exchange an amount
    ("a budget of 1.250 euros", [(1250, "EUR")]), ("a flat for €250.000", [(250000, "EUR")]),
    ("petrol at 1.659 € per litre", [(1.659, "EUR per litre")]),
    ("sterling rose to 1.165 euros", [(1.165, "EUR")]), ("it is 1.250 km", [(1.25, "km")]),
    # a decimal comma where money or a share says so
    ("it costs €12,50 now", [(12.5, "EUR")]), ("inflation was 12,5 % in May", [(12.5, "%")]),
    ("a budget of €1.250.000,50", [(1250000.5, "EUR")]),
    # ... and where any currency does, before or after ("$15,50" had been 15, "15,50 dollars"
    # 15 without a unit)
    ("it costs $15,50 now", [(15.5, "USD")]), ("it costs 15,50 dollars", [(15.5, "USD")]),
    ("it costs USD 1,25", [(1.25, "USD")]), ("a fee of 2,5 Swiss francs", [(2.5, "CHF")]),
    ("scored 12,15 and 18 points", [(12, None), (18, "points")]),
    # one full stop between groups of three, then a decimal comma: "2.500,50 €"
    ("it cost 2.500,50 €", [(2500.5, "EUR")]),
    # a space between groups, then cents, where money says so (had been 1, then 234.56)
    ("it costs 1 234,56 €", [(1234.56, "EUR")]), ("it costs 2 500.50 dollars", [(2500.5, "USD")]),
    ("a list of 1 234,56 and 3", [(1, None), (234, None), (3, None)]),
    # Switzerland's apostrophe between groups (had been 1, then 234.5); a height's is no group
    ("it costs 1'234.50 CHF", [(1234.5, "CHF")]), ("CHF 1’250’000", [(1250000, "CHF")]),
    # a sign several currencies share, and its country's: Norway's crowns
    ("In Norway a beer costs 12,99 kr.", [(12.99, "NOK")]),
])
def test_a_space_between_groups_of_three_digits_separates_thousands(
        text: str, figures: list[tuple[float, str | None]]) -> None:
    assert [(f.value, f.unit) for f in extract_figures(text)] == figures


@pytest.mark.parametrize("text", [
    "the upper half of her body", "the Republican half of a bipartisan polling team",
    "he is in the same half of the draw", "the first half of the year",
])
def test_a_half_with_a_determiner_is_a_part_not_a_fraction(text: str) -> None:
    assert extract_figures(text) == []
    assert [f.value for f in extract_figures("nearly half of the voters")] == [0.5]


@pytest.mark.parametrize(("text", "expected"), [
    ("fishing produces a half of one percent of GDP",
     [("a half of one percent", 0.5, "percentage")]),
    ("he trailed by less than one-half of 1 percent.",
     [("less than one-half of 1 percent", 0.5, "percentage")]),
    ("the Fed will raise its target by a quarter of a percent",
     [("a quarter of a percent", 0.25, "percentage")]),
    ("half of a mile", [("half of a mile", 0.5, "mile")]),
    # a partitive is no share of one unit
    ("eight of the past nine contests",
     [("eight of the past nine contests", 8, "contest"), ("nine contests", 9, "contest")]),
])
def test_a_share_of_one_unit_is_that_share_of_the_unit(
        text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(f.text, f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(("text", "unit"), [
    ("measured at 85 dB", "decibel"), ("a 120 mmHg reading", "millimeter of mercury"),
    ("5 cu. ft. of storage", "cubic foot"), ("add 8 fl oz of water", "fluid ounce"),
    ("a 5 dm board", "decimetre"), ("a 5 dm3 tank", "cubic decimetre"), ("5 kJ", "kilojoule"),
    ("a 2 qt pot", "quart"), ("500 nmi away", "nautical mile"),
    ("a 5-per-cent rise", "percentage"), ("a 25bp cut", "basis point"),
    ("roughly 1/3 of voters", "voter"),  # a share in digits, as "a third of voters"
    # a word is not read out of a symbol it begins: "mA" is no "m", "nF" no "n"
    ("a current of 5 mA flows", "-"), ("a 10 nF capacitor", "-"),
])
def test_symbols_the_scanner_had_cut_short(text: str, unit: str) -> None:
    assert [canonical_unit(f.unit) for f in extract_figures(text)] == [unit]


@pytest.mark.parametrize(("text", "unit"), [
    ("bags cost 5p each", "penny"), ("the 10p savings tax band", "penny"),
    ("shares closed at 338.5p.", "penny"), ("It is 26p per vote.", "penny per vote"),
    # written apart, a "p" stays a point ("the index closed up 200 p", "a 12 p font")
    ("the index closed up 200 p today", "point"),
    # a glued symbol takes its rate, and keeps its sense with one
    ("The parking fee is 25 c per hour.", "cent per hour"),
    ("The current was 3C per second.", "coulomb per second"),
])
def test_a_p_glued_to_its_number_is_pence(text: str, unit: str) -> None:
    assert [canonical_unit(f.unit) for f in extract_figures(text)] == [unit]


@pytest.mark.parametrize(("text", "expected"), [
    # two number words side by side are one only as a ten and a unit ("seventy-four")
    ("a potent one-two punch", []),
    ("four five-star hotels", [(4.0, "five-star hotel"), (5.0, "star")]),
    ("we waited five six hours", [(5.0, "-"), (6.0, "hour")]),
    ("ninety-nine red balloons", [(99.0, "red balloon")]),
    ("in the twenty-first century", []),  # an ordinal
])
def test_number_words_join_only_as_tens_and_units(text: str,
                                                  expected: list[tuple[float, str]]) -> None:
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("an 8-by-11-inch sheet", [(8.0, "inch"), (11.0, "inch")]),
    ("a 10 by 12 foot room", [(10.0, "foot"), (12.0, "foot")]),
    ("a runway of 950x30 m.", [(950.0, "metre"), (30.0, "metre")]),
    ("a resolution of 1920 x 1080 pixels", [(1920.0, "pixel"), (1080.0, "pixel")]),
    ("a resolution of 1920x1080 pixels", [(1920.0, "pixel"), (1080.0, "pixel")]),
    # "by" between two numbers is an area's only when a measure follows
    ("in the top 10 by seven thousandths of a second", [(10.0, "-"), (0.007, "second")]),
    ("Obama won Latino voters in 2012 by 71 percent to 27", [(71.0, "percentage"),
                                                              (27.0, "-")]),
])
def test_the_sides_of_an_area_share_their_unit(text: str,
                                                expected: list[tuple[float, str]]) -> None:
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == expected


def test_a_power_of_ten_is_written_with_a_caret_a_sign_or_superscripts() -> None:
    assert [f.value for f in extract_figures("6.02×10²³ atoms")] == [pytest.approx(6.02e23)]
    assert [f.value for f in extract_figures("a gap of 4.5×10⁻³ m")] == [pytest.approx(4.5e-3)]
    assert [f.value for f in extract_figures("3 x 10^8 metres")] == [pytest.approx(3e8)]
    # without one, two numbers: a resolution, not 1920 × 10^80
    assert [f.value for f in extract_figures("3 x 105 cards")] == [3.0, 105.0]


@pytest.mark.parametrize(("text", "expected"), [
    ("The best use a ''zero day'' flaw", [(0.0, "day")]),  # not "day''"
    ("1 kg = 2.2 lb", [(1.0, "kilogram"), (2.2, "pound-mass")]),  # an equation's two sides
    ('<span data-ts="1449075600">', []),  # a markup attribute is no figure
    ("a baby of 3,5 kg, 1,85 m tall", [(3.5, "kilogram"), (1.85, "metre")]),
    ("a half-dozen slogans", [(6.0, "slogan")]),  # as "half a dozen"
    ("cut a half-billion dollars", [(5e8, "dollar")]),
    ("a half-hour later, a quarter-mile on", [(0.5, "hour"), (0.25, "mile")]),
])
def test_figures_read_on_the_fit_files(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # text stripped of its commas (as NewsQuant's sentences often are): an age between a
    # person's name and a verb, by the names CoreNLP tags in the fit file
    ("Josh Hatfield 27 told the Post he was hooked.", [(27.0, "year of age")]),
    ("Mr Gustafsson 42 is being flown back to Sweden.", [(42.0, "year of age")]),
    ("Yesterday Gary Green 51 of Bradburn Road died.", [(51.0, "year of age")]),
    ("Fox 5 reported the crash.", [(5.0, "-")]),  # not a name: no age
    ("Cruz 300, Rubio 151, and Kasich 37.", [(300.0, "-")]),  # a tally, no verb: labels
    # thousands are never a name's label; a name's possessive without its apostrophe
    ("In Germany 570,000 new apprenticeships are for youngsters.",
     [(570000.0, "new apprenticeship")]),
    ("Pastors in all of Iowas 99 counties backed him.", [(99.0, "county")]),
    ("He told Fox News 6 in Milwaukee.", []),  # "News" is written so: a label
])
def test_text_without_commas_or_apostrophes(text: str,
                                            expected: list[tuple[float, str]]) -> None:
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == expected


def test_a_compound_in_up_moves_nothing() -> None:
    found = extract_figures("In a closer match-up 48 percent chose Clinton.")
    assert [(f.value, f.change) for f in found] == [(48.0, "=")]


@pytest.mark.parametrize(("text", "expected"), [
    # what a report pasted from a PDF or a wiki carries: reference markers and page counts
    ("The strike killed 14 people.[3]", [(14.0, "people")]),
    ("growing at approximately 10% per year[27].", [(10.0, "percentage")]),
    ("Page 4 of 12", []),
    ("part 3 of 3 exclusive excerpts", []),
    ("He won 4 of 12 races.", [(4.0, "race"), (12.0, "race")]),  # no label: counts
])
def test_reference_markers_and_page_counts_are_no_figures(
        text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == expected


def test_dozens_is_a_range_as_hundreds_is() -> None:
    found = extract_figures("Dozens of drones struck Kyiv and hundreds of people fled.")
    assert [(f.low, f.high, f.qualifier) for f in found] == [(12.0, 120.0, "range"),
                                                             (100.0, 1000.0, "range")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Trump leads by +32 points.", [(32.0, "point")]),
    ("They sent fax 100,000 pages.", [(100000.0, "page")]),
    ("The telephone poll of 1,000 voters found 52 percent.", [(1000.0, "voter"),
                                                               (52.0, "percentage")]),
])
def test_what_only_looks_like_a_code(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == expected


def test_a_scaled_number_is_the_number_the_text_says() -> None:
    # 4.1 x 1e6 in binary is 4099999.9999999995: the JSON a downstream system reads said so
    assert [f.value for f in extract_figures("Output was 4.1 million tonnes, 8.3bn euros.")] == [
        4_100_000.0, 8_300_000_000.0]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("A magnitude 6.8 earthquake struck eastern Turkey.", ["magnitude"]),
        ("The strongest aftershock was of magnitude 5.4.", ["magnitude"]),
        ("The survey put the magnitude at 6.7.", ["magnitude"]),
        ("A 7.1-magnitude quake hit the region.", ["magnitude"]),
        # a magnitude of something counted is that count
        ("The magnitude of 40 deaths shocked the town.", ["deaths"]),
    ],
)
def test_a_magnitude_said_before_its_number(text: str, units: list[str]) -> None:
    assert [f.unit for f in extract_figures(text)] == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("It sold 912,000 vehicles in the quarter, of which 96,000 were electric.",
         ["vehicles", "vehicles"]),
        ("Police arrested 40 people on Sunday, of whom 12 were minors.", ["people", "people"]),
        # some of them, said after the number; more of the same
        ("The hospital has 450 beds, 38 of them in intensive care.", ["beds", "beds"]),
        ("Ten people were arrested, four of them minors.", ["people", "people"]),
        ("Nearly 40 million Americans have diabetes, and a further 96 million are prediabetic.",
         ["Americans", "Americans"]),
        # not a preposition repeated after a second clause: "2m in May" is no length
        ("He won the 100 metres in 2009 and earned 2m in May.", ["metres", None]),
        # a part is no larger than its whole: 28,000 is not a count of crowds
        ("He drew three of his largest crowds this month, including 28,000 at a park.",
         ["largest crowds", None]),
    ],
)
def test_a_part_of_a_count_takes_its_unit(text: str, units: list[str | None]
                                                      ) -> None:
    assert [f.unit for f in extract_figures(text)] == units


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("United manager Erik ten Hag refused to comment.", []),
        ("The book is about Corrie ten Boom and her family.", []),
        ("Arsenal won ten Premier League games.", [10.0]),
        ("The Post gave Carson ten Pinocchios.", [10.0]),
    ],
)
def test_a_dutch_names_ten_is_no_figure(text: str, values: list[float]) -> None:
    assert [f.value for f in extract_figures(text)] == values


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("The suspect is described as 5' 9\" tall.", ["ft", "in"]),
        ("The suspect is described as 5'9\" tall.", ["ft", "in"]),
        # inches run to 11: a minute and 34 seconds
        ("He ran the mile in 1' 34\".", ["min", "s"]),
    ],
)
def test_feet_and_inches_with_a_space_between(text: str, units: list[str | None]) -> None:
    assert [f.unit for f in extract_figures(text)] == units


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The storm could bring 50mm to 70mm of rain.", [(50.0, 70.0, "mm")]),
        ("Rain of 10mm-20mm is likely.", [(10.0, 20.0, "mm")]),
        ("The device works at -20C to 80C.", [(-20.0, 80.0, "°C")]),
        # a unit the second took from the first is no range's, nor are percentages (a tally)
        ("The rate is 1 USD to 14.4 R.", [(None, None, "USD"), (None, None, "USD")]),
        ("She lost the state 36 percent to 51 percent.", [(None, None, "%"), (None, None, "%")]),
    ],
)
def test_a_range_written_with_its_unit_twice(text: str,
                                             figures: list[tuple[float | None, float | None, str]]
                                             ) -> None:
    assert [(f.low, f.high, f.unit) for f in extract_figures(text)] == figures


def test_a_national_number_with_three_digit_groups_is_a_telephone_number() -> None:
    assert extract_figures("Anyone with information is asked to call 0800 555 111.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man in his 30s was arrested.", [("30s", 30, 39)]),
        ("She is in her early twenties.", [("early twenties", 20, 23)]),
        ("a woman in her mid-40s", [("mid-40s", 44, 46)]),
        ("both in their late 50's", [("late 50's", 57, 59)]),
        ("a man in his 30s or 40s", [("30s", 30, 39), ("40s", 40, 49)]),
        ("incomes of people in their 30s, 40s and 50s grew", [("30s", 30, 39), ("40s", 40, 49),
                                                             ("50s", 50, 59)]),
        ("people in their 20s through their 70s and into their 80s",
         [("20s", 20, 29), ("70s", 70, 79), ("80s", 80, 89)]),
        ("She is in her late teens.", [("late teens", 17, 19)]),
        ("He died in the 1960s.", []),  # a decade of the calendar, no age
        ("The band was big in the 80s.", []),  # nobody's, and no weather
    ],
)
def test_decade_ages(text: str, expected: list) -> None:
    """An age said as a decade of life is a range of years old."""
    found = extract_figures(text)
    assert [(f.text, f.low, f.high) for f in found] == expected
    assert all(f.unit == "years old" and f.qualifier == "range" for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Highs will reach the mid-80s on Thursday.", [("mid-80s", 84, 86)]),
        ("Highs in the upper 90s are expected.", [("upper 90s", 97, 99)]),
        ("Lows will be in the teens tonight.", [("teens", 13, 19)]),
        ("Temperatures will climb into the 100s.", [("100s", 100, 109)]),
        ("Temperatures were in the 30s.", [("30s", 30, 39)]),
        ("Expect a high in the low 70s and a low in the 50s.", [("low 70s", 70, 73),
                                                               ("50s", 50, 59)]),
        ("Temperatures in the 70s and 80s are forecast.", [("70s", 70, 79), ("80s", 80, 89)]),
        ("His approval rating is in the low 40s.", []),  # a poll, not the weather
        ("It was the hottest summer of the 1980s.", []),
    ],
)
def test_decade_temperatures(text: str, expected: list) -> None:
    """A temperature said as a decade, where the sentence is of the weather, is a range of
    degrees."""
    found = extract_figures(text)
    assert [(f.text, f.low, f.high) for f in found] == expected
    assert all(f.unit == "degrees" and f.qualifier == "range" for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # an age a rule sets is years old
        ("The bill would raise the pension age to 67.", (67.0, None, None, "year of age")),
        ("The legal drinking age is 21 in the US.", (21.0, None, None, "year of age")),
        ("The age limit has been set at 35.", (35.0, None, None, "year of age")),
        ("The retirement age will rise from 66 to 68.", (66.0, 66.0, 68.0, "year of age")),
        ("The Ice Age was 20,000 years ago.", (20000.0, None, None, "year")),
        ("The age to 40 percent.", (40.0, None, None, "percentage")),
    ],
)
def test_an_age_a_rule_sets(text: str, expected: tuple) -> None:
    (f,) = extract_figures(text)
    assert (f.value, f.low, f.high, canonical_unit(f.unit)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Highs will be in the upper 80s Fahrenheit.", [("upper 80s", "fahrenheit")]),
        ("Lows in the 20s and 30s degrees Celsius tonight.", [("20s", "celsius"),
                                                             ("30s", "celsius")]),
        ("Highs in the 80s, with sunshine.", [("80s", "degree")]),
        ("He is in his 30s Celsius.", [("30s", "year of age")]),  # an age has no scale
    ],
)
def test_decade_temperatures_take_the_scale_said_after_them(text: str, expected: list) -> None:
    assert [(f.text, canonical_unit(f.unit)) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lows of minus 15 are expected overnight.", [("minus 15", -15, "degrees")]),
        ("The temperature hit 25 on Sunday.", [("25", 25, "degrees")]),
        ("Temperatures are expected to climb to 40 on Friday.", [("40", 40, "degrees")]),
        ("Sunday: sunny, high 78, low 60.", [("78", 78, "degrees"), ("60", 60, "degrees")]),
        ("Wind chills of minus 30 are possible.", [("minus 30", -30, "degrees")]),
        ("The wind chill made it feel like minus 30.", [("minus 30", -30, "degrees")]),
        ("The heat index reached 109 by late afternoon.", [("109", 109, "degrees")]),
        ("Shares hit a high of 78 on Monday.", [("78", 78, None)]),  # a price: no weather
        ("Stocks hit record highs of 150.", [("150", 150, None)]),
        ("Temperatures in 12 cities fell.", [("12 cities", 12, "cities")]),
        ("The temperature reached 5,000 in the furnace.", [("5,000", 5000, None)]),
    ],
)
def test_unsaid_degrees(text: str, expected: list) -> None:
    """A number with no unit where a temperature stands after the word for one is degrees; a
    day's "high" or "low" only in a sentence of the weather."""
    assert [(f.text, f.value, f.unit) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At 82, she still runs.", "years old"),
        ("At 16, Smith left home.", "years old"),  # a name fitted as a person's
        ("He left school at 16 and joined the army.", "years old"),
        ("She became the youngest mayor at 24.", "years old"),
        ("He was the oldest to win it at 41.", "years old"),
        ("He graduated at 21 with honours.", "years old"),
        ("At 10, the meeting began.", None),  # a time, or anything else
        ("At 30, Reuters said", None),
    ],
)
def test_age_that_opens_a_sentence(text: str, expected: str | None) -> None:
    assert [f.unit for f in extract_figures(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The boy is three and a half.", [(3.5, "years old")]),
        ("She was 2½ when they moved.", [(2.5, "years old")]),
        ("His daughter is 12.", [(12, "years old")]),
        ("The sisters are 12 and 14.", [(12, "years old"), (14, "years old")]),
        ("The boy was 3.5 miles away.", [(3.5, "miles")]),
        # an age in digits, then people counted in words (the two, subject of their own verb,
        # are boys)
        ("One of the boys was 16 and two were 17 when they were held.",
         [(1, "boys"), (16, "years old"), (2, "boys"), (17, None)]),
    ],
)
def test_a_childs_age(text: str, expected: list) -> None:
    """A child said to be a number, whole or and a half, is that many years old."""
    assert [(f.value, f.unit) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cents of a named currency are cents, not the currency
        ("The coin is worth 20 euro cents.", [(20.0, "euro cent")]),
        ("A gallon costs 19 United States cents more.", [(19.0, "cent")]),
        ("It costs 19 American dollars.", [(19.0, "dollar")]),
        ("It rose 2 euros. Cents are small.", [(2.0, "euro")]),
        # a half or a quarter of a measure, apart after "a"
        ("The Fed raised rates by a quarter point.", [(0.25, "point")]),
        ("The lot is a quarter acre.", [(0.25, "acre")]),
        ("He walked a half mile in a half hour.", [(0.5, "mile"), (0.5, "hour")]),
        ("It cut costs by a quarter.", [(0.25, "-")]),  # a part, no measure
        ("It won a half share.", []),
        ("Stir in a quarter teaspoon of salt.", [(0.25, "teaspoon")]),
        ("She finished a half second ahead.", [(0.5, "second")]),
        ("Add half a dram of saffron.", [(0.5, "dram")]),  # a weight, as a measure
        ("Add a half cup of sugar.", []),  # a cup may be a trophy: not read apart
        # measures named as they are written
        ("They own one acre.", [(1.0, "acre")]),
        ("He lost a stone and a half.", [(1.5, "stone")]),
        ("It doesn't bother me one bit.", []),
        # a whole number and a part, a decimal said aloud, feet and inches in words
        ("The board is two and three-quarter inches thick.", [(2.75, "inch")]),
        ("He pitched six and two-thirds innings.", [(6.0 + 2 / 3, "inning")]),
        ("It yields two and a quarter percent.", [(2.25, "percentage")]),
        ("below level three and three-quarters have been aimed", [(0.75, "-")]),  # a list
        ("It weighs two point five kilograms.", [(2.5, "kilogram")]),
        ("It fell to one point two million.", [(1.2e6, "-")]),
        ("At one point five people were on stage.", [(5.0, "people")]),
        ("He is six-foot-four.", [(6.0, "foot"), (4.0, "inch")]),
    ],
)
def test_measures_and_money_said_in_words(text: str,
                                          expected: list[tuple[float, str]]) -> None:
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rate "at 5.25%" is no clock time, whatever follows the sign
        ("The bank left rates unchanged at 5.25%.", [(5.25, "percentage")]),
        ("It came to the door at 11.30 last night.", []),
        # a label word used as a verb after a modal
        ("The new stadium will seat 62,000 fans.", [(62000.0, "fan")]),
        ("He sat in seat 12 of row 5.", []),
        ("Go to page 5.", []),
        # a part of a whole said in words, with no article
        ("two of nine policymakers voted for a cut",
         [(2.0, "policymaker"), (9.0, "policymaker")]),
    ],
)
def test_rates_labels_and_parts_found_in_our_own_news(text: str,
                                                      expected: list[tuple[float, str]]) -> None:
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The S&P 500 has risen 24% this year and the Nasdaq 40%.", ["up", "up"]),
        ("The Dow fell 2%, the S&P 1.5% and the Nasdaq 3%.", ["down", "down", "down"]),
        ("It declined, dropping roughly 50 percent in Texas and 40 percent in Tennessee.",
         ["down", "down"]),
        # a verb, a level or a part of its own: not the first figure's movement
        ("Inflation rose 3% in May, and unemployment was 4%.", ["up", "="]),
        ("Sales rose 5% and 60% of customers left.", ["up", "="]),
        ("Prices rose 2%, compared with 3% a year ago.", ["up", "="]),
        ("Exports fell 3% while imports rose 2%.", ["down", "up"]),
    ],
)
def test_a_movement_said_once_for_two_subjects(text: str, expected: list[str]) -> None:
    assert [f.change for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The yen weakened past 150 per dollar.", [(150.0, "japanese yen per dollar")]),
        ("The rouble firmed 0.5% to 91.2 per dollar.",
         [(0.5, "percentage"), (91.2, "russian ruble per dollar")]),
        ("The yuan was fixed at 7.1 per greenback.", [(7.1, "chinese yuan per dollar")]),
        # "against the dollar" may be read either way round: the number alone
        ("The rupee hit 83.2 against the dollar.", [(83.2, "-")]),
        # a rate of exchange after "at" is no clock time
        ("The pound was at 1.27 against the dollar.", [(1.27, "-")]),
        ("The meeting started at 1.27 in the afternoon.", []),
    ],
)
def test_a_rate_of_exchange_names_its_two_currencies(text: str,
                                                     expected: list[tuple[float, str]]) -> None:
    assert [(f.value, canonical_unit(f.unit)) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It cut aid by nearly $55 billion over six years.", ("six years", "exact", "=")),
        ("The project will create 2,000 jobs over five years.", ("five years", "exact", "=")),
        ("Prices rose 20% over two years.", ("two years", "exact", "=")),
        ("He has lived there for over six years.", ("over six years", "at_least", ">")),
        ("The 3 men served over 20 years in prison.", ("over 20 years", "at_least", ">")),
    ],
)
def test_over_a_span_after_an_amount_is_its_period(text: str, expected: tuple) -> None:
    """"over" and a span of time right after an amount is the time it takes, not more than."""
    last = extract_figures(text)[-1]
    assert (last.text, last.qualifier, last.change) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least one recent attempt was successful.", [(1.0, "recent attempt", ">")]),
        ("He said at least one former employee objected.", [(1.0, "former employee", ">")]),
        ("At least one county official said so.", [(1.0, "county official", ">")]),
        ("At least one official told reporters.", [(1.0, "official", ">")]),
        ("He will have at least one fewer opponent.", [(1.0, "opponent", ">")]),
        ("There were 20,000 fewer voters this time.", [(20000.0, "voters", "=")]),
        # a lone "one" too
        ("One recent attempt was successful.", [(1.0, "recent attempt", "=")]),
    ],
)
def test_a_count_of_one_finds_its_noun_past_adjectives(text: str, expected: list) -> None:
    assert [(f.value, f.unit, f.change) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He never spoke longer than 30 minutes.", [(30.0, "minutes", ">")]),
        ("The tower is taller than 300 metres.", [(300.0, "metres", ">")]),
        ("Tickets are cheaper than $20.", [(20.0, "USD", "<")]),
        ("Voters younger than 30 backed her.", [(30.0, "years old", "<")]),
        ("Anyone older than 65 can apply.", [(65.0, "years old", ">")]),
        # a measure said after the bound keeps its unit
        ("The building is older than 50 years.", [(50.0, "years", ">")]),
    ],
)
def test_a_comparative_bounds_the_figure(text: str, expected: list) -> None:
    assert [(f.value, f.unit, f.change) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The case will be heard by 10 judges rather than 11.", ["judges", "judges"]),
        ("The board has 12 seats instead of 10.", ["seats", "seats"]),
        ("It sold 40 cars compared with 25 a year earlier.", ["cars", "cars"]),
    ],
)
def test_the_alternative_takes_the_unit_said_once(text: str, expected: list[str]) -> None:
    assert [f.unit for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["A 911 caller told a dispatcher.", "Police received 911 calls saying shots were fired.",
     "The 999 emergency line was busy.", "He played the 911 tapes."],
)
def test_an_emergency_number_before_its_call_is_no_figure(text: str) -> None:
    assert extract_figures(text) == []


def test_a_count_of_911_things_is_still_a_figure() -> None:
    assert [(f.value, f.unit) for f in extract_figures("The firm owns 911 stores.")] == \
        [(911.0, "stores")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Workers earn $20 or more an hour.", "USD per hour"),
        ("They paid $2 million or more a year.", "USD per year"),
        ("It costs 5 euros or less a day.", "EUR per day"),
        ("He gave $5 or more to the fund.", "USD"),
    ],
)
def test_a_rate_after_a_bound_said_after_the_amount(text: str, expected: str) -> None:
    assert extract_figures(text)[0].unit == expected



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump leads with 221 delegates. Cruz has 69, Rubio has 41 and Carson has seven.",
         ["delegates"] * 4),
        ("Clinton now has at least 501 delegates and Sanders at least 69.", ["delegates"] * 2),
        ("With 107 delegates at stake, she will win at least 56. Sanders will gain at least 24.",
         ["delegates"] * 3),
        ("She has a total of at least 1,410 delegates, while he has at least 653.",
         ["delegates"] * 2),
        ("Clinton has earned at least 175 delegates. Sanders will receive at least 71.",
         ["delegates"] * 2),
    ],
)
def test_a_tally_says_its_noun_once(text: str, expected: list[str]) -> None:
    assert [f.unit for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # no new subject: the city's count is of something else
        "Acapulco, which has 847,735 citizens, had 883.",
        # no tally verb before the bare number
        "Trump won 100 delegates. The debate lasted 90.",
        # a new paragraph
        "Trump has 100 delegates.\n\nCruz has 12.",
    ],
)
def test_a_bare_count_outside_a_tally_takes_no_noun(text: str) -> None:
    assert extract_figures(text)[-1].unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("80,000 Democrats caucused, about 10,000 more than insiders expected.",
         ["Democrats", "Democrats"]),
        ("He owned 14 courses and bought two more in Florida.", ["courses", "courses"]),
        # the bare number after "more" is something else
        ("It has 14 courses, more than 3 in Ohio.", ["courses", None]),
    ],
)
def test_more_after_a_bare_number_is_more_of_the_count_before(
        text: str, expected: list[str | None]) -> None:
    assert [f.unit for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The temperature rose from 20F to 50F in a few hours.", [(20.0, None), (50.0, None)]),
        ("The rod grew from 5cm to 8cm.", [(5.0, None), (8.0, None)]),
        # a span, not a movement
        ("Temperatures range from 20F to 50F in winter.", [(20.0, 50.0)]),
    ],
)
def test_a_level_moved_from_is_no_range(text: str, expected: list) -> None:
    assert [(f.value, f.high) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # sentences of our own, written from quantulum3's own test forms (probe of session 52)
        # a fraction that is a part of a measure after it
        ("The house is approximately one-half mile east of the river.",
         (0.5, "mile", "approximate")),
        ("It is one half mile away.", (0.5, "mile", "exact")),
        ("The rapture comes after a three and one-half year period.", (3.5, "year", "exact")),
        ("The Fed made a one-quarter-point cut.", (0.25, "point", "exact")),
        # a tolerance belongs to its figure, with the unit after it
        ("The parcel weighs 12 ± 2 kg.", (12.0, "kilogram", "approximate")),
        ("The parcel weighs 12 +- 2 kg.", (12.0, "kilogram", "approximate")),
        ("Turnout was 61.2% ± 1.5% in the district.", (61.2, "percentage", "approximate")),
        ("Growth was 2.5+/-0.3 percent last year.", (2.5, "percentage", "approximate")),
        # a power of ten written with an "e", as written
        ("The p-value was 2.66e-16 in the trial.", (2.66e-16, "-", "exact")),
        ("Violet light oscillates at about 4e14 hertz.", (4e14, "hertz", "approximate")),
        # a tolerance's power takes as many digits as its figure's (it had taken two: unit "e")
        ("The star's mass is 5.2e100 ± 2e100 kg.", (5.2e100, "kilogram", "approximate")),
        # a symbol with a small letter before a capital, and a rate per a power
        ("Photons of 1.7 eV were absorbed.", (1.7, "electronvolt", "exact")),
        ("Air weighs 1.2 kg/m³ at sea level.", (1.2, "kilogram per cubic metre", "exact")),
        ("Air weighs 1.2kg/m³ at sea level.", (1.2, "kilogram per cubic metre", "exact")),
        # not this: a fraction before a verb
        ("Two-thirds support reducing it.", (2 / 3, "-", "exact")),
    ],
)
def test_fractions_tolerances_and_powers(text: str, expected: tuple[float, str, str]) -> None:
    found = extract_figures(text)
    assert len(found) == 1, found
    f = found[0]
    assert (f.value, canonical_unit(f.unit), f.qualifier) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # the second number of a range reads its "e" as the first does (it had read unit "e")
        ("Doses ranged from 1e5 to 2e5 cells.", (1e5, 2e5, "cell")),
        ("The spacing is between 1.5e3 and 2.5e3 nm.", (1500.0, 2500.0, "nanometre")),
        ("Error rates of 2.1e-3 to 4E-3 were seen.", (0.0021, 0.004, "-")),
    ],
)
def test_a_range_of_powers_of_ten(text: str, expected: tuple[float, float, str]) -> None:
    (f,) = extract_figures(text)
    assert (f.low, f.high, canonical_unit(f.unit)) == expected


def test_a_capital_e_unsigned_is_no_power_of_ten() -> None:
    # a place on a chromosome, an apartment: not 9,800 or 40,000
    values = [f.value for f in extract_figures("The deletion at 98E2 removed flat 4E4's gene.")]
    assert 9800.0 not in values and 40000.0 not in values


def test_a_power_of_a_small_number_is_shifted_not_reparsed() -> None:
    # 0.00001 prints as "1e-05": a power written after it once made "1e-05e3" and raised
    assert [f.value for f in extract_figures("The dose was 0.00001×10^3 g.")] == [0.01]


def test_a_number_past_a_doubles_range_is_no_figure() -> None:
    # 400 digits in a row were infinity, which raised in the compound-amount step (or went out
    # as a JSON "Infinity"); a power of ten has up to three digits and no more
    assert extract_figures("It cost $ " + "1" * 400 + " in all.") == []
    assert [(f.value, f.unit) for f in extract_figures("It weighs 7 kg, or " + "9" * 400 + " g.")
            ] == [(7, "kg")]
    assert [f.value for f in extract_figures("about 1e-100 of it")] == [1e-100]
    assert [f.value for f in extract_figures("a 1e300 chance")] == [1e300]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a movement, "N to M" where M is at most twice N is a range of the change
        ("Freight rates were likely to rise by 15 to 20 percent within a week.",
         [(15.0, 15.0, 20.0)]),
        ("Exports grew 3 to 5 percent last year.", [(3.0, 3.0, 5.0)]),
        # ... not where the change and the level reached differ more
        ("Unemployment rose by 0.2 to 4.1 percent.", [(0.2, None, None), (4.1, None, None)]),
        ("The shares gained 1.25 to 34.50.", [(1.25, None, None), (34.5, None, None)]),
    ],
)
def test_a_change_said_as_a_range(text: str, expected: list) -> None:
    assert [(f.value, f.low, f.high) for f in extract_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pound hyphened to its number weighs; pounds after a person's height weigh
        ("The 185-pound point guard scored 30 points.", "pound-mass"),
        ("The fisherman caught a 20-pound trout.", "pound-mass"),
        ("He is listed at 6-5, 250 pounds.", "pound-mass"),
        ("The linebacker, 6 feet 2 and 240 pounds, signed on Monday.", "pound-mass"),
        ("She is 5'6\", 130 pounds.", "pound-mass"),
        # money still: a note, a price
        ("A 5-pound note was found in the jacket.", "pound sterling"),
        ("The club paid 40 pounds for the kit.", "pound sterling"),
    ],
)
def test_pounds_that_weigh_by_their_form(text: str, expected: str) -> None:
    pounds = [f for f in extract_figures(text) if "pound" in f.text]
    assert [canonical_unit(f.unit) for f in pounds] == [expected]


@pytest.mark.parametrize(("text", "figures"), [
    ("It costs a dollar.", [(1, "USD")]), ("She ran a mile.", [(1, "mile")]),
    ("He drank a litre of milk.", [(1, "litre")]), ("It costs about a dollar.", [(1, "USD")]),
    # a rate's "a" is no figure of its own; nor is the unit a sentence opens with
    ("Gas costs $3 a gallon.", [(3, "USD per gallon")]),
    # and a quarter after the unit, as a half ("a mile and a quarter" had been no figure)
    ("She stays over a mile and a quarter.", [(1.25, "mile")]),
    ("It took an hour and a quarter.", [(1.25, "hour")]),
    ("A gallon costs 19 cents more.", [(19, "cents")]),
    # no measure, no figure
    ("He has a mile-long list.", []), ("It was a good year.", []),
])
def test_a_measure_or_a_price_said_with_a_is_one_of_it(
        text: str, figures: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in extract_figures(text)] == figures
