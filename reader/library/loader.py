"""Turn a folder of Markdown files into a :class:`Library`.

Any folder is a library: subfolders are sections, ``.md`` files are articles. Loading reads only
the head of each file (metadata and first heading), so a large library opens quickly; article
bodies are read when they are shown or indexed. Nothing here raises on a bad file: problems are
collected with their file and line, and the rest of the library stays usable.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.library.front_matter import FrontMatter, parse_front_matter
from reader.library.model import Article, Library, Problem, Section, library_key
from reader.library.snapshot import load_snapshot, save_snapshot
from reader.system.json_file import DamagedFileError, read_json, write_json

ARTICLE_SUFFIXES = (".md", ".markdown")
#: Optional file in any folder that names the section and orders it (see content/README.md).
SECTION_FILE = "_section.md"
#: The folder at the library's root that holds text articles include (``reader.library.includes``).
SHARED_FOLDER = "_shared"
#: How much of a file is read to find its title when the library is loaded.
HEAD_BYTES = 64 * 1024
#: Larger files are not shown (or indexed) in full: an article is never this long, and
#: rendering megabytes of Markdown would freeze the reader.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
#: Deeper lists or quotes are not rendered as Markdown (its parser recurses per level).
MAX_NESTING = 40
#: Bump when what the catalog keeps, or how heads are read, changes.
CATALOG_VERSION = 1

_PREFIX_RE = re.compile(r"^(\d+)[-_ .]+(?=\S)")
_ATX_H1_RE = re.compile(r"^ {0,3}#(?!#)[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_H1_RE = re.compile(r"^ {0,3}=+[ \t]*$")
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP_RE = re.compile(r"<[^>]+>|[*_`]+")


class LibraryError(Exception):
    """The library cannot be opened at all (for example, the folder does not exist)."""


@dataclass(frozen=True)
class ArticleSource:
    """An article's full text, split into metadata and body."""

    text: str
    front_matter: FrontMatter
    body: str
    #: 1-based file line of the body's first line.
    body_line: int
    #: ``(line, message)`` if the file was not valid UTF-8 (it is shown with replacements).
    encoding_problem: tuple[int, str] | None = None


def is_utf8_name(name: str) -> bool:
    """False for a file name whose bytes are not UTF-8 (Python keeps them as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_name(name: str) -> str:
    """A name any terminal, JSON file or window can show: undecodable bytes as ``\\xff``."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def strip_prefix(name: str) -> tuple[int | None, str]:
    """``"02-what-is-x"`` -> ``(2, "what-is-x")``; names without a prefix keep ``None``."""
    match = _PREFIX_RE.match(name)
    if not match:
        return None, name
    return int(match.group(1)), name[match.end():]


def title_from_filename(stem: str) -> str:
    """A readable title from a file name: ``"02-what-is-x"`` -> ``"What is x"``."""
    words = strip_prefix(stem)[1].replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else stem


def plain_inline(text: str) -> str:
    """Drop inline Markdown (links, emphasis, code, tags) from a heading for use as a title."""
    text = _INLINE_LINK_RE.sub(r"\1", text)
    return " ".join(_MARKUP_RE.sub("", text).split())


def lines_outside_code(lines: list[str], start: int = 0) -> Iterator[int]:
    """Indexes of the lines that are not inside a fenced code block (or its fences)."""
    fence: str | None = None
    for i in range(start, len(lines)):
        fence_match = _FENCE_RE.match(lines[i])
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
        elif fence is None:
            yield i


def find_first_h1(lines: list[str], start: int = 0) -> tuple[str, int] | None:
    """The first level-1 heading (ATX or setext) outside code blocks, with its 1-based line."""
    for i in lines_outside_code(lines, start):
        line = lines[i]
        match = _ATX_H1_RE.match(line)
        if match and match.group("text").strip():
            return plain_inline(match.group("text")), i + 1
        if (
            i + 1 < len(lines)
            and line.strip()
            and not line.startswith("    ")
            and _SETEXT_H1_RE.match(lines[i + 1])
        ):
            return plain_inline(line), i + 1
    return None


