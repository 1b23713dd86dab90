"""The Spanish library: a counterpart for every English article and back, as easy to read as the
standard asks (tests/content_standard_es.py), the same safety rules and figures as the English,
and search that understands the Spanish people really type."""

from __future__ import annotations

import pytest

from reader.library.check import check_library
from reader.library.includes import find_includes, shared_names
from reader.library.loader import read_source
from reader.library.translations import check_translations
from reader.search.engine import SearchEngine
from reader.search.store import open_or_build
from reader.search.synonyms import load_synonyms
from tests import content_standard_es as standard

ENGLISH, SPANISH = standard.libraries()
REPORTS = {r.article.id: r for r in standard.bundled_reports()}


def test_the_spanish_library_is_the_whole_english_one():
    assert SPANISH.language == "es" and ENGLISH.language == "en"
    assert len(SPANISH.articles) == len(ENGLISH.articles)
    assert [s.title for s in SPANISH.sections.values() if s.id][:2] == [
        "Para empezar", "Lo básico de la diabetes"]
    # Every article knows its counterpart, both ways, and the order is the same.
    assert check_translations(ENGLISH, {"es": SPANISH}, complete=True) == []
    assert check_translations(SPANISH, {"en": ENGLISH}, complete=True) == []
    assert [SPANISH.articles[i].translation("en") for i in SPANISH.reading_order] == \
        ENGLISH.reading_order
    # So is the "Start here" path.
    assert [SPANISH.articles[i].translation("en") for i in SPANISH.root_section.start] == \
        list(ENGLISH.root_section.start)


def test_reader_check_passes():
    assert [p.format() for p in check_library(SPANISH)] == []


@pytest.mark.parametrize("article_id", list(REPORTS))
def test_article_meets_the_standard(article_id):
    report = REPORTS[article_id]
    assert report.problems == [], f"{report.article.relpath}: {report.problems}"


def test_library_reading_level():
    mean = sum(r.inflesz for r in REPORTS.values()) / len(REPORTS)
    assert mean >= standard.MIN_MEAN_INFLESZ, f"mean INFLESZ {mean:.1f}"


def test_every_shared_rule_is_translated_once_easy_to_read_and_used():
    rules = standard.shared_counterparts(SPANISH)
    assert sorted(rules) == sorted(shared_names(ENGLISH.root))
    assert sorted(rules.values()) == sorted(shared_names(SPANISH.root))
    for name, score in standard.shared_rule_scores(SPANISH).items():
        assert score >= standard.MIN_SHARED_INFLESZ, f"_shared/{name}.md: INFLESZ {score:.1f}"
    used = {name for article_id in SPANISH.reading_order
            for _, name in find_includes(read_source(SPANISH, SPANISH.articles[article_id]).body)}
    assert used == set(rules.values())


def test_a_changed_figure_or_a_dropped_rule_is_caught():
    """The checks that hold a Spanish article to its English one can fail."""
    article = SPANISH.articles["bajas-altas-y-dias-de-enfermedad/tratar-una-baja-la-regla-15-15"]
    body = read_source(SPANISH, article).body
    english = read_source(ENGLISH, ENGLISH.articles[article.translation("en")]).body
    assert standard.includes(body) == [standard.shared_counterparts(SPANISH)[name]
                                       for name in standard.includes(english)]
    changed = body.replace("[[include: baja-grave]]", "").replace("15 minutos", "10 minutos")
    assert standard.includes(changed) != standard.includes(body)
    assert standard.numbers(changed) != standard.numbers(english)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    ix, _ = open_or_build(SPANISH, tmp_path_factory.mktemp("content-index-es"))
    engine = SearchEngine(ix, "es", load_synonyms(SPANISH.root, "es"))
    yield engine
    engine.close()


B = "lo-basico-de-la-diabetes/"
P = "pruebas-numeros-y-control/"
M = "medicinas-e-insulina/"
L = "bajas-altas-y-dias-de-enfermedad/"
C = "comida-y-actividad/"
LP = "prevenir-problemas-a-largo-plazo/"
N = "ninos-adolescentes-embarazo-y-escuela/"
E = "salud-emocional-y-vida-diaria/"

