"""What the index stores for each article."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.library.includes import expand
from reader.library.loader import MAX_ARTICLE_BYTES, read_source
from reader.library.model import Article, Library
from reader.render import plaintext

#: Lists of links to other articles: their titles would make an article match searches for
#: the articles it points to, and fill its snippets with other titles.
_LINK_LIST_RE = re.compile(
    r"^(?P<level>#{2,6})[ \t]+(?:related articles|related reading|see also|read more)[ \t#]*\n"
    r".*?(?=^#{1,6}[ \t]|\Z)",
    re.IGNORECASE | re.MULTILINE | re.DOTALL,
)


def without_link_lists(markdown_text: str) -> str:
    """The article without its "Related articles" / "See also" sections."""
    return _LINK_LIST_RE.sub("", markdown_text)


def article_document(library: Library, article: Article) -> dict[str, str]:
    """The fields of one article. Raises ``OSError`` if its file cannot be read."""
    source = read_source(library, article, limit=MAX_ARTICLE_BYTES)
    # The shared rules an article includes are part of it: "ketones vomiting" finds them.
    text = without_link_lists(expand(library.root, source.body).text)
    body = plaintext.to_text(text)
    first_line, _, rest = body.partition("\n")
    if first_line.strip() == article.title:
        body = rest  # the title is its own field; snippets should start with the article
    return {
        "id": article.id,
        "section": library.section_title(article),
        "title": article.title,
        "keywords": ", ".join(article.keywords),
        "headings": "\n".join(plaintext.headings(text)),
        "summary": article.summary,
        "body": body,
    }


def iter_documents(library: Library) -> Iterator[tuple[Article, dict[str, str] | None]]:
    """Every article in reading order with its document (``None`` if it cannot be read)."""
    for article_id in library.reading_order:
        article = library.articles[article_id]
        try:
            yield article, article_document(library, article)
        except OSError:
            yield article, None
