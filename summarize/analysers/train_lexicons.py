"""Building the lexicons the figure scanner reads (run by ``python -m summarize.analysers.train
--only unit-names|non-nouns|casing``): unit spellings from quantulum3's unit lexicon (a
build-time dependency, the ``dev`` extra), and the words that are not nouns and the plurals the
spelling rules get wrong from PolNeAR's silver part-of-speech tags; the package ships the JSON
they give. The currencies are built in :mod:`.train_currencies`."""

from __future__ import annotations

import collections
import gzip
import json
import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def common_words() -> set[str]:
    """The 10,000 most frequent English words, as quantulum3 ships them."""
    import quantulum3

    path = Path(quantulum3.__file__).parent / "_lang" / "en_US" / "common-words.txt"
    return set(path.read_text(encoding="utf-8").split())


# ----------------------------------------------------------------------------- unit names


def build_unit_names() -> dict[str, Any]:
    """The spellings of units the scanner's own names lack, from quantulum3's unit lexicon (MIT;
    a build-time dependency only): a surface or symbol that names one unit, in the names
    NewsQuant uses ("picometers" -> picometre, "microgrammes" -> microgram, "dm" -> decimetre,
    "tsp" -> teaspoon). Kept: a surface that is a spelling of its name (similar enough to it),
    not a common English word, not one of the scanner's own names, not a currency (CLDR's) and
    not a bare count; a symbol of two characters or more, matched as written ("MB" and "Mb"
    differ), not a common word either (a small letter before a capital is none: "eV"). The
    surfaces only name units; a symbol written exactly so after a number is one ("30 inHg")."""
    import difflib
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import quantulum3
        from quantulum3 import load

    from .evaluation import QUANTULUM_NAMES
    from .figures.words import SYMBOLS, UNIT_NAMES, singular

    common = common_words()
    lexicon = load.units("en_US")

    def named(units: Any) -> str | None:
        names = {u.name.lower() for u in units}
        if len(names) != 1 or {u.entity.name for u in units} & {"currency", "dimensionless"}:
            return None
        name = names.pop()
        return str(QUANTULUM_NAMES.get(name, name))

    surfaces = {}
    for surface, units in sorted(lexicon.surfaces_lower.items()):
        name = named(units)
        if name is None or surface in common or surface in UNIT_NAMES or \
                name in (surface, singular(surface)):
            continue
        if difflib.SequenceMatcher(None, singular(surface), name).ratio() >= 0.75:
            surfaces[surface] = name
    symbols = {}
    for symbol, units in sorted(lexicon.symbols.items()):
        name = named(units)
        if name is None or len(symbol) < 2 or symbol.lower() in SYMBOLS or symbol.lower() in \
                UNIT_NAMES or symbol.lower() in common and not re.search("[a-z][A-Z]", symbol):
            continue
        symbols[symbol] = name
    log.info("unit names: %d surfaces, %d symbols", len(surfaces), len(symbols))
    return {"corpus": f"quantulum3 {quantulum3.__version__}'s unit lexicon (MIT)",
            "built": date.today().isoformat(), "surfaces": surfaces, "symbols": symbols}


# A word counts as a non-noun when CoreNLP tagged fewer than this share of its lowercase
# occurrences NN, NNS, NNP or NNPS, and it occurs at least MIN_COUNT times.
MAX_NOUN_SHARE = 0.1
MIN_COUNT = 2
# A word counts as a verb when CoreNLP tagged at least this share of its lowercase occurrences a
# verb in the past tense (VBD: "wore", "rose", "took"; the present's forms are too often tagged
# so by mistake: "four brave Americans" is a VBP four times of five).
MIN_VERB_SHARE = 0.9
_FINITE = frozenset({"VBD"})
# A capitalised word counts as a person's name when CoreNLP tagged at least this share of its
# occurrences PERSON ("Josh", "Hammond", "Sanders"; not "Fox", "Green", "May").
MIN_PERSON_SHARE = 0.8


