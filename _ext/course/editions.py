"""Two editions from one source: the reader edition (the default) and the authors' preview.

The reader edition is what every plain build makes (`make html`, `make pdf`, `make epub`, a
bare `sphinx-build`, Read the Docs): no draft badges, no image briefs, no file paths, no
sources. While lessons are still drafts it says so once, quietly: on the course map and on the
PDF's copyright page. The preview (`-D course_edition=preview`: `make serve`, `make preview`)
shows the authors everything they review: drafts, image briefs, each lesson's sources, and
which passages of a published lesson are the project's rather than the authors' own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import ENUM, Config
from sphinx.builders import Builder
from sphinx.builders.latex import LaTeXBuilder

from .domain import course_domain
from .facts import Lesson
from .widgets import decision_widget

EDITIONS = ("reader", "preview")


def is_preview(config: Config) -> bool:
    return config.course_edition == "preview"


def edition_line(lessons: Iterable[Lesson], days: int) -> str | None:
    """The reader edition's one line about drafts, or None once every lesson is published."""
    drafts = sum(1 for lesson in lessons if lesson.status == "draft")
    if not drafts:
        return None
    verb = "awaits" if drafts == 1 else "await"
    return f"Preview edition: {drafts} of {days} lessons {verb} the authors' review."


def production_note(title: str, *children: nodes.Node) -> nodes.admonition:
    """A note for the authors, shown only in the preview."""
    note = nodes.admonition("", nodes.title(title, title), *children,
                            classes=["course-production-note"])
    return note


def sources_note(meta: dict[str, object]) -> nodes.admonition | None:
    """The lesson's `sources:` (claim and address), for the authors who review it."""
    sources = meta.get("sources")
    if isinstance(sources, str) and sources.startswith("["):
        sources = json.loads(sources)  # MyST keeps a front-matter list as JSON text
    if not isinstance(sources, list) or not sources:
        return None
    items = nodes.bullet_list()
    for source in sources:
        claim = str(source.get("claim", "")) if isinstance(source, dict) else str(source)
        url = str(source.get("url", "")) if isinstance(source, dict) else ""
        paragraph = nodes.paragraph("", claim)
        if url:
            paragraph += [nodes.Text(": "), nodes.reference(url, url, refuri=url)]
        items += nodes.list_item("", paragraph)
    return production_note("Sources (authors' preview)", items)


def project_text_note() -> nodes.paragraph:
    text = "Added by the project, not the authors' text (authors' preview)."
    return nodes.paragraph(text, text, classes=["course-project-text"])


def add_preview_notes(app: Sphinx, doctree: nodes.document) -> None:
    """Preview only: each lesson's sources at its end; the project's passages marked."""
    env = app.env
    if not is_preview(app.config):
        return
    meta = env.metadata.get(env.docname, {})
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    note = sources_note(meta)
    if note is not None:
        section += note
    lesson = course_domain(env).lessons.get(env.docname)
    if lesson is None or lesson.status != "published":
        return
    added = meta.get("project_text")
    if isinstance(added, str) and added.startswith("["):
        added = json.loads(added)
    for part in list(section.findall(nodes.section)):
        if isinstance(added, list) and set(part["ids"]) & {str(ident) for ident in added}:
            part["classes"].append("course-project-text-section")
            part.insert(1, project_text_note())
    # The decision widgets are the project's too, wherever they stand.
    for widget in list(doctree.findall(decision_widget)):
        widget.parent.insert(widget.parent.index(widget), project_text_note())


def latex_edition_line(app: Sphinx, builder: Builder) -> None:
    """The copyright page of the PDF carries the edition line (course.sty's macro).

    Set when writing starts, after every lesson is known (also when none was re-read).
    """
    if not isinstance(builder, LaTeXBuilder) or is_preview(app.config):
        return
    line = edition_line(course_domain(app.env).lessons.values(), app.config.course_days)
    if line:
        builder.context["preamble"] += f"\n\\CourseEditionNote{{{line}}}\n"


def setup_editions(app: Sphinx) -> None:
    # Sphinx checks the value against the two editions and warns with both names.
    app.add_config_value("course_edition", "reader", "env", types=ENUM(*EDITIONS))
    app.connect("doctree-read", add_preview_notes)
    app.connect("write-started", latex_edition_line)
