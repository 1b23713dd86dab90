"""Where a link or image in an article points, and how places in the app are named as URLs.

Articles link to each other by relative path, as they would on any Markdown site. Rendering and
``reader check`` both resolve links here, so what the checker accepts is exactly what the app
can follow.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from reader.library.model import Article, Library

#: The scheme of every in-app URL.
SCHEME = "reader"
#: Prefix of the URL a broken link is given; the UI shows the reason that follows it.
BROKEN_PREFIX = f"{SCHEME}:broken/"


@dataclass(frozen=True)
class Location:
    """A place the reader can show: the home page, a section page or an article."""

    kind: str  # "home" | "section" | "article"
    id: str = ""
    anchor: str = ""

    @classmethod
    def home(cls) -> Location:
        return cls("home")

    @classmethod
    def article(cls, article_id: str, anchor: str = "") -> Location:
        return cls("article", article_id, anchor)

    @classmethod
    def section(cls, section_id: str) -> Location:
        return cls("section", section_id)

    def without_anchor(self) -> Location:
        return Location(self.kind, self.id)

    def to_url(self) -> str:
        """``reader:article/some/id#anchor``: what rendered HTML links to."""
        url = f"{SCHEME}:{self.kind}"
        if self.kind != "home":
            url += "/" + quote(self.id, safe="/")
        if self.anchor:
            url += "#" + quote(self.anchor, safe="")
        return url

    @classmethod
    def from_url(cls, url: str) -> Location | None:
        """Parse a URL made by :meth:`to_url`; ``None`` for anything else."""
        parts = urlsplit(url)
        if parts.scheme != SCHEME:
            return None
        kind, _, item = parts.path.partition("/")
        if kind == "home":
            return cls.home()
        if kind not in ("section", "article"):
            return None
        return cls(kind, unquote(item), unquote(parts.fragment))


@dataclass(frozen=True)
class LinkTarget:
    """The outcome of resolving one ``href``."""

    kind: str  # "internal" | "external" | "file" | "broken"
    location: Location | None = None
    url: str = ""
    path: Path | None = None
    reason: str = ""


_EXTERNAL_SCHEMES = {"http", "https", "ftp", "mailto", "tel", "news", "irc"}


def _split(href: str) -> tuple[str, str, str]:
    """``(scheme, path, fragment)`` of an href; tolerant of anything a file may hold."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return "", href, ""
    return parts.scheme.lower(), unquote(parts.path), unquote(parts.fragment)


def _library_relpath(article: Article, path: str) -> str | None:
    """Resolve ``path`` against the article's folder; ``None`` if it leaves the library."""
    base = "" if path.startswith("/") else posixpath.dirname(article.relpath)
    joined = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if joined == ".":
        return ""
    if joined == ".." or joined.startswith("../"):
        return None
    return joined


def resolve_link(library: Library, article: Article, href: str) -> LinkTarget:
    """Where ``href`` (as written in ``article``) leads."""
    scheme, path, fragment = _split(href)
    if href.strip().startswith("//") or scheme in _EXTERNAL_SCHEMES:
        return LinkTarget("external", url=href.strip())
    if scheme:
        # A drive letter ("C:/...") parses as a one-letter scheme; other schemes are unknown.
        return LinkTarget("broken", reason=f"links of type '{scheme}:' cannot be opened")
    if not path:
        return LinkTarget("internal", Location.article(article.id, fragment))
    relpath = _library_relpath(article, path)
    if relpath is None:
        return LinkTarget("broken", reason=f"'{path}' points outside the library")
    target = library.article_at(relpath) or library.article_at(relpath + ".md")
    if target is not None:
        return LinkTarget("internal", Location.article(target.id, fragment))
    section = library.section_at(relpath.rstrip("/")) if relpath else library.root_section
    if section is not None:
        if not section.id:
            return LinkTarget("internal", Location.home())
        return LinkTarget("internal", Location.section(section.id))
    file_path = library.root / relpath
    if relpath and not relpath.lower().endswith((".md", ".markdown")) and file_path.is_file():
        return LinkTarget("file", path=file_path)
    return LinkTarget("broken", reason=f"no article or file '{path}' in the library")


def resolve_image(library: Library, article: Article, src: str) -> tuple[Path | None, str]:
    """The image file for ``src``, or ``(None, reason)``. Remote images are never fetched."""
    scheme, path, _ = _split(src)
    if src.strip().startswith("//") or scheme:
        return None, "images from the web are not shown (the reader works offline)"
    relpath = _library_relpath(article, path)
    if relpath is None:
        return None, f"image '{path}' is outside the library"
    file_path = library.root / relpath
    if not file_path.is_file():
        return None, f"image '{path}' is missing"
    return file_path, ""
