"""Site files: the 404 page, `sitemap.xml` and `robots.txt`. Web builds only.

The 404 page is the project's `_templates/404.html`, working at any depth and under a sub-path
such as Read the Docs' /en/latest/ (`page_meta` gives it the site's base address). The sitemap
needs the site's public address (`html_baseurl`, from Read the Docs or `-D`): the sitemap
protocol allows only absolute addresses, so without one there is no sitemap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .builders import is_web
from .page_meta import NOT_FOUND, page_url, site_url


def not_found_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The project's `_templates/404.html`, when it has one (a theme has no such template)."""
    template = f"{NOT_FOUND}.html"
    if is_web(app.builder) and any(Path(app.confdir, folder, template).is_file()
                                   for folder in app.config.templates_path):
        yield NOT_FOUND, {"title": "Page not found"}, template


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not is_web(app.builder):
        return
    outdir = Path(app.outdir)
    robots = "User-agent: *\nAllow: /\n"
    if not app.config.html_baseurl:
        (outdir / "sitemap.xml").unlink(missing_ok=True)  # left by an earlier build
        (outdir / "robots.txt").write_text(robots, encoding="utf-8")
        return
    pages = sorted(doc for doc in app.env.found_docs if doc in app.env.all_docs)
    urls = [page_url(app, doc) for doc in pages]
    entries = "".join(f"  <url><loc>{escape(url)}</loc></url>\n" for url in urls)
    (outdir / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n", encoding="utf-8")
    robots += f"Sitemap: {site_url(app, 'sitemap.xml')}\n"
    (outdir / "robots.txt").write_text(robots, encoding="utf-8")


#: The course's own stylesheets, whose comments are for maintainers, not for readers' data plans.
COURSE_CSS = ("course.css",)
CSS_COMMENT = re.compile(r"/\*.*?\*/\s*", re.S)


def strip_css_comments(app: Sphinx, exception: Exception | None) -> None:
    """Readers download the course's CSS without its comments (a third of its weight)."""
    if exception is not None or not is_web(app.builder):
        return
    for name in COURSE_CSS:
        css = Path(app.outdir, "_static", name)
        if css.is_file():
            css.write_text(CSS_COMMENT.sub("", css.read_text(encoding="utf-8")), encoding="utf-8")


def setup_site_files(app: Sphinx) -> None:
    app.connect("build-finished", strip_css_comments)
    app.connect("html-collect-pages", not_found_page)
    app.connect("build-finished", write_sitemap)
