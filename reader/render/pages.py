"""HTML for every page the reader shows: articles, section pages, the home page, errors.

The HTML is kept to what Qt's rich-text engine renders well (no scripts, simple tables for
layout); the look comes from the stylesheet the UI applies, so themes can change it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

from reader.library.cost import breakable, layout_costs
from reader.library.includes import expand
from reader.library.links import BROKEN_PREFIX, Location, resolve_image, resolve_link
from reader.library.loader import MAX_ARTICLE_BYTES, ArticleSource, read_source
from reader.library.model import Article, Library, Section
from reader.system import i18n
from reader.system.i18n import QT_TRANSLATE_NOOP, format_number, translate

if TYPE_CHECKING:
    import markdown

#: The home page lists every article of a library up to this size, and only sections beyond.
HOME_LISTS_ARTICLES_UP_TO = 500

#: An article shown as plain text (too costly to lay out) shows at most this much of itself.
PLAIN_TEXT_LIMIT = 200_000

#: Articles are checked again this many years after their last review, unless their
#: ``review-due:`` says otherwise (sooner for medicines).
REVIEW_YEARS = 3

#: Shown on every article, in our own words (English; shown as ``translate("Page", …)``).
NOTICE_TITLE = QT_TRANSLATE_NOOP("Page", "For your information")
NOTICE_TEXT = QT_TRANSLATE_NOOP(
    "Page",
    "The information here is general: it helps you learn about diabetes, but it is not medical "
    "advice for you. Talk with your doctor or diabetes care team before you change how you eat, "
    "move or take medicine. If you feel very unwell, get emergency help."
)


@dataclass(frozen=True)
class Page:
    """A rendered page: its HTML and what the window shows around it."""

    html: str
    title: str
    location: Location
    #: False for error pages: what went wrong (a file that cannot be read) may pass by itself.
    cacheable: bool = True


def notice_text() -> str:
    """The educational-use notice in the reader's language."""
    return translate("Page", NOTICE_TEXT)


def format_date(value: str) -> str:
    """``2026-11-26`` -> ``26 November 2026`` (in the reader's language); anything else is
    shown as written."""
    try:
        date = dt.date.fromisoformat(value.strip())
    except ValueError:
        return value
    # In the reader's language, not through ``%B``: that follows the system's locale (which Qt
    # sets), not the language the interface is in.
    return i18n.format_date(date)