def build_non_nouns(train_dir: Path) -> dict[str, Any]:
    """The words that are (almost) never nouns in news, from the CoreNLP part-of-speech tags of
    PolNeAR's training articles (a fit file): "new", "due", "innocent", "first", "under". Only
    words written in lowercase are counted (a capitalised "New" is mostly a name's), of letters
    and hyphens only. The figure scanner reads a number's unit as a noun phrase up to its head;
    a head that is one of these words is not what the number counts ("two new macaque species",
    "the field of 99 due to play"). Beside them, ``singular_names``: the capitalised words in
    -s, not after a sentence's opening, that CoreNLP tagged a plural less than half the time
    ("Sanders", "Texas", "Times"; not "Republicans"): a name, not what a number counts; and
    ``verbs``: the words tagged a verb in the past tense nearly always ("wore", "rose"), which
    begin no noun phrase a number counts ("the mother-of-six wore cheek prosthetics"); and
    ``person_names``: the capitalised words CoreNLP tagged a person's name nearly always ("Josh",
    "Hammond"), after which a number and a verb are an age ("Josh Hatfield 27 told")."""
    from .figures.words import NAME_WORD

    counts: dict[str, collections.Counter[bool]] = collections.defaultdict(collections.Counter)
    names: dict[str, collections.Counter[bool]] = collections.defaultdict(collections.Counter)
    lemmas: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    singulars: set[str] = set()
    graded: collections.Counter[str] = collections.Counter()
    adjectives: collections.Counter[str] = collections.Counter()
    finite: dict[str, collections.Counter[bool]] = collections.defaultdict(collections.Counter)
    person: dict[str, collections.Counter[bool]] = collections.defaultdict(collections.Counter)
    path = train_dir / "attributions-polnear-train.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for article in map(json.loads, fh):
            text = article["text"]
            previous = "."
            for start, end, lemma, pos, entity, *_ in article.get("tokens") or ():
                word = text[start:end]
                if re.fullmatch(NAME_WORD, word):
                    person[word][entity == "PERSON"] += 1
                if word.islower() and re.fullmatch(r"[a-z]+(?:-[a-z]+)*", word):
                    counts[word][pos.startswith("NN")] += 1
                    finite[word][pos in _FINITE] += 1
                    if pos == "NNS":
                        lemmas[word][lemma.lower()] += 1
                    elif pos == "NN":
                        singulars.add(word)
                    elif pos in ("JJR", "JJS"):
                        graded[word] += 1
                    elif pos == "JJ":
                        adjectives[word] += 1
                elif previous not in _OPENERS and \
                        re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*s", word):
                    names[word][pos in ("NNS", "NNPS")] += 1
                previous = word
    words = sorted(w for w, c in counts.items()
                   if c.total() >= MIN_COUNT and c[True] / c.total() < MAX_NOUN_SHARE)
    singular = sorted(w for w, c in names.items()
                      if c.total() >= MIN_COUNT and c[True] / c.total() < 0.5)
    plurals = _plurals(lemmas, singulars)
    verbs = sorted(w for w, c in finite.items()
                   if c.total() >= MIN_COUNT and c[True] / c.total() >= MIN_VERB_SHARE)
    comparatives = _comparatives(graded, adjectives)
    persons = sorted(w for w, c in person.items()
                     if c.total() >= MIN_COUNT and c[True] / c.total() >= MIN_PERSON_SHARE)
    log.info("non-nouns: %d of %d lowercase words; %d of %d capitalised words in -s are "
             "no plural; %d of %d plurals not singular by rule; %d of %d comparatives and "
             "superlatives with their adjective; %d verbs; %d of %d capitalised words are "
             "people's names", len(words), len(counts), len(singular), len(names), len(plurals),
             len(lemmas), len(comparatives), len(graded), len(verbs), len(persons), len(person))
    return {"corpus": f"{path.name}: CoreNLP's silver part-of-speech and entity tags (PolNeAR)",
            "max_noun_share": MAX_NOUN_SHARE, "min_count": MIN_COUNT, "words": words,
            "singular_names": singular, "plurals": plurals, "comparatives": comparatives,
            "min_verb_share": MIN_VERB_SHARE, "verbs": verbs,
            "min_person_share": MIN_PERSON_SHARE, "person_names": persons}


