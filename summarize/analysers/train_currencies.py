"""Building the currency lexicon the figure scanner reads (``python -m summarize.analysers.train
--only currencies``) from Unicode CLDR, through babel (a build-time dependency, the ``dev``
extra); the package ships the JSON it gives as ``models/currencies.json``."""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from .train_lexicons import common_words

log = logging.getLogger(__name__)


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
    common = common_words()
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
    group_of = {code: group for group, places in nations["places"].items()
                for code in places.values()}
    signs: dict[str, str] = {}
    for symbol, codes in letters.items():
        # a letter sign that several currencies of one noun share stands for that noun ("kr",
        # "kr.": the Nordic crowns; "FCFA"), whose country the text names
        shared = {group_of.get(code, "") for code in codes}
        word = symbol.rstrip(".").lower()
        if len(codes) > 1 and len(shared) == 1 and "" not in shared and len(word) > 1 and \
                word not in common:
            signs[word] = shared.pop()
    log.info("currencies: %d names, %d surfaces, %d symbols, %d codes in text, %d shared nouns",
             len(names), sum(len(v) == 1 for v in surfaces.values()),
             sum(len(v) == 1 for v in symbols.values()), len(in_text), len(nations["places"]))
    return {"corpus": f"Unicode CLDR through babel {babel.__version__} (Unicode licence)",
            "built": date.today().isoformat(), "names": names,
            "surfaces": {s: next(iter(c)) for s, c in sorted(surfaces.items()) if len(c) == 1},
            "symbols": {s: next(iter(c)) for s, c in sorted(symbols.items()) if len(c) == 1},
            "codes": in_text, "lower_codes": lower_codes(in_text), **nations,
            "signs": dict(sorted(signs.items()))}


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
