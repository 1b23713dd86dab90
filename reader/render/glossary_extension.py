"""A Python-Markdown extension that marks the first use of each glossary term in an article.

The marked word links to the term's entry and carries its definition (shown as a tooltip on
hover and on keyboard focus). Links an author already made to a glossary entry get the
definition too, and count as that term's first use. Headings, links and code are left alone.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from reader.library.links import Location
from reader.library.model import Article
from reader.render.glossary import Entry, Glossary
from reader.system.i18n import translate

_SKIP = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}


def tooltip(entry: Entry) -> str:
    return translate("Glossary", "{term}: {definition}").format(
        term=entry.term, definition=entry.definition)


class GlossaryProcessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: Element) -> None:
        glossary, article = self.extension.glossary, self.extension.article
        if not glossary or article is None or article.id == glossary.article_id:
            return
        used: set[str] = set()
        for link in root.iter("a"):
            location = Location.from_url(link.get("href", ""))
            if (location is not None and location.kind == "article"
                    and location.id == glossary.article_id and location.anchor in glossary.entries):
                entry = glossary.entries[location.anchor]
                link.set("title", tooltip(entry))
                link.set("class", "term")
                used.add(entry.anchor)
        self._mark(root, glossary, used)

    def _mark(self, element: Element, glossary: Glossary, used: set[str]) -> None:
        if element.tag in _SKIP or element.get("class") == "glucose":
            return
        element.text, marked = self._split(element.text, glossary, used)
        for index, link in enumerate(marked):
            element.insert(index, link)
        for child in list(element):
            self._mark(child, glossary, used)
            child.tail, marked = self._split(child.tail, glossary, used)
            position = list(element).index(child) + 1
            for offset, link in enumerate(marked):
                element.insert(position + offset, link)

    def _split(self, text: str | None, glossary: Glossary,
               used: set[str]) -> tuple[str | None, list[Element]]:
        """``text`` up to the first unmarked term, and links for it and later ones."""
        pattern = glossary.pattern()
        if not text or pattern is None:
            return text, []
        for match in pattern.finditer(text):
            entry = glossary.entry_for(match.group(0))
            if entry is None or entry.anchor in used:
                continue
            used.add(entry.anchor)
            url = Location.article(glossary.article_id, entry.anchor).to_url()
            link = Element("a", {"href": url, "class": "term", "title": tooltip(entry)})
            link.text = match.group(0)
            rest, more = self._split(text[match.end():], glossary, used)
            link.tail = rest
            return text[: match.start()], [link, *more]
        return text, []


class GlossaryExtension(Extension):
    """Set :attr:`glossary` and :attr:`article` before each ``convert``."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.glossary: Glossary | None = None
        self.article: Article | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        md.registerExtension(self)
        # After links are resolved (15), so authors' glossary links are recognised.
        md.treeprocessors.register(GlossaryProcessor(md, self), "glossary", 12)
