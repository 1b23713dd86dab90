"""Queries against a library's index: ranked hits, highlighted snippets and "did you mean".

A :class:`SearchEngine` keeps one searcher open and reuses it (opening one per query costs
milliseconds every keystroke). It is not thread-safe: the UI owns one in its search thread.
Any text a person can type gives results or none, never an exception.
"""

from __future__ import annotations

import contextlib
import re
import struct
from collections.abc import Callable, Mapping

from whoosh import index as whoosh_index
from whoosh import qparser
from whoosh import query as wq
from whoosh.index import Index
from whoosh.support.levenshtein import levenshtein

from reader.search.integrity import is_damaged
from reader.search.ranking import Ranker, plan
from reader.search.results import Hit, SearchCancelledError, SearchResults
from reader.search.schema import DEFAULT_LANGUAGE, FIELD_BOOSTS, build_schema, stems
from reader.search.snippets import SnippetMaker

#: Longer queries are cut here: nobody types more, and it bounds the work a query can cause.
MAX_QUERY_CHARS = 256
MAX_QUERY_WORDS = 24
#: While typing, the last word is completed from this many library words of at least
#: MIN_PREFIX letters (a one-letter prefix would match half the lexicon).
MAX_COMPLETIONS = 24
#: How much a synonym counts against the word the reader typed.
SYNONYM_BOOST = 0.8
MIN_PREFIX = 3

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_SEARCH_FIELDS = list(FIELD_BOOSTS)
#: The articles' own words. Keywords are left out on purpose: they hold common misspellings
#: ("diabetis") so that those find articles, but they must not stop a correction.
_TEXT_FIELDS = ("title", "headings", "summary", "body")
#: Fields indexed with their unstemmed words too (``spelling=True`` in the schema): where
#: corrections come from, and (with keywords) what the word being typed completes to.
_SPELL_FIELDS = ("title", "body")
_COMPLETION_FIELDS = ("title", "keywords", "body")


class IndexUnavailableError(Exception):
    """The index on disk went away or broke under an open searcher (deleted, garbled, or
    replaced by another copy of the app): reopen or rebuild it (``SearchService`` does)."""


#: What a vanished index raises, whatever the query. A damaged one raises about anything
#: (``Exception("Block tag error")``, ``ValueError``, ``zlib.error``...): told from an odd
#: query by checking its files (``integrity.is_damaged``) when a search fails.
_STORAGE_ERRORS = (OSError, EOFError, struct.error, whoosh_index.IndexError)


def query_words(text: str) -> list[str]:
    """The words of a query, without operators and syntax."""
    return [w for w in _WORD_RE.findall(text) if w not in _OPERATORS][:MAX_QUERY_WORDS]


def clean_query(text: str) -> str:
    """Bound a query's size and drop characters that only confuse the parser."""
    text = "".join(ch if ch.isprintable() else " " for ch in text[:MAX_QUERY_CHARS])
    words = text.split()
    return " ".join(words[:MAX_QUERY_WORDS])


