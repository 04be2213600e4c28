"""The pipeline's checks on a model draft, with a queued fake backend (no HTTP)."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from summarize import brief, briefing_json_schema, resolve_settings
from summarize.schema import (
    DraftActor,
    DraftBriefing,
    DraftClaim,
    DraftFigure,
    DraftUncertainty,
)
from tests.conftest import GENERATIVE


def draft(**overrides: Any) -> DraftBriefing:
    base: dict[str, Any] = {
        "title": "North Korean troops may join Russia's war",
        "bottom_line": "South Korea's intelligence agency says North Korean troops may be at the "
        "front. The Pentagon says about 10,000 were sent to Russia.",
        "key_claims": [
            DraftClaim(
                statement="Some North Korean troops may have been deployed to the front lines.",
                attributed_to="South Korea's Defense Intelligence Agency",
                certainty="possible",
                evidence=["some North Korean troops may have been deployed to the front lines"],
            ),
            DraftClaim(
                statement="North Korea sent 50,000 troops to Moscow.",
                attributed_to=None,
                certainty="confirmed",
                evidence=["North Korea sent 50,000 troops to Moscow by train."],
            ),
            DraftClaim(
                statement="Troops may have been deployed.",
                attributed_to="Defense Intelligence Agency",
                certainty="confirmed",
                evidence=["some North Korean troops may have been deployed"],
            ),
        ],
        "actors": [
            DraftActor(name="Sabrina Singh", kind="person", role="Pentagon spokesperson",
                       evidence=["a spokesperson said so"]),
            DraftActor(name="Napoleon", kind="person", role="emperor", evidence=["Napoleon"]),
        ],
        "figures": [
            DraftFigure(text="10,000 troops", value=10000, unit="troops", qualifier="exact",
                        evidence=["dispatched approximately 10,000 troops to Russia"]),
            DraftFigure(text="12 missiles", value=12, unit="missiles", qualifier="exact",
                        evidence=["long-range ballistic missiles capable of intercontinental "
                                  "travel"]),
        ],
        "uncertainties": [
            DraftUncertainty(statement="Whether troops are at the front is not known precisely.",
                             cue="does not yet have precise information",
                             evidence=["it does not yet have precise information"]),
        ],
    }
    base.update(overrides)
    return DraftBriefing(**base)


def run(seed, fake_backend_cls, strict: bool = False, **overrides: Any):  # type: ignore[no-untyped-def]
    backend = fake_backend_cls(draft(**overrides))
    settings = resolve_settings(strict=strict, env={}, strategy="generative")
    return brief(seed, settings=settings, backend=backend)


def test_grounded_and_ungrounded_items_are_told_apart(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = run(seed, fake_backend_cls)
    good, invented, inflated = b.key_claims
    assert good.grounded and good.evidence[0].status == "exact" and not good.flags
    e = good.evidence[0]
    assert seed.text[e.start : e.end] == e.quote
    assert not invented.grounded and invented.flags == ["ungrounded"]
    assert invented.evidence[0].start is None
    assert "certainty_inflated" in inflated.flags


def test_actor_name_in_the_source_grounds_it_invented_one_does_not(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = run(seed, fake_backend_cls)
    singh, napoleon = [a for a in b.actors if a.origin == "model"]
    assert singh.grounded and singh.evidence[-1].quote == "Sabrina Singh"
    assert not napoleon.grounded and napoleon.flags == ["ungrounded"]


def test_figures_are_checked_and_completed_by_the_analyser(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = run(seed, fake_backend_cls)
    by_text = {f.text: f for f in b.figures}
    troops = by_text["approximately 10,000 troops"]
    assert (troops.value, troops.unit, troops.qualifier, troops.origin) == (
        10000, "troops", "approximate", "both")
    assert troops.flags == ["figure_mismatch"]  # the draft called it exact
    missiles = by_text["12 missiles"]
    assert missiles.flags == ["figure_not_in_evidence"] and missiles.origin == "model"
    assert not missiles.grounded
    years = by_text["nearly three-year"]
    assert years.origin == "analyser" and years.grounded
    assert sum(1 for f in b.figures if f.value == 10000) == 1


def test_strict_drops_ungrounded_items_and_says_so(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = run(seed, fake_backend_cls, strict=True)
    assert all(i.grounded for s in (b.key_claims, b.actors, b.figures, b.uncertainties)
               for i in s)
    assert b.grounding.items_dropped == 3  # invented claim, Napoleon, the 12 missiles
    assert any("dropped" in n for n in b.notes)


def test_briefing_validates_and_records_provenance(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = run(seed, fake_backend_cls)
    data = b.model_dump(mode="json")
    jsonschema.validate(data, briefing_json_schema())
    assert data["document"]["sha256"] == seed.sha256
    p = data["provenance"]
    assert p["prompt"]["version"] == "v1" and len(p["prompt"]["sha256"]) == 64
    assert p["usage"]["total_tokens"] == 15 and p["attempts"] == 1 and p["retries"] == 0
    g = b.grounding
    assert g.evidence_total == g.exact + g.normalized + g.fuzzy + g.ungrounded
    assert g.rate == round(g.grounded / g.evidence_total, 4)


def test_document_is_passed_as_delimited_data(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    backend = fake_backend_cls(draft())
    brief(seed, settings=GENERATIVE, backend=backend)
    user = backend.calls[0][1]["content"]
    tag = f"document-{seed.sha256[:12]}"
    assert f"<{tag}>\n{seed.text}\n</{tag}>" in user
    assert f"</{tag}>" not in seed.text and tag in backend.calls[0][0]["content"]


def test_hedged_sentences_complete_the_uncertainties(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = run(seed, fake_backend_cls)
    model = [u for u in b.uncertainties if u.origin == "model"]
    added = [u for u in b.uncertainties if u.origin == "analyser"]
    assert len(model) == 1 and model[0].grounded
    assert {"anticipates", "suggested", "appear"} <= {u.cue for u in added}
    # The "may have been deployed" sentence is a key claim already: not repeated here.
    assert not any("may have been deployed" in u.statement for u in added)
    assert len(b.uncertainties) <= 6
    taken = (model[0].evidence[0].start, model[0].evidence[0].end)
    for u in added:
        e = u.evidence[0]
        assert seed.text[e.start : e.end] == e.quote and u.cue in e.quote
        assert not (e.start < taken[1] and taken[0] < e.end), "overlaps the model's item"


def test_quotes_found_in_the_source_must_also_support_the_item(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = run(seed, fake_backend_cls, key_claims=[
        DraftClaim(statement="Ukraine's forces have surrendered in the Kursk region.",
                   attributed_to=None, certainty="confirmed", evidence=["Sabrina Singh"]),
    ], actors=[
        DraftActor(name="Mark Rutte", kind="person", role="NATO Secretary-General",
                   evidence=["the Pentagon disclosed"]),
    ])
    claim = b.key_claims[0]
    assert claim.evidence[0].status == "exact" and not claim.grounded
    assert claim.flags == ["evidence_unrelated"]
    rutte = b.actors[0]
    # Its own quote says nothing of Rutte, but the name is in the source: that grounds it.
    assert rutte.grounded and rutte.evidence[-1].quote == "Mark Rutte"


def test_repeated_items_are_folded(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    figure = DraftFigure(text="10,000 troops", value=10000, unit="troops", qualifier="exact",
                         evidence=["approximately 10,000 troops"])
    b = run(seed, fake_backend_cls, figures=[figure] * 5)
    assert sum(1 for f in b.figures if f.value == 10000) == 1


def test_attributions_fill_and_check_who_says_it(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = run(seed, fake_backend_cls, key_claims=[
        DraftClaim(statement="Certain North Korean troops have been deployed towards Ukraine.",
                   attributed_to=None, certainty="confirmed",
                   evidence=["certain North Korean troops have already been deployed towards "
                             "Ukraine"]),
        DraftClaim(statement="North Korea dispatched approximately 10,000 troops to Russia.",
                   attributed_to="Mark Rutte", certainty="likely",
                   evidence=["North Korea has reportedly dispatched approximately 10,000 troops"]),
    ])
    filled, wrong = b.key_claims
    assert filled.attributed_to == "Pentagon spokesperson Sabrina Singh"
    assert "attribution_filled" in filled.flags and filled.grounded
    assert wrong.attributed_to == "Mark Rutte" and "attribution_mismatch" in wrong.flags


def test_a_claim_is_credited_to_the_source_of_most_of_its_sentence(seed) -> None:  # type: ignore[no-untyped-def]
    from summarize.core.checks import check_draft

    sentence = ("While foreign media outlets have reported the presence of North Korean "
                "personnel at the front lines, the Defence Intelligence Agency has stated that it "
                "does not yet have precise information regarding this situation.")
    assert sentence in seed.text
    # As the extractive strategy builds it: the sentence is its own evidence (over the
    # model's 200-character limit on a quote, so built, not validated).
    claim = DraftClaim.model_construct(statement=sentence, attributed_to=None,
                                       certainty="unclear", evidence=[sentence])
    checked = check_draft(draft(key_claims=[claim]), seed, model_wrote_claims=False)
    # Two attributions in the sentence: the media's clause is the lesser part of it.
    assert checked.claims[0].attributed_to == "the Defence Intelligence Agency"


def test_a_claim_a_pronoun_says_is_credited_to_the_person_with_a_flag() -> None:
    from summarize.core.checks import check_draft
    from summarize.document import document_from_text

    text = ("Workers at the port of Gdansk will strike on Monday.\n\nUnion chairman Piotr "
            "Kowalski said the walkout would last 48 hours. He said talks with the port "
            "authority had collapsed.")
    sentence = "He said talks with the port authority had collapsed."
    claim = DraftClaim.model_construct(statement=sentence, attributed_to=None,
                                       certainty="confirmed", evidence=[sentence])
    for model_wrote_claims, flags in ((False, ["attribution_pronoun"]),
                                      (True, ["attribution_filled", "attribution_pronoun"])):
        checked = check_draft(draft(key_claims=[claim]), document_from_text(text),
                              model_wrote_claims=model_wrote_claims)
        assert checked.claims[0].attributed_to == "Piotr Kowalski"
        assert checked.claims[0].flags == flags
    # A model that names someone else is not contradicted by a guess; one that names the same
    # person is told it is the reading of a pronoun.
    for attributed_to, flags in (("the port authority", []),
                                 ("Piotr Kowalski", ["attribution_pronoun"])):
        named = DraftClaim.model_construct(statement=sentence, attributed_to=attributed_to,
                                           certainty="confirmed", evidence=[sentence])
        checked = check_draft(draft(key_claims=[named]), document_from_text(text))
        assert checked.claims[0].flags == flags


def test_the_guided_prompt_names_the_person_a_pronoun_stands_for() -> None:
    from summarize.strategies.guided import guided_candidates, guided_findings

    text = ("Workers at the port of Gdansk will strike on Monday.\n\nUnion chairman Piotr "
            "Kowalski said the walkout would last 48 hours. He said talks with the port "
            "authority had collapsed.")
    findings = guided_findings(text, guided_candidates(text))
    assert any("source: Piotr Kowalski (as “He”)" in line for line in findings), findings


def test_named_sources_become_actors(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = run(seed, fake_backend_cls, actors=[])
    names = {a.name: a for a in b.actors}
    for expected in ("Pentagon", "Sabrina Singh", "Mark Rutte",
                     "South Korea's Defense Intelligence Agency"):
        assert expected in names, sorted(names)
        actor = names[expected]
        assert actor.origin == "analyser" and actor.grounded
        e = actor.evidence[0]
        assert seed.text[e.start : e.end] == e.quote == expected
    assert names["Mark Rutte"].kind == "person" and "NATO" in (names["Mark Rutte"].role or "")
    assert names["Pentagon"].kind == "organization"
    assert len(b.actors) <= 8


def test_a_rerun_with_the_same_answers_reuses_the_finished_briefing(
        seed, fake_backend_cls, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import summarize.pipeline as pipeline
    from summarize.backends.cache import ResponseCache

    with ResponseCache(tmp_path / "c.sqlite") as cache:
        first = brief(seed, settings=GENERATIVE, backend=fake_backend_cls(draft()), cache=cache)
        calls = []
        real_finish = pipeline.finish
        monkeypatch.setattr(pipeline, "finish",
                            lambda *a, **k: calls.append(1) or real_finish(*a, **k))
        again = brief(seed, settings=GENERATIVE, backend=fake_backend_cls(), cache=cache)
        assert calls == [] and again.provenance.cached
        assert again.model_dump(exclude={"provenance"}) == first.model_dump(
            exclude={"provenance"})
        # Other code or models: the checks run again.
        monkeypatch.setattr(pipeline, "build_identity", lambda: "another build")
        brief(seed, settings=GENERATIVE, backend=fake_backend_cls(), cache=cache)
        assert calls == [1]
        # Another document id: its own briefing.
        other = brief(seed.__class__(id="other", text=seed.text, sha256=seed.sha256),
                      settings=GENERATIVE, backend=fake_backend_cls(), cache=cache)
        assert other.document.id == "other" and calls == [1, 1]


def test_a_named_source_written_across_a_line_break_becomes_an_actor() -> None:
    from summarize.analysers.attributions import Attribution, Span
    from summarize.core.checks import _sources_as_actors
    from summarize.core.evidence import Grounder

    text = "The Pentagon spokesperson Sabrina\nSingh said the troops had arrived."
    def span(start: int, end: int) -> Span:
        return Span(text[start:end], start, end)

    source = span(0, text.index(" said"))
    cue = span(text.index("said"), text.index("said") + 4)
    content = span(text.index("the troops"), len(text) - 1)
    actors, left = _sources_as_actors([Attribution(source, cue, content)], [], Grounder(text))
    assert left == 0 and [a.name for a in actors] == ["Sabrina Singh"]
    name = actors[0].evidence[0]
    assert text[name.start:name.end] == "Sabrina\nSingh"


def test_an_actor_named_several_times_takes_the_kind_most_mentions_give(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.analysers.attributions import Attribution, Span
    from summarize.analysers.source_kinds import SourceActor
    from summarize.core import checks
    from summarize.core.evidence import Grounder

    text = ("Nowak claims the union\nEwa Nowak, the chairwoman, said the strike was over. "
            "Mrs. Nowak said the docks would open. The Harbour Union said so too.")
    sources = ["Nowak", "Ewa Nowak, the chairwoman", "Mrs. Nowak", "The Harbour Union"]
    # As a tagger may read them: a headline's surname as an organization, then a person twice.
    read = {"Nowak": ("Nowak", "organization", None),
            "Ewa Nowak, the chairwoman": ("Ewa Nowak", "person", "the chairwoman"),
            "Mrs. Nowak": ("Nowak", "person", None),
            "The Harbour Union": ("Harbour Union", "organization", None)}

    def source_actors(text: str, start: int, end: int) -> list[SourceActor]:
        name, kind, role = read[text[start:end]]
        at = text.index(name, start)
        return [SourceActor(name, kind, role, at, at + len(name), True)]

    monkeypatch.setattr(checks, "source_actors", source_actors)
    attributions = []
    at = 0
    for phrase in sources:
        at = text.index(phrase, at)
        cue = min(text.find(verb, at) % len(text) for verb in ("said", "claims"))
        attributions.append(Attribution(Span(phrase, at, at + len(phrase)),
                                        Span(text[cue:cue + 4], cue, cue + 4),
                                        Span(text[cue + 5:cue + 20], cue + 5, cue + 20)))
        at += len(phrase)
    actors, left = checks._sources_as_actors(attributions, [], Grounder(text))
    assert left == 0
    assert [(a.name, a.kind, a.role) for a in actors] == [
        ("Ewa Nowak", "person", "the chairwoman; source of a claim"),  # not the headline's
        ("Harbour Union", "organization", "source of a claim")]
    name = actors[0].evidence[0]
    assert (name.start, name.end) == (text.index("Ewa Nowak"), text.index("Ewa Nowak") + 9)


def test_a_form_of_address_or_a_title_is_no_word_of_an_actors_name(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.analysers.attributions import Attribution, Span
    from summarize.analysers.source_kinds import SourceActor
    from summarize.core import checks

    text = ("Ewa Nowak said the strike was over. Mrs Nowak said the docks would open. "
            "Prof Kowalski said so. Jan Kowalski said so too. Anna Nowak said no.")

    def source_actors(text: str, start: int, end: int) -> list[SourceActor]:
        return [SourceActor(text[start:end], "person", None, start, end, True)]

    monkeypatch.setattr(checks, "source_actors", source_actors)
    attributions = []
    for name in ("Ewa Nowak", "Mrs Nowak", "Prof Kowalski", "Jan Kowalski", "Anna Nowak"):
        at = text.index(name)
        cue = text.index("said", at)
        attributions.append(Attribution(Span(name, at, at + len(name)),
                                        Span("said", cue, cue + 4),
                                        Span(text[cue + 5:cue + 9], cue + 5, cue + 9)))
    groups = checks.mentions_by_actor(text, attributions)
    # (as before, a first name that differs is another person)
    assert [[actor.name for actor, _ in mentions] for mentions in groups] == [
        ["Ewa Nowak", "Mrs Nowak"], ["Prof Kowalski", "Jan Kowalski"], ["Anna Nowak"]]


def test_a_wrapped_copy_of_the_seed_gives_the_same_briefing(seed) -> None:  # type: ignore[no-untyped-def]
    """Text copied from print or a PDF comes wrapped: the briefing must not change with it."""
    import textwrap

    from summarize import document_from_text

    wrapped = "\n".join(textwrap.fill(line, 70) for line in seed.text.split("\n"))
    assert wrapped.count("\n") > seed.text.count("\n") + 20
    settings = resolve_settings(env={}, strategy="extractive")
    one, two = (brief(d, settings=settings) for d in (seed, document_from_text(wrapped)))

    def folded(b: Any) -> Any:
        return (b.title, b.bottom_line,
                [(" ".join(c.statement.split()), c.attributed_to, c.certainty)
                 for c in b.key_claims],
                [(a.name, a.kind, a.role) for a in b.actors],
                [(f.value, f.unit, f.qualifier) for f in b.figures],
                [u.cue for u in b.uncertainties])

    assert two.title == ("Intelligence report: North Korean troops may join Russia-Ukraine "
                         "front lines")
    assert folded(two) == folded(one)


def test_a_claims_source_written_across_a_line_break_is_credited_on_one_line() -> None:
    from summarize import document_from_text

    text = ("Troops reach the border\n\nThe Pentagon\nspokesperson Sabrina Singh said on "
            "Monday that the troops had arrived at the border.\nOfficials expect more to come.")
    briefing = brief(document_from_text(text),
                     settings=resolve_settings(env={}, strategy="extractive"))
    credited = [c.attributed_to for c in briefing.key_claims if c.attributed_to]
    assert credited == ["The Pentagon spokesperson Sabrina Singh"], credited


def test_a_briefing_of_a_document_in_another_language_says_so(seed) -> None:  # type: ignore[no-untyped-def]
    from summarize import document_from_text

    french = ("Le gouvernement a annoncé mardi que le port de Valdera rouvrirait vendredi après "
              "la tempête qui a fermé les quais pendant trois jours. Les dockers ont salué la "
              "décision, mais le maire a prévenu que les réparations pourraient durer des "
              "semaines et que la circulation resterait limitée dans le centre.")
    settings = resolve_settings(env={}, strategy="extractive")
    said = [n for n in brief(document_from_text(french), settings=settings).notes
            if "does not read as English" in n]
    assert len(said) == 1
    assert not any("English" in n for n in brief(seed, settings=settings).notes)


def test_a_source_actors_evidence_holds_its_words_whatever_their_order() -> None:
    from summarize.document import document_from_text

    # The quotation first, its speaker after: the evidence ran from the cue to the content's
    # end, before the cue, and was empty.
    text = ('Workers at the port will strike on Monday.\n\n"The city should pay us," said Ewa '
            "Nowak, a crane driver.")
    b = brief(document_from_text(text), settings=resolve_settings(env={}, strategy="extractive"))
    nowak = next(a for a in b.actors if a.name == "Ewa Nowak")
    assert all(e.quote for e in nowak.evidence)
    assert any("The city should pay us" in e.quote and "said" in e.quote for e in nowak.evidence)


def test_a_figure_said_twice_is_listed_with_its_bound() -> None:
    from summarize.document import document_from_text

    # The headline rounds the sum; the text says it was more than that. One figure, the bound.
    text = ("Councillor jailed for £1.4m fraud\n\nA former councillor has been jailed for "
            "defrauding a housing charity of more than £1.4 million over a decade.")
    b = brief(document_from_text(text), settings=resolve_settings(env={}, strategy="extractive"))
    sums = [(f.text, f.qualifier, f.origin) for f in b.figures if f.value == 1_400_000]
    assert sums == [("more than £1.4 million", "at_least", "analyser")]


@pytest.mark.parametrize(("sentence", "certainty"), [
    ("Troops were deployed to Kursk.", "confirmed"),
    ("Officials believe the unit suffered heavy losses.", "likely"),
    # what calls a thing probable is "likely", as an assessment's scale has it; what leaves it
    # open is "possible"
    ("Russia is likely to expand the offensive.", "likely"),
    ("The strike was probably carried out by drones.", "likely"),
    ("The regime almost certainly intends to continue shipments.", "likely"),
    ("The troops may be deployed soon.", "possible"),
    ("Russia is unlikely to withdraw.", "possible"),
    ("Moscow is likely providing systems, according to sources.", "possible"),
    ("It remains unclear whether the troops crossed the border.", "unclear"),
])
def test_the_certainty_a_sentence_allows(sentence: str, certainty: str) -> None:
    from summarize.strategies.base import certainty_of

    assert certainty_of(sentence) == certainty


def test_an_actor_named_by_surname_takes_the_full_name_given_before() -> None:
    from summarize.document import document_from_text

    text = ("Secretary Lin spoke today with Foreign Minister Dana Kovac about the crossings. "
            "Kovac said that more than 1.2 million displaced people depend on aid deliveries.")
    b = brief(document_from_text(text), settings=resolve_settings(env={}, strategy="extractive"))
    kovac = next(a for a in b.actors if "Kovac" in a.name)
    assert kovac.name == "Dana Kovac" and kovac.kind == "person"
    assert kovac.evidence[0].quote == "Dana Kovac"
    # two given names for one surname: which one spoke is not known, so the surname stays
    text = ("Bill Clinton and Hillary Clinton arrived on Monday. Clinton said the port would "
            "reopen on Friday.")
    b = brief(document_from_text(text), settings=resolve_settings(env={}, strategy="extractive"))
    assert [a.name for a in b.actors] == ["Clinton"]


def test_a_count_of_one_is_a_figure_of_the_analyser_but_not_of_the_briefing() -> None:
    from summarize.analysers.figures import counts_one, extract_figures
    from summarize.document import document_from_text

    text = ("Police said one of the attackers fled.\n\nOne person was killed and 20 people were "
            "hurt after a one-week standoff.")
    found = [(f.text, counts_one(f)) for f in extract_figures(text)]
    assert found == [("one of the attackers", True), ("One person", True),
                     ("20 people", False), ("one-week", False)]
    b = brief(document_from_text(text), settings=resolve_settings(env={}, strategy="extractive"))
    assert sorted(f.text for f in b.figures) == ["20 people", "one-week"]
