"""The bundled library meets its standard (see content/README.md), and search finds what people
ask for in it."""

from __future__ import annotations

import re

import pytest

from reader.library import load_library
from reader.library.check import check_library, heading_anchors
from reader.library.includes import find_includes, shared_names
from reader.library.loader import read_source
from reader.render import Renderer
from reader.search.engine import SearchEngine
from reader.search.store import open_or_build
from reader.search.synonyms import load_synonyms
from reader.system import paths
from tests import content_standard

LIBRARY = load_library(paths.bundled_library())
REPORTS = {r.article.id: r for r in content_standard.bundled_reports()}


def test_library_size_and_shape():
    sections = [s for s in LIBRARY.sections.values() if s.id]
    assert len(LIBRARY.articles) >= 60
    assert len(sections) >= 9
    first_kind, first_id = LIBRARY.root_section.children[0]
    assert (first_kind, LIBRARY.sections[first_id].title) == ("section", "Start Here")
    assert LIBRARY.first_article().title == "About This Library"


def test_reader_check_passes():
    assert [p.format() for p in check_library(LIBRARY)] == []


@pytest.mark.parametrize("article_id", list(REPORTS))
def test_article_meets_the_standard(article_id):
    assert REPORTS[article_id].problems == []


def test_library_reading_level():
    grades = [r.grade for r in REPORTS.values()]
    assert max(grades) <= content_standard.MAX_GRADE
    assert sum(grades) / len(grades) <= content_standard.MAX_MEAN_GRADE


def test_every_documented_glossary_anchor_exists():
    readme = (paths.bundled_library() / "README.md").read_text(encoding="utf-8")
    block = readme.split("Term anchors:", 1)[1].split("\n\n", 1)[0]
    documented = set(re.findall(r"`([a-z0-9-]+)`", block))
    glossary = LIBRARY.articles["glossary/glossary"]
    anchors = heading_anchors(read_source(LIBRARY, glossary).body)
    assert documented - anchors == set()
    assert len(documented) >= 40


def test_low_blood_sugar_treatment_is_stated_one_way():
    # One fact, one value: a low is below 70 mg/dL (3.9 mmol/L), treated with 15 grams.
    for article_id in LIBRARY.reading_order:
        body = read_source(LIBRARY, LIBRARY.articles[article_id]).body
        for match in re.finditer(r"(\d+) grams? of (?:fast|quick)", body):
            assert match.group(1) == "15", f"{article_id}: {match.group(0)}"
        assert "below 4.0 mmol/L" not in body and "under 72 mg/dL" not in body


SHARED_RULES = ("treating-a-low", "severe-low", "ketones", "sick-day-emergency",
                "driving-after-a-low", "too-much-insulin")
#: Pages caregivers and families read in a hurry, and the rules each must include.
MUST_INCLUDE = {
    "children-teens-pregnancy-and-school/babysitters-sleepovers-and-trips": {"severe-low"},
    "children-teens-pregnancy-and-school/diabetes-at-school-a-plan-for-teachers": {"severe-low"},
    "children-teens-pregnancy-and-school/teens-taking-charge": {"driving-after-a-low"},
    "lows-highs-and-sick-days/treating-a-low-the-15-15-rule": {
        "treating-a-low", "severe-low", "driving-after-a-low"},
    "lows-highs-and-sick-days/sick-day-rules": {"ketones", "sick-day-emergency", "severe-low"},
    "medicines-and-insulin/types-of-insulin": {"too-much-insulin", "severe-low"},
    "tests-numbers-and-monitoring/checking-for-ketones": {"ketones", "sick-day-emergency"},
    "emotional-health-and-everyday-life/work-travel-and-driving": {"driving-after-a-low"},
}


def included(article_id: str) -> set[str]:
    body = read_source(LIBRARY, LIBRARY.articles[article_id]).body
    return {name for _, name in find_includes(body)}


def test_the_shared_rules_are_easy_to_read():
    grades = content_standard.shared_rule_grades(LIBRARY)
    assert set(grades) == set(SHARED_RULES)
    assert max(grades.values()) <= content_standard.MAX_SHARED_GRADE