# Comparatives and superlatives not formed from their adjective by spelling.
_IRREGULAR_GRADES = {"better": "good", "best": "good", "worse": "bad", "worst": "bad"}


def _comparatives(graded: collections.Counter[str],
                  adjectives: collections.Counter[str]) -> dict[str, str]:
    """The comparatives and superlatives CoreNLP tagged at least ``MIN_COUNT`` times (``JJR``,
    ``JJS``), each with its adjective: "biggest" -> "big", "earlier" -> "early", "larger" ->
    "large", "best" -> "good". Of the spellings an adjective may take before "-er" or "-est"
    (as it is, with its "e", its last consonant undoubled, "y" for "i"), the one CoreNLP tagged
    a plain adjective (``JJ``) most often in the same articles; a word with none of them seen
    ("more", "elder") is left out. The figure scanner names a counted noun phrase's unit as
    NewsQuant does, each word by its lemma ("the 10 oldest ballparks": "old ballpark")."""
    out = {}
    for word, seen in graded.items():
        if seen < MIN_COUNT:
            continue
        if word in _IRREGULAR_GRADES:
            out[word] = _IRREGULAR_GRADES[word]
            continue
        stem = re.sub(r"(?:est|er)$", "", word)
        if stem == word:
            continue
        spellings = [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            spellings.append(stem[:-1])  # "biggest"
        if stem.endswith("i"):
            spellings.append(stem[:-1] + "y")  # "earlier"
        known = [s for s in spellings if adjectives[s]]
        if known:
            out[word] = max(known, key=lambda s: adjectives[s])
    return dict(sorted(out.items()))


def _plurals(lemmas: dict[str, collections.Counter[str]], singulars: set[str]) -> dict[str, str]:
    """The plural nouns whose singular the spelling rules get wrong ("caucuses", "lives",
    "heroes", "crises", "movies"), each with the lemma CoreNLP gave it most often. A lemma counts
    only when it is itself a word tagged a singular noun somewhere in the articles: CoreNLP's
    lemmatiser cuts some -ses wrongly ("licenses" -> "licens") and keeps the plural of words it
    takes for plural-only ("politics", "troops"), which the rules leave as they are. Where the
    rules' singular is a noun of the articles as well, the word is left to them: CoreNLP reads
    every "bases" as "basis", news mostly means military ones."""
    from .figures.words import spelled_singular

    out = {}
    for word, seen in lemmas.items():
        lemma = seen.most_common(1)[0][0]
        spelled = spelled_singular(word)
        if lemma != word and lemma in singulars and lemma != spelled and spelled not in singulars:
            out[word] = lemma
    return dict(sorted(out.items()))


# Tokens after which a capitalised word may be capitalised only for starting a sentence.
_OPENERS = frozenset({".", "!", "?", '"', "“", "‘", "'", "``", ":", "(", "--"})


def build_casing(train_dir: Path) -> dict[str, Any]:
    """The forms in which the news writes its words when not in lowercase ("NATO", "Trump",
    "U.S."), counted in the text of the fit files with news in them: PolNeAR's training articles
    and FRANK's (:func:`~.casing.fit_casing`). :func:`~.casing.readable` re-cases a line written
    in capitals with them."""
    from .casing import fit_casing

    paths = [train_dir / "attributions-polnear-train.jsonl.gz",
             train_dir / "articles-frank-train.jsonl", train_dir / "hedges-szeged-wiki.jsonl"]

    def texts() -> Iterator[str]:
        for path in paths:
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8") as fh:
                for record in map(json.loads, fh):
                    if "text" in record:
                        yield record["text"]
                    for sentence in record.get("sentences", ()):
                        yield sentence["text"]

    data = fit_casing(texts())
    log.info("casing: %d words written otherwise than in lowercase", len(data["forms"]))
    return {"corpus": ", ".join(p.name for p in paths), "built": date.today().isoformat(), **data}

