"""Building the lexicons the figure scanner reads (run by ``python -m summarize.analysers.train
--only currencies|unit-names|non-nouns``): currencies from Unicode CLDR, unit spellings from
quantulum3's unit lexicon (both build-time dependencies, the ``dev`` extra), and the words that
are not nouns and the plurals the spelling rules get wrong from PolNeAR's silver
part-of-speech tags; the package ships the JSON they give."""

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


def _common_words() -> set[str]:
    """The 10,000 most frequent English words, as quantulum3 ships them."""
    import quantulum3

    path = Path(quantulum3.__file__).parent / "_lang" / "en_US" / "common-words.txt"
    return set(path.read_text(encoding="utf-8").split())


def _letters_are_money(symbol: str, words: set[str]) -> bool:
    """Whether a CLDR currency symbol of letters reads as money beside a number in English text:
    three letters or more, or letters beyond ASCII ("Ksh", "NIS", "zł", "Kč"); not one of
    ``words`` (English words, "den"; units, "Ft" is also feet, "Kg."; prefixes the scanner reads
    already, "RM", "Rs."), not a unit symbol, nor a letter that is something else by a number
    ("ƒ/2.8" is an aperture)."""
    from .figures.words import SYMBOLS

    bare = symbol.rstrip(".")
    return (len(bare) >= 3 or not bare.isascii()) and bare != "ƒ" and bare not in SYMBOLS and \
        not {bare.lower(), symbol.lower()} & words


