"""The top of a page, from its front matter: a lesson's header, a preface's byline, a week's title.

A lesson's header is one node of data (`lesson_header`) placed right after the lesson's title,
where the doctree wants it: Sphinx takes a page's title from its first section's first child.
Readers see the kicker and "Day 9 of 21" above the title and the question below it, so each
writer's visitor puts the two halves where its output needs them: HTML and the ePub write the
eyebrow just before the section opens, LaTeX passes everything to `\\CourseLessonTop` before
`\\chapter` (course.sty prints it), text writes it in place.

Week pages (`week: N` and no `day`) get their title, "Week N · Title", from conf.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import smartquotes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxTranslator

from .cards import draft_badge
from .domain import course_domain
from .editions import is_preview
from .facts import DRAFT, Lesson, byline, day_of_file, page_kind, read_lesson, week_heading
from .nodes import lesson_header, page_byline

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator

logger = logging.getLogger(__name__)


class FrontMatterTop(SphinxTransform):
    """Reads the page's front matter (MyST has put it in env.metadata) and places its top."""

    default_priority = 400  # after MyST has parsed, before Sphinx collects titles

    def apply(self, **kwargs: Any) -> None:
        env, docname = self.env, self.env.docname
        meta = env.metadata.get(docname, {})
        first_section = next(iter(self.document.findall(nodes.section)), None)
        kind = page_kind(docname, meta)
        if kind == "lesson":
            lesson, problems = read_lesson(env, docname, meta)
            for problem in problems:
                logger.warning(problem.message, location=(docname, problem.line),
                               type="course", subtype="front-matter")
            if lesson is None:
                course_domain(env).note_unloaded(docname, day_of_file(docname))
                return
            course_domain(env).lessons[docname] = lesson
            if first_section is not None:
                first_section.insert(1, self.lesson_header(lesson))
        elif kind == "week" and docname.endswith("/index"):
            self._title_week_page(str(meta["week"]))
        elif kind == "preface" and first_section is not None:
            # A draft is marked only in the authors' preview (editions.py).
            draft = str(meta["status"]).strip() == "draft" and is_preview(self.config)
            words = byline(self.config) + (f" {DRAFT}" if draft else "")
            first_section.insert(1, page_byline("", nodes.Text(words), draft=draft,
                                                classes=["no-search"]))

    def lesson_header(self, lesson: Lesson) -> lesson_header:
        # The words as text children too: search indexes them, checks skip them.
        shown_draft = lesson.is_draft and is_preview(self.config)
        position = lesson.position(self.config) + (f" {DRAFT}" if shown_draft else "")
        words = [lesson.kicker(self.config), position, lesson.asks]
        # `no-search`: Sphinx leaves it out of the search index (the page's title and prose
        # are what a search should match and quote).
        return lesson_header("", *(nodes.Text(text + "\n") for text in words), lesson=lesson,
                             classes=["no-search"])

    def _title_week_page(self, week_text: str) -> None:
        titles = self.config.course_weeks
        if not week_text.isdigit() or int(week_text) not in titles:
            logger.warning(f"`week: {week_text}` is not a week of the course "
                           f"(write one of {', '.join(map(str, titles))})",
                           location=(self.env.docname, 1), type="course", subtype="front-matter")
            return
        heading = week_heading(int(week_text), titles)
        section = nodes.section(ids=[nodes.make_id(heading)], names=[nodes.fully_normalize_name(heading)])
        section += nodes.title(heading, heading)
        body = [child for child in self.document.children if not isinstance(child, nodes.docinfo)
                and not isinstance(child, nodes.field_list)]
        for child in body:
            self.document.remove(child)
            section += child
        self.document += section
        self.document.note_implicit_target(section, section)


# -- What readers see, as docutils nodes every writer renders --------------------------------
def _typeset(writer: SphinxTranslator, text: str) -> str:
    """Curly quotes where Sphinx's smartquotes would have put them in an author's text."""
    config = writer.config
    if not config.smartquotes or writer.builder.name in config.smartquotes_excludes.get("builders", ()):
        return text
    return smartquotes.educateQuotes(text, language=config.language or "en")


def _line(classes: str, *children: nodes.Node) -> nodes.paragraph:
    return nodes.paragraph("", "", *children, classes=[classes])


def _with_badge(text: str, draft: bool) -> list[nodes.Node]:
    return [nodes.Text(text), nodes.Text(" "), draft_badge()] if draft else [nodes.Text(text)]


