"""``reader check``: every problem in a library, as ``path:line: message``.

It reads every file in full, so it finds what loading (which reads only file heads) cannot:
bytes that are not UTF-8, broken links and anchors, missing images. It never stops at the first
problem and never raises on a bad file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown.extensions.toc import slugify, unique

from reader.diagram.states import state_from_src
from reader.library.cost import Cost, layout_costs
from reader.library.images import check_image
from reader.library.includes import (
    IncludeError,
    SharedText,
    expand,
    find_includes,
    read_shared,
    shared_names,
    shared_relpath,
)
from reader.library.links import resolve_image, resolve_link
from reader.library.loader import (
    MAX_ARTICLE_BYTES,
    ArticleSource,
    lines_outside_code,
    plain_inline,
    read_source,
)
from reader.library.model import Article, Library, Problem

_CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_RE = re.compile(
    r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]"  # [text], one level of nested brackets allowed
    r"\(\s*(<[^>]*>|[^\s)]+)(?:\s+[\"'(][^)]*)?\s*\)"  # (target "optional title")
)
_REFERENCE_RE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?")
_HTML_RE = re.compile(r"<(a|img)\b[^>]*?\b(href|src)\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
#: ``{: #id .class }`` (Python-Markdown's attr_list) and HTML ``id=``/``name=`` attributes.
_ATTR_ID_RE = re.compile(r"\{:?[^}\n]*?#([\w-]+)[^}\n]*\}")
_HTML_ID_RE = re.compile(r"\b(?:id|name)\s*=\s*[\"']([^\"']+)[\"']")


def iter_references(body: str) -> Iterator[tuple[int, bool, str]]:
    """``(body line, is_image, target)`` for each link or image outside code blocks."""
    lines = body.splitlines()
    for index in lines_outside_code(lines):
        line, number = lines[index], index + 1
        if line.startswith(("    ", "\t")):
            continue
        text = _CODE_SPAN_RE.sub("", line)
        for match in _INLINE_RE.finditer(text):
            yield number, match.group(1) == "!", match.group(2).strip("<>")
        reference = _REFERENCE_RE.match(text)
        if reference:
            yield number, False, reference.group(1)
        for match in _HTML_RE.finditer(text):
            yield number, match.group(1).lower() == "img", match.group(3)


_UNSAFE_RE = re.compile(
    r"<\s*(script|iframe|object|embed|form|style|link|meta|base)\b"
    r"|\bon[a-z]+\s*=|(?:href|src)\s*=\s*[\"']?\s*(javascript|data|vbscript):"
    r"|<img\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)


def unsafe_html(body: str) -> Iterator[tuple[int, str]]:
    """``(body line, message)`` for raw HTML the sanitizer removes before showing it."""
    lines = body.splitlines()
    for index in lines_outside_code(lines):
        match = _UNSAFE_RE.search(_CODE_SPAN_RE.sub("", lines[index]))
        if match:
            what = match.group(0).strip()[:40]
            yield index + 1, f"unsafe HTML removed when shown: {what!r}"


def heading_anchors(body: str) -> set[str]:
    """Every anchor the rendered page has: heading slugs (Python-Markdown's ``toc``), explicit
    ``{: #id }`` attributes and HTML ``id``/``name`` attributes."""
    ids: set[str] = set()
    lines = body.splitlines()
    for index in lines_outside_code(lines):
        line, previous = lines[index], lines[index - 1] if index else ""
        explicit = _ATTR_ID_RE.findall(line) + _HTML_ID_RE.findall(line)
        ids.update(explicit)
        heading = _HEADING_RE.match(line)
        text = heading.group(2) if heading else None
        if text is None and previous.strip() and _SETEXT_RE.match(line):
            text = previous
        if text is not None and not _ATTR_ID_RE.search(text):
            ids.add(unique(slugify(plain_inline(text), "-"), ids))
    return ids


class _Checker:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.problems: list[Problem] = list(library.problems)
        self._sources: dict[str, ArticleSource | None] = {}

    def source(self, article: Article) -> ArticleSource | None:
        if article.id not in self._sources:
            try:
                self._sources[article.id] = read_source(self.library, article)
            except OSError as error:
                self._sources[article.id] = None
                self.problems.append(
                    Problem(article.relpath, 1, f"cannot be read: {error.strerror or error}")
                )
        return self._sources[article.id]

    def check_article(self, article: Article) -> None:
        size = self.library.stamps.get(article.relpath, (0, 0))[1]
        if size > MAX_ARTICLE_BYTES:
            self.problems.append(Problem(article.relpath, 1, (
                f"file is too large ({size / 1e6:.1f} MB; the reader shows articles up to "
                f"{MAX_ARTICLE_BYTES // 2**20} MB): split it")))
            return
        source = self.source(article)
        if source is None:
            return
        if source.encoding_problem:
            line, message = source.encoding_problem
            self.problems.append(Problem(article.relpath, line, message))
        costs = layout_costs(source.body)
        for cost in costs:
            self.problems.append(self.cost_problem(article.relpath, source.body_line, cost))
        expanded = expand(self.library.root, source.body)  # each shared text read once
        for include in expanded.includes:
            if include.problem:
                self.problems.append(Problem(article.relpath, source.body_line + include.line - 1,
                                             f"include: {include.problem}"))
        if expanded.includes and not costs:
            for cost in layout_costs(expanded.text):  # a line of the expanded text: say the first
                self.problems.append(self.cost_problem(article.relpath, 1, Cost(1, (
                    f"{cost.reason}, with its shared text in place"))))
        for body_line, message in unsafe_html(source.body):
            self.problems.append(Problem(article.relpath, source.body_line + body_line - 1,
                                         message))
        for body_line, is_image, target in iter_references(source.body):
            line = source.body_line + body_line - 1
            if is_image:
                reason = self.image_problem(article, target)
                if reason:
                    self.problems.append(Problem(article.relpath, line, reason))
                continue
            resolved = resolve_link(self.library, article, target)
            if resolved.kind == "broken":
                self.problems.append(
                    Problem(article.relpath, line, f"broken link: {resolved.reason}")
                )
            elif resolved.kind == "internal" and resolved.location and resolved.location.anchor:
                self.check_anchor(article, line, resolved.location.id, resolved.location.anchor)

    @staticmethod
    def cost_problem(relpath: str, first_line: int, cost: Cost) -> Problem:
        return Problem(relpath, first_line + cost.line - 1, (
            f"{cost.reason[:1].upper()}{cost.reason[1:]}: the article is shown as plain "
            "text, which is slow to lay out otherwise"))

    def image_problem(self, article: Article, target: str) -> str:
        """What is wrong with an image as written in ``article`` (empty if nothing)."""
        state, reason = state_from_src(target)
        if state is None and not reason:
            path, reason = resolve_image(self.library, article, target)
            if path is not None:
                problem = check_image(path)
                reason = f"image '{target}' {problem}" if problem else ""
        return reason

    def check_shared(self, shared: SharedText) -> None:
        """Shared text lands in articles of any folder: its links must be written from the
        library's root, lead somewhere, and it must not include more shared text."""
        # Stands in for "an article at the root" when the links are resolved.
        where = Article(id="", relpath=shared.relpath, title=shared.title, section_id="")
        for cost in layout_costs(shared.body):
            self.problems.append(self.cost_problem(shared.relpath, shared.body_line, cost))
        for body_line, _ in find_includes(shared.body):
            self.problems.append(Problem(shared.relpath, shared.body_line + body_line - 1,
                                         "shared text cannot include other shared text"))
        for body_line, is_image, target in iter_references(shared.body):
            line = shared.body_line + body_line - 1
            resolved = resolve_link(self.library, where, target)
            if not is_image and resolved.kind == "external":
                continue
            if not target.startswith(("/", "#", "diagram:")):
                self.problems.append(Problem(shared.relpath, line, (
                    f"'{target}': links in shared text start with '/' (from the library's "
                    "root), because the text is shown in articles of every folder")))
            elif is_image:
                reason = self.image_problem(where, target)
                if reason:
                    self.problems.append(Problem(shared.relpath, line, reason))
            elif resolved.kind == "broken":
                self.problems.append(Problem(shared.relpath, line,
                                             f"broken link: {resolved.reason}"))
            elif resolved.kind == "internal" and resolved.location and resolved.location.anchor:
                self.check_anchor(where, line, resolved.location.id, resolved.location.anchor)

    def check_anchor(self, article: Article, line: int, target_id: str, anchor: str) -> None:
        target = self.library.article(target_id)
        source = self.source(target) if target else None
        if source is not None and anchor not in heading_anchors(source.body):
            self.problems.append(
                Problem(article.relpath, line,
                        f"broken link: no heading '#{anchor}' in {target.relpath}")
            )

    def check_start_path(self) -> None:
        for article_id in self.library.root_section.start:
            if article_id not in self.library.articles:
                self.problems.append(Problem(
                    "_section.md", 1, f"'start' names '{article_id}', which is not an article id"))

    def check_titles(self) -> None:
        seen: dict[str, Article] = {}
        for article_id in self.library.reading_order:
            article = self.library.articles[article_id]
            other = seen.setdefault(article.title.casefold(), article)
            if other is not article:
                self.problems.append(Problem(article.relpath, 1, (
                    f"duplicate title '{article.title}' (also {other.relpath}): readers "
                    "cannot tell them apart")))

    def run(self) -> list[Problem]:
        self.check_start_path()
        self.check_titles()
        for article_id in self.library.reading_order:
            self.check_article(self.library.articles[article_id])
        for name in shared_names(self.library.root):
            try:
                self.check_shared(read_shared(self.library.root, name))
            except IncludeError as error:
                self.problems.append(Problem(shared_relpath(name), 1, str(error)))
        return sorted(set(self.problems), key=lambda p: (p.relpath, p.line, p.message))


def check_library(library: Library) -> list[Problem]:
    """Every problem in the library, sorted by file and line."""
    return _Checker(library).run()
