"""The fast build writer must write the index Whoosh's own writer would (it is only faster)."""

import pytest
from whoosh.filedb.filestore import RamStorage
from whoosh.writing import SegmentWriter

from reader.library import load_library
from reader.search.documents import iter_documents
from reader.search.schema import build_schema
from reader.search.writer import BuildWriter
from reader.system import paths

_TEXT_FIELDS = ("title", "keywords", "headings", "summary", "body")


def _postings(reader, field, term):
    matcher = reader.postings(field, term)
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return found


def _build(writer_class, documents, **kwargs):
    ix = RamStorage().create_index(build_schema())
    writer = writer_class(ix, **kwargs)
    for document in documents:
        writer.add_document(**document)
    writer.commit()
    return ix.reader()


@pytest.mark.parametrize("limitmb", [128, 0.05], ids=["in memory", "through the pool"])
def test_build_writer_writes_the_same_index_as_whooshs_writer(limitmb):
    """Also when its postings outgrow ``limitmb`` and go to Whoosh's pool (sorted on disk)."""
    library = load_library(paths.bundled_library())
    documents = [d for _, d in iter_documents(library) if d]
    documents.append({"id": "x", "title": "The A an of", "body": "a 3.5 x.y.z 70 mg/dL! ÄÖ é"})
    documents.append({"id": "y", "title": "İstanbul ΣΑΣ", "body": "The the of. Straße"})
    theirs = _build(SegmentWriter, documents)
    ours = _build(BuildWriter, documents, limitmb=limitmb)
    assert ours.doc_count() == theirs.doc_count()
    fields = sorted({field for field, _ in theirs.all_terms()})
    assert fields == sorted({field for field, _ in ours.all_terms()})
    for field in fields:
        terms = list(theirs.lexicon(field))
        assert list(ours.lexicon(field)) == terms, field
        if field.startswith("spell_"):
            continue  # (only which words exist there is used; each is posted once)
        for term in terms:
            assert _postings(ours, field, term) == _postings(theirs, field, term), (field, term)
    for docnum in range(theirs.doc_count()):
        assert ours.stored_fields(docnum) == theirs.stored_fields(docnum)
        for field in _TEXT_FIELDS:
            assert ours.doc_field_length(docnum, field) == theirs.doc_field_length(docnum, field)
    for field in _TEXT_FIELDS:
        assert ours.field_length(field) == theirs.field_length(field)
