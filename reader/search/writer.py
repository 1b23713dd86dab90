"""A Whoosh segment writer for full builds, about twice as fast as the default one.

The index it writes finds exactly what the default writer's would; it saves time in three
places (measured on the synthetic library, see bench/run.py):

* Analysis. Whoosh runs a field's analyzer as a chain of generators over one Token object,
  then a second time (``no_morph``) for the spelling words. For our analyzer (regex tokens,
  lower case, stop words, Porter stems) one loop does both and gives the same terms,
  positions and encoded postings; any other analyzer takes Whoosh's path.
* Spelling words. Whoosh adds a posting to ``spell_<field>`` for every word of every document
  (half of all postings). The search only asks which words exist there (completions,
  suggestions, "is it spelled so"), so each word is added once per segment.
* Flushing. For each posting Whoosh reads the document's field length back from the column
  it has just written, and for the spelling fields (which have none) it asks the file system
  every time: a ``stat`` per posting. The lengths are kept in memory instead.
* Sorting. Whoosh's pool keeps every posting as a tuple and sorts them all. Here they are
  kept by field and term, already in document order, so only the terms are sorted, and each
  term's postings go into the posting blocks a block at a time. Past ``limitmb`` (by a rough
  size per posting) they go to Whoosh's pool after all, which sorts runs out to disk.
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from whoosh.analysis import (
    CompositeAnalyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.codec.base import PerDocumentReader
from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.fields import FieldType
from whoosh.formats import Positions
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

#: The private Whoosh members this module uses, written against whoosh-reloaded 2.7.5 (pinned
#: exactly in pyproject.toml; tests/test_ranking.py checks that they still exist). BuildWriter
#: overrides ``_flush_segment`` and ``_finish``, which SegmentWriter calls itself.
WHOOSH_PRIVATE = {
    "whoosh.writing.SegmentWriter": (
        "_tempstorage", "_check_state", "_check_fields", "_added", "_finalize_segment",
        "_close_segment", "_commit_toc", "_finish", "_flush_segment"),
    "whoosh.analysis.morph.StemFilter": ("_stem",),
    "whoosh.codec.whoosh3.W3FieldWriter": ("_postwriter",),
    "whoosh.codec.whoosh3.W3PostingsWriter": (
        "_blocklimit", "_ids", "_write_block", "_weights", "_maxweight", "_values",
        "_minlength", "_maxlength"),
}

_MISSING = object()
#: Rough bytes a posting takes in memory (tuple, weight, encoded positions, list slot), to
#: keep the postings held to the writer's ``limitmb`` as Whoosh's pool does.
_POSTING_BYTES = 160


#: Our tokenizer's pattern without its capturing group, so ``findall`` gives whole words.
_NONCAPTURING = {r"[\w\*]+(\.?[\w\*]+)*": r"[\w\*]+(?:\.?[\w\*]+)*"}


def _word_finder(expression: re.Pattern) -> Callable[[str], list[str]]:
    """``expression``'s matches in a text, as a list of strings (``findall`` where it can)."""
    if not expression.groups:
        return expression.findall
    pattern = _NONCAPTURING.get(expression.pattern)
    if pattern is not None:
        return re.compile(pattern, expression.flags).findall
    finditer = expression.finditer
    return lambda text: [match.group(0) for match in finditer(text)]


class _FastText:
    """One loop that does what our analyzer chain and the field's format do together."""

    def __init__(self, field: FieldType, terms: dict[str, bytes | None]) -> None:
        """``terms``: each lower-cased word's term (``None`` for a stop word), shared by the
        fields with this analysis so each word is looked up and stemmed once per writer."""
        tokenizer, _, stop, stem = field.analyzer.items
        self.findall = _word_finder(tokenizer.expression)
        self.stops = stop.stops
        self.minsize = stop.min
        self.maxsize = stop.max
        self.renumber = stop.renumber
        self.stem = stem._stem  # the filter's own stemmer (language, cache if any)
        self.ignore = stem.ignore
        self.terms = terms
        self.encode = field.format.encode
        self.boost = field.format.field_boost
        #: A term found once has one of few encodings: by its position.
        self.once: dict[int, bytes] = {}

    @staticmethod
    def applies(field: FieldType) -> bool:
        """True if the field's analysis is exactly the chain this class reproduces."""
        analyzer = getattr(field, "analyzer", None)
        if type(analyzer) is not CompositeAnalyzer or len(analyzer.items) != 4:
            return False
        tokenizer, lower, stop, stem = analyzer.items
        return (type(tokenizer) is RegexTokenizer and not tokenizer.gaps
                and type(lower) is LowercaseFilter and type(stop) is StopFilter
                and type(stem) is StemFilter and type(field.format) is Positions
                and not field.vector)

    def key(self) -> tuple:
        """Fields with equal keys may share a ``terms`` cache."""
        return (self.findall, self.stops, self.minsize, self.maxsize, self.stem, self.ignore)

    def _term(self, word: str) -> bytes | None:
        size = len(word)
        if (size < self.minsize or (self.maxsize is not None and size > self.maxsize)
                or word in self.stops):
            return None
        return (word if word in self.ignore else self.stem(word)).encode("utf-8")

    def index(self, value: str, docnum: int,
              table: dict[bytes, list]) -> tuple[set[str], int, int]:
        """Add document ``docnum``'s postings of ``value`` to ``table`` (term: ``(docnum,
        weight, encoded positions)`` as ``field.index(value)`` gives them); returns the
        words as ``field.spellable_words(value)`` gives them, the field length and the
        number of postings added."""
        if value.isascii():  # lower case first: the same words, one call
            words = self.findall(value.lower())
        else:  # (elsewhere lower case can change what the pattern matches)
            words = [word.lower() for word in self.findall(value)]
        terms, term_of, missing = self.terms, self._term, _MISSING
        seen: defaultdict[bytes, list[int]] = defaultdict(list)
        kept: set[str] = set()
        add_kept = kept.add
        pos: int | None = None
        renumber = self.renumber
        length = 0
        for number, word in enumerate(words):
            term = terms.get(word, missing)
            if term is missing:
                term = terms[word] = term_of(word)
            if term is None:
                continue
            add_kept(word)
            # StopFilter(renumber=True): after the first word kept, positions count only
            # the words kept.
            pos = (number if pos is None else pos + 1) if renumber else number
            seen[term].append(pos)
            length += 1
        encode, boost, once, find = self.encode, self.boost, self.once, table.get
        for term, positions in seen.items():
            count = len(positions)
            if count == 1:
                vbytes = once.get(positions[0])
                if vbytes is None:
                    vbytes = once[positions[0]] = encode(positions)
            else:
                vbytes = encode(positions)
            posting = (docnum, float(count) * boost, vbytes)
            entry = find(term)
            if entry is None:
                table[term] = [posting]
            else:
                entry.append(posting)
        return kept, length, len(seen)