def build_currencies() -> dict[str, Any]:
    """The currency lexicon of the figure scanner, from Unicode CLDR (through babel): every
    currency's English name, singular and plural, as its ISO code; the bare noun ("lari", "markka")
    when only one currency is called so; the currency-sign symbols of every CLDR locale that name
    one currency only ("₾", "₭", "MX$"), and its symbols of letters that cannot be read otherwise
    ("Ksh", "zł", "NIS"); the names as the other English locales write them ("Russian roubles") and
    the country's own noun where it is the English one accented or in its own plural ("reais",
    "złoty", "lei"); and the ISO codes of the currencies in use, or replaced since 1999, that may
    stand beside a number ("MXN 500", "20 ZAR", "FRF 500") (and in small letters: ``lower_codes``).
    A code that is also a common English word ("TOP", "ALL", "CUP" among quantulum3's 10,000 most
    frequent words) is left out, and so is a name that is one of the scanner's own unit words."""
    import unicodedata

    import babel
    from babel import Locale
    from babel.core import get_global
    from babel.localedata import locale_identifiers
    from babel.numbers import get_currency_name

    from .figures.currencies import lower_codes
    from .figures.numbers import CURRENCY_PREFIX, OWN_CODES
    from .figures.senses import SURFACES
    from .figures.words import MEASURE_WORDS, UNIT_NAMES

    english = Locale("en")
    in_use = {code for entries in get_global("territory_currencies").values()
              for code, _, until, tender in entries if until is None and tender}
    names: dict[str, str] = {}
    surfaces: dict[str, set[str]] = {}
    nouns: dict[str, set[str]] = {}
    for code, name in sorted(english.currencies.items()):
        if "(" in name or not re.fullmatch(r"[A-Z]{3}", code) or code.startswith("X") and \
                code not in in_use:
            continue  # a dated series ("Argentine Peso (1983–1985)"), a fund or a metal
        names[code] = name.lower()
        for surface in {name.lower(), get_currency_name(code, count=2, locale=english).lower()}:
            surfaces.setdefault(surface, set()).add(code)
            nouns.setdefault(surface.split()[-1], set()).add(code)
    for ident in locale_identifiers():
        if not re.fullmatch(r"en_[A-Z0-9]+", ident):
            continue  # English as another country writes it ("Russian roubles"), in Latin letters
        regional = Locale.parse(ident)
        for code in names:
            for count in (1, 2):
                surface = get_currency_name(code, count=count, locale=regional).lower()
                if "(" not in surface and surface.isascii():
                    surfaces.setdefault(surface, set()).add(code)
    for code, native in _native_nouns(names).items():
        adjective = names[code].rsplit(" ", 1)[0] + " " if " " in names[code] else ""
        for noun in native:  # "2,000 reais", "500 Polish złoty", "100 lei"
            surfaces.setdefault(adjective + noun, set()).add(code)
            nouns.setdefault(noun, set()).add(code)
    common = _common_words()
    own = set(UNIT_NAMES) | MEASURE_WORDS | set(SURFACES) | {w + "s" for w in SURFACES}
    for noun, codes in nouns.items():
        # a bare noun means the one currency in use called so: "lari", "kip"; not "real"
        if len(codes) == 1 and codes <= in_use and noun not in own | common | surfaces.keys():
            surfaces[noun] = codes
    symbols: dict[str, set[str]] = {}
    for ident in locale_identifiers():
        for code, symbol in Locale.parse(ident).currency_symbols.items():
            if code in names and any(unicodedata.category(c) == "Sc" for c in symbol) and \
                    symbol.isprintable() and not re.search(r"[\W_][^\W\d_]|\s", symbol):
                # "MX$", "₾"; not "$MX", which reads as a dollar figure's prefix
                symbols.setdefault(symbol, set()).add(code)
    for code, symbol in english.currency_symbols.items():
        if symbol in symbols:
            symbols[symbol] = {code}  # English's own reading of a shared sign: "$", "¥"
    letters: dict[str, set[str]] = {}
    for ident in locale_identifiers():
        for code, symbol in Locale.parse(ident).currency_symbols.items():
            joined = "".join(symbol.split())  # "F CFA" is West Africa's "FCFA", as is Central's
            symbol = joined if joined.isascii() else symbol
            if code in names and code in in_use and symbol not in names and \
                    re.fullmatch(r"[^\W\d_][^\W\d_ʻ]*\.?", symbol) and \
                    not any(unicodedata.category(c) == "Sc" for c in symbol):
                letters.setdefault(symbol, set()).add(code)  # and not another's code: "ANG"
    taken = common | set(UNIT_NAMES) | MEASURE_WORDS | set(CURRENCY_PREFIX)
    for symbol, codes in letters.items():
        if len(codes) == 1 and symbol not in symbols and _letters_are_money(symbol, taken):
            symbols[symbol] = codes  # "Ksh", "zł", "NIS", "Kč"
    # the codes of currencies in use, and of those the euro and others replaced since 1999, which
    # the news still quotes ("FRF 500", "HRK 1,200"); not one that is also a unit ("MCF"), a
    # team's ("TPE", Chinese Taipei at the Olympics) or biology's ("CYP2D6", "the gamma 3 ECS")
    recent = {code for entries in get_global("territory_currencies").values()
              for code, _, until, tender in entries if tender and until and until[0] >= 1999
              and code in names and UNIT_NAMES.get(code.lower(), names[code]) == names[code]
              and code not in {"TPE", "CYP", "ECS"}}
    in_text = sorted(c for c in (in_use & set(names)) | recent
                     if c in OWN_CODES or c.lower() not in common)
    nations = _nations(names, english)
    log.info("currencies: %d names, %d surfaces, %d symbols, %d codes in text, %d shared nouns",
             len(names), sum(len(v) == 1 for v in surfaces.values()),
             sum(len(v) == 1 for v in symbols.values()), len(in_text), len(nations["places"]))
    return {"corpus": f"Unicode CLDR through babel {babel.__version__} (Unicode licence)",
            "built": date.today().isoformat(), "names": names,
            "surfaces": {s: next(iter(c)) for s, c in sorted(surfaces.items()) if len(c) == 1},
            "symbols": {s: next(iter(c)) for s, c in sorted(symbols.items()) if len(c) == 1},
            "codes": in_text, "lower_codes": lower_codes(in_text), **nations}