def test_the_shared_rules_exist_and_each_is_used():
    assert sorted(shared_names(LIBRARY.root)) == sorted(SHARED_RULES)
    used = set().union(*(included(i) for i in LIBRARY.reading_order))
    assert used == set(SHARED_RULES)


@pytest.mark.parametrize("article_id", list(MUST_INCLUDE))
def test_caregiver_and_safety_pages_include_the_rules(article_id):
    assert MUST_INCLUDE[article_id] <= included(article_id)


def test_no_article_restates_a_shared_rule():
    restated = []
    for article_id in LIBRARY.reading_order:
        article = LIBRARY.articles[article_id]
        source = read_source(LIBRARY, article)
        restated += [f"{article.relpath}:{source.body_line + line - 1}: {rule}: {text[:60]}"
                     for line, rule, text in content_standard.restated_rules(source.body)]
    assert restated == []


@pytest.mark.parametrize(("line", "rule"), [
    ("Have 15 grams of fast sugar, then check again after 15 minutes.", "treating-a-low"),
    ("If a low does not come up after treatment, call the school nurse.", "severe-low"),
    ("If they cannot swallow safely, give glucagon and call for help.", "severe-low"),
    ("Give fast sugar. Check again after 15 minutes: back above {{70 mg/dL}}?", "treating-a-low"),
    ("- **0.6–1.5 mmol/L:** raised. Call your care team.", "ketones"),
    ("Call at once if your blood ketones are above 3.0 mmol/L.", "ketones"),
    ("Over {{240 mg/dL}} with ketones of 1.5 mmol/L: call now.", "ketones"),
    ("Moderate or large urine ketones and vomiting: get help.", "ketones"),
    ("If you are vomiting and have ketones, call your team.", "sick-day-emergency"),
    ("- you cannot keep fluids down for more than a few hours", "sick-day-emergency"),
    ("Do not drive until your sugar is back above {{70 mg/dL}}.", "driving-after-a-low"),
    ("Wait 45 minutes before driving again.", "driving-after-a-low"),
    ("Took a double dose? Call a poison control center.", "too-much-insulin"),
])
def test_a_rule_in_an_articles_own_words_is_caught(line, rule):
    assert rule in {r for _, r, _ in content_standard.restated_rules(line)}


@pytest.mark.parametrize("line", [
    "## A low that will not come up",
    "Check your sugar before you drive, and never drive when you are low.",
    "Know the ketone levels that mean you must call for help.",
    "Your sugar should stay above {{70 mg/dL}} most of the time.",
    "Press the button all the way down. Keep holding it down.",
    "An A1C of 48 mmol/mol or higher means diabetes.",
    "180 mg/dL and 10.0 mmol/L are the same blood sugar.",
    "| Below {{54 mg/dL}} | less than 1% | less than 15 minutes |",
])
def test_pointing_to_a_rule_is_not_restating_it(line):
    assert content_standard.restated_rules(line) == []


def test_an_included_rule_is_shown_on_the_babysitters_page():
    article = LIBRARY.articles[
        "children-teens-pregnancy-and-school/babysitters-sleepovers-and-trips"]
    html = Renderer(LIBRARY).article(article).html
    assert "Call your local emergency number now" in html
    assert "cannot reach the family" in html
    assert "[[include" not in html


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    ix, _ = open_or_build(LIBRARY, tmp_path_factory.mktemp("content-index"))
    engine = SearchEngine(ix, LIBRARY.language, load_synonyms(LIBRARY.root))  # as the app
    yield engine
    engine.close()


