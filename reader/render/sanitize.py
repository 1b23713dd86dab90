"""An allow-list HTML sanitizer (nh3, the Rust ammonia library) for what authors wrote.

Markdown lets an author write raw HTML. Whatever it holds (``<script>``, ``<iframe>``,
``<object>``, ``on…=`` handlers, ``javascript:`` or ``data:`` links, images from the web), only
the tags, attributes and link types below reach the screen; images load only from the library
(``file:``, and only files inside it) or are our own diagrams (``diagram:``), so nothing is ever
fetched from a network and nothing outside the library is read.
"""

from __future__ import annotations

from collections.abc import Callable
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


#: Link types that never name a local file: left as they are.
_KEPT_LINK_SCHEMES = {"reader", "diagram", "http", "https", "mailto", "tel"}

#: ``local(tag, url)``: what a local URL (a relative path or ``file:``) in ``a[href]`` or
#: ``img[src]`` becomes, or ``None`` to drop it.
LocalUrl = Callable[[str, str], "str | None"]


def _url_filter(local: LocalUrl | None) -> Callable[[str, str, str], str | None]:
    def _filter(tag: str, attribute: str, value: str) -> str | None:
        if (tag, attribute) not in (("img", "src"), ("a", "href")):
            return value
        try:
            scheme = urlsplit(value.strip()).scheme.lower()
        except ValueError:
            return None
        if tag == "img":
            if scheme == "diagram":
                return value
            if scheme not in IMAGE_SCHEMES and scheme:
                return None
        elif scheme in _KEPT_LINK_SCHEMES or value.startswith("#"):
            return value
        # A local file, as raw HTML may name one: the library decides, as for Markdown.
        return local(tag, value) if local is not None else None
    return _filter


def sanitize(html: str, local: LocalUrl | None = None) -> str:
    """``html`` with everything outside the allow-list removed. Local URLs (relative paths
    and ``file:``) go through ``local``, which keeps only files inside the library, so raw
    HTML cannot show a picture from elsewhere on the disk or open a file; without ``local``
    they are dropped."""
    return nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=LINK_SCHEMES,
        attribute_filter=_url_filter(local), clean_content_tags={"script", "style"},
        link_rel=None,
    )
