"""The breadcrumb above a page: the library, its sections down to the page, the page itself.

Plain HTML for a QLabel (links to every level above, the current one in bold), made here
without Qt so it is tested without a display.
"""

from __future__ import annotations

from html import escape

from reader.library.links import Location
from reader.library.model import Library


def breadcrumb_html(library: Library, location: Location) -> str:
    """``Library › Section › <b>Article</b>`` for ``location``; unknown places show only the
    library's name."""
    parts = [f'<a href="{Location.home().to_url()}">{escape(library.title)}</a>']
    section_id = title = ""
    if location.kind == "article" and location.id in library.articles:
        article = library.articles[location.id]
        section_id, title = article.section_id, article.title
    elif location.kind == "section" and location.id in library.sections:
        section_id = location.id
    for section in library.section_chain(section_id):
        if section.id == location.id and location.kind == "section":
            parts.append(f"<b>{escape(section.title)}</b>")
        else:
            url = Location.section(section.id).to_url()
            parts.append(f'<a href="{url}">{escape(section.title)}</a>')
    if title:
        parts.append(f"<b>{escape(title)}</b>")
    return " › ".join(parts)
