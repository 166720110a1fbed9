"""The ePub edition: `make epub` builds an EPUB 3 that epubcheck accepts.

Sphinx's epub theme, whose only stylesheet is `_static/epub.css`; the reader's "Day 9" in the
contents; a cover drawn from conf.py's facts (`epub_cover.svg`, filled in here); only the
static files the book uses; no scripts on its pages. Interactive things are shown in their
static form by `offline_forms`.
"""

from __future__ import annotations

from collections.abc import Set

import os
import re
from html import escape
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import quote

from docutils import nodes
from docutils.utils import smartquotes
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.highlighting import PygmentsBridge

from .builders import is_epub
from .domain import course_domain
from .facts import week_heading

#: Static files the ePub uses (its stylesheet and code colours); the rest stay out of it.
EPUB_STATIC = ("_static/epub.css", "_static/pygments.css")
EPUB_COVER = "_static/course-cover.svg"
EPUB_CODE_STYLE = "sphinx"  # the PDF's (Sphinx's LaTeX default)
#: The cover's drawing; its $placeholders are filled from conf.py.
COVER_TEMPLATE = Path(__file__).with_name("epub_cover.svg")


#: The book's accessibility, declared the schema.org way EPUB Accessibility 1.1 asks for: text
#: with pictures whose content is also in words (alt text and captions), navigable by headings
#: and contents, no flashing, motion or sound.
ACCESSIBILITY = "".join(f'    <meta property="schema:{name}">{value}</meta>\n' for name, value in (
    ("accessMode", "textual"), ("accessMode", "visual"),
    ("accessModeSufficient", "textual"),
    ("accessibilityFeature", "alternativeText"), ("accessibilityFeature", "structuralNavigation"),
    ("accessibilityFeature", "tableOfContents"), ("accessibilityFeature", "readingOrder"),
    ("accessibilityFeature", "displayTransformability"),
    ("accessibilityHazard", "none"),
    ("accessibilitySummary", "A course in plain text with headings and a table of contents. "
                             "Every illustration has alt text and a caption; code examples are "
                             "text. Nothing flashes, moves or plays sound."),
))


class CourseEpub3Builder(Epub3Builder):
    """Sphinx's EPUB 3 builder, with the reader's "Day 9" in the contents and a real cover.

    Sphinx marks the cover only the EPUB 2 way (`<meta name="cover">`), which EPUB 3 reading
    systems need not look at; here the cover image also carries EPUB 3's `cover-image`.
    """

    def get_toc(self) -> None:
        super().get_toc()
        days = {lesson.docname + self.out_suffix: lesson
                for lesson in course_domain(self.env).lessons.values()}
        for entry in self.refnodes:  # the contents (nav.xhtml and toc.ncx) list "Day 9: ..."
            lesson = days.get(entry["refuri"])
            if lesson is not None:
                title = smartquotes.educateQuotes(lesson.title, language=self.config.language)
                entry["text"] = escape(f"{lesson.label}: {title}")  # quotes as on the page

    def prepare_writing(self, docnames: Set[str]) -> None:
        super().prepare_writing(docnames)
        # Every page says its language, as EPUB's accessibility rules ask (Ace: html-has-lang).
        lang = escape(self.config.language or "en")
        self.globalcontext["html_tag"] = self.html_tag.replace(
            ">", f' lang="{lang}" xml:lang="{lang}">', 1)

    def build_content(self) -> None:
        super().build_content()
        opf = Path(self.outdir, "content.opf")
        text = opf.read_text(encoding="utf-8")
        if self.config.epub_cover:
            href = escape(quote(self.config.epub_cover[0].replace(os.sep, "/")))
            text = re.sub(rf'(<item id="[^"]*" href="{re.escape(href)}" media-type="[^"]*")( ?/>)',
                          r'\1 properties="cover-image"\2', text, count=1)
        opf.write_text(text.replace("  </metadata>", ACCESSIBILITY + "  </metadata>", 1),
                       encoding="utf-8")

    def build_navigation_doc(self) -> None:
        super().build_navigation_doc()
        # The contents' <nav> carries the ARIA role its epub:type names (Ace's matching rule).
        nav = Path(self.outdir, "nav.xhtml")
        nav.write_text(re.sub(r'<nav epub:type="(toc|landmarks|page-list)"',
                              lambda m: f'{m.group(0)} role="doc-{m.group(1).replace("page-list", "pagelist")}"',
                              nav.read_text(encoding="utf-8")), encoding="utf-8")


