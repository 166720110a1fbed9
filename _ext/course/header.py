"""Front matter becomes the page's top: the kicker, "Day N of 21", the question, a draft badge.

Week pages (`week: N` and no `day`) get their title, "Week N · Title", from `conf.py`.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .domain import course_domain
from .editions import is_preview
from .facts import Lesson, read_lesson
from .nodes import lesson_header

logger = logging.getLogger(__name__)


def week_heading(week: int, titles: dict[int, str]) -> str:
    return f"Week {week} · {titles[week]}"


def draft_badge() -> nodes.inline:
    # sphinx-design's badge classes; other builders show the plain word.
    return nodes.inline("Draft", "Draft", classes=["sd-badge", "sd-bg-warning",
                                                   "sd-bg-text-warning", "course-draft"])


def _paragraph(classes: list[str], *children: nodes.Node) -> nodes.paragraph:
    return nodes.paragraph("", "", *children, classes=classes)


def lesson_top(lesson: Lesson, config) -> lesson_header:
    kicker = f"{week_heading(lesson.week, config.course_weeks)} · by {config.author}"
    header = lesson_header(classes=["course-lesson-header"])
    header += _paragraph(["course-kicker"], nodes.Text(kicker))
    position = _paragraph(["course-position"], nodes.Text(f"Day {lesson.day} of {config.course_days}"))
    if lesson.status == "draft" and is_preview(config):
        position += [nodes.Text(" "), draft_badge()]
    header += position
    header += _paragraph(["course-question"],
                         nodes.strong("AI asks:", "AI asks:"), nodes.Text(f" {lesson.question}"))
    return header


def page_top(status: str, config) -> lesson_header:
    """The essay and other front-matter pages: authors, and the badge while a draft."""
    header = lesson_header(classes=["course-lesson-header"])
    byline = _paragraph(["course-kicker"], nodes.Text(f"by {config.author}"))
    if status == "draft" and is_preview(config):
        byline += [nodes.Text(" "), draft_badge()]
    header += byline
    return header


class FrontMatterTop(SphinxTransform):
    """Reads the page's front matter (MyST has put it in env.metadata) and builds its top."""

    default_priority = 400  # after MyST has parsed, before Sphinx collects titles

    def apply(self, **kwargs) -> None:
        env, docname = self.env, self.env.docname
        meta = env.metadata.get(docname, {})
        first_section = next(iter(self.document.findall(nodes.section)), None)
        if "day" in meta or docname.split("/")[-1].startswith("day-"):
            lesson, problems = read_lesson(env, docname, meta)
            for problem in problems:
                logger.warning(problem.message, location=(docname, problem.line),
                               type="course", subtype="front-matter")
            if lesson is None:
                return
            course_domain(env).lessons[docname] = lesson
            if first_section is not None:
                first_section.insert(1, lesson_top(lesson, self.config))
        elif "week" in meta and docname.endswith("/index"):
            self._title_week_page(str(meta["week"]))
        elif "status" in meta and first_section is not None:
            first_section.insert(1, page_top(str(meta["status"]), self.config))

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