class _Lengths:
    """Each document's field lengths, as the codec's length column would give them back."""

    def __init__(self) -> None:
        self.by_field: dict[str, dict[int, int]] = {}

    def add(self, fieldname: str, docnum: int, length: int) -> None:
        if length:
            # Stored as one byte: the same rounding as the column's.
            self.by_field.setdefault(fieldname, {})[docnum] = byte_to_length(
                length_to_byte(length))

    def forget(self, docnum: int) -> None:
        for lengths in self.by_field.values():
            lengths.pop(docnum, None)

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        lengths = self.by_field.get(fieldname)
        if lengths is None:
            return default
        return lengths.get(docnum)  # None, as the column reader gives for a 0 byte


class BuildWriter(SegmentWriter):
    """A :class:`SegmentWriter` for adding many new documents (not for updates: it has no
    ``update_document`` shortcut of its own, and its spelling words are added at commit)."""

    def __init__(self, ix: Any, helper: bool = False, **kwargs: Any) -> None:
        """``helper``: one of several writers in parallel (see parallel.py), which leaves the
        index's shared temporary folder to the writer that commits."""
        super().__init__(ix, **kwargs)
        # Whoosh names every writer's temporary folder alike (and its per-document writer
        # keeps a file there), and a finished writer removes it: its postings get their own.
        self._shared_temp = self._tempstorage
        self._helper = helper
        self._tempstorage = self.storage.temp_storage(
            f"pool-{self.newsegment.segment_id()}.tmp")
        self.pool.tempstore = self._tempstorage
        self._fast: dict[str, _FastText] = {}
        caches: dict[tuple, dict[str, bytes | None]] = {}
        for name, field in self.schema.items():
            if field.indexed and _FastText.applies(field):
                fast = self._fast[name] = _FastText(field, {})
                fast.terms = caches.setdefault(fast.key(), fast.terms)
        #: Spelling words seen so far, by spelling field name.
        self._spelling: dict[str, set[str]] = {}
        self._lengths: _Lengths | None = _Lengths()
        #: The postings, by field and term, each ``(docnum, weight, value)`` in document
        #: order: written out sorted at the end instead of sorting every posting in Whoosh's
        #: pool. ``None`` once they went to the pool (too many to keep to ``limitmb``).
        self._table: dict[str, dict[bytes, list]] | None = {}
        self._held = 0  # postings in the table

    def add_document(self, **fields: Any) -> None:
        fast = self._fast
        if any(name.startswith("_") for name in fields) or not fast:
            self._spill()
            super().add_document(**fields)  # boosts and custom stored values: Whoosh's way
            self._lengths = None  # (which then reads the lengths back as Whoosh does)
            return
        self._check_state()
        schema, docnum, add_post = self.schema, self.docnum, self.pool.add
        perdocwriter = self.perdocwriter
        table = self._table
        held = self._held
        fieldnames = sorted(fields)
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                words: Any = ()
                if fieldname in fast and isinstance(value, str):
                    terms = table.setdefault(fieldname, {}) if table is not None else {}
                    words, freq, added = fast[fieldname].index(value, docnum, terms)
                    held += added
                    if table is None:
                        for tbytes, postings in terms.items():
                            for posting in postings:
                                add_post((fieldname, tbytes, *posting))
                    length = freq if field.scorable else 0
                elif field.indexed:
                    for tbytes, freq, weight, vbytes in field.index(value):
                        length += freq if field.scorable else 0
                        if table is None:
                            add_post((fieldname, tbytes, docnum, weight, vbytes))
                        else:
                            table.setdefault(fieldname, {}).setdefault(tbytes, []).append(
                                (docnum, weight, vbytes))
                            held += 1
                    if field.separate_spelling():
                        words = field.spellable_words(value)
                if field.separate_spelling():
                    spellname = field.spelling_fieldname(fieldname)
                    self._spelling.setdefault(spellname, set()).update(words)
                if field.vector:
                    vitems = sorted((text, weight, vbytes) for text, _, weight, vbytes
                                    in field.vector.word_values(value, field.analyzer,
                                                                mode="index"))
                    perdocwriter.add_vector_items(fieldname, field, vitems)
                perdocwriter.add_field(fieldname, field, value if field.stored else None,
                                       length)
                if self._lengths is not None:
                    self._lengths.add(fieldname, docnum, length)
                column = field.column_type
                if column:
                    perdocwriter.add_column_value(fieldname, column,
                                                  field.to_column_value(value))
        except Exception:
            perdocwriter.cancel_doc()
            if self._lengths is not None:
                self._lengths.forget(docnum)
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1
        self._held = held
        if held * _POSTING_BYTES > self.pool.limit:
            self._spill()

    def _spill(self) -> None:
        """Hand the postings to Whoosh's pool, which sorts runs of them out to disk."""
        table, self._table = self._table, None
        if table:
            add_post = self.pool.add
            for fieldname, terms in table.items():
                for tbytes, postings in terms.items():
                    for posting in postings:
                        add_post((fieldname, tbytes, *posting))

    def commit_segments(self, segments: list) -> None:
        """Commit this writer's documents together with segments other writers finished
        (each written into this index's folder by :meth:`finish_segment`)."""
        self._check_state()
        final = list(segments)
        if self._added:
            final.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(final)
        self._finish()

    def finish_segment(self) -> Any:
        """Write out this writer's documents as a segment for another writer to commit (the
        index's table of contents is left alone); ``None`` if it has none."""
        self._check_state()
        segment = self._finalize_segment() if self._added else None
        if segment is None:
            self._close_segment()
        self._finish()
        return segment

    def _finish(self) -> None:
        super()._finish()
        if not self._helper:
            with contextlib.suppress(OSError):
                self._shared_temp.destroy()

    def _flush_segment(self) -> None:
        table = self._table
        if (table is None or self._lengths is None
                or type(self.fieldwriter) is not W3FieldWriter):
            self._spill()
            self._flush_pool()
            return
        # The spelling words, once each (Whoosh posts them as document 0 of the segment).
        for spellname, words in self._spelling.items():
            table[spellname] = {word.encode("utf-8"): [(0, 1, b"")] for word in words}
        self._spelling = {}
        self.perdocwriter.close()
        lengths = self._lengths.by_field if self.codec.length_stats else {}
        fieldwriter = self.fieldwriter
        for fieldname in sorted(table):  # the order of Whoosh's pool: field, term, document
            terms = table[fieldname]
            if not terms:
                continue
            fieldwriter.start_field(fieldname, self.schema[fieldname])
            postwriter = fieldwriter._postwriter
            field_lengths = lengths.get(fieldname, {})
            for tbytes in sorted(terms):
                fieldwriter.start_term(tbytes)
                _add_postings(postwriter, terms[tbytes], field_lengths)
                fieldwriter.finish_term()
            fieldwriter.finish_field()
        self._table = None
        fieldwriter.close()

    def _flush_pool(self) -> None:
        # The spelling words, once each (Whoosh posts them as document 0 of the segment).
        for spellname, words in self._spelling.items():
            for word in sorted(words):
                self.pool.add((spellname, word.encode("utf-8"), 0, 1, b""))
        self._spelling = {}
        self.perdocwriter.close()
        lengths: Any = None
        if self.codec.length_stats:
            lengths = self._lengths or self.per_document_reader()
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if isinstance(lengths, PerDocumentReader):
            lengths.close()


def _add_postings(postwriter: Any, postings: list, lengths: dict[int, int]) -> None:
    """Add one term's postings to a Whoosh 3 postings writer a block at a time: what its
    ``add_posting`` does for each, without the per-posting type checks and calls."""
    limit = postwriter._blocklimit
    for start in range(0, len(postings), limit):
        chunk = postings[start:start + limit] if len(postings) > limit else postings
        if len(postwriter._ids) >= limit:
            postwriter._write_block()
        ids, weights, values = zip(*chunk, strict=True)
        postwriter._ids.extend(ids)
        postwriter._weights.extend(weights)
        top = max(weights)
        if top > postwriter._maxweight:
            postwriter._maxweight = top
        postwriter._values.extend(value for value in values if value)
        found = [length for length in map(lengths.get, ids) if length]
        if found:
            low, high = min(found), max(found)
            if postwriter._minlength is None or low < postwriter._minlength:
                postwriter._minlength = low
            if high > postwriter._maxlength:
                postwriter._maxlength = high
