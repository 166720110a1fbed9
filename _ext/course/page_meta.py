"""Page metadata: what search engines and link previews read in each web page's head.

A meta description (a lesson's from its question, other pages' from their first paragraph),
social preview tags, and for the 404 page a base address and `noindex`. Web pages only.
Absolute addresses (`og:url`) need the site's public address: build with
`-D html_baseurl=https://where.it.lives/`.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any
from urllib.parse import urljoin, urlparse

from docutils import nodes
from sphinx.application import Sphinx

from .builders import is_web
from .domain import course_domain

DESCRIPTION_LENGTH = 160
#: The page Sphinx writes for any missing address (see `site_files`).
NOT_FOUND = "404"


def _shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def first_paragraph(doctree: nodes.document) -> str:
    """The page's own opening words: the first paragraph of running text in a section."""
    for paragraph in doctree.findall(nodes.paragraph):
        if isinstance(paragraph.parent, nodes.section) and len(paragraph.astext().split()) >= 6:
            return paragraph.astext()
    return ""


def page_description(app: Sphinx, pagename: str, doctree: nodes.document | None) -> str:
    lesson = course_domain(app.env).lessons.get(pagename)
    if lesson is not None:
        return _shorten(f"{lesson.asks} {lesson.label}, {lesson.title}: "
                        f"learn to answer it with confidence.")
    text = first_paragraph(doctree) if doctree is not None else ""
    if not text:  # search, index, 404: the course's own description
        root = app.config.root_doc
        text = first_paragraph(app.env.get_doctree(root)) if root in app.env.all_docs else ""
    return _shorten(text or app.config.project)


def site_url(app: Sphinx, path: str) -> str:
    """The public address of `path` in the built site ("" when html_baseurl is not set)."""
    base = app.config.html_baseurl
    return urljoin(base if base.endswith("/") else base + "/", path) if base else ""


def page_url(app: Sphinx, pagename: str) -> str:
    return site_url(app, app.builder.get_target_uri(pagename))


def head_tags(app: Sphinx, pagename: str, context: dict[str, Any],
              doctree: nodes.document | None) -> str:
    description = escape(page_description(app, pagename, doctree))
    title = app.env.titles[pagename].astext() if pagename in app.env.titles else \
        re.sub(r"<[^>]+>", "", str(context.get("title", app.config.project)))
    kind = "article" if pagename in course_domain(app.env).lessons else "website"
    tags = [f'<meta name="description" content="{description}">',
            f'<meta property="og:type" content="{kind}">',
            f'<meta property="og:site_name" content="{escape(app.config.project)}">',
            f'<meta property="og:title" content="{escape(title)}">',
            f'<meta property="og:description" content="{description}">',
            '<meta name="twitter:card" content="summary">']
    if url := page_url(app, pagename):
        tags.append(f'<meta property="og:url" content="{escape(url)}">')
    return "\n".join(tags)


def add_meta_tags(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: nodes.document | None) -> None:
    if not is_web(app.builder):
        return
    context["metatags"] = context.get("metatags", "") + head_tags(app, pagename, context, doctree)
    if pagename == NOT_FOUND:
        # Served for any missing address, at any depth: its links must start from the root.
        root = urlparse(app.config.html_baseurl).path or "/"
        context["metatags"] = (f'<base href="{escape(root if root.endswith("/") else root + "/")}">'
                               '<meta name="robots" content="noindex">' + context["metatags"])


def add_source_path(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                    doctree: nodes.document | None) -> None:
    """The page's source file, for the footer's "View source" and "Suggest a change" links.

    The course's own, not Sphinx's `page_source_suffix`: sphinx-last-updated-by-git takes that
    away from a page git does not know (a copy without history), and the links would go too.
    """
    if pagename in app.env.all_docs:
        context["course_source_path"] = app.env.doc2path(pagename, False).as_posix()


def setup_page_meta(app: Sphinx) -> None:
    app.connect("html-page-context", add_meta_tags)
    app.connect("html-page-context", add_source_path)