def prepare_epub(app: Sphinx) -> None:
    if not isinstance(app.builder, Epub3Builder):
        return
    leave_out_unused_static(app)
    if app.config.pygments_style is None:
        # The epub theme colours no code; unless conf.py chose a style, the ePub's code is
        # coloured like the PDF's.
        app.builder.highlighter = PygmentsBridge("html", EPUB_CODE_STYLE)
    if tuple(app.config.epub_cover)[:1] == (EPUB_COVER,):
        write_cover(app)


def leave_out_unused_static(app: Sphinx) -> None:
    """Static files from the theme, conf.py and extensions stay out of the ePub's package.

    The ePub uses its stylesheets and what they reference, and no scripts; furo's,
    sphinx-design's and copybutton's files (and the LaTeX style) would be dead weight in it.
    """
    static_dirs = [Path(app.confdir, entry) for entry in app.config.html_static_path]
    theme = getattr(app.builder, "theme", None)
    if theme is not None:  # the project's static files win over the theme's, as Sphinx copies
        static_dirs += [Path(folder, "static") for folder in theme.get_theme_dirs()]
    files: dict[str, Path] = {}
    for folder in (folder for folder in static_dirs if folder.is_dir()):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = "_static/" + path.relative_to(folder).as_posix()
                files.setdefault(name.removesuffix(".jinja").removesuffix("_t"), path)
    used = set(EPUB_STATIC)
    for stylesheet in EPUB_STATIC:
        if stylesheet in files:
            text = files[stylesheet].read_text(encoding="utf-8", errors="replace")
            used |= {"_static/" + ref for ref in re.findall(r"url\(['\"]?([^'\")]+)", text)}
    unused = {name for name in files if name not in used}
    app.config.epub_exclude_files = sorted(unused | set(app.config.epub_exclude_files))


def epub_page_assets(app: Sphinx, pagename: str, templatename: str,
                     context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Each ePub page links only the ePub's stylesheets, and no scripts."""
    if not is_epub(app.builder):
        return
    keep = {Path(name).name for name in EPUB_STATIC}
    context["css_files"] = [css for css in context.get("css_files", [])
                            if Path(getattr(css, "filename", str(css))).name in keep]
    context["script_files"] = []


def write_cover(app: Sphinx) -> None:
    """The ePub's cover, drawn from conf.py: title, the course in one line, weeks, authors."""
    config = app.config
    weeks = [week_heading(number, config.course_weeks) for number in config.course_weeks]
    lines = "\n".join(
        f'  <text x="60" y="{560 + 44 * index}" font-size="26" fill="#cfe7f5">'
        f"{escape(week)}</text>" for index, week in enumerate(weeks))
    first, second = two_lines(config.epub_description)
    svg = Template(COVER_TEMPLATE.read_text(encoding="utf-8")).substitute(
        title=escape(config.epub_title), tagline_first=escape(first),
        tagline_second=escape(second), weeks=lines, author=escape(config.epub_author))
    target = Path(app.outdir, EPUB_COVER)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(svg, encoding="utf-8")


def two_lines(text: str) -> tuple[str, str]:
    """A cover's tagline in two lines, broken at the space nearest the middle."""
    words = text.split()
    if len(words) < 2:
        return text, ""
    cut = min(range(1, len(words)), key=lambda n: abs(len(" ".join(words[:n])) - len(text) / 2))
    return " ".join(words[:cut]), " ".join(words[cut:])


def setup_epub_edition(app: Sphinx) -> None:
    app.add_builder(CourseEpub3Builder, override=True)
    app.connect("builder-inited", prepare_epub, priority=900)  # after extensions add files
    app.connect("html-page-context", epub_page_assets, priority=900)