def decode(data: bytes) -> tuple[str, tuple[int, str] | None]:
    """Decode UTF-8 (with or without BOM); invalid bytes become U+FFFD and are reported."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        return data.decode("utf-8-sig", errors="replace"), (line, message)


def nesting_depth(body: str) -> int:
    """How deeply lists and quotes nest (Markdown's parser recurses once per level)."""
    deepest = 0
    for line in body.splitlines():
        stripped = line.lstrip(" \t")
        indent = len(line) - len(stripped)
        quotes = len(stripped) - len(stripped.lstrip("> "))
        if stripped[:1] in "-*+>" or stripped[:1].isdigit():
            deepest = max(deepest, indent // 2 + quotes)
    return deepest


def read_source(library: Library, article: Article, limit: int | None = None) -> ArticleSource:
    """Read an article's file (its first ``limit`` bytes if given). Raises ``OSError`` if it
    cannot be read."""
    with library.path_of(article).open("rb") as handle:
        data = handle.read(limit if limit is not None else -1)
    text, encoding_problem = decode(data)
    lines = text.splitlines()
    front = parse_front_matter(lines)
    body = "\n".join(lines[front.body_start:])
    return ArticleSource(text, front, body, front.body_start + 1, encoding_problem)


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.sections: dict[str, Section] = {}
        self.articles: dict[str, Article] = {}
        self.problems: list[Problem] = []
        self.stamps: dict[str, tuple[int, int]] = {}
        #: Heads read before, by file (see ``load_library``'s catalog); and what to save next.
        self.catalog: dict[str, dict] = {}
        self.new_catalog: dict[str, dict] = {}
        #: ``relpath -> mtime_ns`` of every folder visited (see ``reader.library.snapshot``).
        self.folders: dict[str, int] = {}
        self._visited: set[tuple[int, int]] = set()
        self._order: dict[str, tuple] = {}
        self._section_ids: set[str] = set()

    def problem(self, relpath: str, line: int, message: str) -> None:
        self.problems.append(Problem(relpath, line, message))

    def stamp(self, relpath: str, stat: os.stat_result) -> None:
        self.stamps[relpath] = (stat.st_mtime_ns, stat.st_size)

    def read_head(self, path: Path, relpath: str) -> list[str] | None:
        cached = self.catalog.get(relpath)
        if cached is not None:
            try:
                stat = path.stat()
            except OSError:
                stat = None
            if stat is not None and cached.get("stamp") == [stat.st_mtime_ns, stat.st_size]:
                self.stamp(relpath, stat)
                self.new_catalog[relpath] = cached
                return list(cached.get("head", []))
        try:
            with path.open("rb") as handle:
                stat = os.fstat(handle.fileno())
                self.stamp(relpath, stat)
                data = handle.read(HEAD_BYTES)
        except OSError as error:
            self.problem(relpath, 1, f"cannot be read: {error.strerror or error}")
            return None
        lines = data.decode("utf-8-sig", errors="replace").splitlines()
        keep = lines if path.name == SECTION_FILE else head_needed(lines)  # intros are whole
        self.new_catalog[relpath] = {"stamp": [stat.st_mtime_ns, stat.st_size], "head": keep}
        return lines

    def stamp_shared(self) -> None:
        """Stamp the shared texts too: an article that includes one changes when it changes,
        so its cached page and its place in the index must be made again."""
        folder = self.root / SHARED_FOLDER
        try:
            self.folders[SHARED_FOLDER] = folder.stat().st_mtime_ns
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return  # no shared text (or none readable: each include says so where it is)
        for entry in entries:
            if not is_utf8_name(entry.name):
                self.problem(printable_name(f"{SHARED_FOLDER}/{entry.name}"), 1, (
                    "the file name is not valid UTF-8, so it cannot be included: rename it"))
            elif entry.name.endswith(".md") and not entry.name.startswith((".", "_")):
                with contextlib.suppress(OSError):
                    self.stamp(f"{SHARED_FOLDER}/{entry.name}", entry.stat())

    def load_section(self, folder: Path, relpath: str, parent_id: str | None) -> Section | None:
        """Load one folder; returns ``None`` if it holds no articles at any depth."""
        try:
            stat = folder.stat()
        except OSError as error:
            self.problem(relpath or ".", 1, f"folder cannot be read: {error.strerror or error}")
            return None
        self.folders[relpath] = stat.st_mtime_ns
        identity = (stat.st_dev, stat.st_ino)
        if identity in self._visited:
            self.problem(relpath, 1, "folder link loops back to a folder already in the library")
            return None
        self._visited.add(identity)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            self.problem(relpath or ".", 1, f"folder cannot be read: {error.strerror or error}")
            return None

        section_id = self.unique_id(self.make_id(relpath), relpath, self._section_ids,
                                    "section") if relpath else ""
        self._section_ids.add(section_id)
        front = FrontMatter()
        intro = ""
        names = {entry.name for entry in entries}
        if SECTION_FILE in names:
            file_rel = f"{relpath}/{SECTION_FILE}" if relpath else SECTION_FILE
            head = self.read_head(folder / SECTION_FILE, file_rel)
            if head is not None:
                front = parse_front_matter(head)
                for line, message in front.problems:
                    self.problem(file_rel, line, message)
                intro = "\n".join(head[front.body_start:]).strip()
        excluded = front.items("exclude")
        folder_name = folder.name if relpath else ""
        number, bare = strip_prefix(folder_name)
        title = front.first("title") or (title_from_filename(folder_name) if relpath else "")
        order_text = front.first("order")
        if order_text:
            try:
                number = int(order_text)
            except ValueError:
                file_rel = f"{relpath}/{SECTION_FILE}" if relpath else SECTION_FILE
                self.problem(
                    file_rel, front.key_lines.get("order", 1),
                    f"'order' must be a whole number, not '{order_text}'",
                )
        children: list[tuple[tuple, tuple[str, str]]] = []
        for entry in entries:
            name = entry.name
            if name.startswith((".", "_")) or any(fnmatch.fnmatch(name, p) for p in excluded):
                continue
            child_rel = f"{relpath}/{name}" if relpath else name
            if not is_utf8_name(name):
                # Such a name cannot be stored, indexed or shown as text: say so, and go on.
                self.problem(printable_name(child_rel), 1, (
                    "the file name is not valid UTF-8, so the reader cannot show it: rename it"))
                continue
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError:  # a link that loops back on itself
                is_dir = is_file = False
            if not (is_dir or is_file) and name.lower().endswith(ARTICLE_SUFFIXES):
                if entry.is_symlink():
                    self.problem(child_rel, 1, "this link leads nowhere (or loops back on "
                                 "itself), so it is not an article")
                continue
            if is_dir:
                child = self.load_section(Path(entry.path), child_rel, section_id)
                if child is not None:
                    children.append((self._order[("section", child.id)], ("section", child.id)))
            elif is_file and name.lower().endswith(ARTICLE_SUFFIXES):
                article = self.load_article(Path(entry.path), child_rel, section_id)
                if article is not None:
                    children.append((self._order[("article", article.id)], ("article", article.id)))
        if not children:
            if SECTION_FILE in names and relpath:
                self.problem(f"{relpath}/{SECTION_FILE}", 1, "section has no articles")
            return None
        children.sort(key=lambda item: item[0])
        section = Section(
            id=section_id,
            relpath=relpath,
            title=title or title_from_filename(bare),
            summary=front.joined("summary"),
            children=tuple(child for _, child in children),
            parent_id=parent_id,
            intro=intro,
            start=tuple(front.items("start")) if not relpath else (),
            language=front.first("language").strip().lower() if not relpath else "",
        )
        self.sections[section_id] = section
        self._order[("section", section_id)] = _order_key(number, section.title)
        return section

    def unique_id(self, wanted: str, relpath: str, taken: Collection[str], kind: str) -> str:
        """``wanted``, or if another file already has it, an id no other file has (its path,
        then its path with a number): every article stays reachable, and check says why."""
        if wanted not in taken:
            return wanted
        owner = (self.articles[wanted].relpath if kind == "article" and wanted in self.articles
                 else "another folder")
        self.problem(relpath, 1,
                     f"duplicate id '{wanted}' (also used by {owner}): rename one of them")
        candidate, number = relpath, 2
        while candidate in taken:
            candidate, number = f"{relpath}~{number}", number + 1
        return candidate

    def make_id(self, relpath: str) -> str:
        """A stable id: the path without numeric prefixes or suffix, so reordering keeps ids."""
        parts = relpath.split("/")
        stem = parts[-1]
        for suffix in ARTICLE_SUFFIXES:
            if stem.lower().endswith(suffix):
                stem = stem[: -len(suffix)]
        parts[-1] = stem
        return "/".join(strip_prefix(part)[1] or part for part in parts)

    def load_article(self, path: Path, relpath: str, section_id: str) -> Article | None:
        head = self.read_head(path, relpath)
        if head is None:
            return None
        front = parse_front_matter(head)
        for line, message in front.problems:
            self.problem(relpath, line, message)
        title = front.first("title")
        title_from = "meta"
        if not title:
            heading = find_first_h1(head, front.body_start)
            if heading:
                title, title_from = heading[0], "heading"
            else:
                title, title_from = title_from_filename(path.stem), "filename"
                if not "".join(head).strip():
                    self.problem(relpath, 1, "file is empty")
                else:
                    self.problem(relpath, 1, "no title: add 'title:' metadata or a '# Heading'")
        article_id = self.unique_id(self.make_id(relpath), relpath, self.articles, "article")
        article = Article(
            id=article_id,
            relpath=relpath,
            title=title,
            section_id=section_id,
            summary=front.joined("summary"),
            updated=front.first("updated"),
            keywords=tuple(front.items("keywords")),
            sources=tuple(v.strip() for v in front.meta.get("sources", []) if v.strip()),
            title_from=title_from,
            glossary=front.first("glossary").lower() in ("yes", "true", "1"),
            review_due=front.first("review-due"),
            translations=tuple(front.items("translation")),
        )
        self.articles[article_id] = article
        self._order[("article", article_id)] = _order_key(strip_prefix(path.stem)[0], title)
        return article


def _order_key(number: int | None, title: str) -> tuple:
    # Numbered items first, by number; then everything else by title.
    return (0, number, title.casefold()) if number is not None else (1, 0, title.casefold())


def _reading_order(sections: dict[str, Section]) -> list[str]:
    order: list[str] = []
    stack = [("section", "")]
    while stack:
        kind, item_id = stack.pop()
        if kind == "article":
            order.append(item_id)
        else:
            stack.extend(reversed(sections[item_id].children))
    return order


def head_needed(lines: list[str]) -> list[str]:
    """The start of a file that loading needs again: the metadata block and the lines up to the
    first title heading (a few lines if there is none). Cached, so a large library opens
    without reading every file."""
    front = parse_front_matter(lines)
    heading = find_first_h1(lines, front.body_start)
    if heading:
        return lines[: heading[1] + 1]
    # No title heading: enough to tell an empty file from one with text.
    text_at = next((i for i in range(front.body_start, len(lines)) if lines[i].strip()), None)
    return lines[: (text_at + 1) if text_at is not None else front.body_start]


def _catalog_path(cache_dir: Path, root: Path) -> Path:
    return cache_dir / "catalog" / f"{library_key(root)}.json"


def load_library(root: str | os.PathLike[str], cache_dir: Path | None = None,
                 trust_snapshot: bool = False) -> Library:
    """Load the library in ``root``. Raises :class:`LibraryError` only if it cannot be opened.

    With ``cache_dir``, what was read from each file is kept there and reused while the file's
    size and time are unchanged: a 10,000-article library then opens with one ``stat`` per file
    instead of one read. With ``trust_snapshot`` too, the whole library as last loaded is used
    if none of its folders changed (one ``stat`` per folder); it comes back with ``verified``
    false, and the caller checks its files later (``snapshot.files_changed``).
    """
    path = Path(root).expanduser()
    if not path.is_dir():
        raise LibraryError(f"{path}: not a folder (a library is a folder of Markdown files)")
    path = path.resolve()
    if cache_dir is not None and trust_snapshot:
        kept = load_snapshot(path, cache_dir)
        if kept is not None:
            return kept
    loader = _Loader(path)
    catalog_file = _catalog_path(cache_dir, path) if cache_dir is not None else None
    if catalog_file is not None:
        try:
            data = read_json(catalog_file, lambda d: isinstance(d, dict) and
                             d.get("version") == CATALOG_VERSION)
        except (OSError, DamagedFileError):
            data = None
        if data is not None and isinstance(data.get("files"), dict):
            loader.catalog = data["files"]
    root_section = loader.load_section(path, "", None)
    loader.stamp_shared()
    if catalog_file is not None and loader.new_catalog != loader.catalog:
        with contextlib.suppress(OSError):
            write_json(catalog_file, {"version": CATALOG_VERSION, "files": loader.new_catalog},
                       durable=False)
    if root_section is None:
        root_section = Section(id="", relpath="", title="")
        loader.sections[""] = root_section
        loader.problem(".", 1, "no Markdown (.md) files found in this folder")
    title = root_section.title or title_from_filename(path.name)
    if root_section.title != title:
        loader.sections[""] = Section(
            id="", relpath="", title=title, summary=root_section.summary,
            children=root_section.children, parent_id=None, intro=root_section.intro,
            start=root_section.start, language=root_section.language,
        )
    library = Library(
        root=path,
        title=title,
        sections=loader.sections,
        articles=loader.articles,
        reading_order=_reading_order(loader.sections),
        problems=loader.problems,
        stamps=loader.stamps,
    )
    if cache_dir is not None:
        save_snapshot(library, cache_dir, loader.folders)
    return library
