"""An allow-list HTML sanitizer (nh3, the Rust ammonia library) for what authors wrote.

Markdown lets an author write raw HTML. Whatever it holds (``<script>``, ``<iframe>``,
``<object>``, ``on…=`` handlers, ``javascript:`` or ``data:`` links, images from the web), only
the tags, attributes and link types below reach the screen; images load only from the library
(``file:``) or are our own diagrams (``diagram:``), so nothing is ever fetched from a network.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "align"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "table": {"width", "cellpadding", "border"},
    "td": {"colspan", "rowspan", "width"},
    "th": {"colspan", "rowspan", "width"},
    "ol": {"start"},
}
#: Where links may lead (web links are shown, never opened: the app says so).
LINK_SCHEMES = {"reader", "file", "diagram", "http", "https", "mailto", "tel"}
#: Where images may come from: the library's own files and the app's diagrams.
IMAGE_SCHEMES = {"file", "diagram"}


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        try:
            scheme = urlsplit(value.strip()).scheme.lower()
        except ValueError:
            return None
        return value if scheme in IMAGE_SCHEMES else None
    return value


def sanitize(html: str) -> str:
    """``html`` with everything outside the allow-list removed."""
    return nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=LINK_SCHEMES,
        attribute_filter=_filter, clean_content_tags={"script", "style"}, link_rel=None,
    )
