"""What a speech engine is given for a sentence of the Spanish library (no Qt here).

The same care as the English (``reader.speech.words``), in Spanish words: "70 mg/dL (3.9
mmol/L)" is "70 miligramos por decilitro, o 3.9 milimoles por litro"; a range "80–130" is "80
a 130" ("entre 70 y 180"); "≥ 7%" is "al menos 7 por ciento"; "°F" is "grados Fahrenheit";
"A1C" is "A 1 C"; a word/word choice is "o"; an aside in brackets is said between commas.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reader.speech.words import NUMBER, say_units, signs, spell, tidy

#: Units after a number, in words: (singular, plural).
UNIT_WORDS: dict[str, tuple[str, str]] = {
    "mg/dL": ("miligramo por decilitro", "miligramos por decilitro"),
    "mmol/L": ("milimol por litro", "milimoles por litro"),
    "mmol/mol": ("milimol por mol", "milimoles por mol"),
    "mg/g": ("miligramo por gramo", "miligramos por gramo"),
    "mg/mmol": ("miligramo por milimol", "miligramos por milimol"),
    "mmHg": ("milímetro de mercurio", "milímetros de mercurio"),
    "°F": ("grado Fahrenheit", "grados Fahrenheit"),
    "°C": ("grado Celsius", "grados Celsius"),
    "mcg": ("microgramo", "microgramos"),
    "mg": ("miligramo", "miligramos"),
    "kg": ("kilogramo", "kilogramos"),
    "g": ("gramo", "gramos"),
    "lbs": ("libra", "libras"),
    "lb": ("libra", "libras"),
    "oz": ("onza", "onzas"),
    "mL": ("mililitro", "mililitros"),
    "ml": ("mililitro", "mililitros"),
    "L": ("litro", "litros"),
    "cm": ("centímetro", "centímetros"),
    "mm": ("milímetro", "milímetros"),
    "km": ("kilómetro", "kilómetros"),
    "kcal": ("kilocaloría", "kilocalorías"),
    "°": ("grado", "grados"),
    "%": ("por ciento", "por ciento"),
}
_STANDALONE = ("mg/dL", "mmol/L", "mmol/mol", "mmHg")
_PER_TOP = {"mcg": UNIT_WORDS["mcg"], "mg": UNIT_WORDS["mg"], "g": UNIT_WORDS["g"],
            "kg": UNIT_WORDS["kg"], "mL": UNIT_WORDS["mL"], "ml": UNIT_WORDS["ml"],
            "L": UNIT_WORDS["L"], "mmol": ("milimol", "milimoles"),
            "unidades": ("unidad", "unidades"), "unidad": ("unidad", "unidades")}
_PER_BOTTOM = {"kg": "kilogramo", "g": "gramo", "dL": "decilitro", "L": "litro",
               "mL": "mililitro", "ml": "mililitro", "día": "día", "dia": "día", "h": "hora",
               "hora": "hora", "min": "minuto", "semana": "semana"}
SIGN_WORDS = {"plus": " más ", "divided": " dividido entre ", "times": " por ",
              "equals": " es igual a ", "plus_minus": " más o menos ", "about": "unos ",
              "and": " y ", "then": ", luego ", "or": " o ", "blank": " en blanco "}
_COMPARE = {"≥": "al menos", "≤": "como máximo", "<": "menos de", ">": "más de"}
_FRACTIONS = {"1/2": "un medio", "1/3": "un tercio", "1/4": "un cuarto",
              "2/3": "dos tercios", "3/4": "tres cuartos"}
_PHRASES = (
    (r"\bp\.\s?ej\.(?=\W|$)", "por ejemplo,"),
    (r"\bej\.(?=\s)", "por ejemplo"),
    (r"\betc\.(?=\W|$)", "etcétera"),
    (r"\bDr\.(?=\s[A-ZÁÉÍÓÚÑ])", "Doctor"),
    (r"\bDra\.(?=\s[A-ZÁÉÍÓÚÑ])", "Doctora"),
    (r"\bEE\.\s?UU\.(?=\W|$)", "Estados Unidos"),
    (r"\bCtrl\b", "Control"),
    (r"\bAv\s?Pág\b", "Avance de página"),
    (r"\bRe\s?Pág\b", "Retroceso de página"),
    (r"\bEsc\b", "Escape"),
    (r"\by/o\b", "o"),
)


def _alternatives(units) -> str:
    return "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))


_MEASURE = (rf"(?:[<>≥≤]\s*)?{NUMBER}(?:\s*(?:–|-|a|y)\s*{NUMBER})?[\s-]?"
            rf"(?:{_alternatives(UNIT_WORDS)})(?![\w/])")
_SAME_AMOUNT_RE = re.compile(rf"(?P<first>{_MEASURE})\s*\(\s*(?P<second>{_MEASURE})\s*\)")
_PAIRED = r"mg/dL|mmol/L|mmol/mol|%"
_TWO_AMOUNTS_RE = re.compile(
    rf"(?P<a>{NUMBER}) ?(?P<u>{_PAIRED}) \((?P<b>{NUMBER}) ?(?P<v>{_PAIRED})\)"
    rf" (?P<join>y|a) (?P<c>{NUMBER}) ?(?P=u) \((?P<d>{NUMBER}) ?(?P=v)\)")
_RANGE_RE = re.compile(rf"(?<![\w.,/-])(?P<low>{NUMBER})\s*(?P<dash>–|-)\s*"
                       rf"(?P<high>{NUMBER})(?![\w/-]|[.,]\d)")
_UNIT_RE = re.compile(rf"(?<![\w.])(?P<number>{NUMBER})(?: ?)"
                      rf"(?P<unit>{_alternatives(UNIT_WORDS)})(?![\w/])")
_STANDALONE_RE = re.compile(rf"(?<![\w/])(?P<unit>{_alternatives(_STANDALONE)})(?![\w/])")
_PER_RE = re.compile(rf"(?<![\w./])(?:(?P<number>{NUMBER}) ?)?(?P<top>"
                     rf"{_alternatives(_PER_TOP)})/(?P<bottom>{_alternatives(_PER_BOTTOM)})"
                     rf"(?![\w/])")
_SLASHED_RE = re.compile(r"(?<![\w/.])(?P<a>\d+)/(?P<b>\d+)(?![\w/]|\.\d)")
_NAME_RE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*(?:-?\d+[A-Za-z]*)+(?![\w-])")


def spoken(text: str, abbreviations: Mapping[str, str] | None = None) -> str:
    """The words to say for ``text``, a sentence of a Spanish page as it is shown."""
    text = re.sub(r"\s+", " ", text.replace("\u2060", "").replace("\u00ad", "")).strip()
    table = {k: v for k, v in (abbreviations or {}).items() if k not in UNIT_WORDS and v}
    bare = text.rstrip(".:?!").strip()
    if bare in table:
        return spell(bare)
    text = _NAME_RE.sub(lambda m: " ".join(
        run if run.isdigit() or (len(run) > 2 and run.istitle()) else " ".join(run)
        for run in re.findall(r"[A-Za-z]+|\d+", m.group(0))), text)
    text = _TWO_AMOUNTS_RE.sub(
        lambda m: (f"{m['a']} {m['join']} {m['c']} {m['u']} "
                   f"({m['b']} {m['join']} {m['d']} {m['v']})"), text)
    text = _SAME_AMOUNT_RE.sub(lambda m: f"{m.group('first')}, o {m.group('second')},", text)
    text = re.sub(r"([≥≤<>])\s*(?=\d)", lambda m: f"{_COMPARE[m.group(1)]} ", text)

    def range_(match: re.Match[str]) -> str:
        low, high = match.group("low"), match.group("high")
        if match.group("dash") == "-" and low == high:  # "regla 15-15": a name
            return f"{low} {high}"
        if re.search(r"\bentre\s*$", match.string[:match.start()], re.IGNORECASE):
            return f"{low} y {high}"
        return f"{low} a {high}"

    text = _RANGE_RE.sub(range_, text)

    def slashed(match: re.Match[str]) -> str:
        a, b = match.group("a"), match.group("b")
        if re.match(r"\s*mmHg\b", match.string[match.end():]):
            return f"{a} sobre {b}"
        return _FRACTIONS.get(f"{a}/{b}", f"{a} {b}")

    text = _SLASHED_RE.sub(slashed, text)

    text = say_units(text, (_UNIT_RE, _PER_RE, _STANDALONE_RE), UNIT_WORDS, _PER_TOP,
                     _PER_BOTTOM, "por")
    text = re.sub(r"(?<=\d)-(?=\w)|(?<=[A-Za-z])-(?=\d)", " ", text)
    return tidy(signs(text, _PHRASES, SIGN_WORDS, letter=r"[^\W\d_]"))
