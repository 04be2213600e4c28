"""Deterministic figure extraction: every quantity in a text, with value, unit and qualifier.

"approximately 10,000 troops" -> value 10000, unit "troops", qualifier "approximate".

What a figure is here:

* digits with separators and decimals, number words ("three", "twenty-eight thousand six hundred
  forty-two", "a dozen", "half a million"), scales ("1.5 million", "$6bn", "EUR50m"), negatives
  ("minus 233", "-5 yards"), scientific notation ("2.998×10−8");
* percentages, money (symbols, codes and transliterations: "$", "HK $", "USD1,700", "PS6m" for
  "£6m" as ASCII folding writes it), ranges ("between 8,000 and 12,000", "5% to 10%", "15-22
  miles per hour");
* "dozens/hundreds/thousands/millions of" as ranges (1,000 to 10,000 for "thousands of").

The unit is what is counted or measured: a symbol or a measurement word ("5kW", "570 sq m",
"10 kV/cm"), a currency, "years old" for ages ("Maddon, 66,", "aged 35", "he was 10"), or the
noun phrase after the number up to its plural head ("14 first-team players", "digital and
physical sales", "categories of products"), what a share is of ("half the condos"), or what
sized containers count ("eight million 250ml bottles"). A number with no unit of its own takes
one from a coordinated neighbour ("eight or nine euros", "from 208 pounds to 193", "6 million
homes, including 1.5 million"), from a parallel clause ("rose by 2 percent but X fell by 1."),
or is an index level in points where the sentence counts index points, or degrees where a
temperature stands ("Lows of minus 15", "the heat index reached 109"). The change is ``=``,
``~``, ``>``, ``<`` from the qualifier, or ``up``/``down`` from a movement verb ("fell 2%",
"rose to 5%", "lost 190 points, or 0.6%"); a restatement in parentheses or after ", or"
carries its antecedent's qualifier and change ("more than 100 kilometres (60 miles)").

A lone "one" is a figure when it counts or measures a noun ("one reason", "one of the
attackers", "one week"), as NewsQuant counts it; :func:`counts_one` tells the counts apart, which
a briefing does not list. It is none in "one said", "one another", "the one who", "one day"
(some day), "at one point", "at one time", "one way or another" and "one-on-one".

What is not a figure, and why:

* dates: a day next to a month name ("October 30", "5 November"), years (1800-2100 unless
  something is counted after them: "2000 - 2500 calories") and eras ("between A.D. 1000 and
  1260") are dates, not quantities;
* identifiers: a number glued to letters ("Guliyev2812", "F-16", "COVID-19") or after a label
  word ("Section 427", "Row 21", "No. 5", "Article 5", a report's "Figure 6B and 6C"), a name
  ("iPhone 12") or an index's name ("S&P 500", "FTSE 100"), and ZIP codes;
* ordinals ("22nd", "third"), clock times ("10:30", "5am", "0401 GMT") and sports scores
  ("2-1");
* parts of codes: telephone numbers ("+44 20 7946 0958"), ISBNs, a quarter's name ("3Q24"),
  reference markers ("killed 14 people.[3]") and page counts ("Page 4 of 12").
"""

from .canonical import canonical_unit
from .extract import counts_one, extract_figures
from .mention import FigureMention
from .numbers import parse_number

__all__ = ["FigureMention", "canonical_unit", "counts_one", "extract_figures", "parse_number"]
