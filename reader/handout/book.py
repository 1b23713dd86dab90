"""What a clinic handout holds, before it is laid out (no Qt here): the articles asked for, in
order, each as the printable HTML of its own pages, an optional cover (the clinic, the note for
this patient, the list of what is inside), and the words of the header and footer of every
page. ``reader/ui/handout_print.py`` lays it out and paints it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from reader.handout.clinic import Clinic
from reader.library.model import Article, Library
from reader.render import Renderer
from reader.system.i18n import format_date, translate

#: The printable parts of an article page that the handout draws itself on every page.
_CHROME_RE = re.compile(r'<p class="handout-(?:header|footer)">.*?</p>', re.DOTALL)
_BODY_RE = re.compile(r"<body>(.*)</body>", re.DOTALL)


@dataclass(frozen=True)
class Handout:
    """One handout: its articles in order, who it is from, and the note for this patient."""

    library: Library
    articles: tuple[Article, ...]
    clinic: Clinic = field(default_factory=Clinic)
    note: str = ""
    cover: bool = False
    date: dt.date | None = None

    @property
    def day(self) -> dt.date:
        return self.date or dt.date.today()


def _at_path(library: Library, text: str) -> Article | None:
    """The article of a file named by its path (absolute, from here, or from the library)."""
    for path in (Path(text).expanduser(), library.root / text):
        try:
            relative = path.resolve().relative_to(library.root).as_posix()
        except (OSError, ValueError):
            continue
        article = library.article_at(relative)
        if article is not None:
            return article
    return None


def find_articles(library: Library, ids: Sequence[str],
                  others: Sequence[Library] = ()) -> tuple[list[Article], list[str]]:
    """The articles for ``ids`` (an id or its file's path; or an article of one of
    ``others``, the same library in other languages, whose counterpart here is taken), and
    the ids that name none."""
    found, missing = [], []
    for wanted in ids:
        key = wanted.strip().strip("/")
        article = library.article(key) or _at_path(library, wanted.strip())
        for other in others if article is None else ():
            there = other.article(key)
            counterpart = there.translation(library.language) if there is not None else None
            article = library.article(counterpart) if counterpart else None
            if article is not None:
                break
        if article is None:
            missing.append(wanted)
        else:
            found.append(article)
    return found, missing


def article_html(renderer: Renderer, article: Article) -> str:
    """The article's printable body (title, dates, text, sources, notice), without the
    one-article header and footer: the handout's own are drawn on every page."""
    html = renderer.article(article, handout=True).html
    match = _BODY_RE.search(html)
    return _CHROME_RE.sub("", match.group(1) if match else html)


def cover_html(handout: Handout) -> str:
    """The cover: the clinic, the date, the note for this patient, and what is inside."""
    clinic = handout.clinic
    parts = ['<div class="handout-cover">']
    if clinic.name:
        parts.append(f"<h1>{escape(clinic.name)}</h1>")
    if clinic.phone:
        phone = translate("Handout", "Phone: {phone}").format(phone=clinic.phone)
        parts.append(f'<p class="cover-phone">{escape(phone)}</p>')
    parts.append(f'<p class="cover-date">{escape(format_date(handout.day))}</p>')
    if handout.note.strip():
        lines = "<br/>".join(escape(line) for line in handout.note.strip().splitlines())
        parts.append('<table class="cover-note" width="100%" border="1" cellspacing="0" '
                     f'cellpadding="12"><tr><td>{lines}</td></tr></table>')
    inside = translate("Handout", "In this handout")
    parts.append(f"<h2>{escape(inside)}</h2><ol>")
    parts += [f"<li>{escape(article.title)}</li>" for article in handout.articles]
    parts.append("</ol>")
    parts.append(f'<p class="cover-library">{escape(handout.library.title)}</p></div>')
    return "".join(parts)


def book_html(renderer: Renderer, handout: Handout) -> str:
    """The whole handout as one HTML document, each article (and the cover) on new pages; a
    note for the patient always has its cover (it has nowhere else to go)."""
    sections = [cover_html(handout)] if handout.cover or handout.note.strip() else []
    sections += [article_html(renderer, article) for article in handout.articles]
    pages = "".join(
        f'<div style="page-break-before: always">{section}</div>' if index else
        f"<div>{section}</div>" for index, section in enumerate(sections))
    title = escape(handout.clinic.name or handout.library.title)
    return f"<html><head><title>{title}</title></head><body>{pages}</body></html>"


def header_text(handout: Handout) -> str:
    """The line at the top of every page: the clinic's name and phone (or the library's)."""
    return handout.clinic.line or handout.library.title


def footer_parts(handout: Handout, page: int, pages: int) -> tuple[str, str]:
    """The foot of a page: ``("2 December 2026 · Diabetes Reader Library", "Page 2 of 7")``."""
    where = translate("Handout", "{date} · {library}").format(
        date=format_date(handout.day), library=handout.library.title)
    return where, translate("Handout", "Page {page} of {pages}").format(page=page, pages=pages)
