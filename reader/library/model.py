"""The library's data types: articles, sections and the tree that orders them."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: The language of a library that does not name one.
DEFAULT_LANGUAGE = "en"


def library_key(root: Path) -> str:
    """The one name a library folder's cached files go by (index, snapshot, catalog, first
    page): stable for the folder, and safe for any path, even one that is not UTF-8."""
    return hashlib.sha256(os.fsencode(root)).hexdigest()[:16]


@dataclass(frozen=True)
class Problem:
    """Something wrong in the library, located as precisely as we can."""

    relpath: str
    line: int
    message: str

    def format(self, root: Path | None = None) -> str:
        """``path:line: message``, the form editors and CI logs turn into links; one line
        always, whatever the file's name holds (a newline in it is shown as ``\\n``)."""
        path = str(root / self.relpath) if root is not None else self.relpath
        # Bytes of a folder name that are not UTF-8 are shown as \xff, as the shell shows them.
        path = os.fsencode(path).decode("utf-8", errors="backslashreplace")
        return f"{_one_line(path)}:{self.line}: {_one_line(self.message)}"


def _one_line(text: str) -> str:
    """Control characters (and undecodable bytes) escaped, so a name stays on its line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in text)


@dataclass(frozen=True)
class Article:
    """One Markdown file: what the tree and search need without rendering it."""

    id: str
    relpath: str
    title: str
    section_id: str
    summary: str = ""
    updated: str = ""
    keywords: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    #: How the title was found: "meta", "heading" or "filename".
    title_from: str = "meta"
    #: ``glossary: yes`` in the metadata: its ``## Term`` headings define the library's terms.
    glossary: bool = False
    #: ``review-due:`` in the metadata: when the article must be checked again, if sooner or
    #: later than the usual three years after ``updated`` (medicines change faster).
    review_due: str = ""
    #: ``translation:`` in the metadata: the same article in other languages, as
    #: ``"LANGUAGE:ID"`` items ("es:bajas-altas-y-dias-de-enfermedad/tratar-una-baja").
    translations: tuple[str, ...] = ()

    def translation(self, language: str) -> str | None:
        """The id of this article in ``language``'s library, if it names one."""
        for item in self.translations:
            code, _, article_id = item.partition(":")
            if code.strip().lower() == language and article_id.strip():
                return article_id.strip().strip("/")
        return None


@dataclass(frozen=True)
class Section:
    """A folder of articles (the root folder is the section with id ``""``)."""

    id: str
    relpath: str
    title: str
    summary: str = ""
    #: Child sections and articles in display order, as ``("section" | "article", id)``.
    children: tuple[tuple[str, str], ...] = ()
    parent_id: str | None = None
    #: The section file's body (Markdown), shown on the section's page.
    intro: str = ""
    #: Root only: the article ids of the "Start here" path on the home page.
    start: tuple[str, ...] = ()
    #: Root only: ``language:`` in its metadata, the language of the library's text ("en",
    #: "es"); empty means English.
    language: str = ""


class ArticleTable(Mapping[str, Article]):
    """Articles by id, each made from its plain row (``Article``'s fields in order) when first
    asked for: a library of ten thousand articles read from the cache's snapshot opens without
    making ten thousand objects."""

    def __init__(self, rows: dict[str, tuple]) -> None:
        self._rows = rows
        self._made: dict[str, Article] = {}

    def __getitem__(self, article_id: str) -> Article:
        article = self._made.get(article_id)
        if article is None:
            article = self._made[article_id] = Article(*self._rows[article_id])
        return article

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def ids_by_relpath(self) -> dict[str, str]:
        """``relpath -> id`` without making the articles (``relpath`` is the second field)."""
        return {row[1]: article_id for article_id, row in self._rows.items()}


@dataclass
class Library:
    """A loaded library folder: its tree, its reading order, and what was wrong with it."""

    root: Path
    title: str
    sections: dict[str, Section]
    #: By id: a dict, or an :class:`ArticleTable` for a library read from the snapshot.
    articles: Mapping[str, Article]
    reading_order: list[str]
    problems: list[Problem] = field(default_factory=list)
    #: ``relpath -> (mtime_ns, size)`` of every file the library was built from.
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: False if it came from the cache's snapshot, whose files' times are not checked yet
    #: (see ``reader.library.snapshot``).
    verified: bool = True

    def __post_init__(self) -> None:
        self._position = {article_id: i for i, article_id in enumerate(self.reading_order)}
        articles = self.articles
        self._ids_by_relpath = (articles.ids_by_relpath() if isinstance(articles, ArticleTable)
                                else {a.relpath: a.id for a in articles.values()})
        self._sections_by_relpath = {s.relpath: s for s in self.sections.values()}

    @property
    def key(self) -> str:
        """See :func:`library_key`."""
        return library_key(self.root)

    @property
    def language(self) -> str:
        """The language its articles are written in: ``language:`` in the root
        ``_section.md``, or English."""
        root = self.sections.get("")
        return (root.language if root is not None else "") or DEFAULT_LANGUAGE

    @property
    def root_section(self) -> Section:
        return self.sections[""]

    def article(self, article_id: str) -> Article | None:
        return self.articles.get(article_id)

    def article_at(self, relpath: str) -> Article | None:
        """The article stored at ``relpath`` (POSIX, relative to the root)."""
        article_id = self._ids_by_relpath.get(relpath)
        return self.articles[article_id] if article_id is not None else None

    def section_at(self, relpath: str) -> Section | None:
        return self._sections_by_relpath.get(relpath)

    def path_of(self, article: Article) -> Path:
        return self.root / article.relpath

    def first_article(self) -> Article | None:
        return self.articles[self.reading_order[0]] if self.reading_order else None

    def next_article(self, article_id: str) -> Article | None:
        """The article after this one in reading order, across section boundaries."""
        pos = self._position.get(article_id)
        if pos is None or pos + 1 >= len(self.reading_order):
            return None
        return self.articles[self.reading_order[pos + 1]]

    def previous_article(self, article_id: str) -> Article | None:
        pos = self._position.get(article_id)
        if pos is None or pos == 0:
            return None
        return self.articles[self.reading_order[pos - 1]]

    def position(self, article_id: str) -> int | None:
        """0-based place of the article in reading order."""
        return self._position.get(article_id)

    def section_chain(self, section_id: str) -> list[Section]:
        """The sections from the root down to ``section_id`` (root excluded): a breadcrumb."""
        chain: list[Section] = []
        current: str | None = section_id
        while current:
            section = self.sections.get(current)
            if section is None:
                break
            chain.append(section)
            current = section.parent_id
        return list(reversed(chain))

    def section_title(self, article: Article) -> str:
        """Titles of the article's sections joined for display ("Basics › Type 2")."""
        return " › ".join(s.title for s in self.section_chain(article.section_id))

    def articles_in(self, section_id: str) -> Iterator[Article]:
        """Every article under a section, nested ones included, in reading order."""
        prefix = self.sections[section_id].relpath
        for article_id in self.reading_order:
            article = self.articles[article_id]
            if not prefix or article.relpath.startswith(prefix + "/"):
                yield article