class SearchEngine:
    """Searches one index, reusing a single searcher."""

    def __init__(self, ix: Index, language: str = DEFAULT_LANGUAGE,
                 synonyms: Mapping[str, tuple[tuple[str, ...], ...]] | None = None) -> None:
        self.ix = ix
        #: The library's language: how its words are stemmed (``schema.make_analyzer``).
        self.language = language
        #: The library's lay synonyms (``reader.search.synonyms``), by stem.
        self.synonyms = synonyms or {}
        try:
            self.searcher = ix.searcher()
        except Exception as error:  # no query yet: the index itself went away or broke
            raise IndexUnavailableError(str(error) or type(error).__name__) from error
        # The code's own schema: the index's is the same (SCHEMA_VERSION), but one built by an
        # older version keeps that version's analyzer settings (such as its stem cache).
        self.parser = qparser.MultifieldParser(
            _SEARCH_FIELDS, build_schema(language), group=qparser.OrGroup.factory(0.9)
        )
        # Lay users type words, not syntax: keep phrases, groups and AND/OR/NOT; drop field
        # names, wildcards, ranges and boosts (a leading "*" would walk the whole lexicon).
        for plugin in (
            qparser.FieldsPlugin, qparser.WildcardPlugin, qparser.RangePlugin,
            qparser.BoostPlugin, qparser.EveryPlugin, qparser.SingleQuotePlugin,
        ):
            self.parser.remove_plugin_class(plugin)
        self._snippets = SnippetMaker(language)
        self._ranker = Ranker(self.searcher)
        with contextlib.suppress(Exception):
            # A damaged index fails again at the first search, which tells it from a bad query.
            self._ranker.warm(_SEARCH_FIELDS)
        self._cancelled: Callable[[], bool] | None = None

    def close(self) -> None:
        self.searcher.close()

    @property
    def doc_count(self) -> int:
        return self.searcher.doc_count()

    # -- words -------------------------------------------------------------------------------
    def _stems(self, word: str) -> frozenset[str]:
        return stems(word.lower(), self.language)

    def is_known(self, word: str, as_prefix: bool = False) -> bool:
        """True if the word (stemmed) occurs in the articles' text, or is a stop word.

        With ``as_prefix`` (the word still being typed) it is also known if some word in the
        library starts with it.
        """
        stems = self._stems(word)
        if not stems:
            return True  # a stop word: nothing to find, nothing to correct
        reader = self.searcher.reader()
        if any(reader.doc_frequency(name, stem) > 0 for stem in stems for name in _TEXT_FIELDS):
            return True
        return as_prefix and bool(self.completions(word, limit=1))

    def completions(self, prefix: str, limit: int = MAX_COMPLETIONS,
                    fields: tuple[str, ...] = _COMPLETION_FIELDS) -> list[str]:
        """Words in the library (as written, not stemmed) that start with ``prefix``."""
        prefix = prefix.lower()
        if len(prefix) < MIN_PREFIX:
            return []
        reader = self.searcher.reader()
        found: list[str] = []
        for name in fields:
            for term in reader.expand_prefix(f"spell_{name}", prefix):
                word = term.decode("utf-8") if isinstance(term, bytes) else term
                if word not in found:
                    found.append(word)
                    if len(found) >= limit:
                        return found
        return found

    def _starts_a_word(self, word: str) -> bool:
        """True if ``word`` is the beginning of a longer word in the articles' text."""
        lowered = word.lower()
        return any(c != lowered for c in self.completions(word, limit=2, fields=_SPELL_FIELDS))

    def is_spelled(self, word: str) -> bool:
        """True if the word occurs as written (not only as a stem) somewhere in the library."""
        reader = self.searcher.reader()
        lowered = word.lower()
        return any(reader.doc_frequency(f"spell_{name}", lowered) > 0 for name in _SPELL_FIELDS)

    def suggest_word(self, word: str) -> str | None:
        """The closest word in the library to a misspelled one, or ``None``."""
        lowered = word.lower()
        if not 3 <= len(lowered) <= 30 or lowered.isdigit():
            return None
        maxdist = 1 if len(lowered) <= 5 else 2
        best: tuple[int, str] | None = None
        for name in _SPELL_FIELDS:
            for suggestion in self.searcher.suggest(name, lowered, limit=3, maxdist=maxdist,
                                                    prefix=1):
                if suggestion == lowered:
                    continue
                rank = levenshtein(lowered, suggestion)
                if best is None or rank < best[0]:
                    best = (rank, suggestion)
        return best[1] if best else None

    def correct(self, text: str, typing: bool = False) -> tuple[str | None, str | None]:
        """``(corrected, suggestion)`` for a query; each ``None`` if there is none.

        A word the library does not contain at all is *corrected*: the search runs with the
        nearest word instead, or with the word it makes joined to its neighbour ("keto
        acidosis" → "ketoacidosis"). A misspelling that still finds its stem ("resistence"
        stems like "resistance") already finds the right articles; it only earns a *suggestion*.
        """
        words = query_words(text)
        corrected = suggested = text
        changed = suggesting = False
        joined_at = self._joinable(words)
        for first in joined_at:
            pair = rf"(?<!\w){re.escape(words[first])}\s+{re.escape(words[first + 1])}(?!\w)"
            joined = (words[first] + words[first + 1]).lower()
            corrected = re.sub(pair, joined, corrected, count=1)
            suggested = re.sub(pair, joined, suggested, count=1)
            changed = True
        skip = set(joined_at) | {first + 1 for first in joined_at}
        for index, word in enumerate(words):
            if word.isdigit() or index in skip:
                continue
            as_prefix = typing and index == len(words) - 1
            if any(stem in self.synonyms for stem in self._stems(word)):
                continue  # a word the library lists as a synonym ("palta"): the reader's own
            if self.is_known(word, as_prefix=as_prefix):
                if self.is_spelled(word) or (as_prefix and self._starts_a_word(word)):
                    continue  # spelled as in the library, or the start of a library word
                suggestion = self.suggest_word(word)
                lowered = word.lower()
                if (suggestion and self._stems(suggestion) == self._stems(word)
                        and not suggestion.startswith(lowered)
                        and not lowered.startswith(suggestion)):
                    suggested = _replace_word(suggested, word, suggestion)
                    suggesting = True
                continue
            suggestion = self.suggest_word(word)
            if suggestion and suggestion != word.lower():
                corrected = _replace_word(corrected, word, suggestion)
                suggested = _replace_word(suggested, word, suggestion)
                changed = True
        return (corrected if changed else None), (suggested if suggesting else None)

    def _joinable(self, words: list[str]) -> list[int]:
        """Where two neighbouring words, one of them unknown, make a library word together."""
        found: list[int] = []
        index = 0
        while index < len(words) - 1:
            first, second = words[index], words[index + 1]
            joined = (first + second).lower()
            if (len(joined) >= 6 and not (first.isdigit() or second.isdigit())
                    and not (self.is_known(first) and self.is_known(second))
                    and self.is_spelled(joined)):
                found.append(index)
                index += 2
            else:
                index += 1
        return found

    # -- queries -----------------------------------------------------------------------------
    def parse(self, text: str, prefix_last: bool = False) -> wq.Query | None:
        """A Whoosh query for ``text``; never raises (falls back to plain words)."""
        try:
            parsed = self.parser.parse(text)
        except Exception:  # the parser has failure modes on odd input; words still work
            words = query_words(text)
            if not words:
                return None
            parsed = self.parser.parse(" ".join(words))
        if parsed is None or parsed is wq.NullQuery:
            return None
        words = query_words(text)
        if prefix_last and words:
            # Complete the word being typed against the library's own words, then search
            # their stems, so "vegeta" already finds "vegetables" (stem "veget").
            stems = {stem for word in self.completions(words[-1]) for stem in self._stems(word)}
            completions = [wq.Term(name, stem, boost=0.5)
                           for stem in sorted(stems) for name in ("title", "body")]
            if completions:
                parsed = wq.Or([parsed, *completions])
        alternatives = self._synonym_queries(words)
        if alternatives:
            parsed = wq.Or([parsed, *alternatives])
        return parsed

    def _synonym_queries(self, words: list[str]) -> list[wq.Query]:
        """What the library's synonyms add to ``words``: "zumo" also looks for "jugo"."""
        if not self.synonyms:
            return []
        found: list[wq.Query] = []
        for word in words:
            for stem in self._stems(word):
                for entry in self.synonyms.get(stem, ()):
                    for name in ("title", "keywords", "body"):
                        found.append(wq.Term(name, entry[0], boost=SYNONYM_BOOST)
                                     if len(entry) == 1 else
                                     wq.Phrase(name, list(entry), boost=SYNONYM_BOOST))
        return found

    def _rank(self, parsed: wq.Query, limit: int) -> tuple[list[tuple[float, int]], int]:
        """``(score, docnum)`` of the best hits, and how many documents match."""
        planned = plan(parsed)
        ranked = (self._ranker.top(planned, limit, self._cancelled) if planned is not None
                  else None)
        if ranked is not None:
            return ranked
        # Phrases, AND, NOT: Whoosh's own collector.
        results = self.searcher.search(parsed, limit=limit)
        return [(float(hit.score or 0.0), hit.docnum) for hit in results], len(results)

    def run(self, text: str, limit: int, prefix_last: bool) -> tuple[list[Hit], int]:
        parsed = self.parse(text, prefix_last)
        if parsed is None:
            return [], 0
        ranked, total = self._rank(parsed, limit)
        wanted = frozenset(_positive_terms(parsed))
        hits = []
        for score, docnum in ranked:
            if self._cancelled is not None and self._cancelled():
                raise SearchCancelledError
            fields = self.searcher.stored_fields(docnum)
            body, summary = fields.get("body", ""), fields.get("summary", "")
            snippet = (self._snippets.snippet(body, wanted)
                       or self._snippets.snippet(summary, wanted) or summary or body[:200])
            hits.append(Hit(
                id=fields["id"], title=fields.get("title", fields["id"]),
                section=fields.get("section", ""), score=score, snippet=_tidy(snippet),
            ))
        return hits, total

    def search(self, text: str, limit: int = 20, typing: bool = False,
               cancelled: Callable[[], bool] | None = None) -> SearchResults:
        """Ranked hits for what a person typed.

        Misspelled words are corrected when the library does not contain them ("diabetis" →
        "diabetes"), and the results say so. With ``typing`` the last word also matches as a
        prefix, so results appear while a word is still being typed. If ``cancelled`` returns
        true while the search runs (a newer keystroke came), it raises SearchCancelledError.
        """
        cleaned = clean_query(text)
        if not query_words(cleaned):
            return SearchResults(query=text)
        try:
            searcher = self.searcher.refresh()
            if searcher is not self.searcher:
                # The index changed: new statistics and lengths.
                self.searcher = searcher
                self._ranker = Ranker(searcher)
        except Exception as error:  # no query involved
            raise IndexUnavailableError(str(error) or type(error).__name__) from error
        self._cancelled = cancelled
        try:
            return self._search(text, cleaned, limit, typing)
        finally:
            self._cancelled = None

    def _unavailable(self, error: Exception) -> IndexUnavailableError | None:
        """The error to raise if ``error`` came from the index rather than from the query: a
        vanished index, or one whose files no longer match what was built (read only now,
        after a failure, so searches never pay for it)."""
        if isinstance(error, _STORAGE_ERRORS) or is_damaged(self.ix):
            return IndexUnavailableError(str(error) or type(error).__name__)
        return None

    def _search(self, text: str, cleaned: str, limit: int, typing: bool) -> SearchResults:
        try:
            prefix_last = typing and not text[-1:].isspace()
            corrected, suggestion = self.correct(cleaned, typing=prefix_last)
        except Exception as error:
            unavailable = self._unavailable(error)
            if unavailable is None:
                raise
            raise unavailable from error
        effective = corrected or cleaned
        try:
            # The words that were corrected still count (a keyword may hold the misspelling).
            replaced = [w for w in query_words(cleaned) if w not in query_words(effective)]
            hits, total = self.run(" ".join([effective, *replaced]), limit, prefix_last)
            if corrected is not None and not hits:
                # The correction found nothing better; fall back to what was typed.
                effective, corrected = cleaned, None
                hits, total = self.run(effective, limit, prefix_last)
        except SearchCancelledError:
            raise
        except Exception as error:
            unavailable = self._unavailable(error)
            if unavailable is not None:
                raise unavailable from error
            # A hostile query must never take the reader down.
            return SearchResults(query=text, effective_query=cleaned)
        return SearchResults(
            query=text, hits=tuple(hits), total=total, effective_query=effective,
            corrected=corrected is not None, suggestion=suggestion,
            terms=tuple(query_words(effective)),
        )


def _positive_terms(q: wq.Query):
    """The words of a query a hit can contain (not those after NOT), as indexed (stems)."""
    if isinstance(q, wq.Not):
        return
    if isinstance(q, wq.AndNot):
        yield from _positive_terms(q.a)
    elif q.is_leaf():
        for _, text in q.terms(phrases=True):
            if isinstance(text, str):
                yield text
    else:
        for child in q.children():
            yield from _positive_terms(child)


def _tidy(snippet: str) -> str:
    """One line: blocks (a heading, a paragraph) separated by a middle dot."""
    blocks = (" ".join(line.split()) for line in snippet.splitlines())
    return " · ".join(block for block in blocks if block)


def _replace_word(text: str, word: str, replacement: str) -> str:
    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", replacement, text, count=1)
