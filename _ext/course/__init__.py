"""The course's Sphinx extension: lessons from front matter, their parts, links and checks.

Modules, one concept each:
  facts       lesson facts read from front matter, and their checks
  domain      what lessons contribute to the book (kept right for incremental/parallel
              builds) and the {day} role
  header      kicker, "Day N of 21", question and draft badge; week page titles
  parts       the directives authors write: image-slot, vocabulary, forward-references,
              wrap-up, sign-off, and the course-map / course-glossary / course-recap pages
  listings    fills the pages built from every lesson
  editions    the reader edition (default) and the authors' preview: which notes show
  contained_doctests  examples run with a time limit, offline, in a scratch folder, all counted
  code_blocks code that scrolls sideways on phones takes keyboard focus
  figures     the illustration: <picture> with a phone layout on the web, the wide one elsewhere
  html_cards  HTML presentation: sphinx-design cards
  print       the PDF book (LaTeX) and the ePub: book shape, lesson parts, static forms
  checks      course checks as warnings with file and line
  updates     which pages an incremental build rewrites
  widgets     decision widgets: a lesson's yes/no questions from one table of cases
  progress    "Mark Day N done" and "k of 21 done", kept in the reader's browser
  term_tips   glossary terms show their definition on hover, focus and tap
  site        meta description, social tags, sitemap, 404 page, per-page scripts
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import nodes as course_nodes
from .checks import setup_checks
from .domain import CourseDomain
from .editions import setup_editions
from .code_blocks import setup_code_blocks
from .contained_doctests import setup_contained_doctests
from .figures import setup_figures
from .header import FrontMatterTop
from .html_cards import HTMLCards
from .listings import FillListings
from .parts import DIRECTIVES
from .print import setup_print
from .updates import setup_updates
# Readers in a browser: decision widgets, progress, term tips, page quality.
from .progress import setup_progress
from .site import setup_site
from .term_tips import setup_term_tips
from .widgets import setup_widgets

__version__ = "1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("course_days", 21, "env", types=[int])
    app.add_config_value("course_weeks", {}, "env", types=[dict])

    setup_editions(app)  # the reader edition by default; the authors' preview on request
    app.add_domain(CourseDomain)
    app.add_role("day", CourseDomain.roles["day"])
    for node in (course_nodes.lesson_header, course_nodes.image_slot, course_nodes.image_placeholder,
                 course_nodes.vocabulary, course_nodes.forward_references, course_nodes.wrap_up,
                 course_nodes.wrap_up_part, course_nodes.sign_off):
        app.add_node(node)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)

    app.add_transform(FrontMatterTop)
    app.add_post_transform(FillListings)
    app.add_post_transform(HTMLCards)
    setup_figures(app)
    setup_code_blocks(app)
    setup_contained_doctests(app)
    setup_checks(app)
    setup_updates(app)
    setup_print(app)  # the PDF book and the ePub
    app.setup_extension("course.last_updated")  # "Last updated" on lessons, from git
    # Readers in a browser: decision widgets, progress, term tips, page quality.
    for setup_reader_feature in (setup_widgets, setup_progress, setup_term_tips, setup_site):
        setup_reader_feature(app)
    return {"version": __version__, "env_version": 1,
            "parallel_read_safe": True, "parallel_write_safe": True}
