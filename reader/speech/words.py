"""What a speech engine is given for a sentence as the page shows it (no Qt here).

Engines read digits well but stumble on what a page abbreviates: units ("mg/dL"), signs ("%",
"≥", "°F"), ranges ("80–130", which some read as "80 minus 130"), names made of letters and
digits ("A1C", "GLP-1") and the glossary's abbreviations ("DKA"). :func:`spoken` puts all of
them in words; the shown text stays as it is, to find the sentence on screen.

How things are said:

- a glucose value in both units, "70 mg/dL (3.9 mmol/L)", is "70 milligrams per deciliter,
  or 3.9 millimoles per liter": the second unit is the same amount, said as another way to put
  it (so for "6.5% (48 mmol/mol)" and "36–46 °F (2–8 °C)"); other brackets become commas, as
  a speaker says an aside; two amounts joined are said unit by unit ("between 70 and 90
  milligrams per deciliter, or 3.9 and 5.0 millimoles per liter");
- a range is "80 to 130" ("between 70 and 180"); "15-15 rule" is "15 15 rule";
- an abbreviation from the glossary (a term defined as "Short for …") is said in full,
  except where the sentence itself spells it out ("diabetic ketoacidosis (DKA)", "a CGM, or
  continuous glucose monitor,"): there the author is teaching the short name, which is then
  said as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.render.glossary import Glossary

#: A number as articles write it: 70, 3.9, 2,300.
NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"

#: Units after a number, in words: (singular, plural).
UNIT_WORDS: dict[str, tuple[str, str]] = {
    "mg/dL": ("milligram per deciliter", "milligrams per deciliter"),
    "mmol/L": ("millimole per liter", "millimoles per liter"),
    "mmol/mol": ("millimole per mole", "millimoles per mole"),
    "mg/g": ("milligram per gram", "milligrams per gram"),
    "mg/mmol": ("milligram per millimole", "milligrams per millimole"),
    "mmHg": ("millimeter of mercury", "millimeters of mercury"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "°C": ("degree Celsius", "degrees Celsius"),
    "mcg": ("microgram", "micrograms"),
    "mg": ("milligram", "milligrams"),
    "kg": ("kilogram", "kilograms"),
    "g": ("gram", "grams"),
    "lbs": ("pound", "pounds"),
    "lb": ("pound", "pounds"),
    "oz": ("ounce", "ounces"),
    "mL": ("milliliter", "milliliters"),
    "ml": ("milliliter", "milliliters"),
    "L": ("liter", "liters"),
    "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"),
    "km": ("kilometer", "kilometers"),
    "kcal": ("kilocalorie", "kilocalories"),
    "°": ("degree", "degrees"),
    "%": ("percent", "percent"),
}
#: Units said in words even with no number before them ("measured in mg/dL").
_STANDALONE = ("mg/dL", "mmol/L", "mmol/mol", "mmHg")
#: Words that measure, for telling "70 mg/dL (3.9 mmol/L)" from "half a cup (4 ounces …)".
_MEASURES = (*UNIT_WORDS, "pounds", "pound", "ounces", "ounce", "inches", "inch", "cups", "cup",
             "grams", "gram")

#: Letters in names like "GLUT4" and "COVID-19" that are said as a word, not spelled.
_SAID_AS_WORDS = frozenset({"GLUT", "COVID", "MEN"})

_FRACTIONS = {"1/2": "one half", "1/3": "one third", "1/4": "one quarter",
              "2/3": "two thirds", "3/4": "three quarters"}

#: Written short forms and what is said for them.
_PHRASES = (
    (r"\be\.g\.(?=\W|$)", "for example,"),
    (r"\bi\.e\.(?=\W|$)", "that is,"),
    (r"\bvs\.?(?=\s)", "versus"),
    (r"\betc\.(?=\W|$)", "and so on"),
    (r"\bapprox\.(?=\s)", "about"),
    (r"\bDr\.(?=\s[A-Z])", "Doctor"),
    (r"\bU\.S\.(?=\W|$)", "U S"),
    (r"\bCtrl\b", "Control"),
    (r"\bPgDn\b", "Page Down"),
    (r"\bPgUp\b", "Page Up"),
    (r"\bEsc\b", "Escape"),
    (r"\band/or\b", "or"),
)


def abbreviations(glossary: Glossary) -> dict[str, str]:
    """``{"CGM": "continuous glucose monitor", …}``: every term of the glossary whose
    definition begins "Short for …." (units such as mg/dL among them; :func:`spoken` says
    those as units)."""
    table: dict[str, str] = {}
    for entry in glossary.entries.values():
        match = re.match(r"\s*Short for (.+?)\.(?:\s|$)", entry.definition)
        if match and entry.term.strip():
            table[entry.term.strip()] = match.group(1).strip()
    return table


def spell(abbreviation: str) -> str:
    """How a short form is said: as written ("CGM", "LADA": engines spell or say it as
    people do), but letter by letter when it mixes cases ("eGFR" → "e G F R")."""
    if abbreviation.isupper() or abbreviation.islower():
        return abbreviation
    return " ".join(abbreviation)


def spoken(text: str, abbreviations: Mapping[str, str] | None = None) -> str:
    """The words to say for ``text``, a sentence as the page shows it."""
    text = re.sub(r"\s+", " ", text.replace("\u2060", "").replace("\u00ad", "")).strip()
    table = {k: v for k, v in (abbreviations or {}).items() if k not in UNIT_WORDS and v}
    bare = text.rstrip(".:?!").strip()
    if bare in table:  # a glossary's own heading: "CGM"
        return spell(bare)
    text = _expand_abbreviations(text, table)
    text = _names(text)
    text = _same_amount_in_brackets(text)
    text = _numbers(text)
    text = _signs(text)
    return tidy(text)


def _expand_abbreviations(text: str, table: Mapping[str, str]) -> str:
    if not table:
        return text
    for key, expansion in table.items():  # "a CGM (continuous glucose monitor)": two names
        text = re.sub(rf"(?<![\w/])({re.escape(key)}s?) \(\s*((?i:{re.escape(expansion)})s?)\s*\)",
                      r"\1, or \2,", text)
    keys = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    pattern = re.compile(
        rf"\(\s*(?P<paren>{keys})(?P<ps>s?)\s*\)"
        rf"|(?:(?P<article>\b[Aa]n?) )?(?<![\w/])(?P<bare>{keys})(?P<bs>s?)(?![\w/])")
    lowered = text.lower()

    def say(match: re.Match[str]) -> str:
        key = match.group("paren") or match.group("bare")
        plural = match.group("ps") or match.group("bs") or ""
        expansion = table[key]
        if expansion.lower() in lowered:
            # The sentence spells it out itself ("diabetic ketoacidosis (DKA)", "a CGM, or
            # continuous glucose monitor"): it teaches the short name, so say that.
            short = spell(key) + plural
            if match.group("paren"):
                return f", or {short},"
            article = match.group("article")
            return f"{article} {short}" if article else short
        words = expansion + ("es" if plural and expansion.endswith("s") else plural)
        if match.group("paren"):
            return f", {words},"
        article = match.group("article")
        if article:
            vowel = words[0].lower() in "aeiou"
            fixed = ("an" if vowel else "a")
            article = fixed.capitalize() if article[0].isupper() else fixed
            return f"{article} {words}"
        if match.start() == 0:
            words = words[0].upper() + words[1:]
        return words

    return pattern.sub(say, text)


_NAME_RE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*(?:-?\d+[A-Za-z]*)+(?![\w-])")


def _names(text: str) -> str:
    """Names of letters and digits, as people say them: "A1C" → "A 1 C", "GLP-1" →
    "G L P 1", "SGLT2" → "S G L T 2", "GLUT4" → "GLUT 4", "U-100" → "U 100"."""

    def say(match: re.Match[str]) -> str:
        parts = []
        for run in re.findall(r"[A-Za-z]+|\d+", match.group(0)):
            if run.isdigit() or run in _SAID_AS_WORDS or (len(run) > 2 and run.istitle()):
                parts.append(run)
            else:
                parts.append(" ".join(run))
        return " ".join(parts)

    return _NAME_RE.sub(say, text)


def _unit_alternatives(units) -> str:
    return "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))


_MEASURE = (rf"(?:[<>≥≤]\s*)?{NUMBER}(?:\s*(?:–|-|to|and)\s*{NUMBER})?[\s-]?"
            rf"(?:{_unit_alternatives(_MEASURES)})(?![\w/])")
_SAME_AMOUNT_RE = re.compile(rf"(?P<first>{_MEASURE})\s*\(\s*(?P<second>{_MEASURE})\s*\)")


_PAIRED_UNITS = r"mg/dL|mmol/L|mmol/mol|%"
_TWO_AMOUNTS_RE = re.compile(
    rf"(?P<a>{NUMBER}) ?(?P<u>{_PAIRED_UNITS}) \((?P<b>{NUMBER}) ?(?P<v>{_PAIRED_UNITS})\)"
    rf" (?P<join>and|to) (?P<c>{NUMBER}) ?(?P=u) \((?P<d>{NUMBER}) ?(?P=v)\)")


def _same_amount_in_brackets(text: str) -> str:
    """"70 mg/dL (3.9 mmol/L)" → "70 mg/dL, or 3.9 mmol/L,": the same amount, said again.
    Two of them joined are said unit by unit: "between 70 mg/dL (3.9 mmol/L) and 90 mg/dL
    (5.0 mmol/L)" → "between 70 and 90 mg/dL, or 3.9 and 5.0 mmol/L", so that the "or" is
    not heard as a choice between two amounts."""
    text = _TWO_AMOUNTS_RE.sub(
        lambda m: (f"{m['a']} {m['join']} {m['c']} {m['u']} "
                   f"({m['b']} {m['join']} {m['d']} {m['v']})"), text)
    return _SAME_AMOUNT_RE.sub(lambda m: f"{m.group('first')}, or {m.group('second')},", text)


_RANGE_RE = re.compile(rf"(?<![\w.,/-])(?P<low>{NUMBER})\s*(?P<dash>–|-)\s*"
                       rf"(?P<high>{NUMBER})(?![\w/-]|[.,]\d)")
_UNIT_RE = re.compile(rf"(?<![\w.])(?P<number>{NUMBER})(?: ?)"
                      rf"(?P<unit>{_unit_alternatives(UNIT_WORDS)})(?![\w/])")
_STANDALONE_RE = re.compile(rf"(?<![\w/])(?P<unit>{_unit_alternatives(_STANDALONE)})(?![\w/])")
_SLASHED_RE = re.compile(r"(?<![\w/.])(?P<a>\d+)/(?P<b>\d+)(?![\w/]|\.\d)")
#: Units written with a slash that have no entry of their own ("mg/kg", "units/day"): the
#: amount's unit, "per", the unit it is counted against.
_PER_TOP = {"mcg": UNIT_WORDS["mcg"], "mg": UNIT_WORDS["mg"], "g": UNIT_WORDS["g"],
            "kg": UNIT_WORDS["kg"], "mL": UNIT_WORDS["mL"], "ml": UNIT_WORDS["ml"],
            "L": UNIT_WORDS["L"], "mmol": ("millimole", "millimoles"),
            "units": ("unit", "units"), "unit": ("unit", "units")}
_PER_BOTTOM = {"kg": "kilogram", "g": "gram", "dL": "deciliter", "L": "liter",
               "mL": "milliliter", "ml": "milliliter", "day": "day", "d": "day",
               "h": "hour", "hr": "hour", "hour": "hour", "min": "minute", "week": "week",
               "wk": "week"}
_PER_RE = re.compile(rf"(?<![\w./])(?:(?P<number>{NUMBER}) ?)?(?P<top>"
                     rf"{_unit_alternatives(_PER_TOP)})/(?P<bottom>"
                     rf"{_unit_alternatives(_PER_BOTTOM)})(?![\w/])")
_COMPARE = {"≥": "at least", "≤": "at most", "<": "below", ">": "above"}


def _numbers(text: str) -> str:
    def comparison(match: re.Match[str]) -> str:
        return f"{_COMPARE[match.group(1)]} "

    text = re.sub(r"([≥≤<>])\s*(?=\d)", comparison, text)

    def range_(match: re.Match[str]) -> str:
        low, high = match.group("low"), match.group("high")
        if match.group("dash") == "-" and low == high:  # "15-15 rule": a name, not a range
            return f"{low} {high}"
        if re.search(r"\bbetween\s*$", match.string[:match.start()], re.IGNORECASE):
            return f"{low} and {high}"  # "between 70–180" is "between 70 and 180"
        return f"{low} to {high}"

    text = _RANGE_RE.sub(range_, text)

    def slashed(match: re.Match[str]) -> str:
        a, b = match.group("a"), match.group("b")
        if re.match(r"\s*mmHg\b", match.string[match.end():]):
            return f"{a} over {b}"  # blood pressure, "130/80 mmHg"
        return _FRACTIONS.get(f"{a}/{b}", f"{a} {b}")  # "1/2 cup"; insulin mixes, "70/30"

    text = _SLASHED_RE.sub(slashed, text)

    text = say_units(text, (_UNIT_RE, _PER_RE, _STANDALONE_RE), UNIT_WORDS, _PER_TOP,
                     _PER_BOTTOM, "per")
    # Whatever hyphen is left next to a digit joins words ("15-minute", "1-800-QUIT-NOW").
    return re.sub(r"(?<=\d)-(?=\w)|(?<=[A-Za-z])-(?=\d)", " ", text)


#: What each sign is said as, in English (``reader.speech.spanish`` has its own).
SIGN_WORDS = {"plus": " plus ", "divided": " divided by ", "times": " times ",
              "equals": " equals ", "plus_minus": " plus or minus ", "about": "about ",
              "and": " and ", "then": ", then ", "or": " or ", "blank": " blank "}


def say_units(text: str, patterns: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]],
              units: Mapping[str, tuple[str, str]], tops: Mapping[str, tuple[str, str]],
              bottoms: Mapping[str, str], per: str) -> str:
    """Units in a language's words: after a number ("70 milligrams per deciliter"), one
    counted against another ("0.5 units per kilogram"), and alone ("measured in mg/dL");
    ``patterns`` are the language's unit, per-unit and standalone patterns."""
    unit_re, per_re, standalone_re = patterns

    def unit(match: re.Match[str]) -> str:
        number, name = match.group("number"), match.group("unit")
        singular, plural = units[name]
        return f"{number} {singular if number == '1' else plural}"

    def counted(match: re.Match[str]) -> str:
        number, top = match.group("number"), match.group("top")
        if f"{top}/{match.group('bottom')}" in units:
            return match.group(0)  # "mg/dL" has words of its own
        singular, plural = tops[top]
        amount = f"{number} {singular if number == '1' else plural}" if number else plural
        return f"{amount} {per} {bottoms[match.group('bottom')]}"

    text = unit_re.sub(unit, text)
    text = per_re.sub(counted, text)
    return standalone_re.sub(lambda m: units[m.group("unit")][1], text)


