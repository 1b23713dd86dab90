"""The library's glossary: which terms it defines, and how.

The glossary is data in the library, not code: any article whose metadata says
``glossary: yes`` is a glossary, each ``## Term`` heading in it is a term, and the paragraph
under the heading is its definition. An optional ``*Also: beta cells, islets*`` line under the
heading names other forms of the term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify, unique

from reader.library.loader import lines_outside_code, read_source
from reader.library.model import Library
from reader.render.glucose import expand_for_search
from reader.render.plaintext import inline_text

_TERM_HEADING_RE = re.compile(r"^ {0,3}##[ \t]+(?P<term>.+?)[ \t#]*$")
_ANY_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]")
_ALSO_RE = re.compile(r"^\s*[*_]?Also:\s*(?P<forms>[^*_]+)[*_]?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    term: str
    anchor: str
    definition: str
    forms: tuple[str, ...] = ()


@dataclass
class Glossary:
    article_id: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)  # by anchor
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)
    _by_form: dict[str, Entry] = field(default_factory=dict, repr=False)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def pattern(self) -> re.Pattern[str] | None:
        """One regular expression matching every form of every term, longest first."""
        if self._pattern is None and self.entries:
            for entry in self.entries.values():
                for form in (entry.term, *entry.forms):
                    self._by_form.setdefault(form.lower(), entry)
            forms = sorted(self._by_form, key=len, reverse=True)
            alternatives = "|".join(re.escape(f) + r"(?:s|es)?" for f in forms)
            self._pattern = re.compile(rf"(?<![\w/-])(?:{alternatives})(?![\w/-])",
                                       re.IGNORECASE)
        return self._pattern

    def entry_for(self, text: str) -> Entry | None:
        """The entry a matched piece of text (possibly a plural) belongs to."""
        self.pattern()
        lowered = text.lower()
        for candidate in (lowered, lowered[:-1], lowered[:-2]):
            if candidate in self._by_form:
                return self._by_form[candidate]
        return None


def parse_glossary(body: str) -> dict[str, Entry]:
    """Entries of one glossary article's Markdown body."""
    lines = body.splitlines()
    entries: dict[str, Entry] = {}
    anchors: set[str] = set()
    current: tuple[str, str] | None = None
    forms: list[str] = []
    paragraph: list[str] = []
    done = False  # the definition is the first paragraph under the heading

    def finish() -> None:
        if current is not None:
            text = inline_text(expand_for_search(" ".join(paragraph)))
            entries[current[1]] = Entry(current[0], current[1], text, tuple(forms))

    for index in lines_outside_code(lines):
        line = lines[index]
        heading = _TERM_HEADING_RE.match(line)
        if heading or _ANY_HEADING_RE.match(line):
            finish()
            current, forms, paragraph, done = None, [], [], False
            if heading:
                term = inline_text(heading.group("term"))
                current = (term, unique(slugify(term, "-"), anchors))
            continue
        if current is None or done:
            continue
        also = _ALSO_RE.match(line)
        if also and not paragraph:
            forms = [f.strip() for f in also.group("forms").split(",") if f.strip()]
        elif line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            done = True
    finish()
    return entries


def load_glossary(library: Library) -> Glossary:
    """The library's glossary (empty if no article is marked ``glossary: yes``)."""
    for article_id in library.reading_order:
        article = library.articles[article_id]
        if not article.glossary:
            continue
        try:
            source = read_source(library, article)
        except OSError:
            continue
        return Glossary(article_id, parse_glossary(source.body))
    return Glossary()