def parse_date(value: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` date from metadata, or ``None``."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def next_review(reviewed: dt.date, review_due: str = "") -> dt.date:
    """When an article reviewed on ``reviewed`` must be checked again: its ``review-due:``
    date if it names one, else three years on (the usual cycle for patient information)."""
    due = parse_date(review_due)
    if due is not None:
        return due
    try:
        return reviewed.replace(year=reviewed.year + REVIEW_YEARS)
    except ValueError:  # 29 February
        return reviewed.replace(year=reviewed.year + REVIEW_YEARS, day=28)


def _document(body: str, title: str) -> str:
    return (
        f"<html><head><title>{escape(title)}</title></head>"
        f"<body>{body}</body></html>"
    )


def _article_link(article: Article, anchor_text: str | None = None) -> str:
    url = Location.article(article.id).to_url()
    return f'<a href="{escape(url)}">{escape(anchor_text or article.title)}</a>'


def notice_html() -> str:
    title = escape(translate("Page", NOTICE_TITLE))
    return (
        '<table class="notice" width="100%" cellpadding="10"><tr><td>'
        f"<b>{title}.</b> {escape(notice_text())}"
        "</td></tr></table>"
    )


def _articles(count: int, sentence: bool = False) -> str:
    """"1 article", "2,500 articles" (with a full stop as a ``sentence``)."""
    if sentence:
        if count == 1:
            return translate("Page", "1 article.")
        return translate("Page", "{count} articles.").format(count=format_number(count))
    if count == 1:
        return translate("Page", "1 article")
    return translate("Page", "{count} articles").format(count=format_number(count))


class Renderer:
    """Renders pages of one library; keeps one Markdown converter and reuses it."""

    def __init__(self, library: Library, units: str = "both") -> None:
        self.library = library
        #: "both", "mg" or "mmol": how glucose values are shown.
        self.units = units
        self._md: markdown.Markdown | None = None

    def _converter(self) -> markdown.Markdown:
        """The Markdown converter, made on first use: importing Python-Markdown and reading the
        glossary cost more than the rest of start-up, and a cached first page needs neither."""
        if self._md is None:
            import markdown

            from reader.render.glossary import load_glossary
            from reader.render.glossary_extension import GlossaryExtension
            from reader.render.glucose import GlucoseExtension
            from reader.render.include_extension import IncludeExtension
            from reader.render.links_extension import LibraryLinksExtension

            self._includes = IncludeExtension()
            self._links = LibraryLinksExtension()
            self._glucose = GlucoseExtension()
            self._glossary = GlossaryExtension()
            self._glossary.glossary = load_glossary(self.library)
            self._md = markdown.Markdown(
                extensions=[
                    "toc",
                    "tables",
                    "fenced_code",
                    "sane_lists",
                    "attr_list",
                    "def_list",
                    "abbr",
                    "footnotes",
                    "admonition",
                    self._includes,
                    self._links,
                    self._glucose,
                    self._glossary,
                ],
                output_format="html",
            )
        return self._md

    def warm_up(self) -> None:
        """Make the converter now (idle time after start-up) rather than on the first click."""
        self._converter()

    def markdown_html(self, text: str, article: Article | None = None,
                      handout: bool = False, first_line: int = 1) -> str:
        """Markdown to an HTML fragment, with links resolved for ``article``; a ``handout``
        (for print) has no glossary marks and no links to the live diagram. ``first_line`` is
        the file line ``text`` starts on, for messages."""
        from reader.render.sanitize import sanitize

        md = self._converter()
        md.reset()
        self._glucose.units = self.units
        self._includes.root = self.library.root
        self._includes.relpath = article.relpath if article is not None else ""
        self._includes.first_line = first_line
        self._links.library = self.library
        self._links.article = article
        self._links.handout = handout
        self._glossary.article = None if handout else article
        return sanitize(md.convert(text), self._local_url(article))

    def _local_url(self, article: Article | None) -> Callable[[str, str], str | None]:
        """How raw HTML's local links and images are resolved: exactly as Markdown's."""
        library = self.library
        where = article or Article(id="", relpath="", title="", section_id="")

        def local(tag: str, url: str) -> str | None:
            if tag == "img":
                path, _ = resolve_image(library, where, url)
                return path.as_uri() if path is not None else None
            if article is None:  # a section page's introduction: no article to resolve from
                return None if url.lower().startswith("file:") else url
            target = resolve_link(library, article, url)
            if target.kind == "internal" and target.location is not None:
                return target.location.to_url()
            if target.kind == "file" and target.path is not None:
                return target.path.as_uri()
            return BROKEN_PREFIX + quote(target.reason, safe="")
        return local

    def article(self, article: Article, handout: bool = False) -> Page:
        """The article page: title, date, body, sources, notice, previous/next. A ``handout``
        is the printable version: the library's name on top, no navigation or live links."""
        location = Location.article(article.id)
        size = self.library.stamps.get(article.relpath, (0, 0))[1]
        if size > MAX_ARTICLE_BYTES:
            return self.error(article.title, translate(
                "Page", "{file}: this file is too large to show ({size} MB; the reader shows "
                "articles up to {limit} MB). Split it into smaller articles.").format(
                    file=article.relpath, size=f"{size / 1e6:.1f}",
                    limit=MAX_ARTICLE_BYTES // 2**20), location)
        try:
            source = read_source(self.library, article)
        except OSError as error:
            reason = error.strerror or str(error)
            return self.error(
                article.title,
                translate("Page", "{file}: this article could not be opened ({reason}).").format(
                    file=article.relpath, reason=reason),
                location,
            )
        parts: list[str] = []
        if handout:
            parts.append(f'<p class="handout-header">{escape(self.library.title)}</p>')
        for line, message in self.problems(article, source):
            parts.append(f'<p class="file-problem">{escape(article.relpath)}:{line}: '
                         f"{escape(message)}</p>")
        body, included_sources = self.body_html(article, source, handout)
        updated = f'<p class="updated">{escape(self.review_line(article))}</p>'
        heading_end = body.find("</h1>") if body.startswith("<h1") else -1
        if heading_end >= 0:
            # Keep the file's own title heading (it carries the anchor); the date goes under it.
            heading_end += len("</h1>")
            parts += [body[:heading_end], updated, body[heading_end:]]
        else:
            parts += [f'<h1 class="title">{escape(article.title)}</h1>', updated, body]
        sources = tuple(dict.fromkeys(article.sources + included_sources))
        if sources:
            items = "".join(f"<li>{escape(s)}</li>" for s in sources)
            heading = escape(translate("Page", "Sources"))
            parts.append(f'<h2 class="sources">{heading}</h2><ul class="sources">{items}</ul>')
        parts.append(notice_html())
        if handout:
            app = escape(translate("Page", "Diabetes Reader"))
            parts.append(f'<p class="handout-footer">{escape(article.title)} · '
                         f"{escape(self.library.title)} · {app}</p>")
        else:
            parts.append(self.neighbours(article))
        return Page(_document("".join(parts), article.title), article.title, location)

    @staticmethod
    def problems(article: Article, source: ArticleSource) -> list[tuple[int, str]]:
        """What is wrong with the file, said in place above the article."""
        found = list(source.front_matter.problems)
        if source.encoding_problem:
            line, message = source.encoding_problem
            found.append((line, translate(
                "Page", "some characters could not be read ({message})").format(message=message)))
        if not source.body.strip():
            found.append((1, translate("Page", "this article is empty")))
        return found

    def body_html(self, article: Article, source: ArticleSource,
                  handout: bool) -> tuple[str, tuple[str, ...]]:
        """The article's Markdown as HTML, and the sources of the shared text it includes
        (listed with its own); text the parser cannot take is shown plainly."""
        # Measured with the shared text in place: an include must not smuggle in what the
        # article itself may not hold.
        costs = layout_costs(expand(self.library.root, source.body).text)
        if not costs:
            try:
                html = self.markdown_html(source.body, article, handout=handout,
                                          first_line=source.body_line)
                return html, self._includes.sources
            except Exception:
                reason = translate("Page", "it could not be laid out")
        else:
            reason = "; ".join(cost.reason for cost in costs)
        text = source.body[:PLAIN_TEXT_LIMIT]
        paragraphs = "".join(f"<p>{escape(breakable(block))}</p>"
                             for block in text.split("\n\n")[:2000] if block.strip())
        cut = ""
        if len(source.body) > PLAIN_TEXT_LIMIT:
            shown = translate("Page", "Only the first {count} characters are shown.").format(
                count=format_number(PLAIN_TEXT_LIMIT))
            cut = f'<p class="file-problem">{escape(shown)}</p>'
        plain = translate("Page", "{file}: this article is shown as plain text because {reason}."
                          ).format(file=article.relpath, reason=reason)
        return (f'<h1 class="title">{escape(article.title)}</h1>'
                f'<p class="file-problem">{escape(plain)}</p>{paragraphs}{cut}'), ()

    def review_line(self, article: Article) -> str:
        """"Last reviewed: … · Next review due: …" from the metadata; an article that names no
        date shows its file's date, which says when it changed, not that anyone checked it."""
        reviewed = parse_date(article.updated)
        if reviewed is None:
            return translate("Page", "Last updated: {date}").format(date=self.updated(article))
        due = next_review(reviewed, article.review_due)
        return translate("Page", "Last reviewed: {reviewed} · Next review due: {due}").format(
            reviewed=format_date(reviewed.isoformat()), due=format_date(due.isoformat()))

    def updated(self, article: Article) -> str:
        """The article's date, or its file's modification date if it names none."""
        if article.updated:
            return format_date(article.updated)
        stamp = self.library.stamps.get(article.relpath)
        if stamp is None:
            return translate("Page", "unknown")
        date = dt.datetime.fromtimestamp(stamp[0] / 1e9).date()
        return translate("Page", "{date} (file date)").format(date=format_date(date.isoformat()))

    def neighbours(self, article: Article) -> str:
        """Previous/next links at the foot of an article, labelled with their titles."""
        previous = self.library.previous_article(article.id)
        following = self.library.next_article(article.id)
        left = escape(translate("Page", "← Previous: {link}")).format(
            link=_article_link(previous)) if previous else ""
        right = escape(translate("Page", "Next: {link} →")).format(
            link=_article_link(following)) if following else ""
        return (
            '<table class="neighbours" width="100%" cellpadding="6"><tr>'
            f'<td width="50%" align="left">{left}</td>'
            f'<td width="50%" align="right">{right}</td></tr></table>'
        )

    def _section_list(self, section: Section, depth: int) -> str:
        items: list[str] = []
        for kind, item_id in section.children:
            if kind == "article":
                article = self.library.articles[item_id]
                summary = f'<br><span class="summary">{escape(article.summary)}</span>' if (
                    article.summary and depth == 0) else ""
                items.append(f"<li>{_article_link(article)}{summary}</li>")
            else:
                child = self.library.sections[item_id]
                url = Location.section(child.id).to_url()
                nested = self._section_list(child, depth + 1)
                items.append(f'<li><a href="{escape(url)}">{escape(child.title)}</a>{nested}</li>')
        return f"<ul>{''.join(items)}</ul>"

    def _article_count(self, section: Section) -> int:
        """Articles in a section, nested ones included."""
        return sum(1 if kind == "article" else self._article_count(self.library.sections[i])
                   for kind, i in section.children)

    def section(self, section_id: str) -> Page:
        """A section's page: its introduction and its articles."""
        section = self.library.sections.get(section_id)
        if section is None or not section_id:
            return self.home()
        parts = [f"<h1>{escape(section.title)}</h1>"]
        if section.summary:
            parts.append(f'<p class="summary">{escape(section.summary)}</p>')
        if section.intro:
            parts.append(self.markdown_html(section.intro))
        parts.append(self._section_list(section, 0))
        return Page(_document("".join(parts), section.title), section.title,
                    Location.section(section_id))

    def home(self, recent: tuple[str, ...] = ()) -> Page:
        """The home page: the introduction, a "Start here" path for newly diagnosed families
        (the root ``_section.md``'s ``start:`` list), recently read articles, every section."""
        root = self.library.root_section
        count = len(self.library.reading_order)
        parts = [f"<h1>{escape(self.library.title)}</h1>"]
        if root.intro:
            parts.append(self.markdown_html(root.intro))
        parts.append(f'<p class="summary">{escape(_articles(count, sentence=True))}</p>')
        path = [self.library.articles[i] for i in root.start if i in self.library.articles]
        if path:
            steps = "".join(f"<li>{_article_link(a)}</li>" for a in path)
            heading = escape(translate("Page", "New to diabetes? Start here"))
            advice = escape(translate(
                "Page", "Read these in order. They cover what to do in the first weeks."))
            parts.append(
                '<table class="start" width="100%" cellpadding="10"><tr><td>'
                f"<h2>{heading}</h2><p>{advice}</p>"
                f"<ol>{steps}</ol></td></tr></table>"
            )
        read = [self.library.articles[i] for i in recent if i in self.library.articles]
        if read:
            items = "".join(f"<li>{_article_link(a)}</li>" for a in read)
            heading = escape(translate("Page", "Recently read"))
            parts.append(f'<h2>{heading}</h2><ul class="recent">{items}</ul>')
        for kind, item_id in root.children:
            if kind == "article":
                article = self.library.articles[item_id]
                parts.append(f"<h2>{_article_link(article)}</h2>")
                if article.summary:
                    parts.append(f"<p>{escape(article.summary)}</p>")
                continue
            child = self.library.sections[item_id]
            url = Location.section(child.id).to_url()
            parts.append(f'<h2><a href="{escape(url)}">{escape(child.title)}</a></h2>')
            if child.summary:
                parts.append(f'<p class="summary">{escape(child.summary)}</p>')
            if count <= HOME_LISTS_ARTICLES_UP_TO:
                parts.append(self._section_list(child, 1))
            else:  # a page of ten thousand links takes seconds to lay out; each section has one
                number = self._article_count(child)
                parts.append(f'<p class="summary">{escape(_articles(number))}</p>')
        parts.append(notice_html())
        return Page(_document("".join(parts), self.library.title), self.library.title,
                    Location.home())

    def error(self, title: str, message: str, location: Location) -> Page:
        """A page that says plainly what went wrong, in place of what could not be shown."""
        rest = escape(translate(
            "Page", "The rest of the library still works: choose another article from the "
            "contents."))
        body = (
            f"<h1>{escape(title)}</h1>"
            f'<p class="file-problem">{escape(message)}</p>'
            f"<p>{rest}</p>"
        )
        return Page(_document(body, title), title, location, cacheable=False)

    def page(self, location: Location, recent: tuple[str, ...] = ()) -> Page:
        """Whatever ``location`` names; unknown places lead to a clear error page."""
        if location.kind == "article":
            article = self.library.article(location.id)
            if article is None:
                return self.error(
                    translate("Page", "Article not found"),
                    translate("Page", "There is no article '{id}' in this library.").format(
                        id=location.id), location)
            return self.article(article)
        if location.kind == "section":
            return self.section(location.id)
        return self.home(recent)
