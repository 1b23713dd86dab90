"""A Python-Markdown extension that puts shared text in place of ``[[include: name]]`` lines.

The expanding itself is the library's (``reader.library.includes``, also used by the search
index and ``reader check``); this only runs it first, before any other processor, so included
text gets glossary marks, glucose units and resolved links like the article's own. An include
that cannot be made is shown in place as a problem with its file and line: a safety rule that
silently vanished would be worse than a visible error.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from reader.library.includes import Include, expand
from reader.system.i18n import translate


class IncludePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: IncludeExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        extension = self.extension
        extension.sources = ()
        if extension.root is None:
            return lines
        expanded = expand(extension.root, "\n".join(lines), extension.placeholder)
        extension.sources = expanded.sources
        return expanded.text.split("\n")


class IncludeExtension(Extension):
    """Set :attr:`root` (the library folder), :attr:`relpath` and :attr:`first_line` (the
    file being converted and the line its text starts on, for messages) before each
    ``convert``; :attr:`sources` then holds the included texts' sources."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.root: Path | None = None
        self.relpath = ""
        self.first_line = 1
        self.sources: tuple[str, ...] = ()

    def placeholder(self, include: Include) -> str:
        line = self.first_line + include.line - 1
        where = f"{self.relpath}:{line}: " if self.relpath else ""
        problem = translate("Include", "this part could not be shown: {problem}.").format(
            problem=include.problem)
        return f'<p class="file-problem">{escape(where)}{escape(problem)}</p>'

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        md.registerExtension(self)
        # Before whitespace normalising (30) and fenced code (25): included text is then
        # treated exactly as if it had been written in the article.
        md.preprocessors.register(IncludePreprocessor(md, self), "include", 35)