def eyebrow(writer: SphinxTranslator, node: lesson_header | page_byline) -> list[nodes.paragraph]:
    """Above the title: a lesson's kicker and "Day 9 of 21", or a preface's byline."""
    config = writer.config
    if isinstance(node, page_byline):
        return [_line("course-kicker", *_with_badge(_typeset(writer, byline(config)), node["draft"]))]
    lesson = node.lesson
    return [_line("course-kicker", nodes.Text(_typeset(writer, lesson.kicker(config)))),
            _line("course-position", *_with_badge(lesson.position(config),
                                                  lesson.is_draft and is_preview(config)))]


def question(writer: SphinxTranslator, lesson: Lesson) -> nodes.paragraph:
    """Below the title: "AI asks: ..."."""
    return _line("course-question", nodes.strong(Lesson.ASKS, Lesson.ASKS),
                 nodes.Text(" " + _typeset(writer, lesson.question)))


def _last_opening(body: list[str], prefix: str) -> int:
    """Where the enclosing section's opening was written: the top goes right before it."""
    return next(index for index in range(len(body) - 1, -1, -1) if body[index].startswith(prefix))


def _rendered(writer: HTML5Translator, node: nodes.Element) -> str:
    """`node` as this writer writes it, without adding it to the output yet."""
    body, writer.body = writer.body, []
    try:
        node.walkabout(writer)
        return "".join(writer.body)
    finally:
        writer.body = body


# -- HTML and the ePub ------------------------------------------------------------------------
def visit_header_html(self: HTML5Translator, node: lesson_header | page_byline) -> None:
    above = nodes.container("", *eyebrow(self, node), classes=["course-eyebrow"])
    self.body.insert(_last_opening(self.body, "<section"), _rendered(self, above))
    if isinstance(node, lesson_header):
        below = nodes.container("", question(self, node.lesson), classes=["course-lesson-header"])
        below.walkabout(self)
    raise nodes.SkipNode


# -- LaTeX: course.sty's chapter opening ------------------------------------------------------
def visit_header_latex(self: LaTeXTranslator, node: lesson_header | page_byline) -> None:
    heading = "\\" + self.sectionnames[min(self.sectionlevel, len(self.sectionnames) - 1)]
    config = self.config
    if isinstance(node, page_byline):
        draft = "draft" if node["draft"] else ""
        macro = f"\n\\CourseByline{{{self.encode(_typeset(self, byline(config)))}}}{{{draft}}}\n"
    else:
        lesson = node.lesson
        draft = "draft" if lesson.is_draft and is_preview(config) else ""
        macro = (f"\n\\CourseLessonTop{{{lesson.day}}}"
                 f"{{{self.encode(_typeset(self, lesson.kicker(config)))}}}"
                 f"{{{self.encode(lesson.position(config))}}}"
                 f"{{{self.encode(_typeset(self, lesson.question))}}}{{{draft}}}\n")
    self.body.insert(_last_opening(self.body, heading), macro)
    raise nodes.SkipNode


# -- Text: in place, under the title ----------------------------------------------------------
def visit_header_text(self: TextTranslator, node: lesson_header | page_byline) -> None:
    lines: list[nodes.Node] = list(eyebrow(self, node))
    if isinstance(node, lesson_header):
        lines.append(question(self, node.lesson))
    nodes.container("", *lines).walkabout(self)
    raise nodes.SkipNode


def skip(self: SphinxTranslator, node: nodes.Element) -> None:
    raise nodes.SkipNode  # manual pages and Texinfo are no edition of this course


def number_lesson_titles(app: Sphinx, doctree: nodes.document) -> None:
    """In the contents (sidebar, week pages, previous/next): "9 · Backend, where ...".

    Only the short title Sphinx keeps for navigation changes; the page's heading and its
    `<title>` stay the lesson's title.
    """
    env = app.env
    lesson = course_domain(env).lessons.get(env.docname)
    if lesson is None:
        return
    numbered = f"{lesson.day} · {lesson.title}"
    env.titles[env.docname] = nodes.title(numbered, numbered)
    # Toctrees (the sidebar, a week's list) take a page's entry from its own contents.
    first = next(iter(env.tocs[env.docname].findall(nodes.reference)), None)
    if first is not None:
        first.clear()
        first += nodes.Text(numbered)


def setup_header(app: Sphinx) -> None:
    app.add_transform(FrontMatterTop)
    app.connect("doctree-read", number_lesson_titles, priority=600)  # after Sphinx's titles
    for node in (lesson_header, page_byline):
        app.add_node(node, html=(visit_header_html, None), latex=(visit_header_latex, None),
                     text=(visit_header_text, None), man=(skip, None), texinfo=(skip, None))
