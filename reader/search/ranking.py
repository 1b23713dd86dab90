"""Ranking for the queries people type, summed term by term instead of through Whoosh's matchers.

A typed query is a disjunction: every word in every field, perhaps with the completions of the
word being typed. Whoosh walks it document by document through a tree of union matchers, several
Python calls per posting and tree level; on 10,000 articles, where common words match most of
them, that was 80-250 ms a query, and counting the matches walked them all again. Here each
term's postings are read a block at a time and their BM25F scores added into one table, which
also gives the number of matches for free. Any other query (phrases, AND, NOT) returns ``None``
and Whoosh runs it.

How the scores compare with Whoosh's (tests/test_ranking.py checks the first and last points
over the 44 content queries of tests/test_content.py, the recount of the second on a small
index):

* They are the scores Whoosh's own matchers give each matching document when the matcher tree
  stays as the query built it, i.e. ``searcher.search_with_collector(q, TopCollector(limit,
  usequality=False, replace=0))``: the same BM25F formula and statistics (idf over the whole
  index, field lengths of the segment), and for an OR with ``scale`` (the engine parses with
  ``OrGroup.factory(0.9)``) the same coordination bonus, Whoosh's ``CoordMatcher`` (V-Twin's
  "SQR"): ``(boost * sum + (m - 1) / (T - scale) ** 2) * (T - 1) / T`` for a document matching
  m of the T terms of the OR that its segment holds, T the same for every document of the
  segment. Equal up to float rounding (sums added in another order), in the same order (ties:
  lower document first).
* Whoosh's ``searcher.search`` scores an OR with coordination differently. Its collector
  simplifies the matcher tree (``Matcher.replace``) at the first match, every 10 matches and
  whenever its top-N bar rises; terms whose postings have run out leave the tree, and
  ``CoordMatcher`` recounts T over the terms left. So the later a document is in the index the
  fewer terms it is scored with, and once one term is left every later document scores 0
  (the SQR's factor (T - 1) / T); which documents those are depends on the limit asked for.
  (With a full top N it also skips postings and blocks whose uncoordinated quality cannot beat
  its coordinated bar.) Its top 10 is not this module's for most of the 44 content queries.
  Doing as it does would mean walking its matcher tree document by document, the cost this
  module exists to avoid, to rank a document lower for coming later in the index.
* A document that scores 0 still matches here, and counts. Whoosh's preloaded OR, which it uses
  for an OR without coordination on indexes of up to 5,000 documents (the OR around the
  completions of a word being typed), skips it unless it is the OR's first match. Every
  document scores 0 when a segment holds only one of a coordinated OR's terms, in Whoosh as
  here; they then come in index order.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable
from itertools import accumulate, compress
from typing import Any

from whoosh import query as wq
from whoosh import scoring
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import FilterMatcher
from whoosh.searching import Searcher

from reader.search.results import SearchCancelledError

#: The private Whoosh members this module uses, written against whoosh-reloaded 2.7.5 (pinned
#: exactly in pyproject.toml; tests/test_ranking.py checks that they still exist).
WHOOSH_PRIVATE = {
    "whoosh.scoring.BM25F": ("_field_B",),
    "whoosh.codec.whoosh3.W3LeafMatcher": (
        "_data", "_read_data", "_read_weights", "_weights", "_byteids", "_next_block"),
}

#: Postings whose scores are kept for the next queries (12 bytes each).
CACHED_POSTINGS = 1_000_000

#: Sums of the first terms of recent queries (two lists of a slot per document each).
CACHED_PARTIALS = 16

#: A query as a tree this module can rank: ("term", field, text, boost) or
#: ("or", boost, scale, children).
Plan = tuple


def plan(q: wq.Query) -> Plan | None:
    """The disjunction of terms ``q`` is, or ``None`` if it is anything else."""
    kind = type(q)
    if kind is wq.Term:
        if q.minquality:
            return None
        return ("term", q.fieldname, q.text, q.boost)
    if kind is wq.Or and not q.minmatch:
        children = tuple(plan(sub) for sub in q.subqueries)
        if not children or any(child is None for child in children):
            return None
        return ("or", q.boost, q.scale, children)
    return None


class Ranker:
    """Ranks planned queries against one searcher. Keeps each field's length normalisation and
    the scores of recently used terms: the next keystroke's query shares most of its terms."""

    def __init__(self, searcher: Searcher, cached_postings: int = CACHED_POSTINGS) -> None:
        self.searcher = searcher
        weighting = searcher.weighting
        # Only plain BM25F is re-implemented; anything else is left to Whoosh.
        self.usable = type(weighting) is scoring.BM25F
        self._weighting = weighting
        self._norms: dict[tuple[int, str], list[float]] = {}
        self._terms: OrderedDict[tuple[int, str, bytes], tuple[array, array]] = OrderedDict()
        self._cached = 0
        self._cache_limit = cached_postings
        self._cancelled: Callable[[], bool] | None = None
        self._partials: OrderedDict[tuple, tuple[list[float], list[int], int]] = OrderedDict()

    def _norm(self, reader: Any, index: int, field: str) -> list[float]:
        """For every document of a segment, BM25F's length normalisation of ``field``
        (``K1 * (1 - B + B * length / average length)``; the index keeps lengths as a byte)."""
        key = (index, field)
        found = self._norms.get(key)
        if found is None:
            weighting = self._weighting
            b = weighting._field_B.get(field, weighting.B)  # BM25F's per-field B values
            k1 = weighting.K1
            average = self.searcher.avg_field_length(field) or 1
            length = reader.doc_field_length
            # (None for a field no document of the segment has; such a field has no postings)
            found = [k1 * ((1 - b) + b * (length(docnum, field, 1) or 0) / average)
                     for docnum in range(reader.doc_count_all())]
            self._norms[key] = found
        return found

    def warm(self, fields: list[str]) -> None:
        """Read the field lengths now (tens of ms on a large library), not at the first query."""
        if self.usable:
            for index, (sub, _) in enumerate(self._leaves()):
                for field in fields:
                    self._norm(sub.reader(), index, field)

    def _leaves(self) -> list[tuple[Searcher, int]]:
        return list(self.searcher.leaf_searchers())

    def top(self, planned: Plan, limit: int, cancelled: Callable[[], bool] | None = None
            ) -> tuple[list[tuple[float, int]], int] | None:
        """The best ``limit`` ``(score, docnum)``, best first (ties: lower docnum first, as
        Whoosh orders them), and how many documents match; ``None`` if Whoosh must rank.

        ``cancelled`` is asked before each term; if it says yes, SearchCancelledError ends the
        ranking (a newer keystroke made this query pointless).
        """
        if not self.usable:
            return None
        self._cancelled = cancelled
        # The root's own boost and coordination are applied to the matching documents only.
        root = planned
        while root[0] == "or" and len(root[3]) == 1:  # Whoosh uses a lone child as it is
            root = root[3][0]
        if root[0] == "term":
            parts, boost, scale = (root,), 1.0, None
        else:
            _, boost, scale, parts = root
        # Scores and documents side by side, not as pairs: thousands of tuples a query made the
        # garbage collector run its full passes while typing.
        all_values: list[float] = []
        all_docs: list[int] = []
        for index, (sub, offset) in enumerate(self._leaves()):
            reader = sub.reader()
            # One slot per document: adding into a list is cheaper than into a dict, and common
            # words match most documents anyway.
            size = reader.doc_count_all()
            scores, counts = [0.0] * size, [0] * size
            try:
                terms = self._add_all(parts, reader, index, scores, counts)
            except _UnrankableError:
                return None
            docs = list(compress(range(size), counts))
            if reader.has_deletions():
                deleted = reader.deleted_docs_set
                docs = [docnum for docnum in docs if docnum not in deleted]
            values = _combined(scores, counts, docs, terms, boost, scale)
            all_values += values
            all_docs += [docnum + offset for docnum in docs] if offset else docs
        bar = (sorted(all_values, reverse=True)[limit - 1] if len(all_values) > limit > 0
               else float("-inf"))
        candidates = [(score, docnum) for score, docnum in zip(all_values, all_docs, strict=True)
                      if score >= bar]
        candidates.sort(key=lambda item: (-item[0], item[1]))
        return candidates[:max(0, limit)], len(all_docs)

    def _add(self, node: Plan, reader: Any, index: int, scores: list[float],
             counts: list[int]) -> int:
        """Add the scores of ``node`` to ``scores``, and the number of its terms each
        document matches to ``counts``; returns how many of its terms the segment has."""
        if node[0] == "term":
            return self._add_term(node, reader, index, scores, counts)
        _, boost, scale, children = node
        if len(children) == 1:  # Whoosh uses a lone child's matcher as it is
            return self._add(children[0], reader, index, scores, counts)
        if boost == 1.0 and not scale:
            return sum(self._add(child, reader, index, scores, counts) for child in children)
        size = len(scores)
        own, own_counts = [0.0] * size, [0] * size
        terms = self._add_all(children, reader, index, own, own_counts)
        docs = list(compress(range(size), own_counts))
        for docnum, score in zip(docs, _combined(own, own_counts, docs, terms, boost, scale),
                                 strict=True):
            scores[docnum] += score
            counts[docnum] += own_counts[docnum]
        return terms

    def _add_all(self, parts: tuple[Plan, ...], reader: Any, index: int, scores: list[float],
                 counts: list[int]) -> int:
        """Add ``parts`` in order into the empty ``scores`` and ``counts``, starting from the
        sums of the longest run of them a recent query began with: while a query is typed, all
        but its last word are the same as a keystroke ago. (Same order, so the same sums.)"""
        partials = self._partials
        start, terms = 0, 0
        for done in range(len(parts) - 1, 0, -1):
            found = partials.get((index, parts[:done]))
            if found is not None:
                partials.move_to_end((index, parts[:done]))
                scores[:], counts[:], terms = found
                start = done
                break
        for done in range(start, len(parts)):
            terms += self._add(parts[done], reader, index, scores, counts)
            if done + 1 < len(parts):
                partials[(index, parts[:done + 1])] = (scores[:], counts[:], terms)
                if len(partials) > CACHED_PARTIALS:
                    partials.popitem(last=False)
        return terms

    def _add_term(self, node: Plan, reader: Any, index: int, scores: list[float],
                  counts: list[int]) -> int:
        _, field, text, boost = node
        if self._cancelled is not None and self._cancelled():
            raise SearchCancelledError
        found = self._term_scores(reader, index, field, text)
        if found is None:
            return 0
        ids, values = found
        if boost == 1.0:
            for docnum, score in zip(ids, values, strict=True):
                scores[docnum] += score
                counts[docnum] += 1
        else:
            for docnum, score in zip(ids, values, strict=True):
                scores[docnum] += score * boost
                counts[docnum] += 1
        return 1

    def _term_scores(self, reader: Any, index: int, field: str, text: str
                     ) -> tuple[array, array] | None:
        """The documents of one segment that contain a term, and the term's BM25F score in
        each (without query boosts); ``None`` if no document does."""
        schema = self.searcher.schema
        if field not in schema:
            return None
        try:
            btext = schema[field].to_bytes(text)
        except ValueError:
            return None
        key = (index, field, btext)
        found = self._terms.get(key)
        if found is not None:
            self._terms.move_to_end(key)
            return found
        if (field, btext) not in reader:
            return None
        if not schema[field].scorable:
            raise _UnrankableError
        matcher = reader.postings(field, btext)
        if isinstance(matcher, FilterMatcher):
            matcher = matcher.child  # deleted documents are dropped at the end
        # idf is a statistic of the whole index, not of the segment (as in Whoosh).
        idf = self.searcher.idf(field, btext)
        scale = idf * (self._weighting.K1 + 1)
        norm = self._norm(reader, index, field)
        ids, values = array("i"), array("d")
        for block_ids, weights in _blocks(matcher):
            ids.extend(block_ids)
            # whoosh.scoring.bm25: idf * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * fl / avgfl))
            values.extend([scale * weight / (weight + norm[docnum])
                           for docnum, weight in zip(block_ids, weights, strict=True)])
        self._terms[key] = (ids, values)
        self._cached += len(ids)
        while self._cached > self._cache_limit and len(self._terms) > 1:
            _, (old, _) = self._terms.popitem(last=False)
            self._cached -= len(old)
        return ids, values


