"""The site as browsers, search engines and link previews meet it.

Per page: a meta description (a lesson's from its question, other pages' from their first
paragraph), social preview tags, the keyboard fix for furo's drawers, and no tab script on
pages without tabs. For the whole site: a 404 page (`_templates/404.html`, working at any
depth), `sitemap.xml` and `robots.txt`. HTML only; ePub gets none of this.

Absolute addresses (sitemap, canonical links, `og:url`) need the site's public address: build
with `-D html_baseurl=https://where.it.lives/`. Without it the sitemap lists site-relative paths.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .domain import course_domain

KEYBOARD_SCRIPT = "js/drawer-keys.js"
TABS_SCRIPT = "design-tabs.js"  # sphinx-design adds it to every page; only tab sets need it
HIGHLIGHT_SCRIPT = "sphinx_highlight.js"  # Sphinx's search-term highlighter, on every page
#: Loads the highlighter only when a search result brought the reader here (the search page
#: leaves the terms in localStorage, or they come as ?highlight=), as sphinx_highlight.js reads them.
HIGHLIGHT_LOADER = (
    "try{if(localStorage.getItem('sphinx_highlight_terms')||/[?&]highlight=/.test(location.search))"
    "document.head.append(Object.assign(document.createElement('script'),{src:"
    "document.documentElement.dataset.content_root+'_static/sphinx_highlight.js'}))}catch(e){}")
DESCRIPTION_LENGTH = 160


def _in_browser(app: Sphinx) -> bool:
    return app.builder.format == "html" and not app.builder.name.startswith("epub")


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
        return _shorten(f"AI asks: {lesson.question} Day {lesson.day}, {lesson.title}: "
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


def on_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
            doctree: nodes.document | None) -> None:
    if not _in_browser(app):
        return
    context["metatags"] = context.get("metatags", "") + head_tags(app, pagename, context, doctree)
    if pagename == NOT_FOUND:
        # Served for any missing address, at any depth: its links must start from the root.
        root = urlparse(app.config.html_baseurl).path or "/"
        context["metatags"] = (f'<base href="{escape(root if root.endswith("/") else root + "/")}">'
                               '<meta name="robots" content="noindex">' + context["metatags"])
    app.add_js_file(KEYBOARD_SCRIPT)
    # Scripts a page does not use are not sent: tabs without tab sets, highlighting without a search.
    unused = set()
    if doctree is None or not _has_tab_set(doctree):
        unused.add(TABS_SCRIPT)
    if pagename != "search":
        unused.add(HIGHLIGHT_SCRIPT)
        app.add_js_file(None, body=HIGHLIGHT_LOADER)
    context["script_files"] = [js for js in context.get("script_files", [])
                               if Path(str(getattr(js, "filename", js) or "")).name not in unused]


def _tab_set(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and "sd-tab-set" in node.get("classes", [])


def _has_tab_set(doctree: nodes.document) -> bool:
    # sphinx-design's tab sets are containers: walking only those is many times faster than
    # asking `_tab_set` of every node and every piece of text on the page.
    return any(_tab_set(node) for node in doctree.findall(nodes.container))


# -- whole-site pages ---------------------------------------------------------------------
NOT_FOUND = "404"


def not_found_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The project's `_templates/404.html`, when it has one (a theme has no such template)."""
    template = f"{NOT_FOUND}.html"
    if _in_browser(app) and any(Path(app.confdir, folder, template).is_file()
                                for folder in app.config.templates_path):
        yield NOT_FOUND, {"title": "Page not found"}, template


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not _in_browser(app):
        return
    outdir = Path(app.outdir)
    pages = sorted(doc for doc in app.env.found_docs if doc in app.env.all_docs)
    urls = [page_url(app, doc) or app.builder.get_target_uri(doc) for doc in pages]
    entries = "".join(f"  <url><loc>{escape(url)}</loc></url>\n" for url in urls)
    (outdir / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n", encoding="utf-8")
    robots = "User-agent: *\nAllow: /\n"
    if sitemap := site_url(app, "sitemap.xml"):
        robots += f"Sitemap: {sitemap}\n"
    (outdir / "robots.txt").write_text(robots, encoding="utf-8")


class OneIdPerTable(SphinxPostTransform):
    """furo wraps each table in a div and copies the table's id onto it; the table keeps it.

    Two elements with one id break `#id` links and assistive technology's references.
    """

    formats = ("html",)
    default_priority = 501  # right after furo's wrapper (500)

    def run(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            wrapper = table.parent
            if isinstance(wrapper, nodes.container) and "table-wrapper" in wrapper["classes"]:
                wrapper["ids"] = [i for i in wrapper["ids"] if i not in table["ids"]]


def setup_site(app: Sphinx) -> None:
    app.connect("html-page-context", on_page)
    app.connect("html-collect-pages", not_found_page)
    app.connect("build-finished", write_sitemap)
    app.add_post_transform(OneIdPerTable)
