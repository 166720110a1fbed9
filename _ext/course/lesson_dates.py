""""Last updated" on lessons only: sphinx-last-updated-by-git dates every page, this keeps the lessons'.

sphinx-last-updated-by-git (conf.py) dates a page by the newest commit of its source *and*
of what it depends on, so a lesson's date also moves when its widget table or its image
changes. The pages built from every lesson (course map, glossary, recap, week pages) change
with the lessons, not with their own file, so their git date would mislead: they show none;
nor does the ePub, a book with no footer dates. Without git history (a source tarball, a
copy) no page is dated, and no build reads a clock, so two builds of one commit write the
same pages. furo shows the date in the page footer (`last_updated`).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .builders import is_web
from .domain import course_domain


def only_lessons_dated(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                       doctree: nodes.document | None) -> None:
    if not is_web(app.builder) or pagename not in course_domain(app.env).lessons:
        context["last_updated"] = None


def setup_lesson_dates(app: Sphinx) -> None:
    # After sphinx-last-updated-by-git's own handler (default priority 500) has dated the page.
    app.connect("html-page-context", only_lessons_dated, priority=600)