def _signs(text: str) -> str:
    return signs(text, _PHRASES, SIGN_WORDS)


def signs(text: str, phrases, words: Mapping[str, str], letter: str = "[A-Za-z]") -> str:
    """Short forms (``phrases``) and signs in ``words``, a language's; ``letter`` is what
    stands on each side of a slash that means "or" ("pen/syringe")."""
    for pattern, said in phrases:
        text = re.sub(pattern, said, text)
    text = re.sub(r"(?<=\w)\+(?=\w)", words["plus"], text)
    text = re.sub(r"\s*÷\s*", words["divided"], text)
    text = re.sub(r"\s*×\s*", words["times"], text)
    text = re.sub(r"\s*=\s*", words["equals"], text)
    text = re.sub(r"\s*±\s*", words["plus_minus"], text)
    text = re.sub(r"[~≈]\s*(?=\d)", words["about"], text)
    text = re.sub(r"\s*&\s*", words["and"], text)
    text = re.sub(r"\s*›\s*", words["then"], text)  # a menu path: "View › Glucose Units"
    text = re.sub(r"\s*[—·]\s*|\s+–\s+", ", ", text)
    text = re.sub(rf"(?<={letter})/(?={letter})", words["or"], text)
    text = re.sub(r"_{2,}", words["blank"], text)  # a line to write on: "A1C: ______"
    # Any other aside in brackets is said between commas, as a speaker would.
    return re.sub(r"\s*\(\s*([^()]*?)\s*\)", r", \1,", text)


def tidy(text: str) -> str:
    """Spaces and commas as a speaker pauses, once the words are in place (any language)."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",(?:\s*,)+", ",", text)
    text = re.sub(r",\s*(?=[.;:!?]|$)", "", text)
    text = re.sub(r"([.;:!?])\s*,", r"\1", text)
    text = re.sub(r"([¿¡])\s*,\s*", r"\1", text)
    text = re.sub(r"^\s*,\s*", "", text)
    # A space after a comma (not in "2,300", nor before the quote it closes: "shaky,").
    text = re.sub(r",(?=[^\s\d\"'”’)])|(?<=\D),(?=\d)", ", ", text)
    return text.strip()