def _native_nouns(names: dict[str, str]) -> dict[str, set[str]]:
    """The currency nouns of the countries' own languages that English news writes as they are
    when they are the English noun with its accents or in its own plural ("reais", "złoty",
    "lei", "kronor"): each currency's noun in the official languages of the territories where
    it is tender now, singular and plural, where the singular is the English noun unaccented."""
    import unicodedata

    from babel.core import UnknownLocaleError, get_global
    from babel.languages import get_official_languages
    from babel.numbers import get_currency_name

    def plain(word: str) -> str:
        word = word.translate(str.maketrans("łøđ", "lod"))  # letters of their own: "złoty"
        return "".join(c for c in unicodedata.normalize("NFKD", word) if c.isascii())

    native: dict[str, set[str]] = {}
    for territory, entries in sorted(get_global("territory_currencies").items()):
        for code, _, until, tender in entries:
            if until is not None or not tender or code not in names:
                continue
            english = names[code].split()[-1]
            for language in get_official_languages(territory):
                try:
                    forms = [get_currency_name(code, count=n, locale=f"{language}_{territory}")
                             for n in (1, 2, 5)]
                except UnknownLocaleError:
                    continue  # no CLDR data for the language in that territory
                words = [plain(w) for w in forms[0].lower().split()]
                if english not in words:
                    continue  # the country's own noun is another word ("Türk lirası" has one)
                at = words.index(english)
                for form in forms:
                    parts = form.lower().split()
                    if len(parts) == len(words) and re.fullmatch(r"[^\W\d_]+", parts[at]):
                        native.setdefault(code, set()).add(parts[at])
    return native


# English calls the Nordic and Czech currencies crowns; Finland's markka was the Finnish mark.
_ENGLISH_NOUNS = {"krona": "crown", "krone": "crown", "koruna": "crown", "króna": "crown",
                  "kroon": "crown", "markka": "mark"}
# Nouns a reader takes as one currency whatever the place: the dollar, the pound and the euro
# of English news (a place named near "$5 billion" is seldom its currency).
_DEFAULT_NOUNS = frozenset({"dollar", "pound", "euro", "unit"})


def _nations(names: dict[str, str], english: Any) -> dict[str, Any]:
    """For a currency noun that several countries use ("francs", "crowns", "pesos", "dinars"),
    which currency each place's name means: the adjective of its CLDR name ("french" -> FRF,
    "swedish" -> SEK) and the English name of each territory that has had it as legal tender
    ("France", "Sweden"; the latest when a territory has had two of a noun: Norway's crown is
    NOK). ``nouns`` maps each singular and plural noun to its group ("kronor" -> crown)."""
    from babel.core import get_global
    from babel.numbers import get_currency_name

    tender = {code for entries in get_global("territory_currencies").values()
              for code, _, _, legal in entries if legal}
    groups: dict[str, set[str]] = {}
    nouns: dict[str, str] = {}
    for code, name in names.items():
        if code not in tender:
            continue  # a fund or a unit of account ("WIR Franc", "Luxembourg Financial Franc")
        noun = name.split()[-1]
        group = _ENGLISH_NOUNS.get(noun, noun)
        groups.setdefault(group, set()).add(code)
        plural = get_currency_name(code, count=2, locale=english).lower().split()[-1]
        for word in {noun, plural, group, group + "s"}:
            nouns[word] = group
    places: dict[str, dict[str, str]] = {}
    for group, codes in sorted(groups.items()):
        if len(codes) < 2 or group in _DEFAULT_NOUNS:
            continue
        by_place: dict[str, str] = {}
        latest: dict[str, tuple[tuple[int, ...], str]] = {}
        for territory, entries in get_global("territory_currencies").items():
            place = english.territories.get(territory, "").lower()
            for code, _, until, legal in entries:
                if code in codes and legal and place:
                    when = tuple(until) if until else (9999,)
                    if place not in latest or when > latest[place][0]:
                        latest[place] = (when, code)
        by_place.update({place: code for place, (_, code) in latest.items()})
        for code in codes:
            adjective = names[code].rsplit(" ", 1)[0] if " " in names[code] else ""
            if adjective:
                by_place[adjective] = code  # the currency's own adjective names it first
        places[group] = dict(sorted(by_place.items()))
    return {"nouns": {n: g for n, g in sorted(nouns.items()) if g in places}, "places": places}


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

    common = _common_words()
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

