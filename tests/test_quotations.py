"""Quotations that run over several sentences: who said each of them, and how a sentence taken
from inside one reads on its own (docs/analysers.md, "A quotation of several sentences")."""

from __future__ import annotations

from summarize.analysers.attributions import as_quoted, tagged_attributions
from summarize.analysers.salience import Sentence
from summarize.analysers.sentences import sentence_spans
from summarize.strategies.base import bottom_line


class _Labelled:
    """A tagger that labels each sentence's tokens as told, in order: one letter a token, S a
    source, C a cue, T a content, O none (runs of a letter are one span)."""

    def __init__(self, *sentences: str) -> None:
        self.sentences = list(sentences)

    def decode(self, features: list[list[str]], weights: object = None, kinds: object = (),
               when: object = None) -> tuple[list[str], dict[str, list[float]]]:
        letters = self.sentences.pop(0).split()
        assert len(features) == len(letters)
        kinds_ = {"S": "Source", "C": "Cue", "T": "Content"}
        labels = [("I-" if i and letters[i - 1] == x else "B-") + kinds_[x] if x != "O" else "O"
                  for i, x in enumerate(letters)]
        return labels, {}


def _found(text: str, tagger: _Labelled) -> set[tuple[str, str, str]]:
    return {(a.source.text, a.cue.text, a.content.text) for a in tagged_attributions(text, tagger)}


def test_a_quotation_of_several_sentences_is_one_content() -> None:
    # Mr . Brown said : " The plan will fail . | Nobody asked the residents . "
    text = 'Mr. Brown said: "The plan will fail. Nobody asked the residents."'
    tagger = _Labelled("S S S C O O T T T T O", "O O O O O O")
    assert _found(text, tagger) == {
        ("Mr. Brown", "said", "The plan will fail. Nobody asked the residents")}
    # " We cannot wait . | The bridge is unsafe , " said Ana Ruiz .
    text = '"We cannot wait. The bridge is unsafe," said Ana Ruiz.'
    tagger = _Labelled("O O O O O", "T T T T O O C S S O")
    assert _found(text, tagger) == {("Ana Ruiz", "said", "We cannot wait. The bridge is unsafe")}


def test_a_quotation_with_its_cue_inside_keeps_its_own_content() -> None:
    # " I told them : the plan will fail . | Nobody listened . "  (the cue is inside)
    text = '"I told them: the plan will fail. Nobody listened."'
    tagger = _Labelled("O S C O O T T T T O", "O O O O")
    assert _found(text, tagger) == {("I", "told", "the plan will fail")}


# " The vote is final , " the minister said .
_SAID = "O T T T T O O S S C O"


def test_the_next_quotation_of_the_paragraph_is_the_same_speakers() -> None:
    text = ('"The vote is final," the minister said. "There will be no recount. We accept it."'
            '\n\n"It was rigged," Smith said.')
    tagger = _Labelled(_SAID, "O O O O O O O", "O O O O O", "O T T T O O S C O")
    found = _found(text, tagger)
    assert ("the minister", "said", "There will be no recount. We accept it") in found
    assert ("Smith", "said", "It was rigged") in found
    assert len(found) == 3


def test_a_quotation_inside_a_sentence_or_after_a_paragraph_break_is_not_continued() -> None:
    # a name in quotation marks opens the next sentence: no quotation of the minister's
    text = '"The vote is final," the minister said. "Big Bopper" Richardson died in 1959.'
    assert len(_found(text, _Labelled(_SAID, "O O O O O O O O O"))) == 1
    # a new paragraph
    text = '"The vote is final," the minister said.\n\n"There will be no recount."'
    assert len(_found(text, _Labelled(_SAID, "O O O O O O O O"))) == 1


def _sentences(text: str) -> list[str]:
    return [as_quoted(text, s, e) for s, e in sentence_spans(text)]


