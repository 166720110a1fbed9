"""Reader progress with no server: "Mark Day N done" on each lesson, "k of 21 done" on the map.

The controls are written into the page (so nothing moves when the script arrives) and hidden
while the page is `no-js` (furo's class, gone once scripts run); `_static/js/progress.js` keeps the days in the browser's
localStorage and ticks the course map's cards (`#course-day-N`). Nothing leaves the device.
HTML only, and not ePub: a book has no browser storage to keep the days in.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .builders import builder_of, is_web
from .domain import course_domain
from .facts import day_label
from .nodes import course_listing, sign_off

PROGRESS_SCRIPT = "js/progress.js"


def _raw(html: str) -> nodes.raw:
    return nodes.raw("", html, format="html")


def mark_done_control(day: int) -> nodes.raw:
    return _raw(
        f'<div class="course-done course-needs-js">'
        f'<button type="button" class="course-done-button" data-day="{day}" aria-pressed="false">'
        f'Mark {day_label(day)} done</button>'
        f'<p class="course-done-note">Kept in this browser only.</p></div>')


def map_progress(days: int) -> nodes.raw:
    return _raw(
        f'<div class="course-progress course-needs-js" data-days="{days}">'
        f'<p class="course-progress-count" role="status">0 of {days} done</p>'
        f'<button type="button" class="course-progress-reset">Reset progress</button></div>')


class ProgressControls(SphinxPostTransform):
    """A lesson gets its mark-done button after the sign-off; the full course map its count."""

    formats = ("html",)
    default_priority = 4  # before FillListings (5) replaces the map's placeholder

    def run(self, **kwargs: Any) -> None:
        if not is_web(builder_of(self.env)):
            return
        lesson = course_domain(self.env).lessons.get(self.env.docname)
        if lesson is not None:
            for part in list(self.document.findall(sign_off))[:1]:
                part.parent.insert(part.parent.index(part) + 1, mark_done_control(lesson.day))
        for listing in list(self.document.findall(course_listing)):
            if listing["kind"] == "map" and not listing.get("week"):
                listing.parent.insert(listing.parent.index(listing),
                                      map_progress(self.config.course_days))
                break


def add_progress_script(app: Sphinx, pagename: str, templatename: str,
                        context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Only pages that show a lesson or course map cards load the script."""
    if doctree is None or not is_web(app.builder):
        return
    if pagename in course_domain(app.env).lessons or any(True for _ in doctree.findall(_map_card)):
        app.add_js_file(PROGRESS_SCRIPT)


def _map_card(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and "course-day-card" in node.get("classes", [])


def setup_progress(app: Sphinx) -> None:
    app.add_post_transform(ProgressControls)
    app.connect("html-page-context", add_progress_script)
