"""One mistake, one line: warnings that only follow from a mistake the course reports itself.

Two come from MyST and Sphinx before the course has read the page, so they are filtered
where Sphinx prints warnings, ahead of its own filters (which count every warning they pass):

* MyST's own word on a lesson's front matter that is not valid YAML, and its "Document
  headings start at H2, not H1" on a lesson whose front matter has no readable title (the
  course names the front matter's mistake at its line, with the fix);
* Sphinx's "toctree glob pattern 'day-*' didn't match any documents" on a week's page (the
  course names each missing day and the file to write).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from docutils import nodes

from .facts import FrontMatter, day_of_file, week_page

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class FollowOnFilter(logging.Filter):
    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app

    def filter(self, record: logging.LogRecord) -> bool:
        kind = (getattr(record, "type", None), getattr(record, "subtype", None))
        if kind not in (("myst", "header"), ("myst", "topmatter"), (None, "empty_glob")):
            return True
        env = getattr(self.app, "env", None)
        docname = self._docname(getattr(record, "location", None))
        if env is None or docname is None:
            return True
        if kind == ("myst", "topmatter"):
            return day_of_file(docname) is None
        if kind == ("myst", "header"):
            return day_of_file(docname) is None or bool(FrontMatter.of(env, docname).title())
        weeks = self.app.config.course_weeks
        return docname not in {week_page(week) for week in weeks}

    def _docname(self, location: object) -> str | None:
        if isinstance(location, tuple) and location and isinstance(location[0], str):
            return location[0]
        source = None
        if isinstance(location, nodes.Node):
            source = location.source or getattr(location.parent, "source", None)
        elif isinstance(location, str):
            source = location.rpartition(":")[0] or location
        env = getattr(self.app, "env", None)
        return env.path2doc(source) if source and env is not None else None


def setup_follow_ons(app: Sphinx) -> None:
    # Ahead of Sphinx's own filters: its WarningSuppressor counts what it lets through (-W).
    for handler in logging.getLogger("sphinx").handlers:
        if type(handler).__name__ == "WarningStreamHandler":
            handler.filters.insert(0, FollowOnFilter(app))
