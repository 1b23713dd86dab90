"""Where a link or image in an article points, and how places in the app are named as URLs.

Articles link to each other by relative path, as they would on any Markdown site. Rendering and
``reader check`` both resolve links here, so what the checker accepts is exactly what the app
can follow.
"""

from __future__ import annotations

import os
import posixpath
import stat
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


def _local_path(path: str) -> Path:
    """The file a ``file:`` URL's (already unquoted) path names. Not ``urllib.request``'s
    url2pathname: importing that module pulls in http.client, ssl and email (start-up), and
    it would unquote a name holding "%41" a second time."""
    if os.name == "nt":
        from nturl2path import url2pathname  # "/C:/x" -> "C:\\x"

        return Path(url2pathname(quote(path, safe="/:")))
    return Path(path)


def _file_url_relpath(library: Library, path: str) -> str | None:
    """The library path of a ``file:`` URL's path, or ``None`` if it is not in the library."""
    try:
        relative = _local_path(path).relative_to(library.root)
    except ValueError:
        return None
    return relative.as_posix() if relative.parts else ""


def library_file(library: Library, relpath: str) -> Path | None:
    """The regular file at ``relpath`` if it really lies inside the library, links followed:
    a link pointing out of the library, a folder, a FIFO or a device is ``None`` (opening a
    FIFO would block the reader)."""
    try:
        real = (library.root / relpath).resolve(strict=True)
        if not stat.S_ISREG(real.stat().st_mode):
            return None
    except (OSError, RuntimeError):
        return None
    if library.root != real and library.root not in real.parents:
        return None
    return real


def _target_relpath(library: Library, article: Article, scheme: str,
                    path: str) -> tuple[str | None, str]:
    """``(relpath, "")`` for a relative path or a ``file:`` URL, or ``(None, reason)``."""
    if scheme == "file":
        relpath = _file_url_relpath(library, path)
        if relpath is None:
            return None, f"'{path}' is a file outside the library"
        return relpath, ""
    relpath = _library_relpath(article, path)
    if relpath is None:
        return None, f"'{path}' points outside the library"
    return relpath, ""


def resolve_link(library: Library, article: Article, href: str) -> LinkTarget:
    """Where ``href`` (as written in ``article``) leads. A link to a file that is not an
    article is ``"file"`` only if the file lies inside the library; the app then says where
    it is and never opens it by itself."""
    scheme, path, fragment = _split(href)
    if href.strip().startswith("//") or scheme in _EXTERNAL_SCHEMES:
        return LinkTarget("external", url=href.strip())
    if scheme and scheme != "file":
        # A drive letter ("C:/...") parses as a one-letter scheme; other schemes are unknown.
        return LinkTarget("broken", reason=f"links of type '{scheme}:' cannot be opened")
    if not path:
        return LinkTarget("internal", Location.article(article.id, fragment))
    relpath, reason = _target_relpath(library, article, scheme, path)
    if relpath is None:
        return LinkTarget("broken", reason=reason)
    target = library.article_at(relpath) or library.article_at(relpath + ".md")
    if target is not None:
        return LinkTarget("internal", Location.article(target.id, fragment))
    section = library.section_at(relpath.rstrip("/")) if relpath else library.root_section
    if section is not None:
        if not section.id:
            return LinkTarget("internal", Location.home())
        return LinkTarget("internal", Location.section(section.id))
    if relpath and not relpath.lower().endswith((".md", ".markdown")):
        file_path = library_file(library, relpath)
        if file_path is not None:
            return LinkTarget("file", path=file_path)
        if (library.root / relpath).exists():
            return LinkTarget("broken", reason=(
                f"'{path}' is not a file inside the library (a link out of it, a folder or "
                "a device)"))
    return LinkTarget("broken", reason=f"no article or file '{path}' in the library")


def resolve_image(library: Library, article: Article, src: str) -> tuple[Path | None, str]:
    """The image file for ``src``, or ``(None, reason)``. Only regular files inside the
    library are ever read; remote images are never fetched."""
    scheme, path, _ = _split(src)
    if src.strip().startswith("//") or (scheme and scheme != "file"):
        return None, "images from the web are not shown (the reader works offline)"
    relpath, reason = _target_relpath(library, article, scheme, path)
    if relpath is None:
        return None, f"image {reason}: only pictures inside the library are shown"
    file_path = library_file(library, relpath)
    if file_path is None:
        if (library.root / relpath).exists() or (library.root / relpath).is_symlink():
            return None, (f"image '{path}' is not a picture file inside the library (a link "
                          "out of it, a folder or a device)")
        return None, f"image '{path}' is missing"
    return file_path, ""
