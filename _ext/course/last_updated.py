""""Last updated" on each lesson: the date of the last commit that changed its file.

One `git log` call for the whole book when the HTML builder starts, never one per page. Without
git history (a source tarball, a copy) or for a file git does not know yet, the date is the
file's modification time. Either date is clamped to SOURCE_DATE_EPOCH when that is set, and
no build-time clock is read, so two builds of one commit write the same pages. Furo shows
the date in the page footer (its `last_updated` template variable); `html_last_updated_fmt`
stays None so Sphinx adds no build date of its own.

A shallow clone knows only its newest commits: clone with the full history (GitHub Actions
`fetch-depth: 0`, Read the Docs `git fetch --unshallow`) for true dates.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.i18n import format_date

from .domain import course_domain

logger = logging.getLogger(__name__)


def git_commit_times(srcdir: Path) -> dict[str, int]:
    """Each file's last commit time (Unix seconds), by path relative to `srcdir`; {} without git."""
    command = ["git", "-c", "core.quotePath=off", "log", "--format=%x00%ct", "--name-only",
               "--relative", "--", "."]
    try:
        done = subprocess.run(command, cwd=srcdir, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}  # no git on this machine
    if done.returncode != 0:
        return {}  # not a git checkout: a tarball or a copy
    times: dict[str, int] = {}
    for commit in done.stdout.split("\x00")[1:]:
        stamp, *files = commit.split("\n")
        for name in filter(None, files):
            times.setdefault(name, int(stamp))  # newest commit first: keep the first seen
    return times


def source_date_epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


class LessonDates:
    """Collects the commit times once per build and puts a lesson's date on its page."""

    def __init__(self) -> None:
        self.times: dict[str, int] = {}

    def collect(self, app: Sphinx) -> None:
        if app.builder.format == "html":  # collected before writers fork, so -j shares it
            self.times = git_commit_times(Path(app.srcdir))

    def seconds(self, srcdir: Path, source: Path) -> int | None:
        name = source.relative_to(srcdir).as_posix()
        seconds = self.times.get(name)
        if seconds is None:
            try:
                seconds = int(source.stat().st_mtime)
            except OSError:
                return None
        ceiling = source_date_epoch()
        return min(seconds, ceiling) if ceiling is not None else seconds

    def add_to_page(self, app: Sphinx, pagename: str, templatename: str,
                    context: dict[str, Any], doctree: nodes.document | None) -> None:
        if doctree is None or pagename not in course_domain(app.env).lessons:
            return
        seconds = self.seconds(Path(app.srcdir), Path(app.env.doc2path(pagename)))
        if seconds is None:
            return
        context["last_updated"] = format_date(
            app.config.course_last_updated_fmt,
            date=datetime.fromtimestamp(seconds, tz=UTC), language=app.config.language)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("course_last_updated_fmt", "%-d %B %Y", "html", types=[str])
    dates = LessonDates()
    app.connect("builder-inited", dates.collect)
    app.connect("html-page-context", dates.add_to_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