def _combined(scores: list[float], counts: list[int], docs: list[int], terms: int,
              boost: float, scale: float | None) -> list[float]:
    """The scores of ``docs`` under an OR with ``boost`` and coordination ``scale``."""
    if scale and terms == scale:
        return [0.0] * len(docs)
    if scale and terms:
        # Whoosh's CoordMatcher ("SQR" of V-Twin): a bonus for each further query term a
        # document matches, with ``terms`` the OR's terms this segment holds. (Whoosh's
        # searcher.search recounts them as posting lists run out; see the module's notes.)
        step = 1.0 / (terms - scale) ** 2
        factor = (terms - 1) / terms
        return [(scores[docnum] * boost + (counts[docnum] - 1) * step) * factor
                for docnum in docs]
    if boost != 1.0:
        return [scores[docnum] * boost for docnum in docs]
    return [scores[docnum] for docnum in docs]


class _UnrankableError(Exception):
    """A field without lengths to score by (none of ours): Whoosh ranks the query instead."""


def _blocks(matcher: Any):
    """The postings of a term as ``(ids, weights)`` a block at a time."""
    if type(matcher) is W3LeafMatcher:
        # Whole blocks as Whoosh stores them; its per-posting calls were the cost. (Its
        # _read_ids undoes the delta coding with a generator; accumulate does it in C.)
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            ids = matcher._data[0]
            matcher._read_weights()
            yield (ids if matcher._byteids else list(accumulate(ids))), matcher._weights
            matcher._next_block()
        return
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    yield ids, weights