#: What people type, and the article that must be among the first three hits.
QUERIES = [
    ("sugar low shaky", "lows-highs-and-sick-days/low-blood-sugar-signs-and-causes"),
    ("insulin resistence", "diabetes-basics/what-is-insulin-resistance"),
    ("diabetis", "diabetes-basics/what-is-diabetes"),
    ("can I eat fruit", "food-and-activity/can-i-eat-fruit"),
    ("what is a1c", "tests-numbers-and-monitoring/the-a1c-test"),
    ("15 15 rule", "lows-highs-and-sick-days/treating-a-low-the-15-15-rule"),
    ("how to treat a low", "lows-highs-and-sick-days/treating-a-low-the-15-15-rule"),
    ("ketones", "tests-numbers-and-monitoring/checking-for-ketones"),
    ("dka", "lows-highs-and-sick-days/diabetic-ketoacidosis-dka"),
    ("keto acidosis", "lows-highs-and-sick-days/diabetic-ketoacidosis-dka"),
    ("sick day", "lows-highs-and-sick-days/sick-day-rules"),
    ("glucagon", "medicines-and-insulin/glucagon-for-severe-lows"),
    ("how to inject insulin", "medicines-and-insulin/how-to-give-an-insulin-injection"),
    ("insulin without fridge", "medicines-and-insulin/storing-insulin-and-travelling"),
    ("metformin side effects", "medicines-and-insulin/metformin-and-other-pills"),
    ("ozempic semaglutide", "medicines-and-insulin/non-insulin-injections-glp-1-medicines"),
    ("mmol to mg/dl", "tests-numbers-and-monitoring/blood-sugar-units-mg-dl-and-mmol-l"),
    ("time in range", "tests-numbers-and-monitoring/cgm-and-time-in-range"),
    ("continuous glucose monitor", "tests-numbers-and-monitoring/cgm-and-time-in-range"),
    ("foot care", "preventing-long-term-problems/daily-foot-care"),
    ("numb feet tingling", "preventing-long-term-problems/nerve-damage"),
    ("eye exam", "preventing-long-term-problems/eyes"),
    ("kidney", "preventing-long-term-problems/kidneys"),
    ("ramadan fasting", "food-and-activity/fasting-feasts-and-ramadan"),
    ("beer wine alcohol", "food-and-activity/alcohol"),
    ("carb counting", "food-and-activity/carb-counting-basics"),
    ("plate method", "food-and-activity/the-plate-method"),
    ("exercise low", "food-and-activity/exercise-without-lows"),
    ("pregnant", "children-teens-pregnancy-and-school/planning-a-pregnancy"),
    ("gestational", "diabetes-basics/gestational-diabetes"),
    ("school teacher",
     "children-teens-pregnancy-and-school/diabetes-at-school-a-plan-for-teachers"),
    ("my child has diabetes", "children-teens-pregnancy-and-school/when-your-child-is-diagnosed"),
    ("feeling depressed", "emotional-health-and-everyday-life/depression-and-anxiety"),
    ("burnout", "emotional-health-and-everyday-life/diabetes-distress-and-burnout"),
    ("driving", "emotional-health-and-everyday-life/work-travel-and-driving"),
    ("prediabetes", "diabetes-basics/what-is-prediabetes"),
    ("type 1", "diabetes-basics/what-is-type-1-diabetes"),
    ("double diabetes", "diabetes-basics/what-is-double-diabetes"),
    ("hhs very high sugar", "lows-highs-and-sick-days/very-high-sugar-in-type-2-hhs"),
    ("just diagnosed", "start-here/newly-diagnosed-your-first-weeks"),
    ("blood pressure cholesterol",
     "preventing-long-term-problems/heart-stroke-blood-pressure-and-cholesterol"),
    ("needle disposal sharps", "medicines-and-insulin/missed-doses-and-safe-needle-disposal"),
    ("GLUT4", "diabetes-basics/how-insulin-gets-sugar-into-your-cells"),
    ("LADA MODY", "diabetes-basics/other-types-of-diabetes"),
    # Lay words the library lists as synonyms (content/_synonyms.md).
    ("flu", "lows-highs-and-sick-days/sick-day-rules"),
    ("puke and ketones", "tests-numbers-and-monitoring/checking-for-ketones"),
    ("tummy shot", "medicines-and-insulin/how-to-give-an-insulin-injection"),
]


@pytest.mark.parametrize(("query", "article_id"), QUERIES)
def test_search_finds_the_right_article_in_the_top_three(engine, query, article_id):
    assert article_id in LIBRARY.articles, f"no article {article_id}"
    top = [hit.id for hit in engine.search(query, limit=3).hits]
    assert article_id in top, f"{query!r} → {top}"