def test_a_sentence_from_inside_a_quotation_reads_as_quoted() -> None:
    text = ('"We cannot wait. The bridge is unsafe," said Ana Ruiz. Mr. Brown said: "It will '
            'fail. Nobody asked."\n\nThe "Big Bopper" died.')
    assert _sentences(text) == [
        '"We cannot wait."', '"The bridge is unsafe," said Ana Ruiz.',
        'Mr. Brown said: "It will fail."', '"Nobody asked."', 'The "Big Bopper" died.']
    # in the marks the text quotes with
    british = "‘We cannot wait. The bridge is unsafe,’ said Ana Ruiz. The voters’ anger grew."
    assert _sentences(british) == ["‘We cannot wait.’", "‘The bridge is unsafe,’ said Ana Ruiz.",
                                   "The voters’ anger grew."]
    # a quotation no mark closes before its paragraph ends (continued in the next one)
    text = 'He said: "We will win.\n\n"We always do."'
    assert _sentences(text) == ['He said: "We will win."', '"We always do."']
    # without blank lines, only a quotation a mark closes: BBC text in XSum puts a closing
    # mark at the start of the next line
    text = 'A report accused Russia of doping.\n"Commission chairman Dick Pound spoke.\nHe left.'
    assert _sentences(text)[1] == '"Commission chairman Dick Pound spoke.'
    text = 'He said: "We cannot wait. The bridge is unsafe."\nHe left.'
    assert _sentences(text)[1] == '"The bridge is unsafe."'
    # a mark that opens what the next sentence says is no quotation of this one's
    text = 'He paused. "\nWe will win," he said.\n\nMore text.'
    assert _sentences(text) == ['He paused. "', '"We will win," he said.', "More text."]


def test_a_bottom_line_closes_the_quotations_it_cuts_and_names_their_speakers() -> None:
    text = ('"We cannot wait. The bridge is unsafe," said Ana Ruiz. Mr. Brown said: "It will '
            'fail. Nobody asked. They will pay."')
    spans = sentence_spans(text)
    sentences = [Sentence(index=i, start=s, end=e, text=text[s:e], score=1.0)
                 for i, (s, e) in enumerate(spans)]
    # two sentences of one quotation side by side: no marks between them
    assert bottom_line(text, sentences[:2]) == \
        '"We cannot wait. The bridge is unsafe," said Ana Ruiz.'
    # a quotation whose speaker's sentence was left out names the speaker after it
    assert bottom_line(text, [sentences[0], sentences[3]]) == \
        '"We cannot wait." "Nobody asked." (Mr. Brown)'
    assert bottom_line(text, sentences[3:5]) == '"Nobody asked. They will pay." (Mr. Brown)'
    assert bottom_line(text, sentences[2:5]) == \
        'Mr. Brown said: "It will fail. Nobody asked. They will pay."'
    # the speaker where the quotation ends, not after the sentence that follows it
    text = 'Mr. Brown said: "It will fail. Nobody asked." The vote is on Monday.'
    sentences = [Sentence(index=i, start=s, end=e, text=text[s:e], score=1.0)
                 for i, (s, e) in enumerate(sentence_spans(text))]
    assert bottom_line(text, sentences[1:]) == '"Nobody asked." (Mr. Brown) The vote is on Monday.'


def test_xsum_closing_marks_moved_to_the_next_line_close_their_quotation() -> None:
    from summarize.analysers.attributions import quotation_at
    from summarize.analysers.sentences import line_closers, line_continuations

    # BBC text as XSum keeps it: a line is a paragraph, a closing mark begins the next line, and
    # a paragraph's first word may stand alone on its line
    text = ('Kerr said: "We were able to pull it out.\n'
            '"Warriors host the Cavaliers on Thursday.\n'
            'Smith told the BBC: "I feel fine.\n'
            '"If you peak early, you go down.\n'
            '"The\n'
            'final is on Sunday.\n'
            'Pound said: "They are asleep.\n'
            '""They do not care," he added.')
    closers = {text[i + 1:].split()[0] for i in line_closers(text)}
    assert closers == {"Warriors", "The", '"They'}
    assert {text[i + 1:].split()[0] for i in line_continuations(text)} == {"If"}
    sentences = [as_quoted(text, s, e) for s, e in sentence_spans(text)]
    assert sentences == [
        'Kerr said: "We were able to pull it out."',
        "Warriors host the Cavaliers on Thursday.",
        'Smith told the BBC: "I feel fine."',  # the next paragraph continues the quotation
        '"If you peak early, you go down."',
        "The final is on Sunday.",
        'Pound said: "They are asleep."',
        '"They do not care," he added.',
    ]
    assert quotation_at(text, text.index("Warriors")) is None
    assert quotation_at(text, text.index("We were")) is not None


def test_a_text_with_blank_lines_keeps_its_marks_as_written() -> None:
    from summarize.analysers.sentences import line_closers

    text = 'He said: "We will win.\n\n"The team is ready," he added.'
    assert line_closers(text) == frozenset()
    assert [as_quoted(text, s, e) for s, e in sentence_spans(text)] == [
        'He said: "We will win."', '"The team is ready," he added.']
