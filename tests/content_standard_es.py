"""The standard every article of the Spanish library meets, as code: used by
``tests/test_content_es.py`` and, for writers, as a report:
``.venv/bin/python -m tests.content_standard_es [FILE…]``.

Readability is Szigriszt-Pazos on the INFLESZ scale (textstat with ``set_lang("es")``: 55–65
"normal", 65–80 "bastante fácil"), on the article's plain text with its shared rules in place,
as for the English grade. The Gutiérrez de Polini score is a cross-check that counts letters,
not syllables: 95.2 − 9.7 × letters a word − 0.35 × words a sentence; its floor of 40 is about
5.2 letters a word at 12 words a sentence.

A Spanish article is the English one for a Spanish reader: the same facts, the same safety
rules. So besides its own form, it is held to its counterpart: the same shared rules included
in the same order, the same glucose values, the same numbers, as many sources.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reader.library import Article, Library, load_library, read_source
from reader.library.front_matter import parse_front_matter
from reader.library.includes import INCLUDE_RE, expand, read_shared, shared_names
from reader.render import glucose
from reader.system import paths
from tests.content_standard import SAFETY_ARTICLES, SAFETY_SECTIONS, reading_text

MIN_INFLESZ = 55.0
MIN_MEAN_INFLESZ = 65.0
#: The shared safety rules are steps people act on, often in a hurry.
MIN_SHARED_INFLESZ = 70.0
MIN_GUTIERREZ = 40.0
#: Spanish says the same in about a quarter more words than English: the English limits
#: (300–1000 of its own, 1300 with its rules) with room for that.
MIN_WORDS, MAX_WORDS = 300, 1350
MAX_WORDS_WITH_RULES = 1750
MIN_KEYWORDS = 8
GLOSSARY_SECTION = "glosario"
KEY_POINTS = "puntos clave"
WHEN_TO_GET_HELP = "cuándo pedir ayuda"

_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_LINK_TARGET_RE = re.compile(r"\]\([^)]*\)")
_NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?")
_PLAIN_GLUCOSE_RE = re.compile(r"\d\s*mg/dL|\d\s*mmol/L\)")


@cache
def libraries() -> tuple[Library, Library]:
    """The bundled English and Spanish libraries."""
    return load_library(paths.bundled_library()), load_library(paths.bundled_library("es"))


@cache
def _textstat():
    import textstat

    textstat.set_lang("es")
    return textstat


def inflesz(text: str) -> float:
    return float(_textstat().szigriszt_pazos(text))


def gutierrez(text: str) -> float:
    return float(_textstat().gutierrez_polini(text))


def includes(body: str) -> list[str]:
    return [m.group("name") for line in body.splitlines() if (m := INCLUDE_RE.match(line))]


def glucose_values(body: str) -> Counter:
    return Counter(m.group(0) for m in glucose.GLUCOSE_RE.finditer(body))


def numbers(body: str) -> Counter:
    """The numbers a reader reads (not in link targets, includes or glucose values), with
    "1,5" read as "1.5". One is left out: either language often writes it as a word ("one
    unit", "una unidad"), and the other as a digit."""
    text = glucose.GLUCOSE_RE.sub(" ", _LINK_TARGET_RE.sub("]", body))
    text = "\n".join(line for line in text.splitlines() if not INCLUDE_RE.match(line))
    return Counter(n.replace(",", ".") for n in _NUMBER_RE.findall(text) if n != "1")


def headings(body: str) -> list[str]:
    return [re.sub(r"[*_`]", "", text).strip().lower() for _, text in _HEADING_RE.findall(body)]


def shared_counterparts(spanish: Library) -> dict[str, str]:
    """``{English rule: Spanish rule}``, from each Spanish rule's ``translation: en:NAME``."""
    found = {}
    for name in shared_names(spanish.root):
        head = (spanish.root / read_shared(spanish.root, name).relpath).read_text(
            encoding="utf-8").splitlines()
        item = parse_front_matter(head).first("translation")
        code, _, english = item.partition(":")
        if code.strip() == "en" and english.strip():
            found[english.strip()] = name
    return found


@dataclass
class ArticleReport:
    article: Article
    inflesz: float
    gutierrez: float
    words: int
    problems: list[str] = field(default_factory=list)


def check_article(spanish: Library, article: Article, english: Library) -> ArticleReport:
    """Everything in the standard that one Spanish article can fail."""
    source = read_source(spanish, article)
    text = reading_text(expand(spanish.root, source.body).text)
    own_words = len(reading_text(source.body).split())
    report = ArticleReport(article, inflesz(text), gutierrez(text), len(text.split()))
    problems = report.problems
    front = source.front_matter
    for key in ("title", "summary", "updated", "keywords", "sources", "translation"):
        if not front.first(key):
            problems.append(f"metadata '{key}' is missing")
    if len(article.keywords) < MIN_KEYWORDS:
        problems.append(f"fewer than {MIN_KEYWORDS} keywords (add lay words, regional words "
                        "and spellings without accents)")
    if report.inflesz < MIN_INFLESZ:
        problems.append(f"INFLESZ {report.inflesz:.1f} is below {MIN_INFLESZ:g}")
    if report.gutierrez < MIN_GUTIERREZ:
        problems.append(f"Gutiérrez {report.gutierrez:.1f} is below {MIN_GUTIERREZ:g}")
    plain = _PLAIN_GLUCOSE_RE.findall(glucose.GLUCOSE_RE.sub("", source.body))
    if plain and front.first("units").lower() != "literal":
        problems.append(f"{len(plain)} glucose value(s) not written as {{{{70 mg/dL}}}}")
    english_id = article.translation("en")
    original = english.article(english_id) if english_id else None
    if original is None:
        problems.append(f"no English counterpart ('{english_id}')")
        return report
    english_body = read_source(english, original).body
    rules = shared_counterparts(spanish)
    wanted = [rules.get(name, f"(no Spanish '{name}')") for name in includes(english_body)]
    if includes(source.body) != wanted:
        problems.append(f"includes {includes(source.body)}, the English includes {wanted}")
    if glucose_values(source.body) != glucose_values(english_body):
        problems.append(f"glucose values differ from the English: "
                        f"{sorted(glucose_values(source.body).elements())} vs "
                        f"{sorted(glucose_values(english_body).elements())}")
    if numbers(source.body) != numbers(english_body):
        mine, theirs = numbers(source.body), numbers(english_body)
        problems.append(f"numbers differ from the English: only here {dict(mine - theirs)}, "
                        f"only in English {dict(theirs - mine)}")
    sources = len([s for s in front.meta.get("sources", []) if s.strip()])
    if sources != len(original.sources):
        problems.append(f"{sources} sources, the English has {len(original.sources)}")
    if article.section_id != GLOSSARY_SECTION:
        found = headings(source.body)
        if not found or found[0] != article.title.lower():
            problems.append("the first heading must be '# ' + the title")
        if len(found) < 2 or found[1] != KEY_POINTS:
            problems.append("no '## Puntos clave' right under the title")
        safety = (original.section_id in SAFETY_SECTIONS or original.id in SAFETY_ARTICLES)
        if safety and WHEN_TO_GET_HELP not in found:
            problems.append("safety topic without a '## Cuándo pedir ayuda' part")
        if not MIN_WORDS <= own_words <= MAX_WORDS:
            problems.append(f"{own_words} words of its own (the standard is "
                            f"{MIN_WORDS}–{MAX_WORDS})")
        if report.words > MAX_WORDS_WITH_RULES:
            problems.append(f"{report.words} words with its shared rules (at most "
                            f"{MAX_WORDS_WITH_RULES})")
    return report


def shared_rule_scores(spanish: Library) -> dict[str, float]:
    return {name: inflesz(reading_text(read_shared(spanish.root, name).body))
            for name in shared_names(spanish.root)}


def bundled_reports() -> list[ArticleReport]:
    english, spanish = libraries()
    return [check_article(spanish, spanish.articles[i], english) for i in spanish.reading_order]


def main(argv: list[str]) -> int:
    english, spanish = libraries()
    wanted = {str(Path(a).resolve()) for a in argv}
    reports = [check_article(spanish, spanish.articles[i], english)
               for i in spanish.reading_order
               if not wanted or str(spanish.path_of(spanish.articles[i])) in wanted]
    failing = 0
    for report in reports:
        mark = "FAIL" if report.problems else "ok  "
        print(f"{mark} INFLESZ {report.inflesz:5.1f} Gutiérrez {report.gutierrez:4.1f} "
              f"{report.words:5d} words  {report.article.relpath}")
        for problem in report.problems:
            print(f"       - {problem}")
        failing += bool(report.problems)
    if not wanted:
        for name, value in shared_rule_scores(spanish).items():
            mark = "FAIL" if value < MIN_SHARED_INFLESZ else "ok  "
            print(f"{mark} INFLESZ {value:5.1f}                 _shared/{name}.md")
            failing += value < MIN_SHARED_INFLESZ
    if reports:
        mean = sum(r.inflesz for r in reports) / len(reports)
        print(f"{len(reports)} articles, mean INFLESZ {mean:.1f}, {failing} failing")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