#: What people type in Spanish (regional words, no accents, misspellings, questions), and the
#: article that must be among the first three hits.
QUERIES = [
    ("azucar baja temblor", L + "baja-de-azucar-senales-y-causas"),
    ("tengo el azucar bajo y estoy temblando", L + "baja-de-azucar-senales-y-causas"),
    ("bajon de azucar", L + "baja-de-azucar-senales-y-causas"),
    ("como tratar una baja", L + "tratar-una-baja-la-regla-15-15"),
    ("regla 15 15", L + "tratar-una-baja-la-regla-15-15"),
    ("diabetis", B + "que-es-la-diabetes"),
    ("insulina resistensia", B + "que-es-la-resistencia-a-la-insulina"),
    ("¿puedo comer fruta?", C + "puedo-comer-fruta"),
    ("jugo de naranja", C + "puedo-comer-fruta"),
    ("zumo", C + "puedo-comer-fruta"),
    ("gaseosa", C + "azucar-dulces-y-bebidas-dulces"),
    ("carro manejar con diabetes", E + "trabajo-viajes-y-manejo"),
    ("me toca manejar y tengo baja", E + "trabajo-viajes-y-manejo"),
    ("vomito y cetonas", P + "como-medir-las-cetonas"),
    ("cetoacidosis", L + "cetoacidosis-diabetica-cad"),
    ("estoy enfermo con gripa", L + "reglas-para-dias-de-enfermedad"),
    ("que es la a1c", P + "la-prueba-de-a1c"),
    ("hemoglobina glicosilada", P + "la-prueba-de-a1c"),
    ("glucometro como usar", P + "medir-el-azucar-con-un-glucometro"),
    ("sensor continuo de glucosa", P + "el-mcg-y-el-tiempo-en-rango"),
    ("mg/dl a mmol", P + "unidades-del-azucar-mg-dl-y-mmol-l"),
    ("glucagon", M + "glucagon-para-las-bajas-graves"),
    ("como inyectar insulina", M + "como-poner-una-inyeccion-de-insulina"),
    ("guardar la insulina sin refrigerador", M + "guardar-la-insulina-y-viajar"),
    ("metformina efectos", M + "la-metformina-y-otras-pastillas"),
    ("ozempic", M + "inyecciones-que-no-son-insulina-glp-1"),
    ("tirar las agujas", M + "dosis-olvidadas-y-desechar-las-agujas"),
    ("pies dormidos hormigueo", LP + "dano-en-los-nervios-neuropatia"),
    ("examen de ojos", LP + "cuidar-sus-ojos"),
    ("riñones", LP + "cuidar-sus-rinones"),
    ("rinones", LP + "cuidar-sus-rinones"),
    ("presion arterial colesterol", LP + "corazon-derrame-presion-arterial-y-colesterol"),
    ("vacuna gripe", LP + "vacunas-infecciones-y-tabaco"),
    ("ramadan ayuno", C + "ayunos-fiestas-y-ramadan"),
    ("cerveza alcohol", C + "el-alcohol-y-la-diabetes"),
    ("contar carbohidratos", C + "como-contar-carbohidratos"),
    ("comer barato", C + "comer-bien-con-poco-dinero"),
    ("embarazada", N + "planear-un-embarazo"),
    ("diabetes gestacional", B + "diabetes-gestacional"),
    ("mi hijo tiene diabetes", N + "cuando-diagnostican-a-su-hijo"),
    ("nino con diabetes tipo 2", N + "diabetes-tipo-2-en-ninos-y-adolescentes"),
    ("niñera", N + "nineras-pijamadas-y-viajes"),
    ("escuela maestra", N + "diabetes-en-la-escuela-plan-para-maestros"),
    ("me siento deprimido", E + "depresion-y-ansiedad"),
    ("azucar muy alta tipo 2", L + "azucar-muy-alta-en-tipo-2-ehh"),
    ("me acaban de diagnosticar", "para-empezar/diagnostico-reciente-sus-primeras-semanas"),
]


@pytest.mark.parametrize(("query", "article_id"), QUERIES)
def test_search_finds_the_right_article_in_the_top_three(engine, query, article_id):
    assert article_id in SPANISH.articles, f"no article {article_id}"
    top = [hit.id for hit in engine.search(query, limit=3).hits]
    assert article_id in top, f"{query!r} → {top}"


def test_accents_and_enye_are_folded_both_ways(engine):
    for typed, written in (("azucar", "azúcar"), ("nino", "niño"), ("rinones", "riñones")):
        assert [h.id for h in engine.search(typed).hits] == [
            h.id for h in engine.search(written).hits], typed


def test_a_misspelling_is_corrected_from_the_spanish_words(engine):
    results = engine.search("diabetis")
    assert results.corrected and results.effective_query == "diabetes"
    assert engine.search("resistensia").effective_query == "resistencia"


def test_a_regional_word_finds_the_word_the_library_uses_and_is_not_corrected(engine):
    results = engine.search("zumo")
    assert not results.corrected and results.hits
    assert "jugo" in results.hits[0].snippet.lower()
