"""Full-text search over a library (Whoosh; no Qt here).

Modules: ``schema`` (fields), ``documents`` (article → fields), ``store`` (index folders, build
and swap), ``engine`` (queries), ``highlight`` (hits in an article), ``results`` (what a search
returns). This package imports nothing itself, so the UI can import ``results`` at start-up and
leave Whoosh to its search thread.
"""
