"""A Python-Markdown extension that points links and images where the reader can follow them.

Relative links to articles become ``reader:`` URLs, images become local ``file:`` URLs, web links
are marked as external (the reader never opens them silently) and broken links or missing images
are shown as such instead of failing quietly.
"""

from __future__ import annotations

from urllib.parse import quote
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from reader.diagram.states import SCHEME, STILL_SIZE, DiagramState, diagram_url, state_from_src
from reader.library.links import BROKEN_PREFIX, resolve_image, resolve_link
from reader.library.model import Article, Library
from reader.system.i18n import translate


class LibraryLinksProcessor(Treeprocessor):
    """Rewrite ``a[href]`` and ``img[src]`` for the article being rendered."""

    def __init__(self, md: Markdown, extension: LibraryLinksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: Element) -> None:
        library, article = self.extension.library, self.extension.article
        if library is None or article is None:
            return
        for parent in list(root.iter()):
            for index, element in enumerate(list(parent)):
                if element.tag == "a" and element.get("href") is not None:
                    self.rewrite_link(library, article, element)
                elif element.tag == "img":
                    replacement = self.rewrite_image(library, article, element)
                    if replacement is not None:
                        parent.remove(element)
                        parent.insert(index, replacement)
                        if (parent.tag == "p" and len(parent) == 1 and not (parent.text or "")
                                .strip() and replacement.get("class") == "diagram"):
                            # A paragraph's line height would stretch around a tall picture.
                            parent.tag = "div"

    @staticmethod
    def rewrite_link(library: Library, article: Article, element: Element) -> None:
        target = resolve_link(library, article, element.get("href", ""))
        if target.kind == "internal" and target.location is not None:
            element.set("href", target.location.to_url())
        elif target.kind == "external":
            element.set("class", "external")
            element.set("title", translate(
                "Links", "Web address: {url} (the reader does not go online)").format(
                    url=target.url))
        elif target.kind == "file" and target.path is not None:
            element.set("href", target.path.as_uri())
        else:
            element.set("href", BROKEN_PREFIX + quote(target.reason, safe=""))
            element.set("class", "broken")
            element.set("title", translate("Links", "Broken link: {reason}").format(
                reason=target.reason))

    def rewrite_image(
        self, library: Library, article: Article, element: Element
    ) -> Element | None:
        src = element.get("src", "")
        state, reason = state_from_src(src)
        if state is not None:
            return diagram_figure(state, element.get("alt") or state.title, element.tail,
                                  with_link=not self.extension.handout)
        if not reason:  # not a diagram at all: a picture from the library
            path, reason = resolve_image(library, article, src)
            if path is not None:
                element.set("src", path.as_uri())
                return None
        alt = element.get("alt") or translate("Links", "image")
        span = Element("span", {"class": "missing-image", "title": reason})
        span.text = translate("Links", "[{description}: {reason}]").format(
            description=alt, reason=reason)
        span.tail = element.tail
        return span


def diagram_figure(state: DiagramState, alt: str, tail: str | None,
                   with_link: bool = True) -> Element:
    """A still of the diagram that opens the live one, and a link that says so."""
    url = diagram_url(state)
    figure = Element("span", {"class": "diagram"})
    picture = Element("a", {"href": url, "title": translate("Links", "Open the live diagram")})
    picture.append(Element("img", {
        "src": f"{SCHEME}:{state.key}", "alt": alt,
        "width": str(STILL_SIZE[0]), "height": str(STILL_SIZE[1]),
    }))
    figure.append(picture)
    if with_link:
        figure.append(Element("br"))
        link = Element("a", {"href": url, "class": "diagram-link"})
        link.text = translate(
            "Links", "Open the live diagram: switch between normal and insulin resistance")
        figure.append(link)
    figure.tail = tail
    return figure


class LibraryLinksExtension(Extension):
    """Holds the library and current article; set both before each ``convert``."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.library: Library | None = None
        self.article: Article | None = None
        #: For print: diagrams without the link to the live one.
        self.handout = False

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        md.registerExtension(self)
        # After inline patterns made the <a>/<img> elements (20), before prettifying (10).
        md.treeprocessors.register(LibraryLinksProcessor(md, self), "library_links", 15)
